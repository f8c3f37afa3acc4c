//! Detentions: the officer records one, the rights holder is told and answers within the legal
//! deadline, the regime decides what silence means, and everyone sees the outcome.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{on_every_backend, on_every_backend_with, TestApp};
use touchstone::demo_catalog as gen;
use touchstone::domain::calendar::{Calendar, WorkingDays};
use touchstone::domain::{format_ms, now_ms};

/// The published demo product `item` of demo brand `brand` (brand 0 is Maison Lumière's,
/// brand 1 Nordwerk's).
async fn product_id(app: &TestApp, token: &str, brand: usize, item: usize) -> i64 {
    let r = app.get(&format!("/api/v1/lookup?code={}", gen::gtin(brand, item)), token).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json()["product"]["product_id"].as_i64().expect("a published demo product")
}

fn detention(product_id: i64, case_type: &str, country: &str) -> Value {
    json!({
        "case_type": case_type,
        "detain": true,
        "sheet": {
            "office": {"code": format!("{country}000730"), "name": "Roissy-Charles de Gaulle fret", "country": country},
            "customs_procedure": "import",
            "transport_mode": "air",
            "origin_country": "CN",
            "destination_country": country,
            "containers": ["MSKU 907032-3"],
            "air_waybills": ["020-12345675"],
            "consignor": {"name": "Shenzhen Bright Trading Co., Ltd.", "address": "12 Export Road", "country": "CN"},
            "consignee": {"name": "Paris Import SARL", "country": country},
            "declarant": {"name": "Express Courier SAS"},
            "goods": [{"description": "handbags with the brand's logo", "quantity": 40, "unit": "pieces",
                       "hs_code": "4202.21", "declared_value": 800, "currency": "eur", "product_id": product_id}],
            "notes": "Tip-off from the risk analysis unit"
        }
    })
}

fn in_a_year() -> String {
    (time::OffsetDateTime::now_utc().date() + time::Duration::days(365)).to_string()
}

async fn create(app: &TestApp, token: &str, body: &Value) -> Value {
    let r = app.post_json("/api/v1/cases", token, body.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "[{}] {}", app.backend, r.text);
    r.json()
}

fn obligation<'a>(case: &'a Value, party: &str) -> &'a Value {
    case["obligations"].as_array().unwrap().iter().find(|o| o["party"] == party).expect("obligation")
}

async fn notices_for(app: &TestApp, org_id: i64) -> Vec<String> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT event_id FROM notify_notices WHERE org_id = $1 ORDER BY event_id")
            .bind(org_id)
            .fetch_all(app.db().reader())
            .await
            .expect("the outbox is readable");
    rows.into_iter().map(|(e,)| e).collect()
}

