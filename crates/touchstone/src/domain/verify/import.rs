//! Registering serials in bulk: CSV or JSON Lines read as they arrive, checked row by row,
//! written in batches; a re-import writes nothing.

use super::*;
use crate::error::{ErrorCode, ErrorKind};

// ---------------------------------------------------------------------------------------------
// Import

/// One serial as given in an import file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SerialRow {
    /// The serial number as printed after AI (21): 1 to 20 characters of GS1's set 82.
    pub serial: String,
    /// The batch or lot, as after AI (10).
    pub batch: String,
    /// `YYMMDD` as after AI (17) (day `00`: end of the month), or `YYYY-MM-DD`.
    pub expiry: String,
    /// The country the pack is meant for (ISO 3166-1 alpha-2), if any.
    #[serde(default)]
    pub market: Option<String>,
    /// `active` (default), `recalled`, `destroyed`, `stolen`, `exported` or `sample`.
    #[serde(default)]
    pub status: Option<String>,
}

/// Why one row was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct SerialRowError {
    /// 1-based data row (CSV: the header is row 0; JSON Lines: the line number).
    pub row: u64,
    pub field: String,
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct SerialImportReport {
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub failed: u64,
    /// The first problems, in row order.
    pub errors: Vec<SerialRowError>,
    /// More rows failed than are listed.
    pub errors_truncated: bool,
}

/// Row errors listed in a report; the count goes on beyond.
const MAX_LISTED_ERRORS: usize = 1000;
/// Rows written per transaction.
const BATCH: usize = 500;
/// Longest JSON Lines line read.
const MAX_LINE_BYTES: u64 = 16 * 1024;

/// A row checked and keyed, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CheckedSerial {
    key: String,
    batch: String,
    expiry: String,
    market: Option<String>,
    status: SerialStatus,
}

impl CheckedSerial {
    fn same_as(&self, s: &StoredSerial) -> bool {
        self.batch == s.batch && self.expiry == s.expiry && self.market == s.market && self.status.as_str() == s.status
    }
}

type RowProblem = (&'static str, ErrorCode, String);

/// An AI value checked against the GS1 syntax dictionary, the reason in a sentence.
pub(super) fn gs1_value(field: &'static str, ai: &str, raw: &str, what: &str) -> Result<String, RowProblem> {
    let v = raw.trim();
    if v.is_empty() {
        return Err((field, ErrorCode::Required, format!("Give the {what}.")));
    }
    gs1::validate_value(ai, v)
        .map_err(|e| (field, ErrorCode::InvalidGs1Value, format!("'{v}' is not a valid {what}: {e}.")))?;
    Ok(v.to_string())
}

/// An expiry as AI (17) writes it, `YYMMDD`, from that form or `YYYY-MM-DD` (years 2000–2099).
pub fn expiry_yymmdd(raw: &str) -> Result<String, RowProblem> {
    let v = raw.trim();
    let bad = || {
        (
            "expiry",
            ErrorCode::InvalidExpiry,
            format!("'{v}' is not an expiry date; write YYMMDD as after (17) on the pack (e.g. 271231) or YYYY-MM-DD."),
        )
    };
    let yymmdd = match v.len() {
        6 if v.bytes().all(|b| b.is_ascii_digit()) => v.to_string(),
        10 if v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-' && v.starts_with("20") => {
            let digits: String = v.chars().filter(|c| *c != '-').collect();
            if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            digits[2..].to_string()
        }
        _ => return Err(bad()),
    };
    gs1::validate_value("17", &yymmdd).map_err(|_| bad())?;
    Ok(yymmdd)
}

fn check_row(key: &SerialKey, product_id: i64, row: &SerialRow) -> Result<CheckedSerial, RowProblem> {
    let serial = gs1_value("serial", "21", &row.serial, "serial number (AI 21)")?;
    let batch = gs1_value("batch", "10", &row.batch, "batch or lot number (AI 10)")?;
    let expiry = expiry_yymmdd(&row.expiry)?;
    let market = match row.market.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        None => None,
        Some(m) => Some(
            CountryCode::parse(m)
                .map_err(|e| ("market", ErrorCode::InvalidCountry, e.public_message()))?
                .as_str()
                .to_string(),
        ),
    };
    let status = match row.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => SerialStatus::Active,
        Some(s) => SerialStatus::parse(s).ok_or_else(|| {
            let all: Vec<&str> = SerialStatus::ALL.iter().map(|s| s.as_str()).collect();
            ("status", ErrorCode::InvalidStatus, format!("'{s}' is not a status; use one of {}.", all.join(", ")))
        })?,
    };
    Ok(CheckedSerial { key: key.digest(product_id, &serial), batch, expiry, market, status })
}

type ParsedRow = (u64, Result<CheckedSerial, SerialRowError>);

