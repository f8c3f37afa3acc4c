//! Cases: detentions recorded by officers, the exchange with the rights holders concerned, and
//! the legal procedure that runs between them.
//!
//! The workflow is an explicit state machine (draft → detained → answered → decided → closed);
//! what happens between detention and decision (who must answer, by when, what silence means)
//! comes from the office country's legal regime ([`super::regime`]), counted in that country's
//! working days. Every command is one transaction that writes the case, its timeline, its audit
//! record and the notices for everyone who must hear of it.

use std::collections::{BTreeSet, HashMap};

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use super::audit::AuditEvent;
use super::catalog::{parse_hs_code, TransportMode};
use super::format_ms;
use super::input::required_text;
use super::normalize;
use super::notify::{self, Notice};
use super::policy::{allows, check, Action, Principal, Target};
use super::regime::{
    names, resolve, Answer, CaseOutcome, LegalRules, Next, ObligationState, PartyKind, Silence, Start,
};
use super::types::{CountryCode, OrgKind};
use crate::error::{AppError, AppResult};
use crate::store::cases::{self as sql, CaseRow, ObligationRow};
use crate::store::media::UseKind;
use crate::store::{self, is_unique_violation, Db, Tx};

mod thread;
pub use thread::*;

names!(
    /// The kind of detention, which picks the procedure and its deadlines.
    CaseType { Standard = "standard", SmallConsignment = "small_consignment", Perishable = "perishable" }
);

names!(
    /// Where a case is in its workflow.
    CaseState { Draft = "draft", Detained = "detained", Answered = "answered", Decided = "decided", Closed = "closed" }
);

names!(
    /// The customs procedure the goods were under.
    CustomsProcedure { Import = "import", Export = "export", Transit = "transit" }
);

