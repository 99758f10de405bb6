//! The settings window: therapist and clinic details for the handout, the emergency number, logo, paper, units,
//! the clinic library folder, and the light or dark theme. Edits a draft; "Save" hands it to the app, which
//! writes the settings to the config folder and applies the theme (kept by eframe with the window's other
//! preferences). Escape closes the window, asking first when something typed would be lost.
//!
//! Settings that failed to load (a typo, a file from a newer Stepwise) are shown greyed out with the reason
//! (the file, line and column): nothing typed here could be saved, so nothing can be typed.

use egui::{ThemePreference, Ui};

use super::widgets::{self, DiscardQuestion};
use crate::files::settings::{PaperSize, Settings, WeightUnit};
use crate::model::check_emergency_number;

pub struct SettingsWindow {
    pub draft: Settings,
    /// Light, dark, or as the system is.
    pub theme: ThemePreference,
    /// The theme when the window opened: a change is something to lose.
    theme_before: ThemePreference,
    /// Why the settings file cannot be written, when it cannot: the window then only shows the settings.
    read_only: Option<String>,
    discard: DiscardQuestion,
}

/// What the window asks the app to do.
pub enum SettingsAction {
    None,
    Save(Box<Settings>, ThemePreference),
    Cancel,
    ChooseLogo,
    ChooseClinicFolder,
}

impl SettingsWindow {
    #[must_use]
    pub fn new(settings: &Settings, theme: ThemePreference, read_only: Option<&str>) -> Self {
        Self {
            draft: settings.clone(),
            theme,
            theme_before: theme,
            read_only: read_only.map(str::to_owned),
            discard: DiscardQuestion::default(),
        }
    }

    /// Whether closing now would lose something changed in the window (compared with `saved`).
    #[must_use]
    pub fn has_changes(&self, saved: &Settings) -> bool {
        self.draft != *saved || self.theme != self.theme_before
    }

