//! The officer's Identify page as a phone uses it: a barcode photo sent through the form (a
//! real EAN-13 drawn here, read by zxing), a typed code, a typed name, and every way it can go
//! wrong said on the page in the officer's language, never as a 500.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};

use crate::common::{
    on_every_backend, on_every_backend_with, png_chunk, png_claiming, product_id, signed_in, Browser, Reply,
};
use touchstone::demo_catalog as gen;

/// Sends the Identify page's photo form as a browser does: multipart, with the CSRF token.
async fn send_photo(b: &mut Browser<'_>, bytes: &[u8], content_type: &str) -> Reply {
    send_photo_as(b, bytes, content_type, None).await
}

/// The same, as the page's script sends it (`static/identify.js`): `shrunk` for the smaller
/// copy it made, `original` for the file as chosen.
async fn send_photo_as(b: &mut Browser<'_>, bytes: &[u8], content_type: &str, client: Option<&str>) -> Reply {
    let page = b.get("/identify").await;
    let csrf = Browser::csrf_of(&page);
    let boundary = "touchstone-identify-boundary-41c";
    let mut body =
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n").into_bytes();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"IMG_0042.png\"\r\nContent-Type: {content_type}\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let cookies = b.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
    let mut req = Request::builder()
        .method(Method::POST)
        .uri("/identify/photo")
        .header(header::COOKIE, cookies)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"));
    if let Some(client) = client {
        req = req.header("x-identify-client", client);
    }
    b.app.send(req.body(Body::from(body)).unwrap()).await
}

// ---- an EAN-13 drawn as a PNG ------------------------------------------------------------

const L: [&str; 10] =
    ["0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011"];
const G: [&str; 10] =
    ["0100111", "0110011", "0011011", "0100001", "0011101", "0111001", "0000101", "0010001", "0001001", "0010111"];
const R: [&str; 10] =
    ["1110010", "1100110", "1101100", "1000010", "1011100", "1001110", "1010000", "1000100", "1001000", "1110100"];
const PARITY: [&str; 10] =
    ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"];

/// The 95 modules of an EAN-13 (1 = bar).
fn ean13_modules(gtin: &str) -> Vec<bool> {
    let d: Vec<usize> = gtin.bytes().map(|b| usize::from(b - b'0')).collect();
    assert_eq!(d.len(), 13, "{gtin}");
    let mut bits = String::from("101");
    for (i, parity) in PARITY[d[0]].chars().enumerate() {
        bits.push_str(if parity == 'L' { L[d[i + 1]] } else { G[d[i + 1]] });
    }
    bits.push_str("01010");
    for &digit in &d[7..] {
        bits.push_str(R[digit]);
    }
    bits.push_str("101");
    bits.chars().map(|c| c == '1').collect()
}

/// A greyscale PNG with one EAN-13 per GTIN, stacked, each with a wide quiet zone, as a phone
/// photo of a flat label would be once cropped.
fn barcodes_png(gtins: &[&str]) -> Vec<u8> {
    const MODULE: usize = 3;
    const QUIET: usize = 15;
    const BAR_HEIGHT: usize = 120;
    const GAP: usize = 80;
    let width = (95 + 2 * QUIET) * MODULE;
    let height = GAP + gtins.len() * (BAR_HEIGHT + GAP);
    let mut rows = vec![vec![255u8; width]; height];
    for (n, gtin) in gtins.iter().enumerate() {
        let top = GAP + n * (BAR_HEIGHT + GAP);
        for (m, bar) in ean13_modules(gtin).into_iter().enumerate() {
            if bar {
                for row in &mut rows[top..top + BAR_HEIGHT] {
                    let x = (QUIET + m) * MODULE;
                    row[x..x + MODULE].fill(0);
                }
            }
        }
    }
    png_grey(width as u32, &rows)
}

