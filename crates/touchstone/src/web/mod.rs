//! The HTML pages: server-rendered, usable at phone width, working without JavaScript.
//!
//! Every page is rendered from an askama template with a [`Layout`] holding the messages in the
//! reader's language, the CSRF token and the signed-in user. Every form carries the CSRF token
//! and is checked by [`CsrfForm`]; every successful POST redirects (Post/Redirect/Get).

mod account;
mod admin;
mod auth;
mod brand_editor;
mod cases;
mod catalog;
mod catalog_editor;
mod coordination;
mod identify;
mod notify;

use askama::Template;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use rand::RngCore;
use serde::de::DeserializeOwned;

use crate::domain::auth::Session;
use crate::domain::directory::User;
use crate::domain::types::Language;
use crate::error::{AppError, AppResult};
use crate::i18n::{negotiate, Tr};
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "ts_session";
const CSRF_COOKIE: &str = "ts_csrf";
const LANG_COOKIE: &str = "ts_lang";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route(
            "/static/app.css",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                        (header::CACHE_CONTROL, "public, max-age=3600"),
                    ],
                    include_str!("../../static/app.css"),
                )
            }),
        )
        .route(
            "/static/identify.js",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                        (header::CACHE_CONTROL, "public, max-age=3600"),
                    ],
                    include_str!("../../static/identify.js"),
                )
            }),
        )
        // Browsers ask for /favicon.ico on every site; without it each page logs a 404.
        .route(
            "/favicon.ico",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")],
                    include_str!("../../static/favicon.svg"),
                )
            }),
        )
        .route("/language", post(set_language))
        .route("/api", get(api_docs))
        .merge(auth::router())
        .merge(account::router())
        .merge(admin::router())
        .merge(catalog::router())
        .merge(catalog_editor::router())
        .merge(brand_editor::router())
        .merge(identify::router())
        .merge(coordination::router())
        .merge(cases::router())
        .merge(notify::router())
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

/// The session of a request, if its cookie names a live one.
pub async fn session_from_parts(parts: &Parts, state: &AppState) -> AppResult<Option<Session>> {
    match cookie_value(&parts.headers, SESSION_COOKIE) {
        Some(token) if !token.is_empty() => crate::domain::auth::session(&state.db, &state.config.auth, token).await,
        _ => Ok(None),
    }
}

/// What every page knows about its reader.
pub struct Layout {
    pub tr: Tr,
    pub csrf: String,
    pub me: Option<User>,
    /// The path of this page, where the language switcher returns to.
    pub here: String,
    /// A CSRF cookie to set, for a visitor without session who had none.
    new_csrf_cookie: Option<HeaderValue>,
    pub secure: bool,
    /// Notifications the signed-in reader has not read, shown beside the inbox link.
    pub unread: i64,
}

impl Layout {
    pub fn is_admin(&self) -> bool {
        self.me.as_ref().is_some_and(|u| crate::domain::auth::is_admin(u.role))
    }
    pub fn is_platform_admin(&self) -> bool {
        self.me.as_ref().is_some_and(|u| u.role == crate::domain::types::Role::PlatformAdmin)
    }
}

/// The request's reader: their session (if any) and the page layout.
pub struct Ctx {
    pub session: Option<Session>,
    pub layout: Layout,
}

fn random_token() -> String {
    let mut b = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut b);
    data_encoding::BASE64URL_NOPAD.encode(&b)
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let session = session_from_parts(parts, state).await?;
        let lang = match &session {
            Some(s) if !s.second_factor_pending => s.user.language,
            _ => cookie_value(&parts.headers, LANG_COOKIE)
                .and_then(|l| Language::parse(l).ok())
                .or_else(|| {
                    parts.headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(negotiate)
                })
                .unwrap_or(Language::En),
        };
        let secure = state.config.secure_cookies();
        let (csrf, new_csrf_cookie) = match (&session, cookie_value(&parts.headers, CSRF_COOKIE)) {
            (Some(s), _) => (s.csrf_token.clone(), None),
            (None, Some(c)) if c.len() >= 32 => (c.to_string(), None),
            (None, _) => {
                let t = random_token();
                let cookie = set_cookie(CSRF_COOKIE, &t, None, secure);
                (t, Some(cookie))
            }
        };
        let me = session.as_ref().filter(|s| !s.second_factor_pending).map(|s| s.user.clone());
        let here = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
        let unread = match session.as_ref().filter(|s| !s.second_factor_pending) {
            // A page still renders when the count cannot be read; the inbox itself will say why.
            Some(s) => crate::domain::notify::unread_count(&state.db, &s.principal).await.unwrap_or_else(|e| {
                tracing::warn!(error = %e, "could not count unread notifications");
                0
            }),
            None => 0,
        };
        Ok(Ctx { session, layout: Layout { tr: Tr::new(lang), csrf, me, here, new_csrf_cookie, secure, unread } })
    }
}

