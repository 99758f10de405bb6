//! The exercise libraries: the built-in one (compiled in), the therapist's own (in the data folder) and an
//! optional clinic library (a shared folder). They merge by id: a clinic or user entry with a built-in id
//! replaces it, a new id adds to it, and every entry knows where it came from. Search is as-you-type: case- and
//! accent-insensitive, whole-word and prefix matches, ranked so that a name beats a word in the steps. It forgives
//! one slip (a wrong, missing, extra or swapped letter) in a word of five letters or more, ranking such matches
//! after every exact or prefix match, and knows a few synonyms ("calf raise", "tip-toe" for heel raises).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization as _;

use crate::files::{self, FieldIndex, FileError};
use crate::model::{BodyRegion, Exercise, ExerciseKind, FieldPath, Problem, validate_library};

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

/// What the therapist typed and chose in the library panel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchQuery {
    pub text: String,
    pub region: Option<BodyRegion>,
    pub kind: Option<ExerciseKind>,
    pub equipment: Option<String>,
}

impl SearchQuery {
    #[must_use]
    pub fn text(text: &str) -> Self {
        Self { text: text.to_owned(), ..Self::default() }
    }
}

/// Lower case without accents: "Zoë" and "zoe" match, so do "Łódź" and "lodz".
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// What people type for an exercise the library names otherwise, as folded words: the left side is searched as
/// the right side too, and each exercise keeps its better match. "Toe raise" and "tip-toe" are what patients and
/// many handouts call a heel raise (the exercise that lifts the front of the foot is a "forefoot lift" here);
/// "flossing" is the gym's word for a nerve glide. Extend with care: every pair widens every search.
const SYNONYMS: &[(&str, &str)] = &[
    ("calf raise", "heel raise"),
    ("calf raises", "heel raise"),
    ("toe raise", "heel raise"),
    ("toe raises", "heel raise"),
    ("tip toe", "heel raise"),
    ("tip toes", "heel raise"),
    ("tiptoe", "heel raise"),
    ("tiptoes", "heel raise"),
    ("nerve floss", "nerve slider"),
    ("nerve flossing", "nerve slider"),
    ("flossing", "slider"),
];

/// How much a match found through a synonym counts against one of the typed words.
const SYNONYM_WEIGHT: f32 = 0.8;

/// The typed words, then each rewriting of them by one synonym (duplicates left out).
fn variants<'a>(typed: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut all = vec![typed.to_vec()];
    for (from, to) in SYNONYMS {
        let from: Vec<&str> = from.split(' ').collect();
        let Some(at) = typed.windows(from.len()).position(|window| window == from.as_slice()) else { continue };
        let mut rewritten = typed[..at].to_vec();
        rewritten.extend(to.split(' '));
        rewritten.extend_from_slice(&typed[at + from.len()..]);
        if !all.contains(&rewritten) {
            all.push(rewritten);
        }
    }
    all
}

/// Typing is forgiven in words of this many letters or more: shorter words have too many neighbours.
const FORGIVEN_FROM: usize = 5;

/// Whether `typed` is one slip (a wrong, missing, extra or swapped letter) away from `word`, or with `prefix`
/// from the start of `word` (the word being typed). A true prefix or an equal word is not a slip: the exact
/// search finds those.
fn one_slip<T: PartialEq>(typed: &[T], word: &[T], prefix: bool) -> bool {
    let same = typed.iter().zip(word).take_while(|(a, b)| a == b).count();
    if same == typed.len() {
        return false;
    }
    let (t, w) = (&typed[same..], &word[same..]);
    let fits = |t: &[T], w: &[T]| if prefix { w.starts_with(t) } else { t == w };
    let wrong = !w.is_empty() && fits(&t[1..], &w[1..]);
    let missing = !w.is_empty() && fits(t, &w[1..]);
    let extra = fits(&t[1..], w);
    let swapped = t.len() >= 2 && w.len() >= 2 && t[0] == w[1] && t[1] == w[0] && fits(&t[2..], &w[2..]);
    wrong || missing || extra || swapped
}

