//! Catalog pages: the brands a reader may see, a brand with its products, and the product card
//! an officer consults at the inspection table (pictures side by side, the guide as a checklist,
//! contacts for the officer's country first). Rights holders see their drafts here and publish.
//!
//! Who sees what is the domain's decision; these handlers only choose how to show it. The reader
//! is on the "own side" (the brand's rights holder, its representative or a platform
//! administrator) when the domain answered and the reader is not an enforcement user, since
//! enforcement users only ever get published sheets.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::content::Shown;
use super::{clone_layout, CsrfForm, Layout, PageError, PageId, PageResult, Pages, SignedIn};
use crate::domain::catalog::{
    self, BrandSummary, Contact, ImageLabel, ImageRef, IndicatorSide, Route, Sector, Trademark,
};
use crate::domain::catalog::{Party, Prices};
use crate::domain::policy::Principal;
use crate::domain::types::Language;
use crate::i18n::Tr;
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/catalog", get(brands_page))
        .route("/catalog/brands/{id}", get(brand_page))
        .route("/catalog/brands/{id}/publish", post(publish_brand))
        .route("/catalog/sectors/{sector}", get(sector_page))
        .route("/catalog/products/{id}", get(product_page))
        .route("/catalog/products/{id}/publish", post(publish_product))
}

/// Brands per page of the list.
const PER_PAGE: usize = 25;
/// How many brands one call to the domain returns at most.
const BATCH: i64 = 500;
/// A filtered list reads at most this many brands.
const MAX_SCANNED: i64 = 20_000;
/// Longer searches are cut: no brand name is this long.
const MAX_QUERY_CHARS: usize = 100;

/// The reader is on the brand's side: the domain answered with drafts, not published sheets.
fn own_side(principal: &Principal) -> bool {
    !principal.org_kind.is_enforcement()
}

// Lowercase, without the accents of Latin scripts: "lumiere" finds "Lumière".
pub(crate) use crate::domain::normalize::fold_latin as fold;

/// The reader's contacts first, then those for every country, then the others; their texts in
/// the reader's language (`fallback` being the brand's fallback language).
pub(super) fn contacts_for(
    principal: &Principal,
    tr: &Tr,
    fallback: Language,
    mut contacts: Vec<Contact>,
) -> Vec<ContactView> {
    contacts.sort_by_key(|c| match c.country.as_deref() {
        Some(c) if c == principal.org_country => 0,
        None => 1,
        _ => 2,
    });
    contacts.into_iter().map(|c| ContactView::new(c, tr, fallback)).collect()
}

/// A contact with its texts as the reader sees them and its phone number as a `tel:` link.
pub(super) struct ContactView {
    pub(super) contact: Contact,
    pub(super) name: Shown,
    pub(super) hours: Shown,
    pub(super) tel: Option<String>,
}

impl ContactView {
    fn new(contact: Contact, tr: &Tr, fallback: Language) -> Self {
        let tel = contact.phone.as_deref().map(|p| {
            let digits: String = p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
            format!("tel:{digits}")
        });
        let name = Shown::of(&contact.name, tr, fallback);
        let hours = Shown::of(&contact.hours, tr, fallback);
        ContactView { contact, name, hours, tel }
    }
}

// ---------------------------------------------------------------------------------------------
// The brand list

#[derive(Deserialize, Default)]
struct BrandsQuery {
    q: Option<String>,
    sector: Option<String>,
    page: Option<String>,
}

/// Search results shown at most (the index's own limit).
const MAX_HITS: i64 = 100;

struct FoundItem {
    id: i64,
    title: Shown,
    /// A product's brand.
    detail: String,
    /// A brand's sector.
    sector: Option<Sector>,
}

/// The brands and the products the search index found, best first.
struct Found {
    brands: Vec<FoundItem>,
    products: Vec<FoundItem>,
}

/// A result's title as a reader of `tr` sees it: a product's name in their language when it has
/// one, else the name in its brand's fallback language, so marked.
pub(super) fn hit_title(tr: &Tr, hit: &crate::domain::search::SearchHit) -> Shown {
    match hit.names.get(tr.code()) {
        Some(name) => Shown::plain(name.clone()),
        None => {
            let lang = hit.title_language.clone().filter(|l| l != tr.code());
            Shown { text: hit.title.clone(), untranslated: lang.is_some(), lang }
        }
    }
}

