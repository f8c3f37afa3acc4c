//! The JSON API under `/api/v1`, described by the OpenAPI document at `/api/v1/openapi.json`.
//!
//! Handlers parse input with the wrapped extractors below (so that even a rejected body gets
//! the one error envelope), authenticate with [`ApiAuth`], and call the domain.

mod audit;
mod cases;
mod catalog;
mod coordination;
mod directory;
mod identify;
mod lookup;
pub mod media;
mod notify;
mod retention;
mod tokens;
mod verify;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::OpenApi;

use crate::domain::auth;
use crate::domain::policy::Principal;
use crate::error::{AppError, ErrorCode, ErrorKind};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(|| async { Json(ApiDoc::openapi()) }))
        .merge(directory::router())
        .merge(tokens::router())
        .merge(audit::router())
        .merge(catalog::router())
        .merge(media::router())
        .merge(lookup::router())
        .merge(notify::router())
        .merge(identify::router())
        .merge(cases::router())
        .merge(coordination::router())
        .merge(verify::router())
        .merge(retention::router())
        .fallback(|| async {
            AppError::client(
                ErrorKind::NotFound,
                ErrorCode::NoSuchEndpoint,
                "There is no such endpoint; see /api/v1/openapi.json.",
            )
        })
        .method_not_allowed_fallback(|| async {
            AppError::client(
                ErrorKind::MethodNotAllowed,
                ErrorCode::MethodNotAllowed,
                "This endpoint does not accept that method; see /api/v1/openapi.json.",
            )
        })
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Touchstone API", version = "1", description = "Enforcement officers and rights holders: identify products, record detentions, coordinate operations. Every error has the envelope `{\"error\": {\"code\", \"message\", \"field\"}}`."),
    paths(
        directory::me, directory::list_organisations, directory::create_organisation, directory::get_organisation,
        directory::set_email_domains, directory::get_api_limits, directory::set_api_limits,
        directory::list_users, directory::create_user, directory::get_user, directory::deactivate_user,
        directory::reactivate_user, directory::reset_credentials,
        tokens::list_tokens, tokens::create_token, tokens::revoke_token,
        audit::list_audit,
        catalog::list_brands, catalog::create_brand, catalog::get_brand, catalog::update_brand, catalog::publish_brand,
        catalog::delegate_brand, catalog::list_products, catalog::create_product, catalog::get_product,
        catalog::update_product, catalog::publish_product, catalog::product_card,
        catalog::import_catalog, catalog::export_catalog,
        media::upload, media::original, media::thumbnail,
        notify::get_inbox, notify::mark_read, notify::read_all, notify::list_webhooks, notify::create_webhook,
        notify::delete_webhook, notify::list_deliveries,
        lookup::lookup_code, identify::scan_photo, identify::search_catalog,
        cases::list_cases, cases::create_case, cases::get_case, cases::update_case, cases::transition, cases::answer,
        cases::request_extension, cases::list_messages, cases::post_message, cases::case_stats,
        cases::share_case, cases::withdraw_share,
        cases::list_alerts, cases::create_alert, cases::get_alert, cases::update_alert,
        coordination::list_grants, coordination::create_grant, coordination::revoke_grant, coordination::change_grant,
        coordination::list_access_requests, coordination::request_access, coordination::decline_access_request,
        coordination::list_operations, coordination::create_operation, coordination::get_operation,
        coordination::update_operation, coordination::add_targets, coordination::add_event,
        coordination::list_hits, coordination::overview, coordination::acknowledge_hit,
        verify::import_serials, verify::list_serials, verify::change_status, verify::scan_counts,
        verify::register_service, verify::get_service, verify::remove_service,
        retention::export_party,
    ),
    components(schemas(
        crate::error::ErrorEnvelope,
        crate::error::ErrorBody,
        crate::domain::catalog_io::Format,
        crate::domain::catalog_io::ImportRow,
        crate::domain::catalog_io::ImportImage,
        crate::domain::catalog_io::ExportImages,
        crate::domain::verify::SerialRow
    )),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
        // Every endpoint may refuse a bearer token over its limits (crate::ops::limits).
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let too_many = ResponseBuilder::new()
            .description(
                "rate_limited: this API token is over its requests per minute or its concurrent requests; retry \
                 after the seconds in Retry-After",
            )
            .content(
                "application/json",
                ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorEnvelope"))).build(),
            )
            .build();
        for item in openapi.paths.paths.values_mut() {
            for op in
                [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch].into_iter().flatten()
            {
                op.responses.responses.entry("429".into()).or_insert_with(|| too_many.clone().into());
            }
        }
    }
}

