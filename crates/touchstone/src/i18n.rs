//! The message catalogue: every user-facing string of the pages, in English and French.
//!
//! Catalogues are TOML files compiled into the binary; a test checks that both have exactly
//! the same keys and the same `{placeholders}`, so a page can never show a missing string.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::domain::types::Language;

const EN: &str = include_str!("../locales/en.toml");
const FR: &str = include_str!("../locales/fr.toml");

type Catalogue = HashMap<String, String>;

fn flatten(prefix: &str, table: &toml::Table, out: &mut Catalogue) {
    for (k, v) in table {
        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            toml::Value::Table(t) => flatten(&key, t, out),
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            other => panic!("message {key} must be a string, not {other:?}"),
        }
    }
}

fn parse(text: &str) -> Catalogue {
    let table: toml::Table = text.parse().expect("message catalogue is valid TOML");
    let mut out = Catalogue::new();
    flatten("", &table, &mut out);
    out
}

fn catalogues() -> &'static [Catalogue; 2] {
    static C: OnceLock<[Catalogue; 2]> = OnceLock::new();
    C.get_or_init(|| [parse(EN), parse(FR)])
}

/// Messages in one language, handed to every page template.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Language,
}

impl Tr {
    pub fn new(lang: Language) -> Self {
        Tr { lang }
    }

    /// The message for `key`; the key itself if missing (the catalogue test prevents that).
    pub fn t<'a>(&self, key: &'a str) -> &'a str
    where
        'static: 'a,
    {
        let idx = match self.lang {
            Language::En => 0,
            Language::Fr => 1,
        };
        catalogues()[idx].get(key).map(String::as_str).unwrap_or(key)
    }

    /// The message with `{name}` placeholders filled in.
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.t(key).to_string();
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    /// The name of a value of a closed set, e.g. `label("role", Role::Officer)` → "Officer".
    pub fn label(&self, set: &str, value: impl std::fmt::Display) -> String {
        self.t(&format!("{set}.{value}")).to_string()
    }

    /// A translated sentence for an error code, falling back to the error's own English text.
    pub fn error(&self, code: &str, fallback: &str) -> String {
        let key = format!("error.{code}");
        let idx = usize::from(self.lang == Language::Fr);
        catalogues()[idx].get(&key).cloned().unwrap_or_else(|| fallback.to_string())
    }

    pub fn code(&self) -> &'static str {
        self.lang.as_str()
    }
}

/// The preferred supported language of an `Accept-Language` header, by quality.
pub fn negotiate(accept_language: &str) -> Option<Language> {
    let mut best: Option<(f32, Language)> = None;
    for part in accept_language.split(',') {
        let mut pieces = part.trim().split(';');
        let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        if let Ok(lang) = Language::parse(primary) {
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
    }
    best.map(|(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n)).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn english_and_french_catalogues_have_the_same_keys_and_placeholders() {
        let [en, fr] = catalogues();
        let mut missing: Vec<String> =
            en.keys().filter(|k| !fr.contains_key(*k)).map(|k| format!("fr lacks {k}")).collect();
        missing.extend(fr.keys().filter(|k| !en.contains_key(*k)).map(|k| format!("en lacks {k}")));
        for (k, v) in en {
            if let Some(f) = fr.get(k) {
                if placeholders(v) != placeholders(f) {
                    missing.push(format!("{k}: placeholders differ"));
                }
                if f.trim().is_empty() {
                    missing.push(format!("{k}: empty in French"));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
        assert!(en.len() > 50, "the catalogue holds the pages' strings");
    }

    #[test]
    fn every_key_used_in_templates_and_code_exists() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
        let mut used = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for call in ["tr.t(\"", "tr.f(\""] {
                for piece in text.split(call).skip(1) {
                    used.push(piece.split('"').next().unwrap().to_string());
                }
            }
        }
        assert!(!used.is_empty());
        let [en, _] = catalogues();
        let unknown: Vec<&String> = used.iter().filter(|k| !en.contains_key(*k)).collect();
        assert!(unknown.is_empty(), "keys used but not in the catalogue: {unknown:?}");
    }

    #[test]
    fn every_role_kind_and_language_has_a_label_in_both_languages() {
        use crate::domain::types::{OrgKind, Role};
        for tr in [Tr::new(Language::En), Tr::new(Language::Fr)] {
            let keys = Role::ALL
                .iter()
                .map(|r| format!("role.{r}"))
                .chain(OrgKind::ALL.iter().map(|k| format!("kind.{k}")))
                .chain(Language::ALL.iter().map(|l| format!("language.{l}")));
            for key in keys {
                assert_ne!(tr.t(&key), key, "{key} has no {:?} label", tr.lang);
            }
        }
    }

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(negotiate("fr-CA,fr;q=0.9,en;q=0.8"), Some(Language::Fr));
        assert_eq!(negotiate("de-DE,en;q=0.5,fr;q=0.7"), Some(Language::Fr));
        assert_eq!(negotiate("de"), None);
    }
}
