//! Connected verification: a rights holder answers the checks of its brand's serials through
//! its own HTTPS service instead of uploading them.
//!
//! The protocol is the webhooks' (`notify_delivery::sign`): Touchstone POSTs
//! `{"request_id", "gtin", "serial", "batch", "expiry", "country"}` (the office's country, never
//! who checks) with `X-Touchstone-Timestamp` and `X-Touchstone-Signature` (`sha256=` and the
//! HMAC-SHA256 of `<timestamp>.<body>` under the secret shown once at registration), and the
//! service answers `200` with `{"request_id", "status", "mismatched"?}` signed the same way
//! under the same secret. `status` is `active`, `unknown`, `recalled`, `destroyed`, `stolen`,
//! `exported` or `sample`; `mismatched` may list `batch` and `expiry` when they differ from
//! what the service holds. The answer must echo the request's id, so that an old signed answer
//! replayed cannot stand for this one.
//!
//! Whatever goes wrong (no connection, an address that is not public, no answer within the
//! time limit, another status than 200, a missing or wrong signature, an answer to another
//! request, a body outside the protocol) is "could not verify" with its reason, never a verdict.
//! Addresses follow the webhooks' rules (`net_guard`): `https://` and public addresses only,
//! checked on the addresses actually connected to. Certificates are always verified: against
//! the public web roots, or the authorities of `[verify] connected_root_certificates`.

use std::time::Duration;

use rand::RngCore;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Found, Scanned, SerialStatus, UnverifiedReason, VerifySettings};
use crate::config::NotifySettings;
use crate::domain::audit::AuditEvent;
use crate::domain::net_guard::GuardedResolver;
use crate::domain::notify_delivery::{sign, verify as signature_ok};
use crate::domain::policy::{allows, Action, Principal};
use crate::domain::{format_ms, now_ms};
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use crate::store::verify::{self as sql, StoredService};
use crate::store::{self, Db};

/// Answers larger than this are not verdicts.
const MAX_ANSWER_BYTES: u64 = 16 * 1024;

/// The HTTP client of the verification services: a time limit per check, no redirects, no
/// proxy (a proxy would resolve the name itself, out of reach of the address check), the
/// guarded resolver, and the roots to verify certificates against.
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    timeout: Duration,
}

