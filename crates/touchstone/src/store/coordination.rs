//! SQL for access grants, operations, their targets and planned actions, and hits.

use sqlx::{Any, AnyConnection, Executor, FromRow};

#[derive(Debug, Clone, FromRow)]
pub struct GrantRow {
    pub id: i64,
    pub grantor_org_id: i64,
    pub grantee_org_id: i64,
    pub scopes: String,
    pub reason: String,
    pub expires_at: i64,
    pub created_by: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

const GRANT_COLUMNS: &str =
    "id, grantor_org_id, grantee_org_id, scopes, reason, expires_at, created_by, created_at, revoked_at";

#[allow(clippy::too_many_arguments)]
pub async fn insert_grant(
    conn: &mut AnyConnection,
    grantor: i64,
    grantee: i64,
    scopes: &str,
    reason: &str,
    expires_at: i64,
    by: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO access_grants (grantor_org_id, grantee_org_id, scopes, reason, expires_at, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(grantor)
    .bind(grantee)
    .bind(scopes)
    .bind(reason)
    .bind(expires_at)
    .bind(by)
    .bind(now)
    .fetch_one(conn)
    .await
}

pub async fn get_grant<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64) -> Result<Option<GrantRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {GRANT_COLUMNS} FROM access_grants WHERE id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await
}

/// Grants given or received by `org` (all of them when `None`), newest first.
pub async fn grants_of<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org: Option<i64>,
) -> Result<Vec<GrantRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {GRANT_COLUMNS} FROM access_grants WHERE $1 < 0 OR grantor_org_id = $1 OR grantee_org_id = $1 \
         ORDER BY id DESC LIMIT 500"
    ))
    .bind(org.unwrap_or(-1))
    .fetch_all(ex)
    .await
}

/// The scopes of `org`'s grants in force at `now`, as their comma-separated lists.
pub async fn active_scopes<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org: i64,
    now: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT scopes FROM access_grants WHERE grantee_org_id = $1 AND revoked_at IS NULL AND expires_at > $2",
    )
    .bind(org)
    .bind(now)
    .fetch_all(ex)
    .await
}

pub async fn revoke_grant(conn: &mut AnyConnection, id: i64, by: &str, now: i64) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE access_grants SET revoked_at = $1, revoked_by = $2 WHERE id = $3 AND revoked_at IS NULL")
            .bind(now)
            .bind(by)
            .bind(id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Changes a grant still in force; false when it was revoked meanwhile.
pub async fn update_grant(
    conn: &mut AnyConnection,
    id: i64,
    scopes: &str,
    reason: &str,
    expires_at: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE access_grants SET scopes = $1, reason = $2, expires_at = $3 WHERE id = $4 AND revoked_at IS NULL",
    )
    .bind(scopes)
    .bind(reason)
    .bind(expires_at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, FromRow)]
pub struct AccessRequestRow {
    pub id: i64,
    pub org_id: i64,
    pub org_name: String,
    pub org_country: String,
    pub requested_by: String,
    pub scopes: String,
    pub reason: String,
    pub created_at: i64,
    pub outcome: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<i64>,
    pub grant_id: Option<i64>,
}

const ACCESS_REQUEST_SELECT: &str = "SELECT r.id, r.org_id, o.name AS org_name, o.country AS org_country, \
     r.requested_by, r.scopes, r.reason, r.created_at, r.outcome, r.decided_by, r.decided_at, r.grant_id \
     FROM access_requests r JOIN organisations o ON o.id = r.org_id";

pub async fn insert_access_request(
    conn: &mut AnyConnection,
    org: i64,
    by: &str,
    scopes: &str,
    reason: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO access_requests (org_id, requested_by, scopes, reason, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(org)
    .bind(by)
    .bind(scopes)
    .bind(reason)
    .bind(now)
    .fetch_one(conn)
    .await
}

pub async fn get_access_request<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<AccessRequestRow>, sqlx::Error> {
    sqlx::query_as(&format!("{ACCESS_REQUEST_SELECT} WHERE r.id = $1")).bind(id).fetch_optional(ex).await
}

/// Requests made by agencies of `country` (every country when `None`), or by `org` alone, newest first.
pub async fn access_requests<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org: Option<i64>,
    country: Option<&str>,
) -> Result<Vec<AccessRequestRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{ACCESS_REQUEST_SELECT} WHERE ($1 < 0 OR r.org_id = $1) AND ($2 = '' OR o.country = $2) \
         ORDER BY r.id DESC LIMIT 200"
    ))
    .bind(org.unwrap_or(-1))
    .bind(country.unwrap_or(""))
    .fetch_all(ex)
    .await
}

