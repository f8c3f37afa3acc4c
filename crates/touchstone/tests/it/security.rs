//! The security tests a newcomer extends: every page route against every stage of sign-in, the
//! second factor's limits, and what a session may still do after its credentials change.
//! Webhook addresses have their table in `domain::net_guard`; disclosure rules per viewer in
//! `cases.rs` and `catalog.rs`.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};

use crate::common::{
    enable_second_factor, on_every_backend, on_every_backend_with, totp_code, Browser, Reply, TestApp, PASSWORD,
};

/// Pages a visitor or a half-signed-in session may reach: the sign-in steps themselves and
/// what every page loads.
const OPEN: &[&str] = &[
    "/signin",
    "/signin/second-factor",
    "/signout",
    "/language",
    "/api",
    "/static/app.css",
    "/static/identify.js",
    "/static/card.js",
    "/static/shrink.js",
    "/static/case_photos.js",
    "/favicon.ico",
    "/static/offline.js",
    "/manifest.webmanifest",
    "/sw.js",
    "/static/favicon.svg",
];

/// Pages a user who must enrol a second factor may use to do so.
const ENROLMENT: &[&str] = &["/account", "/account/second-factor/start", "/account/second-factor/confirm"];

/// Every page path the router serves, with its placeholders filled in.
fn page_paths() -> Vec<String> {
    let paths: Vec<String> = touchstone::web::pages()
        .paths()
        .iter()
        .map(|p| {
            let mut out = String::new();
            let mut in_brace = false;
            for c in p.chars() {
                match c {
                    '{' => in_brace = true,
                    '}' => {
                        in_brace = false;
                        out.push('1');
                    }
                    _ if in_brace => {}
                    c => out.push(c),
                }
            }
            out
        })
        .collect();
    assert!(paths.len() > 50, "the router lists its pages ({} found)", paths.len());
    paths
}

fn is_open(path: &str) -> bool {
    OPEN.contains(&path)
}

/// A GET and a CSRF-valid POST of `path` in `browser`'s session; `None` where the method is not served.
async fn probe(app: &TestApp, browser: &Browser<'_>, csrf: &str, method: Method, path: &str) -> Option<Reply> {
    let cookies = browser.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
    let b = Request::builder().method(method.clone()).uri(path).header(header::COOKIE, cookies);
    let req = if method == Method::POST {
        b.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("csrf={csrf}")))
            .unwrap()
    } else {
        b.body(Body::empty()).unwrap()
    };
    let r = app.send(req).await;
    (r.status != StatusCode::METHOD_NOT_ALLOWED).then_some(r)
}

/// Walks every page with `browser`'s session and returns the routes that did not turn it
/// back to `expected` (a redirect target), skipping `allowed` paths.
async fn walk(app: &TestApp, browser: &Browser<'_>, csrf: &str, expected: &str, allowed: &[&str]) -> Vec<String> {
    let mut wrong = Vec::new();
    for path in page_paths() {
        if is_open(&path) || allowed.contains(&path.as_str()) {
            continue;
        }
        for method in [Method::GET, Method::POST] {
            if let Some(r) = probe(app, browser, csrf, method.clone(), &path).await {
                let to = r.location();
                let turned_back =
                    r.status == StatusCode::SEE_OTHER && (to == expected || to.starts_with(&format!("{expected}?")));
                if !turned_back {
                    wrong.push(format!("{method} {path}: {} {to}", r.status));
                }
            }
        }
    }
    wrong
}

