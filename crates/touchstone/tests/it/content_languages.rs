//! Issue 16: what rights holders write, in one version per language. Readers see their
//! language's version, else the brand's fallback language's, marked "not translated" in their
//! own language with the text's language on its element; spreadsheets carry a column per
//! language; sheets written before texts had languages still load.

use axum::http::{header, Method, Request, StatusCode};

use crate::common::{on_every_backend, signed_in, TestApp, PASSWORD};
use touchstone::demo_catalog as gen;
use touchstone::domain::directory::{self, NewUser};
use touchstone::domain::policy::Principal;

async fn seed(app: &TestApp) {
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.expect("seed a small catalog");
    app.state.search.catch_up(app.db()).await.expect("index the catalog");
}

/// A customs officer of the demo's French administration who reads in `language`.
async fn officer_reading(app: &TestApp, email: &str, language: &str) {
    let org = app.org_id("Douane française (démo)").await;
    let user = NewUser {
        email: email.into(),
        display_name: format!("Officer ({language})"),
        organisation_id: org,
        role: "officer".into(),
        language: Some(language.into()),
        password: Some(PASSWORD.into()),
    };
    directory::create_user(app.db(), &Principal::console(), &user).await.expect("create the officer");
}

async fn ids(app: &TestApp, brand: usize) -> (i64, i64) {
    let b =
        touchstone::store::catalog::get_brand_by_key(app.db().reader(), &gen::brand_key(brand)).await.unwrap().unwrap();
    let p = touchstone::store::catalog::get_product_by_key(app.db().reader(), b.id, "p0").await.unwrap().unwrap();
    (b.id, p.id)
}

/// Text as the pages write it (askama escapes quotes and apostrophes).
fn html(text: &str) -> String {
    text.replace('&', "&amp;").replace('\'', "&#39;").replace('"', "&#34;")
}

