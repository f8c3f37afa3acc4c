//! Validation, decoding, cleaning and thumbnailing of one upload.

use std::fmt;
use std::io::Cursor;

use image::codecs::jpeg::{JpegDecoder, JpegEncoder};
use image::codecs::png::{CompressionType, FilterType, PngDecoder, PngEncoder};
use image::codecs::webp::{WebPDecoder, WebPEncoder};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageError, RgbImage};

use crate::{sha256_hex, sniff, MediaError, MediaKind};

/// JPEG quality used when re-encoding JPEG photos: high enough that the
/// print, stitching and hologram details that tell a fake apart survive.
pub const JPEG_QUALITY: u8 = 88;

/// Thumbnails are only for lists and previews, so they can be smaller.
const THUMBNAIL_QUALITY: u8 = 80;

/// Colour profiles above this size are dropped rather than copied: real
/// profiles are a few KB (large printer profiles a few hundred KB).
const MAX_ICC_BYTES: usize = 1024 * 1024;

/// How far from the end of a PDF the `%%EOF` marker is looked for; the PDF
/// specification tells readers to search the last 1024 bytes.
const PDF_EOF_WINDOW: usize = 1024;

/// Size limits applied by [`process`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted upload, in bytes.
    pub max_bytes: usize,
    /// Largest accepted width × height of an image.
    pub max_pixels: u64,
    /// Largest accepted width or height of an image, in pixels.
    pub max_dimension: u32,
    /// Most memory the decoder may allocate for one image, in bytes.
    pub max_alloc_bytes: u64,
    /// Thumbnails fit in a square of this many pixels.
    pub thumbnail_edge: u32,
}

impl Default for Limits {
    /// 15 MiB, 50 megapixels, 12 000 px per side, 512 MiB of decoder memory
    /// and 320 px thumbnails: enough for any phone or camera photo of a
    /// product, while one upload cannot exhaust the server.
    fn default() -> Self {
        Limits {
            max_bytes: 15 * 1024 * 1024,
            max_pixels: 50_000_000,
            max_dimension: 12_000,
            max_alloc_bytes: 512 * 1024 * 1024,
            thumbnail_edge: 320,
        }
    }
}

/// A small JPEG preview of an image.
#[derive(Clone, PartialEq, Eq)]
pub struct Thumbnail {
    /// The JPEG file.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// An accepted upload, ready to be stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Processed {
    /// The kind of [`Processed::bytes`]. Equal to the kind of the upload: JPEG
    /// stays JPEG, PNG stays PNG, WebP is re-encoded as lossless WebP.
    pub kind: MediaKind,
    /// The cleaned file: images are re-encoded without metadata, PDFs are
    /// the upload unchanged.
    pub bytes: Vec<u8>,
    /// Width and height of an image as displayed (after the EXIF orientation
    /// was applied); `None` for PDFs.
    pub dimensions: Option<(u32, u32)>,
    /// Lowercase hex SHA-256 of [`Processed::bytes`]: the key in [`FileStore`](crate::FileStore).
    pub sha256: String,
    /// Preview of an image; `None` for PDFs.
    pub thumbnail: Option<Thumbnail>,
}

// Hand-written so that logs and failed assertions show sizes, not megabytes
// of decimal bytes.
impl fmt::Debug for Thumbnail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Thumbnail")
            .field("bytes", &format_args!("<{} bytes>", self.bytes.len()))
            .field("width", &self.width)
            .field("height", &self.height)
            .finish()
    }
}

impl fmt::Debug for Processed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Processed")
            .field("kind", &self.kind)
            .field("bytes", &format_args!("<{} bytes>", self.bytes.len()))
            .field("dimensions", &self.dimensions)
            .field("sha256", &self.sha256)
            .field("thumbnail", &self.thumbnail)
            .finish()
    }
}

impl Processed {
    /// Width in pixels, for images.
    pub fn width(&self) -> Option<u32> {
        self.dimensions.map(|(w, _)| w)
    }

    /// Height in pixels, for images.
    pub fn height(&self) -> Option<u32> {
        self.dimensions.map(|(_, h)| h)
    }
}

