//! The background workers a serving process runs, and their heartbeats.
//!
//! Each worker `serve` starts is registered here with its period and beats after every round,
//! whether the round succeeded or not: a round that fails because the database is down is a
//! live worker (and `/readyz` says so through its own database check), while a worker that
//! panicked, was cancelled or hangs stops beating. [`Workers::stale`] names those, and
//! `/readyz` answers 503 while there is one. A worker's task marks itself stopped when it ends
//! for any reason (its future is dropped as a panic unwinds), so a panic shows at once; a hang
//! shows once the worker is silent for longer than its allowance:
//! `max(stale_after_periods × period, stale_after_min_seconds)` (`[readiness]`).
//!
//! Delivery that keeps *failing* (SMTP down) is not a stopped worker: the delivery worker still
//! beats after each round, and the outbox metrics show the backlog instead.

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::config::ReadinessSettings;
use crate::domain::now_ms;
use crate::state::AppState;

/// The workers of this process, by name.
#[derive(Default)]
pub struct Workers {
    registered: Mutex<Vec<Heartbeat>>,
}

/// One worker's heartbeat: cheap to clone, shared by the worker and the registry.
#[derive(Clone)]
pub struct Heartbeat(Arc<Beat>);

struct Beat {
    name: &'static str,
    period: Duration,
    registered_ms: i64,
    /// Wall-clock milliseconds of the last beat (of registration before the first).
    last_beat_ms: AtomicI64,
    /// When the last round that succeeded began (0: none yet).
    last_success_started_ms: AtomicI64,
    /// When the last round that succeeded ended (0: none yet).
    last_success_ms: AtomicI64,
    stopped: AtomicBool,
}

/// What `/readyz` and `/metrics` say of one worker.
#[derive(Debug, Clone, serde::Serialize)]
pub struct WorkerStatus {
    pub name: &'static str,
    pub period_ms: u64,
    pub registered_ms: i64,
    /// Milliseconds since the last beat.
    pub silent_ms: i64,
    pub last_beat_ms: i64,
    pub last_success_started_ms: Option<i64>,
    pub last_success_ms: Option<i64>,
    /// The worker's task has ended (it panicked or was stopped).
    pub stopped: bool,
    /// Stopped, or silent for longer than its allowance.
    pub stale: bool,
}

impl Workers {
    /// Registers a worker that should beat every `period`; it counts as having just beaten.
    pub fn register(&self, name: &'static str, period: Duration) -> Heartbeat {
        let beat = Heartbeat(Arc::new(Beat {
            name,
            period,
            registered_ms: now_ms(),
            last_beat_ms: AtomicI64::new(now_ms()),
            last_success_started_ms: AtomicI64::new(0),
            last_success_ms: AtomicI64::new(0),
            stopped: AtomicBool::new(false),
        }));
        let mut registered = self.registered.lock().unwrap_or_else(|p| p.into_inner());
        registered.retain(|b| b.0.name != name);
        registered.push(beat.clone());
        beat
    }

    /// Every registered worker's state now.
    pub fn statuses(&self, settings: &ReadinessSettings) -> Vec<WorkerStatus> {
        let now = now_ms();
        let registered = self.registered.lock().unwrap_or_else(|p| p.into_inner());
        registered.iter().map(|b| b.status(now, settings)).collect()
    }

    /// The workers that stopped or fell silent.
    pub fn stale(&self, settings: &ReadinessSettings) -> Vec<WorkerStatus> {
        self.statuses(settings).into_iter().filter(|s| s.stale).collect()
    }
}

impl Heartbeat {
    /// A heartbeat no registry reads (for a worker started outside `serve`, as tests do).
    pub fn detached(name: &'static str, period: Duration) -> Heartbeat {
        Workers::default().register(name, period)
    }

    pub fn name(&self) -> &'static str {
        self.0.name
    }

    /// The worker is alive (whatever its last round gave).
    pub fn beat(&self) {
        self.0.last_beat_ms.store(now_ms(), Ordering::Release);
    }

    /// A round that began at `started_ms` succeeded; also a beat.
    pub fn succeeded(&self, started_ms: i64) {
        let now = now_ms();
        self.0.last_success_started_ms.store(started_ms, Ordering::Release);
        self.0.last_success_ms.store(now, Ordering::Release);
        self.0.last_beat_ms.store(now, Ordering::Release);
    }

    /// A guard to hold for as long as the worker's task runs: dropping it (the task ended,
    /// panicked or was aborted) marks the worker stopped.
    pub fn running(&self) -> Running {
        self.0.stopped.store(false, Ordering::Release);
        Running(self.clone())
    }

    fn status(&self, now: i64, settings: &ReadinessSettings) -> WorkerStatus {
        let b = &self.0;
        let last_beat_ms = b.last_beat_ms.load(Ordering::Acquire);
        let silent_ms = now - last_beat_ms;
        let stopped = b.stopped.load(Ordering::Acquire);
        let optional = |v: i64| (v > 0).then_some(v);
        WorkerStatus {
            name: b.name,
            period_ms: b.period.as_millis() as u64,
            registered_ms: b.registered_ms,
            silent_ms,
            last_beat_ms,
            last_success_started_ms: optional(b.last_success_started_ms.load(Ordering::Acquire)),
            last_success_ms: optional(b.last_success_ms.load(Ordering::Acquire)),
            stopped,
            stale: stopped || silent_ms > allowance(b.period, settings).as_millis() as i64,
        }
    }
}

