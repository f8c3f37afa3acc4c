//! Which records use which stored files (`media_uses`), kept in the transaction that writes
//! the record, so that serving a file finds the records showing it through an index.

use std::collections::BTreeSet;

use sqlx::{Any, AnyConnection, Executor};

/// A kind of record that may name stored files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UseKind {
    /// A product's draft (gallery and guide pictures).
    Product,
    /// A product's published copy.
    ProductPublished,
    /// A brand's draft (its logo).
    Brand,
    /// A brand's published copy.
    BrandPublished,
    /// A case's photos.
    Case,
    /// A thread message's attachments.
    Message,
    /// An upload: the record id is the uploading organisation's (each organisation that sent
    /// the same file counts, not only the first).
    Upload,
}

impl UseKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UseKind::Product => "product",
            UseKind::ProductPublished => "product_published",
            UseKind::Brand => "brand",
            UseKind::BrandPublished => "brand_published",
            UseKind::Case => "case",
            UseKind::Message => "message",
            UseKind::Upload => "upload",
        }
    }

    pub fn parse(s: &str) -> Option<UseKind> {
        [
            UseKind::Product,
            UseKind::ProductPublished,
            UseKind::Brand,
            UseKind::BrandPublished,
            UseKind::Case,
            UseKind::Message,
            UseKind::Upload,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// Rows per multi-row statement: well under SQLite's and PostgreSQL's bind limits.
const ROWS_PER_STATEMENT: usize = 200;

/// Makes `hashes` the files record `id` of `kind` uses.
pub async fn replace_uses<'h>(
    conn: &mut AnyConnection,
    kind: UseKind,
    id: i64,
    hashes: impl IntoIterator<Item = &'h str>,
) -> Result<(), sqlx::Error> {
    let hashes: Vec<&str> = hashes.into_iter().collect();
    replace_uses_of_many(conn, kind, &[(id, hashes)]).await
}

/// [`replace_uses`] for many records of one kind at once (an import's batch), in a few
/// multi-row statements.
pub async fn replace_uses_of_many(
    conn: &mut AnyConnection,
    kind: UseKind,
    records: &[(i64, Vec<&str>)],
) -> Result<(), sqlx::Error> {
    for chunk in records.chunks(ROWS_PER_STATEMENT) {
        let placeholders = (2..chunk.len() + 2).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = format!("DELETE FROM media_uses WHERE record_kind = $1 AND record_id IN ({placeholders})");
        let mut q = sqlx::query(&sql).bind(kind.as_str());
        for (id, _) in chunk {
            q = q.bind(*id);
        }
        q.execute(&mut *conn).await?;
    }
    let rows: BTreeSet<(i64, &str)> =
        records.iter().flat_map(|(id, hashes)| hashes.iter().map(move |h| (*id, *h))).collect();
    let rows: Vec<(i64, &str)> = rows.into_iter().collect();
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let values = (0..chunk.len())
            .map(|r| format!("(${}, ${}, ${})", r * 3 + 1, r * 3 + 2, r * 3 + 3))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO media_uses (hash, record_kind, record_id) VALUES {values} \
             ON CONFLICT (hash, record_kind, record_id) DO NOTHING"
        );
        let mut q = sqlx::query(&sql);
        for (id, hash) in chunk {
            q = q.bind(*hash).bind(kind.as_str()).bind(*id);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// For a stored file: whether the organisation uploaded it, and whether a published copy (of
/// a product or a brand) shows it. One query on the primary keys: what every catalog picture asks.
pub async fn access_facts<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    hash: &str,
    org_id: i64,
) -> Result<Option<(bool, bool)>, sqlx::Error> {
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM media_uses u WHERE u.hash = m.hash \
         AND u.record_kind = 'upload' AND u.record_id = $2 LIMIT 1) AS up), \
         (SELECT COUNT(*) FROM (SELECT 1 FROM media_uses u WHERE u.hash = m.hash \
         AND u.record_kind IN ('product_published', 'brand_published') LIMIT 1) AS pub) \
         FROM media m WHERE m.hash = $1",
    )
    .bind(hash)
    .bind(org_id)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|(uploaded, published)| (uploaded > 0, published > 0)))
}

