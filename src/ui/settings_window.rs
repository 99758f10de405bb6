//! The settings window: therapist and clinic details for the handout, logo, paper, units and the clinic library
//! folder. Edits a draft; "Save" hands it to the app, which writes it to the config folder.

use egui::Ui;

use super::widgets;
use crate::files::settings::{PaperSize, Settings, WeightUnit};

pub struct SettingsWindow {
    pub draft: Settings,
}

/// What the window asks the app to do.
pub enum SettingsAction {
    None,
    Save(Settings),
    Cancel,
    ChooseLogo,
    ChooseClinicFolder,
}

impl SettingsWindow {
    #[must_use]
    pub fn new(settings: &Settings) -> Self {
        Self { draft: settings.clone() }
    }

    pub fn show(&mut self, ctx: &egui::Context) -> SettingsAction {
        let mut action = SettingsAction::None;
        let mut open = true;
        egui::Window::new("Settings")
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(480.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui: &mut Ui| {
                let Settings {
                    version: _,
                    therapist,
                    clinic_name,
                    clinic_address,
                    clinic_phone,
                    clinic_email,
                    logo,
                    paper,
                    large_print,
                    units,
                    clinic_library,
                    recent_files: _,
                } = &mut self.draft;
                egui::Grid::new("settings grid").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
                    widgets::grid_text_field(ui, "Therapist", therapist, "Your name as the handout prints it");
                    widgets::grid_text_field(ui, "Clinic name", clinic_name, "");
                    widgets::grid_text_area(ui, "Clinic address", clinic_address, "");
                    widgets::grid_text_field(ui, "Clinic phone", clinic_phone, "");
                    widgets::grid_text_field(ui, "Clinic email", clinic_email, "");

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
                });
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button("Save settings").clicked() {
                        action = SettingsAction::Save(self.draft.clone());
                    }
                    if ui.button("Cancel").clicked() {
                        action = SettingsAction::Cancel;
                    }
                });
            });
        if !open {
            action = SettingsAction::Cancel;
        }
        action
    }
}
