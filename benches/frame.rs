//! How long one frame of the whole planner window takes with a 40-prescription program (goal: 1 ms median),
//! and how long the app takes from creation to its first frame (goal: 300 ms). Headless through `egui_kittest`, so
//! it measures our UI code and egui's layout, not the GPU.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use stepwise::files::settings::Locations;
use stepwise::library::Library;
use stepwise::model::{Date, Phase, Prescription, Program};
use stepwise::ui::{AppEnvironment, ScriptedDialogs, StepwiseApp};

fn environment(dir: &std::path::Path) -> AppEnvironment {
    let mut environment = AppEnvironment::new(Locations::under(dir), Box::new(ScriptedDialogs::new()));
    environment.today = Date::new(2026, 11, 24).unwrap_or_else(|| Date::from_days(0));
    environment.live_preview = false;
    environment.autosave_delay = Duration::from_secs(3600);
    environment
}

/// Four phases of ten prescriptions, drawn from the built-in library.
fn program_of_40(library: &Library) -> Program {
    let mut program = Program::new(Date::new(2026, 11, 24).unwrap_or_else(|| Date::from_days(0)));
    "Anna Jones".clone_into(&mut program.patient.name);
    program.phases.clear();
    let entries = library.entries();
    let mut next_id = 1;
    for phase_number in 1..=4 {
        let mut phase = Phase::new(next_id, &format!("Phase {phase_number}"));
        next_id += 1;
        for i in 0..10 {
            let Some(entry) = entries.get((phase_number * 10 + i) % entries.len().max(1)) else { break };
            let id = next_id;
            next_id += 1;
            phase.prescriptions.push(Prescription {
                id,
                exercise: entry.exercise.to_copy(),
                dose: entry.exercise.default_dose.clone(),
                progression: stepwise::model::Progression::default(),
            });
        }
        program.phases.push(phase);
    }
    program
}

fn frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let env = environment(dir.path());
    let mut harness = Harness::builder().with_size([1400.0, 900.0]).build_eframe(|cc| StepwiseApp::new(cc, env));
    let program = program_of_40(&harness.state().library);
    assert_eq!(program.prescriptions().count(), 40);
    harness.state_mut().replace_program(program);
    // Select a card so the full editor of one prescription is on screen too.
    let first = harness.state().document.program.phases[0].prescriptions[0].id;
    harness.state_mut().selection.prescription = Some(first);
    for _ in 0..5 {
        harness.step();
    }
    c.bench_function("frame with 40 prescriptions", |b| {
        b.iter(|| {
            harness.step();
            black_box(&harness);
        });
    });
}

fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("create the app and draw the first frame", |b| {
        b.iter(|| {
            let env = environment(dir.path());
            let mut harness =
                Harness::builder().with_size([1400.0, 900.0]).build_eframe(|cc| StepwiseApp::new(cc, env));
            harness.step();
            black_box(&harness);
        });
    });
    group.finish();
}

criterion_group!(benches, frame, startup);
criterion_main!(benches);
