//! What a handout prints, as plain data: the header, the stages in scope with one card per exercise, the
//! week-by-week plan and the diary of those stages, the line about the next stage and the safety details.
//!
//! Built once from a program ([`build`]) and read by every way of handing it to a patient: the Typst template
//! (through `inputs`, which turns it into `sys.inputs`) and the phone web page of `stepwise export`. Everything
//! is already in the patient's words (doses, week labels, dates), so a reader only lays it out and never needs
//! the model or the schedule.
//!
//! ```
//! use stepwise::handout::{self, content};
//! use stepwise::model::HandoutScope;
//! let mut program = handout::demo_program(6);
//! program.handout.scope = HandoutScope::Whole;
//! let content = content::build(&program, &handout::HandoutOptions::default());
//! assert_eq!(content.stages.len(), 3);
//! for card in content.stages.iter().flat_map(|stage| &stage.cards) {
//!     println!("{}. {} — {}", card.number, card.name, card.dose);
//! }
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;

use super::HandoutOptions;
use super::plan::{self, MAX_DIARY_WEEKS};
use crate::model::{
    Date, Dose, ExerciseKind, HandoutLayout, PainRule, Prescription, Program, Progression, SafetyText, Side,
    amount_in_words, dose_in_words, load_in_words, progression_in_words,
};
use crate::schedule::{self, Schedule, ScheduledExercise};

/// A short step is at most this long (characters), so four of them fit beside a compact card's picture.
pub const SHORT_STEP_MAX_CHARS: usize = 90;
/// A compact card shows at most this many short steps.
pub const SHORT_STEPS_MAX: usize = 4;

/// The clinic as the handout names it (from `HandoutOptions::clinic`, trimmed). Empty fields are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clinic {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// "Riverside Physio", or "your clinic" when it has no name: what "call …" sentences say.
    pub called: String,
}

/// Everything one handout prints.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoutContent {
    pub layout: HandoutLayout,
    pub header: Header,
    /// Every stage of the program, printed or not, for "your program at a glance".
    pub overview: Vec<StageOverview>,
    /// The stages in scope, in program order.
    pub stages: Vec<Stage>,
    /// The week-by-week plan of the stages in scope: one block a stage.
    pub plan: Vec<PlanBlock>,
    pub diary: Diary,
    /// What comes after the last printed stage, when the handout does not print it.
    pub next_stage: Option<NextStage>,
    pub safety: Safety,
    /// What a therapist should know before handing it out (a step shortened for the compact layout ...).
    pub warnings: Vec<String>,
}

impl HandoutContent {
    /// Every card of every printed stage, in order.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.stages.iter().flat_map(|stage| &stage.cards)
    }
}

/// The top of the first page.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// The program's title ("Achilles tendon: loading program"); may be empty.
    pub title: String,
    /// The PDF's title: "Achilles tendon: loading program for Siân Davies".
    pub document_title: String,
    pub therapist: String,
    /// The start date in words ("24 Nov 2026").
    pub start: String,
    /// The therapist's note to the patient.
    pub notes: String,
    pub goals: Vec<String>,
    pub printed_on: String,
    pub patient: PatientDetails,
    pub clinic: Clinic,
    /// Which stages this handout covers, in words: "Stage 2 of 3: Build strength", "Stages 1 and 2 of 3", or
    /// "" for the whole program.
    pub scope: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PatientDetails {
    pub name: String,
    pub reference: String,
    pub condition: String,
    /// "Left", "Right", or "" when not one side.
    pub side: String,
}

/// One line of "your program at a glance".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageOverview {
    pub number: usize,
    pub name: String,
    pub goal: String,
    /// "Weeks 1–2", "From week 7", "Weeks 3–6 at the earliest".
    pub when: String,
    /// "2 weeks", or what ends an open-ended stage.
    pub length: String,
    /// Whether this handout prints the stage.
    pub printed: bool,
    /// Whether it is the stage the patient is in now.
    pub current: bool,
}

