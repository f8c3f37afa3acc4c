//! Organisations and users over JSON.

use axum::extract::State;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{created, ApiAuth, ApiJson, ApiPath, ApiQuery, ErrorJson};
use crate::domain::api_limits::{self, ApiLimitOverrides, OrganisationApiLimits};
use crate::domain::directory::{self, CreatedUser, EmailDomains, NewOrganisation, NewUser, Organisation, User};
use crate::error::AppResult;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me", get(me))
        .route("/organisations", get(list_organisations).post(create_organisation))
        .route("/organisations/{id}", get(get_organisation))
        .route("/organisations/{id}/email-domains", put(set_email_domains))
        .route("/organisations/{id}/api-limits", get(get_api_limits).put(set_api_limits))
        .route("/users", get(list_users).post(create_user))
        .route("/users/{id}", get(get_user))
        .route("/users/{id}/deactivate", post(deactivate_user))
        .route("/users/{id}/reactivate", post(reactivate_user))
        .route("/users/{id}/reset-credentials", post(reset_credentials))
}

/// The signed-in user.
#[utoipa::path(get, path = "/api/v1/me", tag = "directory",
    responses((status = 200, body = User), (status = 401, body = ErrorJson)))]
pub async fn me(State(s): State<AppState>, ApiAuth(p): ApiAuth) -> AppResult<Json<User>> {
    Ok(Json(directory::get_user(&s.db, &p, p.user_id).await?))
}

/// Organisations the caller may see: all for a platform administrator, their own otherwise.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "directory",
    responses((status = 200, body = Vec<Organisation>), (status = 401, body = ErrorJson)))]
pub async fn list_organisations(State(s): State<AppState>, ApiAuth(p): ApiAuth) -> AppResult<Json<Vec<Organisation>>> {
    Ok(Json(directory::list_organisations(&s.db, &p).await?))
}

/// Creates an organisation (platform administrators).
#[utoipa::path(post, path = "/api/v1/organisations", tag = "directory", request_body = NewOrganisation,
    responses((status = 201, body = Organisation), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson),
        (status = 400, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn create_organisation(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiJson(input): ApiJson<NewOrganisation>,
) -> AppResult<impl axum::response::IntoResponse> {
    Ok(created(directory::create_organisation(&s.db, &p, &input).await?))
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = Organisation), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn get_organisation(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Organisation>> {
    Ok(Json(directory::get_organisation(&s.db, &p, id).await?))
}

/// Replaces the e-mail domains vetted as the organisation's own (platform administrators).
/// Its administrators then create accounts at these domains only.
#[utoipa::path(put, path = "/api/v1/organisations/{id}/email-domains", tag = "directory", params(("id" = i64, Path)),
    request_body = EmailDomains,
    responses((status = 200, body = Organisation), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson), (status = 409, body = ErrorJson),
        (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn set_email_domains(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<EmailDomains>,
) -> AppResult<Json<Organisation>> {
    Ok(Json(directory::set_email_domains(&s.db, &p, id, &input).await?))
}

/// The organisation's API limits: its own figures and those in force for each of its tokens
/// (platform administrators).
#[utoipa::path(get, path = "/api/v1/organisations/{id}/api-limits", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = OrganisationApiLimits), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn get_api_limits(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<OrganisationApiLimits>> {
    Ok(Json(api_limits::get(&s.db, &p, &s.config.api_limits, id).await?))
}

/// Sets the organisation's API limits per token (platform administrators), replacing its own
/// figures; a figure left out or `null` is the `[api_limits]` default. Audited.
#[utoipa::path(put, path = "/api/v1/organisations/{id}/api-limits", tag = "directory", params(("id" = i64, Path)),
    request_body = ApiLimitOverrides,
    responses((status = 200, body = OrganisationApiLimits), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson),
        (status = 403, body = ErrorJson), (status = 404, body = ErrorJson),
        (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn set_api_limits(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<ApiLimitOverrides>,
) -> AppResult<Json<OrganisationApiLimits>> {
    Ok(Json(api_limits::set(&s.db, &p, &s.config.api_limits, id, &input).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct UserFilter {
    /// Only this organisation's users; the caller's own by default (all, for a platform admin).
    organisation_id: Option<i64>,
}

/// Users of an organisation (organisation and platform administrators).
#[utoipa::path(get, path = "/api/v1/users", tag = "directory", params(UserFilter),
    responses((status = 200, body = Vec<User>), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn list_users(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiQuery(f): ApiQuery<UserFilter>,
) -> AppResult<Json<Vec<User>>> {
    Ok(Json(directory::list_users(&s.db, &p, f.organisation_id).await?))
}

/// Creates a user; when no password is given one is generated and returned once.
#[utoipa::path(post, path = "/api/v1/users", tag = "directory", request_body = NewUser,
    responses((status = 201, body = CreatedUser), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn create_user(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiJson(input): ApiJson<NewUser>,
) -> AppResult<impl axum::response::IntoResponse> {
    Ok(created(directory::create_user(&s.db, &p, &input).await?))
}

#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = User), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn get_user(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<User>> {
    Ok(Json(directory::get_user(&s.db, &p, id).await?))
}

/// Deactivates a user: their sessions end and their tokens stop working.
#[utoipa::path(post, path = "/api/v1/users/{id}/deactivate", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = User), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn deactivate_user(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<User>> {
    Ok(Json(directory::set_user_active(&s.db, &p, id, false).await?))
}

#[utoipa::path(post, path = "/api/v1/users/{id}/reactivate", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = User), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn reactivate_user(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<User>> {
    Ok(Json(directory::set_user_active(&s.db, &p, id, true).await?))
}

/// Replaces the password with a generated one (returned once), removes the second factor and unlocks.
#[utoipa::path(post, path = "/api/v1/users/{id}/reset-credentials", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = CreatedUser), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn reset_credentials(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<CreatedUser>> {
    Ok(Json(directory::reset_credentials(&s.db, &p, id).await?))
}
