//! The case sheet: what an officer records about a detention, its validation, and the parts a
//! rights holder is shown.

use super::*;
use crate::error::ErrorCode;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// The office's reference, e.g. `FR000730`.
    pub code: String,
    pub name: String,
    /// ISO 3166-1 alpha-2; it decides the legal regime and the working-day calendar.
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseParty {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoodsLine {
    pub description: String,
    pub quantity: f64,
    /// e.g. `pieces`, `pairs`, `kg`.
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_value: Option<f64>,
    /// ISO 4217, e.g. `EUR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The brand in the catalog, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand_id: Option<i64>,
    /// The product in the catalog, when known (its brand is then implied).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<i64>,
    /// The brand as written on the goods, when it is not in the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand_text: Option<String>,
}

/// What an officer records about a detention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseSheet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Office>,
    /// When the goods were stopped (RFC 3339); the time of recording when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customs_procedure: Option<CustomsProcedure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport_mode: Option<TransportMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departure_country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_country: Option<String>,
    /// ISO 6346 container numbers (check digit verified).
    #[serde(default)]
    pub containers: Vec<String>,
    /// IATA air waybill numbers, 11 digits (check digit verified).
    #[serde(default)]
    pub air_waybills: Vec<String>,
    #[serde(default)]
    pub bills_of_lading: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consignor: Option<CaseParty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consignee: Option<CaseParty>,
    /// The declarant or holder of the goods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declarant: Option<CaseParty>,
    #[serde(default)]
    pub goods: Vec<GoodsLine>,
    /// Content hashes of uploaded photos (`POST /api/v1/media`).
    #[serde(default)]
    pub photos: Vec<String>,
    /// The administration's own notes; never shown to rights holders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

pub(super) fn country(field: &'static str, raw: &Option<String>) -> AppResult<Option<String>> {
    raw.as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(|c| CountryCode::parse(c).map(|c| c.as_str().to_string()).map_err(|e| with_field(e, field)))
        .transpose()
}

pub(super) fn with_field(e: AppError, field: &'static str) -> AppError {
    match e {
        AppError::Client(mut c) => {
            c.field = Some(field);
            AppError::Client(c)
        }
        other => other,
    }
}

/// An IATA air waybill: 3-digit airline prefix and an 8-digit serial whose last digit is the
/// first seven modulo 7.
/// An air waybill as it is printed and read: the airline's three-digit prefix, a dash, the
/// serial and its check digit (`157-12345675`). Anything not of 11 digits stays as it is.
pub fn air_waybill_printed(stored: &str) -> String {
    if stored.len() == 11 && stored.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}", &stored[..3], &stored[3..])
    } else {
        stored.to_string()
    }
}

pub fn air_waybill(raw: &str) -> Result<String, String> {
    let s: String = raw.chars().filter(|c| c.is_ascii_digit()).collect();
    if s.len() != 11 || raw.chars().any(|c| c.is_ascii_alphabetic()) {
        return Err(format!("'{raw}' is not an air waybill number: 11 digits, e.g. 020-12345675"));
    }
    let serial: u64 = s[3..10].parse().unwrap_or(0);
    let check = u64::from(s.as_bytes()[10] - b'0');
    if serial % 7 != check {
        return Err(format!("'{raw}' has the wrong check digit: {} modulo 7 is {}", &s[3..10], serial % 7));
    }
    Ok(s)
}

