//! SQL for the audit chain. Appending updates the head row first: on PostgreSQL that row lock,
//! on SQLite the single writer, makes appends strictly sequential so the chain never forks.

use sqlx::{Any, AnyConnection, Executor, FromRow};

use crate::clock::now_ms;
use crate::model::audit::{AuditEvent, AuditRecord};

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
    chain_version: i64,
    detail_hash: Option<String>,
    purged_at: Option<i64>,
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
            chain_version: r.chain_version,
            detail_hash: r.detail_hash,
            purged_at: r.purged_at,
        }
    }
}

const COLUMNS: &str = "seq, at, actor_user_id, actor_org_id, actor_label, action, target_kind, target_id, scope_org_id, detail, prev_hash, hash, chain_version, detail_hash, purged_at";

/// The columns an append writes (a new record is never purged).
const APPENDED: &str = "seq, at, actor_user_id, actor_org_id, actor_label, action, target_kind, target_id, scope_org_id, detail, prev_hash, hash, chain_version, detail_hash";

/// Parameters per appended row.
const APPENDED_COUNT: usize = 14;

/// Appends one record inside the caller's transaction.
pub async fn append(conn: &mut AnyConnection, event: &AuditEvent) -> Result<(), sqlx::Error> {
    append_many(conn, std::slice::from_ref(event)).await
}

/// Rows a single INSERT carries: 14 parameters each, under SQLite's 32,766 and PostgreSQL's
/// 65,535 bound parameters.
const ROWS_PER_INSERT: usize = 1_000;

/// Appends records in the order given inside the caller's transaction: one move of the head
/// for all of them, each chained to the one before.
pub async fn append_many(conn: &mut AnyConnection, events: &[AuditEvent]) -> Result<(), sqlx::Error> {
    let timer = std::time::Instant::now();
    let appended = append_many_untimed(conn, events).await;
    crate::ops::metrics::audit_appended("in_transaction", timer.elapsed());
    appended
}

async fn append_many_untimed(conn: &mut AnyConnection, events: &[AuditEvent]) -> Result<(), sqlx::Error> {
    let Ok(count) = i64::try_from(events.len()) else {
        return Err(sqlx::Error::Protocol("too many audit records".into()));
    };
    if count == 0 {
        return Ok(());
    }
    let (last_seq, mut prev_hash): (i64, String) =
        sqlx::query_as("UPDATE audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, last_hash")
            .bind(count)
            .fetch_one(&mut *conn)
            .await?;
    let at = now_ms();
    let mut records = Vec::with_capacity(events.len());
    for (seq, event) in (last_seq - count + 1..).zip(events) {
        let detail = event.detail.to_string();
        let mut record = AuditRecord {
            seq,
            at,
            actor_user_id: event.actor_user_id,
            actor_org_id: event.actor_org_id,
            actor_label: event.actor_label.clone(),
            action: event.action.to_string(),
            target_kind: event.target_kind.to_string(),
            target_id: event.target_id.clone(),
            scope_org_id: event.scope_org_id,
            detail_hash: Some(crate::model::audit::sha256_hex(&detail)),
            detail,
            prev_hash: std::mem::take(&mut prev_hash),
            hash: String::new(),
            chain_version: crate::model::audit::CHAIN_VERSION,
            purged_at: None,
        };
        record.hash = record.expected_hash(&record.prev_hash);
        prev_hash.clone_from(&record.hash);
        records.push(record);
    }
    for chunk in records.chunks(ROWS_PER_INSERT) {
        let values: Vec<String> = (0..chunk.len())
            .map(|r| {
                let p: Vec<String> = (1..=APPENDED_COUNT).map(|c| format!("${}", r * APPENDED_COUNT + c)).collect();
                format!("({})", p.join(", "))
            })
            .collect();
        let sql = format!("INSERT INTO audit_log ({APPENDED}) VALUES {}", values.join(", "));
        let mut query = sqlx::query(&sql);
        for record in chunk {
            query = query
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
                .bind(record.chain_version)
                .bind(&record.detail_hash);
        }
        query.execute(&mut *conn).await?;
    }
    sqlx::query("UPDATE audit_head SET last_hash = $1 WHERE id = 1").bind(&prev_hash).execute(&mut *conn).await?;
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

/// The kinds of object whose records a purge looks up, by `audit_log_target_idx` (partial: the
/// kind is written into the query as a literal, which both engines need to use it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PurgedKind {
    Case,
    /// A case's side of a coordination hit.
    Detention,
    Hit,
}

