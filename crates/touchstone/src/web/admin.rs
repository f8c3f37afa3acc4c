//! Administration pages: organisations, users and the audit trail, each within the
//! administrator's scope as the policy decides.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use super::{clone_layout, CsrfForm, Ctx, FieldError, Layout};
use crate::domain::audit::{self, AuditRecord};
use crate::domain::directory::{self, NewOrganisation, NewUser, Organisation, User};
use crate::domain::format_ms;
use crate::domain::types::{Language, OrgKind, Role};
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/organisations", get(organisations_page).post(create_organisation))
        .route("/admin/users", get(users_page).post(create_user))
        .route("/admin/users/{id}/{action}", post(user_action))
        .route("/audit", get(audit_page))
}

#[derive(Template)]
#[template(path = "admin_organisations.html")]
struct OrganisationsPage {
    layout: Layout,
    organisations: Vec<Organisation>,
    kinds: &'static [OrgKind],
    form: OrgForm,
    error: Option<FieldError>,
}

#[derive(Deserialize, Default, Clone)]
struct OrgForm {
    name: String,
    kind: String,
    country: String,
}

async fn render_orgs(
    ctx: Ctx,
    state: &AppState,
    status: StatusCode,
    form: OrgForm,
    error: Option<FieldError>,
) -> Response {
    let session = match ctx.require() {
        Ok(s) => s,
        Err(r) => return r,
    };
    let organisations = match directory::list_organisations(&state.db, &session.principal).await {
        Ok(o) => o,
        Err(e) => return ctx.error_page(e),
    };
    let layout = clone_layout(&ctx.layout);
    ctx.render(status, OrganisationsPage { layout, organisations, kinds: OrgKind::ALL, form, error })
}

async fn organisations_page(ctx: Ctx, State(state): State<AppState>) -> Response {
    render_orgs(ctx, &state, StatusCode::OK, OrgForm::default(), None).await
}

async fn create_organisation(ctx: Ctx, State(state): State<AppState>, CsrfForm(form): CsrfForm<OrgForm>) -> Response {
    let Some(p) = ctx.session.as_ref().map(|s| s.principal.clone()) else {
        return Redirect::to("/signin").into_response();
    };
    let input = NewOrganisation { name: form.name.clone(), kind: form.kind.clone(), country: form.country.clone() };
    match directory::create_organisation(&state.db, &p, &input).await {
        Ok(_) => Redirect::to("/admin/organisations").into_response(),
        Err(e @ AppError::Internal(_)) => ctx.error_page(e),
        Err(e) => {
            let error = Some(FieldError::from_error(&ctx.layout.tr, &e));
            render_orgs(ctx, &state, e.status(), form, error).await
        }
    }
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    layout: Layout,
    users: Vec<User>,
    organisations: Vec<Organisation>,
    roles: &'static [Role],
    languages: &'static [Language],
    form: UserForm,
    error: Option<FieldError>,
    /// A generated password to hand over, shown once.
    issued: Option<(String, String)>,
}

#[derive(Deserialize, Default, Clone)]
struct UserForm {
    email: String,
    display_name: String,
    organisation_id: String,
    role: String,
    language: String,
}

#[derive(Deserialize)]
struct UsersQuery {
    organisation_id: Option<i64>,
}

async fn render_users(
    ctx: Ctx,
    state: &AppState,
    status: StatusCode,
    filter: Option<i64>,
    form: UserForm,
    error: Option<FieldError>,
    issued: Option<(String, String)>,
) -> Response {
    let session = match ctx.require() {
        Ok(s) => s,
        Err(r) => return r,
    };
    let users = match directory::list_users(&state.db, &session.principal, filter).await {
        Ok(u) => u,
        Err(e) => return ctx.error_page(e),
    };
    let organisations = match directory::list_organisations(&state.db, &session.principal).await {
        Ok(o) => o,
        Err(e) => return ctx.error_page(e),
    };
    let layout = clone_layout(&ctx.layout);
    ctx.render(
        status,
        UsersPage { layout, users, organisations, roles: Role::ALL, languages: Language::ALL, form, error, issued },
    )
}

async fn users_page(ctx: Ctx, State(state): State<AppState>, Query(q): Query<UsersQuery>) -> Response {
    render_users(ctx, &state, StatusCode::OK, q.organisation_id, UserForm::default(), None, None).await
}

async fn create_user(ctx: Ctx, State(state): State<AppState>, CsrfForm(form): CsrfForm<UserForm>) -> Response {
    let Some(p) = ctx.session.as_ref().map(|s| s.principal.clone()) else {
        return Redirect::to("/signin").into_response();
    };
    let result = match form.organisation_id.trim().parse::<i64>() {
        Err(_) => Err(AppError::invalid("organisation_id", "unknown_organisation", "Choose an organisation.")),
        Ok(organisation_id) => {
            let language = Some(form.language.clone()).filter(|l| !l.is_empty());
            let input = NewUser {
                email: form.email.clone(),
                display_name: form.display_name.clone(),
                organisation_id,
                role: form.role.clone(),
                language,
                password: None,
            };
            directory::create_user(&state.db, &p, &input).await
        }
    };
    match result {
        // The generated password is shown once, so this answer is a page, not a redirect.
        Ok(created) => {
            let issued = created.initial_password.map(|pw| (created.user.email.clone(), pw));
            render_users(ctx, &state, StatusCode::CREATED, None, UserForm::default(), None, issued).await
        }
        Err(e @ AppError::Internal(_)) => ctx.error_page(e),
        Err(e) => {
            let error = Some(FieldError::from_error(&ctx.layout.tr, &e));
            render_users(ctx, &state, e.status(), None, form, error, None).await
        }
    }
}

#[derive(Deserialize)]
struct Empty {}

async fn user_action(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((id, action)): Path<(i64, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Response {
    let Some(p) = ctx.session.as_ref().map(|s| s.principal.clone()) else {
        return Redirect::to("/signin").into_response();
    };
    let result = match action.as_str() {
        "deactivate" => directory::set_user_active(&state.db, &p, id, false).await.map(|_| None),
        "reactivate" => directory::set_user_active(&state.db, &p, id, true).await.map(|_| None),
        "reset" => directory::reset_credentials(&state.db, &p, id)
            .await
            .map(|c| c.initial_password.map(|pw| (c.user.email, pw))),
        _ => Err(AppError::not_found("action")),
    };
    match result {
        Ok(None) => Redirect::to("/admin/users").into_response(),
        Ok(issued @ Some(_)) => {
            render_users(ctx, &state, StatusCode::OK, None, UserForm::default(), None, issued).await
        }
        Err(e) => ctx.error_page(e),
    }
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Layout,
    records: Vec<(String, AuditRecord)>,
    older: Option<i64>,
}

#[derive(Deserialize)]
struct AuditQuery {
    before: Option<i64>,
}

async fn audit_page(ctx: Ctx, State(state): State<AppState>, Query(q): Query<AuditQuery>) -> Response {
    let session = match ctx.require() {
        Ok(s) => s,
        Err(r) => return r,
    };
    const PAGE: i64 = 100;
    let records = match audit::list(&state.db, &session.principal, q.before, PAGE).await {
        Ok(r) => r,
        Err(e) => return ctx.error_page(e),
    };
    let older = (records.len() as i64 == PAGE).then(|| records.last().map(|r| r.seq)).flatten();
    let records = records.into_iter().map(|r| (format_ms(r.at), r)).collect();
    let layout = clone_layout(&ctx.layout);
    ctx.render(StatusCode::OK, AuditPage { layout, records, older })
}