enum Parsed {
    Rows(Vec<ParsedRow>),
    Fatal(AppError),
}

fn row_error(row: u64, (field, code, message): RowProblem) -> SerialRowError {
    SerialRowError { row, field: field.into(), code, message }
}

/// An I/O error from the reader: the body ended badly or was too large.
fn read_failed(e: std::io::Error) -> AppError {
    if e.kind() == std::io::ErrorKind::FileTooLarge {
        AppError::client(ErrorKind::TooLarge, ErrorCode::TooLarge, e.to_string())
    } else {
        AppError::invalid("body", ErrorCode::Unreadable, format!("The file could not be read to its end: {e}."))
    }
}

/// Reads rows on the calling (blocking) thread and sends them on in chunks; stops when the
/// receiver is gone.
fn parse_rows<R: Read>(
    format: Format,
    reader: R,
    key: &SerialKey,
    product_id: i64,
    out: &tokio::sync::mpsc::Sender<Parsed>,
) {
    let mut chunk = Vec::with_capacity(BATCH);
    let send = |chunk: &mut Vec<ParsedRow>| out.blocking_send(Parsed::Rows(std::mem::take(chunk))).is_ok();
    let check = |n: u64, row: &SerialRow| check_row(key, product_id, row).map_err(|p| row_error(n, p));
    match format {
        Format::Csv => {
            let mut csv = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(true).from_reader(reader);
            let header: Vec<String> = match csv.headers() {
                Ok(h) => h.iter().map(|c| c.to_ascii_lowercase()).collect(),
                Err(e) => {
                    let _ = out.blocking_send(Parsed::Fatal(csv_fatal(e)));
                    return;
                }
            };
            let known = ["serial", "batch", "expiry", "market", "status"];
            if let Some(c) = header.iter().find(|c| !known.contains(&c.as_str())) {
                let _ = out.blocking_send(Parsed::Fatal(
                    AppError::invalid(
                        "body",
                        ErrorCode::UnknownColumn,
                        format!("The CSV header has '{c}'; the columns are serial, batch, expiry, market and status."),
                    )
                    .with_arg("column", c),
                ));
                return;
            }
            if let Some(c) = ["serial", "batch", "expiry"].iter().find(|c| !header.iter().any(|h| h == *c)) {
                let _ = out.blocking_send(Parsed::Fatal(AppError::invalid(
                    "body",
                    ErrorCode::MissingColumn,
                    format!("The CSV header lacks '{c}': the first line names the columns serial, batch, expiry (and market, status)."),
                )
                .with_arg("column", c)));
                return;
            }
            let col = |name: &str| header.iter().position(|h| h == name);
            let (serial, batch, expiry, market, status) =
                (col("serial"), col("batch"), col("expiry"), col("market"), col("status"));
            let mut record = csv::StringRecord::new();
            let mut n = 0u64;
            loop {
                n += 1;
                match csv.read_record(&mut record) {
                    Ok(false) => break,
                    Ok(true) if record.len() != header.len() => chunk.push((
                        n,
                        Err(row_error(
                            n,
                            (
                                "row",
                                ErrorCode::WrongColumnCount,
                                format!("This row has {} cells; the header names {}.", record.len(), header.len()),
                            ),
                        )),
                    )),
                    Ok(true) => {
                        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").to_string();
                        let opt = |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::to_string);
                        let row = SerialRow {
                            serial: cell(serial),
                            batch: cell(batch),
                            expiry: cell(expiry),
                            market: opt(market),
                            status: opt(status),
                        };
                        chunk.push((n, check(n, &row)));
                    }
                    Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => {
                        let _ = out.blocking_send(Parsed::Fatal(csv_fatal(e)));
                        return;
                    }
                    Err(e) => chunk.push((
                        n,
                        Err(row_error(n, ("row", ErrorCode::MalformedRow, format!("This row is not CSV: {e}.")))),
                    )),
                }
                if chunk.len() >= BATCH && !send(&mut chunk) {
                    return;
                }
            }
        }
        Format::Jsonl => {
            let mut lines = BufReader::with_capacity(64 * 1024, reader);
            let mut line = Vec::new();
            let mut n = 0u64;
            loop {
                line.clear();
                n += 1;
                match (&mut lines).take(MAX_LINE_BYTES + 1).read_until(b'\n', &mut line) {
                    Ok(0) => break,
                    Ok(_) if line.len() as u64 > MAX_LINE_BYTES && !line.ends_with(b"\n") => {
                        let _ = out.blocking_send(Parsed::Fatal(
                            AppError::invalid(
                                "body",
                                ErrorCode::LineTooLong,
                                format!("Line {n} is longer than {MAX_LINE_BYTES} bytes; one serial per line."),
                            )
                            .with_arg("line", n),
                        ));
                        return;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let _ = out.blocking_send(Parsed::Fatal(read_failed(e)));
                        return;
                    }
                }
                let text = String::from_utf8_lossy(&line);
                if text.trim().is_empty() {
                    continue;
                }
                let parsed = serde_json::from_str::<SerialRow>(text.trim()).map_err(|e| {
                    row_error(n, ("row", ErrorCode::InvalidJson, format!("This line is not a serial object: {e}.")))
                });
                chunk.push((n, parsed.and_then(|row| check(n, &row))));
                if chunk.len() >= BATCH && !send(&mut chunk) {
                    return;
                }
            }
        }
    }
    if !chunk.is_empty() {
        send(&mut chunk);
    }
}

