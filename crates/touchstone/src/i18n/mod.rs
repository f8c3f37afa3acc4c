//! The message catalogue: every sentence a person reads, in English, French, Spanish and Arabic,
//! plus a pseudo-locale that shows which words of a page did not come from here.
//!
//! Catalogues are Fluent files (`locales/*.ftl`, <https://projectfluent.org/>) compiled into the
//! binary and read by `fluent-bundle`, so plural rules and other grammatical choices live in the
//! translation (`{ $count -> [one] … *[other] … }`), not in code. The code names a message by a
//! dotted key, `tr.t("nav.home")`, which is the Fluent identifier `nav-home`. A test checks that
//! every language has every message with the same `$variables`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::domain::types::Language;

mod country_zones;
pub mod sentence;
pub mod time;

pub use sentence::Sentence;

const SOURCES: [(Language, &str); 4] = [
    (Language::En, include_str!("../../locales/en.ftl")),
    (Language::Fr, include_str!("../../locales/fr.ftl")),
    (Language::Es, include_str!("../../locales/es.ftl")),
    (Language::Ar, include_str!("../../locales/ar.ftl")),
];

/// One language's messages.
struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    /// Every message formatted without arguments, by dotted key: what [`Tr::t`] hands out.
    plain: HashMap<String, String>,
}

fn source(lang: Language) -> &'static str {
    let wanted = if lang == Language::Qps { Language::En } else { lang };
    SOURCES.iter().find(|(l, _)| *l == wanted).map(|(_, s)| *s).expect("every language has a source")
}

fn load(lang: Language) -> Catalogue {
    let tag = if lang == Language::Qps { "en" } else { lang.as_str() };
    let langid: unic_langid::LanguageIdentifier = tag.parse().expect("language tags are valid");
    let resource = FluentResource::try_new(source(lang).to_string())
        .unwrap_or_else(|(_, errors)| panic!("locales/{lang}.ftl does not parse: {errors:?}"));
    let ids: Vec<String> = message_ids(&resource);
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Unicode isolation marks around each argument keep a Latin reference or a number in its
    // own direction inside an Arabic sentence; in left-to-right languages they are only noise.
    bundle.set_use_isolating(lang == Language::Ar);
    if lang == Language::Qps {
        bundle.set_transform(Some(pseudo));
    }
    bundle.add_resource(resource).expect("message identifiers are unique");
    let plain = ids
        .into_iter()
        .map(|id| {
            let text = format(&bundle, &id, None).unwrap_or_else(|| id.clone());
            (id.replace('-', "."), text)
        })
        .collect();
    Catalogue { bundle, plain }
}

fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

fn format(bundle: &FluentBundle<FluentResource>, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = message.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    // Without arguments (the plain text of every message, made once at start) a message's
    // `$variables` are expected to be missing: only a formatting with arguments can be wrong.
    if !errors.is_empty() && args.is_some() {
        tracing::warn!(id, ?errors, "message formatted with errors");
    }
    Some(text.into_owned())
}

fn catalogue(lang: Language) -> &'static Catalogue {
    static ALL: OnceLock<Vec<(Language, Catalogue)>> = OnceLock::new();
    let all = ALL.get_or_init(|| Language::ALL.iter().map(|l| (*l, load(*l))).collect());
    &all.iter().find(|(l, _)| *l == lang).expect("every language is loaded").1
}

const PSEUDO_UPPER: [char; 26] = [
    'Ȧ', 'Ɓ', 'Ƈ', 'Ḓ', 'Ḗ', 'Ƒ', 'Ɠ', 'Ħ', 'Ī', 'Ĵ', 'Ķ', 'Ŀ', 'Ḿ', 'Ƞ', 'Ǿ', 'Ƥ', 'Ɋ', 'Ř', 'Ş', 'Ŧ', 'Ŭ', 'Ṽ', 'Ẇ',
    'Ẋ', 'Ẏ', 'Ẑ',
];
const PSEUDO_LOWER: [char; 26] = [
    'ȧ', 'ƀ', 'ƈ', 'ḓ', 'ḗ', 'ƒ', 'ɠ', 'ħ', 'ī', 'ĵ', 'ķ', 'ŀ', 'ḿ', 'ƞ', 'ǿ', 'ƥ', 'ɋ', 'ř', 'ş', 'ŧ', 'ŭ', 'ṽ', 'ẇ',
    'ẋ', 'ẏ', 'ẑ',
];

