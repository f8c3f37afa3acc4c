//! The rights holder's brand editor: names and aliases, sector, the fallback language of its
//! texts, GS1 company prefixes, trademark registrations, contacts per country, logo, and who
//! acts for the brand and sees its confidential sections.
//!
//! Like the product editor, every save goes through `catalog::update_brand` with the version
//! the page was loaded from, so a concurrent save is reported (409) instead of overwritten;
//! each form changes only its part of the draft. The contacts' texts are edited one language
//! at a time (`?lang=`), beside the fallback language's. Officers see nothing of it until the
//! rights holder publishes.

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
    self, Brand, BrandSheet, BrandUpdate, Confidentiality, Contact, OwnerChoices, Section, Sector, Trademark,
};
use crate::domain::localized::{content_language, Localized};
use crate::domain::policy::Principal;
use crate::domain::types::Language;
use crate::error::{AppError, ErrorCode, ErrorKind};
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
}

pub(super) fn parse_version(raw: &str) -> Result<i64, AppError> {
    raw.trim().parse::<i64>().ok().filter(|v| *v > 0).ok_or_else(|| {
        AppError::client(ErrorKind::BadRequest, ErrorCode::InvalidForm, "The form is not complete: version.")
    })
}

/// Lines or commas to a list, blanks dropped.
pub(super) fn list(raw: &str, separators: &[char]) -> Vec<String> {
    raw.split(|c: char| c == '\n' || separators.contains(&c))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub(super) fn optional(raw: &str) -> Option<String> {
    Some(raw.trim().to_string()).filter(|s| !s.is_empty())
}

#[derive(Deserialize, Default)]
pub(super) struct SavedQuery {
    saved: Option<String>,
    /// The language whose texts the page edits.
    pub(super) lang: Option<String>,
}

/// What was saved, if it is one of `allowed`, and the language asked for.
pub(super) fn saved_of(
    done: Result<Query<SavedQuery>, QueryRejection>,
    allowed: &[&str],
) -> (Option<String>, Option<String>) {
    let q = done.map(|Query(q)| q).unwrap_or_default();
    (q.saved.filter(|s| allowed.contains(&s.as_str())), q.lang)
}

/// Where a form returns to: its page (`/edit` or `/sections`) in the language it edited.
pub(super) fn back_to(path: &str, lang: &str, saved: &str) -> String {
    match content_language(lang) {
        Some(l) => format!("{path}?lang={}&saved={saved}#{saved}", l.as_str()),
        None => format!("{path}?saved={saved}#{saved}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The brand

/// The main form as typed: names, sector, fallback language, prefixes, and the contacts'
/// texts in the language edited (by the contact's place in the list).
#[derive(Default, Clone)]
struct BrandMainForm {
    version: String,
    lang: String,
    name: String,
    aliases: String,
    sector: String,
    fallback_language: String,
    gs1_company_prefixes: String,
    contact_names: Vec<(usize, String)>,
    contact_hours: Vec<(usize, String)>,
}

impl BrandMainForm {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
        let indexed = |prefix: &str| -> Vec<(usize, String)> {
            pairs
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix(prefix)?.parse::<usize>().ok()?, v.clone())))
                .collect()
        };
        BrandMainForm {
            version: get("version"),
            lang: get("lang"),
            name: get("name"),
            aliases: get("aliases"),
            sector: get("sector"),
            fallback_language: get("fallback_language"),
            gs1_company_prefixes: get("gs1_company_prefixes"),
            contact_names: indexed("contact_name_"),
            contact_hours: indexed("contact_hours_"),
        }
    }

    fn from_sheet(version: i64, s: &BrandSheet, lang: Language) -> Self {
        let fallback = s.fallback_language.as_str();
        let v = |t: &Localized| t.version(lang.as_str(), fallback).unwrap_or_default().to_string();
        BrandMainForm {
            version: version.to_string(),
            lang: lang.as_str().to_string(),
            name: s.name.clone(),
            aliases: s.aliases.join("\n"),
            sector: s.sector.as_str().to_string(),
            fallback_language: fallback.to_string(),
            gs1_company_prefixes: s.gs1_company_prefixes.join("\n"),
            contact_names: s.contacts.iter().enumerate().map(|(n, c)| (n, v(&c.name))).collect(),
            contact_hours: s.contacts.iter().enumerate().map(|(n, c)| (n, v(&c.hours))).collect(),
        }
    }

    /// The draft with this form's fields overwritten: the contacts' versions in the language
    /// edited only (the fallback language being the one the draft had).
    fn apply(&self, mut sheet: BrandSheet) -> Result<BrandSheet, AppError> {
        let fallback = sheet.fallback_language;
        let lang = editing_language(Some(&self.lang), fallback);
        for (n, name) in &self.contact_names {
            if let Some(c) = sheet.contacts.get_mut(*n) {
                c.name.set_version(lang.as_str(), fallback.as_str(), name.trim());
            }
        }
        for (n, hours) in &self.contact_hours {
            if let Some(c) = sheet.contacts.get_mut(*n) {
                c.hours.set_version(lang.as_str(), fallback.as_str(), hours.trim());
            }
        }
        sheet.name = self.name.clone();
        sheet.aliases = list(&self.aliases, &[]);
        sheet.sector = Sector::parse(&self.sector).ok_or_else(|| {
            AppError::invalid("sector", ErrorCode::InvalidSector, format!("Choose one of: {}.", Sector::names()))
        })?;
        if !self.fallback_language.trim().is_empty() {
            sheet.fallback_language = content_language(&self.fallback_language).ok_or_else(|| {
                AppError::invalid(
                    "fallback_language",
                    ErrorCode::InvalidLanguage,
                    "Choose one of the languages offered.",
                )
            })?;
        }
        sheet.gs1_company_prefixes = list(&self.gs1_company_prefixes, &[',', ' ']);
        Ok(sheet)
    }

    fn contact_name(&self, n: usize) -> String {
        self.contact_names.iter().find(|(i, _)| *i == n).map(|(_, t)| t.clone()).unwrap_or_default()
    }

    fn contact_hours(&self, n: usize) -> String {
        self.contact_hours.iter().find(|(i, _)| *i == n).map(|(_, t)| t.clone()).unwrap_or_default()
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
                    ErrorCode::InvalidNiceClass,
                    format!("Nice class {c} does not exist; classes run from 1 to 45."),
                )
                .with_arg("class", c)
            })?;
        if self.office.trim().is_empty() {
            return Err(AppError::invalid(
                "office",
                ErrorCode::Required,
                "Name the office that registered the trademark.",
            ));
        }
        if self.number.trim().is_empty() {
            return Err(AppError::invalid("number", ErrorCode::Required, "Give the registration number."));
        }
        Ok(Trademark {
            office: self.office.clone(),
            number: self.number.clone(),
            nice_classes,
            expires_on: optional(&self.expires_on),
        })
    }
}

