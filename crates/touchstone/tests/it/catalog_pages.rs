//! The catalog pages as officers and rights holders use them: the brand list and its search,
//! a brand with its products, the product card with pictures, guide and contacts, and
//! publishing a draft from the page.

use axum::http::StatusCode;

use crate::common::{brand_id, on_every_backend, product_id, signed_in, Browser, TestApp};
use touchstone::demo_catalog as gen;

async fn seed(app: &TestApp) {
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 16, 2).await.expect("seed a small catalog");
}

/// The address of the first link on `page` whose text is exactly `text`.
fn link_to(page: &str, text: &str) -> String {
    let end = page.find(&format!(">{text}</a>")).unwrap_or_else(|| panic!("no link to {text:?} in {page}"));
    let start = page[..end].rfind("href=\"").expect("the link has an address") + "href=\"".len();
    page[start..end].split('"').next().unwrap().to_string()
}

fn french_name(brand: usize, item: usize) -> String {
    gen::product(brand, item).sheet.names["fr"].clone()
}

fn english_name(brand: usize, item: usize) -> String {
    gen::product(brand, item).sheet.names["en"].clone()
}

#[tokio::test]
async fn an_officer_goes_from_the_brand_list_to_a_product_card_with_its_guide_and_local_contact_first() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let mut b = signed_in(&app, "officer@douane.demo").await;
        let list = b.get("/catalog").await;
        assert_eq!(list.status, StatusCode::OK, "[{}] {}", app.backend, list.text);
        for i in [0, 1, 9, 15] {
            assert!(list.text.contains(&gen::brand_name(i)), "brand {i} is listed: {}", list.text);
        }
        assert!(!list.text.contains("badge"), "officers see no draft/published badges");
        let brand_href = link_to(&list.text, &gen::brand_name(1));
        assert_eq!(brand_href, format!("/catalog/brands/{}", brand_id(&app, 1).await));
        let brand = b.get(&brand_href).await;
        assert_eq!(brand.status, StatusCode::OK, "{}", brand.text);
        assert!(brand.text.contains("EUIPO"), "trademarks are shown");
        assert!(!brand.text.contains("/publish"), "officers have no publish button");
        // Issue 16: the list names products in the reader's language.
        let product_href = link_to(&brand.text, &french_name(1, 0));
        assert_eq!(product_href, format!("/catalog/products/{}", product_id(&app, 1, 0).await));
        let card = b.get(&product_href).await;
        assert_eq!(card.status, StatusCode::OK, "{}", card.text);
        let text = &card.text;
        assert!(text.contains(&format!("<h1>{}</h1>", french_name(1, 0))), "{text}");
        assert!(text.contains(&gen::gtin(1, 0)));
        let guide = gen::product(1, 0).sheet.guide;
        let french = |n: usize| guide[n].text["fr"].replace('\'', "&#39;");
        assert!(text.contains(&french(1)), "genuine sign, in French: {text}");
        assert!(text.contains(&french(3)), "counterfeit sign, in French");
        assert_eq!(text.matches("type=\"checkbox\"").count(), 5, "the guide is a checklist");
        assert!(text.contains("●●●●●"), "weights show as dots");
        let france = text.find("Protection de la marque — France").expect("the French contact");
        let global = text.find("Service mondial anti-contrefaçon").expect("the global contact");
        assert!(france < global, "the officer's country comes first");
        assert!(text.contains("href=\"tel:+33184880107\""), "phones are tel: links: {text}");
        assert!(text.contains(&format!("href=\"mailto:douane@{}.demo\"", gen::brand_key(1))));
        assert!(text.contains("/media/") && text.contains("/thumbnail\""), "the demo pictures are shown");
        assert!(!text.contains("Pas encore de photos."));
        assert!(!text.contains("Aperçu tel qu"), "officers get no preview note");
        assert!(!text.contains("style=\""), "nothing inline for the CSP");
        assert_eq!(text.matches("<script").count(), text.matches("<script src=\"/static/").count(), "no inline script");
        // The checklist's tally is added by a script; without it the box stays hidden.
        assert!(text.contains("<script src=\"/static/card.js\" defer></script>"), "{text}");
        assert!(text.contains("id=\"tally\" class=\"tally\" hidden"), "{text}");
        assert_eq!(text.matches("data-weight=\"").count(), 5, "every indicator carries its weight: {text}");
    })
    .await;
}

