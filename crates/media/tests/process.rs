//! `process` against real photos from the shared test data, and against
//! hostile files built here.

use std::path::PathBuf;

use media::{process, sha256_hex, sniff, Limits, MediaError, MediaKind};

/// The shared barcode photos, used in place. A missing directory fails the
/// tests rather than skipping them: silently passing on an empty set would
/// hide that nothing was tested.
fn fixture(relative: &str) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/barcodes");
    assert!(dir.is_dir(), "test data directory {} is missing", dir.display());
    let path = dir.join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()))
}

/// Progressive colour JPEG, 350 × 375.
const JPEG: &str = "qrcode-2/high-res-1.jpg";
/// The largest fixture: lossy WebP photo, 640 × 480.
const WEBP: &str = "falsepositives-1/09.webp";
const PNG: &str = "rss14-1/1.png";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn error_code(bytes: &[u8], limits: &Limits) -> &'static str {
    match process(bytes, limits) {
        Ok(p) => panic!("expected an error, got a {:?} of {:?}", p.kind, p.dimensions),
        Err(e) => e.code(),
    }
}

#[test]
fn jpeg_png_and_webp_photos_are_accepted_with_their_size_a_thumbnail_and_the_hash_of_the_output() {
    let limits = Limits::default();
    for (name, kind) in [(JPEG, MediaKind::Jpeg), (PNG, MediaKind::Png), (WEBP, MediaKind::Webp)] {
        let original = fixture(name);
        let reference = image::load_from_memory(&original).unwrap();
        let p = process(&original, &limits).unwrap_or_else(|e| panic!("{name}: {e}"));

        assert_eq!(p.kind, kind, "{name}");
        assert_eq!(sniff(&p.bytes), Some(kind), "{name}: output is a {kind:?} file");
        assert_eq!(p.dimensions, Some((reference.width(), reference.height())), "{name}");
        assert_eq!(p.sha256, sha256_hex(&p.bytes), "{name}");
        let again = image::load_from_memory(&p.bytes).unwrap();
        assert_eq!((again.width(), again.height()), (reference.width(), reference.height()), "{name}");

        let t = p.thumbnail.as_ref().expect("images have thumbnails");
        assert!(t.width <= limits.thumbnail_edge && t.height <= limits.thumbnail_edge, "{name}");
        assert!(t.width == limits.thumbnail_edge || t.height == limits.thumbnail_edge || t.width == reference.width());
        let thumb = image::load_from_memory(&t.bytes).unwrap();
        assert_eq!(sniff(&t.bytes), Some(MediaKind::Jpeg));
        assert_eq!((thumb.width(), thumb.height()), (t.width, t.height), "{name}");
    }
}

#[test]
fn a_lossless_image_keeps_its_pixels_exactly() {
    let original = fixture(PNG);
    let p = process(&original, &Limits::default()).unwrap();
    let before = image::load_from_memory(&original).unwrap().to_rgba16();
    let after = image::load_from_memory(&p.bytes).unwrap().to_rgba16();
    assert!(before == after, "PNG pixels changed");
}

/// An APP1 `Exif` segment (big-endian TIFF) with an orientation tag, an image
/// description carrying `marker`, and a GPS IFD with latitude 48°51'29.46" N.
fn exif_app1(orientation: u16, marker: &[u8]) -> Vec<u8> {
    let mut tiff: Vec<u8> = b"MM\0\x2A\0\0\0\x08".to_vec();
    let entry = |tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        tiff.extend(tag.to_be_bytes());
        tiff.extend(kind.to_be_bytes());
        tiff.extend(count.to_be_bytes());
        tiff.extend(value);
    };
    const ASCII: u16 = 2;
    const SHORT: u16 = 3;
    const LONG: u16 = 4;
    const RATIONAL: u16 = 5;
    // IFD0 at 8: 3 entries; GPS IFD right after it; then the out-of-line data.
    let ifd0_len = 2 + 3 * 12 + 4;
    let gps_at = 8 + ifd0_len;
    let gps_len = 2 + 2 * 12 + 4;
    let latitude_at = gps_at + gps_len;
    let description_at = latitude_at + 24;
    let description_len = marker.len() + 1;

    tiff.extend(3u16.to_be_bytes());
    entry(&mut tiff, 0x010E, ASCII, description_len as u32, (description_at as u32).to_be_bytes());
    let mut o = [0; 4];
    o[..2].copy_from_slice(&orientation.to_be_bytes());
    entry(&mut tiff, 0x0112, SHORT, 1, o);
    entry(&mut tiff, 0x8825, LONG, 1, (gps_at as u32).to_be_bytes());
    tiff.extend(0u32.to_be_bytes());

    assert_eq!(tiff.len(), gps_at);
    tiff.extend(2u16.to_be_bytes());
    entry(&mut tiff, 0x0001, ASCII, 2, *b"N\0\0\0");
    entry(&mut tiff, 0x0002, RATIONAL, 3, (latitude_at as u32).to_be_bytes());
    tiff.extend(0u32.to_be_bytes());

    assert_eq!(tiff.len(), latitude_at);
    tiff.extend(latitude_bytes());
    tiff.extend(marker);
    tiff.push(0);

    let mut payload = b"Exif\0\0".to_vec();
    payload.extend(tiff);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend(u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    segment.extend(payload);
    segment
}

