//! File actions: new, templates, open, save, the recovery copy (autosave and restore), the recent-files list,
//! the settings file and the user's library. The files themselves are read and written by `crate::files`; this
//! module decides when, asks where (through the `FileDialogs` trait), and reports what happened.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::StepwiseApp;
use crate::files::recovery::Recovery;
use crate::files::settings::Settings;
use crate::files::{self, LoadedProgram};
use crate::library::Library;
use crate::model::Program;
use crate::ui::document::Document;
use crate::ui::file_dialogs::FileKind;
use crate::ui::prompts::{Answer, Pending, Prompt};
use crate::ui::selection::Selection;
use crate::ui::templates;

impl StepwiseApp {
    /// Runs `then` now, or first asks about unsaved changes.
    pub(super) fn guard_unsaved(&mut self, then: Pending, ctx: &egui::Context) {
        if self.document.dirty {
            self.prompt = Some(Prompt::UnsavedChanges { then });
        } else {
            self.carry_out(then, ctx);
        }
    }

    /// Acts on the answer to the prompt that was up (it is gone now).
    pub(super) fn answer_prompt(&mut self, prompt: Prompt, answer: Answer, ctx: &egui::Context) {
        match (prompt, answer) {
            (Prompt::UnsavedChanges { then }, Answer::Save) if self.save(false) => self.carry_out(then, ctx),
            (Prompt::UnsavedChanges { then }, Answer::Discard) => self.carry_out(then, ctx),
            (Prompt::Recovery(recovery), Answer::Restore) => self.restore(*recovery),
            (Prompt::Recovery(_), Answer::Discard) => {
                // Only an explicit Discard deletes a copy left behind.
                if let Some(left) = self.files.offered.take() {
                    left.slot.discard();
                }
            }
            (Prompt::Templates, Answer::Template(index)) => {
                self.commands.push(crate::ui::Command::OpenTemplate(index));
            }
            _ => {}
        }
    }

