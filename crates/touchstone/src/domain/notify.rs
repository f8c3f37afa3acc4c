//! Notifications: what an organisation must hear about, written to the outbox in the
//! transaction of the change that caused it ([`enqueue`]), then shown in every user's in-app
//! inbox and delivered by e-mail and signed webhooks by the worker in
//! `notify_delivery`.
//!
//! Guarantees: a notice enqueued in a committed transaction is never lost (the outbox row
//! commits with the change, and the worker retries until delivery); enqueueing the same
//! `event_id` twice for one organisation is a no-op; no row is sent by two workers at once
//! (leases). Delivery is at least once: a process that dies between sending and recording the
//! send will send again, so e-mails carry a `Message-ID` and webhooks an
//! `X-Touchstone-Event-Id` derived from the event id, for receivers to drop duplicates.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit::AuditEvent;
use super::format_ms;
use super::net_guard::is_public_address;
use super::policy::{check, Action, Principal, Target};
use crate::config::NotifySettings;
use crate::domain::types::Language;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::i18n::{Sentence, Tr};
use crate::store::{self, Db, Tx};

/// One thing an organisation must hear about. `event_id` is stable per (event, recipient org):
/// enqueueing the same event_id twice for the same org is a no-op (unique constraint), so a
/// retried command never notifies twice.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// e.g. "case-12-detained-org-5"
    pub event_id: String,
    /// e.g. "case.detained", "case.answered", "case.deadline_reminder", "alert.match", "operation.hit"
    pub kind: String,
    /// The recipient organisation: every user sees it in their inbox; its active users get it
    /// by e-mail (unless they opted out); its webhook endpoints receive it.
    pub org_id: i64,
    /// One line, written in each reader's language when shown or sent.
    pub subject: Sentence,
    /// Paragraphs, likewise; what a person wrote is kept as [`Sentence::verbatim`].
    pub body: Vec<Sentence>,
    /// Path in the web UI, e.g. "/cases/12".
    pub link: String,
    /// JSON for webhooks.
    pub payload: serde_json::Value,
}

/// Longest event id accepted; ids are built by code, so a longer one is a bug.
const MAX_EVENT_ID: usize = 200;

/// Writes `notice` to the outbox inside the caller's transaction: the notice itself (which is
/// the inbox entry), one e-mail row per recipient and one row per webhook endpoint of the
/// organisation. Nothing is sent here; the delivery worker picks the rows up once the
/// transaction commits. A repeated `(event_id, org_id)` changes nothing.
pub async fn enqueue(tx: &mut Tx, notice: &Notice, now_ms: i64) -> Result<(), AppError> {
    let event_id = notice.event_id.trim();
    if event_id.is_empty() || event_id.len() > MAX_EVENT_ID || event_id.chars().any(char::is_control) {
        return Err(AppError::Internal(anyhow::anyhow!(
            "notify::enqueue: event id {:?} must be 1 to {MAX_EVENT_ID} printable characters",
            notice.event_id
        )));
    }
    // The English text is kept beside the message for webhooks and for readers of the raw
    // outbox; subjects go into mail headers: one line, whatever the caller built.
    let english = Tr::new(Language::En);
    let subject = one_line(&notice.subject.render(&english));
    let body = render_body(&notice.body, &english);
    let message = serde_json::to_string(&NoticeMessage { subject: notice.subject.clone(), body: notice.body.clone() })
        .map_err(|e| AppError::Internal(e.into()))?;
    let payload = serde_json::to_string(&notice.payload).map_err(|e| AppError::Internal(e.into()))?;
    let Some(id) = store::notify::insert_notice(
        tx,
        event_id,
        notice.org_id,
        &notice.kind,
        &subject,
        &body,
        &message,
        &notice.link,
        &payload,
        now_ms,
    )
    .await?
    else {
        tracing::debug!(event_id, org_id = notice.org_id, "notice already enqueued; nothing to do");
        return Ok(());
    };
    store::notify::insert_email_deliveries(tx, id, notice.org_id, now_ms).await?;
    store::notify::insert_webhook_deliveries(tx, id, notice.org_id, now_ms).await?;
    Ok(())
}

/// What a notice says, as stored beside it (`notify_notices.message`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NoticeMessage {
    pub subject: Sentence,
    pub body: Vec<Sentence>,
}

impl NoticeMessage {
    /// The stored message, if the notice has one (notices written before messages were kept
    /// have only their English text).
    pub fn decode(stored: Option<&str>) -> Option<Self> {
        serde_json::from_str(stored?).ok()
    }

    /// Subject and body in `tr`'s language.
    pub fn render(&self, tr: &Tr) -> (String, String) {
        (one_line(&self.subject.render(tr)), render_body(&self.body, tr))
    }
}

