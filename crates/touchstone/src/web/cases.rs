//! Case and alert pages: the officer's detention form and case list, the case page where the
//! parties answer within their deadlines and write to each other, the alerts that warn
//! enforcement of suspect shipments, and the figures of how cases ended.
//!
//! Every handler parses the form, calls the same domain function as the JSON API and renders
//! what it answered; whether a button is shown is asked of the policy, never decided here.
//! Refusals the reader can act on (a field to correct, a step the workflow does not allow now,
//! a case changed in the meantime) are shown on the page they came from, with what was typed.

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use rand::RngCore;
use serde::Deserialize;

use super::{
    clone_layout, parse_id, shown_in_place, CsrfForm, Ctx, FieldError, Layout, PageError, PageId, PageResult, Pages,
    SignedIn,
};
use crate::domain::alerts::{self, Alert, AlertSheet, AlertUpdate};
use crate::domain::cases::{
    self, AnswerInput, Case, CaseAction, CaseListFilter, CaseParty, CaseSheet, CaseState, CaseType, CustomsProcedure,
    GoodsLine, NewCase, NewMessage, Office, Transition,
};
use crate::domain::catalog::{self, TransportMode};
use crate::domain::policy::{allows, Action, Principal, Target};
use crate::domain::regime::{Answer, CaseOutcome, PartyKind};
use crate::domain::types::OrgKind;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/cases", get(list_page).post(create_case))
        .route("/cases/new", get(new_case_page))
        .route("/cases/{id}", get(case_page))
        .route("/cases/{id}/transition", post(transition))
        .route("/cases/{id}/answer", post(answer))
        .route("/cases/{id}/extension", post(extension))
        .route("/cases/{id}/messages", post(post_message))
        .route("/alerts", get(alerts_page).post(create_alert))
        .route("/alerts/new", get(new_alert_page))
        .route("/alerts/{id}", get(alert_page))
        .route("/alerts/{id}/withdraw", post(withdraw_alert))
        .route("/stats", get(stats_page))
}

/// Goods lines the form shows at first; "add a line" shows one more.
const FIRST_LINES: usize = 3;
const MAX_LINES: usize = 50;

/// A random key for a form, so that submitting it twice records one case.
fn form_token() -> String {
    let mut b = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut b);
    data_encoding::BASE64URL_NOPAD.encode(&b)
}

/// `2026-11-29T08:30:00Z` → `2026-11-29 08:30 UTC`.
fn when(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(d), Some(t)) => format!("{d} {t} UTC"),
        _ => rfc3339.to_string(),
    }
}

fn number(lang: &Tr, v: f64) -> String {
    let s = if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v:.2}") };
    match lang.lang {
        crate::domain::types::Language::Fr => s.replace('.', ","),
        crate::domain::types::Language::En => s,
    }
}

/// The translation of `set.value`, or the value itself when the catalogue has none.
fn label_or(tr: &Tr, set: &str, value: &str) -> String {
    let key = format!("{set}.{value}");
    let t = tr.label(set, value);
    if t == key {
        value.replace('_', " ")
    } else {
        t
    }
}

// ---------------------------------------------------------------------------------------------
// The case list

#[derive(Deserialize, Default)]
struct ListQuery {
    state: Option<String>,
}

struct StateOption {
    value: &'static str,
    selected: bool,
}

struct SummaryView {
    id: i64,
    reference: String,
    goods: String,
    state: &'static str,
    outcome: Option<&'static str>,
    deadline: Option<String>,
}

#[derive(Template)]
#[template(path = "cases_list.html")]
struct ListPage {
    layout: Layout,
    cases: Vec<SummaryView>,
    states: Vec<StateOption>,
    filtered: bool,
    can_create: bool,
}

async fn list_page(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    q: Result<Query<ListQuery>, QueryRejection>,
) -> PageResult {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let state = q.state.as_deref().and_then(CaseState::parse);
    let filter = CaseListFilter { state, limit: 500, offset: 0 };
    let list = cases::list_cases(&s.db, &s.legal, &p, &filter).await?;
    let cases = list
        .into_iter()
        .map(|c| SummaryView {
            id: c.id,
            reference: c.reference,
            goods: c.goods,
            state: c.state.as_str(),
            outcome: c.outcome.map(CaseOutcome::as_str),
            deadline: c.next_deadline.as_deref().map(when),
        })
        .collect();
    let states =
        CaseState::ALL.iter().map(|v| StateOption { value: v.as_str(), selected: state == Some(*v) }).collect();
    let can_create = allows(&p, Action::CaseCreate, Target::Organisation { org_id: p.org_id });
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(StatusCode::OK, ListPage { layout, cases, states, filtered: state.is_some(), can_create }))
}

// ---------------------------------------------------------------------------------------------
// The detention form

#[derive(Default, Clone)]
struct LineForm {
    description: String,
    quantity: String,
    unit: String,
    hs_code: String,
    declared_value: String,
    currency: String,
    product_id: String,
    brand: String,
    /// The catalog product the line names, as the reader sees it.
    product_label: Option<String>,
}

