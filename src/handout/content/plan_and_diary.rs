//! The week-by-week plan of the printed stages (one block a stage, each exercise once, what changes week by week)
//! and the diary's weeks (a row of tick boxes a week).

use std::collections::HashMap;

use crate::handout::plan::{self, MAX_DIARY_WEEKS};
use crate::model::{Dose, ExerciseKind, Program, Side, amount_in_words, dose_in_words, load_in_words};
use crate::schedule::{Schedule, ScheduledExercise};

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
    /// The week's first day: "from 8 Dec" (the compact diary's rows are one line high).
    pub from: String,
    /// Tick boxes a day: the most times a day of any exercise that week (1 to 3).
    pub sessions: u32,
}

/// The week-by-week plan of the printed stages: one block a stage, each exercise once, with the words its dose
/// has every week and, when it changes, what it is in each run of weeks ("Week 1: 3 sets of 10 • Week 2: 3 sets
/// of 12"). A list of every exercise for every week said the same thing ten times over.
pub(super) fn plan_blocks(
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

pub(super) fn diary(program: &Program, schedule: &Schedule, printed: &[usize], warnings: &mut Vec<String>) -> Diary {
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
            .map(|week| DiaryWeek { label: week.label, dates: week.dates, from: week.from, sessions: week.sessions })
            .collect(),
    }
}
