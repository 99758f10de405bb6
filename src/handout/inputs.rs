//! Program -> the template's `sys.inputs`: typed Typst values (strings, numbers, arrays, dictionaries), never
//! markup, plus the pictures as virtual files and the warnings found on the way.
//!
//! The fields, as `assets/handout/handout.typ` reads them:
//! - `paper` ("a4" | "us-letter"), `large` (bool), `title`, `document_title`, `therapist`, `start`, `notes`,
//!   `printed_on`, `goals` (array of str);
//! - `clinic`: `name`, `address`, `phone`, `email`, `called` ("Riverside Physio" or "your clinic"), `logo`
//!   (virtual path or none);
//! - `patient`: `name`, `reference`, `condition`, `side` ("Right", or "" when not one side);
//! - `phases`: array of `number`, `name`, `goal`, `when` ("Weeks 1–2"), `length` ("2 weeks"), `criteria`
//!   (array of str), `exercises`: array of `number`, `name`, `goal`, `steps`, `cues`, `mistakes`, `cautions`
//!   (arrays of str; `cautions` without those the safety page already says, and then `general_left_out` is
//!   true), `dose`, `dose_note`, `progression` (str or none), `image` (virtual path), `image_alt`,
//!   `image_missing` (bool), `repeat_of` (an earlier exercise's number, or none);
//! - `plan`: one entry a stage: `weeks` ("Weeks 1–4"), `dates`, `stage` ("1: Settle"), `note`, `items`: array of
//!   `number`, `name`, `dose` (the words that hold every week, maybe ""), `by_week` (array of `weeks`, `dose`:
//!   what changes, run by run; empty when the dose holds all stage);
//! - `diary`: `days` (7 short weekday names from the start date's weekday), `weeks`: array of `label`,
//!   `dates`, `sessions` (tick boxes a day);
//! - `safety`: the pain rule, red flags and blood-clot signs with the emergency number (see `safety.rs`).

use std::collections::HashMap;

use typst::foundations::{Array, Bytes, Dict, Str, Value};
use typst::visualize::{ExchangeFormat, ImageFormat, RasterFormat, RasterImage, SvgImage, VectorFormat};

use super::plan::{self, MAX_DIARY_WEEKS};
use super::{HandoutOptions, Paper};
use crate::model::{
    Date, Dose, ExerciseKind, Prescription, Program, Progression, Side, amount_in_words, dose_in_words, load_in_words,
    progression_in_words,
};
use crate::schedule::{self, Schedule, ScheduledExercise};

/// What one compile needs besides the template.
pub(crate) struct Prepared {
    pub(crate) inputs: Dict,
    /// Virtual files the inputs point to: (path, bytes).
    pub(crate) files: Vec<(String, Bytes)>,
    pub(crate) warnings: Vec<String>,
}

const PLACEHOLDER_PATH: &str = "illustrations/placeholder.svg";
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

