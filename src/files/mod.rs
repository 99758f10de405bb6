//! RON documents on disk: programs, exercise libraries and settings.
//!
//! What this module promises the therapist:
//! - every file carries a format `version`; a file written by a newer Stepwise is opened read-only and never
//!   written over (version 1 is the first: nothing older exists to migrate yet);
//! - saving never loses data: the new text goes to a temporary file in the same folder, is flushed and synced,
//!   the previous file is kept as `NAME.ron.bak`, and only then is the new file renamed into place;
//! - every problem says where it is: `FILE:LINE:COLUMN: what was expected`.

mod locate;
pub mod recovery;
pub mod settings;

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use locate::{FieldIndex, Position};

use crate::model::{Exercise, ExerciseLibraryFile, FORMAT_VERSION, Problem, Program, Severity};

/// Why a file could not be read or written. Each message names the file, and the line and column where known.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: could not read the file: {source}")]
    Read { path: PathBuf, source: io::Error },

    #[error("{path}:{line}:{column}: {message}")]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },

    #[error(
        "{path}: written by a newer Stepwise (file format version {found}; this Stepwise reads up to version {supported}). \
         Update Stepwise to open it{detail}"
    )]
    NewerVersion { path: PathBuf, found: u32, supported: u32, detail: String },

    #[error("{path}: file format version {found} is not a Stepwise version (versions start at 1)")]
    UnknownVersion { path: PathBuf, found: u32 },

    #[error("{path}: {problem}")]
    WouldOverwriteNewer { path: PathBuf, problem: String },

    #[error("{path}: could not save: {reason}. Nothing was changed on disk; choose another folder with Save As")]
    Write { path: PathBuf, reason: String, source: io::Error },

    #[error("could not write the document as RON: {0}")]
    Serialize(String),
}

impl FileError {
    /// The file this error is about.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::Read { path, .. }
            | Self::Syntax { path, .. }
            | Self::NewerVersion { path, .. }
            | Self::UnknownVersion { path, .. }
            | Self::WouldOverwriteNewer { path, .. }
            | Self::Write { path, .. } => Some(path),
            Self::Serialize(_) => None,
        }
    }
}

/// A program read from disk.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedProgram {
    pub program: Program,
    /// `Some(reason)` when the file must not be written over (written by a newer Stepwise).
    pub read_only: Option<String>,
    /// The older format version the file was migrated from, for the therapist to know. Always `None` while
    /// version 1 is the only one; kept so the window already tells the therapist when a migration happens.
    pub migrated_from: Option<u32>,
}

/// Reads the `version` of a program without caring about the rest (ron checks the struct name, hence two probes).
#[derive(Deserialize)]
#[serde(rename = "Program")]
struct ProgramVersion {
    version: u32,
}

/// Reads the `version` of an exercise-library file.
#[derive(Deserialize)]
#[serde(rename = "ExerciseLibrary")]
struct LibraryVersion {
    version: u32,
}

/// Which kind of document a text is meant to be.
#[derive(Clone, Copy)]
enum DocumentKind {
    Program,
    Library,
}

fn version_of(text: &str, kind: DocumentKind) -> Result<u32, ron::error::SpannedError> {
    match kind {
        DocumentKind::Program => ron_options().from_str::<ProgramVersion>(text).map(|p| p.version),
        DocumentKind::Library => ron_options().from_str::<LibraryVersion>(text).map(|p| p.version),
    }
}

fn ron_options() -> ron::Options {
    ron::Options::default()
}

pub(crate) fn syntax_error(path: &Path, error: &ron::error::SpannedError) -> FileError {
    FileError::Syntax {
        path: path.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: explain(&error.code),
    }
}

/// ron's messages, in words a person editing the file by hand understands.
fn explain(code: &ron::Error) -> String {
    match code {
        ron::Error::NoSuchStructField { expected, found, outer } => {
            let outer = outer.as_deref().map(|o| format!(" in `{o}`")).unwrap_or_default();
            format!("unknown field `{found}`{outer}; expected one of: {}", expected.join(", "))
        }
        ron::Error::MissingStructField { field, outer } => {
            let outer = outer.as_deref().map(|o| format!(" `{o}`")).unwrap_or_default();
            format!("the field `{field}` is missing from{outer}")
        }
        ron::Error::NoSuchEnumVariant { expected, found, outer } => {
            let outer = outer.as_deref().map(|o| format!(" for `{o}`")).unwrap_or_default();
            format!("`{found}` is not a choice{outer}; expected one of: {}", expected.join(", "))
        }
        other => other.to_string(),
    }
}