/// Checks an upload and returns the version of it that is safe to store and
/// serve, with its hash and a thumbnail.
///
/// * The type comes from [`sniff`], never from the client.
/// * Images (JPEG, PNG, WebP) are refused with [`MediaError::TooManyPixels`]
///   from their header alone, before any pixel buffer exists, when they break
///   [`Limits::max_pixels`] or [`Limits::max_dimension`]; decoding then runs
///   under [`image::Limits`] as a second line of defence. The EXIF orientation
///   is applied, and the picture is re-encoded — JPEG as JPEG at quality
///   [`JPEG_QUALITY`], PNG as PNG, WebP as **lossless** WebP (the only WebP
///   encoder `image` has) — so EXIF (GPS position included), XMP, comments
///   and any trailing data are gone. The ICC colour profile is kept.
/// * PDFs must start with `%PDF-x.y` and have `%%EOF` in their last 1024
///   bytes; they are returned **unchanged, metadata included**.
///
/// CPU-bound and synchronous: run it on a blocking thread.
pub fn process(bytes: &[u8], limits: &Limits) -> Result<Processed, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::EmptyFile);
    }
    if bytes.len() > limits.max_bytes {
        return Err(MediaError::FileTooLarge { size: bytes.len(), max: limits.max_bytes });
    }
    let kind = sniff(bytes).ok_or(MediaError::UnsupportedType)?;
    if kind == MediaKind::Pdf {
        check_pdf(bytes)?;
        return Ok(Processed {
            kind,
            bytes: bytes.to_vec(),
            dimensions: None,
            sha256: sha256_hex(bytes),
            thumbnail: None,
        });
    }

    let decoded = match kind {
        MediaKind::Jpeg => {
            let decoder = JpegDecoder::new(Cursor::new(bytes)).map_err(corrupt)?;
            check_jpeg_is_complete(bytes)?;
            decode(decoder, limits)?
        }
        // PNG is the one decoder that reads ancillary chunks (text, ICC) while
        // being constructed, so it gets the memory limit from the start.
        MediaKind::Png => {
            decode(PngDecoder::with_limits(Cursor::new(bytes), alloc_only(limits)).map_err(corrupt)?, limits)?
        }
        MediaKind::Webp => decode(WebPDecoder::new(Cursor::new(bytes)).map_err(corrupt)?, limits)?,
        MediaKind::Pdf => unreachable!("PDFs returned above"),
    };

    let cleaned = encode(&decoded.image, kind, decoded.icc)?;
    let thumbnail = thumbnail(&decoded.image, limits.thumbnail_edge)?;
    Ok(Processed {
        kind,
        sha256: sha256_hex(&cleaned),
        bytes: cleaned,
        dimensions: Some((decoded.image.width(), decoded.image.height())),
        thumbnail: Some(thumbnail),
    })
}

struct Decoded {
    /// Upright pixels.
    image: DynamicImage,
    icc: Option<Vec<u8>>,
}

fn alloc_only(limits: &Limits) -> image::Limits {
    let mut l = image::Limits::default();
    l.max_alloc = Some(limits.max_alloc_bytes);
    l
}

/// Measures, then decodes, an image whose header the decoder has parsed.
fn decode(mut decoder: impl ImageDecoder, limits: &Limits) -> Result<Decoded, MediaError> {
    let (width, height) = decoder.dimensions();
    let too_large = || MediaError::TooManyPixels {
        width,
        height,
        max_pixels: limits.max_pixels,
        max_dimension: limits.max_dimension,
    };
    // The bomb check: nothing proportional to the pixel count has been
    // allocated yet, only the header was read.
    if u64::from(width) * u64::from(height) > limits.max_pixels
        || width > limits.max_dimension
        || height > limits.max_dimension
    {
        return Err(too_large());
    }
    if width == 0 || height == 0 {
        return Err(MediaError::Corrupt("the image has no pixels".into()));
    }

    // A damaged EXIF block should not cost the officer the photo: fall back
    // to "as stored".
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten().filter(|p| !p.is_empty() && p.len() <= MAX_ICC_BYTES);

    // Second line of defence, for decoders whose real output differs from
    // what the header said: the decoder itself enforces these.
    let mut decoder_limits = alloc_only(limits);
    decoder_limits.max_image_width = Some(limits.max_dimension);
    decoder_limits.max_image_height = Some(limits.max_dimension);
    // `from_decoder` allocates the output buffer without consulting the
    // limits, so account for it here, as `ImageReader::decode` does.
    decoder_limits.reserve(decoder.total_bytes()).map_err(|_| too_large())?;
    decoder.set_limits(decoder_limits).map_err(|e| match e {
        ImageError::Limits(_) => too_large(),
        other => corrupt(other),
    })?;

    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        ImageError::Limits(_) => too_large(),
        other => corrupt(other),
    })?;
    image.apply_orientation(orientation);
    Ok(Decoded { image, icc })
}

