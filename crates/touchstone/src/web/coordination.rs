//! Coordination pages for enforcement agencies: their operations with targets and planned
//! actions, and the hits inbox with the coordinator's overview. Another agency's operation is
//! never shown: a hit names only the other agency, its point of contact and the reader's own item.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::{
    clone_layout, shown_in_place, CsrfForm, Ctx, FieldError, Layout, PageError, PageId, PageResult, Pages, SignedIn,
};
use crate::domain::coordination::{
    self, AckOutcome, ConfidentialityLevel, EventKind, Hit, NewAcknowledgement, NewEvent, NewTarget, Operation,
    OperationInput, OperationStatus, OperationSummary, Overview, PointOfContact, TargetKind,
};
use crate::domain::policy::Principal;
use crate::error::ErrorCode;
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/operations", get(operations_page).post(create_operation))
        .route("/operations/{id}", get(operation_page))
        .route("/operations/{id}/targets", post(add_target))
        .route("/operations/{id}/events", post(add_event))
        .route("/coordination", get(coordination_page))
        .route("/coordination/hits", get(coordination_page))
        .route("/coordination/hits/{id}/acknowledge", post(acknowledge_hit))
}

#[derive(Deserialize, Default, Clone)]
struct OperationForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    contact_name: String,
    #[serde(default)]
    contact_phone: String,
    #[serde(default)]
    contact_email: String,
    #[serde(default)]
    confidentiality: String,
    #[serde(default)]
    tell_detaining_officer: Option<String>,
}

#[derive(Template)]
#[template(path = "operations.html")]
struct OperationsPage {
    layout: Layout,
    operations: Vec<OperationSummary>,
    form: OperationForm,
    error: FieldError,
    statuses: &'static [OperationStatus],
    levels: &'static [ConfidentialityLevel],
}

async fn operations_page(SignedIn { ctx, principal: p }: SignedIn, State(s): State<AppState>) -> PageResult {
    let today = time::OffsetDateTime::now_utc().date();
    let form = OperationForm {
        starts_on: today.to_string(),
        ends_on: (today + time::Duration::days(90)).to_string(),
        contact_name: ctx.layout.me.as_ref().map(|u| u.display_name.clone()).unwrap_or_default(),
        contact_email: ctx.layout.me.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
        ..OperationForm::default()
    };
    render_operations(ctx, &s, &p, form, FieldError::default(), StatusCode::OK).await
}

async fn render_operations(
    ctx: Ctx,
    s: &AppState,
    p: &Principal,
    form: OperationForm,
    error: FieldError,
    status: StatusCode,
) -> PageResult {
    let operations = coordination::list_operations(&s.db, p).await?;
    let layout = clone_layout(&ctx.layout);
    let page = OperationsPage {
        layout,
        operations,
        form,
        error,
        statuses: OperationStatus::ALL,
        levels: ConfidentialityLevel::ALL,
    };
    Ok(ctx.render(status, page))
}

async fn create_operation(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    CsrfForm(f): CsrfForm<OperationForm>,
) -> PageResult {
    let input = OperationInput {
        name: f.name.clone(),
        kind: f.kind.clone(),
        status: OperationStatus::parse(&f.status).unwrap_or(OperationStatus::Planned),
        starts_on: f.starts_on.clone(),
        ends_on: f.ends_on.clone(),
        contact: PointOfContact {
            name: f.contact_name.clone(),
            phone: Some(f.contact_phone.clone()),
            email: Some(f.contact_email.clone()),
        },
        confidentiality: ConfidentialityLevel::parse(&f.confidentiality).unwrap_or(ConfidentialityLevel::Restricted),
        tell_detaining_officer: f.tell_detaining_officer.is_some(),
        version: None,
    };
    match coordination::create_operation(&s.db, &p, input).await {
        Ok(op) => Ok(Redirect::to(&format!("/operations/{}", op.id)).into_response()),
        Err(e) if shown_in_place(&e) => {
            let error = FieldError::from_error(&ctx.layout.tr, &e);
            render_operations(ctx, &s, &p, f, error, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(PageError(e)),
    }
}

#[derive(Deserialize, Default, Clone)]
struct TargetForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    date_of_birth: String,
}

#[derive(Deserialize, Default, Clone)]
struct EventForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    lat: String,
    #[serde(default)]
    lon: String,
    #[serde(default)]
    radius_m: String,
    #[serde(default)]
    starts_at: String,
    #[serde(default)]
    ends_at: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize, Default)]
struct Done {
    hits: Option<usize>,
    conflicts: Option<usize>,
}

#[derive(Template)]
#[template(path = "operation.html")]
struct OperationPage {
    layout: Layout,
    op: Operation,
    target_form: TargetForm,
    event_form: EventForm,
    target_error: FieldError,
    event_error: FieldError,
    done: Option<String>,
    kinds: &'static [TargetKind],
    event_kinds: &'static [EventKind],
    hits: Vec<Hit>,
}

async fn operation_page(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    done: Query<Done>,
) -> PageResult {
    let tr = ctx.layout.tr;
    let done = match (done.hits, done.conflicts) {
        (Some(n), _) => Some(tr.fmt("ops.targets_added", &[("hits", n.into())])),
        (_, Some(n)) => Some(tr.fmt("ops.event_added", &[("conflicts", n.into())])),
        _ => None,
    };
    render_operation(ctx, &s, &p, id, OperationParts { done, ..OperationParts::default() }, StatusCode::OK).await
}

