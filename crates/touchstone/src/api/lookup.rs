//! Identifying products from codes.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{ApiAuth, ApiQuery, ErrorJson};
use crate::domain::lookup::{self, LookupResult};
use crate::error::AppResult;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/lookup", get(lookup_code))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct LookupQuery {
    /// A GTIN, a GS1 element string (bracketed, or raw with group separators), a GS1 Digital
    /// Link URI, or scanner output with its symbology identifier (e.g. `]d2…`).
    #[param(min_length = 1, max_length = 4096)]
    code: String,
}

/// Resolves a code to the published product card, or to the brand owning its company prefix.
#[utoipa::path(get, path = "/api/v1/lookup", tag = "identify", params(LookupQuery),
    responses((status = 200, body = LookupResult), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn lookup_code(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiQuery(q): ApiQuery<LookupQuery>,
) -> AppResult<Json<LookupResult>> {
    Ok(Json(lookup::lookup(&s.db, &s.verifier, &p, &q.code).await?))
}