impl PurgedKind {
    fn literal(self) -> &'static str {
        match self {
            PurgedKind::Case => "'case'",
            PurgedKind::Detention => "'detention'",
            PurgedKind::Hit => "'hit'",
        }
    }
}

/// The records of the given objects whose detail has not been purged yet, in chain order.
pub async fn unpurged_records_of(
    conn: &mut AnyConnection,
    kind: PurgedKind,
    target_ids: &[i64],
) -> Result<Vec<AuditRecord>, sqlx::Error> {
    let mut out = Vec::new();
    for chunk in target_ids.chunks(500) {
        let placeholders = (1..=chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT {COLUMNS} FROM audit_log WHERE target_kind = {} AND target_id IN ({placeholders}) \
             AND purged_at IS NULL ORDER BY seq",
            kind.literal()
        );
        let mut q = sqlx::query_as::<_, Row>(&sql);
        for id in chunk {
            q = q.bind(id.to_string());
        }
        out.extend(q.fetch_all(&mut *conn).await?.into_iter().map(AuditRecord::from));
    }
    Ok(out)
}

/// Replaces a record's detail by what a purge leaves (`detail`), keeping the hash of what it was.
pub async fn redact(
    conn: &mut AnyConnection,
    seq: i64,
    detail: &str,
    detail_hash: &str,
    purged_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE audit_log SET detail = $1, detail_hash = $2, purged_at = $3 WHERE seq = $4 AND purged_at IS NULL",
    )
    .bind(detail)
    .bind(detail_hash)
    .bind(purged_at)
    .bind(seq)
    .execute(conn)
    .await
    .map(|_| ())
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

/// Records waiting for the group appender at most; a request beyond them waits for room.
const QUEUE: usize = 4_096;

type Reply = tokio::sync::oneshot::Sender<Result<(), String>>;

/// Appends records that need no other write (an officer's read of confidential sections) with
/// group commit: requests arriving while a transaction commits share the next one, so a hundred
/// officers reading at once cost one commit of the single SQLite writer instead of a hundred.
/// Each caller still waits until its record is committed, so nothing read goes unrecorded.
#[derive(Default)]
pub struct GroupAppender {
    queue: std::sync::OnceLock<tokio::sync::mpsc::Sender<(AuditEvent, Reply)>>,
}

impl GroupAppender {
    pub async fn append(&self, pool: &sqlx::AnyPool, event: AuditEvent) -> Result<(), sqlx::Error> {
        let timer = std::time::Instant::now();
        let appended = self.append_untimed(pool, event).await;
        crate::ops::metrics::audit_appended("read_group_commit", timer.elapsed());
        appended
    }

    async fn append_untimed(&self, pool: &sqlx::AnyPool, event: AuditEvent) -> Result<(), sqlx::Error> {
        let queue = self.queue.get_or_init(|| {
            let (queue, waiting) = tokio::sync::mpsc::channel(QUEUE);
            tokio::spawn(append_in_groups(pool.clone(), waiting));
            queue
        });
        let (reply, committed) = tokio::sync::oneshot::channel();
        match queue.send((event, reply)).await {
            Ok(()) => match committed.await {
                Ok(result) => result.map_err(sqlx::Error::Protocol),
                Err(_) => Err(sqlx::Error::Protocol("the audit appender stopped before answering".into())),
            },
            // The appender's runtime has ended (a handle kept across runtimes): append alone.
            Err(tokio::sync::mpsc::error::SendError((event, _))) => {
                let mut tx = pool.begin().await?;
                append(&mut tx, &event).await?;
                tx.commit().await
            }
        }
    }
}

/// Rows one group transaction carries at most.
const GROUP: usize = 512;

async fn append_in_groups(pool: sqlx::AnyPool, mut waiting: tokio::sync::mpsc::Receiver<(AuditEvent, Reply)>) {
    let mut group = Vec::with_capacity(GROUP);
    while waiting.recv_many(&mut group, GROUP).await > 0 {
        let (events, replies): (Vec<AuditEvent>, Vec<Reply>) = group.drain(..).unzip();
        let result = async {
            let mut tx = pool.begin().await?;
            append_many(&mut tx, &events).await?;
            tx.commit().await
        }
        .await
        .map_err(|e| e.to_string());
        if let Err(e) = &result {
            tracing::error!(error = %e, records = events.len(), "appending audit records failed");
        }
        for reply in replies {
            // A caller that gave up (its request was cancelled) needs no answer.
            let _ = reply.send(result.clone());
        }
    }
}
