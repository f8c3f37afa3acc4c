//! The rights holder's editor pages: a brand's or product's history, and the product editor
//! (main details, gallery upload, guide indicators).
//!
//! Every save goes through `catalog::update_product` with the version the form was loaded
//! from, so two people editing at once never overwrite each other silently: the second one is
//! told to reload. The form starts from the current draft and overwrites only the fields it
//! shows; the rest of the sheet (supply chain, prices…) is kept as it is.
//!
//! Texts are edited one language at a time (`?lang=fr`, the brand's fallback language by
//! default): the main form holds every text of the product in that language, each with the
//! fallback language's version beside it, and saving it changes that language's versions only.
//! Who may read or edit is the domain's decision.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use serde::Deserialize;

use super::content::{editing_language, editor_languages, EditorLanguage, Shown, Translating};
use super::upload::checked_upload;
use super::{
    clone_layout, shown_in_place, CsrfForm, Ctx, FieldError, Layout, PageError, PageId, PageResult, Pages, SignedIn,
};
use crate::domain::catalog::{
    self, BrandSheet, ImageLabel, ImageRef, Indicator, IndicatorSide, Product, ProductSheet, ProductUpdate,
};
use crate::domain::localized::Localized;
use crate::domain::policy::Principal;
use crate::domain::types::Language;
use crate::error::{AppError, ErrorCode, ErrorKind};
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
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
// The editor

/// The main form as typed, kept as text so a refused value is shown back unchanged: the fields
/// that have no language, and every text of the product in the language edited.
#[derive(Default, Clone)]
struct MainForm {
    version: String,
    lang: String,
    name: String,
    description: String,
    packaging: String,
    category: String,
    hs_code: String,
    gtins: String,
    only_sold_in: String,
    never_sold_in: String,
    /// Each picture's caption, by the picture's hash.
    captions: Vec<(String, String)>,
    /// Each guide indicator's text, and each security feature's kind and how to check it, by
    /// their place in the sheet (a save from a page loaded before a change is refused anyway).
    indicators: Vec<(usize, String)>,
    feature_kinds: Vec<(usize, String)>,
    feature_checks: Vec<(usize, String)>,
}

