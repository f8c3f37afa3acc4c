//! The full-text index of the published catalog, derived from the database and rebuilt from it
//! at will. It knows nothing of the database: the application hands it [`CatalogDoc`]s (one per
//! published brand, one per published product) and asks it [`SearchQuery`]s.
//!
//! What makes it useful to an officer at a counter:
//!
//! * names and aliases are matched with accents folded and with typos forgiven (Levenshtein
//!   distance 1 for words of 3 to 5 letters, 2 from 6 letters, transpositions counting one), so
//!   "Kastenbruk" or "Lumeire" find their brand;
//! * descriptions and names are stemmed in their own language (every language tantivy has a
//!   Snowball stemmer for), and also indexed unstemmed for the others;
//! * GTINs (as written and as 14 digits), GS1 company prefixes, model numbers, HS codes (the
//!   subheading and its heading) are matched as whole codes;
//! * ranking (see `rank`) puts the closest spelling first: fewer edits between the words typed
//!   and the names' words (a transposition counting one), then the brand's own name, whole
//!   words and prefixes, then brands known in the officer's country, then tantivy's score
//!   (brands before their products) and the shorter title;
//! * results can be filtered by category (a product's category or its brand's sector) and by
//!   brand.
//!
//! Writes are serialised through one lazily created writer; each [`SearchIndex::commit`] is
//! atomic and may carry a payload (the application stores its change-feed position there).

mod analysis;
mod rank;

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::directory::MmapDirectory;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{
    DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentOrdinal, SegmentReader, TantivyDocument, Term,
};

/// Bumped whenever the schema or the analyzers change: an index written by another version
/// is wiped and rebuilt from the database.
pub const SCHEMA_VERSION: u32 = 4;

/// Memory for the writer's in-flight segment; 50 MB indexes about 100,000 products before
/// flushing a segment.
const WRITER_MEMORY: usize = 50_000_000;

/// Most words of a query considered; the rest are ignored.
const MAX_QUERY_WORDS: usize = 12;

/// Candidates taken from tantivy beyond the limit, to be ordered by closeness: fuzzy matches
/// all score alike, so the closest brand can sit anywhere among them, and those cut are cut
/// blindly. On the demo catalog's typo set (docs/BENCHMARKS.md) 50 lost a point of top-1 for a
/// brand and a product word; 200 costs under a millisecond of stored documents read.
const CANDIDATES_BEYOND_LIMIT: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Another process holds the index directory's writer lock.
    #[error("the search index in {0} is in use by another process")]
    Locked(String),
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index directory: {0}")]
    Directory(String),
}

pub type Result<T> = std::result::Result<T, SearchError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    Brand,
    Product,
}

impl DocKind {
    fn as_str(self) -> &'static str {
        match self {
            DocKind::Brand => "brand",
            DocKind::Product => "product",
        }
    }
}

/// What the index holds of one published brand or product.
#[derive(Debug, Clone)]
pub struct CatalogDoc {
    pub kind: DocKind,
    pub brand_id: i64,
    /// Set for products.
    pub product_id: Option<i64>,
    /// What a result shows a reader whose language has no name in `names`: the brand's name,
    /// or the product's name in its brand's fallback language (else another).
    pub title: String,
    /// The language `title` is in (products only).
    pub title_language: Option<String>,
    pub brand_name: String,
    pub brand_aliases: Vec<String>,
    /// Product names by ISO 639-1 language; results carry them, so that each reader is shown
    /// the name in their language.
    pub names: Vec<(String, String)>,
    /// Descriptions by ISO 639-1 language.
    pub descriptions: Vec<(String, String)>,
    /// The product's category and its brand's sector (a brand: its sector), for search and
    /// for the category filter.
    pub categories: Vec<String>,
    /// GTINs (any length; the 14-digit form is added), model numbers.
    pub codes: Vec<String>,
    pub gs1_prefixes: Vec<String>,
    /// The 6-digit HS subheading.
    pub hs_code: Option<String>,
    /// Countries (ISO 3166-1 alpha-2) where the catalog says the brand is present, from what
    /// every officer may read of this document; a brand is known in a country when its own
    /// document or any of its products' says so.
    pub countries: Vec<String>,
    /// The content hash of the picture a result shows (a product: its genuine look), only
    /// stored: it must be one every reader of the document may see, which the caller decides.
    pub picture: Option<String>,
}

