//! Hostile files: valid programs, exercise libraries and settings, mutated (bytes, and RON tokens: numbers at
//! their limits, deep nesting, long strings, unknown variants, lists repeated many times), must never make
//! loading, validation, locating problems, the schedule, saving or typesetting the handout panic or run long.
//!
//! The default `cargo test` runs `STEPWISE_FUZZ_CASES` cases (2,100 unless set) from a fixed seed, so a failure is
//! reproducible; the case number, the mutations and the input are printed, and the input is written under
//! `target/tmp/fuzz-failures/`. Typesetting is the slow part: a program that loads is typeset when its case
//! number is a multiple of `STEPWISE_FUZZ_TYPESET_EVERY` (50 unless set), valid or not, since the window's preview
//! typesets whatever is being edited; a library is merged and searched on the same cases.
//!
//! A longer run (any seed; the count is printed at the end):
//! `STEPWISE_FUZZ_CASES=200000 STEPWISE_FUZZ_SEED=random cargo test --release --test fuzz -- --nocapture`.
//! The `cargo fuzz` target in `fuzz/` drives the same checks from libFuzzer (see the README).

#![allow(clippy::unwrap_used)] // A test may unwrap: a panic there is a failed test with a line number.

#[path = "fuzz/checks.rs"]
mod checks;

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

use checks::{Stats, check_library, check_program, check_settings};
use stepwise::files::settings::Settings;

/// splitmix64: small, fast, and the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Program,
    Library,
    Settings,
}

struct Seed {
    kind: Kind,
    name: String,
    text: String,
}

fn seeds() -> Vec<Seed> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    for (folder, kind) in [("programs", Kind::Program), ("assets/library", Kind::Library)] {
        let mut paths: Vec<PathBuf> =
            std::fs::read_dir(root.join(folder)).unwrap().filter_map(Result::ok).map(|entry| entry.path()).collect();
        paths.retain(|path| path.extension().is_some_and(|extension| extension == "ron"));
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            seeds.push(Seed { kind, name: path.file_name().unwrap().to_string_lossy().into_owned(), text });
        }
    }
    let settings = Settings {
        therapist: "Dafydd Ŵ".into(),
        clinic_name: "Ysbyty Gwynedd Physio".into(),
        clinic_address: "Penrhosgarnedd, Bangor LL57 2PW".into(),
        clinic_phone: "01248 384384".into(),
        clinic_email: "physio@example.org".into(),
        logo: Some("/nonexistent/logo.png".into()),
        recent_files: vec!["/clinic/anna.ron".into(), "/clinic/zoë.ron".into()],
        ..Settings::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.ron");
    settings.save(&path).unwrap();
    seeds.push(Seed {
        kind: Kind::Settings,
        name: "settings.ron".into(),
        text: std::fs::read_to_string(&path).unwrap(),
    });
    seeds
}

// ---- Mutations

const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "104",
    "105",
    "261",
    "4000000000",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "340282366920938463463374607431768211456",
    "1e308",
    "-1e308",
    "1e-320",
    "3.4e38",
    "NaN",
    "inf",
    "-inf",
    "-0.0",
    "0x7fffffff",
    "0b1",
    "1_000_000",
];

const VARIANTS: &[&str] = &[
    "Weeks",
    "UntilCriteriaMet",
    "Steady",
    "AddReps",
    "AddSets",
    "AddHoldSeconds",
    "AddLoad",
    "ByWeek",
    "ByResponse",
    "Kilograms",
    "Band",
    "BodyWeight",
    "RepetitionMaximum",
    "Affected",
    "Left",
    "Right",
    "Both",
    "Strength",
    "Stretch",
    "Balance",
    "Letter",
    "A4",
    "Pounds",
    "Some",
    "None",
    "true",
    "false",
    "Program",
    "Phase",
    "Prescription",
    "ExerciseLibrary",
    "Settings",
    "Recovery",
    "Unknown",
    "weeks",
    "r#Weeks",
];

const PUNCTUATION: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "//",
    "/*",
    "*/",
    "r#\"",
    "\"#",
    "\\",
    "\\u{D800}",
    "Some(",
    "None",
    "-",
    ".",
    "e",
    "\u{0}",
    "\u{FEFF}",
    "é",
    "🙂",
    "\u{202E}",
    "\n",
    "#![enable(implicit_some)]",
];

fn long_text(rng: &mut Rng) -> String {
    let unit =
        *rng.pick(&["a", "Zoë Ŵ ", "#panic() ", "]*x* ", "محمد ", "王小明", "e\u{301}", "\\n", "\u{200D}🙂", "\\\""]);
    let count = *rng.pick(&[1_usize, 100, 2_000, 20_000]);
    unit.repeat(count)
}

/// Byte ranges of the tokens of one kind in `text`.
fn tokens(text: &[u8], want: fn(&[u8], usize) -> Option<usize>) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        match want(text, at) {
            Some(end) if end > at => {
                found.push((at, end));
                at = end;
            }
            _ => at += 1,
        }
    }
    found
}

