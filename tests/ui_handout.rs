//! The handout from the window, driven with `egui_kittest` (no GPU, no display): the stage the patient is in, the
//! scope and layout chosen above the preview, the preview's pages, and the choice kept in the program file.

#![allow(clippy::unwrap_used)] // A test may unwrap: a panic there is a failed test with a line number.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use stepwise::files::settings::Locations;
use stepwise::model::{Date, HandoutLayout, HandoutScope};
use stepwise::ui::{AppEnvironment, CommandKind, ScriptedDialogs, StepwiseApp};

/// The longest ready-made program: five stages, the most pages.
fn calf_strain() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/calf-strain-return-to-run.ron")
}

fn app(dir: &Path, dialogs: &ScriptedDialogs, live_preview: bool) -> Harness<'static, StepwiseApp> {
    let mut environment = AppEnvironment::new(Locations::under(dir), Box::new(dialogs.clone()));
    environment.today = Date::new(2026, 11, 24).unwrap();
    environment.autosave_delay = Duration::ZERO;
    environment.live_preview = live_preview;
    let mut harness =
        Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| StepwiseApp::new(cc, environment));
    harness.run();
    harness
}

/// A few frames: enough for a click or a key to be carried out and drawn. (`run` would wait for the preview's
/// spinner to stop.)
fn frames(harness: &mut Harness<'_, StepwiseApp>) {
    harness.run_steps(3);
}

fn ctrl(harness: &mut Harness<'_, StepwiseApp>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    frames(harness);
}

fn open(harness: &mut Harness<'_, StepwiseApp>, dialogs: &ScriptedDialogs, path: &Path) {
    dialogs.answer_next(path);
    ctrl(harness, Key::O);
    assert_eq!(harness.state().document.path.as_deref(), Some(path), "{:?}", notices(harness));
}

fn notices(harness: &Harness<'_, StepwiseApp>) -> Vec<String> {
    harness.state().notices.iter().map(|notice| notice.text.clone()).collect()
}

/// Runs frames until the preview shows the program as it is now, and returns its page count.
fn preview_pages(harness: &mut Harness<'_, StepwiseApp>) -> usize {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        harness.step();
        if let Some(pages) = harness.state().preview_page_count() {
            // One more frame draws them (and asks for the pages in view).
            frames(harness);
            return pages;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the preview did not answer within a minute: {:?}", notices(harness));
}

fn click(harness: &mut Harness<'_, StepwiseApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    frames(harness);
}

/// The radio button whose label starts with `start` ("Current stage (2. Load)").
fn click_radio_starting(harness: &mut Harness<'_, StepwiseApp>, start: &str) {
    harness
        .query_by(|node| node.role() == Role::RadioButton && node.label().is_some_and(|label| label.starts_with(start)))
        .unwrap_or_else(|| panic!("no radio button “{start}…”"))
        .click();
    frames(harness);
}

/// The number of pages in a PDF file.
fn pdf_pages(path: &Path) -> usize {
    lopdf::Document::load(path).unwrap().get_pages().len()
}

#[test]
fn scope_and_layout_change_the_preview_and_the_pdf_alike() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::new();
    let mut harness = app(dir.path(), &dialogs, true);
    open(&mut harness, &dialogs, &calf_strain());
    harness.state_mut().commands.push(CommandKind::ShowPreview.into());
    frames(&mut harness);
    assert_eq!(harness.state().document.program.handout.scope, HandoutScope::CurrentStage, "the default scope");
    let current_detailed = preview_pages(&mut harness);
    // The page count is on screen, beside Export and Print.
    let words = if current_detailed == 1 { "1 page".to_owned() } else { format!("{current_detailed} pages") };
    harness.get_by_label(&words);

    click_radio_starting(&mut harness, "Whole program");
    assert_eq!(harness.state().document.program.handout.scope, HandoutScope::Whole);
    let whole_detailed = preview_pages(&mut harness);
    assert!(whole_detailed > current_detailed, "whole {whole_detailed} pages, one stage {current_detailed}");
    // Only the pages in view (and one either side) are held as textures, not all of a long handout.
    let in_memory = harness.state().preview_pages_in_memory();
    assert!((1..whole_detailed).contains(&in_memory), "{in_memory} of {whole_detailed} pages held as textures");

    // What the preview shows is what Export PDF writes.
    let pdf = dir.path().join("whole.pdf");
    dialogs.answer_next(&pdf);
    ctrl(&mut harness, Key::E);
    assert_eq!(pdf_pages(&pdf), whole_detailed, "{:?}", notices(&harness));

    click_radio_starting(&mut harness, "Current stage");
    click(&mut harness, Role::Button, "Compact");
    assert_eq!(harness.state().document.program.handout.layout, HandoutLayout::Compact);
    let current_compact = preview_pages(&mut harness);
    assert!(current_compact <= current_detailed, "compact {current_compact}, detailed {current_detailed}");
    assert!(whole_detailed > current_compact);

    click(&mut harness, Role::Button, "One-page summary");
    let summary = preview_pages(&mut harness);
    assert_eq!(summary, 1);
    assert!(current_compact >= summary);
    let pdf = dir.path().join("summary.pdf");
    dialogs.answer_next(&pdf);
    ctrl(&mut harness, Key::E);
    assert_eq!(pdf_pages(&pdf), 1);

    // Chosen stages starts from the current one; ticking the third adds it, in program order.
    click_radio_starting(&mut harness, "Chosen stages");
    let phases: Vec<u64> = harness.state().document.program.phases.iter().map(|phase| phase.id).collect();
    assert_eq!(harness.state().document.program.handout.scope, HandoutScope::Stages(vec![phases[0]]));
    let third = harness.state().document.program.phases[2].name.clone();
    click(&mut harness, Role::CheckBox, &format!("3. {third}"));
    assert_eq!(harness.state().document.program.handout.scope, HandoutScope::Stages(vec![phases[0], phases[2]]));
    click(&mut harness, Role::Button, "Detailed");
    let two_stages = preview_pages(&mut harness);
    assert!(two_stages > current_detailed && two_stages < whole_detailed, "two stages print {two_stages} pages");
    println!(
        "calf strain, A4: detailed stage 1 {current_detailed}, whole {whole_detailed}, stages 1 and 3 {two_stages}; \
         compact stage 1 {current_compact}; summary {summary}; {in_memory} pages held as textures"
    );
}

