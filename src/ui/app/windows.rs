//! The floating windows (palette, settings, custom exercise; the calendar's in `export_actions`) and the prompt: each draws itself and returns what
//! the therapist chose; here the app acts on it.

use super::StepwiseApp;
use crate::ui::custom_exercise::FormAction;
use crate::ui::file_dialogs::FileKind;
use crate::ui::prompts;
use crate::ui::settings_window::SettingsAction;

impl StepwiseApp {
    /// Windows and prompts, drawn above the panels.
    pub(super) fn windows(&mut self, ctx: &egui::Context) {
        let phase_id = self.selection.target_phase_id(&self.document.program);
        if let Some(command) = self.palette.show(ctx, &self.library, phase_id) {
            self.commands.push(command);
        }
        self.settings_window(ctx);
        self.custom_exercise_window(ctx);
        self.calendar_window(ctx);
        self.prompt(ctx);
    }

    fn settings_window(&mut self, ctx: &egui::Context) {
        let Some(window) = &mut self.settings_window else { return };
        match window.show(ctx, &self.settings) {
            SettingsAction::None => {}
            SettingsAction::Cancel => self.settings_window = None,
            SettingsAction::Save(settings, theme) => {
                self.settings_window = None;
                ctx.set_theme(theme);
                self.apply_settings(*settings);
            }
            SettingsAction::ChooseLogo => {
                let start =
                    window.draft.logo.as_deref().and_then(std::path::Path::parent).map(std::path::Path::to_owned);
                if let Some(path) = self.files.dialogs.pick_file(FileKind::Image, start.as_deref())
                    && let Some(window) = &mut self.settings_window
                {
                    window.draft.logo = Some(path);
                }
            }
            SettingsAction::ChooseClinicFolder => {
                let start = window.draft.clinic_library.clone();
                if let Some(path) = self.files.dialogs.pick_folder(start.as_deref())
                    && let Some(window) = &mut self.settings_window
                {
                    window.draft.clinic_library = Some(path);
                }
            }
        }
    }

    fn custom_exercise_window(&mut self, ctx: &egui::Context) {
        let Some(form) = &mut self.custom_exercise else { return };
        match form.show(ctx) {
            FormAction::None => {}
            FormAction::Cancel => self.custom_exercise = None,
            FormAction::Save(exercise) => match self.save_custom_exercise(&exercise) {
                Ok(()) => self.custom_exercise = None,
                Err(message) => {
                    if let Some(form) = &mut self.custom_exercise {
                        form.set_save_error(message);
                    }
                }
            },
        }
    }

    fn prompt(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &self.prompt else { return };
        let Some(answer) = prompts::ui(ctx, prompt, &self.document.display_name()) else { return };
        if let Some(prompt) = self.prompt.take() {
            self.answer_prompt(prompt, answer, ctx);
        }
    }
}
