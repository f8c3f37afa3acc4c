//! Searching the published catalog by name, alias, description, code or category, with typos
//! forgiven, through the derived index of `crates/search`.
//!
//! The index is never the source of truth. Each process keeps its own copy (in
//! `DATA_DIR/search`, or in memory) and keeps it current by tailing the change feed: every
//! saved, published or imported sheet appends a row to `catalog_history`, and
//! [`SearchService::catch_up`] (every 500 ms while serving) reindexes the *published* copies
//! of the brands and products those rows name. Its position is committed with the index, so a
//! restart resumes where it stopped.
//!
//! Ids are handed out when a row is inserted, not when its transaction commits: on PostgreSQL
//! row 101 can become visible before row 100. So every id skipped over is remembered as a gap
//! and looked for again on each poll for [`GAP_PATIENCE`] (a rolled-back transaction leaves a
//! gap that never fills); after a restart or a rebuild, the rows of the last [`LOOKBACK_MS`]
//! are read again. Reindexing is idempotent, so reading a row twice costs only time.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use search::{CatalogDoc, DocKind, SearchIndex};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::catalog::{BrandSheet, ProductSheet};
use super::now_ms;
use super::policy::{check, Action, Principal, Target};
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use crate::store::{self, Db};

/// How often a serving process looks at the change feed.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);
/// How long a skipped id is waited for before it is taken for a rolled-back transaction.
pub const GAP_PATIENCE: Duration = Duration::from_secs(60);
/// How far back the feed is read again after a restart or a rebuild.
pub const LOOKBACK_MS: i64 = 60_000;
/// Most gaps remembered; beyond this (a huge rolled-back import), later ones are not tracked.
const MAX_GAPS: usize = 20_000;
/// Feed rows and products read per query.
const PAGE: i64 = 1000;

/// The index and where this process stands in the change feed.
#[derive(Clone)]
pub struct SearchService {
    index: Arc<SearchIndex>,
    feed: Arc<tokio::sync::Mutex<FeedCursor>>,
    /// Searches running at once: two per core (one per core left the cores idle between a
    /// search and the next: 30 % fewer searches a second). More would only share the cores, the
    /// slowest search much slower (p99 32 ms against 15 ms at 16 connections on 2 cores); beyond
    /// it they wait their turn in order, and lookups still find a core.
    searching: Arc<tokio::sync::Semaphore>,
    /// What `/metrics` and `/readyz` read of the follower without waiting for `feed`.
    follow: Arc<Follow>,
}

/// The follower's position and heartbeat, readable while it works.
#[derive(Default)]
struct Follow {
    /// The feed id the index has applied up to (`high_water` after the last catch-up).
    position: std::sync::atomic::AtomicI64,
    /// Beaten after each poll and each page of a rebuild or a long catch-up.
    heartbeat: std::sync::OnceLock<crate::ops::workers::Heartbeat>,
}

impl Follow {
    fn alive(&self) {
        if let Some(beat) = self.heartbeat.get() {
            beat.beat();
        }
    }
}

#[derive(Default)]
struct FeedCursor {
    /// The index has nothing trustworthy: rebuild before following the feed.
    needs_rebuild: bool,
    /// Highest feed id seen.
    high_water: i64,
    /// Ids below `high_water` not seen yet, with when they were first missed.
    gaps: BTreeMap<i64, Instant>,
    /// Re-read the feed from this instant (ms) once, then follow it.
    reread_since_ms: Option<i64>,
}

/// The feed position stored with each index commit.
#[derive(Serialize, Deserialize)]
struct Checkpoint {
    high_water: i64,
    at_ms: i64,
}

/// What a rebuild indexed.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RebuildReport {
    pub brands: u64,
    pub products: u64,
    pub millis: u64,
}

impl SearchService {
    /// An index in memory, built from the database on the first [`SearchService::catch_up`].
    pub fn in_memory() -> SearchService {
        Self::wrap(SearchIndex::in_ram(), FeedCursor { needs_rebuild: true, ..FeedCursor::default() })
    }