#[tokio::test]
async fn the_product_card_is_in_french_for_a_french_officer_and_in_english_for_a_british_one() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let id = product_id(&app, 1, 0).await;
        let mut fr = signed_in(&app, "officer@douane.demo").await;
        let card = fr.get(&format!("/catalog/products/{id}")).await;
        assert_eq!(card.status, StatusCode::OK, "[{}] {}", app.backend, card.text);
        assert!(card.text.contains("<html lang=\"fr\" dir=\"ltr\">"));
        assert!(card.text.contains("GTIN (codes-barres)"), "{}", card.text);
        assert!(card.text.contains("Indices d&#39;une contrefaçon"), "{}", card.text);
        assert!(card.text.contains("Catégorie"));
        assert!(card.text.contains("Produits de luxe"), "the sector is translated");
        assert!(card.text.contains(&french_name(1, 0)));
        assert!(!card.text.contains(&english_name(1, 0)));
        let mut uk = signed_in(&app, "officer@border.demo").await;
        let card = uk.get(&format!("/catalog/products/{id}")).await;
        assert!(card.text.contains("Authentication guide") && card.text.contains("Luxury goods"));
        assert!(card.text.contains(&format!("<h1>{}</h1>", english_name(1, 0))));
    })
    .await;
}

#[tokio::test]
async fn the_british_officer_is_told_what_is_withheld_while_the_french_officer_sees_the_suppliers() {
    on_every_backend(|app| async move {
        seed(&app).await;
        // Brand 0 keeps its supply chain and prices for French authorities.
        let id = product_id(&app, 0, 0).await;
        let supplier = gen::product(0, 0).sheet.supply_chain.parties[0].name.clone();
        let importer = gen::product(0, 0).sheet.supply_chain.parties[1].name.clone();
        let mut uk = signed_in(&app, "officer@border.demo").await;
        let card = uk.get(&format!("/catalog/products/{id}")).await;
        assert_eq!(card.status, StatusCode::OK, "[{}] {}", app.backend, card.text);
        assert!(
            card.text.contains(
                "The rights holder shares these parts with selected authorities only: supply chain, prices; \
                 ask the contacts below."
            ),
            "{}",
            card.text
        );
        assert!(!card.text.contains(&supplier) && !card.text.contains(&importer), "no supplier names");
        assert!(!card.text.contains("Usual declared value"), "no prices");
        assert!(card.text.contains("Security features"), "not confidential for this brand");
        let mut fr = signed_in(&app, "officer@douane.demo").await;
        let card = fr.get(&format!("/catalog/products/{id}")).await;
        assert!(card.text.contains(&supplier) && card.text.contains(&importer), "{}", card.text);
        assert!(card.text.contains("Fabricant") && card.text.contains("Valeur déclarée habituelle"));
        assert!(!card.text.contains("ne partage ces parties"), "nothing withheld");
        // Brand 0 is never sold in NG or KP: the card says so.
        assert!(card.text.contains("class=\"never-sold\"") && card.text.contains("KP, NG"));
    })
    .await;
}

