//! Checks a program or a library and reports every problem with where it is. Nothing is clamped or dropped:
//! the therapist decides what to change.

use std::fmt;

use super::safety::pain_scores_in;
use super::{
    Bounds, Dose, DoseRange, Exercise, ExerciseKind, Load, Phase, PhaseLength, Prescription, Program, Progression,
};

/// The longest phase Stepwise plans: two years. A longer one is a slip of the keyboard (`Weeks(1000)`), not a
/// plan, and planning it week by week would keep the window, the handout and `stepwise schedule` busy for hours.
pub const MAX_PHASE_WEEKS: u32 = 104;

/// The longest program Stepwise plans, all phases together: five years.
pub const MAX_PROGRAM_WEEKS: u32 = 260;

/// One step of the way from the top of a document to a field: `phases[1].prescriptions[2].dose.sets`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathStep {
    Field(&'static str),
    Index(usize),
}

/// Where in a document a problem is. `files` turns it into a line and column.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<PathStep>);

impl FieldPath {
    #[must_use]
    pub fn field(mut self, name: &'static str) -> Self {
        self.0.push(PathStep::Field(name));
        self
    }

    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(PathStep::Index(index));
        self
    }

    /// The last field name, if any: "sets".
    #[must_use]
    pub fn last_field(&self) -> Option<&'static str> {
        self.0.iter().rev().find_map(|step| match step {
            PathStep::Field(name) => Some(*name),
            PathStep::Index(_) => None,
        })
    }
}

impl fmt::Display for FieldPath {
    /// In the therapist's words: "phase 2, prescription 3, field `sets`" (counting from 1).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        let mut steps = self.0.iter().peekable();
        while let Some(step) = steps.next() {
            match step {
                PathStep::Field(name) => {
                    let singular = match *name {
                        "phases" => Some("phase"),
                        "prescriptions" => Some("prescription"),
                        "exercises" => Some("exercise"),
                        "goals" => Some("goal"),
                        _ => None,
                    };
                    match (singular, steps.peek()) {
                        (Some(word), Some(PathStep::Index(i))) => {
                            parts.push(format!("{word} {}", i + 1));
                            steps.next();
                        }
                        _ => parts.push(format!("field `{name}`")),
                    }
                }
                PathStep::Index(i) => parts.push(format!("item {}", i + 1)),
            }
        }
        f.write_str(&parts.join(", "))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The document cannot be trusted as it is (0 sets, a dose outside the safe range).
    Error,
    /// Worth a look, but printable (a phase with no exercises).
    Warning,
}

/// A problem found by validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub path: FieldPath,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct Report {
    problems: Vec<Problem>,
}

impl Report {
    fn error(&mut self, path: FieldPath, message: impl Into<String>) {
        self.problems.push(Problem { severity: Severity::Error, path, message: message.into() });
    }

    fn warning(&mut self, path: FieldPath, message: impl Into<String>) {
        self.problems.push(Problem { severity: Severity::Warning, path, message: message.into() });
    }
}

/// Every problem in a program. `is_known_exercise` says whether a library id exists; pass `|_| true` when no
/// library is at hand (the copies inside the program are enough to print it).
pub fn validate_program(program: &Program, is_known_exercise: &dyn Fn(&str) -> bool) -> Vec<Problem> {
    let mut report = Report { problems: Vec::new() };
    let root = FieldPath::default();
    if program.version == 0 {
        report.error(root.clone().field("version"), "the format version must be 1 or more");
    }
    if program.phases.is_empty() {
        report.warning(root.clone().field("phases"), "the program has no phases, so the handout has no exercises");
    }
    report.problems.extend(length_problems(program));
    let mut seen_ids = std::collections::HashSet::new();
    for (phase_index, phase) in program.phases.iter().enumerate() {
        let path = root.clone().field("phases").index(phase_index);
        if !seen_ids.insert(phase.id) {
            report.error(path.clone().field("id"), format!("id {} is used twice in this program", phase.id));
        }
        validate_phase(&mut report, &path, phase);
        for (index, prescription) in phase.prescriptions.iter().enumerate() {
            let path = path.clone().field("prescriptions").index(index);
            if !seen_ids.insert(prescription.id) {
                report.error(path.clone().field("id"), format!("id {} is used twice in this program", prescription.id));
            }
            let library_id = &prescription.exercise.library_id;
            if !library_id.is_empty() && !is_known_exercise(library_id) {
                report.warning(
                    path.clone().field("exercise").field("library_id"),
                    format!(
                        "unknown exercise id `{library_id}`: not in any library (the copy in this program still prints)"
                    ),
                );
            }
            validate_prescription(&mut report, &path, prescription);
        }
    }
    validate_pain_limits(&mut report, program);
    report.problems
}

