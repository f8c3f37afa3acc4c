//! Uploaded files (product pictures, guides, detention photos): checked, cleaned of metadata
//! and stored by content hash. Decoding is CPU-heavy, so it runs on blocking threads, a few at
//! a time, under a time limit.

use std::sync::Arc;
use std::time::Duration;

pub use crate::model::media::StoredMedia;

use tokio::sync::Semaphore;

use super::audit::AuditEvent;
use super::policy::{allows, Action, Principal, Target};
use super::regime::LegalRules;
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use crate::store::media::UseKind;
use crate::store::{self, Db};

/// What decoding may take before the upload is refused.
const PROCESSING_TIME_LIMIT: Duration = Duration::from_secs(30);

/// Where files live and how many may be decoded at once.
///
/// Files are kept by content hash in this node's data directory. On PostgreSQL, where several
/// nodes serve one deployment, their bytes are also kept in the database (`media_files`), and
/// the directory is only this node's cache of them: a file uploaded through one node is served
/// by every other.
#[derive(Clone)]
pub struct MediaStore {
    local: Arc<media::FileStore>,
    /// The database every node reads files from, when files are shared (PostgreSQL).
    shared: Option<Db>,
    /// The newest removal (ms) this node has applied to its cache (see [`MediaStore::forget_removed`]).
    forgotten_until: Arc<std::sync::atomic::AtomicI64>,
    pub limits: media::Limits,
    permits: Arc<Semaphore>,
    decoders: usize,
    /// Decodes waiting for a permit now (the photo decode queue `/metrics` shows).
    waiting: Arc<std::sync::atomic::AtomicUsize>,
}

/// The photo decoders now: `/metrics` shows it.
#[derive(Debug, Clone, Copy)]
pub struct DecodeQueue {
    /// Decodes waiting for a decoder.
    pub waiting: usize,
    /// Decoders at work.
    pub busy: usize,
    /// Decoders in all (one per core).
    pub decoders: usize,
}

impl MediaStore {
    /// Waits for one of the blocking decoders (uploads and barcode reading share them).
    pub async fn decoder_permit(&self) -> AppResult<tokio::sync::SemaphorePermit<'_>> {
        use std::sync::atomic::Ordering;
        if let Ok(permit) = self.permits.try_acquire() {
            return Ok(permit);
        }
        // Counted while waiting, uncounted however the wait ends (the request may be dropped).
        struct Waiting<'a>(&'a std::sync::atomic::AtomicUsize);
        impl Drop for Waiting<'_> {
            fn drop(&mut self) {
                self.0.fetch_sub(1, Ordering::AcqRel);
            }
        }
        self.waiting.fetch_add(1, Ordering::AcqRel);
        let _waiting = Waiting(&self.waiting);
        self.permits.acquire().await.map_err(|e| AppError::Internal(e.into()))
    }

    pub fn decode_queue(&self) -> DecodeQueue {
        DecodeQueue {
            waiting: self.waiting.load(std::sync::atomic::Ordering::Acquire),
            busy: self.decoders.saturating_sub(self.permits.available_permits()),
            decoders: self.decoders,
        }
    }
}

impl MediaStore {
    /// The store under `root` (the data directory's `media`), sharing files through `db` when
    /// it is PostgreSQL.
    pub fn new(root: std::path::PathBuf, max_bytes: usize, db: &Db) -> Self {
        let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        MediaStore {
            local: Arc::new(media::FileStore::new(root)),
            shared: (db.backend == store::Backend::Postgres).then(|| db.clone()),
            forgotten_until: Arc::default(),
            limits: media::Limits { max_bytes, ..media::Limits::default() },
            permits: Arc::new(Semaphore::new(workers)),
            decoders: workers,
            waiting: Arc::default(),
        }
    }
}

/// Files removed less than this before the last one a node applied are looked at again, so a
/// removal committed late (its instant taken before an earlier one's commit) is not missed.
const REMOVALS_OVERLAP_MS: i64 = 10 * 60_000;

