//! The Application Identifier table and how to query it.
//!
//! The table itself ([`AI_TABLE`](crate::dictionary::table)) is generated
//! from the GS1 Barcode Syntax Dictionary into `src/ai_table.rs` by
//! [`crate::syntax_dictionary`]; this module owns the types it is made of,
//! AI lookup (including the prefix lookup needed to split unbracketed
//! element strings), and the `n`-wildcard patterns used by `req=`/`ex=`.

use crate::ai_table::AI_TABLE;

/// Character set of one component of an AI value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum CharSet {
    /// Digits `0`–`9`.
    N,
    /// GS1 AI encodable character set 82.
    X,
    /// GS1 AI encodable character set 39 (`#`, `-`, `/`, digits, upper case).
    Y,
    /// Base64url (`A`–`Z`, `a`–`z`, digits, `-`, `_`), `=` padding at the end.
    Z,
}

impl CharSet {
    /// Whether `c` belongs to this character set (padding for `Z` aside).
    pub fn contains(self, c: char) -> bool {
        match self {
            CharSet::N => c.is_ascii_digit(),
            CharSet::X => c.is_ascii() && crate::check_digit::CSET82.contains(c),
            CharSet::Y => c.is_ascii_digit() || c.is_ascii_uppercase() || "#-/".contains(c),
            CharSet::Z => c.is_ascii_alphanumeric() || c == '-' || c == '_',
        }
    }

    /// Plural noun used in error messages ("only digits are allowed").
    pub fn describe(self) -> &'static str {
        match self {
            CharSet::N => "digits",
            CharSet::X => "GS1 character set 82 characters",
            CharSet::Y => "GS1 character set 39 characters",
            CharSet::Z => "base64url characters",
        }
    }
}

/// One component of an AI's data field, e.g. `N6,yymmd0` or `[X..17]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Component {
    /// Allowed characters.
    pub charset: CharSet,
    /// Minimum length (equal to `max` for fixed-length components).
    pub min: u8,
    /// Maximum length.
    pub max: u8,
    /// Whether the component may be omitted (written `[...]`).
    pub optional: bool,
    /// Syntax dictionary linter names applied to this component.
    pub linters: &'static [&'static str],
}

/// One Application Identifier from the syntax dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AiDef {
    /// The AI, e.g. `"01"` or `"3103"` (ranges are expanded).
    pub ai: &'static str,
    /// `*` flag: predefined length, no FNC1/GS separator needed after it.
    pub fixed_length: bool,
    /// `?` flag: may appear as a GS1 Digital Link data attribute (query parameter).
    pub dl_data_attribute: bool,
    /// The data field, component by component.
    pub components: &'static [Component],
    /// `req=` rules: every rule must hold; a rule holds when, for one of its
    /// alternatives, every `+`-joined pattern matches an AI in the message.
    pub req: &'static [&'static [&'static [&'static str]]],
    /// `ex=` patterns: AIs that may not appear together with this one.
    pub ex: &'static [&'static str],
    /// `dlpkey`: `None` if not a Digital Link primary key, otherwise the
    /// alternative ordered sequences of key qualifiers (empty: none accepted).
    pub dl_primary_key: Option<&'static [&'static [&'static str]]>,
    /// Data title, e.g. `"BATCH/LOT"`.
    pub title: &'static str,
}

impl AiDef {
    /// Minimum total value length (mandatory components only).
    pub fn min_len(&self) -> usize {
        self.components.iter().filter(|c| !c.optional).map(|c| usize::from(c.min)).sum()
    }

    /// Maximum total value length.
    pub fn max_len(&self) -> usize {
        self.components.iter().map(|c| usize::from(c.max)).sum()
    }
}

/// The whole generated table, sorted by AI.
pub fn table() -> &'static [AiDef] {
    AI_TABLE
}

/// The syntax dictionary release the table was generated from.
pub fn release() -> &'static str {
    crate::ai_table::DICTIONARY_RELEASE
}

/// Looks up an AI exactly, e.g. `lookup("3103")`.
pub fn lookup(ai: &str) -> Option<&'static AiDef> {
    AI_TABLE.binary_search_by(|d| d.ai.cmp(ai)).ok().map(|i| &AI_TABLE[i])
}

/// Finds the AI at the start of unbracketed data. GS1 AIs form a prefix-free
/// code, so at most one of the 2-, 3- and 4-digit prefixes can match.
pub fn lookup_prefix(data: &str) -> Option<&'static AiDef> {
    (2..=4).filter_map(|n| data.get(..n)).filter(|p| p.bytes().all(|b| b.is_ascii_digit())).find_map(lookup)
}

/// Whether an AI matches a `req=`/`ex=` pattern, where `n` stands for any digit.
pub fn pattern_matches(pattern: &str, ai: &str) -> bool {
    pattern.len() == ai.len()
        && pattern.bytes().zip(ai.bytes()).all(|(p, a)| p == a || (p == b'n' && a.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_has_no_duplicates() {
        assert!(AI_TABLE.windows(2).all(|w| w[0].ai < w[1].ai));
    }

    #[test]
    fn no_ai_is_a_prefix_of_another() {
        // Splitting unbracketed data relies on this.
        for a in AI_TABLE {
            for b in AI_TABLE {
                assert!(a.ai == b.ai || !b.ai.starts_with(a.ai), "{} / {}", a.ai, b.ai);
            }
        }
    }

    #[test]
    fn gtin_ai_has_the_expected_definition() {
        let d = lookup("01").unwrap();
        assert!(d.fixed_length && d.dl_data_attribute);
        assert_eq!(d.title, "GTIN");
        assert_eq!(d.components.len(), 1);
        assert_eq!(d.components[0].charset, CharSet::N);
        assert_eq!((d.components[0].min, d.components[0].max), (14, 14));
        assert_eq!(d.components[0].linters, &["csum", "gcppos2"]);
        assert_eq!(d.ex, &["255", "37"]);
        assert_eq!(d.dl_primary_key, Some(&[&["22", "10", "21"][..], &["235"][..]][..]));
    }

    #[test]
    fn ranges_are_expanded_into_single_ais() {
        for ai in ["3100", "3105", "91", "99", "3909"] {
            assert!(lookup(ai).is_some(), "{ai}");
        }
        assert!(lookup("3106").is_none());
        assert_eq!(lookup("3103").unwrap().title, "NET WEIGHT (kg)");
    }

    #[test]
    fn prefix_lookup_finds_ais_of_every_length() {
        assert_eq!(lookup_prefix("0109520123456788").unwrap().ai, "01");
        assert_eq!(lookup_prefix("4220").unwrap().ai, "422");
        assert_eq!(lookup_prefix("3103000195").unwrap().ai, "3103");
        assert!(lookup_prefix("2345").is_none());
        assert!(lookup_prefix("1").is_none());
    }

    #[test]
    fn multiple_req_attributes_are_kept_separately() {
        let d = lookup("250").unwrap();
        assert_eq!(d.req, &[&[&["01"][..], &["8006"][..]][..], &[&["21"][..]][..]]);
        assert_eq!(lookup("7004").unwrap().req, &[&[&["01", "10"][..]][..]]);
    }

    #[test]
    fn optional_components_do_not_count_towards_minimum_length() {
        let d = lookup("253").unwrap();
        assert_eq!((d.min_len(), d.max_len()), (13, 30));
    }

    #[test]
    fn n_in_a_pattern_matches_any_digit() {
        assert!(pattern_matches("31nn", "3103"));
        assert!(pattern_matches("310n", "3105"));
        assert!(!pattern_matches("310n", "3115"));
        assert!(!pattern_matches("01", "010"));
    }
}
