//! The field officer's Identify page: a photo of a barcode, a typed code or a typed name, to
//! the product card in as few taps as possible.
//!
//! The three ways in go through the same domain functions as the API (`scan::scan`,
//! `lookup::lookup`, the search service), so what an officer may see is decided there. One
//! product found leads straight to its card, which then shows the code that was read: zxing
//! can misread a worn label, and the officer is the one who can compare it with the digits
//! printed under the bars. Everything else (several codes, a brand without the product, nothing
//! registered, a wrong check digit, a photo that cannot be read) is said on this page, in the
//! reader's language, beside the form that was used, with the status the API would give.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Json;
use serde::Deserialize;

use super::catalog::{contacts_for, ContactView};
use super::{clone_layout, Layout, Pages, SignedIn};
use crate::domain::lookup::{self, LookupResult, Outcome};
use crate::domain::policy::Principal;
use crate::domain::scan;
use crate::domain::search::{HitKind, SearchParams};
use crate::error::{AppError, ErrorCode, ErrorKind};
use crate::i18n::Tr;
use crate::state::AppState;

pub fn router() -> Pages {
    Pages::new()
        .route("/identify", get(identify_page))
        // The photo is read field by field up to the media limit, so an oversized one is told
        // apart (and refused on the page) instead of cut off by the general body limit.
        .route("/identify/photo", post(identify_photo).layer(DefaultBodyLimit::disable()))
}

/// Longer typed text is cut: no code or name the officer needs is this long.
const MAX_TYPED_CHARS: usize = 200;
/// Search results shown at most.
const MAX_HITS: i64 = 30;
/// The card shows at most this much of the code that led to it (it comes back in its URL).
pub(super) const MAX_SHOWN_CODE: usize = 120;
/// The header the page's script (`static/identify.js`) sends with a photo: `shrunk` when it
/// sends a smaller copy it made in the browser, `original` when it sends the file as chosen.
/// The script then gets the card's address as JSON instead of a redirect (a redirect followed
/// by the request would fetch the card once more on a slow network), and a smaller copy in
/// which no code is found is said to be one, with a button to send the original.
pub(super) const CLIENT_HEADER: &str = "x-identify-client";

