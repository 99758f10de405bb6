//! The one place commands are carried out: every menu item, button, shortcut and palette row ends in
//! `run_command`. Edits of the program go through `edit`, which makes each one a single undo step and refuses
//! them on a read-only document.

use super::StepwiseApp;
use crate::model::Program;
use crate::ui::commands::{Command, CommandKind, Edit};
use crate::ui::custom_exercise::CustomExerciseForm;
use crate::ui::edits;
use crate::ui::prompts::{Pending, Prompt};
use crate::ui::selection::Selection;
use crate::ui::settings_window::SettingsWindow;
use crate::ui::side_area::SideTab;

impl StepwiseApp {
    /// Carries out one command.
    pub fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Run(kind) => self.run_kind(kind, ctx),
            Command::Edit(edit) => self.run_edit(edit),
            Command::OpenRecent(path) => self.guard_unsaved(Pending::Open(Some(path)), ctx),
            Command::OpenTemplate(index) => self.guard_unsaved(Pending::Template(index), ctx),
        }
    }

    fn run_kind(&mut self, kind: CommandKind, ctx: &egui::Context) {
        match kind {
            CommandKind::New => self.guard_unsaved(Pending::New, ctx),
            CommandKind::NewFromTemplate => self.prompt = Some(Prompt::Templates),
            CommandKind::Open => self.guard_unsaved(Pending::Open(None), ctx),
            CommandKind::Save => {
                self.save(false);
            }
            CommandKind::SaveAs => {
                self.save(true);
            }
            CommandKind::ExportPdf => self.export_pdf(),
            CommandKind::ExportWebPage => self.export_web_page(),
            CommandKind::ExportCalendar => self.open_calendar_window(),
            CommandKind::Print => self.print(),
            CommandKind::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            CommandKind::Undo => {
                if let Some(previous) = self.document.history.undo(&self.document.program) {
                    self.document.program = previous;
                }
            }
            CommandKind::Redo => {
                if let Some(next) = self.document.history.redo(&self.document.program) {
                    self.document.program = next;
                }
            }
            CommandKind::Find => self.library_panel.focus_search = true,
            CommandKind::CommandPalette => self.palette.open(),
            CommandKind::Settings => {
                let theme = ctx.options(|o| o.theme_preference);
                let read_only = self.files.settings_read_only.as_deref();
                self.settings_window = Some(SettingsWindow::new(&self.settings, theme, read_only));
            }
            CommandKind::NewCustomExercise => self.custom_exercise = Some(CustomExerciseForm::new(None)),
            CommandKind::CopyAsCustomExercise => {
                match self.selection.exercise.as_deref().and_then(|id| self.library.get(id)) {
                    Some(entry) => self.custom_exercise = Some(CustomExerciseForm::new(Some(&entry.exercise))),
                    None => self.notify("Choose the exercise to copy in the library first."),
                }
            }
            CommandKind::ShowNextProblem => self.show_next_problem(),
            CommandKind::ShowDetails => self.side_tab = SideTab::Details,
            CommandKind::ShowPreview => self.side_tab = SideTab::Preview,
            CommandKind::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            CommandKind::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            CommandKind::ZoomReset => ctx.set_zoom_factor(1.0),
            CommandKind::AddSelectedExercise => {
                if let Some(exercise_id) = self.selection.exercise.clone() {
                    let phase_id = self.selection.target_phase_id(&self.document.program);
                    self.run_edit(Edit::AddExercise { exercise_id, phase_id, index: None });
                } else {
                    self.notify("Choose an exercise in the library first.");
                }
            }
            CommandKind::AddPhase => self.edit(edits::add_phase),
            CommandKind::AddGoal => self.edit(|program, _| program.goals.push(String::new())),
            CommandKind::MoveSelectedUp => self.move_selected(-1),
            CommandKind::MoveSelectedDown => self.move_selected(1),
            CommandKind::DuplicateSelected => {
                if let Some(id) = self.selection.prescription {
                    self.run_edit(Edit::DuplicatePrescription(id));
                }
            }
            CommandKind::RemoveSelected => {
                if let Some(id) = self.selection.prescription {
                    self.run_edit(Edit::RemovePrescription(id));
                }
            }
        }
    }

    /// Carries out an edit of a named part of the program, as one undo step.
    fn run_edit(&mut self, edit: Edit) {
        if self.refuse_if_read_only() {
            return;
        }
        if let Edit::UpdateFromLibrary(id) = edit {
            self.derived.outdated.remove(&id);
        }
        self.document.history.before_command(&self.document.program);
        let outcome = edits::apply(edit, &mut self.document.program, &mut self.selection, &self.library);
        self.document.history.after_command(&self.document.program);
        if let Err(message) = outcome {
            self.report(message);
        }
    }

    /// Changes the program as one undo step. A read-only document is never changed.
    fn edit(&mut self, change: impl FnOnce(&mut Program, &mut Selection)) {
        if self.refuse_if_read_only() {
            return;
        }
        self.document.history.before_command(&self.document.program);
        change(&mut self.document.program, &mut self.selection);
        self.document.history.after_command(&self.document.program);
    }

    /// Says so and returns true when the document may not be changed.
    fn refuse_if_read_only(&mut self) -> bool {
        if self.document.read_only.is_some() {
            self.report("This file is read-only (written by a newer Stepwise). Use Save As to make an editable copy.");
            return true;
        }
        false
    }

    /// Alt+Up / Alt+Down: one place up or down; past the top or bottom of a phase, into the next phase.
    fn move_selected(&mut self, delta: i32) {
        let Some(id) = self.selection.prescription else { return };
        if let Some((phase_id, index)) = edits::one_place(&self.document.program, id, delta) {
            self.edit(|program, _| edits::move_prescription(program, id, phase_id, index));
            self.selection.scroll_to_prescription = true;
        }
    }

    /// Selects the card with the next error after the selected one (wrapping round) and brings it into view.
    fn show_next_problem(&mut self) {
        let ids = edits::prescriptions_with_errors(&self.document.program, &self.document.problems);
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
}
