//! Brand and product sheets: the documents rights holders write, their closed sets of values,
//! and the checks that normalise them before they are stored.

use crate::closed_set::closed_set;
use crate::error::{AppError, AppResult, ClientError, ErrorCode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::model::localized::{self, Localized};
use crate::model::types::{CountryCode, Language, Name};

closed_set!(
    /// The sector a brand trades in.
    pub enum Sector {
        Apparel = "apparel",
        Luxury = "luxury",
        Pharmaceuticals = "pharmaceuticals",
        SpareParts = "spare_parts",
        Electronics = "electronics",
        Cosmetics = "cosmetics",
        Tobacco = "tobacco",
        Toys = "toys",
        Beverages = "beverages",
        Other = "other",
    }
);

closed_set!(
    /// What a picture shows.
    pub enum ImageLabel {
        Genuine = "genuine",
        Counterfeit = "counterfeit",
        Packaging = "packaging",
        SecurityFeature = "security_feature",
    }
);

closed_set!(
    /// Which side an authentication indicator describes.
    pub enum IndicatorSide {
        Genuine = "genuine",
        Counterfeit = "counterfeit",
    }
);

closed_set!(
    /// The parts of a product sheet a rights holder may keep for a chosen audience.
    pub enum Section {
        SupplyChain = "supply_chain",
        SecurityFeatures = "security_features",
        Prices = "prices",
    }
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
    pub enum TransportMode {
        Sea = "sea",
        Air = "air",
        Road = "road",
        Rail = "rail",
        Postal = "postal",
        ExpressCourier = "express_courier",
    }
);

closed_set!(
    pub enum PartyRole {
        Manufacturer = "manufacturer",
        Importer = "importer",
        Exporter = "exporter",
        Distributor = "distributor",
    }
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
    /// The desk or person, e.g. "Brand protection — France", per language.
    pub name: Localized,
    #[serde(default)]
    pub languages: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Opening hours with time zone, e.g. "Mon–Fri 08:00–18:00 CET", per language.
    #[serde(default)]
    pub hours: Localized,
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
    /// The language readers are shown a text in when it has no version in theirs (en, fr, es
    /// or ar; English by default). A text written without a language counts as this one's.
    #[serde(default = "english")]
    #[schema(value_type = String, example = "en")]
    pub fallback_language: Language,
}

fn english() -> Language {
    Language::En
}

impl BrandSheet {
    /// Every text of the sheet its rights holder writes: its contacts' names and hours.
    pub fn all_texts(&self) -> Vec<&Localized> {
        self.contacts.iter().flat_map(|c| [&c.name, &c.hours]).collect()
    }

    /// How many of its texts have no version in `lang`.
    pub fn missing_in(&self, lang: &str) -> usize {
        let fallback = self.fallback_language.as_str();
        self.all_texts().iter().filter(|t| t.lacks(lang, fallback)).count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageRef {
    /// Content hash of an uploaded image.
    pub hash: String,
    pub label: ImageLabel,
    /// Per language; it is also the picture's text alternative.
    #[serde(default)]
    pub caption: Localized,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub side: IndicatorSide,
    /// What to look at, per language.
    pub text: Localized,
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
    /// e.g. hologram, serialised code, tamper seal, UV ink; per language.
    pub kind: Localized,
    /// Per language.
    pub how_to_check: Localized,
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
    /// The product's name per language (en, fr, es, ar); at least one.
    pub names: Localized,
    /// Per language.
    #[serde(default)]
    pub descriptions: Localized,
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
    /// How the genuine product is packed, per language.
    #[serde(default)]
    pub packaging: Localized,
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

pub(crate) fn invalid(field: &'static str, code: ErrorCode, message: impl Into<String>) -> AppError {
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
        return Err(invalid(
            field,
            ErrorCode::TooLong,
            format!("Keep {} under {max} characters.", field.replace('_', " ")),
        ));
    }
    Ok(s.to_string())
}

/// A text checked version by version with [`text`]'s rule.
fn texts(field: &'static str, l: Localized, max: usize, required: bool) -> AppResult<Localized> {
    l.validated(field, required, |t| text(field, t, max))
}

/// A name checked version by version as a [`Name`].
fn names(field: &'static str, l: Localized) -> AppResult<Localized> {
    l.validated(field, true, |t| Name::parse(field, t).map(|n| n.as_str().to_string()))
}

fn media_hash(field: &'static str, h: &str) -> AppResult<String> {
    let h = h.trim().to_ascii_lowercase();
    if media::is_valid_hash(&h) {
        Ok(h)
    } else {
        Err(invalid(
            field,
            ErrorCode::InvalidMediaReference,
            "Refer to an uploaded file by the hash the upload returned.",
        ))
    }
}

/// A Harmonized System subheading: six digits in an HS chapter (01–97, 77 being reserved).
pub fn parse_hs_code(raw: &str) -> AppResult<String> {
    let s: String = raw.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(
            "hs_code",
            ErrorCode::InvalidHsCode,
            format!("'{}' is not an HS code; give the 6-digit subheading, e.g. 4202.21 or 420221.", raw.trim()),
        ));
    }
    let chapter: u8 = s[..2].parse().unwrap_or(0);
    if !(1..=97).contains(&chapter) || chapter == 77 {
        return Err(invalid(
            "hs_code",
            ErrorCode::UnknownHsCode,
            format!("HS chapter {} does not exist; HS chapters run from 01 to 97 (77 is reserved).", &s[..2]),
        ));
    }
    Ok(s)
}

/// A GTIN with its check digit verified, normalised to 14 digits for lookups.
pub fn parse_gtin(raw: &str) -> AppResult<gs1::Gtin> {
    gs1::Gtin::parse(raw.trim()).map_err(|e| invalid("gtins", ErrorCode::InvalidGtin, e.to_string()))
}

fn language(field: &'static str, raw: &str) -> AppResult<String> {
    let l = raw.trim().to_ascii_lowercase();
    if l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(l)
    } else {
        Err(invalid(
            field,
            ErrorCode::InvalidLanguage,
            format!("'{raw}' is not a two-letter language code such as en or fr."),
        ))
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
                return Err(invalid("trademarks", ErrorCode::Required, "Each trademark needs its office and number."));
            }
            if let Some(c) = t.nice_classes.iter().find(|c| !(1..=45).contains(*c)) {
                return Err(invalid(
                    "trademarks",
                    ErrorCode::InvalidNiceClass,
                    format!("Nice class {c} does not exist; classes run from 1 to 45."),
                )
                .with_arg("class", c));
            }
            if let Some(d) = &t.expires_on {
                let format = time::macros::format_description!("[year]-[month]-[day]");
                time::Date::parse(d.trim(), &format).map_err(|_| {
                    invalid(
                        "trademarks",
                        ErrorCode::InvalidDate,
                        format!("'{d}' is not a date; write it as YYYY-MM-DD."),
                    )
                })?;
            }
        }
        for p in &mut self.gs1_company_prefixes {
            *p = p.trim().to_string();
            if !(6..=12).contains(&p.len()) || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid(
                    "gs1_company_prefixes",
                    ErrorCode::InvalidGs1Prefix,
                    format!("'{p}' is not a GS1 company prefix; it has 6 to 12 digits."),
                ));
            }
        }
        self.gs1_company_prefixes.sort();
        self.gs1_company_prefixes.dedup();
        if !localized::is_content_language(self.fallback_language.as_str()) {
            return Err(invalid(
                "fallback_language",
                ErrorCode::InvalidLanguage,
                "Choose the fallback language among en, fr, es and ar.",
            ));
        }
        for c in &mut self.contacts {
            c.name = names("contacts", std::mem::take(&mut c.name))?;
            c.hours = texts("contacts", std::mem::take(&mut c.hours), 200, false)?;
            c.country = c.country.as_deref().map(|x| country("contacts", x)).transpose()?;
            c.languages = c.languages.iter().map(|l| language("contacts", l)).collect::<AppResult<_>>()?;
            if let Some(e) = &c.email {
                c.email = Some(crate::model::types::Email::parse(e)?.as_str().to_string());
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
        self.names = names("names", std::mem::take(&mut self.names)).map_err(|e| match e.code() {
            ErrorCode::Required => {
                invalid("names", ErrorCode::Required, "Give the product a name in at least one language.")
            }
            _ => e,
        })?;
        self.descriptions = texts("descriptions", std::mem::take(&mut self.descriptions), 5000, false)?;
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
            return Err(invalid(
                "category",
                ErrorCode::Required,
                "Give the product a category, e.g. handbags or analgesics.",
            ));
        }
        self.hs_code = self.hs_code.as_deref().filter(|h| !h.trim().is_empty()).map(parse_hs_code).transpose()?;
        self.packaging = texts("packaging", std::mem::take(&mut self.packaging), 2000, false)?;
        self.only_sold_in = countries("only_sold_in", &self.only_sold_in)?;
        self.never_sold_in = countries("never_sold_in", &self.never_sold_in)?;
        if let Some(c) = self.only_sold_in.iter().find(|c| self.never_sold_in.contains(c)) {
            return Err(invalid(
                "never_sold_in",
                ErrorCode::ContradictoryMarkets,
                format!("{c} cannot be both a market where it is only sold and one where it is never sold."),
            ));
        }
        for i in &mut self.images {
            i.hash = media_hash("images", &i.hash)?;
            i.caption = texts("images", std::mem::take(&mut i.caption), 500, false)?;
        }
        for g in &mut self.guide {
            g.text = texts("guide", std::mem::take(&mut g.text), 1000, false)?;
            if g.text.is_empty() {
                return Err(invalid(
                    "guide",
                    ErrorCode::Required,
                    "Each indicator needs a text saying what to look at.",
                ));
            }
            if !(1..=5).contains(&g.weight) {
                return Err(invalid(
                    "guide",
                    ErrorCode::InvalidWeight,
                    "An indicator's weight runs from 1 (a hint) to 5 (conclusive).",
                ));
            }
            g.image = g.image.as_deref().map(|h| media_hash("guide", h)).transpose()?;
        }
        for f in &mut self.security_features {
            f.kind = texts("security_features", std::mem::take(&mut f.kind), 80, false)?;
            f.how_to_check = texts("security_features", std::mem::take(&mut f.how_to_check), 2000, false)?;
            // A feature an officer cannot check is no help at the inspection table.
            if f.kind.is_empty() || f.how_to_check.is_empty() {
                return Err(invalid(
                    "security_features",
                    ErrorCode::Required,
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
                    ErrorCode::InvalidCurrency,
                    "Give the currency as an ISO 4217 code such as EUR or USD.",
                ));
            }
            for v in [p.retail_min, p.retail_max, p.usual_declared_value].into_iter().flatten() {
                if !v.is_finite() || v < 0.0 {
                    return Err(invalid("prices", ErrorCode::InvalidPrice, "Prices are positive numbers."));
                }
            }
            if let (Some(lo), Some(hi)) = (p.retail_min, p.retail_max) {
                if lo > hi {
                    return Err(invalid(
                        "prices",
                        ErrorCode::InvalidPrice,
                        "The lowest retail price is above the highest.",
                    ));
                }
            }
        }
        Ok(self)
    }

    /// The name a reader of `lang` sees, the brand's fallback language being `fallback`.
    pub fn name_for(&self, lang: &str, fallback: &str) -> &str {
        self.names.text_for(lang, fallback)
    }

    /// The name kept in the listing columns (which order lists and name products in the API's
    /// lists): English, else the text as written, else any.
    pub fn listing_name(&self) -> &str {
        self.names.text_for("en", "en")
    }

    /// Every text of the sheet its rights holder writes, in the order the editor shows them.
    pub fn all_texts(&self) -> Vec<&Localized> {
        let mut out = vec![&self.names, &self.descriptions, &self.packaging];
        out.extend(self.images.iter().map(|i| &i.caption));
        out.extend(self.guide.iter().map(|g| &g.text));
        out.extend(self.security_features.iter().flat_map(|f| [&f.kind, &f.how_to_check]));
        out
    }

    /// How many of its texts have no version in `lang`.
    pub fn missing_in(&self, lang: &str, fallback: &str) -> usize {
        self.all_texts().iter().filter(|t| t.lacks(lang, fallback)).count()
    }

    /// The picture a search result shows of this product: the first of the genuine product
    /// (label `genuine`, which belongs to no confidential section, so every reader of the card
    /// sees it whatever the brand's audience). A file also filed under a section's label (a
    /// security feature photographed the same) is left out, even though the card shows it as
    /// the genuine picture: a result is no place to test that line.
    pub fn public_picture(&self) -> Option<&str> {
        let in_a_section = |h: &str| self.images.iter().any(|i| i.hash == h && i.label.section().is_some());
        self.images.iter().find(|i| i.label == ImageLabel::Genuine && !in_a_section(&i.hash)).map(|i| i.hash.as_str())
    }

    /// Removes the sections the reader may not see, with everything that belongs to them (a
    /// section's pictures, and the guide indicators that show one of those pictures); returns
    /// which were withheld.
    pub(crate) fn withhold(&mut self, sections: &[Section]) -> Vec<Section> {
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

#[cfg(test)]
mod tests;
