//! What every handler and background task shares.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::domain::coordination::MatchKey;
use crate::domain::media::MediaStore;
use crate::domain::regime::LegalRules;
use crate::domain::search::SearchService;
use crate::domain::verify::Verifier;
use crate::store::Db;

/// Cloned for every extractor of every request, hence one reference count.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

#[derive(Clone)]
pub struct Shared {
    pub db: Db,
    pub config: Arc<Config>,
    pub sign_in_limiter: Arc<RateLimiter>,
    /// Each API token's request rate and concurrency (`[api_limits]`, per organisation).
    pub api_limiter: Arc<crate::ops::limits::ApiLimiter>,
    pub media: MediaStore,
    /// The search index: in memory unless `serve` opened `DATA_DIR/search` (see `with_search`).
    pub search: SearchService,
    pub legal: Arc<LegalRules>,
    pub match_key: MatchKey,
    /// Serial checks: the serial key (derived from the coordination key) and the clone rule.
    pub verifier: Verifier,
    /// The background workers this process runs, and their heartbeats (`/readyz`).
    pub workers: Arc<crate::ops::workers::Workers>,
}

impl AppState {
    pub fn new(db: Db, config: Config) -> Self {
        let per_minute = config.auth.sign_in_attempts_per_minute;
        let api_limits = config.api_limits;
        let media = MediaStore::new(config.data_dir.join("media"), config.max_upload_bytes, &db);
        // Config::load has checked the legal settings; a hand-built Config is checked here.
        let legal = LegalRules::from_settings(&config.legal).expect("the [legal] configuration is valid");
        let match_key = MatchKey::load(config.coordination_key.as_ref().map(|k| k.expose()), &config.data_dir)
            .expect("the coordination key is readable or can be made in the data directory");
        let verifier = Verifier::new(&match_key, config.verify.clone(), config.notify.webhook_allow_local)
            .expect("[verify] connected_root_certificates names a readable PEM file of certificates");
        AppState(Arc::new(Shared {
            verifier,
            match_key,
            legal: Arc::new(legal),
            db,
            config: Arc::new(config),
            sign_in_limiter: Arc::new(RateLimiter::new(per_minute, Duration::from_secs(60))),
            api_limiter: Arc::new(crate::ops::limits::ApiLimiter::new(api_limits)),
            media,
            search: SearchService::in_memory(),
            workers: Arc::default(),
        }))
    }

    /// The same state with another search index (the one on disk, when serving).
    pub fn with_search(mut self, search: SearchService) -> Self {
        Arc::make_mut(&mut self.0).search = search;
        self
    }
}

/// A fixed-window counter per client address. It lives in the process: behind several
/// processes each counts its own share, while the account lock (in the database) holds for all.
pub struct RateLimiter {
    limit: u32,
    window: Duration,
    hits: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        RateLimiter { limit, window, hits: Mutex::new(HashMap::new()) }
    }

    /// Counts one attempt; `Err(seconds)` until the window ends when over the limit.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        let now = Instant::now();
        let mut hits = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        if hits.len() > 100_000 {
            hits.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        }
        let entry = hits.entry(ip).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        if entry.1 > self.limit {
            Err((self.window - now.duration_since(entry.0)).as_secs().max(1))
        } else {
            Ok(())
        }
    }
}
