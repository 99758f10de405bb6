//! The command palette (Ctrl+K): every command with its shortcut, filtered as you type, run with Enter or a click.

use egui::{RichText, Ui};

use super::commands::Command;

#[derive(Default)]
pub struct Palette {
    open: bool,
    query: String,
    selected: usize,
    focus: bool,
}

impl Palette {
    pub fn open(&mut self) {
        self.open = true;
        self.query.clear();
        self.selected = 0;
        self.focus = true;
    }

    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The commands whose name contains every typed word.
    fn matches(&self) -> Vec<Command> {
        let words: Vec<String> = self.query.split_whitespace().map(str::to_lowercase).collect();
        Command::PALETTE
            .into_iter()
            .filter(|command| *command != Command::CommandPalette)
            .filter(|command| {
                let (text, tooltip) = command.text_and_tooltip();
                let haystack = format!("{text} {tooltip}").to_lowercase();
                words.iter().all(|word| haystack.contains(word))
            })
            .collect()
    }

    /// Draws the palette if open; returns the command chosen.
    pub fn show(&mut self, ctx: &egui::Context, is_mac: bool) -> Option<Command> {
        if !self.open {
            return None;
        }
        let mut chosen = None;
        let matches = self.matches();
        let (up, down, enter, escape) = ctx.input_mut(|input| {
            (
                input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                input.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
                input.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
            )
        });
        if down {
            self.selected = (self.selected + 1).min(matches.len().saturating_sub(1));
        }
        if up {
            self.selected = self.selected.saturating_sub(1);
        }
        if enter {
            chosen = matches.get(self.selected).cloned();
        }
        let modal = egui::Modal::new(egui::Id::unique("command palette")).show(ctx, |ui: &mut Ui| {
            ui.set_width(460.0);
            let label = ui.label(RichText::new("Command palette").strong());
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("Type to filter commands")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if self.focus {
                search.request_focus();
                self.focus = false;
            }
            if search.changed() {
                self.selected = 0;
            }
            ui.separator();
            if matches.is_empty() {
                ui.label(RichText::new("No command matches. Ctrl+F searches the exercise library.").weak());
            }
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for (index, command) in matches.iter().enumerate() {
                    let (text, tooltip) = command.text_and_tooltip();
                    let shortcut = command.shortcut_text(is_mac);
                    let button = egui::Button::selectable(index == self.selected, text).shortcut_text(shortcut);
                    let response = ui.add_sized([ui.available_width(), 22.0], button).on_hover_text(tooltip);
                    if index == self.selected && (up || down) {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        chosen = Some(command.clone());
                    }
                }
            });
        });
        if chosen.is_some() || escape || modal.backdrop_response.clicked() {
            self.open = false;
        }
        chosen
    }
}
