//! Running Touchstone as a service: `/metrics` after real traffic, `/readyz` with a stopped
//! background worker (and not with failing delivery), and the JSON request log line.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::json;

use touchstone::config::{Config, Secret};
use touchstone::domain::notify::{self, Notice};
use touchstone::domain::now_ms;
use touchstone::ops::logs::{self, LogFormat};

use crate::common::{drop_postgres_database, fresh_database_urls, Reply, TestApp};
use crate::notify::{register, Receiver};

const METRICS_TOKEN: &str = "scrape-me-9f8e7d";
const LUMIERE: &str = "Maison Lumière (demo)";

/// Every backend, with a metrics token, local webhooks, quick retries and a short floor for
/// the workers' allowance, then `configure`.
async fn on_every_backend<C, F, Fut>(configure: C, test: F)
where
    C: Fn(&mut Config),
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    for (backend, url) in fresh_database_urls(dir.path()).await {
        let app_dir = tempfile::tempdir().unwrap();
        let mut config = Config {
            data_dir: app_dir.path().to_path_buf(),
            database_url: Some(Secret::new(url.clone())),
            metrics_token: Some(Secret::new(METRICS_TOKEN)),
            ..Config::default()
        };
        config.notify.webhook_allow_local = true;
        config.notify.retry_base_ms = 50;
        config.notify.retry_max_ms = 200;
        config.notify.poll_interval_ms = 50;
        config.readiness.stale_after_periods = 3;
        config.readiness.stale_after_min_seconds = 0;
        configure(&mut config);
        let app = TestApp::start_with(backend, config, app_dir).await;
        test(app).await;
        if backend == "postgres" {
            drop_postgres_database(&url).await;
        }
    }
}

async fn scrape(app: &TestApp, token: Option<&str>) -> Reply {
    let mut req = Request::builder().uri("/metrics");
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    app.send(req.body(Body::empty()).unwrap()).await
}

async fn metrics(app: &TestApp) -> String {
    let r = scrape(app, Some(METRICS_TOKEN)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(
        r.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/plain")),
        "{:?}",
        r.headers
    );
    r.text
}

/// The value of the sample `name{labels…}` whose labels include all of `labels`.
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    text.lines().filter(|l| !l.starts_with('#')).find_map(|line| {
        let (series, value) = line.rsplit_once(' ')?;
        let (metric, label_text) = match series.split_once('{') {
            Some((m, rest)) => (m, rest.trim_end_matches('}')),
            None => (series, ""),
        };
        if metric != name {
            return None;
        }
        let has = |k: &str, v: &str| label_text.split(',').any(|kv| kv == format!("{k}=\"{v}\""));
        labels.iter().all(|(k, v)| has(k, v)).then(|| value.parse().ok())?
    })
}

fn must(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    sample(text, name, labels).unwrap_or_else(|| panic!("no sample {name}{labels:?} in:\n{text}"))
}

fn notice(event_id: &str, org_id: i64) -> Notice {
    Notice {
        event_id: event_id.into(),
        kind: "case.detained".into(),
        org_id,
        subject: touchstone::i18n::Sentence::verbatim(format!("Goods detained ({event_id})")),
        body: vec![touchstone::i18n::Sentence::verbatim("Goods bearing your marks were detained.")],
        link: "/cases/1".into(),
        payload: json!({"case_id": 1}),
    }
}

async fn readyz(app: &TestApp) -> Reply {
    app.send(Request::builder().uri("/readyz").body(Body::empty()).unwrap()).await
}