/// How long a worker may stay silent before it counts as stopped.
pub fn allowance(period: Duration, settings: &ReadinessSettings) -> Duration {
    (period * settings.stale_after_periods.max(1)).max(Duration::from_secs(settings.stale_after_min_seconds))
}

/// Marks its worker stopped when dropped.
pub struct Running(Heartbeat);

impl Drop for Running {
    fn drop(&mut self) {
        self.0 .0.stopped.store(true, Ordering::Release);
        if std::thread::panicking() {
            tracing::error!(worker = self.0.name(), "background worker panicked; /readyz now fails");
        } else {
            tracing::info!(worker = self.0.name(), "background worker stopped");
        }
    }
}

/// The deadline pass's period.
pub const DEADLINE_PERIOD: Duration = Duration::from_secs(60);
/// The detention matcher's period.
pub const CASE_MATCHING_PERIOD: Duration = Duration::from_secs(1);

/// Starts every background worker this process runs, registered with `state.workers`:
/// the search index follower, the notification delivery worker (unless `[notify] worker =
/// false`), the detention matcher, the deadline pass and the retention purge; and the session
/// housekeeping, which is not watched (nothing is late when it is).
pub fn spawn_all(state: &AppState) -> anyhow::Result<()> {
    let follower = state.workers.register("search_follower", crate::domain::search::POLL_INTERVAL);
    state.search.spawn_follower_reporting(state.db.clone(), follower);
    crate::http::spawn_housekeeping(state.clone());
    if state.config.notify.worker {
        let period = Duration::from_millis(state.config.notify.poll_interval_ms.max(50));
        let delivery = state.workers.register("notify_delivery", period);
        crate::domain::notify_delivery::spawn_reporting(state.db.clone(), &state.config, delivery)?;
    } else {
        crate::domain::notify_delivery::spawn(state.db.clone(), &state.config)?;
    }
    let matching = state.workers.register("case_matching", CASE_MATCHING_PERIOD);
    let running = matching.running();
    let (db, key) = (state.db.clone(), state.match_key.clone());
    let remind_after = Duration::from_secs(state.config.hit_reminder_hours.saturating_mul(3600));
    tokio::spawn(async move {
        let _running = running;
        crate::domain::coordination::run_case_matching(db, key, CASE_MATCHING_PERIOD, remind_after, matching).await
    });
    // Reminders and the consequences of silence at legal deadlines; safe on several nodes.
    spawn_deadlines(state, DEADLINE_PERIOD);
    spawn_retention(state);
    spawn_file_sharing(state);
    Ok(())
}

/// Once at start, on PostgreSQL: shares the files only this node's disk holds (stored before
/// files were shared between nodes), so that every node can serve them. Not a worker: it ends.
fn spawn_file_sharing(state: &AppState) {
    let media = state.media.clone();
    tokio::spawn(async move {
        match media.share_local_files().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(files = n, "files only this node held are now shared with every node"),
            Err(e) => tracing::warn!(error = %e, "sharing this node's files failed; the next start retries"),
        }
    });
}

/// Starts the retention purge every `[retention] pass_interval_minutes`, registered as
/// `retention_purge`; every node runs it, and one of them purges in each period (the pass is
/// claimed in the database). Returns its task.
pub fn spawn_retention(state: &AppState) -> tokio::task::JoinHandle<()> {
    let settings = state.config.retention;
    let period = Duration::from_secs(u64::from(settings.pass_interval_minutes.max(1)) * 60);
    let beat = state.workers.register("retention_purge", period);
    let running = beat.running();
    let (db, files) = (state.db.clone(), state.media.clone());
    tokio::spawn(async move {
        let _running = running;
        crate::domain::retention::run_purges(db, files, settings, beat).await
    })
}

/// Starts the deadline pass every `period` (tests use a short one), registered as
/// `deadline_pass`; returns its task.
pub fn spawn_deadlines(state: &AppState, period: Duration) -> tokio::task::JoinHandle<()> {
    let beat = state.workers.register("deadline_pass", period);
    // Held from now, so that a task aborted before its first poll counts as stopped too.
    let running = beat.running();
    let (db, legal) = (state.db.clone(), state.legal.clone());
    tokio::spawn(async move {
        let _running = running;
        crate::domain::cases::run_deadlines(db, legal, period, beat).await
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(periods: u32, min_seconds: u64) -> ReadinessSettings {
        ReadinessSettings { stale_after_periods: periods, stale_after_min_seconds: min_seconds }
    }

    #[test]
    fn a_worker_is_stale_once_silent_past_its_allowance_or_stopped() {
        let workers = Workers::default();
        let beat = workers.register("w", Duration::from_millis(10));
        assert!(workers.stale(&settings(3, 60)).is_empty(), "just registered");
        std::thread::sleep(Duration::from_millis(50));
        assert!(workers.stale(&settings(3, 60)).is_empty(), "within the floor of 60 s");
        assert_eq!(workers.stale(&settings(3, 0)).len(), 1, "silent for more than 3 periods");
        beat.beat();
        assert!(workers.stale(&settings(3, 0)).is_empty(), "beat again");
        let running = beat.running();
        drop(running);
        let stale = workers.stale(&settings(3, 60));
        assert!(stale.len() == 1 && stale[0].stopped, "{stale:?}");
    }

    #[test]
    fn registering_a_name_again_replaces_the_old_heartbeat() {
        let workers = Workers::default();
        let old = workers.register("w", Duration::from_secs(1));
        drop(old.running());
        workers.register("w", Duration::from_secs(1));
        assert!(workers.stale(&settings(3, 60)).is_empty());
    }
}
