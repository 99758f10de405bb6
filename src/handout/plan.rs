//! How the handout words the schedule (`schedule::build`): runs of identical weeks as one row of the
//! week-by-week plan, week and date labels, and the weeks of the diary.

use crate::model::Date;
use crate::schedule::{Schedule, Week};

/// Diary rows for an open-ended last phase: the schedule counts it as one week (its minimum), but the patient
/// needs boxes for the weeks it really takes.
pub(crate) const OPEN_ENDED_DIARY_WEEKS: u32 = 4;

/// The diary stops here: half a year of weeks is already two pages.
pub(crate) const MAX_DIARY_WEEKS: usize = 26;

/// Consecutive weeks of one phase with the same doses, printed as one row: "Weeks 1–2".
pub(crate) fn group_same_weeks(weeks: &[Week]) -> Vec<&[Week]> {
    weeks
        .chunk_by(|a, b| {
            a.phase_index == b.phase_index
                && a.open_ended == b.open_ended
                && a.exercises.len() == b.exercises.len()
                && a.exercises
                    .iter()
                    .zip(&b.exercises)
                    .all(|(x, y)| x.prescription_id == y.prescription_id && x.dose == y.dose)
        })
        .collect()
}

/// "Week 3", "Weeks 1–2", "From week 7".
pub(crate) fn weeks_label(first: u32, last: u32, open_ended: bool) -> String {
    if open_ended {
        format!("From week {first}")
    } else if first == last {
        format!("Week {first}")
    } else {
        format!("Weeks {first}–{last}")
    }
}

/// "24 Nov – 7 Dec 2026", "22 Dec 2026 – 4 Jan 2027"; "from 5 Jan 2027" for an open-ended run. A provisional
/// run (after an open-ended phase) says "at the earliest", so a patient never reads it as a deadline.
pub(crate) fn dates_label(first_day: Date, last_day: Date, open_ended: bool, provisional: bool) -> String {
    let text = if open_ended {
        format!("from {}", first_day.to_patient_text())
    } else if first_day.year() == last_day.year() {
        format!("{} {} – {}", first_day.day(), month_name(first_day), last_day.to_patient_text())
    } else {
        format!("{} – {}", first_day.to_patient_text(), last_day.to_patient_text())
    };
    if provisional { format!("{text}, at the earliest") } else { text }
}

/// One row of the diary.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DiaryWeek {
    pub(crate) label: String,
    pub(crate) dates: String,
    /// The week's first day, short: "from 8 Dec" (the compact diary's one-line rows).
    pub(crate) from: String,
    /// Tick boxes for each day: the most sessions a day of any exercise that week (1 to 3).
    pub(crate) sessions: u32,
}

/// One week's dose in words for the plan, and where its amount ("Hold 30 seconds, 3 times", "3 sets of 12 with
/// 5 kg added") ends and the rest (side, how often) begins, when it can be cut there.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlanDose {
    pub(crate) words: String,
    /// Byte index of the ", " after the amount.
    pub(crate) amount_end: Option<usize>,
}

impl PlanDose {
    /// `amount` is how the words begin, in any case; the cut is made only where a ", " follows it.
    pub(crate) fn new(words: String, amount: Option<&str>) -> Self {
        let amount_end = amount.map(str::len).filter(|&end| {
            words.get(..end).zip(amount).is_some_and(|(head, amount)| head.eq_ignore_ascii_case(amount))
                && words[end..].starts_with(", ")
        });
        Self { words, amount_end }
    }

    fn parts(&self) -> Option<(&str, &str)> {
        self.amount_end.map(|end| (&self.words[..end], &self.words[end + 2..]))
    }
}

/// What an exercise's dose says in every week of a stage, and what it says week by week: the amount when only
/// the amount changes (`("each leg, once a day", ["Hold 30 seconds, 3 times", "Hold 35 seconds, 3 times"])`),
/// the rest when only that changes, the whole dose otherwise. All the same gives `(dose, [])`. Cut only at the
/// amount, so "Hold 30 seconds, 3 times" is never torn apart.
pub(crate) fn split_varying(doses: &[PlanDose]) -> (String, Vec<String>) {
    let Some(first) = doses.first() else { return (String::new(), Vec::new()) };
    if doses.iter().all(|dose| dose.words == first.words) {
        return (first.words.clone(), Vec::new());
    }
    let parts: Option<Vec<(&str, &str)>> = doses.iter().map(PlanDose::parts).collect();
    if let Some(parts) = parts {
        let (amount, rest) = parts[0];
        if parts.iter().all(|(_, r)| *r == rest) {
            return (rest.to_owned(), parts.iter().map(|(a, _)| (*a).to_owned()).collect());
        }
        if parts.iter().all(|(a, _)| *a == amount) {
            return (amount.to_owned(), parts.iter().map(|(_, r)| (*r).to_owned()).collect());
        }
    }
    (String::new(), doses.iter().map(|dose| dose.words.clone()).collect())
}

