//! Point reads of the embedded SQLite database, run on the calling thread.
//!
//! sqlx gives each SQLite connection a thread of its own and hands every query and every row
//! across threads. For an officer's lookup, a few index probes in pages the OS already holds,
//! those hand-offs cost more than the read: under load, half the CPU time went to switching
//! threads. The reads here use connections of their own (rusqlite, on the same SQLite library
//! sqlx links, which is why its version follows sqlx's `libsqlite3-sys`) and run synchronously,
//! which is shorter than waking another thread. Only short indexed reads belong here: anything
//! that may scan would hold up the async worker it runs on.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Connections kept for reuse; more are opened when all are busy (one per worker thread at
/// most, since a read never waits across an `.await`).
const KEEP: usize = 16;

/// How long consecutive reads on a connection share one read transaction. Beginning and ending
/// one takes file locks (half the cost of a lookup's read); sharing it means a write committed
/// through another process is seen up to this much later. A write begun through this process
/// ends the sharing at once (the store's write epoch), as it does for [`crate::cache`].
pub const SNAPSHOT_AGE: Duration = Duration::from_millis(20);

pub struct LocalReads {
    path: PathBuf,
    /// The store's count of write transactions begun ([`super::Db::write_epoch`]).
    writes: Arc<AtomicU64>,
    idle: Mutex<Vec<Reader>>,
}

struct Reader {
    conn: rusqlite::Connection,
    /// The open read transaction: the write epoch and instant it began at.
    snapshot: Option<(u64, Instant)>,
}

impl Reader {
    /// Ends the open read transaction, if any; false when it could not end, and the connection
    /// must then be dropped.
    fn end_snapshot(&mut self) -> bool {
        self.snapshot.take().is_none() || self.conn.execute_batch("ROLLBACK").is_ok()
    }
}

impl LocalReads {
    /// For a `sqlite://PATH?…` URL naming a file; `None` for an in-memory database, which
    /// other connections cannot open.
    pub fn for_url(url: &str, writes: Arc<AtomicU64>) -> Option<LocalReads> {
        let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
        let path = rest.split('?').next()?;
        if path.is_empty() || path.starts_with(':') || url.contains("mode=memory") {
            return None;
        }
        Some(LocalReads { path: Path::new(path).to_path_buf(), writes, idle: Mutex::new(Vec::new()) })
    }

    /// Runs `read` on an idle connection (opening one if none is idle), inside a read
    /// transaction begun at most [`SNAPSHOT_AGE`] ago and after any write begun through this
    /// process.
    pub fn with<T>(&self, read: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T>) -> Result<T, sqlx::Error> {
        let epoch = self.writes.load(Ordering::Acquire);
        let idle = self.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).pop();
        let mut reader = match idle {
            Some(reader) => reader,
            None => Reader { conn: self.open().map_err(to_sqlx)?, snapshot: None },
        };
        let current =
            matches!(reader.snapshot, Some((began_at, since)) if began_at == epoch && since.elapsed() < SNAPSHOT_AGE);
        if !current {
            if !reader.end_snapshot() {
                return Err(sqlx::Error::Protocol("SQLite read: a read transaction could not end".into()));
            }
            reader.conn.execute_batch("BEGIN").map_err(to_sqlx)?;
            reader.snapshot = Some((epoch, Instant::now()));
        }
        let result = read(&reader.conn).map_err(to_sqlx);
        if result.is_err() && !reader.end_snapshot() {
            return result;
        }
        let mut idle = self.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if idle.len() < KEEP {
            idle.push(reader);
        }
        result
    }

    /// Ends read transactions older than [`SNAPSHOT_AGE`] on idle connections: one left open
    /// while no lookups come would keep SQLite from recycling its write-ahead log.
    pub fn end_old_snapshots(&self) {
        let mut idle = self.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        idle.retain_mut(|reader| {
            reader.snapshot.is_none_or(|(_, since)| since.elapsed() < SNAPSHOT_AGE) || reader.end_snapshot()
        });
    }

    fn open(&self) -> rusqlite::Result<rusqlite::Connection> {
        use rusqlite::OpenFlags;
        let conn = rusqlite::Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
        )?;
        // Mapped pages are read without a system call each; SQLite caps the size at its
        // compiled limit (2 GB by default), and the OS keeps the pages, not this process.
        conn.execute_batch("PRAGMA query_only = ON; PRAGMA busy_timeout = 5000; PRAGMA mmap_size = 2147418112;")?;
        conn.set_prepared_statement_cache_capacity(32);
        Ok(conn)
    }
}

fn to_sqlx(e: rusqlite::Error) -> sqlx::Error {
    sqlx::Error::Protocol(format!("SQLite read: {e}"))
}
