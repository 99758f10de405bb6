//! The command line: `check` reports `FILE:LINE:COLUMN` problems and exit codes; `--help` and `--version` work.

use std::path::Path;
use std::process::Command;

fn stepwise() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stepwise"));
    // Keep the user's own library and settings out of the tests.
    let home = std::env::temp_dir().join("stepwise-cli-test-home");
    command.env("HOME", &home).env("XDG_DATA_HOME", home.join("data")).env("XDG_CONFIG_HOME", home.join("config"));
    command
}

fn run(command: &mut Command) -> (i32, String, String) {
    let output = command.output().expect("run stepwise");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn help_and_version_speak_plainly() {
    let (code, out, _) = run(stepwise().arg("--help"));
    assert_eq!(code, 0);
    for word in ["check", "library", "schedule", "print", "handout"] {
        assert!(out.contains(word), "--help mentions {word}: {out}");
    }
}

#[test]
fn version_names_the_build() {
    let (code, out, _) = run(stepwise().arg("--version"));
    assert_eq!(code, 0);
    let out = out.trim();
    let rest = out.strip_prefix(&format!("stepwise {} (", env!("CARGO_PKG_VERSION"))).unwrap_or_default();
    assert!(rest.ends_with(')'), "`stepwise VERSION (build)`: {out}");
    // Built in a git checkout (as here and in CI): the commit HEAD had when the test binary was built.
    let head = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    match head {
        Some(head) if std::env::var("STEPWISE_COMMIT").is_err() => {
            assert!(rest.starts_with(&format!("commit {head}, ")), "built at {head}: {out}");
        }
        _ => assert!(rest.starts_with("commit "), "{out}"),
    }
}

#[test]
fn library_search_on_the_command_line_knows_heel_raise_synonyms() {
    for query in ["toe raise", "calf raise", "tip-toe"] {
        let (code, out, _) = run(stepwise().args(["library", query]));
        assert_eq!(code, 0);
        // The old "Toe raise" (front of the foot, renamed the forefoot lift by issue 11) may still come first.
        let mut lines = out.lines().skip_while(|line| query == "toe raise" && line.starts_with("toe-raise\t"));
        let first = lines.next().unwrap_or_default();
        assert!(
            first.starts_with("heel-raise") && first.to_lowercase().contains("heel raise"),
            "{query:?} lists first: {first}"
        );
    }
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

const PROGRAM: &str = r#"Program(
    version: 1,
    title: "Test",
    start_date: "2026-11-24",
    phases: [
        Phase(
            id: 1,
            name: "Load",
            length: Weeks(2),
            prescriptions: [
                Prescription(
                    id: 2,
                    exercise: ExerciseCopy(
                        library_id: "not-in-any-library",
                        name: "Heel drop",
                        kind: Strength,
                        region: Achilles,
                        steps: ["Lower slowly."],
                        illustration: "none",
                        safe_range: DoseRange(sets: Some(Bounds(min: 1, max: 3))),
                    ),
                    dose: Dose(sets: 0, reps: Some(15)),
                ),
            ],
        ),
    ],
)
"#;

#[test]
fn check_prints_file_line_column_for_each_problem_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad_dose = write(dir.path(), "dose.ron", PROGRAM);
    let typo = write(dir.path(), "typo.ron", &PROGRAM.replace("length:", "lenght:"));
    let newer = write(
        dir.path(),
        "newer.ron",
        &PROGRAM.replace("version: 1", "version: 9").replace("title:", "theme: 1, title:"),
    );
    let (code, out, err) = run(stepwise().arg("check").arg(&bad_dose).arg(&typo).arg(&newer));
    assert_eq!(code, 1, "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines.iter().any(|l| l.starts_with(&format!("{}:22:32: ", bad_dose.display())) && l.contains("0 sets")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{}:14:25: ", bad_dose.display())) && l.contains("not-in-any-library")),
        "{out}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with(&format!("{}:9:13: ", typo.display())) && l.contains("lenght")),
        "{out}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with(&format!("{}:", newer.display())) && l.contains("newer Stepwise")),
        "{out}"
    );
}

