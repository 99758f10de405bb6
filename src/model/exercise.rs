//! An exercise as the library describes it, and the copy of it a program keeps.

use serde::{Deserialize, Serialize};

use super::{Dose, DoseRange};

/// Where on the body an exercise works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum BodyRegion {
    Calf,
    Achilles,
    Ankle,
    Foot,
    Knee,
    Hip,
    /// The nerve pathway from the low back to the foot (neural mobility).
    NervePathway,
    /// Whole leg or whole body: advice, return to running.
    WholeLeg,
}

impl BodyRegion {
    pub const ALL: [Self; 8] = [
        Self::Calf,
        Self::Achilles,
        Self::Ankle,
        Self::Foot,
        Self::Knee,
        Self::Hip,
        Self::NervePathway,
        Self::WholeLeg,
    ];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Calf => "Calf",
            Self::Achilles => "Achilles tendon",
            Self::Ankle => "Ankle",
            Self::Foot => "Foot",
            Self::Knee => "Knee",
            Self::Hip => "Hip",
            Self::NervePathway => "Nerve pathway",
            Self::WholeLeg => "Whole leg",
        }
    }
}

/// What sort of exercise it is; decides which parts of a dose it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ExerciseKind {
    Strength,
    Stretch,
    Mobility,
    /// Self-massage, foam rolling, pressure on tender points.
    SoftTissue,
    NeuralMobility,
    Balance,
    /// Walk-run intervals, skipping, hopping.
    ReturnToRun,
    /// Advice rather than an exercise: a warm bath, heat and ice, compression, gait cues.
    Advice,
}

impl ExerciseKind {
    pub const ALL: [Self; 8] = [
        Self::Strength,
        Self::Stretch,
        Self::Mobility,
        Self::SoftTissue,
        Self::NeuralMobility,
        Self::Balance,
        Self::ReturnToRun,
        Self::Advice,
    ];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Strength => "Strength",
            Self::Stretch => "Stretch",
            Self::Mobility => "Mobility",
            Self::SoftTissue => "Soft tissue / self-massage",
            Self::NeuralMobility => "Neural mobility",
            Self::Balance => "Balance",
            Self::ReturnToRun => "Return to running",
            Self::Advice => "Advice",
        }
    }

    /// Whether a dose of this kind must say how many repetitions, how long to hold, or how long to do it.
    #[must_use]
    pub fn needs_count_or_time(self) -> bool {
        !matches!(self, Self::Advice)
    }
}

/// One exercise in a library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Stable, lower-case, hyphenated: `eccentric-heel-drop-straight-knee`. Programs and progressions refer to it.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub other_names: Vec<String>,
    pub region: BodyRegion,
    pub kind: ExerciseKind,
    #[serde(default)]
    pub equipment: Vec<String>,
    /// What the exercise is for, in a patient's words.
    pub goal: String,
    /// What to do, step by step, so a patient can do it alone at home.
    pub steps: Vec<String>,
    /// The steps in one to four short lines (at most 90 characters each), for the compact handout.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub short_steps: Vec<String>,
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub common_mistakes: Vec<String>,
    /// Cautions and contraindications: when not to do it, or when to stop.
    #[serde(default)]
    pub cautions: Vec<String>,
    pub default_dose: Dose,
    pub safe_range: DoseRange,
    /// Ids of harder exercises to move on to.
    #[serde(default)]
    pub progressions: Vec<String>,
    /// Ids of easier exercises to step back to.
    #[serde(default)]
    pub regressions: Vec<String>,
    /// Source keys from `clinical-sources.md`.
    pub references: Vec<String>,
    /// File stem of the drawing in `assets/illustrations/` (usually the id).
    pub illustration: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// For the therapist only, never printed: how sure the sources are about the dose, what was common practice
    /// rather than trial data. Patient-facing words go in the dose `note`.
    #[serde(default)]
    pub therapist_note: String,
}

impl Exercise {
    /// The self-contained copy a prescription keeps, so a handout never changes because a library did.
    #[must_use]
    pub fn to_copy(&self) -> ExerciseCopy {
        ExerciseCopy {
            library_id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind,
            region: self.region,
            goal: self.goal.clone(),
            steps: self.steps.clone(),
            short_steps: self.short_steps.clone(),
            cues: self.cues.clone(),
            common_mistakes: self.common_mistakes.clone(),
            cautions: self.cautions.clone(),
            safe_range: self.safe_range.clone(),
            illustration: self.illustration.clone(),
            references: self.references.clone(),
        }
    }
}

/// The part of an exercise a program keeps with each prescription: what the handout prints and what validation
/// checks the dose against.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseCopy {
    /// The library entry this copy was made from; empty for an exercise written only into this program.
    pub library_id: String,
    pub name: String,
    pub kind: ExerciseKind,
    pub region: BodyRegion,
    #[serde(default)]
    pub goal: String,
    pub steps: Vec<String>,
    /// The steps in one to four short lines, for the compact handout; empty: the first steps, shortened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub short_steps: Vec<String>,
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub common_mistakes: Vec<String>,
    #[serde(default)]
    pub cautions: Vec<String>,
    #[serde(default)]
    pub safe_range: DoseRange,
    pub illustration: String,
    #[serde(default)]
    pub references: Vec<String>,
}

impl ExerciseCopy {
    /// Whether the library entry has changed since this copy was taken ("update from library" is offered).
    #[must_use]
    pub fn differs_from(&self, exercise: &Exercise) -> bool {
        *self != exercise.to_copy()
    }
}

/// A library file on disk: `ExerciseLibrary(version: 1, exercises: [ ... ])`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "ExerciseLibrary", deny_unknown_fields)]
pub struct ExerciseLibraryFile {
    pub version: u32,
    pub exercises: Vec<Exercise>,
}
