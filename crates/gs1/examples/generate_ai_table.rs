//! Prints `src/ai_table.rs` generated from the GS1 Barcode Syntax Dictionary.
//!
//! ```text
//! cargo run -p gs1 --example generate_ai_table -- \
//!     ../shared/testdata/gs1/gs1-syntax-dictionary.txt > crates/gs1/src/ai_table.rs
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: generate_ai_table PATH/TO/gs1-syntax-dictionary.txt > src/ai_table.rs");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    match gs1::syntax_dictionary::generate_ai_table(&text) {
        Ok(source) => {
            print!("{source}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}