impl Client {
    pub fn new(settings: &VerifySettings, allow_local: bool) -> anyhow::Result<Client> {
        let timeout = Duration::from_millis(settings.connected_timeout_ms.clamp(100, 30_000));
        let roots = match &settings.connected_root_certificates {
            None => ureq::tls::RootCerts::WebPki,
            Some(path) => {
                let pem = std::fs::read(path)
                    .map_err(|e| anyhow::anyhow!("[verify] connected_root_certificates {}: {e}", path.display()))?;
                let certs = ureq::tls::parse_pem(&pem)
                    .filter_map(|item| match item {
                        Ok(ureq::tls::PemItem::Certificate(c)) => Some(Ok(c)),
                        Ok(_) => None,
                        Err(e) => Some(Err(e)),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                anyhow::ensure!(!certs.is_empty(), "{} holds no certificate", path.display());
                ureq::tls::RootCerts::new_with_certs(&certs)
            }
        };
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .max_redirects(0)
            .http_status_as_error(false)
            .proxy(None)
            .tls_config(ureq::tls::TlsConfig::builder().root_certs(roots).build())
            .user_agent(concat!("Touchstone/", env!("CARGO_PKG_VERSION")))
            .build();
        let agent = ureq::Agent::with_parts(
            config,
            ureq::unversioned::transport::DefaultConnector::default(),
            GuardedResolver::new(allow_local),
        );
        Ok(Client { agent, timeout })
    }
}

#[derive(Serialize)]
struct Request<'a> {
    request_id: String,
    gtin: &'a str,
    serial: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    batch: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expiry: Option<&'a str>,
    country: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Answer {
    request_id: String,
    status: String,
    #[serde(default)]
    mismatched: Vec<String>,
}

/// Asks the brand's service about one serial, within the time limit.
pub(super) async fn ask(
    client: &Client,
    service: &StoredService,
    gtin14: &str,
    scanned: Scanned<'_>,
    country: &str,
) -> Result<Found, UnverifiedReason> {
    let mut id = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut id);
    let request_id = data_encoding::HEXLOWER.encode(&id);
    let body = serde_json::to_string(&Request {
        request_id: request_id.clone(),
        gtin: gtin14,
        serial: scanned.serial.trim(),
        batch: scanned.batch,
        expiry: scanned.expiry,
        country,
    })
    .map_err(|_| UnverifiedReason::BadAnswer)?;
    // Real time, not the domain clock: the service may refuse stale requests.
    let timestamp = (now_ms() / 1000).to_string();
    let signature = sign(&service.secret, &timestamp, body.as_bytes());
    let (agent, url, secret) = (client.agent.clone(), service.url.clone(), service.secret.clone());
    // ureq is blocking: the call runs on a blocking thread, bounded by the agent's time limit
    // and, should a thread be slow to start, by the same limit here.
    let call = tokio::task::spawn_blocking(move || -> Result<Found, UnverifiedReason> {
        let mut response = agent
            .post(&url)
            .header("Content-Type", "application/json")
            .header("X-Touchstone-Timestamp", &timestamp)
            .header("X-Touchstone-Signature", &signature)
            .send(body.as_bytes())
            .map_err(|e| failure(&e))?;
        if response.status().as_u16() != 200 {
            return Err(UnverifiedReason::ServiceError);
        }
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
        let (answer_ts, answer_sig) = (header("X-Touchstone-Timestamp"), header("X-Touchstone-Signature"));
        let bytes = response.body_mut().with_config().limit(MAX_ANSWER_BYTES).read_to_vec().map_err(|e| failure(&e))?;
        let (Some(ts), Some(sig)) = (answer_ts, answer_sig) else { return Err(UnverifiedReason::BadSignature) };
        if !signature_ok(&secret, &ts, &bytes, &sig) {
            return Err(UnverifiedReason::BadSignature);
        }
        let answer: Answer = serde_json::from_slice(&bytes).map_err(|_| UnverifiedReason::BadAnswer)?;
        if answer.request_id != request_id {
            return Err(UnverifiedReason::BadSignature);
        }
        found(answer)
    });
    match tokio::time::timeout(client.timeout + Duration::from_millis(500), call).await {
        Err(_) => Err(UnverifiedReason::ServiceTimeout),
        Ok(Err(_)) => Err(UnverifiedReason::ServiceUnreachable),
        Ok(Ok(found)) => found,
    }
}

fn failure(e: &ureq::Error) -> UnverifiedReason {
    tracing::debug!(error = %e, "verification service transport error");
    match e {
        ureq::Error::Timeout(_) => UnverifiedReason::ServiceTimeout,
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => UnverifiedReason::ServiceTimeout,
        // A name that resolves to a private address is, for the officer, a service not reached;
        // the log says which (above), the rights holder sees it in its failures.
        _ => UnverifiedReason::ServiceUnreachable,
    }
}

fn found(answer: Answer) -> Result<Found, UnverifiedReason> {
    if answer.mismatched.iter().any(|m| m != "batch" && m != "expiry") {
        return Err(UnverifiedReason::BadAnswer);
    }
    if answer.status == "unknown" {
        return Ok(Found::Unknown);
    }
    let status = SerialStatus::parse(&answer.status).ok_or(UnverifiedReason::BadAnswer)?;
    Ok(Found::Registered { status, mismatched: answer.mismatched })
}

// ---------------------------------------------------------------------------------------------
// Registration

/// A service to register for a brand.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewService {
    /// `https://…` on a public address: where the checks are POSTed.
    pub url: String,
}

/// A brand's verification service, as its rights holder reads it (never the secret again).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Service {
    pub brand_id: i64,
    pub url: String,
    pub created_at: String,
    pub updated_at: String,
    /// Checks of the last 7 days that got no verdict, by reason: what to fix on the service.
    pub recent_failures: Vec<ServiceFailures>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ServiceFailures {
    pub reason: UnverifiedReason,
    pub checks: i64,
    pub last_at: String,
}

/// The service just registered, with the secret shown this once.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegisteredService {
    #[serde(flatten)]
    pub service: Service,
    /// Signs the requests and must sign the answers: `X-Touchstone-Signature` is `sha256=` and
    /// the hex HMAC-SHA256 of `<X-Touchstone-Timestamp>.<body>` under it. Shown once: store it now.
    pub secret: String,
}

/// Checks `action` on the brand: 404 for a brand the principal may not see as its own.
async fn check_brand(db: &Db, principal: &Principal, brand_id: i64, action: Action) -> AppResult<()> {
    let brand =
        crate::domain::catalog::brand_remembered(db, brand_id).await?.ok_or_else(|| AppError::not_found("brand"))?;
    let target = crate::domain::catalog::brand_target(
        db,
        principal,
        brand.id,
        brand.owner_organisation_id,
        &brand.draft.confidentiality,
    )
    .await?;
    if allows(principal, action, target) {
        Ok(())
    } else if allows(principal, Action::BrandReadDraft, target) {
        Err(AppError::forbidden())
    } else {
        Err(AppError::not_found("brand"))
    }
}