fn latitude_bytes() -> Vec<u8> {
    [(48u32, 1u32), (51, 1), (2946, 100)]
        .iter()
        .flat_map(|(n, d)| [n.to_be_bytes(), d.to_be_bytes()])
        .flatten()
        .collect()
}

/// Puts `segment` right after the SOI marker, where cameras put EXIF.
fn splice_after_soi(jpeg: &[u8], segment: &[u8]) -> Vec<u8> {
    assert_eq!(&jpeg[..2], &[0xFF, 0xD8]);
    let mut out = jpeg[..2].to_vec();
    out.extend(segment);
    out.extend(&jpeg[2..]);
    out
}

#[test]
fn exif_with_a_gps_position_is_removed_from_a_jpeg() {
    let marker = b"TOUCHSTONE-SECRET-LOCATION";
    let tainted = splice_after_soi(&fixture(JPEG), &exif_app1(1, marker));
    // The fixture is really tainted: the decoder sees the EXIF block.
    let mut decoder = image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(&tainted)).unwrap();
    let exif = image::ImageDecoder::exif_metadata(&mut decoder).unwrap().expect("EXIF was spliced in");
    assert!(contains(&exif, marker));

    let p = process(&tainted, &Limits::default()).unwrap();
    assert!(!contains(&p.bytes, b"Exif\0\0"), "an Exif APP1 segment survived");
    assert!(!contains(&p.bytes, marker), "the EXIF description survived");
    assert!(!contains(&p.bytes, &latitude_bytes()), "the GPS latitude survived");
    let thumb = &p.thumbnail.unwrap().bytes;
    assert!(!contains(thumb, b"Exif") && !contains(thumb, marker));
}

#[test]
fn the_exif_orientation_is_applied_so_the_photo_shows_upright() {
    let original = fixture(JPEG);
    let raw = image::load_from_memory(&original).unwrap();
    assert_ne!(raw.width(), raw.height(), "the test needs a non-square photo");

    // 6 = "rotate 90° clockwise to display".
    let rotated = splice_after_soi(&original, &exif_app1(6, b"x"));
    let p = process(&rotated, &Limits::default()).unwrap();
    assert_eq!(p.dimensions, Some((raw.height(), raw.width())));
    let cleaned = image::load_from_memory(&p.bytes).unwrap();
    assert_eq!((cleaned.width(), cleaned.height()), (raw.height(), raw.width()));
    let t = p.thumbnail.unwrap();
    assert!(t.width > t.height, "the thumbnail is rotated too: {}x{}", t.width, t.height);

    // Same pixels, turned: the top-left of the result is the bottom-left of the raw photo.
    let expected = raw.rotate90().to_rgb8();
    let got = cleaned.to_rgb8();
    let mean_abs_diff = expected.as_raw().iter().zip(got.as_raw()).map(|(a, b)| u64::from(a.abs_diff(*b))).sum::<u64>()
        / expected.as_raw().len() as u64;
    assert!(mean_abs_diff < 8, "rotated pixels differ by {mean_abs_diff} on average");
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    chunk.extend(kind);
    chunk.extend(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    chunk.extend(crc.finalize().to_be_bytes());
    chunk
}

/// A valid-looking RGBA PNG whose header claims `width` × `height` but whose
/// data is a few bytes: what a decompression bomb looks like from outside.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(png_chunk(b"IHDR", &ihdr));
    // An empty zlib stream.
    png.extend(png_chunk(b"IDAT", &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]));
    png.extend(png_chunk(b"IEND", &[]));
    png
}

#[test]
fn a_png_claiming_60000_by_60000_pixels_is_refused_from_its_header() {
    let bomb = png_claiming(60_000, 60_000);
    assert!(bomb.len() < 100);
    let started = std::time::Instant::now();
    let error = process(&bomb, &Limits::default()).unwrap_err();
    assert_eq!(
        error,
        MediaError::TooManyPixels { width: 60_000, height: 60_000, max_pixels: 50_000_000, max_dimension: 12_000 }
    );
    assert_eq!(error.code(), "too_many_pixels");
    // Allocating and zeroing 14 GB would take far longer than this.
    assert!(started.elapsed().as_millis() < 500, "took {:?}", started.elapsed());
}

#[test]
fn an_image_with_one_edge_too_long_is_refused_even_with_few_pixels() {
    assert_eq!(error_code(&png_claiming(20_000, 10), &Limits::default()), "too_many_pixels");
}

#[test]
fn an_image_that_would_need_more_decoder_memory_than_allowed_is_refused() {
    let limits = Limits { max_alloc_bytes: 10_000, ..Limits::default() };
    assert_eq!(error_code(&fixture(JPEG), &limits), "too_many_pixels");
}

#[test]
fn a_png_whose_data_is_missing_is_corrupt() {
    assert_eq!(error_code(&png_claiming(100, 100), &Limits::default()), "corrupt_file");
}

