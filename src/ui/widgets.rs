//! Small widgets the panels share: labelled fields (every input has an accessible name), the exercise picture
//! with its alt text, and the mark on a field that validation found wrong.

use egui::{Response, RichText, Ui};

use crate::model::Problem;

/// Red that reads on both the light and the dark theme.
pub fn error_color(ui: &Ui) -> egui::Color32 {
    ui.visuals().error_fg_color
}

/// A text field in a grid row: the label in the first column.
pub fn grid_text_field(ui: &mut Ui, label: &str, text: &mut String, hint: &str) -> Response {
    let label = ui.label(label);
    let response =
        ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(f32::INFINITY)).labelled_by(label.id);
    ui.end_row();
    response
}

/// A multi-line text field in a grid row.
pub fn grid_text_area(ui: &mut Ui, label: &str, text: &mut String, hint: &str) -> Response {
    let label = ui.label(label);
    let response = ui
        .add(egui::TextEdit::multiline(text).hint_text(hint).desired_rows(2).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.end_row();
    response
}

/// Marks a field validation found wrong: a red outline, and the reason on hover. The value is left as typed.
pub fn mark_problem(ui: &Ui, response: Response, problem: Option<&Problem>) -> Response {
    match problem {
        Some(problem) => {
            outline_error(ui, &response);
            response.on_hover_text(RichText::new(&problem.message).color(error_color(ui)))
        }
        None => response,
    }
}

/// The red outline around a field whose value is wrong (the message is said next to it or on hover).
pub fn outline_error(ui: &Ui, response: &Response) {
    ui.painter().rect_stroke(
        response.rect.expand(1.0),
        2.0,
        egui::Stroke::new(1.5, error_color(ui)),
        egui::StrokeKind::Outside,
    );
}

/// The exercise's drawing at `size`, or the neutral placeholder when there is none; always with alt text.
pub fn illustration(ui: &mut Ui, illustration_id: &str, alt_text: &str, size: egui::Vec2) -> Response {
    let (uri, bytes) = match crate::assets::illustration(illustration_id) {
        Some(bytes) => (format!("bytes://illustration/{illustration_id}.svg"), bytes),
        None => ("bytes://illustration/placeholder.svg".to_owned(), crate::assets::placeholder_illustration()),
    };
    ui.add(
        egui::Image::from_bytes(uri, bytes)
            .alt_text(alt_text)
            .fit_to_exact_size(size)
            .maintain_aspect_ratio(true)
            .show_loading_spinner(false),
    )
}

/// A section heading in the program editor.
pub fn section_heading(ui: &mut Ui, text: &str) -> Response {
    ui.add_space(6.0);
    ui.label(RichText::new(text).strong().size(16.0))
}

/// "Discard your changes?" before a window with typed text closes: Escape, the window's ✕ and Cancel all ask
/// first when something would be lost, and close at once when nothing would.
#[derive(Default)]
pub struct DiscardQuestion {
    asking: bool,
}

impl DiscardQuestion {
    /// The therapist asked to close: returns true when the window may close now (nothing to lose).
    pub fn close_requested(&mut self, has_changes: bool) -> bool {
        if has_changes {
            self.asking = true;
            false
        } else {
            true
        }
    }

    #[must_use]
    pub fn is_asking(&self) -> bool {
        self.asking
    }

    /// Escape while asking: keep editing.
    pub fn keep_editing(&mut self) {
        self.asking = false;
    }

    /// Draws the question while it is asked; returns true when the therapist chose to discard.
    pub fn ui(&mut self, ui: &mut Ui) -> bool {
        if !self.asking {
            return false;
        }
        let mut discard = false;
        egui::Frame::new()
            .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
            .inner_margin(8.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.label(RichText::new("Discard your changes?").strong());
                ui.label("What you typed here is not saved yet.");
                ui.horizontal(|ui| {
                    let keep = ui.button("Keep editing");
                    if keep.clicked() {
                        self.asking = false;
                    }
                    if ui.button("Discard changes").clicked() {
                        discard = true;
                    }
                });
            });
        discard
    }
}

/// Whether Escape was pressed this frame (and not taken by a popup or menu first).
pub fn escape_pressed(ctx: &egui::Context) -> bool {
    ctx.input(|input| input.key_pressed(egui::Key::Escape))
}
