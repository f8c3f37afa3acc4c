//! Notifications over JSON: the caller's inbox, the organisation's webhook endpoints and the
//! deliveries that keep failing.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{created, ApiAuth, ApiJson, ApiPath, ApiQuery, ErrorJson};
use crate::domain::notify::{self, CreatedWebhook, InboxItem, NewWebhook, PendingDelivery, Webhook};
use crate::error::AppResult;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inbox", get(get_inbox))
        .route("/inbox/read-all", post(read_all))
        .route("/inbox/{id}/read", post(mark_read))
        .route("/webhooks", get(list_webhooks).post(create_webhook))
        .route("/webhooks/{id}", delete(delete_webhook))
        .route("/notifications/deliveries", get(list_deliveries))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct InboxQuery {
    /// Only notifications the caller has not read.
    unread: Option<bool>,
    /// At most this many notifications (default 50).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<i64>,
}

/// The caller's inbox.
#[derive(Debug, Serialize, ToSchema)]
pub struct Inbox {
    /// Notifications the caller has not read, in all.
    pub unread: i64,
    /// Newest first.
    pub items: Vec<InboxItem>,
}

/// The caller's notifications (their organisation's, with their own read marks), newest first.
#[utoipa::path(get, path = "/api/v1/inbox", tag = "notifications", params(InboxQuery),
    responses((status = 200, body = Inbox), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson)))]
pub async fn get_inbox(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiQuery(q): ApiQuery<InboxQuery>,
) -> AppResult<Json<Inbox>> {
    let limit = super::bounded("limit", q.limit, 1, 500)?.unwrap_or(50);
    let tr = super::reader_tr(&s, &p).await?;
    let items = notify::inbox(&s.db, &p, &tr, q.unread.unwrap_or(false), limit).await?;
    let unread = notify::unread_count(&s.db, &p).await?;
    Ok(Json(Inbox { unread, items }))
}

/// Marks one notification read for the caller.
#[utoipa::path(post, path = "/api/v1/inbox/{id}/read", tag = "notifications", params(("id" = i64, Path)),
    responses((status = 204), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn mark_read(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<StatusCode> {
    notify::mark_read(&s.db, &p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Marked {
    /// How many notifications were marked read.
    pub marked: u64,
}

/// Marks every notification of the caller's organisation read for the caller.
#[utoipa::path(post, path = "/api/v1/inbox/read-all", tag = "notifications",
    responses((status = 200, body = Marked), (status = 401, body = ErrorJson)))]
pub async fn read_all(State(s): State<AppState>, ApiAuth(p): ApiAuth) -> AppResult<Json<Marked>> {
    Ok(Json(Marked { marked: notify::mark_all_read(&s.db, &p).await? }))
}

/// The webhook endpoints of the caller's organisation (organisation administrators).
#[utoipa::path(get, path = "/api/v1/webhooks", tag = "notifications",
    responses((status = 200, body = Vec<Webhook>), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn list_webhooks(State(s): State<AppState>, ApiAuth(p): ApiAuth) -> AppResult<Json<Vec<Webhook>>> {
    Ok(Json(notify::list_webhooks(&s.db, &p).await?))
}

/// Registers a webhook endpoint for the caller's organisation; every later notification of the
/// organisation is POSTed to it, signed. The signing secret is in this response only.
#[utoipa::path(post, path = "/api/v1/webhooks", tag = "notifications", request_body = NewWebhook,
    responses((status = 201, body = CreatedWebhook), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn create_webhook(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiJson(input): ApiJson<NewWebhook>,
) -> AppResult<impl axum::response::IntoResponse> {
    Ok(created(notify::create_webhook(&s.db, &s.config.notify, &p, &input).await?))
}

/// Removes a webhook endpoint; deliveries still waiting for it are cancelled.
#[utoipa::path(delete, path = "/api/v1/webhooks/{id}", tag = "notifications", params(("id" = i64, Path)),
    responses((status = 204), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn delete_webhook(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<StatusCode> {
    notify::delete_webhook(&s.db, &p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deliveries (e-mail, webhook) not yet delivered after at least one attempt: the caller's
/// organisation's, or all for a platform administrator. `failing` marks those past the
/// deployment's threshold; all are still retried.
#[utoipa::path(get, path = "/api/v1/notifications/deliveries", tag = "notifications",
    responses((status = 200, body = Vec<PendingDelivery>), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn list_deliveries(State(s): State<AppState>, ApiAuth(p): ApiAuth) -> AppResult<Json<Vec<PendingDelivery>>> {
    Ok(Json(notify::pending_deliveries(&s.db, &s.config.notify, &p).await?))
}
