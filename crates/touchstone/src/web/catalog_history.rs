//! A brand's or product's history: every saved version, for the brand's own side.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;

use super::catalog_editor::load;
use super::{clone_layout, Layout, PageError, PageId, PageResult, Pages, SignedIn};
use crate::domain::catalog::{self, HistoryEntry, HistoryKind};
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/catalog/brands/{id}/history", get(brand_history))
        .route("/catalog/products/{id}/history", get(product_history))
}

#[derive(Template)]
#[template(path = "catalog_history.html")]
struct HistoryPage {
    layout: Layout,
    /// "brand" or "product": where the crumbs lead back to.
    kind: &'static str,
    id: i64,
    name: String,
    entries: Vec<HistoryEntry>,
}

async fn brand_history(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
) -> PageResult {
    let entries = catalog::history(&state.db, &principal, HistoryKind::Brand, id).await?;
    let name = match catalog::get_brand(&state.db, &principal, id).await {
        Ok(b) => b.draft.name,
        Err(e) => return Err(PageError(e)),
    };
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(StatusCode::OK, HistoryPage { layout, kind: "brands", id, name, entries }))
}

async fn product_history(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
) -> PageResult {
    let entries = catalog::history(&state.db, &principal, HistoryKind::Product, id).await?;
    let (product, brand) = load(&state, &principal, id).await?;
    let name = product.draft.name_for(ctx.layout.tr.code(), brand.fallback_language.as_str()).to_string();
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(StatusCode::OK, HistoryPage { layout, kind: "products", id, name, entries }))
}
