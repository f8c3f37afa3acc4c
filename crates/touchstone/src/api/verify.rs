//! Serial numbers over JSON: the rights holder registers them (streamed CSV or JSON Lines),
//! changes their status, lists them (as keys) and reads the counts of their scans. Officers
//! get the verdicts through `GET /api/v1/lookup`, never these lists. A brand's owner may
//! instead answer the checks through its own service (`/brands/{id}/verification-service`).

use std::io::Read;
use std::pin::Pin;

use axum::body::{Bytes, HttpBody};
use axum::extract::State;
use axum::http::header;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{ApiAuth, ApiJson, ApiPath, ApiQuery, ErrorJson};
use crate::domain::catalog_io::Format;
use crate::domain::verify::connected::{self, NewService, RegisteredService, Service};
use crate::domain::verify::{self, ScanCount, SerialImportReport, SerialPage, StatusChange, StatusChanged};
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/products/{id}/serials", post(import_serials).get(list_serials))
        .route("/products/{id}/serials/status", post(change_status))
        .route("/products/{id}/scans", get(scan_counts))
        .route("/brands/{id}/verification-service", get(get_service).put(register_service).delete(remove_service))
}

/// Largest serial file accepted over HTTP. It is read as it arrives, never held whole.
const MAX_SERIALS_BYTES: usize = 1024 * 1024 * 1024;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SerialImportParams {
    /// `csv` or `jsonl`; from the Content-Type when absent.
    format: Option<Format>,
}

/// Registers serial numbers of a product (the rights holder acting for its brand), upserting
/// on the serial: a repeated import changes nothing. Streamed: rows are checked and written in
/// batches as the body arrives. Invalid rows are reported (row, field, code, sentence) and do
/// not block the others. Serials are stored as keyed hashes only.
#[utoipa::path(post, path = "/api/v1/products/{id}/serials", tag = "verify", params(("id" = i64, Path), SerialImportParams),
    request_body(content = String, content_type = "text/csv", description = "CSV with a header of `serial,batch,expiry[,market][,status]`, or JSON Lines (application/x-ndjson), one `SerialRow` per line. `expiry`: YYMMDD as after AI (17), or YYYY-MM-DD"),
    responses((status = 200, body = SerialImportReport), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn import_serials(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<SerialImportParams>,
    request: axum::extract::Request,
) -> AppResult<Json<SerialImportReport>> {
    let content_type =
        request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let format = q.format.or_else(|| Format::from_name(&content_type)).ok_or_else(|| {
        AppError::client(
            ErrorKind::UnsupportedType,
            ErrorCode::UnsupportedMediaType,
            "Send text/csv or application/x-ndjson, or say ?format=csv or ?format=jsonl.",
        )
    })?;
    let reader = BodyReader::spawn(request.into_body(), MAX_SERIALS_BYTES);
    Ok(Json(verify::import(&s.db, &s.verifier, &p, id, format, reader).await?))
}

/// A request body as a blocking `Read`: a task forwards its chunks as they arrive (a few at a
/// time), so the parser on a blocking thread never holds more than that.
struct BodyReader {
    chunks: tokio::sync::mpsc::Receiver<std::io::Result<Bytes>>,
    current: Bytes,
}

impl BodyReader {
    fn spawn(mut body: axum::body::Body, max_bytes: usize) -> Self {
        let (tx, chunks) = tokio::sync::mpsc::channel(8);
        tokio::spawn(async move {
            let mut total = 0usize;
            loop {
                let frame = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
                let sent = match frame {
                    None => break,
                    Some(Err(e)) => {
                        let _ = tx.send(Err(std::io::Error::other(e))).await;
                        break;
                    }
                    Some(Ok(frame)) => {
                        let Ok(data) = frame.into_data() else { continue };
                        total += data.len();
                        if total > max_bytes {
                            let _ = tx
                                .send(Err(std::io::Error::new(
                                    std::io::ErrorKind::FileTooLarge,
                                    format!(
                                        "The file is larger than {} MiB; split it and send the parts one after the other.",
                                        max_bytes / (1024 * 1024)
                                    ),
                                )))
                                .await;
                            break;
                        }
                        tx.send(Ok(data)).await
                    }
                };
                if sent.is_err() {
                    break; // the parser stopped: nobody reads the rest
                }
            }
        });
        BodyReader { chunks, current: Bytes::new() }
    }
}

impl Read for BodyReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() {
            match self.chunks.blocking_recv() {
                None => return Ok(0),
                Some(chunk) => self.current = chunk?,
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        self.current = self.current.slice(n..);
        Ok(n)
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SerialListParams {
    /// Only the serials of this batch.
    batch: Option<String>,
    /// The `next_after` of the previous page.
    after: Option<String>,
    /// At most this many (default 100).
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<i64>,
}

/// The product's registered serials, as their keys with batch, expiry, market and status
/// (the rights holder acting for the brand; officers never see this list).
#[utoipa::path(get, path = "/api/v1/products/{id}/serials", tag = "verify", params(("id" = i64, Path), SerialListParams),
    responses((status = 200, body = SerialPage), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn list_serials(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<SerialListParams>,
) -> AppResult<Json<SerialPage>> {
    let limit = super::bounded("limit", q.limit, 1, 1000)?.unwrap_or(100);
    Ok(Json(verify::list_serials(&s.db, &p, id, q.batch.as_deref(), q.after.as_deref(), limit).await?))
}

/// Sets the status of one serial or of every serial of a batch (recalled, destroyed, stolen,
/// exported, sample, or active again).
#[utoipa::path(post, path = "/api/v1/products/{id}/serials/status", tag = "verify", params(("id" = i64, Path)), request_body = StatusChange,
    responses((status = 200, body = StatusChanged), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn change_status(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(change): ApiJson<StatusChange>,
) -> AppResult<Json<StatusChanged>> {
    Ok(Json(verify::set_status(&s.db, &s.verifier, &p, id, &change).await?))
}

/// The checks of the product's serials by country and verdict; never who checked.
#[utoipa::path(get, path = "/api/v1/products/{id}/scans", tag = "verify", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<ScanCount>), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn scan_counts(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Vec<ScanCount>>> {
    Ok(Json(verify::scan_counts(&s.db, &p, id).await?))
}

/// Registers (or replaces) the brand's connected verification service: from now on a check of
/// the brand's serials asks it, signed, instead of the registered serials. A new signing
/// secret is made each time; it is in this response only. The brand owner's administrators only.
#[utoipa::path(put, path = "/api/v1/brands/{id}/verification-service", tag = "verify", params(("id" = i64, Path)), request_body = NewService,
    responses((status = 200, body = RegisteredService), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn register_service(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<NewService>,
) -> AppResult<Json<RegisteredService>> {
    Ok(Json(connected::register(&s.db, &s.config.notify, &p, id, &input).await?))
}

/// The brand's verification service (never its secret), with the checks of the last 7 days it
/// gave no verdict for, by reason.
#[utoipa::path(get, path = "/api/v1/brands/{id}/verification-service", tag = "verify", params(("id" = i64, Path)),
    responses((status = 200, body = Service), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn get_service(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Service>> {
    Ok(Json(connected::get(&s.db, &p, id).await?))
}

/// Removes the brand's verification service: checks go back to the registered serials.
#[utoipa::path(delete, path = "/api/v1/brands/{id}/verification-service", tag = "verify", params(("id" = i64, Path)),
    responses((status = 204), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn remove_service(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<StatusCode> {
    connected::remove(&s.db, &p, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