/// The actions the audit trail records for `email` (newest first).
async fn audited_actions(app: &TestApp, email: &str) -> Vec<String> {
    let admin = app.token_for("admin@touchstone.demo").await;
    let audit = app.get("/api/v1/audit?limit=500", &admin).await.json();
    audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["actor_label"].as_str() == Some(email))
        .map(|r| r["action"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn a_session_waiting_for_its_second_factor_can_do_nothing_but_finish_signing_in() {
    on_every_backend(|app| async move {
        let secret = enable_second_factor(&app, "chief@douane.demo").await;
        let mut b = Browser::new(&app);
        let r = b.sign_in("chief@douane.demo", PASSWORD).await;
        assert_eq!(r.location(), "/signin/second-factor");
        let csrf = Browser::csrf_of(&b.get("/signin/second-factor").await);
        let wrong = walk(&app, &b, &csrf, "/signin/second-factor", &[]).await;
        assert!(wrong.is_empty(), "[{}] routes a password-only session reached:\n{}", app.backend, wrong.join("\n"));
        let api = app
            .send(
                Request::builder()
                    .uri("/api/v1/me")
                    .header(
                        header::COOKIE,
                        format!("ts_session={}", b.cookies.iter().find(|(k, _)| k == "ts_session").unwrap().1),
                    )
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(api.status, StatusCode::UNAUTHORIZED, "nor the API with its cookie");
        let acted: Vec<String> =
            audited_actions(&app, "chief@douane.demo").await.into_iter().filter(|a| a != "sign_in").collect();
        assert!(acted.is_empty(), "nothing recorded for the half-signed-in session: {acted:?}");
        // The same session, once the code is given, reaches the pages.
        let done =
            b.submit("/signin/second-factor", "/signin/second-factor", &[("code", &totp_code(&secret, 0))]).await;
        assert_eq!(done.location(), "/");
        assert_eq!(b.get("/admin/users").await.status, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn a_session_that_must_enrol_a_second_factor_can_only_enrol_one() {
    on_every_backend_with(
        |config| config.auth.require_two_factor_for_enforcement = true,
        |app| async move {
            let mut b = Browser::new(&app);
            b.sign_in("chief@douane.demo", PASSWORD).await;
            let account = b.get("/account").await;
            assert_eq!(account.status, StatusCode::OK);
            let csrf = Browser::csrf_of(&account);
            let wrong = walk(&app, &b, &csrf, "/account#second-factor", ENROLMENT).await;
            assert!(
                wrong.is_empty(),
                "[{}] routes a session without its required second factor reached:\n{}",
                app.backend,
                wrong.join("\n")
            );
            let acted: Vec<String> =
                audited_actions(&app, "chief@douane.demo").await.into_iter().filter(|a| a != "sign_in").collect();
            assert!(acted.is_empty(), "nothing recorded: {acted:?}");
        },
    )
    .await;
}

#[tokio::test]
async fn signed_out_and_deactivated_sessions_are_sent_to_sign_in() {
    on_every_backend(|app| async move {
        let mut visitor = Browser::new(&app);
        let csrf = Browser::csrf_of(&visitor.get("/signin").await);
        let wrong = walk(&app, &visitor, &csrf, "/signin", &[]).await;
        assert!(wrong.is_empty(), "[{}] routes a visitor reached:\n{}", app.backend, wrong.join("\n"));

        let mut officer = Browser::new(&app);
        officer.sign_in("officer@douane.demo", PASSWORD).await;
        let csrf = Browser::csrf_of(&officer.get("/account").await);
        let chief = app.token_for("chief@douane.demo").await;
        let id = crate::common::user_id(&app, "officer@douane.demo").await;
        let r = app.post_json(&format!("/api/v1/users/{id}/deactivate"), &chief, serde_json::json!({})).await;
        assert!(r.status.is_success(), "{}", r.text);
        let wrong = walk(&app, &officer, &csrf, "/signin", &[]).await;
        assert!(
            wrong.is_empty(),
            "[{}] routes a deactivated user's session reached:\n{}",
            app.backend,
            wrong.join("\n")
        );
    })
    .await;
}

#[tokio::test]
async fn a_page_asked_for_while_signed_out_opens_after_sign_in() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        let r = b.get("/identify").await;
        assert_eq!(r.location(), "/signin?next=%2Fidentify");
        let page = b.get(r.location()).await;
        let csrf = Browser::csrf_of(&page);
        assert!(page.text.contains("name=\"next\" value=\"/identify\""), "the form carries where to go");
        let signed = b
            .post_raw(
                "/signin",
                &[("email", "officer@douane.demo"), ("password", PASSWORD), ("next", "/identify")],
                Some(&csrf),
            )
            .await;
        assert_eq!(signed.location(), "/identify");
        // Only local paths: anything else goes home.
        for next in ["//evil.example/", "/\\evil.example/", "https://evil.example/", "/\t/evil.example"] {
            let mut c = Browser::new(&app);
            let csrf = Browser::csrf_of(&c.get("/signin").await);
            let r = c
                .post_raw(
                    "/signin",
                    &[("email", "officer@douane.demo"), ("password", PASSWORD), ("next", next)],
                    Some(&csrf),
                )
                .await;
            assert_eq!(r.location(), "/", "next={next:?}");
            let csrf2 = Browser::csrf_of(&c.get("/").await);
            let r = c.post_raw("/language", &[("lang", "fr"), ("next", next)], Some(&csrf2)).await;
            assert_eq!(r.location(), "/", "language next={next:?}");
        }
    })
    .await;
}

#[tokio::test]
async fn wrong_second_factor_codes_end_the_sign_in_and_lock_the_account() {
    on_every_backend(|app| async move {
        let secret = enable_second_factor(&app, "officer@douane.demo").await;
        let threshold = app.config.auth.lockout_threshold;
        let mut b = Browser::new(&app);
        b.sign_in("officer@douane.demo", PASSWORD).await;
        // A new password sign-in does not give the guesser a fresh count.
        for attempt in 1..threshold {
            if attempt == 2 {
                b.sign_in("officer@douane.demo", PASSWORD).await;
            }
            let r = b.submit("/signin/second-factor", "/signin/second-factor", &[("code", "000000")]).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {attempt}: {}", r.text);
        }
        let last = b.submit("/signin/second-factor", "/signin/second-factor", &[("code", "000000")]).await;
        assert_eq!(last.status, StatusCode::LOCKED, "{}", last.text);
        assert!(last.headers.get("retry-after").is_some());
        // The pending session is over: the right code no longer opens anything.
        assert_eq!(b.get("/").await.location(), "/signin");
        let mut again = Browser::new(&app);
        let r = again.sign_in("officer@douane.demo", PASSWORD).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "the account is locked");
        let actions = audited_actions(&app, "officer@douane.demo").await;
        assert!(actions.iter().any(|a| a == "user.locked"), "{actions:?}");
        assert_eq!(actions.iter().filter(|a| *a == "sign_in.second_factor_failed").count(), threshold as usize);
        let _ = secret;
    })
    .await;
}

#[tokio::test]
async fn a_second_factor_code_opens_one_sign_in_only() {
    on_every_backend(|app| async move {
        let secret = enable_second_factor(&app, "officer@douane.demo").await;
        let code = totp_code(&secret, 0);
        let mut first = Browser::new(&app);
        first.sign_in("officer@douane.demo", PASSWORD).await;
        let ok = first.submit("/signin/second-factor", "/signin/second-factor", &[("code", &code)]).await;
        assert_eq!(ok.location(), "/");
        let mut second = Browser::new(&app);
        second.sign_in("officer@douane.demo", PASSWORD).await;
        let replay = second.submit("/signin/second-factor", "/signin/second-factor", &[("code", &code)]).await;
        assert_eq!(replay.status, StatusCode::UNPROCESSABLE_ENTITY, "the same code twice");
        let next =
            second.submit("/signin/second-factor", "/signin/second-factor", &[("code", &totp_code(&secret, 1))]).await;
        assert_eq!(next.location(), "/", "the next step's code works");
    })
    .await;
}

#[tokio::test]
async fn a_password_change_ends_the_other_sessions_and_a_reset_revokes_the_tokens() {
    on_every_backend(|app| async move {
        let mut here = Browser::new(&app);
        here.sign_in("officer@douane.demo", PASSWORD).await;
        let mut elsewhere = Browser::new(&app);
        elsewhere.sign_in("officer@douane.demo", PASSWORD).await;
        let token = app.token_for("officer@douane.demo").await;
        assert_eq!(app.get("/api/v1/me", &token).await.status, StatusCode::OK);
        let changed = here
            .submit(
                "/account",
                "/account/password",
                &[("current_password", PASSWORD), ("new_password", "a brand new passphrase 7")],
            )
            .await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.text);
        assert_eq!(here.get("/").await.status, StatusCode::OK, "the session that changed it stays open");
        assert_eq!(elsewhere.get("/").await.location(), "/signin", "the other session ended");

        let chief = app.token_for("chief@douane.demo").await;
        let id = crate::common::user_id(&app, "officer@douane.demo").await;
        let mut chief_pages = Browser::new(&app);
        chief_pages.sign_in("chief@douane.demo", PASSWORD).await;
        let reset = chief_pages.submit("/admin/users", &format!("/admin/users/{id}/reset"), &[]).await;
        assert_eq!(reset.status, StatusCode::OK, "{}", reset.text);
        assert!(
            reset.text.contains("sont révoqués"),
            "the page says the tokens were revoked (in the French chief's language)"
        );
        assert_eq!(app.get("/api/v1/me", &token).await.status, StatusCode::UNAUTHORIZED, "the token is revoked");
        let _ = chief;
    })
    .await;
}

/// Item 9: an organisation administrator asking for an address learns nothing about accounts
/// outside their organisation. Before the fix, `officer@border.demo` (UK Border Force's) gave
/// `409 email_taken` and a free address at the same domain `201`.
#[tokio::test]
async fn an_organisation_administrator_learns_nothing_about_addresses_outside_their_organisation() {
    on_every_backend(|app| async move {
        let chief = app.token_for("chief@douane.demo").await;
        let own = app.org_id("Douane française (démo)").await;
        let new_user = |email: &str| {
            serde_json::json!({"email": email, "display_name": "Probe", "organisation_id": own, "role": "officer"})
        };
        // Another organisation's account, a free address at its domain, and one nobody vetted:
        // one answer, word for word.
        let mut answers = Vec::new();
        for email in ["officer@border.demo", "nobody.yet@border.demo", "someone@mail.example"] {
            let r = app.post_json("/api/v1/users", &chief, new_user(email)).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{email}: {}", r.text);
            assert_eq!(r.error_code(), "email_outside_domains", "{email}");
            assert_eq!(r.json()["error"]["field"], "email");
            answers.push(r.json()["error"]["message"].as_str().unwrap().to_string());
        }
        assert!(answers.iter().all(|a| a == &answers[0]), "{answers:?}");
        assert!(answers[0].contains("douane.demo"), "the sentence says where accounts can be made: {}", answers[0]);
        let created = app.post_json("/api/v1/users", &chief, new_user("lea.petit@douane.demo")).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let again = app.post_json("/api/v1/users", &chief, new_user("Lea.Petit@douane.demo")).await;
        assert_eq!(again.error_code(), "email_taken", "within the own domain, a duplicate is named");

        // The platform administrator vets domains; a domain is one organisation's.
        let admin = app.token_for("admin@touchstone.demo").await;
        let border = app.org_id("UK Border Force (demo)").await;
        let path = format!("/api/v1/organisations/{border}/email-domains");
        let steal = app
            .api(Method::PUT, &path, Some(&admin), Some(r#"{"email_domains": ["border.demo", "douane.demo"]}"#))
            .await;
        assert_eq!(steal.status, StatusCode::CONFLICT, "{}", steal.text);
        assert_eq!(steal.error_code(), "email_domain_taken");
        let bad = app.api(Method::PUT, &path, Some(&admin), Some(r#"{"email_domains": ["not a domain"]}"#)).await;
        assert_eq!(bad.error_code(), "invalid_email_domain");
        let set = app
            .api(Method::PUT, &path, Some(&admin), Some(r#"{"email_domains": ["BORDER.demo", "homeoffice.example"]}"#))
            .await;
        assert_eq!(set.status, StatusCode::OK, "{}", set.text);
        assert_eq!(set.json()["email_domains"], serde_json::json!(["border.demo", "homeoffice.example"]));
        let by_chief = app.api(Method::PUT, &path, Some(&chief), Some(r#"{"email_domains": []}"#)).await;
        assert_eq!(by_chief.status, StatusCode::FORBIDDEN);
        // Even the platform administrator puts no account at a vetted domain in another organisation.
        let misplaced = app
            .post_json(
                "/api/v1/users",
                &admin,
                serde_json::json!({"email": "x@douane.demo", "display_name": "X", "organisation_id": border, "role": "officer"}),
            )
            .await;
        assert_eq!(misplaced.error_code(), "email_domain_of_another_organisation");
        let audit = app.get("/api/v1/audit?limit=20", &admin).await.text;
        assert!(audit.contains("organisation.set_email_domains"), "{audit}");
    })
    .await;
}

#[tokio::test]
async fn the_platform_administrator_vets_email_domains_on_the_organisations_page() {
    on_every_backend(|app| async move {
        let mut admin = Browser::new(&app);
        admin.sign_in("admin@touchstone.demo", PASSWORD).await;
        let page = admin.get("/admin/organisations").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("douane.demo"), "each organisation's domains are listed");
        let border = app.org_id("UK Border Force (demo)").await;
        let action = format!("/admin/organisations/{border}/email-domains");
        let refused =
            admin.submit("/admin/organisations", &action, &[("email_domains", "border.demo, douane.demo")]).await;
        assert_eq!(refused.status, StatusCode::CONFLICT);
        assert!(refused.text.contains("aria-invalid=\"true\""), "the refusal is shown beside the field");
        assert!(refused.text.contains("border.demo, douane.demo"), "what was typed is kept");
        let done =
            admin.submit("/admin/organisations", &action, &[("email_domains", "border.demo homeoffice.example")]).await;
        assert_eq!(done.location(), "/admin/organisations");
        assert!(admin.get("/admin/organisations").await.text.contains("border.demo, homeoffice.example"));

        let mut chief = Browser::new(&app);
        chief.sign_in("chief@douane.demo", PASSWORD).await;
        let outside = chief
            .submit(
                "/admin/users",
                "/admin/users",
                &[
                    ("email", "officer@border.demo"),
                    ("display_name", "X"),
                    ("organisation_id", &app.org_id("Douane française (démo)").await.to_string()),
                    ("role", "officer"),
                    ("language", "fr"),
                ],
            )
            .await;
        assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(outside.text.contains("domaines de messagerie vérifiés"), "the refusal is in the reader's language");
    })
    .await;
}
