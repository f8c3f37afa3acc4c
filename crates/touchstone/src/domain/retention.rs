//! Retention of personal data: the purge of what is kept past its period (`[retention]`), and
//! the export of everything held about a named party for a lawful request.
//!
//! **What a purge removes.** A closed case past `closed_case_days` keeps only its row's figures
//! (organisation, office country, type, state, outcome, dates: what the figures of how cases
//! ended count); its sheet (parties, goods, transport documents, notes, photos), timeline,
//! obligations and answers, thread, shares, alert matches, keyed forms, its sides of hits and
//! every notice about it are deleted, and so are the files no other record uses. A hit past
//! `screening_hit_days` (a detention's side only once its case is closed) and scan events past
//! `scan_event_days` are deleted. Readers no longer find a purged case (`store::cases::get_case`).
//!
//! **The audit trail across a purge.** Each record of a purged case or hit keeps everything but
//! its detail, which is replaced by `{"purged_at", "sha256"}` (the hash of what it was); the
//! chain hash of records appended since migration 0019 covers that hash, not the detail, so it
//! still verifies (see [`super::audit`]). Each purge transaction appends one `retention.purge`
//! record listing what it removed and the records it redacted: `audit verify` shows every purge
//! and refuses a redacted record no purge names.
//!
//! **The file.** On SQLite a purge that removed cases or hits is followed by a `VACUUM` and a
//! truncated write-ahead log, so that the names are gone from the files on disk, not only from
//! the tables (see [`crate::store::retention::settle_sqlite_file`] for why `secure_delete`, which
//! the writer also runs with, is not enough alone).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit::{purged_detail, sha256_hex, AuditEvent, AuditRecord, PurgeDetail, PURGE_ACTION};
use super::format_ms;
use super::input::required_text;
use super::media::MediaStore;
use super::normalize;
use super::policy::{check, Action, Principal, Target};
use super::types::CountryCode;
use crate::error::{AppError, AppResult};
use crate::store::audit::PurgedKind;
use crate::store::retention as sql;
use crate::store::{self, Db, Tx};

pub use crate::config::RetentionSettings;

/// Closed cases purged per transaction (each takes the writer for a moment only).
const CASES_PER_BATCH: i64 = 50;
/// Hits purged per transaction.
const HITS_PER_BATCH: i64 = 200;
/// Scan events deleted per transaction.
const SCANS_PER_BATCH: i64 = 10_000;

/// What one purge removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PurgeOutcome {
    pub cases: usize,
    pub hits: usize,
    pub scan_events: u64,
    /// Files removed from the store (originals and thumbnails' rows counted once).
    pub files: usize,
    /// Audit records whose detail was replaced by its hash.
    pub audit_records: usize,
}

impl PurgeOutcome {
    fn anything(&self) -> bool {
        self.cases + self.hits + self.files > 0 || self.scan_events > 0
    }

    fn add(&mut self, detail: &PurgeDetail) {
        self.cases += detail.cases.len();
        self.hits += detail.hits.len();
        self.scan_events += detail.scan_events as u64;
        self.files += detail.files as usize;
        self.audit_records += detail.redacted.len() + detail.redacted_v1.len();
    }
}

/// Purges everything past its period at `now` (the database clock's instant in the pass).
/// Safe alongside another purge: each case and hit is claimed by a conditional update or delete.
pub async fn purge(db: &Db, files: &MediaStore, settings: &RetentionSettings, now: i64) -> AppResult<PurgeOutcome> {
    let mut outcome = PurgeOutcome::default();
    let case_cutoff = now - settings.closed_case_ms();
    loop {
        let due = sql::closed_cases_due(db.reader(), case_cutoff, CASES_PER_BATCH).await?;
        let detail = purge_cases(db, files, &due, case_cutoff, now).await?;
        outcome.add(&detail);
        if detail.cases.is_empty() || due.len() < CASES_PER_BATCH as usize {
            break;
        }
    }
    let hit_cutoff = now - settings.screening_hit_ms();
    loop {
        let due = sql::hits_due(db.reader(), hit_cutoff, HITS_PER_BATCH).await?;
        if due.is_empty() {
            break;
        }
        let mut tx = db.begin().await?;
        let mut detail = PurgeDetail::default();
        purge_hits(&mut tx, &due, now, &mut detail).await?;
        seal(&mut tx, "screening_hits", &detail).await?;
        tx.commit().await?;
        outcome.add(&detail);
        if detail.hits.is_empty() || due.len() < HITS_PER_BATCH as usize {
            break;
        }
    }
    let scan_cutoff = now - settings.scan_event_ms();
    loop {
        let mut tx = db.begin().await?;
        let deleted = sql::delete_scan_events(&mut tx, scan_cutoff, SCANS_PER_BATCH).await?;
        let detail = PurgeDetail { scan_events: deleted as i64, ..PurgeDetail::default() };
        seal(&mut tx, "scan_events", &detail).await?;
        tx.commit().await?;
        outcome.add(&detail);
        if deleted < SCANS_PER_BATCH as u64 {
            break;
        }
    }
    // Cases and hits hold names: the SQLite file is rewritten without them. Scan events hold
    // none (a keyed serial, a country, a verdict): deleting them is enough.
    let personal = outcome.cases + outcome.hits > 0;
    if personal && !sql::settle_sqlite_file(db, true).await? {
        tracing::warn!("after a purge, readers kept the write-ahead log from being truncated; the next purge retries");
    }
    Ok(outcome)
}

