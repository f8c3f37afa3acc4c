//! Alerts: warnings about suspect shipments, published by a rights holder or an enforcement
//! body, shown to the officers they target and matched against every new or edited case.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit::AuditEvent;
use super::cases::CaseSheet;
use super::catalog::{parse_hs_code, TransportMode};
use super::format_ms;
use super::input::{day_ms, required_text};
use super::localized::{self, Localized};
use super::normalize;
use super::policy::{allows, check, Action, Principal, Target};
use super::types::{CountryCode, Language};
use crate::cache::Recent;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::i18n::Sentence;
use crate::store::cases::{self as sql, AlertRow};
use crate::store::{self, Db};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AlertSheet {
    /// Per language (a plain string is the text in `fallback_language`).
    pub title: Localized,
    /// Per language.
    pub description: Localized,
    /// The language readers are shown the texts in when they have no version in theirs (en,
    /// fr, es or ar; English by default).
    #[serde(default = "english")]
    #[schema(value_type = String, example = "en")]
    pub fallback_language: Language,
    #[serde(default)]
    pub brand_ids: Vec<i64>,
    #[serde(default)]
    pub product_ids: Vec<i64>,
    /// Countries whose officers the alert is for (ISO 3166-1 alpha-2); every country when empty.
    #[serde(default)]
    pub target_countries: Vec<String>,
    /// Customs office codes; every office of the target countries when empty.
    #[serde(default)]
    pub target_offices: Vec<String>,
    #[serde(default)]
    pub transport_modes: Vec<TransportMode>,
    /// Countries the suspect goods come from.
    #[serde(default)]
    pub origin_countries: Vec<String>,
    /// Names of suspect consignors, consignees or declarants.
    #[serde(default)]
    pub suspect_parties: Vec<String>,
    /// ISO 6346 container numbers.
    #[serde(default)]
    pub containers: Vec<String>,
    /// Air waybills and bills of lading.
    #[serde(default)]
    pub transport_documents: Vec<String>,
    /// HS codes or their leading digits (chapter, heading).
    #[serde(default)]
    pub hs_codes: Vec<String>,
    /// Start of validity, `YYYY-MM-DD` (UTC); today when absent.
    #[serde(default)]
    pub valid_from: Option<String>,
    /// End of validity, `YYYY-MM-DD` (UTC), included.
    pub valid_to: String,
}

fn english() -> Language {
    Language::En
}

fn invalid(field: &'static str, code: ErrorCode, message: impl Into<String>) -> AppError {
    AppError::invalid(field, code, message)
}

impl AlertSheet {
    /// The title in the alert's fallback language (else another): for lists ordered by title
    /// and for notices, which are not in one reader's language.
    pub fn title_as_written(&self) -> &str {
        let fallback = self.fallback_language.as_str();
        self.title.text_for(fallback, fallback)
    }

