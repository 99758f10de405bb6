//! The ready-made programs in `programs/`: each loads, validates, uses only library exercises, keeps every dose
//! (also after its progression rules) inside the library's safe ranges, and carries copies that match the library.
//! When the library changes, `cargo run --example make_programs` brings the copies up to date.

#![allow(clippy::unwrap_used)] // A test may unwrap: a panic there is a failed test with a line number.

use std::path::{Path, PathBuf};

use stepwise::files;
use stepwise::library::Library;
use stepwise::model::{Bounds, DoseRange, Load, PhaseLength, Program, validate_program};

fn program_paths() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    paths.sort();
    paths
}

fn programs() -> Vec<(String, Program)> {
    program_paths()
        .into_iter()
        .map(|path| {
            let loaded = files::load_program(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(loaded.read_only.is_none(), "{}: written by a newer version", path.display());
            assert!(loaded.migrated_from.is_none(), "{}: needed migrating; regenerate it", path.display());
            (path.file_stem().unwrap().to_string_lossy().into_owned(), loaded.program)
        })
        .collect()
}

fn library() -> Library {
    Library::builtin().unwrap()
}

#[test]
fn the_eight_protocols_are_shipped() {
    let stems: Vec<String> = programs().into_iter().map(|(stem, _)| stem).collect();
    for expected in [
        "alfredson-eccentric",
        "silbernagel-combined",
        "heavy-slow-resistance",
        "calf-strain-return-to-run",
        "runners-calf-pain",
        "doms-tight-calves",
        "plantar-heel-pain",
        "shin-pain",
    ] {
        assert!(stems.iter().any(|stem| stem == expected), "programs/{expected}.ron is missing: {stems:?}");
    }
}

#[test]
fn every_program_validates_with_no_problems() {
    let library = library();
    for (stem, program) in programs() {
        let problems = validate_program(&program, &|id| library.contains(id));
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{stem}: {list:#?}");
    }
}

#[test]
fn every_program_is_complete_enough_to_choose_and_follow() {
    for (stem, program) in programs() {
        assert!(!program.title.trim().is_empty(), "{stem}: no title");
        assert!(program.description.len() > 80, "{stem}: the description is too short to choose by");
        assert!(!program.goals.is_empty(), "{stem}: no goals");
        assert!(!program.phases.is_empty(), "{stem}: no phases");
        for phase in &program.phases {
            assert!(!phase.goal.trim().is_empty(), "{stem}, {}: no goal", phase.name);
            assert!(!phase.criteria.trim().is_empty(), "{stem}, {}: no criteria", phase.name);
            assert!(!phase.prescriptions.is_empty(), "{stem}, {}: no exercises", phase.name);
            assert_ne!(phase.length, PhaseLength::Weeks(0), "{stem}, {}", phase.name);
        }
    }
}

#[test]
fn every_exercise_comes_from_the_library_and_its_copy_is_current() {
    let library = library();
    for (stem, program) in programs() {
        for (_, prescription) in program.prescriptions() {
            let id = &prescription.exercise.library_id;
            let entry = library.get(id).unwrap_or_else(|| panic!("{stem}: `{id}` is not in the built-in library"));
            assert!(
                !prescription.exercise.differs_from(&entry.exercise),
                "{stem}: the copy of `{id}` differs from the library: run `cargo run --example make_programs`"
            );
        }
    }
}

fn check(stem: &str, week: u32, name: &str, what: &str, value: f32, bounds: Option<Bounds<f32>>) {
    if let Some(bounds) = bounds {
        assert!(
            bounds.contains(value),
            "{stem}, week {week}, {name}: {value} {what} is outside the library's safe range {}-{}",
            bounds.min,
            bounds.max
        );
    }
}

fn as_f32(bounds: Option<Bounds<u32>>) -> Option<Bounds<f32>> {
    bounds.map(|b| Bounds::new(b.min as f32, b.max as f32))
}

#[test]
fn every_dose_in_every_week_lies_inside_the_library_safe_range() {
    let library = library();
    for (stem, program) in programs() {
        let schedule = stepwise::schedule::build(&program);
        assert!(schedule.week_count() > 0, "{stem}: no weeks");
        for week in &schedule.weeks {
            for exercise in &week.exercises {
                // The library's range, not the copy's: the copy could have been edited by hand.
                let range: &DoseRange = &library.get(&exercise.library_id).unwrap().exercise.safe_range;
                let dose = &exercise.dose;
                let name = exercise.name.as_str();
                let n = week.number;
                check(&stem, n, name, "sets", dose.sets as f32, as_f32(range.sets));
                check(&stem, n, name, "times a day", dose.times_per_day as f32, as_f32(range.times_per_day));
                check(&stem, n, name, "days a week", dose.days_per_week as f32, as_f32(range.days_per_week));
                for (what, value, bounds) in [
                    ("repetitions", dose.reps, range.reps),
                    ("seconds' hold", dose.hold_seconds, range.hold_seconds),
                    ("seconds", dose.duration_seconds, range.duration_seconds),
                ] {
                    if let Some(value) = value {
                        check(&stem, n, name, what, value as f32, as_f32(bounds));
                    }
                }
                if let Load::Kilograms(kg) = dose.load {
                    check(&stem, n, name, "kg", kg, range.load_kg);
                }
                assert!(
                    exercise.cap.is_none_or(|cap| cap == stepwise::schedule::CapReached::RuleLimit),
                    "{stem}: {name} ran into its safe range in week {n}"
                );
            }
        }
    }
}

#[test]
fn the_files_on_disk_are_the_ones_compiled_in() {
    let embedded: Vec<&str> = stepwise::assets::PROGRAM_FILES.iter().map(|(stem, _)| *stem).collect();
    for (stem, _) in programs() {
        assert!(embedded.contains(&stem.as_str()), "{stem} is not embedded: rebuild");
    }
    for (stem, bytes) in stepwise::assets::PROGRAM_FILES {
        let text = std::str::from_utf8(bytes).unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs").join(format!("{stem}.ron"));
        assert_eq!(text, std::fs::read_to_string(&path).unwrap(), "{stem}: the embedded copy is stale");
    }
}

#[test]
fn saving_a_program_again_gives_the_same_text() {
    // The generator writes with `files::program_to_string`: a program opened and saved unchanged must not show
    // up as a change in version control.
    for path in program_paths() {
        let text = std::fs::read_to_string(&path).unwrap();
        let program = files::program_from_str(&text, &path).unwrap().program;
        assert_eq!(files::program_to_string(&program).unwrap(), text, "{}", path.display());
    }
}
