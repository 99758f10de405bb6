//! The program editor: the patient and therapist header, goals, notes, a week-by-week timeline of the phases, and
//! each phase as a section holding its prescription cards. Phases accept exercises dragged from the library and
//! cards dragged from other phases.

use egui::{RichText, Ui};

use super::app::{Notice, StepwiseApp};
use super::commands::Command;
use super::prescription_card::{self, CardContext};
use super::widgets;
use crate::model::{Date, MeasurableCriterion, PathStep, Phase, PhaseLength, Problem, Severity, Side};

/// What can be dragged onto a phase or a card. One type for both, because egui keeps one payload and a drop
/// zone asking for another type would throw it away.
#[derive(Clone, Debug)]
pub enum Dragged {
    /// An exercise from the library, by id.
    Exercise(String),
    /// A prescription card, by its stable id.
    Prescription(u64),
}

impl Dragged {
    /// The command that puts what was dropped at `index` in the phase.
    fn into_command(self, phase_id: u64, index: Option<usize>) -> Command {
        match self {
            Self::Exercise(exercise_id) => Command::AddExercise { exercise_id, phase_id, index },
            Self::Prescription(id) => Command::MovePrescription { id, phase_id, index: index.unwrap_or(usize::MAX) },
        }
    }
}

pub fn ui(app: &mut StepwiseApp, ui: &mut Ui) {
    notices(app, ui);
    if let Some(reason) = app.document.read_only.clone() {
        egui::Frame::new()
            .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
            .inner_margin(8.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Read-only.").strong());
                    ui.label(reason);
                    if ui.button("Save as…").clicked() {
                        app.commands.push(Command::SaveAs);
                    }
                });
            });
    }
    let read_only = app.document.read_only.is_some();
    egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt("program scroll").show(ui, |ui| {
        ui.add_enabled_ui(!read_only, |ui| {
            header(app, ui);
            timeline(app, ui);
            phases(app, ui);
        });
        ui.add_space(40.0);
    });
}

/// Messages (errors with file and line:column, confirmations) in a strip above the program.
fn notices(app: &mut StepwiseApp, ui: &mut Ui) {
    let mut dismissed = None;
    for (index, Notice { text, is_error }) in app.notices.iter().enumerate() {
        let color = if *is_error { ui.visuals().error_fg_color } else { ui.visuals().hyperlink_color };
        egui::Frame::new().fill(color.gamma_multiply(0.12)).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.button("Dismiss").on_hover_text("Hide this message").clicked() {
                    dismissed = Some(index);
                }
                ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
            });
        });
    }
    if let Some(index) = dismissed {
        app.notices.remove(index);
    }
}

fn header(app: &mut StepwiseApp, ui: &mut Ui) {
    let program = &mut app.document.program;
    let title_label = ui.label("Program title");
    ui.add(
        egui::TextEdit::singleline(&mut program.title)
            .font(egui::TextStyle::Heading)
            .hint_text("Home exercise program")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(title_label.id);

    egui::CollapsingHeader::new("Patient and therapist").default_open(true).show(ui, |ui| {
        egui::Grid::new("header grid").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            let field = |ui: &mut Ui, label: &str, text: &mut String, hint: &str| {
                let label = ui.label(label);
                ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(ui.available_width().min(320.0)))
                    .labelled_by(label.id);
                ui.end_row();
            };
            field(ui, "Patient", &mut program.patient.name, "Name");
            field(
                ui,
                "Date of birth or reference",
                &mut program.patient.date_of_birth_or_reference,
                "e.g. 1961-04-12 or clinic number",
            );
            field(ui, "Condition", &mut program.patient.condition, "e.g. Right mid-portion Achilles tendinopathy");
            let label = ui.label("Affected side");
            egui::ComboBox::from_id_salt("affected side")
                .selected_text(affected_side_text(program.patient.side))
                .show_ui(ui, |ui| {
                    for side in [Side::Left, Side::Right, Side::BothTogether] {
                        ui.selectable_value(&mut program.patient.side, side, affected_side_text(side));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            field(ui, "Therapist", &mut program.therapist, "Your name");
            field(ui, "Clinic", &mut program.clinic, "Clinic name");
            let label = ui.label("Start date");
            ui.horizontal(|ui| start_date_field(ui, &mut program.start_date, label.id));
            ui.end_row();
        });

        ui.add_space(6.0);
        ui.label(RichText::new("Goals").strong());
        let mut remove = None;
        for (index, goal) in program.goals.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let label = ui.label(format!("Goal {}", index + 1));
                ui.add(
                    egui::TextEdit::singleline(goal)
                        .hint_text("e.g. Walk 30 minutes without pain")
                        .desired_width((ui.available_width() - 90.0).clamp(120.0, 360.0)),
                )
                .labelled_by(label.id);
                if ui.button("Remove").on_hover_text(format!("Remove goal {}", index + 1)).clicked() {
                    remove = Some(index);
                }
            });
        }
        if let Some(index) = remove {
            program.goals.remove(index);
        }
        if ui.button("Add goal").clicked() {
            program.goals.push(String::new());
        }

        ui.add_space(6.0);
        let label = ui.label("Notes for the patient");
        ui.add(
            egui::TextEdit::multiline(&mut program.notes)
                .hint_text("Printed on the handout: what pain is acceptable, when to call the clinic…")
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
}

/// The patient's painful side in the header's words ("Both legs" rather than the dose's "Both together").
fn affected_side_text(side: Side) -> &'static str {
    match side {
        Side::BothTogether | Side::EachSide | Side::Affected => "Both legs",
        Side::Left | Side::Right => side.label(),
    }
}