/// Files shared per statement when a node shares what only its disk held.
const SHARED_PER_BATCH: i64 = 100;

fn internal(e: impl Into<anyhow::Error>) -> AppError {
    AppError::Internal(e.into())
}

impl MediaStore {
    /// Stores files (already checked and cleaned) and returns their hashes, in order: on this
    /// node's disk, then, when files are shared, where every node reads them. Returns once they
    /// are durable in both, so a record naming them may be committed.
    pub async fn put_all(&self, files: Vec<Vec<u8>>) -> AppResult<Vec<String>> {
        let local = self.local.clone();
        let (hashes, files) = tokio::task::spawn_blocking(move || -> std::io::Result<_> {
            let hashes = files.iter().map(|f| local.put(f)).collect::<std::io::Result<Vec<_>>>()?;
            Ok((hashes, files))
        })
        .await
        .map_err(internal)?
        .map_err(internal)?;
        if let Some(db) = &self.shared {
            for (hash, bytes) in hashes.iter().zip(&files) {
                store::media::put_shared_file(db.bookkeeping(), hash, bytes).await?;
            }
        }
        Ok(hashes)
    }

    /// A stored file's bytes: from this node's disk, else (files shared) from the database,
    /// then kept on this node's disk for the next read. `None` when no file has this hash.
    pub async fn get(&self, hash: &str) -> AppResult<Option<Vec<u8>>> {
        let local = self.local.clone();
        let wanted = hash.to_string();
        let cached =
            tokio::task::spawn_blocking(move || local.get(&wanted)).await.map_err(internal)?.map_err(internal)?;
        if cached.is_some() || !media::is_valid_hash(hash) {
            return Ok(cached);
        }
        let Some(db) = &self.shared else { return Ok(None) };
        let Some(bytes) = store::media::shared_file(db.reader(), hash).await? else { return Ok(None) };
        let local = self.local.clone();
        let hash = hash.to_string();
        tokio::task::spawn_blocking(move || {
            // Content-addressed: bytes that do not hash to their name are not served.
            let stored = local.put(&bytes).map_err(internal)?;
            if stored != hash {
                let _ = local.remove(&stored);
                return Err(internal(anyhow::anyhow!("the shared file {hash} holds other content ({stored})")));
            }
            Ok(Some(bytes))
        })
        .await
        .map_err(internal)?
    }

    /// Removes files from this node's disk (a purge has removed their rows and shared bytes);
    /// one that cannot be removed is only logged: no row names it, so it is never served.
    pub async fn remove_local(&self, hashes: Vec<String>) -> AppResult<()> {
        let local = self.local.clone();
        tokio::task::spawn_blocking(move || {
            for hash in hashes {
                if let Err(e) = local.remove(&hash) {
                    tracing::warn!(error = %e, file = %hash, "a purged file could not be removed from the store");
                }
            }
        })
        .await
        .map_err(internal)
    }

    /// Drops from this node's cache the files a purge on any node removed since the last call
    /// (every node's retention pass runs it, whichever node purged).
    pub async fn forget_removed(&self) -> AppResult<usize> {
        use std::sync::atomic::Ordering;
        let Some(db) = &self.shared else { return Ok(0) };
        let until = self.forgotten_until.load(Ordering::Acquire);
        let since = if until == 0 { 0 } else { until - REMOVALS_OVERLAP_MS };
        let removed = store::media::files_removed_since(db.reader(), since).await?;
        let newest = removed.iter().map(|(_, at)| *at).max().unwrap_or(until);
        let count = removed.len();
        self.remove_local(removed.into_iter().map(|(hash, _)| hash).collect()).await?;
        self.forgotten_until.fetch_max(newest.max(1), Ordering::AcqRel);
        Ok(count)
    }

