//! The catalog: brands and products as rights holders describe them, and the product card
//! officers consult.
//!
//! A brand or product is a *sheet* (a validated document). Each has a draft, which the rights
//! holder (or a representative it delegated) edits, and a published copy, which is what
//! enforcement users see. Every save and publication is kept in the history and audited.
//! Confidential sections of a product (supply chain, security features, prices) are shown to
//! enforcement users only when the brand's chosen audience includes their organisation or
//! country; the policy decides, and each such read is audited.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit::AuditEvent;
use super::policy::{allows, check, Action, Principal, Target};
use super::types::{CountryCode, Name};
use crate::error::{AppError, AppResult, ClientError};
use crate::store::{self, is_unique_violation, Db};

macro_rules! closed_set {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$variant => $text),+ } }
            pub fn parse(raw: &str) -> Option<Self> { match raw.trim() { $($text => Some($name::$variant),)+ _ => None } }
            pub fn names() -> String { [$($text),+].join(", ") }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.as_str()) }
        }
    };
}

closed_set!(
    /// The sector a brand trades in.
    Sector {
        Apparel = "apparel", Luxury = "luxury", Pharmaceuticals = "pharmaceuticals", SpareParts = "spare_parts",
        Electronics = "electronics", Cosmetics = "cosmetics", Tobacco = "tobacco", Toys = "toys",
        Beverages = "beverages", Other = "other",
    }
);

closed_set!(
    /// What a picture shows.
    ImageLabel { Genuine = "genuine", Counterfeit = "counterfeit", Packaging = "packaging", SecurityFeature = "security_feature" }
);

closed_set!(
    /// Which side an authentication indicator describes.
    IndicatorSide { Genuine = "genuine", Counterfeit = "counterfeit" }
);

closed_set!(
    /// The parts of a product sheet a rights holder may keep for a chosen audience.
    Section { SupplyChain = "supply_chain", SecurityFeatures = "security_features", Prices = "prices" }
);

impl ImageLabel {
    /// The confidential section a picture belongs to, if any: withholding the section
    /// withholds its pictures too.
    pub fn section(self) -> Option<Section> {
        match self {
            ImageLabel::SecurityFeature => Some(Section::SecurityFeatures),
            ImageLabel::Genuine | ImageLabel::Counterfeit | ImageLabel::Packaging => None,
        }
    }
}

closed_set!(
    TransportMode { Sea = "sea", Air = "air", Road = "road", Rail = "rail", Postal = "postal", ExpressCourier = "express_courier" }
);

