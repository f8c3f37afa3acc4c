//! Limits per API client: a token over its rate or its concurrency is answered 429 with
//! `Retry-After` while other tokens and browser sessions are served; an organisation's own
//! limits, set by the platform administrator, replace the defaults.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, Method, Request, StatusCode};
use serde_json::json;

use touchstone::config::ApiLimitSettings;

use crate::common::{on_every_backend_with, Browser, Reply, PASSWORD};

const DOUANE: &str = "Douane française (démo)";

fn limits(requests_per_minute: u32, burst: u32, concurrent_requests: u32) -> ApiLimitSettings {
    ApiLimitSettings { requests_per_minute, burst, concurrent_requests }
}

fn retry_after(reply: &Reply) -> u64 {
    reply
        .headers
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("429 without a Retry-After: {:?}", reply.headers))
}

#[tokio::test]
async fn a_token_over_its_rate_gets_429_while_another_token_and_a_page_session_are_served() {
    on_every_backend_with(
        |c| c.api_limits = limits(6, 5, 8),
        |app| async move {
            let hammer = app.token_for("officer@douane.demo").await;
            let other = app.token_for("officer@border.demo").await;
            let mut browser = Browser::new(&app);
            browser.sign_in("officer@douane.demo", PASSWORD).await;
            for i in 0..5 {
                let r = app.get("/api/v1/me", &hammer).await;
                assert_eq!(r.status, StatusCode::OK, "[{}] request {i}: {}", app.backend, r.text);
            }
            let refused = app.get("/api/v1/me", &hammer).await;
            assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "[{}] {}", app.backend, refused.text);
            assert_eq!(refused.error_code(), "rate_limited");
            // One request comes back every 10 s at 6 a minute.
            let wait = retry_after(&refused);
            assert!((1..=10).contains(&wait), "Retry-After {wait}");
            let message = refused.json()["error"]["message"].as_str().unwrap().to_string();
            assert!(
                message.contains("6 requests per minute") && message.contains(&format!("wait {wait} s")),
                "{message}"
            );
            // Another client's token, the same officer on the pages, and the API through the
            // officer's session are not charged for it.
            for _ in 0..5 {
                assert_eq!(app.get("/api/v1/me", &other).await.status, StatusCode::OK);
                assert_eq!(browser.get("/").await.status, StatusCode::OK);
                let through_session = browser.get("/api/v1/me").await;
                assert_eq!(through_session.status, StatusCode::OK, "{}", through_session.text);
            }
            assert_eq!(app.get("/api/v1/me", &hammer).await.status, StatusCode::TOO_MANY_REQUESTS);
            // The refusal is documented on every endpoint.
            let doc = app.get("/api/v1/openapi.json", &other).await.json();
            assert_eq!(
                doc["paths"]["/api/v1/lookup"]["get"]["responses"]["429"]["content"]["application/json"]["schema"]
                    ["$ref"],
                "#/components/schemas/ErrorEnvelope"
            );
            // Counted for the operator, by kind and organisation.
            let org = app.org_id(DOUANE).await;
            let metrics = touchstone::ops::metrics::render(&app.state).await;
            let line = metrics
                .lines()
                .find(|l| {
                    l.starts_with(&format!("touchstone_api_requests_limited_total{{limit=\"rate\",org=\"{org}\"}}"))
                })
                .unwrap_or_else(|| panic!("no limited counter for {org}:\n{metrics}"));
            let count: f64 = line.rsplit(' ').next().unwrap().parse().unwrap();
            assert!(count >= 2.0, "{line}");
        },
    )
    .await;
}

