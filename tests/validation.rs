//! Validation finds every kind of bad dose and says where it is; nothing is clamped or dropped.

use stepwise::model::{
    BodyRegion, Bounds, Date, Dose, DoseRange, ExerciseCopy, ExerciseKind, Load, MAX_PHASE_WEEKS, MAX_PROGRAM_WEEKS,
    Phase, PhaseLength, Prescription, Program, Progression, Severity, WeekDose, length_problems, validate_program,
};

fn heel_drop() -> ExerciseCopy {
    ExerciseCopy {
        library_id: "eccentric-heel-drop-straight-knee".into(),
        name: "Eccentric heel drop".into(),
        kind: ExerciseKind::Strength,
        region: BodyRegion::Achilles,
        goal: String::new(),
        steps: vec!["Lower slowly".into()],
        short_steps: Vec::new(),
        cues: vec![],
        common_mistakes: vec![],
        cautions: vec![],
        safe_range: DoseRange {
            sets: Some(Bounds::new(1, 3)),
            reps: Some(Bounds::new(6, 15)),
            load_kg: Some(Bounds::new(0.0, 20.0)),
            sources: vec!["alfredson1998".into()],
            ..DoseRange::default()
        },
        illustration: "eccentric-heel-drop-straight-knee".into(),
        references: vec![],
    }
}

/// A program with two phases; the bad dose goes in phase 2, prescription 3.
fn program_with(dose: Dose, progression: Progression) -> Program {
    let mut program = Program::new(Date::new(2026, 1, 5).expect("date"));
    let good = Dose { sets: 3, reps: Some(15), ..Dose::default() };
    let mut second = Phase::new(10, "Load");
    for id in 0..2 {
        second.prescriptions.push(Prescription {
            id: 20 + id,
            exercise: heel_drop(),
            dose: good.clone(),
            progression: Progression::Steady,
        });
    }
    second.prescriptions.push(Prescription { id: 30, exercise: heel_drop(), dose, progression });
    program.phases.push(second);
    program
}

fn errors(program: &Program) -> Vec<String> {
    validate_program(program, &|id| id == "eccentric-heel-drop-straight-knee")
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect()
}

fn one_error(dose: Dose) -> String {
    let found = errors(&program_with(dose, Progression::Steady));
    assert_eq!(found.len(), 1, "{found:#?}");
    found[0].clone()
}

#[test]
fn a_good_program_has_no_problems() {
    let program = program_with(Dose { sets: 3, reps: Some(15), ..Dose::default() }, Progression::Steady);
    assert_eq!(errors(&program), Vec::<String>::new());
}

#[test]
fn zero_sets_is_found_with_its_place() {
    let message = one_error(Dose { sets: 0, reps: Some(15), ..Dose::default() });
    assert_eq!(
        message,
        "phase 2, prescription 3, field `dose`, field `sets`: 0 sets: the exercise would never be done"
    );
}

#[test]
fn a_negative_load_is_found() {
    let message = one_error(Dose { sets: 3, reps: Some(15), load: Load::Kilograms(-2.5), ..Dose::default() });
    assert!(message.contains("field `load`") && message.contains("-2.5 kg"), "{message}");
}

#[test]
fn reps_and_hold_both_missing_is_found() {
    let message = one_error(Dose { sets: 3, reps: None, hold_seconds: None, ..Dose::default() });
    assert!(message.contains("needs repetitions"), "{message}");
}

#[test]
fn a_dose_outside_the_safe_range_is_reported_not_clamped() {
    let program = program_with(
        Dose { sets: 5, reps: Some(40), load: Load::Kilograms(35.0), ..Dose::default() },
        Progression::Steady,
    );
    let found = errors(&program);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].contains("5 sets is outside the safe range 1-3 (alfredson1998)"), "{}", found[0]);
    assert!(found[1].contains("40 repetitions is outside the safe range 6-15"), "{}", found[1]);
    assert!(found[2].contains("35 kg is outside the safe range 0-20 kg"), "{}", found[2]);
    // Nothing was changed.
    assert_eq!(program.phases[1].prescriptions[2].dose.sets, 5);
}

#[test]
fn an_unknown_exercise_id_is_reported() {
    let mut program = program_with(Dose { sets: 3, reps: Some(15), ..Dose::default() }, Progression::Steady);
    program.phases[1].prescriptions[0].exercise.library_id = "heel-drop-typo".into();
    let problems = validate_program(&program, &|id| id == "eccentric-heel-drop-straight-knee");
    assert!(problems.iter().any(|p| p.message.contains("unknown exercise id `heel-drop-typo`")), "{problems:#?}");
}

