//! GS1 Digital Link URIs (uncompressed form) on any domain, e.g.
//! `https://example.com/01/09520123456788/10/ABC%2F1?17=251231`.
//!
//! This module owns URI splitting, percent-decoding, locating the primary
//! key after an arbitrary path prefix, checking key qualifiers against the
//! `dlpkey=` sequences of the syntax dictionary, and reading AI data
//! attributes from the query string. The result converts to the same
//! [`ElementString`] a barcode would give.

use crate::dictionary::{self, AiDef};
use crate::{AiValue, ElementString, Error};

/// A parsed and validated GS1 Digital Link URI.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DigitalLink {
    /// Host (and port, if any), e.g. `id.gs1.org`.
    pub host: String,
    /// Path segments before the primary key, e.g. `/some/prefix` (empty if none).
    pub path_prefix: String,
    /// The primary key, e.g. AI (01) with a GTIN padded to 14 digits.
    pub primary_key: AiValue,
    /// Key qualifiers from the path, in order (e.g. (22), (10), (21)).
    pub qualifiers: Vec<AiValue>,
    /// AI data attributes from the query string, in order.
    pub attributes: Vec<AiValue>,
    /// Query parameters that are not AIs (e.g. `linkType`), kept but not interpreted.
    pub other_params: Vec<(String, String)>,
    /// Everything above as one validated element string.
    pub element_string: ElementString,
}

