//! The home page: the alerts in force for an enforcement reader, and how many of the reader's
//! cases are still open.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::alerts::validity;
use super::{clone_layout, Layout, SignedIn};
use crate::domain::alerts;
use crate::domain::cases::{self, CaseListFilter, CaseState};
use crate::domain::policy::Principal;
use crate::i18n::Tr;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    cases: HomeCases,
}

pub(super) async fn home(SignedIn { ctx, principal }: SignedIn, State(state): State<AppState>) -> Response {
    // An agency holding no grant has one page to start from: what it can ask for, and whom.
    if ctx.layout.without_grant() {
        return axum::response::Redirect::to("/access").into_response();
    }
    let cases = home_cases(&state, &principal, &ctx.layout.tr).await;
    let layout = clone_layout(&ctx.layout);
    ctx.render(StatusCode::OK, HomePage { layout, cases })
}

pub struct HomeAlert {
    pub id: i64,
    pub title: super::content::Shown,
    pub validity: String,
}

/// What the home page shows of cases and alerts: the alerts in force for an enforcement
/// reader, and how many of the reader's cases are still open.
#[derive(Default)]
pub struct HomeCases {
    pub alerts: Vec<HomeAlert>,
    pub open_cases: Option<usize>,
}

async fn home_cases(s: &AppState, p: &Principal, tr: &Tr) -> HomeCases {
    let mut out = HomeCases::default();
    if p.org_kind.is_enforcement() {
        if let Ok(list) = alerts::list_alerts(&s.db, p, 20, 0).await {
            out.alerts = list
                .iter()
                .filter(|a| a.in_force)
                .map(|a| HomeAlert { id: a.id, title: super::alerts::title_of(tr, a), validity: validity(tr, a) })
                .collect();
        }
    }
    let filter = CaseListFilter { state: None, limit: 500, offset: 0 };
    if let Ok(list) = cases::list_cases(&s.db, &s.legal, p, &filter).await {
        out.open_cases = Some(list.iter().filter(|c| c.state != CaseState::Closed).count());
    }
    out
}
