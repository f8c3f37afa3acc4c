//! Cases: detentions recorded by officers, the exchange with the rights holders concerned, and
//! the legal procedure that runs between them.
//!
//! The workflow is an explicit state machine (draft → detained → answered → decided → closed);
//! what happens between detention and decision (who must answer, by when, what silence means)
//! comes from the office country's legal regime ([`super::regime`]), counted in that country's
//! working days. Every command is one transaction that writes the case, its timeline, its audit
//! record and the notices for everyone who must hear of it.
//!
//! The module is split along its seams: [`sheet`] (what is recorded and its validation),
//! [`record`] (recording and editing a detention), [`view`] (the case as read and what the reader
//! may do on it, decided here through the policy), [`workflow`] (the table of steps),
//! [`deadlines`] (answers, extension, silence and `tick`), [`thread`], [`sharing`] and [`lists`]
//! (lists and figures). This file holds the closed sets and what several of them share.

use crate::closed_set::closed_set;
use crate::closed_set::UnknownValue;
use crate::error::{AppError, AppResult, ErrorCode};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
use super::regime::{resolve, Answer, CaseOutcome, LegalRules, Next, ObligationState, PartyKind, Silence, Start};
use super::types::{CountryCode, OrgKind};
use crate::i18n::Sentence;
use crate::store::cases::{self as sql, CaseRow, ObligationRow};
use crate::store::media::UseKind;
use crate::store::{self, is_unique_violation, Db, Tx};

mod deadlines;
mod lists;
mod record;
mod sharing;
mod sheet;
mod thread;
mod view;
mod workflow;

pub use crate::model::cases::{CaseState, CaseType, Stamp};
pub use deadlines::*;
pub use lists::*;
pub use record::*;
pub use sharing::*;
pub use sheet::*;
pub use thread::*;
pub use view::*;
pub use workflow::*;

closed_set!(
    /// The customs procedure the goods were under.
    pub enum CustomsProcedure {
        Import = "import",
        Export = "export",
        Transit = "transit",
    }
);

closed_set!(
    /// A step an officer takes on a case.
    pub enum CaseAction {
        Detain = "detain",
        RecordDeclarantNotice = "record_declarant_notice",
        Decide = "decide",
        Close = "close",
    }
);

pub(super) fn invalid(field: &'static str, code: ErrorCode, message: impl Into<String>) -> AppError {
    AppError::invalid(field, code, message)
}

/// The regime a case was recorded under (the office country's today, should it be gone).
pub(super) fn regime_of<'r>(rules: &'r LegalRules, row: &CaseRow) -> &'r super::regime::Regime {
    rules.regime(&row.regime_id).unwrap_or_else(|| rules.regime_for_country(&row.office_country))
}

/// The regime's procedure a case type follows; perishable goods follow the standard one.
pub(super) fn procedure_name(case_type: CaseType) -> &'static str {
    if case_type == CaseType::SmallConsignment {
        "small_consignment"
    } else {
        "standard"
    }
}

pub(super) fn reference(row: &CaseRow) -> String {
    case_reference(&row.office_country, row.created_at, row.id)
}

/// The reference people read for a case (`FR-2026-000012`): the office's country, the year it
/// was recorded, its number.
pub fn case_reference(office_country: &str, created_at_ms: i64, id: i64) -> String {
    let year = time::OffsetDateTime::from_unix_timestamp(created_at_ms / 1000).map(|t| t.year()).unwrap_or(1970);
    format!("{office_country}-{year}-{id:06}")
}

pub(super) fn decode_sheet(row: &CaseRow) -> AppResult<CaseSheet> {
    serde_json::from_str(&row.sheet)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("case {} holds an unreadable sheet: {e}", row.id)))
}

pub(super) fn parse_state(row: &CaseRow) -> Result<CaseState, UnknownValue> {
    CaseState::decode(&row.state)
}

/// The rights-holder organisations a case names: owners of its brands, and the representatives
/// acting for them.
pub(super) async fn concerned_orgs(db: &Db, case_id: i64) -> AppResult<BTreeSet<i64>> {
    Ok(sql::case_brands(db.reader(), case_id).await?.into_iter().map(|(_, _, owner)| owner).collect())
}

pub(super) async fn notify_org(
    tx: &mut Tx,
    case_id: i64,
    org_id: i64,
    kind: &str,
    subject: Sentence,
    body: Vec<Sentence>,
    now: i64,
) -> AppResult<()> {
    notify_event(tx, case_id, org_id, kind, &format!("case-{case_id}-{kind}-org-{org_id}"), subject, body, now).await
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn notify_event(
    tx: &mut Tx,
    case_id: i64,
    org_id: i64,
    kind: &str,
    event_id: &str,
    subject: Sentence,
    body: Vec<Sentence>,
    now: i64,
) -> AppResult<()> {
    let notice = Notice {
        event_id: event_id.to_string(),
        kind: kind.to_string(),
        org_id,
        subject,
        body,
        link: format!("/cases/{case_id}"),
        payload: serde_json::json!({"case_id": case_id}),
    };
    notify::enqueue(tx, &notice, now).await
}

pub(super) fn conflict() -> AppError {
    AppError::conflict(
        ErrorCode::VersionConflict,
        "Someone changed this case in the meantime; reload it, reapply your change and save again.",
    )
}

/// What a person wrote beside a step (a note, a message), as a notice's body: nothing when empty.
pub(super) fn note_body(note: Option<&str>) -> Vec<Sentence> {
    note.map(str::trim).filter(|n| !n.is_empty()).map(Sentence::verbatim).into_iter().collect()
}
