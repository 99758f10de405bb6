//! A calendar date (proleptic Gregorian, no time zone), stored in files as `"2026-11-24"`.
//!
//! Programs only need whole days: a start date and the Monday-to-Sunday weeks after it. A small type of our own
//! keeps the model free of a date crate and makes the file format obvious to a person editing it.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day in the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date: write it as YEAR-MONTH-DAY, for example 2026-11-24")]
pub struct DateError {
    text: String,
}

impl Date {
    /// A date from its parts, or `None` if no such day exists (30 February, month 13 ...).
    #[must_use]
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    #[must_use]
    pub fn year(self) -> i32 {
        self.year
    }

    #[must_use]
    pub fn month(self) -> u8 {
        self.month
    }

    #[must_use]
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    #[must_use]
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil: exact for every Gregorian date, no tables.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    #[must_use]
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    #[must_use]
    pub fn add_days(self, days: i64) -> Self {
        Self::from_days(self.to_days() + days)
    }

    /// 0 = Monday ... 6 = Sunday.
    #[must_use]
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        u8::try_from((self.to_days() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// "24 Nov 2026": unambiguous for patients everywhere (no 11/24 vs 24/11 confusion).
    #[must_use]
    pub fn to_patient_text(self) -> String {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        format!("{} {} {}", self.day, MONTHS[usize::from(self.month - 1)], self.year)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || DateError { text: text.to_owned() };
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next().and_then(|p| p.parse().ok()).ok_or_else(err)?;
        let month = parts.next().and_then(|p| p.parse().ok()).ok_or_else(err)?;
        let day = parts.next().and_then(|p| p.parse().ok()).ok_or_else(err)?;
        Self::new(year, month, day).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_across_leap_years_and_centuries() {
        for days in -800_000..800_000 {
            if days % 997 == 0 {
                let date = Date::from_days(days);
                assert_eq!(date.to_days(), days, "{date}");
            }
        }
        assert_eq!(Date::new(1970, 1, 1).map(Date::to_days), Some(0));
        assert_eq!(Date::new(2024, 2, 29).map(|d| d.add_days(1).to_string()), Some("2024-03-01".into()));
    }

    #[test]
    fn parses_and_refuses_impossible_days() {
        assert_eq!("2026-11-24".parse::<Date>().map(Date::weekday), Ok(1));
        assert!("2026-02-30".parse::<Date>().is_err());
        assert!("24/11/2026".parse::<Date>().is_err());
        assert_eq!(Date::new(2026, 11, 24).map(Date::to_patient_text), Some("24 Nov 2026".into()));
    }
}
