//! How text becomes terms: one analyzer per use, registered on every index under a fixed name.
//!
//! * `fold`: words, lowercased, accents folded (`Lumière` → `lumiere`, `Kastenbrück` →
//!   `kastenbruck`). Names are indexed with it, so fuzzy matching compares plain letters.
//! * `exact`: the whole value as one term, lowercased and folded, for "the query is this
//!   brand's own name".
//! * `code`: the whole value as one term, lowercased (GTINs, model numbers, HS codes).
//! * `stem_xx`: words, lowercased, stemmed in language `xx` (Snowball, where tantivy has a
//!   stemmer), then folded; stemming comes before folding because the stemmers know the
//!   language's accents.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    TokenizerManager,
};

pub(crate) const FOLD: &str = "fold";
pub(crate) const EXACT: &str = "exact";
pub(crate) const CODE: &str = "code";

/// Words longer than this are not words (base64, pasted garbage) and are not indexed.
const MAX_TOKEN_BYTES: usize = 60;

/// The languages with a stemmer, by ISO 639-1 code.
pub(crate) const STEMMED: &[(&str, Language)] = &[
    ("ar", Language::Arabic),
    ("da", Language::Danish),
    ("de", Language::German),
    ("el", Language::Greek),
    ("en", Language::English),
    ("es", Language::Spanish),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("nl", Language::Dutch),
    ("no", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ru", Language::Russian),
    ("sv", Language::Swedish),
    ("ta", Language::Tamil),
    ("tr", Language::Turkish),
];

pub(crate) fn stem_name(lang: &str) -> String {
    format!("stem_{lang}")
}

pub(crate) fn fold() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

pub(crate) fn exact() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).filter(AsciiFoldingFilter).build()
}

pub(crate) fn code() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).build()
}

pub(crate) fn stem(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(Stemmer::new(language))
        .filter(AsciiFoldingFilter)
        .build()
}

pub(crate) fn register(manager: &TokenizerManager) {
    manager.register(FOLD, fold());
    manager.register(EXACT, exact());
    manager.register(CODE, code());
    for (lang, language) in STEMMED {
        manager.register(&stem_name(lang), stem(*language));
    }
}

/// The terms `analyzer` makes of `text`, in order, without repeats.
pub(crate) fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = &stream.token().text;
        if !out.iter().any(|o| o == t) {
            out.push(t.clone());
        }
    }
    out
}

/// A code as people type it, as indexed: lowercased, without the dots and spaces of
/// `4202.21`.
pub(crate) fn normalise_code(raw: &str) -> String {
    raw.chars().filter(|c| !matches!(c, '.' | ' ' | '-')).collect::<String>().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_lowercased_and_their_accents_folded() {
        assert_eq!(terms(&mut fold(), "Kastenbrück LUMIÈRE"), ["kastenbruck", "lumiere"]);
    }

    #[test]
    fn each_language_stems_its_own_words() {
        let en = STEMMED.iter().find(|(l, _)| *l == "en").unwrap().1;
        let fr = STEMMED.iter().find(|(l, _)| *l == "fr").unwrap().1;
        assert_eq!(terms(&mut stem(en), "chargers"), terms(&mut stem(en), "charger"));
        assert_eq!(terms(&mut stem(fr), "pochettes matelassées"), terms(&mut stem(fr), "pochette matelassée"));
    }

    #[test]
    fn codes_lose_their_punctuation() {
        assert_eq!(normalise_code("4202.21"), "420221");
        assert_eq!(normalise_code("KAS-101"), "kas101");
    }
}