names!(
    /// A step an officer takes on a case.
    CaseAction { Detain = "detain", RecordDeclarantNotice = "record_declarant_notice", Decide = "decide", Close = "close" }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// The office's reference, e.g. `FR000730`.
    pub code: String,
    pub name: String,
    /// ISO 3166-1 alpha-2; it decides the legal regime and the working-day calendar.
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseParty {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoodsLine {
    pub description: String,
    pub quantity: f64,
    /// e.g. `pieces`, `pairs`, `kg`.
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_value: Option<f64>,
    /// ISO 4217, e.g. `EUR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The brand in the catalog, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand_id: Option<i64>,
    /// The product in the catalog, when known (its brand is then implied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<i64>,
    /// The brand as written on the goods, when it is not in the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand_text: Option<String>,
}

/// What an officer records about a detention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseSheet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Office>,
    /// When the goods were stopped (RFC 3339); the time of recording when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customs_procedure: Option<CustomsProcedure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport_mode: Option<TransportMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departure_country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_country: Option<String>,
    /// ISO 6346 container numbers (check digit verified).
    #[serde(default)]
    pub containers: Vec<String>,
    /// IATA air waybill numbers, 11 digits (check digit verified).
    #[serde(default)]
    pub air_waybills: Vec<String>,
    #[serde(default)]
    pub bills_of_lading: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consignor: Option<CaseParty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consignee: Option<CaseParty>,
    /// The declarant or holder of the goods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declarant: Option<CaseParty>,
    #[serde(default)]
    pub goods: Vec<GoodsLine>,
    /// Content hashes of uploaded photos (`POST /api/v1/media`).
    #[serde(default)]
    pub photos: Vec<String>,
    /// The administration's own notes; never shown to rights holders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

fn invalid(field: &'static str, code: &'static str, message: impl Into<String>) -> AppError {
    AppError::invalid(field, code, message)
}

fn country(field: &'static str, raw: &Option<String>) -> AppResult<Option<String>> {
    raw.as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(|c| CountryCode::parse(c).map(|c| c.as_str().to_string()).map_err(|e| with_field(e, field)))
        .transpose()
}

fn with_field(e: AppError, field: &'static str) -> AppError {
    match e {
        AppError::Client(mut c) => {
            c.field = Some(field);
            AppError::Client(c)
        }
        other => other,
    }
}

/// An IATA air waybill: 3-digit airline prefix and an 8-digit serial whose last digit is the
/// first seven modulo 7.
pub fn air_waybill(raw: &str) -> Result<String, String> {
    let s: String = raw.chars().filter(|c| c.is_ascii_digit()).collect();
    if s.len() != 11 || raw.chars().any(|c| c.is_ascii_alphabetic()) {
        return Err(format!("'{raw}' is not an air waybill number: 11 digits, e.g. 020-12345675"));
    }
    let serial: u64 = s[3..10].parse().unwrap_or(0);
    let check = u64::from(s.as_bytes()[10] - b'0');
    if serial % 7 != check {
        return Err(format!("'{raw}' has the wrong check digit: {} modulo 7 is {}", &s[3..10], serial % 7));
    }
    Ok(s)
}

impl CaseSheet {
    pub fn validated(mut self) -> AppResult<CaseSheet> {
        let office = self
            .office
            .take()
            .ok_or_else(|| invalid("office", "required", "Say at which customs office the goods were detained."))?;
        self.office = Some(Office {
            code: required_text("office_code", &office.code, 40)?,
            name: required_text("office_name", &office.name, 200)?,
            country: country("office_country", &Some(office.country))?
                .ok_or_else(|| invalid("office_country", "required", "Give the office's country."))?,
        });
        if let Some(at) = &self.occurred_at {
            time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339).map_err(|_| {
                invalid("occurred_at", "invalid_time", format!("'{at}' is not a time such as 2026-11-29T08:30:00Z."))
            })?;
        }
        self.origin_country = country("origin_country", &self.origin_country)?;
        self.departure_country = country("departure_country", &self.departure_country)?;
        self.destination_country = country("destination_country", &self.destination_country)?;
        if self.containers.len() > 100 || self.air_waybills.len() > 100 || self.bills_of_lading.len() > 100 {
            return Err(invalid(
                "containers",
                "too_many",
                "At most 100 containers, air waybills and bills of lading each.",
            ));
        }
        self.containers = self
            .containers
            .iter()
            .map(|c| normalize::container_number(c).map_err(|m| invalid("containers", "invalid_container_number", m)))
            .collect::<AppResult<_>>()?;
        self.air_waybills = self
            .air_waybills
            .iter()
            .map(|c| air_waybill(c).map_err(|m| invalid("air_waybills", "invalid_air_waybill", m)))
            .collect::<AppResult<_>>()?;
        self.bills_of_lading = self
            .bills_of_lading
            .iter()
            .map(|b| normalize::bill_of_lading(b).map_err(|m| invalid("bills_of_lading", "invalid_bill_of_lading", m)))
            .collect::<AppResult<_>>()?;
        for (field, party) in
            [("consignor", &mut self.consignor), ("consignee", &mut self.consignee), ("declarant", &mut self.declarant)]
        {
            if let Some(p) = party {
                p.name = required_text(field, &p.name, 200)?;
                p.address = p.address.as_deref().map(|a| required_text(field, a, 500)).transpose()?;
                p.country = country(field, &p.country)?;
            }
        }
        if self.goods.is_empty() {
            return Err(invalid("goods", "required", "Describe at least one line of goods."));
        }
        if self.goods.len() > 200 {
            return Err(invalid("goods", "too_many", "At most 200 lines of goods per case."));
        }
        for g in &mut self.goods {
            g.description = required_text("goods", &g.description, 500)?;
            g.unit = required_text("unit", &g.unit, 20)?;
            if !(g.quantity.is_finite() && g.quantity > 0.0 && g.quantity < 1e12) {
                return Err(invalid("quantity", "invalid_quantity", "Each quantity must be a positive number."));
            }
            g.hs_code = g.hs_code.as_deref().filter(|h| !h.trim().is_empty()).map(parse_hs_code).transpose()?;
            if let Some(v) = g.declared_value {
                if !(0.0..1e15).contains(&v) {
                    return Err(invalid("declared_value", "invalid_value", "A declared value must be zero or more."));
                }
            }
            if let Some(c) = &g.currency {
                let c = c.trim().to_ascii_uppercase();
                if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(invalid(
                        "currency",
                        "invalid_currency",
                        format!("'{c}' is not an ISO 4217 currency code such as EUR."),
                    ));
                }
                g.currency = Some(c);
            }
            g.brand_text = g
                .brand_text
                .as_deref()
                .filter(|t| !t.trim().is_empty())
                .map(|t| required_text("brand_text", t, 200))
                .transpose()?;
        }
        if self.photos.len() > 50
            || self.photos.iter().any(|h| h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return Err(invalid(
                "photos",
                "invalid_photo",
                "Photos are the hashes that POST /api/v1/media returned (at most 50).",
            ));
        }
        self.photos = self.photos.iter().map(|h| h.to_ascii_lowercase()).collect();
        self.notes = self
            .notes
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .map(|n| required_text("notes", n, 5000))
            .transpose()?;
        Ok(self)
    }

    fn office_country(&self) -> &str {
        self.office.as_ref().map(|o| o.country.as_str()).unwrap_or("")
    }

    /// Only the parts the disclosure rule lets a rights holder see.
    pub fn disclosed(&self, parts: &[String]) -> CaseSheet {
        let has = |p: &str| parts.iter().any(|x| x == p);
        let party = |p: &Option<CaseParty>| {
            p.as_ref().map(|p| CaseParty { name: p.name.clone(), address: None, country: p.country.clone() })
        };
        CaseSheet {
            office: if has("office") {
                self.office.clone()
            } else {
                self.office.as_ref().map(|o| Office {
                    code: String::new(),
                    name: String::new(),
                    country: o.country.clone(),
                })
            },
            occurred_at: self.occurred_at.clone(),
            customs_procedure: if has("route") { self.customs_procedure } else { None },
            transport_mode: if has("route") { self.transport_mode } else { None },
            origin_country: if has("route") { self.origin_country.clone() } else { None },
            departure_country: if has("route") { self.departure_country.clone() } else { None },
            destination_country: if has("route") { self.destination_country.clone() } else { None },
            containers: if has("transport") { self.containers.clone() } else { Vec::new() },
            air_waybills: if has("transport") { self.air_waybills.clone() } else { Vec::new() },
            bills_of_lading: if has("transport") { self.bills_of_lading.clone() } else { Vec::new() },
            consignor: if has("parties") { party(&self.consignor) } else { None },
            consignee: if has("parties") { party(&self.consignee) } else { None },
            declarant: if has("parties") { party(&self.declarant) } else { None },
            goods: if has("goods") {
                self.goods
                    .iter()
                    .map(|g| GoodsLine {
                        quantity: if has("quantities") { g.quantity } else { 0.0 },
                        unit: if has("quantities") { g.unit.clone() } else { String::new() },
                        declared_value: if has("values") { g.declared_value } else { None },
                        currency: if has("values") { g.currency.clone() } else { None },
                        ..g.clone()
                    })
                    .collect()
            } else {
                Vec::new()
            },
            photos: if has("goods") { self.photos.clone() } else { Vec::new() },
            notes: None,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCase {
    pub case_type: CaseType,
    pub sheet: CaseSheet,
    /// Detain at once (the parties are notified in the same transaction).
    #[serde(default)]
    pub detain: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseUpdate {
    /// The version read; a save over a newer version is refused with 409.
    pub version: i64,
    pub case_type: CaseType,
    pub sheet: CaseSheet,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    pub action: CaseAction,
    /// For `decide`: the decision; the regime's outcome when absent.
    #[serde(default)]
    pub outcome: Option<CaseOutcome>,
    #[serde(default)]
    pub note: Option<String>,
    /// When given, the step is refused with 409 if the case has changed since.
    #[serde(default)]
    pub version: Option<i64>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerInput {
    /// Whose answer this is: a rights holder answers for itself; an officer records the
    /// declarant's (and that of a rights holder not on the platform).
    pub party: PartyKind,
    pub answer: Answer,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseBrand {
    pub brand_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ObligationView {
    pub id: i64,
    pub party: PartyKind,
    /// The rights holder organisation that must answer, for rights-holder obligations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<i64>,
    /// Whether it has begun (an obligation that starts on objection waits until then).
    pub started: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_at: Option<String>,
    /// Working days left until the deadline, today included; 0 when past.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_days_left: Option<u32>,
    pub overdue: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    /// The answer is what the regime makes of silence at the deadline.
    pub deemed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<String>,
    pub extended: bool,
    pub can_extend: bool,
    /// What this party may answer.
    pub answers: Vec<Answer>,
    /// What silence at the deadline means.
    pub silence: Silence,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseEvent {
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub detail: serde_json::Value,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlertMatch {
    pub alert_id: i64,
    pub title: String,
    pub reasons: Vec<String>,
}

/// A case as the principal may see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Case {
    pub id: i64,
    /// e.g. `FR-2026-000012`.
    pub reference: String,
    pub organisation_id: i64,
    pub case_type: CaseType,
    pub state: CaseState,
    /// The regime's outcome once answered; the decision once decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CaseOutcome>,
    pub regime_id: String,
    pub version: i64,
    pub sheet: CaseSheet,
    /// Which parts of the sheet are shown: all, or what the disclosure rule lets a rights holder see.
    pub disclosed: Vec<String>,
    pub brands: Vec<CaseBrand>,
    pub obligations: Vec<ObligationView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detained_at: Option<String>,
    /// By when the parties must be notified of the detention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify_due_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declarant_notified_at: Option<String>,
    /// The declarant's notice is late.
    pub notice_overdue: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Steps the principal may take now.
    pub allowed_actions: Vec<CaseAction>,
    pub alert_matches: Vec<AlertMatch>,
    pub events: Vec<CaseEvent>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseSummary {
    pub id: i64,
    pub reference: String,
    pub case_type: CaseType,
    pub state: CaseState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CaseOutcome>,
    pub office_country: String,
    pub goods: String,
    /// The earliest open deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_deadline: Option<String>,
    pub updated_at: String,
}

/// The regime a case was recorded under (the office country's today, should it be gone).
fn regime_of<'r>(rules: &'r LegalRules, row: &CaseRow) -> &'r super::regime::Regime {
    rules.regime(&row.regime_id).unwrap_or_else(|| rules.regime_for_country(&row.office_country))
}

/// The regime's procedure a case type follows; perishable goods follow the standard one.
fn procedure_name(case_type: CaseType) -> &'static str {
    if case_type == CaseType::SmallConsignment {
        "small_consignment"
    } else {
        "standard"
    }
}

fn reference(row: &CaseRow) -> String {
    let year = time::OffsetDateTime::from_unix_timestamp(row.created_at / 1000).map(|t| t.year()).unwrap_or(1970);
    format!("{}-{year}-{:06}", row.office_country, row.id)
}

fn decode_sheet(row: &CaseRow) -> AppResult<CaseSheet> {
    serde_json::from_str(&row.sheet)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("case {} holds an unreadable sheet: {e}", row.id)))
}

fn parse_state(row: &CaseRow) -> CaseState {
    CaseState::parse(&row.state).unwrap_or(CaseState::Draft)
}

/// The case with the facts the policy needs about the principal.
async fn case_target(db: &Db, principal: &Principal, row: &CaseRow) -> AppResult<Target> {
    let brands = sql::case_brands(db.reader(), row.id).await?;
    let concerns = match principal.org_kind {
        OrgKind::RightsHolder => brands.iter().any(|(_, _, owner)| *owner == principal.org_id),
        OrgKind::Representative => {
            let mut any = false;
            for (brand_id, _, _) in &brands {
                if store::catalog::is_delegated(db.reader(), *brand_id, principal.org_id).await? {
                    any = true;
                    break;
                }
            }
            any
        }
        _ => false,
    };
    let shared =
        principal.org_kind.is_enforcement() && sql::is_shared_with(db.reader(), row.id, principal.org_id).await?;
    Ok(Target::Case {
        org_id: row.org_id,
        concerns_principal: concerns,
        shared_with_principal: shared,
        draft: row.state == "draft",
    })
}

/// Whether the principal reads the whole sheet (the administration that recorded the case, an
/// agency it is shared with), rather than the parts disclosed to rights holders.
fn sees_whole_sheet(principal: &Principal, target: Target) -> bool {
    allows(principal, Action::CaseEdit, target)
        || matches!(target, Target::Case { org_id, shared_with_principal, .. } if org_id == principal.org_id || shared_with_principal)
}

/// Refuses photos the principal may not name (not stored, or not readable by it).
async fn check_photos(db: &Db, rules: &LegalRules, principal: &Principal, sheet: &CaseSheet) -> AppResult<()> {
    let photos: Vec<&str> = sheet.photos.iter().map(String::as_str).collect();
    super::media::check_usable(db, Some(rules), principal, "photos", &photos).await
}

/// [`load`] for a read, as `None` when the principal may not read the case.
async fn load_readable(db: &Db, principal: &Principal, id: i64) -> AppResult<Option<(CaseRow, Target)>> {
    match load(db, principal, id, Action::CaseRead).await {
        Ok(found) => Ok(Some(found)),
        Err(e) if e.status() == StatusCode::NOT_FOUND => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether the principal, reading case `id` as it may, sees the photo `hash`: a rights holder
/// sees the photos only where the goods are disclosed to it (never, without the `rules` that say).
pub async fn shows_photo(
    db: &Db,
    rules: Option<&LegalRules>,
    principal: &Principal,
    id: i64,
    hash: &str,
) -> AppResult<bool> {
    let Some((row, target)) = load_readable(db, principal, id).await? else { return Ok(false) };
    let sheet = decode_sheet(&row)?;
    let sheet = match rules {
        _ if sees_whole_sheet(principal, target) => sheet,
        Some(rules) => sheet.disclosed(&rules.disclosed(&row.office_country)),
        None => return Ok(false),
    };
    Ok(sheet.photos.iter().any(|p| p.eq_ignore_ascii_case(hash)))
}

/// Whether the principal may read the thread message `message_id` and it attaches `hash`.
pub async fn shows_attachment(db: &Db, principal: &Principal, message_id: i64, hash: &str) -> AppResult<bool> {
    let Some((case_id, thread_org, attachments)) = sql::message_attachments(db.reader(), message_id).await? else {
        return Ok(false);
    };
    let Some((row, target)) = load_readable(db, principal, case_id).await? else { return Ok(false) };
    // The thread the principal reads in `messages`; none means all of them.
    if thread_for(db, principal, &row, target, None).await?.is_some_and(|t| t != thread_org) {
        return Ok(false);
    }
    let attachments: Vec<String> = serde_json::from_str(&attachments).unwrap_or_default();
    Ok(attachments.iter().any(|a| a.eq_ignore_ascii_case(hash)))
}

/// Loads a case the principal may perform `action` on; a case it may not even read is "not found".
async fn load(db: &Db, principal: &Principal, id: i64, action: Action) -> AppResult<(CaseRow, Target)> {
    let row = sql::get_case(db.reader(), id).await?.ok_or_else(|| AppError::not_found("case"))?;
    let target = case_target(db, principal, &row).await?;
    if !allows(principal, Action::CaseRead, target) {
        return Err(AppError::not_found("case"));
    }
    check(principal, action, target)?;
    Ok((row, target))
}

/// The rights-holder organisations a case names: owners of its brands, and the representatives
/// acting for them.
async fn concerned_orgs(db: &Db, case_id: i64) -> AppResult<BTreeSet<i64>> {
    Ok(sql::case_brands(db.reader(), case_id).await?.into_iter().map(|(_, _, owner)| owner).collect())
}

fn hash_request(case_type: CaseType, sheet: &CaseSheet, detain: bool) -> String {
    let text = serde_json::to_string(&(case_type.as_str(), sheet, detain)).unwrap_or_default();
    data_encoding::HEXLOWER.encode(&Sha256::digest(text.as_bytes()))
}

/// The brands the goods lines name, checked against the published catalog: `(brand, owner)`.
async fn resolve_brands(db: &Db, sheet: &mut CaseSheet) -> AppResult<Vec<(i64, i64)>> {
    let mut brands = Vec::new();
    for g in &mut sheet.goods {
        if let Some(product_id) = g.product_id {
            let product = store::catalog::get_product(db.reader(), product_id)
                .await?
                .filter(|p| p.published)
                .ok_or_else(|| {
                    invalid("product_id", "unknown_product", format!("No published product has the id {product_id}."))
                })?;
            g.brand_id = Some(product.brand_id);
        }
        if let Some(brand_id) = g.brand_id {
            let brand =
                store::catalog::get_brand(db.reader(), brand_id).await?.filter(|b| b.published).ok_or_else(|| {
                    invalid("brand_id", "unknown_brand", format!("No published brand has the id {brand_id}."))
                })?;
            if !brands.iter().any(|(b, _)| *b == brand.id) {
                brands.push((brand.id, brand.owner_organisation_id));
            }
        } else if g.brand_text.is_none() {
            return Err(invalid(
                "brand_id",
                "brand_required",
                "Name the brand of each line: from the catalog, or as written on the goods.",
            ));
        }
    }
    Ok(brands)
}

/// Records a detention. With an idempotency key, repeating the same request returns the case
/// it created (`false`: not created now) instead of creating a second one.
pub async fn create_case(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    input: NewCase,
    idempotency_key: Option<&str>,
) -> AppResult<(Case, bool)> {
    check(principal, Action::CaseCreate, Target::Organisation { org_id: principal.org_id })?;
    if let Some(k) = idempotency_key {
        if k.is_empty() || k.len() > 200 || !k.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(AppError::client(
                StatusCode::BAD_REQUEST,
                "invalid_idempotency_key",
                "An Idempotency-Key is 1 to 200 visible ASCII characters, e.g. a UUID.",
            ));
        }
    }
    let mut sheet = input.sheet.validated()?;
    check_photos(db, rules, principal, &sheet).await?;
    let request_hash = hash_request(input.case_type, &sheet, input.detain);
    if let Some(k) = idempotency_key {
        if let Some(existing) = sql::find_by_idempotency_key(db.reader(), principal.user_id, k).await? {
            return replay(db, rules, principal, existing, &request_hash).await;
        }
    }
    let regime = rules.regime_for_country(sheet.office_country());
    if input.case_type == CaseType::SmallConsignment && !regime.procedures.contains_key("small_consignment") {
        return Err(invalid(
            "case_type",
            "no_small_consignment_procedure",
            format!("{} has no small-consignment procedure; record a standard case.", regime.name),
        ));
    }
    let brands = resolve_brands(db, &mut sheet).await?;
    let now = db.now_ms();
    let text = serde_json::to_string(&sheet).map_err(anyhow::Error::from)?;
    let mut tx = db.begin().await?;
    let new = sql::NewCaseRow {
        org_id: principal.org_id,
        created_by: principal.user_id,
        office_country: sheet.office_country(),
        regime_id: &regime.id,
        case_type: input.case_type.as_str(),
        sheet: &text,
        idempotency_key,
        request_hash: &request_hash,
        now,
    };
    let id = match sql::insert_case(&mut tx, &new).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) && idempotency_key.is_some() => {
            // The same request raced itself; the first one won.
            drop(tx);
            let existing =
                sql::find_by_idempotency_key(db.reader(), principal.user_id, idempotency_key.unwrap_or_default())
                    .await?
                    .ok_or_else(|| AppError::Internal(anyhow::anyhow!("idempotent case vanished")))?;
            return replay(db, rules, principal, existing, &request_hash).await;
        }
        Err(e) => return Err(e.into()),
    };
    sql::replace_brands(&mut tx, id, &brands).await?;
    store::media::replace_uses(&mut tx, UseKind::Case, id, sheet.photos.iter().map(String::as_str)).await?;
    sql::add_event(&mut tx, id, &principal.label, "created", "{}", now).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.create", "case", id)
            .detail(serde_json::json!({"case_type": input.case_type.as_str()})),
    )
    .await?;
    match_alerts(&mut tx, id, &sheet, &brands, now).await?;
    if input.detain {
        let row = sql::get_case(&mut *tx, id).await?.ok_or_else(|| AppError::not_found("case"))?;
        detain(&mut tx, rules, principal, &row, &brands, now).await?;
    }
    tx.commit().await?;
    Ok((get_case(db, rules, principal, id).await?, true))
}

async fn replay(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    existing: CaseRow,
    request_hash: &str,
) -> AppResult<(Case, bool)> {
    if existing.request_hash.as_deref() != Some(request_hash) {
        return Err(AppError::client(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key_reused",
            "This Idempotency-Key was used for a different case; use a new key for a new case.",
        ));
    }
    Ok((get_case(db, rules, principal, existing.id).await?, false))
}

/// Starts the legal procedure: obligations with their deadlines, and the notices.
async fn detain(
    tx: &mut Tx,
    rules: &LegalRules,
    principal: &Principal,
    row: &CaseRow,
    brands: &[(i64, i64)],
    now: i64,
) -> AppResult<()> {
    if !sql::set_state(tx, row.id, row.version, CaseState::Detained.as_str(), None, Some("detained_at"), now).await? {
        return Err(AppError::conflict(
            "version_conflict",
            "The case changed in the meantime; reload it and try again.",
        ));
    }
    let regime = regime_of(rules, row);
    let calendar = rules.calendar(&row.office_country);
    let case_type = CaseType::parse(&row.case_type).unwrap_or(CaseType::Standard);
    let procedure_name = procedure_name(case_type);
    let procedure = regime
        .procedures
        .get(procedure_name)
        .or_else(|| regime.procedures.get("standard"))
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("regime {} has no standard procedure", regime.id)))?;
    sql::set_notify_due(tx, row.id, calendar.deadline_after(now, regime.notify_within_working_days)).await?;
    let rights_holders: BTreeSet<i64> = brands.iter().map(|(_, owner)| *owner).collect();
    let mut position = 0;
    for o in &procedure.obligations {
        let days = if case_type == CaseType::Perishable {
            o.perishable_working_days.unwrap_or(o.working_days)
        } else {
            o.working_days
        };
        let due = (o.starts == Start::OnDetention).then(|| calendar.deadline_after(now, days));
        let orgs: Vec<Option<i64>> = match o.party {
            PartyKind::RightsHolder if !rights_holders.is_empty() => rights_holders.iter().map(|o| Some(*o)).collect(),
            _ => vec![None],
        };
        for org in orgs {
            sql::insert_obligation(
                tx,
                row.id,
                position,
                o.party.as_str(),
                org,
                o.starts.as_str(),
                o_silence(o.silence),
                due,
            )
            .await?;
            position += 1;
        }
    }
    sql::add_event(
        tx,
        row.id,
        &principal.label,
        "detained",
        &serde_json::json!({"regime": regime.id, "procedure": procedure_name}).to_string(),
        now,
    )
    .await?;
    store::audit::append(tx, &AuditEvent::by(principal, "case.detain", "case", row.id)).await?;
    let sheet = decode_sheet(row)?;
    let reference = reference(row);
    if procedure.notify.contains(&PartyKind::RightsHolder) {
        for org in &rights_holders {
            notify_org(
                tx,
                row.id,
                *org,
                "case.detained",
                &format!("Goods bearing your marks detained: case {reference}"),
                &format!("{}\n\nOpen the case to answer before the deadline.", goods_summary(&sheet)),
                now,
            )
            .await?;
        }
    }
    Ok(())
}

