//! The handout from the settings to paper or a PDF: one set of options for the window and `stepwise print`, its
//! warnings, the local date, exports without a `.pdf.bak`, and printing from a temporary file nobody can guess.

#![allow(clippy::unwrap_used)] // A test may unwrap: a panic there is a failed test with a line number.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use stepwise::files::settings::Settings;
use stepwise::handout::{PrintError, PrintOutcome};
use stepwise::model::{Date, Program};
use stepwise::printing::{self, Printer};

fn program() -> Program {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/alfredson-eccentric.ron");
    stepwise::files::load_program(&path).unwrap().program
}

fn today() -> Date {
    Date::new(2026, 12, 1).unwrap()
}

fn settings(logo: Option<PathBuf>) -> Settings {
    Settings {
        clinic_name: "Ysbyty Gwynedd Physio".into(),
        clinic_phone: "01248 384384".into(),
        logo,
        ..Settings::default()
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into())
        .collect();
    names.sort();
    names
}

#[test]
fn one_function_builds_the_options_and_says_what_it_left_out() {
    let mut program = program();
    program.clinic = String::new();
    let setup = printing::handout_options(&settings(None), &program, today());
    assert_eq!(setup.options.clinic.name, "Ysbyty Gwynedd Physio", "the settings' clinic when the program has none");
    assert_eq!(setup.options.clinic.phone, "01248 384384");
    assert_eq!(setup.options.printed_on, Some(today()));
    assert!(setup.warnings.is_empty(), "{:?}", setup.warnings);

    // The program's own clinic reaches the handout (the window used to drop it).
    program.clinic = "Bangor Running Clinic".into();
    let setup = printing::handout_options(&settings(None), &program, today());
    assert_eq!(setup.options.clinic.name, "Bangor Running Clinic");

    // A logo that cannot be read is left out with a word, not silently.
    let setup = printing::handout_options(&settings(Some("/nowhere/logo.png".into())), &program, today());
    assert_eq!(setup.options.clinic.logo, None);
    assert_eq!(setup.warnings.len(), 1, "{:?}", setup.warnings);
    assert!(setup.warnings[0].contains("/nowhere/logo.png") && setup.warnings[0].contains("without it"));
}

#[test]
fn an_export_leaves_no_backup_beside_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("anna.pdf");
    let setup = printing::handout_options(&settings(Some("/nowhere/logo.png".into())), &program(), today());
    let first = printing::export_pdf(&program(), &setup, &path).unwrap();
    let second = printing::export_pdf(&program(), &setup, &path).unwrap();
    assert!(second.page_count >= 1 && first.page_count == second.page_count);
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF"));
    assert_eq!(names_in(dir.path()), ["anna.pdf"], "no .pdf.bak, no temporary file left");
    // The setup's warnings come with the handout's.
    assert!(second.warnings.iter().any(|w| w.contains("logo")), "{:?}", second.warnings);
}

/// A printer that records what it was given.
struct FakePrinter {
    outcome: PrintOutcome,
    seen: Mutex<Vec<(PathBuf, Vec<u8>)>>,
}

impl Printer for FakePrinter {
    fn print(&self, pdf: &Path) -> Result<PrintOutcome, PrintError> {
        let bytes = std::fs::read(pdf).map_err(|source| PrintError::NoFile { path: pdf.to_owned(), source })?;
        self.seen.lock().unwrap().push((pdf.to_owned(), bytes));
        Ok(self.outcome.clone())
    }
}

