//! The timeline: which weeks each phase covers, as a row of blocks (from `schedule`, like the handout); clicking
//! one makes it the phase new exercises go into. The stage the patient is in now is outlined and marked
//! "Patient is here" underneath; right-clicking a block (or "Patient is here" on a phase) moves the mark.

use egui::{RichText, Ui};

use super::commands::{Command, Edit};
use super::selection::Selection;
use super::widgets;
use crate::model::Program;
use crate::schedule::Schedule;

/// The colour of the "Patient is here" mark: a green that reads on the light and the dark theme.
pub fn current_stage_color(ui: &Ui) -> egui::Color32 {
    if ui.visuals().dark_mode {
        egui::Color32::from_rgb(0x6c, 0xd4, 0x8a)
    } else {
        egui::Color32::from_rgb(0x1b, 0x7a, 0x3a)
    }
}

/// Which weeks each phase covers, as a row of blocks (from `schedule`, like the handout); clicking one makes it
/// the phase new exercises go into. The program says which stage the patient is in now.
pub fn ui(ui: &mut Ui, schedule: &Schedule, program: &Program, selection: &mut Selection) -> Vec<Command> {
    let mut commands = Vec::new();
    let current_stage = program.phases.get(program.current_stage_index()).map(|phase| phase.id);
    if schedule.phases.is_empty() {
        return commands;
    }
    widgets::section_heading(ui, "Timeline");
    // One block per phase, wider for more weeks (each wide enough to read): the shape of the program at a glance.
    let total_weeks: u32 = schedule.phases.iter().map(|block| block.week_count.max(1)).sum();
    let width = ui.available_width();
    let count = schedule.phases.len().max(1) as f32;
    let min_width = (width / count).min(130.0);
    let spare = width - min_width * count;
    let (bar, _) = ui.allocate_exact_size(egui::vec2(width, 40.0), egui::Sense::hover());
    let (marks, _) = ui.allocate_exact_size(egui::vec2(width, 18.0), egui::Sense::hover());
    let here = current_stage_color(ui);
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
        let is_current = current_stage == Some(block.phase_id);
        if is_current {
            text.push_str("; the patient is here");
        }
        let selected = selection.target_phase == Some(block.phase_id);
        let response = ui.interact(rect, ui.make_persistent_id(("timeline", block.phase_id)), egui::Sense::click());
        response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &text));
        let visuals = ui.visuals();
        let fill = if selected { visuals.selection.bg_fill } else { visuals.widgets.inactive.bg_fill };
        let stroke = if response.has_focus() || response.hovered() {
            visuals.widgets.hovered.fg_stroke
        } else if is_current {
            egui::Stroke::new(2.5, here)
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
        if is_current {
            // A small arrow up to the block, and the words, under it.
            let tip = egui::pos2(rect.left() + 14.0, marks.top() + 1.0);
            let arrow = vec![tip, tip + egui::vec2(-5.0, 7.0), tip + egui::vec2(5.0, 7.0)];
            ui.painter().add(egui::Shape::convex_polygon(arrow, here, egui::Stroke::NONE));
            let mut words = egui::text::LayoutJob::simple_singleline(
                "Patient is here".to_owned(),
                egui::FontId::proportional(12.0),
                here,
            );
            words.wrap = egui::text::TextWrapping::truncate_at_width((rect.width() - 22.0).max(40.0));
            ui.painter().galley(
                egui::pos2(rect.left() + 22.0, marks.top() + 1.0),
                ui.painter().layout_job(words),
                here,
            );
        }
        let response = response.on_hover_text(format!(
            "{text}. Click: new exercises go into this phase. Right-click: the patient is in this stage now."
        ));
        if response.clicked() {
            selection.target_phase = Some(block.phase_id);
        }
        response.context_menu(|ui| {
            let edit = Edit::SetCurrentStage(block.phase_id);
            let (words, tooltip) = edit.text_and_tooltip();
            if ui.add_enabled(!is_current, egui::Button::new(words)).on_hover_text(tooltip).clicked() {
                commands.push(edit.into());
                ui.close();
            }
        });
    }
    if let Some(end) = schedule.end_date() {
        let earliest = if schedule.phases.iter().any(|block| block.open_ended || block.provisional) {
            " at the earliest (a phase lasts until its criteria are met)"
        } else {
            ""
        };
        ui.label(RichText::new(format!("Ends {}{earliest}", end.to_patient_text())).weak());
    }
    commands
}