#[tokio::test]
async fn a_product_is_read_in_french_in_spanish_and_else_in_the_fallback_marked_as_not_translated() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let (brand_id, id) = ids(&app, 0).await;
        let sheet = gen::product(0, 0).sheet;
        let card_path = format!("/catalog/products/{id}");
        officer_reading(&app, "agente@douane.demo", "es").await;
        officer_reading(&app, "mufattish@douane.demo", "ar").await;

        // The demo's French officer reads the French texts, none marked.
        let mut fr = signed_in(&app, "officer@douane.demo").await;
        let card = fr.get(&card_path).await;
        assert_eq!(card.status, StatusCode::OK, "[{}] {}", app.backend, card.text);
        assert!(card.text.contains(&format!("<h1>{}</h1>", html(&sheet.names["fr"]))), "{}", card.text);
        assert!(card.text.contains(&html(&sheet.packaging["fr"])), "packaging in French");
        assert!(card.text.contains(&html(&sheet.guide[0].text["fr"])), "the guide in French");
        assert!(card.text.contains(&html(&sheet.security_features[0].kind["fr"])), "security features in French");
        assert!(card.text.contains("Authentique : face avant"), "captions in French");
        assert!(!card.text.contains("class=\"untranslated\""), "nothing is marked: {}", card.text);
        assert!(!card.text.contains(&html(&sheet.guide[0].text["en"])), "no English left");

        // Spanish, for an officer whose language is Spanish.
        let mut es = signed_in(&app, "agente@douane.demo").await;
        let card = es.get(&card_path).await;
        assert!(card.text.contains("<html lang=\"es\" dir=\"ltr\">"));
        assert!(card.text.contains(&format!("<h1>{}</h1>", html(&sheet.names["es"]))), "{}", card.text);
        assert!(card.text.contains(&html(&sheet.descriptions["es"])), "description in Spanish");
        assert!(card.text.contains("Auténtico: parte delantera"), "captions in Spanish");
        assert!(!card.text.contains("class=\"untranslated\""));
        let brand = es.get(&format!("/catalog/brands/{brand_id}")).await;
        assert!(brand.text.contains(&format!(">{}</a>", html(&sheet.names["es"]))), "lists name it in Spanish");

        // No Arabic version: the fallback (English), its language said, marked in Arabic.
        let mut ar = signed_in(&app, "mufattish@douane.demo").await;
        let card = ar.get(&card_path).await;
        assert!(card.text.contains("<html lang=\"ar\" dir=\"rtl\">"));
        let mark = "<small class=\"untranslated\">غير مترجم</small>";
        let name = format!("<h1><span lang=\"en\" dir=\"ltr\">{}</span> {mark}</h1>", html(&sheet.names["en"]));
        assert!(card.text.contains(&name), "{}", card.text);
        let indicator = format!("<span lang=\"en\" dir=\"ltr\">{}</span> {mark}", html(&sheet.guide[1].text["en"]));
        assert!(card.text.contains(&indicator), "each text says its language");
        assert!(card.text.contains("<span lang=\"en\" dir=\"ltr\"><img"), "so does a picture's text alternative");
        let brand = ar.get(&format!("/catalog/brands/{brand_id}")).await;
        assert!(brand
            .text
            .contains(&format!("<span lang=\"en\" dir=\"ltr\">{}</span> {mark}", html(&sheet.names["en"]))));

        // Search results name products in the reader's language too.
        let query = format!("/catalog?q={}", gen::brand_name(0));
        let found = es.get(&query).await;
        assert!(found.text.contains(&html(&sheet.names["es"])), "[{}] {}", app.backend, found.text);
        let found = ar.get(&query).await;
        assert!(found
            .text
            .contains(&format!("<span lang=\"en\" dir=\"ltr\">{}</span> {mark}", html(&sheet.names["en"]))));

        // The API gives every version and the fallback, for clients to choose.
        let token = app.token_for("officer@douane.demo").await;
        let api = app.get(&format!("/api/v1/products/{id}/card"), &token).await.json();
        assert_eq!(api["fallback_language"], "en");
        assert_eq!(api["sheet"]["names"]["es"], sheet.names["es"].as_str());
        let hits = app.get(&format!("/api/v1/search?q={}", gen::brand_name(0)), &token).await.json();
        let product = hits["hits"].as_array().unwrap().iter().find(|h| h["product_id"] == id).expect("found");
        assert_eq!(product["names"]["fr"], sheet.names["fr"].as_str());
        assert_eq!(product["title_language"], "en");
        let doc = app.get("/api/v1/openapi.json", &token).await.json();
        let text = &doc["components"]["schemas"]["Localized"]["oneOf"];
        assert_eq!((text[0]["type"].as_str(), text[1]["type"].as_str()), (Some("string"), Some("object")), "{text}");
    })
    .await;
}

#[tokio::test]
async fn an_alert_is_read_in_the_readers_language_else_in_its_fallback_marked() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let (brand_id, product_id) = ids(&app, 0).await;
        officer_reading(&app, "mufattish@douane.demo", "ar").await;
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let valid_to = (time::OffsetDateTime::now_utc().date() + time::Duration::days(30)).to_string();
        let r = app
            .post_json(
                "/api/v1/alerts",
                &lumiere,
                serde_json::json!({
                    "title": {"en": "Fake totes via Le Havre", "fr": "Faux cabas via Le Havre"},
                    "description": "Declared as cotton bags.",
                    "brand_ids": [brand_id], "target_countries": ["FR"], "valid_to": valid_to}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "[{}] {}", app.backend, r.text);
        let alert = r.json()["id"].as_i64().unwrap();

        let mut fr = signed_in(&app, "officer@douane.demo").await;
        let page = fr.get(&format!("/alerts/{alert}")).await;
        assert!(page.text.contains("<h1>Faux cabas via Le Havre</h1>"), "{}", page.text);
        // Written as a plain string: the fallback language's text (English by default).
        let mark = "<small class=\"untranslated\">non traduit</small>";
        assert!(page.text.contains(&format!("<span lang=\"en\" dir=\"ltr\">Declared as cotton bags.</span> {mark}")));
        let card = fr.get(&format!("/catalog/products/{product_id}")).await;
        assert!(card.text.contains("<strong>Faux cabas via Le Havre</strong>"), "on the card: {}", card.text);

        let mut ar = signed_in(&app, "mufattish@douane.demo").await;
        let list = ar.get("/alerts").await;
        let mark = "<small class=\"untranslated\">غير مترجم</small>";
        assert!(list.text.contains(&format!("<span lang=\"en\" dir=\"ltr\">Fake totes via Le Havre</span> {mark}")));
    })
    .await;
}

