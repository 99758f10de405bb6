//! The exercise libraries: the built-in one (compiled in), the therapist's own (in the data folder) and an
//! optional clinic library (a shared folder). They merge by id: a clinic or user entry with a built-in id
//! replaces it, a new id adds to it, and every entry knows where it came from. Search as you type, forgiving a
//! slip and knowing a few synonyms, is in `search`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::files::{self, FieldIndex, FileError};
use crate::model::{Exercise, FieldPath, Problem, validate_library};

mod search;

use search::SearchIndex;
pub use search::{SearchQuery, fold};

/// Where a library entry came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    BuiltIn,
    Clinic,
    User,
}

impl Source {
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::BuiltIn => "Built-in",
            Self::Clinic => "Clinic",
            Self::User => "My exercises",
        }
    }
}

/// One exercise as the merged library has it.
#[derive(Clone, Debug, PartialEq)]
pub struct LibraryEntry {
    pub exercise: Exercise,
    pub source: Source,
    /// The file it was read from (`assets/library/NAME.ron` for built-in entries).
    pub file: PathBuf,
    /// The source whose entry of the same id this one replaced, if any.
    pub replaces: Option<Source>,
}

/// Why a library could not be read, with the file and line:column.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error(transparent)]
    File(#[from] FileError),

    #[error("{file}:{line}:{column}: the id `{id}` is already used at {first}")]
    DuplicateId { file: PathBuf, line: usize, column: usize, id: String, first: String },

    #[error("{0}")]
    Invalid(files::LocatedProblem),

    #[error("{folder}: could not list the clinic library folder: {source}")]
    Folder { folder: PathBuf, source: std::io::Error },
}

/// One library file already read: its path, its text (for line numbers) and its exercises.
pub struct LibraryFile {
    pub path: PathBuf,
    pub text: String,
    pub exercises: Vec<Exercise>,
}

impl LibraryFile {
    pub fn parse(path: &Path, text: String) -> Result<Self, FileError> {
        let exercises = files::library_from_str(&text, path)?;
        Ok(Self { path: path.to_owned(), text, exercises })
    }

    pub fn read(path: &Path) -> Result<Self, FileError> {
        let text = std::fs::read_to_string(path).map_err(|source| FileError::Read { path: path.to_owned(), source })?;
        Self::parse(path, text)
    }
}

/// The merged library with its search index.
#[derive(Clone, Debug, Default)]
pub struct Library {
    entries: Vec<LibraryEntry>,
    by_id: HashMap<String, usize>,
    index: SearchIndex,
}

impl Library {
    /// The built-in library alone. Its content is checked by the test suite, so an error here is a bug.
    pub fn builtin() -> Result<Self, LibraryError> {
        let files = builtin_files()?;
        let mut library = Self::default();
        library.add_layer(Source::BuiltIn, &files)?;
        library.rebuild_index();
        Ok(library)
    }

    /// Built-in + clinic folder + the user's file. A clinic or user file that cannot be read is reported and left
    /// out; the rest of the library still works.
    #[must_use]
    pub fn load(user_file: Option<&Path>, clinic_folder: Option<&Path>) -> (Self, Vec<LibraryError>) {
        let mut problems = Vec::new();
        let mut library = Self::default();
        match builtin_files() {
            Ok(files) => {
                if let Err(e) = library.add_layer(Source::BuiltIn, &files) {
                    problems.push(e);
                }
            }
            Err(e) => problems.push(e),
        }
        if let Some(folder) = clinic_folder {
            match clinic_files(folder) {
                Ok((files, errors)) => {
                    problems.extend(errors);
                    if let Err(e) = library.add_layer(Source::Clinic, &files) {
                        problems.push(e);
                    }
                }
                Err(e) => problems.push(e),
            }
        }
        if let Some(path) = user_file.filter(|p| p.exists()) {
            match LibraryFile::read(path) {
                Ok(file) => {
                    if let Err(e) = library.add_layer(Source::User, &[file]) {
                        problems.push(e);
                    }
                }
                Err(e) => problems.push(e.into()),
            }
        }
        library.rebuild_index();
        (library, problems)
    }

