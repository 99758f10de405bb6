//! `HandoutContent` -> the template's `sys.inputs`: typed Typst values (strings, numbers, arrays, dictionaries),
//! never markup, plus the pictures as virtual files and the warnings found on the way.
//!
//! The fields, as `assets/handout/handout.typ` reads them (each is the `content` field of the same name):
//! - `layout` ("detailed" | "compact" | "summary"), `paper` ("a4" | "us-letter"), `large` (bool), `title`,
//!   `document_title`, `therapist`, `start`, `notes`, `printed_on`, `scope` (str, "" for the whole program),
//!   `goals` (array of str);
//! - `clinic`: `name`, `address`, `phone`, `email`, `called`, `logo` (virtual path or none);
//! - `patient`: `name`, `reference`, `condition`, `side`;
//! - `overview`: array of `number`, `name`, `goal`, `when`, `length`, `printed`, `current` (bool);
//! - `phases` (the printed stages): array of `number`, `name`, `goal`, `when`, `length`, `open_ended` (bool),
//!   `criteria`, `exercises`:
//!   array of `number`, `name`, `goal`, `steps`, `short_steps`, `cues`, `mistakes`, `cautions` (arrays of str),
//!   `general_left_out` (bool), `key_caution` (str or none), `sessions` (int), `dose`, `dose_note`,
//!   `progression` (str or none), `image` (virtual path), `image_alt`, `image_missing` (bool), `repeat_of` (an
//!   earlier card's number, or none);
//! - `plan`: array of `weeks`, `dates`, `stage`, `note`, `items`: array of `number`, `name`, `dose`, `by_week`
//!   (array of `weeks`, `dose`);
//! - `diary`: `days` (7 short weekday names), `weeks`: array of `label`, `dates`, `from` ("from 8 Dec"),
//!   `sessions`;
//! - `next_stage`: the sentence about the stage after the printed ones, or none; `move_on_title`: "Move on to
//!   stage 2, Build strength (weeks 3–6), when:" (the compact handout lists the criteria under it), or none;
//! - `safety`: the pain rule, red flags and blood-clot signs with the emergency number (see `safety.rs`).

use std::collections::HashMap;

use typst::foundations::{Array, Bytes, Dict, Str, Value};
use typst::visualize::{ExchangeFormat, ImageFormat, RasterFormat, RasterImage, SvgImage, VectorFormat};

use super::content::{Card, HandoutContent, Picture, PlanBlock};
use super::{HandoutOptions, Paper};

/// What one compile needs besides the template.
pub(crate) struct Prepared {
    pub(crate) inputs: Dict,
    /// Virtual files the inputs point to: (path, bytes).
    pub(crate) files: Vec<(String, Bytes)>,
    pub(crate) warnings: Vec<String>,
}

const PLACEHOLDER_PATH: &str = "illustrations/placeholder.svg";

