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
#[derive(Clone)]
pub struct MediaStore {
    pub files: Arc<media::FileStore>,
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
    pub fn new(root: std::path::PathBuf, max_bytes: usize) -> Self {
        let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        MediaStore {
            files: Arc::new(media::FileStore::new(root)),
            limits: media::Limits { max_bytes, ..media::Limits::default() },
            permits: Arc::new(Semaphore::new(workers)),
            decoders: workers,
            waiting: Arc::default(),
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
    let files = store_.files.clone();
    let (hash, thumbnail_hash, byte_len) = {
        let bytes = processed.bytes;
        let thumb = processed.thumbnail.map(|t| t.bytes);
        tokio::task::spawn_blocking(move || -> std::io::Result<(String, Option<String>, usize)> {
            let hash = files.put(&bytes)?;
            let thumb_hash = thumb.map(|t| files.put(&t)).transpose()?;
            Ok((hash, thumb_hash, bytes.len()))
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))?
    };
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
    let files = store_.files.clone();
    let hash = hash.to_string();
    tokio::task::spawn_blocking(move || files.get(&hash))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))
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
    let files = store_.files.clone();
    let bytes = tokio::task::spawn_blocking(move || files.get(&wanted))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))?
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