    /// Adds the files of one source. Duplicate ids within the source are an error (nothing of that source is
    /// added); ids already present from another source are replaced.
    pub fn add_layer(&mut self, source: Source, files: &[LibraryFile]) -> Result<(), LibraryError> {
        let mut seen: HashMap<&str, String> = HashMap::new();
        for file in files {
            let index = FieldIndex::new(&file.text);
            for (position, exercise) in file.exercises.iter().enumerate() {
                let at = index.find(&FieldPath::default().field("exercises").index(position).field("id"));
                let (line, column) = at.map_or((0, 0), |p| (p.line, p.column));
                let here = format!("{}:{line}:{column}", file.path.display());
                if let Some(first) = seen.insert(&exercise.id, here) {
                    return Err(LibraryError::DuplicateId {
                        file: file.path.clone(),
                        line,
                        column,
                        id: exercise.id.clone(),
                        first,
                    });
                }
            }
        }
        for file in files {
            for exercise in &file.exercises {
                let entry =
                    LibraryEntry { exercise: exercise.clone(), source, file: file.path.clone(), replaces: None };
                if let Some(&existing) = self.by_id.get(&exercise.id) {
                    let replaced = self.entries[existing].source;
                    self.entries[existing] = LibraryEntry { replaces: Some(replaced), ..entry };
                } else {
                    self.by_id.insert(exercise.id.clone(), self.entries.len());
                    self.entries.push(entry);
                }
            }
        }
        self.rebuild_index();
        Ok(())
    }

    /// Builds a library from exercises directly (benches, tests).
    #[must_use]
    pub fn from_exercises(source: Source, exercises: Vec<Exercise>) -> Self {
        let mut library = Self::default();
        for exercise in exercises {
            if !library.by_id.contains_key(&exercise.id) {
                library.by_id.insert(exercise.id.clone(), library.entries.len());
                library.entries.push(LibraryEntry { exercise, source, file: PathBuf::new(), replaces: None });
            }
        }
        library.rebuild_index();
        library
    }

    fn rebuild_index(&mut self) {
        self.index = SearchIndex::build(&self.entries);
    }

    #[must_use]
    pub fn entries(&self) -> &[LibraryEntry] {
        &self.entries
    }

    #[must_use]
    pub fn get(&self, id: &str) -> Option<&LibraryEntry> {
        self.by_id.get(id).map(|&index| &self.entries[index])
    }

    #[must_use]
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every piece of equipment named in the library, sorted, for the filter.
    #[must_use]
    pub fn equipment(&self) -> Vec<String> {
        let mut all: Vec<String> = self.entries.iter().flat_map(|e| e.exercise.equipment.iter().cloned()).collect();
        all.sort_by_key(|e| fold(e));
        all.dedup_by(|a, b| fold(a) == fold(b));
        all
    }

    /// Matches best first: indices into `entries()`.
    #[must_use]
    pub fn search(&self, query: &SearchQuery) -> Vec<usize> {
        self.index.search(&self.entries, query)
    }

    /// Every problem in the merged library: each exercise, and progressions that lead nowhere.
    #[must_use]
    pub fn problems(&self) -> Vec<Problem> {
        let exercises: Vec<Exercise> = self.entries.iter().map(|e| e.exercise.clone()).collect();
        validate_library(&exercises, &|_| false)
    }
}

/// The built-in library files, as compiled in.
pub fn builtin_files() -> Result<Vec<LibraryFile>, LibraryError> {
    crate::assets::LIBRARY_FILES
        .iter()
        .map(|(stem, bytes)| {
            let path = PathBuf::from(format!("assets/library/{stem}.ron"));
            let text = String::from_utf8_lossy(bytes).into_owned();
            LibraryFile::parse(&path, text).map_err(LibraryError::from)
        })
        .collect()
}

/// Every `.ron` file in a clinic folder, sorted by name; files that fail are returned as errors beside the rest.
fn clinic_files(folder: &Path) -> Result<(Vec<LibraryFile>, Vec<LibraryError>), LibraryError> {
    let listing =
        std::fs::read_dir(folder).map_err(|source| LibraryError::Folder { folder: folder.to_owned(), source })?;
    let mut paths: Vec<PathBuf> = listing
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match LibraryFile::read(&path) {
            Ok(file) => files.push(file),
            Err(e) => errors.push(e.into()),
        }
    }
    Ok((files, errors))
}

/// Adds or replaces one exercise in the user's library file (creating it if needed).
pub fn save_user_exercise(user_file: &Path, exercise: &Exercise) -> Result<(), FileError> {
    let mut exercises = if user_file.exists() { files::load_library_file(user_file)? } else { Vec::new() };
    match exercises.iter_mut().find(|e| e.id == exercise.id) {
        Some(existing) => *existing = exercise.clone(),
        None => exercises.push(exercise.clone()),
    }
    files::save_library_file(user_file, &exercises)
}

/// Validation problems of library files, placed at their line and column.
#[must_use]
pub fn check_files(files: &[LibraryFile], is_known_elsewhere: &dyn Fn(&str) -> bool) -> Vec<files::LocatedProblem> {
    let all_ids: std::collections::HashSet<&str> =
        files.iter().flat_map(|f| f.exercises.iter().map(|e| e.id.as_str())).collect();
    let mut located = Vec::new();
    for file in files {
        let problems = validate_library(&file.exercises, &|id| all_ids.contains(id) || is_known_elsewhere(id));
        located.extend(files::locate_problems(&file.text, &file.path, problems));
    }
    located
}
