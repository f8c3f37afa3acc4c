//! Configuration: defaults, then an optional `touchstone.toml`, then `TOUCHSTONE_*` environment
//! variables, then command-line flags. Secrets are wrapped so that no `Debug` or log prints them.

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

/// A value that must never be printed (a database URL may carry a password).
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address to listen on.
    pub bind: String,
    /// Where the SQLite file (and later the search index and uploads) live.
    pub data_dir: PathBuf,
    /// `postgres://…` to run on PostgreSQL; the SQLite file in `data_dir` when absent.
    pub database_url: Option<Secret>,
    /// The URL users reach; `https://…` turns on `Secure` cookies and HSTS.
    pub public_url: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Largest uploaded file (picture, PDF), in bytes.
    pub max_upload_bytes: usize,
    pub auth: AuthSettings,
    /// The mail server notifications are sent through; none means e-mails wait in the outbox.
    pub smtp: SmtpSettings,
    pub notify: NotifySettings,
    /// Legal regimes, working-day calendars and the disclosure rule (`[legal]`).
    pub legal: crate::domain::regime::LegalSettings,
    /// The secret under which operation targets are hashed for matching; every process of a
    /// deployment needs the same one. Made in the data directory on first start when unset.
    pub coordination_key: Option<Secret>,
    /// Hours after which a coordination hit that a side has not acknowledged is recalled to it.
    pub hit_reminder_hours: u64,
    /// The bearer token `/metrics` requires; `/metrics` answers 404 while it is unset.
    pub metrics_token: Option<Secret>,
    /// When `/readyz` takes a background worker for stopped (`[readiness]`).
    pub readiness: ReadinessSettings,
    /// When scans of one serial make it a possible clone (`[verify]`).
    pub verify: crate::domain::verify::VerifySettings,
    /// What one API token may ask for (`[api_limits]`); the platform administrator raises or
    /// lowers them per organisation.
    pub api_limits: ApiLimitSettings,
    /// How long personal data is kept before the purge removes it (`[retention]`).
    pub retention: RetentionSettings,
}

/// How long each kind of personal data is kept, in days, before the background purge removes it
/// (`[retention]`); see README and docs/OPERATIONS.md.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct RetentionSettings {
    /// A closed case's parties, photos, thread, notices and hits, counted from its closing.
    pub closed_case_days: u32,
    /// A coordination (screening) hit, counted from when it was found.
    pub screening_hit_days: u32,
    /// A verification scan event, counted from the scan.
    pub scan_event_days: u32,
    /// How often a node looks for what is due (one node purges at a time). Daily by default: on
    /// SQLite a purge that removed personal data rewrites the database (`VACUUM`).
    pub pass_interval_minutes: u32,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        RetentionSettings {
            closed_case_days: 1825,
            screening_hit_days: 730,
            scan_event_days: 365,
            pass_interval_minutes: 1440,
        }
    }
}

impl RetentionSettings {
    const DAY_MS: i64 = 24 * 3600 * 1000;

    /// Every period at least a day, and scan events kept at least as long as the clone rule
    /// looks back.
    pub fn check(&self, clone_window_hours: u32) -> anyhow::Result<()> {
        anyhow::ensure!(
            self.closed_case_days >= 1
                && self.screening_hit_days >= 1
                && self.scan_event_days >= 1
                && self.pass_interval_minutes >= 1,
            "[retention] closed_case_days, screening_hit_days, scan_event_days and pass_interval_minutes must each be at least 1"
        );
        anyhow::ensure!(
            u64::from(self.scan_event_days) * 24 >= u64::from(clone_window_hours),
            "[retention] scan_event_days must cover [verify] clone_window_hours"
        );
        Ok(())
    }

    pub fn closed_case_ms(&self) -> i64 {
        i64::from(self.closed_case_days) * Self::DAY_MS
    }

    pub fn screening_hit_ms(&self) -> i64 {
        i64::from(self.screening_hit_days) * Self::DAY_MS
    }

    pub fn scan_event_ms(&self) -> i64 {
        i64::from(self.scan_event_days) * Self::DAY_MS
    }
}

/// The budget of one API token (bearer), per node: a token bucket of `burst` requests refilled
/// at `requests_per_minute`, and at most `concurrent_requests` answered at once. Browser
/// sessions are not counted.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ApiLimitSettings {
    pub requests_per_minute: u32,
    pub burst: u32,
    pub concurrent_requests: u32,
}

