//! The load and progression fields of the selected card: what the load is, how the dose changes week by week
//! (a rule, a dose-by-week table, or a written rule). Choosing a kind, and adding or removing a table row, are
//! commands; the numbers are typed into the prescription.

use egui::Ui;
use strum::IntoEnumIterator as _;

use super::commands::{Command, Edit, LoadKind, ProgressionKind};
use super::editor_context::CardContext;
use super::widgets::mark_problem;
use crate::files::settings::WeightUnit;
use crate::model::{Load, Progression, WeekDose};

/// The load: its kind (a command, so choosing one is an undo step) and its value.
pub fn load_field(
    ui: &mut Ui,
    prescription_id: u64,
    load: &mut Load,
    context: &CardContext<'_>,
    commands: &mut Vec<Command>,
) {
    let label = ui.label("Load");
    let current = LoadKind::of(load);
    egui::ComboBox::from_id_salt("load kind")
        .selected_text(current.label())
        .show_ui(ui, |ui| {
            for kind in LoadKind::iter() {
                if ui.selectable_label(kind == current, kind.label()).clicked() && kind != current {
                    commands.push(Edit::SetLoadKind { prescription_id, kind }.into());
                }
            }
        })
        .response
        .on_hover_text(Edit::SetLoadKind { prescription_id, kind: current }.text_and_tooltip().1)
        .labelled_by(label.id);
    let problem = context.problem("dose", "load");
    match load {
        Load::BodyWeight => {}
        Load::Kilograms(kg) => {
            // Files hold kilograms; the therapist may think in pounds.
            let response = match context.units {
                WeightUnit::Kilograms => ui.add(
                    egui::DragValue::new(kg).range(0.0..=300.0).speed(0.5).suffix(" kg").clamp_existing_to_range(false),
                ),
                WeightUnit::Pounds => {
                    let mut pounds = *kg * 2.204_623;
                    let response = ui.add(
                        egui::DragValue::new(&mut pounds)
                            .range(0.0..=660.0)
                            .speed(1.0)
                            .suffix(" lb")
                            .max_decimals(1)
                            .clamp_existing_to_range(false),
                    );
                    if response.changed() {
                        *kg = pounds / 2.204_623;
                    }
                    response
                }
            };
            mark_problem(ui, response.labelled_by(label.id), problem);
        }
        Load::Band(colour) => {
            let response = ui
                .add(egui::TextEdit::singleline(colour).hint_text("Band colour").desired_width(100.0))
                .labelled_by(label.id);
            mark_problem(ui, response, problem);
        }
        Load::RepetitionMaximum(reps) => {
            let response = ui
                .add(egui::DragValue::new(reps).range(0..=30).suffix(" RM").clamp_existing_to_range(false))
                .labelled_by(label.id);
            mark_problem(ui, response, problem);
        }
    }
}

/// The progression rule: its kind (a command) and its numbers, or the dose-by-week table, or the written rule.
pub fn progression_fields(
    ui: &mut Ui,
    prescription_id: u64,
    progression: &mut Progression,
    context: &CardContext<'_>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Progression");
        let current = ProgressionKind::of(progression);
        egui::ComboBox::from_id_salt("progression rule")
            .selected_text(progression.label())
            .width(200.0)
            .show_ui(ui, |ui| {
                for kind in ProgressionKind::iter() {
                    if ui.selectable_label(kind == current, kind.label()).clicked() && kind != current {
                        commands.push(Edit::SetProgressionKind { prescription_id, kind }.into());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let count = |ui: &mut Ui, value: &mut u32, text: &str, suffix: &str, max: u32, field: &str| {
            let label = ui.label(text);
            let response = ui
                .add(egui::DragValue::new(value).range(0..=max).suffix(suffix).clamp_existing_to_range(false))
                .labelled_by(label.id);
            mark_problem(ui, response, context.problem("progression", field));
        };
        match progression {
            Progression::Steady | Progression::ByWeek(_) | Progression::ByResponse(_) => {}
            Progression::AddReps { add, every_weeks, up_to }
            | Progression::AddSets { add, every_weeks, up_to }
            | Progression::AddHoldSeconds { add, every_weeks, up_to } => {
                count(ui, add, "Add", "", 100, "add");
                count(ui, every_weeks, "every", " weeks", 52, "every_weeks");
                count(ui, up_to, "up to", "", 600, "up_to");
            }
            Progression::AddLoad { add_kg, every_weeks, up_to_kg } => {
                let label = ui.label("Add");
                ui.add(
                    egui::DragValue::new(add_kg)
                        .range(0.0..=50.0)
                        .speed(0.5)
                        .suffix(" kg")
                        .clamp_existing_to_range(false),
                )
                .labelled_by(label.id);
                count(ui, every_weeks, "every", " weeks", 52, "every_weeks");
                let label = ui.label("up to");
                let response = ui
                    .add(
                        egui::DragValue::new(up_to_kg)
                            .range(0.0..=300.0)
                            .speed(0.5)
                            .suffix(" kg")
                            .clamp_existing_to_range(false),
                    )
                    .labelled_by(label.id);
                mark_problem(ui, response, context.problem("progression", "up_to_kg"));
            }
        }
    });
    match progression {
        Progression::ByWeek(rows) => week_table(ui, prescription_id, rows, context, commands),
        Progression::ByResponse(rule) => {
            ui.horizontal(|ui| {
                let label = ui.label("Rule");
                let response = ui
                    .add(
                        egui::TextEdit::singleline(rule)
                            .hint_text("e.g. Add 5-10 % load when pain stays at or under 3/10")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                mark_problem(ui, response, context.problem("progression", ""));
            });
        }
        _ => {}
    }
}

/// The dose-by-week table (heavy slow resistance and the like). A problem marks the field of its own row.
fn week_table(
    ui: &mut Ui,
    prescription_id: u64,
    rows: &mut [WeekDose],
    context: &CardContext<'_>,
    commands: &mut Vec<Command>,
) {
    egui::Grid::new("week table").num_columns(4).show(ui, |ui| {
        for (index, row) in rows.iter_mut().enumerate() {
            let label = ui.label(format!("Row {}: from week", index + 1));
            let response = ui
                .add(egui::DragValue::new(&mut row.from_week).range(0..=104).clamp_existing_to_range(false))
                .labelled_by(label.id);
            mark_problem(ui, response, context.week_row_problem(index, "from_week"));
            let label = ui.label("sets");
            let response = ui
                .add(egui::DragValue::new(&mut row.sets).range(0..=20).clamp_existing_to_range(false))
                .labelled_by(label.id);
            mark_problem(ui, response, context.week_row_problem(index, "sets"));
            let mut reps = row.reps.unwrap_or(0);
            let label = ui.label("reps");
            let response = ui
                .add(egui::DragValue::new(&mut reps).range(0..=200).clamp_existing_to_range(false))
                .labelled_by(label.id);
            if response.changed() {
                row.reps = (reps > 0).then_some(reps);
            }
            mark_problem(ui, response, context.week_row_problem(index, "reps"));
            let remove = Edit::RemoveWeekRow { prescription_id, index };
            let (text, tooltip) = remove.text_and_tooltip();
            if ui.button(text).on_hover_text(tooltip).clicked() {
                commands.push(remove.into());
            }
            ui.end_row();
        }
    });
    let add = Edit::AddWeekRow { prescription_id };
    let (text, tooltip) = add.text_and_tooltip();
    if ui.button(text).on_hover_text(tooltip).clicked() {
        commands.push(add.into());
    }
}
