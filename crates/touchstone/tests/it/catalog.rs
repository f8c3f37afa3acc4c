//! The catalog through the API: who sees and edits what, drafts against published sheets,
//! confidential sections, versions and codes.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{brand_id, on_every_backend, product_id, TestApp};
use touchstone::demo_catalog as gen;

async fn seed(app: &TestApp) {
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 16, 2).await.expect("seed a small catalog");
}

fn new_product(key: &str, gtin: &str) -> Value {
    json!({"key": key, "sheet": {"names": {"en": "Night cream 50 ml"}, "category": "creams", "gtins": [gtin], "hs_code": "330499"}})
}

#[tokio::test]
async fn an_officer_opens_a_published_product_card_with_its_guide_and_local_contact_first() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let officer = app.token_for("officer@douane.demo").await;
        let id = product_id(&app, 1, 0).await;
        let card = app.get(&format!("/api/v1/products/{id}/card"), &officer).await;
        assert_eq!(card.status, StatusCode::OK, "[{}] {}", app.backend, card.text);
        let card = card.json();
        assert_eq!(card["brand_name"], gen::brand_name(1));
        assert_eq!(card["sheet"]["gtins"][0], gen::gtin(1, 0));
        let guide = card["sheet"]["guide"].as_array().unwrap();
        assert!(guide.iter().any(|g| g["side"] == "genuine") && guide.iter().any(|g| g["side"] == "counterfeit"));
        assert_eq!(card["contacts"][0]["country"], "FR", "the officer's country comes first");
        let brands = app.get("/api/v1/brands?limit=500", &officer).await.json();
        assert_eq!(brands.as_array().unwrap().len(), 16);
    })
    .await;
}

#[tokio::test]
async fn officers_see_only_what_is_published() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let brand = app.token_for("brand@lumiere.demo").await;
        let officer = app.token_for("officer@border.demo").await;
        let b = brand_id(&app, 0).await;
        let created = app
            .post_json(&format!("/api/v1/brands/{b}/products"), &brand, new_product("night-cream", &gen::gtin(0, 90)))
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let id = created.json()["id"].as_i64().unwrap();
        assert_eq!(app.get(&format!("/api/v1/products/{id}/card"), &officer).await.status, StatusCode::NOT_FOUND);
        let published = app.api(Method::POST, &format!("/api/v1/products/{id}/publish"), Some(&brand), None).await;
        assert_eq!(published.status, StatusCode::OK, "{}", published.text);
        assert_eq!(
            app.get(&format!("/api/v1/products/{id}/card"), &officer).await.json()["sheet"]["names"]["en"],
            "Night cream 50 ml"
        );
        // A later draft stays invisible until it is published in turn.
        let mut sheet = created.json()["draft"].clone();
        sheet["names"]["en"] = json!("Night cream 75 ml");
        let saved = app
            .api(
                Method::PUT,
                &format!("/api/v1/products/{id}"),
                Some(&brand),
                Some(&json!({"version": 1, "sheet": sheet}).to_string()),
            )
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
        assert_eq!(
            app.get(&format!("/api/v1/products/{id}/card"), &officer).await.json()["sheet"]["names"]["en"],
            "Night cream 50 ml"
        );
        let history: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM catalog_history WHERE entity_kind = 'product' AND entity_id = $1")
                .bind(id)
                .fetch_one(app.db().reader())
                .await
                .unwrap();
        assert_eq!(history, 3, "create, publish and save are kept");
        let listed = app.get(&format!("/api/v1/brands/{b}/products"), &officer).await.json();
        let names: Vec<&str> = listed.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
        assert!(names.contains(&"Night cream 50 ml"), "lists show the published name, not the draft's: {names:?}");
    })
    .await;
}

#[tokio::test]
async fn a_rights_holder_sees_and_edits_only_its_own_brands() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let nordwerk = app.token_for("brand@nordwerk.demo").await;
        let own = app.get("/api/v1/brands?limit=500", &nordwerk).await.json();
        let own = own.as_array().unwrap();
        assert_eq!(own.len(), 2, "brands 1 and 9 of 16 belong to Nordwerk");
        assert!(own.iter().all(|b| b["key"] == gen::brand_key(1) || b["key"] == gen::brand_key(9)));
        let lumiere_brand = brand_id(&app, 0).await;
        assert_eq!(app.get(&format!("/api/v1/brands/{lumiere_brand}"), &nordwerk).await.status, StatusCode::NOT_FOUND);
        let p = product_id(&app, 0, 0).await;
        assert_eq!(
            app.get(&format!("/api/v1/products/{p}/card"), &nordwerk).await.status,
            StatusCode::NOT_FOUND,
            "rights holders see no other brand"
        );
        let edit = app
            .post_json(
                &format!("/api/v1/brands/{lumiere_brand}/products"),
                &nordwerk,
                new_product("x", &gen::gtin(0, 91)),
            )
            .await;
        assert_eq!(edit.status, StatusCode::NOT_FOUND);
        let officer = app.token_for("officer@border.demo").await;
        let by_officer = app
            .post_json(
                &format!("/api/v1/brands/{lumiere_brand}/products"),
                &officer,
                new_product("x", &gen::gtin(0, 92)),
            )
            .await;
        assert_eq!(by_officer.status, StatusCode::NOT_FOUND, "officers do not edit the catalog");
    })
    .await;
}