/// Phases longer than [`MAX_PHASE_WEEKS`] and a program longer than [`MAX_PROGRAM_WEEKS`]: what no plan can be
/// made of. Part of [`validate_program`]; `stepwise schedule` refuses a program that has any.
#[must_use]
pub fn length_problems(program: &Program) -> Vec<Problem> {
    let mut report = Report { problems: Vec::new() };
    // Counted in u64: a file may hold several phases of u32::MAX weeks.
    let mut total = 0_u64;
    let mut said_total = false;
    for (phase_index, phase) in program.phases.iter().enumerate() {
        let path = FieldPath::default().field("phases").index(phase_index).field("length");
        let weeks = match phase.length {
            PhaseLength::Weeks(weeks) => weeks,
            PhaseLength::UntilCriteriaMet => 1,
        };
        // A phase too long is reported once, as itself; the total counts it at its limit.
        total += u64::from(weeks.min(MAX_PHASE_WEEKS));
        if weeks > MAX_PHASE_WEEKS {
            report.error(
                path,
                format!("{weeks} weeks is longer than a phase can be (at most {MAX_PHASE_WEEKS} weeks, two years)"),
            );
        } else if total > u64::from(MAX_PROGRAM_WEEKS) && !said_total {
            said_total = true;
            report.error(
                path,
                format!(
                    "the program reaches {total} weeks in this phase: a program can be at most {MAX_PROGRAM_WEEKS} \
                     weeks (five years)"
                ),
            );
        }
    }
    report.problems
}

fn validate_phase(report: &mut Report, path: &FieldPath, phase: &Phase) {
    if phase.name.trim().is_empty() {
        report.warning(path.clone().field("name"), "the phase has no name");
    }
    if phase.length == PhaseLength::Weeks(0) {
        report.error(path.clone().field("length"), "a phase must last at least 1 week");
    }
    if phase.length == PhaseLength::UntilCriteriaMet
        && phase.criteria.trim().is_empty()
        && phase.measurable_criteria.is_empty()
    {
        report.error(path.clone().field("criteria"), "an open-ended phase needs criteria to move on");
    }
    for (index, criterion) in phase.measurable_criteria.iter().enumerate() {
        if !criterion.target.is_finite() || criterion.target < 0.0 {
            report.error(
                path.clone().field("measurable_criteria").index(index).field("target"),
                format!("the target {} is not a number of {}", criterion.target, criterion.unit),
            );
        }
    }
}

fn validate_prescription(report: &mut Report, path: &FieldPath, prescription: &Prescription) {
    let exercise = &prescription.exercise;
    if exercise.name.trim().is_empty() {
        report.error(path.clone().field("exercise").field("name"), "the exercise has no name");
    }
    validate_dose(report, &path.clone().field("dose"), &prescription.dose, exercise.kind, &exercise.safe_range);
    validate_progression(report, &path.clone().field("progression"), &prescription.progression, &exercise.safe_range);
}

fn range_text(bounds: Bounds<u32>, range: &DoseRange) -> String {
    let sources = if range.sources.is_empty() { String::new() } else { format!(" ({})", range.sources.join(", ")) };
    format!("{}-{}{sources}", bounds.min, bounds.max)
}

fn check_count(
    report: &mut Report,
    path: FieldPath,
    what: &str,
    value: u32,
    bounds: Option<Bounds<u32>>,
    range: &DoseRange,
) {
    if let Some(bounds) = bounds
        && !bounds.contains(value)
    {
        report.error(path, format!("{value} {what} is outside the safe range {}", range_text(bounds, range)));
    }
}