#[tokio::test]
async fn a_rights_holder_sees_only_its_own_brands_and_gets_404_on_another_rights_holders_product() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let mut anonymous = Browser::new(&app);
        assert_eq!(
            anonymous.get("/catalog").await.location(),
            "/signin?next=%2Fcatalog",
            "signed in, the visitor comes back here"
        );
        let mut b = signed_in(&app, "brand@lumiere.demo").await;
        let list = b.get("/catalog").await;
        assert_eq!(list.status, StatusCode::OK, "[{}] {}", app.backend, list.text);
        assert!(list.text.contains(&gen::brand_name(0)) && list.text.contains(&gen::brand_name(8)), "{}", list.text);
        for other in [1, 2, 9, 15] {
            assert!(!list.text.contains(&gen::brand_name(other)), "brand {other} is not Lumière's");
        }
        assert!(list.text.contains("badge published"), "its own side sees publication state");
        let nordwerk_product = product_id(&app, 1, 0).await;
        let r = b.get(&format!("/catalog/products/{nordwerk_product}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
        assert!(r.text.contains("This item does not exist, or you may not see it."));
        assert_eq!(b.get(&format!("/catalog/brands/{}", brand_id(&app, 1).await)).await.status, StatusCode::NOT_FOUND);
        assert_eq!(b.get("/catalog/products/999999").await.status, StatusCode::NOT_FOUND);
        assert_eq!(b.get("/catalog/products/not-a-number").await.status, StatusCode::NOT_FOUND);
        // Its own product is a preview of what officers see.
        let own = b.get(&format!("/catalog/products/{}", product_id(&app, 0, 0).await)).await;
        assert_eq!(own.status, StatusCode::OK);
        assert!(own.text.contains("Preview as an officer sees it"), "{}", own.text);
    })
    .await;
}