/// A printed stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    /// 1 = the program's first stage (also when the handout starts later).
    pub number: usize,
    pub name: String,
    pub goal: String,
    pub when: String,
    pub length: String,
    /// What the patient must manage before moving on, one line each.
    pub criteria: Vec<String>,
    pub cards: Vec<Card>,
}

/// One exercise as printed.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Numbered through the handout (1 = its first card), so the plan can say "3." and mean one card.
    pub number: usize,
    pub prescription_id: u64,
    pub name: String,
    pub goal: String,
    /// The dose in words ("3 sets of 15, each leg, twice a day, every day").
    pub dose: String,
    pub dose_note: String,
    /// "How it progresses: …", or `None` for the same dose every week.
    pub progression: Option<String>,
    pub steps: Vec<String>,
    /// One to four short lines for the compact layout: the exercise's own, or its first steps shortened.
    pub short_steps: Vec<String>,
    /// Whether `short_steps` were made here from the steps (the exercise has none of its own).
    pub short_steps_shortened: bool,
    pub cues: Vec<String>,
    pub mistakes: Vec<String>,
    /// The exercise's own cautions; those the safety page already gives word for word are left out.
    pub cautions: Vec<String>,
    /// Whether a caution was left out because the safety page gives it (the card then points there).
    pub general_left_out: bool,
    /// The one caution a compact card prints: the exercise's first own caution.
    pub key_caution: Option<String>,
    /// Tick boxes a day in the summary: how many times a day (1 to 3).
    pub sessions_per_day: u32,
    pub picture: Picture,
    /// The number of an earlier card with the same exercise (same text and drawing): this card then prints its
    /// dose and points there instead of repeating the steps.
    pub repeat_of: Option<usize>,
}

/// An exercise's drawing as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    /// The illustration id (`assets/illustrations/<id>.svg`); may name no drawing.
    pub id: String,
    /// Drawn the other way round: the patient's affected leg is the left, and the drawing shows the right.
    pub mirrored: bool,
    /// What the picture shows, for screen readers.
    pub alt: String,
}

impl Picture {
    /// The drawing's SVG as printed (mirrored when `mirrored`), or `None` when there is no such drawing.
    #[must_use]
    pub fn svg(&self) -> Option<std::borrow::Cow<'static, [u8]>> {
        crate::assets::illustration_svg(self.id.trim(), self.mirrored)
    }
}

/// One stage of the week-by-week plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanBlock {
    /// "Weeks 1–4", "From week 7".
    pub weeks: String,
    /// "24 Nov – 21 Dec 2026".
    pub dates: String,
    /// "1: Settle".
    pub stage: String,
    /// Said under the block (how long an open-ended stage lasts), or "".
    pub note: String,
    pub items: Vec<PlanItem>,
}

/// One exercise in a block of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanItem {
    /// The card's number.
    pub number: usize,
    pub name: String,
    /// The words that hold all stage (may be "").
    pub dose: String,
    /// What changes, run of weeks by run of weeks; empty when the dose holds all stage.
    pub by_week: Vec<PlanWeeks>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanWeeks {
    /// "Week 2", "Weeks 3–4".
    pub weeks: String,
    /// What the dose is then; "" when only the weeks are worth saying.
    pub dose: String,
}

/// The exercise diary: a row of tick boxes for each week of the printed stages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diary {
    /// Seven short weekday names, from the start date's weekday ("Tue", "Wed", …).
    pub days: Vec<String>,
    pub weeks: Vec<DiaryWeek>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiaryWeek {
    /// "Week 3".
    pub label: String,
    /// "8 Dec – 14 Dec 2026".
    pub dates: String,
    /// Tick boxes a day: the most times a day of any exercise that week (1 to 3).
    pub sessions: u32,
}