/// Checks one dose against its exercise's kind and safe range.
fn validate_dose(report: &mut Report, path: &FieldPath, dose: &Dose, kind: ExerciseKind, range: &DoseRange) {
    if dose.sets == 0 {
        report.error(path.clone().field("sets"), "0 sets: the exercise would never be done");
    } else {
        check_count(report, path.clone().field("sets"), "sets", dose.sets, range.sets, range);
    }
    if kind.needs_count_or_time()
        && dose.reps.is_none()
        && dose.hold_seconds.is_none()
        && dose.duration_seconds.is_none()
    {
        let needs = match kind {
            ExerciseKind::Stretch | ExerciseKind::Balance => "how long to hold (hold_seconds)",
            ExerciseKind::SoftTissue | ExerciseKind::ReturnToRun => "how long (duration_seconds) or repetitions",
            _ => "repetitions (reps) or how long to hold (hold_seconds)",
        };
        report.error(path.clone().field("reps"), format!("a {} exercise needs {needs}", kind.label().to_lowercase()));
    }
    for (field, value, bounds, what) in [
        ("reps", dose.reps, range.reps, "repetitions"),
        ("hold_seconds", dose.hold_seconds, range.hold_seconds, "seconds' hold"),
        ("duration_seconds", dose.duration_seconds, range.duration_seconds, "seconds"),
    ] {
        match value {
            Some(0) => {
                report.error(path.clone().field(field), format!("0 {what}: leave it empty if it does not apply"));
            }
            Some(value) => check_count(report, path.clone().field(field), what, value, bounds, range),
            None => {}
        }
    }
    match &dose.load {
        Load::Kilograms(kg) if !kg.is_finite() || *kg < 0.0 => {
            report.error(
                path.clone().field("load"),
                format!("a load of {kg} kg is not possible: added weight is 0 kg or more"),
            );
        }
        Load::Kilograms(kg) => {
            if let Some(bounds) = range.load_kg
                && !bounds.contains(*kg)
            {
                report.error(
                    path.clone().field("load"),
                    format!("{kg} kg is outside the safe range {}-{} kg", bounds.min, bounds.max),
                );
            }
        }
        Load::Band(colour) if colour.trim().is_empty() => {
            report.error(path.clone().field("load"), "the band has no colour");
        }
        Load::RepetitionMaximum(0) => report.error(path.clone().field("load"), "a 0-repetition maximum is not a load"),
        _ => {}
    }
    if dose.times_per_day == 0 {
        report.error(path.clone().field("times_per_day"), "0 times a day: the exercise would never be done");
    } else {
        check_count(
            report,
            path.clone().field("times_per_day"),
            "times a day",
            dose.times_per_day,
            range.times_per_day,
            range,
        );
    }
    if dose.days_per_week == 0 || dose.days_per_week > 7 {
        report.error(path.clone().field("days_per_week"), format!("{} days a week: choose 1 to 7", dose.days_per_week));
    } else {
        check_count(
            report,
            path.clone().field("days_per_week"),
            "days a week",
            dose.days_per_week,
            range.days_per_week,
            range,
        );
    }
}

