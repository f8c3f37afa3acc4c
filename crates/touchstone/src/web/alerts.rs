//! Alert pages: the alerts the reader may see, the form that publishes one, and withdrawal.
//! Whether the forms are offered is the domain's answer ([`alerts::may_create`],
//! [`alerts::may_withdraw`]).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::cases::{one_per_line, optional};
use super::content::Shown;
use super::{
    clone_layout, parse_id, shown_in_place, CsrfForm, Ctx, FieldError, Layout, PageError, PageId, PageResult, Pages,
    SignedIn,
};
use crate::domain::alerts::{self, Alert, AlertBrief, AlertSheet};
use crate::domain::catalog::{self, TransportMode};
use crate::domain::localized::{content_language, Localized};
use crate::domain::policy::Principal;
use crate::domain::types::Language;
use crate::error::{AppError, ErrorCode};
use crate::i18n::Tr;
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/alerts", get(alerts_page).post(create_alert))
        .route("/alerts/new", get(new_alert_page))
        .route("/alerts/{id}", get(alert_page))
        .route("/alerts/{id}/withdraw", post(withdraw_alert))
}

struct AlertRow {
    id: i64,
    title: Shown,
    validity: String,
    status: String,
}

/// An alert in a few words, on a product card or an identification, in the reader's language.
pub(super) struct BriefView {
    pub(super) id: i64,
    pub(super) title: Shown,
    pub(super) description: Shown,
    pub(super) valid_from: String,
    pub(super) valid_to: String,
}

impl BriefView {
    pub(super) fn new(tr: &Tr, a: AlertBrief) -> Self {
        BriefView {
            id: a.id,
            title: Shown::of(&a.title, tr, a.fallback_language),
            description: Shown::of(&a.description, tr, a.fallback_language),
            valid_from: a.valid_from,
            valid_to: a.valid_to,
        }
    }
}

/// An alert's title as a reader of `tr` sees it.
pub(super) fn title_of(tr: &Tr, a: &Alert) -> Shown {
    Shown::of(&a.sheet.title, tr, a.sheet.fallback_language)
}

pub(super) fn validity(tr: &Tr, a: &Alert) -> String {
    let from = a.sheet.valid_from.clone().unwrap_or_else(|| a.created_at.get(..10).unwrap_or_default().to_string());
    tr.f("alerts.validity", &[("from", &from), ("to", &a.sheet.valid_to)])
}

fn alert_row(tr: &Tr, a: &Alert) -> AlertRow {
    let status = if a.in_force {
        "in_force"
    } else if a.status == "withdrawn" {
        "withdrawn"
    } else {
        "not_in_force"
    };
    AlertRow { id: a.id, title: title_of(tr, a), validity: validity(tr, a), status: status.to_string() }
}

#[derive(Template)]
#[template(path = "alerts_list.html")]
struct AlertsPage {
    layout: Layout,
    in_force: Vec<AlertRow>,
    others: Vec<AlertRow>,
    can_create: bool,
}

async fn alerts_page(SignedIn { ctx, principal: p }: SignedIn, State(s): State<AppState>) -> PageResult {
    let list = alerts::list_alerts(&s.db, &p, 500, 0).await?;
    let tr = ctx.layout.tr;
    let (in_force, others): (Vec<&Alert>, Vec<&Alert>) = list.iter().partition(|a| a.in_force);
    let in_force = in_force.into_iter().map(|a| alert_row(&tr, a)).collect();
    let others = others.into_iter().map(|a| alert_row(&tr, a)).collect();
    let can_create = alerts::may_create(&p);
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(StatusCode::OK, AlertsPage { layout, in_force, others, can_create }))
}

#[derive(Default, Clone)]
struct AlertForm {
    title: String,
    description: String,
    target_countries: String,
    target_offices: String,
    transport_modes: Vec<String>,
    origin_countries: String,
    suspect_parties: String,
    containers: String,
    transport_documents: String,
    hs_codes: String,
    brands: String,
    products: String,
    valid_from: String,
    valid_to: String,
}

