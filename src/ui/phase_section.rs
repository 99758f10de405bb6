//! One phase as a section: its name, length, buttons, goal and criteria, then its prescription cards. A phase
//! accepts exercises dragged from the library and cards dragged from other phases.

use std::collections::HashMap;

use egui::{RichText, Ui};

use super::commands::{Command, CommandKind, Edit};
use super::drag::Dragged;
use super::editor_context::{CardContext, EditorContext};
use super::prescription_card;
use super::selection::Selection;
use super::widgets;
use crate::model::{MeasurableCriterion, PathStep, Phase, PhaseLength, Problem, Severity};

/// Every phase, then "Add phase".
pub fn phases(
    ui: &mut Ui,
    context: &mut EditorContext<'_>,
    card_heights: &mut HashMap<u64, f32>,
    commands: &mut Vec<Command>,
) {
    widgets::section_heading(ui, "Phases");
    let phase_count = context.program.phases.len();
    for phase_index in 0..phase_count {
        phase_section(ui, context, card_heights, commands, (phase_index, phase_count));
    }
    ui.add_space(8.0);
    let add = CommandKind::AddPhase;
    if ui.button(add.text()).on_hover_text(add.text_and_tooltip().1).clicked() {
        commands.push(add.into());
    }
}

fn phase_section(
    ui: &mut Ui,
    context: &mut EditorContext<'_>,
    card_heights: &mut HashMap<u64, f32>,
    commands: &mut Vec<Command>,
    (phase_index, phase_count): (usize, usize),
) {
    let phase_names: Vec<(u64, String)> =
        context.program.phases.iter().enumerate().map(|(i, p)| (p.id, format!("{}. {}", i + 1, p.name))).collect();
    let EditorContext { program, problems, selection, outdated, units, .. } = context;
    let (problems, outdated, units): (&[Problem], &std::collections::HashSet<u64>, _) = (problems, outdated, *units);
    let affected = program.patient.side;
    let Some(phase) = program.phases.get(phase_index) else { return };
    let phase_id = phase.id;
    let is_target = selection.target_phase == Some(phase_id);
    let is_current = program.current_stage_index() == phase_index;
    let stroke = if is_target {
        egui::Stroke::new(2.0, ui.visuals().selection.bg_fill)
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    let frame = egui::Frame::group(ui.style()).stroke(stroke).inner_margin(10.0);
    let (drop_response, dropped_on_phase) = ui.dnd_drop_zone::<Dragged, _>(frame, |ui| {
        ui.set_width(ui.available_width());
        ui.push_id(("phase", phase_id), |ui| {
            // The phase's own problems (name, length, criteria), not its prescriptions': those are on the cards.
            let phase_problems: Vec<&Problem> = problems
                .iter()
                .filter(|problem| {
                    matches!(
                        problem.path.0.as_slice(),
                        [PathStep::Field("phases"), PathStep::Index(index), PathStep::Field(field), ..]
                            if *index == phase_index && *field != "prescriptions"
                    )
                })
                .collect();
            phase_header(
                ui,
                &mut program.phases[phase_index],
                (phase_index, phase_count),
                &phase_problems,
                (is_target, is_current),
                commands,
                selection,
            );
            let phase = &mut program.phases[phase_index];
            let count = phase.prescriptions.len();
            if count == 0 {
                ui.label(
                    RichText::new("No exercises yet: double-click one in the library, or drag it here.")
                        .weak()
                        .italics(),
                );
            }
            let mut drop_at = None;
            for position in 0..count {
                let prescription = &mut phase.prescriptions[position];
                let selected = selection.prescription == Some(prescription.id);
                // Cards scrolled out of sight only take their space (as last drawn): a long program stays quick.
                // The selected card is always drawn, so the keyboard never loses it.
                let top = ui.cursor().min;
                if let Some(&height) = card_heights.get(&prescription.id)
                    && !selected
                    && !ui.is_rect_visible(egui::Rect::from_min_size(top, egui::vec2(ui.available_width(), height)))
                {
                    ui.allocate_space(egui::vec2(ui.available_width(), height));
                    continue;
                }
                let context = CardContext {
                    phase_index,
                    position,
                    phase_id,
                    problems,
                    selected,
                    outdated: outdated.contains(&prescription.id),
                    phases: &phase_names,
                    units,
                    affected,
                };
                let id = prescription.id;
                let response = prescription_card::ui(ui, prescription, &context, commands, selection);
                card_heights.insert(id, ui.cursor().min.y - top.y - ui.spacing().item_spacing.y);
                // Dropping onto the upper or lower half of a card puts it before or after.
                if let (Some(pointer), Some(_)) =
                    (ui.ctx().pointer_interact_pos(), response.dnd_hover_payload::<Dragged>())
                {
                    let before = pointer.y < response.rect.center().y;
                    let y = if before { response.rect.top() - 3.0 } else { response.rect.bottom() + 3.0 };
                    ui.painter().hline(
                        response.rect.x_range(),
                        y,
                        egui::Stroke::new(2.5, ui.visuals().selection.bg_fill),
                    );
                }
                if let Some(dragged) = response.dnd_release_payload::<Dragged>() {
                    let before = ui.ctx().pointer_interact_pos().is_some_and(|p| p.y < response.rect.center().y);
                    drop_at = Some((dragged, if before { position } else { position + 1 }));
                }
            }
            if let Some((dragged, index)) = drop_at {
                commands.push(Dragged::clone(&dragged).into_command(phase_id, Some(index)));
            }
        });
    });
    // Dropped on the phase but not on a card: to the end of the phase.
    if let Some(dragged) = dropped_on_phase {
        commands.push(Dragged::clone(&dragged).into_command(phase_id, None));
    }
    if drop_response.response.clicked() {
        selection.target_phase = Some(phase_id);
    }
    ui.add_space(8.0);
}

fn phase_header(
    ui: &mut Ui,
    phase: &mut Phase,
    (phase_index, phase_count): (usize, usize),
    problems: &[&Problem],
    (is_target, is_current): (bool, bool),
    commands: &mut Vec<Command>,
    selection: &mut Selection,
) {
    let phase_id = phase.id;
    let problem_on = |field: &str| problems.iter().copied().find(|problem| problem.path.last_field() == Some(field));
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(RichText::new(format!("Phase {}", phase_index + 1)).strong());
        let name = ui
            .add(egui::TextEdit::singleline(&mut phase.name).hint_text("Phase name").desired_width(220.0))
            .labelled_by(label.id)
            .on_hover_text("Rename the phase");
        widgets::mark_problem(ui, name, problem_on("name"));
        let mut open_ended = phase.length == PhaseLength::UntilCriteriaMet;
        if let PhaseLength::Weeks(weeks) = &mut phase.length {
            let label = ui.label("Length");
            let length = ui
                .add(
                    egui::DragValue::new(weeks)
                        .range(0..=104)
                        .clamp_existing_to_range(false)
                        .custom_formatter(|n, _| if n == 1.0 { "1 week".to_owned() } else { format!("{n} weeks") })
                        .custom_parser(|text| {
                            text.trim().trim_end_matches(|c: char| c.is_alphabetic() || c == ' ').parse().ok()
                        }),
                )
                .labelled_by(label.id);
            widgets::mark_problem(ui, length, problem_on("length"));
        }
        let label = Edit::SetOpenEnded { phase_id, open_ended: !open_ended }.text_and_tooltip().0;
        if ui.checkbox(&mut open_ended, label).changed() {
            commands.push(Edit::SetOpenEnded { phase_id, open_ended }.into());
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .add(egui::Button::selectable(is_target, "Add here"))
            .on_hover_text("Add the selected library exercise to this phase; new exercises go here")
            .clicked()
        {
            selection.target_phase = Some(phase_id);
            commands.push(CommandKind::AddSelectedExercise.into());
        }
        // Where the patient is now: marked on the timeline, printed on the handout by default.
        let here = Edit::SetCurrentStage(phase_id);
        let (text, tooltip) = here.text_and_tooltip();
        if ui.add(egui::Button::selectable(is_current, text)).on_hover_text(tooltip).clicked() && !is_current {
            commands.push(here.into());
        }
        for (edit, enabled) in [
            (Edit::MovePhase { id: phase_id, delta: -1 }, phase_index > 0),
            (Edit::MovePhase { id: phase_id, delta: 1 }, phase_index + 1 < phase_count),
            (Edit::RemovePhase(phase_id), true),
        ] {
            let (text, tooltip) = edit.text_and_tooltip();
            if ui.add_enabled(enabled, egui::Button::new(text)).on_hover_text(tooltip).clicked() {
                commands.push(edit.into());
            }
        }
    });
    egui::CollapsingHeader::new("Goal and criteria to move on").id_salt(("phase details", phase_id)).show(ui, |ui| {
        egui::Grid::new(("phase grid", phase_id)).num_columns(2).show(ui, |ui| {
            widgets::grid_text_field(ui, "Goal of this phase", &mut phase.goal, "e.g. Settle pain and start loading");
            widgets::grid_text_area(
                ui,
                "Criteria to move on",
                &mut phase.criteria,
                "e.g. Pain at most 3/10 the morning after",
            );
        });
        measurable_criteria(ui, phase_id, &mut phase.measurable_criteria, commands);
    });
    for problem in problems {
        let color =
            if problem.severity == Severity::Error { widgets::error_color(ui) } else { ui.visuals().warn_fg_color };
        ui.label(RichText::new(format!("• {}", problem.message)).color(color).small());
    }
}

