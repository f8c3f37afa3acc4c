//! What each organisation's API tokens may ask for: the `[api_limits]` defaults, or the figures
//! the platform administrator set for the organisation (audited). The limiter that applies
//! them is [`crate::ops::limits`].

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit::AuditEvent;
use super::policy::{check, Action, Principal, Target};
use crate::config::ApiLimitSettings;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::{self, Db};

/// The largest figure accepted for any limit.
pub const MAX_FIGURE: u32 = 1_000_000;

/// An organisation's own figures; a missing or `null` one keeps the default. Sending all three
/// `null` (or `{}`) returns the organisation to the defaults.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ApiLimitOverrides {
    /// Requests per minute per token (the bucket's refill rate).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000000)]
    pub requests_per_minute: Option<u32>,
    /// Requests a token may send at once after a quiet spell (the bucket's size).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000000)]
    pub burst: Option<u32>,
    /// Requests of one token answered at the same time.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000000)]
    pub concurrent_requests: Option<u32>,
}

impl ApiLimitOverrides {
    /// The figures in force: these where set, the defaults elsewhere.
    pub fn over(&self, defaults: &ApiLimitSettings) -> ApiLimitSettings {
        ApiLimitSettings {
            requests_per_minute: self.requests_per_minute.unwrap_or(defaults.requests_per_minute),
            burst: self.burst.unwrap_or(defaults.burst),
            concurrent_requests: self.concurrent_requests.unwrap_or(defaults.concurrent_requests),
        }
    }
}

/// An organisation's API limits: what it was given, and what is in force.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct OrganisationApiLimits {
    pub organisation_id: i64,
    /// The organisation's own figures (`null`: the default).
    pub overrides: ApiLimitOverrides,
    /// The figures each of its tokens is held to.
    pub effective: ApiLimitSettings,
}

fn figure(v: Option<i64>) -> Option<u32> {
    v.and_then(|v| u32::try_from(v).ok())
}

/// The organisation's own figures, whoever asks (the limiter's read).
pub async fn overrides_of(db: &Db, org_id: i64) -> AppResult<ApiLimitOverrides> {
    Ok(store::directory::api_limit_overrides(db.reader(), org_id)
        .await?
        .map(|(rpm, burst, concurrent)| ApiLimitOverrides {
            requests_per_minute: figure(rpm),
            burst: figure(burst),
            concurrent_requests: figure(concurrent),
        })
        .unwrap_or_default())
}

async fn existing_organisation(db: &Db, org_id: i64) -> AppResult<()> {
    store::directory::get_organisation(db.reader(), org_id)
        .await?
        .ok_or_else(|| AppError::not_found("organisation"))?;
    Ok(())
}

/// An organisation's API limits (platform administrators and the console).
pub async fn get(
    db: &Db,
    principal: &Principal,
    defaults: &ApiLimitSettings,
    org_id: i64,
) -> AppResult<OrganisationApiLimits> {
    check(principal, Action::OrganisationCreate, Target::Platform)?;
    existing_organisation(db, org_id).await?;
    let overrides = overrides_of(db, org_id).await?;
    Ok(OrganisationApiLimits { organisation_id: org_id, overrides, effective: overrides.over(defaults) })
}

/// Sets an organisation's API limits (platform administrators and the console), replacing the
/// figures it had; audited with the figures before and after.
pub async fn set(
    db: &Db,
    principal: &Principal,
    defaults: &ApiLimitSettings,
    org_id: i64,
    input: &ApiLimitOverrides,
) -> AppResult<OrganisationApiLimits> {
    check(principal, Action::OrganisationCreate, Target::Platform)?;
    for (field, value) in [
        ("requests_per_minute", input.requests_per_minute),
        ("burst", input.burst),
        ("concurrent_requests", input.concurrent_requests),
    ] {
        if value.is_some_and(|v| !(1..=MAX_FIGURE).contains(&v)) {
            return Err(AppError::invalid(
                field,
                ErrorCode::OutOfRange,
                format!("{field} must be between 1 and {MAX_FIGURE}; leave it out (or null) to keep the default."),
            ));
        }
    }
    existing_organisation(db, org_id).await?;
    let before = overrides_of(db, org_id).await?;
    let mut tx = db.begin().await?;
    let row = (
        input.requests_per_minute.map(i64::from),
        input.burst.map(i64::from),
        input.concurrent_requests.map(i64::from),
    );
    store::directory::set_api_limit_overrides(&mut tx, org_id, row, db.now_ms()).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "organisation.set_api_limits", "organisation", org_id)
            .scope(org_id)
            .detail(serde_json::json!({"before": before, "after": input})),
    )
    .await?;
    tx.commit().await?;
    Ok(OrganisationApiLimits { organisation_id: org_id, overrides: *input, effective: input.over(defaults) })
}
