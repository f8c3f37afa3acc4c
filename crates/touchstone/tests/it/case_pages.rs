//! The case and alert pages as officers and rights holders use them: an alert published from
//! its form, a detention recorded from the product card through the officer's form (errors
//! keep what was typed, a double submit records one case), the rights holder answering and
//! writing on the case page, the officer seeing both and moving the case to its outcome, and
//! the figures counting it.

use axum::http::StatusCode;

use crate::common::{escaped, on_every_backend, product_id, signed_in, Browser, Reply, TestApp};
use touchstone::demo_catalog as gen;
use touchstone::domain::types::Language::{En, Fr};

/// The value of the input named `name` on `page`.
fn input_value(page: &Reply, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.text.find(&marker).unwrap_or_else(|| panic!("no input {name} in {}", page.text)) + marker.len();
    page.text[start..].split('"').next().unwrap().to_string()
}

fn case_id_of(reply: &Reply) -> i64 {
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text);
    reply.location().strip_prefix("/cases/").and_then(|r| r.split(['?', '#']).next()).unwrap().parse().unwrap()
}

fn in_a_year() -> String {
    (time::OffsetDateTime::now_utc().date() + time::Duration::days(365)).to_string()
}

/// The rights holder's alert about its first brand, published from the form; its page path.
async fn publish_alert<'a>(app: &'a TestApp) -> (Browser<'a>, String) {
    let mut lumiere = signed_in(app, "brand@lumiere.demo").await;
    let until = in_a_year();
    let r = lumiere
        .submit(
            "/alerts/new",
            "/alerts",
            &[
                ("title", "Fake handbags by air from Shenzhen"),
                ("description", "Counterfeit handbags declared as generic leather goods."),
                ("target_countries", "FR"),
                ("brands", &gen::brand_name(0)),
                ("suspect_parties", "Shenzhen Bright Trading Co., Ltd."),
                ("valid_to", &until),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "[{}] {}", app.backend, r.text);
    let path = r.location().to_string();
    (lumiere, path)
}

/// What a French officer types into the detention form for 40 handbags of `product`, sent
/// with "detain and notify" confirmed.
fn roissy_detention<'f>(key: &'f str, product: &'f str, containers: &'f str) -> Vec<(&'f str, &'f str)> {
    vec![
        ("idempotency_key", key),
        ("case_type", "standard"),
        ("office_code", "FR000730"),
        ("office_name", "Roissy fret"),
        ("office_country", "FR"),
        ("customs_procedure", "import"),
        ("transport_mode", "air"),
        ("origin_country", "CN"),
        ("destination_country", "FR"),
        ("containers", containers),
        ("air_waybills", "020-12345675"),
        ("consignor_name", "Shenzhen Bright Trading Co., Ltd."),
        ("consignor_address", "12 Export Road"),
        ("consignor_country", "CN"),
        ("consignee_name", "Paris Import SARL"),
        ("declarant_name", "Express Courier SAS"),
        ("lines", "3"),
        ("goods_0_description", "Sacs à main au logo de la marque"),
        ("goods_0_quantity", "40"),
        ("goods_0_unit", "pièces"),
        ("goods_0_hs_code", "4202.21"),
        ("goods_0_declared_value", "800,50"),
        ("goods_0_currency", "EUR"),
        ("goods_0_product_id", product),
        ("notes", "Signalement de la cellule d'analyse de risque"),
        ("confirm_detain", "1"),
        ("save", "detain"),
    ]
}

/// A detention of a Lumière product recorded by the French officer from the form, after
/// Lumière published an alert naming the brand.
struct Detained<'a> {
    id: i64,
    officer: Browser<'a>,
    /// The officer's CSRF token.
    csrf: String,
    lumiere: Browser<'a>,
}

impl Detained<'_> {
    fn path(&self) -> String {
        format!("/cases/{}", self.id)
    }
}

async fn detained(app: &TestApp) -> Detained<'_> {
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.unwrap();
    let product = product_id(app, 0, 0).await.to_string();
    let (lumiere, _) = publish_alert(app).await;
    let mut officer = signed_in(app, "officer@douane.demo").await;
    let form = officer.get(&format!("/cases/new?product_id={product}")).await;
    let key = input_value(&form, "idempotency_key");
    let csrf = Browser::csrf_of(&form);
    let r = officer.post_raw("/cases", &roissy_detention(&key, &product, "MSKU 907032-3"), Some(&csrf)).await;
    let id = case_id_of(&r);
    Detained { id, officer, csrf, lumiere }
}