/// Polls `/readyz` until it answers `status` (or fails the test after 5 s).
async fn readyz_becomes(app: &TestApp, status: StatusCode) -> Reply {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let r = readyz(app).await;
        if r.status == status {
            return r;
        }
        assert!(Instant::now() < deadline, "/readyz still answers {}: {}", r.status, r.text);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn metrics_answer_as_an_unknown_address_without_the_token() {
    on_every_backend(
        |_| {},
        |app| async move {
            // No token, a wrong one, or none configured: the 404 of any unknown address.
            assert_eq!(scrape(&app, None).await.status, StatusCode::NOT_FOUND);
            assert_eq!(scrape(&app, Some("wrong")).await.status, StatusCode::NOT_FOUND);
            let unconfigured = Config { metrics_token: None, ..app.config.clone() };
            let state = touchstone::AppState::new(app.db().clone(), unconfigured);
            let router = touchstone::http::build_router(state);
            let req = Request::builder()
                .uri("/metrics")
                .header(header::AUTHORIZATION, format!("Bearer {METRICS_TOKEN}"))
                .body(Body::empty())
                .unwrap();
            let r = tower::ServiceExt::oneshot(router, req).await.unwrap();
            assert_eq!(r.status(), StatusCode::NOT_FOUND);
        },
    )
    .await;
}

#[tokio::test]
async fn requests_are_counted_and_timed_by_route_template_never_by_path() {
    on_every_backend(
        |_| {},
        |app| async move {
            let before = metrics(&app).await;
            let me = [("method", "GET"), ("route", "/api/v1/me"), ("status", "200")];
            let me_before = sample(&before, "touchstone_http_requests_total", &me).unwrap_or(0.0);
            let token = app.token_for("officer@douane.demo").await;
            for _ in 0..3 {
                assert_eq!(app.get("/api/v1/me", &token).await.status, StatusCode::OK);
            }
            assert_eq!(app.get("/api/v1/cases/999999", &token).await.status, StatusCode::NOT_FOUND);
            assert_eq!(app.get("/no/such/page/4711", &token).await.status, StatusCode::NOT_FOUND);

            let text = metrics(&app).await;
            assert!(must(&text, "touchstone_http_requests_total", &me) >= me_before + 3.0, "{text}");
            let case_404 = [("route", "/api/v1/cases/{id}"), ("status", "404")];
            assert!(must(&text, "touchstone_http_requests_total", &case_404) >= 1.0);
            assert!(must(&text, "touchstone_http_requests_total", &[("route", "unmatched"), ("status", "404")]) >= 1.0);
            let routes: Vec<&str> = text.split("route=\"").skip(1).filter_map(|r| r.split('"').next()).collect();
            assert!(
                routes.iter().all(|r| !r.contains("999999") && !r.contains("4711")),
                "a raw path became a label: {routes:?}"
            );
            // (Other tests of this process call the same route, with other methods too.)
            let get_me = [("method", "GET"), ("route", "/api/v1/me")];
            let count = must(&text, "touchstone_http_request_duration_seconds_count", &get_me);
            let sum = must(&text, "touchstone_http_request_duration_seconds_sum", &get_me);
            assert!(count >= 3.0 && sum > 0.0 && sum / count < 10.0, "count {count}, sum {sum}");
            let all_me = [("method", "GET"), ("route", "/api/v1/me"), ("le", "+Inf")];
            assert_eq!(must(&text, "touchstone_http_request_duration_seconds_bucket", &all_me), count);
            assert!(!text.contains(&token) && !text.contains(METRICS_TOKEN), "nothing secret");
        },
    )
    .await;
}

/// The configuration of a node whose SMTP server is down: nothing listens on its port.
fn smtp_down() -> impl Fn(&mut Config) {
    let closed_port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    move |c: &mut Config| {
        c.smtp.host = Some("127.0.0.1".into());
        c.smtp.port = closed_port;
        c.smtp.tls = touchstone::config::SmtpTls::None;
        // Readiness is checked only to be green here: give the 50 ms workers a margin a busy
        // machine needs (the silent-worker test keeps the tight setting).
        c.readiness.stale_after_min_seconds = 5;
        c.smtp.timeout_seconds = 2;
    }
}

/// A node under real work: an e-mail two minutes old waiting for the SMTP server that is down,
/// a webhook answering 500, the delivery worker and the deadline pass every 50 ms, the search
/// follower level with the feed. Returns the scrape and the workers to stop.
async fn busy_node(app: &TestApp) -> (String, [tokio::task::JoinHandle<()>; 2]) {
    // A token: an audited write.
    app.token_for("officer@douane.demo").await;
    let receiver = Receiver::start(vec![500; 100]).await;
    register(app, "brand@lumiere.demo", &receiver).await;
    let lumiere = app.org_id(LUMIERE).await;
    let mut tx = app.db().begin().await.unwrap();
    notify::enqueue(&mut tx, &notice("ops-metrics-1", lumiere), now_ms() - 120_000).await.unwrap();
    tx.commit().await.unwrap();
    let beat = app.state.workers.register("notify_delivery", Duration::from_millis(50));
    let delivery =
        touchstone::domain::notify_delivery::spawn_reporting(app.db().clone(), &app.config, beat).unwrap().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let email_attempts = || async {
        sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(attempts) FROM notify_deliveries WHERE channel = 'email'")
            .fetch_one(app.db().reader())
            .await
            .unwrap()
            .unwrap_or(0)
    };
    while receiver.received().is_empty() || email_attempts().await == 0 {
        assert!(Instant::now() < deadline, "the webhook or the e-mail was never tried");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let deadlines = touchstone::ops::workers::spawn_deadlines(&app.state, Duration::from_millis(50));
    app.state.search.catch_up(app.db()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    (metrics(app).await, [delivery, deadlines])
}

#[tokio::test]
async fn with_delivery_failing_the_outbox_grows_and_ages_and_the_node_stays_ready() {
    on_every_backend(smtp_down(), |app| async move {
        let (text, workers) = busy_node(&app).await;
        assert!(must(&text, "touchstone_notify_outbox_depth", &[("channel", "email")]) >= 1.0, "{text}");
        assert!(must(&text, "touchstone_notify_outbox_oldest_age_seconds", &[("channel", "email")]) >= 119.0);
        assert!(must(&text, "touchstone_notify_outbox_depth", &[("channel", "webhook")]) >= 1.0);
        assert!(sample(&text, "touchstone_notify_outbox_failing", &[("channel", "webhook")]).is_some());
        for channel in ["email", "webhook"] {
            let failed = [("channel", channel), ("outcome", "failed")];
            assert!(must(&text, "touchstone_notify_delivery_attempts_total", &failed) >= 1.0, "{channel}");
        }
        // Failing delivery is not "not ready".
        let r = readyz(&app).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        workers.iter().for_each(|w| w.abort());
    })
    .await;
}

#[tokio::test]
async fn pools_workers_the_deadline_pass_search_audit_and_photo_decoders_are_measured() {
    on_every_backend(smtp_down(), |app| async move {
        let (text, workers) = busy_node(&app).await;
        let pool = if app.backend == "sqlite" { "read" } else { "shared" };
        assert!(must(&text, "touchstone_db_pool_connections", &[("pool", pool)]) >= 1.0);
        assert!(must(&text, "touchstone_db_pool_max_connections", &[("pool", pool)]) >= 1.0);
        assert!(sample(&text, "touchstone_db_pool_idle_connections", &[("pool", pool)]).is_some());
        assert!(must(&text, "touchstone_db_write_begin_wait_seconds_count", &[]) >= 1.0);
        assert_eq!(must(&text, "touchstone_worker_up", &[("worker", "notify_delivery")]), 1.0);
        assert_eq!(must(&text, "touchstone_worker_up", &[("worker", "deadline_pass")]), 1.0);
        let last_run = must(&text, "touchstone_deadline_pass_last_run_timestamp_seconds", &[]);
        assert!((last_run - now_ms() as f64 / 1000.0).abs() < 60.0, "last run {last_run}");
        let lag = must(&text, "touchstone_deadline_pass_lag_seconds", &[]);
        assert!((0.0..10.0).contains(&lag), "lag {lag}");
        assert!(must(&text, "touchstone_deadline_pass_duration_seconds_count", &[]) >= 1.0);
        assert_eq!(must(&text, "touchstone_search_feed_lag_entries", &[]), 0.0);
        assert_eq!(must(&text, "touchstone_search_feed_lag_seconds", &[]), 0.0);
        assert!(sample(&text, "touchstone_search_index_documents", &[]).is_some());
        assert!(must(&text, "touchstone_audit_append_duration_seconds_count", &[("kind", "in_transaction")]) >= 1.0);
        assert_eq!(must(&text, "touchstone_photo_decode_waiting", &[]), 0.0);
        assert!(must(&text, "touchstone_photo_decoders", &[]) >= 1.0);
        assert!(sample(&text, "touchstone_photo_decode_busy", &[]).is_some());
        workers.iter().for_each(|w| w.abort());
    })
    .await;
}

#[tokio::test]
async fn every_family_the_operations_guide_lists_is_served() {
    let smtp_down = smtp_down();
    let tight_limits = move |c: &mut Config| {
        smtp_down(c);
        c.api_limits =
            touchstone::config::ApiLimitSettings { requests_per_minute: 6, burst: 1, concurrent_requests: 8 };
    };
    on_every_backend(tight_limits, |app| async move {
        // A client over its rate: the families counted only once something happens need it.
        let token = app.token_for("officer@douane.demo").await;
        let mut refused = false;
        for _ in 0..5 {
            refused |= app.get("/api/v1/me", &token).await.status == StatusCode::TOO_MANY_REQUESTS;
        }
        assert!(refused, "the tight limit refused nothing");
        let (text, workers) = busy_node(&app).await;
        let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/OPERATIONS.md")).unwrap();
        let documented: Vec<&str> = docs
            .lines()
            .filter(|l| l.starts_with("| `touchstone_"))
            .filter_map(|l| l.split('|').nth(1))
            .flat_map(|cell| cell.split('`').filter(|t| t.starts_with("touchstone_")))
            .collect();
        assert!(documented.len() >= 20, "{documented:?}");
        for family in documented {
            assert!(text.contains(&format!("# TYPE {family} ")), "{family} is documented but not served");
        }
        workers.iter().for_each(|w| w.abort());
    })
    .await;
}

#[tokio::test]
async fn a_stopped_or_silent_worker_makes_readyz_fail() {
    on_every_backend(
        |_| {},
        |app| async move {
            assert_eq!(readyz(&app).await.status, StatusCode::OK, "no worker registered");

            // The deadline pass runs, then its task ends (as on a panic): not ready at once.
            let deadlines = touchstone::ops::workers::spawn_deadlines(&app.state, Duration::from_millis(20));
            readyz_becomes(&app, StatusCode::OK).await;
            deadlines.abort();
            let r = readyz_becomes(&app, StatusCode::SERVICE_UNAVAILABLE).await;
            let j = r.json();
            assert_eq!(j["error"]["code"], "worker_stopped", "{}", r.text);
            assert_eq!(j["error"]["workers"][0]["name"], "deadline_pass");
            assert_eq!(j["error"]["workers"][0]["stopped"], true);
            let text = metrics(&app).await;
            assert_eq!(must(&text, "touchstone_worker_up", &[("worker", "deadline_pass")]), 0.0);

            // Started again: ready again.
            let again = touchstone::ops::workers::spawn_deadlines(&app.state, Duration::from_millis(20));
            readyz_becomes(&app, StatusCode::OK).await;
            again.abort();
            readyz_becomes(&app, StatusCode::SERVICE_UNAVAILABLE).await;
            touchstone::ops::workers::spawn_deadlines(&app.state, Duration::from_millis(20));
            readyz_becomes(&app, StatusCode::OK).await;

            // A worker that hangs: registered, never beating, silent past three periods.
            let _hung = app.state.workers.register("case_matching", Duration::from_millis(10));
            let r = readyz_becomes(&app, StatusCode::SERVICE_UNAVAILABLE).await;
            let j = r.json();
            assert_eq!(j["error"]["workers"][0]["name"], "case_matching", "{}", r.text);
            assert_eq!(j["error"]["workers"][0]["stopped"], false);
            assert!(j["error"]["message"].as_str().unwrap().contains("case_matching"));
        },
    )
    .await;
}

/// A writer the test reads back.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn lines(&self) -> Vec<String> {
        String::from_utf8_lossy(&self.0.lock().unwrap()).lines().map(str::to_string).collect()
    }
}

#[tokio::test]
async fn the_json_log_line_of_a_request_has_its_id_route_status_and_principal_and_no_secret() {
    on_every_backend(
        |_| {},
        |app| async move {
            let token = app.token_for("officer@douane.demo").await;
            let officer = touchstone::domain::auth::principal_from_token(app.db(), &token).await.unwrap().unwrap();
            let captured = Captured::default();
            let writer = captured.clone();
            let subscriber = logs::subscriber(
                LogFormat::Json,
                tracing_subscriber::EnvFilter::new("info"),
                move || writer.clone(),
                false,
            );
            let request_id = format!("ops-log-{}", app.backend);
            {
                let _logging = tracing::subscriber::set_default(subscriber);
                let req = Request::builder()
                    .method(Method::GET)
                    .uri("/api/v1/me?probe=1")
                    .header(header::AUTHORIZATION, format!("Bearer {token}"))
                    .header(header::COOKIE, "ts_session=cookie-secret-123")
                    .header("x-request-id", &request_id)
                    .body(Body::empty())
                    .unwrap();
                let r = app.send(req).await;
                assert_eq!(r.status, StatusCode::OK, "{}", r.text);
                assert_eq!(r.headers.get("x-request-id").unwrap(), request_id.as_str());
                let r = app.get("/api/v1/cases/424242", &token).await;
                assert_eq!(r.status, StatusCode::NOT_FOUND);
            }
            let lines = captured.lines();
            let parsed: Vec<serde_json::Value> = lines
                .iter()
                .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not one JSON object per line ({e}): {l}")))
                .collect();
            let line = parsed
                .iter()
                .find(|j| j["message"] == "request" && j["request_id"] == request_id.as_str())
                .unwrap_or_else(|| panic!("no request line for {request_id} in {lines:#?}"));
            assert_eq!(line["route"], "/api/v1/me", "{line}");
            assert_eq!(line["method"], "GET");
            assert_eq!(line["status"], 200);
            assert!(line["duration_ms"].as_f64().is_some_and(|d| d >= 0.0), "{line}");
            assert_eq!(line["user_id"], officer.user_id);
            assert_eq!(line["org_id"], officer.org_id);
            assert_eq!(line["level"], "INFO");
            let other = parsed
                .iter()
                .find(|j| j["message"] == "request" && j["route"] == "/api/v1/cases/{id}")
                .unwrap_or_else(|| panic!("no line for the case read in {lines:#?}"));
            assert_eq!(other["status"], 404);
            let all = lines.join("\n");
            assert!(!all.contains(&token), "the bearer token was logged: {all}");
            assert!(!all.contains("cookie-secret-123"), "the cookie was logged: {all}");
            assert!(!all.contains("probe=1"), "the query was logged: {all}");
        },
    )
    .await;
}
