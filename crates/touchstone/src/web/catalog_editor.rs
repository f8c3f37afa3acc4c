//! The rights holder's editor pages: a brand's or product's history, and the product editor
//! (main details, gallery upload, guide indicators).
//!
//! Every save goes through `catalog::update_product` with the version the form was loaded
//! from, so two people editing at once never overwrite each other silently: the second one is
//! told to reload. The form starts from the current draft and overwrites only the fields it
//! shows; the rest of the sheet (supply chain, prices, other languages…) is kept as it is.
//! Who may read or edit is the domain's decision.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use serde::Deserialize;

use super::{
    clone_layout, shown_in_place, CsrfForm, Ctx, FieldError, Layout, PageError, PageId, PageResult, Pages, SignedIn,
};
use crate::domain::catalog::{
    self, HistoryEntry, HistoryKind, ImageLabel, ImageRef, Indicator, IndicatorSide, Product, ProductSheet,
    ProductUpdate,
};
use crate::domain::policy::Principal;
use crate::error::AppError;
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/catalog/brands/{id}/history", get(brand_history))
        .route("/catalog/products/{id}/history", get(product_history))
        .route("/catalog/products/{id}/edit", get(edit_page).post(save_main))
        // The upload reads at most the media limit itself, field by field.
        .route("/catalog/products/{id}/images", post(upload_image).layer(DefaultBodyLimit::disable()))
        .route("/catalog/products/{id}/images/remove", post(remove_image))
        .route("/catalog/products/{id}/indicators", post(add_indicator))
        .route("/catalog/products/{id}/indicators/remove", post(remove_indicator))
}

fn thumbnail(hash: &str) -> String {
    format!("/media/{hash}/thumbnail")
}

// ---------------------------------------------------------------------------------------------
// History

#[derive(Template)]
#[template(path = "catalog_history.html")]
struct HistoryPage {
    layout: Layout,
    /// "brand" or "product": where the crumbs lead back to.
    kind: &'static str,
    id: i64,
    name: String,
    entries: Vec<HistoryEntry>,
}

async fn brand_history(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
) -> PageResult {
    let entries = catalog::history(&state.db, &principal, HistoryKind::Brand, id).await?;
    let name = match catalog::get_brand(&state.db, &principal, id).await {
        Ok(b) => b.draft.name,
        Err(e) => return Err(PageError(e)),
    };
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(StatusCode::OK, HistoryPage { layout, kind: "brands", id, name, entries }))
}

async fn product_history(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
) -> PageResult {
    let entries = catalog::history(&state.db, &principal, HistoryKind::Product, id).await?;
    let name = match catalog::get_product(&state.db, &principal, id).await {
        Ok(p) => p.draft.name_in(ctx.layout.tr.code()).to_string(),
        Err(e) => return Err(PageError(e)),
    };
    let layout = clone_layout(&ctx.layout);
    Ok(ctx.render(StatusCode::OK, HistoryPage { layout, kind: "products", id, name, entries }))
}

// ---------------------------------------------------------------------------------------------
// The editor

/// The main details as typed; kept as text so a refused value is shown back unchanged.
#[derive(Deserialize, Default, Clone)]
struct MainForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    description_fr: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    hs_code: String,
    #[serde(default)]
    gtins: String,
    #[serde(default)]
    only_sold_in: String,
    #[serde(default)]
    never_sold_in: String,
    #[serde(default)]
    packaging: String,
}

impl MainForm {
    fn from_sheet(version: i64, s: &ProductSheet) -> Self {
        let get = |m: &std::collections::BTreeMap<String, String>, k: &str| m.get(k).cloned().unwrap_or_default();
        MainForm {
            version: version.to_string(),
            name_en: get(&s.names, "en"),
            name_fr: get(&s.names, "fr"),
            description_en: get(&s.descriptions, "en"),
            description_fr: get(&s.descriptions, "fr"),
            category: s.category.clone(),
            hs_code: s.hs_code.clone().unwrap_or_default(),
            gtins: s.gtins.join("\n"),
            only_sold_in: s.only_sold_in.join(", "),
            never_sold_in: s.never_sold_in.join(", "),
            packaging: s.packaging.clone(),
        }
    }

