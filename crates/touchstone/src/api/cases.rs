//! Cases (detentions), their answers and thread, alerts and case statistics over JSON.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{ApiAuth, ApiJson, ApiPath, ApiQuery, ErrorJson};
use crate::domain::alerts::{self, Alert, AlertSheet, AlertUpdate};
use crate::domain::cases::{
    self, AnswerInput, Case, CaseListFilter, CaseState, CaseSummary, CaseUpdate, Message, NewCase, NewMessage,
    OutcomeCount, ShareInput, Transition,
};
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/cases", get(list_cases).post(create_case))
        .route("/cases/{id}", get(get_case).put(update_case))
        .route("/cases/{id}/transitions", post(transition))
        .route("/cases/{id}/answers", post(answer))
        .route("/cases/{id}/extension", post(request_extension))
        .route("/cases/{id}/messages", get(list_messages).post(post_message))
        .route("/cases/{id}/shares", post(share_case))
        .route("/cases/{id}/shares/{org}/withdraw", post(withdraw_share))
        .route("/stats/cases", get(case_stats))
        .route("/alerts", get(list_alerts).post(create_alert))
        .route("/alerts/{id}", get(get_alert).put(update_alert))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CaseQuery {
    /// Only cases in this state: draft, detained, answered, decided, closed.
    state: Option<String>,
    /// At most this many (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<i64>,
    #[param(minimum = 0)]
    offset: Option<i64>,
}

