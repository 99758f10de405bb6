//! One card per exercise: the drawing (mirrored for a left-sided program), the dose in words, the steps and the
//! compact layout's short steps, and which cautions print (those the safety page gives word for word point there
//! instead). An exercise already on an earlier card points back to it.

use super::trimmed;
use crate::model::{Prescription, Program, Progression, dose_in_words, progression_in_words};

/// A short step is at most this long (characters), so four of them fit beside a compact card's picture.
pub const SHORT_STEP_MAX_CHARS: usize = 90;
/// A compact card shows at most this many short steps.
pub const SHORT_STEPS_MAX: usize = 4;

/// A printed stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    /// 1 = the program's first stage (also when the handout starts later).
    pub number: usize,
    pub name: String,
    pub goal: String,
    pub when: String,
    pub length: String,
    /// Lasts until the patient meets its criteria (then `length` says so).
    pub open_ended: bool,
    /// What the patient must manage before moving on, one line each.
    pub criteria: Vec<String>,
    pub cards: Vec<Card>,
}

/// One exercise as printed.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Numbered through the handout (1 = its first card), so the plan can say "3." and mean one card.
    pub number: usize,
    pub prescription_id: u64,
    pub name: String,
    pub goal: String,
    /// The dose in words ("3 sets of 15, each leg, twice a day, every day").
    pub dose: String,
    pub dose_note: String,
    /// "How it progresses: …", or `None` for the same dose every week.
    pub progression: Option<String>,
    pub steps: Vec<String>,
    /// One to four short lines for the compact layout: the exercise's own, or its first steps shortened.
    pub short_steps: Vec<String>,
    /// Whether `short_steps` were made here from the steps (the exercise has none of its own).
    pub short_steps_shortened: bool,
    pub cues: Vec<String>,
    pub mistakes: Vec<String>,
    /// The exercise's own cautions; those the safety page already gives word for word are left out.
    pub cautions: Vec<String>,
    /// Whether a caution was left out because the safety page gives it (the card then points there).
    pub general_left_out: bool,
    /// The one caution a compact card prints: the exercise's first own caution.
    pub key_caution: Option<String>,
    /// Tick boxes a day in the summary: how many times a day (1 to 3).
    pub sessions_per_day: u32,
    pub picture: Picture,
    /// The number of an earlier card with the same exercise (same text and drawing): this card then prints its
    /// dose and points there instead of repeating the steps.
    pub repeat_of: Option<usize>,
}

/// An exercise's drawing as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    /// The illustration id (`assets/illustrations/<id>.svg`); may name no drawing.
    pub id: String,
    /// Drawn the other way round: the patient's affected leg is the left, and the drawing shows the right.
    pub mirrored: bool,
    /// What the picture shows, for screen readers.
    pub alt: String,
}

impl Picture {
    /// The drawing's SVG as printed (mirrored when `mirrored`), or `None` when there is no such drawing.
    #[must_use]
    pub fn svg(&self) -> Option<std::borrow::Cow<'static, [u8]>> {
        crate::assets::illustration_svg(self.id.trim(), self.mirrored)
    }
}

pub(super) fn card(program: &Program, prescription: &Prescription, number: usize, repeat_of: Option<usize>) -> Card {
    let exercise = &prescription.exercise;
    let name = exercise.name.trim().to_owned();
    let progression = match &prescription.progression {
        Progression::Steady => None,
        rule => Some(format!("How it progresses: {}.", progression_in_words(rule).trim_end_matches('.'))),
    };
    let steps = trimmed(&exercise.steps);
    let own_short: Vec<String> = trimmed(&exercise.short_steps).into_iter().take(SHORT_STEPS_MAX).collect();
    let (short_steps, short_steps_shortened) =
        if own_short.is_empty() { (shorten_steps(&steps), !steps.is_empty()) } else { (own_short, false) };
    let cautions = specific_cautions(&exercise.cautions);
    Card {
        number,
        prescription_id: prescription.id,
        goal: exercise.goal.trim().to_owned(),
        dose: dose_in_words(&prescription.dose, exercise.kind, program.patient.side),
        dose_note: prescription.dose.note.trim().to_owned(),
        progression,
        steps,
        short_steps,
        short_steps_shortened,
        cues: trimmed(&exercise.cues),
        mistakes: trimmed(&exercise.common_mistakes),
        key_caution: cautions.first().cloned(),
        general_left_out: exercise.cautions.iter().any(|c| is_general_caution(c)),
        cautions,
        sessions_per_day: prescription.dose.times_per_day.clamp(1, 3),
        picture: Picture {
            id: exercise.illustration.trim().to_owned(),
            // The drawings show the right leg working; the illustrations' rule says when the left one does.
            mirrored: crate::assets::mirror_illustration(prescription.dose.side, program.patient.side),
            // The exercise and the position shown.
            alt: match crate::assets::illustration_alt_text(exercise.illustration.trim()) {
                Some(shown) => format!("{name}: {shown}"),
                None => format!("Drawing: {name}"),
            },
        },
        name,
        repeat_of,
    }
}

