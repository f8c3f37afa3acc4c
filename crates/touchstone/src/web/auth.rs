//! Sign-in, second factor and sign-out pages: the only pages that see a session half-way
//! through sign-in, and they give it nothing to act with but the next step.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use askama::Template;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::{clone_layout, local_path, set_cookie, CsrfForm, Ctx, FieldError, Layout, Pages, SESSION_COOKIE};
use crate::domain::auth::{self, SessionStage};
use crate::error::{AppError, ErrorCode, ErrorKind};
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/signin", get(signin_page).post(signin))
        .route("/signin/second-factor", get(second_factor_page).post(second_factor))
        .route("/signout", post(signout))
}

/// The client's address as the socket saw it (a proxy in front must be trusted separately).
pub struct ClientIp(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
        Ok(ClientIp(ip))
    }
}

/// Where to go once signed in: a local path the reader was on their way to, else home.
#[derive(Deserialize, Default)]
struct Next {
    next: Option<String>,
}

impl Next {
    fn path(&self) -> &str {
        self.next.as_deref().and_then(local_path).unwrap_or("")
    }
    fn or_home(&self) -> &str {
        Some(self.path()).filter(|p| !p.is_empty()).unwrap_or("/")
    }
    fn query(&self) -> String {
        match self.path() {
            "" => String::new(),
            p => format!("?next={}", url::form_urlencoded::byte_serialize(p.as_bytes()).collect::<String>()),
        }
    }
}

fn too_many_attempts(retry: u64) -> AppError {
    AppError::client(
        ErrorKind::RateLimited,
        ErrorCode::TooManySignInAttempts,
        format!("Too many sign-in attempts from your address; wait {retry} seconds and try again."),
    )
    .with_arg("seconds", retry)
    .with_retry_after(retry)
}

/// A refused step's page keeps the error's `Retry-After`, so scripts back off as browsers do.
fn with_retry_after(mut r: Response, e: &AppError) -> Response {
    let retry = match e {
        AppError::Client(c) => c.retry_after,
        AppError::Internal(_) => None,
    };
    if let Some(v) = retry.and_then(|s| s.to_string().parse().ok()) {
        r.headers_mut().insert(header::RETRY_AFTER, v);
    }
    r
}

#[derive(Template)]
#[template(path = "signin.html")]
struct SignInPage {
    layout: Layout,
    email: String,
    next: String,
    error: Option<FieldError>,
}

async fn signin_page(ctx: Ctx, Query(next): Query<Next>) -> Response {
    if ctx.layout.me.is_some() {
        return Redirect::to(next.or_home()).into_response();
    }
    let layout = clone_layout(&ctx.layout);
    ctx.render(StatusCode::OK, SignInPage { layout, email: String::new(), next: next.path().to_string(), error: None })
}

#[derive(Deserialize)]
struct SignInForm {
    email: String,
    password: String,
    next: Option<String>,
}

async fn signin(
    ctx: Ctx,
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> Response {
    let next = Next { next: form.next.clone() };
    let result = match state.sign_in_limiter.check(ip) {
        Err(retry) => Err(too_many_attempts(retry)),
        Ok(()) => auth::sign_in(&state.db, &state.config.auth, &form.email, &form.password).await,
    };
    match result {
        Ok(signed_in) => {
            let to = if signed_in.second_factor_pending {
                format!("/signin/second-factor{}", next.query())
            } else {
                next.or_home().to_string()
            };
            let mut r = Redirect::to(&to).into_response();
            r.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(SESSION_COOKIE, &signed_in.session_token, None, state.config.secure_cookies()),
            );
            r
        }
        Err(e @ AppError::Internal(_)) => ctx.error_page(e),
        Err(e) => {
            let layout = clone_layout(&ctx.layout);
            let error = Some(FieldError::from_error(&layout.tr, &e));
            let page = SignInPage { layout, email: form.email, next: next.path().to_string(), error };
            with_retry_after(ctx.render(e.status(), page), &e)
        }
    }
}

#[derive(Template)]
#[template(path = "second_factor.html")]
struct SecondFactorPage {
    layout: Layout,
    next: String,
    error: Option<FieldError>,
}

async fn second_factor_page(ctx: Ctx, Query(next): Query<Next>) -> Response {
    match ctx.sign_in_session().map(|s| s.stage) {
        Some(SessionStage::SecondFactorPending) => {
            let layout = clone_layout(&ctx.layout);
            ctx.render(StatusCode::OK, SecondFactorPage { layout, next: next.path().to_string(), error: None })
        }
        Some(_) => Redirect::to(next.or_home()).into_response(),
        None => Redirect::to("/signin").into_response(),
    }
}

#[derive(Deserialize)]
struct CodeForm {
    code: String,
    next: Option<String>,
}

async fn second_factor(
    ctx: Ctx,
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Response {
    let Some(session) = ctx.sign_in_session().filter(|s| s.stage == SessionStage::SecondFactorPending) else {
        return Redirect::to("/signin").into_response();
    };
    let next = Next { next: form.next.clone() };
    // Codes count against the same per-address budget as passwords.
    let result = match state.sign_in_limiter.check(ip) {
        Err(retry) => Err(too_many_attempts(retry)),
        Ok(()) => auth::verify_second_factor(&state.db, &state.config.auth, session, &form.code).await,
    };
    match result {
        Ok(()) => Redirect::to(next.or_home()).into_response(),
        Err(e @ AppError::Internal(_)) => ctx.error_page(e),
        // The sign-in has ended: start again from the password.
        Err(e) if e.code() == ErrorCode::SecondFactorLocked => {
            let layout = clone_layout(&ctx.layout);
            let error = Some(FieldError::from_error(&layout.tr, &e));
            let page = SignInPage { layout, email: String::new(), next: String::new(), error };
            let mut r = with_retry_after(ctx.render(e.status(), page), &e);
            r.headers_mut()
                .append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, "", Some(0), state.config.secure_cookies()));
            r
        }
        Err(e) => {
            let layout = clone_layout(&ctx.layout);
            let error = Some(FieldError::from_error(&layout.tr, &e));
            let page = SecondFactorPage { layout, next: next.path().to_string(), error };
            with_retry_after(ctx.render(e.status(), page), &e)
        }
    }
}

#[derive(Deserialize)]
struct Empty {}

async fn signout(ctx: Ctx, State(state): State<AppState>, CsrfForm(_): CsrfForm<Empty>) -> Response {
    if let Some(s) = ctx.sign_in_session() {
        if let Err(e) = auth::sign_out(&state.db, s).await {
            return ctx.error_page(e);
        }
    }
    let mut r = Redirect::to("/signin").into_response();
    r.headers_mut().append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, "", Some(0), state.config.secure_cookies()));
    r
}
