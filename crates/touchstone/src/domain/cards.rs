//! The published product cards a node keeps when it runs on PostgreSQL
//! ([`crate::store::card_replica`]): a lookup by GTIN reads them on the calling thread instead of
//! making a round trip to the database server, which on a small machine shares its cores.
//!
//! **How it stays current.** The search follower, which already tails the change feed on every
//! node, fills the replica when it (re)builds the index and applies to it every product the feed
//! names, in the same pass. So a change made through another node is seen within a poll of the
//! feed (500 ms), as search sees it.
//!
//! **Brands** (every card shows its brand's) are kept in memory once read, for as long as the
//! follower has not applied a feed row of theirs: 10,000 brands cover 1,000,000 products, and
//! re-reading each every two seconds, as nodes without a replica do, was a third of the lookups'
//! queries.
//!
//! **A change made through this node is seen at once.** A write that records a product or brand
//! in the feed first marks it as changing here ([`changing`], [`brand_changing`]); a lookup that
//! finds a changing one in the replica or the memory reads it from the database instead, until
//! the follower has applied a feed row of it read after the mark. A code the replica does not
//! hold (a product published a moment ago) is looked for in the database too. Until the first
//! catch-up after a start neither is used.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::error::{AppError, AppResult};
use crate::model::catalog::Brand;
use crate::store::card_replica::{self, CardReplica};
use crate::store::catalog::StoredProduct;
use crate::store::{Backend, Db};

/// Products read from the database per page when the replica is filled.
const PAGE: i64 = 1000;

/// A mark older than this is dropped: its transaction rolled back, or the feed row was applied
/// by a poll that started too early to clear it (the product is then read from the database for
/// this long, never from a stale copy).
const MARK_PATIENCE: Duration = Duration::from_secs(600);

