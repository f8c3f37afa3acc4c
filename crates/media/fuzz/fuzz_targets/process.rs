//! `media::process` never panics on any input, and what it accepts is
//! consistent: the hash matches the bytes, dimensions and thumbnail respect
//! the limits.

#![no_main]

use libfuzzer_sys::fuzz_target;
use media::{process, sha256_hex, Limits, MediaKind};

fuzz_target!(|data: &[u8]| {
    // Small limits keep every execution fast and bounded in memory while
    // still exercising every refusal path.
    let limits = Limits {
        max_bytes: 256 * 1024,
        max_pixels: 512 * 512,
        max_dimension: 1024,
        max_alloc_bytes: 16 * 1024 * 1024,
        thumbnail_edge: 64,
    };
    let Ok(p) = process(data, &limits) else {
        return;
    };
    assert_eq!(p.sha256, sha256_hex(&p.bytes));
    if p.kind == MediaKind::Pdf {
        assert_eq!(p.bytes, data);
        assert!(p.thumbnail.is_none() && p.dimensions.is_none());
    } else {
        let (w, h) = p.dimensions.expect("images have dimensions");
        assert!(u64::from(w) * u64::from(h) <= limits.max_pixels);
        assert!(w <= limits.max_dimension && h <= limits.max_dimension);
        let t = p.thumbnail.expect("images have thumbnails");
        assert!(t.width >= 1 && t.height >= 1 && t.width <= 64 && t.height <= 64);
    }
});
