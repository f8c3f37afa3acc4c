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

/// Lowercase, without the accents of Latin scripts, for searching names ("lumiere" finds
/// "Lumière"); unlike [`fold`], punctuation and spaces stay as they are.
pub fn fold_latin(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
            'ł' | 'ľ' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'ř' => "r",
            'ś' | 'š' | 'ş' => "s",
            'ť' | 'ţ' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
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

/// Abbreviations written for a whole word in company names, folded to the word.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("intl", "international"),
    ("int", "international"),
    ("mfg", "manufacturing"),
    ("mfr", "manufacturing"),
    ("tech", "technology"),
    ("techn", "technology"),
    ("technologies", "technology"),
    ("trdg", "trading"),
    ("trd", "trading"),
    ("grp", "group"),
    ("svc", "services"),
    ("svcs", "services"),
    ("service", "services"),
    ("ind", "industrial"),
    ("industries", "industrial"),
    ("industry", "industrial"),
    ("elec", "electronics"),
    ("electronic", "electronics"),
    ("imp", "import"),
    ("exp", "export"),
    ("dev", "development"),
    ("hldgs", "holdings"),
    ("holding", "holdings"),
    ("bros", "brothers"),
    ("mgmt", "management"),
    ("natl", "national"),
    ("assoc", "associates"),
    ("ent", "enterprises"),
    ("enterprise", "enterprises"),
];

/// Words that join others and tell companies apart from nothing.
const JOINING_WORDS: &[&str] = &["and", "the", "of", "und", "et", "de", "des", "du", "la", "le", "les", "y", "e"];

/// Words so common in company names that a name made of one of them alone never raises a hit.
const COMMON_WORDS: &[&str] = &[
    "trading",
    "international",
    "global",
    "group",
    "industrial",
    "import",
    "export",
    "china",
    "shenzhen",
    "guangzhou",
    "shanghai",
    "hong",
    "kong",
    "hongkong",
    "holdings",
    "services",
    "logistics",
    "shipping",
    "technology",
    "electronics",
    "commerce",
    "commercial",
    "general",
    "world",
    "worldwide",
    "enterprises",
    "products",
    "manufacturing",
    "development",
    "investment",
    "supply",
    "europe",
    "asia",
    "fashion",
    "textile",
    "sports",
    "consulting",
    "solutions",
    "partners",
    "associates",
    "national",
    "management",
    "brothers",
];

/// The words of a company name that identify it: folded, legal forms and joining words out,
/// abbreviations written out.
fn company_words(name: &str) -> Vec<String> {
    // Initials written with dots ("S.r.l.", "B.V.") fold to single letters: put them back together.
    let mut words: Vec<String> = Vec::new();
    let mut initials = String::new();
    for w in fold(name).split(' ').filter(|w| !w.is_empty()) {
        if w.chars().count() == 1 {
            initials.push_str(w);
            continue;
        }
        if !initials.is_empty() {
            words.push(std::mem::take(&mut initials));
        }
        words.push(w.to_string());
    }
    if !initials.is_empty() {
        words.push(initials);
    }
    words
        .iter()
        .map(String::as_str)
        .filter(|w| !LEGAL_FORMS.contains(w) && !JOINING_WORDS.contains(w))
        .map(|w| ABBREVIATIONS.iter().find(|(a, _)| *a == w).map_or(w, |(_, full)| full).to_string())
        .collect()
}

