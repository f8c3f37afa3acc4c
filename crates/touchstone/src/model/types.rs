//! Parsed input types: once a value is one of these, it is valid. Store functions take only
//! these, so nothing unchecked reaches the database.

use crate::closed_set::closed_set;
use crate::error::{AppError, ErrorCode};
use std::fmt;

/// An e-mail address, trimmed and lower-cased so that uniqueness ignores case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let s = raw.trim().to_lowercase();
        let bad = || {
            AppError::invalid(
                "email",
                ErrorCode::InvalidEmail,
                format!("'{}' is not an e-mail address; write it as name@example.org.", raw.trim()),
            )
        };
        if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad());
        }
        let (local, domain) = s.split_once('@').ok_or_else(bad)?;
        if local.is_empty()
            || domain.len() < 3
            || !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
            || domain.contains('@')
        {
            return Err(bad());
        }
        Ok(Email(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// What follows the `@`.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, d)| d)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An e-mail domain vetted as an organisation's own (`douane.gouv.fr`): lower case, ASCII
/// host labels (an internationalised domain is written in its `xn--` form), at least two of them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EmailDomain(String);

impl EmailDomain {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let s = raw.trim().trim_start_matches('@').to_ascii_lowercase();
        let label_ok = |l: &str| {
            (1..=63).contains(&l.len())
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        let labels: Vec<&str> = s.split('.').collect();
        if s.len() > 253 || labels.len() < 2 || !labels.iter().all(|l| label_ok(l)) {
            return Err(AppError::invalid(
                "email_domains",
                ErrorCode::InvalidEmailDomain,
                format!("'{}' is not an e-mail domain; write it as it follows the @, e.g. douane.gouv.fr.", raw.trim()),
            ));
        }
        Ok(EmailDomain(s))
    }
    /// Domains written one per line, or separated by commas or spaces; each once, sorted.
    pub fn parse_list<S: AsRef<str>>(raw: &[S]) -> Result<Vec<Self>, AppError> {
        let mut domains = raw
            .iter()
            .flat_map(|r| {
                r.as_ref().split(|c: char| c == ',' || c.is_whitespace()).map(str::to_string).collect::<Vec<_>>()
            })
            .filter(|d| !d.is_empty())
            .map(|d| Self::parse(&d))
            .collect::<Result<Vec<_>, _>>()?;
        domains.sort();
        domains.dedup();
        Ok(domains)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// ISO 3166-1 alpha-2 country codes, as assigned (user-assigned codes are refused).
const ISO_3166_ALPHA2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ \
BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM \
DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK \
HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK \
LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI \
NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI \
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ \
VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// A country as an ISO 3166-1 alpha-2 code, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let s = raw.trim().to_ascii_uppercase();
        if s.len() == 2 && ISO_3166_ALPHA2.split(' ').any(|c| c == s) {
            let b = s.as_bytes();
            Ok(CountryCode([b[0], b[1]]))
        } else {
            Err(AppError::invalid(
                "country",
                ErrorCode::InvalidCountry,
                format!(
                    "'{}' is not an ISO 3166-1 alpha-2 country code; use two letters such as FR, DE or US.",
                    raw.trim()
                ),
            ))
        }
    }
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

closed_set!(
    /// What an organisation is; this decides which side of the platform it sits on.
    pub enum OrgKind refused as "kind", InvalidOrganisationKind {
        Customs = "customs",
        Police = "police",
        OtherEnforcement = "other_enforcement",
        RightsHolder = "rights_holder",
        Representative = "representative",
        Operator = "operator",
    }
);

impl OrgKind {
    /// Customs, police and other enforcement: the authorities' side of the platform.
    pub fn is_enforcement(self) -> bool {
        matches!(self, OrgKind::Customs | OrgKind::Police | OrgKind::OtherEnforcement)
    }
}

closed_set!(
    /// What a user may do within their organisation.
    pub enum Role refused as "role", InvalidRole {
        Officer = "officer",
        Analyst = "analyst",
        Coordinator = "coordinator",
        OrgAdmin = "org_admin",
        PlatformAdmin = "platform_admin",
    }
);

closed_set!(
    /// Languages with a complete message catalogue. `qps` is the pseudo-locale (English with
    /// every letter accented and lengthened): not offered to users, it shows which words of a
    /// page did not come from the catalogue.
    pub enum Language refused as "language", InvalidLanguage {
        En = "en",
        Fr = "fr",
        Es = "es",
        Ar = "ar",
        Qps = "qps",
    }
);

impl Language {
    /// The languages people choose from.
    pub const OFFERED: &'static [Language] = &[Language::En, Language::Fr, Language::Es, Language::Ar];

    /// Text direction of the language's script, for `dir` on the page.
    pub fn direction(self) -> &'static str {
        if self == Language::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Fr => "Français",
            Language::Es => "Español",
            Language::Ar => "العربية",
            Language::Qps => "[Ƥşḗŭḓǿ]",
        }
    }
}

/// A name for an organisation or a person: trimmed, non-empty, bounded, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name(String);

impl Name {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, AppError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(AppError::invalid(field, ErrorCode::Required, format!("Enter a {}.", field.replace('_', " "))));
        }
        if s.chars().count() > 200 {
            return Err(AppError::invalid(field, ErrorCode::TooLong, "Keep it under 200 characters."));
        }
        if s.chars().any(char::is_control) {
            return Err(AppError::invalid(
                field,
                ErrorCode::InvalidCharacters,
                "Remove control characters (tabs, line breaks).",
            ));
        }
        Ok(Name(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub const MIN_PASSWORD_CHARS: usize = 12;
const MAX_PASSWORD_BYTES: usize = 1024;

/// Well-known passwords and keyboard walks. A candidate is refused when, lower-cased and with
/// trailing digits and punctuation removed, it is one of these (so "Password2024!" is refused).
const COMMON_PASSWORDS: &str = include_str!("common-passwords.txt");

/// A new password that meets the rules. Not `Debug`-printable, so it cannot end up in a log.
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        if raw.chars().count() < MIN_PASSWORD_CHARS {
            return Err(AppError::invalid(
                "password",
                ErrorCode::PasswordTooShort,
                format!(
                    "Choose a password of at least {MIN_PASSWORD_CHARS} characters; a few unrelated words work well."
                ),
            ));
        }
        if raw.len() > MAX_PASSWORD_BYTES {
            return Err(AppError::invalid(
                "password",
                ErrorCode::PasswordTooLong,
                "Choose a password under 1024 bytes.",
            ));
        }
        if is_common_password(raw) {
            return Err(AppError::invalid(
                "password",
                ErrorCode::PasswordTooCommon,
                "This password is among the most commonly used ones; choose another.",
            ));
        }
        Ok(NewPassword(raw.to_string()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

fn is_common_password(raw: &str) -> bool {
    let lower = raw.to_lowercase();
    let base = lower.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation() || c == ' ');
    let mut chars = lower.chars();
    let first = chars.next();
    let single_repeated_char = chars.all(|c| Some(c) == first);
    single_repeated_char
        || base.is_empty()
        || COMMON_PASSWORDS.lines().map(str::trim).any(|p| !p.is_empty() && (p == base || p == lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_lower_cased_and_trimmed() {
        assert_eq!(Email::parse("  Officer@Customs.EXAMPLE ").unwrap().as_str(), "officer@customs.example");
    }

    #[test]
    fn email_without_domain_is_refused() {
        for bad in ["officer", "officer@", "@customs.fr", "a@b", "a b@c.fr", "a@.fr"] {
            assert_eq!(Email::parse(bad).unwrap_err().code(), ErrorCode::InvalidEmail, "{bad}");
        }
    }

    #[test]
    fn email_domains_are_host_names_of_two_labels_or_more() {
        assert_eq!(Email::parse("Léa.Petit@Douane.Gouv.FR").unwrap().domain(), "douane.gouv.fr");
        assert_eq!(EmailDomain::parse(" @Douane.Gouv.FR ").unwrap().as_str(), "douane.gouv.fr");
        for bad in ["douane", "douane..fr", "-douane.fr", "douane-.fr", "dou ane.fr", "douane.fr/x", "", "d_x.fr"] {
            assert_eq!(EmailDomain::parse(bad).unwrap_err().code(), ErrorCode::InvalidEmailDomain, "{bad}");
        }
        let list = EmailDomain::parse_list(&["b.example, a.example", "A.example\nc.example"]).unwrap();
        let list: Vec<&str> = list.iter().map(EmailDomain::as_str).collect();
        assert_eq!(list, ["a.example", "b.example", "c.example"]);
    }

    #[test]
    fn country_codes_are_checked_against_iso_3166() {
        assert_eq!(CountryCode::parse("fr").unwrap().as_str(), "FR");
        assert_eq!(ISO_3166_ALPHA2.split(' ').count(), 249);
        for bad in ["XX", "UK", "FRA", "", "F"] {
            assert_eq!(CountryCode::parse(bad).unwrap_err().code(), ErrorCode::InvalidCountry, "{bad}");
        }
    }

    #[test]
    fn unknown_role_names_the_accepted_ones() {
        let err = Role::refuse_unless("boss").unwrap_err();
        assert!(err.public_message().contains("officer, analyst"), "{}", err.public_message());
    }

    #[test]
    fn short_and_common_passwords_are_refused() {
        assert_eq!(NewPassword::parse("short").err().unwrap().code(), ErrorCode::PasswordTooShort);
        for common in ["Password2024!", "qwertyuiop123", "123456789012", "aaaaaaaaaaaaaa", "iloveyou2020!!"] {
            assert_eq!(NewPassword::parse(common).err().unwrap().code(), ErrorCode::PasswordTooCommon, "{common}");
        }
        assert!(NewPassword::parse("granite lantern orbit").is_ok());
    }
}
