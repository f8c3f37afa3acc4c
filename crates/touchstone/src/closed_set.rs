//! Closed sets of values that are stored and exchanged as snake_case text: one mechanism for
//! every one of them (roles, case states, sectors, error codes…).
//!
//! `closed_set!` declares the enum with its text for each value. Reading text back has two
//! faces, and the choice between them is the point:
//! - `parse` (and `refuse_unless` for sets that name a refusal) reads what a *person or client*
//!   sent: unknown text is their mistake, answered with a sentence;
//! - `decode` (and `TryFrom<&str>`) reads what *we stored*: unknown text there is corruption or
//!   a newer release's value, and fails loudly instead of falling back to a default.

/// Stored text that names no value of its closed set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{value}' is not a known {set}")]
pub struct UnknownValue {
    pub set: &'static str,
    pub value: String,
}

impl From<UnknownValue> for sqlx::Error {
    fn from(e: UnknownValue) -> Self {
        sqlx::Error::Decode(Box::new(e))
    }
}

impl From<UnknownValue> for crate::error::AppError {
    fn from(e: UnknownValue) -> Self {
        crate::error::AppError::Internal(e.into())
    }
}

/// Declares a closed set. With `refused as "field", Code`, `refuse_unless` answers unknown text
/// with that error code on that field.
macro_rules! closed_set {
    (
        $(#[$m:meta])*
        $vis:vis enum $name:ident $(refused as $field:literal, $code:ident)? {
            $($(#[$vm:meta])* $variant:ident = $text:literal),+ $(,)?
        }
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        $vis enum $name { $($(#[$vm])* #[serde(rename = $text)] $variant),+ }

        // Written by hand: utoipa's derive does not read a `rename` whose text comes through a
        // macro, and would document the variants' Rust names instead of the stored text.
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// What a person or client sent, trimmed; `None` for anything else.
            pub fn parse(raw: &str) -> Option<Self> {
                match raw.trim() { $($text => Some($name::$variant),)+ _ => None }
            }

            /// What was stored: unknown text is an error, never a default.
            pub fn decode(raw: &str) -> Result<Self, $crate::closed_set::UnknownValue> {
                match raw { $($text => Ok($name::$variant),)+ other => Err($crate::closed_set::UnknownValue {
                    set: stringify!($name),
                    value: other.to_string(),
                }) }
            }

            /// The accepted values, comma-separated, for a sentence.
            pub fn names() -> String {
                [$($text),+].join(", ")
            }

            $(
            /// What a person or client sent, or a refusal naming the accepted values.
            pub fn refuse_unless(raw: &str) -> Result<Self, $crate::error::AppError> {
                Self::parse(raw).ok_or_else(|| {
                    $crate::error::AppError::invalid(
                        $field,
                        $crate::error::ErrorCode::$code,
                        format!(
                            "'{}' is not a known {}; use one of: {}.",
                            raw.trim(),
                            $field.replace('_', " "),
                            Self::names()
                        ),
                    )
                })
            }
            )?
        }

        impl TryFrom<&str> for $name {
            type Error = $crate::closed_set::UnknownValue;
            fn try_from(raw: &str) -> Result<Self, Self::Error> {
                Self::decode(raw)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use closed_set;

#[cfg(test)]
mod tests {
    use crate::domain::types::Role;
    use crate::error::ErrorCode;

    #[test]
    fn stored_text_decodes_or_fails_loudly_and_sent_text_is_refused_with_the_accepted_values() {
        assert_eq!(Role::decode("analyst"), Ok(Role::Analyst));
        let e = Role::decode("boss").unwrap_err();
        assert_eq!((e.set, e.value.as_str()), ("Role", "boss"), "no silent default for stored text");
        assert!(Role::decode(" analyst").is_err(), "stored text is read as it was written");
        assert_eq!(Role::parse(" analyst "), Some(Role::Analyst), "what a person typed is trimmed");
        let refusal = Role::refuse_unless("boss").unwrap_err();
        assert_eq!((refusal.code(), refusal.field()), (ErrorCode::InvalidRole, Some("role")));
        assert!(refusal.public_message().contains("officer, analyst"), "{}", refusal.public_message());
        for role in Role::ALL {
            assert_eq!(Role::try_from(role.as_str()), Ok(*role));
            assert_eq!(serde_json::to_string(role).unwrap(), format!("\"{role}\""), "JSON says what is stored");
        }
    }

    #[test]
    fn the_api_document_lists_the_text_each_value_is_stored_and_sent_as() {
        use utoipa::OpenApi;
        let doc = serde_json::to_value(crate::api::ApiDoc::openapi()).unwrap();
        let listed = |name: &str| doc["components"]["schemas"][name]["enum"].clone();
        let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed("ErrorCode"), serde_json::json!(codes));
        let roles: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(listed("Role"), serde_json::json!(roles));
    }
}
