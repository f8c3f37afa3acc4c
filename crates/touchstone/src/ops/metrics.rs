//! `/metrics` in the Prometheus text format (0.0.4), through `prometheus-client`.
//!
//! Two kinds of figures:
//! - **events**, counted where they happen (requests, delivery attempts, audit appends, write
//!   transactions begun, deadline passes) into process-wide families: every [`AppState`] of a
//!   process shares them, as every request of a process shares its one server;
//! - **states**, read when scraped from the state of the node that answers (pools, decoders,
//!   workers) and from the database with one cheap query each (the outbox, the change feed).
//!
//! The endpoint answers only with `Authorization: Bearer <metrics_token>`; without the token
//! configured, or without the right one, it is the same 404 as any unknown address.
//! See `docs/OPERATIONS.md` for every family and the alerts to set on them.

use std::sync::atomic::AtomicU64;
use std::sync::LazyLock;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::http::{header, HeaderMap, Method};
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::prometheus_text;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use subtle::ConstantTimeEq;

use crate::domain::now_ms;
use crate::state::AppState;

type Labels1 = [(&'static str, String); 1];
type Labels2 = [(&'static str, String); 2];
type Labels3 = [(&'static str, String); 3];
type FloatGauge = Gauge<f64, AtomicU64>;

/// The route label of a request no route matched (an unknown address: the 404 page).
pub const UNMATCHED: &str = "unmatched";

/// Seconds: 1 ms to 10 s.
const LATENCY_BUCKETS: [f64; 13] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
/// Seconds: 10 ms to 5 min.
const PASS_BUCKETS: [f64; 10] = [0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 15.0, 30.0, 60.0, 300.0];

fn latency_histogram() -> Histogram {
    Histogram::new(LATENCY_BUCKETS)
}

/// The process-wide event families.
struct Events {
    http_requests: Family<Labels3, Counter>,
    http_duration: Family<Labels2, Histogram>,
    notify_attempts: Family<Labels2, Counter>,
    audit_append: Family<Labels1, Histogram>,
    write_begin: Histogram,
    deadline_pass_duration: Histogram,
    api_limited: Family<Labels2, Counter>,
}

static EVENTS: LazyLock<Events> = LazyLock::new(|| Events {
    http_requests: Family::default(),
    http_duration: Family::new_with_constructor(latency_histogram),
    notify_attempts: Family::default(),
    audit_append: Family::new_with_constructor(latency_histogram),
    write_begin: latency_histogram(),
    deadline_pass_duration: Histogram::new(PASS_BUCKETS),
    api_limited: Family::default(),
});

/// A method as a label: the standard ones by name, anything else as `other`, so that a client
/// cannot mint label values.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// One request answered: `route` is the route template (`/api/v1/cases/{id}`), never the path.
pub fn http_request(method: &Method, route: &str, status: u16, elapsed: Duration) {
    let method = method_label(method);
    EVENTS
        .http_requests
        .get_or_create(&[("method", method.into()), ("route", route.into()), ("status", status.to_string())])
        .inc();
    EVENTS
        .http_duration
        .get_or_create(&[("method", method.into()), ("route", route.into())])
        .observe(elapsed.as_secs_f64());
}

/// One delivery attempt's outcome: `delivered`, `failed` or `cancelled`.
pub fn notification_attempt(channel: &str, outcome: &'static str) {
    let channel = match channel {
        "email" => "email",
        "webhook" => "webhook",
        _ => "unknown",
    };
    EVENTS.notify_attempts.get_or_create(&[("channel", channel.into()), ("outcome", outcome.into())]).inc();
}

/// Audit records appended: `in_transaction` (the command's own transaction) or
/// `read_group_commit` (an audited read, waiting for its group's commit).
pub fn audit_appended(kind: &'static str, elapsed: Duration) {
    EVENTS.audit_append.get_or_create(&[("kind", kind.into())]).observe(elapsed.as_secs_f64());
}

/// A write transaction was begun after waiting this long for the write pool (on SQLite, the
/// queue for the single writer).
pub fn write_begun(waited: Duration) {
    EVENTS.write_begin.observe(waited.as_secs_f64());
}

/// An API request refused with 429 for its token's limits: `limit` is `rate` or
/// `concurrency`, `org` the token's organisation id (organisations are few, and named by id).
pub fn api_limited(limit: &'static str, org_id: i64) {
    EVENTS.api_limited.get_or_create(&[("limit", limit.into()), ("org", org_id.to_string())]).inc();
}

/// A deadline pass ended without error.
pub fn deadline_pass_ran(took: Duration) {
    EVENTS.deadline_pass_duration.observe(took.as_secs_f64());
}

/// `GET /metrics`.
pub async fn endpoint(State(state): State<AppState>, req: Request) -> Response {
    if !authorised(&state, req.headers()) {
        return Handler::call(crate::web::not_found, req, state).await;
    }
    let text = render(&state).await;
    ([(header::CONTENT_TYPE, prometheus_text::CONTENT_TYPE), (header::CACHE_CONTROL, "no-store")], text).into_response()
}

fn authorised(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(expected) = &state.config.metrics_token else { return false };
    let Some(given) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
    else {
        return false;
    };
    bool::from(given.as_bytes().ct_eq(expected.expose().as_bytes()))
}

fn gauge<N: Into<String>, H: Into<String>>(registry: &mut Registry, name: N, help: H, value: f64) {
    let g = FloatGauge::default();
    g.set(value);
    registry.register(name, help, g);
}

fn seconds(ms: i64) -> f64 {
    ms as f64 / 1000.0
}

/// Everything `/metrics` shows, as Prometheus text.
pub async fn render(state: &AppState) -> String {
    let mut registry = Registry::with_prefix("touchstone");
    let events = &*EVENTS;
    registry.register(
        "http_requests",
        "Requests answered, by method, route template and status",
        events.http_requests.clone(),
    );
    registry.register(
        "http_request_duration_seconds",
        "Time from receiving a request to its response, by method and route template",
        events.http_duration.clone(),
    );
    registry.register(
        "notify_delivery_attempts",
        "Notification delivery attempts by channel and outcome (delivered, failed, cancelled)",
        events.notify_attempts.clone(),
    );
    registry.register(
        "audit_append_duration_seconds",
        "Time to append audit records: in the command's transaction, or an audited read until its group commit",
        events.audit_append.clone(),
    );
    registry.register(
        "db_write_begin_wait_seconds",
        "Wait for a connection of the write pool to begin a write transaction",
        events.write_begin.clone(),
    );
    registry.register(
        "deadline_pass_duration_seconds",
        "Duration of the deadline passes that succeeded",
        events.deadline_pass_duration.clone(),
    );

    registry.register(
        "api_requests_limited",
        "API requests refused with 429 for their token's limits, by limit (rate, concurrency) and organisation id",
        events.api_limited.clone(),
    );

    let info: Family<Labels1, Gauge> = Family::default();
    info.get_or_create(&[("version", env!("CARGO_PKG_VERSION").into())]).set(1);
    registry.register("build_info", "The running version", info);

    // The database pools of this node.
    let size: Family<Labels1, Gauge> = Family::default();
    let idle: Family<Labels1, Gauge> = Family::default();
    let max: Family<Labels1, Gauge> = Family::default();
    for (name, pool) in state.db.pools() {
        let label = [("pool", name.to_string())];
        size.get_or_create(&label).set(i64::from(pool.size()));
        idle.get_or_create(&label).set(pool.num_idle() as i64);
        max.get_or_create(&label).set(i64::from(pool.options().get_max_connections()));
    }
    registry.register("db_pool_connections", "Open connections of each pool", size);
    registry.register("db_pool_idle_connections", "Idle connections of each pool", idle);
    registry.register("db_pool_max_connections", "Most connections each pool opens", max);

    // The outbox, from the database: every node sees the same.
    let now = now_ms();
    match crate::store::notify::outbox_by_channel(state.db.reader(), state.config.notify.failing_after_attempts).await {
        Ok(rows) => {
            let depth: Family<Labels1, Gauge> = Family::default();
            let failing: Family<Labels1, Gauge> = Family::default();
            let age: Family<Labels1, FloatGauge> = Family::default();
            for channel in ["email", "webhook"] {
                let label = [("channel", channel.to_string())];
                depth.get_or_create(&label).set(0);
                failing.get_or_create(&label).set(0);
                age.get_or_create(&label).set(0.0);
            }
            for (channel, count, oldest, failing_rows) in rows {
                let label = [("channel", channel)];
                depth.get_or_create(&label).set(count);
                failing.get_or_create(&label).set(failing_rows);
                age.get_or_create(&label).set(seconds((now - oldest).max(0)));
            }
            registry.register("notify_outbox_depth", "Notifications waiting for delivery, by channel", depth);
            registry.register(
                "notify_outbox_oldest_age_seconds",
                "Age of the oldest notification not yet delivered, by channel (0 when none waits)",
                age,
            );
            registry.register(
                "notify_outbox_failing",
                "Notifications waiting whose attempts reached [notify] failing_after_attempts, by channel",
                failing,
            );
        }
        Err(e) => tracing::warn!(error = %e, "metrics: could not read the notification outbox"),
    }

    // The background workers of this node.
    let settings = &state.config.readiness;
    let up: Family<Labels1, Gauge> = Family::default();
    let last_beat: Family<Labels1, FloatGauge> = Family::default();
    let last_success: Family<Labels1, FloatGauge> = Family::default();
    for status in state.workers.statuses(settings) {
        let label = [("worker", status.name.to_string())];
        up.get_or_create(&label).set(i64::from(!status.stale));
        last_beat.get_or_create(&label).set(seconds(status.last_beat_ms));
        if let Some(ms) = status.last_success_ms {
            last_success.get_or_create(&label).set(seconds(ms));
        }
        if status.name == "deadline_pass" {
            gauge(
                &mut registry,
                "deadline_pass_last_run_timestamp_seconds",
                "When this node's last successful deadline pass ended (0: none yet)",
                status.last_success_ms.map_or(0.0, seconds),
            );
            gauge(
                &mut registry,
                "deadline_pass_lag_seconds",
                "How old the deadline consequences this node applied are: now minus the start of its last successful pass (or of the worker)",
                seconds(now - status.last_success_started_ms.unwrap_or(status.registered_ms)),
            );
        }
    }
    registry.register("worker_up", "1 while a background worker of this node beats within its allowance", up);
    registry.register("worker_last_beat_timestamp_seconds", "When each background worker last reported", last_beat);
    registry.register(
        "worker_last_success_timestamp_seconds",
        "When each background worker's last successful round ended",
        last_success,
    );

    // The search index's place in the change feed.
    let position = state.search.feed_position();
    match (
        crate::store::search::feed_high_water(state.db.reader()).await,
        crate::store::search::feed_first_after(state.db.reader(), position).await,
    ) {
        (Ok(high_water), Ok(first_unapplied)) => {
            gauge(
                &mut registry,
                "search_feed_lag_entries",
                "Change-feed entries this node's search index has not applied",
                (high_water - position).max(0) as f64,
            );
            gauge(
                &mut registry,
                "search_feed_lag_seconds",
                "Age of the oldest change-feed entry this node's search index has not applied (0 when level)",
                first_unapplied.map_or(0.0, |at| seconds((now - at).max(0))),
            );
        }
        (Err(e), _) | (_, Err(e)) => tracing::warn!(error = %e, "metrics: could not read the change feed"),
    }
    gauge(
        &mut registry,
        "search_index_documents",
        "Documents in this node's search index",
        state.search.num_docs() as f64,
    );

    // Photo decoding on this node.
    let queue = state.media.decode_queue();
    gauge(&mut registry, "photo_decode_waiting", "Photo decodes waiting for a decoder", queue.waiting as f64);
    gauge(&mut registry, "photo_decode_busy", "Photo decoders at work", queue.busy as f64);
    gauge(&mut registry, "photo_decoders", "Photo decoders (one per core)", queue.decoders as f64);

    let mut text = String::new();
    if let Err(e) = prometheus_text::encode(&mut text, &registry) {
        tracing::error!(error = %e, "metrics: encoding failed");
    }
    text
}
