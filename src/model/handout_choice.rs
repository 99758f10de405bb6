//! What a program's handout prints, remembered with the program: which stages (the current one, chosen ones or
//! all) and in which layout (detailed, compact, one-page summary).
//!
//! At the desk a therapist usually hands over the stage the patient is in and prints the next one at the next
//! visit, so the current stage is the default. A file written before these existed reads as the current stage
//! (the first), detailed.

use serde::{Deserialize, Serialize};

use super::Program;

/// Which stages and which layout. Stored in the program file (left out while it is the default).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HandoutChoice {
    pub scope: HandoutScope,
    pub layout: HandoutLayout,
}

impl HandoutChoice {
    /// Whether this is what a program without a choice prints (so the file need not say it).
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// Which stages a handout covers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum HandoutScope {
    /// The stage the patient is in now (`Program::current_stage`).
    #[default]
    CurrentStage,
    /// These stages, by their phases' stable ids (printed in program order). Ids no longer in the program are
    /// ignored; none left prints the current stage.
    Stages(Vec<u64>),
    /// Every stage.
    Whole,
}

impl HandoutScope {
    /// A short name for the choice.
    #[must_use]
    pub fn label(&self) -> &'static str {
        match self {
            Self::CurrentStage => "Current stage",
            Self::Stages(_) => "Chosen stages",
            Self::Whole => "Whole program",
        }
    }
}

/// How the exercises are laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HandoutLayout {
    /// Every exercise with its goal, all its steps, tips, mistakes and cautions: two to an A4 page.
    #[default]
    Detailed,
    /// Picture, name, dose, at most four short steps and the one most important caution: three to an A4 page.
    Compact,
    /// One page for the fridge: a table of the exercises with a small picture and the dose, tick boxes for a
    /// week, and the safety essentials.
    Summary,
}

impl HandoutLayout {
    pub const ALL: [Self; 3] = [Self::Detailed, Self::Compact, Self::Summary];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Detailed => "Detailed",
            Self::Compact => "Compact",
            Self::Summary => "One-page summary",
        }
    }

    /// The word the command line takes (`--layout compact`).
    #[must_use]
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Detailed => "detailed",
            Self::Compact => "compact",
            Self::Summary => "summary",
        }
    }
}

impl Program {
    /// The index of the stage the patient is in now: the phase `current_stage` names, or the first when it is
    /// unset or names a phase no longer in the program.
    #[must_use]
    pub fn current_stage_index(&self) -> usize {
        self.current_stage.and_then(|id| self.phases.iter().position(|phase| phase.id == id)).unwrap_or(0)
    }

    /// The indices of the phases a handout with this scope prints, in program order. Empty only when the
    /// program has no phases.
    #[must_use]
    pub fn stages_in_scope(&self, scope: &HandoutScope) -> Vec<usize> {
        if self.phases.is_empty() {
            return Vec::new();
        }
        match scope {
            HandoutScope::Whole => (0..self.phases.len()).collect(),
            HandoutScope::CurrentStage => vec![self.current_stage_index()],
            HandoutScope::Stages(ids) => {
                let chosen: Vec<usize> = self
                    .phases
                    .iter()
                    .enumerate()
                    .filter(|(_, phase)| ids.contains(&phase.id))
                    .map(|(index, _)| index)
                    .collect();
                if chosen.is_empty() { vec![self.current_stage_index()] } else { chosen }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Phase};

    fn program_of(phases: usize) -> Program {
        let mut program = Program::new(Date::from_days(20_000));
        program.phases = (0..phases).map(|i| Phase::new(10 + i as u64, &format!("Stage {i}"))).collect();
        program
    }

    #[test]
    fn the_current_stage_is_the_first_until_set_and_survives_reordering() {
        let mut program = program_of(3);
        assert_eq!(program.current_stage_index(), 0);
        program.current_stage = Some(12);
        assert_eq!(program.current_stage_index(), 2);
        program.phases.swap(0, 2);
        assert_eq!(program.current_stage_index(), 0);
        program.current_stage = Some(99);
        assert_eq!(program.current_stage_index(), 0, "a stage that was deleted reads as the first");
    }

    #[test]
    fn scopes_name_stages_in_program_order() {
        let mut program = program_of(4);
        program.current_stage = Some(11);
        assert_eq!(program.stages_in_scope(&HandoutScope::CurrentStage), vec![1]);
        assert_eq!(program.stages_in_scope(&HandoutScope::Whole), vec![0, 1, 2, 3]);
        assert_eq!(program.stages_in_scope(&HandoutScope::Stages(vec![13, 10])), vec![0, 3]);
        assert_eq!(program.stages_in_scope(&HandoutScope::Stages(vec![77])), vec![1]);
        assert!(program_of(0).stages_in_scope(&HandoutScope::Whole).is_empty());
    }

    #[test]
    fn a_file_without_a_choice_reads_as_the_current_stage_in_detail() {
        let choice: HandoutChoice = ron::from_str("()").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(choice, HandoutChoice::default());
        assert_eq!(choice.scope, HandoutScope::CurrentStage);
        assert_eq!(choice.layout, HandoutLayout::Detailed);
        let chosen = HandoutChoice { scope: HandoutScope::Stages(vec![3, 4]), layout: HandoutLayout::Compact };
        let text = ron::to_string(&chosen).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ron::from_str::<HandoutChoice>(&text).ok(), Some(chosen));
    }
}
