//! Pictures in import rows: each goes through the upload checks, a bad one refuses only its
//! row, nothing is half-written, a second import changes nothing, and files named by path are
//! read beside the import file only.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::Value;

use crate::common::{on_every_backend, png_chunk, png_claiming, TestApp};
use touchstone::demo_catalog as gen;

const HEADER: &str = "brand_key,brand_name,sector,product_key,name_en,gtins,category,hs_code,images,publish";

async fn import(app: &TestApp, token: &str, content_type: &str, body: &str) -> (StatusCode, Value) {
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

fn data_uri(png: &[u8]) -> String {
    format!("data:image/png;base64,{}", data_encoding::BASE64.encode(png))
}

/// A real picture carrying a text chunk that must not survive the import.
fn picture_with_secret(brand: usize) -> Vec<u8> {
    let png = gen::pictures(brand, 0).remove(0).1;
    let mut out = png[..33].to_vec(); // signature and IHDR
    out.extend(png_chunk(b"tEXt", b"Comment\0GPS 48.8566N SECRET-WAREHOUSE"));
    out.extend_from_slice(&png[33..]);
    out
}

async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(app.db().reader()).await.unwrap()
}

fn errors_of(report: &Value) -> Vec<(u64, String, String)> {
    report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["column"].as_str().unwrap().into(), e["code"].as_str().unwrap().into()))
        .collect()
}

#[tokio::test]
async fn a_file_mixing_good_rows_with_bad_codes_names_and_a_40000_pixel_picture_gets_every_good_row_in() {
    on_every_backend(|app| async move {
        let token = app.token_for("brand@lumiere.demo").await;
        let genuine = picture_with_secret(3);
        let fake = gen::pictures(4, 0).remove(1).1;
        let good_gtin = gen::gtin(600, 1);
        let mut wrong_gtin = gen::gtin(600, 2);
        let d = wrong_gtin.pop().unwrap().to_digit(10).unwrap();
        wrong_gtin.push(char::from_digit((d + 1) % 10, 10).unwrap());
        let two = format!(
            "genuine:{}#Even stitching, 8 per inch|counterfeit:{}#Crooked seam",
            data_uri(&genuine),
            data_uri(&fake)
        );
        let row = |key: &str, name: &str, gtin: &str, hs: &str, images: &str| {
            format!("lum-pics,Lumière Pictures,luxury,{key},{name},{gtin},scarves,{hs},\"{images}\",yes")
        };
        let mut corrupt = b"\x89PNG\r\n\x1a\n".to_vec();
        corrupt.extend_from_slice(b"this is not the rest of a PNG file");
        let csv = [
            HEADER.to_string(),
            row("a", "Silk scarf a", &good_gtin, "621410", &two),
            row("b", "Silk scarf b", &wrong_gtin, "621410", &two),
            row("c", "Silk scarf c", "", "990000", &two),
            row("d", "", "", "621410", &two),
            row("e", "Silk scarf e", "", "621410", &format!("genuine:{}", data_uri(&png_claiming(40_000, 3_000)))),
            row(
                "f",
                "Silk scarf f",
                "",
                "621410",
                &format!("genuine:{}#ok|packaging:{}", data_uri(&fake), data_uri(&corrupt)),
            ),
            row("g", "Silk scarf g", "", "621410", "genuine:pictures/scarf.png"),
            row("h", "Silk scarf h", "", "621410", "shiny:pictures/scarf.png"),
            row("i", "Silk scarf i", "", "621410", ""),
            row("j", "Silk scarf j", "", "621410", &format!("packaging:{}#Same box as a", data_uri(&fake))),
        ]
        .join("\n");
        let (status, report) = import(&app, &token, "text/csv", &csv).await;
        assert_eq!(status, StatusCode::OK, "[{}] {report}", app.backend);
        assert_eq!((report["rows"].as_u64(), report["created"].as_u64()), (Some(10), Some(3)), "{report}");
        assert_eq!(report["failed"], 7, "{report}");
        assert_eq!(
            errors_of(&report),
            vec![
                (2, "gtins".into(), "invalid_gtin".into()),
                (3, "hs_code".into(), "unknown_hs_code".into()),
                (4, "name_en".into(), "required".into()),
                (5, "images".into(), "too_many_pixels".into()),
                (6, "images".into(), "corrupt_file".into()),
                (7, "images".into(), "path_not_allowed".into()),
                (8, "images".into(), "invalid_image_label".into()),
            ],
            "{report}"
        );
        let huge = report["errors"][3]["message"].as_str().unwrap();
        assert!(huge.starts_with("Picture 1 (data:image/png;base64,"), "{huge}");
        assert!(huge.contains("40000 × 3000"), "the reason names the size: {huge}");
        let corrupt_message = report["errors"][4]["message"].as_str().unwrap();
        assert!(corrupt_message.starts_with("Picture 2 "), "the second picture of the row: {corrupt_message}");

        // Nothing half-written: three products, and the two distinct pictures they show.
        assert_eq!(count(&app, "products").await, 3);
        assert_eq!(report["images_stored"], 2, "{report}");
        assert_eq!(count(&app, "media").await, 2, "no picture row without a product showing it");
        let brand = touchstone::store::catalog::get_brand_by_key(app.db().reader(), "lum-pics").await.unwrap().unwrap();
        let a =
            touchstone::store::catalog::get_product_by_key(app.db().reader(), brand.id, "a").await.unwrap().unwrap();
        let gallery: Vec<(&str, &str)> =
            a.draft.images.iter().map(|i| (i.label.as_str(), i.caption.get("und").unwrap_or_default())).collect();
        assert_eq!(gallery, vec![("genuine", "Even stitching, 8 per inch"), ("counterfeit", "Crooked seam")]);
        let j =
            touchstone::store::catalog::get_product_by_key(app.db().reader(), brand.id, "j").await.unwrap().unwrap();
        assert_eq!(j.draft.images[0].hash, a.draft.images[1].hash, "the same picture is stored once");

        // What officers get is the cleaned file, with a thumbnail.
        let officer = app.token_for("officer@douane.demo").await;
        let hash = &a.draft.images[0].hash;
        let stored = app.get(&format!("/api/v1/media/{hash}"), &officer).await;
        assert_eq!(stored.status, StatusCode::OK);
        assert!(!stored.text.contains("SECRET-WAREHOUSE"), "the picture's text metadata is stripped");
        let thumb = app.get(&format!("/api/v1/media/{hash}/thumbnail"), &officer).await;
        assert_eq!(thumb.status, StatusCode::OK);
        let card = app.get(&format!("/api/v1/products/{}/card", a.id), &officer).await;
        assert_eq!(card.json()["sheet"]["images"].as_array().unwrap().len(), 2, "{}", card.text);

        // The same file again: nothing changes, the same rows are refused for the same reasons.
        let audit_head = touchstone::store::audit::head(app.db().reader()).await.unwrap();
        let (_, again) = import(&app, &token, "text/csv", &csv).await;
        assert_eq!(
            (again["created"].as_u64(), again["updated"].as_u64(), again["unchanged"].as_u64()),
            (Some(0), Some(0), Some(3)),
            "{again}"
        );
        assert_eq!(again["images_stored"], 0);
        assert_eq!(errors_of(&again), errors_of(&report));
        assert_eq!(count(&app, "media").await, 2);
        assert_eq!(touchstone::store::audit::head(app.db().reader()).await.unwrap(), audit_head);
    })
    .await;
}

