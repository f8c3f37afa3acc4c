//! The brand editor (names, prefixes, trademarks, contacts, logo) and a product's security
//! features and supply chain editor, driven as a browser does; then what officers see.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};

use crate::common::{on_every_backend, signed_in, Browser, Reply, TestApp};
use touchstone::demo_catalog as gen;

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

#[tokio::test]
async fn a_rights_holder_edits_its_brand_and_officers_see_it_only_once_published() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let b = brand(&app, 0).await;
        let p = product(&app, 0).await;
        let edit = format!("/catalog/brands/{}/edit", b.id);
        let mut owner = signed_in(&app, "brand@lumiere.demo").await;
        let page = owner.get(&format!("/catalog/brands/{}", b.id)).await;
        assert!(page.text.contains(&format!("href=\"{edit}\"")), "[{}] the brand page links the editor", app.backend);
        let page = owner.get(&edit).await;
        assert_eq!(page.status, StatusCode::OK, "[{}] {}", app.backend, page.text);

        // A refused prefix is shown beside its field, with what was typed kept.
        let v = b.version.to_string();
        let name = b.draft.name.clone();
        let r = owner.submit(&edit, &edit, &main_fields(&v, &name, "Lumiere Paris", "30123ab")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-gs1_company_prefixes\"") && r.text.contains("30123ab"), "{}", r.text);
        let r = owner.submit(&edit, &edit, &main_fields(&v, &name, "Lumiere Paris\nルミエール", "3012345")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert_eq!(r.location(), format!("{edit}?saved=main#main"));
        let saved = brand(&app, 0).await;
        assert_eq!(saved.draft.aliases, vec!["Lumiere Paris", "ルミエール"]);
        assert_eq!(saved.draft.gs1_company_prefixes, vec!["3012345"]);
        assert_eq!(saved.draft.confidentiality, b.draft.confidentiality, "what the form does not show is kept");

        // The page loaded before that save is now stale: told, not overwritten.
        let r = owner.submit(&edit, &edit, &main_fields(&v, "Someone else's name", "", "")).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
        assert!(r.text.contains("Someone saved this brand in the meantime"), "{}", r.text);
        assert_eq!(brand(&app, 0).await.draft.name, name);

        let tm = format!("/catalog/brands/{}/trademarks", b.id);
        let version = saved.version.to_string();
        let tm_fields = |classes: &'static str| {
            vec![
                ("version", version.clone()),
                ("office", "EUIPO".to_string()),
                ("number", "018999999".to_string()),
                ("nice_classes", classes.to_string()),
                ("expires_on", "2031-05-01".to_string()),
            ]
        };
        let fields = tm_fields("18, 46");
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = owner.submit(&edit, &tm, &refs).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-nice_classes\"") && r.text.contains("Nice class 46 does not exist"));
        let fields = tm_fields("18, 25");
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = owner.submit(&edit, &tm, &refs).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);

        let contacts = format!("/catalog/brands/{}/contacts", b.id);
        let v2 = brand(&app, 0).await.version.to_string();
        let contact = |email: &'static str| {
            vec![
                ("version", v2.clone()),
                ("country", "fr".to_string()),
                ("name", "Bureau douanes Paris".to_string()),
                ("languages", "fr, en".to_string()),
                ("phone", "+33 1 23 45 67 89".to_string()),
                ("email", email.to_string()),
                ("hours", "lun.–ven. 09:00–18:00 CET".to_string()),
            ]
        };
        let fields = contact("not an address");
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = owner.submit(&edit, &contacts, &refs).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-contact\"") && r.text.contains("value=\"Bureau douanes Paris\""));
        let fields = contact("douane@lumiere.example");
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = owner.submit(&edit, &contacts, &refs).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);

        let before_logo = brand(&app, 0).await;
        let r = upload_logo(&mut owner, b.id, before_logo.version, b"not a picture at all").await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{}", r.text);
        assert!(r.text.contains("data-code=\"unsupported_type\""), "{}", r.text);
        let r = upload_logo(&mut owner, b.id, before_logo.version, &gen::pictures(9, 0).remove(0).1).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let drafted = brand(&app, 0).await;
        let logo = drafted.draft.logo.clone().expect("the logo is in the draft");
        assert_eq!(drafted.draft.contacts.last().unwrap().country.as_deref(), Some("FR"));

        // Officers still see the published brand.
        let mut officer = signed_in(&app, "officer@douane.demo").await;
        let card = officer.get(&format!("/catalog/products/{}", p.id)).await;
        assert_eq!(card.status, StatusCode::OK);
        assert!(!card.text.contains("Bureau douanes Paris") && !card.text.contains("018999999"), "{}", card.text);
        assert_eq!(officer.get(&edit).await.status, StatusCode::NOT_FOUND, "officers get no brand editor");

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

