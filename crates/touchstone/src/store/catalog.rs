//! SQL for brands, products, their codes, history and uploaded media.

use sqlx::{Any, AnyConnection, Executor, FromRow};

use super::media::UseKind;
use crate::clock::format_ms;
use crate::model::catalog::{
    Brand, BrandSheet, BrandSummary, Product, ProductSheet, ProductSummary, Sector, SectorCard, SectorSize,
};

mod import;
pub use import::*;

#[derive(FromRow)]
struct BrandRow {
    id: i64,
    brand_key: String,
    owner_org_id: i64,
    draft: String,
    published: Option<String>,
    version: i64,
    updated_at: i64,
}

fn decode<T: serde::de::DeserializeOwned>(what: &str, id: i64, text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(text)
        .map_err(|e| sqlx::Error::Decode(format!("{what} {id} holds an unreadable sheet: {e}").into()))
}

impl BrandRow {
    fn into_domain(self) -> Result<Brand, sqlx::Error> {
        Ok(Brand {
            id: self.id,
            key: self.brand_key,
            owner_organisation_id: self.owner_org_id,
            version: self.version,
            published: self.published.is_some(),
            draft: decode("brand", self.id, &self.draft)?,
            published_sheet: self.published.as_deref().map(|p| decode("brand", self.id, p)).transpose()?,
            updated_at: format_ms(self.updated_at),
        })
    }
}

const BRAND_COLUMNS: &str = "id, brand_key, owner_org_id, draft, published, version, updated_at";

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

async fn replace_prefixes(conn: &mut AnyConnection, brand_id: i64, sheet: &BrandSheet) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM gs1_prefixes WHERE brand_id = $1").bind(brand_id).execute(&mut *conn).await?;
    for p in &sheet.gs1_company_prefixes {
        sqlx::query("INSERT INTO gs1_prefixes (prefix, brand_id) VALUES ($1, $2)")
            .bind(p)
            .bind(brand_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn insert_brand(
    conn: &mut AnyConnection,
    key: &str,
    owner: i64,
    sheet: &BrandSheet,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO brands (brand_key, owner_org_id, name, sector, draft, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(key)
    .bind(owner)
    .bind(&sheet.name)
    .bind(sheet.sector.as_str())
    .bind(json(sheet))
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    replace_prefixes(conn, id, sheet).await?;
    super::media::replace_uses(conn, UseKind::Brand, id, sheet.logo.as_deref()).await?;
    Ok(id)
}

pub async fn get_brand<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64) -> Result<Option<Brand>, sqlx::Error> {
    let row: Option<BrandRow> = sqlx::query_as(&format!("SELECT {BRAND_COLUMNS} FROM brands WHERE id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await?;
    row.map(BrandRow::into_domain).transpose()
}

pub async fn get_brand_by_key<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    key: &str,
) -> Result<Option<Brand>, sqlx::Error> {
    let row: Option<BrandRow> = sqlx::query_as(&format!("SELECT {BRAND_COLUMNS} FROM brands WHERE brand_key = $1"))
        .bind(key)
        .fetch_optional(ex)
        .await?;
    row.map(BrandRow::into_domain).transpose()
}

/// Saves a new draft if `expected_version` is still current; returns the new version.
pub async fn update_brand_draft(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    sheet: &BrandSheet,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let version: Option<i64> = sqlx::query_scalar(
        // The listing columns follow what officers see once the brand is published.
        "UPDATE brands SET draft = $1, name = CASE WHEN published IS NULL THEN $2 ELSE name END, \
         sector = CASE WHEN published IS NULL THEN $3 ELSE sector END, updated_at = $4, version = version + 1 \
         WHERE id = $5 AND version = $6 RETURNING version",
    )
    .bind(json(sheet))
    .bind(&sheet.name)
    .bind(sheet.sector.as_str())
    .bind(now)
    .bind(id)
    .bind(expected_version)
    .fetch_optional(&mut *conn)
    .await?;
    if version.is_some() {
        replace_prefixes(conn, id, sheet).await?;
        super::media::replace_uses(conn, UseKind::Brand, id, sheet.logo.as_deref()).await?;
    }
    Ok(version)
}

pub async fn publish_brand(conn: &mut AnyConnection, id: i64, now: i64, draft: &BrandSheet) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE brands SET published = draft, published_at = $1, name = $3, sector = $4 WHERE id = $2")
        .bind(now)
        .bind(id)
        .bind(&draft.name)
        .bind(draft.sector.as_str())
        .execute(&mut *conn)
        .await?;
    super::media::replace_uses(conn, UseKind::BrandPublished, id, draft.logo.as_deref()).await
}

pub async fn record_history(
    conn: &mut AnyConnection,
    kind: &str,
    id: i64,
    version: i64,
    action: &str,
    actor: &str,
    sheet: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO catalog_history (entity_kind, entity_id, version, action, actor_label, at, sheet) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(kind)
    .bind(id)
    .bind(version)
    .bind(action)
    .bind(actor)
    .bind(crate::clock::now_ms())
    .bind(sheet)
    .execute(conn)
    .await
    .map(|_| ())
}

/// One saved version of a sheet (without the sheet), as listed on the history page.
#[derive(Debug, Clone, FromRow)]
pub struct HistoryRow {
    pub version: i64,
    pub action: String,
    pub actor_label: String,
    pub at: i64,
}

/// The saved versions of a brand or product, newest first.
pub async fn list_history<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    kind: &str,
    id: i64,
    limit: i64,
) -> Result<Vec<HistoryRow>, sqlx::Error> {
    sqlx::query_as::<_, HistoryRow>(
        "SELECT version, action, actor_label, at FROM catalog_history WHERE entity_kind = $1 AND entity_id = $2 ORDER BY id DESC LIMIT $3",
    )
    .bind(kind)
    .bind(id)
    .bind(limit)
    .fetch_all(ex)
    .await
}

pub async fn is_delegated<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    brand_id: i64,
    org_id: i64,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM brand_delegations WHERE brand_id = $1 AND org_id = $2")
        .bind(brand_id)
        .bind(org_id)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

pub async fn insert_delegation(
    conn: &mut AnyConnection,
    brand_id: i64,
    org_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    if is_delegated(&mut *conn, brand_id, org_id).await? {
        return Ok(());
    }
    sqlx::query("INSERT INTO brand_delegations (brand_id, org_id, created_at) VALUES ($1, $2, $3)")
        .bind(brand_id)
        .bind(org_id)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

/// The organisations a brand is delegated to, by name: (id, name).
pub async fn list_delegations<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    brand_id: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT o.id, o.name FROM brand_delegations d JOIN organisations o ON o.id = d.org_id \
         WHERE d.brand_id = $1 ORDER BY o.name",
    )
    .bind(brand_id)
    .fetch_all(ex)
    .await
}