#[tokio::test]
async fn a_csv_export_names_pictures_the_import_understands_and_json_lines_take_data_uris() {
    on_every_backend(|app| async move {
        let token = app.token_for("brand@lumiere.demo").await;
        let png = gen::pictures(5, 0).remove(0).1;
        let line = serde_json::json!({
            "brand_key": "lum-json", "brand_name": "Lumière JSON", "sector": "luxury", "product_key": "p1",
            "sheet": {"names": {"en": "Belt"}, "category": "belts"},
            "images": [{"src": data_uri(&png), "label": "genuine", "caption": "Buckle engraving"}],
            "publish": true,
        });
        let (status, report) = import(&app, &token, "application/x-ndjson", &line.to_string()).await;
        assert_eq!((status, report["created"].as_u64()), (StatusCode::OK, Some(1)), "[{}] {report}", app.backend);

        let export = app.get("/api/v1/catalog/export?format=csv", &token).await;
        assert_eq!(export.status, StatusCode::OK);
        let belt = export.text.lines().find(|l| l.contains("lum-json")).expect("exported").to_string();
        assert!(belt.contains("genuine:media:") && belt.contains("#Buckle engraving"), "{belt}");
        let (_, back) = import(&app, &token, "text/csv", &export.text).await;
        assert_eq!((back["unchanged"].as_u64(), back["failed"].as_u64()), (Some(1), Some(0)), "{back}");

        // A reference to a file this Touchstone does not hold is refused, with what to do.
        let unknown = serde_json::json!({
            "brand_key": "lum-json", "product_key": "p2", "sheet": {"names": {"en": "Belt 2"}, "category": "belts"},
            "images": [{"src": format!("media:{}", "ab".repeat(32)), "label": "genuine"}],
        });
        let (_, report) = import(&app, &token, "application/x-ndjson", &unknown.to_string()).await;
        assert_eq!(errors_of(&report), vec![(1, "images".into(), "unknown_media".into())], "{report}");
        assert!(report["errors"][0]["message"].as_str().unwrap().contains("data: URI"));

        let embedded = app.get("/api/v1/catalog/export?format=jsonl&images=embed", &token).await;
        let row: Value = serde_json::from_str(embedded.text.lines().next().unwrap()).unwrap();
        assert!(row["images"][0]["src"].as_str().unwrap().starts_with("data:image/png;base64,"), "{row}");
        assert_eq!(row["sheet"]["images"], serde_json::json!([]));
    })
    .await;
}

