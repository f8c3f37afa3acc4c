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

pub use crate::model::audit::{AuditEvent, AuditRecord};

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

impl AuditRecord {
    /// The hash a record must carry: SHA-256 over the previous hash and the canonical content
    /// (a JSON array of the fields in a fixed order, so no field can be moved into another).
    pub fn expected_hash(&self, prev_hash: &str) -> String {
        let canonical = serde_json::json!([
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
        ]);
        let mut h = Sha256::new();
        h.update(prev_hash.as_bytes());
        h.update(b"\n");
        h.update(canonical.to_string().as_bytes());
        data_encoding::HEXLOWER.encode(&h.finalize())
    }
}

/// The outcome of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ChainReport {
    pub records: i64,
    /// `None` when intact; otherwise the first sequence number at which the chain breaks.
    pub first_broken_seq: Option<i64>,
    pub problem: Option<String>,
}

/// Walks every record in order and checks sequence, links and hashes, then the head.
pub async fn verify_chain(db: &Db) -> anyhow::Result<ChainReport> {
    let mut expected_prev = GENESIS_HASH.to_string();
    let mut expected_seq = 1;
    let mut count = 0;
    let broken = |seq: i64, problem: String, count: i64| ChainReport {
        records: count,
        first_broken_seq: Some(seq),
        problem: Some(problem),
    };
    loop {
        let page = store::audit::page_after(db.reader(), expected_seq - 1, 1000).await?;
        if page.is_empty() {
            break;
        }
        for record in page {
            count += 1;
            if record.seq != expected_seq {
                return Ok(broken(
                    expected_seq,
                    format!("record {expected_seq} is missing (next is {})", record.seq),
                    count,
                ));
            }
            if record.prev_hash != expected_prev {
                return Ok(broken(
                    record.seq,
                    format!("record {} does not link to record {}", record.seq, record.seq - 1),
                    count,
                ));
            }
            if record.expected_hash(&expected_prev) != record.hash {
                return Ok(broken(
                    record.seq,
                    format!("record {} was altered: its content no longer matches its hash", record.seq),
                    count,
                ));
            }
            expected_prev = record.hash;
            expected_seq += 1;
        }
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
    Ok(ChainReport { records: count, first_broken_seq: None, problem: None })
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
