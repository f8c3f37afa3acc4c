//! The SQL store, written once for SQLite and PostgreSQL through sqlx's `Any` driver.
//!
//! Portable SQL only: `$n` placeholders, `RETURNING`, BIGINT ids, 0/1 integers for booleans and
//! epoch milliseconds passed in from Rust. On SQLite writes go through a pool of one connection,
//! so write transactions queue in the pool instead of failing with `SQLITE_BUSY`; reads use a
//! separate pool and run concurrently thanks to WAL.

pub mod audit;
pub mod auth;
pub mod card_replica;
pub mod cases;
pub mod catalog;
pub mod coordination;
pub mod directory;
pub mod local_reads;
pub mod media;
pub mod notify;
pub mod retention;
pub mod search;
pub mod verify;

use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Connection, Executor, Transaction};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Db {
    pub backend: Backend,
    write: AnyPool,
    read: AnyPool,
    /// Write transactions begun through this handle: what [`crate::cache`] entries are
    /// checked against.
    writes: Arc<AtomicU64>,
    pub caches: Arc<crate::cache::Caches>,
    reads_audited: Arc<audit::GroupAppender>,
    /// On SQLite: the lookup's point reads, without sqlx's thread hand-offs.
    local_reads: Option<Arc<local_reads::LocalReads>>,
    /// The time the domain runs on (tests stop it).
    pub clock: crate::clock::Clock,
}

pub type Tx = Transaction<'static, Any>;

impl Db {
    /// Connects to `url` (`sqlite://…` or `postgres://…`); the URL is never logged, since it
    /// may carry a password.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            anyhow::bail!("the database URL must start with sqlite:// or postgres://");
        };
        let options = AnyConnectOptions::from_str(url).context("the database URL is not valid")?;
        let db = match backend {
            Backend::Sqlite => {
                let write = sqlite_pool(1, Access::ReadWrite)
                    .connect_with(options.clone())
                    .await
                    .context("opening the SQLite database")?;
                let read = sqlite_pool(8, Access::ReadOnly)
                    .connect_with(options)
                    .await
                    .context("opening the SQLite database")?;
                let mut db = Db::with_pools(backend, write, read);
                db.local_reads = local_reads::LocalReads::for_url(url, db.writes.clone()).map(Arc::new);
                if let Some(local) = &db.local_reads {
                    let local = Arc::downgrade(local);
                    tokio::spawn(async move {
                        let mut tick = tokio::time::interval(local_reads::SNAPSHOT_AGE * 10);
                        loop {
                            tick.tick().await;
                            let Some(local) = local.upgrade() else { break };
                            local.end_old_snapshots();
                        }
                    });
                }
                db
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await
                    .context("connecting to PostgreSQL")?;
                Db::with_pools(backend, pool.clone(), pool)
            }
        };
        Ok(db)
    }

    fn with_pools(backend: Backend, write: AnyPool, read: AnyPool) -> Db {
        Db {
            backend,
            write,
            read,
            writes: Arc::default(),
            caches: Arc::default(),
            reads_audited: Arc::default(),
            local_reads: None,
            clock: crate::clock::Clock::default(),
        }
    }

    /// Now, by this database's clock: what every domain rule and stored instant uses.
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Changes with every write transaction begun; read it before a read whose result is kept.
    pub fn write_epoch(&self) -> u64 {
        self.writes.load(Ordering::Acquire)
    }

    /// The migration versions this build knows for SQLite (what a restored file may carry).
    pub fn sqlite_migration_versions() -> Vec<i64> {
        SQLITE_MIGRATIONS.iter().map(|m| m.version).collect()
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.write).await.context("running database migrations")?;
        Ok(())
    }

    /// Bookkeeping writes that no cache or snapshot depends on (when a session was last seen,
    /// a token last used): through the single SQLite writer, without a transaction and without
    /// moving the write epoch, so that they do not empty the per-node caches once a minute.
    pub fn bookkeeping(&self) -> &AnyPool {
        &self.write
    }

    /// The pool for reads that need no transaction; on SQLite its connections refuse writes.
    pub fn reader(&self) -> &AnyPool {
        &self.read
    }

    /// Point reads on the calling thread, where the database is a SQLite file.
    pub fn local_reads(&self) -> Option<&local_reads::LocalReads> {
        self.local_reads.as_deref()
    }

    /// Starts the one transaction of a command.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        self.writes.fetch_add(1, Ordering::AcqRel);
        let waiting = std::time::Instant::now();
        let tx = self.write.begin().await;
        crate::ops::metrics::write_begun(waiting.elapsed());
        tx
    }

    /// The connection pools by role (`write` and `read` on SQLite, one `shared` on PostgreSQL).
    pub fn pools(&self) -> Vec<(&'static str, &AnyPool)> {
        match self.backend {
            Backend::Sqlite => vec![("write", &self.write), ("read", &self.read)],
            Backend::Postgres => vec![("shared", &self.write)],
        }
    }

    /// Records a read (of confidential sections, say) in the audit chain, committed when this
    /// returns. Such records share transactions with others arriving at the same moment, and,
    /// unlike [`Db::begin`], leave the [`crate::cache`] memories valid: nothing they hold changes.
    pub async fn audit_read(&self, event: crate::model::audit::AuditEvent) -> Result<(), sqlx::Error> {
        self.reads_audited.append(&self.write, event).await
    }

    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1").execute(&self.read).await.map(|_| ())
    }

    /// A consistent copy of a live SQLite database into `path` (which must not exist).
    pub async fn backup_sqlite(&self, path: &str) -> anyhow::Result<()> {
        anyhow::ensure!(self.backend == Backend::Sqlite, "backup copies SQLite databases; for PostgreSQL use pg_dump");
        // VACUUM INTO takes a read transaction, so it sees one consistent state while writers go
        // on. It writes only the new file, but `query_only` refuses it: a connection of its own,
        // taken out of the read pool and closed after, lifts that.
        let mut conn = self.read.acquire().await.context("opening a connection for the backup")?.detach();
        conn.execute("PRAGMA query_only = OFF;").await?;
        sqlx::query("VACUUM INTO $1").bind(path).execute(&mut conn).await.context("VACUUM INTO")?;
        conn.close().await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.write.close().await;
        self.read.close().await;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    ReadWrite,
    ReadOnly,
}

