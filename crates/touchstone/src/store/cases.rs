//! SQL for cases, their obligations, timeline, thread and shares, and for alerts.

use sqlx::{Any, AnyConnection, Executor, FromRow};

use crate::model::cases::{CaseOutcome, CaseState, Stamp};

#[derive(Debug, Clone, FromRow)]
pub struct CaseRow {
    pub id: i64,
    pub org_id: i64,
    pub created_by: i64,
    pub office_country: String,
    pub regime_id: String,
    pub case_type: String,
    pub state: String,
    pub outcome: Option<String>,
    pub sheet: String,
    pub version: i64,
    pub request_hash: Option<String>,
    pub detained_at: Option<i64>,
    pub notify_due_at: Option<i64>,
    pub declarant_notified_at: Option<i64>,
    pub decided_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub(crate) const CASE_COLUMNS: &str = "id, org_id, created_by, office_country, regime_id, case_type, state, outcome, sheet, \
     version, request_hash, detained_at, notify_due_at, declarant_notified_at, decided_at, closed_at, created_at, updated_at";

#[derive(Debug, Clone, FromRow)]
pub struct ObligationRow {
    pub id: i64,
    pub case_id: i64,
    pub position: i64,
    pub party: String,
    pub party_org_id: Option<i64>,
    pub starts: String,
    pub silence: String,
    pub due_at: Option<i64>,
    pub extended: i64,
    pub answer: Option<String>,
    pub deemed: i64,
    pub answered_at: Option<i64>,
    pub answered_by: Option<String>,
    pub note: Option<String>,
    pub reminded_at: Option<i64>,
}

const OBLIGATION_COLUMNS: &str = "id, case_id, position, party, party_org_id, starts, silence, due_at, extended, \
     answer, deemed, answered_at, answered_by, note, reminded_at";

pub struct NewCaseRow<'a> {
    pub org_id: i64,
    pub created_by: i64,
    pub office_country: &'a str,
    pub regime_id: &'a str,
    pub case_type: &'a str,
    pub sheet: &'a str,
    pub idempotency_key: Option<&'a str>,
    pub request_hash: &'a str,
    pub now: i64,
}

pub async fn insert_case(conn: &mut AnyConnection, c: &NewCaseRow<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO cases (org_id, created_by, office_country, regime_id, case_type, state, sheet, idempotency_key, \
         request_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(c.org_id)
    .bind(c.created_by)
    .bind(c.office_country)
    .bind(c.regime_id)
    .bind(c.case_type)
    .bind(c.sheet)
    .bind(c.idempotency_key)
    .bind(c.request_hash)
    .bind(c.now)
    .fetch_one(conn)
    .await
}

pub async fn get_case<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64) -> Result<Option<CaseRow>, sqlx::Error> {
    // A purged case (retention) is gone for every reader; only the figures still count it.
    sqlx::query_as(&format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = $1 AND purged_at IS NULL"))
        .bind(id)
        .fetch_optional(ex)
        .await
}

pub async fn find_by_idempotency_key<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    key: &str,
) -> Result<Option<CaseRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {CASE_COLUMNS} FROM cases WHERE created_by = $1 AND idempotency_key = $2"))
        .bind(user_id)
        .bind(key)
        .fetch_optional(ex)
        .await
}

/// Saves new content if `expected_version` is current; the new version, or `None` on a conflict.
pub async fn update_case_sheet(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    case_type: &str,
    sheet: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE cases SET case_type = $1, sheet = $2, updated_at = $3, version = version + 1 \
         WHERE id = $4 AND version = $5 RETURNING version",
    )
    .bind(case_type)
    .bind(sheet)
    .bind(now)
    .bind(id)
    .bind(expected_version)
    .fetch_optional(conn)
    .await
}

