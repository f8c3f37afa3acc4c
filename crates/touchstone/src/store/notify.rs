//! SQL for notifications: notices (the inbox), read marks, webhook endpoints, e-mail opt-outs
//! and the delivery outbox with its leases. Portable SQL only (see `store/mod.rs`).

use sqlx::{Any, AnyConnection, Executor, FromRow};

/// A notice as stored; one per (event, recipient organisation).
#[derive(Debug, Clone, FromRow)]
pub struct NoticeRow {
    pub id: i64,
    pub event_id: String,
    pub org_id: i64,
    pub kind: String,
    pub subject: String,
    pub body: String,
    pub link: String,
    pub payload: String,
    pub created_at: i64,
}

/// A notice with the reader's read mark.
#[derive(Debug, Clone, FromRow)]
pub struct InboxRow {
    pub id: i64,
    pub event_id: String,
    pub kind: String,
    pub subject: String,
    pub body: String,
    pub message: Option<String>,
    pub link: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

/// Inserts a notice unless one with the same (event_id, org_id) exists. `ON CONFLICT DO
/// NOTHING` rather than catching the unique violation: on PostgreSQL a violation would abort
/// the caller's whole transaction. Returns the new row's id, or `None` for a repeat.
#[expect(clippy::too_many_arguments, reason = "one column each; a struct would only rename them")]
pub async fn insert_notice(
    conn: &mut AnyConnection,
    event_id: &str,
    org_id: i64,
    kind: &str,
    subject: &str,
    body: &str,
    message: &str,
    link: &str,
    payload: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO notify_notices (event_id, org_id, kind, subject, body, message, link, payload, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (event_id, org_id) DO NOTHING RETURNING id",
    )
    .bind(event_id)
    .bind(org_id)
    .bind(kind)
    .bind(subject)
    .bind(body)
    .bind(message)
    .bind(link)
    .bind(payload)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await
}

/// One e-mail delivery per active user of the organisation who has not opted out. Accounts are
/// created by administrators who vouch for the address, so an active account's address counts
/// as verified.
pub async fn insert_email_deliveries(
    conn: &mut AnyConnection,
    notice_id: i64,
    org_id: i64,
    now: i64,
) -> Result<u64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO notify_deliveries (notice_id, channel, destination, user_id, next_attempt_at, created_at) \
         SELECT $1, 'email', u.email, u.id, $2, $2 FROM users u \
         WHERE u.organisation_id = $3 AND u.active = 1 \
           AND NOT EXISTS (SELECT 1 FROM notify_email_optouts o WHERE o.user_id = u.id)",
    )
    .bind(notice_id)
    .bind(now)
    .bind(org_id)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected())
}

/// One webhook delivery per live endpoint of the organisation.
pub async fn insert_webhook_deliveries(
    conn: &mut AnyConnection,
    notice_id: i64,
    org_id: i64,
    now: i64,
) -> Result<u64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO notify_deliveries (notice_id, channel, destination, webhook_id, next_attempt_at, created_at) \
         SELECT $1, 'webhook', w.url, w.id, $2, $2 FROM notify_webhooks w \
         WHERE w.org_id = $3 AND w.deleted_at IS NULL",
    )
    .bind(notice_id)
    .bind(now)
    .bind(org_id)
    .execute(&mut *conn)
    .await
    .map(|r| r.rows_affected())
}

// ---------------------------------------------------------------------------------------------
// The inbox

pub async fn inbox<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org_id: i64,
    user_id: i64,
    unread_only: bool,
    limit: i64,
) -> Result<Vec<InboxRow>, sqlx::Error> {
    let unread = if unread_only { "AND r.read_at IS NULL" } else { "" };
    sqlx::query_as(&format!(
        "SELECT n.id, n.event_id, n.kind, n.subject, n.body, n.message, n.link, n.created_at, r.read_at \
         FROM notify_notices n LEFT JOIN notify_reads r ON r.notice_id = n.id AND r.user_id = $2 \
         WHERE n.org_id = $1 {unread} ORDER BY n.id DESC LIMIT $3"
    ))
    .bind(org_id)
    .bind(user_id)
    .bind(limit)
    .fetch_all(ex)
    .await
}

