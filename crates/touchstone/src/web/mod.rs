//! The HTML pages: server-rendered, usable at phone width, working without JavaScript.
//!
//! Every page is rendered from an askama template with a [`Layout`] holding the messages in the
//! reader's language, the CSRF token and the signed-in user. Every form carries the CSRF token
//! and is checked by [`CsrfForm`]; every successful POST redirects (Post/Redirect/Get).

mod account;
mod admin;
mod alerts;
mod auth;
mod brand_editor;
mod cases;
mod catalog;
mod catalog_editor;
mod catalog_history;
mod content;
mod coordination;
mod grants;
mod home;
mod identify;
mod notify;
mod page;
mod product_sections;
mod stats;
mod upload;
mod verdict;
mod verification_service;

pub use page::{
    api_principal_from_session, clone_layout, parse_id, Ctx, Enrolling, Layout, PageError, PageId, PageResult, SignedIn,
};

use askama::Template;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::de::DeserializeOwned;

use crate::domain::types::Language;
use crate::error::{AppError, ErrorCode, ErrorKind};
use crate::i18n::Tr;
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "ts_session";
const CSRF_COOKIE: &str = "ts_csrf";
const LANG_COOKIE: &str = "ts_lang";

pub fn router(state: &AppState) -> Router<AppState> {
    pages().into_router().layer(axum::middleware::from_fn_with_state(state.clone(), page::render_failed_pages))
}

/// Every page route, as the router serves them.
pub fn pages() -> Pages {
    let files = STATIC_FILES.iter().fold(Pages::new(), |pages, &(path, content_type, cache, body)| {
        pages.route(
            path,
            get(move || async move { ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, cache)], body) }),
        )
    });
    files
        .route("/", get(home::home))
        .route("/language", post(set_language))
        .route("/api", get(api_docs))
        .merge(auth::router())
        .merge(account::router())
        .merge(admin::router())
        .merge(catalog::router())
        .merge(catalog_editor::router())
        .merge(catalog_history::router())
        .merge(brand_editor::router())
        .merge(verification_service::router())
        .merge(product_sections::router())
        .merge(identify::router())
        .merge(coordination::router())
        .merge(grants::router())
        .merge(cases::router())
        .merge(alerts::router())
        .merge(stats::router())
        .merge(notify::router())
}

const JS: &str = "text/javascript; charset=utf-8";
const AN_HOUR: &str = "public, max-age=3600";
const A_DAY: &str = "public, max-age=86400";

/// Files compiled into the binary: path, content type, caching, content.
const STATIC_FILES: &[(&str, &str, &str, &str)] = &[
    ("/static/app.css", "text/css; charset=utf-8", AN_HOUR, include_str!("../../static/app.css")),
    ("/static/identify.js", JS, AN_HOUR, include_str!("../../static/identify.js")),
    ("/static/shrink.js", JS, AN_HOUR, include_str!("../../static/shrink.js")),
    ("/static/case_photos.js", JS, AN_HOUR, include_str!("../../static/case_photos.js")),
    ("/static/card.js", JS, AN_HOUR, include_str!("../../static/card.js")),
    // The offline-first web app: the page script that registers the service worker and keeps
    // the detention queue, its manifest, and the service worker itself, served from the root so
    // that its scope is the whole site.
    ("/static/offline.js", JS, AN_HOUR, include_str!("../../static/offline.js")),
    ("/manifest.webmanifest", "application/manifest+json", AN_HOUR, include_str!("../../static/manifest.webmanifest")),
    // No caching by the HTTP cache: browsers look for a new service worker on every visit.
    ("/sw.js", JS, "no-cache", include_str!("../../static/sw.js")),
    // Browsers ask for /favicon.ico on every site; without it each page logs a 404.
    ("/favicon.ico", "image/svg+xml", A_DAY, include_str!("../../static/favicon.svg")),
    // The web app's icon (the manifest names it).
    ("/static/favicon.svg", "image/svg+xml", A_DAY, include_str!("../../static/favicon.svg")),
];

/// The pages' router, remembering every path it was given, so that tests walk every page
/// (the route × sign-in state table, the locale checks) without a list to keep up by hand.
pub struct Pages {
    router: Router<AppState>,
    paths: Vec<&'static str>,
}

impl Pages {
    pub fn new() -> Self {
        Pages { router: Router::new(), paths: Vec::new() }
    }

    pub fn route(mut self, path: &'static str, handler: axum::routing::MethodRouter<AppState>) -> Self {
        self.router = self.router.route(path, handler);
        self.paths.push(path);
        self
    }

    pub fn merge(mut self, other: Pages) -> Self {
        self.router = self.router.merge(other.router);
        self.paths.extend(other.paths);
        self
    }

    /// The paths served, with `{placeholders}` as registered.
    pub fn paths(&self) -> &[&'static str] {
        &self.paths
    }

    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}

impl Default for Pages {
    fn default() -> Self {
        Self::new()
    }
}

