//! The planner window driven as a therapist would, with `egui_kittest`: no GPU, no display, real files in a
//! temporary folder, and scripted answers instead of the system's file dialogs.

use std::path::Path;
use std::time::Duration;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stepwise::files::settings::Locations;
use stepwise::model::{Date, Program};
use stepwise::ui::commands::{EVERY_OS, consume_shortcuts};
use stepwise::ui::{AppEnvironment, Command, CommandKind, Prompt, ScriptedDialogs, StepwiseApp};
use strum::IntoEnumIterator as _;

fn environment(dir: &Path, dialogs: &ScriptedDialogs) -> AppEnvironment {
    let mut environment = AppEnvironment::new(Locations::under(dir), Box::new(dialogs.clone()));
    environment.today = Date::new(2026, 11, 24).unwrap_or_else(|| Date::from_days(0));
    environment.autosave_delay = Duration::ZERO;
    environment.live_preview = false;
    environment
}

fn app_harness(dir: &Path, dialogs: &ScriptedDialogs) -> Harness<'static, StepwiseApp> {
    app_harness_on(dir, dialogs, egui::os::OperatingSystem::Nix)
}

/// The app as it runs on `os` (shortcut names and keys differ).
fn app_harness_on(
    dir: &Path,
    dialogs: &ScriptedDialogs,
    os: egui::os::OperatingSystem,
) -> Harness<'static, StepwiseApp> {
    let environment = environment(dir, dialogs);
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_os(os)
        .build_eframe(move |cc| StepwiseApp::new(cc, environment));
    harness.run();
    harness
}

fn ctrl(harness: &mut Harness<'_, StepwiseApp>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    harness.run();
}

fn ctrl_shift(harness: &mut Harness<'_, StepwiseApp>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, key);
    harness.run();
}

/// Where each prescription is: (phase index, exercise library id, sets, reps).
fn layout(program: &Program) -> Vec<(usize, String, u32, Option<u32>)> {
    program.prescriptions().map(|(phase, p)| (phase, p.exercise.library_id.clone(), p.dose.sets, p.dose.reps)).collect()
}

/// Types into a number field the way a person does: focus it, type, press Enter.
fn set_number(harness: &mut Harness<'_, StepwiseApp>, label: &str, value: &str) {
    harness.get_by_role_and_label(Role::SpinButton, label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::SpinButton, label).type_text(value);
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn build_a_program_undo_redo_save_and_reopen() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);

    // Search as you type.
    ctrl(&mut harness, Key::F);
    assert!(harness.get_by_role_and_label(Role::TextInput, "Search exercises").is_focused());
    harness.get_by_role_and_label(Role::TextInput, "Search exercises").type_text("heel drop");
    harness.run();
    let first = {
        let app = harness.state();
        let ids = app.library_panel.result_ids(&app.library);
        assert!(!ids.is_empty(), "no result for heel drop");
        assert!(ids[0].contains("heel-drop"), "best match for heel drop is {}", ids[0]);
        ids[0].to_owned()
    };

    // Enter adds the best match to the chosen phase.
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(layout(&harness.state().document.program).len(), 1);
    assert_eq!(layout(&harness.state().document.program)[0].1, first);

    // 3 sets of 15.
    set_number(&mut harness, "Sets", "3");
    if harness.state().document.program.phases[0].prescriptions[0].dose.reps.is_none() {
        harness.get_by_role_and_label(Role::CheckBox, "Reps").click();
        harness.run();
    }
    set_number(&mut harness, "Reps", "15");
    assert_eq!(layout(&harness.state().document.program), vec![(0, first.clone(), 3, Some(15))]);

    // A second phase, and the exercise moved there with the keyboard.
    harness.get_by_role_and_label(Role::Button, "Add phase").click();
    harness.run();
    assert_eq!(harness.state().document.program.phases.len(), 2);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(layout(&harness.state().document.program), vec![(1, first.clone(), 3, Some(15))]);

    // Undo puts it back; redo moves it again.
    ctrl(&mut harness, Key::Z);
    assert_eq!(layout(&harness.state().document.program), vec![(0, first.clone(), 3, Some(15))]);
    ctrl_shift(&mut harness, Key::Z);
    assert_eq!(layout(&harness.state().document.program), vec![(1, first.clone(), 3, Some(15))]);
    ctrl(&mut harness, Key::Z);
    ctrl(&mut harness, Key::Y);
    assert_eq!(layout(&harness.state().document.program), vec![(1, first.clone(), 3, Some(15))]);

    // Save through the dialog trait.
    let path = dir.path().join("anna.ron");
    dialogs.answer_next(&path);
    assert!(harness.state().document.dirty);
    assert!(harness.state().window_title().starts_with('•'));
    ctrl(&mut harness, Key::S);
    assert!(path.exists(), "not saved");
    assert!(!harness.state().document.dirty);
    assert_eq!(harness.state().window_title(), "anna.ron – Stepwise");
    let saved = harness.state().document.program.clone();

    // Reopen in a new window and compare.
    let mut reopened = app_harness(dir.path(), &dialogs);
    dialogs.answer_next(&path);
    ctrl(&mut reopened, Key::O);
    assert_eq!(reopened.state().document.program, saved);
    assert_eq!(reopened.state().document.path.as_deref(), Some(path.as_path()));
    assert!(reopened.state().settings.recent_files.contains(&path), "not in recent files");
}

