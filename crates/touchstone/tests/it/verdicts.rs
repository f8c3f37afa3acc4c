//! The verdict on a serialised code as the officer meets it (issue 18): a real GS1 DataMatrix
//! photographed, sent through the Identify page, and the card it leads to saying what the check
//! found, in the officer's language; the card reloaded or reached by a link checks nothing again.

use axum::http::StatusCode;
use serde_json::json;
use touchstone::domain::types::Language;

use crate::common::{on_every_backend, signed_in, Browser, Reply, TestApp};
use crate::verify::{element_string, imported, product, set_status, BRITISH_OFFICER, FRENCH_OFFICER, OWNER};

/// A photo of a GS1 DataMatrix carrying `element_string` (with parentheses), drawn by zxing-cpp's
/// writer, as a phone would take it of a flat label: the symbol on a light, uneven background.
fn datamatrix_photo(element_string: &str) -> Vec<u8> {
    datamatrices_photo(&[element_string])
}

/// The same with several symbols side by side, as on a shelf of packs.
fn datamatrices_photo(element_strings: &[&str]) -> Vec<u8> {
    const MARGIN: u32 = 120;
    let drawn: Vec<(u32, u32, Vec<u8>)> = element_strings
        .iter()
        .map(|es| {
            let symbol = zxingcpp::create(zxingcpp::BarcodeFormat::DataMatrix)
                .options("gs1")
                .from_str(es)
                .expect("zxing-cpp writes the GS1 DataMatrix");
            let image = symbol.to_image_with(&zxingcpp::write().scale(8)).expect("drawn");
            (image.width() as u32, image.height() as u32, image.data())
        })
        .collect();
    let width = drawn.iter().map(|(w, ..)| w + MARGIN).sum::<u32>() + MARGIN;
    let height = drawn.iter().map(|(_, h, _)| *h).max().unwrap_or(0) + 2 * MARGIN;
    let frame = image::GrayImage::from_fn(width, height, |x, y| {
        let mut left = MARGIN;
        for (w, h, pixels) in &drawn {
            if (left..left + w).contains(&x) && (MARGIN..MARGIN + h).contains(&y) {
                let module = pixels[((y - MARGIN) * w + (x - left)) as usize];
                return image::Luma([module.saturating_add(12).min(235)]);
            }
            left += w + MARGIN;
        }
        // Paper, lit unevenly, with a little grain.
        image::Luma([210 + ((x * 7 + y * 13) % 23) as u8 + (x / 40) as u8 % 8])
    });
    let mut png = Vec::new();
    frame.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).expect("PNG");
    png
}

/// Sends a photo through the Identify page's form as a phone's browser does.
async fn send_photo(b: &mut Browser<'_>, png: &[u8]) -> Reply {
    let page = b.get("/identify").await;
    let csrf = Browser::csrf_of(&page);
    b.post_multipart("/identify/photo", &[], &[("photo", "IMG_0107.png", png)], Some(&csrf)).await
}

/// The card an officer lands on after the photo of `code`: the redirect is followed as a browser does.
async fn card_after_photo(app: &TestApp, b: &mut Browser<'_>, code: &str) -> Reply {
    let sent = send_photo(b, &datamatrix_photo(code)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "[{}] {code}: {}", app.backend, sent.text);
    let card = b.get(sent.location()).await;
    assert_eq!(card.status, StatusCode::OK, "{}", sent.location());
    card
}

/// A product with serials GOOD1 (active, LOT1) and RECALL1, RECALL2 (batch LOT2, recalled).
async fn registered(app: &TestApp) -> (i64, String) {
    let (id, gtin) = product(app, 0).await;
    let owner = app.token_for(OWNER).await;
    imported(
        app,
        &owner,
        id,
        "text/csv",
        "serial,batch,expiry\nGOOD1,LOT1,271231\nRECALL1,LOT2,271231\nRECALL2,LOT2,271231\n",
    )
    .await;
    let recalled = set_status(app, &owner, id, json!({"batch": "LOT2", "status": "recalled"})).await;
    assert_eq!(recalled.json()["changed"], 2, "{}", recalled.text);
    (id, gtin)
}

async fn scan_events(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM scan_events").fetch_one(app.db().reader()).await.unwrap()
}

#[tokio::test]
async fn a_datamatrix_photo_of_a_registered_active_serial_says_so_on_the_card() {
    on_every_backend(|app| async move {
        let (_, gtin) = registered(&app).await;
        let mut b = signed_in(&app, FRENCH_OFFICER).await;
        let card = card_after_photo(&app, &mut b, &element_string(&gtin, "GOOD1", "LOT1", "271231")).await;
        assert!(card.says(Language::Fr, "verify.heading_registered_active"), "[{}] {}", app.backend, card.text);
        assert!(card.says(Language::Fr, "verify.explain_registered_active"));
        assert!(card.says(Language::Fr, "verify.evidence"), "worded as evidence, not a finding");
        assert!(card.text.contains("DataMatrix"), "the card names the symbology read");
    })
    .await;
}

#[tokio::test]
async fn a_datamatrix_photo_of_an_unknown_serial_says_so_on_the_card() {
    on_every_backend(|app| async move {
        let (_, gtin) = registered(&app).await;
        let mut b = signed_in(&app, FRENCH_OFFICER).await;
        let card = card_after_photo(&app, &mut b, &element_string(&gtin, "FAKE99", "LOT1", "271231")).await;
        assert!(card.says(Language::Fr, "verify.heading_unknown_serial"), "[{}] {}", app.backend, card.text);
        assert!(!card.says(Language::Fr, "verify.heading_registered_active"));
    })
    .await;
}

