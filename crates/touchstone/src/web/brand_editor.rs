//! The rights holder's brand editor (names and aliases, sector, GS1 company prefixes,
//! trademark registrations, contacts per country, logo) and a product's sections editor
//! (security features, manufacturing countries, authorised parties per market, routes).
//!
//! Like the product editor, every save goes through `catalog::update_brand` or
//! `catalog::update_product` with the version the page was loaded from, so a concurrent save
//! is reported (409) instead of overwritten; each form changes only its part of the draft.
//! Officers see nothing of it until the rights holder publishes.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use serde::Deserialize;

use super::catalog_editor::checked_upload;
use super::{
    clone_layout, shown_in_place, CsrfForm, Ctx, FieldError, Layout, PageError, PageId, PageResult, Pages, SignedIn,
};
use crate::domain::catalog::{
    self, Brand, BrandSheet, BrandUpdate, Confidentiality, Contact, OwnerChoices, Party, PartyRole, Product,
    ProductSheet, ProductUpdate, Route, Section, Sector, SecurityFeature, Trademark, TransportMode,
};
use crate::domain::policy::Principal;
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/catalog/brands/{id}/edit", get(brand_page).post(save_brand_main))
        .route("/catalog/brands/{id}/trademarks", post(add_trademark))
        .route("/catalog/brands/{id}/contacts", post(add_contact))
        .route("/catalog/brands/{id}/remove", post(remove_from_brand))
        .route("/catalog/brands/{id}/representatives", post(add_representative))
        .route("/catalog/brands/{id}/representatives/remove", post(remove_representative))
        .route("/catalog/brands/{id}/audience", post(save_audience))
        // The upload reads at most the media limit itself, field by field.
        .route("/catalog/brands/{id}/logo", post(upload_logo).layer(DefaultBodyLimit::disable()))
        .route("/catalog/products/{id}/sections", get(sections_page))
        .route("/catalog/products/{id}/security-features", post(add_security_feature))
        .route("/catalog/products/{id}/manufacturing", post(save_manufacturing))
        .route("/catalog/products/{id}/parties", post(add_party))
        .route("/catalog/products/{id}/routes", post(add_route))
        .route("/catalog/products/{id}/sections/remove", post(remove_from_product))
}

fn parse_version(raw: &str) -> Result<i64, AppError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| AppError::client(StatusCode::BAD_REQUEST, "invalid_form", "The form is not complete: version."))
}

/// Lines or commas to a list, blanks dropped.
fn list(raw: &str, separators: &[char]) -> Vec<String> {
    raw.split(|c: char| c == '\n' || separators.contains(&c))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn optional(raw: &str) -> Option<String> {
    Some(raw.trim().to_string()).filter(|s| !s.is_empty())
}

#[derive(Deserialize, Default)]
struct SavedQuery {
    saved: Option<String>,
}

fn saved_of(done: Result<Query<SavedQuery>, QueryRejection>, allowed: &[&str]) -> Option<String> {
    done.ok().and_then(|Query(q)| q.saved).filter(|s| allowed.contains(&s.as_str()))
}

// ---------------------------------------------------------------------------------------------
// The brand

#[derive(Deserialize, Default, Clone)]
struct BrandMainForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    aliases: String,
    #[serde(default)]
    sector: String,
    #[serde(default)]
    gs1_company_prefixes: String,
}

impl BrandMainForm {
    fn from_sheet(version: i64, s: &BrandSheet) -> Self {
        BrandMainForm {
            version: version.to_string(),
            name: s.name.clone(),
            aliases: s.aliases.join("\n"),
            sector: s.sector.as_str().to_string(),
            gs1_company_prefixes: s.gs1_company_prefixes.join("\n"),
        }
    }

    fn apply(&self, mut sheet: BrandSheet) -> Result<BrandSheet, AppError> {
        sheet.name = self.name.clone();
        sheet.aliases = list(&self.aliases, &[]);
        sheet.sector = Sector::parse(&self.sector).ok_or_else(|| {
            AppError::invalid("sector", "invalid_sector", format!("Choose one of: {}.", Sector::names()))
        })?;
        sheet.gs1_company_prefixes = list(&self.gs1_company_prefixes, &[',', ' ']);
        Ok(sheet)
    }
}

#[derive(Deserialize, Default, Clone)]
struct TrademarkForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    office: String,
    #[serde(default)]
    number: String,
    #[serde(default)]
    nice_classes: String,
    #[serde(default)]
    expires_on: String,
}

