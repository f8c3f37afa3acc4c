//! Recording a detention and editing its sheet: idempotent creation, the brands the goods name,
//! and the alerts the sheet matches.

use super::*;
use crate::error::{ErrorCode, ErrorKind};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCase {
    pub case_type: CaseType,
    pub sheet: CaseSheet,
    /// Detain at once (the parties are notified in the same transaction).
    #[serde(default)]
    pub detain: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseUpdate {
    /// The version read; a save over a newer version is refused with 409.
    pub version: i64,
    pub case_type: CaseType,
    pub sheet: CaseSheet,
}

/// Refuses photos the principal may not name (not stored, or not readable by it).
pub(super) async fn check_photos(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    sheet: &CaseSheet,
) -> AppResult<()> {
    let photos: Vec<&str> = sheet.photos.iter().map(String::as_str).collect();
    crate::domain::media::check_usable(db, Some(rules), principal, "photos", &photos).await
}

pub(super) fn hash_request(case_type: CaseType, sheet: &CaseSheet, detain: bool) -> String {
    let text = serde_json::to_string(&(case_type.as_str(), sheet, detain)).unwrap_or_default();
    data_encoding::HEXLOWER.encode(&Sha256::digest(text.as_bytes()))
}

/// The brands the goods lines name, checked against the published catalog: `(brand, owner)`.
pub(super) async fn resolve_brands(db: &Db, sheet: &mut CaseSheet) -> AppResult<Vec<(i64, i64)>> {
    let mut brands = Vec::new();
    for g in &mut sheet.goods {
        if let Some(product_id) = g.product_id {
            let product = store::catalog::get_product(db.reader(), product_id)
                .await?
                .filter(|p| p.published)
                .ok_or_else(|| {
                    invalid(
                        "product_id",
                        ErrorCode::UnknownProduct,
                        format!("No published product has the id {product_id}."),
                    )
                })?;
            g.brand_id = Some(product.brand_id);
        }
        if let Some(brand_id) = g.brand_id {
            let brand =
                store::catalog::get_brand(db.reader(), brand_id).await?.filter(|b| b.published).ok_or_else(|| {
                    invalid("brand_id", ErrorCode::UnknownBrand, format!("No published brand has the id {brand_id}."))
                })?;
            if !brands.iter().any(|(b, _)| *b == brand.id) {
                brands.push((brand.id, brand.owner_organisation_id));
            }
        } else if g.brand_text.is_none() {
            return Err(invalid(
                "brand_id",
                ErrorCode::BrandRequired,
                "Name the brand of each line: from the catalog, or as written on the goods.",
            ));
        }
    }
    Ok(brands)
}

/// Whether the principal may record detentions (the pages offer the form).
pub fn may_create(principal: &Principal) -> bool {
    allows(principal, Action::CaseCreate, Target::Organisation { org_id: principal.org_id })
}

/// Records a detention. With an idempotency key, repeating the same request returns the case
/// it created (`false`: not created now) instead of creating a second one.
pub async fn create_case(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    input: NewCase,
    idempotency_key: Option<&str>,
) -> AppResult<(Case, bool)> {
    check(principal, Action::CaseCreate, Target::Organisation { org_id: principal.org_id })?;
    if let Some(k) = idempotency_key {
        if k.is_empty() || k.len() > 200 || !k.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(AppError::client(
                ErrorKind::BadRequest,
                ErrorCode::InvalidIdempotencyKey,
                "An Idempotency-Key is 1 to 200 visible ASCII characters, e.g. a UUID.",
            ));
        }
    }
    let mut sheet = input.sheet.validated()?;
    check_photos(db, rules, principal, &sheet).await?;
    let request_hash = hash_request(input.case_type, &sheet, input.detain);
    if let Some(k) = idempotency_key {
        if let Some(existing) = sql::find_by_idempotency_key(db.reader(), principal.user_id, k).await? {
            return replay(db, rules, principal, existing, &request_hash).await;
        }
    }
    let regime = rules.regime_for_country(sheet.office_country());
    if input.case_type == CaseType::SmallConsignment && !regime.procedures.contains_key("small_consignment") {
        return Err(invalid(
            "case_type",
            ErrorCode::NoSmallConsignmentProcedure,
            format!("{} has no small-consignment procedure; record a standard case.", regime.name),
        ));
    }
    let brands = resolve_brands(db, &mut sheet).await?;
    let now = db.now_ms();
    let text = serde_json::to_string(&sheet).map_err(anyhow::Error::from)?;
    let mut tx = db.begin().await?;
    let new = sql::NewCaseRow {
        org_id: principal.org_id,
        created_by: principal.user_id,
        office_country: sheet.office_country(),
        regime_id: &regime.id,
        case_type: input.case_type.as_str(),
        sheet: &text,
        idempotency_key,
        request_hash: &request_hash,
        now,
    };
    let id = match sql::insert_case(&mut tx, &new).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) && idempotency_key.is_some() => {
            // The same request raced itself; the first one won.
            drop(tx);
            let existing =
                sql::find_by_idempotency_key(db.reader(), principal.user_id, idempotency_key.unwrap_or_default())
                    .await?
                    .ok_or_else(|| AppError::Internal(anyhow::anyhow!("idempotent case vanished")))?;
            return replay(db, rules, principal, existing, &request_hash).await;
        }
        Err(e) => return Err(e.into()),
    };
    sql::replace_brands(&mut tx, id, &brands).await?;
    store::media::replace_uses(&mut tx, UseKind::Case, id, sheet.photos.iter().map(String::as_str)).await?;
    sql::add_event(&mut tx, id, &principal.label, "created", "{}", now).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.create", "case", id)
            .detail(serde_json::json!({"case_type": input.case_type.as_str()})),
    )
    .await?;
    match_alerts(&mut tx, id, &sheet, &brands, now).await?;
    if input.detain {
        let row = sql::get_case(&mut *tx, id).await?.ok_or_else(|| AppError::not_found("case"))?;
        detain(&mut tx, rules, principal, &row, &brands, now).await?;
    }
    tx.commit().await?;
    Ok((get_case(db, rules, principal, id).await?, true))
}