/// The start date as text, so a half-typed date is never forced into something else: the field keeps what was
/// typed and says why it is not a date; the program changes only when the text is a real day.
fn start_date_field(ui: &mut Ui, date: &mut Date, label: egui::Id) {
    // The text as typed, with the date it was typed against: when the program's date changes some other way
    // (undo, opening a file) the field shows the new date; otherwise it keeps what the therapist wrote.
    let id = ui.make_persistent_id("start date text");
    let (mut text, typed_against) =
        ui.data(|data| data.get_temp::<(String, Date)>(id)).unwrap_or_else(|| (date.to_string(), *date));
    if typed_against != *date {
        text = date.to_string();
    }
    let response =
        ui.add(egui::TextEdit::singleline(&mut text).desired_width(120.0).hint_text("YYYY-MM-DD")).labelled_by(label);
    match text.parse::<Date>() {
        Ok(parsed) => {
            if parsed != *date {
                *date = parsed;
            }
            ui.label(RichText::new(date.to_patient_text()).weak());
        }
        Err(error) => {
            let color = widgets::error_color(ui);
            ui.painter().rect_stroke(
                response.rect.expand(1.0),
                2.0,
                egui::Stroke::new(1.5, color),
                egui::StrokeKind::Outside,
            );
            ui.label(RichText::new(format!("{error}; the program keeps {}", date.to_patient_text())).color(color));
        }
    }
    ui.data_mut(|data| data.insert_temp(id, (text, *date)));
}

/// Which weeks each phase covers, as a row of blocks (from `schedule`, like the handout); clicking one makes it
/// the phase new exercises go into.
fn timeline(app: &mut StepwiseApp, ui: &mut Ui) {
    if app.document.program.phases.is_empty() {
        return;
    }
    widgets::section_heading(ui, "Timeline");
    let schedule = app.schedule();
    // One block per phase, wider for more weeks (each wide enough to read): the shape of the program at a glance.
    let total_weeks: u32 = schedule.phases.iter().map(|block| block.week_count.max(1)).sum();
    let width = ui.available_width();
    let count = schedule.phases.len().max(1) as f32;
    let min_width = (width / count).min(130.0);
    let spare = width - min_width * count;
    let (bar, _) = ui.allocate_exact_size(egui::vec2(width, 40.0), egui::Sense::hover());
    let mut left = bar.left();
    for block in &schedule.phases {
        let fraction = block.week_count.max(1) as f32 / total_weeks.max(1) as f32;
        let block_width = min_width + spare * fraction;
        let rect = egui::Rect::from_min_size(egui::pos2(left, bar.top()), egui::vec2(block_width - 3.0, bar.height()));
        left += block_width;
        let start = schedule.week(block.first_week).map(|week| week.start.to_patient_text()).unwrap_or_default();
        let mut text = format!("{}: {}", block.name, block.weeks_in_words());
        if !start.is_empty() {
            text = format!("{text}, from {start}");
        }
        if block.provisional {
            text.push_str(" at the earliest");
        }
        let selected = app.selection.target_phase == Some(block.phase_id);
        let response = ui.interact(rect, ui.make_persistent_id(("timeline", block.phase_id)), egui::Sense::click());
        response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &text));
        let visuals = ui.visuals();
        let fill = if selected { visuals.selection.bg_fill } else { visuals.widgets.inactive.bg_fill };
        let stroke = if response.has_focus() || response.hovered() {
            visuals.widgets.hovered.fg_stroke
        } else {
            egui::Stroke::NONE
        };
        let text_color = if selected { visuals.selection.stroke.color } else { visuals.strong_text_color() };
        let painter = ui.painter_at(rect);
        painter.rect(rect, 4.0, fill, stroke, egui::StrokeKind::Inside);
        // A long name in a short block ends in "…" rather than being cut mid-letter; the tooltip has it whole.
        let mut name =
            egui::text::LayoutJob::simple_singleline(block.name.clone(), egui::FontId::proportional(13.0), text_color);
        name.wrap = egui::text::TextWrapping::truncate_at_width(rect.width() - 12.0);
        painter.galley(rect.left_top() + egui::vec2(8.0, 4.0), painter.layout_job(name), text_color);
        painter.text(
            rect.left_bottom() + egui::vec2(8.0, -4.0),
            egui::Align2::LEFT_BOTTOM,
            block.weeks_in_words(),
            egui::FontId::proportional(11.0),
            text_color.gamma_multiply(0.8),
        );
        if response.on_hover_text(format!("{text}. Click: new exercises go into this phase.")).clicked() {
            app.selection.target_phase = Some(block.phase_id);
        }
    }
    if let Some(end) = schedule.end_date() {
        let earliest = if schedule.phases.iter().any(|block| block.open_ended || block.provisional) {
            " at the earliest (a phase lasts until its criteria are met)"
        } else {
            ""
        };
        ui.label(RichText::new(format!("Ends {}{earliest}", end.to_patient_text())).weak());
    }
}