/// The stage after the last printed one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStage {
    pub number: usize,
    pub name: String,
    /// "From week 3", "Weeks 3–6".
    pub when: String,
    /// What the patient must manage before moving on: the last printed stage's criteria.
    pub before_moving_on: Vec<String>,
}

impl NextStage {
    /// The one line the handout prints: "Next: stage 2, Build strength (weeks 3–6). Before you move on: …".
    #[must_use]
    pub fn sentence(&self) -> String {
        let mut text = format!("Next: stage {}, {}", self.number, self.name);
        if !self.when.is_empty() {
            let _ = write!(text, " ({})", lower_first(&self.when));
        }
        text.push('.');
        if self.before_moving_on.is_empty() {
            text.push_str(" Your therapist will tell you when you are ready.");
        } else {
            let criteria: Vec<&str> =
                self.before_moving_on.iter().map(|c| c.trim().trim_end_matches(['.', ';'])).collect();
            let _ = write!(text, " Before you move on: {}.", criteria.join("; "));
        }
        text
    }
}

/// What the safety page and the summary's safety lines print: the clinic to call, the program's pain rule and
/// the emergency number (`SafetyText::new(&pain_rule, &emergency_number)` gives the words).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Safety {
    /// "Riverside Physio" or "your clinic".
    pub clinic_called: String,
    /// "" when the clinic has no phone number set.
    pub clinic_phone: String,
    pub pain_rule: PainRule,
    /// Never blank: the clinic's setting, or the one for the system's region.
    pub emergency_number: String,
}

impl Safety {
    /// The safety words in full, as the safety page prints them.
    #[must_use]
    pub fn text(&self) -> SafetyText {
        SafetyText::new(&self.pain_rule, &self.emergency_number)
    }
}

/// The content of `program`'s handout for its own choice of scope and layout (`program.handout`).
#[must_use]
pub fn build(program: &Program, options: &HandoutOptions) -> HandoutContent {
    let layout = program.handout.layout;
    let printed = program.stages_in_scope(&program.handout.scope);
    let current = program.current_stage_index();
    let printed_on = options.printed_on.unwrap_or_else(crate::clock::today);
    let schedule = schedule::build(program);
    let mut warnings = Vec::new();

    let overview: Vec<StageOverview> = program
        .phases
        .iter()
        .enumerate()
        .map(|(index, phase)| {
            let (when, length) = when_and_length(&schedule, index);
            StageOverview {
                number: index + 1,
                name: phase.name.trim().to_owned(),
                goal: phase.goal.trim().to_owned(),
                when,
                length,
                printed: printed.contains(&index),
                current: index == current,
            }
        })
        .collect();

    // Cards are numbered through the printed stages; an exercise repeated from an earlier printed card points
    // back to it.
    let mut next_number = 1;
    let mut seen: Vec<(usize, &Prescription)> = Vec::new();
    let mut stages = Vec::new();
    for &index in &printed {
        let phase = &program.phases[index];
        let (when, length) = when_and_length(&schedule, index);
        let mut criteria = non_empty_lines(&phase.criteria);
        criteria.extend(phase.measurable_criteria.iter().map(crate::model::MeasurableCriterion::to_text));
        let mut cards = Vec::new();
        for prescription in &phase.prescriptions {
            let number = next_number;
            next_number += 1;
            let repeat_of = seen.iter().find(|(_, earlier)| same_exercise(earlier, prescription)).map(|(n, _)| *n);
            seen.push((number, prescription));
            let card = card(program, prescription, number, repeat_of);
            if card.short_steps_shortened && layout == HandoutLayout::Compact && repeat_of.is_none() {
                warnings.push(format!(
                    "Exercise {number} “{}” has no short steps: the compact handout shows its first steps, \
                     shortened. Write short steps for it in the exercise editor.",
                    card.name
                ));
            }
            cards.push(card);
        }
        stages.push(Stage {
            number: index + 1,
            name: phase.name.trim().to_owned(),
            goal: phase.goal.trim().to_owned(),
            when,
            length,
            criteria,
            cards,
        });
    }

    let numbers: HashMap<u64, (usize, &Dose)> = stages
        .iter()
        .flat_map(|stage| &stage.cards)
        .filter_map(|card| {
            let (phase, position) = program.find_prescription(card.prescription_id)?;
            Some((card.prescription_id, (card.number, &program.phases[phase].prescriptions[position].dose)))
        })
        .collect();
    let plan = plan_blocks(program, &schedule, &numbers, &printed);
    let diary = diary(program, &schedule, &printed, &mut warnings);

    let next_stage = printed.last().and_then(|&last| {
        let next = last + 1;
        let phase = program.phases.get(next).filter(|_| !printed.contains(&next))?;
        Some(NextStage {
            number: next + 1,
            name: phase.name.trim().to_owned(),
            when: when_and_length(&schedule, next).0,
            before_moving_on: stages.last().map(|stage| stage.criteria.clone()).unwrap_or_default(),
        })
    });

    let clinic_name = options.clinic.name.trim();
    let clinic = Clinic {
        name: clinic_name.to_owned(),
        address: options.clinic.address.trim().to_owned(),
        phone: options.clinic.phone.trim().to_owned(),
        email: options.clinic.email.trim().to_owned(),
        called: if clinic_name.is_empty() { "your clinic".to_owned() } else { clinic_name.to_owned() },
    };
    let safety = Safety {
        clinic_called: clinic.called.clone(),
        clinic_phone: clinic.phone.clone(),
        pain_rule: program.pain_rule.clone(),
        emergency_number: super::safety::emergency_number(&options.clinic.emergency_number),
    };
    let header = header(program, clinic, printed_on, &printed);

    HandoutContent { layout, header, overview, stages, plan, diary, next_stage, safety, warnings }
}

