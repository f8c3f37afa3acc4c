//! Organisations and users: who is on the platform, on which side, with which role.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use crate::model::directory::{Credentials, Organisation, User};

use super::audit::AuditEvent;
use super::auth::{generate_password, hash_password};
use super::policy::{check, may_grant_role, Action, Principal, Target};
use super::types::{CountryCode, Email, EmailDomain, Language, Name, NewPassword, OrgKind, Role};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::{self, is_unique_violation, Db};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOrganisation {
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[schema(value_type = OrgKind)]
    pub kind: String,
    /// ISO 3166-1 alpha-2, e.g. `FR`.
    #[schema(pattern = "^[A-Za-z]{2}$")]
    pub country: String,
    /// The organisation's own e-mail domains (`douane.gouv.fr`), vetted by the platform
    /// administrator; none by default.
    #[serde(default)]
    pub email_domains: Vec<String>,
}

/// The vetted e-mail domains of an organisation, replacing those it had.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailDomains {
    pub email_domains: Vec<String>,
}

pub async fn create_organisation(db: &Db, principal: &Principal, input: &NewOrganisation) -> AppResult<Organisation> {
    check(principal, Action::OrganisationCreate, Target::Platform)?;
    let name = Name::parse("name", &input.name)?;
    let kind = OrgKind::refuse_unless(&input.kind)?;
    let country = CountryCode::parse(&input.country)?;
    let domains = EmailDomain::parse_list(&input.email_domains)?;
    for domain in &domains {
        check_domain_is_free(db, None, domain).await?;
    }
    let mut tx = db.begin().await?;
    let id = match store::directory::insert_organisation(&mut *tx, &name, kind, country, db.now_ms()).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => {
            return Err(AppError::conflict(
                ErrorCode::OrganisationExists,
                format!("An organisation named '{}' already exists; choose another name.", name.as_str()),
            )
            .with_arg("name", name.as_str()))
        }
        Err(e) => return Err(e.into()),
    };
    write_email_domains(&mut tx, id, &domains, db.now_ms()).await?;
    let domain_names: Vec<&str> = domains.iter().map(EmailDomain::as_str).collect();
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "organisation.create", "organisation", id).scope(id).detail(
            serde_json::json!({"name": name.as_str(), "kind": kind, "country": country.as_str(), "email_domains": domain_names}),
        ),
    )
    .await?;
    tx.commit().await?;
    organisation(db, id).await
}

/// Sets the e-mail domains vetted as an organisation's own (platform administrators). A domain
/// at which another organisation already has accounts, or that another organisation owns, is
/// refused: an account at a vetted domain belongs to the domain's organisation.
pub async fn set_email_domains(
    db: &Db,
    principal: &Principal,
    id: i64,
    input: &EmailDomains,
) -> AppResult<Organisation> {
    check(principal, Action::OrganisationCreate, Target::Platform)?;
    let before = organisation(db, id).await?;
    let domains = EmailDomain::parse_list(&input.email_domains)?;
    for domain in &domains {
        check_domain_is_free(db, Some(id), domain).await?;
    }
    let mut tx = db.begin().await?;
    write_email_domains(&mut tx, id, &domains, db.now_ms()).await?;
    let domain_names: Vec<&str> = domains.iter().map(EmailDomain::as_str).collect();
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "organisation.set_email_domains", "organisation", id)
            .scope(id)
            .detail(serde_json::json!({"before": before.email_domains, "after": domain_names})),
    )
    .await?;
    tx.commit().await?;
    organisation(db, id).await
}

fn domain_taken(domain: &EmailDomain) -> AppError {
    AppError::conflict(
        ErrorCode::EmailDomainTaken,
        format!(
            "The e-mail domain {} belongs to another organisation, or another organisation has accounts at it; \
             an account at a vetted domain must belong to the domain's organisation.",
            domain.as_str()
        ),
    )
    .on_field("email_domains")
}

async fn check_domain_is_free(db: &Db, organisation_id: Option<i64>, domain: &EmailDomain) -> AppResult<()> {
    let owner = store::directory::email_domain_owner(db.reader(), domain.as_str()).await?;
    let others = store::directory::emails_of_others_at(db.reader(), organisation_id.unwrap_or(0), domain).await?;
    if owner.is_some_and(|o| Some(o) != organisation_id) || !others.is_empty() {
        return Err(domain_taken(domain));
    }
    Ok(())
}

