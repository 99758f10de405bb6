//! Doses and progression rules in plain patient words, for the handout, the app and `stepwise schedule`.
//!
//! Written for older readers: whole words for the common cases ("twice a day", "every day"), numbers as digits,
//! no abbreviations a patient has to decode (except "kg", and "RM" which is always explained). One place for these
//! words, so the screen, the printed handout and the command line never describe the same dose differently.

use super::{Dose, ExerciseKind, Load, Progression, Side, WeekDose};

/// The whole dose in one line: "3 sets of 15, on the affected leg (right), twice a day, every day".
///
/// `affected` is the patient's painful side from the program header (`Patient::side`): when it is `Left` or
/// `Right`, `Side::Affected` is printed with it, so the patient cannot pick the wrong leg. The dose's free-text
/// `note` is not included: callers print it on its own line, where a long note stays readable.
#[must_use]
pub fn dose_in_words(dose: &Dose, kind: ExerciseKind, affected: Side) -> String {
    let mut parts = Vec::new();
    let amount = amount_in_words(dose, kind);
    // Advice with nothing to count ("wear the sleeve") is not done "once a day": it is simply "every day".
    let frequency = if dose.when_needed {
        when_needed_in_words(dose.times_per_day)
    } else if amount.is_none() && dose.times_per_day <= 1 {
        days_in_words(dose.days_per_week)
    } else {
        frequency_in_words(dose.times_per_day, dose.days_per_week)
    };
    if let Some(amount) = amount {
        let amount = match load_in_words(&dose.load) {
            Some(load) => format!("{amount} {load}"),
            None => amount,
        };
        parts.push(amount);
    } else if let Some(load) = load_in_words(&dose.load) {
        parts.push(load);
    }
    let tempo = dose.tempo.trim();
    if !tempo.is_empty() {
        parts.push(tempo.to_owned());
    }
    // "1 minute per leg" reads as one thing; "1 minute, per leg" makes the patient wonder what the comma means.
    let per_leg =
        dose.sets <= 1 && dose.duration_seconds.is_some() && dose.reps.is_none() && dose.hold_seconds.is_none();
    match (side_in_words(dose.side, affected, per_leg), parts.first_mut()) {
        (Some(side), Some(amount)) if per_leg => {
            amount.push(' ');
            amount.push_str(&side);
        }
        (Some(side), _) => parts.push(side),
        (None, _) => {}
    }
    if let Some(rest) = dose.rest_seconds.filter(|&s| s > 0)
        && dose.sets > 1
    {
        parts.push(format!("rest {} between sets", seconds_in_words(rest)));
    }
    parts.push(frequency);
    let mut text = parts.join(", ");
    capitalise_first(&mut text);
    text
}

/// How much, without load, side or frequency: "3 sets of 15", "Hold 30 seconds, 3 times", "1 minute".
/// `None` for advice with nothing to count ("wear the sleeve during the day" lives in the note).
#[must_use]
pub fn amount_in_words(dose: &Dose, kind: ExerciseKind) -> Option<String> {
    let sets = dose.sets.max(1);
    let times = times_in_words(sets);
    match (dose.reps, dose.hold_seconds, dose.duration_seconds) {
        // One set of holds reads as holds ("Hold 30 seconds, 3 times"), as a stretch is taught; several sets of
        // held repetitions (a toe-flexor press) read as sets.
        (Some(reps), Some(hold), _) if sets == 1 => Some(match reps {
            0 | 1 => format!("hold {}", seconds_in_words(hold)),
            _ => format!("hold {}, {}", seconds_in_words(hold), times_in_words(reps)),
        }),
        (Some(reps), Some(hold), _) => {
            Some(format!("{} of {reps}, holding each for {}", sets_in_words(sets), seconds_in_words(hold)))
        }
        (Some(reps), None, duration) => {
            let base = if sets == 1 { times_in_words(reps) } else { format!("{} of {reps}", sets_in_words(sets)) };
            Some(match duration {
                Some(seconds) => format!("{base}, for {}", seconds_in_words(seconds)),
                None => base,
            })
        }
        (None, Some(hold), _) => {
            if sets == 1 {
                Some(format!("hold {}", seconds_in_words(hold)))
            } else {
                Some(format!("hold {}, {times}", seconds_in_words(hold)))
            }
        }
        (None, None, Some(seconds)) => {
            if sets == 1 {
                Some(seconds_in_words(seconds))
            } else {
                Some(format!("{}, {times}", seconds_in_words(seconds)))
            }
        }
        (None, None, None) if kind.needs_count_or_time() && sets > 1 => Some(sets_in_words(sets)),
        (None, None, None) => None,
    }
}

