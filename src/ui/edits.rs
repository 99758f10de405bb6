//! What each edit does to the program, as plain functions on `Program` and `Selection`: no egui, no files. The
//! app wraps each call in one undo step (`app::command_handling`); tests can call them directly.

use super::commands::Edit;
use super::selection::Selection;
use crate::library::Library;
use crate::model::{
    MeasurableCriterion, PathStep, Phase, PhaseLength, Prescription, Problem, Program, Progression, Severity, WeekDose,
};

/// Carries out `edit`. `Err` says why nothing changed (an exercise no longer in the library).
pub fn apply(edit: Edit, program: &mut Program, selection: &mut Selection, library: &Library) -> Result<(), String> {
    match edit {
        Edit::AddExercise { exercise_id, phase_id, index } => {
            let Some(entry) = library.get(&exercise_id) else {
                return Err(format!("`{exercise_id}` is not in the library."));
            };
            let prescription = Prescription {
                id: 0,
                exercise: entry.exercise.to_copy(),
                dose: entry.exercise.default_dose.clone(),
                progression: Progression::default(),
            };
            add_prescription(program, selection, prescription, phase_id, index);
        }
        Edit::MovePrescription { id, phase_id, index } => move_prescription(program, id, phase_id, index),
        Edit::DuplicatePrescription(id) => {
            if let Some((phase, position)) = program.find_prescription(id) {
                let mut copy = program.phases[phase].prescriptions[position].clone();
                copy.id = program.next_id();
                selection.prescription = Some(copy.id);
                program.phases[phase].prescriptions.insert(position + 1, copy);
            }
        }
        Edit::RemovePrescription(id) => {
            if let Some((phase, position)) = program.find_prescription(id) {
                program.phases[phase].prescriptions.remove(position);
                if selection.prescription == Some(id) {
                    selection.prescription = None;
                }
            }
        }
        Edit::UpdateFromLibrary(id) => {
            let Some((phase, position)) = program.find_prescription(id) else { return Ok(()) };
            let prescription = &mut program.phases[phase].prescriptions[position];
            let library_id = &prescription.exercise.library_id;
            let Some(copy) = library.get(library_id).map(|entry| entry.exercise.to_copy()) else {
                return Err(format!(
                    "`{library_id}` is not in the library any more, so there is nothing to update from."
                ));
            };
            prescription.exercise = copy;
        }
        Edit::RemovePhase(id) => {
            program.phases.retain(|phase| phase.id != id);
            if selection.target_phase == Some(id) {
                selection.target_phase = program.phases.first().map(|phase| phase.id);
            }
        }
        Edit::MovePhase { id, delta } => {
            if let Some(from) = program.phases.iter().position(|phase| phase.id == id) {
                let to = from.saturating_add_signed(delta as isize).min(program.phases.len().saturating_sub(1));
                let phase = program.phases.remove(from);
                program.phases.insert(to, phase);
            }
        }
        Edit::SetOpenEnded { phase_id, open_ended } => {
            if let Some(phase) = phase_mut(program, phase_id) {
                let is_open_ended = phase.length == PhaseLength::UntilCriteriaMet;
                if is_open_ended != open_ended {
                    phase.length = if open_ended { PhaseLength::UntilCriteriaMet } else { PhaseLength::Weeks(2) };
                }
            }
        }
        Edit::RemoveGoal(index) => {
            if index < program.goals.len() {
                program.goals.remove(index);
            }
        }
        Edit::AddCriterion { phase_id } => {
            if let Some(phase) = phase_mut(program, phase_id) {
                phase.measurable_criteria.push(MeasurableCriterion {
                    test: String::new(),
                    target: 0.0,
                    unit: "repetitions".to_owned(),
                });
            }
        }
        Edit::RemoveCriterion { phase_id, index } => {
            if let Some(phase) = phase_mut(program, phase_id)
                && index < phase.measurable_criteria.len()
            {
                phase.measurable_criteria.remove(index);
            }
        }
        Edit::AddWeekRow { prescription_id } => {
            if let Some(Progression::ByWeek(rows)) = progression_mut(program, prescription_id) {
                let next = rows.last().map_or(
                    WeekDose { from_week: 1, sets: 3, reps: Some(15), hold_seconds: None, load: None },
                    // A file may hold any number here (validation flags it): never overflow.
                    |last| WeekDose { from_week: last.from_week.saturating_add(1), ..last.clone() },
                );
                rows.push(next);
            }
        }
        Edit::RemoveWeekRow { prescription_id, index } => {
            if let Some(Progression::ByWeek(rows)) = progression_mut(program, prescription_id)
                && index < rows.len()
            {
                rows.remove(index);
            }
        }
        Edit::SetLoadKind { prescription_id, kind } => {
            if let Some((phase, position)) = program.find_prescription(prescription_id) {
                let load = &mut program.phases[phase].prescriptions[position].dose.load;
                if super::commands::LoadKind::of(load) != kind {
                    *load = kind.start();
                }
            }
        }
        Edit::SetPainRule(rule) => program.pain_rule = rule,
        Edit::SetProgressionKind { prescription_id, kind } => {
            if let Some(progression) = progression_mut(program, prescription_id)
                && super::commands::ProgressionKind::of(progression) != kind
            {
                *progression = kind.start();
            }
        }
        Edit::SetCurrentStage(phase_id) => {
            if program.phases.iter().any(|phase| phase.id == phase_id) {
                program.current_stage = Some(phase_id);
            }
        }
        Edit::SetHandoutScope(scope) => program.handout.scope = scope,
        Edit::SetHandoutLayout(layout) => program.handout.layout = layout,
    }
    Ok(())
}

