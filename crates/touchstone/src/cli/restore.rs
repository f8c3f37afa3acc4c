//! The SQLite data directory's lock, and `restore --from FILE`.
//!
//! Every command that opens a SQLite database (a server above all) holds a shared advisory
//! lock on `touchstone.lock` beside the database file for as long as it runs; `restore` needs
//! it exclusively, so it refuses while anything uses the database, and nothing starts on the
//! database while a restore runs. The lock goes with the process, however it ends.
//!
//! A restore checks the file is a Touchstone SQLite database this build can migrate, copies it
//! beside the database and flushes it to disk, keeps the database it replaces (as
//! `touchstone.db.replaced-<unix time>`), renames the copy into place, runs the migrations,
//! rebuilds the search index, and verifies the audit chain: exit 0 only when it is intact.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::config::{Config, Secret};
use crate::store::Db;

/// A held lock on the data directory's database; released when dropped (or the process ends).
pub(super) struct DataDirLock {
    _file: File,
}

/// The SQLite database file the configuration names; `None` on PostgreSQL.
pub(super) fn sqlite_file(config: &Config) -> Option<PathBuf> {
    let url = config.database_url();
    let rest = url.expose().strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let path = rest.split('?').next().unwrap_or(rest);
    Some(PathBuf::from(path))
}

fn lock_file(database: &Path) -> anyhow::Result<File> {
    let path = database.with_file_name("touchstone.lock");
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating the data directory {}", dir.display()))?;
    }
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("opening the lock file {}", path.display()))
}

/// What every command that opens the SQLite database holds while it runs.
pub(super) fn hold_shared(config: &Config) -> anyhow::Result<Option<DataDirLock>> {
    let Some(database) = sqlite_file(config) else { return Ok(None) };
    let file = lock_file(&database)?;
    if !fs4::fs_std::FileExt::try_lock_shared(&file)? {
        anyhow::bail!(
            "a restore is replacing the database {} right now; wait for it to finish, then start again",
            database.display()
        );
    }
    Ok(Some(DataDirLock { _file: file }))
}

fn hold_exclusive(database: &Path) -> anyhow::Result<DataDirLock> {
    let file = lock_file(database)?;
    if !fs4::fs_std::FileExt::try_lock_exclusive(&file)? {
        anyhow::bail!(
            "a Touchstone server (or another touchstone command) is using the database {}: it holds {}. Stop it, \
             then restore again; nothing was changed",
            database.display(),
            database.with_file_name("touchstone.lock").display()
        );
    }
    Ok(DataDirLock { _file: file })
}

/// Checks that `path` is a sound Touchstone SQLite database this build can bring up to date.
fn check_backup(path: &Path) -> anyhow::Result<()> {
    let not_ours = |why: &str| {
        anyhow::anyhow!(
            "{} is not a Touchstone SQLite database ({why}); restore a file written by `touchstone backup --to FILE`",
            path.display()
        )
    };
    let mut header = [0u8; 16];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .map_err(|e| not_ours(&format!("cannot read its header: {e}")))?;
    if &header != b"SQLite format 3\0" {
        return Err(not_ours("it is not a SQLite file"));
    }
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| not_ours(&format!("SQLite cannot open it: {e}")))?;
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| not_ours(&format!("SQLite cannot read it: {e}")))?;
    if check != "ok" {
        return Err(not_ours(&format!("SQLite finds it damaged: {check}")));
    }
    for table in ["_sqlx_migrations", "organisations", "users", "audit_log"] {
        let present: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", [table], |r| r.get(0))
            .map_err(|e| not_ours(&e.to_string()))?;
        if present == 0 {
            return Err(not_ours(&format!("it has no {table} table")));
        }
    }
    let known = Db::sqlite_migration_versions();
    let mut statement =
        conn.prepare("SELECT version FROM _sqlx_migrations WHERE success").map_err(|e| not_ours(&e.to_string()))?;
    let applied = statement
        .query_map([], |r| r.get::<_, i64>(0))
        .and_then(|rows| rows.collect::<Result<Vec<i64>, _>>())
        .map_err(|e| not_ours(&e.to_string()))?;
    if let Some(unknown) = applied.iter().find(|v| !known.contains(v)) {
        anyhow::bail!(
            "{} was written by a newer Touchstone (its schema has migration {unknown}, which this version does not \
             know); restore it with that version or a later one",
            path.display()
        );
    }
    Ok(())
}

