//! Access grants: a customs administration opens parts of the enforcement side to a police
//! force or another agency, scoped, expiring and revocable at once; agencies ask for one.

use super::*;
use crate::domain::directory::Organisation;
use crate::error::ErrorCode;

// ---------------------------------------------------------------------------------------------
// Access grants

/// The scopes `org`'s grants give it now.
pub async fn scopes_of(db: &Db, org: i64, now: i64) -> AppResult<GrantScopes> {
    let mut scopes = GrantScopes::default();
    for list in sql::active_scopes(db.reader(), org, now).await? {
        for s in list.split(',').filter_map(Scope::parse) {
            match s {
                Scope::CatalogAlerts => scopes.catalog_alerts = true,
                Scope::CaseSharing => scopes.case_sharing = true,
                Scope::Coordination => scopes.coordination = true,
            }
        }
    }
    Ok(scopes)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewGrant {
    /// The police or other enforcement organisation given access.
    pub grantee_organisation_id: i64,
    pub scopes: Vec<Scope>,
    pub reason: String,
    /// Last day of validity (`YYYY-MM-DD`, UTC), at most two years ahead.
    pub expires_on: String,
    /// The customs administration giving access (platform administrators); the caller's own otherwise.
    #[serde(default)]
    pub grantor_organisation_id: Option<i64>,
    /// The agency's request this grant answers, closed with it.
    #[serde(default)]
    pub request_id: Option<i64>,
}

/// A grant's new scopes, reason and expiry.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrantChange {
    pub scopes: Vec<Scope>,
    pub reason: String,
    /// Last day of validity (`YYYY-MM-DD`, UTC), at most two years ahead.
    pub expires_on: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Grant {
    pub id: i64,
    pub grantor_organisation_id: i64,
    pub grantee_organisation_id: i64,
    pub grantee_name: String,
    pub scopes: Vec<Scope>,
    pub reason: String,
    pub expires_at: String,
    pub created_by: String,
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
    pub active: bool,
}

async fn to_grant(db: &Db, r: sql::GrantRow, now: i64) -> AppResult<Grant> {
    let grantee_name =
        store::directory::get_organisation(db.reader(), r.grantee_org_id).await?.map(|o| o.name).unwrap_or_default();
    Ok(Grant {
        id: r.id,
        grantor_organisation_id: r.grantor_org_id,
        grantee_organisation_id: r.grantee_org_id,
        grantee_name,
        scopes: r.scopes.split(',').filter_map(Scope::parse).collect(),
        reason: r.reason,
        expires_at: format_ms(r.expires_at),
        created_by: r.created_by,
        created_at: format_ms(r.created_at),
        active: r.revoked_at.is_none() && r.expires_at > now,
        revoked_at: r.revoked_at.map(format_ms),
    })
}

pub async fn create_grant(db: &Db, principal: &Principal, input: NewGrant) -> AppResult<Grant> {
    let grantor = if principal.is_platform_admin() {
        input.grantor_organisation_id.unwrap_or(principal.org_id)
    } else {
        principal.org_id
    };
    if principal.is_platform_admin() {
        let org = store::directory::get_organisation(db.reader(), grantor).await?;
        if org.is_none_or(|o| o.kind != OrgKind::Customs) {
            return Err(invalid(
                "grantor_organisation_id",
                ErrorCode::NotCustoms,
                "Access is granted by a customs administration.",
            ));
        }
    }
    check(principal, Action::GrantManage, Target::Organisation { org_id: grantor })?;
    let grantee =
        store::directory::get_organisation(db.reader(), input.grantee_organisation_id).await?.ok_or_else(|| {
            invalid("grantee_organisation_id", ErrorCode::UnknownOrganisation, "No organisation has this id.")
        })?;
    if !matches!(grantee.kind, OrgKind::Police | OrgKind::OtherEnforcement) {
        return Err(invalid(
            "grantee_organisation_id",
            ErrorCode::NotAnAgency,
            "Grants open the enforcement side to police and other enforcement agencies only.",
        ));
    }
    let now = db.now_ms();
    let (scopes, reason, expires) = grant_terms(&input.scopes, &input.reason, &input.expires_on, now)?;
    let request = match input.request_id {
        Some(rid) => {
            let r = sql::get_access_request(db.reader(), rid)
                .await?
                .filter(|r| r.org_id == grantee.id && r.outcome.is_none())
                .ok_or_else(|| {
                    invalid(
                        "request_id",
                        ErrorCode::RequestClosed,
                        "This request is closed or comes from another agency.",
                    )
                })?;
            Some(r.id)
        }
        None => None,
    };
    let mut tx = db.begin().await?;
    let id =
        sql::insert_grant(&mut tx, grantor, grantee.id, &scopes.join(","), &reason, expires, &principal.label, now)
            .await?;
    if let Some(rid) = request {
        if !sql::decide_access_request(&mut tx, rid, "granted", &principal.label, Some(id), now).await? {
            return Err(invalid("request_id", ErrorCode::RequestClosed, "This request was closed meanwhile."));
        }
    }
    notify::enqueue(
        &mut tx,
        &Notice {
            event_id: format!("grant-{id}-granted"),
            kind: "access.granted".into(),
            org_id: grantee.id,
            subject: Sentence::new("notice.access_granted.subject").labels("scopes", "grants.scope", &scopes),
            body: vec![Sentence::new("notice.access_granted.body")
                .labels("scopes", "grants.scope", &scopes)
                .time("expires", expires)],
            link: "/access".into(),
            payload: serde_json::json!({"grant": id, "scopes": scopes, "expires_at": format_ms(expires)}),
        },
        now,
    )
    .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "grant.create", "grant", id)
            .scope(grantor)
            .detail(serde_json::json!({"grantee": grantee.id, "scopes": scopes, "reason": reason, "request": request})),
    )
    .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "grant.received", "grant", id)
            .scope(grantee.id)
            .detail(serde_json::json!({"grantor": grantor, "scopes": scopes})),
    )
    .await?;
    tx.commit().await?;
    let row = sql::get_grant(db.reader(), id).await?.ok_or_else(|| AppError::not_found("grant"))?;
    to_grant(db, row, now).await
}

