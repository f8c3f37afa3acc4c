//! A product's sections editor: security features (their texts in the language edited, `?lang=`,
//! the brand's fallback language by default), manufacturing countries, authorised parties per
//! market, routes.
//!
//! Like the other editors, every save goes through `catalog::update_product` with the version
//! the page was loaded from, so a concurrent save is reported (409) instead of overwritten;
//! each form changes only its part of the draft.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use serde::Deserialize;

use super::brand_editor::{back_to, gone, list, optional, parse_version, remove_at, saved_of, RemoveForm, SavedQuery};
use super::content::{editing_language, Shown};
use super::{
    clone_layout, shown_in_place, CsrfForm, Ctx, FieldError, Layout, PageError, PageId, PageResult, Pages, SignedIn,
};
use crate::domain::catalog::{
    self, Party, PartyRole, Product, ProductSheet, ProductUpdate, Route, SecurityFeature, TransportMode,
};
use crate::domain::localized::Localized;
use crate::domain::policy::Principal;
use crate::domain::types::Language;
use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/catalog/products/{id}/sections", get(sections_page))
        .route("/catalog/products/{id}/security-features", post(add_security_feature))
        .route("/catalog/products/{id}/manufacturing", post(save_manufacturing))
        .route("/catalog/products/{id}/parties", post(add_party))
        .route("/catalog/products/{id}/routes", post(add_route))
        .route("/catalog/products/{id}/sections/remove", post(remove_from_product))
}

/// A security feature as typed, its texts in the language edited.
#[derive(Deserialize, Default, Clone)]
struct FeatureForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    lang: String,
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
    lang: String,
    #[serde(default)]
    manufacturing_countries: String,
}

#[derive(Deserialize, Default, Clone)]
struct PartyForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    lang: String,
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
    lang: String,
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

/// A security feature's texts in the language edited (else the fallback's, marked).
struct FeatureView {
    kind: Shown,
    how_to_check: Shown,
}

