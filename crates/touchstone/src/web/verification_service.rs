//! The brand owner's page for its connected verification service
//! (`/catalog/brands/{id}/verification`): the address checks are sent to, the checks of the
//! last week it gave no verdict for (what to fix on its side), registering or replacing it
//! (a new secret, shown on the page that answers, once) and removing it. Who may is the
//! domain's decision (`verify::connected`); everyone else gets the page of a brand not found.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::{
    clone_layout, shown_in_place, CsrfForm, FieldError, Layout, PageError, PageId, PageResult, Pages, SignedIn,
};
use crate::domain::catalog;
use crate::domain::verify::connected::{self, NewService, Service};
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/catalog/brands/{id}/verification", get(service_page).post(register))
        .route("/catalog/brands/{id}/verification/remove", post(remove))
}

#[derive(Template)]
#[template(path = "brand_verification.html")]
struct ServicePage {
    layout: Layout,
    brand_id: i64,
    brand_name: String,
    service: Option<Service>,
    /// The address as typed, kept when it is refused.
    url: String,
    error: Option<FieldError>,
    new_secret: Option<String>,
    /// How long the service has to answer, as the protocol note says it.
    seconds: String,
}

#[derive(Deserialize, Default)]
struct ServiceForm {
    #[serde(default)]
    url: String,
}

#[derive(Deserialize)]
struct Empty {}

async fn render(
    SignedIn { ctx, principal }: SignedIn,
    state: &AppState,
    brand_id: i64,
    status: StatusCode,
    typed: Option<String>,
    error: Option<FieldError>,
    new_secret: Option<String>,
) -> PageResult {
    let service = connected::read(&state.db, &principal, brand_id).await?;
    let brand = catalog::get_brand(&state.db, &principal, brand_id).await?;
    let url = typed.or_else(|| service.as_ref().map(|s| s.url.clone())).unwrap_or_default();
    let page = ServicePage {
        layout: clone_layout(&ctx.layout),
        brand_id,
        brand_name: brand.draft.name,
        service,
        url,
        error,
        new_secret,
        seconds: ctx.layout.tr.number(state.verifier.settings.connected_timeout_ms as f64 / 1000.0),
    };
    Ok(ctx.render(status, page))
}

async fn service_page(reader: SignedIn, State(state): State<AppState>, PageId(id): PageId) -> PageResult {
    render(reader, &state, id, StatusCode::OK, None, None, None).await
}

/// Registers the service and shows its secret on the page that answers (no redirect, so the
/// secret is kept in no URL or history entry).
async fn register(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<ServiceForm>,
) -> PageResult {
    let input = NewService { url: form.url.clone() };
    match connected::register(&state.db, &state.config.notify, &principal, id, &input).await {
        Ok(created) => {
            render(SignedIn { ctx, principal }, &state, id, StatusCode::OK, None, None, Some(created.secret)).await
        }
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let error = Some(FieldError::from_error(&ctx.layout.tr, &e));
            render(SignedIn { ctx, principal }, &state, id, e.status(), Some(form.url), error, None).await
        }
    }
}

async fn remove(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(_): CsrfForm<Empty>,
) -> Response {
    match connected::remove(&state.db, &principal, id).await {
        Ok(()) => Redirect::to(&format!("/catalog/brands/{id}/verification")).into_response(),
        Err(e) => ctx.error_page(e),
    }
}
