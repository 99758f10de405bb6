//! What the therapist has selected: drives the details view and the commands that act on "the selected
//! exercise". Panels change it directly (a click selects); commands read it.

use crate::model::Program;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// The prescription card last clicked.
    pub prescription: Option<u64>,
    /// The library entry last clicked.
    pub exercise: Option<String>,
    /// The phase new exercises go into.
    pub target_phase: Option<u64>,
    /// Whether the details view shows the prescription (true) or the library entry (false).
    pub details_of_prescription: bool,
    /// Bring the selected card into view on the next frame (after a keyboard move or "next problem").
    pub scroll_to_prescription: bool,
}

impl Selection {
    /// A fresh selection for a newly shown program: nothing selected, new exercises go into its first phase.
    #[must_use]
    pub fn for_program(program: &Program) -> Self {
        Self { target_phase: program.phases.first().map(|phase| phase.id), ..Self::default() }
    }

    /// The phase new exercises go into: the chosen one if it still exists, else the last (0 when there is none).
    #[must_use]
    pub fn target_phase_id(&self, program: &Program) -> u64 {
        let phases = &program.phases;
        self.target_phase
            .filter(|id| phases.iter().any(|phase| phase.id == *id))
            .or_else(|| phases.last().map(|phase| phase.id))
            .unwrap_or(0)
    }

    /// Selects a card (and its phase for new exercises) and shows its details.
    pub fn select_prescription(&mut self, id: u64, phase_id: u64) {
        self.prescription = Some(id);
        self.details_of_prescription = true;
        self.target_phase = Some(phase_id);
    }

    /// Selects a library entry and shows its details.
    pub fn select_exercise(&mut self, id: &str) {
        self.exercise = Some(id.to_owned());
        self.details_of_prescription = false;
    }
}