/// On SQLite every write goes through the one writer connection, which counts the write epoch
/// the per-node caches and read snapshots depend on; the read pool's connections refuse writes
/// (`query_only`), so a write sent through [`Db::reader`] fails at once, in every test, instead
/// of slipping past the writer.
fn sqlite_pool(max: u32, access: Access) -> AnyPoolOptions {
    AnyPoolOptions::new().max_connections(max).acquire_timeout(Duration::from_secs(30)).after_connect(
        move |conn, _meta| {
            Box::pin(async move {
                conn.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;",
                )
                .await?;
                if access == Access::ReadOnly {
                    conn.execute("PRAGMA query_only = ON;").await?;
                } else {
                    // Deleted and overwritten content is zeroed where it was, not left in free
                    // space, so that personal data deleted or corrected does not linger in the
                    // file; a retention purge also vacuums (store/retention.rs says why).
                    conn.execute("PRAGMA secure_delete = ON;").await?;
                }
                Ok(())
            })
        },
    )
}

/// Whether an error is a unique-constraint violation (the same on both engines).
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// The table whose unique rule a write broke, read the same way on both engines: PostgreSQL
/// names it in the error's fields, SQLite only in its message ("UNIQUE constraint failed:
/// product_codes.code"). `None` when the error is no unique violation.
pub fn unique_violation_table(e: &sqlx::Error) -> Option<String> {
    let sqlx::Error::Database(d) = e else { return None };
    if !d.is_unique_violation() {
        return None;
    }
    if let Some(table) = d.table() {
        return Some(table.to_string());
    }
    let columns = d.message().split_once("constraint failed: ")?.1;
    columns.split([',', '.']).next().map(|t| t.trim().to_string())
}

/// Booleans are stored as 0/1 integers: the `Any` driver cannot read booleans portably.
pub fn flag(b: bool) -> i64 {
    i64::from(b)
}
