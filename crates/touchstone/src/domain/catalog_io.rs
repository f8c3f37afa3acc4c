//! Bulk import and export of catalogs, for rights holders with thousands of products.
//!
//! Two formats: CSV (one product per row; list cells separated by `|`) for spreadsheets, and
//! JSON Lines (one `ImportRow` object per line, with the whole product sheet) for systems.
//! Import streams: rows are parsed, validated and written in batches, so memory stays bounded
//! whatever the file size. Each product is upserted on its stable keys (brand key, product
//! key): a row identical to what is stored changes nothing, so re-importing a file is a no-op.
//! An invalid row is reported with its row number, column and reason and does not stop the
//! others; a batch that fails in the database is replayed row by row, so one bad row never
//! takes good ones down with it and nothing is half-written.
//!
//! Rows may bring pictures (`images`): a `data:` URI, a `media:<sha256>` reference to a file
//! already stored, or — from the command line only — a path relative to the import file's
//! folder. Each goes through the same checks as an upload (magic bytes, pixel limits before
//! decoding, metadata stripped, thumbnail) before its row is accepted; a refused picture makes
//! only its row invalid. The files' database rows are written in the transaction that writes
//! the product, so neither a product without its pictures nor a picture row nobody uses is
//! ever left behind. Pictures are stored by content hash, so importing a file twice stores
//! each picture once and leaves the products unchanged.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit::AuditEvent;
use super::catalog::{self, parse_key, BrandSheet, ImageLabel, ImageRef, NewBrand, ProductSheet, Sector};
use super::localized::Localized;
use super::media::{MediaStore, StoredMedia};
use super::now_ms;
use super::policy::{allows, Action, Principal, Target};
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use crate::store::{self, Db};

mod batch;
mod csv_file;
mod export;
mod pictures;
use batch::{audit_batch, changed_products, write_batch, Change, Outcome};
pub use csv_file::{csv_cells, csv_rows, CSV_COLUMNS};
use csv_file::{merge_csv_fields, write_csv_record};
pub use export::{export, ExportImages};
use pictures::{image_source, src_for_message, ImageSource};

/// Rows written per transaction.
const BATCH: usize = 500;
/// Row errors listed in a report; the count goes on beyond.
const MAX_LISTED_ERRORS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Csv,
    /// JSON Lines: one object per line.
    Jsonl,
}

impl Format {
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".csv") || lower == "csv" || lower.starts_with("text/csv") {
            Some(Format::Csv)
        } else if lower.ends_with(".jsonl")
            || lower.ends_with(".ndjson")
            || lower == "jsonl"
            || lower.contains("ndjson")
            || lower.contains("jsonl")
        {
            Some(Format::Jsonl)
        } else {
            None
        }
    }
}

/// One product to import, with the brand it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportRow {
    pub brand_key: String,
    /// Needed when the brand does not exist yet.
    #[serde(default)]
    pub brand_name: Option<String>,
    #[serde(default)]
    pub sector: Option<Sector>,
    pub product_key: String,
    pub sheet: ProductSheet,
    /// Publish the product (and a new brand) once imported.
    #[serde(default)]
    pub publish: bool,
    /// Pictures to add to the product's gallery, each checked and stored as an upload is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<ImportImage>,
}

/// A picture given in an import row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportImage {
    /// Where the picture is: `data:image/png;base64,…` (JPEG, PNG or WebP), `media:<sha256>`
    /// for a file this Touchstone already stores (what an export writes), or, with
    /// `touchstone catalog import` only, a path relative to the import file's folder.
    pub src: String,
    pub label: ImageLabel,
    /// Per language, as a gallery picture's.
    #[serde(default)]
    pub caption: Localized,
}

/// Why one row was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct RowError {
    /// 1-based data row (CSV: the header is row 0; JSON Lines: the line number).
    pub row: u64,
    pub column: String,
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportReport {
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub published: u64,
    pub brands_created: u64,
    /// Pictures stored for the first time (a picture already stored is not counted).
    pub images_stored: u64,
    pub failed: u64,
    /// The first problems, in row order.
    pub errors: Vec<RowError>,
    /// More rows failed than are listed.
    pub errors_truncated: bool,
}

pub(crate) fn row_error(row: u64, column: &str, e: &AppError) -> RowError {
    RowError { row, column: column.to_string(), code: e.code(), message: e.public_message() }
}