#[tokio::test]
async fn a_representative_edits_the_brands_delegated_to_it_only() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let agent = app.token_for("agent@bpp.demo").await;
        let delegated = brand_id(&app, 0).await;
        let other = brand_id(&app, 1).await;
        let ok = app
            .post_json(
                &format!("/api/v1/brands/{delegated}/products"),
                &agent,
                new_product("agent-made", &gen::gtin(0, 93)),
            )
            .await;
        assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
        let refused = app
            .post_json(
                &format!("/api/v1/brands/{other}/products"),
                &agent,
                new_product("agent-made", &gen::gtin(1, 93)),
            )
            .await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND);
        // Only the owner decides who sees confidential sections.
        let brand = app.get(&format!("/api/v1/brands/{delegated}"), &agent).await.json();
        let mut sheet = brand["draft"].clone();
        sheet["confidentiality"]["countries"] = json!(["GB", "FR"]);
        let r = app
            .api(
                Method::PUT,
                &format!("/api/v1/brands/{delegated}"),
                Some(&agent),
                Some(&json!({"version": brand["version"], "sheet": sheet}).to_string()),
            )
            .await;
        assert_eq!(r.error_code(), "owner_only");
    })
    .await;
}

#[tokio::test]
async fn confidential_sections_reach_only_the_chosen_audience_and_each_read_is_audited() {
    on_every_backend(|app| async move {
        seed(&app).await;
        // Brand 0 keeps its supply chain and prices for French authorities.
        let id = product_id(&app, 0, 0).await;
        let uk =
            app.get(&format!("/api/v1/products/{id}/card"), &app.token_for("officer@border.demo").await).await.json();
        assert_eq!(uk["withheld_sections"], json!(["supply_chain", "prices"]), "{uk}");
        assert!(uk["sheet"]["supply_chain"]["parties"].as_array().unwrap().is_empty());
        assert!(uk["sheet"]["prices"].is_null());
        assert!(!uk["sheet"]["security_features"].as_array().unwrap().is_empty(), "not confidential for this brand");
        let fr =
            app.get(&format!("/api/v1/products/{id}/card"), &app.token_for("officer@douane.demo").await).await.json();
        assert_eq!(fr["withheld_sections"], json!([]));
        assert!(!fr["sheet"]["supply_chain"]["parties"].as_array().unwrap().is_empty());
        let admin = app.token_for("admin@touchstone.demo").await;
        let audit = app.get("/api/v1/audit?limit=20", &admin).await.json();
        let read = audit
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["action"] == "catalog.read_confidential")
            .expect("the read is audited");
        assert_eq!(read["actor_label"], "officer@douane.demo");
    })
    .await;
}

#[tokio::test]
async fn a_stale_version_is_refused_instead_of_overwriting() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let brand = app.token_for("brand@lumiere.demo").await;
        let id = product_id(&app, 0, 1).await;
        let current = app.get(&format!("/api/v1/products/{id}"), &brand).await.json();
        let body = json!({"version": current["version"], "sheet": current["draft"]}).to_string();
        assert_eq!(
            app.api(Method::PUT, &format!("/api/v1/products/{id}"), Some(&brand), Some(&body)).await.status,
            StatusCode::OK
        );
        let again = app.api(Method::PUT, &format!("/api/v1/products/{id}"), Some(&brand), Some(&body)).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        assert_eq!(again.error_code(), "version_conflict");
    })
    .await;
}