impl TrademarkForm {
    fn parse(&self) -> Result<Trademark, AppError> {
        let nice_classes = list(&self.nice_classes, &[',', ' ', ';'])
            .iter()
            .map(|c| c.parse::<u8>().ok().filter(|n| (1..=45).contains(n)).ok_or(c))
            .collect::<Result<Vec<u8>, _>>()
            .map_err(|c| {
                AppError::invalid(
                    "nice_classes",
                    "invalid_nice_class",
                    format!("Nice class {c} does not exist; classes run from 1 to 45."),
                )
                .with_arg("class", c)
            })?;
        if self.office.trim().is_empty() {
            return Err(AppError::invalid("office", "required", "Name the office that registered the trademark."));
        }
        if self.number.trim().is_empty() {
            return Err(AppError::invalid("number", "required", "Give the registration number."));
        }
        Ok(Trademark {
            office: self.office.clone(),
            number: self.number.clone(),
            nice_classes,
            expires_on: optional(&self.expires_on),
        })
    }
}

#[derive(Deserialize, Default, Clone)]
struct ContactForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    languages: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    hours: String,
}

impl ContactForm {
    fn parse(&self) -> Contact {
        Contact {
            country: optional(&self.country),
            name: self.name.clone(),
            languages: list(&self.languages, &[',', ' ', ';']),
            phone: optional(&self.phone),
            email: optional(&self.email),
            hours: optional(&self.hours),
        }
    }
}

#[derive(Deserialize, Default)]
struct RemoveForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    list: String,
    #[serde(default)]
    index: String,
}

struct TrademarkRow {
    index: usize,
    tm: Trademark,
    classes: String,
}

struct ContactRow {
    index: usize,
    contact: Contact,
}

/// What a re-rendered brand editor keeps from a refused submission: the form it came from,
/// as typed, and the error shown beside it.
#[derive(Default)]
struct BrandRefused {
    status: Option<StatusCode>,
    conflict: bool,
    /// `main`, `trademark`, `contact`, `logo` or `remove`.
    form: &'static str,
    error: FieldError,
    code: String,
    main: Option<BrandMainForm>,
    audience_countries: Option<String>,
    trademark: Option<TrademarkForm>,
    contact: Option<ContactForm>,
}

#[derive(Template)]
#[template(path = "brand_edit.html")]
struct BrandEditorPage {
    layout: Layout,
    id: i64,
    name: String,
    version: i64,
    saved: Option<String>,
    conflict: bool,
    refused_form: &'static str,
    error: FieldError,
    /// The refusal's stable code, for the logo upload's message.
    error_code: String,
    main: BrandMainForm,
    sectors: &'static [Sector],
    logo: Option<String>,
    trademarks: Vec<TrademarkRow>,
    trademark: TrademarkForm,
    contacts: Vec<ContactRow>,
    contact: ContactForm,
    /// Who acts for the brand and who could: shown to those who may choose.
    owner: Option<OwnerChoices>,
    audience: AudienceView,
}

/// The confidential sections and their audience, as the form shows them.
struct AudienceView {
    sections: Vec<Ticked<Section>>,
    countries: String,
    organisations: Vec<Ticked<catalog::OrgChoice>>,
}

struct Ticked<T> {
    item: T,
    ticked: bool,
}

impl BrandEditorPage {
    /// The refusal of `form`, when it belongs to none of the fields shown beside inputs.
    fn general_error(&self, form: &str, shown: &[&str]) -> Option<&str> {
        (!self.conflict
            && self.refused_form == form
            && !self.error.message.is_empty()
            && !shown.contains(&self.error.field.as_str()))
        .then_some(self.error.message.as_str())
    }

    fn field_error(&self, form: &str, field: &str) -> Option<&str> {
        (self.refused_form == form && self.error.on(field)).then_some(self.error.message.as_str())
    }
}

