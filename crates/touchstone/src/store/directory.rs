//! SQL for organisations and users.

use sqlx::{Any, Executor, FromRow};

use crate::clock::format_ms;
use crate::model::directory::{Credentials, Organisation, User};
use crate::model::types::{CountryCode, Email, EmailDomain, Language, Name, OrgKind, Role};
use crate::store::Tx;

#[derive(FromRow)]
struct OrganisationRow {
    id: i64,
    name: String,
    kind: String,
    country: String,
    created_at: i64,
}

impl OrganisationRow {
    fn into_domain(self) -> Result<Organisation, sqlx::Error> {
        Ok(Organisation {
            id: self.id,
            name: self.name,
            kind: OrgKind::decode(&self.kind)?,
            country: self.country,
            email_domains: Vec::new(),
            created_at: format_ms(self.created_at),
        })
    }
}

const ORG_COLUMNS: &str = "id, name, kind, country, created_at";

pub async fn insert_organisation<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    name: &Name,
    kind: OrgKind,
    country: CountryCode,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO organisations (name, kind, country, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(name.as_str())
    .bind(kind.as_str())
    .bind(country.as_str())
    .bind(now)
    .fetch_one(ex)
    .await
}

pub async fn list_organisations<'c, E: Executor<'c, Database = Any>>(ex: E) -> Result<Vec<Organisation>, sqlx::Error> {
    let rows: Vec<OrganisationRow> =
        sqlx::query_as(&format!("SELECT {ORG_COLUMNS} FROM organisations ORDER BY name")).fetch_all(ex).await?;
    rows.into_iter().map(OrganisationRow::into_domain).collect()
}

pub async fn get_organisation<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    id: i64,
) -> Result<Option<Organisation>, sqlx::Error> {
    let row: Option<OrganisationRow> =
        sqlx::query_as(&format!("SELECT {ORG_COLUMNS} FROM organisations WHERE id = $1"))
            .bind(id)
            .fetch_optional(ex)
            .await?;
    row.map(OrganisationRow::into_domain).transpose()
}

pub async fn find_organisation_by_name<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    name: &str,
) -> Result<Option<Organisation>, sqlx::Error> {
    let row: Option<OrganisationRow> =
        sqlx::query_as(&format!("SELECT {ORG_COLUMNS} FROM organisations WHERE name = $1"))
            .bind(name)
            .fetch_optional(ex)
            .await?;
    row.map(OrganisationRow::into_domain).transpose()
}

/// Every vetted e-mail domain as (organisation id, domain), by domain.
pub async fn all_email_domains<'c, E: Executor<'c, Database = Any>>(ex: E) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT organisation_id, domain FROM organisation_domains ORDER BY domain").fetch_all(ex).await
}

pub async fn email_domains_of<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    organisation_id: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT domain FROM organisation_domains WHERE organisation_id = $1 ORDER BY domain")
        .bind(organisation_id)
        .fetch_all(ex)
        .await
}

/// The organisation that owns a vetted e-mail domain.
pub async fn email_domain_owner<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    domain: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT organisation_id FROM organisation_domains WHERE domain = $1")
        .bind(domain)
        .fetch_optional(ex)
        .await
}

