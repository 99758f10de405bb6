//! The menu bar, the status bar, and everything that floats over the window: the unsaved-changes prompt, the
//! offer to restore a recovery copy, the template chooser, and the palette, settings and custom-exercise windows.
//! Menus only queue commands; the app carries them out.

use egui::{RichText, Ui};

use super::app::{Pending, Prompt, StepwiseApp};
use super::commands::Command;
use super::custom_exercise::FormAction;
use super::file_dialogs::FileKind;
use super::settings_window::SettingsAction;

/// A menu item for a command, with its shortcut; clicking it queues the command and closes the menu.
fn command_button(ui: &mut Ui, commands: &mut Vec<Command>, command: Command, enabled: bool) {
    let (text, tooltip) = command.text_and_tooltip();
    let is_mac = ui.ctx().os() == egui::os::OperatingSystem::Mac;
    let button = egui::Button::new(text).shortcut_text(command.shortcut_text(is_mac));
    if ui.add_enabled(enabled, button).on_hover_text(tooltip).clicked() {
        commands.push(command);
        ui.close();
    }
}

pub fn menu_bar(app: &mut StepwiseApp, ui: &mut Ui) {
    let can_undo = app.document.history.can_undo(&app.document.program);
    let can_redo = app.document.history.can_redo();
    let has_selection = app.selection.prescription.is_some();
    let has_library_selection = app.selection.exercise.is_some();
    let recent = app.settings.recent_files.clone();
    let commands = &mut app.commands;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            command_button(ui, commands, Command::New, true);
            command_button(ui, commands, Command::NewFromTemplate, true);
            command_button(ui, commands, Command::Open, true);
            ui.menu_button("Open recent", |ui| {
                if recent.is_empty() {
                    ui.label(RichText::new("No recent files").weak());
                }
                for path in recent {
                    let name = path
                        .file_name()
                        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                    if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                        commands.push(Command::OpenRecent(path));
                        ui.close();
                    }
                }
            });
            ui.separator();
            command_button(ui, commands, Command::Save, true);
            command_button(ui, commands, Command::SaveAs, true);
            ui.separator();
            command_button(ui, commands, Command::ExportPdf, true);
            command_button(ui, commands, Command::Print, true);
            ui.separator();
            command_button(ui, commands, Command::Settings, true);
            command_button(ui, commands, Command::Quit, true);
        });
        ui.menu_button("Edit", |ui| {
            command_button(ui, commands, Command::Undo, can_undo);
            command_button(ui, commands, Command::Redo, can_redo);
            ui.separator();
            command_button(ui, commands, Command::AddSelectedExercise, true);
            command_button(ui, commands, Command::AddPhase, true);
            command_button(ui, commands, Command::MoveSelectedUp, has_selection);
            command_button(ui, commands, Command::MoveSelectedDown, has_selection);
            command_button(ui, commands, Command::DuplicateSelected, has_selection);
            command_button(ui, commands, Command::RemoveSelected, has_selection);
            ui.separator();
            command_button(ui, commands, Command::Find, true);
            command_button(ui, commands, Command::NewCustomExercise, true);
            command_button(ui, commands, Command::CopyAsCustomExercise, has_library_selection);
            command_button(ui, commands, Command::CommandPalette, true);
        });
        ui.menu_button("View", |ui| {
            command_button(ui, commands, Command::ShowDetails, true);
            command_button(ui, commands, Command::ShowPreview, true);
            ui.separator();
            command_button(ui, commands, Command::ZoomIn, true);
            command_button(ui, commands, Command::ZoomOut, true);
            command_button(ui, commands, Command::ZoomReset, true);
        });
    });
}

