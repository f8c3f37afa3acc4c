//! Hits: what each side of an overlap is told (the other agency and its point of contact, its
//! own matched item), never the other side's file.

use super::*;
use crate::closed_set::UnknownValue;
use crate::error::ErrorCode;

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
    pub own_item_id: i64,
    pub at: String,
    /// This side's acknowledgement, once given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<Acknowledgement>,
    /// What the other side decided, once it acknowledged (its outcome only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_side_outcome: Option<AckOutcome>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Acknowledgement {
    pub outcome: AckOutcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub by: String,
    pub at: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAcknowledgement {
    pub outcome: AckOutcome,
    /// What was agreed, in a line or two.
    #[serde(default)]
    pub note: Option<String>,
}

fn to_hit(h: sql::HitRow) -> Result<Hit, UnknownValue> {
    let acknowledged = match (h.ack_outcome.as_deref().map(AckOutcome::decode).transpose()?, h.ack_at) {
        (Some(outcome), Some(at)) => {
            Some(Acknowledgement { outcome, note: h.ack_note, by: h.ack_by.unwrap_or_default(), at: format_ms(at) })
        }
        _ => None,
    };
    Ok(Hit {
        id: h.id,
        match_kind: h.match_kind,
        match_form: h.match_form,
        operation_id: h.operation_id,
        own_item_kind: h.own_item_kind,
        own_item_label: h.own_item_label,
        other_agency: h.other_contact,
        other_organisation_id: h.other_org_id,
        own_item_id: h.own_item_id,
        at: format_ms(h.created_at),
        acknowledged,
        other_side_outcome: h.other_ack_outcome.as_deref().map(AckOutcome::decode).transpose()?,
    })
}

/// The hits on one of the caller's operations, or on one of its administration's detentions.
pub async fn hits_on(db: &Db, principal: &Principal, operation: Option<i64>, case: Option<i64>) -> AppResult<Vec<Hit>> {
    check(principal, Action::OperationRead, Target::Operation { org_id: principal.org_id })?;
    Ok(sql::hits_on(db.reader(), principal.org_id, operation, case)
        .await?
        .into_iter()
        .map(to_hit)
        .collect::<Result<_, _>>()?)
}

/// The hits on a detention of the reader's administration, for the case page: none for a
/// reader who takes no part in coordination (a rights holder), and never another side's rows.
pub async fn hits_on_case(db: &Db, principal: &Principal, case: i64) -> AppResult<Vec<Hit>> {
    if !super::super::policy::allows(principal, Action::OperationRead, Target::Operation { org_id: principal.org_id }) {
        return Ok(Vec::new());
    }
    hits_on(db, principal, None, Some(case)).await
}

/// A side says what it decided once it talked to the other agency; recorded once, audited with
/// its actor, and the other side is told the outcome (nothing else).
pub async fn acknowledge(db: &Db, principal: &Principal, id: i64, input: NewAcknowledgement) -> AppResult<Hit> {
    let hit = sql::get_hit(db.reader(), id).await?.filter(|h| h.org_id == principal.org_id);
    let hit = hit.ok_or_else(|| AppError::not_found("hit"))?;
    check(principal, Action::OperationEdit, Target::Operation { org_id: principal.org_id })?;
    let note = input.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > 500) {
        return Err(AppError::invalid("note", ErrorCode::TooLong, "Keep the note under 500 characters."));
    }
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    if !sql::acknowledge_hit(&mut tx, id, input.outcome.as_str(), note, &principal.label, now).await? {
        return Err(AppError::conflict(ErrorCode::AlreadyAcknowledged, "This hit was already acknowledged."));
    }
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "coordination.hit_ack", "hit", id)
            .scope(principal.org_id)
            .detail(serde_json::json!({"outcome": input.outcome, "hit_key": hit.hit_key})),
    )
    .await?;
    notify::enqueue(
        &mut tx,
        &Notice {
            event_id: format!("hit-{}-ack-org-{}", hit.hit_key, hit.org_id),
            kind: "operation.hit_acknowledged".into(),
            org_id: hit.other_org_id,
            subject: Sentence::new("notice.hit_acknowledged.subject").label(
                "outcome",
                "ops.ack",
                input.outcome.as_str(),
            ),
            body: vec![Sentence::new("notice.hit_acknowledged.body").label(
                "outcome",
                "ops.ack",
                input.outcome.as_str(),
            )],
            link: "/coordination/hits".into(),
            payload: serde_json::json!({"hit_key": hit.hit_key, "outcome": input.outcome}),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    let row = sql::get_hit(db.reader(), id).await?.ok_or_else(|| AppError::not_found("hit"))?;
    Ok(to_hit(row)?)
}

/// Recalls, once, each hit a side has left unacknowledged for `after`. Safe on several nodes.
pub async fn remind_unacknowledged(db: &Db, after: std::time::Duration) -> AppResult<usize> {
    let now = db.now_ms();
    let before = now - i64::try_from(after.as_millis()).unwrap_or(i64::MAX);
    let mut reminded = 0;
    for (id, org, label) in sql::hits_to_remind(db.reader(), before).await? {
        let mut tx = db.begin().await?;
        if sql::mark_reminded(&mut tx, id, now).await? {
            notify::enqueue(
                &mut tx,
                &Notice {
                    event_id: format!("hit-{id}-reminder"),
                    kind: "operation.hit_reminder".into(),
                    org_id: org,
                    subject: Sentence::new("notice.hit_reminder.subject").text("label", &label),
                    body: vec![Sentence::new("notice.hit_reminder.body")],
                    link: "/coordination/hits".into(),
                    payload: serde_json::json!({"hit": id}),
                },
                now,
            )
            .await?;
            reminded += 1;
        }
        tx.commit().await?;
    }
    Ok(reminded)
}

/// The hits of the caller's organisation (a coordinator's inbox). A platform administrator
/// reads none: hits are part of the agencies' operations.
pub async fn hits(db: &Db, principal: &Principal) -> AppResult<Vec<Hit>> {
    let org = if principal.is_console() { None } else { Some(principal.org_id) };
    if org.is_some() {
        check(principal, Action::OperationRead, Target::Operation { org_id: principal.org_id })?;
    }
    Ok(sql::hits_of(db.reader(), org, 500).await?.into_iter().map(to_hit).collect::<Result<_, _>>()?)
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