/// Parses JSON Lines; blank lines are skipped.
pub fn jsonl_rows<R: BufRead>(reader: R) -> impl Iterator<Item = (u64, Result<ImportRow, RowError>)> {
    reader.lines().enumerate().filter_map(|(i, line)| {
        let row = i as u64 + 1;
        match line {
            Err(e) => Some((
                row,
                Err(RowError {
                    row,
                    column: String::new(),
                    code: ErrorCode::UnreadableLine,
                    message: format!("This line cannot be read: {e}"),
                }),
            )),
            Ok(l) if l.trim().is_empty() => None,
            Ok(l) => Some((
                row,
                serde_json::from_str::<ImportRow>(&l).map_err(|e| RowError {
                    row,
                    column: String::new(),
                    code: ErrorCode::InvalidRow,
                    message: format!("This line is not a valid product row: {e}"),
                }),
            )),
        }
    })
}

/// Checks one row on its own, without the database: its keys and its product sheet, returned
/// normalised. What needs the database (the brand, GTINs given twice in a file) is checked by
/// the [`Importer`]. Pure, so the fuzz target (`crates/touchstone/fuzz`) drives it directly.
pub fn check_row(row: u64, r: ImportRow) -> AppResult<Result<ImportRow, RowError>> {
    let ImportRow { brand_key, brand_name, sector, product_key, mut sheet, publish, images } = r;
    let brand_key = match parse_key("brand_key", &brand_key) {
        Ok(k) => k,
        Err(e) => return Ok(Err(row_error(row, "brand_key", &e))),
    };
    let product_key = match parse_key("product_key", &product_key) {
        Ok(k) => k,
        Err(e) => return Ok(Err(row_error(row, "product_key", &e))),
    };
    // Stored pictures join the gallery now; the others are read and stored by the importer.
    let mut pending = Vec::new();
    for (n, image) in images.into_iter().enumerate() {
        let err = |code: ErrorCode, message: String| RowError {
            row,
            column: "images".into(),
            code,
            message: format!("Picture {} ({}): {message}", n + 1, src_for_message(image.src.trim())),
        };
        let caption = image.caption.clone().validated("images", false, |t| {
            let t = t.trim();
            match t.chars().count() > 500 {
                true => Err(AppError::invalid("images", ErrorCode::TooLong, "keep a caption under 500 characters.")),
                false => Ok(t.to_string()),
            }
        });
        let caption = match caption {
            Ok(c) => c,
            Err(e) => return Ok(Err(err(e.code(), e.public_message()))),
        };
        match image_source(&image.src) {
            Err((code, message)) => return Ok(Err(err(code, message))),
            Ok(ImageSource::Media(hash)) => sheet.images.push(ImageRef { hash, label: image.label, caption }),
            Ok(_) => pending.push(ImportImage { src: image.src.trim().to_string(), label: image.label, caption }),
        }
    }
    let mut sheet = match sheet.validated() {
        Ok(s) => s,
        Err(AppError::Internal(e)) => return Err(AppError::Internal(e)),
        Err(e) => return Ok(Err(row_error(row, &column_of(e.field()), &e))),
    };
    // One gallery entry per picture: a file listed twice would show twice to the officer.
    let mut seen = HashSet::new();
    sheet.images.retain(|i| seen.insert(i.hash.clone()));
    Ok(Ok(ImportRow { brand_key, brand_name, sector, product_key, sheet, publish, images: pending }))
}

/// Which CSV column a sheet field error belongs to.
fn column_of(field: Option<&str>) -> String {
    match field {
        Some("names") => "name_en".into(),
        Some("descriptions") => "description_en".into(),
        Some(f) => f.to_string(),
        None => String::new(),
    }
}

struct BrandAccess {
    id: i64,
    owner_org_id: i64,
}

struct ValidRow {
    row: u64,
    brand: i64,
    owner_org_id: i64,
    product_key: String,
    sheet: ProductSheet,
    /// CSV rows carry only some fields: the stored draft's other fields are kept.
    merge: bool,
    publish: bool,
    /// Pictures this row stored, recorded in the transaction that writes the product.
    media: Vec<StoredMedia>,
}

