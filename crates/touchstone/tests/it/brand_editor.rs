//! The brand editor (names, prefixes, trademarks, contacts, logo) and a product's security
//! features and supply chain editor, driven as a browser does; then what officers see.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};

use crate::common::{escaped_with, on_every_backend, signed_in, Browser, Reply, TestApp};
use touchstone::demo_catalog as gen;
use touchstone::domain::types::Language::En;

async fn seed(app: &TestApp) {
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.expect("seed a small catalog");
}

async fn brand(app: &TestApp, i: usize) -> touchstone::domain::catalog::Brand {
    touchstone::store::catalog::get_brand_by_key(app.db().reader(), &gen::brand_key(i)).await.unwrap().unwrap()
}

async fn product(app: &TestApp, i: usize) -> touchstone::domain::catalog::Product {
    let b = brand(app, i).await;
    touchstone::store::catalog::get_product_by_key(app.db().reader(), b.id, "p0").await.unwrap().unwrap()
}

fn main_fields<'a>(version: &'a str, name: &'a str, aliases: &'a str, prefixes: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("version", version),
        ("name", name),
        ("aliases", aliases),
        ("sector", "luxury"),
        ("gs1_company_prefixes", prefixes),
    ]
}

async fn upload_logo(b: &mut Browser<'_>, brand_id: i64, version: i64, bytes: &[u8]) -> Reply {
    let page = b.get(&format!("/catalog/brands/{brand_id}/edit")).await;
    let csrf = Browser::csrf_of(&page);
    let boundary = "touchstone-logo-boundary-51c3";
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf.as_str()), ("version", version.to_string().as_str())] {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"logo.png\"\r\nContent-Type: image/png\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let cookies = b.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/catalog/brands/{brand_id}/logo"))
        .header(header::COOKIE, cookies)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .body(Body::from(body))
        .unwrap();
    b.app.send(req).await
}

/// The owner of the first demo brand on its editor; the brand as it was and the editor's path.
async fn brand_editor(app: &TestApp) -> (Browser<'_>, touchstone::domain::catalog::Brand, String) {
    seed(app).await;
    let b = brand(app, 0).await;
    let edit = format!("/catalog/brands/{}/edit", b.id);
    let mut owner = signed_in(app, "brand@lumiere.demo").await;
    let page = owner.get(&edit).await;
    assert_eq!(page.status, StatusCode::OK, "[{}] {}", app.backend, page.text);
    (owner, b, edit)
}

/// Posts the form at `action` from the brand editor with the brand's current version.
async fn save_brand(owner: &mut Browser<'_>, edit: &str, action: &str, fields: &[(&str, &str)]) -> Reply {
    let version = brand(owner.app, 0).await.version.to_string();
    let mut all = vec![("version", version.as_str())];
    all.extend_from_slice(fields);
    owner.submit(edit, action, &all).await
}

fn trademark(classes: &str) -> [(&str, &str); 4] {
    [("office", "EUIPO"), ("number", "018999999"), ("nice_classes", classes), ("expires_on", "2031-05-01")]
}

fn contact(email: &str) -> [(&str, &str); 6] {
    [
        ("country", "fr"),
        ("name", "Bureau douanes Paris"),
        ("languages", "fr, en"),
        ("phone", "+33 1 23 45 67 89"),
        ("email", email),
        ("hours", "lun.–ven. 09:00–18:00 CET"),
    ]
}

#[tokio::test]
async fn the_brand_page_links_its_owner_to_the_editor_and_officers_get_not_found_there() {
    on_every_backend(|app| async move {
        let (mut owner, b, edit) = brand_editor(&app).await;
        let page = owner.get(&format!("/catalog/brands/{}", b.id)).await;
        assert!(page.text.contains(&format!("href=\"{edit}\"")), "[{}] the brand page links the editor", app.backend);
        let mut officer = signed_in(&app, "officer@douane.demo").await;
        assert_eq!(officer.get(&edit).await.status, StatusCode::NOT_FOUND, "officers get no brand editor");
    })
    .await;
}