#[tokio::test]
async fn an_alert_published_from_its_form_reaches_the_home_page_of_the_officers_it_targets() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.unwrap();
        let (mut lumiere, alert_path) = publish_alert(&app).await;
        let alert = lumiere.get(&alert_path).await;
        assert!(alert.text.contains("Fake handbags by air from Shenzhen"), "{}", alert.text);
        assert!(alert.says(En, "alerts.withdraw"), "the owner may withdraw it: {}", alert.text);

        let mut officer = signed_in(&app, "officer@douane.demo").await;
        let home = officer.get("/").await;
        assert!(home.says(Fr, "cases.home_alerts"), "{}", home.text);
        assert!(home.text.contains(&format!("href=\"{alert_path}\"")), "{}", home.text);
        assert!(home.text.contains("href=\"/cases\"") && home.text.contains("href=\"/stats\""), "nav links");
    })
    .await;
}

#[tokio::test]
async fn the_detention_form_opens_from_the_card_with_the_country_and_the_product_filled_in() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.unwrap();
        let product = product_id(&app, 0, 0).await;
        let mut officer = signed_in(&app, "officer@douane.demo").await;
        let card = officer.get(&format!("/catalog/products/{product}")).await;
        let new_href = format!("/cases/new?product_id={product}");
        assert!(card.text.contains(&format!("href=\"{new_href}\"")), "{}", card.text);
        let form = officer.get(&new_href).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.text);
        assert!(form.says(Fr, "cases.new_title"), "{}", form.text);
        assert!(form.says(Fr, "cases.containers"), "{}", form.text);
        assert_eq!(input_value(&form, "office_country"), "FR", "the officer's country is prefilled");
        assert_eq!(input_value(&form, "goods_0_product_id"), product.to_string());
        let key = input_value(&form, "idempotency_key");
        assert!(key.len() >= 20, "a random key: {key}");
    })
    .await;
}

#[tokio::test]
async fn a_refused_detention_form_comes_back_with_the_reason_and_everything_typed() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.unwrap();
        let product = product_id(&app, 0, 0).await.to_string();
        let mut officer = signed_in(&app, "officer@douane.demo").await;
        let form = officer.get(&format!("/cases/new?product_id={product}")).await;
        let key = input_value(&form, "idempotency_key");
        let csrf = Browser::csrf_of(&form);
        // A wrong check digit.
        let bad = officer.post_raw("/cases", &roissy_detention(&key, &product, "MSKU 907032-4"), Some(&csrf)).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "[{}] {}", app.backend, bad.text);
        assert!(bad.says(Fr, "error.invalid_container_number"), "{}", bad.text);
        assert!(bad.text.contains("class=\"field-error\""));
        assert!(bad.text.contains(">MSKU 907032-4</textarea>"), "the typed container is kept");
        assert_eq!(input_value(&bad, "office_name"), "Roissy fret");
        assert_eq!(input_value(&bad, "goods_0_declared_value"), "800,50");
        assert_eq!(input_value(&bad, "idempotency_key"), key, "nothing was recorded: the same key");
        let list = officer.get("/cases").await;
        assert_eq!(list.text.matches("class=\"case-ref\"").count(), 0, "{}", list.text);
    })
    .await;
}

#[tokio::test]
async fn the_detention_form_sent_twice_records_one_case() {
    on_every_backend(|app| async move {
        let mut d = detained(&app).await;
        let product = product_id(&app, 0, 0).await.to_string();
        let form = d.officer.get(&format!("/cases/new?product_id={product}")).await;
        let key = input_value(&form, "idempotency_key");
        let fields = roissy_detention(&key, &product, "MSKU 907032-3");
        let first = d.officer.post_raw("/cases", &fields, Some(&d.csrf)).await;
        let id = case_id_of(&first);
        let again = d.officer.post_raw("/cases", &fields, Some(&d.csrf)).await;
        assert_eq!(case_id_of(&again), id, "a double tap records one case");
        let list = d.officer.get("/cases").await;
        assert_eq!(
            list.text.matches("class=\"case-ref\"").count(),
            2,
            "the fixture's case and this one: {}",
            list.text
        );
    })
    .await;
}

