//! The HTTP server: the router with its layers, and serving with graceful shutdown.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use tokio::net::TcpListener;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::state::AppState;

const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub fn build_router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let max_body = state.config.max_body_bytes;
    let hsts = state.config.secure_cookies();
    let mut router = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(crate::ops::metrics::endpoint))
        .nest("/api/v1", crate::api::router())
        .merge(crate::api::media::read_router())
        .merge(crate::web::router(&state))
        // Every route notes its template for the request line and `/metrics`.
        .route_layer(axum::middleware::from_fn(crate::ops::requests::note_route))
        .fallback(crate::web::not_found)
        .with_state(state)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(self), geolocation=(), microphone=()"),
        ));
    if hsts {
        router = router.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ));
    }
    router
        .layer(axum::middleware::from_fn(crate::ops::requests::track))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            let id = req.extensions().get::<RequestId>().and_then(|r| r.header_value().to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
        }))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}

/// Ready: the database answers and every background worker this process runs has beaten
/// within its allowance (see [`crate::ops::workers`]).
async fn readyz(State(state): State<AppState>) -> Response {
    if let Err(e) = state.db.ping().await {
        tracing::warn!(error = %e, "database unreachable");
        return (StatusCode::SERVICE_UNAVAILABLE, Json(serde_json::json!({"error": {"code": "database_unreachable", "message": "The database cannot be reached; see the server log."}}))).into_response();
    }
    let stale = state.workers.stale(&state.config.readiness);
    if !stale.is_empty() {
        let names: Vec<&str> = stale.iter().map(|s| s.name).collect();
        tracing::warn!(workers = ?names, "not ready: background workers stopped");
        let message = format!("Background workers stopped or silent: {}; see the server log.", names.join(", "));
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"error": {"code": "worker_stopped", "message": message, "workers": stale}})),
        )
            .into_response();
    }
    "ready".into_response()
}

/// Serves until `shutdown` resolves, then finishes in-flight requests.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Removes expired sessions now and then.
pub fn spawn_housekeeping(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            if let Err(e) = crate::store::auth::delete_expired_sessions(state.db.bookkeeping(), state.db.now_ms()).await
            {
                tracing::warn!(error = %e, "could not remove expired sessions");
            }
        }
    });
}
