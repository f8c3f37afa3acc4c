//! SQL of the retention purge (closed cases, screening hits, scan events, the files no record
//! uses any more) and of the lawful-request export's reads.
//!
//! A case is purged by a conditional update of its row (`purged_at IS NULL`), so that two
//! passes (two nodes, or a pass and `touchstone retention purge`) never purge it twice; its
//! dependent rows are deleted in the same transaction.

use sqlx::{Any, AnyConnection, Executor, FromRow};

use super::cases::{CaseRow, CASE_COLUMNS};
use super::Db;

/// Closed cases whose closing is older than `cutoff` and not purged yet, oldest first.
pub async fn closed_cases_due<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    cutoff: i64,
    limit: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM cases WHERE state = 'closed' AND purged_at IS NULL AND closed_at < $1 \
         ORDER BY closed_at, id LIMIT $2",
    )
    .bind(cutoff)
    .bind(limit)
    .fetch_all(ex)
    .await
}

/// Empties a closed case's row (its sheet holds the parties, goods, notes and photos) and marks
/// it purged; false when it is not due (another pass purged it, or it was reopened).
pub async fn purge_case_row(conn: &mut AnyConnection, id: i64, cutoff: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE cases SET sheet = '{}', idempotency_key = NULL, request_hash = NULL, purged_at = $1 \
         WHERE id = $2 AND state = 'closed' AND purged_at IS NULL AND closed_at < $3",
    )
    .bind(now)
    .bind(id)
    .bind(cutoff)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The files a case's photos and its thread's attachments use, before their uses are removed.
pub async fn files_of_case(conn: &mut AnyConnection, id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT DISTINCT hash FROM media_uses WHERE (record_kind = 'case' AND record_id = $1) \
         OR (record_kind = 'message' AND record_id IN (SELECT m.id FROM case_messages m WHERE m.case_id = $1))",
    )
    .bind(id)
    .fetch_all(conn)
    .await
}

/// Deletes what a case holds besides its row: file uses, thread and read marks, timeline,
/// obligations (answers and notes), shares, alert matches and keyed forms.
pub async fn delete_case_dependents(conn: &mut AnyConnection, id: i64) -> Result<(), sqlx::Error> {
    for sql in [
        "DELETE FROM media_uses WHERE record_kind = 'case' AND record_id = $1",
        "DELETE FROM media_uses WHERE record_kind = 'message' AND record_id IN \
         (SELECT m.id FROM case_messages m WHERE m.case_id = $1)",
        "DELETE FROM case_message_reads WHERE case_id = $1",
        "DELETE FROM case_messages WHERE case_id = $1",
        "DELETE FROM case_events WHERE case_id = $1",
        "DELETE FROM case_obligations WHERE case_id = $1",
        "DELETE FROM case_shares WHERE case_id = $1",
        "DELETE FROM case_alert_matches WHERE case_id = $1",
        "DELETE FROM case_match_keys WHERE case_id = $1",
    ] {
        sqlx::query(sql).bind(id).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Deletes the notices whose event ids are given or match one of the LIKE `patterns` (with
/// their read marks and deliveries); returns how many.
pub async fn delete_notices(
    conn: &mut AnyConnection,
    event_ids: &[String],
    patterns: &[String],
) -> Result<u64, sqlx::Error> {
    let mut ids: Vec<i64> = Vec::new();
    for event_id in event_ids {
        ids.extend(
            sqlx::query_scalar::<_, i64>("SELECT id FROM notify_notices WHERE event_id = $1")
                .bind(event_id)
                .fetch_all(&mut *conn)
                .await?,
        );
    }
    for pattern in patterns {
        ids.extend(
            sqlx::query_scalar::<_, i64>("SELECT id FROM notify_notices WHERE event_id LIKE $1")
                .bind(pattern)
                .fetch_all(&mut *conn)
                .await?,
        );
    }
    ids.sort_unstable();
    ids.dedup();
    for id in &ids {
        for sql in [
            "DELETE FROM notify_reads WHERE notice_id = $1",
            "DELETE FROM notify_deliveries WHERE notice_id = $1",
            "DELETE FROM notify_notices WHERE id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *conn).await?;
        }
    }
    Ok(ids.len() as u64)
}

/// One side of a hit, as the purge needs it.
#[derive(Debug, Clone, FromRow)]
pub struct HitKey {
    pub id: i64,
    pub hit_key: String,
    pub org_id: i64,
}

/// A case's sides of hits (its own item, a detention).
pub async fn hits_of_case(conn: &mut AnyConnection, case_id: i64) -> Result<Vec<HitKey>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, hit_key, org_id FROM coordination_hits WHERE own_item_kind = 'detention' AND own_item_id = $1",
    )
    .bind(case_id)
    .fetch_all(conn)
    .await
}

/// Hits found before `cutoff`, except a detention's side while its case is not closed.
pub async fn hits_due<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    cutoff: i64,
    limit: i64,
) -> Result<Vec<HitKey>, sqlx::Error> {
    sqlx::query_as(
        "SELECT h.id, h.hit_key, h.org_id FROM coordination_hits h WHERE h.created_at < $1 \
         AND NOT (h.own_item_kind = 'detention' AND h.own_item_id IN (SELECT c.id FROM cases c WHERE c.state <> 'closed')) \
         ORDER BY h.id LIMIT $2",
    )
    .bind(cutoff)
    .bind(limit)
    .fetch_all(ex)
    .await
}

