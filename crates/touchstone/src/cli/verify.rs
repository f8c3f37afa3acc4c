//! `touchstone verify import`: a rights holder's serial numbers from a file, streamed through the
//! same import as `POST /api/v1/products/{id}/serials`, with a progress bar on standard error.

use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use anyhow::Context;

use super::{app, Counting};
use crate::config::Config;
use crate::domain::catalog_io::Format;
use crate::domain::coordination::MatchKey;
use crate::domain::policy::Principal;
use crate::domain::verify::{self, Verifier};
use crate::store::Db;

pub(super) async fn import_serials(
    db: &Db,
    config: &Config,
    principal: &Principal,
    product_id: i64,
    file: &Path,
    format: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let format = match format {
        Some(f) => Format::from_name(f).context("--format is csv or jsonl")?,
        None => {
            Format::from_name(&file.to_string_lossy()).context("name the format with --format csv or --format jsonl")?
        }
    };
    // Serials are keyed under the deployment's key, as the server keys them.
    let match_key = MatchKey::load(config.coordination_key.as_ref().map(|k| k.expose()), &config.data_dir)
        .context("reading the coordination key")?;
    let verifier = Verifier::new(&match_key, config.verify.clone(), config.notify.webhook_allow_local)?;
    let size = std::fs::metadata(file).with_context(|| format!("reading {}", file.display()))?.len();
    let read = Arc::new(AtomicU64::new(0));
    let reader = std::io::BufReader::with_capacity(
        1 << 16,
        Counting {
            inner: std::fs::File::open(file).with_context(|| format!("opening {}", file.display()))?,
            read: read.clone(),
        },
    );
    let bar = indicatif::ProgressBar::with_draw_target(Some(size), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {percent:>3}% {bytes}/{total_bytes} eta {eta}")
    {
        bar.set_style(style);
    }
    // The import reads the file on a blocking thread; the bar follows the bytes it has read.
    let ticker = {
        let (bar, read) = (bar.clone(), read.clone());
        tokio::spawn(async move {
            loop {
                bar.set_position(read.load(Ordering::Relaxed));
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
        })
    };
    let started = std::time::Instant::now();
    let result = verify::import(db, &verifier, principal, product_id, format, reader).await;
    ticker.abort();
    bar.finish_and_clear();
    let report = app(result)?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} rows in {secs:.1} s ({:.0} rows/s): {} created, {} updated, {} unchanged, {} failed",
        report.rows,
        report.rows as f64 / secs.max(0.001),
        report.created,
        report.updated,
        report.unchanged,
        report.failed
    );
    for e in &report.errors {
        let field = if e.field.is_empty() { "-" } else { &e.field };
        println!("row {}, {field}: {} ({})", e.row, e.message, e.code);
    }
    if report.errors_truncated {
        println!("… and more; only the first {} problems are listed", report.errors.len());
    }
    Ok(if report.failed > 0 { ExitCode::from(3) } else { ExitCode::SUCCESS })
}