#[tokio::test]
async fn a_detention_reaches_the_rights_holder_whose_answer_moves_the_case_to_its_outcome() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let nordwerk = app.token_for("brand@nordwerk.demo").await;
        let product = product_id(&app, &officer, 0, 0).await;

        let before = now_ms();
        let case = create(&app, &officer, &detention(product, "standard", "FR")).await;
        let id = case["id"].as_i64().unwrap();
        assert_eq!(case["state"], "detained");
        assert_eq!(case["regime_id"], "eu-608-2013");
        assert!(case["reference"].as_str().unwrap().starts_with("FR-"));
        assert_eq!(case["sheet"]["containers"][0], "MSKU9070323", "normalised");
        assert_eq!(case["brands"][0]["name"], gen::brand_name(0));
        let cal = WorkingDays::parse(&Calendar::default(), "FR").unwrap();
        let rh = obligation(&case, "rights_holder");
        let expected = [format_ms(cal.deadline_after(before, 10)), format_ms(cal.deadline_after(now_ms(), 10))];
        assert!(expected.contains(&rh["due_at"].as_str().unwrap().to_string()), "10 working days: {rh}");
        assert_eq!(rh["silence"], "release");
        assert_eq!(obligation(&case, "declarant")["silence"], "agree_destruction");

        // The rights holder was told, and sees only what the disclosure rule allows.
        let lumiere_org = app.org_id("Maison Lumière (demo)").await;
        assert!(notices_for(&app, lumiere_org).await.contains(&format!("case-{id}-case.detained-org-{lumiere_org}")));
        let seen = app.get(&format!("/api/v1/cases/{id}"), &lumiere).await;
        assert_eq!(seen.status, StatusCode::OK, "{}", seen.text);
        let seen = seen.json();
        assert_eq!(seen["sheet"]["goods"][0]["quantity"], 40.0);
        assert_eq!(seen["sheet"]["consignor"]["name"], "Shenzhen Bright Trading Co., Ltd.");
        assert!(seen["sheet"]["consignor"].get("address").is_none(), "names only: {seen}");
        assert!(seen["sheet"].get("notes").is_none(), "the administration's notes stay inside");
        assert_eq!(seen["sheet"]["containers"], json!([]), "transport documents are not disclosed by default");
        assert!(seen["sheet"]["goods"][0].get("declared_value").is_none());
        assert_eq!(seen["allowed_actions"], json!([]));
        // Another rights holder does not even learn that the case exists.
        let other = app.get(&format!("/api/v1/cases/{id}"), &nordwerk).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);
        let listed = app.get("/api/v1/cases", &nordwerk).await.json();
        assert_eq!(listed, json!([]));
        // The officer's list shows the nearest deadline still open: the declarant's or the
        // rights holder's, whichever comes first.
        let listed = app.get("/api/v1/cases", &officer).await.json();
        let mine = listed.as_array().unwrap().iter().find(|c| c["id"] == id).expect("the officer lists the case");
        let earliest = [rh["due_at"].as_str().unwrap(), obligation(&case, "declarant")["due_at"].as_str().unwrap()]
            .into_iter()
            .min()
            .unwrap();
        assert_eq!(mine["next_deadline"], earliest, "{mine}");

        // The rights holder agrees to destruction; the officer records the declarant's agreement.
        let r = app.post_json(&format!("/api/v1/cases/{id}/answers"), &lumiere, json!({"party": "rights_holder", "answer": "agree_destruction", "note": "Confirmed counterfeit: wrong stitching"})).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.json()["state"], "detained", "the declarant has not answered yet");
        let officer_org = app.org_id("Douane française (démo)").await;
        assert!(notices_for(&app, officer_org).await.iter().any(|e| e.starts_with(&format!("case-{id}-answer-"))));
        let again = app.post_json(&format!("/api/v1/cases/{id}/answers"), &lumiere, json!({"party": "rights_holder", "answer": "not_infringing"})).await;
        assert_eq!((again.status, again.error_code().as_str()), (StatusCode::CONFLICT, "nothing_to_answer"));
        let wrong = app.post_json(&format!("/api/v1/cases/{id}/answers"), &officer, json!({"party": "declarant", "answer": "start_proceedings"})).await;
        assert_eq!(wrong.error_code(), "answer_not_allowed", "{}", wrong.text);
        let r = app.post_json(&format!("/api/v1/cases/{id}/answers"), &officer, json!({"party": "declarant", "answer": "agree_destruction"})).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let answered = r.json();
        assert_eq!((answered["state"].as_str(), answered["outcome"].as_str()), (Some("answered"), Some("destruction")));

        // The officer decides and closes; the rights holder is told of the outcome.
        let r = app.post_json(&format!("/api/v1/cases/{id}/transitions"), &officer, json!({"action": "decide"})).await;
        assert_eq!(r.json()["state"], "decided", "{}", r.text);
        let r = app.post_json(&format!("/api/v1/cases/{id}/transitions"), &officer, json!({"action": "close", "note": "40 bags destroyed"})).await;
        assert_eq!(r.json()["state"], "closed", "{}", r.text);
        let notices = notices_for(&app, lumiere_org).await;
        assert!(notices.contains(&format!("case-{id}-case.decided-org-{lumiere_org}")), "{notices:?}");
        assert!(notices.contains(&format!("case-{id}-case.closed-org-{lumiere_org}")));
        let seen = app.get(&format!("/api/v1/cases/{id}"), &lumiere).await.json();
        assert_eq!((seen["state"].as_str(), seen["outcome"].as_str()), (Some("closed"), Some("destruction")));
        let stats = app.get("/api/v1/stats/cases", &lumiere).await.json();
        assert_eq!(stats, json!([{"state": "closed", "outcome": "destruction", "count": 1}]));
    })
    .await;
}