/// Deletes one side of a hit; false when already gone.
pub async fn delete_hit(conn: &mut AnyConnection, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM coordination_hits WHERE id = $1").bind(id).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes up to `limit` scan events older than `cutoff`; how many.
pub async fn delete_scan_events(conn: &mut AnyConnection, cutoff: i64, limit: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM scan_events WHERE id IN (SELECT id FROM scan_events WHERE scanned_at < $1 ORDER BY scanned_at LIMIT $2)",
    )
    .bind(cutoff)
    .bind(limit)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Removes a file's row (and the uploads' claims on it) when no record uses it any more: its
/// hash and its thumbnail's, for the caller to delete from the file store after commit. `None`
/// while a record (a product, another case, a message) still uses it.
pub async fn drop_unused_file(conn: &mut AnyConnection, hash: &str) -> Result<Option<Vec<String>>, sqlx::Error> {
    let used: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM media_uses WHERE hash = $1 AND record_kind <> 'upload'")
        .bind(hash)
        .fetch_one(&mut *conn)
        .await?;
    if used > 0 {
        return Ok(None);
    }
    sqlx::query("DELETE FROM media_uses WHERE hash = $1").bind(hash).execute(&mut *conn).await?;
    let thumbnail: Option<Option<String>> =
        sqlx::query_scalar("DELETE FROM media WHERE hash = $1 RETURNING thumbnail_hash")
            .bind(hash)
            .fetch_optional(&mut *conn)
            .await?;
    let mut files = vec![hash.to_string()];
    if let Some(thumb) = thumbnail.flatten().filter(|t| t != hash) {
        let shared: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM media WHERE hash = $1 OR thumbnail_hash = $1")
            .bind(&thumb)
            .fetch_one(&mut *conn)
            .await?;
        if shared == 0 {
            files.push(thumb);
        }
    }
    Ok(Some(files))
}

/// Claims this period's purge for the calling node: true for one node only until `next` (a
/// conditional update of the `worker_cursors` row, as the detention matcher's cursor is kept).
pub async fn claim_pass(conn: &mut AnyConnection, now: i64, next: i64) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "INSERT INTO worker_cursors (name, position) VALUES ('retention.pass', 0) ON CONFLICT (name) DO NOTHING",
    )
    .execute(&mut *conn)
    .await?;
    let done = sqlx::query("UPDATE worker_cursors SET position = $1 WHERE name = 'retention.pass' AND position <= $2")
        .bind(next)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// On SQLite, after a purge: the database rewritten from its live rows (`VACUUM`, when the purge
