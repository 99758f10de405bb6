//! Recovery copies of open programs: written a few seconds after each change, removed after a successful save, a
//! clean close of a saved program or an explicit Discard, and offered back at start-up when a window is gone
//! without doing any of those (the app crashed, or the computer lost power).
//!
//! Each window has its own copy. It claims a [`RecoverySlot`] at start: `recovery/<id>.ron` for the copy and
//! `recovery/<id>.lock`, which it keeps locked for as long as it runs. A copy whose lock nobody holds belongs to a
//! window that is gone: [`left_behind`] offers only those, and takes their lock while they are offered, so two
//! windows open on one data folder keep two copies and neither offers the other's live work. A lock is released by
//! the system when its process ends, however it ends.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

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

/// One window's recovery copy, held with a lock while the window runs (dropping it releases the lock and keeps
/// the copy, if there is one, for the next start).
#[derive(Debug)]
pub struct RecoverySlot {
    copy: PathBuf,
    lock_path: PathBuf,
    /// Locked for the slot's whole life; the lock goes with the file handle.
    _lock: File,
}

impl RecoverySlot {
    /// A new slot of this window's own in `dir` (made if needed).
    pub fn claim(dir: &Path) -> Result<Self, FileError> {
        fs::create_dir_all(dir).map_err(|e| super::write_error(dir, e))?;
        let stamp = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_nanos());
        let mut attempt = 0_u32;
        loop {
            let id = format!("window-{}-{stamp}-{attempt}", std::process::id());
            let lock_path = dir.join(format!("{id}.lock"));
            // `create_new`: a name no other window has, even one started in the same nanosecond.
            match OpenOptions::new().write(true).create_new(true).open(&lock_path) {
                Ok(lock) => {
                    lock.try_lock().map_err(|e| super::write_error(&lock_path, lock_error(e)))?;
                    return Ok(Self { copy: dir.join(format!("{id}.ron")), lock_path, _lock: lock });
                }
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists && attempt < 1000 => attempt += 1,
                Err(error) => return Err(super::write_error(&lock_path, error)),
            }
        }
    }

    /// Where this window's copy is written.
    #[must_use]
    pub fn copy_path(&self) -> &Path {
        &self.copy
    }

    /// Writes the copy (whole or not at all).
    pub fn write(&self, document: Option<&Path>, program: &Program) -> Result<(), FileError> {
        let recovery = Recovery {
            version: crate::model::FORMAT_VERSION,
            document: document.map(Path::to_owned),
            program: program.clone(),
        };
        // The recovery copy needs no backup of itself.
        super::write_export(&self.copy, to_pretty(&recovery)?.as_bytes())
    }

    /// Removes the copy: after a successful save, a clean close of a saved program, or an explicit Discard. The
    /// slot stays this window's for its next changes.
    pub fn discard(&self) {
        let _ = fs::remove_file(&self.copy);
    }

    /// Whether a copy is on disk.
    #[must_use]
    pub fn has_copy(&self) -> bool {
        self.copy.exists()
    }
}

impl Drop for RecoverySlot {
    fn drop(&mut self) {
        // A slot with no copy leaves nothing behind; one with a copy keeps both files, and the lock is freed
        // when the handle closes, so the next start offers the copy.
        if !self.copy.exists() {
            let _ = fs::remove_file(&self.lock_path);
        }
    }
}

/// A copy left by a window that is gone, now locked by the caller while it is offered. Restoring it means
/// keeping `slot` as the window's own (the copy then goes only after a save); Discard is `slot.discard()`;
/// dropping it (the window closed before answering) keeps the copy for the next start.
#[derive(Debug)]
pub struct LeftBehind {
    pub slot: RecoverySlot,
    /// The program, or why the copy could not be read (it is kept: it may be the only copy of an afternoon's work).
    pub recovery: Result<Recovery, FileError>,
}

/// The copies in `dir` whose windows are gone, newest first. Copies of running windows are never listed.
#[must_use]
pub fn left_behind(dir: &Path) -> Vec<LeftBehind> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<(SystemTime, LeftBehind)> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "ron"))
        .filter_map(|copy| {
            let lock_path = copy.with_extension("lock");
            let lock = OpenOptions::new().write(true).create(true).truncate(false).open(&lock_path).ok()?;
            // Held: its window is still running (in this process or another).
            lock.try_lock().ok()?;
            // The window may have discarded its copy and ended between the listing and the lock.
            let modified = fs::metadata(&copy).and_then(|meta| meta.modified()).ok()?;
            let recovery = read(&copy);
            Some((modified, LeftBehind { slot: RecoverySlot { copy, lock_path, _lock: lock }, recovery }))
        })
        .collect();
    found.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    found.into_iter().map(|(_, left)| left).collect()
}

fn read(copy: &Path) -> Result<Recovery, FileError> {
    read_text(copy).and_then(|text| ron::Options::default().from_str(&text).map_err(|e| syntax_error(copy, &e)))
}

fn lock_error(error: fs::TryLockError) -> std::io::Error {
    match error {
        fs::TryLockError::Error(error) => error,
        fs::TryLockError::WouldBlock => std::io::Error::other("the new recovery slot is locked by someone else"),
    }
}

// ------------------------------------------------------------------------------------------------------------
// The single shared copy (`autosave.ron`) the window used before it had slots of its own; kept until the window
// moves to `RecoverySlot` and `left_behind`. `left_behind` offers an `autosave.ron` left by an older Stepwise too.

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