/// How much a match in each field counts: an exact name beats a word in the steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Steps,
    Goal,
    Equipment,
    Kind,
    Region,
    Tag,
    OtherName,
    Name,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Self::Name => 10.0,
            Self::OtherName => 8.0,
            Self::Tag => 6.0,
            Self::Kind | Self::Region => 5.0,
            Self::Equipment => 4.0,
            Self::Goal => 1.5,
            Self::Steps => 1.0,
        }
    }
}

/// How a typed word matched a word of the library, and what that match counts for.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Match {
    Exact,
    Prefix,
    /// One slip away from the whole word.
    Slip,
    /// One slip away from the start of the word.
    SlipPrefix,
}

impl Match {
    fn factor(self) -> f32 {
        match self {
            Self::Exact => 1.0,
            Self::Prefix => 0.6,
            Self::Slip => 0.5,
            Self::SlipPrefix => 0.3,
        }
    }

    fn forgiven(self) -> bool {
        matches!(self, Self::Slip | Self::SlipPrefix)
    }
}

/// One word of the library and the entries (and fields) it appears in.
#[derive(Clone, Debug)]
struct IndexWord {
    text: String,
    letters: usize,
    postings: Vec<(u32, Field)>,
}

/// The library's words, sorted so that a prefix is one range, with the names for phrase matches.
#[derive(Clone, Debug, Default)]
struct SearchIndex {
    words: Vec<IndexWord>,
    names: Vec<String>,
    other_names: Vec<Vec<String>>,
    sorted_by_name: Vec<usize>,
}

/// Per entry, while one form of the query is scored. Dense arrays rather than maps: a query touches most of a
/// large library, and this runs on every keystroke.
struct Scores {
    /// Sum of each word's best match so far.
    total: Vec<f32>,
    /// Words matched so far (every word must match).
    matched: Vec<u16>,
    /// Words matched only by forgiving a slip.
    forgiven: Vec<u16>,
    best_exact: Vec<f32>,
    best_forgiven: Vec<f32>,
    touched: Vec<u32>,
}

impl SearchIndex {
    fn build(entries: &[LibraryEntry]) -> Self {
        let mut words_map: BTreeMap<String, Vec<(u32, Field)>> = BTreeMap::new();
        let mut add = |text: &str, entry: u32, field: Field| {
            for word in words(&fold(text)) {
                let list = words_map.entry(word.to_owned()).or_default();
                match list.last_mut() {
                    Some(previous) if previous.0 == entry => previous.1 = previous.1.max(field),
                    _ => list.push((entry, field)),
                }
            }
        };
        for (i, entry) in entries.iter().enumerate() {
            let e = &entry.exercise;
            let i = i as u32;
            // Lowest weight first, so each word keeps the best field it appears in.
            for step in &e.steps {
                add(step, i, Field::Steps);
            }
            add(&e.goal, i, Field::Goal);
            for item in &e.equipment {
                add(item, i, Field::Equipment);
            }
            add(e.kind.label(), i, Field::Kind);
            add(e.region.label(), i, Field::Region);
            for tag in &e.tags {
                add(tag, i, Field::Tag);
            }
            for name in &e.other_names {
                add(name, i, Field::OtherName);
            }
            add(&e.name, i, Field::Name);
        }
        let index_words = words_map
            .into_iter()
            .map(|(text, postings)| IndexWord { letters: text.chars().count(), text, postings })
            .collect();
        // Names as their words joined by single spaces, so "Heel-drop (knee)" contains the phrase "heel drop".
        let joined = |text: &str| words(&fold(text)).collect::<Vec<_>>().join(" ");
        let names: Vec<String> = entries.iter().map(|e| joined(&e.exercise.name)).collect();
        let other_names = entries.iter().map(|e| e.exercise.other_names.iter().map(|n| joined(n)).collect()).collect();
        let mut sorted_by_name: Vec<usize> = (0..entries.len()).collect();
        sorted_by_name.sort_by(|&a, &b| names[a].cmp(&names[b]));
        Self { words: index_words, names, other_names, sorted_by_name }
    }