impl MainForm {
    fn from_pairs(pairs: &[(String, String)]) -> MainForm {
        let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
        let indexed = |prefix: &str| -> Vec<(usize, String)> {
            pairs
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix(prefix)?.parse::<usize>().ok()?, v.clone())))
                .collect()
        };
        MainForm {
            version: get("version"),
            lang: get("lang"),
            name: get("name"),
            description: get("description"),
            packaging: get("packaging"),
            category: get("category"),
            hs_code: get("hs_code"),
            gtins: get("gtins"),
            only_sold_in: get("only_sold_in"),
            never_sold_in: get("never_sold_in"),
            captions: pairs
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix("caption_")?.to_string(), v.clone())))
                .collect(),
            indicators: indexed("indicator_"),
            feature_kinds: indexed("feature_kind_"),
            feature_checks: indexed("feature_check_"),
        }
    }

    fn from_sheet(version: i64, s: &ProductSheet, lang: Language, fallback: Language) -> Self {
        let v = |t: &Localized| t.version(lang.as_str(), fallback.as_str()).unwrap_or_default().to_string();
        MainForm {
            version: version.to_string(),
            lang: lang.as_str().to_string(),
            name: v(&s.names),
            description: v(&s.descriptions),
            packaging: v(&s.packaging),
            category: s.category.clone(),
            hs_code: s.hs_code.clone().unwrap_or_default(),
            gtins: s.gtins.join("\n"),
            only_sold_in: s.only_sold_in.join(", "),
            never_sold_in: s.never_sold_in.join(", "),
            captions: s.images.iter().map(|i| (i.hash.clone(), v(&i.caption))).collect(),
            indicators: s.guide.iter().enumerate().map(|(n, g)| (n, v(&g.text))).collect(),
            feature_kinds: s.security_features.iter().enumerate().map(|(n, f)| (n, v(&f.kind))).collect(),
            feature_checks: s.security_features.iter().enumerate().map(|(n, f)| (n, v(&f.how_to_check))).collect(),
        }
    }

    /// The draft with this form's fields overwritten: the texts' versions in `lang` only, the
    /// other languages' kept as they are, and so is everything the form does not show.
    fn apply(&self, mut sheet: ProductSheet, lang: Language, fallback: Language) -> ProductSheet {
        let (lang, fallback) = (lang.as_str(), fallback.as_str());
        sheet.names.set_version(lang, fallback, self.name.trim());
        sheet.descriptions.set_version(lang, fallback, self.description.trim());
        sheet.packaging.set_version(lang, fallback, self.packaging.trim());
        for (hash, caption) in &self.captions {
            if let Some(i) = sheet.images.iter_mut().find(|i| &i.hash == hash) {
                i.caption.set_version(lang, fallback, caption.trim());
            }
        }
        for (n, text) in &self.indicators {
            if let Some(g) = sheet.guide.get_mut(*n) {
                g.text.set_version(lang, fallback, text.trim());
            }
        }
        for (n, kind) in &self.feature_kinds {
            if let Some(f) = sheet.security_features.get_mut(*n) {
                f.kind.set_version(lang, fallback, kind.trim());
            }
        }
        for (n, how) in &self.feature_checks {
            if let Some(f) = sheet.security_features.get_mut(*n) {
                f.how_to_check.set_version(lang, fallback, how.trim());
            }
        }
        sheet.category = self.category.clone();
        sheet.hs_code = Some(self.hs_code.trim().to_string()).filter(|h| !h.is_empty());
        sheet.gtins = self.gtins.lines().map(str::trim).filter(|g| !g.is_empty()).map(str::to_string).collect();
        sheet.only_sold_in = country_list(&self.only_sold_in);
        sheet.never_sold_in = country_list(&self.never_sold_in);
        sheet
    }

    fn caption(&self, hash: &str) -> String {
        self.captions.iter().find(|(h, _)| h == hash).map(|(_, c)| c.clone()).unwrap_or_default()
    }
}

fn at(list: &[(usize, String)], n: usize) -> String {
    list.iter().find(|(i, _)| *i == n).map(|(_, t)| t.clone()).unwrap_or_default()
}

/// Country codes separated by commas, semicolons, spaces or lines.
fn country_list(raw: &str) -> Vec<String> {
    raw.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// An indicator as typed in the add form, its text in the language edited.
#[derive(Deserialize, Default, Clone)]
struct IndicatorForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    lang: String,
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
    lang: String,
    #[serde(default)]
    index: String,
}

#[derive(Deserialize)]
struct RemoveImageForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    lang: String,
    /// The picture's content hash: stable while other pictures come and go.
    #[serde(default)]
    hash: String,
}

/// A picture of the gallery, with its caption in the language edited.
struct ImageView {
    src: String,
    hash: String,
    label: ImageLabel,
    caption: Shown,
    /// The caption's field of the main form.
    field: Translating,
}

struct IndicatorView {
    index: usize,
    side: IndicatorSide,
    text: Shown,
    field: Translating,
    weight: u8,
    image: Option<String>,
}

/// A security feature's texts in the main form (the feature is added on the sections page).
struct FeatureView {
    index: usize,
    kind: Translating,
    how_to_check: Translating,
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
    /// The language whose texts are edited, and the brand's fallback language.
    lang: Language,
    fallback_language: Language,
    languages: Vec<EditorLanguage>,
    /// The page's path, which the language choices add `?lang=` to.
    base: String,
    /// The version on the server, for the gallery and guide forms.
    version: i64,
    saved: Option<String>,
    conflict: bool,
    form: MainForm,
    name_field: Translating,
    description_field: Translating,
    packaging_field: Translating,
    error: FieldError,
    images: Vec<ImageView>,
    upload_error: Option<UploadError>,
    indicators: Vec<IndicatorView>,
    features: Vec<FeatureView>,
    indicator_form: IndicatorForm,
    indicator_error: FieldError,
    image_labels: &'static [ImageLabel],
    sides: &'static [IndicatorSide],
}

