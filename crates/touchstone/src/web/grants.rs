//! Access grants in the pages: a customs administration's organisation administrator (or the
//! platform administrator) gives, changes and revokes grants and answers agencies' requests on
//! `/admin/grants`; a police force or another agency sees on `/access` what it holds, what it
//! can ask for and whom to ask, and asks.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use serde::Deserialize;

use super::CsrfForm;
use super::{clone_layout, shown_in_place, Ctx, FieldError, Layout, PageError, PageId, PageResult, Pages, SignedIn};
use crate::domain::coordination::{self, AccessRequest, Grant, GrantChange, NewAccessRequest, NewGrant, Scope};
use crate::domain::directory::Organisation;
use crate::domain::policy::Principal;
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/admin/grants", get(grants_page).post(give_grant))
        .route("/admin/grants/{id}/change", post(change_grant))
        .route("/admin/grants/{id}/revoke", post(revoke_grant))
        .route("/admin/grants/requests/{id}/decline", post(decline_request))
        .route("/access", get(access_page).post(ask_for_access))
}

/// A grant's form as typed: scopes are the ticked boxes (`scope=…`, repeated).
#[derive(Default, Clone)]
struct GrantForm {
    grantee: String,
    grantor: String,
    scopes: Vec<String>,
    reason: String,
    expires_on: String,
    request: String,
}

impl GrantForm {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
        GrantForm {
            grantee: get("grantee"),
            grantor: get("grantor"),
            scopes: pairs.iter().filter(|(k, _)| k == "scope").map(|(_, v)| v.clone()).collect(),
            reason: get("reason"),
            expires_on: get("expires_on"),
            request: get("request"),
        }
    }
    fn has(&self, scope: &Scope) -> bool {
        self.scopes.iter().any(|s| s == scope.as_str())
    }
    fn scopes(&self) -> Vec<Scope> {
        self.scopes.iter().filter_map(|s| Scope::parse(s)).collect()
    }
}

fn parse_org(raw: &str) -> Option<i64> {
    super::parse_id(raw)
}

#[derive(Template)]
#[template(path = "admin_grants.html")]
struct GrantsPage {
    layout: Layout,
    grants: Vec<Grant>,
    requests: Vec<AccessRequest>,
    agencies: Vec<Organisation>,
    /// For the platform administrator: in whose name the grant is given.
    grantors: Vec<Organisation>,
    scopes: &'static [Scope],
    form: GrantForm,
    error: FieldError,
    /// The grant whose change was refused, with the refusal.
    change_error: Option<(i64, FieldError)>,
}

impl GrantsPage {
    fn change_refused(&self, id: &i64) -> Option<&FieldError> {
        self.change_error.as_ref().filter(|(g, _)| g == id).map(|(_, e)| e)
    }
    fn grant_has(&self, g: &Grant, scope: &Scope) -> bool {
        g.scopes.contains(scope)
    }
    fn expires_on(&self, g: &Grant) -> String {
        g.expires_at.get(..10).unwrap_or_default().to_string()
    }
}

#[derive(Deserialize, Default)]
struct GrantsQuery {
    request: Option<String>,
}

async fn grants_page(
    SignedIn { ctx, principal }: SignedIn,
    State(s): State<AppState>,
    Query(q): Query<GrantsQuery>,
) -> PageResult {
    let mut form = GrantForm {
        expires_on: (time::OffsetDateTime::now_utc().date() + time::Duration::days(365)).to_string(),
        ..GrantForm::default()
    };
    // Answering a request fills the form with what the agency asked for.
    if let Some(id) = q.request.as_deref().and_then(super::parse_id) {
        let requests = coordination::access_requests(&s.db, &principal).await?;
        if let Some(r) = requests.iter().find(|r| r.id == id && r.outcome.is_none()) {
            form.grantee = r.organisation_id.to_string();
            form.scopes = r.scopes.iter().map(|s| s.as_str().to_string()).collect();
            form.reason = r.reason.clone();
            form.request = r.id.to_string();
        }
    }
    render_grants(ctx, &s, &principal, form, FieldError::default(), None).await
}

async fn render_grants(
    ctx: Ctx,
    s: &AppState,
    p: &Principal,
    form: GrantForm,
    error: FieldError,
    change_error: Option<(i64, FieldError)>,
) -> PageResult {
    let agencies = coordination::grantable_agencies(&s.db, p).await?;
    let grants = coordination::list_grants(&s.db, p).await?;
    let requests = coordination::access_requests(&s.db, p).await?;
    let grantors = if p.is_platform_admin() { coordination::customs_administrations(&s.db).await? } else { Vec::new() };
    let status = change_error.as_ref().map(|(_, e)| e.status).unwrap_or(if error.message.is_empty() {
        StatusCode::OK
    } else {
        error.status
    });
    let layout = clone_layout(&ctx.layout);
    let page =
        GrantsPage { layout, grants, requests, agencies, grantors, scopes: Scope::ALL, form, error, change_error };
    Ok(ctx.render(status, page))
}