#[tokio::test]
async fn the_workflow_refuses_steps_out_of_order_and_names_the_allowed_ones() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let product = product_id(&app, &officer, 0, 0).await;
        let mut body = detention(product, "standard", "FR");
        body["detain"] = json!(false);
        let case = create(&app, &officer, &body).await;
        let id = case["id"].as_i64().unwrap();
        assert_eq!(case["state"], "draft");
        assert_eq!(case["allowed_actions"], json!(["detain"]));
        let r = app.post_json(&format!("/api/v1/cases/{id}/transitions"), &officer, json!({"action": "close"})).await;
        assert_eq!((r.status, r.error_code().as_str()), (StatusCode::CONFLICT, "invalid_transition"));
        assert!(r.json()["error"]["message"].as_str().unwrap().contains("allowed now: detain"), "{}", r.text);
        let r = app.post_json(&format!("/api/v1/cases/{id}/transitions"), &officer, json!({"action": "detain"})).await;
        assert_eq!(r.json()["state"], "detained", "{}", r.text);
        let r = app
            .post_json(
                &format!("/api/v1/cases/{id}/transitions"),
                &officer,
                json!({"action": "decide", "outcome": "destruction"}),
            )
            .await;
        assert_eq!(r.error_code(), "answers_pending", "no destruction without the answers");
        let r = app
            .post_json(
                &format!("/api/v1/cases/{id}/transitions"),
                &officer,
                json!({"action": "record_declarant_notice"}),
            )
            .await;
        assert!(r.json()["declarant_notified_at"].is_string(), "{}", r.text);
        let r = app.post_json(&format!("/api/v1/cases/{id}/transitions"), &officer, json!({"action": "fly"})).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn the_same_idempotency_key_creates_one_case_and_a_stale_save_is_a_409() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let chief = app.token_for("chief@douane.demo").await;
        let product = product_id(&app, &officer, 0, 0).await;
        let body = detention(product, "standard", "FR");
        let send = |key: &'static str, body: Value| {
            let req = axum::http::Request::builder()
                .method(Method::POST)
                .uri("/api/v1/cases")
                .header("authorization", format!("Bearer {officer}"))
                .header("content-type", "application/json")
                .header("idempotency-key", key)
                .body(axum::body::Body::from(body.to_string()))
                .unwrap();
            app.send(req)
        };
        let first = send("3f1c9a2e-retry-test", body.clone()).await;
        assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
        let second = send("3f1c9a2e-retry-test", body.clone()).await;
        assert_eq!(second.status, StatusCode::OK, "{}", second.text);
        assert_eq!(first.json()["id"], second.json()["id"]);
        let mut other = body.clone();
        other["sheet"]["goods"][0]["quantity"] = json!(41);
        let reused = send("3f1c9a2e-retry-test", other).await;
        assert_eq!(reused.error_code(), "idempotency_key_reused");
        let listed = app.get("/api/v1/cases", &officer).await.json();
        assert_eq!(listed.as_array().unwrap().len(), 1, "one case, not two");

        // Two officers edit the same version: the second save is refused.
        let case = first.json();
        let id = case["id"].as_i64().unwrap();
        let mut sheet = case["sheet"].clone();
        sheet["goods"][0]["quantity"] = json!(42);
        let update = json!({"version": case["version"], "case_type": "standard", "sheet": sheet});
        let r = app.api(Method::PUT, &format!("/api/v1/cases/{id}"), Some(&officer), Some(&update.to_string())).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.json()["sheet"]["goods"][0]["quantity"], 42.0);
        let r = app.api(Method::PUT, &format!("/api/v1/cases/{id}"), Some(&chief), Some(&update.to_string())).await;
        assert_eq!((r.status, r.error_code().as_str()), (StatusCode::CONFLICT, "version_conflict"));
    })
    .await;
}