pub(super) async fn replay(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    existing: CaseRow,
    request_hash: &str,
) -> AppResult<(Case, bool)> {
    if existing.request_hash.as_deref() != Some(request_hash) {
        return Err(AppError::client(
            ErrorKind::Invalid,
            ErrorCode::IdempotencyKeyReused,
            "This Idempotency-Key was used for a different case; use a new key for a new case.",
        ));
    }
    Ok((get_case(db, rules, principal, existing.id).await?, false))
}

pub async fn update_case(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    id: i64,
    update: CaseUpdate,
) -> AppResult<Case> {
    let (row, _) = load(db, principal, id, Action::CaseEdit).await?;
    let state = parse_state(&row)?;
    if !matches!(state, CaseState::Draft | CaseState::Detained) {
        return Err(AppError::conflict(
            ErrorCode::CaseNotEditable,
            format!("A {} case can no longer be edited.", state.as_str()),
        ));
    }
    let case_type = update.case_type;
    if state != CaseState::Draft && case_type.as_str() != row.case_type {
        return Err(AppError::conflict(
            ErrorCode::CaseTypeFixed,
            "The case type is fixed once the goods are detained.",
        ));
    }
    let mut sheet = update.sheet.validated()?;
    check_photos(db, rules, principal, &sheet).await?;
    if sheet.office_country() != row.office_country {
        return Err(invalid(
            "office_country",
            ErrorCode::OfficeCountryFixed,
            "The office's country decides the legal regime and cannot change; record a new case.",
        ));
    }
    let brands = resolve_brands(db, &mut sheet).await?;
    let now = db.now_ms();
    let text = serde_json::to_string(&sheet).map_err(anyhow::Error::from)?;
    let mut tx = db.begin().await?;
    let Some(version) = sql::update_case_sheet(&mut tx, id, update.version, case_type.as_str(), &text, now).await?
    else {
        return Err(conflict());
    };
    sql::replace_brands(&mut tx, id, &brands).await?;
    store::media::replace_uses(&mut tx, UseKind::Case, id, sheet.photos.iter().map(String::as_str)).await?;
    sql::add_event(&mut tx, id, &principal.label, "edited", &serde_json::json!({"version": version}).to_string(), now)
        .await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.update", "case", id).detail(serde_json::json!({"version": version})),
    )
    .await?;
    match_alerts(&mut tx, id, &sheet, &brands, now).await?;
    tx.commit().await?;
    get_case(db, rules, principal, id).await
}

/// Matches a case against the alerts in force and tells each alert's owner of a new match.
pub(super) async fn match_alerts(
    tx: &mut Tx,
    case_id: i64,
    sheet: &CaseSheet,
    brands: &[(i64, i64)],
    now: i64,
) -> AppResult<()> {
    let brand_ids: Vec<i64> = brands.iter().map(|(b, _)| *b).collect();
    for alert in sql::active_alerts(&mut **tx, now).await? {
        let Ok(alert_sheet) = serde_json::from_str::<crate::domain::alerts::AlertSheet>(&alert.sheet) else { continue };
        let reasons = crate::domain::alerts::match_case(&alert_sheet, sheet, &brand_ids);
        if reasons.is_empty() {
            continue;
        }
        let text = serde_json::to_string(&reasons).map_err(anyhow::Error::from)?;
        if sql::insert_match(tx, case_id, alert.id, &text, now).await? {
            sql::add_event(
                tx,
                case_id,
                "alerts",
                "alert_match",
                &serde_json::json!({"alert_id": alert.id, "reasons": reasons}).to_string(),
                now,
            )
            .await?;
            let notice = Notice {
                event_id: format!("alert-{}-case-{case_id}", alert.id),
                kind: "alert.match".into(),
                org_id: alert.owner_org_id,
                subject: Sentence::new("notice.alert_match.subject").text("title", alert_sheet.title_as_written()),
                body: reasons.clone(),
                link: format!("/alerts/{}", alert.id),
                payload: serde_json::json!({"alert_id": alert.id, "case_id": case_id, "reasons": english(&reasons)}),
            };
            notify::enqueue(tx, &notice, now).await?;
        }
    }
    Ok(())
}

/// Sentences in English, for webhook payloads (machines read them; people read the notice).
fn english(sentences: &[Sentence]) -> Vec<String> {
    let tr = crate::i18n::Tr::new(crate::domain::types::Language::En);
    sentences.iter().map(|s| s.render(&tr)).collect()
}
