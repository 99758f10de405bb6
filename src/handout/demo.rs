//! A demonstration program: what a typical Achilles program looks like in print. Used by the clinic-settings
//! preview ("how will our handouts look?"), `examples/print_handout.rs`, the benches and the tests, so all of
//! them exercise the same realistic amount of text.

use crate::model::{
    BodyRegion, Date, Dose, ExerciseCopy, ExerciseKind, Load, MeasurableCriterion, Patient, Phase, PhaseLength,
    Prescription, Program, Progression, Side,
};

/// One entry of the demo's exercise list.
struct DemoExercise {
    illustration: &'static str,
    name: &'static str,
    kind: ExerciseKind,
    goal: &'static str,
    steps: &'static [&'static str],
    cues: &'static [&'static str],
    dose: fn() -> Dose,
    progression: fn() -> Progression,
}

const STEADY: fn() -> Progression = || Progression::Steady;

const EXERCISES: [DemoExercise; 14] = [
    DemoExercise {
        illustration: "ankle-pumps",
        name: "Ankle pumps",
        kind: ExerciseKind::Mobility,
        goal: "Keeps the blood moving and the ankle supple.",
        steps: &[
            "Sit or lie with your leg straight.",
            "Point your toes away from you, then pull them back towards you.",
        ],
        cues: &["Move slowly, as far as is comfortable."],
        dose: || Dose { sets: 1, reps: Some(20), times_per_day: 3, ..Dose::default() },
        progression: STEADY,
    },
    DemoExercise {
        illustration: "heel-raise-double-leg-floor",
        name: "Heel raise on both legs",
        kind: ExerciseKind::Strength,
        goal: "Builds strength in both calves.",
        steps: &[
            "Stand facing a wall or worktop, fingertips resting on it for balance.",
            "Rise up onto your toes, as high as you can.",
            "Lower your heels slowly back to the floor, counting to three.",
        ],
        cues: &["Keep your knees straight.", "Push up through your big toe."],
        dose: || Dose { sets: 3, reps: Some(15), ..Dose::default() },
        progression: || Progression::AddReps { add: 2, every_weeks: 1, up_to: 20 },
    },
    DemoExercise {
        illustration: "heel-raise-seated",
        name: "Seated heel raise",
        kind: ExerciseKind::Strength,
        goal: "Works the deep calf muscle (soleus) with the knee bent.",
        steps: &[
            "Sit on a chair with your feet flat on the floor.",
            "Lift both heels as high as you can.",
            "Lower slowly.",
        ],
        cues: &["A bag of shopping on your knees makes it harder when it gets easy."],
        dose: || Dose { sets: 3, reps: Some(15), ..Dose::default() },
        progression: STEADY,
    },
    DemoExercise {
        illustration: "gastrocnemius-stretch-wall",
        name: "Calf stretch against a wall",
        kind: ExerciseKind::Stretch,
        goal: "Eases a tight calf.",
        steps: &[
            "Stand facing a wall, hands on the wall at shoulder height.",
            "Step the leg to be stretched back, heel down, knee straight.",
            "Bend the front knee until you feel a stretch in the back calf.",
        ],
        cues: &["Keep the back heel on the floor.", "A stretch, not pain."],
        dose: || Dose { sets: 3, reps: None, hold_seconds: Some(30), side: Side::EachSide, ..Dose::default() },
        progression: STEADY,
    },
    DemoExercise {
        illustration: "heel-raise-single-leg-floor",
        name: "Heel raise on one leg",
        kind: ExerciseKind::Strength,
        goal: "Builds strength in the painful leg.",
        steps: &[
            "Stand on the painful leg, the other foot lifted behind you.",
            "Rise up onto your toes.",
            "Lower slowly, counting to three.",
        ],
        cues: &["Use a wall for balance, not for lifting."],
        dose: || Dose { sets: 3, reps: Some(10), side: Side::Affected, ..Dose::default() },
        progression: || Progression::AddReps { add: 2, every_weeks: 1, up_to: 15 },
    },
    DemoExercise {
        illustration: "eccentric-heel-drop-straight-knee",
        name: "Heel drop off a step, knee straight",
        kind: ExerciseKind::Strength,
        goal: "The lowering exercise that helps an Achilles tendon recover.",
        steps: &[
            "Stand on the edge of a step on the balls of both feet, holding the rail.",
            "Rise up on both feet.",
            "Take the good foot off the step and lower the painful heel slowly below the step.",
            "Put the good foot back down to rise up again.",
        ],
        cues: &["Lower over three seconds.", "Some discomfort is fine (amber on the pain scale)."],
        dose: || Dose { sets: 3, reps: Some(15), side: Side::Affected, times_per_day: 2, ..Dose::default() },
        progression: || {
            Progression::ByResponse("When it is no longer painful, add weight in a backpack, 5 kg at a time".into())
        },
    },
    DemoExercise {
        illustration: "eccentric-heel-drop-bent-knee",
        name: "Heel drop off a step, knee bent",
        kind: ExerciseKind::Strength,
        goal: "The same lowering exercise for the deep calf muscle.",
        steps: &["As the heel drop with the knee straight, but keep the painful knee slightly bent throughout."],
        cues: &["Keep the knee bent the same amount all the way down."],
        dose: || Dose { sets: 3, reps: Some(15), side: Side::Affected, times_per_day: 2, ..Dose::default() },
        progression: STEADY,
    },
    DemoExercise {
        illustration: "heel-raise-double-leg-step",
        name: "Heel raise on a step",
        kind: ExerciseKind::Strength,
        goal: "Strength through the whole range of the ankle.",
        steps: &["Stand on the edge of a step, heels off the edge.", "Rise up high.", "Lower below the step."],
        cues: &["Hold the rail."],
        dose: || Dose { sets: 3, reps: Some(15), ..Dose::default() },
        progression: STEADY,
    },
    DemoExercise {
        illustration: "knee-to-wall-dorsiflexion",
        name: "Knee to wall",
        kind: ExerciseKind::Mobility,
        goal: "Frees up the ankle bending forwards.",
        steps: &["Face a wall, one foot a hand's width away.", "Bend the knee to touch the wall, heel down."],
        cues: &["Move the foot back a little when it gets easy."],
        dose: || Dose { sets: 2, reps: Some(10), side: Side::EachSide, ..Dose::default() },
        progression: STEADY,
    },
    DemoExercise {
        illustration: "glute-bridge",
        name: "Bridge",
        kind: ExerciseKind::Strength,
        goal: "Strong hips take load off the calf when you walk and run.",
        steps: &[
            "Lie on your back, knees bent, feet flat.",
            "Lift your hips until your body is in a line.",
            "Lower slowly.",
        ],
        cues: &["Squeeze your buttocks at the top."],
        dose: || Dose { sets: 3, reps: Some(12), days_per_week: 3, ..Dose::default() },
        progression: STEADY,
    },
    DemoExercise {
        illustration: "foam-roll-calf",
        name: "Foam roller for the calf",
        kind: ExerciseKind::SoftTissue,
        goal: "Eases tightness after exercise.",
        steps: &["Sit with the roller under your calf.", "Lift your hips and roll slowly from ankle to knee."],
        cues: &["Pause on tender spots, but not on the Achilles tendon itself."],
        dose: || Dose { sets: 1, reps: None, duration_seconds: Some(60), side: Side::EachSide, ..Dose::default() },
        progression: STEADY,
    },
    DemoExercise {
        illustration: "heel-raise-single-leg-weighted",
        name: "Heel raise on one leg with weight",
        kind: ExerciseKind::Strength,
        goal: "Heavier loading as the tendon gets stronger.",
        steps: &["Wear a backpack with the weight in it.", "Rise up on the painful leg on a step.", "Lower slowly."],
        cues: &["Add weight only when all the reps are easy."],
        dose: || Dose {
            sets: 3,
            reps: Some(10),
            load: Load::Kilograms(5.0),
            side: Side::Affected,
            days_per_week: 3,
            ..Dose::default()
        },
        progression: || Progression::AddLoad { add_kg: 2.5, every_weeks: 1, up_to_kg: 20.0 },
    },
    DemoExercise {
        illustration: "pogo-hops",
        name: "Quick hops on the spot",
        kind: ExerciseKind::ReturnToRun,
        goal: "Gets the tendon ready for running and jumping again.",
        steps: &["Stand on both feet.", "Bounce lightly on your toes, heels just off the floor."],
        cues: &["Quiet, springy landings."],
        dose: || Dose { sets: 3, reps: Some(20), days_per_week: 3, ..Dose::default() },
        progression: STEADY,
    },
    DemoExercise {
        illustration: "walk-run-intervals",
        name: "Walk-run",
        kind: ExerciseKind::ReturnToRun,
        goal: "Back to running, a little at a time.",
        steps: &["Walk 5 minutes to warm up.", "Run 1 minute, walk 1 minute, ten times.", "Walk 5 minutes to finish."],
        cues: &["Run at a pace you could talk at."],
        dose: || Dose { sets: 1, reps: None, duration_seconds: Some(30 * 60), days_per_week: 3, ..Dose::default() },
        progression: STEADY,
    },
];

