//! The application: its state, and the frame.
//!
//! Each frame: shortcuts become commands; the panels draw, each from a narrow context, and return more commands;
//! the queue runs (`command_handling`); then the frame notices any change to the program (however it was made)
//! and does what follows from it: undo steps, the unsaved mark in the title, the autosaved recovery copy and the
//! handout preview. Nothing repaints on a timer unless something is pending, so an idle window uses no processor
//! time.
//!
//! The app's own modules, the only code that sees the whole `StepwiseApp`: `command_handling` (one `match` over
//! every command), `file_actions` (new, open, save, recovery, settings), `handout_actions` (PDF, printing, the
//! preview worker), `export_actions` (the web page and calendar for the patient's phone) and `windows` (the floating windows and the prompt).

mod command_handling;
mod export_actions;
mod file_actions;
mod handout_actions;
mod windows;

use std::collections::HashSet;
use std::rc::Rc;
use std::time::{Duration, Instant};

use super::calendar_window::CalendarWindow;
use super::commands::{self, Command, CommandKind};
use super::custom_exercise::CustomExerciseForm;
use super::document::Document;
use super::editor_context::EditorContext;
use super::file_dialogs::{FileDialogs, NativeDialogs};
use super::library_panel::{self, LibraryContext, LibraryPanel};
use super::menu_bar::{self, MenuContext, StatusContext};
use super::notices::{self, Notice};
use super::palette::Palette;
use super::preview::Preview;
use super::program_editor::ProgramEditor;
use super::prompts::{Pending, Prompt};
use super::selection::Selection;
use super::settings_window::SettingsWindow;
use super::side_area::{self, SideContext, SideTab};
use crate::files::recovery;
use crate::files::settings::{Locations, Settings};
use crate::library::Library;
use crate::model::{Date, Program};
use crate::schedule::{self, Schedule};

/// Everything the app needs from outside: folders, dialogs and the library. Tests build one over temporary
/// folders with scripted dialogs.
pub struct AppEnvironment {
    pub locations: Locations,
    pub dialogs: Box<dyn FileDialogs>,
    /// `None`: load the built-in, clinic (from the settings) and user libraries.
    pub library: Option<Library>,
    /// The first day of a new program.
    pub today: Date,
    /// How long after a change the recovery copy is written.
    pub autosave_delay: Duration,
    /// Compile the handout preview on a worker thread (off in tests that do not look at it).
    pub live_preview: bool,
    /// Where Print sends the handout (on a worker thread): the system's printing, or a test's fake.
    pub printer: std::sync::Arc<dyn crate::printing::Printer>,
}

impl AppEnvironment {
    /// The user's own folders and the system's dialogs.
    #[must_use]
    pub fn for_user() -> Option<Self> {
        Some(Self::new(Locations::for_user()?, Box::new(NativeDialogs)))
    }

    /// Defaults for the given folders: today's date, autosave after 2 s, live preview on.
    #[must_use]
    pub fn new(locations: Locations, dialogs: Box<dyn FileDialogs>) -> Self {
        Self {
            locations,
            dialogs,
            library: None,
            today: today(),
            autosave_delay: Duration::from_secs(2),
            live_preview: true,
            printer: std::sync::Arc::new(crate::printing::SystemPrinter),
        }
    }
}

/// When `run` was called: start-up time is measured from here to the first frame.
static PROCESS_START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

pub(super) fn mark_process_start() {
    let _ = PROCESS_START.set(Instant::now());
}

/// Today's local date (`crate::clock`): a new program starts on the therapist's today, not UTC's.
fn today() -> Date {
    crate::clock::today()
}

/// Where files go and come from: folders, dialogs, and the recovery copy's timing.
struct Files {
    locations: Locations,
    dialogs: Box<dyn FileDialogs>,
    today: Date,
    autosave_delay: Duration,
    /// The document revision last written to the recovery file.
    autosaved_revision: Option<u64>,
    /// Set once the therapist has answered the unsaved-changes prompt for closing the window.
    allow_close: bool,
    /// This window's own recovery copy, locked while the window runs (`None`: it could not be made, reported).
    slot: Option<recovery::RecoverySlot>,
    /// A copy left by a window that is gone, while "Restore unsaved work?" is up; dropping it keeps the copy.
    offered: Option<recovery::LeftBehind>,
    /// Why the settings file must not be written (a typo, a newer Stepwise): then nothing is saved to it.
    settings_read_only: Option<String>,
}

