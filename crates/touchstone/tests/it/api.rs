//! The JSON API as a client sees it: authentication, the error envelope, policy across
//! organisations.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::json;

use crate::common::on_every_backend;

#[tokio::test]
async fn a_cli_made_token_works_on_the_api_and_names_its_user() {
    on_every_backend(|app| async move {
        let token = app.token_for("officer@douane.demo").await;
        let me = app.get("/api/v1/me", &token).await;
        assert_eq!(me.status, StatusCode::OK, "[{}] {}", app.backend, me.text);
        assert_eq!(me.json()["email"], "officer@douane.demo");
        assert_eq!(me.json()["organisation_kind"], "customs");
    })
    .await;
}

#[tokio::test]
async fn requests_without_a_valid_token_get_401_with_the_envelope() {
    on_every_backend(|app| async move {
        let none = app.api(Method::GET, "/api/v1/me", None, None).await;
        assert_eq!(none.status, StatusCode::UNAUTHORIZED);
        assert_eq!(none.error_code(), "unauthenticated");
        let forged = app.get("/api/v1/me", "ts_not-a-real-token").await;
        assert_eq!(forged.status, StatusCode::UNAUTHORIZED);
        assert!(!forged.json()["error"]["message"].as_str().unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn malformed_json_gets_400_with_a_code_and_a_sentence() {
    on_every_backend(|app| async move {
        let admin = app.token_for("admin@touchstone.demo").await;
        let r = app.api(Method::POST, "/api/v1/organisations", Some(&admin), Some("{\"name\": \"x\",")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
        assert_eq!(r.error_code(), "malformed_json");
        assert!(r.json()["error"]["message"].as_str().unwrap().starts_with("The body is not valid JSON"));
    })
    .await;
}

#[tokio::test]
async fn an_object_body_sent_as_a_list_is_refused_while_list_bodies_still_work() {
    on_every_backend(|app| async move {
        let admin = app.token_for("admin@touchstone.demo").await;
        let org = app.org_id("Douane française (démo)").await;
        // Every field optional: serde alone would read `[null, null]` as an empty change.
        let path = format!("/api/v1/organisations/{org}/api-limits");
        let r = app.api(Method::PUT, &path, Some(&admin), Some("[null, null]")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_eq!(r.error_code(), "invalid_body");
        let r =
            app.api(Method::POST, "/api/v1/organisations", Some(&admin), Some(r#"["Zoll", "customs", "DE"]"#)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        // A handler that takes a list still gets one.
        let police = app.token_for("coordinator@police.demo").await;
        let today = time::OffsetDateTime::now_utc().date();
        let op = app
            .post_json(
                "/api/v1/operations",
                &police,
                json!({"name": "Liste", "kind": "x", "status": "active", "starts_on": today.to_string(),
                       "ends_on": (today + time::Duration::days(9)).to_string(), "contact": {"name": "A", "email": "a@police.example"},
                       "confidentiality": "restricted", "tell_detaining_officer": false}),
            )
            .await;
        let id = op.json()["id"].as_i64().unwrap_or_else(|| panic!("{}", op.text));
        let r = app
            .post_json(
                &format!("/api/v1/operations/{id}/targets"),
                &police,
                json!([{"kind": "email", "value": "a@b.example"}]),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn unknown_fields_are_refused_and_named() {
    on_every_backend(|app| async move {
        let admin = app.token_for("admin@touchstone.demo").await;
        let r = app
            .post_json(
                "/api/v1/organisations",
                &admin,
                json!({"name": "Zoll", "kind": "customs", "country": "DE", "colour": "red"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_eq!(r.error_code(), "unknown_field");
        assert!(r.text.contains("colour"), "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn a_wrong_country_code_is_refused_with_the_field_named() {
    on_every_backend(|app| async move {
        let admin = app.token_for("admin@touchstone.demo").await;
        let r = app
            .post_json("/api/v1/organisations", &admin, json!({"name": "Zoll", "kind": "customs", "country": "XX"}))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.error_code(), "invalid_country");
        assert_eq!(r.json()["error"]["field"], "country");
        let ok = app
            .post_json("/api/v1/organisations", &admin, json!({"name": "Zoll", "kind": "customs", "country": "de"}))
            .await;
        assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.text);
        assert_eq!(ok.json()["country"], "DE");
    })
    .await;
}

#[tokio::test]
async fn an_oversized_body_gets_413_with_the_envelope() {
    on_every_backend(|app| async move {
        let admin = app.token_for("admin@touchstone.demo").await;
        let huge = format!(
            "{{\"name\": \"{}\", \"kind\": \"customs\", \"country\": \"FR\"}}",
            "a".repeat(app.config.max_body_bytes + 10)
        );
        let r = app.api(Method::POST, "/api/v1/organisations", Some(&admin), Some(&huge)).await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(r.error_code(), "payload_too_large");
    })
    .await;
}

#[tokio::test]
async fn a_body_that_is_not_json_gets_415() {
    on_every_backend(|app| async move {
        let admin = app.token_for("admin@touchstone.demo").await;
        let req = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/organisations")
            .header(header::AUTHORIZATION, format!("Bearer {admin}"))
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from("name=x"))
            .unwrap();
        let r = app.send(req).await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(r.error_code(), "unsupported_media_type");
    })
    .await;
}

#[tokio::test]
async fn a_duplicate_organisation_name_is_a_409_on_both_engines() {
    on_every_backend(|app| async move {
        let admin = app.token_for("admin@touchstone.demo").await;
        let body = json!({"name": "UK Border Force (demo)", "kind": "customs", "country": "GB"});
        let r = app.post_json("/api/v1/organisations", &admin, body).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "[{}] {}", app.backend, r.text);
        assert_eq!(r.error_code(), "organisation_exists");
    })
    .await;
}

#[tokio::test]
async fn a_token_of_another_organisation_cannot_reach_its_users() {
    on_every_backend(|app| async move {
        let brand_admin = app.token_for("brand@lumiere.demo").await;
        let customs = app.org_id("Douane française (démo)").await;
        let list = app.get(&format!("/api/v1/users?organisation_id={customs}"), &brand_admin).await;
        assert_eq!(list.status, StatusCode::FORBIDDEN, "{}", list.text);
        assert_eq!(list.error_code(), "forbidden");
        let officer_id =
            app.get("/api/v1/me", &app.token_for("officer@douane.demo").await).await.json()["id"].as_i64().unwrap();
        let one = app.get(&format!("/api/v1/users/{officer_id}"), &brand_admin).await;
        assert_eq!(one.status, StatusCode::NOT_FOUND, "another organisation's user is not even confirmed to exist");
        let org = app.get(&format!("/api/v1/organisations/{customs}"), &brand_admin).await;
        assert_eq!(org.status, StatusCode::NOT_FOUND);
        let deactivate =
            app.api(Method::POST, &format!("/api/v1/users/{officer_id}/deactivate"), Some(&brand_admin), None).await;
        assert_eq!(deactivate.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn an_organisation_admin_manages_users_of_their_own_organisation_only() {
    on_every_backend(|app| async move {
        let chief = app.token_for("chief@douane.demo").await;
        let own = app.org_id("Douane française (démo)").await;
        let other = app.org_id("UK Border Force (demo)").await;
        let created = app
            .post_json("/api/v1/users", &chief, json!({"email": "new.officer@douane.demo", "display_name": "Léa Petit", "organisation_id": own, "role": "officer", "language": "fr"}))
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let generated = created.json()["initial_password"].as_str().unwrap().to_string();
        assert!(generated.len() >= 12);
        let elsewhere = app.post_json("/api/v1/users", &chief, json!({"email": "x@border.demo", "display_name": "X", "organisation_id": other, "role": "officer"})).await;
        assert_eq!(elsewhere.status, StatusCode::FORBIDDEN, "{}", elsewhere.text);
        let promote = app.post_json("/api/v1/users", &chief, json!({"email": "boss@douane.demo", "display_name": "Boss", "organisation_id": own, "role": "platform_admin"})).await;
        assert_eq!(promote.error_code(), "role_not_allowed");
        let dup = app.post_json("/api/v1/users", &chief, json!({"email": "NEW.officer@douane.demo", "display_name": "Again", "organisation_id": own, "role": "officer"})).await;
        assert_eq!(dup.status, StatusCode::CONFLICT);
        assert_eq!(dup.error_code(), "email_taken");
        let officer = app.token_for("officer@douane.demo").await;
        let by_officer = app.get("/api/v1/users", &officer).await;
        assert_eq!(by_officer.status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn a_deactivated_users_token_stops_working_at_once() {
    on_every_backend(|app| async move {
        let officer = app.token_for("officer@douane.demo").await;
        let id = app.get("/api/v1/me", &officer).await.json()["id"].as_i64().unwrap();
        let chief = app.token_for("chief@douane.demo").await;
        let r = app.api(Method::POST, &format!("/api/v1/users/{id}/deactivate"), Some(&chief), None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.json()["active"], false);
        assert_eq!(app.get("/api/v1/me", &officer).await.status, StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn tokens_are_listed_without_their_secret_and_revocable() {
    on_every_backend(|app| async move {
        let t = app.token_for("analyst@douane.demo").await;
        let created = app.post_json("/api/v1/tokens", &t, json!({"name": "scanner", "days": 7})).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let secret = created.json()["secret"].as_str().unwrap().to_string();
        let id = created.json()["token"]["id"].as_i64().unwrap();
        let list = app.get("/api/v1/tokens", &t).await;
        assert!(!list.text.contains(&secret), "the secret is shown only once");
        assert_eq!(list.json().as_array().unwrap().len(), 2);
        let bad_days = app.post_json("/api/v1/tokens", &t, json!({"name": "x", "days": 1000})).await;
        assert_eq!(bad_days.error_code(), "invalid_token_lifetime");
        let revoke = app.api(Method::DELETE, &format!("/api/v1/tokens/{id}"), Some(&t), None).await;
        assert_eq!(revoke.status, StatusCode::NO_CONTENT);
        assert_eq!(app.get("/api/v1/me", &secret).await.status, StatusCode::UNAUTHORIZED);
        let someone_else = app.token_for("officer@douane.demo").await;
        let steal = app.api(Method::DELETE, &format!("/api/v1/tokens/{id}"), Some(&someone_else), None).await;
        assert_eq!(steal.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn unknown_endpoints_and_methods_answer_with_the_envelope() {
    on_every_backend(|app| async move {
        let t = app.token_for("officer@douane.demo").await;
        let r = app.get("/api/v1/nowhere", &t).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(r.error_code(), "no_such_endpoint");
        let m = app.api(Method::PUT, "/api/v1/me", Some(&t), None).await;
        assert_eq!(m.status, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(m.error_code(), "method_not_allowed");
        let bad_id = app.get("/api/v1/users/abc", &t).await;
        assert_eq!(bad_id.status, StatusCode::BAD_REQUEST);
        assert_eq!(bad_id.error_code(), "invalid_path");
    })
    .await;
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route() {
    on_every_backend(|app| async move {
        let r = app.api(Method::GET, "/api/v1/openapi.json", None, None).await;
        assert_eq!(r.status, StatusCode::OK);
        let doc = r.json();
        let paths = doc["paths"].as_object().unwrap();
        // Every route the API router serves (besides the document itself) must be described.
        let source = include_str!("../../src/api/directory.rs").to_string()
            + include_str!("../../src/api/tokens.rs")
            + include_str!("../../src/api/audit.rs")
            + include_str!("../../src/api/catalog.rs");
        for route in source.split(".route(\"").skip(1).map(|s| s.split('"').next().unwrap()) {
            let path = format!("/api/v1{route}");
            assert!(paths.contains_key(&path), "{path} is served but not in the OpenAPI document");
        }
        assert!(doc["components"]["schemas"]["ErrorEnvelope"].is_object());
        // Path parameters are exactly the path's placeholders; everything else is in the query.
        for (path, item) in paths {
            for (method, op) in item.as_object().unwrap() {
                for param in op["parameters"].as_array().into_iter().flatten() {
                    let name = param["name"].as_str().unwrap();
                    let in_path = path.contains(&format!("{{{name}}}"));
                    let declared = param["in"].as_str().unwrap();
                    assert_eq!(
                        declared == "path",
                        in_path,
                        "{method} {path}: parameter {name} is declared in {declared}"
                    );
                }
            }
        }
    })
    .await;
}

#[tokio::test]
async fn health_and_readiness_answer_and_responses_carry_security_headers() {
    on_every_backend(|app| async move {
        let h = app.api(Method::GET, "/healthz", None, None).await;
        assert_eq!(h.status, StatusCode::OK);
        let r = app.api(Method::GET, "/readyz", None, None).await;
        assert_eq!(r.status, StatusCode::OK);
        let csp = r.headers.get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
        assert_eq!(r.headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(), "nosniff");
        assert!(r.headers.get(header::REFERRER_POLICY).is_some());
        assert!(r.headers.get("x-request-id").is_some());
    })
    .await;
}
