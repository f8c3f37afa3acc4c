//! Upgrades: the new binary started on a database written by an earlier release migrates it and
//! finds its audit chain intact and its data there. Each release adds its fixtures to
//! `tests/data/releases/`: `<release>.sqlite.gz` (the database file of `touchstone demo seed`)
//! and `<release>.postgres.sql.gz` (`pg_dump --inserts --no-owner --no-privileges` of the same
//! command's PostgreSQL database); see `docs/OPERATIONS.md`, "Upgrades".

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{drop_postgres_database, fresh_postgres_database};

/// Products, users and organisations `touchstone demo seed` writes.
const DEMO_PRODUCTS: usize = 1200;

fn releases(suffix: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/releases");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/data/releases")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no release fixture *{suffix} in {}", dir.display());
    found
}

fn gunzip(path: &Path) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap()).read_to_end(&mut out).unwrap();
    out
}

/// Runs the binary on the database `db` (`--data-dir DIR` or `--database-url URL`).
fn touchstone(db: &[&str], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_touchstone"))
        .args(db)
        .args(args)
        .env_remove("TOUCHSTONE_DATABASE_URL")
        .env("TOUCHSTONE_LOG", "warn")
        .env("TOUCHSTONE_COORDINATION_KEY", "fixture-coordination-key-0123456789abcdef")
        .output()
        .expect("run touchstone")
}

fn succeeded(what: &str, out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{what}: {:?}\n{stderr}\n{}", out.status, String::from_utf8_lossy(&out.stdout));
    format!("{}{stderr}", String::from_utf8_lossy(&out.stdout))
}

/// What an operator checks after an upgrade: the migrations ran, the audit chain verifies,
/// the demo users are there and the catalog exports whole.
fn upgrade_and_check(release: &Path, db: &[&str]) {
    let name = release.file_name().unwrap().to_string_lossy();
    succeeded(&format!("{name}: migrate"), &touchstone(db, &["migrate"]));
    succeeded(&format!("{name}: audit verify"), &touchstone(db, &["audit", "verify"]));
    let users = succeeded(&format!("{name}: user list"), &touchstone(db, &["user", "list"]));
    for email in ["officer@douane.demo", "brand@lumiere.demo", "coordinator@gendarmerie.demo"] {
        assert!(users.contains(email), "{name}: {email} is gone: {users}");
    }
    let export = touchstone(db, &["catalog", "export", "--format", "jsonl"]);
    succeeded(&format!("{name}: catalog export"), &export);
    let products = String::from_utf8_lossy(&export.stdout).lines().count();
    assert_eq!(products, DEMO_PRODUCTS, "{name}: every product of the release's catalog exports");
    // Migrating again changes nothing and fails nothing.
    succeeded(&format!("{name}: migrate again"), &touchstone(db, &["migrate"]));
}

#[test]
fn a_sqlite_database_of_each_earlier_release_migrates_and_verifies() {
    for release in releases(".sqlite.gz") {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("touchstone.db"), gunzip(&release)).unwrap();
        upgrade_and_check(&release, &["--data-dir", dir.path().to_str().unwrap()]);
    }
}

#[tokio::test]
async fn a_postgresql_database_of_each_earlier_release_migrates_and_verifies() {
    let Ok(base) = std::env::var("TOUCHSTONE_TEST_DATABASE_URL") else { return };
    for release in releases(".postgres.sql.gz") {
        let url = fresh_postgres_database(&base).await;
        let dump = String::from_utf8(gunzip(&release)).unwrap();
        // psql's own commands (`\restrict`) are not SQL.
        let sql: String = dump.lines().filter(|l| !l.starts_with('\\')).flat_map(|l| [l, "\n"]).collect();
        let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&url).await.unwrap();
        sqlx::raw_sql(&sql).execute(&mut conn).await.unwrap_or_else(|e| panic!("{}: {e}", release.display()));
        sqlx::Connection::close(conn).await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        upgrade_and_check(&release, &["--data-dir", dir.path().to_str().unwrap(), "--database-url", &url]);
        drop_postgres_database(&url).await;
    }
}
