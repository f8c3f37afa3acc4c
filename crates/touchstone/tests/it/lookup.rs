//! Identifying a product from a code, as an officer does at the border.

use axum::http::StatusCode;
use serde_json::Value;

use crate::common::{on_every_backend, on_every_backend_with, TestApp};
use touchstone::demo_catalog as gen;

async fn lookup(app: &TestApp, token: &str, code: &str) -> Value {
    let q: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
    let r = app.get(&format!("/api/v1/lookup?code={q}"), token).await;
    assert_eq!(r.status, StatusCode::OK, "{code}: {}", r.text);
    r.json()
}

#[tokio::test]
async fn a_scanned_or_typed_gtin_finds_the_published_product_card() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 3, 2).await.unwrap();
        let officer = app.token_for("officer@border.demo").await;
        let gtin = gen::gtin(2, 1);
        for code in [
            gtin.clone(),
            format!("]E0{gtin}"),
            format!("0{gtin}"),
            format!("(01)0{gtin}(10)LOT42"),
            format!("https://id.example.com/01/0{gtin}"),
        ] {
            let r = lookup(&app, &officer, &code).await;
            assert_eq!(r["outcome"], "product", "[{}] {code}: {r}", app.backend);
            assert_eq!(r["product"]["brand_name"], gen::brand_name(2));
            assert_eq!(r["gtin"], format!("0{gtin}"));
        }
        let element = lookup(&app, &officer, &format!("(01)0{gtin}(10)LOT42")).await;
        assert_eq!(element["interpretation"]["element_string"]["ais"][1]["value"], "LOT42");
    })
    .await;
}

#[tokio::test]
async fn an_unregistered_gtin_still_names_the_brand_owning_its_prefix() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 3, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let r = lookup(&app, &officer, &gen::gtin(1, 777)).await;
        assert_eq!(r["outcome"], "brand_only", "{r}");
        assert_eq!(r["brand_owner"]["brand_name"], gen::brand_name(1));
        assert_eq!(r["brand_owner"]["gs1_company_prefix"], gen::company_prefix(1));
        assert!(!r["brand_owner"]["contacts"].as_array().unwrap().is_empty());
        let nobody = lookup(&app, &officer, "4006381333931").await;
        assert_eq!(nobody["outcome"], "not_registered");
        assert!(nobody["message"].as_str().unwrap().contains("Nothing is registered"));
    })
    .await;
}

