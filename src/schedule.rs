//! Phases become dated weeks: each week's exercises and their doses after the progression rules.
//!
//! Pure functions, no I/O: the app's timeline, the handout's week-by-week plan and diary, and
//! `stepwise schedule PROGRAM.ron` all read the same [`Schedule`], so they can never disagree.
//!
//! - [`build`]`(&program) -> Schedule`: the weeks, each with its dates, phase and doses, plus one
//!   [`PhaseBlock`] per phase with its criteria to move on.
//! - [`dose_in_week`]`(&prescription, week_in_phase)`: one prescription's dose in one week of its phase, for
//!   previewing a rule while it is edited.
//! - [`to_text`]`(&schedule, &program)`: the plan as readable plain text.
//!
//! How weeks are counted:
//! - Week 1 starts on `program.start_date`; every week is the 7-day block after the previous one (not a calendar
//!   Monday-to-Sunday week), so week 1 is always a whole week whatever day the program starts.
//! - A phase of `PhaseLength::Weeks(n)` contributes `n` weeks; progression rules count weeks from the phase's own
//!   first week (week 1 of the phase is the prescribed dose).
//! - An open-ended phase (`PhaseLength::UntilCriteriaMet`) contributes **one** week, its minimum: it is printed as a
//!   single block "from week N, until you meet the criteria", showing the starting doses and the rules in words
//!   (we cannot know how many steps of a rule the patient will take). Every later week is numbered and dated as if
//!   the criteria were met after that one week, which is the earliest it can happen; those weeks are marked
//!   `provisional` and printed "at the earliest", so a patient never reads a date as a deadline.
//!
//! Rules never take a dose outside the exercise's safe range: they stop at the rule's own cap or at the safe
//! range's edge, whichever comes first, and the week says so ([`CapReached`]). A dose the therapist wrote outside
//! its range is left as written: validation reports it, and hiding it here would hide the mistake.

use std::fmt::Write as _;

use crate::model::{
    Bounds, Date, Dose, DoseRange, ExerciseKind, Load, MeasurableCriterion, PhaseLength, Prescription, Program,
    Progression, WeekDose, dose_in_words, progression_in_words,
};

/// A program laid out week by week.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    /// The first day of week 1.
    pub start_date: Date,
    /// Every week in order: `weeks[i].number == i + 1`.
    pub weeks: Vec<Week>,
    /// One block per phase, in the program's order (also phases with no weeks, so nothing silently vanishes).
    pub phases: Vec<PhaseBlock>,
}

impl Schedule {
    /// How many weeks the plan has (an open-ended phase counts as one).
    #[must_use]
    pub fn week_count(&self) -> u32 {
        self.weeks.len() as u32
    }

    /// The last day of the last week, or `None` when there are no weeks.
    #[must_use]
    pub fn end_date(&self) -> Option<Date> {
        self.weeks.last().map(|week| week.end)
    }

    /// Week `number` (1 = the first).
    #[must_use]
    pub fn week(&self, number: u32) -> Option<&Week> {
        number.checked_sub(1).and_then(|index| self.weeks.get(index as usize))
    }

    /// One prescription's dose in each week of its phase: the app's "dose week by week" list.
    pub fn prescription_by_week(&self, prescription_id: u64) -> impl Iterator<Item = (&Week, &ScheduledExercise)> {
        self.weeks.iter().filter_map(move |week| {
            week.exercises.iter().find(|exercise| exercise.prescription_id == prescription_id).map(|e| (week, e))
        })
    }
}

/// One phase's place in the plan, with what it takes to move on.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseBlock {
    /// Position in `program.phases`.
    pub phase_index: usize,
    pub phase_id: u64,
    pub name: String,
    pub goal: String,
    /// Number of the phase's first week (for a phase with no weeks: the number the next week gets).
    pub first_week: u32,
    pub week_count: u32,
    /// `PhaseLength::UntilCriteriaMet`: shown as "from week N".
    pub open_ended: bool,
    /// Comes after an open-ended phase: its week numbers and dates are the earliest possible.
    pub provisional: bool,
    /// Criteria to move on, in words.
    pub criteria: String,
    pub measurable_criteria: Vec<MeasurableCriterion>,
}

impl PhaseBlock {
    /// Number of the phase's last week, or `None` for a phase with no weeks.
    #[must_use]
    pub fn last_week(&self) -> Option<u32> {
        (self.week_count > 0).then(|| self.first_week + self.week_count - 1)
    }

