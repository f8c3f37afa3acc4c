//! Notification pages: the reader's inbox, and for organisation administrators the webhook
//! endpoints and the deliveries that keep failing.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::{
    clone_layout, shown_in_place, CsrfForm, FieldError, Layout, PageError, PageId, PageResult, Pages, SignedIn,
};
use crate::domain::notify::{self, InboxItem, NewWebhook, PendingDelivery, Webhook};
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/inbox", get(inbox_page))
        .route("/inbox/read-all", post(read_all))
        .route("/inbox/email", post(set_email))
        .route("/inbox/{id}/read", post(mark_read))
        .route("/admin/notifications", get(admin_page))
        .route("/admin/notifications/webhooks", post(create_webhook))
        .route("/admin/notifications/webhooks/{id}/delete", post(delete_webhook))
}

#[derive(Template)]
#[template(path = "inbox.html")]
struct InboxPage {
    layout: Layout,
    /// Each notice with its time as its reader reads it (`7 Dec 2026, 09:30 CET`).
    items: Vec<(String, InboxItem)>,
    unread_only: bool,
    email_enabled: bool,
}

#[derive(Deserialize, Default)]
struct InboxQuery {
    unread: Option<String>,
}

async fn inbox_page(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    Query(q): Query<InboxQuery>,
) -> PageResult {
    let unread_only = q.unread.as_deref().is_some_and(|v| v == "1" || v == "true");
    let tr = ctx.layout.tr;
    let items = match notify::inbox(&state.db, &principal, &tr, unread_only, 200).await {
        Ok(i) => i.into_iter().map(|n| (tr.when(&n.created_at), n)).collect(),
        Err(e) => return Err(PageError(e)),
    };
    let email_enabled = notify::email_enabled(&state.db, &principal).await?;
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(StatusCode::OK, InboxPage { layout, items, unread_only, email_enabled }))
}

#[derive(Deserialize)]
struct Empty {}

#[derive(Deserialize)]
struct ReadForm {
    /// Where to go afterwards: the notice's own page ("open"), else back to the inbox.
    next: Option<String>,
}

async fn mark_read(
    SignedIn { ctx, principal: p }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(f): CsrfForm<ReadForm>,
) -> Response {
    match notify::mark_read(&state.db, &p, id).await {
        // Only local paths: an open redirect would let a link elsewhere borrow our name.
        Ok(()) => Redirect::to(local_path(f.next.as_deref()).unwrap_or("/inbox")).into_response(),
        Err(e) => ctx.error_page(e),
    }
}

fn local_path(next: Option<&str>) -> Option<&str> {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
}

async fn read_all(
    SignedIn { ctx, principal: p }: SignedIn,
    State(state): State<AppState>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Response {
    match notify::mark_all_read(&state.db, &p).await {
        Ok(_) => Redirect::to("/inbox").into_response(),
        Err(e) => ctx.error_page(e),
    }
}

#[derive(Deserialize)]
struct EmailForm {
    email: String,
}

async fn set_email(
    SignedIn { ctx, principal: p }: SignedIn,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<EmailForm>,
) -> Response {
    match notify::set_email_enabled(&state.db, &p, f.email == "on").await {
        Ok(()) => Redirect::to("/inbox").into_response(),
        Err(e) => ctx.error_page(e),
    }
}

#[derive(Template)]
#[template(path = "admin_notifications.html")]
struct AdminPage {
    layout: Layout,
    webhooks: Vec<Webhook>,
    deliveries: Vec<PendingDelivery>,
    form: WebhookForm,
    error: Option<FieldError>,
    new_secret: Option<String>,
    sends_email: bool,
}

#[derive(Deserialize, Default, Clone)]
struct WebhookForm {
    url: String,
    description: String,
}

async fn render_admin(
    SignedIn { ctx, principal }: SignedIn,
    state: &AppState,
    status: StatusCode,
    form: WebhookForm,
    error: Option<FieldError>,
    new_secret: Option<String>,
) -> PageResult {
    let webhooks = notify::list_webhooks(&state.db, &principal).await?;
    let deliveries = notify::pending_deliveries(&state.db, &state.config.notify, &principal).await?;
    let layout = clone_layout(&ctx.layout);
    let sends_email = state.config.smtp.host.as_deref().is_some_and(|h| !h.trim().is_empty());
    Ok(ctx.render(status, AdminPage { layout, webhooks, deliveries, form, error, new_secret, sends_email }))
}

async fn admin_page(reader: SignedIn, State(state): State<AppState>) -> PageResult {
    render_admin(reader, &state, StatusCode::OK, WebhookForm::default(), None, None).await
}

/// Creates an endpoint and shows its secret on the page that answers (once: no redirect, so
/// the secret is not kept in any URL or history entry).
async fn create_webhook(
    SignedIn { ctx, principal: p }: SignedIn,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<WebhookForm>,
) -> PageResult {
    let input = NewWebhook { url: form.url.clone(), description: form.description.clone() };
    match notify::create_webhook(&state.db, &state.config.notify, &p, &input).await {
        Ok(created) => {
            let reader = SignedIn { ctx, principal: p };
            render_admin(reader, &state, StatusCode::OK, WebhookForm::default(), None, Some(created.secret)).await
        }
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let error = Some(FieldError::from_error(&ctx.layout.tr, &e));
            render_admin(SignedIn { ctx, principal: p }, &state, e.status(), form, error, None).await
        }
    }
}

async fn delete_webhook(
    SignedIn { ctx, principal: p }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(_): CsrfForm<Empty>,
) -> Response {
    match notify::delete_webhook(&state.db, &p, id).await {
        Ok(()) => Redirect::to("/admin/notifications").into_response(),
        Err(e) => ctx.error_page(e),
    }
}
