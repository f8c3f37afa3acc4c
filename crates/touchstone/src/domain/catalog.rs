//! The catalog: brands and products as rights holders describe them, and the product card
//! officers consult.
//!
//! A brand or product is a *sheet* (a validated document). Each has a draft, which the rights
//! holder (or a representative it delegated) edits, and a published copy, which is what
//! enforcement users see. Every save and publication is kept in the history and audited.
//! Confidential sections of a product (supply chain, security features, prices) are shown to
//! enforcement users only when the brand's chosen audience includes their organisation or
//! country; the policy decides, and each such read is audited.

use crate::cache::Recent;
use crate::closed_set::closed_set;
use crate::error::{AppError, AppResult, ErrorCode, ErrorKind};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit::AuditEvent;
use super::policy::{allows, check, Action, Principal, Target};
use crate::store::{self, is_unique_violation, Db};

pub use crate::model::catalog::*;

/// A key for imports: lowercase ASCII letters, digits and '-', 1 to 80 characters.
pub fn parse_key(field: &'static str, raw: &str) -> AppResult<String> {
    let k = raw.trim();
    if k.is_empty()
        || k.len() > 80
        || !k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.' || b == b'_')
    {
        return Err(invalid(
            field,
            ErrorCode::InvalidKey,
            format!("'{k}' is not a usable key; use 1 to 80 lowercase letters, digits, '-', '_' or '.'."),
        ));
    }
    Ok(k.to_string())
}

/// Facts about the principal's relation to a brand, for the policy.
pub async fn brand_target(
    db: &Db,
    principal: &Principal,
    brand_id: i64,
    owner_org_id: i64,
    audience: &Confidentiality,
) -> AppResult<Target> {
    let delegated = principal.org_kind == super::types::OrgKind::Representative
        && store::catalog::is_delegated(db.reader(), brand_id, principal.org_id).await?;
    let in_audience =
        audience.organisations.contains(&principal.org_id) || audience.countries.contains(&principal.org_country);
    Ok(Target::Brand { owner_org_id, delegated_to_principal: delegated, principal_in_audience: in_audience })
}

fn version_conflict(current: i64) -> AppError {
    AppError::conflict(ErrorCode::VersionConflict, format!("Someone saved this in the meantime (now version {current}); reload it, reapply your change and save again."))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewBrand {
    pub key: String,
    /// The rights holder that owns the brand; the caller's organisation by default.
    pub owner_organisation_id: Option<i64>,
    pub sheet: BrandSheet,
}

pub async fn create_brand(db: &Db, principal: &Principal, input: NewBrand) -> AppResult<Brand> {
    let owner = input.owner_organisation_id.unwrap_or(principal.org_id);
    check(principal, Action::BrandCreate, Target::Organisation { org_id: owner })?;
    let owner_org = store::directory::get_organisation(db.reader(), owner).await?.ok_or_else(|| {
        invalid("owner_organisation_id", ErrorCode::UnknownOrganisation, "No organisation has this id.")
    })?;
    if owner_org.kind != super::types::OrgKind::RightsHolder {
        return Err(invalid(
            "owner_organisation_id",
            ErrorCode::NotARightsHolder,
            "Brands belong to rights-holder organisations.",
        ));
    }
    let key = parse_key("key", &input.key)?;
    let sheet = input.sheet.validated()?;
    check_logo(db, principal, &sheet).await?;
    let mut tx = db.begin().await?;
    let id = match store::catalog::insert_brand(&mut tx, &key, owner, &sheet, db.now_ms()).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => return Err(conflict_on(&e, &key)),
        Err(e) => return Err(e.into()),
    };
    super::cards::brand_changing(db, id);
    keep_history(&mut tx, principal, "brand", id, 1, "create", &sheet).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "brand.create", "brand", id)
            .scope(owner)
            .detail(serde_json::json!({"key": key, "name": sheet.name})),
    )
    .await?;
    tx.commit().await?;
    store::catalog::get_brand(db.reader(), id).await?.ok_or_else(|| AppError::not_found("brand"))
}