/// The forms a company name is matched on, each with the name of its rule: the name as written
/// (legal forms out), the set of its words in any order, and that set with one pair of
/// neighbouring words written as one ("Bright Star" = "Brightstar"). Two names meet when one
/// form of each is equal. A form made of a single common word is left out: "Trading Ltd." alone
/// matches nothing.
pub fn company_forms(name: &str) -> Vec<(&'static str, String)> {
    let mut forms = forms_of_words(company_words(name));
    // German letters written out ("Müller" = "Mueller"), as registers outside Germany write them.
    let written_out = transliterate_german(name);
    if written_out != name {
        forms.extend(forms_of_words(company_words(&written_out)).into_iter().map(|(_, f)| ("transliterated", f)));
    }
    // One slip of the keyboard: the words' consonants in order, doubles once ("Sabel" = "Sable").
    // Only for names of two words or more, with enough consonants to tell names apart.
    let words = company_words(name);
    let skeletons: Vec<String> = words.iter().map(|w| consonant_skeleton(w)).collect();
    if words.len() >= 2 && skeletons.iter().map(String::len).sum::<usize>() >= 8 {
        let mut sorted = skeletons;
        sorted.sort_unstable();
        forms.push(("spelling", format!("~{}", sorted.join(" "))));
    }
    let mut seen = std::collections::HashSet::new();
    forms.retain(|(_, f)| seen.insert(f.clone()));
    forms
}

fn transliterate_german(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'Ä' => out.push_str("Ae"),
            'Ö' => out.push_str("Oe"),
            'Ü' => out.push_str("Ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// A word's consonants in order, each run of one letter once: what survives a swapped or
/// dropped vowel.
fn consonant_skeleton(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn forms_of_words(words: Vec<String>) -> Vec<(&'static str, String)> {
    let weak = |ws: &[String]| ws.len() == 1 && (COMMON_WORDS.contains(&ws[0].as_str()) || ws[0].len() < 3);
    let mut forms = Vec::new();
    if words.is_empty() || weak(&words) {
        return forms;
    }
    let sorted = |mut ws: Vec<String>| {
        ws.sort_unstable();
        ws.dedup();
        ws.join(" ")
    };
    forms.push(("name", words.join(" ")));
    forms.push(("word_set", sorted(words.clone())));
    for i in 0..words.len().saturating_sub(1) {
        let mut joined = words.clone();
        let right = joined.remove(i + 1);
        joined[i].push_str(&right);
        if !weak(&joined) {
            forms.push(("words_joined", sorted(joined)));
        }
    }
    forms
}

/// Whether two company names meet on one of their forms; the rule of the first form they share.
pub fn companies_meet(a: &str, b: &str) -> Option<&'static str> {
    let theirs = company_forms(b);
    company_forms(a).into_iter().find_map(|(rule, f)| theirs.iter().any(|(_, g)| *g == f).then_some(rule))
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

/// A bill of lading (or other transport document) reference: 4 to 35 letters and digits.
pub fn bill_of_lading(raw: &str) -> Result<String, String> {
    let r = reference(raw);
    if (4..=35).contains(&r.len()) {
        Ok(r)
    } else {
        Err(format!("'{raw}' is not a transport document number (4 to 35 letters and digits)."))
    }
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

/// A phone number in E.164 form (`+` and 8 to 15 digits); `00` counts as `+`.
pub fn phone(raw: &str) -> Result<String, String> {
    let compact: String = raw.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '/')).collect();
    let digits = compact.strip_prefix('+').or_else(|| compact.strip_prefix("00"));
    match digits {
        Some(d) if (8..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0') => {
            Ok(format!("+{d}"))
        }
        _ => Err(format!("'{raw}' is not an international phone number: + and country code, e.g. +33 6 12 34 56 78")),
    }
}

pub fn email(raw: &str) -> Result<String, String> {
    let e = raw.trim().to_lowercase();
    match e.split_once('@') {
        Some((local, domain)) if !local.is_empty() && web_domain(domain).is_ok() && !e.contains(' ') => Ok(e),
        _ => Err(format!("'{raw}' is not an e-mail address")),
    }
}

/// A web domain without scheme, path or `www.`.
pub fn web_domain(raw: &str) -> Result<String, String> {
    let mut d = raw.trim().to_lowercase();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = d.strip_prefix(scheme) {
            d = rest.to_string();
        }
    }
    let d = d.split(['/', '?', '#']).next().unwrap_or("").trim_end_matches('.');
    let d = d.strip_prefix("www.").unwrap_or(d);
    let labels: Vec<&str> = d.split('.').collect();
    let valid = labels.len() >= 2
        && d.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if valid {
        Ok(d.to_string())
    } else {
        Err(format!("'{raw}' is not a web domain such as example.com"))
    }
}

/// An IMO ship number: 7 digits, the last a check digit (weights 7 to 2, modulo 10).
pub fn imo_number(raw: &str) -> Result<String, String> {
    let t = raw.trim().to_ascii_uppercase();
    let digits: String = t.strip_prefix("IMO").unwrap_or(&t).chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("'{raw}' is not an IMO number: 7 digits, e.g. IMO 9074729"));
    }
    let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = d[..6].iter().zip([7, 6, 5, 4, 3, 2]).map(|(x, w)| x * w).sum();
    if sum % 10 != d[6] {
        return Err(format!("'{raw}' has the wrong check digit: the IMO rule gives {}", sum % 10));
    }
    Ok(digits)
}

