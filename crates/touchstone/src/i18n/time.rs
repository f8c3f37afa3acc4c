//! Time zones and how a moment is written for a reader.
//!
//! Moments are stored as UTC milliseconds. A reader sees them in their own zone (their account's,
//! else their organisation's country's principal zone), with the zone named; an office counts
//! working days in its own zone. Zones are IANA names read from the tz database compiled into
//! the binary (jiff's bundled copy), so daylight saving is right on a machine without tzdata.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::country_zones::COUNTRY_ZONES;
use super::Tr;

/// The zone named `name` (`Europe/Paris`), if the tz database has it. Zones are kept for the
/// life of the process (there are a few hundred), so a reader's `Tr` stays a small copy.
pub fn zone(name: &str) -> Option<&'static TimeZone> {
    static ZONES: OnceLock<Mutex<HashMap<String, &'static TimeZone>>> = OnceLock::new();
    let zones = ZONES.get_or_init(Default::default);
    let mut zones = zones.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(z) = zones.get(name) {
        return Some(z);
    }
    let found = TimeZone::get(name).ok()?;
    // Only names the database knows reach here, so the map stays bounded by the database.
    let leaked: &'static TimeZone = Box::leak(Box::new(found));
    zones.insert(name.to_string(), leaked);
    Some(leaked)
}

pub fn utc() -> &'static TimeZone {
    zone("UTC").expect("the tz database has UTC")
}

/// The principal zone of an ISO 3166-1 alpha-2 country, e.g. `FR` → `Europe/Paris`.
pub fn country_zone_name(country: &str) -> Option<&'static str> {
    let country = country.trim().to_ascii_uppercase();
    COUNTRY_ZONES.iter().find(|(c, _)| *c == country).map(|(_, z)| *z)
}

/// Every country the zone table knows (ISO 3166-1 alpha-2).
pub fn countries() -> impl Iterator<Item = &'static str> {
    COUNTRY_ZONES.iter().map(|(c, _)| *c)
}

/// The zone a reader or an office in `country` uses when none was chosen: the country's
/// principal zone, else UTC.
pub fn country_zone(country: &str) -> &'static TimeZone {
    country_zone_name(country).and_then(zone).unwrap_or_else(utc)
}

/// The zone of a reader: theirs if they chose one, else their country's.
pub fn reader_zone(chosen: Option<&str>, country: &str) -> &'static TimeZone {
    chosen.and_then(zone).unwrap_or_else(|| country_zone(country))
}

/// What a `datetime-local` field holds (`2026-11-29T08:30`), a moment on the clock of `zone`,
/// as an RFC 3339 moment in UTC. Anything else is handed on unchanged, for the domain's own
/// check to refuse with its message. A time that a daylight-saving change skips or repeats is
/// read as the clock shows it just after the change (jiff's "compatible" rule).
pub fn local_input_to_rfc3339(local: &str, zone: &TimeZone) -> String {
    let t = local.trim();
    match t.parse::<jiff::civil::DateTime>() {
        Ok(civil) if t.len() <= 19 => match civil.to_zoned_datetime(zone.clone()) {
            Ok(z) => z.timestamp().to_string(),
            Err(_) => t.to_string(),
        },
        _ => t.to_string(),
    }
}

/// Every zone name the database has, sorted, for a zone picker.
pub fn zone_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<String> = jiff::tz::db().available().map(|n| n.to_string()).collect();
        names.retain(|n| n.contains('/') || n == "UTC");
        names.sort();
        names
    })
}

/// A zone's name for a reader at a moment: its abbreviation (`CET`, `CEST`, `EST`), or its
/// offset from UTC where the database has no letters for it (`UTC+04`).
pub fn zone_label(zone: &TimeZone, at: Timestamp) -> String {
    let info = zone.to_offset_info(at);
    let abbreviation = info.abbreviation();
    if abbreviation.starts_with(['+', '-']) || abbreviation.is_empty() {
        let offset = info.offset();
        let seconds = offset.seconds();
        let (sign, seconds) = if seconds < 0 { ('−', -seconds) } else { ('+', seconds) };
        let (h, m) = (seconds / 3600, (seconds % 3600) / 60);
        if m == 0 {
            format!("UTC{sign}{h:02}")
        } else {
            format!("UTC{sign}{h:02}:{m:02}")
        }
    } else {
        abbreviation.to_string()
    }
}

impl Tr {
    /// Epoch milliseconds as the reader reads a moment: date, time and zone, in the reader's
    /// language and zone.
    pub fn when_ms(&self, ms: i64) -> String {
        self.when_ms_in(ms, self.zone)
    }

    /// Epoch milliseconds in a given zone (an office's), in the reader's language.
    pub fn when_ms_in(&self, ms: i64, zone: &TimeZone) -> String {
        let Ok(at) = Timestamp::from_millisecond(ms) else { return ms.to_string() };
        let local = at.to_zoned_datetime(zone.clone());
        self.fmt(
            "time.datetime",
            &[
                ("day", i64::from(local.day()).into()),
                ("month", self.t(MONTHS[usize::from(local.month().unsigned_abs()) - 1]).into()),
                ("year", local.year().to_string().into()),
                ("time", format!("{:02}:{:02}", local.hour(), local.minute()).into()),
                ("zone", zone_label(zone, at).into()),
            ],
        )
    }

