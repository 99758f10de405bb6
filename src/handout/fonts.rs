//! The handout's fonts, compiled into the binary: Atkinson Hyperlegible Next for the text, Noto fallbacks for
//! Greek, Cyrillic, Arabic and Chinese names, and Typst's own fonts as a last resort.
//!
//! The book (which fonts exist, their styles and which characters each covers) is read once per process and shared
//! by every compile: sharing one `FontBook` lets Typst's caches recognise the fonts from one compile to the next.
//! A font itself is parsed only when a text needs it: a handout in English never parses the 3 MB Chinese fallback
//! or Typst's own fonts, which made the first compile after start-up slow.

use std::sync::{LazyLock, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
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

/// Every font a handout may use, and the book Typst selects them from (same order: a book index is a slot index).
pub(crate) struct FontSet {
    pub(crate) book: LazyHash<FontBook>,
    slots: Vec<FontSlot>,
}

/// One face of one file, parsed on first use.
struct FontSlot {
    data: &'static [u8],
    index: u32,
    font: OnceLock<Option<Font>>,
}

impl FontSet {
    /// The font at this book index, parsed the first time it is asked for.
    pub(crate) fn font(&self, index: usize) -> Option<Font> {
        let slot = self.slots.get(index)?;
        slot.font.get_or_init(|| Font::new(Bytes::new(slot.data), slot.index)).clone()
    }

    /// How many faces the book holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.slots.len()
    }
}

static FONTS: LazyLock<FontSet> = LazyLock::new(|| {
    let mut infos = Vec::new();
    let mut slots = Vec::new();
    for data in EMBEDDED.into_iter().chain(typst_assets::fonts()) {
        // A collection holds several faces; a plain font file has face 0 only, and asking for face 1 fails.
        for index in 0.. {
            let Some(info) = FontInfo::new(data, index) else { break };
            infos.push(info);
            slots.push(FontSlot { data, index, font: OnceLock::new() });
        }
    }
    FontSet { book: LazyHash::new(FontBook::from_infos(infos)), slots }
});

/// The shared fonts: the book is read on first use, each font when it is first needed.
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
        assert_eq!(set.len(), EMBEDDED.len() + typst_faces, "ours and Typst's, each once");
        let first = set.book.info(0).map(|info| info.family.as_str());
        assert_eq!(first, Some("Atkinson Hyperlegible Next"), "ours come first");
        // Each slot parses to the face its book entry describes.
        for index in 0..set.len() {
            let font = set.font(index).unwrap_or_else(|| panic!("font {index} does not parse"));
            assert_eq!(Some(font.info()), set.book.info(index), "font {index}");
        }
        let body: Vec<_> = set.book.select_family("atkinson hyperlegible next").collect();
        assert_eq!(body.len(), 4, "regular, bold, italic and bold italic");
        for family in ["noto sans", "noto sans arabic", "noto sans sc"] {
            assert!(set.book.contains_family(family), "{family} missing");
        }
    }
}