#[test]
fn a_truncated_jpeg_is_corrupt() {
    let jpeg = fixture(JPEG);
    let half = &jpeg[..jpeg.len() / 2];
    let error = process(half, &Limits::default()).unwrap_err();
    assert_eq!(error.code(), "corrupt_file", "{error}");
}

#[test]
fn truncated_png_and_webp_files_are_corrupt() {
    for name in [PNG, WEBP] {
        let bytes = fixture(name);
        let error = process(&bytes[..bytes.len() / 2], &Limits::default()).unwrap_err();
        assert_eq!(error.code(), "corrupt_file", "{name}: {error}");
    }
}

#[test]
fn random_bytes_are_an_unsupported_type() {
    // A fixed xorshift sequence: "random" yet reproducible.
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect();
    let error = process(&bytes, &Limits::default()).unwrap_err();
    assert_eq!(error, MediaError::UnsupportedType);
    assert_eq!(error.to_string(), "Only JPEG, PNG and WebP images and PDF documents are accepted.");
}

#[test]
fn other_formats_are_an_unsupported_type_even_when_valid() {
    assert_eq!(error_code(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", &Limits::default()), "unsupported_type");
    assert_eq!(error_code(b"<svg xmlns='http://www.w3.org/2000/svg'/>", &Limits::default()), "unsupported_type");
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(process(&[], &Limits::default()).unwrap_err(), MediaError::EmptyFile);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_looked_at() {
    let jpeg = fixture(JPEG);
    let limits = Limits { max_bytes: jpeg.len() - 1, ..Limits::default() };
    assert_eq!(
        process(&jpeg, &limits).unwrap_err(),
        MediaError::FileTooLarge { size: jpeg.len(), max: jpeg.len() - 1 }
    );
    let exactly = Limits { max_bytes: jpeg.len(), ..Limits::default() };
    assert!(process(&jpeg, &exactly).is_ok());
}

#[test]
fn a_png_named_jpg_is_handled_as_a_png() {
    // The API takes no name or content type at all; the bytes decide.
    let png = fixture(PNG);
    assert_eq!(sniff(&png), Some(MediaKind::Png));
    let p = process(&png, &Limits::default()).unwrap();
    assert_eq!((p.kind, p.kind.mime(), p.kind.extension()), (MediaKind::Png, "image/png", "png"));
}

#[test]
fn a_pdf_is_kept_unchanged_without_thumbnail() {
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let p = process(pdf, &Limits::default()).unwrap();
    assert_eq!(p.kind, MediaKind::Pdf);
    assert_eq!(p.bytes, pdf);
    assert_eq!(p.sha256, sha256_hex(pdf));
    assert_eq!((p.dimensions, p.thumbnail), (None, None));
}

#[test]
fn a_truncated_pdf_is_corrupt() {
    assert_eq!(error_code(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> en", &Limits::default()), "corrupt_file");
}

#[test]
fn every_fixture_image_is_either_accepted_or_refused_with_a_code() {
    // Broad sweep over all the shared photos (small ones, so it stays fast).
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/barcodes");
    let mut accepted = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        for file in std::fs::read_dir(entry.path()).unwrap().flatten() {
            let path = file.path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !["png", "jpg", "jpeg", "webp"].contains(&ext) || file.metadata().unwrap().len() > 20_000 {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            match process(&bytes, &Limits::default()) {
                Ok(p) => {
                    accepted += 1;
                    let t = p.thumbnail.unwrap();
                    assert!(t.width <= 320 && t.height <= 320);
                }
                Err(e) => panic!("{}: {} ({})", path.display(), e, e.code()),
            }
        }
    }
    assert!(accepted > 50, "only {accepted} fixtures found");
}

#[test]
fn text_chunks_are_removed_from_a_png() {
    let png = fixture(PNG);
    // Right after the signature (8 bytes) and IHDR (25 bytes).
    let marker = b"Author\0TOUCHSTONE-SECRET-OFFICER";
    let mut tainted = png[..33].to_vec();
    tainted.extend(png_chunk(b"tEXt", marker));
    tainted.extend(&png[33..]);
    assert_eq!(&png[12..16], b"IHDR");

    let p = process(&tainted, &Limits::default()).unwrap();
    assert!(!contains(&p.bytes, b"TOUCHSTONE-SECRET-OFFICER"));
    assert!(!contains(&p.bytes, b"tEXt"));
}

#[test]
fn the_icc_colour_profile_of_a_jpeg_is_kept() {
    // Colours are evidence (a fake's red is often off), so the profile that
    // gives them their meaning survives the cleaning. Not a real profile: the
    // decoder and encoder only carry the bytes.
    let profile = b"TOUCHSTONE-TEST-ICC-PROFILE-BYTES".repeat(4);
    let mut payload = b"ICC_PROFILE\0\x01\x01".to_vec();
    payload.extend(&profile);
    let mut app2 = vec![0xFF, 0xE2];
    app2.extend(u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    app2.extend(payload);

    let p = process(&splice_after_soi(&fixture(JPEG), &app2), &Limits::default()).unwrap();
    assert!(contains(&p.bytes, &profile), "the ICC profile was dropped");
}
