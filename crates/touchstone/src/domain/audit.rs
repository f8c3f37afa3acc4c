//! The audit trail: an append-only, hash-chained record of who read and changed what.
//!
//! Each record's hash covers the previous record's hash and the record's canonical content, so
//! altering or deleting any row breaks the chain from that row on; the chain's head (last
//! sequence number and hash) is kept in its own row so that removing the newest records shows
//! too. It does not stop someone with write access to the database from rewriting the whole
//! chain and the head consistently: that needs the head anchored outside the database.

use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use super::policy::{check, Action, Principal, Target};
use crate::error::AppResult;
use crate::store::{self, Db};

pub use crate::model::audit::{sha256_hex, AuditEvent, AuditRecord, CHAIN_VERSION};

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

impl AuditEvent {
    pub fn by(
        principal: &Principal,
        action: &'static str,
        target_kind: &'static str,
        target_id: impl ToString,
    ) -> Self {
        let is_console = principal.user_id == 0;
        AuditEvent {
            actor_user_id: (!is_console).then_some(principal.user_id),
            actor_org_id: (!is_console).then_some(principal.org_id),
            actor_label: principal.label.clone(),
            action,
            target_kind,
            target_id: target_id.to_string(),
            scope_org_id: (!is_console).then_some(principal.org_id),
            detail: serde_json::Value::Null,
        }
    }

    /// What a background worker did on its own (the detention matcher, say), named as such.
    pub fn system(worker: &str, action: &'static str, target_kind: &'static str, target_id: impl ToString) -> Self {
        let mut event = Self::anonymous(action, target_kind, target_id);
        event.actor_label = format!("system: {worker}");
        event
    }

    pub fn anonymous(action: &'static str, target_kind: &'static str, target_id: impl ToString) -> Self {
        AuditEvent {
            actor_user_id: None,
            actor_org_id: None,
            actor_label: "anonymous".into(),
            action,
            target_kind,
            target_id: target_id.to_string(),
            scope_org_id: None,
            detail: serde_json::Value::Null,
        }
    }

    pub fn scope(mut self, org_id: i64) -> Self {
        self.scope_org_id = Some(org_id);
        self
    }

    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = detail;
        self
    }
}

/// The action of the record a retention purge appends, naming the records it purged.
pub const PURGE_ACTION: &str = "retention.purge";

impl AuditRecord {
    /// The hash a record must carry: SHA-256 over the previous hash and the canonical content
    /// (a JSON array of the fields in a fixed order, so no field can be moved into another).
    ///
    /// Version 1 (records written before migration 0019) puts the detail itself in the array;
    /// version 2 puts the SHA-256 of the detail there (and the version first), so that a purge
    /// can drop the detail, keep its hash, and leave the chain verifiable.
    pub fn expected_hash(&self, prev_hash: &str) -> String {
        let canonical = match self.chain_version {
            1 => serde_json::json!([
                self.seq,
                self.at,
                self.actor_user_id,
                self.actor_org_id,
                self.actor_label,
                self.action,
                self.target_kind,
                self.target_id,
                self.scope_org_id,
                self.detail,
            ]),
            version => serde_json::json!([
                version,
                self.seq,
                self.at,
                self.actor_user_id,
                self.actor_org_id,
                self.actor_label,
                self.action,
                self.target_kind,
                self.target_id,
                self.scope_org_id,
                self.detail_hash,
            ]),
        };
        let mut h = Sha256::new();
        h.update(prev_hash.as_bytes());
        h.update(b"\n");
        h.update(canonical.to_string().as_bytes());
        data_encoding::HEXLOWER.encode(&h.finalize())
    }

    /// What a purge names a version-1 record by: a digest of everything the record keeps once
    /// its detail is gone. Its own hash covers the detail and cannot be checked any more; this
    /// digest, inside the purge's (chained) record, still holds the rest of it.
    pub fn kept_digest(&self) -> String {
        sha256_hex(
            &serde_json::json!([
                self.seq,
                self.at,
                self.actor_user_id,
                self.actor_org_id,
                self.actor_label,
                self.action,
                self.target_kind,
                self.target_id,
                self.scope_org_id,
                self.prev_hash,
                self.hash,
                self.detail_hash,
            ])
            .to_string(),
        )
    }
}

