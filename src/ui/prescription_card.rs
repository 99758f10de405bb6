//! One prescription as a card: picture, name, the dose in words and its fields (drag values with units and
//! bounds, a side selector, a note), how it progresses, and the actions on it. A field validation finds wrong is
//! outlined in red with the reason; the value stays as the therapist typed it.

use egui::{RichText, Ui};

use super::commands::{Command, CommandKind, Edit};
use super::drag::Dragged;
use super::editor_context::CardContext;
use super::progression_fields;
use super::selection::Selection;
use super::widgets::{self, mark_problem};
use crate::model::{Prescription, Problem, Side, dose_in_words};

/// The widest a number field goes. Far beyond any sensible dose on purpose: the safe range is checked by
/// validation, which marks the field and says why, instead of a field quietly turning 25 into 20.
const MAX_COUNT: u32 = 999;
const MAX_SECONDS: u32 = 86_400;

/// Draws the card; returns its response (for dropping other cards on it).
pub fn ui(
    ui: &mut Ui,
    prescription: &mut Prescription,
    context: &CardContext<'_>,
    commands: &mut Vec<Command>,
    selection: &mut Selection,
) -> egui::Response {
    let id = prescription.id;
    let fill = if context.selected {
        ui.visuals().selection.bg_fill.gamma_multiply(0.18)
    } else {
        ui.visuals().faint_bg_color
    };
    let stroke = if context.selected {
        egui::Stroke::new(1.5, ui.visuals().selection.bg_fill)
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    let frame = egui::Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(8.0)
        .outer_margin(egui::Margin::symmetric(0, 3));
    let inner = ui.push_id(("prescription", id), |ui| {
        // The card senses clicks behind its contents, so its fields and buttons keep theirs.
        ui.scope_builder(egui::UiBuilder::new().sense(egui::Sense::click()), |ui| {
            frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    let drag_id = egui::Id::unique(("prescription drag", id));
                    let handle = ui.dnd_drag_source(drag_id, Dragged::Prescription(id), |ui| {
                        super::picture::exercise_picture(
                            ui,
                            &prescription.exercise.illustration,
                            crate::assets::mirror_illustration(prescription.dose.side, context.affected),
                            &prescription.exercise.name,
                            egui::vec2(72.0, 54.0),
                        )
                    });
                    let os = ui.ctx().os();
                    handle.response.on_hover_text(format!(
                        "Drag to move this exercise; {} / {} with the keyboard",
                        CommandKind::MoveSelectedUp.shortcut_text(os),
                        CommandKind::MoveSelectedDown.shortcut_text(os)
                    ));
                    ui.vertical(|ui| {
                        ui.horizontal_wrapped(|ui| {
                            let name = ui.add(
                                egui::Button::selectable(
                                    context.selected,
                                    RichText::new(&prescription.exercise.name).strong().size(15.0),
                                )
                                .frame(false),
                            );
                            if name.clicked() {
                                selection.select_prescription(id, context.phase_id);
                            }
                            ui.label(RichText::new(prescription.exercise.kind.label()).weak());
                            let problem_count = context.all_problems().count();
                            if problem_count > 0 {
                                ui.label(
                                    RichText::new(format!("{problem_count} to check")).color(widgets::error_color(ui)),
                                );
                            }
                            if context.outdated {
                                ui.label(RichText::new("library updated").color(ui.visuals().warn_fg_color));
                            }
                        });
                        ui.label(dose_in_words(&prescription.dose, prescription.exercise.kind, context.affected));
                        dose_row(ui, prescription, context);
                    });
                });
                if context.selected {
                    ui.separator();
                    more_fields(ui, prescription, context, commands);
                    actions(ui, prescription, context, commands);
                }
                for problem in context.all_problems() {
                    ui.label(RichText::new(format!("• {}", problem.message)).color(widgets::error_color(ui)).small());
                }
            })
        })
        .response
    });
    let response = inner.inner;
    if context.selected && selection.scroll_to_prescription {
        selection.scroll_to_prescription = false;
        response.scroll_to_me(Some(egui::Align::Center));
    }
    if response.clicked() {
        selection.select_prescription(id, context.phase_id);
    }
    response
}

/// How an optional whole number is shown: its name, unit, the value it starts at when switched on, its widest.
struct CountField {
    label: &'static str,
    suffix: &'static str,
    default: u32,
    max: u32,
}

/// An optional whole number (repetitions, a hold): a checkbox that says whether it applies, and its value.
fn optional_count(ui: &mut Ui, value: &mut Option<u32>, field: &CountField, problem: Option<&Problem>, hint: &str) {
    let mut on = value.is_some();
    let check = ui.checkbox(&mut on, field.label);
    if check.changed() {
        *value = on.then_some(field.default);
    }
    if let Some(number) = value {
        let response = ui
            .add(egui::DragValue::new(number).range(0..=field.max).suffix(field.suffix).clamp_existing_to_range(false))
            .labelled_by(check.id);
        let response = if hint.is_empty() { response } else { response.on_hover_text(hint) };
        mark_problem(ui, response, problem);
    }
}

/// "Safe range: 1-3 sets (alfredson1998)", or nothing when the exercise sets no range.
fn range_hint(bounds: Option<crate::model::Bounds<u32>>, what: &str, sources: &[String]) -> String {
    bounds.map_or_else(String::new, |bounds| {
        let sources = if sources.is_empty() { String::new() } else { format!(" ({})", sources.join(", ")) };
        format!("Safe range: {}-{} {what}{sources}", bounds.min, bounds.max)
    })
}