fn render_body(body: &[Sentence], tr: &Tr) -> String {
    body.iter().map(|m| m.render(tr)).filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// Control characters and line breaks become spaces; runs of spaces collapse. No-break spaces
/// stay: French puts one before a colon.
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_ascii_whitespace() || c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// The in-app inbox

/// A notice in a user's inbox.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InboxItem {
    pub id: i64,
    /// Stable per event and recipient organisation.
    pub event_id: String,
    pub kind: String,
    pub subject: String,
    pub body: String,
    /// Path of the page concerned, e.g. `/cases/12`.
    pub link: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub read: bool,
    /// RFC 3339, UTC; when this user marked it read.
    pub read_at: Option<String>,
}

impl InboxItem {
    /// The row as `tr`'s reader reads it: in their language when the notice kept its message.
    fn read_by(r: store::notify::InboxRow, tr: &Tr) -> Self {
        let (subject, body) = match NoticeMessage::decode(r.message.as_deref()) {
            Some(m) => m.render(tr),
            None => (r.subject, r.body),
        };
        InboxItem {
            id: r.id,
            event_id: r.event_id,
            kind: r.kind,
            subject,
            body,
            link: r.link,
            created_at: format_ms(r.created_at),
            read: r.read_at.is_some(),
            read_at: r.read_at.map(format_ms),
        }
    }
}

/// The principal's inbox: the notices of their organisation, newest first, with their own
/// read marks, written for `tr`'s reader. Each user sees only their own organisation's
/// notices; the console has none.
pub async fn inbox(
    db: &Db,
    principal: &Principal,
    tr: &Tr,
    unread_only: bool,
    limit: i64,
) -> AppResult<Vec<InboxItem>> {
    if principal.user_id == 0 {
        return Ok(Vec::new());
    }
    let limit = limit.clamp(1, 500);
    let rows = store::notify::inbox(db.reader(), principal.org_id, principal.user_id, unread_only, limit).await?;
    Ok(rows.into_iter().map(|r| InboxItem::read_by(r, tr)).collect())
}

/// How many notices of the principal's organisation the principal has not read.
pub async fn unread_count(db: &Db, principal: &Principal) -> AppResult<i64> {
    if principal.user_id == 0 {
        return Ok(0);
    }
    Ok(store::notify::unread_count(db.reader(), principal.org_id, principal.user_id).await?)
}

/// Marks one notice read for the principal. Another organisation's notice is a 404: its
/// existence is not to be confirmed.
pub async fn mark_read(db: &Db, principal: &Principal, notice_id: i64) -> AppResult<()> {
    let notice = store::notify::notice(db.reader(), notice_id)
        .await?
        .filter(|n| n.org_id == principal.org_id && principal.user_id != 0)
        .ok_or_else(|| AppError::not_found("notification"))?;
    let mut tx = db.begin().await?;
    store::notify::mark_read(&mut *tx, notice.id, principal.user_id, db.now_ms()).await?;
    tx.commit().await?;
    Ok(())
}

/// Marks every notice of the principal's organisation read for the principal.
pub async fn mark_all_read(db: &Db, principal: &Principal) -> AppResult<u64> {
    if principal.user_id == 0 {
        return Ok(0);
    }
    let mut tx = db.begin().await?;
    let n = store::notify::mark_all_read(&mut *tx, principal.org_id, principal.user_id, db.now_ms()).await?;
    tx.commit().await?;
    Ok(n)
}

/// Whether the principal receives notices by e-mail (the default) or only in the inbox.
pub async fn email_enabled(db: &Db, principal: &Principal) -> AppResult<bool> {
    Ok(!store::notify::email_opted_out(db.reader(), principal.user_id).await?)
}

/// Turns the principal's e-mail notifications on or off (from the next notice on).
pub async fn set_email_enabled(db: &Db, principal: &Principal, enabled: bool) -> AppResult<()> {
    check(principal, Action::AccountManage, Target::User { org_id: principal.org_id, user_id: principal.user_id })?;
    let mut tx = db.begin().await?;
    store::notify::set_email_optout(&mut *tx, principal.user_id, !enabled, db.now_ms()).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "notify.email_preference", "user", principal.user_id)
            .detail(serde_json::json!({"email": enabled})),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Webhook endpoints

/// A webhook endpoint of an organisation. The secret is never shown again after creation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Webhook {
    pub id: i64,
    pub url: String,
    pub description: String,
    /// RFC 3339, UTC.
    pub created_at: String,
}

