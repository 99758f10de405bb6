//! The side area beside the program: the selected exercise's details (from the library, or the copy a
//! prescription keeps, with its dose week by week) or the handout: what it prints (`handout_options`) above its
//! live preview (`preview`).

use egui::{RichText, Ui};

use super::commands::{Command, CommandKind};
use super::handout_options;
use super::preview::{self as handout_preview, Preview};
use super::selection::Selection;
use super::widgets;
use crate::library::Library;
use crate::model::{ExerciseCopy, Phase, PhaseLength, Prescription, Program, dose_in_words, progression_in_words};
use crate::schedule::{self, CapReached};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SideTab {
    #[default]
    Details,
    Preview,
}

/// What the side area shows.
pub struct SideContext<'a> {
    pub tab: SideTab,
    pub program: &'a Program,
    pub selection: &'a Selection,
    pub library: &'a Library,
    /// The handout preview; `None` when the live preview is off. Drawing it asks for the pages in view.
    pub preview: Option<&'a mut Preview>,
}

/// Draws the side area; returns the commands its buttons send.
pub fn ui(ui: &mut Ui, context: &mut SideContext<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        if ui.add(egui::Button::selectable(context.tab == SideTab::Details, "Exercise details")).clicked() {
            commands.push(CommandKind::ShowDetails.into());
        }
        if ui.add(egui::Button::selectable(context.tab == SideTab::Preview, "Handout preview")).clicked() {
            commands.push(CommandKind::ShowPreview.into());
        }
    });
    ui.separator();
    match context.tab {
        SideTab::Details => details(ui, context, &mut commands),
        SideTab::Preview => {
            commands.extend(handout_options::ui(ui, context.program));
            preview(ui, context.preview.as_deref_mut(), &mut commands);
        }
    }
    commands
}

fn details(ui: &mut Ui, context: &SideContext<'_>, commands: &mut Vec<Command>) {
    let SideContext { program, selection, library, .. } = context;
    let prescription = selection
        .prescription
        .filter(|_| selection.details_of_prescription)
        .and_then(|id| program.find_prescription(id))
        .map(|(phase, position)| (&program.phases[phase], &program.phases[phase].prescriptions[position]));
    egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt("details scroll").show(ui, |ui| {
        if let Some((phase, prescription)) = prescription {
            let affected = program.patient.side;
            exercise_text(ui, &prescription.exercise);
            week_by_week(ui, phase, prescription, affected);
            if let Some(entry) = library.get(&prescription.exercise.library_id) {
                therapist_note(ui, &entry.exercise.therapist_note);
            }
        } else if let Some(entry) = selection.exercise.as_deref().and_then(|id| library.get(id)) {
            let copy = entry.exercise.to_copy();
            ui.label(RichText::new(entry.source.label()).weak());
            exercise_text(ui, &copy);
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                if ui.button("Add to phase").on_hover_text("Double-click or Enter in the list does the same").clicked()
                {
                    commands.push(CommandKind::AddSelectedExercise.into());
                }
                if ui.button("Copy as my exercise…").on_hover_text("Start a custom exercise from this one").clicked()
                {
                    commands.push(CommandKind::CopyAsCustomExercise.into());
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

fn preview(ui: &mut Ui, preview: Option<&mut Preview>, commands: &mut Vec<Command>) {
    let os = ui.ctx().os();
    ui.horizontal(|ui| {
        if ui.button("Export PDF…").on_hover_text(CommandKind::ExportPdf.tooltip_with_shortcut(os)).clicked() {
            commands.push(CommandKind::ExportPdf.into());
        }
        if ui.button("Print").on_hover_text(CommandKind::Print.tooltip_with_shortcut(os)).clicked() {
            commands.push(CommandKind::Print.into());
        }
        if let Some(preview) = &preview
            && preview.page_count() > 0
        {
            ui.label(RichText::new(handout_preview::pages_in_words(preview.page_count())).weak());
        }
    });
    let Some(preview) = preview else {
        let export = CommandKind::ExportPdf.shortcut_text(os);
        ui.label(
            RichText::new(format!("The live preview is off. Export PDF ({export}) still makes the handout.")).weak(),
        );
        return;
    };
    handout_preview::status(ui, preview);
    preview.ui(ui);
}