    /// The checked sheet and its validity as `(from, to)` in milliseconds.
    pub fn validated(mut self, now: i64) -> AppResult<(AlertSheet, i64, i64)> {
        if !localized::is_content_language(self.fallback_language.as_str()) {
            return Err(invalid(
                "fallback_language",
                ErrorCode::InvalidLanguage,
                "Choose the fallback language among en, fr, es and ar.",
            ));
        }
        self.title = std::mem::take(&mut self.title).validated("title", true, |t| required_text("title", t, 200))?;
        self.description = std::mem::take(&mut self.description)
            .validated("description", true, |t| required_text("description", t, 5000))?;
        let lists = [
            self.brand_ids.len(),
            self.product_ids.len(),
            self.target_countries.len(),
            self.target_offices.len(),
            self.origin_countries.len(),
            self.suspect_parties.len(),
            self.containers.len(),
            self.transport_documents.len(),
            self.hs_codes.len(),
        ];
        if lists.iter().any(|n| *n > 200) {
            return Err(invalid("alert", ErrorCode::TooMany, "At most 200 entries in each list of an alert."));
        }
        for (field, list) in
            [("target_countries", &mut self.target_countries), ("origin_countries", &mut self.origin_countries)]
        {
            for c in list.iter_mut() {
                *c = CountryCode::parse(c)
                    .map_err(|_| {
                        invalid(
                            field,
                            ErrorCode::InvalidCountry,
                            format!("'{c}' is not an ISO 3166-1 alpha-2 country code."),
                        )
                    })?
                    .as_str()
                    .to_string();
            }
        }
        self.target_offices =
            self.target_offices.iter().map(|o| required_text("target_offices", o, 40)).collect::<AppResult<_>>()?;
        self.suspect_parties =
            self.suspect_parties.iter().map(|p| required_text("suspect_parties", p, 200)).collect::<AppResult<_>>()?;
        self.containers = self
            .containers
            .iter()
            .map(|c| {
                normalize::container_number(c).map_err(|m| invalid("containers", ErrorCode::InvalidContainerNumber, m))
            })
            .collect::<AppResult<_>>()?;
        self.transport_documents = self
            .transport_documents
            .iter()
            .map(|d| {
                normalize::bill_of_lading(d).map_err(|m| invalid("transport_documents", ErrorCode::InvalidReference, m))
            })
            .collect::<AppResult<_>>()?;
        self.hs_codes = self
            .hs_codes
            .iter()
            .map(|h| {
                let digits: String = h.chars().filter(|c| c.is_ascii_digit()).collect();
                match digits.len() {
                    2 | 4 => Ok(digits),
                    6 => parse_hs_code(&digits),
                    _ => Err(invalid(
                        "hs_codes",
                        ErrorCode::InvalidHsCode,
                        format!("'{h}' is not an HS chapter (2 digits), heading (4) or subheading (6)."),
                    )),
                }
            })
            .collect::<AppResult<_>>()?;
        let today = format_ms(now)[..10].to_string();
        let from = day_ms("valid_from", self.valid_from.as_deref().unwrap_or(&today), false)?;
        let to = day_ms("valid_to", &self.valid_to, true)?;
        if to < from {
            return Err(invalid(
                "valid_to",
                ErrorCode::InvalidPeriod,
                "The alert must end on or after the day it starts.",
            ));
        }
        if to - from > 3 * 366 * 24 * 3600 * 1000 {
            return Err(invalid(
                "valid_to",
                ErrorCode::PeriodTooLong,
                "An alert is valid for at most three years; publish a new one after.",
            ));
        }
        let concrete = !(self.brand_ids.is_empty()
            && self.product_ids.is_empty()
            && self.suspect_parties.is_empty()
            && self.containers.is_empty()
            && self.transport_documents.is_empty()
            && self.hs_codes.is_empty());
        if !concrete {
            return Err(invalid("alert", ErrorCode::NothingToMatch, "Name at least one brand, product, suspect party, container, transport document or HS code, so that cases can be matched."));
        }
        Ok((self, from, to))
    }

    fn targets(&self, country: &str, office: Option<&str>) -> bool {
        (self.target_countries.is_empty() || self.target_countries.iter().any(|c| c == country))
            && (self.target_offices.is_empty() || office.is_some_and(|o| self.target_offices.iter().any(|t| t == o)))
    }
}

