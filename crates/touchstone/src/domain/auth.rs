//! Sign-in, sessions, second factor and API tokens.
//!
//! Passwords are hashed with Argon2id off the async runtime. Session ids and API tokens are
//! 256-bit random secrets given to the client once; only their SHA-256 is stored, so a copy of
//! the database does not let anyone sign in.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use super::audit::AuditEvent;
use super::directory::User;
use super::policy::{check, Action, GrantScopes, Principal, Target};
use super::types::{Email, NewPassword, OrgKind, Role};
use super::{format_ms, now_ms, totp};
use crate::cache::Recent;
use crate::config::AuthSettings;
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use crate::store::{self, Db};

pub async fn hash_password(password: &NewPassword) -> AppResult<String> {
    let password = password.expose().to_string();
    let hash = tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
    .map_err(|e| AppError::Internal(anyhow::anyhow!("hashing a password: {e}")))?;
    Ok(hash)
}

async fn verify_password(password: &str, hash: &str) -> AppResult<bool> {
    let (password, hash) = (password.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))
}

/// A hash of a fixed password, verified against when the e-mail is unknown so that the answer
/// takes as long as for a known one.
static DUMMY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn dummy_hash() -> String {
    DUMMY_HASH
        .get_or_init(|| {
            let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
            Argon2::default()
                .hash_password(b"not a password of anyone", &salt)
                .map(|h| h.to_string())
                .unwrap_or_default()
        })
        .clone()
}

/// A random password for new or reset accounts: four groups of five letters and digits.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 20];
    rand::thread_rng().fill_bytes(&mut bytes);
    let chars: Vec<char> = bytes.iter().map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char).collect();
    chars.chunks(5).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// A new random secret, URL-safe, with a readable prefix naming what it is.
fn random_secret(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("{prefix}{}", data_encoding::BASE64URL_NOPAD.encode(&bytes))
}

pub fn sha256_hex(s: &str) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(s.as_bytes()))
}

/// The result of a correct e-mail and password.
pub struct SignedIn {
    pub user: User,
    /// The session cookie value (shown once; only its hash is stored).
    pub session_token: String,
    /// The user has a second factor to present before the session is usable.
    pub second_factor_pending: bool,
}

/// Checks e-mail and password, counts failures, locks the account after too many, and opens a
/// session. Every outcome is audited.
///
/// An unknown e-mail, a wrong password, a locked account and a deactivated one all get the
/// same answer after the same work (one Argon2 verification), so that sign-in tells nobody
/// which e-mails have accounts, nor which are locked: the answer says that a lock may be the
/// reason and how long one lasts.
pub async fn sign_in(db: &Db, settings: &AuthSettings, email: &str, password: &str) -> AppResult<SignedIn> {
    let refused = || {
        AppError::client(
            ErrorKind::Unauthenticated,
            ErrorCode::InvalidCredentials,
            format!(
                "The e-mail or the password is not right. After {} failed attempts in a row an account is locked for {} minutes; then try again, or ask your administrator.",
                settings.lockout_threshold, settings.lockout_minutes
            ),
        )
    };
    let now = db.now_ms();
    let user = match Email::parse(email) {
        Ok(e) => store::directory::get_user_by_email(db.reader(), &e).await?,
        Err(_) => None,
    };
    let creds = match &user {
        Some(u) => store::directory::credentials(db.reader(), u.id).await?,
        None => None,
    };
    let (Some(user), Some(creds)) = (user, creds) else {
        verify_password(password, &dummy_hash()).await?;
        let mut tx = db.begin().await?;
        store::audit::append(
            &mut tx,
            &AuditEvent::anonymous("sign_in.failed", "user", "unknown")
                .detail(serde_json::json!({"email": email.trim().to_lowercase(), "reason": "unknown_email"})),
        )
        .await?;
        tx.commit().await?;
        return Err(refused());
    };
    let password_ok = verify_password(password, &creds.password_hash).await?;
    if creds.locked_until.is_some_and(|u| u > now) {
        let mut tx = db.begin().await?;
        store::audit::append(
            &mut tx,
            &AuditEvent::anonymous("sign_in.refused_locked", "user", user.id).scope(user.organisation_id),
        )
        .await?;
        tx.commit().await?;
        return Err(refused());
    }
    if !password_ok {
        let failures = creds.failed_sign_ins + 1;
        let lock = (failures >= settings.lockout_threshold).then(|| now + settings.lockout_minutes * 60_000);
        let mut tx = db.begin().await?;
        store::directory::set_sign_in_failures(&mut *tx, user.id, if lock.is_some() { 0 } else { failures }, lock)
            .await?;
        store::audit::append(
            &mut tx,
            &AuditEvent::anonymous("sign_in.failed", "user", user.id)
                .scope(user.organisation_id)
                .detail(serde_json::json!({"reason": "wrong_password", "consecutive": failures})),
        )
        .await?;
        if let Some(until) = lock {
            store::audit::append(
                &mut tx,
                &AuditEvent::anonymous("user.locked", "user", user.id)
                    .scope(user.organisation_id)
                    .detail(serde_json::json!({"until": format_ms(until), "after_failures": failures})),
            )
            .await?;
        }
        tx.commit().await?;
        return Err(refused());
    }
    if !user.active {
        let mut tx = db.begin().await?;
        store::audit::append(
            &mut tx,
            &AuditEvent::anonymous("sign_in.refused_deactivated", "user", user.id).scope(user.organisation_id),
        )
        .await?;
        tx.commit().await?;
        return Err(refused());
    }
    let second_factor_pending = creds.totp_enabled;
    let session_token = random_secret("");
    let mut tx = db.begin().await?;
    store::directory::set_sign_in_failures(&mut *tx, user.id, 0, None).await?;
    store::auth::insert_session(
        &mut *tx,
        &sha256_hex(&session_token),
        &store::auth::SessionRow {
            user_id: user.id,
            csrf_token: random_secret(""),
            second_factor_pending,
            created_at: now,
            last_seen_at: now,
            expires_at: now + settings.session_absolute_hours * 3_600_000,
        },
    )
    .await?;
    let principal = principal_of(&user);
    store::audit::append(
        &mut tx,
        &AuditEvent::by(&principal, "sign_in", "user", user.id)
            .detail(serde_json::json!({"second_factor_pending": second_factor_pending})),
    )
    .await?;
    tx.commit().await?;
    Ok(SignedIn { user, session_token, second_factor_pending })
}