/// "with 5 kg added", "with a yellow band", "with the heaviest weight you can lift 15 times (15 RM)";
/// `None` for body weight (nothing to add).
#[must_use]
pub fn load_in_words(load: &Load) -> Option<String> {
    match load {
        Load::BodyWeight => None,
        Load::Kilograms(kg) if !kg.is_finite() || *kg <= 0.0 => None,
        Load::Kilograms(kg) => Some(format!("with {} kg added", kilograms(*kg))),
        Load::Band(colour) => {
            let colour = colour.trim();
            if colour.is_empty() {
                return Some("with an exercise band".to_owned());
            }
            let band = if colour.to_lowercase().ends_with("band") { String::new() } else { " band".to_owned() };
            Some(format!("with {} {colour}{band}", article(colour)))
        }
        Load::RepetitionMaximum(reps) => {
            Some(format!("with the heaviest weight you can lift {reps} times ({reps} RM)"))
        }
    }
}

/// "each leg", "on your left leg", "on the affected leg (right)"; `None` for both legs together, where the
/// exercise's name already says it. `per_leg` words a timed dose as "per leg" ("1 minute per leg").
#[must_use]
pub fn side_in_words(side: Side, affected: Side, per_leg: bool) -> Option<String> {
    match side {
        Side::BothTogether => None,
        Side::EachSide if per_leg => Some("per leg".to_owned()),
        Side::EachSide => Some("each leg".to_owned()),
        Side::Left => Some("on your left leg".to_owned()),
        Side::Right => Some("on your right leg".to_owned()),
        Side::Affected => Some(match affected {
            Side::Left => "on the affected leg (left)".to_owned(),
            Side::Right => "on the affected leg (right)".to_owned(),
            _ => "on the affected leg".to_owned(),
        }),
    }
}

/// "once a day, every day", "twice a day, 3 days a week", "once a day, once a week".
#[must_use]
pub fn frequency_in_words(times_per_day: u32, days_per_week: u32) -> String {
    let per_day = match times_per_day {
        0 | 1 => "once a day".to_owned(),
        2 => "twice a day".to_owned(),
        n => format!("{n} times a day"),
    };
    format!("{per_day}, {}", days_in_words(days_per_week))
}

/// "when needed", "when needed, up to 3 times a day": heat, ice and the like, used as the patient needs them.
#[must_use]
pub fn when_needed_in_words(times_per_day: u32) -> String {
    match times_per_day {
        0 | 1 => "when needed".to_owned(),
        n => format!("when needed, up to {} a day", times_in_words(n)),
    }
}

/// "every day", "once a week", "3 days a week".
#[must_use]
pub fn days_in_words(days_per_week: u32) -> String {
    match days_per_week {
        0 | 7.. => "every day".to_owned(),
        1 => "once a week".to_owned(),
        n => format!("{n} days a week"),
    }
}

/// "30 seconds", "1 minute", "1 minute 30 seconds", "20 minutes", "1 hour".
#[must_use]
pub fn seconds_in_words(seconds: u32) -> String {
    let plural = |n: u32, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    if seconds < 60 {
        return plural(seconds, "second", "seconds");
    }
    if seconds.is_multiple_of(3600) {
        return plural(seconds / 3600, "hour", "hours");
    }
    let minutes = plural(seconds / 60, "minute", "minutes");
    match seconds % 60 {
        0 => minutes,
        rest => format!("{minutes} {}", plural(rest, "second", "seconds")),
    }
}