/// Why a case matches an alert; empty when it does not. The alert must target the case's
/// office and mode of transport, and at least one concrete item must meet.
/// Why a case matched an alert, each reason a sentence written in its reader's language.
pub fn match_case(alert: &AlertSheet, case: &CaseSheet, case_brand_ids: &[i64]) -> Vec<Sentence> {
    let office = case.office.as_ref();
    if !alert.targets(office.map(|o| o.country.as_str()).unwrap_or(""), office.map(|o| o.code.as_str())) {
        return Vec::new();
    }
    if !alert.transport_modes.is_empty() && !case.transport_mode.is_some_and(|m| alert.transport_modes.contains(&m)) {
        return Vec::new();
    }
    let mut reasons: Vec<Sentence> = Vec::new();
    let mut on_product = false;
    let suspects: Vec<String> = alert.suspect_parties.iter().map(|p| normalize::company_name(p)).collect();
    for (role, party) in
        [("consignor", &case.consignor), ("consignee", &case.consignee), ("declarant", &case.declarant)]
    {
        if let Some(p) = party {
            if suspects.contains(&normalize::company_name(&p.name)) {
                reasons.push(
                    Sentence::new("alerts.reason.suspect_party").label("role", "cases", role).text("name", &p.name),
                );
            }
        }
    }
    for c in &case.containers {
        if alert.containers.contains(c) {
            reasons.push(Sentence::new("alerts.reason.container").text("container", c));
        }
    }
    for d in case.air_waybills.iter().chain(&case.bills_of_lading) {
        if alert.transport_documents.contains(&normalize::reference(d)) {
            reasons.push(Sentence::new("alerts.reason.document").text("document", d));
        }
    }
    for g in &case.goods {
        if g.product_id.is_some_and(|p| alert.product_ids.contains(&p)) {
            on_product = true;
            reasons.push(Sentence::new("alerts.reason.product").text("product", &g.description));
        }
        if let Some(hs) = &g.hs_code {
            if alert.hs_codes.iter().any(|a| hs.starts_with(a.as_str())) {
                reasons.push(Sentence::new("alerts.reason.hs_code").text("code", hs));
            }
        }
    }
    for b in case_brand_ids {
        if alert.brand_ids.contains(b) && !on_product {
            reasons.push(Sentence::new("alerts.reason.brand").number("brand", *b as f64));
        }
    }
    if !reasons.is_empty() && case.origin_country.as_ref().is_some_and(|o| alert.origin_countries.contains(o)) {
        reasons.push(
            Sentence::new("alerts.reason.origin").text("country", case.origin_country.as_deref().unwrap_or_default()),
        );
    }
    reasons.dedup();
    reasons
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Alert {
    pub id: i64,
    pub owner_organisation_id: i64,
    /// `active` or `withdrawn`.
    pub status: String,
    /// In force now: active and within its validity.
    pub in_force: bool,
    pub version: i64,
    pub sheet: AlertSheet,
    pub created_at: String,
    pub updated_at: String,
}

fn to_alert(row: AlertRow, now: i64) -> AppResult<Alert> {
    let sheet: AlertSheet = serde_json::from_str(&row.sheet)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("alert {} holds an unreadable sheet: {e}", row.id)))?;
    Ok(Alert {
        id: row.id,
        owner_organisation_id: row.owner_org_id,
        in_force: row.status == "active" && row.valid_from <= now && now <= row.valid_to,
        status: row.status,
        version: row.version,
        sheet,
        created_at: format_ms(row.created_at),
        updated_at: format_ms(row.updated_at),
    })
}

fn target_of(row: &AlertRow, sheet: &AlertSheet, principal: &Principal) -> Target {
    Target::Alert {
        owner_org_id: row.owner_org_id,
        targets_principal: sheet.targets(&principal.org_country, None) || sheet.target_countries.is_empty(),
    }
}

pub async fn create_alert(db: &Db, principal: &Principal, sheet: AlertSheet) -> AppResult<Alert> {
    check(principal, Action::AlertCreate, Target::Organisation { org_id: principal.org_id })?;
    let now = db.now_ms();
    let (sheet, from, to) = sheet.validated(now)?;
    let text = serde_json::to_string(&sheet).map_err(anyhow::Error::from)?;
    let mut tx = db.begin().await?;
    let id = sql::insert_alert(&mut tx, principal.org_id, sheet.title_as_written(), from, to, &text, now).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "alert.create", "alert", id).detail(serde_json::json!({"title": sheet.title})),
    )
    .await?;
    tx.commit().await?;
    get_alert(db, principal, id).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AlertUpdate {
    pub version: i64,
    pub sheet: AlertSheet,
    /// `active` or `withdrawn`.
    #[serde(default)]
    pub status: Option<String>,
}

