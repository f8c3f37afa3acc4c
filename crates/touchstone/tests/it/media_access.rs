//! Who may fetch a stored file: its uploader and the readers of a record that shows it; nobody
//! else learns it exists. Records refuse hashes that no upload stored.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};

use crate::common::{on_every_backend, TestApp};
use touchstone::demo_catalog as gen;

fn fixture(path: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/barcodes").join(path);
    std::fs::read(&p)
        .unwrap_or_else(|e| panic!("the shared test data must be beside the checkout ({}): {e}", p.display()))
}

async fn upload(app: &TestApp, token: &str, bytes: Vec<u8>) -> String {
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/media")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::from(bytes))
        .unwrap();
    let r = app.send(req).await;
    assert_eq!(r.status, StatusCode::CREATED, "[{}] {}", app.backend, r.text);
    r.json()["hash"].as_str().unwrap().to_string()
}

/// The status of the file at every address the API and the pages serve it from.
async fn fetch(app: &TestApp, token: &str, hash: &str, thumbnail: bool) -> Vec<StatusCode> {
    let mut paths = vec![format!("/api/v1/media/{hash}"), format!("/media/{hash}")];
    if thumbnail {
        paths.extend([format!("/api/v1/media/{hash}/thumbnail"), format!("/media/{hash}/thumbnail")]);
    }
    let mut out = Vec::new();
    for p in paths {
        out.push(app.get(&p, token).await.status);
    }
    out
}

async fn readable(app: &TestApp, token: &str, hash: &str) -> bool {
    let statuses = fetch(app, token, hash, false).await;
    assert!(statuses.iter().all(|s| *s == statuses[0]), "[{}] the API and the pages agree: {statuses:?}", app.backend);
    match statuses[0] {
        StatusCode::OK => true,
        StatusCode::NOT_FOUND => false,
        other => panic!("[{}] a file is served or not found, never {other}", app.backend),
    }
}

/// A PNG no other test uploads: a demo picture of a brand no test seeds.
fn unique_png() -> Vec<u8> {
    gen::pictures(900, 0).remove(0).1
}

#[tokio::test]
async fn a_catalog_picture_reaches_its_uploader_then_the_brand_side_then_officers_once_published() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let agent = app.token_for("agent@bpp.demo").await;
        let nordwerk = app.token_for("brand@nordwerk.demo").await;
        let officer = app.token_for("officer@douane.demo").await;
        let hash = upload(&app, &lumiere, fixture("qrcode-2/high-res-1.jpg")).await;
        assert!(readable(&app, &lumiere, &hash).await, "the uploader reads its file back");
        for (who, token) in [("officer", &officer), ("another rights holder", &nordwerk), ("the agent", &agent)] {
            assert!(!readable(&app, token, &hash).await, "[{}] no record shows it to {who} yet", app.backend);
        }
        let never = "0".repeat(64);
        let refused = app.get(&format!("/api/v1/media/{hash}"), &officer).await;
        let unknown = app.get(&format!("/api/v1/media/{never}"), &officer).await;
        assert_eq!(
            (refused.status, refused.text.clone()),
            (unknown.status, unknown.text.clone()),
            "a refusal reads as an unknown file"
        );

        // In a draft: the brand's side (its representative too) reads it; officers do not.
        let brand =
            touchstone::store::catalog::get_brand_by_key(app.db().reader(), &gen::brand_key(0)).await.unwrap().unwrap();
        let product =
            touchstone::store::catalog::get_product_by_key(app.db().reader(), brand.id, "p0").await.unwrap().unwrap();
        let mut sheet = serde_json::to_value(&product.draft).unwrap();
        sheet["images"].as_array_mut().unwrap().push(json!({"hash": hash, "label": "genuine", "caption": "Label"}));
        let body = json!({"version": product.version, "sheet": sheet}).to_string();
        let saved =
            app.api(Method::PUT, &format!("/api/v1/products/{}", product.id), Some(&lumiere), Some(&body)).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
        assert!(readable(&app, &agent, &hash).await, "[{}] the representative reads the brand's drafts", app.backend);
        assert!(!readable(&app, &officer, &hash).await, "[{}] a draft is not what officers see", app.backend);

        let published =
            app.api(Method::POST, &format!("/api/v1/products/{}/publish", product.id), Some(&lumiere), None).await;
        assert_eq!(published.status, StatusCode::OK, "{}", published.text);
        assert_eq!(
            fetch(&app, &officer, &hash, true).await,
            vec![StatusCode::OK; 4],
            "[{}] published, with its thumbnail",
            app.backend
        );
        assert!(!readable(&app, &nordwerk, &hash).await, "[{}] another rights holder still does not", app.backend);

        // The demo's own pictures (drawn, stored by the console) reach officers through the card.
        let card = app.get(&format!("/api/v1/products/{}/card", product.id), &officer).await.json();
        for image in card["sheet"]["images"].as_array().unwrap() {
            let h = image["hash"].as_str().unwrap();
            assert_eq!(fetch(&app, &officer, h, true).await, vec![StatusCode::OK; 4], "[{}] {h}", app.backend);
        }
    })
    .await;
}