#[tokio::test]
async fn a_refused_prefix_is_shown_beside_its_field_with_what_was_typed() {
    on_every_backend(|app| async move {
        let (mut owner, b, edit) = brand_editor(&app).await;
        let v = b.version.to_string();
        let r = owner.submit(&edit, &edit, &main_fields(&v, &b.draft.name, "Lumiere Paris", "30123ab")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-gs1_company_prefixes\"") && r.text.contains("30123ab"), "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn saving_names_and_prefixes_keeps_what_the_form_does_not_show() {
    on_every_backend(|app| async move {
        let (mut owner, b, edit) = brand_editor(&app).await;
        let v = b.version.to_string();
        let r =
            owner.submit(&edit, &edit, &main_fields(&v, &b.draft.name, "Lumiere Paris\nルミエール", "3012345")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert_eq!(r.location(), format!("{edit}?saved=main#main"));
        let saved = brand(&app, 0).await;
        assert_eq!(saved.draft.aliases, vec!["Lumiere Paris", "ルミエール"]);
        assert_eq!(saved.draft.gs1_company_prefixes, vec!["3012345"]);
        assert_eq!(saved.draft.confidentiality, b.draft.confidentiality, "what the form does not show is kept");
    })
    .await;
}

#[tokio::test]
async fn a_brand_saved_from_a_stale_page_is_told_not_overwritten() {
    on_every_backend(|app| async move {
        let (mut owner, b, edit) = brand_editor(&app).await;
        let v = b.version.to_string();
        let r = owner.submit(&edit, &edit, &main_fields(&v, &b.draft.name, "Lumiere Paris", "3012345")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let r = owner.submit(&edit, &edit, &main_fields(&v, "Someone else's name", "", "")).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
        assert!(r.says(En, "editor.brand.conflict"), "{}", r.text);
        assert_eq!(brand(&app, 0).await.draft.name, b.draft.name);
    })
    .await;
}

#[tokio::test]
async fn a_trademark_in_a_nice_class_that_does_not_exist_is_refused_beside_its_field() {
    on_every_backend(|app| async move {
        let (mut owner, b, edit) = brand_editor(&app).await;
        let tm = format!("/catalog/brands/{}/trademarks", b.id);
        let r = save_brand(&mut owner, &edit, &tm, &trademark("18, 46")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(
            r.text.contains("id=\"error-nice_classes\"")
                && r.text.contains(&escaped_with(En, "error.invalid_nice_class", &[("class", "46")]))
        );
    })
    .await;
}

#[tokio::test]
async fn a_contact_with_a_wrong_address_is_refused_keeping_what_was_typed() {
    on_every_backend(|app| async move {
        let (mut owner, b, edit) = brand_editor(&app).await;
        let contacts = format!("/catalog/brands/{}/contacts", b.id);
        let r = save_brand(&mut owner, &edit, &contacts, &contact("not an address")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-contact\"") && r.text.contains("value=\"Bureau douanes Paris\""));
    })
    .await;
}

#[tokio::test]
async fn a_logo_that_is_not_a_picture_is_refused_with_its_code() {
    on_every_backend(|app| async move {
        let (mut owner, b, _) = brand_editor(&app).await;
        let r = upload_logo(&mut owner, b.id, b.version, b"not a picture at all").await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{}", r.text);
        assert!(r.text.contains("data-code=\"unsupported_type\""), "{}", r.text);
        assert_eq!(brand(&app, 0).await.draft.logo, b.draft.logo);
    })
    .await;
}

#[tokio::test]
async fn officers_see_the_new_trademark_contact_and_logo_only_once_the_brand_is_published() {
    on_every_backend(|app| async move {
        let (mut owner, b, edit) = brand_editor(&app).await;
        let v = b.version.to_string();
        let r =
            owner.submit(&edit, &edit, &main_fields(&v, &b.draft.name, "Lumiere Paris\nルミエール", "3012345")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let tm = format!("/catalog/brands/{}/trademarks", b.id);
        assert_eq!(save_brand(&mut owner, &edit, &tm, &trademark("18, 25")).await.status, StatusCode::SEE_OTHER);
        let contacts = format!("/catalog/brands/{}/contacts", b.id);
        let r = save_brand(&mut owner, &edit, &contacts, &contact("douane@lumiere.example")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let version = brand(&app, 0).await.version;
        let r = upload_logo(&mut owner, b.id, version, &gen::pictures(9, 0).remove(0).1).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let drafted = brand(&app, 0).await;
        let logo = drafted.draft.logo.clone().expect("the logo is in the draft");
        assert_eq!(drafted.draft.contacts.last().unwrap().country.as_deref(), Some("FR"));

        let p = product(&app, 0).await;
        let mut officer = signed_in(&app, "officer@douane.demo").await;
        let card = officer.get(&format!("/catalog/products/{}", p.id)).await;
        assert_eq!(card.status, StatusCode::OK);
        assert!(!card.text.contains("Bureau douanes Paris") && !card.text.contains("018999999"), "{}", card.text);

        let r =
            owner.submit(&format!("/catalog/brands/{}", b.id), &format!("/catalog/brands/{}/publish", b.id), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let card = officer.get(&format!("/catalog/products/{}", p.id)).await;
        assert!(card.text.contains("Bureau douanes Paris") && card.text.contains("018999999"), "{}", card.text);
        assert!(card.text.contains("href=\"tel:+33123456789\""), "the contact for the officer's country, callable");
        let brand_page = officer.get(&format!("/catalog/brands/{}", b.id)).await;
        assert!(brand_page.text.contains(&format!("src=\"/media/{logo}/thumbnail\"")), "{}", brand_page.text);
        assert!(brand_page.text.contains("ルミエール"));
    })
    .await;
}

/// The owner on the sections editor of its first product: the editor's path and the product.
async fn sections_editor(app: &TestApp) -> (Browser<'_>, String, touchstone::domain::catalog::Product) {
    seed(app).await;
    let p = product(app, 0).await;
    let owner = signed_in(app, "brand@lumiere.demo").await;
    (owner, format!("/catalog/products/{}/sections", p.id), p)
}

/// Posts one section form from the editor at `sections`, with the product's current version.
async fn save_section(owner: &mut Browser<'_>, sections: &str, what: &str, fields: &[(&str, &str)]) -> Reply {
    let version = product_version(owner.app).await.to_string();
    let mut all = vec![("version", version.as_str())];
    all.extend_from_slice(fields);
    let action = sections.replace("/sections", &format!("/{what}"));
    owner.submit(sections, &action, &all).await
}

/// A security feature, a route, a distributor and the countries of manufacture, saved in
/// the draft.
async fn describe(owner: &mut Browser<'_>, sections: &str) {
    let feature = [("kind", "UV ink"), ("how_to_check", "Under UV light a fox appears on the label")];
    let route = [("origin", "IT"), ("destination", "FR"), ("mode", "rail")];
    let party = [
        ("role", "distributor"),
        ("name", "Distribution Lyonnaise SARL"),
        ("identifier", "FR12345678901"),
        ("country", "FR"),
        ("market", "FR"),
    ];
    let countries = [("manufacturing_countries", "it, pt")];
    for (what, fields) in [
        ("security-features", &feature[..]),
        ("routes", &route[..]),
        ("parties", &party[..]),
        ("manufacturing", &countries[..]),
    ] {
        let r = save_section(owner, sections, what, fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{what}: {}", r.text);
    }
}

#[tokio::test]
async fn the_card_links_its_owner_to_the_sections_editor_and_officers_get_not_found_there() {
    on_every_backend(|app| async move {
        let (mut owner, sections, p) = sections_editor(&app).await;
        let card = owner.get(&format!("/catalog/products/{}", p.id)).await;
        assert!(card.text.contains(&format!("href=\"{sections}\"")), "[{}] the card links the editor", app.backend);
        let page = owner.get(&sections).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let mut officer = signed_in(&app, "officer@douane.demo").await;
        assert_eq!(officer.get(&sections).await.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_security_feature_without_how_to_check_it_is_refused_beside_its_field_keeping_what_was_typed() {
    on_every_backend(|app| async move {
        let (mut owner, sections, _) = sections_editor(&app).await;
        let r =
            save_section(&mut owner, &sections, "security-features", &[("kind", "UV ink"), ("how_to_check", "")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-feature\"") && r.text.contains("value=\"UV ink\""), "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn a_route_to_an_unknown_country_is_refused_beside_its_field() {
    on_every_backend(|app| async move {
        let (mut owner, sections, _) = sections_editor(&app).await;
        let route = [("origin", "IT"), ("destination", "XX"), ("mode", "road")];
        let r = save_section(&mut owner, &sections, "routes", &route).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-route\""), "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn saved_sections_reach_the_draft_and_leave_the_gallery_untouched() {
    on_every_backend(|app| async move {
        let (mut owner, sections, p) = sections_editor(&app).await;
        describe(&mut owner, &sections).await;
        let draft = touchstone::store::catalog::get_product(app.db().reader(), p.id).await.unwrap().unwrap().draft;
        assert_eq!(draft.supply_chain.manufacturing_countries, vec!["IT", "PT"]);
        assert_eq!(draft.security_features.len(), p.draft.security_features.len() + 1);
        assert_eq!(draft.images, p.draft.images, "the gallery is untouched");
    })
    .await;
}

#[tokio::test]
async fn a_section_sent_from_a_stale_page_is_refused_with_the_reason() {
    on_every_backend(|app| async move {
        let (mut owner, sections, p) = sections_editor(&app).await;
        describe(&mut owner, &sections).await;
        let stale = p.version.to_string();
        let route = [("version", stale.as_str()), ("origin", "IT"), ("destination", "DE"), ("mode", "road")];
        let r = owner.submit(&sections, &format!("/catalog/products/{}/routes", p.id), &route).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
        assert!(r.text.contains("id=\"conflict\""), "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn officers_see_security_features_and_supply_chain_only_once_published() {
    on_every_backend(|app| async move {
        let (mut owner, sections, p) = sections_editor(&app).await;
        describe(&mut owner, &sections).await;
        let card_path = format!("/catalog/products/{}", p.id);
        let mut officer = signed_in(&app, "officer@douane.demo").await;
        let card = officer.get(&card_path).await;
        assert!(!card.text.contains("a fox appears") && !card.text.contains("Distribution Lyonnaise"), "draft only");

        let r = owner.submit(&card_path, &format!("{card_path}/publish"), &[("from", "product")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let card = officer.get(&card_path).await;
        assert!(card.text.contains("Under UV light a fox appears on the label"), "{}", card.text);
        assert!(
            card.text.contains("Distribution Lyonnaise SARL"),
            "the FR officer is in this brand's supply-chain audience"
        );
    })
    .await;
}

async fn product_version(app: &TestApp) -> i64 {
    product(app, 0).await.version
}

#[tokio::test]
async fn another_rights_holder_gets_not_found_on_every_editor_and_changes_nothing() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let b = brand(&app, 0).await;
        let p = product(&app, 0).await;
        let mut other = signed_in(&app, "brand@nordwerk.demo").await;
        for path in [format!("/catalog/brands/{}/edit", b.id), format!("/catalog/products/{}/sections", p.id)] {
            assert_eq!(other.get(&path).await.status, StatusCode::NOT_FOUND, "[{}] {path}", app.backend);
        }
        let bv = b.version.to_string();
        let pv = p.version.to_string();
        let attempts: Vec<(String, Vec<(&str, &str)>)> = vec![
            (format!("/catalog/brands/{}/edit", b.id), main_fields(&bv, "Hijacked", "", "")),
            (format!("/catalog/brands/{}/contacts", b.id), vec![("version", &bv), ("name", "Intruder")]),
            (format!("/catalog/brands/{}/trademarks", b.id), vec![("version", &bv), ("office", "X"), ("number", "1")]),
            (format!("/catalog/brands/{}/remove", b.id), vec![("version", &bv), ("list", "contacts"), ("index", "0")]),
            (
                format!("/catalog/products/{}/security-features", p.id),
                vec![("version", &pv), ("kind", "x"), ("how_to_check", "y")],
            ),
            (
                format!("/catalog/products/{}/sections/remove", p.id),
                vec![("version", &pv), ("list", "parties"), ("index", "0")],
            ),
        ];
        for (action, fields) in attempts {
            let r = other.submit("/catalog", &action, &fields).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "[{}] {action}: {}", app.backend, r.text);
        }
        let r = upload_logo(&mut other, b.id, b.version, &gen::pictures(9, 0).remove(0).1).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(brand(&app, 0).await.version, b.version);
        assert_eq!(product(&app, 0).await.version, p.version);
    })
    .await;
}

#[tokio::test]
async fn a_representative_edits_the_brand_delegated_to_it_and_no_other() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let delegated = brand(&app, 0).await;
        let not_delegated = brand(&app, 1).await;
        let mut agent = signed_in(&app, "agent@bpp.demo").await;
        let edit = format!("/catalog/brands/{}/edit", delegated.id);
        assert_eq!(agent.get(&edit).await.status, StatusCode::OK, "[{}]", app.backend);
        let version = delegated.version.to_string();
        let r = agent
            .submit(
                &edit,
                &format!("/catalog/brands/{}/contacts", delegated.id),
                &[("version", &version), ("country", "GB"), ("name", "BPP London desk"), ("phone", "+44 20 7946 0000")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert_eq!(brand(&app, 0).await.draft.contacts.last().unwrap().name.get("en"), Some("BPP London desk"));
        let other = format!("/catalog/brands/{}/edit", not_delegated.id);
        assert_eq!(agent.get(&other).await.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn the_owner_chooses_its_representatives_and_a_revoked_one_loses_the_editor_at_once() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let b = brand(&app, 0).await;
        let edit = format!("/catalog/brands/{}/edit", b.id);
        let bpp = app.org_id("Brand Protection Partners (demo)").await.to_string();
        let mut owner = signed_in(&app, "brand@lumiere.demo").await;
        let page = owner.get(&edit).await;
        assert!(page.text.contains("<li class=\"representative\">Brand Protection Partners (demo)"), "{}", page.text);

        let mut agent = signed_in(&app, "agent@bpp.demo").await;
        let page = agent.get(&edit).await;
        assert_eq!(page.status, StatusCode::OK, "[{}]", app.backend);
        assert!(!page.text.contains("id=\"representative\""), "a representative does not choose representatives");
        let r = agent
            .submit(&edit, &format!("/catalog/brands/{}/representatives/remove", b.id), &[("organisation_id", &bpp)])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);

        let r = owner
            .submit(&edit, &format!("/catalog/brands/{}/representatives/remove", b.id), &[("organisation_id", &bpp)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert_eq!(agent.get(&edit).await.status, StatusCode::NOT_FOUND, "revoked: the brand is out of reach");
        let lumiere = app.org_id("Maison Lumière (demo)").await.to_string();
        let r = owner
            .submit(&edit, &format!("/catalog/brands/{}/representatives", b.id), &[("organisation_id", &lumiere)])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-representative\""), "{}", r.text);
        let r = owner
            .submit(&edit, &format!("/catalog/brands/{}/representatives", b.id), &[("organisation_id", &bpp)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert_eq!(agent.get(&edit).await.status, StatusCode::OK);

        let mut other = signed_in(&app, "brand@nordwerk.demo").await;
        let r = other
            .submit(
                "/catalog",
                &format!("/catalog/brands/{}/representatives/remove", b.id),
                &[("organisation_id", &bpp)],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn the_owner_keeps_security_features_for_a_chosen_audience_and_other_officers_are_told_whom_to_ask() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let b = brand(&app, 0).await;
        let p = product(&app, 0).await;
        // What the French officer reads: the French version.
        let how = p.draft.security_features[1].how_to_check["fr"].clone();
        let edit = format!("/catalog/brands/{}/edit", b.id);
        let audience = format!("/catalog/brands/{}/audience", b.id);
        let mut officer = signed_in(&app, "officer@douane.demo").await;
        let card = officer.get(&format!("/catalog/products/{}", p.id)).await;
        assert!(card.text.contains(&how), "[{}] open to all before", app.backend);

        let mut owner = signed_in(&app, "brand@lumiere.demo").await;
        let v = b.version.to_string();
        let r = owner
            .submit(&edit, &audience, &[("version", &v), ("section_security_features", "on"), ("countries", "DE, XX")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-audience\"") && r.text.contains("value=\"DE, XX\""), "{}", r.text);
        let r = owner
            .submit(&edit, &audience, &[("version", &v), ("section_security_features", "on"), ("countries", "de")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let saved = brand(&app, 0).await.draft.confidentiality;
        assert_eq!(saved.sections, vec![touchstone::domain::catalog::Section::SecurityFeatures]);
        assert_eq!(saved.countries, vec!["DE"]);

        let card = officer.get(&format!("/catalog/products/{}", p.id)).await;
        assert!(!card.text.contains(&how), "the French officer is no longer in the audience");
        assert!(
            card.text.contains("certaines autorités\u{a0}: dispositifs de sécurité"),
            "and is told, in French, what is withheld: {}",
            card.text
        );
        let mut agent = signed_in(&app, "agent@bpp.demo").await;
        assert!(!agent.get(&edit).await.text.contains("id=\"audience\""), "only the owner chooses the audience");
    })
    .await;
}
