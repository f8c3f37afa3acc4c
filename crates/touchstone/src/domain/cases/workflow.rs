//! The workflow: which step is allowed from which state, and what each step writes.

use super::*;
use crate::error::ErrorCode;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    pub action: CaseAction,
    /// For `decide`: the decision; the regime's outcome when absent.
    #[serde(default)]
    pub outcome: Option<CaseOutcome>,
    #[serde(default)]
    pub note: Option<String>,
    /// When given, the step is refused with 409 if the case has changed since.
    #[serde(default)]
    pub version: Option<i64>,
}

impl Stamp {
    fn of(self, row: &CaseRow) -> Option<i64> {
        match self {
            Stamp::Detained => row.detained_at,
            Stamp::DeclarantNotified => row.declarant_notified_at,
            Stamp::Decided => row.decided_at,
            Stamp::Closed => row.closed_at,
        }
    }
}

/// One step an officer takes: the states it may be taken from, the state it leads to (`None`:
/// the state stays), the time it stamps (a step whose stamp is set is not offered again), the
/// timeline event it writes, and the notice the rights holders concerned receive.
pub(super) struct Step {
    pub action: CaseAction,
    pub from: &'static [CaseState],
    pub to: Option<CaseState>,
    pub stamp: Stamp,
    pub event: &'static str,
    pub notice: Option<&'static str>,
}

/// The workflow, whole. Detained → answered is not here: the regime moves a case there once the
/// answers are in or their deadlines have passed ([`super::deadlines`]).
pub(super) const WORKFLOW: [Step; 4] = [
    Step {
        action: CaseAction::Detain,
        from: &[CaseState::Draft],
        to: Some(CaseState::Detained),
        stamp: Stamp::Detained,
        event: "detained",
        notice: Some("case.detained"),
    },
    Step {
        action: CaseAction::RecordDeclarantNotice,
        from: &[CaseState::Detained],
        to: None,
        stamp: Stamp::DeclarantNotified,
        event: "declarant_notified",
        notice: None,
    },
    Step {
        action: CaseAction::Decide,
        from: &[CaseState::Detained, CaseState::Answered],
        to: Some(CaseState::Decided),
        stamp: Stamp::Decided,
        event: "decided",
        notice: Some("case.decided"),
    },
    Step {
        action: CaseAction::Close,
        from: &[CaseState::Decided],
        to: Some(CaseState::Closed),
        stamp: Stamp::Closed,
        event: "closed",
        notice: Some("case.closed"),
    },
];

fn step_of(action: CaseAction) -> &'static Step {
    let i = WORKFLOW.iter().position(|s| s.action == action).unwrap_or_default();
    &WORKFLOW[i]
}

/// The steps the workflow allows from a case's state, in the table's order.
pub(super) fn allowed(state: CaseState, row: &CaseRow) -> Vec<CaseAction> {
    WORKFLOW.iter().filter(|s| s.from.contains(&state) && s.stamp.of(row).is_none()).map(|s| s.action).collect()
}

pub(super) fn invalid_transition(state: CaseState, action: CaseAction, allowed: &[CaseAction]) -> AppError {
    let names: Vec<&str> = allowed.iter().map(|a| a.as_str()).collect();
    AppError::conflict(
        ErrorCode::InvalidTransition,
        if names.is_empty() {
            format!("A {} case allows no further step ('{}' refused).", state.as_str(), action.as_str())
        } else {
            format!("A {} case cannot '{}'; allowed now: {}.", state.as_str(), action.as_str(), names.join(", "))
        },
    )
}

pub async fn transition(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    id: i64,
    step: Transition,
) -> AppResult<Case> {
    let (row, _) = load(db, principal, id, Action::CaseEdit).await?;
    if step.version.is_some_and(|v| v != row.version) {
        return Err(conflict());
    }
    let note =
        step.note.as_deref().filter(|n| !n.trim().is_empty()).map(|n| required_text("note", n, 2000)).transpose()?;
    let state = parse_state(&row)?;
    let allowed_now = allowed(state, &row);
    if !allowed_now.contains(&step.action) {
        return Err(invalid_transition(state, step.action, &allowed_now));
    }
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    if step.action == CaseAction::Detain {
        let brands: Vec<(i64, i64)> =
            sql::case_brands(&mut *tx, id).await?.into_iter().map(|(b, _, o)| (b, o)).collect();
        detain(&mut tx, rules, principal, &row, &brands, now).await?;
    } else {
        take_step(&mut tx, db, principal, &row, &step, note, now).await?;
    }
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.transition", "case", id)
            .detail(serde_json::json!({"action": step.action.as_str(), "outcome": step.outcome.map(|o| o.as_str())})),
    )
    .await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}