    /// An RFC 3339 moment (as the API writes them) for the reader; anything else unchanged.
    pub fn when(&self, rfc3339: &str) -> String {
        match rfc3339.parse::<Timestamp>() {
            Ok(at) => self.when_ms(at.as_millisecond()),
            Err(_) => rfc3339.to_string(),
        }
    }

    /// An RFC 3339 moment on another clock (an office's), in the reader's language.
    pub fn when_in(&self, rfc3339: &str, zone: &TimeZone) -> String {
        match rfc3339.parse::<Timestamp>() {
            Ok(at) => self.when_ms_in(at.as_millisecond(), zone),
            Err(_) => rfc3339.to_string(),
        }
    }

    /// Whether this reader's clock is `zone`'s.
    pub fn reads_in(&self, zone: &TimeZone) -> bool {
        self.zone.iana_name() == zone.iana_name()
    }

    /// An RFC 3339 moment, or nothing.
    pub fn when_opt(&self, rfc3339: &Option<String>) -> String {
        rfc3339.as_deref().map(|t| self.when(t)).unwrap_or_default()
    }

    /// A calendar date (`2026-12-24`) in the reader's language; anything else unchanged.
    pub fn date(&self, iso: &str) -> String {
        match iso.get(..10).and_then(|d| d.parse::<jiff::civil::Date>().ok()) {
            Some(d) => self.fmt(
                "time.date",
                &[
                    ("day", i64::from(d.day()).into()),
                    ("month", self.t(MONTHS[usize::from(d.month().unsigned_abs()) - 1]).into()),
                    ("year", d.year().to_string().into()),
                ],
            ),
            None => iso.to_string(),
        }
    }

    /// A `datetime-local` field's value read on the reader's clock, as RFC 3339 in UTC.
    pub fn local_input(&self, local: &str) -> String {
        local_input_to_rfc3339(local, self.zone)
    }

    /// The reader's zone's name (`Europe/Paris`).
    pub fn zone_name(&self) -> &str {
        self.zone.iana_name().unwrap_or("UTC")
    }
}

const MONTHS: [&str; 12] = [
    "time.month_1",
    "time.month_2",
    "time.month_3",
    "time.month_4",
    "time.month_5",
    "time.month_6",
    "time.month_7",
    "time.month_8",
    "time.month_9",
    "time.month_10",
    "time.month_11",
    "time.month_12",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::types::Language;

    fn ms(rfc3339: &str) -> i64 {
        rfc3339.parse::<Timestamp>().unwrap().as_millisecond()
    }

    #[test]
    fn a_moment_is_written_in_the_readers_zone_and_language_with_the_zone_named() {
        let paris = zone("Europe/Paris").unwrap();
        let winter = ms("2026-12-07T08:30:00Z");
        assert_eq!(Tr::with_zone(Language::En, paris).when_ms(winter), "7 Dec 2026, 09:30 CET");
        assert_eq!(Tr::with_zone(Language::Fr, paris).when_ms(winter), "7 déc. 2026, 09:30 CET");
        let summer = ms("2026-07-01T08:30:00Z");
        assert_eq!(Tr::with_zone(Language::En, paris).when_ms(summer), "1 Jul 2026, 10:30 CEST");
        let dubai = zone("Asia/Dubai").unwrap();
        assert_eq!(Tr::with_zone(Language::En, dubai).when_ms(winter), "7 Dec 2026, 12:30 UTC+04");
        assert_eq!(Tr::new(Language::En).when("2026-12-07T08:30:00.123Z"), "7 Dec 2026, 08:30 UTC");
        assert_eq!(Tr::new(Language::En).when("soon"), "soon");
    }

    #[test]
    fn a_time_typed_in_a_form_is_read_on_the_readers_clock() {
        let paris = zone("Europe/Paris").unwrap();
        assert_eq!(local_input_to_rfc3339("2026-11-29T08:30", paris), "2026-11-29T07:30:00Z");
        assert_eq!(local_input_to_rfc3339("2026-07-01T08:30", paris), "2026-07-01T06:30:00Z", "summer time");
        assert_eq!(local_input_to_rfc3339("2026-11-29T08:30", utc()), "2026-11-29T08:30:00Z");
        assert_eq!(local_input_to_rfc3339("yesterday", paris), "yesterday");
    }

    #[test]
    fn countries_have_their_principal_zone() {
        assert_eq!(country_zone_name("fr"), Some("Europe/Paris"));
        assert_eq!(country_zone_name("ES"), Some("Europe/Madrid"));
        assert_eq!(country_zone_name("US"), Some("America/New_York"));
        assert_eq!(country_zone_name("ZZ"), None);
        assert_eq!(country_zone("ZZ").iana_name(), Some("UTC"));
        assert_eq!(reader_zone(Some("America/Chicago"), "FR").iana_name(), Some("America/Chicago"));
        assert_eq!(reader_zone(Some("Mars/Olympus"), "FR").iana_name(), Some("Europe/Paris"));
        assert!(zone_names().iter().any(|z| z == "Europe/Paris"));
    }
}