fn png_grey(width: u32, rows: &[Vec<u8>]) -> Vec<u8> {
    let mut raw = Vec::new();
    for row in rows {
        raw.push(0); // no filter
        raw.extend_from_slice(row);
    }
    // zlib with stored (uncompressed) deflate blocks: no compressor needed.
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend_from_slice(&((b << 16) | a).to_be_bytes());
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&(rows.len() as u32).to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(png_chunk(b"IHDR", &ihdr));
    png.extend(png_chunk(b"IDAT", &z));
    png.extend(png_chunk(b"IEND", &[]));
    png
}

/// The same GTIN with its last digit changed.
fn wrong_check_digit(gtin: &str) -> (String, char) {
    let right = gtin.chars().last().unwrap();
    let wrong = if right == '9' { '0' } else { char::from(right as u8 + 1) };
    (format!("{}{wrong}", &gtin[..gtin.len() - 1]), wrong)
}

// ---- the tests -------------------------------------------------------------------------------

#[tokio::test]
async fn a_barcode_photo_of_a_demo_product_lands_on_its_card_showing_the_code_read() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 2).await.unwrap();
        let product = product_id(&app, 1, 1).await;
        let gtin = gen::gtin(1, 1);
        let mut officer = signed_in(&app, "officer@border.demo").await;

        // The way in is on the home page and in the menu.
        let home = officer.get("/").await;
        assert!(home.text.contains("class=\"button identify-cta\" href=\"/identify\""), "{}", home.text);
        assert!(home.text.contains("id=\"nav-identify\""), "{}", home.text);
        let page = officer.get("/identify").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        assert!(page.text.contains("<h1>Identify a product</h1>"), "{}", page.text);
        assert!(
            page.text.contains("type=\"file\" accept=\"image/*\" capture=\"environment\""),
            "the phone opens its rear camera: {}",
            page.text
        );
        assert!(page.text.contains("enctype=\"multipart/form-data\""));
        // Live scanning is an added button; the forms work without it.
        // The page's own script with the photo shrinking it shares, and the offline one every
        // page has.
        assert_eq!(page.text.matches("<script").count(), 3, "{}", page.text);
        assert!(page.text.contains("<script src=\"/static/shrink.js\" defer></script>"));
        assert!(page.text.contains("<script src=\"/static/offline.js\" defer"));
        assert!(page.text.contains("<script src=\"/static/identify.js\" defer></script>"));
        assert!(page.text.contains("id=\"live-scan\" class=\"live-scan\" hidden"), "shown only by the script");

        let r = send_photo(&mut officer, &barcodes_png(&[&gtin]), "image/png").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "[{}] {}", app.backend, r.text);
        assert!(r.location().starts_with(&format!("/catalog/products/{product}?")), "{}", r.location());
        let card = officer.get(r.location()).await;
        assert_eq!(card.status, StatusCode::OK, "{}", card.text);
        assert!(
            card.text.contains(&format!("Read from your photo: {gtin} (EAN-13).")),
            "the officer can compare the code read with the label: {}",
            card.text
        );
        assert!(card.text.contains(&format!("<code class=\"gtin\">{gtin}</code>")), "the card's own GTIN");
        assert!(card.text.contains("href=\"/identify\""), "identify again from the card");

        // A link crafted to make the card say something else shows nothing.
        let forged = officer.get(&format!("/catalog/products/{product}?code=Call%20me%20at%20%2B33")).await;
        assert_eq!(forged.status, StatusCode::OK);
        assert!(!forged.text.contains("Call me") && !forged.text.contains("id=\"identified\""));

        // Two barcodes in one photo: the officer chooses, each with what it identifies.
        let other = gen::gtin(0, 0);
        let r = send_photo(&mut officer, &barcodes_png(&[&gtin, &other]), "image/png").await;
        assert_eq!(r.status, StatusCode::OK, "[{}] {}", app.backend, r.text);
        assert!(r.text.contains("2 barcodes were read from the photo."), "{}", r.text);
        assert!(r.text.contains("Several codes were read: choose the one on the goods"));
        for (g, p) in [(&gtin, product), (&other, product_id(&app, 0, 0).await)] {
            assert!(r.text.contains(&format!("<code class=\"gtin\">{g}</code>")), "{g} shown: {}", r.text);
            let href = format!("href=\"/catalog/products/{p}?code={g}&#38;format=EAN-13#identified\"");
            assert!(r.text.contains(&href), "{href} in {}", r.text);
        }
    })
    .await;
}

