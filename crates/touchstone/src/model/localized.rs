//! A text someone wrote, in one version per language: what rights holders write in the catalog
//! (names, descriptions, packaging, captions, guide indicators, security features, contacts)
//! and alert texts.
//!
//! Versions are keyed by content language (`en`, `fr`, `es`, `ar`: the languages the pages are
//! offered in). Texts written before texts had languages were plain strings; they load as the
//! text *as written* (key [`AS_WRITTEN`], `und`, the BCP 47 tag for an undetermined language)
//! and count as the version in the fallback language of their brand (or alert), which their
//! authors wrote them in. In JSON a text is an object of versions, `{"en": "…", "fr": "…"}`;
//! a plain string is still accepted (and written back when it is all there is, so stored
//! sheets written before keep their exact form).
//!
//! Readers see their language's version, else the fallback's, else any ([`Localized::for_reader`]).

use crate::error::{AppError, AppResult, ErrorCode};
use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::types::Language;

/// The key of a text written without a language: the fallback language's version.
pub const AS_WRITTEN: &str = "und";

/// The languages content is written in, in the order versions are offered and chosen.
pub fn content_languages() -> &'static [Language] {
    Language::OFFERED
}

/// Whether `code` is a content language.
pub fn is_content_language(code: &str) -> bool {
    content_languages().iter().any(|l| l.as_str() == code)
}

/// A content language parsed from a code: `None` for anything else (the pseudo-locale too).
pub fn content_language(code: &str) -> Option<Language> {
    content_languages().iter().copied().find(|l| l.as_str() == code.trim())
}

/// One text, one version per language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Localized(BTreeMap<String, String>);

/// The version a reader is shown, and the language it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version<'a> {
    pub text: &'a str,
    /// A content language code: the as-written text is in its fallback language.
    pub lang: &'a str,
}

impl Localized {
    pub fn new() -> Self {
        Localized::default()
    }

    /// A text written without a language (as a plain string was).
    pub fn as_written(text: impl Into<String>) -> Self {
        let mut l = Localized::new();
        l.set(AS_WRITTEN, text);
        l
    }

    /// A text with one version.
    pub fn one(lang: &str, text: impl Into<String>) -> Self {
        let mut l = Localized::new();
        l.set(lang, text);
        l
    }

    /// This text with the version for `lang` set (builder form of [`Localized::set`]).
    pub fn with(mut self, lang: &str, text: impl Into<String>) -> Self {
        self.set(lang, text);
        self
    }

    /// Sets the version for `lang`; an empty text removes it.
    pub fn set(&mut self, lang: &str, text: impl Into<String>) {
        let text = text.into();
        if text.trim().is_empty() {
            self.0.remove(lang);
        } else {
            self.0.insert(lang.to_string(), text);
        }
    }

    /// Sets the version for `lang`, the fallback being `fallback`: the fallback's version
    /// replaces the text as written, which stood for it. The same text again changes nothing.
    pub fn set_version(&mut self, lang: &str, fallback: &str, text: impl Into<String>) {
        let text = text.into();
        if self.version(lang, fallback).unwrap_or_default() == text.trim() {
            return;
        }
        if lang == fallback {
            self.0.remove(AS_WRITTEN);
        }
        self.set(lang, text);
    }

    /// The version stored under `key` exactly (a language code or [`AS_WRITTEN`]).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// The version for `lang`: the text as written counts as the fallback's.
    pub fn version(&self, lang: &str, fallback: &str) -> Option<&str> {
        self.get(lang).or_else(|| if lang == fallback { self.get(AS_WRITTEN) } else { None })
    }