/// Moves a case to `state` if it is still at `expected_version`; false when someone else moved it first.
pub async fn set_state(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    state: CaseState,
    outcome: Option<CaseOutcome>,
    stamp: Option<Stamp>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let stamp = stamp.map(|s| format!(", {} = $5", s.column())).unwrap_or_default();
    let done = sqlx::query(&format!(
        "UPDATE cases SET state = $1, outcome = $2, updated_at = $5, version = version + 1{stamp} \
         WHERE id = $3 AND version = $4"
    ))
    .bind(state.as_str())
    .bind(outcome.map(CaseOutcome::as_str))
    .bind(id)
    .bind(expected_version)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_notify_due(conn: &mut AnyConnection, id: i64, due: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE cases SET notify_due_at = $1 WHERE id = $2").bind(due).bind(id).execute(conn).await.map(|_| ())
}

pub async fn replace_brands(conn: &mut AnyConnection, case_id: i64, brands: &[(i64, i64)]) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM case_brands WHERE case_id = $1").bind(case_id).execute(&mut *conn).await?;
    for (brand_id, owner) in brands {
        sqlx::query("INSERT INTO case_brands (case_id, brand_id, owner_org_id) VALUES ($1, $2, $3)")
            .bind(case_id)
            .bind(brand_id)
            .bind(owner)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// `(brand id, brand name, owner organisation)` of the brands a case names.
pub async fn case_brands<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    case_id: i64,
) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT b.id, b.name, cb.owner_org_id FROM case_brands cb JOIN brands b ON b.id = cb.brand_id \
         WHERE cb.case_id = $1 ORDER BY b.name",
    )
    .bind(case_id)
    .fetch_all(ex)
    .await
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_obligation(
    conn: &mut AnyConnection,
    case_id: i64,
    position: i64,
    party: &str,
    party_org_id: Option<i64>,
    starts: &str,
    silence: &str,
    due_at: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO case_obligations (case_id, position, party, party_org_id, starts, silence, due_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(case_id)
    .bind(position)
    .bind(party)
    .bind(party_org_id)
    .bind(starts)
    .bind(silence)
    .bind(due_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn obligations<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    case_id: i64,
) -> Result<Vec<ObligationRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {OBLIGATION_COLUMNS} FROM case_obligations WHERE case_id = $1 ORDER BY id"))
        .bind(case_id)
        .fetch_all(ex)
        .await
}

/// `(organisation, name)` of the rights holders a case's obligations name: the administration's
/// threads on the case, named in one query.
pub async fn obligation_org_names<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    case_id: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT o.id, o.name FROM case_obligations co JOIN organisations o ON o.id = co.party_org_id \
         WHERE co.case_id = $1",
    )
    .bind(case_id)
    .fetch_all(ex)
    .await
}

/// For each of `case_ids` that has one, the earliest deadline of an obligation not yet
/// answered: `(case id, due at)`. One query for a whole list page.
pub async fn next_deadlines<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    case_ids: &[i64],
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    if case_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=case_ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT case_id, MIN(due_at) FROM case_obligations WHERE case_id IN ({}) AND answer IS NULL \
         AND due_at IS NOT NULL GROUP BY case_id",
        placeholders.join(", ")
    );
    let mut q = sqlx::query_as(&sql);
    for id in case_ids {
        q = q.bind(id);
    }
    q.fetch_all(ex).await
}

/// Records an answer unless one is already there; false when it was.
pub async fn answer_obligation(
    conn: &mut AnyConnection,
    id: i64,
    answer: &str,
    deemed: bool,
    by: &str,
    note: Option<&str>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE case_obligations SET answer = $1, deemed = $2, answered_by = $3, note = $4, answered_at = $5 \
         WHERE id = $6 AND answer IS NULL",
    )
    .bind(answer)
    .bind(super::flag(deemed))
    .bind(by)
    .bind(note)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn start_obligation(conn: &mut AnyConnection, id: i64, due_at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE case_obligations SET due_at = $1 WHERE id = $2 AND due_at IS NULL")
        .bind(due_at)
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn extend_obligation(conn: &mut AnyConnection, id: i64, due_at: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE case_obligations SET due_at = $1, extended = 1, reminded_at = NULL WHERE id = $2 AND extended = 0",
    )
    .bind(due_at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Claims the reminder of an obligation; only one process (and one pass) wins it.
pub async fn claim_reminder(conn: &mut AnyConnection, id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE case_obligations SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Open obligations of detained cases whose deadline is before `horizon`: candidates for a
/// reminder or for the consequences of silence.
pub async fn obligations_due_before<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    horizon: i64,
    limit: i64,
) -> Result<Vec<ObligationRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {} FROM case_obligations o JOIN cases c ON c.id = o.case_id \
         WHERE c.state = 'detained' AND o.answer IS NULL AND o.due_at IS NOT NULL AND o.due_at < $1 \
         ORDER BY o.due_at LIMIT $2",
        OBLIGATION_COLUMNS.split(", ").map(|c| format!("o.{c}")).collect::<Vec<_>>().join(", ")
    ))
    .bind(horizon)
    .bind(limit)
    .fetch_all(ex)
    .await
}