/// A contact as typed in the add form, its texts in the language edited.
#[derive(Deserialize, Default, Clone)]
struct ContactForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    lang: String,
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
    fn parse(&self, lang: Language) -> Contact {
        Contact {
            country: optional(&self.country),
            name: Localized::one(lang.as_str(), self.name.trim()),
            languages: list(&self.languages, &[',', ' ', ';']),
            phone: optional(&self.phone),
            email: optional(&self.email),
            hours: Localized::one(lang.as_str(), self.hours.trim()),
        }
    }
}

#[derive(Deserialize, Default)]
pub(super) struct RemoveForm {
    #[serde(default)]
    pub(super) version: String,
    #[serde(default)]
    pub(super) lang: String,
    #[serde(default)]
    pub(super) list: String,
    #[serde(default)]
    pub(super) index: String,
}

struct TrademarkRow {
    index: usize,
    tm: Trademark,
    classes: String,
}

struct ContactRow {
    index: usize,
    contact: Contact,
    /// The texts in the language edited (else the fallback's, marked).
    name: Shown,
    hours: Shown,
    /// The texts' fields of the main form.
    name_field: Translating,
    hours_field: Translating,
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
    /// The language whose texts are edited, and the brand's fallback language.
    lang: Language,
    fallback_language: Language,
    languages: Vec<EditorLanguage>,
    /// The page's path, which the language choices add `?lang=` to.
    base: String,
    offered: &'static [Language],
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