/// Streams rows into the catalog as `principal`.
pub struct Importer<'a> {
    db: &'a Db,
    principal: &'a Principal,
    /// The owner of brands the import creates; the principal's organisation by default.
    owner_org_id: Option<i64>,
    brands: HashMap<String, Result<BrandAccess, RowError>>,
    gtins_in_file: HashMap<String, u64>,
    pending: Vec<ValidRow>,
    report: ImportReport,
    media: &'a MediaStore,
    /// The import file's folder, canonical; pictures may be read from under it (CLI only).
    files_under: Option<PathBuf>,
    /// Pictures already checked in this import, by the hash of the bytes given: the same
    /// packaging shot on a thousand rows is decoded once.
    seen_media: HashMap<String, StoredMedia>,
    /// Hashes known to be recorded in the database.
    known_media: HashSet<String>,
}

impl<'a> Importer<'a> {
    pub fn new(db: &'a Db, media: &'a MediaStore, principal: &'a Principal, owner_org_id: Option<i64>) -> Self {
        Importer {
            db,
            principal,
            owner_org_id,
            brands: HashMap::new(),
            gtins_in_file: HashMap::new(),
            pending: Vec::new(),
            report: ImportReport::default(),
            media,
            files_under: None,
            seen_media: HashMap::new(),
            known_media: HashSet::new(),
        }
    }

    /// Lets rows name pictures by paths relative to `dir` (the import file's folder). Only the
    /// command line does this: over the API a path would read the server's own files.
    pub fn with_files_under(mut self, dir: &Path) -> std::io::Result<Self> {
        self.files_under = Some(dir.canonicalize()?);
        Ok(self)
    }

    pub fn report(&self) -> &ImportReport {
        &self.report
    }

    fn fail(&mut self, e: RowError) {
        self.report.failed += 1;
        if self.report.errors.len() < MAX_LISTED_ERRORS {
            self.report.errors.push(e);
        } else {
            self.report.errors_truncated = true;
        }
    }

    /// Takes one parsed row; writes a batch when enough have gathered.
    pub async fn push(&mut self, row: u64, parsed: Result<ImportRow, RowError>, from_csv: bool) -> AppResult<()> {
        // Row 0 is the CSV header: without its key columns no row can be read, so the whole
        // file is refused rather than reported row by row.
        if let (0, Err(e)) = (row, &parsed) {
            return Err(AppError::client(ErrorKind::Invalid, ErrorCode::MissingColumns, e.message.clone()));
        }
        self.report.rows += 1;
        match self.validate(row, parsed).await? {
            Ok(mut v) => {
                v.merge = from_csv;
                self.pending.push(v);
            }
            Err(e) => self.fail(e),
        }
        if self.pending.len() >= BATCH {
            self.flush().await?;
        }
        Ok(())
    }

    async fn validate(
        &mut self,
        row: u64,
        parsed: Result<ImportRow, RowError>,
    ) -> AppResult<Result<ValidRow, RowError>> {
        let parsed = match parsed {
            Ok(r) => check_row(row, r)?,
            Err(e) => Err(e),
        };
        let ImportRow { brand_key, brand_name, sector, product_key, mut sheet, publish, images } = match parsed {
            Ok(r) => r,
            Err(e) => return Ok(Err(e)),
        };
        for g in &sheet.gtins {
            let key = format!("{g:0>14}");
            match self.gtins_in_file.get(&key) {
                Some(first) if *first != row => {
                    return Ok(Err(RowError {
                        row,
                        column: "gtins".into(),
                        code: ErrorCode::DuplicateGtin,
                        message: format!("GTIN {g} is already given to another product on row {first} of this file."),
                    }))
                }
                _ => {
                    self.gtins_in_file.insert(key, row);
                }
            }
        }
        if !self.brands.contains_key(&brand_key) {
            let access = self.brand_access(row, &brand_key, brand_name, sector, publish).await?;
            self.brands.insert(brand_key.clone(), access);
        }
        let (brand, owner_org_id) = match &self.brands[&brand_key] {
            Ok(b) => (b.id, b.owner_org_id),
            Err(e) => return Ok(Err(RowError { row, ..e.clone() })),
        };
        // Pictures last: decoding is the costly check, wasted on a row refused for its name.
        let media = match self.store_images(row, images, &mut sheet).await? {
            Ok(m) => m,
            Err(e) => return Ok(Err(e)),
        };
        if let Err(e) = self.check_references(row, &sheet, &media).await? {
            return Ok(Err(e));
        }
        Ok(Ok(ValidRow { row, brand, owner_org_id, product_key, sheet, merge: false, publish, media }))
    }

