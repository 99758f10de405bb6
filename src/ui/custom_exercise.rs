//! The custom-exercise form: every field of a library exercise, blank or copied from a built-in one, checked by
//! the same validation as the built-in library and saved to the therapist's own library file. Escape closes
//! it, asking first when something typed would be lost.

use egui::{RichText, Ui};

use super::widgets::{self, DiscardQuestion};
use crate::model::{
    BodyRegion, Bounds, Dose, DoseRange, Exercise, ExerciseKind, FieldPath, Problem, validate_exercise,
};

/// The form's text, kept as typed: lists are one item a line.
pub struct CustomExerciseForm {
    pub name: String,
    pub id: String,
    /// Whether the id follows the name (until the therapist edits the id).
    id_follows_name: bool,
    pub other_names: String,
    pub region: BodyRegion,
    pub kind: ExerciseKind,
    pub equipment: String,
    pub goal: String,
    pub steps: String,
    pub cues: String,
    pub common_mistakes: String,
    pub cautions: String,
    pub dose: Dose,
    pub range: DoseRange,
    pub references: String,
    pub illustration: String,
    pub tags: String,
    /// Problems found when Save was pressed; the form stays open until there are none.
    problems: Vec<Problem>,
    save_error: Option<String>,
    /// The exercise as the form opened: anything else is typing that closing would lose.
    initial: Option<Exercise>,
    discard: DiscardQuestion,
}

pub enum FormAction {
    None,
    Save(Box<Exercise>),
    Cancel,
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
}

fn commas(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|item| !item.is_empty()).map(str::to_owned).collect()
}