/// Closes an open request; false when someone closed it first.
pub async fn decide_access_request(
    conn: &mut AnyConnection,
    id: i64,
    outcome: &str,
    by: &str,
    grant_id: Option<i64>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE access_requests SET outcome = $1, decided_by = $2, grant_id = $3, decided_at = $4 \
         WHERE id = $5 AND outcome IS NULL",
    )
    .bind(outcome)
    .bind(by)
    .bind(grant_id)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, FromRow)]
pub struct OperationRow {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub kind: String,
    pub status: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub contact: String,
    pub confidentiality: String,
    pub tell_detaining_officer: i64,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const OPERATION_COLUMNS: &str = "id, org_id, name, kind, status, starts_at, ends_at, contact, confidentiality, \
     tell_detaining_officer, version, created_at, updated_at";

pub struct OperationFields<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub status: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
    pub contact: &'a str,
    pub confidentiality: &'a str,
    pub tell_detaining_officer: bool,
}

pub async fn insert_operation(
    conn: &mut AnyConnection,
    org: i64,
    f: &OperationFields<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO operations (org_id, name, kind, status, starts_at, ends_at, contact, confidentiality, \
         tell_detaining_officer, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(org)
    .bind(f.name)
    .bind(f.kind)
    .bind(f.status)
    .bind(f.starts_at)
    .bind(f.ends_at)
    .bind(f.contact)
    .bind(f.confidentiality)
    .bind(super::flag(f.tell_detaining_officer))
    .bind(now)
    .fetch_one(conn)
    .await
}

pub async fn update_operation(
    conn: &mut AnyConnection,
    id: i64,
    version: i64,
    f: &OperationFields<'_>,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE operations SET name = $1, kind = $2, status = $3, starts_at = $4, ends_at = $5, contact = $6, \
         confidentiality = $7, tell_detaining_officer = $8, updated_at = $9, version = version + 1 \
         WHERE id = $10 AND version = $11 RETURNING version",
    )
    .bind(f.name)
    .bind(f.kind)
    .bind(f.status)
    .bind(f.starts_at)
    .bind(f.ends_at)
    .bind(f.contact)
    .bind(f.confidentiality)
    .bind(super::flag(f.tell_detaining_officer))
    .bind(now)
    .bind(id)
    .bind(version)
    .fetch_optional(conn)
    .await
}

pub async fn get_operation<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<OperationRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {OPERATION_COLUMNS} FROM operations WHERE id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await
}

pub async fn operations_of<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org: i64,
) -> Result<Vec<OperationRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {OPERATION_COLUMNS} FROM operations WHERE org_id = $1 ORDER BY id DESC LIMIT 500"))
        .bind(org)
        .fetch_all(ex)
        .await
}

#[derive(Debug, Clone, FromRow)]
pub struct TargetRow {
    pub id: i64,
    pub operation_id: i64,
    pub org_id: i64,
    pub kind: String,
    pub label: String,
    pub detail: String,
    pub match_key: String,
    pub active: i64,
    pub created_at: i64,
}

/// A target to store: its kind, the plaintext label and detail only its agency reads, and its
/// match key.
pub struct TargetInsert<'a> {
    pub kind: &'a str,
    pub label: &'a str,
    pub detail: &'a str,
    pub match_key: &'a str,
}

/// Rows per `INSERT`: 7 parameters each stays well under SQLite's and PostgreSQL's limits.
const TARGETS_PER_STATEMENT: usize = 400;

