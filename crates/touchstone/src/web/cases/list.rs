//! The case list: the cases the reader may see, by state, with their next deadline.

use super::*;

#[derive(Deserialize, Default)]
pub(super) struct ListQuery {
    state: Option<String>,
}

struct StateOption {
    value: &'static str,
    selected: bool,
}

struct SummaryView {
    id: i64,
    reference: String,
    goods: String,
    state: &'static str,
    outcome: Option<&'static str>,
    deadline: Option<String>,
}

#[derive(Template)]
#[template(path = "cases_list.html")]
struct ListPage {
    layout: Layout,
    cases: Vec<SummaryView>,
    states: Vec<StateOption>,
    filtered: bool,
    can_create: bool,
}

pub(super) async fn list_page(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    q: Result<Query<ListQuery>, QueryRejection>,
) -> PageResult {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let state = q.state.as_deref().and_then(CaseState::parse);
    let filter = CaseListFilter { state, limit: 500, offset: 0 };
    let list = cases::list_cases(&s.db, &s.legal, &p, &filter).await?;
    let cases = list
        .into_iter()
        .map(|c| SummaryView {
            id: c.id,
            reference: c.reference,
            goods: c.goods,
            state: c.state.as_str(),
            outcome: c.outcome.map(CaseOutcome::as_str),
            deadline: c.next_deadline.as_deref().map(|d| ctx.layout.tr.when(d)),
        })
        .collect();
    let states =
        CaseState::ALL.iter().map(|v| StateOption { value: v.as_str(), selected: state == Some(*v) }).collect();
    let can_create = cases::may_create(&p);
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(StatusCode::OK, ListPage { layout, cases, states, filtered: state.is_some(), can_create }))
}