fn o_silence(s: Silence) -> &'static str {
    s.as_str()
}

fn goods_summary(sheet: &CaseSheet) -> String {
    sheet.goods.iter().map(|g| format!("{} {} {}", g.quantity, g.unit, g.description)).collect::<Vec<_>>().join("; ")
}

async fn notify_org(
    tx: &mut Tx,
    case_id: i64,
    org_id: i64,
    kind: &str,
    subject: &str,
    body: &str,
    now: i64,
) -> AppResult<()> {
    notify_event(tx, case_id, org_id, kind, &format!("case-{case_id}-{kind}-org-{org_id}"), subject, body, now).await
}

#[allow(clippy::too_many_arguments)]
async fn notify_event(
    tx: &mut Tx,
    case_id: i64,
    org_id: i64,
    kind: &str,
    event_id: &str,
    subject: &str,
    body: &str,
    now: i64,
) -> AppResult<()> {
    let notice = Notice {
        event_id: event_id.to_string(),
        kind: kind.to_string(),
        org_id,
        subject: subject.to_string(),
        body: body.to_string(),
        link: format!("/cases/{case_id}"),
        payload: serde_json::json!({"case_id": case_id}),
    };
    notify::enqueue(tx, &notice, now).await
}

/// The case as the principal may see it; rights holders get only the disclosed parts, and a
/// platform administrator's read is audited.
pub async fn get_case(db: &Db, rules: &LegalRules, principal: &Principal, id: i64) -> AppResult<Case> {
    let (row, target) = load(db, principal, id, Action::CaseRead).await?;
    if principal.is_platform_admin() {
        let mut tx = db.begin().await?;
        store::audit::append(&mut tx, &AuditEvent::by(principal, "case.read", "case", id).scope(row.org_id)).await?;
        tx.commit().await?;
    }
    build_view(db, rules, principal, row, target).await
}