/// A search: words and codes, optional filters.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    /// Only documents with this category or sector (case-insensitive).
    pub category: Option<String>,
    pub brand_id: Option<i64>,
    pub limit: usize,
    /// The searcher's country (ISO 3166-1 alpha-2): among equally close matches, brands known
    /// there come first.
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: DocKind,
    pub brand_id: i64,
    pub product_id: Option<i64>,
    pub title: String,
    /// The language of `title`, for a product.
    pub title_language: Option<String>,
    /// A product's name by language.
    pub names: Vec<(String, String)>,
    pub brand_name: String,
    /// A product's category; a brand's sector.
    pub category: Option<String>,
    /// The content hash of the document's picture, if it has one.
    pub picture: Option<String>,
    pub score: f32,
}

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    kind: Field,
    brand_id: Field,
    product_id: Field,
    brand_products: Field,
    title: Field,
    title_language: Field,
    names_shown: Field,
    brand_name: Field,
    category_shown: Field,
    picture: Field,
    name_words: Field,
    own_names: Field,
    countries: Field,
    own_name: Field,
    brand: Field,
    name: Field,
    exact: Field,
    text: Field,
    codes: Field,
    category: Field,
}

fn text_options(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(IndexRecordOption::WithFreqs),
    )
}

/// Indexed without frequencies: fields matched whole, where counting makes no sense.
fn basic_options(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(IndexRecordOption::Basic),
    )
}

fn schema() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("key", STRING);
    b.add_text_field("kind", STRING | STORED);
    // Fast: the country ranking reads the brands of the documents that match a country.
    b.add_u64_field("brand_id", INDEXED | STORED | FAST);
    b.add_u64_field("product_id", STORED);
    b.add_text_field("brand_products", STRING);
    b.add_text_field("title", STORED);
    b.add_text_field("title_language", STORED);
    // The names as JSON, (language, name) pairs: only read back, never searched.
    b.add_text_field("names_shown", STORED);
    b.add_text_field("brand_name", STORED);
    b.add_text_field("category_shown", STORED);
    b.add_text_field("picture", STORED);
    // What the ranking compares the query with, folded: the names' distinct words, and a
    // brand's own names whole (one per line).
    b.add_text_field("name_words", STORED);
    b.add_text_field("own_names", STORED);
    b.add_text_field("countries", STRING);
    b.add_text_field("own_name", text_options(analysis::FOLD));
    b.add_text_field("brand", text_options(analysis::FOLD));
    b.add_text_field("name", text_options(analysis::FOLD));
    b.add_text_field("exact", basic_options(analysis::EXACT));
    b.add_text_field("text", text_options(analysis::FOLD));
    for (lang, _) in analysis::STEMMED {
        b.add_text_field(&format!("text_{lang}"), text_options(&analysis::stem_name(lang)));
    }
    b.add_text_field("codes", basic_options(analysis::CODE));
    b.add_text_field("category", STRING);
    b.build()
}

fn fields(schema: &Schema) -> Fields {
    let f = |name: &str| schema.get_field(name).expect("field in schema");
    Fields {
        key: f("key"),
        kind: f("kind"),
        brand_id: f("brand_id"),
        product_id: f("product_id"),
        brand_products: f("brand_products"),
        title: f("title"),
        title_language: f("title_language"),
        names_shown: f("names_shown"),
        brand_name: f("brand_name"),
        category_shown: f("category_shown"),
        picture: f("picture"),
        name_words: f("name_words"),
        own_names: f("own_names"),
        countries: f("countries"),
        own_name: f("own_name"),
        brand: f("brand"),
        name: f("name"),
        exact: f("exact"),
        text: f("text"),
        codes: f("codes"),
        category: f("category"),
    }
}

/// Whether [`SearchIndex::open_in_dir`] found an index it can keep or had to start afresh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// An index of this schema version, with the payload of its last commit.
    Existing { payload: Option<String> },
    /// A new, empty index (none was there, or it was of another version): rebuild it.
    Created,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Envelope {
    schema: u32,
    payload: Option<String>,
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<Option<IndexWriter>>,
    f: Fields,
    stemmed: Vec<(Field, TextAnalyzer)>,
    location: String,
}

impl SearchIndex {
    /// An index in memory, for tests and for a process that cannot have the directory.
    pub fn in_ram() -> SearchIndex {
        let index = Index::create_in_ram(schema());
        Self::wrap(index, "memory".into()).expect("an in-memory index opens")
    }

