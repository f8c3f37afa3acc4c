//! Turns the text of the GS1 Barcode Syntax Dictionary into the Rust source
//! of `src/ai_table.rs`.
//!
//! This is a pure text-to-text function so that the generator example and
//! the staleness test share one implementation; the dictionary file itself
//! stays outside the repository.
//!
//! Regenerate with:
//!
//! ```text
//! cargo run -p gs1 --example generate_ai_table -- \
//!     ../shared/testdata/gs1/gs1-syntax-dictionary.txt > crates/gs1/src/ai_table.rs
//! ```

use std::fmt::Write as _;

/// One dictionary line, with its AI range already expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Single AI.
    pub ai: String,
    /// `*` flag.
    pub fixed_length: bool,
    /// `?` flag.
    pub dl_data_attribute: bool,
    /// Components.
    pub components: Vec<ComponentSpec>,
    /// `req=` rules → alternatives → `+`-joined patterns.
    pub req: Vec<Vec<Vec<String>>>,
    /// All `ex=` patterns.
    pub ex: Vec<String>,
    /// `dlpkey` alternatives (`Some(vec![])` for a bare `dlpkey`).
    pub dlpkey: Option<Vec<Vec<String>>>,
    /// Title (may be empty).
    pub title: String,
}

/// One parsed component such as `[N3],iso3166`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentSpec {
    /// `N`, `X`, `Y` or `Z`.
    pub charset: char,
    /// Minimum length.
    pub min: u8,
    /// Maximum length.
    pub max: u8,
    /// Written in brackets.
    pub optional: bool,
    /// Linter names.
    pub linters: Vec<String>,
}

/// Parses the dictionary text. Errors name the offending line.
pub fn parse(text: &str) -> Result<(Option<String>, Vec<Entry>), String> {
    let mut release = None;
    let mut entries = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(r) = comment.trim().strip_prefix("Release:") {
                release.get_or_insert_with(|| r.trim().to_owned());
            }
            continue;
        }
        if line.is_empty() {
            continue;
        }
        let mut parsed = parse_line(line).map_err(|e| format!("line {}: {e}: {raw}", n + 1))?;
        entries.append(&mut parsed);
    }
    entries.sort_by(|a, b| a.ai.cmp(&b.ai));
    if let Some(w) = entries.windows(2).find(|w| w[0].ai == w[1].ai) {
        return Err(format!("AI {} is defined twice", w[0].ai));
    }
    Ok((release, entries))
}

fn parse_line(line: &str) -> Result<Vec<Entry>, String> {
    let (body, title) = match line.split_once('#') {
        Some((b, t)) => (b, t.trim()),
        None => (line, ""),
    };
    let mut tokens = body.split_whitespace().peekable();
    let ais = expand_range(tokens.next().ok_or("no AI")?)?;

    let mut fixed_length = false;
    let mut dl_data_attribute = false;
    if let Some(flags) = tokens.next_if(|t| t.chars().all(|c| c.is_ascii_punctuation() && c != '[')) {
        fixed_length = flags.contains('*');
        dl_data_attribute = flags.contains('?');
    }

    let mut components = Vec::new();
    while let Some(t) = tokens.next_if(|t| t.starts_with(['N', 'X', 'Y', 'Z', '['])) {
        components.push(parse_component(t)?);
    }
    if components.is_empty() {
        return Err("no specification".into());
    }

    let mut req = Vec::new();
    let mut ex = Vec::new();
    let mut dlpkey = None;
    for attr in tokens {
        let (key, value) = attr.split_once('=').unwrap_or((attr, ""));
        match key {
            "req" => req.push(value.split(',').map(|alt| alt.split('+').map(str::to_owned).collect()).collect()),
            "ex" => ex.extend(value.split(',').map(str::to_owned)),
            "dlpkey" if value.is_empty() => dlpkey = Some(Vec::new()),
            "dlpkey" => {
                dlpkey = Some(value.split('|').map(|seq| seq.split(',').map(str::to_owned).collect()).collect())
            }
            // Attributes added by future releases are not needed for validation.
            _ => {}
        }
    }

    Ok(ais
        .into_iter()
        .map(|ai| Entry {
            ai,
            fixed_length,
            dl_data_attribute,
            components: components.clone(),
            req: req.clone(),
            ex: ex.clone(),
            dlpkey: dlpkey.clone(),
            title: title.to_owned(),
        })
        .collect())
}

fn expand_range(token: &str) -> Result<Vec<String>, String> {
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match token.split_once('-') {
        None if numeric(token) => Ok(vec![token.to_owned()]),
        Some((from, to)) if numeric(from) && numeric(to) && from.len() == to.len() => {
            let width = from.len();
            let a: u32 = from.parse().map_err(|_| "bad AI range")?;
            let b: u32 = to.parse().map_err(|_| "bad AI range")?;
            if a > b {
                return Err("bad AI range".into());
            }
            Ok((a..=b).map(|n| format!("{n:0width$}")).collect())
        }
        _ => Err(format!("bad AI {token:?}")),
    }
}