/// The brands of a case that the principal's organisation owns or acts for: a rights holder
/// reads the goods lines naming them, and no other.
async fn own_brands(db: &Db, principal: &Principal, case_brands: &[(i64, String, i64)]) -> AppResult<BTreeSet<i64>> {
    let mut own = BTreeSet::new();
    for (brand_id, _, owner) in case_brands {
        if *owner == principal.org_id || store::catalog::is_delegated(db.reader(), *brand_id, principal.org_id).await? {
            own.insert(*brand_id);
        }
    }
    Ok(own)
}

/// Timeline entries about sharing a case with another agency, never shown to rights holders.
const SHARING_EVENTS: &[&str] = &["shared", "share_withdrawn"];

async fn build_view(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    row: CaseRow,
    target: Target,
) -> AppResult<Case> {
    let now = db.now_ms();
    let full = sees_whole_sheet(principal, target);
    let sheet = decode_sheet(&row)?;
    let case_brands = sql::case_brands(db.reader(), row.id).await?;
    let own_brands = if full { BTreeSet::new() } else { own_brands(db, principal, &case_brands).await? };
    let (sheet, disclosed) = if full {
        (sheet, super::regime::DISCLOSABLE.iter().map(|s| s.to_string()).chain(["notes".to_string()]).collect())
    } else {
        let parts = rules.disclosed(&row.office_country);
        let mut sheet = sheet.disclosed(&parts);
        sheet.goods.retain(|g| g.brand_id.is_some_and(|b| own_brands.contains(&b)));
        (sheet, parts)
    };
    let calendar = rules.calendar(&row.office_country);
    let regime = rules.regime(&row.regime_id);
    let case_type = CaseType::parse(&row.case_type).unwrap_or(CaseType::Standard);
    let procedure = regime.and_then(|r| r.procedures.get(procedure_name(case_type)));
    let obligations = sql::obligations(db.reader(), row.id)
        .await?
        .into_iter()
        .filter(|o| full || o.party_org_id == Some(principal.org_id) || o.party == "declarant")
        .map(|o| {
            let rule = procedure.and_then(|p| {
                p.obligations.iter().find(|r| r.party.as_str() == o.party && r.starts.as_str() == o.starts)
            });
            let open = o.answer.is_none() && row.state == "detained";
            ObligationView {
                id: o.id,
                party: PartyKind::parse(&o.party).unwrap_or(PartyKind::Declarant),
                organisation_id: o.party_org_id,
                started: o.due_at.is_some(),
                due_at: o.due_at.map(format_ms),
                working_days_left: o.due_at.filter(|_| open).map(|d| calendar.working_days_left(now, d)),
                overdue: open && o.due_at.is_some_and(|d| now > d),
                answer: o.answer.as_deref().and_then(Answer::parse),
                deemed: o.deemed == 1,
                answered_at: o.answered_at.map(format_ms),
                extended: o.extended == 1,
                can_extend: open
                    && o.extended == 0
                    && case_type != CaseType::Perishable
                    && rule.is_some_and(|r| r.extension_working_days > 0)
                    && o.due_at.is_some_and(|d| now <= d),
                answers: rule.map(|r| r.answers.clone()).unwrap_or_default(),
                silence: Silence::parse(&o.silence).unwrap_or(Silence::None),
            }
        })
        .collect();
    let brands = case_brands
        .into_iter()
        .filter(|(brand_id, _, _)| full || own_brands.contains(brand_id))
        .map(|(brand_id, name, _)| CaseBrand { brand_id, name })
        .collect();
    let alert_matches = sql::matches_of_case(db.reader(), row.id)
        .await?
        .into_iter()
        .filter(|(_, owner, _, _)| full || *owner == principal.org_id)
        .map(|(alert_id, _, sheet, reasons)| AlertMatch {
            alert_id,
            title: serde_json::from_str::<serde_json::Value>(&sheet)
                .ok()
                .and_then(|v| v["title"].as_str().map(String::from))
                .unwrap_or_default(),
            reasons: serde_json::from_str(&reasons).unwrap_or_default(),
        })
        .collect();
    let events = sql::events(db.reader(), row.id)
        .await?
        .into_iter()
        // Which agency a case was shared with is the administration's business alone.
        .filter(|(_, _, kind, _)| full || !SHARING_EVENTS.contains(&kind.as_str()))
        .map(|(at, actor, kind, detail)| CaseEvent {
            at: format_ms(at),
            actor: if full { actor } else { String::new() },
            kind,
            detail: serde_json::from_str(&detail).unwrap_or_default(),
        })
        .collect();
    let state = parse_state(&row);
    let allowed_actions = if allows(principal, Action::CaseEdit, target) { allowed(state, &row) } else { Vec::new() };
    Ok(Case {
        id: row.id,
        reference: reference(&row),
        organisation_id: row.org_id,
        case_type,
        state,
        outcome: row.outcome.as_deref().and_then(CaseOutcome::parse),
        regime_id: row.regime_id.clone(),
        version: row.version,
        sheet,
        disclosed,
        brands,
        obligations,
        detained_at: row.detained_at.map(format_ms),
        notify_due_at: row.notify_due_at.map(format_ms),
        declarant_notified_at: row.declarant_notified_at.map(format_ms),
        notice_overdue: state == CaseState::Detained
            && row.declarant_notified_at.is_none()
            && row.notify_due_at.is_some_and(|d| now > d),
        decided_at: row.decided_at.map(format_ms),
        closed_at: row.closed_at.map(format_ms),
        created_at: format_ms(row.created_at),
        updated_at: format_ms(row.updated_at),
        allowed_actions,
        alert_matches,
        events,
    })
}