pub(crate) fn prepare(program: &Program, options: &HandoutOptions, printed_on: Date) -> Prepared {
    let mut warnings = Vec::new();
    let mut files = Vec::new();
    let mut pictures = Pictures::default();

    // Number the exercises through the whole handout, so the plan can say "3." and mean one card.
    let mut numbers: Vec<Vec<usize>> = Vec::new();
    let mut next_number = 1;
    for phase in &program.phases {
        numbers.push((next_number..next_number + phase.prescriptions.len()).collect());
        next_number += phase.prescriptions.len();
    }

    let mut seen: Vec<(usize, &Prescription)> = Vec::new();
    let schedule = schedule::build(program);
    let mut phases = Array::new();
    for (phase_index, phase) in program.phases.iter().enumerate() {
        let (when, length) = match schedule.phases.get(phase_index) {
            Some(block) if block.open_ended => (
                plan::weeks_label(block.first_week, block.first_week, true),
                "until you can do what is listed under “Move on”".to_owned(),
            ),
            Some(block) => {
                let last = block.last_week().unwrap_or(block.first_week);
                let mut when = plan::weeks_label(block.first_week, last, false);
                if block.provisional {
                    when.push_str(" at the earliest");
                }
                let length =
                    if block.week_count == 1 { "1 week".to_owned() } else { format!("{} weeks", block.week_count) };
                (when, length)
            }
            None => (String::new(), String::new()),
        };
        let mut criteria: Vec<String> = non_empty_lines(&phase.criteria);
        criteria.extend(phase.measurable_criteria.iter().map(crate::model::MeasurableCriterion::to_text));

        let mut exercises = Array::new();
        for (i, prescription) in phase.prescriptions.iter().enumerate() {
            let number = numbers[phase_index][i];
            let exercise = &prescription.exercise;
            let label = format!("Exercise {number} “{}”", exercise.name.trim());
            let (image, image_missing) = pictures.path_for(&exercise.illustration, &label, &mut files, &mut warnings);
            let repeat_of = seen
                .iter()
                .find(|(_, earlier)| same_exercise(earlier, prescription))
                .map_or(Value::None, |(n, _)| int(*n));
            seen.push((number, prescription));
            let progression = match &prescription.progression {
                Progression::Steady => Value::None,
                rule => string(&format!("How it progresses: {}.", progression_in_words(rule).trim_end_matches('.'))),
            };
            exercises.push(dict([
                ("number", int(number)),
                ("name", string(exercise.name.trim())),
                ("goal", string(exercise.goal.trim())),
                ("steps", strings(&exercise.steps)),
                ("cues", strings(&exercise.cues)),
                ("mistakes", strings(&exercise.common_mistakes)),
                ("cautions", strings(&specific_cautions(&exercise.cautions))),
                ("general_left_out", Value::Bool(exercise.cautions.iter().any(|c| is_general_caution(c)))),
                ("dose", string(&dose_in_words(&prescription.dose, exercise.kind, program.patient.side))),
                ("dose_note", string(prescription.dose.note.trim())),
                ("progression", progression),
                ("image", string(&image)),
                ("image_alt", string(&format!("Drawing: {}", exercise.name.trim()))),
                ("image_missing", Value::Bool(image_missing)),
                ("repeat_of", repeat_of),
            ]));
        }
        phases.push(dict([
            ("number", int(phase_index + 1)),
            ("name", string(phase.name.trim())),
            ("goal", string(phase.goal.trim())),
            ("when", string(&when)),
            ("length", string(&length)),
            ("criteria", Value::Array(criteria.iter().map(|c| string(c)).collect())),
            ("exercises", Value::Array(exercises)),
        ]));
    }

    let cards: HashMap<u64, (usize, &Dose)> = program
        .phases
        .iter()
        .zip(&numbers)
        .flat_map(|(phase, numbers)| {
            phase.prescriptions.iter().zip(numbers.iter().copied()).map(|(p, number)| (p.id, (number, &p.dose)))
        })
        .collect();
    let clinic = &options.clinic;
    let logo = match &clinic.logo {
        Some(bytes) => match logo_file(bytes) {
            Ok((path, bytes)) => {
                files.push((path.clone(), bytes));
                string(&path)
            }
            Err(reason) => {
                warnings.push(format!("The clinic logo was left out: {reason}."));
                Value::None
            }
        },
        None => Value::None,
    };
    let patient_name = program.patient.name.trim();
    let title = program.title.trim();
    let document_title = match (title.is_empty(), patient_name.is_empty()) {
        (false, false) => format!("{title} for {patient_name}"),
        (false, true) => title.to_owned(),
        (true, false) => format!("Home exercise program for {patient_name}"),
        (true, true) => "Home exercise program".to_owned(),
    };
    let clinic_name = clinic.name.trim();
    let emergency_number = super::safety::emergency_number("");

    let inputs = [
        ("paper", string(options.paper.typst_name())),
        ("large", Value::Bool(options.large_print)),
        ("title", string(title)),
        ("document_title", string(&document_title)),
        ("therapist", string(program.therapist.trim())),
        ("start", string(&program.start_date.to_patient_text())),
        ("notes", string(program.notes.trim())),
        ("printed_on", string(&printed_on.to_patient_text())),
        ("goals", strings(&program.goals)),
        (
            "clinic",
            dict([
                ("name", string(clinic_name)),
                ("address", string(clinic.address.trim())),
                ("phone", string(clinic.phone.trim())),
                ("email", string(clinic.email.trim())),
                ("called", string(if clinic_name.is_empty() { "your clinic" } else { clinic_name })),
                ("logo", logo),
            ]),
        ),
        (
            "patient",
            dict([
                ("name", string(patient_name)),
                ("reference", string(program.patient.date_of_birth_or_reference.trim())),
                ("condition", string(program.patient.condition.trim())),
                ("side", string(side_label(program.patient.side))),
            ]),
        ),
        ("phases", Value::Array(phases)),
        ("plan", plan_rows(program, &schedule, &cards)),
        ("diary", diary(program, &schedule, &mut warnings)),
        ("safety", super::safety::inputs(&program.pain_rule, &emergency_number)),
    ]
    .into_iter()
    .map(|(key, value)| (Str::from(key), value))
    .collect();

    Prepared { inputs, files, warnings }
}

