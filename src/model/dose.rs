//! How much of an exercise: sets, repetitions or holds, load, side and how often, and the safe range a dose must
//! stay within.

use serde::{Deserialize, Serialize};

/// Which leg (or side) an exercise is done on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// One leg after the other: "each leg".
    EachSide,
    /// Both legs at once (a double-leg heel raise, a bridge), or no side at all (a warm bath).
    #[default]
    BothTogether,
    Left,
    Right,
    /// The painful or injured leg, whichever it is: the patient's side is in the program header.
    Affected,
}

impl Side {
    pub const ALL: [Self; 5] = [Self::EachSide, Self::BothTogether, Self::Left, Self::Right, Self::Affected];

    /// Words for the therapist's side selector.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::EachSide => "Each side",
            Self::BothTogether => "Both together",
            Self::Left => "Left",
            Self::Right => "Right",
            Self::Affected => "Affected side",
        }
    }
}

/// The resistance an exercise is done against.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Load {
    /// Nothing added: the body's own weight, or no load at all for a stretch.
    #[default]
    BodyWeight,
    /// Added weight in kilograms (a backpack, dumbbells, a machine).
    Kilograms(f32),
    /// An elastic band, by its colour as the clinic hands it out.
    Band(String),
    /// The heaviest weight that allows exactly this many repetitions (heavy slow resistance).
    RepetitionMaximum(u32),
}

/// One prescribed dose. Exactly one of `reps`, `hold_seconds` and `duration_seconds` usually applies;
/// validation says which the exercise's kind needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Dose {
    pub sets: u32,
    pub reps: Option<u32>,
    pub hold_seconds: Option<u32>,
    /// For things done for a time rather than counted: foam rolling, self-massage, walk-run sessions.
    pub duration_seconds: Option<u32>,
    pub rest_seconds: Option<u32>,
    pub load: Load,
    /// e.g. "3 s up, 3 s down".
    pub tempo: String,
    pub side: Side,
    pub times_per_day: u32,
    pub days_per_week: u32,
    /// Done when the patient needs it (heat, ice) rather than on a schedule: printed "when needed", with
    /// `times_per_day` as the most a day. Left out of the file when false, so older files read unchanged.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub when_needed: bool,
    /// Anything else the patient should know about this dose.
    pub note: String,
}

impl Default for Dose {
    fn default() -> Self {
        Self {
            sets: 3,
            reps: Some(10),
            hold_seconds: None,
            duration_seconds: None,
            rest_seconds: None,
            load: Load::BodyWeight,
            tempo: String::new(),
            side: Side::BothTogether,
            times_per_day: 1,
            days_per_week: 7,
            when_needed: false,
            note: String::new(),
        }
    }
}

/// An inclusive range of whole numbers or kilograms.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bounds<T> {
    pub min: T,
    pub max: T,
}

impl<T: PartialOrd + Copy> Bounds<T> {
    #[must_use]
    pub fn new(min: T, max: T) -> Self {
        Self { min, max }
    }

    #[must_use]
    pub fn contains(&self, value: T) -> bool {
        self.min <= value && value <= self.max
    }

    /// The value brought inside the range: used by progression rules, which stop at the cap.
    #[must_use]
    pub fn clamp(&self, value: T) -> T {
        if value < self.min {
            self.min
        } else if value > self.max {
            self.max
        } else {
            value
        }
    }
}

/// The range a dose of one exercise must stay within, with where that range comes from. A missing bound means
/// the sources set none (a stretch has no repetition range).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DoseRange {
    pub sets: Option<Bounds<u32>>,
    pub reps: Option<Bounds<u32>>,
    pub hold_seconds: Option<Bounds<u32>>,
    pub duration_seconds: Option<Bounds<u32>>,
    /// Added load in kilograms.
    pub load_kg: Option<Bounds<f32>>,
    pub times_per_day: Option<Bounds<u32>>,
    pub days_per_week: Option<Bounds<u32>>,
    /// Source keys (see `clinical-sources.md`) for this range.
    pub sources: Vec<String>,
}