/// The steps the workflow allows from a state.
fn allowed(state: CaseState, row: &CaseRow) -> Vec<CaseAction> {
    match state {
        CaseState::Draft => vec![CaseAction::Detain],
        CaseState::Detained if row.declarant_notified_at.is_none() => {
            vec![CaseAction::RecordDeclarantNotice, CaseAction::Decide]
        }
        CaseState::Detained => vec![CaseAction::Decide],
        CaseState::Answered => vec![CaseAction::Decide],
        CaseState::Decided => vec![CaseAction::Close],
        CaseState::Closed => vec![],
    }
}

fn invalid_transition(state: CaseState, action: CaseAction, allowed: &[CaseAction]) -> AppError {
    let names: Vec<&str> = allowed.iter().map(|a| a.as_str()).collect();
    AppError::conflict(
        "invalid_transition",
        if names.is_empty() {
            format!("A {} case allows no further step ('{}' refused).", state.as_str(), action.as_str())
        } else {
            format!("A {} case cannot '{}'; allowed now: {}.", state.as_str(), action.as_str(), names.join(", "))
        },
    )
}

fn conflict() -> AppError {
    AppError::conflict(
        "version_conflict",
        "Someone changed this case in the meantime; reload it, reapply your change and save again.",
    )
}

pub async fn update_case(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    id: i64,
    update: CaseUpdate,
) -> AppResult<Case> {
    let (row, _) = load(db, principal, id, Action::CaseEdit).await?;
    let state = parse_state(&row);
    if !matches!(state, CaseState::Draft | CaseState::Detained) {
        return Err(AppError::conflict(
            "case_not_editable",
            format!("A {} case can no longer be edited.", state.as_str()),
        ));
    }
    let case_type = update.case_type;
    if state != CaseState::Draft && case_type.as_str() != row.case_type {
        return Err(AppError::conflict("case_type_fixed", "The case type is fixed once the goods are detained."));
    }
    let mut sheet = update.sheet.validated()?;
    check_photos(db, rules, principal, &sheet).await?;
    if sheet.office_country() != row.office_country {
        return Err(invalid(
            "office_country",
            "office_country_fixed",
            "The office's country decides the legal regime and cannot change; record a new case.",
        ));
    }
    let brands = resolve_brands(db, &mut sheet).await?;
    let now = db.now_ms();
    let text = serde_json::to_string(&sheet).map_err(anyhow::Error::from)?;
    let mut tx = db.begin().await?;
    let Some(version) = sql::update_case_sheet(&mut tx, id, update.version, case_type.as_str(), &text, now).await?
    else {
        return Err(conflict());
    };
    sql::replace_brands(&mut tx, id, &brands).await?;
    store::media::replace_uses(&mut tx, UseKind::Case, id, sheet.photos.iter().map(String::as_str)).await?;
    sql::add_event(&mut tx, id, &principal.label, "edited", &serde_json::json!({"version": version}).to_string(), now)
        .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.update", "case", id).detail(serde_json::json!({"version": version})),
    )
    .await?;
    match_alerts(&mut tx, id, &sheet, &brands, now).await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}

