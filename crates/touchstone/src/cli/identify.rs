//! `code read`, `reindex`, and the search index a server opens.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::config::Config;
use crate::domain::search::SearchService;
use crate::store::Db;

/// `code read`: one JSON line per image, `{"file", "codes": [{"format", "symbology_identifier",
/// "text"}]}`, or `{"file", "error": {"code", "message"}}` for a file that cannot be read (the
/// others are still read, and the exit status is 1).
pub(super) fn read_codes(images: &[PathBuf]) -> ExitCode {
    let limits = barcode::Limits::default();
    let mut failed = false;
    for path in images {
        let file = path.display().to_string();
        let result = std::fs::read(path)
            .map_err(|e| ("unreadable_file", format!("Cannot read the file: {e}.")))
            .and_then(|bytes| barcode::read_codes(&bytes, &limits).map_err(|e| (e.code(), e.to_string())));
        let line = match result {
            Ok(codes) => serde_json::json!({
                "file": file,
                "codes": codes.iter().map(|c| serde_json::json!({
                    "format": c.format, "symbology_identifier": c.symbology_identifier, "text": c.text,
                })).collect::<Vec<_>>(),
            }),
            Err((code, message)) => {
                failed = true;
                serde_json::json!({"file": file, "error": {"code": code, "message": message}})
            }
        };
        println!("{line}");
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `reindex`: rebuilds `DATA_DIR/search` from the database.
pub(super) async fn reindex(db: &Db, config: &Config) -> anyhow::Result<ExitCode> {
    let dir = config.data_dir.join("search");
    let service = match SearchService::open(&dir) {
        Ok(s) => s,
        Err(search::SearchError::Locked(_)) => anyhow::bail!(
            "a running server holds the search index in {}; it keeps the index current itself. Stop it to rebuild.",
            dir.display()
        ),
        Err(e) => return Err(e.into()),
    };
    // The card replica beside the index is rebuilt with it (PostgreSQL only).
    crate::domain::cards::attach(db, &dir.join(CARD_REPLICA_FILE));
    let report = service.rebuild(db).await.map_err(anyhow::Error::new)?;
    println!(
        "search index rebuilt in {}: {} brands and {} products in {:.1} s",
        dir.display(),
        report.brands,
        report.products,
        report.millis as f64 / 1000.0
    );
    Ok(ExitCode::SUCCESS)
}

/// The card replica's file in the search index's directory (see [`crate::domain::cards`]).
const CARD_REPLICA_FILE: &str = "cards.sqlite";

/// The index a server keeps current: `DATA_DIR/search`, or one in memory (rebuilt from the
/// database) when that directory is held by another process or cannot be used. On PostgreSQL
/// the index on disk comes with the node's card replica, which the index's follower keeps.
pub(super) fn open_search(config: &Config, db: &Db) -> SearchService {
    let dir = config.data_dir.join("search");
    match SearchService::open(&dir) {
        Ok(s) => {
            crate::domain::cards::attach(db, &dir.join(CARD_REPLICA_FILE));
            s
        }
        Err(e) => {
            tracing::warn!(error = %e, "search index: using one in memory, rebuilt from the database");
            SearchService::in_memory()
        }
    }
}
