//! The window never loses a therapist's work: recovery copies per window, the recovery prompt, settings that
//! failed to load (greyed out in the Settings window), a dose table at the end of the numbers; and the clinical
//! choices made in the window: the emergency number in Settings, the program's pain rule. Driven with
//! `egui_kittest` over real files in a temporary folder (no GPU, no display).

#![allow(clippy::unwrap_used)] // A test may unwrap: a panic there is a failed test with a line number.

use std::path::Path;
use std::time::Duration;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use stepwise::files::recovery::{self, RecoverySlot};
use stepwise::files::settings::{Locations, SETTINGS_VERSION, Settings};
use stepwise::model::{Date, PainRule, Program};
use stepwise::ui::{AppEnvironment, CommandKind, Edit, Prompt, ScriptedDialogs, StepwiseApp};

fn app(dir: &Path, dialogs: &ScriptedDialogs) -> Harness<'static, StepwiseApp> {
    let mut environment = AppEnvironment::new(Locations::under(dir), Box::new(dialogs.clone()));
    environment.today = Date::new(2026, 11, 24).unwrap();
    environment.autosave_delay = Duration::ZERO;
    environment.live_preview = false;
    let mut harness =
        Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| StepwiseApp::new(cc, environment));
    harness.run();
    harness
}

fn copies(dir: &Path) -> usize {
    std::fs::read_dir(Locations::under(dir).recovery_dir()).map_or(0, |entries| {
        entries.filter_map(Result::ok).filter(|e| e.path().extension().is_some_and(|x| x == "ron")).count()
    })
}

/// A copy left by a window that crashed with "Dafydd" typed in.
fn leave_a_crashed_copy(dir: &Path) -> Program {
    let slot = RecoverySlot::claim(&Locations::under(dir).recovery_dir()).unwrap();
    let mut program = Program::new(Date::new(2026, 11, 24).unwrap());
    program.patient.name = "Dafydd".into();
    slot.write(None, &program).unwrap();
    drop(slot); // the process is gone: its lock with it
    program
}

fn close_window(harness: &mut Harness<'_, StepwiseApp>) {
    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.run_steps(2);
}

#[test]
fn closing_the_window_at_the_recovery_prompt_keeps_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::new();
    let expected = leave_a_crashed_copy(dir.path());
    {
        let mut harness = app(dir.path(), &dialogs);
        assert!(matches!(harness.state().prompt, Some(Prompt::Recovery(_))));
        close_window(&mut harness);
    }
    assert_eq!(copies(dir.path()), 1, "the copy must survive a close without an answer");
    let mut harness = app(dir.path(), &dialogs);
    assert!(matches!(harness.state().prompt, Some(Prompt::Recovery(_))), "offered again");
    harness.get_by_role_and_label(Role::Button, "Restore").click();
    harness.run();
    assert_eq!(harness.state().document.program, expected);
}

#[test]
fn opening_a_file_from_the_command_line_after_a_crash_keeps_the_copy_until_answered() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::new();
    leave_a_crashed_copy(dir.path());
    let file = dir.path().join("anna.ron");
    stepwise::files::save_program(&file, &Program::new(Date::new(2026, 1, 5).unwrap())).unwrap();
    let mut harness = app(dir.path(), &dialogs);
    // What `stepwise anna.ron` does once the window is made.
    harness.state_mut().open_path(&file);
    harness.run();
    assert_eq!(copies(dir.path()), 1, "opening a file must not throw the unanswered copy away");
    assert!(matches!(harness.state().prompt, Some(Prompt::Recovery(_))), "the question is still asked");
    harness.get_by_role_and_label(Role::Button, "Discard the copy").click();
    harness.run();
    assert_eq!(copies(dir.path()), 0, "an explicit Discard deletes it");
}