fn phases(app: &mut StepwiseApp, ui: &mut Ui) {
    widgets::section_heading(ui, "Phases");
    let phase_count = app.document.program.phases.len();
    for phase_index in 0..phase_count {
        phase_section(app, ui, phase_index, phase_count);
    }
    ui.add_space(8.0);
    if ui.button("Add phase").on_hover_text("Add a phase at the end of the program").clicked() {
        app.commands.push(Command::AddPhase);
    }
}

fn phase_section(app: &mut StepwiseApp, ui: &mut Ui, phase_index: usize, phase_count: usize) {
    let phase_names: Vec<(u64, String)> =
        app.document.program.phases.iter().enumerate().map(|(i, p)| (p.id, format!("{}. {}", i + 1, p.name))).collect();
    let StepwiseApp { document, selection, commands, settings, outdated, card_heights, .. } = app;
    let Some(phase) = document.program.phases.get(phase_index) else { return };
    let phase_id = phase.id;
    let is_target = selection.target_phase == Some(phase_id);
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
            let phase_problems: Vec<&Problem> = document
                .problems
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
                &mut document.program.phases[phase_index],
                (phase_index, phase_count),
                &phase_problems,
                is_target,
                commands,
                selection,
            );
            let units = settings.units;
            let phase = &mut document.program.phases[phase_index];
            let count = phase.prescriptions.len();
            if count == 0 {
                ui.label(
                    RichText::new("No exercises yet: double-click one in the library, or drag it here.")
                        .weak()
                        .italics(),
                );
            }
            let problems = &document.problems;
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
                    affected: document.program.patient.side,
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
    is_target: bool,
    commands: &mut Vec<Command>,
    selection: &mut super::app::Selection,
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
        if ui.checkbox(&mut open_ended, "Until criteria met").changed() {
            phase.length = if open_ended { PhaseLength::UntilCriteriaMet } else { PhaseLength::Weeks(2) };
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .add(egui::Button::selectable(is_target, "Add here"))
            .on_hover_text("Add the selected library exercise to this phase; new exercises go here")
            .clicked()
        {
            selection.target_phase = Some(phase_id);
            commands.push(Command::AddSelectedExercise);
        }
        if ui
            .add_enabled(phase_index > 0, egui::Button::new("Earlier"))
            .on_hover_text("Move this phase earlier")
            .clicked()
        {
            commands.push(Command::MovePhase { id: phase_id, delta: -1 });
        }
        if ui
            .add_enabled(phase_index + 1 < phase_count, egui::Button::new("Later"))
            .on_hover_text("Move this phase later")
            .clicked()
        {
            commands.push(Command::MovePhase { id: phase_id, delta: 1 });
        }
        if ui.button("Remove phase").on_hover_text("Remove this phase and its exercises").clicked() {
            commands.push(Command::RemovePhase(phase_id));
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
        measurable_criteria(ui, &mut phase.measurable_criteria);
    });
    for problem in problems {
        let color =
            if problem.severity == Severity::Error { widgets::error_color(ui) } else { ui.visuals().warn_fg_color };
        ui.label(RichText::new(format!("• {}", problem.message)).color(color).small());
    }
}

/// Criteria that can be measured ("25 single-leg heel raises"): printed as a checklist on the handout.
fn measurable_criteria(ui: &mut Ui, criteria: &mut Vec<MeasurableCriterion>) {
    let mut remove = None;
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
            if ui.button("Remove").on_hover_text(format!("Remove test {}", index + 1)).clicked() {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        criteria.remove(index);
    }
    if ui.button("Add a measurable criterion").clicked() {
        criteria.push(MeasurableCriterion { test: String::new(), target: 0.0, unit: "repetitions".to_owned() });
    }
}