/// Keeps a copy of the sheet as saved, for the history.
pub(crate) async fn keep_history<T: Serialize>(
    tx: &mut store::Tx,
    principal: &Principal,
    kind: &str,
    id: i64,
    version: i64,
    action: &str,
    sheet: &T,
) -> Result<(), sqlx::Error> {
    let text = serde_json::to_string(sheet).map_err(|e| sqlx::Error::Encode(e.into()))?;
    store::catalog::record_history(tx, kind, id, version, action, &principal.label, &text).await
}

fn conflict_on(e: &sqlx::Error, key: &str) -> AppError {
    let table = store::unique_violation_table(e);
    if table.as_deref() == Some("gs1_prefixes") {
        AppError::conflict(
            ErrorCode::Gs1PrefixTaken,
            "One of these GS1 company prefixes is already registered for another brand.",
        )
    } else if table.as_deref() == Some("product_codes") {
        AppError::conflict(ErrorCode::GtinTaken, "One of these GTINs already belongs to another product.")
    } else {
        AppError::conflict(ErrorCode::KeyTaken, format!("The key '{key}' is already used; choose another."))
            .with_arg("key", key)
    }
}

/// The brand as the principal may see it: the draft for its own side, the published sheet
/// for enforcement users.
pub async fn get_brand(db: &Db, principal: &Principal, id: i64) -> AppResult<Brand> {
    let brand = store::catalog::get_brand(db.reader(), id).await?.ok_or_else(|| AppError::not_found("brand"))?;
    let target = brand_target(db, principal, id, brand.owner_organisation_id, &brand.draft.confidentiality).await?;
    if allows(principal, Action::BrandReadDraft, target) {
        return Ok(brand);
    }
    if allows(principal, Action::CatalogReadPublished, target) && brand.published_sheet.is_some() {
        let mut b = brand;
        b.draft = b.published_sheet.clone().unwrap_or(b.draft);
        b.draft.confidentiality = Confidentiality::default();
        if let Some(p) = &mut b.published_sheet {
            p.confidentiality = Confidentiality::default();
        }
        return Ok(b);
    }
    Err(AppError::not_found("brand"))
}

/// A new draft of a brand, with the version it was edited from.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BrandUpdate {
    /// The version you edited; a newer one on the server means someone else saved first.
    pub version: i64,
    pub sheet: BrandSheet,
}

/// A new draft of a product, with the version it was edited from.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductUpdate {
    /// The version you edited; a newer one on the server means someone else saved first.
    pub version: i64,
    pub sheet: ProductSheet,
}

pub async fn update_brand(db: &Db, principal: &Principal, id: i64, update: BrandUpdate) -> AppResult<Brand> {
    let brand = brand_for_edit(db, principal, id).await?;
    let sheet = update.sheet.validated()?;
    check_logo(db, principal, &sheet).await?;
    if sheet.confidentiality != brand.draft.confidentiality
        && principal.org_id != brand.owner_organisation_id
        && !principal.is_platform_admin()
    {
        return Err(AppError::client(
            ErrorKind::Forbidden,
            ErrorCode::OwnerOnly,
            "Only the rights holder itself chooses who sees its confidential sections.",
        ));
    }
    let mut tx = db.begin().await?;
    let saved = match store::catalog::update_brand_draft(&mut tx, id, update.version, &sheet, db.now_ms()).await {
        Ok(v) => v,
        Err(e) if is_unique_violation(&e) => return Err(conflict_on(&e, &brand.key)),
        Err(e) => return Err(e.into()),
    };
    let Some(version) = saved else { return Err(version_conflict(brand.version)) };
    super::cards::brand_changing(db, id);
    keep_history(&mut tx, principal, "brand", id, version, "save", &sheet).await?;
    let mut event = AuditEvent::by(principal, "brand.update", "brand", id)
        .scope(brand.owner_organisation_id)
        .detail(serde_json::json!({"version": version}));
    if sheet.confidentiality != brand.draft.confidentiality {
        event = AuditEvent::by(principal, "brand.confidentiality", "brand", id)
            .scope(brand.owner_organisation_id)
            .detail(serde_json::json!({"version": version, "confidentiality": sheet.confidentiality}));
    }
    store::audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    store::catalog::get_brand(db.reader(), id).await?.ok_or_else(|| AppError::not_found("brand"))
}