    /// "weeks 1-12", "week 3", "from week 3", "no weeks".
    #[must_use]
    pub fn weeks_in_words(&self) -> String {
        match (self.open_ended, self.last_week()) {
            (true, _) => format!("from week {}", self.first_week),
            (false, None) => "no weeks".to_owned(),
            (false, Some(last)) if last == self.first_week => format!("week {last}"),
            (false, Some(last)) => format!("weeks {}-{last}", self.first_week),
        }
    }
}

/// Seven days of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Week {
    /// 1 = the first week of the program.
    pub number: u32,
    pub start: Date,
    /// The last day of the week (start + 6 days).
    pub end: Date,
    /// Position in `program.phases` (and in `schedule.phases`).
    pub phase_index: usize,
    /// 1 = the phase's first week: what progression rules count.
    pub week_in_phase: u32,
    /// The single block an open-ended phase contributes.
    pub open_ended: bool,
    /// After an open-ended phase: number and dates are the earliest possible.
    pub provisional: bool,
    pub exercises: Vec<ScheduledExercise>,
}

/// One prescription in one week.
#[derive(Clone, Debug, PartialEq)]
pub struct ScheduledExercise {
    pub prescription_id: u64,
    /// The library id the exercise was copied from (may be empty).
    pub library_id: String,
    pub name: String,
    pub kind: ExerciseKind,
    /// The dose this week, after the progression rule.
    pub dose: Dose,
    /// The rule has stopped at a cap (this week and every later week of the phase).
    pub cap: Option<CapReached>,
    /// The dose differs from last week's (always `false` in a phase's first week).
    pub changed: bool,
    /// A rule that depends on the patient's response, printed as written and never turned into numbers.
    pub response_rule: Option<String>,
}

/// Why a progression rule stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapReached {
    /// The rule's own `up_to`.
    RuleLimit,
    /// The exercise's safe range, before the rule's `up_to`.
    SafeRange,
}

/// How many weeks a phase contributes: `n` for `Weeks(n)`, 1 for an open-ended phase (see the module notes).
#[must_use]
pub fn phase_week_count(length: PhaseLength) -> u32 {
    match length {
        PhaseLength::Weeks(weeks) => weeks,
        PhaseLength::UntilCriteriaMet => 1,
    }
}

/// The program laid out week by week, from its start date.
#[must_use]
pub fn build(program: &Program) -> Schedule {
    let mut weeks = Vec::new();
    let mut phases = Vec::with_capacity(program.phases.len());
    let mut next_week = 1_u32;
    let mut after_open_ended = false;
    for (phase_index, phase) in program.phases.iter().enumerate() {
        let open_ended = phase.length == PhaseLength::UntilCriteriaMet;
        let week_count = phase_week_count(phase.length);
        phases.push(PhaseBlock {
            phase_index,
            phase_id: phase.id,
            name: phase.name.clone(),
            goal: phase.goal.clone(),
            first_week: next_week,
            week_count,
            open_ended,
            provisional: after_open_ended,
            criteria: phase.criteria.clone(),
            measurable_criteria: phase.measurable_criteria.clone(),
        });
        let mut previous: Vec<Dose> = Vec::new();
        for week_in_phase in 1..=week_count {
            let number = next_week;
            let start = program.start_date.add_days(7 * (i64::from(number) - 1));
            let exercises: Vec<ScheduledExercise> = phase
                .prescriptions
                .iter()
                .enumerate()
                .map(|(index, prescription)| {
                    let (dose, cap) = dose_in_week(prescription, week_in_phase);
                    let changed = previous.get(index).is_some_and(|last| *last != dose);
                    ScheduledExercise {
                        prescription_id: prescription.id,
                        library_id: prescription.exercise.library_id.clone(),
                        name: prescription.exercise.name.clone(),
                        kind: prescription.exercise.kind,
                        dose,
                        cap,
                        changed,
                        response_rule: match &prescription.progression {
                            Progression::ByResponse(rule) => Some(rule.clone()),
                            _ => None,
                        },
                    }
                })
                .collect();
            previous = exercises.iter().map(|exercise| exercise.dose.clone()).collect();
            weeks.push(Week {
                number,
                start,
                end: start.add_days(6),
                phase_index,
                week_in_phase,
                open_ended,
                provisional: after_open_ended,
                exercises,
            });
            next_week += 1;
        }
        after_open_ended |= open_ended;
    }
    Schedule { start_date: program.start_date, weeks, phases }
}

