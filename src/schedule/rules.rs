//! Progression rules: one prescription's dose in a given week of its phase, never past its safe range.

use super::CapReached;
use crate::model::{Bounds, Dose, DoseRange, Load, Prescription, Progression, WeekDose};

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

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test may unwrap: a panic there is a failed test with a line number.
mod tests {
    use super::super::build;
    use super::super::fixtures::{phase, prescription, program, reps_range};
    use super::*;
    use crate::model::PhaseLength;

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
}
