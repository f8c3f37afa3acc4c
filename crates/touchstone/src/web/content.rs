//! Texts people wrote, as one reader is shown them: the version in the reader's language, else
//! the fallback language's (else another), the element holding it saying which language it is
//! in (`lang`, `dir`) and a mark from the catalogue telling the reader it is not translated.
//! `templates/content.html` holds the macro that writes them.

use crate::domain::localized::{content_language, Localized};
use crate::domain::types::Language;
use crate::i18n::Tr;

/// A text as shown to one reader.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// The language the text is in, when it is not the page's.
    pub lang: Option<String>,
    /// It is not in the language asked for (the reader's, or the one an editor works on).
    pub untranslated: bool,
}

impl Shown {
    /// `text` as a reader of `tr` sees it, `fallback` being the language its author falls back to.
    pub fn of(text: &Localized, tr: &Tr, fallback: Language) -> Shown {
        Shown::asked(text, tr, tr.code(), fallback)
    }

    /// `text` in the language `asked` (else the fallback's), on a page in `tr`'s language.
    pub fn asked(text: &Localized, tr: &Tr, asked: &str, fallback: Language) -> Shown {
        match text.for_reader(asked, fallback.as_str()) {
            Some(v) => Shown {
                text: v.text.to_string(),
                lang: (v.lang != tr.code()).then(|| v.lang.to_string()),
                untranslated: v.lang != asked,
            },
            None => Shown::default(),
        }
    }

    /// A text in the page's language.
    pub fn plain(text: impl Into<String>) -> Shown {
        Shown { text: text.into(), lang: None, untranslated: false }
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The direction of the text's script, for `dir` beside `lang`.
    pub fn dir(&self) -> &'static str {
        self.lang.as_deref().and_then(content_language).map_or("auto", Language::direction)
    }
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// One language of a text being edited, beside the fallback's version.
#[derive(Debug, Clone, Default)]
pub struct Translating {
    /// The version in the language being edited, as typed or stored.
    pub value: String,
    /// The fallback language's version, when another language is edited and it has one.
    pub fallback: Option<String>,
}

impl Translating {
    pub fn of(text: &Localized, lang: Language, fallback: Language) -> Translating {
        let value = text.version(lang.as_str(), fallback.as_str()).unwrap_or_default().to_string();
        let fallback = (lang != fallback)
            .then(|| text.version(fallback.as_str(), fallback.as_str()))
            .flatten()
            .map(str::to_string);
        Translating { value, fallback }
    }
}

/// A language the editor may switch to, with how many texts lack a version in it.
pub struct EditorLanguage {
    pub lang: Language,
    pub missing: usize,
    /// How many are missing, in the reader's language.
    pub missing_label: String,
    pub current: bool,
    pub is_fallback: bool,
}

/// The languages an editor offers, for a sheet whose texts are `missing(lang)` short in each.
pub fn editor_languages(
    tr: &Tr,
    current: Language,
    fallback: Language,
    missing: impl Fn(Language) -> usize,
) -> Vec<EditorLanguage> {
    Language::OFFERED
        .iter()
        .map(|&lang| {
            let n = missing(lang);
            EditorLanguage {
                lang,
                missing: n,
                missing_label: tr.fmt("content.missing", &[("count", n.into())]),
                current: lang == current,
                is_fallback: lang == fallback,
            }
        })
        .collect()
}

/// The language an editor page edits: the one asked for (`?lang=`), else the fallback.
pub fn editing_language(asked: Option<&str>, fallback: Language) -> Language {
    asked.and_then(content_language).unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_another_language_says_which() {
        let text = Localized::one("en", "Tote").with("fr", "Cabas");
        let fr = Shown::of(&text, &Tr::new(Language::Fr), Language::En);
        assert_eq!((fr.text.as_str(), fr.lang.as_deref(), fr.untranslated), ("Cabas", None, false));
        let ar = Shown::of(&text, &Tr::new(Language::Ar), Language::En);
        assert_eq!((ar.text.as_str(), ar.lang.as_deref(), ar.dir()), ("Tote", Some("en"), "ltr"));
        assert!(ar.untranslated);
        let editing_fr = Shown::asked(&text, &Tr::new(Language::En), "fr", Language::En);
        assert_eq!((editing_fr.lang.as_deref(), editing_fr.untranslated), (Some("fr"), false));
        let arabic = Localized::one("ar", "حقيبة");
        assert_eq!(Shown::of(&arabic, &Tr::new(Language::Fr), Language::Ar).dir(), "rtl");
        assert!(Shown::of(&Localized::new(), &Tr::new(Language::Fr), Language::En).is_empty());
    }

    #[test]
    fn the_editor_shows_the_fallback_beside_another_language_and_chooses_a_content_language() {
        let text = Localized::as_written("Box").with("es", "Caja");
        let fr = Translating::of(&text, Language::Fr, Language::En);
        assert_eq!((fr.value.as_str(), fr.fallback.as_deref()), ("", Some("Box")));
        let en = Translating::of(&text, Language::En, Language::En);
        assert_eq!((en.value.as_str(), en.fallback), ("Box", None));
        assert_eq!(editing_language(Some("es"), Language::En), Language::Es);
        assert_eq!(editing_language(Some("qps"), Language::Fr), Language::Fr);
        assert_eq!(editing_language(None, Language::Ar), Language::Ar);
    }
}