/// Views computed from the program, rebuilt when its revision changes.
struct Derived {
    /// The program week by week, for the timeline.
    schedule: Rc<Schedule>,
    schedule_revision: Option<u64>,
    /// Prescriptions whose library entry changed since they were copied ("Update from library").
    outdated: HashSet<u64>,
    outdated_revision: Option<u64>,
}

/// The handout preview worker, when the live preview is on.
struct Handout {
    preview: Option<Preview>,
    live_preview: bool,
    printer: std::sync::Arc<dyn crate::printing::Printer>,
    /// To wake the window when the print job answers.
    repaint: egui::Context,
    /// The answer of the print job under way, if one is.
    printing: Option<std::sync::mpsc::Receiver<Result<crate::printing::Printed, String>>>,
}

/// Per-frame bookkeeping of the window itself.
#[derive(Default)]
struct FrameState {
    title: String,
    /// Frames during which a typed `/` is dropped, after `/` opened the search.
    swallow_slash: u8,
    first_frame_seen: bool,
}

pub struct StepwiseApp {
    /// The program being edited, its file, its undo history and its problems.
    pub document: Document,
    pub selection: Selection,
    pub library: Library,
    /// The therapist's settings (config folder): handout details, units, recent files.
    pub settings: Settings,
    // Panels and windows, each with its own state.
    pub library_panel: LibraryPanel,
    pub program_editor: ProgramEditor,
    pub side_tab: SideTab,
    pub palette: Palette,
    pub settings_window: Option<SettingsWindow>,
    pub custom_exercise: Option<CustomExerciseForm>,
    /// Asks for the reminder times before the calendar is exported.
    pub calendar_window: Option<CalendarWindow>,
    /// The reminder times last used, offered again by the next calendar export.
    reminder_times: crate::export::ics::ReminderTimes,
    pub prompt: Option<Prompt>,
    pub notices: Vec<Notice>,
    /// Commands queued this frame; run after drawing. Tests push here too.
    pub commands: Vec<Command>,
    /// Where the handout was last exported (tests read it).
    pub last_export: Option<std::path::PathBuf>,
    files: Files,
    derived: Derived,
    handout: Handout,
    frame: FrameState,
}

