//! Reads the product barcodes in a photo.
//!
//! [`read_codes`] takes the bytes of a JPEG, PNG or WebP photo and returns
//! every product barcode found in it: EAN-13, EAN-8, UPC-A, UPC-E,
//! Code 128 (GS1-128), ITF, the GS1 DataBar family (omnidirectional,
//! stacked, limited, expanded), Data Matrix and QR Code (with Micro QR and
//! rMQR). The decoding is done by the C++ library zxing-cpp, compiled into
//! this crate.
//!
//! * The photo's header is checked against [`Limits`] before a single pixel
//!   is decoded, so a small file that announces a gigantic picture (a
//!   decompression bomb) is refused with [`ReadError::TooManyPixels`]; the
//!   decoder then runs under [`image::Limits`] as a second line of defence.
//! * [`ReadCode::text`] is the exact content of the symbol: GS1 element
//!   strings keep their raw group separators (byte 0x1D, `FNC1` in the
//!   symbol), never `<GS>` or a bracketed human-readable form.
//! * Rotated, upside-down, inverted (light on dark) and high-resolution
//!   codes are looked for, as zxing-cpp does by default for photos.
//!
//! CPU-bound and synchronous: call it on a blocking thread.

use std::fmt;
use std::io::Cursor;

use image::{DynamicImage, ImageFormat, ImageReader};
use thiserror::Error;
use zxingcpp::{BarcodeFormat, Binarizer, ImageView, TextMode};

/// Size limits applied by [`read_codes`] before and while decoding a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted width × height of a photo.
    pub max_pixels: u64,
    /// Largest accepted width or height of a photo, in pixels.
    pub max_dimension: u32,
}

impl Default for Limits {
    /// 50 megapixels and 12 000 px per side: more than any phone camera
    /// produces, while one photo cannot exhaust the server.
    fn default() -> Self {
        Limits { max_pixels: 50_000_000, max_dimension: 12_000 }
    }
}

/// One barcode read from a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadCode {
    /// The symbology: `"EAN-13"`, `"EAN-8"`, `"UPC-A"`, `"UPC-E"`,
    /// `"Code128"`, `"ITF"`, `"DataBar"`, `"DataBarLimited"`,
    /// `"DataBarExpanded"`, `"DataMatrix"`, `"QRCode"`, `"MicroQRCode"` or
    /// `"rMQRCode"`.
    pub format: String,
    /// The ISO/IEC 15424 symbology identifier, e.g. `"]E0"` (EAN-13),
    /// `"]C1"` (GS1-128), `"]d2"` (GS1 DataMatrix), `"]Q1"` (QR Code),
    /// `"]e0"` (GS1 DataBar), `"]I1"` (ITF with a valid check digit). It
    /// tells, among other things, whether the content is a GS1 element
    /// string (`]C1`, `]d2`, `]Q3`, `]e0`, `]E0`/`]E4`).
    pub symbology_identifier: String,
    /// The exact content. GS1 element strings keep their raw group
    /// separators (byte 0x1D) between variable-length fields.
    pub text: String,
}

/// Why a photo could not be read. Finding no barcode is not an error: it
/// is an empty list.
///
/// [`Display`](std::fmt::Display) gives a sentence to show to the person
/// who took the photo; [`ReadError::code`] a stable identifier.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    /// The bytes are not those of a JPEG, PNG or WebP image.
    #[error("Only JPEG, PNG and WebP photos can be read. Take the photo again or export it as JPEG.")]
    UnsupportedType,
    /// The header announces more pixels, or a longer side, than allowed
    /// (or decoding it would need more memory than allowed).
    #[error(
        "The photo is {width} × {height} pixels, which is too large: at most {} megapixels and {max_dimension} \
         pixels per side are read. Scale it down and try again.",
        max_pixels / 1_000_000
    )]
    TooManyPixels {
        /// Width announced by the header.
        width: u32,
        /// Height announced by the header.
        height: u32,
        /// [`Limits::max_pixels`].
        max_pixels: u64,
        /// [`Limits::max_dimension`].
        max_dimension: u32,
    },
    /// The file has the signature of an image but cannot be decoded; the
    /// string says why.
    #[error("The photo appears to be damaged or incomplete ({0}). Take or export it again and retry.")]
    Corrupt(String),
}

