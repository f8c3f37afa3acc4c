//! This node's copy of the published product cards, on PostgreSQL: a SQLite file beside the
//! search index (`DATA_DIR/search/cards.sqlite`), kept current from the change feed by the
//! search follower ([`crate::domain::cards`]), so that a lookup by GTIN is a read on the calling
//! thread instead of a round trip to a database server that shares the machine's cores.
//!
//! It holds, for each published product, what `stored_product` reads of it (brand, published
//! sheet as stored, publication instant) and the product's codes as `product_codes` holds them,
//! so a lookup answered here finds the product PostgreSQL would. It is derived data: a missing
//! or damaged file is rebuilt with the index.
//!
//! Also the SQL that reads from PostgreSQL what the replica keeps.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sqlx::{Any, Executor};

/// The replica's layout; another one is rebuilt.
const LAYOUT: i64 = 1;

/// Reader connections kept open between lookups.
const KEEP: usize = 16;

/// One published product as the replica keeps it.
#[derive(Debug, Clone)]
pub struct ReplicaCard {
    pub product_id: i64,
    pub brand_id: i64,
    pub published: String,
    pub published_at: Option<i64>,
    /// The product's GTINs as `product_codes` holds them (14 digits).
    pub codes: Vec<String>,
}

/// What a lookup reads: product id, brand id, published sheet as stored, publication instant.
pub type KeptCard = (i64, i64, String, Option<i64>);

pub struct CardReplica {
    path: PathBuf,
    writer: Mutex<rusqlite::Connection>,
    idle: Mutex<Vec<rusqlite::Connection>>,
}

impl CardReplica {
    /// Opens (or creates) the replica at `path`; the flag is true when it holds nothing that
    /// can be trusted (new, or of another layout) and must be rebuilt.
    pub fn open(path: &Path) -> rusqlite::Result<(CardReplica, bool)> {
        let writer = rusqlite::Connection::open(path)?;
        // Derived data: losing the last transactions to a power cut costs a rebuild at most
        // (the index's checkpoint is committed after the replica's transaction).
        writer.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;
             CREATE TABLE IF NOT EXISTS layout (version INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS cards (product_id INTEGER PRIMARY KEY, brand_id INTEGER NOT NULL,
                 published TEXT NOT NULL, published_at INTEGER);
             CREATE TABLE IF NOT EXISTS card_codes (code TEXT PRIMARY KEY, product_id INTEGER NOT NULL) WITHOUT ROWID;
             CREATE INDEX IF NOT EXISTS card_codes_product_idx ON card_codes (product_id);",
        )?;
        let version: Option<i64> = writer.query_row("SELECT MAX(version) FROM layout", [], |r| r.get(0))?;
        let stale = version != Some(LAYOUT);
        if stale {
            writer.execute_batch("DELETE FROM card_codes; DELETE FROM cards; DELETE FROM layout;")?;
            writer.execute("INSERT INTO layout (version) VALUES (?1)", [LAYOUT])?;
        }
        Ok((CardReplica { path: path.to_path_buf(), writer: Mutex::new(writer), idle: Mutex::new(Vec::new()) }, stale))
    }

    /// Empties the replica (before a rebuild).
    pub fn clear(&self) -> rusqlite::Result<()> {
        let conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        conn.execute_batch("DELETE FROM card_codes; DELETE FROM cards;")
    }