    /// The draft with this form's fields overwritten; everything else is kept.
    fn apply(&self, mut sheet: ProductSheet) -> ProductSheet {
        fn set(map: &mut std::collections::BTreeMap<String, String>, lang: &str, value: &str) {
            if value.trim().is_empty() {
                map.remove(lang);
            } else {
                map.insert(lang.to_string(), value.trim().to_string());
            }
        }
        set(&mut sheet.names, "en", &self.name_en);
        set(&mut sheet.names, "fr", &self.name_fr);
        set(&mut sheet.descriptions, "en", &self.description_en);
        set(&mut sheet.descriptions, "fr", &self.description_fr);
        sheet.category = self.category.clone();
        sheet.hs_code = Some(self.hs_code.trim().to_string()).filter(|h| !h.is_empty());
        sheet.gtins = self.gtins.lines().map(str::trim).filter(|g| !g.is_empty()).map(str::to_string).collect();
        sheet.only_sold_in = country_list(&self.only_sold_in);
        sheet.never_sold_in = country_list(&self.never_sold_in);
        sheet.packaging = self.packaging.clone();
        sheet
    }
}

/// Country codes separated by commas, semicolons, spaces or lines.
fn country_list(raw: &str) -> Vec<String> {
    raw.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// An indicator as typed in the add form.
#[derive(Deserialize, Default, Clone)]
struct IndicatorForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    side: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    weight: String,
    #[serde(default)]
    image: String,
}

#[derive(Deserialize, Default)]
struct RemoveForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    index: String,
}

#[derive(Deserialize)]
struct RemoveImageForm {
    #[serde(default)]
    version: String,
    /// The picture's content hash: stable while other pictures come and go.
    #[serde(default)]
    hash: String,
}

struct ImageView {
    src: String,
    hash: String,
    label: ImageLabel,
    caption: String,
}

struct IndicatorView {
    index: usize,
    side: IndicatorSide,
    text: String,
    weight: u8,
    image: Option<String>,
}

/// A refused upload: the error's code and a sentence in the reader's language.
struct UploadError {
    /// The key of the sentence before the reason: what was not done.
    lead: &'static str,
    code: String,
    message: String,
}

#[derive(Template)]
#[template(path = "catalog_edit.html")]
struct EditorPage {
    layout: Layout,
    id: i64,
    brand_id: i64,
    brand_name: String,
    name: String,
    /// The version on the server, for the gallery and guide forms.
    version: i64,
    saved: Option<String>,
    conflict: bool,
    form: MainForm,
    error: FieldError,
    images: Vec<ImageView>,
    upload_error: Option<UploadError>,
    indicators: Vec<IndicatorView>,
    indicator_form: IndicatorForm,
    indicator_error: FieldError,
    image_labels: &'static [ImageLabel],
    sides: &'static [IndicatorSide],
}

impl EditorPage {
    /// An error of the main form that belongs to none of its fields (a GTIN taken elsewhere…).
    fn main_general_error(&self) -> Option<&str> {
        const SHOWN: &[&str] =
            &["names", "descriptions", "category", "hs_code", "gtins", "only_sold_in", "never_sold_in", "packaging"];
        (!self.conflict && !self.error.message.is_empty() && !SHOWN.contains(&self.error.field.as_str()))
            .then_some(self.error.message.as_str())
    }

    /// An error of the indicator form that belongs to none of its fields.
    fn indicator_general_error(&self) -> Option<&str> {
        const SHOWN: &[&str] = &["side", "text", "weight", "image", "guide"];
        let e = &self.indicator_error;
        (!self.conflict && !e.message.is_empty() && !SHOWN.contains(&e.field.as_str())).then_some(e.message.as_str())
    }
}

/// What a re-rendered editor keeps from a refused submission.
#[derive(Default)]
struct Refused {
    status: Option<StatusCode>,
    conflict: bool,
    form: Option<MainForm>,
    error: FieldError,
    upload_error: Option<UploadError>,
    indicator_form: Option<IndicatorForm>,
    indicator_error: FieldError,
}

#[derive(Deserialize, Default)]
struct SavedQuery {
    saved: Option<String>,
}

async fn load(state: &AppState, principal: &Principal, id: i64) -> Result<(Product, String), AppError> {
    let product = catalog::get_product(&state.db, principal, id).await?;
    let brand = catalog::get_brand(&state.db, principal, product.brand_id).await?;
    Ok((product, brand.draft.name))
}

