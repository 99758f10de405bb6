//! Undo and redo for the document: a stack of whole-program snapshots.
//!
//! A program is a few kilobytes, so snapshots are cheap and always exact: whatever changed (a command, a drag, a
//! typed name), undo brings back the program as it was. Commands record a step before they change anything;
//! typing and dragging are folded into one step per gesture, recorded once the gesture ends, so undo after typing
//! "Sarah" removes the whole name, not the last letter.

use crate::model::Program;

/// How many steps are kept; older ones are dropped.
const MAX_STEPS: usize = 200;

pub struct History {
    undo: Vec<Program>,
    redo: Vec<Program>,
    /// The program as of the last recorded step: what an in-progress gesture started from.
    baseline: Program,
}

impl History {
    #[must_use]
    pub fn new(program: &Program) -> Self {
        Self { undo: Vec::new(), redo: Vec::new(), baseline: program.clone() }
    }

    /// Record a step if the program changed since the last one (the end of a typing or dragging gesture).
    pub fn settle(&mut self, program: &Program) {
        if *program != self.baseline {
            let before = std::mem::replace(&mut self.baseline, program.clone());
            self.push_undo(before);
        }
    }

    /// Record the current state before a command changes it. Any unsettled gesture becomes its own step first.
    pub fn before_command(&mut self, program: &Program) {
        self.settle(program);
    }

    /// After a command changed the program: the new state is the baseline for the next step.
    pub fn after_command(&mut self, program: &Program) {
        self.settle(program);
    }

    fn push_undo(&mut self, program: Program) {
        self.undo.push(program);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    #[must_use]
    pub fn can_undo(&self, program: &Program) -> bool {
        !self.undo.is_empty() || *program != self.baseline
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The program one step back, or `None` at the start of history.
    pub fn undo(&mut self, program: &Program) -> Option<Program> {
        self.settle(program);
        let previous = self.undo.pop()?;
        self.redo.push(std::mem::replace(&mut self.baseline, previous.clone()));
        Some(previous)
    }

    /// The program one step forward again, or `None` when nothing was undone.
    pub fn redo(&mut self, program: &Program) -> Option<Program> {
        if *program != self.baseline {
            // An edit after undo starts a new branch: the redo steps are gone.
            self.settle(program);
            return None;
        }
        let next = self.redo.pop()?;
        self.undo.push(std::mem::replace(&mut self.baseline, next.clone()));
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn program(title: &str) -> Program {
        let mut program = Program::new(Date::new(2026, 1, 5).unwrap_or_else(|| Date::from_days(0)));
        title.clone_into(&mut program.title);
        program
    }

    #[test]
    fn undo_and_redo_walk_the_steps() {
        let mut history = History::new(&program("a"));
        let b = program("b");
        history.settle(&b);
        let c = program("c");
        history.before_command(&b);
        history.after_command(&c);
        assert_eq!(history.undo(&c).map(|p| p.title), Some("b".to_owned()));
        assert_eq!(history.undo(&b).map(|p| p.title), Some("a".to_owned()));
        assert!(history.undo(&program("a")).is_none());
        assert_eq!(history.redo(&program("a")).map(|p| p.title), Some("b".to_owned()));
        assert_eq!(history.redo(&b).map(|p| p.title), Some("c".to_owned()));
    }

    #[test]
    fn an_unsettled_edit_is_undone_as_one_step() {
        let mut history = History::new(&program("a"));
        assert_eq!(history.undo(&program("typed")).map(|p| p.title), Some("a".to_owned()));
        assert_eq!(history.redo(&program("a")).map(|p| p.title), Some("typed".to_owned()));
    }
}