    /// What the unsaved-changes prompt was holding back.
    fn carry_out(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::New => {
                let program = self.new_program();
                self.replace_document(Document::new(program, None, None));
            }
            Pending::Template(index) => match templates::template(index) {
                Some(Ok(loaded)) => {
                    let mut program = loaded.program;
                    program.start_date = self.files.today;
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
                let Some(path) = path.or_else(|| self.files.dialogs.pick_file(FileKind::Program, Some(&start_in)))
                else {
                    return;
                };
                self.open_path(&path);
            }
            Pending::Quit => {
                self.files.allow_close = true;
                self.discard_recovery();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// An empty program starting today, with the therapist and clinic from the settings.
    fn new_program(&self) -> Program {
        let mut program = Program::new(self.files.today);
        program.therapist.clone_from(&self.settings.therapist);
        program.clinic.clone_from(&self.settings.clinic_name);
        program
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
        self.discard_recovery();
    }

    /// Makes `document` the one being edited, with a fresh selection and every derived view out of date.
    fn show_document(&mut self, document: Document) {
        self.selection = Selection::for_program(&document.program);
        self.document = document;
        self.files.autosaved_revision = None;
        self.derived.outdated_revision = None;
        self.derived.schedule_revision = None;
    }

    /// Where a file dialog starts: beside the open file, or in the programs folder.
    pub(super) fn start_folder(&self) -> PathBuf {
        self.document
            .path
            .as_deref()
            .and_then(Path::parent)
            .map_or_else(|| self.files.locations.programs_dir(), Path::to_owned)
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
            let Some(path) = self.files.dialogs.save_file(FileKind::Program, Some(&start_in), &suggested) else {
                return false;
            };
            path
        };
        self.document.history.settle(&self.document.program);
        match files::save_program(&path, &self.document.program) {
            Ok(()) => {
                self.document.mark_saved(&path);
                self.discard_recovery();
                self.files.autosaved_revision = None;
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
        if self.files.settings_read_only.is_some() {
            return;
        }
        if let Err(error) = self.settings.save(&self.files.locations.settings_file()) {
            self.report(format!("The recent-files list was not saved: {error}"));
        }
    }

    /// Settings changed in the settings window: keep them, and reload the library if its folder changed.
    pub(super) fn apply_settings(&mut self, settings: Settings) {
        let library_changed = settings.clinic_library != self.settings.clinic_library;
        self.settings = settings;
        // The clinic details, paper or print size may have changed: compile the preview again.
        self.invalidate_preview();
        if let Some(reason) = &self.files.settings_read_only {
            let text = format!("The settings are used until the window closes but not saved: {reason}");
            self.report(text);
        } else if let Err(error) = self.settings.save(&self.files.locations.settings_file()) {
            self.report(error.to_string());
        }
        if library_changed {
            self.reload_library();
        }
    }

    fn reload_library(&mut self) {
        let (library, problems) =
            Library::load(Some(&self.files.locations.user_library_file()), self.settings.clinic_library.as_deref());
        self.library = library;
        self.library_panel.invalidate();
        for problem in problems {
            self.report(problem.to_string());
        }
        self.document.revalidate();
        self.derived.outdated_revision = None;
    }

    /// Saves a custom exercise to the user's library and shows it.
    pub(super) fn save_custom_exercise(&mut self, exercise: &crate::model::Exercise) -> Result<(), String> {
        crate::library::save_user_exercise(&self.files.locations.user_library_file(), exercise)
            .map_err(|error| error.to_string())?;
        self.reload_library();
        self.selection.select_exercise(&exercise.id);
        self.notify(format!("“{}” is saved in your library.", exercise.name));
        Ok(())
    }

    /// Restores the recovery copy as an unsaved document.
    fn restore(&mut self, recovery: Recovery) {
        let on_disk = recovery.document.as_deref().and_then(|path| files::load_program(path).ok()).map(|l| l.program);
        // Restoring keeps the copy: the window takes it as its own, so it goes only after a save (or a clean
        // close of the saved program), and the next autosave writes over it.
        if let Some(left) = self.files.offered.take() {
            self.files.slot = Some(left.slot);
        }
        self.show_document(Document::new_unsaved(recovery.program, recovery.document, on_disk));
    }

    /// Removes this window's own recovery copy (never one that is being offered).
    pub(super) fn discard_recovery(&self) {
        if let Some(slot) = &self.files.slot {
            slot.discard();
        }
    }

    /// Why the settings are not saved, if they are not.
    #[must_use]
    pub fn settings_read_only(&self) -> Option<&str> {
        self.files.settings_read_only.as_deref()
    }

    /// Writes the recovery copy a moment after the last change; never while the old one is being offered back.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        if matches!(self.prompt, Some(Prompt::Recovery(_))) || !self.document.dirty {
            return;
        }
        if self.files.autosaved_revision == Some(self.document.revision) {
            return;
        }
        let since = self.document.changed_at.map_or(Duration::MAX, |at| at.elapsed());
        if since >= self.files.autosave_delay {
            // Written or not, this revision is done: a failing disk is reported once, not every frame.
            self.files.autosaved_revision = Some(self.document.revision);
            let written =
                self.files.slot.as_ref().map(|slot| slot.write(self.document.path.as_deref(), &self.document.program));
            if let Some(Err(error)) = written {
                self.report(format!("The recovery copy could not be written: {error}"));
            }
        } else {
            ctx.request_repaint_after(self.files.autosave_delay.saturating_sub(since));
        }
    }
}

/// A file name from the patient's name or the program's title: "Anna Jones.ron".
pub(super) fn suggested_file_name(program: &Program) -> String {
    let base = if program.patient.name.trim().is_empty() { program.title.trim() } else { program.patient.name.trim() };
    let cleaned: String =
        base.chars().map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' { c } else { '_' }).collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() { "program.ron".to_owned() } else { format!("{cleaned}.ron") }
}