/// The first steps, each at most `SHORT_STEP_MAX_CHARS` long: a step that is longer keeps its first sentence
/// when that fits, otherwise it is cut at a word boundary and ends in "…".
#[must_use]
pub fn shorten_steps(steps: &[String]) -> Vec<String> {
    steps.iter().take(SHORT_STEPS_MAX).map(|step| shorten(step.trim())).filter(|s| !s.is_empty()).collect()
}

fn shorten(step: &str) -> String {
    if step.chars().count() <= SHORT_STEP_MAX_CHARS {
        return step.to_owned();
    }
    if let Some(end) = step.find(". ") {
        let sentence = &step[..=end];
        if sentence.chars().count() <= SHORT_STEP_MAX_CHARS {
            return sentence.to_owned();
        }
    }
    // Room for the ellipsis; cut before the last word that does not fit.
    let limit = step.char_indices().nth(SHORT_STEP_MAX_CHARS - 1).map_or(step.len(), |(at, _)| at);
    let head = &step[..limit];
    let cut = head.rfind(char::is_whitespace).map_or(head, |at| &head[..at]);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Cautions that say no more than the safety page ("Keep yourself safe": the pain traffic light, when to stop and
/// call) does, word for word as the library writes them. A card leaves these out and points to the safety page
/// instead; every other caution, anything about this exercise, is printed. Matched exactly (case, spaces and the
/// final full stop aside), so a therapist's own wording is never dropped.
const GENERAL_CAUTIONS: [&str; 6] = [
    "Stop and call the clinic if the pain is sharp or sudden, worse the next morning, or building from week to week",
    "Stop and call the clinic if the pain is sharp or sudden",
    "Call the clinic if pain is sharp, sudden or lasting, or worse from week to week",
    "Pain should stay at 5 out of 10 or less and settle by the next morning",
    "Numbness, pins and needles or weakness in the leg or foot needs to be assessed",
    "Pain on the shin bone that builds with activity and eases only with rest needs a medical opinion (possible stress fracture)",
];

pub(super) fn is_general_caution(caution: &str) -> bool {
    let normalise =
        |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches('.').to_lowercase();
    let caution = normalise(caution);
    GENERAL_CAUTIONS.iter().any(|general| normalise(general) == caution)
}

fn specific_cautions(cautions: &[String]) -> Vec<String> {
    trimmed(cautions).into_iter().filter(|caution| !is_general_caution(caution)).collect()
}

/// Same exercise as an earlier card: the copy's text is identical, so the steps need not be printed twice.
pub(super) fn same_exercise(earlier: &Prescription, later: &Prescription) -> bool {
    let (a, b) = (&earlier.exercise, &later.exercise);
    a.name == b.name
        && a.steps == b.steps
        && a.short_steps == b.short_steps
        && a.cues == b.cues
        && a.cautions == b.cautions
        && a.illustration == b.illustration
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_steps_are_shortened_at_a_word_boundary() {
        let long = "Stand on the bottom step of the stairs holding the rail, and shuffle back until only the balls \
                    of your feet are on it";
        let short = shorten(long);
        assert!(short.chars().count() <= SHORT_STEP_MAX_CHARS, "{short}");
        assert!(short.ends_with('…') && long.starts_with(short.trim_end_matches('…')), "{short}");
        assert_eq!(
            shorten(
                "Sit down. Then do a very long thing that goes on and on and on and on and on, and on and on again"
            ),
            "Sit down."
        );
        assert_eq!(shorten("Short."), "Short.");
        let steps: Vec<String> = (0..6).map(|i| format!("Step {i}.")).collect();
        assert_eq!(shorten_steps(&steps).len(), SHORT_STEPS_MAX);
    }
}
