//! Clinical safety of what is printed: every shipped program's handout (normal and large print) carries the signs
//! of a blood clot in the leg and in the lung with an emergency number, never the falsely reassuring "does not
//! ease with rest", and no pain number its pain rule does not allow; the safety page keeps to one A4 page (two in
//! large print); each calf-strain stage tests only exercises prescribed by then; `stepwise library` finds a heel
//! raise for "toe raise" and the new entries; `stepwise check` warns on a pain limit the rule does not allow.

#![allow(clippy::unwrap_used)] // A test may unwrap: a panic there is a failed test with a line number.

use std::path::Path;

use stepwise::files;
use stepwise::handout::{self, ClinicDetails, Handout, HandoutOptions, Paper};
use stepwise::model::{Date, PainRule, Program, pain_scores_in};

fn options(large_print: bool, phone: &str) -> HandoutOptions {
    HandoutOptions {
        paper: Paper::A4,
        large_print,
        clinic: ClinicDetails {
            name: "Riverside Physiotherapy".into(),
            phone: phone.into(),
            ..ClinicDetails::default()
        },
        printed_on: Date::new(2026, 11, 24),
    }
}

fn shipped_programs() -> Vec<(&'static str, Program)> {
    stepwise::assets::PROGRAM_FILES
        .iter()
        .map(|(stem, bytes)| {
            let text = std::str::from_utf8(bytes).unwrap();
            let program = files::program_from_str(text, Path::new(&format!("programs/{stem}.ron"))).unwrap().program;
            (*stem, program)
        })
        .collect()
}

fn compile(program: &Program, options: &HandoutOptions) -> Handout {
    handout::compile(program, options).unwrap_or_else(|e| panic!("{}: {e}", program.title))
}