#[derive(Template)]
#[template(path = "product_sections.html")]
struct SectionsPage {
    layout: Layout,
    id: i64,
    brand_id: i64,
    name: String,
    /// The language the features' texts are shown and added in.
    lang: Language,
    version: i64,
    saved: Option<String>,
    conflict: bool,
    refused_form: &'static str,
    error: FieldError,
    features: Vec<Indexed<FeatureView>>,
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
    asked: Option<&str>,
    saved: Option<String>,
    refused: SectionsRefused,
) -> PageResult {
    let product = catalog::product_for_editing(&state.db, principal, id).await?;
    let fallback = catalog::brand_for_editing(&state.db, principal, product.brand_id).await?.draft.fallback_language;
    let lang = editing_language(asked, fallback);
    let layout = clone_layout(&ctx.layout);
    let tr = ctx.layout.tr;
    let sheet = product.draft;
    let name = sheet.name_for(tr.code(), fallback.as_str()).to_string();
    let manufacturing = refused.manufacturing.unwrap_or_else(|| ManufacturingForm {
        version: product.version.to_string(),
        lang: lang.as_str().to_string(),
        manufacturing_countries: sheet.supply_chain.manufacturing_countries.join(", "),
    });
    let shown = |t: &Localized| Shown::asked(t, &tr, lang.as_str(), fallback);
    let features = sheet
        .security_features
        .iter()
        .map(|f| FeatureView { kind: shown(&f.kind), how_to_check: shown(&f.how_to_check) })
        .collect();
    let page = SectionsPage {
        layout,
        id: product.id,
        brand_id: product.brand_id,
        name,
        lang,
        version: product.version,
        saved,
        conflict: refused.conflict,
        refused_form: refused.form,
        error: refused.error,
        features: indexed(features),
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
    let (saved, lang) = saved_of(done, &["feature", "manufacturing", "party", "route", "removed"]);
    render_sections(ctx, &state, &principal, id, lang.as_deref(), saved, SectionsRefused::default()).await
}

async fn save_product(
    state: &AppState,
    principal: &Principal,
    id: i64,
    (version, asked): (&str, &str),
    change: impl FnOnce(ProductSheet, Language) -> Result<ProductSheet, AppError>,
) -> Result<Product, AppError> {
    let version = parse_version(version)?;
    let current = catalog::product_for_editing(&state.db, principal, id).await?;
    let fallback = catalog::brand_for_editing(&state.db, principal, current.brand_id).await?.draft.fallback_language;
    let sheet = change(current.draft, editing_language(Some(asked), fallback))?;
    catalog::update_product(&state.db, principal, id, ProductUpdate { version, sheet }).await
}

async fn after_product_save(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    result: Result<Product, AppError>,
    (saved, lang): (&'static str, &str),
    refused: SectionsRefused,
) -> PageResult {
    match result {
        Ok(p) => {
            Ok(Redirect::to(&back_to(&format!("/catalog/products/{}/sections", p.id), lang, saved)).into_response())
        }
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            e.log();
            let refused = SectionsRefused {
                status: Some(e.status()),
                conflict: e.code() == ErrorCode::VersionConflict,
                error: FieldError::from_error(&ctx.layout.tr, &e),
                ..refused
            };
            render_sections(ctx, state, principal, id, Some(lang), None, refused).await
        }
    }
}

/// The handlers below differ only in the form they read and the part of the sheet they change.
macro_rules! product_form {
    ($name:ident, $form:ty, $slot:ident, $saved:literal, |$f:ident, $sheet:ident, $lang:ident| $change:block) => {
        async fn $name(
            SignedIn { ctx, principal }: SignedIn,
            State(state): State<AppState>,
            PageId(id): PageId,
            CsrfForm($f): CsrfForm<$form>,
        ) -> PageResult {
            let result = save_product(&state, &principal, id, (&$f.version, &$f.lang), |mut $sheet, $lang| {
                $change
                Ok($sheet)
            })
            .await;
            let refused = SectionsRefused { form: $saved, $slot: Some($f.clone()), ..SectionsRefused::default() };
            after_product_save(ctx, &state, &principal, id, result, ($saved, &$f.lang), refused).await
        }
    };
}

product_form!(add_security_feature, FeatureForm, feature, "feature", |form, sheet, lang| {
    sheet.security_features.push(SecurityFeature {
        kind: Localized::one(lang.as_str(), form.kind.trim()),
        how_to_check: Localized::one(lang.as_str(), form.how_to_check.trim()),
    });
});

product_form!(save_manufacturing, ManufacturingForm, manufacturing, "manufacturing", |form, sheet, _lang| {
    sheet.supply_chain.manufacturing_countries = list(&form.manufacturing_countries, &[',', ' ', ';']);
});

product_form!(add_party, PartyForm, party, "party", |form, sheet, _lang| {
    let role = PartyRole::parse(&form.role).ok_or_else(|| {
        AppError::invalid("role", ErrorCode::InvalidRole, format!("Choose one of: {}.", PartyRole::names()))
    })?;
    sheet.supply_chain.parties.push(Party {
        role,
        name: form.name.clone(),
        identifier: optional(&form.identifier),
        country: form.country.clone(),
        market: optional(&form.market),
    });
});

product_form!(add_route, RouteForm, route, "route", |form, sheet, _lang| {
    let mode = TransportMode::parse(&form.mode).ok_or_else(|| {
        AppError::invalid("mode", ErrorCode::InvalidMode, format!("Choose one of: {}.", TransportMode::names()))
    })?;
    sheet.supply_chain.routes.push(Route { origin: form.origin.clone(), destination: form.destination.clone(), mode });
});

async fn remove_from_product(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> PageResult {
    let result = save_product(&state, &principal, id, (&form.version, &form.lang), |mut sheet, _| {
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
    after_product_save(ctx, &state, &principal, id, result, ("removed", &form.lang), refused).await
}