pub async fn unread_count<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org_id: i64,
    user_id: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM notify_notices n WHERE n.org_id = $1 \
         AND NOT EXISTS (SELECT 1 FROM notify_reads r WHERE r.notice_id = n.id AND r.user_id = $2)",
    )
    .bind(org_id)
    .bind(user_id)
    .fetch_one(ex)
    .await
}

pub async fn notice<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64) -> Result<Option<NoticeRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, event_id, org_id, kind, subject, body, link, payload, created_at FROM notify_notices WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(ex)
    .await
}

pub async fn notice_by_event<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    event_id: &str,
    org_id: i64,
) -> Result<Option<NoticeRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, event_id, org_id, kind, subject, body, link, payload, created_at FROM notify_notices \
         WHERE event_id = $1 AND org_id = $2",
    )
    .bind(event_id)
    .bind(org_id)
    .fetch_optional(ex)
    .await
}

pub async fn mark_read<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    notice_id: i64,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO notify_reads (notice_id, user_id, read_at) VALUES ($1, $2, $3) \
         ON CONFLICT (notice_id, user_id) DO NOTHING",
    )
    .bind(notice_id)
    .bind(user_id)
    .bind(now)
    .execute(ex)
    .await
    .map(|_| ())
}

pub async fn mark_all_read<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org_id: i64,
    user_id: i64,
    now: i64,
) -> Result<u64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO notify_reads (notice_id, user_id, read_at) \
         SELECT n.id, $2, $3 FROM notify_notices n WHERE n.org_id = $1 \
           AND NOT EXISTS (SELECT 1 FROM notify_reads r WHERE r.notice_id = n.id AND r.user_id = $2)",
    )
    .bind(org_id)
    .bind(user_id)
    .bind(now)
    .execute(ex)
    .await
    .map(|r| r.rows_affected())
}

pub async fn set_email_optout<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    opted_out: bool,
    now: i64,
) -> Result<(), sqlx::Error> {
    let q = if opted_out {
        sqlx::query(
            "INSERT INTO notify_email_optouts (user_id, created_at) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING",
        )
        .bind(user_id)
        .bind(now)
    } else {
        sqlx::query("DELETE FROM notify_email_optouts WHERE user_id = $1").bind(user_id)
    };
    q.execute(ex).await.map(|_| ())
}

pub async fn email_opted_out<'c, E: Executor<'c, Database = Any>>(ex: E, user_id: i64) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notify_email_optouts WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

// ---------------------------------------------------------------------------------------------
// Webhook endpoints

#[derive(Debug, Clone, FromRow)]
pub struct WebhookRow {
    pub id: i64,
    pub org_id: i64,
    pub url: String,
    pub description: String,
    pub created_at: i64,
    pub deleted_at: Option<i64>,
}

const WEBHOOK_COLUMNS: &str = "id, org_id, url, description, created_at, deleted_at";

pub async fn insert_webhook<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org_id: i64,
    url: &str,
    description: &str,
    secret: &str,
    created_by: Option<i64>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO notify_webhooks (org_id, url, description, secret, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(org_id)
    .bind(url)
    .bind(description)
    .bind(secret)
    .bind(created_by)
    .bind(now)
    .fetch_one(ex)
    .await
}

pub async fn webhooks_of<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org_id: i64,
) -> Result<Vec<WebhookRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {WEBHOOK_COLUMNS} FROM notify_webhooks WHERE org_id = $1 AND deleted_at IS NULL ORDER BY id"
    ))
    .bind(org_id)
    .fetch_all(ex)
    .await
}

pub async fn webhook<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64) -> Result<Option<WebhookRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {WEBHOOK_COLUMNS} FROM notify_webhooks WHERE id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await
}