/// Reads a whole text file; the error names the file.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    fs::read_to_string(path).map_err(|source| FileError::Read { path: path.to_owned(), source })
}

/// The format version a document says it has. A syntax error here is the first one in the file.
fn probe_version(text: &str, path: &Path, kind: DocumentKind) -> Result<u32, FileError> {
    // The probe ignores every other field, so its error is a real syntax error, or `version` is missing.
    version_of(text, kind).map_err(|error| syntax_error(path, &error))
}

/// Reads a program from text; `path` is only used in messages.
pub fn program_from_str(text: &str, path: &Path) -> Result<LoadedProgram, FileError> {
    let version = probe_version(text, path, DocumentKind::Program)?;
    match version {
        0 => Err(FileError::UnknownVersion { path: path.to_owned(), found: version }),
        FORMAT_VERSION => {
            let program = ron_options().from_str::<Program>(text).map_err(|e| syntax_error(path, &e))?;
            Ok(LoadedProgram { program, read_only: None, migrated_from: None })
        }
        newer => {
            // A newer file may use fields this build does not know. If it still reads, show it read-only; if
            // not, say plainly that a newer Stepwise is needed.
            match ron_options().from_str::<Program>(text) {
                Ok(program) => Ok(LoadedProgram {
                    program,
                    read_only: Some(format!(
                        "This file was written by a newer Stepwise (format version {newer}). It is open read-only so \
                         nothing in it is lost; use Save As to keep a copy in this version's format."
                    )),
                    migrated_from: None,
                }),
                Err(error) => Err(FileError::NewerVersion {
                    path: path.to_owned(),
                    found: newer,
                    supported: FORMAT_VERSION,
                    detail: format!(
                        " (line {}:{}: {})",
                        error.span.start.line,
                        error.span.start.col,
                        explain(&error.code)
                    ),
                }),
            }
        }
    }
}

/// Reads a program file.
pub fn load_program(path: &Path) -> Result<LoadedProgram, FileError> {
    program_from_str(&read_text(path)?, path)
}

/// Pretty RON a person can read, edit and diff: one field a line, four-space indents, struct names kept.
pub fn program_to_string(program: &Program) -> Result<String, FileError> {
    to_pretty(program)
}

