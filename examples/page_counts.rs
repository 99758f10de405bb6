//! Prints how many pages each shipped program's handout takes, in every layout and scope, normal and large print,
//! on A4, as a Markdown table: `cargo run --release --locked --example page_counts`.
//!
//! The handouts are made as `tests/handout.rs` makes them (the same clinic with a phone number, "Test Patient"
//! where a program names no patient, printed on 24 Nov 2026), so the table and the page-budget tests agree.
//! "Current stage" is the program's current stage (the first: no shipped program sets another); "summary per
//! stage" prints each stage alone, as a therapist hands out the fridge sheet stage by stage.

use std::path::Path;
use std::process::ExitCode;

use stepwise::handout::{self, ClinicDetails, HandoutOptions, Paper};
use stepwise::model::{HandoutChoice, HandoutLayout, HandoutScope, Program};

fn options(large_print: bool) -> HandoutOptions {
    HandoutOptions {
        paper: Paper::A4,
        large_print,
        clinic: ClinicDetails {
            name: "Riverside Physiotherapy".into(),
            address: "12 High Street, Bangor LL57 1AA".into(),
            phone: "01248 555 0123".into(),
            email: "hello@riverside-physio.example".into(),
            logo: None,
            ..ClinicDetails::default()
        },
        printed_on: stepwise::model::Date::new(2026, 11, 24),
    }
}

fn pages(program: &Program, scope: HandoutScope, layout: HandoutLayout, large_print: bool) -> Result<usize, String> {
    let mut program = program.clone();
    program.handout = HandoutChoice { scope, layout };
    handout::compile(&program, &options(large_print))
        .map(|handout| handout.page_count)
        .map_err(|error| format!("{}: {error}", program.title))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    println!(
        "| program | stages | print | detailed current | detailed whole | compact current | compact whole | \
         summary current | summary whole | summary per stage |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (stem, bytes) in stepwise::assets::PROGRAM_FILES {
        let text = String::from_utf8_lossy(bytes);
        let mut program = stepwise::files::program_from_str(&text, Path::new(&format!("programs/{stem}.ron")))
            .map_err(|error| format!("programs/{stem}.ron: {error}"))?
            .program;
        if program.patient.name.trim().is_empty() {
            "Test Patient".clone_into(&mut program.patient.name);
        }
        for large_print in [false, true] {
            let mut row = vec![
                (*stem).to_owned(),
                program.phases.len().to_string(),
                if large_print { "large" } else { "normal" }.to_owned(),
            ];
            for layout in HandoutLayout::ALL {
                for scope in [HandoutScope::CurrentStage, HandoutScope::Whole] {
                    row.push(pages(&program, scope, layout, large_print)?.to_string());
                }
            }
            let per_stage = program
                .phases
                .iter()
                .map(|phase| {
                    pages(&program, HandoutScope::Stages(vec![phase.id]), HandoutLayout::Summary, large_print)
                        .map(|count| count.to_string())
                })
                .collect::<Result<Vec<_>, _>>()?;
            row.push(per_stage.join(","));
            println!("| {} |", row.join(" | "));
        }
    }
    Ok(())
}