/// Serves each illustration id once, and the placeholder in place of any missing or broken drawing.
#[derive(Default)]
struct Pictures {
    paths: HashMap<String, (String, bool)>,
}

impl Pictures {
    /// The virtual path of this drawing and whether it is the placeholder.
    fn path_for(
        &mut self,
        id: &str,
        label: &str,
        files: &mut Vec<(String, Bytes)>,
        warnings: &mut Vec<String>,
    ) -> (String, bool) {
        let id = id.trim();
        if let Some((path, missing)) = self.paths.get(id) {
            if *missing {
                warnings.push(missing_picture_warning(label, id));
            }
            return (path.clone(), *missing);
        }
        let drawing = crate::assets::illustration(id).map(Bytes::new);
        let (path, missing) = match drawing {
            // Checked here rather than left to the compile: one broken drawing must cost a picture, not the
            // whole handout.
            Some(bytes) if SvgImage::new(bytes.clone()).is_ok() => {
                let path = format!("illustrations/{}.svg", self.paths.len());
                files.push((path.clone(), bytes));
                (path, false)
            }
            _ => {
                if !files.iter().any(|(path, _)| path == PLACEHOLDER_PATH) {
                    files.push((PLACEHOLDER_PATH.to_owned(), Bytes::new(crate::assets::placeholder_illustration())));
                }
                warnings.push(missing_picture_warning(label, id));
                (PLACEHOLDER_PATH.to_owned(), true)
            }
        };
        self.paths.insert(id.to_owned(), (path.clone(), missing));
        (path, missing)
    }
}

fn missing_picture_warning(label: &str, id: &str) -> String {
    if id.is_empty() {
        format!("{label} has no illustration: a placeholder picture is printed")
    } else if crate::assets::illustration(id).is_some() {
        format!("{label}: the drawing “{id}” could not be read: a placeholder picture is printed")
    } else {
        format!("{label}: no drawing named “{id}”: a placeholder picture is printed")
    }
}

/// The logo as a virtual file named after its real format, or why it cannot be printed.
fn logo_file(bytes: &[u8]) -> Result<(String, Bytes), String> {
    let data = Bytes::new(bytes.to_vec());
    match ImageFormat::detect(bytes) {
        Some(ImageFormat::Raster(RasterFormat::Exchange(format))) => {
            RasterImage::plain(data.clone(), format).map_err(|e| format!("the picture could not be read ({e})"))?;
            let extension = match format {
                ExchangeFormat::Png => "png",
                ExchangeFormat::Jpg => "jpg",
                ExchangeFormat::Gif => "gif",
                ExchangeFormat::Webp => "webp",
            };
            Ok((format!("logo.{extension}"), data))
        }
        Some(ImageFormat::Vector(VectorFormat::Svg)) => {
            // Typst's load error has no public message; "could not be read" is what the therapist can act on.
            SvgImage::new(data.clone()).map_err(|_| "the SVG picture could not be read".to_owned())?;
            Ok(("logo.svg".to_owned(), data))
        }
        _ => Err("it is not a PNG, JPEG, GIF, WebP or SVG picture".to_owned()),
    }
}

