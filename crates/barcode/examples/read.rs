//! Reads the barcodes in each image given as an argument and prints one
//! line of JSON per image:
//!
//! ```text
//! cargo run -p barcode --example read -- photo.jpg other.png
//! {"file":"photo.jpg","ms":41,"codes":[{"format":"EAN-13","symbology_identifier":"]E0","text":"4006381333931"}]}
//! {"file":"other.png","ms":12,"error":{"code":"unsupported_type","message":"…"}}
//! ```
//!
//! Exits with status 1 if any file could not be read.

use std::time::Instant;

use barcode::{read_codes, Limits};

fn main() {
    let mut failed = false;
    let limits = Limits::default();
    for path in std::env::args().skip(1) {
        let started = Instant::now();
        let line = match std::fs::read(&path) {
            Err(e) => {
                failed = true;
                format!(r#""error":{{"code":"unreadable_file","message":{}}}"#, json(&e.to_string()))
            }
            Ok(bytes) => match read_codes(&bytes, &limits) {
                Ok(codes) => {
                    let codes: Vec<String> = codes
                        .iter()
                        .map(|c| {
                            format!(
                                r#"{{"format":{},"symbology_identifier":{},"text":{}}}"#,
                                json(&c.format),
                                json(&c.symbology_identifier),
                                json(&c.text)
                            )
                        })
                        .collect();
                    format!(r#""codes":[{}]"#, codes.join(","))
                }
                Err(e) => {
                    failed = true;
                    format!(r#""error":{{"code":{},"message":{}}}"#, json(e.code()), json(&e.to_string()))
                }
            },
        };
        println!(r#"{{"file":{},"ms":{},{line}}}"#, json(&path), started.elapsed().as_millis());
    }
    if failed {
        std::process::exit(1);
    }
}

/// A JSON string literal; control characters such as the GS1 group
/// separator come out as `\u001d`.
fn json(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