/// A prescription's dose in week `week_in_phase` of its phase (1 = the phase's first week, the prescribed dose),
/// and whether its rule has stopped at a cap.
#[must_use]
pub fn dose_in_week(prescription: &Prescription, week_in_phase: u32) -> (Dose, Option<CapReached>) {
    let mut dose = prescription.dose.clone();
    let range = &prescription.exercise.safe_range;
    // `every_weeks: 0` is a validation error; here it simply never steps.
    let steps = |every_weeks: u32| week_in_phase.saturating_sub(1).checked_div(every_weeks).unwrap_or(0);
    let cap = match &prescription.progression {
        Progression::Steady | Progression::ByResponse(_) => None,
        Progression::AddReps { add, every_weeks, up_to } => {
            dose.reps.as_mut().and_then(|reps| add_counted(reps, *add, steps(*every_weeks), *up_to, range.reps))
        }
        Progression::AddSets { add, every_weeks, up_to } => {
            add_counted(&mut dose.sets, *add, steps(*every_weeks), *up_to, range.sets)
        }
        Progression::AddHoldSeconds { add, every_weeks, up_to } => dose
            .hold_seconds
            .as_mut()
            .and_then(|hold| add_counted(hold, *add, steps(*every_weeks), *up_to, range.hold_seconds)),
        Progression::AddLoad { add_kg, every_weeks, up_to_kg } => {
            add_load(&mut dose.load, *add_kg, steps(*every_weeks), *up_to_kg, range.load_kg)
        }
        Progression::ByWeek(rows) => apply_row(&mut dose, rows, week_in_phase, range),
    };
    (dose, cap)
}

/// Adds `add * steps` to `value`, stopping at `up_to` or the safe maximum, whichever is lower. Never lowers a
/// value that already starts above the cap: that is the therapist's choice, and validation reports it.
fn add_counted(value: &mut u32, add: u32, steps: u32, up_to: u32, safe: Option<Bounds<u32>>) -> Option<CapReached> {
    let safe_max = safe.map_or(u32::MAX, |bounds| bounds.max);
    let cap = up_to.min(safe_max);
    let wanted = value.saturating_add(add.saturating_mul(steps));
    if *value < cap {
        *value = wanted.min(cap);
    }
    // A rule with nothing to add never "reaches" anything; a rule that has arrived says so in every later week.
    (add > 0 && *value >= cap).then_some(if safe_max < up_to { CapReached::SafeRange } else { CapReached::RuleLimit })
}

/// The kilogram version of [`add_counted`]. Only body weight and kilograms can grow by kilograms: a band or an RM
/// load is left as it is (the rule still prints in words).
fn add_load(load: &mut Load, add_kg: f32, steps: u32, up_to_kg: f32, safe: Option<Bounds<f32>>) -> Option<CapReached> {
    let start = match load {
        Load::BodyWeight => 0.0,
        Load::Kilograms(kg) if kg.is_finite() => *kg,
        _ => return None,
    };
    if !add_kg.is_finite() || !up_to_kg.is_finite() || add_kg < 0.0 {
        return None;
    }
    let safe_max = safe.map_or(f32::INFINITY, |bounds| bounds.max);
    let cap = up_to_kg.min(safe_max);
    // Kilograms go up in steps a patient can load (2.5 kg plates): round away float noise such as 7.500001.
    let wanted = ((start + add_kg * steps as f32) * 100.0).round() / 100.0;
    let value = if start < cap { wanted.min(cap) } else { start };
    if value > 0.0 && value != start {
        *load = Load::Kilograms(value);
    }
    (add_kg > 0.0 && value >= cap).then_some(if safe_max < up_to_kg {
        CapReached::SafeRange
    } else {
        CapReached::RuleLimit
    })
}

