//! Serialised codes told genuine or not.
//!
//! A rights holder registers the serial numbers of a product (with batch, expiry, an optional
//! intended market and a status) in bulk, as CSV or JSON Lines, streamed: rows are parsed on a
//! blocking thread as the bytes arrive and written in batches, so memory stays bounded whatever
//! the file's size. A serial is upserted on its key, so re-importing a file changes nothing; a bad
//! row is reported (row number, field, code, sentence) and the good ones are kept.
//!
//! Serials are never stored in plain text: each is kept as HMAC-SHA256 (truncated to 128 bits)
//! of the product and the serial under a key derived from the deployment's coordination key for
//! this purpose alone ([`SerialKey`]), so a copy of the database hands out no valid code and a
//! serial's key is never a target's key. Batch and expiry are kept in clear.
//!
//! When an officer's code carries a serial (AI 21), [`check_product`] gives a verdict worded as
//! evidence, not as a legal finding, and records a scan event (product, serial key, the office's
//! country, time, verdict: never who checked) without changing the serial's status. A brand's
//! owner may answer the checks through its own HTTPS service instead ([`connected`]); what that
//! service cannot answer in time, with the right signature, is "could not verify", never a
//! verdict. The officer's card shows the verdict Identify got, sealed into its link ([`seal`]).

use crate::closed_set::closed_set;
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use std::collections::{BTreeSet, HashSet};
use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use utoipa::ToSchema;

use super::audit::AuditEvent;
use super::catalog_io::Format;
use super::coordination::MatchKey;
use super::format_ms;
use super::policy::{allows, Action, Principal, Target};

use super::types::CountryCode;
use crate::store::verify::{self as sql, Selection, SerialWrite, StoredSerial};
use crate::store::{self, Db};

pub mod connected;
mod import;
pub mod seal;
pub use import::*;

closed_set!(
    /// What the rights holder says of a serial.
    pub enum SerialStatus {
        Active = "active",
        Recalled = "recalled",
        Destroyed = "destroyed",
        Stolen = "stolen",
        Exported = "exported",
        Sample = "sample",
    }
);

closed_set!(
    /// What a check of a serialised code found.
    pub enum Verdict {
        RegisteredActive = "registered_active",
        UnknownSerial = "unknown_serial",
        BatchOrExpiryMismatch = "batch_or_expiry_mismatch",
        StatusRecalled = "status_recalled",
        StatusDestroyed = "status_destroyed",
        StatusStolen = "status_stolen",
        StatusExported = "status_exported",
        StatusSample = "status_sample",
        PossibleClone = "possible_clone",
        NotSerialised = "not_serialised",
        /// The rights holder's own service did not give a verdict that can be trusted: never
        /// read as "genuine".
        CouldNotVerify = "could_not_verify",
    }
);

closed_set!(
    /// Why a check through the rights holder's service gave no verdict.
    pub enum UnverifiedReason {
        /// No connection, no HTTP answer, or an address that is not public.
        ServiceUnreachable = "service_unreachable",
        /// No answer within the time limit.
        ServiceTimeout = "service_timeout",
        /// An HTTP answer other than 200.
        ServiceError = "service_error",
        /// An answer whose signature is missing or wrong, or that answers another request.
        BadSignature = "bad_signature",
        /// A signed answer that is not what the protocol says.
        BadAnswer = "bad_answer",
    }
);

/// The purpose the serial key is derived for from the coordination key.
const KEY_PURPOSE: &str = "serial numbers v1";

/// The key serials are hashed under: derived from the deployment's coordination key, so every
/// process of a deployment computes the same keys with no second secret to distribute.
#[derive(Clone)]
pub struct SerialKey(Arc<Vec<u8>>);

impl SerialKey {
    pub fn from_match_key(key: &MatchKey) -> Self {
        SerialKey(Arc::new(key.derive(KEY_PURPOSE)))
    }

    /// The stored key of `serial` on `product_id`: 32 hex digits.
    pub fn digest(&self, product_id: i64, serial: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(product_id.to_string().as_bytes());
        mac.update(b"\x1f");
        mac.update(serial.as_bytes());
        data_encoding::HEXLOWER.encode(&mac.finalize().into_bytes()[..16])
    }
}

