//! Fails when `src/ai_table.rs` no longer matches the GS1 Barcode Syntax
//! Dictionary in `shared/testdata` (beside the checkout).

use std::path::Path;

#[test]
fn committed_ai_table_matches_the_syntax_dictionary() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/gs1/gs1-syntax-dictionary.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let generated = gs1::syntax_dictionary::generate_ai_table(&text).expect("dictionary parses");
    let committed = include_str!("../src/ai_table.rs");
    assert!(
        generated == committed,
        "src/ai_table.rs is stale: regenerate with `cargo run -p gs1 --example \
         generate_ai_table -- {} > crates/gs1/src/ai_table.rs`",
        path.display()
    );
}
