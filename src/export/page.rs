//! What the web page shows, as plain data: the page is drawn from this and nothing else (see `html`).
//!
//! [`Page::from_program`] fills it from the program and its schedule, for the chosen stages, in the handout's
//! order and words (`model::dose_in_words`, the schedule's weeks and dates).

use crate::model::{Date, Program, Progression, Side, dose_in_words, progression_in_words};
use crate::schedule::{self, Schedule};

/// Everything on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// "Calf strain: back to running for Ann Jones": the browser tab and the top heading.
    pub document_title: String,
    pub program_title: String,
    pub patient: PatientFacts,
    pub therapist: String,
    pub clinic: Clinic,
    /// "24 Nov 2026".
    pub start: String,
    pub exported_on: String,
    pub goals: Vec<String>,
    /// The therapist's note, one paragraph a line.
    pub notes: Vec<String>,
    /// "Stage 2 of 4" when the page holds some of the stages only, for the heading.
    pub scope: String,
    pub stages: Vec<Stage>,
    /// After the last printed stage, when there is one: its name and what it takes to get there.
    pub next_stage: Option<String>,
    pub plan: Vec<PlanStage>,
    pub diary: Diary,
    /// Makes the diary's ticks of this program (and no other) come back on the patient's phone.
    pub storage_key: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PatientFacts {
    pub name: String,
    pub reference: String,
    pub condition: String,
    /// "Right", "Left", or "" when not one side.
    pub side: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clinic {
    pub name: String,
    pub phone: String,
    /// "Riverside Physio" or "your clinic": how the safety text names who to call.
    pub called: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    pub number: usize,
    pub name: String,
    pub goal: String,
    /// "Weeks 1–2", "From week 3".
    pub when: String,
    pub length: String,
    /// What the patient must manage before moving on.
    pub criteria: Vec<String>,
    pub exercises: Vec<Card>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Numbered through the page, so the plan can say "3." and mean one card.
    pub number: usize,
    pub name: String,
    pub goal: String,
    pub dose: String,
    pub dose_note: String,
    pub progression: Option<String>,
    pub steps: Vec<String>,
    pub tips: Vec<String>,
    pub mistakes: Vec<String>,
    pub cautions: Vec<String>,
    /// Illustration id, and whether it is drawn mirrored (the left leg working).
    pub illustration: String,
    pub mirrored: bool,
    pub alt: String,
    /// The same exercise (same words and drawing) is on an earlier card: its number.
    pub repeat_of: Option<usize>,
}

/// One stage of the week-by-week plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanStage {
    /// "1: Settle".
    pub stage: String,
    pub weeks: String,
    pub dates: String,
    pub note: String,
    pub items: Vec<PlanItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanItem {
    pub number: usize,
    pub name: String,
    /// Runs of weeks with the dose in them: ("Weeks 1–2", "3 sets of 10, once a day, every day").
    pub by_week: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diary {
    pub weeks: Vec<DiaryWeek>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DiaryWeek {
    pub number: u32,
    /// "24 Nov – 30 Nov 2026".
    pub dates: String,
    pub first_day: Date,
    /// Tick boxes a day: the most sessions a day of any exercise that week (1 to 3).
    pub sessions: u32,
}

/// Weeks of diary an open-ended stage gets: as many as on the printed diary.
const OPEN_ENDED_DIARY_WEEKS: u32 = super::ics::OPEN_ENDED_WEEKS;

impl Page {
    /// The page for the chosen stages (positions in `program.phases`), dated `exported_on`.
    #[must_use]
    pub fn from_program(program: &Program, stages: &[usize], exported_on: Date) -> Self {
        let schedule = schedule::build(program);
        let side = program.patient.side;
        let mut number = 0;
        let mut seen: Vec<(usize, &crate::model::Prescription)> = Vec::new();
        let mut printed = Vec::new();
        for &index in stages {
            let (Some(phase), Some(block)) = (program.phases.get(index), schedule.phases.get(index)) else { continue };
            let mut exercises = Vec::new();
            for prescription in &phase.prescriptions {
                number += 1;
                let exercise = &prescription.exercise;
                let repeat_of = seen.iter().find(|(_, earlier)| same_exercise(earlier, prescription)).map(|(n, _)| *n);
                seen.push((number, prescription));
                exercises.push(Card {
                    number,
                    name: exercise.name.trim().to_owned(),
                    goal: exercise.goal.trim().to_owned(),
                    dose: dose_in_words(&prescription.dose, exercise.kind, side),
                    dose_note: prescription.dose.note.trim().to_owned(),
                    progression: match &prescription.progression {
                        Progression::Steady => None,
                        rule => {
                            Some(format!("How it progresses: {}.", progression_in_words(rule).trim_end_matches('.')))
                        }
                    },
                    steps: non_blank(&exercise.steps),
                    tips: non_blank(&exercise.cues),
                    mistakes: non_blank(&exercise.common_mistakes),
                    cautions: non_blank(&exercise.cautions),
                    illustration: exercise.illustration.trim().to_owned(),
                    mirrored: crate::assets::mirror_illustration(prescription.dose.side, side),
                    alt: crate::assets::illustration_alt_text(exercise.illustration.trim())
                        .unwrap_or_else(|| format!("Drawing: {}", exercise.name.trim())),
                    repeat_of,
                });
            }
            let mut criteria: Vec<String> =
                phase.criteria.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
            criteria.extend(phase.measurable_criteria.iter().map(crate::model::MeasurableCriterion::to_text));
            printed.push(Stage {
                number: index + 1,
                name: phase.name.trim().to_owned(),
                goal: phase.goal.trim().to_owned(),
                when: block_when(block),
                length: if block.open_ended {
                    "until you can do what is listed under “Move on”".to_owned()
                } else if block.week_count == 1 {
                    "1 week".to_owned()
                } else {
                    format!("{} weeks", block.week_count)
                },
                criteria,
                exercises,
            });
        }
        let next_stage = stages.iter().max().and_then(|&last| {
            let next = program.phases.get(last + 1)?;
            (!stages.contains(&(last + 1))).then(|| {
                let mut line = format!("Next: stage {}, {}.", last + 2, next.name.trim());
                if let Some(stage) = printed.iter().find(|stage| stage.number == last + 1)
                    && !stage.criteria.is_empty()
                {
                    line.push_str(" You move on when you can do what is listed under “Move on”.");
                }
                line
            })
        });
        let patient_name = program.patient.name.trim();
        let title = program.title.trim();
        let document_title = match (title.is_empty(), patient_name.is_empty()) {
            (false, false) => format!("{title} for {patient_name}"),
            (false, true) => title.to_owned(),
            (true, false) => format!("Home exercise program for {patient_name}"),
            (true, true) => "Home exercise program".to_owned(),
        };
        let clinic_name = program.clinic.trim();
        let scope = if stages.len() == program.phases.len() {
            String::new()
        } else {
            match stages {
                [one] => format!("Stage {} of {}", one + 1, program.phases.len()),
                _ => format!(
                    "Stages {} of {}",
                    stages.iter().map(|s| (s + 1).to_string()).collect::<Vec<_>>().join(", "),
                    program.phases.len()
                ),
            }
        };
        Self {
            document_title,
            program_title: title.to_owned(),
            patient: PatientFacts {
                name: patient_name.to_owned(),
                reference: program.patient.date_of_birth_or_reference.trim().to_owned(),
                condition: program.patient.condition.trim().to_owned(),
                side: match side {
                    Side::Left => "Left".to_owned(),
                    Side::Right => "Right".to_owned(),
                    _ => String::new(),
                },
            },
            therapist: program.therapist.trim().to_owned(),
            clinic: Clinic {
                name: clinic_name.to_owned(),
                phone: String::new(),
                called: if clinic_name.is_empty() { "your clinic".to_owned() } else { clinic_name.to_owned() },
            },
            start: program.start_date.to_patient_text(),
            exported_on: exported_on.to_patient_text(),
            goals: non_blank(&program.goals),
            notes: program.notes.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect(),
            scope,
            plan: plan(program, &schedule, stages, &printed),
            diary: diary(&schedule, stages),
            stages: printed,
            next_stage,
            storage_key: format!("stepwise-diary-{:016x}", super::program_key(program)),
        }
    }
}

fn block_when(block: &schedule::PhaseBlock) -> String {
    if block.open_ended {
        return format!("From week {}", block.first_week);
    }
    let last = block.last_week().unwrap_or(block.first_week);
    let mut when = weeks_label(block.first_week, last);
    if block.provisional {
        when.push_str(" at the earliest");
    }
    when
}

fn weeks_label(first: u32, last: u32) -> String {
    if first == last { format!("Week {first}") } else { format!("Weeks {first}–{last}") }
}

fn dates_label(first: Date, last: Date) -> String {
    format!("{} – {}", first.to_patient_text(), last.to_patient_text())
}

/// Each printed stage once, each exercise once, with its dose in each run of weeks where the words stay the same.
fn plan(program: &Program, schedule: &Schedule, stages: &[usize], printed: &[Stage]) -> Vec<PlanStage> {
    let side = program.patient.side;
    stages
        .iter()
        .filter_map(|&index| {
            let weeks: Vec<&schedule::Week> = schedule.weeks.iter().filter(|w| w.phase_index == index).collect();
            let (first, last) = (weeks.first()?, weeks.last()?);
            let stage = printed.iter().find(|stage| stage.number == index + 1)?;
            let items = stage
                .exercises
                .iter()
                .zip(&program.phases.get(index)?.prescriptions)
                .map(|(card, prescription)| {
                    let mut by_week: Vec<(u32, u32, String)> = Vec::new();
                    for (week, scheduled) in schedule.prescription_by_week(prescription.id) {
                        let words = dose_in_words(&scheduled.dose, scheduled.kind, side);
                        match by_week.last_mut() {
                            Some((_, end, before)) if *before == words && *end + 1 == week.number => *end = week.number,
                            _ => by_week.push((week.number, week.number, words)),
                        }
                    }
                    PlanItem {
                        number: card.number,
                        name: card.name.clone(),
                        by_week: by_week
                            .into_iter()
                            .map(|(a, b, words)| {
                                let label = if first.open_ended { format!("From week {a}") } else { weeks_label(a, b) };
                                (label, words)
                            })
                            .collect(),
                    }
                })
                .collect();
            Some(PlanStage {
                stage: format!("{}: {}", index + 1, stage.name),
                weeks: if first.open_ended {
                    format!("From week {}", first.number)
                } else {
                    weeks_label(first.number, last.number)
                },
                dates: if first.open_ended {
                    format!("from {}", first.start.to_patient_text())
                } else {
                    dates_label(first.start, last.end)
                },
                note: if first.open_ended {
                    "Stay at this stage until you can do what is listed under “Move on”. Your therapist will check."
                        .to_owned()
                } else {
                    String::new()
                },
                items,
            })
        })
        .collect()
}

fn diary(schedule: &Schedule, stages: &[usize]) -> Diary {
    let sessions =
        |week: &schedule::Week| week.exercises.iter().map(|e| e.dose.times_per_day).max().unwrap_or(1).clamp(1, 3);
    let mut weeks = Vec::new();
    for week in schedule.weeks.iter().filter(|week| stages.contains(&week.phase_index)) {
        let repeats = if week.open_ended { OPEN_ENDED_DIARY_WEEKS } else { 1 };
        for extra in 0..repeats {
            let start = week.start.add_days(7 * i64::from(extra));
            weeks.push(DiaryWeek {
                number: week.number + extra,
                dates: dates_label(start, start.add_days(6)),
                first_day: start,
                sessions: sessions(week),
            });
        }
    }
    Diary { weeks }
}

fn same_exercise(earlier: &crate::model::Prescription, later: &crate::model::Prescription) -> bool {
    let (a, b) = (&earlier.exercise, &later.exercise);
    a.name == b.name
        && a.steps == b.steps
        && a.cues == b.cues
        && a.cautions == b.cautions
        && a.illustration == b.illustration
}

fn non_blank(items: &[String]) -> Vec<String> {
    items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}