/// The detail a purged record shows instead of its own: when (epoch milliseconds, as the
/// store keeps instants), and the hash of what it was.
pub fn purged_detail(purged_at: i64, detail_hash: &str) -> String {
    serde_json::json!({"purged_at": purged_at, "sha256": detail_hash}).to_string()
}

/// The detail of a purge's own audit record ([`PURGE_ACTION`]): what it removed, and the
/// records whose detail it replaced by their hash.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct PurgeDetail {
    /// Closed cases whose parties, photos, thread and notices were removed.
    #[serde(default)]
    pub cases: Vec<i64>,
    /// Screening (coordination) hits removed.
    #[serde(default)]
    pub hits: Vec<i64>,
    /// Scan events removed (they have no audit records).
    #[serde(default)]
    pub scan_events: i64,
    /// Files no record used any more, removed with their rows.
    #[serde(default)]
    pub files: i64,
    /// Audit records (chain version 2) whose detail was replaced by its hash.
    #[serde(default)]
    pub redacted: Vec<i64>,
    /// Audit records of chain version 1 so redacted, each with its [`AuditRecord::kept_digest`].
    #[serde(default)]
    pub redacted_v1: std::collections::BTreeMap<i64, String>,
}

/// One purge as the chain shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct PurgeSeen {
    /// The purge's own audit record.
    pub seq: i64,
    /// When it ran (RFC 3339).
    pub at: String,
    pub cases: Vec<i64>,
    pub hits: Vec<i64>,
    pub scan_events: i64,
    /// Audit records whose detail it replaced by its hash.
    pub records: usize,
}

/// The outcome of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ChainReport {
    pub records: i64,
    /// `None` when intact; otherwise the first sequence number at which the chain breaks.
    pub first_broken_seq: Option<i64>,
    pub problem: Option<String>,
    /// Records whose detail a purge replaced by its hash.
    pub purged_records: i64,
    /// The purges met, oldest first.
    pub purges: Vec<PurgeSeen>,
}