#[test]
fn bad_rules_and_phases_are_reported() {
    let mut program = program_with(
        Dose { sets: 3, reps: Some(10), ..Dose::default() },
        Progression::AddReps { add: 2, every_weeks: 0, up_to: 20 },
    );
    program.phases[0].length = PhaseLength::Weeks(0);
    let found = errors(&program);
    assert!(found.iter().any(|m| m.starts_with("phase 1, field `length`")), "{found:#?}");
    assert!(found.iter().any(|m| m.contains("every_weeks")), "{found:#?}");
    let warnings = validate_program(&program, &|_| true);
    assert!(
        warnings.iter().any(|p| p.severity == Severity::Warning && p.message.contains("stops at 15")),
        "{warnings:#?}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = errors(&program_with(
        Dose {
            sets: 0,
            reps: Some(0),
            times_per_day: 0,
            days_per_week: 9,
            load: Load::Kilograms(f32::NAN),
            ..Dose::default()
        },
        Progression::Steady,
    ));
    assert_eq!(found.len(), 5, "{found:#?}");
}

#[test]
fn phases_and_programs_longer_than_anyone_means_are_errors() {
    let mut program = program_with(Dose { sets: 3, reps: Some(15), ..Dose::default() }, Progression::Steady);
    program.phases[0].length = PhaseLength::Weeks(4_000_000_000);
    program.phases[1].length = PhaseLength::Weeks(MAX_PHASE_WEEKS);
    let found = errors(&program);
    assert_eq!(
        found,
        ["phase 1, field `length`: 4000000000 weeks is longer than a phase can be (at most 104 weeks, two years)"]
    );

    // Three phases of two years: the third takes the program past five years.
    let mut third = program.phases[1].clone();
    third.id = 99;
    third.prescriptions.clear();
    program.phases[0].length = PhaseLength::Weeks(MAX_PHASE_WEEKS);
    program.phases.push(third);
    let found = errors(&program);
    assert_eq!(
        found,
        [
            "phase 3, field `length`: the program reaches 312 weeks in this phase: a program can be at most 260 weeks (five years)"
        ]
    );
    assert!(MAX_PROGRAM_WEEKS == 260 && length_problems(&program).len() == 1);

    // The longest allowed is fine.
    program.phases.pop();
    assert_eq!(errors(&program), Vec::<String>::new());
}

#[test]
fn dose_tables_are_no_longer_than_a_phase() {
    let row = |from_week| WeekDose { from_week, sets: 3, reps: Some(10), hold_seconds: None, load: None };
    let table = Progression::ByWeek(vec![row(1), row(u32::MAX)]);
    let found = errors(&program_with(Dose { sets: 3, reps: Some(15), ..Dose::default() }, table));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("item 2, field `from_week`: week 4294967295 is past the end of any phase"), "{found:#?}");

    // The words for such a table do not overflow either (`from_week + 1` did).
    let words = stepwise::model::progression_in_words(&Progression::ByWeek(vec![row(u32::MAX), row(u32::MAX)]));
    assert!(words.contains("4294967295"), "{words}");

    let long = Progression::ByWeek((1..=200).map(row).collect());
    let found = errors(&program_with(Dose { sets: 3, reps: Some(15), ..Dose::default() }, long));
    assert!(found.iter().any(|m| m.contains("the dose table has 200 rows")), "{found:#?}");
}

#[test]
fn the_next_id_never_overflows() {
    let mut program = program_with(Dose { sets: 3, reps: Some(15), ..Dose::default() }, Progression::Steady);
    assert_eq!(program.next_id(), 31);
    program.phases[0].id = u64::MAX;
    let next = program.next_id();
    let used: Vec<u64> =
        program.prescriptions().map(|(_, p)| p.id).chain(program.phases.iter().map(|p| p.id)).collect();
    assert!(!used.contains(&next), "{next} is already used: {used:?}");
    assert_eq!(next, 1, "the smallest free id");
}

/// `stepwise check` puts a phase that is too long at its line and column, like a typo.
#[test]
fn check_reports_a_phase_too_long_at_its_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("endless.ron");
    let mut program = Program::new(Date::new(2026, 1, 5).expect("date"));
    program.phases[0].length = PhaseLength::Weeks(4_000_000_000);
    let text = stepwise::files::program_to_string(&program).expect("serialise");
    std::fs::write(&path, &text).expect("write");
    let (line, column) =
        text.lines().enumerate().find_map(|(i, l)| l.find("length:").map(|c| (i + 1, c + 1))).expect("length field");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_stepwise"))
        .arg("check")
        .arg(&path)
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .expect("run stepwise check");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!("endless.ron:{line}:{column}: phase 1, field `length`: 4000000000 weeks is longer")),
        "{stdout}"
    );
}
