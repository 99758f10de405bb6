//! The program on the patient's phone, with no account and no server: a one-file web page and calendar reminders.
//!
//! - [`html::page`]: one self-contained HTML file (styles inline, drawings as inline SVG, nothing fetched) with
//!   the handout's content for the same stages: the safety rules first, each exercise with its drawing, dose,
//!   steps and cautions, the week-by-week plan, and a diary whose ticks the phone remembers.
//! - [`ics::calendar`]: an iCalendar file (RFC 5545) with a reminder at each exercise time of each session day of
//!   the chosen stages, titled with the stage and holding that day's doses. Importing it twice does not duplicate
//!   the events.
//!
//! ```no_run
//! use stepwise::export::{self, ics};
//! # fn demo(program: &stepwise::model::Program) -> Result<(), Box<dyn std::error::Error>> {
//! let stages = export::stages(program, &export::StageChoice::Whole)?;
//! let calendar = ics::calendar(program, &stages, &ics::CalendarOptions::default());
//! std::fs::write("reminders.ics", calendar.text)?;
//! let page = export::html::page(program, &stages, &export::html::PageOptions::default());
//! std::fs::write("exercises.html", page.html)?;
//! # Ok(()) }
//! ```
//!
//! Both cover the same stages as the printed handout: the program's current stage unless the therapist chooses
//! stages or the whole program ([`stages`]).

pub mod html;
pub mod ics;
mod path_data;
mod svg;

use crate::model::Program;

/// Which stages an export covers, as the therapist chooses them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum StageChoice {
    /// The stage the patient is in now (`Program::current_stage`).
    #[default]
    Current,
    /// These stages, numbered from 1 as the handout numbers them.
    Stages(Vec<usize>),
    Whole,
}

/// A stage number that the program does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StageError {
    #[error("the program has no stage {stage}: choose 1 to {count}")]
    NoSuchStage { stage: usize, count: usize },
    #[error("the program has no stages")]
    NoStages,
}

/// The stages to export, as positions in `program.phases`, in order and each once.
pub fn stages(program: &Program, choice: &StageChoice) -> Result<Vec<usize>, StageError> {
    let count = program.phases.len();
    if count == 0 {
        return Err(StageError::NoStages);
    }
    Ok(match choice {
        StageChoice::Current => vec![program.current_stage_index()],
        StageChoice::Whole => (0..count).collect(),
        StageChoice::Stages(numbers) => {
            let mut positions = Vec::with_capacity(numbers.len());
            for &stage in numbers {
                if stage == 0 || stage > count {
                    return Err(StageError::NoSuchStage { stage, count });
                }
                positions.push(stage - 1);
            }
            positions.sort_unstable();
            positions.dedup();
            positions
        }
    })
}

/// What makes a program the same program on the patient's phone: patient, reference, title and start date,
/// hashed with FNV-1a (stable across Rust versions and machines, unlike `std`'s hasher). The calendar's event
/// ids are made from it, so a second import replaces the first.
pub(crate) fn program_key(program: &Program) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        program.patient.name.trim(),
        program.patient.date_of_birth_or_reference.trim(),
        program.title.trim(),
        &program.start_date.to_string(),
    ] {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}
