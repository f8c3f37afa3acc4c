//! The audit trail over JSON, scoped to what the caller may read.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{ApiAuth, ApiQuery, ErrorJson};
use crate::domain::audit::{self, AuditRecord};
use crate::error::AppResult;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/audit", get(list_audit))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Records with a sequence number below this one (for paging back).
    before: Option<i64>,
    /// At most this many records (default 100).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<i64>,
}

/// Audit records, newest first: all for a platform administrator, the organisation's own for
/// an organisation administrator.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditQuery),
    responses((status = 200, body = Vec<AuditRecord>), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn list_audit(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> AppResult<Json<Vec<AuditRecord>>> {
    let limit = super::bounded("limit", q.limit, 1, 500)?.unwrap_or(100);
    Ok(Json(audit::list(&s.db, &p, q.before, limit).await?))
}
