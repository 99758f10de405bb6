//! What the program editor hands its parts: the editor's context (the program, its problems and selection, the
//! schedule) for the phases, and each card's context for the card and its progression fields. Apart from the
//! panels so that no two ui files import each other.

use std::collections::HashSet;

use super::selection::Selection;
use crate::files::settings::WeightUnit;
use crate::model::{PathStep, Problem, Program, Side};
use crate::schedule::Schedule;

/// What the editor reads and changes.
pub struct EditorContext<'a> {
    pub program: &'a mut Program,
    /// Why the program cannot be changed (a file from a newer Stepwise), if it cannot.
    pub read_only: Option<&'a str>,
    pub problems: &'a [Problem],
    pub selection: &'a mut Selection,
    /// The program week by week, for the timeline.
    pub schedule: &'a Schedule,
    /// Prescriptions whose library entry changed since they were copied.
    pub outdated: &'a HashSet<u64>,
    pub units: WeightUnit,
}

/// Where the card is and how to draw it.
pub struct CardContext<'a> {
    pub phase_index: usize,
    pub position: usize,
    pub phase_id: u64,
    pub problems: &'a [Problem],
    pub selected: bool,
    pub outdated: bool,
    pub units: WeightUnit,
    pub affected: Side,
    /// Every phase (id, name), for "Move to phase".
    pub phases: &'a [(u64, String)],
}

impl CardContext<'_> {
    /// The first problem on `field` of this prescription's `section` ("dose", "progression", "exercise").
    pub(super) fn problem(&self, section: &str, field: &str) -> Option<&Problem> {
        self.problems.iter().find(|problem| {
            matches!(
                problem.path.0.as_slice(),
                [PathStep::Field("phases"), PathStep::Index(p), PathStep::Field("prescriptions"), PathStep::Index(i), PathStep::Field(s), rest @ ..]
                    if *p == self.phase_index && *i == self.position && *s == section
                        && (field.is_empty() || rest.iter().any(|step| matches!(step, PathStep::Field(name) if *name == field)))
            )
        })
    }

    /// The first problem on `field` of row `row` of the dose-by-week table: only that row is marked.
    pub(super) fn week_row_problem(&self, row: usize, field: &str) -> Option<&Problem> {
        self.all_problems().find(|problem| {
            matches!(
                problem.path.0.as_slice(),
                [.., PathStep::Field("progression"), PathStep::Index(r), PathStep::Field(f)] if *r == row && *f == field
            )
        })
    }

    pub(super) fn all_problems(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|problem| {
            matches!(
                problem.path.0.as_slice(),
                [PathStep::Field("phases"), PathStep::Index(p), PathStep::Field("prescriptions"), PathStep::Index(i), ..]
                    if *p == self.phase_index && *i == self.position
            )
        })
    }
}
