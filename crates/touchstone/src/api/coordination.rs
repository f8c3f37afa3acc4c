//! Access grants, operations, targets, planned actions and hits over JSON.

use axum::extract::State;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};

use super::{created, ApiAuth, ApiJson, ApiPath, ErrorJson};
use crate::domain::coordination::{
    self, AccessRequest, EventAdded, Grant, GrantChange, Hit, NewAccessRequest, NewAcknowledgement, NewEvent, NewGrant,
    NewTarget, Operation, OperationInput, OperationSummary, Overview, TargetsAdded,
};
use crate::error::AppResult;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/grants", get(list_grants).post(create_grant))
        .route("/grants/{id}", axum::routing::put(change_grant))
        .route("/grants/{id}/revoke", post(revoke_grant))
        .route("/access-requests", get(list_access_requests).post(request_access))
        .route("/access-requests/{id}/decline", post(decline_access_request))
        .route("/operations", get(list_operations).post(create_operation))
        .route("/operations/{id}", get(get_operation).put(update_operation))
        .route("/operations/{id}/targets", post(add_targets))
        .route("/operations/{id}/events", post(add_event))
        .route("/coordination/hits", get(list_hits))
        .route("/coordination/hits/{id}/acknowledge", post(acknowledge_hit))
        .route("/coordination/overview", get(overview))
}

