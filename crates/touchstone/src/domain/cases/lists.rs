//! Lists of cases and the figures of how they ended.

use super::*;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseSummary {
    pub id: i64,
    pub reference: String,
    pub case_type: CaseType,
    pub state: CaseState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CaseOutcome>,
    pub office_country: String,
    pub goods: String,
    /// The earliest open deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_deadline: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default)]
pub struct CaseListFilter {
    pub state: Option<CaseState>,
    pub limit: i64,
    pub offset: i64,
}

pub async fn list_cases(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    filter: &CaseListFilter,
) -> AppResult<Vec<CaseSummary>> {
    let f = visibility(principal)?;
    let rows = sql::list_cases(
        db.reader(),
        &sql::CaseFilter { state: filter.state.map(|s| s.as_str()), limit: filter.limit, offset: filter.offset, ..f },
    )
    .await?;
    let detained: Vec<i64> = rows.iter().filter(|r| r.state == "detained").map(|r| r.id).collect();
    let deadlines: HashMap<i64, i64> = sql::next_deadlines(db.reader(), &detained).await?.into_iter().collect();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let own_side = row.org_id == principal.org_id || principal.org_kind.is_enforcement();
        let goods = if own_side {
            decode_sheet(&row)?.goods.iter().map(|g| g.description.as_str()).collect::<Vec<_>>().join("; ")
        } else if rules.disclosed(&row.office_country).iter().any(|p| p == "goods") {
            let own = own_brands(db, principal, &sql::case_brands(db.reader(), row.id).await?).await?;
            let sheet = decode_sheet(&row)?;
            let lines = sheet.goods.iter().filter(|g| g.brand_id.is_some_and(|b| own.contains(&b)));
            lines.map(|g| g.description.as_str()).collect::<Vec<_>>().join("; ")
        } else {
            String::new()
        };
        let next_deadline = deadlines.get(&row.id).copied().map(format_ms);
        out.push(CaseSummary {
            id: row.id,
            reference: reference(&row),
            case_type: CaseType::decode(&row.case_type)?,
            state: parse_state(&row)?,
            outcome: row.outcome.as_deref().map(CaseOutcome::decode).transpose()?,
            office_country: row.office_country.clone(),
            goods,
            next_deadline,
            updated_at: format_ms(row.updated_at),
        });
    }
    Ok(out)
}

pub(super) fn visibility(principal: &Principal) -> AppResult<sql::CaseFilter<'static>> {
    let none = sql::CaseFilter {
        org_id: None,
        concerning_org_id: None,
        shared_with_org_id: None,
        state: None,
        limit: 0,
        offset: 0,
    };
    if principal.is_console() {
        return Ok(none);
    }
    if principal.org_kind.is_enforcement() {
        // The same rule as a single read (`policy::allows`, CaseRead): cases shared with the
        // agency only while a grant with case sharing is in force.
        let may_share = principal.org_kind == OrgKind::Customs || principal.grants.case_sharing;
        return Ok(sql::CaseFilter {
            org_id: Some(principal.org_id),
            shared_with_org_id: may_share.then_some(principal.org_id),
            ..none
        });
    }
    if matches!(principal.org_kind, OrgKind::RightsHolder | OrgKind::Representative) {
        return Ok(sql::CaseFilter { concerning_org_id: Some(principal.org_id), ..none });
    }
    Err(AppError::forbidden())
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OutcomeCount {
    pub state: CaseState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CaseOutcome>,
    pub count: i64,
}

/// How the cases the principal may see ended (and where the others are).
pub async fn stats(db: &Db, principal: &Principal) -> AppResult<Vec<OutcomeCount>> {
    // The platform administrator sees counts of every administration's cases, nothing more.
    let f = if principal.is_platform_admin() { visibility(&Principal::console())? } else { visibility(principal)? };
    let rows = sql::outcome_counts(db.reader(), f.org_id, f.concerning_org_id).await?;
    Ok(rows
        .into_iter()
        .map(|(state, outcome, count)| {
            Ok(OutcomeCount {
                state: CaseState::decode(&state)?,
                outcome: outcome.as_deref().map(CaseOutcome::decode).transpose()?,
                count,
            })
        })
        .collect::<Result<_, UnknownValue>>()?)
}