/// Removes an endpoint and cancels what was still waiting for it.
pub async fn delete_webhook(conn: &mut AnyConnection, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE notify_webhooks SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE notify_deliveries SET cancelled_at = $1, last_error = 'endpoint removed' \
         WHERE webhook_id = $2 AND delivered_at IS NULL AND cancelled_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The outbox: claiming, delivering, retrying

/// Ids of rows due for an attempt and not leased to a live worker, oldest due first.
pub async fn due_deliveries<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    now: i64,
    include_email: bool,
    limit: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let channel = if include_email { "" } else { "AND channel <> 'email'" };
    sqlx::query_scalar(&format!(
        "SELECT id FROM notify_deliveries \
         WHERE delivered_at IS NULL AND cancelled_at IS NULL AND next_attempt_at <= $1 \
           AND (claimed_until IS NULL OR claimed_until < $1) {channel} \
         ORDER BY next_attempt_at, id LIMIT $2"
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(ex)
    .await
}

/// Takes the lease on one row: a conditional UPDATE, so that of several workers (threads or
/// processes on one database) exactly one sees a row changed. On PostgreSQL a concurrent
/// UPDATE of the same row waits for the first to commit and then re-checks the condition; on
/// SQLite writers are serialised. Returns whether this worker now holds the row.
pub async fn claim<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    id: i64,
    worker: &str,
    now: i64,
    lease_until: i64,
) -> Result<bool, sqlx::Error> {
    let r = sqlx::query(
        "UPDATE notify_deliveries SET claimed_by = $1, claimed_until = $2 \
         WHERE id = $3 AND delivered_at IS NULL AND cancelled_at IS NULL \
           AND (claimed_until IS NULL OR claimed_until < $4)",
    )
    .bind(worker)
    .bind(lease_until)
    .bind(id)
    .bind(now)
    .execute(ex)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Everything a worker needs to send one claimed row.
#[derive(Debug, Clone, FromRow)]
pub struct Job {
    pub id: i64,
    pub channel: String,
    pub destination: String,
    pub attempts: i64,
    pub user_id: Option<i64>,
    pub webhook_id: Option<i64>,
    pub event_id: String,
    pub org_id: i64,
    pub kind: String,
    pub subject: String,
    pub body: String,
    /// What the notice says as a catalogue message, for the recipient's language.
    pub message: Option<String>,
    pub link: String,
    pub payload: String,
    pub notice_created_at: i64,
    /// The recipient's current name and address, and whether the account is still active.
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    pub user_active: Option<i64>,
    pub user_language: Option<String>,
    pub user_time_zone: Option<String>,
    pub user_country: Option<String>,
    pub webhook_url: Option<String>,
    pub webhook_secret: Option<String>,
    pub webhook_deleted_at: Option<i64>,
}

pub async fn job<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64) -> Result<Option<Job>, sqlx::Error> {
    sqlx::query_as(
        "SELECT d.id, d.channel, d.destination, d.attempts, d.user_id, d.webhook_id, \
                n.event_id, n.org_id, n.kind, n.subject, n.body, n.message, n.link, n.payload, n.created_at AS notice_created_at, \
                u.display_name AS user_name, u.email AS user_email, u.active AS user_active, u.language AS user_language, \
                u.time_zone AS user_time_zone, uo.country AS user_country, \
                w.url AS webhook_url, w.secret AS webhook_secret, w.deleted_at AS webhook_deleted_at \
         FROM notify_deliveries d JOIN notify_notices n ON n.id = d.notice_id \
         LEFT JOIN users u ON u.id = d.user_id LEFT JOIN organisations uo ON uo.id = u.organisation_id \
         LEFT JOIN notify_webhooks w ON w.id = d.webhook_id \
         WHERE d.id = $1",
    )
    .bind(id)
    .fetch_optional(ex)
    .await
}

/// Records a delivery. It holds whether or not this worker still holds the lease: the message
/// went out, and saying so keeps anyone else from sending it again.
pub async fn mark_delivered<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE notify_deliveries SET delivered_at = $1, last_attempt_at = $1, attempts = attempts + 1, \
         claimed_until = NULL, last_error = NULL WHERE id = $2 AND delivered_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(ex)
    .await
    .map(|_| ())
}

