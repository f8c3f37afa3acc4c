//! Reading the barcodes in a photo an officer took, and looking each one up.
//!
//! The photo goes through the same checks as an upload (size, then type by its first bytes),
//! then `crates/barcode` reads it on a blocking thread, one of the decoders shared with
//! uploads, under a time limit and the upload pixel limits (refused from the header, before
//! any decoding, when a small file announces a gigantic picture). The photo is not stored.

use std::time::Duration;

use serde::Serialize;
use utoipa::ToSchema;

use super::lookup::{self, LookupResult};
use super::media::MediaStore;
use super::policy::{check, Action, Principal, Target};
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use crate::store::Db;

/// What reading one photo may take before it is given up.
const READ_TIME_LIMIT: Duration = Duration::from_secs(10);

/// One barcode read from the photo, and what it identifies.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScannedCode {
    /// The symbology: `EAN-13`, `EAN-8`, `UPC-A`, `UPC-E`, `Code128`, `ITF`, `DataBar`,
    /// `DataBarLimited`, `DataBarExpanded`, `DataMatrix`, `QRCode`…
    pub format: String,
    /// ISO/IEC 15424 symbology identifier, e.g. `]E0`, `]C1` (GS1-128), `]d2` (GS1 DataMatrix).
    pub symbology_identifier: String,
    /// Exactly the symbol's content; GS1 group separators (byte 0x1D) kept.
    pub text: String,
    /// The lookup of the code (absent when the content is not a code at all, e.g. too long).
    pub lookup: Option<LookupResult>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScanResult {
    /// Every barcode found, in the order they were found; empty when none was.
    pub codes: Vec<ScannedCode>,
    /// What was found, in a sentence.
    pub message: String,
}

fn refuse(kind: ErrorKind, code: ErrorCode, message: impl Into<String>) -> AppError {
    AppError::client(kind, code, message)
}

/// Reads the product barcodes in a JPEG, PNG or WebP photo and looks each one up.
pub async fn scan(
    db: &Db,
    media: &MediaStore,
    verifier: &super::verify::Verifier,
    principal: &Principal,
    bytes: Vec<u8>,
) -> AppResult<ScanResult> {
    check(principal, Action::CatalogReadPublished, Target::Platform)?;
    if bytes.is_empty() {
        return Err(refuse(
            ErrorKind::Invalid,
            ErrorCode::EmptyFile,
            "The photo is empty; send the image's bytes as the request body.",
        ));
    }
    if bytes.len() > media.limits.max_bytes {
        return Err(refuse(
            ErrorKind::TooLarge,
            ErrorCode::FileTooLarge,
            format!(
                "The photo is larger than {} MB; send a smaller one (a barcode reads well at 2 to 12 megapixels).",
                media.limits.max_bytes / (1024 * 1024)
            ),
        ));
    }
    if !media::sniff(&bytes).is_some_and(media::MediaKind::is_image) {
        return Err(read_error(barcode::ReadError::UnsupportedType));
    }
    let limits = barcode::Limits { max_pixels: media.limits.max_pixels, max_dimension: media.limits.max_dimension };
    let read = {
        let _permit = media.decoder_permit().await?;
        let task = tokio::task::spawn_blocking(move || barcode::read_codes(&bytes, &limits));
        match tokio::time::timeout(READ_TIME_LIMIT, task).await {
            Err(_) => {
                return Err(refuse(
                    ErrorKind::Invalid,
                    ErrorCode::ProcessingTimeout,
                    "Reading this photo took too long; send a smaller photo of the barcode.",
                ))
            }
            Ok(joined) => joined.map_err(|e| AppError::Internal(e.into()))?.map_err(read_error)?,
        }
    };
    let mut codes = Vec::with_capacity(read.len());
    for c in read {
        // The symbology identifier tells the GS1 parser what the content is (`]C1` is a GS1
        // element string, `]E0` an EAN-13…).
        let scanned = format!("{}{}", c.symbology_identifier, c.text);
        let lookup = match lookup::lookup(db, verifier, principal, &scanned).await {
            Ok(l) => Some(l),
            Err(AppError::Client(_)) => None,
            Err(e) => return Err(e),
        };
        codes.push(ScannedCode {
            format: c.format,
            symbology_identifier: c.symbology_identifier,
            text: c.text,
            lookup,
        });
    }
    let message = match codes.len() {
        0 => "No barcode was found in this photo. Hold the camera closer, with the barcode flat, lit and in focus, \
              and try again, or type the digits printed under it."
            .to_string(),
        1 => codes[0].lookup.as_ref().map(|l| l.message.clone()).unwrap_or_else(|| "One barcode was read.".into()),
        n => format!("{n} barcodes were read."),
    };
    Ok(ScanResult { codes, message })
}

fn read_error(e: barcode::ReadError) -> AppError {
    let (kind, code) = match e {
        barcode::ReadError::UnsupportedType => (ErrorKind::UnsupportedType, ErrorCode::UnsupportedType),
        // A decompression bomb, or a damaged file: the request was understood but cannot be read.
        barcode::ReadError::TooManyPixels { .. } => (ErrorKind::Invalid, ErrorCode::TooManyPixels),
        barcode::ReadError::Corrupt(_) => (ErrorKind::Invalid, ErrorCode::CorruptFile),
    };
    AppError::client(kind, code, e.to_string())
}