pub async fn publish_brand(db: &Db, principal: &Principal, id: i64) -> AppResult<Brand> {
    let brand = brand_for_edit(db, principal, id).await?;
    let mut tx = db.begin().await?;
    store::catalog::publish_brand(&mut tx, id, db.now_ms(), &brand.draft).await?;
    super::cards::brand_changing(db, id);
    keep_history(&mut tx, principal, "brand", id, brand.version, "publish", &brand.draft).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "brand.publish", "brand", id)
            .scope(brand.owner_organisation_id)
            .detail(serde_json::json!({"version": brand.version})),
    )
    .await?;
    tx.commit().await?;
    store::catalog::get_brand(db.reader(), id).await?.ok_or_else(|| AppError::not_found("brand"))
}

/// Lets a representative organisation act for a brand.
pub async fn delegate_brand(db: &Db, principal: &Principal, id: i64, representative_org_id: i64) -> AppResult<()> {
    let brand = store::catalog::get_brand(db.reader(), id).await?.ok_or_else(|| AppError::not_found("brand"))?;
    let target = brand_target(db, principal, id, brand.owner_organisation_id, &brand.draft.confidentiality).await?;
    // Outsiders learn nothing of the brand's existence; its own side is told it may not.
    if !allows(principal, Action::BrandReadDraft, target) {
        return Err(AppError::not_found("brand"));
    }
    check(principal, Action::BrandDelegate, target)?;
    let rep = store::directory::get_organisation(db.reader(), representative_org_id)
        .await?
        .ok_or_else(|| invalid("organisation_id", ErrorCode::UnknownOrganisation, "No organisation has this id."))?;
    if rep.kind != super::types::OrgKind::Representative {
        return Err(invalid(
            "organisation_id",
            ErrorCode::NotARepresentative,
            "Brands can be delegated to representative organisations only.",
        ));
    }
    let mut tx = db.begin().await?;
    store::catalog::insert_delegation(&mut tx, id, rep.id, db.now_ms()).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "brand.delegate", "brand", id)
            .scope(brand.owner_organisation_id)
            .detail(serde_json::json!({"representative": rep.id})),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An organisation a brand owner may choose, by id and name.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrgChoice {
    pub organisation_id: i64,
    pub name: String,
}

/// What only the brand owner's administrators choose: who acts for the brand (and who could),
/// and which enforcement organisations could be in the audience of its confidential sections.
#[derive(Debug, Clone, Default)]
pub struct OwnerChoices {
    pub acting: Vec<OrgChoice>,
    pub candidates: Vec<OrgChoice>,
    pub enforcement: Vec<OrgChoice>,
}

/// The owner's choices for a brand; `None` when the principal may edit the brand but not make
/// them (only the owner's administrators and platform administrators do).
pub async fn owner_choices(db: &Db, principal: &Principal, brand_id: i64) -> AppResult<Option<OwnerChoices>> {
    let brand = brand_for_edit(db, principal, brand_id).await?;
    let target =
        brand_target(db, principal, brand_id, brand.owner_organisation_id, &brand.draft.confidentiality).await?;
    if !allows(principal, Action::BrandDelegate, target) {
        return Ok(None);
    }
    let acting: Vec<OrgChoice> = store::catalog::list_delegations(db.reader(), brand_id)
        .await?
        .into_iter()
        .map(|(organisation_id, name)| OrgChoice { organisation_id, name })
        .collect();
    let mut choices = OwnerChoices { acting, ..OwnerChoices::default() };
    for o in store::directory::list_organisations(db.reader()).await? {
        let choice = OrgChoice { organisation_id: o.id, name: o.name };
        if o.kind.is_enforcement() {
            choices.enforcement.push(choice);
        } else if o.kind == super::types::OrgKind::Representative
            && !choices.acting.iter().any(|a| a.organisation_id == o.id)
        {
            choices.candidates.push(choice);
        }
    }
    Ok(Some(choices))
}