/// Records that an organisation uploaded a file.
pub async fn record_upload(conn: &mut AnyConnection, hash: &str, org_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO media_uses (hash, record_kind, record_id) VALUES ($1, 'upload', $2) \
         ON CONFLICT (hash, record_kind, record_id) DO NOTHING",
    )
    .bind(hash)
    .bind(org_id)
    .execute(conn)
    .await
    .map(|_| ())
}

/// The cases and messages that use a file (at most `limit`).
pub async fn case_uses<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    hash: &str,
    limit: i64,
) -> Result<Vec<(UseKind, i64)>, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT record_kind, record_id FROM media_uses WHERE hash = $1 AND record_kind IN ('case', 'message') \
         ORDER BY record_kind, record_id LIMIT $2",
    )
    .bind(hash)
    .bind(limit)
    .fetch_all(ex)
    .await?;
    Ok(rows.into_iter().filter_map(|(k, id)| UseKind::parse(&k).map(|k| (k, id))).collect())
}

/// The brands owned by or delegated to `org_id` whose sheets, or whose products' sheets (draft
/// or published), show a file: the candidates the policy then decides on.
pub async fn brands_of_org_using<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    hash: &str,
    org_id: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT b.id FROM media_uses u JOIN products p ON p.id = u.record_id JOIN brands b ON b.id = p.brand_id \
         WHERE u.hash = $1 AND u.record_kind IN ('product', 'product_published') \
         AND (b.owner_org_id = $2 OR b.id IN (SELECT brand_id FROM brand_delegations WHERE org_id = $2)) \
         UNION SELECT b.id FROM media_uses u JOIN brands b ON b.id = u.record_id \
         WHERE u.hash = $1 AND u.record_kind IN ('brand', 'brand_published') \
         AND (b.owner_org_id = $2 OR b.id IN (SELECT brand_id FROM brand_delegations WHERE org_id = $2)) \
         LIMIT 20",
    )
    .bind(hash)
    .bind(org_id)
    .fetch_all(ex)
    .await
}

// ---------------------------------------------------------------------------------------------
// The files' bytes, shared by every node on PostgreSQL (`media_files`, migration 0020)

/// Keeps a file's bytes where every node reads them; the same content stored twice is kept once.
pub async fn put_shared_file<'c, E: Executor<'c, Database = Any>>(
    conn: E,
    hash: &str,
    bytes: &[u8],
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO media_files (hash, bytes) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING")
        .bind(hash)
        .bind(bytes)
        .execute(conn)
        .await?;
    Ok(())
}

/// A file's bytes as every node reads them.
pub async fn shared_file<'c, E: Executor<'c, Database = Any>>(
    conn: E,
    hash: &str,
) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar("SELECT bytes FROM media_files WHERE hash = $1").bind(hash).fetch_optional(conn).await
}

/// Files some `media` row names (as the file or its thumbnail) whose bytes are not shared yet:
/// those stored before migration 0020, on one node's disk only.
pub async fn files_not_shared<'c, E: Executor<'c, Database = Any>>(
    conn: E,
    limit: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT h FROM (SELECT hash AS h FROM media UNION SELECT thumbnail_hash FROM media \
         WHERE thumbnail_hash IS NOT NULL) named \
         WHERE NOT EXISTS (SELECT 1 FROM media_files f WHERE f.hash = named.h) ORDER BY h LIMIT $1",
    )
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Removes a file's shared bytes (a purge, in its transaction) and notes the removal, so that
/// every node drops its cached copy.
pub async fn remove_shared_file(conn: &mut AnyConnection, hash: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM media_files WHERE hash = $1").bind(hash).execute(&mut *conn).await?;
    sqlx::query("INSERT INTO media_files_removed (hash, removed_at) VALUES ($1, $2)")
        .bind(hash)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Files removed at or after `since` (ms), oldest first, with the instant of the newest.
pub async fn files_removed_since<'c, E: Executor<'c, Database = Any>>(
    conn: E,
    since: i64,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT hash, removed_at FROM media_files_removed WHERE removed_at >= $1 ORDER BY removed_at")
        .bind(since)
        .fetch_all(conn)
        .await
}