/// Cautions that say no more than the safety page ("Keep yourself safe": the pain traffic light, when to stop and
/// call) does, word for word as the library writes them. A card leaves these out and points to the safety page
/// instead; every other caution, anything about this exercise, is printed. Matched exactly (case, spaces and the
/// final full stop aside), so a therapist's own wording is never dropped.
const GENERAL_CAUTIONS: [&str; 6] = [
    "Stop and call the clinic if the pain is sharp or sudden, worse the next morning, or building from week to week",
    "Stop and call the clinic if the pain is sharp or sudden",
    "Call the clinic if pain is sharp, sudden or lasting, or worse from week to week",
    "Pain should stay at 5 out of 10 or less and settle by the next morning",
    "Numbness, pins and needles or weakness in the leg or foot needs to be assessed",
    "Pain on the shin bone that builds with activity and eases only with rest needs a medical opinion (possible stress fracture)",
];

fn is_general_caution(caution: &str) -> bool {
    let normalise =
        |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches('.').to_lowercase();
    let caution = normalise(caution);
    GENERAL_CAUTIONS.iter().any(|general| normalise(general) == caution)
}

fn specific_cautions(cautions: &[String]) -> Vec<String> {
    cautions.iter().filter(|caution| !is_general_caution(caution)).cloned().collect()
}

/// Same exercise as an earlier card: the copy's text is identical, so the steps need not be printed twice.
fn same_exercise(earlier: &Prescription, later: &Prescription) -> bool {
    let (a, b) = (&earlier.exercise, &later.exercise);
    a.name == b.name
        && a.steps == b.steps
        && a.cues == b.cues
        && a.cautions == b.cautions
        && a.illustration == b.illustration
}

/// The week-by-week plan: one block a stage, each exercise once, with the words its dose has every week and,
/// when it changes, what it is in each run of weeks ("Week 1: 3 sets of 10 • Week 2: 3 sets of 12"). A list of
/// every exercise for every week said the same thing ten times over and took a third of the handout.
fn plan_rows(program: &Program, schedule: &Schedule, cards: &HashMap<u64, (usize, &Dose)>) -> Value {
    let affected = program.patient.side;
    let runs = plan::group_same_weeks(&schedule.weeks);
    let rows = runs
        .chunk_by(|a, b| a.first().map(|w| w.phase_index) == b.first().map(|w| w.phase_index))
        .filter_map(|stage_runs| {
            let first = stage_runs.first()?.first()?;
            let last = stage_runs.last()?.last()?;
            let phase = program.phases.get(first.phase_index)?;
            let note = if last.open_ended {
                "Stay at this stage until you can do what is listed under “Move on”. Your therapist will check."
            } else {
                ""
            };
            // Each exercise in the order it first appears, with its dose in each run of weeks it is in.
            // Weeks in a row with the same words for this exercise are one run ("Weeks 5–6"), even where another
            // exercise changed in between.
            let mut exercises: Vec<(&ScheduledExercise, Vec<(WeekSpan, plan::PlanDose)>)> = Vec::new();
            for run in stage_runs {
                let (Some(week), Some(run_last)) = (run.first(), run.last()) else { continue };
                let span = WeekSpan { first: week.number, last: run_last.number, open_ended: week.open_ended };
                for exercise in &week.exercises {
                    let card_dose = cards.get(&exercise.prescription_id).map(|(_, dose)| *dose);
                    let dose = plan_dose(&exercise.dose, card_dose, exercise.kind, affected);
                    match exercises.iter_mut().find(|(e, _)| e.prescription_id == exercise.prescription_id) {
                        Some((_, doses)) => match doses.last_mut() {
                            Some((before, words)) if words.words == dose.words && before.last + 1 == span.first => {
                                before.last = span.last;
                                before.open_ended = span.open_ended;
                            }
                            _ => doses.push((span, dose)),
                        },
                        None => exercises.push((exercise, vec![(span, dose)])),
                    }
                }
            }
            let items = exercises.into_iter().map(|(exercise, doses)| {
                let in_every_run =
                    matches!(doses.as_slice(), [(span, _)] if span.first == first.number && span.last == last.number);
                let (shared, varying) =
                    plan::split_varying(&doses.iter().map(|(_, dose)| dose.clone()).collect::<Vec<_>>());
                let doses: Vec<(String, plan::PlanDose)> = doses
                    .into_iter()
                    .map(|(span, dose)| (plan::weeks_label(span.first, span.last, span.open_ended), dose))
                    .collect();
                let number = cards.get(&exercise.prescription_id).map_or(0, |(number, _)| *number);
                // An exercise missing from some weeks says which weeks it is in, even when its dose is steady.
                let by_week: Vec<Value> = if varying.is_empty() && in_every_run {
                    Vec::new()
                } else if varying.is_empty() {
                    doses.iter().map(|(weeks, _)| dict([("weeks", string(weeks)), ("dose", string(""))])).collect()
                } else {
                    doses
                        .iter()
                        .zip(&varying)
                        .map(|((weeks, _), dose)| dict([("weeks", string(weeks)), ("dose", string(dose))]))
                        .collect()
                };
                dict([
                    ("number", int(number)),
                    ("name", string(exercise.name.trim())),
                    ("dose", string(&shared)),
                    ("by_week", Value::Array(by_week.into_iter().collect())),
                ])
            });
            Some(dict([
                ("weeks", string(&plan::weeks_label(first.number, last.number, last.open_ended))),
                ("dates", string(&plan::dates_label(first.start, last.end, last.open_ended, first.provisional))),
                ("stage", string(&format!("{}: {}", first.phase_index + 1, phase.name.trim()))),
                ("note", string(note)),
                ("items", Value::Array(items.collect())),
            ]))
        })
        .collect();
    Value::Array(rows)
}

