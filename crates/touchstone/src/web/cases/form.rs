//! The detention form: what an officer types, kept as typed when the domain refuses it, and
//! turned into the domain's [`NewCase`].

use super::*;
use crate::error::ErrorCode;
use crate::web::upload;
use axum::extract::{FromRequest, Multipart, Request};

#[derive(Default, Clone)]
struct LineForm {
    description: String,
    quantity: String,
    unit: String,
    hs_code: String,
    declared_value: String,
    currency: String,
    product_id: String,
    brand: String,
    /// The catalog product the line names, as the reader sees it.
    product_label: Option<String>,
}

impl LineForm {
    fn is_blank(&self) -> bool {
        [&self.description, &self.quantity, &self.hs_code, &self.declared_value, &self.product_id, &self.brand]
            .iter()
            .all(|v| v.trim().is_empty())
    }
}

#[derive(Default, Clone)]
struct PartyForm {
    role: &'static str,
    name: String,
    address: String,
    country: String,
}

#[derive(Default, Clone)]
struct CaseForm {
    idempotency_key: String,
    case_type: String,
    detain: bool,
    office_code: String,
    office_name: String,
    office_country: String,
    occurred_at: String,
    customs_procedure: String,
    transport_mode: String,
    origin_country: String,
    departure_country: String,
    destination_country: String,
    containers: String,
    air_waybills: String,
    bills_of_lading: String,
    parties: Vec<PartyForm>,
    goods: Vec<LineForm>,
    notes: String,
    /// Photos of the goods already stored (content hashes): sent again as hidden fields, so a
    /// form shown back with a problem keeps them without a second upload.
    photos: Vec<String>,
}

const PARTIES: [&str; 3] = ["consignor", "consignee", "declarant"];

/// A decimal number as people type it, with a point or a comma.
fn decimal(field: &'static str, raw: &str) -> Result<Option<f64>, AppError> {
    let t = raw.trim().replace([' ', '\u{a0}'], "").replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<f64>().map(Some).map_err(|_| {
        AppError::invalid(
            field,
            ErrorCode::InvalidNumber,
            format!("'{}' is not a number such as 40 or 12.50.", raw.trim()),
        )
    })
}

impl CaseForm {
    /// An empty form; the office is the one the officer gave on their account page, if any.
    fn blank(p: &Principal, me: Option<&crate::domain::directory::User>) -> CaseForm {
        CaseForm {
            idempotency_key: form_token(),
            office_code: me.and_then(|u| u.office_code.clone()).unwrap_or_default(),
            office_name: me.and_then(|u| u.office_name.clone()).unwrap_or_default(),
            case_type: CaseType::Standard.as_str().into(),
            // Detaining notifies the rights holder: a deliberate step, never the default.
            detain: false,
            office_country: p.org_country.clone(),
            parties: PARTIES.iter().map(|r| PartyForm { role: r, ..Default::default() }).collect(),
            goods: vec![LineForm::default(); FIRST_LINES],
            ..Default::default()
        }
    }

    fn from_pairs(pairs: &[(String, String)]) -> CaseForm {
        let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
        let lines = get("lines").parse::<usize>().unwrap_or(FIRST_LINES).clamp(1, MAX_LINES);
        CaseForm {
            idempotency_key: get("idempotency_key"),
            case_type: get("case_type"),
            detain: pairs.iter().any(|(k, v)| k == "save" && v == "detain"),
            office_code: get("office_code"),
            office_name: get("office_name"),
            office_country: get("office_country"),
            occurred_at: get("occurred_at"),
            customs_procedure: get("customs_procedure"),
            transport_mode: get("transport_mode"),
            origin_country: get("origin_country"),
            departure_country: get("departure_country"),
            destination_country: get("destination_country"),
            containers: get("containers"),
            air_waybills: get("air_waybills"),
            bills_of_lading: get("bills_of_lading"),
            parties: PARTIES
                .iter()
                .map(|r| PartyForm {
                    role: r,
                    name: get(&format!("{r}_name")),
                    address: get(&format!("{r}_address")),
                    country: get(&format!("{r}_country")),
                })
                .collect(),
            goods: (0..lines)
                .map(|i| {
                    let f = |name: &str| get(&format!("goods_{i}_{name}"));
                    LineForm {
                        description: f("description"),
                        quantity: f("quantity"),
                        unit: f("unit"),
                        hs_code: f("hs_code"),
                        declared_value: f("declared_value"),
                        currency: f("currency"),
                        product_id: f("product_id"),
                        brand: f("brand"),
                        product_label: None,
                    }
                })
                .collect(),
            notes: get("notes"),
            photos: {
                let mut photos: Vec<String> = Vec::new();
                for (_, h) in pairs.iter().filter(|(k, _)| k == "photo") {
                    let h = h.trim().to_ascii_lowercase();
                    if media::is_valid_hash(&h) && !photos.contains(&h) && photos.len() < MAX_PHOTOS {
                        photos.push(h);
                    }
                }
                photos
            },
        }
    }

