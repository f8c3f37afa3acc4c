//! The caller's own API tokens.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, get};
use axum::{Json, Router};

use super::{created, ApiAuth, ApiJson, ApiPath, ErrorJson};
use crate::domain::auth::{self, ApiToken, CreatedToken, NewToken};
use crate::error::AppResult;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/tokens", get(list_tokens).post(create_token)).route("/tokens/{id}", delete(revoke_token))
}

#[utoipa::path(get, path = "/api/v1/tokens", tag = "account",
    responses((status = 200, body = Vec<ApiToken>), (status = 401, body = ErrorJson)))]
pub async fn list_tokens(State(s): State<AppState>, ApiAuth(p): ApiAuth) -> AppResult<Json<Vec<ApiToken>>> {
    Ok(Json(auth::list_tokens(&s.db, &p).await?))
}

/// Creates a bearer token for the caller; the secret is in the response only.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "account", request_body = NewToken,
    responses((status = 201, body = CreatedToken), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson),
        (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn create_token(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiJson(input): ApiJson<NewToken>,
) -> AppResult<impl axum::response::IntoResponse> {
    Ok(created(auth::create_token(&s.db, &s.config.auth, &p, &p, &input).await?))
}

/// Revokes one of the caller's tokens at once.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "account", params(("id" = i64, Path)),
    responses((status = 204), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn revoke_token(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<StatusCode> {
    auth::revoke_token(&s.db, &p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