closed_set!(
    PartyRole { Manufacturer = "manufacturer", Importer = "importer", Exporter = "exporter", Distributor = "distributor" }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Trademark {
    /// Registering office, e.g. `EUIPO`, `INPI`, `USPTO`, `WIPO`.
    pub office: String,
    pub number: String,
    /// Nice classes, 1 to 45.
    #[serde(default)]
    pub nice_classes: Vec<u8>,
    /// `YYYY-MM-DD`.
    pub expires_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The country this contact answers for; none means everywhere.
    pub country: Option<String>,
    pub name: String,
    #[serde(default)]
    pub languages: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Opening hours, free text with time zone, e.g. "Mon–Fri 08:00–18:00 CET".
    pub hours: Option<String>,
}

/// Who may see a brand's confidential sections besides the brand's own side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Confidentiality {
    /// Sections kept for the audience below.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Enforcement organisations (ids) that may see them.
    #[serde(default)]
    pub organisations: Vec<i64>,
    /// Countries whose enforcement organisations may see them (ISO 3166-1 alpha-2).
    #[serde(default)]
    pub countries: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BrandSheet {
    pub name: String,
    /// Other spellings and scripts, e.g. "Maison Lumiere", "メゾン・ルミエール".
    #[serde(default)]
    pub aliases: Vec<String>,
    pub sector: Sector,
    /// Content hash of an uploaded logo.
    #[serde(default)]
    pub logo: Option<String>,
    #[serde(default)]
    pub trademarks: Vec<Trademark>,
    /// GS1 company prefixes (6 to 12 digits) the brand owner holds.
    #[serde(default)]
    pub gs1_company_prefixes: Vec<String>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub confidentiality: Confidentiality,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageRef {
    /// Content hash of an uploaded image.
    pub hash: String,
    pub label: ImageLabel,
    #[serde(default)]
    pub caption: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub side: IndicatorSide,
    pub text: String,
    /// Content hash of an uploaded image illustrating it.
    #[serde(default)]
    pub image: Option<String>,
    /// 1 (a hint) to 5 (conclusive).
    #[serde(default = "default_weight")]
    pub weight: u8,
}

fn default_weight() -> u8 {
    3
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityFeature {
    /// e.g. hologram, serialised code, tamper seal, UV ink.
    pub kind: String,
    pub how_to_check: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub role: PartyRole,
    pub name: String,
    /// Registration, EORI or similar identifier.
    #[serde(default)]
    pub identifier: Option<String>,
    /// Country of the party (ISO 3166-1 alpha-2).
    pub country: String,
    /// The market it serves, when it is a distributor or importer for one.
    #[serde(default)]
    pub market: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub origin: String,
    pub destination: String,
    pub mode: TransportMode,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupplyChain {
    /// Countries where the genuine product is made.
    #[serde(default)]
    pub manufacturing_countries: Vec<String>,
    #[serde(default)]
    pub parties: Vec<Party>,
    #[serde(default)]
    pub routes: Vec<Route>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Prices {
    /// ISO 4217, e.g. EUR.
    pub currency: String,
    pub retail_min: Option<f64>,
    pub retail_max: Option<f64>,
    /// What a genuine unit is usually declared at, at the border.
    pub usual_declared_value: Option<f64>,
}

impl Eq for Prices {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductSheet {
    /// Names by language (ISO 639-1), at least one.
    pub names: BTreeMap<String, String>,
    #[serde(default)]
    pub descriptions: BTreeMap<String, String>,
    /// GTIN-8, -12, -13 or -14, check digit verified.
    #[serde(default)]
    pub gtins: Vec<String>,
    /// Model or article numbers.
    #[serde(default)]
    pub model_numbers: Vec<String>,
    pub category: String,
    /// Harmonized System subheading, 6 digits.
    #[serde(default)]
    pub hs_code: Option<String>,
    #[serde(default)]
    pub packaging: String,
    /// The only markets where it is sold, if it is sold in a few only.
    #[serde(default)]
    pub only_sold_in: Vec<String>,
    /// Markets where it is never sold.
    #[serde(default)]
    pub never_sold_in: Vec<String>,
    #[serde(default)]
    pub images: Vec<ImageRef>,
    #[serde(default)]
    pub guide: Vec<Indicator>,
    #[serde(default)]
    pub security_features: Vec<SecurityFeature>,
    #[serde(default)]
    pub supply_chain: SupplyChain,
    #[serde(default)]
    pub prices: Option<Prices>,
}

impl ProductSheet {
    /// The stored files the sheet shows: gallery pictures, then the guide's.
    pub fn media_hashes(&self) -> impl Iterator<Item = &str> {
        self.images.iter().map(|i| i.hash.as_str()).chain(self.guide.iter().filter_map(|g| g.image.as_deref()))
    }
}

fn invalid(field: &'static str, code: &'static str, message: impl Into<String>) -> AppError {
    AppError::invalid(field, code, message)
}

fn country(field: &'static str, raw: &str) -> AppResult<String> {
    CountryCode::parse(raw).map(|c| c.as_str().to_string()).map_err(|e| match e {
        AppError::Client(c) => AppError::Client(Box::new(ClientError { field: Some(field), ..*c })),
        other => other,
    })
}

fn countries(field: &'static str, list: &[String]) -> AppResult<Vec<String>> {
    let mut out: Vec<String> = list.iter().map(|c| country(field, c)).collect::<AppResult<_>>()?;
    out.sort();
    out.dedup();
    Ok(out)
}

fn text(field: &'static str, raw: &str, max: usize) -> AppResult<String> {
    let s = raw.trim();
    if s.chars().count() > max {
        return Err(invalid(field, "too_long", format!("Keep {} under {max} characters.", field.replace('_', " "))));
    }
    Ok(s.to_string())
}

fn media_hash(field: &'static str, h: &str) -> AppResult<String> {
    let h = h.trim().to_ascii_lowercase();
    if h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(h)
    } else {
        Err(invalid(field, "invalid_media_reference", "Refer to an uploaded file by the hash the upload returned."))
    }
}

/// A Harmonized System subheading: six digits in an HS chapter (01–97, 77 being reserved).
pub fn parse_hs_code(raw: &str) -> AppResult<String> {
    let s: String = raw.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(
            "hs_code",
            "invalid_hs_code",
            format!("'{}' is not an HS code; give the 6-digit subheading, e.g. 4202.21 or 420221.", raw.trim()),
        ));
    }
    let chapter: u8 = s[..2].parse().unwrap_or(0);
    if !(1..=97).contains(&chapter) || chapter == 77 {
        return Err(invalid(
            "hs_code",
            "unknown_hs_code",
            format!("HS chapter {} does not exist; HS chapters run from 01 to 97 (77 is reserved).", &s[..2]),
        ));
    }
    Ok(s)
}

/// A GTIN with its check digit verified, normalised to 14 digits for lookups.
pub fn parse_gtin(raw: &str) -> AppResult<gs1::Gtin> {
    gs1::Gtin::parse(raw.trim()).map_err(|e| invalid("gtins", "invalid_gtin", e.to_string()))
}

fn language(field: &'static str, raw: &str) -> AppResult<String> {
    let l = raw.trim().to_ascii_lowercase();
    if l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(l)
    } else {
        Err(invalid(field, "invalid_language", format!("'{raw}' is not a two-letter language code such as en or fr.")))
    }
}

impl BrandSheet {
    /// Checks and normalises every field; the first problem is returned with its field.
    pub fn validated(mut self) -> AppResult<BrandSheet> {
        self.name = Name::parse("name", &self.name)?.as_str().to_string();
        self.aliases = self
            .aliases
            .iter()
            .map(|a| Name::parse("aliases", a).map(|n| n.as_str().to_string()))
            .collect::<AppResult<_>>()?;
        self.aliases.dedup();
        self.logo = self.logo.as_deref().map(|h| media_hash("logo", h)).transpose()?;
        for t in &mut self.trademarks {
            t.office = text("trademarks", &t.office, 40)?;
            t.number = text("trademarks", &t.number, 60)?;
            if t.office.is_empty() || t.number.is_empty() {
                return Err(invalid("trademarks", "required", "Each trademark needs its office and number."));
            }
            if let Some(c) = t.nice_classes.iter().find(|c| !(1..=45).contains(*c)) {
                return Err(invalid(
                    "trademarks",
                    "invalid_nice_class",
                    format!("Nice class {c} does not exist; classes run from 1 to 45."),
                )
                .with_arg("class", c));
            }
            if let Some(d) = &t.expires_on {
                let format = time::macros::format_description!("[year]-[month]-[day]");
                time::Date::parse(d.trim(), &format).map_err(|_| {
                    invalid("trademarks", "invalid_date", format!("'{d}' is not a date; write it as YYYY-MM-DD."))
                })?;
            }
        }
        for p in &mut self.gs1_company_prefixes {
            *p = p.trim().to_string();
            if !(6..=12).contains(&p.len()) || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid(
                    "gs1_company_prefixes",
                    "invalid_gs1_prefix",
                    format!("'{p}' is not a GS1 company prefix; it has 6 to 12 digits."),
                ));
            }
        }
        self.gs1_company_prefixes.sort();
        self.gs1_company_prefixes.dedup();
        for c in &mut self.contacts {
            c.name = Name::parse("contacts", &c.name)?.as_str().to_string();
            c.country = c.country.as_deref().map(|x| country("contacts", x)).transpose()?;
            c.languages = c.languages.iter().map(|l| language("contacts", l)).collect::<AppResult<_>>()?;
            if let Some(e) = &c.email {
                c.email = Some(super::types::Email::parse(e)?.as_str().to_string());
            }
        }
        self.confidentiality.countries = countries("confidentiality", &self.confidentiality.countries)?;
        self.confidentiality.sections.sort();
        self.confidentiality.sections.dedup();
        self.confidentiality.organisations.sort();
        self.confidentiality.organisations.dedup();
        Ok(self)
    }
}

