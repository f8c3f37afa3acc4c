//! The crate's single error type.
//!
//! Every message names the Application Identifier it is about (when there is
//! one) and says what is wrong in words an officer at a border post can act
//! on, e.g. `AI (17): 251332 is not a valid date`.

use std::fmt;

/// Everything that can go wrong while reading GS1 data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Error {
    /// The input was empty.
    Empty,
    /// A GTIN must have 8, 12, 13 or 14 digits.
    GtinLength {
        /// Number of characters received.
        len: usize,
    },
    /// A GTIN contained something other than digits.
    GtinNotNumeric {
        /// The offending input.
        input: String,
    },
    /// A GTIN whose last digit does not match the mod-10 check digit.
    GtinCheckDigit {
        /// The GTIN as received.
        gtin: String,
        /// The check digit the other digits call for.
        expected: char,
        /// The check digit that was received.
        found: char,
    },
    /// No AI in the syntax dictionary matches.
    UnknownAi {
        /// The AI (or the start of the data where an AI was expected).
        ai: String,
    },
    /// The data is not laid out as an element string, Digital Link or URI.
    Syntax {
        /// What is wrong.
        message: String,
    },
    /// An AI value with no characters.
    EmptyValue {
        /// The AI.
        ai: String,
    },
    /// An AI value that is too short or too long.
    Length {
        /// The AI.
        ai: String,
        /// The value as received.
        value: String,
        /// Minimum number of characters.
        min: usize,
        /// Maximum number of characters.
        max: usize,
    },
    /// A character outside the AI's character set.
    Charset {
        /// The AI.
        ai: String,
        /// The value as received.
        value: String,
        /// The offending character.
        ch: char,
        /// Zero-based character position within the value.
        position: usize,
        /// Name of the character set, e.g. `digits`.
        charset: &'static str,
    },
    /// A mod-10 check digit (or alphanumeric check pair) mismatch inside an AI.
    CheckDigit {
        /// The AI.
        ai: String,
        /// The expected check digit(s).
        expected: String,
        /// The received check digit(s).
        found: String,
    },
    /// A linter (date, country code, …) rejected part of a value.
    Lint {
        /// The AI.
        ai: String,
        /// The part of the value that was rejected.
        value: String,
        /// The syntax dictionary linter name, e.g. `yymmd0`.
        linter: &'static str,
        /// Human wording, e.g. `is not a valid date`.
        problem: &'static str,
    },
    /// The same AI appears twice with different values.
    Duplicate {
        /// The AI.
        ai: String,
        /// First value seen.
        first: String,
        /// Conflicting value.
        second: String,
    },
    /// An AI lacks a companion AI that it requires.
    MissingRequired {
        /// The AI that has the requirement.
        ai: String,
        /// The requirement as written, e.g. `(01) or (02)`.
        requires: String,
    },
    /// Two AIs that may not appear together.
    MutuallyExclusive {
        /// The AI that declares the exclusion.
        ai: String,
        /// The AI that it excludes.
        other: String,
    },
    /// A Digital Link URI has no recognisable primary key in its path.
    NoPrimaryKey {
        /// The URI path.
        path: String,
    },
    /// A Digital Link key qualifier that the primary key does not accept.
    QualifierNotAllowed {
        /// The primary key AI.
        key: String,
        /// The offending qualifier AI.
        qualifier: String,
    },
    /// Digital Link key qualifiers in the wrong order.
    QualifierOrder {
        /// The primary key AI.
        key: String,
        /// The qualifier that appears too late or too early.
        qualifier: String,
    },
    /// An AI in a Digital Link query string that is not allowed as a data attribute.
    NotADataAttribute {
        /// The AI.
        ai: String,
    },
    /// A malformed `%xx` escape or escapes that do not form UTF-8.
    PercentEncoding {
        /// The text that could not be decoded.
        text: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => write!(f, "no data"),
            Error::GtinLength { len } => {
                write!(f, "a GTIN has 8, 12, 13 or 14 digits, not {len}")
            }
            Error::GtinNotNumeric { input } => {
                write!(f, "GTIN {input:?} contains characters other than digits")
            }
            Error::GtinCheckDigit { gtin, expected, found } => {
                write!(f, "GTIN {gtin}: check digit should be {expected}, not {found}")
            }
            Error::UnknownAi { ai } => write!(f, "unknown AI ({ai})"),
            Error::Syntax { message } => f.write_str(message),
            Error::EmptyValue { ai } => write!(f, "AI ({ai}): value is empty"),
            Error::Length { ai, value, min, max } => {
                let what = if value.chars().count() < *min { "too short" } else { "too long" };
                if min == max {
                    write!(f, "AI ({ai}): {value} is {what}, must be {min} characters")
                } else {
                    write!(f, "AI ({ai}): {value} is {what}, must be {min} to {max} characters")
                }
            }
            Error::Charset { ai, value, ch, position, charset } => {
                write!(f, "AI ({ai}): {value} has {ch:?} at position {}, only {charset} are allowed", position + 1)
            }
            Error::CheckDigit { ai, expected, found } => {
                write!(f, "AI ({ai}): check digit should be {expected}, not {found}")
            }
            Error::Lint { ai, value, problem, .. } => write!(f, "AI ({ai}): {value} {problem}"),
            Error::Duplicate { ai, first, second } => {
                write!(f, "AI ({ai}) appears twice with different values: {first} and {second}")
            }
            Error::MissingRequired { ai, requires } => {
                write!(f, "AI ({ai}) must be accompanied by {requires}")
            }
            Error::MutuallyExclusive { ai, other } => {
                write!(f, "AI ({ai}) may not be used together with AI ({other})")
            }
            Error::NoPrimaryKey { path } => {
                write!(f, "no GS1 Digital Link primary key (such as /01/ for a GTIN) in path {path:?}")
            }
            Error::QualifierNotAllowed { key, qualifier } => {
                write!(f, "AI ({qualifier}) is not a key qualifier of primary key AI ({key})")
            }
            Error::QualifierOrder { key, qualifier } => {
                write!(f, "key qualifier AI ({qualifier}) is out of order after primary key AI ({key})")
            }
            Error::NotADataAttribute { ai } => write!(f, "AI ({ai}) is not allowed as a Digital Link data attribute"),
            Error::PercentEncoding { text } => {
                write!(f, "{text:?} is not valid percent-encoded UTF-8")
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_message_names_the_ai_and_both_digits() {
        let e = Error::CheckDigit { ai: "01".into(), expected: "7".into(), found: "3".into() };
        assert_eq!(e.to_string(), "AI (01): check digit should be 7, not 3");
    }

    #[test]
    fn lint_message_reads_as_a_sentence() {
        let e =
            Error::Lint { ai: "17".into(), value: "251332".into(), linter: "yymmd0", problem: "is not a valid date" };
        assert_eq!(e.to_string(), "AI (17): 251332 is not a valid date");
    }
}
