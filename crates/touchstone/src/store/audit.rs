//! SQL for the audit chain. Appending updates the head row first: on PostgreSQL that row lock,
//! on SQLite the single writer, makes appends strictly sequential so the chain never forks.

use sqlx::{Any, AnyConnection, Executor, FromRow};

use crate::domain::audit::{AuditEvent, AuditRecord};
use crate::domain::now_ms;

#[derive(FromRow)]
struct Row {
    seq: i64,
    at: i64,
    actor_user_id: Option<i64>,
    actor_org_id: Option<i64>,
    actor_label: String,
    action: String,
    target_kind: String,
    target_id: String,
    scope_org_id: Option<i64>,
    detail: String,
    prev_hash: String,
    hash: String,
}

impl From<Row> for AuditRecord {
    fn from(r: Row) -> Self {
        AuditRecord {
            seq: r.seq,
            at: r.at,
            actor_user_id: r.actor_user_id,
            actor_org_id: r.actor_org_id,
            actor_label: r.actor_label,
            action: r.action,
            target_kind: r.target_kind,
            target_id: r.target_id,
            scope_org_id: r.scope_org_id,
            detail: r.detail,
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

const COLUMNS: &str = "seq, at, actor_user_id, actor_org_id, actor_label, action, target_kind, target_id, scope_org_id, detail, prev_hash, hash";

/// Appends one record inside the caller's transaction.
pub async fn append(conn: &mut AnyConnection, event: &AuditEvent) -> Result<(), sqlx::Error> {
    let (seq, prev_hash): (i64, String) =
        sqlx::query_as("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, last_hash")
            .fetch_one(&mut *conn)
            .await?;
    let mut record = AuditRecord {
        seq,
        at: now_ms(),
        actor_user_id: event.actor_user_id,
        actor_org_id: event.actor_org_id,
        actor_label: event.actor_label.clone(),
        action: event.action.to_string(),
        target_kind: event.target_kind.to_string(),
        target_id: event.target_id.clone(),
        scope_org_id: event.scope_org_id,
        detail: event.detail.to_string(),
        prev_hash: prev_hash.clone(),
        hash: String::new(),
    };
    record.hash = record.expected_hash(&prev_hash);
    sqlx::query(&format!(
        "INSERT INTO audit_log ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    ))
    .bind(record.seq)
    .bind(record.at)
    .bind(record.actor_user_id)
    .bind(record.actor_org_id)
    .bind(&record.actor_label)
    .bind(&record.action)
    .bind(&record.target_kind)
    .bind(&record.target_id)
    .bind(record.scope_org_id)
    .bind(&record.detail)
    .bind(&record.prev_hash)
    .bind(&record.hash)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE audit_head SET last_hash = $1 WHERE id = 1").bind(&record.hash).execute(&mut *conn).await?;
    Ok(())
}

pub async fn page_after<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    after_seq: i64,
    limit: i64,
) -> Result<Vec<AuditRecord>, sqlx::Error> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"))
            .bind(after_seq)
            .bind(limit)
            .fetch_all(ex)
            .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

pub async fn head<'c, E: Executor<'c, Database = Any>>(ex: E) -> Result<(i64, String), sqlx::Error> {
    sqlx::query_as("SELECT seq, last_hash FROM audit_head WHERE id = 1").fetch_one(ex).await
}

/// Newest first, optionally limited to one organisation's scope and to records before a seq.
pub async fn list<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    scope_org_id: Option<i64>,
    before_seq: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRecord>, sqlx::Error> {
    let before = before_seq.unwrap_or(i64::MAX);
    let rows: Vec<Row> = match scope_org_id {
        Some(org) => {
            sqlx::query_as(&format!(
                "SELECT {COLUMNS} FROM audit_log WHERE scope_org_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3"
            ))
            .bind(org)
            .bind(before)
            .bind(limit)
            .fetch_all(ex)
            .await?
        }
        None => {
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM audit_log WHERE seq < $1 ORDER BY seq DESC LIMIT $2"))
                .bind(before)
                .bind(limit)
                .fetch_all(ex)
                .await?
        }
    };
    Ok(rows.into_iter().map(Into::into).collect())
}
