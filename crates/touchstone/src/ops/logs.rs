//! The log subscriber: text (the default) or one JSON object per line
//! (`TOUCHSTONE_LOG_FORMAT=json`), filtered by `TOUCHSTONE_LOG`, written to standard error.
//!
//! In JSON, each line holds `timestamp`, `level`, `target`, the event's fields at the top level
//! (`message`, and for the request line `request_id`, `method`, `route`, `status`,
//! `duration_ms`, `user_id`, `org_id`) and `span`, the fields of the request it happened in
//! (`request_id`, `method`, `path`).

use std::io::IsTerminal;

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

impl std::str::FromStr for LogFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            other => Err(format!("TOUCHSTONE_LOG_FORMAT={other:?}: use text or json")),
        }
    }
}

/// The filter when `TOUCHSTONE_LOG` is unset.
pub const DEFAULT_FILTER: &str = "info,sqlx=warn,tower_http=info";

/// A subscriber writing `format` lines that pass `filter` to `writer`.
pub fn subscriber<W>(
    format: LogFormat,
    filter: EnvFilter,
    writer: W,
    ansi: bool,
) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer);
    match format {
        LogFormat::Text => Box::new(builder.with_ansi(ansi).finish()),
        LogFormat::Json => {
            Box::new(builder.json().flatten_event(true).with_current_span(true).with_span_list(false).finish())
        }
    }
}

/// Installs the process's subscriber from `TOUCHSTONE_LOG_FORMAT` and `TOUCHSTONE_LOG`.
pub fn init() -> Result<(), String> {
    let format: LogFormat = std::env::var("TOUCHSTONE_LOG_FORMAT").unwrap_or_default().parse()?;
    let filter = EnvFilter::try_from_env("TOUCHSTONE_LOG").unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let ansi = format == LogFormat::Text && std::io::stderr().is_terminal();
    let _ = tracing::subscriber::set_global_default(subscriber(format, filter, std::io::stderr, ansi));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_the_default_and_json_is_asked_for_by_name() {
        assert_eq!("".parse::<LogFormat>(), Ok(LogFormat::Text));
        assert_eq!("text".parse::<LogFormat>(), Ok(LogFormat::Text));
        assert_eq!("JSON".parse::<LogFormat>(), Ok(LogFormat::Json));
        assert!("yaml".parse::<LogFormat>().unwrap_err().contains("text or json"));
    }
}
