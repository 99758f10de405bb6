//! The library panel: search as you type (Ctrl+F or `/`), filters for region, kind and equipment, and the results
//! with a small picture, name and kind. Click to see the details, double-click or Enter to add to the chosen
//! phase, or drag a result onto a phase.

use egui::{RichText, Ui};

use super::commands::{Command, CommandKind};
use super::drag::Dragged;
use super::selection::Selection;
use super::widgets;
use crate::library::{Library, SearchQuery, Source};
use crate::model::{BodyRegion, ExerciseKind};

#[derive(Default)]
pub struct LibraryPanel {
    pub query: SearchQuery,
    /// Set by the Find command: the search box takes the keyboard on the next frame.
    pub focus_search: bool,
    /// Results for `cached_query`: indices into the library's entries, best first.
    results: Vec<usize>,
    cached_query: Option<SearchQuery>,
    equipment: Option<Vec<String>>,
}

impl LibraryPanel {
    /// The library changed: search again.
    pub fn invalidate(&mut self) {
        self.cached_query = None;
        self.equipment = None;
    }

    /// Ids of the current results, best first (tests read them).
    #[must_use]
    pub fn result_ids<'a>(&'a self, library: &'a Library) -> Vec<&'a str> {
        self.results.iter().filter_map(|&i| library.entries().get(i)).map(|e| e.exercise.id.as_str()).collect()
    }

    fn refresh(&mut self, library: &Library) {
        if self.cached_query.as_ref() != Some(&self.query) {
            self.results = library.search(&self.query);
            self.cached_query = Some(self.query.clone());
        }
    }
}

/// What the library panel reads and changes besides its own state.
pub struct LibraryContext<'a> {
    pub library: &'a Library,
    pub selection: &'a mut Selection,
}

