//! Brands and products as stored, and their sheets.

use serde::Serialize;
use utoipa::ToSchema;

mod sheet;
pub use sheet::*;

/// A brand as stored.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Brand {
    pub id: i64,
    /// Stable key chosen by the rights holder, used by imports: lowercase letters, digits, '-'.
    pub key: String,
    pub owner_organisation_id: i64,
    pub version: i64,
    pub published: bool,
    /// The rights holder's working copy.
    pub draft: BrandSheet,
    /// What officers see; absent until first published.
    pub published_sheet: Option<BrandSheet>,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Product {
    pub id: i64,
    pub brand_id: i64,
    pub key: String,
    pub version: i64,
    pub published: bool,
    pub draft: ProductSheet,
    pub published_sheet: Option<ProductSheet>,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BrandSummary {
    pub id: i64,
    pub key: String,
    pub name: String,
    pub sector: Sector,
    pub owner_organisation_id: i64,
    pub published: bool,
    pub products: i64,
}

/// A published product summary for lists.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProductSummary {
    pub id: i64,
    pub brand_id: i64,
    pub key: String,
    /// The name lists are ordered by: English, else as written, else any.
    pub name: String,
    /// The name in every language it has one (of the copy officers see once published).
    pub names: super::localized::Localized,
    pub category: String,
    pub published: bool,
}

/// A published product card of a sector, as the sector's page lists it (the cards an officer may
/// keep on the phone together).
#[derive(Debug, Clone)]
pub struct SectorCard {
    pub product_id: i64,
    pub brand_id: i64,
    pub brand_name: String,
    /// The product's name in every language it has one (of the published copy).
    pub names: super::localized::Localized,
    /// The brand's fallback language: a name written without a language is in it.
    pub fallback_language: super::types::Language,
}

/// How many published cards a sector holds, and of how many published brands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectorSize {
    pub cards: i64,
    pub brands: i64,
}
