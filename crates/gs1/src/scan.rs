//! Classifying whatever a scanner or camera decoder hands over.
//!
//! Input may start with an AIM symbology identifier (`]C1` GS1-128, `]e0`
//! GS1 DataBar, `]d2` GS1 DataMatrix, `]Q3` GS1 QR, `]J1` GS1 DotCode,
//! `]E0`/`]E4` EAN/UPC, `]I1` ITF, `]Q1`/`]d1` plain 2D codes…) or be bare
//! text typed or pasted by an officer. [`parse_scan`] decides whether it is
//! a GTIN, a GS1 element string, a GS1 Digital Link, invalid GS1 data, or
//! something else entirely.

use std::fmt;

use crate::{DigitalLink, ElementString, Error, Gtin, GS};

/// An AIM symbology identifier such as `]C1`: `]`, a code letter and a modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(into = "String"))]
pub struct SymbologyId {
    /// Symbology code character, e.g. `C` (Code 128), `d` (Data Matrix).
    pub code: char,
    /// Modifier character, e.g. `1` (FNC1 in first position: GS1 data).
    pub modifier: char,
}

impl SymbologyId {
    /// Reads an identifier at the start of `input`; returns it and the rest.
    pub fn split(input: &str) -> Option<(SymbologyId, &str)> {
        let mut chars = input.chars();
        if chars.next() != Some(']') {
            return None;
        }
        let code = chars.next().filter(char::is_ascii_alphabetic)?;
        let modifier = chars.next().filter(char::is_ascii_alphanumeric)?;
        Some((SymbologyId { code, modifier }, &input[3..]))
    }

    /// Whether the symbology carries GS1 element strings (FNC1 mode).
    pub fn is_gs1_element_string(self) -> bool {
        matches!((self.code, self.modifier), ('C', '1') | ('e', '0') | ('d', '2') | ('Q', '3') | ('J', '1'))
    }

    /// Whether this is EAN/UPC (`]E0` EAN-13/UPC-A/UPC-E, `]E3` with add-on, `]E4` EAN-8).
    pub fn is_ean_upc(self) -> bool {
        self.code == 'E' && matches!(self.modifier, '0' | '3' | '4')
    }
}

impl fmt::Display for SymbologyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "]{}{}", self.code, self.modifier)
    }
}

impl From<SymbologyId> for String {
    fn from(s: SymbologyId) -> String {
        s.to_string()
    }
}

/// What a scan turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
pub enum Scan {
    /// A bare GTIN (EAN-13, EAN-8, UPC-A, ITF-14, or typed digits).
    Gtin {
        /// The GTIN as received.
        gtin: Gtin,
        /// Symbology identifier, if the input had one.
        symbology: Option<SymbologyId>,
    },
    /// A GS1 element string (GS1-128, GS1 DataMatrix, GS1 QR, DataBar…).
    ElementString {
        /// The AIs, each value validated.
        element_string: ElementString,
        /// `req=`/`ex=` violations. Not fatal: the syntax dictionary judges
        /// them over all barcodes on an item, and a second barcode (e.g.
        /// the EAN-13 beside a DataBar carrying only the batch) may supply
        /// what is missing.
        warnings: Vec<Error>,
        /// Symbology identifier, if the input had one.
        symbology: Option<SymbologyId>,
    },
    /// A GS1 Digital Link URI.
    DigitalLink {
        /// The parsed link.
        digital_link: DigitalLink,
        /// Symbology identifier, if the input had one.
        symbology: Option<SymbologyId>,
    },
    /// Data that presents itself as GS1 (GS1 symbology, EAN/UPC, bracketed
    /// AIs, a Digital Link path) but fails validation.
    Invalid {
        /// What is wrong.
        error: Error,
        /// Symbology identifier, if the input had one.
        symbology: Option<SymbologyId>,
    },
    /// Not GS1 data: free text, an ordinary URL, an unsupported symbology.
    Unrecognised {
        /// Why it was not recognised.
        reason: String,
        /// Symbology identifier, if the input had one.
        symbology: Option<SymbologyId>,
    },
}