/// Writes the keyed forms of stored targets: (target id, digest, the form's rule).
pub async fn insert_target_keys(conn: &mut AnyConnection, keys: &[(i64, String, &str)]) -> Result<(), sqlx::Error> {
    let mut seen = std::collections::HashSet::new();
    let keys: Vec<&(i64, String, &str)> = keys.iter().filter(|(t, k, _)| seen.insert((*t, k.clone()))).collect();
    for chunk in keys.chunks(TARGETS_PER_STATEMENT) {
        let values: Vec<String> =
            (0..chunk.len()).map(|i| format!("(${}, ${}, ${})", i * 3 + 1, i * 3 + 2, i * 3 + 3)).collect();
        let sql = format!("INSERT INTO target_match_keys (target_id, match_key, form) VALUES {}", values.join(", "));
        let mut q = sqlx::query(&sql);
        for (target, key, form) in chunk {
            q = q.bind(*target).bind(key.as_str()).bind(*form);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Stores `rows` with multi-row `INSERT`s (one statement per 400 rows, not one per target) and
/// returns their ids in the order given.
pub async fn insert_targets(
    conn: &mut AnyConnection,
    operation_id: i64,
    org: i64,
    rows: &[TargetInsert<'_>],
    now: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(TARGETS_PER_STATEMENT) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let b = i * 7;
                format!("(${}, ${}, ${}, ${}, ${}, ${}, ${})", b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7)
            })
            .collect();
        // The returned rows' order is not promised by SQL, so each id is matched back to its
        // row by (key, label); identical rows are interchangeable.
        let sql = format!(
            "INSERT INTO operation_targets (operation_id, org_id, kind, label, detail, match_key, created_at) \
             VALUES {} RETURNING id, match_key, label",
            values.join(", ")
        );
        let mut q = sqlx::query_as::<_, (i64, String, String)>(&sql);
        for r in chunk {
            q = q.bind(operation_id).bind(org).bind(r.kind).bind(r.label).bind(r.detail).bind(r.match_key).bind(now);
        }
        let mut returned: std::collections::HashMap<(String, String), Vec<i64>> = std::collections::HashMap::new();
        for (id, key, label) in q.fetch_all(&mut *conn).await? {
            returned.entry((key, label)).or_default().push(id);
        }
        for list in returned.values_mut() {
            list.sort_unstable_by(|a, b| b.cmp(a));
        }
        for r in chunk {
            let id = returned
                .get_mut(&(r.match_key.to_string(), r.label.to_string()))
                .and_then(Vec::pop)
                .ok_or_else(|| sqlx::Error::Protocol("a stored target came back without its id".into()))?;
            ids.push(id);
        }
    }
    Ok(ids)
}

pub async fn targets_of<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    operation_id: i64,
) -> Result<Vec<TargetRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, operation_id, org_id, kind, label, detail, match_key, active, created_at FROM operation_targets \
         WHERE operation_id = $1 ORDER BY id",
    )
    .bind(operation_id)
    .fetch_all(ex)
    .await
}

/// Active targets of open operations carrying one of `keys`: `(target id, operation id, org, key, label)`.
pub async fn targets_with_keys<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    keys: &[String],
) -> Result<Vec<(i64, i64, i64, String, String)>, sqlx::Error> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=keys.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT t.id, t.operation_id, t.org_id, k.match_key, t.label FROM target_match_keys k \
         JOIN operation_targets t ON t.id = k.target_id JOIN operations o ON o.id = t.operation_id \
         WHERE k.match_key IN ({}) AND t.active = 1 AND o.status <> 'closed'",
        placeholders.join(", ")
    );
    let mut q = sqlx::query_as(&sql);
    for k in keys {
        q = q.bind(k);
    }
    q.fetch_all(ex).await
}

/// Replaces the keyed forms a detention is matched on (none for a draft).
pub async fn set_case_keys(
    tx: &mut crate::store::Tx,
    case_id: i64,
    keys: &[(String, String, &str)],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM case_match_keys WHERE case_id = $1").bind(case_id).execute(&mut **tx).await?;
    let mut seen = std::collections::HashSet::new();
    for (key, label, form) in keys {
        if !seen.insert(key) {
            continue;
        }
        sqlx::query("INSERT INTO case_match_keys (case_id, match_key, label, form) VALUES ($1, $2, $3, $4)")
            .bind(case_id)
            .bind(key)
            .bind(label)
            .bind(*form)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Detentions (not drafts) with one of `keys`: (case id, its organisation, the key, its label).
pub async fn cases_with_keys<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    keys: &[String],
) -> Result<Vec<(i64, i64, String, String, String, i64, String)>, sqlx::Error> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=keys.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT k.case_id, c.org_id, k.match_key, k.label, c.office_country, c.created_at, k.form \
         FROM case_match_keys k JOIN cases c ON c.id = k.case_id \
         WHERE k.match_key IN ({}) AND c.state <> 'draft'",
        placeholders.join(", ")
    );
    let mut q = sqlx::query_as(&sql);
    for k in keys {
        q = q.bind(k);
    }
    q.fetch_all(ex).await
}

