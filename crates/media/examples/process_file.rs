//! Runs `media::process` on files and prints what came out and how long it
//! took: `cargo run -p media --example process_file -- photo.jpg [...]`.

use std::time::Instant;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: process_file FILE...");
        std::process::exit(2);
    }
    let limits = media::Limits::default();
    for path in paths {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let started = Instant::now();
        let result = media::process(&bytes, &limits);
        let elapsed = started.elapsed();
        match result {
            Ok(p) => println!(
                "{path}: {:?} {:?}, {} -> {} bytes, thumbnail {:?}, {:.1} ms",
                p.kind,
                p.dimensions,
                bytes.len(),
                p.bytes.len(),
                p.thumbnail.as_ref().map(|t| (t.width, t.height, t.bytes.len())),
                elapsed.as_secs_f64() * 1000.0
            ),
            Err(e) => println!("{path}: {} ({}), {:.1} ms", e.code(), e, elapsed.as_secs_f64() * 1000.0),
        }
    }
}