impl Scan {
    /// The symbology identifier the input started with, if any.
    pub fn symbology(&self) -> Option<SymbologyId> {
        match self {
            Scan::Gtin { symbology, .. }
            | Scan::ElementString { symbology, .. }
            | Scan::DigitalLink { symbology, .. }
            | Scan::Invalid { symbology, .. }
            | Scan::Unrecognised { symbology, .. } => *symbology,
        }
    }

    /// The product's GTIN, wherever it came from (bare, AI (01), Digital Link).
    pub fn gtin(&self) -> Option<Gtin> {
        match self {
            Scan::Gtin { gtin, .. } => Some(gtin.clone()),
            Scan::ElementString { element_string, .. } => element_string.gtin(),
            Scan::DigitalLink { digital_link, .. } => digital_link.element_string.gtin(),
            Scan::Invalid { .. } | Scan::Unrecognised { .. } => None,
        }
    }

    /// The AIs carried, for GTINs as AI (01) with the GTIN padded to 14 digits.
    pub fn element_string(&self) -> Option<ElementString> {
        match self {
            Scan::Gtin { gtin, .. } => ElementString::from_pairs([("01", gtin.to_gtin14())]).ok(),
            Scan::ElementString { element_string, .. } => Some(element_string.clone()),
            Scan::DigitalLink { digital_link, .. } => Some(digital_link.to_element_string()),
            Scan::Invalid { .. } | Scan::Unrecognised { .. } => None,
        }
    }

    /// Whether GS1 data was read successfully.
    pub fn is_gs1(&self) -> bool {
        matches!(self, Scan::Gtin { .. } | Scan::ElementString { .. } | Scan::DigitalLink { .. })
    }
}

/// Classifies scanner output or typed input. Never panics, never fails:
/// anything it cannot use comes back as [`Scan::Invalid`] or
/// [`Scan::Unrecognised`] with an explanation.
///
/// ```
/// use gs1::{parse_scan, Scan};
/// let scan = parse_scan("]C1010952012345678817251231");
/// assert!(matches!(scan, Scan::ElementString { .. }));
/// assert_eq!(scan.gtin().unwrap().as_str(), "09520123456788");
/// assert!(matches!(parse_scan("]E04006381333931"), Scan::Gtin { .. }));
/// ```
pub fn parse_scan(input: &str) -> Scan {
    // Keyboard-wedge scanners usually end with CR and/or LF.
    let input = input.trim_end_matches(['\r', '\n']);
    match SymbologyId::split(input) {
        Some((sid, data)) => with_symbology(sid, data),
        // Typed or pasted input often carries stray spaces; GS1 data never does.
        None => bare(input.trim()),
    }
}

fn with_symbology(sid: SymbologyId, data: &str) -> Scan {
    let symbology = Some(sid);
    if sid.is_gs1_element_string() {
        return lenient(data, symbology);
    }
    if sid.is_ean_upc() {
        // ]E3 carries a 2- or 5-digit add-on (price, issue number) after
        // the main number; only the GTIN identifies the product.
        let main = match (sid.modifier, data.len()) {
            ('3', 15 | 18) => data.get(..13).unwrap_or(data),
            ('3', 10 | 13) => data.get(..8).unwrap_or(data),
            _ => data,
        };
        // Eight digits under ]E0 are a UPC-E (EAN-8 would be ]E4).
        if sid.modifier != '4' && main.len() == 8 {
            if let Some(upca) = crate::upc_e_to_upc_a(main) {
                return gtin_scan(&upca, symbology);
            }
        }
        return gtin_scan(main, symbology);
    }
    if sid.code == 'I' && data.len() == 14 {
        // ITF-14 carries a GTIN-14.
        return gtin_scan(data, symbology);
    }
    plain(data, symbology)
}

fn gtin_scan(data: &str, symbology: Option<SymbologyId>) -> Scan {
    match Gtin::parse(data) {
        Ok(gtin) => Scan::Gtin { gtin, symbology },
        Err(error) => Scan::Invalid { error, symbology },
    }
}

/// Non-GS1 symbologies: only a Digital Link URL or a GTIN typed as digits
/// are of interest; FNC1-less data is never an element string.
fn plain(data: &str, symbology: Option<SymbologyId>) -> Scan {
    if is_http(data) {
        return url(data, symbology);
    }
    if is_gtin_shaped(data) {
        if let Ok(gtin) = Gtin::parse(data) {
            return Scan::Gtin { gtin, symbology };
        }
    }
    let what = match symbology {
        Some(s) => format!("data from symbology {s} is not GS1 data"),
        None => "not GS1 data".to_owned(),
    };
    Scan::Unrecognised { reason: what, symbology }
}