pub async fn update_alert(db: &Db, principal: &Principal, id: i64, update: AlertUpdate) -> AppResult<Alert> {
    let row = sql::get_alert(db.reader(), id).await?.ok_or_else(|| AppError::not_found("alert"))?;
    let current = to_alert(row.clone(), db.now_ms())?;
    let target = target_of(&row, &current.sheet, principal);
    if !allows(principal, Action::AlertRead, target) {
        return Err(AppError::not_found("alert"));
    }
    check(principal, Action::AlertEdit, target)?;
    let status = update.status.as_deref().unwrap_or(&row.status);
    if !["active", "withdrawn"].contains(&status) {
        return Err(invalid("status", ErrorCode::InvalidStatus, "An alert is 'active' or 'withdrawn'."));
    }
    let now = db.now_ms();
    let (sheet, from, to) = update.sheet.validated(now)?;
    let text = serde_json::to_string(&sheet).map_err(anyhow::Error::from)?;
    let mut tx = db.begin().await?;
    let Some(version) =
        sql::update_alert(&mut tx, id, update.version, sheet.title_as_written(), status, from, to, &text, now).await?
    else {
        return Err(AppError::conflict(
            ErrorCode::VersionConflict,
            format!(
                "Someone saved this alert in the meantime (now version {}); reload it and save again.",
                row.version
            ),
        ));
    };
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "alert.update", "alert", id)
            .detail(serde_json::json!({"version": version, "status": status})),
    )
    .await?;
    tx.commit().await?;
    get_alert(db, principal, id).await
}

pub async fn get_alert(db: &Db, principal: &Principal, id: i64) -> AppResult<Alert> {
    let row = sql::get_alert(db.reader(), id).await?.ok_or_else(|| AppError::not_found("alert"))?;
    let alert = to_alert(row.clone(), db.now_ms())?;
    if !allows(principal, Action::AlertRead, target_of(&row, &alert.sheet, principal)) {
        return Err(AppError::not_found("alert"));
    }
    Ok(alert)
}

/// Whether the principal may publish alerts (the pages offer the form).
pub fn may_create(principal: &Principal) -> bool {
    allows(principal, Action::AlertCreate, Target::Organisation { org_id: principal.org_id })
}

/// Whether the principal may withdraw `alert` now: an active alert its organisation publishes.
pub fn may_withdraw(principal: &Principal, alert: &Alert) -> bool {
    alert.status == "active"
        && allows(
            principal,
            Action::AlertEdit,
            Target::Alert { owner_org_id: alert.owner_organisation_id, targets_principal: false },
        )
}

/// Withdraws an alert, unchanged otherwise; `version`, when given, must be the one read.
pub async fn withdraw_alert(db: &Db, principal: &Principal, id: i64, version: Option<i64>) -> AppResult<Alert> {
    let current = get_alert(db, principal, id).await?;
    let version = version.unwrap_or(current.version);
    update_alert(db, principal, id, AlertUpdate { version, sheet: current.sheet, status: Some("withdrawn".into()) })
        .await
}

/// The brand each of `names` designates among those the principal may see (as
/// [`super::catalog::list_brands`] lists them), case and Latin accents ignored: the one brand so
/// named, else the one brand whose name contains it; `None` when there is no such single brand.
/// An alert's form names brands so.
pub async fn brands_named(db: &Db, principal: &Principal, names: &[String]) -> AppResult<Vec<Option<i64>>> {
    let scope = super::catalog::brand_scope(principal)?;
    let needles: Vec<String> = names.iter().map(|n| normalize::fold_latin(n)).collect();
    let found: Vec<(i64, String)> = sql::brands_matching(db.reader(), scope, &needles)
        .await?
        .into_iter()
        .map(|(id, name)| (id, normalize::fold_latin(&name)))
        .collect();
    Ok(needles
        .iter()
        .map(|needle| {
            let one = |hits: Vec<i64>| (hits.len() == 1).then(|| hits[0]);
            one(found.iter().filter(|(_, n)| n == needle).map(|(id, _)| *id).collect())
                .or_else(|| one(found.iter().filter(|(_, n)| n.contains(needle.as_str())).map(|(id, _)| *id).collect()))
        })
        .collect())
}