    /// `aria-invalid` and the error's id for an input of `form`'s `field`.
    fn invalid(&self, form: &str, field: &str) -> String {
        match self.field_error(form, field) {
            Some(_) => format!("aria-invalid=\"true\" aria-describedby=\"error-{field}\""),
            None => String::new(),
        }
    }
}

async fn render_brand(
    ctx: Ctx,
    state: &AppState,
    principal: &Principal,
    id: i64,
    asked: Option<&str>,
    saved: Option<String>,
    refused: BrandRefused,
) -> PageResult {
    let brand = catalog::brand_for_editing(&state.db, principal, id).await?;
    let owner = catalog::owner_choices(&state.db, principal, id).await?;
    let sheet = brand.draft;
    let tr = ctx.layout.tr;
    let fallback = sheet.fallback_language;
    let lang = editing_language(asked, fallback);
    let main = refused.main.unwrap_or_else(|| BrandMainForm::from_sheet(brand.version, &sheet, lang));
    let languages = editor_languages(&tr, lang, fallback, |l| sheet.missing_in(l.as_str()));
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
        lang,
        fallback_language: fallback,
        languages,
        base: format!("/catalog/brands/{}/edit", brand.id),
        offered: Language::OFFERED,
        version: brand.version,
        saved,
        conflict: refused.conflict,
        refused_form: refused.form,
        error: refused.error,
        error_code: refused.code,
        main: main.clone(),
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
            .map(|(index, contact)| {
                let shown = |t: &Localized| Shown::asked(t, &tr, lang.as_str(), fallback);
                let field = |t: &Localized, value| Translating { value, ..Translating::of(t, lang, fallback) };
                ContactRow {
                    index,
                    name: shown(&contact.name),
                    hours: shown(&contact.hours),
                    name_field: field(&contact.name, main.contact_name(index)),
                    hours_field: field(&contact.hours, main.contact_hours(index)),
                    contact,
                }
            })
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
    let (saved, lang) =
        saved_of(done, &["main", "trademark", "contact", "logo", "removed", "representative", "audience"]);
    render_brand(ctx, &state, &principal, id, lang.as_deref(), saved, BrandRefused::default()).await
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
    (saved, lang): (&'static str, &str),
    refused: BrandRefused,
) -> PageResult {
    match result {
        Ok(b) => Ok(Redirect::to(&back_to(&format!("/catalog/brands/{}/edit", b.id), lang, saved)).into_response()),
        Err(e) if !shown_in_place(&e) => Err(PageError(e)),
        Err(e) => {
            e.log();
            let refused = BrandRefused {
                status: Some(e.status()),
                conflict: e.code() == ErrorCode::VersionConflict,
                error: FieldError::from_error(&ctx.layout.tr, &e),
                code: e.code().to_string(),
                ..refused
            };
            render_brand(ctx, state, principal, id, Some(lang), None, refused).await
        }
    }
}

async fn save_brand_main(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    let form = BrandMainForm::from_pairs(&pairs);
    let result = save_brand(&state, &principal, id, &form.version, |sheet| form.apply(sheet)).await;
    let refused = BrandRefused { form: "main", main: Some(form.clone()), ..BrandRefused::default() };
    after_brand_save(ctx, &state, &principal, id, result, ("main", &form.lang), refused).await
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
    after_brand_save(ctx, &state, &principal, id, result, ("trademark", ""), refused).await
}

async fn add_contact(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<ContactForm>,
) -> PageResult {
    let result = save_brand(&state, &principal, id, &form.version, |mut sheet| {
        let lang = editing_language(Some(&form.lang), sheet.fallback_language);
        sheet.contacts.push(form.parse(lang));
        Ok(sheet)
    })
    .await;
    let refused = BrandRefused { form: "contact", contact: Some(form.clone()), ..BrandRefused::default() };
    after_brand_save(ctx, &state, &principal, id, result, ("contact", &form.lang), refused).await
}

pub(super) fn gone() -> AppError {
    AppError::invalid("index", ErrorCode::UnknownEntry, "This entry is no longer in the draft; reload the page.")
}

pub(super) fn remove_at<T>(items: &mut Vec<T>, index: &str) -> Result<(), AppError> {
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
    after_brand_save(ctx, &state, &principal, id, result, ("removed", &form.lang), refused).await
}

#[derive(Deserialize, Default)]
struct RepresentativeForm {
    #[serde(default)]
    organisation_id: String,
}

impl RepresentativeForm {
    fn id(&self) -> Result<i64, AppError> {
        self.organisation_id.trim().parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| {
            AppError::invalid("organisation_id", ErrorCode::Required, "Choose a representative organisation.")
        })
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
            render_brand(ctx, state, principal, id, None, None, refused).await
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
    after_brand_save(ctx, &state, &principal, id, result, ("audience", ""), refused).await
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
                    ErrorKind::UnsupportedType,
                    ErrorCode::UnsupportedType,
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
        _ => Err(AppError::invalid("file", ErrorCode::Required, "Choose a picture to upload.")),
    };
    let refused = BrandRefused { form: "logo", ..BrandRefused::default() };
    after_brand_save(ctx, &state, &principal, id, result, ("logo", ""), refused).await
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
        assert_eq!((e.code(), e.field()), (ErrorCode::InvalidNiceClass, Some("nice_classes")));
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
        let mut form = BrandMainForm::from_sheet(3, &sheet, Language::En);
        form.aliases = "Maison Lumiere\n\nメゾン・ルミエール".into();
        form.gs1_company_prefixes = "3012345, 3098765".into();
        let out = form.apply(sheet.clone()).unwrap();
        assert_eq!(out.aliases, vec!["Maison Lumiere", "メゾン・ルミエール"]);
        assert_eq!(out.gs1_company_prefixes, vec!["3012345", "3098765"]);
        assert_eq!(out.contacts, sheet.contacts);
        assert_eq!(out.confidentiality, sheet.confidentiality);
    }

    #[test]
    fn the_brand_form_translates_contacts_in_one_language_and_chooses_the_fallback() {
        let sheet: BrandSheet = serde_json::from_value(serde_json::json!({
            "name": "Lumière", "sector": "luxury",
            "contacts": [{"name": {"en": "Desk"}, "hours": {"en": "Mon–Fri"}, "country": "FR"}],
        }))
        .unwrap();
        let mut form = BrandMainForm::from_sheet(3, &sheet, Language::Fr);
        assert_eq!((form.contact_name(0), form.fallback_language.as_str()), (String::new(), "en"));
        form.contact_names = vec![(0, "Service".into())];
        form.contact_hours = vec![(0, "lun.–ven.".into())];
        let out = form.apply(sheet.clone()).unwrap();
        let c = &out.contacts[0];
        assert_eq!(
            (c.name.get("fr"), c.name.get("en"), c.hours.get("fr")),
            (Some("Service"), Some("Desk"), Some("lun.–ven."))
        );
        form.fallback_language = "es".into();
        assert_eq!(form.apply(sheet.clone()).unwrap().fallback_language, Language::Es);
        form.fallback_language = "de".into();
        assert_eq!(form.apply(sheet).unwrap_err().field(), Some("fallback_language"));
    }
}