pub async fn add_event(
    conn: &mut AnyConnection,
    case_id: i64,
    actor: &str,
    kind: &str,
    detail: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO case_events (case_id, at, actor_label, kind, detail) VALUES ($1, $2, $3, $4, $5)")
        .bind(case_id)
        .bind(now)
        .bind(actor)
        .bind(kind)
        .bind(detail)
        .execute(conn)
        .await
        .map(|_| ())
}

/// `(at, actor, kind, detail)` in order.
pub async fn events<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    case_id: i64,
) -> Result<Vec<(i64, String, String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT at, actor_label, kind, detail FROM case_events WHERE case_id = $1 ORDER BY id")
        .bind(case_id)
        .fetch_all(ex)
        .await
}

/// Cases of organisation $1, naming a brand owned by or delegated to organisation $2, or shared
/// with organisation $3.
// A rights holder sees a case once it is notified: a draft is internal to the administration.
const VISIBLE: &str = "(c.org_id = $1 OR (c.state <> 'draft' AND c.id IN (SELECT cb.case_id FROM case_brands cb \
     WHERE cb.owner_org_id = $2 OR cb.brand_id IN (SELECT d.brand_id FROM brand_delegations d WHERE d.org_id = $2))) \
     OR c.id IN (SELECT s.case_id FROM case_shares s WHERE s.org_id = $3 AND s.withdrawn_at IS NULL))";

/// Filters for listing cases; the visibility part is always set by the domain.
pub struct CaseFilter<'a> {
    /// Cases of this organisation…
    pub org_id: Option<i64>,
    /// …or naming a brand owned by or delegated to this organisation…
    pub concerning_org_id: Option<i64>,
    /// …or shared with this organisation. All of them when the three are `None`.
    pub shared_with_org_id: Option<i64>,
    pub state: Option<&'a str>,
    pub limit: i64,
    pub offset: i64,
}

pub async fn list_cases<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    f: &CaseFilter<'_>,
) -> Result<Vec<CaseRow>, sqlx::Error> {
    let columns = CASE_COLUMNS.split(", ").map(|c| format!("c.{c}")).collect::<Vec<_>>().join(", ");
    let all = f.org_id.is_none() && f.concerning_org_id.is_none() && f.shared_with_org_id.is_none();
    sqlx::query_as(&format!(
        "SELECT {columns} FROM cases c WHERE ($7 = 1 OR {VISIBLE}) AND ($4 = '' OR c.state = $4) AND c.purged_at IS NULL \
         ORDER BY c.id DESC LIMIT $5 OFFSET $6"
    ))
    .bind(f.org_id.unwrap_or(-1))
    .bind(f.concerning_org_id.unwrap_or(-1))
    .bind(f.shared_with_org_id.unwrap_or(-1))
    .bind(f.state.unwrap_or(""))
    .bind(f.limit)
    .bind(f.offset)
    .bind(super::flag(all))
    .fetch_all(ex)
    .await
}

pub async fn is_shared_with<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    case_id: i64,
    org_id: i64,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM case_shares WHERE case_id = $1 AND org_id = $2 AND withdrawn_at IS NULL",
    )
    .bind(case_id)
    .bind(org_id)
    .fetch_one(ex)
    .await?;
    Ok(n > 0)
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_message(
    conn: &mut AnyConnection,
    case_id: i64,
    thread_org_id: i64,
    author_user_id: i64,
    author_org_id: i64,
    author_label: &str,
    body: &str,
    attachments: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO case_messages (case_id, thread_org_id, author_user_id, author_org_id, author_label, body, \
         attachments, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(case_id)
    .bind(thread_org_id)
    .bind(author_user_id)
    .bind(author_org_id)
    .bind(author_label)
    .bind(body)
    .bind(attachments)
    .bind(now)
    .fetch_one(conn)
    .await
}

#[derive(Debug, Clone, FromRow)]
pub struct MessageRow {
    pub id: i64,
    pub thread_org_id: i64,
    pub author_org_id: i64,
    pub author_label: String,
    pub body: String,
    pub attachments: String,
    pub at: i64,
}

pub async fn messages<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    case_id: i64,
    thread_org_id: Option<i64>,
) -> Result<Vec<MessageRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, thread_org_id, author_org_id, author_label, body, attachments, at FROM case_messages \
         WHERE case_id = $1 AND ($2 < 0 OR thread_org_id = $2) ORDER BY id",
    )
    .bind(case_id)
    .bind(thread_org_id.unwrap_or(-1))
    .fetch_all(ex)
    .await
}

