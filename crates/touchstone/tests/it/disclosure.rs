//! Who sees what of a case: one rule for lists and single reads, drafts internal to the
//! administration, a rights holder's own goods only, nothing of sharing, and the platform
//! administrator's counts.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::common::{on_every_backend, Browser, TestApp, PASSWORD};
use touchstone::demo_catalog as gen;

async fn product_id(app: &TestApp, token: &str, brand: usize) -> i64 {
    let r = app.get(&format!("/api/v1/lookup?code={}", gen::gtin(brand, 0)), token).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()["product"]["product_id"].as_i64().expect("a published demo product")
}

fn detention(products: &[(i64, &str)], detain: bool) -> Value {
    let goods: Vec<Value> = products
        .iter()
        .map(|(id, what)| json!({"description": what, "quantity": 10, "unit": "pieces", "product_id": id}))
        .collect();
    json!({"case_type": "standard", "detain": detain, "sheet": {
        "office": {"code": "FR000730", "name": "Roissy fret", "country": "FR"},
        "transport_mode": "air", "origin_country": "CN",
        "consignor": {"name": "Shenzhen Example Trading"},
        "goods": goods
    }})
}

async fn create(app: &TestApp, token: &str, body: Value) -> i64 {
    let r = app.post_json("/api/v1/cases", token, body).await;
    assert_eq!(r.status, StatusCode::CREATED, "[{}] {}", app.backend, r.text);
    r.json()["id"].as_i64().unwrap()
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array().expect("a list").iter().map(|c| c["id"].as_i64().unwrap()).collect()
}

async fn setup(app: &TestApp) {
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.unwrap();
}

#[tokio::test]
async fn a_case_shared_with_police_leaves_their_lists_when_the_grant_is_revoked() {
    on_every_backend(|app| async move {
        setup(&app).await;
        let officer = app.token_for("officer@douane.demo").await;
        let chief = app.token_for("chief@douane.demo").await;
        let police = app.token_for("coordinator@police.demo").await;
        let police_org = app.org_id("Police nationale (démo)").await;
        let id = create(&app, &officer, detention(&[(product_id(&app, &officer, 0).await, "handbags")], true)).await;
        let r = app
            .post_json(
                &format!("/api/v1/cases/{id}/shares"),
                &officer,
                json!({"organisation_id": police_org, "note": "For the Le Havre investigation"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(ids(&app.get("/api/v1/cases", &police).await.json()), vec![id]);
        let mut pages = Browser::new(&app);
        pages.sign_in("coordinator@police.demo", PASSWORD).await;
        let reference =
            app.get(&format!("/api/v1/cases/{id}"), &officer).await.json()["reference"].as_str().unwrap().to_string();
        assert!(pages.get("/cases").await.text.contains(&reference));

        let grants = app.get("/api/v1/grants", &chief).await.json();
        let grant =
            grants.as_array().unwrap().iter().find(|g| g["grantee_organisation_id"] == police_org).unwrap().clone();
        let r = app.post_json(&format!("/api/v1/grants/{}/revoke", grant["id"]), &chief, json!({})).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        // Tokens and their grants are remembered up to 2 s per node; a new token reads afresh.
        let police = app.token_for("coordinator@police.demo").await;
        assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &police).await.status, StatusCode::NOT_FOUND);
        let listed = app.get("/api/v1/cases", &police).await;
        assert!(
            !listed.status.is_success() || ids(&listed.json()).is_empty(),
            "the list follows the single read: {}",
            listed.text
        );
        assert!(!pages.get("/cases").await.text.contains(&reference), "nor is it on the page");
    })
    .await;
}

#[tokio::test]
async fn a_draft_case_is_internal_to_the_administration() {
    on_every_backend(|app| async move {
        setup(&app).await;
        let officer = app.token_for("officer@douane.demo").await;
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let id = create(&app, &officer, detention(&[(product_id(&app, &officer, 0).await, "handbags")], false)).await;
        assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &lumiere).await.status, StatusCode::NOT_FOUND);
        assert!(!ids(&app.get("/api/v1/cases", &lumiere).await.json()).contains(&id));
        let r =
            app.post_json(&format!("/api/v1/cases/{id}/messages"), &lumiere, json!({"body": "Is this ours?"})).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
        let stats = app.get("/api/v1/stats/cases", &lumiere).await.json();
        assert!(stats.as_array().unwrap().iter().all(|s| s["state"] != "draft"), "not even counted: {stats}");

        let r = app.post_json(&format!("/api/v1/cases/{id}/transitions"), &officer, json!({"action": "detain"})).await;
        assert!(r.status.is_success(), "{}", r.text);
        assert_eq!(
            app.get(&format!("/api/v1/cases/{id}"), &lumiere).await.status,
            StatusCode::OK,
            "notified, it is theirs to read"
        );
    })
    .await;
}

