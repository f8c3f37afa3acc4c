//! Detentions against targets: the matcher that tails changed cases, keeps each detention's
//! keyed forms and records hits, and the reminder of hits left unacknowledged.

use super::*;

// ---------------------------------------------------------------------------------------------
// Detentions against targets

const CASES_CURSOR: &str = "coordination.cases";
/// Cases committed this long after their `updated_at` stamp are still seen (PostgreSQL commits
/// out of order).
const LATE_COMMIT_MS: i64 = 10_000;

/// The normal forms a case can be matched on, each with how the item is shown to the detaining
/// side: the value as the case holds it (a name, a container number, an air waybill as printed),
/// words left to the reader's page, where the match's kind is named in their language.
fn case_keys(key: &MatchKey, sheet: &CaseSheet) -> Vec<(String, String, &'static str)> {
    let mut out = Vec::new();
    for p in [&sheet.consignor, &sheet.consignee, &sheet.declarant].into_iter().flatten() {
        for (rule, digest) in key.forms(TargetKind::Company, &p.name, "") {
            out.push((digest, p.name.clone(), rule));
        }
    }
    for c in &sheet.containers {
        out.push((key.digest(TargetKind::Container, c), c.clone(), "name"));
    }
    for a in &sheet.air_waybills {
        out.push((key.digest(TargetKind::AirWaybill, a), crate::domain::cases::air_waybill_printed(a), "name"));
    }
    for b in &sheet.bills_of_lading {
        let reference = normalize::reference(b);
        out.push((key.digest(TargetKind::BillOfLading, &reference), b.clone(), "name"));
    }
    out
}

/// Matches detentions recorded or changed since the last pass against active targets. Safe to
/// run on several processes: a hit is recorded and notified once (unique per side).
pub async fn match_cases(db: &Db, key: &MatchKey) -> AppResult<usize> {
    let since = sql::cursor(db.reader(), CASES_CURSOR).await?;
    let mut found = 0;
    let mut last = since;
    // Each case read is marked matched as it stands, so a page never comes back: every page
    // moves on, however many cases changed within the re-read window.
    for _ in 0..PAGES_PER_PASS {
        let rows = sql::cases_changed_since(db.reader(), since - LATE_COMMIT_MS, CASES_PER_PAGE).await?;
        let full = rows.len() as i64 == CASES_PER_PAGE;
        found += match_page(db, key, rows, &mut last).await?;
        if !full {
            break;
        }
    }
    if last > since {
        let mut tx = db.begin().await?;
        sql::set_cursor(&mut tx, CASES_CURSOR, last).await?;
        tx.commit().await?;
    }
    Ok(found)
}

/// Cases read per query, and pages per pass (the rest waits for the next pass, a second later).
const CASES_PER_PAGE: i64 = 500;
const PAGES_PER_PASS: usize = 20;

async fn match_page(db: &Db, key: &MatchKey, rows: Vec<sql::ChangedCase>, last: &mut i64) -> AppResult<usize> {
    let mut found = 0;
    for row in rows {
        let (case_id, case_org, state) = (row.id, row.org_id, row.state.as_str());
        *last = (*last).max(row.updated_at);
        let Ok(sheet) = serde_json::from_str::<CaseSheet>(&row.sheet) else {
            let mut tx = db.begin().await?;
            sql::set_case_matched(&mut tx, case_id, row.updated_at).await?;
            tx.commit().await?;
            continue;
        };
        let reference = crate::domain::cases::case_reference(&row.office_country, row.created_at, case_id);
        let keys = if state == "draft" { Vec::new() } else { case_keys(key, &sheet) };
        let digests: Vec<String> = keys.iter().map(|(k, ..)| k.clone()).collect();
        let mut tx = db.begin().await?;
        sql::set_case_keys(&mut tx, case_id, &keys).await?;
        sql::set_case_matched(&mut tx, case_id, row.updated_at).await?;
        for (tid, op_id, org, mk, label) in sql::targets_with_keys(&mut *tx, &digests).await? {
            // Deconfliction is between agencies: an administration's own detention is no news to it.
            if org == case_org {
                continue;
            }
            let tell_officer =
                sql::get_operation(&mut *tx, op_id).await?.is_some_and(|o| o.tell_detaining_officer == 1);
            let (what, rule) =
                keys.iter().find(|(k, ..)| *k == mk).map(|(_, l, r)| (l.clone(), *r)).unwrap_or_default();
            let operation_side =
                Side { org, operation: Some(op_id), item_kind: "target", item_id: tid, item_label: label };
            let case_side = detention_side(case_id, case_org, &reference, &what);
            if record_hit(
                &mut tx,
                &format!("case:{case_id}:{tid}"),
                &operation_side,
                &case_side,
                ("detention", rule),
                tell_officer,
                db.now_ms(),
                None,
            )
            .await?
            {
                found += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(found)
}

/// Runs [`match_cases`] every `period`.
pub async fn run_case_matching(
    db: Db,
    key: MatchKey,
    period: std::time::Duration,
    remind_after: std::time::Duration,
    beat: crate::ops::workers::Heartbeat,
) {
    let mut interval = tokio::time::interval(period);
    loop {
        interval.tick().await;
        let started_ms = crate::domain::now_ms();
        let pass = async {
            match_cases(&db, &key).await?;
            remind_unacknowledged(&db, remind_after).await
        };
        match pass.await {
            Ok(_) => beat.succeeded(started_ms),
            Err(e) => {
                beat.beat();
                tracing::warn!(error = %e, "matching detentions against operation targets failed; retrying");
            }
        }
    }
}
