//! The one error type of the application and its single mapping to HTTP responses.
//!
//! Client errors carry a stable snake_case code, a sentence a person can act on and, where one
//! field is at fault, its name. Everything else is `Internal`: logged inside the request span
//! and answered with a generic 500 that reveals nothing.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The JSON error envelope: `{"error": {"code": …, "message": …, "field": …}}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable, machine-readable code, e.g. `invalid_country`.
    pub code: String,
    /// A sentence a person can act on.
    pub message: String,
    /// The input field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// A refusal the client can do something about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub field: Option<&'static str>,
    /// Seconds after which a retry may succeed (rate limits and locks).
    pub retry_after: Option<u64>,
    /// The dynamic parts of the sentence (the value refused, a row number), for the catalogue's
    /// message `error-<code>` to say them in the reader's language.
    pub args: Vec<(&'static str, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{}: {}", .0.code, .0.message)]
    Client(ClientError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn client(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        AppError::Client(ClientError {
            status,
            code,
            message: message.into(),
            field: None,
            retry_after: None,
            args: Vec::new(),
        })
    }

    /// Input that parsed but is not acceptable; names the field so forms can show it there.
    pub fn invalid(field: &'static str, code: &'static str, message: impl Into<String>) -> Self {
        AppError::Client(ClientError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code,
            message: message.into(),
            field: Some(field),
            retry_after: None,
            args: Vec::new(),
        })
    }

    pub fn unauthenticated() -> Self {
        Self::client(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "Sign in, or send a valid bearer token in the Authorization header.",
        )
    }

    pub fn forbidden() -> Self {
        Self::client(StatusCode::FORBIDDEN, "forbidden", "Your organisation and role do not allow this action.")
    }

    pub fn not_found(what: &str) -> Self {
        Self::client(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("No {what} with that identifier exists, or you may not see it."),
        )
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::client(StatusCode::CONFLICT, code, message)
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

    pub fn code(&self) -> &'static str {
        match self {
            AppError::Client(c) => c.code,
            AppError::Internal(_) => "internal",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Client(c) => c.status,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
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
                code: self.code().to_string(),
                message: self.public_message(),
                field: self.field().map(str::to_string),
            },
        };
        let mut response = (self.status(), axum::Json(envelope)).into_response();
        if let AppError::Client(ClientError { retry_after: Some(s), .. }) = &self {
            if let Ok(v) = HeaderValue::from_str(&s.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response
    }
}