#[tokio::test]
async fn a_rights_holder_reads_its_own_goods_and_not_whom_the_case_was_shared_with() {
    on_every_backend(|app| async move {
        setup(&app).await;
        let officer = app.token_for("officer@douane.demo").await;
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let nordwerk = app.token_for("brand@nordwerk.demo").await;
        let police_org = app.org_id("Police nationale (démo)").await;
        let goods = [
            (product_id(&app, &officer, 0).await, "Lumière handbags"),
            (product_id(&app, &officer, 1).await, "Nordwerk drills"),
        ];
        let id = create(&app, &officer, detention(&goods, true)).await;
        let r = app
            .post_json(
                &format!("/api/v1/cases/{id}/shares"),
                &officer,
                json!({"organisation_id": police_org, "note": "Joint investigation"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        for (token, own, other) in
            [(&lumiere, "Lumière handbags", "Nordwerk drills"), (&nordwerk, "Nordwerk drills", "Lumière handbags")]
        {
            let case = app.get(&format!("/api/v1/cases/{id}"), token).await;
            assert_eq!(case.status, StatusCode::OK, "{}", case.text);
            assert!(case.text.contains(own), "its own goods: {}", case.text);
            assert!(!case.text.contains(other), "not the other rights holder's goods: {}", case.text);
            assert!(
                !case.text.contains("\"shared\"") && !case.text.contains("Police"),
                "nothing of the share: {}",
                case.text
            );
            let list = app.get("/api/v1/cases", token).await.text;
            assert!(list.contains(own) && !list.contains(other), "the list too: {list}");
        }
        let full = app.get(&format!("/api/v1/cases/{id}"), &officer).await.text;
        assert!(full.contains("Lumière handbags") && full.contains("Nordwerk drills") && full.contains("\"shared\""));
    })
    .await;
}

#[tokio::test]
async fn the_platform_administrator_sees_counts_of_cases_and_nothing_of_operations() {
    on_every_backend(|app| async move {
        setup(&app).await;
        let officer = app.token_for("officer@douane.demo").await;
        let admin = app.token_for("admin@touchstone.demo").await;
        let police = app.token_for("coordinator@police.demo").await;
        let id = create(&app, &officer, detention(&[(product_id(&app, &officer, 0).await, "handbags")], true)).await;
        assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &admin).await.status, StatusCode::NOT_FOUND);
        assert!(!app.get("/api/v1/cases", &admin).await.status.is_success(), "no list of cases");
        let r = app
            .post_json(
                &format!("/api/v1/cases/{id}/shares"),
                &admin,
                json!({"organisation_id": app.org_id("Police nationale (démo)").await, "note": "x"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "nor shares them: {}", r.text);
        let stats = app.get("/api/v1/stats/cases", &admin).await.json();
        let total: i64 = stats.as_array().unwrap().iter().map(|s| s["count"].as_i64().unwrap()).sum();
        assert_eq!(total, 1, "counts of every administration's cases: {stats}");

        let today = time::OffsetDateTime::now_utc().date();
        let op = app
            .post_json(
                "/api/v1/operations",
                &police,
                json!({
                    "name": "Sablier", "kind": "investigation", "status": "active",
                    "starts_on": today.to_string(), "ends_on": (today + time::Duration::days(30)).to_string(),
                    "contact": {"name": "Cdt. Moreau", "phone": "+33 1 23 45 67 89", "email": "jm@police.example"},
                    "confidentiality": "confidential", "tell_detaining_officer": false
                }),
            )
            .await;
        assert_eq!(op.status, StatusCode::CREATED, "{}", op.text);
        let op_id = op.json()["id"].as_i64().unwrap();
        assert!(!app.get(&format!("/api/v1/operations/{op_id}"), &admin).await.status.is_success());
        let listed = app.get("/api/v1/operations", &admin).await;
        assert!(!listed.status.is_success() || !listed.text.contains("Sablier"), "{}", listed.text);
        let hits = app.get("/api/v1/coordination/hits", &admin).await;
        assert!(!hits.status.is_success() || hits.json().as_array().is_some_and(|h| h.is_empty()), "{}", hits.text);

        // The catalog as an officer without confidential access reads it, each read on the record.
        let card = app.get(&format!("/api/v1/lookup?code={}", gen::gtin(0, 0)), &admin).await;
        assert_eq!(card.status, StatusCode::OK, "{}", card.text);
        let audit = app.get("/api/v1/audit?limit=50", &admin).await.json();
        assert!(
            audit
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["action"] == "catalog.read" && r["actor_label"] == "admin@touchstone.demo"),
            "{audit}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_withheld_section_withholds_its_pictures_and_the_indicators_showing_them() {
    on_every_backend(|app| async move {
        setup(&app).await;
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let uk = app.token_for("officer@border.demo").await;
        let id = product_id(&app, &app.token_for("officer@douane.demo").await, 0).await;
        // Brand 0 keeps its security features for French authorities; one of its pictures shows one.
        let product = app.get(&format!("/api/v1/products/{id}"), &lumiere).await.json();
        let mut sheet = product["draft"].clone();
        let hash = sheet["images"][0]["hash"].as_str().expect("a demo picture").to_string();
        sheet["images"][0]["label"] = json!("security_feature");
        sheet["images"][0]["caption"] = json!("UV ink under the lining");
        sheet["guide"]
            .as_array_mut()
            .unwrap()
            .push(json!({"side": "genuine", "text": "The lining glows under UV", "image": hash, "weight": 5}));
        let r = app
            .api(
                axum::http::Method::PUT,
                &format!("/api/v1/products/{id}"),
                Some(&lumiere),
                Some(&json!({"version": product["version"], "sheet": sheet}).to_string()),
            )
            .await;
        assert!(r.status.is_success(), "{}", r.text);
        let r = app.post_json(&format!("/api/v1/products/{id}/publish"), &lumiere, json!({})).await;
        assert!(r.status.is_success(), "{}", r.text);
        let brand_id = product["brand_id"].as_i64().unwrap();
        let brand = app.get(&format!("/api/v1/brands/{brand_id}"), &lumiere).await.json();
        let mut brand_sheet = brand["draft"].clone();
        brand_sheet["confidentiality"]["sections"] = json!(["security_features"]);
        brand_sheet["confidentiality"]["countries"] = json!(["FR"]);
        let r = app
            .api(
                axum::http::Method::PUT,
                &format!("/api/v1/brands/{brand_id}"),
                Some(&lumiere),
                Some(&json!({"version": brand["version"], "sheet": brand_sheet}).to_string()),
            )
            .await;
        assert!(r.status.is_success(), "{}", r.text);

        let card = app.get(&format!("/api/v1/products/{id}/card"), &uk).await;
        assert_eq!(card.status, StatusCode::OK, "{}", card.text);
        let withheld = card.json()["withheld_sections"].clone();
        assert_eq!(withheld, json!(["security_features"]), "{}", card.text);
        for secret in [hash.as_str(), "UV ink under the lining", "The lining glows under UV"] {
            assert!(!card.text.contains(secret), "the card holds {secret:?}: {}", card.text);
        }
        let mut page = Browser::new(&app);
        page.sign_in("officer@border.demo", PASSWORD).await;
        let html = page.get(&format!("/catalog/products/{id}")).await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(!html.text.contains(&hash) && !html.text.contains("UV ink under the lining"), "nor the page");
        let fr = app.get(&format!("/api/v1/products/{id}/card"), &app.token_for("officer@douane.demo").await).await;
        assert!(fr.text.contains(&hash) && fr.text.contains("The lining glows under UV"), "the audience sees it all");
    })
    .await;
}
