//! Organisations and users as stored.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::types::{Language, OrgKind, Role};

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub kind: OrgKind,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// The e-mail domains the platform administrator vetted as the organisation's own: its
    /// administrators create accounts at these domains only, and an account at one of them
    /// belongs to this organisation.
    pub email_domains: Vec<String>,
    /// RFC 3339, UTC.
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub language: Language,
    /// The IANA time zone the user reads times in; none: their organisation's country's.
    pub time_zone: Option<String>,
    /// The customs office the user works at (its code, e.g. `FR000730`), as they gave it on their
    /// account page: prefilled on the detention form.
    pub office_code: Option<String>,
    /// The office's name, e.g. "Roissy fret".
    pub office_name: Option<String>,
    pub role: Role,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub organisation_kind: OrgKind,
    /// ISO 3166-1 alpha-2 of the organisation.
    pub organisation_country: String,
    pub active: bool,
    pub two_factor_enabled: bool,
    /// RFC 3339, UTC; set while the account is locked after failed sign-ins.
    pub locked_until: Option<String>,
    pub created_at: String,
    /// Incremented on every change, for optimistic concurrency.
    pub version: i64,
}

/// What sign-in needs to know and never shows.
pub struct Credentials {
    pub password_hash: String,
    pub totp_secret: Option<String>,
    pub totp_enabled: bool,
    pub failed_sign_ins: i64,
    pub locked_until: Option<i64>,
    /// Wrong second-factor codes since the last right one.
    pub second_factor_failures: i64,
}