#[tokio::test]
async fn a_typed_code_with_a_wrong_check_digit_gives_the_right_digit_in_french() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let product = product_id(&app, 0, 0).await;
        let gtin = gen::gtin(0, 0);
        let (typo, wrong) = wrong_check_digit(&gtin);
        let right = gtin.chars().last().unwrap();
        let mut officer = signed_in(&app, "officer@douane.demo").await;

        let page = officer.get(&format!("/identify?code={typo}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        assert!(page.text.contains("<h1>Identifier un produit</h1>"), "{}", page.text);
        assert!(
            page.text.contains(&format!("le dernier devrait être {right}, et non {wrong}")),
            "the message gives the right digit: {}",
            page.text
        );
        assert!(page.text.contains(&format!("value=\"{typo}\"")), "what was typed is kept");
        let corrected = format!("href=\"/identify?code={gtin}\"");
        assert!(page.text.contains(&corrected), "one tap to the corrected code: {}", page.text);

        // The corrected code leads to the card, which says which code found it.
        let r = officer.get(&format!("/identify?code={gtin}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let card = officer.get(r.location()).await;
        assert!(card.location().is_empty() && card.status == StatusCode::OK);
        assert!(card.text.contains(&format!("Trouvé avec le code {gtin}.")), "{}", card.text);
        assert!(r.location().starts_with(&format!("/catalog/products/{product}?")));

        // A GS1 element string and a Digital Link go through the same lookup.
        for code in [format!("(01)0{gtin}(10)LOT42"), format!("https://id.example.com/01/0{gtin}")] {
            let q: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
            let r = officer.get(&format!("/identify?code={q}")).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{code}: {}", r.text);
            assert!(r.location().starts_with(&format!("/catalog/products/{product}?")), "{code}");
        }

        // Nothing typed: said beside the field.
        let empty = officer.get("/identify?code=").await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", empty.text);
        assert!(empty.text.contains("id=\"code-error\""), "{}", empty.text);
    })
    .await;
}

#[tokio::test]
async fn an_unknown_gtin_names_the_brand_owner_of_its_prefix_or_says_nothing_is_registered() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.unwrap();
        let mut officer = signed_in(&app, "officer@border.demo").await;

        let unlisted = gen::gtin(1, 777);
        let page = officer.get(&format!("/identify?code={unlisted}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let brand = gen::brand_name(1);
        assert!(
            page.text.contains(&format!("but its company prefix {} belongs to {brand}", gen::company_prefix(1))),
            "{}",
            page.text
        );
        assert!(page.text.contains("class=\"contact\""), "the brand owner's contacts: {}", page.text);
        assert!(page.text.contains(&format!("<code class=\"gtin\">{unlisted}</code>")), "the code is shown");

        // A valid GTIN under nobody's prefix.
        let page = officer.get("/identify?code=4006381333931").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        assert!(
            page.text.contains("Nothing is registered in Touchstone for GTIN 04006381333931"),
            "said plainly: {}",
            page.text
        );
        assert!(!page.text.contains("class=\"contact\""));

        // Free text is not a code.
        let page = officer.get("/identify?code=hello%20world").await;
        assert!(page.text.contains("This is not a product code"), "{}", page.text);

        // A GS1 DataMatrix's element string is told field by field, dates as dates, in the
        // reader's language (the French officer).
        let mut french = signed_in(&app, "officer@douane.demo").await;
        let page = french.get("/identify?code=(01)04006381333931(17)271231(10)AB12C(21)X7Y8Z9").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        for (label, value) in [
            ("GTIN", "04006381333931"),
            ("Date de péremption", "31 déc. 2027"),
            ("Lot", "AB12C"),
            ("Numéro de série", "X7Y8Z9"),
        ] {
            assert!(
                page.text.contains(&format!("<dt>{label}</dt><dd><code>{value}</code></dd>")),
                "{label}: {}",
                page.text
            );
        }
    })
    .await;
}