/// Criteria that can be measured ("25 single-leg heel raises"): printed as a checklist on the handout.
fn measurable_criteria(ui: &mut Ui, phase_id: u64, criteria: &mut [MeasurableCriterion], commands: &mut Vec<Command>) {
    for (index, criterion) in criteria.iter_mut().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(format!("Test {}", index + 1));
            ui.add(
                egui::TextEdit::singleline(&mut criterion.test)
                    .hint_text("e.g. Single-leg heel raises on the affected leg")
                    .desired_width((ui.available_width() - 260.0).clamp(120.0, 260.0)),
            )
            .labelled_by(label.id);
            let label = ui.label("target");
            ui.add(egui::DragValue::new(&mut criterion.target).range(0.0..=100_000.0).clamp_existing_to_range(false))
                .labelled_by(label.id);
            let label = ui.label("unit");
            ui.add(egui::TextEdit::singleline(&mut criterion.unit).hint_text("repetitions").desired_width(110.0))
                .labelled_by(label.id);
            let remove = Edit::RemoveCriterion { phase_id, index };
            if ui.button(remove.text_and_tooltip().0).on_hover_text(format!("Remove test {}", index + 1)).clicked() {
                commands.push(remove.into());
            }
        });
    }
    let add = Edit::AddCriterion { phase_id };
    let (text, tooltip) = add.text_and_tooltip();
    if ui.button(text).on_hover_text(tooltip).clicked() {
        commands.push(add.into());
    }
}
