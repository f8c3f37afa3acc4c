//! Files as stored.

use serde::Serialize;
use utoipa::ToSchema;

/// A stored file.
#[derive(Debug, Clone, Serialize, ToSchema, sqlx::FromRow)]
pub struct StoredMedia {
    /// SHA-256 of the stored (cleaned) file; refer to it from sheets and cases.
    pub hash: String,
    /// `jpeg`, `png`, `webp` or `pdf`.
    pub kind: String,
    pub byte_len: i64,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub thumbnail_hash: Option<String>,
}