/// A program with `exercise_count` exercises (at most 14) spread over three stages: "Settle" (2 weeks),
/// "Build strength" (4 weeks) and "Back to sport" (until the criteria are met). The patient and clinic are
/// fictional.
#[must_use]
pub fn demo_program(exercise_count: usize) -> Program {
    let start = Date::new(2026, 11, 24).unwrap_or_else(|| Date::from_days(0));
    let mut program = Program::new(start);
    program.title = "Achilles tendon: loading program".into();
    program.patient = Patient {
        name: "Siân Davies".to_owned(),
        date_of_birth_or_reference: "Ref. 20417".to_owned(),
        condition: "Right mid-portion Achilles tendinopathy".to_owned(),
        side: Side::Right,
    };
    program.therapist = "Dafydd Owen, physiotherapist".into();
    program.goals =
        vec!["Walk the dog for 30 minutes without pain".to_owned(), "Back to parkrun by the spring".to_owned()];
    program.notes = "Do the exercises even on days the tendon feels fine: it gets stronger slowly.".into();

    let count = exercise_count.min(EXERCISES.len());
    let split = [count.div_ceil(3), count.div_ceil(3) * 2, count];
    let mut settle = Phase::new(1, "Settle");
    settle.goal = "Calm the pain down and keep the calf working.".into();
    settle.length = PhaseLength::Weeks(2);
    settle.criteria = "Walking is comfortable\nMorning stiffness lasts less than 10 minutes".into();
    let mut build = Phase::new(2, "Build strength");
    build.goal = "Make the tendon stronger, step by step.".into();
    build.length = PhaseLength::Weeks(4);
    build.measurable_criteria = vec![MeasurableCriterion {
        test: "Heel raises on the painful leg".to_owned(),
        target: 25.0,
        unit: "in a row".to_owned(),
    }];
    let mut sport = Phase::new(3, "Back to sport");
    sport.goal = "Spring and speed for running.".into();
    sport.length = PhaseLength::UntilCriteriaMet;
    sport.criteria = "10 hops on the painful leg without pain".into();

    let mut next_id = 10;
    for (index, exercise) in EXERCISES.iter().take(count).enumerate() {
        let phase = if index < split[0] {
            &mut settle
        } else if index < split[1] {
            &mut build
        } else {
            &mut sport
        };
        phase.prescriptions.push(prescription(next_id, exercise));
        next_id += 1;
    }
    // The stretch carries on into the second stage: the handout prints it once and refers back to it.
    if let Some(stretch) = settle.prescriptions.iter().find(|p| p.exercise.kind == ExerciseKind::Stretch).cloned() {
        build.prescriptions.push(Prescription { id: next_id, ..stretch });
    }
    program.phases = vec![settle, build, sport];
    program
}

fn prescription(id: u64, exercise: &DemoExercise) -> Prescription {
    let lines = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    Prescription {
        id,
        exercise: ExerciseCopy {
            library_id: exercise.illustration.to_owned(),
            name: exercise.name.to_owned(),
            kind: exercise.kind,
            region: BodyRegion::Calf,
            goal: exercise.goal.to_owned(),
            steps: lines(exercise.steps),
            short_steps: Vec::new(),
            cues: lines(exercise.cues),
            common_mistakes: Vec::new(),
            cautions: Vec::new(),
            safe_range: crate::model::DoseRange::default(),
            illustration: exercise.illustration.to_owned(),
            references: Vec::new(),
        },
        dose: (exercise.dose)(),
        progression: (exercise.progression)(),
    }
}
