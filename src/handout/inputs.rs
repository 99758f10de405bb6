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
//!   (arrays of str), `dose`, `dose_note`, `progression` (str or none), `image` (virtual path), `image_alt`,
//!   `image_missing` (bool), `repeat_of` (an earlier exercise's number, or none);
//! - `plan`: array of `weeks` ("Weeks 1–2"), `dates`, `stage` ("1: Settle"), `note`, `items`: array of
//!   `number`, `name`, `dose`, `changed` (differs from the week before);
//! - `diary`: `days` (7 short weekday names from the start date's weekday), `weeks`: array of `label`,
//!   `dates`, `sessions` (tick boxes a day).

use std::collections::HashMap;

use typst::foundations::{Array, Bytes, Dict, Str, Value};
use typst::visualize::{ExchangeFormat, ImageFormat, RasterFormat, RasterImage, SvgImage, VectorFormat};

use super::plan::{self, MAX_DIARY_WEEKS};
use super::{HandoutOptions, Paper};
use crate::model::{Date, Prescription, Program, Progression, Side, dose_in_words, progression_in_words};
use crate::schedule::{self, Schedule};

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
                ("cautions", strings(&exercise.cautions)),
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

    let numbers_by_id: HashMap<u64, usize> = program
        .phases
        .iter()
        .zip(&numbers)
        .flat_map(|(phase, numbers)| phase.prescriptions.iter().map(|p| p.id).zip(numbers.iter().copied()))
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
        ("plan", plan_rows(program, &schedule, &numbers_by_id)),
        ("diary", diary(program, &schedule, &mut warnings)),
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

/// Same exercise as an earlier card: the copy's text is identical, so the steps need not be printed twice.
fn same_exercise(earlier: &Prescription, later: &Prescription) -> bool {
    let (a, b) = (&earlier.exercise, &later.exercise);
    a.name == b.name
        && a.steps == b.steps
        && a.cues == b.cues
        && a.cautions == b.cautions
        && a.illustration == b.illustration
}

/// The week-by-week plan: runs of weeks with the same doses as one row each.
fn plan_rows(program: &Program, schedule: &Schedule, numbers: &HashMap<u64, usize>) -> Value {
    let affected = program.patient.side;
    let rows = plan::group_same_weeks(&schedule.weeks)
        .into_iter()
        .filter_map(|run| {
            let (first, last) = (run.first()?, run.last()?);
            let phase = program.phases.get(first.phase_index)?;
            let note = if first.open_ended {
                "Stay at this stage until you can do what is listed under “Move on”. Your therapist will check."
            } else {
                ""
            };
            let items = first.exercises.iter().map(|exercise| {
                let number = numbers.get(&exercise.prescription_id).copied().unwrap_or(0);
                dict([
                    ("number", int(number)),
                    ("name", string(exercise.name.trim())),
                    ("dose", string(&dose_in_words(&exercise.dose, exercise.kind, affected))),
                    ("changed", Value::Bool(exercise.changed)),
                ])
            });
            Some(dict([
                ("weeks", string(&plan::weeks_label(first.number, last.number, first.open_ended))),
                ("dates", string(&plan::dates_label(first.start, last.end, first.open_ended, first.provisional))),
                ("stage", string(&format!("{}: {}", first.phase_index + 1, phase.name.trim()))),
                ("note", string(note)),
                ("items", Value::Array(items.collect())),
            ]))
        })
        .collect();
    Value::Array(rows)
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
