//! Identifying products in the field: a barcode photo, or words typed with typos.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};

use crate::common::{on_every_backend, Reply, TestApp};
use touchstone::demo_catalog as gen;

/// An EAN-13 photo from the zxing-cpp samples, and the GTIN it carries.
const PHOTO: &str = "ean13-1/4.webp";
const PHOTO_GTIN: &str = "5449000039231";

fn barcodes() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/barcodes")
}

async fn seed(app: &TestApp) {
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 3, 2).await.expect("seed a small catalog");
}

async fn scan(app: &TestApp, token: &str, body: Vec<u8>) -> Reply {
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/scan")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(Body::from(body))
        .unwrap();
    app.send(req).await
}

async fn search(app: &TestApp, token: &str, query: &str) -> Value {
    let r = app.get(&format!("/api/v1/search?{query}"), token).await;
    assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.text);
    r.json()
}

fn q(text: &str) -> String {
    format!("q={}", url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>())
}

/// Creates and publishes a product of demo brand 0 (owned by Maison Lumière) with this GTIN.
async fn publish_product(app: &TestApp, key: &str, name: &str, gtin: &str) -> i64 {
    let brand = app.token_for("brand@lumiere.demo").await;
    let b =
        touchstone::store::catalog::get_brand_by_key(app.db().reader(), &gen::brand_key(0)).await.unwrap().unwrap().id;
    let created = app
        .post_json(
            &format!("/api/v1/brands/{b}/products"),
            &brand,
            json!({"key": key, "sheet": {"names": {"en": name, "fr": "Soda en canette"}, "category": "soft drinks", "gtins": [gtin]}}),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let id = created.json()["id"].as_i64().unwrap();
    let published = app.api(Method::POST, &format!("/api/v1/products/{id}/publish"), Some(&brand), None).await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.text);
    id
}

#[tokio::test]
async fn a_barcode_photo_finds_the_registered_product_card() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let id = publish_product(&app, "cola-can", "Cola can 33 cl", PHOTO_GTIN).await;
        let officer = app.token_for("officer@douane.demo").await;
        let r = scan(&app, &officer, std::fs::read(barcodes().join(PHOTO)).unwrap()).await;
        assert_eq!(r.status, StatusCode::OK, "[{}] {}", app.backend, r.text);
        let r = r.json();
        assert_eq!(r["codes"][0]["format"], "EAN-13", "{r}");
        assert_eq!(r["codes"][0]["symbology_identifier"], "]E0");
        assert_eq!(r["codes"][0]["text"], PHOTO_GTIN);
        assert_eq!(r["codes"][0]["lookup"]["outcome"], "product");
        assert_eq!(r["codes"][0]["lookup"]["product"]["product_id"], id);
        assert_eq!(r["codes"][0]["lookup"]["product"]["brand_name"], gen::brand_name(0));
    })
    .await;
}

#[tokio::test]
async fn bad_photos_get_clear_refusals_and_a_photo_without_a_barcode_says_so() {
    on_every_backend(|app| async move {
        let officer = app.token_for("officer@douane.demo").await;
        // No barcode: a demo product picture.
        let picture = media::draw::draw_product_png(
            &media::draw::PictureSpec {
                label: "VELORIA",
                shape: media::draw::Shape::Bag,
                colour: [20, 120, 70],
                variant: media::draw::Variant::Genuine,
                seed: 1,
            },
            200,
        );
        let r = scan(&app, &officer, picture).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.json()["codes"], json!([]));
        assert!(r.json()["message"].as_str().unwrap().contains("No barcode was found"));

        let r = scan(&app, &officer, b"%PDF-1.7 not a photo".to_vec()).await;
        assert_eq!((r.status, r.error_code().as_str()), (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_type"));
        let r = scan(&app, &officer, b"hello".to_vec()).await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);

        // A 40,000 × 40,000 PNG header: refused before decoding.
        let bomb = png_header(40_000, 40_000);
        let r = scan(&app, &officer, bomb).await;
        assert_eq!(
            (r.status, r.error_code().as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "too_many_pixels"),
            "{}",
            r.text
        );

        let mut truncated = std::fs::read(barcodes().join("ean13-1/14.webp")).unwrap();
        truncated.truncate(truncated.len() / 3);
        let r = scan(&app, &officer, truncated).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);

        let huge = vec![0u8; app.state.media.limits.max_bytes + 10];
        let r = scan(&app, &officer, huge).await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text);
    })
    .await;
}

