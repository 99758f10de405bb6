//! Handout speed: the first compile after start-up (fonts parsed, caches cold), a warm 12-exercise compile to
//! PDF in the compact and the detailed layout, a recompile after an edit (what the live preview does), rendering
//! the preview, and memory over 100 compiles (the caches must be evicted, or a long editing session keeps every
//! old layout). Issue 12's targets, release build: compact 12 exercises warm and after an edit at most 15 ms,
//! the first compile after start-up at most 60 ms.
//!
//! `cargo bench --bench handout`. The one-off figures are printed before criterion's.

use std::hint::black_box;
use std::time::Instant;

use criterion::Criterion;
use stepwise::handout::{self, ClinicDetails, HandoutOptions};
use stepwise::model::{Date, HandoutLayout, HandoutScope, Program};

fn options() -> HandoutOptions {
    HandoutOptions {
        clinic: ClinicDetails {
            name: "Riverside Physiotherapy".into(),
            address: "12 High Street, Bangor LL57 1AA".into(),
            phone: "01248 555 0123".into(),
            email: "hello@riverside-physio.example".into(),
            logo: None,
            ..ClinicDetails::default()
        },
        printed_on: Date::new(2026, 11, 24),
        ..HandoutOptions::default()
    }
}

/// Resident memory in MiB, from /proc (Linux); `None` elsewhere.
fn resident_mib() -> Option<f64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: f64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096.0 / (1024.0 * 1024.0))
}

/// The 12-exercise demonstration program, every stage, in this layout.
fn program(layout: HandoutLayout) -> Program {
    let mut program = handout::demo_program(12);
    program.handout.scope = HandoutScope::Whole;
    program.handout.layout = layout;
    program
}

fn one_off_figures() {
    let program = program(HandoutLayout::Compact);
    let started = Instant::now();
    let first = handout::compile(&program, &options());
    let elapsed = started.elapsed();
    match first {
        Ok(h) => println!(
            "handout/first compile after start-up (compact, 12 exercises, {} pages): {elapsed:.1?}",
            h.page_count
        ),
        Err(e) => println!("handout/first compile failed: {e}"),
    }

    // Memory: compile 100 different versions (a patient name typed letter by letter), as an editing session does.
    let mut edited = program.clone();
    let mut after_ten = None;
    for i in 0..100 {
        edited.patient.name = format!("Siân Davies {i}");
        let _ = black_box(handout::compile(&edited, &options()));
        if i == 9 {
            after_ten = resident_mib();
        }
    }
    if let (Some(ten), Some(hundred)) = (after_ten, resident_mib()) {
        println!("handout/resident memory: {ten:.0} MiB after 10 compiles, {hundred:.0} MiB after 100");
    }
}

fn benches(c: &mut Criterion) {
    let options = options();
    let detailed = program(HandoutLayout::Detailed);
    c.bench_function("handout/compile + PDF, detailed, 12 exercises, warm", |b| {
        b.iter(|| handout::compile(black_box(&detailed), black_box(&options)));
    });
    let program = program(HandoutLayout::Compact);
    c.bench_function("handout/compile + PDF, compact, 12 exercises, warm", |b| {
        b.iter(|| handout::compile(black_box(&program), black_box(&options)));
    });

    let mut edited = program.clone();
    let mut keystroke = 0_u32;
    c.bench_function("handout/compile + PDF, compact, after an edit", |b| {
        b.iter(|| {
            keystroke += 1;
            edited.phases[0].prescriptions[0].dose.reps = Some(10 + keystroke % 10);
            handout::compile(black_box(&edited), black_box(&options))
        });
    });

    c.bench_function("handout/preview, compact, all pages at 1 px/pt, no PDF", |b| {
        b.iter(|| handout::render_pages(black_box(&program), black_box(&options), 1.0));
    });
}

fn main() {
    one_off_figures();
    let mut criterion = Criterion::default().sample_size(20).configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
}