/// Scopes (sorted, each once), reason and expiry of a grant, checked.
fn grant_terms(
    scopes: &[Scope],
    reason: &str,
    expires_on: &str,
    now: i64,
) -> AppResult<(Vec<&'static str>, String, i64)> {
    if scopes.is_empty() {
        return Err(invalid(
            "scopes",
            ErrorCode::Required,
            "Choose at least one scope: catalog_alerts, case_sharing, coordination.",
        ));
    }
    let reason = required_text("reason", reason, 1000)?;
    let expires = day_ms("expires_on", expires_on, true)?;
    if expires <= now || expires > now + 2 * 366 * 86_400_000 {
        return Err(invalid(
            "expires_on",
            ErrorCode::InvalidExpiry,
            "A grant expires after today and within two years.",
        ));
    }
    let mut scopes: Vec<&'static str> = scopes.iter().map(|s| s.as_str()).collect();
    scopes.sort_unstable();
    scopes.dedup();
    Ok((scopes, reason, expires))
}

/// A grant the principal gave (or, for a platform administrator, any), for changing it.
async fn grant_to_manage(db: &Db, principal: &Principal, id: i64) -> AppResult<sql::GrantRow> {
    let row = sql::get_grant(db.reader(), id).await?.ok_or_else(|| AppError::not_found("grant"))?;
    check(principal, Action::GrantManage, Target::Organisation { org_id: row.grantor_org_id })?;
    Ok(row)
}

/// Changes the scopes, reason and expiry of a grant in force; the audit record keeps both.
pub async fn change_grant(db: &Db, principal: &Principal, id: i64, input: GrantChange) -> AppResult<Grant> {
    let row = grant_to_manage(db, principal, id).await?;
    let now = db.now_ms();
    let (scopes, reason, expires) = grant_terms(&input.scopes, &input.reason, &input.expires_on, now)?;
    let mut tx = db.begin().await?;
    if !sql::update_grant(&mut tx, id, &scopes.join(","), &reason, expires).await? {
        return Err(AppError::conflict(ErrorCode::GrantRevoked, "This grant was revoked; give a new one instead."));
    }
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "grant.change", "grant", id).scope(row.grantor_org_id).detail(serde_json::json!({
            "before": {"scopes": row.scopes, "reason": row.reason, "expires_at": format_ms(row.expires_at)},
            "after": {"scopes": scopes.join(","), "reason": reason, "expires_at": format_ms(expires)},
        })),
    )
    .await?;
    tx.commit().await?;
    let row = sql::get_grant(db.reader(), id).await?.ok_or_else(|| AppError::not_found("grant"))?;
    to_grant(db, row, now).await
}