impl Found {
    fn from_hits(tr: &Tr, hits: Vec<crate::domain::search::SearchHit>) -> Found {
        let mut found = Found { brands: Vec::new(), products: Vec::new() };
        for h in hits {
            let title = hit_title(tr, &h);
            match h.product_id {
                Some(id) => found.products.push(FoundItem { id, title, detail: h.brand_name, sector: None }),
                None => found.brands.push(FoundItem {
                    id: h.brand_id,
                    title,
                    detail: String::new(),
                    sector: h.category.as_deref().and_then(Sector::parse),
                }),
            }
        }
        found
    }
    fn is_empty(&self) -> bool {
        self.brands.is_empty() && self.products.is_empty()
    }
}

struct SectorOption {
    value: &'static str,
    sector: Sector,
    selected: bool,
}

#[derive(Template)]
#[template(path = "catalog_brands.html")]
struct BrandsPage {
    layout: Layout,
    own_side: bool,
    brands: Vec<BrandSummary>,
    /// What the search index found, when an officer searched with words.
    found: Option<Found>,
    query: String,
    sectors: Vec<SectorOption>,
    filtered: bool,
    page: usize,
    previous_href: Option<String>,
    next_href: Option<String>,
}

fn list_href(query: &str, sector: Option<Sector>, page: usize) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if !query.is_empty() {
        pairs.push(("q", query.to_string()));
    }
    if let Some(s) = sector {
        pairs.push(("sector", s.as_str().to_string()));
    }
    if page > 1 {
        pairs.push(("page", page.to_string()));
    }
    match serde_urlencoded::to_string(&pairs) {
        Ok(qs) if !qs.is_empty() => format!("/catalog?{qs}"),
        _ => "/catalog".to_string(),
    }
}

async fn brands_page(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    query: Result<Query<BrandsQuery>, QueryRejection>,
) -> PageResult {
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let text: String = q.q.as_deref().unwrap_or("").trim().chars().take(MAX_QUERY_CHARS).collect();
    let sector = q.sector.as_deref().and_then(Sector::parse);
    let page = q.page.as_deref().and_then(|p| p.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 100_000);
    let filtered = !text.is_empty() || sector.is_some();
    let start = (page - 1) * PER_PAGE;
    // An officer's words go to the search index (names in every language, aliases, codes,
    // misspellings forgiven), which finds products as well as brands. The brand's own side
    // keeps the plain filter over its own brands: it must find its drafts too, which the index
    // (published copies only) does not hold.
    let mut found: Option<Found> = None;
    let (brands, more) = if !text.is_empty() && !own_side(&principal) {
        let params = crate::domain::search::SearchParams {
            q: Some(text.clone()),
            category: sector.map(|s| s.as_str().to_string()),
            brand_id: None,
            limit: Some(MAX_HITS),
        };
        match state.search.search(&principal, &params).await {
            Ok(results) => found = Some(Found::from_hits(&ctx.layout.tr, results.hits)),
            Err(e) => return Err(PageError(e)),
        }
        (Vec::new(), false)
    } else if !filtered {
        // Unfiltered, the store pages: one more than shown tells whether a next page exists.
        match catalog::list_brands(&state.db, &principal, PER_PAGE as i64 + 1, start as i64).await {
            Ok(mut list) => {
                let more = list.len() > PER_PAGE;
                list.truncate(PER_PAGE);
                (list, more)
            }
            Err(e) => return Err(PageError(e)),
        }
    } else {
        let needle = fold(&text);
        let mut matched = Vec::new();
        let mut offset = 0;
        loop {
            let batch = catalog::list_brands(&state.db, &principal, BATCH, offset).await?;
            let n = batch.len() as i64;
            matched.extend(
                batch.into_iter().filter(|b| sector.is_none_or(|s| b.sector == s) && fold(&b.name).contains(&needle)),
            );
            offset += BATCH;
            if n < BATCH || offset >= MAX_SCANNED {
                break;
            }
        }
        let more = matched.len() > start + PER_PAGE;
        (matched.into_iter().skip(start).take(PER_PAGE).collect(), more)
    };
    let sectors = Sector::ALL
        .iter()
        .map(|s| SectorOption { value: s.as_str(), sector: *s, selected: sector == Some(*s) })
        .collect();
    let previous_href = (page > 1).then(|| list_href(&text, sector, page - 1));
    let next_href = more.then(|| list_href(&text, sector, page + 1));
    let layout = clone_layout(&ctx.layout);
    let own_side = own_side(&principal);
    Ok(ctx.render(
        StatusCode::OK,
        BrandsPage { layout, own_side, brands, found, query: text, sectors, filtered, page, previous_href, next_href },
    ))
}

