//! The time the domain runs on. Production reads the system clock; a test may stop it at an
//! instant of its choosing, so that a result never depends on the day, the hour or the time
//! zone the suite happens to run in (a deadline test once failed every Friday).

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Shared by every clone of the [`crate::store::Db`] it belongs to, so a test that sets it
/// after start-up sets it for the server's handlers and background passes too.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Milliseconds since the epoch the clock is stopped at; 0 while it follows the system.
    stopped_at: Arc<AtomicI64>,
}

impl Clock {
    /// Now, in milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        match self.stopped_at.load(Ordering::Acquire) {
            0 => now_ms(),
            at => at,
        }
    }

    /// Stops the clock at `at_ms` (tests only: production never calls this).
    pub fn stop_at(&self, at_ms: i64) {
        self.stopped_at.store(at_ms.max(1), Ordering::Release);
    }

    /// Moves a stopped clock on by `ms`.
    pub fn advance(&self, ms: i64) {
        let _ = self.stopped_at.fetch_update(Ordering::AcqRel, Ordering::Acquire, |at| (at != 0).then_some(at + ms));
    }
}

/// Milliseconds since the Unix epoch, the one representation of instants in the store.
pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// RFC 3339 UTC text for an instant in milliseconds, as shown in the API and pages.
pub fn format_ms(ms: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_clock_stays_where_it_was_put_and_moves_only_when_told() {
        let clock = Clock::default();
        let system = clock.now_ms();
        assert!(system > 1_700_000_000_000, "follows the system until stopped");
        clock.stop_at(1_764_669_600_000);
        let shared = clock.clone();
        assert_eq!(shared.now_ms(), 1_764_669_600_000, "every clone sees the same instant");
        shared.advance(60_000);
        assert_eq!(clock.now_ms(), 1_764_669_660_000);
    }
}
