//! What is known of each request as it is answered: its route template (from the router) and
//! its principal (from authentication), noted in a task-local slot while the request runs; then
//! counted for `/metrics` and logged, one line per request.
//!
//! The line carries the request id, the method, the route template (never the raw path, which
//! may carry identifiers, nor the query), the status, the duration and the principal's user and
//! organisation ids where one signed in. Never a header: no token, no cookie.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::request_id::RequestId;

use super::metrics::{self, UNMATCHED};
use crate::domain::policy::Principal;

/// What the request's handling noted.
#[derive(Default)]
pub struct RequestNote {
    route: Mutex<Option<String>>,
    /// User and organisation ids; 0 while nobody is known.
    user_id: AtomicI64,
    org_id: AtomicI64,
    /// The API token's place among its requests in flight, freed once the response is made.
    in_flight: Mutex<Option<super::limits::InFlight>>,
}

tokio::task_local! {
    static CURRENT: Arc<RequestNote>;
}

/// Notes the principal of the request being handled (no effect outside one).
pub fn note_principal(principal: &Principal) {
    let _ = CURRENT.try_with(|note| {
        note.user_id.store(principal.user_id, Ordering::Relaxed);
        note.org_id.store(principal.org_id, Ordering::Relaxed);
    });
}

/// Holds an API token's place among its requests in flight until the request is answered
/// (outside a request it is freed at once).
pub fn hold_until_answered(place: super::limits::InFlight) {
    let _ = CURRENT.try_with(move |note| {
        *note.in_flight.lock().unwrap_or_else(|p| p.into_inner()) = Some(place);
    });
}

/// Notes a request refused for its token's limits: counted by kind and organisation.
pub fn note_limited(refusal: super::limits::Refusal, org_id: i64) {
    let kind = match refusal {
        super::limits::Refusal::Rate { .. } => "rate",
        super::limits::Refusal::Concurrency => "concurrency",
    };
    metrics::api_limited(kind, org_id);
}

/// `route_layer` middleware: notes the matched route's template.
pub async fn note_route(req: Request, next: Next) -> Response {
    if let Some(matched) = req.extensions().get::<MatchedPath>() {
        let _ = CURRENT.try_with(|note| {
            *note.route.lock().unwrap_or_else(|p| p.into_inner()) = Some(matched.as_str().to_string());
        });
    }
    next.run(req).await
}

/// Probes answered well are logged at debug level only: a load balancer calls them every
/// few seconds.
fn is_probe(route: &str) -> bool {
    matches!(route, "/healthz" | "/readyz" | "/metrics")
}

/// The outer middleware: times the request, then counts and logs it.
pub async fn track(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let request_id =
        req.extensions().get::<RequestId>().and_then(|r| r.header_value().to_str().ok()).unwrap_or("-").to_string();
    let note = Arc::new(RequestNote::default());
    let response = CURRENT.scope(note.clone(), next.run(req)).await;
    drop(note.in_flight.lock().unwrap_or_else(|p| p.into_inner()).take());
    let elapsed = started.elapsed();
    let route = note.route.lock().unwrap_or_else(|p| p.into_inner()).take().unwrap_or_else(|| UNMATCHED.to_string());
    let status = response.status().as_u16();
    metrics::http_request(&method, &route, status, elapsed);
    let duration_ms = (elapsed.as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0;
    let user_id = note.user_id.load(Ordering::Relaxed);
    let org_id = note.org_id.load(Ordering::Relaxed);
    macro_rules! line {
        ($level:expr) => {
            if user_id != 0 {
                tracing::event!(target: "touchstone::request", $level, request_id = %request_id, method = %method,
                    route = %route, status, duration_ms, user_id, org_id, "request");
            } else {
                tracing::event!(target: "touchstone::request", $level, request_id = %request_id, method = %method,
                    route = %route, status, duration_ms, "request");
            }
        };
    }
    if status >= 500 {
        line!(tracing::Level::WARN);
    } else if is_probe(&route) && status < 400 {
        line!(tracing::Level::DEBUG);
    } else {
        line!(tracing::Level::INFO);
    }
    response
}