/// Ends a delegation; false when there was none.
pub async fn delete_delegation(conn: &mut AnyConnection, brand_id: i64, org_id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM brand_delegations WHERE brand_id = $1 AND org_id = $2")
        .bind(brand_id)
        .bind(org_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub enum BrandScope {
    All,
    Published,
    /// Owned by or delegated to this organisation.
    ActingFor(i64),
}

#[derive(FromRow)]
struct BrandSummaryRow {
    id: i64,
    brand_key: String,
    name: String,
    sector: String,
    owner_org_id: i64,
    is_published: i64,
    products: i64,
}

pub async fn list_brands<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    scope: BrandScope,
    limit: i64,
    offset: i64,
) -> Result<Vec<BrandSummary>, sqlx::Error> {
    let select = "SELECT b.id, b.brand_key, b.name, b.sector, b.owner_org_id, \
        CASE WHEN b.published IS NULL THEN 0 ELSE 1 END AS is_published, \
        (SELECT COUNT(*) FROM products p WHERE p.brand_id = b.id) AS products FROM brands b";
    let rows: Vec<BrandSummaryRow> = match scope {
        BrandScope::All => {
            sqlx::query_as(&format!("{select} ORDER BY b.name LIMIT $1 OFFSET $2"))
                .bind(limit)
                .bind(offset)
                .fetch_all(ex)
                .await?
        }
        BrandScope::Published => {
            sqlx::query_as(&format!("{select} WHERE b.published IS NOT NULL ORDER BY b.name LIMIT $1 OFFSET $2"))
                .bind(limit)
                .bind(offset)
                .fetch_all(ex)
                .await?
        }
        BrandScope::ActingFor(org) => {
            sqlx::query_as(&format!(
            "{select} WHERE b.owner_org_id = $1 OR b.id IN (SELECT brand_id FROM brand_delegations WHERE org_id = $1) \
                 ORDER BY b.name LIMIT $2 OFFSET $3"
        ))
            .bind(org)
            .bind(limit)
            .bind(offset)
            .fetch_all(ex)
            .await?
        }
    };
    rows.into_iter()
        .map(|r| {
            Ok(BrandSummary {
                id: r.id,
                key: r.brand_key,
                name: r.name,
                sector: Sector::decode(&r.sector)?,
                owner_organisation_id: r.owner_org_id,
                published: r.is_published != 0,
                products: r.products,
            })
        })
        .collect()
}

#[derive(FromRow)]
struct ProductRow {
    id: i64,
    brand_id: i64,
    product_key: String,
    draft: String,
    published: Option<String>,
    version: i64,
    updated_at: i64,
}

impl ProductRow {
    fn into_domain(self) -> Result<Product, sqlx::Error> {
        Ok(Product {
            id: self.id,
            brand_id: self.brand_id,
            key: self.product_key,
            version: self.version,
            published: self.published.is_some(),
            draft: decode("product", self.id, &self.draft)?,
            published_sheet: self.published.as_deref().map(|p| decode("product", self.id, p)).transpose()?,
            updated_at: format_ms(self.updated_at),
        })
    }
}

const PRODUCT_COLUMNS: &str = "id, brand_id, product_key, draft, published, version, updated_at";

/// A product as stored, its sheets not parsed yet: a card parses only the one it shows.
pub struct StoredProduct {
    pub id: i64,
    pub brand_id: i64,
    /// `None` when read from a node's card replica, which keeps published copies only.
    draft: Option<String>,
    published: Option<String>,
    published_at: Option<i64>,
}

impl StoredProduct {
    /// A published product as a node's card replica keeps it (no draft).
    pub fn published_only(id: i64, brand_id: i64, published: String, published_at: Option<i64>) -> StoredProduct {
        StoredProduct { id, brand_id, draft: None, published: Some(published), published_at }
    }

    /// Whether the draft was read (not from a card replica).
    pub fn has_draft(&self) -> bool {
        self.draft.is_some()
    }

    pub fn draft(&self) -> Result<ProductSheet, sqlx::Error> {
        match &self.draft {
            Some(text) => decode("product", self.id, text),
            None => Err(sqlx::Error::Protocol(format!("product {}: the draft was not read", self.id))),
        }
    }

    pub fn published(&self) -> Result<Option<ProductSheet>, sqlx::Error> {
        self.published.as_deref().map(|p| decode("product", self.id, p)).transpose()
    }

    pub fn published_at(&self) -> Option<String> {
        self.published_at.map(format_ms)
    }
}

/// How a product card is asked for.
#[derive(Clone, Copy)]
pub enum ProductBy<'a> {
    Id(i64),
    /// A GTIN as 14 digits.
    Gtin(&'a str),
}

async fn replace_codes(conn: &mut AnyConnection, product_id: i64, sheet: &ProductSheet) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM product_codes WHERE product_id = $1").bind(product_id).execute(&mut *conn).await?;
    for g in &sheet.gtins {
        let gtin14 = format!("{g:0>14}");
        sqlx::query("INSERT INTO product_codes (kind, code, product_id) VALUES ('gtin', $1, $2)")
            .bind(gtin14)
            .bind(product_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn insert_product(
    conn: &mut AnyConnection,
    brand_id: i64,
    key: &str,
    sheet: &ProductSheet,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO products (brand_id, product_key, name, category, draft, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(brand_id)
    .bind(key)
    .bind(sheet.listing_name())
    .bind(&sheet.category)
    .bind(json(sheet))
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    replace_codes(conn, id, sheet).await?;
    super::media::replace_uses(conn, UseKind::Product, id, sheet.media_hashes()).await?;
    Ok(id)
}

pub async fn update_product_draft(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    sheet: &ProductSheet,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let version: Option<i64> = sqlx::query_scalar(
        // The listing columns follow what officers see once the product is published.
        "UPDATE products SET draft = $1, name = CASE WHEN published IS NULL THEN $2 ELSE name END, \
         category = CASE WHEN published IS NULL THEN $3 ELSE category END, updated_at = $4, version = version + 1 \
         WHERE id = $5 AND version = $6 RETURNING version",
    )
    .bind(json(sheet))
    .bind(sheet.listing_name())
    .bind(&sheet.category)
    .bind(now)
    .bind(id)
    .bind(expected_version)
    .fetch_optional(&mut *conn)
    .await?;
    if version.is_some() {
        replace_codes(conn, id, sheet).await?;
        super::media::replace_uses(conn, UseKind::Product, id, sheet.media_hashes()).await?;
    }
    Ok(version)
}

pub async fn publish_product(
    conn: &mut AnyConnection,
    id: i64,
    now: i64,
    draft: &ProductSheet,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE products SET published = draft, published_at = $1, name = $3, category = $4 WHERE id = $2")
        .bind(now)
        .bind(id)
        .bind(draft.listing_name())
        .bind(&draft.category)
        .execute(&mut *conn)
        .await?;
    super::media::replace_uses(conn, UseKind::ProductPublished, id, draft.media_hashes()).await
}

pub async fn get_product<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64) -> Result<Option<Product>, sqlx::Error> {
    let row: Option<ProductRow> = sqlx::query_as(&format!("SELECT {PRODUCT_COLUMNS} FROM products WHERE id = $1"))
        .bind(id)
        .fetch_optional(ex)
        .await?;
    row.map(ProductRow::into_domain).transpose()
}

pub async fn get_product_by_key<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    brand_id: i64,
    key: &str,
) -> Result<Option<Product>, sqlx::Error> {
    let row: Option<ProductRow> =
        sqlx::query_as(&format!("SELECT {PRODUCT_COLUMNS} FROM products WHERE brand_id = $1 AND product_key = $2"))
            .bind(brand_id)
            .bind(key)
            .fetch_optional(ex)
            .await?;
    row.map(ProductRow::into_domain).transpose()
}

/// A product for its card, in one indexed read: on every lookup by an officer.
pub async fn stored_product(db: &super::Db, by: ProductBy<'_>) -> Result<Option<StoredProduct>, sqlx::Error> {
    const COLUMNS: &str = "SELECT id, brand_id, draft, published, published_at FROM products WHERE id = ";
    static BY_ID: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| format!("{COLUMNS}$1"));
    static BY_GTIN: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!("{COLUMNS}(SELECT product_id FROM product_codes WHERE kind = 'gtin' AND code = $1)")
    });
    let sql: &str = match by {
        ProductBy::Id(_) => &BY_ID,
        ProductBy::Gtin(_) => &BY_GTIN,
    };
    type Row = (i64, i64, String, Option<String>, Option<i64>);
    let row: Option<Row> = match db.local_reads() {
        Some(local) => local.with(|conn| {
            use rusqlite::OptionalExtension;
            let mut statement = conn.prepare_cached(sql)?;
            let read = |r: &rusqlite::Row| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?));
            match by {
                ProductBy::Id(id) => statement.query_row([id], read),
                ProductBy::Gtin(gtin) => statement.query_row([gtin], read),
            }
            .optional()
        })?,
        None => {
            let query = sqlx::query_as(sql);
            let query = match by {
                ProductBy::Id(id) => query.bind(id),
                ProductBy::Gtin(gtin) => query.bind(gtin),
            };
            query.fetch_optional(db.reader()).await?
        }
    };
    Ok(row.map(|(id, brand_id, draft, published, published_at)| StoredProduct {
        id,
        brand_id,
        draft: Some(draft),
        published,
        published_at,
    }))
}

