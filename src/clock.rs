//! What day it is where the therapist sits: the one place Stepwise reads the clock.
//!
//! The model keeps dates as plain values (`model::Date`) and never asks the time: a program's dates come from
//! its file, and tests pass the day they need. Reading the clock means reading the computer (its clock, and its
//! time zone from `TZ` or the system's zone files), which is input like reading a file, so it lives here at the
//! edge beside `files`, not in `model`. The window asks it for a new program's start date; printing asks it for
//! the "printed on" date.
//!
//! "Today" is the local date: taken in UTC, a Sydney morning or a California evening is a day off.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::model::Date;

/// Today's date in the computer's time zone (UTC when the zone cannot be found).
#[must_use]
pub fn today() -> Date {
    today_in(&TimeZone::system(), Timestamp::now())
}

/// The date at the instant `now` in `zone`.
#[must_use]
pub fn today_in(zone: &TimeZone, now: Timestamp) -> Date {
    let date = zone.to_datetime(now).date();
    let (year, month, day) = (i32::from(date.year()), date.month(), date.day());
    // jiff's dates are always real days; the fallback only keeps this total.
    u8::try_from(month)
        .ok()
        .zip(u8::try_from(day).ok())
        .and_then(|(month, day)| Date::new(year, month, day))
        .unwrap_or_else(|| Date::from_days(now.as_second().div_euclid(86_400)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn zone(hours: i8) -> TimeZone {
        TimeZone::fixed(jiff::tz::Offset::constant(hours))
    }

    #[test]
    fn a_sydney_morning_and_a_california_evening_are_their_own_day() {
        // 08:00 on 1 December in Sydney (UTC+11 in summer) is still 30 November in UTC.
        let sydney_morning = at("2026-11-30T21:00:00Z");
        assert_eq!(today_in(&zone(11), sydney_morning).to_string(), "2026-12-01");
        assert_eq!(today_in(&TimeZone::UTC, sydney_morning).to_string(), "2026-11-30");
        // 19:00 on 30 November in California (UTC-8) is already 1 December in UTC.
        let california_evening = at("2026-12-01T03:00:00Z");
        assert_eq!(today_in(&zone(-8), california_evening).to_string(), "2026-11-30");
        assert_eq!(today_in(&TimeZone::UTC, california_evening).to_string(), "2026-12-01");
    }
}
