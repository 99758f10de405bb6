//! The plan as plain text: what `stepwise schedule` prints.

use std::fmt::Write as _;

use super::{CapReached, Schedule, Week};
use crate::model::{MAX_PHASE_WEEKS, MAX_PROGRAM_WEEKS, Program, Progression, dose_in_words, progression_in_words};

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
    if schedule.cut_short {
        let _ = writeln!(
            out,
            "The plan stops at week {}: a phase is longer than {MAX_PHASE_WEEKS} weeks or the program longer than \
             {MAX_PROGRAM_WEEKS} weeks, which is more than Stepwise plans. Check the lengths of the phases.",
            schedule.week_count()
        );
    }

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
    use super::super::build;
    use super::super::fixtures::{phase, prescription, program, reps_range};
    use super::*;
    use crate::model::{Dose, MeasurableCriterion, PhaseLength, Side};

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
    fn a_plan_cut_short_says_so() {
        let program = program(vec![phase(1, PhaseLength::Weeks(4_000_000_000), Vec::new())]);
        let text = to_text(&build(&program), &program);
        assert!(text.contains("The plan stops at week 104: a phase is longer than 104 weeks"), "{text}");
        assert!(text.contains("Week 104: ") && !text.contains("Week 105"), "{text}");
    }

    #[test]
    fn an_empty_program_still_prints() {
        let text = to_text(&build(&program(Vec::new())), &program(Vec::new()));
        assert!(text.contains("No weeks yet"), "{text}");
    }
}