#[tokio::test]
async fn a_datamatrix_photo_from_a_recalled_batch_says_so_and_leaves_the_status_alone() {
    on_every_backend(|app| async move {
        let (id, gtin) = registered(&app).await;
        let mut b = signed_in(&app, BRITISH_OFFICER).await;
        let card = card_after_photo(&app, &mut b, &element_string(&gtin, "RECALL2", "LOT2", "271231")).await;
        assert!(card.says(Language::En, "verify.heading_status_recalled"), "[{}] {}", app.backend, card.text);
        assert!(card.says(Language::En, "verify.explain_status_recalled"));
        let owner = app.token_for(OWNER).await;
        let list = app.get(&format!("/api/v1/products/{id}/serials"), &owner).await.json();
        let statuses: Vec<&str> =
            list["serials"].as_array().unwrap().iter().map(|s| s["status"].as_str().unwrap()).collect();
        assert_eq!(
            (
                statuses.iter().filter(|s| **s == "recalled").count(),
                statuses.iter().filter(|s| **s == "active").count()
            ),
            (2, 1),
            "checking changes no status: {list}"
        );
    })
    .await;
}

#[tokio::test]
async fn scans_in_two_countries_an_hour_apart_show_a_possible_clone_on_the_second_card() {
    on_every_backend(|app| async move {
        let (_, gtin) = registered(&app).await;
        let code = element_string(&gtin, "GOOD1", "LOT1", "271231");
        app.db().clock.stop_at(1_796_983_200_000); // 2026-12-11 10:00 UTC
        let mut paris = signed_in(&app, FRENCH_OFFICER).await;
        let first = card_after_photo(&app, &mut paris, &code).await;
        assert!(first.says(Language::Fr, "verify.heading_registered_active"), "{}", first.text);
        app.db().clock.advance(3_600_000);
        let mut dover = signed_in(&app, BRITISH_OFFICER).await;
        let second = card_after_photo(&app, &mut dover, &code).await;
        assert!(second.says(Language::En, "verify.heading_possible_clone"), "[{}] {}", app.backend, second.text);
        assert!(second.text.contains("2 times in 2 countries within 24 hours"), "{}", second.text);
        assert!(
            second.text.contains("the last time before this on 11 Dec 2026, 10:00"),
            "the last sighting, in the reader's words: {}",
            second.text
        );
    })
    .await;
}

#[tokio::test]
async fn a_typed_code_gets_its_verdict_and_a_reload_of_the_card_checks_nothing_again() {
    on_every_backend(|app| async move {
        let (_, gtin) = registered(&app).await;
        let mut b = signed_in(&app, BRITISH_OFFICER).await;
        let code = element_string(&gtin, "GOOD1", "LOT9", "271231");
        let q: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
        let typed = b.get(&format!("/identify?code={q}")).await;
        assert_eq!(typed.status, StatusCode::SEE_OTHER, "{}", typed.text);
        let card_url = typed.location().to_string();
        let card = b.get(&card_url).await;
        assert!(card.says(Language::En, "verify.heading_batch_or_expiry_mismatch"), "[{}] {}", app.backend, card.text);
        assert!(card.says(Language::En, "verify.explain_mismatch_batch"));
        assert_eq!(scan_events(&app).await, 1);

        let again = b.get(&card_url).await;
        assert!(again.says(Language::En, "verify.heading_batch_or_expiry_mismatch"));
        assert_eq!(scan_events(&app).await, 1, "a reload is not a second scan");

        // The same link forged to say "registered and active" is not believed…
        let forged = card_url.replacen("batch_or_expiry_mismatch", "registered_active", 1);
        assert_ne!(forged, card_url);
        let shown = b.get(&forged).await;
        assert!(shown.says(Language::En, "verify.heading_not_checked"), "{}", shown.text);
        assert!(!shown.says(Language::En, "verify.heading_registered_active"));
        // …nor is the genuine link in another officer's hands.
        let mut other = signed_in(&app, "officer@douane.demo").await;
        assert!(other.get(&card_url).await.says(Language::Fr, "verify.heading_not_checked"));
        assert_eq!(scan_events(&app).await, 1);
    })
    .await;
}

#[tokio::test]
async fn two_packs_in_one_photo_each_show_their_verdict_on_the_identify_page() {
    on_every_backend(|app| async move {
        let (_, gtin) = registered(&app).await;
        let mut b = signed_in(&app, BRITISH_OFFICER).await;
        let photo = datamatrices_photo(&[
            &element_string(&gtin, "GOOD1", "LOT1", "271231"),
            &element_string(&gtin, "RECALL1", "LOT2", "271231"),
        ]);
        let page = send_photo(&mut b, &photo).await;
        assert_eq!(page.status, StatusCode::OK, "[{}] several codes stay on Identify: {}", app.backend, page.text);
        assert!(page.says(Language::En, "verify.heading_registered_active"), "{}", page.text);
        assert!(page.says(Language::En, "verify.heading_status_recalled"), "{}", page.text);
        assert_eq!(scan_events(&app).await, 2);
        // Each card link carries its own sealed verdict.
        let recalled_link = page
            .text
            .split("href=\"")
            .filter_map(|h| h.split('"').next())
            .find(|h| h.starts_with("/catalog/products/") && h.contains("status_recalled"))
            .expect("a card link with the recalled verdict")
            .replace("&#38;", "&");
        let card = b.get(&recalled_link).await;
        assert!(card.says(Language::En, "verify.heading_status_recalled"), "{recalled_link}: {}", card.text);
        assert_eq!(scan_events(&app).await, 2, "opening a card from the list checks nothing again");
    })
    .await;
}