/// Weeks `first` to `last` of the program.
#[derive(Clone, Copy)]
struct WeekSpan {
    first: u32,
    last: u32,
    open_ended: bool,
}

/// A week's dose for the plan, without the speed and the rest between sets where they are what the exercise's
/// card says: the plan repeats every exercise every week, and those words made most lines two lines long. What
/// changes from week to week (sets, repetitions, holds, weight, side, how often) is always printed.
fn plan_dose(dose: &Dose, card: Option<&Dose>, kind: ExerciseKind, affected: Side) -> plan::PlanDose {
    let mut short = dose.clone();
    if let Some(card) = card {
        if short.tempo.trim() == card.tempo.trim() {
            short.tempo.clear();
        }
        if short.rest_seconds == card.rest_seconds {
            short.rest_seconds = None;
        }
    }
    // How `dose_in_words` begins: the amount, with the weight.
    let amount = match (amount_in_words(&short, kind), load_in_words(&short.load)) {
        (Some(amount), Some(load)) => Some(format!("{amount} {load}")),
        (amount, load) => amount.or(load),
    };
    plan::PlanDose::new(dose_in_words(&short, kind, affected), amount.as_deref())
}

fn diary(program: &Program, schedule: &Schedule, warnings: &mut Vec<String>) -> Value {
    let weeks = plan::diary_weeks(schedule);
    if weeks.len() > MAX_DIARY_WEEKS {
        warnings.push(format!(
            "The diary shows the first {MAX_DIARY_WEEKS} of {} weeks: print a new handout for the rest.",
            weeks.len()
        ));
    }
    let first_weekday = usize::from(program.start_date.weekday());
    let days: Array = (0..7).map(|i| string(WEEKDAYS[(first_weekday + i) % 7])).collect();
    let rows: Array = weeks
        .iter()
        .take(MAX_DIARY_WEEKS)
        .map(|week| {
            dict([
                ("label", string(&week.label)),
                ("dates", string(&week.dates)),
                ("sessions", int(week.sessions as usize)),
            ])
        })
        .collect();
    dict([("days", Value::Array(days)), ("weeks", Value::Array(rows))])
}

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Left => "Left",
        Side::Right => "Right",
        Side::EachSide | Side::BothTogether | Side::Affected => "",
    }
}

impl Paper {
    /// The paper's name in Typst's `page(paper: ...)`.
    fn typst_name(self) -> &'static str {
        match self {
            Self::A4 => "a4",
            Self::Letter => "us-letter",
        }
    }
}

// --- Building Typst values --------------------------------------------------------------------------------------

fn string(text: &str) -> Value {
    Value::Str(text.into())
}

fn int(n: usize) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The non-blank strings, trimmed: a stray empty step would print as an empty numbered line.
fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).map(string).collect())
}

fn non_empty_lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
}

fn dict<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Dict(pairs.into_iter().map(|(key, value)| (Str::from(key), value)).collect())
}
