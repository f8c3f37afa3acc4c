//! GS1 element strings: sequences of (Application Identifier, value) pairs,
//! in the human-readable bracketed form `(01)09520123456788(10)ABC123` or
//! the raw form barcode scanners transmit, where variable-length values are
//! terminated by the group separator (GS, byte 0x1D, standing for FNC1).
//!
//! This module owns splitting both forms into AIs, validating every value
//! against the syntax dictionary (character set, length, linters), and the
//! message-wide rules: no conflicting duplicates, `req=` associations and
//! `ex=` exclusions.

use crate::dictionary::{self, AiDef, CharSet};
use crate::lint::{self, Failure};
use crate::{Error, Gtin};

/// The group separator (ASCII 29) that scanners send for FNC1.
pub const GS: char = '\u{1D}';

/// One Application Identifier and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AiValue {
    /// The AI, e.g. `"17"`.
    pub ai: String,
    /// The value, e.g. `"251231"`.
    pub value: String,
    /// The AI's data title from the syntax dictionary, e.g. `"USE BY or EXPIRY"`.
    pub title: &'static str,
}

/// A validated GS1 element string: AIs in the order received, each value
/// checked, duplicates removed, associations checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ElementString {
    /// The AIs, in order.
    pub ais: Vec<AiValue>,
}

impl ElementString {
    /// Parses either form: bracketed if the input starts with `(`,
    /// raw otherwise.
    pub fn parse(input: &str) -> Result<Self, Error> {
        if input.starts_with('(') {
            Self::parse_bracketed(input)
        } else {
            Self::parse_raw(input)
        }
    }

    /// Parses the bracketed form, e.g. `(01)09520123456788(17)251231`.
    ///
    /// A literal `(` inside a value may be written `\(`; an unescaped `(`
    /// that does not open a known-looking `(nn)`…`(nnnn)` AI is also taken
    /// as data.
    pub fn parse_bracketed(input: &str) -> Result<Self, Error> {
        Self::from_pairs(split_bracketed(input)?)
    }

    /// Parses the raw form as sent by a scanner (symbology identifier
    /// already removed): AIs concatenated, variable-length values ended by
    /// GS (0x1D). A leading GS (FNC1 in first position) is ignored.
    pub fn parse_raw(input: &str) -> Result<Self, Error> {
        Self::from_pairs(split_raw(input)?)
    }

    /// Like [`ElementString::parse`], but without the `req=`/`ex=` checks.
    ///
    /// The syntax dictionary says associations should be judged over all
    /// the barcodes on an item (e.g. a DataBar with the batch next to an
    /// EAN-13 with the GTIN), so one symbol alone may legitimately lack a
    /// required AI. Use [`ElementString::association_errors`] to report them.
    pub fn parse_lenient(input: &str) -> Result<Self, Error> {
        let pairs = if input.starts_with('(') { split_bracketed(input)? } else { split_raw(input)? };
        Self::build(pairs, false)
    }

    /// Builds and validates an element string from AI/value pairs: each
    /// value against the dictionary, then duplicates and associations.
    pub fn from_pairs<I, A, V>(pairs: I) -> Result<Self, Error>
    where
        I: IntoIterator<Item = (A, V)>,
        A: Into<String>,
        V: Into<String>,
    {
        Self::build(pairs, true)
    }

    fn build<I, A, V>(pairs: I, associations: bool) -> Result<Self, Error>
    where
        I: IntoIterator<Item = (A, V)>,
        A: Into<String>,
        V: Into<String>,
    {
        let mut ais: Vec<AiValue> = Vec::new();
        for (ai, value) in pairs {
            let (ai, value) = (ai.into(), value.into());
            let def = validate_value(&ai, &value)?;
            if let Some(prev) = ais.iter().find(|p| p.ai == ai) {
                if prev.value != value {
                    return Err(Error::Duplicate { ai, first: prev.value.clone(), second: value });
                }
                continue;
            }
            ais.push(AiValue { ai, value, title: def.title });
        }
        if ais.is_empty() {
            return Err(Error::Empty);
        }
        if associations {
            check_associations(&ais)?;
        }
        Ok(ElementString { ais })
    }

    /// Every `req=`/`ex=` violation in this element string (empty for
    /// anything built by the strict parsers).
    pub fn association_errors(&self) -> Vec<Error> {
        association_errors(&self.ais)
    }
    /// The bracketed form, `(` inside values escaped as `\(`.
    pub fn to_bracketed(&self) -> String {
        let mut out = String::new();
        for a in &self.ais {
            out.push('(');
            out.push_str(&a.ai);
            out.push(')');
            out.push_str(&a.value.replace('(', "\\("));
        }
        out
    }