/// "Wall calf stretch (bent knee)" -> "wall-calf-stretch-bent-knee".
#[must_use]
pub fn id_from_name(name: &str) -> String {
    let folded = crate::library::fold(name);
    let mut id = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

impl CustomExerciseForm {
    /// A blank form, or one copied from `base` (with a new id, so the built-in entry stays as it is).
    #[must_use]
    pub fn new(base: Option<&Exercise>) -> Self {
        let mut form = Self::fields(base);
        form.initial = Some(form.to_exercise());
        form
    }

    /// Whether closing now would lose something typed.
    #[must_use]
    pub fn has_changes(&self) -> bool {
        self.initial.as_ref() != Some(&self.to_exercise())
    }

    fn fields(base: Option<&Exercise>) -> Self {
        match base {
            Some(exercise) => Self {
                name: format!("{} (my version)", exercise.name),
                id: format!("my-{}", exercise.id),
                id_follows_name: false,
                other_names: exercise.other_names.join(", "),
                region: exercise.region,
                kind: exercise.kind,
                equipment: exercise.equipment.join(", "),
                goal: exercise.goal.clone(),
                steps: exercise.steps.join("\n"),
                cues: exercise.cues.join("\n"),
                common_mistakes: exercise.common_mistakes.join("\n"),
                cautions: exercise.cautions.join("\n"),
                dose: exercise.default_dose.clone(),
                range: exercise.safe_range.clone(),
                references: exercise.references.join("\n"),
                illustration: exercise.illustration.clone(),
                tags: exercise.tags.join(", "),
                problems: Vec::new(),
                save_error: None,
                initial: None,
                discard: DiscardQuestion::default(),
            },
            None => Self {
                name: String::new(),
                id: String::new(),
                id_follows_name: true,
                other_names: String::new(),
                region: BodyRegion::Calf,
                kind: ExerciseKind::Strength,
                equipment: String::new(),
                goal: String::new(),
                steps: String::new(),
                cues: String::new(),
                common_mistakes: String::new(),
                cautions: String::new(),
                dose: Dose::default(),
                range: DoseRange {
                    sets: Some(Bounds::new(1, 5)),
                    reps: Some(Bounds::new(1, 30)),
                    sources: vec!["own-practice".to_owned()],
                    ..DoseRange::default()
                },
                references: "own-practice".to_owned(),
                illustration: "placeholder".to_owned(),
                tags: String::new(),
                problems: Vec::new(),
                save_error: None,
                initial: None,
                discard: DiscardQuestion::default(),
            },
        }
    }

    /// The exercise the form describes.
    #[must_use]
    pub fn to_exercise(&self) -> Exercise {
        Exercise {
            id: self.id.trim().to_owned(),
            name: self.name.trim().to_owned(),
            other_names: commas(&self.other_names),
            region: self.region,
            kind: self.kind,
            equipment: commas(&self.equipment),
            goal: self.goal.trim().to_owned(),
            steps: lines(&self.steps),
            // The form offers no short steps yet (issue 12): the compact handout shortens the steps.
            short_steps: Vec::new(),
            cues: lines(&self.cues),
            common_mistakes: lines(&self.common_mistakes),
            cautions: lines(&self.cautions),
            default_dose: self.dose.clone(),
            safe_range: DoseRange { sources: lines(&self.references), ..self.range.clone() },
            progressions: Vec::new(),
            regressions: Vec::new(),
            references: lines(&self.references),
            illustration: self.illustration.trim().to_owned(),
            tags: commas(&self.tags),
            therapist_note: String::new(),
        }
    }

    /// Tells the form why saving failed (a file error).
    pub fn set_save_error(&mut self, message: String) {
        self.save_error = Some(message);
    }

    pub fn show(&mut self, ctx: &egui::Context) -> FormAction {
        let mut action = FormAction::None;
        let mut open = true;
        let escape = widgets::escape_pressed(ctx);
        let mut close = escape;
        egui::Window::new("New custom exercise")
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .default_height(600.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .vscroll(true)
            .show(ctx, |ui: &mut Ui| {
                egui::Grid::new("custom exercise grid").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
                    let before = self.name.clone();
                    widgets::grid_text_field(ui, "Name", &mut self.name, "e.g. Seated calf raise with towel");
                    if self.id_follows_name && before != self.name {
                        self.id = id_from_name(&self.name);
                    }
                    if widgets::grid_text_field(ui, "Id", &mut self.id, "lower-case-with-hyphens").changed() {
                        self.id_follows_name = false;
                    }
                    widgets::grid_text_field(ui, "Other names", &mut self.other_names, "comma separated");
                    let label = ui.label("Region");
                    egui::ComboBox::from_id_salt("custom region")
                        .selected_text(self.region.label())
                        .show_ui(ui, |ui| {
                            for region in BodyRegion::ALL {
                                ui.selectable_value(&mut self.region, region, region.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Kind");
                    egui::ComboBox::from_id_salt("custom kind")
                        .selected_text(self.kind.label())
                        .show_ui(ui, |ui| {
                            for kind in ExerciseKind::ALL {
                                ui.selectable_value(&mut self.kind, kind, kind.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    widgets::grid_text_field(ui, "Equipment", &mut self.equipment, "comma separated, e.g. step, chair");
                    widgets::grid_text_area(ui, "Goal", &mut self.goal, "What it is for, in the patient's words");
                    widgets::grid_text_area(ui, "Steps", &mut self.steps, "One step a line");
                    widgets::grid_text_area(ui, "Tips", &mut self.cues, "One tip a line");
                    widgets::grid_text_area(ui, "Common mistakes", &mut self.common_mistakes, "One a line");
                    widgets::grid_text_area(ui, "Cautions", &mut self.cautions, "When to stop; one a line");
                    ui.label("Default dose");
                    ui.horizontal_wrapped(|ui| {
                        let label = ui.label("Sets");
                        ui.add(egui::DragValue::new(&mut self.dose.sets).range(0..=20)).labelled_by(label.id);
                        let mut reps = self.dose.reps.unwrap_or(0);
                        let label = ui.label("Reps (0: none)");
                        if ui.add(egui::DragValue::new(&mut reps).range(0..=200)).labelled_by(label.id).changed() {
                            self.dose.reps = (reps > 0).then_some(reps);
                        }
                        let mut hold = self.dose.hold_seconds.unwrap_or(0);
                        let label = ui.label("Hold s (0: none)");
                        if ui.add(egui::DragValue::new(&mut hold).range(0..=600)).labelled_by(label.id).changed() {
                            self.dose.hold_seconds = (hold > 0).then_some(hold);
                        }
                    });
                    ui.end_row();
                    ui.label("Safe range");
                    ui.horizontal_wrapped(|ui| {
                        range_field(ui, "Sets", &mut self.range.sets, 20);
                        range_field(ui, "Reps", &mut self.range.reps, 200);
                        range_field(ui, "Hold s", &mut self.range.hold_seconds, 600);
                    });
                    ui.end_row();
                    widgets::grid_text_area(ui, "Sources", &mut self.references, "Reference keys, one a line");
                    widgets::grid_text_field(ui, "Picture id", &mut self.illustration, "placeholder");
                    widgets::grid_text_field(ui, "Tags", &mut self.tags, "comma separated");
                });
                for problem in &self.problems {
                    ui.label(RichText::new(problem.to_string()).color(widgets::error_color(ui)));
                }
                if let Some(error) = &self.save_error {
                    ui.label(RichText::new(error).color(widgets::error_color(ui)));
                }
                ui.separator();
                if self.discard.ui(ui) {
                    action = FormAction::Cancel;
                }
                ui.horizontal(|ui| {
                    if ui.button("Save to my library").clicked() {
                        let exercise = self.to_exercise();
                        self.problems = validate_exercise(&exercise, &FieldPath::default());
                        if self.problems.is_empty() {
                            action = FormAction::Save(Box::new(exercise));
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        if !open {
            close = true;
        }
        if close && matches!(action, FormAction::None) {
            if self.discard.is_asking() {
                if escape {
                    self.discard.keep_editing();
                }
            } else if self.discard.close_requested(self.has_changes()) {
                action = FormAction::Cancel;
            }
        }
        action
    }
}

/// "Sets from [1] to [5]", or a checkbox to set no bound.
fn range_field(ui: &mut Ui, label: &str, bounds: &mut Option<Bounds<u32>>, max: u32) {
    let mut on = bounds.is_some();
    let check = ui.checkbox(&mut on, label);
    if check.changed() {
        *bounds = on.then_some(Bounds::new(1, max.min(10)));
    }
    if let Some(bounds) = bounds {
        ui.add(egui::DragValue::new(&mut bounds.min).range(0..=max)).labelled_by(check.id);
        ui.label("to");
        ui.add(egui::DragValue::new(&mut bounds.max).range(0..=max)).labelled_by(check.id);
    }
}
