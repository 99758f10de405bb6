//! Clinical safety of what is printed: every shipped program's handout (normal and large print) carries the signs
//! of a blood clot in the leg and in the lung with an emergency number, never the falsely reassuring "does not
//! ease with rest", and no pain number its pain rule does not allow; the safety page keeps to one A4 page (two in
//! large print).

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
            let wrong = scores_against_rule(&text, &PainRule::default());
            assert!(wrong.is_empty(), "{stem}: prints pain scores {wrong:?}, beyond its rule");
        }
    }
}