/// Stops a representative organisation acting for a brand.
pub async fn revoke_delegation(db: &Db, principal: &Principal, id: i64, representative_org_id: i64) -> AppResult<()> {
    let brand = store::catalog::get_brand(db.reader(), id).await?.ok_or_else(|| AppError::not_found("brand"))?;
    let target = brand_target(db, principal, id, brand.owner_organisation_id, &brand.draft.confidentiality).await?;
    if !allows(principal, Action::BrandReadDraft, target) {
        return Err(AppError::not_found("brand"));
    }
    check(principal, Action::BrandDelegate, target)?;
    let mut tx = db.begin().await?;
    if store::catalog::delete_delegation(&mut tx, id, representative_org_id).await? {
        store::audit::append(
            &mut tx,
            &AuditEvent::by(principal, "brand.revoke_delegation", "brand", id)
                .scope(brand.owner_organisation_id)
                .detail(serde_json::json!({"representative": representative_org_id})),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Brands the principal works on (own or delegated), or the published ones for enforcement.
pub async fn list_brands(db: &Db, principal: &Principal, limit: i64, offset: i64) -> AppResult<Vec<BrandSummary>> {
    let scope = brand_scope(principal)?;
    Ok(store::catalog::list_brands(db.reader(), scope, limit.clamp(1, 500), offset.max(0)).await?)
}

/// The brands a principal lists: all from the console, its own and those it acts for on the
/// rights holders' side, the published ones for those who may read the published catalog.
pub(crate) fn brand_scope(principal: &Principal) -> AppResult<store::catalog::BrandScope> {
    if principal.is_console() {
        return Ok(store::catalog::BrandScope::All);
    }
    match principal.org_kind {
        super::types::OrgKind::RightsHolder | super::types::OrgKind::Representative => {
            Ok(store::catalog::BrandScope::ActingFor(principal.org_id))
        }
        _ => {
            check(principal, Action::CatalogReadPublished, Target::Platform)?;
            Ok(store::catalog::BrandScope::Published)
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewProduct {
    pub key: String,
    pub sheet: ProductSheet,
}

async fn brand_for_edit(db: &Db, principal: &Principal, brand_id: i64) -> AppResult<Brand> {
    let brand = store::catalog::get_brand(db.reader(), brand_id).await?.ok_or_else(|| AppError::not_found("brand"))?;
    let target =
        brand_target(db, principal, brand_id, brand.owner_organisation_id, &brand.draft.confidentiality).await?;
    if !allows(principal, Action::BrandReadDraft, target) {
        return Err(AppError::not_found("brand"));
    }
    check(principal, Action::BrandEdit, target)?;
    Ok(brand)
}

/// The brand's draft for its editor: only those who may edit it get it; others get 404.
pub async fn brand_for_editing(db: &Db, principal: &Principal, brand_id: i64) -> AppResult<Brand> {
    brand_for_edit(db, principal, brand_id).await
}

/// A product's draft for its editor: only those who may edit its brand get it.
pub async fn product_for_editing(db: &Db, principal: &Principal, id: i64) -> AppResult<Product> {
    let product = store::catalog::get_product(db.reader(), id).await?.ok_or_else(|| AppError::not_found("product"))?;
    brand_for_edit(db, principal, product.brand_id).await.map_err(|e| {
        if e.is(ErrorKind::NotFound) {
            AppError::not_found("product")
        } else {
            e
        }
    })?;
    Ok(product)
}

async fn check_media(db: &Db, principal: &Principal, sheet: &ProductSheet) -> AppResult<()> {
    super::media::check_usable(db, None, principal, "images", &sheet.media_hashes().collect::<Vec<_>>()).await
}

async fn check_logo(db: &Db, principal: &Principal, sheet: &BrandSheet) -> AppResult<()> {
    let logo: Vec<&str> = sheet.logo.iter().map(String::as_str).collect();
    super::media::check_usable(db, None, principal, "logo", &logo).await
}

pub async fn create_product(db: &Db, principal: &Principal, brand_id: i64, input: NewProduct) -> AppResult<Product> {
    let brand = brand_for_edit(db, principal, brand_id).await?;
    let key = parse_key("key", &input.key)?;
    let sheet = input.sheet.validated()?;
    check_media(db, principal, &sheet).await?;
    let mut tx = db.begin().await?;
    let id = match store::catalog::insert_product(&mut tx, brand.id, &key, &sheet, db.now_ms()).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => return Err(conflict_on(&e, &key)),
        Err(e) => return Err(e.into()),
    };
    super::cards::changing(db, [id]);
    keep_history(&mut tx, principal, "product", id, 1, "create", &sheet).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "product.create", "product", id)
            .scope(brand.owner_organisation_id)
            .detail(serde_json::json!({"brand_id": brand.id, "key": key})),
    )
    .await?;
    tx.commit().await?;
    store::catalog::get_product(db.reader(), id).await?.ok_or_else(|| AppError::not_found("product"))
}

pub async fn update_product(db: &Db, principal: &Principal, id: i64, update: ProductUpdate) -> AppResult<Product> {
    let product = store::catalog::get_product(db.reader(), id).await?.ok_or_else(|| AppError::not_found("product"))?;
    let brand = brand_for_edit(db, principal, product.brand_id).await?;
    let sheet = update.sheet.validated()?;
    check_media(db, principal, &sheet).await?;
    let mut tx = db.begin().await?;
    let saved = match store::catalog::update_product_draft(&mut tx, id, update.version, &sheet, db.now_ms()).await {
        Ok(v) => v,
        Err(e) if is_unique_violation(&e) => return Err(conflict_on(&e, &product.key)),
        Err(e) => return Err(e.into()),
    };
    let Some(version) = saved else { return Err(version_conflict(product.version)) };
    super::cards::changing(db, [id]);
    keep_history(&mut tx, principal, "product", id, version, "save", &sheet).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "product.update", "product", id)
            .scope(brand.owner_organisation_id)
            .detail(serde_json::json!({"version": version})),
    )
    .await?;
    tx.commit().await?;
    store::catalog::get_product(db.reader(), id).await?.ok_or_else(|| AppError::not_found("product"))
}

pub async fn publish_product(db: &Db, principal: &Principal, id: i64) -> AppResult<Product> {
    let product = store::catalog::get_product(db.reader(), id).await?.ok_or_else(|| AppError::not_found("product"))?;
    let brand = brand_for_edit(db, principal, product.brand_id).await?;
    if brand.published_sheet.is_none() {
        return Err(AppError::conflict(
            ErrorCode::BrandNotPublished,
            "Publish the brand first: officers find products through their brand.",
        ));
    }
    let mut tx = db.begin().await?;
    store::catalog::publish_product(&mut tx, id, db.now_ms(), &product.draft).await?;
    super::cards::changing(db, [id]);
    keep_history(&mut tx, principal, "product", id, product.version, "publish", &product.draft).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "product.publish", "product", id)
            .scope(brand.owner_organisation_id)
            .detail(serde_json::json!({"version": product.version})),
    )
    .await?;
    tx.commit().await?;
    store::catalog::get_product(db.reader(), id).await?.ok_or_else(|| AppError::not_found("product"))
}

