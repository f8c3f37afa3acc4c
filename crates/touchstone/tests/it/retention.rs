//! Retention of personal data: closed cases, screening hits and scan events purged after their
//! periods on a clock the test sets; the audit chain still verifies (and shows the purge); the
//! party names are gone from the database (from the SQLite file itself); the lawful-request
//! export holds a party's data and is refused to everyone but an administration's administrator.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::common::{on_every_backend, TestApp, TestResult};
use touchstone::config::RetentionSettings;
use touchstone::demo_catalog as gen;
use touchstone::domain::audit::verify_chain;
use touchstone::domain::retention;

/// Wednesday 2 December 2026, 10:00 UTC: when the tests' cases are recorded.
const T0: i64 = 1_764_669_600_000;
const DAY: i64 = 24 * 3600 * 1000;

const PURGED_NAMES: [&str; 3] = ["Zebulon Quartzwright Holdings", "Ysolde Marchetti-Varga", "Xanthos Courier Kft"];
const OPEN_NAME: &str = "Wilhelmina Oyelaran Trading";

async fn product_id(app: &TestApp, token: &str) -> i64 {
    let r = app.get(&format!("/api/v1/lookup?code={}", gen::gtin(0, 0)), token).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()["product"]["product_id"].as_i64().expect("a published demo product")
}

fn detention(product_id: i64, names: [&str; 3], photos: &[String]) -> Value {
    json!({"case_type": "standard", "detain": true, "sheet": {
        "office": {"code": "FR000730", "name": "Roissy-Charles de Gaulle fret", "country": "FR"},
        "customs_procedure": "import", "transport_mode": "air", "origin_country": "CN",
        "consignor": {"name": names[0], "address": "12 Export Road, Shenzhen", "country": "CN"},
        "consignee": {"name": names[1], "address": "4 rue des Lilas, Paris", "country": "FR"},
        "declarant": {"name": names[2]},
        "goods": [{"description": "handbags", "quantity": 40, "unit": "pieces", "product_id": product_id}],
        "photos": photos,
        "notes": format!("{} was stopped before", names[0])}})
}

async fn upload(app: &TestApp, token: &str, bytes: Vec<u8>) -> String {
    let req = axum::http::Request::builder()
        .method(axum::http::Method::POST)
        .uri("/api/v1/media")
        .header(axum::http::header::AUTHORIZATION, format!("Bearer {token}"))
        .body(axum::body::Body::from(bytes))
        .unwrap();
    let r = app.send(req).await;
    assert_eq!(r.status, StatusCode::CREATED, "[{}] {}", app.backend, r.text);
    r.json()["hash"].as_str().unwrap().to_string()
}

/// Records a detention with a message on its thread; closes it when asked (both parties agree
/// to destruction, the officer decides and closes).
async fn case_through(app: &TestApp, names: [&str; 3], photos: &[String], close: bool) -> anyhow::Result<i64> {
    let officer = app.token_for("officer@douane.demo").await;
    let lumiere = app.token_for("brand@lumiere.demo").await;
    let product = product_id(app, &officer).await;
    let r = app.post_json("/api/v1/cases", &officer, detention(product, names, photos)).await;
    anyhow::ensure!(r.status == StatusCode::CREATED, "{}", r.text);
    let id = r.json()["id"].as_i64().unwrap();
    let message = json!({"body": format!("Is {} known to you?", names[0])});
    let r = app.post_json(&format!("/api/v1/cases/{id}/messages"), &lumiere, message).await;
    anyhow::ensure!(r.status == StatusCode::CREATED, "{}", r.text);
    if !close {
        return Ok(id);
    }
    let steps = [
        (
            &lumiere,
            "answers",
            json!({"party": "rights_holder", "answer": "agree_destruction", "note": format!("{} again", names[0])}),
        ),
        (&officer, "answers", json!({"party": "declarant", "answer": "agree_destruction"})),
        (&officer, "transitions", json!({"action": "decide"})),
        (&officer, "transitions", json!({"action": "close", "note": format!("Goods of {} destroyed", names[1])})),
    ];
    for (token, path, body) in steps {
        let r = app.post_json(&format!("/api/v1/cases/{id}/{path}"), token, body).await;
        anyhow::ensure!(r.status == StatusCode::OK, "{path}: {}", r.text);
    }
    Ok(id)
}