#[tokio::test]
async fn a_rights_holder_publishes_a_draft_product_from_its_brand_page_and_officers_then_see_it() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let brand = brand_id(&app, 0).await;
        let sheet = serde_json::from_value(serde_json::json!({
            "names": {"en": "Night cream 50 ml", "fr": "Crème de nuit 50 ml"},
            "category": "creams",
            "gtins": [gen::gtin(0, 90)],
            "hs_code": "330499",
        }))
        .unwrap();
        let draft = touchstone::domain::catalog::create_product(
            app.db(),
            &touchstone::domain::policy::Principal::console(),
            brand,
            touchstone::domain::catalog::NewProduct { key: "night-cream".into(), sheet },
        )
        .await
        .unwrap();
        let mut officer = signed_in(&app, "officer@border.demo").await;
        let hidden = officer.get(&format!("/catalog/products/{}", draft.id)).await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND, "[{}] drafts stay hidden", app.backend);
        assert!(!officer.get(&format!("/catalog/brands/{brand}")).await.text.contains("Night cream 50 ml"));

        let mut owner = signed_in(&app, "brand@lumiere.demo").await;
        let page_path = format!("/catalog/brands/{brand}");
        let page = owner.get(&page_path).await;
        assert!(page.text.contains("Night cream 50 ml") && page.text.contains("badge draft"), "{}", page.text);
        let action = format!("/catalog/products/{}/publish", draft.id);
        assert!(page.text.contains(&format!("action=\"{action}\"")));
        let forged = owner.post_raw(&action, &[("from", "brand")], Some("not-the-token")).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        let done = owner.submit(&page_path, &action, &[("from", "brand")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text);
        assert_eq!(done.location(), format!("/catalog/brands/{brand}?published=1#product-{}", draft.id));
        let after = owner.get(&format!("/catalog/brands/{brand}?published=1")).await;
        assert!(after.text.contains("Published: officers now see this version."));

        let card = officer.get(&format!("/catalog/products/{}", draft.id)).await;
        assert_eq!(card.status, StatusCode::OK, "{}", card.text);
        assert!(card.text.contains("<h1>Night cream 50 ml</h1>"));
        assert!(card.text.contains(&gen::gtin(0, 90)));
        assert!(card.text.contains("The rights holder has not written a guide yet."));
        // Officers cannot publish.
        let r = officer.submit(&format!("/catalog/brands/{brand}"), &action, &[]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn searching_the_catalog_finds_part_of_a_name_in_any_case_and_escapes_what_was_typed() {
    on_every_backend(|app| async move {
        seed(&app).await;
        // An officer's words go through the search index, which `serve` keeps current.
        app.state.search.catch_up(app.db()).await.unwrap();
        let mut b = signed_in(&app, "officer@border.demo").await;
        for q in ["kASTor", "KÄST"] {
            let query = serde_urlencoded::to_string([("q", q)]).unwrap();
            let found = b.get(&format!("/catalog?{query}")).await;
            assert_eq!(found.status, StatusCode::OK, "[{}] {}", app.backend, found.text);
            assert!(found.text.contains(&gen::brand_name(1)), "{q} finds {}", gen::brand_name(1));
            assert!(!found.text.contains(&gen::brand_name(0)), "{q} does not find {}", gen::brand_name(0));
        }
        // Brands 1 and 10 are the luxury ones of the small catalog.
        let luxury = b.get("/catalog?sector=luxury").await;
        assert!(luxury.text.contains(&gen::brand_name(1)) && luxury.text.contains(&gen::brand_name(10)));
        assert!(!luxury.text.contains(&gen::brand_name(0)));
        assert!(luxury.text.contains("<option value=\"luxury\" selected>"));

        let query = serde_urlencoded::to_string([("q", "<script>alert(1)</script>")]).unwrap();
        let r = b.get(&format!("/catalog?{query}")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(!r.text.contains("<script>alert(1)"), "{}", r.text);
        assert!(r.text.contains("value=\"&#60;script&#62;alert(1)"), "{}", r.text);
        let nothing = b.get("/catalog?q=zzqqxxw").await;
        assert!(nothing.text.contains("No brand matches your search."), "{}", nothing.text);

        let odd = b.get("/catalog?page=abc&sector=weapons").await;
        assert_eq!(odd.status, StatusCode::OK, "odd parameters are ignored, not an error");
        assert!(odd.text.contains(&gen::brand_name(0)));
        let beyond = b.get("/catalog?page=2").await;
        assert!(beyond.text.contains("rel=\"prev\"") && !beyond.text.contains(&gen::brand_name(0)));
    })
    .await;
}

#[tokio::test]
async fn pictures_show_genuine_and_counterfeit_side_by_side_with_their_captions() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let token = app.token_for("brand@lumiere.demo").await;
        let photo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/testdata/barcodes/qrcode-2/high-res-1.jpg");
        let photo = std::fs::read(&photo).unwrap_or_else(|e| panic!("shared test data ({}): {e}", photo.display()));
        let req = axum::http::Request::builder()
            .method(axum::http::Method::POST)
            .uri("/api/v1/media")
            .header(axum::http::header::CONTENT_TYPE, "image/jpeg")
            .header(axum::http::header::AUTHORIZATION, format!("Bearer {token}"))
            .body(axum::body::Body::from(photo))
            .unwrap();
        let uploaded = app.send(req).await;
        assert!(uploaded.status.is_success(), "[{}] {}", app.backend, uploaded.text);
        let hash = uploaded.json()["hash"].as_str().unwrap().to_string();
        let sheet = serde_json::from_value(serde_json::json!({
            "names": {"en": "Pictured tote"},
            "category": "handbags",
            "images": [
                {"hash": hash, "label": "counterfeit", "caption": "Fake: <b>crooked</b> logo"},
                {"hash": hash, "label": "genuine", "caption": "Genuine: straight logo"},
                {"hash": hash, "label": "packaging", "caption": ""},
            ],
            "guide": [{"side": "genuine", "text": "Straight logo", "weight": 2, "image": hash}],
        }))
        .unwrap();
        let console = touchstone::domain::policy::Principal::console();
        let p = touchstone::domain::catalog::create_product(
            app.db(),
            &console,
            brand_id(&app, 0).await,
            touchstone::domain::catalog::NewProduct { key: "pictured".into(), sheet },
        )
        .await
        .unwrap();
        touchstone::domain::catalog::publish_product(app.db(), &console, p.id).await.unwrap();
        let mut officer = signed_in(&app, "officer@border.demo").await;
        let card = officer.get(&format!("/catalog/products/{}", p.id)).await;
        assert_eq!(card.status, StatusCode::OK, "{}", card.text);
        let text = &card.text;
        let src = format!("src=\"/media/{hash}/thumbnail\"");
        assert_eq!(text.matches(&src).count(), 4, "three pictures and the guide's: {text}");
        let genuine = text.find("class=\"side genuine\"").expect("a genuine column");
        let counterfeit = text.find("class=\"side counterfeit\"").expect("a counterfeit column");
        let genuine_alt = text.find("alt=\"Genuine: straight logo\"").unwrap();
        let fake_alt = text.find("alt=\"Fake: &#60;b&#62;crooked&#60;/b&#62; logo\"").expect("captions are escaped");
        assert!(genuine < genuine_alt && genuine_alt < counterfeit && counterfeit < fake_alt);
        assert!(text.contains("alt=\"Packaging\""), "a picture without caption is described by its label");
        assert!(text.contains("●●○○○") && text.contains("Weight 2 of 5"));
        assert!(!text.contains("No pictures yet."));
        // Every picture opens at full size with a tap; the thumbnails load as they are scrolled to.
        let zoom = format!("<a class=\"zoom\" href=\"/media/{hash}\"><img src=\"/media/{hash}/thumbnail\"");
        assert_eq!(text.matches(&zoom).count(), 3, "three pictures: {text}");
        let indicator =
            format!("<a class=\"zoom indicator\" href=\"/media/{hash}\"><img src=\"/media/{hash}/thumbnail\"");
        assert!(text.contains(&indicator), "and the guide's: {text}");
        assert_eq!(text.matches("loading=\"lazy\"").count(), 4, "{text}");
        assert_eq!(text.matches("(full size)</span></a>").count(), 4, "a screen reader says where the link goes");
        let full = officer.get(&format!("/media/{hash}")).await;
        assert_eq!(full.status, StatusCode::OK, "the full-size picture opens");
        let script = officer.get("/static/card.js").await;
        assert_eq!(script.status, StatusCode::OK);
        assert!(script.headers["content-type"].to_str().unwrap().starts_with("text/javascript"));
    })
    .await;
}

