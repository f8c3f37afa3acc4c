//! The rights holder's editor pages: history, main details with version checks, gallery
//! upload through the media checks, and guide indicators — then what officers see.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};

use crate::common::{escaped, on_every_backend, png_claiming, product, product_id, signed_in, Browser, Reply, TestApp};
use touchstone::demo_catalog as gen;
use touchstone::domain::types::Language::En;

async fn seed(app: &TestApp) {
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.expect("seed a small catalog");
}

/// The value of the first input named `name` on the page.
fn value_of(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).unwrap_or_else(|| panic!("no {name} field in {page}")) + marker.len();
    page[start..].split('"').next().unwrap().to_string()
}

/// The main form's fields in `lang` as the current draft holds them (the demo brands fall back
/// to English), with `changes` applied.
async fn main_fields_in(
    app: &TestApp,
    id: i64,
    version: &str,
    lang: &str,
    changes: &[(&str, &str)],
) -> Vec<(String, String)> {
    let p = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap();
    let s = p.draft;
    let v = |t: &touchstone::domain::localized::Localized| t.version(lang, "en").unwrap_or_default().to_string();
    let mut fields: Vec<(String, String)> = vec![
        ("version".into(), version.into()),
        ("lang".into(), lang.into()),
        ("name".into(), v(&s.names)),
        ("description".into(), v(&s.descriptions)),
        ("category".into(), s.category.clone()),
        ("hs_code".into(), s.hs_code.clone().unwrap_or_default()),
        ("gtins".into(), s.gtins.join("\n")),
        ("only_sold_in".into(), s.only_sold_in.join(", ")),
        ("never_sold_in".into(), s.never_sold_in.join(", ")),
        ("packaging".into(), v(&s.packaging)),
    ];
    for i in &s.images {
        fields.push((format!("caption_{}", i.hash), v(&i.caption)));
    }
    for (n, g) in s.guide.iter().enumerate() {
        fields.push((format!("indicator_{n}"), v(&g.text)));
    }
    for (k, v) in changes {
        fields.iter_mut().find(|(name, _)| name == k).unwrap().1 = v.to_string();
    }
    fields
}

async fn main_fields(app: &TestApp, id: i64, version: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    main_fields_in(app, id, version, "en", changes).await
}

async fn save(b: &mut Browser<'_>, id: i64, fields: &[(String, String)]) -> Reply {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let path = format!("/catalog/products/{id}/edit");
    b.submit(&path, &path, &fields).await
}

/// Posts the gallery form as a browser does: multipart, with the page's CSRF token.
async fn upload(b: &mut Browser<'_>, id: i64, label: &str, caption: &str, bytes: &[u8]) -> Reply {
    upload_in(b, id, "", label, caption, bytes).await
}

/// Posts the gallery form of the editor in `lang` (the page's, when empty).
async fn upload_in(b: &mut Browser<'_>, id: i64, lang: &str, label: &str, caption: &str, bytes: &[u8]) -> Reply {
    let page = b.get(&format!("/catalog/products/{id}/edit")).await;
    let csrf = Browser::csrf_of(&page);
    let version = page
        .text
        .split("action=\"/catalog/products/")
        .find(|s| s.contains("/images\""))
        .map(|s| value_of(s, "version"));
    let version = version.unwrap_or_else(|| "0".into());
    let boundary = "touchstone-test-boundary-7d1f";
    let mut body = Vec::new();
    for (name, value) in
        [("csrf", csrf.as_str()), ("version", version.as_str()), ("label", label), ("caption", caption), ("lang", lang)]
    {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"picture.png\"\r\nContent-Type: image/png\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let cookies = b.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/catalog/products/{id}/images"))
        .header(header::COOKIE, cookies)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .body(Body::from(body))
        .unwrap();
    b.app.send(req).await
}

/// The owner of the first demo product on its editor: the product's id and the page's version.
async fn on_the_editor(app: &TestApp) -> (Browser<'_>, i64, String) {
    seed(app).await;
    let id = product_id(app, 0, 0).await;
    let mut owner = signed_in(app, "brand@lumiere.demo").await;
    let page = owner.get(&format!("/catalog/products/{id}/edit")).await;
    assert_eq!(page.status, StatusCode::OK, "[{}] {}", app.backend, page.text);
    let version = value_of(&page.text, "version");
    (owner, id, version)
}

