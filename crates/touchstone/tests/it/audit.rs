//! The audit chain detects alteration and deletion; data survives a restart; backups.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::common::{on_every_backend, TestApp};
use touchstone::domain::audit::verify_chain;

async fn exec(app: &TestApp, sql: &str) {
    sqlx::query(sql).execute(app.db().bookkeeping()).await.unwrap();
}

#[tokio::test]
async fn the_audit_chain_is_intact_after_normal_use() {
    on_every_backend(|app| async move {
        let admin = app.token_for("admin@touchstone.demo").await;
        app.post_json("/api/v1/organisations", &admin, json!({"name": "Zoll", "kind": "customs", "country": "DE"}))
            .await;
        let report = verify_chain(app.db()).await.unwrap();
        assert_eq!(report.first_broken_seq, None, "[{}] {:?}", app.backend, report.problem);
        assert!(report.records > 10, "demo seeding and the request were recorded");
    })
    .await;
}

#[tokio::test]
async fn altering_any_audit_record_is_detected_at_that_record() {
    on_every_backend(|app| async move {
        exec(&app, "UPDATE audit_log SET detail = '{\"email\":\"someone.else@x.fr\"}' WHERE seq = 5").await;
        let report = verify_chain(app.db()).await.unwrap();
        assert_eq!(report.first_broken_seq, Some(5), "{:?}", report.problem);
        assert!(report.problem.unwrap().contains("altered"));
    })
    .await;
}

#[tokio::test]
async fn rewriting_a_record_with_a_fresh_hash_breaks_the_next_link() {
    on_every_backend(|app| async move {
        let mut rec = touchstone::store::audit::page_after(app.db().reader(), 3, 1).await.unwrap().remove(0);
        rec.actor_label = "nobody".into();
        let forged = rec.expected_hash(&rec.prev_hash);
        sqlx::query("UPDATE audit_log SET actor_label = 'nobody', hash = $1 WHERE seq = 4")
            .bind(&forged)
            .execute(app.db().bookkeeping())
            .await
            .unwrap();
        let report = verify_chain(app.db()).await.unwrap();
        assert_eq!(report.first_broken_seq, Some(5), "{:?}", report.problem);
    })
    .await;
}

#[tokio::test]
async fn deleting_an_audit_record_is_detected() {
    on_every_backend(|app| async move {
        exec(&app, "DELETE FROM audit_log WHERE seq = 7").await;
        assert_eq!(verify_chain(app.db()).await.unwrap().first_broken_seq, Some(7));
    })
    .await;
}

#[tokio::test]
async fn deleting_the_newest_audit_records_is_detected() {
    on_every_backend(|app| async move {
        let (head, _) = touchstone::store::audit::head(app.db().reader()).await.unwrap();
        exec(&app, &format!("DELETE FROM audit_log WHERE seq >= {}", head - 1)).await;
        let report = verify_chain(app.db()).await.unwrap();
        assert_eq!(report.first_broken_seq, Some(head - 1), "{:?}", report.problem);
    })
    .await;
}

#[tokio::test]
async fn organisation_admins_read_only_their_organisations_audit_records() {
    on_every_backend(|app| async move {
        let chief = app.token_for("chief@douane.demo").await;
        let own = app.org_id("Douane française (démo)").await;
        let records = app.get("/api/v1/audit", &chief).await;
        assert_eq!(records.status, StatusCode::OK, "{}", records.text);
        let list = records.json();
        let list = list.as_array().unwrap();
        assert!(!list.is_empty());
        assert!(list.iter().all(|r| r["scope_org_id"] == own), "{list:?}");
        let officer = app.token_for("officer@douane.demo").await;
        assert_eq!(app.get("/api/v1/audit", &officer).await.status, StatusCode::FORBIDDEN);
        let admin = app.token_for("admin@touchstone.demo").await;
        let all = app.get("/api/v1/audit?limit=500", &admin).await.json();
        assert!(
            all.as_array().unwrap().iter().any(|r| r["action"] == "audit.read"),
            "reading the trail is itself recorded"
        );
    })
    .await;
}

#[tokio::test]
async fn users_and_organisations_survive_a_restart_on_the_same_database() {
    let dir = tempfile::tempdir().unwrap();
    for (backend, url) in crate::common::fresh_database_urls(dir.path()).await {
        let first = TestApp::start(backend, url.clone(), tempfile::tempdir().unwrap()).await;
        let admin = first.token_for("admin@touchstone.demo").await;
        let r = first
            .post_json("/api/v1/organisations", &admin, json!({"name": "Zoll", "kind": "customs", "country": "DE"}))
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        first.db().close().await;
        drop(first);
        let second = TestApp::start(backend, url, tempfile::tempdir().unwrap()).await;
        let orgs = second.get("/api/v1/organisations", &admin).await;
        assert_eq!(orgs.status, StatusCode::OK, "[{backend}] the token made before the restart still works");
        assert!(orgs.text.contains("Zoll"));
        let users = second.get("/api/v1/users", &admin).await.json();
        assert_eq!(
            users.as_array().unwrap().len(),
            touchstone::demo::DEMO_ORGANISATIONS.iter().map(|o| o.3.len()).sum::<usize>(),
            "seeding twice creates nobody twice"
        );
        assert_eq!(verify_chain(second.db()).await.unwrap().first_broken_seq, None);
    }
}

#[tokio::test]
async fn a_sqlite_backup_is_a_complete_database() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("live.db").display());
    let app = TestApp::start("sqlite", url, tempfile::tempdir().unwrap()).await;
    let copy = dir.path().join("copy.db");
    app.db().backup_sqlite(copy.to_str().unwrap()).await.unwrap();
    let restored =
        TestApp::start("sqlite", format!("sqlite://{}?mode=rw", copy.display()), tempfile::tempdir().unwrap()).await;
    let admin = restored.token_for("admin@touchstone.demo").await;
    let users = restored.api(Method::GET, "/api/v1/users", Some(&admin), None).await.json();
    let demo_users = touchstone::demo::DEMO_ORGANISATIONS.iter().map(|o| o.3.len()).sum::<usize>();
    assert_eq!(users.as_array().unwrap().len(), demo_users);
    assert_eq!(verify_chain(restored.db()).await.unwrap().first_broken_seq, None);
}