fn header(program: &Program, clinic: Clinic, printed_on: Date, printed: &[usize]) -> Header {
    let patient_name = program.patient.name.trim();
    let title = program.title.trim();
    let document_title = match (title.is_empty(), patient_name.is_empty()) {
        (false, false) => format!("{title} for {patient_name}"),
        (false, true) => title.to_owned(),
        (true, false) => format!("Home exercise program for {patient_name}"),
        (true, true) => "Home exercise program".to_owned(),
    };
    Header {
        title: title.to_owned(),
        document_title,
        therapist: program.therapist.trim().to_owned(),
        start: program.start_date.to_patient_text(),
        notes: program.notes.trim().to_owned(),
        goals: trimmed(&program.goals),
        printed_on: printed_on.to_patient_text(),
        patient: PatientDetails {
            name: patient_name.to_owned(),
            reference: program.patient.date_of_birth_or_reference.trim().to_owned(),
            condition: program.patient.condition.trim().to_owned(),
            side: side_label(program.patient.side).to_owned(),
        },
        clinic,
        scope: scope_words(program, printed),
    }
}

/// "Stage 2 of 3: Build strength", "Stages 1 and 2 of 3", "Stages 1, 3 and 4 of 5"; "" for every stage.
fn scope_words(program: &Program, printed: &[usize]) -> String {
    let total = program.phases.len();
    if printed.len() == total || printed.is_empty() {
        return String::new();
    }
    if let [only] = printed {
        let name = program.phases[*only].name.trim();
        return if name.is_empty() {
            format!("Stage {} of {total}", only + 1)
        } else {
            format!("Stage {} of {total}: {name}", only + 1)
        };
    }
    let numbers: Vec<String> = printed.iter().map(|index| (index + 1).to_string()).collect();
    let (last, rest) = numbers.split_last().map_or((String::new(), &[][..]), |(l, r)| (l.clone(), r));
    format!("Stages {} and {last} of {total}", rest.join(", "))
}

fn when_and_length(schedule: &Schedule, index: usize) -> (String, String) {
    match schedule.phases.get(index) {
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
    }
}

