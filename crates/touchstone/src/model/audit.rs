//! Audit records: the event a change appends, and the stored, chained record.

use serde::Serialize;
use utoipa::ToSchema;

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
    /// JSON text of the details.
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}
