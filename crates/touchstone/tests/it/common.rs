//! Test harness: a fresh database per test (a SQLite file in a temporary directory, and a new
//! PostgreSQL database when `TOUCHSTONE_TEST_DATABASE_URL` is set), the demo data seeded, and
//! the real router driven in process.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

use touchstone::config::{Config, Secret};
use touchstone::demo_catalog;
use touchstone::store::Db;
use touchstone::AppState;

pub const PASSWORD: &str = touchstone::demo::DEMO_PASSWORD;

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub config: Config,
    pub backend: &'static str,
    pub dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap_or_default().to_string()
    }
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next()?.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
    pub fn location(&self) -> &str {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

/// A database URL for a new, empty database of each configured backend.
pub async fn fresh_database_urls(dir: &std::path::Path) -> Vec<(&'static str, String)> {
    let mut urls = vec![("sqlite", format!("sqlite://{}?mode=rwc", dir.join("touchstone.db").display()))];
    if let Ok(base) = std::env::var("TOUCHSTONE_TEST_DATABASE_URL") {
        if !base.is_empty() {
            urls.push(("postgres", fresh_postgres_database(&base).await));
        }
    }
    urls
}

pub async fn fresh_postgres_database(base: &str) -> String {
    sqlx::any::install_default_drivers();
    let name = format!("ts_test_{}", uuid::Uuid::new_v4().simple());
    let pool = sqlx::AnyPool::connect(base).await.expect("TOUCHSTONE_TEST_DATABASE_URL must be reachable");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&pool).await.expect("create test database");
    pool.close().await;
    let mut url = url::Url::parse(base).expect("a postgres:// URL");
    url.set_path(&name);
    url.to_string()
}

impl TestApp {
    pub async fn start(backend: &'static str, url: String, dir: tempfile::TempDir) -> TestApp {
        let config =
            Config { data_dir: dir.path().to_path_buf(), database_url: Some(Secret::new(url)), ..Config::default() };
        Self::start_with(backend, config, dir).await
    }

    pub async fn start_with(backend: &'static str, config: Config, dir: tempfile::TempDir) -> TestApp {
        let db = Db::connect(config.database_url().expose()).await.expect("connect");
        db.migrate().await.expect("migrate");
        touchstone::demo::seed(&db).await.expect("seed demo data");
        let state = AppState::new(db, config.clone());
        let router = touchstone::http::build_router(state.clone());
        TestApp { router, state, config, backend, dir }
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        let resp = self.router.clone().oneshot(req).await.expect("router answers");
        let status = resp.status();
        let headers = resp.headers().clone();
        let bytes = resp.into_body().collect().await.expect("body").to_bytes();
        Reply { status, headers, text: String::from_utf8_lossy(&bytes).into_owned() }
    }

    /// A JSON API call; `body` is sent verbatim so tests can send malformed JSON.
    pub async fn api(&self, method: Method, path: &str, token: Option<&str>, body: Option<&str>) -> Reply {
        let mut b = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let req = match body {
            Some(text) => b.header(header::CONTENT_TYPE, "application/json").body(Body::from(text.to_string())),
            None => b.body(Body::empty()),
        };
        self.send(req.unwrap()).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.api(Method::GET, path, Some(token), None).await
    }

    pub async fn post_json(&self, path: &str, token: &str, body: serde_json::Value) -> Reply {
        self.api(Method::POST, path, Some(token), Some(&body.to_string())).await
    }

    /// A bearer token for a demo user, made the way the CLI makes one.
    pub async fn token_for(&self, email: &str) -> String {
        let owner = touchstone::store::directory::get_user_by_email(
            self.db().reader(),
            &touchstone::domain::types::Email::parse(email).unwrap(),
        )
        .await
        .unwrap()
        .expect("demo user exists");
        let created = touchstone::domain::auth::create_token(
            self.db(),
            &self.config.auth,
            &touchstone::domain::policy::Principal::console(),
            &touchstone::domain::auth::principal_of(&owner),
            &touchstone::domain::auth::NewToken { name: "test".into(), days: None },
        )
        .await
        .unwrap();
        created.secret
    }

    pub async fn org_id(&self, name: &str) -> i64 {
        touchstone::store::directory::find_organisation_by_name(self.db().reader(), name)
            .await
            .unwrap()
            .expect("demo organisation")
            .id
    }
}