/// How many rows of the tables that hold personal data still contain `text`.
async fn rows_naming(app: &TestApp, text: &str) -> anyhow::Result<i64> {
    let like = format!("%{text}%");
    let mut total = 0;
    for sql in [
        "SELECT COUNT(*) FROM cases WHERE sheet LIKE $1",
        "SELECT COUNT(*) FROM case_events WHERE detail LIKE $1",
        "SELECT COUNT(*) FROM case_obligations WHERE note LIKE $1",
        "SELECT COUNT(*) FROM case_messages WHERE body LIKE $1",
        "SELECT COUNT(*) FROM case_match_keys WHERE label LIKE $1",
        "SELECT COUNT(*) FROM coordination_hits WHERE own_item_label LIKE $1",
        "SELECT COUNT(*) FROM notify_notices WHERE subject LIKE $1 OR body LIKE $1 OR payload LIKE $1 OR message LIKE $1",
        "SELECT COUNT(*) FROM audit_log WHERE detail LIKE $1",
    ] {
        let n: i64 = sqlx::query_scalar(sql).bind(&like).fetch_one(app.db().reader()).await?;
        total += n;
    }
    Ok(total)
}

/// The bytes of the SQLite database and of the files beside it (write-ahead log, index).
fn sqlite_files(app: &TestApp) -> Vec<(String, Vec<u8>)> {
    let url = app.config.database_url().expose().to_string();
    let path = url.trim_start_matches("sqlite://").split('?').next().unwrap().to_string();
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| {
            let p = format!("{path}{suffix}");
            std::fs::read(&p).ok().map(|bytes| (p, bytes))
        })
        .collect()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn a_closed_case_is_purged_after_its_period_and_the_chain_and_the_file_show_it() {
    on_every_backend(|app| async move {
        app.db().clock.stop_at(T0);
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await?;
        let officer = app.token_for("officer@douane.demo").await;
        let photo = upload(&app, &officer, gen::pictures(901, 0).remove(0).1).await;
        let closed = case_through(&app, PURGED_NAMES, std::slice::from_ref(&photo), true).await?;
        let open = case_through(&app, [OPEN_NAME, "Vance Open Consignee", "Open Declarant Ltd"], &[], false).await?;
        let settings = RetentionSettings::default();
        let files = app.state.media.clone();
        anyhow::ensure!(files.get(&photo).await?.is_some(), "the photo is stored");

        // A day before its period ends, nothing is purged.
        app.db().clock.advance(settings.closed_case_ms() - DAY);
        let early = retention::purge(app.db(), &files, &settings, app.db().now_ms()).await?;
        assert_eq!(early, retention::PurgeOutcome::default(), "[{}] nothing is due yet", app.backend);
        // (Tokens last 90 days: the officer signs in again years later.)
        let officer = app.token_for("officer@douane.demo").await;
        assert_eq!(app.get(&format!("/api/v1/cases/{closed}"), &officer).await.status, StatusCode::OK);

        // Two days later the closed case goes; the open one, recorded at the same time, stays.
        app.db().clock.advance(2 * DAY);
        let done = retention::purge(app.db(), &files, &settings, app.db().now_ms()).await?;
        assert_eq!((done.cases, done.files), (1, 1), "[{}] {done:?}", app.backend);
        assert!(done.audit_records >= 5, "[{}] the case's audit records keep only their hash: {done:?}", app.backend);
        assert_eq!(app.get(&format!("/api/v1/cases/{closed}"), &officer).await.status, StatusCode::NOT_FOUND);
        let listed = app.get("/api/v1/cases", &officer).await.json();
        let ids: Vec<i64> = listed.as_array().unwrap().iter().filter_map(|c| c["id"].as_i64()).collect();
        assert_eq!(ids, vec![open], "[{}] the purged case is listed no more", app.backend);
        let open_case = app.get(&format!("/api/v1/cases/{open}"), &officer).await.json();
        assert_eq!(open_case["sheet"]["consignor"]["name"], OPEN_NAME, "an open case is never purged");
        let stats = app.get("/api/v1/stats/cases", &officer).await.json();
        assert!(stats.as_array().unwrap().iter().any(|s| s["state"] == "closed" && s["count"] == 1), "{stats}");
        assert!(files.get(&photo).await?.is_none(), "[{}] the photo no record uses is gone", app.backend);
        assert_eq!(app.get(&format!("/api/v1/media/{photo}"), &officer).await.status, StatusCode::NOT_FOUND);

        // The chain verifies, and says what was purged.
        let report = verify_chain(app.db()).await?;
        assert_eq!(report.first_broken_seq, None, "[{}] {:?}", app.backend, report.problem);
        assert_eq!(report.purged_records, done.audit_records as i64);
        assert_eq!(report.purges.len(), 1, "{:?}", report.purges);
        assert_eq!(report.purges[0].cases, vec![closed]);
        let redacted: Vec<(String, String, Option<i64>)> = sqlx::query_as(
            "SELECT action, detail, purged_at FROM audit_log WHERE target_kind = 'case' AND target_id = $1",
        )
        .bind(closed.to_string())
        .fetch_all(app.db().reader())
        .await?;
        assert!(redacted.iter().any(|(a, ..)| a == "case.create"), "the records stay, each action named");
        for (action, detail, purged_at) in &redacted {
            assert_eq!(*purged_at, Some(app.db().now_ms()), "{action}");
            assert!(detail.contains("\"sha256\""), "{action}: {detail}");
        }

        // No row names the purged parties any more; the open case's party is still there.
        for name in PURGED_NAMES {
            assert_eq!(rows_naming(&app, name).await?, 0, "[{}] {name} is still in a row", app.backend);
        }
        assert!(rows_naming(&app, OPEN_NAME).await? > 0);
        // On SQLite, not in the file either (nor in its write-ahead log).
        if app.backend == "sqlite" {
            let on_disk = sqlite_files(&app);
            let main = &on_disk[0].1;
            assert!(contains(main, OPEN_NAME), "the reading finds what is there");
            for (path, bytes) in &on_disk {
                for name in PURGED_NAMES {
                    assert!(!contains(bytes, name), "{name} is still in {path}");
                }
            }
        }
        // Purging again finds nothing to do.
        let again = retention::purge(app.db(), &files, &settings, app.db().now_ms()).await?;
        assert_eq!(again, retention::PurgeOutcome::default());
        TestResult::Ok(())
    })
    .await;
}

