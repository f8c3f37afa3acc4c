//! What every page handler is given: the reader ([`Ctx`]: language, CSRF token, layout) and,
//! for every page but the sign-in steps, a fully signed-in principal ([`SignedIn`]).
//!
//! The session itself is private to this module. A handler obtains a principal only through
//! the [`SignedIn`] extractor (or [`Enrolling`] on the pages where a user who must enrol a second
//! factor does so), so a new handler cannot forget the check: without one it has nothing to
//! call the domain with. A session half-way through sign-in (password given, second factor
//! pending, or a required second factor not yet enrolled) is turned back with a redirect before
//! the handler runs.

use std::sync::Arc;

use askama::Template;
use axum::extract::{FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use rand::RngCore;

use super::{cookie_value, set_cookie, MessagePage, CSRF_COOKIE, LANG_COOKIE, SESSION_COOKIE};
use crate::domain::auth::{Session, SessionStage};
use crate::domain::directory::User;
use crate::domain::policy::{GrantScopes, Principal};
use crate::domain::types::{Language, OrgKind};
use crate::error::{AppError, AppResult};
use crate::i18n::{negotiate, Tr};
use crate::state::AppState;

/// The request's session, read once per request: extractors that need it again (the CSRF
/// check, the reader) find it in the request's extensions.
#[derive(Clone)]
struct ResolvedSession(Option<Session>);

/// The session of a request, if its cookie names a live one (at any stage of sign-in).
pub(super) async fn session_from_parts(parts: &mut Parts, state: &AppState) -> AppResult<Option<Session>> {
    if let Some(ResolvedSession(s)) = parts.extensions.get::<ResolvedSession>() {
        return Ok(s.clone());
    }
    let session = match cookie_value(&parts.headers, SESSION_COOKIE) {
        Some(token) if !token.is_empty() => crate::domain::auth::session(&state.db, &state.config.auth, token).await?,
        _ => None,
    };
    parts.extensions.insert(ResolvedSession(session.clone()));
    Ok(session)
}

/// The CSRF token a form of this request must carry: the session's, else the visitor's cookie.
pub(super) async fn expected_csrf(parts: &mut Parts, state: &AppState) -> AppResult<Option<String>> {
    Ok(match session_from_parts(parts, state).await? {
        Some(s) => Some(s.csrf_token),
        None => cookie_value(&parts.headers, CSRF_COOKIE).map(str::to_string),
    })
}

/// The fully signed-in principal of an API request made with the browser's session cookie.
pub async fn api_principal_from_session(parts: &mut Parts, state: &AppState) -> AppResult<Option<Principal>> {
    Ok(session_from_parts(parts, state).await?.and_then(|s| s.principal().cloned()))
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
    /// What the reader's organisation reaches through access grants (customs: everything).
    pub grants: GrantScopes,
}

impl Layout {
    pub fn is_admin(&self) -> bool {
        self.me.as_ref().is_some_and(|u| crate::domain::auth::is_admin(u.role))
    }
    pub fn is_platform_admin(&self) -> bool {
        self.me.as_ref().is_some_and(|u| u.role == crate::domain::types::Role::PlatformAdmin)
    }
    /// A police force or another agency: it reaches the enforcement side through grants.
    pub fn is_agency(&self) -> bool {
        self.me.as_ref().is_some_and(|u| matches!(u.organisation_kind, OrgKind::Police | OrgKind::OtherEnforcement))
    }
    /// An agency holding no grant in force: the menu leads it to ask for one.
    pub fn without_grant(&self) -> bool {
        self.is_agency() && self.grants == GrantScopes::default()
    }
    /// Whether the menu offers what a grant's `scope` opens (anyone not an agency: as before).
    pub fn reaches(&self, scope: &str) -> bool {
        !self.is_agency()
            || match scope {
                "catalog_alerts" => self.grants.catalog_alerts,
                "case_sharing" => self.grants.case_sharing,
                "coordination" => self.grants.coordination,
                _ => false,
            }
    }
    /// A customs administration's organisation administrator, or the platform administrator.
    pub fn may_grant(&self) -> bool {
        self.is_platform_admin()
            || self.me.as_ref().is_some_and(|u| {
                u.organisation_kind == OrgKind::Customs && u.role == crate::domain::types::Role::OrgAdmin
            })
    }
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
        grants: l.grants,
    }
}

/// The reader's language, and their zone: their own, else their organisation's country's, else
/// (a visitor) UTC.
fn reader_tr(lang: Language, me: Option<&User>) -> Tr {
    match me {
        Some(u) => Tr::with_zone(lang, crate::i18n::time::reader_zone(u.time_zone.as_deref(), &u.organisation_country)),
        None => Tr::new(lang),
    }
}

/// The request's reader: the page layout, and (private) the session behind it.
pub struct Ctx {
    session: Option<Session>,
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
        // The menu and the profile's language are a signed-in reader's; a pending session
        // shows the sign-in steps as a visitor sees them.
        let signed_in = session.as_ref().filter(|s| s.stage != SessionStage::SecondFactorPending);
        let lang = match signed_in {
            Some(s) => s.user.language,
            None => cookie_value(&parts.headers, LANG_COOKIE)
                .and_then(Language::parse)
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
        let me = signed_in.map(|s| s.user.clone());
        let here = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
        let unread = match session.as_ref().and_then(Session::principal) {
            // A page still renders when the count cannot be read; the inbox itself will say why.
            Some(p) => crate::domain::notify::unread_count(&state.db, p).await.unwrap_or_else(|e| {
                tracing::warn!(error = %e, "could not count unread notifications");
                0
            }),
            None => 0,
        };
        let grants = session.as_ref().and_then(Session::principal).map(|p| p.grants).unwrap_or_default();
        Ok(Ctx {
            session,
            layout: Layout {
                tr: reader_tr(lang, me.as_ref()),
                csrf,
                me,
                here,
                new_csrf_cookie,
                secure,
                unread,
                grants,
            },
        })
    }
}

