//! Answers, deadlines and silence: the parties' answers, the one extension, the regime applied
//! after each answer or deadline, and the background pass (`tick`).

use super::*;
use crate::closed_set::UnknownValue;
use crate::error::ErrorCode;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerInput {
    /// Whose answer this is: a rights holder answers for itself; an officer records the
    /// declarant's (and that of a rights holder not on the platform).
    pub party: PartyKind,
    pub answer: Answer,
    #[serde(default)]
    pub note: Option<String>,
}

/// A party's answer: the rights holder for itself, or an officer recording the declarant's.
pub async fn answer(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    id: i64,
    input: AnswerInput,
) -> AppResult<Case> {
    let row = sql::get_case(db.reader(), id).await?.ok_or_else(|| AppError::not_found("case"))?;
    let target = case_target(db, principal, &row).await?;
    if !allows(principal, Action::CaseRead, target) {
        return Err(AppError::not_found("case"));
    }
    let as_officer = allows(principal, Action::CaseEdit, target);
    if !as_officer {
        check(principal, Action::CaseAnswer, target)?;
    }
    if parse_state(&row)? != CaseState::Detained {
        return Err(AppError::conflict(
            ErrorCode::NotAwaitingAnswers,
            format!("A {} case takes no more answers.", row.state),
        ));
    }
    let note =
        input.note.as_deref().filter(|n| !n.trim().is_empty()).map(|n| required_text("note", n, 2000)).transpose()?;
    let obligations = sql::obligations(db.reader(), id).await?;
    let mine = obligations.iter().find(|o| {
        o.party == input.party.as_str()
            && o.answer.is_none()
            && o.due_at.is_some()
            && if as_officer { o.party_org_id.is_none() } else { o.party_org_id == Some(principal.org_id) }
    });
    let Some(obligation) = mine else {
        return Err(AppError::conflict(
            ErrorCode::NothingToAnswer,
            format!(
                "There is no open question for the {} on this case{}.",
                input.party.as_str().replace('_', " "),
                if as_officer { " that an officer may record" } else { "" }
            ),
        ));
    };
    let regime = regime_of(rules, &row);
    let procedure = regime.procedures.get(procedure_name(CaseType::decode(&row.case_type)?));
    let rule = procedure.and_then(|p| {
        p.obligations.iter().find(|r| r.party.as_str() == obligation.party && r.starts.as_str() == obligation.starts)
    });
    if let Some(rule) = rule {
        if !rule.answers.contains(&input.answer) {
            let names: Vec<&str> = rule.answers.iter().map(|a| a.as_str()).collect();
            return Err(invalid(
                "answer",
                ErrorCode::AnswerNotAllowed,
                format!("The {} may answer: {}.", input.party.as_str().replace('_', " "), names.join(", ")),
            ));
        }
    }
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    if !sql::answer_obligation(
        &mut tx,
        obligation.id,
        input.answer.as_str(),
        false,
        &principal.label,
        note.as_deref(),
        now,
    )
    .await?
    {
        return Err(AppError::conflict(
            ErrorCode::AlreadyAnswered,
            "This question has been answered in the meantime; reload the case.",
        ));
    }
    sql::add_event(
        &mut tx,
        id,
        &principal.label,
        "answered",
        &serde_json::json!({"party": input.party.as_str(), "answer": input.answer.as_str(), "note": note}).to_string(),
        now,
    )
    .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.answer", "case", id)
            .scope(principal.org_id)
            .detail(serde_json::json!({"party": input.party.as_str(), "answer": input.answer.as_str()})),
    )
    .await?;
    if !as_officer {
        notify_event(
            &mut tx,
            id,
            row.org_id,
            "case.answered",
            &format!("case-{id}-answer-{}", obligation.id),
            Sentence::new("notice.case_answered.subject").text("case", reference(&row)).label(
                "answer",
                "cases.answer",
                input.answer.as_str(),
            ),
            note_body(note.as_deref()),
            now,
        )
        .await?;
    }
    advance(&mut tx, rules, id, now).await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}