async fn export_csv(app: &TestApp, token: &str) -> String {
    let r = app.get("/api/v1/catalog/export?format=csv", token).await;
    assert_eq!(r.status, StatusCode::OK, "[{}] {}", app.backend, r.text);
    r.text
}

async fn import_csv(app: &TestApp, token: &str, csv: &str) -> serde_json::Value {
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/catalog/import")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "text/csv")
        .body(axum::body::Body::from(csv.to_string()))
        .unwrap();
    let r = app.send(req).await;
    assert_eq!(r.status, StatusCode::OK, "[{}] {}", app.backend, r.text);
    r.json()
}

#[tokio::test]
async fn a_csv_export_has_a_column_per_language_and_importing_it_back_changes_nothing() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let token = app.token_for("brand@lumiere.demo").await;
        let text = export_csv(&app, &token).await;
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        let header = rows.headers().unwrap().clone();
        let columns: Vec<&str> = header.iter().collect();
        for c in ["name", "name_en", "name_fr", "name_es", "name_ar", "description_es", "packaging", "packaging_fr"] {
            assert!(columns.contains(&c), "[{}] {c} in {columns:?}", app.backend);
        }
        let record = rows.records().next().expect("Lumière's product").unwrap();
        let cell = |name: &str| record.get(header.iter().position(|h| h == name).unwrap()).unwrap().to_string();
        let sheet = gen::product(0, 0).sheet;
        assert_eq!(cell("name_es"), sheet.names["es"]);
        assert_eq!(cell("packaging_fr"), sheet.packaging["fr"]);
        assert_eq!((cell("name"), cell("name_ar")), (String::new(), String::new()));
        assert!(cell("images").contains("#en=Genuine: front") && cell("images").contains("#es=Auténtico"), "captions");

        let report = import_csv(&app, &token, &text).await;
        assert_eq!((report["unchanged"].as_u64(), report["updated"].as_u64()), (Some(1), Some(0)), "{report}");

        // A translator fills the Arabic column: only that language changes.
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(&header).unwrap();
        let mut changed: Vec<String> = record.iter().map(str::to_string).collect();
        changed[header.iter().position(|h| h == "name_ar").unwrap()] = "حقيبة فيلوريا".into();
        out.write_record(&changed).unwrap();
        let report = import_csv(&app, &token, &String::from_utf8(out.into_inner().unwrap()).unwrap()).await;
        assert_eq!(report["updated"], 1, "{report}");
        let (_, id) = ids(&app, 0).await;
        let p = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap();
        assert_eq!(p.draft.names.get("ar"), Some("حقيبة فيلوريا"));
        assert_eq!(p.draft.names["fr"], sheet.names["fr"]);
        assert_eq!(p.draft.images.len(), 3, "the gallery and its captions came back");
        assert_eq!(p.draft.images[0].caption.get("es"), Some(gen::caption(media::draw::Variant::Genuine).2));
        let again = import_csv(&app, &token, &export_csv(&app, &token).await).await;
        assert_eq!(again["unchanged"], 1, "the new export imports back unchanged: {again}");

        // Files written before the language columns still import: `name_en`, `packaging`.
        let old = "brand_key,product_key,name_en,name_fr,category,packaging\n\
                   demo-0000,old-style,Old tote,Ancien cabas,handbags,Dust bag";
        let report = import_csv(&app, &token, old).await;
        assert_eq!(report["created"], 1, "{report}");
        let b = touchstone::store::catalog::get_brand_by_key(app.db().reader(), "demo-0000").await.unwrap().unwrap();
        let p = touchstone::store::catalog::get_product_by_key(app.db().reader(), b.id, "old-style").await.unwrap();
        let p = p.unwrap();
        assert_eq!((p.draft.names.get("fr"), p.draft.packaging.get("und")), (Some("Ancien cabas"), Some("Dust bag")));
    })
    .await;
}

