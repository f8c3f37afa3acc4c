//! Brands and products over JSON: the rights holder's side (drafts, publication, delegation)
//! and the officer's product card.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::{created, ApiAuth, ApiJson, ApiPath, ApiQuery, ErrorJson};
use crate::domain::catalog::{
    self, Brand, BrandSummary, BrandUpdate, NewBrand, NewProduct, Product, ProductCard, ProductSummary, ProductUpdate,
};
use crate::domain::catalog_io::{self, ImportReport};
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/brands", get(list_brands).post(create_brand))
        .route("/brands/{id}", get(get_brand).put(update_brand))
        .route("/brands/{id}/publish", post(publish_brand))
        .route("/brands/{id}/delegations", post(delegate_brand))
        .route("/brands/{id}/products", get(list_products).post(create_product))
        .route("/products/{id}", get(get_product).put(update_product))
        .route("/products/{id}/publish", post(publish_product))
        .route("/products/{id}/card", get(product_card))
        .route("/catalog/import", post(import_catalog))
        .route("/catalog/export", get(export_catalog))
}

/// Largest import accepted over HTTP; larger catalogs go through `touchstone catalog import`.
const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ImportParams {
    /// `csv` or `jsonl`; from the Content-Type when absent.
    format: Option<catalog_io::Format>,
    /// The rights-holder organisation that owns brands the import creates (platform administrators).
    owner_organisation_id: Option<i64>,
}