/// A message's case, thread and attachments (JSON).
pub async fn message_attachments<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<(i64, i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT case_id, thread_org_id, attachments FROM case_messages WHERE id = $1")
        .bind(id)
        .fetch_optional(ex)
        .await
}

pub async fn last_read<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    case_id: i64,
    user_id: i64,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT thread_org_id, last_read_id FROM case_message_reads WHERE case_id = $1 AND user_id = $2")
        .bind(case_id)
        .bind(user_id)
        .fetch_all(ex)
        .await
}

pub async fn mark_read(
    conn: &mut AnyConnection,
    case_id: i64,
    thread_org_id: i64,
    user_id: i64,
    last_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO case_message_reads (case_id, thread_org_id, user_id, last_read_id) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (case_id, thread_org_id, user_id) DO UPDATE SET last_read_id = excluded.last_read_id \
         WHERE case_message_reads.last_read_id < excluded.last_read_id",
    )
    .bind(case_id)
    .bind(thread_org_id)
    .bind(user_id)
    .bind(last_id)
    .execute(conn)
    .await
    .map(|_| ())
}

/// `(state, outcome, count)` over the cases the organisations may see (all when both are `None`).
pub async fn outcome_counts<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org_id: Option<i64>,
    concerning_org_id: Option<i64>,
) -> Result<Vec<(String, Option<String>, i64)>, sqlx::Error> {
    let all = org_id.is_none() && concerning_org_id.is_none();
    sqlx::query_as(&format!(
        "SELECT c.state, c.outcome, COUNT(*) FROM cases c WHERE ($4 = 1 OR {VISIBLE}) \
         GROUP BY c.state, c.outcome ORDER BY c.state"
    ))
    .bind(org_id.unwrap_or(-1))
    .bind(concerning_org_id.unwrap_or(-1))
    .bind(-1_i64)
    .bind(super::flag(all))
    .fetch_all(ex)
    .await
}

// Alerts.

#[derive(Debug, Clone, FromRow)]
pub struct AlertRow {
    pub id: i64,
    pub owner_org_id: i64,
    pub status: String,
    pub valid_from: i64,
    pub valid_to: i64,
    pub sheet: String,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const ALERT_COLUMNS: &str = "id, owner_org_id, status, valid_from, valid_to, sheet, version, created_at, updated_at";

pub async fn insert_alert(
    conn: &mut AnyConnection,
    owner: i64,
    title: &str,
    valid_from: i64,
    valid_to: i64,
    sheet: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO alerts (owner_org_id, title, status, valid_from, valid_to, sheet, created_at, updated_at) \
         VALUES ($1, $2, 'active', $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(owner)
    .bind(title)
    .bind(valid_from)
    .bind(valid_to)
    .bind(sheet)
    .bind(now)
    .fetch_one(conn)
    .await
}

#[allow(clippy::too_many_arguments)]
pub async fn update_alert(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    title: &str,
    status: &str,
    valid_from: i64,
    valid_to: i64,
    sheet: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE alerts SET title = $1, status = $2, valid_from = $3, valid_to = $4, sheet = $5, updated_at = $6, \
         version = version + 1 WHERE id = $7 AND version = $8 RETURNING version",
    )
    .bind(title)
    .bind(status)
    .bind(valid_from)
    .bind(valid_to)
    .bind(sheet)
    .bind(now)
    .bind(id)
    .bind(expected_version)
    .fetch_optional(conn)
    .await
}

pub async fn get_alert<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64) -> Result<Option<AlertRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {ALERT_COLUMNS} FROM alerts WHERE id = $1")).bind(id).fetch_optional(ex).await
}