/// Codes separated by commas, spaces or lines.
fn codes(raw: &str) -> Vec<String> {
    raw.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

impl AlertForm {
    fn from_pairs(pairs: &[(String, String)]) -> AlertForm {
        let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
        AlertForm {
            title: get("title"),
            description: get("description"),
            target_countries: get("target_countries"),
            target_offices: get("target_offices"),
            transport_modes: pairs.iter().filter(|(k, _)| k == "transport_modes").map(|(_, v)| v.clone()).collect(),
            origin_countries: get("origin_countries"),
            suspect_parties: get("suspect_parties"),
            containers: get("containers"),
            transport_documents: get("transport_documents"),
            hs_codes: get("hs_codes"),
            brands: get("brands"),
            products: get("products"),
            valid_from: get("valid_from"),
            valid_to: get("valid_to"),
        }
    }

    fn has_mode(&self, mode: &TransportMode) -> bool {
        self.transport_modes.iter().any(|m| m == mode.as_str())
    }
}

/// Brands named by catalog number or by name (case and accents ignored), as the reader may see them.
async fn resolve_brands(s: &AppState, p: &Principal, tr: &Tr, raw: &str) -> Result<Vec<i64>, FieldError> {
    let wanted = one_per_line(raw);
    let mut ids = Vec::new();
    let mut names = Vec::new();
    for w in &wanted {
        match parse_id(w) {
            Some(id) => ids.push(id),
            None => names.push(w.clone()),
        }
    }
    if names.is_empty() {
        return Ok(ids);
    }
    let found = alerts::brands_named(&s.db, p, &names).await.map_err(|e| FieldError::from_error(tr, &e))?;
    for (name, found) in names.iter().zip(found) {
        match found {
            Some(id) => ids.push(id),
            None => {
                return Err(FieldError {
                    field: "brand_ids".into(),
                    message: tr.f("alerts.unknown_brand", &[("name", name)]),
                    status: StatusCode::UNPROCESSABLE_ENTITY,
                })
            }
        }
    }
    ids.dedup();
    Ok(ids)
}

#[derive(Template)]
#[template(path = "alerts_new.html")]
struct NewAlertPage {
    layout: Layout,
    form: AlertForm,
    error: Option<FieldError>,
    modes: &'static [TransportMode],
}

impl NewAlertPage {
    fn err(&self, field: &str) -> Option<&str> {
        self.error.as_ref().filter(|e| e.on(field)).map(|e| e.message.as_str())
    }
}

fn render_alert_form(ctx: Ctx, form: AlertForm, error: Option<FieldError>, status: StatusCode) -> Response {
    let layout = clone_layout(&ctx.layout);
    ctx.render(status, NewAlertPage { layout, form, error, modes: TransportMode::ALL })
}

async fn new_alert_page(SignedIn { ctx, principal: p }: SignedIn) -> Response {
    if !alerts::may_create(&p) {
        return ctx.error_page(AppError::forbidden());
    }
    let in_90_days = time::OffsetDateTime::now_utc().date() + time::Duration::days(90);
    let form = AlertForm {
        target_countries: if p.org_kind.is_enforcement() { p.org_country.clone() } else { String::new() },
        valid_to: in_90_days.to_string(),
        ..Default::default()
    };
    render_alert_form(ctx, form, None, StatusCode::OK)
}

async fn create_alert(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Response {
    let form = AlertForm::from_pairs(&pairs);
    let tr = ctx.layout.tr;
    let brand_ids = match resolve_brands(&s, &p, &tr, &form.brands).await {
        Ok(b) => b,
        Err(fe) => return render_alert_form(ctx, form, Some(fe), StatusCode::UNPROCESSABLE_ENTITY),
    };
    let mut transport_modes = Vec::new();
    for m in &form.transport_modes {
        match TransportMode::parse(m) {
            Some(m) => transport_modes.push(m),
            None => {
                let e = AppError::invalid(
                    "transport_modes",
                    ErrorCode::InvalidTransportMode,
                    "Choose a mode of transport.",
                );
                let fe = FieldError::from_error(&tr, &e);
                return render_alert_form(ctx, form, Some(fe), StatusCode::UNPROCESSABLE_ENTITY);
            }
        }
    }
    let mut product_ids = Vec::new();
    for raw in codes(&form.products) {
        match parse_id(&raw) {
            Some(id) => product_ids.push(id),
            None => {
                let fe = FieldError {
                    field: "product_ids".into(),
                    message: tr.f("alerts.bad_product", &[("value", &raw)]),
                    status: StatusCode::UNPROCESSABLE_ENTITY,
                };
                return render_alert_form(ctx, form, Some(fe), StatusCode::UNPROCESSABLE_ENTITY);
            }
        }
    }
    // Written in the author's language (English from the pseudo-locale), which readers
    // without a version in theirs are shown.
    let written_in = content_language(tr.code()).unwrap_or(Language::En);
    let sheet = AlertSheet {
        title: Localized::one(written_in.as_str(), form.title.clone()),
        description: Localized::one(written_in.as_str(), form.description.clone()),
        fallback_language: written_in,
        brand_ids,
        product_ids,
        target_countries: codes(&form.target_countries),
        target_offices: codes(&form.target_offices),
        transport_modes,
        origin_countries: codes(&form.origin_countries),
        suspect_parties: one_per_line(&form.suspect_parties),
        containers: one_per_line(&form.containers),
        transport_documents: one_per_line(&form.transport_documents),
        hs_codes: codes(&form.hs_codes),
        valid_from: optional(&form.valid_from),
        valid_to: form.valid_to.trim().to_string(),
    };
    match alerts::create_alert(&s.db, &p, sheet).await {
        Ok(a) => Redirect::to(&format!("/alerts/{}", a.id)).into_response(),
        Err(e) if shown_in_place(&e) => {
            let fe = FieldError::from_error(&tr, &e);
            render_alert_form(ctx, form, Some(fe), e.status())
        }
        Err(e) => ctx.error_page(e),
    }
}

#[derive(Template)]
#[template(path = "alerts_show.html")]
struct AlertPage {
    layout: Layout,
    alert: Alert,
    row: AlertRow,
    description: Shown,
    /// The brands and products the alert names, by name, each with its page.
    brands: Vec<(i64, String)>,
    products: Vec<(i64, Shown)>,
    modes: Vec<String>,
    can_withdraw: bool,
    problem: Option<String>,
}

async fn render_alert(
    ctx: Ctx,
    s: &AppState,
    p: &Principal,
    id: i64,
    problem: Option<String>,
    status: StatusCode,
) -> PageResult {
    let alert = alerts::get_alert(&s.db, p, id).await?;
    let tr = ctx.layout.tr;
    let can_withdraw = alerts::may_withdraw(p, &alert);
    let modes = alert.sheet.transport_modes.iter().map(|m| tr.label("catalog.transport", m)).collect();
    let row = alert_row(&tr, &alert);
    let description = Shown::of(&alert.sheet.description, &tr, alert.sheet.fallback_language);
    // Named as the reader may see them; one the reader may not see keeps its number.
    let mut brands = Vec::new();
    for &id in &alert.sheet.brand_ids {
        let name = match catalog::get_brand(&s.db, p, id).await {
            Ok(b) => b.published_sheet.map_or(b.draft.name, |sheet| sheet.name),
            Err(_) => tr.fmt("alerts.brand_number", &[("number", id.into())]),
        };
        brands.push((id, name));
    }
    let mut products = Vec::new();
    for &id in &alert.sheet.product_ids {
        let name = match catalog::product_card(&s.db, p, id).await {
            Ok(card) => Shown::of(&card.sheet.names, &tr, card.fallback_language),
            Err(_) => Shown::plain(tr.fmt("alerts.product_number", &[("number", id.into())])),
        };
        products.push((id, name));
    }
    let layout = clone_layout(&ctx.layout);
    Ok(ctx
        .render(status, AlertPage { layout, row, description, brands, products, alert, modes, can_withdraw, problem }))
}

async fn alert_page(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
) -> PageResult {
    render_alert(ctx, &s, &p, id, None, StatusCode::OK).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WithdrawForm {
    version: String,
}

async fn withdraw_alert(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    CsrfForm(f): CsrfForm<WithdrawForm>,
) -> PageResult {
    match alerts::withdraw_alert(&s.db, &p, id, f.version.trim().parse().ok()).await {
        Ok(_) => Ok(Redirect::to(&format!("/alerts/{id}")).into_response()),
        Err(e) if shown_in_place(&e) => {
            let problem = Some(ctx.layout.tr.error_of(&e));
            render_alert(ctx, &s, &p, id, problem, e.status()).await
        }
        Err(e) => Err(PageError(e)),
    }
}
