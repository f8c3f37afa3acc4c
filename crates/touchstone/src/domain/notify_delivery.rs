//! The delivery worker: tails the notification outbox (`notify_deliveries`) and sends each due
//! row by e-mail (SMTP through `lettre`) or as a signed webhook (HTTP POST through `ureq`),
//! retrying with exponential backoff until it is delivered.
//!
//! Every `serve` process may run a worker on the same database. A row is taken with a lease
//! (a conditional UPDATE of `claimed_by`/`claimed_until` that only one worker can win), so no
//! two workers send the same row at the same time; a worker that dies mid-send leaves a lease
//! that simply runs out, and the row is sent again. That window — sent, but not yet recorded as
//! sent — is why delivery is at least once, and why every e-mail's `Message-ID` and every
//! webhook's `X-Touchstone-Event-Id` derive from the event id: receivers drop duplicates.

use std::sync::Arc;
use std::time::Duration;

use hmac::{Hmac, Mac};
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use rand::Rng;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::net_guard::{GuardedResolver, NonPublicAddress};
use super::notify::NoticeMessage;
use super::types::Language;
use super::{format_ms, now_ms};
use crate::config::{Config, NotifySettings, SmtpTls};
use crate::i18n::{time as zones, Tr};
use crate::store::notify::Job;
use crate::store::{self, Db};

/// A webhook attempt gives up after this long (and is retried later).
pub const WEBHOOK_TIMEOUT: Duration = Duration::from_secs(10);
/// Rows sent at once by one worker.
const CONCURRENCY: usize = 8;
/// Rows looked at per round.
const BATCH: i64 = 64;

/// What one round of the worker did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    /// Rows this worker won the lease on.
    pub claimed: usize,
    pub delivered: usize,
    pub failed: usize,
    pub cancelled: usize,
}

struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// One delivery worker. Cheap to clone; [`Deliverer::run_once`] is what the loop in
/// [`spawn`] calls, and what tests call directly.
#[derive(Clone)]
pub struct Deliverer {
    inner: Arc<Inner>,
}

struct Inner {
    db: Db,
    settings: NotifySettings,
    smtp: Option<Smtp>,
    http: ureq::Agent,
    worker_id: String,
    /// `https://touchstone.example.org` without a trailing slash, to make links absolute.
    public_url: Option<String>,
    /// The right-hand side of Message-IDs.
    message_id_domain: String,
    lease: Duration,
    permits: Arc<Semaphore>,
}