/// A PNG signature and IHDR chunk announcing `width × height`, with a valid CRC.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let crc = crc32(&ihdr);
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    png.extend(ihdr);
    png.extend(crc.to_be_bytes());
    png.extend([0, 0, 0, 0, b'I', b'D', b'A', b'T', 0, 0, 0, 0]);
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[tokio::test]
async fn a_misspelt_demo_brand_is_found_first_and_filters_narrow_the_results() {
    on_every_backend(|app| async move {
        seed(&app).await;
        app.state.search.catch_up(app.db()).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let name = gen::brand_name(1);
        assert_eq!(name, "Kastoria");
        for typed in ["Kastoria", "kastorja", "Kastroia", "KASTORIA handbag"] {
            let r = search(&app, &officer, &q(typed)).await;
            assert_eq!(r["hits"][0]["kind"], "brand", "[{}] {typed}: {r}", app.backend);
            assert_eq!(r["hits"][0]["title"], name, "{typed}: {r}");
        }
        let brand_id = r_brand_id(&app, 1).await;
        let handbags = search(&app, &officer, &format!("{}&category=handbags", q("kastoria"))).await;
        let hits = handbags["hits"].as_array().unwrap();
        assert_eq!(hits.len(), 2, "{handbags}");
        assert!(hits.iter().all(|h| h["kind"] == "product" && h["category"] == "handbags"));
        let only = search(&app, &officer, &format!("{}&brand_id={brand_id}", q("signature tote"))).await;
        assert!(only["hits"].as_array().unwrap().iter().all(|h| h["brand_id"] == brand_id), "{only}");
        // Codes, and words in French.
        let by_gtin = search(&app, &officer, &q(&gen::gtin(2, 1))).await;
        assert!(by_gtin["hits"][0]["product_id"].as_i64().is_some(), "{by_gtin}");
        assert_eq!(by_gtin["hits"][0]["brand_name"], gen::brand_name(2));
        let french = search(&app, &officer, &q("pochettes matelassées")).await;
        assert!(french["hits"][0]["title"].as_str().unwrap().contains("Quilted clutch"), "{french}");
        let nothing = search(&app, &officer, &q("zzyzx")).await;
        assert_eq!(nothing["hits"], json!([]));
        assert!(nothing["message"].as_str().unwrap().contains("Nothing published matches"));
        // Rights holders search their own catalog in their own pages, not this one.
        let brand = app.token_for("brand@lumiere.demo").await;
        assert_eq!(app.get(&format!("/api/v1/search?{}", q("kastoria")), &brand).await.status, StatusCode::FORBIDDEN);
        let empty = app.get("/api/v1/search?q=", &officer).await;
        assert_eq!((empty.status, empty.error_code().as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "required"));
    })
    .await;
}

async fn r_brand_id(app: &TestApp, i: usize) -> i64 {
    touchstone::store::catalog::get_brand_by_key(app.db().reader(), &gen::brand_key(i)).await.unwrap().unwrap().id
}

#[tokio::test]
async fn drafts_are_not_searchable_until_published() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let officer = app.token_for("officer@douane.demo").await;
        let brand = app.token_for("brand@lumiere.demo").await;
        let b = r_brand_id(&app, 0).await;
        let created = app
            .post_json(
                &format!("/api/v1/brands/{b}/products"),
                &brand,
                json!({"key": "secret", "sheet": {"names": {"en": "Zephyrine perfume"}, "category": "perfumes"}}),
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED);
        app.state.search.catch_up(app.db()).await.unwrap();
        assert_eq!(search(&app, &officer, &q("zephyrine")).await["hits"], json!([]));
        let id = created.json()["id"].as_i64().unwrap();
        app.api(Method::POST, &format!("/api/v1/products/{id}/publish"), Some(&brand), None).await;
        app.state.search.catch_up(app.db()).await.unwrap();
        assert_eq!(search(&app, &officer, &q("zephyrine")).await["hits"][0]["product_id"], id);
    })
    .await;
}

