//! JSON Lines import rows (whole product sheets): reading never panics; a row that passes the
//! checks is normalised for good, its GTINs are distinct product codes, and writing it back as a
//! JSON line and importing that gives the same row.

#![no_main]

use libfuzzer_sys::fuzz_target;
use touchstone::domain::catalog_io::{check_row, jsonl_rows};

fuzz_target!(|data: &[u8]| {
    for (row, parsed) in jsonl_rows(data).take(64) {
        let Ok(parsed) = parsed else { continue };
        let Ok(checked) = check_row(row, parsed).expect("row checks never fail internally") else {
            continue;
        };
        let again = check_row(row, checked.clone()).unwrap();
        assert_eq!(again.as_ref(), Ok(&checked), "checking a checked row changed it");
        let mut keys: Vec<String> = checked.sheet.gtins.iter().map(|g| format!("{g:0>14}")).collect();
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "a product lists the same GTIN twice: {:?}", checked.sheet.gtins);

        let line = serde_json::to_string(&checked).unwrap();
        let back: Vec<_> = jsonl_rows(line.as_bytes()).collect();
        assert_eq!(back.len(), 1, "{line}");
        let (r, parsed) = back.into_iter().next().unwrap();
        let reread = parsed.unwrap_or_else(|e| panic!("export of row {row} unreadable: {e:?}\n{line}"));
        let rechecked = check_row(r, reread).unwrap();
        assert_eq!(rechecked.as_ref(), Ok(&checked), "JSON Lines export and import changed the row");
    }
});
