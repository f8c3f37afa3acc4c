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

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Read, Write};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit::AuditEvent;
use super::catalog::{self, parse_key, BrandSheet, NewBrand, ProductSheet, Sector};
use super::now_ms;
use super::policy::{allows, Action, Principal, Target};
use crate::error::{AppError, AppResult};
use crate::store::{self, Db};

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
}

/// Why one row was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct RowError {
    /// 1-based data row (CSV: the header is row 0; JSON Lines: the line number).
    pub row: u64,
    pub column: String,
    pub code: String,
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
    pub failed: u64,
    /// The first problems, in row order.
    pub errors: Vec<RowError>,
    /// More rows failed than are listed.
    pub errors_truncated: bool,
}

/// The CSV columns, in export order. Lists use `|` between items.
pub const CSV_COLUMNS: &[&str] = &[
    "brand_key",
    "brand_name",
    "sector",
    "product_key",
    "name_en",
    "name_fr",
    "description_en",
    "description_fr",
    "gtins",
    "model_numbers",
    "category",
    "hs_code",
    "packaging",
    "only_sold_in",
    "never_sold_in",
    "publish",
];

fn row_error(row: u64, column: &str, e: &AppError) -> RowError {
    RowError { row, column: column.to_string(), code: e.code().to_string(), message: e.public_message() }
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// Parses CSV rows; each item is a data row number and the row or why it cannot be read.
pub fn csv_rows<R: Read>(reader: R) -> impl Iterator<Item = (u64, Result<ImportRow, RowError>)> {
    let mut csv = csv::ReaderBuilder::new().flexible(false).trim(csv::Trim::All).from_reader(reader);
    let headers = csv.headers().cloned();
    let mut records = csv.into_records();
    let mut row = 0u64;
    let mut header_checked = false;
    std::iter::from_fn(move || {
        if !header_checked {
            header_checked = true;
            let missing: Vec<&str> = match &headers {
                Ok(h) => ["brand_key", "product_key", "category"]
                    .into_iter()
                    .filter(|c| !h.iter().any(|x| x == *c))
                    .collect(),
                Err(_) => vec!["brand_key"],
            };
            if !missing.is_empty() {
                return Some((
                    0,
                    Err(RowError {
                        row: 0,
                        column: missing.join(", "),
                        code: "missing_columns".into(),
                        message: format!(
                            "The header must name the columns {}; see the documentation for the full list.",
                            missing.join(", ")
                        ),
                    }),
                ));
            }
        }
        let record = records.next()?;
        row += 1;
        let headers = headers.as_ref().ok()?;
        Some((
            row,
            record
                .map_err(|e| RowError {
                    row,
                    column: String::new(),
                    code: "malformed_csv".into(),
                    message: format!("This row cannot be read as CSV: {e}"),
                })
                .and_then(|r| csv_record(row, headers, &r)),
        ))
    })
}

fn csv_record(row: u64, headers: &csv::StringRecord, r: &csv::StringRecord) -> Result<ImportRow, RowError> {
    let get = |name: &str| headers.iter().position(|h| h == name).and_then(|i| r.get(i)).unwrap_or("").to_string();
    if let Some(unknown) = headers.iter().find(|h| !CSV_COLUMNS.contains(h)) {
        return Err(RowError {
            row,
            column: unknown.to_string(),
            code: "unknown_column".into(),
            message: format!("The column '{unknown}' is not one Touchstone knows; remove or rename it."),
        });
    }
    let sector = match get("sector").as_str() {
        "" => None,
        s => Some(Sector::parse(s).ok_or_else(|| RowError {
            row,
            column: "sector".into(),
            code: "invalid_sector".into(),
            message: format!("'{s}' is not a sector; use one of: {}.", Sector::names()),
        })?),
    };
    let mut names = BTreeMap::new();
    let mut descriptions = BTreeMap::new();
    for lang in ["en", "fr"] {
        let n = get(&format!("name_{lang}"));
        if !n.is_empty() {
            names.insert(lang.to_string(), n);
        }
        let d = get(&format!("description_{lang}"));
        if !d.is_empty() {
            descriptions.insert(lang.to_string(), d);
        }
    }
    let publish = match get("publish").to_ascii_lowercase().as_str() {
        "" | "no" | "false" | "0" => false,
        "yes" | "true" | "1" => true,
        other => {
            return Err(RowError {
                row,
                column: "publish".into(),
                code: "invalid_flag".into(),
                message: format!("'{other}' is not yes or no."),
            })
        }
    };
    Ok(ImportRow {
        brand_key: get("brand_key"),
        brand_name: Some(get("brand_name")).filter(|s| !s.is_empty()),
        sector,
        product_key: get("product_key"),
        sheet: ProductSheet {
            names,
            descriptions,
            gtins: split_list(&get("gtins")),
            model_numbers: split_list(&get("model_numbers")),
            category: get("category"),
            hs_code: Some(get("hs_code")).filter(|s| !s.is_empty()),
            packaging: get("packaging"),
            only_sold_in: split_list(&get("only_sold_in")),
            never_sold_in: split_list(&get("never_sold_in")),
            images: vec![],
            guide: vec![],
            security_features: vec![],
            supply_chain: Default::default(),
            prices: None,
        },
        publish,
    })
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
                    code: "unreadable_line".into(),
                    message: format!("This line cannot be read: {e}"),
                }),
            )),
            Ok(l) if l.trim().is_empty() => None,
            Ok(l) => Some((
                row,
                serde_json::from_str::<ImportRow>(&l).map_err(|e| RowError {
                    row,
                    column: String::new(),
                    code: "invalid_row".into(),
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
    let ImportRow { brand_key, brand_name, sector, product_key, sheet, publish } = r;
    let brand_key = match parse_key("brand_key", &brand_key) {
        Ok(k) => k,
        Err(e) => return Ok(Err(row_error(row, "brand_key", &e))),
    };
    let product_key = match parse_key("product_key", &product_key) {
        Ok(k) => k,
        Err(e) => return Ok(Err(row_error(row, "product_key", &e))),
    };
    let sheet = match sheet.validated() {
        Ok(s) => s,
        Err(AppError::Internal(e)) => return Err(AppError::Internal(e)),
        Err(e) => return Ok(Err(row_error(row, &column_of(e.field()), &e))),
    };
    Ok(Ok(ImportRow { brand_key, brand_name, sector, product_key, sheet, publish }))
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
}

impl<'a> Importer<'a> {
    pub fn new(db: &'a Db, principal: &'a Principal, owner_org_id: Option<i64>) -> Self {
        Importer {
            db,
            principal,
            owner_org_id,
            brands: HashMap::new(),
            gtins_in_file: HashMap::new(),
            pending: Vec::new(),
            report: ImportReport::default(),
        }
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
            return Err(AppError::client(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                "missing_columns",
                e.message.clone(),
            ));
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
        let ImportRow { brand_key, brand_name, sector, product_key, sheet, publish } = match parsed {
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
                        code: "duplicate_gtin".into(),
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
        let brand = match &self.brands[&brand_key] {
            Ok(b) => b,
            Err(e) => return Ok(Err(RowError { row, ..e.clone() })),
        };
        Ok(Ok(ValidRow {
            row,
            brand: brand.id,
            owner_org_id: brand.owner_org_id,
            product_key,
            sheet,
            merge: false,
            publish,
        }))
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
                    code: "not_your_brand".into(),
                    message: format!("The brand '{key}' is not one you may edit."),
                }));
            }
            return Ok(Ok(BrandAccess { id: b.id, owner_org_id: b.owner_organisation_id }));
        }
        let Some(name) = name else {
            return Ok(Err(RowError {
                row,
                column: "brand_name".into(),
                code: "unknown_brand".into(),
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
                        code: "gtin_taken".into(),
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
        }
    }

    pub async fn finish(mut self) -> AppResult<ImportReport> {
        self.flush().await?;
        Ok(self.report)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Created,
    Updated,
    Unchanged,
}

struct Outcome {
    product_id: i64,
    change: Change,
    published: bool,
}

/// Writes a batch: one upsert per product (publication folded in), then the codes and the
/// history of all changed products in a few multi-row statements. Per-statement overhead,
/// not the data, is what bounds a million-row import.
async fn write_batch(
    tx: &mut store::Tx,
    principal: &Principal,
    rows: &[ValidRow],
) -> Result<Vec<Outcome>, sqlx::Error> {
    let now = now_ms();
    let merged = existing_drafts(tx, rows).await?;
    let mut outcomes = Vec::with_capacity(rows.len());
    let mut changed: Vec<store::catalog::ChangedProduct> = Vec::new();
    for (v, stored) in rows.iter().zip(merged) {
        let sheet = match stored {
            Some(existing) => merge_csv_fields(existing, &v.sheet),
            None => v.sheet.clone(),
        };
        let json = serde_json::to_string(&sheet).map_err(|e| sqlx::Error::Encode(e.into()))?;
        let written =
            store::catalog::upsert_product(tx, v.brand, &v.product_key, &sheet, &json, v.publish, now).await?;
        let outcome = match written {
            store::catalog::Upsert::Created(id) => {
                Outcome { product_id: id, change: Change::Created, published: v.publish }
            }
            store::catalog::Upsert::Updated(id, _) => {
                Outcome { product_id: id, change: Change::Updated, published: v.publish }
            }
            store::catalog::Upsert::Unchanged => {
                let republished = match v.publish {
                    true => store::catalog::publish_unchanged(tx, v.brand, &v.product_key, &sheet, now).await?,
                    false => None,
                };
                Outcome {
                    product_id: republished.unwrap_or(0),
                    change: Change::Unchanged,
                    published: republished.is_some(),
                }
            }
        };
        if let store::catalog::Upsert::Created(id) | store::catalog::Upsert::Updated(id, _) = written {
            let version = match written {
                store::catalog::Upsert::Updated(_, version) => version,
                _ => 1,
            };
            changed.push(store::catalog::ChangedProduct {
                id,
                version,
                replaced: outcome.change == Change::Updated,
                gtins: sheet.gtins.clone(),
                sheet: json,
            });
        }
        outcomes.push(outcome);
    }
    store::catalog::write_codes_and_history(tx, &changed, "import", &principal.label, now).await?;
    Ok(outcomes)
}

/// The stored drafts CSV rows merge into (JSON rows replace whole sheets), fetched per brand.
async fn existing_drafts(tx: &mut store::Tx, rows: &[ValidRow]) -> Result<Vec<Option<ProductSheet>>, sqlx::Error> {
    let mut wanted: BTreeMap<i64, Vec<&str>> = BTreeMap::new();
    for v in rows.iter().filter(|v| v.merge) {
        wanted.entry(v.brand).or_default().push(&v.product_key);
    }
    let mut found: HashMap<(i64, String), ProductSheet> = HashMap::new();
    for (brand, keys) in wanted {
        for (key, sheet) in store::catalog::drafts_by_keys(tx, brand, &keys).await? {
            found.insert((brand, key), sheet);
        }
    }
    Ok(rows.iter().map(|v| if v.merge { found.remove(&(v.brand, v.product_key.clone())) } else { None }).collect())
}

/// Fields a CSV row carries replace the stored ones; the rest (guide, pictures, supply
/// chain…) are kept, so a spreadsheet round trip does not wipe them.
fn merge_csv_fields(mut stored: ProductSheet, csv: &ProductSheet) -> ProductSheet {
    stored.names = csv.names.clone();
    stored.descriptions = csv.descriptions.clone();
    stored.gtins = csv.gtins.clone();
    stored.model_numbers = csv.model_numbers.clone();
    stored.category = csv.category.clone();
    stored.hs_code = csv.hs_code.clone();
    stored.packaging = csv.packaging.clone();
    stored.only_sold_in = csv.only_sold_in.clone();
    stored.never_sold_in = csv.never_sold_in.clone();
    stored
}

/// One audit record per written batch, naming every product it changed, by owner.
async fn audit_batch(
    tx: &mut store::Tx,
    principal: &Principal,
    rows: &[ValidRow],
    outcomes: &[Outcome],
) -> Result<(), sqlx::Error> {
    #[derive(Default)]
    struct Changed {
        created: Vec<i64>,
        updated: Vec<i64>,
        published: Vec<i64>,
    }
    let mut by_owner: BTreeMap<i64, Changed> = BTreeMap::new();
    for (v, o) in rows.iter().zip(outcomes) {
        let entry = by_owner.entry(v.owner_org_id).or_default();
        match o.change {
            Change::Created => entry.created.push(o.product_id),
            Change::Updated => entry.updated.push(o.product_id),
            Change::Unchanged => {}
        }
        if o.published {
            entry.published.push(o.product_id);
        }
    }
    for (owner, Changed { created, updated, published }) in by_owner {
        if created.is_empty() && updated.is_empty() && published.is_empty() {
            continue;
        }
        let event = AuditEvent::by(
            principal,
            "catalog.import",
            "products",
            format!("{} products", created.len() + updated.len() + published.len()),
        )
        .scope(owner)
        .detail(serde_json::json!({"created": created, "updated": updated, "published": published}));
        store::audit::append(tx, &event).await?;
    }
    Ok(())
}

/// Imports a whole stream.
pub async fn import<R: BufRead>(
    db: &Db,
    principal: &Principal,
    owner_org_id: Option<i64>,
    format: Format,
    reader: R,
) -> AppResult<ImportReport> {
    let mut importer = Importer::new(db, principal, owner_org_id);
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

/// Writes every product of the brands the principal may edit (all, for the console), in
/// brand-key then product-key order, in pages so that memory stays bounded.
pub async fn export<W: Write>(db: &Db, principal: &Principal, format: Format, mut out: W) -> AppResult<u64> {
    let is_csv = format == Format::Csv;
    if is_csv {
        write_csv_record(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()).collect())?;
    }
    let mut written = 0;
    let mut after = 0;
    let scope = if principal.is_platform_admin() { None } else { Some(principal.org_id) };
    loop {
        let page = store::catalog::export_page(db.reader(), scope, after, 1000).await?;
        let Some(last) = page.last() else { break };
        after = last.product_id;
        for p in page {
            let row = ImportRow {
                brand_key: p.brand_key,
                brand_name: Some(p.brand_name),
                sector: Some(p.sector),
                product_key: p.product_key,
                publish: p.published_is_current,
                sheet: p.draft,
            };
            if is_csv {
                write_csv_record(&mut out, csv_cells(&row))?;
            } else {
                serde_json::to_writer(&mut out, &row).map_err(|e| AppError::Internal(e.into()))?;
                out.write_all(b"\n").map_err(|e| AppError::Internal(e.into()))?;
            }
            written += 1;
        }
    }
    out.flush().map_err(|e| AppError::Internal(e.into()))?;
    Ok(written)
}

fn write_csv_record<W: Write>(out: &mut W, cells: Vec<String>) -> AppResult<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(cells).map_err(|e| AppError::Internal(e.into()))?;
    let bytes = w.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    out.write_all(&bytes).map_err(|e| AppError::Internal(e.into()))
}

pub fn csv_cells(r: &ImportRow) -> Vec<String> {
    let s = &r.sheet;
    let lang = |m: &BTreeMap<String, String>, l: &str| m.get(l).cloned().unwrap_or_default();
    vec![
        r.brand_key.clone(),
        r.brand_name.clone().unwrap_or_default(),
        r.sector.map(|s| s.as_str().to_string()).unwrap_or_default(),
        r.product_key.clone(),
        lang(&s.names, "en"),
        lang(&s.names, "fr"),
        lang(&s.descriptions, "en"),
        lang(&s.descriptions, "fr"),
        s.gtins.join("|"),
        s.model_numbers.join("|"),
        s.category.clone(),
        s.hs_code.clone().unwrap_or_default(),
        s.packaging.clone(),
        s.only_sold_in.join("|"),
        s.never_sold_in.join("|"),
        if r.publish { "yes".into() } else { "no".into() },
    ]
}

/// Checks that the principal may import at all (enforcement users may not).
pub fn check_may_import(principal: &Principal) -> AppResult<()> {
    use super::types::OrgKind;
    if principal.is_platform_admin() || matches!(principal.org_kind, OrgKind::RightsHolder | OrgKind::Representative) {
        Ok(())
    } else {
        super::policy::check(principal, Action::BrandEdit, Target::Platform)
    }
}