#[test]
fn new_asks_about_unsaved_changes() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    harness.get_by_role_and_label(Role::TextInput, "Patient").set_text_value_accesskit("Siân Łukasz");
    harness.run();
    // Leave the field so the shortcut is not the text field's.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().document.dirty);

    ctrl(&mut harness, Key::N);
    assert!(matches!(harness.state().prompt, Some(Prompt::UnsavedChanges { .. })));
    assert!(harness.query_by_label("Save changes?").is_some());
    harness.get_by_role_and_label(Role::Button, "Cancel").click();
    harness.run();
    assert!(harness.state().prompt.is_none());
    assert_eq!(harness.state().document.program.patient.name, "Siân Łukasz");

    ctrl(&mut harness, Key::N);
    harness.get_by_role_and_label(Role::Button, "Don't save").click();
    harness.run();
    assert_eq!(harness.state().document.program.patient.name, "");
    assert!(!harness.state().document.dirty);
}

#[test]
fn a_recovery_copy_is_written_offered_and_restored() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let locations = Locations::under(dir.path());
    let expected = {
        // A session that changes the program writes a recovery copy (autosave), then "crashes".
        let mut harness = app_harness(dir.path(), &dialogs);
        harness.get_by_role_and_label(Role::TextInput, "Patient").set_text_value_accesskit("Dafydd Ŵ");
        harness.run();
        harness.key_press(Key::Escape);
        harness.run();
        let copies = std::fs::read_dir(locations.recovery_dir()).map_or(0, |entries| {
            entries.filter_map(Result::ok).filter(|e| e.path().extension().is_some_and(|x| x == "ron")).count()
        });
        assert_eq!(copies, 1, "no recovery copy written");
        harness.state().document.program.clone()
    };

    let mut harness = app_harness(dir.path(), &dialogs);
    assert!(matches!(harness.state().prompt, Some(Prompt::Recovery(_))));
    assert!(harness.query_by_label("Restore unsaved work?").is_some());
    harness.get_by_role_and_label(Role::Button, "Restore").click();
    harness.run();
    assert_eq!(harness.state().document.program, expected);
    assert!(harness.state().document.dirty, "a restored copy is unsaved work");
}

#[test]
fn a_broken_file_shows_line_and_column_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    let before = harness.state().document.program.clone();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Program(\n    version: 1,\n    title: \"Anna\",\n    start_date: 2026-11-24,\n)\n")
        .expect("write the broken file");
    dialogs.answer_next(&broken);
    ctrl(&mut harness, Key::O);
    let app = harness.state();
    assert_eq!(app.document.program, before);
    assert_eq!(app.document.path, None);
    let message = app.notices.iter().find(|n| n.is_error).map(|n| n.text.clone()).unwrap_or_default();
    assert!(message.contains("broken.ron:4:"), "no line:column in {message:?}");
    assert!(harness.query_by_label_contains("broken.ron:4:").is_some(), "the error is not shown in the window");
}