fn validate_progression(report: &mut Report, path: &FieldPath, progression: &Progression, range: &DoseRange) {
    let every = |report: &mut Report, every_weeks: u32| {
        if every_weeks == 0 {
            report.error(path.clone().field("every_weeks"), "a rule must wait at least 1 week between steps");
        }
    };
    match progression {
        Progression::Steady => {}
        Progression::AddReps { every_weeks, up_to, .. } => {
            every(report, *every_weeks);
            cap_warning(report, path, "repetitions", *up_to, range.reps);
        }
        Progression::AddSets { every_weeks, up_to, .. } => {
            every(report, *every_weeks);
            cap_warning(report, path, "sets", *up_to, range.sets);
        }
        Progression::AddHoldSeconds { every_weeks, up_to, .. } => {
            every(report, *every_weeks);
            cap_warning(report, path, "seconds' hold", *up_to, range.hold_seconds);
        }
        Progression::AddLoad { add_kg, every_weeks, up_to_kg } => {
            every(report, *every_weeks);
            if !add_kg.is_finite() || *add_kg < 0.0 || !up_to_kg.is_finite() || *up_to_kg < 0.0 {
                report.error(path.clone(), "load steps and the cap must be 0 kg or more");
            } else if let Some(bounds) = range.load_kg
                && *up_to_kg > bounds.max
            {
                report.warning(
                    path.clone().field("up_to_kg"),
                    format!(
                        "the rule aims for {up_to_kg} kg but the safe range stops at {} kg: it will stop there",
                        bounds.max
                    ),
                );
            }
        }
        Progression::ByWeek(rows) => {
            if rows.is_empty() {
                report.error(path.clone(), "the dose table has no rows");
            }
            if rows.len() > MAX_PHASE_WEEKS as usize {
                report.error(
                    path.clone(),
                    format!("the dose table has {} rows: at most one a week, {MAX_PHASE_WEEKS} in all", rows.len()),
                );
            }
            let mut previous = 0;
            for (index, row) in rows.iter().enumerate() {
                let row_path = path.clone().index(index);
                if row.from_week <= previous {
                    report.error(
                        row_path.clone().field("from_week"),
                        "rows must start in later and later weeks, from week 1",
                    );
                }
                previous = row.from_week;
                if row.from_week > MAX_PHASE_WEEKS {
                    report.error(
                        row_path.clone().field("from_week"),
                        format!(
                            "week {} is past the end of any phase (a phase is at most {MAX_PHASE_WEEKS} weeks)",
                            row.from_week
                        ),
                    );
                }
                if row.sets == 0 {
                    report.error(row_path.clone().field("sets"), "0 sets: the exercise would never be done");
                }
                check_count(report, row_path.clone().field("sets"), "sets", row.sets, range.sets, range);
                if let Some(reps) = row.reps {
                    check_count(report, row_path.clone().field("reps"), "repetitions", reps, range.reps, range);
                }
                if let Some(hold) = row.hold_seconds {
                    check_count(
                        report,
                        row_path.clone().field("hold_seconds"),
                        "seconds' hold",
                        hold,
                        range.hold_seconds,
                        range,
                    );
                }
                if let Some(Load::Kilograms(kg)) = row.load
                    && (!kg.is_finite() || kg < 0.0)
                {
                    report.error(row_path.field("load"), format!("a load of {kg} kg is not possible"));
                }
            }
            if rows.first().is_some_and(|row| row.from_week != 1) {
                report.error(path.clone().index(0).field("from_week"), "the first row must start in week 1");
            }
        }
        Progression::ByResponse(rule) => {
            if rule.trim().is_empty() {
                report.error(path.clone(), "write the rule the patient follows");
            }
        }
    }
}

fn cap_warning(report: &mut Report, path: &FieldPath, what: &str, up_to: u32, bounds: Option<Bounds<u32>>) {
    if let Some(bounds) = bounds
        && up_to > bounds.max
    {
        report.warning(
            path.clone().field("up_to"),
            format!("the rule aims for {up_to} {what} but the safe range stops at {}: it will stop there", bounds.max),
        );
    }
}

/// Problems in one library exercise taken alone: empty text a patient needs, a default dose outside its range.
#[must_use]
pub fn validate_exercise(exercise: &Exercise, path: &FieldPath) -> Vec<Problem> {
    let mut report = Report { problems: Vec::new() };
    let id_ok = !exercise.id.is_empty()
        && exercise.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        report.error(
            path.clone().field("id"),
            format!("id `{}` must be lower-case letters, digits and hyphens", exercise.id),
        );
    }
    for (field, list) in [
        ("steps", &exercise.steps),
        ("cues", &exercise.cues),
        ("common_mistakes", &exercise.common_mistakes),
        ("cautions", &exercise.cautions),
        ("references", &exercise.references),
    ] {
        if list.is_empty() {
            report.error(path.clone().field(field), format!("`{field}` is empty"));
        }
        for (index, text) in list.iter().enumerate() {
            if text.trim().is_empty() {
                report.error(path.clone().field(field).index(index), "empty line");
            }
        }
    }
    if exercise.name.trim().is_empty() {
        report.error(path.clone().field("name"), "the exercise has no name");
    }
    if exercise.goal.trim().is_empty() {
        report.error(path.clone().field("goal"), "the exercise has no goal");
    }
    if exercise.illustration.trim().is_empty() {
        report.error(path.clone().field("illustration"), "no illustration id");
    }
    if exercise.safe_range.sources.is_empty() {
        report.error(path.clone().field("safe_range").field("sources"), "the safe range needs a source key");
    }
    validate_dose(
        &mut report,
        &path.clone().field("default_dose"),
        &exercise.default_dose,
        exercise.kind,
        &exercise.safe_range,
    );
    report.problems
}