pub fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub fn set_cookie(name: &str, value: &str, max_age_seconds: Option<i64>, secure: bool) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age_seconds {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A form body whose `csrf` field must match the reader's token. The check runs before the
/// form is parsed, so a forged request learns nothing about the form's rules.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = PageError;
    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let expected = page::expected_csrf(&mut parts, state).await?;
        let bytes = axum::body::to_bytes(body, state.config.max_body_bytes)
            .await
            .map_err(|_| PageError(crate::api::too_large()))?;
        let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
        let given = fields.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str());
        let ok = match (expected.as_deref(), given) {
            (Some(e), Some(g)) => subtle::ConstantTimeEq::ct_eq(e.as_bytes(), g.as_bytes()).into(),
            _ => false,
        };
        if !ok {
            return Err(PageError(AppError::client(
                ErrorKind::Forbidden,
                ErrorCode::CsrfFailed,
                "This form has expired or did not come from Touchstone; reload the page and try again.",
            )));
        }
        serde_urlencoded::from_bytes::<T>(&bytes).map(CsrfForm).map_err(|e| {
            PageError(AppError::client(
                ErrorKind::BadRequest,
                ErrorCode::InvalidForm,
                format!("The form is not complete: {e}"),
            ))
        })
    }
}

#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub layout: Layout,
    pub title: String,
    pub message: String,
}

/// The one rule for a refused form. A refusal about what the reader typed or chose (a client
/// error other than not found, forbidden or a malformed request) is shown beside the form, with
/// what they typed kept; anything else (the record is gone or hidden, the action not theirs, a
/// fault of ours) ends the page with the error page.
pub fn shown_in_place(e: &AppError) -> bool {
    matches!(e.kind(), Some(k) if !matches!(k, ErrorKind::NotFound | ErrorKind::Forbidden | ErrorKind::BadRequest))
}

/// An error shown beside a form field, with what the user typed kept.
#[derive(Debug, Default, Clone)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    /// The status the page with the refusal is answered with.
    pub status: StatusCode,
}

impl FieldError {
    pub fn from_error(tr: &Tr, e: &AppError) -> Self {
        FieldError { field: e.field().unwrap_or("").to_string(), message: tr.error_of(e), status: e.status() }
    }

    /// The refusal beside the form, or the error page: [`shown_in_place`] decides.
    pub fn in_place(tr: &Tr, e: AppError) -> Result<Self, PageError> {
        if shown_in_place(&e) {
            Ok(Self::from_error(tr, &e))
        } else {
            Err(PageError(e))
        }
    }
    pub fn on(&self, field: &str) -> bool {
        self.field == field
    }
}

/// `next` as a path on this site, or `None`: the one check every "go back to" parameter passes,
/// so that no link elsewhere can borrow Touchstone's name through a redirect. Browsers read
/// `\` as `/`, so `/\evil.example` would leave the site like `//evil.example`.
pub fn local_path(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(|c| c.is_control() || c.is_whitespace())
        && next.len() <= 2000;
    ok.then_some(next)
}

#[derive(serde::Deserialize)]
struct LanguageForm {
    lang: String,
    next: Option<String>,
}

/// The language switcher: remembered in a cookie, and in the profile of a signed-in user.
async fn set_language(
    ctx: Ctx,
    axum::extract::State(state): axum::extract::State<AppState>,
    CsrfForm(form): CsrfForm<LanguageForm>,
) -> Response {
    let Some(lang) = Language::parse(&form.lang) else {
        return ctx.error_page(AppError::invalid(
            "lang",
            ErrorCode::InvalidLanguage,
            "Choose one of the languages the menu offers: English, French, Spanish or Arabic.",
        ));
    };
    if let Some(p) = ctx.principal_if_signed_in() {
        let zone = ctx.layout.me.as_ref().and_then(|u| u.time_zone.clone());
        if let Err(e) = crate::domain::directory::set_own_language(&state.db, p, lang, zone.as_deref()).await {
            return ctx.error_page(e);
        }
    }
    let next = form.next.as_deref().and_then(local_path).unwrap_or("/");
    let mut r = Redirect::to(next).into_response();
    r.headers_mut()
        .append(header::SET_COOKIE, set_cookie(LANG_COOKIE, lang.as_str(), Some(365 * 86400), ctx.layout.secure));
    r
}

pub async fn not_found(ctx: Ctx) -> Response {
    ctx.error_page(AppError::client(ErrorKind::NotFound, ErrorCode::PageNotFound, "There is no page at this address."))
}

struct Endpoint {
    method: &'static str,
    path: String,
    summary: String,
}

#[derive(Template)]
#[template(path = "api_docs.html")]
struct ApiDocsPage {
    layout: Layout,
    endpoints: Vec<Endpoint>,
}

/// A readable index of the API, generated from the same OpenAPI document clients use.
async fn api_docs(ctx: Ctx) -> Response {
    use utoipa::OpenApi;
    let doc = crate::api::ApiDoc::openapi();
    let mut endpoints = Vec::new();
    for (path, item) in doc.paths.paths {
        for (method, op) in [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("PATCH", &item.patch),
            ("DELETE", &item.delete),
        ] {
            if let Some(op) = op {
                let summary = op.summary.clone().or_else(|| op.description.clone()).unwrap_or_default();
                endpoints.push(Endpoint { method, path: path.clone(), summary });
            }
        }
    }
    let layout = clone_layout(&ctx.layout);
    ctx.render(StatusCode::OK, ApiDocsPage { layout, endpoints })
}
