//! The signed-in user's own account: password, language and time zone, the customs office an
//! officer works at (prefilled on the detention form), second factor and API tokens.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use serde::Deserialize;

use super::{
    clone_layout, shown_in_place, CsrfForm, Enrolling, FieldError, Layout, PageError, PageId, PageResult, Pages,
    SignedIn,
};
use crate::domain::auth::{self, ApiToken, NewToken};
use crate::domain::directory;
use crate::domain::types::Language;
use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/account", get(account_page))
        .route("/account/password", post(change_password))
        .route("/account/language", post(change_language))
        .route("/account/office", post(change_office))
        .route("/account/tokens", post(create_token))
        .route("/account/tokens/{id}/revoke", post(revoke_token))
        .route("/account/second-factor/start", post(start_second_factor))
        .route("/account/second-factor/confirm", post(confirm_second_factor))
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    layout: Layout,
    tokens: Vec<ApiToken>,
    notice: Option<String>,
    error: Option<FieldError>,
    new_token: Option<String>,
    enrolment: Option<(String, String)>,
    must_enrol: bool,
    /// The reader's chosen IANA zone; empty while they read their country's.
    chosen_zone: String,
    /// The zone of the reader's organisation's country, read when they choose none.
    country_zone: &'static str,
    zones: &'static [String],
    /// The office section is shown to those who record detentions (the form it prefills).
    records_detentions: bool,
    /// The office as saved, or as typed when it was refused.
    office_code: String,
    office_name: String,
    /// Every problem of the form sent, each shown beside its field.
    problems: Vec<FieldError>,
}

impl AccountPage {
    /// The message to show beside `field`, if a problem is about it.
    fn err(&self, field: &str) -> Option<&str> {
        self.problems.iter().find(|e| e.on(field)).map(|e| e.message.as_str())
    }
    /// A field a problem is about is marked invalid and tied to its message.
    fn marks(&self, field: &str) -> String {
        if self.problems.iter().any(|e| e.on(field)) {
            format!(" aria-invalid=\"true\" aria-describedby=\"{field}-error\"")
        } else {
            String::new()
        }
    }
}

#[derive(Deserialize)]
struct Notice {
    done: Option<String>,
}

/// The account page as `reader` sees it; `must_enrol` shows only what a user who must first
/// enrol a second factor may do.
async fn render_account(
    reader: Enrolling,
    state: &AppState,
    status: StatusCode,
    mut page: impl FnMut(&mut AccountPage),
) -> PageResult {
    let Enrolling { ctx, principal, must_enrol } = reader;
    let tokens = auth::list_tokens(&state.db, &principal).await?;
    let mut p = AccountPage {
        layout: clone_layout(&ctx.layout),
        tokens,
        notice: None,
        error: None,
        new_token: None,
        enrolment: None,
        must_enrol,
        chosen_zone: ctx.layout.me.as_ref().and_then(|u| u.time_zone.clone()).unwrap_or_default(),
        country_zone: ctx
            .layout
            .me
            .as_ref()
            .and_then(|u| crate::i18n::time::country_zone_name(&u.organisation_country))
            .unwrap_or("UTC"),
        zones: crate::i18n::time::zone_names(),
        records_detentions: crate::domain::cases::may_create(&principal),
        office_code: ctx.layout.me.as_ref().and_then(|u| u.office_code.clone()).unwrap_or_default(),
        office_name: ctx.layout.me.as_ref().and_then(|u| u.office_name.clone()).unwrap_or_default(),
        problems: Vec::new(),
    };
    page(&mut p);
    Ok(ctx.render(status, p))
}

fn fully_signed_in(SignedIn { ctx, principal }: SignedIn) -> Enrolling {
    Enrolling { ctx, principal, must_enrol: false }
}

async fn account_page(reader: Enrolling, State(state): State<AppState>, Query(n): Query<Notice>) -> PageResult {
    let notice =
        n.done.filter(|d| ["password", "language", "office", "token_revoked", "second_factor"].contains(&d.as_str()));
    render_account(reader, &state, StatusCode::OK, |p| {
        p.notice = notice.as_ref().map(|d| p.layout.tr.t(&format!("account.done.{d}")).to_string())
    })
    .await
}

/// Runs an account action; on a client error re-renders the page with the message beside the
/// field, on success redirects to the page with a notice.
async fn outcome(reader: Enrolling, state: &AppState, result: Result<(), AppError>, done: &str) -> PageResult {
    outcome_keeping(reader, state, result, done, |_| {}).await
}

