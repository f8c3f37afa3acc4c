//! Hits: what each side of an overlap is told (the other agency and its point of contact, its
//! own matched item), never the other side's file.

use super::*;

// ---------------------------------------------------------------------------------------------
// Hits

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Hit {
    pub id: i64,
    /// `target`, `place_and_time`, or `detention`.
    pub match_kind: String,
    /// Which keyed form met: `name` (as written), `word_set` (the same words in another order),
    /// `words_joined` (two words written as one), `transliterated`, `spelling` (one slip of the
    /// keyboard), `place_and_time`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub match_form: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<i64>,
    /// Which of the reader's own items matched.
    pub own_item_kind: String,
    pub own_item_label: String,
    /// The other agency and its point of contact; nothing of its file.
    pub other_agency: String,
    pub other_organisation_id: i64,
    pub at: String,
}

/// The hits of the caller's organisation (a coordinator's inbox). A platform administrator
/// reads none: hits are part of the agencies' operations.
pub async fn hits(db: &Db, principal: &Principal) -> AppResult<Vec<Hit>> {
    let org = if principal.is_console() { None } else { Some(principal.org_id) };
    if org.is_some() {
        check(principal, Action::OperationRead, Target::Operation { org_id: principal.org_id })?;
    }
    Ok(sql::hits_of(db.reader(), org, 500)
        .await?
        .into_iter()
        .map(|h| Hit {
            id: h.id,
            match_kind: h.match_kind,
            match_form: h.match_form,
            operation_id: h.operation_id,
            own_item_kind: h.own_item_kind,
            own_item_label: h.own_item_label,
            other_agency: h.other_contact,
            other_organisation_id: h.other_org_id,
            at: format_ms(h.created_at),
        })
        .collect())
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Overview {
    pub operations: usize,
    pub active_operations: usize,
    pub targets: usize,
    pub planned_actions: usize,
    pub hits: usize,
    /// Hits by kind of match.
    pub hits_by_match: BTreeMap<String, usize>,
}

/// A coordinator's overview of the own agency's operations and hits.
pub async fn overview(db: &Db, principal: &Principal) -> AppResult<Overview> {
    let ops = sql::operations_of(db.reader(), principal.org_id).await?;
    check(principal, Action::OperationRead, Target::Operation { org_id: principal.org_id })?;
    let mut targets = 0;
    let mut events = 0;
    for op in &ops {
        targets += sql::targets_of(db.reader(), op.id).await?.len();
        events += sql::events_of(db.reader(), op.id).await?.len();
    }
    let hits = sql::hits_of(db.reader(), Some(principal.org_id), 10_000).await?;
    let mut hits_by_match = BTreeMap::new();
    for h in &hits {
        *hits_by_match.entry(h.match_kind.clone()).or_insert(0) += 1;
    }
    Ok(Overview {
        operations: ops.len(),
        active_operations: ops.iter().filter(|o| o.status == "active").count(),
        targets,
        planned_actions: events,
        hits: hits.len(),
        hits_by_match,
    })
}
