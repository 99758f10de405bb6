//! The egui application: the planner window a therapist uses at the clinic desk.
//!
//! # Where things are
//! - **State**: `app::StepwiseApp` (`app/mod.rs`) holds the document (`document::Document`: program, file, undo
//!   `history`, problems), the `selection::Selection`, the library, the settings, and each panel's own state.
//!   Only `app/` sees the whole app: `command_handling` (the one `match` over commands), `file_actions`,
//!   `handout_actions` (PDF, print, feeding the preview) and `windows` (floating windows, prompt answers).
//! - **Commands** (`commands.rs`): `CommandKind` needs no target (menus, palette, shortcuts; iterable with
//!   `CommandKind::iter()`); `Edit` changes a named part of the program; `Command` wraps both. Text, tooltip and
//!   per-OS shortcuts are defined there and nowhere else. What an `Edit` does is in `edits.rs` (plain functions).
//! - **Panels** get a narrow context struct and return `Vec<Command>`; none sees the app: `library_panel`,
//!   `program_editor` (+ `timeline`, `phase_section`, `prescription_card`, `progression_fields`), `side_area`,
//!   `menu_bar`, `notices`, `handout_options` (above the preview); windows `palette`, `settings_window`, `custom_exercise`; modal `prompts`.
//!   Shared bits: `widgets`, `drag` (the drag payload), `templates`, `file_dialogs`, `preview` (worker thread).
//!
//! # How to
//! - **Add a command**: a variant in `CommandKind` (in palette order), its words in `text_and_tooltip`, its keys
//!   in `shortcuts(os)`; then its arm in `app/command_handling.rs::run_kind`. The palette lists it by itself, the
//!   clash test checks its keys on Linux, Windows and macOS. A menu item: `menu_bar.rs`. For an edit of one
//!   thing, add an `Edit` variant (words in `Edit::text_and_tooltip`) and its arm in `edits::apply`: it is then
//!   one undo step and refused on a read-only file.
//! - **Add a panel or a section**: a new module with its state struct, a `XContext<'a>` holding only the
//!   references it needs, and `fn ui(ui, &mut State, &mut XContext) -> Vec<Command>`; build the context and
//!   extend the queue in `app/mod.rs::draw` (or in the parent panel). Typing into the program may change it
//!   directly (the app notices and records one undo step per gesture); adding or removing goes through a command.
//! - **Add a dialog/window**: a module with `Option<State>` on the app, `show(ctx, ..) -> Action`; act on the
//!   action in `app/windows.rs`. Use `widgets::DiscardQuestion` + `widgets::escape_pressed` for Escape.
//! - **A worker** (as `preview.rs`): a thread fed through a channel, results taken in `receive` each frame, and
//!   `ctx.request_repaint()` from the thread when done; the app feeds it in `app/handout_actions.rs`.
//! - **Settings** (`crate::files::settings::Settings`) live on the app; panels get the fields they need through
//!   their context (e.g. `units`), handout options come from `crate::printing::handout_options` (via `handout_actions`).
//! - Keep hunks small: one new module of your own plus a few lines where it is hooked in.

mod app;
mod calendar_window;
pub mod commands;
mod custom_exercise;
mod document;
mod drag;
mod editor_context;
mod edits;
pub mod file_dialogs;
mod handout_options;
mod history;
mod library_panel;
mod menu_bar;
mod notices;
mod palette;
mod phase_section;
mod picture;
mod prescription_card;
mod preview;
mod program_editor;
mod progression_fields;
mod prompts;
mod selection;
mod settings_window;
mod side_area;
mod templates;
mod timeline;
mod widgets;

pub use app::{AppEnvironment, StepwiseApp};
pub use commands::{Command, CommandKind, Edit, LoadKind, ProgressionKind};
pub use file_dialogs::{FileDialogs, FileKind, NativeDialogs, ScriptedDialogs};
pub use notices::Notice;
pub use prompts::{Pending, Prompt};
pub use selection::Selection;
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
    let viewport = egui::ViewportBuilder::default()
        .with_title("Stepwise")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 500.0]);
    // The window's and the taskbar's icon (`crate::icon`); without it the desktop shows its default.
    let viewport = match crate::icon::window_icon() {
        Some(icon) => viewport.with_icon(icon),
        None => viewport,
    };
    eframe::NativeOptions { renderer, viewport, ..Default::default() }
}

fn create_app(
    cc: &eframe::CreationContext<'_>,
    open: Option<std::path::PathBuf>,
) -> Result<Box<dyn eframe::App>, Box<dyn std::error::Error + Send + Sync>> {
    let environment =
        AppEnvironment::for_user().ok_or("no home folder: Stepwise cannot find where to keep its files")?;
    // A clinic desk is often bright: when the system's theme cannot be read, light rather than egui's dark.
    cc.egui_ctx.options_mut(|options| options.fallback_theme = egui::Theme::Light);
    let mut app = StepwiseApp::new(cc, environment);
    if let Some(path) = open {
        app.open_path(&path);
    }
    Ok(Box::new(app))
}
