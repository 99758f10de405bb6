//! The egui application: the planner window a therapist uses at the clinic desk.
//!
//! `app` holds the state and runs commands; one module per panel draws it (`library_panel`, `program_editor`
//! with `prescription_card`, `side_area`), plus the command palette, the settings window, the custom-exercise
//! form and the prompts in `dialogs`. Every action goes through `commands::Command`, and undo through `history`.

mod app;
pub mod commands;
mod custom_exercise;
mod dialogs;
mod document;
pub mod file_dialogs;
mod history;
mod library_panel;
mod palette;
mod prescription_card;
mod preview;
mod program_editor;
mod settings_window;
mod side_area;
mod widgets;

pub use app::{AppEnvironment, Prompt, StepwiseApp};
pub use commands::Command;
pub use file_dialogs::{FileDialogs, FileKind, NativeDialogs, ScriptedDialogs};
pub use side_area::SideTab;

/// The window's name for the desktop (and eframe's storage folder).
pub const APP_ID: &str = "stepwise";

/// Opens the window and runs until it closes. Tries wgpu first and falls back to OpenGL (glow) when wgpu cannot
/// start, as on old machines or some virtual desktops: eframe has no fallback of its own.
pub fn run() -> eframe::Result<()> {
    run_with_file(None)
}

/// Like `run`, opening a program file first (`stepwise PROGRAM.ron`). A file that cannot be read is reported in
/// the window, which then starts with a new program.
pub fn run_with_file(open: Option<std::path::PathBuf>) -> eframe::Result<()> {
    app::mark_process_start();
    let creator =
        |open: Option<std::path::PathBuf>| -> eframe::AppCreator<'static> { Box::new(move |cc| create_app(cc, open)) };
    let wgpu = eframe::run_native(APP_ID, native_options(eframe::Renderer::Wgpu), creator(open.clone()));
    match wgpu {
        Err(error) => {
            eprintln!("stepwise: the wgpu renderer could not start ({error}); trying OpenGL");
            eframe::run_native(APP_ID, native_options(eframe::Renderer::Glow), creator(open))
        }
        ok => ok,
    }
}

fn native_options(renderer: eframe::Renderer) -> eframe::NativeOptions {
    eframe::NativeOptions {
        renderer,
        viewport: egui::ViewportBuilder::default()
            .with_title("Stepwise")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    }
}

fn create_app(
    cc: &eframe::CreationContext<'_>,
    open: Option<std::path::PathBuf>,
) -> Result<Box<dyn eframe::App>, Box<dyn std::error::Error + Send + Sync>> {
    let environment =
        AppEnvironment::for_user().ok_or("no home folder: Stepwise cannot find where to keep its files")?;
    let mut app = StepwiseApp::new(cc, environment);
    if let Some(path) = open {
        app.open_path(&path);
    }
    Ok(Box::new(app))
}