impl Deliverer {
    /// A worker for `db` with the SMTP and notification settings of `config`. Fails when the
    /// SMTP settings cannot work (bad sender address, TLS without a host name).
    pub fn new(db: Db, config: &Config) -> anyhow::Result<Deliverer> {
        let public_url = config.public_url.as_ref().map(|u| u.trim_end_matches('/').to_string());
        let message_id_domain = public_url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_else(|| "touchstone.invalid".into());
        let smtp = match config.smtp.host.as_deref().filter(|h| !h.trim().is_empty()) {
            None => None,
            Some(host) => {
                let s = &config.smtp;
                let mut builder = match s.tls {
                    SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)?,
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)?,
                    SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
                }
                .port(s.port)
                .timeout(Some(Duration::from_secs(s.timeout_seconds.max(1))))
                .hello_name(ClientId::Domain(message_id_domain.clone()));
                if let Some(user) = s.username.as_deref() {
                    let password = s.password.as_ref().map(|p| p.expose().to_string()).unwrap_or_default();
                    builder = builder.credentials(Credentials::new(user.to_string(), password));
                }
                let from: Mailbox = s
                    .from
                    .parse()
                    .map_err(|e| anyhow::anyhow!("[smtp] from = {:?} is not an e-mail address: {e}", s.from))?;
                Some(Smtp { transport: builder.build(), from })
            }
        };
        let http_config = ureq::Agent::config_builder()
            .timeout_global(Some(WEBHOOK_TIMEOUT))
            .max_redirects(0)
            .http_status_as_error(false)
            // No proxy from the environment (HTTPS_PROXY…): a proxy would resolve the name
            // itself, out of reach of the address check below.
            .proxy(None)
            .user_agent(concat!("Touchstone/", env!("CARGO_PKG_VERSION")))
            .build();
        // Every name is resolved once per connection by the guarded resolver, which refuses
        // non-public addresses and hands ureq exactly the addresses it checked.
        let http = ureq::Agent::with_parts(
            http_config,
            ureq::unversioned::transport::DefaultConnector::default(),
            GuardedResolver::new(config.notify.webhook_allow_local),
        );
        // Longer than any one attempt can take, so that a live worker never loses its lease
        // mid-send; short enough that a crashed worker's rows go out soon after.
        let attempt_limit = WEBHOOK_TIMEOUT.max(Duration::from_secs(config.smtp.timeout_seconds.max(1)));
        let lease = attempt_limit * 2 + Duration::from_secs(5);
        let worker_id = format!("{}-{:08x}", std::process::id(), rand::thread_rng().gen::<u32>());
        Ok(Deliverer {
            inner: Arc::new(Inner {
                db,
                settings: config.notify.clone(),
                smtp,
                http,
                worker_id,
                public_url,
                message_id_domain,
                lease,
                permits: Arc::new(Semaphore::new(CONCURRENCY)),
            }),
        })
    }

    pub fn worker_id(&self) -> &str {
        &self.inner.worker_id
    }

    /// Whether e-mail goes out (an SMTP host is configured).
    pub fn sends_email(&self) -> bool {
        self.inner.smtp.is_some()
    }

    /// One round: takes the lease on each due row it can and sends them, several at once;
    /// returns when all of this round's attempts have ended.
    pub async fn run_once(&self) -> anyhow::Result<Round> {
        let now = self.inner.db.now_ms();
        let due = store::notify::due_deliveries(self.inner.db.reader(), now, self.sends_email(), BATCH).await?;
        let mut round = Round::default();
        let mut tasks = JoinSet::new();
        let mut claim_error = None;
        for id in due {
            // The permit comes first so that a lease starts only when its attempt can start.
            let permit = self.inner.permits.clone().acquire_owned().await?;
            let won = match self.claim(id).await {
                Ok(won) => won,
                Err(e) => {
                    // Stop claiming, but let the attempts already running finish and be recorded.
                    claim_error = Some(e);
                    break;
                }
            };
            if !won {
                continue;
            }
            round.claimed += 1;
            let me = self.clone();
            tasks.spawn(async move {
                let _permit = permit;
                me.attempt(id).await
            });
        }
        while let Some(joined) = tasks.join_next().await {
            match joined {
                Ok(Ok(Outcome::Delivered)) => round.delivered += 1,
                Ok(Ok(Outcome::Failed)) => round.failed += 1,
                Ok(Ok(Outcome::Cancelled)) => round.cancelled += 1,
                Ok(Err(e)) => {
                    round.failed += 1;
                    tracing::warn!(error = %e, "could not record a delivery attempt; its lease will run out and it is retried");
                }
                Err(e) => tracing::error!(error = %e, "a delivery task panicked"),
            }
        }
        match claim_error {
            Some(e) => Err(e),
            None => Ok(round),
        }
    }

    async fn claim(&self, id: i64) -> anyhow::Result<bool> {
        let now = self.inner.db.now_ms();
        let lease_until = now + self.inner.lease.as_millis() as i64;
        let mut tx = self.inner.db.begin().await?;
        let won = store::notify::claim(&mut *tx, id, &self.inner.worker_id, now, lease_until).await?;
        tx.commit().await?;
        Ok(won)
    }

    /// Sends one claimed row and records the outcome.
    async fn attempt(&self, id: i64) -> anyhow::Result<Outcome> {
        let db = &self.inner.db;
        let Some(job) = store::notify::job(db.reader(), id).await? else {
            crate::ops::metrics::notification_attempt("unknown", "cancelled");
            return Ok(Outcome::Cancelled);
        };
        let result = match job.channel.as_str() {
            "email" => match self.email_of(&job) {
                Ok(Some(message)) => self.send_email(message).await,
                Ok(None) => return self.cancel(id, &job.channel, "the recipient's account is no longer active").await,
                Err(e) => Err(e),
            },
            "webhook" => {
                if job.webhook_deleted_at.is_some() || job.webhook_url.is_none() {
                    return self.cancel(id, &job.channel, "endpoint removed").await;
                }
                self.send_webhook(&job).await
            }
            other => Err(format!("unknown channel {other:?}")),
        };
        let now = db.now_ms();
        let mut tx = db.begin().await?;
        let outcome = match result {
            Ok(()) => {
                store::notify::mark_delivered(&mut *tx, id, now).await?;
                tracing::info!(delivery = id, event_id = %job.event_id, channel = %job.channel, "notification delivered");
                crate::ops::metrics::notification_attempt(&job.channel, "delivered");
                Outcome::Delivered
            }
            Err(error) => {
                let error: String = error.chars().take(500).collect();
                let next = now + self.backoff_ms(job.attempts);
                store::notify::mark_failed(&mut *tx, id, &self.inner.worker_id, &error, now, next).await?;
                let attempts = job.attempts + 1;
                crate::ops::metrics::notification_attempt(&job.channel, "failed");
                if attempts >= self.inner.settings.failing_after_attempts {
                    tracing::warn!(delivery = id, event_id = %job.event_id, channel = %job.channel, attempts, %error,
                        retry_at = %format_ms(next), "notification delivery keeps failing");
                } else {
                    tracing::info!(delivery = id, event_id = %job.event_id, channel = %job.channel, attempts, %error,
                        retry_at = %format_ms(next), "notification delivery failed; will retry");
                }
                Outcome::Failed
            }
        };
        tx.commit().await?;
        Ok(outcome)
    }

    async fn cancel(&self, id: i64, channel: &str, reason: &str) -> anyhow::Result<Outcome> {
        crate::ops::metrics::notification_attempt(channel, "cancelled");
        let mut tx = self.inner.db.begin().await?;
        store::notify::cancel(&mut *tx, id, reason, self.inner.db.now_ms()).await?;
        tx.commit().await?;
        tracing::info!(delivery = id, reason, "notification delivery cancelled");
        Ok(Outcome::Cancelled)
    }

    /// base · 2^(failures so far), capped, with ±20 % jitter so that many rows failing together
    /// (an endpoint down) do not come back in lockstep.
    fn backoff_ms(&self, attempts_before: i64) -> i64 {
        let s = &self.inner.settings;
        let exp = attempts_before.clamp(0, 30) as u32;
        let delay = s.retry_base_ms.max(1).saturating_mul(1_i64 << exp).min(s.retry_max_ms.max(1));
        let jitter = rand::thread_rng().gen_range(0.8..1.2);
        ((delay as f64) * jitter) as i64
    }

    fn absolute_link(&self, link: &str) -> String {
        match &self.inner.public_url {
            Some(base) if link.starts_with('/') => format!("{base}{link}"),
            _ => link.to_string(),
        }
    }

    /// The e-mail for a row, or `None` when its recipient is gone.
    fn email_of(&self, job: &Job) -> Result<Option<Message>, String> {
        let Some(smtp) = &self.inner.smtp else { return Err("SMTP is not configured".into()) };
        if job.user_active != Some(1) {
            return Ok(None);
        }
        let address = job.user_email.as_deref().unwrap_or(&job.destination);
        let to = Mailbox::new(
            job.user_name.clone(),
            address.parse().map_err(|e| format!("the recipient address {address:?} is not valid: {e}"))?,
        );
        // The notice, its times and the footer in the recipient's language and zone; a notice
        // written before notices kept their message is sent as it was written.
        let language = job.user_language.as_deref().and_then(Language::parse).unwrap_or(Language::En);
        let zone = zones::reader_zone(job.user_time_zone.as_deref(), job.user_country.as_deref().unwrap_or(""));
        let tr = Tr::with_zone(language, zone);
        let (subject, body) = match NoticeMessage::decode(job.message.as_deref()) {
            Some(m) => m.render(&tr),
            None => (job.subject.clone(), job.body.clone()),
        };
        let text = format!(
            "{body}\n\n{link}\n\n-- \nTouchstone · {event}\n{footer}\n",
            body = body.trim_end(),
            link = self.absolute_link(&job.link),
            event = job.event_id,
            footer = tr.t("notice.email_footer"),
        );
        Message::builder()
            .from(smtp.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(message_id(
                &job.event_id,
                job.org_id,
                job.user_id.unwrap_or(0),
                &self.inner.message_id_domain,
            )))
            .header(EventIdHeader(job.event_id.clone()))
            .header(AutoSubmitted)
            .header(ContentType::TEXT_PLAIN)
            .body(text)
            .map(Some)
            .map_err(|e| format!("could not build the e-mail: {e}"))
    }

    async fn send_email(&self, message: Message) -> Result<(), String> {
        let Some(smtp) = &self.inner.smtp else { return Err("SMTP is not configured".into()) };
        smtp.transport.send(message).await.map(|_| ()).map_err(|e| format!("SMTP: {e}"))
    }

    async fn send_webhook(&self, job: &Job) -> Result<(), String> {
        let url = job.webhook_url.clone().unwrap_or_default();
        let secret = job.webhook_secret.clone().unwrap_or_default();
        let payload: serde_json::Value = serde_json::from_str(&job.payload).unwrap_or(serde_json::Value::Null);
        let body = serde_json::json!({
            "event_id": job.event_id,
            "kind": job.kind,
            "subject": job.subject,
            "link": job.link,
            "payload": payload,
            "created_at": format_ms(job.notice_created_at),
        })
        .to_string();
        // Real time, not the domain clock: the receiver checks the signature is fresh.
        let timestamp = (now_ms() / 1000).to_string();
        let signature = sign(&secret, &timestamp, body.as_bytes());
        let agent = self.inner.http.clone();
        let event_id = job.event_id.clone();
        let delivery = job.id.to_string();
        // ureq is blocking: each attempt runs on a blocking thread, bounded by the timeout.
        let status = tokio::task::spawn_blocking(move || {
            agent
                .post(&url)
                .header("Content-Type", "application/json")
                .header("X-Touchstone-Event-Id", &event_id)
                .header("X-Touchstone-Delivery", &delivery)
                .header("X-Touchstone-Timestamp", &timestamp)
                .header("X-Touchstone-Signature", &signature)
                .send(body.as_bytes())
                .map(|r| r.status().as_u16())
                .map_err(|e| {
                    // The detail (refused, reset, timed out…) would tell an organisation's
                    // administrator which ports are open on hosts they cannot otherwise see:
                    // it goes to the debug log only.
                    tracing::debug!(delivery = %delivery, error = %e, "webhook transport error");
                    webhook_failure(&e).to_string()
                })
        })
        .await
        .map_err(|e| format!("webhook task: {e}"))??;
        if (200..300).contains(&status) {
            Ok(())
        } else {
            Err(format!("webhook answered HTTP {status}"))
        }
    }
}

