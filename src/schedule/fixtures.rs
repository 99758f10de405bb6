//! Programs and prescriptions for the schedule's unit tests, and proptest strategies for any program.

#![allow(clippy::unwrap_used)] // A test may unwrap: a panic there is a failed test with a line number.

use proptest::prelude::*;

use crate::model::{
    BodyRegion, Bounds, Date, Dose, DoseRange, ExerciseCopy, ExerciseKind, Load, Phase, PhaseLength, Prescription,
    Program, Progression, WeekDose,
};

pub(super) fn copy(range: DoseRange) -> ExerciseCopy {
    ExerciseCopy {
        library_id: "heel-raise-double-leg-floor".into(),
        name: "Heel raise".into(),
        kind: ExerciseKind::Strength,
        region: BodyRegion::Calf,
        goal: String::new(),
        steps: vec!["Rise up".into()],
        short_steps: Vec::new(),
        cues: Vec::new(),
        common_mistakes: Vec::new(),
        cautions: Vec::new(),
        safe_range: range,
        illustration: "heel-raise-double-leg-floor".into(),
        references: Vec::new(),
    }
}

pub(super) fn prescription(id: u64, dose: Dose, progression: Progression, range: DoseRange) -> Prescription {
    Prescription { id, exercise: copy(range), dose, progression }
}

pub(super) fn start() -> Date {
    Date::new(2026, 3, 4).unwrap()
}

pub(super) fn program(phases: Vec<Phase>) -> Program {
    Program { phases, ..Program::new(start()) }
}

pub(super) fn phase(id: u64, length: PhaseLength, prescriptions: Vec<Prescription>) -> Phase {
    Phase { length, prescriptions, ..Phase::new(id, &format!("Phase {id}")) }
}

pub(super) fn reps_range(min: u32, max: u32) -> DoseRange {
    DoseRange { reps: Some(Bounds::new(min, max)), ..DoseRange::default() }
}

pub(super) fn bounds(low: u32, high: u32) -> impl Strategy<Value = Bounds<u32>> {
    (low..=high, 0..=high).prop_map(|(min, extra)| Bounds::new(min, min + extra))
}

/// A prescription whose starting dose is inside its safe range, with any rule (tables may stray outside).
pub(super) fn any_prescription() -> impl Strategy<Value = Prescription> {
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
                        WeekDose { from_week, sets, reps, hold_seconds: hold, load: Some(Load::Kilograms(kg as f32)) }
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

pub(super) fn any_program() -> impl Strategy<Value = Program> {
    let length = prop_oneof![(0..16_u32).prop_map(PhaseLength::Weeks), Just(PhaseLength::UntilCriteriaMet)];
    let phase = (length, prop::collection::vec(any_prescription(), 0..4)).prop_map(|(length, prescriptions)| Phase {
        length,
        prescriptions,
        ..Phase::new(1, "Phase")
    });
    (-3000..3000_i64, prop::collection::vec(phase, 0..5))
        .prop_map(|(offset, phases)| Program { phases, ..Program::new(Date::from_days(20_500 + offset)) })
}

pub(super) fn inside<T: PartialOrd + Copy>(value: T, bounds: Option<Bounds<T>>) -> bool {
    bounds.is_none_or(|b| b.contains(value))
}
