//! Writes a handout PDF to look at: `cargo run --example print_handout -- [PROGRAM.ron] [-o OUT.pdf]
//! [--letter] [--large-print] [--logo LOGO.png] [--exercises N] [--patient NAME] [--print]`.
//!
//! Without a program file it prints the demonstration program (`handout::demo_program`). Then
//! `pdftoppm -png -r 60 OUT.pdf /tmp/page` turns the pages into pictures.

use std::path::PathBuf;
use std::process::ExitCode;

use stepwise::handout::{self, ClinicDetails, HandoutOptions, Paper};

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
    let mut program_path = None;
    let mut out = PathBuf::from("handout.pdf");
    let mut options = HandoutOptions {
        clinic: ClinicDetails {
            name: "Riverside Physiotherapy".to_owned(),
            address: "12 High Street, Bangor LL57 1AA".to_owned(),
            phone: "01248 555 0123".to_owned(),
            email: "hello@riverside-physio.example".to_owned(),
            logo: None,
            ..ClinicDetails::default()
        },
        ..HandoutOptions::default()
    };
    let mut exercises = 12;
    let mut send_to_printer = false;
    let mut patient = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" => out = args.next().ok_or("-o needs a file name")?.into(),
            "--letter" => options.paper = Paper::Letter,
            "--large-print" => options.large_print = true,
            "--print" => send_to_printer = true,
            "--logo" => {
                let path = args.next().ok_or("--logo needs a file")?;
                options.clinic.logo = Some(std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?);
            }
            "--patient" => patient = Some(args.next().ok_or("--patient needs a name")?),
            "--exercises" => {
                exercises = args.next().and_then(|n| n.parse().ok()).ok_or("--exercises needs a number")?;
            }
            path => program_path = Some(PathBuf::from(path)),
        }
    }
    let mut program = match program_path {
        Some(path) => stepwise::files::load_program(&path).map_err(|e| e.to_string())?.program,
        None => handout::demo_program(exercises),
    };
    if let Some(name) = patient {
        program.patient.name = name;
    }
    let started = std::time::Instant::now();
    let handout = handout::compile(&program, &options).map_err(|e| e.to_string())?;
    for warning in &handout.warnings {
        eprintln!("warning: {warning}");
    }
    std::fs::write(&out, &handout.pdf).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("{}: {} pages in {:.0?}", out.display(), handout.page_count, started.elapsed());
    if send_to_printer {
        println!("{}", handout::print(&out).map_err(|e| e.to_string())?);
    }
    Ok(())
}
