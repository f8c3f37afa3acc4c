//! CSV import rows: reading a file never panics; a row that passes the checks is normalised
//! for good (checking it again changes nothing), its GTINs are distinct products codes, and
//! exporting it as CSV and importing that back gives the same row.

#![no_main]

use libfuzzer_sys::fuzz_target;
use touchstone::domain::catalog_io::{check_row, csv_cells, csv_rows, ImportRow, CSV_COLUMNS};

fn export(row: &ImportRow) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS).unwrap();
    w.write_record(csv_cells(row)).unwrap();
    w.into_inner().unwrap()
}

fuzz_target!(|data: &[u8]| {
    for (row, parsed) in csv_rows(data).take(64) {
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

        let file = export(&checked);
        let back: Vec<_> = csv_rows(file.as_slice()).collect();
        assert_eq!(back.len(), 1, "{:?}", String::from_utf8_lossy(&file));
        let (r, parsed) = back.into_iter().next().unwrap();
        let reread = parsed.unwrap_or_else(|e| panic!("export of row {row} unreadable: {e:?}"));
        let rechecked = check_row(r, reread).unwrap();
        assert_eq!(rechecked.as_ref(), Ok(&checked), "CSV export and import changed the row");
    }
});