#[tokio::test]
async fn bad_codes_are_explained_not_guessed() {
    on_every_backend(|app| async move {
        let officer = app.token_for("officer@douane.demo").await;
        let wrong = lookup(&app, &officer, "4006381333932").await;
        assert_eq!(wrong["outcome"], "invalid");
        assert!(wrong["message"].as_str().unwrap().contains("should be 1"), "{wrong}");
        let text = lookup(&app, &officer, "hello world").await;
        assert_eq!(text["outcome"], "not_a_product_code");
        let empty = app.get("/api/v1/lookup?code=%20", &officer).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        let brand = app.token_for("brand@lumiere.demo").await;
        assert_eq!(app.get("/api/v1/lookup?code=4006381333931", &brand).await.status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn a_draft_product_is_not_shown_to_officers_by_its_code() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let brand = app.token_for("brand@lumiere.demo").await;
        let b = touchstone::store::catalog::get_brand_by_key(app.db().reader(), &gen::brand_key(0)).await.unwrap().unwrap().id;
        let body = serde_json::json!({"key": "secret", "sheet": {"names": {"en": "Unreleased"}, "category": "x", "gtins": [gen::gtin(0, 55)]}});
        let created = app.post_json(&format!("/api/v1/brands/{b}/products"), &brand, body).await;
        assert_eq!(created.status, StatusCode::CREATED);
        let officer = app.token_for("officer@douane.demo").await;
        let r = lookup(&app, &officer, &gen::gtin(0, 55)).await;
        assert_eq!(r["outcome"], "brand_only", "{r}");
        assert!(r["product"].is_null());
        // Published, it is found by the very next lookup: no read is served from before the write.
        let id = created.json()["id"].as_i64().unwrap();
        let published = app.api(axum::http::Method::POST, &format!("/api/v1/products/{id}/publish"), Some(&brand), None).await;
        assert_eq!(published.status, StatusCode::OK, "{}", published.text);
        let r = lookup(&app, &officer, &gen::gtin(0, 55)).await;
        assert_eq!(r["outcome"], "product", "[{}] {r}", app.backend);
    })
    .await;
}

#[tokio::test]
async fn a_product_published_by_another_process_is_found_moments_later() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let code = gen::gtin(0, 56);
        assert_eq!(lookup(&app, &officer, &code).await["outcome"], "brand_only");
        // Another process (the CLI, another node) on the same database.
        let other = touchstone::store::Db::connect(app.config.database_url().expose()).await.unwrap();
        let b = touchstone::store::catalog::get_brand_by_key(other.reader(), &gen::brand_key(0)).await.unwrap().unwrap();
        let console = touchstone::domain::policy::Principal::console();
        let product = touchstone::domain::catalog::create_product(
            &other,
            &console,
            b.id,
            serde_json::from_value(serde_json::json!({"key": "elsewhere", "sheet": {"names": {"en": "Made elsewhere"}, "category": "x", "gtins": [code]}}))
                .unwrap(),
        )
        .await
        .unwrap();
        touchstone::domain::catalog::publish_product(&other, &console, product.id).await.unwrap();
        tokio::time::sleep(touchstone::store::local_reads::SNAPSHOT_AGE + std::time::Duration::from_millis(30)).await;
        let r = lookup(&app, &officer, &code).await;
        assert_eq!(r["outcome"], "product", "[{}] {r}", app.backend);
        assert_eq!(r["product"]["product_id"], product.id);
    })
    .await;
}

#[tokio::test]
async fn officers_reading_confidential_sections_at_once_are_each_recorded_once_in_an_intact_chain() {
    // 40 reads at once through one token: more than a token's default concurrent requests.
    on_every_backend_with(
        |c| c.api_limits.concurrent_requests = 64,
        |app| async move {
            touchstone::demo::seed_catalog(app.db(), &app.state.media, 3, 4).await.unwrap();
            // Brand 0 keeps its supply chain for French authorities: each French read is audited.
            let officer = app.token_for("officer@douane.demo").await;
            let count = |app: &TestApp| {
                let reader = app.db().reader().clone();
                async move {
                    let n: i64 =
                        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'catalog.read_confidential'")
                            .fetch_one(&reader)
                            .await
                            .unwrap();
                    n
                }
            };
            let before = count(&app).await;
            let mut reads = tokio::task::JoinSet::new();
            for i in 0..40 {
                let router = app.router.clone();
                let request = axum::http::Request::get(format!("/api/v1/lookup?code={}", gen::gtin(0, i % 4)))
                    .header("authorization", format!("Bearer {officer}"))
                    .body(axum::body::Body::empty())
                    .unwrap();
                reads.spawn(async move { tower::ServiceExt::oneshot(router, request).await.unwrap().status() });
            }
            while let Some(status) = reads.join_next().await {
                assert_eq!(status.unwrap(), StatusCode::OK);
            }
            assert_eq!(count(&app).await - before, 40, "[{}] one record per read", app.backend);
            let report = touchstone::domain::audit::verify_chain(app.db()).await.unwrap();
            assert_eq!(report.first_broken_seq, None, "[{}] {:?}", app.backend, report.problem);
        },
    )
    .await;
}

/// Changes the published copy of a product in the database without the change feed knowing: a
/// lookup that still shows the old name was answered from the node's card replica.
async fn change_behind_the_feed(app: &TestApp, product_id: i64, name: &str) {
    sqlx::query("UPDATE products SET published = $1 WHERE id = $2")
        .bind(
            serde_json::to_string(&{
                let mut sheet: Value = serde_json::from_str(
                    &sqlx::query_scalar::<_, String>("SELECT published FROM products WHERE id = $1")
                        .bind(product_id)
                        .fetch_one(app.db().reader())
                        .await
                        .unwrap(),
                )
                .unwrap();
                sheet["names"] = serde_json::json!({"en": name});
                sheet
            })
            .unwrap(),
        )
        .bind(product_id)
        .execute(app.db().bookkeeping())
        .await
        .unwrap();
}

