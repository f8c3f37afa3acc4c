//! SQL of serial numbers and scan events (`product_serials`, `scan_events`): serials by their
//! keyed hash only, never in plain text; and the brands' connected verification services
//! (`verification_services`).

use sqlx::{AnyConnection, AnyPool, Row};

use super::Tx;

/// A registered serial, as stored (the serial itself is only its key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSerial {
    pub serial_key: String,
    pub batch: String,
    /// YYMMDD, as AI (17) writes it.
    pub expiry: String,
    pub market: Option<String>,
    pub status: String,
    pub updated_at: i64,
}

fn serial_of(r: &sqlx::any::AnyRow) -> Result<StoredSerial, sqlx::Error> {
    Ok(StoredSerial {
        serial_key: r.try_get("serial_key")?,
        batch: r.try_get("batch")?,
        expiry: r.try_get("expiry")?,
        market: r.try_get("market")?,
        status: r.try_get("status")?,
        updated_at: r.try_get("updated_at")?,
    })
}

const SERIAL_COLUMNS: &str = "serial_key, batch, expiry, market, status, updated_at";

/// The stored serials of `product_id` among `keys` (at most a few hundred at a time).
pub async fn serials_by_keys(pool: &AnyPool, product_id: i64, keys: &[&str]) -> Result<Vec<StoredSerial>, sqlx::Error> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (0..keys.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT {SERIAL_COLUMNS} FROM product_serials WHERE product_id = $1 AND serial_key IN ({})",
        marks.join(", ")
    );
    let mut q = sqlx::query(&sql).bind(product_id);
    for k in keys {
        q = q.bind(*k);
    }
    q.fetch_all(pool).await?.iter().map(serial_of).collect()
}

/// One serial to write, with its key.
pub struct SerialWrite<'a> {
    pub serial_key: &'a str,
    pub batch: &'a str,
    pub expiry: &'a str,
    pub market: Option<&'a str>,
    pub status: &'a str,
}

/// Inserts or replaces serials in one statement per 500 (7 parameters each, under both
/// engines' limits on bound parameters).
pub async fn upsert_serials(
    tx: &mut Tx,
    product_id: i64,
    rows: &[SerialWrite<'_>],
    now: i64,
) -> Result<(), sqlx::Error> {
    for chunk in rows.chunks(500) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let b = i * 7;
                format!("(${}, ${}, ${}, ${}, ${}, ${}, ${})", b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7)
            })
            .collect();
        let sql = format!(
            "INSERT INTO product_serials (product_id, serial_key, batch, expiry, market, status, updated_at) VALUES {} \
             ON CONFLICT (product_id, serial_key) DO UPDATE SET batch = excluded.batch, expiry = excluded.expiry, \
             market = excluded.market, status = excluded.status, updated_at = excluded.updated_at",
            values.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for r in chunk {
            q = q
                .bind(product_id)
                .bind(r.serial_key)
                .bind(r.batch)
                .bind(r.expiry)
                .bind(r.market)
                .bind(r.status)
                .bind(now);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Which serials a status change applies to.
pub enum Selection<'a> {
    Serial(&'a str),
    Batch(&'a str),
}

impl Selection<'_> {
    fn clause(&self) -> (&'static str, &str) {
        match self {
            Selection::Serial(k) => ("serial_key = $2", k),
            Selection::Batch(b) => ("batch = $2", b),
        }
    }
}

/// How many serials of the product the selection names.
pub async fn count_selected(tx: &mut Tx, product_id: i64, sel: &Selection<'_>) -> Result<i64, sqlx::Error> {
    let (clause, value) = sel.clause();
    let sql = format!("SELECT COUNT(*) FROM product_serials WHERE product_id = $1 AND {clause}");
    sqlx::query_scalar(&sql).bind(product_id).bind(value).fetch_one(&mut **tx).await
}

/// Sets the status of the selected serials that have another; returns how many changed.
pub async fn set_status(
    tx: &mut Tx,
    product_id: i64,
    sel: &Selection<'_>,
    status: &str,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let (clause, value) = sel.clause();
    let sql = format!(
        "UPDATE product_serials SET status = $3, updated_at = $4 WHERE product_id = $1 AND {clause} AND status <> $3"
    );
    let done = sqlx::query(&sql).bind(product_id).bind(value).bind(status).bind(now).execute(&mut **tx).await?;
    Ok(done.rows_affected())
}

/// A page of the product's serials in key order, after `after`, optionally of one batch.
pub async fn list_serials(
    pool: &AnyPool,
    product_id: i64,
    batch: Option<&str>,
    after: &str,
    limit: i64,
) -> Result<Vec<StoredSerial>, sqlx::Error> {
    let sql = format!(
        "SELECT {SERIAL_COLUMNS} FROM product_serials WHERE product_id = $1 AND serial_key > $2 \
         AND ($3 = '' OR batch = $3) ORDER BY serial_key LIMIT $4"
    );
    sqlx::query(&sql)
        .bind(product_id)
        .bind(after)
        .bind(batch.unwrap_or(""))
        .bind(limit)
        .fetch_all(pool)
        .await?
        .iter()
        .map(serial_of)
        .collect()
}

/// Whether the product has any serial registered.
pub async fn has_serials(conn: &mut AnyConnection, product_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM product_serials WHERE product_id = $1 LIMIT 1")
        .bind(product_id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

pub async fn serial(conn: &mut AnyConnection, product_id: i64, key: &str) -> Result<Option<StoredSerial>, sqlx::Error> {
    let sql = format!("SELECT {SERIAL_COLUMNS} FROM product_serials WHERE product_id = $1 AND serial_key = $2");
    sqlx::query(&sql).bind(product_id).bind(key).fetch_optional(conn).await?.as_ref().map(serial_of).transpose()
}

/// Earlier scans of one serial since an instant, per country: (country, scans, last scan).
pub async fn scans_since(
    conn: &mut AnyConnection,
    product_id: i64,
    key: &str,
    since: i64,
) -> Result<Vec<(String, i64, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT country, COUNT(*) AS scans, MAX(scanned_at) AS last_at FROM scan_events \
         WHERE product_id = $1 AND serial_key = $2 AND scanned_at >= $3 GROUP BY country ORDER BY country",
    )
    .bind(product_id)
    .bind(key)
    .bind(since)
    .fetch_all(conn)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("country")?, r.try_get("scans")?, r.try_get("last_at")?))).collect()
}

