//! The window shows the patient's own leg: on the cards of a program whose left leg is affected, the one-sided
//! exercises' drawings are the mirrored ones (the drawings are made for the right leg); for the right leg the
//! originals. `egui_kittest`: no GPU, no display.

use std::time::Duration;

use egui_kittest::Harness;
use stepwise::files::settings::Locations;
use stepwise::model::{Date, Side};
use stepwise::ui::{AppEnvironment, Command, ScriptedDialogs, StepwiseApp};

/// The ids of the drawings the cards of the Alfredson program show, when the patient's `side` is affected, with
/// whether each was shown mirrored (its mirrored image was handed to egui) and whether the original was (the
/// library panel shows originals too).
fn drawings_shown(side: Side) -> Vec<(String, bool, bool)> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut environment = AppEnvironment::new(Locations::under(dir.path()), Box::new(ScriptedDialogs::new()));
    environment.today = Date::new(2026, 11, 24).unwrap_or_else(|| Date::from_days(0));
    environment.autosave_delay = Duration::ZERO;
    environment.live_preview = false;
    let mut harness =
        Harness::builder().with_size([1400.0, 1200.0]).build_eframe(move |cc| StepwiseApp::new(cc, environment));
    harness.run();
    let index = stepwise::assets::PROGRAM_FILES
        .iter()
        .position(|(name, _)| name.contains("alfredson"))
        .expect("the Alfredson program ships");
    harness.state_mut().commands.push(Command::OpenTemplate(index));
    harness.run();
    harness.state_mut().document.program.patient.side = side;
    // Only what the cards show from now on counts (the template opened with both legs).
    harness.ctx.forget_all_images();
    harness.run();
    let program = harness.state().document.program.clone();
    program.phases[0]
        .prescriptions
        .iter()
        // Exercises for the affected leg (not both legs together, not a named side).
        .filter(|p| matches!(p.dose.side, Side::Affected | Side::EachSide))
        .filter(|p| stepwise::assets::illustration(p.exercise.illustration.trim()).is_some())
        .map(|p| {
            let id = p.exercise.illustration.trim().to_owned();
            let shown = |uri: String| harness.ctx.try_load_bytes(&uri).is_ok();
            let mirrored = shown(format!("bytes://illustration/{id}-mirrored.svg"));
            let original = shown(format!("bytes://illustration/{id}.svg"));
            (id, mirrored, original)
        })
        .collect()
}

#[test]
fn a_left_sided_program_shows_the_left_leg_working_on_its_cards() {
    let left = drawings_shown(Side::Left);
    assert!(!left.is_empty(), "the first stage has drawings");
    // The library beside the program shows its drawings as made, whatever the patient: only the mirrored image
    // tells the cards apart.
    for (id, mirrored, _) in &left {
        assert!(*mirrored, "{id}: the left leg's card shows the mirrored drawing: {left:?}");
    }
    let right = drawings_shown(Side::Right);
    for (id, mirrored, original) in &right {
        assert!(*original && !*mirrored, "{id}: the right leg's card shows the drawing as made: {right:?}");
    }
}