impl Ctx {
    /// The signed-in session, or a redirect to sign in (or to finish the second factor).
    #[expect(clippy::result_large_err, reason = "the redirect is returned to axum as is; boxing it gains nothing")]
    pub fn require(&self) -> Result<&Session, Response> {
        match &self.session {
            Some(s) if s.second_factor_pending => Err(Redirect::to("/signin/second-factor").into_response()),
            Some(s) if s.must_enrol_second_factor && !self.layout.here.starts_with("/account") => {
                Err(Redirect::to("/account#second-factor").into_response())
            }
            Some(s) => Ok(s),
            None => Err(Redirect::to("/signin").into_response()),
        }
    }

    pub fn render(self, status: StatusCode, t: impl Template) -> Response {
        match t.render() {
            Ok(body) => {
                let mut r = (status, Html(body)).into_response();
                if let Some(c) = self.layout.new_csrf_cookie {
                    r.headers_mut().append(header::SET_COOKIE, c);
                }
                r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                r
            }
            Err(e) => AppError::Internal(e.into()).into_response(),
        }
    }

    /// A page saying what went wrong, in the reader's language.
    pub fn error_page(self, err: AppError) -> Response {
        err.log();
        let status = err.status();
        let message = self.layout.tr.error(err.code(), &err.public_message());
        let title = self.layout.tr.t("error.title").to_string();
        let layout = clone_layout(&self.layout);
        self.render(status, MessagePage { title, message, layout })
    }
}

/// A form body whose `csrf` field must match the reader's token. The check runs before the
/// form is parsed, so a forged request learns nothing about the form's rules.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = Response;
    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (parts, body) = req.into_parts();
        let expected = match session_from_parts(&parts, state).await {
            Ok(Some(s)) => Some(s.csrf_token),
            Ok(None) => cookie_value(&parts.headers, CSRF_COOKIE).map(str::to_string),
            Err(e) => return Err(e.into_response()),
        };
        let bytes = axum::body::to_bytes(body, state.config.max_body_bytes)
            .await
            .map_err(|_| crate::api::too_large().into_response())?;
        let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
        let given = fields.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str());
        let ok = match (expected.as_deref(), given) {
            (Some(e), Some(g)) => subtle::ConstantTimeEq::ct_eq(e.as_bytes(), g.as_bytes()).into(),
            _ => false,
        };
        if !ok {
            return Err(AppError::client(
                StatusCode::FORBIDDEN,
                "csrf_failed",
                "This form has expired or did not come from Touchstone; reload the page and try again.",
            )
            .into_response());
        }
        serde_urlencoded::from_bytes::<T>(&bytes).map(CsrfForm).map_err(|e| {
            AppError::client(StatusCode::BAD_REQUEST, "invalid_form", format!("The form is not complete: {e}"))
                .into_response()
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

/// An error shown beside a form field, with what the user typed kept.
#[derive(Debug, Default, Clone)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn from_error(tr: &Tr, e: &AppError) -> Self {
        FieldError { field: e.field().unwrap_or("").to_string(), message: tr.error(e.code(), &e.public_message()) }
    }
    pub fn on(&self, field: &str) -> bool {
        self.field == field
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    cases: cases::HomeCases,
}

async fn home(ctx: Ctx, axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    let principal = match ctx.require() {
        Ok(s) => s.principal.clone(),
        Err(r) => return r,
    };
    let cases = cases::home_cases(&state, &principal, &ctx.layout.tr).await;
    let layout = clone_layout(&ctx.layout);
    ctx.render(StatusCode::OK, HomePage { layout, cases })
}

/// Layouts are cheap to copy; pages take them by value.
pub fn clone_layout(l: &Layout) -> Layout {
    Layout {
        tr: l.tr,
        csrf: l.csrf.clone(),
        me: l.me.clone(),
        here: l.here.clone(),
        new_csrf_cookie: None,
        secure: l.secure,
        unread: l.unread,
    }
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
    let Ok(lang) = Language::parse(&form.lang) else {
        return ctx.error_page(AppError::invalid("lang", "invalid_language", "Choose English or French."));
    };
    if let Some(s) = ctx.session.as_ref().filter(|s| !s.second_factor_pending) {
        if let Err(e) = crate::domain::directory::set_own_language(&state.db, &s.principal, lang).await {
            return ctx.error_page(e);
        }
    }
    // Only local paths: an open redirect would let a link elsewhere borrow our name.
    let next = form.next.filter(|n| n.starts_with('/') && !n.starts_with("//")).unwrap_or_else(|| "/".into());
    let mut r = Redirect::to(&next).into_response();
    r.headers_mut()
        .append(header::SET_COOKIE, set_cookie(LANG_COOKIE, lang.as_str(), Some(365 * 86400), ctx.layout.secure));
    r
}

pub async fn not_found(ctx: Ctx) -> Response {
    ctx.error_page(AppError::client(StatusCode::NOT_FOUND, "page_not_found", "There is no page at this address."))
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