    /// Shares the files some record names that only this node's disk holds (stored before
    /// files were shared); those it does not hold are left to the node that does. Returns how
    /// many it shared.
    pub async fn share_local_files(&self) -> AppResult<usize> {
        let Some(db) = &self.shared else { return Ok(0) };
        let mut shared = 0;
        let mut after_missing = std::collections::BTreeSet::new();
        loop {
            let pending =
                store::media::files_not_shared(db.reader(), SHARED_PER_BATCH + after_missing.len() as i64).await?;
            let todo: Vec<String> = pending.into_iter().filter(|h| !after_missing.contains(h)).collect();
            if todo.is_empty() {
                return Ok(shared);
            }
            for hash in todo {
                let local = self.local.clone();
                let h = hash.clone();
                match tokio::task::spawn_blocking(move || local.get(&h)).await.map_err(internal)?.map_err(internal)? {
                    Some(bytes) => {
                        store::media::put_shared_file(db.bookkeeping(), &hash, &bytes).await?;
                        shared += 1;
                    }
                    None => {
                        after_missing.insert(hash);
                    }
                }
            }
        }
    }
}

fn media_error(e: media::MediaError) -> AppError {
    use media::MediaError as M;
    let (kind, code) = match &e {
        M::EmptyFile => (ErrorKind::Invalid, ErrorCode::EmptyFile),
        M::FileTooLarge { .. } => (ErrorKind::TooLarge, ErrorCode::FileTooLarge),
        M::UnsupportedType => (ErrorKind::UnsupportedType, ErrorCode::UnsupportedType),
        M::TooManyPixels { .. } => (ErrorKind::Invalid, ErrorCode::TooManyPixels),
        M::Corrupt(_) => (ErrorKind::Invalid, ErrorCode::CorruptFile),
    };
    AppError::client(kind, code, e.to_string())
}