/// Replaces an organisation's vetted domains; a domain another organisation owns is a unique
/// violation (`organisation_domains_pkey`).
pub async fn replace_email_domains(
    tx: &mut Tx,
    organisation_id: i64,
    domains: &[EmailDomain],
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM organisation_domains WHERE organisation_id = $1")
        .bind(organisation_id)
        .execute(&mut **tx)
        .await?;
    for domain in domains {
        sqlx::query("INSERT INTO organisation_domains (domain, organisation_id, created_at) VALUES ($1, $2, $3)")
            .bind(domain.as_str())
            .bind(organisation_id)
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// E-mail addresses at `domain` held by accounts of other organisations than `organisation_id`.
pub async fn emails_of_others_at<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    organisation_id: i64,
    domain: &EmailDomain,
) -> Result<Vec<String>, sqlx::Error> {
    // Domains hold only letters, digits, dots and hyphens, so no LIKE wildcard can hide in one.
    sqlx::query_scalar("SELECT email FROM users WHERE organisation_id <> $1 AND email LIKE $2 ORDER BY email")
        .bind(organisation_id)
        .bind(format!("%@{}", domain.as_str()))
        .fetch_all(ex)
        .await
}

#[derive(FromRow)]
struct UserRow {
    id: i64,
    email: String,
    display_name: String,
    language: String,
    time_zone: Option<String>,
    office_code: Option<String>,
    office_name: Option<String>,
    role: String,
    organisation_id: i64,
    organisation_name: String,
    organisation_kind: String,
    organisation_country: String,
    active: i64,
    totp_enabled: i64,
    locked_until: Option<i64>,
    created_at: i64,
    version: i64,
}

impl UserRow {
    fn into_domain(self) -> Result<User, sqlx::Error> {
        Ok(User {
            id: self.id,
            email: self.email,
            display_name: self.display_name,
            language: Language::decode(&self.language)?,
            time_zone: self.time_zone,
            office_code: self.office_code,
            office_name: self.office_name,
            role: Role::decode(&self.role)?,
            organisation_id: self.organisation_id,
            organisation_name: self.organisation_name,
            organisation_kind: OrgKind::decode(&self.organisation_kind)?,
            organisation_country: self.organisation_country,
            active: self.active != 0,
            two_factor_enabled: self.totp_enabled != 0,
            locked_until: self.locked_until.map(format_ms),
            created_at: format_ms(self.created_at),
            version: self.version,
        })
    }
}

const USER_SELECT: &str = "SELECT u.id, u.email, u.display_name, u.language, u.time_zone, u.office_code, u.office_name, u.role, u.organisation_id, \
     o.name AS organisation_name, o.kind AS organisation_kind, o.country AS organisation_country, u.active, u.totp_enabled, u.locked_until, \
     u.created_at, u.version FROM users u JOIN organisations o ON o.id = u.organisation_id";

pub struct NewUserRow<'a> {
    pub organisation_id: i64,
    pub email: &'a Email,
    pub display_name: &'a Name,
    pub language: Language,
    pub role: Role,
    pub password_hash: &'a str,
    pub now: i64,
}

pub async fn insert_user<'c, E: Executor<'c, Database = Any>>(ex: E, u: NewUserRow<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO users (organisation_id, email, display_name, language, role, password_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(u.organisation_id)
    .bind(u.email.as_str())
    .bind(u.display_name.as_str())
    .bind(u.language.as_str())
    .bind(u.role.as_str())
    .bind(u.password_hash)
    .bind(u.now)
    .fetch_one(ex)
    .await
}

pub async fn list_users<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    organisation_id: Option<i64>,
) -> Result<Vec<User>, sqlx::Error> {
    let rows: Vec<UserRow> = match organisation_id {
        Some(org) => {
            sqlx::query_as(&format!("{USER_SELECT} WHERE u.organisation_id = $1 ORDER BY u.email"))
                .bind(org)
                .fetch_all(ex)
                .await?
        }
        None => sqlx::query_as(&format!("{USER_SELECT} ORDER BY o.name, u.email")).fetch_all(ex).await?,
    };
    rows.into_iter().map(UserRow::into_domain).collect()
}

pub async fn get_user<'c, E: Executor<'c, Database = Any>>(ex: E, id: i64) -> Result<Option<User>, sqlx::Error> {
    let row: Option<UserRow> =
        sqlx::query_as(&format!("{USER_SELECT} WHERE u.id = $1")).bind(id).fetch_optional(ex).await?;
    row.map(UserRow::into_domain).transpose()
}

pub async fn get_user_by_email<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    email: &Email,
) -> Result<Option<User>, sqlx::Error> {
    let row: Option<UserRow> =
        sqlx::query_as(&format!("{USER_SELECT} WHERE u.email = $1")).bind(email.as_str()).fetch_optional(ex).await?;
    row.map(UserRow::into_domain).transpose()
}

#[derive(FromRow)]
struct CredentialsRow {
    password_hash: String,
    totp_secret: Option<String>,
    totp_enabled: i64,
    failed_sign_ins: i64,
    locked_until: Option<i64>,
    second_factor_failures: i64,
}

pub async fn credentials<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
) -> Result<Option<Credentials>, sqlx::Error> {
    let row: Option<CredentialsRow> = sqlx::query_as(
        "SELECT password_hash, totp_secret, totp_enabled, failed_sign_ins, locked_until, second_factor_failures \
         FROM users WHERE id = $1",
    )
    .bind(user_id)
    .fetch_optional(ex)
    .await?;
    Ok(row.map(|r| Credentials {
        password_hash: r.password_hash,
        totp_secret: r.totp_secret,
        totp_enabled: r.totp_enabled != 0,
        failed_sign_ins: r.failed_sign_ins,
        locked_until: r.locked_until,
        second_factor_failures: r.second_factor_failures,
    }))
}