/// Who recorded a detention: their name and e-mail, to be called about a hit.
pub async fn case_recorder<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    case_id: i64,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT u.display_name, u.email FROM cases c JOIN users u ON u.id = c.created_by WHERE c.id = $1")
        .bind(case_id)
        .fetch_optional(ex)
        .await
}

#[derive(Debug, Clone, FromRow)]
pub struct EventRow {
    pub id: i64,
    pub operation_id: i64,
    pub org_id: i64,
    pub kind: String,
    pub lat: f64,
    pub lon: f64,
    pub radius_m: f64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub note: String,
}

const EVENT_COLUMNS: &str = "id, operation_id, org_id, kind, lat, lon, radius_m, starts_at, ends_at, note";

#[allow(clippy::too_many_arguments)]
pub async fn insert_event(
    conn: &mut AnyConnection,
    operation_id: i64,
    org: i64,
    kind: &str,
    lat: f64,
    lon: f64,
    radius_m: f64,
    starts_at: i64,
    ends_at: i64,
    note: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO operation_events (operation_id, org_id, kind, lat, lon, radius_m, starts_at, ends_at, note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(operation_id)
    .bind(org)
    .bind(kind)
    .bind(lat)
    .bind(lon)
    .bind(radius_m)
    .bind(starts_at)
    .bind(ends_at)
    .bind(note)
    .bind(now)
    .fetch_one(conn)
    .await
}

pub async fn events_of<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    operation_id: i64,
) -> Result<Vec<EventRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {EVENT_COLUMNS} FROM operation_events WHERE operation_id = $1 ORDER BY starts_at"))
        .bind(operation_id)
        .fetch_all(ex)
        .await
}

/// Active planned actions in a latitude band whose time window meets `[from, to]`. No action
/// lasts longer than `longest_ms`, which bounds the start times to read in the index.
pub async fn events_near<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    lat_min: f64,
    lat_max: f64,
    from: i64,
    to: i64,
    longest_ms: i64,
) -> Result<Vec<EventRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM operation_events WHERE lat >= $1 AND lat <= $2 AND starts_at <= $4 \
         AND starts_at >= $5 AND ends_at >= $3 AND active = 1"
    ))
    .bind(lat_min)
    .bind(lat_max)
    .bind(from)
    .bind(to)
    .bind(from - longest_ms)
    .fetch_all(ex)
    .await
}

#[derive(Debug, Clone, FromRow)]
pub struct HitRow {
    pub id: i64,
    pub org_id: i64,
    pub operation_id: Option<i64>,
    pub own_item_kind: String,
    pub own_item_id: i64,
    pub own_item_label: String,
    pub other_org_id: i64,
    pub other_contact: String,
    pub match_kind: String,
    pub match_form: Option<String>,
    pub created_at: i64,
    pub read_at: Option<i64>,
    pub hit_key: String,
    pub ack_outcome: Option<String>,
    pub ack_note: Option<String>,
    pub ack_by: Option<String>,
    pub ack_at: Option<i64>,
    /// How the other side acknowledged the same hit, if it did.
    pub other_ack_outcome: Option<String>,
}

pub struct NewHit<'a> {
    pub hit_key: &'a str,
    pub org_id: i64,
    pub operation_id: Option<i64>,
    pub own_item_kind: &'a str,
    pub own_item_id: i64,
    pub own_item_label: &'a str,
    pub other_org_id: i64,
    pub other_contact: &'a str,
    pub match_kind: &'a str,
    /// Which keyed form met (`name`, `word_set`, `words_joined`, `transliterated`, `spelling`).
    pub match_form: &'a str,
}

/// Records one side of a hit unless known; true when new.
pub async fn insert_hit(conn: &mut AnyConnection, h: &NewHit<'_>, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO coordination_hits (hit_key, org_id, operation_id, own_item_kind, own_item_id, own_item_label, \
         other_org_id, other_contact, match_kind, match_form, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (hit_key, org_id) DO NOTHING",
    )
    .bind(h.hit_key)
    .bind(h.org_id)
    .bind(h.operation_id)
    .bind(h.own_item_kind)
    .bind(h.own_item_id)
    .bind(h.own_item_label)
    .bind(h.other_org_id)
    .bind(h.other_contact)
    .bind(h.match_kind)
    .bind(h.match_form)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn hits_of<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org: Option<i64>,
    limit: i64,
) -> Result<Vec<HitRow>, sqlx::Error> {
    sqlx::query_as(&format!("{HIT_SELECT} WHERE $1 < 0 OR h.org_id = $1 ORDER BY h.id DESC LIMIT $2"))
        .bind(org.unwrap_or(-1))
        .bind(limit)
        .fetch_all(ex)
        .await
}

