//! `parse_scan` never panics; element strings it returns re-parse from
//! their bracketed form.

#![no_main]

use gs1::{parse_scan, ElementString, Scan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let scan = parse_scan(text);
    if let Scan::ElementString { element_string, .. } = &scan {
        let bracketed = element_string.to_bracketed();
        let again = ElementString::parse_lenient(&bracketed)
            .unwrap_or_else(|e| panic!("{bracketed:?} from {text:?}: {e}"));
        assert_eq!(&again, element_string);
    }
    if let Some(es) = scan.element_string() {
        assert!(!es.ais.is_empty());
    }
});
