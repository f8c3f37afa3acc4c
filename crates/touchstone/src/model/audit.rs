//! Audit records: the event a change appends, and the stored, chained record.

use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

/// The chain form of the records this version appends (see `domain::audit`'s
/// `AuditRecord::expected_hash`): 2, the hash over the detail's SHA-256.
pub const CHAIN_VERSION: i64 = 2;

/// SHA-256 of a text, in lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(text.as_bytes()))
}

/// What happened, by whom, to what; appended in the transaction of the change it records.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub actor_user_id: Option<i64>,
    pub actor_org_id: Option<i64>,
    pub actor_label: String,
    pub action: &'static str,
    pub target_kind: &'static str,
    pub target_id: String,
    /// The organisation whose administrators may read this record.
    pub scope_org_id: Option<i64>,
    pub detail: serde_json::Value,
}

/// A stored audit record, as listed in the page and the API.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditRecord {
    pub seq: i64,
    pub at: i64,
    pub actor_user_id: Option<i64>,
    pub actor_org_id: Option<i64>,
    pub actor_label: String,
    pub action: String,
    pub target_kind: String,
    pub target_id: String,
    pub scope_org_id: Option<i64>,
    /// JSON text of the details; once purged, `{"purged_at": …, "sha256": …}` (the hash of
    /// what it was).
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
    /// How the hash is computed: 1 over the detail itself (records written before migration
    /// 0019), 2 over `detail_hash`, so that the detail can be purged and the chain still holds.
    pub chain_version: i64,
    /// SHA-256 (hex) of the detail as appended (chain version 2; a purged version-1 record's
    /// too, which its hash cannot confirm).
    pub detail_hash: Option<String>,
    /// When the detail was replaced by its hash (the record's object was purged).
    pub purged_at: Option<i64>,
}
