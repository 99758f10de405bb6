//! The open document: the program being edited, where it lives on disk, whether it has unsaved changes, its
//! undo history and its validation problems. Kept apart from the panels' state so undo and "unsaved" only ever
//! look at the program itself.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::history::History;
use crate::model::{Problem, Program, Severity};

pub struct Document {
    pub program: Program,
    /// The file it was opened from or saved to; `None` for a program never saved.
    pub path: Option<PathBuf>,
    /// `Some(reason)`: written by a newer Stepwise, so Save is refused (Save As a new file is allowed).
    pub read_only: Option<String>,
    pub history: History,
    /// Validation problems of the current program, recomputed when it changes.
    pub problems: Vec<Problem>,
    /// Bumped on every change, so autosave and the preview know when they are out of date.
    pub revision: u64,
    /// When the last change was seen: autosave and the preview wait a moment after it.
    pub changed_at: Option<Instant>,
    /// Whether the program differs from the file on disk.
    pub dirty: bool,
    /// The program as saved (or opened): "unsaved" means different from this, so undoing back clears the mark.
    saved: Program,
    /// The program as of the last frame: how a change made directly by a widget is noticed.
    seen: Program,
    validated: bool,
}

impl Document {
    #[must_use]
    pub fn new(program: Program, path: Option<PathBuf>, read_only: Option<String>) -> Self {
        Self {
            history: History::new(&program),
            problems: Vec::new(),
            revision: 0,
            changed_at: None,
            dirty: false,
            saved: program.clone(),
            seen: program.clone(),
            validated: false,
            program,
            path,
            read_only,
        }
    }

    /// A document that is not what is on disk from the start (a restored recovery copy).
    #[must_use]
    pub fn new_unsaved(program: Program, path: Option<PathBuf>, on_disk: Option<Program>) -> Self {
        let mut document = Self::new(program, path, None);
        document.saved = on_disk.unwrap_or_else(|| document.saved.clone());
        // A restored copy is unsaved work even when it matches the file: the therapist decides to save it.
        document.dirty = true;
        document.revision = 1;
        document
    }

    /// Call once a frame: notices a change, however it was made, and refreshes what depends on the program.
    /// Returns whether the program changed.
    pub fn notice_changes(&mut self, is_known_exercise: &dyn Fn(&str) -> bool) -> bool {
        let changed = self.program != self.seen;
        if changed {
            self.seen = self.program.clone();
            self.revision += 1;
            self.changed_at = Some(Instant::now());
            self.dirty = self.program != self.saved;
        }
        if changed || !self.validated {
            self.problems = crate::model::validate_program(&self.program, is_known_exercise);
            self.validated = true;
        }
        changed
    }

    /// Validate again on the next frame (the library changed, so unknown ids may be known now).
    pub fn revalidate(&mut self) {
        self.validated = false;
    }

    pub fn mark_saved(&mut self, path: &Path) {
        self.path = Some(path.to_owned());
        self.saved = self.program.clone();
        self.dirty = false;
        self.read_only = None;
    }

    /// "achilles-anna.ron", or "Untitled".
    #[must_use]
    pub fn display_name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| "Untitled".to_owned(), |name| name.to_string_lossy().into_owned())
    }

    #[must_use]
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|problem| problem.severity == Severity::Error).count()
    }
}