/// A brand by id, as [`get_brand`], read on the calling thread where the store allows: every
/// lookup needs its product's brand.
pub async fn get_brand_quickly(db: &super::Db, id: i64) -> Result<Option<Brand>, sqlx::Error> {
    static SQL: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| format!("SELECT {BRAND_COLUMNS} FROM brands WHERE id = $1"));
    let Some(local) = db.local_reads() else { return get_brand(db.reader(), id).await };
    let row = local.with(|conn| {
        use rusqlite::OptionalExtension;
        conn.prepare_cached(&SQL)?
            .query_row([id], |r| {
                Ok(BrandRow {
                    id: r.get(0)?,
                    brand_key: r.get(1)?,
                    owner_org_id: r.get(2)?,
                    draft: r.get(3)?,
                    published: r.get(4)?,
                    version: r.get(5)?,
                    updated_at: r.get(6)?,
                })
            })
            .optional()
    })?;
    row.map(BrandRow::into_domain).transpose()
}

pub async fn list_products<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    brand_id: i64,
    published_only: bool,
) -> Result<Vec<ProductSummary>, sqlx::Error> {
    /// Of a sheet, only its names: a list has no use for the rest.
    #[derive(serde::Deserialize)]
    struct Names {
        names: crate::model::localized::Localized,
    }
    let filter = if published_only { " AND published IS NOT NULL" } else { "" };
    // The names of the copy the listing columns follow: the published one once there is one.
    let rows: Vec<(i64, i64, String, String, String, i64, String)> = sqlx::query_as(&format!(
        "SELECT id, brand_id, product_key, name, category, CASE WHEN published IS NULL THEN 0 ELSE 1 END, \
         CASE WHEN published IS NULL THEN draft ELSE published END \
         FROM products WHERE brand_id = $1{filter} ORDER BY name"
    ))
    .bind(brand_id)
    .fetch_all(ex)
    .await?;
    rows.into_iter()
        .map(|(id, brand_id, key, name, category, p, sheet)| {
            Ok(ProductSummary {
                id,
                brand_id,
                key,
                name,
                names: decode::<Names>("product", id, &sheet)?.names,
                category,
                published: p != 0,
            })
        })
        .collect()
}

