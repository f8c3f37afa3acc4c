//! Connected verification (issue 18): the rights holder answers the checks of its brand's serials
//! through its own HTTPS service. The service here is real: rustls on a loopback port, with a
//! certificate made for the test that Touchstone trusts only through
//! `[verify] connected_root_certificates`. It answers, answers slowly, signs with the wrong key
//! or replays an old answer; Touchstone must never read any of the last three as "genuine".

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::rustls;
use touchstone::domain::notify_delivery::{sign, verify as signature_ok};
use touchstone::domain::types::Language;

use crate::common::{brand_id, on_every_backend_with, signed_in, TestApp};
use crate::verify::{element_string, lookup, product, FRENCH_OFFICER, OWNER};

/// How the service behaves for the next requests.
#[derive(Clone)]
enum Mode {
    /// Answers `status` (and `mismatched`), signed with the registered secret.
    Answer { status: &'static str, mismatched: Vec<&'static str> },
    /// The same, after this long.
    Slow(Duration),
    /// Signed with a secret that is not the registered one.
    WrongKey,
    /// A correctly signed answer, but to another request (a replay).
    OtherRequest,
}

/// What the service saw of one request.
#[derive(Clone, Debug)]
struct Seen {
    body: Value,
    raw: String,
    /// Whether Touchstone's signature was right under the registered secret.
    signed: bool,
}

