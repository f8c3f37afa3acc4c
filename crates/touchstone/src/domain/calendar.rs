//! Working days: legal deadlines count them, not calendar days, so a weekend or a public
//! holiday in the office's country moves the deadline.
//!
//! A deadline of N working days after an event ends at the end of the Nth working day after the
//! day of the event, both days as the office's clock reads them (its time zone, daylight saving
//! included): a detention at 00:30 in Paris is on that Paris day, and the deadline ends at
//! midnight in Paris. The day of the event itself does not count.

use std::collections::BTreeSet;

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::i18n::time as zones;

/// One country's working-day calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Calendar {
    /// Days of the week that are never working days, e.g. `["saturday", "sunday"]`.
    pub weekend: Vec<String>,
    /// Public holidays as `YYYY-MM-DD`.
    pub holidays: Vec<String>,
    /// The offices' IANA time zone (`Europe/Paris`); by default the country's principal zone.
    pub time_zone: Option<String>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar { weekend: vec!["saturday".into(), "sunday".into()], holidays: Vec::new(), time_zone: None }
    }
}

/// A calendar checked and ready to count with.
#[derive(Debug, Clone)]
pub struct WorkingDays {
    weekend: Vec<Weekday>,
    holidays: BTreeSet<Date>,
    zone: &'static TimeZone,
}

impl WorkingDays {
    /// The calendar of offices in `country` (ISO 3166-1 alpha-2; empty for none, which counts
    /// in UTC).
    pub fn parse(calendar: &Calendar, country: &str) -> Result<Self, String> {
        let weekend = calendar
            .weekend
            .iter()
            .map(|d| weekday(d).ok_or_else(|| format!("'{d}' is not a day of the week (monday … sunday)")))
            .collect::<Result<Vec<_>, _>>()?;
        let holidays = calendar
            .holidays
            .iter()
            .map(|h| h.parse::<Date>().map_err(|_| format!("holiday '{h}' is not a date as YYYY-MM-DD")))
            .collect::<Result<BTreeSet<_>, _>>()?;
        if weekend.len() >= 7 {
            return Err("a calendar needs at least one working day in the week".into());
        }
        let zone = match &calendar.time_zone {
            Some(name) => zones::zone(name)
                .ok_or_else(|| format!("time_zone '{name}' is not an IANA time zone name such as Europe/Paris"))?,
            None => zones::country_zone(country),
        };
        Ok(WorkingDays { weekend, holidays, zone })
    }