fn number_at(text: &[u8], at: usize) -> Option<usize> {
    let starts =
        text[at].is_ascii_digit() && (at == 0 || !text[at - 1].is_ascii_alphanumeric() && text[at - 1] != b'_');
    starts
        .then(|| at + text[at..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'.' || **b == b'_').count())
}

fn string_at(text: &[u8], at: usize) -> Option<usize> {
    if text[at] != b'"' {
        return None;
    }
    let mut end = at + 1;
    while end < text.len() && text[end] != b'"' {
        end += if text[end] == b'\\' { 2 } else { 1 };
    }
    (end < text.len()).then_some(end + 1)
}

fn identifier_at(text: &[u8], at: usize) -> Option<usize> {
    let starts = text[at].is_ascii_uppercase() && (at == 0 || !text[at - 1].is_ascii_alphanumeric());
    starts.then(|| at + text[at..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count())
}

/// The bracketed value starting at `at` (`(`, `[` or `{`) up to its closing bracket.
fn block_at(text: &[u8], at: usize) -> Option<usize> {
    if !matches!(text[at], b'(' | b'[' | b'{') {
        return None;
    }
    let mut depth = 0_i32;
    let mut index = at;
    while index < text.len() {
        match text[index] {
            b'"' => index = string_at(text, index)?.saturating_sub(1),
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(index + 1);
                }
            }
            _ => {}
        }
        index += 1;
    }
    None
}

fn replace(text: &mut Vec<u8>, (start, end): (usize, usize), with: &[u8]) {
    text.splice(start..end, with.iter().copied());
}

/// One mutation of `text`, and what it was (for the failure report).
fn mutate_once(rng: &mut Rng, text: &mut Vec<u8>) -> String {
    let len = text.len().max(1);
    // Token mutations more often than byte ones: a file that still loads reaches every later step.
    match *rng.pick(&[0, 1, 2, 3, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 10, 10, 10, 11]) {
        0 => {
            let at = rng.below(len).min(text.len().saturating_sub(1));
            let byte = rng.next() as u8;
            if let Some(slot) = text.get_mut(at) {
                *slot = byte;
            }
            format!("byte {at} = {byte:#04x}")
        }
        1 => {
            let at = rng.below(len);
            let end = (at + 1 + rng.below(64)).min(text.len());
            text.drain(at.min(end)..end);
            format!("delete {at}..{end}")
        }
        2 => {
            let at = rng.below(len);
            let end = (at + 1 + rng.below(4096)).min(text.len());
            let piece: Vec<u8> = text[at.min(end)..end].to_vec();
            let to = rng.below(text.len() + 1);
            replace(text, (to, to), &piece);
            format!("copy {at}..{end} to {to}")
        }
        3 => {
            let to = rng.below(text.len() + 1);
            let piece = *rng.pick(PUNCTUATION);
            replace(text, (to, to), piece.as_bytes());
            format!("insert {piece:?} at {to}")
        }
        4 => {
            let at = rng.below(len);
            text.truncate(at);
            format!("truncate at {at}")
        }
        5 | 6 => {
            let numbers = tokens(text, number_at);
            if numbers.is_empty() {
                return "no number".into();
            }
            let token = *rng.pick(&numbers);
            let with = *rng.pick(NUMBERS);
            replace(text, token, with.as_bytes());
            format!("number at {} = {with}", token.0)
        }
        7 => {
            let strings = tokens(text, string_at);
            if strings.is_empty() {
                return "no string".into();
            }
            let token = *rng.pick(&strings);
            let long = long_text(rng);
            let escaped = format!("{long:?}");
            replace(text, token, escaped.as_bytes());
            format!("string at {} = {} chars", token.0, long.chars().count())
        }
        8 => {
            let names = tokens(text, identifier_at);
            if names.is_empty() {
                return "no identifier".into();
            }
            let token = *rng.pick(&names);
            let with = *rng.pick(VARIANTS);
            replace(text, token, with.as_bytes());
            format!("identifier at {} = {with}", token.0)
        }
        9 => {
            let depth = *rng.pick(&[40_usize, 130, 2_000, 50_000]);
            let (open, close) = *rng.pick(&[("[", "]"), ("(", ")"), ("Some(", ")"), ("{", "}")]);
            // After a field's colon, where a value goes.
            let colons: Vec<usize> = text.iter().enumerate().filter(|(_, b)| **b == b':').map(|(i, _)| i + 1).collect();
            let to = if colons.is_empty() { rng.below(text.len() + 1) } else { *rng.pick(&colons) };
            let nested = format!("{}0{}", open.repeat(depth), close.repeat(depth));
            replace(text, (to, to), nested.as_bytes());
            format!("nest {depth} x {open} at {to}")
        }
        10 => {
            // A bracketed value repeated: long lists of phases, prescriptions, steps or rows.
            let opens: Vec<usize> =
                text.iter().enumerate().filter(|(_, b)| matches!(**b, b'(' | b'[')).map(|(i, _)| i).collect();
            if opens.is_empty() {
                return "no block".into();
            }
            let at = *rng.pick(&opens);
            let Some(end) = block_at(text, at) else { return "unclosed block".into() };
            let times = *rng.pick(&[2_usize, 10, 30]);
            let block = text[at..end].to_vec();
            let mut copies = Vec::new();
            for _ in 0..times {
                copies.push(b',');
                copies.extend_from_slice(&block);
            }
            replace(text, (end, end), &copies);
            format!("repeat {at}..{end} x {times}")
        }
        _ => {
            let lines: Vec<usize> = std::iter::once(0)
                .chain(text.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1))
                .collect();
            let start = *rng.pick(&lines);
            let end = text[start..].iter().position(|b| *b == b'\n').map_or(text.len(), |p| start + p + 1);
            text.drain(start..end);
            format!("delete line at {start}")
        }
    }
}

