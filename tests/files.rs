//! Program files on disk: round trips, errors with line:column, versions, atomic save, backups, read-only folders.

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use stepwise::files::{self, FileError};
use stepwise::model::{
    BodyRegion, Date, Dose, DoseRange, ExerciseCopy, ExerciseKind, Load, MeasurableCriterion, Patient, Phase,
    PhaseLength, Prescription, Program, Progression, Side, WeekDose,
};

fn copy(name: &str) -> ExerciseCopy {
    ExerciseCopy {
        library_id: "eccentric-heel-drop-straight-knee".into(),
        name: name.into(),
        kind: ExerciseKind::Strength,
        region: BodyRegion::Achilles,
        goal: "Strengthen the tendon".into(),
        steps: vec!["Stand on the edge of a step.".into(), "Lower the heel slowly.".into()],
        short_steps: Vec::new(),
        cues: vec!["Slowly".into()],
        common_mistakes: vec![],
        cautions: vec![],
        safe_range: DoseRange::default(),
        illustration: "eccentric-heel-drop-straight-knee".into(),
        references: vec!["alfredson1998".into()],
    }
}

fn sample_program(patient: &str) -> Program {
    let mut program = Program::new(Date::new(2026, 11, 24).expect("date"));
    program.patient = Patient {
        name: patient.into(),
        date_of_birth_or_reference: "1950-02-03".into(),
        condition: "Achilles".into(),
        side: Side::Right,
    };
    program.phases[0].prescriptions.push(Prescription {
        id: 2,
        exercise: copy("Eccentric heel drop"),
        dose: Dose { sets: 3, reps: Some(15), times_per_day: 2, ..Dose::default() },
        progression: Progression::AddReps { add: 2, every_weeks: 1, up_to: 20 },
    });
    program
}

#[test]
fn unicode_and_hostile_names_survive_a_round_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in [
        "Zoë Ŵ-Łukasz",
        "Siân",
        "محمد عبد الله",
        "王小明",
        "Γιώργος",
        "#panic()",
        "]*x*",
        "\"quoted\" \\ back",
        "r#\"raw\"#",
    ] {
        let path = dir.path().join("p.ron");
        let program = sample_program(name);
        files::save_program(&path, &program).expect("save");
        let loaded = files::load_program(&path).expect("load");
        assert_eq!(loaded.program, program, "{name}");
        assert_eq!(loaded.read_only, None);
    }
}

#[test]
fn the_saved_file_is_pretty_ron_a_person_can_edit() {
    let text = files::program_to_string(&sample_program("Zoë")).expect("serialise");
    assert!(text.starts_with("Program("), "{text}");
    assert!(text.contains("\n    version: 1,\n"), "{text}");
    assert!(text.contains("name: \"Zoë\""), "non-ASCII kept readable: {text}");
    assert!(text.lines().count() > 40, "one field a line");
}

#[test]
fn a_typo_in_a_dose_field_names_its_line_and_column() {
    let text = files::program_to_string(&sample_program("A")).expect("serialise");
    let (line_index, line) = text.lines().enumerate().find(|(_, l)| l.trim_start().starts_with("sets:")).expect("sets");
    let column = line.find("sets").expect("column") + 1;
    let broken = text.replacen("sets:", "sest:", 1);
    let error = files::program_from_str(&broken, Path::new("calf.ron")).expect_err("typo");
    match &error {
        FileError::Syntax { line, column: col, message, .. } => {
            assert_eq!((*line, *col), (line_index + 1, column), "{error}");
            assert!(message.contains("`sest`") && message.contains("sets"), "{message}");
        }
        other => panic!("expected a syntax error, got {other}"),
    }
    assert!(error.to_string().starts_with(&format!("calf.ron:{}:{column}: ", line_index + 1)));
}

#[test]
fn a_wrong_choice_lists_the_choices() {
    let text =
        files::program_to_string(&sample_program("A")).expect("serialise").replacen("side: Right", "side: Rihgt", 1);
    let message = files::program_from_str(&text, Path::new("p.ron")).expect_err("bad side").to_string();
    assert!(message.contains("Rihgt") && message.contains("Right") && message.contains("Affected"), "{message}");
}

