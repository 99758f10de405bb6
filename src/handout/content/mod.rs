//! What a handout prints, as plain data: the header, the stages in scope with one card per exercise, the
//! week-by-week plan and the diary of those stages, the line about the next stage and the safety details.
//!
//! Built once from a program ([`build`]) and read by every way of handing it to a patient: the Typst template
//! (through `inputs`, which turns it into `sys.inputs`) and the phone web page of `stepwise export`. Everything
//! is already in the patient's words (doses, week labels, dates), so a reader only lays it out and never needs
//! the model or the schedule.
//!
//! ```
//! use stepwise::handout::{self, content};
//! use stepwise::model::HandoutScope;
//! let mut program = handout::demo_program(6);
//! program.handout.scope = HandoutScope::Whole;
//! let content = content::build(&program, &handout::HandoutOptions::default());
//! assert_eq!(content.stages.len(), 3);
//! for card in content.stages.iter().flat_map(|stage| &stage.cards) {
//!     println!("{}. {} — {}", card.number, card.name, card.dose);
//! }
//! ```
//!
//! Module map: `header` (the top of the first page, the stages at a glance), `cards` (one card per exercise:
//! short steps, which cautions print, repeats), `plan_and_diary` (the week-by-week plan and the diary's weeks).

mod cards;
mod header;
mod plan_and_diary;

use std::collections::HashMap;
use std::fmt::Write as _;

pub use cards::{Card, Picture, SHORT_STEP_MAX_CHARS, SHORT_STEPS_MAX, Stage, shorten_steps};
pub use header::{Clinic, Header, PatientDetails, StageOverview};
pub use plan_and_diary::{Diary, DiaryWeek, PlanBlock, PlanItem, PlanWeeks};

use cards::{card, same_exercise};
use header::{header, when_and_length};
use plan_and_diary::{diary, plan_blocks};

use super::HandoutOptions;
use crate::model::{Dose, HandoutLayout, PainRule, Prescription, Program, SafetyText};
use crate::schedule;

/// Everything one handout prints.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoutContent {
    pub layout: HandoutLayout,
    pub header: Header,
    /// Every stage of the program, printed or not, for "your program at a glance".
    pub overview: Vec<StageOverview>,
    /// The stages in scope, in program order.
    pub stages: Vec<Stage>,
    /// The week-by-week plan of the stages in scope: one block a stage.
    pub plan: Vec<PlanBlock>,
    pub diary: Diary,
    /// What comes after the last printed stage, when the handout does not print it.
    pub next_stage: Option<NextStage>,
    pub safety: Safety,
    /// What a therapist should know before handing it out (a step shortened for the compact layout ...).
    pub warnings: Vec<String>,
}

impl HandoutContent {
    /// Every card of every printed stage, in order.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.stages.iter().flat_map(|stage| &stage.cards)
    }
}

/// The stage after the last printed one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStage {
    pub number: usize,
    pub name: String,
    /// "From week 3", "Weeks 3–6".
    pub when: String,
    /// What the patient must manage before moving on: the last printed stage's criteria.
    pub before_moving_on: Vec<String>,
}

impl NextStage {
    /// The one line the handout prints: "Next: stage 2, Build strength (weeks 3–6). Before you move on: …".
    #[must_use]
    pub fn sentence(&self) -> String {
        let mut text = format!("Next: stage {}, {}", self.number, self.name);
        if !self.when.is_empty() {
            let _ = write!(text, " ({})", lower_first(&self.when));
        }
        text.push('.');
        if self.before_moving_on.is_empty() {
            text.push_str(" Your therapist will tell you when you are ready.");
        } else {
            let criteria: Vec<&str> =
                self.before_moving_on.iter().map(|c| c.trim().trim_end_matches(['.', ';'])).collect();
            let _ = write!(text, " Before you move on: {}.", criteria.join("; "));
        }
        text
    }

    /// The title of the compact handout's "move on" box, which lists the criteria beneath it: "Move on to stage 2,
    /// Build strength (weeks 3–6), when:".
    #[must_use]
    pub fn move_on_title(&self) -> String {
        let mut text = format!("Move on to stage {}, {}", self.number, self.name);
        if !self.when.is_empty() {
            let _ = write!(text, " ({})", lower_first(&self.when));
        }
        text.push_str(", when:");
        text
    }
}