#[tokio::test]
async fn on_postgresql_lookups_read_the_node_s_card_replica_and_see_this_node_s_changes_at_once() {
    on_every_backend(|app| async move {
        if app.backend != "postgres" {
            return; // SQLite lookups already read on the calling thread: no replica.
        }
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 2).await.unwrap();
        let officer = app.token_for("officer@border.demo").await;
        let brand = app.token_for("brand@lumiere.demo").await;
        let gtin = gen::gtin(0, 1);
        let id = crate::common::product_id(&app, 0, 1).await;
        let name = |r: &Value| r["product"]["sheet"]["names"]["en"].as_str().unwrap_or_default().to_string();
        let original = name(&lookup(&app, &officer, &gtin).await);

        touchstone::domain::cards::attach(app.db(), &app.dir.path().join("cards.sqlite"));
        // Not used before the follower has caught up once.
        change_behind_the_feed(&app, id, "Probe before catch-up").await;
        assert_eq!(name(&lookup(&app, &officer, &gtin).await), "Probe before catch-up");
        change_behind_the_feed(&app, id, &original).await;
        app.state.search.catch_up(app.db()).await.unwrap();
        change_behind_the_feed(&app, id, "Probe after catch-up").await;
        assert_eq!(name(&lookup(&app, &officer, &gtin).await), original, "answered from the replica");

        // A change published through this node is seen by the very next lookup.
        let current = app.get(&format!("/api/v1/products/{id}"), &brand).await.json();
        let mut sheet = current["draft"].clone();
        sheet["names"]["en"] = Value::from("Republished night cream");
        let body = serde_json::json!({"version": current["version"], "sheet": sheet}).to_string();
        let saved =
            app.api(axum::http::Method::PUT, &format!("/api/v1/products/{id}"), Some(&brand), Some(&body)).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
        let published =
            app.api(axum::http::Method::POST, &format!("/api/v1/products/{id}/publish"), Some(&brand), None).await;
        assert_eq!(published.status, StatusCode::OK, "{}", published.text);
        assert_eq!(name(&lookup(&app, &officer, &gtin).await), "Republished night cream");

        // Once the follower has applied it, the replica answers again, with the new copy.
        app.state.search.catch_up(app.db()).await.unwrap();
        change_behind_the_feed(&app, id, "Probe after the follower").await;
        assert_eq!(name(&lookup(&app, &officer, &gtin).await), "Republished night cream");

        // The brand is kept in memory: a change published through this node is seen at once,
        // and kept once the follower has applied it.
        let brand_id = crate::common::brand_id(&app, 0).await;
        let current = app.get(&format!("/api/v1/brands/{brand_id}"), &brand).await.json();
        let mut sheet = current["draft"].clone();
        sheet["name"] = Value::from("Veloria Maison");
        let body = serde_json::json!({"version": current["version"], "sheet": sheet}).to_string();
        let saved =
            app.api(axum::http::Method::PUT, &format!("/api/v1/brands/{brand_id}"), Some(&brand), Some(&body)).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
        let published =
            app.api(axum::http::Method::POST, &format!("/api/v1/brands/{brand_id}/publish"), Some(&brand), None).await;
        assert_eq!(published.status, StatusCode::OK, "{}", published.text);
        assert_eq!(lookup(&app, &officer, &gtin).await["product"]["brand_name"], "Veloria Maison");
        app.state.search.catch_up(app.db()).await.unwrap();
        assert_eq!(lookup(&app, &officer, &gtin).await["product"]["brand_name"], "Veloria Maison");
        assert_eq!(lookup(&app, &officer, &gen::gtin(0, 0)).await["product"]["brand_name"], "Veloria Maison");
    })
    .await;
}