// ---------------------------------------------------------------------------------------------
// A brand

#[derive(Deserialize, Default)]
struct DoneQuery {
    published: Option<String>,
    /// The code that led here from the Identify page, and its symbology when read from a photo.
    code: Option<String>,
    format: Option<String>,
    /// The verdict of the serial's check, sealed by the Identify page (`verify::seal`).
    check: Option<String>,
}

/// The code the officer identified the product with, shown on its card to be checked.
struct Identified {
    code: String,
    format: Option<String>,
    /// The GS1 data the code carries (GTIN, batch, expiry, serial…), labelled as on Identify.
    fields: Vec<(String, String)>,
    /// For a code carrying a serial: the verdict of its check, or that it was not checked.
    verdict: Option<super::verdict::VerdictView>,
}

impl Identified {
    /// Only what the Identify page puts in the link is shown: a link crafted to make the card
    /// say something else shows nothing, and a verdict whose seal does not hold is not shown.
    fn from_query(
        state: &AppState,
        principal: &Principal,
        tr: &Tr,
        product_id: i64,
        q: &DoneQuery,
    ) -> Option<Identified> {
        let shown = |s: &str| {
            !s.is_empty()
                && s.chars().count() <= super::identify::MAX_SHOWN_CODE
                && s.chars().all(|c| c.is_ascii_graphic() || c == '\u{241d}')
        };
        let code = q.code.as_deref().map(str::trim).filter(|c| shown(c))?.to_string();
        let format = super::identify::symbology(q.format.as_deref());
        // The link shows the group separator as "␝" (identify::card_href): read it as sent.
        let scan = gs1::parse_scan(&code.replace('\u{241d}', "\u{1d}"));
        let fields = super::identify::gs1_fields(tr, &scan);
        let carries_serial = crate::domain::verify::Scanned::from_scan(&scan).is_some();
        let verdict = crate::domain::verify::seal::on_card(
            &state.verifier,
            principal,
            product_id,
            &code,
            carries_serial,
            q.check.as_deref(),
        )
        .map(|check| super::verdict::VerdictView::on_card(tr, &check));
        Some(Identified { code, format: format.map(str::to_string), fields, verdict })
    }
}

#[derive(Template)]
#[template(path = "catalog_brand.html")]
struct BrandPage {
    layout: Layout,
    own_side: bool,
    just_published: bool,
    id: i64,
    name: String,
    aliases: Vec<String>,
    /// The logo's thumbnail.
    logo: Option<String>,
    sector: Sector,
    published: bool,
    unpublished_changes: bool,
    trademarks: Vec<TrademarkView>,
    contacts: Vec<ContactView>,
    products: Vec<ProductRow>,
}

/// A product of the brand's list, its name in the reader's language.
struct ProductRow {
    id: i64,
    name: Shown,
    category: String,
    published: bool,
}

struct TrademarkView {
    tm: Trademark,
    classes: String,
}