/// Alerts in force at `now`.
pub async fn active_alerts<'c, E: Executor<'c, Database = Any>>(ex: E, now: i64) -> Result<Vec<AlertRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {ALERT_COLUMNS} FROM alerts WHERE status = 'active' AND valid_from <= $1 AND valid_to >= $1 \
         ORDER BY id DESC"
    ))
    .bind(now)
    .fetch_all(ex)
    .await
}

pub async fn alerts_of<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    owner: Option<i64>,
    limit: i64,
    offset: i64,
) -> Result<Vec<AlertRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {ALERT_COLUMNS} FROM alerts WHERE ($1 < 0 OR owner_org_id = $1) ORDER BY id DESC LIMIT $2 OFFSET $3"
    ))
    .bind(owner.unwrap_or(-1))
    .bind(limit)
    .bind(offset)
    .fetch_all(ex)
    .await
}

/// Records a match unless it is known; true when it is new.
pub async fn insert_match(
    conn: &mut AnyConnection,
    case_id: i64,
    alert_id: i64,
    reasons: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO case_alert_matches (case_id, alert_id, reasons, matched_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (case_id, alert_id) DO NOTHING",
    )
    .bind(case_id)
    .bind(alert_id)
    .bind(reasons)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// `(alert id, owner organisation, alert sheet, reasons)` of the alerts a case matched.
pub async fn matches_of_case<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    case_id: i64,
) -> Result<Vec<(i64, i64, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.id, a.owner_org_id, a.sheet, m.reasons FROM case_alert_matches m JOIN alerts a ON a.id = m.alert_id \
         WHERE m.case_id = $1 ORDER BY a.id",
    )
    .bind(case_id)
    .fetch_all(ex)
    .await
}

/// Shares a case with an agency, or renews a withdrawn share.
pub async fn share(
    conn: &mut AnyConnection,
    case_id: i64,
    org_id: i64,
    note: &str,
    by: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO case_shares (case_id, org_id, note, shared_by, shared_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (case_id, org_id) DO UPDATE SET note = excluded.note, shared_by = excluded.shared_by, \
         shared_at = excluded.shared_at, withdrawn_at = NULL",
    )
    .bind(case_id)
    .bind(org_id)
    .bind(note)
    .bind(by)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn withdraw_share(
    conn: &mut AnyConnection,
    case_id: i64,
    org_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE case_shares SET withdrawn_at = $1 WHERE case_id = $2 AND org_id = $3 AND withdrawn_at IS NULL",
    )
    .bind(now)
    .bind(case_id)
    .bind(org_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// `(id, name)` of the brands in `scope` that may match one of `needles` (lower-case text): those
/// whose lower-cased name contains a needle, and every brand whose name is not plain ASCII (the
/// caller compares those with its own folding of accents, which SQL cannot share). A query by
/// name, so that naming brands never reads the whole catalog.
pub async fn brands_matching<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    scope: super::catalog::BrandScope,
    needles: &[String],
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    if needles.is_empty() {
        return Ok(Vec::new());
    }
    let (scope_sql, org) = match scope {
        super::catalog::BrandScope::All => ("1 = 1", None),
        super::catalog::BrandScope::Published => ("b.published IS NOT NULL", None),
        super::catalog::BrandScope::ActingFor(org) => {
            ("(b.owner_org_id = $1 OR b.id IN (SELECT brand_id FROM brand_delegations WHERE org_id = $1))", Some(org))
        }
    };
    let first = if org.is_some() { 2 } else { 1 };
    // octet_length differs from length for a name with a character beyond ASCII (both engines).
    let likes: Vec<String> =
        (first..first + needles.len()).map(|i| format!(" OR LOWER(b.name) LIKE ${i} ESCAPE '\\'")).collect();
    let sql = format!(
        "SELECT b.id, b.name FROM brands b WHERE {scope_sql} AND (octet_length(b.name) <> length(b.name){}) \
         ORDER BY b.name",
        likes.concat()
    );
    let mut q = sqlx::query_as(&sql);
    if let Some(org) = org {
        q = q.bind(org);
    }
    for n in needles {
        let escaped = n.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        q = q.bind(format!("%{escaped}%"));
    }
    q.fetch_all(ex).await
}
