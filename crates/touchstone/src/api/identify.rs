//! Identifying products from a photo (`POST /scan`) or from words and codes (`GET /search`).
//! Lookup by a code already read is in `lookup.rs`.

use axum::extract::{Request, State};
use axum::routing::{get, post};
use axum::{Json, Router};

use super::{ApiAuth, ApiQuery, ErrorJson};
use crate::domain::scan::{self, ScanResult};
use crate::domain::search::{SearchParams, SearchResults};
use crate::error::AppResult;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/scan", post(scan_photo)).route("/search", get(search_catalog))
}

/// Reads every product barcode in a photo (JPEG, PNG or WebP, sent as the raw request body)
/// and looks each one up. A photo without a readable barcode is not an error: `codes` is
/// empty and `message` says so. The photo is not kept.
#[utoipa::path(post, path = "/api/v1/scan", tag = "identify",
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The photo's bytes"),
    responses((status = 200, body = ScanResult), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 413, body = ErrorJson, description = "Larger than the upload limit"),
        (status = 415, body = ErrorJson, description = "Not a JPEG, PNG or WebP image"),
        (status = 422, body = ErrorJson, description = "Damaged, too many pixels (decompression bomb), or too slow to read")))]
pub async fn scan_photo(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    request: Request,
) -> AppResult<Json<ScanResult>> {
    // One byte past the limit, so that an oversized photo is told apart from a full one.
    let bytes = axum::body::to_bytes(request.into_body(), s.media.limits.max_bytes + 1)
        .await
        .map_err(|_| super::too_large())?;
    Ok(Json(scan::scan(&s.db, &s.media, &s.verifier, &p, bytes.to_vec()).await?))
}

/// Searches the published catalog: brand and product names and aliases in any language
/// (misspellings forgiven), descriptions, GTINs and company prefixes, model numbers, HS codes,
/// categories. A brand whose own name is the query comes first.
#[utoipa::path(get, path = "/api/v1/search", tag = "identify", params(SearchParams),
    responses((status = 200, body = SearchResults), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn search_catalog(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiQuery(q): ApiQuery<SearchParams>,
) -> AppResult<Json<SearchResults>> {
    Ok(Json(s.search.search(&p, &q).await?))
}