impl From<store::notify::WebhookRow> for Webhook {
    fn from(r: store::notify::WebhookRow) -> Self {
        Webhook { id: r.id, url: r.url, description: r.description, created_at: format_ms(r.created_at) }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewWebhook {
    /// Where deliveries are POSTed: `https://…` (plain `http://` and local addresses only where
    /// the deployment allows them).
    #[schema(min_length = 1, max_length = 2000)]
    pub url: String,
    /// What the endpoint is, e.g. "case management system".
    #[serde(default)]
    #[schema(max_length = 200)]
    pub description: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedWebhook {
    pub webhook: Webhook,
    /// The signing secret: `X-Touchstone-Signature` is `sha256=` and the hex HMAC-SHA256 of
    /// `<X-Touchstone-Timestamp>.<body>` under this secret. Shown once: store it now.
    pub secret: String,
}

/// Checks a webhook address: http(s) with a host, no credentials; https and a public host
/// unless the deployment allows local endpoints (development and tests).
pub fn parse_webhook_url(raw: &str, settings: &NotifySettings) -> AppResult<url::Url> {
    let invalid = |m: &str| AppError::invalid("url", ErrorCode::InvalidWebhookUrl, m.to_string());
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > 2000 {
        return Err(invalid("Give the endpoint's address, e.g. https://example.com/touchstone-hook."));
    }
    let url = url::Url::parse(raw)
        .map_err(|_| invalid("This is not a web address; give one such as https://example.com/touchstone-hook."))?;
    match url.scheme() {
        "https" => {}
        "http" if settings.webhook_allow_local => {}
        _ => return Err(invalid("Webhook endpoints must use https://.")),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid("Leave credentials out of the address; verify deliveries with the signature instead."));
    }
    let Some(host) = url.host() else { return Err(invalid("The address has no host.")) };
    if !settings.webhook_allow_local && is_local_host(&host) {
        return Err(AppError::invalid(
            "url",
            ErrorCode::WebhookAddressNotPublic,
            "This address is on a local or private network; give the address your receiving system has on the internet.",
        ));
    }
    Ok(url)
}

/// An early, clear refusal of what is local on its face: a literal address that is not public
/// (by [`is_public_address`], so every IPv6 form of a private IPv4 address too) and the names
/// reserved for local use. Names are not resolved here: what a name resolves to is checked at
/// every delivery, on the addresses connected to ([`super::net_guard::GuardedResolver`]), which
/// is the check that holds.
fn is_local_host(host: &url::Host<&str>) -> bool {
    use std::net::IpAddr;
    match host {
        url::Host::Domain(d) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost") || d.ends_with(".local") || d.ends_with(".internal")
        }
        url::Host::Ipv4(ip) => !is_public_address(IpAddr::V4(*ip)),
        url::Host::Ipv6(ip) => !is_public_address(IpAddr::V6(*ip)),
    }
}

/// Registers a webhook endpoint for the principal's organisation (its administrators only).
pub async fn create_webhook(
    db: &Db,
    settings: &NotifySettings,
    principal: &Principal,
    input: &NewWebhook,
) -> AppResult<CreatedWebhook> {
    check(principal, Action::WebhookManage, Target::Organisation { org_id: principal.org_id })?;
    let url = parse_webhook_url(&input.url, settings)?;
    let description = one_line(&input.description);
    if description.chars().count() > 200 {
        return Err(AppError::invalid("description", ErrorCode::TooLong, "Keep the description under 200 characters."));
    }
    let secret = new_secret();
    let now = db.now_ms();
    let creator = (principal.user_id != 0).then_some(principal.user_id);
    let mut tx = db.begin().await?;
    let id =
        store::notify::insert_webhook(&mut *tx, principal.org_id, url.as_str(), &description, &secret, creator, now)
            .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "webhook.create", "webhook", id)
            .scope(principal.org_id)
            .detail(serde_json::json!({"url": url.as_str()})),
    )
    .await?;
    tx.commit().await?;
    let row = store::notify::webhook(db.reader(), id).await?.ok_or_else(|| AppError::not_found("webhook"))?;
    Ok(CreatedWebhook { webhook: row.into(), secret })
}

pub async fn list_webhooks(db: &Db, principal: &Principal) -> AppResult<Vec<Webhook>> {
    check(principal, Action::WebhookManage, Target::Organisation { org_id: principal.org_id })?;
    Ok(store::notify::webhooks_of(db.reader(), principal.org_id).await?.into_iter().map(Into::into).collect())
}