    /// What a reader of `reader` is shown: their version, else the fallback's, else the first
    /// in the order of [`content_languages`]; `None` for a text without any version.
    pub fn for_reader(&self, reader: &str, fallback: &str) -> Option<Version<'_>> {
        let at = |lang: &'static str| self.version(lang, fallback).map(|text| Version { text, lang });
        content_language(reader)
            .and_then(|l| at(l.as_str()))
            .or_else(|| content_language(fallback).and_then(|l| at(l.as_str())))
            .or_else(|| content_languages().iter().find_map(|l| at(l.as_str())))
            // Only keys validation refuses are left (a sheet stored before it checked them).
            .or_else(|| self.0.iter().next().map(|(k, v)| Version { text: v.as_str(), lang: k.as_str() }))
    }

    /// The text a reader of `reader` is shown, or "".
    pub fn text_for(&self, reader: &str, fallback: &str) -> &str {
        self.for_reader(reader, fallback).map_or("", |v| v.text)
    }

    /// Whether the text has some version but none for `lang`.
    pub fn lacks(&self, lang: &str, fallback: &str) -> bool {
        !self.is_empty() && self.version(lang, fallback).is_none()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The versions as (key, text), keys in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The versions by language, the text as written given to `fallback` (unless the fallback
    /// has its own version): what a search index or an export by language wants.
    pub fn by_language<'a>(&'a self, fallback: &'a str) -> Vec<(&'a str, &'a str)> {
        let mut out: Vec<(&str, &str)> =
            self.0.iter().filter(|(k, _)| k.as_str() != AS_WRITTEN).map(|(k, v)| (k.as_str(), v.as_str())).collect();
        if let (Some(written), None) = (self.get(AS_WRITTEN), self.get(fallback)) {
            out.push((fallback, written));
            out.sort();
        }
        out
    }

    /// Checks every version with `check` (the field's rule for one text, which returns it
    /// normalised), drops empty versions and refuses keys that are not content languages.
    /// With `required`, at least one version must be left.
    pub fn validated(
        self,
        field: &'static str,
        required: bool,
        check: impl Fn(&str) -> AppResult<String>,
    ) -> AppResult<Localized> {
        let mut out = BTreeMap::new();
        for (key, text) in self.0 {
            if text.trim().is_empty() {
                continue;
            }
            let key = key.trim().to_ascii_lowercase();
            if key != AS_WRITTEN && !is_content_language(&key) {
                return Err(AppError::invalid(
                    field,
                    ErrorCode::InvalidLanguage,
                    format!(
                        "'{key}' is not a language texts are written in here; give versions for {}.",
                        content_languages().iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
            if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
                return Err(AppError::invalid(
                    field,
                    ErrorCode::InvalidCharacters,
                    format!("Remove the control characters from the {} ({key}).", field.replace('_', " ")),
                ));
            }
            let checked = check(&text).map_err(|e| in_version(e, &key))?;
            if !checked.is_empty() {
                out.insert(key, checked);
            }
        }
        if required && out.is_empty() {
            // The field's own rule says what an empty text lacks.
            check("")?;
            return Err(AppError::invalid(
                field,
                ErrorCode::Required,
                format!("Give the {}.", field.replace('_', " ")),
            ));
        }
        Ok(Localized(out))
    }
}

/// Says which version an error is about.
fn in_version(e: AppError, key: &str) -> AppError {
    match e {
        AppError::Client(mut c) => {
            let which = if key == AS_WRITTEN { "as written".to_string() } else { format!("in {key}") };
            c.message = format!("{} ({which})", c.message.trim_end_matches('.')) + ".";
            AppError::Client(c)
        }
        other => other,
    }
}

/// The version stored under a key; panics when there is none, as a map's index does.
impl std::ops::Index<&str> for Localized {
    type Output = String;
    fn index(&self, key: &str) -> &String {
        &self.0[key]
    }
}

/// A plain string is a text as written, as in JSON.
impl From<&str> for Localized {
    fn from(text: &str) -> Self {
        Localized::as_written(text)
    }
}

impl From<String> for Localized {
    fn from(text: String) -> Self {
        Localized::as_written(text)
    }
}

impl From<BTreeMap<String, String>> for Localized {
    fn from(map: BTreeMap<String, String>) -> Self {
        Localized(map)
    }
}

impl Serialize for Localized {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A text that is only as written goes back as the plain string it came as.
        match (self.0.len(), self.get(AS_WRITTEN)) {
            (1, Some(text)) => s.serialize_str(text),
            _ => self.0.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Localized;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a text: a string, or an object of versions by language such as {\"en\": \"…\", \"fr\": \"…\"}",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Localized, E> {
                Ok(Localized::as_written(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Localized, E> {
                Ok(Localized::new())
            }
            fn visit_none<E: de::Error>(self) -> Result<Localized, E> {
                Ok(Localized::new())
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Localized, D2::Error> {
                d.deserialize_any(V)
            }
            fn visit_map<M: MapAccess<'de>>(self, mut m: M) -> Result<Localized, M::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = m.next_entry::<String, Option<String>>()? {
                    if let Some(v) = v {
                        out.insert(k, v);
                    }
                }
                Ok(Localized(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl utoipa::PartialSchema for Localized {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, OneOfBuilder, Type};
        let text = || ObjectBuilder::new().schema_type(Type::String);
        let versions = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property_names(Some(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(["en", "fr", "es", "ar", AS_WRITTEN]))
                    .build(),
            ))
            .additional_properties(Some(AdditionalProperties::RefOr(text().build().into())))
            .description(Some(
                "One version per language (en, fr, es, ar); `und` holds a text written without a language, \
                 read as the fallback language's.",
            ))
            .examples([
                serde_json::json!({"en": "Even stitching, 8 per inch", "fr": "Coutures régulières, 8 par pouce"}),
            ]);
        OneOfBuilder::new()
            .item(text().description(Some(
                "A text written without a language: it counts as the version in the brand's (or alert's) fallback language.",
            )))
            .item(versions)
            .description(Some("A text in one version per language; readers see theirs, else the fallback language's."))
            .into()
    }
}

impl utoipa::ToSchema for Localized {}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(t: &str) -> AppResult<String> {
        let t = t.trim();
        if t.chars().count() > 10 {
            return Err(AppError::invalid("packaging", ErrorCode::TooLong, "Keep packaging under 10 characters."));
        }
        Ok(t.to_string())
    }

    #[test]
    fn json_is_an_object_of_versions_and_a_plain_string_is_the_text_as_written() {
        let l: Localized = serde_json::from_str(r#"{"en": "Box", "fr": "Boîte"}"#).unwrap();
        assert_eq!((l.get("en"), l.get("fr")), (Some("Box"), Some("Boîte")));
        assert_eq!(serde_json::to_string(&l).unwrap(), r#"{"en":"Box","fr":"Boîte"}"#);
        let old: Localized = serde_json::from_str(r#""Box""#).unwrap();
        assert_eq!(old.get(AS_WRITTEN), Some("Box"));
        assert_eq!(serde_json::to_string(&old).unwrap(), r#""Box""#, "written back as it came");
        let none: Localized = serde_json::from_str("null").unwrap();
        assert!(none.is_empty());
        assert!(serde_json::from_str::<Localized>("42").is_err());
        assert!(serde_json::from_str::<Localized>(r#"{"en": 1}"#).is_err());
    }

    #[test]
    fn the_text_as_written_counts_as_the_fallback_languages_version() {
        let l = Localized::as_written("Box").with("es", "Caja");
        assert_eq!(l.version("fr", "fr"), Some("Box"));
        assert_eq!(l.version("fr", "en"), None);
        assert_eq!(l.for_reader("fr", "en"), Some(Version { text: "Box", lang: "en" }));
        assert_eq!(l.for_reader("es", "en"), Some(Version { text: "Caja", lang: "es" }));
        assert!(l.lacks("ar", "en") && !l.lacks("en", "en") && !Localized::new().lacks("ar", "en"));
        assert_eq!(l.by_language("en"), vec![("en", "Box"), ("es", "Caja")]);
    }

    #[test]
    fn a_reader_sees_their_language_else_the_fallback_else_any() {
        let l = Localized::one("en", "Tote").with("fr", "Cabas").with("es", "Bolso");
        assert_eq!(l.for_reader("fr", "en").map(|v| (v.text, v.lang)), Some(("Cabas", "fr")));
        assert_eq!(l.for_reader("ar", "en").map(|v| (v.text, v.lang)), Some(("Tote", "en")));
        assert_eq!(l.for_reader("ar", "es").map(|v| (v.text, v.lang)), Some(("Bolso", "es")));
        assert_eq!(l.for_reader("qps", "fr").map(|v| v.lang), Some("fr"), "the pseudo-locale reads the fallback");
        let only_fr = Localized::one("fr", "Cabas");
        assert_eq!(only_fr.for_reader("ar", "en").map(|v| (v.text, v.lang)), Some(("Cabas", "fr")));
        assert_eq!(Localized::new().for_reader("en", "en"), None);
        assert_eq!(Localized::new().text_for("en", "en"), "");
    }

    #[test]
    fn setting_the_fallbacks_version_replaces_the_text_as_written_and_touches_nothing_else() {
        let mut l = Localized::as_written("Box").with("fr", "Boîte");
        l.set_version("en", "en", "Box ");
        assert_eq!(l.get(AS_WRITTEN), Some("Box"), "the same text again changes nothing");
        l.set_version("es", "en", "Caja");
        assert_eq!(l.get(AS_WRITTEN), Some("Box"), "another language leaves it");
        l.set_version("en", "en", "Carton");
        assert_eq!((l.get(AS_WRITTEN), l.get("en"), l.get("fr")), (None, Some("Carton"), Some("Boîte")));
        l.set_version("fr", "en", "  ");
        assert_eq!(l.get("fr"), None, "an empty version is removed");
    }

    #[test]
    fn validation_checks_each_version_and_refuses_other_languages() {
        let ok = Localized::one("en", " Box ").with("fr", "").validated("packaging", false, check).unwrap();
        assert_eq!(ok, Localized::one("en", "Box"), "trimmed, empty versions dropped");
        let e = Localized::one("fr", "much too long a text").validated("packaging", false, check).unwrap_err();
        assert_eq!((e.code(), e.field()), (ErrorCode::TooLong, Some("packaging")));
        assert!(e.public_message().contains("in fr"), "{}", e.public_message());
        let e = Localized::one("de", "Karton").validated("packaging", false, check).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidLanguage);
        let e = Localized::one("en", "a\u{7}b").validated("packaging", false, check).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidCharacters);
        let e = Localized::new().validated("packaging", true, check).unwrap_err();
        assert_eq!(e.code(), ErrorCode::Required);
        let again = ok.clone().validated("packaging", true, check).unwrap();
        assert_eq!(again, ok, "validating twice changes nothing");
    }

    #[test]
    fn the_openapi_schema_says_string_or_object() {
        let schema = serde_json::to_value(<Localized as utoipa::PartialSchema>::schema()).unwrap();
        let kinds: Vec<&str> = schema["oneOf"].as_array().unwrap().iter().filter_map(|s| s["type"].as_str()).collect();
        assert_eq!(kinds, ["string", "object"], "{schema}");
    }
}
