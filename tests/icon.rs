//! The app icon and the Linux desktop entry: the PNGs are the drawing at each size, the window's icon loads, and
//! the desktop entry names the binary, the icon and the window.
//!
//! After editing `assets/icon/stepwise.svg`: `UPDATE_ICONS=1 cargo test --test icon` redraws the PNGs.

use std::path::Path;

use resvg::tiny_skia::Pixmap;

/// The sizes desktops ask for (the freedesktop hicolor theme's usual ones).
const SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];

fn icon_folder() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/icon"))
}

fn render(svg: &usvg::Tree, size: u32) -> Pixmap {
    let mut pixmap = Pixmap::new(size, size).expect("pixmap");
    let scale = size as f32 / svg.size().width();
    resvg::render(svg, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap
}

#[test]
fn each_png_is_the_drawing_at_its_size() {
    let text = std::fs::read(icon_folder().join("stepwise.svg")).expect("the drawing");
    let svg = usvg::Tree::from_data(&text, &usvg::Options::default()).expect("the drawing parses");
    assert_eq!(svg.size().width(), svg.size().height(), "square");
    let update = std::env::var_os("UPDATE_ICONS").is_some();
    for size in SIZES {
        let path = icon_folder().join(format!("stepwise-{size}.png"));
        let drawn = render(&svg, size);
        if update {
            drawn.save_png(&path).expect("write the PNG");
        }
        let committed = Pixmap::load_png(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_ICONS=1 cargo test --test icon)", path.display()));
        assert_eq!((committed.width(), committed.height()), (size, size), "{}", path.display());
        let worst = drawn.data().iter().zip(committed.data()).map(|(a, b)| a.abs_diff(*b)).max().unwrap_or(0);
        assert!(worst <= 2, "{} differs from the drawing by up to {worst}: UPDATE_ICONS=1", path.display());
    }
}

#[test]
fn the_window_icon_loads_with_a_clear_edge() {
    let icon = stepwise::icon::window_icon().expect("the compiled-in PNG decodes");
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    let alpha = |x: usize, y: usize| icon.rgba[(y * 256 + x) * 4 + 3];
    assert_eq!(alpha(0, 0), 0, "rounded corners are transparent");
    assert_eq!(alpha(128, 128), 255, "the tile is opaque");
}

#[test]
fn the_desktop_entry_runs_stepwise_with_its_icon() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/packaging/stepwise.desktop");
    let text = std::fs::read_to_string(path).expect("packaging/stepwise.desktop");
    assert_eq!(text.lines().next(), Some("[Desktop Entry]"));
    let value = |key: &str| {
        text.lines().find_map(|line| line.strip_prefix(key).and_then(|rest| rest.strip_prefix('='))).unwrap_or_default()
    };
    assert_eq!(value("Type"), "Application");
    assert_eq!(value("Name"), "Stepwise");
    assert_eq!(value("Exec"), "stepwise %f", "the binary `cargo install` puts on the PATH, with a file to open");
    assert_eq!(value("Icon"), "stepwise", "the name the PNGs and SVG are installed under");
    // The window's app id: the desktop matches the running window to this entry (and its icon) by it.
    assert_eq!(value("StartupWMClass"), stepwise::ui::APP_ID);
    assert!(value("Categories").ends_with("MedicalSoftware;"), "lists end with `;`");
}