    /// What the domain is asked to record; only the form's own syntax is checked here.
    /// The case the form describes, or every problem of the form at once: what the form itself
    /// cannot read (a number, a choice), and what the case's own checks refuse.
    fn to_new_case(&self, tr: &Tr) -> Result<NewCase, AppError> {
        let mut problems = crate::error::Problems::default();
        let case_type = problems
            .keep(
                CaseType::parse(&self.case_type)
                    .ok_or_else(|| AppError::invalid("case_type", ErrorCode::Required, "Choose the type of case.")),
            )
            .unwrap_or(CaseType::Standard);
        let customs_procedure = match self.customs_procedure.trim() {
            "" => None,
            v => problems.keep(CustomsProcedure::parse(v).ok_or_else(|| {
                AppError::invalid("customs_procedure", ErrorCode::InvalidProcedure, "Choose import, export or transit.")
            })),
        };
        let transport_mode = match self.transport_mode.trim() {
            "" => None,
            v => problems.keep(TransportMode::parse(v).ok_or_else(|| {
                AppError::invalid("transport_mode", ErrorCode::InvalidTransportMode, "Choose a mode of transport.")
            })),
        };
        // A datetime-local field gives 2026-11-29T08:30, on the officer's clock.
        let occurred_at = optional(&self.occurred_at).map(|t| tr.local_input(&t));
        let parties: Vec<Option<CaseParty>> = self
            .parties
            .iter()
            .map(|p| {
                let any = [&p.name, &p.address, &p.country].iter().any(|v| !v.trim().is_empty());
                any.then(|| CaseParty {
                    name: p.name.trim().to_string(),
                    address: optional(&p.address),
                    country: optional(&p.country),
                })
            })
            .collect();
        let mut goods = Vec::new();
        for line in self.goods.iter().filter(|l| !l.is_blank()) {
            // A quantity the form cannot read is told once, here; the case's checks then see a
            // placeholder that passes.
            let quantity = problems
                .keep(decimal("quantity", &line.quantity).and_then(|q| {
                    q.ok_or_else(|| {
                        AppError::invalid(
                            "quantity",
                            ErrorCode::InvalidQuantity,
                            "Each quantity must be a positive number.",
                        )
                    })
                }))
                .unwrap_or(1.0);
            let product_id = match line.product_id.trim() {
                "" => None,
                v => problems.keep(parse_id(v).ok_or_else(|| {
                    AppError::invalid(
                        "product_id",
                        ErrorCode::UnknownProduct,
                        format!("'{v}' is not a product number."),
                    )
                })),
            };
            let brand = line.brand.trim();
            let (brand_id, brand_text) = match parse_id(brand) {
                Some(id) => (Some(id), None),
                None => (None, optional(brand)),
            };
            goods.push(GoodsLine {
                description: line.description.clone(),
                quantity,
                unit: line.unit.clone(),
                hs_code: optional(&line.hs_code),
                declared_value: problems.keep(decimal("declared_value", &line.declared_value)).flatten(),
                currency: optional(&line.currency),
                brand_id,
                product_id,
                brand_text,
            });
        }
        let [consignor, consignee, declarant]: [Option<CaseParty>; 3] =
            parties.try_into().unwrap_or([None, None, None]);
        let new = NewCase {
            case_type,
            detain: self.detain,
            sheet: CaseSheet {
                office: Some(Office {
                    code: self.office_code.clone(),
                    name: self.office_name.clone(),
                    country: self.office_country.clone(),
                }),
                occurred_at,
                customs_procedure,
                transport_mode,
                origin_country: optional(&self.origin_country),
                departure_country: optional(&self.departure_country),
                destination_country: optional(&self.destination_country),
                containers: one_per_line(&self.containers),
                air_waybills: one_per_line(&self.air_waybills),
                bills_of_lading: one_per_line(&self.bills_of_lading),
                consignor,
                consignee,
                declarant,
                goods,
                photos: self.photos.clone(),
                notes: optional(&self.notes),
            },
        };
        if let Some(form_problems) = AppError::all(std::mem::take(&mut problems).into_errors()) {
            let mut all = form_problems.problems();
            if let Err(e) = new.sheet.clone().validated() {
                all.extend(e.problems());
            }
            return Err(AppError::all(all).unwrap_or(form_problems));
        }
        Ok(new)
    }
}

