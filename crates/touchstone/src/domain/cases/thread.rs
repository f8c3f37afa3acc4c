//! A case's message thread: one per rights holder named, between it and the administration
//! (and the agencies the case is shared with), with read state and checked attachments.

use super::*;
use crate::error::ErrorCode;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMessage {
    pub body: String,
    /// For the administration: which rights holder's thread; a rights holder writes in its own.
    #[serde(default)]
    pub thread_organisation_id: Option<i64>,
    /// Content hashes of uploaded images or PDFs (`POST /api/v1/media`).
    #[serde(default)]
    pub attachments: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Message {
    pub id: i64,
    pub thread_organisation_id: i64,
    pub author: String,
    pub author_organisation_id: i64,
    pub body: String,
    pub attachments: Vec<String>,
    pub at: String,
    /// Not yet seen by the reader before this listing.
    pub unread: bool,
}

pub(super) async fn thread_for(
    db: &Db,
    principal: &Principal,
    row: &CaseRow,
    target: Target,
    asked: Option<i64>,
) -> AppResult<Option<i64>> {
    let Target::Case { org_id, .. } = target else { return Ok(None) };
    if org_id == principal.org_id || matches!(target, Target::Case { shared_with_principal: true, .. }) {
        // The administration (or an agency it shared with) picks the thread; all threads when none.
        if let Some(t) = asked {
            if !concerned_orgs(db, row.id).await?.contains(&t) {
                return Err(invalid(
                    "thread_organisation_id",
                    ErrorCode::UnknownThread,
                    "This case has no thread with that organisation: it names none of its brands.",
                ));
            }
        }
        return Ok(asked);
    }
    // A representative writes in the thread of the brand owner it acts for.
    if principal.org_kind == OrgKind::Representative {
        for (brand_id, _, owner) in sql::case_brands(db.reader(), row.id).await? {
            if store::catalog::is_delegated(db.reader(), brand_id, principal.org_id).await? {
                return Ok(Some(owner));
            }
        }
    }
    Ok(Some(principal.org_id))
}

pub async fn post_message(db: &Db, principal: &Principal, id: i64, input: NewMessage) -> AppResult<Message> {
    let (row, target) = load(db, principal, id, Action::CaseMessage).await?;
    let body = required_text("body", &input.body, 10_000)?;
    if input.attachments.len() > 20 || input.attachments.iter().any(|h| !media::is_valid_hash(h)) {
        return Err(invalid(
            "attachments",
            ErrorCode::InvalidAttachment,
            "Attachments are the hashes that POST /api/v1/media returned (at most 20).",
        ));
    }
    let attachments: Vec<String> = input.attachments.iter().map(|h| h.to_ascii_lowercase()).collect();
    let hashes: Vec<&str> = attachments.iter().map(String::as_str).collect();
    crate::domain::media::check_usable(db, None, principal, "attachments", &hashes).await?;
    let thread = thread_for(db, principal, &row, target, input.thread_organisation_id).await?;
    let thread = match thread {
        Some(t) => t,
        None => {
            let orgs = concerned_orgs(db, id).await?;
            if orgs.len() == 1 {
                orgs.into_iter().next().unwrap_or_default()
            } else {
                return Err(invalid(
                    "thread_organisation_id",
                    ErrorCode::ThreadRequired,
                    "This case names several rights holders; say whose thread to write in.",
                ));
            }
        }
    };
    let now = db.now_ms();
    let attachments_json = serde_json::to_string(&attachments).map_err(anyhow::Error::from)?;
    let mut tx = db.begin().await?;
    let mid = sql::insert_message(
        &mut tx,
        id,
        thread,
        principal.user_id,
        principal.org_id,
        &principal.label,
        &body,
        &attachments_json,
        now,
    )
    .await?;
    store::media::replace_uses(&mut tx, UseKind::Message, mid, hashes.iter().copied()).await?;
    sql::mark_read(&mut tx, id, thread, principal.user_id, mid).await?;
    store::audit::append(
        &mut tx,
        &AuditEvent::by(principal, "case.message", "case", id)
            .detail(serde_json::json!({"message_id": mid, "thread": thread})),
    )
    .await?;
    let recipient = if principal.org_id == row.org_id { thread } else { row.org_id };
    let preview: String = body.chars().take(200).collect();
    notify_event(
        &mut tx,
        id,
        recipient,
        "case.message",
        &format!("case-{id}-message-{mid}"),
        Sentence::new("notice.case_message.subject").text("case", reference(&row)),
        vec![Sentence::verbatim(preview)],
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Message {
        id: mid,
        thread_organisation_id: thread,
        author: principal.label.clone(),
        author_organisation_id: principal.org_id,
        body,
        attachments,
        at: format_ms(now),
        unread: false,
    })
}

/// The messages the principal may read on a case, marking them read.
pub async fn messages(db: &Db, principal: &Principal, id: i64, thread: Option<i64>) -> AppResult<Vec<Message>> {
    let (row, target) = load(db, principal, id, Action::CaseRead).await?;
    read_thread(db, principal, &row, target, thread).await
}

/// The messages of the thread the principal reads on a case it may read (all of them when
/// `thread` is `None` for the administration), each marked unread if the principal had not
/// listed it before; then marks them read for the principal. Being listed is what "read"
/// means here: the page and the API show a message as new once, whichever the reader uses.
pub(super) async fn read_thread(
    db: &Db,
    principal: &Principal,
    row: &CaseRow,
    target: Target,
    thread: Option<i64>,
) -> AppResult<Vec<Message>> {
    let id = row.id;
    let thread = thread_for(db, principal, row, target, thread).await?;
    let rows = sql::messages(db.reader(), id, thread).await?;
    let read = sql::last_read(db.reader(), id, principal.user_id).await?;
    let seen = |t: i64| read.iter().find(|(o, _)| *o == t).map(|(_, l)| *l).unwrap_or(0);
    let out: Vec<Message> = rows
        .iter()
        .map(|m| Message {
            id: m.id,
            thread_organisation_id: m.thread_org_id,
            author: m.author_label.clone(),
            author_organisation_id: m.author_org_id,
            body: m.body.clone(),
            attachments: serde_json::from_str(&m.attachments).unwrap_or_default(),
            at: format_ms(m.at),
            unread: m.id > seen(m.thread_org_id),
        })
        .collect();
    if out.iter().any(|m| m.unread) {
        let mut tx = db.begin().await?;
        let mut last: std::collections::BTreeMap<i64, i64> = Default::default();
        for m in &out {
            last.insert(m.thread_organisation_id, m.id);
        }
        for (t, l) in last {
            sql::mark_read(&mut tx, id, t, principal.user_id, l).await?;
        }
        store::audit::append(&mut tx, &AuditEvent::by(principal, "case.thread_read", "case", id)).await?;
        tx.commit().await?;
    }
    Ok(out)
}