#[tokio::test]
async fn a_sheet_stored_with_plain_strings_still_loads_reads_in_the_fallback_and_takes_a_translation() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let (brand_id, id) = ids(&app, 0).await;
        let hash = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap().draft.images
            [0]
        .hash
        .clone();
        // As a sheet was stored before texts had languages.
        let old = serde_json::json!({
            "names": {"en": "Quilted clutch"}, "descriptions": {}, "category": "handbags",
            "packaging": "Grey dust bag", "images": [{"hash": hash, "label": "genuine", "caption": "Front"}],
            "guide": [{"side": "genuine", "text": "Quilting lines are straight", "weight": 4}],
            "security_features": [{"kind": "hologram", "how_to_check": "Tilt it"}],
        })
        .to_string();
        let brand = touchstone::store::catalog::get_brand(app.db().reader(), brand_id).await.unwrap().unwrap();
        let mut old_brand = serde_json::to_value(&brand.draft).unwrap();
        old_brand.as_object_mut().unwrap().remove("fallback_language");
        old_brand["contacts"] = serde_json::json!([{"name": "Desk", "country": "FR", "hours": null}]);
        // Written straight to the tables, in a transaction so that the caches forget what they hold.
        let mut tx = app.db().begin().await.unwrap();
        sqlx::query("UPDATE products SET draft = $1, published = $1 WHERE id = $2")
            .bind(&old)
            .bind(id)
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::query("UPDATE brands SET draft = $1, published = $1 WHERE id = $2")
            .bind(old_brand.to_string())
            .bind(brand_id)
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let mut fr = signed_in(&app, "officer@douane.demo").await;
        let card = fr.get(&format!("/catalog/products/{id}")).await;
        assert_eq!(card.status, StatusCode::OK, "[{}] {}", app.backend, card.text);
        let mark = "<small class=\"untranslated\">non traduit</small>";
        for text in ["Grey dust bag", "Quilting lines are straight", "Front", "Desk"] {
            assert!(card.text.contains(&format!("<span lang=\"en\" dir=\"ltr\">{text}</span> {mark}")), "{text}");
        }

        // The owner translates the old texts; the text as written stays the English one.
        let mut owner = signed_in(&app, "brand@lumiere.demo").await;
        let edit = format!("/catalog/products/{id}/edit");
        let page = owner.get(&format!("{edit}?lang=fr")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        assert!(page.text.contains("English (fallback): <span lang=\"en\" dir=\"ltr\">Grey dust bag</span>"));
        let p = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap();
        let version = p.version.to_string();
        let caption = format!("caption_{hash}");
        let fields = [
            ("version", version.as_str()),
            ("lang", "fr"),
            ("name", "Pochette matelassée"),
            ("category", "handbags"),
            ("packaging", "Housse grise"),
            (caption.as_str(), "Face"),
            ("indicator_0", "Les piqûres sont droites"),
        ];
        let r = owner.submit(&format!("{edit}?lang=fr"), &edit, &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let p = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap();
        assert_eq!(p.draft.packaging.get("fr"), Some("Housse grise"));
        assert_eq!(p.draft.packaging.version("en", "en"), Some("Grey dust bag"), "the English text is kept");
        assert_eq!(p.draft.images[0].caption.get("fr"), Some("Face"));
        assert_eq!(p.draft.security_features[0].kind.get("und"), Some("hologram"), "what the form left empty");
    })
    .await;
}