/// The diary's weeks: the schedule's weeks of the printed phases (`printed(phase_index)`), plus a few more when
/// the last of them is open-ended.
pub(crate) fn diary_weeks(schedule: &Schedule, printed: impl Fn(usize) -> bool) -> Vec<DiaryWeek> {
    let sessions = |week: &Week| week.exercises.iter().map(|e| e.dose.times_per_day).max().unwrap_or(1).clamp(1, 3);
    let weeks: Vec<&Week> = schedule.weeks.iter().filter(|week| printed(week.phase_index)).collect();
    let mut rows: Vec<DiaryWeek> = weeks
        .iter()
        .copied()
        .map(|week| DiaryWeek {
            label: format!("Week {}", week.number),
            dates: dates_label(week.start, week.end, false, week.provisional),
            from: from_label(week.start),
            sessions: sessions(week),
        })
        .collect();
    if let Some(last) = weeks.last().copied().filter(|week| week.open_ended) {
        for extra in 1..OPEN_ENDED_DIARY_WEEKS {
            let start = last.start.add_days(7 * i64::from(extra));
            rows.push(DiaryWeek {
                label: format!("Week {}", last.number + extra),
                dates: dates_label(start, start.add_days(6), false, last.provisional),
                from: from_label(start),
                sessions: sessions(last),
            });
        }
    }
    rows
}

/// "from 8 Dec".
fn from_label(first_day: Date) -> String {
    format!("from {} {}", first_day.day(), month_name(first_day))
}

fn month_name(date: Date) -> &'static str {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    MONTHS.get(usize::from(date.month()).saturating_sub(1)).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Phase, PhaseLength, Program};

    fn date(text: &str) -> Date {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn labels_read_naturally() {
        assert_eq!(dates_label(date("2026-11-24"), date("2026-11-30"), false, false), "24 Nov – 30 Nov 2026");
        assert_eq!(dates_label(date("2026-12-22"), date("2027-01-04"), false, false), "22 Dec 2026 – 4 Jan 2027");
        assert_eq!(dates_label(date("2027-01-05"), date("2027-01-11"), true, false), "from 5 Jan 2027");
        assert_eq!(
            dates_label(date("2027-01-05"), date("2027-01-11"), false, true),
            "5 Jan – 11 Jan 2027, at the earliest"
        );
        assert_eq!(weeks_label(3, 3, false), "Week 3");
        assert_eq!(weeks_label(1, 2, false), "Weeks 1–2");
        assert_eq!(weeks_label(7, 7, true), "From week 7");
    }

    #[test]
    fn doses_split_into_the_shared_words_and_what_changes() {
        let dose = |words: &str, amount: &str| PlanDose::new(words.to_owned(), Some(amount));
        let strings = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            split_varying(&[
                dose("Hold 30 seconds, 3 times, each leg, once a day", "hold 30 seconds, 3 times"),
                dose("Hold 35 seconds, 3 times, each leg, once a day", "hold 35 seconds, 3 times"),
            ]),
            ("each leg, once a day".to_owned(), strings(&["Hold 30 seconds, 3 times", "Hold 35 seconds, 3 times"]))
        );
        assert_eq!(
            split_varying(&[
                dose("3 sets of 10, once a day", "3 sets of 10"),
                dose("3 sets of 10, twice a day", "3 sets of 10")
            ]),
            ("3 sets of 10".to_owned(), strings(&["once a day", "twice a day"]))
        );
        assert_eq!(
            split_varying(&[
                dose("3 sets of 10, every day", "3 sets of 10"),
                dose("3 sets of 10, every day", "3 sets of 10")
            ]),
            ("3 sets of 10, every day".to_owned(), Vec::new())
        );
        // Both change, or a dose that cannot be cut: whole doses, week by week.
        assert_eq!(
            split_varying(&[
                dose("3 sets of 10, once a day", "3 sets of 10"),
                dose("3 sets of 12, twice a day", "3 sets of 12")
            ]),
            (String::new(), strings(&["3 sets of 10, once a day", "3 sets of 12, twice a day"]))
        );
        assert_eq!(
            split_varying(&[
                dose("1 minute per leg, every day", "1 minute"),
                dose("2 minutes per leg, every day", "2 minutes")
            ]),
            (String::new(), strings(&["1 minute per leg, every day", "2 minutes per leg, every day"]))
        );
    }

    #[test]
    fn diary_follows_the_schedule_and_extends_an_open_ended_end() {
        let mut program = Program::new(date("2026-11-24"));
        program.phases[0].length = PhaseLength::Weeks(2);
        let mut last = Phase::new(2, "Back to sport");
        last.length = PhaseLength::UntilCriteriaMet;
        program.phases.push(last);
        let schedule = crate::schedule::build(&program);
        let diary = diary_weeks(&schedule, |_| true);
        assert_eq!(diary_weeks(&schedule, |phase| phase == 0).len(), 2);
        assert_eq!(diary.len(), 2 + OPEN_ENDED_DIARY_WEEKS as usize);
        assert_eq!(diary[2].label, "Week 3");
        assert_eq!(diary[2].dates, "8 Dec – 14 Dec 2026");
        assert_eq!(group_same_weeks(&schedule.weeks).len(), 2);
    }
}
