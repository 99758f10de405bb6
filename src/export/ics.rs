//! Program -> calendar reminders: an iCalendar file (RFC 5545) the patient imports into the calendar on their
//! phone, with one event at each exercise time of each session day of the printed stages.
//!
//! - **Which days:** an exercise done `n` days a week is done on days `0, 7/n, 2·7/n ...` of each program week
//!   (3 days a week starting on a Tuesday: Tuesday, Thursday, Saturday), so the rest days fall between sessions.
//!   A day with any exercise on it is a session day; its event lists that day's exercises and doses.
//! - **What times:** an exercise done once a day is done in the morning (08:00 unless the therapist picks another
//!   time), twice a day in the morning and the evening (18:00), three times a day at midday (13:00) as well. A day
//!   gets an event at each of these times that any of its exercises is due, listing only the exercises due then.
//! - **Floating local times** (`DTSTART:20261124T080000`, no zone): "8 in the morning" means 8 in the morning
//!   wherever the patient's phone is, including after a move across time zones or a change of clock. A zone
//!   would pin the reminders to the therapist's computer's zone, which is not the patient's business, and needs a
//!   `VTIMEZONE` block that calendars handle unevenly. `DTSTAMP` is UTC, as the RFC requires.
//! - **Importing twice does not duplicate:** each event's `UID` is made from the patient, the program's title
//!   and start date, the day and the time of day, never from the clock, so a calendar that sees the same file
//!   again (or an updated one) replaces the events instead of adding copies. Changing the start date or the
//!   patient's name gives new events: the old ones must then be deleted by hand.
//! - **An open-ended stage** ("until you meet the criteria") gets reminders for its first
//!   [`OPEN_ENDED_WEEKS`] weeks, as the diary gives it rows; stages after it have no known dates, so the
//!   reminders stop there and a warning says to export again when the patient moves on.
//! - The text is written out by hand rather than with a calendar crate: RFC 5545 needs only text escaping,
//!   CRLF line ends and folding at 75 octets (never inside a UTF-8 character), a few lines each, below.

use std::fmt::{self, Write as _};

use crate::model::{Date, Program, dose_in_words};
use crate::schedule::{self, ScheduledExercise, Week};

/// Weeks of reminders for an open-ended stage: the same number of weeks the handout's diary gives it.
pub const OPEN_ENDED_WEEKS: u32 = 4;

/// How long each reminder event lasts in the calendar.
const EVENT_MINUTES: u32 = 30;

/// A time of day, to the minute, in the patient's local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    hour: u8,
    minute: u8,
}

impl ClockTime {
    /// `None` past 23:59.
    #[must_use]
    pub const fn new(hour: u8, minute: u8) -> Option<Self> {
        if hour < 24 && minute < 60 { Some(Self { hour, minute }) } else { None }
    }

    #[must_use]
    pub const fn hour(self) -> u8 {
        self.hour
    }

    #[must_use]
    pub const fn minute(self) -> u8 {
        self.minute
    }

    const fn at(hour: u8) -> Self {
        Self { hour, minute: 0 }
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// A time that is not `HH:MM` on a 24-hour clock.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a time of day: write it as HOUR:MINUTE on a 24-hour clock, for example 08:00 or 18:30")]
pub struct ClockTimeError(String);

impl std::str::FromStr for ClockTime {
    type Err = ClockTimeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || ClockTimeError(text.to_owned());
        let (hour, minute) = text.trim().split_once(':').ok_or_else(error)?;
        let number = |part: &str| {
            (!part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u8>().ok())
                .flatten()
        };
        if minute.len() != 2 {
            return Err(error());
        }
        Self::new(number(hour).ok_or_else(error)?, number(minute).ok_or_else(error)?).ok_or_else(error)
    }
}

/// When the reminders ring: the first session of a day is in the morning, a second in the evening, a third at
/// midday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReminderTimes {
    pub morning: ClockTime,
    /// Only for exercises done three times a day.
    pub midday: ClockTime,
    /// For exercises done twice (or three times) a day.
    pub evening: ClockTime,
}

impl Default for ReminderTimes {
    fn default() -> Self {
        Self { morning: ClockTime::at(8), midday: ClockTime::at(13), evening: ClockTime::at(18) }
    }
}