#[tokio::test]
async fn the_card_links_its_owner_to_the_editor_and_the_history_and_officers_to_neither() {
    on_every_backend(|app| async move {
        let (mut owner, id, _) = on_the_editor(&app).await;
        let edit = format!("/catalog/products/{id}/edit");
        let history = format!("/catalog/products/{id}/history");
        let card = owner.get(&format!("/catalog/products/{id}")).await;
        assert!(card.text.contains(&format!("href=\"{edit}\"")), "[{}] the card links the editor", app.backend);
        assert!(card.text.contains(&format!("href=\"{history}\"")));
        let mut officer = signed_in(&app, "officer@border.demo").await;
        let card = officer.get(&format!("/catalog/products/{id}")).await;
        assert_eq!(card.status, StatusCode::OK, "{}", card.text);
        assert!(!card.text.contains(&format!("href=\"{edit}\"")), "officers get no editor link");
        assert_eq!(officer.get(&edit).await.status, StatusCode::NOT_FOUND);
        assert_eq!(officer.get(&history).await.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_refused_value_is_shown_beside_its_field_with_what_was_typed() {
    on_every_backend(|app| async move {
        let (mut owner, id, v0) = on_the_editor(&app).await;
        let bad = main_fields(&app, id, &v0, &[("hs_code", "12"), ("name", "Spring tote typed")]).await;
        let r = save(&mut owner, id, &bad).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-hs_code\""), "{}", r.text);
        assert!(r.text.contains("value=\"12\"") && r.text.contains("value=\"Spring tote typed\""));
    })
    .await;
}

#[tokio::test]
async fn saving_the_main_details_keeps_what_the_form_does_not_show_and_enters_the_history() {
    on_every_backend(|app| async move {
        let (mut owner, id, v0) = on_the_editor(&app).await;
        let good = main_fields(&app, id, &v0, &[("name", "Spring tote"), ("packaging", "Cotton dust bag")]).await;
        let before = touchstone::store::catalog::get_product(app.db().reader(), id).await?.unwrap();
        let r = save(&mut owner, id, &good).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert_eq!(r.location(), format!("/catalog/products/{id}/edit?lang=en&saved=main"));
        let after = touchstone::store::catalog::get_product(app.db().reader(), id).await?.unwrap();
        assert_eq!(after.draft.names["en"], "Spring tote");
        assert_eq!(after.draft.packaging.get("en"), Some("Cotton dust bag"));
        assert_eq!(after.draft.names.get("fr"), before.draft.names.get("fr"), "other languages are kept");
        assert_eq!(after.draft.supply_chain, before.draft.supply_chain, "fields the form does not show are kept");
        assert_eq!(after.draft.images, before.draft.images);
        assert_eq!(after.draft.guide, before.draft.guide);
        let history = owner.get(&format!("/catalog/products/{id}/history")).await;
        assert_eq!(history.status, StatusCode::OK, "{}", history.text);
        let saved = format!("<td>{}</td><td>{}</td>", after.version, escaped(En, "editor.actions.save"));
        assert!(history.text.contains(&saved), "{}", history.text);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn saving_from_a_page_loaded_before_another_save_is_refused_and_said_so() {
    on_every_backend(|app| async move {
        let (mut owner, id, v0) = on_the_editor(&app).await;
        let first = main_fields(&app, id, &v0, &[("name", "Spring tote")]).await;
        assert_eq!(save(&mut owner, id, &first).await.status, StatusCode::SEE_OTHER);
        let stale = main_fields(&app, id, &v0, &[("name", "Someone else's tote")]).await;
        let r = save(&mut owner, id, &stale).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
        assert!(r.says(En, "editor.conflict"), "{}", r.text);
        assert!(r.text.contains("value=\"Someone else&#39;s tote\""), "what was typed is kept: {}", r.text);
    })
    .await;
}

#[tokio::test]
async fn hostile_or_wrong_files_are_refused_with_the_media_codes() {
    on_every_backend(|app| async move {
        let (mut owner, id, _) = on_the_editor(&app).await;
        let r = upload(&mut owner, id, "genuine", "bomb", &png_claiming(40_000, 40_000)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("data-code=\"too_many_pixels\""), "{}", r.text);
        assert!(r.says(En, "editor.upload_refused"), "{}", r.text);
        let r = upload(&mut owner, id, "genuine", "text", b"just some text, not a picture").await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{}", r.text);
        assert!(r.text.contains("data-code=\"unsupported_type\""), "{}", r.text);
    })
    .await;
}

/// Uploads a genuine picture and adds a counterfeit indicator showing it; the picture's hash
/// and the draft's version after.
async fn picture_with_indicator(app: &TestApp, owner: &mut Browser<'_>, id: i64) -> (String, i64) {
    let png = gen::pictures(7, 3).remove(0).1;
    let r = upload(owner, id, "genuine", "Spring stitching, even", &png).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "[{}] {}", app.backend, r.text);
    let draft = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap();
    let added = draft.draft.images.last().unwrap().clone();
    assert_eq!(added.caption.get("en"), Some("Spring stitching, even"), "written in the fallback language");
    let indicator = [
        ("version", draft.version.to_string()),
        ("side", "counterfeit".into()),
        ("text", "Seam of the spring edition is crooked".into()),
        ("weight", "4".into()),
        ("image", added.hash.clone()),
    ];
    let fields: Vec<(&str, &str)> = indicator.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let edit = format!("/catalog/products/{id}/edit");
    let r = owner.submit(&edit, &format!("/catalog/products/{id}/indicators"), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    (added.hash, draft.version + 1)
}

#[tokio::test]
async fn an_indicator_weighing_more_than_the_scale_is_refused_beside_its_field() {
    on_every_backend(|app| async move {
        let (mut owner, id, _) = on_the_editor(&app).await;
        let (_, version) = picture_with_indicator(&app, &mut owner, id).await;
        let r = owner
            .submit(
                &format!("/catalog/products/{id}/edit"),
                &format!("/catalog/products/{id}/indicators"),
                &[("version", &version.to_string()), ("side", "genuine"), ("text", "x"), ("weight", "9")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-weight\""), "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn an_uploaded_picture_and_its_indicator_reach_officers_once_published() {
    on_every_backend(|app| async move {
        let (mut owner, id, _) = on_the_editor(&app).await;
        let (hash, _) = picture_with_indicator(&app, &mut owner, id).await;
        let card_path = format!("/catalog/products/{id}");
        let mut officer = signed_in(&app, "officer@border.demo").await;
        let card = officer.get(&card_path).await;
        assert!(!card.text.contains("Seam of the spring edition is crooked"), "a draft is not shown");

        let r = owner.submit(&card_path, &format!("{card_path}/publish"), &[("from", "product")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let history = owner.get(&format!("{card_path}/history")).await;
        let published = format!("<td>{}</td>", escaped(En, "editor.actions.publish"));
        assert!(history.text.contains(&published), "{}", history.text);
        let card = officer.get(&card_path).await;
        assert_eq!(card.status, StatusCode::OK, "{}", card.text);
        assert!(card.text.contains(&format!("src=\"/media/{hash}/thumbnail\"")), "{}", card.text);
        assert!(card.text.contains("Spring stitching, even"));
        assert!(card.text.contains("Seam of the spring edition is crooked"));
    })
    .await;
}

#[tokio::test]
async fn another_rights_holder_cannot_see_or_change_the_editor_or_the_history() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let id = product_id(&app, 0, 0).await;
        let brand =
            touchstone::store::catalog::get_brand_by_key(app.db().reader(), &gen::brand_key(0)).await.unwrap().unwrap();
        let mut other = signed_in(&app, "brand@nordwerk.demo").await;
        let edit = format!("/catalog/products/{id}/edit");
        for path in
            [edit.clone(), format!("/catalog/products/{id}/history"), format!("/catalog/brands/{}/history", brand.id)]
        {
            let r = other.get(&path).await;
            assert!(
                matches!(r.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
                "[{}] {path}: {}",
                app.backend,
                r.status
            );
        }
        let before = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap();
        let fields = main_fields(&app, id, &before.version.to_string(), &[("name", "Hijacked")]).await;
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = other.submit("/catalog", &edit, &fields).await;
        assert!(matches!(r.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{}", r.status);
        let r = other
            .submit(
                "/catalog",
                &format!("/catalog/products/{id}/indicators"),
                &[("version", &before.version.to_string()), ("side", "genuine"), ("text", "x"), ("weight", "3")],
            )
            .await;
        assert!(matches!(r.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{}", r.status);
        let r = upload(&mut other, id, "genuine", "x", &gen::pictures(7, 3).remove(0).1).await;
        assert!(matches!(r.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN), "{}", r.status);
        let after = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap();
        assert_eq!(after.version, before.version);

        // The owner sees the brand's history, linked from the brand page.
        let mut owner = signed_in(&app, "brand@lumiere.demo").await;
        let page = owner.get(&format!("/catalog/brands/{}", brand.id)).await;
        assert!(page.text.contains(&format!("href=\"/catalog/brands/{}/history\"", brand.id)));
        let h = owner.get(&format!("/catalog/brands/{}/history", brand.id)).await;
        assert_eq!(h.status, StatusCode::OK, "{}", h.text);
        assert!(h.text.contains("class=\"history-entry\""), "{}", h.text);
    })
    .await;
}

async fn remove_picture(b: &mut Browser<'_>, id: i64, version: i64, hash: &str) -> Reply {
    let edit = format!("/catalog/products/{id}/edit");
    b.submit(
        &edit,
        &format!("/catalog/products/{id}/images/remove"),
        &[("version", &version.to_string()), ("hash", hash)],
    )
    .await
}

#[tokio::test]
async fn a_picture_leaves_the_gallery_once_no_indicator_shows_it() {
    on_every_backend(|app| async move {
        seed(&app).await;
        let id = product_id(&app, 0, 0).await;
        let edit = format!("/catalog/products/{id}/edit");
        let draft = || async { touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap() };
        let mut owner = signed_in(&app, "brand@lumiere.demo").await;
        let png = gen::pictures(9, 2).remove(0).1;
        assert_eq!(upload(&mut owner, id, "counterfeit", "Wrong logo", &png).await.status, StatusCode::SEE_OTHER);
        let p = draft().await;
        let hash = p.draft.images.last().unwrap().hash.clone();
        let r = owner
            .submit(
                &edit,
                &format!("/catalog/products/{id}/indicators"),
                &[
                    ("version", &p.version.to_string()),
                    ("side", "counterfeit"),
                    ("text", "Logo off centre"),
                    ("weight", "3"),
                    ("image", &hash),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);

        let page = owner.get(&edit).await;
        assert!(page.text.contains(&format!("name=\"hash\" value=\"{hash}\"")), "each picture has its remove button");
        // Shown by an indicator: refused, and said beside the gallery.
        let p = draft().await;
        let r = remove_picture(&mut owner, id, p.version, &hash).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "[{}] {}", app.backend, r.text);
        assert!(
            r.text.contains("data-code=\"picture_in_use\"") && r.text.contains("The picture was not removed."),
            "{}",
            r.text
        );
        assert_eq!(draft().await.draft.images.len(), p.draft.images.len(), "nothing removed");
        let r = remove_picture(&mut owner, id, p.version, &"0".repeat(64)).await;
        assert!(r.text.contains("data-code=\"unknown_media\""), "{}", r.text);

        let index = p.draft.guide.iter().position(|g| g.image.as_deref() == Some(hash.as_str())).unwrap();
        let r = owner
            .submit(
                &edit,
                &format!("/catalog/products/{id}/indicators/remove"),
                &[("version", &p.version.to_string()), ("index", &index.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        // A page loaded before that change is refused rather than overwriting it.
        let stale = remove_picture(&mut owner, id, p.version, &hash).await;
        assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.text);

        let p = draft().await;
        let r = remove_picture(&mut owner, id, p.version, &hash).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert_eq!(r.location(), format!("{edit}?saved=image_removed#gallery"));
        let after = draft().await;
        assert!(after.draft.images.iter().all(|i| i.hash != hash), "the picture left the draft");
        assert_eq!(after.draft.images.len(), p.draft.images.len() - 1, "and only that one");
        let page = owner.get(&format!("{edit}?saved=image_removed")).await;
        assert!(page.text.contains("The picture was taken out of the gallery."), "{}", page.text);

        // Nobody else may: another rights holder and an officer learn nothing.
        for email in ["brand@nordwerk.demo", "officer@border.demo"] {
            let mut other = signed_in(&app, email).await;
            let home = other.get("/").await;
            let csrf = Browser::csrf_of(&home);
            let fields = [("version", after.version.to_string()), ("hash", after.draft.images[0].hash.clone())];
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let r = other.post_raw(&format!("/catalog/products/{id}/images/remove"), &fields, Some(&csrf)).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "[{}] {email}: {}", app.backend, r.text);
        }
        assert_eq!(draft().await.draft.images, after.draft.images);
    })
    .await;
}

/// Issue 16: a translator works on one language, beside the fallback's text, and saves it alone.
#[tokio::test]
async fn the_editor_saves_french_without_touching_english_and_counts_what_is_missing() {
    on_every_backend(|app| async move {
        seed(&app).await;
        // A product written in English only.
        let brand = product(&app, 0, 0).await.brand_id;
        let token = app.token_for("brand@lumiere.demo").await;
        let created = app
            .post_json(
                &format!("/api/v1/brands/{brand}/products"),
                &token,
                serde_json::json!({"key": "spring-tote", "sheet": {
                    "names": {"en": "Spring tote"}, "category": "handbags", "packaging": {"en": "Dust bag"},
                    "guide": [{"side": "genuine", "text": {"en": "Even stitching"}, "weight": 4}]}}),
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "[{}] {}", app.backend, created.text);
        let id = created.json()["id"].as_i64().unwrap();
        let edit = format!("/catalog/products/{id}/edit");
        let before = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap();
        let english = before.draft.names["en"].clone();
        let texts = before.draft.all_texts().iter().filter(|t| !t.is_empty()).count();
        assert_eq!(texts, 3, "name, packaging, indicator");
        let mut owner = signed_in(&app, "brand@lumiere.demo").await;

        let page = owner.get(&format!("{edit}?lang=fr")).await;
        assert_eq!(page.status, StatusCode::OK, "[{}] {}", app.backend, page.text);
        assert!(page.text.contains("name=\"lang\" value=\"fr\""), "the form edits French");
        assert!(page.text.contains(&format!("{texts} texts missing")), "French lacks every text: {}", page.text);
        assert!(page.text.contains("aria-current=\"page\"><span lang=\"fr\""), "French is the language chosen");
        assert!(page.text.contains(&format!("English (fallback): <span lang=\"en\" dir=\"ltr\">{english}</span>")));
        assert_eq!(value_of(&page.text, "name"), "", "no French name yet");

        let v = before.version.to_string();
        let guide = format!("indicator_{}", 0);
        let fields =
            main_fields_in(&app, id, &v, "fr", &[("name", "Cabas du printemps"), (&guide, "Coutures régulières")])
                .await;
        let r = save(&mut owner, id, &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "[{}] {}", app.backend, r.text);
        assert_eq!(r.location(), format!("{edit}?lang=fr&saved=main"));
        let after = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap();
        assert_eq!(after.draft.names.get("fr"), Some("Cabas du printemps"));
        assert_eq!(after.draft.names["en"], english, "English untouched");
        assert_eq!(after.draft.guide[0].text.get("fr"), Some("Coutures régulières"));
        assert_eq!(after.draft.guide[0].text.get("en"), before.draft.guide[0].text.get("en"));
        assert_eq!(after.draft.packaging, before.draft.packaging, "a field left empty stays untranslated");
        let page = owner.get(&format!("{edit}?lang=fr")).await;
        assert!(page.text.contains("1 text missing"), "only the packaging is left: {}", page.text);
        assert_eq!(value_of(&page.text, "name"), "Cabas du printemps");

        // A refused French text is shown beside its field, marked invalid, the typed text kept.
        let long = "x".repeat(201);
        let fields = main_fields_in(&app, id, &after.version.to_string(), "fr", &[("name", &long)]).await;
        let r = save(&mut owner, id, &fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("id=\"error-names\""), "{}", r.text);
        assert!(r.text.contains("aria-invalid=\"true\" aria-describedby=\"error-names\""), "{}", r.text);
        assert!(r.text.contains(&long) && r.text.contains("name=\"lang\" value=\"fr\""));
        // And a stale page is refused as in any language.
        let stale = main_fields_in(&app, id, &v, "fr", &[("name", "Autre cabas")]).await;
        assert_eq!(save(&mut owner, id, &stale).await.status, StatusCode::CONFLICT);

        // A picture and an indicator added while editing Spanish are written in Spanish.
        let png = gen::pictures(20, 0).remove(0).1;
        let r = upload_in(&mut owner, id, "es", "genuine", "Frente", &png).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert_eq!(r.location(), format!("{edit}?lang=es&saved=image#gallery"));
        let p = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap();
        assert_eq!(
            p.draft.images.last().unwrap().caption,
            touchstone::domain::localized::Localized::one("es", "Frente")
        );
        let r = owner
            .submit(
                &format!("{edit}?lang=es"),
                &format!("/catalog/products/{id}/indicators"),
                &[
                    ("version", &p.version.to_string()),
                    ("lang", "es"),
                    ("side", "genuine"),
                    ("text", "Sello intacto"),
                    ("weight", "3"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let p = touchstone::store::catalog::get_product(app.db().reader(), id).await.unwrap().unwrap();
        assert_eq!(p.draft.guide.last().unwrap().text.get("es"), Some("Sello intacto"));
        assert_eq!(p.draft.names.get("fr"), Some("Cabas du printemps"));
    })
    .await;
}