/// What officers see of a sector: published products of its published brands (the listing
/// column `sector` follows the published copy once there is one).
const SECTOR_PUBLISHED: &str = "FROM products p JOIN brands b ON b.id = p.brand_id \
     WHERE b.sector = $1 AND b.published IS NOT NULL AND p.published IS NOT NULL";

/// How many published cards the sector holds, and of how many brands.
pub async fn sector_size<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    sector: Sector,
) -> Result<SectorSize, sqlx::Error> {
    let (cards, brands): (i64, i64) =
        sqlx::query_as(&format!("SELECT COUNT(*), COUNT(DISTINCT p.brand_id) {SECTOR_PUBLISHED}"))
            .bind(sector.as_str())
            .fetch_one(ex)
            .await?;
    Ok(SectorSize { cards, brands })
}

/// The sector's published cards, brand by brand (by name), at most `limit`.
pub async fn sector_cards<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    sector: Sector,
    limit: i64,
) -> Result<Vec<SectorCard>, sqlx::Error> {
    /// Of the sheets, only what the list shows.
    #[derive(serde::Deserialize)]
    struct Names {
        names: crate::model::localized::Localized,
    }
    #[derive(serde::Deserialize)]
    struct Fallback {
        #[serde(default)]
        fallback_language: Option<crate::model::types::Language>,
    }
    let rows: Vec<(i64, i64, String, String, String)> = sqlx::query_as(&format!(
        "SELECT p.id, p.brand_id, b.name, p.published, b.published {SECTOR_PUBLISHED} \
         ORDER BY b.name, b.id, p.name, p.id LIMIT $2"
    ))
    .bind(sector.as_str())
    .bind(limit)
    .fetch_all(ex)
    .await?;
    rows.into_iter()
        .map(|(id, brand_id, brand_name, product, brand)| {
            Ok(SectorCard {
                product_id: id,
                brand_id,
                brand_name,
                names: decode::<Names>("product", id, &product)?.names,
                fallback_language: decode::<Fallback>("brand", brand_id, &brand)?
                    .fallback_language
                    .unwrap_or(crate::model::types::Language::En),
            })
        })
        .collect()
}

