//! Content checks ("linters") named in the syntax dictionary.
//!
//! Implemented: `csum`, `csumalpha`, `yymmd0`, `yymmdd`, `yyyymmd0`,
//! `yyyymmdd`, `hhmi`, `hh`, `mi`, `ss`, `iso3166`, `iso3166999`,
//! `iso3166alpha2`, `iso4217`, `iso5218`, `yesno`, `zero`, `nonzero`,
//! `winding`, `hyphen`, `pieceoftotal`, `posinseqslash`, `nozeroprefix`,
//! `hasnondigit`, `latitude`, `longitude`, `pcenc`, `iban`, `mediatype`,
//! `importeridx`.
//!
//! Accepted without checking (they need GS1 company prefix or code-list
//! data this crate does not carry): `gcppos1`, `gcppos2`, `packagetype`,
//! `couponcode`, `couponposoffer`, and any linter a future dictionary
//! release introduces. See [`IMPLEMENTED`] and [`is_implemented`].

use crate::check_digit::{check_pair_alpha, verify_mod10};

/// Linters that this crate actually checks.
pub const IMPLEMENTED: &[&str] = &[
    "csum",
    "csumalpha",
    "yymmd0",
    "yymmdd",
    "yyyymmd0",
    "yyyymmdd",
    "hhmi",
    "hh",
    "mi",
    "ss",
    "iso3166",
    "iso3166999",
    "iso3166alpha2",
    "iso4217",
    "iso5218",
    "yesno",
    "zero",
    "nonzero",
    "winding",
    "hyphen",
    "pieceoftotal",
    "posinseqslash",
    "nozeroprefix",
    "hasnondigit",
    "latitude",
    "longitude",
    "pcenc",
    "iban",
    "mediatype",
    "importeridx",
];

/// Whether `linter` is checked (others are accepted as-is).
pub fn is_implemented(linter: &str) -> bool {
    IMPLEMENTED.contains(&linter)
}

/// Why a linter rejected a component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    /// Check digit(s) mismatch: (expected, found).
    CheckDigit(String, String),
    /// Anything else, worded to follow the value ("is not a valid date").
    Problem(&'static str),
}