/// The pseudo-locale's text: each ASCII letter an accented one, vowels doubled, so that an
/// English word left on a page stands out and a layout is tried on longer text.
fn pseudo(text: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(text.len() * 3);
    for c in text.chars() {
        let mapped = match c {
            'A'..='Z' => PSEUDO_UPPER[c as usize - 'A' as usize],
            'a'..='z' => PSEUDO_LOWER[c as usize - 'a' as usize],
            other => other,
        };
        out.push(mapped);
        if "aeiouAEIOU".contains(c) {
            out.push(mapped);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is one of the pseudo-locale's letters (so a word of them came from the catalogue).
pub fn is_pseudo_letter(c: char) -> bool {
    PSEUDO_UPPER.contains(&c) || PSEUDO_LOWER.contains(&c)
}

/// An argument of a message: text, or a number (which plural rules and number formats see).
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}
impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n as f64)
    }
}
impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}
impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Number(n as f64)
    }
}
impl From<i32> for Arg<'_> {
    fn from(n: i32) -> Self {
        Arg::Number(f64::from(n))
    }
}
impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Number(f64::from(n))
    }
}

/// Messages in one language, and moments in one time zone: the reader's, handed to every
/// page template.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Language,
    zone: &'static jiff::tz::TimeZone,
}

impl Tr {
    /// A reader of `lang` who reads times in UTC (a visitor; a test).
    pub fn new(lang: Language) -> Self {
        Tr { lang, zone: time::utc() }
    }

    pub fn with_zone(lang: Language, zone: &'static jiff::tz::TimeZone) -> Self {
        Tr { lang, zone }
    }