#[tokio::test]
async fn a_silent_declarant_of_a_small_consignment_ends_in_destruction_without_the_rights_holder() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let product = product_id(&app, &officer, 0, 0).await;
        let case = create(&app, &officer, &detention(product, "small_consignment", "FR")).await;
        let id = case["id"].as_i64().unwrap();
        let rh = obligation(&case, "rights_holder");
        assert_eq!(rh["started"], false, "the rights holder is brought in only on objection");
        let lumiere_org = app.org_id("Maison Lumière (demo)").await;
        assert!(notices_for(&app, lumiere_org).await.is_empty(), "nobody asks the rights holder anything");

        // Nothing happens before the deadline; after it, silence counts as agreement.
        touchstone::domain::cases::tick(app.db(), &app.state.legal, now_ms() + 3_600_000).await.unwrap();
        assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &officer).await.json()["state"], "detained");
        let later = now_ms() + 20 * 24 * 3_600_000;
        touchstone::domain::cases::tick(app.db(), &app.state.legal, later).await.unwrap();
        let case = app.get(&format!("/api/v1/cases/{id}"), &officer).await.json();
        assert_eq!(
            (case["state"].as_str(), case["outcome"].as_str()),
            (Some("answered"), Some("destruction")),
            "{case}"
        );
        let declarant = obligation(&case, "declarant");
        assert_eq!(
            (declarant["answer"].as_str(), declarant["deemed"].as_bool()),
            (Some("agree_destruction"), Some(true))
        );
        assert!(notices_for(&app, lumiere_org).await.is_empty());
        // A second pass (another process) changes nothing.
        assert_eq!(touchstone::domain::cases::tick(app.db(), &app.state.legal, later).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn an_objection_to_a_small_consignment_brings_the_rights_holder_in() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let product = product_id(&app, &officer, 0, 0).await;
        let id = create(&app, &officer, &detention(product, "small_consignment", "FR")).await["id"].as_i64().unwrap();
        let r = app
            .post_json(
                &format!("/api/v1/cases/{id}/answers"),
                &officer,
                json!({"party": "declarant", "answer": "object"}),
            )
            .await;
        let case = r.json();
        assert_eq!(obligation(&case, "rights_holder")["started"], true, "{case}");
        let lumiere_org = app.org_id("Maison Lumière (demo)").await;
        assert!(notices_for(&app, lumiere_org).await.iter().any(|e| e.starts_with(&format!("case-{id}-required-"))));
        let r = app
            .post_json(
                &format!("/api/v1/cases/{id}/answers"),
                &lumiere,
                json!({"party": "rights_holder", "answer": "start_proceedings"}),
            )
            .await;
        assert_eq!(r.json()["outcome"], "legal_proceedings", "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn deadlines_follow_the_configured_holidays_and_a_second_regime_comes_from_configuration() {
    // The clock is stopped on Wednesday 2 December 2026 at 10:00 UTC, and the two days after it,
    // Thursday and Friday, are holidays in France: the result cannot depend on the day the suite
    // runs. The US runs a regime of its own.
    let wednesday = time::macros::datetime!(2026-12-02 10:00 UTC);
    let start = (wednesday.unix_timestamp_nanos() / 1_000_000) as i64;
    let holidays: Vec<String> = vec!["2026-12-03".into(), "2026-12-04".into()];
    let regime: touchstone::domain::regime::Regime = toml::from_str(
        r#"id = "us-example"
name = "Example regime: notice within 5 business days, 7 to answer"
countries = ["US"]
notify_within_working_days = 5
[procedures.standard]
notify = ["declarant", "rights_holder"]
[[procedures.standard.obligations]]
party = "declarant"
starts = "on_detention"
working_days = 7
answers = ["agree_destruction", "object"]
silence = "none"
[[procedures.standard.obligations]]
party = "rights_holder"
starts = "on_detention"
working_days = 7
answers = ["agree_destruction", "start_proceedings", "not_infringing"]
silence = "release"
"#,
    )
    .unwrap();
    let fr_calendar = Calendar { holidays: holidays.clone(), ..Calendar::default() };
    on_every_backend_with(
        |config| {
            config.legal.calendars.insert("FR".into(), fr_calendar.clone());
            config.legal.regimes.push(regime.clone());
        },
        |app| {
            let fr_calendar = fr_calendar.clone();
            async move {
                touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
                let officer = app.token_for("officer@douane.demo").await;
                let product = product_id(&app, &officer, 0, 0).await;
                app.db().clock.stop_at(start);
                let fr = create(&app, &officer, &detention(product, "perishable", "FR")).await;
                let with_holidays = WorkingDays::parse(&fr_calendar, "FR").unwrap();
                let plain = WorkingDays::parse(&Calendar::default(), "FR").unwrap();
                let plain_us = WorkingDays::parse(&Calendar::default(), "US").unwrap();
                let due = obligation(&fr, "rights_holder")["due_at"].as_str().unwrap().to_string();
                assert_eq!(
                    due,
                    format_ms(with_holidays.deadline_after(start, 3)),
                    "3 working days for perishables, holidays skipped"
                );
                assert_eq!(
                    due, "2026-12-09T22:59:59.999Z",
                    "Thursday and Friday off, then Monday to Wednesday, ending at midnight in Paris"
                );
                assert_ne!(due, format_ms(plain.deadline_after(start, 3)), "the holidays moved the deadline");
                assert_eq!(obligation(&fr, "rights_holder")["can_extend"], false, "no extension for perishables");

                let us = create(&app, &officer, &detention(product, "standard", "US")).await;
                assert_eq!(us["regime_id"], "us-example");
                assert_eq!(us["notify_due_at"].as_str().unwrap(), format_ms(plain_us.deadline_after(start, 5)));
                assert_eq!(
                    obligation(&us, "declarant")["due_at"].as_str().unwrap(),
                    format_ms(plain_us.deadline_after(start, 7))
                );
                assert_eq!(obligation(&us, "declarant")["silence"], "none");
            }
        },
    )
    .await;
}

#[tokio::test]
async fn the_thread_carries_messages_both_ways_with_read_state() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let nordwerk = app.token_for("brand@nordwerk.demo").await;
        let product = product_id(&app, &officer, 0, 0).await;
        let id = create(&app, &officer, &detention(product, "standard", "FR")).await["id"].as_i64().unwrap();
        let r = app
            .post_json(
                &format!("/api/v1/cases/{id}/messages"),
                &lumiere,
                json!({"body": "Can you send a photo of the inner label?"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let r = app.post_json(&format!("/api/v1/cases/{id}/messages"), &nordwerk, json!({"body": "hello"})).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let first = app.get(&format!("/api/v1/cases/{id}/messages"), &officer).await.json();
        assert_eq!(first[0]["body"], "Can you send a photo of the inner label?");
        assert_eq!(first[0]["unread"], true);
        let again = app.get(&format!("/api/v1/cases/{id}/messages"), &officer).await.json();
        assert_eq!(again[0]["unread"], false, "read once listed");
        let r = app
            .post_json(
                &format!("/api/v1/cases/{id}/messages"),
                &officer,
                json!({"body": "Attached.", "attachments": ["zz"]}),
            )
            .await;
        assert_eq!(r.error_code(), "invalid_attachment");
        let r =
            app.post_json(&format!("/api/v1/cases/{id}/messages"), &officer, json!({"body": "Photo follows."})).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let lumiere_org = app.org_id("Maison Lumière (demo)").await;
        assert!(notices_for(&app, lumiere_org).await.iter().any(|e| e.starts_with(&format!("case-{id}-message-"))));
        let theirs = app.get(&format!("/api/v1/cases/{id}/messages"), &lumiere).await.json();
        assert_eq!(theirs.as_array().unwrap().len(), 2);
    })
    .await;
}

#[tokio::test]
async fn alerts_reach_the_officers_they_target_and_matching_cases_tell_their_owner() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let uk_officer = app.token_for("officer@border.demo").await;
        let lumiere = app.token_for("brand@lumiere.demo").await;
        let alert = json!({
            "title": "Fake handbags from Shenzhen Bright Trading",
            "description": "Consignments declared as 'bags' through CDG.",
            "target_countries": ["FR"],
            "suspect_parties": ["SHENZHEN BRIGHT TRADING LIMITED"],
            "valid_to": in_a_year()
        });
        let r = app.post_json("/api/v1/alerts", &lumiere, alert.clone()).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let alert_id = r.json()["id"].as_i64().unwrap();
        let mut bad = alert.clone();
        bad["suspect_parties"] = json!([]);
        assert_eq!(app.post_json("/api/v1/alerts", &lumiere, bad).await.error_code(), "nothing_to_match");

        let fr: Vec<i64> = app
            .get("/api/v1/alerts", &officer)
            .await
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_i64().unwrap())
            .collect();
        assert!(fr.contains(&alert_id));
        let uk: Vec<i64> = app
            .get("/api/v1/alerts", &uk_officer)
            .await
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_i64().unwrap())
            .collect();
        assert!(!uk.contains(&alert_id), "the alert targets France only");
        assert_eq!(app.get(&format!("/api/v1/alerts/{alert_id}"), &uk_officer).await.status, StatusCode::NOT_FOUND);

        let product = product_id(&app, &officer, 0, 0).await;
        // An alert naming the brand shows on the product card an officer it targets looks up.
        let code = gen::gtin(0, 0);
        let card = app.get(&format!("/api/v1/lookup?code={code}"), &officer).await.json();
        let brand_alert = json!({"title": "Counterfeit wave", "description": "Check the hologram.", "target_countries": ["FR"],
            "brand_ids": [card["product"]["brand_id"]], "valid_to": in_a_year()});
        let brand_alert_id = app.post_json("/api/v1/alerts", &lumiere, brand_alert).await.json()["id"].as_i64().unwrap();
        let card = app.get(&format!("/api/v1/lookup?code={code}"), &officer).await.json();
        assert_eq!(card["alerts"][0]["id"], brand_alert_id, "{card}");
        let uk_card = app.get(&format!("/api/v1/lookup?code={code}"), &uk_officer).await.json();
        assert_eq!(uk_card["alerts"], json!([]), "not targeted at the UK");
        let case = create(&app, &officer, &detention(product, "standard", "FR")).await;
        let matches: Vec<&Value> = case["alert_matches"].as_array().unwrap().iter().filter(|m| m["alert_id"] != brand_alert_id).collect();
        assert_eq!(matches.len(), 1, "{case}");
        assert_eq!(matches[0]["alert_id"], alert_id);
        assert_eq!(matches[0]["reasons"][0]["key"], "alerts.reason.suspect_party", "{matches:?}");
        assert_eq!(matches[0]["reasons"][0]["args"]["role"]["label"]["value"], "consignor");
        let lumiere_org = app.org_id("Maison Lumière (demo)").await;
        assert!(notices_for(&app, lumiere_org).await.contains(&format!("alert-{alert_id}-case-{}", case["id"])));

        // Withdrawn, it matches nothing more.
        let update = json!({"version": 1, "sheet": alert, "status": "withdrawn"});
        let r = app
            .api(Method::PUT, &format!("/api/v1/alerts/{alert_id}"), Some(&lumiere), Some(&update.to_string()))
            .await;
        assert_eq!(r.json()["in_force"], false, "{}", r.text);
        let case = create(&app, &officer, &detention(product, "standard", "FR")).await;
        assert!(case["alert_matches"].as_array().unwrap().iter().all(|m| m["alert_id"] != alert_id), "{case}");
        let uk_case = app
            .post_json(
                "/api/v1/alerts",
                &uk_officer,
                json!({"title": "t", "description": "d", "containers": ["MSKU9070324"], "valid_to": in_a_year()}),
            )
            .await;
        assert_eq!(uk_case.error_code(), "invalid_container_number");
    })
    .await;
}

