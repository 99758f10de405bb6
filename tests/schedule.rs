//! The week-by-week plan of the shipped programs: Alfredson's 12 weeks, Beyer's table, criteria-based phases, and
//! `stepwise schedule` printing every program.

#![allow(clippy::unwrap_used)] // A test may unwrap: a panic there is a failed test with a line number.

use std::path::{Path, PathBuf};
use std::process::Command;

use stepwise::files;
use stepwise::model::{
    Bounds, Date, Dose, DoseRange, ExerciseKind, Load, Phase, PhaseLength, Prescription, Program, Progression, Side,
};
use stepwise::schedule::{self, CapReached, PhaseBlock, Schedule};

fn programs_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("programs")
}

fn shipped(stem: &str) -> (Program, Schedule) {
    let path = programs_folder().join(format!("{stem}.ron"));
    let program = files::load_program(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).program;
    let schedule = schedule::build(&program);
    (program, schedule)
}

/// Weeks start on the start date and follow each other day after day.
fn assert_contiguous(schedule: &Schedule, start: Date) {
    let mut day = start;
    for week in &schedule.weeks {
        assert_eq!(week.start, day, "week {}", week.number);
        assert_eq!(week.end, week.start.add_days(6));
        day = week.end.add_days(1);
    }
}

#[test]
fn alfredson_is_12_weeks_of_3x15_twice_a_day_straight_and_bent_knee() {
    let (program, schedule) = shipped("alfredson-eccentric");
    assert_eq!(schedule.week_count(), 12);
    assert_contiguous(&schedule, program.start_date);
    for week in &schedule.weeks {
        let ids: Vec<&str> = week.exercises.iter().map(|e| e.library_id.as_str()).collect();
        assert_eq!(ids, ["eccentric-heel-drop-straight-knee", "eccentric-heel-drop-bent-knee"], "week {}", week.number);
        for exercise in &week.exercises {
            let dose = &exercise.dose;
            let what = (dose.sets, dose.reps, dose.times_per_day, dose.days_per_week, dose.side);
            assert_eq!(what, (3, Some(15), 2, 7, Side::Affected), "week {}: {}", week.number, exercise.name);
            assert_eq!(dose.load, Load::BodyWeight);
            // Adding weight depends on the patient ("when it no longer hurts"): kept as words, never as numbers.
            assert!(exercise.response_rule.as_deref().is_some_and(|rule| rule.contains("backpack")));
        }
    }
}

#[test]
fn heavy_slow_resistance_follows_beyers_table() {
    let (program, schedule) = shipped("heavy-slow-resistance");
    assert_eq!(schedule.week_count(), 12);
    assert_contiguous(&schedule, program.start_date);
    let beyer = [(3, 15), (3, 12), (3, 12), (4, 10), (4, 10), (4, 8), (4, 8), (4, 8), (4, 6), (4, 6), (4, 6), (4, 6)];
    for (week, (sets, reps)) in schedule.weeks.iter().zip(beyer) {
        assert_eq!(week.exercises.len(), 3, "Beyer's three exercises");
        for exercise in &week.exercises {
            let dose = &exercise.dose;
            assert_eq!((dose.sets, dose.reps), (sets, Some(reps)), "week {}: {}", week.number, exercise.name);
            assert_eq!(dose.load, Load::RepetitionMaximum(reps), "week {}", week.number);
            assert_eq!(dose.days_per_week, 3);
            assert!(exercise.cap.is_none());
        }
    }
    let ids: Vec<&str> = schedule.weeks[0].exercises.iter().map(|e| e.library_id.as_str()).collect();
    assert_eq!(ids, ["heavy-slow-heel-raise-seated", "heel-raise-leg-press", "heavy-slow-heel-raise-standing"]);
}

#[test]
fn silbernagel_phases_follow_each_other_and_jumps_build_to_3x20() {
    let (program, schedule) = shipped("silbernagel-combined");
    assert_eq!(schedule.week_count(), 26);
    assert_contiguous(&schedule, program.start_date);
    let spans: Vec<String> = schedule.phases.iter().map(PhaseBlock::weeks_in_words).collect();
    assert_eq!(spans, ["weeks 1-2", "weeks 3-5", "weeks 6-12", "weeks 13-26"]);
    let hops: Vec<_> = schedule
        .weeks
        .iter()
        .flat_map(|week| week.exercises.iter().filter(|e| e.library_id == "pogo-hops").map(|e| (e.dose.reps, e.cap)))
        .collect();
    assert_eq!(hops.len(), 7);
    assert_eq!(hops[..3], [(Some(10), None), (Some(15), None), (Some(20), Some(CapReached::RuleLimit))]);
    assert!(hops[3..].iter().all(|hop| *hop == (Some(20), Some(CapReached::RuleLimit))));
    // The first phase's way out is measurable: 10 single-leg heel raises.
    assert!(schedule.phases[0].measurable_criteria.iter().any(|c| c.target == 10.0 && c.unit == "repetitions"));
}