/// Every problem in a library: each exercise alone, and progressions that lead nowhere. (Ids used twice are
/// found when libraries are merged, where the file and line of both are known.)
/// `is_known_elsewhere` resolves ids from other libraries (a clinic entry may progress to a built-in one).
pub fn validate_library(exercises: &[Exercise], is_known_elsewhere: &dyn Fn(&str) -> bool) -> Vec<Problem> {
    let mut problems = Vec::new();
    let ids: std::collections::HashMap<&str, usize> =
        exercises.iter().enumerate().map(|(index, exercise)| (exercise.id.as_str(), index)).collect();
    for (index, exercise) in exercises.iter().enumerate() {
        let path = FieldPath::default().field("exercises").index(index);
        problems.extend(validate_exercise(exercise, &path));
        for (field, list) in [("progressions", &exercise.progressions), ("regressions", &exercise.regressions)] {
            for (item, id) in list.iter().enumerate() {
                if !ids.contains_key(id.as_str()) && !is_known_elsewhere(id) {
                    problems.push(Problem {
                        severity: Severity::Error,
                        path: path.clone().field(field).index(item),
                        message: format!("unknown exercise id `{id}`"),
                    });
                }
            }
        }
    }
    problems
}

/// Pain limits a program's text states that its pain rule does not allow ("pain up to 5 out of 10" in a program
/// whose rule is the acute-injury one): the handout would tell the patient two different things. Only text the
/// patient reads is checked. A score of 0 ("no pain, 0 out of 10") agrees with every rule.
fn validate_pain_limits(report: &mut Report, program: &Program) {
    let rule = program.pain_rule.text();
    let root = FieldPath::default();
    let mut check = |path: FieldPath, text: &str| {
        let stated: Vec<u8> = pain_scores_in(text)
            .into_iter()
            .filter(|&score| score > 0 && rule.highest_score.is_none_or(|limit| score > limit))
            .collect();
        let Some(&score) = stated.iter().max() else { return };
        let message = match rule.highest_score {
            Some(limit) => format!(
                "says {score} out of 10, but the program's pain rule (“{}”) allows {limit} out of 10 at most: change \
                 the text or the rule",
                rule.label
            ),
            None => format!(
                "says {score} out of 10, but the program's pain rule (“{}”) uses no pain scores: say it in the \
                 rule's words, or choose another rule",
                rule.label
            ),
        };
        report.warning(path, message);
    };
    check(root.clone().field("notes"), &program.notes);
    for (index, goal) in program.goals.iter().enumerate() {
        check(root.clone().field("goals").index(index), goal);
    }
    for (phase_index, phase) in program.phases.iter().enumerate() {
        let path = root.clone().field("phases").index(phase_index);
        check(path.clone().field("goal"), &phase.goal);
        check(path.clone().field("criteria"), &phase.criteria);
        for (index, criterion) in phase.measurable_criteria.iter().enumerate() {
            check(path.clone().field("measurable_criteria").index(index), &criterion.to_text());
        }
        for (index, prescription) in phase.prescriptions.iter().enumerate() {
            let path = path.clone().field("prescriptions").index(index);
            let exercise = &prescription.exercise;
            let copy = path.clone().field("exercise");
            check(copy.clone().field("goal"), &exercise.goal);
            for (field, list) in [
                ("steps", &exercise.steps),
                ("cues", &exercise.cues),
                ("common_mistakes", &exercise.common_mistakes),
                ("cautions", &exercise.cautions),
            ] {
                for (item, text) in list.iter().enumerate() {
                    check(copy.clone().field(field).index(item), text);
                }
            }
            check(path.clone().field("dose").field("note"), &prescription.dose.note);
            if let Progression::ByResponse(rule_text) = &prescription.progression {
                check(path.clone().field("progression"), rule_text);
            }
        }
    }
}
