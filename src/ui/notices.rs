//! Messages in a strip above the program until dismissed: errors (with file and line:column) and confirmations.

use egui::{RichText, Ui};

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

impl Notice {
    #[must_use]
    pub fn info(text: impl Into<String>) -> Self {
        Self { text: text.into(), is_error: false }
    }

    #[must_use]
    pub fn error(text: impl Into<String>) -> Self {
        Self { text: text.into(), is_error: true }
    }
}

/// Draws the notices; "Dismiss" removes one.
pub fn ui(ui: &mut Ui, notices: &mut Vec<Notice>) {
    let mut dismissed = None;
    for (index, Notice { text, is_error }) in notices.iter().enumerate() {
        let color = if *is_error { ui.visuals().error_fg_color } else { ui.visuals().hyperlink_color };
        egui::Frame::new().fill(color.gamma_multiply(0.12)).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.button("Dismiss").on_hover_text("Hide this message").clicked() {
                    dismissed = Some(index);
                }
                ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
            });
        });
    }
    if let Some(index) = dismissed {
        notices.remove(index);
    }
}
