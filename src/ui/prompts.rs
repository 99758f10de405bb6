//! The questions that stop the app until answered, drawn as a modal: "Save changes?", the offer to restore a
//! recovery copy, and the template chooser. `ui` only reports the answer; the app acts on it
//! (`app::file_actions::answer_prompt`).

use std::path::PathBuf;

use egui::RichText;

use super::templates;
use crate::files::recovery::Recovery;

/// What is waiting for the therapist's answer before the app goes on.
#[derive(Debug)]
pub enum Prompt {
    /// "Save changes to …?" before `then` throws the current program away.
    UnsavedChanges { then: Pending },
    /// A recovery copy was left behind by a crash: restore it or throw it away.
    Recovery(Box<Recovery>),
    /// File > New from template.
    Templates,
}

/// An action that replaces the open program, waiting for the unsaved-changes prompt.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    Template(usize),
    /// Open this file, or ask for one.
    Open(Option<PathBuf>),
    Quit,
}

/// The answer to a prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
    Restore,
    Template(usize),
}

/// Draws the prompt; returns the answer once given. `document_name` names the program in "Save changes to …?".
pub fn ui(ctx: &egui::Context, prompt: &Prompt, document_name: &str) -> Option<Answer> {
    let mut answer = None;
    // The safe first answer takes the keyboard when the prompt opens, so Enter or Space answers it.
    let focus_id = egui::Id::unique("prompt focus given");
    let give_focus = !ctx.data(|data| data.get_temp::<bool>(focus_id).unwrap_or(false));
    // The first frames of a modal are a sizing pass where focus cannot land: keep asking until it has.
    let focused = std::cell::Cell::new(false);
    let focus = |response: &egui::Response| {
        if give_focus {
            response.request_focus();
        }
        if response.has_focus() {
            focused.set(true);
        }
    };
    let modal = egui::Modal::new(egui::Id::unique("prompt")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match prompt {
            Prompt::UnsavedChanges { then } => {
                ui.heading("Save changes?");
                let what = match then {
                    Pending::Quit => "before closing",
                    Pending::Open(_) => "before opening another program",
                    Pending::New | Pending::Template(_) => "before starting a new program",
                };
                ui.label(format!("“{document_name}” has changes that are not saved. Save them {what}?"));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let save = ui.button("Save");
                    focus(&save);
                    if save.clicked() {
                        answer = Some(Answer::Save);
                    }
                    if ui.button("Don't save").clicked() {
                        answer = Some(Answer::Discard);
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(Answer::Cancel);
                    }
                });
            }
            Prompt::Recovery(recovery) => {
                ui.heading("Restore unsaved work?");
                let from = recovery
                    .document
                    .as_deref()
                    .map_or_else(|| "a program that was never saved".to_owned(), |path| path.display().to_string());
                ui.label(format!(
                    "Stepwise closed without saving “{}” ({from}). A copy of it was kept.",
                    recovery.program.title
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let restore = ui.button("Restore");
                    focus(&restore);
                    if restore.clicked() {
                        answer = Some(Answer::Restore);
                    }
                    if ui.button("Discard the copy").clicked() {
                        answer = Some(Answer::Discard);
                    }
                });
            }
            Prompt::Templates => {
                ui.heading("New from template");
                ui.label("Ready-made programs to start from; everything can be changed.");
                ui.add_space(6.0);
                egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                    for index in 0..templates::template_count() {
                        if let Some(Ok(loaded)) = templates::template(index) {
                            let program = &loaded.program;
                            ui.group(|ui| {
                                ui.set_width(ui.available_width());
                                let button = ui.button(RichText::new(&program.title).strong());
                                if index == 0 {
                                    focus(&button);
                                }
                                if button.clicked() {
                                    answer = Some(Answer::Template(index));
                                }
                                ui.add(egui::Label::new(&program.description).wrap());
                            });
                        }
                    }
                    if templates::template_count() == 0 {
                        ui.label(RichText::new("No templates in this build.").weak());
                    }
                });
                if ui.button("Cancel").clicked() {
                    answer = Some(Answer::Cancel);
                }
            }
        }
    });
    if focused.get() {
        ctx.data_mut(|data| data.insert_temp(focus_id, true));
    }
    let is_recovery = matches!(prompt, Prompt::Recovery(_));
    if answer.is_none() && !is_recovery && modal.should_close() {
        answer = Some(Answer::Cancel);
    }
    if answer.is_some() {
        // The next prompt gives its first answer the keyboard again.
        ctx.data_mut(|data| data.remove::<bool>(focus_id));
    }
    answer
}