impl LineForm {
    fn is_blank(&self) -> bool {
        [&self.description, &self.quantity, &self.hs_code, &self.declared_value, &self.product_id, &self.brand]
            .iter()
            .all(|v| v.trim().is_empty())
    }
}

#[derive(Default, Clone)]
struct PartyForm {
    role: &'static str,
    name: String,
    address: String,
    country: String,
}

#[derive(Default, Clone)]
struct CaseForm {
    idempotency_key: String,
    case_type: String,
    detain: bool,
    office_code: String,
    office_name: String,
    office_country: String,
    occurred_at: String,
    customs_procedure: String,
    transport_mode: String,
    origin_country: String,
    departure_country: String,
    destination_country: String,
    containers: String,
    air_waybills: String,
    bills_of_lading: String,
    parties: Vec<PartyForm>,
    goods: Vec<LineForm>,
    notes: String,
}

const PARTIES: [&str; 3] = ["consignor", "consignee", "declarant"];

fn one_per_line(raw: &str) -> Vec<String> {
    raw.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn optional(raw: &str) -> Option<String> {
    Some(raw.trim().to_string()).filter(|v| !v.is_empty())
}

/// A decimal number as people type it, with a point or a comma.
fn decimal(field: &'static str, raw: &str) -> Result<Option<f64>, AppError> {
    let t = raw.trim().replace([' ', '\u{a0}'], "").replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<f64>().map(Some).map_err(|_| {
        AppError::invalid(field, "invalid_number", format!("'{}' is not a number such as 40 or 12.50.", raw.trim()))
    })
}

impl CaseForm {
    fn blank(p: &Principal) -> CaseForm {
        CaseForm {
            idempotency_key: form_token(),
            case_type: CaseType::Standard.as_str().into(),
            // Detaining notifies the rights holder: a deliberate step, never the default.
            detain: false,
            office_country: p.org_country.clone(),
            parties: PARTIES.iter().map(|r| PartyForm { role: r, ..Default::default() }).collect(),
            goods: vec![LineForm::default(); FIRST_LINES],
            ..Default::default()
        }
    }

    fn from_pairs(pairs: &[(String, String)]) -> CaseForm {
        let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
        let lines = get("lines").parse::<usize>().unwrap_or(FIRST_LINES).clamp(1, MAX_LINES);
        CaseForm {
            idempotency_key: get("idempotency_key"),
            case_type: get("case_type"),
            detain: pairs.iter().any(|(k, v)| k == "save" && v == "detain"),
            office_code: get("office_code"),
            office_name: get("office_name"),
            office_country: get("office_country"),
            occurred_at: get("occurred_at"),
            customs_procedure: get("customs_procedure"),
            transport_mode: get("transport_mode"),
            origin_country: get("origin_country"),
            departure_country: get("departure_country"),
            destination_country: get("destination_country"),
            containers: get("containers"),
            air_waybills: get("air_waybills"),
            bills_of_lading: get("bills_of_lading"),
            parties: PARTIES
                .iter()
                .map(|r| PartyForm {
                    role: r,
                    name: get(&format!("{r}_name")),
                    address: get(&format!("{r}_address")),
                    country: get(&format!("{r}_country")),
                })
                .collect(),
            goods: (0..lines)
                .map(|i| {
                    let f = |name: &str| get(&format!("goods_{i}_{name}"));
                    LineForm {
                        description: f("description"),
                        quantity: f("quantity"),
                        unit: f("unit"),
                        hs_code: f("hs_code"),
                        declared_value: f("declared_value"),
                        currency: f("currency"),
                        product_id: f("product_id"),
                        brand: f("brand"),
                        product_label: None,
                    }
                })
                .collect(),
            notes: get("notes"),
        }
    }

    /// What the domain is asked to record; only the form's own syntax is checked here.
    fn to_new_case(&self) -> Result<NewCase, AppError> {
        let case_type = CaseType::parse(&self.case_type)
            .ok_or_else(|| AppError::invalid("case_type", "required", "Choose the type of case."))?;
        let customs_procedure = match self.customs_procedure.trim() {
            "" => None,
            v => Some(CustomsProcedure::parse(v).ok_or_else(|| {
                AppError::invalid("customs_procedure", "invalid_procedure", "Choose import, export or transit.")
            })?),
        };
        let transport_mode = match self.transport_mode.trim() {
            "" => None,
            v => Some(TransportMode::parse(v).ok_or_else(|| {
                AppError::invalid("transport_mode", "invalid_transport_mode", "Choose a mode of transport.")
            })?),
        };
        // A datetime-local field gives 2026-11-29T08:30; the time is UTC, as the label says.
        let occurred_at = optional(&self.occurred_at).map(|t| match t.len() {
            16 => format!("{t}:00Z"),
            19 => format!("{t}Z"),
            _ => t,
        });
        let parties: Vec<Option<CaseParty>> = self
            .parties
            .iter()
            .map(|p| {
                let any = [&p.name, &p.address, &p.country].iter().any(|v| !v.trim().is_empty());
                any.then(|| CaseParty {
                    name: p.name.trim().to_string(),
                    address: optional(&p.address),
                    country: optional(&p.country),
                })
            })
            .collect();
        let mut goods = Vec::new();
        for line in self.goods.iter().filter(|l| !l.is_blank()) {
            let quantity = decimal("quantity", &line.quantity)?.ok_or_else(|| {
                AppError::invalid("quantity", "invalid_quantity", "Each quantity must be a positive number.")
            })?;
            let product_id = match line.product_id.trim() {
                "" => None,
                v => Some(parse_id(v).ok_or_else(|| {
                    AppError::invalid("product_id", "unknown_product", format!("'{v}' is not a product number."))
                })?),
            };
            let brand = line.brand.trim();
            let (brand_id, brand_text) = match parse_id(brand) {
                Some(id) => (Some(id), None),
                None => (None, optional(brand)),
            };
            goods.push(GoodsLine {
                description: line.description.clone(),
                quantity,
                unit: line.unit.clone(),
                hs_code: optional(&line.hs_code),
                declared_value: decimal("declared_value", &line.declared_value)?,
                currency: optional(&line.currency),
                brand_id,
                product_id,
                brand_text,
            });
        }
        let [consignor, consignee, declarant]: [Option<CaseParty>; 3] =
            parties.try_into().unwrap_or([None, None, None]);
        Ok(NewCase {
            case_type,
            detain: self.detain,
            sheet: CaseSheet {
                office: Some(Office {
                    code: self.office_code.clone(),
                    name: self.office_name.clone(),
                    country: self.office_country.clone(),
                }),
                occurred_at,
                customs_procedure,
                transport_mode,
                origin_country: optional(&self.origin_country),
                departure_country: optional(&self.departure_country),
                destination_country: optional(&self.destination_country),
                containers: one_per_line(&self.containers),
                air_waybills: one_per_line(&self.air_waybills),
                bills_of_lading: one_per_line(&self.bills_of_lading),
                consignor,
                consignee,
                declarant,
                goods,
                photos: Vec::new(),
                notes: optional(&self.notes),
            },
        })
    }
}

/// Fields of a goods line: their errors are shown above the lines.
const GOODS_FIELDS: &[&str] =
    &["goods", "quantity", "unit", "hs_code", "declared_value", "currency", "product_id", "brand_id", "brand_text"];

#[derive(Template)]
#[template(path = "cases_new.html")]
struct NewCasePage {
    layout: Layout,
    form: CaseForm,
    error: Option<FieldError>,
    case_types: &'static [CaseType],
    procedures: &'static [CustomsProcedure],
    modes: &'static [TransportMode],
}

impl NewCasePage {
    /// The message to show beside `field`, if the error is about it.
    fn err(&self, field: &str) -> Option<&str> {
        self.error.as_ref().filter(|e| e.on(field)).map(|e| e.message.as_str())
    }
    fn goods_err(&self) -> Option<&str> {
        self.error.as_ref().filter(|e| GOODS_FIELDS.iter().any(|f| *f == e.field)).map(|e| e.message.as_str())
    }
}

/// Names the catalog products the lines refer to, as the reader may see them.
async fn label_products(s: &AppState, p: &Principal, tr: &Tr, form: &mut CaseForm) {
    for line in &mut form.goods {
        line.product_label = None;
        if let Some(id) = parse_id(&line.product_id) {
            if let Ok(card) = catalog::product_card(&s.db, p, id).await {
                line.product_label = Some(format!("{} — {}", card.sheet.name_in(tr.code()), card.brand_name));
            }
        }
    }
}

async fn render_form(
    ctx: Ctx,
    s: &AppState,
    p: &Principal,
    mut form: CaseForm,
    error: Option<FieldError>,
    status: StatusCode,
) -> Response {
    label_products(s, p, &ctx.layout.tr, &mut form).await;
    let layout = clone_layout(&ctx.layout);
    ctx.render(
        status,
        NewCasePage {
            layout,
            form,
            error,
            case_types: CaseType::ALL,
            procedures: CustomsProcedure::ALL,
            modes: TransportMode::ALL,
        },
    )
}

#[derive(Deserialize, Default)]
struct NewCaseQuery {
    product_id: Option<String>,
}

async fn new_case_page(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    q: Result<Query<NewCaseQuery>, QueryRejection>,
) -> Response {
    if !allows(&p, Action::CaseCreate, Target::Organisation { org_id: p.org_id }) {
        return ctx.error_page(AppError::forbidden());
    }
    let mut form = CaseForm::blank(&p);
    let mut error = None;
    if let Some(raw) = q.ok().and_then(|Query(q)| q.product_id).filter(|v| !v.trim().is_empty()) {
        let found = match parse_id(&raw) {
            Some(id) => catalog::product_card(&s.db, &p, id).await.map(|c| (id, c)),
            None => Err(AppError::not_found("product")),
        };
        match found {
            Ok((id, card)) => {
                let line = &mut form.goods[0];
                line.product_id = id.to_string();
                line.description = card.sheet.name_in(ctx.layout.tr.code()).to_string();
                line.hs_code = card.sheet.hs_code.clone().unwrap_or_default();
                line.unit = ctx.layout.tr.t("cases.default_unit").to_string();
                if let Some(prices) = &card.sheet.prices {
                    line.currency = prices.currency.clone();
                }
            }
            Err(e) => {
                error = Some(FieldError {
                    field: "product_id".into(),
                    message: ctx.layout.tr.error(e.code(), &e.public_message()),
                    status: e.status(),
                })
            }
        }
    }
    render_form(ctx, &s, &p, form, error, StatusCode::OK).await
}

async fn create_case(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Response {
    let mut form = CaseForm::from_pairs(&pairs);
    if form.idempotency_key.is_empty() {
        form.idempotency_key = form_token();
    }
    if pairs.iter().any(|(k, _)| k == "add_line") {
        if form.goods.len() < MAX_LINES {
            form.goods.push(LineForm::default());
        }
        return render_form(ctx, &s, &p, form, None, StatusCode::OK).await;
    }
    // Only the two buttons record anything. Enter in a field presses the form's first button,
    // a hidden "review" that shows the form again as typed: a misplaced Enter saves nothing
    // and notifies nobody.
    let save = pairs.iter().find(|(k, _)| k == "save").map(|(_, v)| v.as_str());
    match save {
        Some("draft") => {}
        Some("detain") if pairs.iter().any(|(k, _)| k == "confirm_detain") => {}
        Some("detain") => {
            let error = FieldError {
                field: "confirm_detain".into(),
                message: ctx.layout.tr.t("cases.confirm_detain_required").to_string(),
                status: StatusCode::UNPROCESSABLE_ENTITY,
            };
            return render_form(ctx, &s, &p, form, Some(error), StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        _ => return render_form(ctx, &s, &p, form, None, StatusCode::OK).await,
    }
    let result = match form.to_new_case() {
        Ok(input) => cases::create_case(&s.db, &s.legal, &p, input, Some(&form.idempotency_key)).await,
        Err(e) => Err(e),
    };
    match result {
        Ok((case, _)) => Redirect::to(&format!("/cases/{}", case.id)).into_response(),
        Err(e) if shown_in_place(&e) => {
            if e.code() == "idempotency_key_reused" {
                // The key belongs to a case recorded from this form before; this is a new one.
                form.idempotency_key = form_token();
            }
            let error = FieldError::from_error(&ctx.layout.tr, &e);
            render_form(ctx, &s, &p, form, Some(error), e.status()).await
        }
        Err(e) => ctx.error_page(e),
    }
}

// ---------------------------------------------------------------------------------------------
// The case page

struct ObligationRow {
    id: i64,
    party: String,
    party_kind: &'static str,
    who: Option<String>,
    due: Option<String>,
    countdown: Option<String>,
    overdue: bool,
    pending: bool,
    answer: Option<String>,
    silence: String,
    /// The answers the reader may give or record now; empty when it has none to give.
    choices: Vec<(&'static str, String)>,
    can_extend: bool,
}

struct EventRow {
    at: String,
    actor: String,
    what: String,
    detail: String,
}

struct GoodsRow {
    description: String,
    quantity: Option<String>,
    hs_code: Option<String>,
    value: Option<String>,
    brand: Option<String>,
    product_id: Option<i64>,
}

struct PartyRow {
    role: String,
    name: String,
    address: Option<String>,
    country: Option<String>,
}

struct MessageRow {
    author: String,
    at: String,
    body: String,
    unread: bool,
    mine: bool,
}

struct OutcomeOption {
    value: &'static str,
    label: String,
    selected: bool,
}

struct ThreadOption {
    org_id: i64,
    name: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "cases_show.html")]
struct CasePage {
    layout: Layout,
    case: Case,
    case_type: String,
    state: &'static str,
    outcome: Option<String>,
    regime: String,
    notice: Option<String>,
    problem: Option<String>,
    obligations: Vec<ObligationRow>,
    office: Option<String>,
    occurred: Option<String>,
    detained: Option<String>,
    route: Vec<(String, String)>,
    transport: Vec<(String, String)>,
    parties: Vec<PartyRow>,
    goods: Vec<GoodsRow>,
    events: Vec<EventRow>,
    actions: Vec<&'static str>,
    outcomes: Vec<OutcomeOption>,
    threads: Vec<ThreadOption>,
    thread: Option<i64>,
    messages: Vec<MessageRow>,
    can_write: bool,
    draft: String,
}

impl CasePage {
    fn may(&self, action: &'static str) -> bool {
        self.actions.contains(&action)
    }
}

#[derive(Default)]
struct CaseExtra {
    thread: Option<i64>,
    notice: Option<String>,
    problem: Option<String>,
    draft: String,
}

#[derive(Deserialize, Default)]
struct CaseQuery {
    thread: Option<String>,
    done: Option<String>,
}

/// The confirmations a redirect may ask the case page to show.
fn done_message(tr: &Tr, done: &str) -> Option<String> {
    let key = match done {
        "detain" | "record_declarant_notice" | "decide" | "close" => "cases.done.step",
        "answer" => "cases.done.answer",
        "extension" => "cases.done.extension",
        "message" => "cases.done.message",
        _ => return None,
    };
    Some(tr.t(key).to_string())
}

async fn case_page(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    q: Result<Query<CaseQuery>, QueryRejection>,
) -> PageResult {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let extra = CaseExtra {
        thread: q.thread.as_deref().and_then(parse_id),
        notice: q.done.as_deref().and_then(|d| done_message(&ctx.layout.tr, d)),
        ..Default::default()
    };
    render_case(ctx, &s, &p, id, extra, StatusCode::OK).await
}

fn rights_holder_side(p: &Principal) -> bool {
    matches!(p.org_kind, OrgKind::RightsHolder | OrgKind::Representative)
}

async fn org_name(s: &AppState, id: i64) -> String {
    match crate::store::directory::get_organisation(s.db.reader(), id).await {
        Ok(Some(o)) => o.name,
        _ => format!("#{id}"),
    }
}

fn event_detail(tr: &Tr, detail: &serde_json::Value) -> String {
    let mut parts = Vec::new();
    let text = |k: &str| detail.get(k).and_then(|v| v.as_str()).map(str::to_string);
    if let Some(party) = text("party") {
        parts.push(label_or(tr, "cases.party", &party));
    }
    if let Some(a) = text("answer") {
        parts.push(label_or(tr, "cases.answer", &a));
    }
    if let Some(o) = text("outcome") {
        parts.push(label_or(tr, "cases.outcome", &o));
    }
    if let Some(d) = text("due_at") {
        parts.push(tr.f("cases.due_by", &[("date", &when(&d))]));
    }
    if let Some(o) = text("organisation") {
        parts.push(o);
    }
    if let Some(reasons) = detail.get("reasons").and_then(|v| v.as_array()) {
        parts.push(reasons.iter().filter_map(|r| r.as_str()).collect::<Vec<_>>().join("; "));
    }
    if let Some(n) = text("note") {
        parts.push(format!("« {n} »"));
    }
    parts.join(" · ")
}

async fn render_case(
    ctx: Ctx,
    s: &AppState,
    p: &Principal,
    id: i64,
    extra: CaseExtra,
    status: StatusCode,
) -> PageResult {
    let case = cases::get_case(&s.db, &s.legal, p, id).await?;
    let tr = ctx.layout.tr;
    let rh_side = rights_holder_side(p);
    let officer = !case.allowed_actions.is_empty();
    let open = case.state == CaseState::Detained;

    // The threads: a rights holder has its own; the administration picks one when several
    // rights holders are named.
    let mut thread_orgs: Vec<i64> = Vec::new();
    if !rh_side {
        let set: BTreeSet<i64> = case.obligations.iter().filter_map(|o| o.organisation_id).collect();
        thread_orgs = set.into_iter().collect();
    }
    let thread = if rh_side {
        None
    } else if thread_orgs.len() > 1 {
        Some(extra.thread.filter(|t| thread_orgs.contains(t)).unwrap_or(thread_orgs[0]))
    } else {
        thread_orgs.first().copied()
    };
    let mut threads = Vec::new();
    if thread_orgs.len() > 1 {
        for org in &thread_orgs {
            threads.push(ThreadOption { org_id: *org, name: org_name(s, *org).await, selected: Some(*org) == thread });
        }
    }
    let messages = cases::messages(&s.db, p, id, thread).await?;
    let messages = messages
        .into_iter()
        .map(|m| MessageRow {
            mine: m.author_organisation_id == p.org_id,
            author: m.author,
            at: when(&m.at),
            body: m.body,
            unread: m.unread,
        })
        .collect();

    let mut obligations = Vec::new();
    for o in &case.obligations {
        let mine = o.organisation_id == Some(p.org_id);
        let pending = o.answer.is_none() && open;
        let may_answer = pending && o.started && (mine || (officer && o.organisation_id.is_none()));
        let who = match o.organisation_id {
            Some(org) if !rh_side => Some(org_name(s, org).await),
            _ => None,
        };
        let countdown = match (pending, o.working_days_left) {
            (true, _) if o.overdue => None,
            (true, Some(1)) => Some(tr.t("cases.last_day").to_string()),
            (true, Some(n)) => Some(tr.f("cases.days_left", &[("days", &n.to_string())])),
            _ => None,
        };
        let answer = o.answer.map(|a| {
            let text = label_or(&tr, "cases.answer", a.as_str());
            if o.deemed {
                tr.f("cases.deemed", &[("answer", &text)])
            } else {
                text
            }
        });
        obligations.push(ObligationRow {
            id: o.id,
            party: label_or(&tr, "cases.party", o.party.as_str()),
            party_kind: o.party.as_str(),
            who,
            due: o.due_at.as_deref().map(when),
            countdown,
            overdue: pending && o.overdue,
            pending: pending && !o.started,
            answer,
            silence: label_or(&tr, "cases.silence", o.silence.as_str()),
            choices: if may_answer {
                o.answers.iter().map(|a| (a.as_str(), label_or(&tr, "cases.answer", a.as_str()))).collect()
            } else {
                Vec::new()
            },
            can_extend: mine && o.can_extend,
        });
    }

    let sheet = &case.sheet;
    let office = sheet
        .office
        .as_ref()
        .filter(|o| !o.code.is_empty() || !o.name.is_empty())
        .map(|o| format!("{} ({}, {})", o.name, o.code, o.country));
    let mut route = Vec::new();
    if let Some(v) = sheet.customs_procedure {
        route.push((tr.t("cases.procedure").to_string(), label_or(&tr, "cases.procedures", v.as_str())));
    }
    if let Some(v) = sheet.transport_mode {
        route.push((tr.t("cases.transport_mode").to_string(), tr.label("catalog.transport", v)));
    }
    for (key, v) in [
        ("cases.origin", &sheet.origin_country),
        ("cases.departure", &sheet.departure_country),
        ("cases.destination", &sheet.destination_country),
    ] {
        if let Some(v) = v {
            route.push((tr.t(key).to_string(), v.clone()));
        }
    }
    let mut transport = Vec::new();
    for (key, list) in [
        ("cases.containers", &sheet.containers),
        ("cases.air_waybills", &sheet.air_waybills),
        ("cases.bills_of_lading", &sheet.bills_of_lading),
    ] {
        if !list.is_empty() {
            transport.push((tr.t(key).to_string(), list.join(", ")));
        }
    }
    let parties = [("consignor", &sheet.consignor), ("consignee", &sheet.consignee), ("declarant", &sheet.declarant)]
        .into_iter()
        .filter_map(|(role, p)| {
            p.as_ref().map(|p| PartyRow {
                role: tr.t(&format!("cases.{role}")).to_string(),
                name: p.name.clone(),
                address: p.address.clone(),
                country: p.country.clone(),
            })
        })
        .collect();
    let goods = sheet
        .goods
        .iter()
        .map(|g| GoodsRow {
            description: g.description.clone(),
            quantity: (!g.unit.is_empty()).then(|| format!("{} {}", number(&tr, g.quantity), g.unit)),
            hs_code: g.hs_code.clone(),
            value: g.declared_value.map(|v| format!("{} {}", number(&tr, v), g.currency.clone().unwrap_or_default())),
            brand: g
                .brand_id
                .and_then(|b| case.brands.iter().find(|x| x.brand_id == b).map(|x| x.name.clone()))
                .or_else(|| g.brand_text.clone()),
            product_id: g.product_id,
        })
        .collect();
    let events = case
        .events
        .iter()
        .rev()
        .map(|e| EventRow {
            at: when(&e.at),
            actor: e.actor.clone(),
            what: label_or(&tr, "cases.event", &e.kind),
            detail: event_detail(&tr, &e.detail),
        })
        .collect();
    let actions: Vec<&'static str> = case.allowed_actions.iter().map(|a| a.as_str()).collect();
    let outcomes = CaseOutcome::ALL
        .iter()
        .map(|o| OutcomeOption {
            value: o.as_str(),
            label: label_or(&tr, "cases.outcome", o.as_str()),
            selected: case.outcome == Some(*o),
        })
        .collect();
    let page = CasePage {
        layout: clone_layout(&ctx.layout),
        case_type: label_or(&tr, "cases.case_type", case.case_type.as_str()),
        state: case.state.as_str(),
        outcome: case.outcome.map(|o| label_or(&tr, "cases.outcome", o.as_str())),
        regime: s.legal.regime(&case.regime_id).map(|r| r.name.clone()).unwrap_or_else(|| case.regime_id.clone()),
        notice: extra.notice,
        problem: extra.problem,
        obligations,
        office,
        occurred: case.sheet.occurred_at.as_deref().map(when),
        detained: case.detained_at.as_deref().map(when),
        route,
        transport,
        parties,
        goods,
        events,
        actions,
        outcomes,
        threads,
        thread,
        messages,
        can_write: allows_message(p, &case),
        draft: extra.draft,
        case,
    };
    Ok(ctx.render(status, page))
}

/// Whether the thread form is offered: the reader takes part in the case (it may act on it,
/// answer it, or is a rights holder it names). The domain checks again on posting.
fn allows_message(p: &Principal, case: &Case) -> bool {
    !case.allowed_actions.is_empty()
        || case.organisation_id == p.org_id
        || case.obligations.iter().any(|o| o.organisation_id == Some(p.org_id))
        || rights_holder_side(p)
}

/// After a refused step: the case page again, with the reason and what was typed.
async fn refused(ctx: Ctx, s: &AppState, p: &Principal, id: i64, e: AppError, mut extra: CaseExtra) -> PageResult {
    if !shown_in_place(&e) {
        return Err(PageError(e));
    }
    e.log();
    extra.problem = Some(ctx.layout.tr.error(e.code(), &e.public_message()));
    render_case(ctx, s, p, id, extra, e.status()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TransitionForm {
    action: String,
    outcome: String,
    note: String,
    version: String,
}

async fn transition(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    CsrfForm(f): CsrfForm<TransitionForm>,
) -> PageResult {
    let result = match CaseAction::parse(&f.action) {
        Some(action) => {
            let step = Transition {
                action,
                outcome: CaseOutcome::parse(&f.outcome),
                note: optional(&f.note),
                version: f.version.trim().parse().ok(),
            };
            cases::transition(&s.db, &s.legal, &p, id, step).await.map(|_| action.as_str())
        }
        None => Err(AppError::invalid("action", "invalid_action", "Choose a step the case allows.")),
    };
    match result {
        Ok(done) => Ok(Redirect::to(&format!("/cases/{id}?done={done}")).into_response()),
        Err(e) => refused(ctx, &s, &p, id, e, CaseExtra::default()).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AnswerForm {
    party: String,
    answer: String,
    note: String,
}

async fn answer(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    CsrfForm(f): CsrfForm<AnswerForm>,
) -> PageResult {
    let result = match (PartyKind::parse(&f.party), Answer::parse(&f.answer)) {
        (Some(party), Some(answer)) => {
            let input = AnswerInput { party, answer, note: optional(&f.note) };
            cases::answer(&s.db, &s.legal, &p, id, input).await.map(|_| ())
        }
        _ => Err(AppError::invalid("answer", "answer_required", "Choose an answer.")),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/cases/{id}?done=answer")).into_response()),
        Err(e) => refused(ctx, &s, &p, id, e, CaseExtra::default()).await,
    }
}

#[derive(Deserialize, Default)]
struct NoFields {}

async fn extension(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    CsrfForm(_): CsrfForm<NoFields>,
) -> PageResult {
    match cases::request_extension(&s.db, &s.legal, &p, id).await {
        Ok(_) => Ok(Redirect::to(&format!("/cases/{id}?done=extension")).into_response()),
        Err(e) => refused(ctx, &s, &p, id, e, CaseExtra::default()).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MessageForm {
    body: String,
    thread: String,
}

async fn post_message(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    CsrfForm(f): CsrfForm<MessageForm>,
) -> PageResult {
    let thread = parse_id(&f.thread);
    let input = NewMessage { body: f.body.clone(), thread_organisation_id: thread, attachments: Vec::new() };
    match cases::post_message(&s.db, &p, id, input).await {
        Ok(m) => {
            let t =
                if rights_holder_side(&p) { String::new() } else { format!("&thread={}", m.thread_organisation_id) };
            Ok(Redirect::to(&format!("/cases/{id}?done=message{t}#thread")).into_response())
        }
        Err(e) => refused(ctx, &s, &p, id, e, CaseExtra { thread, draft: f.body, ..Default::default() }).await,
    }
}

// ---------------------------------------------------------------------------------------------
// Alerts

struct AlertRow {
    id: i64,
    title: String,
    validity: String,
    status: String,
}

fn validity(tr: &Tr, a: &Alert) -> String {
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
    AlertRow { id: a.id, title: a.sheet.title.clone(), validity: validity(tr, a), status: status.to_string() }
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
    let can_create = allows(&p, Action::AlertCreate, Target::Organisation { org_id: p.org_id });
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
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let batch = catalog::list_brands(&s.db, p, 500, offset).await.map_err(|e| FieldError::from_error(tr, &e))?;
        let n = batch.len();
        all.extend(batch);
        offset += 500;
        if n < 500 || offset >= 20_000 {
            break;
        }
    }
    for name in names {
        let folded = super::catalog::fold(&name);
        let exact: Vec<_> = all.iter().filter(|b| super::catalog::fold(&b.name) == folded).collect();
        let found = if exact.len() == 1 {
            Some(exact[0].id)
        } else {
            let partial: Vec<_> = all.iter().filter(|b| super::catalog::fold(&b.name).contains(&folded)).collect();
            (partial.len() == 1).then(|| partial[0].id)
        };
        match found {
            Some(id) => ids.push(id),
            None => {
                return Err(FieldError {
                    field: "brand_ids".into(),
                    message: tr.f("alerts.unknown_brand", &[("name", &name)]),
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
    if !allows(&p, Action::AlertCreate, Target::Organisation { org_id: p.org_id }) {
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
                let e = AppError::invalid("transport_modes", "invalid_transport_mode", "Choose a mode of transport.");
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
    let sheet = AlertSheet {
        title: form.title.clone(),
        description: form.description.clone(),
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
    let can_withdraw = alert.status == "active"
        && allows(
            p,
            Action::AlertEdit,
            Target::Alert { owner_org_id: alert.owner_organisation_id, targets_principal: false },
        );
    let modes = alert.sheet.transport_modes.iter().map(|m| tr.label("catalog.transport", m)).collect();
    let row = alert_row(&tr, &alert);
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(status, AlertPage { layout, row, alert, modes, can_withdraw, problem }))
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
    let result = match alerts::get_alert(&s.db, &p, id).await {
        Ok(current) => {
            let version = f.version.trim().parse().unwrap_or(current.version);
            let update = AlertUpdate { version, sheet: current.sheet, status: Some("withdrawn".into()) };
            alerts::update_alert(&s.db, &p, id, update).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/alerts/{id}")).into_response()),
        Err(e) if shown_in_place(&e) => {
            let problem = Some(ctx.layout.tr.error(e.code(), &e.public_message()));
            render_alert(ctx, &s, &p, id, problem, e.status()).await
        }
        Err(e) => Err(PageError(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// Figures

struct Bar {
    label: String,
    count: i64,
    /// Share of the longest bar, 0 to 100.
    width: i64,
}

fn bars(rows: Vec<(String, i64)>) -> Vec<Bar> {
    let max = rows.iter().map(|(_, c)| *c).max().unwrap_or(0).max(1);
    rows.into_iter().map(|(label, count)| Bar { label, count, width: count * 100 / max }).collect()
}

#[derive(Template)]
#[template(path = "stats.html")]
struct StatsPage {
    layout: Layout,
    by_state: Vec<Bar>,
    by_outcome: Vec<Bar>,
    total: i64,
}

async fn stats_page(SignedIn { ctx, principal: p }: SignedIn, State(s): State<AppState>) -> PageResult {
    let counts = cases::stats(&s.db, &p).await?;
    let tr = ctx.layout.tr;
    let by_state = CaseState::ALL
        .iter()
        .map(|st| {
            let n = counts.iter().filter(|c| c.state == *st).map(|c| c.count).sum();
            (label_or(&tr, "cases.state", st.as_str()), n)
        })
        .collect();
    // An outcome counts once it is decided; an answered case only has the regime's proposal.
    let by_outcome = CaseOutcome::ALL
        .iter()
        .map(|o| {
            let n = counts
                .iter()
                .filter(|c| c.outcome == Some(*o) && matches!(c.state, CaseState::Decided | CaseState::Closed))
                .map(|c| c.count)
                .sum();
            (label_or(&tr, "cases.outcome", o.as_str()), n)
        })
        .collect();
    let total = counts.iter().map(|c| c.count).sum();
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(StatusCode::OK, StatsPage { layout, by_state: bars(by_state), by_outcome: bars(by_outcome), total }))
}

// ---------------------------------------------------------------------------------------------
// The home page's part

pub struct HomeAlert {
    pub id: i64,
    pub title: String,
    pub validity: String,
}

/// What the home page shows of cases and alerts: the alerts in force for an enforcement
/// reader, and how many of the reader's cases are still open.
#[derive(Default)]
pub struct HomeCases {
    pub alerts: Vec<HomeAlert>,
    pub open_cases: Option<usize>,
}

pub async fn home_cases(s: &AppState, p: &Principal, tr: &Tr) -> HomeCases {
    let mut out = HomeCases::default();
    if p.org_kind.is_enforcement() {
        if let Ok(list) = alerts::list_alerts(&s.db, p, 20, 0).await {
            out.alerts = list
                .iter()
                .filter(|a| a.in_force)
                .map(|a| HomeAlert { id: a.id, title: a.sheet.title.clone(), validity: validity(tr, a) })
                .collect();
        }
    }
    let filter = CaseListFilter { state: None, limit: 500, offset: 0 };
    if let Ok(list) = cases::list_cases(&s.db, &s.legal, p, &filter).await {
        out.open_cases = Some(list.iter().filter(|c| c.state != CaseState::Closed).count());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_show_in_minutes_and_utc() {
        assert_eq!(when("2026-11-29T08:30:00Z"), "2026-11-29 08:30 UTC");
        assert_eq!(when("soon"), "soon");
    }

    #[test]
    fn numbers_are_read_with_a_point_or_a_comma() {
        assert_eq!(decimal("quantity", "12,5").unwrap(), Some(12.5));
        assert_eq!(decimal("quantity", " 1 000 ").unwrap(), Some(1000.0));
        assert_eq!(decimal("quantity", "").unwrap(), None);
        assert_eq!(decimal("quantity", "many").unwrap_err().field(), Some("quantity"));
    }

    #[test]
    fn the_form_keeps_what_was_typed_and_skips_blank_lines() {
        let pairs: Vec<(String, String)> = [
            ("case_type", "perishable"),
            ("office_code", "FR000730"),
            ("office_name", "Roissy"),
            ("office_country", "FR"),
            ("containers", "MSKU 907032-3\n\n"),
            ("consignor_name", "Acme"),
            ("goods_0_description", "bags"),
            ("goods_0_quantity", "40"),
            ("goods_0_unit", "pieces"),
            ("goods_0_brand", "Lumière"),
            ("lines", "2"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let form = CaseForm::from_pairs(&pairs);
        assert_eq!(form.goods.len(), 2);
        assert!(!form.detain);
        let new = form.to_new_case().unwrap();
        assert_eq!(new.case_type, CaseType::Perishable);
        assert_eq!(new.sheet.containers, vec!["MSKU 907032-3"]);
        assert_eq!(new.sheet.goods.len(), 1);
        assert_eq!(new.sheet.goods[0].brand_text.as_deref(), Some("Lumière"));
        assert_eq!(new.sheet.consignor.as_ref().map(|p| p.name.as_str()), Some("Acme"));
        assert!(new.sheet.consignee.is_none());
    }
}
