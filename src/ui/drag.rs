//! What can be dragged onto a phase or a card: one payload type for both, because egui keeps one payload and a
//! drop zone asking for another type would throw it away. The library panel starts drags, the program editor
//! and the cards accept them; both import this module, neither imports the other.

use super::commands::{Command, Edit};

#[derive(Clone, Debug)]
pub enum Dragged {
    /// An exercise from the library, by id.
    Exercise(String),
    /// A prescription card, by its stable id.
    Prescription(u64),
}

impl Dragged {
    /// The command that puts what was dropped at `index` in the phase (`None`: at its end).
    #[must_use]
    pub fn into_command(self, phase_id: u64, index: Option<usize>) -> Command {
        match self {
            Self::Exercise(exercise_id) => Edit::AddExercise { exercise_id, phase_id, index }.into(),
            Self::Prescription(id) => {
                Edit::MovePrescription { id, phase_id, index: index.unwrap_or(usize::MAX) }.into()
            }
        }
    }
}