fn phase_mut(program: &mut Program, phase_id: u64) -> Option<&mut Phase> {
    program.phases.iter_mut().find(|phase| phase.id == phase_id)
}

fn progression_mut(program: &mut Program, prescription_id: u64) -> Option<&mut Progression> {
    let (phase, position) = program.find_prescription(prescription_id)?;
    Some(&mut program.phases[phase].prescriptions[position].progression)
}

/// Puts `prescription` (given a fresh id) into the phase at `index` (`None`: at the end), making a first phase
/// when there is none, and selects it.
fn add_prescription(
    program: &mut Program,
    selection: &mut Selection,
    mut prescription: Prescription,
    phase_id: u64,
    index: Option<usize>,
) {
    if program.phases.is_empty() {
        let id = program.next_id();
        program.phases.push(Phase::new(id, "Phase 1"));
    }
    prescription.id = program.next_id();
    let id = prescription.id;
    let phase = program.phases.iter().position(|phase| phase.id == phase_id).unwrap_or(program.phases.len() - 1);
    let prescriptions = &mut program.phases[phase].prescriptions;
    let at = index.unwrap_or(prescriptions.len()).min(prescriptions.len());
    prescriptions.insert(at, prescription);
    selection.prescription = Some(id);
    selection.details_of_prescription = true;
    selection.scroll_to_prescription = true;
}

/// Moves a prescription to `index` in the phase `phase_id` (an index counted before the move was made).
pub fn move_prescription(program: &mut Program, id: u64, phase_id: u64, index: usize) {
    let Some((from_phase, from_index)) = program.find_prescription(id) else { return };
    let Some(to_phase) = program.phases.iter().position(|phase| phase.id == phase_id) else { return };
    let prescription = program.phases[from_phase].prescriptions.remove(from_index);
    let mut index = index;
    if from_phase == to_phase && from_index < index {
        index -= 1;
    }
    let prescriptions = &mut program.phases[to_phase].prescriptions;
    let index = index.min(prescriptions.len());
    prescriptions.insert(index, prescription);
}

/// Where Alt+Up / Alt+Down takes the prescription: one place up or down; past the top or bottom of a phase, into
/// the next phase. `None` at either end of the program.
#[must_use]
pub fn one_place(program: &Program, id: u64, delta: i32) -> Option<(u64, usize)> {
    let (phase, position) = program.find_prescription(id)?;
    let phases = &program.phases;
    if delta < 0 {
        if position > 0 {
            Some((phases[phase].id, position - 1))
        } else if phase > 0 {
            Some((phases[phase - 1].id, phases[phase - 1].prescriptions.len()))
        } else {
            None
        }
    } else if position + 1 < phases[phase].prescriptions.len() {
        Some((phases[phase].id, position + 1))
    } else if phase + 1 < phases.len() {
        Some((phases[phase + 1].id, 0))
    } else {
        None
    }
}

/// The prescriptions with an error, in program order, each once.
#[must_use]
pub fn prescriptions_with_errors(program: &Program, problems: &[Problem]) -> Vec<u64> {
    let mut ids: Vec<u64> = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .filter_map(|problem| match problem.path.0.as_slice() {
            [
                PathStep::Field("phases"),
                PathStep::Index(phase),
                PathStep::Field("prescriptions"),
                PathStep::Index(i),
                ..,
            ] => program.phases.get(*phase)?.prescriptions.get(*i).map(|p| p.id),
            _ => None,
        })
        .collect();
    ids.dedup();
    ids
}

/// Adds a phase at the end and makes it the one new exercises go into.
pub fn add_phase(program: &mut Program, selection: &mut Selection) {
    let id = program.next_id();
    let name = format!("Phase {}", program.phases.len() + 1);
    program.phases.push(Phase::new(id, &name));
    selection.target_phase = Some(id);
}