/// When scans of one serial make it a possible clone (`[verify]` in the configuration).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VerifySettings {
    /// Scans of one serial in two countries within this many hours make it a possible clone.
    pub clone_window_hours: u32,
    /// More scans than this of one serial within the window make it a possible clone.
    pub clone_max_scans: u32,
    /// How long a rights holder's verification service has to answer, in milliseconds, before
    /// the officer is told the code could not be verified.
    pub connected_timeout_ms: u64,
    /// A PEM file of the certificate authorities trusted for verification services *instead
    /// of* the public web roots: a deployment whose services use a private authority, and the
    /// tests. Certificates are always verified.
    pub connected_root_certificates: Option<std::path::PathBuf>,
}

impl Default for VerifySettings {
    fn default() -> Self {
        VerifySettings {
            clone_window_hours: 24,
            clone_max_scans: 10,
            connected_timeout_ms: 2_000,
            connected_root_certificates: None,
        }
    }
}

/// What checks need: the serial key, the clone rule, and the client of the rights holders'
/// verification services.
#[derive(Clone)]
pub struct Verifier {
    pub key: SerialKey,
    pub settings: VerifySettings,
    /// Signs the verdicts carried in the card's link ([`seal`]).
    seal_key: Arc<Vec<u8>>,
    client: connected::Client,
}