    /// Reads, checks, cleans and stores the row's pictures and adds them to its gallery.
    async fn store_images(
        &mut self,
        row: u64,
        images: Vec<ImportImage>,
        sheet: &mut ProductSheet,
    ) -> AppResult<Result<Vec<StoredMedia>, RowError>> {
        let mut stored_here = Vec::new();
        for (n, image) in images.into_iter().enumerate() {
            let fail = |e: &AppError| RowError {
                row,
                column: "images".into(),
                code: e.code(),
                message: format!("Picture {} ({}): {}", n + 1, src_for_message(&image.src), e.public_message()),
            };
            let bytes = match pictures::read_image(self.media, self.files_under.as_deref(), &image.src).await {
                Ok(b) => b,
                Err(AppError::Internal(e)) => return Err(AppError::Internal(e)),
                Err(e) => return Ok(Err(fail(&e))),
            };
            let given_hash = media::sha256_hex(&bytes);
            let stored = match self.seen_media.get(&given_hash) {
                Some(s) => s.clone(),
                None => {
                    // Bytes that are already a stored file were cleaned when it was stored.
                    let stored = match store::catalog::get_media(self.db.reader(), &given_hash).await? {
                        Some(m) => {
                            self.known_media.insert(m.hash.clone());
                            m
                        }
                        None => match super::media::prepare(self.media, bytes).await {
                            Ok(s) => s,
                            Err(AppError::Internal(e)) => return Err(AppError::Internal(e)),
                            Err(e) => return Ok(Err(fail(&e))),
                        },
                    };
                    if stored.kind == "pdf" {
                        let e = AppError::client(
                            ErrorKind::UnsupportedType,
                            ErrorCode::UnsupportedType,
                            "A gallery holds JPEG, PNG or WebP pictures, not PDF documents.",
                        );
                        return Ok(Err(fail(&e)));
                    }
                    self.seen_media.insert(given_hash.clone(), stored.clone());
                    stored
                }
            };
            // An exported file's guide refers to its pictures by the hash they had there; a
            // picture cleaned again here may get another one.
            if stored.hash != given_hash {
                for g in &mut sheet.guide {
                    if g.image.as_deref() == Some(given_hash.as_str()) {
                        g.image = Some(stored.hash.clone());
                    }
                }
            }
            if !sheet.images.iter().any(|i| i.hash == stored.hash) {
                sheet.images.push(ImageRef { hash: stored.hash.clone(), label: image.label, caption: image.caption });
            }
            if !self.known_media.contains(&stored.hash) {
                stored_here.push(stored);
            }
        }
        Ok(Ok(stored_here))
    }

    /// Every picture the sheet refers to must be a stored file the importer may read (or one
    /// this row stores).
    async fn check_references(
        &mut self,
        row: u64,
        sheet: &ProductSheet,
        stored_here: &[StoredMedia],
    ) -> AppResult<Result<(), RowError>> {
        let referred = sheet
            .images
            .iter()
            .map(|i| ("images", i.hash.as_str()))
            .chain(sheet.guide.iter().filter_map(|g| g.image.as_deref().map(|h| ("guide", h))));
        for (column, hash) in referred {
            if self.known_media.contains(hash) || stored_here.iter().any(|m| m.hash == hash) {
                continue;
            }
            // A file the importer may not read reads as unknown: naming it would open it.
            if super::media::may_read(self.db, None, self.principal, hash).await? {
                self.known_media.insert(hash.to_string());
                continue;
            }
            return Ok(Err(RowError {
                row,
                column: column.into(),
                code: ErrorCode::UnknownMedia,
                message: format!(
                    "No stored file has the hash {hash}; give the picture itself as a data: URI (or, with the command line, a file path)."
                ),
            }));
        }
        Ok(Ok(()))
    }