pub async fn set_sign_in_failures<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    failed_sign_ins: i64,
    locked_until: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET failed_sign_ins = $1, locked_until = $2 WHERE id = $3")
        .bind(failed_sign_ins)
        .bind(locked_until)
        .bind(user_id)
        .execute(ex)
        .await
        .map(|_| ())
}

/// Counts a wrong second-factor code, and locks the account when `locked_until` is given (the
/// count then starts again).
pub async fn set_second_factor_failures<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    failures: i64,
    locked_until: Option<i64>,
) -> Result<(), sqlx::Error> {
    let sql = if locked_until.is_some() {
        "UPDATE users SET second_factor_failures = $1, locked_until = $2 WHERE id = $3"
    } else {
        "UPDATE users SET second_factor_failures = $1, locked_until = COALESCE(locked_until, $2) WHERE id = $3"
    };
    sqlx::query(sql).bind(failures).bind(locked_until).bind(user_id).execute(ex).await.map(|_| ())
}

/// Records a right code of time step `step`, unless that step (or a later one) was already
/// used: false then, and nothing changes. One conditional update, so two requests racing with
/// the same code cannot both win.
pub async fn use_second_factor_step<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    step: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE users SET totp_last_step = $1, second_factor_failures = 0 \
         WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
    )
    .bind(step)
    .bind(user_id)
    .execute(ex)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Sets a new password hash; clears failures and locks, and optionally the second factor.
pub async fn set_password<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    password_hash: &str,
    clear_second_factor: bool,
) -> Result<(), sqlx::Error> {
    let sql = if clear_second_factor {
        "UPDATE users SET password_hash = $1, failed_sign_ins = 0, second_factor_failures = 0, locked_until = NULL, \
         totp_secret = NULL, totp_enabled = 0, totp_last_step = NULL, version = version + 1 WHERE id = $2"
    } else {
        "UPDATE users SET password_hash = $1, failed_sign_ins = 0, second_factor_failures = 0, locked_until = NULL, \
         version = version + 1 WHERE id = $2"
    };
    sqlx::query(sql).bind(password_hash).bind(user_id).execute(ex).await.map(|_| ())
}

pub async fn set_active<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    active: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET active = $1, version = version + 1 WHERE id = $2")
        .bind(super::flag(active))
        .bind(user_id)
        .execute(ex)
        .await
        .map(|_| ())
}

pub async fn set_language<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    language: Language,
    time_zone: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET language = $1, time_zone = $2, version = version + 1 WHERE id = $3")
        .bind(language.as_str())
        .bind(time_zone)
        .bind(user_id)
        .execute(ex)
        .await
        .map(|_| ())
}

/// The user's customs office (code and name, each optional).
pub async fn set_office<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    code: Option<&str>,
    name: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET office_code = $1, office_name = $2, version = version + 1 WHERE id = $3")
        .bind(code)
        .bind(name)
        .bind(user_id)
        .execute(ex)
        .await
        .map(|_| ())
}

pub async fn set_totp<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    user_id: i64,
    secret: Option<&str>,
    enabled: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET totp_secret = $1, totp_enabled = $2, version = version + 1 WHERE id = $3")
        .bind(secret)
        .bind(super::flag(enabled))
        .bind(user_id)
        .execute(ex)
        .await
        .map(|_| ())
}

pub async fn count_users<'c, E: Executor<'c, Database = Any>>(ex: E) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(ex).await
}

/// An organisation's own API limits: (requests per minute, burst, concurrent requests), each
/// `None` where the default holds; `None` when it has no row.
pub type ApiLimitOverrides = (Option<i64>, Option<i64>, Option<i64>);

pub async fn api_limit_overrides<'c, E: Executor<'c, Database = Any>>(
    ex: E,
    organisation_id: i64,
) -> Result<Option<ApiLimitOverrides>, sqlx::Error> {
    sqlx::query_as(
        "SELECT requests_per_minute, burst, concurrent_requests FROM organisation_api_limits WHERE organisation_id = $1",
    )
    .bind(organisation_id)
    .fetch_optional(ex)
    .await
}

/// Writes an organisation's API limits; all three `None` removes its row (the defaults hold).
pub async fn set_api_limit_overrides(
    tx: &mut Tx,
    organisation_id: i64,
    overrides: ApiLimitOverrides,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM organisation_api_limits WHERE organisation_id = $1")
        .bind(organisation_id)
        .execute(&mut **tx)
        .await?;
    if overrides != (None, None, None) {
        sqlx::query(
            "INSERT INTO organisation_api_limits (organisation_id, requests_per_minute, burst, concurrent_requests, updated_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(organisation_id)
        .bind(overrides.0)
        .bind(overrides.1)
        .bind(overrides.2)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