pub async fn get_product(db: &Db, principal: &Principal, id: i64) -> AppResult<Product> {
    let product = store::catalog::get_product(db.reader(), id).await?.ok_or_else(|| AppError::not_found("product"))?;
    let brand = store::catalog::get_brand(db.reader(), product.brand_id)
        .await?
        .ok_or_else(|| AppError::not_found("product"))?;
    let target =
        brand_target(db, principal, brand.id, brand.owner_organisation_id, &brand.draft.confidentiality).await?;
    if allows(principal, Action::BrandReadDraft, target) {
        return Ok(product);
    }
    Err(AppError::not_found("product"))
}

/// What an officer sees of a product: the published sheet with confidential sections removed
/// unless the brand chose the officer's organisation or country, and the brand's contacts
/// for the officer's country first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProductCard {
    pub product_id: i64,
    pub brand_id: i64,
    pub brand_name: String,
    pub brand_aliases: Vec<String>,
    pub sector: Sector,
    pub trademarks: Vec<Trademark>,
    pub contacts: Vec<Contact>,
    /// The language the brand's texts are shown in when they have no version in the reader's.
    #[schema(value_type = String, example = "en")]
    pub fallback_language: super::types::Language,
    pub sheet: ProductSheet,
    /// Sections the rights holder keeps for other authorities: ask its contacts.
    pub withheld_sections: Vec<Section>,
    pub published_at: Option<String>,
}

impl ProductCard {
    /// The product's name a reader of `lang` sees.
    pub fn name(&self, lang: &str) -> &str {
        self.sheet.name_for(lang, self.fallback_language.as_str())
    }
}