async fn render_editor(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    saved: Option<String>,
    refused: Refused,
) -> PageResult {
    let (product, brand_name) = load(state, principal, id).await?;
    let layout = clone_layout(&ctx.layout);
    let sheet = product.draft;
    let name = sheet.name_in(layout.tr.code()).to_string();
    let form = refused.form.unwrap_or_else(|| MainForm::from_sheet(product.version, &sheet));
    let images = sheet
        .images
        .iter()
        .map(|i| ImageView {
            src: thumbnail(&i.hash),
            hash: i.hash.clone(),
            label: i.label,
            caption: i.caption.clone(),
        })
        .collect();
    let indicators = sheet
        .guide
        .iter()
        .enumerate()
        .map(|(index, g)| IndicatorView {
            index,
            side: g.side,
            text: g.text.clone(),
            weight: g.weight,
            image: g.image.as_deref().map(thumbnail),
        })
        .collect();
    let page = EditorPage {
        layout,
        id: product.id,
        brand_id: product.brand_id,
        brand_name,
        name,
        version: product.version,
        saved,
        conflict: refused.conflict,
        form,
        error: refused.error,
        images,
        upload_error: refused.upload_error,
        indicators,
        indicator_form: refused
            .indicator_form
            .unwrap_or_else(|| IndicatorForm { weight: "3".into(), ..Default::default() }),
        indicator_error: refused.indicator_error,
        image_labels: ImageLabel::ALL,
        sides: IndicatorSide::ALL,
    };
    Ok(ctx.render(refused.status.unwrap_or(StatusCode::OK), page))
}

async fn edit_page(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    done: Result<Query<SavedQuery>, QueryRejection>,
) -> PageResult {
    let saved = done
        .ok()
        .and_then(|Query(q)| q.saved)
        .filter(|s| matches!(s.as_str(), "main" | "image" | "image_removed" | "indicator" | "removed"));
    render_editor(ctx, &state, &principal, id, saved, Refused::default()).await
}

fn parse_version(raw: &str) -> Result<i64, AppError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| AppError::client(StatusCode::BAD_REQUEST, "invalid_form", "The form is not complete: version."))
}

/// Saves a new draft built from the current one, with the version the form was loaded from.
async fn save_sheet(
    state: &AppState,
    principal: &Principal,
    id: i64,
    version: &str,
    change: impl FnOnce(ProductSheet) -> Result<ProductSheet, AppError>,
) -> Result<Product, AppError> {
    let version = parse_version(version)?;
    let current = catalog::get_product(&state.db, principal, id).await?;
    let sheet = change(current.draft)?;
    catalog::update_product(&state.db, principal, id, ProductUpdate { version, sheet }).await
}

fn is_conflict(e: &AppError) -> bool {
    e.code() == "version_conflict"
}

async fn save_main(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<MainForm>,
) -> PageResult {
    let typed = form.clone();
    match save_sheet(&state, &principal, id, &form.version, |sheet| Ok(form.apply(sheet))).await {
        Ok(p) => Ok(Redirect::to(&format!("/catalog/products/{}/edit?saved=main", p.id)).into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let refused = Refused {
                status: Some(e.status()),
                conflict: is_conflict(&e),
                error: FieldError::from_error(&ctx.layout.tr, &e),
                form: Some(typed),
                ..Refused::default()
            };
            render_editor(ctx, &state, &principal, id, None, refused).await
        }
    }
}

/// Fields of the upload form other than the file are short.
const MAX_TEXT_FIELD: usize = 4096;

#[derive(Default)]
pub(super) struct UploadForm {
    pub(super) csrf: String,
    pub(super) version: String,
    label: String,
    caption: String,
    pub(super) file: Option<Vec<u8>>,
}

/// An upload form read and checked: one that cannot be read is a 400, one without this
/// session's CSRF token a 403. `file_field` names the file's field.
pub(super) async fn checked_upload(
    ctx: &Ctx,
    multipart: Result<Multipart, MultipartRejection>,
    max_bytes: usize,
    file_field: &str,
) -> Result<UploadForm, AppError> {
    let multipart = multipart.map_err(|_| unreadable_form())?;
    let form = read_upload(multipart, max_bytes, file_field).await?;
    if !csrf_ok(&ctx.layout.csrf, &form.csrf) {
        return Err(AppError::client(
            StatusCode::FORBIDDEN,
            "csrf_failed",
            "This form has expired or did not come from Touchstone; reload the page and try again.",
        ));
    }
    Ok(form)
}