#[test]
fn a_newer_version_opens_read_only_and_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("newer.ron");
    let text =
        files::program_to_string(&sample_program("A")).expect("serialise").replacen("version: 1", "version: 7", 1);
    fs::write(&path, &text).expect("write");
    let loaded = files::load_program(&path).expect("a newer file that still reads opens");
    assert!(loaded.read_only.as_deref().is_some_and(|r| r.contains("newer Stepwise")), "{loaded:?}");
    let error = files::save_program(&path, &loaded.program).expect_err("must refuse to overwrite");
    assert!(error.to_string().contains("newer Stepwise"), "{error}");
    assert_eq!(fs::read_to_string(&path).expect("read"), text, "file untouched");

    // A newer file with fields this version does not know: a clear error, not a crash.
    let unknown = text.replacen("title:", "colour_scheme: \"blue\",\n    title:", 1);
    let error = files::program_from_str(&unknown, &path).expect_err("unknown field in newer file");
    assert!(matches!(error, FileError::NewerVersion { found: 7, supported: 1, .. }), "{error}");
    assert!(error.to_string().contains("Update Stepwise"), "{error}");
}

#[test]
fn the_backup_holds_the_previous_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.ron");
    let first = sample_program("First");
    let second = sample_program("Second");
    files::save_program(&path, &first).expect("save 1");
    assert!(!files::backup_path(&path).exists(), "no backup before there is a previous version");
    files::save_program(&path, &second).expect("save 2");
    assert_eq!(files::load_program(&path).expect("load").program, second);
    assert_eq!(files::load_program(&files::backup_path(&path)).expect("load backup").program, first);
    let leftovers: Vec<_> =
        fs::read_dir(dir.path()).expect("list").filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 2, "only the file and its backup: {leftovers:?}");
}

#[test]
fn a_save_interrupted_before_the_rename_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.ron");
    files::save_program(&path, &sample_program("Old")).expect("save");
    let before = fs::read(&path).expect("read");
    let new_text = files::program_to_string(&sample_program("New")).expect("serialise");
    let error = files::write_atomic(&path, new_text.as_bytes(), || Err(std::io::Error::other("power cut")))
        .expect_err("simulated crash");
    assert!(error.to_string().contains("power cut"), "{error}");
    assert_eq!(fs::read(&path).expect("read"), before, "old file intact");
    assert_eq!(files::load_program(&path).expect("still loads").program.patient.name, "Old");
}

/// Whether this process can write into a folder it made read-only (root can).
fn can_write_despite_permissions(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let ok = fs::write(&probe, b"x").is_ok();
    let _ = fs::remove_file(probe);
    ok
}

#[cfg(unix)]
/// The claim, checked where the folder really refuses this process: a clear error naming the file and saying
/// why, the old file byte for byte, and nothing left behind (no temporary file, no backup).
fn assert_save_refused(path: &Path, before: &[u8]) {
    let error = files::save_program(path, &sample_program("New")).expect_err("read-only folder");
    let message = error.to_string();
    assert!(message.contains("p.ron") && message.contains("could not save"), "{message}");
    assert!(message.contains("read-only") || message.contains("not permitted"), "{message}");
    assert_eq!(fs::read(path).expect("read"), before, "old file alone");
    let folder = path.parent().expect("folder");
    let names: Vec<_> = fs::read_dir(folder).expect("list").filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(names, ["p.ron"], "nothing left behind");
}

#[cfg(unix)]
/// Set for the copy of the read-only test that runs as an ordinary user: the file to try saving over.
const READ_ONLY_CHILD: &str = "STEPWISE_TEST_READ_ONLY_FILE";