#[tokio::test]
async fn an_organisation_override_raises_the_limit_and_is_audited() {
    on_every_backend_with(
        |c| c.api_limits = limits(60, 2, 8),
        |app| async move {
            let officer = app.token_for("officer@douane.demo").await;
            let admin = app.token_for("admin@touchstone.demo").await;
            let chief = app.token_for("chief@douane.demo").await;
            let org = app.org_id(DOUANE).await;
            for _ in 0..2 {
                assert_eq!(app.get("/api/v1/me", &officer).await.status, StatusCode::OK);
            }
            assert_eq!(app.get("/api/v1/me", &officer).await.status, StatusCode::TOO_MANY_REQUESTS);

            let path = format!("/api/v1/organisations/{org}/api-limits");
            let body = json!({"requests_per_minute": 6000, "burst": 20});
            // An organisation administrator may not raise their own organisation's limits.
            let r = app.api(Method::PUT, &path, Some(&chief), Some(&body.to_string())).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
            let r = app.api(Method::PUT, &path, Some(&admin), Some(&json!({"burst": 0}).to_string())).await;
            assert_eq!((r.status, r.error_code().as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "out_of_range"));
            let r = app.api(Method::PUT, &path, Some(&admin), Some(&body.to_string())).await;
            assert_eq!(r.status, StatusCode::OK, "[{}] {}", app.backend, r.text);
            assert_eq!(
                r.json()["effective"],
                json!({"requests_per_minute": 6000, "burst": 20, "concurrent_requests": 8})
            );
            assert_eq!(r.json()["overrides"]["concurrent_requests"], json!(null));

            // The raised burst is there at once, for every token of the organisation.
            for i in 0..15 {
                let r = app.get("/api/v1/me", &officer).await;
                assert_eq!(r.status, StatusCode::OK, "[{}] request {i} after the raise: {}", app.backend, r.text);
            }
            // Other organisations keep the defaults.
            let border = app.token_for("officer@border.demo").await;
            for _ in 0..2 {
                assert_eq!(app.get("/api/v1/me", &border).await.status, StatusCode::OK);
            }
            assert_eq!(app.get("/api/v1/me", &border).await.status, StatusCode::TOO_MANY_REQUESTS);

            let audit = touchstone::store::audit::page_after(app.db().reader(), 0, 10_000).await.unwrap();
            let record = audit.iter().rev().find(|r| r.action == "organisation.set_api_limits").expect("audited");
            assert_eq!(record.target_id, org.to_string());
            assert!(record.detail.contains("6000"), "{}", record.detail);
            // (The administrator's first token spent its burst of 2 on the two PUTs.)
            let read = app.get(&path, &app.token_for("admin@touchstone.demo").await).await;
            assert_eq!(read.json()["overrides"]["burst"], 20);
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_over_the_concurrency_limit_is_refused_until_one_finishes() {
    on_every_backend_with(
        |c| c.api_limits = limits(6000, 100, 1),
        |app| async move {
            let token = app.token_for("officer@douane.demo").await;
            let other = app.token_for("officer@border.demo").await;
            // A request whose body arrives only when the test sends it: in flight until then.
            let (send_body, body_arrives) = tokio::sync::oneshot::channel::<()>();
            let stream = futures_util::stream::once(async move {
                let _ = body_arrives.await;
                Ok::<_, std::io::Error>(Bytes::from_static(
                    b"{\"name\": \"x\", \"kind\": \"police\", \"country\": \"FR\"}",
                ))
            });
            let slow = Request::builder()
                .method(Method::POST)
                .uri("/api/v1/organisations")
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from_stream(stream))
                .unwrap();
            let router = app.router.clone();
            let in_flight = tokio::spawn(async move {
                use tower::ServiceExt;
                router.oneshot(slow).await.unwrap().status()
            });
            let started = std::time::Instant::now();
            while app.state.api_limiter.in_flight(&token) == 0 {
                assert!(started.elapsed() < Duration::from_secs(10), "the slow request never counted");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            let refused = app.get("/api/v1/me", &token).await;
            assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "[{}] {}", app.backend, refused.text);
            assert_eq!(refused.error_code(), "rate_limited");
            assert_eq!(retry_after(&refused), 1);
            assert!(refused.json()["error"]["message"].as_str().unwrap().contains("1 requests being answered"));
            assert_eq!(app.get("/api/v1/me", &other).await.status, StatusCode::OK);
            send_body.send(()).unwrap();
            // An officer may not create organisations: answered, and its place freed.
            assert_eq!(in_flight.await.unwrap(), StatusCode::FORBIDDEN);
            assert_eq!(app.get("/api/v1/me", &token).await.status, StatusCode::OK);
            let org = app.org_id(DOUANE).await;
            let metrics = touchstone::ops::metrics::render(&app.state).await;
            assert!(
                metrics
                    .contains(&format!("touchstone_api_requests_limited_total{{limit=\"concurrency\",org=\"{org}\"}}")),
                "{metrics}"
            );
        },
    )
    .await;
}
