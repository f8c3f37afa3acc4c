//! Limits per API client: each bearer token has, on each node, a token bucket (`burst`
//! requests, refilled at `requests_per_minute`) and a ceiling of `concurrent_requests` answered
//! at once, from `[api_limits]` or its organisation's own figures
//! ([`crate::domain::api_limits`]). A token over either is answered `429 rate_limited` with
//! `Retry-After`, before its handler runs; other tokens and browser sessions (officers on the
//! pages) are never charged for it.
//!
//! Memory is bounded: a bucket is kept only while it matters (requests in flight, or not yet
//! refilled); idle ones are swept every minute, and at [`MAX_BUCKETS`] at once. Only tokens that
//! authenticated reach the limiter, so a flood of made-up tokens cannot fill it.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::cache::Recent;
use crate::config::ApiLimitSettings;
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use crate::store::Db;

/// Buckets kept at most; above it, every bucket without a request in flight is dropped (a
/// dropped bucket starts full again: lenient, never wrong towards a well-behaved client).
pub const MAX_BUCKETS: usize = 50_000;
const SWEEP_EVERY: Duration = Duration::from_secs(60);

struct Bucket {
    tokens: f64,
    /// The burst the bucket was last filled to: a raised one is given at once.
    burst: u32,
    last: Instant,
    /// When the bucket is full again if nothing more is taken.
    full_at: Instant,
    in_flight: Arc<AtomicU32>,
}

impl Bucket {
    fn refill(&mut self, limits: &ApiLimitSettings, now: Instant) {
        let per_second = f64::from(limits.requests_per_minute) / 60.0;
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        if limits.burst > self.burst {
            self.tokens += f64::from(limits.burst - self.burst);
        }
        self.burst = limits.burst;
        self.tokens = (self.tokens + elapsed * per_second).min(f64::from(limits.burst));
        self.last = now;
    }

    /// Full and with nothing in flight: the same as no bucket at all.
    fn idle(&self, now: Instant) -> bool {
        self.in_flight.load(Ordering::Relaxed) == 0 && now >= self.full_at
    }
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Over the rate: retry after this many seconds.
    Rate { retry_after: u64 },
    /// As many requests of this token are being answered as it may have at once.
    Concurrency,
}

