//! The application state and the one place commands are carried out.
//!
//! Each frame: shortcuts become commands; the panels draw and queue more commands; the queue runs (`run_command`);
//! then the frame notices any change to the program (however it was made) and does what follows from it: undo
//! steps, the unsaved mark in the title, the autosaved recovery copy and the handout preview. Nothing repaints
//! on a timer unless something is pending, so an idle window uses no processor time.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::commands::{self, Command};
use super::custom_exercise::CustomExerciseForm;
use super::dialogs;
use super::document::Document;
use super::file_dialogs::{FileDialogs, FileKind, NativeDialogs};
use super::library_panel::LibraryPanel;
use super::palette::Palette;
use super::preview::{self, Preview};
use super::settings_window::SettingsWindow;
use super::side_area::SideTab;
use super::{library_panel, program_editor, side_area};
use crate::files::recovery::{self, Recovery};
use crate::files::settings::{Locations, PaperSize, Settings};
use crate::files::{self, LoadedProgram};
use crate::handout::{self, ClinicDetails, HandoutOptions, Paper};
use crate::library::Library;
use crate::model::{Date, Phase, Prescription, Program};
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
        }
    }
}

/// When `run` was called: start-up time is measured from here to the first frame.
static PROCESS_START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

pub(super) fn mark_process_start() {
    let _ = PROCESS_START.set(Instant::now());
}

/// Today's date from the system clock (UTC is close enough for a program's start date).
fn today() -> Date {
    let seconds =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs());
    Date::from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// What is waiting for the therapist's answer before the app goes on.
#[derive(Debug)]
pub enum Prompt {
    /// "Save changes to …?" before `then` throws the current program away.
    UnsavedChanges { then: Pending },
    /// A recovery copy was left behind by a crash: restore it or throw it away.
    Recovery(Box<Recovery>),
    /// File > New from template.
    Templates,
}

/// An action that replaces the open program, waiting for the unsaved-changes prompt.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    Template(usize),
    /// Open this file, or ask for one.
    Open(Option<PathBuf>),
    Quit,
}

/// A message shown in a strip above the program until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// What the therapist has selected: drives the details view and the commands that act on "the selected exercise".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// The prescription card last clicked.
    pub prescription: Option<u64>,
    /// The library entry last clicked.
    pub exercise: Option<String>,
    /// The phase new exercises go into.
    pub target_phase: Option<u64>,
    /// Whether the details view shows the prescription (true) or the library entry (false).
    pub details_of_prescription: bool,
    /// Bring the selected card into view on the next frame (after a keyboard move or "next problem").
    pub scroll_to_prescription: bool,
}