impl Verifier {
    /// `allow_local`: whether services may be on local addresses (`[notify]
    /// webhook_allow_local`, development and tests), as webhooks.
    pub fn new(key: &MatchKey, settings: VerifySettings, allow_local: bool) -> anyhow::Result<Self> {
        let client = connected::Client::new(&settings, allow_local)?;
        Ok(Verifier {
            key: SerialKey::from_match_key(key),
            seal_key: Arc::new(key.derive(seal::KEY_PURPOSE)),
            settings,
            client,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Policy

/// The policy target of a product's serials (its brand), or 404 when there is no such product.
async fn product_target(db: &Db, principal: &Principal, product_id: i64) -> AppResult<Target> {
    let product =
        store::catalog::get_product(db.reader(), product_id).await?.ok_or_else(|| AppError::not_found("product"))?;
    let brand =
        super::catalog::brand_remembered(db, product.brand_id).await?.ok_or_else(|| AppError::not_found("product"))?;
    super::catalog::brand_target(db, principal, brand.id, brand.owner_organisation_id, &brand.draft.confidentiality)
        .await
}

/// Checks `action` on the product's serials: an officer is refused outright (403), anyone else
/// not acting for the brand is told there is no such product (404), as for a draft.
async fn check_serials(db: &Db, principal: &Principal, product_id: i64, action: Action) -> AppResult<()> {
    let target = product_target(db, principal, product_id).await?;
    if allows(principal, action, target) {
        Ok(())
    } else if principal.org_kind.is_enforcement() || allows(principal, Action::SerialRead, target) {
        Err(AppError::forbidden())
    } else {
        Err(AppError::not_found("product"))
    }
}

// ---------------------------------------------------------------------------------------------
// Status changes and the rights holder's reads

/// A new status for one serial or a whole batch.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// One serial number (give this or `batch`).
    #[serde(default)]
    pub serial: Option<String>,
    /// Every serial of this batch.
    #[serde(default)]
    pub batch: Option<String>,
    pub status: SerialStatus,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatusChanged {
    /// Serials whose status changed (those that had it already are not counted).
    pub changed: u64,
    /// Serials the change named.
    pub matched: u64,
    pub status: SerialStatus,
}

pub async fn set_status(
    db: &Db,
    verifier: &Verifier,
    principal: &Principal,
    product_id: i64,
    change: &StatusChange,
) -> AppResult<StatusChanged> {
    check_serials(db, principal, product_id, Action::SerialManage).await?;
    let serial_key;
    let (selection, detail) = match (change.serial.as_deref(), change.batch.as_deref()) {
        (Some(s), None) => {
            let s = gs1_value("serial", "21", s, "serial number (AI 21)")
                .map_err(|(f, c, m)| AppError::invalid(f, c, m))?;
            serial_key = verifier.key.digest(product_id, &s);
            (Selection::Serial(&serial_key), serde_json::json!({"serial_key": serial_key}))
        }
        (None, Some(b)) => (Selection::Batch(b.trim()), serde_json::json!({"batch": b.trim()})),
        _ => {
            return Err(AppError::invalid(
                "serial",
                ErrorCode::SerialOrBatch,
                "Give either one serial number or one batch whose status changes.",
            ))
        }
    };
    let mut tx = db.begin().await?;
    let matched = sql::count_selected(&mut tx, product_id, &selection).await?;
    if matched == 0 {
        return Err(match selection {
            Selection::Serial(_) => AppError::client(
                ErrorKind::NotFound,
                ErrorCode::UnknownSerial,
                "No serial number like this is registered for this product.",
            ),
            Selection::Batch(_) => AppError::client(
                ErrorKind::NotFound,
                ErrorCode::UnknownBatch,
                "No serial of this batch is registered for this product.",
            ),
        });
    }
    let changed = sql::set_status(&mut tx, product_id, &selection, change.status.as_str(), db.now_ms()).await?;
    let mut detail = detail;
    detail["status"] = change.status.as_str().into();
    detail["changed"] = changed.into();
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "verify.serial_status", "product", product_id).detail(detail),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusChanged { changed, matched: matched as u64, status: change.status })
}

/// A registered serial as its rights holder sees it: its key, never the number.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SerialEntry {
    pub serial_key: String,
    pub batch: String,
    /// YYMMDD.
    pub expiry: String,
    pub market: Option<String>,
    pub status: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SerialPage {
    pub serials: Vec<SerialEntry>,
    /// Give as `after` for the next page; absent on the last.
    pub next_after: Option<String>,
}

/// The product's registered serials, for the rights holder acting for its brand only.
pub async fn list_serials(
    db: &Db,
    principal: &Principal,
    product_id: i64,
    batch: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> AppResult<SerialPage> {
    check_serials(db, principal, product_id, Action::SerialRead).await?;
    let rows = sql::list_serials(db.reader(), product_id, batch, after.unwrap_or(""), limit).await?;
    let next_after = (rows.len() as i64 == limit).then(|| rows.last().map(|r| r.serial_key.clone())).flatten();
    let serials = rows
        .into_iter()
        .map(|r| SerialEntry {
            serial_key: r.serial_key,
            batch: r.batch,
            expiry: r.expiry,
            market: r.market,
            status: r.status,
            updated_at: format_ms(r.updated_at),
        })
        .collect();
    Ok(SerialPage { serials, next_after })
}

/// Checks of a product's serials in one country with one verdict: never who checked.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScanCount {
    pub country: String,
    pub verdict: String,
    pub scans: i64,
    pub last_at: String,
}

pub async fn scan_counts(db: &Db, principal: &Principal, product_id: i64) -> AppResult<Vec<ScanCount>> {
    check_serials(db, principal, product_id, Action::SerialRead).await?;
    Ok(sql::scan_counts(db.reader(), product_id)
        .await?
        .into_iter()
        .map(|(country, verdict, scans, last)| ScanCount { country, verdict, scans, last_at: format_ms(last) })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Checks

/// What a scanned code says of the pack beside its GTIN.
#[derive(Debug, Clone, Copy)]
pub struct Scanned<'a> {
    /// AI (21).
    pub serial: &'a str,
    /// AI (10), when the code carries it.
    pub batch: Option<&'a str>,
    /// AI (17), YYMMDD, when the code carries it.
    pub expiry: Option<&'a str>,
}

impl<'a> Scanned<'a> {
    /// The serial, batch and expiry of a GS1 code, if it carries a serial.
    pub fn from_scan(scan: &'a gs1::Scan) -> Option<Self> {
        let es = match scan {
            gs1::Scan::ElementString { element_string, .. } => element_string,
            gs1::Scan::DigitalLink { digital_link, .. } => &digital_link.element_string,
            _ => return None,
        };
        Some(Scanned { serial: es.get("21")?, batch: es.get("10"), expiry: es.get("17") })
    }
}

/// The verdict on a serialised code, for the officer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Verification {
    pub verdict: Verdict,
    /// What it means, as evidence for the officer, not as a legal finding.
    pub message: String,
    /// For `batch_or_expiry_mismatch`: which of `batch` and `expiry` differ from the registration.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mismatched: Vec<String>,
    /// Checks of this serial within the window, this one included.
    pub scans_in_window: i64,
    /// Countries it was checked in within the window, this one included.
    pub countries_in_window: i64,
    pub window_hours: u32,
    /// The last check of this serial before this one, within the window.
    pub previous_scan_at: Option<String>,
    /// Whether the rights holder's own verification service answered (or was asked).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub connected: bool,
    /// For `could_not_verify`: why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<UnverifiedReason>,
    /// `previous_scan_at` in epoch milliseconds, for the card.
    #[serde(skip)]
    pub previous_ms: Option<i64>,
    /// When the check was made, in epoch milliseconds.
    #[serde(skip)]
    pub checked_ms: i64,
}

/// Checks a serialised code on the product carrying `gtin14`, as the officer would see it
/// (`None` when no product they may see carries it), from an office in `country`.
pub async fn check(
    db: &Db,
    verifier: &Verifier,
    principal: &Principal,
    gtin14: &str,
    scanned: Scanned<'_>,
    country: &str,
) -> AppResult<Option<Verification>> {
    let Some(card) = super::catalog::product_card_by_gtin(db, principal, gtin14).await? else { return Ok(None) };
    let product = CheckedProduct { product_id: card.product_id, brand_id: card.brand_id, gtin14 };
    check_product(db, verifier, principal, product, scanned, country).await.map(Some)
}

/// The product a serialised code was found on.
#[derive(Debug, Clone, Copy)]
pub struct CheckedProduct<'a> {
    pub product_id: i64,
    pub brand_id: i64,
    /// The GTIN as 14 digits, as the rights holder's service is asked about it.
    pub gtin14: &'a str,
}

/// What the registration (ours or the rights holder's service) says of a serial, before the
/// scans are counted.
enum Found {
    /// The product has no serial registered (and no service answers for its brand).
    NotSerialised,
    Unknown,
    Registered {
        status: SerialStatus,
        mismatched: Vec<String>,
    },
    Unverified(UnverifiedReason),
}

/// Checks a serialised code on a product the officer has found, and records the scan event.
/// The serial's status never changes: an officer's look is not a decommission. When the
/// brand's rights holder answers through its own service, that service is asked first, out of
/// any transaction (it may take seconds); what it cannot answer is "could not verify".
pub async fn check_product(
    db: &Db,
    verifier: &Verifier,
    principal: &Principal,
    product: CheckedProduct<'_>,
    scanned: Scanned<'_>,
    country: &str,
) -> AppResult<Verification> {
    super::policy::check(principal, Action::SerialCheck, Target::Platform)?;
    let product_id = product.product_id;
    let key = verifier.key.digest(product_id, scanned.serial.trim());
    let service = sql::service(db.reader(), product.brand_id).await?;
    let asked = match &service {
        Some(service) => Some(connected::ask(&verifier.client, service, product.gtin14, scanned, country).await),
        None => None,
    };
    let window_hours = verifier.settings.clone_window_hours;
    let now = db.now_ms();
    let since = now - i64::from(window_hours) * 3_600_000;
    let mut tx = db.begin().await?;
    let found = match asked {
        Some(Ok(answer)) => answer,
        Some(Err(reason)) => Found::Unverified(reason),
        None => match sql::serial(&mut tx, product_id, &key).await? {
            Some(s) => {
                let mut mismatched = Vec::new();
                if scanned.batch.is_some_and(|b| b != s.batch) {
                    mismatched.push("batch".to_string());
                }
                if scanned.expiry.is_some_and(|e| e != s.expiry) {
                    mismatched.push("expiry".to_string());
                }
                Found::Registered { status: SerialStatus::decode(&s.status)?, mismatched }
            }
            None if sql::has_serials(&mut tx, product_id).await? => Found::Unknown,
            None => Found::NotSerialised,
        },
    };
    let earlier = sql::scans_since(&mut tx, product_id, &key, since).await?;
    let mut countries: BTreeSet<&str> = earlier.iter().map(|(c, ..)| c.as_str()).collect();
    countries.insert(country);
    let scans = earlier.iter().map(|(_, n, _)| n).sum::<i64>() + 1;
    let previous = earlier.iter().map(|(.., at)| *at).max();
    let clone_rule = countries.len() >= 2 || scans > i64::from(verifier.settings.clone_max_scans);
    let (verdict, mismatched, reason) = match found {
        Found::NotSerialised => (Verdict::NotSerialised, Vec::new(), None),
        Found::Unknown => (Verdict::UnknownSerial, Vec::new(), None),
        Found::Unverified(reason) => (Verdict::CouldNotVerify, Vec::new(), Some(reason)),
        Found::Registered { status, mismatched } => {
            let verdict = match status {
                SerialStatus::Recalled => Verdict::StatusRecalled,
                SerialStatus::Destroyed => Verdict::StatusDestroyed,
                SerialStatus::Stolen => Verdict::StatusStolen,
                SerialStatus::Exported => Verdict::StatusExported,
                SerialStatus::Sample => Verdict::StatusSample,
                SerialStatus::Active if !mismatched.is_empty() => Verdict::BatchOrExpiryMismatch,
                SerialStatus::Active if clone_rule => Verdict::PossibleClone,
                SerialStatus::Active => Verdict::RegisteredActive,
            };
            (verdict, mismatched, None)
        }
    };
    sql::insert_scan(&mut tx, product_id, &key, country, verdict.as_str(), reason.map(|r| r.as_str()), now).await?;
    tx.commit().await?;
    if let Some(reason) = reason {
        // The rights holder's service failing is theirs to fix; the operator sees it here too.
        tracing::warn!(
            product_id,
            brand_id = product.brand_id,
            reason = reason.as_str(),
            "connected verification gave no verdict"
        );
    }
    let message = message(verdict, &mismatched, scans, countries.len(), window_hours, previous);
    Ok(Verification {
        verdict,
        message,
        mismatched,
        scans_in_window: scans,
        countries_in_window: countries.len() as i64,
        window_hours,
        previous_scan_at: previous.map(format_ms),
        connected: service.is_some(),
        reason,
        previous_ms: previous,
        checked_ms: now,
    })
}

pub(crate) fn message(
    verdict: Verdict,
    mismatched: &[String],
    scans: i64,
    countries: usize,
    hours: u32,
    previous: Option<i64>,
) -> String {
    let status = |what: &str, meaning: &str| {
        format!("The rights holder has recorded this serial number as {what}: {meaning} Ask the rights holder.")
    };
    match verdict {
        Verdict::RegisteredActive => {
            "The rights holder registered this serial number for this product and it is active; \
            the batch and expiry read match. This supports, but does not prove, that the pack is genuine."
                .into()
        }
        Verdict::UnknownSerial => {
            "The rights holder has not registered this serial number for this product, though it \
            registers the serials of its genuine packs: a sign that the pack may be counterfeit. Ask the rights holder."
                .into()
        }
        Verdict::BatchOrExpiryMismatch => format!(
            "This serial number is registered, but the {} read on the pack differ{} from what the rights holder \
             registered with it: a sign of a counterfeit or relabelled pack. Ask the rights holder.",
            mismatched.join(" and "),
            if mismatched.len() == 1 { "s" } else { "" }
        ),
        Verdict::StatusRecalled => status("recalled", "a pack bearing it should no longer be on the market."),
        Verdict::StatusDestroyed => {
            status("destroyed", "a pack bearing it should no longer exist, so the code may have been copied.")
        }
        Verdict::StatusStolen => status("stolen", "this pack may come from a theft."),
        Verdict::StatusExported => status("exported", "the pack was meant to leave the market it was registered for."),
        Verdict::StatusSample => status("a sample", "the pack was not meant for sale."),
        Verdict::PossibleClone => format!(
            "This serial number is registered and active, but it has been checked {scans} times in {countries} \
             {} within {hours} hours{}: a genuine pack is in one place at a time, so the code may have been \
             copied onto other packs. Ask the rights holder.",
            if countries == 1 { "country" } else { "countries" },
            previous.map(|p| format!(", the last time before this at {}", format_ms(p))).unwrap_or_default()
        ),
        Verdict::NotSerialised => "The rights holder has registered no serial numbers for this product, so this \
            serial cannot be checked here; it says nothing either way."
            .into(),
        Verdict::CouldNotVerify => "The rights holder's verification service gave no verdict that can be trusted, \
            so this serial number could not be verified: this says nothing either way. Ask the rights holder."
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_keys_depend_on_the_product_and_differ_from_the_coordination_digests() {
        let match_key = MatchKey::new(b"0123456789abcdef0123456789abcdef");
        let key = SerialKey::from_match_key(&match_key);
        assert_eq!(key.digest(1, "ABC123"), key.digest(1, "ABC123"));
        assert_ne!(key.digest(1, "ABC123"), key.digest(2, "ABC123"));
        assert_eq!(key.digest(1, "ABC123").len(), 32);
        let other = SerialKey::from_match_key(&MatchKey::new(b"another key of thirty-two bytes!"));
        assert_ne!(key.digest(1, "ABC123"), other.digest(1, "ABC123"));
    }

    #[test]
    fn expiry_is_read_as_on_the_pack_or_as_an_iso_date() {
        assert_eq!(expiry_yymmdd("271231").unwrap(), "271231");
        assert_eq!(expiry_yymmdd("2027-12-31").unwrap(), "271231");
        assert_eq!(expiry_yymmdd("270600").unwrap(), "270600", "day 00: the end of the month");
        for bad in ["2027-13-01", "27-12-31", "271332", "", "1999-12-31", "20271231"] {
            assert_eq!(expiry_yymmdd(bad).unwrap_err().1, ErrorCode::InvalidExpiry, "{bad}");
        }
    }
}
