//! The published product cards a node keeps when it runs on PostgreSQL
//! ([`crate::store::card_replica`]): a lookup by GTIN reads them on the calling thread instead of
//! making a round trip to the database server, which on a small machine shares its cores.
//!
//! **How it stays current.** The search follower, which already tails the change feed on every
//! node, fills the replica when it (re)builds the index and applies to it every product the feed
//! names, in the same pass. So a change made through another node is seen within a poll of the
//! feed (500 ms), as search sees it.
//!
//! **A change made through this node is seen at once.** A write that records a product in the
//! feed first marks it as changing here ([`changing`]); a lookup that finds a changing product in
//! the replica reads it from the database instead, until the follower has applied a feed row of
//! that product read after the mark. A code the replica does not hold (a product published a
//! moment ago) is looked for in the database too. Until the first catch-up after a start the
//! replica is not used at all.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::error::{AppError, AppResult};
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
    /// Products being changed through this node, with when the change began.
    changing: Mutex<HashMap<i64, Instant>>,
}

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
    let cards = cards(db);
    if cards.replica.get().is_none() {
        return;
    }
    let now = Instant::now();
    let mut marks = cards.changing.lock().unwrap_or_else(|p| p.into_inner());
    marks.extend(product_ids.into_iter().map(|id| (id, now)));
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
    if cards.changing.lock().unwrap_or_else(|p| p.into_inner()).contains_key(&id) {
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

/// Applies the products feed rows named (read in a poll that began at `poll_began`): keeps the
/// published ones, forgets the others, and clears the marks of changes made here before the
/// poll began.
pub(crate) async fn apply(db: &Db, product_ids: &[i64], poll_began: Instant) -> AppResult<()> {
    let cards = cards(db);
    let Some(replica) = cards.replica.get().cloned() else { return Ok(()) };
    let mut kept = Vec::new();
    for chunk in product_ids.chunks(500) {
        kept.extend(card_replica::published_cards(db.reader(), chunk).await?);
    }
    let published: std::collections::BTreeSet<i64> = kept.iter().map(|c| c.product_id).collect();
    let gone: Vec<i64> = product_ids.iter().copied().filter(|id| !published.contains(id)).collect();
    blocking(&replica, move |r| r.apply(&kept, &gone)).await?;
    let mut marks = cards.changing.lock().unwrap_or_else(|p| p.into_inner());
    for id in product_ids {
        if marks.get(id).is_some_and(|began| *began <= poll_began) {
            marks.remove(id);
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
