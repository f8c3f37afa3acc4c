//! The one error type of the application and its single mapping to HTTP responses.
//!
//! Client errors carry a stable snake_case code, a sentence a person can act on and, where one
//! field is at fault, its name. Everything else is `Internal`: logged inside the request span
//! and answered with a generic 500 that reveals nothing.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

mod code;
pub use code::ErrorCode;

/// What kind of refusal an error is, as the domain sees it. HTTP is the web's business: the one
/// mapping to a status is [`ErrorKind::status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request itself is malformed (a body that is not JSON, a query that cannot be read).
    BadRequest,
    /// No valid session or token.
    Unauthenticated,
    /// Signed in, but the organisation and role do not allow it.
    Forbidden,
    /// No such thing, or the reader may not know it exists.
    NotFound,
    MethodNotAllowed,
    /// The state of the stored data does not allow it (a version moved on, a name taken).
    Conflict,
    TooLarge,
    UnsupportedType,
    /// Well-formed input whose values are not acceptable.
    Invalid,
    /// Refused for a while (too many failed attempts).
    Locked,
    /// Too many requests: retry later.
    RateLimited,
}

impl ErrorKind {
    /// The kind of a refusal that arrived as an HTTP status (a framework's rejection of a body).
    pub fn from_status(status: StatusCode) -> ErrorKind {
        match status {
            StatusCode::UNAUTHORIZED => ErrorKind::Unauthenticated,
            StatusCode::FORBIDDEN => ErrorKind::Forbidden,
            StatusCode::NOT_FOUND => ErrorKind::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ErrorKind::MethodNotAllowed,
            StatusCode::CONFLICT => ErrorKind::Conflict,
            StatusCode::PAYLOAD_TOO_LARGE => ErrorKind::TooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorKind::UnsupportedType,
            StatusCode::UNPROCESSABLE_ENTITY => ErrorKind::Invalid,
            StatusCode::LOCKED => ErrorKind::Locked,
            StatusCode::TOO_MANY_REQUESTS => ErrorKind::RateLimited,
            _ => ErrorKind::BadRequest,
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::Unauthenticated => StatusCode::UNAUTHORIZED,
            ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::Conflict => StatusCode::CONFLICT,
            ErrorKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::UnsupportedType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorKind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorKind::Locked => StatusCode::LOCKED,
            ErrorKind::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        }
    }
}

/// The JSON error envelope: `{"error": {"code": …, "message": …, "field": …}}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable, machine-readable code, e.g. `invalid_country`.
    pub code: ErrorCode,
    /// A sentence a person can act on.
    pub message: String,
    /// The input field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every problem found in the input, this one first, when there is more than one: a form
    /// is refused with all its errors at once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorItem>,
}

