//! The domain as plain data: exercises, programs, phases, prescriptions and doses.
//!
//! Nothing here touches the disk or the screen: `files` reads and writes these types, `schedule` turns them into
//! weeks, `handout` prints them and `ui` edits them. Field names are the clinic's words, and they are also the
//! words a therapist sees when hand-editing a RON file, so keep them plain.

mod date;
mod dose;
mod emergency;
mod exercise;
mod handout_choice;
mod program;
mod safety;
mod validate;
mod words;

pub use date::{Date, DateError};
pub use dose::{Bounds, Dose, DoseRange, Load, Side};
pub use emergency::{
    EmergencyNumber, FALLBACK_EMERGENCY_NUMBER, check_emergency_number, emergency_number_for_locale,
    emergency_number_from_env,
};
pub use exercise::{BodyRegion, Exercise, ExerciseCopy, ExerciseKind, ExerciseLibraryFile};
pub use handout_choice::{HandoutChoice, HandoutLayout, HandoutScope};
pub use program::{MeasurableCriterion, Patient, Phase, PhaseLength, Prescription, Program, Progression, WeekDose};
pub use safety::{
    PainRule, PainRuleText, PainZone, RedFlag, SafetyText, SignsBox, Urgency, ZoneColour, pain_scores_in,
};
pub use validate::{
    FieldPath, MAX_PHASE_WEEKS, MAX_PROGRAM_WEEKS, PathStep, Problem, Severity, length_problems, validate_exercise,
    validate_library, validate_program,
};
pub use words::{
    amount_in_words, days_in_words, dose_in_words, frequency_in_words, load_in_words, progression_in_words,
    seconds_in_words, side_in_words, week_dose_in_words, when_needed_in_words,
};

/// The format version this build writes. Files carry it as `version: 1`; newer ones are opened read-only (see
/// `files`). Version 1 is the first, so nothing older is migrated yet.
pub const FORMAT_VERSION: u32 = 1;