/// Checks a service's address by the webhooks' rules, with this module's error code.
fn parse_url(raw: &str, notify: &NotifySettings) -> AppResult<url::Url> {
    crate::domain::notify::parse_webhook_url(raw, notify).map_err(|e| match e {
        AppError::Client(c) if c.code == ErrorCode::InvalidWebhookUrl => AppError::invalid(
            "url",
            ErrorCode::InvalidVerificationUrl,
            "Give the address of your verification service as https://… with a host and no credentials, \
             e.g. https://verify.example.com/touchstone.",
        ),
        other => other,
    })
}

fn service_of(row: StoredService, failures: Vec<(String, i64, i64)>) -> AppResult<Service> {
    let recent_failures = failures
        .into_iter()
        .map(|(reason, checks, last)| {
            Ok(ServiceFailures { reason: UnverifiedReason::decode(&reason)?, checks, last_at: format_ms(last) })
        })
        .collect::<AppResult<_>>()?;
    Ok(Service {
        brand_id: row.brand_id,
        url: row.url,
        created_at: format_ms(row.created_at),
        updated_at: format_ms(row.updated_at),
        recent_failures,
    })
}

/// Registers (or replaces, with a new secret) the brand's verification service.
pub async fn register(
    db: &Db,
    notify: &NotifySettings,
    principal: &Principal,
    brand_id: i64,
    input: &NewService,
) -> AppResult<RegisteredService> {
    check_brand(db, principal, brand_id, Action::VerificationServiceManage).await?;
    let url = parse_url(&input.url, notify)?;
    let secret = new_secret();
    let now = db.now_ms();
    let mut tx = db.begin().await?;
    sql::put_service(&mut tx, brand_id, url.as_str(), &secret, now).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "verify.service_registered", "brand", brand_id)
            .detail(serde_json::json!({"url": url.as_str()})),
    )
    .await?;
    tx.commit().await?;
    let row = sql::service(db.reader(), brand_id).await?.ok_or_else(|| AppError::not_found("verification service"))?;
    Ok(RegisteredService { service: service_of(row, Vec::new())?, secret })
}

/// The brand's verification service; 404 when it has none.
pub async fn get(db: &Db, principal: &Principal, brand_id: i64) -> AppResult<Service> {
    read(db, principal, brand_id).await?.ok_or_else(|| AppError::not_found("verification service"))
}

/// The brand's verification service, if it has one.
pub async fn read(db: &Db, principal: &Principal, brand_id: i64) -> AppResult<Option<Service>> {
    check_brand(db, principal, brand_id, Action::VerificationServiceManage).await?;
    let Some(row) = sql::service(db.reader(), brand_id).await? else { return Ok(None) };
    let failures = sql::failures_since(db.reader(), brand_id, db.now_ms() - 7 * 86_400_000).await?;
    service_of(row, failures).map(Some)
}

/// Removes the brand's verification service: its checks go back to the registered serials.
pub async fn remove(db: &Db, principal: &Principal, brand_id: i64) -> AppResult<()> {
    check_brand(db, principal, brand_id, Action::VerificationServiceManage).await?;
    let mut tx = db.begin().await?;
    if !sql::delete_service(&mut tx, brand_id).await? {
        return Err(AppError::client(
            ErrorKind::NotFound,
            ErrorCode::NotFound,
            "This brand has no verification service registered.",
        ));
    }
    store::audit::append(&mut tx, &AuditEvent::by(principal, "verify.service_removed", "brand", brand_id)).await?;
    tx.commit().await?;
    Ok(())
}

fn new_secret() -> String {
    let mut b = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut b);
    format!("vssec_{}", data_encoding::BASE64URL_NOPAD.encode(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_protocol_s_statuses_and_mismatches_are_verdicts() {
        let answer = |status: &str, mismatched: &[&str]| Answer {
            request_id: "r".into(),
            status: status.into(),
            mismatched: mismatched.iter().map(|m| m.to_string()).collect(),
        };
        assert!(matches!(found(answer("unknown", &[])), Ok(Found::Unknown)));
        assert!(matches!(
            found(answer("active", &["batch"])),
            Ok(Found::Registered { status: SerialStatus::Active, ref mismatched }) if mismatched == &["batch"]
        ));
        assert!(matches!(found(answer("recalled", &[])), Ok(Found::Registered { status: SerialStatus::Recalled, .. })));
        for (status, mismatched) in [("genuine", &[][..]), ("", &[]), ("active", &["colour"])] {
            assert!(matches!(found(answer(status, mismatched)), Err(UnverifiedReason::BadAnswer)), "{status}");
        }
    }
}