    /// Keeps `cards` (replacing what was kept of them) and forgets `gone` (products no longer
    /// published), in one transaction. Blocking: call it off the async runtime.
    pub fn apply(&self, cards: &[ReplicaCard], gone: &[i64]) -> rusqlite::Result<()> {
        let mut conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let tx = conn.transaction()?;
        {
            let mut forget_codes = tx.prepare_cached("DELETE FROM card_codes WHERE product_id = ?1")?;
            let mut forget = tx.prepare_cached("DELETE FROM cards WHERE product_id = ?1")?;
            let mut keep = tx.prepare_cached(
                "INSERT OR REPLACE INTO cards (product_id, brand_id, published, published_at) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut keep_code =
                tx.prepare_cached("INSERT OR REPLACE INTO card_codes (code, product_id) VALUES (?1, ?2)")?;
            for id in gone {
                forget_codes.execute([id])?;
                forget.execute([id])?;
            }
            for c in cards {
                forget_codes.execute([c.product_id])?;
                keep.execute(rusqlite::params![c.product_id, c.brand_id, c.published, c.published_at])?;
                for code in &c.codes {
                    keep_code.execute(rusqlite::params![code, c.product_id])?;
                }
            }
        }
        tx.commit()
    }

    /// The published product with this GTIN (14 digits).
    pub fn by_gtin(&self, gtin: &str) -> Result<Option<KeptCard>, sqlx::Error> {
        use rusqlite::OptionalExtension;
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match idle {
            Some(c) => c,
            None => self.open_reader().map_err(to_sqlx)?,
        };
        let found = conn
            .prepare_cached(
                "SELECT c.product_id, c.brand_id, c.published, c.published_at FROM card_codes k \
                 JOIN cards c ON c.product_id = k.product_id WHERE k.code = ?1",
            )
            .and_then(|mut s| s.query_row([gtin], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).optional())
            .map_err(to_sqlx);
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < KEEP {
            idle.push(conn);
        }
        found
    }

    fn open_reader(&self) -> rusqlite::Result<rusqlite::Connection> {
        use rusqlite::OpenFlags;
        let conn = rusqlite::Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute_batch("PRAGMA busy_timeout = 5000; PRAGMA mmap_size = 2147418112;")?;
        conn.set_prepared_statement_cache_capacity(4);
        Ok(conn)
    }
}

fn to_sqlx(e: rusqlite::Error) -> sqlx::Error {
    sqlx::Error::Protocol(format!("card replica read: {e}"))
}

// ---------------------------------------------------------------------------------------------
// What the replica keeps, read from the database

fn placeholders(n: usize) -> String {
    (1..=n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// The published products among `ids`, with their codes.
pub async fn published_cards<'c, E>(ex: E, ids: &[i64]) -> Result<Vec<ReplicaCard>, sqlx::Error>
where
    E: Executor<'c, Database = Any> + Copy,
{
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT id, brand_id, published, published_at FROM products WHERE published IS NOT NULL AND id IN ({})",
        placeholders(ids.len())
    );
    let mut q = sqlx::query_as::<_, (i64, i64, String, Option<i64>)>(&sql);
    for id in ids {
        q = q.bind(*id);
    }
    with_codes(ex, q.fetch_all(ex).await?).await
}

/// Published products after `after_id`, in id order, with their codes.
pub async fn published_cards_page<'c, E>(ex: E, after_id: i64, limit: i64) -> Result<Vec<ReplicaCard>, sqlx::Error>
where
    E: Executor<'c, Database = Any> + Copy,
{
    let rows: Vec<(i64, i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT id, brand_id, published, published_at FROM products WHERE published IS NOT NULL AND id > $1 \
         ORDER BY id LIMIT $2",
    )
    .bind(after_id)
    .bind(limit)
    .fetch_all(ex)
    .await?;
    with_codes(ex, rows).await
}

async fn with_codes<'c, E>(ex: E, rows: Vec<(i64, i64, String, Option<i64>)>) -> Result<Vec<ReplicaCard>, sqlx::Error>
where
    E: Executor<'c, Database = Any> + Copy,
{
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT product_id, code FROM product_codes WHERE kind = 'gtin' AND product_id IN ({})",
        placeholders(rows.len())
    );
    let mut q = sqlx::query_as::<_, (i64, String)>(&sql);
    for r in &rows {
        q = q.bind(r.0);
    }
    let mut codes: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for (id, code) in q.fetch_all(ex).await? {
        codes.entry(id).or_default().push(code);
    }
    Ok(rows
        .into_iter()
        .map(|(product_id, brand_id, published, published_at)| ReplicaCard {
            codes: codes.remove(&product_id).unwrap_or_default(),
            product_id,
            brand_id,
            published,
            published_at,
        })
        .collect())
}
