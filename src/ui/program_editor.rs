//! The program editor: the read-only banner, the patient and therapist header, goals and notes, the timeline of
//! the phases (`timeline`), and each phase with its prescription cards (`phase_section`). The header holds the
//! program's pain rule too: one chosen from `PainRule::BUILT_IN` or the therapist's own words, with what the
//! patient will read and the rule's note for the therapist beneath it. Text and numbers are
//! typed straight into the program (the app notices the change and records one undo step per gesture); adding
//! and removing anything goes through a command.

use std::collections::HashMap;

use egui::{RichText, Ui};

use super::commands::{Command, CommandKind, Edit};
use super::editor_context::EditorContext;
use super::{phase_section, timeline, widgets};
use crate::model::{Date, PainRule, Program, Side};

/// The editor's own state: what it remembers between frames.
#[derive(Default)]
pub struct ProgramEditor {
    /// Each card's height when last drawn: cards out of sight are skipped and only take this space.
    pub card_heights: HashMap<u64, f32>,
}

impl ProgramEditor {
    /// Draws the editor; returns the commands it sends.
    pub fn ui(&mut self, ui: &mut Ui, context: &mut EditorContext<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(reason) = context.read_only {
            egui::Frame::new()
                .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
                .inner_margin(8.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new("Read-only.").strong());
                        ui.label(reason);
                        if ui.button("Save as…").clicked() {
                            commands.push(CommandKind::SaveAs.into());
                        }
                    });
                });
        }
        let read_only = context.read_only.is_some();
        egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt("program scroll").show(ui, |ui| {
            ui.add_enabled_ui(!read_only, |ui| {
                header(ui, context.program, &mut commands);
                commands.extend(timeline::ui(ui, context.schedule, context.program, context.selection));
                phase_section::phases(ui, context, &mut self.card_heights, &mut commands);
            });
            ui.add_space(40.0);
        });
        commands
    }
}

fn header(ui: &mut Ui, program: &mut Program, commands: &mut Vec<Command>) {
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
        for (index, goal) in program.goals.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let label = ui.label(format!("Goal {}", index + 1));
                ui.add(
                    egui::TextEdit::singleline(goal)
                        .hint_text("e.g. Walk 30 minutes without pain")
                        .desired_width((ui.available_width() - 90.0).clamp(120.0, 360.0)),
                )
                .labelled_by(label.id);
                let remove = Edit::RemoveGoal(index);
                if ui.button(remove.text_and_tooltip().0).on_hover_text(format!("Remove goal {}", index + 1)).clicked()
                {
                    commands.push(remove.into());
                }
            });
        }
        let add = CommandKind::AddGoal;
        if ui.button(add.text()).on_hover_text(add.text_and_tooltip().1).clicked() {
            commands.push(add.into());
        }

        ui.add_space(6.0);
        pain_rule_field(ui, &mut program.pain_rule, commands);

        ui.add_space(6.0);
        let label = ui.label("Notes for the patient");
        ui.add(
            egui::TextEdit::multiline(&mut program.notes)
                .hint_text("Printed on the handout: anything the patient should know beyond the pain rule…")
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
}

/// The pain rule chooser: the built-in rules and "Own words". Choosing one is an `Edit` (one undo step); the
/// own words are typed straight into the rule, like any text. Under it, the line the patient reads and the
/// rule's note for the therapist (what comes from the source and what is practice).
fn pain_rule_field(ui: &mut Ui, rule: &mut PainRule, commands: &mut Vec<Command>) {
    const OWN_WORDS: &str = "Own words";
    let current = rule.text();
    let is_custom = matches!(rule, PainRule::Custom(_));
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Pain rule").strong());
        let selected = if is_custom { OWN_WORDS } else { rule.label() };
        egui::ComboBox::from_id_salt("pain rule")
            .selected_text(selected)
            .width(ui.available_width().clamp(200.0, 460.0))
            .show_ui(ui, |ui| {
                for choice in PainRule::BUILT_IN {
                    if ui.selectable_label(*rule == choice, choice.label()).clicked() && *rule != choice {
                        commands.push(Edit::SetPainRule(choice).into());
                    }
                }
                let own = ui
                    .selectable_label(is_custom, OWN_WORDS)
                    .on_hover_text("Write the rule yourself: it is printed as written, with no traffic light");
                if own.clicked() && !is_custom {
                    // Start from the rule chosen so far, in its one-line form, rather than from nothing.
                    commands.push(Edit::SetPainRule(PainRule::Custom(current.short.clone())).into());
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(Edit::SetPainRule(PainRule::default()).text_and_tooltip().1);
    });
    ui.indent("pain rule details", |ui| {
        if let PainRule::Custom(words) = rule {
            let label = ui.label("The rule in your words, as the patient will read it");
            let response = ui
                .add(
                    egui::TextEdit::multiline(words)
                        .hint_text("e.g. Keep any pain during the exercises mild, and settled by the next morning.")
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if words.trim().is_empty() {
                let color = widgets::error_color(ui);
                widgets::outline_error(ui, &response);
                ui.label(
                    RichText::new("Empty: the handout would say nothing about how much pain is all right.")
                        .color(color),
                );
            }
        } else {
            ui.label(format!("The patient reads: “{}”", current.short));
        }
        ui.label(RichText::new(current.therapist_note).weak().italics());
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
            widgets::outline_error(ui, &response);
            ui.label(RichText::new(format!("{error}; the program keeps {}", date.to_patient_text())).color(color));
        }
    }
    ui.data_mut(|data| data.insert_temp(id, (text, *date)));
}
