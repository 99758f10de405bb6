//! The handout's fonts, compiled into the binary: Atkinson Hyperlegible Next for the text, Noto fallbacks for
//! Greek, Cyrillic, Arabic and Chinese names, and Typst's own fonts as a last resort.
//!
//! Parsed once per process and shared by every compile: parsing is the slow part (the Chinese fallback alone
//! is 3 MB), and sharing one `FontBook` lets Typst's caches recognise the fonts from one compile to the next.

use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// Our own font files (see `assets/fonts/README.md` for where each comes from and why).
const EMBEDDED: [&[u8]; 7] = [
    include_bytes!("../../assets/fonts/AtkinsonHyperlegibleNext-Regular.ttf"),
    include_bytes!("../../assets/fonts/AtkinsonHyperlegibleNext-Bold.ttf"),
    include_bytes!("../../assets/fonts/AtkinsonHyperlegibleNext-Italic.ttf"),
    include_bytes!("../../assets/fonts/AtkinsonHyperlegibleNext-BoldItalic.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-GreekCyrillic-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSansSC-Subset-Regular.ttf"),
];

/// Every font a handout may use, and the book Typst selects them from (same order: a book index is a font
/// index).
pub(crate) struct FontSet {
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
}

static FONTS: LazyLock<FontSet> = LazyLock::new(|| {
    let fonts: Vec<Font> =
        EMBEDDED.into_iter().chain(typst_assets::fonts()).flat_map(|data| Font::iter(Bytes::new(data))).collect();
    FontSet { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
});

/// The shared fonts, parsed on first use.
pub(crate) fn font_set() -> &'static FontSet {
    &FONTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_font_parses_and_the_body_family_is_complete() {
        // Each of our files on its own: the set below also holds Typst's fonts, which outnumber ours.
        let faces: Vec<usize> = EMBEDDED.iter().map(|data| Font::iter(Bytes::new(*data)).count()).collect();
        assert_eq!(faces, [1; EMBEDDED.len()], "each embedded file must parse as one font");
        let set = font_set();
        let typst_faces: usize = typst_assets::fonts().map(|data| Font::iter(Bytes::new(data)).count()).sum();
        assert_eq!(set.fonts.len(), EMBEDDED.len() + typst_faces, "ours and Typst's, each once");
        let first = set.fonts.first().map(|font| font.info().family.as_str());
        assert_eq!(first, Some("Atkinson Hyperlegible Next"), "ours come first");
        let body: Vec<_> = set.book.select_family("atkinson hyperlegible next").collect();
        assert_eq!(body.len(), 4, "regular, bold, italic and bold italic");
        for family in ["noto sans", "noto sans arabic", "noto sans sc"] {
            assert!(set.book.contains_family(family), "{family} missing");
        }
    }
}
