//! Uploading files and reading them back.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use super::{created, ApiAuth, ApiPath, ErrorJson};
use crate::domain::media::{self, StoredMedia};
use crate::domain::policy::Principal;
use crate::error::AppResult;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/media", post(upload)).merge(read_router())
}

/// The read routes, also served at the root (`/media/…`) for the pages' `<img>` tags.
pub fn read_router() -> Router<AppState> {
    Router::new().route("/media/{hash}", get(original)).route("/media/{hash}/thumbnail", get(thumbnail))
}

/// Uploads a JPEG, PNG or WebP picture or a PDF as the raw request body. The type is read
/// from the content, not the headers; pictures are decoded under pixel limits and re-encoded
/// without their metadata (GPS position included).
#[utoipa::path(post, path = "/api/v1/media", tag = "media",
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file's bytes"),
    responses((status = 201, body = StoredMedia), (status = 401, body = ErrorJson), (status = 413, body = ErrorJson),
        (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn upload(State(s): State<AppState>, ApiAuth(p): ApiAuth, request: Request) -> AppResult<impl IntoResponse> {
    // Read one byte past the limit so that an oversized file is told apart from a full one.
    let bytes = axum::body::to_bytes(request.into_body(), s.media.limits.max_bytes + 1)
        .await
        .map_err(|_| super::too_large())?;
    Ok(created(media::upload(&s.db, &s.media, &p, bytes.to_vec()).await?))
}

/// A stored file, as uploaded after cleaning: to the organisation that uploaded it and to those
/// who may read a record showing it (404 otherwise). Anything but a picture is sent as a
/// download, sandboxed.
#[utoipa::path(get, path = "/api/v1/media/{hash}", tag = "media", params(("hash" = String, Path)),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn original(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(hash): ApiPath<String>,
) -> AppResult<impl IntoResponse> {
    serve(&s, &p, &hash, false).await
}

/// A JPEG thumbnail of a stored picture.
#[utoipa::path(get, path = "/api/v1/media/{hash}/thumbnail", tag = "media", params(("hash" = String, Path)),
    responses((status = 200, content_type = "image/jpeg", body = Vec<u8>), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn thumbnail(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(hash): ApiPath<String>,
) -> AppResult<impl IntoResponse> {
    serve(&s, &p, &hash, true).await
}

async fn serve(s: &AppState, p: &Principal, hash: &str, thumbnail: bool) -> AppResult<Response> {
    let (bytes, content_type) = media::read(&s.db, &s.legal, &s.media, p, hash, thumbnail).await?;
    // Content-addressed: a hash never changes content, so it can be cached for long.
    let mut response = (
        [(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "private, max-age=31536000, immutable")],
        bytes,
    )
        .into_response();
    let headers = response.headers_mut();
    // A file is never a page of this site: whatever it holds runs nowhere (a PDF's JavaScript,
    // a viewer's forms), and its type is the one read from its bytes at upload.
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox; default-src 'none'"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // Pictures were decoded and re-encoded at upload and are shown in the pages; anything else
    // (a PDF, kept as uploaded) is downloaded, never opened by the browser in the site's origin.
    if !content_type.starts_with("image/") {
        let extension = content_type.rsplit('/').next().filter(|e| e.bytes().all(|b| b.is_ascii_alphanumeric()));
        let name = format!("attachment; filename=\"{}.{}\"", hash.to_ascii_lowercase(), extension.unwrap_or("bin"));
        let value = HeaderValue::from_str(&name).map_err(|e| crate::error::AppError::Internal(e.into()))?;
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
