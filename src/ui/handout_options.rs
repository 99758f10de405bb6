//! What the handout prints, chosen above its preview: which stages (the one the patient is in, chosen ones, or
//! the whole program) and the layout (detailed, compact, one-page summary). One click each; every choice is an
//! `Edit` of the program's `handout` field, so it is undone by one Ctrl+Z, saved in the file and remembered per
//! program. The preview, Export PDF and Print all print what the program says, so what is seen is what prints.

use egui::{RichText, Ui};

use super::commands::{Command, Edit};
use crate::model::{HandoutLayout, HandoutScope, Program};

/// Draws the choice; returns the edits its buttons send.
pub fn ui(ui: &mut Ui, program: &Program) -> Vec<Command> {
    let mut commands = Vec::new();
    let choice = &program.handout;
    let current = program.current_stage_index();
    let stage_name = |index: usize| {
        program.phases.get(index).map(|phase| format!("{}. {}", index + 1, phase.name)).unwrap_or_default()
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Stages").strong());
        let scopes =
            [HandoutScope::CurrentStage, HandoutScope::Stages(chosen_or_current(program)), HandoutScope::Whole];
        for scope in scopes {
            let selected = std::mem::discriminant(&scope) == std::mem::discriminant(&choice.scope);
            let edit = Edit::SetHandoutScope(scope);
            let (text, tooltip) = edit.text_and_tooltip();
            let text = match &edit {
                Edit::SetHandoutScope(HandoutScope::CurrentStage) if !program.phases.is_empty() => {
                    format!("{text} ({})", stage_name(current))
                }
                _ => text.to_owned(),
            };
            if ui.radio(selected, text).on_hover_text(tooltip).clicked() && !selected {
                commands.push(edit.into());
            }
        }
    });
    if let HandoutScope::Stages(ids) = &choice.scope {
        ui.horizontal_wrapped(|ui| {
            ui.add_space(16.0);
            for (index, phase) in program.phases.iter().enumerate() {
                let mut ticked = ids.contains(&phase.id);
                let response = ui.checkbox(&mut ticked, stage_name(index)).on_hover_text("Print this stage");
                if response.changed() {
                    let chosen: Vec<u64> = program
                        .phases
                        .iter()
                        .map(|other| other.id)
                        .filter(|id| if *id == phase.id { ticked } else { ids.contains(id) })
                        .collect();
                    commands.push(Edit::SetHandoutScope(HandoutScope::Stages(chosen)).into());
                }
            }
        });
        if !ids.iter().any(|id| has_phase(program, *id)) {
            ui.label(RichText::new("No stage ticked: the current stage prints.").weak());
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Layout").strong());
        for layout in HandoutLayout::ALL {
            let selected = choice.layout == layout;
            let edit = Edit::SetHandoutLayout(layout);
            let (text, tooltip) = edit.text_and_tooltip();
            if ui.add(egui::Button::selectable(selected, text)).on_hover_text(tooltip).clicked() && !selected {
                commands.push(edit.into());
            }
        }
    });
    commands
}

fn has_phase(program: &Program, id: u64) -> bool {
    program.phases.iter().any(|phase| phase.id == id)
}

/// The stages "Chosen stages" starts with: those already chosen (still in the program), else the current one.
fn chosen_or_current(program: &Program) -> Vec<u64> {
    if let HandoutScope::Stages(ids) = &program.handout.scope {
        let kept: Vec<u64> = ids.iter().copied().filter(|id| has_phase(program, *id)).collect();
        if !kept.is_empty() {
            return kept;
        }
    }
    program.phases.get(program.current_stage_index()).map(|phase| vec![phase.id]).unwrap_or_default()
}
