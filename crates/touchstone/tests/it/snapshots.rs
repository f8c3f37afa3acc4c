//! The shapes of the API's main payloads, as snapshots (`tests/it/snapshots/`): a field renamed,
//! dropped or added shows as a diff to review, on both engines against the same file. Ids,
//! instants, digests and references are redacted, since they differ from run to run.
//!
//! After a deliberate change: `INSTA_UPDATE=always cargo test -p touchstone --test it snapshots`,
//! then read the diff of the `.snap` files before committing them.

use axum::http::StatusCode;
use insta::assert_json_snapshot;
use serde_json::{json, Value};

use crate::common::{on_every_backend, TestApp};
use touchstone::demo_catalog as gen;

/// A detention as an officer at Roissy records it.
fn detention(product_id: i64) -> Value {
    json!({"case_type": "standard", "detain": true, "sheet": {
        "office": {"code": "FR000730", "name": "Roissy fret", "country": "FR"},
        "customs_procedure": "import",
        "transport_mode": "air", "origin_country": "CN", "destination_country": "FR",
        "air_waybills": ["020-12345675"],
        "consignor": {"name": "Shenzhen Example Trading", "address": "12 Export Road", "country": "CN"},
        "goods": [{"description": "handbags with the brand's logo", "quantity": 40, "unit": "pieces",
                   "hs_code": "4202.21", "declared_value": 800, "currency": "eur", "product_id": product_id}],
    }})
}

async fn lookup(app: &TestApp, token: &str, code: &str) -> Value {
    let r = app.get(&format!("/api/v1/lookup?code={code}"), token).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()
}

#[tokio::test]
async fn the_product_card_an_officer_reads_keeps_its_shape() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let card = lookup(&app, &officer, &format!("(01)0{}(10)LOT42", gen::gtin(0, 0))).await;
        assert_json_snapshot!("lookup_product_card", card, {
            ".product.product_id" => "[id]",
            ".product.brand_id" => "[id]",
            ".product.version" => "[version]",
            ".product.updated_at" => "[instant]",
            ".**.published_at" => "[instant]",
            ".**.image" => "[digest]",
            ".**.hash" => "[digest]",
            ".**.thumbnail_hash" => "[digest]",
            ".**.logo" => "[digest]",
        });
    })
    .await;
}

#[tokio::test]
async fn a_detention_with_four_bad_fields_is_refused_with_all_four_in_one_envelope() {
    on_every_backend(|app| async move {
        let officer = app.token_for("officer@douane.demo").await;
        let mut body = detention(1);
        body["sheet"]["office"]["code"] = json!("");
        body["sheet"]["origin_country"] = json!("Chinaland");
        body["sheet"]["goods"][0]["quantity"] = json!(-3);
        body["sheet"]["goods"][0]["hs_code"] = json!("42");
        let r = app.post_json("/api/v1/cases", &officer, body).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_json_snapshot!("detention_refused_with_every_problem", r.json());
    })
    .await;
}

#[tokio::test]
async fn a_case_as_the_officer_and_as_the_rights_holder_read_it_keeps_its_shape() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let product = lookup(&app, &officer, &gen::gtin(0, 0)).await["product"]["product_id"].as_i64().unwrap();
        let created = app.post_json("/api/v1/cases", &officer, detention(product)).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let id = created.json()["id"].as_i64().unwrap();
        let redactions = |case: &Value| {
            let mut case = case.clone();
            // Deadlines depend on the day the test runs (working days, holidays).
            for o in case["obligations"].as_array_mut().into_iter().flatten() {
                for key in ["due_at", "working_days_left"] {
                    if !o[key].is_null() {
                        o[key] = json!("[depends on the day]");
                    }
                }
            }
            case
        };
        let settings = [
            (".id", "[id]"),
            (".reference", "[reference]"),
            (".version", "[version]"),
            (".created_by", "[id]"),
            (".organisation_id", "[id]"),
            (".**.product_id", "[id]"),
            (".**.brand_id", "[id]"),
            (".**.organisation_id", "[id]"),
            (".obligations[].id", "[id]"),
            (".events[].at", "[instant]"),
            (".notify_due_at", "[instant]"),
            (".**.created_at", "[instant]"),
            (".**.updated_at", "[instant]"),
            (".**.detained_at", "[instant]"),
            (".**.next_deadline", "[instant]"),
        ];
        let mut s = insta::Settings::clone_current();
        for (selector, replacement) in settings {
            s.add_redaction(selector, replacement);
        }
        let officer_view = app.get(&format!("/api/v1/cases/{id}"), &officer).await.json();
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let rights_holder_view = app.get(&format!("/api/v1/cases/{id}"), &lumiere).await.json();
        s.bind(|| {
            assert_json_snapshot!("case_as_the_officer_reads_it", redactions(&officer_view));
            assert_json_snapshot!("case_as_the_rights_holder_reads_it", redactions(&rights_holder_view));
        });
    })
    .await;
}
