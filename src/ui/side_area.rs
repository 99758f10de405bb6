//! The side area beside the program: the selected exercise's details (from the library, or the copy a
//! prescription keeps, with its dose week by week) or the live handout preview.

use egui::{RichText, Ui};

use super::app::StepwiseApp;
use super::commands::Command;
use super::widgets;
use crate::model::{ExerciseCopy, Phase, PhaseLength, Prescription, dose_in_words, progression_in_words};
use crate::schedule::{self, CapReached};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SideTab {
    #[default]
    Details,
    Preview,
}

pub fn ui(app: &mut StepwiseApp, ui: &mut Ui) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        if ui.add(egui::Button::selectable(app.side_tab == SideTab::Details, "Exercise details")).clicked() {
            app.commands.push(Command::ShowDetails);
        }
        if ui.add(egui::Button::selectable(app.side_tab == SideTab::Preview, "Handout preview")).clicked() {
            app.commands.push(Command::ShowPreview);
        }
    });
    ui.separator();
    match app.side_tab {
        SideTab::Details => details(app, ui),
        SideTab::Preview => preview(app, ui),
    }
}

fn details(app: &mut StepwiseApp, ui: &mut Ui) {
    let prescription = app
        .selection
        .prescription
        .filter(|_| app.selection.details_of_prescription)
        .and_then(|id| app.document.program.find_prescription(id))
        .map(|(phase, position)| {
            (&app.document.program.phases[phase], &app.document.program.phases[phase].prescriptions[position])
        });
    egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt("details scroll").show(ui, |ui| {
        if let Some((phase, prescription)) = prescription {
            let affected = app.document.program.patient.side;
            exercise_text(ui, &prescription.exercise);
            week_by_week(ui, phase, prescription, affected);
            if let Some(entry) = app.library.get(&prescription.exercise.library_id) {
                therapist_note(ui, &entry.exercise.therapist_note);
            }
        } else if let Some(entry) = app.selection.exercise.as_deref().and_then(|id| app.library.get(id)) {
            let copy = entry.exercise.to_copy();
            ui.label(RichText::new(entry.source.label()).weak());
            exercise_text(ui, &copy);
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                if ui.button("Add to phase").on_hover_text("Double-click or Enter in the list does the same").clicked()
                {
                    app.commands.push(Command::AddSelectedExercise);
                }
                if ui.button("Copy as my exercise…").on_hover_text("Start a custom exercise from this one").clicked()
                {
                    app.commands.push(Command::CopyAsCustomExercise);
                }
            });
            if !entry.exercise.equipment.is_empty() {
                ui.label(format!("Equipment: {}", entry.exercise.equipment.join(", ")));
            }
            therapist_note(ui, &entry.exercise.therapist_note);
        } else {
            ui.label(
                RichText::new("Select an exercise in the library or a card in the program to see it here.").weak(),
            );
        }
    });
}

fn list(ui: &mut Ui, heading: &str, items: &[String], numbered: bool) {
    if items.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(heading).strong());
    for (index, item) in items.iter().enumerate() {
        let bullet = if numbered { format!("{}. ", index + 1) } else { "• ".to_owned() };
        ui.add(egui::Label::new(format!("{bullet}{item}")).wrap());
    }
}