fn mutate(rng: &mut Rng, seed: &str) -> (Vec<u8>, Vec<String>) {
    let mut text = seed.as_bytes().to_vec();
    let count = 1 + rng.below(2);
    let what = (0..count).map(|_| mutate_once(rng, &mut text)).collect();
    (text, what)
}

/// Runs one case; `Err` holds the panic message.
fn run_case(kind: Kind, bytes: &[u8], slow_steps: bool, stats: &mut Stats) -> Result<&'static str, String> {
    // Files are read as UTF-8 text; invalid bytes are refused at reading. The text a person could have made of
    // them (lossy) goes on to the parser.
    let text = String::from_utf8_lossy(bytes);
    catch_unwind(AssertUnwindSafe(|| match kind {
        Kind::Program => check_program(&text, slow_steps, stats),
        Kind::Library => check_library(&text, slow_steps, stats),
        Kind::Settings => check_settings(&text, stats),
    }))
    .map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
            .unwrap_or_else(|| "a panic without a message".into())
    })
}

fn setting(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.trim().is_empty())
}

#[test]
fn mutated_files_never_panic_or_hang() {
    let cases: usize = setting("STEPWISE_FUZZ_CASES").and_then(|v| v.parse().ok()).unwrap_or(2_100);
    let typeset_every: usize = setting("STEPWISE_FUZZ_TYPESET_EVERY").and_then(|v| v.parse().ok()).unwrap_or(50).max(1);
    let seed = match setting("STEPWISE_FUZZ_SEED").as_deref() {
        Some("random") => {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
        }
        Some(number) => number.parse().unwrap(),
        None => 0x5EED_2026_1201,
    };
    let seeds = seeds();
    let started = Instant::now();
    let mut rng = Rng(seed);
    let mut stats = Stats::default();
    let mut outcomes: std::collections::BTreeMap<&'static str, usize> = std::collections::BTreeMap::new();
    let mut failures = Vec::new();
    // The unmodified seeds first: each must load and be valid.
    for source in &seeds {
        let outcome = run_case(source.kind, source.text.as_bytes(), source.kind == Kind::Program, &mut stats);
        assert!(
            matches!(outcome, Ok("program typeset (valid)" | "library valid" | "settings read")),
            "{}: {outcome:?}",
            source.name
        );
    }
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {})); // Reported below, with the case that caused it.
    for case in 0..cases {
        let kind = match rng.below(10) {
            0..5 => Kind::Program,
            5..8 => Kind::Library,
            _ => Kind::Settings,
        };
        let of_kind: Vec<&Seed> = seeds.iter().filter(|seed| seed.kind == kind).collect();
        let source = *rng.pick(&of_kind);
        let (bytes, what) = mutate(&mut rng, &source.text);
        match run_case(source.kind, &bytes, case % typeset_every == 0, &mut stats) {
            Ok(outcome) => *outcomes.entry(outcome).or_default() += 1,
            Err(message) => {
                let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
                let _ = std::fs::create_dir_all(&folder);
                let file = folder.join(format!("case-{seed}-{case}.ron"));
                let _ = std::fs::write(&file, &bytes);
                failures.push(format!(
                    "case {case} ({}, {}): {message}\n    input: {}",
                    source.name,
                    what.join("; "),
                    file.display()
                ));
            }
        }
    }
    std::panic::set_hook(previous_hook);
    let mut report = format!("{cases} cases from seed {seed} in {:.1} s\n", started.elapsed().as_secs_f64());
    for (outcome, count) in &outcomes {
        let _ = writeln!(report, "  {outcome}: {count}");
    }
    for (step, (count, total, slowest)) in &stats.steps {
        let _ = writeln!(
            report,
            "  {step}: {count} runs, {:.1} ms on average, slowest {:.0} ms",
            total.as_secs_f64() * 1000.0 / *count as f64,
            slowest.as_secs_f64() * 1000.0
        );
    }
    eprintln!("{report}");
    assert!(failures.is_empty(), "{} of {cases} cases failed:\n{}\n{report}", failures.len(), failures.join("\n"));
    // A fuzzer whose mutations were all refused at the first character would test nothing past the parser.
    let loaded = outcomes.iter().filter(|(outcome, _)| !outcome.ends_with("refused")).map(|(_, n)| n).sum::<usize>();
    assert!(loaded * 10 >= cases, "only {loaded} of {cases} mutated files loaded:\n{report}");
}