/// Re-encodes the pixels; only the colour profile is carried over.
fn encode(image: &DynamicImage, kind: MediaKind, icc: Option<Vec<u8>>) -> Result<Vec<u8>, MediaError> {
    let mut out = Vec::new();
    let result = match kind {
        MediaKind::Jpeg => with_icc(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY), icc, image),
        MediaKind::Png => with_icc(
            // Default compression: Fast (the crate default) makes screenshots
            // noticeably bigger, Best is several times slower.
            PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive),
            icc,
            image,
        ),
        MediaKind::Webp => with_icc(WebPEncoder::new_lossless(&mut out), icc, image),
        MediaKind::Pdf => unreachable!("PDFs are not re-encoded"),
    };
    result.map_err(|e| MediaError::Corrupt(format!("the image could not be re-encoded: {e}")))?;
    Ok(out)
}

fn with_icc(mut encoder: impl ImageEncoder, icc: Option<Vec<u8>>, image: &DynamicImage) -> Result<(), ImageError> {
    if let Some(profile) = icc {
        // An encoder that cannot embed a profile still produces a valid
        // image, just with sRGB colours assumed.
        let _ = encoder.set_icc_profile(profile);
    }
    image.write_with_encoder(encoder)
}

/// A JPEG thumbnail fitting in `edge` × `edge`; small images are not enlarged.
fn thumbnail(image: &DynamicImage, edge: u32) -> Result<Thumbnail, MediaError> {
    let (width, height) = fit(image.width(), image.height(), edge.max(1));
    let small = if (width, height) == (image.width(), image.height()) {
        flatten_on_white(image)
    } else {
        // `thumbnail_exact` averages every source pixel (no aliasing) and is
        // much faster than the filtered resizers.
        flatten_on_white(&image.thumbnail_exact(width, height))
    };
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, THUMBNAIL_QUALITY)
        .encode_image(&small)
        .map_err(|e| MediaError::Corrupt(format!("the thumbnail could not be encoded: {e}")))?;
    Ok(Thumbnail { bytes, width, height })
}

/// Scales `width` × `height` down (never up) to fit in `edge` × `edge`.
fn fit(width: u32, height: u32, edge: u32) -> (u32, u32) {
    if width <= edge && height <= edge {
        return (width, height);
    }
    let scale = |short: u32, long: u32| {
        let scaled = (u64::from(short) * u64::from(edge) + u64::from(long) / 2) / u64::from(long);
        // `short <= long`, so `scaled <= edge` and fits in a u32.
        u32::try_from(scaled).unwrap_or(edge).max(1)
    };
    if width >= height {
        (edge, scale(height, width))
    } else {
        (scale(width, height), edge)
    }
}

/// JPEG has no transparency: composite on white, which is how a transparent
/// PNG looks on the site, rather than letting hidden pixels show through.
fn flatten_on_white(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let p = rgba.get_pixel(x, y).0;
        let alpha = u32::from(p[3]);
        image::Rgb([0, 1, 2].map(|i| {
            let blended = (u32::from(p[i]) * alpha + 255 * (255 - alpha) + 127) / 255;
            u8::try_from(blended).unwrap_or(u8::MAX)
        }))
    })
}

/// The JPEG decoder fills a cut-off photo with grey rather than failing,
/// which would store half a picture of the evidence; insist on the
/// end-of-image marker after the first scan instead. Inside entropy-coded
/// data `FF` is always followed by `00` or a restart marker, so `FF D9`
/// there can only be the real end.
fn check_jpeg_is_complete(bytes: &[u8]) -> Result<(), MediaError> {
    let Some(scan) = first_scan(bytes) else {
        // No well-formed path to a scan: the decoder has already judged the
        // headers, and will judge the rest.
        return Ok(());
    };
    if bytes[scan..].windows(2).any(|w| w == [0xFF, 0xD9]) {
        Ok(())
    } else {
        Err(MediaError::Corrupt("the image data ends too early".into()))
    }
}