pub async fn product_card(db: &Db, principal: &Principal, id: i64) -> AppResult<ProductCard> {
    product_card_by(db, principal, store::catalog::ProductBy::Id(id))
        .await?
        .ok_or_else(|| AppError::not_found("product"))
}

/// The card of the product carrying `gtin14`, if any, as [`product_card`] would show it.
pub async fn product_card_by_gtin(db: &Db, principal: &Principal, gtin14: &str) -> AppResult<Option<ProductCard>> {
    product_card_by(db, principal, store::catalog::ProductBy::Gtin(gtin14)).await
}

async fn product_card_by(
    db: &Db,
    principal: &Principal,
    by: store::catalog::ProductBy<'_>,
) -> AppResult<Option<ProductCard>> {
    let replicated = match by {
        store::catalog::ProductBy::Gtin(gtin) => super::cards::published_by_gtin(db, gtin)?,
        store::catalog::ProductBy::Id(_) => None,
    };
    let product = match replicated {
        Some(p) => p,
        None => match store::catalog::stored_product(db, by).await? {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let brand = brand_remembered(db, product.brand_id).await?.ok_or_else(|| AppError::not_found("product"))?;
    card_of(db, principal, product, &brand).await.map(Some)
}

/// A brand as stored, read again only after a write or once the memory is a moment old: every
/// lookup needs its product's brand, and ten thousand brands cover a million products.
pub(crate) async fn brand_remembered(db: &Db, id: i64) -> AppResult<Option<std::sync::Arc<Brand>>> {
    if let Some(kept) = super::cards::kept_brand(db, id) {
        return Ok(Some(kept));
    }
    let evictions = super::cards::brand_evictions(db);
    let epoch = db.write_epoch();
    // Brands by id, parsed: every product card needs its brand's.
    let memory = db.caches.of::<Recent<i64, std::sync::Arc<Brand>>>();
    if let Some(known) = memory.get(&id, epoch) {
        return Ok(Some(known));
    }
    let Some(brand) = store::catalog::get_brand_quickly(db, id).await? else { return Ok(None) };
    let brand = std::sync::Arc::new(brand);
    memory.put(id, epoch, brand.clone());
    super::cards::keep_brand(db, evictions, brand.clone());
    Ok(Some(brand))
}

async fn card_of(
    db: &Db,
    principal: &Principal,
    product: store::catalog::StoredProduct,
    brand: &Brand,
) -> AppResult<ProductCard> {
    let target =
        brand_target(db, principal, brand.id, brand.owner_organisation_id, &brand.draft.confidentiality).await?;
    let own_side = allows(principal, Action::BrandReadDraft, target);
    // The brand's side reads the draft, which a node's card replica does not keep.
    let product = match own_side && !product.has_draft() {
        true => store::catalog::stored_product(db, store::catalog::ProductBy::Id(product.id))
            .await?
            .ok_or_else(|| AppError::not_found("product"))?,
        false => product,
    };
    let brand_sheet = match (&brand.published_sheet, own_side) {
        (Some(b), _) => b,
        (None, true) => &brand.draft,
        (None, false) => return Err(AppError::not_found("product")),
    };
    let mut sheet =
        if own_side { product.draft()? } else { product.published()?.ok_or_else(|| AppError::not_found("product"))? };
    if !own_side && !allows(principal, Action::CatalogReadPublished, target) {
        return Err(AppError::not_found("product"));
    }
    let confidential = &brand.draft.confidentiality.sections;
    let mut withheld = Vec::new();
    if !confidential.is_empty() {
        if allows(principal, Action::CatalogReadConfidential, target) {
            if !own_side {
                db.audit_read(
                    AuditEvent::by(principal, "catalog.read_confidential", "product", product.id)
                        .detail(serde_json::json!({"brand_id": brand.id, "sections": confidential})),
                )
                .await?;
            }
        } else {
            withheld = sheet.withhold(confidential);
        }
    }
    // The platform administrator reads the catalog as an officer without confidential access
    // does, and every such read is on the record.
    if principal.is_platform_admin() && !principal.is_console() {
        db.audit_read(
            AuditEvent::by(principal, "catalog.read", "product", product.id)
                .detail(serde_json::json!({"brand_id": brand.id})),
        )
        .await?;
    }
    let mut contacts = brand_sheet.contacts.clone();
    contacts.sort_by_key(|c| match c.country.as_deref() {
        Some(c) if c == principal.org_country => 0,
        None => 1,
        _ => 2,
    });
    Ok(ProductCard {
        product_id: product.id,
        brand_id: brand.id,
        brand_name: brand_sheet.name.clone(),
        brand_aliases: brand_sheet.aliases.clone(),
        sector: brand_sheet.sector,
        trademarks: brand_sheet.trademarks.clone(),
        contacts,
        fallback_language: brand_sheet.fallback_language,
        sheet,
        withheld_sections: withheld,
        published_at: product.published_at(),
    })
}

/// Whether the principal may read a brand's drafts (and so every copy of it): who, besides
/// enforcement for a published copy, may see a file the brand's sheet shows.
pub async fn may_read_brand_drafts(db: &Db, principal: &Principal, brand_id: i64) -> AppResult<bool> {
    match store::catalog::get_brand(db.reader(), brand_id).await? {
        Some(brand) => allows_draft(db, principal, &brand).await,
        None => Ok(false),
    }
}

async fn allows_draft(db: &Db, principal: &Principal, brand: &Brand) -> AppResult<bool> {
    let target =
        brand_target(db, principal, brand.id, brand.owner_organisation_id, &brand.draft.confidentiality).await?;
    Ok(allows(principal, Action::BrandReadDraft, target))
}

closed_set!(
    /// What a history belongs to.
    pub enum HistoryKind {
        Brand = "brand",
        Product = "product",
    }
);

/// One saved version of a brand or product sheet.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HistoryEntry {
    pub version: i64,
    /// `create`, `save`, `publish` or `import`.
    pub action: String,
    /// Who saved it.
    pub actor: String,
    pub at: String,
}

/// How many versions the history shows at most.
const HISTORY_LIMIT: i64 = 500;

/// Every saved version of a brand or product, newest first: for the brand's own side only.
pub async fn history(db: &Db, principal: &Principal, kind: HistoryKind, id: i64) -> AppResult<Vec<HistoryEntry>> {
    let what = kind.as_str();
    let brand_id = match kind {
        HistoryKind::Brand => id,
        HistoryKind::Product => {
            store::catalog::get_product(db.reader(), id).await?.ok_or_else(|| AppError::not_found(what))?.brand_id
        }
    };
    let brand = store::catalog::get_brand(db.reader(), brand_id).await?.ok_or_else(|| AppError::not_found(what))?;
    if !allows_draft(db, principal, &brand).await? {
        return Err(AppError::not_found(what));
    }
    let rows = store::catalog::list_history(db.reader(), what, id, HISTORY_LIMIT).await?;
    Ok(rows
        .into_iter()
        .map(|r| HistoryEntry {
            version: r.version,
            action: r.action,
            actor: r.actor_label,
            at: super::format_ms(r.at),
        })
        .collect())
}

/// A sector's published cards as an enforcement reader sees them, for keeping them on the phone
/// together: how many there are, and the first `limit` (none when there are more, since the
/// sector is then kept brand by brand).
pub async fn sector_cards(
    db: &Db,
    principal: &Principal,
    sector: Sector,
    limit: i64,
) -> AppResult<(SectorSize, Vec<SectorCard>)> {
    check(principal, Action::CatalogReadPublished, Target::Platform)?;
    let size = store::catalog::sector_size(db.reader(), sector).await?;
    if size.cards > limit {
        return Ok((size, Vec::new()));
    }
    Ok((size, store::catalog::sector_cards(db.reader(), sector, limit).await?))
}

pub async fn list_products(db: &Db, principal: &Principal, brand_id: i64) -> AppResult<Vec<ProductSummary>> {
    let brand = store::catalog::get_brand(db.reader(), brand_id).await?.ok_or_else(|| AppError::not_found("brand"))?;
    if allows_draft(db, principal, &brand).await? {
        return Ok(store::catalog::list_products(db.reader(), brand_id, false).await?);
    }
    let target =
        brand_target(db, principal, brand.id, brand.owner_organisation_id, &brand.draft.confidentiality).await?;
    if allows(principal, Action::CatalogReadPublished, target) && brand.published_sheet.is_some() {
        return Ok(store::catalog::list_products(db.reader(), brand_id, true).await?);
    }
    Err(AppError::not_found("brand"))
}