#[test]
fn a_custom_exercise_is_saved_and_found_by_search() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);

    // Through the palette, as a keyboard user would.
    ctrl(&mut harness, Key::K);
    harness.get_by_role_and_label(Role::TextInput, "Command palette").type_text("custom exercise");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().custom_exercise.is_some(), "the form did not open");

    for (label, text) in [
        ("Name", "Kitchen sink tiptoe hold"),
        ("Goal", "Wake up the small foot muscles"),
        ("Steps", "Sit with a towel under your foot\nScrunch it towards you"),
        ("Tips", "Keep the heel down"),
        ("Common mistakes", "Lifting the heel"),
        ("Cautions", "Stop if cramp comes on"),
    ] {
        // One-line fields are TextInput, the lists MultilineTextInput: find by label alone.
        harness.get_by_label(label).set_text_value_accesskit(text);
        harness.run();
    }
    harness.get_by_role_and_label(Role::Button, "Save to my library").click();
    harness.run();
    assert!(harness.state().custom_exercise.is_none(), "the form is still open");
    assert!(Locations::under(dir.path()).user_library_file().exists());

    ctrl(&mut harness, Key::F);
    harness.get_by_role_and_label(Role::TextInput, "Search exercises").type_text("tiptoe sink");
    harness.run();
    let app = harness.state();
    assert_eq!(app.library_panel.result_ids(&app.library).first().copied(), Some("kitchen-sink-tiptoe-hold"));
}

/// Each shortcut, pressed on its own, becomes exactly its command on every system; Ctrl+Shift+S is Save As,
/// never Save.
#[test]
fn every_shortcut_is_its_command() {
    for os in EVERY_OS {
        for kind in CommandKind::iter() {
            for shortcut in kind.shortcuts(os) {
                let mut harness = Harness::builder().with_os(os).build_ui_state(
                    |ui, fired: &mut Vec<Command>| fired.extend(consume_shortcuts(ui.ctx())),
                    Vec::new(),
                );
                harness.key_press_modifiers(shortcut.modifiers, shortcut.logical_key);
                harness.step();
                assert_eq!(harness.state(), &vec![Command::Run(kind)], "{shortcut:?} on {os:?}");
            }
        }
    }
}

/// Shortcuts reach the app through the same commands as menus: a few with visible effects.
#[test]
fn shortcuts_drive_the_app() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);

    ctrl(&mut harness, Key::K);
    assert!(harness.state().palette.is_open());
    assert!(harness.query_by_label_contains("Ctrl+Shift+S").is_some(), "the palette lists shortcuts");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().palette.is_open());

    // `/` focuses the search without typing a slash into it.
    harness.key_press(Key::Slash);
    harness.event(egui::Event::Text("/".to_owned()));
    harness.run();
    let search = harness.get_by_role_and_label(Role::TextInput, "Search exercises");
    assert!(search.is_focused());
    assert_eq!(search.value().unwrap_or_default(), "");
    harness.key_press(Key::Escape);
    harness.run();

    ctrl(&mut harness, Key::Plus);
    assert!(harness.ctx.zoom_factor() > 1.0);
    ctrl(&mut harness, Key::Num0);
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 1e-6);

    ctrl(&mut harness, Key::Comma);
    assert!(harness.state().settings_window.is_some());

    // Ctrl+Shift+S with a scripted path: Save As, and the file is written.
    let path = dir.path().join("shortcut.ron");
    dialogs.answer_next(&path);
    harness.state_mut().settings_window = None;
    ctrl_shift(&mut harness, Key::S);
    assert!(path.exists());
}