fn unreadable_form() -> AppError {
    AppError::client(StatusCode::BAD_REQUEST, "invalid_form", "The upload form could not be read.")
}

/// Reads the multipart form, the file up to one byte past the media limit (as the API does),
/// so that the media check itself tells an oversized file apart.
async fn read_upload(mut multipart: Multipart, max_bytes: usize, file_field: &str) -> Result<UploadForm, AppError> {
    let bad = unreadable_form;
    let mut form = UploadForm::default();
    let mut fields = 0;
    while let Some(mut field) = multipart.next_field().await.map_err(|_| bad())? {
        fields += 1;
        if fields > 16 {
            return Err(bad());
        }
        let name = field.name().unwrap_or("").to_string();
        let limit = if name == file_field { max_bytes + 1 } else { MAX_TEXT_FIELD };
        let mut buf = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|_| bad())? {
            let room = limit.saturating_sub(buf.len());
            buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
            if buf.len() >= limit {
                break;
            }
        }
        let text = || String::from_utf8_lossy(&buf).into_owned();
        match name.as_str() {
            _ if name == file_field => {
                let oversized = buf.len() > max_bytes;
                form.file = Some(buf);
                if oversized {
                    // The rest of the body is not read: the file is refused anyway.
                    break;
                }
            }
            "csrf" => form.csrf = text(),
            "version" => form.version = text(),
            "label" => form.label = text(),
            "caption" => form.caption = text(),
            _ => {}
        }
    }
    Ok(form)
}

fn csrf_ok(expected: &str, given: &str) -> bool {
    !expected.is_empty() && bool::from(subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), given.as_bytes()))
}

/// The editor again, with the refused upload's code and sentence beside the upload form.
async fn refuse_upload(ctx: Ctx, state: &AppState, principal: &Principal, id: i64, e: AppError) -> PageResult {
    refuse_in_gallery(ctx, state, principal, id, e, "editor.upload_refused").await
}

/// The editor again, with why a change to the gallery was refused beside the gallery.
async fn refuse_in_gallery(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    e: AppError,
    lead: &'static str,
) -> PageResult {
    e.log();
    let upload_error = Some(UploadError { lead, code: e.code().to_string(), message: ctx.layout.tr.error_of(&e) });
    let refused = Refused { status: Some(e.status()), conflict: is_conflict(&e), upload_error, ..Refused::default() };
    render_editor(ctx, state, principal, id, None, refused).await
}

async fn upload_image(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let form = checked_upload(&ctx, multipart, state.media.limits.max_bytes, "file").await?;
    // Only the brand's own side stores pictures from this page: others learn nothing.
    if let Err(e) = catalog::get_product(&state.db, &principal, id).await {
        return Err(PageError(e));
    }
    let Some(label) = ImageLabel::parse(&form.label) else {
        let e = AppError::invalid("label", "invalid_label", format!("Choose one of: {}.", ImageLabel::names()));
        return refuse_upload(ctx, &state, &principal, id, e).await;
    };
    let bytes = match form.file {
        Some(b) if !b.is_empty() => b,
        _ => {
            return refuse_upload(
                ctx,
                &state,
                &principal,
                id,
                AppError::invalid("file", "required", "Choose a picture to upload."),
            )
            .await
        }
    };
    let stored = match crate::domain::media::upload(&state.db, &state.media, &principal, bytes).await {
        Ok(s) => s,
        Err(e) => return refuse_upload(ctx, &state, &principal, id, e).await,
    };
    let image = ImageRef { hash: stored.hash, label, caption: form.caption };
    let saved = save_sheet(&state, &principal, id, &form.version, |mut sheet| {
        sheet.images.push(image);
        Ok(sheet)
    })
    .await;
    match saved {
        Ok(p) => Ok(Redirect::to(&format!("/catalog/products/{}/edit?saved=image#gallery", p.id)).into_response()),
        Err(e) => refuse_upload(ctx, &state, &principal, id, e).await,
    }
}