#[tokio::test]
async fn a_publication_is_searchable_within_two_seconds_while_serving() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let follower = app.state.search.spawn_follower(app.db().clone());
        let officer = app.token_for("officer@douane.demo").await;
        // The first pass builds the index.
        let started = Instant::now();
        while search(&app, &officer, &q("kastoria")).await["hits"].as_array().unwrap().is_empty() {
            assert!(started.elapsed() < Duration::from_secs(10), "the index was not built");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let id = publish_product(&app, "fizz", "Quixotic fizz 33 cl", "4006381333931").await;
        let published = Instant::now();
        loop {
            let r = search(&app, &officer, &q("quixotic")).await;
            if r["hits"][0]["product_id"] == id {
                break;
            }
            assert!(published.elapsed() < Duration::from_secs(2), "[{}] not searchable after 2 s: {r}", app.backend);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        follower.abort();
    })
    .await;
}

#[tokio::test]
async fn reindex_rebuilds_the_index_on_disk_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    for (backend, url) in crate::common::fresh_database_urls(dir.path()).await {
        let data = tempfile::tempdir().unwrap();
        let app = TestApp::start(backend, url.clone(), tempfile::tempdir().unwrap()).await;
        seed(&app).await;
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_touchstone"))
            .args(["reindex", "--data-dir", data.path().to_str().unwrap(), "--database-url", &url])
            .env("TOUCHSTONE_LOG", "warn")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "[{backend}] {stdout} {}", String::from_utf8_lossy(&out.stderr));
        assert!(stdout.contains("3 brands and 6 products"), "{stdout}");
        let service = touchstone::domain::search::SearchService::open(&data.path().join("search")).unwrap();
        assert_eq!(service.num_docs(), 9);
        let officer = officer_principal(&app).await;
        let params = touchstone::domain::search::SearchParams { q: Some("velorai".into()), ..Default::default() };
        let found = service.search(&officer, &params).await.unwrap();
        assert_eq!(found.hits[0].title, gen::brand_name(0));
        drop(service);
        if backend == "postgres" {
            crate::common::drop_postgres_database(&url).await;
        }
    }
}

async fn officer_principal(app: &TestApp) -> touchstone::domain::policy::Principal {
    let email = touchstone::domain::types::Email::parse("officer@douane.demo").unwrap();
    let user = touchstone::store::directory::get_user_by_email(app.db().reader(), &email).await.unwrap().unwrap();
    touchstone::domain::auth::principal_of(&user)
}

#[test]
fn code_read_prints_one_json_line_per_image_and_fails_for_the_unreadable() {
    let dir = barcodes();
    let gs1 = dir.join("datamatrix-1").read_dir().unwrap().flatten().map(|e| e.path()).find(|p| {
        p.extension().is_some_and(|e| e == "png")
            && std::fs::read_to_string(p.with_extension("txt")).is_ok_and(|t| t.contains('\u{1d}'))
    });
    let not_an_image = dir.join(PHOTO).with_extension("txt");
    let mut args = vec![dir.join(PHOTO), not_an_image.clone()];
    args.extend(gs1.clone());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_touchstone"))
        .arg("code")
        .arg("read")
        .args(&args)
        .output()
        .unwrap();
    assert!(!out.status.success(), "a file that is not an image makes the exit status non-zero");
    let lines: Vec<Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), args.len());
    assert_eq!(lines[0]["file"], dir.join(PHOTO).display().to_string());
    assert_eq!(lines[0]["codes"], json!([{"format": "EAN-13", "symbology_identifier": "]E0", "text": PHOTO_GTIN}]));
    assert_eq!(lines[1]["error"]["code"], "unsupported_type");
    if let Some(path) = gs1 {
        let expected = std::fs::read_to_string(path.with_extension("txt")).unwrap();
        assert_eq!(lines[2]["codes"][0]["text"], expected.trim_end_matches('\n'), "group separators kept");
    }
}