/// Records a failed attempt and when to try again, releasing the lease — only if this worker
/// still holds it: had the lease run out and another worker taken the row, releasing it would
/// let a third one send it alongside the second.
pub async fn mark_failed<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    id: i64,
    worker: &str,
    error: &str,
    now: i64,
    next_attempt_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE notify_deliveries SET attempts = attempts + 1, last_attempt_at = $1, last_error = $2, \
         next_attempt_at = $3, claimed_until = NULL WHERE id = $4 AND claimed_by = $5 AND delivered_at IS NULL",
    )
    .bind(now)
    .bind(error)
    .bind(next_attempt_at)
    .bind(id)
    .bind(worker)
    .execute(ex)
    .await
    .map(|_| ())
}

/// Ends a row that can no longer be delivered.
pub async fn cancel<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    id: i64,
    reason: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE notify_deliveries SET cancelled_at = $1, last_error = $2, claimed_until = NULL \
         WHERE id = $3 AND delivered_at IS NULL AND cancelled_at IS NULL",
    )
    .bind(now)
    .bind(reason)
    .bind(id)
    .execute(ex)
    .await
    .map(|_| ())
}

/// A delivery as listed for administrators and tests.
#[derive(Debug, Clone, FromRow)]
pub struct DeliveryRow {
    pub id: i64,
    pub event_id: String,
    pub org_id: i64,
    pub kind: String,
    pub channel: String,
    pub destination: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_attempt_at: Option<i64>,
    pub last_error: Option<String>,
    pub delivered_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub created_at: i64,
}

const DELIVERY_SELECT: &str = "SELECT d.id, n.event_id, n.org_id, n.kind, d.channel, d.destination, d.attempts, \
    d.next_attempt_at, d.last_attempt_at, d.last_error, d.delivered_at, d.cancelled_at, d.created_at \
    FROM notify_deliveries d JOIN notify_notices n ON n.id = d.notice_id";

/// Undelivered rows (all organisations when `org_id` is `None`), those with the most attempts first.
pub async fn pending_deliveries<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org_id: Option<i64>,
    min_attempts: i64,
    limit: i64,
) -> Result<Vec<DeliveryRow>, sqlx::Error> {
    // Organisation ids start at 1, so 0 stands for "all".
    sqlx::query_as(&format!(
        "{DELIVERY_SELECT} WHERE d.delivered_at IS NULL AND d.cancelled_at IS NULL AND d.attempts >= $1 \
         AND ($3 = 0 OR n.org_id = $3) ORDER BY d.attempts DESC, d.id LIMIT $2"
    ))
    .bind(min_attempts)
    .bind(limit)
    .bind(org_id.unwrap_or(0))
    .fetch_all(ex)
    .await
}

/// Every delivery row of one event (tests and diagnostics).
pub async fn deliveries_of_event<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    event_id: &str,
) -> Result<Vec<DeliveryRow>, sqlx::Error> {
    sqlx::query_as(&format!("{DELIVERY_SELECT} WHERE n.event_id = $1 ORDER BY d.id")).bind(event_id).fetch_all(ex).await
}

/// The outbox by channel, for `/metrics`: rows not yet delivered nor cancelled, the oldest
/// one's creation, and those that failed at least `failing_after` times. One pass over the
/// undelivered rows (the partial index `notify_deliveries_due_idx` holds just those).
pub async fn outbox_by_channel<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    failing_after: i64,
) -> Result<Vec<(String, i64, i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT channel, COUNT(*), MIN(created_at), SUM(CASE WHEN attempts >= $1 THEN 1 ELSE 0 END) \
         FROM notify_deliveries WHERE delivered_at IS NULL AND cancelled_at IS NULL GROUP BY channel",
    )
    .bind(failing_after)
    .fetch_all(ex)
    .await
}