/// What `last_error` says about a webhook attempt that got no HTTP answer: one sentence per
/// cause an administrator can act on, never the socket error (see `send_webhook`).
fn webhook_failure(e: &ureq::Error) -> &'static str {
    match e {
        e if NonPublicAddress::is(e) => "the address resolves to a non-public network (refused)",
        ureq::Error::HostNotFound => "the host name does not resolve",
        _ => "could not connect, or no HTTP answer within 10 s",
    }
}

enum Outcome {
    Delivered,
    Failed,
    Cancelled,
}

/// `sha256=` and the hex HMAC-SHA256, under the endpoint's secret, of `<timestamp>.<body>`:
/// the value of `X-Touchstone-Signature`. Covering the timestamp lets a receiver refuse
/// replays of an old delivery (check that the timestamp is recent).
pub fn sign(secret: &str, timestamp: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", data_encoding::HEXLOWER.encode(&mac.finalize().into_bytes()))
}

/// Whether `signature` (the header's value) is right for this timestamp and body, compared in
/// constant time. Receivers written in Rust can use this; others recompute [`sign`].
pub fn verify(secret: &str, timestamp: &str, body: &[u8], signature: &str) -> bool {
    let expected = sign(secret, timestamp, body);
    subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), signature.as_bytes()).into()
}