fn bare(input: &str) -> Scan {
    let symbology = None;
    if input.trim().is_empty() {
        return Scan::Unrecognised { reason: "empty input".into(), symbology };
    }
    if is_http(input) {
        return url(input, symbology);
    }
    if is_gtin_shaped(input) {
        return gtin_scan(input, symbology);
    }
    if let Some(digits) = printed_gtin(input) {
        return gtin_scan(&digits, symbology);
    }
    // Brackets and GS only occur in GS1 data: read it like a GS1 symbol.
    if input.starts_with('(') || input.contains(GS) {
        return lenient(input, symbology);
    }
    // Digits alone could be anything; only a fully valid message counts.
    match ElementString::parse_raw(input) {
        Ok(element_string) => Scan::ElementString { element_string, warnings: Vec::new(), symbology },
        Err(error) => Scan::Unrecognised { reason: format!("not GS1 data ({error})"), symbology },
    }
}

fn lenient(data: &str, symbology: Option<SymbologyId>) -> Scan {
    match ElementString::parse_lenient(data) {
        Ok(element_string) => {
            Scan::ElementString { warnings: element_string.association_errors(), element_string, symbology }
        }
        Err(error) => Scan::Invalid { error, symbology },
    }
}

fn url(data: &str, symbology: Option<SymbologyId>) -> Scan {
    match DigitalLink::parse(data) {
        Ok(digital_link) => Scan::DigitalLink { digital_link, symbology },
        Err(Error::NoPrimaryKey { .. }) => {
            Scan::Unrecognised { reason: "a web address that is not a GS1 Digital Link".into(), symbology }
        }
        Err(error) => Scan::Invalid { error, symbology },
    }
}

