//! The "Calendar reminders" window: the times of day the patient's reminders ring (morning, and evening and
//! midday for exercises done more than once a day), then a file dialog. The times are kept for the next export
//! in this window's session. Escape or Cancel closes it: nothing typed here is part of the program.

use egui::{RichText, Ui};

use super::widgets;
use crate::export::ics::{ClockTime, ReminderTimes};

pub struct CalendarWindow {
    morning: String,
    midday: String,
    evening: String,
    /// Which stages the reminders cover, in the handout's words ("Stage 2 of 4: Build strength").
    scope: String,
}

/// What the window asks the app to do.
pub enum CalendarAction {
    None,
    Cancel,
    Export(ReminderTimes),
}

impl CalendarWindow {
    #[must_use]
    pub fn new(times: ReminderTimes, scope: String) -> Self {
        Self {
            morning: times.morning.to_string(),
            midday: times.midday.to_string(),
            evening: times.evening.to_string(),
            scope,
        }
    }

    /// The three times, or the first field's problem in plain words.
    fn times(&self) -> [Result<ClockTime, String>; 3] {
        [&self.morning, &self.midday, &self.evening].map(|text| text.parse::<ClockTime>().map_err(|e| e.to_string()))
    }

    pub fn show(&mut self, ctx: &egui::Context) -> CalendarAction {
        let mut action = CalendarAction::None;
        let mut open = true;
        if widgets::escape_pressed(ctx) {
            return CalendarAction::Cancel;
        }
        egui::Window::new("Calendar reminders")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui: &mut Ui| {
                ui.label(
                    "A calendar file the patient imports on their phone: a reminder on each exercise day, with \
                     that day's exercises and doses. Importing it again replaces the reminders, never doubles them.",
                );
                ui.label(RichText::new(&self.scope).strong());
                ui.add_space(6.0);
                let parsed = self.times();
                egui::Grid::new("reminder times").num_columns(3).spacing([12.0, 6.0]).show(ui, |ui| {
                    let rows = [
                        ("Morning", "Exercises done once a day, and the first time of the others", &mut self.morning),
                        ("Midday", "The second time, for exercises done three times a day", &mut self.midday),
                        ("Evening", "The last time, for exercises done twice or three times a day", &mut self.evening),
                    ];
                    for ((label, hint, text), result) in rows.into_iter().zip(&parsed) {
                        let label = ui.label(label).on_hover_text(hint);
                        ui.add(egui::TextEdit::singleline(text).desired_width(70.0).hint_text("HH:MM"))
                            .labelled_by(label.id)
                            .on_hover_text(hint);
                        match result {
                            Ok(_) => ui.label(""),
                            Err(problem) => ui.colored_label(ui.visuals().error_fg_color, problem),
                        };
                        ui.end_row();
                    }
                });
                ui.add_space(6.0);
                let times = match &parsed {
                    [Ok(morning), Ok(midday), Ok(evening)] => {
                        Some(ReminderTimes { morning: *morning, midday: *midday, evening: *evening })
                    }
                    _ => None,
                };
                ui.horizontal(|ui| {
                    let export = ui.add_enabled(times.is_some(), egui::Button::new("Export…"));
                    if export.clicked()
                        && let Some(times) = times
                    {
                        action = CalendarAction::Export(times);
                    }
                    if ui.button("Cancel").clicked() {
                        action = CalendarAction::Cancel;
                    }
                });
            });
        if !open {
            action = CalendarAction::Cancel;
        }
        action
    }
}