/// Ctrl+E typesets the handout and writes the PDF where the (scripted) dialog says.
#[test]
fn export_pdf_writes_the_handout() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    harness.state_mut().commands.push(CommandKind::NewFromTemplate.into());
    // The modal fades in over a few frames.
    harness.run_steps(3);
    assert!(matches!(harness.state().prompt, Some(Prompt::Templates)));
    harness.get_by_role_and_label(Role::Button, "Cancel").click_accesskit();
    harness.run();
    assert!(harness.state().prompt.is_none());
    if !stepwise::assets::PROGRAM_FILES.is_empty() {
        harness.state_mut().commands.push(Command::OpenTemplate(0));
        harness.run();
        assert!(harness.state().document.program.prescriptions().count() > 0, "the template has no exercises");
    }
    let pdf = dir.path().join("handout.pdf");
    dialogs.answer_next(&pdf);
    ctrl(&mut harness, Key::E);
    let notices: Vec<String> = harness.state().notices.iter().map(|n| n.text.clone()).collect();
    let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("the PDF was not written ({e}): {notices:?}"));
    assert!(bytes.starts_with(b"%PDF"));
}

/// A dose outside the safe range stays as typed and the card says why.
#[test]
fn invalid_input_is_marked_not_changed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    ctrl(&mut harness, Key::F);
    harness.get_by_role_and_label(Role::TextInput, "Search exercises").type_text("heel drop");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    set_number(&mut harness, "Sets", "25");
    assert_eq!(harness.state().document.program.phases[0].prescriptions[0].dose.sets, 25);
    assert!(harness.state().document.error_count() > 0);
    assert!(harness.query_by_label_contains("outside the safe range").is_some(), "the reason is not shown");
    assert!(harness.query_by_label_contains("1 to check").is_some(), "the card has no problem badge");

    // F8 (or the status bar) goes to the exercise with something to check.
    harness.state_mut().selection.prescription = None;
    harness.key_press(Key::F8);
    harness.run();
    let first = harness.state().document.program.phases[0].prescriptions[0].id;
    assert_eq!(harness.state().selection.prescription, Some(first));

    // The card's own controls take mouse clicks (the card's click area lies behind them).
    assert_eq!(harness.state().document.program.phases[0].prescriptions[0].dose.hold_seconds, None);
    harness.get_by_role_and_label(Role::CheckBox, "Hold").click();
    harness.run();
    assert!(harness.state().document.program.phases[0].prescriptions[0].dose.hold_seconds.is_some());
}

/// Settings are edited in their window and kept in the config folder.
#[test]
fn settings_are_saved_in_the_config_folder() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    ctrl(&mut harness, Key::Comma);
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::TextInput, "Clinic name").set_text_value_accesskit("Ysbyty Gwynedd Physio");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save settings").click_accesskit();
    harness.run();
    assert!(harness.state().settings_window.is_none());
    let settings =
        stepwise::files::settings::Settings::load(&Locations::under(dir.path()).settings_file()).expect("settings");
    assert_eq!(settings.clinic_name, "Ysbyty Gwynedd Physio");
}

/// Dragging from the library adds to the phase it is dropped on; dragging a card moves it to another phase.
#[test]
fn drag_from_the_library_and_between_phases() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    harness.get_by_role_and_label(Role::Button, "Add phase").click();
    harness.run();
    assert_eq!(harness.state().document.program.phases.len(), 2);

    let drag = |harness: &mut Harness<'_, StepwiseApp>, from: egui::Pos2, to: egui::Pos2| {
        harness.hover_at(from);
        harness.drag_at(from);
        harness.run_steps(2);
        for step in 1..=10 {
            harness.hover_at(from + (to - from) * (step as f32 / 10.0));
            harness.run_steps(1);
        }
        harness.drop_at(to);
        harness.run();
    };

    // A click selects and shows the details; the same row is also a drag handle.
    harness.get_by_role_and_label(Role::Button, "Ankle circles").click();
    harness.run();
    assert_eq!(harness.state().selection.exercise.as_deref(), Some("ankle-circles"));
    let row = harness.get_by_role_and_label(Role::Button, "Ankle circles").rect().center();
    let second_phase = harness.get_by_label("Phase 2").rect().center() + egui::vec2(300.0, 30.0);
    drag(&mut harness, row, second_phase);
    let placed: Vec<(usize, String)> =
        layout(&harness.state().document.program).into_iter().map(|(phase, id, _, _)| (phase, id)).collect();
    assert_eq!(placed, vec![(1, "ankle-circles".to_owned())]);

    // The card's picture is its handle, named by the drawing's description: the one in the middle of the window
    // (the library list has one on the left, the details view one on the right).
    let middle = harness.ctx.content_rect().center().x;
    let picture = stepwise::assets::illustration_alt_text("ankle-circles").expect("the drawing's description");
    let card = harness
        .get_all_by_role_and_label(Role::Image, &picture)
        .map(|node| node.rect().center())
        .min_by(|a, b| (a.x - middle).abs().total_cmp(&(b.x - middle).abs()))
        .expect("the card's picture");
    let first_phase = harness.get_by_label("Phase 1").rect().center() + egui::vec2(300.0, 30.0);
    drag(&mut harness, card, first_phase);
    assert_eq!(layout(&harness.state().document.program)[0].0, 0);
}