/// A symbology name as the card shows it (`EAN-13`, `QRCode`): short, letters, digits and dashes.
pub(super) fn symbology(format: Option<&str>) -> Option<&str> {
    format.filter(|f| !f.is_empty() && f.len() <= 20 && f.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

/// Where the product card says the officer came from: the code and, for a photo, the symbology;
/// and, for a code carrying a serial, the verdict of its check, sealed (`verify::seal`).
pub(super) fn card_href(product_id: i64, code: &str, format: Option<&str>, check: Option<&str>) -> String {
    let code = visible(code);
    let mut pairs = vec![("code", code.as_str())];
    if let Some(f) = format {
        pairs.push(("format", f));
    }
    if let Some(c) = check {
        pairs.push(("check", c));
    }
    let qs = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("/catalog/products/{product_id}?{qs}#identified")
}

#[derive(Deserialize, Default)]
struct IdentifyQuery {
    code: Option<String>,
    /// The symbology, when the code was read from a photo in the browser (`BarcodeDetector`).
    format: Option<String>,
    q: Option<String>,
}

/// One code as the page shows it: what was read, and what it identifies.
struct CodeView {
    /// The symbology, for codes read from a photo.
    format: Option<String>,
    /// Exactly what was read or typed (group separators shown as a visible mark).
    text: String,
    /// `product`, `brand_only`, `not_registered`, `invalid`, `not_a_product_code`: a CSS class.
    outcome: &'static str,
    message: String,
    product_href: Option<String>,
    /// For a wrong check digit on a bare GTIN: the code with the right digit, to look up.
    corrected: Option<String>,
    brand_owner: Option<BrandOwnerView>,
    /// Alerts in force that target the reader and name what the code identifies.
    alerts: Vec<super::alerts::BriefView>,
    /// What a GS1 element string or Digital Link carries, as labelled fields (GTIN, batch,
    /// expiry, serial…) rather than its raw string.
    fields: Vec<(String, String)>,
    /// For a code carrying a serial on a product found: the verdict of its check.
    verdict: Option<super::verdict::VerdictView>,
}

struct BrandOwnerView {
    brand_id: i64,
    brand_name: String,
    contacts: Vec<ContactView>,
}

struct HitView {
    href: String,
    title: super::content::Shown,
    /// The brand of a product, or the sector of a brand.
    detail: String,
    is_brand: bool,
    /// A product's thumbnail of the genuine article.
    picture: Option<HitPicture>,
}

struct HitPicture {
    src: String,
    /// Its text alternative: the genuine article, named.
    alt: String,
}

#[derive(Default)]
struct Problem {
    /// Which form the problem is beside: `photo`, `code` or `q`.
    field: &'static str,
    message: String,
}

#[derive(Template)]
#[template(path = "identify.html")]
struct IdentifyPage {
    layout: Layout,
    code: String,
    query: String,
    problem: Problem,
    /// The sentence above the codes (e.g. "2 barcodes were read"), if any.
    summary: Option<String>,
    codes: Vec<CodeView>,
    searched: bool,
    hits: Vec<HitView>,
    max_photo_mb: usize,
    /// The page's script sent a smaller copy in which no code was found: offer the original.
    offer_original: bool,
}

impl IdentifyPage {
    fn new(layout: Layout, state: &AppState) -> Self {
        IdentifyPage {
            layout,
            code: String::new(),
            query: String::new(),
            problem: Problem::default(),
            summary: None,
            codes: Vec::new(),
            searched: false,
            hits: Vec::new(),
            max_photo_mb: state.media.limits.max_bytes / (1024 * 1024),
            offer_original: false,
        }
    }
}

fn typed(raw: Option<&str>) -> String {
    raw.unwrap_or("").trim().chars().take(MAX_TYPED_CHARS).collect()
}

async fn identify_page(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    query: Result<Query<IdentifyQuery>, QueryRejection>,
) -> Response {
    let q = query.map(|Query(q)| q).unwrap_or_default();
    let mut page = IdentifyPage::new(clone_layout(&ctx.layout), &state);
    page.code = typed(q.code.as_deref());
    page.query = typed(q.q.as_deref());
    let tr = ctx.layout.tr;
    let mut status = StatusCode::OK;
    if q.code.is_some() {
        match lookup::lookup(&state.db, &state.verifier, &principal, &page.code).await {
            Ok(found) => {
                if let Some(card) = &found.product {
                    let format = symbology(q.format.as_deref());
                    let check = sealed(&state, &principal, &found, card.product_id, &page.code);
                    return Redirect::to(&card_href(card.product_id, &page.code, format, check.as_deref()))
                        .into_response();
                }
                page.codes.push(code_view(tr, &state, &principal, None, &page.code, Some(found)));
            }
            Err(AppError::Client(c)) if c.kind != ErrorKind::Forbidden => {
                status = c.kind.status();
                page.problem = Problem { field: "code", message: tr.error(c.code, &c.message) };
            }
            Err(e) => return ctx.error_page(e),
        }
    } else if q.q.is_some() {
        let params =
            SearchParams { q: Some(page.query.clone()), category: None, brand_id: None, limit: Some(MAX_HITS) };
        match state.search.search(&principal, &params).await {
            Ok(results) => {
                page.searched = true;
                page.hits = results
                    .hits
                    .into_iter()
                    .map(|h| match (h.kind, h.product_id) {
                        (HitKind::Product, Some(id)) => {
                            let title = super::catalog::hit_title(&tr, &h);
                            let picture = h.picture.as_deref().map(|hash| {
                                let alt = tr.f("identify.hit_picture", &[("product", title.text.as_str())]);
                                HitPicture { src: format!("/media/{hash}/thumbnail"), alt }
                            });
                            HitView {
                                href: format!("/catalog/products/{id}"),
                                title,
                                detail: h.brand_name,
                                is_brand: false,
                                picture,
                            }
                        }
                        _ => HitView {
                            href: format!("/catalog/brands/{}", h.brand_id),
                            detail: h
                                .category
                                .as_deref()
                                .and_then(crate::domain::catalog::Sector::parse)
                                .map(|s| tr.label("sector", s))
                                .unwrap_or_default(),
                            title: super::catalog::hit_title(&tr, &h),
                            is_brand: true,
                            picture: None,
                        },
                    })
                    .collect();
            }
            Err(AppError::Client(c)) if c.kind != ErrorKind::Forbidden => {
                status = c.kind.status();
                let message =
                    if c.code == ErrorCode::Required { tr.t("identify.q_required").to_string() } else { c.message };
                page.problem = Problem { field: "q", message };
            }
            Err(e) => return ctx.error_page(e),
        }
    }
    ctx.render(status, page)
}

async fn identify_photo(
    SignedIn { ctx, principal }: SignedIn,
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let client = headers.get(CLIENT_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
    let (by_script, shrunk) = (matches!(client, "shrunk" | "original"), client == "shrunk");
    let tr = ctx.layout.tr;
    let mut page = IdentifyPage::new(clone_layout(&ctx.layout), &state);
    let photo = match super::upload::checked_upload(&ctx, multipart, state.media.limits.max_bytes, "photo").await {
        Ok(form) => form.file.unwrap_or_default(),
        Err(AppError::Client(c)) if c.kind == ErrorKind::BadRequest => {
            page.problem = Problem { field: "photo", message: tr.t("identify.error_form").to_string() };
            return ctx.render(StatusCode::BAD_REQUEST, page);
        }
        Err(e) => return ctx.error_page(e),
    };
    let read = match scan::scan(&state.db, &state.media, &state.verifier, &principal, photo).await {
        Ok(r) => r,
        Err(AppError::Client(c)) if c.kind != ErrorKind::Forbidden => {
            page.problem = Problem { field: "photo", message: photo_error(tr, c.code, &c.message, page.max_photo_mb) };
            return ctx.render(c.kind.status(), page);
        }
        Err(e) => return ctx.error_page(e),
    };
    if let [only] = read.codes.as_slice() {
        if let Some((found, card)) = only.lookup.as_ref().and_then(|l| Some((l, l.product.as_ref()?))) {
            let check = sealed(&state, &principal, found, card.product_id, &only.text);
            let href = card_href(card.product_id, &only.text, Some(&only.format), check.as_deref());
            if by_script {
                return Json(serde_json::json!({ "location": href })).into_response();
            }
            return Redirect::to(&href).into_response();
        }
    }
    if read.codes.is_empty() {
        let key = if shrunk { "identify.no_barcode_shrunk" } else { "identify.no_barcode" };
        page.problem = Problem { field: "photo", message: tr.t(key).to_string() };
        page.offer_original = shrunk;
        return ctx.render(StatusCode::OK, page);
    }
    if read.codes.len() > 1 {
        page.summary = Some(tr.f("identify.several", &[("count", &read.codes.len().to_string())]));
    }
    page.codes =
        read.codes.into_iter().map(|c| code_view(tr, &state, &principal, Some(c.format), &c.text, c.lookup)).collect();
    ctx.render(StatusCode::OK, page)
}

/// The refusal of a photo in the reader's language; the API's English sentence otherwise.
fn photo_error(tr: Tr, code: ErrorCode, english: &str, max_mb: usize) -> String {
    let key = format!("identify.error_{code}");
    match tr.t(&key) {
        missing if missing == key => tr.error(code, english),
        _ => tr.f(&key, &[("max", &max_mb.to_string())]),
    }
}

/// The verdict of a lookup sealed for the card's link, bound to the code as the link carries it.
fn sealed(
    state: &AppState,
    principal: &Principal,
    found: &LookupResult,
    product_id: i64,
    code: &str,
) -> Option<String> {
    let v = found.verification.as_ref()?;
    Some(crate::domain::verify::seal::seal(&state.verifier, principal, product_id, visible(code).trim(), v))
}

/// The group separator (byte 0x1D) of raw GS1 data, shown as the sign scanners print for it.
fn visible(text: &str) -> String {
    text.replace('\u{1d}', "␝")
}

/// The Application Identifiers of an element string or a Digital Link, each named in the reader's
/// language (the AI's number where the catalogue has no name for it), dates as dates.
pub(super) fn gs1_fields(tr: &Tr, scan: &gs1::Scan) -> Vec<(String, String)> {
    let ais = match scan {
        gs1::Scan::ElementString { element_string, .. } => &element_string.ais,
        gs1::Scan::DigitalLink { digital_link, .. } => &digital_link.element_string.ais,
        _ => return Vec::new(),
    };
    ais.iter()
        .map(|a| {
            let label = tr
                .lookup(&format!("gs1.ai.{}", a.ai))
                .map_or_else(|| tr.f("gs1.ai_other", &[("ai", &a.ai)]), str::to_string);
            let value = match a.ai.as_str() {
                "11" | "12" | "13" | "15" | "16" | "17" => yymmdd(tr, &a.value),
                _ => a.value.clone(),
            };
            (label, value)
        })
        .collect()
}

/// A GS1 date (YYMMDD; DD 00 for the last day of the month) in the reader's language. GS1 reads the
/// century so that the year falls within 49 years before and 50 after today; 2000–2099 is that
/// window for the codes an officer meets now.
fn yymmdd(tr: &Tr, v: &str) -> String {
    let (Some(yy), Some(mm), Some(dd)) = (v.get(0..2), v.get(2..4), v.get(4..6)) else { return v.to_string() };
    if dd == "00" {
        let last = format!("20{yy}-{mm}-01").parse::<jiff::civil::Date>().map(|d| d.last_of_month().to_string());
        return last.map_or_else(|_| v.to_string(), |d| tr.date(&d));
    }
    tr.date(&format!("20{yy}-{mm}-{dd}"))
}

fn code_view(
    tr: Tr,
    state: &AppState,
    principal: &Principal,
    format: Option<String>,
    text: &str,
    found: Option<LookupResult>,
) -> CodeView {
    let mut view = CodeView {
        format,
        text: visible(text),
        outcome: "not_a_product_code",
        message: tr.t("identify.not_a_code").to_string(),
        product_href: None,
        corrected: None,
        brand_owner: None,
        alerts: Vec::new(),
        fields: Vec::new(),
        verdict: None,
    };
    let Some(mut found) = found else { return view };
    view.verdict = found.verification.as_ref().map(|v| super::verdict::VerdictView::of(&tr, v));
    let check = found.product.as_ref().and_then(|card| sealed(state, principal, &found, card.product_id, text));
    view.fields = gs1_fields(&tr, &found.interpretation);
    view.alerts =
        std::mem::take(&mut found.alerts).into_iter().map(|a| super::alerts::BriefView::new(&tr, a)).collect();
    let gtin = found.gtin.clone().unwrap_or_default();
    match found.outcome {
        Outcome::Product => {
            view.outcome = "product";
            if let Some(card) = found.product {
                view.message =
                    tr.f("identify.product", &[("product", card.name(tr.code())), ("brand", &card.brand_name)]);
                view.product_href = Some(card_href(card.product_id, text, view.format.as_deref(), check.as_deref()));
            }
        }
        Outcome::BrandOnly => {
            view.outcome = "brand_only";
            if let Some(owner) = found.brand_owner {
                view.message = tr.f(
                    "identify.brand_only",
                    &[("gtin", &gtin), ("prefix", &owner.gs1_company_prefix), ("brand", &owner.brand_name)],
                );
                view.brand_owner = Some(BrandOwnerView {
                    brand_id: owner.brand_id,
                    brand_name: owner.brand_name,
                    contacts: contacts_for(principal, &tr, owner.fallback_language, owner.contacts),
                });
            }
        }
        Outcome::NotRegistered => {
            view.outcome = "not_registered";
            view.message = tr.f("identify.not_registered", &[("gtin", &gtin)]);
        }
        Outcome::Invalid => {
            view.outcome = "invalid";
            view.message = match gs1::parse_scan(text) {
                gs1::Scan::Invalid {
                    error: gs1::Error::GtinCheckDigit { gtin, expected, found: typed, .. }, ..
                } => {
                    let mut right = gtin.clone();
                    right.pop();
                    right.push(expected);
                    view.corrected = Some(right);
                    tr.f("identify.check_digit", &[("expected", &expected.to_string()), ("found", &typed.to_string())])
                }
                gs1::Scan::Invalid { error: gs1::Error::CheckDigit { ai, expected, found: typed, .. }, .. } => tr.f(
                    "identify.check_digit_ai",
                    &[("ai", ai.as_str()), ("expected", expected.as_str()), ("found", typed.as_str())],
                ),
                gs1::Scan::Invalid { error, .. } => tr.f("identify.invalid", &[("reason", &error.to_string())]),
                _ => found.message,
            };
        }
        Outcome::NotAProductCode
            if found.gtin.is_none() && !matches!(found.interpretation, gs1::Scan::Unrecognised { .. }) =>
        {
            view.message = tr.t("identify.no_gtin").to_string();
        }
        Outcome::NotAProductCode => {}
    }
    view
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_link_carries_the_code_read_encoded() {
        assert_eq!(
            card_href(7, "(01)04006381333931(10)A&B", Some("Code128"), None),
            "/catalog/products/7?code=%2801%2904006381333931%2810%29A%26B&format=Code128#identified"
        );
    }

    #[test]
    fn group_separators_are_shown() {
        assert_eq!(visible("0104006381333931\u{1d}10ABC"), "0104006381333931␝10ABC");
    }
}