impl CaseSheet {
    /// The sheet checked and normalised, or every problem found in it at once (a form shows each
    /// beside its field).
    pub fn validated(mut self) -> AppResult<CaseSheet> {
        let mut p = crate::error::Problems::default();
        match self.office.take() {
            None => {
                p.push(invalid("office", ErrorCode::Required, "Say at which customs office the goods were detained."))
            }
            Some(office) => {
                let code = p.keep(required_text("office_code", &office.code, 40));
                let name = p.keep(required_text("office_name", &office.name, 200));
                let country = p.keep(country("office_country", &Some(office.country)).and_then(|c| {
                    c.ok_or_else(|| invalid("office_country", ErrorCode::Required, "Give the office's country."))
                }));
                if let (Some(code), Some(name), Some(country)) = (code, name, country) {
                    self.office = Some(Office { code, name, country });
                }
            }
        }
        if let Some(at) = &self.occurred_at {
            p.keep(time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339).map_err(|_| {
                invalid(
                    "occurred_at",
                    ErrorCode::InvalidTime,
                    format!("'{at}' is not a time such as 2026-11-29T08:30:00Z."),
                )
            }));
        }
        self.origin_country = p.keep(country("origin_country", &self.origin_country)).flatten();
        self.departure_country = p.keep(country("departure_country", &self.departure_country)).flatten();
        self.destination_country = p.keep(country("destination_country", &self.destination_country)).flatten();
        if self.containers.len() > 100 || self.air_waybills.len() > 100 || self.bills_of_lading.len() > 100 {
            p.push(invalid(
                "containers",
                ErrorCode::TooMany,
                "At most 100 containers, air waybills and bills of lading each.",
            ));
        }
        self.containers = self
            .containers
            .iter()
            .filter_map(|c| {
                p.keep(
                    normalize::container_number(c)
                        .map_err(|m| invalid("containers", ErrorCode::InvalidContainerNumber, m)),
                )
            })
            .collect();
        self.air_waybills = self
            .air_waybills
            .iter()
            .filter_map(|c| {
                p.keep(air_waybill(c).map_err(|m| invalid("air_waybills", ErrorCode::InvalidAirWaybill, m)))
            })
            .collect();
        self.bills_of_lading = self
            .bills_of_lading
            .iter()
            .filter_map(|b| {
                p.keep(
                    normalize::bill_of_lading(b)
                        .map_err(|m| invalid("bills_of_lading", ErrorCode::InvalidBillOfLading, m)),
                )
            })
            .collect();
        for (field, party) in
            [("consignor", &mut self.consignor), ("consignee", &mut self.consignee), ("declarant", &mut self.declarant)]
        {
            if let Some(party) = party {
                party.name = p.keep(required_text(field, &party.name, 200)).unwrap_or_default();
                party.address = party.address.as_deref().and_then(|a| p.keep(required_text(field, a, 500)));
                party.country = p.keep(country(field, &party.country)).flatten();
            }
        }
        if self.goods.is_empty() {
            p.push(invalid("goods", ErrorCode::Required, "Describe at least one line of goods."));
        }
        if self.goods.len() > 200 {
            p.push(invalid("goods", ErrorCode::TooMany, "At most 200 lines of goods per case."));
        }
        for g in &mut self.goods {
            g.description = p.keep(required_text("goods", &g.description, 500)).unwrap_or_default();
            g.unit = p.keep(required_text("unit", &g.unit, 20)).unwrap_or_default();
            if !(g.quantity.is_finite() && g.quantity > 0.0 && g.quantity < 1e12) {
                p.push(invalid("quantity", ErrorCode::InvalidQuantity, "Each quantity must be a positive number."));
            }
            g.hs_code = g.hs_code.as_deref().filter(|h| !h.trim().is_empty()).and_then(|h| p.keep(parse_hs_code(h)));
            if let Some(v) = g.declared_value {
                if !(0.0..1e15).contains(&v) {
                    p.push(invalid(
                        "declared_value",
                        ErrorCode::InvalidValue,
                        "A declared value must be zero or more.",
                    ));
                }
            }
            if let Some(c) = &g.currency {
                let c = c.trim().to_ascii_uppercase();
                if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                    p.push(invalid(
                        "currency",
                        ErrorCode::InvalidCurrency,
                        format!("'{c}' is not an ISO 4217 currency code such as EUR."),
                    ));
                }
                g.currency = Some(c);
            }
            g.brand_text = g
                .brand_text
                .as_deref()
                .filter(|t| !t.trim().is_empty())
                .and_then(|t| p.keep(required_text("brand_text", t, 200)));
        }
        if self.photos.len() > 50 || self.photos.iter().any(|h| !media::is_valid_hash(h)) {
            p.push(invalid(
                "photos",
                ErrorCode::InvalidPhoto,
                "Photos are the hashes that POST /api/v1/media returned (at most 50).",
            ));
        }
        self.photos = self.photos.iter().map(|h| h.to_ascii_lowercase()).collect();
        self.notes = self
            .notes
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .and_then(|n| p.keep(required_text("notes", n, 5000)));
        p.finish()?;
        Ok(self)
    }

    pub(super) fn office_country(&self) -> &str {
        self.office.as_ref().map(|o| o.country.as_str()).unwrap_or("")
    }

    /// Only the parts the disclosure rule lets a rights holder see.
    pub fn disclosed(&self, parts: &[String]) -> CaseSheet {
        let has = |p: &str| parts.iter().any(|x| x == p);
        let party = |p: &Option<CaseParty>| {
            p.as_ref().map(|p| CaseParty { name: p.name.clone(), address: None, country: p.country.clone() })
        };
        CaseSheet {
            office: if has("office") {
                self.office.clone()
            } else {
                self.office.as_ref().map(|o| Office {
                    code: String::new(),
                    name: String::new(),
                    country: o.country.clone(),
                })
            },
            occurred_at: self.occurred_at.clone(),
            customs_procedure: if has("route") { self.customs_procedure } else { None },
            transport_mode: if has("route") { self.transport_mode } else { None },
            origin_country: if has("route") { self.origin_country.clone() } else { None },
            departure_country: if has("route") { self.departure_country.clone() } else { None },
            destination_country: if has("route") { self.destination_country.clone() } else { None },
            containers: if has("transport") { self.containers.clone() } else { Vec::new() },
            air_waybills: if has("transport") { self.air_waybills.clone() } else { Vec::new() },
            bills_of_lading: if has("transport") { self.bills_of_lading.clone() } else { Vec::new() },
            consignor: if has("parties") { party(&self.consignor) } else { None },
            consignee: if has("parties") { party(&self.consignee) } else { None },
            declarant: if has("parties") { party(&self.declarant) } else { None },
            goods: if has("goods") {
                self.goods
                    .iter()
                    .map(|g| GoodsLine {
                        quantity: if has("quantities") { g.quantity } else { 0.0 },
                        unit: if has("quantities") { g.unit.clone() } else { String::new() },
                        declared_value: if has("values") { g.declared_value } else { None },
                        currency: if has("values") { g.currency.clone() } else { None },
                        ..g.clone()
                    })
                    .collect()
            } else {
                Vec::new()
            },
            photos: if has("goods") { self.photos.clone() } else { Vec::new() },
            notes: None,
        }
    }
}