#[test]
fn check_passes_a_good_file_with_a_summary() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = write(
        dir.path(),
        "good.ron",
        &PROGRAM.replace("sets: 0", "sets: 3").replace("not-in-any-library", "eccentric-heel-drop-straight-knee"),
    );
    let (code, out, err) = run(stepwise().arg("check").arg(&good));
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.trim().lines().last(), Some("1 file checked: no problems"), "{out}");
}

#[test]
fn check_reports_a_duplicate_id_in_a_library_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exercise = |id: &str| {
        format!(
            r#"        Exercise(
            id: "{id}", name: "N", region: Calf, kind: Stretch, goal: "g", steps: ["s"], cues: ["c"],
            common_mistakes: ["m"], cautions: ["c"], references: ["acsm2021"], illustration: "{id}",
            default_dose: Dose(sets: 1, reps: Some(3), hold_seconds: Some(30)),
            safe_range: DoseRange(sources: ["acsm2021"]),
        ),
"#
        )
    };
    let text = format!(
        "ExerciseLibrary(\n    version: 1,\n    exercises: [\n{}{}    ],\n)\n",
        exercise("my-stretch"),
        exercise("my-stretch")
    );
    let file = write(dir.path(), "clinic.ron", &text);
    let (code, out, err) = run(stepwise().arg("check").arg(&file));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains(&format!("{0}:11:13: the id `my-stretch` is already used at {0}:5:13", file.display())),
        "{out}"
    );
    assert_eq!(out.lines().filter(|l| l.contains("my-stretch")).count(), 1, "reported once: {out}");
}