/// Walks every record in order and checks sequence, links and hashes, then the head.
///
/// A purged record (its detail replaced by [`purged_detail`]) must be named by a later purge
/// record ([`PURGE_ACTION`]): one of version 2 is still checked against its hash through its
/// `detail_hash`; one of version 1 through the digest of what it keeps, listed by the purge.
pub async fn verify_chain(db: &Db) -> anyhow::Result<ChainReport> {
    let mut expected_prev = GENESIS_HASH.to_string();
    let mut expected_seq = 1;
    let mut count = 0;
    let mut purged_records = 0;
    let mut purges = Vec::new();
    // Purged records not yet named by a purge: version 1's with the digest of what they keep.
    let mut awaiting: std::collections::BTreeMap<i64, Option<String>> = Default::default();
    let mut seen_second_form = false;
    let broken = |seq: i64, problem: String, count: i64| ChainReport {
        records: count,
        first_broken_seq: Some(seq),
        problem: Some(problem),
        purged_records: 0,
        purges: Vec::new(),
    };
    let altered = |seq: i64| format!("record {seq} was altered: its content no longer matches its hash");
    loop {
        let page = store::audit::page_after(db.reader(), expected_seq - 1, 1000).await?;
        if page.is_empty() {
            break;
        }
        for record in page {
            count += 1;
            let seq = record.seq;
            if seq != expected_seq {
                return Ok(broken(expected_seq, format!("record {expected_seq} is missing (next is {seq})"), count));
            }
            if record.prev_hash != expected_prev {
                return Ok(broken(seq, format!("record {seq} does not link to record {}", seq - 1), count));
            }
            let purged_as_shown =
                |hash: &str| record.purged_at.is_some_and(|at| purged_detail(at, hash) == record.detail);
            match (record.chain_version, &record.detail_hash, record.purged_at) {
                (1, _, _) if seen_second_form => {
                    return Ok(broken(seq, format!("record {seq} is in the first chain form after the second"), count))
                }
                (1, None, None) => {
                    if record.expected_hash(&expected_prev) != record.hash {
                        return Ok(broken(seq, altered(seq), count));
                    }
                }
                // Its detail is gone and its own hash covered it: the next record's link (or the
                // head) holds the hash, the purge record the rest.
                (1, Some(detail_hash), Some(_)) if purged_as_shown(detail_hash.as_str()) => {
                    awaiting.insert(seq, Some(record.kept_digest()));
                }
                (2, Some(detail_hash), purged_at) => {
                    seen_second_form = true;
                    let detail_holds = match purged_at {
                        None => sha256_hex(&record.detail) == *detail_hash,
                        Some(_) => purged_as_shown(detail_hash.as_str()),
                    };
                    if !detail_holds || record.expected_hash(&expected_prev) != record.hash {
                        return Ok(broken(seq, altered(seq), count));
                    }
                    if purged_at.is_some() {
                        awaiting.insert(seq, None);
                    }
                }
                _ => return Ok(broken(seq, altered(seq), count)),
            }
            if record.purged_at.is_some() {
                purged_records += 1;
            } else if record.action == PURGE_ACTION {
                let Ok(purge) = serde_json::from_str::<PurgeDetail>(&record.detail) else {
                    return Ok(broken(seq, format!("purge record {seq} cannot be read"), count));
                };
                for named in &purge.redacted {
                    if let Some(Some(_)) = awaiting.get(named) {
                        return Ok(broken(*named, altered(*named), count));
                    }
                    awaiting.remove(named);
                }
                for (named, digest) in &purge.redacted_v1 {
                    match awaiting.remove(named) {
                        Some(Some(kept)) if kept == *digest => {}
                        None => {}
                        Some(_) => return Ok(broken(*named, altered(*named), count)),
                    }
                }
                purges.push(PurgeSeen {
                    seq,
                    at: super::format_ms(record.at),
                    records: purge.redacted.len() + purge.redacted_v1.len(),
                    cases: purge.cases,
                    hits: purge.hits,
                    scan_events: purge.scan_events,
                });
            }
            expected_prev = record.hash;
            expected_seq += 1;
        }
    }
    if let Some((&seq, _)) = awaiting.first_key_value() {
        return Ok(broken(seq, format!("record {seq}'s content was removed, but no retention purge names it"), count));
    }
    let (head_seq, head_hash) = store::audit::head(db.reader()).await?;
    if head_seq != expected_seq - 1 || head_hash != expected_prev {
        return Ok(broken(
            expected_seq,
            format!(
                "the chain ends at record {} but its head says {head_seq}: records were removed from the end",
                expected_seq - 1
            ),
            count,
        ));
    }
    Ok(ChainReport { records: count, first_broken_seq: None, problem: None, purged_records, purges })
}

/// The records a principal may read: all for a platform admin, their organisation's for an
/// organisation admin. Reading the trail is itself recorded.
pub async fn list(db: &Db, principal: &Principal, before_seq: Option<i64>, limit: i64) -> AppResult<Vec<AuditRecord>> {
    let scope = if principal.is_platform_admin() {
        check(principal, Action::AuditRead, Target::Platform)?;
        None
    } else {
        check(principal, Action::AuditRead, Target::Organisation { org_id: principal.org_id })?;
        Some(principal.org_id)
    };
    let limit = limit.clamp(1, 500);
    let records = store::audit::list(db.reader(), scope, before_seq, limit).await?;
    let mut tx = db.begin().await?;
    store::audit::append(
        &mut tx,
        // The trail read is the platform's (0) or one organisation's.
        &AuditEvent::by(principal, "audit.read", "audit", scope.unwrap_or(0))
            .detail(serde_json::json!({"records": records.len()})),
    )
    .await?;
    tx.commit().await?;
    Ok(records)
}