fn touchstone(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_touchstone"))
        .args(args)
        .env_remove("TOUCHSTONE_DATABASE_URL")
        .env("TOUCHSTONE_LOG", "warn")
        .output()
        .expect("run touchstone")
}

#[tokio::test]
async fn the_command_line_reads_pictures_beside_the_import_file_and_never_outside_its_folder() {
    // The server and the command line share one data folder, as on a real host.
    let data = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", data.path().join("touchstone.db").display());
    let app = TestApp::start("sqlite", url, data).await;
    let data = app.dir.path();
    let drop = tempfile::tempdir().unwrap();
    std::fs::create_dir(drop.path().join("pictures")).unwrap();
    std::fs::write(drop.path().join("pictures/scarf.png"), gen::pictures(6, 0).remove(0).1).unwrap();
    std::fs::write(drop.path().join("pictures/huge.png"), png_claiming(40_000, 3_000)).unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.png"), gen::pictures(6, 1).remove(0).1).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.png"), drop.path().join("pictures/link.png")).unwrap();
    let row = |key: &str, images: &str| format!("lum-cli,Lumière CLI,luxury,{key},Scarf {key},,scarves,,{images},yes");
    let csv = [
        HEADER.to_string(),
        row("a", "genuine:pictures/scarf.png#Label sewn flat"),
        row("b", "genuine:../secret.png"),
        row("c", "genuine:pictures/link.png"),
        row("d", "genuine:pictures/missing.png"),
        row("e", "genuine:pictures/huge.png"),
        row("f", &format!("genuine:{}", outside.path().join("secret.png").display())),
    ]
    .join("\n");
    let file = drop.path().join("catalog.csv");
    std::fs::write(&file, csv).unwrap();
    let out = touchstone(&[
        "catalog",
        "import",
        file.to_str().unwrap(),
        "--data-dir",
        data.to_str().unwrap(),
        "--as",
        "brand@lumiere.demo",
    ]);
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(3), "some rows failed: {printed} {}", String::from_utf8_lossy(&out.stderr));
    assert!(
        printed.contains("6 rows") && printed.contains("1 created") && printed.contains("1 pictures stored"),
        "{printed}"
    );
    for (row, code) in [
        (2, "path_outside_import_dir"),
        (3, "path_outside_import_dir"),
        (4, "image_not_found"),
        (5, "too_many_pixels"),
        (6, "path_outside_import_dir"),
    ] {
        assert!(printed.contains(&format!("row {row}, column images: Picture 1")), "row {row}: {printed}");
        assert!(
            printed.lines().any(|l| l.starts_with(&format!("row {row},")) && l.ends_with(&format!("({code})"))),
            "row {row} {code}: {printed}"
        );
    }
    let brand = touchstone::store::catalog::get_brand_by_key(app.db().reader(), "lum-cli").await.unwrap().unwrap();
    let a = touchstone::store::catalog::get_product_by_key(app.db().reader(), brand.id, "a").await.unwrap().unwrap();
    assert_eq!(a.draft.images.len(), 1);
    assert_eq!(a.draft.images[0].caption, "Label sewn flat".into(), "a caption without a language is as written");
    let officer = app.token_for("officer@douane.demo").await;
    let served = app.get(&format!("/api/v1/media/{}", a.draft.images[0].hash), &officer).await;
    assert_eq!(served.status, StatusCode::OK, "the command line stored the file where the server reads it");
    assert_eq!(count(&app, "media").await, 1, "nothing of the refused rows was stored");
}