/// A dose table: the latest row that has started by this week replaces sets, repetitions or hold, and load. A row
/// outside the safe range is brought inside it (and flagged), so a table can never prescribe past the range.
fn apply_row(dose: &mut Dose, rows: &[WeekDose], week_in_phase: u32, range: &DoseRange) -> Option<CapReached> {
    let row = rows.iter().filter(|row| row.from_week <= week_in_phase).max_by_key(|row| row.from_week)?;
    let mut clamped = false;
    let mut clamp = |value: u32, bounds: Option<Bounds<u32>>| match bounds {
        Some(bounds) if !bounds.contains(value) => {
            clamped = true;
            bounds.clamp(value)
        }
        _ => value,
    };
    dose.sets = clamp(row.sets, range.sets);
    // A row that names neither repetitions nor a hold keeps the prescription's own.
    if row.reps.is_some() || row.hold_seconds.is_some() {
        dose.reps = row.reps.map(|reps| clamp(reps, range.reps));
        dose.hold_seconds = row.hold_seconds.map(|hold| clamp(hold, range.hold_seconds));
    }
    if let Some(load) = &row.load {
        dose.load = match (load, range.load_kg) {
            (Load::Kilograms(kg), Some(bounds)) if kg.is_finite() && !bounds.contains(*kg) => {
                clamped = true;
                Load::Kilograms(bounds.clamp(*kg))
            }
            _ => load.clone(),
        };
    }
    clamped.then_some(CapReached::SafeRange)
}

/// The plan as plain text, week by week with dates and doses in words: what `stepwise schedule` prints.
#[must_use]
pub fn to_text(schedule: &Schedule, program: &Program) -> String {
    let mut out = String::new();
    let affected = program.patient.side;
    let _ = writeln!(out, "{}", program.title.trim());
    let patient = &program.patient;
    match (patient.name.trim(), patient.condition.trim()) {
        ("", "") => {}
        (name, "") => {
            let _ = writeln!(out, "For {name}");
        }
        ("", condition) => {
            let _ = writeln!(out, "For: {condition}");
        }
        (name, condition) => {
            let _ = writeln!(out, "For {name}: {condition}");
        }
    }
    let Some(end) = schedule.end_date() else {
        let _ = writeln!(
            out,
            "Starts {}. No weeks yet: add a phase with exercises.",
            schedule.start_date.to_patient_text()
        );
        return out;
    };
    let open_ended = schedule.phases.iter().any(|phase| phase.open_ended);
    let _ = writeln!(
        out,
        "Starts {}. {} {}, to {}{}.",
        schedule.start_date.to_patient_text(),
        schedule.week_count(),
        if schedule.week_count() == 1 { "week" } else { "weeks" },
        end.to_patient_text(),
        if open_ended { " at the earliest" } else { "" },
    );

    let mut said_earliest = false;
    for block in &schedule.phases {
        let Some(phase) = program.phases.get(block.phase_index) else { continue };
        let _ = writeln!(out);
        let _ =
            writeln!(out, "== Phase {}: {} ({}) ==", block.phase_index + 1, block.name.trim(), block.weeks_in_words());
        if !block.goal.trim().is_empty() {
            let _ = writeln!(out, "Goal: {}", block.goal.trim());
        }
        // Said once, at the first phase whose dates depend on an open-ended one.
        if block.provisional && !said_earliest {
            said_earliest = true;
            let _ = writeln!(
                out,
                "Week numbers and dates from here on are the earliest possible: they move later if the phase \
                 before takes longer."
            );
        }
        for week in schedule.weeks.iter().filter(|week| week.phase_index == block.phase_index) {
            let _ = writeln!(out);
            let _ = writeln!(out, "{}", week_heading(week));
            if week.exercises.is_empty() {
                let _ = writeln!(out, "  (no exercises in this phase)");
            }
            for exercise in &week.exercises {
                let cap = match exercise.cap {
                    Some(CapReached::RuleLimit) => " (cap reached)",
                    Some(CapReached::SafeRange) => " (cap reached: the safe limit for this exercise)",
                    None => "",
                };
                let _ = writeln!(
                    out,
                    "  - {}: {}{cap}",
                    exercise.name.trim(),
                    dose_in_words(&exercise.dose, exercise.kind, affected)
                );
            }
        }
        let mut about = String::new();
        for prescription in &phase.prescriptions {
            let mut lines = Vec::new();
            if prescription.progression != Progression::Steady {
                lines.push(sentence(&progression_in_words(&prescription.progression)));
            }
            if !prescription.dose.note.trim().is_empty() {
                lines.push(sentence(&prescription.dose.note));
            }
            if !lines.is_empty() {
                let _ = writeln!(about, "  - {}: {}", prescription.exercise.name.trim(), lines.join(" "));
            }
        }
        if !about.is_empty() {
            let _ = writeln!(out);
            let _ = writeln!(out, "How the exercises progress, and notes:");
            out.push_str(&about);
        }
        if !block.criteria.trim().is_empty() || !block.measurable_criteria.is_empty() {
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "{}",
                match (block.open_ended, block.phase_index + 1 == schedule.phases.len()) {
                    (true, _) => "Stay in this phase until:",
                    (false, false) => "Ready to move on when:",
                    // The last phase has nothing to move on to: its criteria say what happens at the end.
                    (false, true) => "At the end of this phase:",
                }
            );
            if !block.criteria.trim().is_empty() {
                let _ = writeln!(out, "  {}", block.criteria.trim());
            }
            for criterion in &block.measurable_criteria {
                let _ = writeln!(out, "  - {}", criterion.to_text());
            }
        }
    }
    out
}

