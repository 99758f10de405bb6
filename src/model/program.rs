//! A patient's program: phases in order, each with its prescriptions, dose and rules for progressing.

use serde::{Deserialize, Serialize};

use super::{Date, Dose, ExerciseCopy, HandoutChoice, Load, PainRule, Side};

/// One patient's home-exercise program: the document a therapist opens, edits, saves and prints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// File format version (see `model::FORMAT_VERSION`).
    pub version: u32,
    pub title: String,
    /// What this program is for and when to choose it: shown in "New from template".
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub patient: Patient,
    #[serde(default)]
    pub therapist: String,
    #[serde(default)]
    pub clinic: String,
    /// The first day of week 1.
    pub start_date: Date,
    #[serde(default)]
    pub goals: Vec<String>,
    /// Notes for the patient, printed on the handout.
    #[serde(default)]
    pub notes: String,
    /// How much pain this program allows: the handout's traffic light, its notes and every exercise text follow
    /// this one rule. A file without one reads as the tendinopathy pain-monitoring model.
    #[serde(default)]
    pub pain_rule: PainRule,
    pub phases: Vec<Phase>,
    /// The stage the patient is in now, by its phase's id; `None` (a new program, an older file) is the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_stage: Option<u64>,
    /// Which stages the handout prints, and in which layout (see `HandoutChoice`).
    #[serde(default, skip_serializing_if = "HandoutChoice::is_default")]
    pub handout: HandoutChoice,
}

impl Program {
    /// An empty program starting on `start_date`, with one phase ready for exercises.
    #[must_use]
    pub fn new(start_date: Date) -> Self {
        Self {
            version: super::FORMAT_VERSION,
            title: "Home exercise program".to_owned(),
            description: String::new(),
            patient: Patient::default(),
            therapist: String::new(),
            clinic: String::new(),
            start_date,
            goals: Vec::new(),
            notes: String::new(),
            pain_rule: PainRule::default(),
            phases: vec![Phase::new(1, "Phase 1")],
            current_stage: None,
            handout: HandoutChoice::default(),
        }
    }

    /// An id not yet used by any phase or prescription in this program: one more than the largest, or, when a
    /// file already uses `u64::MAX`, the smallest free one.
    #[must_use]
    pub fn next_id(&self) -> u64 {
        let ids = || {
            self.phases
                .iter()
                .flat_map(|phase| std::iter::once(phase.id).chain(phase.prescriptions.iter().map(|p| p.id)))
        };
        match ids().max() {
            None => 1,
            Some(largest) => largest.checked_add(1).unwrap_or_else(|| {
                let used: std::collections::HashSet<u64> = ids().collect();
                // There are fewer ids than u64 values, so one is free.
                (1..=u64::MAX).find(|id| !used.contains(id)).unwrap_or(0)
            }),
        }
    }

    /// Every prescription with the index of its phase.
    pub fn prescriptions(&self) -> impl Iterator<Item = (usize, &Prescription)> {
        self.phases.iter().enumerate().flat_map(|(index, phase)| phase.prescriptions.iter().map(move |p| (index, p)))
    }

    /// Where the prescription with this id is: (phase index, position in the phase).
    #[must_use]
    pub fn find_prescription(&self, id: u64) -> Option<(usize, usize)> {
        self.phases.iter().enumerate().find_map(|(phase_index, phase)| {
            phase.prescriptions.iter().position(|p| p.id == id).map(|pos| (phase_index, pos))
        })
    }
}

/// Who the program is for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Patient {
    pub name: String,
    /// Date of birth or the clinic's own reference: whatever the clinic uses to tell patients apart.
    pub date_of_birth_or_reference: String,
    /// e.g. "Right mid-portion Achilles tendinopathy".
    pub condition: String,
    /// The painful or injured side: what `Side::Affected` means on the handout.
    pub side: Side,
}

/// How long a phase lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhaseLength {
    Weeks(u32),
    /// Open-ended: the patient moves on when the phase's criteria are met (printed as "from week N").
    UntilCriteriaMet,
}

/// A criterion to move on that can be measured: "25 single-leg heel raises", "walk 30 min without pain".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasurableCriterion {
    /// What is measured, e.g. "Single-leg heel raises on the affected leg".
    pub test: String,
    pub target: f32,
    /// e.g. "repetitions", "minutes", "/10 pain or less".
    pub unit: String,
}