/// A node's replica and what it knows of its freshness (one per [`Db`], in its caches).
#[derive(Default)]
pub struct Cards {
    replica: OnceLock<Arc<CardReplica>>,
    /// The replica must be filled from the database before it is used.
    needs_fill: AtomicBool,
    /// The follower has caught up once since the replica was attached.
    ready: AtomicBool,
    /// Products and brands being changed through this node, with when the change began.
    changing: Mutex<HashMap<(Entity, i64), Instant>>,
    /// Brands as read from the database, until the follower applies a change of theirs.
    brands: Mutex<HashMap<i64, Arc<Brand>>>,
    /// Counts the follower's brand evictions: a brand read before one is not kept after it.
    brand_evictions: std::sync::atomic::AtomicU64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Entity {
    Product,
    Brand,
}

/// Brands kept at most (the memory starts again when full).
const BRANDS_KEPT: usize = 100_000;

fn cards(db: &Db) -> Arc<Cards> {
    db.caches.of::<Cards>()
}

/// Gives this node a replica at `path` when its database is PostgreSQL (SQLite lookups already
/// read on the calling thread); a replica that cannot be opened is only logged, and lookups go
/// to the database.
pub fn attach(db: &Db, path: &std::path::Path) {
    if db.backend != Backend::Postgres {
        return;
    }
    match CardReplica::open(path) {
        Ok((replica, stale)) => {
            let cards = cards(db);
            cards.needs_fill.store(stale, Ordering::Release);
            if cards.replica.set(Arc::new(replica)).is_err() {
                tracing::warn!("a card replica was already attached; the second is ignored");
            }
        }
        Err(e) => tracing::warn!(error = %e, path = %path.display(), "no card replica: lookups read the database"),
    }
}

/// Marks a product as changing through this node, before the transaction that records it in
/// the change feed commits.
pub fn changing(db: &Db, product_ids: impl IntoIterator<Item = i64>) {
    mark(db, Entity::Product, product_ids);
}

/// Marks a brand as changing through this node, as [`changing`] does a product.
pub fn brand_changing(db: &Db, brand_id: i64) {
    mark(db, Entity::Brand, [brand_id]);
}

fn mark(db: &Db, entity: Entity, ids: impl IntoIterator<Item = i64>) {
    let cards = cards(db);
    if cards.replica.get().is_none() {
        return;
    }
    let now = Instant::now();
    let mut marks = cards.changing.lock().unwrap_or_else(|p| p.into_inner());
    marks.extend(ids.into_iter().map(|id| ((entity, id), now)));
}

fn marked(cards: &Cards, entity: Entity, id: i64) -> bool {
    cards.changing.lock().unwrap_or_else(|p| p.into_inner()).contains_key(&(entity, id))
}

/// A brand kept in memory, when the memory may answer for it.
pub fn kept_brand(db: &Db, id: i64) -> Option<Arc<Brand>> {
    let cards = cards(db);
    if !cards.ready.load(Ordering::Acquire) || marked(&cards, Entity::Brand, id) {
        return None;
    }
    let kept = cards.brands.lock().unwrap_or_else(|p| p.into_inner()).get(&id).cloned();
    kept
}

/// Where the follower's brand evictions stand: taken before reading a brand from the database,
/// and handed back to [`keep_brand`].
pub fn brand_evictions(db: &Db) -> u64 {
    cards(db).brand_evictions.load(Ordering::Acquire)
}

/// Keeps a brand read from the database, unless the follower evicted a brand since the read
/// began (it may have been this one, and the read may predate its change) or it is changing.
pub fn keep_brand(db: &Db, evictions_before: u64, brand: Arc<Brand>) {
    let cards = cards(db);
    if !cards.ready.load(Ordering::Acquire) || marked(&cards, Entity::Brand, brand.id) {
        return;
    }
    let mut brands = cards.brands.lock().unwrap_or_else(|p| p.into_inner());
    if cards.brand_evictions.load(Ordering::Acquire) != evictions_before {
        return;
    }
    if brands.len() >= BRANDS_KEPT {
        brands.clear();
    }
    brands.insert(brand.id, brand);
}

/// The published product with this GTIN from the replica, when the replica may answer for it;
/// `None` sends the caller to the database.
pub fn published_by_gtin(db: &Db, gtin14: &str) -> AppResult<Option<StoredProduct>> {
    let cards = cards(db);
    let Some(replica) = cards.replica.get() else { return Ok(None) };
    if !cards.ready.load(Ordering::Acquire) {
        return Ok(None);
    }
    let Some((id, brand_id, published, published_at)) = replica.by_gtin(gtin14)? else { return Ok(None) };
    if marked(&cards, Entity::Product, id) {
        return Ok(None);
    }
    Ok(Some(StoredProduct::published_only(id, brand_id, published, published_at)))
}

/// Empties the replica and fills it with every published product (the index is rebuilt, or the
/// replica is new). Called by the follower holding the feed: what changes meanwhile is applied
/// from the feed afterwards.
pub(crate) async fn fill(db: &Db) -> AppResult<u64> {
    let cards = cards(db);
    let Some(replica) = cards.replica.get().cloned() else { return Ok(0) };
    forget_brands(&cards, None);
    blocking(&replica, |r| r.clear()).await?;
    let mut after = 0;
    let mut kept = 0u64;
    loop {
        let page = card_replica::published_cards_page(db.reader(), after, PAGE).await?;
        let Some(last) = page.last() else { break };
        after = last.product_id;
        kept += page.len() as u64;
        blocking(&replica, move |r| r.apply(&page, &[])).await?;
    }
    cards.needs_fill.store(false, Ordering::Release);
    Ok(kept)
}

/// Whether the replica must be filled before it is used.
pub(crate) fn needs_fill(db: &Db) -> bool {
    let cards = cards(db);
    cards.replica.get().is_some() && cards.needs_fill.load(Ordering::Acquire)
}

/// Forgets the kept brands named (all with `None`), counting an eviction first.
fn forget_brands(cards: &Cards, ids: Option<&[i64]>) {
    let mut brands = cards.brands.lock().unwrap_or_else(|p| p.into_inner());
    cards.brand_evictions.fetch_add(1, Ordering::AcqRel);
    match ids {
        None => brands.clear(),
        Some(ids) => ids.iter().for_each(|id| {
            brands.remove(id);
        }),
    }
}

/// Applies the products and brands feed rows named (read in a poll that began at
/// `poll_began`): keeps the published products, forgets the others and the brands' kept
/// copies, and clears the marks of changes made here before the poll began.
pub(crate) async fn apply(db: &Db, product_ids: &[i64], brand_ids: &[i64], poll_began: Instant) -> AppResult<()> {
    let cards = cards(db);
    let Some(replica) = cards.replica.get().cloned() else { return Ok(()) };
    if !brand_ids.is_empty() {
        forget_brands(&cards, Some(brand_ids));
    }
    let mut kept = Vec::new();
    for chunk in product_ids.chunks(500) {
        kept.extend(card_replica::published_cards(db.reader(), chunk).await?);
    }
    let published: std::collections::BTreeSet<i64> = kept.iter().map(|c| c.product_id).collect();
    let gone: Vec<i64> = product_ids.iter().copied().filter(|id| !published.contains(id)).collect();
    blocking(&replica, move |r| r.apply(&kept, &gone)).await?;
    let mut marks = cards.changing.lock().unwrap_or_else(|p| p.into_inner());
    let applied =
        product_ids.iter().map(|id| (Entity::Product, *id)).chain(brand_ids.iter().map(|id| (Entity::Brand, *id)));
    for key in applied {
        if marks.get(&key).is_some_and(|began| *began <= poll_began) {
            marks.remove(&key);
        }
    }
    Ok(())
}

/// The follower has caught up: from now on the replica answers.
pub(crate) fn caught_up(db: &Db) {
    let cards = cards(db);
    if cards.replica.get().is_none() {
        return;
    }
    cards.ready.store(true, Ordering::Release);
    let mut marks = cards.changing.lock().unwrap_or_else(|p| p.into_inner());
    marks.retain(|_, began| began.elapsed() < MARK_PATIENCE);
}

async fn blocking(
    replica: &Arc<CardReplica>,
    work: impl FnOnce(&CardReplica) -> rusqlite::Result<()> + Send + 'static,
) -> AppResult<()> {
    let replica = replica.clone();
    tokio::task::spawn_blocking(move || work(&replica))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))
}