/// The rights holder asks for the one extension its regime allows.
pub async fn request_extension(db: &Db, rules: &LegalRules, principal: &Principal, id: i64) -> AppResult<Case> {
    let (row, target) = load(db, principal, id, Action::CaseAnswer).await?;
    let case = build_view(db, rules, principal, row.clone(), target).await?;
    let Some(o) = case.obligations.iter().find(|o| o.organisation_id == Some(principal.org_id) && o.can_extend) else {
        return Err(AppError::conflict(ErrorCode::NoExtension, "No extension is possible: it was used, the deadline has passed, the goods are perishable, or the regime has none."));
    };
    let regime = regime_of(rules, &row);
    let days = regime
        .procedures
        .get("standard")
        .and_then(|p| p.obligations.iter().find(|r| r.party == PartyKind::RightsHolder))
        .map(|r| r.extension_working_days)
        .unwrap_or(0);
    let current =
        sql::obligations(db.reader(), id).await?.into_iter().find(|x| x.id == o.id).and_then(|x| x.due_at).unwrap_or(0);
    let due = rules.calendar(&row.office_country).deadline_after(current, days);
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    if !sql::extend_obligation(&mut tx, o.id, due).await? {
        return Err(AppError::conflict(ErrorCode::NoExtension, "The deadline was extended already."));
    }
    sql::add_event(
        &mut tx,
        id,
        &principal.label,
        "extended",
        &serde_json::json!({"due_at": format_ms(due)}).to_string(),
        now,
    )
    .await?;
    store::audit::append(&mut tx, &AuditEvent::by(principal, "case.extension", "case", id).scope(principal.org_id))
        .await?;
    notify_event(
        &mut tx,
        id,
        row.org_id,
        "case.extended",
        &format!("case-{id}-extension-{}", o.id),
        Sentence::new("notice.case_extended.subject").text("case", reference(&row)).time("due", due),
        Vec::new(),
        now,
    )
    .await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}

/// Applies the regime after an answer or a deadline: silence, obligations that start, and the
/// outcome once everything is in. Runs inside the caller's transaction.
pub(super) async fn advance(tx: &mut Tx, rules: &LegalRules, id: i64, now: i64) -> AppResult<()> {
    let Some(row) = sql::get_case(&mut **tx, id).await? else { return Ok(()) };
    if parse_state(&row)? != CaseState::Detained {
        return Ok(());
    }
    let rows: Vec<ObligationRow> = sql::obligations(&mut **tx, id).await?;
    let mut states: Vec<ObligationState> = rows
        .iter()
        .map(|o| {
            Ok(ObligationState {
                party: PartyKind::decode(&o.party)?,
                starts: Start::decode(&o.starts)?,
                due_at: o.due_at,
                answer: o.answer.as_deref().map(Answer::decode).transpose()?,
                deemed: o.deemed == 1,
                silence: Silence::decode(&o.silence)?,
            })
        })
        .collect::<Result<_, UnknownValue>>()?;
    let next = resolve(&mut states, now);
    for (o, s) in rows.iter().zip(&states) {
        if o.answer.is_none() && s.deemed {
            if let Some(a) = s.answer {
                // Another process's pass may have recorded it first; only the winner writes the event.
                if sql::answer_obligation(tx, o.id, a.as_str(), true, "silence", None, now).await? {
                    sql::add_event(
                        tx,
                        id,
                        "regime",
                        "deemed",
                        &serde_json::json!({"party": o.party, "answer": a.as_str()}).to_string(),
                        now,
                    )
                    .await?;
                }
            }
        }
    }
    let reference = reference(&row);
    match next {
        Next::Waiting => {}
        Next::Start(indices) => {
            let calendar = rules.calendar(&row.office_country);
            let regime = regime_of(rules, &row);
            for i in indices {
                let o = &rows[i];
                let days = regime
                    .procedures
                    .values()
                    .flat_map(|p| p.obligations.iter())
                    .find(|r| r.party.as_str() == o.party && r.starts.as_str() == o.starts)
                    .map(|r| r.working_days)
                    .unwrap_or(10);
                let due = calendar.deadline_after(now, days);
                sql::start_obligation(tx, o.id, due).await?;
                sql::add_event(
                    tx,
                    id,
                    "regime",
                    "obligation_started",
                    &serde_json::json!({"party": o.party, "due_at": format_ms(due)}).to_string(),
                    now,
                )
                .await?;
                if let Some(org) = o.party_org_id {
                    notify_event(
                        tx,
                        id,
                        org,
                        "case.answer_required",
                        &format!("case-{id}-required-{}", o.id),
                        Sentence::new("notice.case_answer_required.subject").text("case", &reference).time("due", due),
                        vec![Sentence::new("notice.case_answer_required.body")],
                        now,
                    )
                    .await?;
                }
            }
        }
        Next::Decide(outcome) => {
            if sql::set_state(tx, id, row.version, CaseState::Answered, Some(outcome), None, now).await? {
                sql::add_event(
                    tx,
                    id,
                    "regime",
                    "answered",
                    &serde_json::json!({"outcome": outcome.as_str()}).to_string(),
                    now,
                )
                .await?;
                notify_event(
                    tx,
                    id,
                    row.org_id,
                    "case.ready",
                    &format!("case-{id}-ready"),
                    Sentence::new("notice.case_ready.subject").text("case", &reference).label(
                        "outcome",
                        "cases.outcome",
                        outcome.as_str(),
                    ),
                    Vec::new(),
                    now,
                )
                .await?;
            }
        }
    }
    Ok(())
}