/// The form's fields from top to bottom.
const FIELD_ORDER: &[&str] = &[
    "office",
    "office_code",
    "office_name",
    "office_country",
    "occurred_at",
    "case_type",
    "customs_procedure",
    "transport_mode",
    "origin_country",
    "departure_country",
    "destination_country",
    "containers",
    "air_waybills",
    "bills_of_lading",
    "consignor",
    "consignee",
    "declarant",
    "goods",
    "quantity",
    "unit",
    "hs_code",
    "declared_value",
    "currency",
    "product_id",
    "brand_id",
    "brand_text",
    "notes",
    "photos",
    "confirm_detain",
];

/// Fields of a goods line: their errors are shown above the lines.
const GOODS_FIELDS: &[&str] =
    &["goods", "quantity", "unit", "hs_code", "declared_value", "currency", "product_id", "brand_id", "brand_text"];

#[derive(Template)]
#[template(path = "cases_new.html")]
struct NewCasePage {
    layout: Layout,
    form: CaseForm,
    /// Every problem of the form, in the form's order of fields; the first gets the focus.
    errors: Vec<FieldError>,
    case_types: &'static [CaseType],
    procedures: &'static [CustomsProcedure],
    modes: &'static [TransportMode],
    /// The reader gave their office on their account page: the form says where it came from.
    office_in_profile: bool,
}

impl NewCasePage {
    /// The message to show beside `field`, if the error is about it.
    fn err(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|e| e.on(field)).map(|e| e.message.as_str())
    }
    /// The problems of the goods lines, each once.
    fn goods_errs(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for e in self.errors.iter().filter(|e| GOODS_FIELDS.iter().any(|f| *f == e.field)) {
            if !out.contains(&e.message.as_str()) {
                out.push(&e.message);
            }
        }
        out
    }
    /// The attributes of a field the refusal is about: marked invalid, tied to its message, and
    /// focused when it is the first.
    fn marks(&self, field: &str) -> String {
        match self.errors.iter().position(|e| e.on(field)) {
            Some(0) => format!(" aria-invalid=\"true\" aria-describedby=\"{field}-error\" autofocus"),
            Some(_) => format!(" aria-invalid=\"true\" aria-describedby=\"{field}-error\""),
            None => String::new(),
        }
    }
}

/// Names the catalog products the lines refer to, as the reader may see them.
async fn label_products(s: &AppState, p: &Principal, tr: &Tr, form: &mut CaseForm) {
    for line in &mut form.goods {
        line.product_label = None;
        if let Some(id) = parse_id(&line.product_id) {
            if let Ok(card) = catalog::product_card(&s.db, p, id).await {
                line.product_label = Some(format!("{} — {}", card.name(tr.code()), card.brand_name));
            }
        }
    }
}