/// Closing the window with unsaved changes asks first, and the window stays open until answered.
#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    harness.get_by_role_and_label(Role::Button, "Add phase").click();
    harness.run();
    assert!(harness.state().document.dirty);
    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.run_steps(3);
    assert!(matches!(harness.state().prompt, Some(Prompt::UnsavedChanges { .. })));
    assert!(harness.query_by_label_contains("before closing").is_some());
}

/// A file from a newer Stepwise opens read-only, says so, and refuses edits.
#[test]
fn a_newer_file_opens_read_only() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    let program = harness.state().document.program.clone();
    let text =
        stepwise::files::program_to_string(&program).expect("program as text").replacen("version: 1", "version: 9", 1);
    let newer = dir.path().join("newer.ron");
    std::fs::write(&newer, text).expect("write the newer file");
    dialogs.answer_next(&newer);
    ctrl(&mut harness, Key::O);
    assert!(harness.state().document.read_only.is_some());
    assert!(harness.query_by_label("Read-only.").is_some(), "no banner");
    assert!(harness.state().window_title().contains("read-only"));
    let phases = harness.state().document.program.phases.len();
    harness.state_mut().commands.push(CommandKind::AddPhase.into());
    harness.run();
    assert_eq!(harness.state().document.program.phases.len(), phases, "a read-only program was changed");
}

/// The palette adds exercises too: Ctrl+K, a name, Enter.
#[test]
fn the_palette_adds_an_exercise() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    ctrl(&mut harness, Key::K);
    harness.get_by_role_and_label(Role::TextInput, "Command palette").type_text("heel drop");
    harness.run();
    assert!(harness.query_all_by_label_contains("Add exercise: Eccentric heel drop").count() > 0);
    harness.key_press(Key::Enter);
    harness.run();
    let program = &harness.state().document.program;
    assert_eq!(program.prescriptions().count(), 1);
    assert!(layout(program)[0].1.contains("heel-drop"));
}

/// A prescription whose library text changed offers "Update from library", which keeps the dose.
#[test]
fn update_from_library_keeps_the_dose() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    ctrl(&mut harness, Key::K);
    harness.get_by_role_and_label(Role::TextInput, "Command palette").type_text("heel drop");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    {
        // As if the library had been improved since this program was written.
        let prescription = &mut harness.state_mut().document.program.phases[0].prescriptions[0];
        "An old wording".clone_into(&mut prescription.exercise.goal);
        prescription.dose.sets = 2;
    }
    harness.run();
    assert!(harness.query_by_label("library updated").is_some());
    harness.get_by_role_and_label(Role::Button, "Update from library").click_accesskit();
    harness.run();
    let app = harness.state();
    let prescription = &app.document.program.phases[0].prescriptions[0];
    let entry = app.library.get(&prescription.exercise.library_id).expect("in the library");
    assert!(!prescription.exercise.differs_from(&entry.exercise));
    assert_eq!(prescription.dose.sets, 2);
    assert!(harness.query_by_label("library updated").is_none());
}

/// A start date that is not a day is marked with the reason; the program keeps its date.
#[test]
fn an_impossible_start_date_is_marked_not_used() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    let before = harness.state().document.program.start_date;
    harness.get_by_role_and_label(Role::TextInput, "Start date").set_text_value_accesskit("2026-02-30");
    harness.run();
    assert_eq!(harness.state().document.program.start_date, before);
    assert!(harness.query_by_label_contains("is not a date").is_some(), "the reason is not shown");
    harness.get_by_role_and_label(Role::TextInput, "Start date").set_text_value_accesskit("2026-03-02");
    harness.run();
    assert_eq!(harness.state().document.program.start_date, Date::new(2026, 3, 2).expect("a date"));
}