pub fn principal_of(user: &User) -> Principal {
    Principal {
        user_id: user.id,
        org_id: user.organisation_id,
        org_kind: user.organisation_kind,
        org_country: user.organisation_country.clone(),
        role: user.role,
        label: user.email.clone(),
        // Police and other agencies get theirs from their access grants ([`with_grants`]).
        grants: if user.organisation_kind == OrgKind::Customs { GrantScopes::ALL } else { GrantScopes::default() },
    }
}

/// The principal with the scopes its organisation's active access grants give.
pub async fn with_grants(db: &Db, mut principal: Principal) -> AppResult<Principal> {
    if principal.org_kind.is_enforcement() && principal.org_kind != OrgKind::Customs {
        principal.grants = crate::domain::coordination::scopes_of(db, principal.org_id, db.now_ms()).await?;
    }
    Ok(principal)
}

/// How far a session has come through sign-in. Only [`SessionStage::SignedIn`] may act: a
/// session half-way through can do nothing but finish (or end) its sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStage {
    /// The password was right; the second factor is still to come.
    SecondFactorPending,
    /// The password was right, but the deployment requires a second factor this user has not
    /// enrolled: the session may enrol one and nothing else.
    MustEnrolSecondFactor,
    /// Password and, where required, second factor done.
    SignedIn,
}

/// A live session, resolved from its cookie. Its principal is reachable only through
/// [`Session::principal`] (fully signed in) or [`Session::enrolling_principal`], so code that
/// forgets to look at the stage has nothing to act with.
#[derive(Clone)]
pub struct Session {
    pub id_hash: String,
    pub user: User,
    principal: Principal,
    pub csrf_token: String,
    pub stage: SessionStage,
}

impl Session {
    /// The principal of a fully signed-in session; `None` half-way through sign-in.
    pub fn principal(&self) -> Option<&Principal> {
        (self.stage == SessionStage::SignedIn).then_some(&self.principal)
    }

    /// The principal for enrolling a second factor: fully signed in, or required to enrol.
    pub fn enrolling_principal(&self) -> Option<&Principal> {
        (self.stage != SessionStage::SecondFactorPending).then_some(&self.principal)
    }
}