impl ReminderTimes {
    /// When a slot's reminder rings.
    #[must_use]
    pub fn time(&self, slot: Slot) -> ClockTime {
        match slot {
            Slot::Morning => self.morning,
            Slot::Midday => self.midday,
            Slot::Evening => self.evening,
        }
    }
}

/// A time of day an exercise is done at: once a day in the morning, twice a day morning and evening, three
/// times a day morning, midday and evening.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    Morning,
    Midday,
    Evening,
}

impl Slot {
    /// The slots of an exercise done `times_per_day` times a day (more than 3 counts as 3).
    #[must_use]
    pub fn for_times_per_day(times_per_day: u32) -> &'static [Slot] {
        match times_per_day {
            0 | 1 => &[Self::Morning],
            2 => &[Self::Morning, Self::Evening],
            _ => &[Self::Morning, Self::Midday, Self::Evening],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Morning => "morning",
            Self::Midday => "midday",
            Self::Evening => "evening",
        }
    }
}

/// How to write the calendar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarOptions {
    pub times: ReminderTimes,
    /// The moment the file is made, in seconds since 1970 (UTC), for `DTSTAMP`; `None` = now. Tests fix it.
    pub exported_at: Option<u64>,
}

/// A calendar file ready to write, with what the therapist should know about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// The `.ics` text: CRLF line ends, folded at 75 octets.
    pub text: String,
    pub event_count: usize,
    pub warnings: Vec<String>,
}

/// One exercise session: a day, a time of day, and the exercises done then.
#[derive(Clone, Debug, PartialEq)]
pub struct Session<'a> {
    pub date: Date,
    pub slot: Slot,
    /// Which of the day's sessions this is (0 = the first), and how many the day has.
    pub index: usize,
    pub of: usize,
    pub week: u32,
    pub phase_index: usize,
    pub exercises: Vec<&'a ScheduledExercise>,
}

/// Every exercise session of the chosen stages (`stages`: positions in `program.phases`), in date order, and
/// the warnings about dates that are not firm. An event of the calendar is one session.
#[must_use]
pub fn sessions<'a>(schedule: &'a schedule::Schedule, stages: &[usize]) -> (Vec<Session<'a>>, Vec<String>) {
    let mut sessions = Vec::new();
    let mut warnings = Vec::new();
    let mut open_ended_stage: Option<usize> = None;
    let mut warned_provisional = false;
    for week in schedule.weeks.iter().filter(|week| stages.contains(&week.phase_index)) {
        if let Some(open) = open_ended_stage
            && open != week.phase_index
        {
            warnings.push(format!(
                "The reminders stop after stage {}, which lasts until the patient meets its criteria: export the \
                 calendar again when they move on.",
                open + 1
            ));
            break;
        }
        if week.provisional && !warned_provisional {
            warned_provisional = true;
            warnings.push(format!(
                "Stage {} comes after an open-ended stage: its reminders use the earliest dates it can start.",
                week.phase_index + 1
            ));
        }
        let repeats = if week.open_ended { OPEN_ENDED_WEEKS } else { 1 };
        for repeat in 0..repeats {
            sessions.extend(week_sessions(week, repeat));
        }
        if week.open_ended {
            open_ended_stage = Some(week.phase_index);
        }
    }
    (sessions, warnings)
}

/// The sessions of one week; `repeat` > 0 is a further week of an open-ended stage, with the same doses.
fn week_sessions(week: &Week, repeat: u32) -> Vec<Session<'_>> {
    let first_day = week.start.add_days(7 * i64::from(repeat));
    let mut sessions = Vec::new();
    for day in 0..7_u32 {
        let today: Vec<&ScheduledExercise> =
            week.exercises.iter().filter(|exercise| is_session_day(exercise.dose.days_per_week, day)).collect();
        let mut slots: Vec<Slot> =
            today.iter().flat_map(|exercise| Slot::for_times_per_day(exercise.dose.times_per_day)).copied().collect();
        slots.sort_unstable();
        slots.dedup();
        for (index, &slot) in slots.iter().enumerate() {
            sessions.push(Session {
                date: first_day.add_days(i64::from(day)),
                slot,
                index,
                of: slots.len(),
                week: week.number + repeat,
                phase_index: week.phase_index,
                exercises: today
                    .iter()
                    .copied()
                    .filter(|exercise| Slot::for_times_per_day(exercise.dose.times_per_day).contains(&slot))
                    .collect(),
            });
        }
    }
    sessions
}