/// Checks, cleans and stores an upload; the same picture uploaded twice is stored once.
pub async fn upload(db: &Db, store_: &MediaStore, principal: &Principal, bytes: Vec<u8>) -> AppResult<StoredMedia> {
    let stored = prepare(store_, bytes).await?;
    let mut tx = db.begin().await?;
    let inserted = store::catalog::insert_media(&mut tx, &stored, principal.org_id, db.now_ms()).await?;
    if inserted {
        store::audit::append(
            &mut tx,
            &AuditEvent::by(principal, "media.upload", "media", &stored.hash)
                .detail(serde_json::json!({"kind": stored.kind, "bytes": stored.byte_len})),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(stored)
}

/// Checks, cleans and writes a file to the content-addressed store without recording it in the
/// database: the caller records it ([`store::catalog::insert_media`]) in the transaction that
/// also refers to it, so an import never leaves a media row nobody uses. A file without its
/// row is never served (reads go through the row) and is simply reused by the next upload.
pub async fn prepare(store_: &MediaStore, bytes: Vec<u8>) -> AppResult<StoredMedia> {
    let _permit = store_.decoder_permit().await?;
    let limits = store_.limits.clone();
    let task = tokio::task::spawn_blocking(move || media::process(&bytes, &limits));
    let processed = match tokio::time::timeout(PROCESSING_TIME_LIMIT, task).await {
        Err(_) => {
            return Err(AppError::client(
                ErrorKind::Invalid,
                ErrorCode::ProcessingTimeout,
                "This file took too long to decode; send a smaller or simpler image.",
            ))
        }
        Ok(joined) => joined.map_err(|e| AppError::Internal(e.into()))?.map_err(media_error)?,
    };
    let byte_len = processed.bytes.len();
    let mut files = vec![processed.bytes];
    files.extend(processed.thumbnail.map(|t| t.bytes));
    let mut hashes = store_.put_all(files).await?.into_iter();
    let hash = hashes.next().expect("one hash per file");
    let thumbnail_hash = hashes.next();
    Ok(StoredMedia {
        hash,
        kind: processed.kind.extension().replace("jpg", "jpeg"),
        byte_len: byte_len as i64,
        width: processed.dimensions.map(|d| i64::from(d.0)),
        height: processed.dimensions.map(|d| i64::from(d.1)),
        thumbnail_hash,
    })
}

/// The stored bytes of a file by its hash, straight from the file store (for exports).
pub async fn stored_bytes(store_: &MediaStore, hash: &str) -> AppResult<Option<Vec<u8>>> {
    store_.get(hash).await
}

/// How many cases and messages using one file are looked at before the reader is refused.
const USES_CHECKED: i64 = 200;

/// Whether `principal` may read the stored file `hash`: the one rule behind both
/// `GET /api/v1/media/{hash}` and the pages' `/media/{hash}` (thumbnails included), and behind
/// naming a file in a record ([`check_usable`]).
///
/// A file is readable by an organisation that uploaded it, and by whoever may read a record
/// that shows it: a published product or brand (enforcement), a product's or brand's draft or
/// published copy (the rights holder and its representatives), a case's photos (as disclosed to
/// the reader; without `rules`, to those who read the whole case only), a thread message's
/// attachments (the thread's readers). Nobody else learns that the file exists.
pub async fn may_read(db: &Db, rules: Option<&LegalRules>, principal: &Principal, hash: &str) -> AppResult<bool> {
    let Some((uploaded, published)) = store::media::access_facts(db.reader(), hash, principal.org_id).await? else {
        return Ok(false);
    };
    if principal.is_console() || uploaded {
        return Ok(true);
    }
    // What officers look at most: a catalog picture, answered by the query above.
    if published && allows(principal, Action::CatalogReadPublished, Target::Platform) {
        return Ok(true);
    }
    // The brand's side: the SQL narrows to brands the organisation owns or represents, the
    // policy decides.
    for brand_id in store::media::brands_of_org_using(db.reader(), hash, principal.org_id).await? {
        if super::catalog::may_read_brand_drafts(db, principal, brand_id).await? {
            return Ok(true);
        }
    }
    for (kind, id) in store::media::case_uses(db.reader(), hash, USES_CHECKED).await? {
        let readable = match kind {
            UseKind::Case => super::cases::shows_photo(db, rules, principal, id, hash).await?,
            UseKind::Message => super::cases::shows_attachment(db, principal, id, hash).await?,
            _ => false,
        };
        if readable {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Refuses the hashes a record may not name: those no upload stored, and those of files the
/// writer may not read (naming one in its own record would open it to the writer). Both read
/// as "unknown", so that the refusal does not confirm a file exists.
pub async fn check_usable(
    db: &Db,
    rules: Option<&LegalRules>,
    principal: &Principal,
    field: &'static str,
    hashes: &[&str],
) -> AppResult<()> {
    for h in hashes {
        if !may_read(db, rules, principal, h).await? {
            return Err(AppError::invalid(
                field,
                ErrorCode::UnknownMedia,
                format!("No uploaded file has the hash {h}; upload it first (POST /api/v1/media)."),
            ));
        }
    }
    Ok(())
}

/// A stored file's bytes and content type, or its thumbnail, if the principal may read it
/// ([`may_read`]); "not found" otherwise, so that a refusal does not confirm the file exists.
pub async fn read(
    db: &Db,
    rules: &LegalRules,
    store_: &MediaStore,
    principal: &Principal,
    hash: &str,
    thumbnail: bool,
) -> AppResult<(Vec<u8>, &'static str)> {
    if !may_read(db, Some(rules), principal, hash).await? {
        return Err(AppError::not_found("file"));
    }
    let Some(row) = store::catalog::get_media(db.reader(), hash).await? else {
        return Err(AppError::not_found("file"));
    };
    let (wanted, content_type) = match (thumbnail, &row.thumbnail_hash) {
        // A picture small enough is its own thumbnail, in its own format; others get a JPEG.
        (true, Some(t)) if *t == row.hash => (t.clone(), mime_of(&row.kind)),
        (true, Some(t)) => (t.clone(), "image/jpeg"),
        (true, None) => return Err(AppError::not_found("thumbnail")),
        (false, _) => (row.hash.clone(), mime_of(&row.kind)),
    };
    let bytes = store_
        .get(&wanted)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("file {hash} is recorded but missing from the store")))?;
    Ok((bytes, content_type))
}

fn mime_of(kind: &str) -> &'static str {
    match kind {
        "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}
