//! The program on the patient's phone, exported from the window as a therapist does it: File > Export > "Web page
//! for the phone…" and "Calendar reminders…", with scripted file dialogs, real files in a temporary folder, and
//! the notice that says where each file went. `egui_kittest`: no GPU, no display, no browser.

use std::path::Path;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use stepwise::files::settings::Locations;
use stepwise::model::{Date, HandoutScope};
use stepwise::ui::{AppEnvironment, Command, CommandKind, ScriptedDialogs, StepwiseApp};

fn app_with_template(dir: &Path, dialogs: &ScriptedDialogs) -> Harness<'static, StepwiseApp> {
    let mut environment = AppEnvironment::new(Locations::under(dir), Box::new(dialogs.clone()));
    environment.today = Date::new(2026, 11, 24).unwrap_or_else(|| Date::from_days(0));
    environment.autosave_delay = Duration::ZERO;
    environment.live_preview = false;
    let mut harness =
        Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| StepwiseApp::new(cc, environment));
    harness.run();
    // The calf strain program: four stages, so the scope matters.
    let index = stepwise::assets::PROGRAM_FILES
        .iter()
        .position(|(name, _)| name.contains("calf-strain"))
        .expect("the calf strain program ships");
    harness.state_mut().commands.push(Command::OpenTemplate(index));
    harness.run();
    assert!(harness.state().document.program.phases.len() > 1, "the template has several stages");
    harness
}

fn notices(harness: &Harness<'_, StepwiseApp>) -> Vec<String> {
    harness.state().notices.iter().map(|notice| notice.text.clone()).collect()
}

#[test]
fn the_web_page_is_exported_from_the_file_menu_for_the_handouts_stages() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_with_template(dir.path(), &dialogs);
    let program = harness.state().document.program.clone();
    let first_stage = &program.phases[0];
    let later_stage = &program.phases[program.phases.len() - 1];

    let page = dir.path().join("for the phone.html");
    dialogs.answer_next(&page);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click_accesskit();
    harness.run();
    harness.get_by_label("Web page for the phone…").click_accesskit();
    harness.run();

    let html = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("no page ({e}): {:?}", notices(&harness)));
    assert!(html.starts_with("<!DOCTYPE html>"));
    // The current stage only, as the handout prints by default.
    let card_name = |phase: &stepwise::model::Phase| phase.prescriptions[0].exercise.name.trim().to_owned();
    assert!(html.contains(&card_name(first_stage)), "the current stage's first exercise is on the page");
    assert!(html.contains("Keep yourself safe"), "the safety rules are on the page");
    assert!(!html.contains(&format!("Stage {}:", program.phases.len())), "a later stage is not on the page");
    let said = notices(&harness).join("\n");
    assert!(said.contains(&page.display().to_string()), "the notice names the file: {said}");
    assert!(said.contains("stage 1 of"), "the notice names the stages: {said}");

    // The whole program, chosen for the handout, is what the page then holds.
    harness.state_mut().document.program.handout.scope = HandoutScope::Whole;
    dialogs.answer_next(&page);
    harness.state_mut().commands.push(CommandKind::ExportWebPage.into());
    harness.run();
    let html = std::fs::read_to_string(&page).expect("page written again");
    assert!(html.contains(&card_name(later_stage)), "the last stage's exercise is on the whole-program page");
}

#[test]
fn calendar_reminders_ask_for_the_times_then_write_where_the_therapist_picks() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let dialogs = ScriptedDialogs::new();
    let mut harness = app_with_template(dir.path(), &dialogs);
    harness.state_mut().commands.push(CommandKind::ExportCalendar.into());
    harness.run();
    assert!(harness.state().calendar_window.is_some(), "the times are asked for first");

    // A time that is not one stops the export and says why.
    let morning = harness.get_by_role_and_label(Role::TextInput, "Morning");
    morning.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Morning").type_text("7.30");
    harness.run();
    assert!(harness.query_by_label_contains("is not a time of day").is_some(), "the mistake is named");
    assert!(harness.get_by_role_and_label(Role::Button, "Export…").accesskit_node().is_disabled());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Morning").type_text("07:30");
    harness.run();
    let calendar = dir.path().join("reminders.ics");
    dialogs.answer_next(&calendar);
    harness.get_by_role_and_label(Role::Button, "Export…").click();
    harness.run();

    let text =
        std::fs::read_to_string(&calendar).unwrap_or_else(|e| panic!("no calendar ({e}): {:?}", notices(&harness)));
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    let starts: Vec<&str> = text.lines().filter(|line| line.starts_with("DTSTART")).collect();
    assert!(starts.iter().any(|line| line.ends_with("T073000")), "the morning reminders ring at 07:30");
    assert!(!starts.iter().any(|line| line.ends_with("T080000")), "no reminder at the old default time");
    assert!(harness.state().calendar_window.is_none(), "the window closes once the file is written");
    let said = notices(&harness).join("\n");
    assert!(said.contains(&calendar.display().to_string()) && said.contains("reminder"), "{said}");

    // Cancelling the file dialog keeps the window (and the times) for another try.
    harness.state_mut().commands.push(CommandKind::ExportCalendar.into());
    harness.run();
    assert_eq!(
        harness.get_by_role_and_label(Role::TextInput, "Morning").value().as_deref(),
        Some("07:30"),
        "the times last used are offered again"
    );
    harness.get_by_role_and_label(Role::Button, "Export…").click();
    harness.run();
    assert!(harness.state().calendar_window.is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().calendar_window.is_none(), "Escape closes the window");
}