/// Whether day `day` (0 to 6) of a program week is one of the `days_per_week` days, spread through the week.
#[must_use]
pub fn is_session_day(days_per_week: u32, day: u32) -> bool {
    let n = days_per_week.clamp(1, 7);
    (0..n).any(|i| i * 7 / n == day)
}

/// The calendar of the chosen stages (`stages`: positions in `program.phases`).
#[must_use]
pub fn calendar(program: &Program, stages: &[usize], options: &CalendarOptions) -> Calendar {
    let schedule = schedule::build(program);
    let (sessions, mut warnings) = sessions(&schedule, stages);
    if sessions.is_empty() {
        warnings.push("The chosen stages have no exercises on any day: the calendar has no reminders.".to_owned());
    }
    let stamp = utc_stamp(options.exported_at.unwrap_or_else(now));
    let key = super::program_key(program);
    let clinic = program.clinic.trim();
    let patient = program.patient.name.trim();

    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:-//Stepwise//Stepwise {}//EN", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        &format!("X-WR-CALNAME:{}", escape_text(&calendar_name(program))),
    ] {
        push_line(&mut out, line);
    }
    for session in &sessions {
        let time = options.times.time(session.slot);
        let stage = program.phases.get(session.phase_index).map_or("", |phase| phase.name.trim());
        let mut summary = format!("Exercises: stage {}", session.phase_index + 1);
        if !stage.is_empty() {
            let _ = write!(summary, ", {stage}");
        }
        if session.of > 1 {
            let _ = write!(summary, " ({} of {})", session.index + 1, session.of);
        }
        let mut description = format!("Week {} of your plan", session.week);
        if !patient.is_empty() {
            let _ = write!(description, " for {patient}");
        }
        description.push_str(". Today:\n");
        for exercise in &session.exercises {
            let _ = writeln!(
                description,
                "• {}: {}",
                exercise.name.trim(),
                dose_in_words(&exercise.dose, exercise.kind, program.patient.side)
            );
        }
        description.push_str("\nThe steps and the safety rules are in your handout.");
        if !clinic.is_empty() {
            let _ = write!(description, " Questions: {clinic}.");
        }
        let end = add_minutes(session.date, time, EVENT_MINUTES);
        for line in [
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}-{}-{key:016x}@stepwise", compact_date(session.date), time_slot(session)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART:{}", local_date_time(session.date, time)),
            format!("DTEND:{}", local_date_time(end.0, end.1)),
            format!("SUMMARY:{}", escape_text(&summary)),
            format!("DESCRIPTION:{}", escape_text(description.trim_end())),
            "TRANSP:TRANSPARENT".to_owned(),
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            format!("DESCRIPTION:{}", escape_text(&summary)),
            "TRIGGER:PT0M".to_owned(),
            "END:VALARM".to_owned(),
            "END:VEVENT".to_owned(),
        ] {
            push_line(&mut out, &line);
        }
    }
    push_line(&mut out, "END:VCALENDAR");
    Calendar { text: out, event_count: sessions.len(), warnings }
}

/// "Exercises for Ann Jones" (the name the calendar app shows for an imported calendar, where it shows one).
fn calendar_name(program: &Program) -> String {
    match program.patient.name.trim() {
        "" => "Home exercises".to_owned(),
        name => format!("Home exercises for {name}"),
    }
}

/// The time of day, as part of the UID: changing an exercise from once to twice a day keeps the morning event
/// and adds an evening one, and a new reminder time moves the events rather than adding new ones.
fn time_slot(session: &Session<'_>) -> &'static str {
    session.slot.name()
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs())
}