fn card(program: &Program, prescription: &Prescription, number: usize, repeat_of: Option<usize>) -> Card {
    let exercise = &prescription.exercise;
    let name = exercise.name.trim().to_owned();
    let progression = match &prescription.progression {
        Progression::Steady => None,
        rule => Some(format!("How it progresses: {}.", progression_in_words(rule).trim_end_matches('.'))),
    };
    let steps = trimmed(&exercise.steps);
    let own_short: Vec<String> = trimmed(&exercise.short_steps).into_iter().take(SHORT_STEPS_MAX).collect();
    let (short_steps, short_steps_shortened) =
        if own_short.is_empty() { (shorten_steps(&steps), !steps.is_empty()) } else { (own_short, false) };
    let cautions = specific_cautions(&exercise.cautions);
    Card {
        number,
        prescription_id: prescription.id,
        goal: exercise.goal.trim().to_owned(),
        dose: dose_in_words(&prescription.dose, exercise.kind, program.patient.side),
        dose_note: prescription.dose.note.trim().to_owned(),
        progression,
        steps,
        short_steps,
        short_steps_shortened,
        cues: trimmed(&exercise.cues),
        mistakes: trimmed(&exercise.common_mistakes),
        key_caution: cautions.first().cloned(),
        general_left_out: exercise.cautions.iter().any(|c| is_general_caution(c)),
        cautions,
        sessions_per_day: prescription.dose.times_per_day.clamp(1, 3),
        picture: Picture {
            id: exercise.illustration.trim().to_owned(),
            // The drawings show the right leg working; the illustrations' rule says when the left one does.
            mirrored: crate::assets::mirror_illustration(prescription.dose.side, program.patient.side),
            // The exercise and the position shown.
            alt: match crate::assets::illustration_alt_text(exercise.illustration.trim()) {
                Some(shown) => format!("{name}: {shown}"),
                None => format!("Drawing: {name}"),
            },
        },
        name,
        repeat_of,
    }
}

/// The first steps, each at most `SHORT_STEP_MAX_CHARS` long: a step that is longer keeps its first sentence
/// when that fits, otherwise it is cut at a word boundary and ends in "…".
#[must_use]
pub fn shorten_steps(steps: &[String]) -> Vec<String> {
    steps.iter().take(SHORT_STEPS_MAX).map(|step| shorten(step.trim())).filter(|s| !s.is_empty()).collect()
}

fn shorten(step: &str) -> String {
    if step.chars().count() <= SHORT_STEP_MAX_CHARS {
        return step.to_owned();
    }
    if let Some(end) = step.find(". ") {
        let sentence = &step[..=end];
        if sentence.chars().count() <= SHORT_STEP_MAX_CHARS {
            return sentence.to_owned();
        }
    }
    // Room for the ellipsis; cut before the last word that does not fit.
    let limit = step.char_indices().nth(SHORT_STEP_MAX_CHARS - 1).map_or(step.len(), |(at, _)| at);
    let head = &step[..limit];
    let cut = head.rfind(char::is_whitespace).map_or(head, |at| &head[..at]);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
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
    trimmed(cautions).into_iter().filter(|caution| !is_general_caution(caution)).collect()
}

/// Same exercise as an earlier card: the copy's text is identical, so the steps need not be printed twice.
fn same_exercise(earlier: &Prescription, later: &Prescription) -> bool {
    let (a, b) = (&earlier.exercise, &later.exercise);
    a.name == b.name
        && a.steps == b.steps
        && a.short_steps == b.short_steps
        && a.cues == b.cues
        && a.cautions == b.cautions
        && a.illustration == b.illustration
}