    /// The index in `dir`, taking its writer lock. An index of another schema version, or
    /// none, is rebuilt on the first [`SearchService::catch_up`].
    pub fn open(dir: &Path) -> Result<SearchService, search::SearchError> {
        let (index, opened) = SearchIndex::open_in_dir(dir)?;
        index.lock_for_writing()?;
        let checkpoint = match opened {
            search::Opened::Existing { payload } => {
                payload.as_deref().and_then(|p| serde_json::from_str::<Checkpoint>(p).ok())
            }
            search::Opened::Created => None,
        };
        let cursor = match checkpoint {
            Some(c) => FeedCursor {
                needs_rebuild: false,
                high_water: c.high_water,
                gaps: BTreeMap::new(),
                reread_since_ms: Some(c.at_ms - LOOKBACK_MS),
            },
            None => FeedCursor { needs_rebuild: true, ..FeedCursor::default() },
        };
        Ok(Self::wrap(index, cursor))
    }

    fn wrap(index: SearchIndex, cursor: FeedCursor) -> SearchService {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        SearchService {
            index: Arc::new(index),
            feed: Arc::new(tokio::sync::Mutex::new(cursor)),
            searching: Arc::new(tokio::sync::Semaphore::new(2 * cores)),
            follow: Arc::default(),
        }
    }

    /// Where the index lives.
    pub fn location(&self) -> &str {
        self.index.location()
    }

