//! Files compiled into the binary: the built-in library, the illustrations and the ready-made programs.
//!
//! `build.rs` lists the folders at build time; each entry is `(file stem, contents)`, sorted by name.
//!
//! # Drawings and sides
//!
//! Every drawing is made for the **right** leg working (the figure faces right, so its near leg is its right
//! leg, filled with the accent colour). For a patient whose left leg works, the same drawing is mirrored when
//! it is shown ([`illustration_svg`] with `mirrored`), and [`mirror_illustration`] decides when. The generator
//! (`tools/illustrations/generate.py`) writes every drawing with a fixed structure that makes mirroring safe:
//!
//! ```text
//! <svg … viewBox="0 0 W H"><title>…</title><desc>…</desc>
//! <g id="drawing"> … the figures, props and arrows … </g>
//! <g id="labels"> <g id="label-…" transform="translate(X Y)"> … </g> … </g>
//! </svg>
//! ```
//!
//! Mirroring flips `drawing` about the vertical centre line and only moves each label (a position number or
//! the hold mark) to the mirrored place, so its glyph is never drawn back to front.

use std::borrow::Cow;

use crate::model::Side;

include!(concat!(env!("OUT_DIR"), "/embedded_assets.rs"));

/// The drawing for an illustration id (an SVG), or `None` when there is none: callers show a placeholder.
#[must_use]
pub fn illustration(id: &str) -> Option<&'static [u8]> {
    ILLUSTRATION_FILES.iter().find(|(stem, _)| *stem == id).map(|(_, bytes)| *bytes)
}

/// The drawing for an illustration id as drawn (`mirrored == false`: the right leg works) or mirrored (the
/// left leg works), or `None` when there is none. A drawing that cannot be mirrored (no view box) comes back
/// as drawn.
#[must_use]
pub fn illustration_svg(id: &str, mirrored: bool) -> Option<Cow<'static, [u8]>> {
    let bytes = illustration(id)?;
    if !mirrored {
        return Some(Cow::Borrowed(bytes));
    }
    Some(match std::str::from_utf8(bytes).ok().and_then(mirror_svg) {
        Some(svg) => Cow::Owned(svg.into_bytes()),
        None => Cow::Borrowed(bytes),
    })
}

/// Whether an exercise's drawing is shown mirrored (the left leg working).
///
/// Drawings are made for the right leg. They are mirrored when the leg that does the exercise is the left:
/// - `Left`: always; `Right` and `BothTogether`: never (both legs at once has no side to show);
/// - `Affected`: when the patient's affected side (`Patient::side`) is `Left`;
/// - `EachSide`: also when the patient's affected side is `Left`: the patient does both legs, and the picture
///   shows the leg the program is about (with no side given, or both legs affected, the drawing as made).
#[must_use]
pub fn mirror_illustration(dose_side: Side, patient_side: Side) -> bool {
    match dose_side {
        Side::Left => true,
        Side::Right | Side::BothTogether => false,
        Side::Affected | Side::EachSide => patient_side == Side::Left,
    }
}

/// The one-line description of a drawing (its `<desc>`, else its `<title>`), for screen readers and the
/// accessible PDF; `None` when there is no drawing or it has neither. The words never name a side, so they fit
/// the mirrored drawing too.
#[must_use]
pub fn illustration_alt_text(id: &str) -> Option<String> {
    let svg = std::str::from_utf8(illustration(id)?).ok()?;
    element_text(svg, "desc").or_else(|| element_text(svg, "title"))
}

/// The neutral "no picture" drawing shown where an illustration is missing.
#[must_use]
pub fn placeholder_illustration() -> &'static [u8] {
    illustration("placeholder").unwrap_or(FALLBACK_PLACEHOLDER)
}

const FALLBACK_PLACEHOLDER: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300"><title>No picture</title><rect x="8" y="8" width="384" height="284" fill="#fff" stroke="#888" stroke-width="6" stroke-dasharray="18 12"/><path d="M140 110 L260 190 M260 110 L140 190" stroke="#888" stroke-width="8" stroke-linecap="round"/></svg>"##;

/// The mirrored SVG: `drawing` flipped, each label moved but not flipped. A drawing without the `drawing`
/// group has everything inside the root flipped. `None` without a usable view box.
fn mirror_svg(svg: &str) -> Option<String> {
    const DRAWING: &str = "<g id=\"drawing\"";
    let root_start = svg.find("<svg")?;
    let root_end = root_start + svg[root_start..].find('>')? + 1;
    let (min_x, width) = view_box_x(&svg[root_start..root_end])?;
    let axis = 2.0 * min_x + width;
    let flip = format!(" transform=\"matrix(-1 0 0 1 {axis} 0)\"");
    let mut out = String::with_capacity(svg.len() + 64);
    if let Some(at) = svg.find(DRAWING) {
        out.push_str(&svg[..at + DRAWING.len()]);
        out.push_str(&flip);
        out.push_str(&svg[at + DRAWING.len()..]);
    } else {
        let close = svg.rfind("</svg>")?;
        if close < root_end {
            return None;
        }
        out.push_str(&svg[..root_end]);
        out.push_str("<g");
        out.push_str(&flip);
        out.push('>');
        out.push_str(&svg[root_end..close]);
        out.push_str("</g>");
        out.push_str(&svg[close..]);
    }
    Some(move_labels(&out, axis))
}