fn is_http(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn is_gtin_shaped(s: &str) -> bool {
    matches!(s.len(), 8 | 12 | 13 | 14) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A GTIN typed as it is printed under the bars, in groups separated by spaces or dashes
/// ("2 000000 000008", "4-006381-333931"): its digits, when they make a GTIN's length.
fn printed_gtin(s: &str) -> Option<String> {
    let separated = s.bytes().any(|b| b == b' ' || b == b'-');
    let only_digits_and_separators = s.bytes().all(|b| b.is_ascii_digit() || b == b' ' || b == b'-');
    if !separated || !only_digits_and_separators || s.contains("  ") || s.contains("--") {
        return None;
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    is_gtin_shaped(&digits).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gtin_typed_as_printed_in_groups_is_read() {
        for typed in ["2 000000 000008", "4 006381 333931", "4-006381-333931", " 9 780201 379624 "] {
            assert!(matches!(parse_scan(typed), Scan::Gtin { .. }), "{typed:?}: {:?}", parse_scan(typed));
        }
        assert_eq!(parse_scan("4 006381 333931").gtin().unwrap().as_str(), "4006381333931");
        // A wrong check digit is still told, with the right one.
        assert!(matches!(parse_scan("4 006381 333932"), Scan::Invalid { error: Error::GtinCheckDigit { .. }, .. }));
        // Groups that do not make a GTIN's length, or that mix in letters, are not one.
        assert!(!matches!(parse_scan("12 34"), Scan::Gtin { .. }));
        assert!(!matches!(parse_scan("4 006381 33393A"), Scan::Gtin { .. }));
    }

    fn sid(s: &str) -> Option<SymbologyId> {
        SymbologyId::split(s).map(|(s, _)| s)
    }

    #[test]
    fn gs1_128_with_symbology_identifier_is_an_element_string() {
        let scan = parse_scan("]C10109520123456788\u{1D}");
        // A trailing GS is tolerated after a fixed-length AI.
        assert!(matches!(scan, Scan::ElementString { .. }), "{scan:?}");
        assert_eq!(scan.symbology(), sid("]C1"));
    }

    #[test]
    fn gs1_datamatrix_with_batch_serial_and_expiry_is_read() {
        let scan = parse_scan("]d201095201234567881725123110ABC\u{1D}21XYZ\r\n");
        let es = scan.element_string().unwrap();
        assert_eq!(es.to_bracketed(), "(01)09520123456788(17)251231(10)ABC(21)XYZ");
    }

    #[test]
    fn ean13_and_ean8_become_gtins() {
        let scan = parse_scan("]E04006381333931");
        assert_eq!(scan.gtin().unwrap().as_str(), "4006381333931");
        assert!(matches!(parse_scan("]E496385074"), Scan::Gtin { .. }));
        assert!(matches!(parse_scan("]E0036000291452"), Scan::Gtin { .. }));
    }

    #[test]
    fn upc_e_is_expanded_to_its_upc_a_gtin() {
        let scan = parse_scan("]E001234565");
        assert_eq!(scan.gtin().unwrap().as_str(), "012345000065");
    }

    #[test]
    fn typed_gtin_with_spaces_around_it_is_accepted() {
        assert!(matches!(parse_scan(" 4006381333931 \n"), Scan::Gtin { .. }));
    }

    #[test]
    fn ean13_with_add_on_keeps_only_the_gtin() {
        let scan = parse_scan("]E3978014001399312");
        assert_eq!(scan.gtin().unwrap().as_str(), "9780140013993");
    }

    #[test]
    fn ean13_with_bad_check_digit_is_invalid_not_unrecognised() {
        let scan = parse_scan("]E04006381333932");
        assert!(matches!(scan, Scan::Invalid { error: Error::GtinCheckDigit { .. }, .. }));
    }

    #[test]
    fn itf14_is_a_gtin() {
        assert!(matches!(parse_scan("]I130712345000010"), Scan::Gtin { .. }));
        assert!(matches!(parse_scan("]I00053611912"), Scan::Unrecognised { .. }));
    }

    #[test]
    fn plain_qr_with_a_digital_link_is_parsed_as_digital_link() {
        let scan = parse_scan("]Q1https://example.com/01/09520123456788?17=251231");
        assert!(matches!(scan, Scan::DigitalLink { .. }), "{scan:?}");
        assert_eq!(scan.gtin().unwrap().as_str(), "09520123456788");
    }

    #[test]
    fn ordinary_urls_and_free_text_are_unrecognised() {
        assert!(matches!(parse_scan("]Q1https://www.google.com"), Scan::Unrecognised { .. }));
        assert!(matches!(parse_scan("Hello World"), Scan::Unrecognised { .. }));
        assert!(matches!(parse_scan("]d1Hello World"), Scan::Unrecognised { .. }));
        assert!(matches!(parse_scan(""), Scan::Unrecognised { .. }));
    }

    #[test]
    fn bare_input_is_classified_by_its_shape() {
        assert!(matches!(parse_scan("09520123456788"), Scan::Gtin { .. }));
        assert!(matches!(parse_scan("(01)09520123456788(10)A1"), Scan::ElementString { .. }));
        assert!(matches!(parse_scan("0109520123456788\u{1D}"), Scan::ElementString { .. }));
        assert!(matches!(parse_scan("010952012345678810ABC"), Scan::ElementString { .. }));
        assert!(matches!(parse_scan("https://id.gs1.org/01/09520123456788"), Scan::DigitalLink { .. }));
        assert!(matches!(parse_scan("(17)251332"), Scan::Invalid { .. }));
        assert!(matches!(parse_scan("10123"), Scan::Unrecognised { .. }));
    }

    #[test]
    fn gs1_symbology_with_invalid_data_explains_the_problem() {
        match parse_scan("]C1010952012345678817251332") {
            Scan::Invalid { error, .. } => {
                assert_eq!(error.to_string(), "AI (17): 251332 is not a valid date")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn batch_alone_on_a_databar_is_read_with_a_missing_gtin_warning() {
        match parse_scan("]e010ABC\u{1D}11250101") {
            Scan::ElementString { warnings, .. } => {
                assert_eq!(warnings.len(), 2);
                assert!(matches!(warnings[0], Error::MissingRequired { .. }));
            }
            other => panic!("{other:?}"),
        }
        match parse_scan("]e00109520123456788") {
            Scan::ElementString { warnings, .. } => assert!(warnings.is_empty()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn symbology_identifier_needs_three_characters() {
        assert_eq!(SymbologyId::split("]C"), None);
        assert_eq!(sid("]C1").unwrap().to_string(), "]C1");
    }
}