    /// The offices' time zone.
    pub fn zone(&self) -> &'static TimeZone {
        self.zone
    }

    pub fn is_working_day(&self, day: Date) -> bool {
        !self.weekend.contains(&day.weekday()) && !self.holidays.contains(&day)
    }

    /// The end of the `n`th working day after the day of `from_ms` (epoch milliseconds), days
    /// read in the office's zone: the last millisecond before the next local midnight.
    pub fn deadline_after(&self, from_ms: i64, n: u32) -> i64 {
        let mut day = self.local_date(from_ms);
        let mut counted = 0;
        while counted < n {
            day = day.tomorrow().expect("dates stay far from the end of time");
            if self.is_working_day(day) {
                counted += 1;
            }
        }
        let next = day.tomorrow().expect("dates stay far from the end of time");
        let midnight = next.to_zoned_datetime(self.zone.clone()).expect("every day starts in every zone");
        // A zone that skips midnight starts the day at the first moment after it.
        midnight.start_of_day().expect("every day starts").timestamp().as_millisecond() - 1
    }

    /// Working days left from `now_ms` until `deadline_ms`, counting today if it is one; 0 when past.
    pub fn working_days_left(&self, now_ms: i64, deadline_ms: i64) -> u32 {
        if now_ms > deadline_ms {
            return 0;
        }
        let (mut day, end) = (self.local_date(now_ms), self.local_date(deadline_ms));
        let mut left = 0;
        while day <= end {
            if self.is_working_day(day) {
                left += 1;
            }
            day = day.tomorrow().expect("dates stay far from the end of time");
        }
        left
    }

    fn local_date(&self, ms: i64) -> Date {
        let at = Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH);
        at.to_zoned_datetime(self.zone.clone()).date()
    }
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
    use crate::domain::types::Language;
    use crate::i18n::Tr;

    fn ms(rfc3339: &str) -> i64 {
        rfc3339.parse::<Timestamp>().unwrap().as_millisecond()
    }

    fn utc(cal: Calendar) -> WorkingDays {
        WorkingDays::parse(&Calendar { time_zone: Some("UTC".into()), ..cal }, "").unwrap()
    }

    #[test]
    fn a_deadline_skips_the_weekend_and_holidays() {
        let cal = utc(Calendar { holidays: vec!["2026-12-25".into()], ..Calendar::default() });
        // Thursday 2026-12-24, 15:00: 1 working day later is Monday 28 (Friday 25 is a holiday).
        assert_eq!(cal.deadline_after(ms("2026-12-24T15:00:00Z"), 1), ms("2026-12-28T23:59:59.999Z"));
        // 10 working days from Friday 2026-12-18: 21,22,23,24,28,29,30,31, Jan 1, 4.
        assert_eq!(cal.deadline_after(ms("2026-12-18T09:00:00Z"), 10), ms("2027-01-04T23:59:59.999Z"));
        assert_eq!(cal.working_days_left(ms("2026-12-24T08:00:00Z"), ms("2026-12-28T23:59:00Z")), 2);
    }

    #[test]
    fn a_calendar_with_another_weekend_counts_other_days() {
        let cal = utc(Calendar { weekend: vec!["friday".into(), "saturday".into()], ..Calendar::default() });
        // Thursday → next working day is Sunday.
        assert_eq!(cal.deadline_after(ms("2026-12-03T10:00:00Z"), 1), ms("2026-12-06T23:59:59.999Z"));
    }

    #[test]
    fn days_are_the_offices_days_across_a_daylight_saving_change() {
        let paris = WorkingDays::parse(&Calendar::default(), "FR").unwrap();
        assert_eq!(paris.zone().iana_name(), Some("Europe/Paris"));
        // Friday 2027-03-26 23:30 UTC is already Saturday 00:30 in Paris: the event is on a
        // Saturday, so 2 working days are Monday 29 and Tuesday 30 March. Summer time began on
        // Sunday 28 (02:00 → 03:00), so Tuesday ends at 22:00 UTC, not 23:00.
        let due = paris.deadline_after(ms("2027-03-26T23:30:00Z"), 2);
        assert_eq!(due, ms("2027-03-30T21:59:59.999Z"));
        // In UTC the same event is on Friday: the same Tuesday, ending at midnight UTC.
        let utc = utc(Calendar::default());
        assert_eq!(utc.deadline_after(ms("2027-03-26T23:30:00Z"), 2), ms("2027-03-30T23:59:59.999Z"));
        // The deadline read in Paris and by a reader in New York (which changed on 14 March).
        let new_york = crate::i18n::time::zone("America/New_York").unwrap();
        assert_eq!(Tr::with_zone(Language::En, paris.zone()).when_ms(due), "30 Mar 2027, 23:59 CEST");
        assert_eq!(Tr::with_zone(Language::Fr, new_york).when_ms(due), "30 mars 2027, 17:59 EDT");
        // And back in autumn: winter time from Sunday 31 October 2027 (03:00 → 02:00).
        let due = paris.deadline_after(ms("2027-10-29T10:00:00Z"), 1);
        assert_eq!(due, ms("2027-11-01T22:59:59.999Z"));
        assert_eq!(Tr::with_zone(Language::En, paris.zone()).when_ms(due), "1 Nov 2027, 23:59 CET");
        assert_eq!(paris.working_days_left(ms("2027-10-29T22:30:00Z"), due), 1, "Saturday in Paris: Monday is left");
    }

    #[test]
    fn bad_calendars_are_explained() {
        let bad = Calendar { weekend: vec!["caturday".into()], ..Calendar::default() };
        assert!(WorkingDays::parse(&bad, "FR").unwrap_err().contains("caturday"));
        let bad = Calendar { holidays: vec!["25/12/2026".into()], ..Calendar::default() };
        assert!(WorkingDays::parse(&bad, "FR").unwrap_err().contains("YYYY-MM-DD"));
        let bad = Calendar { time_zone: Some("Europe/Atlantis".into()), ..Calendar::default() };
        assert!(WorkingDays::parse(&bad, "FR").unwrap_err().contains("IANA"));
    }
}
