//! The app's icon, for the window and the taskbar. The drawing is `assets/icon/stepwise.svg`; its PNG sizes
//! beside it are what desktops install (see `packaging/` and the README), and `tests/icon.rs` keeps them in step
//! with the drawing.

/// The 256 px icon, compiled in.
pub const PNG_256: &[u8] = include_bytes!("../assets/icon/stepwise-256.png");

/// The icon as the window wants it. `None` only if the compiled-in PNG were broken (a test rules that out):
/// the window then opens with the desktop's default icon.
#[must_use]
pub fn window_icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(PNG_256).ok()
}