/// Each page's text with runs of whitespace made one space.
fn pages_of(handout: &Handout) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(&handout.pdf)
        .unwrap()
        .into_iter()
        .map(|page| page.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first page (from 0) whose text has `wanted`.
fn page_with(pages: &[String], wanted: &str) -> Option<usize> {
    let wanted = squash(wanted);
    pages.iter().position(|page| page.contains(&wanted))
}

#[test]
fn every_shipped_handout_has_the_clot_signs_and_an_emergency_number() {
    for (stem, program) in shipped_programs() {
        for large in [false, true] {
            let handout = compile(&program, &options(large, "01248 555 0123"));
            let text = squash(&pages_of(&handout).join(" "));
            let print = if large { "large print" } else { "normal print" };
            for wanted in [
                "Signs of a blood clot (DVT)",
                "throbbing or cramping pain",
                "harder to see on brown or black skin",
                "swollen veins that are hard or sore",
                "sudden shortness of breath",
                "chest pain that is worse when you breathe in",
                "coughing up blood",
            ] {
                assert!(text.contains(wanted), "{stem} ({print}): no “{wanted}”");
            }
            // Whatever the region, some number is printed after "Call": never "Call at once".
            let call = text.find("at once if you have").map(|at| &text[at.saturating_sub(12)..at]);
            assert!(
                call.is_some_and(|before| before.trim_start().starts_with("Call") || before.contains("Call ")),
                "{stem} ({print}): the lung-clot box has no number to call: {call:?}"
            );
            let number = call.unwrap().rsplit("Call").next().unwrap().trim();
            assert!(number.chars().any(|c| c.is_ascii_digit()), "{stem} ({print}): “Call {number}”");
            assert!(!text.to_lowercase().contains("does not ease with rest"), "{stem} ({print})");
            assert!(!text.to_lowercase().contains("rest does not ease"), "{stem} ({print})");
        }
    }
}

#[test]
fn the_safety_page_is_one_a4_page_in_normal_print_and_two_in_large() {
    for (stem, program) in shipped_programs() {
        for (large, most) in [(false, 0), (true, 1)] {
            let pages = pages_of(&compile(&program, &options(large, "")));
            let first = page_with(&pages, "Keep yourself safe").unwrap();
            let last = page_with(&pages, "may have reached the lung").unwrap();
            assert!(last >= first, "the safety text is out of order");
            assert!(
                last - first <= most,
                "{stem}, large print {large}: the safety text runs over {} pages (pages {}-{})",
                last - first + 1,
                first + 1,
                last + 1
            );
            // A page of its own: it starts at the top, with nothing of the first page on it.
            assert!(!pages[first].contains("Your program at a glance"), "{stem}: the safety page shares a page");
        }
    }
}

#[test]
fn with_no_clinic_phone_a_line_is_left_to_write_it_on() {
    let (_, program) = shipped_programs().into_iter().next().unwrap();
    let text = squash(&pages_of(&compile(&program, &options(false, ""))).join(" "));
    // The line to write on is drawn, so the text reads "(phone: )": a gap, never a sentence that stops short.
    assert!(text.contains("Stop and call Riverside Physiotherapy (phone: ) if you have"), "{text}");
    let text = squash(&pages_of(&compile(&program, &options(false, "01248 555 0123"))).join(" "));
    assert!(text.contains("Stop and call Riverside Physiotherapy (01248 555 0123) if you have"), "{text}");
}

/// The pain scores printed in a handout that its rule does not allow.
fn scores_against_rule(text: &str, rule: &PainRule) -> Vec<u8> {
    let limit = rule.text().highest_score;
    pain_scores_in(text).into_iter().filter(|&score| score > 0 && limit.is_none_or(|limit| score > limit)).collect()
}

#[test]
fn printed_pain_numbers_agree_with_each_programs_rule() {
    for (stem, program) in shipped_programs() {
        for large in [false, true] {
            let text = squash(&pages_of(&compile(&program, &options(large, ""))).join(" "));
            let wrong = scores_against_rule(&text, &program.pain_rule);
            assert!(wrong.is_empty(), "{stem}: prints pain scores {wrong:?}, beyond its rule {:?}", program.pain_rule);
        }
    }
}

/// The tests a stage's criteria can name, and the library exercises that train (and so test) each.
const CRITERION_TESTS: [(&str, &[&str]); 6] = [
    ("double-leg heel raise", &["heel-raise-double-leg-floor", "heel-raise-double-leg-step"]),
    (
        "single-leg heel raise",
        &["heel-raise-single-leg-floor", "heel-raise-single-leg-step", "heel-raise-single-leg-weighted"],
    ),
    ("quick rebounding", &["quick-rebounding-heel-raise"]),
    ("hop", &["single-leg-hops", "pogo-hops"]),
    ("skipping", &["skipping"]),
    ("running", &["walk-run-intervals"]),
];

#[test]
fn each_calf_strain_stage_tests_only_exercises_prescribed_by_then() {
    let (_, program) = shipped_programs().into_iter().find(|(stem, _)| *stem == "calf-strain-return-to-run").unwrap();
    let mut prescribed: Vec<&str> = Vec::new();
    let mut named = 0;
    for phase in &program.phases {
        prescribed.extend(phase.prescriptions.iter().map(|p| p.exercise.library_id.as_str()));
        let criteria = std::iter::once(phase.criteria.clone())
            .chain(phase.measurable_criteria.iter().map(stepwise::model::MeasurableCriterion::to_text))
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .replace("heel raises", "heel raise");
        for (test, ids) in CRITERION_TESTS {
            if criteria.contains(test) {
                named += 1;
                assert!(
                    ids.iter().any(|id| prescribed.contains(id)),
                    "stage “{}” tests “{test}”, but none of {ids:?} is prescribed by then",
                    phase.name
                );
            }
        }
    }
    assert!(named >= 4, "the criteria name too few tests to be checked ({named})");
}

#[test]
fn calf_strain_hops_come_after_easy_quick_rebounding_raises_and_weighted_work_is_never_daily() {
    let (_, program) = shipped_programs().into_iter().find(|(stem, _)| *stem == "calf-strain-return-to-run").unwrap();
    let stage_of = |ids: &[&str]| {
        program
            .phases
            .iter()
            .position(|phase| phase.prescriptions.iter().any(|p| ids.contains(&p.exercise.library_id.as_str())))
    };
    let rebound = stage_of(&["quick-rebounding-heel-raise"]).expect("quick rebounding heel raises are prescribed");
    let jumps = stage_of(&["skipping", "pogo-hops", "single-leg-hops"]).expect("skipping or hops are prescribed");
    assert!(
        rebound < jumps,
        "skipping and hops (stage {}) before quick rebounding raises (stage {})",
        jumps + 1,
        rebound + 1
    );
    let before_jumps = &program.phases[jumps - 1];
    let criteria = before_jumps.criteria.to_lowercase();
    assert!(criteria.contains("quick rebounding") && criteria.contains("easy"), "{criteria}");
    for phase in &program.phases {
        for p in &phase.prescriptions {
            if p.exercise.library_id.contains("weighted") && p.exercise.library_id.contains("single-leg") {
                assert!(p.dose.days_per_week < 7, "{}: weighted single-leg work every day", phase.name);
            }
        }
    }
    // Return to run: at least 25 AND within 10 % (never "or").
    let run_criteria = program.phases.iter().map(|p| p.criteria.to_lowercase()).collect::<Vec<_>>().join(" ");
    assert!(run_criteria.contains("at least 25 single-leg heel raises"), "{run_criteria}");
    assert!(run_criteria.contains("and within 10 %"), "{run_criteria}");
    assert!(!run_criteria.contains("or within 10 %"), "{run_criteria}");
}

// --- The command line ----------------------------------------------------------------------------------------------

fn stepwise() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_stepwise"));
    // Keep the user's own library and settings out of the tests.
    let home = std::env::temp_dir().join("stepwise-clinical-test-home");
    command.env("HOME", &home).env("XDG_DATA_HOME", home.join("data")).env("XDG_CONFIG_HOME", home.join("config"));
    command
}