/// Runs one linter over one component's characters (already charset-checked).
pub(crate) fn run(linter: &str, data: &str) -> Result<(), Failure> {
    use Failure::Problem;
    let ok = |b: bool, p: &'static str| if b { Ok(()) } else { Err(Problem(p)) };
    match linter {
        "csum" => match verify_mod10(data) {
            Ok(()) => Ok(()),
            Err(Some((e, f))) => Err(Failure::CheckDigit(e.to_string(), f.to_string())),
            Err(None) => Err(Problem("has no check digit")),
        },
        "csumalpha" => {
            if data.len() < 2 || !data.is_ascii() {
                return Err(Problem("is too short for a check character pair"));
            }
            let (body, pair) = data.split_at(data.len() - 2);
            match check_pair_alpha(body) {
                Some(expected) if expected == pair => Ok(()),
                Some(expected) => Err(Failure::CheckDigit(expected, pair.to_owned())),
                None => Err(Problem("cannot carry a check character pair")),
            }
        }
        "yymmd0" => ok(date(data, 2, true), "is not a valid date"),
        "yymmdd" => ok(date(data, 2, false), "is not a valid date"),
        "yyyymmd0" => ok(date(data, 4, true), "is not a valid date"),
        "yyyymmdd" => ok(date(data, 4, false), "is not a valid date"),
        "hhmi" => {
            ok(data.len() == 4 && in_range(&data[..2], 0, 23) && in_range(&data[2..], 0, 59), "is not a valid time")
        }
        "hh" => ok(in_range(data, 0, 23), "is not a valid hour"),
        "mi" => ok(in_range(data, 0, 59), "is not a valid minute"),
        "ss" => ok(in_range(data, 0, 59), "is not a valid second"),
        "iso3166" => ok(ISO3166_NUMERIC.contains(&data), "is not an ISO 3166 country code"),
        "iso3166999" => ok(data == "999" || ISO3166_NUMERIC.contains(&data), "is not an ISO 3166 country code or 999"),
        "iso3166alpha2" => ok(ISO3166_ALPHA2.contains(&data), "is not an ISO 3166 alpha-2 country code"),
        "iso4217" => ok(ISO4217_NUMERIC.contains(&data), "is not an ISO 4217 currency code"),
        "iso5218" => ok(matches!(data, "0" | "1" | "2" | "9"), "is not an ISO 5218 sex code"),
        "yesno" => ok(matches!(data, "0" | "1"), "is not 0 (no) or 1 (yes)"),
        "zero" => ok(data == "0", "must be 0"),
        "nonzero" => ok(data.bytes().any(|b| b != b'0'), "must not be zero"),
        "winding" => ok(matches!(data, "0" | "1" | "9"), "is not a winding direction (0, 1 or 9)"),
        "hyphen" => ok(data.bytes().all(|b| b == b'-'), "must be a hyphen"),
        "pieceoftotal" => {
            let half = data.len() / 2;
            let valid = data.len() % 2 == 0
                && data.bytes().all(|b| b.is_ascii_digit())
                && match (data[..half].parse::<u64>(), data[half..].parse::<u64>()) {
                    (Ok(p), Ok(t)) => p >= 1 && p <= t,
                    _ => false,
                };
            ok(valid, "is not a valid piece number of a total")
        }
        "posinseqslash" => {
            // Digits without leading zeros either side of the slash.
            let number = |s: &str| !s.is_empty() && !s.starts_with('0') && s.bytes().all(|b| b.is_ascii_digit());
            let valid = data
                .split_once('/')
                .is_some_and(|(p, t)| number(p) && number(t) && p.parse::<u32>().ok() <= t.parse::<u32>().ok());
            ok(valid, "is not a position in a sequence (e.g. 1/2)")
        }
        "nozeroprefix" => ok(data == "0" || !data.starts_with('0'), "must not start with zero"),
        "hasnondigit" => ok(data.bytes().any(|b| !b.is_ascii_digit()), "must contain a character other than a digit"),
        "latitude" => {
            ok(data.len() == 10 && data.parse::<u64>().is_ok_and(|v| v <= 1_800_000_000), "is not a valid latitude")
        }
        "longitude" => {
            ok(data.len() == 10 && data.parse::<u64>().is_ok_and(|v| v <= 3_600_000_000), "is not a valid longitude")
        }
        "pcenc" => ok(crate::digital_link::percent_decode(data).is_ok(), "has an invalid percent-encoding"),
        "iban" => ok(iban(data), "is not a valid IBAN"),
        "mediatype" => ok(
            data.parse::<u8>().is_ok_and(|v| (1..=10).contains(&v) || (80..=99).contains(&v)),
            "is not an AIDC media type",
        ),
        "importeridx" => ok(
            data.len() == 1 && data.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "is not a valid importer index",
        ),
        // Not checkable without external data, or unknown: accepted by design.
        _ => Ok(()),
    }
}

fn in_range(s: &str, lo: u32, hi: u32) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|v| (lo..=hi).contains(&v))
}

/// `year_digits` is 2 (YYMMDD) or 4 (YYYYMMDD); `day_zero` allows DD = 00,
/// which GS1 uses to mean "end of month" for best-before style dates.
fn date(s: &str, year_digits: usize, day_zero: bool) -> bool {
    if s.len() != year_digits + 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let year = num(0..year_digits);
    let month = num(year_digits..year_digits + 2);
    let day = num(year_digits + 2..year_digits + 4);
    // A two-digit year lies within ±50 years of today (GS1 GenSpecs
    // 7.12); every such year is a leap year exactly when yy % 4 == 0
    // because 2000 was one and 1900/2100 are out of reach in practice.
    let leap = if year_digits == 2 { year % 4 == 0 } else { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 };
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (day_zero && day == 0) || (1..=days).contains(&day)
}

