//! Sharing a case with another enforcement agency, and withdrawing it.

use super::*;
use crate::error::ErrorCode;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShareInput {
    /// The agency (police or other enforcement) to share with.
    pub organisation_id: i64,
    pub note: String,
}

/// Shares a case with another agency, which then reads it and takes part in its thread while
/// its access grant allows case sharing.
pub async fn share_case(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    id: i64,
    input: ShareInput,
) -> AppResult<Case> {
    let (row, _) = load(db, principal, id, Action::CaseEdit).await?;
    let org = store::directory::get_organisation(db.reader(), input.organisation_id)
        .await?
        .ok_or_else(|| invalid("organisation_id", ErrorCode::UnknownOrganisation, "No organisation has this id."))?;
    if !org.kind.is_enforcement() || org.id == row.org_id {
        return Err(invalid(
            "organisation_id",
            ErrorCode::NotAnAgency,
            "Cases are shared with another enforcement agency (police, other enforcement).",
        ));
    }
    let note = required_text("note", &input.note, 2000)?;
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    sql::share(&mut tx, id, org.id, &note, &principal.label, now).await?;
    sql::add_event(
        &mut tx,
        id,
        &principal.label,
        "shared",
        &serde_json::json!({"organisation": org.name}).to_string(),
        now,
    )
    .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.share", "case", id)
            .detail(serde_json::json!({"organisation_id": org.id, "note": note})),
    )
    .await?;
    store::audit::append(&mut tx, &AuditEvent::by(principal, "case.shared_with", "case", id).scope(org.id)).await?;
    notify_event(
        &mut tx,
        id,
        org.id,
        "case.shared",
        &format!("case-{id}-shared-{}-{now}", org.id),
        Sentence::new("notice.case_shared.subject").text("case", reference(&row)),
        note_body(Some(&note)),
        now,
    )
    .await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}

pub async fn withdraw_share(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    id: i64,
    organisation_id: i64,
) -> AppResult<Case> {
    load(db, principal, id, Action::CaseEdit).await?;
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    if !sql::withdraw_share(&mut tx, id, organisation_id, now).await? {
        return Err(AppError::not_found("share"));
    }
    sql::add_event(
        &mut tx,
        id,
        &principal.label,
        "share_withdrawn",
        &serde_json::json!({"organisation_id": organisation_id}).to_string(),
        now,
    )
    .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.share_withdrawn", "case", id)
            .detail(serde_json::json!({"organisation_id": organisation_id})),
    )
    .await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}