    /// The library words a typed word matches: exact and prefix matches, then (for a word of five letters or
    /// more) the words one slip away.
    fn matches(&self, typed: &str) -> Vec<(usize, Match)> {
        let start = self.words.partition_point(|w| w.text.as_str() < typed);
        let mut found: Vec<(usize, Match)> = self.words[start..]
            .iter()
            .take_while(|w| w.text.starts_with(typed))
            .enumerate()
            .map(|(offset, w)| (start + offset, if w.text.len() == typed.len() { Match::Exact } else { Match::Prefix }))
            .collect();
        let letters = typed.chars().count();
        if letters < FORGIVEN_FROM {
            return found;
        }
        let typed_chars: Vec<char> = typed.chars().collect();
        for (index, word) in self.words.iter().enumerate() {
            if word.letters + 1 < letters {
                continue;
            }
            let whole_length = word.letters.abs_diff(letters) <= 1;
            // Bytes are letters in ASCII, the common case; other words are compared letter by letter.
            let (whole, prefix) = if typed.is_ascii() && word.text.is_ascii() {
                let (t, w) = (typed.as_bytes(), word.text.as_bytes());
                // One slip keeps the first letter, or the second, or moves one of them by one place: most words
                // fail this at once (`t` has five letters or more, `w` at least one).
                let second = w.get(1).copied();
                if w[0] != t[0] && w[0] != t[1] && second != Some(t[1]) && second != Some(t[0]) {
                    continue;
                }
                (whole_length && one_slip(t, w, false), one_slip(t, w, true))
            } else {
                let w: Vec<char> = word.text.chars().collect();
                (whole_length && one_slip(&typed_chars, &w, false), one_slip(&typed_chars, &w, true))
            };
            if whole {
                found.push((index, Match::Slip));
            } else if prefix {
                found.push((index, Match::SlipPrefix));
            }
        }
        found
    }

    /// The typed word as the library most likely spells it: itself when the library has it (or words it
    /// begins), else the most common word one slip away. Used for the phrase bonus.
    fn corrected<'a>(&'a self, typed: &'a str, matches: &[(usize, Match)]) -> &'a str {
        if matches.iter().any(|(_, m)| !m.forgiven()) {
            return typed;
        }
        matches
            .iter()
            .max_by_key(|(index, kind)| {
                (*kind == Match::Slip, self.words[*index].postings.len(), std::cmp::Reverse(*index))
            })
            .map_or(typed, |(index, _)| self.words[*index].text.as_str())
    }