/// Resolves a session cookie, enforcing idle and absolute expiry and account state.
pub async fn session(db: &Db, settings: &AuthSettings, token: &str) -> AppResult<Option<Session>> {
    let id_hash = sha256_hex(token);
    let Some(row) = store::auth::get_session(db.reader(), &id_hash).await? else { return Ok(None) };
    let now = db.now_ms();
    let idle_limit = settings.session_idle_minutes * 60_000;
    if row.expires_at <= now || now - row.last_seen_at > idle_limit {
        store::auth::delete_session(db.bookkeeping(), &id_hash).await?;
        return Ok(None);
    }
    let Some(user) = store::directory::get_user(db.reader(), row.user_id).await? else { return Ok(None) };
    if !user.active {
        return Ok(None);
    }
    // Writing on every request would serialise reads behind the SQLite writer; a minute's
    // precision is plenty for an idle timeout counted in tens of minutes.
    if now - row.last_seen_at > 60_000 {
        store::auth::touch_session(db.bookkeeping(), &id_hash, now).await?;
    }
    let must_enrol = settings.require_two_factor_for_enforcement
        && user.organisation_kind.is_enforcement()
        && !user.two_factor_enabled;
    let stage = if row.second_factor_pending {
        SessionStage::SecondFactorPending
    } else if must_enrol {
        SessionStage::MustEnrolSecondFactor
    } else {
        SessionStage::SignedIn
    };
    crate::ops::requests::note_principal(&principal_of(&user));
    Ok(Some(Session {
        id_hash,
        principal: with_grants(db, principal_of(&user)).await?,
        user,
        csrf_token: row.csrf_token,
        stage,
    }))
}

pub async fn sign_out(db: &Db, session: &Session) -> AppResult<()> {
    let mut tx = db.begin().await?;
    store::auth::delete_session(&mut *tx, &session.id_hash).await?;
    store::audit::append(&mut tx, &AuditEvent::by(&session.principal, "sign_out", "user", session.user.id)).await?;
    tx.commit().await?;
    Ok(())
}

fn wrong_code() -> AppError {
    AppError::invalid(
        "code",
        ErrorCode::InvalidSecondFactor,
        "That code is not right; enter the 6 digits your authenticator app shows now.",
    )
}

fn too_many_codes(until: i64, now: i64) -> AppError {
    let seconds = u64::try_from((until - now + 999) / 1000).unwrap_or(0);
    AppError::client(
        ErrorKind::Locked,
        ErrorCode::SecondFactorLocked,
        "Too many wrong codes: this sign-in has ended and the account is locked for a while; sign in again later, or ask an administrator to reset it.",
    )
    .with_retry_after(seconds)
}

/// Completes a sign-in with the 6-digit code of the user's authenticator.
///
/// Wrong codes are counted per account (a new password sign-in does not reset the count);
/// at the lock-out threshold the pending session ends, the account is locked as after wrong
/// passwords, and both are audited. A code's time step is used once: the same code a second
/// time, even within its 30 seconds, is a wrong code.
pub async fn verify_second_factor(db: &Db, settings: &AuthSettings, session: &Session, code: &str) -> AppResult<()> {
    if session.stage != SessionStage::SecondFactorPending {
        return Err(AppError::unauthenticated());
    }
    let now = db.now_ms();
    let creds =
        store::directory::credentials(db.reader(), session.user.id).await?.ok_or_else(AppError::unauthenticated)?;
    if let Some(until) = creds.locked_until.filter(|u| *u > now) {
        let mut tx = db.begin().await?;
        store::auth::delete_session(&mut *tx, &session.id_hash).await?;
        store::audit::append(
            &mut tx,
            &AuditEvent::by(&session.principal, "sign_in.refused_locked", "user", session.user.id),
        )
        .await?;
        tx.commit().await?;
        return Err(too_many_codes(until, now));
    }
    let secret = creds.totp_secret.filter(|_| creds.totp_enabled).ok_or_else(wrong_code)?;
    let step = totp::matching_step(&secret, code, now / 1000);
    let mut tx = db.begin().await?;
    let accepted = match step {
        Some(step) => store::directory::use_second_factor_step(&mut *tx, session.user.id, step).await?,
        None => false,
    };
    if accepted {
        store::auth::complete_second_factor(&mut *tx, &session.id_hash).await?;
        store::audit::append(
            &mut tx,
            &AuditEvent::by(&session.principal, "sign_in.second_factor", "user", session.user.id),
        )
        .await?;
        tx.commit().await?;
        return Ok(());
    }
    let failures = creds.second_factor_failures + 1;
    let lock = (failures >= settings.lockout_threshold).then(|| now + settings.lockout_minutes * 60_000);
    store::directory::set_second_factor_failures(
        &mut *tx,
        session.user.id,
        if lock.is_some() { 0 } else { failures },
        lock,
    )
    .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(&session.principal, "sign_in.second_factor_failed", "user", session.user.id).detail(
            serde_json::json!({"consecutive": failures, "reason": if step.is_some() { "code_already_used" } else { "wrong_code" }}),
        ),
    )
    .await?;
    if let Some(until) = lock {
        store::auth::delete_session(&mut *tx, &session.id_hash).await?;
        store::audit::append(
            &mut tx,
            &AuditEvent::by(&session.principal, "user.locked", "user", session.user.id).detail(
                serde_json::json!({"until": format_ms(until), "after_second_factor_failures": failures, "pending_session_ended": true}),
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Err(match lock {
        Some(until) => too_many_codes(until, now),
        None => wrong_code(),
    })
}

/// Starts enrolment: stores a new secret (not yet enabled) and returns it with its URI.
pub async fn begin_second_factor_enrolment(db: &Db, principal: &Principal) -> AppResult<(String, String)> {
    check(principal, Action::AccountManage, Target::User { org_id: principal.org_id, user_id: principal.user_id })?;
    let secret = totp::generate_secret();
    let mut tx = db.begin().await?;
    store::directory::set_totp(&mut *tx, principal.user_id, Some(&secret), false).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "user.second_factor_enrolment_started", "user", principal.user_id),
    )
    .await?;
    tx.commit().await?;
    let uri = totp::provisioning_uri(&secret, &principal.label, "Touchstone");
    Ok((secret, uri))
}