/// Purges the given closed cases (those still due) in one transaction.
async fn purge_cases(db: &Db, files: &MediaStore, ids: &[i64], cutoff: i64, now: i64) -> AppResult<PurgeDetail> {
    let mut detail = PurgeDetail::default();
    if ids.is_empty() {
        return Ok(detail);
    }
    let mut tx = db.begin().await?;
    let mut used_files = BTreeSet::new();
    for &id in ids {
        if !sql::purge_case_row(&mut tx, id, cutoff, now).await? {
            continue;
        }
        used_files.extend(sql::files_of_case(&mut tx, id).await?);
        sql::delete_case_dependents(&mut tx, id).await?;
        let hits = sql::hits_of_case(&mut tx, id).await?;
        purge_hits(&mut tx, &hits, now, &mut detail).await?;
        sql::delete_notices(&mut tx, &[], &[format!("case-{id}-%"), format!("alert-%-case-{id}")]).await?;
        detail.cases.push(id);
    }
    let cases = detail.cases.clone();
    redact(&mut tx, PurgedKind::Case, &cases, now, &mut detail).await?;
    redact(&mut tx, PurgedKind::Detention, &cases, now, &mut detail).await?;
    let mut removed = Vec::new();
    for hash in used_files {
        if let Some(gone) = sql::drop_unused_file(&mut tx, &hash).await? {
            detail.files += 1;
            removed.extend(gone);
        }
    }
    for hash in &removed {
        store::media::remove_shared_file(&mut tx, hash, now).await?;
    }
    seal(&mut tx, "closed_cases", &detail).await?;
    tx.commit().await?;
    // Files go from this node's disk once their rows are gone for good; the other nodes drop
    // their copies on their next pass (`MediaStore::forget_removed`).
    files.remove_local(removed).await?;
    Ok(detail)
}

/// Deletes the given sides of hits (those still there) and their notices, and redacts their
/// audit records.
async fn purge_hits(tx: &mut Tx, hits: &[sql::HitKey], now: i64, detail: &mut PurgeDetail) -> AppResult<()> {
    let mut purged = Vec::new();
    for h in hits {
        if !sql::delete_hit(tx, h.id).await? {
            continue;
        }
        let notices = [
            format!("hit-{}-org-{}", h.hit_key, h.org_id),
            format!("hit-{}-ack-org-{}", h.hit_key, h.org_id),
            format!("hit-{}-reminder", h.id),
        ];
        sql::delete_notices(tx, &notices, &[]).await?;
        purged.push(h.id);
    }
    redact(tx, PurgedKind::Hit, &purged, now, detail).await?;
    detail.hits.extend(purged);
    Ok(())
}

/// Replaces the detail of the objects' audit records by its hash, noting each in `detail`.
async fn redact(tx: &mut Tx, kind: PurgedKind, ids: &[i64], now: i64, detail: &mut PurgeDetail) -> AppResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    for record in store::audit::unpurged_records_of(tx, kind, ids).await? {
        let detail_hash = record.detail_hash.clone().unwrap_or_else(|| sha256_hex(&record.detail));
        if record.chain_version == 1 {
            let kept = AuditRecord { detail_hash: Some(detail_hash.clone()), ..record.clone() };
            detail.redacted_v1.insert(record.seq, kept.kept_digest());
        } else {
            detail.redacted.push(record.seq);
        }
        store::audit::redact(tx, record.seq, &purged_detail(now, &detail_hash), &detail_hash, now).await?;
    }
    Ok(())
}

/// Appends the purge's own audit record, when it removed anything.
/// The action is [`PURGE_ACTION`], written out for the catalogue's check of audited actions.
async fn seal(tx: &mut Tx, what: &'static str, detail: &PurgeDetail) -> AppResult<()> {
    if *detail == PurgeDetail::default() {
        return Ok(());
    }
    let value = serde_json::to_value(detail).map_err(|e| AppError::Internal(e.into()))?;
    let event = AuditEvent::system("retention", "retention.purge", "retention", what).detail(value);
    debug_assert_eq!(event.action, PURGE_ACTION);
    store::audit::append(tx, &event).await?;
    Ok(())
}