fn detention(product_id: i64, photos: &[&str]) -> Value {
    json!({
        "case_type": "standard",
        "detain": true,
        "sheet": {
            "office": {"code": "FR000730", "name": "Roissy-Charles de Gaulle fret", "country": "FR"},
            "customs_procedure": "import",
            "transport_mode": "air",
            "origin_country": "CN",
            "destination_country": "FR",
            "goods": [{"description": "handbags", "quantity": 40, "unit": "pieces", "product_id": product_id}],
            "photos": photos,
        }
    })
}

#[tokio::test]
async fn case_photos_and_thread_attachments_reach_the_case_readers_only_and_must_be_stored() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let chief = app.token_for("chief@douane.demo").await;
        let uk_officer = app.token_for("officer@border.demo").await;
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let nordwerk = app.token_for("brand@nordwerk.demo").await;
        let product = app.get(&format!("/api/v1/lookup?code={}", gen::gtin(0, 0)), &officer).await.json()["product"]
            ["product_id"]
            .as_i64()
            .unwrap();
        let never = "ab".repeat(32);
        let r = app.post_json("/api/v1/cases", &officer, detention(product, &[&never])).await;
        assert_eq!(
            (r.status, r.error_code()),
            (StatusCode::UNPROCESSABLE_ENTITY, "unknown_media".into()),
            "{}",
            r.text
        );

        let photo = upload(&app, &officer, unique_png()).await;
        assert!(!readable(&app, &lumiere, &photo).await, "[{}] before the case, only its uploader", app.backend);
        let r = app.post_json("/api/v1/cases", &officer, detention(product, &[&photo])).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let case = r.json()["id"].as_i64().unwrap();
        assert!(readable(&app, &chief, &photo).await, "[{}] a colleague of the administration", app.backend);
        assert!(
            readable(&app, &lumiere, &photo).await,
            "[{}] the rights holder concerned (goods disclosed)",
            app.backend
        );
        assert!(!readable(&app, &nordwerk, &photo).await, "[{}] a rights holder the case does not name", app.backend);
        assert!(!readable(&app, &uk_officer, &photo).await, "[{}] another administration", app.backend);

        let messages = format!("/api/v1/cases/{case}/messages");
        let r = app.post_json(&messages, &lumiere, json!({"body": "See attached.", "attachments": [never]})).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_eq!(r.error_code(), "unknown_media");
        assert_eq!(r.json()["error"]["field"], "attachments");

        let pdf = upload(
            &app,
            &lumiere,
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec(),
        )
        .await;
        assert!(!readable(&app, &officer, &pdf).await);
        let r = app.post_json(&messages, &lumiere, json!({"body": "Our expert's report.", "attachments": [pdf]})).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert!(readable(&app, &officer, &pdf).await, "[{}] the administration reads the thread", app.backend);
        assert!(!readable(&app, &nordwerk, &pdf).await, "[{}] {}", app.backend, "outside the case");
        assert!(!readable(&app, &uk_officer, &pdf).await, "[{}] {}", app.backend, "outside the case");
    })
    .await;
}
