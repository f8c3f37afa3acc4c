//! Access grants and operations coordination.
//!
//! Police and other agencies reach the enforcement side through access grants a customs
//! administration gives them (scoped, expiring, revocable at once). Agencies register their
//! operations, targets and planned actions; targets meet only as keyed hashes (HMAC-SHA256 of the
//! normalised identifier under the deployment's coordination key), so one agency's plaintext is
//! never compared with, or shown to, another. A hit tells each side's point of contact the other
//! agency's name and point of contact and which of *its own* items matched — nothing more.

use crate::closed_set::closed_set;
use crate::closed_set::UnknownValue;
use crate::error::{AppError, AppResult, ErrorCode};
use std::collections::{BTreeMap, HashMap};

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use utoipa::ToSchema;

use super::audit::AuditEvent;
use super::cases::{air_waybill, CaseSheet};
use super::format_ms;
use super::input::{day_ms, required_text};
use super::normalize;
use super::notify::{self, Notice};
use super::policy::{check, Action, GrantScopes, Principal, Target};

use super::types::{CountryCode, OrgKind};
use crate::i18n::Sentence;
use crate::store::coordination::{self as sql, NewHit};
use crate::store::{self, Db, Tx};

mod actions;
mod detentions;
mod grants;
mod hits;
pub use actions::*;
pub use detentions::*;
pub use grants::*;
pub use hits::*;

closed_set!(
    /// What an access grant opens.
    pub enum Scope {
        CatalogAlerts = "catalog_alerts",
        CaseSharing = "case_sharing",
        Coordination = "coordination",
    }
);

closed_set!(
    /// What kind of identifier a target is.
    pub enum TargetKind {
        Company = "company",
        Person = "person",
        Address = "address",
        Phone = "phone",
        Email = "email",
        Vehicle = "vehicle",
        Container = "container",
        Vessel = "vessel",
        AirWaybill = "air_waybill",
        BillOfLading = "bill_of_lading",
        WebDomain = "web_domain",
        Iban = "iban",
    }
);

closed_set!(
    /// A planned action.
    pub enum EventKind {
        Search = "search",
        ControlledDelivery = "controlled_delivery",
        Inspection = "inspection",
        Surveillance = "surveillance",
    }
);

closed_set!(
    pub enum OperationStatus {
        Planned = "planned",
        Active = "active",
        Closed = "closed",
    }
);

closed_set!(
    /// What a side decided once it talked to the other agency about a hit.
    pub enum AckOutcome {
        GoAhead = "go_ahead",
        StandDown = "stand_down",
        Merge = "merge",
    }
);

closed_set!(
    pub enum ConfidentialityLevel {
        Restricted = "restricted",
        Confidential = "confidential",
        Secret = "secret",
    }
);

fn invalid(field: &'static str, code: ErrorCode, message: impl Into<String>) -> AppError {
    AppError::invalid(field, code, message)
}

fn instant(field: &'static str, raw: &str) -> AppResult<i64> {
    let t = time::OffsetDateTime::parse(raw.trim(), &time::format_description::well_known::Rfc3339).map_err(|_| {
        invalid(field, ErrorCode::InvalidTime, format!("'{raw}' is not a time such as 2026-12-01T06:00:00Z."))
    })?;
    Ok((t.unix_timestamp_nanos() / 1_000_000) as i64)
}

// ---------------------------------------------------------------------------------------------
// Targets: normal forms and keyed hashes

/// The deployment's coordination key: HMAC-SHA256 of a normal form is what gets compared.
#[derive(Clone)]
pub struct MatchKey(std::sync::Arc<Vec<u8>>);

impl MatchKey {
    pub fn new(secret: &[u8]) -> Self {
        MatchKey(std::sync::Arc::new(secret.to_vec()))
    }