fn sync_dir(dir: &Path) {
    // Makes the rename durable; not every platform can open a directory, and nothing is lost
    // but durability across a power cut if it cannot.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// `restore --from FILE`.
pub(super) async fn restore(config: &Config, from: &Path) -> anyhow::Result<ExitCode> {
    let Some(database) = sqlite_file(config) else {
        anyhow::bail!("restore puts back SQLite backups; on PostgreSQL use pg_restore");
    };
    let dir = match database.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    anyhow::ensure!(from.is_file(), "{} does not exist or is not a file", from.display());
    let wal = PathBuf::from(format!("{}-wal", from.display()));
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        anyhow::bail!(
            "{} has a write-ahead log beside it ({}): it is a live database, not a backup. Make a backup with \
             `touchstone backup --to FILE` and restore that",
            from.display(),
            wal.display()
        );
    }
    let _lock = hold_exclusive(&database)?;
    if let (Ok(a), Ok(b)) = (std::fs::canonicalize(from), std::fs::canonicalize(&database)) {
        anyhow::ensure!(a != b, "{} is the database itself; restore a backup of it", from.display());
    }

    // Beside the database (so that the rename stays on one file system), checked, flushed.
    let name = database.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "touchstone.db".into());
    let staged = dir.join(format!("{name}.restoring"));
    // What an interrupted restore may have left.
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", staged.display()));
    }
    std::fs::copy(from, &staged).with_context(|| format!("copying {} to {}", from.display(), staged.display()))?;
    if let Err(e) = check_backup(&staged) {
        let _ = std::fs::remove_file(&staged);
        return Err(e);
    }
    File::open(&staged).and_then(|f| f.sync_all()).with_context(|| format!("flushing {}", staged.display()))?;

    // The database it replaces: its log folded in, then kept under another name.
    let mut kept = None;
    if database.exists() {
        // A damaged database (the reason for many a restore) may refuse: then its log is kept
        // beside it as it is.
        let folded = rusqlite::Connection::open(&database)
            .and_then(|conn| conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())));
        if let Err(e) = folded {
            eprintln!(
                "warning: could not fold the write-ahead log of {} into it ({e}); it is kept as it is",
                database.display()
            );
        }
        let aside = dir.join(format!("{name}.replaced-{}", crate::domain::now_ms() / 1000));
        if std::fs::hard_link(&database, &aside).is_err() {
            std::fs::copy(&database, &aside)
                .with_context(|| format!("keeping the current database as {}", aside.display()))?;
        }
        let wal = PathBuf::from(format!("{}-wal", database.display()));
        if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
            std::fs::rename(&wal, format!("{}-wal", aside.display()))
                .with_context(|| format!("keeping {} beside {}", wal.display(), aside.display()))?;
        }
        kept = Some(aside);
    }
    for stale in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{stale}", database.display()));
    }
    std::fs::rename(&staged, &database)
        .with_context(|| format!("moving {} into place as {}", staged.display(), database.display()))?;
    sync_dir(&dir);
    match &kept {
        Some(aside) => println!(
            "restored {} into {} (the database it replaced is kept as {})",
            from.display(),
            database.display(),
            aside.display()
        ),
        None => println!("restored {} into {}", from.display(), database.display()),
    }

    let url = format!("sqlite://{}?mode=rwc", database.display());
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    let mut rebuilt = config.clone();
    rebuilt.database_url = Some(Secret::new(url));
    // The search index is derived from the database it replaced: rebuilt from this one.
    super::identify::reindex(&db, &rebuilt).await?;
    if rebuilt.coordination_key.is_none() && !rebuilt.data_dir.join("coordination.key").exists() {
        eprintln!(
            "warning: {} has no coordination.key. Copy it from the data directory the backup was taken in (or set \
             coordination_key) before serving, or operation targets will no longer match earlier detentions",
            rebuilt.data_dir.display()
        );
    }
    let report = crate::domain::audit::verify_chain(&db).await?;
    db.close().await;
    Ok(match report.first_broken_seq {
        None => {
            super::retention::print_intact(&report);
            ExitCode::SUCCESS
        }
        Some(seq) => {
            eprintln!("audit chain broken at record {seq}: {}", report.problem.unwrap_or_default());
            ExitCode::from(2)
        }
    })
}