fn csv_fatal(e: csv::Error) -> AppError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => read_failed(io),
        other => {
            AppError::invalid("body", ErrorCode::MalformedCsv, format!("The CSV header cannot be read: {other:?}."))
        }
    }
}

/// Registers the serials of `reader` (CSV or JSON Lines) on `product_id`, upserting on the
/// serial's key: rows as stored are left alone, changed ones updated, new ones added.
pub async fn import<R: Read + Send + 'static>(
    db: &Db,
    verifier: &Verifier,
    principal: &Principal,
    product_id: i64,
    format: Format,
    reader: R,
) -> AppResult<SerialImportReport> {
    check_serials(db, principal, product_id, Action::SerialManage).await?;
    let (tx, mut rx) = tokio::sync::mpsc::channel(4);
    let key = verifier.key.clone();
    let parser = tokio::task::spawn_blocking(move || parse_rows(format, reader, &key, product_id, &tx));
    let mut report = SerialImportReport::default();
    let mut pending: Vec<CheckedSerial> = Vec::with_capacity(BATCH);
    let mut pending_keys: HashSet<String> = HashSet::with_capacity(BATCH);
    while let Some(parsed) = rx.recv().await {
        let rows = match parsed {
            Parsed::Rows(rows) => rows,
            Parsed::Fatal(e) => return Err(e),
        };
        for (_, row) in rows {
            report.rows += 1;
            match row {
                Err(e) => {
                    report.failed += 1;
                    if report.errors.len() < MAX_LISTED_ERRORS {
                        report.errors.push(e);
                    } else {
                        report.errors_truncated = true;
                    }
                }
                Ok(s) => {
                    // A serial given twice is applied in order: the batch before it is written first.
                    if pending_keys.contains(&s.key) {
                        write_batch(db, principal, product_id, &mut pending, &mut report).await?;
                        pending_keys.clear();
                    }
                    pending_keys.insert(s.key.clone());
                    pending.push(s);
                    if pending.len() >= BATCH {
                        write_batch(db, principal, product_id, &mut pending, &mut report).await?;
                        pending_keys.clear();
                    }
                }
            }
        }
    }
    write_batch(db, principal, product_id, &mut pending, &mut report).await?;
    parser.await.map_err(|e| AppError::Internal(e.into()))?;
    Ok(report)
}

/// Writes one batch in one transaction with its audit record; a batch the store already holds
/// writes nothing at all.
async fn write_batch(
    db: &Db,
    principal: &Principal,
    product_id: i64,
    pending: &mut Vec<CheckedSerial>,
    report: &mut SerialImportReport,
) -> AppResult<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let keys: Vec<&str> = pending.iter().map(|s| s.key.as_str()).collect();
    let stored = sql::serials_by_keys(db.reader(), product_id, &keys).await?;
    let stored: std::collections::HashMap<&str, &StoredSerial> =
        stored.iter().map(|s| (s.serial_key.as_str(), s)).collect();
    let (mut created, mut updated) = (0u64, 0u64);
    let mut writes = Vec::new();
    for s in pending.iter() {
        match stored.get(s.key.as_str()) {
            Some(old) if s.same_as(old) => report.unchanged += 1,
            found => {
                if found.is_some() {
                    updated += 1;
                } else {
                    created += 1;
                }
                writes.push(SerialWrite {
                    serial_key: &s.key,
                    batch: &s.batch,
                    expiry: &s.expiry,
                    market: s.market.as_deref(),
                    status: s.status.as_str(),
                });
            }
        }
    }
    if !writes.is_empty() {
        let mut tx = db.begin().await?;
        sql::upsert_serials(&mut tx, product_id, &writes, db.now_ms()).await?;
        store::audit::append(
            &mut tx,
            &AuditEvent::by(principal, "verify.serials_import", "product", product_id)
                .detail(serde_json::json!({"created": created, "updated": updated})),
        )
        .await?;
        tx.commit().await?;
    }
    report.created += created;
    report.updated += updated;
    drop(writes);
    pending.clear();
    Ok(())
}