#[tokio::test]
async fn a_typed_name_finds_products_and_brands_despite_typos_on_identify_and_in_the_catalog() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 3, 2).await.unwrap();
        app.state.search.catch_up(app.db()).await.unwrap();
        let brand = gen::brand_name(1);
        let brand_id = touchstone::store::catalog::get_brand_by_key(app.db().reader(), &gen::brand_key(1))
            .await
            .unwrap()
            .unwrap()
            .id;
        let mut officer = signed_in(&app, "officer@border.demo").await;

        // One letter swapped, as typed in a hurry.
        let mut typo: Vec<char> = brand.to_lowercase().chars().collect();
        typo.swap(1, 2);
        let typo: String = typo.into_iter().collect();
        let page = officer.get(&format!("/identify?q={typo}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let first = page.text.split("class=\"product-list hits\"").nth(1).expect("results listed");
        // On a phone the results come before the three forms, not 1,200 px below them.
        let results_at = page.text.find("class=\"product-list hits\"").unwrap();
        let forms_at = page.text.find("id=\"by-photo\"").expect("the photo form is still there");
        assert!(results_at < forms_at, "the results come first: {}", page.text);
        assert!(page.text.contains(&format!("Results for &#34;{typo}&#34;")), "{}", page.text);
        assert!(
            first.contains(&format!("<a class=\"brand-name\" href=\"/catalog/brands/{brand_id}\">{brand}</a>")),
            "'{typo}' finds {brand}: {}",
            page.text
        );
        assert!(first.contains("class=\"product-name\""), "and its products");

        let none = officer.get("/identify?q=zzzqqqxxx").await;
        assert!(none.text.contains("Nothing published matches"), "{}", none.text);

        // The catalog's search box uses the same index: a brand by the start of its name, and
        // a product by its name.
        let start: String = brand.chars().take(5).collect();
        let list = officer.get(&format!("/catalog?q={start}")).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.text);
        let link = format!("href=\"/catalog/brands/{brand_id}\" class=\"brand-name\">{brand}</a>");
        assert!(list.text.contains(&link), "'{start}' finds {link}: {}", list.text);
        let list = officer.get(&format!("/catalog?q={typo}")).await;
        assert!(list.text.contains(&format!(">{brand}</a>")), "typo-tolerant: {}", list.text);
        assert!(list.text.contains("class=\"product-name\""), "products too: {}", list.text);
    })
    .await;
}

#[tokio::test]
async fn bad_photos_are_refused_on_the_page_with_a_sentence_never_a_500() {
    on_every_backend_with(
        |c| c.max_upload_bytes = 1024 * 1024,
        |app| async move {
            let mut officer = signed_in(&app, "officer@border.demo").await;
            let bomb = png_claiming(40_000, 40_000);
            let mut truncated = barcodes_png(&["4006381333931"]);
            truncated.truncate(truncated.len() / 3);
            let huge = vec![0x89u8; 2 * 1024 * 1024];
            let blank = png_grey(200, &vec![vec![255u8; 200]; 100]);
            for (what, bytes, status, sentence) in [
                (
                    "a text file",
                    b"not a picture".to_vec(),
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "is not a JPEG, PNG or WebP",
                ),
                ("a decompression bomb", bomb, StatusCode::UNPROCESSABLE_ENTITY, "far too large to read"),
                ("a truncated photo", truncated, StatusCode::UNPROCESSABLE_ENTITY, "damaged and cannot be read"),
                ("a huge upload", huge, StatusCode::PAYLOAD_TOO_LARGE, "larger than 1 MB"),
                ("an empty file", Vec::new(), StatusCode::UNPROCESSABLE_ENTITY, "The photo is empty"),
                ("no barcode", blank, StatusCode::OK, "No barcode was found in this photo"),
            ] {
                let r = send_photo(&mut officer, &bytes, "image/png").await;
                assert_eq!(r.status, status, "[{}] {what}: {}", app.backend, r.text);
                assert!(r.text.contains("id=\"photo-error\""), "{what}: said beside the photo field: {}", r.text);
                assert!(r.text.contains(sentence), "{what}: {}", r.text);
            }
            // Without the form's token nothing is read.
            let r = {
                let mut stranger = Browser::new(&app);
                stranger.cookies = officer.cookies.iter().filter(|(k, _)| k != "ts_csrf").cloned().collect();
                let boundary = "b";
                let body = format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nforged\r\n--{boundary}--\r\n"
                );
                let cookies = stranger.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
                app.send(
                    Request::builder()
                        .method(Method::POST)
                        .uri("/identify/photo")
                        .header(header::COOKIE, cookies)
                        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
                        .body(Body::from(body))
                        .unwrap(),
                )
                .await
            };
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
        },
    )
    .await;
}