/// The rule in one sentence: "Add 2 repetitions each week, up to 20". Weeks count from the phase's first week.
#[must_use]
pub fn progression_in_words(progression: &Progression) -> String {
    match progression {
        Progression::Steady => "Keep the same dose every week".to_owned(),
        Progression::AddReps { add, every_weeks, up_to } => {
            let what = if *add == 1 { "1 repetition".to_owned() } else { format!("{add} repetitions") };
            format!("Add {what} {}, up to {up_to}", every_weeks_in_words(*every_weeks))
        }
        Progression::AddSets { add, every_weeks, up_to } => {
            format!(
                "Add {} {}, up to {}",
                sets_in_words(*add),
                every_weeks_in_words(*every_weeks),
                sets_in_words(*up_to)
            )
        }
        Progression::AddHoldSeconds { add, every_weeks, up_to } => format!(
            "Hold {} longer {}, up to {}",
            seconds_in_words(*add),
            every_weeks_in_words(*every_weeks),
            seconds_in_words(*up_to)
        ),
        Progression::AddLoad { add_kg, every_weeks, up_to_kg } => format!(
            "Add {} kg {}, up to {} kg",
            kilograms(*add_kg),
            every_weeks_in_words(*every_weeks),
            kilograms(*up_to_kg)
        ),
        Progression::ByWeek(rows) => {
            let mut parts = Vec::new();
            for (index, row) in rows.iter().enumerate() {
                let weeks = match rows.get(index + 1) {
                    Some(next) if next.from_week.saturating_sub(1) > row.from_week => {
                        format!("weeks {}-{}", row.from_week, next.from_week - 1)
                    }
                    Some(_) => format!("week {}", row.from_week),
                    None if index == 0 => "every week".to_owned(),
                    None => format!("from week {}", row.from_week),
                };
                parts.push(format!("{weeks}: {}", week_dose_in_words(row)));
            }
            let mut text = parts.join("; ");
            capitalise_first(&mut text);
            text
        }
        Progression::ByResponse(rule) => rule.trim().to_owned(),
    }
}

/// One row of a dose table, short enough for a table cell: "3 sets of 15 (15 RM)", "4 sets of 6 with 10 kg added".
#[must_use]
pub fn week_dose_in_words(row: &WeekDose) -> String {
    let dose = Dose {
        sets: row.sets,
        reps: row.reps,
        hold_seconds: row.hold_seconds,
        duration_seconds: None,
        ..Dose::default()
    };
    let amount = amount_in_words(&dose, ExerciseKind::Strength).unwrap_or_else(|| sets_in_words(row.sets));
    match &row.load {
        // The table repeats the RM in every row: the short form keeps the cell readable, and the full dose above
        // the table explains what RM means.
        Some(Load::RepetitionMaximum(reps)) => format!("{amount} ({reps} RM)"),
        Some(load) => match load_in_words(load) {
            Some(words) => format!("{amount} {words}"),
            None => amount,
        },
        None => amount,
    }
}

fn sets_in_words(sets: u32) -> String {
    if sets == 1 { "1 set".to_owned() } else { format!("{sets} sets") }
}

fn times_in_words(times: u32) -> String {
    match times {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    }
}

fn every_weeks_in_words(every_weeks: u32) -> String {
    match every_weeks {
        0 | 1 => "each week".to_owned(),
        n => format!("every {n} weeks"),
    }
}