async fn render_form(
    ctx: Ctx,
    s: &AppState,
    p: &Principal,
    mut form: CaseForm,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Response {
    label_products(s, p, &ctx.layout.tr, &mut form).await;
    let layout = clone_layout(&ctx.layout);
    let office_in_profile = layout.me.as_ref().is_some_and(|u| u.office_code.is_some() || u.office_name.is_some());
    ctx.render(
        status,
        NewCasePage {
            layout,
            form,
            errors,
            case_types: CaseType::ALL,
            procedures: CustomsProcedure::ALL,
            modes: TransportMode::ALL,
            office_in_profile,
        },
    )
}

#[derive(Deserialize, Default)]
pub(super) struct NewCaseQuery {
    product_id: Option<String>,
}

pub(super) async fn new_case_page(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    q: Result<Query<NewCaseQuery>, QueryRejection>,
) -> Response {
    if !cases::may_create(&p) {
        return ctx.error_page(AppError::forbidden());
    }
    let mut form = CaseForm::blank(&p, ctx.layout.me.as_ref());
    let mut errors = Vec::new();
    if let Some(raw) = q.ok().and_then(|Query(q)| q.product_id).filter(|v| !v.trim().is_empty()) {
        let found = match parse_id(&raw) {
            Some(id) => catalog::product_card(&s.db, &p, id).await.map(|c| (id, c)),
            None => Err(AppError::not_found("product")),
        };
        match found {
            Ok((id, card)) => {
                let line = &mut form.goods[0];
                line.product_id = id.to_string();
                line.description = card.name(ctx.layout.tr.code()).to_string();
                line.hs_code = card.sheet.hs_code.clone().unwrap_or_default();
                line.unit = ctx.layout.tr.t("cases.default_unit").to_string();
                if let Some(prices) = &card.sheet.prices {
                    line.currency = prices.currency.clone();
                }
            }
            Err(e) => errors.push(FieldError {
                field: "product_id".into(),
                message: ctx.layout.tr.error_of(&e),
                status: e.status(),
            }),
        }
    }
    render_form(ctx, &s, &p, form, errors, StatusCode::OK).await
}

/// Photos one sending of the form may carry (the case holds at most 50).
const MAX_PHOTOS: usize = 20;
/// A text field of the multipart form (notes and addresses are the longest).
const MAX_TEXT_FIELD: usize = 64 * 1024;
/// Fields of the multipart form, files included (50 goods lines of 8 fields, and the rest).
const MAX_FIELDS: usize = 600;

/// The detention form as sent: its fields, and the photos of the goods attached to it.
struct SentForm {
    pairs: Vec<(String, String)>,
    photos: Vec<Vec<u8>>,
}

/// Reads the form: URL-encoded (no photo chosen is also sent so by older pages and scripts),
/// or multipart with the photos, each up to the media limit plus one byte (so that the media
/// check tells an oversized file apart), at most [`MAX_PHOTOS`] and four media limits in all.
/// Either way the session's CSRF token must come with it.
async fn read_form(ctx: &Ctx, s: &AppState, req: Request) -> Result<SentForm, PageError> {
    let multipart = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !multipart {
        let CsrfForm(pairs) = CsrfForm::<Vec<(String, String)>>::from_request(req, s).await?;
        return Ok(SentForm { pairs, photos: Vec::new() });
    }
    let unreadable = || PageError(upload::unreadable_form());
    let mut multipart = Multipart::from_request(req, s).await.map_err(|_| unreadable())?;
    let max_file = s.config.max_upload_bytes;
    let (mut sent, mut fields, mut file_bytes) = (SentForm { pairs: Vec::new(), photos: Vec::new() }, 0, 0usize);
    while let Some(mut field) = multipart.next_field().await.map_err(|_| unreadable())? {
        fields += 1;
        if fields > MAX_FIELDS {
            return Err(unreadable());
        }
        let name = field.name().unwrap_or("").to_string();
        let is_photo = name == "photos";
        let limit = if is_photo { max_file + 1 } else { MAX_TEXT_FIELD };
        let buf = upload::capped(&mut field, limit).await?;
        if is_photo {
            // A file field left empty is sent as an empty part.
            if buf.is_empty() {
                continue;
            }
            file_bytes += buf.len();
            if sent.photos.len() == MAX_PHOTOS || file_bytes > 4 * max_file {
                return Err(PageError(crate::api::too_large()));
            }
            sent.photos.push(buf);
        } else {
            sent.pairs.push((name, String::from_utf8_lossy(&buf).into_owned()));
        }
    }
    let given = sent.pairs.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str()).unwrap_or("");
    if !upload::csrf_ok(&ctx.layout.csrf, given) {
        return Err(PageError(upload::csrf_refused()));
    }
    Ok(sent)
}

/// Stores the photos sent with the form (each checked, cleaned of its metadata and kept once
/// by content) and adds them to the form's; a photo refused is told beside the photo field.
async fn store_photos(
    s: &AppState,
    p: &Principal,
    tr: &Tr,
    form: &mut CaseForm,
    photos: Vec<Vec<u8>>,
) -> Option<FieldError> {
    for bytes in photos {
        match crate::domain::media::upload(&s.db, &s.media, p, bytes).await {
            Ok(stored) => {
                if !form.photos.contains(&stored.hash) && form.photos.len() < MAX_PHOTOS {
                    form.photos.push(stored.hash);
                }
            }
            Err(e) => return Some(FieldError { field: "photos".into(), message: tr.error_of(&e), status: e.status() }),
        }
    }
    None
}