#[tokio::test]
async fn an_alert_published_by_the_rights_holder_is_on_the_card_and_the_identify_result_at_the_next_load() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let officer = app.token_for("officer@douane.demo").await;
        let id = product_id(&app, 0, 0).await;
        let card = app.get(&format!("/api/v1/products/{id}/card"), &officer).await.json();
        let hs = card["sheet"]["hs_code"].as_str().expect("demo products have an HS code").to_string();
        let mut b = signed_in(&app, "officer@douane.demo").await;
        assert!(!b.get(&format!("/catalog/products/{id}")).await.text.contains("alerts-in-force"), "no alert yet");
        let in_a_year = (time::OffsetDateTime::now_utc().date() + time::Duration::days(365)).to_string();
        // One alert by HS heading only, one by brand, one for another country.
        for (title, body) in [
            ("Fake goods under this heading", serde_json::json!({"hs_codes": [hs.chars().filter(char::is_ascii_digit).take(4).collect::<String>()], "target_countries": ["FR"]})),
            ("Counterfeits of this brand at CDG", serde_json::json!({"brand_ids": [card["brand_id"]], "target_countries": ["FR"]})),
            ("Only for British officers", serde_json::json!({"brand_ids": [card["brand_id"]], "target_countries": ["GB"]})),
        ] {
            let mut alert = body;
            alert["title"] = serde_json::json!(title);
            alert["description"] = serde_json::json!("Seen in recent seizures.");
            alert["valid_to"] = serde_json::json!(in_a_year);
            let r = app.post_json("/api/v1/alerts", &lumiere, alert).await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        }
        let page = b.get(&format!("/catalog/products/{id}")).await.text;
        let by_brand = page.find("Counterfeits of this brand at CDG").expect("the brand's alert is on the card");
        let by_hs = page.find("Fake goods under this heading").expect("the HS heading's alert is on the card");
        assert!(by_brand < by_hs, "the most recent first");
        assert!(!page.contains("Only for British officers"), "an alert for another country is not");
        let looked_up = app.get(&format!("/api/v1/lookup?code={}", gen::gtin(0, 0)), &officer).await.json();
        assert_eq!(looked_up["alerts"].as_array().unwrap().len(), 2, "{looked_up}");
        // A code of the brand's GS1 prefix that names no product: the brand's alert is on the result.
        let unknown = gen::gtin(0, 990);
        let result = b.get(&format!("/identify?code={unknown}")).await;
        assert_eq!(result.status, StatusCode::OK, "{}", result.text);
        assert!(result.text.contains("Counterfeits of this brand at CDG"), "{}", result.text);
    })
    .await;
}