impl Default for ApiLimitSettings {
    fn default() -> Self {
        ApiLimitSettings { requests_per_minute: 1200, burst: 200, concurrent_requests: 8 }
    }
}

impl ApiLimitSettings {
    /// Every figure at least 1 (a limit of 0 would shut the API to every token).
    pub fn check(&self) -> anyhow::Result<()> {
        anyhow::ensure!(
            self.requests_per_minute >= 1 && self.burst >= 1 && self.concurrent_requests >= 1,
            "[api_limits] requests_per_minute, burst and concurrent_requests must each be at least 1"
        );
        Ok(())
    }
}

/// A background worker silent for longer than `max(stale_after_periods × its period,
/// stale_after_min_seconds)` makes `/readyz` fail.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadinessSettings {
    pub stale_after_periods: u32,
    pub stale_after_min_seconds: u64,
}

impl Default for ReadinessSettings {
    fn default() -> Self {
        ReadinessSettings { stale_after_periods: 3, stale_after_min_seconds: 60 }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthSettings {
    /// A session unused for this long ends.
    pub session_idle_minutes: i64,
    /// A session ends this long after sign-in, used or not.
    pub session_absolute_hours: i64,
    /// Consecutive failed sign-ins that lock an account.
    pub lockout_threshold: i64,
    pub lockout_minutes: i64,
    /// Sign-in attempts allowed per client address per minute.
    pub sign_in_attempts_per_minute: u32,
    /// Enforcement users must enrol a second factor before using the platform.
    pub require_two_factor_for_enforcement: bool,
    /// Lifetime of a new API token, in days.
    pub token_days: i64,
}

/// How TLS is used towards the SMTP server.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS, which must succeed (usually port 587).
    Starttls,
    /// TLS from the first byte (usually port 465).
    Tls,
    /// No encryption: only for a relay on the same machine or a test server.
    None,
}

impl std::str::FromStr for SmtpTls {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "starttls" => Ok(SmtpTls::Starttls),
            "tls" => Ok(SmtpTls::Tls),
            "none" => Ok(SmtpTls::None),
            _ => Err(()),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SmtpSettings {
    /// The mail server; e-mail is off while this is unset.
    pub host: Option<String>,
    pub port: u16,
    pub tls: SmtpTls,
    /// The sender, e.g. `Touchstone <notifications@example.org>`.
    pub from: String,
    pub username: Option<String>,
    pub password: Option<Secret>,
    /// Give up on one attempt after this many seconds (it is retried later).
    pub timeout_seconds: u64,
}

impl Default for SmtpSettings {
    fn default() -> Self {
        SmtpSettings {
            host: None,
            port: 587,
            tls: SmtpTls::Starttls,
            from: "Touchstone <touchstone@localhost>".into(),
            username: None,
            password: None,
            timeout_seconds: 15,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NotifySettings {
    /// Run the delivery worker in `serve` (every process may: leases keep them apart).
    pub worker: bool,
    /// How often the worker looks for due deliveries, in milliseconds.
    pub poll_interval_ms: u64,
    /// Wait before the first retry, in milliseconds; doubled after each failure...
    pub retry_base_ms: i64,
    /// ...up to this wait, in milliseconds; retries never stop.
    pub retry_max_ms: i64,
    /// After this many failed attempts a delivery shows as failing to administrators.
    pub failing_after_attempts: i64,
    /// Allow `http://` and loopback or private webhook addresses (development and tests only).
    pub webhook_allow_local: bool,
}

impl Default for NotifySettings {
    fn default() -> Self {
        NotifySettings {
            worker: true,
            poll_interval_ms: 400,
            retry_base_ms: 10_000,
            retry_max_ms: 3_600_000,
            failing_after_attempts: 5,
            webhook_allow_local: false,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("touchstone-data"),
            database_url: None,
            public_url: None,
            max_body_bytes: 1024 * 1024,
            max_upload_bytes: 15 * 1024 * 1024,
            auth: AuthSettings::default(),
            smtp: SmtpSettings::default(),
            notify: NotifySettings::default(),
            legal: Default::default(),
            coordination_key: None,
            hit_reminder_hours: 24,
            metrics_token: None,
            readiness: ReadinessSettings::default(),
            verify: Default::default(),
            api_limits: ApiLimitSettings::default(),
            retention: RetentionSettings::default(),
        }
    }
}

impl Default for AuthSettings {
    fn default() -> Self {
        AuthSettings {
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            lockout_threshold: 5,
            lockout_minutes: 15,
            sign_in_attempts_per_minute: 20,
            require_two_factor_for_enforcement: false,
            token_days: 90,
        }
    }
}

impl Config {
    /// Defaults, then the TOML file (the given one must exist; `./touchstone.toml` is read when
    /// present), then the environment.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Config> {
        let mut config = match file {
            Some(path) => Self::from_file(path)?,
            None if Path::new("touchstone.toml").exists() => Self::from_file(Path::new("touchstone.toml"))?,
            None => Config::default(),
        };
        config.apply_env(|k| std::env::var(k).ok())?;
        config.api_limits.check()?;
        config.retention.check(config.verify.clone_window_hours)?;
        crate::domain::regime::LegalRules::from_settings(&config.legal)
            .map_err(|e| anyhow::anyhow!("the [legal] configuration is not valid: {e}"))?;
        Ok(config)
    }

    fn from_file(path: &Path) -> anyhow::Result<Config> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        toml::from_str(&text).with_context(|| format!("{} is not valid configuration", path.display()))
    }

    fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) -> anyhow::Result<()> {
        fn parsed<T: std::str::FromStr>(name: &str, v: String) -> anyhow::Result<T> {
            v.parse().map_err(|_| anyhow::anyhow!("{name}={v:?} is not a valid value"))
        }
        if let Some(v) = var("TOUCHSTONE_BIND") {
            self.bind = v;
        }
        if let Some(v) = var("TOUCHSTONE_DATA_DIR") {
            self.data_dir = v.into();
        }
        if let Some(v) = var("TOUCHSTONE_DATABASE_URL").filter(|v| !v.is_empty()) {
            self.database_url = Some(Secret::new(v));
        }
        if let Some(v) = var("TOUCHSTONE_COORDINATION_KEY").filter(|v| !v.is_empty()) {
            self.coordination_key = Some(Secret::new(v));
        }
        if let Some(v) = var("TOUCHSTONE_HIT_REMINDER_HOURS") {
            self.hit_reminder_hours = parsed("TOUCHSTONE_HIT_REMINDER_HOURS", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_METRICS_TOKEN").filter(|v| !v.is_empty()) {
            self.metrics_token = Some(Secret::new(v));
        }
        if let Some(v) = var("TOUCHSTONE_PUBLIC_URL") {
            self.public_url = Some(v);
        }
        if let Some(v) = var("TOUCHSTONE_MAX_BODY_BYTES") {
            self.max_body_bytes = parsed("TOUCHSTONE_MAX_BODY_BYTES", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_MAX_UPLOAD_BYTES") {
            self.max_upload_bytes = parsed("TOUCHSTONE_MAX_UPLOAD_BYTES", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_REQUIRE_TWO_FACTOR") {
            self.auth.require_two_factor_for_enforcement = parsed("TOUCHSTONE_REQUIRE_TWO_FACTOR", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_SESSION_IDLE_MINUTES") {
            self.auth.session_idle_minutes = parsed("TOUCHSTONE_SESSION_IDLE_MINUTES", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_LOCKOUT_THRESHOLD") {
            self.auth.lockout_threshold = parsed("TOUCHSTONE_LOCKOUT_THRESHOLD", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_SMTP_HOST") {
            self.smtp.host = Some(v).filter(|v| !v.is_empty());
        }
        if let Some(v) = var("TOUCHSTONE_SMTP_PORT") {
            self.smtp.port = parsed("TOUCHSTONE_SMTP_PORT", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_SMTP_TLS") {
            self.smtp.tls = parsed("TOUCHSTONE_SMTP_TLS", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_SMTP_FROM") {
            self.smtp.from = v;
        }
        if let Some(v) = var("TOUCHSTONE_SMTP_USERNAME") {
            self.smtp.username = Some(v).filter(|v| !v.is_empty());
        }
        if let Some(v) = var("TOUCHSTONE_SMTP_PASSWORD").filter(|v| !v.is_empty()) {
            self.smtp.password = Some(Secret::new(v));
        }
        if let Some(v) = var("TOUCHSTONE_NOTIFY_WORKER") {
            self.notify.worker = parsed("TOUCHSTONE_NOTIFY_WORKER", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_NOTIFY_POLL_MS") {
            self.notify.poll_interval_ms = parsed("TOUCHSTONE_NOTIFY_POLL_MS", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_NOTIFY_RETRY_BASE_MS") {
            self.notify.retry_base_ms = parsed("TOUCHSTONE_NOTIFY_RETRY_BASE_MS", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_API_REQUESTS_PER_MINUTE") {
            self.api_limits.requests_per_minute = parsed("TOUCHSTONE_API_REQUESTS_PER_MINUTE", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_API_BURST") {
            self.api_limits.burst = parsed("TOUCHSTONE_API_BURST", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_API_CONCURRENT_REQUESTS") {
            self.api_limits.concurrent_requests = parsed("TOUCHSTONE_API_CONCURRENT_REQUESTS", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_RETENTION_CLOSED_CASE_DAYS") {
            self.retention.closed_case_days = parsed("TOUCHSTONE_RETENTION_CLOSED_CASE_DAYS", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_RETENTION_SCREENING_HIT_DAYS") {
            self.retention.screening_hit_days = parsed("TOUCHSTONE_RETENTION_SCREENING_HIT_DAYS", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_RETENTION_SCAN_EVENT_DAYS") {
            self.retention.scan_event_days = parsed("TOUCHSTONE_RETENTION_SCAN_EVENT_DAYS", v)?;
        }
        if let Some(v) = var("TOUCHSTONE_WEBHOOK_ALLOW_LOCAL") {
            self.notify.webhook_allow_local = parsed("TOUCHSTONE_WEBHOOK_ALLOW_LOCAL", v)?;
        }
        Ok(())
    }

    /// The database to use: the configured URL, else the SQLite file in the data directory.
    pub fn database_url(&self) -> Secret {
        match &self.database_url {
            Some(url) => url.clone(),
            None => Secret::new(format!("sqlite://{}?mode=rwc", self.data_dir.join("touchstone.db").display())),
        }
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_the_file_and_the_file_overrides_defaults() {
        let mut c: Config = toml::from_str("bind = \"0.0.0.0:9000\"\n[auth]\nlockout_threshold = 3\n").unwrap();
        assert_eq!(c.auth.lockout_threshold, 3);
        assert_eq!(c.auth.lockout_minutes, 15, "unset keys keep their defaults");
        c.apply_env(|k| (k == "TOUCHSTONE_BIND").then(|| "127.0.0.1:1".to_string())).unwrap();
        assert_eq!(c.bind, "127.0.0.1:1");
    }

    #[test]
    fn unknown_keys_in_the_file_are_refused() {
        assert!(toml::from_str::<Config>("bnid = \"x\"").is_err());
    }

    #[test]
    fn smtp_settings_come_from_the_file_and_the_environment_and_the_password_stays_hidden() {
        let mut c: Config = toml::from_str("[smtp]\nhost = \"mail.example.org\"\ntls = \"tls\"\nport = 465\n").unwrap();
        assert_eq!(c.smtp.tls, SmtpTls::Tls);
        c.apply_env(|k| match k {
            "TOUCHSTONE_SMTP_PORT" => Some("2525".into()),
            "TOUCHSTONE_SMTP_PASSWORD" => Some("hunter2".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!((c.smtp.host.as_deref(), c.smtp.port), (Some("mail.example.org"), 2525));
        assert!(!format!("{c:?}").contains("hunter2"));
        assert!(c.apply_env(|k| (k == "TOUCHSTONE_SMTP_TLS").then(|| "ssl".into())).is_err());
    }

    #[test]
    fn retention_periods_come_from_the_file_and_the_environment_and_are_checked() {
        let mut c: Config = toml::from_str("[retention]\nclosed_case_days = 3650\n").unwrap();
        assert_eq!(c.retention.closed_case_days, 3650);
        assert_eq!(c.retention.scan_event_days, 365, "unset keys keep their defaults");
        c.apply_env(|k| (k == "TOUCHSTONE_RETENTION_SCAN_EVENT_DAYS").then(|| "30".to_string())).unwrap();
        assert_eq!(c.retention.scan_event_ms(), 30 * 24 * 3600 * 1000);
        assert!(c.retention.check(24).is_ok());
        assert!(RetentionSettings { screening_hit_days: 0, ..c.retention }.check(24).is_err());
        assert!(
            RetentionSettings { scan_event_days: 1, ..c.retention }.check(48).is_err(),
            "shorter than the clone rule"
        );
        assert!(toml::from_str::<Config>("[retention]\nclosed_cases_days = 1\n").is_err(), "a misspelt key");
    }

    #[test]
    fn database_url_never_appears_in_debug_output() {
        let c = Config { database_url: Some(Secret::new("postgres://u:hunter2@db/x")), ..Config::default() };
        assert!(!format!("{c:?}").contains("hunter2"));
    }
}