/// What the safety page and the summary's safety lines print: the clinic to call, the program's pain rule and
/// the emergency number (`SafetyText::new(&pain_rule, &emergency_number)` gives the words).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Safety {
    /// "Riverside Physio" or "your clinic".
    pub clinic_called: String,
    /// "" when the clinic has no phone number set.
    pub clinic_phone: String,
    pub pain_rule: PainRule,
    /// Never blank: the clinic's setting, or the one for the system's region.
    pub emergency_number: String,
}

impl Safety {
    /// The safety words in full, as the safety page prints them.
    #[must_use]
    pub fn text(&self) -> SafetyText {
        SafetyText::new(&self.pain_rule, &self.emergency_number)
    }
}

/// The content of `program`'s handout for its own choice of scope and layout (`program.handout`).
#[must_use]
pub fn build(program: &Program, options: &HandoutOptions) -> HandoutContent {
    let layout = program.handout.layout;
    let printed = program.stages_in_scope(&program.handout.scope);
    let current = program.current_stage_index();
    let printed_on = options.printed_on.unwrap_or_else(crate::clock::today);
    let schedule = schedule::build(program);
    let mut warnings = Vec::new();

    let overview: Vec<StageOverview> = program
        .phases
        .iter()
        .enumerate()
        .map(|(index, phase)| {
            let (when, length) = when_and_length(&schedule, index);
            StageOverview {
                number: index + 1,
                name: phase.name.trim().to_owned(),
                goal: phase.goal.trim().to_owned(),
                when,
                length,
                printed: printed.contains(&index),
                current: index == current,
            }
        })
        .collect();

    // Cards are numbered through the printed stages; an exercise repeated from an earlier printed card points
    // back to it.
    let mut next_number = 1;
    let mut seen: Vec<(usize, &Prescription)> = Vec::new();
    let mut stages = Vec::new();
    for &index in &printed {
        let phase = &program.phases[index];
        let (when, length) = when_and_length(&schedule, index);
        let mut criteria = non_empty_lines(&phase.criteria);
        criteria.extend(phase.measurable_criteria.iter().map(crate::model::MeasurableCriterion::to_text));
        let mut cards = Vec::new();
        for prescription in &phase.prescriptions {
            let number = next_number;
            next_number += 1;
            let repeat_of = seen.iter().find(|(_, earlier)| same_exercise(earlier, prescription)).map(|(n, _)| *n);
            seen.push((number, prescription));
            let card = card(program, prescription, number, repeat_of);
            if card.short_steps_shortened && layout == HandoutLayout::Compact && repeat_of.is_none() {
                warnings.push(format!(
                    "Exercise {number} “{}” has no short steps: the compact handout shows its first steps, \
                     shortened. Write short steps for it in the exercise editor.",
                    card.name
                ));
            }
            cards.push(card);
        }
        stages.push(Stage {
            number: index + 1,
            name: phase.name.trim().to_owned(),
            goal: phase.goal.trim().to_owned(),
            when,
            length,
            open_ended: schedule.phases.get(index).is_some_and(|block| block.open_ended),
            criteria,
            cards,
        });
    }

    let numbers: HashMap<u64, (usize, &Dose)> = stages
        .iter()
        .flat_map(|stage| &stage.cards)
        .filter_map(|card| {
            let (phase, position) = program.find_prescription(card.prescription_id)?;
            Some((card.prescription_id, (card.number, &program.phases[phase].prescriptions[position].dose)))
        })
        .collect();
    let plan = plan_blocks(program, &schedule, &numbers, &printed);
    let diary = diary(program, &schedule, &printed, &mut warnings);

    let next_stage = printed.last().and_then(|&last| {
        let next = last + 1;
        let phase = program.phases.get(next).filter(|_| !printed.contains(&next))?;
        Some(NextStage {
            number: next + 1,
            name: phase.name.trim().to_owned(),
            when: when_and_length(&schedule, next).0,
            before_moving_on: stages.last().map(|stage| stage.criteria.clone()).unwrap_or_default(),
        })
    });

    let clinic_name = options.clinic.name.trim();
    let clinic = Clinic {
        name: clinic_name.to_owned(),
        address: options.clinic.address.trim().to_owned(),
        phone: options.clinic.phone.trim().to_owned(),
        email: options.clinic.email.trim().to_owned(),
        called: if clinic_name.is_empty() { "your clinic".to_owned() } else { clinic_name.to_owned() },
    };
    let safety = Safety {
        clinic_called: clinic.called.clone(),
        clinic_phone: clinic.phone.clone(),
        pain_rule: program.pain_rule.clone(),
        emergency_number: super::safety::emergency_number(&options.clinic.emergency_number),
    };
    let header = header(program, clinic, printed_on, &printed);

    HandoutContent { layout, header, overview, stages, plan, diary, next_stage, safety, warnings }
}