#[tokio::test]
async fn bad_codes_are_refused_precisely() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let brand = app.token_for("brand@lumiere.demo").await;
        let b = brand_id(&app, 0).await;
        let good = gen::gtin(0, 94);
        let mut wrong = good.clone();
        let last = wrong.pop().unwrap().to_digit(10).unwrap();
        wrong.push(char::from_digit((last + 1) % 10, 10).unwrap());
        let r = app.post_json(&format!("/api/v1/brands/{b}/products"), &brand, new_product("wrong", &wrong)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.error_code(), "invalid_gtin");
        assert!(r.json()["error"]["message"].as_str().unwrap().contains(&last.to_string()), "{}", r.text);
        let taken =
            app.post_json(&format!("/api/v1/brands/{b}/products"), &brand, new_product("dup", &gen::gtin(1, 0))).await;
        assert_eq!(taken.status, StatusCode::CONFLICT, "{}", taken.text);
        assert_eq!(taken.error_code(), "gtin_taken");
        let mut hs = new_product("hs", &good);
        hs["sheet"]["hs_code"] = json!("990000");
        assert_eq!(
            app.post_json(&format!("/api/v1/brands/{b}/products"), &brand, hs).await.error_code(),
            "unknown_hs_code"
        );
        let mut country = new_product("c", &good);
        country["sheet"]["never_sold_in"] = json!(["ZZ"]);
        let r = app.post_json(&format!("/api/v1/brands/{b}/products"), &brand, country).await;
        assert_eq!(
            (r.error_code().as_str(), r.json()["error"]["field"].as_str()),
            ("invalid_country", Some("never_sold_in"))
        );
    })
    .await;
}

#[tokio::test]
async fn only_rights_holder_administrators_create_brands_for_their_own_organisation() {
    on_every_backend(|app| async move {
        let sheet = json!({"name": "Opaline", "sector": "luxury"});
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let ok = app.post_json("/api/v1/brands", &lumiere, json!({"key": "opaline", "sheet": sheet})).await;
        assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
        let dup = app.post_json("/api/v1/brands", &lumiere, json!({"key": "opaline", "sheet": sheet})).await;
        assert_eq!(dup.error_code(), "key_taken");
        let nordwerk_org = app.org_id("Nordwerk Group (demo)").await;
        let for_other = app
            .post_json(
                "/api/v1/brands",
                &lumiere,
                json!({"key": "x", "owner_organisation_id": nordwerk_org, "sheet": sheet}),
            )
            .await;
        assert_eq!(for_other.status, StatusCode::FORBIDDEN);
        let officer = app.token_for("officer@douane.demo").await;
        assert_eq!(
            app.post_json("/api/v1/brands", &officer, json!({"key": "y", "sheet": sheet})).await.status,
            StatusCode::FORBIDDEN
        );
        let bad_sector = app
            .post_json("/api/v1/brands", &lumiere, json!({"key": "z", "sheet": {"name": "Z", "sector": "weapons"}}))
            .await;
        assert_eq!(bad_sector.status, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn the_demo_catalog_has_400_brands_whose_products_all_have_pictures_and_a_guide() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("demo.db").display());
    let app = TestApp::start("sqlite", url, tempfile::tempdir().unwrap()).await;
    touchstone::demo::seed_catalog(
        app.db(),
        &app.state.media,
        touchstone::demo::DEMO_BRANDS,
        touchstone::demo::DEMO_PRODUCTS_PER_BRAND,
    )
    .await
    .unwrap();
    let officer = app.token_for("officer@border.demo").await;
    let brands = app.get("/api/v1/brands?limit=500", &officer).await.json();
    assert_eq!(brands.as_array().unwrap().len(), 400);
    let products: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, draft FROM products ORDER BY id").fetch_all(app.db().reader()).await.unwrap();
    assert_eq!(products.len(), 1200);
    for (id, draft) in &products {
        let sheet: touchstone::domain::catalog::ProductSheet = serde_json::from_str(draft).unwrap();
        let labels: Vec<_> = sheet.images.iter().map(|i| i.label).collect();
        assert!(labels.contains(&touchstone::domain::catalog::ImageLabel::Genuine), "product {id}");
        assert!(labels.contains(&touchstone::domain::catalog::ImageLabel::Counterfeit), "product {id}");
        assert!(sheet.guide.len() >= 4 && sheet.guide.iter().any(|g| g.image.is_some()), "product {id}");
    }
    // Officers can open published products; a few are kept as drafts on purpose.
    for (id, _) in products.iter().step_by(97) {
        let card = app.get(&format!("/api/v1/products/{id}/card"), &officer).await;
        assert!(card.status == StatusCode::OK || card.status == StatusCode::NOT_FOUND, "{}", card.text);
    }
    let first = app.get(&format!("/api/v1/products/{}/card", products[0].0), &officer).await.json();
    let hash = first["sheet"]["images"][0]["hash"].as_str().unwrap();
    let thumb = app.get(&format!("/media/{hash}/thumbnail"), &officer).await;
    assert_eq!(thumb.status, StatusCode::OK);
    assert_eq!(thumb.headers.get("content-type").unwrap(), "image/png");
}
