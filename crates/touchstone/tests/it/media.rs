//! Uploads over the API: accepted pictures are cleaned and served back; hostile or broken
//! files get a clear 4xx.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::json;

use crate::common::{on_every_backend, png_claiming, Reply, TestApp};

fn fixture(path: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/barcodes").join(path);
    std::fs::read(&p)
        .unwrap_or_else(|e| panic!("the shared test data must be beside the checkout ({}): {e}", p.display()))
}

async fn upload(app: &TestApp, token: Option<&str>, bytes: Vec<u8>) -> Reply {
    let mut b = Request::builder().method(Method::POST).uri("/api/v1/media").header(header::CONTENT_TYPE, "image/jpeg");
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    app.send(b.body(Body::from(bytes)).unwrap()).await
}

/// Splices an EXIF block holding a recognisable GPS-like marker right after the JPEG's SOI.
fn with_exif_marker(jpeg: &[u8], marker: &[u8]) -> Vec<u8> {
    let mut payload = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
    payload.extend_from_slice(marker);
    let len = (payload.len() + 2) as u16;
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

#[tokio::test]
async fn an_uploaded_photo_is_stored_once_without_its_metadata_and_served_back() {
    on_every_backend(|app| async move {
        let token = app.token_for("brand@lumiere.demo").await;
        let photo = with_exif_marker(&fixture("qrcode-2/high-res-1.jpg"), b"GPSLatitude=48.8566N;SECRET-WAREHOUSE");
        let r = upload(&app, Some(&token), photo.clone()).await;
        assert_eq!(r.status, StatusCode::CREATED, "[{}] {}", app.backend, r.text);
        let stored = r.json();
        let hash = stored["hash"].as_str().unwrap().to_string();
        assert_eq!(stored["kind"], "jpeg");
        let original = app.get(&format!("/api/v1/media/{hash}"), &token).await;
        assert_eq!(original.status, StatusCode::OK);
        assert_eq!(original.headers.get(header::CONTENT_TYPE).unwrap(), "image/jpeg");
        let body = app.router.clone();
        let raw = {
            use http_body_util::BodyExt;
            use tower::ServiceExt;
            let req = Request::builder()
                .uri(format!("/media/{hash}"))
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap();
            body.oneshot(req).await.unwrap().into_body().collect().await.unwrap().to_bytes()
        };
        assert!(!raw.windows(16).any(|w| w == b"SECRET-WAREHOUSE"), "metadata was stripped");
        assert!(!raw.windows(6).any(|w| w == b"Exif\0\0"));
        let thumb = app.get(&format!("/media/{hash}/thumbnail"), &token).await;
        assert_eq!(thumb.status, StatusCode::OK);
        let again = upload(&app, Some(&token), photo).await;
        assert_eq!(again.json()["hash"], hash.as_str(), "the same file is stored once");
        let admin = app.token_for("admin@touchstone.demo").await;
        let audit = app.get("/api/v1/audit?limit=100", &admin).await.json();
        assert_eq!(audit.as_array().unwrap().iter().filter(|r| r["action"] == "media.upload").count(), 1);
    })
    .await;
}

#[tokio::test]
async fn hostile_or_broken_files_get_a_clear_4xx() {
    on_every_backend(|app| async move {
        let token = app.token_for("officer@douane.demo").await;
        let bomb = upload(&app, Some(&token), png_claiming(40_000, 40_000)).await;
        assert_eq!(
            (bomb.status, bomb.error_code().as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "too_many_pixels"),
            "{}",
            bomb.text
        );
        let jpeg = fixture("qrcode-2/high-res-1.jpg");
        let truncated = upload(&app, Some(&token), jpeg[..jpeg.len() / 2].to_vec()).await;
        assert_eq!(
            (truncated.status, truncated.error_code().as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "corrupt_file")
        );
        let text = upload(&app, Some(&token), b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec()).await;
        assert_eq!((text.status, text.error_code().as_str()), (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_type"));
        let empty = upload(&app, Some(&token), Vec::new()).await;
        assert_eq!(empty.error_code(), "empty_file");
        let huge = upload(&app, Some(&token), vec![0xFF; app.config.max_upload_bytes + 1024]).await;
        assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(upload(&app, None, jpeg).await.status, StatusCode::UNAUTHORIZED);
        assert_eq!(app.get(&format!("/api/v1/media/{}", "0".repeat(64)), &token).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get("/api/v1/media/..%2F..%2Fetc%2Fpasswd", &token).await.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_product_may_show_only_pictures_that_were_uploaded() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let token = app.token_for("brand@lumiere.demo").await;
        let brand =
            touchstone::store::catalog::get_brand_by_key(app.db().reader(), "demo-0000").await.unwrap().unwrap();
        let product =
            touchstone::store::catalog::get_product_by_key(app.db().reader(), brand.id, "p0").await.unwrap().unwrap();
        let mut sheet = serde_json::to_value(&product.draft).unwrap();
        sheet["images"] = json!([{"hash": "a".repeat(64), "label": "genuine", "caption": "Front"}]);
        let put = |version: i64, sheet: serde_json::Value| json!({"version": version, "sheet": sheet}).to_string();
        let refused = app
            .api(
                Method::PUT,
                &format!("/api/v1/products/{}", product.id),
                Some(&token),
                Some(&put(product.version, sheet.clone())),
            )
            .await;
        assert_eq!(refused.error_code(), "unknown_media");
        let hash = upload(&app, Some(&token), fixture("qrcode-2/high-res-1.jpg")).await.json()["hash"]
            .as_str()
            .unwrap()
            .to_string();
        sheet["images"][0]["hash"] = json!(hash);
        let saved = app
            .api(
                Method::PUT,
                &format!("/api/v1/products/{}", product.id),
                Some(&token),
                Some(&put(product.version, sheet)),
            )
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
        app.api(Method::POST, &format!("/api/v1/products/{}/publish", product.id), Some(&token), None).await;
        let officer = app.token_for("officer@douane.demo").await;
        let card = app.get(&format!("/api/v1/products/{}/card", product.id), &officer).await.json();
        assert_eq!(card["sheet"]["images"][0]["hash"], hash.as_str());
    })
    .await;
}

/// A small PDF whose catalog opens a JavaScript action, as a hostile upload would.
fn pdf_with_javascript() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj\n\
      2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n\
      3 0 obj << /S /JavaScript /JS (app.alert\\('hello'\\)) >> endobj\n\
      trailer << /Root 1 0 R >>\n%%EOF\n"
        .to_vec()
}

#[tokio::test]
async fn a_pdf_is_served_as_a_download_that_runs_nothing_while_pictures_stay_inline() {
    on_every_backend(|app| async move {
        let token = app.token_for("brand@lumiere.demo").await;
        let r = upload(&app, Some(&token), pdf_with_javascript()).await;
        assert_eq!(r.status, StatusCode::CREATED, "[{}] {}", app.backend, r.text);
        assert_eq!(r.json()["kind"], "pdf");
        let hash = r.json()["hash"].as_str().unwrap().to_string();
        for path in [format!("/api/v1/media/{hash}"), format!("/media/{hash}")] {
            let served = app.get(&path, &token).await;
            assert_eq!(served.status, StatusCode::OK, "[{}] {path}", app.backend);
            assert!(served.text.contains("/JavaScript"), "the PDF is kept as uploaded");
            let h = |name: header::HeaderName| served.headers.get(name).map(|v| v.to_str().unwrap().to_string());
            assert_eq!(h(header::CONTENT_TYPE).as_deref(), Some("application/pdf"));
            assert_eq!(
                h(header::CONTENT_DISPOSITION),
                Some(format!("attachment; filename=\"{hash}.pdf\"")),
                "[{}] {path} is downloaded, not opened in the site's origin",
                app.backend
            );
            assert_eq!(h(header::X_CONTENT_TYPE_OPTIONS).as_deref(), Some("nosniff"), "{path}");
            assert_eq!(h(header::CONTENT_SECURITY_POLICY).as_deref(), Some("sandbox; default-src 'none'"), "{path}");
        }
        let photo = upload(&app, Some(&token), fixture("qrcode-2/high-res-1.jpg")).await.json();
        let picture = app.get(&format!("/media/{}", photo["hash"].as_str().unwrap()), &token).await;
        assert_eq!(picture.status, StatusCode::OK);
        assert_eq!(picture.headers.get(header::CONTENT_TYPE).unwrap(), "image/jpeg");
        assert!(picture.headers.get(header::CONTENT_DISPOSITION).is_none(), "a cleaned picture is shown inline");
        assert_eq!(picture.headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(), "nosniff");
    })
    .await;
}

/// The bytes a router answers for `GET path` with a bearer token.
async fn fetch(router: &axum::Router, path: &str, token: &str) -> (StatusCode, Vec<u8>) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let req = Request::builder()
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let r = router.clone().oneshot(req).await.unwrap();
    (r.status(), r.into_body().collect().await.unwrap().to_bytes().to_vec())
}

#[tokio::test]
async fn on_postgresql_a_file_stored_through_one_node_is_served_by_another_until_a_purge_removes_it() {
    on_every_backend(|app| async move {
        let token = app.token_for("brand@lumiere.demo").await;
        let r = upload(&app, Some(&token), fixture("qrcode-2/high-res-1.jpg")).await;
        assert_eq!(r.status, StatusCode::CREATED, "[{}] {}", app.backend, r.text);
        let hash = r.json()["hash"].as_str().unwrap().to_string();
        let thumbnail = r.json()["thumbnail_hash"].as_str().unwrap().to_string();
        let (_, on_first) = fetch(&app.router, &format!("/api/v1/media/{hash}"), &token).await;

        // A second node: the same database, a data directory of its own.
        let other_dir = tempfile::tempdir().unwrap();
        let other = touchstone::AppState::new(
            app.db().clone(),
            touchstone::config::Config { data_dir: other_dir.path().to_path_buf(), ..app.config.clone() },
        );
        let other_router = touchstone::http::build_router(other.clone());
        let cached = other_dir.path().join("media").join(&hash[..2]).join(&hash[2..4]).join(&hash);
        let (status, on_second) = fetch(&other_router, &format!("/api/v1/media/{hash}"), &token).await;
        let (thumb_status, _) = fetch(&other_router, &format!("/api/v1/media/{hash}/thumbnail"), &token).await;
        if app.backend == "sqlite" {
            // SQLite is one node: its files live in its data directory only.
            return;
        }
        assert_eq!((status, thumb_status), (StatusCode::OK, StatusCode::OK), "the other node serves the file");
        assert_eq!(on_second, on_first, "the same bytes");
        assert!(cached.is_file(), "the other node keeps its copy in its own data directory");

        // A purge on the first node removes the shared bytes; the other node drops its copy on
        // its next retention pass, whichever node purged.
        let mut tx = app.db().begin().await.unwrap();
        for h in [&hash, &thumbnail] {
            touchstone::store::media::remove_shared_file(&mut tx, h, app.db().now_ms()).await.unwrap();
        }
        tx.commit().await.unwrap();
        app.state.media.remove_local(vec![hash.clone(), thumbnail.clone()]).await.unwrap();
        assert!(app.state.media.get(&hash).await.unwrap().is_none(), "gone from the purging node and the database");
        assert!(cached.is_file(), "until its next pass, the other node still has its copy");
        assert_eq!(other.media.forget_removed().await.unwrap(), 2);
        assert!(!cached.exists(), "the other node's copy is gone");
        assert!(other.media.get(&hash).await.unwrap().is_none());
    })
    .await;
}

#[tokio::test]
async fn on_postgresql_files_stored_before_they_were_shared_are_shared_by_the_node_that_holds_them() {
    on_every_backend(|app| async move {
        let token = app.token_for("brand@lumiere.demo").await;
        let r = upload(&app, Some(&token), fixture("qrcode-2/high-res-1.jpg")).await;
        let hash = r.json()["hash"].as_str().unwrap().to_string();
        if app.backend == "sqlite" {
            assert_eq!(app.state.media.share_local_files().await.unwrap(), 0, "one node: nothing to share");
            return;
        }
        // As a database upgraded from before migration 0020 holds it: the rows, not the bytes.
        sqlx::query("DELETE FROM media_files").execute(app.db().bookkeeping()).await.unwrap();
        assert_eq!(app.state.media.share_local_files().await.unwrap(), 2, "the picture and its thumbnail");
        assert_eq!(app.state.media.share_local_files().await.unwrap(), 0, "once");
        let stored: Option<Vec<u8>> = touchstone::store::media::shared_file(app.db().reader(), &hash).await.unwrap();
        assert_eq!(stored, app.state.media.get(&hash).await.unwrap());
    })
    .await;
}