/// The main dose fields, always visible: sets, repetitions, hold, time, side.
fn dose_row(ui: &mut Ui, prescription: &mut Prescription, context: &CardContext<'_>) {
    let dose = &mut prescription.dose;
    if prescription.exercise.kind == crate::model::ExerciseKind::Advice {
        // Advice has no sets or repetitions: how often, and the note, are on the selected card.
        return;
    }
    let range = &prescription.exercise.safe_range;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Sets");
        let response = ui
            .add(egui::DragValue::new(&mut dose.sets).range(0..=MAX_COUNT).clamp_existing_to_range(false))
            .labelled_by(label.id);
        let hint = range_hint(range.sets, "sets", &range.sources);
        let response = if hint.is_empty() { response } else { response.on_hover_text(hint) };
        mark_problem(ui, response, context.problem("dose", "sets"));
        let fields = [
            (
                &mut dose.reps,
                CountField { label: "Reps", suffix: "", default: 10, max: MAX_COUNT },
                "reps",
                range.reps,
                "repetitions",
            ),
            (
                &mut dose.hold_seconds,
                CountField { label: "Hold", suffix: " s", default: 30, max: MAX_SECONDS },
                "hold_seconds",
                range.hold_seconds,
                "seconds' hold",
            ),
            (
                &mut dose.duration_seconds,
                CountField { label: "Time", suffix: " s", default: 60, max: MAX_SECONDS },
                "duration_seconds",
                range.duration_seconds,
                "seconds",
            ),
        ];
        for (value, field, name, bounds, what) in fields {
            optional_count(ui, value, &field, context.problem("dose", name), &range_hint(bounds, what, &range.sources));
        }
        let side_label = ui.label("Side");
        let response = egui::ComboBox::from_id_salt("side")
            .selected_text(dose.side.label())
            .show_ui(ui, |ui| {
                for side in Side::ALL {
                    ui.selectable_value(&mut dose.side, side, side.label());
                }
            })
            .response
            .labelled_by(side_label.id);
        mark_problem(ui, response, context.problem("dose", "side"));
    });
}

/// The rest of the dose, the progression and the note: shown on the selected card.
fn more_fields(ui: &mut Ui, prescription: &mut Prescription, context: &CardContext<'_>, commands: &mut Vec<Command>) {
    let id = prescription.id;
    let dose = &mut prescription.dose;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Times a day");
        let response = ui
            .add(egui::DragValue::new(&mut dose.times_per_day).range(0..=MAX_COUNT).clamp_existing_to_range(false))
            .labelled_by(label.id);
        mark_problem(ui, response, context.problem("dose", "times_per_day"));
        let label = ui.label("Days a week");
        let response = ui
            .add(egui::DragValue::new(&mut dose.days_per_week).range(0..=MAX_COUNT).clamp_existing_to_range(false))
            .labelled_by(label.id);
        mark_problem(ui, response, context.problem("dose", "days_per_week"));
        let rest = CountField { label: "Rest", suffix: " s", default: 60, max: MAX_SECONDS };
        optional_count(ui, &mut dose.rest_seconds, &rest, context.problem("dose", "rest_seconds"), "");
    });
    ui.horizontal_wrapped(|ui| {
        progression_fields::load_field(ui, id, &mut dose.load, context, commands);
        let label = ui.label("Tempo");
        ui.add(egui::TextEdit::singleline(&mut dose.tempo).hint_text("e.g. 3 s up, 3 s down").desired_width(160.0))
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label("Note");
        ui.add(
            egui::TextEdit::singleline(&mut dose.note)
                .hint_text("Anything else the patient should know")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    progression_fields::progression_fields(ui, id, &mut prescription.progression, context, commands);
}

fn actions(ui: &mut Ui, prescription: &Prescription, context: &CardContext<'_>, commands: &mut Vec<Command>) {
    let id = prescription.id;
    let os = ui.ctx().os();
    ui.horizontal_wrapped(|ui| {
        for (text, kind) in [("Move up", CommandKind::MoveSelectedUp), ("Move down", CommandKind::MoveSelectedDown)] {
            if ui.button(text).on_hover_text(kind.tooltip_with_shortcut(os)).clicked() {
                commands.push(kind.into());
            }
        }
        let shortcuts = [
            (Edit::DuplicatePrescription(id), CommandKind::DuplicateSelected),
            (Edit::RemovePrescription(id), CommandKind::RemoveSelected),
        ];
        for (edit, same_as) in shortcuts {
            let (text, tooltip) = edit.text_and_tooltip();
            let shortcut = same_as.shortcut_text(os);
            if ui.button(text).on_hover_text(format!("{tooltip} ({shortcut})")).clicked() {
                commands.push(edit.into());
            }
        }
        let update = Edit::UpdateFromLibrary(id);
        let (text, tooltip) = update.text_and_tooltip();
        if context.outdated && ui.button(text).on_hover_text(tooltip).clicked() {
            commands.push(update.into());
        }
        move_to_phase_menu(ui, id, context.phases, context.phase_id, commands);
    });
}

/// Moves the prescription to the end of another phase.
fn move_to_phase_menu(ui: &mut Ui, id: u64, phases: &[(u64, String)], current: u64, commands: &mut Vec<Command>) {
    ui.menu_button("Move to phase", |ui| {
        for (phase_id, name) in phases {
            if *phase_id != current && ui.button(name).clicked() {
                commands.push(Edit::MovePrescription { id, phase_id: *phase_id, index: usize::MAX }.into());
            }
        }
    });
}