/// [`outcome`], with `keep` putting back on the re-rendered page what the user typed.
async fn outcome_keeping(
    reader: Enrolling,
    state: &AppState,
    result: Result<(), AppError>,
    done: &str,
    mut keep: impl FnMut(&mut AccountPage),
) -> PageResult {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/account?done={done}")).into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let tr = reader.ctx.layout.tr;
            let error = FieldError::from_error(&tr, &e);
            let problems: Vec<FieldError> = e.problems().iter().map(|p| FieldError::from_error(&tr, p)).collect();
            render_account(reader, state, e.status(), |p| {
                p.error = Some(error.clone());
                p.problems = problems.clone();
                keep(p);
            })
            .await
        }
    }
}

#[derive(Deserialize)]
struct PasswordForm {
    current_password: String,
    new_password: String,
}

async fn change_password(
    reader: SignedIn,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<PasswordForm>,
) -> PageResult {
    let keep = reader.ctx.session_id_hash().map(str::to_string);
    let r =
        auth::change_own_password(&state.db, &reader.principal, keep.as_deref(), &f.current_password, &f.new_password)
            .await;
    outcome(fully_signed_in(reader), &state, r, "password").await
}

#[derive(Deserialize)]
struct LanguageForm {
    language: String,
    #[serde(default)]
    time_zone: String,
}

async fn change_language(
    reader: SignedIn,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<LanguageForm>,
) -> PageResult {
    let r = match Language::refuse_unless(&f.language) {
        Ok(l) => directory::set_own_language(&state.db, &reader.principal, l, Some(&f.time_zone)).await,
        Err(e) => Err(e),
    };
    outcome(fully_signed_in(reader), &state, r, "language").await
}

#[derive(Deserialize)]
struct OfficeForm {
    #[serde(default)]
    office_code: String,
    #[serde(default)]
    office_name: String,
}

async fn change_office(
    reader: SignedIn,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<OfficeForm>,
) -> PageResult {
    let r = directory::set_own_office(&state.db, &reader.principal, &f.office_code, &f.office_name).await;
    outcome_keeping(fully_signed_in(reader), &state, r, "office", |p| {
        p.office_code = f.office_code.clone();
        p.office_name = f.office_name.clone();
    })
    .await
}

#[derive(Deserialize)]
struct TokenForm {
    name: String,
    days: Option<String>,
}

async fn create_token(reader: SignedIn, State(state): State<AppState>, CsrfForm(f): CsrfForm<TokenForm>) -> PageResult {
    let p = reader.principal.clone();
    let reader = fully_signed_in(reader);
    let days = match f.days.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::parse::<i64>).transpose() {
        Ok(d) => d,
        Err(_) => {
            return outcome(
                reader,
                &state,
                Err(AppError::invalid(
                    "days",
                    ErrorCode::InvalidTokenLifetime,
                    "A token lives between 1 and 365 days.",
                )),
                "",
            )
            .await
        }
    };
    match auth::create_token(&state.db, &state.config.auth, &p, &p, &NewToken { name: f.name, days }).await {
        // Shown once, so this answer is a page rather than a redirect.
        Ok(created) => {
            render_account(reader, &state, StatusCode::OK, |page| page.new_token = Some(created.secret.clone())).await
        }
        Err(e) => outcome(reader, &state, Err(e), "").await,
    }
}

#[derive(Deserialize)]
struct Empty {}

async fn revoke_token(
    reader: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(_): CsrfForm<Empty>,
) -> PageResult {
    let r = auth::revoke_token(&state.db, &reader.principal, id).await;
    outcome(fully_signed_in(reader), &state, r, "token_revoked").await
}

/// Enrolment is open to a user who must enrol before anything else.
async fn start_second_factor(
    reader: Enrolling,
    State(state): State<AppState>,
    CsrfForm(_): CsrfForm<Empty>,
) -> PageResult {
    match auth::begin_second_factor_enrolment(&state.db, &reader.principal).await {
        Ok(pair) => render_account(reader, &state, StatusCode::OK, |page| page.enrolment = Some(pair.clone())).await,
        Err(e) => outcome(reader, &state, Err(e), "").await,
    }
}

#[derive(Deserialize)]
struct CodeForm {
    code: String,
}

async fn confirm_second_factor(
    reader: Enrolling,
    State(state): State<AppState>,
    CsrfForm(f): CsrfForm<CodeForm>,
) -> PageResult {
    let r = auth::confirm_second_factor_enrolment(&state.db, &reader.principal, &f.code).await;
    outcome(reader, &state, r, "second_factor").await
}