#[tokio::test]
async fn a_sector_page_lists_the_published_cards_of_its_brands_for_the_phone_to_keep_and_nothing_else() {
    on_every_backend(|app| async move {
        // Demo brands 6, 15 and 24 trade in tobacco; brand 24 keeps its product in draft.
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 25, 1).await.unwrap();
        let (six, fifteen, draft) =
            (product_id(&app, 6, 0).await, product_id(&app, 15, 0).await, product_id(&app, 24, 0).await);
        let other_sector = product_id(&app, 7, 0).await;
        let mut officer = signed_in(&app, "officer@border.demo").await;

        // From a brand, its sector is one tap away; from the brand list filtered by sector too.
        let brand = officer.get(&format!("/catalog/brands/{}", brand_id(&app, 6).await)).await;
        assert!(brand.text.contains("<a href=\"/catalog/sectors/tobacco\" id=\"sector-link\">"), "{}", brand.text);
        let list = officer.get("/catalog?sector=tobacco").await;
        assert!(list.text.contains("<a href=\"/catalog/sectors/tobacco\">"), "{}", list.text);

        let page = officer.get("/catalog/sectors/tobacco").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        // The links the service worker keeps (sw.js reads exactly this markup).
        let card = |id: i64| format!("<a href=\"/catalog/products/{id}\" class=\"product-name\">");
        assert!(page.text.contains(&card(six)) && page.text.contains(&card(fifteen)), "{}", page.text);
        assert!(!page.text.contains(&card(draft)), "a draft is no officer's card");
        assert!(!page.text.contains(&card(other_sector)), "only this sector's cards");
        assert!(page.text.contains("Product cards published in this sector: 2 (brands: 2)."), "{}", page.text);
        assert!(page.text.contains("id=\"pin-sector\""), "the phone may keep it");
        assert!(page.text.contains(&format!(">{}</span>", gen::brand_name(15))), "each card names its brand");

        assert_eq!(officer.get("/catalog/sectors/no_such_sector").await.status, StatusCode::NOT_FOUND);
        // The sector page is the officers' published catalog: a rights holder is not shown it.
        let mut holder = signed_in(&app, "brand@lumiere.demo").await;
        let refused = holder.get("/catalog/sectors/tobacco").await;
        assert!(!refused.text.contains(&card(six)), "{}", refused.text);
        assert_ne!(refused.status, StatusCode::OK);
    })
    .await;
}