impl ProductSheet {
    pub fn validated(mut self) -> AppResult<ProductSheet> {
        let mut names = BTreeMap::new();
        for (lang, name) in &self.names {
            let n = Name::parse("names", name)?;
            names.insert(language("names", lang)?, n.as_str().to_string());
        }
        if names.is_empty() {
            return Err(invalid("names", "required", "Give the product a name in at least one language."));
        }
        self.names = names;
        let mut descriptions = BTreeMap::new();
        for (lang, d) in &self.descriptions {
            descriptions.insert(language("descriptions", lang)?, text("descriptions", d, 5000)?);
        }
        self.descriptions = descriptions;
        self.gtins =
            self.gtins.iter().map(|g| parse_gtin(g).map(|g| g.as_str().to_string())).collect::<AppResult<_>>()?;
        // One product code each: the same GTIN twice, even written at another length
        // (96385074 and 0000096385074), would break the product_codes key when stored.
        let mut seen = std::collections::HashSet::new();
        self.gtins.retain(|g| seen.insert(format!("{g:0>14}")));
        self.model_numbers = self
            .model_numbers
            .iter()
            .map(|m| text("model_numbers", m, 80))
            .collect::<AppResult<Vec<_>>>()?
            .into_iter()
            .filter(|m| !m.is_empty())
            .collect();
        self.category = text("category", &self.category, 80)?;
        if self.category.is_empty() {
            return Err(invalid("category", "required", "Give the product a category, e.g. handbags or analgesics."));
        }
        self.hs_code = self.hs_code.as_deref().filter(|h| !h.trim().is_empty()).map(parse_hs_code).transpose()?;
        self.packaging = text("packaging", &self.packaging, 2000)?;
        self.only_sold_in = countries("only_sold_in", &self.only_sold_in)?;
        self.never_sold_in = countries("never_sold_in", &self.never_sold_in)?;
        if let Some(c) = self.only_sold_in.iter().find(|c| self.never_sold_in.contains(c)) {
            return Err(invalid(
                "never_sold_in",
                "contradictory_markets",
                format!("{c} cannot be both a market where it is only sold and one where it is never sold."),
            ));
        }
        for i in &mut self.images {
            i.hash = media_hash("images", &i.hash)?;
            i.caption = text("images", &i.caption, 500)?;
        }
        for g in &mut self.guide {
            g.text = text("guide", &g.text, 1000)?;
            if g.text.is_empty() {
                return Err(invalid("guide", "required", "Each indicator needs a text saying what to look at."));
            }
            if !(1..=5).contains(&g.weight) {
                return Err(invalid(
                    "guide",
                    "invalid_weight",
                    "An indicator's weight runs from 1 (a hint) to 5 (conclusive).",
                ));
            }
            g.image = g.image.as_deref().map(|h| media_hash("guide", h)).transpose()?;
        }
        for f in &mut self.security_features {
            f.kind = text("security_features", &f.kind, 80)?;
            f.how_to_check = text("security_features", &f.how_to_check, 2000)?;
            // A feature an officer cannot check is no help at the inspection table.
            if f.kind.is_empty() || f.how_to_check.is_empty() {
                return Err(invalid(
                    "security_features",
                    "required",
                    "Each security feature needs its kind (e.g. hologram) and how an officer checks it.",
                ));
            }
        }
        let sc = &mut self.supply_chain;
        sc.manufacturing_countries = countries("supply_chain", &sc.manufacturing_countries)?;
        for p in &mut sc.parties {
            p.name = Name::parse("supply_chain", &p.name)?.as_str().to_string();
            p.country = country("supply_chain", &p.country)?;
            p.market = p.market.as_deref().map(|m| country("supply_chain", m)).transpose()?;
        }
        for r in &mut sc.routes {
            r.origin = country("supply_chain", &r.origin)?;
            r.destination = country("supply_chain", &r.destination)?;
        }
        if let Some(p) = &mut self.prices {
            p.currency = p.currency.trim().to_ascii_uppercase();
            if p.currency.len() != 3 || !p.currency.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(invalid(
                    "prices",
                    "invalid_currency",
                    "Give the currency as an ISO 4217 code such as EUR or USD.",
                ));
            }
            for v in [p.retail_min, p.retail_max, p.usual_declared_value].into_iter().flatten() {
                if !v.is_finite() || v < 0.0 {
                    return Err(invalid("prices", "invalid_price", "Prices are positive numbers."));
                }
            }
            if let (Some(lo), Some(hi)) = (p.retail_min, p.retail_max) {
                if lo > hi {
                    return Err(invalid("prices", "invalid_price", "The lowest retail price is above the highest."));
                }
            }
        }
        Ok(self)
    }

    /// The name to show: the reader's language, else English, else the first one.
    pub fn name_in(&self, lang: &str) -> &str {
        self.names
            .get(lang)
            .or_else(|| self.names.get("en"))
            .or_else(|| self.names.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Removes the sections the reader may not see, with everything that belongs to them (a
    /// section's pictures, and the guide indicators that show one of those pictures); returns
    /// which were withheld.
    fn withhold(&mut self, sections: &[Section]) -> Vec<Section> {
        let mut withheld = Vec::new();
        for s in sections {
            let pictures: Vec<String> =
                self.images.iter().filter(|i| i.label.section() == Some(*s)).map(|i| i.hash.clone()).collect();
            self.images.retain(|i| i.label.section() != Some(*s));
            let indicators_before = self.guide.len();
            self.guide.retain(|g| g.image.as_ref().is_none_or(|h| !pictures.contains(h)));
            let had_own = match s {
                Section::SupplyChain => !std::mem::take(&mut self.supply_chain).eq(&SupplyChain::default()),
                Section::SecurityFeatures => !std::mem::take(&mut self.security_features).is_empty(),
                Section::Prices => self.prices.take().is_some(),
            };
            if had_own || !pictures.is_empty() || self.guide.len() != indicators_before {
                withheld.push(*s);
            }
        }
        withheld
    }
}

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

/// A key for imports: lowercase ASCII letters, digits and '-', 1 to 80 characters.
pub fn parse_key(field: &'static str, raw: &str) -> AppResult<String> {
    let k = raw.trim();
    if k.is_empty()
        || k.len() > 80
        || !k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.' || b == b'_')
    {
        return Err(invalid(
            field,
            "invalid_key",
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
    AppError::conflict("version_conflict", format!("Someone saved this in the meantime (now version {current}); reload it, reapply your change and save again."))
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
    let owner_org = store::directory::get_organisation(db.reader(), owner)
        .await?
        .ok_or_else(|| invalid("owner_organisation_id", "unknown_organisation", "No organisation has this id."))?;
    if owner_org.kind != super::types::OrgKind::RightsHolder {
        return Err(invalid(
            "owner_organisation_id",
            "not_a_rights_holder",
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
    let text = e.to_string();
    if text.contains("gs1_prefixes") {
        AppError::conflict(
            "gs1_prefix_taken",
            "One of these GS1 company prefixes is already registered for another brand.",
        )
    } else if text.contains("product_codes") {
        AppError::conflict("gtin_taken", "One of these GTINs already belongs to another product.")
    } else {
        AppError::conflict("key_taken", format!("The key '{key}' is already used; choose another."))
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
            StatusCode::FORBIDDEN,
            "owner_only",
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
        .ok_or_else(|| invalid("organisation_id", "unknown_organisation", "No organisation has this id."))?;
    if rep.kind != super::types::OrgKind::Representative {
        return Err(invalid(
            "organisation_id",
            "not_a_representative",
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
    brand_for_edit(db, principal, product.brand_id).await.map_err(|e| match e.status() {
        StatusCode::NOT_FOUND => AppError::not_found("product"),
        _ => e,
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
            "brand_not_published",
            "Publish the brand first: officers find products through their brand.",
        ));
    }
    let mut tx = db.begin().await?;
    store::catalog::publish_product(&mut tx, id, db.now_ms(), &product.draft).await?;
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
    pub sheet: ProductSheet,
    /// Sections the rights holder keeps for other authorities: ask its contacts.
    pub withheld_sections: Vec<Section>,
    pub published_at: Option<String>,
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
    let Some(product) = store::catalog::stored_product(db, by).await? else { return Ok(None) };
    let brand = brand_remembered(db, product.brand_id).await?.ok_or_else(|| AppError::not_found("product"))?;
    card_of(db, principal, product, &brand).await.map(Some)
}

/// A brand as stored, read again only after a write or once the memory is a moment old: every
/// lookup needs its product's brand, and ten thousand brands cover a million products.
pub(crate) async fn brand_remembered(db: &Db, id: i64) -> AppResult<Option<std::sync::Arc<Brand>>> {
    let epoch = db.write_epoch();
    if let Some(known) = db.caches.brands.get(&id, epoch) {
        return Ok(Some(known));
    }
    let Some(brand) = store::catalog::get_brand_quickly(db, id).await? else { return Ok(None) };
    let brand = std::sync::Arc::new(brand);
    db.caches.brands.put(id, epoch, brand.clone());
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
    HistoryKind { Brand = "brand", Product = "product" }
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

/// A published product summary for lists.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProductSummary {
    pub id: i64,
    pub brand_id: i64,
    pub key: String,
    pub name: String,
    pub category: String,
    pub published: bool,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn product() -> ProductSheet {
        serde_json::from_value(serde_json::json!({
            "names": {"en": "Lumière tote", "fr": "Cabas Lumière"},
            "gtins": ["4006381333931"],
            "category": "handbags",
            "hs_code": "4202.21",
            "only_sold_in": ["fr", "BE"],
            "guide": [{"side": "genuine", "text": "Stitching is even, 8 stitches per inch", "weight": 4}],
        }))
        .unwrap()
    }

    #[test]
    fn a_valid_product_sheet_is_normalised() {
        let p = product().validated().unwrap();
        assert_eq!(p.hs_code.as_deref(), Some("420221"));
        assert_eq!(p.only_sold_in, vec!["BE", "FR"]);
    }

    /// Found by the import fuzz targets' "distinct GTINs" property (docs/FUZZING.md).
    #[test]
    fn a_gtin_given_twice_is_kept_once_whatever_its_length() {
        let mut p = product();
        p.gtins = vec!["4006381333931".into(), "96385074".into(), "4006381333931".into(), "0000096385074".into()];
        let p = p.validated().unwrap();
        assert_eq!(p.gtins, vec!["4006381333931", "96385074"]);
    }

    #[test]
    fn a_wrong_gtin_check_digit_names_the_right_one() {
        let mut p = product();
        p.gtins = vec!["4006381333932".into()];
        let e = p.validated().unwrap_err();
        assert_eq!(e.code(), "invalid_gtin");
        assert!(e.public_message().contains('1'), "{}", e.public_message());
    }

    #[test]
    fn hs_codes_must_be_six_digits_in_an_existing_chapter() {
        assert!(parse_hs_code("420221").is_ok());
        assert_eq!(parse_hs_code("4202").unwrap_err().code(), "invalid_hs_code");
        assert_eq!(parse_hs_code("990000").unwrap_err().code(), "unknown_hs_code");
        assert_eq!(parse_hs_code("770000").unwrap_err().code(), "unknown_hs_code");
    }

    #[test]
    fn a_market_cannot_be_both_only_and_never() {
        let mut p = product();
        p.never_sold_in = vec!["FR".into()];
        assert_eq!(p.validated().unwrap_err().code(), "contradictory_markets");
    }

    #[test]
    fn unknown_fields_in_a_sheet_are_refused() {
        let r: Result<ProductSheet, _> =
            serde_json::from_value(serde_json::json!({"names": {"en": "x"}, "category": "c", "colour": "red"}));
        assert!(r.unwrap_err().to_string().contains("colour"));
    }

    #[test]
    fn withholding_removes_only_the_chosen_sections_that_have_content() {
        let mut p = product();
        p.security_features = vec![SecurityFeature { kind: "hologram".into(), how_to_check: "tilt".into() }];
        let withheld = p.withhold(&[Section::SecurityFeatures, Section::Prices]);
        assert_eq!(withheld, vec![Section::SecurityFeatures]);
        assert!(p.security_features.is_empty());
        assert!(!p.guide.is_empty());
    }

    #[test]
    fn withholding_security_features_withholds_their_pictures_and_the_indicators_showing_them() {
        let mut p = product();
        let picture = |hash: &str, label| ImageRef { hash: hash.into(), label, caption: format!("{hash} caption") };
        p.images = vec![picture("front", ImageLabel::Genuine), picture("hologram", ImageLabel::SecurityFeature)];
        p.guide = vec![
            Indicator {
                side: IndicatorSide::Genuine,
                text: "Even stitching".into(),
                image: Some("front".into()),
                weight: 3,
            },
            Indicator {
                side: IndicatorSide::Genuine,
                text: "Hologram shifts".into(),
                image: Some("hologram".into()),
                weight: 5,
            },
            Indicator { side: IndicatorSide::Counterfeit, text: "Glue marks".into(), image: None, weight: 2 },
        ];
        let withheld = p.withhold(&[Section::SecurityFeatures]);
        assert_eq!(withheld, vec![Section::SecurityFeatures], "pictures alone make the section withheld");
        assert_eq!(p.images.iter().map(|i| i.hash.as_str()).collect::<Vec<_>>(), ["front"]);
        assert_eq!(p.guide.iter().map(|g| g.text.as_str()).collect::<Vec<_>>(), ["Even stitching", "Glue marks"]);
        let text = serde_json::to_string(&p).unwrap();
        assert!(!text.contains("hologram"), "nothing of the section is left: {text}");
    }
}