async fn render_brand(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    saved: Option<String>,
    refused: BrandRefused,
) -> PageResult {
    let brand = catalog::brand_for_editing(&state.db, principal, id).await?;
    let owner = catalog::owner_choices(&state.db, principal, id).await?;
    let sheet = brand.draft;
    let chosen = &sheet.confidentiality;
    let audience = AudienceView {
        sections: Section::ALL.iter().map(|s| Ticked { item: *s, ticked: chosen.sections.contains(s) }).collect(),
        countries: refused.audience_countries.clone().unwrap_or_else(|| chosen.countries.join(", ")),
        organisations: owner
            .as_ref()
            .map(|o| o.enforcement.clone())
            .unwrap_or_default()
            .into_iter()
            .map(|o| {
                let ticked = chosen.organisations.contains(&o.organisation_id);
                Ticked { item: o, ticked }
            })
            .collect(),
    };
    let page = BrandEditorPage {
        layout: clone_layout(&ctx.layout),
        id: brand.id,
        name: sheet.name.clone(),
        version: brand.version,
        saved,
        conflict: refused.conflict,
        refused_form: refused.form,
        error: refused.error,
        error_code: refused.code,
        main: refused.main.unwrap_or_else(|| BrandMainForm::from_sheet(brand.version, &sheet)),
        sectors: Sector::ALL,
        logo: sheet.logo.as_deref().map(|h| format!("/media/{h}/thumbnail")),
        trademarks: sheet
            .trademarks
            .into_iter()
            .enumerate()
            .map(|(index, tm)| {
                let classes = tm.nice_classes.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
                TrademarkRow { index, tm, classes }
            })
            .collect(),
        trademark: refused.trademark.unwrap_or_default(),
        contacts: sheet
            .contacts
            .into_iter()
            .enumerate()
            .map(|(index, contact)| ContactRow { index, contact })
            .collect(),
        contact: refused.contact.unwrap_or_default(),
        owner,
        audience,
    };
    Ok(ctx.render(refused.status.unwrap_or(StatusCode::OK), page))
}

async fn brand_page(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    done: Result<Query<SavedQuery>, QueryRejection>,
) -> PageResult {
    let saved = saved_of(done, &["main", "trademark", "contact", "logo", "removed", "representative", "audience"]);
    render_brand(ctx, &state, &principal, id, saved, BrandRefused::default()).await
}

/// Saves a new brand draft built from the current one, with the version the form was loaded from.
async fn save_brand(
    state: &AppState,
    principal: &Principal,
    id: i64,
    version: &str,
    change: impl FnOnce(BrandSheet) -> Result<BrandSheet, AppError>,
) -> Result<Brand, AppError> {
    let version = parse_version(version)?;
    let current = catalog::brand_for_editing(&state.db, principal, id).await?;
    let sheet = change(current.draft)?;
    catalog::update_brand(&state.db, principal, id, BrandUpdate { version, sheet }).await
}

/// After a brand form: back to the editor (PRG), or the editor with the refusal beside the form.
async fn after_brand_save(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    result: Result<Brand, AppError>,
    saved: &'static str,
    refused: BrandRefused,
) -> PageResult {
    match result {
        Ok(b) => Ok(Redirect::to(&format!("/catalog/brands/{}/edit?saved={saved}#{saved}", b.id)).into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            e.log();
            let refused = BrandRefused {
                status: Some(e.status()),
                conflict: e.code() == "version_conflict",
                error: FieldError::from_error(&ctx.layout.tr, &e),
                code: e.code().to_string(),
                ..refused
            };
            render_brand(ctx, state, principal, id, None, refused).await
        }
    }
}

async fn save_brand_main(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<BrandMainForm>,
) -> PageResult {
    let result = save_brand(&state, &principal, id, &form.version, |sheet| form.apply(sheet)).await;
    let refused = BrandRefused { form: "main", main: Some(form.clone()), ..BrandRefused::default() };
    after_brand_save(ctx, &state, &principal, id, result, "main", refused).await
}

async fn add_trademark(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<TrademarkForm>,
) -> PageResult {
    let result = save_brand(&state, &principal, id, &form.version, |mut sheet| {
        sheet.trademarks.push(form.parse()?);
        Ok(sheet)
    })
    .await;
    let refused = BrandRefused { form: "trademark", trademark: Some(form.clone()), ..BrandRefused::default() };
    after_brand_save(ctx, &state, &principal, id, result, "trademark", refused).await
}

async fn add_contact(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<ContactForm>,
) -> PageResult {
    let result = save_brand(&state, &principal, id, &form.version, |mut sheet| {
        sheet.contacts.push(form.parse());
        Ok(sheet)
    })
    .await;
    let refused = BrandRefused { form: "contact", contact: Some(form.clone()), ..BrandRefused::default() };
    after_brand_save(ctx, &state, &principal, id, result, "contact", refused).await
}

fn gone() -> AppError {
    AppError::invalid("index", "unknown_entry", "This entry is no longer in the draft; reload the page.")
}