#[test]
fn the_stage_the_patient_is_in_is_set_in_one_click_and_undone_by_one_ctrl_z() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::new();
    let mut harness = app(dir.path(), &dialogs, false);
    // A new program starts at the first stage, and the timeline says so.
    assert_eq!(harness.state().document.program.current_stage_index(), 0);
    assert!(harness.query_by_label_contains("the patient is here").is_some(), "the timeline does not mark it");

    open(&mut harness, &dialogs, &calf_strain());
    let before = harness.state().document.program.clone();
    assert_eq!(before.current_stage_index(), 0);
    let second = before.phases[1].clone();
    harness.get_all_by_role_and_label(Role::Button, "Patient is here").nth(1).unwrap().click_accesskit();
    frames(&mut harness);
    assert_eq!(harness.state().document.program.current_stage, Some(second.id));
    // The timeline marks the second block.
    let marked: Vec<String> = harness
        .query_all_by(|node| node.label().is_some_and(|label| label.contains("the patient is here")))
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    assert_eq!(marked.len(), 1, "{marked:?}");
    assert!(marked[0].starts_with(&second.name), "{marked:?}");

    ctrl(&mut harness, Key::Z);
    assert_eq!(harness.state().document.program, before, "one Ctrl+Z did not undo the current stage");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    frames(&mut harness);
    assert_eq!(harness.state().document.program.current_stage, Some(second.id), "redo");

    // Each handout choice is one undo step too.
    harness.state_mut().commands.push(CommandKind::ShowPreview.into());
    frames(&mut harness);
    let before = harness.state().document.program.clone();
    click(&mut harness, Role::Button, "Compact");
    click_radio_starting(&mut harness, "Whole program");
    assert_eq!(harness.state().document.program.handout.scope, HandoutScope::Whole);
    ctrl(&mut harness, Key::Z);
    assert_eq!(harness.state().document.program.handout.layout, HandoutLayout::Compact, "undid more than the scope");
    ctrl(&mut harness, Key::Z);
    assert_eq!(harness.state().document.program, before);
}

#[test]
fn the_handout_choice_and_the_stage_survive_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::new();
    let mut harness = app(dir.path(), &dialogs, false);
    open(&mut harness, &dialogs, &calf_strain());
    harness.state_mut().commands.push(CommandKind::ShowPreview.into());
    frames(&mut harness);
    harness.get_all_by_role_and_label(Role::Button, "Patient is here").nth(2).unwrap().click_accesskit();
    frames(&mut harness);
    click(&mut harness, Role::Button, "Compact");
    click_radio_starting(&mut harness, "Whole program");
    let chosen = harness.state().document.program.clone();
    assert_eq!(chosen.handout.layout, HandoutLayout::Compact);
    assert_eq!(chosen.handout.scope, HandoutScope::Whole);
    assert_eq!(chosen.current_stage, Some(chosen.phases[2].id));

    let path = dir.path().join("patient.ron");
    dialogs.answer_next(&path);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    frames(&mut harness);
    assert!(!harness.state().document.dirty, "not saved: {:?}", notices(&harness));

    let mut reopened = app(dir.path(), &dialogs, false);
    open(&mut reopened, &dialogs, &path);
    assert_eq!(reopened.state().document.program, chosen);
    // The options above the preview show the choice read from the file.
    reopened.state_mut().commands.push(CommandKind::ShowPreview.into());
    frames(&mut reopened);
    let third = &chosen.phases[2].name;
    reopened.get_by_role_and_label(Role::RadioButton, &format!("Current stage (3. {third})"));
}