#[test]
fn printing_uses_a_fresh_temporary_file_and_removes_it_once_printed() {
    let setup = printing::handout_options(&settings(None), &program(), today());
    let printer = FakePrinter {
        outcome: PrintOutcome::SentToPrinter { message: "request id is Office-12".into() },
        seen: Mutex::default(),
    };
    let first = printing::print_handout(&program(), &setup, &printer).unwrap();
    let second = printing::print_handout(&program(), &setup, &printer).unwrap();
    assert_eq!(first.outcome, printer.outcome);
    assert_eq!(first.warnings, second.warnings);
    let seen = printer.seen.lock().unwrap();
    let (a, b) = (&seen[0].0, &seen[1].0);
    assert_ne!(a, b, "a new name each time");
    for (path, bytes) in seen.iter() {
        assert!(bytes.starts_with(b"%PDF"), "the whole PDF was there while printing");
        assert!(path.starts_with(std::env::temp_dir()), "{}", path.display());
        // Not the predictable `stepwise-handout-<pid>.pdf` of before.
        assert_ne!(path.file_name().unwrap().to_string_lossy(), format!("stepwise-handout-{}.pdf", std::process::id()));
        assert!(!path.exists(), "removed once the printer had it: {}", path.display());
        assert!(!stepwise::files::backup_path(path).exists(), "no .pdf.bak in the temporary folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // While it exists, only its owner can read it (a patient's handout in a shared temporary folder).
        let viewer = FakePrinter {
            outcome: PrintOutcome::OpenedInViewer { viewer: "xdg-open".into(), why: "No printer system".into() },
            seen: Mutex::default(),
        };
        printing::print_handout(&program(), &setup, &viewer).unwrap();
        let seen = viewer.seen.lock().unwrap();
        let kept = &seen[0].0;
        assert!(kept.exists(), "the viewer still needs the file");
        assert_eq!(std::fs::metadata(kept).unwrap().permissions().mode() & 0o077, 0, "readable by its owner only");
        let _ = std::fs::remove_file(kept);
    }
}

/// `stepwise print` in a given time zone, with settings under `home`; the text of the PDF and stderr.
fn print_in(zone: &str, home: &Path, output: &Path) -> (String, String) {
    let result = Command::new(env!("CARGO_BIN_EXE_stepwise"))
        .args(["print", "programs/alfredson-eccentric.ron", "-o"])
        .arg(output)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TZ", zone)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    assert!(result.status.success(), "{stderr}");
    let text = pdf_extract::extract_text(output).unwrap();
    (text, stderr)
}

#[test]
fn the_printed_on_date_is_the_local_date_and_the_command_line_warns_like_the_window() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config").join("stepwise");
    std::fs::create_dir_all(&config).unwrap();
    settings(Some(home.path().join("missing-logo.png"))).save(&config.join("settings.ron")).unwrap();
    let output = home.path().join("handout.pdf");
    // Kiribati (UTC+14) and Baker Island (UTC-12) are always on different days: a date taken in UTC would be the
    // same in both.
    let mut printed = Vec::new();
    for (zone, hours) in [("<+14>-14", 14), ("<-12>+12", -12)] {
        let before = stepwise::clock::today_in(
            &jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(hours)),
            jiff::Timestamp::now(),
        );
        let (text, stderr) = print_in(zone, home.path(), &output);
        let after = stepwise::clock::today_in(
            &jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(hours)),
            jiff::Timestamp::now(),
        );
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            [before, after].iter().any(|day| text.contains(&format!("Printed {}", day.to_patient_text()))),
            "{zone}: expected 'Printed {}' in the handout",
            before.to_patient_text()
        );
        assert!(stderr.contains("missing-logo.png") && stderr.contains("without it"), "{stderr}");
        printed.push(before);
    }
    assert_ne!(printed[0], printed[1]);
    assert_eq!(names_in(home.path()), ["config", "handout.pdf"], "printed twice over one file, no .pdf.bak");
}

/// Found by the long fuzz run: a caution of 40,000 "ZWJ + emoji" made the PDF writer (krilla) panic slicing text at
/// byte 65535, which would close the window on Export. Now it is an error that says what to do.
#[test]
fn a_field_too_long_for_the_pdf_writer_is_an_error_not_a_crash() {
    let mut program = program();
    program.phases[0].prescriptions[0].exercise.cautions.push("\u{200d}\u{1F642}".repeat(20_000));
    let setup = printing::handout_options(&settings(None), &program, today());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.pdf");
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| printing::export_pdf(&program, &setup, &path));
    std::panic::set_hook(quiet);
    let error = result.expect("no panic").expect_err("the handout cannot be written");
    assert!(error.to_string().contains("very long text"), "{error}");
    assert!(!path.exists(), "nothing half-written");
}

/// Issue 11: a settings file from before the emergency number (version 1, no `emergency_number`) still reads,
/// with the number for the system's region, and that number is printed; saved again, it is version 2 with the
/// number in it. Checked end to end with `stepwise print` under two locales.
#[test]
fn an_older_settings_file_reads_with_the_regions_emergency_number() {
    let old = "Settings(\n    version: 1,\n    clinic_name: \"Ysbyty Gwynedd Physio\",\n    clinic_phone: \"01248 384384\",\n)\n";
    let parsed = stepwise::files::settings::settings_from_str(old, Path::new("settings.ron")).unwrap();
    assert_eq!(parsed.version, 1);
    assert_eq!(parsed.clinic_name, "Ysbyty Gwynedd Physio");
    assert_eq!(
        parsed.emergency_number,
        stepwise::model::emergency_number_from_env(|name| std::env::var(name).ok()).number,
        "this process's region"
    );
    for (locale, number) in [("en_NZ.UTF-8", "111"), ("en_AU.UTF-8", "000")] {
        let home = tempfile::tempdir().unwrap();
        let config = home.path().join("config").join("stepwise");
        std::fs::create_dir_all(&config).unwrap();
        std::fs::write(config.join("settings.ron"), old).unwrap();
        let output = home.path().join("handout.pdf");
        let result = Command::new(env!("CARGO_BIN_EXE_stepwise"))
            .args(["print", "programs/alfredson-eccentric.ron", "-o"])
            .arg(&output)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", locale)
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(result.status.success(), "{locale}: {stderr}");
        assert!(!stderr.contains("emergency number"), "{locale}: the region's number is no mistake: {stderr}");
        let text = pdf_extract::extract_text(&output).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&format!("Call {number} at once if you have")), "{locale}: {number} not printed");
        assert!(text.contains("Ysbyty Gwynedd Physio"), "{locale}: the rest of the old file is read");
        assert_eq!(std::fs::read_to_string(config.join("settings.ron")).unwrap(), old, "printing writes nothing");
    }
    // Saved again, it is this version's file, number included.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.ron");
    parsed.save(&path).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains(&format!("version: {}", stepwise::files::settings::SETTINGS_VERSION)), "{saved}");
    assert!(saved.contains(&format!("emergency_number: \"{}\"", parsed.emergency_number)), "{saved}");
    assert_eq!(Settings::load(&path).unwrap().emergency_number, parsed.emergency_number);
}
