//! The case page, where the parties answer within their deadlines and write to each other, and
//! the steps taken from it. What the reader may do comes from the domain ([`CasePermissions`]).

use super::*;
use crate::error::ErrorCode;

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
    /// Coordination hits on this detention: another agency works on one of its parties or boxes.
    hits: Vec<crate::domain::coordination::Hit>,
}

impl CasePage {
    /// A matched alert's title in the reader's language.
    fn alert_title(&self, m: &crate::domain::cases::AlertMatch) -> crate::web::content::Shown {
        crate::web::content::Shown::of(&m.title, &self.layout.tr, m.fallback_language)
    }

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
pub(super) struct CaseQuery {
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

pub(super) async fn case_page(
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
        parts.push(tr.f("cases.due_by", &[("date", &tr.when(&d))]));
    }
    if let Some(o) = text("organisation") {
        parts.push(o);
    }
    if let Some(reasons) = detail.get("reasons").and_then(|v| v.as_array()) {
        let said: Vec<String> = reasons
            .iter()
            .filter_map(|r| serde_json::from_value::<crate::i18n::Sentence>(r.clone()).ok())
            .map(|r| tr.say(&r))
            .collect();
        parts.push(said.join("; "));
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
    let CaseView { case, permissions, thread, threads, organisation_names, messages } =
        cases::read_case(&s.db, &s.legal, p, id, extra.thread).await?;
    let tr = ctx.layout.tr;
    let open = case.state == CaseState::Detained;
    let threads = threads
        .into_iter()
        .map(|(org_id, name)| ThreadOption { org_id, name, selected: Some(org_id) == thread })
        .collect();
    let messages = messages
        .into_iter()
        .map(|m| MessageRow {
            mine: m.author_organisation_id == p.org_id,
            author: m.author,
            at: tr.when(&m.at),
            body: m.body,
            unread: m.unread,
        })
        .collect();

    // Deadlines end at midnight on the office's clock; a reader elsewhere sees both.
    let office_zone = crate::i18n::time::zone(&case.office_time_zone).unwrap_or_else(crate::i18n::time::utc);
    let due = |d: &str| {
        if tr.reads_in(office_zone) {
            tr.when(d)
        } else {
            tr.f("cases.due_office", &[("date", &tr.when(d)), ("office", &tr.when_in(d, office_zone))])
        }
    };
    let mut obligations = Vec::new();
    for o in &case.obligations {
        let pending = o.answer.is_none() && open;
        let may_answer = permissions.may_answer.contains(&o.id);
        // The domain names the organisations only on the administration's side.
        let who = o.organisation_id.and_then(|org| organisation_names.get(&org).cloned());
        let countdown = match (pending, o.working_days_left) {
            (true, _) if o.overdue => None,
            (true, Some(1)) => Some(tr.t("cases.last_day").to_string()),
            (true, Some(n)) => Some(tr.fmt("cases.days_left", &[("days", n.into())])),
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
            due: o.due_at.as_deref().map(due),
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
            can_extend: permissions.may_extend.contains(&o.id),
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
    let air_waybills: Vec<String> =
        sheet.air_waybills.iter().map(|a| crate::domain::cases::air_waybill_printed(a)).collect();
    for (key, list) in [
        ("cases.containers", &sheet.containers),
        ("cases.air_waybills", &air_waybills),
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
            at: tr.when(&e.at),
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
        // A built-in regime is named in the reader's language; one a deployment configured
        // has the name it was given.
        regime: tr
            .lookup(&format!("regime.{}", case.regime_id.replace('-', "_")))
            .map(str::to_string)
            .or_else(|| s.legal.regime(&case.regime_id).map(|r| r.name.clone()))
            .unwrap_or_else(|| case.regime_id.clone()),
        notice: extra.notice,
        problem: extra.problem,
        obligations,
        office,
        occurred: case.sheet.occurred_at.as_deref().map(|d| tr.when(d)),
        detained: case.detained_at.as_deref().map(|d| tr.when(d)),
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
        can_write: permissions.may_message,
        draft: extra.draft,
        hits: crate::domain::coordination::hits_on_case(&s.db, p, case.id).await?,
        case,
    };
    Ok(ctx.render(status, page))
}

/// After a refused step: the case page again, with the reason and what was typed.
async fn refused(ctx: Ctx, s: &AppState, p: &Principal, id: i64, e: AppError, mut extra: CaseExtra) -> PageResult {
    if !shown_in_place(&e) {
        return Err(PageError(e));
    }
    e.log();
    extra.problem = Some(ctx.layout.tr.error_of(&e));
    render_case(ctx, s, p, id, extra, e.status()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct TransitionForm {
    action: String,
    outcome: String,
    note: String,
    version: String,
}

pub(super) async fn transition(
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
        None => Err(AppError::invalid("action", ErrorCode::InvalidAction, "Choose a step the case allows.")),
    };
    match result {
        Ok(done) => Ok(Redirect::to(&format!("/cases/{id}?done={done}")).into_response()),
        Err(e) => refused(ctx, &s, &p, id, e, CaseExtra::default()).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct AnswerForm {
    party: String,
    answer: String,
    note: String,
}

pub(super) async fn answer(
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
        _ => Err(AppError::invalid("answer", ErrorCode::AnswerRequired, "Choose an answer.")),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/cases/{id}?done=answer")).into_response()),
        Err(e) => refused(ctx, &s, &p, id, e, CaseExtra::default()).await,
    }
}

#[derive(Deserialize, Default)]
pub(super) struct NoFields {}

pub(super) async fn extension(
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
pub(super) struct MessageForm {
    body: String,
    thread: String,
}

pub(super) async fn post_message(
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