    /// The change feed id the index has applied up to; 0 before its first build.
    pub fn feed_position(&self) -> i64 {
        self.follow.position.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Documents searchable now.
    pub fn num_docs(&self) -> u64 {
        self.index.num_docs()
    }

    /// Rebuilds the whole index from the published catalog, atomically: searches see the old
    /// index until the new one is committed.
    pub async fn rebuild(&self, db: &Db) -> AppResult<RebuildReport> {
        let mut cursor = self.feed.lock().await;
        self.rebuild_locked(db, &mut cursor).await
    }

    async fn rebuild_locked(&self, db: &Db, cursor: &mut FeedCursor) -> AppResult<RebuildReport> {
        let started = Instant::now();
        // The feed position is taken first: whatever changes while the catalog is read is
        // reindexed again from the feed afterwards.
        let high_water = store::search::feed_high_water(db.reader()).await?;
        let at_ms = now_ms();
        self.blocking(|index| index.delete_all()).await?;
        super::cards::fill(db).await?;
        let mut brands: HashMap<i64, BrandSheet> = HashMap::new();
        let mut after = 0;
        loop {
            let page = store::search::published_brands_page(db.reader(), after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.0;
            self.follow.alive();
            let docs: Vec<CatalogDoc> = page.iter().map(|(id, sheet)| brand_doc(*id, sheet)).collect();
            self.blocking(move |index| docs.iter().try_for_each(|d| index.upsert(d))).await?;
            brands.extend(page);
        }
        let mut products = 0u64;
        let mut after = 0;
        loop {
            let page = store::search::published_products_page(db.reader(), None, after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.0;
            let docs: Vec<CatalogDoc> = page
                .iter()
                .filter_map(|(id, brand_id, sheet)| brands.get(brand_id).map(|b| product_doc(*id, *brand_id, sheet, b)))
                .collect();
            products += docs.len() as u64;
            self.follow.alive();
            self.blocking(move |index| docs.iter().try_for_each(|d| index.upsert(d))).await?;
        }
        let checkpoint = serde_json::to_string(&Checkpoint { high_water, at_ms }).unwrap_or_default();
        self.blocking(move |index| index.commit(Some(&checkpoint))).await?;
        self.follow.position.store(high_water, std::sync::atomic::Ordering::Release);
        *cursor = FeedCursor {
            needs_rebuild: false,
            high_water,
            gaps: BTreeMap::new(),
            reread_since_ms: Some(at_ms - LOOKBACK_MS),
        };
        Ok(RebuildReport { brands: brands.len() as u64, products, millis: started.elapsed().as_millis() as u64 })
    }

    /// Brings the index up to date with the change feed (rebuilding it first if it has
    /// nothing to start from); returns how many feed rows were applied.
    pub async fn catch_up(&self, db: &Db) -> AppResult<usize> {
        let mut cursor = self.feed.lock().await;
        let poll_began = Instant::now();
        if !cursor.needs_rebuild && super::cards::needs_fill(db) {
            let kept = super::cards::fill(db).await?;
            tracing::info!(products = kept, "card replica filled");
        }
        if cursor.needs_rebuild {
            let report = self.rebuild_locked(db, &mut cursor).await?;
            tracing::info!(
                brands = report.brands,
                products = report.products,
                millis = report.millis,
                index = self.location(),
                "search index rebuilt"
            );
        }
        let mut applied = 0;
        // The recent past, once after a restart or rebuild.
        if let Some(since) = cursor.reread_since_ms.take() {
            let mut after = 0;
            loop {
                let rows = store::search::feed_after(db.reader(), after, Some(since), PAGE).await?;
                let Some(last) = rows.last() else { break };
                after = last.id;
                note_seen(&mut cursor, &rows);
                applied += self.apply(db, &rows, poll_began).await?;
                if (rows.len() as i64) < PAGE {
                    break;
                }
            }
        }
        // Gaps that filled since: transactions that committed after a later one.
        let now = Instant::now();
        cursor.gaps.retain(|_, first_missed| now.duration_since(*first_missed) < GAP_PATIENCE);
        let waiting: Vec<i64> = cursor.gaps.keys().copied().collect();
        for chunk in waiting.chunks(500) {
            let rows = store::search::feed_ids(db.reader(), chunk).await?;
            for r in &rows {
                cursor.gaps.remove(&r.id);
            }
            applied += self.apply(db, &rows, poll_began).await?;
        }
        // New rows.
        loop {
            let rows = store::search::feed_after(db.reader(), cursor.high_water, None, PAGE).await?;
            if rows.is_empty() {
                break;
            }
            note_seen(&mut cursor, &rows);
            applied += self.apply(db, &rows, poll_began).await?;
            self.follow.alive();
            if (rows.len() as i64) < PAGE {
                break;
            }
        }
        if applied > 0 {
            let checkpoint = serde_json::to_string(&Checkpoint { high_water: cursor.high_water, at_ms: now_ms() })
                .unwrap_or_default();
            self.blocking(move |index| index.commit(Some(&checkpoint))).await?;
        }
        self.follow.position.store(cursor.high_water, std::sync::atomic::Ordering::Release);
        super::cards::caught_up(db);
        Ok(applied)
    }

    /// Reindexes what the feed rows name, from the published copies (uncommitted).
    async fn apply(&self, db: &Db, rows: &[store::search::FeedRow], poll_began: Instant) -> AppResult<usize> {
        let mut brand_ids = BTreeSet::new();
        let mut republished_brands = BTreeSet::new();
        let mut product_ids = BTreeSet::new();
        for r in rows {
            match r.entity_kind.as_str() {
                "brand" => {
                    brand_ids.insert(r.entity_id);
                    // A brand's publication changes what its products show (its name) and
                    // whether they are visible at all.
                    if r.action == "publish" {
                        republished_brands.insert(r.entity_id);
                    }
                }
                "product" => {
                    product_ids.insert(r.entity_id);
                }
                _ => {}
            }
        }
        let product_ids: Vec<i64> = product_ids.into_iter().collect();
        let changed_brands: Vec<i64> = brand_ids.iter().copied().collect();
        super::cards::apply(db, &product_ids, &changed_brands, poll_began).await?;
        let mut products = Vec::new();
        for chunk in product_ids.chunks(500) {
            products.extend(store::search::published_products(db.reader(), chunk).await?);
        }
        let wanted: Vec<i64> = brand_ids
            .iter()
            .copied()
            .chain(products.iter().map(|p| p.1))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut brands: HashMap<i64, BrandSheet> = HashMap::new();
        for chunk in wanted.chunks(500) {
            brands.extend(store::search::published_brands(db.reader(), chunk).await?);
        }

        let mut ops: Vec<Op> = Vec::new();
        for id in &brand_ids {
            ops.push(match brands.get(id) {
                Some(sheet) => Op::Upsert(Box::new(brand_doc(*id, sheet))),
                None => Op::DeleteBrand(*id),
            });
        }
        for id in &republished_brands {
            ops.push(Op::DeleteProductsOfBrand(*id));
            let Some(brand) = brands.get(id) else { continue };
            let mut after = 0;
            loop {
                let page = store::search::published_products_page(db.reader(), Some(*id), after, PAGE).await?;
                let Some(last) = page.last() else { break };
                after = last.0;
                ops.extend(
                    page.iter().map(|(pid, bid, sheet)| Op::Upsert(Box::new(product_doc(*pid, *bid, sheet, brand)))),
                );
            }
        }
        let published: BTreeSet<i64> = products.iter().map(|p| p.0).collect();
        for (pid, bid, sheet) in &products {
            ops.push(match brands.get(bid) {
                Some(brand) => Op::Upsert(Box::new(product_doc(*pid, *bid, sheet, brand))),
                // Officers find products through their brand: none while it is unpublished.
                None => Op::DeleteProduct(*pid),
            });
        }
        ops.extend(product_ids.iter().filter(|id| !published.contains(id)).map(|id| Op::DeleteProduct(*id)));
        if !ops.is_empty() {
            self.blocking(move |index| {
                ops.iter().try_for_each(|op| match op {
                    Op::Upsert(doc) => index.upsert(doc),
                    Op::DeleteBrand(id) => index.delete_brand(*id),
                    Op::DeleteProduct(id) => index.delete_product(*id),
                    Op::DeleteProductsOfBrand(id) => index.delete_products_of_brand(*id),
                })
            })
            .await?;
        }
        Ok(rows.len())
    }

    /// Runs index work (which may block on its writer threads) off the async runtime.
    async fn blocking<R: Send + 'static>(
        &self,
        work: impl FnOnce(&SearchIndex) -> search::Result<R> + Send + 'static,
    ) -> AppResult<R> {
        let index = self.index.clone();
        tokio::task::spawn_blocking(move || work(&index))
            .await
            .map_err(|e| AppError::Internal(e.into()))?
            .map_err(|e| AppError::Internal(e.into()))
    }

    /// Follows the change feed every [`POLL_INTERVAL`] until the process ends.
    pub fn spawn_follower(&self, db: Db) -> tokio::task::JoinHandle<()> {
        self.spawn_follower_reporting(db, crate::ops::workers::Heartbeat::detached("search_follower", POLL_INTERVAL))
    }

    /// [`SearchService::spawn_follower`], beating `beat` after every poll and every page of a
    /// rebuild, so that `/readyz` sees the follower stop. One heartbeat per service: a second
    /// call keeps the first.
    pub fn spawn_follower_reporting(
        &self,
        db: Db,
        beat: crate::ops::workers::Heartbeat,
    ) -> tokio::task::JoinHandle<()> {
        let service = self.clone();
        let _ = self.follow.heartbeat.set(beat.clone());
        tokio::spawn(async move {
            let _running = beat.running();
            let mut failing = false;
            loop {
                let started_ms = super::now_ms();
                let round = service.catch_up(&db).await;
                match &round {
                    Ok(_) => beat.succeeded(started_ms),
                    Err(_) => beat.beat(),
                }
                match round {
                    Ok(_) => failing = false,
                    // Logged once per outage, not every 500 ms.
                    Err(e) if !failing => {
                        failing = true;
                        tracing::error!(error = %e, "search index: following the change feed failed; retrying");
                    }
                    Err(_) => {}
                }
                tokio::time::sleep(POLL_INTERVAL).await;
            }
        })
    }

    /// Searches the published catalog.
    pub async fn search(&self, principal: &Principal, params: &SearchParams) -> AppResult<SearchResults> {
        check(principal, Action::CatalogReadPublished, Target::Platform)?;
        let text = params.q.as_deref().unwrap_or("").trim().to_string();
        if text.chars().count() > MAX_QUERY_CHARS {
            return Err(AppError::invalid(
                "q",
                ErrorCode::TooLong,
                format!("Keep the search under {MAX_QUERY_CHARS} characters."),
            ));
        }
        let category = params.category.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(str::to_string);
        if text.is_empty() && category.is_none() && params.brand_id.is_none() {
            return Err(AppError::invalid(
                "q",
                ErrorCode::Required,
                "Type a name, a word or a code to search for, or choose a category or a brand.",
            ));
        }
        let limit = match params.limit {
            None => 20,
            Some(l) if (1..=100).contains(&l) => l as usize,
            Some(_) => {
                return Err(AppError::client(
                    ErrorKind::BadRequest,
                    ErrorCode::OutOfRange,
                    "limit must be between 1 and 100.",
                ))
            }
        };
        let query = search::SearchQuery {
            text: text.clone(),
            category: category.clone(),
            brand_id: params.brand_id,
            limit,
            // Among equally close names, the brands known where the searcher works come first.
            country: Some(principal.org_country.clone()),
        };
        let hits = {
            let _turn = self.searching.acquire().await.map_err(|e| AppError::Internal(e.into()))?;
            self.blocking(move |index| index.search(&query)).await?
        };
        let message = if hits.is_empty() {
            format!(
                "Nothing published matches \"{text}\"{}. Check the spelling, try the brand's name or the digits under the barcode.",
                category.map(|c| format!(" in category {c}")).unwrap_or_default()
            )
        } else {
            format!("{} result{}.", hits.len(), if hits.len() == 1 { "" } else { "s" })
        };
        Ok(SearchResults {
            hits: hits
                .into_iter()
                .map(|h| SearchHit {
                    kind: match h.kind {
                        DocKind::Brand => HitKind::Brand,
                        DocKind::Product => HitKind::Product,
                    },
                    brand_id: h.brand_id,
                    product_id: h.product_id,
                    title: h.title,
                    title_language: h.title_language,
                    names: h.names.into_iter().collect(),
                    brand_name: h.brand_name,
                    category: h.category,
                    picture: h.picture,
                    score: h.score,
                })
                .collect(),
            message,
        })
    }
}

const MAX_QUERY_CHARS: usize = 200;

enum Op {
    Upsert(Box<CatalogDoc>),
    DeleteBrand(i64),
    DeleteProduct(i64),
    DeleteProductsOfBrand(i64),
}

/// Moves the high-water mark over `rows`, remembering the ids skipped as gaps.
fn note_seen(cursor: &mut FeedCursor, rows: &[store::search::FeedRow]) {
    let now = Instant::now();
    for r in rows {
        cursor.gaps.remove(&r.id);
        if r.id > cursor.high_water {
            for missing in cursor.high_water + 1..r.id {
                if cursor.gaps.len() >= MAX_GAPS {
                    break;
                }
                cursor.gaps.insert(missing, now);
            }
            cursor.high_water = r.id;
        }
    }
}

fn brand_doc(id: i64, sheet: &BrandSheet) -> CatalogDoc {
    CatalogDoc {
        kind: DocKind::Brand,
        brand_id: id,
        product_id: None,
        title: sheet.name.clone(),
        title_language: None,
        brand_name: sheet.name.clone(),
        brand_aliases: sheet.aliases.clone(),
        names: vec![],
        descriptions: vec![],
        categories: vec![sheet.sector.as_str().to_string()],
        codes: sheet.trademarks.iter().map(|t| t.number.clone()).collect(),
        gs1_prefixes: sheet.gs1_company_prefixes.clone(),
        hs_code: None,
        // A contact that answers for a country: the brand is present there. Only what every
        // officer reads counts (the ranking must not reveal a confidential section): so not
        // the supply chain's countries, which a brand may keep confidential, and whose
        // confidentiality is the draft's, which the index does not see.
        countries: sheet.contacts.iter().filter_map(|c| c.country.clone()).collect(),
        picture: None,
    }
}

fn product_doc(id: i64, brand_id: i64, sheet: &ProductSheet, brand: &BrandSheet) -> CatalogDoc {
    let fallback = brand.fallback_language.as_str();
    // A text written without a language is the fallback's: indexed (and stemmed) as such.
    let pairs = |l: &crate::domain::localized::Localized| {
        l.by_language(fallback).into_iter().map(|(l, t)| (l.to_string(), t.to_string())).collect()
    };
    let title = sheet.names.for_reader(fallback, fallback);
    CatalogDoc {
        kind: DocKind::Product,
        brand_id,
        product_id: Some(id),
        title: title.map(|v| v.text.to_string()).unwrap_or_default(),
        title_language: title.map(|v| v.lang.to_string()),
        brand_name: brand.name.clone(),
        brand_aliases: brand.aliases.clone(),
        names: pairs(&sheet.names),
        descriptions: pairs(&sheet.descriptions),
        categories: vec![sheet.category.clone(), brand.sector.as_str().to_string()],
        codes: sheet.gtins.iter().chain(&sheet.model_numbers).cloned().collect(),
        gs1_prefixes: brand.gs1_company_prefixes.clone(),
        hs_code: sheet.hs_code.clone(),
        // Sold only there: the brand is present there (public, unlike the supply chain).
        countries: sheet.only_sold_in.clone(),
        // Kept in the index so that a result shows it without reading the sheet again: the
        // Identify page shows up to 30 results, and reading and parsing 30 sheets per search
        // would cost more than the search. Only a picture no confidential section holds, so
        // that whoever may search may see it (the index does not know the reader).
        picture: sheet.public_picture().map(str::to_string),
    }
}

/// `GET /api/v1/search` parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    /// Words (brand or product names, aliases, descriptions, in any language; misspellings
    /// are forgiven) and codes (GTIN, GS1 company prefix, model number, HS code).
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only products of this category, or brands and products of this sector (e.g.
    /// `handbags`, `luxury`).
    pub category: Option<String>,
    /// Only this brand and its products.
    pub brand_id: Option<i64>,
    /// 1 to 100; 20 by default.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Brand,
    Product,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchHit {
    pub kind: HitKind,
    pub brand_id: i64,
    /// For products: open `/api/v1/products/{id}/card`.
    pub product_id: Option<i64>,
    /// The brand's name, or the product's in its brand's fallback language (else another):
    /// what a reader whose language is not in `names` is shown.
    pub title: String,
    /// The language of `title`, for a product.
    pub title_language: Option<String>,
    /// A product's name by language (en, fr, es, ar): a reader is shown theirs when it is here.
    pub names: BTreeMap<String, String>,
    pub brand_name: String,
    /// A product's category; a brand's sector.
    pub category: Option<String>,
    /// A product's picture of the genuine article (one no confidential section holds), as a
    /// content hash: `/api/v1/media/{picture}/thumbnail` is a small copy.
    pub picture: Option<String>,
    /// Relevance; only the order means something.
    pub score: f32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResults {
    /// Best first: the closest spelling of the words typed (fewest edits, then a brand whose own
    /// name is the query, whole words, prefixes), then brands known in the searcher's country,
    /// then relevance (a brand before its products).
    pub hits: Vec<SearchHit>,
    /// What the results are, in a sentence (says so plainly when nothing matched).
    pub message: String,
}