/// The fields of the main form an error may be beside.
const MAIN_FIELDS: &[&str] = &[
    "names",
    "descriptions",
    "category",
    "hs_code",
    "gtins",
    "only_sold_in",
    "never_sold_in",
    "packaging",
    "images",
    "guide",
    "security_features",
];

impl EditorPage {
    /// An error of the main form that belongs to none of its fields (a GTIN taken elsewhere…).
    fn main_general_error(&self) -> Option<&str> {
        (!self.conflict && !self.error.message.is_empty() && !MAIN_FIELDS.contains(&self.error.field.as_str()))
            .then_some(self.error.message.as_str())
    }

    /// An error of the indicator form that belongs to none of its fields.
    fn indicator_general_error(&self) -> Option<&str> {
        const SHOWN: &[&str] = &["side", "text", "weight", "image", "guide"];
        let e = &self.indicator_error;
        (!self.conflict && !e.message.is_empty() && !SHOWN.contains(&e.field.as_str())).then_some(e.message.as_str())
    }

    /// `aria-invalid` and the error's id for an input of the main form's `field`.
    fn invalid(&self, field: &str) -> String {
        if self.error.on(field) {
            format!("aria-invalid=\"true\" aria-describedby=\"error-{field}\"")
        } else {
            String::new()
        }
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
    lang: Option<String>,
}

/// The product and its brand's draft (for the fallback language and the brand's name).
pub(super) async fn load(state: &AppState, principal: &Principal, id: i64) -> Result<(Product, BrandSheet), AppError> {
    let product = catalog::get_product(&state.db, principal, id).await?;
    let brand = catalog::get_brand(&state.db, principal, product.brand_id).await?;
    Ok((product, brand.draft))
}

/// Where a form returns to: the editor in the language it edited, at `anchor`.
fn editor_href(id: i64, lang: &str, saved: &str, anchor: &str) -> String {
    let lang = crate::domain::localized::content_language(lang).map_or("", Language::as_str);
    let lang = if lang.is_empty() { String::new() } else { format!("lang={lang}&") };
    format!("/catalog/products/{id}/edit?{lang}saved={saved}{anchor}")
}

async fn render_editor(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    asked: Option<&str>,
    saved: Option<String>,
    refused: Refused,
) -> PageResult {
    let (product, brand) = load(state, principal, id).await?;
    let layout = clone_layout(&ctx.layout);
    let tr = ctx.layout.tr;
    let fallback = brand.fallback_language;
    let lang = editing_language(asked, fallback);
    let sheet = product.draft;
    let name = sheet.name_for(tr.code(), fallback.as_str()).to_string();
    let form = refused.form.unwrap_or_else(|| MainForm::from_sheet(product.version, &sheet, lang, fallback));
    // The fallback language's version beside each field, the value as typed or stored.
    let field = |text: &Localized, value: String| Translating { value, ..Translating::of(text, lang, fallback) };
    let shown = |text: &Localized| Shown::asked(text, &tr, lang.as_str(), fallback);
    let images = sheet
        .images
        .iter()
        .map(|i| ImageView {
            src: thumbnail(&i.hash),
            hash: i.hash.clone(),
            label: i.label,
            caption: shown(&i.caption),
            field: field(&i.caption, form.caption(&i.hash)),
        })
        .collect();
    let indicators = sheet
        .guide
        .iter()
        .enumerate()
        .map(|(index, g)| IndicatorView {
            index,
            side: g.side,
            text: shown(&g.text),
            field: field(&g.text, at(&form.indicators, index)),
            weight: g.weight,
            image: g.image.as_deref().map(thumbnail),
        })
        .collect();
    let features = sheet
        .security_features
        .iter()
        .enumerate()
        .map(|(index, f)| FeatureView {
            index,
            kind: field(&f.kind, at(&form.feature_kinds, index)),
            how_to_check: field(&f.how_to_check, at(&form.feature_checks, index)),
        })
        .collect();
    let page = EditorPage {
        layout,
        id: product.id,
        brand_id: product.brand_id,
        brand_name: brand.name.clone(),
        name,
        lang,
        fallback_language: fallback,
        languages: editor_languages(&tr, lang, fallback, |l| sheet.missing_in(l.as_str(), fallback.as_str())),
        base: format!("/catalog/products/{}/edit", product.id),
        version: product.version,
        saved,
        conflict: refused.conflict,
        name_field: field(&sheet.names, form.name.clone()),
        description_field: field(&sheet.descriptions, form.description.clone()),
        packaging_field: field(&sheet.packaging, form.packaging.clone()),
        form,
        error: refused.error,
        images,
        upload_error: refused.upload_error,
        indicators,
        features,
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
    let query = done.map(|Query(q)| q).unwrap_or_default();
    let saved =
        query.saved.filter(|s| matches!(s.as_str(), "main" | "image" | "image_removed" | "indicator" | "removed"));
    render_editor(ctx, &state, &principal, id, query.lang.as_deref(), saved, Refused::default()).await
}

fn parse_version(raw: &str) -> Result<i64, AppError> {
    raw.trim().parse::<i64>().ok().filter(|v| *v > 0).ok_or_else(|| {
        AppError::client(ErrorKind::BadRequest, ErrorCode::InvalidForm, "The form is not complete: version.")
    })
}

/// Saves a new draft built from the current one, with the version the form was loaded from;
/// `change` is given the draft and the language of a form that edits `asked` (else the
/// fallback), with the fallback language.
async fn save_sheet(
    state: &AppState,
    principal: &Principal,
    id: i64,
    version: &str,
    asked: &str,
    change: impl FnOnce(ProductSheet, Language, Language) -> Result<ProductSheet, AppError>,
) -> Result<Product, AppError> {
    let version = parse_version(version)?;
    let (current, brand) = load(state, principal, id).await?;
    let fallback = brand.fallback_language;
    let sheet = change(current.draft, editing_language(Some(asked), fallback), fallback)?;
    catalog::update_product(&state.db, principal, id, ProductUpdate { version, sheet }).await
}

fn is_conflict(e: &AppError) -> bool {
    e.code() == ErrorCode::VersionConflict
}

async fn save_main(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    let form = MainForm::from_pairs(&pairs);
    let result =
        save_sheet(
            &state,
            &principal,
            id,
            &form.version,
            &form.lang,
            |sheet, lang, fb| Ok(form.apply(sheet, lang, fb)),
        )
        .await;
    match result {
        Ok(p) => Ok(Redirect::to(&editor_href(p.id, &form.lang, "main", "")).into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let refused = Refused {
                status: Some(e.status()),
                conflict: is_conflict(&e),
                error: FieldError::from_error(&ctx.layout.tr, &e),
                form: Some(form.clone()),
                ..Refused::default()
            };
            render_editor(ctx, &state, &principal, id, Some(&form.lang), None, refused).await
        }
    }
}

/// The editor again, with the refused upload's code and sentence beside the upload form.
async fn refuse_upload(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    lang: &str,
    e: AppError,
) -> PageResult {
    refuse_in_gallery(ctx, state, principal, id, lang, e, "editor.upload_refused").await
}

/// The editor again, with why a change to the gallery was refused beside the gallery.
async fn refuse_in_gallery(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    lang: &str,
    e: AppError,
    lead: &'static str,
) -> PageResult {
    e.log();
    let upload_error = Some(UploadError { lead, code: e.code().to_string(), message: ctx.layout.tr.error_of(&e) });
    let refused = Refused { status: Some(e.status()), conflict: is_conflict(&e), upload_error, ..Refused::default() };
    render_editor(ctx, state, principal, id, Some(lang), None, refused).await
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
        let e = AppError::invalid("label", ErrorCode::InvalidLabel, format!("Choose one of: {}.", ImageLabel::names()));
        return refuse_upload(ctx, &state, &principal, id, &form.lang, e).await;
    };
    let bytes = match form.file {
        Some(b) if !b.is_empty() => b,
        _ => {
            return refuse_upload(
                ctx,
                &state,
                &principal,
                id,
                &form.lang,
                AppError::invalid("file", ErrorCode::Required, "Choose a picture to upload."),
            )
            .await
        }
    };
    let stored = match crate::domain::media::upload(&state.db, &state.media, &principal, bytes).await {
        Ok(s) => s,
        Err(e) => return refuse_upload(ctx, &state, &principal, id, &form.lang, e).await,
    };
    let (hash, caption) = (stored.hash, form.caption.trim().to_string());
    let saved = save_sheet(&state, &principal, id, &form.version, &form.lang, |mut sheet, lang, _| {
        sheet.images.push(ImageRef { hash, label, caption: Localized::one(lang.as_str(), caption) });
        Ok(sheet)
    })
    .await;
    match saved {
        Ok(p) => Ok(Redirect::to(&editor_href(p.id, &form.lang, "image", "#gallery")).into_response()),
        Err(e) => refuse_upload(ctx, &state, &principal, id, &form.lang, e).await,
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
    let result = save_sheet(&state, &principal, id, &form.version, &form.lang, |mut sheet, _, _| {
        let hash = form.hash.trim();
        let at = sheet.images.iter().position(|i| i.hash == hash).ok_or_else(|| {
            AppError::invalid(
                "image",
                ErrorCode::UnknownMedia,
                "This picture is no longer in the gallery; reload the page.",
            )
        })?;
        if sheet.guide.iter().any(|g| g.image.as_deref() == Some(hash)) {
            return Err(AppError::invalid(
                "image",
                ErrorCode::PictureInUse,
                "An indicator of the guide shows this picture: remove that indicator first.",
            ));
        }
        sheet.images.remove(at);
        Ok(sheet)
    })
    .await;
    match result {
        Ok(p) => Ok(Redirect::to(&editor_href(p.id, &form.lang, "image_removed", "#gallery")).into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => refuse_in_gallery(ctx, &state, &principal, id, &form.lang, e, "editor.remove_refused").await,
    }
}

async fn add_indicator(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<IndicatorForm>,
) -> PageResult {
    let typed = form.clone();
    let result = save_sheet(&state, &principal, id, &form.version, &form.lang, |mut sheet, lang, _| {
        let side = IndicatorSide::parse(&form.side).ok_or_else(|| {
            AppError::invalid("side", ErrorCode::InvalidSide, format!("Choose one of: {}.", IndicatorSide::names()))
        })?;
        let weight = form.weight.trim().parse::<u8>().ok().filter(|w| (1..=5).contains(w)).ok_or_else(|| {
            AppError::invalid(
                "weight",
                ErrorCode::InvalidWeight,
                "An indicator's weight runs from 1 (a hint) to 5 (conclusive).",
            )
        })?;
        let image = Some(form.image.trim().to_string()).filter(|h| !h.is_empty());
        if let Some(h) = &image {
            // Only a picture of this product's gallery: the list on the page offers those.
            if !sheet.images.iter().any(|i| &i.hash == h) {
                return Err(AppError::invalid(
                    "image",
                    ErrorCode::UnknownMedia,
                    "Choose a picture of this product's gallery.",
                ));
            }
        }
        let text = Localized::one(lang.as_str(), form.text.trim());
        sheet.guide.push(Indicator { side, text, image, weight });
        Ok(sheet)
    })
    .await;
    match result {
        Ok(p) => Ok(Redirect::to(&editor_href(p.id, &form.lang, "indicator", "#guide")).into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let refused = Refused {
                status: Some(e.status()),
                conflict: is_conflict(&e),
                indicator_error: FieldError::from_error(&ctx.layout.tr, &e),
                indicator_form: Some(typed),
                ..Refused::default()
            };
            render_editor(ctx, &state, &principal, id, Some(&form.lang), None, refused).await
        }
    }
}

async fn remove_indicator(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> PageResult {
    let result = save_sheet(&state, &principal, id, &form.version, &form.lang, |mut sheet, _, _| {
        let index = form.index.trim().parse::<usize>().ok().filter(|i| *i < sheet.guide.len()).ok_or_else(|| {
            AppError::invalid(
                "guide",
                ErrorCode::UnknownIndicator,
                "This indicator is no longer in the guide; reload the page.",
            )
        })?;
        sheet.guide.remove(index);
        Ok(sheet)
    })
    .await;
    match result {
        Ok(p) => Ok(Redirect::to(&editor_href(p.id, &form.lang, "removed", "#guide")).into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            let refused = Refused {
                status: Some(e.status()),
                conflict: is_conflict(&e),
                indicator_error: FieldError::from_error(&ctx.layout.tr, &e),
                ..Refused::default()
            };
            render_editor(ctx, &state, &principal, id, Some(&form.lang), None, refused).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> ProductSheet {
        serde_json::from_value(serde_json::json!({
            "names": {"en": "Tote", "fr": "Cabas"},
            "packaging": "Dust bag",
            "category": "handbags",
            "model_numbers": ["LM-1"],
            "guide": [{"side": "genuine", "text": {"en": "Even stitching"}, "weight": 4}],
            "prices": {"currency": "EUR", "retail_min": 10.0},
        }))
        .unwrap()
    }

    #[test]
    fn the_form_changes_one_languages_versions_and_keeps_the_others_and_what_it_does_not_show() {
        let sheet = sheet();
        let mut form = MainForm::from_sheet(4, &sheet, Language::Es, Language::En);
        assert_eq!((form.name.as_str(), form.packaging.as_str(), form.lang.as_str()), ("", "", "es"));
        form.name = " Bolso ".into();
        form.packaging = "Bolsa antipolvo".into();
        form.indicators = vec![(0, "Costuras regulares".into())];
        form.gtins = " 4006381333931 \n\n".into();
        form.only_sold_in = "fr, be;DE".into();
        let out = form.apply(sheet.clone(), Language::Es, Language::En);
        assert_eq!(
            (out.names.get("es"), out.names.get("en"), out.names.get("fr")),
            (Some("Bolso"), Some("Tote"), Some("Cabas"))
        );
        assert_eq!(out.packaging.get("und"), Some("Dust bag"), "the text as written stays");
        assert_eq!(out.packaging.get("es"), Some("Bolsa antipolvo"));
        assert_eq!(out.guide[0].text.get("es"), Some("Costuras regulares"));
        assert_eq!(out.gtins, vec!["4006381333931"]);
        assert_eq!(out.only_sold_in, vec!["fr", "be", "DE"]);
        assert_eq!((out.model_numbers, out.prices), (sheet.model_numbers, sheet.prices));
        assert_eq!(form.version, "4");
    }

    #[test]
    fn the_fallback_languages_form_shows_the_text_as_written_and_replaces_it() {
        let sheet = sheet();
        let mut form = MainForm::from_sheet(1, &sheet, Language::En, Language::En);
        assert_eq!(form.packaging, "Dust bag");
        form.packaging = "Cotton dust bag".into();
        let out = form.apply(sheet, Language::En, Language::En);
        assert_eq!(out.packaging, Localized::one("en", "Cotton dust bag"));
    }

    #[test]
    fn the_typed_form_is_read_from_its_pairs() {
        let pairs: Vec<(String, String)> = [
            ("version", "3"),
            ("lang", "fr"),
            ("name", "Cabas"),
            ("caption_abc", "Face"),
            ("indicator_1", "Coutures"),
            ("feature_kind_0", "hologramme"),
            ("indicator_x", "ignored"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let form = MainForm::from_pairs(&pairs);
        assert_eq!((form.version.as_str(), form.lang.as_str(), form.name.as_str()), ("3", "fr", "Cabas"));
        assert_eq!(form.caption("abc"), "Face");
        assert_eq!(form.indicators, vec![(1, "Coutures".to_string())]);
        assert_eq!(at(&form.feature_kinds, 0), "hologramme");
        assert_eq!(editor_href(7, "fr", "main", "#guide"), "/catalog/products/7/edit?lang=fr&saved=main#guide");
        assert_eq!(editor_href(7, "xx", "main", ""), "/catalog/products/7/edit?saved=main");
    }
}