pub(crate) fn to_pretty<T: serde::Serialize>(value: &T) -> Result<String, FileError> {
    let config = ron::ser::PrettyConfig::new().indentor("    ").struct_names(true).separate_tuple_members(false);
    let mut text = ron_options().to_string_pretty(value, config).map_err(|e| FileError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Saves a program atomically, keeping the previous file as `NAME.ron.bak`. Refuses to write over a file that a
/// newer Stepwise wrote.
pub fn save_program(path: &Path, program: &Program) -> Result<(), FileError> {
    refuse_newer(path)?;
    let text = program_to_string(program)?;
    write_atomic(path, text.as_bytes(), || Ok(()))
}

/// Refuses to overwrite a file whose version is newer than this build's.
fn refuse_newer(path: &Path) -> Result<(), FileError> {
    let Ok(existing) = fs::read_to_string(path) else { return Ok(()) };
    let version =
        version_of(&existing, DocumentKind::Program).or_else(|_| version_of(&existing, DocumentKind::Library));
    if let Ok(version) = version
        && version > FORMAT_VERSION
    {
        return Err(FileError::WouldOverwriteNewer {
            path: path.to_owned(),
            problem: format!(
                "not saved: the file on disk was written by a newer Stepwise (format version {version}) and would lose \
                 what this version cannot read. Use Save As to save under another name"
            ),
        });
    }
    Ok(())
}

/// The backup kept beside a saved file: `program.ron` -> `program.ron.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

pub(crate) fn write_error(path: &Path, source: io::Error) -> FileError {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let reason = match source.kind() {
        io::ErrorKind::PermissionDenied => {
            format!("the folder {} is read-only or not yours to write", folder.display())
        }
        io::ErrorKind::ReadOnlyFilesystem => format!("{} is on a read-only disk", folder.display()),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "the disk is full".to_owned(),
        io::ErrorKind::NotFound => format!("the folder {} does not exist", folder.display()),
        _ => source.to_string(),
    };
    FileError::Write { path: path.to_owned(), reason, source }
}

/// Writes `contents` to `path` so that a crash at any moment leaves either the old file or the new one, whole.
///
/// `before_rename` runs after the new text is safely on disk but before it replaces the old file; tests use it to
/// simulate a crash at the worst moment.
pub fn write_atomic(
    path: &Path,
    contents: &[u8],
    before_rename: impl FnOnce() -> io::Result<()>,
) -> Result<(), FileError> {
    write_whole(path, contents, true, before_rename)
}

/// Writes an exported file (a PDF) whole or not at all, without keeping a backup of the one it replaces.
pub fn write_export(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    write_whole(path, contents, false, || Ok(()))
}

fn write_whole(
    path: &Path,
    contents: &[u8],
    keep_backup: bool,
    before_rename: impl FnOnce() -> io::Result<()>,
) -> Result<(), FileError> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file_name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = folder.join(format!(".{file_name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(contents)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        if keep_backup && path.exists() {
            // A copy, not a rename: the real file stays in place until the new one replaces it.
            let backup = backup_path(path);
            fs::copy(path, &backup)?;
            fs::File::open(&backup)?.sync_all()?;
        }
        before_rename()?;
        fs::rename(&temp, path)?;
        // The rename itself must reach the disk: sync the folder (not possible on every platform).
        if let Ok(dir) = fs::File::open(folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    result.map_err(|source| {
        let _ = fs::remove_file(&temp);
        write_error(path, source)
    })
}

/// Reads an exercise-library file: `ExerciseLibrary(version: 1, exercises: [...])`.
pub fn library_from_str(text: &str, path: &Path) -> Result<Vec<Exercise>, FileError> {
    let version = probe_version(text, path, DocumentKind::Library)?;
    match version {
        0 => Err(FileError::UnknownVersion { path: path.to_owned(), found: version }),
        v if v > FORMAT_VERSION => Err(FileError::NewerVersion {
            path: path.to_owned(),
            found: v,
            supported: FORMAT_VERSION,
            detail: String::new(),
        }),
        _ => ron_options()
            .from_str::<ExerciseLibraryFile>(text)
            .map(|file| file.exercises)
            .map_err(|e| syntax_error(path, &e)),
    }
}

pub fn load_library_file(path: &Path) -> Result<Vec<Exercise>, FileError> {
    library_from_str(&read_text(path)?, path)
}

/// Saves a library file (the user's own exercises) atomically, with a backup.
pub fn save_library_file(path: &Path, exercises: &[Exercise]) -> Result<(), FileError> {
    refuse_newer(path)?;
    let file = ExerciseLibraryFile { version: FORMAT_VERSION, exercises: exercises.to_vec() };
    let text = to_pretty(&file)?;
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(|e| write_error(path, e))?;
    }
    write_atomic(path, text.as_bytes(), || Ok(()))
}

/// A validation problem placed in its file: `FILE:LINE:COLUMN: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatedProblem {
    pub path: PathBuf,
    pub position: Option<Position>,
    pub problem: Problem,
}

impl std::fmt::Display for LocatedProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.problem.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        match self.position {
            Some(p) => write!(f, "{}:{}:{}: {severity}{}", self.path.display(), p.line, p.column, self.problem),
            None => write!(f, "{}: {severity}{}", self.path.display(), self.problem),
        }
    }
}

/// Places each problem at its line and column in `text`.
#[must_use]
pub fn locate_problems(text: &str, path: &Path, problems: Vec<Problem>) -> Vec<LocatedProblem> {
    let index = FieldIndex::new(text);
    problems
        .into_iter()
        .map(|problem| LocatedProblem { path: path.to_owned(), position: index.find(&problem.path), problem })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn sample() -> Program {
        Program::new(Date::new(2026, 11, 24).expect("valid date"))
    }

    #[test]
    fn a_typo_in_a_field_name_names_line_and_column() {
        let text = program_to_string(&sample()).expect("serialise").replace("therapist:", "therapst:");
        let line = text.lines().position(|l| l.contains("therapst")).expect("typo present") + 1;
        let err = program_from_str(&text, Path::new("p.ron")).expect_err("typo must fail");
        let message = err.to_string();
        assert!(message.starts_with(&format!("p.ron:{line}:")), "{message}");
        assert!(message.contains("unknown field `therapst`"), "{message}");
        assert!(message.contains("therapist"), "expected fields listed: {message}");
    }

    #[test]
    fn a_missing_bracket_names_the_line() {
        let text = program_to_string(&sample()).expect("serialise");
        let broken = text.replacen("phases: [", "phases: ", 1);
        let err = program_from_str(&broken, Path::new("p.ron")).expect_err("must fail");
        assert!(matches!(err, FileError::Syntax { line, .. } if line > 1), "{err}");
    }

    #[test]
    fn version_zero_is_refused() {
        let text = program_to_string(&sample()).expect("serialise").replace("version: 1", "version: 0");
        assert!(matches!(program_from_str(&text, Path::new("p.ron")), Err(FileError::UnknownVersion { .. })));
    }
}