/// Alerts the principal may read: its own organisation's, and for enforcement users those in
/// force that target them.
pub async fn list_alerts(db: &Db, principal: &Principal, limit: i64, offset: i64) -> AppResult<Vec<Alert>> {
    let now = db.now_ms();
    let mut out = Vec::new();
    if principal.is_platform_admin() {
        for row in sql::alerts_of(db.reader(), None, limit, offset).await? {
            out.push(to_alert(row, now)?);
        }
        return Ok(out);
    }
    if principal.org_kind.is_enforcement() {
        for row in sql::active_alerts(db.reader(), now).await? {
            let alert = to_alert(row.clone(), now)?;
            if row.owner_org_id != principal.org_id
                && allows(principal, Action::AlertRead, target_of(&row, &alert.sheet, principal))
            {
                out.push(alert);
            }
        }
    }
    for row in sql::alerts_of(db.reader(), Some(principal.org_id), limit, 0).await? {
        out.push(to_alert(row, now)?);
    }
    out.sort_by_key(|a| std::cmp::Reverse(a.id));
    Ok(out.into_iter().skip(offset as usize).take(limit as usize).collect())
}

/// An alert in a few words, as shown on a product card.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlertBrief {
    pub id: i64,
    pub title: Localized,
    pub description: Localized,
    /// The language of the texts shown to a reader whose language has no version.
    #[schema(value_type = String, example = "en")]
    pub fallback_language: Language,
    pub valid_from: String,
    pub valid_to: String,
}

/// Alerts in force the principal may read (those targeting their country or office) that
/// name the product, its brand, or the heading of its HS code; the most recent first.
pub async fn naming(
    db: &Db,
    principal: &Principal,
    brand_id: i64,
    product_id: Option<i64>,
    hs_code: Option<&str>,
) -> AppResult<Vec<AlertBrief>> {
    let now = db.now_ms();
    let hs_digits: Option<String> = hs_code.map(|h| h.chars().filter(char::is_ascii_digit).collect());
    let mut out = Vec::new();
    for (row, alert) in in_force(db, now).await?.iter() {
        // The memory may be up to a moment old: an alert that has just expired is left out.
        let names = alert.sheet.brand_ids.contains(&brand_id)
            || product_id.is_some_and(|p| alert.sheet.product_ids.contains(&p))
            || hs_digits.as_deref().is_some_and(|hs| {
                alert.sheet.hs_codes.iter().any(|a| {
                    let a: String = a.chars().filter(char::is_ascii_digit).collect();
                    !a.is_empty() && hs.starts_with(&a)
                })
            });
        if names
            && row.valid_from <= now
            && row.valid_to >= now
            && allows(principal, Action::AlertRead, target_of(row, &alert.sheet, principal))
        {
            out.push(AlertBrief {
                id: alert.id,
                title: alert.sheet.title.clone(),
                description: alert.sheet.description.clone(),
                fallback_language: alert.sheet.fallback_language,
                valid_from: format_ms(row.valid_from),
                valid_to: format_ms(row.valid_to),
            });
        }
    }
    out.sort_by_key(|a| std::cmp::Reverse(a.id));
    Ok(out)
}

/// The alerts in force, read again only after a write or once the memory is a moment old
/// (every lookup asks for them).
/// The alerts in force, their rows and parsed alerts, remembered under the key `()`.
type AlertsInForce = std::sync::Arc<Vec<(crate::store::cases::AlertRow, Alert)>>;