#[test]
fn two_windows_on_one_data_folder_never_offer_each_others_work() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::new();
    let mut first = app(dir.path(), &dialogs);
    first.get_by_role_and_label(Role::TextInput, "Patient").set_text_value_accesskit("Window one");
    first.run();
    first.key_press(Key::Escape);
    first.run();
    assert_eq!(copies(dir.path()), 1, "the first window's autosave");
    // A second window on the same folder while the first runs: nothing to offer, and its own copy apart.
    let mut second = app(dir.path(), &dialogs);
    assert!(second.state().prompt.is_none(), "the first window's live work is not 'left behind'");
    second.get_by_role_and_label(Role::TextInput, "Patient").set_text_value_accesskit("Window two");
    second.run();
    second.key_press(Key::Escape);
    second.run();
    assert_eq!(copies(dir.path()), 2, "one copy per window");
    assert!(recovery::left_behind(&Locations::under(dir.path()).recovery_dir()).is_empty());
    drop(second);
    drop(first);
}

#[test]
fn settings_that_failed_to_load_stay_byte_identical_and_the_window_says_why() {
    let version = format!("version: {SETTINGS_VERSION}");
    for (what, edit) in
        [("a typo", ("clinic_name:", "clinic_nmae:")), ("version 99", (version.as_str(), "version: 99"))]
    {
        let dir = tempfile::tempdir().unwrap();
        let dialogs = ScriptedDialogs::new();
        let locations = Locations::under(dir.path());
        let settings = Settings { clinic_name: "Ysbyty Gwynedd Physio".into(), ..Settings::default() };
        settings.save(&locations.settings_file()).unwrap();
        let text = std::fs::read_to_string(locations.settings_file()).unwrap().replacen(edit.0, edit.1, 1);
        std::fs::write(locations.settings_file(), &text).unwrap();
        {
            let mut harness = app(dir.path(), &dialogs);
            assert!(harness.state().settings_read_only().is_some(), "{what}");
            assert!(harness.query_by_label_contains("Settings are read-only").is_some(), "{what}: not shown");
            // Open and save a program (the recent-files list changes), then close.
            let program = dir.path().join("anna.ron");
            stepwise::files::save_program(&program, &Program::new(Date::new(2026, 1, 5).unwrap())).unwrap();
            dialogs.answer_next(&program);
            harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
            harness.run();
            harness.get_by_role_and_label(Role::TextInput, "Patient").set_text_value_accesskit("Anna");
            harness.run();
            harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
            harness.run();
            assert!(!harness.state().document.dirty, "{what}: the program itself was saved");
            close_window(&mut harness);
        }
        assert_eq!(std::fs::read_to_string(locations.settings_file()).unwrap(), text, "{what}: settings changed");
        assert!(!stepwise::files::backup_path(&locations.settings_file()).exists(), "{what}: a .bak was written");
    }
}

/// A printer that waits until the test lets it go, then says it printed.
struct HeldPrinter {
    release: std::sync::Mutex<std::sync::mpsc::Receiver<()>>,
    printed: std::sync::Mutex<Vec<Vec<u8>>>,
}

impl stepwise::printing::Printer for HeldPrinter {
    fn print(&self, pdf: &Path) -> Result<stepwise::handout::PrintOutcome, stepwise::handout::PrintError> {
        let bytes = std::fs::read(pdf).unwrap_or_default();
        let _ = self.release.lock().unwrap().recv_timeout(Duration::from_secs(30));
        self.printed.lock().unwrap().push(bytes);
        Ok(stepwise::handout::PrintOutcome::SentToPrinter { message: "request id is Fake-1".into() })
    }
}

#[test]
fn ctrl_p_prints_through_the_printer_on_a_worker_without_blocking_a_frame() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::new();
    let (release, held) = std::sync::mpsc::channel();
    let printer =
        std::sync::Arc::new(HeldPrinter { release: std::sync::Mutex::new(held), printed: std::sync::Mutex::default() });
    let mut environment = AppEnvironment::new(Locations::under(dir.path()), Box::new(dialogs.clone()));
    environment.today = Date::new(2026, 11, 24).unwrap();
    environment.live_preview = false;
    environment.printer = printer.clone();
    let mut harness =
        Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| StepwiseApp::new(cc, environment));
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    // The printer is still holding the job, and frames go on.
    let started = std::time::Instant::now();
    harness.run_steps(3);
    assert!(started.elapsed() < Duration::from_secs(10), "a frame waited for the printer");
    assert!(harness.state().is_printing(), "the job is under way on its worker");
    assert!(printer.printed.lock().unwrap().is_empty());

    release.send(()).unwrap();
    for _ in 0..1000 {
        harness.run_steps(1);
        if !harness.state().is_printing() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!harness.state().is_printing(), "the print job never answered");
    let handouts = printer.printed.lock().unwrap();
    assert_eq!(handouts.len(), 1);
    assert!(handouts[0].starts_with(b"%PDF"), "the printer got the handout");
    assert!(
        harness.state().notices.iter().any(|n| n.text.contains("Sent to the default printer (request id is Fake-1)")),
        "{:?}",
        harness.state().notices.iter().map(|n| n.text.clone()).collect::<Vec<_>>()
    );
}

