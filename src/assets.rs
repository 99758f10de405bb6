//! Files compiled into the binary: the built-in library, the illustrations and the ready-made programs.
//!
//! `build.rs` lists the folders at build time; each entry is `(file stem, contents)`, sorted by name.

include!(concat!(env!("OUT_DIR"), "/embedded_assets.rs"));

/// The drawing for an illustration id (an SVG), or `None` when there is none: callers show a placeholder.
#[must_use]
pub fn illustration(id: &str) -> Option<&'static [u8]> {
    ILLUSTRATION_FILES.iter().find(|(stem, _)| *stem == id).map(|(_, bytes)| *bytes)
}

/// The neutral "no picture" drawing shown where an illustration is missing.
#[must_use]
pub fn placeholder_illustration() -> &'static [u8] {
    illustration("placeholder").unwrap_or(FALLBACK_PLACEHOLDER)
}

const FALLBACK_PLACEHOLDER: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300"><title>No picture</title><rect x="8" y="8" width="384" height="284" fill="#fff" stroke="#888" stroke-width="6" stroke-dasharray="18 12"/><path d="M140 110 L260 190 M260 110 L140 190" stroke="#888" stroke-width="8" stroke-linecap="round"/></svg>"##;
