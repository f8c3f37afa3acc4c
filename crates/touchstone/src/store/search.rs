//! SQL the search indexer reads: the change feed (`catalog_history`) and the published copies
//! of brands and products.

use sqlx::{Any, Executor, FromRow};

use crate::model::catalog::{BrandSheet, ProductSheet};

/// One entry of the change feed: a sheet saved, published or imported.
#[derive(Debug, Clone, FromRow)]
pub struct FeedRow {
    pub id: i64,
    pub entity_kind: String,
    pub entity_id: i64,
    pub action: String,
}

const FEED_COLUMNS: &str = "id, entity_kind, entity_id, action";

/// Entries after `after_id` (and, with `since_ms`, recorded at or after it: the recent past
/// re-read after a restart or a rebuild, so that a transaction that committed late is not
/// missed), in id order.
pub async fn feed_after<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    after_id: i64,
    since_ms: Option<i64>,
    limit: i64,
) -> Result<Vec<FeedRow>, sqlx::Error> {
    match since_ms {
        None => {
            sqlx::query_as(&format!("SELECT {FEED_COLUMNS} FROM catalog_history WHERE id > $1 ORDER BY id LIMIT $2"))
                .bind(after_id)
                .bind(limit)
                .fetch_all(ex)
                .await
        }
        Some(since) => {
            sqlx::query_as(&format!(
                "SELECT {FEED_COLUMNS} FROM catalog_history WHERE id > $1 AND at >= $2 ORDER BY id LIMIT $3"
            ))
            .bind(after_id)
            .bind(since)
            .bind(limit)
            .fetch_all(ex)
            .await
        }
    }
}

/// The entries with these ids that exist (now).
pub async fn feed_ids<'c, E: Executor<'c, Database = Any>>(ex: E, ids: &[i64]) -> Result<Vec<FeedRow>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql =
        format!("SELECT {FEED_COLUMNS} FROM catalog_history WHERE id IN ({}) ORDER BY id", placeholders(1, ids.len()));
    let mut q = sqlx::query_as::<_, FeedRow>(&sql);
    for id in ids {
        q = q.bind(*id);
    }
    q.fetch_all(ex).await
}

/// The newest entry's id (0 when there is none).
pub async fn feed_high_water<'c, E: Executor<'c, Database = Any>>(ex: E) -> Result<i64, sqlx::Error> {
    let max: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM catalog_history").fetch_one(ex).await?;
    Ok(max.unwrap_or(0))
}

/// When the first entry after `after_id` was recorded (none: the follower is level with the
/// feed). A primary-key range read of one row.
pub async fn feed_first_after<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    after_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT at FROM catalog_history WHERE id > $1 ORDER BY id LIMIT 1")
        .bind(after_id)
        .fetch_optional(ex)
        .await
}

fn placeholders(first: usize, n: usize) -> String {
    (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

fn decode<T: serde::de::DeserializeOwned>(what: &str, id: i64, text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(text)
        .map_err(|e| sqlx::Error::Decode(format!("{what} {id} holds an unreadable sheet: {e}").into()))
}

/// The published copies of these brands (the unpublished are left out).
pub async fn published_brands<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    ids: &[i64],
) -> Result<Vec<(i64, BrandSheet)>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT id, published FROM brands WHERE published IS NOT NULL AND id IN ({})",
        placeholders(1, ids.len())
    );
    let mut q = sqlx::query_as::<_, (i64, String)>(&sql);
    for id in ids {
        q = q.bind(*id);
    }
    q.fetch_all(ex).await?.into_iter().map(|(id, text)| Ok((id, decode("brand", id, &text)?))).collect()
}

/// Published brands after `after_id`, in id order, for a rebuild.
pub async fn published_brands_page<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    after_id: i64,
    limit: i64,
) -> Result<Vec<(i64, BrandSheet)>, sqlx::Error> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, published FROM brands WHERE published IS NOT NULL AND id > $1 ORDER BY id LIMIT $2")
            .bind(after_id)
            .bind(limit)
            .fetch_all(ex)
            .await?;
    rows.into_iter().map(|(id, text)| Ok((id, decode("brand", id, &text)?))).collect()
}

/// A published product: (product id, brand id, sheet).
pub type PublishedProduct = (i64, i64, ProductSheet);

fn products(rows: Vec<(i64, i64, String)>) -> Result<Vec<PublishedProduct>, sqlx::Error> {
    rows.into_iter().map(|(id, brand, text)| Ok((id, brand, decode("product", id, &text)?))).collect()
}

/// The published copies of these products (the unpublished are left out), with their brand.
pub async fn published_products<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    ids: &[i64],
) -> Result<Vec<PublishedProduct>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT id, brand_id, published FROM products WHERE published IS NOT NULL AND id IN ({})",
        placeholders(1, ids.len())
    );
    let mut q = sqlx::query_as::<_, (i64, i64, String)>(&sql);
    for id in ids {
        q = q.bind(*id);
    }
    products(q.fetch_all(ex).await?)
}

/// Published products after `after_id` (all brands, or one), in id order.
pub async fn published_products_page<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    brand_id: Option<i64>,
    after_id: i64,
    limit: i64,
) -> Result<Vec<PublishedProduct>, sqlx::Error> {
    let rows = match brand_id {
        None => sqlx::query_as(
            "SELECT id, brand_id, published FROM products WHERE published IS NOT NULL AND id > $1 ORDER BY id LIMIT $2",
        )
        .bind(after_id)
        .bind(limit)
        .fetch_all(ex)
        .await?,
        Some(b) => sqlx::query_as(
            "SELECT id, brand_id, published FROM products WHERE published IS NOT NULL AND brand_id = $1 AND id > $2 \
             ORDER BY id LIMIT $3",
        )
        .bind(b)
        .bind(after_id)
        .bind(limit)
        .fetch_all(ex)
        .await?,
    };
    products(rows)
}