pub async fn transition(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    id: i64,
    step: Transition,
) -> AppResult<Case> {
    let (row, _) = load(db, principal, id, Action::CaseEdit).await?;
    if step.version.is_some_and(|v| v != row.version) {
        return Err(conflict());
    }
    let note =
        step.note.as_deref().filter(|n| !n.trim().is_empty()).map(|n| required_text("note", n, 2000)).transpose()?;
    let state = parse_state(&row);
    let allowed_now = allowed(state, &row);
    if !allowed_now.contains(&step.action) {
        return Err(invalid_transition(state, step.action, &allowed_now));
    }
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    let reference = reference(&row);
    match step.action {
        CaseAction::Detain => {
            let brands: Vec<(i64, i64)> =
                sql::case_brands(&mut *tx, id).await?.into_iter().map(|(b, _, o)| (b, o)).collect();
            detain(&mut tx, rules, principal, &row, &brands, now).await?;
        }
        CaseAction::RecordDeclarantNotice => {
            if !sql::set_state(
                &mut tx,
                id,
                row.version,
                &row.state,
                row.outcome.as_deref(),
                Some("declarant_notified_at"),
                now,
            )
            .await?
            {
                return Err(conflict());
            }
            sql::add_event(
                &mut tx,
                id,
                &principal.label,
                "declarant_notified",
                &serde_json::json!({"note": note}).to_string(),
                now,
            )
            .await?;
        }
        CaseAction::Decide => {
            let proposed = row.outcome.as_deref().and_then(CaseOutcome::parse);
            let outcome = step.outcome.or(proposed).ok_or_else(|| {
                invalid(
                    "outcome",
                    "outcome_required",
                    "Choose the decision: destruction, legal_proceedings or released.",
                )
            })?;
            if state == CaseState::Detained && outcome == CaseOutcome::Destruction {
                return Err(AppError::conflict("answers_pending", "Destruction needs the parties' agreement or the end of their deadlines; the answers are not all in."));
            }
            if !sql::set_state(
                &mut tx,
                id,
                row.version,
                CaseState::Decided.as_str(),
                Some(outcome.as_str()),
                Some("decided_at"),
                now,
            )
            .await?
            {
                return Err(conflict());
            }
            sql::add_event(
                &mut tx,
                id,
                &principal.label,
                "decided",
                &serde_json::json!({"outcome": outcome.as_str(), "note": note}).to_string(),
                now,
            )
            .await?;
            for org in concerned_orgs(db, id).await? {
                notify_org(
                    &mut tx,
                    id,
                    org,
                    "case.decided",
                    &format!("Case {reference} decided: {}", outcome_words(outcome)),
                    &note.clone().unwrap_or_default(),
                    now,
                )
                .await?;
            }
        }
        CaseAction::Close => {
            if !sql::set_state(
                &mut tx,
                id,
                row.version,
                CaseState::Closed.as_str(),
                row.outcome.as_deref(),
                Some("closed_at"),
                now,
            )
            .await?
            {
                return Err(conflict());
            }
            sql::add_event(
                &mut tx,
                id,
                &principal.label,
                "closed",
                &serde_json::json!({"note": note}).to_string(),
                now,
            )
            .await?;
            let outcome = row.outcome.as_deref().and_then(CaseOutcome::parse).map(outcome_words).unwrap_or("closed");
            for org in concerned_orgs(db, id).await? {
                notify_org(
                    &mut tx,
                    id,
                    org,
                    "case.closed",
                    &format!("Case {reference} closed: {outcome}"),
                    &note.clone().unwrap_or_default(),
                    now,
                )
                .await?;
            }
        }
    }
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.transition", "case", id)
            .detail(serde_json::json!({"action": step.action.as_str(), "outcome": step.outcome.map(|o| o.as_str())})),
    )
    .await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}

fn outcome_words(o: CaseOutcome) -> &'static str {
    match o {
        CaseOutcome::Destruction => "the goods are to be destroyed",
        CaseOutcome::LegalProceedings => "legal proceedings",
        CaseOutcome::Released => "the goods are released",
    }
}

/// A party's answer: the rights holder for itself, or an officer recording the declarant's.
pub async fn answer(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    id: i64,
    input: AnswerInput,
) -> AppResult<Case> {
    let row = sql::get_case(db.reader(), id).await?.ok_or_else(|| AppError::not_found("case"))?;
    let target = case_target(db, principal, &row).await?;
    if !allows(principal, Action::CaseRead, target) {
        return Err(AppError::not_found("case"));
    }
    let as_officer = allows(principal, Action::CaseEdit, target);
    if !as_officer {
        check(principal, Action::CaseAnswer, target)?;
    }
    if parse_state(&row) != CaseState::Detained {
        return Err(AppError::conflict("not_awaiting_answers", format!("A {} case takes no more answers.", row.state)));
    }
    let note =
        input.note.as_deref().filter(|n| !n.trim().is_empty()).map(|n| required_text("note", n, 2000)).transpose()?;
    let obligations = sql::obligations(db.reader(), id).await?;
    let mine = obligations.iter().find(|o| {
        o.party == input.party.as_str()
            && o.answer.is_none()
            && o.due_at.is_some()
            && if as_officer { o.party_org_id.is_none() } else { o.party_org_id == Some(principal.org_id) }
    });
    let Some(obligation) = mine else {
        return Err(AppError::conflict(
            "nothing_to_answer",
            format!(
                "There is no open question for the {} on this case{}.",
                input.party.as_str().replace('_', " "),
                if as_officer { " that an officer may record" } else { "" }
            ),
        ));
    };
    let regime = regime_of(rules, &row);
    let procedure =
        regime.procedures.get(procedure_name(CaseType::parse(&row.case_type).unwrap_or(CaseType::Standard)));
    let rule = procedure.and_then(|p| {
        p.obligations.iter().find(|r| r.party.as_str() == obligation.party && r.starts.as_str() == obligation.starts)
    });
    if let Some(rule) = rule {
        if !rule.answers.contains(&input.answer) {
            let names: Vec<&str> = rule.answers.iter().map(|a| a.as_str()).collect();
            return Err(invalid(
                "answer",
                "answer_not_allowed",
                format!("The {} may answer: {}.", input.party.as_str().replace('_', " "), names.join(", ")),
            ));
        }
    }
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    if !sql::answer_obligation(
        &mut tx,
        obligation.id,
        input.answer.as_str(),
        false,
        &principal.label,
        note.as_deref(),
        now,
    )
    .await?
    {
        return Err(AppError::conflict(
            "already_answered",
            "This question has been answered in the meantime; reload the case.",
        ));
    }
    sql::add_event(
        &mut tx,
        id,
        &principal.label,
        "answered",
        &serde_json::json!({"party": input.party.as_str(), "answer": input.answer.as_str(), "note": note}).to_string(),
        now,
    )
    .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.answer", "case", id)
            .scope(principal.org_id)
            .detail(serde_json::json!({"party": input.party.as_str(), "answer": input.answer.as_str()})),
    )
    .await?;
    if !as_officer {
        notify_event(
            &mut tx,
            id,
            row.org_id,
            "case.answered",
            &format!("case-{id}-answer-{}", obligation.id),
            &format!(
                "Case {}: the rights holder answered '{}'",
                reference(&row),
                input.answer.as_str().replace('_', " ")
            ),
            &note.clone().unwrap_or_default(),
            now,
        )
        .await?;
    }
    advance(&mut tx, rules, id, now).await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}