/// The week-by-week plan of the printed stages: one block a stage, each exercise once, with the words its dose
/// has every week and, when it changes, what it is in each run of weeks ("Week 1: 3 sets of 10 • Week 2: 3 sets
/// of 12"). A list of every exercise for every week said the same thing ten times over.
fn plan_blocks(
    program: &Program,
    schedule: &Schedule,
    cards: &HashMap<u64, (usize, &Dose)>,
    printed: &[usize],
) -> Vec<PlanBlock> {
    let affected = program.patient.side;
    let runs: Vec<_> = plan::group_same_weeks(&schedule.weeks)
        .into_iter()
        .filter(|run| run.first().is_some_and(|week| printed.contains(&week.phase_index)))
        .collect();
    runs.chunk_by(|a, b| a.first().map(|w| w.phase_index) == b.first().map(|w| w.phase_index))
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
            let items = exercises
                .into_iter()
                .map(|(exercise, doses)| {
                    let in_every_run = matches!(doses.as_slice(),
                        [(span, _)] if span.first == first.number && span.last == last.number);
                    let (shared, varying) =
                        plan::split_varying(&doses.iter().map(|(_, dose)| dose.clone()).collect::<Vec<_>>());
                    let weeks: Vec<String> = doses
                        .iter()
                        .map(|(span, _)| plan::weeks_label(span.first, span.last, span.open_ended))
                        .collect();
                    // An exercise missing from some weeks says which weeks it is in, even when its dose is steady.
                    let by_week: Vec<PlanWeeks> = if varying.is_empty() && in_every_run {
                        Vec::new()
                    } else if varying.is_empty() {
                        weeks.into_iter().map(|weeks| PlanWeeks { weeks, dose: String::new() }).collect()
                    } else {
                        weeks.into_iter().zip(varying).map(|(weeks, dose)| PlanWeeks { weeks, dose }).collect()
                    };
                    PlanItem {
                        number: cards.get(&exercise.prescription_id).map_or(0, |(number, _)| *number),
                        name: exercise.name.trim().to_owned(),
                        dose: shared,
                        by_week,
                    }
                })
                .collect();
            Some(PlanBlock {
                weeks: plan::weeks_label(first.number, last.number, last.open_ended),
                dates: plan::dates_label(first.start, last.end, last.open_ended, first.provisional),
                stage: format!("{}: {}", first.phase_index + 1, phase.name.trim()),
                note: note.to_owned(),
                items,
            })
        })
        .collect()
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

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn diary(program: &Program, schedule: &Schedule, printed: &[usize], warnings: &mut Vec<String>) -> Diary {
    let weeks = plan::diary_weeks(schedule, |phase_index| printed.contains(&phase_index));
    if weeks.len() > MAX_DIARY_WEEKS {
        warnings.push(format!(
            "The diary shows the first {MAX_DIARY_WEEKS} of {} weeks: print a new handout for the rest.",
            weeks.len()
        ));
    }
    let first_weekday = usize::from(program.start_date.weekday());
    Diary {
        days: (0..7).map(|i| WEEKDAYS[(first_weekday + i) % 7].to_owned()).collect(),
        weeks: weeks
            .into_iter()
            .take(MAX_DIARY_WEEKS)
            .map(|week| DiaryWeek { label: week.label, dates: week.dates, sessions: week.sessions })
            .collect(),
    }
}

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Left => "Left",
        Side::Right => "Right",
        Side::EachSide | Side::BothTogether | Side::Affected => "",
    }
}