impl ReadError {
    /// A stable snake_case identifier of the error, the same as the one
    /// `media` uses for the same failure.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::UnsupportedType => "unsupported_type",
            ReadError::TooManyPixels { .. } => "too_many_pixels",
            ReadError::Corrupt(_) => "corrupt_file",
        }
    }
}

/// The symbologies found on products. Each entry without a variant covers
/// all its variants (`DataBar` is omnidirectional, stacked, limited and
/// expanded; `QRCode` includes Micro QR and rMQR).
///
/// Every format zxing-cpp can report for these is a variant of the Rust
/// enum `zxingcpp::BarcodeFormat` (unlike, say, Code 39's sub-formats), so
/// `Barcode::format()` is safe to call on what they return.
const PRODUCT_FORMATS: &[BarcodeFormat] = &[
    BarcodeFormat::EAN13,
    BarcodeFormat::EAN8,
    BarcodeFormat::UPCA,
    BarcodeFormat::UPCE,
    BarcodeFormat::Code128,
    BarcodeFormat::ITF,
    BarcodeFormat::DataBar,
    BarcodeFormat::DataMatrix,
    BarcodeFormat::QRCode,
];

/// The ways of turning grey into black and white that are tried in turn,
/// until one of them finds a code. zxing-cpp's default (local average)
/// comes first; the global histogram reads two more of the QR samples and
/// the fixed threshold one more of the UPC-A samples, at no cost when the
/// first pass finds something and without a single false positive on the
/// samples without a barcode.
const BINARIZERS: &[Binarizer] = &[Binarizer::LocalAverage, Binarizer::GlobalHistogram, Binarizer::FixedThreshold];

/// Bytes per pixel the decoder may need at most (16-bit RGBA) — the memory
/// limit handed to [`image::Limits`] is this times [`Limits::max_pixels`].
const MAX_BYTES_PER_PIXEL: u64 = 8;

/// Reads every product barcode in a photo (JPEG, PNG or WebP).
///
/// Returns an empty list when there is none. Several codes in one photo
/// (an EAN-13 and a GS1 DataMatrix on the same box, say) are all returned,
/// in the order zxing-cpp found them.
///
/// # Errors
///
/// * [`ReadError::UnsupportedType`] when the bytes are not a JPEG, PNG or
///   WebP image;
/// * [`ReadError::TooManyPixels`] when the header announces a picture
///   larger than `limits` (checked before decoding);
/// * [`ReadError::Corrupt`] when the image cannot be decoded.
pub fn read_codes(image_bytes: &[u8], limits: &Limits) -> Result<Vec<ReadCode>, ReadError> {
    let grey = decode_grey(image_bytes, limits)?;
    let (width, height) = (u64::from(grey.width()), u64::from(grey.height()));
    // A phone photo is mostly not barcode, and zxing's thorough search costs time in proportion
    // to the pixels: look first in a copy of about FIRST_LOOK_PIXELS, where a code filling a
    // usual part of the frame still has several pixels a bar, and search the full photo only
    // when that finds nothing (a small or distant code).
    if width * height > FIRST_LOOK_PIXELS {
        let factor = ((width * height) as f64 / FIRST_LOOK_PIXELS as f64).sqrt();
        let small = image::imageops::thumbnail(
            &grey,
            ((width as f64 / factor) as u32).max(1),
            ((height as f64 / factor) as u32).max(1),
        );
        let codes = read_grey(&small)?;
        if !codes.is_empty() {
            return Ok(codes);
        }
    }
    read_grey(&grey)
}

/// Pixels of the reduced copy a large photo is searched in first (about 1630 × 1225).
const FIRST_LOOK_PIXELS: u64 = 2_000_000;

fn read_grey(grey: &image::GrayImage) -> Result<Vec<ReadCode>, ReadError> {
    let view = ImageView::from_slice(grey.as_raw(), grey.width(), grey.height(), zxingcpp::ImageFormat::Lum)
        .map_err(|e| ReadError::Corrupt(e.to_string()))?;
    let mut reader = zxingcpp::read()
        .formats(PRODUCT_FORMATS)
        // The defaults of zxing-cpp, spelt out because they are what makes
        // photos work: look harder, at 90/180/270°, for light-on-dark
        // codes and in downscaled copies of large photos.
        .try_harder(true)
        .try_rotate(true)
        .try_invert(true)
        .try_downscale(true)
        // The content as encoded, GS1 group separators as byte 0x1D (the
        // default, HRI, would give "(01)…(21)…" for GS1 content).
        .text_mode(TextMode::Plain);
    for binarizer in BINARIZERS {
        reader.set_binarizer(*binarizer);
        let barcodes = reader.from(&view).map_err(|e| ReadError::Corrupt(e.to_string()))?;
        let codes: Vec<ReadCode> = barcodes
            .iter()
            .filter(|b| b.is_valid())
            .map(|b| ReadCode {
                format: format_name(b.format()),
                symbology_identifier: b.symbology_identifier(),
                text: b.text(),
            })
            .collect();
        if !codes.is_empty() {
            return Ok(codes);
        }
    }
    Ok(Vec::new())
}

