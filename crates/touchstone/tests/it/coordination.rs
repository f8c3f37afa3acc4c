//! Police and customs: access grants, shared cases, and deconfliction that tells two agencies
//! they work on the same target without showing either one's file.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{on_every_backend, TestApp};
use touchstone::domain::coordination;

fn operation(name: &str, tell: bool) -> Value {
    let today = time::OffsetDateTime::now_utc().date();
    json!({
        "name": name, "kind": "investigation", "status": "active",
        "starts_on": today.to_string(), "ends_on": (today + time::Duration::days(90)).to_string(),
        "contact": {"name": "Cdt. Julien Moreau", "phone": "+33 1 23 45 67 89", "email": "jmoreau@police.example"},
        "confidentiality": "confidential", "tell_detaining_officer": tell
    })
}

async fn create_operation(app: &TestApp, token: &str, body: Value) -> i64 {
    let r = app.post_json("/api/v1/operations", token, body).await;
    assert_eq!(r.status, StatusCode::CREATED, "[{}] {}", app.backend, r.text);
    r.json()["id"].as_i64().unwrap()
}

fn detention(consignor: &str) -> Value {
    json!({"case_type": "standard", "detain": true, "sheet": {
        "office": {"code": "FR000690", "name": "Le Havre port", "country": "FR"},
        "transport_mode": "sea", "containers": ["CSQU3054383"],
        "consignor": {"name": consignor},
        "goods": [{"description": "sports shoes", "quantity": 1200, "unit": "pairs", "brand_text": "Nordwerk"}]}})
}

#[tokio::test]
async fn a_police_target_and_a_customs_detention_spelt_differently_meet_without_showing_either_file() {
    on_every_backend(|app| async move {
        let police = app.token_for("coordinator@police.demo").await;
        let officer = app.token_for("officer@douane.demo").await;
        let chief = app.token_for("chief@douane.demo").await;
        let police_org = app.org_id("Police nationale (démo)").await;
        let customs_org = app.org_id("Douane française (démo)").await;

        let op = create_operation(&app, &police, operation("Opération Sablier", false)).await;
        let r = app.post_json(&format!("/api/v1/operations/{op}/targets"), &police,
            json!([{"kind": "company", "value": "ACME Trading Ltd.", "country": "FR"}, {"kind": "phone", "value": "+33 6 12 34 56 78"}])).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.json()["hits"], 0);

        // A customs detention names the same company, spelt differently.
        let r = app.post_json("/api/v1/cases", &officer, detention("Acme trading limited")).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let found = coordination::match_cases(app.db(), &app.state.match_key).await.unwrap();
        assert_eq!(found, 1);
        assert_eq!(coordination::match_cases(app.db(), &app.state.match_key).await.unwrap(), 0, "once only");
        let hits = app.get("/api/v1/coordination/hits", &police).await.json();
        assert_eq!(hits.as_array().unwrap().len(), 1, "{hits}");
        assert_eq!(hits[0]["own_item_label"], "ACME Trading Ltd. (FR)");
        assert_eq!(hits[0]["match_kind"], "detention");
        assert!(hits[0]["other_agency"].as_str().unwrap().starts_with("Douane française (démo)"));
        // The operation chose a silent hit: the detaining administration is not told.
        assert_eq!(app.get("/api/v1/coordination/hits", &officer).await.json(), json!([]));

        // A customs operation on the same company: both points of contact hear of it at once.
        let customs_op = create_operation(&app, &chief, operation("Contrôle ciblé Le Havre", true)).await;
        let r = app.post_json(&format!("/api/v1/operations/{customs_op}/targets"), &chief, json!([{"kind": "company", "value": "acme trading limited"}])).await;
        assert_eq!(r.json()["hits"], 1, "{}", r.text);
        let theirs = app.get("/api/v1/coordination/hits", &chief).await.json();
        assert_eq!(theirs[0]["own_item_label"], "acme trading limited");
        let other = theirs[0]["other_agency"].as_str().unwrap();
        assert!(other.contains("Police nationale (démo)") && other.contains("Julien Moreau"), "{other}");
        assert!(!theirs.to_string().contains("Sablier") && !theirs.to_string().contains("ACME Trading Ltd."), "nothing of the police file: {theirs}");
        let police_hits = app.get("/api/v1/coordination/hits", &police).await.json();
        assert_eq!(police_hits.as_array().unwrap().len(), 2);
        assert!(!police_hits.to_string().contains("Contrôle ciblé"));

        // Neither reads the other's operation.
        assert_eq!(app.get(&format!("/api/v1/operations/{op}"), &chief).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get(&format!("/api/v1/operations/{customs_op}"), &police).await.status, StatusCode::NOT_FOUND);
        let r = app.post_json(&format!("/api/v1/operations/{op}/targets"), &chief, json!([{"kind": "email", "value": "x@y.example"}])).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get(&format!("/api/v1/operations/{op}"), &police).await.json()["targets"].as_array().unwrap().len(), 2);

        // Both points of contact were notified, once per hit and side.
        for org in [police_org, customs_org] {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notify_notices WHERE org_id = $1 AND kind = 'operation.hit'")
                .bind(org)
                .fetch_one(app.db().reader())
                .await
                .unwrap();
            assert_eq!(n, if org == police_org { 2 } else { 1 }, "org {org}");
        }
    })
    .await;
}