/// Removes an endpoint of the principal's organisation; deliveries still waiting for it are
/// cancelled. Another organisation's endpoint is a 404.
pub async fn delete_webhook(db: &Db, principal: &Principal, id: i64) -> AppResult<()> {
    let row = store::notify::webhook(db.reader(), id)
        .await?
        .filter(|w| w.deleted_at.is_none())
        .ok_or_else(|| AppError::not_found("webhook"))?;
    if !super::policy::allows(principal, Action::WebhookManage, Target::Organisation { org_id: row.org_id }) {
        // Not found rather than forbidden: another organisation's endpoints are not to be confirmed.
        return Err(if row.org_id == principal.org_id {
            AppError::forbidden()
        } else {
            AppError::not_found("webhook")
        });
    }
    let mut tx = db.begin().await?;
    store::notify::delete_webhook(&mut tx, id, db.now_ms()).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "webhook.delete", "webhook", id)
            .scope(row.org_id)
            .detail(serde_json::json!({"url": row.url})),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn new_secret() -> String {
    use rand::RngCore;
    let mut b = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut b);
    format!("whsec_{}", data_encoding::BASE64URL_NOPAD.encode(&b))
}

// ---------------------------------------------------------------------------------------------
// Delivery status, for administrators

/// An outbox row that has not been delivered yet.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PendingDelivery {
    pub id: i64,
    pub event_id: String,
    pub org_id: i64,
    pub kind: String,
    /// `email` or `webhook`.
    pub channel: String,
    /// The e-mail address or the endpoint URL.
    pub destination: String,
    pub attempts: i64,
    /// RFC 3339, UTC.
    pub next_attempt_at: String,
    pub last_attempt_at: Option<String>,
    pub last_error: Option<String>,
    pub created_at: String,
    /// Whether it has failed at least `failing_after_attempts` times (still retried).
    pub failing: bool,
}

/// Deliveries still waiting after at least one attempt, most attempts first: the principal's
/// organisation's, or every organisation's for a platform administrator.
pub async fn pending_deliveries(
    db: &Db,
    settings: &NotifySettings,
    principal: &Principal,
) -> AppResult<Vec<PendingDelivery>> {
    check(principal, Action::DeliveriesRead, Target::Organisation { org_id: principal.org_id })?;
    let scope = if principal.is_platform_admin() { None } else { Some(principal.org_id) };
    let rows = store::notify::pending_deliveries(db.reader(), scope, 1, 200).await?;
    Ok(rows
        .into_iter()
        .map(|r| PendingDelivery {
            id: r.id,
            event_id: r.event_id,
            org_id: r.org_id,
            kind: r.kind,
            channel: r.channel,
            destination: r.destination,
            attempts: r.attempts,
            next_attempt_at: format_ms(r.next_attempt_at),
            last_attempt_at: r.last_attempt_at.map(format_ms),
            last_error: r.last_error,
            created_at: format_ms(r.created_at),
            failing: r.attempts >= settings.failing_after_attempts,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(local: bool) -> NotifySettings {
        NotifySettings { webhook_allow_local: local, ..NotifySettings::default() }
    }

    #[test]
    fn subjects_are_one_line() {
        assert_eq!(one_line(" Goods\r\ndetained\tat  Le Havre \n"), "Goods detained at Le Havre");
    }

    #[test]
    fn webhook_urls_must_be_public_https_unless_local_ones_are_allowed() {
        assert!(parse_webhook_url("https://hooks.example.com/ts", &settings(false)).is_ok());
        for bad in [
            "http://hooks.example.com/ts",
            "https://127.0.0.1/x",
            "https://localhost:8443/x",
            "https://10.1.2.3/x",
            "https://169.254.169.254/latest",
            "https://[::1]/x",
            "https://user:pw@hooks.example.com/",
            "ftp://hooks.example.com/",
            "not a url",
        ] {
            assert!(parse_webhook_url(bad, &settings(false)).is_err(), "{bad} should be refused");
        }
        assert!(parse_webhook_url("http://127.0.0.1:9999/hook", &settings(true)).is_ok());
    }

    #[test]
    fn literal_addresses_on_local_networks_are_refused_in_every_spelling_with_their_own_code() {
        for bad in [
            "https://127.0.0.1/",
            "https://127.1/",
            "https://0x7f000001/",
            "https://0177.0.0.1/",
            "https://0.0.0.0/",
            "https://[::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:0.0.0.0]:8443/",
            "https://[::ffff:169.254.169.254]/",
            "https://[::ffff:100.64.0.1]/",
            "https://[64:ff9b::7f00:1]/",
            "https://[::127.0.0.1]/",
            "https://[2002:7f00:1::]/",
            "https://[fd00::1]/",
            "https://100.64.0.1/",
            "https://198.18.0.1/",
            "https://224.0.0.1/",
            "https://255.255.255.255/",
            "https://localhost./",
            "https://hooks.localhost/",
        ] {
            let e = parse_webhook_url(bad, &settings(false)).expect_err(bad);
            assert_eq!(e.code(), ErrorCode::WebhookAddressNotPublic, "{bad}");
        }
        for good in ["https://93.184.216.34/hook", "https://[2606:4700::1111]/hook", "https://8.8.8.8/"] {
            assert!(parse_webhook_url(good, &settings(false)).is_ok(), "{good}");
        }
    }
}