/// The rights holder asks for the one extension its regime allows.
pub async fn request_extension(db: &Db, rules: &LegalRules, principal: &Principal, id: i64) -> AppResult<Case> {
    let (row, _) = load(db, principal, id, Action::CaseAnswer).await?;
    let case = build_view(db, rules, principal, row.clone(), case_target(db, principal, &row).await?).await?;
    let Some(o) = case.obligations.iter().find(|o| o.organisation_id == Some(principal.org_id) && o.can_extend) else {
        return Err(AppError::conflict("no_extension", "No extension is possible: it was used, the deadline has passed, the goods are perishable, or the regime has none."));
    };
    let regime = regime_of(rules, &row);
    let days = regime
        .procedures
        .get("standard")
        .and_then(|p| p.obligations.iter().find(|r| r.party == PartyKind::RightsHolder))
        .map(|r| r.extension_working_days)
        .unwrap_or(0);
    let current =
        sql::obligations(db.reader(), id).await?.into_iter().find(|x| x.id == o.id).and_then(|x| x.due_at).unwrap_or(0);
    let due = rules.calendar(&row.office_country).deadline_after(current, days);
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    if !sql::extend_obligation(&mut tx, o.id, due).await? {
        return Err(AppError::conflict("no_extension", "The deadline was extended already."));
    }
    sql::add_event(
        &mut tx,
        id,
        &principal.label,
        "extended",
        &serde_json::json!({"due_at": format_ms(due)}).to_string(),
        now,
    )
    .await?;
    store::audit::append(&mut tx, &AuditEvent::by(principal, "case.extension", "case", id).scope(principal.org_id))
        .await?;
    notify_event(
        &mut tx,
        id,
        row.org_id,
        "case.extended",
        &format!("case-{id}-extension-{}", o.id),
        &format!("Case {}: the rights holder extended its deadline to {}", reference(&row), format_ms(due)),
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}

/// Applies the regime after an answer or a deadline: silence, obligations that start, and the
/// outcome once everything is in. Runs inside the caller's transaction.
async fn advance(tx: &mut Tx, rules: &LegalRules, id: i64, now: i64) -> AppResult<()> {
    let Some(row) = sql::get_case(&mut **tx, id).await? else { return Ok(()) };
    if parse_state(&row) != CaseState::Detained {
        return Ok(());
    }
    let rows: Vec<ObligationRow> = sql::obligations(&mut **tx, id).await?;
    let mut states: Vec<ObligationState> = rows
        .iter()
        .map(|o| ObligationState {
            party: PartyKind::parse(&o.party).unwrap_or(PartyKind::Declarant),
            starts: Start::parse(&o.starts).unwrap_or(Start::OnDetention),
            due_at: o.due_at,
            answer: o.answer.as_deref().and_then(Answer::parse),
            deemed: o.deemed == 1,
            silence: Silence::parse(&o.silence).unwrap_or(Silence::None),
        })
        .collect();
    let next = resolve(&mut states, now);
    for (o, s) in rows.iter().zip(&states) {
        if o.answer.is_none() && s.deemed {
            if let Some(a) = s.answer {
                // Another process's pass may have recorded it first; only the winner writes the event.
                if sql::answer_obligation(tx, o.id, a.as_str(), true, "silence", None, now).await? {
                    sql::add_event(
                        tx,
                        id,
                        "regime",
                        "deemed",
                        &serde_json::json!({"party": o.party, "answer": a.as_str()}).to_string(),
                        now,
                    )
                    .await?;
                }
            }
        }
    }
    let reference = reference(&row);
    match next {
        Next::Waiting => {}
        Next::Start(indices) => {
            let calendar = rules.calendar(&row.office_country);
            let regime = regime_of(rules, &row);
            for i in indices {
                let o = &rows[i];
                let days = regime
                    .procedures
                    .values()
                    .flat_map(|p| p.obligations.iter())
                    .find(|r| r.party.as_str() == o.party && r.starts.as_str() == o.starts)
                    .map(|r| r.working_days)
                    .unwrap_or(10);
                let due = calendar.deadline_after(now, days);
                sql::start_obligation(tx, o.id, due).await?;
                sql::add_event(
                    tx,
                    id,
                    "regime",
                    "obligation_started",
                    &serde_json::json!({"party": o.party, "due_at": format_ms(due)}).to_string(),
                    now,
                )
                .await?;
                if let Some(org) = o.party_org_id {
                    notify_event(
                        tx,
                        id,
                        org,
                        "case.answer_required",
                        &format!("case-{id}-required-{}", o.id),
                        &format!("Case {reference}: the declarant objects; answer by {}", format_ms(due)),
                        "Start proceedings before the deadline, or the goods are released.",
                        now,
                    )
                    .await?;
                }
            }
        }
        Next::Decide(outcome) => {
            if sql::set_state(tx, id, row.version, CaseState::Answered.as_str(), Some(outcome.as_str()), None, now)
                .await?
            {
                sql::add_event(
                    tx,
                    id,
                    "regime",
                    "answered",
                    &serde_json::json!({"outcome": outcome.as_str()}).to_string(),
                    now,
                )
                .await?;
                notify_event(
                    tx,
                    id,
                    row.org_id,
                    "case.ready",
                    &format!("case-{id}-ready"),
                    &format!("Case {reference} is ready for decision: {}", outcome_words(outcome)),
                    "",
                    now,
                )
                .await?;
            }
        }
    }
    Ok(())
}

/// Background work of the procedure: reminders before deadlines and the consequences of
/// silence after them. Safe to run from several processes: each step is claimed by a
/// conditional update, so it happens once.
pub async fn tick(db: &Db, rules: &LegalRules, now: i64) -> AppResult<usize> {
    // Reminders go out up to a few working days ahead; look a fortnight ahead at most.
    let horizon = now + 14 * 24 * 3600 * 1000;
    let due = sql::obligations_due_before(db.reader(), horizon, 500).await?;
    let mut done = 0;
    for o in due {
        let Some(row) = sql::get_case(db.reader(), o.case_id).await? else { continue };
        let Some(due_at) = o.due_at else { continue };
        let calendar = rules.calendar(&row.office_country);
        let regime = regime_of(rules, &row);
        let mut tx = db.begin().await?;
        if now > due_at {
            advance(&mut tx, rules, o.case_id, now).await?;
            done += 1;
        } else if o.reminded_at.is_none()
            && o.party_org_id.is_some()
            && calendar.working_days_left(now, due_at) <= regime.reminder_working_days_before
            && sql::claim_reminder(&mut tx, o.id, now).await?
        {
            let org = o.party_org_id.unwrap_or_default();
            notify_event(
                &mut tx,
                o.case_id,
                org,
                "case.deadline_reminder",
                &format!("case-{}-reminder-{}-{}", o.case_id, o.id, due_at),
                &format!("Case {}: your answer is due by {}", reference(&row), format_ms(due_at)),
                &format!("Silence at the deadline means: {}.", o.silence.replace('_', " ")),
                now,
            )
            .await?;
            done += 1;
        }
        tx.commit().await?;
    }
    Ok(done)
}

/// Runs [`tick`] every `period` until the process ends.
/// Each round beats `beat` (see [`crate::ops::workers`], whose `spawn_deadlines` holds the
/// worker's running guard); a round that succeeds is also timed
/// for `/metrics`.
pub async fn run_deadlines(
    db: Db,
    rules: std::sync::Arc<LegalRules>,
    period: std::time::Duration,
    beat: crate::ops::workers::Heartbeat,
) {
    let mut interval = tokio::time::interval(period);
    loop {
        interval.tick().await;
        let started_ms = super::now_ms();
        let timer = std::time::Instant::now();
        match tick(&db, &rules, db.now_ms()).await {
            Ok(_) => {
                crate::ops::metrics::deadline_pass_ran(timer.elapsed());
                beat.succeeded(started_ms);
            }
            Err(e) => {
                beat.beat();
                tracing::warn!(error = %e, "deadline pass failed; retrying on the next tick");
            }
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct CaseListFilter {
    pub state: Option<CaseState>,
    pub limit: i64,
    pub offset: i64,
}

pub async fn list_cases(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    filter: &CaseListFilter,
) -> AppResult<Vec<CaseSummary>> {
    let f = visibility(principal)?;
    let rows = sql::list_cases(
        db.reader(),
        &sql::CaseFilter { state: filter.state.map(|s| s.as_str()), limit: filter.limit, offset: filter.offset, ..f },
    )
    .await?;
    let detained: Vec<i64> = rows.iter().filter(|r| r.state == "detained").map(|r| r.id).collect();
    let deadlines: HashMap<i64, i64> = sql::next_deadlines(db.reader(), &detained).await?.into_iter().collect();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let own_side = row.org_id == principal.org_id || principal.org_kind.is_enforcement();
        let goods = if own_side {
            decode_sheet(&row)?.goods.iter().map(|g| g.description.as_str()).collect::<Vec<_>>().join("; ")
        } else if rules.disclosed(&row.office_country).iter().any(|p| p == "goods") {
            let own = own_brands(db, principal, &sql::case_brands(db.reader(), row.id).await?).await?;
            let sheet = decode_sheet(&row)?;
            let lines = sheet.goods.iter().filter(|g| g.brand_id.is_some_and(|b| own.contains(&b)));
            lines.map(|g| g.description.as_str()).collect::<Vec<_>>().join("; ")
        } else {
            String::new()
        };
        let next_deadline = deadlines.get(&row.id).copied().map(format_ms);
        out.push(CaseSummary {
            id: row.id,
            reference: reference(&row),
            case_type: CaseType::parse(&row.case_type).unwrap_or(CaseType::Standard),
            state: parse_state(&row),
            outcome: row.outcome.as_deref().and_then(CaseOutcome::parse),
            office_country: row.office_country.clone(),
            goods,
            next_deadline,
            updated_at: format_ms(row.updated_at),
        });
    }
    Ok(out)
}

fn visibility(principal: &Principal) -> AppResult<sql::CaseFilter<'static>> {
    let none = sql::CaseFilter {
        org_id: None,
        concerning_org_id: None,
        shared_with_org_id: None,
        state: None,
        limit: 0,
        offset: 0,
    };
    if principal.is_console() {
        return Ok(none);
    }
    if principal.org_kind.is_enforcement() {
        // The same rule as a single read (`policy::allows`, CaseRead): cases shared with the
        // agency only while a grant with case sharing is in force.
        let may_share = principal.org_kind == OrgKind::Customs || principal.grants.case_sharing;
        return Ok(sql::CaseFilter {
            org_id: Some(principal.org_id),
            shared_with_org_id: may_share.then_some(principal.org_id),
            ..none
        });
    }
    if matches!(principal.org_kind, OrgKind::RightsHolder | OrgKind::Representative) {
        return Ok(sql::CaseFilter { concerning_org_id: Some(principal.org_id), ..none });
    }
    Err(AppError::forbidden())
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OutcomeCount {
    pub state: CaseState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CaseOutcome>,
    pub count: i64,
}

/// How the cases the principal may see ended (and where the others are).
pub async fn stats(db: &Db, principal: &Principal) -> AppResult<Vec<OutcomeCount>> {
    // The platform administrator sees counts of every administration's cases, nothing more.
    let f = if principal.is_platform_admin() { visibility(&Principal::console())? } else { visibility(principal)? };
    let rows = sql::outcome_counts(db.reader(), f.org_id, f.concerning_org_id).await?;
    Ok(rows
        .into_iter()
        .map(|(state, outcome, count)| OutcomeCount {
            state: CaseState::parse(&state).unwrap_or(CaseState::Draft),
            outcome: outcome.as_deref().and_then(CaseOutcome::parse),
            count,
        })
        .collect())
}

/// Matches a case against the alerts in force and tells each alert's owner of a new match.
async fn match_alerts(tx: &mut Tx, case_id: i64, sheet: &CaseSheet, brands: &[(i64, i64)], now: i64) -> AppResult<()> {
    let brand_ids: Vec<i64> = brands.iter().map(|(b, _)| *b).collect();
    for alert in sql::active_alerts(&mut **tx, now).await? {
        let Ok(alert_sheet) = serde_json::from_str::<super::alerts::AlertSheet>(&alert.sheet) else { continue };
        let reasons = super::alerts::match_case(&alert_sheet, sheet, &brand_ids);
        if reasons.is_empty() {
            continue;
        }
        let text = serde_json::to_string(&reasons).map_err(anyhow::Error::from)?;
        if sql::insert_match(tx, case_id, alert.id, &text, now).await? {
            sql::add_event(
                tx,
                case_id,
                "alerts",
                "alert_match",
                &serde_json::json!({"alert_id": alert.id, "reasons": reasons}).to_string(),
                now,
            )
            .await?;
            let notice = Notice {
                event_id: format!("alert-{}-case-{case_id}", alert.id),
                kind: "alert.match".into(),
                org_id: alert.owner_org_id,
                subject: format!("Your alert \"{}\" matched a detention", alert_sheet.title),
                body: reasons.join("\n"),
                link: format!("/alerts/{}", alert.id),
                payload: serde_json::json!({"alert_id": alert.id, "case_id": case_id, "reasons": reasons}),
            };
            notify::enqueue(tx, &notice, now).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn air_waybills_carry_a_mod_7_check_digit() {
        assert_eq!(air_waybill("020-12345675").unwrap(), "02012345675");
        assert!(air_waybill("020-12345676").unwrap_err().contains("check digit"));
        assert!(air_waybill("AB-1").is_err());
    }

    #[test]
    fn a_rights_holder_sees_only_the_disclosed_parts() {
        let sheet = CaseSheet {
            office: Some(Office { code: "FR000730".into(), name: "Roissy".into(), country: "FR".into() }),
            occurred_at: None,
            customs_procedure: Some(CustomsProcedure::Import),
            transport_mode: Some(TransportMode::Air),
            origin_country: Some("CN".into()),
            departure_country: None,
            destination_country: Some("FR".into()),
            containers: vec!["MSKU9070323".into()],
            air_waybills: vec![],
            bills_of_lading: vec![],
            consignor: Some(CaseParty {
                name: "Acme".into(),
                address: Some("1 Road".into()),
                country: Some("CN".into()),
            }),
            consignee: None,
            declarant: None,
            goods: vec![GoodsLine {
                description: "bags".into(),
                quantity: 40.0,
                unit: "pieces".into(),
                hs_code: None,
                declared_value: Some(800.0),
                currency: Some("EUR".into()),
                brand_id: Some(1),
                product_id: None,
                brand_text: None,
            }],
            photos: vec![],
            notes: Some("internal".into()),
        };
        let shown = sheet
            .disclosed(&super::super::regime::DEFAULT_DISCLOSURE.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(shown.notes, None);
        assert_eq!(shown.containers, Vec::<String>::new(), "transport documents are not in the default rule");
        assert_eq!(shown.goods[0].declared_value, None, "values are not in the default rule");
        assert_eq!(shown.goods[0].quantity, 40.0);
        assert_eq!(shown.consignor.as_ref().map(|p| p.name.as_str()), Some("Acme"));
        assert_eq!(shown.consignor.as_ref().and_then(|p| p.address.clone()), None, "names only");
        assert_eq!(shown.origin_country.as_deref(), Some("CN"));
        let nothing = sheet.disclosed(&["goods".to_string()]);
        assert_eq!(nothing.goods[0].quantity, 0.0);
        assert!(nothing.consignor.is_none());
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShareInput {
    /// The agency (police or other enforcement) to share with.
    pub organisation_id: i64,
    pub note: String,
}

/// Shares a case with another agency, which then reads it and takes part in its thread while
/// its access grant allows case sharing.
pub async fn share_case(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    id: i64,
    input: ShareInput,
) -> AppResult<Case> {
    let (row, _) = load(db, principal, id, Action::CaseEdit).await?;
    let org = store::directory::get_organisation(db.reader(), input.organisation_id)
        .await?
        .ok_or_else(|| invalid("organisation_id", "unknown_organisation", "No organisation has this id."))?;
    if !org.kind.is_enforcement() || org.id == row.org_id {
        return Err(invalid(
            "organisation_id",
            "not_an_agency",
            "Cases are shared with another enforcement agency (police, other enforcement).",
        ));
    }
    let note = required_text("note", &input.note, 2000)?;
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    sql::share(&mut tx, id, org.id, &note, &principal.label, now).await?;
    sql::add_event(
        &mut tx,
        id,
        &principal.label,
        "shared",
        &serde_json::json!({"organisation": org.name}).to_string(),
        now,
    )
    .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.share", "case", id)
            .detail(serde_json::json!({"organisation_id": org.id, "note": note})),
    )
    .await?;
    store::audit::append(&mut tx, &AuditEvent::by(principal, "case.shared_with", "case", id).scope(org.id)).await?;
    notify_event(
        &mut tx,
        id,
        org.id,
        "case.shared",
        &format!("case-{id}-shared-{}-{now}", org.id),
        &format!("Case {} shared with you", reference(&row)),
        &note,
        now,
    )
    .await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}

pub async fn withdraw_share(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    id: i64,
    organisation_id: i64,
) -> AppResult<Case> {
    load(db, principal, id, Action::CaseEdit).await?;
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    if !sql::withdraw_share(&mut tx, id, organisation_id, now).await? {
        return Err(AppError::not_found("share"));
    }
    sql::add_event(
        &mut tx,
        id,
        &principal.label,
        "share_withdrawn",
        &serde_json::json!({"organisation_id": organisation_id}).to_string(),
        now,
    )
    .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.share_withdrawn", "case", id)
            .detail(serde_json::json!({"organisation_id": organisation_id})),
    )
    .await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}