impl Ctx {
    /// The session, whatever its stage: for the sign-in steps and sign-out only. Its principal
    /// is still given only when fully signed in ([`Session::principal`]).
    pub(super) fn sign_in_session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// The hash of this request's session id, to keep it open while ending the user's others.
    pub fn session_id_hash(&self) -> Option<&str> {
        self.session.as_ref().map(|s| s.id_hash.as_str())
    }

    /// The principal of a fully signed-in reader, for pages that anyone may open and that
    /// show more to a signed-in reader (the language switcher remembers the choice).
    pub fn principal_if_signed_in(&self) -> Option<&Principal> {
        self.session.as_ref().and_then(Session::principal)
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
        self.error_page_for(&err)
    }

    fn error_page_for(self, err: &AppError) -> Response {
        err.log();
        let status = err.status();
        let message = self.layout.tr.error_of(err);
        let title = self.layout.tr.t("errorpage.title").to_string();
        let layout = clone_layout(&self.layout);
        self.render(status, MessagePage { title, message, layout })
    }
}

/// Where a reader who may not see a page yet is sent instead: to sign in (then back here, for
/// a page they asked for by address), to the second factor, or to enrol one.
fn turn_back(ctx: &Ctx, method: &Method) -> Response {
    match ctx.session.as_ref().map(|s| s.stage) {
        Some(SessionStage::SecondFactorPending) => Redirect::to("/signin/second-factor").into_response(),
        Some(SessionStage::MustEnrolSecondFactor) => Redirect::to("/account#second-factor").into_response(),
        Some(SessionStage::SignedIn) | None => {
            let here = &ctx.layout.here;
            if *method == Method::GET && here != "/" && super::local_path(here).is_some() {
                let next: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
                Redirect::to(&format!("/signin?next={next}")).into_response()
            } else {
                Redirect::to("/signin").into_response()
            }
        }
    }
}

/// A fully signed-in reader: the only way a page handler gets a principal to act with.
pub struct SignedIn {
    pub ctx: Ctx,
    pub principal: Principal,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        match ctx.session.as_ref().and_then(Session::principal).cloned() {
            Some(principal) => Ok(SignedIn { ctx, principal }),
            None => Err(turn_back(&ctx, &parts.method)),
        }
    }
}

/// A reader who is fully signed in or must enrol a second factor before anything else: for the
/// account page and the enrolment steps only.
pub struct Enrolling {
    pub ctx: Ctx,
    pub principal: Principal,
    /// The deployment requires a second factor and this user has none yet.
    pub must_enrol: bool,
}

impl FromRequestParts<AppState> for Enrolling {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let found = ctx
            .session
            .as_ref()
            .and_then(|s| s.enrolling_principal().map(|p| (p.clone(), s.stage == SessionStage::MustEnrolSecondFactor)));
        match found {
            Some((principal, must_enrol)) => Ok(Enrolling { ctx, principal, must_enrol }),
            None => Err(turn_back(&ctx, &parts.method)),
        }
    }
}

/// Why a page cannot be shown. A page handler returns `Result<Response, PageError>` and uses
/// `?` on domain calls as the API handlers do; [`render_failed_pages`] turns the error into the
/// error page in the reader's language.
#[derive(Debug)]
pub struct PageError(pub AppError);

pub type PageResult = Result<Response, PageError>;

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        PageError(e)
    }
}

/// The error a handler (or an extractor) gave up with, carried to [`render_failed_pages`].
#[derive(Clone)]
struct FailedPage(Arc<AppError>);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut r = self.0.status().into_response();
        r.extensions_mut().insert(FailedPage(Arc::new(self.0)));
        r
    }
}

/// The pages' layer that renders a [`PageError`] as the error page. The reader (language,
/// menu, CSRF token) is read again from the request's headers: the handler consumed its own.
pub async fn render_failed_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (method, uri, headers) = (req.method().clone(), req.uri().clone(), req.headers().clone());
    let mut response = next.run(req).await;
    let Some(FailedPage(err)) = response.extensions_mut().remove::<FailedPage>() else { return response };
    let (mut parts, ()) = Request::new(()).into_parts();
    parts.method = method;
    parts.uri = uri;
    parts.headers = headers;
    match Ctx::from_request_parts(&mut parts, &state).await {
        Ok(ctx) => ctx.error_page_for(&err),
        Err(e) => e.into_response(),
    }
}

/// The record id in a page's path (`/cases/{id}`): a positive integer, or the page does not exist.
pub struct PageId(pub i64);

impl FromRequestParts<AppState> for PageId {
    type Rejection = PageError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| PageError(AppError::not_found("page")))?;
        parse_id(&raw).map(PageId).ok_or(PageError(AppError::not_found("page")))
    }
}

/// An id written in a path or a query: a positive integer.
pub fn parse_id(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|id| *id > 0)
}