#[cfg(unix)]
/// Runs the read-only test again as the user `nobody` (through util-linux's `setpriv`), for whom folder
/// permissions bind as they do for a therapist. `None` when that cannot start here.
fn run_as_nobody(path: &Path) -> Option<std::process::Output> {
    let test = std::env::current_exe().ok()?;
    let output = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(test)
        .args(["--exact", "a_save_into_a_read_only_folder_fails_clearly_and_leaves_the_old_file_alone", "--nocapture"])
        .env(READ_ONLY_CHILD, path)
        .output()
        .ok()?;
    String::from_utf8_lossy(&output.stdout).contains("running 1 test").then_some(output)
}

#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_fails_clearly_and_leaves_the_old_file_alone() {
    use std::os::unix::fs::PermissionsExt as _;
    if let Some(path) = std::env::var_os(READ_ONLY_CHILD) {
        // The copy started by `run_as_nobody`: the folder was prepared by the first run.
        let path = std::path::PathBuf::from(path);
        assert!(!can_write_despite_permissions(path.parent().expect("folder")), "permissions bind for nobody");
        assert_save_refused(&path, &fs::read(&path).expect("read"));
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("locked");
    fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("p.ron");
    files::save_program(&path, &sample_program("Old")).expect("save");
    let before = fs::read(&path).expect("read");
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).expect("chmod");
    if can_write_despite_permissions(&folder) {
        // Root ignores permissions: check the claim as `nobody`, or failing that on a folder made immutable,
        // which stops even root. Where neither works the claim is untested, and the test says so by failing.
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod temp dir");
        if let Some(output) = run_as_nobody(&path) {
            let text =
                format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
            assert!(output.status.success() && text.contains("1 passed"), "as nobody:\n{text}");
        } else {
            let immutable =
                std::process::Command::new("chattr").arg("+i").arg(&folder).status().is_ok_and(|s| s.success());
            assert!(immutable, "as root, neither `setpriv` nor `chattr +i` can make {} read-only", folder.display());
            assert_save_refused(&path, &before);
            let _ = std::process::Command::new("chattr").arg("-i").arg(&folder).status();
        }
        assert_eq!(fs::read(&path).expect("read"), before, "old file alone");
    } else {
        assert_save_refused(&path, &before);
    }
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).expect("chmod back");

    // A folder that is read-only for everyone, root included.
    #[cfg(target_os = "linux")]
    {
        let error = files::save_program(Path::new("/sys/stepwise-test.ron"), &sample_program("X")).expect_err("sysfs");
        let message = error.to_string();
        assert!(message.starts_with("/sys/stepwise-test.ron: could not save:"), "{message}");
        assert!(message.contains("/sys"), "{message}");
    }
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,12}",
        "\\PC{0,16}",
        Just("Zoë Ŵ-Łukasz".to_owned()),
        Just("王小明 محمد".to_owned()),
        Just("#panic() ]*x* $x$ <script>".to_owned()),
    ]
}

fn dose_strategy() -> impl Strategy<Value = Dose> {
    (
        1u32..6,
        proptest::option::of(1u32..30),
        proptest::option::of(1u32..90),
        proptest::option::of(1u32..1200),
        prop_oneof![
            Just(Load::BodyWeight),
            (0.0f32..40.0).prop_map(Load::Kilograms),
            text_strategy().prop_map(Load::Band),
            (1u32..20).prop_map(Load::RepetitionMaximum),
        ],
        prop_oneof![
            Just(Side::EachSide),
            Just(Side::BothTogether),
            Just(Side::Left),
            Just(Side::Right),
            Just(Side::Affected)
        ],
        (1u32..4, 1u32..8, text_strategy()),
    )
        .prop_map(|(sets, reps, hold, duration, load, side, (times_per_day, days_per_week, note))| Dose {
            sets,
            reps,
            hold_seconds: hold,
            duration_seconds: duration,
            rest_seconds: Some(60),
            load,
            tempo: String::new(),
            side,
            times_per_day,
            days_per_week,
            when_needed: false,
            note,
        })
}