/// Offset of the first start-of-scan marker, found by walking the segments
/// from the start (never by searching, as EXIF thumbnails contain whole JPEGs).
fn first_scan(bytes: &[u8]) -> Option<usize> {
    let mut pos = 2;
    loop {
        if *bytes.get(pos)? != 0xFF {
            return None;
        }
        // Any number of FF fill bytes may precede a marker.
        while *bytes.get(pos + 1)? == 0xFF {
            pos += 1;
        }
        match bytes.get(pos + 1)? {
            0xDA => return Some(pos),
            // Markers without a length field.
            0x01 | 0xD0..=0xD7 => pos += 2,
            _ => {
                let length = usize::from(u16::from_be_bytes([*bytes.get(pos + 2)?, *bytes.get(pos + 3)?]));
                pos += 2 + length;
            }
        }
    }
}

fn check_pdf(bytes: &[u8]) -> Result<(), MediaError> {
    // `%PDF-1.7`, `%PDF-2.0`: a version number must follow the signature.
    let version = bytes.get(5..8).unwrap_or_default();
    if !(version.len() == 3 && version[0].is_ascii_digit() && version[1] == b'.' && version[2].is_ascii_digit()) {
        return Err(MediaError::Corrupt("the PDF header has no version number".into()));
    }
    let tail = &bytes[bytes.len().saturating_sub(PDF_EOF_WINDOW)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(MediaError::Corrupt("the PDF has no end-of-file marker, so it is probably cut short".into()));
    }
    Ok(())
}

/// Turns a decoder error into a reason a person can read.
fn corrupt(error: ImageError) -> MediaError {
    let reason = match &error {
        ImageError::IoError(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            "the image data ends too early".to_string()
        }
        ImageError::Unsupported(e) => format!("it uses a feature that cannot be read: {e}"),
        ImageError::Limits(_) => "decoding it would need more memory than allowed".to_string(),
        other => other.to_string(),
    };
    MediaError::Corrupt(reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thumbnails_keep_the_aspect_ratio_and_never_enlarge() {
        assert_eq!(fit(640, 480, 320), (320, 240));
        assert_eq!(fit(480, 640, 320), (240, 320));
        assert_eq!(fit(100, 50, 320), (100, 50));
        assert_eq!(fit(10_000, 1, 320), (320, 1));
        assert_eq!(fit(1, 10_000, 320), (1, 320));
        assert_eq!(fit(321, 321, 320), (320, 320));
    }

    #[test]
    fn transparent_pixels_become_white_in_thumbnails() {
        let mut img = image::RgbaImage::new(2, 1);
        img.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        img.put_pixel(1, 0, image::Rgba([10, 20, 30, 255]));
        let flat = flatten_on_white(&DynamicImage::ImageRgba8(img));
        assert_eq!(flat.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(flat.get_pixel(1, 0).0, [10, 20, 30]);
    }

    #[test]
    fn a_jpeg_without_an_end_marker_after_its_scan_is_incomplete() {
        let header = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0xFF, 0xD9, 0xFF, 0xFF, 0xDA, 0x00, 0x02, 0x12];
        assert_eq!(first_scan(&header), Some(9));
        // The FF D9 inside the APP0 segment does not count.
        assert!(check_jpeg_is_complete(&header).is_err());
        let mut whole = header.to_vec();
        whole.extend([0x34, 0xFF, 0x00, 0xFF, 0xD9]);
        assert!(check_jpeg_is_complete(&whole).is_ok());
        // Unparseable headers are left to the decoder.
        assert!(check_jpeg_is_complete(&[0xFF, 0xD8, 0x00]).is_ok());
    }

    #[test]
    fn pdfs_need_a_version_and_an_end_marker() {
        assert!(check_pdf(b"%PDF-1.4\n1 0 obj\n%%EOF\n").is_ok());
        assert_eq!(check_pdf(b"%PDF-\n%%EOF").unwrap_err().code(), "corrupt_file");
        assert_eq!(check_pdf(b"%PDF-1.4\n1 0 obj\n").unwrap_err().code(), "corrupt_file");
        let mut far = b"%PDF-1.4\n%%EOF".to_vec();
        far.extend(std::iter::repeat_n(b' ', 2000));
        assert_eq!(check_pdf(&far).unwrap_err().code(), "corrupt_file");
    }
}
