//! The menu bar and the status bar. Menus only return commands; the app carries them out.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::commands::{Command, CommandKind};

/// What the menus need to know to enable their items.
#[allow(clippy::struct_excessive_bools, reason = "one flag per menu item that can be greyed out")]
pub struct MenuContext<'a> {
    pub can_undo: bool,
    pub can_redo: bool,
    /// A prescription card is selected.
    pub has_selection: bool,
    /// A library entry is selected.
    pub has_library_selection: bool,
    pub recent_files: &'a [PathBuf],
}

/// A menu item for a command, with its shortcut as this system names it; a click sends it and closes the menu.
fn command_button(ui: &mut Ui, commands: &mut Vec<Command>, kind: CommandKind, enabled: bool) {
    let (text, tooltip) = kind.text_and_tooltip();
    let shortcut = kind.shortcut_text(ui.ctx().os());
    let mut button = egui::Button::new(text);
    // Only a real shortcut: an empty one would leave a stray space in the name a screen reader reads.
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    if ui.add_enabled(enabled, button).on_hover_text(tooltip).clicked() {
        commands.push(kind.into());
        ui.close();
    }
}

pub fn menu_bar(ui: &mut Ui, context: &MenuContext<'_>) -> Vec<Command> {
    let MenuContext { can_undo, can_redo, has_selection, has_library_selection, recent_files } = *context;
    let mut commands = Vec::new();
    let commands = &mut commands;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            command_button(ui, commands, CommandKind::New, true);
            command_button(ui, commands, CommandKind::NewFromTemplate, true);
            command_button(ui, commands, CommandKind::Open, true);
            ui.menu_button("Open recent", |ui| {
                if recent_files.is_empty() {
                    ui.label(RichText::new("No recent files").weak());
                }
                for path in recent_files {
                    let name = path
                        .file_name()
                        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                    if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                        commands.push(Command::OpenRecent(path.clone()));
                        ui.close();
                    }
                }
            });
            ui.separator();
            command_button(ui, commands, CommandKind::Save, true);
            command_button(ui, commands, CommandKind::SaveAs, true);
            ui.separator();
            // Everything the patient takes home, for the stages the handout preview shows.
            ui.menu_button("Export", |ui| {
                command_button(ui, commands, CommandKind::ExportPdf, true);
                command_button(ui, commands, CommandKind::ExportWebPage, true);
                command_button(ui, commands, CommandKind::ExportCalendar, true);
            });
            command_button(ui, commands, CommandKind::Print, true);
            ui.separator();
            command_button(ui, commands, CommandKind::Settings, true);
            command_button(ui, commands, CommandKind::Quit, true);
        });
        ui.menu_button("Edit", |ui| {
            command_button(ui, commands, CommandKind::Undo, can_undo);
            command_button(ui, commands, CommandKind::Redo, can_redo);
            ui.separator();
            command_button(ui, commands, CommandKind::AddSelectedExercise, true);
            command_button(ui, commands, CommandKind::AddPhase, true);
            command_button(ui, commands, CommandKind::AddGoal, true);
            command_button(ui, commands, CommandKind::MoveSelectedUp, has_selection);
            command_button(ui, commands, CommandKind::MoveSelectedDown, has_selection);
            command_button(ui, commands, CommandKind::DuplicateSelected, has_selection);
            command_button(ui, commands, CommandKind::RemoveSelected, has_selection);
            ui.separator();
            command_button(ui, commands, CommandKind::Find, true);
            command_button(ui, commands, CommandKind::NewCustomExercise, true);
            command_button(ui, commands, CommandKind::CopyAsCustomExercise, has_library_selection);
            command_button(ui, commands, CommandKind::CommandPalette, true);
        });
        ui.menu_button("View", |ui| {
            command_button(ui, commands, CommandKind::ShowDetails, true);
            command_button(ui, commands, CommandKind::ShowPreview, true);
            ui.separator();
            command_button(ui, commands, CommandKind::ZoomIn, true);
            command_button(ui, commands, CommandKind::ZoomOut, true);
            command_button(ui, commands, CommandKind::ZoomReset, true);
        });
    });
    std::mem::take(commands)
}

/// What the status bar shows.
pub struct StatusContext {
    pub errors: usize,
    pub exercises: usize,
    pub phases: usize,
    pub dirty: bool,
}

pub fn status_bar(ui: &mut Ui, context: &StatusContext) -> Vec<Command> {
    let StatusContext { errors, exercises, phases, dirty } = *context;
    let os = ui.ctx().os();
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        if errors > 0 {
            let text = if errors == 1 { "1 thing to check".to_owned() } else { format!("{errors} things to check") };
            let button = egui::Button::new(RichText::new(text).color(ui.visuals().error_fg_color)).frame(false);
            let next = CommandKind::ShowNextProblem;
            if ui.add(button).on_hover_text(next.tooltip_with_shortcut(os)).clicked() {
                commands.push(next.into());
            }
        } else {
            ui.label(RichText::new("The program is ready to print").weak());
        }
        ui.separator();
        ui.label(RichText::new(format!("{exercises} exercise(s) in {phases} phase(s)")).weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(if dirty { "Unsaved changes" } else { "Saved" }).weak());
            let palette = CommandKind::CommandPalette.shortcut_text(os);
            ui.label(RichText::new(format!("{palette}: all commands")).weak());
        });
    });
    commands
}