async fn in_force(db: &Db, now: i64) -> AppResult<AlertsInForce> {
    let epoch = db.write_epoch();
    let memory = db.caches.of::<Recent<(), AlertsInForce>>();
    if let Some(known) = memory.get(&(), epoch) {
        return Ok(known);
    }
    let mut alerts = Vec::new();
    for row in sql::active_alerts(db.reader(), now).await? {
        let alert = to_alert(row.clone(), now)?;
        alerts.push((row, alert));
    }
    let alerts = std::sync::Arc::new(alerts);
    memory.put((), epoch, alerts.clone());
    Ok(alerts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cases::{CaseParty, GoodsLine, Office};

    fn alert() -> AlertSheet {
        AlertSheet {
            title: "Fake bags via Le Havre".into(),
            description: "Shipments of counterfeit bags".into(),
            fallback_language: Language::En,
            brand_ids: vec![7],
            product_ids: vec![],
            target_countries: vec!["FR".into()],
            target_offices: vec![],
            transport_modes: vec![TransportMode::Sea],
            origin_countries: vec!["CN".into()],
            suspect_parties: vec!["Shenzhen Bright Trading Co., Ltd.".into()],
            containers: vec!["MSKU9070323".into()],
            transport_documents: vec![],
            hs_codes: vec!["4202".into()],
            valid_from: None,
            valid_to: "2027-12-31".into(),
        }
    }

    fn case(country: &str, mode: TransportMode, consignor: &str) -> CaseSheet {
        CaseSheet {
            office: Some(Office { code: "FR000690".into(), name: "Le Havre".into(), country: country.into() }),
            occurred_at: None,
            customs_procedure: None,
            transport_mode: Some(mode),
            origin_country: Some("CN".into()),
            departure_country: None,
            destination_country: None,
            containers: vec![],
            air_waybills: vec![],
            bills_of_lading: vec![],
            consignor: Some(CaseParty { name: consignor.into(), address: None, country: None }),
            consignee: None,
            declarant: None,
            goods: vec![GoodsLine {
                description: "bags".into(),
                quantity: 1.0,
                unit: "pieces".into(),
                hs_code: None,
                declared_value: None,
                currency: None,
                brand_id: None,
                product_id: None,
                brand_text: Some("X".into()),
            }],
            photos: vec![],
            notes: None,
        }
    }

    #[test]
    fn a_case_matches_on_normalised_party_names_within_the_alert_target() {
        let english = |reasons: Vec<Sentence>| -> Vec<String> {
            let tr = crate::i18n::Tr::new(crate::domain::types::Language::En);
            reasons.iter().map(|r| r.render(&tr)).collect()
        };
        let reasons =
            english(match_case(&alert(), &case("FR", TransportMode::Sea, "SHENZHEN BRIGHT TRADING CO LIMITED"), &[]));
        assert!(reasons.iter().any(|r| r.contains("is a suspect party")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("origin: CN")), "{reasons:?}");
        assert!(
            match_case(&alert(), &case("BE", TransportMode::Sea, "Shenzhen Bright Trading"), &[]).is_empty(),
            "another country"
        );
        assert!(
            match_case(&alert(), &case("FR", TransportMode::Air, "Shenzhen Bright Trading"), &[]).is_empty(),
            "another mode"
        );
        assert!(match_case(&alert(), &case("FR", TransportMode::Sea, "Someone Else"), &[]).is_empty());
        assert_eq!(
            english(match_case(&alert(), &case("FR", TransportMode::Sea, "Someone Else"), &[7])),
            vec!["brand no. 7", "origin: CN"]
        );
    }

    #[test]
    fn alerts_are_checked() {
        let now = 1_800_000_000_000;
        let mut a = alert();
        a.containers = vec!["MSKU9070324".into()];
        assert_eq!(a.validated(now).unwrap_err().to_string().split(':').next(), Some("invalid_container_number"));
        let mut a = alert();
        (a.brand_ids, a.suspect_parties, a.containers, a.hs_codes) = (vec![], vec![], vec![], vec![]);
        let err = a.validated(now).unwrap_err().to_string();
        assert!(err.starts_with("nothing_to_match"), "{err}");
        let mut a = alert();
        a.valid_to = "2020-01-01".into();
        assert!(a.validated(now).unwrap_err().to_string().starts_with("invalid_period"));
    }

    #[test]
    fn alert_texts_have_versions_and_plain_strings_are_the_fallbacks() {
        let now = 1_800_000_000_000;
        let mut a = alert();
        a.title = Localized::one("fr", "Faux sacs via Le Havre").with("es", "Bolsos falsos vía El Havre");
        a.fallback_language = Language::Fr;
        let (a, ..) = a.validated(now).unwrap();
        assert_eq!(a.title_as_written(), "Faux sacs via Le Havre");
        let old: AlertSheet = serde_json::from_value(serde_json::json!({
            "title": "Fake bags", "description": "Via Le Havre", "brand_ids": [7], "valid_to": "2027-12-31",
        }))
        .unwrap();
        assert_eq!(old.fallback_language, Language::En);
        assert_eq!(old.title.version("en", "en"), Some("Fake bags"));
        let mut blank = alert();
        blank.title = Localized::one("en", "  ");
        assert_eq!(blank.validated(now).unwrap_err().code(), ErrorCode::Required);
    }
}