fn remove_at<T>(items: &mut Vec<T>, index: &str) -> Result<(), AppError> {
    let i = index.trim().parse::<usize>().ok().filter(|i| *i < items.len()).ok_or_else(gone)?;
    items.remove(i);
    Ok(())
}

async fn remove_from_brand(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> PageResult {
    let result = save_brand(&state, &principal, id, &form.version, |mut sheet| {
        match form.list.as_str() {
            "trademarks" => remove_at(&mut sheet.trademarks, &form.index)?,
            "contacts" => remove_at(&mut sheet.contacts, &form.index)?,
            "logo" => sheet.logo = None,
            _ => return Err(gone()),
        }
        Ok(sheet)
    })
    .await;
    let refused = BrandRefused { form: "remove", ..BrandRefused::default() };
    after_brand_save(ctx, &state, &principal, id, result, "removed", refused).await
}

#[derive(Deserialize, Default)]
struct RepresentativeForm {
    #[serde(default)]
    organisation_id: String,
}

impl RepresentativeForm {
    fn id(&self) -> Result<i64, AppError> {
        self.organisation_id
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or_else(|| AppError::invalid("organisation_id", "required", "Choose a representative organisation."))
    }
}

/// After a delegation form: back to the editor, or the editor with the refusal.
async fn after_delegation(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    result: Result<(), AppError>,
) -> PageResult {
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/catalog/brands/{id}/edit?saved=representative#representative")).into_response())
        }
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            e.log();
            let refused = BrandRefused {
                status: Some(e.status()),
                form: "representative",
                error: FieldError::from_error(&ctx.layout.tr, &e),
                code: e.code().to_string(),
                ..BrandRefused::default()
            };
            render_brand(ctx, state, principal, id, None, refused).await
        }
    }
}

async fn add_representative(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<RepresentativeForm>,
) -> PageResult {
    let result = match form.id() {
        Ok(org) => catalog::delegate_brand(&state.db, &principal, id, org).await,
        Err(e) => Err(e),
    };
    after_delegation(ctx, &state, &principal, id, result).await
}

async fn remove_representative(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<RepresentativeForm>,
) -> PageResult {
    let result = match form.id() {
        Ok(org) => catalog::revoke_delegation(&state.db, &principal, id, org).await,
        Err(e) => Err(e),
    };
    after_delegation(ctx, &state, &principal, id, result).await
}

/// The audience form: `section_<name>` and `org_<id>` checkboxes, and the countries typed.
async fn save_audience(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<std::collections::HashMap<String, String>>,
) -> PageResult {
    let countries = form.get("countries").cloned().unwrap_or_default();
    let chosen = Confidentiality {
        sections: Section::ALL.iter().copied().filter(|s| form.contains_key(&format!("section_{s}"))).collect(),
        organisations: form.keys().filter_map(|k| k.strip_prefix("org_")?.parse::<i64>().ok()).collect(),
        countries: list(&countries, &[',', ' ', ';']),
    };
    let version = form.get("version").cloned().unwrap_or_default();
    let result = save_brand(&state, &principal, id, &version, |mut sheet| {
        sheet.confidentiality = chosen;
        Ok(sheet)
    })
    .await;
    let refused = BrandRefused { form: "audience", audience_countries: Some(countries), ..BrandRefused::default() };
    after_brand_save(ctx, &state, &principal, id, result, "audience", refused).await
}

async fn upload_logo(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let form = checked_upload(&ctx, multipart, state.media.limits.max_bytes, "file").await?;
    // Only the brand's own side stores files from this page: others learn nothing.
    if let Err(e) = catalog::brand_for_editing(&state.db, &principal, id).await {
        return Err(PageError(e));
    }
    let result = match form.file {
        Some(bytes) if !bytes.is_empty() => {
            match crate::domain::media::upload(&state.db, &state.media, &principal, bytes).await {
                Ok(stored) if stored.kind == "pdf" => Err(AppError::client(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_type",
                    "A logo is a JPEG, PNG or WebP picture, not a PDF document.",
                )),
                Ok(stored) => {
                    save_brand(&state, &principal, id, &form.version, |mut sheet| {
                        sheet.logo = Some(stored.hash);
                        Ok(sheet)
                    })
                    .await
                }
                Err(e) => Err(e),
            }
        }
        _ => Err(AppError::invalid("file", "required", "Choose a picture to upload.")),
    };
    let refused = BrandRefused { form: "logo", ..BrandRefused::default() };
    after_brand_save(ctx, &state, &principal, id, result, "logo", refused).await
}

// ---------------------------------------------------------------------------------------------
// A product's security features and supply chain