fn iban(s: &str) -> bool {
    if s.len() < 5 || s.len() > 34 {
        return false;
    }
    let b = s.as_bytes();
    if !ISO3166_ALPHA2.contains(&&s[..2])
        || !b[2].is_ascii_digit()
        || !b[3].is_ascii_digit()
        || !b.iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return false;
    }
    // ISO 13616: move the first four characters to the end, letters become
    // 10..35, and the resulting number must be 1 modulo 97.
    let mut rem: u32 = 0;
    for &c in b[4..].iter().chain(&b[..4]) {
        let v = if c.is_ascii_digit() { u32::from(c - b'0') } else { u32::from(c - b'A') + 10 };
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    rem == 1
}

/// ISO 3166-1 numeric country codes.
const ISO3166_NUMERIC: &[&str] = &[
    "004", "008", "010", "012", "016", "020", "024", "028", "031", "032", "036", "040", "044", "048", "050", "051",
    "052", "056", "060", "064", "068", "070", "072", "074", "076", "084", "086", "090", "092", "096", "100", "104",
    "108", "112", "116", "120", "124", "132", "136", "140", "144", "148", "152", "156", "158", "162", "166", "170",
    "174", "175", "178", "180", "184", "188", "191", "192", "196", "203", "204", "208", "212", "214", "218", "222",
    "226", "231", "232", "233", "234", "238", "239", "242", "246", "248", "250", "254", "258", "260", "262", "266",
    "268", "270", "275", "276", "288", "292", "296", "300", "304", "308", "312", "316", "320", "324", "328", "332",
    "334", "336", "340", "344", "348", "352", "356", "360", "364", "368", "372", "376", "380", "384", "388", "392",
    "398", "400", "404", "408", "410", "414", "417", "418", "422", "426", "428", "430", "434", "438", "440", "442",
    "446", "450", "454", "458", "462", "466", "470", "474", "478", "480", "484", "492", "496", "498", "499", "500",
    "504", "508", "512", "516", "520", "524", "528", "531", "533", "534", "535", "540", "548", "554", "558", "562",
    "566", "570", "574", "578", "580", "581", "583", "584", "585", "586", "591", "598", "600", "604", "608", "612",
    "616", "620", "624", "626", "630", "634", "638", "642", "643", "646", "652", "654", "659", "660", "662", "663",
    "666", "670", "674", "678", "682", "686", "688", "690", "694", "702", "703", "704", "705", "706", "710", "716",
    "724", "728", "729", "732", "740", "744", "748", "752", "756", "760", "762", "764", "768", "772", "776", "780",
    "784", "788", "792", "795", "796", "798", "800", "804", "807", "818", "826", "831", "832", "833", "834", "840",
    "850", "854", "858", "860", "862", "876", "882", "887", "894",
];

/// ISO 3166-1 alpha-2 country codes.
const ISO3166_ALPHA2: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD",
    "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA",
    "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE",
    "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA",
    "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK",
    "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP",
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT",
    "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS",
    "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
    "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS",
    "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST",
    "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
    "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA",
    "ZM", "ZW",
];

