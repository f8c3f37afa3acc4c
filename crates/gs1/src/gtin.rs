//! GTIN — the Global Trade Item Number printed under EAN/UPC barcodes and
//! carried in AI (01). Owns length/format validation and normalisation to
//! the 14-digit form used in element strings and Digital Link URIs.

use std::fmt;

use crate::check_digit::verify_mod10;
use crate::Error;

/// Which GTIN format a number was received in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum GtinKind {
    /// 8 digits (EAN-8).
    Gtin8,
    /// 12 digits (UPC-A).
    Gtin12,
    /// 13 digits (EAN-13).
    Gtin13,
    /// 14 digits (ITF-14, GS1-128, DataBar, AI (01)).
    Gtin14,
}

/// A syntactically valid GTIN (right length, digits only, correct check digit).
///
/// It is kept exactly as received; use [`Gtin::to_gtin14`] to compare GTINs
/// of different lengths.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Gtin {
    digits: String,
    kind: GtinKind,
}

impl Gtin {
    /// Parses a GTIN-8, -12, -13 or -14.
    ///
    /// ```
    /// let g = gs1::Gtin::parse("4006381333931").unwrap();
    /// assert_eq!(g.to_gtin14(), "04006381333931");
    /// let e = gs1::Gtin::parse("4006381333932").unwrap_err();
    /// assert_eq!(e.to_string(), "GTIN 4006381333932: check digit should be 1, not 2");
    /// ```
    pub fn parse(input: &str) -> Result<Self, Error> {
        if input.is_empty() {
            return Err(Error::Empty);
        }
        if !input.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::GtinNotNumeric { input: input.to_owned() });
        }
        let kind = match input.len() {
            8 => GtinKind::Gtin8,
            12 => GtinKind::Gtin12,
            13 => GtinKind::Gtin13,
            14 => GtinKind::Gtin14,
            len => return Err(Error::GtinLength { len }),
        };
        match verify_mod10(input) {
            Ok(()) => Ok(Gtin { digits: input.to_owned(), kind }),
            Err(Some((expected, found))) => Err(Error::GtinCheckDigit { gtin: input.to_owned(), expected, found }),
            // Unreachable in practice: input is non-empty and all digits.
            Err(None) => Err(Error::GtinNotNumeric { input: input.to_owned() }),
        }
    }

    /// The digits as received.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// The format the GTIN was received in.
    pub fn kind(&self) -> GtinKind {
        self.kind
    }

    /// The GTIN left-padded with zeros to 14 digits, as in AI (01).
    pub fn to_gtin14(&self) -> String {
        format!("{:0>14}", self.digits)
    }

    /// The check digit (last digit).
    pub fn check_digit(&self) -> u8 {
        self.digits.as_bytes()[self.digits.len() - 1] - b'0'
    }

    /// The GS1 prefix: the first three digits of the GTIN-13 form (a UPC-A
    /// yields `0xx`; a GTIN-8 its own first three digits). It says which GS1
    /// member organisation issued the number (e.g. `400`–`440` GS1 Germany),
    /// *not* the country of origin of the goods.
    pub fn gs1_prefix(&self) -> String {
        match self.kind {
            GtinKind::Gtin8 => self.digits[..3].to_owned(),
            _ => self.to_gtin14()[1..4].to_owned(),
        }
    }
}

impl fmt::Display for Gtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

impl std::str::FromStr for Gtin {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Gtin::parse(s)
    }
}

/// Expands an 8-digit UPC-E (number system, six digits, check digit) to
/// the 12-digit UPC-A it abbreviates, the form that is its GTIN. `None`
/// if the input is not 8 digits with number system 0 or 1.
///
/// ```
/// assert_eq!(gs1::upc_e_to_upc_a("01234565").as_deref(), Some("012345000065"));
/// ```
pub fn upc_e_to_upc_a(upce: &str) -> Option<String> {
    let d = upce.as_bytes();
    if d.len() != 8 || !d.iter().all(u8::is_ascii_digit) || !matches!(d[0], b'0' | b'1') {
        return None;
    }
    let s = |r: std::ops::Range<usize>| &upce[r];
    // The last of the six digits says where the zeros were removed.
    let body = match d[6] {
        b'0'..=b'2' => format!("{}{}0000{}", s(1..3), s(6..7), s(3..6)),
        b'3' => format!("{}00000{}", s(1..4), s(4..6)),
        b'4' => format!("{}00000{}", s(1..5), s(5..6)),
        _ => format!("{}0000{}", s(1..6), s(6..7)),
    };
    Some(format!("{}{}{}", s(0..1), body, s(7..8)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gtin14_from_the_general_specifications_parses() {
        let g = Gtin::parse("09520123456788").unwrap();
        assert_eq!(g.kind(), GtinKind::Gtin14);
        assert_eq!(g.as_str(), "09520123456788");
        assert_eq!(g.check_digit(), 8);
    }

    #[test]
    fn gtin13_is_padded_to_fourteen_digits() {
        let g = Gtin::parse("4006381333931").unwrap();
        assert_eq!(g.kind(), GtinKind::Gtin13);
        assert_eq!(g.to_gtin14(), "04006381333931");
        assert_eq!(g.gs1_prefix(), "400");
    }

    #[test]
    fn gtin8_and_gtin12_are_accepted() {
        assert_eq!(Gtin::parse("96385074").unwrap().kind(), GtinKind::Gtin8);
        assert_eq!(Gtin::parse("96385074").unwrap().to_gtin14(), "00000096385074");
        let upc = Gtin::parse("036000291452").unwrap();
        assert_eq!(upc.kind(), GtinKind::Gtin12);
        assert_eq!(upc.gs1_prefix(), "003");
    }

    #[test]
    fn gtin13_with_wrong_check_digit_names_the_expected_digit() {
        let e = Gtin::parse("4006381333932").unwrap_err();
        assert_eq!(e, Error::GtinCheckDigit { gtin: "4006381333932".into(), expected: '1', found: '2' });
    }

    #[test]
    fn upc_e_expands_to_the_upc_a_it_abbreviates() {
        for (upce, upca) in [
            ("01234565", "012345000065"),
            ("01234531", "012300000451"),
            ("00123457", "001234000057"),
            ("04252614", "042100005264"),
        ] {
            assert_eq!(upc_e_to_upc_a(upce).as_deref(), Some(upca), "{upce}");
        }
        assert!(Gtin::parse("012300000451").is_ok());
        assert_eq!(upc_e_to_upc_a("21234565"), None);
        assert_eq!(upc_e_to_upc_a("0123456"), None);
    }

    #[test]
    fn gtin_of_eleven_digits_is_rejected_with_its_length() {
        assert_eq!(Gtin::parse("12345678901"), Err(Error::GtinLength { len: 11 }));
    }

    #[test]
    fn gtin_with_letters_is_rejected() {
        assert!(matches!(Gtin::parse("40063813339A1"), Err(Error::GtinNotNumeric { .. })));
        assert_eq!(Gtin::parse(""), Err(Error::Empty));
    }
}