/// A browser: keeps cookies, fetches pages, submits forms with the page's CSRF token.
pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub cookies: Vec<(String, String)>,
    pub accept_language: Option<&'static str>,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Browser { app, cookies: Vec::new(), accept_language: None }
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn remember(&mut self, reply: &Reply) {
        for v in reply.headers.get_all(header::SET_COOKIE).iter().filter_map(|v| v.to_str().ok()) {
            if let Some((k, val)) = v.split(';').next().and_then(|kv| kv.split_once('=')) {
                self.cookies.retain(|(name, _)| name != k);
                if !val.is_empty() && !v.contains("Max-Age=0") {
                    self.cookies.push((k.to_string(), val.to_string()));
                }
            }
        }
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        let mut b = Request::builder().uri(path).header(header::COOKIE, self.cookie_header());
        if let Some(l) = self.accept_language {
            b = b.header(header::ACCEPT_LANGUAGE, l);
        }
        let reply = self.app.send(b.body(Body::empty()).unwrap()).await;
        self.remember(&reply);
        reply
    }

    /// The CSRF token in a page's forms.
    pub fn csrf_of(page: &Reply) -> String {
        let marker = "name=\"csrf\" value=\"";
        let start = page.text.find(marker).expect("page has a form with a CSRF token") + marker.len();
        page.text[start..].split('"').next().unwrap().to_string()
    }

    /// Loads `page_path`, then posts `fields` (plus its CSRF token) to `action`.
    pub async fn submit(&mut self, page_path: &str, action: &str, fields: &[(&str, &str)]) -> Reply {
        let page = self.get(page_path).await;
        let csrf = Self::csrf_of(&page);
        self.post_raw(action, fields, Some(&csrf)).await
    }

    pub async fn post_raw(&mut self, action: &str, fields: &[(&str, &str)], csrf: Option<&str>) -> Reply {
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        if let Some(c) = csrf {
            all.push(("csrf", c));
        }
        let body = serde_urlencoded::to_string(&all).unwrap();
        let req = Request::builder()
            .method(Method::POST)
            .uri(action)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        let reply = self.app.send(req).await;
        self.remember(&reply);
        reply
    }

    /// Posts `fields` and `files` (field name, file name, bytes) as a multipart form, as a
    /// browser sends a form with a file field.
    pub async fn post_multipart(
        &mut self,
        action: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
        csrf: Option<&str>,
    ) -> Reply {
        let boundary = "----touchstone-test-boundary-7d0b1c";
        let mut body: Vec<u8> = Vec::new();
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        if let Some(c) = csrf {
            all.push(("csrf", c));
        }
        for (k, v) in all {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
            );
        }
        for (k, name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let req = Request::builder()
            .method(Method::POST)
            .uri(action)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
            .body(Body::from(body))
            .unwrap();
        let reply = self.app.send(req).await;
        self.remember(&reply);
        reply
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Reply {
        self.submit("/signin", "/signin", &[("email", email), ("password", password)]).await
    }
}

/// What a test body returns: nothing (it asserts as it goes), or a [`TestResult`] whose error
/// fails the test naming the engine, so that a body can use `?` instead of unwrapping.
pub trait Outcome {
    fn check(self, backend: &str);
}

impl Outcome for () {
    fn check(self, _backend: &str) {}
}

impl Outcome for TestResult {
    fn check(self, backend: &str) {
        if let Err(e) = self {
            panic!("[{backend}] {e:#}");
        }
    }
}

pub type TestResult = anyhow::Result<()>;