pub(crate) fn prepare(content: &HandoutContent, options: &HandoutOptions) -> Prepared {
    let mut warnings = content.warnings.clone();
    let mut files = Vec::new();
    let mut pictures = Pictures::default();

    let phases: Array = content
        .stages
        .iter()
        .map(|stage| {
            let exercises: Array =
                stage.cards.iter().map(|card| card_value(card, &mut pictures, &mut files, &mut warnings)).collect();
            dict([
                ("number", int(stage.number)),
                ("name", string(&stage.name)),
                ("goal", string(&stage.goal)),
                ("when", string(&stage.when)),
                ("length", string(&stage.length)),
                ("open_ended", Value::Bool(stage.open_ended)),
                ("criteria", strings(&stage.criteria)),
                ("exercises", Value::Array(exercises)),
            ])
        })
        .collect();

    let header = &content.header;
    let clinic = &header.clinic;
    let logo = match &options.clinic.logo {
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
    let overview: Array = content
        .overview
        .iter()
        .map(|stage| {
            dict([
                ("number", int(stage.number)),
                ("name", string(&stage.name)),
                ("goal", string(&stage.goal)),
                ("when", string(&stage.when)),
                ("length", string(&stage.length)),
                ("printed", Value::Bool(stage.printed)),
                ("current", Value::Bool(stage.current)),
            ])
        })
        .collect();
    let diary = dict([
        ("days", strings(&content.diary.days)),
        (
            "weeks",
            Value::Array(
                content
                    .diary
                    .weeks
                    .iter()
                    .map(|week| {
                        dict([
                            ("label", string(&week.label)),
                            ("dates", string(&week.dates)),
                            ("from", string(&week.from)),
                            ("sessions", int(week.sessions as usize)),
                        ])
                    })
                    .collect(),
            ),
        ),
    ]);

    let inputs = [
        ("layout", string(content.layout.keyword())),
        ("paper", string(options.paper.typst_name())),
        ("large", Value::Bool(options.large_print)),
        ("title", string(&header.title)),
        ("document_title", string(&header.document_title)),
        ("therapist", string(&header.therapist)),
        ("start", string(&header.start)),
        ("notes", string(&header.notes)),
        ("printed_on", string(&header.printed_on)),
        ("scope", string(&header.scope)),
        ("goals", strings(&header.goals)),
        (
            "clinic",
            dict([
                ("name", string(&clinic.name)),
                ("address", string(&clinic.address)),
                ("phone", string(&clinic.phone)),
                ("email", string(&clinic.email)),
                ("called", string(&clinic.called)),
                ("logo", logo),
            ]),
        ),
        (
            "patient",
            dict([
                ("name", string(&header.patient.name)),
                ("reference", string(&header.patient.reference)),
                ("condition", string(&header.patient.condition)),
                ("side", string(&header.patient.side)),
            ]),
        ),
        ("overview", Value::Array(overview)),
        ("phases", Value::Array(phases)),
        ("plan", Value::Array(content.plan.iter().map(plan_value).collect())),
        ("diary", diary),
        ("next_stage", content.next_stage.as_ref().map_or(Value::None, |next| string(&next.sentence()))),
        ("move_on_title", content.next_stage.as_ref().map_or(Value::None, |next| string(&next.move_on_title()))),
        ("safety", super::safety::inputs(&content.safety.pain_rule, &content.safety.emergency_number)),
    ]
    .into_iter()
    .map(|(key, value)| (Str::from(key), value))
    .collect();

    Prepared { inputs, files, warnings }
}

fn card_value(
    card: &Card,
    pictures: &mut Pictures,
    files: &mut Vec<(String, Bytes)>,
    warnings: &mut Vec<String>,
) -> Value {
    let label = format!("Exercise {} “{}”", card.number, card.name);
    let (image, image_missing) = pictures.path_for(&card.picture, &label, files, warnings);
    dict([
        ("number", int(card.number)),
        ("name", string(&card.name)),
        ("goal", string(&card.goal)),
        ("steps", strings(&card.steps)),
        ("short_steps", strings(&card.short_steps)),
        ("cues", strings(&card.cues)),
        ("mistakes", strings(&card.mistakes)),
        ("cautions", strings(&card.cautions)),
        ("general_left_out", Value::Bool(card.general_left_out)),
        ("key_caution", card.key_caution.as_deref().map_or(Value::None, string)),
        ("sessions", int(card.sessions_per_day as usize)),
        ("dose", string(&card.dose)),
        ("dose_note", string(&card.dose_note)),
        ("progression", card.progression.as_deref().map_or(Value::None, string)),
        ("image", string(&image)),
        ("image_alt", string(&card.picture.alt)),
        ("image_missing", Value::Bool(image_missing)),
        ("repeat_of", card.repeat_of.map_or(Value::None, int)),
    ])
}

fn plan_value(block: &PlanBlock) -> Value {
    let items: Array = block
        .items
        .iter()
        .map(|item| {
            let by_week: Array = item
                .by_week
                .iter()
                .map(|weeks| dict([("weeks", string(&weeks.weeks)), ("dose", string(&weeks.dose))]))
                .collect();
            dict([
                ("number", int(item.number)),
                ("name", string(&item.name)),
                ("dose", string(&item.dose)),
                ("by_week", Value::Array(by_week)),
            ])
        })
        .collect();
    dict([
        ("weeks", string(&block.weeks)),
        ("dates", string(&block.dates)),
        ("stage", string(&block.stage)),
        ("note", string(&block.note)),
        ("items", Value::Array(items)),
    ])
}

/// Serves each drawing (and its mirror image) once, and the placeholder in place of any missing or broken one.
#[derive(Default)]
struct Pictures {
    paths: HashMap<(String, bool), (String, bool)>,
}

impl Pictures {
    /// The virtual path of this drawing and whether it is the placeholder.
    fn path_for(
        &mut self,
        picture: &Picture,
        label: &str,
        files: &mut Vec<(String, Bytes)>,
        warnings: &mut Vec<String>,
    ) -> (String, bool) {
        let id = picture.id.trim();
        let key = (id.to_owned(), picture.mirrored);
        if let Some((path, missing)) = self.paths.get(&key) {
            if *missing {
                warnings.push(missing_picture_warning(label, id));
            }
            return (path.clone(), *missing);
        }
        let drawing = picture.svg().map(|svg| Bytes::new(svg.into_owned()));
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
        self.paths.insert(key, (path.clone(), missing));
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

/// The non-blank strings: a stray empty step would print as an empty numbered line.
fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).map(string).collect())
}

fn dict<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Dict(pairs.into_iter().map(|(key, value)| (Str::from(key), value)).collect())
}