fn library_ids(query: &str) -> Vec<String> {
    let output = stepwise().args(["library", query]).output().unwrap();
    assert!(output.status.success(), "stepwise library {query:?} failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| line.split('\t').next().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn toe_raise_calf_raise_and_tip_toe_find_a_heel_raise_first() {
    for query in ["toe raise", "calf raise", "tip-toe"] {
        let ids = library_ids(query);
        let first = ids.first().map_or("", String::as_str);
        assert!(first.starts_with("heel-raise"), "stepwise library {query:?} lists {first:?} first: {ids:?}");
    }
    // The exercise that lifts the front of the foot is named for what it does.
    assert!(library_ids("forefoot").iter().any(|id| id == "forefoot-lift"));
}

#[test]
fn the_new_library_entries_can_be_found() {
    for (query, id) in [
        ("footwear", "footwear-advice"),
        ("taping", "taping-by-therapist"),
        ("cross-training", "cross-training"),
        ("shin", "forefoot-lift"),
        ("heat and ice", "heat-ice-alternating"),
        ("towel", "heel-raise-towel-high-load"),
        ("leg press", "heel-raise-leg-press"),
    ] {
        let ids = library_ids(query);
        assert!(ids.iter().any(|found| found == id), "stepwise library {query:?} does not find {id}: {ids:?}");
    }
}

#[test]
fn check_warns_at_line_and_column_on_a_pain_limit_the_rule_does_not_allow() {
    let text = std::str::from_utf8(
        stepwise::assets::PROGRAM_FILES.iter().find(|(stem, _)| *stem == "calf-strain-return-to-run").unwrap().1,
    )
    .unwrap();
    assert!(text.contains("pain_rule: AcuteMuscleInjury"), "the calf-strain program uses the acute-injury rule");
    let planted = text.replacen("notes: \"", "notes: \"Pain up to 5 out of 10 is fine. ", 1);
    let line = planted.lines().position(|l| l.contains("Pain up to 5 out of 10")).unwrap() + 1;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("planted.ron");
    std::fs::write(&path, &planted).unwrap();
    let output = stepwise().arg("check").arg(&path).output().unwrap();
    let out = String::from_utf8_lossy(&output.stdout);
    let wanted = format!("planted.ron:{line}:");
    let warning = out.lines().find(|l| l.contains("5 out of 10")).unwrap_or_else(|| panic!("no warning: {out}"));
    assert!(warning.contains(&wanted) && warning.contains("warning:"), "{warning}");
    // The shipped file itself is clean.
    let clean = dir.path().join("clean.ron");
    std::fs::write(&clean, text).unwrap();
    let output = stepwise().arg("check").arg(&clean).output().unwrap();
    assert!(!String::from_utf8_lossy(&output.stdout).contains("warning"), "the shipped program has warnings");
}

/// Issue 11: the emergency number is a clinic setting. The settings' number is the one the printed handout says
/// to call (read back from the PDF); a blank or a word in its place prints the region's number instead, with a
/// warning that says why, so a patient is never told to call nothing.
#[test]
fn the_emergency_number_in_the_settings_is_the_one_printed() {
    use stepwise::files::settings::Settings;
    let program = &shipped_programs()[0].1;
    let today = Date::new(2026, 11, 24).unwrap();
    let region = stepwise::model::emergency_number_from_env(|name| std::env::var(name).ok()).number;
    // Two numbers, so one of them differs from this machine's region whatever it is.
    for number in ["000", "111"] {
        let settings = Settings { emergency_number: number.into(), ..Settings::default() };
        let setup = stepwise::printing::handout_options(&settings, program, today);
        assert!(setup.warnings.is_empty(), "{number}: {:?}", setup.warnings);
        let text = squash(&pages_of(&compile(program, &setup.options)).join(" "));
        assert!(text.contains(&format!("Call {number} at once if you have")), "{number}: not printed");
        assert!(text.contains(&format!("call {number} now")), "{number}: not in the lung-clot action");
        let other = if number == "000" { "111" } else { "000" };
        assert!(!text.contains(&format!("Call {other} at once")), "{number}: {other} printed too");
    }
    for (typed, why) in [("", "blank"), ("nine nine nine", "not a phone number")] {
        let settings = Settings { emergency_number: typed.into(), ..Settings::default() };
        let setup = stepwise::printing::handout_options(&settings, program, today);
        assert_eq!(setup.options.clinic.emergency_number, region, "{typed:?}: the region's number instead");
        assert!(
            setup.warnings.iter().any(|w| w.contains(why) && w.contains(&format!("prints {region}"))),
            "{typed:?}: {:?}",
            setup.warnings
        );
        let text = squash(&pages_of(&compile(program, &setup.options)).join(" "));
        assert!(text.contains(&format!("Call {region} at once if you have")), "{typed:?}");
        assert!(typed.is_empty() || !text.contains(typed), "{typed:?} printed");
    }
}