#[derive(Deserialize, Default, Clone)]
struct FeatureForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    how_to_check: String,
}

#[derive(Deserialize, Default, Clone)]
struct ManufacturingForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    manufacturing_countries: String,
}

#[derive(Deserialize, Default, Clone)]
struct PartyForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    identifier: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    market: String,
}

#[derive(Deserialize, Default, Clone)]
struct RouteForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    origin: String,
    #[serde(default)]
    destination: String,
    #[serde(default)]
    mode: String,
}

#[derive(Default)]
struct SectionsRefused {
    status: Option<StatusCode>,
    conflict: bool,
    /// `feature`, `manufacturing`, `party`, `route` or `remove`.
    form: &'static str,
    error: FieldError,
    feature: Option<FeatureForm>,
    manufacturing: Option<ManufacturingForm>,
    party: Option<PartyForm>,
    route: Option<RouteForm>,
}

struct Indexed<T> {
    index: usize,
    item: T,
}

fn indexed<T>(items: Vec<T>) -> Vec<Indexed<T>> {
    items.into_iter().enumerate().map(|(index, item)| Indexed { index, item }).collect()
}

#[derive(Template)]
#[template(path = "product_sections.html")]
struct SectionsPage {
    layout: Layout,
    id: i64,
    brand_id: i64,
    name: String,
    version: i64,
    saved: Option<String>,
    conflict: bool,
    refused_form: &'static str,
    error: FieldError,
    features: Vec<Indexed<SecurityFeature>>,
    feature: FeatureForm,
    manufacturing: ManufacturingForm,
    parties: Vec<Indexed<Party>>,
    party: PartyForm,
    routes: Vec<Indexed<Route>>,
    route: RouteForm,
    roles: &'static [PartyRole],
    modes: &'static [TransportMode],
}

impl SectionsPage {
    fn refusal(&self, form: &str) -> Option<&str> {
        (!self.conflict && self.refused_form == form && !self.error.message.is_empty())
            .then_some(self.error.message.as_str())
    }
}

async fn render_sections(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    saved: Option<String>,
    refused: SectionsRefused,
) -> PageResult {
    let product = catalog::product_for_editing(&state.db, principal, id).await?;
    let layout = clone_layout(&ctx.layout);
    let sheet = product.draft;
    let name = sheet.name_in(layout.tr.code()).to_string();
    let manufacturing = refused.manufacturing.unwrap_or_else(|| ManufacturingForm {
        version: product.version.to_string(),
        manufacturing_countries: sheet.supply_chain.manufacturing_countries.join(", "),
    });
    let page = SectionsPage {
        layout,
        id: product.id,
        brand_id: product.brand_id,
        name,
        version: product.version,
        saved,
        conflict: refused.conflict,
        refused_form: refused.form,
        error: refused.error,
        features: indexed(sheet.security_features),
        feature: refused.feature.unwrap_or_default(),
        manufacturing,
        parties: indexed(sheet.supply_chain.parties),
        party: refused.party.unwrap_or_default(),
        routes: indexed(sheet.supply_chain.routes),
        route: refused.route.unwrap_or_default(),
        roles: PartyRole::ALL,
        modes: TransportMode::ALL,
    };
    Ok(ctx.render(refused.status.unwrap_or(StatusCode::OK), page))
}

async fn sections_page(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    done: Result<Query<SavedQuery>, QueryRejection>,
) -> PageResult {
    let saved = saved_of(done, &["feature", "manufacturing", "party", "route", "removed"]);
    render_sections(ctx, &state, &principal, id, saved, SectionsRefused::default()).await
}

async fn save_product(
    state: &AppState,
    principal: &Principal,
    id: i64,
    version: &str,
    change: impl FnOnce(ProductSheet) -> Result<ProductSheet, AppError>,
) -> Result<Product, AppError> {
    let version = parse_version(version)?;
    let current = catalog::product_for_editing(&state.db, principal, id).await?;
    let sheet = change(current.draft)?;
    catalog::update_product(&state.db, principal, id, ProductUpdate { version, sheet }).await
}

async fn after_product_save(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    result: Result<Product, AppError>,
    saved: &'static str,
    refused: SectionsRefused,
) -> PageResult {
    match result {
        Ok(p) => {
            Ok(Redirect::to(&format!("/catalog/products/{}/sections?saved={saved}#{saved}", p.id)).into_response())
        }
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            e.log();
            let refused = SectionsRefused {
                status: Some(e.status()),
                conflict: e.code() == "version_conflict",
                error: FieldError::from_error(&ctx.layout.tr, &e),
                ..refused
            };
            render_sections(ctx, state, principal, id, None, refused).await
        }
    }
}

