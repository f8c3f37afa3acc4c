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
    fn database_url_never_appears_in_debug_output() {
        let c = Config { database_url: Some(Secret::new("postgres://u:hunter2@db/x")), ..Config::default() };
        assert!(!format!("{c:?}").contains("hunter2"));
    }
}