#[derive(Default)]
struct OperationParts {
    target_form: TargetForm,
    event_form: EventForm,
    target_error: FieldError,
    event_error: FieldError,
    done: Option<String>,
}

async fn render_operation(
    ctx: Ctx,
    s: &AppState,
    p: &Principal,
    id: i64,
    parts: OperationParts,
    status: StatusCode,
) -> PageResult {
    let op = coordination::get_operation(&s.db, p, id).await?;
    let hits = coordination::hits_on(&s.db, p, Some(id), None).await?;
    let layout = clone_layout(&ctx.layout);
    let page = OperationPage {
        layout,
        op,
        target_form: parts.target_form,
        event_form: parts.event_form,
        target_error: parts.target_error,
        event_error: parts.event_error,
        done: parts.done,
        kinds: TargetKind::ALL,
        event_kinds: EventKind::ALL,
        hits,
    };
    Ok(ctx.render(status, page))
}

fn blank(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

async fn add_target(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    CsrfForm(f): CsrfForm<TargetForm>,
) -> PageResult {
    let Some(kind) = TargetKind::parse(&f.kind) else {
        let e = crate::error::AppError::invalid(
            "kind",
            ErrorCode::InvalidTargetKind,
            "Choose what kind of identifier this is.",
        );
        let parts = OperationParts {
            target_error: FieldError::from_error(&ctx.layout.tr, &e),
            target_form: f,
            ..OperationParts::default()
        };
        return render_operation(ctx, &s, &p, id, parts, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let target = NewTarget {
        kind,
        value: f.value.clone(),
        country: blank(&f.country),
        registration_number: None,
        date_of_birth: blank(&f.date_of_birth),
    };
    match coordination::add_targets(&s.db, &s.match_key, &p, id, vec![target]).await {
        Ok(added) => Ok(Redirect::to(&format!("/operations/{id}?hits={}", added.hits)).into_response()),
        Err(e) if shown_in_place(&e) => {
            let parts = OperationParts {
                target_error: FieldError::from_error(&ctx.layout.tr, &e),
                target_form: f,
                ..OperationParts::default()
            };
            render_operation(ctx, &s, &p, id, parts, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(PageError(e)),
    }
}

/// `2026-12-01T06:00` (an HTML datetime-local value, taken as UTC) → RFC 3339.
async fn add_event(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    CsrfForm(f): CsrfForm<EventForm>,
) -> PageResult {
    let number = |field: &'static str, raw: &str| {
        raw.trim().replace(',', ".").parse::<f64>().map_err(|_| {
            crate::error::AppError::invalid(
                field,
                ErrorCode::InvalidNumber,
                format!("'{}' is not a number.", raw.trim()),
            )
        })
    };
    let input = (|| {
        Ok::<_, crate::error::AppError>(NewEvent {
            kind: EventKind::parse(&f.kind).ok_or_else(|| {
                crate::error::AppError::invalid(
                    "kind",
                    ErrorCode::InvalidEventKind,
                    "Choose the kind of planned action.",
                )
            })?,
            lat: number("lat", &f.lat)?,
            lon: number("lon", &f.lon)?,
            radius_m: number("radius_m", &f.radius_m)?,
            starts_at: ctx.layout.tr.local_input(&f.starts_at),
            ends_at: ctx.layout.tr.local_input(&f.ends_at),
            note: blank(&f.note),
        })
    })();
    let result = match input {
        Ok(input) => coordination::add_event(&s.db, &p, id, input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(added) => Ok(Redirect::to(&format!("/operations/{id}?conflicts={}", added.conflicts)).into_response()),
        Err(e) if shown_in_place(&e) => {
            let parts = OperationParts {
                event_error: FieldError::from_error(&ctx.layout.tr, &e),
                event_form: f,
                ..OperationParts::default()
            };
            render_operation(ctx, &s, &p, id, parts, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(PageError(e)),
    }
}

#[derive(Template)]
#[template(path = "coordination.html")]
struct CoordinationPage {
    layout: Layout,
    overview: Overview,
    hits: Vec<Hit>,
}

async fn coordination_page(SignedIn { ctx, principal: p }: SignedIn, State(s): State<AppState>) -> Response {
    let (overview, hits) = match (coordination::overview(&s.db, &p).await, coordination::hits(&s.db, &p).await) {
        (Ok(o), Ok(h)) => (o, h),
        (Err(e), _) | (_, Err(e)) => return ctx.error_page(e),
    };
    let layout = clone_layout(&ctx.layout);
    ctx.render(StatusCode::OK, CoordinationPage { layout, overview, hits })
}

#[derive(Deserialize)]
struct AckForm {
    outcome: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    next: String,
}

async fn acknowledge_hit(
    SignedIn { principal: p, .. }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    CsrfForm(f): CsrfForm<AckForm>,
) -> PageResult {
    let outcome = AckOutcome::parse(&f.outcome).ok_or_else(|| {
        crate::error::AppError::invalid(
            "outcome",
            ErrorCode::InvalidOutcome,
            "Say whether you go ahead, stand down or work together.",
        )
    })?;
    let note = Some(f.note.clone()).filter(|n| !n.trim().is_empty());
    coordination::acknowledge(&s.db, &p, id, NewAcknowledgement { outcome, note }).await?;
    let back = super::local_path(&f.next).unwrap_or("/coordination/hits");
    Ok(Redirect::to(&format!("{}#hit-{id}", back.split('#').next().unwrap_or(back))).into_response())
}