/// An IBAN with its check digits verified (ISO 13616, modulo 97).
pub fn iban(raw: &str) -> Result<String, String> {
    let s = reference(raw);
    let b = s.as_bytes();
    if !(15..=34).contains(&b.len())
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..4].iter().all(u8::is_ascii_digit)
    {
        return Err(format!("'{raw}' is not an IBAN: country code, 2 check digits and up to 30 letters or digits"));
    }
    let rearranged = s[4..].chars().chain(s[..4].chars());
    let mut rem: u32 = 0;
    for c in rearranged {
        let v = c.to_digit(36).unwrap_or(0);
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    if rem != 1 {
        return Err(format!("'{raw}' has wrong IBAN check digits"));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_names_meet_across_word_order_spacing_legal_forms_and_abbreviations() {
        for (a, b) in [
            ("Shenzhen Brightstar Trading Co., Ltd.", "SHENZHEN BRIGHTSTAR TRADING COMPANY LIMITED"),
            ("Shenzhen Brightstar Trading Co., Ltd.", "Bright Star Trading (Shenzhen)"),
            ("Golden Dragon Intl Trdg", "golden dragon international trading ltd"),
            ("Nordic Mfg & Supply AB", "Nordic Manufacturing and Supply"),
        ] {
            assert!(companies_meet(a, b).is_some(), "{a} / {b}");
        }
        for (a, b) in [
            ("Golden Dragon Trading", "Golden Phoenix Trading"),
            ("Brightstar Trading", "Brightstar Logistics"),
            ("Trading Ltd", "Trading Company Limited"),
        ] {
            assert!(companies_meet(a, b).is_none(), "{a} / {b}");
        }
    }

    #[test]
    fn phones_mails_domains_ships_and_ibans() {
        assert_eq!(phone("+33 6 12 34 56 78").unwrap(), "+33612345678");
        assert_eq!(phone("0033 (6) 12-34-56-78").unwrap(), "+33612345678");
        assert!(phone("06 12 34 56 78").is_err());
        assert_eq!(email(" Info@Example.COM ").unwrap(), "info@example.com");
        assert!(email("no-at-sign").is_err());
        assert_eq!(web_domain("https://www.Fake-Bags.example/shop?id=1").unwrap(), "fake-bags.example");
        assert!(web_domain("localhost").is_err());
        assert_eq!(imo_number("IMO 9074729").unwrap(), "9074729");
        assert!(imo_number("IMO 9074728").unwrap_err().contains("check digit"));
        assert_eq!(iban("GB82 WEST 1234 5698 7654 32").unwrap(), "GB82WEST12345698765432");
        assert!(iban("GB83 WEST 1234 5698 7654 32").unwrap_err().contains("check digits"));
        assert!(iban("12345").is_err());
    }

    #[test]
    fn names_fold_accents_case_punctuation_and_legal_forms() {
        assert_eq!(fold("  Société Générale, S.A. "), "societe generale s a");
        assert_eq!(company_name("ACME Trading Ltd."), "acme trading");
        assert_eq!(company_name("Acme trading limited"), "acme trading");
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