async fn give_grant(
    SignedIn { ctx, principal }: SignedIn,
    State(s): State<AppState>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    let form = GrantForm::from_pairs(&pairs);
    let input = NewGrant {
        grantee_organisation_id: parse_org(&form.grantee).unwrap_or(0),
        scopes: form.scopes(),
        reason: form.reason.clone(),
        expires_on: form.expires_on.clone(),
        grantor_organisation_id: parse_org(&form.grantor),
        request_id: parse_org(&form.request),
    };
    match coordination::create_grant(&s.db, &principal, input).await {
        Ok(_) => Ok(Redirect::to("/admin/grants").into_response()),
        Err(e) if shown_in_place(&e) => {
            let error = FieldError::from_error(&ctx.layout.tr, &e);
            render_grants(ctx, &s, &principal, form, error, None).await
        }
        Err(e) => Err(PageError(e)),
    }
}

async fn change_grant(
    SignedIn { ctx, principal }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    let form = GrantForm::from_pairs(&pairs);
    let change =
        GrantChange { scopes: form.scopes(), reason: form.reason.clone(), expires_on: form.expires_on.clone() };
    match coordination::change_grant(&s.db, &principal, id, change).await {
        Ok(_) => Ok(Redirect::to("/admin/grants").into_response()),
        Err(e) if shown_in_place(&e) => {
            let error = FieldError::from_error(&ctx.layout.tr, &e);
            render_grants(ctx, &s, &principal, GrantForm::default(), FieldError::default(), Some((id, error))).await
        }
        Err(e) => Err(PageError(e)),
    }
}

#[derive(Deserialize)]
struct Empty {}

async fn revoke_grant(
    SignedIn { principal, .. }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    CsrfForm(_): CsrfForm<Empty>,
) -> PageResult {
    coordination::revoke_grant(&s.db, &principal, id).await?;
    Ok(Redirect::to("/admin/grants").into_response())
}

async fn decline_request(
    SignedIn { principal, .. }: SignedIn,
    State(s): State<AppState>,
    PageId(id): PageId,
    CsrfForm(_): CsrfForm<Empty>,
) -> PageResult {
    coordination::decline_access_request(&s.db, &principal, id).await?;
    Ok(Redirect::to("/admin/grants").into_response())
}

#[derive(Template)]
#[template(path = "access.html")]
struct AccessPage {
    layout: Layout,
    /// Grants the agency received, in force or not.
    grants: Vec<Grant>,
    requests: Vec<AccessRequest>,
    /// Whom to ask: the customs administrations of its country, then the platform's operators.
    grantors: Vec<Organisation>,
    scopes: &'static [Scope],
    form: GrantForm,
    error: FieldError,
    sent: bool,
}

impl AccessPage {
    fn holds(&self, scope: &Scope) -> bool {
        self.grants.iter().any(|g| g.active && g.scopes.contains(scope))
    }
}

#[derive(Deserialize, Default)]
struct AccessQuery {
    sent: Option<String>,
}

async fn access_page(
    SignedIn { ctx, principal }: SignedIn,
    State(s): State<AppState>,
    Query(q): Query<AccessQuery>,
) -> PageResult {
    render_access(ctx, &s, &principal, GrantForm::default(), FieldError::default(), q.sent.is_some()).await
}

async fn render_access(
    ctx: Ctx,
    s: &AppState,
    p: &Principal,
    form: GrantForm,
    error: FieldError,
    sent: bool,
) -> PageResult {
    // Only an agency asks; the others learn nothing here.
    let requests = coordination::access_requests(&s.db, p).await?;
    if !matches!(p.org_kind, crate::domain::types::OrgKind::Police | crate::domain::types::OrgKind::OtherEnforcement) {
        return Err(PageError(crate::error::AppError::forbidden()));
    }
    let grants = coordination::list_grants(&s.db, p).await?;
    let grantors = coordination::grantors_for(&s.db, p).await?;
    let status = if error.message.is_empty() { StatusCode::OK } else { error.status };
    let layout = clone_layout(&ctx.layout);
    let page = AccessPage { layout, grants, requests, grantors, scopes: Scope::ALL, form, error, sent };
    Ok(ctx.render(status, page))
}

async fn ask_for_access(
    SignedIn { ctx, principal }: SignedIn,
    State(s): State<AppState>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    let form = GrantForm::from_pairs(&pairs);
    let input = NewAccessRequest { scopes: form.scopes(), reason: form.reason.clone() };
    match coordination::request_access(&s.db, &principal, input).await {
        Ok(_) => Ok(Redirect::to("/access?sent=1").into_response()),
        Err(e) if shown_in_place(&e) => {
            let error = FieldError::from_error(&ctx.layout.tr, &e);
            render_access(ctx, &s, &principal, form, error, false).await
        }
        Err(e) => Err(PageError(e)),
    }
}