    /// The key from configuration, else from `DATA_DIR/coordination.key`, made on first start.
    pub fn load(configured: Option<&str>, data_dir: &std::path::Path) -> anyhow::Result<Self> {
        if let Some(k) = configured.filter(|k| !k.is_empty()) {
            anyhow::ensure!(k.len() >= 32, "the coordination key must be at least 32 characters");
            return Ok(MatchKey::new(k.as_bytes()));
        }
        let path = data_dir.join("coordination.key");
        if let Ok(k) = std::fs::read_to_string(&path) {
            return Ok(MatchKey::new(k.trim().as_bytes()));
        }
        let mut bytes = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut bytes);
        let k = data_encoding::HEXLOWER.encode(&bytes);
        std::fs::create_dir_all(data_dir)?;
        std::fs::write(&path, &k)?;
        Ok(MatchKey::new(k.as_bytes()))
    }

    /// A key for another purpose (serial numbers, say), derived from this one as the HMAC of
    /// `purpose` under it: one secret to keep per deployment, while digests made for different
    /// purposes never meet.
    pub fn derive(&self, purpose: &str) -> Vec<u8> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(b"touchstone key derivation\x1f");
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }

    /// The key a company of this name is matched on (benchmarks and tools that fill the store).
    pub fn company_key(&self, name: &str) -> String {
        self.digest(TargetKind::Company, &normalize::company_name(name))
    }

    /// The keyed forms a target is matched on, each with its rule: a company's several forms
    /// ([`normalize::company_forms`]: none for a name of one common word), otherwise its normal form.
    pub fn forms(&self, kind: TargetKind, value: &str, normal: &str) -> Vec<(&'static str, String)> {
        match kind {
            TargetKind::Company => normalize::company_forms(value)
                .into_iter()
                .map(|(rule, form)| (rule, self.digest(TargetKind::Company, &form)))
                .collect(),
            _ => vec![("name", self.digest(kind, normal))],
        }
    }

    fn digest(&self, kind: TargetKind, normal: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(kind.as_str().as_bytes());
        mac.update(b"\x1f");
        mac.update(normal.as_bytes());
        data_encoding::HEXLOWER.encode(&mac.finalize().into_bytes())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTarget {
    pub kind: TargetKind,
    /// The name, number, address or identifier.
    pub value: String,
    /// Country (companies, vehicles: required for vehicles).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Company registration number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_number: Option<String>,
    /// A person's date of birth, `YYYY-MM-DD` (required for persons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
}

/// The normal form a target is matched on; errors name the field and the rule.
pub fn normal_form(t: &NewTarget) -> AppResult<String> {
    let rule = |code: ErrorCode| move |m: String| invalid("value", code, m);
    Ok(match t.kind {
        TargetKind::Company => {
            let name = normalize::company_name(&required_text("value", &t.value, 300)?);
            if name.is_empty() {
                return Err(invalid("value", ErrorCode::InvalidCompany, "Give the company's name."));
            }
            name
        }
        TargetKind::Person => {
            let name = normalize::person_name(&required_text("value", &t.value, 300)?);
            let dob = t.date_of_birth.as_deref().ok_or_else(|| {
                invalid(
                    "date_of_birth",
                    ErrorCode::Required,
                    "A person is matched on name and date of birth; give the date of birth.",
                )
            })?;
            day_ms("date_of_birth", dob, false)?;
            format!("{name}|{}", dob.trim())
        }
        TargetKind::Address => normalize::fold(&required_text("value", &t.value, 500)?),
        TargetKind::Phone => normalize::phone(&t.value).map_err(rule(ErrorCode::InvalidPhone))?,
        TargetKind::Email => normalize::email(&t.value).map_err(rule(ErrorCode::InvalidEmail))?,
        TargetKind::Vehicle => {
            let plate = normalize::reference(&t.value);
            if !(2..=12).contains(&plate.len()) {
                return Err(invalid(
                    "value",
                    ErrorCode::InvalidPlate,
                    format!("'{}' is not a vehicle registration plate.", t.value),
                ));
            }
            let country = t.country.as_deref().ok_or_else(|| {
                invalid("country", ErrorCode::Required, "A plate is matched with its country; give the country.")
            })?;
            let country = CountryCode::parse(country).map_err(|_| {
                invalid(
                    "country",
                    ErrorCode::InvalidCountry,
                    "Give the plate's country as ISO 3166-1 alpha-2, e.g. FR.",
                )
            })?;
            format!("{country}:{plate}")
        }
        TargetKind::Container => {
            normalize::container_number(&t.value).map_err(rule(ErrorCode::InvalidContainerNumber))?
        }
        TargetKind::Vessel => normalize::imo_number(&t.value).map_err(rule(ErrorCode::InvalidImoNumber))?,
        TargetKind::AirWaybill => air_waybill(&t.value).map_err(rule(ErrorCode::InvalidAirWaybill))?,
        TargetKind::BillOfLading => {
            normalize::bill_of_lading(&t.value).map_err(rule(ErrorCode::InvalidBillOfLading))?
        }
        TargetKind::WebDomain => normalize::web_domain(&t.value).map_err(rule(ErrorCode::InvalidDomain))?,
        TargetKind::Iban => normalize::iban(&t.value).map_err(rule(ErrorCode::InvalidIban))?,
    })
}

// ---------------------------------------------------------------------------------------------
// Operations

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PointOfContact {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OperationInput {
    pub name: String,
    /// e.g. `investigation`, `joint customs operation`.
    pub kind: String,
    pub status: OperationStatus,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    pub ends_on: String,
    pub contact: PointOfContact,
    pub confidentiality: ConfidentialityLevel,
    /// Whether an officer whose detention hits a target of this operation is told too; when
    /// false the hit is silent: only this operation's point of contact hears of it.
    #[serde(default)]
    pub tell_detaining_officer: bool,
    /// For edits: the version read.
    #[serde(default)]
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TargetView {
    pub id: i64,
    pub kind: TargetKind,
    /// As the agency typed it.
    pub label: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventView {
    pub id: i64,
    pub kind: EventKind,
    pub lat: f64,
    pub lon: f64,
    pub radius_m: f64,
    pub starts_at: String,
    pub ends_at: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Operation {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub kind: String,
    pub status: OperationStatus,
    pub starts_at: String,
    pub ends_at: String,
    pub contact: PointOfContact,
    pub confidentiality: ConfidentialityLevel,
    pub tell_detaining_officer: bool,
    pub version: i64,
    pub targets: Vec<TargetView>,
    pub events: Vec<EventView>,
}

struct CheckedOperation {
    name: String,
    kind: String,
    starts_at: i64,
    ends_at: i64,
    contact: String,
}

fn checked(input: &OperationInput) -> AppResult<CheckedOperation> {
    let name = required_text("name", &input.name, 200)?;
    let kind = required_text("kind", &input.kind, 80)?;
    let starts_at = day_ms("starts_on", &input.starts_on, false)?;
    let ends_at = day_ms("ends_on", &input.ends_on, true)?;
    if ends_at < starts_at {
        return Err(invalid(
            "ends_on",
            ErrorCode::InvalidPeriod,
            "The operation must end on or after the day it starts.",
        ));
    }
    let contact = PointOfContact {
        name: required_text("contact", &input.contact.name, 200)?,
        phone: input
            .contact
            .phone
            .as_deref()
            .filter(|p| !p.trim().is_empty())
            .map(|p| normalize::phone(p).map_err(|m| invalid("contact_phone", ErrorCode::InvalidPhone, m)))
            .transpose()?,
        email: input
            .contact
            .email
            .as_deref()
            .filter(|e| !e.trim().is_empty())
            .map(|e| normalize::email(e).map_err(|m| invalid("contact_email", ErrorCode::InvalidEmail, m)))
            .transpose()?,
    };
    if contact.phone.is_none() && contact.email.is_none() {
        return Err(invalid(
            "contact",
            ErrorCode::ContactUnreachable,
            "Give the point of contact a phone number or an e-mail address: that is how the other agency reaches them.",
        ));
    }
    Ok(CheckedOperation {
        name,
        kind,
        starts_at,
        ends_at,
        contact: serde_json::to_string(&contact).map_err(anyhow::Error::from)?,
    })
}

pub async fn create_operation(db: &Db, principal: &Principal, input: OperationInput) -> AppResult<Operation> {
    check(principal, Action::OperationCreate, Target::Organisation { org_id: principal.org_id })?;
    let c = checked(&input)?;
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    let fields = sql::OperationFields {
        name: &c.name,
        kind: &c.kind,
        status: input.status.as_str(),
        starts_at: c.starts_at,
        ends_at: c.ends_at,
        contact: &c.contact,
        confidentiality: input.confidentiality.as_str(),
        tell_detaining_officer: input.tell_detaining_officer,
    };
    let id = sql::insert_operation(&mut tx, principal.org_id, &fields, now).await?;
    store::audit::append(&mut tx, &AuditEvent::by(principal, "operation.create", "operation", id)).await?;
    tx.commit().await?;
    get_operation(db, principal, id).await
}

pub async fn update_operation(db: &Db, principal: &Principal, id: i64, input: OperationInput) -> AppResult<Operation> {
    let row = load(db, principal, id, Action::OperationEdit).await?;
    let c = checked(&input)?;
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    let fields = sql::OperationFields {
        name: &c.name,
        kind: &c.kind,
        status: input.status.as_str(),
        starts_at: c.starts_at,
        ends_at: c.ends_at,
        contact: &c.contact,
        confidentiality: input.confidentiality.as_str(),
        tell_detaining_officer: input.tell_detaining_officer,
    };
    let Some(_) = sql::update_operation(&mut tx, id, input.version.unwrap_or(row.version), &fields, now).await? else {
        return Err(AppError::conflict(
            ErrorCode::VersionConflict,
            "Someone changed this operation in the meantime; reload it and save again.",
        ));
    };
    store::audit::append(&mut tx, &AuditEvent::by(principal, "operation.update", "operation", id)).await?;
    tx.commit().await?;
    get_operation(db, principal, id).await
}

/// Another agency's operation is "not found": not even its existence is told.
async fn load(db: &Db, principal: &Principal, id: i64, action: Action) -> AppResult<sql::OperationRow> {
    let row = sql::get_operation(db.reader(), id).await?.ok_or_else(|| AppError::not_found("operation"))?;
    let target = Target::Operation { org_id: row.org_id };
    if !super::policy::allows(principal, Action::OperationRead, target) {
        return Err(AppError::not_found("operation"));
    }
    check(principal, action, target)?;
    Ok(row)
}

pub async fn get_operation(db: &Db, principal: &Principal, id: i64) -> AppResult<Operation> {
    let row = load(db, principal, id, Action::OperationRead).await?;
    let targets = sql::targets_of(db.reader(), id)
        .await?
        .into_iter()
        .map(|t| {
            Ok(TargetView {
                id: t.id,
                kind: TargetKind::decode(&t.kind)?,
                label: t.label,
                created_at: format_ms(t.created_at),
            })
        })
        .collect::<Result<_, UnknownValue>>()?;
    let events = sql::events_of(db.reader(), id).await?.into_iter().map(event_view).collect::<Result<_, _>>()?;
    Ok(Operation {
        id: row.id,
        organisation_id: row.org_id,
        name: row.name,
        kind: row.kind,
        status: OperationStatus::decode(&row.status)?,
        starts_at: format_ms(row.starts_at),
        ends_at: format_ms(row.ends_at),
        contact: serde_json::from_str(&row.contact)
            .map_err(|e| anyhow::anyhow!("operation {} holds an unreadable contact: {e}", row.id))?,
        confidentiality: ConfidentialityLevel::decode(&row.confidentiality)?,
        tell_detaining_officer: row.tell_detaining_officer == 1,
        version: row.version,
        targets,
        events,
    })
}

fn event_view(e: sql::EventRow) -> Result<EventView, UnknownValue> {
    Ok(EventView {
        id: e.id,
        kind: EventKind::decode(&e.kind)?,
        lat: e.lat,
        lon: e.lon,
        radius_m: e.radius_m,
        starts_at: format_ms(e.starts_at),
        ends_at: format_ms(e.ends_at),
        note: e.note,
    })
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OperationSummary {
    pub id: i64,
    pub name: String,
    pub status: OperationStatus,
    pub starts_at: String,
    pub ends_at: String,
}

pub async fn list_operations(db: &Db, principal: &Principal) -> AppResult<Vec<OperationSummary>> {
    check(principal, Action::OperationRead, Target::Operation { org_id: principal.org_id })?;
    Ok(sql::operations_of(db.reader(), principal.org_id)
        .await?
        .into_iter()
        .map(|r| {
            Ok(OperationSummary {
                id: r.id,
                name: r.name,
                status: OperationStatus::decode(&r.status)?,
                starts_at: format_ms(r.starts_at),
                ends_at: format_ms(r.ends_at),
            })
        })
        .collect::<Result<_, UnknownValue>>()?)
}

/// What adding targets found: the targets stored and how many hits they made.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TargetsAdded {
    pub targets: Vec<TargetView>,
    pub hits: usize,
}

/// Adds targets (up to 5,000 at once) and checks them against every other agency's at once.
pub async fn add_targets(
    db: &Db,
    key: &MatchKey,
    principal: &Principal,
    id: i64,
    input: Vec<NewTarget>,
) -> AppResult<TargetsAdded> {
    load(db, principal, id, Action::OperationEdit).await?;
    if input.is_empty() || input.len() > 5000 {
        return Err(invalid("targets", ErrorCode::InvalidCount, "Send 1 to 5,000 targets at once."));
    }
    let mut prepared = Vec::with_capacity(input.len());
    for (i, t) in input.iter().enumerate() {
        let normal = normal_form(t).map_err(|e| match e {
            AppError::Client(mut c) => {
                c.message = format!("Target {}: {}", i + 1, c.message);
                AppError::Client(c)
            }
            other => other,
        })?;
        let label = match (&t.country, &t.date_of_birth) {
            (Some(c), _) => format!("{} ({})", t.value.trim(), c.trim()),
            (_, Some(d)) => format!("{} ({})", t.value.trim(), d.trim()),
            _ => t.value.trim().to_string(),
        };
        prepared.push((
            t.kind,
            label,
            serde_json::to_string(t).map_err(anyhow::Error::from)?,
            key.digest(t.kind, &normal),
            key.forms(t.kind, &t.value, &normal),
        ));
    }
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    let rows: Vec<sql::TargetInsert> = prepared
        .iter()
        .map(|(kind, label, detail, mk, _)| sql::TargetInsert { kind: kind.as_str(), label, detail, match_key: mk })
        .collect();
    let ids = sql::insert_targets(&mut tx, id, principal.org_id, &rows, now).await?;
    let mut views = Vec::with_capacity(prepared.len());
    let mut by_key: HashMap<String, Vec<(i64, String, &'static str)>> = HashMap::new();
    let mut keys_rows = Vec::new();
    for ((kind, label, _, _, forms), tid) in prepared.iter().zip(ids) {
        for (rule, digest) in forms {
            by_key.entry(digest.clone()).or_default().push((tid, label.clone(), rule));
            keys_rows.push((tid, digest.clone(), *rule));
        }
        views.push(TargetView { id: tid, kind: *kind, label: label.clone(), created_at: format_ms(now) });
    }
    sql::insert_target_keys(&mut tx, &keys_rows).await?;
    let keys: Vec<String> = by_key.keys().cloned().collect();
    let mut hits = 0;
    for chunk in keys.chunks(500) {
        for (other_tid, other_op, other_org, mk, other_label) in sql::targets_with_keys(&mut *tx, chunk).await? {
            if other_org == principal.org_id {
                continue;
            }
            for (tid, label, rule) in by_key.get(&mk).into_iter().flatten() {
                let pair = if *tid < other_tid { (*tid, other_tid) } else { (other_tid, *tid) };
                let hit_key = format!("target:{}:{}", pair.0, pair.1);
                let mine = Side {
                    org: principal.org_id,
                    operation: Some(id),
                    item_kind: "target",
                    item_id: *tid,
                    item_label: label.clone(),
                };
                let theirs = Side {
                    org: other_org,
                    operation: Some(other_op),
                    item_kind: "target",
                    item_id: other_tid,
                    item_label: other_label.clone(),
                };
                if record_hit(&mut tx, &hit_key, &mine, &theirs, ("target", rule), true, now, Some(principal)).await? {
                    hits += 1;
                }
            }
        }
        // Detentions recorded before the target: the matcher keeps their keyed forms.
        let tell_officer = sql::get_operation(&mut *tx, id).await?.is_some_and(|o| o.tell_detaining_officer == 1);
        for (case_id, case_org, mk, what, office_country, created_at, _) in
            sql::cases_with_keys(&mut *tx, chunk).await?
        {
            let reference = super::cases::case_reference(&office_country, created_at, case_id);
            if case_org == principal.org_id {
                continue;
            }
            for (tid, label, rule) in by_key.get(&mk).into_iter().flatten() {
                let mine = Side {
                    org: principal.org_id,
                    operation: Some(id),
                    item_kind: "target",
                    item_id: *tid,
                    item_label: label.clone(),
                };
                let case_side = detention_side(case_id, case_org, &reference, &what);
                let hit_key = format!("case:{case_id}:{tid}");
                let matched = ("detention", *rule);
                if record_hit(&mut tx, &hit_key, &mine, &case_side, matched, tell_officer, now, Some(principal)).await?
                {
                    hits += 1;
                }
            }
        }
    }
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "operation.targets", "operation", id)
            .detail(serde_json::json!({"added": views.len(), "hits": hits})),
    )
    .await?;
    tx.commit().await?;
    Ok(TargetsAdded { targets: views, hits })
}

/// The detaining administration's side of a hit on a detention, named by its reference.
fn detention_side(case_id: i64, case_org: i64, reference: &str, what: &str) -> Side {
    Side {
        org: case_org,
        operation: None,
        item_kind: "detention",
        item_id: case_id,
        item_label: format!("{reference}: {what}"),
    }
}

/// One side of a hit: an agency and its own item.
struct Side {
    org: i64,
    operation: Option<i64>,
    item_kind: &'static str,
    item_id: i64,
    item_label: String,
}

/// The other side's agency and a person to call: an operation's point of contact, or the
/// officer who recorded the detention. Both sides get a name to call, never the other's file.
async fn contact_of(tx: &mut Tx, side: &Side) -> AppResult<String> {
    let org_name = store::directory::get_organisation(&mut **tx, side.org).await?.map(|o| o.name).unwrap_or_default();
    let contact =
        match (side.operation, side.item_kind) {
            (Some(op), _) => sql::get_operation(&mut **tx, op)
                .await?
                .and_then(|o| serde_json::from_str::<PointOfContact>(&o.contact).ok()),
            (None, "detention") => sql::case_recorder(&mut **tx, side.item_id)
                .await?
                .map(|(name, email)| PointOfContact { name, phone: None, email: Some(email) }),
            (None, _) => None,
        };
    Ok(match contact {
        Some(c) => format!(
            "{org_name}: {}{}{}",
            c.name,
            c.phone.map(|p| format!(", {p}")).unwrap_or_default(),
            c.email.map(|e| format!(", {e}")).unwrap_or_default()
        ),
        None => org_name,
    })
}

/// Records both sides of a hit (or only `a`'s when `tell_b` is false) and notifies each side's
/// organisation, telling it the other agency and its own matching item only. True when new.
#[allow(clippy::too_many_arguments)]
async fn record_hit(
    tx: &mut Tx,
    hit_key: &str,
    a: &Side,
    b: &Side,
    (match_kind, match_form): (&str, &str),
    tell_b: bool,
    now: i64,
    actor: Option<&Principal>,
) -> AppResult<bool> {
    let mut new = false;
    for (me, other, tell) in [(a, b, true), (b, a, tell_b)] {
        if !tell {
            continue;
        }
        let other_contact = contact_of(tx, other).await?;
        let hit = NewHit {
            hit_key,
            org_id: me.org,
            operation_id: me.operation,
            own_item_kind: me.item_kind,
            own_item_id: me.item_id,
            own_item_label: &me.item_label,
            other_org_id: other.org,
            other_contact: &other_contact,
            match_kind,
            match_form,
        };
        if sql::insert_hit(tx, &hit, now).await? {
            new = true;
            let notice = Notice {
                event_id: format!("hit-{hit_key}-org-{}", me.org),
                kind: "operation.hit".into(),
                org_id: me.org,
                subject: Sentence::new("notice.hit.subject")
                    .label("item", "notice.item", me.item_kind)
                    .text("label", &me.item_label),
                body: vec![
                    Sentence::new("notice.hit.contact").text("contact", &other_contact),
                    Sentence::new("notice.hit.matched")
                        .label("match", "ops.match", match_kind)
                        .label("form", "ops.form", match_form),
                ],
                link: "/coordination/hits".into(),
                payload: serde_json::json!({"hit_key": hit_key, "match": match_kind, "form": match_form, "own_item": {"kind": me.item_kind, "id": me.item_id, "label": me.item_label}, "other_agency": other_contact}),
            };
            notify::enqueue(tx, &notice, now).await?;
            store::audit::append(
                tx,
                &match actor {
                    Some(p) => AuditEvent::by(p, "coordination.hit", me.item_kind, me.item_id),
                    None => AuditEvent::system("detention matcher", "coordination.hit", me.item_kind, me.item_id),
                }
                .scope(me.org)
                .detail(serde_json::json!({"hit_key": hit_key, "other_org": other.org})),
            )
            .await?;
        }
    }
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_on_the_earth() {
        let d = distance_m(48.8566, 2.3522, 48.8566, 2.3563);
        assert!((290.0..310.0).contains(&d), "{d}");
        let d = distance_m(48.8566, 2.3522, 49.1, 2.55);
        assert!(d > 29_000.0, "{d}");
    }

    #[test]
    fn targets_are_normalised_and_checked() {
        let t = |kind, value: &str| NewTarget {
            kind,
            value: value.into(),
            country: Some("FR".into()),
            registration_number: None,
            date_of_birth: Some("1980-02-29".into()),
        };
        assert_eq!(
            normal_form(&t(TargetKind::Company, "ACME Trading Ltd.")).unwrap(),
            normal_form(&t(TargetKind::Company, "Acme trading limited")).unwrap()
        );
        assert_eq!(normal_form(&t(TargetKind::Person, "MÜLLER, Hans")).unwrap(), "hans muller|1980-02-29");
        assert_eq!(normal_form(&t(TargetKind::Vehicle, "ab-123-cd")).unwrap(), "FR:AB123CD");
        let err = normal_form(&t(TargetKind::Container, "MSKU9070324")).unwrap_err().to_string();
        assert!(err.starts_with("invalid_container_number") && err.contains("check digit"), "{err}");
        assert!(normal_form(&t(TargetKind::Vessel, "IMO 9074728"))
            .unwrap_err()
            .to_string()
            .starts_with("invalid_imo_number"));
        assert!(normal_form(&t(TargetKind::Iban, "GB83WEST12345698765432"))
            .unwrap_err()
            .to_string()
            .starts_with("invalid_iban"));
        let key = MatchKey::new(b"k");
        assert_ne!(
            key.digest(TargetKind::Company, "acme"),
            MatchKey::new(b"other").digest(TargetKind::Company, "acme"),
            "keyed"
        );
        assert_ne!(
            key.digest(TargetKind::Company, "acme"),
            key.digest(TargetKind::Address, "acme"),
            "kinds do not collide"
        );
    }
}
