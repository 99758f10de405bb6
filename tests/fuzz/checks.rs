//! What must hold for any input, however hostile: shared by `tests/fuzz.rs` (mutations of the shipped files, in
//! `cargo test`) and the `cargo fuzz` targets in `fuzz/` (libFuzzer's own mutations, for long runs).
//!
//! Each check runs load, validation, locating problems at line:column, the schedule, the plan as text, saving and
//! reading back, and (when asked) typesetting the handout, timing each step against a limit. A panic or a step
//! over its limit is a failure.

use std::path::Path;
use std::time::{Duration, Instant};

use stepwise::files;
use stepwise::handout::{self, HandoutOptions};
use stepwise::library::{self, Library, LibraryFile, SearchQuery, Source};
use stepwise::model::{Date, Severity, validate_library, validate_program};
use stepwise::schedule;

/// Longest any one step may take on one case (load, validate, schedule ...), generous for a loaded 2-core machine
/// and a debug build; the hangs this guards against took hours.
pub const STEP_LIMIT: Duration = Duration::from_secs(10);
/// Longest one typesetting may take.
pub const TYPESET_LIMIT: Duration = Duration::from_secs(45);

/// How long the slowest case of each step took, and how many cases reached it.
#[derive(Default)]
pub struct Stats {
    /// Per step: cases, total time, slowest.
    pub steps: std::collections::BTreeMap<&'static str, (usize, Duration, Duration)>,
}

impl Stats {
    pub fn time<T>(&mut self, step: &'static str, limit: Duration, run: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let value = run();
        let took = started.elapsed();
        let entry = self.steps.entry(step).or_default();
        entry.0 += 1;
        entry.1 += took;
        entry.2 = entry.2.max(took);
        assert!(took <= limit, "{step} took {took:?} (limit {limit:?})");
        value
    }
}

fn printed_on() -> Date {
    Date::new(2026, 12, 1).unwrap()
}

pub fn check_program(text: &str, typeset: bool, stats: &mut Stats) -> &'static str {
    let path = Path::new("fuzzed.ron");
    let loaded = stats.time("program: load", STEP_LIMIT, || files::program_from_str(text, path));
    let Ok(loaded) = loaded else { return "program refused" };
    let program = loaded.program;
    let problems = stats.time("program: validate", STEP_LIMIT, || validate_program(&program, &|_| true));
    let valid = !problems.iter().any(|problem| problem.severity == Severity::Error);
    let located = stats.time("program: locate problems", STEP_LIMIT, || files::locate_problems(text, path, problems));
    for problem in &located {
        let _ = problem.to_string();
    }
    let plan = stats.time("program: schedule", STEP_LIMIT, || schedule::build(&program));
    assert!(plan.week_count() <= stepwise::model::MAX_PROGRAM_WEEKS);
    stats.time("program: plan as text", STEP_LIMIT, || schedule::to_text(&plan, &program));
    let _ = program.next_id();
    // What loads, saves; and what is saved reads back as the same program.
    let saved = stats.time("program: save as text", STEP_LIMIT, || files::program_to_string(&program));
    if let Ok(saved) = saved {
        let again = files::program_from_str(&saved, path);
        let again = again.unwrap_or_else(|error| panic!("a saved program does not read back: {error}"));
        assert_eq!(format!("{:?}", again.program), format!("{program:?}"), "the program changed on a round trip");
    }
    if typeset {
        let options = HandoutOptions { printed_on: Some(printed_on()), ..HandoutOptions::default() };
        let handout = stats.time("program: typeset handout", TYPESET_LIMIT, || handout::compile(&program, &options));
        if let Err(error) = handout {
            // Program content never makes the template fail (see `handout::compile`).
            panic!("the handout could not be made: {error}");
        }
        return if valid { "program typeset (valid)" } else { "program typeset (invalid)" };
    }
    if valid { "program valid" } else { "program invalid" }
}

/// `search`: also merge the library and search it (slow in a debug build).
pub fn check_library(text: &str, search: bool, stats: &mut Stats) -> &'static str {
    let path = Path::new("fuzzed-library.ron");
    let file = stats.time("library: load", STEP_LIMIT, || LibraryFile::parse(path, text.to_owned()));
    let Ok(file) = file else { return "library refused" };
    let problems = stats.time("library: validate", STEP_LIMIT, || validate_library(&file.exercises, &|_| true));
    let located = stats
        .time("library: locate problems", STEP_LIMIT, || library::check_files(std::slice::from_ref(&file), &|_| true));
    for problem in &located {
        let _ = problem.to_string();
    }
    if search {
        stats.time("library: merge and search", STEP_LIMIT, || {
            let mut merged = Library::default();
            let layered = merged.add_layer(Source::User, std::slice::from_ref(&file));
            let hits =
                Library::from_exercises(Source::User, file.exercises.clone()).search(&SearchQuery::text("heel ra"));
            (layered.is_ok(), hits.len())
        });
    }
    if problems.iter().any(|problem| problem.severity == Severity::Error) { "library invalid" } else { "library valid" }
}

pub fn check_settings(text: &str, stats: &mut Stats) -> &'static str {
    let path = Path::new("settings.ron");
    let read = stats.time("settings: load", STEP_LIMIT, || files::settings::settings_from_str(text, path));
    match read {
        Ok(settings) => {
            let _ = format!("{settings:?}");
            "settings read"
        }
        Err(error) => {
            let _ = error.to_string();
            "settings refused"
        }
    }
}