/// One node's pass: claims the period (so that one node purges while the others skip), then
/// purges. `None` when another node has this period.
pub async fn pass(db: &Db, files: &MediaStore, settings: &RetentionSettings) -> AppResult<Option<PurgeOutcome>> {
    files.forget_removed().await?;
    let now = db.now_ms();
    let period_ms = i64::from(settings.pass_interval_minutes) * 60_000;
    let mut tx = db.begin().await?;
    // A little short of a period, so that the node that ran the last pass gets the next one.
    let claimed = sql::claim_pass(&mut tx, now, now + period_ms - period_ms / 10).await?;
    tx.commit().await?;
    if !claimed {
        return Ok(None);
    }
    purge(db, files, settings, now).await.map(Some)
}

/// Runs [`pass`] every `[retention] pass_interval_minutes` until the process ends, beating
/// `beat` after each (see [`crate::ops::workers::spawn_retention`]).
pub async fn run_purges(db: Db, files: MediaStore, settings: RetentionSettings, beat: crate::ops::workers::Heartbeat) {
    let period = std::time::Duration::from_secs(u64::from(settings.pass_interval_minutes.max(1)) * 60);
    let mut interval = tokio::time::interval(period);
    loop {
        interval.tick().await;
        let started_ms = crate::domain::now_ms();
        match pass(&db, &files, &settings).await {
            Ok(done) => {
                if let Some(done) = done.filter(PurgeOutcome::anything) {
                    tracing::info!(
                        cases = done.cases,
                        hits = done.hits,
                        scan_events = done.scan_events,
                        files = done.files,
                        audit_records = done.audit_records,
                        "retention purge"
                    );
                }
                beat.succeeded(started_ms);
            }
            Err(e) => {
                beat.beat();
                tracing::warn!(error = %e, "retention purge failed; retrying on the next pass");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The export for a lawful request

/// Whom an export is about.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyQuery {
    /// The party's name as recorded (case and accents do not matter; every word must be there).
    pub name: String,
    /// ISO 3166-1 alpha-2: only parties recorded in this country (or with none recorded).
    #[serde(default)]
    pub country: Option<String>,
}

/// Everything held about a party that the administrator's organisation holds (every
/// organisation's, from the console).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartyExport {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub generated_at: String,
    /// The organisation whose records were searched; absent: every organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<i64>,
    /// Cases naming the party (as consignor, consignee or declarant), each in full: sheet,
    /// obligations, timeline, thread and notices.
    #[schema(value_type = Vec<Object>)]
    pub cases: Vec<serde_json::Value>,
    /// Coordination hits on those cases or whose item is labelled with the party's name.
    #[schema(value_type = Vec<Object>)]
    pub hits: Vec<serde_json::Value>,
    /// Operation targets labelled with the party's name.
    #[schema(value_type = Vec<Object>)]
    pub operation_targets: Vec<serde_json::Value>,
}

/// The folded words of a name.
fn words(text: &str) -> Vec<String> {
    normalize::fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Whether every word asked for is a word of `text`.
fn names(asked: &[String], text: &str) -> bool {
    let have = words(text);
    asked.iter().all(|w| have.contains(w))
}

/// Cases read per page while looking for the party.
const EXPORT_PAGE: i64 = 500;

/// Everything held about a named party, for a lawful request: an organisation administrator of
/// a customs administration gets what their organisation holds, the console everything. The
/// export is audited (with the SHA-256 of the folded name, not the name).
pub async fn export_party(db: &Db, principal: &Principal, query: &PartyQuery) -> AppResult<PartyExport> {
    check(principal, Action::PartyExport, Target::Organisation { org_id: principal.org_id })?;
    let name = required_text("name", &query.name, 300)?;
    let country = match query.country.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(CountryCode::parse(c)?.as_str().to_string()),
        None => None,
    };
    let asked = words(&name);
    if asked.is_empty() {
        return Err(AppError::invalid("name", crate::error::ErrorCode::Required, "Give the party's name."));
    }
    let scope = (!principal.is_console()).then_some(principal.org_id);
    let mut cases = Vec::new();
    let mut case_ids = BTreeSet::new();
    let mut after = 0;
    loop {
        let page = sql::cases_page(db.reader(), scope, after, EXPORT_PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.id;
        for row in page {
            let Ok(sheet) = serde_json::from_str::<serde_json::Value>(&row.sheet) else { continue };
            let mut roles = Vec::new();
            for role in ["consignor", "consignee", "declarant"] {
                let party = &sheet[role];
                let named = party["name"].as_str().is_some_and(|n| names(&asked, n));
                let same_country = match (&country, party["country"].as_str()) {
                    (Some(asked), Some(recorded)) => asked.eq_ignore_ascii_case(recorded),
                    _ => true,
                };
                if named && same_country {
                    roles.push(role);
                }
            }
            if roles.is_empty() {
                continue;
            }
            case_ids.insert(row.id);
            cases.push(case_export(db, &row, sheet, roles, scope).await?);
        }
    }
    let mut hits = Vec::new();
    for h in sql::hits_of(db.reader(), scope).await? {
        let on_case = h.own_item_kind == "detention" && case_ids.contains(&h.own_item_id);
        if on_case || names(&asked, &h.own_item_label) {
            hits.push(serde_json::json!({
                "id": h.id, "organisation_id": h.org_id, "own_item": {"kind": h.own_item_kind, "id": h.own_item_id,
                "label": h.own_item_label}, "other_organisation_id": h.other_org_id, "other_contact": h.other_contact,
                "match": h.match_kind, "found_at": format_ms(h.created_at), "acknowledgement": h.ack_outcome,
                "acknowledgement_note": h.ack_note,
            }));
        }
    }
    let mut operation_targets = Vec::new();
    for t in sql::targets_of(db.reader(), scope).await? {
        if names(&asked, &t.label) {
            operation_targets.push(serde_json::json!({
                "id": t.id, "operation_id": t.operation_id, "organisation_id": t.org_id, "kind": t.kind,
                "label": t.label, "detail": t.detail, "created_at": format_ms(t.created_at),
            }));
        }
    }
    let mut tx = db.begin().await?;
    let mut event = AuditEvent::by(principal, "party.export", "party", "export").detail(serde_json::json!({
        "name_sha256": sha256_hex(&asked.join(" ")),
        "country": country,
        "cases": case_ids,
        "hits": hits.len(),
        "operation_targets": operation_targets.len(),
    }));
    if let Some(org) = scope {
        event = event.scope(org);
    }
    store::audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(PartyExport {
        name,
        country,
        generated_at: format_ms(db.now_ms()),
        organisation_id: scope,
        cases,
        hits,
        operation_targets,
    })
}

/// One case in full, as an export shows it.
async fn case_export(
    db: &Db,
    row: &store::cases::CaseRow,
    sheet: serde_json::Value,
    roles: Vec<&str>,
    scope: Option<i64>,
) -> AppResult<serde_json::Value> {
    let obligations: Vec<serde_json::Value> = store::cases::obligations(db.reader(), row.id)
        .await?
        .into_iter()
        .map(|o| {
            serde_json::json!({"party": o.party, "organisation_id": o.party_org_id, "answer": o.answer,
                "answered_at": o.answered_at.map(format_ms), "answered_by": o.answered_by, "note": o.note})
        })
        .collect();
    let events: Vec<serde_json::Value> = store::cases::events(db.reader(), row.id)
        .await?
        .into_iter()
        .map(|(at, actor, kind, detail)| {
            let detail =
                serde_json::from_str::<serde_json::Value>(&detail).unwrap_or(serde_json::Value::String(detail));
            serde_json::json!({"at": format_ms(at), "actor": actor, "kind": kind, "detail": detail})
        })
        .collect();
    let messages: Vec<serde_json::Value> = store::cases::messages(db.reader(), row.id, None)
        .await?
        .into_iter()
        .map(|m| {
            serde_json::json!({"thread_organisation_id": m.thread_org_id, "author": m.author_label,
                "body": m.body, "at": format_ms(m.at)})
        })
        .collect();
    let notices: Vec<serde_json::Value> = sql::notices_of_case(db.reader(), row.id, scope)
        .await?
        .into_iter()
        .map(|n| {
            serde_json::json!({"organisation_id": n.org_id, "kind": n.kind, "subject": n.subject, "body": n.body,
                "at": format_ms(n.created_at)})
        })
        .collect();
    Ok(serde_json::json!({
        "id": row.id,
        "reference": super::cases::case_reference(&row.office_country, row.created_at, row.id),
        "organisation_id": row.org_id,
        "state": row.state,
        "outcome": row.outcome,
        "recorded_at": format_ms(row.created_at),
        "closed_at": row.closed_at.map(format_ms),
        "roles": roles,
        "sheet": sheet,
        "obligations": obligations,
        "events": events,
        "messages": messages,
        "notices": notices,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_whatever_its_case_accents_and_legal_form() {
        let asked = words("shenzhen BRIGHT trading");
        assert!(names(&asked, "Shenzhen Bright Trading Co., Ltd."));
        assert!(names(&words("Société Générale"), "SOCIETE GENERALE SA"));
        assert!(!names(&asked, "Shenzhen Dark Trading"));
    }
}