    /// The message for `key`; the key itself if missing (the catalogue test prevents that).
    pub fn t<'a>(&self, key: &'a str) -> &'a str
    where
        'static: 'a,
    {
        self.lookup(key).unwrap_or(key)
    }

    /// The message for `key`, if the catalogue has one.
    pub fn lookup(&self, key: &str) -> Option<&'static str> {
        catalogue(self.lang).plain.get(key).map(String::as_str)
    }

    /// The message with its `$variables` filled in from text.
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, Arg)> = args.iter().map(|(n, v)| (*n, Arg::from(*v))).collect();
        self.fmt(key, &args)
    }

    /// The message with its `$variables` filled in; numbers choose plural forms.
    pub fn fmt(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.to_string())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        format(&catalogue(self.lang).bundle, &key.replace('.', "-"), Some(&fluent_args))
            .unwrap_or_else(|| key.to_string())
    }

    /// The name of a value of a closed set, e.g. `label("role", Role::Officer)` → "Officer".
    pub fn label(&self, set: &str, value: impl std::fmt::Display) -> String {
        self.t(&format!("{set}.{value}")).to_string()
    }

    /// A translated sentence for an error code, falling back to the error's own English text.
    pub fn error(&self, code: crate::error::ErrorCode, fallback: &str) -> String {
        self.lookup(&format!("error.{code}")).map_or_else(|| fallback.to_string(), str::to_string)
    }

    /// The sentence of an error in the reader's language, with its dynamic parts; the error's
    /// own English sentence when the catalogue has no message for its code (a test keeps that
    /// from happening for the codes the code base uses).
    pub fn error_of(&self, e: &crate::error::AppError) -> String {
        let key = format!("error.{}", e.code());
        if self.lookup(&key).is_none() {
            return e.public_message();
        }
        let args: Vec<(&str, Arg)> = e.args().iter().map(|(n, v)| (*n, Arg::from(v.as_str()))).collect();
        self.fmt(&key, &args)
    }

    pub fn code(&self) -> &'static str {
        self.lang.as_str()
    }

    /// `ltr` or `rtl`, for the page's `dir`.
    pub fn direction(&self) -> &'static str {
        self.lang.direction()
    }

    /// A number as the reader's language writes it: `1,234.5` in English, `1 234,5` in French,
    /// `1.234,5` in Spanish; at most two decimals, none for a whole number.
    pub fn number(&self, v: f64) -> String {
        let decimals = if v.fract() == 0.0 && v.abs() < 1e15 { 0 } else { 2 };
        self.grouped(v, decimals)
    }

    /// An amount of money: always two decimals (the currency is written beside it).
    pub fn amount(&self, v: f64) -> String {
        self.grouped(v, 2)
    }

    fn grouped(&self, v: f64, decimals: usize) -> String {
        let (group, decimal) = match self.lang {
            Language::Fr => ("\u{202f}", ","),
            Language::Es => (".", ","),
            Language::En | Language::Ar | Language::Qps => (",", "."),
        };
        let text = format!("{:.*}", decimals, v.abs());
        let (whole, fraction) = text.split_once('.').map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
        // Spanish does not group four-digit numbers (CLDR's minimum grouping digits of 2).
        let min_grouped = if self.lang == Language::Es { 5 } else { 4 };
        let mut out = String::new();
        if v < 0.0 {
            out.push('-');
        }
        if whole.len() >= min_grouped {
            for (i, c) in whole.chars().enumerate() {
                if i > 0 && (whole.len() - i) % 3 == 0 {
                    out.push_str(group);
                }
                out.push(c);
            }
        } else {
            out.push_str(whole);
        }
        if let Some(f) = fraction {
            out.push_str(decimal);
            out.push_str(f);
        }
        out
    }

    /// Who did something, as recorded (`actor_label`): a person's name as it is; the console, a
    /// visitor not signed in and a background worker named in this reader's language.
    pub fn actor(&self, label: &str) -> String {
        match label {
            "cli" => self.t("audit.console").to_string(),
            // Steps a case takes by itself: the legal regime's deadlines, the alert matcher.
            "regime" => self.t("audit.regime").to_string(),
            "alerts" => self.t("audit.alerts").to_string(),
            "anonymous" => self.t("audit.anonymous").to_string(),
            label => match label.strip_prefix("system: ") {
                Some(worker) => self.f("audit.system", &[("worker", worker)]),
                None => label.to_string(),
            },
        }
    }

    /// A label followed by the colon of the reader's language (French puts a no-break space
    /// before it): "Outcome:", « Décision : ».
    pub fn labelled(&self, key: &str) -> String {
        format!("{}{}", self.t(key), self.t("punctuation.colon"))
    }

    /// A kept sentence in this reader's language.
    pub fn say(&self, sentence: &Sentence) -> String {
        sentence.render(self)
    }

    /// The languages a reader may switch to.
    pub fn offered(&self) -> &'static [Language] {
        Language::OFFERED
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
        if let Some(lang) = Language::parse(primary) {
            if q > 0.0 && Language::OFFERED.contains(&lang) && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
    }
    best.map(|(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each message's `$variables`, by identifier.
    fn variables(lang: Language) -> HashMap<String, Vec<String>> {
        let resource = FluentResource::try_new(source(lang).to_string()).expect("parses");
        let mut out = HashMap::new();
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let mut vars = Vec::new();
                if let Some(p) = &m.value {
                    collect_variables(p, &mut vars);
                }
                vars.sort_unstable();
                vars.dedup();
                out.insert(m.id.name.to_string(), vars);
            }
        }
        out
    }

    fn collect_variables(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
        use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                let (inline, variants) = match expression {
                    Expression::Inline(i) => (i, None),
                    Expression::Select { selector, variants } => (selector, Some(variants)),
                };
                if let InlineExpression::VariableReference { id } = inline {
                    out.push(id.name.to_string());
                }
                for v in variants.into_iter().flatten() {
                    collect_variables(&v.value, out);
                }
            }
        }
    }

    #[test]
    fn every_language_has_every_message_with_the_same_variables() {
        let english = variables(Language::En);
        assert!(english.len() > 50, "the catalogue holds the pages' strings");
        let mut problems = Vec::new();
        for lang in [Language::Fr, Language::Es, Language::Ar] {
            let other = variables(lang);
            for (id, vars) in &english {
                match other.get(id) {
                    None => problems.push(format!("{lang} lacks {id}")),
                    Some(v) if v != vars => problems.push(format!("{lang} {id}: variables {v:?}, English {vars:?}")),
                    Some(_) => {}
                }
            }
            problems.extend(
                other.keys().filter(|id| !english.contains_key(*id)).map(|id| format!("en lacks {lang}'s {id}")),
            );
            for (key, text) in &catalogue(lang).plain {
                if text.trim().is_empty() {
                    problems.push(format!("{lang} {key} is empty"));
                }
            }
        }
        problems.sort();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Every file under `dir` (recursively) whose name ends with `ext`.
    fn files(dir: &std::path::Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, ext, out);
            } else if path.to_string_lossy().ends_with(ext) {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_key_named_in_templates_and_code_exists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sources = Vec::new();
        files(&root.join("templates"), ".html", &mut sources);
        files(&root.join("src"), ".rs", &mut sources);
        let mut used = Vec::new();
        for path in sources {
            let text = std::fs::read_to_string(&path).unwrap();
            for call in ["tr.t(\"", "tr.f(\"", "tr.fmt(\"", "Sentence::new(\""] {
                for piece in text.split(call).skip(1) {
                    let key = piece.split('"').next().unwrap().to_string();
                    used.push((path.file_name().unwrap().to_string_lossy().to_string(), key));
                }
            }
        }
        assert!(used.len() > 500, "the scan finds the calls ({} found)", used.len());
        let unknown: Vec<_> = used.iter().filter(|(_, k)| Tr::new(Language::En).lookup(k).is_none()).collect();
        assert!(unknown.is_empty(), "keys used but not in the catalogue: {unknown:?}");
    }

    /// The arguments of each call of `call` in `text`, split at the top level.
    fn call_arguments<'t>(text: &'t str, call: &str) -> Vec<Vec<&'t str>> {
        let mut out = Vec::new();
        for (start, _) in text.match_indices(call) {
            let body = &text[start + call.len()..];
            let (mut depth, mut args, mut from) = (0i32, Vec::new(), 0);
            for (i, c) in body.char_indices() {
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' if depth == 0 => {
                        args.push(body[from..i].trim());
                        break;
                    }
                    ')' | ']' | '}' => depth -= 1,
                    ',' if depth == 0 => {
                        args.push(body[from..i].trim());
                        from = i + 1;
                    }
                    _ => {}
                }
            }
            out.push(args);
        }
        out
    }

    #[test]
    fn every_audited_action_and_target_has_a_label_in_every_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sources = Vec::new();
        files(&root.join("src"), ".rs", &mut sources);
        let mut keys = Vec::new();
        for path in sources.iter().filter(|p| !p.ends_with("i18n/mod.rs")) {
            let text = std::fs::read_to_string(path).unwrap();
            // The action and target kind are the 2nd and 3rd arguments of each constructor
            // (`by(principal, action, target, id)`, `system(worker, action, target, id)`), or
            // the 1st and 2nd of `anonymous(action, target, id)`.
            for (call, action_at) in [("AuditEvent::by(", 1), ("AuditEvent::system(", 1), ("AuditEvent::anonymous(", 0)]
            {
                for args in call_arguments(&text, call) {
                    for (offset, set) in [(0, "audit.action"), (1, "audit.target")] {
                        if let Some(literal) = args.get(action_at + offset).and_then(|a| a.strip_prefix('"')) {
                            keys.push(format!("{set}.{}", literal.trim_end_matches('"').replace('.', "_")));
                        }
                    }
                }
            }
            // Actions chosen at run time are written as `let action = if … { "a" } else { "b" }`.
            for line in text.lines().filter(|l| l.trim_start().starts_with("let action = ")) {
                for literal in line.split('"').skip(1).step_by(2) {
                    keys.push(format!("audit.action.{}", literal.replace('.', "_")));
                }
            }
        }
        assert!(keys.len() > 60, "the scan finds the audited actions ({})", keys.len());
        let mut missing = Vec::new();
        for lang in Language::ALL {
            missing.extend(keys.iter().filter(|k| Tr::new(*lang).lookup(k).is_none()).map(|k| format!("{lang} {k}")));
        }
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "audited actions without a label: {missing:?}");
    }

    #[test]
    fn every_error_code_has_a_sentence_in_every_language_and_every_sentence_a_code() {
        use crate::error::ErrorCode;
        let mut missing = Vec::new();
        for lang in Language::OFFERED {
            missing.extend(
                ErrorCode::ALL
                    .iter()
                    .filter(|c| Tr::new(*lang).lookup(&format!("error.{c}")).is_none())
                    .map(|c| format!("{lang} {c}")),
            );
        }
        assert!(missing.is_empty(), "{} error codes without a sentence:\n{}", missing.len(), missing.join("\n"));
        let english = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en.ftl")).unwrap();
        let orphans: Vec<&str> = english
            .lines()
            .filter_map(|l| l.strip_prefix("error-")?.split(' ').next())
            .filter(|code| ErrorCode::parse(code).is_none())
            .collect();
        assert!(orphans.is_empty(), "sentences for codes ErrorCode does not have: {orphans:?}");
    }

    #[test]
    fn no_template_writes_a_colon_after_a_catalogue_label() {
        // French wants a no-break space before a colon; `tr.labelled(key)` writes the reader's.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut templates = Vec::new();
        files(&root.join("templates"), ".html", &mut templates);
        let mut found = Vec::new();
        for path in templates {
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                if line.contains("\") }}:") || line.contains("\") }} :") {
                    found.push(format!("{}:{}", path.file_name().unwrap().to_string_lossy(), n + 1));
                }
            }
        }
        assert!(found.is_empty(), "write {{{{ layout.tr.labelled(\"…\") }}}} instead: {found:?}");
    }

    #[test]
    fn every_role_kind_and_language_has_a_label_in_every_language() {
        use crate::domain::types::{OrgKind, Role};
        for lang in Language::ALL {
            let tr = Tr::new(*lang);
            let keys = Role::ALL
                .iter()
                .map(|r| format!("role.{r}"))
                .chain(OrgKind::ALL.iter().map(|k| format!("kind.{k}")))
                .chain(Language::OFFERED.iter().map(|l| format!("language.{l}")));
            for key in keys {
                assert!(tr.lookup(&key).is_some(), "{key} has no {lang} label");
            }
        }
    }

    #[test]
    fn plural_rules_come_from_the_language() {
        // Arabic has six plural categories; the catalogue's choice must follow CLDR's rules
        // through fluent-bundle, not an `== 1` test in code.
        let hits = |lang, n: i64| Tr::new(lang).fmt("ops.targets_added", &[("hits", n.into())]);
        assert_eq!(hits(Language::En, 0), "Target added; no hit with other agencies.");
        assert_eq!(hits(Language::En, 1), "Target added; one hit with other agencies.");
        assert_eq!(hits(Language::En, 3), "Target added; 3 hits with other agencies.");
        // French counts 1.5 as singular too: CLDR's rule, not `== 1`.
        let fr = Tr::new(Language::Fr).fmt("ops.targets_added", &[("hits", Arg::Number(1.5))]);
        assert!(fr.contains("1,5 concordance ") || fr.contains("1.5 concordance "), "{fr}");
    }

    #[test]
    fn the_pseudo_locale_accents_every_letter_but_keeps_arguments() {
        let tr = Tr::new(Language::Qps);
        let home = tr.t("nav.home");
        assert!(!home.chars().any(|c| c.is_ascii_alphabetic()), "{home}");
        assert!(home.chars().all(|c| !c.is_alphabetic() || is_pseudo_letter(c)), "{home}");
        let added = tr.fmt("ops.targets_added", &[("hits", 2i64.into())]);
        assert!(added.contains(" 2 "), "{added}");
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        let n = |lang| Tr::new(lang).number(1234567.5);
        assert_eq!(n(Language::En), "1,234,567.50");
        assert_eq!(n(Language::Fr), "1\u{202f}234\u{202f}567,50");
        assert_eq!(n(Language::Es), "1.234.567,50");
        assert_eq!(Tr::new(Language::Es).number(1234.0), "1234");
        assert_eq!(Tr::new(Language::En).number(-12.0), "-12");
        assert_eq!(Tr::new(Language::Fr).amount(3.5), "3,50");
    }

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(negotiate("fr-CA,fr;q=0.9,en;q=0.8"), Some(Language::Fr));
        assert_eq!(negotiate("de-DE,en;q=0.5,fr;q=0.7"), Some(Language::Fr));
        assert_eq!(negotiate("es-MX,es;q=0.9"), Some(Language::Es));
        assert_eq!(negotiate("ar-MA"), Some(Language::Ar));
        assert_eq!(negotiate("de"), None);
        assert_eq!(negotiate("qps"), None, "the pseudo-locale is not offered");
    }
}
