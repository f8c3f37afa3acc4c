//! Normal forms of the identifiers that cases, alerts and operations are matched on, so that
//! "ACME Trading Ltd." and "acme trading limited" or "MSKU 907032-3" and "MSKU9070323" meet.

use unicode_normalization::UnicodeNormalization;

/// Lower case, accents removed, punctuation to spaces, single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)) {
        let c = match c {
            'ß' => 's',
            'ø' | 'Ø' => 'o',
            'æ' | 'Æ' => 'a',
            'ł' | 'Ł' => 'l',
            'đ' | 'Đ' => 'd',
            other => other,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_string()
}

/// Words that only say what legal form a company has.
const LEGAL_FORMS: &[&str] = &[
    "ltd",
    "limited",
    "llc",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "plc",
    "sarl",
    "sa",
    "sas",
    "sasu",
    "eurl",
    "gmbh",
    "ag",
    "kg",
    "ug",
    "bv",
    "nv",
    "srl",
    "spa",
    "sl",
    "oy",
    "ab",
    "as",
    "aps",
    "sp",
    "zoo",
    "kft",
    "sro",
    "pte",
    "pty",
    "bhd",
    "sdn",
    "lp",
    "llp",
    "jsc",
    "ooo",
    "trading",
    "intl",
    "international",
    "the",
];

/// A company or party name with its legal-form words removed, for matching.
pub fn company_name(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty() && !LEGAL_FORMS.contains(w)).collect();
    if words.is_empty() {
        folded
    } else {
        words.join(" ")
    }
}

/// A person's name with diacritics and word order folded: "Müller, Hans" = "hans muller".
pub fn person_name(name: &str) -> String {
    let folded = fold(name);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    words.sort_unstable();
    words.join(" ")
}

/// Upper-case letters and digits only, for references typed with spaces, dashes or dots.
pub fn reference(text: &str) -> String {
    text.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

/// A container number checked against ISO 6346 (owner code, category, serial, check digit).
pub fn container_number(raw: &str) -> Result<String, String> {
    let s = reference(raw);
    let b = s.as_bytes();
    if b.len() != 11
        || !b[..3].iter().all(u8::is_ascii_uppercase)
        || !matches!(b[3], b'U' | b'J' | b'Z')
        || !b[4..].iter().all(u8::is_ascii_digit)
    {
        return Err(format!(
            "'{raw}' is not a container number: four letters (the fourth U, J or Z) and seven digits, e.g. MSKU9070323"
        ));
    }
    let value = |c: u8| -> u32 {
        if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            // Letters count from 10 upwards, skipping the multiples of 11.
            (10..).filter(|v| v % 11 != 0).nth(usize::from(c - b'A')).unwrap_or(0)
        }
    };
    let sum: u32 = b[..10].iter().enumerate().map(|(i, &c)| value(c) << i).sum();
    let check = (sum % 11) % 10;
    if u32::from(b[10] - b'0') != check {
        return Err(format!("'{raw}' has the wrong check digit: ISO 6346 gives {check} for {}", &s[..10]));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_accents_case_punctuation_and_legal_forms() {
        assert_eq!(fold("  Société Générale, S.A. "), "societe generale s a");
        assert_eq!(company_name("ACME Trading Ltd."), "acme");
        assert_eq!(company_name("acme limited"), "acme");
        assert_eq!(company_name("Müller GmbH"), "muller");
        assert_eq!(company_name("Ltd"), "ltd", "a name that is only a legal form stays");
        assert_eq!(person_name("MÜLLER, Hans"), person_name("hans muller"));
    }

    #[test]
    fn container_numbers_carry_an_iso_6346_check_digit() {
        assert_eq!(container_number("MSKU 907032-3").unwrap(), "MSKU9070323");
        assert_eq!(container_number("CSQU3054383").unwrap(), "CSQU3054383");
        assert_eq!(container_number("maeu 123456 7").unwrap(), "MAEU1234567");
        assert!(container_number("MSKU9070324").unwrap_err().contains("check digit"));
        assert!(container_number("MSK9070323").unwrap_err().contains("four letters"));
    }
}