#[tokio::test]
async fn the_case_page_shows_the_countdown_the_silence_rule_and_the_alert_it_matches() {
    on_every_backend(|app| async move {
        let mut d = detained(&app).await;
        let page = d.officer.get(&d.path()).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        assert!(page.text.contains("Dossier FR-"), "{}", page.text);
        assert!(page.text.contains("badge state-detained"));
        assert!(page.text.contains("jours ouvrés restants"), "a countdown in working days: {}", page.text);
        for key in ["cases.deadlines", "cases.timeline", "cases.silence_means", "cases.silence.release"] {
            assert!(page.says(Fr, key), "{key}: {}", page.text);
        }
        assert!(page.says(Fr, "cases.alert_matches"), "the alert match is shown: {}", page.text);
        assert!(page.text.contains("MSKU9070323"));
        assert!(page.says(Fr, "cases.record_declarant_answer"), "the officer records the declarant's answer");
        assert!(page.text.contains("value=\"record_declarant_notice\""));
        // Scripts are files (the offline one on every page), nothing inline for the CSP.
        let text = &page.text;
        assert!(text.split("<script").skip(1).all(|s| s.starts_with(" src=\"/static/")), "nothing inline for the CSP");
        assert!(!text.contains("style=\""), "nothing inline for the CSP");
    })
    .await;
}