const HIT_SELECT: &str = "SELECT h.id, h.org_id, h.operation_id, h.own_item_kind, h.own_item_id, h.own_item_label, \
     h.other_org_id, h.other_contact, h.match_kind, h.match_form, h.created_at, h.read_at, h.hit_key, h.ack_outcome, \
     h.ack_note, h.ack_by, h.ack_at, o.ack_outcome AS other_ack_outcome FROM coordination_hits h \
     LEFT JOIN coordination_hits o ON o.hit_key = h.hit_key AND o.org_id = h.other_org_id";

pub async fn get_hit<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64) -> Result<Option<HitRow>, sqlx::Error> {
    sqlx::query_as(&format!("{HIT_SELECT} WHERE h.id = $1")).bind(id).fetch_optional(ex).await
}

/// The hits on one of an organisation's own items (a case, an operation's targets and actions).
pub async fn hits_on<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org: i64,
    operation: Option<i64>,
    case: Option<i64>,
) -> Result<Vec<HitRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{HIT_SELECT} WHERE h.org_id = $1 AND (h.operation_id = $2 OR (h.own_item_kind = 'detention' AND h.own_item_id = $3)) \
         ORDER BY h.id DESC LIMIT 200"
    ))
    .bind(org)
    .bind(operation.unwrap_or(-1))
    .bind(case.unwrap_or(-1))
    .fetch_all(ex)
    .await
}

/// Records a side's acknowledgement once; false when it was already acknowledged.
pub async fn acknowledge_hit(
    conn: &mut AnyConnection,
    id: i64,
    outcome: &str,
    note: Option<&str>,
    by: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE coordination_hits SET ack_outcome = $1, ack_note = $2, ack_by = $3, ack_at = $4 \
         WHERE id = $5 AND ack_at IS NULL",
    )
    .bind(outcome)
    .bind(note)
    .bind(by)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Unacknowledged hits older than `before`, not recalled yet: (id, org, own item label).
pub async fn hits_to_remind<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    before: i64,
) -> Result<Vec<(i64, i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, org_id, own_item_label FROM coordination_hits \
         WHERE ack_at IS NULL AND reminded_at IS NULL AND created_at < $1 ORDER BY id LIMIT 500",
    )
    .bind(before)
    .fetch_all(ex)
    .await
}

/// Marks a hit recalled; false when another node did it first.
pub async fn mark_reminded(conn: &mut AnyConnection, id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE coordination_hits SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn cursor<'c, E: Executor<'c, Database = Any>>(ex: E, name: &str) -> Result<i64, sqlx::Error> {
    Ok(sqlx::query_scalar("SELECT position FROM worker_cursors WHERE name = $1")
        .bind(name)
        .fetch_optional(ex)
        .await?
        .unwrap_or(0))
}

pub async fn set_cursor(conn: &mut AnyConnection, name: &str, position: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO worker_cursors (name, position) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE \
         SET position = excluded.position WHERE worker_cursors.position < excluded.position",
    )
    .bind(name)
    .bind(position)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Cases changed since `after` (epoch ms), oldest first: `(id, org, updated_at, state, sheet)`.
#[derive(Debug, Clone, FromRow)]
pub struct ChangedCase {
    pub id: i64,
    pub org_id: i64,
    pub updated_at: i64,
    pub state: String,
    pub sheet: String,
    pub office_country: String,
    pub created_at: i64,
}

/// Records that a case was matched as it stood at `updated_at` (in the transaction that keeps
/// its keys); a case changed since stays to be matched again.
pub async fn set_case_matched(tx: &mut crate::store::Tx, case_id: i64, updated_at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE cases SET matched_at = $2 WHERE id = $1 AND (matched_at IS NULL OR matched_at < $2)")
        .bind(case_id)
        .bind(updated_at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Cases changed after `after` and not matched as they stand now, oldest change first.
pub async fn cases_changed_since<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    after: i64,
    limit: i64,
) -> Result<Vec<ChangedCase>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, org_id, updated_at, state, sheet, office_country, created_at FROM cases WHERE updated_at > $1 \
         AND (matched_at IS NULL OR matched_at < updated_at) ORDER BY updated_at, id LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(ex)
    .await
}
