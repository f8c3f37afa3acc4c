//! The figures of how the cases the reader may see ended.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;

use super::cases::label_or;
use super::{clone_layout, Layout, PageResult, Pages, SignedIn};
use crate::domain::cases::{self, CaseState};
use crate::domain::regime::CaseOutcome;
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new().route("/stats", get(stats_page))
}

struct Bar {
    label: String,
    count: i64,
    /// Share of the longest bar, 0 to 100.
    width: i64,
}

fn bars(rows: Vec<(String, i64)>) -> Vec<Bar> {
    let max = rows.iter().map(|(_, c)| *c).max().unwrap_or(0).max(1);
    rows.into_iter().map(|(label, count)| Bar { label, count, width: count * 100 / max }).collect()
}

#[derive(Template)]
#[template(path = "stats.html")]
struct StatsPage {
    layout: Layout,
    by_state: Vec<Bar>,
    by_outcome: Vec<Bar>,
    total: i64,
}

async fn stats_page(SignedIn { ctx, principal: p }: SignedIn, State(s): State<AppState>) -> PageResult {
    let counts = cases::stats(&s.db, &p).await?;
    let tr = ctx.layout.tr;
    let by_state = CaseState::ALL
        .iter()
        .map(|st| {
            let n = counts.iter().filter(|c| c.state == *st).map(|c| c.count).sum();
            (label_or(&tr, "cases.state", st.as_str()), n)
        })
        .collect();
    // An outcome counts once it is decided; an answered case only has the regime's proposal.
    let by_outcome = CaseOutcome::ALL
        .iter()
        .map(|o| {
            let n = counts
                .iter()
                .filter(|c| c.outcome == Some(*o) && matches!(c.state, CaseState::Decided | CaseState::Closed))
                .map(|c| c.count)
                .sum();
            (label_or(&tr, "cases.outcome", o.as_str()), n)
        })
        .collect();
    let total = counts.iter().map(|c| c.count).sum();
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(StatusCode::OK, StatsPage { layout, by_state: bars(by_state), by_outcome: bars(by_outcome), total }))
}