#[tokio::test]
async fn the_page_script_sends_a_smaller_copy_and_is_offered_the_original_when_it_has_no_code() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 2).await.unwrap();
        let product = product_id(&app, 1, 1).await;
        let gtin = gen::gtin(1, 1);
        let mut officer = signed_in(&app, "officer@border.demo").await;
        let page = officer.get("/identify").await;
        assert!(page.text.contains("id=\"photo-progress\" class=\"upload-progress\" hidden"), "{}", page.text);
        assert!(!page.text.contains("id=\"send-original\""), "nothing to send again yet");

        // The script's copy is read like any photo; the script is given the card's address to
        // open, rather than a redirect that its request would follow (fetching the card twice).
        let r = send_photo_as(&mut officer, &barcodes_png(&[&gtin]), "image/jpeg", Some("shrunk")).await;
        assert_eq!(r.status, StatusCode::OK, "[{}] {}", app.backend, r.text);
        let answer: serde_json::Value = serde_json::from_str(&r.text).expect("JSON for the script");
        let location = answer["location"].as_str().unwrap();
        assert!(location.starts_with(&format!("/catalog/products/{product}?code={gtin}&format=EAN-13")), "{location}");
        let card = officer.get(location).await;
        assert!(card.text.contains(&format!("Read from your photo: {gtin} (EAN-13).")), "{}", card.text);

        // No code in the smaller copy: said so, with the button that sends the original.
        let blank = png_grey(200, &vec![vec![255u8; 200]; 100]);
        let r = send_photo_as(&mut officer, &blank, "image/jpeg", Some("shrunk")).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert!(r.text.contains("No barcode could be read in the smaller copy of the photo"), "{}", r.text);
        assert!(r.text.contains(">Send the original photo</button>"), "{}", r.text);
        // The original itself, or a photo sent without the script: the usual sentence, no button.
        for client in [Some("original"), None] {
            let r = send_photo_as(&mut officer, &blank, "image/png", client).await;
            assert!(r.text.contains("No barcode was found in this photo"), "{client:?}: {}", r.text);
            assert!(!r.text.contains("id=\"send-original\""), "{client:?}");
        }

        // A code read on the phone (BarcodeDetector) is looked up as typed, and the card says
        // it was read from the photo; a symbology name that is not one is dropped.
        let r = officer.get(&format!("/identify?code={gtin}&format=EAN-13")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert!(r.location().ends_with(&format!("?code={gtin}&format=EAN-13#identified")), "{}", r.location());
        let r = officer.get(&format!("/identify?code={gtin}&format=%3Cb%3E")).await;
        assert!(r.location().ends_with(&format!("?code={gtin}#identified")), "{}", r.location());
    })
    .await;
}

#[tokio::test]
async fn a_card_reached_from_a_gs1_code_opens_with_what_decides_and_shows_the_code_field_by_field() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 2).await.unwrap();
        let product = product_id(&app, 0, 1).await;
        let gtin = gen::gtin(0, 1);
        let mut french = signed_in(&app, "officer@douane.demo").await;
        let code = format!("(01)0{gtin}(17)271231(10)AB12C(21)X7Y8Z9");
        let q: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
        let r = french.get(&format!("/identify?code={q}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "[{}] {}", app.backend, r.text);
        assert!(r.location().starts_with(&format!("/catalog/products/{product}?")), "{}", r.location());
        let card = french.get(r.location()).await;
        assert_eq!(card.status, StatusCode::OK, "{}", card.text);
        let text = &card.text;
        for (label, value) in [
            ("GTIN", format!("0{gtin}")),
            ("Date de péremption", "31 déc. 2027".to_string()),
            ("Lot", "AB12C".to_string()),
            ("Numéro de série", "X7Y8Z9".to_string()),
        ] {
            assert!(text.contains(&format!("<dt>{label}</dt><dd><code>{value}</code></dd>")), "{label}: {text}");
        }
        // What decides comes first: the code read and the alerts, the comparison, whom to call
        // (a button that dials), then the checklist, then the rest.
        let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("no {needle} on the card: {text}"));
        let order = [
            at("id=\"identified\""),
            at("id=\"pictures\""),
            at("id=\"your-photo\""),
            at("class=\"side genuine\""),
            at("id=\"reach\""),
            at("id=\"guide\""),
            at("id=\"identification\""),
            at("id=\"contacts\""),
        ];
        assert!(order.windows(2).all(|w| w[0] < w[1]), "[{}] the card's order: {order:?}", app.backend);
        let reach = &text[at("id=\"reach\"")..at("id=\"guide\"")];
        assert!(
            reach.contains("href=\"tel:") || reach.contains("href=\"mailto:"),
            "a button to call or write: {reach}"
        );
        // The officer's photo is the browser's (card.js): its place is there, hidden until then.
        assert!(text.contains("id=\"your-photo\" hidden"), "{text}");

        // A plain GTIN has no fields to tell.
        let r = french.get(&format!("/identify?code={gtin}")).await;
        let card = french.get(r.location()).await;
        assert!(card.text.contains("id=\"identified\"") && !card.text.contains("class=\"gs1-fields\""));
    })
    .await;
}