/// A step other than detention, as its row in [`WORKFLOW`] says: the new state and stamp, the
/// event, and the notice to the rights holders concerned. Only a decision changes the outcome.
async fn take_step(
    tx: &mut Tx,
    db: &Db,
    principal: &Principal,
    row: &CaseRow,
    step: &Transition,
    note: Option<String>,
    now: i64,
) -> AppResult<()> {
    let row_step = step_of(step.action);
    let state = parse_state(row)?;
    let outcome = if step.action == CaseAction::Decide {
        let proposed = row.outcome.as_deref().map(CaseOutcome::decode).transpose()?;
        let outcome = step.outcome.or(proposed).ok_or_else(|| {
            invalid(
                "outcome",
                ErrorCode::OutcomeRequired,
                "Choose the decision: destruction, legal_proceedings or released.",
            )
        })?;
        if state == CaseState::Detained && outcome == CaseOutcome::Destruction {
            return Err(AppError::conflict(
                ErrorCode::AnswersPending,
                "Destruction needs the parties' agreement or the end of their deadlines; the answers are not all in.",
            ));
        }
        Some(outcome)
    } else {
        row.outcome.as_deref().map(CaseOutcome::decode).transpose()?
    };
    let to = row_step.to.unwrap_or(state);
    if !sql::set_state(tx, row.id, row.version, to, outcome, Some(row_step.stamp), now).await? {
        return Err(conflict());
    }
    let detail = match step.action {
        CaseAction::Decide => serde_json::json!({"outcome": outcome, "note": note}),
        _ => serde_json::json!({"note": note}),
    };
    sql::add_event(tx, row.id, &principal.label, row_step.event, &detail.to_string(), now).await?;
    if let Some(kind) = row_step.notice {
        let subject = match outcome {
            Some(o) => Sentence::new("notice.case_step_outcome.subject").label("outcome", "cases.outcome", o.as_str()),
            None => Sentence::new("notice.case_step.subject"),
        }
        .text("case", reference(row))
        .label("step", "cases.event", row_step.event);
        for org in concerned_orgs(db, row.id).await? {
            notify_org(tx, row.id, org, kind, subject.clone(), note_body(note.as_deref()), now).await?;
        }
    }
    Ok(())
}

/// Starts the legal procedure: obligations with their deadlines, and the notices.
pub(super) async fn detain(
    tx: &mut Tx,
    rules: &LegalRules,
    principal: &Principal,
    row: &CaseRow,
    brands: &[(i64, i64)],
    now: i64,
) -> AppResult<()> {
    let row_step = step_of(CaseAction::Detain);
    let to = row_step.to.unwrap_or(CaseState::Detained);
    if !sql::set_state(tx, row.id, row.version, to, None, Some(row_step.stamp), now).await? {
        return Err(AppError::conflict(
            ErrorCode::VersionConflict,
            "The case changed in the meantime; reload it and try again.",
        ));
    }
    let regime = regime_of(rules, row);
    let calendar = rules.calendar(&row.office_country);
    let case_type = CaseType::decode(&row.case_type)?;
    let procedure_name = procedure_name(case_type);
    let procedure = regime
        .procedures
        .get(procedure_name)
        .or_else(|| regime.procedures.get("standard"))
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("regime {} has no standard procedure", regime.id)))?;
    sql::set_notify_due(tx, row.id, calendar.deadline_after(now, regime.notify_within_working_days)).await?;
    let rights_holders: BTreeSet<i64> = brands.iter().map(|(_, owner)| *owner).collect();
    let mut position = 0;
    for o in &procedure.obligations {
        let days = if case_type == CaseType::Perishable {
            o.perishable_working_days.unwrap_or(o.working_days)
        } else {
            o.working_days
        };
        let due = (o.starts == Start::OnDetention).then(|| calendar.deadline_after(now, days));
        let orgs: Vec<Option<i64>> = match o.party {
            PartyKind::RightsHolder if !rights_holders.is_empty() => rights_holders.iter().map(|o| Some(*o)).collect(),
            _ => vec![None],
        };
        for org in orgs {
            sql::insert_obligation(
                tx,
                row.id,
                position,
                o.party.as_str(),
                org,
                o.starts.as_str(),
                o.silence.as_str(),
                due,
            )
            .await?;
            position += 1;
        }
    }
    sql::add_event(
        tx,
        row.id,
        &principal.label,
        row_step.event,
        &serde_json::json!({"regime": regime.id, "procedure": procedure_name}).to_string(),
        now,
    )
    .await?;
    store::audit::append(tx, &AuditEvent::by(principal, "case.detain", "case", row.id)).await?;
    let sheet = decode_sheet(row)?;
    let reference = reference(row);
    if let Some(kind) = row_step.notice.filter(|_| procedure.notify.contains(&PartyKind::RightsHolder)) {
        for org in &rights_holders {
            notify_org(
                tx,
                row.id,
                *org,
                kind,
                Sentence::new("notice.case_detained.subject").text("case", &reference),
                vec![Sentence::verbatim(goods_summary(&sheet)), Sentence::new("notice.case_detained.body")],
                now,
            )
            .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(state: CaseState, declarant_notified: bool) -> CaseRow {
        let stamped = |s: &[CaseState]| s.contains(&state).then_some(1);
        CaseRow {
            id: 1,
            org_id: 1,
            created_by: 1,
            office_country: "FR".into(),
            regime_id: "eu-608-2013".into(),
            case_type: "standard".into(),
            state: state.as_str().into(),
            outcome: None,
            sheet: "{}".into(),
            version: 1,
            request_hash: None,
            detained_at: stamped(&[CaseState::Detained, CaseState::Answered, CaseState::Decided, CaseState::Closed]),
            notify_due_at: None,
            declarant_notified_at: declarant_notified.then_some(1),
            decided_at: stamped(&[CaseState::Decided, CaseState::Closed]),
            closed_at: stamped(&[CaseState::Closed]),
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn every_step_has_one_row_and_the_table_allows_what_the_workflow_says() {
        for a in CaseAction::ALL {
            assert_eq!(WORKFLOW.iter().filter(|s| s.action == *a).count(), 1, "{}", a.as_str());
        }
        use CaseAction::*;
        let expected: [(CaseState, bool, &[CaseAction]); 6] = [
            (CaseState::Draft, false, &[Detain]),
            (CaseState::Detained, false, &[RecordDeclarantNotice, Decide]),
            (CaseState::Detained, true, &[Decide]),
            (CaseState::Answered, true, &[Decide]),
            (CaseState::Decided, true, &[Close]),
            (CaseState::Closed, true, &[]),
        ];
        for (state, notified, steps) in expected {
            assert_eq!(allowed(state, &row(state, notified)), steps, "{} (notified: {notified})", state.as_str());
        }
    }
}