    /// Finds the row's brand and checks the principal may edit it, creating it if needed.
    async fn brand_access(
        &mut self,
        row: u64,
        key: &str,
        name: Option<String>,
        sector: Option<Sector>,
        publish: bool,
    ) -> AppResult<Result<BrandAccess, RowError>> {
        if let Some(b) = store::catalog::get_brand_by_key(self.db.reader(), key).await? {
            let target =
                catalog::brand_target(self.db, self.principal, b.id, b.owner_organisation_id, &b.draft.confidentiality)
                    .await?;
            if !allows(self.principal, Action::BrandEdit, target) {
                return Ok(Err(RowError {
                    row,
                    column: "brand_key".into(),
                    code: ErrorCode::NotYourBrand,
                    message: format!("The brand '{key}' is not one you may edit."),
                }));
            }
            return Ok(Ok(BrandAccess { id: b.id, owner_org_id: b.owner_organisation_id }));
        }
        let Some(name) = name else {
            return Ok(Err(RowError {
                row,
                column: "brand_name".into(),
                code: ErrorCode::UnknownBrand,
                message: format!("No brand has the key '{key}'; give brand_name and sector to create it."),
            }));
        };
        let owner = self.owner_org_id.unwrap_or(self.principal.org_id);
        let sheet = BrandSheet {
            name,
            aliases: vec![],
            sector: sector.unwrap_or(Sector::Other),
            logo: None,
            trademarks: vec![],
            gs1_company_prefixes: vec![],
            contacts: vec![],
            confidentiality: Default::default(),
            fallback_language: super::types::Language::En,
        };
        match catalog::create_brand(
            self.db,
            self.principal,
            NewBrand { key: key.to_string(), owner_organisation_id: Some(owner), sheet },
        )
        .await
        {
            Ok(b) => {
                self.report.brands_created += 1;
                if publish {
                    catalog::publish_brand(self.db, self.principal, b.id).await?;
                }
                Ok(Ok(BrandAccess { id: b.id, owner_org_id: owner }))
            }
            Err(AppError::Internal(e)) => Err(AppError::Internal(e)),
            Err(e) => Ok(Err(row_error(row, e.field().unwrap_or("brand_key"), &e))),
        }
    }

    /// Writes the pending rows in one transaction; if that fails, row by row.
    pub async fn flush(&mut self) -> AppResult<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.pending);
        let mut tx = self.db.begin().await?;
        if let Ok(outcomes) = write_batch(&mut tx, self.principal, &batch).await {
            audit_batch(&mut tx, self.principal, &batch, &outcomes).await?;
            super::cards::changing(self.db, changed_products(&outcomes));
            tx.commit().await?;
            self.count(&outcomes);
            return Ok(());
        }
        tx.rollback().await?;
        for v in batch {
            let mut tx = self.db.begin().await?;
            let one = std::slice::from_ref(&v);
            match write_batch(&mut tx, self.principal, one).await {
                Ok(outcomes) => {
                    audit_batch(&mut tx, self.principal, one, &outcomes).await?;
                    super::cards::changing(self.db, changed_products(&outcomes));
                    tx.commit().await?;
                    self.count(&outcomes);
                }
                Err(e) => {
                    tx.rollback().await?;
                    if !store::is_unique_violation(&e) {
                        return Err(e.into());
                    }
                    self.fail(RowError {
                        row: v.row,
                        column: "gtins".into(),
                        code: ErrorCode::GtinTaken,
                        message: "One of these GTINs already belongs to another product.".into(),
                    });
                }
            }
        }
        Ok(())
    }

    fn count(&mut self, outcomes: &[Outcome]) {
        for o in outcomes {
            match o.change {
                Change::Created => self.report.created += 1,
                Change::Updated => self.report.updated += 1,
                Change::Unchanged => self.report.unchanged += 1,
            }
            if o.published {
                self.report.published += 1;
            }
            self.report.images_stored += o.new_media.len() as u64;
        }
    }

    pub async fn finish(mut self) -> AppResult<ImportReport> {
        self.flush().await?;
        Ok(self.report)
    }
}

/// Imports a whole stream.
pub async fn import<R: BufRead>(
    db: &Db,
    media: &MediaStore,
    principal: &Principal,
    owner_org_id: Option<i64>,
    format: Format,
    reader: R,
) -> AppResult<ImportReport> {
    let mut importer = Importer::new(db, media, principal, owner_org_id);
    match format {
        Format::Csv => {
            for (row, parsed) in csv_rows(reader) {
                importer.push(row, parsed, true).await?;
            }
        }
        Format::Jsonl => {
            for (row, parsed) in jsonl_rows(reader) {
                importer.push(row, parsed, false).await?;
            }
        }
    }
    importer.finish().await
}

/// Checks that the principal may import at all (enforcement users may not).
pub fn check_may_import(principal: &Principal) -> AppResult<()> {
    use super::types::OrgKind;
    if principal.is_console() || matches!(principal.org_kind, OrgKind::RightsHolder | OrgKind::Representative) {
        Ok(())
    } else {
        super::policy::check(principal, Action::BrandEdit, Target::Platform)
    }
}