struct Service {
    url: String,
    /// The certificate authority to trust for it (its own self-signed certificate), as PEM.
    root_pem: String,
    secret: Arc<Mutex<String>>,
    mode: Arc<Mutex<Mode>>,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Service {
    fn set(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }
    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// Starts the rights holder's service on 127.0.0.1 with a certificate for that address.
async fn start_service() -> Service {
    let certified = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()]).unwrap();
    let root_pem = certified.cert.pem();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(certified.key_pair.serialize_der().into());
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![certified.cert.der().clone()], key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("https://127.0.0.1:{}/touchstone/verify", listener.local_addr().unwrap().port());
    let secret = Arc::new(Mutex::new(String::new()));
    let mode = Arc::new(Mutex::new(Mode::Answer { status: "active", mismatched: Vec::new() }));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let (s, m, v) = (secret.clone(), mode.clone(), seen.clone());
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else { return };
            let (acceptor, secret, mode, seen) = (acceptor.clone(), s.clone(), m.clone(), v.clone());
            tokio::spawn(async move {
                // A client that does not trust the certificate gives up here.
                let Ok(mut tls) = acceptor.accept(tcp).await else { return };
                let Some((headers, body)) = read_request(&mut tls).await else { return };
                let header = |name: &str| {
                    headers.lines().find_map(|l| {
                        let (k, v) = l.split_once(':')?;
                        k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_string())
                    })
                };
                let secret = secret.lock().unwrap().clone();
                let signed = match (header("X-Touchstone-Timestamp"), header("X-Touchstone-Signature")) {
                    (Some(ts), Some(sig)) => signature_ok(&secret, &ts, &body, &sig),
                    _ => false,
                };
                let raw = String::from_utf8_lossy(&body).to_string();
                let request: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                seen.lock().unwrap().push(Seen { body: request.clone(), raw, signed });
                let mode = mode.lock().unwrap().clone();
                let request_id = request["request_id"].as_str().unwrap_or("").to_string();
                let (answer, key) = match mode {
                    Mode::Answer { status, mismatched } => {
                        (json!({"request_id": request_id, "status": status, "mismatched": mismatched}), secret)
                    }
                    Mode::Slow(delay) => {
                        tokio::time::sleep(delay).await;
                        (json!({"request_id": request_id, "status": "active"}), secret)
                    }
                    Mode::WrongKey => {
                        (json!({"request_id": request_id, "status": "active"}), "vssec_not_the_registered_one".into())
                    }
                    Mode::OtherRequest => (json!({"request_id": "0123456789abcdef", "status": "active"}), secret),
                };
                let answer = answer.to_string();
                let ts =
                    (std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()).to_string();
                let response = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
                     X-Touchstone-Timestamp: {ts}\r\nX-Touchstone-Signature: {}\r\nConnection: close\r\n\r\n{answer}",
                    answer.len(),
                    sign(&key, &ts, answer.as_bytes()),
                );
                let _ = tls.write_all(response.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    Service { url, root_pem, secret, mode, seen }
}

/// Reads one HTTP/1.1 request: its header block and its body (by `Content-Length`).
async fn read_request<S: tokio::io::AsyncRead + Unpin>(stream: &mut S) -> Option<(String, Vec<u8>)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let headers = String::from_utf8_lossy(&buf[..end]).to_string();
            let length: usize = headers
                .lines()
                .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_string()))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            while buf.len() < end + 4 + length {
                let n = stream.read(&mut chunk).await.ok()?;
                if n == 0 {
                    return None;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            return Some((headers, buf[end + 4..end + 4 + length].to_vec()));
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Runs `test` on every engine with the service trusted (its certificate as the only root),
/// local addresses allowed as in every test of outgoing calls, and a 700 ms time limit.
async fn with_service<F, Fut>(trusted: bool, test: F)
where
    F: Fn(TestApp, Arc<Service>) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let service = Arc::new(start_service().await);
    let dir = tempfile::tempdir().unwrap();
    let roots = dir.path().join("roots.pem");
    std::fs::write(&roots, &service.root_pem).unwrap();
    let s = service.clone();
    on_every_backend_with(
        move |c| {
            c.notify.webhook_allow_local = true;
            c.verify.connected_timeout_ms = 700;
            c.verify.connected_root_certificates = trusted.then(|| roots.clone());
        },
        move |app| {
            let s = s.clone();
            s.seen.lock().unwrap().clear();
            s.set(Mode::Answer { status: "active", mismatched: Vec::new() });
            test(app, s)
        },
    )
    .await;
}

/// Registers the service for the first demo brand as its owner's administrator; keeps the secret
/// the service signs with. Answers the product's id and GTIN.
async fn registered(app: &TestApp, service: &Service) -> (i64, String) {
    let (id, gtin) = product(app, 0).await;
    let brand = brand_id(app, 0).await;
    let owner = app.token_for(OWNER).await;
    let r = app
        .api(
            Method::PUT,
            &format!("/api/v1/brands/{brand}/verification-service"),
            Some(&owner),
            Some(&json!({"url": service.url}).to_string()),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "[{}] {}", app.backend, r.text);
    let secret = r.json()["secret"].as_str().expect("the secret, shown once").to_string();
    *service.secret.lock().unwrap() = secret;
    (id, gtin)
}

async fn reasons(app: &TestApp) -> Vec<(String, Option<String>)> {
    sqlx::query_as("SELECT verdict, reason FROM scan_events ORDER BY id").fetch_all(app.db().reader()).await.unwrap()
}

#[tokio::test]
async fn a_service_that_answers_gives_the_verdict_and_learns_nothing_of_the_officer() {
    with_service(true, |app, service| async move {
        let (_, gtin) = registered(&app, &service).await;
        let officer = app.token_for(FRENCH_OFFICER).await;
        let code = element_string(&gtin, "SVC-001", "LOT1", "271231");
        let v = lookup(&app, &officer, &code).await["verification"].clone();
        assert_eq!(
            (v["verdict"].as_str(), v["connected"].as_bool()),
            (Some("registered_active"), Some(true)),
            "[{}] {v}",
            app.backend
        );

        let seen = service.seen();
        assert_eq!(seen.len(), 1);
        assert!(seen[0].signed, "Touchstone signs its request under the registered secret");
        let asked = &seen[0].body;
        assert_eq!(
            (&asked["gtin"], &asked["serial"], &asked["batch"], &asked["expiry"], &asked["country"]),
            (&json!(gtin), &json!("SVC-001"), &json!("LOT1"), &json!("271231"), &json!("FR")),
            "{asked}"
        );
        for who in ["officer", "douane", "Camille", "user", "org", "email"] {
            assert!(!seen[0].raw.contains(who), "the service learns who checked ({who}): {}", seen[0].raw);
        }

        service.set(Mode::Answer { status: "stolen", mismatched: Vec::new() });
        assert_eq!(lookup(&app, &officer, &code).await["verification"]["verdict"], "status_stolen");
        service.set(Mode::Answer { status: "unknown", mismatched: Vec::new() });
        assert_eq!(lookup(&app, &officer, &code).await["verification"]["verdict"], "unknown_serial");
        service.set(Mode::Answer { status: "active", mismatched: vec!["expiry"] });
        let mismatch = lookup(&app, &officer, &code).await["verification"].clone();
        assert_eq!(
            (mismatch["verdict"].as_str(), &mismatch["mismatched"]),
            (Some("batch_or_expiry_mismatch"), &json!(["expiry"]))
        );

        // On the card, through the Identify page: the verdict, said to come from the service.
        service.set(Mode::Answer { status: "active", mismatched: Vec::new() });
        let mut b = signed_in(&app, FRENCH_OFFICER).await;
        let q: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
        let typed = b.get(&format!("/identify?code={q}")).await;
        let card = b.get(typed.location()).await;
        // Checked five times within the window by then: more than the limit of 10 is not reached.
        assert!(card.says(Language::Fr, "verify.heading_registered_active"), "{}", card.text);
        // "Checked on { $when } with the rights holder's own verification service": the part after the time.
        let said = crate::common::escaped(Language::Fr, "verify.checked_service");
        let after_the_time = said.rsplit('}').next().unwrap();
        assert!(after_the_time.len() > 20 && card.text.contains(after_the_time), "{after_the_time}: {}", card.text);
    })
    .await;
}

#[tokio::test]
async fn a_slow_service_gives_could_not_verify_never_genuine() {
    with_service(true, |app, service| async move {
        let (_, gtin) = registered(&app, &service).await;
        service.set(Mode::Slow(Duration::from_millis(2_500)));
        let officer = app.token_for(FRENCH_OFFICER).await;
        let started = std::time::Instant::now();
        let v =
            lookup(&app, &officer, &element_string(&gtin, "SVC-002", "LOT1", "271231")).await["verification"].clone();
        assert!(started.elapsed() < Duration::from_millis(2_000), "the officer waited {:?}", started.elapsed());
        assert_eq!(
            (v["verdict"].as_str(), v["reason"].as_str()),
            (Some("could_not_verify"), Some("service_timeout")),
            "[{}] {v}",
            app.backend
        );
        assert_eq!(reasons(&app).await, [("could_not_verify".to_string(), Some("service_timeout".to_string()))]);

        // The rights holder is told what to fix on its service.
        let brand = brand_id(&app, 0).await;
        let owner = app.token_for(OWNER).await;
        let mine = app.get(&format!("/api/v1/brands/{brand}/verification-service"), &owner).await;
        assert_eq!(mine.status, StatusCode::OK, "{}", mine.text);
        assert_eq!(mine.json()["recent_failures"][0]["reason"], "service_timeout", "{}", mine.text);
        assert!(!mine.text.contains("vssec_"), "the secret is shown once only");

        let mut b = signed_in(&app, FRENCH_OFFICER).await;
        let code = element_string(&gtin, "SVC-003", "LOT1", "271231");
        let q: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
        let typed = b.get(&format!("/identify?code={q}")).await;
        let card = b.get(typed.location()).await;
        assert!(card.says(Language::Fr, "verify.heading_could_not_verify"), "{}", card.text);
        assert!(card.says(Language::Fr, "verify.reason_service_timeout"));
    })
    .await;
}

#[tokio::test]
async fn a_wrongly_signed_or_replayed_answer_is_refused() {
    with_service(true, |app, service| async move {
        let (_, gtin) = registered(&app, &service).await;
        let officer = app.token_for(FRENCH_OFFICER).await;
        let code = element_string(&gtin, "SVC-004", "LOT1", "271231");
        for mode in [Mode::WrongKey, Mode::OtherRequest] {
            service.set(mode);
            let v = lookup(&app, &officer, &code).await["verification"].clone();
            assert_eq!(
                (v["verdict"].as_str(), v["reason"].as_str()),
                (Some("could_not_verify"), Some("bad_signature")),
                "[{}] {v}",
                app.backend
            );
        }
        assert_eq!(reasons(&app).await.iter().filter(|(_, r)| r.as_deref() == Some("bad_signature")).count(), 2);
    })
    .await;
}

#[tokio::test]
async fn a_service_whose_certificate_is_not_trusted_is_not_believed() {
    with_service(false, |app, service| async move {
        let (_, gtin) = registered(&app, &service).await;
        let officer = app.token_for(FRENCH_OFFICER).await;
        let v =
            lookup(&app, &officer, &element_string(&gtin, "SVC-005", "LOT1", "271231")).await["verification"].clone();
        assert_eq!(
            (v["verdict"].as_str(), v["reason"].as_str()),
            (Some("could_not_verify"), Some("service_unreachable")),
            "[{}] {v}",
            app.backend
        );
        assert!(service.seen().is_empty(), "no request went out over a connection that was not verified");
    })
    .await;
}

#[tokio::test]
async fn only_the_brand_owner_registers_a_service_on_a_public_https_address_and_it_is_audited() {
    on_every_backend_with(
        |_| {},
        |app| async move {
            let (id, gtin) = product(&app, 0).await;
            let brand = brand_id(&app, 0).await;
            let path = format!("/api/v1/brands/{brand}/verification-service");
            let put = |token: String, url: &'static str| {
                let (app, path) = (&app, path.clone());
                async move { app.api(Method::PUT, &path, Some(&token), Some(&json!({"url": url}).to_string())).await }
            };
            let officer = app.token_for(FRENCH_OFFICER).await;
            assert_eq!(put(officer.clone(), "https://verify.example.com/ts").await.status, StatusCode::NOT_FOUND);
            let other = app.token_for("brand@nordwerk.demo").await;
            assert_eq!(put(other, "https://verify.example.com/ts").await.status, StatusCode::NOT_FOUND);

            let owner = app.token_for(OWNER).await;
            for (url, code) in [
                ("ftp://verify.example.com/ts", "invalid_verification_url"),
                ("http://verify.example.com/ts", "invalid_verification_url"),
                ("https://127.0.0.1:8443/ts", "webhook_address_not_public"),
                ("https://169.254.169.254/latest", "webhook_address_not_public"),
            ] {
                let r = put(owner.clone(), url).await;
                assert_eq!(
                    (r.status, r.error_code()),
                    (StatusCode::UNPROCESSABLE_ENTITY, code.to_string()),
                    "{url}: {}",
                    r.text
                );
            }
            let r = put(owner.clone(), "https://verify.example.com/ts").await;
            assert_eq!(r.status, StatusCode::OK, "[{}] {}", app.backend, r.text);
            assert!(r.json()["secret"].as_str().unwrap().starts_with("vssec_"));
            let audited: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'verify.service_registered' AND target_id = $1",
            )
            .bind(brand.to_string())
            .fetch_one(app.db().reader())
            .await
            .unwrap();
            assert_eq!(audited, 1);

            let removed = app.api(Method::DELETE, &path, Some(&owner), None).await;
            assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.text);
            assert_eq!(app.get(&path, &owner).await.status, StatusCode::NOT_FOUND);
            // Back to the registered serials: this product has none.
            let v = lookup(&app, &officer, &element_string(&gtin, "SVC-006", "LOT1", "271231")).await;
            assert_eq!(v["verification"]["verdict"], "not_serialised", "{v}");
            let _ = id;
        },
    )
    .await;
}