    /// Opens the index in `dir`, creating it (and the directory) when absent, and starting
    /// afresh when it was written with another schema version.
    pub fn open_in_dir(dir: &Path) -> Result<(SearchIndex, Opened)> {
        let location = dir.display().to_string();
        std::fs::create_dir_all(dir).map_err(|e| SearchError::Directory(format!("{location}: {e}")))?;
        let open = || -> Result<Index> {
            let directory = MmapDirectory::open(dir).map_err(|e| SearchError::Directory(e.to_string()))?;
            Ok(Index::open_or_create(directory, schema())?)
        };
        if let Ok(index) = open() {
            let metas = index.load_metas()?;
            let envelope = metas.payload.as_deref().and_then(|p| serde_json::from_str::<Envelope>(p).ok());
            match envelope {
                Some(e) if e.schema == SCHEMA_VERSION => {
                    return Ok((Self::wrap(index, location)?, Opened::Existing { payload: e.payload }));
                }
                // Created just now (no commit yet) and of our schema: keep it.
                None if metas.segments.is_empty() && metas.opstamp == 0 => {
                    return Ok((Self::wrap(index, location)?, Opened::Created));
                }
                _ => {}
            }
        }
        // Another version: its files are derived data, so they go.
        for entry in std::fs::read_dir(dir).map_err(|e| SearchError::Directory(e.to_string()))?.flatten() {
            let path = entry.path();
            let removed = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
            removed.map_err(|e| SearchError::Directory(format!("{}: {e}", path.display())))?;
        }
        let directory = MmapDirectory::open(dir).map_err(|e| SearchError::Directory(e.to_string()))?;
        let index = Index::create(directory, schema(), Default::default())?;
        Ok((Self::wrap(index, location)?, Opened::Created))
    }

    fn wrap(index: Index, location: String) -> Result<SearchIndex> {
        analysis::register(index.tokenizers());
        let schema = index.schema();
        let f = fields(&schema);
        let stemmed = analysis::STEMMED
            .iter()
            .map(|(lang, language)| {
                (schema.get_field(&format!("text_{lang}")).expect("stemmed field"), analysis::stem(*language))
            })
            .collect();
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(SearchIndex { index, reader, writer: Mutex::new(None), f, stemmed, location })
    }

    /// Where the index lives (a directory, or "memory").
    pub fn location(&self) -> &str {
        &self.location
    }