/// The non-blank strings, trimmed: a stray empty step would print as an empty numbered line.
fn trimmed(items: &[String]) -> Vec<String> {
    items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn non_empty_lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::HandoutScope;

    fn settings() -> HandoutOptions {
        HandoutOptions { printed_on: Date::new(2026, 11, 24), ..HandoutOptions::default() }
    }

    #[test]
    fn a_stage_handout_holds_that_stage_and_names_the_next() {
        let mut program = crate::handout::demo_program(9);
        program.current_stage = Some(program.phases[1].id);
        let content = build(&program, &settings());
        assert_eq!(content.stages.len(), 1);
        assert_eq!(content.stages[0].number, 2);
        assert_eq!(content.stages[0].cards[0].number, 1, "cards are numbered from the first printed");
        assert_eq!(content.header.scope, "Stage 2 of 3: Build strength");
        assert!(content.plan.iter().all(|block| block.stage.starts_with("2:")), "{:?}", content.plan);
        assert_eq!(content.diary.weeks.first().map(|w| w.label.as_str()), Some("Week 3"));
        assert_eq!(content.diary.weeks.len(), 4);
        let next = content.next_stage.as_ref().map(NextStage::sentence).unwrap_or_default();
        assert!(next.starts_with("Next: stage 3, Back to sport (from week 7). Before you move on: "), "{next}");
        assert!(next.contains("Heel raises on the painful leg: 25 in a row"), "{next}");
        assert_eq!(content.overview.iter().filter(|s| s.printed).count(), 1);
        assert!(content.overview[1].current);

        program.handout.scope = HandoutScope::Whole;
        let content = build(&program, &settings());
        assert_eq!(content.stages.len(), 3);
        assert!(content.next_stage.is_none());
        assert_eq!(content.header.scope, "");
        assert_eq!(content.cards().count(), program.prescriptions().count());

        program.handout.scope = HandoutScope::Stages(vec![program.phases[0].id, program.phases[2].id]);
        assert_eq!(build(&program, &settings()).header.scope, "Stages 1 and 3 of 3");
    }

    #[test]
    fn long_steps_are_shortened_at_a_word_boundary() {
        let long = "Stand on the bottom step of the stairs holding the rail, and shuffle back until only the balls \
                    of your feet are on it";
        let short = shorten(long);
        assert!(short.chars().count() <= SHORT_STEP_MAX_CHARS, "{short}");
        assert!(short.ends_with('…') && long.starts_with(short.trim_end_matches('…')), "{short}");
        assert_eq!(
            shorten(
                "Sit down. Then do a very long thing that goes on and on and on and on and on, and on and on again"
            ),
            "Sit down."
        );
        assert_eq!(shorten("Short."), "Short.");
        let steps: Vec<String> = (0..6).map(|i| format!("Step {i}.")).collect();
        assert_eq!(shorten_steps(&steps).len(), SHORT_STEPS_MAX);
    }

    #[test]
    fn an_exercise_without_short_steps_warns_only_in_the_compact_layout() {
        let mut program = crate::handout::demo_program(3);
        assert!(build(&program, &settings()).warnings.is_empty());
        program.handout.layout = HandoutLayout::Compact;
        let content = build(&program, &settings());
        assert_eq!(content.warnings.len(), content.stages[0].cards.len(), "{:?}", content.warnings);
        program.phases[0].prescriptions[0].exercise.short_steps = vec!["Point and pull your toes.".into()];
        let content = build(&program, &settings());
        assert_eq!(content.stages[0].cards[0].short_steps, ["Point and pull your toes."]);
        assert!(!content.stages[0].cards[0].short_steps_shortened);
    }

    #[test]
    fn a_left_sided_program_prints_its_one_sided_drawings_mirrored() {
        let mut program = crate::handout::demo_program(6);
        program.handout.scope = HandoutScope::Whole;
        program.patient.side = Side::Left;
        for prescription in program.phases.iter_mut().flat_map(|phase| &mut phase.prescriptions) {
            prescription.dose.side = Side::Affected;
        }
        let content = build(&program, &settings());
        assert!(content.cards().all(|card| card.picture.mirrored));
        let card = content.cards().next().map(|card| card.picture.clone());
        let drawn = card.as_ref().and_then(Picture::svg).unwrap_or_default();
        assert_ne!(
            drawn.as_ref(),
            crate::assets::illustration(&card.map(|p| p.id).unwrap_or_default()).unwrap_or_default()
        );
        program.patient.side = Side::Right;
        assert!(build(&program, &settings()).cards().all(|card| !card.picture.mirrored));
    }
}