/// `Json<T>` whose rejections use the error envelope with a precise code.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        use axum::extract::rejection::JsonRejection as R;
        // serde reads a struct from a JSON array as readily as from an object (its fields by
        // position), so `[null, null]` would pass for a body of optional fields. A body is an
        // object unless the handler takes a list: the bytes are read once here to tell.
        let (parts, body) = req.into_parts();
        let mut again = Request::new(axum::body::Body::empty());
        *again.method_mut() = parts.method.clone();
        *again.uri_mut() = parts.uri.clone();
        *again.headers_mut() = parts.headers.clone();
        *again.extensions_mut() = parts.extensions.clone();
        let bytes = match axum::body::Bytes::from_request(Request::from_parts(parts, body), state).await {
            Ok(b) => b,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
            Err(e) => {
                return Err(AppError::client(ErrorKind::from_status(e.status()), ErrorCode::InvalidBody, e.body_text()))
            }
        };
        let is_list = std::any::type_name::<T>().starts_with("alloc::vec::Vec<");
        let is_array = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
        *again.body_mut() = axum::body::Body::from(bytes);
        match Json::<T>::from_request(again, state).await {
            Ok(_) if is_array && !is_list => Err(AppError::client(
                ErrorKind::Invalid,
                ErrorCode::InvalidBody,
                "The JSON does not have the expected shape: send an object ({…}), not a list.",
            )),
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(R::MissingJsonContentType(_)) => Err(AppError::client(
                ErrorKind::UnsupportedType,
                ErrorCode::UnsupportedMediaType,
                "Send the body as JSON with the header Content-Type: application/json.",
            )),
            Err(R::JsonSyntaxError(e)) => Err(AppError::client(
                ErrorKind::BadRequest,
                ErrorCode::MalformedJson,
                format!("The body is not valid JSON: {}", inner_message(&e.body_text())),
            )),
            Err(R::JsonDataError(e)) => {
                let text = inner_message(&e.body_text());
                let code =
                    if text.contains("unknown field") { ErrorCode::UnknownField } else { ErrorCode::InvalidBody };
                Err(AppError::client(
                    ErrorKind::Invalid,
                    code,
                    format!("The JSON does not have the expected shape: {text}"),
                ))
            }
            Err(R::BytesRejection(e)) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(too_large()),
            Err(other) if other.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(too_large()),
            Err(other) => {
                Err(AppError::client(ErrorKind::from_status(other.status()), ErrorCode::InvalidBody, other.body_text()))
            }
        }
    }
}

pub fn too_large() -> AppError {
    AppError::client(
        ErrorKind::TooLarge,
        ErrorCode::PayloadTooLarge,
        "The request body is larger than this server accepts; send less data per request.",
    )
}

/// serde's message without axum's "Failed to deserialize…" preamble.
fn inner_message(text: &str) -> String {
    text.rsplit_once(": ").map(|(_, m)| m).unwrap_or(text).to_string()
}

/// `Query<T>` with the error envelope.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state).await.map(|q| ApiQuery(q.0)).map_err(|e| {
            AppError::client(
                ErrorKind::BadRequest,
                ErrorCode::InvalidQuery,
                format!("The query string is not valid: {}", inner_message(&e.body_text())),
            )
        })
    }
}

/// `Path<T>` with the error envelope.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state).await.map(|p| ApiPath(p.0)).map_err(|e| {
            AppError::client(
                ErrorKind::BadRequest,
                ErrorCode::InvalidPath,
                format!("The address is not valid: {}", inner_message(&e.body_text())),
            )
        })
    }
}

/// The caller of an API request: a bearer token, or a browser session for safe methods only
/// (a session cookie on a POST would open the API to cross-site requests). A bearer token is
/// held to its request rate and concurrency ([`crate::ops::limits`]); a session is not.
pub struct ApiAuth(pub Principal);

impl FromRequestParts<AppState> for ApiAuth {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
            let token = value
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(str::trim)
                .ok_or_else(AppError::unauthenticated)?;
            let principal =
                auth::principal_from_token(&state.db, token).await?.ok_or_else(AppError::unauthenticated)?;
            // Each token within its own budget, so that one integration cannot starve the others.
            let limits = state.api_limiter.limits_for(&state.db, principal.org_id).await?;
            match state.api_limiter.admit(token, &limits, std::time::Instant::now()) {
                Ok(place) => crate::ops::requests::hold_until_answered(place),
                Err(refusal) => {
                    crate::ops::requests::note_limited(refusal, principal.org_id);
                    return Err(crate::ops::limits::refusal_error(refusal, &limits));
                }
            }
            return Ok(ApiAuth(principal));
        }
        if matches!(parts.method, Method::GET | Method::HEAD) {
            if let Some(principal) = crate::web::api_principal_from_session(parts, state).await? {
                return Ok(ApiAuth(principal));
            }
        }
        Err(AppError::unauthenticated())
    }
}

/// A query number within its documented bounds, or a 400 naming them.
pub(crate) fn bounded(name: &'static str, value: Option<i64>, min: i64, max: i64) -> Result<Option<i64>, AppError> {
    match value {
        Some(v) if v < min || v > max => Err(AppError::client(
            ErrorKind::BadRequest,
            ErrorCode::OutOfRange,
            if max == i64::MAX {
                format!("{name} must be at least {min}.")
            } else {
                format!("{name} must be between {min} and {max}.")
            },
        )),
        v => Ok(v),
    }
}

/// Documented error responses shared by the endpoints.
pub(crate) type ErrorJson = crate::error::ErrorEnvelope;

pub(crate) fn created<T: serde::Serialize>(value: T) -> impl IntoResponse {
    (StatusCode::CREATED, Json(value))
}

/// The caller's language and time zone, for what the API writes in words (notifications): their
/// profile's, and UTC with English for the console.
pub(crate) async fn reader_tr(s: &AppState, p: &Principal) -> Result<crate::i18n::Tr, AppError> {
    use crate::domain::types::Language;
    use crate::i18n::{time, Tr};
    if p.user_id == 0 {
        return Ok(Tr::new(Language::En));
    }
    let user = crate::store::directory::get_user(s.db.reader(), p.user_id).await?;
    Ok(match user {
        Some(u) => Tr::with_zone(u.language, time::reader_zone(u.time_zone.as_deref(), &u.organisation_country)),
        None => Tr::new(Language::En),
    })
}
