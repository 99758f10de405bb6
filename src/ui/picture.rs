//! An exercise's drawing in the window: mirrored when the patient's left leg does the exercise (the drawings
//! are made for the right leg, see `crate::assets`), named for screen readers by the drawing's own description.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use egui::load::Bytes;
use egui::{Response, Ui};

/// Mirrored drawings, made once each: a card is drawn every frame.
static MIRRORED: LazyLock<Mutex<HashMap<String, Arc<[u8]>>>> = LazyLock::new(Mutex::default);

/// The drawing for `illustration_id` at `size`, mirrored when `mirrored`, or the placeholder when there is none.
/// Its accessible name is the drawing's one-line description, else `fallback_alt` (the exercise's name).
pub fn exercise_picture(
    ui: &mut Ui,
    illustration_id: &str,
    mirrored: bool,
    fallback_alt: &str,
    size: egui::Vec2,
) -> Response {
    let id = illustration_id.trim();
    let alt = crate::assets::illustration_alt_text(id).unwrap_or_else(|| fallback_alt.to_owned());
    let (uri, bytes): (String, Bytes) = match (crate::assets::illustration(id), mirrored) {
        (Some(drawn), false) => (format!("bytes://illustration/{id}.svg"), drawn.into()),
        (Some(_), true) => {
            let mut cache = MIRRORED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let bytes = cache
                .entry(id.to_owned())
                .or_insert_with(|| {
                    crate::assets::illustration_svg(id, true)
                        .map_or_else(|| Arc::from(&[][..]), |svg| Arc::from(svg.as_ref()))
                })
                .clone();
            (format!("bytes://illustration/{id}-mirrored.svg"), bytes.into())
        }
        (None, _) => {
            ("bytes://illustration/placeholder.svg".to_owned(), crate::assets::placeholder_illustration().into())
        }
    };
    ui.add(
        egui::Image::from_bytes(uri, bytes)
            .alt_text(alt)
            .fit_to_exact_size(size)
            .maintain_aspect_ratio(true)
            .show_loading_spinner(false),
    )
}