#[test]
fn open_ended_phases_count_one_week_and_later_dates_are_the_earliest() {
    let (program, schedule) = shipped("calf-strain-return-to-run");
    assert_contiguous(&schedule, program.start_date);
    let lengths: Vec<_> = program.phases.iter().map(|p| p.length).collect();
    assert_eq!(
        lengths,
        [
            PhaseLength::Weeks(1),
            PhaseLength::UntilCriteriaMet,
            PhaseLength::UntilCriteriaMet,
            PhaseLength::UntilCriteriaMet,
            PhaseLength::Weeks(4)
        ]
    );
    assert_eq!(schedule.week_count(), 1 + 1 + 1 + 1 + 4);
    let spans: Vec<String> = schedule.phases.iter().map(PhaseBlock::weeks_in_words).collect();
    assert_eq!(spans, ["week 1", "from week 2", "from week 3", "from week 4", "weeks 5-8"]);
    assert!(!schedule.weeks[1].provisional && schedule.weeks[1].open_ended);
    assert!(schedule.weeks[2..].iter().all(|week| week.provisional));
    let criteria = &schedule.phases[3].measurable_criteria;
    assert!(criteria.iter().any(|c| c.target == 25.0), "25 single-leg heel raises before running");
    assert!(schedule.phases[4].measurable_criteria.iter().any(|c| c.target == 30.0 && c.unit == "minutes"));
}

#[test]
fn two_more_repetitions_a_week_from_10_reaches_the_cap_of_20_and_stays() {
    let (alfredson, _) = shipped("alfredson-eccentric");
    let mut prescription: Prescription = alfredson.phases[0].prescriptions[0].clone();
    prescription.exercise.kind = ExerciseKind::Strength;
    prescription.exercise.safe_range =
        DoseRange { reps: Some(Bounds::new(6, 25)), sets: Some(Bounds::new(1, 4)), ..DoseRange::default() };
    prescription.dose = Dose { reps: Some(10), ..prescription.dose };
    prescription.progression = Progression::AddReps { add: 2, every_weeks: 1, up_to: 20 };
    let phase = Phase { length: PhaseLength::Weeks(12), prescriptions: vec![prescription], ..Phase::new(1, "Load") };
    let program = Program { phases: vec![phase], ..alfredson };
    let schedule = schedule::build(&program);
    let reps: Vec<u32> = schedule.weeks.iter().map(|week| week.exercises[0].dose.reps.unwrap()).collect();
    assert_eq!(reps, [10, 12, 14, 16, 18, 20, 20, 20, 20, 20, 20, 20]);
    let text = schedule::to_text(&schedule, &program);
    assert!(text.contains("3 sets of 20, 3 s down, on the affected leg, rest 1 minute between sets, twice a day, every day (cap reached)"), "{text}");
    assert!(!text.contains(
        "3 sets of 18, 3 s down, on the affected leg, rest 1 minute between sets, twice a day, every day (cap reached)"
    ));
}

#[test]
fn stepwise_schedule_prints_a_readable_plan_for_every_program() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(programs_folder())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 7);
    let output = Command::new(env!("CARGO_BIN_EXE_stepwise")).arg("schedule").args(&paths).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success(), "{}\n{text}", String::from_utf8_lossy(&output.stderr));
    for path in &paths {
        let program = files::load_program(path).unwrap().program;
        assert!(text.contains(&program.title), "{} is missing from:\n{text}", program.title);
    }
    for expected in [
        "Week 1: 5 Jan 2026 to 11 Jan 2026",
        "Eccentric heel drop",
        "3 sets of 15",
        "twice a day, every day",
        "4 sets of 6 with the heaviest weight you can lift 6 times (6 RM)",
        "From week 2 (from 12 Jan 2026): keep going until you meet the criteria below",
        "at the earliest",
        "Hold 20 seconds, 4 times",
        "(cap reached)",
        "Stay in this phase until:",
        "Ready to move on when:",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    // Nothing a patient should never see: debug output, empty doses, unfilled placeholders.
    for unwanted in ["Some(", "None", "{", "0 sets", ": ,", ",,"] {
        assert!(!text.contains(unwanted), "{unwanted:?} in the plan:\n{text}");
    }
}

/// A phase of four billion weeks (a slip of the keyboard) is refused at once, with its line and column: before
/// the bound, `stepwise schedule` planned week after week for hours.
#[test]
fn stepwise_schedule_refuses_a_four_billion_week_phase_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("endless.ron");
    let mut program = Program::new(Date::new(2026, 3, 2).unwrap());
    program.phases[0].length = PhaseLength::Weeks(4_000_000_000);
    let text = files::program_to_string(&program).unwrap();
    std::fs::write(&path, &text).unwrap();
    let line = text.lines().position(|l| l.contains("Weeks(4000000000)")).unwrap() + 1;

    let started = std::time::Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepwise"))
        .arg("schedule")
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // It takes milliseconds; 5 s leaves room for a loaded machine, then it is killed rather than hang the suite.
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(5) {
            let _ = child.kill();
            panic!("stepwise schedule still running after 5 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("endless.ron:{line}:")) && stderr.contains("4000000000 weeks is longer than a phase"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty(), "no plan is printed: {}", String::from_utf8_lossy(&output.stdout));
    eprintln!("refused in {} ms", started.elapsed().as_millis());
}