fn progression_strategy() -> impl Strategy<Value = Progression> {
    prop_oneof![
        Just(Progression::Steady),
        (1u32..4, 1u32..3, 10u32..30).prop_map(|(add, every_weeks, up_to)| Progression::AddReps {
            add,
            every_weeks,
            up_to
        }),
        (0.5f32..5.0, 1u32..3, 5.0f32..20.0).prop_map(|(add_kg, every_weeks, up_to_kg)| Progression::AddLoad {
            add_kg,
            every_weeks,
            up_to_kg
        }),
        Just(Progression::ByWeek(vec![
            WeekDose {
                from_week: 1,
                sets: 3,
                reps: Some(15),
                hold_seconds: None,
                load: Some(Load::RepetitionMaximum(15))
            },
            WeekDose { from_week: 2, sets: 3, reps: Some(12), hold_seconds: None, load: None },
        ])),
        text_strategy().prop_map(Progression::ByResponse),
    ]
}

fn program_strategy() -> impl Strategy<Value = Program> {
    let prescription = (text_strategy(), dose_strategy(), progression_strategy());
    let phase = (
        text_strategy(),
        prop_oneof![(1u32..13).prop_map(PhaseLength::Weeks), Just(PhaseLength::UntilCriteriaMet)],
        text_strategy(),
        proptest::collection::vec(prescription, 0..4),
    );
    (
        text_strategy(),
        text_strategy(),
        0i64..20_000,
        proptest::collection::vec(text_strategy(), 0..3),
        proptest::collection::vec(phase, 0..4),
    )
        .prop_map(|(title, patient, day, goals, phases)| {
            let mut program = Program::new(Date::from_days(day));
            program.title = title;
            program.patient.name = patient;
            program.goals = goals;
            program.phases = phases
                .into_iter()
                .enumerate()
                .map(|(i, (name, length, criteria, prescriptions))| Phase {
                    id: i as u64 * 100 + 1,
                    name,
                    goal: String::new(),
                    length,
                    criteria,
                    measurable_criteria: vec![MeasurableCriterion {
                        test: "Single-leg heel raises".into(),
                        target: 25.0,
                        unit: "repetitions".into(),
                    }],
                    prescriptions: prescriptions
                        .into_iter()
                        .enumerate()
                        .map(|(j, (name, dose, progression))| Prescription {
                            id: i as u64 * 100 + 2 + j as u64,
                            exercise: copy(&name),
                            dose,
                            progression,
                        })
                        .collect(),
                })
                .collect();
            program
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn save_then_load_gives_the_same_program(program in program_strategy()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("generated.ron");
        files::save_program(&path, &program).expect("save");
        let loaded = files::load_program(&path).expect("load");
        prop_assert_eq!(loaded.program, program);
    }
}

// ---- Settings: a file that failed to load is never written, its backup included.

use stepwise::files::settings::{Locations, Settings};

fn settings_text(version: u32) -> String {
    let settings = Settings {
        clinic_name: "Ysbyty Gwynedd Physio".into(),
        clinic_phone: "01248 384384".into(),
        ..Settings::default()
    };
    let path = Path::new("settings.ron");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join(path);
    settings.save(&file).expect("save settings");
    let current = format!("version: {}", files::settings::SETTINGS_VERSION);
    fs::read_to_string(&file).expect("read").replacen(&current, &format!("version: {version}"), 1)
}

/// What the window does with its settings when a program is opened and saved: the recent-files list changes
/// and the settings are saved. For a file that failed to load, that save must never reach the disk.
fn open_and_save_a_program(locations: &Locations) -> (Option<String>, Result<(), FileError>) {
    let loaded = Settings::open(&locations.settings_file());
    let mut settings = loaded.settings;
    let program_path = locations.programs_dir().join("anna.ron");
    fs::create_dir_all(locations.programs_dir()).expect("mkdir");
    files::save_program(&program_path, &sample_program("Anna")).expect("save program");
    files::load_program(&program_path).expect("open program");
    settings.remember_recent(&program_path);
    (loaded.read_only, settings.save(&locations.settings_file()))
}

#[test]
fn settings_that_failed_to_load_are_byte_identical_after_opening_and_saving_a_program() {
    let typo = settings_text(1).replacen("clinic_name:", "clinic_nmae:", 1);
    let newer = settings_text(99);
    let newer_with_new_fields = newer.replacen("clinic_phone:", "clinic_fax: \"01248\",\n    clinic_phone:", 1);
    let version_zero = settings_text(0);
    for (what, text) in [
        ("a typo", &typo),
        ("version 99", &newer),
        ("version 99 with new fields", &newer_with_new_fields),
        ("version 0", &version_zero),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let locations = Locations::under(dir.path());
        fs::create_dir_all(&locations.config_dir).expect("mkdir");
        fs::write(locations.settings_file(), text).expect("write settings");

        let (read_only, saved) = open_and_save_a_program(&locations);
        let reason = read_only.unwrap_or_else(|| panic!("{what}: the settings must be read-only"));
        let error = saved.expect_err(what).to_string();
        assert!(error.contains("settings were not saved"), "{what}: {error}");
        assert_eq!(&fs::read_to_string(locations.settings_file()).expect("read"), text, "{what}: file changed");
        assert!(!files::backup_path(&locations.settings_file()).exists(), "{what}: a .bak was written");
        let names: Vec<_> = fs::read_dir(&locations.config_dir).expect("list").filter_map(Result::ok).collect();
        assert_eq!(names.len(), 1, "{what}: nothing else in the config folder: {names:?}");
        eprintln!("{what}: {reason}");
    }
    // A typo says where it is; a newer version says so.
    let typo_reason = {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.ron");
        fs::write(&path, &typo).expect("write");
        Settings::open(&path).read_only.unwrap_or_default()
    };
    let line = typo.lines().position(|l| l.contains("clinic_nmae")).expect("typo") + 1;
    assert!(
        typo_reason.contains(&format!("settings.ron:{line}:")) && typo_reason.contains("clinic_nmae"),
        "{typo_reason}"
    );
    assert!(
        matches!(
            files::settings::settings_from_str(&newer_with_new_fields, Path::new("s.ron")),
            Err(FileError::NewerVersion { found: 99, .. })
        ),
        "a newer file with unknown fields says it is newer"
    );
    // Version 99 that still reads keeps its clinic details for printing.
    let path = tempfile::tempdir().expect("temp dir");
    let file = path.path().join("settings.ron");
    fs::write(&file, &newer).expect("write");
    assert_eq!(Settings::open(&file).settings.clinic_name, "Ysbyty Gwynedd Physio");
}

#[test]
fn good_settings_save_with_a_backup_and_missing_ones_give_defaults() {
    let dir = tempfile::tempdir().expect("temp dir");
    let locations = Locations::under(dir.path());
    let (read_only, saved) = open_and_save_a_program(&locations);
    assert_eq!(read_only, None);
    saved.expect("settings saved");
    let (read_only, saved) = open_and_save_a_program(&locations);
    assert_eq!(read_only, None);
    saved.expect("saved again");
    assert!(files::backup_path(&locations.settings_file()).exists(), "the previous settings are kept");
    let settings = Settings::load(&locations.settings_file()).expect("load");
    assert_eq!(settings.recent_files, [locations.programs_dir().join("anna.ron")]);
    // A file with no version is version 1.
    let current = format!("    version: {},\n", files::settings::SETTINGS_VERSION);
    let text = fs::read_to_string(locations.settings_file()).expect("read").replacen(&current, "", 1);
    assert!(!text.contains("version"), "{text}");
    assert_eq!(files::settings::settings_from_str(&text, Path::new("s.ron")).expect("reads").version, 1);
}

// ---- Recovery copies: one per window, held with a lock.

use stepwise::files::recovery::{self, RecoverySlot};

fn copies_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.retain(|name| Path::new(name).extension().is_some_and(|extension| extension == "ron"));
    names.sort();
    names
}

#[test]
fn two_windows_on_one_data_folder_keep_two_copies_and_neither_offers_the_others() {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = Locations::under(data.path()).recovery_dir();
    let first = RecoverySlot::claim(&dir).expect("first window");
    let second = RecoverySlot::claim(&dir).expect("second window");
    first.write(None, &sample_program("First window")).expect("autosave 1");
    second.write(None, &sample_program("Second window")).expect("autosave 2");
    assert_eq!(copies_in(&dir).len(), 2, "two copies");
    assert!(recovery::left_behind(&dir).is_empty(), "both windows are running: nothing is left behind");

    // The first window goes without saving (a crash: the lock goes with the process).
    drop(first);
    let mut offered = recovery::left_behind(&dir);
    assert_eq!(offered.len(), 1, "only the gone window's copy");
    let left = offered.remove(0);
    let program = left.recovery.as_ref().expect("readable").program.clone();
    assert_eq!(program.patient.name, "First window");
    // While it is offered, nobody else offers it too.
    assert!(recovery::left_behind(&dir).is_empty(), "offered once at a time");

    // Discard removes that copy only; the running window's copy stays.
    left.slot.discard();
    drop(left);
    assert_eq!(copies_in(&dir), [second.copy_path().file_name().expect("a name").to_string_lossy().into_owned()]);
    assert!(recovery::left_behind(&dir).is_empty());
    assert!(second.has_copy(), "the second window's work is still there");
}

#[test]
fn a_copy_not_answered_for_is_kept_and_a_restored_one_goes_only_after_a_save() {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path().join("recovery");
    let window = RecoverySlot::claim(&dir).expect("window");
    window.write(Some(Path::new("/clinic/anna.ron")), &sample_program("Anna")).expect("autosave");
    drop(window);

    // The next window is closed while "Restore unsaved work?" is up: the copy stays for the start after.
    let offered = recovery::left_behind(&dir);
    assert_eq!(offered.len(), 1);
    drop(offered);
    let mut offered = recovery::left_behind(&dir);
    assert_eq!(offered.len(), 1, "still offered");
    let restored = offered.remove(0);
    let recovery = restored.recovery.as_ref().expect("readable");
    assert_eq!(recovery.document.as_deref(), Some(Path::new("/clinic/anna.ron")));

    // Restored: the window keeps that slot as its own; more changes go into the same copy.
    let slot = restored.slot;
    slot.write(Some(Path::new("/clinic/anna.ron")), &sample_program("Anna, edited")).expect("autosave");
    assert_eq!(copies_in(&dir).len(), 1);
    // Saved: the copy goes.
    slot.discard();
    drop(slot);
    assert!(copies_in(&dir).is_empty());
    assert_eq!(fs::read_dir(&dir).expect("list").count(), 0, "no lock files left either");
}

#[test]
fn an_unreadable_copy_is_offered_as_an_error_and_kept_and_an_old_autosave_is_offered() {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path().join("recovery");
    fs::create_dir_all(&dir).expect("mkdir");
    fs::write(dir.join("window-1-2-0.ron"), "Recovery(version: 1, document: None, program: Program(").expect("write");
    recovery::write(&dir, None, &sample_program("Older Stepwise")).expect("old single copy");
    let offered = recovery::left_behind(&dir);
    assert_eq!(offered.len(), 2, "{offered:?}");
    let broken = offered.iter().find(|left| left.recovery.is_err()).expect("the broken copy");
    let message = broken.recovery.as_ref().err().map(ToString::to_string).unwrap_or_default();
    assert!(message.contains("window-1-2-0.ron:1:"), "{message}");
    assert!(
        offered.iter().any(|left| left.recovery.as_ref().is_ok_and(|r| r.program.patient.name == "Older Stepwise"))
    );
    drop(offered);
    assert_eq!(copies_in(&dir).len(), 2, "nothing deleted without an answer");
}

#[test]
fn a_window_that_never_changed_anything_leaves_nothing_behind() {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path().join("recovery");
    let slot = RecoverySlot::claim(&dir).expect("window");
    slot.write(None, &sample_program("Saved later")).expect("autosave");
    slot.discard();
    drop(slot);
    assert_eq!(fs::read_dir(&dir).expect("list").count(), 0);
}
