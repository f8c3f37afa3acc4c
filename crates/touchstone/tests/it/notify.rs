//! Notifications end to end: the outbox written by `enqueue`, the inbox (API and page), e-mail
//! through a real SMTP server (Python's aiosmtpd writing a Maildir), signed webhooks to a real
//! HTTP receiver that fails first, two workers on one database, and a restart.
//!
//! The receivers ([`Receiver`], [`SmtpServer`]) and [`register`] / [`drain`] are `pub(crate)`
//! so that other modules' tests (cases, alerts) can prove their notifications arrive too.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode};
use serde_json::json;

use touchstone::config::{Config, Secret, SmtpTls};
use touchstone::domain::notify::{self, Notice};
use touchstone::domain::notify_delivery::{self, Deliverer};
use touchstone::domain::now_ms;
use touchstone::i18n::Sentence;
use touchstone::store::{self, Db};

use crate::common::{drop_postgres_database, fresh_database_urls, Browser, TestApp, PASSWORD};

const DOUANE: &str = "Douane française (démo)";
const LUMIERE: &str = "Maison Lumière (demo)";

/// Every backend, with local webhooks allowed and fast retries (tests wait milliseconds, not
/// the production backoff's seconds).
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
            ..Config::default()
        };
        config.notify.webhook_allow_local = true;
        config.notify.retry_base_ms = 50;
        config.notify.retry_max_ms = 200;
        configure(&mut config);
        let app = TestApp::start_with(backend, config, app_dir).await;
        test(app).await;
        if backend == "postgres" {
            drop_postgres_database(&url).await;
        }
    }
}

fn notice(event_id: &str, org_id: i64) -> Notice {
    Notice {
        event_id: event_id.into(),
        kind: "case.detained".into(),
        org_id,
        subject: Sentence::verbatim(format!("Goods detained ({event_id})")),
        body: vec![
            Sentence::verbatim("200 handbags bearing your marks were detained at Le Havre."),
            Sentence::verbatim("Answer within 10 working days."),
        ],
        link: "/cases/12".into(),
        payload: json!({"case_id": 12, "quantity": 200}),
    }
}

fn english(s: &Sentence) -> String {
    s.render(&touchstone::i18n::Tr::new(touchstone::domain::types::Language::En))
}

/// Enqueues in a transaction of its own, as a command would, and commits.
pub(crate) async fn enqueue(db: &Db, n: &Notice) {
    let mut tx = db.begin().await.unwrap();
    notify::enqueue(&mut tx, n, now_ms()).await.unwrap();
    tx.commit().await.unwrap();
}

/// Runs `worker` until a round finds nothing due to claim, and nothing is waiting for a retry
/// (bounded, so a bug fails the test instead of hanging it).
pub(crate) async fn drain(worker: &Deliverer, db: &Db) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let round = worker.run_once().await.unwrap();
        let waiting = pending(db).await;
        if round.claimed == 0 && waiting == 0 {
            return;
        }
        assert!(Instant::now() < deadline, "deliveries still pending after 30 s: {waiting}");
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
}

/// Rows neither delivered nor cancelled, e-mail included only when the worker sends it.
pub(crate) async fn pending(db: &Db) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM notify_deliveries WHERE delivered_at IS NULL AND cancelled_at IS NULL")
        .fetch_one(db.reader())
        .await
        .unwrap()
}

// ---------------------------------------------------------------------------------------------
// A webhook receiver: a real HTTP server on a free port that checks every signature.

#[derive(Clone, Debug)]
pub(crate) struct Received {
    pub event_id: String,
    pub signature_ok: bool,
    pub body: serde_json::Value,
    pub status: u16,
}

#[derive(Clone)]
pub(crate) struct Receiver {
    secret: Arc<Mutex<String>>,
    /// Answers to give, in order; 200 once they run out.
    script: Arc<Mutex<Vec<u16>>>,
    log: Arc<Mutex<Vec<Received>>>,
    addr: SocketAddr,
}

impl Receiver {
    pub(crate) async fn start(script: Vec<u16>) -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let r = Receiver {
            secret: Arc::new(Mutex::new(String::new())),
            script: Arc::new(Mutex::new(script)),
            log: Arc::new(Mutex::new(Vec::new())),
            addr,
        };
        let state = r.clone();
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: Bytes| {
                let state = state.clone();
                async move { state.handle(&headers, &body) }
            }),
        );
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        r
    }

    pub(crate) fn url(&self) -> String {
        format!("http://{}/hook", self.addr)
    }

    fn handle(&self, headers: &HeaderMap, body: &[u8]) -> StatusCode {
        let h = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let timestamp = h("x-touchstone-timestamp");
        let fresh = timestamp.parse::<i64>().is_ok_and(|t| (now_ms() / 1000 - t).abs() < 300);
        let signature_ok = fresh
            && notify_delivery::verify(&self.secret.lock().unwrap(), &timestamp, body, &h("x-touchstone-signature"));
        let status = {
            let mut script = self.script.lock().unwrap();
            if script.is_empty() {
                200
            } else {
                script.remove(0)
            }
        };
        let status = if signature_ok { status } else { 401 };
        self.log.lock().unwrap().push(Received {
            event_id: h("x-touchstone-event-id"),
            signature_ok,
            body: serde_json::from_slice(body).unwrap_or_default(),
            status,
        });
        StatusCode::from_u16(status).unwrap()
    }

    pub(crate) fn received(&self) -> Vec<Received> {
        self.log.lock().unwrap().clone()
    }

    /// Accepted (2xx) deliveries per event id.
    pub(crate) fn accepted(&self) -> HashMap<String, usize> {
        let mut m = HashMap::new();
        for r in self.received().into_iter().filter(|r| r.status == 200) {
            *m.entry(r.event_id).or_insert(0) += 1;
        }
        m
    }
}