impl StepwiseApp {
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, environment: AppEnvironment) -> Self {
        egui_extras::install_image_loaders(&cc.egui_ctx);
        // Ctrl+Plus/Minus/0 go through our own Command like every other shortcut.
        cc.egui_ctx.options_mut(|options| options.zoom_with_keyboard = false);
        Self::with_context(&cc.egui_ctx, environment)
    }

    /// The app on a given context (for the benchmark, which has no `CreationContext`).
    #[must_use]
    pub fn with_context(ctx: &egui::Context, environment: AppEnvironment) -> Self {
        let AppEnvironment { locations, dialogs, library, today, autosave_delay, live_preview, printer } = environment;
        let mut notices = Vec::new();
        let loaded = Settings::open(&locations.settings_file());
        let settings = loaded.settings;
        if let Some(reason) = &loaded.read_only {
            notices.push(Notice::error(format!("Settings are read-only: {reason}")));
        }
        let library = library.unwrap_or_else(|| {
            let (library, problems) =
                Library::load(Some(&locations.user_library_file()), settings.clinic_library.as_deref());
            notices.extend(problems.into_iter().map(|problem| Notice::error(problem.to_string())));
            library
        });
        let mut program = Program::new(today);
        program.therapist.clone_from(&settings.therapist);
        program.clinic.clone_from(&settings.clinic_name);
        let slot = match recovery::RecoverySlot::claim(&locations.recovery_dir()) {
            Ok(slot) => Some(slot),
            Err(error) => {
                notices.push(Notice::error(format!("Unsaved work cannot be kept for a crash: {error}")));
                None
            }
        };
        // Only copies whose window is gone are offered (another window's live work never is); the newest readable
        // one is asked about, the rest wait for the next start.
        let mut offered = None;
        for left in recovery::left_behind(&locations.recovery_dir()) {
            match &left.recovery {
                Ok(_) if offered.is_none() => offered = Some(left),
                Ok(_) => {}
                Err(error) => notices.push(Notice::error(format!(
                    "A recovery copy was found but could not be read (it is kept): {error}"
                ))),
            }
        }
        let prompt = offered
            .as_ref()
            .and_then(|left| left.recovery.as_ref().ok())
            .map(|found| Prompt::Recovery(Box::new(found.clone())));
        let preview = live_preview.then(|| Preview::start(ctx));
        Self {
            selection: Selection::for_program(&program),
            document: Document::new(program, None, None),
            library,
            settings,
            library_panel: LibraryPanel::default(),
            program_editor: ProgramEditor::default(),
            side_tab: SideTab::Details,
            palette: Palette::default(),
            settings_window: None,
            custom_exercise: None,
            calendar_window: None,
            reminder_times: crate::export::ics::ReminderTimes::default(),
            prompt,
            notices,
            commands: Vec::new(),
            last_export: None,
            files: Files {
                locations,
                dialogs,
                today,
                autosave_delay,
                autosaved_revision: None,
                allow_close: false,
                slot,
                offered,
                settings_read_only: loaded.read_only,
            },
            derived: Derived {
                schedule: Rc::new(schedule::build(&Program::new(today))),
                schedule_revision: None,
                outdated: HashSet::new(),
                outdated_revision: None,
            },
            handout: Handout { preview, live_preview, printer, repaint: ctx.clone(), printing: None },
            frame: FrameState::default(),
        }
    }

    /// Where the recovery copy lives (tests leave one behind there).
    #[must_use]
    pub fn locations(&self) -> &Locations {
        &self.files.locations
    }

    /// The window title: file name, a mark for unsaved changes, and the app.
    #[must_use]
    pub fn window_title(&self) -> String {
        let mark = if self.document.dirty { "• " } else { "" };
        let read_only = if self.document.read_only.is_some() { " (read-only)" } else { "" };
        format!("{mark}{}{read_only} – Stepwise", self.document.display_name())
    }

    fn notify(&mut self, text: impl Into<String>) {
        self.notices.push(Notice::info(text));
    }

    fn report(&mut self, text: impl Into<String>) {
        self.notices.push(Notice::error(text));
    }

    /// The program week by week (shared, so the editor can hold it while it changes the program).
    fn schedule(&mut self) -> Rc<Schedule> {
        let derived = &mut self.derived;
        if derived.schedule_revision != Some(self.document.revision)
            || derived.schedule.start_date != self.document.program.start_date
        {
            derived.schedule = Rc::new(schedule::build(&self.document.program));
            derived.schedule_revision = Some(self.document.revision);
        }
        Rc::clone(&derived.schedule)
    }

    /// Each panel draws from its narrow context; what it returns joins the queue.
    fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // On a small screen the side panels give way, so the program in the middle keeps room to work in.
        let window_width = ctx.content_rect().width();
        let library_max = (window_width * 0.26).clamp(220.0, 520.0);
        let side_max = (window_width * 0.3).clamp(240.0, 720.0);
        let menu = MenuContext {
            can_undo: self.document.history.can_undo(&self.document.program),
            can_redo: self.document.history.can_redo(),
            has_selection: self.selection.prescription.is_some(),
            has_library_selection: self.selection.exercise.is_some(),
            recent_files: &self.settings.recent_files,
        };
        let mut commands = egui::Panel::top("menu bar").show(ui, |ui| menu_bar::menu_bar(ui, &menu)).inner;
        let status = StatusContext {
            errors: self.document.error_count(),
            exercises: self.document.program.prescriptions().count(),
            phases: self.document.program.phases.len(),
            dirty: self.document.dirty,
        };
        commands.extend(egui::Panel::bottom("status bar").show(ui, |ui| menu_bar::status_bar(ui, &status)).inner);
        let mut library = LibraryContext { library: &self.library, selection: &mut self.selection };
        commands.extend(
            egui::Panel::left("library panel")
                .resizable(true)
                .default_size(320.0)
                .size_range(220.0..=library_max)
                .show(ui, |ui| library_panel::ui(ui, &mut self.library_panel, &mut library))
                .inner,
        );
        let mut side = SideContext {
            tab: self.side_tab,
            program: &self.document.program,
            selection: &self.selection,
            library: &self.library,
            preview: self.handout.preview.as_mut(),
        };
        commands.extend(
            egui::Panel::right("side area")
                .resizable(true)
                .default_size(360.0)
                .size_range(240.0..=side_max)
                .show(ui, |ui| side_area::ui(ui, &mut side))
                .inner,
        );
        let schedule = self.schedule();
        let read_only = self.document.read_only.clone();
        let mut editor = EditorContext {
            program: &mut self.document.program,
            read_only: read_only.as_deref(),
            problems: &self.document.problems,
            selection: &mut self.selection,
            schedule: &schedule,
            outdated: &self.derived.outdated,
            units: self.settings.units,
        };
        let (program_editor, notices) = (&mut self.program_editor, &mut self.notices);
        commands.extend(
            egui::CentralPanel::default()
                .show(ui, |ui| {
                    notices::ui(ui, notices);
                    program_editor.ui(ui, &mut editor)
                })
                .inner,
        );
        self.commands.extend(commands);
        self.windows(&ctx);
    }

    /// After drawing and commands: notice changes and do what follows from them.
    fn after_frame(&mut self, ctx: &egui::Context) {
        self.receive_printed();
        let library = &self.library;
        if self.document.notice_changes(&|id| library.contains(id)) {
            // Panels drawn before the change was noticed (timeline, title) catch up in one more frame.
            ctx.request_repaint();
        }
        // A typing or dragging gesture is one undo step, recorded when it ends.
        let gesture_under_way = ctx.input(|input| input.pointer.any_down()) || ctx.text_edit_focused();
        if !gesture_under_way {
            self.document.history.settle(&self.document.program);
        }
        if self.derived.outdated_revision != Some(self.document.revision) {
            self.derived.outdated_revision = Some(self.document.revision);
            self.derived.outdated = self
                .document
                .program
                .prescriptions()
                .filter(|(_, p)| {
                    self.library
                        .get(&p.exercise.library_id)
                        .is_some_and(|entry| p.exercise.differs_from(&entry.exercise))
                })
                .map(|(_, p)| p.id)
                .collect();
        }
        self.autosave(ctx);
        self.update_preview(ctx);
        let title = self.window_title();
        if title != self.frame.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.frame.title = title;
        }
    }

    /// Keys that stand for commands, taken out of the input before any widget sees them.
    fn listen_for_shortcuts(&mut self, ctx: &egui::Context) {
        if self.frame.swallow_slash > 0 {
            // `/` (Find) also arrives as typed text, sometimes a frame later: keep it out of the search box.
            self.frame.swallow_slash -= 1;
            ctx.input_mut(|input| {
                input.events.retain(|event| !matches!(event, egui::Event::Text(text) if text == "/"));
            });
        }
        // None while a prompt, the palette or a window that takes the keyboard is up.
        if self.prompt.is_none() && !self.palette.is_open() {
            let slash = !ctx.text_edit_focused()
                && ctx.input(|input| input.key_pressed(egui::Key::Slash) && input.modifiers.is_none());
            let fired = commands::consume_shortcuts(ctx);
            if slash && fired.contains(&CommandKind::Find.into()) {
                self.frame.swallow_slash = 3;
            }
            self.commands.extend(fired);
        }
    }
}

impl eframe::App for StepwiseApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if !self.frame.first_frame_seen {
            self.frame.first_frame_seen = true;
            // `STEPWISE_STARTUP_TIME=1 stepwise` prints how long the window took to draw its first frame.
            if let Some(start) = PROCESS_START.get()
                && std::env::var_os("STEPWISE_STARTUP_TIME").is_some()
            {
                eprintln!("stepwise: first frame {} ms after start", start.elapsed().as_millis());
            }
        }
        self.listen_for_shortcuts(&ctx);
        if ctx.input(|input| input.viewport().close_requested()) && !self.files.allow_close {
            if self.document.dirty {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.prompt = Some(Prompt::UnsavedChanges { then: Pending::Quit });
            } else {
                self.discard_recovery();
            }
        }
        self.draw(ui);
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // What a command opened or changed is drawn in the next frame: ask for it now, not at the next mouse move.
            ctx.request_repaint();
        }
        for command in commands {
            self.run_command(command, &ctx);
        }
        self.after_frame(&ctx);
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        // Window size, panel widths and the theme are kept by eframe itself (egui memory); documents are saved
        // by the user.
    }
}
