//! The workflow: which step is allowed from which state, and what each step writes.

use super::*;

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

/// The steps the workflow allows from a state.
pub(super) fn allowed(state: CaseState, row: &CaseRow) -> Vec<CaseAction> {
    match state {
        CaseState::Draft => vec![CaseAction::Detain],
        CaseState::Detained if row.declarant_notified_at.is_none() => {
            vec![CaseAction::RecordDeclarantNotice, CaseAction::Decide]
        }
        CaseState::Detained => vec![CaseAction::Decide],
        CaseState::Answered => vec![CaseAction::Decide],
        CaseState::Decided => vec![CaseAction::Close],
        CaseState::Closed => vec![],
    }
}

pub(super) fn invalid_transition(state: CaseState, action: CaseAction, allowed: &[CaseAction]) -> AppError {
    let names: Vec<&str> = allowed.iter().map(|a| a.as_str()).collect();
    AppError::conflict(
        "invalid_transition",
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
    let state = parse_state(&row);
    let allowed_now = allowed(state, &row);
    if !allowed_now.contains(&step.action) {
        return Err(invalid_transition(state, step.action, &allowed_now));
    }
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    let reference = reference(&row);
    match step.action {
        CaseAction::Detain => {
            let brands: Vec<(i64, i64)> =
                sql::case_brands(&mut *tx, id).await?.into_iter().map(|(b, _, o)| (b, o)).collect();
            detain(&mut tx, rules, principal, &row, &brands, now).await?;
        }
        CaseAction::RecordDeclarantNotice => {
            if !sql::set_state(
                &mut tx,
                id,
                row.version,
                &row.state,
                row.outcome.as_deref(),
                Some("declarant_notified_at"),
                now,
            )
            .await?
            {
                return Err(conflict());
            }
            sql::add_event(
                &mut tx,
                id,
                &principal.label,
                "declarant_notified",
                &serde_json::json!({"note": note}).to_string(),
                now,
            )
            .await?;
        }
        CaseAction::Decide => {
            let proposed = row.outcome.as_deref().and_then(CaseOutcome::parse);
            let outcome = step.outcome.or(proposed).ok_or_else(|| {
                invalid(
                    "outcome",
                    "outcome_required",
                    "Choose the decision: destruction, legal_proceedings or released.",
                )
            })?;
            if state == CaseState::Detained && outcome == CaseOutcome::Destruction {
                return Err(AppError::conflict("answers_pending", "Destruction needs the parties' agreement or the end of their deadlines; the answers are not all in."));
            }
            if !sql::set_state(
                &mut tx,
                id,
                row.version,
                CaseState::Decided.as_str(),
                Some(outcome.as_str()),
                Some("decided_at"),
                now,
            )
            .await?
            {
                return Err(conflict());
            }
            sql::add_event(
                &mut tx,
                id,
                &principal.label,
                "decided",
                &serde_json::json!({"outcome": outcome.as_str(), "note": note}).to_string(),
                now,
            )
            .await?;
            for org in concerned_orgs(db, id).await? {
                notify_org(
                    &mut tx,
                    id,
                    org,
                    "case.decided",
                    &format!("Case {reference} decided: {}", outcome_words(outcome)),
                    &note.clone().unwrap_or_default(),
                    now,
                )
                .await?;
            }
        }
        CaseAction::Close => {
            if !sql::set_state(
                &mut tx,
                id,
                row.version,
                CaseState::Closed.as_str(),
                row.outcome.as_deref(),
                Some("closed_at"),
                now,
            )
            .await?
            {
                return Err(conflict());
            }
            sql::add_event(
                &mut tx,
                id,
                &principal.label,
                "closed",
                &serde_json::json!({"note": note}).to_string(),
                now,
            )
            .await?;
            let outcome = row.outcome.as_deref().and_then(CaseOutcome::parse).map(outcome_words).unwrap_or("closed");
            for org in concerned_orgs(db, id).await? {
                notify_org(
                    &mut tx,
                    id,
                    org,
                    "case.closed",
                    &format!("Case {reference} closed: {outcome}"),
                    &note.clone().unwrap_or_default(),
                    now,
                )
                .await?;
            }
        }
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

/// Starts the legal procedure: obligations with their deadlines, and the notices.
pub(super) async fn detain(
    tx: &mut Tx,
    rules: &LegalRules,
    principal: &Principal,
    row: &CaseRow,
    brands: &[(i64, i64)],
    now: i64,
) -> AppResult<()> {
    if !sql::set_state(tx, row.id, row.version, CaseState::Detained.as_str(), None, Some("detained_at"), now).await? {
        return Err(AppError::conflict(
            "version_conflict",
            "The case changed in the meantime; reload it and try again.",
        ));
    }
    let regime = regime_of(rules, row);
    let calendar = rules.calendar(&row.office_country);
    let case_type = CaseType::parse(&row.case_type).unwrap_or(CaseType::Standard);
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
                o_silence(o.silence),
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
        "detained",
        &serde_json::json!({"regime": regime.id, "procedure": procedure_name}).to_string(),
        now,
    )
    .await?;
    store::audit::append(tx, &AuditEvent::by(principal, "case.detain", "case", row.id)).await?;
    let sheet = decode_sheet(row)?;
    let reference = reference(row);
    if procedure.notify.contains(&PartyKind::RightsHolder) {
        for org in &rights_holders {
            notify_org(
                tx,
                row.id,
                *org,
                "case.detained",
                &format!("Goods bearing your marks detained: case {reference}"),
                &format!("{}\n\nOpen the case to answer before the deadline.", goods_summary(&sheet)),
                now,
            )
            .await?;
        }
    }
    Ok(())
}

pub(super) fn o_silence(s: Silence) -> &'static str {
    s.as_str()
}
