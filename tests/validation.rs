//! Validation finds every kind of bad dose and says where it is; nothing is clamped or dropped.

use stepwise::model::{
    BodyRegion, Bounds, Date, Dose, DoseRange, ExerciseCopy, ExerciseKind, Load, Phase, PhaseLength, Prescription,
    Program, Progression, Severity, validate_program,
};

fn heel_drop() -> ExerciseCopy {
    ExerciseCopy {
        library_id: "eccentric-heel-drop-straight-knee".into(),
        name: "Eccentric heel drop".into(),
        kind: ExerciseKind::Strength,
        region: BodyRegion::Achilles,
        goal: String::new(),
        steps: vec!["Lower slowly".into()],
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