#[tokio::test]
async fn planned_actions_overlapping_in_place_and_time_raise_a_conflict() {
    on_every_backend(|app| async move {
        let police = app.token_for("coordinator@police.demo").await;
        let chief = app.token_for("chief@douane.demo").await;
        let op = create_operation(&app, &police, operation("Surveillance entrepôt", false)).await;
        let customs_op = create_operation(&app, &chief, operation("Visite domiciliaire", false)).await;
        let day = time::OffsetDateTime::now_utc().date() + time::Duration::days(3);
        let at = |d: time::Date, h: u8| format!("{d}T{h:02}:00:00Z");
        let event = |lat: f64, lon: f64, d, from, to| json!({"kind": "search", "lat": lat, "lon": lon, "radius_m": 50, "starts_at": at(d, from), "ends_at": at(d, to)});
        let r = app.post_json(&format!("/api/v1/operations/{op}/events"), &police, event(48.8566, 2.3522, day, 6, 12)).await;
        assert_eq!(r.json()["conflicts"], 0, "{}", r.text);
        // 300 m east, overlapping hours: a conflict.
        let r = app.post_json(&format!("/api/v1/operations/{customs_op}/events"), &chief, {
            let mut e = event(48.8566, 2.3563, day, 10, 14);
            e["radius_m"] = json!(200);
            e
        }).await;
        assert_eq!(r.json()["conflicts"], 1, "{}", r.text);
        // 30 km away, or another day: none.
        let far = app.post_json(&format!("/api/v1/operations/{customs_op}/events"), &chief, event(49.1, 2.55, day, 10, 14)).await;
        assert_eq!(far.json()["conflicts"], 0, "{}", far.text);
        let later = app.post_json(&format!("/api/v1/operations/{customs_op}/events"), &chief, event(48.8566, 2.3563, day + time::Duration::days(1), 10, 14)).await;
        assert_eq!(later.json()["conflicts"], 0);
        let hits = app.get("/api/v1/coordination/hits", &police).await.json();
        assert_eq!(hits.as_array().unwrap().len(), 1);
        assert_eq!(hits[0]["match_kind"], "place_and_time");
        let bad = app.post_json(&format!("/api/v1/operations/{op}/events"), &police, event(95.0, 2.0, day, 1, 2)).await;
        assert_eq!((bad.status, bad.error_code().as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "invalid_latitude"));
    })
    .await;
}

#[tokio::test]
async fn invalid_identifiers_are_refused_naming_the_field_and_the_rule() {
    on_every_backend(|app| async move {
        let police = app.token_for("coordinator@police.demo").await;
        let op = create_operation(&app, &police, operation("Op", false)).await;
        for (kind, value, code) in [
            ("container", "MSKU9070324", "invalid_container_number"),
            ("vessel", "IMO 9074728", "invalid_imo_number"),
            ("iban", "GB83 WEST 1234 5698 7654 32", "invalid_iban"),
            ("phone", "06 12 34 56 78", "invalid_phone"),
            ("air_waybill", "020-12345676", "invalid_air_waybill"),
        ] {
            let r = app
                .post_json(
                    &format!("/api/v1/operations/{op}/targets"),
                    &police,
                    json!([{"kind": "email", "value": "ok@example.com"}, {"kind": kind, "value": value}]),
                )
                .await;
            assert_eq!(
                (r.status, r.error_code()),
                (StatusCode::UNPROCESSABLE_ENTITY, code.to_string()),
                "{kind}: {}",
                r.text
            );
            let e = r.json();
            assert_eq!(e["error"]["field"], "value");
            assert!(e["error"]["message"].as_str().unwrap().starts_with("Target 2:"), "{e}");
        }
        let r = app
            .post_json(
                &format!("/api/v1/operations/{op}/targets"),
                &police,
                json!([{"kind": "person", "value": "Hans Müller"}]),
            )
            .await;
        assert_eq!(r.json()["error"]["field"], "date_of_birth");
        assert_eq!(
            app.get(&format!("/api/v1/operations/{op}"), &police).await.json()["targets"],
            json!([]),
            "nothing half-stored"
        );
    })
    .await;
}