/// Checks the header against `limits`, then decodes to 8-bit grey.
fn decode_grey(bytes: &[u8], limits: &Limits) -> Result<image::GrayImage, ReadError> {
    let reader = guess(bytes)?;
    let (width, height) = reader.into_dimensions().map_err(corrupt)?;
    let too_many = || ReadError::TooManyPixels {
        width,
        height,
        max_pixels: limits.max_pixels,
        max_dimension: limits.max_dimension,
    };
    if width == 0 || height == 0 {
        return Err(ReadError::Corrupt(format!("the header announces {width} × {height} pixels")));
    }
    if width > limits.max_dimension
        || height > limits.max_dimension
        || u64::from(width) * u64::from(height) > limits.max_pixels
    {
        return Err(too_many());
    }

    let mut decoder_limits = image::Limits::default();
    decoder_limits.max_image_width = Some(limits.max_dimension);
    decoder_limits.max_image_height = Some(limits.max_dimension);
    decoder_limits.max_alloc = Some(limits.max_pixels.saturating_mul(MAX_BYTES_PER_PIXEL));
    let mut reader = guess(bytes)?;
    reader.limits(decoder_limits);
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => too_many(),
        image::ImageError::Unsupported(_) => ReadError::UnsupportedType,
        other => corrupt(other),
    })?;
    Ok(match image {
        DynamicImage::ImageLuma8(grey) => grey,
        other => other.into_luma8(),
    })
}

/// An [`ImageReader`] over `bytes`, if they are a JPEG, PNG or WebP image.
fn guess(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>, ReadError> {
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(corrupt)?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => Ok(reader),
        _ => Err(ReadError::UnsupportedType),
    }
}

fn corrupt(e: impl fmt::Display) -> ReadError {
    ReadError::Corrupt(e.to_string())
}

/// Stable names, independent of how the zxing-cpp version at hand spells
/// them ("EAN-13" in all versions, "QRCode" where 3.x says "QR Code").
fn format_name(format: BarcodeFormat) -> String {
    use BarcodeFormat as F;
    match format {
        F::EAN13 => "EAN-13",
        F::EAN8 => "EAN-8",
        F::UPCA => "UPC-A",
        F::UPCE => "UPC-E",
        F::ISBN => "ISBN",
        F::Code128 => "Code128",
        F::ITF => "ITF",
        F::DataBar | F::DataBarOmni | F::DataBarStk | F::DataBarStkOmni => "DataBar",
        F::DataBarLtd => "DataBarLimited",
        F::DataBarExp | F::DataBarExpStk => "DataBarExpanded",
        F::DataMatrix => "DataMatrix",
        F::QRCode | F::QRCodeModel1 | F::QRCodeModel2 => "QRCode",
        F::MicroQRCode => "MicroQRCode",
        F::RMQRCode => "rMQRCode",
        other => return other.to_string(),
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_its_own_code() {
        let errors = [
            ReadError::UnsupportedType,
            ReadError::TooManyPixels { width: 1, height: 1, max_pixels: 1, max_dimension: 1 },
            ReadError::Corrupt("x".into()),
        ];
        let codes: Vec<_> = errors.iter().map(ReadError::code).collect();
        assert_eq!(codes, ["unsupported_type", "too_many_pixels", "corrupt_file"]);
    }

    #[test]
    fn the_too_many_pixels_message_names_the_size_and_the_limits() {
        let e = ReadError::TooManyPixels { width: 40000, height: 40000, max_pixels: 50_000_000, max_dimension: 12000 };
        let s = e.to_string();
        assert!(s.contains("40000 × 40000") && s.contains("50 megapixels") && s.contains("12000"), "{s}");
    }

    #[test]
    fn empty_input_is_not_an_image() {
        assert_eq!(read_codes(&[], &Limits::default()), Err(ReadError::UnsupportedType));
    }
}