/// Confirms enrolment with a code from the app, which proves the secret was copied right.
pub async fn confirm_second_factor_enrolment(db: &Db, principal: &Principal, code: &str) -> AppResult<()> {
    check(principal, Action::AccountManage, Target::User { org_id: principal.org_id, user_id: principal.user_id })?;
    let creds =
        store::directory::credentials(db.reader(), principal.user_id).await?.ok_or_else(AppError::unauthenticated)?;
    let secret = creds
        .totp_secret
        .ok_or_else(|| AppError::invalid("code", ErrorCode::NoEnrolment, "Start the enrolment first."))?;
    let Some(step) = totp::matching_step(&secret, code, db.now_ms() / 1000) else { return Err(wrong_code()) };
    let mut tx = db.begin().await?;
    store::directory::set_totp(&mut *tx, principal.user_id, Some(&secret), true).await?;
    // The enrolment code's step is used: it cannot also open the next sign-in.
    store::directory::use_second_factor_step(&mut *tx, principal.user_id, step).await?;
    store::audit::append(&mut tx, &AuditEvent::by(principal, "user.second_factor_enabled", "user", principal.user_id))
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Changes the signed-in user's own password and ends their other sessions (`keep_session`,
/// the one changing it, stays open; `None` from the API or CLI ends them all). API tokens are
/// kept: the user lists and revokes them on the same page.
pub async fn change_own_password(
    db: &Db,
    principal: &Principal,
    keep_session: Option<&str>,
    current: &str,
    new: &str,
) -> AppResult<()> {
    check(principal, Action::AccountManage, Target::User { org_id: principal.org_id, user_id: principal.user_id })?;
    let creds =
        store::directory::credentials(db.reader(), principal.user_id).await?.ok_or_else(AppError::unauthenticated)?;
    if !verify_password(current, &creds.password_hash).await? {
        return Err(AppError::invalid(
            "current_password",
            ErrorCode::InvalidCredentials,
            "The current password is not right.",
        ));
    }
    let hash = hash_password(&NewPassword::parse(new)?).await?;
    let mut tx = db.begin().await?;
    store::directory::set_password(&mut *tx, principal.user_id, &hash, false).await?;
    let ended = match keep_session {
        Some(keep) => store::auth::delete_other_sessions(&mut *tx, principal.user_id, keep).await?,
        None => {
            store::auth::delete_sessions_of(&mut *tx, principal.user_id).await?;
            0
        }
    };
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "user.change_password", "user", principal.user_id)
            .detail(serde_json::json!({"other_sessions_ended": ended})),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An API token as listed; the secret itself is shown only when created.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    /// The first characters of the token, to recognise it.
    pub prefix: String,
    pub created_at: String,
    pub expires_at: String,
    pub revoked_at: Option<String>,
    pub last_used_at: Option<String>,
    pub active: bool,
}

