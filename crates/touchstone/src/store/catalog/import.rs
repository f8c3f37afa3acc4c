//! The SQL of bulk imports and exports: multi-row upserts that publish in the same statement,
//! the codes and history of a whole batch in a few statements, and exports read in pages.

use sqlx::{Any, AnyConnection, Executor};

use super::decode;
use crate::model::catalog::{ProductSheet, Sector};

/// What an upsert did.
#[derive(Debug, Clone, Copy)]
pub enum Upsert {
    Created(i64),
    /// The new version.
    Updated(i64, i64),
    Unchanged,
}

/// A product an import writes: its sheet, and the sheet as stored (JSON).
pub struct ProductWrite<'a> {
    pub brand_id: i64,
    pub key: &'a str,
    pub sheet: &'a ProductSheet,
    pub json: &'a str,
    /// Publish the new draft in the same statement.
    pub publish: bool,
}

/// Inserts products or replaces their drafts where they differ, publishing those that ask for
/// it in the same statement; what happened to each, in the order given. Many rows go in one
/// statement: a million-row import is bound by the number of statements, not by the data.
/// Codes, history and media uses are written by the caller.
pub async fn upsert_products(
    conn: &mut AnyConnection,
    rows: &[ProductWrite<'_>],
    now: i64,
) -> Result<Vec<Upsert>, sqlx::Error> {
    let mut out = Vec::with_capacity(rows.len());
    let mut start = 0;
    while start < rows.len() {
        // A statement may not write the same product twice (PostgreSQL refuses it): a key seen
        // again starts the next statement, which then sees the first row's result.
        let mut keys = std::collections::HashSet::new();
        let mut end = start;
        while end < rows.len() && end - start < ROWS_PER_STATEMENT && keys.insert((rows[end].brand_id, rows[end].key)) {
            end += 1;
        }
        out.extend(upsert_statement(conn, &rows[start..end], now).await?);
        start = end;
    }
    Ok(out)
}

async fn upsert_statement(
    conn: &mut AnyConnection,
    rows: &[ProductWrite<'_>],
    now: i64,
) -> Result<Vec<Upsert>, sqlx::Error> {
    const COLUMNS: usize = 6;
    let values = (0..rows.len())
        .map(|r| {
            let p = |c: usize| format!("${}", r * COLUMNS + c);
            let (brand, key, name, category, draft, publish) = (p(1), p(2), p(3), p(4), p(5), p(6));
            let now = format!("${}", rows.len() * COLUMNS + 1);
            format!(
                "({brand}, {key}, {name}, {category}, {draft}, CASE WHEN {publish} = 1 THEN {draft} ELSE NULL END, \
                 CASE WHEN {publish} = 1 THEN {now} ELSE NULL END, {now}, {now})"
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    // `excluded.published` is set exactly for the rows that publish.
    let sql = format!(
        "INSERT INTO products (brand_id, product_key, name, category, draft, published, published_at, created_at, updated_at) \
         VALUES {values} \
         ON CONFLICT (brand_id, product_key) DO UPDATE SET draft = excluded.draft, \
         name = CASE WHEN excluded.published IS NOT NULL OR products.published IS NULL THEN excluded.name ELSE products.name END, \
         category = CASE WHEN excluded.published IS NOT NULL OR products.published IS NULL THEN excluded.category ELSE products.category END, \
         updated_at = excluded.updated_at, version = products.version + 1, \
         published = CASE WHEN excluded.published IS NOT NULL THEN excluded.draft ELSE products.published END, \
         published_at = CASE WHEN excluded.published IS NOT NULL THEN excluded.updated_at ELSE products.published_at END \
         WHERE products.draft <> excluded.draft RETURNING id, version, brand_id, product_key"
    );
    let mut q = sqlx::query_as::<_, (i64, i64, i64, String)>(&sql);
    for r in rows {
        q = q
            .bind(r.brand_id)
            .bind(r.key)
            .bind(r.sheet.listing_name())
            .bind(&r.sheet.category)
            .bind(r.json)
            .bind(crate::store::flag(r.publish));
    }
    let written = q.bind(now).fetch_all(&mut *conn).await?;
    let mut by_key: std::collections::HashMap<(i64, &str), (i64, i64)> =
        written.iter().map(|(id, version, brand, key)| ((*brand, key.as_str()), (*id, *version))).collect();
    Ok(rows
        .iter()
        .map(|r| match by_key.remove(&(r.brand_id, r.key)) {
            Some((id, 1)) => Upsert::Created(id),
            Some((id, version)) => Upsert::Updated(id, version),
            None => Upsert::Unchanged,
        })
        .collect())
}

/// Publishes an unchanged product whose draft is not yet what officers see; its id if so (the
/// caller records the published copy's media uses).
pub async fn publish_unchanged(
    conn: &mut AnyConnection,
    brand_id: i64,
    key: &str,
    sheet: &ProductSheet,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE products SET published = draft, published_at = $1, name = $4, category = $5 \
         WHERE brand_id = $2 AND product_key = $3 AND (published IS NULL OR published <> draft) RETURNING id",
    )
    .bind(now)
    .bind(brand_id)
    .bind(key)
    .bind(sheet.listing_name())
    .bind(&sheet.category)
    .fetch_optional(conn)
    .await
}

/// A product an import created or changed.
pub struct ChangedProduct {
    pub id: i64,
    pub version: i64,
    /// It existed before: its old codes must go.
    pub replaced: bool,
    pub gtins: Vec<String>,
    /// The sheet as stored, for the history.
    pub sheet: String,
}

/// Rows per multi-row statement: well under SQLite's and PostgreSQL's bind limits.
const ROWS_PER_STATEMENT: usize = 200;

fn values_clause(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|r| format!("({})", (1..=columns).map(|c| format!("${}", r * columns + c)).collect::<Vec<_>>().join(", ")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Replaces the codes of the changed products and records their new versions, in a few
/// multi-row statements.
pub async fn write_codes_and_history(
    conn: &mut AnyConnection,
    changed: &[ChangedProduct],
    action: &str,
    actor: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let replaced: Vec<i64> = changed.iter().filter(|c| c.replaced).map(|c| c.id).collect();
    for chunk in replaced.chunks(ROWS_PER_STATEMENT) {
        let placeholders = (1..=chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = format!("DELETE FROM product_codes WHERE product_id IN ({placeholders})");
        let mut q = sqlx::query(&sql);
        for id in chunk {
            q = q.bind(*id);
        }
        q.execute(&mut *conn).await?;
    }
    let codes: Vec<(String, i64)> =
        changed.iter().flat_map(|c| c.gtins.iter().map(move |g| (format!("{g:0>14}"), c.id))).collect();
    for chunk in codes.chunks(ROWS_PER_STATEMENT) {
        let sql =
            format!("INSERT INTO product_codes (kind, code, product_id) VALUES {}", values_clause(chunk.len(), 3));
        let mut q = sqlx::query(&sql);
        for (code, id) in chunk {
            q = q.bind("gtin").bind(code.as_str()).bind(*id);
        }
        q.execute(&mut *conn).await?;
    }
    for chunk in changed.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO catalog_history (entity_kind, entity_id, version, action, actor_label, at, sheet) VALUES {}",
            values_clause(chunk.len(), 7)
        );
        let mut q = sqlx::query(&sql);
        for c in chunk {
            q = q.bind("product").bind(c.id).bind(c.version).bind(action).bind(actor).bind(now).bind(c.sheet.as_str());
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The drafts of a brand's products with these keys.
pub async fn drafts_by_keys(
    conn: &mut AnyConnection,
    brand_id: i64,
    keys: &[&str],
) -> Result<Vec<(String, ProductSheet)>, sqlx::Error> {
    let mut out = Vec::new();
    for chunk in keys.chunks(ROWS_PER_STATEMENT) {
        let placeholders = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT id, product_key, draft FROM products WHERE brand_id = $1 AND product_key IN ({placeholders})"
        );
        let mut q = sqlx::query_as::<_, (i64, String, String)>(&sql).bind(brand_id);
        for k in chunk {
            q = q.bind(*k);
        }
        for (id, key, draft) in q.fetch_all(&mut *conn).await? {
            out.push((key, decode("product", id, &draft)?));
        }
    }
    Ok(out)
}

/// One product of an export.
pub struct ExportRow {
    pub product_id: i64,
    pub brand_key: String,
    pub brand_name: String,
    pub sector: Sector,
    pub product_key: String,
    pub draft: ProductSheet,
    /// The draft is what officers see.
    pub published_is_current: bool,
}

/// Products after `after_id`, of the brands an organisation owns or represents (all when
/// `org` is none), in id order.
pub async fn export_page<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    org: Option<i64>,
    after_id: i64,
    limit: i64,
) -> Result<Vec<ExportRow>, sqlx::Error> {
    let select = "SELECT p.id, b.brand_key, b.name, b.sector, p.product_key, p.draft, \
        CASE WHEN p.published IS NOT NULL AND p.published = p.draft THEN 1 ELSE 0 END AS current \
        FROM products p JOIN brands b ON b.id = p.brand_id WHERE p.id > $1";
    let rows: Vec<(i64, String, String, String, String, String, i64)> = match org {
        None => sqlx::query_as(&format!("{select} ORDER BY p.id LIMIT $2")).bind(after_id).bind(limit).fetch_all(ex).await?,
        Some(org) => {
            sqlx::query_as(&format!(
                "{select} AND (b.owner_org_id = $2 OR b.id IN (SELECT brand_id FROM brand_delegations WHERE org_id = $2)) ORDER BY p.id LIMIT $3"
            ))
            .bind(after_id)
            .bind(org)
            .bind(limit)
            .fetch_all(ex)
            .await?
        }
    };
    rows.into_iter()
        .map(|(id, brand_key, brand_name, sector, product_key, draft, current)| {
            Ok(ExportRow {
                product_id: id,
                brand_key,
                brand_name,
                sector: Sector::decode(&sector)?,
                product_key,
                draft: decode("product", id, &draft)?,
                published_is_current: current != 0,
            })
        })
        .collect()
}