async fn brand_page(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    done: Result<Query<DoneQuery>, QueryRejection>,
) -> PageResult {
    let brand = catalog::get_brand(&state.db, &principal, id).await?;
    let products = catalog::list_products(&state.db, &principal, id).await?;
    let own_side = own_side(&principal);
    let unpublished_changes = own_side && brand.published_sheet.as_ref().is_some_and(|p| *p != brand.draft);
    let sheet = brand.draft;
    let tr = &ctx.layout.tr;
    let fallback = sheet.fallback_language;
    let products = products
        .into_iter()
        .map(|p| ProductRow {
            id: p.id,
            name: Shown::of(&p.names, tr, fallback),
            category: p.category,
            published: p.published,
        })
        .collect();
    let trademarks = sheet
        .trademarks
        .into_iter()
        .map(|tm| {
            let classes = tm.nice_classes.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
            TrademarkView { tm, classes }
        })
        .collect();
    let page = BrandPage {
        layout: clone_layout(&ctx.layout),
        own_side,
        just_published: done.is_ok_and(|Query(d)| d.published.is_some()),
        id: brand.id,
        name: sheet.name,
        aliases: sheet.aliases,
        logo: sheet.logo.as_deref().map(|h| format!("/media/{h}/thumbnail")),
        sector: sheet.sector,
        published: brand.published,
        unpublished_changes,
        trademarks,
        contacts: contacts_for(&principal, tr, fallback, sheet.contacts),
        products,
    };
    Ok(ctx.render(StatusCode::OK, page))
}

// ---------------------------------------------------------------------------------------------
// A sector: its published cards, to keep on the phone together

/// The most cards the sector page lists. A sector holding more is kept brand by brand: the
/// phone keeps at most a few hundred pinned cards (`static/sw.js`, `MAX_PINNED_CARDS`), and the
/// page itself must stay light on a slow network.
const SECTOR_CARDS_LISTED: i64 = 1000;

/// A card of the sector's list, its name in the reader's language.
struct SectorCardRow {
    id: i64,
    name: Shown,
    brand_name: String,
}

#[derive(Template)]
#[template(path = "catalog_sector.html")]
struct SectorPage {
    layout: Layout,
    sector: Sector,
    title: String,
    /// How many cards the sector holds, of how many brands, in a sentence.
    size_told: String,
    cards: Vec<SectorCardRow>,
    /// More cards than the page lists: the sector is kept brand by brand.
    too_many: bool,
}

async fn sector_page(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    raw: Result<axum::extract::Path<String>, axum::extract::rejection::PathRejection>,
) -> PageResult {
    let not_found = || PageError(crate::error::AppError::not_found("sector"));
    let axum::extract::Path(raw) = raw.map_err(|_| not_found())?;
    let sector = Sector::parse(&raw).ok_or_else(not_found)?;
    let (size, cards) = catalog::sector_cards(&state.db, &principal, sector, SECTOR_CARDS_LISTED).await?;
    let tr = &ctx.layout.tr;
    let cards = cards
        .into_iter()
        .map(|c| SectorCardRow {
            id: c.product_id,
            name: Shown::of(&c.names, tr, c.fallback_language),
            brand_name: c.brand_name,
        })
        .collect();
    let title = tr.f("catalog.sector_title", &[("sector", &tr.label("sector", sector))]);
    let size_told = tr.fmt(
        "catalog.sector_size",
        &[("cards", crate::i18n::Arg::from(size.cards)), ("brands", crate::i18n::Arg::from(size.brands))],
    );
    let page = SectorPage {
        layout: clone_layout(&ctx.layout),
        sector,
        title,
        size_told,
        cards,
        too_many: size.cards > SECTOR_CARDS_LISTED,
    };
    Ok(ctx.render(StatusCode::OK, page))
}

// ---------------------------------------------------------------------------------------------
// A product card

struct PictureView {
    /// The thumbnail shown on the card.
    src: String,
    /// The picture at full size, opened by a tap.
    full: String,
    /// The caption, else what the picture shows: its text alternative.
    alt: Shown,
    caption: Shown,
    label: ImageLabel,
}

struct IndicatorView {
    text: Shown,
    weight: u8,
    /// The weight as five dots, filled up to the weight.
    dots: String,
    /// The indicator's picture: thumbnail, and full size.
    image: Option<String>,
    image_full: Option<String>,
}

struct PricesView {
    retail: Option<String>,
    declared: Option<String>,
}