async fn write_email_domains(tx: &mut store::Tx, id: i64, domains: &[EmailDomain], now: i64) -> AppResult<()> {
    match store::directory::replace_email_domains(tx, id, domains, now).await {
        // Another organisation took one between the check and the write.
        Err(e) if is_unique_violation(&e) => Err(AppError::conflict(
            ErrorCode::EmailDomainTaken,
            "One of these e-mail domains belongs to another organisation; remove it and try again.",
        )
        .on_field("email_domains")),
        other => Ok(other?),
    }
}

/// An organisation with its vetted e-mail domains, whoever asks.
async fn organisation(db: &Db, id: i64) -> AppResult<Organisation> {
    let mut org = store::directory::get_organisation(db.reader(), id)
        .await?
        .ok_or_else(|| AppError::not_found("organisation"))?;
    org.email_domains = store::directory::email_domains_of(db.reader(), id).await?;
    Ok(org)
}

/// All organisations for a platform admin; one's own otherwise.
pub async fn list_organisations(db: &Db, principal: &Principal) -> AppResult<Vec<Organisation>> {
    if super::policy::allows(principal, Action::OrganisationListAll, Target::Platform) {
        let mut organisations = store::directory::list_organisations(db.reader()).await?;
        for (org_id, domain) in store::directory::all_email_domains(db.reader()).await? {
            if let Some(o) = organisations.iter_mut().find(|o| o.id == org_id) {
                o.email_domains.push(domain);
            }
        }
        return Ok(organisations);
    }
    get_organisation(db, principal, principal.org_id).await.map(|o| vec![o])
}

pub async fn get_organisation(db: &Db, principal: &Principal, id: i64) -> AppResult<Organisation> {
    // Not found and not allowed look the same from outside: ids of others are not confirmed.
    if !super::policy::allows(principal, Action::OrganisationRead, Target::Organisation { org_id: id }) {
        return Err(AppError::not_found("organisation"));
    }
    organisation(db, id).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    #[schema(format = Email, min_length = 3)]
    pub email: String,
    #[schema(min_length = 1, max_length = 200)]
    pub display_name: String,
    pub organisation_id: i64,
    #[schema(value_type = Role)]
    pub role: String,
    /// `en`, `fr`, `es` or `ar`; defaults to `en`.
    #[schema(value_type = Option<Language>)]
    pub language: Option<String>,
    /// At least 12 characters and not a common password. When absent, one is generated and
    /// returned once.
    pub password: Option<String>,
}

/// A user just created, with the initial password when it was generated.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedUser {
    pub user: User,
    /// Shown once; give it to the user over a separate channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_password: Option<String>,
}

pub async fn create_user(db: &Db, principal: &Principal, input: &NewUser) -> AppResult<CreatedUser> {
    let org = store::directory::get_organisation(db.reader(), input.organisation_id).await?.ok_or_else(|| {
        AppError::invalid(
            "organisation_id",
            ErrorCode::UnknownOrganisation,
            "No organisation has this id; choose one from the list of organisations.",
        )
    })?;
    check(principal, Action::UserCreate, Target::Organisation { org_id: org.id })?;
    let email = Email::parse(&input.email)?;
    check_email_belongs(db, principal, &org, &email).await?;
    let display_name = Name::parse("display_name", &input.display_name)?;
    let role = Role::refuse_unless(&input.role)?;
    if !may_grant_role(principal, role, org.kind) {
        return Err(AppError::invalid(
            "role",
            ErrorCode::RoleNotAllowed,
            "Only platform administrators create platform administrators, and only in the operator organisation.",
        ));
    }
    let language = input.language.as_deref().map(Language::refuse_unless).transpose()?.unwrap_or(Language::En);
    let (password, generated) = match &input.password {
        Some(p) => (NewPassword::parse(p)?, None),
        None => {
            let p = generate_password();
            (NewPassword::parse(&p)?, Some(p))
        }
    };
    let hash = hash_password(&password).await?;
    let mut tx = db.begin().await?;
    let row = store::directory::NewUserRow {
        organisation_id: org.id,
        email: &email,
        display_name: &display_name,
        language,
        role,
        password_hash: &hash,
        now: db.now_ms(),
    };
    let id = match store::directory::insert_user(&mut *tx, row).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => {
            return Err(AppError::conflict(
                ErrorCode::EmailTaken,
                format!("A user with the e-mail {email} already exists."),
            )
            .on_field("email")
            .with_arg("email", &email))
        }
        Err(e) => return Err(e.into()),
    };
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "user.create", "user", id)
            .scope(org.id)
            .detail(serde_json::json!({"email": email.as_str(), "role": role, "organisation_id": org.id})),
    )
    .await?;
    tx.commit().await?;
    let user = store::directory::get_user(db.reader(), id).await?.ok_or_else(|| AppError::not_found("user"))?;
    Ok(CreatedUser { user, initial_password: generated })
}