/// Takes a picture out of the draft's gallery. The stored file stays: other products and the
/// published version may show the same picture (files are stored once by content).
async fn remove_image(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<RemoveImageForm>,
) -> PageResult {
    let result = save_sheet(&state, &principal, id, &form.version, |mut sheet| {
        let hash = form.hash.trim();
        let at = sheet.images.iter().position(|i| i.hash == hash).ok_or_else(|| {
            AppError::invalid("image", "unknown_media", "This picture is no longer in the gallery; reload the page.")
        })?;
        if sheet.guide.iter().any(|g| g.image.as_deref() == Some(hash)) {
            return Err(AppError::invalid(
                "image",
                "picture_in_use",
                "An indicator of the guide shows this picture: remove that indicator first.",
            ));
        }
        sheet.images.remove(at);
        Ok(sheet)
    })
    .await;
    match result {
        Ok(p) => {
            Ok(Redirect::to(&format!("/catalog/products/{}/edit?saved=image_removed#gallery", p.id)).into_response())
        }
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => refuse_in_gallery(ctx, &state, &principal, id, e, "editor.remove_refused").await,
    }
}

async fn add_indicator(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<IndicatorForm>,
) -> PageResult {
    let typed = form.clone();
    let result = save_sheet(&state, &principal, id, &form.version, |mut sheet| {
        let side = IndicatorSide::parse(&form.side).ok_or_else(|| {
            AppError::invalid("side", "invalid_side", format!("Choose one of: {}.", IndicatorSide::names()))
        })?;
        let weight = form.weight.trim().parse::<u8>().ok().filter(|w| (1..=5).contains(w)).ok_or_else(|| {
            AppError::invalid(
                "weight",
                "invalid_weight",
                "An indicator's weight runs from 1 (a hint) to 5 (conclusive).",
            )
        })?;
        let image = Some(form.image.trim().to_string()).filter(|h| !h.is_empty());
        if let Some(h) = &image {
            // Only a picture of this product's gallery: the list on the page offers those.
            if !sheet.images.iter().any(|i| &i.hash == h) {
                return Err(AppError::invalid("image", "unknown_media", "Choose a picture of this product's gallery."));
            }
        }
        sheet.guide.push(Indicator { side, text: form.text.clone(), image, weight });
        Ok(sheet)
    })
    .await;
    match result {
        Ok(p) => Ok(Redirect::to(&format!("/catalog/products/{}/edit?saved=indicator#guide", p.id)).into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let refused = Refused {
                status: Some(e.status()),
                conflict: is_conflict(&e),
                indicator_error: FieldError::from_error(&ctx.layout.tr, &e),
                indicator_form: Some(typed),
                ..Refused::default()
            };
            render_editor(ctx, &state, &principal, id, None, refused).await
        }
    }
}

async fn remove_indicator(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> PageResult {
    let result = save_sheet(&state, &principal, id, &form.version, |mut sheet| {
        let index = form.index.trim().parse::<usize>().ok().filter(|i| *i < sheet.guide.len()).ok_or_else(|| {
            AppError::invalid(
                "guide",
                "unknown_indicator",
                "This indicator is no longer in the guide; reload the page.",
            )
        })?;
        sheet.guide.remove(index);
        Ok(sheet)
    })
    .await;
    match result {
        Ok(p) => Ok(Redirect::to(&format!("/catalog/products/{}/edit?saved=removed#guide", p.id)).into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let refused = Refused {
                status: Some(e.status()),
                conflict: is_conflict(&e),
                indicator_error: FieldError::from_error(&ctx.layout.tr, &e),
                ..Refused::default()
            };
            render_editor(ctx, &state, &principal, id, None, refused).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_overwrites_only_its_fields_and_keeps_other_languages() {
        let sheet: ProductSheet = serde_json::from_value(serde_json::json!({
            "names": {"en": "Tote", "fr": "Cabas", "de": "Tasche"},
            "category": "handbags",
            "model_numbers": ["LM-1"],
            "prices": {"currency": "EUR", "retail_min": 10.0},
        }))
        .unwrap();
        let mut form = MainForm::from_sheet(4, &sheet);
        form.name_fr = String::new();
        form.gtins = " 4006381333931 \n\n".into();
        form.only_sold_in = "fr, be;DE".into();
        let out = form.apply(sheet.clone());
        assert_eq!(out.names.len(), 2);
        assert_eq!(out.names["de"], "Tasche");
        assert_eq!(out.gtins, vec!["4006381333931"]);
        assert_eq!(out.only_sold_in, vec!["fr", "be", "DE"]);
        assert_eq!(out.model_numbers, sheet.model_numbers);
        assert_eq!(out.prices, sheet.prices);
        assert_eq!(form.version, "4");
    }
}
