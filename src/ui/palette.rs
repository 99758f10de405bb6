//! The command palette (Ctrl+K): every command with its shortcut, filtered as you type, run with Enter or a click.
//! Typing an exercise's name also offers to add it to the chosen phase, so a program can be built from the
//! keyboard alone.

use egui::{RichText, Ui};
use strum::IntoEnumIterator as _;

use super::commands::{Command, CommandKind, Edit};
use crate::library::Library;

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

    /// The commands whose name contains every typed word, then up to five exercises to add.
    fn matches(&self, library: &Library, phase_id: u64) -> Vec<(String, Command)> {
        let mut matches: Vec<(String, Command)> =
            self.command_matches().into_iter().map(|kind| (kind.text().to_owned(), kind.into())).collect();
        if self.query.trim().chars().count() >= 3 {
            let query = crate::library::SearchQuery::text(&self.query);
            for index in library.search(&query).into_iter().take(5) {
                if let Some(entry) = library.entries().get(index) {
                    matches.push((
                        format!("Add exercise: {}", entry.exercise.name),
                        Edit::AddExercise { exercise_id: entry.exercise.id.clone(), phase_id, index: None }.into(),
                    ));
                }
            }
        }
        matches
    }

    /// Every command kind whose words contain every typed word, in the kinds' order.
    fn command_matches(&self) -> Vec<CommandKind> {
        let words: Vec<String> = self.query.split_whitespace().map(str::to_lowercase).collect();
        CommandKind::iter()
            .filter(|kind| {
                let (text, tooltip) = kind.text_and_tooltip();
                let haystack = format!("{text} {tooltip}").to_lowercase();
                words.iter().all(|word| haystack.contains(word))
            })
            .collect()
    }

    /// Draws the palette if open; returns the command chosen. Typed exercise names offer to add to `phase_id`.
    pub fn show(&mut self, ctx: &egui::Context, library: &Library, phase_id: u64) -> Option<Command> {
        if !self.open {
            return None;
        }
        let mut chosen = None;
        let matches = self.matches(library, phase_id);
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
            chosen = matches.get(self.selected).map(|(_, command)| command.clone());
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
                let find = CommandKind::Find.shortcut_text(ctx.os());
                ui.label(
                    RichText::new(format!("Nothing matches: try other words, or {find} to search the library.")).weak(),
                );
            }
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for (index, (text, command)) in matches.iter().enumerate() {
                    let (tooltip, shortcut) = match command {
                        Command::Run(kind) => (kind.text_and_tooltip().1, kind.shortcut_text(ctx.os())),
                        Command::Edit(edit) => (edit.text_and_tooltip().1, String::new()),
                        Command::OpenRecent(_) | Command::OpenTemplate(_) => ("", String::new()),
                    };
                    let button =
                        egui::Button::selectable(index == self.selected, text.as_str()).shortcut_text(shortcut);
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