pub struct StepwiseApp {
    pub document: Document,
    pub library: Library,
    pub settings: Settings,
    pub selection: Selection,
    pub library_panel: LibraryPanel,
    pub side_tab: SideTab,
    pub prompt: Option<Prompt>,
    pub notices: Vec<Notice>,
    pub palette: Palette,
    pub settings_window: Option<SettingsWindow>,
    pub custom_exercise: Option<CustomExerciseForm>,
    /// Commands queued this frame; run after drawing. Tests push here too.
    pub commands: Vec<Command>,
    locations: Locations,
    dialogs: Box<dyn FileDialogs>,
    today: Date,
    autosave_delay: Duration,
    /// The document revision last written to the recovery file.
    autosaved_revision: Option<u64>,
    preview: Option<Preview>,
    live_preview: bool,
    /// Prescriptions whose library entry changed since they were copied ("Update from library").
    pub(super) outdated: HashSet<u64>,
    /// Each card's height when last drawn: cards out of sight are skipped and only take this space.
    pub(super) card_heights: std::collections::HashMap<u64, f32>,
    outdated_revision: Option<u64>,
    title: String,
    /// The program week by week, for the timeline; rebuilt when the program changes.
    schedule: std::rc::Rc<Schedule>,
    schedule_revision: Option<u64>,
    /// Set once the therapist has answered the unsaved-changes prompt for closing the window.
    allow_close: bool,
    /// Frames during which a typed `/` is dropped, after `/` opened the search.
    swallow_slash: u8,
    first_frame_seen: bool,
    /// Where the handout was last exported (tests read it).
    pub last_export: Option<PathBuf>,
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
        let AppEnvironment { locations, dialogs, library, today, autosave_delay, live_preview } = environment;
        let mut notices = Vec::new();
        let settings = match Settings::load(&locations.settings_file()) {
            Ok(settings) => settings,
            Err(error) => {
                notices.push(Notice { text: format!("Settings not read, defaults used: {error}"), is_error: true });
                Settings::default()
            }
        };
        let library = library.unwrap_or_else(|| {
            let (library, problems) =
                Library::load(Some(&locations.user_library_file()), settings.clinic_library.as_deref());
            notices.extend(problems.into_iter().map(|problem| Notice { text: problem.to_string(), is_error: true }));
            library
        });
        let mut program = Program::new(today);
        program.therapist.clone_from(&settings.therapist);
        program.clinic.clone_from(&settings.clinic_name);
        let prompt = match recovery::find(&locations.recovery_dir()) {
            Some(Ok(found)) => Some(Prompt::Recovery(Box::new(found))),
            Some(Err(error)) => {
                notices.push(Notice {
                    text: format!("A recovery copy was found but could not be read (it is kept): {error}"),
                    is_error: true,
                });
                None
            }
            None => None,
        };
        let preview = live_preview.then(|| Preview::start(ctx));
        let first_phase = program.phases.first().map(|phase| phase.id);
        Self {
            document: Document::new(program, None, None),
            library,
            settings,
            selection: Selection { target_phase: first_phase, ..Selection::default() },
            library_panel: LibraryPanel::default(),
            side_tab: SideTab::Details,
            prompt,
            notices,
            palette: Palette::default(),
            settings_window: None,
            custom_exercise: None,
            commands: Vec::new(),
            locations,
            dialogs,
            today,
            autosave_delay,
            autosaved_revision: None,
            preview,
            live_preview,
            outdated: HashSet::new(),
            card_heights: std::collections::HashMap::new(),
            outdated_revision: None,
            title: String::new(),
            schedule: std::rc::Rc::new(schedule::build(&Program::new(today))),
            schedule_revision: None,
            allow_close: false,
            swallow_slash: 0,
            first_frame_seen: false,
            last_export: None,
        }
    }

    /// Where the recovery copy lives (tests leave one behind there).
    #[must_use]
    pub fn locations(&self) -> &Locations {
        &self.locations
    }

    /// The window title: file name, a mark for unsaved changes, and the app.
    #[must_use]
    pub fn window_title(&self) -> String {
        let mark = if self.document.dirty { "• " } else { "" };
        let read_only = if self.document.read_only.is_some() { " (read-only)" } else { "" };
        format!("{mark}{}{read_only} – Stepwise", self.document.display_name())
    }

    fn notify(&mut self, text: impl Into<String>) {
        self.notices.push(Notice { text: text.into(), is_error: false });
    }

    fn report(&mut self, text: impl Into<String>) {
        self.notices.push(Notice { text: text.into(), is_error: true });
    }

    // ----------------------------------------------------------------------------------------------------------
    // Commands

    /// Carries out one command. Every menu item, button, shortcut and palette row ends here.
    pub fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::New => self.guard_unsaved(Pending::New, ctx),
            Command::NewFromTemplate => self.prompt = Some(Prompt::Templates),
            Command::OpenTemplate(index) => self.guard_unsaved(Pending::Template(index), ctx),
            Command::Open => self.guard_unsaved(Pending::Open(None), ctx),
            Command::OpenRecent(path) => self.guard_unsaved(Pending::Open(Some(path)), ctx),
            Command::Save => {
                self.save(false);
            }
            Command::SaveAs => {
                self.save(true);
            }
            Command::ExportPdf => self.export_pdf(),
            Command::Print => self.print(),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                if let Some(previous) = self.document.history.undo(&self.document.program) {
                    self.document.program = previous;
                }
            }
            Command::Redo => {
                if let Some(next) = self.document.history.redo(&self.document.program) {
                    self.document.program = next;
                }
            }
            Command::Find => self.library_panel.focus_search = true,
            Command::CommandPalette => self.palette.open(),
            Command::Settings => self.settings_window = Some(SettingsWindow::new(&self.settings)),
            Command::NewCustomExercise => self.custom_exercise = Some(CustomExerciseForm::new(None)),
            Command::CopyAsCustomExercise => {
                match self.selection.exercise.as_deref().and_then(|id| self.library.get(id)) {
                    Some(entry) => self.custom_exercise = Some(CustomExerciseForm::new(Some(&entry.exercise))),
                    None => self.notify("Choose the exercise to copy in the library first."),
                }
            }
            Command::ShowNextProblem => self.show_next_problem(),
            Command::ShowDetails => self.side_tab = SideTab::Details,
            Command::ShowPreview => self.side_tab = SideTab::Preview,
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::AddSelectedExercise => {
                if let Some(exercise_id) = self.selection.exercise.clone() {
                    let phase_id = self.target_phase_id();
                    self.run_command(Command::AddExercise { exercise_id, phase_id, index: None }, ctx);
                } else {
                    self.notify("Choose an exercise in the library first.");
                }
            }
            Command::MoveSelectedUp => self.move_selected(-1),
            Command::MoveSelectedDown => self.move_selected(1),
            Command::DuplicateSelected => {
                if let Some(id) = self.selection.prescription {
                    self.run_command(Command::DuplicatePrescription(id), ctx);
                }
            }
            Command::RemoveSelected => {
                if let Some(id) = self.selection.prescription {
                    self.run_command(Command::RemovePrescription(id), ctx);
                }
            }
            Command::AddPhase => self.edit(|program, selection| {
                let id = program.next_id();
                let name = format!("Phase {}", program.phases.len() + 1);
                program.phases.push(Phase::new(id, &name));
                selection.target_phase = Some(id);
            }),
            Command::AddExercise { exercise_id, phase_id, index } => self.add_exercise(&exercise_id, phase_id, index),
            Command::MovePrescription { id, phase_id, index } => self.edit(|program, _| {
                move_prescription(program, id, phase_id, index);
            }),
            Command::DuplicatePrescription(id) => self.edit(|program, selection| {
                if let Some((phase, position)) = program.find_prescription(id) {
                    let mut copy = program.phases[phase].prescriptions[position].clone();
                    copy.id = program.next_id();
                    selection.prescription = Some(copy.id);
                    program.phases[phase].prescriptions.insert(position + 1, copy);
                }
            }),
            Command::RemovePrescription(id) => self.edit(|program, selection| {
                if let Some((phase, position)) = program.find_prescription(id) {
                    program.phases[phase].prescriptions.remove(position);
                    if selection.prescription == Some(id) {
                        selection.prescription = None;
                    }
                }
            }),
            Command::UpdateFromLibrary(id) => {
                let Some((phase, position)) = self.document.program.find_prescription(id) else { return };
                let library_id =
                    self.document.program.phases[phase].prescriptions[position].exercise.library_id.clone();
                let Some(copy) = self.library.get(&library_id).map(|entry| entry.exercise.to_copy()) else {
                    self.report(format!(
                        "`{library_id}` is not in the library any more, so there is nothing to update from."
                    ));
                    return;
                };
                self.edit(|program, _| {
                    if let Some((phase, position)) = program.find_prescription(id) {
                        program.phases[phase].prescriptions[position].exercise = copy;
                    }
                });
                self.outdated.remove(&id);
            }
            Command::RemovePhase(id) => self.edit(|program, selection| {
                program.phases.retain(|phase| phase.id != id);
                if selection.target_phase == Some(id) {
                    selection.target_phase = program.phases.first().map(|phase| phase.id);
                }
            }),
            Command::MovePhase { id, delta } => self.edit(|program, _| {
                if let Some(from) = program.phases.iter().position(|phase| phase.id == id) {
                    let to = from.saturating_add_signed(delta as isize).min(program.phases.len().saturating_sub(1));
                    let phase = program.phases.remove(from);
                    program.phases.insert(to, phase);
                }
            }),
        }
    }

    /// Changes the program as one undo step. A read-only document is never changed.
    fn edit(&mut self, change: impl FnOnce(&mut Program, &mut Selection)) {
        if self.document.read_only.is_some() {
            self.report("This file is read-only (written by a newer Stepwise). Use Save As to make an editable copy.");
            return;
        }
        self.document.history.before_command(&self.document.program);
        change(&mut self.document.program, &mut self.selection);
        self.document.history.after_command(&self.document.program);
    }

    /// The phase new exercises go into: the chosen one if it still exists, else the last.
    pub(super) fn target_phase_id(&self) -> u64 {
        let phases = &self.document.program.phases;
        self.selection
            .target_phase
            .filter(|id| phases.iter().any(|phase| phase.id == *id))
            .or_else(|| phases.last().map(|phase| phase.id))
            .unwrap_or(0)
    }

    fn add_exercise(&mut self, exercise_id: &str, phase_id: u64, index: Option<usize>) {
        let Some(entry) = self.library.get(exercise_id) else {
            self.report(format!("`{exercise_id}` is not in the library."));
            return;
        };
        let copy = entry.exercise.to_copy();
        let dose = entry.exercise.default_dose.clone();
        self.edit(|program, selection| {
            if program.phases.is_empty() {
                let id = program.next_id();
                program.phases.push(Phase::new(id, "Phase 1"));
            }
            let id = program.next_id();
            let phase =
                program.phases.iter().position(|phase| phase.id == phase_id).unwrap_or(program.phases.len() - 1);
            let prescriptions = &mut program.phases[phase].prescriptions;
            let at = index.unwrap_or(prescriptions.len()).min(prescriptions.len());
            prescriptions.insert(
                at,
                Prescription { id, exercise: copy, dose, progression: crate::model::Progression::default() },
            );
            selection.prescription = Some(id);
            selection.details_of_prescription = true;
            selection.scroll_to_prescription = true;
        });
    }

    /// Alt+Up / Alt+Down: one place up or down; past the top or bottom of a phase, into the next phase.
    fn move_selected(&mut self, delta: i32) {
        let Some(id) = self.selection.prescription else { return };
        let Some((phase, position)) = self.document.program.find_prescription(id) else { return };
        let phases = &self.document.program.phases;
        let target = if delta < 0 {
            if position > 0 {
                Some((phases[phase].id, position - 1))
            } else if phase > 0 {
                Some((phases[phase - 1].id, phases[phase - 1].prescriptions.len()))
            } else {
                None
            }
        } else if position + 1 < phases[phase].prescriptions.len() {
            Some((phases[phase].id, position + 1))
        } else if phase + 1 < phases.len() {
            Some((phases[phase + 1].id, 0))
        } else {
            None
        };
        if let Some((phase_id, index)) = target {
            self.edit(|program, _| move_prescription(program, id, phase_id, index));
            self.selection.scroll_to_prescription = true;
        }
    }

    /// Selects the card with the next error after the selected one (wrapping round) and brings it into view.
    fn show_next_problem(&mut self) {
        use crate::model::{PathStep, Severity};
        let program = &self.document.program;
        let mut ids: Vec<u64> = self
            .document
            .problems
            .iter()
            .filter(|problem| problem.severity == Severity::Error)
            .filter_map(|problem| match problem.path.0.as_slice() {
                [
                    PathStep::Field("phases"),
                    PathStep::Index(phase),
                    PathStep::Field("prescriptions"),
                    PathStep::Index(i),
                    ..,
                ] => program.phases.get(*phase)?.prescriptions.get(*i).map(|p| p.id),
                _ => None,
            })
            .collect();
        ids.dedup();
        if ids.is_empty() {
            self.notify("Nothing to check on the exercises.");
            return;
        }
        let after = self.selection.prescription.and_then(|current| ids.iter().position(|id| *id == current));
        let next = after.map_or(0, |position| (position + 1) % ids.len());
        self.selection.prescription = Some(ids[next]);
        self.selection.details_of_prescription = true;
        self.selection.scroll_to_prescription = true;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Files

    /// Runs `then` now, or first asks about unsaved changes.
    fn guard_unsaved(&mut self, then: Pending, ctx: &egui::Context) {
        if self.document.dirty {
            self.prompt = Some(Prompt::UnsavedChanges { then });
        } else {
            self.carry_out(then, ctx);
        }
    }

    /// What the unsaved-changes prompt was holding back.
    pub(super) fn carry_out(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::New => {
                let mut program = Program::new(self.today);
                program.therapist.clone_from(&self.settings.therapist);
                program.clinic.clone_from(&self.settings.clinic_name);
                self.replace_document(Document::new(program, None, None));
            }
            Pending::Template(index) => match template(index) {
                Some(Ok(loaded)) => {
                    let mut program = loaded.program;
                    program.start_date = self.today;
                    if program.therapist.is_empty() {
                        program.therapist.clone_from(&self.settings.therapist);
                    }
                    if program.clinic.is_empty() {
                        program.clinic.clone_from(&self.settings.clinic_name);
                    }
                    self.replace_document(Document::new(program, None, None));
                }
                Some(Err(error)) => self.report(format!("The template could not be read: {error}")),
                None => {}
            },
            Pending::Open(path) => {
                let start_in = self.start_folder();
                let Some(path) = path.or_else(|| self.dialogs.pick_file(FileKind::Program, Some(&start_in))) else {
                    return;
                };
                self.open_path(&path);
            }
            Pending::Quit => {
                self.allow_close = true;
                recovery::discard(&self.locations.recovery_dir());
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Opens a program file; on failure the message (with line:column) is shown and the open program stays.
    pub fn open_path(&mut self, path: &Path) {
        match files::load_program(path) {
            Ok(LoadedProgram { program, read_only, migrated_from }) => {
                if let Some(version) = migrated_from {
                    self.notify(format!(
                        "{} was written in format version {version} and has been brought up to date; saving writes the new format.",
                        path.display()
                    ));
                }
                self.replace_document(Document::new(program, Some(path.to_owned()), read_only));
                self.remember_recent(path);
            }
            Err(error) => self.report(format!("Could not open the program. {error}")),
        }
    }

    /// Shows `program` as a new, unsaved document (benchmarks, and starting from a program built elsewhere).
    pub fn replace_program(&mut self, program: Program) {
        self.replace_document(Document::new(program, None, None));
    }

    /// Replaces the document; the old recovery copy belongs to the old document and goes.
    fn replace_document(&mut self, document: Document) {
        self.show_document(document);
        recovery::discard(&self.locations.recovery_dir());
    }

    /// Makes `document` the one being edited, with a fresh selection and every derived view out of date.
    fn show_document(&mut self, document: Document) {
        self.selection =
            Selection { target_phase: document.program.phases.first().map(|phase| phase.id), ..Selection::default() };
        self.document = document;
        self.autosaved_revision = None;
        self.outdated_revision = None;
        self.schedule_revision = None;
    }

    fn start_folder(&self) -> PathBuf {
        self.document
            .path
            .as_deref()
            .and_then(Path::parent)
            .map_or_else(|| self.locations.programs_dir(), Path::to_owned)
    }

    /// Saves; with `ask` (or no file yet) asks where. Returns whether the program is now saved.
    pub fn save(&mut self, ask: bool) -> bool {
        let path = if let (Some(path), false, None) = (&self.document.path, ask, &self.document.read_only) {
            path.clone()
        } else {
            let start_in = self.start_folder();
            // A folder that does not exist yet would make some dialogs start nowhere.
            let _ = std::fs::create_dir_all(&start_in);
            let suggested = suggested_file_name(&self.document.program);
            let Some(path) = self.dialogs.save_file(FileKind::Program, Some(&start_in), &suggested) else {
                return false;
            };
            path
        };
        self.document.history.settle(&self.document.program);
        match files::save_program(&path, &self.document.program) {
            Ok(()) => {
                self.document.mark_saved(&path);
                recovery::discard(&self.locations.recovery_dir());
                self.autosaved_revision = None;
                self.remember_recent(&path);
                true
            }
            Err(error) => {
                self.report(error.to_string());
                false
            }
        }
    }

    fn remember_recent(&mut self, path: &Path) {
        self.settings.remember_recent(path);
        if let Err(error) = self.settings.save(&self.locations.settings_file()) {
            self.report(format!("The recent-files list was not saved: {error}"));
        }
    }

    /// Settings changed in the settings window: keep them, and reload the library if its folder changed.
    pub(super) fn apply_settings(&mut self, settings: Settings) {
        let library_changed = settings.clinic_library != self.settings.clinic_library;
        self.settings = settings;
        if let Some(preview) = &mut self.preview {
            // The clinic details, paper or print size may have changed: compile the preview again.
            preview.requested = None;
        }
        if let Err(error) = self.settings.save(&self.locations.settings_file()) {
            self.report(error.to_string());
        }
        if library_changed {
            self.reload_library();
        }
    }

    pub(super) fn reload_library(&mut self) {
        let (library, problems) =
            Library::load(Some(&self.locations.user_library_file()), self.settings.clinic_library.as_deref());
        self.library = library;
        self.library_panel.invalidate();
        for problem in problems {
            self.report(problem.to_string());
        }
        self.document.revalidate();
        self.outdated_revision = None;
    }

    /// Saves a custom exercise to the user's library and shows it.
    pub(super) fn save_custom_exercise(&mut self, exercise: &crate::model::Exercise) -> Result<(), String> {
        crate::library::save_user_exercise(&self.locations.user_library_file(), exercise)
            .map_err(|error| error.to_string())?;
        self.reload_library();
        self.selection.exercise = Some(exercise.id.clone());
        self.selection.details_of_prescription = false;
        self.notify(format!("“{}” is saved in your library.", exercise.name));
        Ok(())
    }

    /// Restores the recovery copy as an unsaved document.
    pub(super) fn restore(&mut self, recovery: Recovery) {
        let on_disk = recovery.document.as_deref().and_then(|path| files::load_program(path).ok()).map(|l| l.program);
        // Unlike opening a file, restoring keeps the recovery copy until the next autosave replaces it.
        self.show_document(Document::new_unsaved(recovery.program, recovery.document, on_disk));
    }

    pub(super) fn discard_recovery(&self) {
        recovery::discard(&self.locations.recovery_dir());
    }

    fn export_pdf(&mut self) {
        let start_in = self.start_folder();
        let name = suggested_file_name(&self.document.program).replace(".ron", ".pdf");
        let Some(path) = self.dialogs.save_file(FileKind::Pdf, Some(&start_in), &name) else { return };
        match write_pdf(&self.document.program, &self.settings, &path) {
            Ok(warnings) => {
                self.notify(format!("Handout saved as {}", path.display()));
                for warning in warnings {
                    self.report(format!("Handout: {warning}"));
                }
                self.last_export = Some(path);
            }
            Err(message) => self.report(message),
        }
    }

    fn print(&mut self) {
        let path = std::env::temp_dir().join(format!("stepwise-handout-{}.pdf", std::process::id()));
        match write_pdf(&self.document.program, &self.settings, &path)
            .and_then(|warnings| handout::print(&path).map(|outcome| (outcome, warnings)).map_err(|e| e.to_string()))
        {
            Ok((outcome, warnings)) => {
                self.notify(outcome.to_string());
                for warning in warnings {
                    self.report(format!("Handout: {warning}"));
                }
            }
            Err(message) => self.report(format!("Not printed: {message}")),
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // The frame

    fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // On a small screen the side panels give way, so the program in the middle keeps room to work in.
        let window_width = ctx.content_rect().width();
        let library_max = (window_width * 0.26).clamp(220.0, 520.0);
        let side_max = (window_width * 0.3).clamp(240.0, 720.0);
        egui::Panel::top("menu bar").show(ui, |ui| dialogs::menu_bar(self, ui));
        egui::Panel::bottom("status bar").show(ui, |ui| dialogs::status_bar(self, ui));
        egui::Panel::left("library panel")
            .resizable(true)
            .default_size(320.0)
            .size_range(220.0..=library_max)
            .show(ui, |ui| library_panel::ui(self, ui));
        egui::Panel::right("side area")
            .resizable(true)
            .default_size(360.0)
            .size_range(240.0..=side_max)
            .show(ui, |ui| side_area::ui(self, ui));
        egui::CentralPanel::default().show(ui, |ui| program_editor::ui(self, ui));
        dialogs::windows(self, &ctx);
    }

    /// After drawing and commands: notice changes and do what follows from them.
    fn after_frame(&mut self, ctx: &egui::Context) {
        let library = &self.library;
        let changed = self.document.notice_changes(&|id| library.contains(id));
        if changed {
            // Panels drawn before the change was noticed (timeline, title) catch up in one more frame.
            ctx.request_repaint();
        }
        // A typing or dragging gesture is one undo step, recorded when it ends.
        let gesture_under_way = ctx.input(|input| input.pointer.any_down()) || ctx.text_edit_focused();
        if !gesture_under_way {
            self.document.history.settle(&self.document.program);
        }
        if self.outdated_revision != Some(self.document.revision) {
            self.outdated_revision = Some(self.document.revision);
            self.outdated = self
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
        self.autosave(ctx, changed);
        self.update_preview(ctx);
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Writes the recovery copy a moment after the last change; never while the old one is being offered back.
    fn autosave(&mut self, ctx: &egui::Context, _changed: bool) {
        if matches!(self.prompt, Some(Prompt::Recovery(_))) || !self.document.dirty {
            return;
        }
        if self.autosaved_revision == Some(self.document.revision) {
            return;
        }
        let since = self.document.changed_at.map_or(Duration::MAX, |at| at.elapsed());
        if since >= self.autosave_delay {
            match recovery::write(&self.locations.recovery_dir(), self.document.path.as_deref(), &self.document.program)
            {
                Ok(()) => self.autosaved_revision = Some(self.document.revision),
                Err(error) => {
                    self.autosaved_revision = Some(self.document.revision);
                    self.report(format!("The recovery copy could not be written: {error}"));
                }
            }
        } else {
            ctx.request_repaint_after(self.autosave_delay.saturating_sub(since));
        }
    }

    fn update_preview(&mut self, ctx: &egui::Context) {
        if !self.live_preview || self.side_tab != SideTab::Preview {
            return;
        }
        let Some(preview) = &mut self.preview else { return };
        preview.receive(ctx);
        if preview.requested == Some(self.document.revision) {
            return;
        }
        let since = self.document.changed_at.map_or(Duration::MAX, |at: Instant| at.elapsed());
        if since >= preview::DEBOUNCE {
            preview.request(self.document.revision, &self.document.program, handout_options(&self.settings));
        } else {
            ctx.request_repaint_after(preview::DEBOUNCE.saturating_sub(since));
        }
    }

    /// The program week by week (shared, so a panel can hold it while it changes the app).
    pub(super) fn schedule(&mut self) -> std::rc::Rc<Schedule> {
        if self.schedule_revision != Some(self.document.revision)
            || self.schedule.start_date != self.document.program.start_date
        {
            self.schedule = std::rc::Rc::new(schedule::build(&self.document.program));
            self.schedule_revision = Some(self.document.revision);
        }
        std::rc::Rc::clone(&self.schedule)
    }

    pub(super) fn preview(&self) -> Option<&Preview> {
        self.preview.as_ref()
    }

    pub(super) fn dialogs_mut(&mut self) -> &mut dyn FileDialogs {
        self.dialogs.as_mut()
    }
}

impl eframe::App for StepwiseApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if !self.first_frame_seen {
            self.first_frame_seen = true;
            // `STEPWISE_STARTUP_TIME=1 stepwise` prints how long the window took to draw its first frame.
            if let Some(start) = PROCESS_START.get()
                && std::env::var_os("STEPWISE_STARTUP_TIME").is_some()
            {
                eprintln!("stepwise: first frame {} ms after start", start.elapsed().as_millis());
            }
        }
        // Shortcuts first, so the keys they use never reach a widget as well; none while a prompt is up.
        if self.swallow_slash > 0 {
            // `/` (Find) also arrives as typed text, sometimes a frame later: keep it out of the search box.
            self.swallow_slash -= 1;
            ctx.input_mut(|input| {
                input.events.retain(|event| !matches!(event, egui::Event::Text(text) if text == "/"));
            });
        }
        if self.prompt.is_none() && !self.palette.is_open() {
            let slash = !ctx.text_edit_focused()
                && ctx.input(|input| input.key_pressed(egui::Key::Slash) && input.modifiers.is_none());
            let fired = commands::consume_shortcuts(&ctx);
            if slash && fired.contains(&Command::Find) {
                self.swallow_slash = 3;
            }
            self.commands.extend(fired);
        }
        if ctx.input(|input| input.viewport().close_requested()) && !self.allow_close {
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
        // Window size and panel widths are kept by eframe itself (egui memory); documents are saved by the user.
    }
}

/// Moves a prescription to `index` in the phase `phase_id` (an index counted before the move was made).
fn move_prescription(program: &mut Program, id: u64, phase_id: u64, index: usize) {
    let Some((from_phase, from_index)) = program.find_prescription(id) else { return };
    let Some(to_phase) = program.phases.iter().position(|phase| phase.id == phase_id) else { return };
    let prescription = program.phases[from_phase].prescriptions.remove(from_index);
    let mut index = index;
    if from_phase == to_phase && from_index < index {
        index -= 1;
    }
    let prescriptions = &mut program.phases[to_phase].prescriptions;
    let index = index.min(prescriptions.len());
    prescriptions.insert(index, prescription);
}

/// A file name from the patient's name or the program's title: "Anna Jones.ron".
fn suggested_file_name(program: &Program) -> String {
    let base = if program.patient.name.trim().is_empty() { program.title.trim() } else { program.patient.name.trim() };
    let cleaned: String =
        base.chars().map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' { c } else { '_' }).collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() { "program.ron".to_owned() } else { format!("{cleaned}.ron") }
}

/// Number of ready-made programs.
#[must_use]
pub fn template_count() -> usize {
    crate::assets::PROGRAM_FILES.len()
}

/// A ready-made program, read by `files` like any other.
pub(super) fn template(index: usize) -> Option<Result<LoadedProgram, files::FileError>> {
    let (stem, bytes) = crate::assets::PROGRAM_FILES.get(index)?;
    let text = String::from_utf8_lossy(bytes);
    Some(files::program_from_str(&text, Path::new(&format!("programs/{stem}.ron"))))
}

// ----------------------------------------------------------------------------------------------------------------
// The handout: options from the settings, PDF and printing.

/// How the handout is printed, from the therapist's settings.
pub(super) fn handout_options(settings: &Settings) -> HandoutOptions {
    // A logo that cannot be read is left out; the handout module warns about unreadable pictures.
    let logo = settings.logo.as_deref().and_then(|path| std::fs::read(path).ok());
    HandoutOptions {
        paper: match settings.paper {
            PaperSize::A4 => Paper::A4,
            PaperSize::Letter => Paper::Letter,
        },
        large_print: settings.large_print,
        clinic: ClinicDetails {
            name: settings.clinic_name.clone(),
            address: settings.clinic_address.clone(),
            phone: settings.clinic_phone.clone(),
            email: settings.clinic_email.clone(),
            logo,
        },
        printed_on: None,
    }
}

/// Typesets the handout and writes its PDF (atomically, like every file Stepwise writes).
fn write_pdf(program: &Program, settings: &Settings, path: &Path) -> Result<Vec<String>, String> {
    let handout = handout::compile(program, &handout_options(settings)).map_err(|error| error.to_string())?;
    files::write_atomic(path, &handout.pdf, || Ok(())).map_err(|error| error.to_string())?;
    Ok(handout.warnings)
}