/// A request of a token being answered; dropping it frees its place.
#[derive(Debug)]
pub struct InFlight(Arc<AtomicU32>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

pub struct ApiLimiter {
    defaults: ApiLimitSettings,
    /// Keyed by a per-process keyed hash of the token: the secret itself is not kept.
    hasher: RandomState,
    buckets: Mutex<(HashMap<u64, Bucket>, Instant)>,
    /// Each organisation's figures in force, read again within [`crate::cache::LIFETIME`].
    limits: Recent<i64, ApiLimitSettings>,
}

impl ApiLimiter {
    pub fn new(defaults: ApiLimitSettings) -> Self {
        ApiLimiter {
            defaults,
            hasher: RandomState::new(),
            buckets: Mutex::new((HashMap::new(), Instant::now())),
            limits: Recent::default(),
        }
    }

    /// The figures in force for an organisation's tokens.
    pub async fn limits_for(&self, db: &Db, org_id: i64) -> AppResult<ApiLimitSettings> {
        let epoch = db.write_epoch();
        if let Some(known) = self.limits.get(&org_id, epoch) {
            return Ok(known);
        }
        let limits = crate::domain::api_limits::overrides_of(db, org_id).await?.over(&self.defaults);
        self.limits.put(org_id, epoch, limits);
        Ok(limits)
    }

    /// Counts one request of `token` under `limits`: its place among the requests in flight,
    /// or why it is refused (a refused request takes nothing from the bucket).
    pub fn admit(&self, token: &str, limits: &ApiLimitSettings, now: Instant) -> Result<InFlight, Refusal> {
        let key = self.hasher.hash_one(token);
        let mut guard = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let (buckets, last_sweep) = &mut *guard;
        if now.saturating_duration_since(*last_sweep) >= SWEEP_EVERY || buckets.len() >= MAX_BUCKETS {
            buckets.retain(|_, b| !b.idle(now));
            if buckets.len() >= MAX_BUCKETS {
                buckets.retain(|_, b| b.in_flight.load(Ordering::Relaxed) > 0);
            }
            *last_sweep = now;
        }
        let bucket = buckets.entry(key).or_insert_with(|| Bucket {
            tokens: f64::from(limits.burst),
            burst: limits.burst,
            last: now,
            full_at: now,
            in_flight: Arc::default(),
        });
        bucket.refill(limits, now);
        if bucket.in_flight.load(Ordering::Acquire) >= limits.concurrent_requests {
            return Err(Refusal::Concurrency);
        }
        if bucket.tokens < 1.0 {
            let per_second = f64::from(limits.requests_per_minute) / 60.0;
            let wait = ((1.0 - bucket.tokens) / per_second).ceil();
            return Err(Refusal::Rate { retry_after: (wait as u64).max(1) });
        }
        bucket.tokens -= 1.0;
        let per_second = f64::from(limits.requests_per_minute) / 60.0;
        let refill = (f64::from(limits.burst) - bucket.tokens).max(0.0) / per_second;
        bucket.full_at = now + Duration::from_secs_f64(refill.min(86_400.0));
        bucket.in_flight.fetch_add(1, Ordering::AcqRel);
        Ok(InFlight(bucket.in_flight.clone()))
    }

    /// Requests of `token` being answered now.
    pub fn in_flight(&self, token: &str) -> u32 {
        let key = self.hasher.hash_one(token);
        let guard = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        guard.0.get(&key).map_or(0, |b| b.in_flight.load(Ordering::Acquire))
    }

    /// Buckets held now (for tests of the memory bound).
    pub fn buckets(&self) -> usize {
        self.buckets.lock().unwrap_or_else(|p| p.into_inner()).0.len()
    }
}

/// The answer to a refused request: `429 rate_limited`, `Retry-After`, and what to do.
pub fn refusal_error(refusal: Refusal, limits: &ApiLimitSettings) -> AppError {
    match refusal {
        Refusal::Rate { retry_after } => AppError::client(
            ErrorKind::RateLimited,
            ErrorCode::RateLimited,
            format!(
                "This API token sent more than its {} requests per minute (bursts of {}); wait {retry_after} s \
                 before the next request, and spread requests out. If your integration needs more, ask the platform \
                 administrator to raise your organisation's API limits.",
                limits.requests_per_minute, limits.burst
            ),
        )
        .with_retry_after(retry_after),
        Refusal::Concurrency => AppError::client(
            ErrorKind::RateLimited,
            ErrorCode::RateLimited,
            format!(
                "This API token already has {} requests being answered, as many as it may have at once; wait for \
                 one to finish before sending another. If your integration needs more, ask the platform administrator \
                 to raise your organisation's API limits.",
                limits.concurrent_requests
            ),
        )
        .with_retry_after(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: ApiLimitSettings = ApiLimitSettings { requests_per_minute: 60, burst: 3, concurrent_requests: 2 };

    #[test]
    fn a_token_gets_its_burst_then_waits_for_the_refill() {
        let limiter = ApiLimiter::new(LIMITS);
        let t0 = Instant::now();
        for _ in 0..3 {
            drop(limiter.admit("a", &LIMITS, t0).unwrap());
        }
        assert_eq!(limiter.admit("a", &LIMITS, t0).unwrap_err(), Refusal::Rate { retry_after: 1 });
        // Another token has its own bucket.
        assert!(limiter.admit("b", &LIMITS, t0).is_ok());
        // One request per second comes back.
        assert!(limiter.admit("a", &LIMITS, t0 + Duration::from_millis(1000)).is_ok());
        assert!(limiter.admit("a", &LIMITS, t0 + Duration::from_millis(1000)).is_err());
    }

    #[test]
    fn a_raised_burst_is_given_at_once() {
        let limiter = ApiLimiter::new(LIMITS);
        let t0 = Instant::now();
        for _ in 0..3 {
            drop(limiter.admit("a", &LIMITS, t0).unwrap());
        }
        assert!(limiter.admit("a", &LIMITS, t0).is_err());
        let raised = ApiLimitSettings { burst: 10, ..LIMITS };
        for _ in 0..7 {
            drop(limiter.admit("a", &raised, t0).unwrap());
        }
        assert!(limiter.admit("a", &raised, t0).is_err());
    }

    #[test]
    fn concurrent_requests_are_capped_and_freed_when_answered() {
        let limiter = ApiLimiter::new(LIMITS);
        let t0 = Instant::now();
        let first = limiter.admit("a", &LIMITS, t0).unwrap();
        let _second = limiter.admit("a", &LIMITS, t0).unwrap();
        assert_eq!(limiter.admit("a", &LIMITS, t0).unwrap_err(), Refusal::Concurrency);
        drop(first);
        assert!(limiter.admit("a", &LIMITS, t0).is_ok());
    }

    #[test]
    fn idle_buckets_are_swept() {
        let limiter = ApiLimiter::new(LIMITS);
        let t0 = Instant::now();
        for i in 0..100 {
            drop(limiter.admit(&format!("t{i}"), &LIMITS, t0).unwrap());
        }
        let held = limiter.admit("busy", &LIMITS, t0).unwrap();
        assert_eq!(limiter.buckets(), 101);
        drop(limiter.admit("late", &LIMITS, t0 + SWEEP_EVERY * 2).unwrap());
        // Only the bucket with a request in flight and the one just used remain.
        assert_eq!(limiter.buckets(), 2);
        drop(held);
    }
}
