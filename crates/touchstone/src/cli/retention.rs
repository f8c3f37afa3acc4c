//! `touchstone retention purge`, `touchstone party export` and what `audit verify` prints of
//! purges: the console's side of [`crate::domain::retention`].

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use super::app;
use crate::config::Config;
use crate::domain::audit::ChainReport;
use crate::domain::policy::Principal;
use crate::domain::retention::{self, PartyQuery};
use crate::store::Db;

/// Purges now what is past its period (without waiting for a server's pass), and says what.
pub(super) async fn purge(db: &Db, config: &Config) -> anyhow::Result<ExitCode> {
    let files = crate::domain::media::MediaStore::new(config.data_dir.join("media"), config.max_upload_bytes, db);
    let done = app(retention::purge(db, &files, &config.retention, db.now_ms()).await)?;
    println!(
        "purged {} closed cases, {} screening hits, {} scan events and {} files; {} audit records now keep only \
         the hash of their detail",
        done.cases, done.hits, done.scan_events, done.files, done.audit_records
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes everything held about a party as JSON to `out` (standard output when absent).
pub(super) async fn export_party(
    db: &Db,
    name: String,
    country: Option<String>,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let export = app(retention::export_party(db, &Principal::console(), &PartyQuery { name, country }).await)?;
    let json = serde_json::to_string_pretty(&export)?;
    match out {
        Some(path) => std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?,
        None => println!("{json}"),
    }
    eprintln!(
        "exported {} cases, {} hits and {} operation targets",
        export.cases.len(),
        export.hits.len(),
        export.operation_targets.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// What `audit verify` (and `restore`) print of an intact chain: its length, then each purge.
pub(super) fn print_intact(report: &ChainReport) {
    println!("audit chain intact: {} records", report.records);
    if report.purged_records > 0 || !report.purges.is_empty() {
        println!(
            "{} records keep only the hash of their detail, purged by {} retention purges:",
            report.purged_records,
            report.purges.len()
        );
    }
    for p in &report.purges {
        let ids = |ids: &[i64]| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
        let mut what = Vec::new();
        if !p.cases.is_empty() {
            what.push(format!("cases {}", ids(&p.cases)));
        }
        if !p.hits.is_empty() {
            what.push(format!("hits {}", ids(&p.hits)));
        }
        if p.scan_events > 0 {
            what.push(format!("{} scan events", p.scan_events));
        }
        println!("  record {} at {}: {} ({} records redacted)", p.seq, p.at, what.join("; "), p.records);
    }
}