#[tokio::test]
async fn the_brand_owner_registers_its_service_from_the_brand_editor_and_sees_the_secret_once() {
    on_every_backend_with(
        |_| {},
        |app| async move {
            product(&app, 0).await;
            let brand = brand_id(&app, 0).await;
            let path = format!("/catalog/brands/{brand}/verification");
            let mut owner = signed_in(&app, OWNER).await;
            let editor = owner.get(&format!("/catalog/brands/{brand}/edit")).await;
            assert!(editor.text.contains(&format!("href=\"{path}\"")), "the brand editor links to it");
            let empty = owner.get(&path).await;
            assert_eq!(empty.status, StatusCode::OK, "[{}] {}", app.backend, empty.text);
            assert!(empty.says(Language::En, "verify.service.none"));

            let refused = owner.submit(&path, &path, &[("url", "http://verify.example.com/ts")]).await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text);
            assert!(refused.says(Language::En, "error.invalid_verification_url"), "{}", refused.text);
            assert!(refused.text.contains("value=\"http://verify.example.com/ts\""), "kept as typed");

            let done = owner.submit(&path, &path, &[("url", "https://verify.example.com/ts")]).await;
            assert_eq!(done.status, StatusCode::OK, "{}", done.text);
            assert!(done.says(Language::En, "verify.service.secret_once"));
            assert!(done.text.contains("vssec_"), "the secret, this once");
            let later = owner.get(&path).await;
            assert!(!later.text.contains("vssec_"), "never again");
            assert!(
                later.text.contains("https://verify.example.com/ts")
                    && later.says(Language::En, "verify.service.no_failures")
            );

            let mut officer = signed_in(&app, FRENCH_OFFICER).await;
            assert_eq!(officer.get(&path).await.status, StatusCode::NOT_FOUND, "an officer sees no such page");

            let removed = owner.submit(&path, &format!("{path}/remove"), &[]).await;
            assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.text);
            assert!(owner.get(&path).await.says(Language::En, "verify.service.none"));
        },
    )
    .await;
}