fn exercise_text(ui: &mut Ui, exercise: &ExerciseCopy) {
    ui.heading(&exercise.name);
    ui.label(RichText::new(format!("{} · {}", exercise.kind.label(), exercise.region.label())).weak());
    let width = ui.available_width().min(320.0);
    widgets::illustration(ui, &exercise.illustration, &exercise.name, egui::vec2(width, width * 0.75));
    if !exercise.goal.is_empty() {
        ui.add(egui::Label::new(RichText::new(&exercise.goal).italics()).wrap());
    }
    list(ui, "How to do it", &exercise.steps, true);
    list(ui, "Tips", &exercise.cues, false);
    list(ui, "Common mistakes", &exercise.common_mistakes, false);
    list(ui, "Cautions: stop and call the clinic if", &exercise.cautions, false);
    let range = &exercise.safe_range;
    let mut bounds = Vec::new();
    for (what, value) in [("sets", range.sets), ("repetitions", range.reps), ("seconds' hold", range.hold_seconds)] {
        if let Some(value) = value {
            bounds.push(format!("{}-{} {what}", value.min, value.max));
        }
    }
    if !bounds.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Safe range").strong());
        ui.label(bounds.join(", "));
    }
    if !exercise.references.is_empty() {
        ui.label(RichText::new(format!("Sources: {}", exercise.references.join(", "))).weak().small());
    }
}

/// The library's note on the evidence behind the dose: for the therapist's eyes, never on the handout.
fn therapist_note(ui: &mut Ui, note: &str) {
    if !note.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("For the therapist (not printed)").strong());
        ui.label(RichText::new(note).italics());
    }
}

/// The dose through the weeks of its phase, after its progression rule (from `schedule`, like the handout).
fn week_by_week(ui: &mut Ui, phase: &Phase, prescription: &Prescription, affected: crate::model::Side) {
    ui.add_space(8.0);
    ui.label(RichText::new("Week by week").strong());
    ui.add(egui::Label::new(RichText::new(progression_in_words(&prescription.progression)).weak()).wrap());
    let weeks = match phase.length {
        PhaseLength::Weeks(weeks) => weeks.min(26),
        PhaseLength::UntilCriteriaMet => {
            ui.label(RichText::new(format!("“{}” lasts until its criteria are met.", phase.name)).weak());
            1
        }
    };
    egui::Grid::new("week by week").num_columns(2).striped(true).show(ui, |ui| {
        for week in 1..=weeks {
            let (dose, cap) = schedule::dose_in_week(prescription, week);
            ui.label(format!("Week {week}"));
            let mut text = dose_in_words(&dose, prescription.exercise.kind, affected);
            match cap {
                Some(CapReached::RuleLimit) => text.push_str(" (rule's limit)"),
                Some(CapReached::SafeRange) => text.push_str(" (safe range's limit)"),
                None => {}
            }
            ui.add(egui::Label::new(text).wrap());
            ui.end_row();
        }
    });
}

fn preview(app: &mut StepwiseApp, ui: &mut Ui) {
    ui.horizontal(|ui| {
        if ui.button("Export PDF…").on_hover_text("Ctrl+E").clicked() {
            app.commands.push(Command::ExportPdf);
        }
        if ui.button("Print").on_hover_text("Ctrl+P").clicked() {
            app.commands.push(Command::Print);
        }
        if let Some(preview) = app.preview()
            && !preview.pages.is_empty()
        {
            let pages = preview.pages.len();
            ui.label(RichText::new(if pages == 1 { "1 page".to_owned() } else { format!("{pages} pages") }).weak());
        }
    });
    let Some(preview) = app.preview() else {
        ui.label(RichText::new("The live preview is off. Export PDF (Ctrl+E) still makes the handout.").weak());
        return;
    };
    if preview.busy {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Updating the preview…");
        });
    }
    if let Some(error) = &preview.error {
        ui.add(egui::Label::new(RichText::new(error).color(widgets::error_color(ui))).wrap());
    }
    for warning in &preview.warnings {
        ui.add(egui::Label::new(RichText::new(warning).color(ui.visuals().warn_fg_color)).wrap());
    }
    let pages = preview.pages.clone();
    egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt("preview scroll").show(ui, |ui| {
        let width = ui.available_width();
        for (index, page) in pages.iter().enumerate() {
            let size = page.size_vec2();
            let scale = width / size.x.max(1.0);
            ui.add(egui::Image::new((page.id(), size * scale)).alt_text(format!("Handout page {}", index + 1)));
            ui.add_space(6.0);
        }
    });
}
