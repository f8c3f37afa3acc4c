//! The rules of Touchstone, one module per part of the design, with the policy checked here
//! (never only in handlers) so that the HTML pages, the JSON API and the CLI share it.

pub mod alerts;
pub mod api_limits;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod cases;
pub mod catalog;
pub mod catalog_io;
pub mod coordination;
pub mod directory;
pub mod input;
pub mod localized;
pub mod lookup;
pub mod media;
pub mod net_guard;
pub mod normalize;
pub mod notify;
pub mod notify_delivery;
pub mod policy;
pub mod regime;
pub mod scan;
pub mod search;
pub mod totp;
pub mod types;
pub mod verify;

/// Milliseconds since the Unix epoch, the one representation of instants in the store.
pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// RFC 3339 UTC text for an instant in milliseconds, as shown in the API and pages.
pub fn format_ms(ms: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}