/// Issue 14: settings that failed to load cannot be edited in the Settings window (an unsaved draft would be lost
/// at the close): every field is greyed out, the window says why with the file, line and column, typing goes
/// nowhere, and the file stays byte-identical.
#[test]
fn settings_that_failed_to_load_are_greyed_out_in_the_settings_window() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::new();
    let locations = Locations::under(dir.path());
    let settings = Settings { clinic_name: "Ysbyty Gwynedd Physio".into(), ..Settings::default() };
    settings.save(&locations.settings_file()).unwrap();
    let text = std::fs::read_to_string(locations.settings_file()).unwrap().replacen("clinic_name:", "clinic_nmae:", 1);
    std::fs::write(locations.settings_file(), &text).unwrap();
    let line = text.lines().position(|l| l.contains("clinic_nmae")).unwrap() + 1;
    {
        let mut harness = app(dir.path(), &dialogs);
        let where_ = format!("settings.ron:{line}:");
        assert_eq!(harness.query_all_by_label_contains(&where_).count(), 1, "the notice at the start says where");
        harness.state_mut().commands.push(CommandKind::Settings.into());
        harness.run();
        assert!(harness.query_by_label_contains("Read-only: the settings file did not load").is_some());
        assert_eq!(
            harness.query_all_by_label_contains(&where_).count(),
            2,
            "the window names the file, line and column too"
        );
        for field in ["Clinic email", "Clinic phone", "Emergency number"] {
            let node = harness.get_by_role_and_label(Role::TextInput, field);
            assert!(node.accesskit_node().is_disabled(), "{field} can be typed in");
        }
        assert!(harness.query_by_role_and_label(Role::Button, "Save settings").is_none(), "nothing to save");
        harness.get_by_role_and_label(Role::TextInput, "Clinic email").click();
        harness.run();
        harness.get_by_role_and_label(Role::TextInput, "Clinic email").type_text("typed@example.com");
        harness.run();
        harness.get_by_role_and_label(Role::Button, "Close").click();
        harness.run();
        assert!(harness.state().settings_window.is_none(), "Close closes, with nothing to ask");
        assert_eq!(harness.state().settings.clinic_email, "", "typing went nowhere");
        close_window(&mut harness);
    }
    assert_eq!(std::fs::read_to_string(locations.settings_file()).unwrap(), text, "the settings file changed");
    assert!(!stepwise::files::backup_path(&locations.settings_file()).exists(), "a .bak was written");
}

/// Issue 11: the emergency number is typed in Settings. A blank or a word is refused there with a message that
/// says why (Save stays off); a number is saved to the settings file.
#[test]
fn the_emergency_number_is_set_in_settings_and_never_blank() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::new();
    let mut harness = app(dir.path(), &dialogs);
    harness.state_mut().commands.push(CommandKind::Settings.into());
    harness.run();
    let region = stepwise::model::emergency_number_from_env(|name| std::env::var(name).ok()).number;
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "Emergency number").value().as_deref(), Some(region));
    for (typed, says) in [("", "is blank"), ("nine nine nine", "is not a phone number")] {
        harness.get_by_role_and_label(Role::TextInput, "Emergency number").set_text_value_accesskit(typed);
        harness.run();
        assert!(harness.query_by_label_contains(says).is_some(), "{typed:?}: no message");
        let save = harness.get_by_role_and_label(Role::Button, "Save settings");
        assert!(save.accesskit_node().is_disabled(), "{typed:?}: Save is on");
    }
    harness.get_by_role_and_label(Role::TextInput, "Emergency number").set_text_value_accesskit("000");
    harness.run();
    assert!(harness.query_by_label_contains("is not a phone number").is_none());
    harness.get_by_role_and_label(Role::Button, "Save settings").click();
    harness.run();
    assert_eq!(harness.state().settings.emergency_number, "000");
    let saved = Settings::load(&Locations::under(dir.path()).settings_file()).unwrap();
    assert_eq!((saved.version, saved.emergency_number.as_str()), (SETTINGS_VERSION, "000"));
}