#[test]
fn output_cut_short_by_the_reader_ends_quietly() {
    // `stepwise schedule programs/*.ron | head`: the reader leaves early; no panic, no error message.
    let programs: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/programs"))
        .expect("programs folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    let mut child = stepwise()
        .arg("schedule")
        .args(&programs)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take()); // the reader goes away before the first line
    let output = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

#[test]
fn print_chooses_stages_and_layout_and_names_the_choices_when_wrong() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/calf-strain-return-to-run.ron");
    let pdf = dir.path().join("stage.pdf");
    let (code, out, err) =
        run(stepwise().arg("print").arg(&program).arg("-o").arg(&pdf).args(["--stage", "2", "--layout", "compact"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(std::fs::read(&pdf).is_ok_and(|bytes| bytes.starts_with(b"%PDF")), "{err}");

    let (code, _, err) = run(stepwise().arg("print").arg(&program).arg("-o").arg(&pdf).args(["--stage", "99"]));
    assert_eq!(code, 1);
    assert!(err.contains("there is no stage 99: the program has stages 1 to"), "{err}");
    assert!(err.contains("1: "), "the stages are named: {err}");

    let (code, _, err) = run(stepwise().arg("print").arg(&program).arg("-o").arg(&pdf).args(["--layout", "tiny"]));
    assert_ne!(code, 0);
    for choice in ["detailed", "compact", "summary"] {
        assert!(err.contains(choice), "the layouts are named: {err}");
    }
    let (code, _, err) =
        run(stepwise().arg("print").arg(&program).arg("-o").arg(&pdf).args(["--whole", "--stage", "1"]));
    assert_ne!(code, 0, "--whole and --stage together: {err}");
}

/// Without --stage or --whole, `stepwise print` hands over the stage the patient is in now, even when the window
/// last chose the whole program for this file.
#[test]
fn print_without_a_stage_prints_the_current_stage_whatever_the_window_chose() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/calf-strain-return-to-run.ron");
    let mut program = stepwise::files::load_program(&shipped).expect("shipped program").program;
    program.current_stage = Some(program.phases[1].id);
    program.handout.scope = stepwise::model::HandoutScope::Whole;
    let file = dir.path().join("patient.ron");
    stepwise::files::save_program(&file, &program).expect("saved");
    let pages = |args: &[&str]| {
        let pdf = dir.path().join("out.pdf");
        let (code, out, err) = run(stepwise().arg("print").arg(&file).arg("-o").arg(&pdf).args(args));
        assert_eq!(code, 0, "{out}{err}");
        err.split('(').nth(1).and_then(|rest| rest.split(' ').next()).and_then(|n| n.parse::<usize>().ok())
    };
    let default = pages(&[]);
    assert!(default.is_some(), "the page count is reported");
    assert_eq!(default, pages(&["--stage", "2"]), "the current stage, stage 2");
    assert!(pages(&["--whole"]) > default, "the whole program is longer");
}

/// `stepwise print` of a program longer than anyone could mean (a phase over 104 weeks, a program over 260)
/// refuses as `stepwise schedule` does, with the same `FILE:LINE:COLUMN` message, at once: before, it typeset a
/// handout of the clamped 260 weeks. Both within a second.
#[test]
fn print_refuses_a_program_beyond_the_bounds_as_schedule_does() {
    use std::time::{Duration, Instant};
    use stepwise::model::{Date, Phase, PhaseLength, Program};
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut endless = Program::new(Date::new(2026, 3, 2).expect("a date"));
    endless.phases[0].length = PhaseLength::Weeks(4_000_000_000);
    let mut five_years_and_more = Program::new(Date::new(2026, 3, 2).expect("a date"));
    for n in 2..=3 {
        let id = five_years_and_more.next_id();
        five_years_and_more.phases.push(Phase::new(id, &format!("Phase {n}")));
    }
    for phase in &mut five_years_and_more.phases {
        phase.length = PhaseLength::Weeks(100);
    }
    for (name, program, says) in [
        ("endless.ron", &endless, "4000000000 weeks is longer than a phase"),
        ("too-many-weeks.ron", &five_years_and_more, "260"),
    ] {
        let text = stepwise::files::program_to_string(program).expect("program as text");
        let path = write(dir.path(), name, &text);
        let pdf = dir.path().join("handout.pdf");
        let started = Instant::now();
        let (schedule_code, _, schedule_err) = run(stepwise().arg("schedule").arg(&path));
        let schedule_took = started.elapsed();
        assert_eq!(schedule_code, 1, "{schedule_err}");
        assert!(schedule_took < Duration::from_secs(1), "{name}: schedule refused after {schedule_took:?}");

        let started = Instant::now();
        let mut child = stepwise()
            .arg("print")
            .arg(&path)
            .arg("-o")
            .arg(&pdf)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run stepwise print");
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if started.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                panic!("{name}: stepwise print still running after 10 s");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let took = started.elapsed();
        let output = child.wait_with_output().expect("output");
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(status.code(), Some(1), "{name}: {err}");
        assert_eq!(err, schedule_err, "{name}: the same message as `stepwise schedule`");
        assert!(err.contains(&format!("{name}:")) && err.contains(says), "{name}: {err}");
        assert!(!pdf.exists(), "{name}: no handout is written");
        assert!(took < Duration::from_secs(1), "{name}: refused after {took:?}");
        eprintln!("{name}: schedule refused in {} ms, print in {} ms", schedule_took.as_millis(), took.as_millis());
    }
}

/// A settings file with a mistake does not stop a handout, and the command says which file and where.
#[test]
fn print_with_broken_settings_warns_with_the_file_and_still_prints() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let config = dir.path().join("config").join("stepwise");
    std::fs::create_dir_all(&config).expect("config folder");
    std::fs::write(config.join("settings.ron"), "(version: 2, therapist: \"A\", clinic_name: 12)\n").expect("write");
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/alfredson-eccentric.ron");
    let pdf = dir.path().join("out.pdf");
    let (code, out, err) = run(stepwise()
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .arg("print")
        .arg(&program)
        .arg("-o")
        .arg(&pdf));
    assert_eq!(code, 0, "{out}{err}");
    assert!(pdf.exists());
    assert!(err.contains("warning:") && err.contains("settings.ron"), "the file is named: {err}");
    assert!(err.contains(":1:"), "and the line: {err}");
}