/// "20261201T020304Z".
fn utc_stamp(seconds: u64) -> String {
    let date = Date::from_days(i64::try_from(seconds / 86_400).unwrap_or(0));
    let of_day = seconds % 86_400;
    format!("{}T{:02}{:02}{:02}Z", compact_date(date), of_day / 3600, of_day % 3600 / 60, of_day % 60)
}

/// "20261124".
fn compact_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// "20261124T080000": a floating local time (see the module notes).
fn local_date_time(date: Date, time: ClockTime) -> String {
    format!("{}T{:02}{:02}00", compact_date(date), time.hour, time.minute)
}

/// The date and time `minutes` after `time` on `date` (the next day past midnight).
fn add_minutes(date: Date, time: ClockTime, minutes: u32) -> (Date, ClockTime) {
    let total = u32::from(time.hour) * 60 + u32::from(time.minute) + minutes;
    let days = total / (24 * 60);
    let of_day = total % (24 * 60);
    (date.add_days(i64::from(days)), ClockTime { hour: (of_day / 60) as u8, minute: (of_day % 60) as u8 })
}

/// RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`; other control characters (which
/// the RFC forbids) dropped.
#[must_use]
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line is longer than 75 octets (continuation lines start with a
/// space, which counts), never splitting a UTF-8 character, and ended with CRLF. No folded line ends with a
/// space: some readers trim the end of each line before joining them, and would lose it.
fn push_line(out: &mut String, line: &str) {
    const LIMIT: usize = 75;
    // The current physical line, without the space that starts a continuation line; `width` counts that space.
    let mut physical = String::new();
    let mut width = 0;
    let mut continued = false;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > LIMIT {
            let kept = physical.trim_end_matches(' ').len();
            let carried = if kept > 0 && physical.len() - kept + 1 + len <= LIMIT {
                physical.split_off(kept)
            } else {
                String::new()
            };
            if continued {
                out.push(' ');
            }
            out.push_str(&physical);
            out.push_str("\r\n");
            continued = true;
            width = 1 + carried.len();
            physical = carried;
        }
        physical.push(c);
        width += len;
    }
    if continued {
        out.push(' ');
    }
    out.push_str(&physical);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_parse_as_a_clinic_writes_them() {
        assert_eq!("08:00".parse(), Ok(ClockTime::at(8)));
        assert_eq!("8:05".parse(), ClockTime::new(8, 5).ok_or(ClockTimeError(String::new())));
        assert_eq!(" 18:30 ".parse::<ClockTime>().map(|t| t.to_string()), Ok("18:30".to_owned()));
        for wrong in ["24:00", "8", "8:5", "08:60", "-1:00", "8:00pm", "", "1:2:3", "+8:00"] {
            assert!(wrong.parse::<ClockTime>().is_err(), "{wrong}");
        }
    }

    #[test]
    fn session_days_spread_through_the_week() {
        let days = |n| (0..7).filter(|&day| is_session_day(n, day)).collect::<Vec<_>>();
        assert_eq!(days(7), [0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(days(3), [0, 2, 4]);
        assert_eq!(days(2), [0, 3]);
        assert_eq!(days(1), [0]);
        for n in 1..=7 {
            assert_eq!(days(n).len(), n as usize);
        }
    }

    #[test]
    fn text_is_escaped_and_lines_fold_between_characters() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf\u{7}"), "a\\,b\\;c\\\\d\\ne\\nf");
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "Ŵ".repeat(60));
        push_line(&mut out, &long);
        for line in out.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);

        // A space where the line folds goes to the next line, never at the end of one.
        let mut out = String::new();
        let spaced = format!("DESCRIPTION:{} {}", "x".repeat(62), "y".repeat(20));
        push_line(&mut out, &spaced);
        assert!(out.split("\r\n").all(|line| !line.ends_with(' ')), "{out:?}");
        assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), spaced);
    }

    #[test]
    fn stamps_and_times_are_written_as_the_rfc_asks() {
        // 2026-12-01 02:03:04 UTC.
        assert_eq!(utc_stamp(1_796_090_584), "20261201T020304Z");
        let date = Date::new(2026, 12, 31).unwrap_or_else(|| unreachable!());
        let (day, time) = add_minutes(date, ClockTime::at(23), 90);
        assert_eq!(local_date_time(day, time), "20270101T003000");
    }
}