fn parse_component(token: &str) -> Result<ComponentSpec, String> {
    let optional = token.starts_with('[');
    // Brackets enclose the type only, e.g. `[N3],iso3166`.
    let unbracketed: String = token.chars().filter(|&c| c != '[' && c != ']').collect();
    let mut parts = unbracketed.split(',');
    let ty = parts.next().unwrap_or_default();
    let mut chars = ty.chars();
    let charset = chars.next().ok_or("empty component")?;
    let len = chars.as_str();
    let parse_len = |s: &str| s.parse::<u8>().map_err(|_| format!("bad length in {token:?}"));
    let (min, max) = match len.split_once("..") {
        Some(("", max)) => (1, parse_len(max)?),
        Some((min, max)) => (parse_len(min)?, parse_len(max)?),
        None => {
            let n = parse_len(len)?;
            (n, n)
        }
    };
    if !"NXYZ".contains(charset) || min > max || max == 0 {
        return Err(format!("bad component {token:?}"));
    }
    Ok(ComponentSpec { charset, min, max, optional, linters: parts.map(str::to_owned).collect() })
}

/// Generates the complete `src/ai_table.rs` source from the dictionary text.
pub fn generate_ai_table(text: &str) -> Result<String, String> {
    let (release, entries) = parse(text)?;
    let release = release.unwrap_or_default();
    let mut out = String::new();
    let w = &mut out;
    // Writing to a String cannot fail; the results are ignored deliberately.
    let _ = writeln!(
        w,
        "//! Application Identifier table generated from the GS1 Barcode Syntax\n\
         //! Dictionary, release {release}. Do not edit by hand; regenerate with\n\
         //! `cargo run -p gs1 --example generate_ai_table -- PATH > crates/gs1/src/ai_table.rs`\n\
         //! (a test fails while this file is stale).\n\
         \n\
         use crate::dictionary::{{AiDef, CharSet::*, Component}};\n\
         \n\
         /// Release line of the dictionary this table was generated from.\n\
         pub(crate) const DICTIONARY_RELEASE: &str = {release:?};\n\
         \n\
         /// Every AI, sorted, ranges expanded.\n\
         pub(crate) static AI_TABLE: &[AiDef] = &["
    );
    for e in &entries {
        let components: Vec<String> = e
            .components
            .iter()
            .map(|c| {
                format!(
                    "Component {{ charset: {}, min: {}, max: {}, optional: {}, linters: &[{}] }}",
                    c.charset,
                    c.min,
                    c.max,
                    c.optional,
                    quoted_list(&c.linters)
                )
            })
            .collect();
        let req: Vec<String> = e
            .req
            .iter()
            .map(|rule| {
                let alts: Vec<String> = rule.iter().map(|alt| format!("&[{}]", quoted_list(alt))).collect();
                format!("&[{}]", alts.join(", "))
            })
            .collect();
        let dlpkey = match &e.dlpkey {
            None => "None".to_owned(),
            Some(alts) => {
                let alts: Vec<String> = alts.iter().map(|seq| format!("&[{}]", quoted_list(seq))).collect();
                format!("Some(&[{}])", alts.join(", "))
            }
        };
        let _ = writeln!(
            w,
            "    AiDef {{ ai: {:?}, fixed_length: {}, dl_data_attribute: {}, components: &[{}], req: &[{}], ex: &[{}], dl_primary_key: {}, title: {:?} }},",
            e.ai,
            e.fixed_length,
            e.dl_data_attribute,
            components.join(", "),
            req.join(", "),
            quoted_list(&e.ex),
            dlpkey,
            e.title
        );
    }
    let _ = writeln!(w, "];");
    Ok(out)
}

fn quoted_list(items: &[String]) -> String {
    items.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_with_flags_components_attributes_and_title_is_parsed() {
        let e = &parse_line("01  *?  N14,csum,gcppos2  ex=255,37 dlpkey=22,10,21|235  # GTIN").unwrap()[0];
        assert_eq!(e.ai, "01");
        assert!(e.fixed_length && e.dl_data_attribute);
        assert_eq!(e.components[0].linters, ["csum", "gcppos2"]);
        assert_eq!(e.ex, ["255", "37"]);
        assert_eq!(e.dlpkey, Some(vec![vec!["22".into(), "10".into(), "21".into()], vec!["235".into()]]));
        assert_eq!(e.title, "GTIN");
    }

    #[test]
    fn optional_components_keep_their_linters() {
        let e = &parse_line("423 ? N3,iso3166 [N3],iso3166 req=01,02 # X").unwrap()[0];
        assert!(e.components[1].optional);
        assert_eq!(e.components[1].linters, ["iso3166"]);
        assert_eq!((e.components[1].min, e.components[1].max), (3, 3));
    }

    #[test]
    fn a_line_without_flags_or_title_is_parsed() {
        let e = &parse_line("8110        ?  X..70,couponcode").unwrap()[0];
        assert_eq!(e.title, "");
        let e = &parse_line("21             X..20   req=01,03,8006 ex=235  # SERIAL").unwrap()[0];
        assert!(!e.fixed_length && !e.dl_data_attribute);
        assert_eq!((e.components[0].min, e.components[0].max), (1, 20));
    }

    #[test]
    fn ranges_keep_leading_zeros_and_width() {
        assert_eq!(expand_range("91-93").unwrap(), ["91", "92", "93"]);
        assert!(expand_range("9-10").is_err());
    }

    #[test]
    fn malformed_components_are_reported() {
        assert!(parse_line("99 ? Q..5 # BAD").is_err());
        assert!(parse_line("99 ? # BAD").is_err());
    }
}