#[tokio::test]
async fn a_detention_reaches_the_rights_holders_inbox_email_and_webhook_once() {
    use crate::notify::{drain, register, Receiver, SmtpServer};
    use std::sync::Arc;
    let smtp_dir = tempfile::tempdir().unwrap();
    let Some(server) = SmtpServer::start(smtp_dir.path()).await else { return };
    let port = server.port;
    let server = Arc::new(server);
    on_every_backend_with(
        |c| {
            c.smtp.host = Some("127.0.0.1".into());
            c.smtp.port = port;
            c.smtp.tls = touchstone::config::SmtpTls::None;
            c.notify.webhook_allow_local = true;
            c.notify.retry_base_ms = 50;
            c.notify.retry_max_ms = 200;
        },
        |app| {
            let server = server.clone();
            async move {
                touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
                let receiver = Receiver::start(vec![]).await;
                register(&app, "brand@lumiere.demo", &receiver).await;
                let officer = app.token_for("officer@douane.demo").await;
                let lumiere = app.token_for("brand@lumiere.demo").await;
                let product = product_id(&app, &officer, 0, 0).await;
                let case = create(&app, &officer, &detention(product, "standard", "FR")).await;
                let id = case["id"].as_i64().unwrap();
                let event = format!("case-{id}-case.detained-org-{}", app.org_id("Maison Lumière (demo)").await);
                // The SMTP server serves both backends, whose first cases share an event id.
                let mails_for = |event: &str| {
                    server
                        .messages()
                        .into_iter()
                        .filter(|(h, _)| h.get("x-touchstone-event-id").is_some_and(|e| e == event))
                        .collect::<Vec<_>>()
                };
                let earlier = mails_for(&event).len();

                let worker =
                    touchstone::domain::notify_delivery::Deliverer::new(app.db().clone(), &app.config).unwrap();
                drain(&worker, app.db()).await;
                drain(&worker, app.db()).await;

                let inbox = app.get("/api/v1/inbox", &lumiere).await.json();
                assert!(inbox.to_string().contains(&format!("/cases/{id}")), "{inbox}");
                assert_eq!(receiver.accepted().get(&event), Some(&1), "{:?}", receiver.received());
                let mails: Vec<_> = mails_for(&event).into_iter().skip(earlier).collect();
                assert_eq!(mails.len(), 1, "one e-mail to the rights holder's one user");
                assert_eq!(mails[0].0["x-rcptto"], "brand@lumiere.demo");
                assert!(mails[0].1.contains("handbags"), "{}", mails[0].1);
            }
        },
    )
    .await;
}

