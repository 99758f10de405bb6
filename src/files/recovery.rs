//! The autosaved recovery copy of the open program: written a few seconds after each change, removed after a
//! successful save or a clean exit, and offered back at start-up when it is still there (the app crashed, or
//! the computer lost power).

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{FileError, read_text, syntax_error, to_pretty};
use crate::model::Program;

/// What the recovery file holds: the program as it was, and which file it belonged to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Recovery", deny_unknown_fields)]
pub struct Recovery {
    pub version: u32,
    /// The file the program was opened from or last saved to; `None` for a program never saved.
    pub document: Option<PathBuf>,
    pub program: Program,
}

const FILE_NAME: &str = "autosave.ron";

#[must_use]
pub fn recovery_file(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// Writes the recovery copy.
pub fn write(dir: &Path, document: Option<&Path>, program: &Program) -> Result<(), FileError> {
    let path = recovery_file(dir);
    fs::create_dir_all(dir).map_err(|e| super::write_error(&path, e))?;
    let recovery = Recovery {
        version: crate::model::FORMAT_VERSION,
        document: document.map(Path::to_owned),
        program: program.clone(),
    };
    // The recovery copy needs no backup of itself.
    super::write_export(&path, to_pretty(&recovery)?.as_bytes())
}

/// The recovery copy left behind, if any. An unreadable one is reported, not deleted: it may hold the only copy
/// of an afternoon's work.
#[must_use]
pub fn find(dir: &Path) -> Option<Result<Recovery, FileError>> {
    let path = recovery_file(dir);
    if !path.exists() {
        return None;
    }
    Some(read_text(&path).and_then(|text| ron::Options::default().from_str(&text).map_err(|e| syntax_error(&path, &e))))
}

/// Removes the recovery copy (after a save, or when the therapist declines it).
pub fn discard(dir: &Path) {
    let _ = fs::remove_file(recovery_file(dir));
}