#[tokio::test]
async fn audit_verify_exits_0_after_a_purge_and_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap().to_string();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("touchstone.db").display());
    let app = TestApp::start("sqlite", url, tempfile::tempdir().unwrap()).await;
    app.db().clock.stop_at(T0);
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
    let closed = case_through(&app, PURGED_NAMES, &[], true).await.unwrap();
    let settings = RetentionSettings::default();
    app.db().clock.advance(settings.closed_case_ms() + DAY);
    retention::purge(app.db(), &app.state.media, &settings, app.db().now_ms()).await.unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_touchstone"))
        .args(["audit", "verify", "--data-dir", &data])
        .env_remove("TOUCHSTONE_DATABASE_URL")
        .env("TOUCHSTONE_LOG", "warn")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("audit chain intact"), "{stdout}");
    assert!(stdout.contains(&format!("cases {closed}")), "the purge is listed: {stdout}");
}

#[tokio::test]
async fn hits_and_scan_events_go_after_their_periods_but_a_hit_on_an_open_case_stays() {
    on_every_backend(|app| async move {
        let police = app.token_for("coordinator@police.demo").await;
        let today = time::OffsetDateTime::now_utc().date();
        let operation = json!({
            "name": "Opération Retention", "kind": "investigation", "status": "active",
            "starts_on": today.to_string(), "ends_on": (today + time::Duration::days(90)).to_string(),
            "contact": {"name": "Cdt. Julien Moreau", "phone": "+33 1 23 45 67 89", "email": "jmoreau@police.example"},
            "confidentiality": "confidential", "tell_detaining_officer": true});
        let r = app.post_json("/api/v1/operations", &police, operation).await;
        anyhow::ensure!(r.status == StatusCode::CREATED, "{}", r.text);
        let op = r.json()["id"].as_i64().unwrap();
        let r = app
            .post_json(&format!("/api/v1/operations/{op}/targets"), &police, json!([{"kind": "company", "value": OPEN_NAME}]))
            .await;
        anyhow::ensure!(r.status == StatusCode::OK, "{}", r.text);
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await?;
        let open = case_through(&app, [OPEN_NAME, "Vance Open Consignee", "Open Declarant Ltd"], &[], false).await?;
        assert_eq!(touchstone::domain::coordination::match_cases(app.db(), &app.state.match_key).await?, 1);
        let sides: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM coordination_hits").fetch_one(app.db().reader()).await?;
        assert_eq!(sides, 2, "both sides were told");
        // Scan events: one old, one recent (a product of the demo catalog).
        let product = crate::common::product_id(&app, 0, 0).await;
        let found_at: i64 = sqlx::query_scalar("SELECT MAX(created_at) FROM coordination_hits").fetch_one(app.db().reader()).await?;
        let settings = RetentionSettings::default();
        let purge_at = found_at + settings.screening_hit_ms() + DAY;
        for (key, at) in [("k-old", purge_at - settings.scan_event_ms() - DAY), ("k-new", purge_at - DAY)] {
            sqlx::query("INSERT INTO scan_events (product_id, serial_key, country, verdict, scanned_at) VALUES ($1, $2, 'FR', 'genuine', $3)")
                .bind(product)
                .bind(key)
                .bind(at)
                .execute(app.db().bookkeeping())
                .await?;
        }
        app.db().clock.stop_at(purge_at);
        let done = retention::purge(app.db(), &app.state.media, &settings, purge_at).await?;
        assert_eq!((done.cases, done.hits, done.scan_events), (0, 1, 1), "[{}] {done:?}", app.backend);
        let left: Vec<(String, i64)> = sqlx::query_as("SELECT own_item_kind, own_item_id FROM coordination_hits")
            .fetch_all(app.db().reader())
            .await?;
        assert_eq!(left, vec![("detention".to_string(), open)], "the detention's side waits for its case");
        let scans: Vec<String> = sqlx::query_scalar("SELECT serial_key FROM scan_events").fetch_all(app.db().reader()).await?;
        assert_eq!(scans, vec!["k-new".to_string()]);
        let notices: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notify_notices WHERE event_id LIKE 'hit-%'")
            .fetch_one(app.db().reader())
            .await?;
        assert_eq!(notices, 1, "[{}] the purged side's notice went with it", app.backend);
        let report = verify_chain(app.db()).await?;
        assert_eq!(report.first_broken_seq, None, "[{}] {:?}", app.backend, report.problem);
        assert!(report.purges.iter().any(|p| p.hits.len() == 1) && report.purges.iter().any(|p| p.scan_events == 1));
        TestResult::Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_export_holds_everything_about_a_party_and_only_an_administrations_administrator_gets_it() {
    on_every_backend(|app| async move {
        app.db().clock.stop_at(T0);
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await?;
        let closed = case_through(&app, PURGED_NAMES, &[], true).await?;
        case_through(&app, [OPEN_NAME, "Vance Open Consignee", "Open Declarant Ltd"], &[], false).await?;
        let chief = app.token_for("chief@douane.demo").await;
        let r = app.post_json("/api/v1/party-exports", &chief, json!({"name": "ysolde marchetti varga"})).await;
        anyhow::ensure!(r.status == StatusCode::OK, "{}", r.text);
        let export = r.json();
        let cases = export["cases"].as_array().unwrap();
        assert_eq!(cases.len(), 1, "{export}");
        assert_eq!(cases[0]["id"], closed);
        assert_eq!(cases[0]["roles"], json!(["consignee"]));
        assert_eq!(cases[0]["sheet"]["consignee"]["address"], "4 rue des Lilas, Paris");
        assert!(cases[0]["messages"][0]["body"].as_str().unwrap().contains(PURGED_NAMES[0]));
        assert!(
            !cases[0]["events"].as_array().unwrap().is_empty() && !cases[0]["notices"].as_array().unwrap().is_empty()
        );
        // A country that is not the party's finds nothing.
        let r = app
            .post_json("/api/v1/party-exports", &chief, json!({"name": "Ysolde Marchetti-Varga", "country": "DE"}))
            .await;
        assert_eq!(r.json()["cases"], json!([]));
        // The export is audited, without the name.
        let detail: String =
            sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'party.export' ORDER BY seq LIMIT 1")
                .fetch_one(app.db().reader())
                .await?;
        assert!(detail.contains("name_sha256") && !detail.to_lowercase().contains("ysolde"), "{detail}");

        // Everyone else is refused, with the same stable code.
        for email in ["officer@douane.demo", "admin@touchstone.demo", "brand@lumiere.demo", "coordinator@police.demo"] {
            let token = app.token_for(email).await;
            let r = app.post_json("/api/v1/party-exports", &token, json!({"name": "Ysolde Marchetti-Varga"})).await;
            assert_eq!(
                (r.status, r.error_code().as_str()),
                (StatusCode::FORBIDDEN, "forbidden"),
                "[{}] {email}",
                app.backend
            );
        }
        let r = app.post_json("/api/v1/party-exports", &chief, json!({"name": "  "})).await;
        assert_eq!(r.error_code(), "required");

        // The console exports across administrations; a purged case is no longer held.
        let console = touchstone::domain::policy::Principal::console();
        let query = retention::PartyQuery { name: "Zebulon Quartzwright".into(), country: None };
        let all = retention::export_party(app.db(), &console, &query).await?;
        assert_eq!(all.cases.len(), 1);
        let settings = RetentionSettings::default();
        app.db().clock.advance(settings.closed_case_ms() + DAY);
        retention::purge(app.db(), &app.state.media, &settings, app.db().now_ms()).await?;
        assert!(retention::export_party(app.db(), &console, &query).await?.cases.is_empty());
        TestResult::Ok(())
    })
    .await;
}

/// Rewrites the whole chain in its first form (the detail itself hashed), as a database written
/// before migration 0019 holds it.
async fn chain_in_first_form(app: &TestApp) -> anyhow::Result<()> {
    let mut prev = touchstone::domain::audit::GENESIS_HASH.to_string();
    let mut after = 0;
    loop {
        let page = touchstone::store::audit::page_after(app.db().reader(), after, 500).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        for mut record in page {
            record.chain_version = 1;
            record.detail_hash = None;
            record.prev_hash = prev.clone();
            record.hash = record.expected_hash(&prev);
            sqlx::query(
                "UPDATE audit_log SET chain_version = 1, detail_hash = NULL, prev_hash = $1, hash = $2 WHERE seq = $3",
            )
            .bind(&record.prev_hash)
            .bind(&record.hash)
            .bind(record.seq)
            .execute(app.db().bookkeeping())
            .await?;
            prev = record.hash;
        }
    }
    sqlx::query("UPDATE audit_head SET last_hash = $1 WHERE id = 1")
        .bind(&prev)
        .execute(app.db().bookkeeping())
        .await?;
    Ok(())
}

#[tokio::test]
async fn records_written_before_the_second_chain_form_verify_and_can_be_purged_but_not_altered_after() {
    on_every_backend(|app| async move {
        app.db().clock.stop_at(T0);
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await?;
        let closed = case_through(&app, PURGED_NAMES, &[], true).await?;
        chain_in_first_form(&app).await?;
        let report = verify_chain(app.db()).await?;
        assert_eq!(report.first_broken_seq, None, "[{}] an old chain verifies: {:?}", app.backend, report.problem);
        // New records follow in the second form; the chain holds across the change.
        case_through(&app, [OPEN_NAME, "Vance Open Consignee", "Open Declarant Ltd"], &[], false).await?;
        assert_eq!(verify_chain(app.db()).await?.first_broken_seq, None);

        let settings = RetentionSettings::default();
        app.db().clock.advance(settings.closed_case_ms() + DAY);
        let done = retention::purge(app.db(), &app.state.media, &settings, app.db().now_ms()).await?;
        assert_eq!(done.cases, 1);
        let report = verify_chain(app.db()).await?;
        assert_eq!(report.first_broken_seq, None, "[{}] {:?}", app.backend, report.problem);
        assert_eq!(report.purged_records, done.audit_records as i64);

        // What a purged old record keeps is held by the purge's digest.
        let seq: i64 = sqlx::query_scalar(
            "SELECT MIN(seq) FROM audit_log WHERE target_kind = 'case' AND target_id = $1 AND purged_at IS NOT NULL",
        )
        .bind(closed.to_string())
        .fetch_one(app.db().reader())
        .await?;
        sqlx::query("UPDATE audit_log SET actor_label = 'someone else' WHERE seq = $1")
            .bind(seq)
            .execute(app.db().bookkeeping())
            .await?;
        let report = verify_chain(app.db()).await?;
        assert_eq!(report.first_broken_seq, Some(seq), "{:?}", report.problem);
        TestResult::Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_detail_removed_outside_a_purge_breaks_the_chain() {
    on_every_backend(|app| async move {
        let (head, _) = touchstone::store::audit::head(app.db().reader()).await?;
        let seq = head - 1;
        let record = touchstone::store::audit::page_after(app.db().reader(), seq - 1, 1).await?.remove(0);
        let hash = record.detail_hash.clone().unwrap();
        sqlx::query("UPDATE audit_log SET detail = $1, purged_at = 5 WHERE seq = $2")
            .bind(touchstone::domain::audit::purged_detail(5, &hash))
            .bind(seq)
            .execute(app.db().bookkeeping())
            .await?;
        let report = verify_chain(app.db()).await?;
        assert_eq!(report.first_broken_seq, Some(seq), "{:?}", report.problem);
        assert!(report.problem.unwrap().contains("no retention purge"));
        TestResult::Ok(())
    })
    .await;
}