#[derive(Template)]
#[template(path = "catalog_product.html")]
struct ProductPage {
    layout: Layout,
    own_side: bool,
    just_published: bool,
    identified: Option<Identified>,
    id: i64,
    brand_id: i64,
    brand_name: String,
    brand_aliases: Vec<String>,
    sector: Sector,
    name: Shown,
    description: Shown,
    gtins: Vec<String>,
    model_numbers: Vec<String>,
    category: String,
    hs_code: Option<String>,
    packaging: Shown,
    only_sold_in: Vec<String>,
    never_sold_in: Vec<String>,
    has_pictures: bool,
    genuine_pictures: Vec<PictureView>,
    counterfeit_pictures: Vec<PictureView>,
    other_pictures: Vec<PictureView>,
    genuine_signs: Vec<IndicatorView>,
    counterfeit_signs: Vec<IndicatorView>,
    security_features: Vec<FeatureView>,
    manufacturing_countries: Vec<String>,
    parties: Vec<Party>,
    routes: Vec<Route>,
    prices: Option<PricesView>,
    /// The translated names of the withheld sections, or empty.
    withheld: String,
    published_at: Option<String>,
    trademarks: Vec<TrademarkView>,
    contacts: Vec<ContactView>,
    /// Alerts in force that target the reader and name this product, its brand or its HS code.
    alerts: Vec<super::alerts::BriefView>,
}

/// A security feature as the reader sees it.
struct FeatureView {
    kind: Shown,
    how_to_check: Shown,
}

fn thumbnail(hash: &str) -> String {
    format!("/media/{hash}/thumbnail")
}

fn picture(tr: &Tr, fallback: Language, image: ImageRef) -> PictureView {
    let caption = Shown::of(&image.caption, tr, fallback);
    let alt = if caption.is_empty() { Shown::plain(tr.label("image_label", image.label)) } else { caption.clone() };
    PictureView {
        src: thumbnail(&image.hash),
        full: format!("/media/{}", image.hash),
        alt,
        caption,
        label: image.label,
    }
}

fn money(tr: &crate::i18n::Tr, amount: f64) -> String {
    tr.amount(amount)
}

fn prices_view(layout: &Layout, p: &Prices) -> PricesView {
    let retail = match (p.retail_min, p.retail_max) {
        (Some(min), Some(max)) if (max - min).abs() > f64::EPSILON => Some(layout.tr.f(
            "catalog.retail_range",
            &[("min", &money(&layout.tr, min)), ("max", &money(&layout.tr, max)), ("currency", &p.currency)],
        )),
        (Some(v), _) | (None, Some(v)) => Some(format!("{} {}", money(&layout.tr, v), p.currency)),
        (None, None) => None,
    };
    let declared = p.usual_declared_value.map(|v| format!("{} {}", money(&layout.tr, v), p.currency));
    PricesView { retail, declared }
}

