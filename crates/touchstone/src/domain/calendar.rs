//! Working days: legal deadlines count them, not calendar days, so a weekend or a public
//! holiday in the office's country moves the deadline.
//!
//! A deadline of N working days after an event ends at the end (23:59:59.999 UTC) of the Nth
//! working day after the day of the event; the day of the event itself does not count.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime, Time, Weekday};

/// One country's working-day calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Calendar {
    /// Days of the week that are never working days, e.g. `["saturday", "sunday"]`.
    pub weekend: Vec<String>,
    /// Public holidays as `YYYY-MM-DD`.
    pub holidays: Vec<String>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar { weekend: vec!["saturday".into(), "sunday".into()], holidays: Vec::new() }
    }
}

/// A calendar checked and ready to count with.
#[derive(Debug, Clone)]
pub struct WorkingDays {
    weekend: Vec<Weekday>,
    holidays: BTreeSet<Date>,
}

impl WorkingDays {
    pub fn parse(calendar: &Calendar) -> Result<Self, String> {
        let weekend = calendar
            .weekend
            .iter()
            .map(|d| weekday(d).ok_or_else(|| format!("'{d}' is not a day of the week (monday … sunday)")))
            .collect::<Result<Vec<_>, _>>()?;
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let holidays = calendar
            .holidays
            .iter()
            .map(|h| Date::parse(h, &format).map_err(|_| format!("holiday '{h}' is not a date as YYYY-MM-DD")))
            .collect::<Result<BTreeSet<_>, _>>()?;
        if weekend.len() >= 7 {
            return Err("a calendar needs at least one working day in the week".into());
        }
        Ok(WorkingDays { weekend, holidays })
    }

    pub fn is_working_day(&self, day: Date) -> bool {
        !self.weekend.contains(&day.weekday()) && !self.holidays.contains(&day)
    }

    /// The end of the `n`th working day after the day of `from_ms` (epoch milliseconds, UTC).
    pub fn deadline_after(&self, from_ms: i64, n: u32) -> i64 {
        let mut day = to_datetime(from_ms).date();
        let mut counted = 0;
        while counted < n {
            day = day.next_day().expect("dates stay far from the end of time");
            if self.is_working_day(day) {
                counted += 1;
            }
        }
        let end = day.with_time(Time::MIDNIGHT).assume_utc() + Duration::days(1) - Duration::milliseconds(1);
        (end.unix_timestamp_nanos() / 1_000_000) as i64
    }

    /// Working days left from `now_ms` until `deadline_ms`, counting today if it is one; 0 when past.
    pub fn working_days_left(&self, now_ms: i64, deadline_ms: i64) -> u32 {
        if now_ms > deadline_ms {
            return 0;
        }
        let (mut day, end) = (to_datetime(now_ms).date(), to_datetime(deadline_ms).date());
        let mut left = 0;
        while day <= end {
            if self.is_working_day(day) {
                left += 1;
            }
            day = day.next_day().expect("dates stay far from the end of time");
        }
        left
    }
}

fn to_datetime(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name.trim().to_ascii_lowercase().as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn ms(t: OffsetDateTime) -> i64 {
        (t.unix_timestamp_nanos() / 1_000_000) as i64
    }

    #[test]
    fn a_deadline_skips_the_weekend_and_holidays() {
        let cal = WorkingDays::parse(&Calendar { holidays: vec!["2026-12-25".into()], ..Calendar::default() }).unwrap();
        // Thursday 2026-12-24, 15:00: 1 working day later is Monday 28 (Friday 25 is a holiday).
        let from = ms(datetime!(2026-12-24 15:00 UTC));
        assert_eq!(cal.deadline_after(from, 1), ms(datetime!(2026-12-28 23:59:59.999 UTC)));
        // 10 working days from Friday 2026-12-18: 21,22,23,24,28,29,30,31, Jan 1, 4.
        let from = ms(datetime!(2026-12-18 09:00 UTC));
        assert_eq!(cal.deadline_after(from, 10), ms(datetime!(2027-01-04 23:59:59.999 UTC)));
        assert_eq!(cal.working_days_left(ms(datetime!(2026-12-24 08:00 UTC)), ms(datetime!(2026-12-28 23:59 UTC))), 2);
    }

    #[test]
    fn a_calendar_with_another_weekend_counts_other_days() {
        let cal = WorkingDays::parse(&Calendar { weekend: vec!["friday".into(), "saturday".into()], holidays: vec![] })
            .unwrap();
        // Thursday → next working day is Sunday.
        assert_eq!(
            cal.deadline_after(ms(datetime!(2026-12-03 10:00 UTC)), 1),
            ms(datetime!(2026-12-06 23:59:59.999 UTC))
        );
    }

    #[test]
    fn bad_calendars_are_explained() {
        let bad = Calendar { weekend: vec!["caturday".into()], holidays: vec![] };
        assert!(WorkingDays::parse(&bad).unwrap_err().contains("caturday"));
        let bad = Calendar { weekend: vec![], holidays: vec!["25/12/2026".into()] };
        assert!(WorkingDays::parse(&bad).unwrap_err().contains("YYYY-MM-DD"));
    }
}