/// The non-blank strings, trimmed: a stray empty step would print as an empty numbered line.
fn trimmed(items: &[String]) -> Vec<String> {
    items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn non_empty_lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, HandoutScope, Side};

    fn settings() -> HandoutOptions {
        HandoutOptions { printed_on: Date::new(2026, 11, 24), ..HandoutOptions::default() }
    }

    #[test]
    fn a_stage_handout_holds_that_stage_and_names_the_next() {
        let mut program = crate::handout::demo_program(9);
        program.current_stage = Some(program.phases[1].id);
        let content = build(&program, &settings());
        assert_eq!(content.stages.len(), 1);
        assert_eq!(content.stages[0].number, 2);
        assert_eq!(content.stages[0].cards[0].number, 1, "cards are numbered from the first printed");
        assert_eq!(content.header.scope, "Stage 2 of 3: Build strength");
        assert!(content.plan.iter().all(|block| block.stage.starts_with("2:")), "{:?}", content.plan);
        assert_eq!(content.diary.weeks.first().map(|w| w.label.as_str()), Some("Week 3"));
        assert_eq!(content.diary.weeks.len(), 4);
        let next = content.next_stage.as_ref().map(NextStage::sentence).unwrap_or_default();
        assert!(next.starts_with("Next: stage 3, Back to sport (from week 7). Before you move on: "), "{next}");
        assert!(next.contains("Heel raises on the painful leg: 25 in a row"), "{next}");
        assert_eq!(content.overview.iter().filter(|s| s.printed).count(), 1);
        assert!(content.overview[1].current);

        program.handout.scope = HandoutScope::Whole;
        let content = build(&program, &settings());
        assert_eq!(content.stages.len(), 3);
        assert!(content.next_stage.is_none());
        assert_eq!(content.header.scope, "");
        assert_eq!(content.cards().count(), program.prescriptions().count());

        program.handout.scope = HandoutScope::Stages(vec![program.phases[0].id, program.phases[2].id]);
        assert_eq!(build(&program, &settings()).header.scope, "Stages 1 and 3 of 3");
    }

    #[test]
    fn an_exercise_without_short_steps_warns_only_in_the_compact_layout() {
        let mut program = crate::handout::demo_program(3);
        assert!(build(&program, &settings()).warnings.is_empty());
        program.handout.layout = HandoutLayout::Compact;
        let content = build(&program, &settings());
        assert_eq!(content.warnings.len(), content.stages[0].cards.len(), "{:?}", content.warnings);
        program.phases[0].prescriptions[0].exercise.short_steps = vec!["Point and pull your toes.".into()];
        let content = build(&program, &settings());
        assert_eq!(content.stages[0].cards[0].short_steps, ["Point and pull your toes."]);
        assert!(!content.stages[0].cards[0].short_steps_shortened);
    }

    #[test]
    fn a_left_sided_program_prints_its_one_sided_drawings_mirrored() {
        let mut program = crate::handout::demo_program(6);
        program.handout.scope = HandoutScope::Whole;
        program.patient.side = Side::Left;
        for prescription in program.phases.iter_mut().flat_map(|phase| &mut phase.prescriptions) {
            prescription.dose.side = Side::Affected;
        }
        let content = build(&program, &settings());
        assert!(content.cards().all(|card| card.picture.mirrored));
        let card = content.cards().next().map(|card| card.picture.clone());
        let drawn = card.as_ref().and_then(Picture::svg).unwrap_or_default();
        assert_ne!(
            drawn.as_ref(),
            crate::assets::illustration(&card.map(|p| p.id).unwrap_or_default()).unwrap_or_default()
        );
        program.patient.side = Side::Right;
        assert!(build(&program, &settings()).cards().all(|card| !card.picture.mirrored));
    }
}