/// An idle window asks for no repaint: no processor time while the therapist talks to the patient.
#[test]
fn an_idle_window_does_not_repaint() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    harness.get_by_role_and_label(Role::Button, "Add phase").click();
    harness.run();
    harness.step();
    let delay = harness.output().viewport_output.get(&egui::ViewportId::ROOT).map(|viewport| viewport.repaint_delay);
    assert_eq!(delay, Some(Duration::MAX), "the window keeps repainting");
}

/// The palette lists every command kind (no hand-kept list) with its shortcut as each system names it.
#[test]
fn the_palette_lists_every_command_with_its_shortcut_on_every_system() {
    use egui::os::OperatingSystem;
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    // The names each system's users know.
    assert_eq!(CommandKind::Save.shortcut_text(OperatingSystem::Mac), "Cmd+S");
    assert_eq!(CommandKind::Save.shortcut_text(OperatingSystem::Windows), "Ctrl+S");
    assert_eq!(CommandKind::Save.shortcut_text(OperatingSystem::Nix), "Ctrl+S");
    for os in EVERY_OS {
        let mut harness = app_harness_on(dir.path(), &dialogs, os);
        for kind in CommandKind::iter() {
            let (text, shortcut) = (kind.text(), kind.shortcut_text(os));
            // A button with a shortcut is labelled "Save Ctrl+S". Some rows' words are on buttons elsewhere too
            // ("Add phase"): the palette must add one.
            let expected = if shortcut.is_empty() { text.to_owned() } else { format!("{text} {shortcut}") };
            let rows = |harness: &Harness<'_, StepwiseApp>| {
                harness
                    .query_all_by(|node| {
                        node.role() == Role::Button && node.label().is_some_and(|label| label.trim() == expected)
                    })
                    .count()
            };
            let elsewhere = rows(&harness);
            ctrl(&mut harness, Key::K);
            assert!(harness.state().palette.is_open(), "{os:?}: the palette did not open");
            harness.event(egui::Event::Text(text.to_owned()));
            harness.run();
            assert_eq!(rows(&harness), elsewhere + 1, "{os:?}: no palette row “{expected}”");
            harness.key_press(Key::Escape);
            harness.run();
        }
    }
}