impl DigitalLink {
    /// Parses an `http://` or `https://` GS1 Digital Link URI.
    pub fn parse(uri: &str) -> Result<Self, Error> {
        let rest = strip_scheme(uri).ok_or_else(|| Error::Syntax {
            message: "a GS1 Digital Link URI starts with http:// or https://".into(),
        })?;
        // Fragments never carry GS1 data.
        let rest = rest.split('#').next().unwrap_or_default();
        let (before_query, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (host, path) = match before_query.find('/') {
            Some(i) => before_query.split_at(i),
            None => (before_query, ""),
        };
        if host.is_empty() {
            return Err(Error::Syntax { message: "the URI has no host".into() });
        }

        let mut segments: Vec<&str> = path.split('/').skip(1).collect();
        if segments.last() == Some(&"") {
            segments.pop();
        }
        let start = find_primary_key(&segments).ok_or_else(|| Error::NoPrimaryKey { path: path.to_owned() })?;
        let path_prefix = if start == 0 { String::new() } else { format!("/{}", segments[..start].join("/")) };

        let mut pairs: Vec<(&'static AiDef, String)> = Vec::new();
        for pair in segments[start..].chunks(2) {
            // find_primary_key guarantees pairs of known AIs.
            let def = dictionary::lookup(pair[0]).ok_or_else(|| Error::UnknownAi { ai: pair[0].to_owned() })?;
            pairs.push((def, percent_decode(pair[1])?));
        }
        let (key_def, mut key_value) = pairs.remove(0);
        if key_def.ai == "01" && matches!(key_value.len(), 8 | 12 | 13) {
            // GTIN-8/12/13 may appear in the path; AI (01) is always 14 digits.
            key_value = format!("{key_value:0>14}");
        }
        check_qualifiers(key_def, &pairs)?;

        let mut attributes = Vec::new();
        let mut other_params = Vec::new();
        for param in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = param.split_once('=').unwrap_or((param, ""));
            if !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) {
                let def = dictionary::lookup(k).ok_or_else(|| Error::UnknownAi { ai: k.to_owned() })?;
                if !def.dl_data_attribute {
                    return Err(Error::NotADataAttribute { ai: k.to_owned() });
                }
                attributes.push((def, percent_decode(v)?));
            } else {
                other_params.push((percent_decode(k)?, percent_decode(v)?));
            }
        }

        let all = std::iter::once((key_def, key_value.clone()))
            .chain(pairs.iter().cloned())
            .chain(attributes.iter().cloned())
            .map(|(d, v)| (d.ai, v));
        let element_string = ElementString::from_pairs(all)?;
        let to_ai = |(d, v): (&'static AiDef, String)| AiValue { ai: d.ai.to_owned(), value: v, title: d.title };
        Ok(DigitalLink {
            host: host.to_owned(),
            path_prefix,
            primary_key: to_ai((key_def, key_value)),
            qualifiers: pairs.into_iter().map(to_ai).collect(),
            attributes: attributes.into_iter().map(to_ai).collect(),
            other_params,
            element_string,
        })
    }

    /// The AIs as an element string (primary key, qualifiers, attributes).
    pub fn to_element_string(&self) -> ElementString {
        self.element_string.clone()
    }

    /// Rebuilds a canonical URI on `base` (e.g. `https://id.gs1.org`),
    /// without the non-AI parameters.
    pub fn to_uri(&self, base: &str) -> String {
        let mut uri = base.trim_end_matches('/').to_owned();
        for a in std::iter::once(&self.primary_key).chain(&self.qualifiers) {
            uri.push('/');
            uri.push_str(&a.ai);
            uri.push('/');
            uri.push_str(&percent_encode(&a.value));
        }
        for (i, a) in self.attributes.iter().enumerate() {
            uri.push(if i == 0 { '?' } else { '&' });
            uri.push_str(&a.ai);
            uri.push('=');
            uri.push_str(&percent_encode(&a.value));
        }
        uri
    }
}

fn strip_scheme(uri: &str) -> Option<&str> {
    ["https://", "http://"].iter().find_map(|scheme| {
        uri.get(..scheme.len()).filter(|s| s.eq_ignore_ascii_case(scheme)).map(|_| &uri[scheme.len()..])
    })
}

/// Index of the primary key AI segment: the leftmost segment that is a
/// `dlpkey` AI and is followed only by (known AI, value) pairs. Anything
/// before it is a path prefix chosen by the resolver's owner.
fn find_primary_key(segments: &[&str]) -> Option<usize> {
    let is_ai = |s: &str| s.bytes().all(|b| b.is_ascii_digit()) && dictionary::lookup(s).is_some();
    (0..segments.len()).find(|&i| {
        (segments.len() - i) % 2 == 0
            && dictionary::lookup(segments[i]).is_some_and(|d| d.dl_primary_key.is_some())
            && segments[i..].iter().step_by(2).all(|s| is_ai(s))
    })
}

fn check_qualifiers(key: &AiDef, qualifiers: &[(&'static AiDef, String)]) -> Result<(), Error> {
    let Some(first) = qualifiers.first() else {
        return Ok(());
    };
    let sequences = key.dl_primary_key.unwrap_or_default();
    let not_allowed = |q: &AiDef| Error::QualifierNotAllowed { key: key.ai.to_owned(), qualifier: q.ai.to_owned() };
    // The first qualifier picks the alternative sequence; the rest must
    // follow it in that sequence's order without mixing alternatives.
    let seq = sequences.iter().find(|s| s.contains(&first.0.ai)).ok_or_else(|| not_allowed(first.0))?;
    let mut last: Option<usize> = None;
    for (q, _) in qualifiers {
        match seq.iter().position(|&a| a == q.ai) {
            Some(p) if last.is_none_or(|l| p > l) => last = Some(p),
            Some(_) => return Err(Error::QualifierOrder { key: key.ai.to_owned(), qualifier: q.ai.to_owned() }),
            None => return Err(not_allowed(q)),
        }
    }
    Ok(())
}

/// Decodes `%xx` escapes; the result must be UTF-8. `+` is left as is
/// (Digital Link does not use form encoding).
pub fn percent_decode(s: &str) -> Result<String, Error> {
    let bad = || Error::PercentEncoding { text: s.to_owned() };
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or_else(bad)?;
            let hex = std::str::from_utf8(hex).map_err(|_| bad())?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| bad())?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| bad())
}

/// Percent-encodes everything outside RFC 3986 unreserved characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ais(es: &ElementString) -> Vec<(&str, &str)> {
        es.ais.iter().map(|a| (a.ai.as_str(), a.value.as_str())).collect()
    }

    #[test]
    fn uri_with_qualifier_and_attributes_on_any_domain_parses() {
        let dl = DigitalLink::parse("https://example.com/01/09520123456788/10/ABC%2F1?17=251231&3103=000195").unwrap();
        assert_eq!(dl.host, "example.com");
        assert_eq!(dl.path_prefix, "");
        assert_eq!(dl.primary_key.value, "09520123456788");
        assert_eq!(dl.qualifiers[0].value, "ABC/1");
        assert_eq!(
            ais(&dl.to_element_string()),
            [("01", "09520123456788"), ("10", "ABC/1"), ("17", "251231"), ("3103", "000195")]
        );
    }

    #[test]
    fn path_prefix_before_the_primary_key_is_kept_aside() {
        let dl = DigitalLink::parse("https://id.example.org/some/prefix/01/09520123456788/21/12345").unwrap();
        assert_eq!(dl.path_prefix, "/some/prefix");
        assert_eq!(dl.qualifiers[0].ai, "21");
    }

    #[test]
    fn gtin13_in_the_path_is_padded_to_fourteen_digits() {
        let dl = DigitalLink::parse("https://id.gs1.org/01/4006381333931").unwrap();
        assert_eq!(dl.primary_key.value, "04006381333931");
    }

    #[test]
    fn qualifiers_out_of_order_are_rejected() {
        let e = DigitalLink::parse("https://id.gs1.org/01/09520123456788/21/S1/10/B1").unwrap_err();
        assert_eq!(e, Error::QualifierOrder { key: "01".into(), qualifier: "10".into() });
    }

    #[test]
    fn qualifier_from_another_alternative_or_key_is_rejected() {
        let e = DigitalLink::parse("https://id.gs1.org/01/09520123456788/10/B1/235/X").unwrap_err();
        assert!(matches!(e, Error::QualifierNotAllowed { .. }), "{e}");
        let e = DigitalLink::parse("https://id.gs1.org/00/106141411234567897/10/B1").unwrap_err();
        assert!(matches!(e, Error::QualifierNotAllowed { .. }), "{e}");
    }

    #[test]
    fn non_ai_query_parameters_are_reported_but_ignored() {
        let dl = DigitalLink::parse("https://id.gs1.org/01/09520123456788?linkType=gs1:pip&17=251231").unwrap();
        assert_eq!(dl.other_params, [("linkType".to_owned(), "gs1:pip".to_owned())]);
        assert_eq!(dl.attributes[0].ai, "17");
    }

    #[test]
    fn serial_number_is_not_allowed_as_a_query_attribute() {
        let e = DigitalLink::parse("https://id.gs1.org/01/09520123456788?21=123").unwrap_err();
        assert_eq!(e, Error::NotADataAttribute { ai: "21".into() });
    }

    #[test]
    fn url_without_a_primary_key_is_rejected() {
        let e = DigitalLink::parse("https://www.gs1.org/standards").unwrap_err();
        assert!(matches!(e, Error::NoPrimaryKey { .. }));
    }

    #[test]
    fn bad_check_digit_in_the_path_is_reported_like_in_a_barcode() {
        let e = DigitalLink::parse("https://example.com/01/09520123456783").unwrap_err();
        assert_eq!(e.to_string(), "AI (01): check digit should be 8, not 3");
    }

    #[test]
    fn sscc_and_gln_with_extension_are_primary_keys() {
        assert!(DigitalLink::parse("https://example.com/00/106141411234567897").is_ok());
        assert!(DigitalLink::parse("https://example.com/414/9520123456788/254/32a%2Fb").is_ok());
    }

    #[test]
    fn uri_round_trips_through_to_uri() {
        let dl = DigitalLink::parse("HTTPS://example.com/01/09520123456788/10/ABC%2F1?17=251231").unwrap();
        let again = DigitalLink::parse(&dl.to_uri("https://id.gs1.org/")).unwrap();
        assert_eq!(again.element_string, dl.element_string);
    }

    #[test]
    fn malformed_percent_escapes_are_rejected() {
        assert!(percent_decode("%2").is_err());
        assert!(percent_decode("%zz").is_err());
        assert!(percent_decode("%FF").is_err());
        assert_eq!(percent_decode("a%20b+c").unwrap(), "a b+c");
    }
}
