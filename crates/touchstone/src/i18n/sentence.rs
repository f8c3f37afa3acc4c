//! A sentence said now and read later: a catalogue key with its arguments, kept as data (a
//! notice in the outbox, an entry of a list) and written in each reader's language and zone
//! when it is shown or sent.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Arg, Tr};

/// A catalogue message and its arguments. Stored as `{"key": …, "args": {…}}`; a plain JSON
/// string (what was stored before sentences were kept) reads as that text, verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Sentence {
    /// The catalogue key, e.g. `notice.case_detained.subject`.
    pub key: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Value>,
}

impl<'de> Deserialize<'de> for Sentence {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Sentence {
                key: String,
                #[serde(default)]
                args: BTreeMap<String, Value>,
            },
            Text(String),
        }
        Ok(match Stored::deserialize(deserializer)? {
            Stored::Sentence { key, args } => Sentence { key, args },
            Stored::Text(text) => Sentence::verbatim(text),
        })
    }
}

/// An argument, and how it is written for a reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// As it is: a name, a reference, what a person wrote.
    Text(String),
    /// A count or an amount: chooses plural forms.
    Number(f64),
    /// A value of a closed set (`set.value` in the catalogue), named in the reader's language.
    Label { set: String, value: String },
    /// Several values of a closed set, named and listed in the reader's language.
    Labels { set: String, values: Vec<String> },
    /// A moment (epoch milliseconds), in the reader's zone.
    Time(i64),
    /// A sentence of its own.
    Sentence(Box<Sentence>),
}

/// The key of a message that is only a text a person wrote: it is shown as it is.
const VERBATIM: &str = "verbatim";

impl Sentence {
    pub fn new(key: &str) -> Self {
        Sentence { key: key.to_string(), args: BTreeMap::new() }
    }

    /// What a person wrote, shown in their words whatever the reader's language.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Sentence::new(VERBATIM).text("text", text)
    }

    pub fn text(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args.insert(name.to_string(), Value::Text(value.into()));
        self
    }

    pub fn number(mut self, name: &str, value: impl Into<f64>) -> Self {
        self.args.insert(name.to_string(), Value::Number(value.into()));
        self
    }

    pub fn label(mut self, name: &str, set: &str, value: impl std::fmt::Display) -> Self {
        self.args.insert(name.to_string(), Value::Label { set: set.to_string(), value: value.to_string() });
        self
    }

    pub fn labels<S: std::fmt::Display>(mut self, name: &str, set: &str, values: impl IntoIterator<Item = S>) -> Self {
        let values = values.into_iter().map(|v| v.to_string()).collect();
        self.args.insert(name.to_string(), Value::Labels { set: set.to_string(), values });
        self
    }

    pub fn time(mut self, name: &str, epoch_ms: i64) -> Self {
        self.args.insert(name.to_string(), Value::Time(epoch_ms));
        self
    }

    pub fn message(mut self, name: &str, value: Sentence) -> Self {
        self.args.insert(name.to_string(), Value::Sentence(Box::new(value)));
        self
    }

    /// The sentence in `tr`'s language, moments in its zone.
    pub fn render(&self, tr: &Tr) -> String {
        if self.key == VERBATIM {
            return match self.args.get("text") {
                Some(Value::Text(t)) => t.clone(),
                _ => String::new(),
            };
        }
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let arg = match value {
                    Value::Text(t) => Arg::from(t.as_str()),
                    Value::Number(n) => Arg::Number(*n),
                    Value::Label { set, value } => Arg::from(label_or_value(tr, set, value)),
                    Value::Labels { set, values } => {
                        let names: Vec<String> = values.iter().map(|v| label_or_value(tr, set, v)).collect();
                        Arg::from(names.join(tr.t("list.separator")))
                    }
                    Value::Time(ms) => Arg::from(tr.when_ms(*ms)),
                    Value::Sentence(m) => Arg::from(m.render(tr)),
                };
                (name.as_str(), arg)
            })
            .collect();
        tr.fmt(&self.key, &args)
    }

    /// Every catalogue key this message and its arguments use, for the catalogue tests.
    pub fn keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        if self.key != VERBATIM {
            keys.push(self.key.clone());
        }
        for value in self.args.values() {
            match value {
                Value::Label { set, value } => keys.push(format!("{set}.{value}")),
                Value::Labels { set, values } => keys.extend(values.iter().map(|v| format!("{set}.{v}"))),
                Value::Sentence(m) => keys.extend(m.keys()),
                _ => {}
            }
        }
        keys
    }
}

/// The name of `set.value` in the reader's language; the value itself, readable, when the
/// catalogue has none (a regime or an outcome configured by an operator).
pub fn label_or_value(tr: &Tr, set: &str, value: &str) -> String {
    tr.lookup(&format!("{set}.{value}")).map_or_else(|| value.replace('_', " "), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::types::Language;

    #[test]
    fn a_message_is_written_in_each_readers_language_and_zone() {
        let m = Sentence::new("ops.targets_added").number("hits", 2);
        assert_eq!(m.render(&Tr::new(Language::En)), "Target added; 2 hits with other agencies.");
        assert!(m.render(&Tr::new(Language::Fr)).starts_with("Cible ajoutée"));
        let stored: Sentence = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(stored, m, "a message survives the outbox");
        let paris = crate::i18n::time::zone("Europe/Paris").unwrap();
        let at = Sentence::new("account.time_zone_default").time("zone", 1_796_632_200_000);
        assert_eq!(at.render(&Tr::with_zone(Language::En, paris)), "My country's zone (7 Dec 2026, 09:30 CET)");
        assert_eq!(Sentence::verbatim("Bonjour, merci").render(&Tr::new(Language::En)), "Bonjour, merci");
        let old: Vec<Sentence> = serde_json::from_str(r#"["container MSKU9070323"]"#).unwrap();
        assert_eq!(old[0].render(&Tr::new(Language::Fr)), "container MSKU9070323", "stored text reads as it was");
    }
}