async fn product_page(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    done: Result<Query<DoneQuery>, QueryRejection>,
) -> PageResult {
    let card = catalog::product_card(&state.db, &principal, id).await?;
    let alerts = crate::domain::alerts::naming(
        &state.db,
        &principal,
        card.brand_id,
        Some(card.product_id),
        card.sheet.hs_code.as_deref(),
    )
    .await?;
    let done = done.map(|Query(d)| d).unwrap_or_default();
    let layout = clone_layout(&ctx.layout);
    let tr = &ctx.layout.tr;
    let fallback = card.fallback_language;
    let sheet = card.sheet;
    let shown = |text: &crate::domain::localized::Localized| Shown::of(text, tr, fallback);
    let name = shown(&sheet.names);
    let description = shown(&sheet.descriptions);
    let packaging = shown(&sheet.packaging);
    let security_features = sheet
        .security_features
        .iter()
        .map(|f| FeatureView { kind: shown(&f.kind), how_to_check: shown(&f.how_to_check) })
        .collect();
    let has_pictures = !sheet.images.is_empty();
    let (mut genuine_pictures, mut counterfeit_pictures, mut other_pictures) = (Vec::new(), Vec::new(), Vec::new());
    for image in sheet.images {
        let label = image.label;
        let view = picture(tr, fallback, image);
        match label {
            ImageLabel::Genuine => genuine_pictures.push(view),
            ImageLabel::Counterfeit => counterfeit_pictures.push(view),
            ImageLabel::Packaging | ImageLabel::SecurityFeature => other_pictures.push(view),
        }
    }
    let (mut genuine_signs, mut counterfeit_signs) = (Vec::new(), Vec::new());
    for indicator in sheet.guide {
        let weight = indicator.weight.clamp(1, 5);
        let view = IndicatorView {
            text: shown(&indicator.text),
            weight,
            dots: format!("{}{}", "●".repeat(weight.into()), "○".repeat((5 - weight).into())),
            image: indicator.image.as_deref().map(thumbnail),
            image_full: indicator.image.as_deref().map(|h| format!("/media/{h}")),
        };
        match indicator.side {
            IndicatorSide::Genuine => genuine_signs.push(view),
            IndicatorSide::Counterfeit => counterfeit_signs.push(view),
        }
    }
    // Heaviest signs first: at the inspection table the conclusive ones matter most.
    genuine_signs.sort_by_key(|s| std::cmp::Reverse(s.weight));
    counterfeit_signs.sort_by_key(|s| std::cmp::Reverse(s.weight));
    // Named in the reader's language and listed as it lists words (Arabic: "، ").
    let withheld = card
        .withheld_sections
        .iter()
        .map(|s| layout.tr.label("section", s))
        .collect::<Vec<_>>()
        .join(layout.tr.t("list.separator"));
    let prices = sheet.prices.as_ref().map(|p| prices_view(&layout, p));
    let trademarks = card
        .trademarks
        .into_iter()
        .map(|tm| {
            let classes = tm.nice_classes.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
            TrademarkView { tm, classes }
        })
        .collect();
    let page = ProductPage {
        own_side: own_side(&principal),
        just_published: done.published.is_some(),
        identified: Identified::from_query(&state, &principal, &layout.tr, card.product_id, &done),
        id: card.product_id,
        brand_id: card.brand_id,
        brand_name: card.brand_name,
        brand_aliases: card.brand_aliases,
        sector: card.sector,
        name,
        description,
        gtins: sheet.gtins,
        model_numbers: sheet.model_numbers,
        category: sheet.category,
        hs_code: sheet.hs_code,
        packaging,
        only_sold_in: sheet.only_sold_in,
        never_sold_in: sheet.never_sold_in,
        has_pictures,
        genuine_pictures,
        counterfeit_pictures,
        other_pictures,
        genuine_signs,
        counterfeit_signs,
        security_features,
        manufacturing_countries: sheet.supply_chain.manufacturing_countries,
        parties: sheet.supply_chain.parties,
        routes: sheet.supply_chain.routes,
        prices,
        withheld,
        published_at: card.published_at,
        trademarks,
        contacts: contacts_for(&principal, tr, fallback, card.contacts),
        alerts: alerts.into_iter().map(|a| super::alerts::BriefView::new(tr, a)).collect(),
        layout,
    };
    Ok(ctx.render(StatusCode::OK, page))
}

// ---------------------------------------------------------------------------------------------
// Publishing (Post/Redirect/Get)

#[derive(Deserialize)]
struct PublishForm {
    /// Which page the form was on: "product" returns there, anything else to the brand.
    #[serde(default)]
    from: String,
}

async fn publish_brand(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(_): CsrfForm<PublishForm>,
) -> Response {
    match catalog::publish_brand(&state.db, &principal, id).await {
        Ok(b) => Redirect::to(&format!("/catalog/brands/{}?published=1", b.id)).into_response(),
        Err(e) => ctx.error_page(e),
    }
}

async fn publish_product(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    PageId(id): PageId,
    CsrfForm(form): CsrfForm<PublishForm>,
) -> Response {
    match catalog::publish_product(&state.db, &principal, id).await {
        Ok(p) if form.from == "product" => {
            Redirect::to(&format!("/catalog/products/{}?published=1", p.id)).into_response()
        }
        Ok(p) => Redirect::to(&format!("/catalog/brands/{}?published=1#product-{}", p.brand_id, p.id)).into_response(),
        Err(e) => ctx.error_page(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_case_and_accents() {
        assert_eq!(fold("Maison LUMIÈRE"), "maison lumiere");
        assert!(fold("Kastenbrück").contains(&fold("BRUCK")));
        assert_eq!(fold("Œuvre Straße"), "oeuvre strasse");
    }

    #[test]
    fn list_links_keep_the_search_and_encode_it() {
        assert_eq!(list_href("", None, 1), "/catalog");
        assert_eq!(list_href("a&b", Some(Sector::SpareParts), 2), "/catalog?q=a%26b&sector=spare_parts&page=2");
    }
}
