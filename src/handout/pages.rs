//! Laid-out pages -> pixels for the preview, and the check that every character found a font.

use std::collections::BTreeMap;

use typst::layout::{Frame, FrameItem};
use typst::utils::Scalar;
use typst_layout::{Page, PagedDocument};

/// One rendered page: `width` x `height` pixels, 4 bytes each (RGBA, row by row). Pages are opaque white, so
/// the premultiplied bytes Typst produces are also plain RGBA: `egui::ColorImage::from_rgba_unmultiplied`
/// and `from_rgba_premultiplied` give the same picture.
#[derive(Clone, PartialEq, Eq)]
pub struct PreviewPage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl std::fmt::Debug for PreviewPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PreviewPage({} x {})", self.width, self.height)
    }
}

pub(crate) fn render(document: &PagedDocument, pixels_per_point: f32) -> Vec<PreviewPage> {
    document.pages().iter().map(|page| render_page(page, pixels_per_point)).collect()
}

pub(crate) fn render_page(page: &Page, pixels_per_point: f32) -> PreviewPage {
    // Bounded so a slip in the caller (a 0 or a huge scale) cannot ask for an empty or a gigabyte image.
    let scale = if pixels_per_point.is_finite() { pixels_per_point.clamp(0.1, 8.0) } else { 1.0 };
    let options = typst_render::RenderOptions { pixel_per_pt: Scalar::new(f64::from(scale)), render_bleed: false };
    let pixmap = typst_render::render(page, &options);
    PreviewPage { width: pixmap.width(), height: pixmap.height(), rgba: pixmap.take() }
}

/// A warning for each character that no font could draw. Typst prints such a character as an empty box
/// (the font's "notdef" glyph) without a word; a therapist must hear of it before the patient sees a gap in
/// their own name.
pub(crate) fn missing_glyphs(document: &PagedDocument) -> Vec<String> {
    // Character -> the first piece of text it was seen in; sorted so the warnings come out in a stable order.
    let mut missing: BTreeMap<char, String> = BTreeMap::new();
    for page in document.pages() {
        collect_missing(&page.frame, &mut missing);
    }
    missing
        .into_iter()
        .map(|(c, context)| {
            format!(
                "No font has the character “{c}” (U+{:04X}), in “{context}”: it prints as an empty box",
                u32::from(c)
            )
        })
        .collect()
}

fn collect_missing(frame: &Frame, missing: &mut BTreeMap<char, String>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => collect_missing(&group.frame, missing),
            FrameItem::Text(text) => {
                for glyph in text.glyphs.iter().filter(|glyph| glyph.id == 0) {
                    let Some(cluster) = text.text.get(glyph.range()) else { continue };
                    for c in cluster.chars().filter(|c| !c.is_whitespace()) {
                        missing.entry(c).or_insert_with(|| text.text.chars().take(40).collect());
                    }
                }
            }
            FrameItem::Shape(..) | FrameItem::Image(..) | FrameItem::Link(..) | FrameItem::Tag(..) => {}
        }
    }
}
