//! Administration pages: organisations, users and the audit trail, each within the
//! administrator's scope as the policy decides.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use serde::Deserialize;

use super::{
    clone_layout, shown_in_place, CsrfForm, FieldError, Layout, PageError, PageId, PageResult, Pages, SignedIn,
};
use crate::domain::audit::{self, AuditRecord};
use crate::domain::directory::{self, EmailDomains, NewOrganisation, NewUser, Organisation, User};
use crate::domain::types::{Language, OrgKind, Role};
use crate::error::{AppError, ErrorCode};
use crate::i18n::sentence::label_or_value;
use crate::i18n::Tr;
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/admin/organisations", get(organisations_page).post(create_organisation))
        .route("/admin/organisations/{id}/email-domains", post(set_email_domains))
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
    /// The organisation whose e-mail domains were refused, with what was typed.
    domains_error: Option<(i64, String, FieldError)>,
}

impl OrganisationsPage {
    fn refused(&self, id: &i64) -> Option<&(i64, String, FieldError)> {
        self.domains_error.as_ref().filter(|d| d.0 == *id)
    }
}

#[derive(Deserialize, Default, Clone)]
struct OrgForm {
    name: String,
    kind: String,
    country: String,
    #[serde(default)]
    email_domains: String,
}

#[derive(Deserialize)]
struct DomainsForm {
    email_domains: String,
}

async fn render_orgs(
    SignedIn { ctx, principal }: SignedIn,
    state: &AppState,
    status: StatusCode,
    form: OrgForm,
    error: Option<FieldError>,
    domains_error: Option<(i64, String, FieldError)>,
) -> PageResult {
    let organisations = directory::list_organisations(&state.db, &principal).await?;
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(status, OrganisationsPage { layout, organisations, kinds: OrgKind::ALL, form, error, domains_error }))
}

async fn organisations_page(reader: SignedIn, State(state): State<AppState>) -> PageResult {
    render_orgs(reader, &state, StatusCode::OK, OrgForm::default(), None, None).await
}

async fn set_email_domains(
    SignedIn { ctx, principal: p }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<DomainsForm>,
) -> PageResult {
    let input = EmailDomains { email_domains: vec![form.email_domains.clone()] };
    match directory::set_email_domains(&state.db, &p, id, &input).await {
        Ok(_) => Ok(Redirect::to("/admin/organisations").into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let error = FieldError::from_error(&ctx.layout.tr, &e);
            let status = e.status();
            render_orgs(
                SignedIn { ctx, principal: p },
                &state,
                status,
                OrgForm::default(),
                None,
                Some((id, form.email_domains, error)),
            )
            .await
        }
    }
}

async fn create_organisation(
    SignedIn { ctx, principal: p }: SignedIn,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> PageResult {
    let input = NewOrganisation {
        name: form.name.clone(),
        kind: form.kind.clone(),
        country: form.country.clone(),
        email_domains: vec![form.email_domains.clone()],
    };
    match directory::create_organisation(&state.db, &p, &input).await {
        Ok(_) => Ok(Redirect::to("/admin/organisations").into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let error = Some(FieldError::from_error(&ctx.layout.tr, &e));
            render_orgs(SignedIn { ctx, principal: p }, &state, e.status(), form, error, None).await
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
    issued: Option<Issued>,
}

/// A generated password for `email`; after a reset, the page also says what the reset ended.
struct Issued {
    email: String,
    password: String,
    after_reset: bool,
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
    SignedIn { ctx, principal }: SignedIn,
    state: &AppState,
    status: StatusCode,
    filter: Option<i64>,
    form: UserForm,
    error: Option<FieldError>,
    issued: Option<Issued>,
) -> PageResult {
    let users = directory::list_users(&state.db, &principal, filter).await?;
    let organisations = directory::list_organisations(&state.db, &principal).await?;
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(
        status,
        UsersPage { layout, users, organisations, roles: Role::ALL, languages: Language::OFFERED, form, error, issued },
    ))
}

async fn users_page(reader: SignedIn, State(state): State<AppState>, Query(q): Query<UsersQuery>) -> PageResult {
    render_users(reader, &state, StatusCode::OK, q.organisation_id, UserForm::default(), None, None).await
}

async fn create_user(
    SignedIn { ctx, principal: p }: SignedIn,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<UserForm>,
) -> PageResult {
    let result = match form.organisation_id.trim().parse::<i64>() {
        Err(_) => Err(AppError::invalid("organisation_id", ErrorCode::UnknownOrganisation, "Choose an organisation.")),
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
            let issued = created.initial_password.map(|password| Issued {
                email: created.user.email.clone(),
                password,
                after_reset: false,
            });
            render_users(
                SignedIn { ctx, principal: p },
                &state,
                StatusCode::CREATED,
                None,
                UserForm::default(),
                None,
                issued,
            )
            .await
        }
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let error = Some(FieldError::from_error(&ctx.layout.tr, &e));
            render_users(SignedIn { ctx, principal: p }, &state, e.status(), None, form, error, None).await
        }
    }
}

#[derive(Deserialize)]
struct Empty {}

async fn user_action(
    SignedIn { ctx, principal: p }: SignedIn,
    State(state): State<AppState>,
    Path((id, action)): Path<(i64, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> PageResult {
    let result = match action.as_str() {
        "deactivate" => directory::set_user_active(&state.db, &p, id, false).await.map(|_| None),
        "reactivate" => directory::set_user_active(&state.db, &p, id, true).await.map(|_| None),
        "reset" => directory::reset_credentials(&state.db, &p, id)
            .await
            .map(|c| c.initial_password.map(|password| Issued { email: c.user.email, password, after_reset: true })),
        _ => Err(AppError::not_found("action")),
    };
    match result {
        Ok(None) => Ok(Redirect::to("/admin/users").into_response()),
        Ok(issued @ Some(_)) => {
            render_users(
                SignedIn { ctx, principal: p },
                &state,
                StatusCode::OK,
                None,
                UserForm::default(),
                None,
                issued,
            )
            .await
        }
        Err(e) => Err(PageError(e)),
    }
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Layout,
    records: Vec<AuditLine>,
    older: Option<i64>,
}

/// A record as an auditor reads it: the action named in their language beside its code.
struct AuditLine {
    when: String,
    who: String,
    action: String,
    target: String,
    record: AuditRecord,
}

impl AuditLine {
    fn new(tr: &Tr, record: AuditRecord) -> Self {
        AuditLine {
            who: tr.actor(&record.actor_label),
            when: tr.when_ms(record.at),
            action: label_or_value(tr, "audit.action", &record.action.replace('.', "_")),
            target: label_or_value(tr, "audit.target", &record.target_kind),
            record,
        }
    }
}

#[derive(Deserialize)]
struct AuditQuery {
    before: Option<i64>,
}

async fn audit_page(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    Query(q): Query<AuditQuery>,
) -> PageResult {
    const PAGE: i64 = 100;
    let records = audit::list(&state.db, &principal, q.before, PAGE).await?;
    let older = (records.len() as i64 == PAGE).then(|| records.last().map(|r| r.seq)).flatten();
    let records = records.into_iter().map(|r| AuditLine::new(&ctx.layout.tr, r)).collect();
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(StatusCode::OK, AuditPage { layout, records, older }))
}