/// Imports products (CSV or JSON Lines, up to 64 MiB); upserts on brand and product keys, so a
/// repeated import changes nothing. Invalid rows are reported and do not block the others.
///
/// Rows may carry pictures: in CSV an `images` cell of `label:source#caption` entries
/// separated by `|`; in JSON Lines an `images` array of `ImportImage` beside `sheet`. A source
/// is a `data:image/png|jpeg|webp;base64,…` URI or a `media:<sha256>` reference to a stored
/// file (file paths work only with `touchstone catalog import`). Each picture is checked as an
/// upload is; a refused one makes its row fail with column `images` and the media error code
/// (`too_many_pixels`, `corrupt_file`, `file_too_large`, `unsupported_type`…).
#[utoipa::path(post, path = "/api/v1/catalog/import", tag = "catalog", params(ImportParams),
    request_body(content = String, content_type = "text/csv", description = "CSV with the columns of the export (`images`: `label:source#caption` entries separated by `|`, sources being `data:` URIs or `media:<sha256>`), or JSON Lines (application/x-ndjson), one `ImportRow` per line"),
    responses((status = 200, body = ImportReport), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn import_catalog(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiQuery(q): ApiQuery<ImportParams>,
    request: axum::extract::Request,
) -> AppResult<Json<ImportReport>> {
    catalog_io::check_may_import(&p)?;
    let content_type =
        request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let format = q.format.or_else(|| catalog_io::Format::from_name(&content_type)).ok_or_else(|| {
        AppError::client(
            ErrorKind::UnsupportedType,
            ErrorCode::UnsupportedMediaType,
            "Send text/csv or application/x-ndjson, or say ?format=csv or ?format=jsonl.",
        )
    })?;
    let body = axum::body::to_bytes(request.into_body(), MAX_IMPORT_BYTES).await.map_err(|_| super::too_large())?;
    if body.is_empty() {
        return Err(AppError::client(
            ErrorKind::BadRequest,
            ErrorCode::EmptyBody,
            "Send the file to import as the request body.",
        ));
    }
    let owner = if p.is_platform_admin() { q.owner_organisation_id } else { None };
    Ok(Json(catalog_io::import(&s.db, &s.media, &p, owner, format, std::io::Cursor::new(body)).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ExportParams {
    /// `csv` or `jsonl` (default).
    format: Option<catalog_io::Format>,
    /// `reference` (default): pictures as `media:<sha256>` references, for importing back here;
    /// `embed`: as `data:` URIs, a self-contained file for another Touchstone.
    images: Option<catalog_io::ExportImages>,
}

/// Exports every product of the brands the caller owns or represents, in the import format.
#[utoipa::path(get, path = "/api/v1/catalog/export", tag = "catalog", params(ExportParams),
    responses((status = 200, description = "The products, one per line or row", content((String = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn export_catalog(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiQuery(q): ApiQuery<ExportParams>,
) -> AppResult<impl IntoResponse> {
    catalog_io::check_may_import(&p)?;
    let format = q.format.unwrap_or(catalog_io::Format::Jsonl);
    let mut out = Vec::new();
    catalog_io::export(&s.db, &s.media, &p, format, q.images.unwrap_or_default(), &mut out).await?;
    let content_type = match format {
        catalog_io::Format::Csv => "text/csv; charset=utf-8",
        catalog_io::Format::Jsonl => "application/x-ndjson",
    };
    Ok(([(header::CONTENT_TYPE, content_type)], out))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// At most this many (default 100).
    #[param(minimum = 1, maximum = 500)]
    limit: Option<i64>,
    /// Skip this many.
    #[param(minimum = 0)]
    offset: Option<i64>,
}

/// Brands: those the caller's organisation owns or represents, or the published ones for
/// enforcement users.
#[utoipa::path(get, path = "/api/v1/brands", tag = "catalog", params(Page),
    responses((status = 200, body = Vec<BrandSummary>), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson)))]
pub async fn list_brands(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiQuery(q): ApiQuery<Page>,
) -> AppResult<Json<Vec<BrandSummary>>> {
    let limit = super::bounded("limit", q.limit, 1, 500)?.unwrap_or(100);
    let offset = super::bounded("offset", q.offset, 0, i64::MAX)?.unwrap_or(0);
    Ok(Json(catalog::list_brands(&s.db, &p, limit, offset).await?))
}

/// Creates a brand as a draft (rights-holder organisation administrators).
#[utoipa::path(post, path = "/api/v1/brands", tag = "catalog", request_body = NewBrand,
    responses((status = 201, body = Brand), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn create_brand(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiJson(input): ApiJson<NewBrand>,
) -> AppResult<impl IntoResponse> {
    Ok(created(catalog::create_brand(&s.db, &p, input).await?))
}

#[utoipa::path(get, path = "/api/v1/brands/{id}", tag = "catalog", params(("id" = i64, Path)),
    responses((status = 200, body = Brand), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn get_brand(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Brand>> {
    Ok(Json(catalog::get_brand(&s.db, &p, id).await?))
}

/// Saves a new draft; `version` must be the one you edited (409 `version_conflict` otherwise).
#[utoipa::path(put, path = "/api/v1/brands/{id}", tag = "catalog", params(("id" = i64, Path)), request_body = BrandUpdate,
    responses((status = 200, body = Brand), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn update_brand(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(u): ApiJson<BrandUpdate>,
) -> AppResult<Json<Brand>> {
    Ok(Json(catalog::update_brand(&s.db, &p, id, u).await?))
}

/// Publishes the current draft: enforcement users see it from now on.
#[utoipa::path(post, path = "/api/v1/brands/{id}/publish", tag = "catalog", params(("id" = i64, Path)),
    responses((status = 200, body = Brand), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn publish_brand(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Brand>> {
    Ok(Json(catalog::publish_brand(&s.db, &p, id).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Delegation {
    /// The representative organisation that may act for the brand.
    pub organisation_id: i64,
}

/// Lets a representative organisation edit and publish the brand (the owner's administrators).
#[utoipa::path(post, path = "/api/v1/brands/{id}/delegations", tag = "catalog", params(("id" = i64, Path)), request_body = Delegation,
    responses((status = 204), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson), (status = 404, body = ErrorJson),
        (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn delegate_brand(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(d): ApiJson<Delegation>,
) -> AppResult<StatusCode> {
    catalog::delegate_brand(&s.db, &p, id, d.organisation_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/brands/{id}/products", tag = "catalog", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<ProductSummary>), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn list_products(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Vec<ProductSummary>>> {
    Ok(Json(catalog::list_products(&s.db, &p, id).await?))
}

/// Creates a product of the brand as a draft.
#[utoipa::path(post, path = "/api/v1/brands/{id}/products", tag = "catalog", params(("id" = i64, Path)), request_body = NewProduct,
    responses((status = 201, body = Product), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn create_product(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<NewProduct>,
) -> AppResult<impl IntoResponse> {
    Ok(created(catalog::create_product(&s.db, &p, id, input).await?))
}

/// A product with its draft, for the brand's own side.
#[utoipa::path(get, path = "/api/v1/products/{id}", tag = "catalog", params(("id" = i64, Path)),
    responses((status = 200, body = Product), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn get_product(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Product>> {
    Ok(Json(catalog::get_product(&s.db, &p, id).await?))
}

#[utoipa::path(put, path = "/api/v1/products/{id}", tag = "catalog", params(("id" = i64, Path)), request_body = ProductUpdate,
    responses((status = 200, body = Product), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson), (status = 413, body = ErrorJson), (status = 415, body = ErrorJson), (status = 422, body = ErrorJson)))]
pub async fn update_product(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
    ApiJson(u): ApiJson<ProductUpdate>,
) -> AppResult<Json<Product>> {
    Ok(Json(catalog::update_product(&s.db, &p, id, u).await?))
}

#[utoipa::path(post, path = "/api/v1/products/{id}/publish", tag = "catalog", params(("id" = i64, Path)),
    responses((status = 200, body = Product), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 403, body = ErrorJson),
        (status = 404, body = ErrorJson), (status = 409, body = ErrorJson)))]
pub async fn publish_product(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<Product>> {
    Ok(Json(catalog::publish_product(&s.db, &p, id).await?))
}

/// The product card an officer consults: published sheet, guide, pictures and contacts;
/// confidential sections only for the audience the rights holder chose.
#[utoipa::path(get, path = "/api/v1/products/{id}/card", tag = "catalog", params(("id" = i64, Path)),
    responses((status = 200, body = ProductCard), (status = 400, body = ErrorJson), (status = 401, body = ErrorJson), (status = 404, body = ErrorJson)))]
pub async fn product_card(
    State(s): State<AppState>,
    ApiAuth(p): ApiAuth,
    ApiPath(id): ApiPath<i64>,
) -> AppResult<Json<ProductCard>> {
    Ok(Json(catalog::product_card(&s.db, &p, id).await?))
}