/// ISO 4217 numeric currency codes.
const ISO4217_NUMERIC: &[&str] = &[
    "008", "012", "032", "036", "044", "048", "050", "051", "052", "060", "064", "068", "072", "084", "090", "096",
    "104", "108", "116", "124", "132", "136", "144", "152", "156", "170", "174", "188", "191", "192", "203", "208",
    "214", "222", "230", "232", "238", "242", "262", "270", "292", "320", "324", "328", "332", "340", "344", "348",
    "352", "356", "360", "364", "368", "376", "388", "392", "398", "400", "404", "408", "410", "414", "417", "418",
    "422", "426", "430", "434", "446", "454", "458", "462", "480", "484", "496", "498", "504", "512", "516", "524",
    "532", "533", "548", "554", "558", "566", "578", "586", "590", "598", "600", "604", "608", "634", "643", "646",
    "654", "682", "690", "694", "702", "704", "706", "710", "728", "748", "752", "756", "760", "764", "776", "780",
    "784", "788", "800", "807", "818", "826", "834", "840", "858", "860", "882", "886", "901", "925", "927", "928",
    "929", "930", "931", "932", "933", "934", "936", "938", "940", "941", "943", "944", "946", "947", "948", "949",
    "950", "951", "952", "953", "955", "956", "957", "958", "959", "960", "961", "962", "963", "964", "965", "967",
    "968", "969", "970", "971", "972", "973", "975", "976", "977", "978", "979", "980", "981", "984", "985", "986",
    "990", "994", "997", "999",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yymmd0_accepts_day_zero_but_yymmdd_does_not() {
        assert!(run("yymmd0", "251200").is_ok());
        assert!(run("yymmdd", "251200").is_err());
        assert!(run("yymmdd", "251231").is_ok());
    }

    #[test]
    fn dates_reject_impossible_months_and_days() {
        assert_eq!(run("yymmd0", "251332"), Err(Failure::Problem("is not a valid date")));
        assert!(run("yymmdd", "250431").is_err());
        assert!(run("yymmdd", "250229").is_err());
        assert!(run("yymmdd", "240229").is_ok());
        assert!(run("yyyymmdd", "19000229").is_err());
        assert!(run("yyyymmdd", "20000229").is_ok());
    }

    #[test]
    fn times_are_checked_against_the_clock() {
        assert!(run("hhmi", "2359").is_ok());
        assert!(run("hhmi", "2400").is_err());
        assert!(run("hh", "24").is_err());
        assert!(run("mi", "60").is_err());
        assert!(run("ss", "59").is_ok());
    }

    #[test]
    fn country_and_currency_codes_come_from_the_iso_lists() {
        assert!(run("iso3166", "276").is_ok());
        assert!(run("iso3166", "999").is_err());
        assert!(run("iso3166999", "999").is_ok());
        assert!(run("iso3166alpha2", "DE").is_ok());
        assert!(run("iso3166alpha2", "XX").is_err());
        assert!(run("iso4217", "978").is_ok());
        assert!(run("iso4217", "000").is_err());
    }

    #[test]
    fn csum_reports_expected_and_found_digits() {
        assert_eq!(run("csum", "09520123456783"), Err(Failure::CheckDigit("8".into(), "3".into())));
    }

    #[test]
    fn csumalpha_checks_the_gmn_example() {
        assert!(run("csumalpha", "1987654Ad4X4bL5ttr2310c2K").is_ok());
        assert_eq!(run("csumalpha", "1987654Ad4X4bL5ttr2310cXK"), Err(Failure::CheckDigit("2K".into(), "XK".into())));
    }

    #[test]
    fn iban_mod97_is_verified() {
        assert!(run("iban", "GB82WEST12345698765432").is_ok());
        assert!(run("iban", "GB82WEST12345698765433").is_err());
    }

    #[test]
    fn piece_of_total_and_position_in_sequence_need_piece_within_total() {
        assert!(run("pieceoftotal", "0102").is_ok());
        assert!(run("pieceoftotal", "0301").is_err());
        assert!(run("pieceoftotal", "0002").is_err());
        assert!(run("posinseqslash", "1/2").is_ok());
        assert!(run("posinseqslash", "3/2").is_err());
    }

    #[test]
    fn company_prefix_linters_are_accepted_without_checking() {
        assert!(!is_implemented("gcppos1"));
        assert!(run("gcppos1", "anything").is_ok());
    }

    #[test]
    fn iso_lists_are_sorted_so_they_can_be_reviewed_against_the_standard() {
        for list in [ISO3166_NUMERIC, ISO3166_ALPHA2, ISO4217_NUMERIC] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