/// Cases the caller may see: its administration's and those shared with it; for a rights
/// holder, those naming its brands.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", params(CaseQuery),
    responses((status = 200, body = Vec<CaseSummary>), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn list_cases(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiQuery(q): ApiQuery<CaseQuery>,
) -> AppResult<Json<Vec<CaseSummary>>> {
    let state = match q.state.as_deref().filter(|s| !s.is_empty()) {
        Some(raw) => Some(CaseState::parse(raw).ok_or_else(|| {
            AppError::client(
                ErrorKind::BadRequest,
                ErrorCode::InvalidState,
                "state is one of: draft, detained, answered, decided, closed.",
            )
        })?),
        None => None,
    };
    let limit = super::bounded("limit", q.limit, 1, 500)?.unwrap_or(50);
    let offset = super::bounded("offset", q.offset, 0, i64::MAX)?.unwrap_or(0);
    Ok(Json(cases::list_cases(&s.db, &s.legal, &p, &CaseListFilter { state, limit, offset }).await?))
}

/// Records a detention (officers). Send an `Idempotency-Key` header: repeating the request with
/// the same key returns the case already created (200) instead of creating another.
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases", request_body = NewCase,
    params(("Idempotency-Key" = Option<String>, Header, description = "Unique per case, e.g. a UUID")),
    responses((status = 201, body = Case), (status = 200, body = Case, description = "Replay of an earlier request with the same Idempotency-Key"),
        (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn create_case(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    headers: HeaderMap,
    ApiJson(input): ApiJson<NewCase>,
) -> AppResult<impl IntoResponse> {
    let key = match headers.get("idempotency-key") {
        Some(v) => Some(v.to_str().map_err(|_| {
            AppError::client(
                ErrorKind::BadRequest,
                ErrorCode::InvalidIdempotencyKey,
                "The Idempotency-Key header must be visible ASCII.",
            )
        })?),
        None => None,
    };
    let (case, created) = cases::create_case(&s.db, &s.legal, &p, input, key).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(case)))
}

#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases", params(("id" = i64, Path)),
    responses((status = 200, body = Case), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn get_case(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Case>> {
    Ok(Json(cases::get_case(&s.db, &s.legal, &p, id).await?))
}

/// Saves the case; `version` must be the one you edited (409 `version_conflict` otherwise).
#[utoipa::path(put, path = "/api/v1/cases/{id}", tag = "cases", params(("id" = i64, Path)), request_body = CaseUpdate,
    responses((status = 200, body = Case), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn update_case(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(u): ApiJson<CaseUpdate>,
) -> AppResult<Json<Case>> {
    Ok(Json(cases::update_case(&s.db, &s.legal, &p, id, u).await?))
}

/// Moves the case on: `detain`, `record_declarant_notice`, `decide` (with an outcome), `close`.
/// A step the workflow does not allow now is a 409 naming the allowed ones.
#[utoipa::path(post, path = "/api/v1/cases/{id}/transitions", tag = "cases", params(("id" = i64, Path)), request_body = Transition,
    responses((status = 200, body = Case), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn transition(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(t): ApiJson<Transition>,
) -> AppResult<Json<Case>> {
    Ok(Json(cases::transition(&s.db, &s.legal, &p, id, t).await?))
}

/// A party's answer under the legal regime: the rights holder's own, or the declarant's as
/// recorded by an officer.
#[utoipa::path(post, path = "/api/v1/cases/{id}/answers", tag = "cases", params(("id" = i64, Path)), request_body = AnswerInput,
    responses((status = 200, body = Case), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn answer(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(a): ApiJson<AnswerInput>,
) -> AppResult<Json<Case>> {
    Ok(Json(cases::answer(&s.db, &s.legal, &p, id, a).await?))
}

/// The rights holder's one extension of its deadline, where the regime allows it.
#[utoipa::path(post, path = "/api/v1/cases/{id}/extension", tag = "cases", params(("id" = i64, Path)),
    responses((status = 200, body = Case), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson)))]
pub async fn request_extension(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Case>> {
    Ok(Json(cases::request_extension(&s.db, &s.legal, &p, id).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ThreadQuery {
    /// The rights holder whose thread to read (administration side); all threads when absent.
    thread_organisation_id: Option<i64>,
}

/// The thread of a case; listing marks the messages read.
#[utoipa::path(get, path = "/api/v1/cases/{id}/messages", tag = "cases", params(("id" = i64, Path), ThreadQuery),
    responses((status = 200, body = Vec<Message>), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn list_messages(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<ThreadQuery>,
) -> AppResult<Json<Vec<Message>>> {
    Ok(Json(cases::messages(&s.db, &p, id, q.thread_organisation_id).await?))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/messages", tag = "cases", params(("id" = i64, Path)), request_body = NewMessage,
    responses((status = 201, body = Message), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn post_message(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(m): ApiJson<NewMessage>,
) -> AppResult<impl IntoResponse> {
    Ok(super::created(cases::post_message(&s.db, &p, id, m).await?))
}

/// How the cases the caller may see ended, and where the others stand.
#[utoipa::path(get, path = "/api/v1/stats/cases", tag = "cases",
    responses((status = 200, body = Vec<OutcomeCount>), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn case_stats(State(s): State<AppState>, ApiAuth(p): ApiAuth) -> AppResult<Json<Vec<OutcomeCount>>> {
    Ok(Json(cases::stats(&s.db, &p).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AlertQuery {
    #[param(minimum = 1, maximum = 500)]
    limit: Option<i64>,
    #[param(minimum = 0)]
    offset: Option<i64>,
}

/// Alerts the caller may read: its own organisation's, and those in force that target it.
#[utoipa::path(get, path = "/api/v1/alerts", tag = "alerts", params(AlertQuery),
    responses((status = 200, body = Vec<Alert>), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson)))]
pub async fn list_alerts(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiQuery(q): ApiQuery<AlertQuery>,
) -> AppResult<Json<Vec<Alert>>> {
    let limit = super::bounded("limit", q.limit, 1, 500)?.unwrap_or(100);
    let offset = super::bounded("offset", q.offset, 0, i64::MAX)?.unwrap_or(0);
    Ok(Json(alerts::list_alerts(&s.db, &p, limit, offset).await?))
}

/// Publishes an alert (rights holders and enforcement bodies); new and edited cases are matched against it.
#[utoipa::path(post, path = "/api/v1/alerts", tag = "alerts", request_body = AlertSheet,
    responses((status = 201, body = Alert), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn create_alert(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiJson(sheet): ApiJson<AlertSheet>,
) -> AppResult<impl IntoResponse> {
    Ok(super::created(alerts::create_alert(&s.db, &p, sheet).await?))
}

#[utoipa::path(get, path = "/api/v1/alerts/{id}", tag = "alerts", params(("id" = i64, Path)),
    responses((status = 200, body = Alert), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn get_alert(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Alert>> {
    Ok(Json(alerts::get_alert(&s.db, &p, id).await?))
}

/// Edits or withdraws an alert (`status: withdrawn`); `version` must be the one you edited.
#[utoipa::path(put, path = "/api/v1/alerts/{id}", tag = "alerts", params(("id" = i64, Path)), request_body = AlertUpdate,
    responses((status = 200, body = Alert), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn update_alert(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(u): ApiJson<AlertUpdate>,
) -> AppResult<Json<Alert>> {
    Ok(Json(alerts::update_alert(&s.db, &p, id, u).await?))
}

/// Shares the case with another agency (e.g. police, for an investigation), with a note.
#[utoipa::path(post, path = "/api/v1/cases/{id}/shares", tag = "cases", params(("id" = i64, Path)), request_body = ShareInput,
    responses((status = 200, body = Case), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn share_case(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<ShareInput>,
) -> AppResult<Json<Case>> {
    Ok(Json(cases::share_case(&s.db, &s.legal, &p, id, input).await?))
}

/// Withdraws a share at once.
#[utoipa::path(post, path = "/api/v1/cases/{id}/shares/{org}/withdraw", tag = "cases", params(("id" = i64, Path), ("org" = i64, Path)),
    responses((status = 200, body = Case), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn withdraw_share(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath((id, org)): ApiPath<(i64, i64)>,
) -> AppResult<Json<Case>> {
    Ok(Json(cases::withdraw_share(&s.db, &s.legal, &p, id, org).await?))
}
