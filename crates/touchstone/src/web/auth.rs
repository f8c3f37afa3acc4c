//! Sign-in, second factor and sign-out pages.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use askama::Template;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use super::{clone_layout, set_cookie, CsrfForm, Ctx, FieldError, Layout, SESSION_COOKIE};
use crate::domain::auth;
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
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

#[derive(Template)]
#[template(path = "signin.html")]
struct SignInPage {
    layout: Layout,
    email: String,
    error: Option<FieldError>,
}

async fn signin_page(ctx: Ctx) -> Response {
    if ctx.layout.me.is_some() {
        return Redirect::to("/").into_response();
    }
    let layout = clone_layout(&ctx.layout);
    ctx.render(StatusCode::OK, SignInPage { layout, email: String::new(), error: None })
}

#[derive(Deserialize)]
struct SignInForm {
    email: String,
    password: String,
}

async fn signin(
    ctx: Ctx,
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> Response {
    let result = match state.sign_in_limiter.check(ip) {
        Err(retry) => Err(AppError::client(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_sign_in_attempts",
            format!("Too many sign-in attempts from your address; wait {retry} seconds and try again."),
        )
        .with_retry_after(retry)),
        Ok(()) => auth::sign_in(&state.db, &state.config.auth, &form.email, &form.password).await,
    };
    match result {
        Ok(signed_in) => {
            let next = if signed_in.second_factor_pending { "/signin/second-factor" } else { "/" };
            let mut r = Redirect::to(next).into_response();
            r.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(SESSION_COOKIE, &signed_in.session_token, None, state.config.secure_cookies()),
            );
            r
        }
        Err(e @ AppError::Internal(_)) => ctx.error_page(e),
        Err(e) => {
            let status = e.status();
            let retry = match &e {
                AppError::Client(c) => c.retry_after,
                AppError::Internal(_) => None,
            };
            let layout = clone_layout(&ctx.layout);
            let error = Some(FieldError::from_error(&layout.tr, &e));
            let mut r = ctx.render(status, SignInPage { layout, email: form.email, error });
            if let Some(s) = retry {
                if let Ok(v) = s.to_string().parse() {
                    r.headers_mut().insert(header::RETRY_AFTER, v);
                }
            }
            r
        }
    }
}

#[derive(Template)]
#[template(path = "second_factor.html")]
struct SecondFactorPage {
    layout: Layout,
    error: Option<FieldError>,
}

async fn second_factor_page(ctx: Ctx) -> Response {
    match &ctx.session {
        Some(s) if s.second_factor_pending => {
            let layout = clone_layout(&ctx.layout);
            ctx.render(StatusCode::OK, SecondFactorPage { layout, error: None })
        }
        Some(_) => Redirect::to("/").into_response(),
        None => Redirect::to("/signin").into_response(),
    }
}

#[derive(Deserialize)]
struct CodeForm {
    code: String,
}

async fn second_factor(ctx: Ctx, State(state): State<AppState>, CsrfForm(form): CsrfForm<CodeForm>) -> Response {
    let Some(session) = ctx.session.as_ref().filter(|s| s.second_factor_pending) else {
        return Redirect::to("/signin").into_response();
    };
    match auth::verify_second_factor(&state.db, session, &form.code).await {
        Ok(()) => Redirect::to("/").into_response(),
        Err(e @ AppError::Internal(_)) => ctx.error_page(e),
        Err(e) => {
            let layout = clone_layout(&ctx.layout);
            let error = Some(FieldError::from_error(&layout.tr, &e));
            ctx.render(e.status(), SecondFactorPage { layout, error })
        }
    }
}

#[derive(Deserialize)]
struct Empty {}

async fn signout(ctx: Ctx, State(state): State<AppState>, CsrfForm(_): CsrfForm<Empty>) -> Response {
    if let Some(s) = &ctx.session {
        if let Err(e) = auth::sign_out(&state.db, s).await {
            return ctx.error_page(e);
        }
    }
    let mut r = Redirect::to("/signin").into_response();
    r.headers_mut().append(header::SET_COOKIE, set_cookie(SESSION_COOKIE, "", Some(0), state.config.secure_cookies()));
    r
}