#[tokio::test]
async fn what_police_see_follows_the_active_grant_and_shared_cases() {
    on_every_backend(|app| async move {
        let police = app.token_for("coordinator@police.demo").await;
        let chief = app.token_for("chief@douane.demo").await;
        let officer = app.token_for("officer@douane.demo").await;
        let police_org = app.org_id("Police nationale (démo)").await;
        assert_eq!(app.get("/api/v1/brands", &police).await.status, StatusCode::OK, "the demo grant opens the catalog");

        // A shared case is read and discussed by the police; withdrawn, it is gone.
        let case = app.post_json("/api/v1/cases", &officer, detention("Someone")).await.json();
        let id = case["id"].as_i64().unwrap();
        assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &police).await.status, StatusCode::NOT_FOUND);
        let r = app.post_json(&format!("/api/v1/cases/{id}/shares"), &officer, json!({"organisation_id": police_org, "note": "For your investigation into the Le Havre network"})).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &police).await.status, StatusCode::OK);
        assert_eq!(app.get("/api/v1/cases", &police).await.json().as_array().unwrap().len(), 1);
        let r = app.post_json(&format!("/api/v1/cases/{id}/shares/{police_org}/withdraw"), &officer, json!({})).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &police).await.status, StatusCode::NOT_FOUND);

        // Revoking the grant closes everything at once.
        let grants = app.get("/api/v1/grants", &chief).await.json();
        let grant = grants.as_array().unwrap().iter().find(|g| g["grantee_organisation_id"] == police_org).expect("demo grant").clone();
        assert_eq!(grant["active"], true);
        let r = app.post_json(&format!("/api/v1/grants/{}/revoke", grant["id"]), &officer, json!({})).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "officers do not manage grants");
        let r = app.post_json(&format!("/api/v1/grants/{}/revoke", grant["id"]), &chief, json!({})).await;
        assert_eq!(r.json()["active"], false, "{}", r.text);
        assert_eq!(app.get("/api/v1/brands", &police).await.status, StatusCode::FORBIDDEN);
        assert_eq!(app.get("/api/v1/operations", &police).await.status, StatusCode::FORBIDDEN);

        // A new grant with the coordination scope only.
        let expires = (time::OffsetDateTime::now_utc().date() + time::Duration::days(30)).to_string();
        let r = app.post_json("/api/v1/grants", &chief, json!({"grantee_organisation_id": police_org, "scopes": ["coordination"], "reason": "Joint operation", "expires_on": expires})).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(app.get("/api/v1/operations", &police).await.status, StatusCode::OK);
        assert_eq!(app.get("/api/v1/brands", &police).await.status, StatusCode::FORBIDDEN);
        let lumiere = app.org_id("Maison Lumière (demo)").await;
        let r = app.post_json("/api/v1/grants", &chief, json!({"grantee_organisation_id": lumiere, "scopes": ["coordination"], "reason": "x", "expires_on": expires})).await;
        assert_eq!(r.error_code(), "not_an_agency");
        let r = app.api(Method::GET, "/api/v1/grants", Some(&app.token_for("brand@lumiere.demo").await), None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn a_police_coordinator_registers_an_operation_on_the_pages_and_sees_the_hit() {
    use crate::common::{Browser, PASSWORD};
    on_every_backend(|app| async move {
        let chief = app.token_for("chief@douane.demo").await;
        let customs_op = create_operation(&app, &chief, operation("Contrôle Roissy", false)).await;
        app.post_json(
            &format!("/api/v1/operations/{customs_op}/targets"),
            &chief,
            json!([{"kind": "container", "value": "MSKU9070323"}]),
        )
        .await;

        let mut police = Browser::new(&app);
        police.sign_in("coordinator@police.demo", PASSWORD).await;
        let page = police.get("/operations").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        assert!(page.text.contains("Enregistrer une opération"), "French for the French coordinator");
        let today = time::OffsetDateTime::now_utc().date().to_string();
        let fields = [
            ("name", "Opération Sablier"),
            ("kind", "enquête"),
            ("status", "active"),
            ("starts_on", today.as_str()),
            ("ends_on", today.as_str()),
            ("contact_name", "Julien Moreau"),
            ("contact_phone", "+33 1 23 45 67 89"),
            ("contact_email", ""),
            ("confidentiality", "secret"),
        ];
        let r = police.submit("/operations", "/operations", &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let op_path = r.location().to_string();
        // A bad container number is refused beside the field, with what was typed kept.
        let r = police
            .submit(
                &op_path,
                &format!("{op_path}/targets"),
                &[("kind", "container"), ("value", "MSKU9070324"), ("country", ""), ("date_of_birth", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("MSKU9070324") && r.text.contains("aria-invalid"), "{}", r.text);
        let r = police
            .submit(
                &op_path,
                &format!("{op_path}/targets"),
                &[("kind", "container"), ("value", "MSKU 907032-3"), ("country", ""), ("date_of_birth", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let page = police.get(r.location()).await;
        assert!(page.text.contains("Cible ajoutée\u{202f}; 1 concordance avec"), "{}", page.text);
        let hits = police.get("/coordination").await;
        assert!(hits.text.contains("Douane française (démo)") && hits.text.contains("MSKU 907032-3"), "{}", hits.text);
        assert!(!hits.text.contains("Contrôle Roissy"), "the other agency's operation stays hidden");
        // The customs operation's page is not the police's to see.
        let other = police.get(&format!("/operations/{customs_op}")).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_target_registered_after_a_detention_finds_it_at_once_and_each_side_gets_a_person_to_call() {
    on_every_backend(|app| async move {
        let police = app.token_for("coordinator@police.demo").await;
        let officer = app.token_for("officer@douane.demo").await;
        let r = app.post_json("/api/v1/cases", &officer, detention("Shenzhen Brightstar Trading Co., Ltd.")).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(coordination::match_cases(app.db(), &app.state.match_key).await.unwrap(), 0, "no target yet");

        let op = create_operation(&app, &police, operation("Opération Étoile", true)).await;
        let r = app
            .post_json(
                &format!("/api/v1/operations/{op}/targets"),
                &police,
                json!([{"kind": "company", "value": "SHENZHEN BRIGHTSTAR TRADING COMPANY LIMITED"}]),
            )
            .await;
        assert_eq!(r.json()["hits"], 1, "the count on the page is the hits recorded: {}", r.text);
        assert_eq!(coordination::match_cases(app.db(), &app.state.match_key).await.unwrap(), 0, "recorded once");

        let police_hits = app.get("/api/v1/coordination/hits", &police).await.json();
        assert_eq!(police_hits.as_array().unwrap().len(), 1, "{police_hits}");
        let customs_contact = police_hits[0]["other_agency"].as_str().unwrap();
        assert!(
            customs_contact.contains("Douane française (démo)")
                && customs_contact.contains("Camille Martin")
                && customs_contact.contains("officer@douane.demo"),
            "police are given the officer who recorded the detention: {customs_contact}"
        );
        let customs_hits = app.get("/api/v1/coordination/hits", &officer).await.json();
        let police_contact = customs_hits[0]["other_agency"].as_str().unwrap();
        assert!(
            police_contact.contains("Julien Moreau") && police_contact.contains("+33123456789"),
            "{police_contact}"
        );
        assert!(!customs_hits.to_string().contains("Étoile"), "nothing of the police file: {customs_hits}");
        let label = customs_hits[0]["own_item_label"].as_str().unwrap();
        assert!(
            label.starts_with("FR-20") && label.contains("Shenzhen Brightstar"),
            "the case by its reference, then what matched: {label}"
        );
        let case_id = customs_hits[0]["own_item_id"].as_i64().unwrap();
        let mut browser = crate::common::Browser::new(&app);
        browser.sign_in("officer@douane.demo", crate::common::PASSWORD).await;
        let page = browser.get(&format!("/cases/{case_id}")).await.text;
        assert!(page.contains("case-hits") && page.contains("Julien Moreau"), "the case page shows its hit");
        let mut brand = crate::common::Browser::new(&app);
        brand.sign_in("brand@nordwerk.demo", crate::common::PASSWORD).await;
        let theirs = brand.get(&format!("/cases/{case_id}")).await.text;
        assert!(!theirs.contains("Julien Moreau"), "a rights holder never sees coordination");
    })
    .await;
}

#[tokio::test]
async fn names_spelt_in_another_word_order_meet_and_the_hit_says_which_form_matched() {
    on_every_backend(|app| async move {
        let police = app.token_for("coordinator@police.demo").await;
        let officer = app.token_for("officer@douane.demo").await;
        let r = app.post_json("/api/v1/cases", &officer, detention("Shenzhen Brightstar Trading Co., Ltd.")).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        coordination::match_cases(app.db(), &app.state.match_key).await.unwrap();
        let op = create_operation(&app, &police, operation("Opération Lumière", true)).await;
        let r = app
            .post_json(
                &format!("/api/v1/operations/{op}/targets"),
                &police,
                json!([
                    {"kind": "company", "value": "Bright Star Trading (Shenzhen)"},
                    {"kind": "company", "value": "Trading Ltd"},
                ]),
            )
            .await;
        assert_eq!(r.json()["hits"], 1, "{}", r.text);
        let hits = app.get("/api/v1/coordination/hits", &police).await.json();
        assert_eq!(hits[0]["own_item_label"], "Bright Star Trading (Shenzhen)", "{hits}");
        assert_eq!(hits[0]["match_form"], "words_joined", "{hits}");

        // No plain name of the target is kept where matching happens: digests only.
        let keys: Vec<String> =
            sqlx::query_scalar("SELECT match_key FROM target_match_keys").fetch_all(app.db().reader()).await.unwrap();
        assert!(!keys.is_empty() && keys.iter().all(|k| k.len() == 64 && !k.contains("bright")), "{keys:?}");
        // A name made of one common word raises no hit on its own: it has no keyed form.
        let r = app.post_json("/api/v1/cases", &officer, detention("Trading Limited")).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(coordination::match_cases(app.db(), &app.state.match_key).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn both_sides_acknowledge_a_hit_on_the_pages_and_an_unacknowledged_one_is_recalled_once() {
    on_every_backend(|app| async move {
        let police = app.token_for("coordinator@police.demo").await;
        let chief = app.token_for("chief@douane.demo").await;
        let police_op = create_operation(&app, &police, operation("Opération Sablier", true)).await;
        let customs_op = create_operation(&app, &chief, operation("Contrôle Le Havre", true)).await;
        let target = json!([{"kind": "company", "value": "Acme Trading Ltd"}]);
        app.post_json(&format!("/api/v1/operations/{police_op}/targets"), &police, target.clone()).await;
        let r = app.post_json(&format!("/api/v1/operations/{customs_op}/targets"), &chief, target).await;
        assert_eq!(r.json()["hits"], 1, "{}", r.text);

        // Nobody acknowledged yet: once the reminder time has passed, each side is recalled once.
        assert_eq!(coordination::remind_unacknowledged(app.db(), std::time::Duration::ZERO).await.unwrap(), 2);
        assert_eq!(coordination::remind_unacknowledged(app.db(), std::time::Duration::ZERO).await.unwrap(), 0);

        let mut coordinator = crate::common::Browser::new(&app);
        coordinator.sign_in("coordinator@police.demo", crate::common::PASSWORD).await;
        let page = coordinator.get(&format!("/operations/{police_op}")).await.text;
        assert!(page.contains("Douane française (démo)"), "the operation page shows its hits");
        let hit: i64 = app.get("/api/v1/coordination/hits", &police).await.json()[0]["id"].as_i64().unwrap();
        let done = coordinator
            .submit(
                &format!("/operations/{police_op}"),
                &format!("/coordination/hits/{hit}/acknowledge"),
                &[
                    ("outcome", "stand_down"),
                    ("note", "Customs search first"),
                    ("next", &format!("/operations/{police_op}")),
                ],
            )
            .await;
        assert_eq!(done.location(), format!("/operations/{police_op}#hit-{hit}"));
        let again = app
            .post_json(&format!("/api/v1/coordination/hits/{hit}/acknowledge"), &police, json!({"outcome": "go_ahead"}))
            .await;
        assert_eq!(again.error_code(), "already_acknowledged");

        let customs_hits = app.get("/api/v1/coordination/hits", &chief).await.json();
        assert_eq!(
            customs_hits[0]["other_side_outcome"], "stand_down",
            "the other side sees the outcome: {customs_hits}"
        );
        assert!(!customs_hits.to_string().contains("Customs search first"), "not the other side's note");
        let customs_hit = customs_hits[0]["id"].as_i64().unwrap();
        assert_eq!(
            app.post_json(
                &format!("/api/v1/coordination/hits/{hit}/acknowledge"),
                &chief,
                json!({"outcome": "go_ahead"})
            )
            .await
            .status,
            StatusCode::NOT_FOUND,
            "a side acknowledges its own hit only"
        );
        let r = app
            .post_json(
                &format!("/api/v1/coordination/hits/{customs_hit}/acknowledge"),
                &chief,
                json!({"outcome": "go_ahead"}),
            )
            .await;
        assert_eq!(r.json()["acknowledged"]["outcome"], "go_ahead", "{}", r.text);
        let admin = app.token_for("admin@touchstone.demo").await;
        let audit = app.get("/api/v1/audit?limit=50", &admin).await.text;
        assert!(
            audit.contains("coordination.hit_ack") && audit.contains("coordinator@police.demo"),
            "audited with its actor"
        );
    })
    .await;
}

#[tokio::test]
async fn the_agency_a_case_is_shared_with_is_offered_its_thread_on_the_case_page() {
    use crate::common::{Browser, PASSWORD};
    on_every_backend(|app| async move {
        let officer = app.token_for("officer@douane.demo").await;
        let police_org = app.org_id("Police nationale (démo)").await;
        let id = app.post_json("/api/v1/cases", &officer, detention("Someone")).await.json()["id"].as_i64().unwrap();
        let note = json!({"organisation_id": police_org, "note": "For your investigation"});
        let r = app.post_json(&format!("/api/v1/cases/{id}/shares"), &officer, note).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let mut police = Browser::new(&app);
        police.sign_in("coordinator@police.demo", PASSWORD).await;
        // The policy lets the agency write in the thread; the page offers the form it allows.
        let page = police.get(&format!("/cases/{id}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        assert!(page.text.contains("message-form"), "[{}] {}", app.backend, page.text);
        assert!(!page.text.contains("/transition"), "the agency takes no step on another's case");
    })
    .await;
}

#[tokio::test]
async fn a_detention_recorded_after_a_burst_of_hundreds_in_the_same_instant_is_still_matched() {
    // (One officer's token sends them all: its API limits are lifted.)
    let unlimited = |c: &mut touchstone::config::Config| c.api_limits.burst = 10_000;
    crate::common::on_every_backend_with(unlimited, |app| async move {
        let police = app.token_for("coordinator@police.demo").await;
        let officer = app.token_for("officer@douane.demo").await;
        let op = create_operation(&app, &police, operation("Opération Rafale", false)).await;
        let r = app
            .post_json(
                &format!("/api/v1/operations/{op}/targets"),
                &police,
                json!([{"kind": "company", "value": "Quillon Export Ltd.", "country": "FR"}]),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        // One instant for all (a busy office, as the database clock sees it): more detentions
        // than the matcher reads at once, the one naming the target last.
        app.db().clock.stop_at(app.db().now_ms());
        for i in 0..520 {
            let consignor =
                if i == 519 { "QUILLON EXPORT LIMITED".to_string() } else { format!("Harbour Goods Trading {i}") };
            let r = app.post_json("/api/v1/cases", &officer, detention(&consignor)).await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        }
        let found = coordination::match_cases(app.db(), &app.state.match_key).await.unwrap()
            + coordination::match_cases(app.db(), &app.state.match_key).await.unwrap();
        assert_eq!(found, 1, "[{}] the last detention meets the target", app.backend);
        let hits = app.get("/api/v1/coordination/hits", &police).await.json();
        assert_eq!(hits.as_array().map(Vec::len), Some(1), "{hits}");
        let unmatched: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE matched_at IS NULL OR matched_at < updated_at")
                .fetch_one(app.db().reader())
                .await
                .unwrap();
        assert_eq!(unmatched, 0, "every detention was matched once");
    })
    .await;
}