#[tokio::test]
async fn a_step_the_workflow_does_not_allow_now_is_a_notice_on_the_page() {
    on_every_backend(|app| async move {
        let mut d = detained(&app).await;
        let page = d.officer.get(&d.path()).await;
        let version = input_value(&page, "version");
        let r = d
            .officer
            .post_raw(&format!("{}/transition", d.path()), &[("action", "close"), ("version", &version)], Some(&d.csrf))
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
        assert!(r.text.contains("id=\"problem\"") && r.says(Fr, "error.invalid_transition"), "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn the_rights_holder_answers_and_writes_without_seeing_the_administrations_notes() {
    on_every_backend(|app| async move {
        let mut d = detained(&app).await;
        let list = d.lumiere.get("/cases").await;
        assert!(list.text.contains(&format!("href=\"{}\"", d.path())), "{}", list.text);
        let page = d.lumiere.get(&d.path()).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        assert!(page.text.contains("working days left"), "{}", page.text);
        assert!(page.says(En, "cases.your_answer") && page.text.contains("value=\"agree_destruction\""));
        assert!(page.says(En, "cases.ask_extension"), "the EU regime allows one extension");
        assert!(!page.text.contains("Signalement de la cellule"), "the administration's notes stay inside");
        assert!(!page.text.contains("12 Export Road"), "addresses are not disclosed");

        let csrf = csrf_of(&mut d.lumiere).await;
        let r = d
            .lumiere
            .post_raw(
                &format!("{}/answer", d.path()),
                &[("party", "rights_holder"), ("answer", "agree_destruction"), ("note", "Wrong stitching")],
                Some(&csrf),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert_eq!(r.location(), format!("{}?done=answer", d.path()));
        let page = d.lumiere.get(r.location()).await;
        assert!(page.says(En, "cases.done.answer"), "{}", page.text);
        assert!(page.says(En, "cases.answer.agree_destruction"));

        let csrf = csrf_of(&mut d.lumiere).await;
        let body = [("body", "Our expert can come to Roissy on Thursday.")];
        let r = d.lumiere.post_raw(&format!("{}/messages", d.path()), &body, Some(&csrf)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let csrf = csrf_of(&mut d.lumiere).await;
        let empty = d.lumiere.post_raw(&format!("{}/messages", d.path()), &[("body", "  ")], Some(&csrf)).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "an empty message is refused on the page");
        assert!(empty.text.contains("id=\"problem\""));
    })
    .await;
}

#[tokio::test]
async fn the_officer_sees_the_answer_and_a_new_message_marked_until_read() {
    on_every_backend(|app| async move {
        let mut d = detained(&app).await;
        let csrf = csrf_of(&mut d.lumiere).await;
        let answer = [("party", "rights_holder"), ("answer", "agree_destruction")];
        d.lumiere.post_raw(&format!("{}/answer", d.path()), &answer, Some(&csrf)).await;
        let body = [("body", "Our expert can come to Roissy on Thursday.")];
        d.lumiere.post_raw(&format!("{}/messages", d.path()), &body, Some(&csrf)).await;

        let page = d.officer.get(&d.path()).await;
        assert!(page.says(Fr, "cases.answer.agree_destruction"), "{}", page.text);
        assert!(page.text.contains("Our expert can come to Roissy on Thursday."));
        assert!(page.text.contains("<li class=\"unread\">"), "the new message is marked: {}", page.text);
        let page = d.officer.get(&d.path()).await;
        assert!(!page.text.contains("<li class=\"unread\">"), "read once seen");
    })
    .await;
}

/// Both sides agree to destruction and the officer decides it; the case page's version after.
async fn decided(d: &mut Detained<'_>) -> String {
    let csrf = csrf_of(&mut d.lumiere).await;
    let answer = [("party", "rights_holder"), ("answer", "agree_destruction")];
    d.lumiere.post_raw(&format!("{}/answer", d.path()), &answer, Some(&csrf)).await;
    let declarant = [("party", "declarant"), ("answer", "agree_destruction")];
    let r = d.officer.post_raw(&format!("{}/answer", d.path()), &declarant, Some(&d.csrf)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    let page = d.officer.get(&d.path()).await;
    assert!(page.text.contains("badge state-answered"), "{}", page.text);
    let version = input_value(&page, "version");
    let decide = [("action", "decide"), ("outcome", "destruction"), ("version", &version)];
    let r = d.officer.post_raw(&format!("{}/transition", d.path()), &decide, Some(&d.csrf)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    version
}

#[tokio::test]
async fn a_stale_case_form_is_refused_not_applied() {
    on_every_backend(|app| async move {
        let mut d = detained(&app).await;
        // The version read before the decision.
        let stale = decided(&mut d).await;
        let close = [("action", "close"), ("version", &stale)];
        let r = d.officer.post_raw(&format!("{}/transition", d.path()), &close, Some(&d.csrf)).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
        assert!(r.says(Fr, "error.version_conflict"), "{}", r.text);
        let page = d.officer.get(&d.path()).await;
        assert!(!page.text.contains("badge state-closed"), "{}", page.text);
    })
    .await;
}

#[tokio::test]
async fn a_closed_case_shows_its_outcome_to_both_sides_and_counts_in_their_figures() {
    on_every_backend(|app| async move {
        let mut d = detained(&app).await;
        decided(&mut d).await;
        let page = d.officer.get(&d.path()).await;
        let version = input_value(&page, "version");
        let close = [("action", "close"), ("note", "40 sacs détruits"), ("version", &version)];
        let r = d.officer.post_raw(&format!("{}/transition", d.path()), &close, Some(&d.csrf)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);

        let page = d.lumiere.get(&d.path()).await;
        let outcome = escaped(En, "cases.outcome.destruction");
        assert!(page.text.contains("badge state-closed"), "{}", page.text);
        assert!(page.text.contains(&format!("<strong>{outcome}</strong>")), "{}", page.text);
        for (who, b, lang) in [("officer", &mut d.officer, Fr), ("rights holder", &mut d.lumiere, En)] {
            let stats = b.get("/stats").await;
            assert_eq!(stats.status, StatusCode::OK, "{who}: {}", stats.text);
            let row = format!("<td>{}</td><td class=\"count\">1</td>", escaped(lang, "cases.outcome.destruction"));
            assert!(stats.text.contains(&row), "{who}: {}", stats.text);
            assert!(stats.text.contains("<rect width=\"100\""), "{who}: the bar is drawn");
        }
    })
    .await;
}

#[tokio::test]
async fn another_administrations_officer_sees_none_of_the_case() {
    on_every_backend(|app| async move {
        let d = detained(&app).await;
        let mut uk = signed_in(&app, "officer@border.demo").await;
        let list = uk.get("/cases").await;
        assert!(list.says(En, "cases.record") && list.says(En, "cases.empty"), "{}", list.text);
        assert_eq!(uk.get(&d.path()).await.status, StatusCode::NOT_FOUND);
    })
    .await;
}

/// The CSRF token of the reader's session, read from any page.
async fn csrf_of(b: &mut Browser<'_>) -> String {
    let page = b.get("/cases").await;
    Browser::csrf_of(&page)
}

#[tokio::test]
async fn a_form_error_keeps_every_line_and_adding_a_line_records_nothing() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let mut officer = signed_in(&app, "officer@border.demo").await;
        let form = officer.get("/cases/new").await;
        assert_eq!(form.status, StatusCode::OK, "[{}] {}", app.backend, form.text);
        assert_eq!(input_value(&form, "office_country"), "GB");
        let csrf = Browser::csrf_of(&form);
        let key = input_value(&form, "idempotency_key");
        let fields = [
            ("idempotency_key", key.as_str()),
            ("case_type", "small_consignment"),
            ("office_code", "GB000120"),
            ("office_name", "Heathrow"),
            ("office_country", "GB"),
            ("lines", "3"),
            ("goods_0_description", "Watches"),
            ("goods_0_quantity", "a dozen"),
            ("goods_0_unit", "pieces"),
            ("goods_0_brand", "Chronos"),
            ("goods_1_description", "Straps"),
            ("goods_1_quantity", "12"),
            ("goods_1_unit", "pieces"),
            ("save", "draft"),
        ];
        let bad = officer.post_raw("/cases", &fields, Some(&csrf)).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.text);
        assert!(bad.text.contains("is not a number"), "{}", bad.text);
        assert_eq!(input_value(&bad, "goods_0_quantity"), "a dozen");
        assert_eq!(input_value(&bad, "goods_1_description"), "Straps");
        assert!(bad.text.contains("value=\"small_consignment\" selected"), "the case type is kept");

        let mut more: Vec<(&str, &str)> = fields.iter().filter(|(k, _)| *k != "save").copied().collect();
        more.push(("add_line", "1"));
        let longer = officer.post_raw("/cases", &more, Some(&csrf)).await;
        assert_eq!(longer.status, StatusCode::OK, "{}", longer.text);
        assert!(longer.text.contains("name=\"goods_3_description\""), "a fourth line");
        assert_eq!(input_value(&longer, "goods_0_quantity"), "a dozen");
        let list = officer.get("/cases").await;
        assert!(list.text.contains("No case to show."), "nothing was recorded");

        // A rights holder has no detention form.
        let mut lumiere = signed_in(&app, "brand@lumiere.demo").await;
        assert_eq!(lumiere.get("/cases/new").await.status, StatusCode::FORBIDDEN);
        assert!(!lumiere.get("/cases").await.text.contains("href=\"/cases/new\""));
    })
    .await;
}

#[tokio::test]
async fn four_bad_fields_are_four_errors_each_beside_its_field_and_the_first_has_the_focus() {
    on_every_backend(|app| async move {
        let mut officer = signed_in(&app, "officer@border.demo").await;
        let form = officer.get("/cases/new").await;
        let csrf = Browser::csrf_of(&form);
        let key = input_value(&form, "idempotency_key");
        let fields = [
            ("idempotency_key", key.as_str()),
            ("case_type", "standard"),
            ("office_code", ""),
            ("office_name", "Heathrow"),
            ("office_country", "GB"),
            ("origin_country", "Narnia"),
            ("containers", "MSKU9070324"),
            ("lines", "1"),
            ("goods_0_description", "Watches"),
            ("goods_0_quantity", "a dozen"),
            ("goods_0_unit", "pieces"),
            ("save", "draft"),
        ];
        let bad = officer.post_raw("/cases", &fields, Some(&csrf)).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.text);
        assert!(bad.text.contains("4 things to fix"), "the summary counts them: {}", bad.text);
        for field in ["office_code", "origin_country", "containers"] {
            assert!(
                bad.text.contains(&format!("aria-invalid=\"true\" aria-describedby=\"{field}-error\"")),
                "{field} is marked: {}",
                bad.text
            );
            assert!(bad.text.contains(&format!("id=\"{field}-error\"")), "{field}'s message beside it");
        }
        assert!(bad.text.contains("id=\"goods-error\""), "the quantity's message above the lines");
        assert_eq!(bad.text.matches(" autofocus").count(), 1, "one field has the focus");
        assert!(
            bad.text.contains("name=\"office_code\" aria-invalid=\"true\" aria-describedby=\"office_code-error\" autofocus"),
            "the first in the form's order: {}",
            bad.text
        );
        assert_eq!(input_value(&bad, "goods_0_quantity"), "a dozen", "what was typed is kept");

        // The API tells every problem too.
        let token = app.token_for("officer@border.demo").await;
        let r = app
            .post_json(
                "/api/v1/cases",
                &token,
                serde_json::json!({"case_type": "standard", "sheet": {"office": {"code": "", "name": "Heathrow", "country": "GB"},
                       "origin_country": "Narnia", "containers": ["MSKU9070324"],
                       "goods": [{"description": "Watches", "quantity": -1, "unit": "pieces"}]}}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        let errors = r.json()["error"]["errors"].as_array().cloned().unwrap_or_default();
        let fields: Vec<&str> = errors.iter().filter_map(|e| e["field"].as_str()).collect();
        assert_eq!(fields, vec!["office_code", "origin_country", "containers", "quantity"], "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn enter_in_the_detention_form_records_nothing_and_notifying_is_a_confirmed_step() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let product = product_id(&app, 0, 0).await.to_string();
        let mut officer = signed_in(&app, "officer@douane.demo").await;
        let form = officer.get(&format!("/cases/new?product_id={product}")).await;
        assert!(!form.text.contains("name=\"confirm_detain\" value=\"1\" checked"), "nothing is pre-ticked");
        let csrf = Browser::csrf_of(&form);
        let key = input_value(&form, "idempotency_key");
        let base = vec![
            ("idempotency_key", key.as_str()),
            ("case_type", "standard"),
            ("office_code", "FR000730"),
            ("office_name", "Roissy fret"),
            ("office_country", "FR"),
            ("lines", "1"),
            ("goods_0_description", "Sacs à main"),
            ("goods_0_quantity", "40"),
            ("goods_0_unit", "pièces"),
            ("goods_0_product_id", product.as_str()),
        ];
        // Enter in "Quantity" presses the form's first button: the hidden review.
        let mut enter = base.clone();
        enter.insert(0, ("review", "1"));
        let reviewed = officer.post_raw("/cases", &enter, Some(&csrf)).await;
        assert_eq!(reviewed.status, StatusCode::OK, "{}", reviewed.text);
        assert_eq!(input_value(&reviewed, "goods_0_quantity"), "40", "what was typed is kept");
        assert!(!officer.get("/cases").await.text.contains("class=\"case-ref\""), "nothing recorded");
        // "Detain and notify" without the confirmation: refused beside the box.
        let mut unconfirmed = base.clone();
        unconfirmed.push(("save", "detain"));
        let refused = officer.post_raw("/cases", &unconfirmed, Some(&csrf)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.text.contains("aria-invalid=\"true\" aria-describedby=\"confirm_detain-error\""),
            "{}",
            refused.text
        );
        assert!(!officer.get("/cases").await.text.contains("class=\"case-ref\""), "still nothing recorded");
        let lumiere_org = app.org_id("Maison Lumière (demo)").await;
        let notices = |app: &crate::common::TestApp| {
            let app = app.db().reader().clone();
            async move {
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notify_notices WHERE org_id = $1")
                    .bind(lumiere_org)
                    .fetch_one(&app)
                    .await
                    .unwrap();
                n
            }
        };
        assert_eq!(notices(&app).await, 0, "the rights holder was told nothing");
        // Confirmed: detained, and the rights holder is told.
        let mut confirmed = base.clone();
        confirmed.push(("confirm_detain", "1"));
        confirmed.push(("save", "detain"));
        let done = officer.post_raw("/cases", &confirmed, Some(&csrf)).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text);
        assert!(officer.get(done.location()).await.text.contains("badge state-detained"));
        assert!(notices(&app).await >= 1, "the rights holder is notified");
    })
    .await;
}

#[tokio::test]
async fn an_alert_names_brands_by_name_with_case_and_accents_ignored_and_refuses_ambiguous_ones() {
    on_every_backend(|app| async move {
        let token = app.token_for("brand@lumiere.demo").await;
        let mut ids = Vec::new();
        for (key, name) in [("etoile", "Lumière Étoile"), ("sport", "Étoile Sport"), ("coton", "100% Coton_Bio")] {
            let sheet = serde_json::json!({"name": name, "sector": "luxury"});
            let r = app.post_json("/api/v1/brands", &token, serde_json::json!({"key": key, "sheet": sheet})).await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            ids.push(r.json()["id"].as_i64().unwrap());
        }
        let mut lumiere = signed_in(&app, "brand@lumiere.demo").await;
        let until = in_a_year();
        let fields = |brands| {
            [
                ("title", "Fake scarves"),
                ("description", "Scarves with a misspelt label."),
                ("target_countries", "FR"),
                ("brands", brands),
                ("valid_to", &until),
            ]
        };
        // An exact name (accents and case aside), the one name containing a word, and names
        // holding LIKE's own wildcards, which match only themselves.
        let r = lumiere.submit("/alerts/new", "/alerts", &fields("LUMIERE ETOILE\nsport\n100% coton_bio")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "[{}] {}", app.backend, r.text);
        let alert = app.get(r.location().replace("/alerts/", "/api/v1/alerts/").as_str(), &token).await.json();
        assert_eq!(alert["sheet"]["brand_ids"], serde_json::json!(ids), "[{}]", app.backend);
        for refused in ["etoile", "n%b", "o_o"] {
            let r = lumiere.submit("/alerts/new", "/alerts", &fields(refused)).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "[{}] {refused}: {}", app.backend, r.text);
        }
    })
    .await;
}

/// The hashes of the photos a detention form carries (its hidden `photo` fields).
fn form_photos(page: &Reply) -> Vec<String> {
    page.text.split("name=\"photo\" value=\"").skip(1).map(|r| r.split('"').next().unwrap().to_string()).collect()
}

#[tokio::test]
async fn photos_of_the_goods_sent_with_the_detention_form_reach_the_case_and_its_readers_only() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.unwrap();
        let product = product_id(&app, 0, 0).await;
        let mut officer = signed_in(&app, "officer@douane.demo").await;
        let form = officer.get(&format!("/cases/new?product_id={product}")).await;
        assert!(form.text.contains("enctype=\"multipart/form-data\""), "{}", form.text);
        assert!(
            form.text.contains(
                "type=\"file\" id=\"photos\" name=\"photos\" accept=\"image/*\" capture=\"environment\" multiple"
            ),
            "the rear camera, several photos: {}",
            form.text
        );
        let csrf = Browser::csrf_of(&form);
        let key = input_value(&form, "idempotency_key");
        let product_str = product.to_string();
        let mut fields = vec![
            ("idempotency_key", key.as_str()),
            ("case_type", "standard"),
            ("office_name", "Roissy fret"),
            ("office_country", "FR"),
            ("origin_country", "CN"),
            ("consignor_name", "Photo Trading Co."),
            ("lines", "1"),
            ("goods_0_description", "Sacs à main"),
            ("goods_0_quantity", "40"),
            ("goods_0_unit", "pièces"),
            ("goods_0_product_id", product_str.as_str()),
            ("confirm_detain", "1"),
            ("save", "detain"),
        ];
        let photo = gen::pictures(901, 0).remove(0).1;
        let second = gen::pictures(902, 0).remove(0).1;

        // Something else than a picture is refused beside the photo field, nothing recorded.
        let bad = officer
            .post_multipart("/cases", &fields, &[("photos", "notes.txt", b"not a picture at all")], Some(&csrf))
            .await;
        assert!(bad.status.is_client_error(), "[{}] {} {}", app.backend, bad.status, bad.text);
        assert!(bad.text.contains("id=\"photos-error\"") && bad.text.contains("aria-invalid=\"true\""), "{}", bad.text);
        assert_eq!(input_value(&bad, "consignor_name"), "Photo Trading Co.", "what was typed is kept");

        // A form refused for another reason (no office code) keeps the photos already sent.
        let refused = officer
            .post_multipart(
                "/cases",
                &fields,
                &[("photos", "goods-1.png", &photo), ("photos", "goods-2.png", &second)],
                Some(&csrf),
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "[{}] {}", app.backend, refused.text);
        let kept = form_photos(&refused);
        assert_eq!(kept.len(), 2, "both photos are kept on the form: {}", refused.text);
        for h in &kept {
            assert!(refused.text.contains(&format!("src=\"/media/{h}/thumbnail\"")), "shown on the form");
        }

        // Corrected and sent with the kept photos: the case has them, shown on its page.
        fields.push(("office_code", "FR000730"));
        let mut with_kept = fields.clone();
        with_kept.extend(kept.iter().map(|h| ("photo", h.as_str())));
        let id = case_id_of(&officer.post_multipart("/cases", &with_kept, &[], Some(&csrf)).await);
        let page = officer.get(&format!("/cases/{id}")).await;
        for h in &kept {
            assert!(page.text.contains(&format!("<a class=\"zoom\" href=\"/media/{h}\">")), "{}", page.text);
        }
        // The same detention sent again with its files (the offline queue's repeat): one case,
        // the same photos, stored once.
        let again = officer
            .post_multipart(
                "/cases",
                &fields,
                &[("photos", "goods-1.png", &photo), ("photos", "goods-2.png", &second)],
                Some(&csrf),
            )
            .await;
        assert_eq!(case_id_of(&again), id, "[{}] the repeat lands on the same case", app.backend);
        let list = officer.get("/cases").await;
        assert_eq!(list.text.matches("class=\"case-ref\"").count(), 1, "{}", list.text);

        // Who may see them: the administration and the rights holder the goods are disclosed to,
        // nobody else.
        let mut chief = signed_in(&app, "chief@douane.demo").await;
        let mut lumiere = signed_in(&app, "brand@lumiere.demo").await;
        let mut nordwerk = signed_in(&app, "brand@nordwerk.demo").await;
        let mut uk = signed_in(&app, "officer@border.demo").await;
        let rh_page = lumiere.get(&format!("/cases/{id}")).await;
        for h in &kept {
            assert!(rh_page.text.contains(&format!("/media/{h}/thumbnail")), "the rights holder sees them");
            assert_eq!(officer.get(&format!("/media/{h}")).await.status, StatusCode::OK);
            assert_eq!(chief.get(&format!("/media/{h}")).await.status, StatusCode::OK, "[{}]", app.backend);
            assert_eq!(lumiere.get(&format!("/media/{h}/thumbnail")).await.status, StatusCode::OK);
            assert_eq!(nordwerk.get(&format!("/media/{h}")).await.status, StatusCode::NOT_FOUND);
            assert_eq!(uk.get(&format!("/media/{h}")).await.status, StatusCode::NOT_FOUND);
        }
        let api = app.token_for("officer@douane.demo").await;
        let case = app.get(&format!("/api/v1/cases/{id}"), &api).await.json();
        let mut photos: Vec<String> =
            case["sheet"]["photos"].as_array().unwrap().iter().map(|h| h.as_str().unwrap().to_string()).collect();
        photos.sort();
        let mut expected = kept.clone();
        expected.sort();
        assert_eq!(photos, expected, "[{}] the API shows the same photos", app.backend);
    })
    .await;
}