/// An organisation administrator creates accounts only at their organisation's vetted domains,
/// whatever the address: so `email_taken` can only ever name an account of their own
/// organisation, and asking tells them nothing about anyone else (security review, item 9).
/// Whoever creates it, an account at a vetted domain belongs to the domain's organisation.
async fn check_email_belongs(db: &Db, principal: &Principal, org: &Organisation, email: &Email) -> AppResult<()> {
    let owner = store::directory::email_domain_owner(db.reader(), email.domain()).await?;
    if principal.is_platform_admin() {
        if owner.is_some_and(|o| o != org.id) {
            return Err(AppError::invalid(
                "email",
                ErrorCode::EmailDomainOfAnotherOrganisation,
                format!(
                    "The domain {} is vetted as another organisation's; an account at it belongs there.",
                    email.domain()
                ),
            ));
        }
        return Ok(());
    }
    if owner != Some(org.id) {
        let domains = store::directory::email_domains_of(db.reader(), org.id).await?;
        let message = if domains.is_empty() {
            "Your organisation has no vetted e-mail domain yet: ask the platform administrator to add the domain of \
             your organisation's addresses."
                .to_string()
        } else {
            format!(
                "Accounts of your organisation are at {}; for another domain, ask the platform administrator to vet it.",
                domains.join(", ")
            )
        };
        return Err(AppError::invalid("email", ErrorCode::EmailOutsideDomains, message));
    }
    Ok(())
}

/// Users of one organisation (or all, for a platform admin who asks for no organisation).
pub async fn list_users(db: &Db, principal: &Principal, organisation_id: Option<i64>) -> AppResult<Vec<User>> {
    match organisation_id {
        None if principal.is_platform_admin() => Ok(store::directory::list_users(db.reader(), None).await?),
        None => {
            check(principal, Action::UserList, Target::Organisation { org_id: principal.org_id })?;
            Ok(store::directory::list_users(db.reader(), Some(principal.org_id)).await?)
        }
        Some(org_id) => {
            check(principal, Action::UserList, Target::Organisation { org_id })?;
            Ok(store::directory::list_users(db.reader(), Some(org_id)).await?)
        }
    }
}

pub async fn get_user(db: &Db, principal: &Principal, id: i64) -> AppResult<User> {
    let user = store::directory::get_user(db.reader(), id).await?.ok_or_else(|| AppError::not_found("user"))?;
    if !super::policy::allows(principal, Action::UserRead, Target::User { org_id: user.organisation_id, user_id: id }) {
        return Err(AppError::not_found("user"));
    }
    Ok(user)
}

/// Fetches a user the principal may act on with `action`, hiding users they may not see.
async fn user_for(db: &Db, principal: &Principal, id: i64, action: Action) -> AppResult<User> {
    let user = store::directory::get_user(db.reader(), id).await?.ok_or_else(|| AppError::not_found("user"))?;
    let target = Target::User { org_id: user.organisation_id, user_id: id };
    if !super::policy::allows(principal, Action::UserRead, target) && !principal.is_platform_admin() {
        return Err(AppError::not_found("user"));
    }
    check(principal, action, target)?;
    Ok(user)
}