/// One of several problems found in the input.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorItem {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// A refusal the client can do something about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientError {
    pub kind: ErrorKind,
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<&'static str>,
    /// Seconds after which a retry may succeed (rate limits and locks).
    pub retry_after: Option<u64>,
    /// The dynamic parts of the sentence (the value refused, a row number), for the catalogue's
    /// message `error-<code>` to say them in the reader's language.
    pub args: Vec<(&'static str, String)>,
    /// The other problems found in the same input, after this one.
    pub also: Vec<ClientError>,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    // Boxed: results carrying an error stay small on the happy path.
    #[error("{}: {}", .0.code, .0.message)]
    Client(Box<ClientError>),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn client(kind: ErrorKind, code: ErrorCode, message: impl Into<String>) -> Self {
        AppError::Client(Box::new(ClientError {
            kind,
            code,
            message: message.into(),
            field: None,
            retry_after: None,
            args: Vec::new(),
            also: Vec::new(),
        }))
    }

    /// Input that parsed but is not acceptable; names the field so forms can show it there.
    pub fn invalid(field: &'static str, code: ErrorCode, message: impl Into<String>) -> Self {
        AppError::Client(Box::new(ClientError {
            kind: ErrorKind::Invalid,
            code,
            message: message.into(),
            field: Some(field),
            retry_after: None,
            args: Vec::new(),
            also: Vec::new(),
        }))
    }

    /// Every client error of `errors` as one refusal (the first, with the others after it); an
    /// internal error among them wins. `None` when there is none.
    pub fn all(errors: Vec<AppError>) -> Option<AppError> {
        let mut clients = Vec::new();
        for e in errors {
            match e {
                AppError::Client(c) => clients.push(*c),
                internal @ AppError::Internal(_) => return Some(internal),
            }
        }
        let mut iter = clients.into_iter();
        let mut first = iter.next()?;
        first
            .also
            .extend(iter.flat_map(|c| std::iter::once(ClientError { also: Vec::new(), ..c.clone() }).chain(c.also)));
        Some(AppError::Client(Box::new(first)))
    }

    /// This refusal and the others found with it, each as its own error.
    pub fn problems(&self) -> Vec<AppError> {
        match self {
            AppError::Client(c) => std::iter::once(ClientError { also: Vec::new(), ..(**c).clone() })
                .chain(c.also.iter().cloned())
                .map(|c| AppError::Client(Box::new(c)))
                .collect(),
            AppError::Internal(_) => Vec::new(),
        }
    }

    pub fn unauthenticated() -> Self {
        Self::client(
            ErrorKind::Unauthenticated,
            ErrorCode::Unauthenticated,
            "Sign in, or send a valid bearer token in the Authorization header.",
        )
    }

    pub fn forbidden() -> Self {
        Self::client(ErrorKind::Forbidden, ErrorCode::Forbidden, "Your organisation and role do not allow this action.")
    }

    pub fn not_found(what: &str) -> Self {
        Self::client(
            ErrorKind::NotFound,
            ErrorCode::NotFound,
            format!("No {what} with that identifier exists, or you may not see it."),
        )
    }

    pub fn conflict(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::client(ErrorKind::Conflict, code, message)
    }

    /// Names the field at fault, for refusals made without one (a conflict, say).
    pub fn on_field(mut self, field: &'static str) -> Self {
        if let AppError::Client(c) = &mut self {
            c.field = Some(field);
        }
        self
    }

    /// A dynamic part of the sentence, named as the catalogue's message names it.
    pub fn with_arg(mut self, name: &'static str, value: impl ToString) -> Self {
        if let AppError::Client(c) = &mut self {
            c.args.push((name, value.to_string()));
        }
        self
    }

    /// The dynamic parts of the sentence.
    pub fn args(&self) -> &[(&'static str, String)] {
        match self {
            AppError::Client(c) => &c.args,
            AppError::Internal(_) => &[],
        }
    }

    pub fn with_retry_after(mut self, seconds: u64) -> Self {
        if let AppError::Client(c) = &mut self {
            c.retry_after = Some(seconds);
        }
        self
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::Client(c) => c.code,
            AppError::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The kind of refusal; `None` for an internal error.
    pub fn kind(&self) -> Option<ErrorKind> {
        match self {
            AppError::Client(c) => Some(c.kind),
            AppError::Internal(_) => None,
        }
    }

    pub fn is(&self, kind: ErrorKind) -> bool {
        self.kind() == Some(kind)
    }

    pub fn status(&self) -> StatusCode {
        self.kind().map_or(StatusCode::INTERNAL_SERVER_ERROR, ErrorKind::status)
    }

    pub fn field(&self) -> Option<&'static str> {
        match self {
            AppError::Client(c) => c.field,
            AppError::Internal(_) => None,
        }
    }

    /// The sentence shown to a person; internal details never leave the log.
    pub fn public_message(&self) -> String {
        match self {
            AppError::Client(c) => c.message.clone(),
            AppError::Internal(_) => "Something went wrong on our side. It has been logged; please try again.".into(),
        }
    }

    /// Logs internal errors inside the current (request) span. Client errors are not logged
    /// as errors: they are the system working as intended.
    pub fn log(&self) {
        if let AppError::Internal(e) = self {
            tracing::error!(error = ?e, "internal error");
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::Internal(e.into())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        let envelope = ErrorEnvelope {
            error: ErrorBody {
                code: self.code(),
                message: self.public_message(),
                field: self.field().map(str::to_string),
                errors: match &self {
                    AppError::Client(c) if !c.also.is_empty() => self
                        .problems()
                        .iter()
                        .map(|p| ErrorItem {
                            code: p.code(),
                            message: p.public_message(),
                            field: p.field().map(str::to_string),
                        })
                        .collect(),
                    _ => Vec::new(),
                },
            },
        };
        let mut response = (self.status(), axum::Json(envelope)).into_response();
        if let Some(s) = match &self {
            AppError::Client(c) => c.retry_after,
            AppError::Internal(_) => None,
        } {
            if let Ok(v) = HeaderValue::from_str(&s.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response
    }
}

/// Problems found while checking an input, kept so that all of them are told at once.
#[derive(Debug, Default)]
pub struct Problems(Vec<AppError>);

impl Problems {
    /// The value, or nothing with its error kept.
    pub fn keep<T>(&mut self, result: Result<T, AppError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    pub fn push(&mut self, e: AppError) {
        self.0.push(e);
    }

    pub fn into_errors(self) -> Vec<AppError> {
        self.0
    }

    /// All the problems as one refusal, or `Ok` when there was none.
    pub fn finish(self) -> Result<(), AppError> {
        AppError::all(self.0).map_or(Ok(()), Err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_problems_are_one_refusal_that_names_them_all() {
        let mut p = Problems::default();
        assert_eq!(p.keep::<i32>(Ok(1)), Some(1));
        p.keep::<()>(Err(AppError::invalid("office_code", ErrorCode::Required, "Give the office's code.")));
        p.keep::<()>(Err(AppError::invalid("quantity", ErrorCode::InvalidQuantity, "A positive number.")));
        let e = p.finish().unwrap_err();
        assert_eq!((e.code(), e.field()), (ErrorCode::Required, Some("office_code")), "the first is the refusal");
        let all: Vec<_> = e.problems().iter().map(|p| p.field()).collect();
        assert_eq!(all, vec![Some("office_code"), Some("quantity")]);
        assert!(Problems::default().finish().is_ok());
    }
}