/// The handlers below differ only in the form they read and the part of the sheet they change.
macro_rules! product_form {
    ($name:ident, $form:ty, $slot:ident, $saved:literal, |$f:ident, $sheet:ident| $change:block) => {
        async fn $name(
            SignedIn { ctx, principal }: SignedIn,
            State(state): State<AppState>,
            PageId(id): PageId,
            CsrfForm($f): CsrfForm<$form>,
        ) -> PageResult {
            let result = save_product(&state, &principal, id, &$f.version, |mut $sheet| {
                $change
                Ok($sheet)
            })
            .await;
            let refused = SectionsRefused { form: $saved, $slot: Some($f.clone()), ..SectionsRefused::default() };
            after_product_save(ctx, &state, &principal, id, result, $saved, refused).await
        }
    };
}

product_form!(add_security_feature, FeatureForm, feature, "feature", |form, sheet| {
    sheet.security_features.push(SecurityFeature { kind: form.kind.clone(), how_to_check: form.how_to_check.clone() });
});

product_form!(save_manufacturing, ManufacturingForm, manufacturing, "manufacturing", |form, sheet| {
    sheet.supply_chain.manufacturing_countries = list(&form.manufacturing_countries, &[',', ' ', ';']);
});

product_form!(add_party, PartyForm, party, "party", |form, sheet| {
    let role = PartyRole::parse(&form.role)
        .ok_or_else(|| AppError::invalid("role", "invalid_role", format!("Choose one of: {}.", PartyRole::names())))?;
    sheet.supply_chain.parties.push(Party {
        role,
        name: form.name.clone(),
        identifier: optional(&form.identifier),
        country: form.country.clone(),
        market: optional(&form.market),
    });
});

product_form!(add_route, RouteForm, route, "route", |form, sheet| {
    let mode = TransportMode::parse(&form.mode).ok_or_else(|| {
        AppError::invalid("mode", "invalid_mode", format!("Choose one of: {}.", TransportMode::names()))
    })?;
    sheet.supply_chain.routes.push(Route { origin: form.origin.clone(), destination: form.destination.clone(), mode });
});

async fn remove_from_product(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> PageResult {
    let result = save_product(&state, &principal, id, &form.version, |mut sheet| {
        match form.list.as_str() {
            "security_features" => remove_at(&mut sheet.security_features, &form.index)?,
            "parties" => remove_at(&mut sheet.supply_chain.parties, &form.index)?,
            "routes" => remove_at(&mut sheet.supply_chain.routes, &form.index)?,
            _ => return Err(gone()),
        }
        Ok(sheet)
    })
    .await;
    let refused = SectionsRefused { form: "remove", ..SectionsRefused::default() };
    after_product_save(ctx, &state, &principal, id, result, "removed", refused).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trademark_form_refuses_a_class_outside_nice_and_names_it() {
        let form = TrademarkForm {
            office: "EUIPO".into(),
            number: "018000001".into(),
            nice_classes: "18, 25, 46".into(),
            ..Default::default()
        };
        let e = form.parse().unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_nice_class", Some("nice_classes")));
        assert!(e.public_message().contains("46"));
        let ok = TrademarkForm { nice_classes: "18 25".into(), ..form }.parse().unwrap();
        assert_eq!(ok.nice_classes, vec![18, 25]);
    }

    #[test]
    fn the_brand_form_keeps_what_it_does_not_show() {
        let sheet: BrandSheet = serde_json::from_value(serde_json::json!({
            "name": "Lumière", "sector": "luxury",
            "contacts": [{"name": "Desk", "country": "FR"}],
            "confidentiality": {"sections": ["prices"], "countries": ["FR"]},
        }))
        .unwrap();
        let mut form = BrandMainForm::from_sheet(3, &sheet);
        form.aliases = "Maison Lumiere\n\nメゾン・ルミエール".into();
        form.gs1_company_prefixes = "3012345, 3098765".into();
        let out = form.apply(sheet.clone()).unwrap();
        assert_eq!(out.aliases, vec!["Maison Lumiere", "メゾン・ルミエール"]);
        assert_eq!(out.gs1_company_prefixes, vec!["3012345", "3098765"]);
        assert_eq!(out.contacts, sheet.contacts);
        assert_eq!(out.confidentiality, sheet.confidentiality);
    }
}
