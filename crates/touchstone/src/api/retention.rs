//! Retention over JSON: the export of everything held about a named party, for a lawful request.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};

use super::{ApiAuth, ApiJson, ErrorJson};
use crate::domain::retention::{self, PartyExport, PartyQuery};
use crate::error::AppResult;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/party-exports", post(export_party))
}

/// Everything the caller's administration holds about a named party (cases naming it with
/// their sheets, obligations, timelines, threads and notices; hits; operation targets), for a
/// lawful request. Customs administrators only (`forbidden` otherwise); audited. A POST, so
/// that the name stays out of URLs and the logs of proxies.
#[utoipa::path(post, path = "/api/v1/party-exports", tag = "retention", request_body = PartyQuery,
    responses((status = 200, body = PartyExport), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson),
        (status = 422, body = ErrorJson)))]
pub async fn export_party(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiJson(query): ApiJson<PartyQuery>,
) -> AppResult<Json<PartyExport>> {
    Ok(Json(retention::export_party(&s.db, &p, &query).await?))
}