/// Deactivates (or reactivates) a user; their sessions and tokens stop working at once.
pub async fn set_user_active(db: &Db, principal: &Principal, id: i64, active: bool) -> AppResult<User> {
    let user = user_for(db, principal, id, Action::UserDeactivate).await?;
    let mut tx = db.begin().await?;
    store::directory::set_active(&mut *tx, id, active).await?;
    if !active {
        store::auth::delete_sessions_of(&mut *tx, id).await?;
    }
    let action = if active { "user.reactivate" } else { "user.deactivate" };
    store::audit::append(&mut tx, &AuditEvent::by(principal, action, "user", id).scope(user.organisation_id)).await?;
    tx.commit().await?;
    store::directory::get_user(db.reader(), id).await?.ok_or_else(|| AppError::not_found("user"))
}

/// Replaces a user's password with a generated one (returned once), clears the second factor,
/// unlocks the account, ends every session and revokes every API token: a reset is what an
/// administrator does when credentials may be in the wrong hands, and a token is one.
pub async fn reset_credentials(db: &Db, principal: &Principal, id: i64) -> AppResult<CreatedUser> {
    let user = user_for(db, principal, id, Action::UserResetCredentials).await?;
    let password = generate_password();
    let hash = hash_password(&NewPassword::parse(&password)?).await?;
    let mut tx = db.begin().await?;
    store::directory::set_password(&mut *tx, id, &hash, true).await?;
    store::auth::delete_sessions_of(&mut *tx, id).await?;
    let tokens_revoked = store::auth::revoke_tokens_of(&mut *tx, id, db.now_ms()).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "user.reset_credentials", "user", id)
            .scope(user.organisation_id)
            .detail(serde_json::json!({"tokens_revoked": tokens_revoked})),
    )
    .await?;
    tx.commit().await?;
    let user = store::directory::get_user(db.reader(), id).await?.ok_or_else(|| AppError::not_found("user"))?;
    Ok(CreatedUser { user, initial_password: Some(password) })
}

/// The reader's own language and time zone (an IANA name; empty: their country's zone).
pub async fn set_own_language(
    db: &Db,
    principal: &Principal,
    language: Language,
    time_zone: Option<&str>,
) -> AppResult<()> {
    check(principal, Action::AccountManage, Target::User { org_id: principal.org_id, user_id: principal.user_id })?;
    let time_zone = time_zone.map(str::trim).filter(|z| !z.is_empty());
    if let Some(zone) = time_zone {
        if crate::i18n::time::zone(zone).is_none() {
            return Err(AppError::invalid(
                "time_zone",
                ErrorCode::InvalidTimeZone,
                format!("'{zone}' is not an IANA time zone; choose one such as Europe/Paris or America/Bogota."),
            ));
        }
    }
    let mut tx = db.begin().await?;
    store::directory::set_language(&mut *tx, principal.user_id, language, time_zone).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "user.set_language", "user", principal.user_id)
            .detail(serde_json::json!({"language": language, "time_zone": time_zone})),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Longest office code and name: what the case sheet accepts, so that a prefilled form is never
/// refused for its office.
pub const MAX_OFFICE_CODE: usize = 40;
pub const MAX_OFFICE_NAME: usize = 200;

/// The reader's own customs office (code and name, each optional: empty clears it), prefilled on
/// the detention form. Every problem is told at once.
pub async fn set_own_office(db: &Db, principal: &Principal, code: &str, name: &str) -> AppResult<()> {
    check(principal, Action::AccountManage, Target::User { org_id: principal.org_id, user_id: principal.user_id })?;
    let (code, name) = (code.trim(), name.trim());
    let mut problems = crate::error::Problems::default();
    for (field, text, max) in [("office_code", code, MAX_OFFICE_CODE), ("office_name", name, MAX_OFFICE_NAME)] {
        if text.chars().count() > max {
            problems.keep::<()>(Err(AppError::invalid(
                field,
                ErrorCode::OfficeTooLong,
                format!("An office code has at most {MAX_OFFICE_CODE} characters and an office name at most {MAX_OFFICE_NAME}."),
            )
            .with_arg("code_max", MAX_OFFICE_CODE)
            .with_arg("name_max", MAX_OFFICE_NAME)));
        }
    }
    problems.finish()?;
    let (code, name) = ((!code.is_empty()).then_some(code), (!name.is_empty()).then_some(name));
    let mut tx = db.begin().await?;
    store::directory::set_office(&mut *tx, principal.user_id, code, name).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "user.set_office", "user", principal.user_id)
            .detail(serde_json::json!({"office_code": code, "office_name": name})),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