/// Every edit that adds, removes or changes the kind of something is one undo step: one Ctrl+Z puts the program
/// back exactly as it was.
#[test]
fn every_edit_is_undone_by_one_ctrl_z() {
    use stepwise::ui::Edit;
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    ctrl(&mut harness, Key::K);
    harness.get_by_role_and_label(Role::TextInput, "Command palette").type_text("heel drop");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().document.program.prescriptions().count(), 1);
    let prescription_id = harness.state().document.program.phases[0].prescriptions[0].id;
    let phase_id = harness.state().document.program.phases[0].id;

    // Does `act`, checks that it changed the program, then that one Ctrl+Z undoes exactly that.
    let undone_by_one_step =
        |harness: &mut Harness<'_, StepwiseApp>, what: &str, act: &dyn Fn(&mut Harness<'_, StepwiseApp>)| {
            let before = harness.state().document.program.clone();
            act(harness);
            assert_ne!(harness.state().document.program, before, "{what} changed nothing");
            ctrl(harness, Key::Z);
            assert_eq!(harness.state().document.program, before, "one Ctrl+Z did not undo {what}");
            // Redo, so the next edit starts from the changed program (and redo is checked too).
            ctrl_shift(harness, Key::Z);
            assert_ne!(harness.state().document.program, before, "Ctrl+Shift+Z did not redo {what}");
        };
    let click = |label: &'static str| {
        move |harness: &mut Harness<'_, StepwiseApp>| {
            harness.get_by_role_and_label(Role::Button, label).click_accesskit();
            harness.run();
        }
    };
    let send = |command: Command| {
        move |harness: &mut Harness<'_, StepwiseApp>| {
            harness.state_mut().commands.push(command.clone());
            harness.run();
        }
    };
    let choose = |combo: &'static str, choice: &'static str| {
        move |harness: &mut Harness<'_, StepwiseApp>| {
            harness.get_by_role_and_label(Role::ComboBox, combo).click();
            harness.run();
            harness.get_by_label(choice).click();
            harness.run();
        }
    };

    undone_by_one_step(&mut harness, "adding a goal", &click("Add goal"));
    undone_by_one_step(&mut harness, "removing a goal", &send(Edit::RemoveGoal(0).into()));
    harness.get_by_label("Goal and criteria to move on").click();
    harness.run();
    undone_by_one_step(&mut harness, "adding a criterion", &click("Add a measurable criterion"));
    undone_by_one_step(
        &mut harness,
        "removing a criterion",
        &send(Edit::RemoveCriterion { phase_id, index: 0 }.into()),
    );
    undone_by_one_step(&mut harness, "changing the load kind", &choose("Load", "Added weight"));
    undone_by_one_step(&mut harness, "changing the progression kind", &choose("Progression", "Dose by week (table)"));
    undone_by_one_step(&mut harness, "adding a week-table row", &click("Add row"));
    let rows = |harness: &Harness<'_, StepwiseApp>| match &harness.state().document.program.phases[0].prescriptions[0]
        .progression
    {
        stepwise::model::Progression::ByWeek(rows) => rows.len(),
        _ => 0,
    };
    assert_eq!(rows(&harness), 2);
    undone_by_one_step(
        &mut harness,
        "removing a week-table row",
        &send(Edit::RemoveWeekRow { prescription_id, index: 1 }.into()),
    );
    assert_eq!(rows(&harness), 1);
    undone_by_one_step(&mut harness, "adding a phase", &click("Add phase"));
    undone_by_one_step(&mut harness, "making a phase open-ended", &|harness: &mut Harness<'_, StepwiseApp>| {
        harness
            .get_all_by_role_and_label(Role::CheckBox, "Until criteria met")
            .next()
            .expect("a checkbox")
            .click_accesskit();
        harness.run();
    });
}

/// A six-exercise program from a template with the keyboard alone: the palette opens the template chooser, the
/// search adds the rest. The number of key presses is printed (and written in the note).
#[test]
fn a_six_exercise_program_from_a_template_by_keyboard_alone() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_harness(dir.path(), &dialogs);
    let mut presses = 0;
    let mut press = |harness: &mut Harness<'_, StepwiseApp>, modifiers: Modifiers, key: Key| {
        harness.key_press_modifiers(modifiers, key);
        harness.run_steps(3);
        presses += 1;
    };
    let mut typed = 0;
    let mut type_text = |harness: &mut Harness<'_, StepwiseApp>, text: &str| {
        harness.event(egui::Event::Text(text.to_owned()));
        harness.run();
        typed += text.chars().count();
    };

    // Ctrl+K, "template", Enter: the chooser opens with the first template focused; Enter takes it.
    press(&mut harness, Modifiers::COMMAND, Key::K);
    type_text(&mut harness, "template");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(matches!(harness.state().prompt, Some(Prompt::Templates)), "the template chooser is not open");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.state().prompt.is_none(), "Enter did not take the focused template");
    let from_template = harness.state().document.program.prescriptions().count();
    assert!((1..=6).contains(&from_template), "the first template has {from_template} exercises");

    // Ctrl+F, then for each exercise: its name, Enter (adds the best match), Ctrl+A to type the next one.
    press(&mut harness, Modifiers::COMMAND, Key::F);
    for query in ["calf stretch", "soleus", "ankle circles", "heel raise", "towel", "balance"] {
        if harness.state().document.program.prescriptions().count() >= 6 {
            break;
        }
        type_text(&mut harness, query);
        press(&mut harness, Modifiers::NONE, Key::Enter);
        press(&mut harness, Modifiers::COMMAND, Key::A);
    }
    let program = &harness.state().document.program;
    assert_eq!(program.prescriptions().count(), 6, "{:?}", layout(program));
    println!("six exercises from a template: {presses} key presses and {typed} typed characters");
}