impl From<store::auth::TokenRow> for ApiToken {
    fn from(r: store::auth::TokenRow) -> Self {
        let now = now_ms();
        ApiToken {
            id: r.id,
            name: r.name,
            prefix: r.prefix,
            created_at: format_ms(r.created_at),
            expires_at: format_ms(r.expires_at),
            revoked_at: r.revoked_at.map(format_ms),
            last_used_at: r.last_used_at.map(format_ms),
            active: r.revoked_at.is_none() && r.expires_at > now,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// What the token is for, e.g. "scanner app".
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// Lifetime in days; the deployment's default when absent.
    #[schema(minimum = 1, maximum = 365)]
    pub days: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedToken {
    pub token: ApiToken,
    /// The bearer token. Shown once: store it now.
    pub secret: String,
}

/// Creates a token for `owner` (the principal themself, or a user the console acts for).
pub async fn create_token(
    db: &Db,
    settings: &AuthSettings,
    principal: &Principal,
    owner: &Principal,
    input: &NewToken,
) -> AppResult<CreatedToken> {
    check(principal, Action::AccountManage, Target::User { org_id: owner.org_id, user_id: owner.user_id })?;
    let name = super::types::Name::parse("name", &input.name)?;
    let days = input.days.unwrap_or(settings.token_days);
    if !(1..=365).contains(&days) {
        return Err(AppError::invalid(
            "days",
            ErrorCode::InvalidTokenLifetime,
            "A token lives between 1 and 365 days.",
        ));
    }
    let secret = random_secret("ts_");
    let now = db.now_ms();
    let prefix: String = secret.chars().take(10).collect();
    let mut tx = db.begin().await?;
    let id = store::auth::insert_token(
        &mut *tx,
        owner.user_id,
        name.as_str(),
        &sha256_hex(&secret),
        &prefix,
        now,
        now + days * 86_400_000,
    )
    .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "token.create", "api_token", id)
            .scope(owner.org_id)
            .detail(serde_json::json!({"name": name.as_str(), "days": days, "owner": owner.label})),
    )
    .await?;
    tx.commit().await?;
    let row = store::auth::token_by_id(db.reader(), id).await?.ok_or_else(|| AppError::not_found("token"))?;
    Ok(CreatedToken { token: row.into(), secret })
}

pub async fn list_tokens(db: &Db, principal: &Principal) -> AppResult<Vec<ApiToken>> {
    check(principal, Action::AccountManage, Target::User { org_id: principal.org_id, user_id: principal.user_id })?;
    Ok(store::auth::tokens_of(db.reader(), principal.user_id).await?.into_iter().map(Into::into).collect())
}

pub async fn revoke_token(db: &Db, principal: &Principal, id: i64) -> AppResult<()> {
    let row = store::auth::token_by_id(db.reader(), id)
        .await?
        .filter(|t| t.user_id == principal.user_id || principal.is_platform_admin())
        .ok_or_else(|| AppError::not_found("token"))?;
    let mut tx = db.begin().await?;
    store::auth::revoke_token(&mut *tx, row.id, db.now_ms()).await?;
    store::audit::append(&mut tx, &AuditEvent::by(principal, "token.revoke", "api_token", id)).await?;
    tx.commit().await?;
    Ok(())
}

/// The principal behind a bearer token, if it is known, live and its user active.
pub async fn principal_from_token(db: &Db, secret: &str) -> AppResult<Option<Principal>> {
    let hash = sha256_hex(secret);
    let epoch = db.write_epoch();
    // By the SHA-256 of the bearer token: the principal, or `None` for a token that does not
    // authenticate (so a flood of wrong tokens does not reach the database each time either).
    let memory = db.caches.of::<Recent<String, Option<Principal>>>();
    if let Some(known) = memory.get(&hash, epoch) {
        known.iter().for_each(crate::ops::requests::note_principal);
        return Ok(known);
    }
    let principal = principal_from_token_hash(db, &hash).await?;
    principal.iter().for_each(crate::ops::requests::note_principal);
    memory.put(hash, epoch, principal.clone());
    Ok(principal)
}

async fn principal_from_token_hash(db: &Db, hash: &str) -> AppResult<Option<Principal>> {
    let Some(row) = store::auth::token_by_hash(db.reader(), hash).await? else { return Ok(None) };
    let now = db.now_ms();
    if row.revoked_at.is_some() || row.expires_at <= now {
        return Ok(None);
    }
    let Some(user) = store::directory::get_user(db.reader(), row.user_id).await? else { return Ok(None) };
    if !user.active {
        return Ok(None);
    }
    if row.last_used_at.is_none_or(|t| now - t > 60_000) {
        store::auth::mark_token_used(db.bookkeeping(), row.id, now).await?;
    }
    Ok(Some(with_grants(db, principal_of(&user)).await?))
}

/// Whether a role needs the admin pages at all (used to decide what the menu shows).
pub fn is_admin(role: Role) -> bool {
    matches!(role, Role::OrgAdmin | Role::PlatformAdmin)
}