/// 5 -> "5", 2.5 -> "2.5", 1.25 -> "1.25": as a patient reads it off a dumbbell, no trailing zeros.
fn kilograms(kg: f32) -> String {
    let text = format!("{kg:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn article(word: &str) -> &'static str {
    if word.starts_with(|c: char| "aeiouAEIOU".contains(c)) { "an" } else { "a" }
}

fn capitalise_first(text: &mut String) {
    if let Some(first) = text.chars().next()
        && first.is_lowercase()
    {
        let upper: String = first.to_uppercase().collect();
        text.replace_range(..first.len_utf8(), &upper);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dose(sets: u32, reps: Option<u32>, hold: Option<u32>) -> Dose {
        Dose { sets, reps, hold_seconds: hold, ..Dose::default() }
    }

    #[test]
    fn sets_and_repetitions_with_frequency() {
        let d = Dose { times_per_day: 2, ..dose(3, Some(15), None) };
        assert_eq!(dose_in_words(&d, ExerciseKind::Strength, Side::Right), "3 sets of 15, twice a day, every day");
        let d = Dose { sets: 1, days_per_week: 3, ..dose(1, Some(10), None) };
        assert_eq!(dose_in_words(&d, ExerciseKind::Strength, Side::Right), "10 times, once a day, 3 days a week");
    }

    #[test]
    fn holds_with_side_and_days() {
        let d = Dose { side: Side::EachSide, days_per_week: 5, ..dose(3, None, Some(30)) };
        assert_eq!(
            dose_in_words(&d, ExerciseKind::Stretch, Side::Left),
            "Hold 30 seconds, 3 times, each leg, once a day, 5 days a week"
        );
        // The library writes a stretch as 1 set of 3 repetitions held 30 seconds: the same words.
        let d = Dose { side: Side::EachSide, days_per_week: 5, ..dose(1, Some(3), Some(30)) };
        assert_eq!(
            dose_in_words(&d, ExerciseKind::Stretch, Side::Left),
            "Hold 30 seconds, 3 times, each leg, once a day, 5 days a week"
        );
        let d = Dose { side: Side::Affected, times_per_day: 3, ..dose(1, Some(10), Some(10)) };
        assert_eq!(
            dose_in_words(&d, ExerciseKind::Stretch, Side::Right),
            "Hold 10 seconds, 10 times, on the affected leg (right), 3 times a day, every day"
        );
        let d = Dose { side: Side::Affected, ..dose(1, Some(1), None) };
        assert_eq!(
            dose_in_words(&d, ExerciseKind::Mobility, Side::Right),
            "Once, on the affected leg (right), once a day, every day"
        );
        let d = Dose { side: Side::EachSide, ..dose(3, Some(10), Some(5)) };
        assert_eq!(
            dose_in_words(&d, ExerciseKind::Strength, Side::Left),
            "3 sets of 10, holding each for 5 seconds, each leg, once a day, every day"
        );
    }

    #[test]
    fn timed_doses_per_leg() {
        let d = Dose { sets: 1, reps: None, duration_seconds: Some(60), side: Side::EachSide, ..Dose::default() };
        assert_eq!(dose_in_words(&d, ExerciseKind::SoftTissue, Side::Left), "1 minute per leg, once a day, every day");
        assert_eq!(seconds_in_words(90), "1 minute 30 seconds");
        assert_eq!(seconds_in_words(1200), "20 minutes");
        assert_eq!(seconds_in_words(1), "1 second");
        assert_eq!(seconds_in_words(3600), "1 hour");
    }

    #[test]
    fn loads() {
        assert_eq!(load_in_words(&Load::Kilograms(5.0)).as_deref(), Some("with 5 kg added"));
        assert_eq!(load_in_words(&Load::Kilograms(2.5)).as_deref(), Some("with 2.5 kg added"));
        assert_eq!(load_in_words(&Load::Kilograms(0.0)), None);
        assert_eq!(load_in_words(&Load::Band("yellow".into())).as_deref(), Some("with a yellow band"));
        assert_eq!(load_in_words(&Load::Band("orange band".into())).as_deref(), Some("with an orange band"));
        assert_eq!(
            load_in_words(&Load::RepetitionMaximum(15)).as_deref(),
            Some("with the heaviest weight you can lift 15 times (15 RM)")
        );
        assert_eq!(load_in_words(&Load::BodyWeight), None);
    }

    #[test]
    fn heavy_slow_dose_reads_in_order() {
        let d = Dose {
            load: Load::RepetitionMaximum(15),
            tempo: "3 seconds up, 3 seconds down".into(),
            rest_seconds: Some(120),
            days_per_week: 3,
            ..dose(3, Some(15), None)
        };
        assert_eq!(
            dose_in_words(&d, ExerciseKind::Strength, Side::BothTogether),
            "3 sets of 15 with the heaviest weight you can lift 15 times (15 RM), 3 seconds up, 3 seconds down, \
             rest 2 minutes between sets, once a day, 3 days a week"
        );
    }

    #[test]
    fn sides() {
        assert_eq!(side_in_words(Side::Left, Side::BothTogether, false).as_deref(), Some("on your left leg"));
        assert_eq!(side_in_words(Side::Affected, Side::Right, false).as_deref(), Some("on the affected leg (right)"));
        assert_eq!(side_in_words(Side::Affected, Side::Affected, false).as_deref(), Some("on the affected leg"));
        assert_eq!(side_in_words(Side::BothTogether, Side::Left, false), None);
        let d = Dose { side: Side::Affected, load: Load::Kilograms(5.0), times_per_day: 2, ..dose(3, Some(15), None) };
        assert_eq!(
            dose_in_words(&d, ExerciseKind::Strength, Side::Left),
            "3 sets of 15 with 5 kg added, on the affected leg (left), twice a day, every day"
        );
    }

    #[test]
    fn frequency() {
        assert_eq!(frequency_in_words(1, 7), "once a day, every day");
        assert_eq!(frequency_in_words(3, 7), "3 times a day, every day");
        assert_eq!(frequency_in_words(1, 1), "once a day, once a week");
    }

    #[test]
    fn advice_with_nothing_to_count_is_just_how_often() {
        let d = Dose { sets: 1, reps: None, ..Dose::default() };
        assert_eq!(dose_in_words(&d, ExerciseKind::Advice, Side::Left), "Every day");
        let d = Dose { side: Side::Affected, days_per_week: 3, ..d };
        assert_eq!(dose_in_words(&d, ExerciseKind::Advice, Side::Left), "On the affected leg (left), 3 days a week");
    }

    #[test]
    fn heat_and_ice_when_needed_never_read_as_every_day() {
        let d = Dose {
            sets: 1,
            reps: None,
            duration_seconds: Some(900),
            side: Side::Affected,
            when_needed: true,
            ..Dose::default()
        };
        let words = dose_in_words(&d, ExerciseKind::Advice, Side::Right);
        assert_eq!(words, "15 minutes on the affected leg (right), when needed");
        let d = Dose { times_per_day: 3, ..d };
        assert_eq!(
            dose_in_words(&d, ExerciseKind::Advice, Side::Right),
            "15 minutes on the affected leg (right), when needed, up to 3 times a day"
        );
    }

    #[test]
    fn rules() {
        let rule = Progression::AddReps { add: 2, every_weeks: 1, up_to: 20 };
        assert_eq!(progression_in_words(&rule), "Add 2 repetitions each week, up to 20");
        let rule = Progression::AddSets { add: 1, every_weeks: 2, up_to: 4 };
        assert_eq!(progression_in_words(&rule), "Add 1 set every 2 weeks, up to 4 sets");
        let rule = Progression::AddHoldSeconds { add: 5, every_weeks: 1, up_to: 60 };
        assert_eq!(progression_in_words(&rule), "Hold 5 seconds longer each week, up to 1 minute");
        let rule = Progression::AddLoad { add_kg: 2.5, every_weeks: 1, up_to_kg: 20.0 };
        assert_eq!(progression_in_words(&rule), "Add 2.5 kg each week, up to 20 kg");
        assert_eq!(progression_in_words(&Progression::ByResponse(" Add 5-10 % load ".into())), "Add 5-10 % load");
    }

    #[test]
    fn beyer_table_in_words() {
        let table = Progression::ByWeek(WeekDose::heavy_slow_resistance_table());
        assert_eq!(
            progression_in_words(&table),
            "Week 1: 3 sets of 15 (15 RM); weeks 2-3: 3 sets of 12 (12 RM); weeks 4-5: 4 sets of 10 (10 RM); \
             weeks 6-8: 4 sets of 8 (8 RM); from week 9: 4 sets of 6 (6 RM)"
        );
    }
}