pub fn status_bar(app: &mut StepwiseApp, ui: &mut Ui) {
    ui.horizontal(|ui| {
        let errors = app.document.error_count();
        if errors > 0 {
            let text = if errors == 1 { "1 thing to check".to_owned() } else { format!("{errors} things to check") };
            let button = egui::Button::new(RichText::new(text).color(ui.visuals().error_fg_color)).frame(false);
            if ui.add(button).on_hover_text("Go to the next one (F8)").clicked() {
                app.commands.push(Command::ShowNextProblem);
            }
        } else {
            ui.label(RichText::new("The program is ready to print").weak());
        }
        ui.separator();
        let count = app.document.program.prescriptions().count();
        ui.label(
            RichText::new(format!("{count} exercise(s) in {} phase(s)", app.document.program.phases.len())).weak(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let saved = if app.document.dirty { "Unsaved changes" } else { "Saved" };
            ui.label(RichText::new(saved).weak());
            ui.label(RichText::new("Ctrl+K: all commands").weak());
        });
    });
}

/// Windows and prompts, drawn above the panels.
pub fn windows(app: &mut StepwiseApp, ctx: &egui::Context) {
    let is_mac = ctx.os() == egui::os::OperatingSystem::Mac;
    let phase_id = app.target_phase_id();
    if let Some(command) = app.palette.show(ctx, is_mac, &app.library, phase_id) {
        app.commands.push(command);
    }
    settings(app, ctx);
    custom_exercise(app, ctx);
    prompt(app, ctx);
}

fn settings(app: &mut StepwiseApp, ctx: &egui::Context) {
    let Some(window) = &mut app.settings_window else { return };
    match window.show(ctx) {
        SettingsAction::None => {}
        SettingsAction::Cancel => app.settings_window = None,
        SettingsAction::Save(settings) => {
            app.settings_window = None;
            app.apply_settings(settings);
        }
        SettingsAction::ChooseLogo => {
            let start = window.draft.logo.as_deref().and_then(std::path::Path::parent).map(std::path::Path::to_owned);
            if let Some(path) = app.dialogs_mut().pick_file(FileKind::Image, start.as_deref())
                && let Some(window) = &mut app.settings_window
            {
                window.draft.logo = Some(path);
            }
        }
        SettingsAction::ChooseClinicFolder => {
            let start = window.draft.clinic_library.clone();
            if let Some(path) = app.dialogs_mut().pick_folder(start.as_deref())
                && let Some(window) = &mut app.settings_window
            {
                window.draft.clinic_library = Some(path);
            }
        }
    }
}

fn custom_exercise(app: &mut StepwiseApp, ctx: &egui::Context) {
    let Some(form) = &mut app.custom_exercise else { return };
    match form.show(ctx) {
        FormAction::None => {}
        FormAction::Cancel => app.custom_exercise = None,
        FormAction::Save(exercise) => match app.save_custom_exercise(&exercise) {
            Ok(()) => app.custom_exercise = None,
            Err(message) => {
                if let Some(form) = &mut app.custom_exercise {
                    form.set_save_error(message);
                }
            }
        },
    }
}

/// The answer to a prompt.
enum Answer {
    Save,
    Discard,
    Cancel,
    Restore,
    Template(usize),
}

fn prompt(app: &mut StepwiseApp, ctx: &egui::Context) {
    let Some(prompt) = &app.prompt else { return };
    let mut answer = None;
    let name = app.document.display_name();
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
                ui.label(format!("“{name}” has changes that are not saved. Save them {what}?"));
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
                    for index in 0..super::app::template_count() {
                        if let Some(Ok(loaded)) = super::app::template(index) {
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
                    if super::app::template_count() == 0 {
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
    let Some(answer) = answer else { return };
    let Some(prompt) = app.prompt.take() else { return };
    ctx.data_mut(|data| data.remove::<bool>(focus_id));
    match (prompt, answer) {
        (Prompt::UnsavedChanges { then }, Answer::Save) if app.save(false) => app.carry_out(then, ctx),
        (Prompt::UnsavedChanges { then }, Answer::Discard) => app.carry_out(then, ctx),
        (Prompt::Recovery(recovery), Answer::Restore) => app.restore(*recovery),
        (Prompt::Recovery(_), Answer::Discard) => app.discard_recovery(),
        (Prompt::Templates, Answer::Template(index)) => app.commands.push(Command::OpenTemplate(index)),
        _ => {}
    }
}