impl MeasurableCriterion {
    /// "Single-leg heel raises on the affected leg: 25 repetitions".
    #[must_use]
    pub fn to_text(&self) -> String {
        format!("{}: {} {}", self.test, trim_number(self.target), self.unit)
    }
}

/// A number without a useless ".0": 25, 2.5.
#[must_use]
pub fn trim_number(value: f32) -> String {
    if (value - value.round()).abs() < 1e-4 { format!("{}", value.round()) } else { format!("{value:.1}") }
}

/// One stage of a program: settle, load, return to running ...
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Stable within the program: survives renaming and reordering.
    pub id: u64,
    pub name: String,
    #[serde(default)]
    pub goal: String,
    pub length: PhaseLength,
    /// Criteria to move on, in words.
    #[serde(default)]
    pub criteria: String,
    #[serde(default)]
    pub measurable_criteria: Vec<MeasurableCriterion>,
    #[serde(default)]
    pub prescriptions: Vec<Prescription>,
}

impl Phase {
    #[must_use]
    pub fn new(id: u64, name: &str) -> Self {
        Self {
            id,
            name: name.to_owned(),
            goal: String::new(),
            length: PhaseLength::Weeks(2),
            criteria: String::new(),
            measurable_criteria: Vec::new(),
            prescriptions: Vec::new(),
        }
    }
}

/// One exercise as prescribed to this patient: a copy of the exercise, the starting dose and how it progresses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prescription {
    /// Stable within the program: drag and drop and undo follow it, not the position.
    pub id: u64,
    pub exercise: ExerciseCopy,
    pub dose: Dose,
    #[serde(default)]
    pub progression: Progression,
}

/// How a prescription's dose changes from week to week within its phase. Rules never go past the exercise's safe
/// range: they stop at the cap (and the schedule says so).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Progression {
    /// The same dose every week.
    #[default]
    Steady,
    /// Add `add` repetitions every `every_weeks` weeks, up to `up_to`.
    AddReps { add: u32, every_weeks: u32, up_to: u32 },
    /// Add sets.
    AddSets { add: u32, every_weeks: u32, up_to: u32 },
    /// Hold longer.
    AddHoldSeconds { add: u32, every_weeks: u32, up_to: u32 },
    /// Add weight, e.g. 2.5 kg a week up to 20 kg.
    AddLoad { add_kg: f32, every_weeks: u32, up_to_kg: f32 },
    /// A dose for each stretch of weeks (heavy slow resistance: 3 x 15, 3 x 12, 4 x 10, 4 x 8, 4 x 6).
    ByWeek(Vec<WeekDose>),
    /// A rule that depends on how the patient responds ("add 5-10 % load when pain stays at or under 3/10"):
    /// printed as written, never turned into numbers we would have to invent.
    ByResponse(String),
}

impl Progression {
    /// A short name for the rule selector.
    #[must_use]
    pub fn label(&self) -> &'static str {
        match self {
            Self::Steady => "Same dose every week",
            Self::AddReps { .. } => "Add repetitions",
            Self::AddSets { .. } => "Add sets",
            Self::AddHoldSeconds { .. } => "Hold longer",
            Self::AddLoad { .. } => "Add load",
            Self::ByWeek(_) => "Dose by week (table)",
            Self::ByResponse(_) => "By the patient's response",
        }
    }
}

impl WeekDose {
    /// Heavy slow resistance as Beyer et al. ran it (`beyer2015`): 3 x 15 RM in week 1, 3 x 12 RM in weeks 2-3,
    /// 4 x 10 RM in weeks 4-5, 4 x 8 RM in weeks 6-8, 4 x 6 RM in weeks 9-12. One place for the table, so the
    /// shipped program, the words and the tests cannot drift apart.
    #[must_use]
    pub fn heavy_slow_resistance_table() -> Vec<Self> {
        [(1, 3, 15), (2, 3, 12), (4, 4, 10), (6, 4, 8), (9, 4, 6)]
            .into_iter()
            .map(|(from_week, sets, reps)| Self {
                from_week,
                sets,
                reps: Some(reps),
                hold_seconds: None,
                load: Some(Load::RepetitionMaximum(reps)),
            })
            .collect()
    }
}

/// From week `from_week` of the phase (1 = its first week) until the next row: this dose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekDose {
    pub from_week: u32,
    pub sets: u32,
    #[serde(default)]
    pub reps: Option<u32>,
    #[serde(default)]
    pub hold_seconds: Option<u32>,
    #[serde(default)]
    pub load: Option<Load>,
}