#[tokio::test]
async fn the_rights_holder_is_reminded_before_its_deadline_once_and_silence_then_releases() {
    on_every_backend(|app| async move {
        touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
        let officer = app.token_for("officer@douane.demo").await;
        let product = product_id(&app, &officer, 0, 0).await;
        let case = create(&app, &officer, &detention(product, "standard", "FR")).await;
        let id = case["id"].as_i64().unwrap();
        let due = obligation(&case, "rights_holder")["due_at"].as_str().unwrap().to_string();
        let due_ms = (time::OffsetDateTime::parse(&due, &time::format_description::well_known::Rfc3339)
            .unwrap()
            .unix_timestamp_nanos()
            / 1_000_000) as i64;
        let lumiere_org = app.org_id("Maison Lumière (demo)").await;
        let reminders = |app: &TestApp| {
            let app_db = app.db().clone();
            async move {
                let n: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM notify_notices WHERE org_id = $1 AND kind = 'case.deadline_reminder'",
                )
                .bind(lumiere_org)
                .fetch_one(app_db.reader())
                .await
                .unwrap();
                n
            }
        };
        let legal = app.state.legal.clone();
        // A week before: too early. The day before: reminded, once, however many passes run.
        touchstone::domain::cases::tick(app.db(), &legal, due_ms - 7 * 86_400_000).await.unwrap();
        assert_eq!(reminders(&app).await, 0);
        touchstone::domain::cases::tick(app.db(), &legal, due_ms - 3_600_000).await.unwrap();
        touchstone::domain::cases::tick(app.db(), &legal, due_ms - 1_800_000).await.unwrap();
        assert_eq!(reminders(&app).await, 1);
        // The declarant agreed, the rights holder stayed silent: the goods are released.
        app.post_json(
            &format!("/api/v1/cases/{id}/answers"),
            &officer,
            json!({"party": "declarant", "answer": "agree_destruction"}),
        )
        .await;
        touchstone::domain::cases::tick(app.db(), &legal, due_ms + 1).await.unwrap();
        let case = app.get(&format!("/api/v1/cases/{id}"), &officer).await.json();
        assert_eq!((case["state"].as_str(), case["outcome"].as_str()), (Some("answered"), Some("released")), "{case}");
    })
    .await;
}