/// The text with a full stop at its end, so a rule and a note can follow each other on one line.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) { text.to_owned() } else { format!("{text}.") }
}

/// "Week 3: 16 Mar 2026 to 22 Mar 2026", "From week 3 (from 16 Mar 2026): until you meet the criteria below".
fn week_heading(week: &Week) -> String {
    let earliest = if week.provisional { " at the earliest" } else { "" };
    if week.open_ended {
        format!(
            "From week {} (from {}{earliest}): keep going until you meet the criteria below",
            week.number,
            week.start.to_patient_text()
        )
    } else {
        format!("Week {}: {} to {}{earliest}", week.number, week.start.to_patient_text(), week.end.to_patient_text())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test may unwrap: a panic there is a failed test with a line number.
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::{BodyRegion, ExerciseCopy, Phase, Side};

    fn copy(range: DoseRange) -> ExerciseCopy {
        ExerciseCopy {
            library_id: "heel-raise-double-leg-floor".into(),
            name: "Heel raise".into(),
            kind: ExerciseKind::Strength,
            region: BodyRegion::Calf,
            goal: String::new(),
            steps: vec!["Rise up".into()],
            cues: Vec::new(),
            common_mistakes: Vec::new(),
            cautions: Vec::new(),
            safe_range: range,
            illustration: "heel-raise-double-leg-floor".into(),
            references: Vec::new(),
        }
    }

    fn prescription(id: u64, dose: Dose, progression: Progression, range: DoseRange) -> Prescription {
        Prescription { id, exercise: copy(range), dose, progression }
    }

    fn start() -> Date {
        Date::new(2026, 3, 4).unwrap()
    }

    fn program(phases: Vec<Phase>) -> Program {
        Program { phases, ..Program::new(start()) }
    }

    fn phase(id: u64, length: PhaseLength, prescriptions: Vec<Prescription>) -> Phase {
        Phase { length, prescriptions, ..Phase::new(id, &format!("Phase {id}")) }
    }

    fn reps_range(min: u32, max: u32) -> DoseRange {
        DoseRange { reps: Some(Bounds::new(min, max)), ..DoseRange::default() }
    }

    #[test]
    fn add_two_reps_from_ten_reaches_twenty_and_stays() {
        let p = prescription(
            2,
            Dose { reps: Some(10), ..Dose::default() },
            Progression::AddReps { add: 2, every_weeks: 1, up_to: 20 },
            reps_range(6, 25),
        );
        let schedule = build(&program(vec![phase(1, PhaseLength::Weeks(10), vec![p])]));
        let reps: Vec<_> = schedule.prescription_by_week(2).map(|(_, e)| e.dose.reps.unwrap()).collect();
        assert_eq!(reps, [10, 12, 14, 16, 18, 20, 20, 20, 20, 20]);
        let caps: Vec<_> = schedule.prescription_by_week(2).map(|(_, e)| e.cap).collect();
        assert_eq!(caps[..5], [None; 5]);
        assert!(caps[5..].iter().all(|cap| *cap == Some(CapReached::RuleLimit)));
        let changed: Vec<_> = schedule.prescription_by_week(2).map(|(_, e)| e.changed).collect();
        assert_eq!(changed, [false, true, true, true, true, true, false, false, false, false]);
    }

    #[test]
    fn the_safe_range_stops_a_rule_before_its_own_cap() {
        let p = prescription(
            2,
            Dose { reps: Some(10), ..Dose::default() },
            Progression::AddReps { add: 5, every_weeks: 2, up_to: 30 },
            reps_range(6, 15),
        );
        let reps: Vec<_> = (1..=6).map(|week| dose_in_week(&p, week)).collect();
        assert_eq!(reps.iter().map(|(d, _)| d.reps.unwrap()).collect::<Vec<_>>(), [10, 10, 15, 15, 15, 15]);
        assert_eq!(reps[2].1, Some(CapReached::SafeRange));
        assert_eq!(reps[1].1, None);
    }

    #[test]
    fn load_sets_and_hold_rules() {
        let range = DoseRange {
            load_kg: Some(Bounds::new(0.0, 20.0)),
            sets: Some(Bounds::new(1, 4)),
            hold_seconds: Some(Bounds::new(10, 60)),
            ..DoseRange::default()
        };
        let load = prescription(
            1,
            Dose::default(),
            Progression::AddLoad { add_kg: 2.5, every_weeks: 1, up_to_kg: 30.0 },
            range.clone(),
        );
        assert_eq!(dose_in_week(&load, 1).0.load, Load::BodyWeight);
        assert_eq!(dose_in_week(&load, 4).0.load, Load::Kilograms(7.5));
        assert_eq!(
            dose_in_week(&load, 20),
            (Dose { load: Load::Kilograms(20.0), ..Dose::default() }, Some(CapReached::SafeRange))
        );
        let sets = prescription(
            1,
            Dose { sets: 2, ..Dose::default() },
            Progression::AddSets { add: 1, every_weeks: 3, up_to: 3 },
            range.clone(),
        );
        assert_eq!([1, 3, 4, 9].map(|w| dose_in_week(&sets, w).0.sets), [2, 2, 3, 3]);
        let hold = Dose { reps: None, hold_seconds: Some(20), ..Dose::default() };
        let hold = prescription(1, hold, Progression::AddHoldSeconds { add: 10, every_weeks: 1, up_to: 45 }, range);
        assert_eq!([1, 2, 3, 4].map(|w| dose_in_week(&hold, w).0.hold_seconds.unwrap()), [20, 30, 40, 45]);
    }

    #[test]
    fn beyer_table_by_week() {
        let table = Progression::ByWeek(WeekDose::heavy_slow_resistance_table());
        let range = DoseRange { sets: Some(Bounds::new(3, 4)), reps: Some(Bounds::new(6, 15)), ..DoseRange::default() };
        let p = prescription(
            7,
            Dose { reps: Some(15), load: Load::RepetitionMaximum(15), ..Dose::default() },
            table,
            range,
        );
        let schedule = build(&program(vec![phase(1, PhaseLength::Weeks(12), vec![p])]));
        let by_week: Vec<_> =
            schedule.prescription_by_week(7).map(|(_, e)| (e.dose.sets, e.dose.reps.unwrap())).collect();
        let expected =
            [(3, 15), (3, 12), (3, 12), (4, 10), (4, 10), (4, 8), (4, 8), (4, 8), (4, 6), (4, 6), (4, 6), (4, 6)];
        assert_eq!(by_week, expected);
        assert!(
            schedule
                .prescription_by_week(7)
                .all(|(_, e)| e.dose.load == Load::RepetitionMaximum(e.dose.reps.unwrap()) && e.cap.is_none())
        );
    }

    #[test]
    fn a_table_row_outside_the_safe_range_is_brought_inside_and_flagged() {
        let table = Progression::ByWeek(vec![WeekDose {
            from_week: 1,
            sets: 6,
            reps: Some(30),
            hold_seconds: None,
            load: None,
        }]);
        let range = DoseRange { sets: Some(Bounds::new(1, 4)), reps: Some(Bounds::new(6, 25)), ..DoseRange::default() };
        let (dose, cap) = dose_in_week(&prescription(1, Dose::default(), table, range), 1);
        assert_eq!((dose.sets, dose.reps, cap), (4, Some(25), Some(CapReached::SafeRange)));
    }

    #[test]
    fn dates_are_contiguous_across_phases_and_open_ended_phases_count_one_week() {
        let schedule = build(&program(vec![
            phase(1, PhaseLength::Weeks(2), Vec::new()),
            phase(2, PhaseLength::UntilCriteriaMet, Vec::new()),
            phase(3, PhaseLength::Weeks(3), Vec::new()),
        ]));
        assert_eq!(schedule.week_count(), 6);
        assert_eq!(schedule.weeks[0].start, start());
        assert_eq!(schedule.weeks[0].end.to_string(), "2026-03-10");
        assert_eq!(schedule.weeks[1].start.to_string(), "2026-03-11");
        assert_eq!(schedule.weeks[2].start.to_string(), "2026-03-18");
        assert_eq!(schedule.end_date().map(|d| d.to_string()).as_deref(), Some("2026-04-14"));
        assert_eq!(schedule.phases[1].weeks_in_words(), "from week 3");
        assert_eq!(schedule.phases[2].weeks_in_words(), "weeks 4-6");
        assert!(schedule.weeks[2].open_ended && !schedule.weeks[2].provisional);
        assert!(schedule.weeks[3..].iter().all(|w| w.provisional && !w.open_ended));
        assert!(!schedule.weeks[0].provisional);
    }

    #[test]
    fn text_plan_has_dates_doses_caps_rules_and_criteria() {
        let p = prescription(
            2,
            Dose { reps: Some(16), side: Side::Affected, ..Dose::default() },
            Progression::AddReps { add: 2, every_weeks: 1, up_to: 20 },
            reps_range(6, 25),
        );
        let mut first = phase(1, PhaseLength::Weeks(3), vec![p]);
        first.goal = "Build strength".into();
        first.criteria = "No more pain the next morning".into();
        first.measurable_criteria.push(MeasurableCriterion {
            test: "Single-leg heel raises on the affected leg".into(),
            target: 25.0,
            unit: "repetitions".into(),
        });
        let mut second = phase(3, PhaseLength::UntilCriteriaMet, Vec::new());
        second.criteria = "Walk 30 minutes without pain".into();
        let mut program = program(vec![first, second, phase(4, PhaseLength::Weeks(1), Vec::new())]);
        program.patient.side = Side::Right;
        program.patient.name = "Siân Ŵ".into();
        let text = to_text(&build(&program), &program);
        for expected in [
            "For Siân Ŵ",
            "Starts 4 Mar 2026. 5 weeks, to 7 Apr 2026 at the earliest.",
            "== Phase 1: Phase 1 (weeks 1-3) ==",
            "Goal: Build strength",
            "Week 1: 4 Mar 2026 to 10 Mar 2026\n  - Heel raise: 3 sets of 16, on the affected leg (right), once a day, every day\n",
            "Week 3: 18 Mar 2026 to 24 Mar 2026\n  - Heel raise: 3 sets of 20, on the affected leg (right), once a day, every day (cap reached)\n",
            "  - Heel raise: Add 2 repetitions each week, up to 20.",
            "Ready to move on when:\n  No more pain the next morning\n  - Single-leg heel raises on the affected leg: 25 repetitions",
            "From week 4 (from 25 Mar 2026): keep going until you meet the criteria below",
            "Stay in this phase until:\n  Walk 30 minutes without pain",
            "earliest possible",
            "Week 5: 1 Apr 2026 to 7 Apr 2026 at the earliest",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in\n{text}");
        }
    }

    #[test]
    fn an_empty_program_still_prints() {
        let text = to_text(&build(&program(Vec::new())), &program(Vec::new()));
        assert!(text.contains("No weeks yet"), "{text}");
    }

    // ---- Properties: any program, any rules.

    fn bounds(low: u32, high: u32) -> impl Strategy<Value = Bounds<u32>> {
        (low..=high, 0..=high).prop_map(|(min, extra)| Bounds::new(min, min + extra))
    }

    /// A prescription whose starting dose is inside its safe range, with any rule (tables may stray outside).
    fn any_prescription() -> impl Strategy<Value = Prescription> {
        let rule = prop_oneof![
            Just(Progression::Steady),
            (0..6_u32, 0..4_u32, 0..40_u32).prop_map(|(add, every_weeks, up_to)| Progression::AddReps {
                add,
                every_weeks,
                up_to
            }),
            (0..3_u32, 0..4_u32, 0..8_u32).prop_map(|(add, every_weeks, up_to)| Progression::AddSets {
                add,
                every_weeks,
                up_to
            }),
            (0..20_u32, 0..4_u32, 0..120_u32).prop_map(|(add, every_weeks, up_to)| Progression::AddHoldSeconds {
                add,
                every_weeks,
                up_to
            }),
            (0..10_u32, 0..4_u32, 0..60_u32).prop_map(|(add, every_weeks, up_to)| Progression::AddLoad {
                add_kg: add as f32 * 1.25,
                every_weeks,
                up_to_kg: up_to as f32 * 0.5
            }),
            prop::collection::vec(
                (1..5_u32, 0..8_u32, prop::option::of(0..40_u32), prop::option::of(0..100_u32), 0..50_u32),
                1..5
            )
            .prop_map(|rows| {
                let mut from_week = 0;
                Progression::ByWeek(
                    rows.into_iter()
                        .map(|(gap, sets, reps, hold, kg)| {
                            from_week += gap;
                            WeekDose {
                                from_week,
                                sets,
                                reps,
                                hold_seconds: hold,
                                load: Some(Load::Kilograms(kg as f32)),
                            }
                        })
                        .collect(),
                )
            }),
            Just(Progression::ByResponse("Add load when pain stays at 3/10 or less".into())),
        ];
        (bounds(1, 4), bounds(1, 20), bounds(5, 60), 0..30_u32, 0..30_u32, rule, any::<u64>()).prop_flat_map(
            |(sets, reps, hold, kg_min, kg_extra, rule, seed)| {
                let kg = Bounds::new(kg_min as f32, (kg_min + kg_extra) as f32);
                let range = DoseRange {
                    sets: Some(sets),
                    reps: Some(reps),
                    hold_seconds: Some(hold),
                    load_kg: Some(kg),
                    ..DoseRange::default()
                };
                (sets.min..=sets.max, reps.min..=reps.max, hold.min..=hold.max, kg_min..=kg_min + kg_extra).prop_map(
                    move |(s, r, h, k)| Prescription {
                        id: seed,
                        exercise: copy(range.clone()),
                        dose: Dose {
                            sets: s,
                            reps: Some(r),
                            hold_seconds: (seed % 2 == 0).then_some(h),
                            load: Load::Kilograms(k as f32),
                            ..Dose::default()
                        },
                        progression: rule.clone(),
                    },
                )
            },
        )
    }

    fn any_program() -> impl Strategy<Value = Program> {
        let length = prop_oneof![(0..16_u32).prop_map(PhaseLength::Weeks), Just(PhaseLength::UntilCriteriaMet)];
        let phase = (length, prop::collection::vec(any_prescription(), 0..4))
            .prop_map(|(length, prescriptions)| Phase { length, prescriptions, ..Phase::new(1, "Phase") });
        (-3000..3000_i64, prop::collection::vec(phase, 0..5))
            .prop_map(|(offset, phases)| Program { phases, ..Program::new(Date::from_days(20_500 + offset)) })
    }

    fn inside<T: PartialOrd + Copy>(value: T, bounds: Option<Bounds<T>>) -> bool {
        bounds.is_none_or(|b| b.contains(value))
    }

    proptest! {
        #[test]
        fn weeks_are_contiguous_numbered_and_as_many_as_the_phases(program in any_program()) {
            let schedule = build(&program);
            let expected: u32 = program.phases.iter().map(|phase| phase_week_count(phase.length)).sum();
            prop_assert_eq!(schedule.week_count(), expected);
            prop_assert_eq!(schedule.phases.len(), program.phases.len());
            let mut day = program.start_date;
            for (index, week) in schedule.weeks.iter().enumerate() {
                prop_assert_eq!(week.number as usize, index + 1);
                prop_assert_eq!(week.start, day, "week {} does not start the day after the last", week.number);
                prop_assert_eq!(week.end.to_days() - week.start.to_days(), 6);
                prop_assert!(week.start >= program.start_date);
                day = week.end.add_days(1);
                let block = &schedule.phases[week.phase_index];
                prop_assert_eq!(week.number, block.first_week + week.week_in_phase - 1);
                prop_assert_eq!(week.exercises.len(), program.phases[week.phase_index].prescriptions.len());
            }
            for pair in schedule.weeks.windows(2) {
                prop_assert!(pair[0].end < pair[1].start, "weeks overlap");
                prop_assert!(pair[0].phase_index <= pair[1].phase_index);
            }
        }

        #[test]
        fn no_dose_ever_leaves_its_safe_range(program in any_program()) {
            let schedule = build(&program);
            for week in &schedule.weeks {
                for (exercise, prescription) in week.exercises.iter().zip(&program.phases[week.phase_index].prescriptions) {
                    let range = &prescription.exercise.safe_range;
                    let dose = &exercise.dose;
                    prop_assert!(inside(dose.sets, range.sets), "sets {} week {}", dose.sets, week.number);
                    prop_assert!(dose.reps.is_none_or(|reps| inside(reps, range.reps)), "reps {:?}", dose.reps);
                    prop_assert!(dose.hold_seconds.is_none_or(|hold| inside(hold, range.hold_seconds)));
                    if let Load::Kilograms(kg) = dose.load {
                        prop_assert!(inside(kg, range.load_kg), "{} kg outside {:?}", kg, range.load_kg);
                    }
                }
            }
        }

        #[test]
        fn any_program_prints(program in any_program()) {
            let text = to_text(&build(&program), &program);
            prop_assert!(text.contains(&program.title));
        }
    }
}