pub async fn media_exists<'c, E: Executor<'c, Database = Any>>(ex: E, hash: &str) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM media WHERE hash = $1").bind(hash).fetch_one(ex).await?;
    Ok(n > 0)
}

/// Records an uploaded file; false when it was already known.
pub async fn insert_media(
    conn: &mut AnyConnection,
    m: &crate::model::media::StoredMedia,
    org_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    // Two imports may bring the same new picture at once: the second one finds it stored,
    // rather than failing on the key (which would read as a conflict of its row).
    let done = sqlx::query(
        "INSERT INTO media (hash, kind, byte_len, width, height, thumbnail_hash, uploaded_by_org, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (hash) DO NOTHING",
    )
    .bind(&m.hash)
    .bind(&m.kind)
    .bind(m.byte_len)
    .bind(m.width)
    .bind(m.height)
    .bind(&m.thumbnail_hash)
    .bind(org_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    // Whoever sends a file may read it back, even when another organisation sent it first.
    super::media::record_upload(conn, &m.hash, org_id).await?;
    Ok(done.rows_affected() > 0)
}

pub async fn get_media<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    hash: &str,
) -> Result<Option<crate::model::media::StoredMedia>, sqlx::Error> {
    sqlx::query_as("SELECT hash, kind, byte_len, width, height, thumbnail_hash FROM media WHERE hash = $1")
        .bind(hash)
        .fetch_optional(ex)
        .await
}

/// The product claiming a GTIN (14 digits).
/// The brand holding the longest of these GS1 company prefixes.
pub async fn brand_by_prefix<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    candidates: &[&str],
) -> Result<Option<(i64, String)>, sqlx::Error> {
    let placeholders = (1..=candidates.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT brand_id, prefix FROM gs1_prefixes WHERE prefix IN ({placeholders}) ORDER BY LENGTH(prefix) DESC LIMIT 1");
    let mut q = sqlx::query_as::<_, (i64, String)>(&sql);
    for c in candidates {
        q = q.bind(*c);
    }
    q.fetch_optional(ex).await
}
