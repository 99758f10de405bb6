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
//! - However long the file says a phase is, the plan stops at [`MAX_PHASE_WEEKS`] for a phase and
//!   [`MAX_PROGRAM_WEEKS`] for the program (two and five years): past that it is a typo, not a plan, and
//!   validation says so at its line and column. The schedule marks itself `cut_short`, so nothing pretends the
//!   plan is whole, and no file can make it loop for minutes or count past `u32`.
//!
//! Rules never take a dose outside the exercise's safe range: they stop at the rule's own cap or at the safe
//! range's edge, whichever comes first, and the week says so ([`CapReached`]). A dose the therapist wrote outside
//! its range is left as written: validation reports it, and hiding it here would hide the mistake.

#[cfg(test)]
mod fixtures;
mod rules;
mod text;

pub use rules::dose_in_week;
pub use text::to_text;

use crate::model::{
    Date, Dose, ExerciseKind, MAX_PHASE_WEEKS, MAX_PROGRAM_WEEKS, MeasurableCriterion, PhaseLength, Program,
    Progression,
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
    /// A phase was longer than [`MAX_PHASE_WEEKS`] or the program longer than [`MAX_PROGRAM_WEEKS`]: the weeks past
    /// the limit are left out (validation reports the phase).
    pub cut_short: bool,
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

/// How many weeks a phase contributes: `n` for `Weeks(n)` (at most [`MAX_PHASE_WEEKS`]), 1 for an open-ended phase
/// (see the module notes).
#[must_use]
pub fn phase_week_count(length: PhaseLength) -> u32 {
    match length {
        PhaseLength::Weeks(weeks) => weeks.min(MAX_PHASE_WEEKS),
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
    let mut cut_short = false;
    for (phase_index, phase) in program.phases.iter().enumerate() {
        let open_ended = phase.length == PhaseLength::UntilCriteriaMet;
        // Never past the limits, whatever the file says: `next_week - 1` weeks are planned so far.
        let room = MAX_PROGRAM_WEEKS.saturating_sub(next_week - 1);
        let wanted = match phase.length {
            PhaseLength::Weeks(weeks) => weeks,
            PhaseLength::UntilCriteriaMet => 1,
        };
        let week_count = phase_week_count(phase.length).min(room);
        cut_short |= week_count < wanted;
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
    Schedule { start_date: program.start_date, weeks, phases, cut_short }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test may unwrap: a panic there is a failed test with a line number.
mod tests {
    use proptest::prelude::*;

    use super::fixtures::{any_program, inside, phase, program, start};
    use super::*;
    use crate::model::Load;

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
    fn no_file_makes_the_plan_longer_than_its_limits() {
        let schedule = build(&program(vec![
            phase(1, PhaseLength::Weeks(4_000_000_000), Vec::new()),
            phase(2, PhaseLength::Weeks(u32::MAX), Vec::new()),
            phase(3, PhaseLength::Weeks(u32::MAX), Vec::new()),
            phase(4, PhaseLength::UntilCriteriaMet, Vec::new()),
        ]));
        assert_eq!(schedule.week_count(), MAX_PROGRAM_WEEKS);
        let counts: Vec<u32> = schedule.phases.iter().map(|block| block.week_count).collect();
        assert_eq!(counts, [104, 104, 52, 0]);
        assert!(schedule.cut_short);
        assert_eq!(schedule.weeks.last().map(|week| week.number), Some(260));
        let whole = build(&program(vec![phase(1, PhaseLength::Weeks(MAX_PHASE_WEEKS), Vec::new())]));
        assert!(!whole.cut_short && whole.week_count() == 104);
    }

    fn any_length() -> impl Strategy<Value = PhaseLength> {
        prop_oneof![
            (0..=MAX_PHASE_WEEKS).prop_map(PhaseLength::Weeks),
            any::<u32>().prop_map(PhaseLength::Weeks),
            Just(PhaseLength::UntilCriteriaMet)
        ]
    }

    proptest! {
        #[test]
        fn any_lengths_stay_within_the_limits(lengths in prop::collection::vec(any_length(), 0..12)) {
            let phases = lengths.iter().enumerate().map(|(i, length)| phase(i as u64, *length, Vec::new())).collect();
            let schedule = build(&program(phases));
            prop_assert!(schedule.week_count() <= MAX_PROGRAM_WEEKS);
            prop_assert!(schedule.phases.iter().all(|block| block.week_count <= MAX_PHASE_WEEKS));
            let wanted: u64 = lengths
                .iter()
                .map(|length| match length {
                    PhaseLength::Weeks(weeks) => u64::from(*weeks),
                    PhaseLength::UntilCriteriaMet => 1,
                })
                .sum();
            prop_assert_eq!(schedule.cut_short, wanted > u64::from(schedule.week_count()));
        }

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
