//! The case as read: what the principal may see of it, and what it may do on it.

use super::*;
use crate::error::ErrorKind;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseBrand {
    pub brand_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ObligationView {
    pub id: i64,
    pub party: PartyKind,
    /// The rights holder organisation that must answer, for rights-holder obligations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<i64>,
    /// Whether it has begun (an obligation that starts on objection waits until then).
    pub started: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_at: Option<String>,
    /// Working days left until the deadline, today included; 0 when past.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_days_left: Option<u32>,
    pub overdue: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    /// The answer is what the regime makes of silence at the deadline.
    pub deemed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<String>,
    pub extended: bool,
    pub can_extend: bool,
    /// What this party may answer.
    pub answers: Vec<Answer>,
    /// What silence at the deadline means.
    pub silence: Silence,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseEvent {
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub detail: serde_json::Value,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlertMatch {
    pub alert_id: i64,
    /// Per language.
    pub title: crate::domain::localized::Localized,
    /// The language the title is shown in to a reader whose language has no version.
    #[schema(value_type = String, example = "en")]
    pub fallback_language: crate::domain::types::Language,
    /// Why the case matched, as sentences (`Sentence`), each shown in its reader's language.
    pub reasons: Vec<crate::i18n::Sentence>,
}

/// A case as the principal may see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Case {
    pub id: i64,
    /// e.g. `FR-2026-000012`.
    pub reference: String,
    pub organisation_id: i64,
    pub case_type: CaseType,
    pub state: CaseState,
    /// The regime's outcome once answered; the decision once decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CaseOutcome>,
    pub regime_id: String,
    /// The office's IANA time zone: its working days are counted, and its deadlines end, on
    /// this clock.
    pub office_time_zone: String,
    pub version: i64,
    pub sheet: CaseSheet,
    /// Which parts of the sheet are shown: all, or what the disclosure rule lets a rights holder see.
    pub disclosed: Vec<String>,
    pub brands: Vec<CaseBrand>,
    pub obligations: Vec<ObligationView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detained_at: Option<String>,
    /// By when the parties must be notified of the detention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify_due_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declarant_notified_at: Option<String>,
    /// The declarant's notice is late.
    pub notice_overdue: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Steps the principal may take now.
    pub allowed_actions: Vec<CaseAction>,
    pub alert_matches: Vec<AlertMatch>,
    pub events: Vec<CaseEvent>,
}

/// The case with the facts the policy needs about the principal.
pub(super) async fn case_target(db: &Db, principal: &Principal, row: &CaseRow) -> AppResult<Target> {
    let brands = sql::case_brands(db.reader(), row.id).await?;
    let concerns = match principal.org_kind {
        OrgKind::RightsHolder => brands.iter().any(|(_, _, owner)| *owner == principal.org_id),
        OrgKind::Representative => {
            let mut any = false;
            for (brand_id, _, _) in &brands {
                if store::catalog::is_delegated(db.reader(), *brand_id, principal.org_id).await? {
                    any = true;
                    break;
                }
            }
            any
        }
        _ => false,
    };
    let shared =
        principal.org_kind.is_enforcement() && sql::is_shared_with(db.reader(), row.id, principal.org_id).await?;
    Ok(Target::Case {
        org_id: row.org_id,
        concerns_principal: concerns,
        shared_with_principal: shared,
        draft: row.state == "draft",
    })
}

/// Whether the principal reads the whole sheet (the administration that recorded the case, an
/// agency it is shared with), rather than the parts disclosed to rights holders.
pub(super) fn sees_whole_sheet(principal: &Principal, target: Target) -> bool {
    allows(principal, Action::CaseEdit, target)
        || matches!(target, Target::Case { org_id, shared_with_principal, .. } if org_id == principal.org_id || shared_with_principal)
}

/// [`load`] for a read, as `None` when the principal may not read the case.
pub(super) async fn load_readable(db: &Db, principal: &Principal, id: i64) -> AppResult<Option<(CaseRow, Target)>> {
    match load(db, principal, id, Action::CaseRead).await {
        Ok(found) => Ok(Some(found)),
        Err(e) if e.is(ErrorKind::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether the principal, reading case `id` as it may, sees the photo `hash`: a rights holder
/// sees the photos only where the goods are disclosed to it (never, without the `rules` that say).
pub async fn shows_photo(
    db: &Db,
    rules: Option<&LegalRules>,
    principal: &Principal,
    id: i64,
    hash: &str,
) -> AppResult<bool> {
    let Some((row, target)) = load_readable(db, principal, id).await? else { return Ok(false) };
    let sheet = decode_sheet(&row)?;
    let sheet = match rules {
        _ if sees_whole_sheet(principal, target) => sheet,
        Some(rules) => sheet.disclosed(&rules.disclosed(&row.office_country)),
        None => return Ok(false),
    };
    Ok(sheet.photos.iter().any(|p| p.eq_ignore_ascii_case(hash)))
}

/// Whether the principal may read the thread message `message_id` and it attaches `hash`.
pub async fn shows_attachment(db: &Db, principal: &Principal, message_id: i64, hash: &str) -> AppResult<bool> {
    let Some((case_id, thread_org, attachments)) = sql::message_attachments(db.reader(), message_id).await? else {
        return Ok(false);
    };
    let Some((row, target)) = load_readable(db, principal, case_id).await? else { return Ok(false) };
    // The thread the principal reads in `messages`; none means all of them.
    if thread_for(db, principal, &row, target, None).await?.is_some_and(|t| t != thread_org) {
        return Ok(false);
    }
    let attachments: Vec<String> = serde_json::from_str(&attachments).unwrap_or_default();
    Ok(attachments.iter().any(|a| a.eq_ignore_ascii_case(hash)))
}

/// Loads a case the principal may perform `action` on; a case it may not even read is "not found".
pub(super) async fn load(db: &Db, principal: &Principal, id: i64, action: Action) -> AppResult<(CaseRow, Target)> {
    let row = sql::get_case(db.reader(), id).await?.ok_or_else(|| AppError::not_found("case"))?;
    let target = case_target(db, principal, &row).await?;
    if !allows(principal, Action::CaseRead, target) {
        return Err(AppError::not_found("case"));
    }
    check(principal, action, target)?;
    Ok((row, target))
}

/// The case as the principal may see it; rights holders get only the disclosed parts, and a
/// platform administrator's read is audited.
pub async fn get_case(db: &Db, rules: &LegalRules, principal: &Principal, id: i64) -> AppResult<Case> {
    let (row, target) = load(db, principal, id, Action::CaseRead).await?;
    audit_read(db, principal, &row).await?;
    build_view(db, rules, principal, row, target).await
}

/// A platform administrator's read of a case is audited (the design's "reads audited").
async fn audit_read(db: &Db, principal: &Principal, row: &CaseRow) -> AppResult<()> {
    if principal.is_platform_admin() {
        let mut tx = db.begin().await?;
        store::audit::append(&mut tx, &AuditEvent::by(principal, "case.read", "case", row.id).scope(row.org_id))
            .await?;
        tx.commit().await?;
    }
    Ok(())
}

/// What the reader may do on a case now, decided here through the policy so that a page only
/// shows it; each command checks the same rule again when it runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CasePermissions {
    /// Edit the sheet and take the workflow's steps ([`Case::allowed_actions`] says which now).
    pub may_edit: bool,
    /// Write in the case's thread.
    pub may_message: bool,
    /// Obligations (by id) whose answer the reader may give now, or as an officer record for a
    /// party that is not on the platform: the rule [`answer`] applies.
    pub may_answer: BTreeSet<i64>,
    /// Obligations (by id) whose deadline the reader may ask to extend: the rule of
    /// [`request_extension`].
    pub may_extend: BTreeSet<i64>,
}

impl CasePermissions {
    pub fn of(principal: &Principal, target: Target, case: &Case) -> CasePermissions {
        let may_edit = allows(principal, Action::CaseEdit, target);
        let answers_for_itself = !may_edit && allows(principal, Action::CaseAnswer, target);
        let open = case.state == CaseState::Detained;
        let mut out = CasePermissions {
            may_edit,
            may_message: allows(principal, Action::CaseMessage, target),
            ..Default::default()
        };
        for o in &case.obligations {
            let own = o.organisation_id == Some(principal.org_id);
            let answerable = if may_edit { o.organisation_id.is_none() } else { answers_for_itself && own };
            if open && answerable && o.answer.is_none() && o.started {
                out.may_answer.insert(o.id);
            }
            if answers_for_itself && own && o.can_extend {
                out.may_extend.insert(o.id);
            }
        }
        out
    }
}

/// A case as a page shows it, read once: the case, what the reader may do on it, and the thread
/// it reads.
#[derive(Debug, Clone)]
pub struct CaseView {
    pub case: Case,
    pub permissions: CasePermissions,
    /// The thread shown: `None` for a rights holder (its own) or when the case has no rights
    /// holder's thread yet; otherwise the one asked for, else the first.
    pub thread: Option<i64>,
    /// The threads the administration chooses between, when the case names several rights
    /// holders: `(organisation, name)`.
    pub threads: Vec<(i64, String)>,
    /// The names of the rights-holder organisations the obligations name, for the
    /// administration's side (a rights holder sees only its own obligations).
    pub organisation_names: BTreeMap<i64, String>,
    pub messages: Vec<Message>,
}

/// The case page's read: [`get_case`] and [`messages`] on one load of the case. It writes what
/// reading means: the thread's messages are marked read for this user (the next read shows them
/// as seen, on the page as through the API), and a platform administrator's read is audited.
pub async fn read_case(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    id: i64,
    asked_thread: Option<i64>,
) -> AppResult<CaseView> {
    let (row, target) = load(db, principal, id, Action::CaseRead).await?;
    audit_read(db, principal, &row).await?;
    let case = build_view(db, rules, principal, row.clone(), target).await?;
    let permissions = CasePermissions::of(principal, target, &case);
    let rights_holder_side = matches!(principal.org_kind, OrgKind::RightsHolder | OrgKind::Representative);
    // The administration has one thread per rights holder the obligations name.
    let thread_orgs: Vec<i64> = if rights_holder_side {
        Vec::new()
    } else {
        case.obligations.iter().filter_map(|o| o.organisation_id).collect::<BTreeSet<_>>().into_iter().collect()
    };
    let thread = match thread_orgs.as_slice() {
        [] => None,
        [only] => Some(*only),
        [first, ..] => Some(asked_thread.filter(|t| thread_orgs.contains(t)).unwrap_or(*first)),
    };
    let organisation_names: BTreeMap<i64, String> = if rights_holder_side {
        BTreeMap::new()
    } else {
        sql::obligation_org_names(db.reader(), row.id).await?.into_iter().collect()
    };
    let threads = if thread_orgs.len() > 1 {
        thread_orgs
            .iter()
            .map(|o| (*o, organisation_names.get(o).cloned().unwrap_or_else(|| format!("#{o}"))))
            .collect()
    } else {
        Vec::new()
    };
    let messages = read_thread(db, principal, &row, target, thread).await?;
    Ok(CaseView { case, permissions, thread, threads, organisation_names, messages })
}

/// The brands of a case that the principal's organisation owns or acts for: a rights holder
/// reads the goods lines naming them, and no other.
pub(super) async fn own_brands(
    db: &Db,
    principal: &Principal,
    case_brands: &[(i64, String, i64)],
) -> AppResult<BTreeSet<i64>> {
    let mut own = BTreeSet::new();
    for (brand_id, _, owner) in case_brands {
        if *owner == principal.org_id || store::catalog::is_delegated(db.reader(), *brand_id, principal.org_id).await? {
            own.insert(*brand_id);
        }
    }
    Ok(own)
}

/// Timeline entries about sharing a case with another agency, never shown to rights holders.
pub(super) const SHARING_EVENTS: &[&str] = &["shared", "share_withdrawn"];

pub(super) async fn build_view(
    db: &Db,
    rules: &LegalRules,
    principal: &Principal,
    row: CaseRow,
    target: Target,
) -> AppResult<Case> {
    let now = db.now_ms();
    let full = sees_whole_sheet(principal, target);
    let sheet = decode_sheet(&row)?;
    let case_brands = sql::case_brands(db.reader(), row.id).await?;
    let own_brands = if full { BTreeSet::new() } else { own_brands(db, principal, &case_brands).await? };
    let (sheet, disclosed) = if full {
        (sheet, crate::domain::regime::DISCLOSABLE.iter().map(|s| s.to_string()).chain(["notes".to_string()]).collect())
    } else {
        let parts = rules.disclosed(&row.office_country);
        let mut sheet = sheet.disclosed(&parts);
        sheet.goods.retain(|g| g.brand_id.is_some_and(|b| own_brands.contains(&b)));
        (sheet, parts)
    };
    let calendar = rules.calendar(&row.office_country);
    let regime = rules.regime(&row.regime_id);
    let case_type = CaseType::decode(&row.case_type)?;
    let procedure = regime.and_then(|r| r.procedures.get(procedure_name(case_type)));
    let obligations = sql::obligations(db.reader(), row.id)
        .await?
        .into_iter()
        .filter(|o| full || o.party_org_id == Some(principal.org_id) || o.party == "declarant")
        .map(|o| {
            let rule = procedure.and_then(|p| {
                p.obligations.iter().find(|r| r.party.as_str() == o.party && r.starts.as_str() == o.starts)
            });
            let open = o.answer.is_none() && row.state == "detained";
            Ok(ObligationView {
                id: o.id,
                party: PartyKind::decode(&o.party)?,
                organisation_id: o.party_org_id,
                started: o.due_at.is_some(),
                due_at: o.due_at.map(format_ms),
                working_days_left: o.due_at.filter(|_| open).map(|d| calendar.working_days_left(now, d)),
                overdue: open && o.due_at.is_some_and(|d| now > d),
                answer: o.answer.as_deref().map(Answer::decode).transpose()?,
                deemed: o.deemed == 1,
                answered_at: o.answered_at.map(format_ms),
                extended: o.extended == 1,
                can_extend: open
                    && o.extended == 0
                    && case_type != CaseType::Perishable
                    && rule.is_some_and(|r| r.extension_working_days > 0)
                    && o.due_at.is_some_and(|d| now <= d),
                answers: rule.map(|r| r.answers.clone()).unwrap_or_default(),
                silence: Silence::decode(&o.silence)?,
            })
        })
        .collect::<Result<_, UnknownValue>>()?;
    let brands = case_brands
        .into_iter()
        .filter(|(brand_id, _, _)| full || own_brands.contains(brand_id))
        .map(|(brand_id, name, _)| CaseBrand { brand_id, name })
        .collect();
    let alert_matches = sql::matches_of_case(db.reader(), row.id)
        .await?
        .into_iter()
        .filter(|(_, owner, _, _)| full || *owner == principal.org_id)
        .map(|(alert_id, _, sheet, reasons)| {
            let sheet = serde_json::from_str::<serde_json::Value>(&sheet).unwrap_or_default();
            AlertMatch {
                alert_id,
                title: serde_json::from_value(sheet["title"].clone()).unwrap_or_default(),
                fallback_language: serde_json::from_value(sheet["fallback_language"].clone())
                    .unwrap_or(crate::domain::types::Language::En),
                reasons: serde_json::from_str(&reasons).unwrap_or_default(),
            }
        })
        .collect();
    let events = sql::events(db.reader(), row.id)
        .await?
        .into_iter()
        // Which agency a case was shared with is the administration's business alone.
        .filter(|(_, _, kind, _)| full || !SHARING_EVENTS.contains(&kind.as_str()))
        .map(|(at, actor, kind, detail)| CaseEvent {
            at: format_ms(at),
            actor: if full { actor } else { String::new() },
            kind,
            detail: serde_json::from_str(&detail).unwrap_or_default(),
        })
        .collect();
    let state = parse_state(&row)?;
    let allowed_actions = if allows(principal, Action::CaseEdit, target) { allowed(state, &row) } else { Vec::new() };
    Ok(Case {
        id: row.id,
        reference: reference(&row),
        organisation_id: row.org_id,
        case_type,
        state,
        outcome: row.outcome.as_deref().map(CaseOutcome::decode).transpose()?,
        regime_id: row.regime_id.clone(),
        office_time_zone: calendar.zone().iana_name().unwrap_or("UTC").to_string(),
        version: row.version,
        sheet,
        disclosed,
        brands,
        obligations,
        detained_at: row.detained_at.map(format_ms),
        notify_due_at: row.notify_due_at.map(format_ms),
        declarant_notified_at: row.declarant_notified_at.map(format_ms),
        notice_overdue: state == CaseState::Detained
            && row.declarant_notified_at.is_none()
            && row.notify_due_at.is_some_and(|d| now > d),
        decided_at: row.decided_at.map(format_ms),
        closed_at: row.closed_at.map(format_ms),
        created_at: format_ms(row.created_at),
        updated_at: format_ms(row.updated_at),
        allowed_actions,
        alert_matches,
        events,
    })
}