/// Every `<g id="label-…" transform="translate(X Y)">` becomes `translate(axis-X Y)`.
fn move_labels(svg: &str, axis: f64) -> String {
    const LABEL: &str = "<g id=\"label-";
    const TRANSLATE: &str = "transform=\"translate(";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(LABEL) {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |end| at + end);
        let Some(t) = rest[at..tag_end].find(TRANSLATE).map(|t| at + t + TRANSLATE.len()) else {
            out.push_str(&rest[..tag_end]);
            rest = &rest[tag_end..];
            continue;
        };
        let x_end = rest[t..tag_end].find([' ', ',', ')']).map_or(tag_end, |e| t + e);
        out.push_str(&rest[..t]);
        match rest[t..x_end].trim().parse::<f64>() {
            Ok(x) => out.push_str(&format_number(axis - x)),
            Err(_) => out.push_str(&rest[t..x_end]),
        }
        rest = &rest[x_end..];
    }
    out.push_str(rest);
    out
}

fn format_number(x: f64) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    format!("{rounded}")
}

/// The x origin and width of the root element's `viewBox`, or `0` and its `width` without one.
fn view_box_x(root_tag: &str) -> Option<(f64, f64)> {
    if let Some(values) = attribute(root_tag, "viewBox") {
        let numbers: Vec<f64> =
            values.split([' ', ',']).filter(|s| !s.is_empty()).map(str::parse).collect::<Result<_, _>>().ok()?;
        return match numbers[..] {
            [min_x, _, width, _] if width > 0.0 => Some((min_x, width)),
            _ => None,
        };
    }
    let width: f64 = attribute(root_tag, "width")?.trim_end_matches("px").parse().ok()?;
    (width > 0.0).then_some((0.0, width))
}

/// The value of `name="…"` in one tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = start + tag[start..].find('"')?;
    Some(&tag[start..end])
}

/// The text of the first `<name>…</name>`, entities decoded and white space collapsed; `None` when empty.
fn element_text(svg: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = svg.find(&open)? + open.len();
    let end = start + svg[start..].find(&format!("</{name}>"))?;
    let text = svg[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300"><title>T</title><desc>A &amp; B</desc><g id="drawing"><rect x="10" y="0" width="5" height="5"/></g><g id="labels"><g id="label-1" transform="translate(26 26)"><path d="M0 0"/></g><g id="label-hold" transform="translate(370.5,40)"></g></g></svg>"#;

    #[test]
    fn mirroring_flips_the_drawing_and_moves_labels_without_flipping_them() {
        let out = mirror_svg(SVG).expect("mirrors");
        assert!(out.contains(r#"<g id="drawing" transform="matrix(-1 0 0 1 400 0)">"#), "{out}");
        assert!(out.contains(r#"<g id="label-1" transform="translate(374 26)">"#), "{out}");
        assert!(out.contains(r#"<g id="label-hold" transform="translate(29.5,40)">"#), "{out}");
        assert_eq!(out.matches("matrix(").count(), 1, "labels are not flipped: {out}");
    }

    #[test]
    fn a_drawing_without_the_structure_is_flipped_whole() {
        let plain = r#"<svg width="120" height="90"><rect x="1" y="1" width="2" height="2"/></svg>"#;
        let out = mirror_svg(plain).expect("mirrors");
        assert_eq!(
            out,
            r#"<svg width="120" height="90"><g transform="matrix(-1 0 0 1 120 0)"><rect x="1" y="1" width="2" height="2"/></g></svg>"#
        );
        assert_eq!(mirror_svg("<svg><rect/></svg>"), None, "no size, nothing to mirror about");
    }

    #[test]
    fn alt_text_is_the_description_decoded() {
        assert_eq!(element_text(SVG, "desc").as_deref(), Some("A & B"));
        assert_eq!(element_text("<svg><desc>  </desc></svg>", "desc"), None);
    }

    #[test]
    fn only_left_working_legs_are_mirrored() {
        assert!(mirror_illustration(Side::Left, Side::Right));
        assert!(!mirror_illustration(Side::Right, Side::Left));
        assert!(!mirror_illustration(Side::BothTogether, Side::Left));
        assert!(mirror_illustration(Side::Affected, Side::Left));
        assert!(!mirror_illustration(Side::Affected, Side::Right));
        assert!(!mirror_illustration(Side::Affected, Side::BothTogether));
        assert!(mirror_illustration(Side::EachSide, Side::Left));
        assert!(!mirror_illustration(Side::EachSide, Side::EachSide));
    }
}