    /// The payload of the last commit.
    pub fn payload(&self) -> Result<Option<String>> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.as_deref().and_then(|p| serde_json::from_str::<Envelope>(p).ok()).and_then(|e| e.payload))
    }

    /// How many documents the last reload sees.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn with_writer<R>(&self, f: impl FnOnce(&mut IndexWriter, &Fields) -> Result<R>) -> Result<R> {
        let mut guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if guard.is_none() {
            let threads = std::thread::available_parallelism().map(|n| n.get().min(2)).unwrap_or(1);
            let writer = self.index.writer_with_num_threads(threads, WRITER_MEMORY).map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => SearchError::Locked(self.location.clone()),
                other => SearchError::Index(other),
            })?;
            *guard = Some(writer);
        }
        f(guard.as_mut().expect("writer just created"), &self.f)
    }

    /// Takes the writer now, so that a second process on the same directory fails early.
    pub fn lock_for_writing(&self) -> Result<()> {
        self.with_writer(|_, _| Ok(()))
    }

    /// Adds or replaces (by brand or product id) a document. Seen by searches after
    /// [`SearchIndex::commit`].
    pub fn upsert(&self, doc: &CatalogDoc) -> Result<()> {
        let d = self.document(doc);
        self.with_writer(|w, f| {
            w.delete_term(Term::from_field_text(f.key, &key_of(doc.kind, doc.product_id.unwrap_or(doc.brand_id))));
            w.add_document(d)?;
            Ok(())
        })
    }

    /// Removes a brand's own document (not its products').
    pub fn delete_brand(&self, brand_id: i64) -> Result<()> {
        self.with_writer(|w, f| {
            w.delete_term(Term::from_field_text(f.key, &key_of(DocKind::Brand, brand_id)));
            Ok(())
        })
    }

    pub fn delete_product(&self, product_id: i64) -> Result<()> {
        self.with_writer(|w, f| {
            w.delete_term(Term::from_field_text(f.key, &key_of(DocKind::Product, product_id)));
            Ok(())
        })
    }

    /// Removes every product document of a brand (before they are added again).
    pub fn delete_products_of_brand(&self, brand_id: i64) -> Result<()> {
        self.with_writer(|w, f| {
            w.delete_term(Term::from_field_text(f.brand_products, &brand_id.to_string()));
            Ok(())
        })
    }

    /// Removes everything (before a rebuild); nothing changes for searches until the commit.
    pub fn delete_all(&self) -> Result<()> {
        self.with_writer(|w, _| {
            w.delete_all_documents()?;
            Ok(())
        })
    }

    /// Makes the changes so far visible, atomically, with `payload` stored beside them.
    pub fn commit(&self, payload: Option<&str>) -> Result<()> {
        let envelope = serde_json::to_string(&Envelope { schema: SCHEMA_VERSION, payload: payload.map(str::to_owned) })
            .unwrap_or_default();
        self.with_writer(|w, _| {
            let mut prepared = w.prepare_commit()?;
            prepared.set_payload(&envelope);
            prepared.commit()?;
            Ok(())
        })?;
        self.reader.reload()?;
        Ok(())
    }

    fn document(&self, doc: &CatalogDoc) -> TantivyDocument {
        let f = &self.f;
        let mut d = TantivyDocument::new();
        d.add_text(f.key, key_of(doc.kind, doc.product_id.unwrap_or(doc.brand_id)));
        d.add_text(f.kind, doc.kind.as_str());
        d.add_u64(f.brand_id, doc.brand_id as u64);
        d.add_text(f.title, &doc.title);
        if let Some(lang) = &doc.title_language {
            d.add_text(f.title_language, lang);
        }
        if !doc.names.is_empty() {
            d.add_text(f.names_shown, serde_json::to_string(&doc.names).unwrap_or_default());
        }
        d.add_text(f.brand_name, &doc.brand_name);
        if let Some(c) = doc.categories.first() {
            d.add_text(f.category_shown, c);
        }
        if let Some(p) = &doc.picture {
            d.add_text(f.picture, p);
        }
        for c in &doc.categories {
            d.add_text(f.category, c.trim().to_lowercase());
            d.add_text(f.text, c);
        }
        let mut own_names: Vec<String> = Vec::new();
        let mut name_words: Vec<String> = Vec::new();
        for n in std::iter::once(&doc.brand_name).chain(&doc.brand_aliases) {
            d.add_text(f.brand, n);
            if doc.kind == DocKind::Brand {
                d.add_text(f.own_name, n);
                d.add_text(f.exact, n);
                own_names.extend(analysis::terms(&mut analysis::exact(), n.trim()));
            }
            name_words.extend(analysis::terms(&mut analysis::fold(), n));
        }
        for (_, name) in &doc.names {
            name_words.extend(analysis::terms(&mut analysis::fold(), name));
        }
        name_words.sort();
        name_words.dedup();
        d.add_text(f.name_words, name_words.join(" "));
        if !own_names.is_empty() {
            d.add_text(f.own_names, own_names.join("\n"));
        }
        let mut countries: Vec<String> = doc.countries.iter().map(|c| c.trim().to_uppercase()).collect();
        countries.sort();
        countries.dedup();
        for c in countries {
            d.add_text(f.countries, c);
        }
        if let Some(id) = doc.product_id {
            d.add_u64(f.product_id, id as u64);
            d.add_text(f.brand_products, doc.brand_id.to_string());
        }
        for (lang, name) in &doc.names {
            d.add_text(f.name, name);
            self.add_language_text(&mut d, lang, name);
        }
        for (lang, text) in &doc.descriptions {
            self.add_language_text(&mut d, lang, text);
        }
        let mut codes: Vec<String> = Vec::new();
        for c in &doc.codes {
            let c = analysis::normalise_code(c);
            if (8..=14).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()) {
                codes.push(format!("{c:0>14}"));
            }
            codes.push(c);
        }
        codes.extend(doc.gs1_prefixes.iter().map(|p| analysis::normalise_code(p)));
        if let Some(hs) = &doc.hs_code {
            let hs = analysis::normalise_code(hs);
            if hs.len() == 6 {
                codes.push(hs[..4].to_string());
            }
            codes.push(hs);
        }
        codes.sort();
        codes.dedup();
        for c in codes {
            d.add_text(f.codes, c);
        }
        d
    }

    fn add_language_text(&self, d: &mut TantivyDocument, lang: &str, text: &str) {
        d.add_text(self.f.text, text);
        if let Some(pos) = analysis::STEMMED.iter().position(|(l, _)| *l == lang) {
            d.add_text(self.stemmed[pos].0, text);
        }
    }

    /// The best matches, best first. An empty text with a filter lists what the filter
    /// keeps; an empty text without one finds nothing.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<Hit>> {
        let limit = q.limit.clamp(1, 200);
        let f = &self.f;
        let mut filters: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(c) = q.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            filters.push((Occur::Must, basic_term(f.category, &c.to_lowercase())));
        }
        if let Some(b) = q.brand_id {
            filters.push((
                Occur::Must,
                Box::new(TermQuery::new(Term::from_field_u64(f.brand_id, b as u64), IndexRecordOption::Basic)),
            ));
        }
        let text = self.text_query(&q.text);
        let query: Box<dyn Query> = match (text, filters.is_empty()) {
            (None, true) => return Ok(Vec::new()),
            (None, false) => {
                filters.push((Occur::Must, Box::new(AllQuery)));
                Box::new(BooleanQuery::new(filters))
            }
            (Some(t), true) => t,
            (Some(t), false) => {
                filters.push((Occur::Must, t));
                Box::new(BooleanQuery::new(filters))
            }
        };
        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit + CANDIDATES_BEYOND_LIMIT).order_by_score())?;
        let words: Vec<String> =
            analysis::terms(&mut analysis::fold(), &q.text).into_iter().take(MAX_QUERY_WORDS).collect();
        let whole = analysis::terms(&mut analysis::exact(), q.text.trim()).into_iter().next();
        let mut ranked: Vec<(Hit, rank::Closeness)> = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text_of = |field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_owned);
            let kind = if text_of(f.kind).as_deref() == Some("brand") { DocKind::Brand } else { DocKind::Product };
            let name_words = doc.get_first(f.name_words).and_then(|v| v.as_str()).unwrap_or("");
            let own_name = kind == DocKind::Brand
                && whole.as_deref().is_some_and(|w| {
                    doc.get_first(f.own_names).and_then(|v| v.as_str()).is_some_and(|o| o.lines().any(|n| n == w))
                });
            let closeness = rank::Closeness::of(&words, &name_words.split(' ').collect::<Vec<_>>(), own_name);
            let hit = Hit {
                kind,
                brand_id: doc.get_first(f.brand_id).and_then(|v| v.as_u64()).unwrap_or(0) as i64,
                product_id: doc.get_first(f.product_id).and_then(|v| v.as_u64()).map(|v| v as i64),
                title: text_of(f.title).unwrap_or_default(),
                title_language: text_of(f.title_language),
                names: text_of(f.names_shown).and_then(|n| serde_json::from_str(&n).ok()).unwrap_or_default(),
                brand_name: text_of(f.brand_name).unwrap_or_default(),
                category: text_of(f.category_shown),
                picture: text_of(f.picture),
                score,
            };
            ranked.push((hit, closeness));
        }
        let known = match q.country.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(country) => self.brands_known_in(&searcher, country, ranked.iter().map(|(h, _)| h.brand_id))?,
            None => HashSet::new(),
        };
        ranked.sort_by(|(a, ca), (b, cb)| {
            ca.cmp(cb)
                .then(known.contains(&b.brand_id).cmp(&known.contains(&a.brand_id)))
                .then(b.score.total_cmp(&a.score))
                .then(a.title.len().cmp(&b.title.len()))
                // The same order for the same query, whatever the index's segments: a brand
                // before its products, then by id.
                .then(a.brand_id.cmp(&b.brand_id))
                .then(a.product_id.cmp(&b.product_id))
        });
        let mut hits: Vec<Hit> = ranked.into_iter().map(|(h, _)| h).collect();
        hits.truncate(limit);
        Ok(hits)
    }

    /// Which of `brand_ids` are known in `country`: their own document, or one of their
    /// products', names it.
    fn brands_known_in(
        &self,
        searcher: &tantivy::Searcher,
        country: &str,
        brand_ids: impl Iterator<Item = i64>,
    ) -> Result<HashSet<i64>> {
        let ids: Vec<Term> = brand_ids.map(|id| Term::from_field_u64(self.f.brand_id, id as u64)).collect();
        if ids.is_empty() {
            return Ok(HashSet::new());
        }
        let query = BooleanQuery::new(vec![
            (Occur::Must, basic_term(self.f.countries, &country.to_uppercase())),
            (Occur::Must, Box::new(TermSetQuery::new(ids))),
        ]);
        Ok(searcher.search(&query, &BrandsOf)?)
    }

    fn text_query(&self, text: &str) -> Option<Box<dyn Query>> {
        if text.trim().is_empty() {
            return None;
        }
        let f = &self.f;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let words: Vec<String> =
            analysis::terms(&mut analysis::fold(), text).into_iter().take(MAX_QUERY_WORDS).collect();
        for word in &words {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = vec![
                (Occur::Should, boosted(term(f.own_name, word), 6.0)),
                (Occur::Should, boosted(term(f.name, word), 3.0)),
                (Occur::Should, boosted(term(f.brand, word), 2.0)),
                (Occur::Should, term(f.text, word)),
            ];
            let distance = typo_distance(word);
            if distance > 0 {
                for (field, boost) in [(f.own_name, 4.0), (f.name, 1.5), (f.brand, 1.0)] {
                    let fuzzy = FuzzyTermQuery::new(Term::from_field_text(field, word), distance, true);
                    alternatives.push((Occur::Should, boosted(Box::new(fuzzy), boost)));
                }
            }
            // The start of a name, as typed into a search box ("velor" for Veloria): an exact
            // prefix only, from four letters, so that short words do not match half the index.
            if word.chars().count() >= MIN_PREFIX_CHARS {
                for (field, boost) in [(f.own_name, 2.0), (f.name, 1.0)] {
                    let prefix = FuzzyTermQuery::new_prefix(Term::from_field_text(field, word), 0, false);
                    alternatives.push((Occur::Should, boosted(Box::new(prefix), boost)));
                }
            }
            clauses.push((Occur::Should, Box::new(BooleanQuery::new(alternatives))));
        }
        // Stemmed forms, each language's analyzer on the whole text.
        for (field, analyzer) in &self.stemmed {
            let mut analyzer = analyzer.clone();
            for stem in analysis::terms(&mut analyzer, text).into_iter().take(MAX_QUERY_WORDS) {
                clauses.push((Occur::Should, term(*field, &stem)));
            }
        }
        // Codes: whitespace-separated, as typed.
        for raw in text.split_whitespace().take(MAX_QUERY_WORDS) {
            let code = analysis::normalise_code(raw);
            if code.len() < 2 {
                continue;
            }
            if (8..=14).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
                clauses.push((Occur::Should, boosted(basic_term(f.codes, &format!("{code:0>14}")), 8.0)));
            }
            clauses.push((Occur::Should, boosted(basic_term(f.codes, &code), 8.0)));
        }
        // The whole query is a brand's own name or alias: that brand comes first.
        if let Some(whole) = analysis::terms(&mut analysis::exact(), text.trim()).into_iter().next() {
            clauses.push((Occur::Should, boosted(basic_term(f.exact, &whole), 50.0)));
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }
}

/// Words at least this long also match names that start with them.
const MIN_PREFIX_CHARS: usize = 4;

/// How many edits a word may be off: none under 3 letters, 1 up to 5, 2 beyond.
fn typo_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

fn key_of(kind: DocKind, id: i64) -> String {
    match kind {
        DocKind::Brand => format!("b{id}"),
        DocKind::Product => format!("p{id}"),
    }
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
}

fn basic_term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic))
}

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, boost))
}

/// Collects the distinct brands of the documents a query matches (from the fast field).
struct BrandsOf;

struct BrandsOfSegment {
    brand_id: Column<u64>,
    found: HashSet<i64>,
}

impl Collector for BrandsOf {
    type Fruit = HashSet<i64>;
    type Child = BrandsOfSegment;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<BrandsOfSegment> {
        Ok(BrandsOfSegment { brand_id: segment.fast_fields().u64("brand_id")?, found: HashSet::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashSet<i64>>) -> tantivy::Result<HashSet<i64>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for BrandsOfSegment {
    type Fruit = HashSet<i64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(id) = self.brand_id.first(doc) {
            self.found.insert(id as i64);
        }
    }

    fn harvest(self) -> HashSet<i64> {
        self.found
    }
}

#[cfg(test)]
mod tests;
