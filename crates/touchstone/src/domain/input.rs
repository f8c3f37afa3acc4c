//! Small parsers shared by the modules whose sheets are checked field by field (cases, alerts,
//! coordination): required text and calendar days, each naming the field at fault.
use crate::error::{AppError, AppResult, ErrorCode};

/// Trimmed text of 1 to `max` characters; line breaks are allowed, other control characters not.
pub fn required_text(field: &'static str, raw: &str, max: usize) -> AppResult<String> {
    let t = raw.trim();
    let what = field.replace('_', " ");
    if t.is_empty() {
        return Err(AppError::invalid(field, ErrorCode::Required, format!("Give the {what}.")));
    }
    if t.chars().count() > max || t.chars().any(|c| c.is_control() && c != '\n') {
        return Err(AppError::invalid(
            field,
            ErrorCode::InvalidText,
            format!("The {what} must be at most {max} characters of text."),
        ));
    }
    Ok(t.to_string())
}

/// A `YYYY-MM-DD` day (UTC) as epoch milliseconds: its first instant, or its last with `end_of_day`.
pub fn day_ms(field: &'static str, raw: &str, end_of_day: bool) -> AppResult<i64> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let d = time::Date::parse(raw.trim(), &format).map_err(|_| {
        AppError::invalid(field, ErrorCode::InvalidDate, format!("'{raw}' is not a date as YYYY-MM-DD."))
    })?;
    let ms = (d.with_time(time::Time::MIDNIGHT).assume_utc().unix_timestamp_nanos() / 1_000_000) as i64;
    Ok(if end_of_day { ms + 86_400_000 - 1 } else { ms })
}