/// Background work of the procedure: reminders before deadlines and the consequences of
/// silence after them. Safe to run from several processes: each step is claimed by a
/// conditional update, so it happens once.
pub async fn tick(db: &Db, rules: &LegalRules, now: i64) -> AppResult<usize> {
    // Reminders go out up to a few working days ahead; look a fortnight ahead at most.
    let horizon = now + 14 * 24 * 3600 * 1000;
    let due = sql::obligations_due_before(db.reader(), horizon, 500).await?;
    let mut done = 0;
    for o in due {
        let Some(row) = sql::get_case(db.reader(), o.case_id).await? else { continue };
        let Some(due_at) = o.due_at else { continue };
        let calendar = rules.calendar(&row.office_country);
        let regime = regime_of(rules, &row);
        let mut tx = db.begin().await?;
        if now > due_at {
            advance(&mut tx, rules, o.case_id, now).await?;
            done += 1;
        } else if o.reminded_at.is_none()
            && o.party_org_id.is_some()
            && calendar.working_days_left(now, due_at) <= regime.reminder_working_days_before
            && sql::claim_reminder(&mut tx, o.id, now).await?
        {
            let org = o.party_org_id.unwrap_or_default();
            notify_event(
                &mut tx,
                o.case_id,
                org,
                "case.deadline_reminder",
                &format!("case-{}-reminder-{}-{}", o.case_id, o.id, due_at),
                Sentence::new("notice.deadline_reminder.subject").text("case", reference(&row)).time("due", due_at),
                vec![Sentence::new("notice.deadline_reminder.body").label("silence", "cases.silence", &o.silence)],
                now,
            )
            .await?;
            done += 1;
        }
        tx.commit().await?;
    }
    Ok(done)
}

/// Runs [`tick`] every `period` until the process ends.
/// Each round beats `beat` (see [`crate::ops::workers`], whose `spawn_deadlines` holds the
/// worker's running guard); a round that succeeds is also timed for `/metrics`.
pub async fn run_deadlines(
    db: Db,
    rules: std::sync::Arc<LegalRules>,
    period: std::time::Duration,
    beat: crate::ops::workers::Heartbeat,
) {
    let mut interval = tokio::time::interval(period);
    loop {
        interval.tick().await;
        let started_ms = crate::domain::now_ms();
        let timer = std::time::Instant::now();
        match tick(&db, &rules, db.now_ms()).await {
            Ok(_) => {
                crate::ops::metrics::deadline_pass_ran(timer.elapsed());
                beat.succeeded(started_ms);
            }
            Err(e) => {
                beat.beat();
                tracing::warn!(error = %e, "deadline pass failed; retrying on the next tick");
            }
        }
    }
}