/// removed personal data), then the write-ahead log folded into the file and truncated, so that
/// no copy of a purged row is left on disk. Nothing on PostgreSQL. False when readers kept the
/// log from being truncated (the next purge tries again).
///
/// `PRAGMA secure_delete` (the writer's, store/mod.rs) zeroes a row where it is deleted, but not
/// the copies SQLite leaves behind when it moves rows between pages (a page rebuilt after a
/// split keeps the old bytes between its cell index and its content), so it cannot promise the
/// names are gone; a VACUUM writes every page anew.
pub async fn settle_sqlite_file(db: &Db, vacuum: bool) -> Result<bool, sqlx::Error> {
    if db.backend != super::Backend::Sqlite {
        return Ok(true);
    }
    let writer = db.bookkeeping();
    if vacuum {
        sqlx::query("VACUUM").execute(writer).await?;
    }
    // A reader holding an old snapshot keeps the log's frames alive: try again a few times.
    for _ in 0..40 {
        let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(writer).await?;
        if busy == 0 {
            return Ok(true);
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    Ok(false)
}

// The lawful-request export's reads.

/// Cases not purged, of one organisation (all when `None`), by id after `after`.
pub async fn cases_page<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org_id: Option<i64>,
    after: i64,
    limit: i64,
) -> Result<Vec<CaseRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {CASE_COLUMNS} FROM cases WHERE purged_at IS NULL AND ($1 < 0 OR org_id = $1) AND id > $2 \
         ORDER BY id LIMIT $3"
    ))
    .bind(org_id.unwrap_or(-1))
    .bind(after)
    .bind(limit)
    .fetch_all(ex)
    .await
}

/// A hit as exported.
#[derive(Debug, Clone, FromRow)]
pub struct ExportHit {
    pub id: i64,
    pub org_id: i64,
    pub own_item_kind: String,
    pub own_item_id: i64,
    pub own_item_label: String,
    pub other_org_id: i64,
    pub other_contact: String,
    pub match_kind: String,
    pub created_at: i64,
    pub ack_outcome: Option<String>,
    pub ack_note: Option<String>,
}

/// Every hit of one organisation's side (all when `None`).
pub async fn hits_of<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org_id: Option<i64>,
) -> Result<Vec<ExportHit>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, org_id, own_item_kind, own_item_id, own_item_label, other_org_id, other_contact, match_kind, \
         created_at, ack_outcome, ack_note FROM coordination_hits WHERE ($1 < 0 OR org_id = $1) ORDER BY id",
    )
    .bind(org_id.unwrap_or(-1))
    .fetch_all(ex)
    .await
}

/// An operation target as exported.
#[derive(Debug, Clone, FromRow)]
pub struct ExportTarget {
    pub id: i64,
    pub operation_id: i64,
    pub org_id: i64,
    pub kind: String,
    pub label: String,
    pub detail: String,
    pub created_at: i64,
}

/// Every operation target of one organisation (all when `None`).
pub async fn targets_of<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org_id: Option<i64>,
) -> Result<Vec<ExportTarget>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, operation_id, org_id, kind, label, detail, created_at FROM operation_targets \
         WHERE ($1 < 0 OR org_id = $1) ORDER BY id",
    )
    .bind(org_id.unwrap_or(-1))
    .fetch_all(ex)
    .await
}

/// A notice as exported.
#[derive(Debug, Clone, FromRow)]
pub struct ExportNotice {
    pub id: i64,
    pub event_id: String,
    pub org_id: i64,
    pub kind: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
}

/// The notices about one case (its link, or an alert match naming it), of one organisation
/// (all when `None`).
pub async fn notices_of_case<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    case_id: i64,
    org_id: Option<i64>,
) -> Result<Vec<ExportNotice>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, event_id, org_id, kind, subject, body, created_at FROM notify_notices \
         WHERE (event_id LIKE $1 OR event_id LIKE $2) AND ($3 < 0 OR org_id = $3) ORDER BY id",
    )
    .bind(format!("case-{case_id}-%"))
    .bind(format!("alert-%-case-{case_id}"))
    .bind(org_id.unwrap_or(-1))
    .fetch_all(ex)
    .await
}