/// Access grants the caller's organisation gave or received.
#[utoipa::path(get, path = "/api/v1/grants", tag = "coordination",
    responses((status = 200, body = Vec<Grant>), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn list_grants(State(s): State<AppState>, ApiAuth(p): ApiAuth) -> AppResult<Json<Vec<Grant>>> {
    Ok(Json(coordination::list_grants(&s.db, &p).await?))
}

/// Gives a police or other enforcement organisation scoped, expiring access (customs administrators).
#[utoipa::path(post, path = "/api/v1/grants", tag = "coordination", request_body = NewGrant,
    responses((status = 201, body = Grant), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn create_grant(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiJson(g): ApiJson<NewGrant>,
) -> AppResult<impl IntoResponse> {
    Ok(created(coordination::create_grant(&s.db, &p, g).await?))
}

/// Revokes a grant at once.
#[utoipa::path(post, path = "/api/v1/grants/{id}/revoke", tag = "coordination", params(("id" = i64, Path)),
    responses((status = 200, body = Grant), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn revoke_grant(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Grant>> {
    Ok(Json(coordination::revoke_grant(&s.db, &p, id).await?))
}

/// Changes the scopes, reason and expiry of a grant in force (its grantor's administrators).
#[utoipa::path(put, path = "/api/v1/grants/{id}", tag = "coordination", params(("id" = i64, Path)), request_body = GrantChange,
    responses((status = 200, body = Grant), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson),
        (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn change_grant(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(c): ApiJson<GrantChange>,
) -> AppResult<Json<Grant>> {
    Ok(Json(coordination::change_grant(&s.db, &p, id, c).await?))
}

/// Requests for access: an agency's own, or those a customs administration (or the platform
/// administrator) may answer.
#[utoipa::path(get, path = "/api/v1/access-requests", tag = "coordination",
    responses((status = 200, body = Vec<AccessRequest>), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn list_access_requests(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
) -> AppResult<Json<Vec<AccessRequest>>> {
    Ok(Json(coordination::access_requests(&s.db, &p).await?))
}

/// A police force or another agency asks for access; the customs administrations of its
/// country and the platform administrators are told.
#[utoipa::path(post, path = "/api/v1/access-requests", tag = "coordination", request_body = NewAccessRequest,
    responses((status = 201, body = AccessRequest), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn request_access(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiJson(r): ApiJson<NewAccessRequest>,
) -> AppResult<impl IntoResponse> {
    Ok(created(coordination::request_access(&s.db, &p, r).await?))
}

/// Closes a request without a grant.
#[utoipa::path(post, path = "/api/v1/access-requests/{id}/decline", tag = "coordination", params(("id" = i64, Path)),
    responses((status = 200, body = AccessRequest), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson), (status = 409, body = ErrorJson)))]
pub async fn decline_access_request(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<AccessRequest>> {
    Ok(Json(coordination::decline_access_request(&s.db, &p, id).await?))
}

/// The caller's agency's operations.
#[utoipa::path(get, path = "/api/v1/operations", tag = "coordination",
    responses((status = 200, body = Vec<OperationSummary>), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn list_operations(State(s): State<AppState>, ApiAuth(p): ApiAuth) -> AppResult<Json<Vec<OperationSummary>>> {
    Ok(Json(coordination::list_operations(&s.db, &p).await?))
}

#[utoipa::path(post, path = "/api/v1/operations", tag = "coordination", request_body = OperationInput,
    responses((status = 201, body = Operation), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn create_operation(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiJson(o): ApiJson<OperationInput>,
) -> AppResult<impl IntoResponse> {
    Ok(created(coordination::create_operation(&s.db, &p, o).await?))
}

/// One of the caller's agency's operations; another agency's is a 404.
#[utoipa::path(get, path = "/api/v1/operations/{id}", tag = "coordination", params(("id" = i64, Path)),
    responses((status = 200, body = Operation), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn get_operation(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Operation>> {
    Ok(Json(coordination::get_operation(&s.db, &p, id).await?))
}

#[utoipa::path(put, path = "/api/v1/operations/{id}", tag = "coordination", params(("id" = i64, Path)), request_body = OperationInput,
    responses((status = 200, body = Operation), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn update_operation(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(o): ApiJson<OperationInput>,
) -> AppResult<Json<Operation>> {
    Ok(Json(coordination::update_operation(&s.db, &p, id, o).await?))
}

/// Adds targets (1 to 5,000) and checks them against every other agency's at once; a hit is
/// reported to both points of contact.
#[utoipa::path(post, path = "/api/v1/operations/{id}/targets", tag = "coordination", params(("id" = i64, Path)), request_body = Vec<NewTarget>,
    responses((status = 200, body = TargetsAdded), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn add_targets(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(t): ApiJson<Vec<NewTarget>>,
) -> AppResult<Json<TargetsAdded>> {
    Ok(Json(coordination::add_targets(&s.db, &s.match_key, &p, id, t).await?))
}

/// Adds a planned action; overlaps in place and time with other agencies' are reported to both.
#[utoipa::path(post, path = "/api/v1/operations/{id}/events", tag = "coordination", params(("id" = i64, Path)), request_body = NewEvent,
    responses((status = 200, body = EventAdded), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn add_event(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(e): ApiJson<NewEvent>,
) -> AppResult<Json<EventAdded>> {
    Ok(Json(coordination::add_event(&s.db, &p, id, e).await?))
}

/// Says what this side decided once it talked to the other agency (once per hit and side); the
/// other side is told the outcome.
#[utoipa::path(post, path = "/api/v1/coordination/hits/{id}/acknowledge", tag = "coordination", params(("id" = i64, Path)),
    request_body = NewAcknowledgement,
    responses((status = 200, body = Hit), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson),
        (status = 422, body = ErrorJson)))]
pub async fn acknowledge_hit(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(a): ApiJson<NewAcknowledgement>,
) -> AppResult<Json<Hit>> {
    Ok(Json(coordination::acknowledge(&s.db, &p, id, a).await?))
}

/// The caller's agency's hits: which of its own items met another agency, and whom to call.
#[utoipa::path(get, path = "/api/v1/coordination/hits", tag = "coordination",
    responses((status = 200, body = Vec<Hit>), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn list_hits(State(s): State<AppState>, ApiAuth(p): ApiAuth) -> AppResult<Json<Vec<Hit>>> {
    Ok(Json(coordination::hits(&s.db, &p).await?))
}

/// A coordinator's overview: operations, targets, planned actions and hits of the own agency.
#[utoipa::path(get, path = "/api/v1/coordination/overview", tag = "coordination",
    responses((status = 200, body = Overview), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn overview(State(s): State<AppState>, ApiAuth(p): ApiAuth) -> AppResult<Json<Overview>> {
    Ok(Json(coordination::overview(&s.db, &p).await?))
}