pub(super) async fn create_case(
    SignedIn { ctx, principal: p }: SignedIn,
    State(s): State<AppState>,
    req: Request,
) -> PageResult {
    if !cases::may_create(&p) {
        return Err(PageError(AppError::forbidden()));
    }
    let SentForm { pairs, photos } = read_form(&ctx, &s, req).await?;
    let mut form = CaseForm::from_pairs(&pairs);
    if form.idempotency_key.is_empty() {
        form.idempotency_key = form_token();
    }
    if let Some(refused) = store_photos(&s, &p, &ctx.layout.tr, &mut form, photos).await {
        let status = refused.status;
        return Ok(render_form(ctx, &s, &p, form, vec![refused], status).await);
    }
    Ok(create_from(ctx, s, p, form, &pairs).await)
}

async fn create_from(ctx: Ctx, s: AppState, p: Principal, mut form: CaseForm, pairs: &[(String, String)]) -> Response {
    if pairs.iter().any(|(k, _)| k == "add_line") {
        if form.goods.len() < MAX_LINES {
            form.goods.push(LineForm::default());
        }
        return render_form(ctx, &s, &p, form, Vec::new(), StatusCode::OK).await;
    }
    // Only the two buttons record anything. Enter in a field presses the form's first button,
    // a hidden "review" that shows the form again as typed: a misplaced Enter saves nothing
    // and notifies nobody.
    let save = pairs.iter().find(|(k, _)| k == "save").map(|(_, v)| v.as_str());
    match save {
        Some("draft") => {}
        Some("detain") if pairs.iter().any(|(k, _)| k == "confirm_detain") => {}
        Some("detain") => {
            let error = FieldError {
                field: "confirm_detain".into(),
                message: ctx.layout.tr.t("cases.confirm_detain_required").to_string(),
                status: StatusCode::UNPROCESSABLE_ENTITY,
            };
            return render_form(ctx, &s, &p, form, vec![error], StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        _ => return render_form(ctx, &s, &p, form, Vec::new(), StatusCode::OK).await,
    }
    let result = match form.to_new_case(&ctx.layout.tr) {
        Ok(input) => cases::create_case(&s.db, &s.legal, &p, input, Some(&form.idempotency_key)).await,
        Err(e) => Err(e),
    };
    match result {
        Ok((case, _)) => Redirect::to(&format!("/cases/{}", case.id)).into_response(),
        Err(e) if shown_in_place(&e) => {
            if e.code() == ErrorCode::IdempotencyKeyReused {
                // The key belongs to a case recorded from this form before; this is a new one.
                form.idempotency_key = form_token();
            }
            let tr = ctx.layout.tr;
            let mut errors: Vec<FieldError> = e.problems().iter().map(|p| FieldError::from_error(&tr, p)).collect();
            // The first problem in the form's order gets the focus.
            errors.sort_by_key(|f| FIELD_ORDER.iter().position(|o| *o == f.field).unwrap_or(FIELD_ORDER.len()));
            render_form(ctx, &s, &p, form, errors, e.status()).await
        }
        Err(e) => ctx.error_page(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_with_a_point_or_a_comma() {
        assert_eq!(decimal("quantity", "12,5").unwrap(), Some(12.5));
        assert_eq!(decimal("quantity", " 1 000 ").unwrap(), Some(1000.0));
        assert_eq!(decimal("quantity", "").unwrap(), None);
        assert_eq!(decimal("quantity", "many").unwrap_err().field(), Some("quantity"));
    }

    #[test]
    fn the_form_keeps_what_was_typed_and_skips_blank_lines() {
        let pairs: Vec<(String, String)> = [
            ("case_type", "perishable"),
            ("office_code", "FR000730"),
            ("office_name", "Roissy"),
            ("office_country", "FR"),
            ("containers", "MSKU 907032-3\n\n"),
            ("consignor_name", "Acme"),
            ("goods_0_description", "bags"),
            ("goods_0_quantity", "40"),
            ("goods_0_unit", "pieces"),
            ("goods_0_brand", "Lumière"),
            ("lines", "2"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let form = CaseForm::from_pairs(&pairs);
        assert_eq!(form.goods.len(), 2);
        assert!(!form.detain);
        let new = form.to_new_case(&Tr::new(crate::domain::types::Language::En)).unwrap();
        assert_eq!(new.case_type, CaseType::Perishable);
        assert_eq!(new.sheet.containers, vec!["MSKU 907032-3"]);
        assert_eq!(new.sheet.goods.len(), 1);
        assert_eq!(new.sheet.goods[0].brand_text.as_deref(), Some("Lumière"));
        assert_eq!(new.sheet.consignor.as_ref().map(|p| p.name.as_str()), Some("Acme"));
        assert!(new.sheet.consignee.is_none());
    }
}