    /// Draws the window; `saved` is what closing without saving keeps.
    pub fn show(&mut self, ctx: &egui::Context, saved: &Settings) -> SettingsAction {
        let mut action = SettingsAction::None;
        let mut open = true;
        let escape = widgets::escape_pressed(ctx);
        let mut close = escape;
        let has_changes = self.has_changes(saved);
        egui::Window::new("Settings")
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(480.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui: &mut Ui| {
                if let Some(reason) = &self.read_only {
                    read_only_banner(ui, reason);
                }
                let editable = self.read_only.is_none();
                let Settings {
                    version: _,
                    therapist,
                    clinic_name,
                    clinic_address,
                    clinic_phone,
                    clinic_email,
                    emergency_number,
                    logo,
                    paper,
                    large_print,
                    units,
                    clinic_library,
                    recent_files: _,
                } = &mut self.draft;
                let theme = &mut self.theme;
                let grid = |ui: &mut Ui| {
                    widgets::grid_text_field(ui, "Therapist", therapist, "Your name as the handout prints it");
                    widgets::grid_text_field(ui, "Clinic name", clinic_name, "");
                    widgets::grid_text_area(ui, "Clinic address", clinic_address, "");
                    widgets::grid_text_field(ui, "Clinic phone", clinic_phone, "");
                    widgets::grid_text_field(ui, "Clinic email", clinic_email, "");
                    emergency_number_row(ui, emergency_number);

                    ui.label("Logo");
                    ui.horizontal(|ui| {
                        ui.label(logo.as_ref().map_or_else(|| "None".to_owned(), |path| path.display().to_string()));
                        if ui.button("Choose…").on_hover_text("Choose the clinic logo").clicked() {
                            action = SettingsAction::ChooseLogo;
                        }
                        if logo.is_some() && ui.button("Remove logo").clicked() {
                            *logo = None;
                        }
                    });
                    ui.end_row();

                    ui.label("Paper");
                    ui.horizontal(|ui| {
                        ui.radio_value(paper, PaperSize::A4, "A4");
                        ui.radio_value(paper, PaperSize::Letter, "US Letter");
                    });
                    ui.end_row();

                    ui.label("Handout text");
                    ui.checkbox(large_print, "Large print");
                    ui.end_row();

                    ui.label("Weights in");
                    ui.horizontal(|ui| {
                        ui.radio_value(units, WeightUnit::Kilograms, "kg");
                        ui.radio_value(units, WeightUnit::Pounds, "lb");
                    });
                    ui.end_row();

                    ui.label("Theme");
                    ui.horizontal(|ui| {
                        ui.radio_value(theme, ThemePreference::System, "As the system")
                            .on_hover_text("Light or dark as the computer is set");
                        ui.radio_value(theme, ThemePreference::Light, "Light");
                        ui.radio_value(theme, ThemePreference::Dark, "Dark");
                    });
                    ui.end_row();

                    ui.label("Clinic library folder");
                    ui.horizontal(|ui| {
                        ui.label(
                            clinic_library
                                .as_ref()
                                .map_or_else(|| "None".to_owned(), |path| path.display().to_string()),
                        );
                        if ui.button("Choose folder…").on_hover_text("A shared folder of exercise files").clicked() {
                            action = SettingsAction::ChooseClinicFolder;
                        }
                        if clinic_library.is_some() && ui.button("No clinic library").clicked() {
                            *clinic_library = None;
                        }
                    });
                    ui.end_row();
                };
                ui.add_enabled_ui(editable, |ui| {
                    egui::Grid::new("settings grid").num_columns(2).spacing([12.0, 6.0]).show(ui, grid);
                });
                ui.separator();
                if self.discard.ui(ui) {
                    action = SettingsAction::Cancel;
                }
                ui.horizontal(|ui| {
                    if editable {
                        let number_ok = check_emergency_number(&self.draft.emergency_number).is_ok();
                        let save = ui.add_enabled(number_ok, egui::Button::new("Save settings"));
                        if save.on_disabled_hover_text("The emergency number needs fixing first").clicked() {
                            action = SettingsAction::Save(Box::new(self.draft.clone()), self.theme);
                        }
                        if ui.button("Cancel").clicked() {
                            close = true;
                        }
                    } else if ui.button("Close").clicked() {
                        close = true;
                    }
                });
            });
        if !open {
            close = true;
        }
        if close && matches!(action, SettingsAction::None) {
            if self.discard.is_asking() {
                if escape {
                    self.discard.keep_editing();
                }
            } else if self.discard.close_requested(has_changes) {
                action = SettingsAction::Cancel;
            }
        }
        action
    }
}

/// Why nothing here can be changed: the settings file did not load, and writing over it would lose it.
fn read_only_banner(ui: &mut Ui, reason: &str) {
    egui::Frame::new().fill(ui.visuals().warn_fg_color.gamma_multiply(0.15)).inner_margin(8.0).corner_radius(4.0).show(
        ui,
        |ui| {
            ui.label(egui::RichText::new("Read-only: the settings file did not load.").strong());
            ui.label(reason);
            ui.label("Fix the file by hand (or move it away) and start Stepwise again to change the settings here.");
        },
    );
    ui.add_space(6.0);
}

/// The emergency number, with what is wrong with it in red (a row of its own under the field), or a word when
/// it is only a guess.
fn emergency_number_row(ui: &mut Ui, number: &mut String) {
    let label = ui.label("Emergency number");
    let response = ui
        .add(egui::TextEdit::singleline(number).hint_text("999, 112, 911 …").desired_width(80.0))
        .labelled_by(label.id)
        .on_hover_text("The number the handout tells the patient to call if a clot may have reached the lung");
    ui.end_row();
    let message = if let Err(problem) = check_emergency_number(number) {
        let color = widgets::error_color(ui);
        widgets::outline_error(ui, &response);
        Some(egui::RichText::new(problem).color(color))
    } else {
        let region = crate::model::emergency_number_from_env(|name| std::env::var(name).ok());
        region.note.filter(|_| number.trim() == region.number).map(|note| egui::RichText::new(note).weak())
    };
    if let Some(message) = message {
        ui.label("");
        ui.vertical(|ui| ui.label(message));
        ui.end_row();
    }
}