/// The `Message-ID` of the e-mail of one event to one user: the same on every attempt, so
/// that a mail client or server can drop the copy a retry may produce. The event id is used
/// as is when it is made of safe characters, else by its hash.
pub fn message_id(event_id: &str, org_id: i64, user_id: i64, domain: &str) -> String {
    let safe = !event_id.is_empty()
        && event_id.len() <= 120
        && event_id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !event_id.starts_with('.')
        && !event_id.ends_with('.')
        && !event_id.contains("..");
    let local = if safe {
        event_id.to_string()
    } else {
        format!("h{}", &data_encoding::HEXLOWER.encode(&Sha256::digest(event_id.as_bytes()))[..40])
    };
    format!("<{local}.o{org_id}.u{user_id}@{domain}>")
}

/// `X-Touchstone-Event-Id` on e-mails too, for filters and deduplication.
#[derive(Clone)]
struct EventIdHeader(String);

impl Header for EventIdHeader {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("X-Touchstone-Event-Id")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(EventIdHeader(s.to_string()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `Auto-Submitted: auto-generated` (RFC 3834): out-of-office replies are not sent back.
#[derive(Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".into())
    }
}

/// Starts the delivery loop of a `serve` process (unless `[notify] worker = false`). It first
/// picks up whatever earlier runs left undelivered, then polls every `poll_interval_ms`.
pub fn spawn(db: Db, config: &Config) -> anyhow::Result<Option<tokio::task::JoinHandle<()>>> {
    let period = Duration::from_millis(config.notify.poll_interval_ms.max(50));
    spawn_reporting(db, config, crate::ops::workers::Heartbeat::detached("notify_delivery", period))
}

/// [`spawn`], beating `beat` after every round (delivered or not: failing delivery is a live
/// worker), so that `/readyz` sees the worker stop.
pub fn spawn_reporting(
    db: Db,
    config: &Config,
    beat: crate::ops::workers::Heartbeat,
) -> anyhow::Result<Option<tokio::task::JoinHandle<()>>> {
    if !config.notify.worker {
        tracing::info!("notification delivery worker disabled ([notify] worker = false); another process must run one");
        return Ok(None);
    }
    let deliverer = Deliverer::new(db, config)?;
    if deliverer.sends_email() {
        tracing::info!(
            worker = deliverer.worker_id(),
            "notification worker started: in-app inbox, e-mail and webhooks"
        );
    } else {
        tracing::warn!(
            worker = deliverer.worker_id(),
            "notification worker started without SMTP ([smtp] host / TOUCHSTONE_SMTP_HOST unset): \
             e-mail notifications wait in the outbox and go out once SMTP is configured; inbox and webhooks work"
        );
    }
    let interval = Duration::from_millis(config.notify.poll_interval_ms.max(50));
    Ok(Some(tokio::spawn(async move {
        let _running = beat.running();
        loop {
            let started_ms = now_ms();
            let round = deliverer.run_once().await;
            match &round {
                Ok(_) => beat.succeeded(started_ms),
                Err(_) => beat.beat(),
            }
            match round {
                // A full round may mean more is waiting: go again at once.
                Ok(r) if r.claimed as i64 >= BATCH => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "notification delivery round failed; retrying"),
            }
            tokio::time::sleep(interval).await;
        }
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_cover_the_timestamp_and_the_body() {
        let s = sign("whsec_x", "1700000000", b"{\"a\":1}");
        assert!(s.starts_with("sha256=") && s.len() == 7 + 64);
        assert!(verify("whsec_x", "1700000000", b"{\"a\":1}", &s));
        assert!(!verify("whsec_x", "1700000001", b"{\"a\":1}", &s), "another timestamp");
        assert!(!verify("whsec_x", "1700000000", b"{\"a\":2}", &s), "another body");
        assert!(!verify("whsec_y", "1700000000", b"{\"a\":1}", &s), "another secret");
    }

    #[test]
    fn message_ids_are_stable_per_event_and_recipient_and_always_well_formed() {
        let a = message_id("case-12-detained-org-5", 5, 7, "ts.example.org");
        assert_eq!(a, "<case-12-detained-org-5.o5.u7@ts.example.org>");
        assert_eq!(a, message_id("case-12-detained-org-5", 5, 7, "ts.example.org"));
        assert_ne!(a, message_id("case-12-detained-org-5", 5, 8, "ts.example.org"));
        let odd = message_id("case 12 <detained>@x", 5, 7, "d");
        assert!(odd.starts_with("<h") && !odd.contains(' ') && odd.matches('@').count() == 1);
    }
}