pub async fn insert_scan(
    conn: &mut AnyConnection,
    product_id: i64,
    key: &str,
    country: &str,
    verdict: &str,
    reason: Option<&str>,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO scan_events (product_id, serial_key, country, verdict, reason, scanned_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(product_id)
    .bind(key)
    .bind(country)
    .bind(verdict)
    .bind(reason)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The product's scans by country and verdict: (country, verdict, scans, last scan).
pub async fn scan_counts(pool: &AnyPool, product_id: i64) -> Result<Vec<(String, String, i64, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT country, verdict, COUNT(*) AS scans, MAX(scanned_at) AS last_at FROM scan_events \
         WHERE product_id = $1 GROUP BY country, verdict ORDER BY country, verdict",
    )
    .bind(product_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("country")?, r.try_get("verdict")?, r.try_get("scans")?, r.try_get("last_at")?)))
        .collect()
}

/// A brand's connected verification service, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredService {
    pub brand_id: i64,
    pub url: String,
    pub secret: String,
    pub created_at: i64,
    pub updated_at: i64,
}

pub async fn service(pool: &AnyPool, brand_id: i64) -> Result<Option<StoredService>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT brand_id, url, secret, created_at, updated_at FROM verification_services WHERE brand_id = $1",
    )
    .bind(brand_id)
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(StoredService {
            brand_id: r.try_get("brand_id")?,
            url: r.try_get("url")?,
            secret: r.try_get("secret")?,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
        })
    })
    .transpose()
}

/// Registers or replaces the brand's service (a new secret each time).
pub async fn put_service(tx: &mut Tx, brand_id: i64, url: &str, secret: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO verification_services (brand_id, url, secret, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
         ON CONFLICT (brand_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, updated_at = excluded.updated_at",
    )
    .bind(brand_id)
    .bind(url)
    .bind(secret)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Removes the brand's service; whether there was one.
pub async fn delete_service(tx: &mut Tx, brand_id: i64) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("DELETE FROM verification_services WHERE brand_id = $1").bind(brand_id).execute(&mut **tx).await?;
    Ok(done.rows_affected() > 0)
}

/// The brand's checks that got no verdict since an instant, by reason: (reason, checks, last).
pub async fn failures_since(pool: &AnyPool, brand_id: i64, since: i64) -> Result<Vec<(String, i64, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT e.reason AS reason, COUNT(*) AS checks, MAX(e.scanned_at) AS last_at FROM scan_events e \
         JOIN products p ON p.id = e.product_id \
         WHERE p.brand_id = $1 AND e.reason IS NOT NULL AND e.scanned_at >= $2 GROUP BY e.reason ORDER BY e.reason",
    )
    .bind(brand_id)
    .bind(since)
    .fetch_all(pool)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("reason")?, r.try_get("checks")?, r.try_get("last_at")?))).collect()
}