pub async fn revoke_grant(db: &Db, principal: &Principal, id: i64) -> AppResult<Grant> {
    let row = grant_to_manage(db, principal, id).await?;
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    if sql::revoke_grant(&mut tx, id, &principal.label, now).await? {
        store::audit::append(
            &mut tx,
            &AuditEvent::by(principal, "grant.revoke", "grant", id).scope(row.grantor_org_id),
        )
        .await?;
        notify::enqueue(
            &mut tx,
            &Notice {
                event_id: format!("grant-{id}-revoked"),
                kind: "access.revoked".into(),
                org_id: row.grantee_org_id,
                subject: Sentence::new("notice.access_revoked.subject"),
                body: vec![Sentence::new("notice.access_revoked.body").labels(
                    "scopes",
                    "grants.scope",
                    row.scopes.split(',').map(str::trim),
                )],
                link: "/access".into(),
                payload: serde_json::json!({"grant": id}),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    let row = sql::get_grant(db.reader(), id).await?.ok_or_else(|| AppError::not_found("grant"))?;
    to_grant(db, row, now).await
}

/// Grants the caller's organisation gave or received (all for platform administrators).
pub async fn list_grants(db: &Db, principal: &Principal) -> AppResult<Vec<Grant>> {
    let org = if principal.is_platform_admin() { None } else { Some(principal.org_id) };
    if org.is_some() && !principal.org_kind.is_enforcement() {
        return Err(AppError::forbidden());
    }
    let now = db.now_ms();
    let mut out = Vec::new();
    for r in sql::grants_of(db.reader(), org).await? {
        out.push(to_grant(db, r, now).await?);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Requests for access

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAccessRequest {
    pub scopes: Vec<Scope>,
    /// What the agency needs the access for.
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AccessRequest {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub organisation_country: String,
    /// Who asked.
    pub requested_by: String,
    pub scopes: Vec<Scope>,
    pub reason: String,
    pub created_at: String,
    /// `granted` or `declined`; absent while open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grant_id: Option<i64>,
}

impl From<sql::AccessRequestRow> for AccessRequest {
    fn from(r: sql::AccessRequestRow) -> Self {
        AccessRequest {
            id: r.id,
            organisation_id: r.org_id,
            organisation_name: r.org_name,
            organisation_country: r.org_country,
            requested_by: r.requested_by,
            scopes: r.scopes.split(',').filter_map(Scope::parse).collect(),
            reason: r.reason,
            created_at: format_ms(r.created_at),
            outcome: r.outcome,
            decided_by: r.decided_by,
            grant_id: r.grant_id,
        }
    }
}

/// The organisations that can grant `agency` access: the customs administrations of its
/// country, then the platform's operators.
pub async fn grantors_for(db: &Db, agency: &Principal) -> AppResult<Vec<Organisation>> {
    let all = store::directory::list_organisations(db.reader()).await?;
    let mut out: Vec<Organisation> =
        all.iter().filter(|o| o.kind == OrgKind::Customs && o.country == agency.org_country).cloned().collect();
    out.extend(all.into_iter().filter(|o| o.kind == OrgKind::Operator));
    Ok(out)
}

/// A police force or another agency asks for access: those who can grant it are told.
pub async fn request_access(db: &Db, principal: &Principal, input: NewAccessRequest) -> AppResult<AccessRequest> {
    check(principal, Action::AccessRequest, Target::Organisation { org_id: principal.org_id })?;
    if input.scopes.is_empty() {
        return Err(invalid(
            "scopes",
            ErrorCode::Required,
            "Choose at least one scope: catalog_alerts, case_sharing, coordination.",
        ));
    }
    let reason = required_text("reason", &input.reason, 1000)?;
    let mut scopes: Vec<&str> = input.scopes.iter().map(|s| s.as_str()).collect();
    scopes.sort_unstable();
    scopes.dedup();
    let agency = store::directory::get_organisation(db.reader(), principal.org_id)
        .await?
        .ok_or_else(|| AppError::not_found("organisation"))?;
    let grantors = grantors_for(db, principal).await?;
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    let id = sql::insert_access_request(&mut tx, principal.org_id, &principal.label, &scopes.join(","), &reason, now)
        .await?;
    for g in &grantors {
        notify::enqueue(
            &mut tx,
            &Notice {
                event_id: format!("access-request-{id}-org-{}", g.id),
                kind: "access.requested".into(),
                org_id: g.id,
                subject: Sentence::new("notice.access_requested.subject").text("agency", &agency.name),
                body: vec![
                    Sentence::new("notice.access_requested.body")
                        .text("agency", &agency.name)
                        .text("country", &agency.country)
                        .labels("scopes", "grants.scope", &scopes),
                    Sentence::new("notice.access_requested.reason").text("reason", &reason),
                    Sentence::new("notice.access_requested.by").text("by", &principal.label),
                ],
                link: format!("/admin/grants?request={id}"),
                payload: serde_json::json!({"request": id, "organisation": agency.id, "scopes": scopes}),
            },
            now,
        )
        .await?;
    }
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "access.request", "access_request", id)
            .scope(principal.org_id)
            .detail(serde_json::json!({"scopes": scopes, "reason": reason, "told": grantors.iter().map(|g| g.id).collect::<Vec<_>>()})),
    )
    .await?;
    tx.commit().await?;
    let row = sql::get_access_request(db.reader(), id).await?.ok_or_else(|| AppError::not_found("access request"))?;
    Ok(row.into())
}

/// The requests the principal may answer (a customs administration's: its country's agencies;
/// a platform administrator's: all), or, for an agency, its own.
pub async fn access_requests(db: &Db, principal: &Principal) -> AppResult<Vec<AccessRequest>> {
    let rows = if principal.is_platform_admin() {
        sql::access_requests(db.reader(), None, None).await?
    } else if super::super::policy::allows(
        principal,
        Action::GrantManage,
        Target::Organisation { org_id: principal.org_id },
    ) {
        sql::access_requests(db.reader(), None, Some(&principal.org_country)).await?
    } else {
        check(principal, Action::AccessRequest, Target::Organisation { org_id: principal.org_id })?;
        sql::access_requests(db.reader(), Some(principal.org_id), None).await?
    };
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Closes a request without a grant; the agency is told.
pub async fn decline_access_request(db: &Db, principal: &Principal, id: i64) -> AppResult<AccessRequest> {
    let row = sql::get_access_request(db.reader(), id).await?.ok_or_else(|| AppError::not_found("access request"))?;
    let may_answer = principal.is_platform_admin()
        || (row.org_country == principal.org_country
            && super::super::policy::allows(
                principal,
                Action::GrantManage,
                Target::Organisation { org_id: principal.org_id },
            ));
    if !may_answer {
        return Err(AppError::not_found("access request"));
    }
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    if !sql::decide_access_request(&mut tx, id, "declined", &principal.label, None, now).await? {
        return Err(AppError::conflict(ErrorCode::RequestClosed, "This request is already closed."));
    }
    notify::enqueue(
        &mut tx,
        &Notice {
            event_id: format!("access-request-{id}-declined"),
            kind: "access.declined".into(),
            org_id: row.org_id,
            subject: Sentence::new("notice.access_declined.subject"),
            body: vec![Sentence::new("notice.access_declined.body")
                .labels("scopes", "grants.scope", row.scopes.split(',').map(str::trim))
                .text("by", &principal.label)],
            link: "/access".into(),
            payload: serde_json::json!({"request": id}),
        },
        now,
    )
    .await?;
    store::audit::append(&mut tx, &AuditEvent::by(principal, "access.decline", "access_request", id).scope(row.org_id))
        .await?;
    tx.commit().await?;
    let row = sql::get_access_request(db.reader(), id).await?.ok_or_else(|| AppError::not_found("access request"))?;
    Ok(row.into())
}

/// The agencies the principal may give a grant to: police and other agencies of its country
/// (all, for a platform administrator).
pub async fn grantable_agencies(db: &Db, principal: &Principal) -> AppResult<Vec<Organisation>> {
    if !principal.is_platform_admin() {
        check(principal, Action::GrantManage, Target::Organisation { org_id: principal.org_id })?;
    }
    Ok(store::directory::list_organisations(db.reader())
        .await?
        .into_iter()
        .filter(|o| matches!(o.kind, OrgKind::Police | OrgKind::OtherEnforcement))
        .filter(|o| principal.is_platform_admin() || o.country == principal.org_country)
        .collect())
}

/// The customs administrations a platform administrator may grant in the name of.
pub async fn customs_administrations(db: &Db) -> AppResult<Vec<Organisation>> {
    Ok(store::directory::list_organisations(db.reader())
        .await?
        .into_iter()
        .filter(|o| o.kind == OrgKind::Customs)
        .collect())
}