    fn search(&self, entries: &[LibraryEntry], query: &SearchQuery) -> Vec<usize> {
        let equipment = query.equipment.as_deref().map(fold);
        let passes_filters = |index: usize| {
            let e = &entries[index].exercise;
            query.region.is_none_or(|r| r == e.region)
                && query.kind.is_none_or(|k| k == e.kind)
                && equipment.as_ref().is_none_or(|wanted| e.equipment.iter().any(|item| fold(item) == *wanted))
        };
        let folded = fold(&query.text);
        let typed: Vec<&str> = words(&folded).collect();
        if typed.is_empty() {
            return self.sorted_by_name.iter().copied().filter(|&i| passes_filters(i)).collect();
        }
        let count = entries.len();
        // Each entry's best (words forgiven, score) over the typed words and their synonym rewritings.
        let mut best: Vec<Option<(u16, f32)>> = vec![None; count];
        let mut scores = Scores {
            total: vec![0.0; count],
            matched: vec![0; count],
            forgiven: vec![0; count],
            best_exact: vec![0.0; count],
            best_forgiven: vec![0.0; count],
            touched: Vec::new(),
        };
        for (number, variant) in variants(&typed).iter().enumerate() {
            // What was typed counts in full; a synonym's rewriting a little less, so that an exercise with the
            // typed words in its name stays ahead of one that only the synonym finds.
            let weight = if number == 0 { 1.0 } else { SYNONYM_WEIGHT };
            self.score(variant, weight, &mut scores, &mut best);
        }
        let mut hits: Vec<(usize, u16, f32)> = best
            .iter()
            .enumerate()
            .filter_map(|(entry, rank)| rank.map(|(forgiven, score)| (entry, forgiven, score)))
            .filter(|&(entry, _, _)| passes_filters(entry))
            .collect();
        // Exact and prefix matches before forgiven slips; then the score. Ties keep the library's own order: its
        // authors list the usual form of an exercise before its variants.
        hits.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| b.2.total_cmp(&a.2)).then_with(|| a.0.cmp(&b.0)));
        hits.into_iter().map(|(entry, _, _)| entry).collect()
    }

    /// Scores one form of the query and keeps, per entry, the better of it and what `best` already holds.
    fn score(&self, query_words: &[&str], weight: f32, scores: &mut Scores, best: &mut [Option<(u16, f32)>]) {
        let Scores { total, matched, forgiven, best_exact, best_forgiven, touched } = scores;
        total.fill(0.0);
        matched.fill(0);
        forgiven.fill(0);
        let mut phrase = Vec::with_capacity(query_words.len());
        for (word_number, word) in query_words.iter().enumerate() {
            let matches = self.matches(word);
            phrase.push(self.corrected(word, &matches));
            for (index, kind) in matches {
                for &(entry, field) in &self.words[index].postings {
                    let e = entry as usize;
                    if best_exact[e] == 0.0 && best_forgiven[e] == 0.0 {
                        touched.push(entry);
                    }
                    let slot = if kind.forgiven() { &mut best_forgiven[e] } else { &mut best_exact[e] };
                    *slot = slot.max(field.weight() * kind.factor());
                }
            }
            for entry in touched.drain(..) {
                let e = entry as usize;
                if usize::from(matched[e]) == word_number {
                    if best_exact[e] > 0.0 {
                        total[e] += best_exact[e];
                    } else {
                        total[e] += best_forgiven[e];
                        forgiven[e] += 1;
                    }
                    matched[e] += 1;
                }
                best_exact[e] = 0.0;
                best_forgiven[e] = 0.0;
            }
        }
        let phrase = phrase.join(" ");
        for (entry, rank) in best.iter_mut().enumerate() {
            if usize::from(matched[entry]) != query_words.len() {
                continue;
            }
            let name = &self.names[entry];
            let bonus = if *name == phrase {
                100.0
            } else if name.starts_with(&phrase) {
                40.0
            } else if name.contains(&phrase) {
                25.0
            } else if self.other_names[entry].iter().any(|n| n.contains(&phrase)) {
                15.0
            } else {
                0.0
            };
            let this = (forgiven[entry], (total[entry] + bonus) * weight);
            let better = rank.is_none_or(|(was_forgiven, was_score)| {
                this.0 < was_forgiven || (this.0 == was_forgiven && this.1 > was_score)
            });
            if better {
                *rank = Some(this);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_slip_is_one_wrong_missing_extra_or_swapped_letter() {
        let slip = |typed: &str, word: &str| one_slip(typed.as_bytes(), word.as_bytes(), false);
        assert!(slip("strotch", "stretch") && slip("strech", "stretch") && slip("strettch", "stretch"));
        assert!(slip("strecth", "stretch") && slip("tsretch", "stretch"));
        assert!(slip("xstretch", "stretch") && slip("stretchx", "stretch") && slip("tretch", "stretch"));
        assert!(!slip("stretch", "stretch") && !slip("stretc", "stretch"), "exact and prefix matches are not slips");
        assert!(!slip("strch", "stretch") && !slip("strecht", "stretch") && !slip("sterthc", "stretch"));
        let while_typing = |typed: &str, word: &str| one_slip(typed.as_bytes(), word.as_bytes(), true);
        assert!(while_typing("gastrocneme", "gastrocnemius") && while_typing("gastrcn", "gastrocnemius"));
        assert!(!while_typing("gastro", "gastrocnemius"), "a true prefix is the prefix search's");
        assert!(!while_typing("gsatrcn", "gastrocnemius"));
        let letters =
            |t: &str, w: &str| one_slip(&t.chars().collect::<Vec<_>>(), &w.chars().collect::<Vec<_>>(), false);
        assert!(letters("ćwiczenie", "ćwiczenia") && !letters("ćwiczenie", "ćwiczonia"));
    }

    #[test]
    fn synonyms_rewrite_the_words_they_match_and_keep_the_rest() {
        assert_eq!(
            variants(&["seated", "calf", "raise"]),
            [vec!["seated", "calf", "raise"], vec!["seated", "heel", "raise"]]
        );
        assert_eq!(variants(&["tip", "toe"]), [vec!["tip", "toe"], vec!["heel", "raise"]]);
        assert_eq!(variants(&["calf", "stretch"]), [vec!["calf", "stretch"]]);
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Zoë Ŵ-Łukasz"), "zoe w-lukasz");
        assert_eq!(fold("SIÂN"), "sian");
    }
}