fn ctrl_z(harness: &mut Harness<'_, StepwiseApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

/// Issue 11: the program's pain rule is chosen in the editor from the built-in rules or "Own words". Each choice
/// is one undo step; under the chooser, the line the patient reads and the rule's note for the therapist.
#[test]
fn the_pain_rule_is_chosen_in_the_editor_and_one_ctrl_z_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::new();
    let mut harness = app(dir.path(), &dialogs);
    let rule = |harness: &Harness<'_, StepwiseApp>| harness.state().document.program.pain_rule.clone();
    assert_eq!(rule(&harness), PainRule::Tendinopathy);
    let choose = |harness: &mut Harness<'_, StepwiseApp>, choice: &str| {
        harness.get_by_role_and_label(Role::ComboBox, "Pain rule").click();
        harness.run();
        harness.get_by_label(choice).click();
        harness.run();
    };

    choose(&mut harness, PainRule::AcuteMuscleInjury.label());
    assert_eq!(rule(&harness), PainRule::AcuteMuscleInjury);
    let text = PainRule::AcuteMuscleInjury.text();
    assert!(harness.query_by_label_contains(&format!("The patient reads: “{}”", text.short)).is_some());
    assert!(harness.query_by_label(text.therapist_note).is_some(), "the therapist's note is shown");
    ctrl_z(&mut harness);
    assert_eq!(rule(&harness), PainRule::Tendinopathy, "one Ctrl+Z restores the rule before");

    // Own words start from the rule chosen so far; typing them is one more step.
    choose(&mut harness, "Own words");
    let short = PainRule::Tendinopathy.text().short;
    assert_eq!(rule(&harness), PainRule::Custom(short.clone()));
    let field = "The rule in your words, as the patient will read it";
    harness.get_by_role_and_label(Role::MultilineTextInput, field).set_text_value_accesskit("Keep any pain mild.");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(rule(&harness), PainRule::Custom("Keep any pain mild.".into()));
    ctrl_z(&mut harness);
    assert_eq!(rule(&harness), PainRule::Custom(short), "the typing is undone first");
    ctrl_z(&mut harness);
    assert_eq!(rule(&harness), PainRule::Tendinopathy, "then the choice");
    // A choice goes through an `Edit`, as a menu or the palette would send it.
    harness.state_mut().commands.push(Edit::SetPainRule(PainRule::Alfredson).into());
    harness.run();
    assert_eq!(rule(&harness), PainRule::Alfredson);
}

/// Issue 14: a dose table row at week `u32::MAX` (a hand-edited file; validation flags it) and "Add row": the new
/// row saturates instead of overflowing (the crate keeps overflow checks, so an overflow would panic here).
#[test]
fn adding_a_row_after_week_u32_max_does_not_overflow() {
    use stepwise::model::{Progression, WeekDose};
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::new();
    let (stem, bytes) = stepwise::assets::PROGRAM_FILES[0];
    let mut program =
        stepwise::files::program_from_str(std::str::from_utf8(bytes).unwrap(), Path::new(stem)).unwrap().program;
    let row = WeekDose { from_week: u32::MAX, sets: 3, reps: Some(15), hold_seconds: None, load: None };
    let prescription = &mut program.phases[0].prescriptions[0];
    prescription.progression = Progression::ByWeek(vec![row.clone()]);
    let prescription_id = prescription.id;
    let file = dir.path().join("far.ron");
    stepwise::files::save_program(&file, &program).unwrap();

    let mut harness = app(dir.path(), &dialogs);
    harness.state_mut().open_path(&file);
    harness.run();
    harness.state_mut().commands.push(Edit::AddWeekRow { prescription_id }.into());
    harness.run();
    let rows = match &harness.state().document.program.phases[0].prescriptions[0].progression {
        Progression::ByWeek(rows) => rows.iter().map(|r| r.from_week).collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(rows, [u32::MAX, u32::MAX]);
}
