//! Runs `parse_scan` over the decoded text of the barcode photos in
//! `shared/testdata/barcodes` (read in place, never copied), prefixed with
//! the symbology identifier a scanner would send.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use gs1::{parse_scan, Scan};

/// Fixtures whose GS1 data is invalid on purpose or by accident, with why.
/// Each must really fail; anything else failing makes the test fail.
const KNOWN_INVALID: &[(&str, &str)] = &[
    ("code128-1/1.txt", "]C1 168901: AI (16) needs a 6-digit date, has 4 digits"),
    ("code128-1/4.txt", "]C1 123456: AI (12) needs a 6-digit date, has 4 digits"),
    ("code128-1/5.txt", "AI (8101), the retired North American coupon code, is no longer in the dictionary"),
    ("rssexpanded-1/10.txt", "AI (422) 123 is not an ISO 3166 country code"),
    ("rssexpanded-1/10-corrected.txt", "AI (422) 123 is not an ISO 3166 country code"),
    ("rssexpanded-1/11.txt", "AI (422) 123 is not an ISO 3166 country code"),
    ("rssexpanded-1/14.txt", "AI (3932) currency 040 (Austrian schilling) is withdrawn from ISO 4217"),
    ("rssexpanded-1/32.txt", "AI (422) 123 is not an ISO 3166 country code"),
];

fn barcodes_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/barcodes");
    assert!(dir.is_dir(), "fixture directory {} is missing (shared/ must sit beside the checkout)", dir.display());
    dir
}

/// Symbology identifier from `NAME.result.txt`, or implied by the folder
/// for the formats that always have the same one.
fn symbology_id(folder: &str, txt: &Path) -> Option<String> {
    let result = txt.with_file_name(format!("{}.result.txt", txt.file_stem()?.to_string_lossy()));
    if let Ok(meta) = fs::read_to_string(result) {
        if let Some(sid) = meta.lines().find_map(|l| l.strip_prefix("symbologyIdentifier=")) {
            return Some(sid.trim().to_owned());
        }
    }
    let implied = match folder.split('-').next()? {
        "ean13" | "upca" | "upce" => "]E0",
        "ean8" => "]E4",
        "rss14" | "rssexpanded" => "]e0",
        _ => return None,
    };
    Some(implied.to_owned())
}

/// Every decoded-text fixture: (folder/name, text).
fn fixtures() -> Vec<(String, PathBuf, String)> {
    let mut out = Vec::new();
    for folder in fs::read_dir(barcodes_dir()).expect("readable fixture dir") {
        let folder = folder.expect("dir entry").path();
        if !folder.is_dir() {
            continue;
        }
        for file in fs::read_dir(&folder).expect("readable folder") {
            let path = file.expect("dir entry").path();
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            if !name.ends_with(".txt") || name.ends_with(".result.txt") {
                continue;
            }
            let bytes = fs::read(&path).expect("readable fixture");
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let folder_name = folder.file_name().unwrap_or_default().to_string_lossy();
            out.push((format!("{folder_name}/{name}"), path, text));
        }
    }
    out.sort();
    out
}

const GS1_OR_EAN: &[&str] = &["]C1", "]e0", "]d2", "]Q3", "]J1", "]E0", "]E3", "]E4", "]I1"];

#[test]
fn gs1_and_ean_upc_fixtures_parse() {
    let mut failures = BTreeMap::new();
    let mut parsed = 0;
    for (id, path, text) in fixtures() {
        let folder = id.split('/').next().unwrap_or_default();
        let Some(sid) = symbology_id(folder, &path) else {
            continue;
        };
        if !GS1_OR_EAN.contains(&sid.as_str()) {
            continue;
        }
        let scan = parse_scan(&format!("{sid}{text}"));
        if scan.is_gs1() {
            parsed += 1;
        } else {
            let why = match &scan {
                Scan::Invalid { error, .. } => error.to_string(),
                other => format!("{other:?}"),
            };
            failures.insert(id, format!("{sid}{text:?}: {why}"));
        }
    }
    let unexpected: Vec<_> = failures.iter().filter(|(id, _)| !KNOWN_INVALID.iter().any(|(k, _)| k == id)).collect();
    assert!(unexpected.is_empty(), "unexpected failures: {unexpected:#?}");
    let stale: Vec<_> = KNOWN_INVALID.iter().filter(|(k, _)| !failures.contains_key(*k)).collect();
    assert!(stale.is_empty(), "listed as invalid but parsed: {stale:?}");
    assert!(parsed >= 100, "only {parsed} fixtures parsed");
}

#[test]
fn non_gs1_fixtures_are_never_taken_for_element_strings() {
    for (id, path, text) in fixtures() {
        let folder = id.split('/').next().unwrap_or_default();
        let sid = symbology_id(folder, &path);
        // Bare text must never panic whatever it is.
        let _ = parse_scan(&text);
        let Some(sid) = sid.filter(|s| !GS1_OR_EAN.contains(&s.as_str())) else {
            continue;
        };
        let scan = parse_scan(&format!("{sid}{text}"));
        assert!(!matches!(scan, Scan::ElementString { .. }), "{id} with {sid} read as GS1: {scan:?}");
    }
}