/// Runs `test` once per configured backend, each on a fresh database with the demo data.
pub async fn on_every_backend<F, Fut, O>(test: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = O>,
    O: Outcome,
{
    let dir = tempfile::tempdir().unwrap();
    for (backend, url) in fresh_database_urls(dir.path()).await {
        let app_dir = tempfile::tempdir().unwrap();
        let app = TestApp::start(backend, url.clone(), app_dir).await;
        test(app).await.check(backend);
        if backend == "postgres" {
            drop_postgres_database(&url).await;
        }
    }
}

/// [`on_every_backend`] with the configuration changed by `configure` (e.g. legal regimes).
pub async fn on_every_backend_with<C, F, Fut, O>(configure: C, test: F)
where
    C: Fn(&mut Config),
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = O>,
    O: Outcome,
{
    let dir = tempfile::tempdir().unwrap();
    for (backend, url) in fresh_database_urls(dir.path()).await {
        let app_dir = tempfile::tempdir().unwrap();
        let mut config = Config {
            data_dir: app_dir.path().to_path_buf(),
            database_url: Some(Secret::new(url.clone())),
            ..Config::default()
        };
        configure(&mut config);
        let app = TestApp::start_with(backend, config, app_dir).await;
        test(app).await.check(backend);
        if backend == "postgres" {
            drop_postgres_database(&url).await;
        }
    }
}

/// Removes a test's PostgreSQL database once it passed (a failed test keeps it, to look at).
pub async fn drop_postgres_database(url: &str) {
    let (Ok(base), Ok(parsed)) = (std::env::var("TOUCHSTONE_TEST_DATABASE_URL"), url::Url::parse(url)) else { return };
    let name = parsed.path().trim_start_matches('/').to_string();
    if !name.starts_with("ts_test_") {
        return;
    }
    if let Ok(pool) = sqlx::AnyPool::connect(&base).await {
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&pool).await;
        pool.close().await;
    }
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A PNG chunk: its length, kind, data and CRC.
pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    let mut crc_input = kind.to_vec();
    crc_input.extend_from_slice(data);
    c.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    c
}

/// A valid-looking PNG whose header claims `width × height` RGB pixels: a few dozen bytes
/// that would decode to `width × height × 3` (a decompression bomb when large).
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    png.extend(png_chunk(b"IHDR", &ihdr));
    png.extend(png_chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]));
    png.extend(png_chunk(b"IEND", &[]));
    png
}

/// A demo user's id.
pub async fn user_id(app: &TestApp, email: &str) -> i64 {
    touchstone::store::directory::get_user_by_email(
        app.db().reader(),
        &touchstone::domain::types::Email::parse(email).unwrap(),
    )
    .await
    .unwrap()
    .expect("demo user exists")
    .id
}

/// Turns on a second factor for a demo user, as a finished enrolment would; returns its secret.
pub async fn enable_second_factor(app: &TestApp, email: &str) -> String {
    let secret = touchstone::domain::totp::generate_secret();
    let id = user_id(app, email).await;
    let mut tx = app.db().begin().await.unwrap();
    touchstone::store::directory::set_totp(&mut *tx, id, Some(&secret), true).await.unwrap();
    tx.commit().await.unwrap();
    secret
}

/// The authenticator's code for `secret`, `steps_ahead` time steps of 30 s from now.
pub fn totp_code(secret: &str, steps_ahead: i64) -> String {
    let step = touchstone::domain::totp::step_of(touchstone::domain::now_ms() / 1000) + steps_ahead;
    touchstone::domain::totp::code_at(secret, step).unwrap()
}

/// A browser signed in as `email` with the demo password.
pub async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let mut b = Browser::new(app);
    let r = b.sign_in(email, PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "[{}] {email} signs in: {}", app.backend, r.text);
    b
}

/// The id of demo brand `i` (see `touchstone::demo_catalog`).
pub async fn brand_id(app: &TestApp, i: usize) -> i64 {
    touchstone::store::catalog::get_brand_by_key(app.db().reader(), &demo_catalog::brand_key(i))
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Demo product `item` of demo brand `brand`, as stored.
pub async fn product(app: &TestApp, brand: usize, item: usize) -> touchstone::domain::catalog::Product {
    let b = brand_id(app, brand).await;
    touchstone::store::catalog::get_product_by_key(app.db().reader(), b, &format!("p{item}")).await.unwrap().unwrap()
}

/// The id of demo product `item` of demo brand `brand`.
pub async fn product_id(app: &TestApp, brand: usize, item: usize) -> i64 {
    product(app, brand, item).await.id
}

/// The catalogue's message `key` in `lang` as a page writes it (escaped as the templates
/// escape text), so that a test names the message it expects rather than its wording.
pub fn escaped(lang: touchstone::domain::types::Language, key: &str) -> String {
    escape_html(touchstone::i18n::Tr::new(lang).t(key))
}

/// As [`escaped`], for a message with `$variables`.
pub fn escaped_with(lang: touchstone::domain::types::Language, key: &str, args: &[(&str, &str)]) -> String {
    escape_html(&touchstone::i18n::Tr::new(lang).f(key, args))
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&#38;"),
            '<' => out.push_str("&#60;"),
            '>' => out.push_str("&#62;"),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl Reply {
    /// The page shows the catalogue's message `key` in `lang`.
    pub fn says(&self, lang: touchstone::domain::types::Language, key: &str) -> bool {
        self.text.contains(&escaped(lang, key))
    }
}