/// Registers the receiver for the organisation of `admin_email` through the API; returns the
/// endpoint's id and tells the receiver the secret (shown once, in the creation answer).
pub(crate) async fn register(app: &TestApp, admin_email: &str, receiver: &Receiver) -> i64 {
    let token = app.token_for(admin_email).await;
    let r =
        app.post_json("/api/v1/webhooks", &token, json!({"url": receiver.url(), "description": "test receiver"})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let j = r.json();
    *receiver.secret.lock().unwrap() = j["secret"].as_str().unwrap().to_string();
    j["webhook"]["id"].as_i64().unwrap()
}

// ---------------------------------------------------------------------------------------------
// A real SMTP server: aiosmtpd (PyPI) writing every message it accepts into a Maildir.

pub(crate) struct SmtpServer {
    child: std::process::Child,
    pub port: u16,
    maildir: PathBuf,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl SmtpServer {
    /// Starts aiosmtpd, or returns `None` (outside CI only) when it is not installed. In CI a
    /// missing aiosmtpd fails the test: the e-mail path must be proven there.
    pub(crate) async fn start(dir: &Path) -> Option<SmtpServer> {
        let installed = std::process::Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !installed {
            let msg = "aiosmtpd is not installed (python3 -m pip install aiosmtpd): the SMTP test cannot run";
            if std::env::var_os("CI").is_some() {
                panic!("{msg}");
            }
            eprintln!("\n!!!!!!!! SKIPPED: {msg} !!!!!!!!\n");
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let maildir = dir.join("maildir");
        let child = std::process::Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start aiosmtpd");
        let server = SmtpServer { child, port, maildir };
        let deadline = Instant::now() + Duration::from_secs(20);
        while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not start listening on port {port}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Some(server)
    }

    /// The messages delivered so far, as (headers in lower case, body).
    pub(crate) fn messages(&self) -> Vec<(HashMap<String, String>, String)> {
        let Ok(entries) = std::fs::read_dir(self.maildir.join("new")) else { return Vec::new() };
        entries
            .filter_map(Result::ok)
            .map(|e| {
                let text = std::fs::read_to_string(e.path()).unwrap().replace("\r\n", "\n");
                let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
                // Unfold continuation lines, then split "Name: value".
                let unfolded = head.replace("\n ", " ").replace("\n\t", " ");
                let headers: HashMap<String, String> = unfolded
                    .lines()
                    .filter_map(|l| l.split_once(':'))
                    .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
                    .collect();
                let body = match headers.get("content-transfer-encoding").map(|e| e.to_ascii_lowercase()) {
                    Some(e) if e == "quoted-printable" => decode_quoted_printable(body),
                    Some(e) if e == "base64" => String::from_utf8(
                        data_encoding::BASE64.decode(body.replace('\n', "").trim().as_bytes()).expect("base64 body"),
                    )
                    .expect("UTF-8 body"),
                    _ => body.to_string(),
                };
                (headers, body)
            })
            .collect()
    }
}

/// Quoted-printable (RFC 2045) to text: soft line breaks joined, `=XX` bytes decoded.
fn decode_quoted_printable(s: &str) -> String {
    let joined = s.replace("=\n", "");
    let b = joined.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' && i + 3 <= b.len() {
            if let Some(byte) = std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8 body")
}

/// A header as the sender wrote it: RFC 2047 encoded-words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`),
/// which a non-ASCII subject is sent as, decoded; the blanks between two encoded-words dropped.
fn decode_header(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut after_word = false;
    while let Some(start) = rest.find("=?") {
        let word = rest[start + 2..].splitn(3, '?').collect::<Vec<_>>();
        let decoded = match word.as_slice() {
            [_charset, encoding, tail] => tail.find("?=").map(|end| {
                let text = &tail[..end];
                let bytes = if encoding.eq_ignore_ascii_case("b") {
                    data_encoding::BASE64.decode(text.as_bytes()).expect("base64 encoded-word")
                } else {
                    decode_quoted_printable(&text.replace('_', " ")).into_bytes()
                };
                let consumed = start + 2 + word[0].len() + 1 + encoding.len() + 1 + end + 2;
                (String::from_utf8(bytes).expect("UTF-8 encoded-word"), consumed)
            }),
            _ => None,
        };
        let Some((text, consumed)) = decoded else { break };
        let between = &rest[..start];
        if !(after_word && between.trim().is_empty()) {
            out.push_str(between);
        }
        out.push_str(&text);
        rest = &rest[consumed..];
        after_word = true;
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn enqueueing_the_same_event_twice_notifies_once_and_every_user_reads_it_in_their_own_inbox() {
    on_every_backend(
        |_| {},
        |app| async move {
            let douane = app.org_id(DOUANE).await;
            let n = notice("case-12-detained-org-douane", douane);
            enqueue(app.db(), &n).await;
            enqueue(app.db(), &n).await;
            // A retried command enqueues inside a transaction that does more work: the repeat
            // must not abort it (on PostgreSQL a unique violation would).
            let mut tx = app.db().begin().await.unwrap();
            notify::enqueue(&mut tx, &n, now_ms()).await.unwrap();
            sqlx::query("SELECT 1").execute(&mut *tx).await.expect("the transaction is still usable");
            tx.commit().await.unwrap();

            let rows = store::notify::deliveries_of_event(app.db().reader(), &n.event_id).await.unwrap();
            assert_eq!(rows.len(), 3, "one e-mail per active user of the organisation: {rows:?}");
            assert!(rows.iter().all(|r| r.channel == "email" && r.delivered_at.is_none()));

            let officer = app.token_for("officer@douane.demo").await;
            let chief = app.token_for("chief@douane.demo").await;
            let r = app.get("/api/v1/inbox", &officer).await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.text);
            let inbox = r.json();
            assert_eq!(inbox["unread"], 1);
            let items = inbox["items"].as_array().unwrap();
            assert_eq!(items.len(), 1);
            assert_eq!(items[0]["subject"], english(&n.subject));
            assert_eq!(items[0]["link"], "/cases/12");
            assert_eq!(items[0]["read"], false);
            let id = items[0]["id"].as_i64().unwrap();

            let r = app.api(Method::POST, &format!("/api/v1/inbox/{id}/read"), Some(&officer), None).await;
            assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
            assert_eq!(app.get("/api/v1/inbox", &officer).await.json()["unread"], 0);
            assert_eq!(app.get("/api/v1/inbox?unread=true", &officer).await.json()["items"], json!([]));
            assert_eq!(app.get("/api/v1/inbox", &chief).await.json()["unread"], 1, "read marks are per user");

            // Another organisation neither sees the notice nor learns that it exists.
            let other = app.token_for("brand@lumiere.demo").await;
            assert_eq!(app.get("/api/v1/inbox", &other).await.json()["items"], json!([]));
            let r = app.api(Method::POST, &format!("/api/v1/inbox/{id}/read"), Some(&other), None).await;
            assert_eq!((r.status, r.error_code().as_str()), (StatusCode::NOT_FOUND, "not_found"));

            let r = app.api(Method::POST, "/api/v1/inbox/read-all", Some(&chief), None).await;
            assert_eq!(r.json()["marked"], 1);
            assert_eq!(app.get("/api/v1/inbox", &chief).await.json()["unread"], 0);
        },
    )
    .await;
}

#[tokio::test]
async fn the_inbox_page_and_the_header_badge_show_unread_notifications_in_both_languages() {
    on_every_backend(
        |_| {},
        |app| async move {
            let douane = app.org_id(DOUANE).await;
            enqueue(app.db(), &notice("page-test-1", douane)).await;
            let mut b = Browser::new(&app);
            b.sign_in("officer@douane.demo", PASSWORD).await;
            let home = b.get("/").await;
            assert!(home.text.contains("href=\"/inbox\""), "the header links the inbox");
            assert!(home.text.contains("class=\"badge unread\""), "the header shows the unread count");
            let page = b.get("/inbox").await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(page.text.contains("Goods detained (page-test-1)"), "{}", page.text);
            assert!(page.text.contains("Marquer comme lue"), "the officer reads French pages");
            let id =
                store::notify::notice_by_event(app.db().reader(), "page-test-1", douane).await.unwrap().unwrap().id;
            let r = b.submit("/inbox", &format!("/inbox/{id}/read"), &[("next", "/cases/12")]).await;
            assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/cases/12"), "open goes to the page");
            let home = b.get("/").await;
            assert!(!home.text.contains("class=\"badge unread\""), "nothing unread any more");
            // An address outside Touchstone is never followed.
            let r = b.submit("/inbox", &format!("/inbox/{id}/read"), &[("next", "//evil.example/")]).await;
            assert_eq!(r.location(), "/inbox");

            let mut en = Browser::new(&app);
            en.sign_in("brand@lumiere.demo", PASSWORD).await;
            let page = en.get("/inbox").await;
            assert!(page.text.contains("No notifications yet."), "{}", page.text);
        },
    )
    .await;
}

#[tokio::test]
async fn email_goes_out_through_a_real_smtp_server_once_per_recipient_with_a_stable_message_id() {
    let smtp_dir = tempfile::tempdir().unwrap();
    let Some(server) = SmtpServer::start(smtp_dir.path()).await else { return };
    let port = server.port;
    let server = Arc::new(server);
    on_every_backend(
        |c| {
            c.smtp.host = Some("127.0.0.1".into());
            c.smtp.port = port;
            c.smtp.tls = SmtpTls::None;
            c.smtp.from = "Touchstone <notifications@touchstone.test>".into();
            c.public_url = Some("https://touchstone.test".into());
        },
        |app| {
            let server = server.clone();
            async move {
                let douane = app.org_id(DOUANE).await;
                // The chief turns e-mail off; the analyst's account is deactivated.
                let chief = touchstone::domain::auth::principal_of(
                    &store::directory::get_user_by_email(
                        app.db().reader(),
                        &touchstone::domain::types::Email::parse("chief@douane.demo").unwrap(),
                    )
                    .await
                    .unwrap()
                    .unwrap(),
                );
                notify::set_email_enabled(app.db(), &chief, false).await.unwrap();
                sqlx::query("UPDATE users SET active = 0 WHERE email = 'analyst@douane.demo'")
                    .execute(app.db().bookkeeping())
                    .await
                    .unwrap();

                let event = format!("smtp-{}-case-7-detained", app.backend);
                let before = server.messages().len();
                enqueue(app.db(), &notice(&event, douane)).await;
                let worker = Deliverer::new(app.db().clone(), &app.config).unwrap();
                assert!(worker.sends_email());
                drain(&worker, app.db()).await;
                enqueue(app.db(), &notice(&event, douane)).await;
                drain(&worker, app.db()).await;

                let mine: Vec<_> = server
                    .messages()
                    .into_iter()
                    .filter(|(h, _)| h.get("x-touchstone-event-id").is_some_and(|e| *e == event))
                    .collect();
                // Other notices of the demo (its access grant, say) go out in the same drain: count this event's.
                assert!(server.messages().len() > before);
                assert_eq!(
                    mine.len(),
                    1,
                    "exactly one message, to one recipient: the officer (chief opted out, analyst inactive)"
                );
                let (h, body) = &mine[0];
                assert_eq!(h["subject"], format!("Goods detained ({event})"));
                assert_eq!(h["x-rcptto"], "officer@douane.demo");
                assert!(h["to"].contains("officer@douane.demo"), "{h:?}");
                assert!(h["from"].contains("notifications@touchstone.test"), "{h:?}");
                let officer_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = 'officer@douane.demo'")
                    .fetch_one(app.db().reader())
                    .await
                    .unwrap();
                assert_eq!(h["message-id"], format!("<{event}.o{douane}.u{officer_id}@touchstone.test>"));
                assert!(body.contains("200 handbags"), "{body}");
                assert!(body.contains("https://touchstone.test/cases/12"), "links are absolute: {body}");
                assert!(body.contains("membre de votre organisation"), "the footer is in the officer's French: {body}");
                assert_eq!(h["auto-submitted"], "auto-generated", "no out-of-office replies");

                let rows = store::notify::deliveries_of_event(app.db().reader(), &event).await.unwrap();
                assert_eq!(rows.len(), 1);
                assert!(rows[0].delivered_at.is_some() && rows[0].attempts == 1, "{rows:?}");
            }
        },
    )
    .await;
}

#[tokio::test]
async fn a_spanish_speaking_rights_holder_gets_the_detention_notice_email_in_spanish() {
    use touchstone::domain::types::Language;
    use touchstone::i18n::Tr;
    let smtp_dir = tempfile::tempdir().unwrap();
    let Some(server) = SmtpServer::start(smtp_dir.path()).await else { return };
    let port = server.port;
    let server = Arc::new(server);
    on_every_backend(
        |c| {
            c.smtp.host = Some("127.0.0.1".into());
            c.smtp.port = port;
            c.smtp.tls = SmtpTls::None;
            c.public_url = Some("https://touchstone.test".into());
        },
        |app| {
            let server = server.clone();
            async move {
                touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
                let lumiere = app.org_id(LUMIERE).await;
                // Maison Lumière's administrator adds a colleague who reads Spanish.
                let admin = app.token_for("brand@lumiere.demo").await;
                let email = format!("ventas-{}@lumiere.demo", app.backend);
                let r = app
                    .post_json(
                        "/api/v1/users",
                        &admin,
                        json!({"email": email, "display_name": "Lucía Fernández", "organisation_id": lumiere,
                               "role": "officer", "language": "es"}),
                    )
                    .await;
                assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
                assert_eq!(r.json()["user"]["language"], "es", "{}", r.text);

                // A French officer records a detention of one of its products through the API.
                let officer = app.token_for("officer@douane.demo").await;
                let gtin = touchstone::demo_catalog::gtin(0, 0);
                let r = app.get(&format!("/api/v1/lookup?code={gtin}"), &officer).await;
                assert_eq!(r.status, StatusCode::OK, "{}", r.text);
                let product = r.json()["product"]["product_id"].as_i64().expect("a published demo product");
                // The goods name the backend: the SMTP server serves both, whose first cases share
                // an event id and a reference.
                let goods = format!("bolsos con el logotipo de la marca ({})", app.backend);
                let body = json!({
                    "case_type": "standard",
                    "detain": true,
                    "sheet": {
                        "office": {"code": "FR000730", "name": "Roissy fret", "country": "FR"},
                        "origin_country": "CN",
                        "consignor": {"name": "Shenzhen Bright Trading Co., Ltd.", "country": "CN"},
                        "goods": [{"description": goods, "quantity": 40,
                                   "unit": "piezas", "product_id": product}]
                    }
                });
                let r = app.post_json("/api/v1/cases", &officer, body).await;
                assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
                let case = r.json();
                let (id, reference) = (case["id"].as_i64().unwrap(), case["reference"].as_str().unwrap().to_string());
                let event = format!("case-{id}-case.detained-org-{lumiere}");

                let worker = Deliverer::new(app.db().clone(), &app.config).unwrap();
                drain(&worker, app.db()).await;

                // The catalogue's own sentences, in each reader's language.
                let subject = Sentence::new("notice.case_detained.subject").text("case", &reference);
                let (es, en) = (Tr::new(Language::Es), Tr::new(Language::En));
                let mails: Vec<_> = server
                    .messages()
                    .into_iter()
                    .filter(|(h, text)| {
                        h.get("x-touchstone-event-id").is_some_and(|e| *e == event) && text.contains(&goods)
                    })
                    .collect();
                let to = |address: &str| {
                    let found: Vec<_> = mails.iter().filter(|(h, _)| h["x-rcptto"] == address).collect();
                    assert_eq!(found.len(), 1, "one e-mail to {address}: {mails:?}");
                    found[0].clone()
                };
                let (h, text) = to(&email);
                assert_eq!(decode_header(&h["subject"]), subject.render(&es), "{h:?}");
                assert!(h["to"].contains(&email), "{h:?}");
                assert!(text.contains(&format!("40 piezas {goods}")), "the goods, verbatim: {text}");
                assert!(text.contains(es.t("notice.case_detained.body")), "the body in Spanish: {text}");
                assert!(text.contains(&format!("https://touchstone.test/cases/{id}")), "{text}");
                assert!(text.contains(es.t("notice.email_footer")), "the footer in Spanish: {text}");
                assert!(!text.contains(en.t("notice.email_footer")), "no English footer: {text}");
                assert!(!text.contains(en.t("notice.case_detained.body")), "no English body: {text}");

                // Her colleague, who reads English, gets the same notice in English.
                let (h, text) = to("brand@lumiere.demo");
                assert_eq!(decode_header(&h["subject"]), subject.render(&en), "{h:?}");
                assert!(text.contains(en.t("notice.email_footer")), "{text}");

                // Her inbox says it in Spanish too.
                let token = app.token_for(&email).await;
                let inbox = app.get("/api/v1/inbox", &token).await.json();
                let items = inbox["items"].as_array().unwrap();
                let item = items.iter().find(|i| i["link"] == format!("/cases/{id}")).expect("the notice in her inbox");
                assert_eq!(item["subject"], subject.render(&es), "{inbox}");
            }
        },
    )
    .await;
}

#[tokio::test]
async fn without_smtp_emails_wait_in_the_outbox_while_webhooks_go_out() {
    on_every_backend(
        |_| {},
        |app| async move {
            let receiver = Receiver::start(vec![]).await;
            register(&app, "brand@lumiere.demo", &receiver).await;
            let lumiere = app.org_id(LUMIERE).await;
            enqueue(app.db(), &notice("no-smtp-1", lumiere)).await;
            let worker = Deliverer::new(app.db().clone(), &app.config).unwrap();
            assert!(!worker.sends_email());
            for _ in 0..3 {
                worker.run_once().await.unwrap();
            }
            let rows = store::notify::deliveries_of_event(app.db().reader(), "no-smtp-1").await.unwrap();
            let email = rows.iter().find(|r| r.channel == "email").unwrap();
            let hook = rows.iter().find(|r| r.channel == "webhook").unwrap();
            assert!(email.delivered_at.is_none() && email.attempts == 0, "e-mail waits untouched: {email:?}");
            assert!(hook.delivered_at.is_some(), "{hook:?}");
            assert_eq!(receiver.accepted().get("no-smtp-1"), Some(&1));
        },
    )
    .await;
}

#[tokio::test]
async fn a_webhook_that_fails_first_is_retried_signed_and_recorded_delivered_exactly_once() {
    on_every_backend(
        |_| {},
        |app| async move {
            let receiver = Receiver::start(vec![500]).await;
            register(&app, "brand@lumiere.demo", &receiver).await;
            let lumiere = app.org_id(LUMIERE).await;
            let n = notice("case-12-detained-org-lumiere", lumiere);
            enqueue(app.db(), &n).await;
            let worker = Deliverer::new(app.db().clone(), &app.config).unwrap();

            let first = worker.run_once().await.unwrap();
            assert_eq!((first.claimed, first.failed), (1, 1), "the webhook failed once (the e-mail waits: no SMTP)");
            let rows = store::notify::deliveries_of_event(app.db().reader(), &n.event_id).await.unwrap();
            let hook = rows.iter().find(|r| r.channel == "webhook").unwrap();
            assert_eq!(hook.attempts, 1);
            assert_eq!(hook.last_error.as_deref(), Some("webhook answered HTTP 500"));
            assert!(hook.delivered_at.is_none());

            drain_webhooks(&worker, app.db(), &n.event_id).await;
            // The same event enqueued again (a retried command) changes nothing.
            enqueue(app.db(), &n).await;
            for _ in 0..3 {
                worker.run_once().await.unwrap();
            }

            let got = receiver.received();
            assert_eq!(got.len(), 2, "one failed attempt, one success: {got:?}");
            assert!(got.iter().all(|r| r.signature_ok && r.event_id == n.event_id), "{got:?}");
            assert_eq!(got.iter().map(|r| r.status).collect::<Vec<_>>(), vec![500, 200]);
            let body = &got[1].body;
            assert_eq!(body["event_id"], n.event_id);
            assert_eq!(body["kind"], "case.detained");
            assert_eq!(body["subject"], english(&n.subject));
            assert_eq!(body["link"], "/cases/12");
            assert_eq!(body["payload"], json!({"case_id": 12, "quantity": 200}));
            assert!(body["created_at"].as_str().is_some_and(|t| t.ends_with('Z')), "{body}");

            let rows = store::notify::deliveries_of_event(app.db().reader(), &n.event_id).await.unwrap();
            let hooks: Vec<_> = rows.iter().filter(|r| r.channel == "webhook").collect();
            assert_eq!(hooks.len(), 1);
            assert!(hooks[0].delivered_at.is_some() && hooks[0].attempts == 2 && hooks[0].last_error.is_none());
        },
    )
    .await;
}

/// Runs the worker until the event's webhook rows are delivered.
pub(crate) async fn drain_webhooks(worker: &Deliverer, db: &Db, event_id: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        worker.run_once().await.unwrap();
        let rows = store::notify::deliveries_of_event(db.reader(), event_id).await.unwrap();
        if rows.iter().filter(|r| r.channel == "webhook").all(|r| r.delivered_at.is_some()) {
            return;
        }
        assert!(Instant::now() < deadline, "webhook not delivered after 30 s: {rows:?}");
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
}

#[tokio::test]
async fn a_failing_delivery_shows_to_the_organisations_administrators_and_is_still_retried() {
    on_every_backend(
        |c| c.notify.failing_after_attempts = 2,
        |app| async move {
            let receiver = Receiver::start(vec![503, 503, 503]).await;
            register(&app, "brand@lumiere.demo", &receiver).await;
            let lumiere = app.org_id(LUMIERE).await;
            enqueue(app.db(), &notice("failing-1", lumiere)).await;
            let worker = Deliverer::new(app.db().clone(), &app.config).unwrap();
            let deadline = Instant::now() + Duration::from_secs(20);
            while receiver.received().len() < 2 {
                assert!(Instant::now() < deadline);
                worker.run_once().await.unwrap();
                tokio::time::sleep(Duration::from_millis(30)).await;
            }
            let admin = app.token_for("brand@lumiere.demo").await;
            let list = app.get("/api/v1/notifications/deliveries", &admin).await.json();
            let row = list.as_array().unwrap().iter().find(|d| d["event_id"] == "failing-1").expect("listed").clone();
            assert_eq!(row["failing"], true, "{row}");
            assert_eq!(row["channel"], "webhook");
            assert_eq!(row["last_error"], "webhook answered HTTP 503");
            let mut b = Browser::new(&app);
            b.sign_in("brand@lumiere.demo", PASSWORD).await;
            let page = b.get("/admin/notifications").await;
            assert!(page.text.contains("failing-1") && page.text.contains("badge failing"), "{}", page.text);

            // Another organisation's administrator sees none of it.
            let chief = app.token_for("chief@douane.demo").await;
            let other = app.get("/api/v1/notifications/deliveries", &chief).await.json();
            assert!(other.as_array().unwrap().iter().all(|d| d["event_id"] != "failing-1"));

            drain_webhooks(&worker, app.db(), "failing-1").await;
            assert_eq!(receiver.accepted().get("failing-1"), Some(&1));
        },
    )
    .await;
}

#[tokio::test]
async fn two_workers_on_one_database_deliver_every_row_exactly_once() {
    on_every_backend(
        |_| {},
        |app| async move {
            let receiver = Receiver::start(vec![]).await;
            register(&app, "brand@lumiere.demo", &receiver).await;
            let lumiere = app.org_id(LUMIERE).await;
            let events: Vec<String> = (0..40).map(|i| format!("two-workers-{i}")).collect();
            for e in &events {
                enqueue(app.db(), &notice(e, lumiere)).await;
            }
            // A second process: its own connection pools on the same database.
            let db2 = Db::connect(app.config.database_url().expose()).await.unwrap();
            let a = Deliverer::new(app.db().clone(), &app.config).unwrap();
            let b = Deliverer::new(db2.clone(), &app.config).unwrap();
            assert_ne!(a.worker_id(), b.worker_id());
            let run = |w: Deliverer| async move {
                let mut claimed = 0;
                for _ in 0..40 {
                    claimed += w.run_once().await.unwrap().claimed;
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
                claimed
            };
            let (ca, cb) = tokio::join!(run(a), run(b));
            let accepted = receiver.accepted();
            for e in &events {
                assert_eq!(accepted.get(e), Some(&1), "{e} delivered once (a claimed {ca}, b claimed {cb})");
            }
            assert_eq!(receiver.received().len(), events.len(), "no duplicate request at all");
            assert_eq!(ca + cb, events.len(), "each webhook row claimed once in all (e-mail waits: no SMTP)");
            db2.close().await;
        },
    )
    .await;
}

#[tokio::test]
async fn a_notice_committed_before_a_crash_is_delivered_after_the_restart() {
    on_every_backend(
        |_| {},
        |app| async move {
            let receiver = Receiver::start(vec![]).await;
            register(&app, "brand@lumiere.demo", &receiver).await;
            let lumiere = app.org_id(LUMIERE).await;
            let url = app.config.database_url();

            // The first process commits two notices; it dies before delivering the first, and
            // while "sending" the second (it holds the lease, which then runs out).
            let before = Db::connect(url.expose()).await.unwrap();
            enqueue(&before, &notice("crash-1", lumiere)).await;
            enqueue(&before, &notice("crash-2", lumiere)).await;
            let row = store::notify::deliveries_of_event(before.reader(), "crash-2").await.unwrap();
            let id = row.iter().find(|r| r.channel == "webhook").unwrap().id;
            let mut tx = before.begin().await.unwrap();
            let now = now_ms();
            assert!(store::notify::claim(&mut *tx, id, "dead-worker", now, now + 1500).await.unwrap());
            tx.commit().await.unwrap();
            // Only the lease holder releases a lease: a late failure report from elsewhere does not.
            let mut tx = before.begin().await.unwrap();
            store::notify::mark_failed(&mut *tx, id, "another-worker", "late report", now, now).await.unwrap();
            tx.commit().await.unwrap();
            before.close().await;

            // The restarted process: a new pool and a new worker pick both up.
            let after = Db::connect(url.expose()).await.unwrap();
            let worker = Deliverer::new(after.clone(), &app.config).unwrap();
            let started = now_ms();
            let first = worker.run_once().await.unwrap();
            // On a loaded machine the lease may already have run out; only then may both go at once.
            if started < now + 1000 {
                assert_eq!(first.delivered, 1, "crash-1 at once; crash-2 is still leased to the dead worker");
            }
            tokio::time::sleep(Duration::from_millis(1600)).await;
            drain_webhooks(&worker, &after, "crash-2").await;
            let accepted = receiver.accepted();
            assert_eq!((accepted.get("crash-1"), accepted.get("crash-2")), (Some(&1), Some(&1)));
            after.close().await;
        },
    )
    .await;
}

#[tokio::test]
async fn only_an_organisations_administrators_manage_its_webhooks_and_the_secret_is_shown_once() {
    on_every_backend(
        |c| c.notify.webhook_allow_local = false,
        |app| async move {
            let admin = app.token_for("brand@lumiere.demo").await;
            let officer = app.token_for("officer@douane.demo").await;
            let chief = app.token_for("chief@douane.demo").await;
            let body = json!({"url": "https://hooks.lumiere.example/touchstone", "description": "SOC"});

            let r = app.post_json("/api/v1/webhooks", &officer, body.clone()).await;
            assert_eq!((r.status, r.error_code().as_str()), (StatusCode::FORBIDDEN, "forbidden"), "not an admin");
            let r = app.get("/api/v1/webhooks", &officer).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN);

            let r = app.post_json("/api/v1/webhooks", &admin, body.clone()).await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            let created = r.json();
            let secret = created["secret"].as_str().unwrap();
            assert!(secret.starts_with("whsec_") && secret.len() > 40);
            let id = created["webhook"]["id"].as_i64().unwrap();

            let list = app.get("/api/v1/webhooks", &admin).await;
            assert_eq!(list.json().as_array().unwrap().len(), 1);
            assert!(!list.text.contains(secret), "the secret is never shown again");
            assert_eq!(app.get("/api/v1/webhooks", &chief).await.json(), json!([]), "each organisation sees its own");

            let r = app.api(Method::DELETE, &format!("/api/v1/webhooks/{id}"), Some(&chief), None).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "another organisation's endpoint is not confirmed");

            for (bad, code) in [
                ("http://hooks.lumiere.example/x", "invalid_webhook_url"),
                ("nope", "invalid_webhook_url"),
                ("https://127.0.0.1:9/x", "webhook_address_not_public"),
                ("https://169.254.169.254/", "webhook_address_not_public"),
            ] {
                let r = app.post_json("/api/v1/webhooks", &admin, json!({"url": bad})).await;
                assert_eq!((r.status, r.error_code().as_str()), (StatusCode::UNPROCESSABLE_ENTITY, code), "{bad}");
            }

            let r = app.api(Method::DELETE, &format!("/api/v1/webhooks/{id}"), Some(&admin), None).await;
            assert_eq!(r.status, StatusCode::NO_CONTENT);
            assert_eq!(app.get("/api/v1/webhooks", &admin).await.json(), json!([]));
            let audit = app.get("/api/v1/audit", &admin).await.text;
            assert!(audit.contains("webhook.create") && audit.contains("webhook.delete"), "{audit}");
        },
    )
    .await;
}

#[tokio::test]
async fn a_removed_endpoint_gets_nothing_more() {
    on_every_backend(
        |_| {},
        |app| async move {
            let receiver = Receiver::start(vec![]).await;
            let id = register(&app, "brand@lumiere.demo", &receiver).await;
            let lumiere = app.org_id(LUMIERE).await;
            enqueue(app.db(), &notice("removed-1", lumiere)).await;
            let admin = app.token_for("brand@lumiere.demo").await;
            let r = app.api(Method::DELETE, &format!("/api/v1/webhooks/{id}"), Some(&admin), None).await;
            assert_eq!(r.status, StatusCode::NO_CONTENT);
            enqueue(app.db(), &notice("removed-2", lumiere)).await;
            let worker = Deliverer::new(app.db().clone(), &app.config).unwrap();
            worker.run_once().await.unwrap();
            assert!(receiver.received().is_empty());
            let rows = store::notify::deliveries_of_event(app.db().reader(), "removed-1").await.unwrap();
            let hook = rows.iter().find(|r| r.channel == "webhook").unwrap();
            assert!(hook.cancelled_at.is_some(), "{hook:?}");
            let rows = store::notify::deliveries_of_event(app.db().reader(), "removed-2").await.unwrap();
            assert!(rows.iter().all(|r| r.channel == "email"), "no row for a removed endpoint: {rows:?}");
        },
    )
    .await;
}

#[tokio::test]
async fn the_worker_that_serve_starts_delivers_what_was_waiting_before_it_started() {
    on_every_backend(
        |c| c.notify.poll_interval_ms = 50,
        |app| async move {
            let receiver = Receiver::start(vec![]).await;
            register(&app, "brand@lumiere.demo", &receiver).await;
            let lumiere = app.org_id(LUMIERE).await;
            enqueue(app.db(), &notice("waiting-before-start", lumiere)).await;
            let handle = notify_delivery::spawn(app.db().clone(), &app.config).unwrap().expect("the worker runs");
            let deadline = Instant::now() + Duration::from_secs(20);
            while !receiver.accepted().contains_key("waiting-before-start") {
                assert!(Instant::now() < deadline, "the running worker did not deliver within 20 s");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            // And what arrives while it runs.
            enqueue(app.db(), &notice("arriving-while-running", lumiere)).await;
            while !receiver.accepted().contains_key("arriving-while-running") {
                assert!(Instant::now() < deadline, "the running worker did not deliver within 20 s");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            handle.abort();
            let mut off = app.config.clone();
            off.notify.worker = false;
            assert!(notify_delivery::spawn(app.db().clone(), &off).unwrap().is_none(), "[notify] worker = false");
        },
    )
    .await;
}

// ---------------------------------------------------------------------------------------------
// Server-side request forgery: which addresses a webhook may reach.

/// A TCP listener that counts the connections it accepts and closes each at once: what a
/// service that does not speak HTTP (a database, a metadata service…) looks like from outside.
async fn counting_listener() -> (u16, Arc<std::sync::atomic::AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = accepted.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            drop(stream);
        }
    });
    (port, accepted)
}

/// The webhook row of an event, once `worker` has attempted it `attempts` times.
async fn webhook_row_after(worker: &Deliverer, db: &Db, event_id: &str, attempts: i64) -> store::notify::DeliveryRow {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        worker.run_once().await.unwrap();
        let rows = store::notify::deliveries_of_event(db.reader(), event_id).await.unwrap();
        if let Some(row) = rows.into_iter().find(|r| r.channel == "webhook" && r.attempts >= attempts) {
            return row;
        }
        assert!(Instant::now() < deadline, "{event_id}: webhook not attempted {attempts} times after 30 s");
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
}

const REFUSED: &str = "the address resolves to a non-public network (refused)";
const NO_ANSWER: &str = "could not connect, or no HTTP answer within 10 s";

#[tokio::test]
async fn webhook_addresses_on_local_networks_are_refused_at_registration_in_every_spelling() {
    on_every_backend(
        |c| c.notify.webhook_allow_local = false,
        |app| async move {
            let admin = app.token_for("brand@lumiere.demo").await;
            for bad in [
                "https://127.0.0.1:8443/",
                "https://127.1/",
                "https://0x7f000001/",
                "https://[::1]/",
                "https://[::ffff:127.0.0.1]:8443/",
                "https://[::ffff:0.0.0.0]:8443/",
                "https://[::ffff:169.254.169.254]/latest/meta-data/",
                "https://[::ffff:100.64.0.1]/",
                "https://[64:ff9b::7f00:1]/",
                "https://[::127.0.0.1]/",
                "https://[2002:7f00:1::]/",
                "https://169.254.169.254/",
                "https://0.0.0.0/",
                "https://100.64.0.1/",
                "https://198.18.0.1/",
                "https://224.0.0.1/",
                "https://localhost/",
            ] {
                let r = app.post_json("/api/v1/webhooks", &admin, json!({"url": bad})).await;
                assert_eq!(
                    (r.status, r.error_code().as_str()),
                    (StatusCode::UNPROCESSABLE_ENTITY, "webhook_address_not_public"),
                    "{bad}: {}",
                    r.text
                );
            }
            assert_eq!(app.get("/api/v1/webhooks", &admin).await.json(), json!([]), "nothing was registered");

            // The form says it in the administrator's language.
            let mut b = Browser::new(&app);
            b.sign_in("brand@lumiere.demo", PASSWORD).await;
            b.submit("/account", "/account/language", &[("language", "fr")]).await;
            let page = b
                .submit(
                    "/admin/notifications",
                    "/admin/notifications/webhooks",
                    &[("url", "https://[::ffff:127.0.0.1]/"), ("description", "")],
                )
                .await;
            assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", page.text);
            assert!(page.text.contains("réseau local ou privé"), "{}", page.text);
        },
    )
    .await;
}

#[tokio::test]
async fn a_webhook_name_that_resolves_to_loopback_is_refused_at_delivery_and_the_listener_gets_no_connection() {
    on_every_backend(
        |_| {},
        |app| async move {
            let (port, accepted) = counting_listener().await;
            let lumiere = app.org_id(LUMIERE).await;
            let admin = app.token_for("brand@lumiere.demo").await;
            // Registered while local addresses were allowed (or under a name that resolved to a
            // public address then): registration does not resolve names; delivery does.
            let r = app
                .post_json("/api/v1/webhooks", &admin, json!({"url": format!("http://localhost:{port}/hook")}))
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            let hook = r.json()["webhook"]["id"].as_i64().unwrap();
            enqueue(app.db(), &notice("ssrf-loopback", lumiere)).await;

            let mut production = app.config.clone();
            production.notify.webhook_allow_local = false;
            let guarded = Deliverer::new(app.db().clone(), &production).unwrap();
            let row = webhook_row_after(&guarded, app.db(), "ssrf-loopback", 2).await;
            assert_eq!(row.last_error.as_deref(), Some(REFUSED), "{row:?}");
            assert!(row.delivered_at.is_none());
            tokio::time::sleep(Duration::from_millis(100)).await;
            assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 0, "the refused address got a connection");

            // The same row, by a worker that allows local addresses, does reach the listener:
            // the zero above is the guard's doing. The listener hangs up, which reads the same
            // as a closed port: last_error does not tell open ports from closed ones.
            let local = Deliverer::new(app.db().clone(), &app.config).unwrap();
            let row = webhook_row_after(&local, app.db(), "ssrf-loopback", 3).await;
            assert!(accepted.load(std::sync::atomic::Ordering::SeqCst) >= 1, "the listener was reachable");
            assert_eq!(row.last_error.as_deref(), Some(NO_ANSWER), "{row:?}");

            let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            let r = app.api(Method::DELETE, &format!("/api/v1/webhooks/{hook}"), Some(&admin), None).await;
            assert_eq!(r.status, StatusCode::NO_CONTENT);
            let r = app
                .post_json("/api/v1/webhooks", &admin, json!({"url": format!("http://127.0.0.1:{closed}/hook")}))
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            enqueue(app.db(), &notice("ssrf-closed-port", lumiere)).await;
            let row = webhook_row_after(&local, app.db(), "ssrf-closed-port", 1).await;
            assert_eq!(row.last_error.as_deref(), Some(NO_ANSWER), "a closed port reads as the open one did");
            let row = webhook_row_after(&guarded, app.db(), "ssrf-closed-port", 2).await;
            assert_eq!(row.last_error.as_deref(), Some(REFUSED), "a literal loopback address too");
        },
    )
    .await;
}