#[tokio::test]
async fn a_rights_holder_describes_security_features_and_supply_chain_and_publishes_them() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let p = product(&app, 0).await;
        let sections = format!("/catalog/products/{}/sections", p.id);
        let mut owner = signed_in(&app, "brand@lumiere.demo").await;
        let card = owner.get(&format!("/catalog/products/{}", p.id)).await;
        assert!(card.text.contains(&format!("href=\"{sections}\"")), "[{}] the card links the editor", app.backend);
        let page = owner.get(&sections).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);

        let post = |what: &str| format!("/catalog/products/{}/{what}", p.id);
        let r = owner
            .submit(
                &sections,
                &post("security-features"),
                &[("version", &product_version(&app).await.to_string()), ("kind", "UV ink"), ("how_to_check", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-feature\"") && r.text.contains("value=\"UV ink\""), "{}", r.text);
        let r = owner
            .submit(
                &sections,
                &post("security-features"),
                &[
                    ("version", &product_version(&app).await.to_string()),
                    ("kind", "UV ink"),
                    ("how_to_check", "Under UV light a fox appears on the label"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let r = owner
            .submit(
                &sections,
                &post("routes"),
                &[
                    ("version", &product_version(&app).await.to_string()),
                    ("origin", "IT"),
                    ("destination", "XX"),
                    ("mode", "road"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-route\""), "{}", r.text);
        let r = owner
            .submit(
                &sections,
                &post("routes"),
                &[
                    ("version", &product_version(&app).await.to_string()),
                    ("origin", "IT"),
                    ("destination", "FR"),
                    ("mode", "rail"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let r = owner
            .submit(
                &sections,
                &post("parties"),
                &[
                    ("version", &product_version(&app).await.to_string()),
                    ("role", "distributor"),
                    ("name", "Distribution Lyonnaise SARL"),
                    ("identifier", "FR12345678901"),
                    ("country", "FR"),
                    ("market", "FR"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let r = owner
            .submit(
                &sections,
                &post("manufacturing"),
                &[("version", &product_version(&app).await.to_string()), ("manufacturing_countries", "it, pt")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let draft = touchstone::store::catalog::get_product(app.db().reader(), p.id).await.unwrap().unwrap().draft;
        assert_eq!(draft.supply_chain.manufacturing_countries, vec!["IT", "PT"]);
        assert_eq!(draft.images, p.draft.images, "the gallery is untouched");

        // A stale page is refused with the reason.
        let stale = p.version.to_string();
        let r = owner
            .submit(
                &sections,
                &post("routes"),
                &[("version", &stale), ("origin", "IT"), ("destination", "DE"), ("mode", "road")],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
        assert!(r.text.contains("id=\"conflict\""), "{}", r.text);

        let mut officer = signed_in(&app, "officer@douane.demo").await;
        let card = officer.get(&format!("/catalog/products/{}", p.id)).await;
        assert!(!card.text.contains("a fox appears") && !card.text.contains("Distribution Lyonnaise"), "draft only");
        assert_eq!(officer.get(&sections).await.status, StatusCode::NOT_FOUND);

        let r = owner
            .submit(
                &format!("/catalog/products/{}", p.id),
                &format!("/catalog/products/{}/publish", p.id),
                &[("from", "product")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let card = officer.get(&format!("/catalog/products/{}", p.id)).await;
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