    /// The raw form (no leading FNC1), with GS only after variable-length
    /// values that are followed by another AI.
    pub fn to_raw(&self) -> String {
        let mut out = String::new();
        for (i, a) in self.ais.iter().enumerate() {
            out.push_str(&a.ai);
            out.push_str(&a.value);
            let fixed = dictionary::lookup(&a.ai).is_some_and(|d| d.fixed_length);
            if !fixed && i + 1 < self.ais.len() {
                out.push(GS);
            }
        }
        out
    }

    /// The value of an AI, if present.
    pub fn get(&self, ai: &str) -> Option<&str> {
        self.ais.iter().find(|a| a.ai == ai).map(|a| a.value.as_str())
    }

    /// The GTIN in AI (01), if present.
    pub fn gtin(&self) -> Option<Gtin> {
        self.get("01").and_then(|v| Gtin::parse(v).ok())
    }
}

/// Splits the bracketed form into (AI, value) pairs, unvalidated.
fn split_bracketed(input: &str) -> Result<Vec<(String, String)>, Error> {
    if input.is_empty() {
        return Err(Error::Empty);
    }
    let mut pairs = Vec::new();
    let mut rest = input;
    while !rest.is_empty() {
        let ai = bracketed_ai(rest)
            .ok_or_else(|| Error::Syntax { message: format!("expected an AI in brackets such as (01) at {rest:?}") })?;
        rest = &rest[ai.len() + 2..];
        let mut value = String::new();
        loop {
            if let Some(after) = rest.strip_prefix("\\(") {
                value.push('(');
                rest = after;
            } else if rest.is_empty() || bracketed_ai(rest).is_some() {
                break;
            } else {
                let c = rest.chars().next().unwrap_or_default();
                value.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        pairs.push((ai.to_owned(), value));
    }
    Ok(pairs)
}

/// Splits the raw GS-separated form into (AI, value) pairs, unvalidated.
fn split_raw(input: &str) -> Result<Vec<(String, String)>, Error> {
    let mut rest = input.strip_prefix(GS).unwrap_or(input);
    if rest.is_empty() {
        return Err(Error::Empty);
    }
    let mut pairs = Vec::new();
    while !rest.is_empty() {
        let def =
            dictionary::lookup_prefix(rest).ok_or_else(|| Error::UnknownAi { ai: rest.chars().take(4).collect() })?;
        rest = &rest[def.ai.len()..];
        let end = if def.fixed_length {
            // Predefined length: the value ends after its last component,
            // or earlier if the data (or a stray GS) runs out first.
            let gs = rest.find(GS).unwrap_or(rest.len());
            char_boundary_at(rest, def.max_len()).min(gs)
        } else {
            rest.find(GS).unwrap_or(rest.len())
        };
        pairs.push((def.ai.to_owned(), rest[..end].to_owned()));
        rest = &rest[end..];
        // A separator after a fixed-length value is redundant but harmless.
        rest = rest.strip_prefix(GS).unwrap_or(rest);
    }
    Ok(pairs)
}

/// If `s` starts with `(` + 2–4 digits + `)`, the digits.
fn bracketed_ai(s: &str) -> Option<&str> {
    let inner = s.strip_prefix('(')?;
    let close = inner.find(')')?;
    let ai = &inner[..close];
    ((2..=4).contains(&ai.len()) && ai.bytes().all(|b| b.is_ascii_digit())).then_some(ai)
}

/// Byte index after `n` characters of `s` (or `s.len()`).
fn char_boundary_at(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// Validates one value against its AI's definition and returns the definition.
pub fn validate_value(ai: &str, value: &str) -> Result<&'static AiDef, Error> {
    let def = dictionary::lookup(ai).ok_or_else(|| Error::UnknownAi { ai: ai.to_owned() })?;
    if value.is_empty() {
        return Err(Error::EmptyValue { ai: ai.to_owned() });
    }
    let chars: Vec<char> = value.chars().collect();
    let length_error =
        || Error::Length { ai: ai.to_owned(), value: value.to_owned(), min: def.min_len(), max: def.max_len() };
    if chars.len() < def.min_len() || chars.len() > def.max_len() {
        return Err(length_error());
    }
    let mut pos = 0;
    for comp in def.components {
        let remaining = chars.len() - pos;
        if remaining == 0 && comp.optional {
            break;
        }
        let take = if comp.min == comp.max { usize::from(comp.max) } else { remaining.min(usize::from(comp.max)) };
        if take > remaining || take < usize::from(comp.min) {
            return Err(length_error());
        }
        let part = &chars[pos..pos + take];
        check_charset(ai, value, comp.charset, part, pos)?;
        let part: String = part.iter().collect();
        for &linter in comp.linters {
            match lint::run(linter, &part) {
                Ok(()) => {}
                Err(Failure::CheckDigit(expected, found)) => {
                    return Err(Error::CheckDigit { ai: ai.to_owned(), expected, found })
                }
                Err(Failure::Problem(problem)) => {
                    return Err(Error::Lint { ai: ai.to_owned(), value: part, linter, problem })
                }
            }
        }
        pos += take;
    }
    if pos != chars.len() {
        return Err(length_error());
    }
    Ok(def)
}

fn check_charset(ai: &str, value: &str, charset: CharSet, part: &[char], offset: usize) -> Result<(), Error> {
    // Base64url may end in `=` padding, nowhere else.
    let padding_from =
        if charset == CharSet::Z { part.iter().rposition(|&c| c != '=').map_or(0, |i| i + 1) } else { part.len() };
    for (i, &c) in part.iter().enumerate() {
        if !(charset.contains(c) || i >= padding_from) {
            return Err(Error::Charset {
                ai: ai.to_owned(),
                value: value.to_owned(),
                ch: c,
                position: offset + i,
                charset: charset.describe(),
            });
        }
    }
    Ok(())
}

/// Checks `req=` and `ex=` across a whole message; the first violation.
pub fn check_associations(ais: &[AiValue]) -> Result<(), Error> {
    match association_errors(ais).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// All `req=` and `ex=` violations across a whole message.
pub fn association_errors(ais: &[AiValue]) -> Vec<Error> {
    let mut errors = Vec::new();
    let present = |pattern: &str| ais.iter().any(|a| dictionary::pattern_matches(pattern, &a.ai));
    for a in ais {
        let Some(def) = dictionary::lookup(&a.ai) else {
            continue;
        };
        for rule in def.req {
            if !rule.iter().any(|alt| alt.iter().all(|p| present(p))) {
                errors.push(Error::MissingRequired { ai: a.ai.clone(), requires: describe_rule(rule) });
            }
        }
        for pattern in def.ex {
            // An AI never excludes itself, even if it matches the pattern.
            if let Some(other) = ais.iter().find(|o| o.ai != a.ai && dictionary::pattern_matches(pattern, &o.ai)) {
                errors.push(Error::MutuallyExclusive { ai: a.ai.clone(), other: other.ai.clone() });
            }
        }
    }
    errors
}

fn describe_rule(rule: &[&[&str]]) -> String {
    let alts: Vec<String> = rule
        .iter()
        .map(|alt| alt.iter().map(|p| format!("AI ({})", p.replace('n', "x"))).collect::<Vec<_>>().join(" with "))
        .collect();
    alts.join(" or ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const GS_S: &str = "\u{1D}";

    fn ais(es: &ElementString) -> Vec<(&str, &str)> {
        es.ais.iter().map(|a| (a.ai.as_str(), a.value.as_str())).collect()
    }

    #[test]
    fn bracketed_string_with_gtin_batch_and_expiry_parses_in_order() {
        let es = ElementString::parse("(01)09520123456788(10)ABC123(17)251231").unwrap();
        assert_eq!(ais(&es), [("01", "09520123456788"), ("10", "ABC123"), ("17", "251231")]);
        assert_eq!(es.ais[1].title, "BATCH/LOT");
        assert_eq!(es.gtin().unwrap().as_str(), "09520123456788");
    }

    #[test]
    fn raw_string_splits_fixed_length_ais_without_separators() {
        let es = ElementString::parse_raw("010952012345678817251231").unwrap();
        assert_eq!(ais(&es), [("01", "09520123456788"), ("17", "251231")]);
    }

    #[test]
    fn raw_string_uses_gs_to_end_variable_length_values() {
        let raw = format!("{GS_S}010952012345678810ABC123{GS_S}21XYZ");
        let es = ElementString::parse_raw(&raw).unwrap();
        assert_eq!(ais(&es), [("01", "09520123456788"), ("10", "ABC123"), ("21", "XYZ")]);
        assert_eq!(es.to_raw(), format!("010952012345678810ABC123{GS_S}21XYZ"));
        assert_eq!(es.to_bracketed(), "(01)09520123456788(10)ABC123(21)XYZ");
    }

    #[test]
    fn sscc_from_the_general_specifications_is_valid() {
        let es = ElementString::parse("(00)106141411234567897").unwrap();
        assert_eq!(es.get("00"), Some("106141411234567897"));
    }

    #[test]
    fn wrong_gtin_check_digit_names_the_ai_and_expected_digit() {
        let e = ElementString::parse("(01)09520123456783").unwrap_err();
        assert_eq!(e.to_string(), "AI (01): check digit should be 8, not 3");
    }

    #[test]
    fn impossible_expiry_date_is_reported_as_invalid_date() {
        let e = ElementString::parse("(01)09520123456788(17)251332").unwrap_err();
        assert_eq!(e.to_string(), "AI (17): 251332 is not a valid date");
    }

    #[test]
    fn expiry_day_zero_means_end_of_month_and_is_accepted() {
        assert!(ElementString::parse("(01)09520123456788(17)251200").is_ok());
    }

    #[test]
    fn letters_in_a_numeric_ai_are_rejected_with_position() {
        let e = ElementString::parse("(01)0952012345678A").unwrap_err();
        assert!(matches!(e, Error::Charset { ch: 'A', position: 13, .. }), "{e}");
    }

    #[test]
    fn too_long_batch_is_rejected() {
        let e = ElementString::parse("(01)09520123456788(10)123456789012345678901").unwrap_err();
        assert!(matches!(e, Error::Length { min: 1, max: 20, .. }), "{e}");
        assert!(e.to_string().contains("too long"));
    }

    #[test]
    fn batch_without_a_product_key_violates_req() {
        let e = ElementString::parse("(10)ABC").unwrap_err();
        assert!(matches!(e, Error::MissingRequired { .. }));
        assert!(e.to_string().starts_with("AI (10) must be accompanied by AI (01) or"));
    }

    #[test]
    fn gtin_and_made_to_order_gtin_are_mutually_exclusive() {
        let e = ElementString::parse("(01)09520123456788(03)09520123456788").unwrap_err();
        assert_eq!(e.to_string(), "AI (03) may not be used together with AI (01)");
    }

    #[test]
    fn two_net_weights_in_the_same_unit_are_exclusive_but_one_is_fine() {
        assert!(ElementString::parse("(01)09520123456788(3103)000195").is_ok());
        assert!(ElementString::parse("(01)09520123456788(3103)000195(3102)001950").is_err());
    }

    #[test]
    fn duplicate_ai_with_different_values_is_an_error_but_repeat_is_dropped() {
        let e = ElementString::parse("(01)09520123456788(10)A(10)B").unwrap_err();
        assert_eq!(e.to_string(), "AI (10) appears twice with different values: A and B");
        let es = ElementString::parse("(01)09520123456788(10)A(10)A").unwrap();
        assert_eq!(es.ais.len(), 2);
    }

    #[test]
    fn unknown_ai_is_reported() {
        assert_eq!(ElementString::parse("(23)12").unwrap_err(), Error::UnknownAi { ai: "23".into() });
        assert!(matches!(ElementString::parse_raw("2312"), Err(Error::UnknownAi { .. })));
    }

    #[test]
    fn country_of_origin_must_be_an_iso_code() {
        assert!(ElementString::parse("(01)09520123456788(422)276").is_ok());
        let e = ElementString::parse("(01)09520123456788(422)999").unwrap_err();
        assert_eq!(e.to_string(), "AI (422): 999 is not an ISO 3166 country code");
    }

    #[test]
    fn amount_with_currency_checks_the_iso4217_code() {
        // 3912 requires 8020, which requires 415.
        assert!(ElementString::parse("(415)9520123456788(8020)REF1(3912)97812345").is_ok());
        let e = ElementString::parse("(415)9520123456788(8020)REF1(3912)00012345").unwrap_err();
        assert_eq!(e.to_string(), "AI (3912): 000 is not an ISO 4217 currency code");
    }

    #[test]
    fn parentheses_in_values_survive_a_bracketed_round_trip() {
        let es = ElementString::from_pairs([("01", "09520123456788"), ("10", "A(10)B")]).unwrap();
        let text = es.to_bracketed();
        assert_eq!(text, "(01)09520123456788(10)A\\(10)B");
        assert_eq!(ElementString::parse(&text).unwrap(), es);
    }

    #[test]
    fn gs1_digital_signature_allows_base64url_padding_only_at_the_end() {
        assert!(validate_value("8030", "abc-_==").is_ok());
        assert!(validate_value("8030", "ab=c").is_err());
    }

    #[test]
    fn optional_components_may_be_omitted_but_not_truncated() {
        assert!(validate_value("7007", "250101").is_ok());
        assert!(validate_value("7007", "250101250131").is_ok());
        assert!(validate_value("7007", "250101250").is_err());
    }

    #[test]
    fn empty_input_and_empty_values_are_errors() {
        assert_eq!(ElementString::parse(""), Err(Error::Empty));
        assert_eq!(ElementString::parse_raw(GS_S), Err(Error::Empty));
        assert_eq!(ElementString::parse("(01)09520123456788(10)"), Err(Error::EmptyValue { ai: "10".into() }));
    }
}
