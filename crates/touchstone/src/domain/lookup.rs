//! Identifying a product from a code: what a scanner read, what an officer typed, or what was
//! read from a photo. The code is parsed by the `gs1` crate; a GTIN resolves to the published
//! product card, or, when no product has it, to the brand owning its GS1 company prefix.
//! A code that also carries a serial (AI 21) is checked against the serials the rights holder
//! registered ([`super::verify`]); a code without one takes no step more than before.

use serde::Serialize;
use utoipa::ToSchema;

use super::catalog::{self, Contact, ProductCard};
use super::policy::{allows, check, Action, Principal, Target};
use super::verify::{self, Scanned, Verifier};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::{self, Db};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A published product has this code.
    Product,
    /// No product has it, but its GS1 company prefix belongs to a brand.
    BrandOnly,
    /// A valid product code nobody registered.
    NotRegistered,
    /// GS1 data with an error (e.g. a wrong check digit).
    Invalid,
    /// Not a product code at all (free text, a plain URL).
    NotAProductCode,
}

/// The brand a code's company prefix belongs to, and whom to call.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BrandOwner {
    pub brand_id: i64,
    pub brand_name: String,
    pub gs1_company_prefix: String,
    pub contacts: Vec<Contact>,
    /// The language the contacts' texts are shown in when they have no version in the reader's.
    #[schema(value_type = String, example = "en")]
    pub fallback_language: super::types::Language,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LookupResult {
    /// The code as given.
    pub code: String,
    /// How the code was read: its type (`gtin`, `element_string`, `digital_link`, `invalid`,
    /// `unrecognised`) and parts, e.g. the Application Identifiers in order.
    #[schema(value_type = Object)]
    pub interpretation: gs1::Scan,
    /// The GTIN it carries, as 14 digits.
    pub gtin: Option<String>,
    pub outcome: Outcome,
    pub product: Option<ProductCard>,
    pub brand_owner: Option<BrandOwner>,
    /// Alerts in force that target the reader and name this product or its brand.
    pub alerts: Vec<super::alerts::AlertBrief>,
    /// What it means, in a sentence.
    pub message: String,
    /// For a code carrying a serial (AI 21) on a product found: what the check of the serial
    /// found. Absent for codes without a serial.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<super::verify::Verification>,
}

/// Codes longer than this are not product codes; refusing them early bounds the work.
const MAX_CODE_BYTES: usize = 4096;

pub async fn lookup(db: &Db, verifier: &Verifier, principal: &Principal, code: &str) -> AppResult<LookupResult> {
    check(principal, Action::CatalogReadPublished, Target::Platform)?;
    if code.trim().is_empty() {
        return Err(AppError::invalid(
            "code",
            ErrorCode::Required,
            "Give the code: the digits under the barcode, or what the scanner read.",
        ));
    }
    if code.len() > MAX_CODE_BYTES {
        return Err(AppError::invalid("code", ErrorCode::TooLong, "This is too long to be a product code."));
    }
    let scan = gs1::parse_scan(code);
    let mut result = LookupResult {
        code: code.to_string(),
        interpretation: scan,
        gtin: None,
        outcome: Outcome::NotAProductCode,
        product: None,
        brand_owner: None,
        alerts: Vec::new(),
        message: String::new(),
        verification: None,
    };
    let gtin = match (&result.interpretation, result.interpretation.gtin()) {
        (gs1::Scan::Invalid { error, .. }, _) => {
            result.outcome = Outcome::Invalid;
            result.message = format!("This code is not valid: {error}.");
            return Ok(result);
        }
        (gs1::Scan::Unrecognised { reason, .. }, _) => {
            result.message = format!("This is not a product code: {reason}");
            return Ok(result);
        }
        (_, None) => {
            result.message = "This GS1 code carries no GTIN, so it does not name a product.".into();
            return Ok(result);
        }
        (_, Some(g)) => g.to_gtin14(),
    };
    result.gtin = Some(gtin.clone());
    {
        match catalog::product_card_by_gtin(db, principal, &gtin).await {
            Ok(None) => {}
            Ok(Some(card)) => {
                result.message = format!("{} by {}.", card.sheet.listing_name(), card.brand_name);
                result.outcome = Outcome::Product;
                result.alerts = super::alerts::naming(
                    db,
                    principal,
                    card.brand_id,
                    Some(card.product_id),
                    card.sheet.hs_code.as_deref(),
                )
                .await?;
                if let Some(scanned) = Scanned::from_scan(&result.interpretation) {
                    if allows(principal, Action::SerialCheck, Target::Platform) {
                        result.verification = Some(
                            verify::check_product(
                                db,
                                verifier,
                                principal,
                                verify::CheckedProduct {
                                    product_id: card.product_id,
                                    brand_id: card.brand_id,
                                    gtin14: &gtin,
                                },
                                scanned,
                                &principal.org_country,
                            )
                            .await?,
                        );
                    }
                }
                result.product = Some(card);
                return Ok(result);
            }
            // A draft or withdrawn product is, for an officer, not registered.
            Err(e) if e.is(crate::error::ErrorKind::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    let body = &gtin[1..13];
    let candidates: Vec<&str> = (6..=12).map(|n| &body[..n]).collect();
    if let Some((brand_id, prefix)) = store::catalog::brand_by_prefix(db.reader(), &candidates).await? {
        if let Some(brand) = catalog::brand_remembered(db, brand_id).await? {
            if let Some(sheet) = brand.published_sheet.clone() {
                result.outcome = Outcome::BrandOnly;
                result.message = format!(
                    "No product is registered with GTIN {gtin}, but its company prefix {prefix} belongs to {}: ask them.",
                    sheet.name
                );
                result.alerts = super::alerts::naming(db, principal, brand_id, None, None).await?;
                result.brand_owner = Some(BrandOwner {
                    brand_id,
                    brand_name: sheet.name,
                    gs1_company_prefix: prefix,
                    fallback_language: sheet.fallback_language,
                    contacts: sheet.contacts,
                });
                return Ok(result);
            }
        }
    }
    result.outcome = Outcome::NotRegistered;
    result.message = format!("Nothing is registered in Touchstone for GTIN {gtin}.");
    Ok(result)
}
