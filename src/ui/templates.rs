//! The ready-made programs built into the app (`programs/*.ron`), read by `files` like any other program.

use std::path::Path;

use crate::files::{self, LoadedProgram};

/// Number of ready-made programs.
#[must_use]
pub fn template_count() -> usize {
    crate::assets::PROGRAM_FILES.len()
}

/// A ready-made program; `None` past the last.
#[must_use]
pub fn template(index: usize) -> Option<Result<LoadedProgram, files::FileError>> {
    let (stem, bytes) = crate::assets::PROGRAM_FILES.get(index)?;
    let text = String::from_utf8_lossy(bytes);
    Some(files::program_from_str(&text, Path::new(&format!("programs/{stem}.ron"))))
}