/// Draws the panel; returns the commands it sends (add, new custom exercise).
pub fn ui(ui: &mut Ui, panel: &mut LibraryPanel, context: &mut LibraryContext<'_>) -> Vec<Command> {
    let LibraryContext { library, selection } = context;
    let library: &Library = library;
    let mut commands = Vec::new();
    let os = ui.ctx().os();
    ui.add_space(4.0);
    ui.heading("Exercise library");

    let search_label = ui.label("Search exercises");
    let search = ui
        .add(
            egui::TextEdit::singleline(&mut panel.query.text)
                .hint_text(format!("Name, body part, equipment…  ({})", CommandKind::Find.shortcut_text(os)))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(search_label.id);
    if panel.focus_search {
        search.request_focus();
        panel.focus_search = false;
    }

    ui.horizontal_wrapped(|ui| {
        let region_text = panel.query.region.map_or("Any region", BodyRegion::label);
        egui::ComboBox::new("region filter", "Region").selected_text(region_text).show_ui(ui, |ui| {
            ui.selectable_value(&mut panel.query.region, None, "Any region");
            for region in BodyRegion::ALL {
                ui.selectable_value(&mut panel.query.region, Some(region), region.label());
            }
        });
        let kind_text = panel.query.kind.map_or("Any kind", ExerciseKind::label);
        egui::ComboBox::new("kind filter", "Kind").selected_text(kind_text).show_ui(ui, |ui| {
            ui.selectable_value(&mut panel.query.kind, None, "Any kind");
            for kind in ExerciseKind::ALL {
                ui.selectable_value(&mut panel.query.kind, Some(kind), kind.label());
            }
        });
        let equipment = panel.equipment.get_or_insert_with(|| library.equipment());
        let equipment_text = panel.query.equipment.clone().unwrap_or_else(|| "Any equipment".to_owned());
        egui::ComboBox::new("equipment filter", "Equipment").selected_text(equipment_text).show_ui(ui, |ui| {
            ui.selectable_value(&mut panel.query.equipment, None, "Any equipment");
            for item in equipment.iter() {
                ui.selectable_value(&mut panel.query.equipment, Some(item.clone()), item.as_str());
            }
        });
    });
    panel.refresh(library);

    // Up and Down move through the results while typing; Enter adds the selected one.
    let mut selected_index = selection
        .exercise
        .as_deref()
        .and_then(|id| panel.results.iter().position(|&i| library.entries()[i].exercise.id == id));
    if search.has_focus() || search.lost_focus() {
        let (up, down, enter) = ui.input_mut(|input| {
            (
                input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                input.key_pressed(egui::Key::Enter),
            )
        });
        if down && !panel.results.is_empty() {
            selected_index = Some(selected_index.map_or(0, |i| (i + 1).min(panel.results.len() - 1)));
        }
        if up {
            selected_index = Some(selected_index.map_or(0, |i| i.saturating_sub(1)));
        }
        if up || down {
            selection.exercise = selected_index.map(|i| library.entries()[panel.results[i]].exercise.id.clone());
            selection.details_of_prescription = false;
            search.request_focus();
        }
        if enter && search.lost_focus() {
            if selected_index.is_none()
                && let Some(&first) = panel.results.first()
            {
                selection.exercise = Some(library.entries()[first].exercise.id.clone());
            }
            if selection.exercise.is_some() {
                commands.push(CommandKind::AddSelectedExercise.into());
            }
            search.request_focus();
        }
    }

    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{} of {} exercises", panel.results.len(), library.len())).weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("New…").on_hover_text("Write an exercise of your own into your library").clicked() {
                commands.push(CommandKind::NewCustomExercise.into());
            }
        });
    });
    ui.separator();

    let row_height = 48.0;
    let results = &panel.results;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, row_height, results.len(), |ui, range| {
        for &index in &results[range] {
            let Some(entry) = library.entries().get(index) else { continue };
            let exercise = &entry.exercise;
            let is_selected = selection.exercise.as_deref() == Some(exercise.id.as_str());
            // The row senses drags behind its contents, so a click still reaches the name button on top.
            let row = ui.scope_builder(egui::UiBuilder::new().sense(egui::Sense::drag()), |ui| {
                ui.set_min_height(row_height - 4.0);
                ui.horizontal(|ui| {
                    widgets::illustration(ui, &exercise.illustration, &exercise.name, egui::vec2(44.0, 33.0));
                    ui.vertical(|ui| {
                        let button = ui.add(
                            egui::Button::selectable(is_selected, exercise.name.as_str())
                                .wrap_mode(egui::TextWrapMode::Truncate),
                        );
                        let mut kind = exercise.kind.label().to_owned();
                        if entry.source != Source::BuiltIn {
                            kind.push_str(" · ");
                            kind.push_str(entry.source.label());
                        }
                        ui.label(RichText::new(kind).weak().small());
                        button
                    })
                    .inner
                })
                .inner
            });
            if row.response.drag_started() {
                row.response.dnd_set_drag_payload(Dragged::Exercise(exercise.id.clone()));
            }
            if row.response.dragged() {
                drag_ghost(ui, &exercise.name);
            }
            let button = row.inner;
            if button.clicked() {
                selection.exercise = Some(exercise.id.clone());
                selection.details_of_prescription = false;
            }
            // Enter on a row the keyboard reached adds it, like Enter in the search box; Space only selects.
            let enter = button.clicked() && ui.input(|input| input.key_pressed(egui::Key::Enter));
            if button.double_clicked() || enter {
                selection.exercise = Some(exercise.id.clone());
                commands.push(CommandKind::AddSelectedExercise.into());
            }
            if is_selected && (button.gained_focus() || panel.cached_query.is_none()) {
                button.scroll_to_me(None);
            }
            button.on_hover_text("Double-click or press Enter to add to the chosen phase; drag onto a phase");
        }
        if results.is_empty() {
            ui.label(RichText::new("No exercise matches. Try fewer words or clear a filter.").weak());
        }
    });
    commands
}

/// The exercise's name beside the pointer while it is dragged: what will be dropped.
fn drag_ghost(ui: &Ui, name: &str) {
    let Some(pointer) = ui.ctx().pointer_interact_pos() else { return };
    let ghost = ui.ctx().layer_painter(egui::LayerId::new(egui::Order::Tooltip, egui::Id::unique("drag ghost")));
    let galley =
        ghost.layout_no_wrap(name.to_owned(), egui::FontId::proportional(14.0), ui.visuals().strong_text_color());
    let rect = egui::Rect::from_min_size(pointer + egui::vec2(14.0, 6.0), galley.size()).expand(6.0);
    ghost.rect_filled(rect, 4.0, ui.visuals().window_fill);
    ghost.rect_stroke(rect, 4.0, ui.visuals().window_stroke, egui::StrokeKind::Inside);
    ghost.galley(rect.min + egui::vec2(6.0, 6.0), galley, ui.visuals().strong_text_color());
}