pub(super) fn goods_summary(sheet: &CaseSheet) -> String {
    sheet.goods.iter().map(|g| format!("{} {} {}", g.quantity, g.unit, g.description)).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn air_waybills_carry_a_mod_7_check_digit() {
        assert_eq!(air_waybill("020-12345675").unwrap(), "02012345675");
        assert_eq!(air_waybill_printed("02012345675"), "020-12345675", "shown as printed");
        assert!(air_waybill("020-12345676").unwrap_err().contains("check digit"));
        assert!(air_waybill("AB-1").is_err());
    }

    #[test]
    fn a_rights_holder_sees_only_the_disclosed_parts() {
        let sheet = CaseSheet {
            office: Some(Office { code: "FR000730".into(), name: "Roissy".into(), country: "FR".into() }),
            occurred_at: None,
            customs_procedure: Some(CustomsProcedure::Import),
            transport_mode: Some(TransportMode::Air),
            origin_country: Some("CN".into()),
            departure_country: None,
            destination_country: Some("FR".into()),
            containers: vec!["MSKU9070323".into()],
            air_waybills: vec![],
            bills_of_lading: vec![],
            consignor: Some(CaseParty {
                name: "Acme".into(),
                address: Some("1 Road".into()),
                country: Some("CN".into()),
            }),
            consignee: None,
            declarant: None,
            goods: vec![GoodsLine {
                description: "bags".into(),
                quantity: 40.0,
                unit: "pieces".into(),
                hs_code: None,
                declared_value: Some(800.0),
                currency: Some("EUR".into()),
                brand_id: Some(1),
                product_id: None,
                brand_text: None,
            }],
            photos: vec![],
            notes: Some("internal".into()),
        };
        let shown = sheet
            .disclosed(&crate::domain::regime::DEFAULT_DISCLOSURE.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(shown.notes, None);
        assert_eq!(shown.containers, Vec::<String>::new(), "transport documents are not in the default rule");
        assert_eq!(shown.goods[0].declared_value, None, "values are not in the default rule");
        assert_eq!(shown.goods[0].quantity, 40.0);
        assert_eq!(shown.consignor.as_ref().map(|p| p.name.as_str()), Some("Acme"));
        assert_eq!(shown.consignor.as_ref().and_then(|p| p.address.clone()), None, "names only");
        assert_eq!(shown.origin_country.as_deref(), Some("CN"));
        let nothing = sheet.disclosed(&["goods".to_string()]);
        assert_eq!(nothing.goods[0].quantity, 0.0);
        assert!(nothing.consignor.is_none());
    }
}