#[tokio::test]
async fn the_office_saved_on_the_account_page_prefills_the_detention_form_and_an_oversized_one_is_refused() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let product = product_id(&app, 0, 0).await.to_string();
        // The French officer reads French: the refusal is told in their language.
        let mut officer = signed_in(&app, "officer@douane.demo").await;
        let form = officer.get("/cases/new").await;
        assert_eq!(input_value(&form, "office_code"), "", "no office yet");
        assert!(form.text.contains("href=\"/account#office\""), "the form says where the office comes from");

        let saved = officer
            .submit("/account", "/account/office", &[("office_code", " FR000730 "), ("office_name", "Roissy fret")])
            .await;
        assert_eq!((saved.status, saved.location()), (StatusCode::SEE_OTHER, "/account?done=office"), "{}", saved.text);
        let account = officer.get("/account?done=office").await;
        assert!(account.text.contains("Votre bureau a été enregistré."), "{}", account.text);
        assert_eq!(input_value(&account, "office_code"), "FR000730", "kept trimmed");

        let form = officer.get(&format!("/cases/new?product_id={product}")).await;
        assert_eq!(input_value(&form, "office_code"), "FR000730");
        assert_eq!(input_value(&form, "office_name"), "Roissy fret");
        assert_eq!(input_value(&form, "office_country"), "FR");
        // The form as it opened, sent as a draft, records the office.
        let csrf = Browser::csrf_of(&form);
        let fields = [
            ("idempotency_key", input_value(&form, "idempotency_key")),
            ("case_type", "standard".to_string()),
            ("office_code", input_value(&form, "office_code")),
            ("office_name", input_value(&form, "office_name")),
            ("office_country", input_value(&form, "office_country")),
            ("lines", "1".to_string()),
            ("goods_0_description", "Sacs".to_string()),
            ("goods_0_quantity", "4".to_string()),
            ("goods_0_unit", "pièces".to_string()),
            ("goods_0_product_id", product.clone()),
            ("save", "draft".to_string()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let case = case_id_of(&officer.post_raw("/cases", &fields, Some(&csrf)).await);
        let token = app.token_for("officer@douane.demo").await;
        let api = app.get(&format!("/api/v1/cases/{case}"), &token).await.json();
        assert_eq!(api["sheet"]["office"]["code"], "FR000730", "{api}");
        let me = app.get("/api/v1/me", &token).await.json();
        assert_eq!((&me["office_code"], &me["office_name"]), (&"FR000730".into(), &"Roissy fret".into()), "{me}");

        // Too long: both problems told beside their fields, in French, what was typed kept and
        // the saved office unchanged.
        let (code, name) = ("F".repeat(41), "R".repeat(201));
        let refused =
            officer.submit("/account", "/account/office", &[("office_code", &code), ("office_name", &name)]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text);
        for field in ["office_code", "office_name"] {
            assert!(
                refused.text.contains(&format!("aria-invalid=\"true\" aria-describedby=\"{field}-error\"")),
                "{field}"
            );
            assert!(refused
                .text
                .contains(&format!("id=\"{field}-error\">Un code de bureau compte au plus 40 caractères")));
        }
        assert!(refused.text.contains(&format!("value=\"{code}\" maxlength=\"40\"")), "what was typed is kept");
        assert_eq!(input_value(&officer.get("/cases/new").await, "office_code"), "FR000730");

        // Emptied: the form opens without an office again.
        officer.submit("/account", "/account/office", &[("office_code", ""), ("office_name", " ")]).await;
        let form = officer.get("/cases/new").await;
        assert_eq!(
            (input_value(&form, "office_code"), input_value(&form, "office_name")),
            (String::new(), String::new())
        );
    })
    .await;
}