#[tokio::test]
async fn product_results_show_a_small_picture_of_the_genuine_article_never_one_a_section_holds() {
    use touchstone::domain::catalog::{self, ImageLabel, ImageRef, ProductUpdate};
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 2).await.unwrap();
        let console = touchstone::domain::policy::Principal::console();
        let genuine_of = |p: &catalog::Product| {
            let sheet = p.published_sheet.as_ref().expect("published");
            sheet.images.iter().find(|i| i.label == ImageLabel::Genuine).expect("a genuine picture").hash.clone()
        };
        // The second product's genuine picture is filed as a security feature as well: a file a
        // confidential section holds.
        let second = crate::common::product(&app, 0, 1).await;
        let withheld = genuine_of(&second);
        let mut sheet = second.draft.clone();
        sheet.images.push(ImageRef {
            hash: withheld.clone(),
            label: ImageLabel::SecurityFeature,
            caption: Default::default(),
        });
        catalog::update_product(app.db(), &console, second.id, ProductUpdate { version: second.version, sheet })
            .await
            .unwrap();
        catalog::publish_product(app.db(), &console, second.id).await.unwrap();
        app.state.search.catch_up(app.db()).await.unwrap();
        let first = crate::common::product(&app, 0, 0).await;
        let shown = genuine_of(&first);

        let brand = gen::brand_name(0);
        let mut officer = signed_in(&app, "officer@border.demo").await;
        let query = serde_urlencoded::to_string([("q", brand.as_str())]).unwrap();
        let page = officer.get(&format!("/identify?{query}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let hits =
            page.text.split("class=\"product-list hits\"").nth(1).expect("results").split("</ul>").next().unwrap();
        let item = hits
            .split("<li")
            .find(|li| li.contains(&format!("href=\"/catalog/products/{}\"", first.id)))
            .expect("the first product is a result");
        let img = format!("<img class=\"hit-picture\" src=\"/media/{shown}/thumbnail\" alt=\"The genuine ");
        assert!(item.contains(&img), "{item}");
        assert!(
            item.contains("width=\"56\" height=\"56\" loading=\"lazy\" decoding=\"async\""),
            "small and lazy: {item}"
        );
        assert!(!hits.contains(&withheld), "a file a section holds is never a result's picture: {hits}");
        let other = hits
            .split("<li")
            .find(|li| li.contains(&format!("href=\"/catalog/products/{}\"", second.id)))
            .expect("the second product is a result");
        assert!(other.contains("class=\"hit-picture none\" aria-hidden=\"true\""), "{other}");

        // The officer's phone may load it: the thumbnail, kept by the browser once fetched.
        let thumb = officer.get(&format!("/media/{shown}/thumbnail")).await;
        assert_eq!(thumb.status, StatusCode::OK);
        assert!(thumb.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("image/"));
        assert!(thumb.headers[header::CACHE_CONTROL].to_str().unwrap().contains("immutable"));

        // The API's results carry it too.
        let token = app.token_for("officer@border.demo").await;
        let api = app.get(&format!("/api/v1/search?{query}"), &token).await.json();
        let hit = |id: i64| api["hits"].as_array().unwrap().iter().find(|h| h["product_id"] == id).cloned().unwrap();
        assert_eq!(hit(first.id)["picture"], shown.as_str());
        assert!(hit(second.id)["picture"].is_null(), "{api}");
    })
    .await;
}
