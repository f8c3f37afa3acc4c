//! The HTML pages as a person uses them: sign-in, lock-out, second factor, languages, forms.

use axum::http::StatusCode;

use crate::common::{on_every_backend, Browser, PASSWORD};

#[tokio::test]
async fn a_demo_officer_signs_in_and_sees_their_home_page() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        let r = b.sign_in("officer@border.demo", PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "[{}] {}", app.backend, r.text);
        assert_eq!(r.location(), "/");
        let session = r.cookie("ts_session").expect("a session cookie");
        let raw = r
            .headers
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .find(|c| c.starts_with("ts_session"))
            .unwrap();
        assert!(raw.contains("HttpOnly") && raw.contains("SameSite=Lax"), "{raw}");
        assert!(session.len() >= 40);
        let home = b.get("/").await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(home.text.contains("Welcome, Sam Taylor"), "{}", home.text);
        assert!(home.text.contains("UK Border Force (demo)"));
    })
    .await;
}

#[tokio::test]
async fn a_wrong_password_gets_401_and_the_form_keeps_the_email() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        let r = b.sign_in("officer@border.demo", "not the password").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.text.contains("The e-mail or the password is not right."));
        assert!(r.text.contains("value=\"officer@border.demo\""));
        assert!(r.cookie("ts_session").is_none());
    })
    .await;
}

#[tokio::test]
async fn repeated_failures_lock_the_account_and_the_answer_is_the_same_as_for_an_unknown_one() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        let threshold = app.config.auth.lockout_threshold;
        for attempt in 1..=threshold {
            let r = b.sign_in("agent@bpp.demo", "wrong password!").await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
        }
        // Even the right password is refused while locked, with the answer anyone gets.
        let locked = b.sign_in("agent@bpp.demo", PASSWORD).await;
        let unknown = b.sign_in("nobody@bpp.demo", PASSWORD).await;
        assert_eq!(locked.status, StatusCode::UNAUTHORIZED, "{}", locked.text);
        assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
        assert!(locked.cookie("ts_session").is_none());
        let error =
            |text: &str| text.split("id=\"signin-error\">").nth(1).and_then(|t| t.split('<').next()).map(String::from);
        assert_eq!(error(&locked.text), error(&unknown.text), "a locked account is not told apart from an unknown one");
        assert!(error(&locked.text).is_some_and(|e| e.contains("locked")), "the answer says a lock may be why");
        assert!(locked.headers.get("retry-after").is_none() && unknown.headers.get("retry-after").is_none());
        let admin = app.token_for("admin@touchstone.demo").await;
        let audit = app.get("/api/v1/audit?limit=50", &admin).await.json();
        let actions: Vec<&str> = audit.as_array().unwrap().iter().map(|r| r["action"].as_str().unwrap()).collect();
        assert!(actions.contains(&"user.locked"), "{actions:?}");
        assert!(actions.contains(&"sign_in.refused_locked"));
    })
    .await;
}

#[tokio::test]
async fn an_administrator_reset_unlocks_and_issues_a_working_password() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        for _ in 0..app.config.auth.lockout_threshold {
            b.sign_in("officer@douane.demo", "wrong password!").await;
        }
        let mut chief = Browser::new(&app);
        chief.sign_in("chief@douane.demo", PASSWORD).await;
        let users = chief.get("/admin/users").await;
        assert_eq!(users.status, StatusCode::OK);
        let officer_id =
            app.get("/api/v1/me", &app.token_for("officer@douane.demo").await).await.json()["id"].as_i64().unwrap();
        let reset = chief.submit("/admin/users", &format!("/admin/users/{officer_id}/reset"), &[]).await;
        assert_eq!(reset.status, StatusCode::OK, "{}", reset.text);
        let marker = "id=\"issued-password\">";
        let start = reset.text.find(marker).expect("the new password is shown") + marker.len();
        let new_password = reset.text[start..].split('<').next().unwrap().to_string();
        let r = b.sign_in("officer@douane.demo", &new_password).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        b.get("/signin").await;
        let r = b.post_raw("/signin", &[("email", "officer@border.demo"), ("password", PASSWORD)], None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.text.contains("This form has expired"), "the refusal is a page a person reads: {}", r.text);
        let forged = b
            .post_raw(
                "/signin",
                &[("email", "officer@border.demo"), ("password", PASSWORD)],
                Some("forged-token-forged-token-forged-token"),
            )
            .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        // Signed in, the session's own token is required: the anonymous one no longer works.
        let mut signed = Browser::new(&app);
        signed.sign_in("officer@border.demo", PASSWORD).await;
        let r = signed.post_raw("/account/language", &[("language", "fr")], Some("stale-token")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn pages_follow_the_profile_language_else_accept_language() {
    on_every_backend(|app| async move {
        let mut visitor = Browser::new(&app);
        visitor.accept_language = Some("fr-FR,fr;q=0.9,en;q=0.5");
        let page = visitor.get("/signin").await;
        assert!(
            page.text.contains("<html lang=\"fr\" dir=\"ltr\">") && page.text.contains("Se connecter"),
            "{}",
            page.text
        );
        // Camille's profile says French; a browser asking for English still gets French.
        let mut camille = Browser::new(&app);
        camille.accept_language = Some("en");
        camille.sign_in("officer@douane.demo", PASSWORD).await;
        let home = camille.get("/").await;
        assert!(home.text.contains("Bienvenue, Camille Martin"), "{}", home.text);
        // The switcher changes the profile too.
        let r = camille.submit("/", "/language", &[("lang", "en"), ("next", "/account")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location(), "/account");
        assert!(camille.get("/").await.text.contains("Welcome, Camille Martin"));
        let me = app.get("/api/v1/me", &app.token_for("officer@douane.demo").await).await.json();
        assert_eq!(me["language"], "en");
    })
    .await;
}

#[tokio::test]
async fn the_language_switcher_refuses_to_redirect_off_site() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        let r = b.submit("/signin", "/language", &[("lang", "fr"), ("next", "//evil.example/")]).await;
        assert_eq!(r.location(), "/");
    })
    .await;
}

#[tokio::test]
async fn second_factor_enrolment_then_sign_in_needs_the_code() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        b.sign_in("coordinator@police.demo", PASSWORD).await;
        let started = b.submit("/account", "/account/second-factor/start", &[]).await;
        assert_eq!(started.status, StatusCode::OK);
        let marker = "<code class=\"secret\">";
        let start = started.text.find(marker).expect("the key is shown") + marker.len();
        let secret = started.text[start..].split('<').next().unwrap().to_string();
        let now = touchstone::domain::now_ms() / 1000;
        let code = touchstone::domain::totp::code_at(&secret, touchstone::domain::totp::step_of(now)).unwrap();
        let wrong = b.submit("/account", "/account/second-factor/confirm", &[("code", "000000")]).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        let ok = b.submit("/account", "/account/second-factor/confirm", &[("code", &code)]).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text);

        let mut again = Browser::new(&app);
        let r = again.sign_in("coordinator@police.demo", PASSWORD).await;
        assert_eq!(r.location(), "/signin/second-factor");
        let home = again.get("/").await;
        assert_eq!(home.location(), "/signin/second-factor", "the session is not usable before the code");
        let bad = again.submit("/signin/second-factor", "/signin/second-factor", &[("code", "123456")]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        // The enrolment used this step's code; a code is good once, so the next step's opens the session.
        let next = touchstone::domain::totp::code_at(&secret, touchstone::domain::totp::step_of(now) + 1).unwrap();
        let good = again.submit("/signin/second-factor", "/signin/second-factor", &[("code", &next)]).await;
        assert_eq!(good.location(), "/");
        assert_eq!(again.get("/").await.status, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn enforcement_users_must_enrol_when_the_deployment_requires_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = touchstone::config::Config { data_dir: dir.path().to_path_buf(), ..Default::default() };
    config.auth.require_two_factor_for_enforcement = true;
    let app = crate::common::TestApp::start_with("sqlite", config, dir).await;
    let mut officer = Browser::new(&app);
    officer.sign_in("officer@border.demo", PASSWORD).await;
    assert_eq!(officer.get("/").await.location(), "/account#second-factor");
    assert!(officer.get("/account").await.text.contains("requires a second factor"));
    let mut brand = Browser::new(&app);
    brand.sign_in("brand@lumiere.demo", PASSWORD).await;
    assert_eq!(brand.get("/").await.status, StatusCode::OK, "rights holders are not enforcement users");
}

#[tokio::test]
async fn admins_create_organisations_and_users_in_the_pages_with_errors_beside_the_field() {
    on_every_backend(|app| async move {
        let mut admin = Browser::new(&app);
        admin.sign_in("admin@touchstone.demo", PASSWORD).await;
        let bad = admin
            .submit(
                "/admin/organisations",
                "/admin/organisations",
                &[("name", "Guardia di Finanza"), ("kind", "customs"), ("country", "ITA")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.text.contains("not an ISO 3166-1 alpha-2 country code"));
        assert!(bad.text.contains("value=\"Guardia di Finanza\""), "what was typed is kept");
        let ok = admin
            .submit(
                "/admin/organisations",
                "/admin/organisations",
                &[("name", "Guardia di Finanza"), ("kind", "customs"), ("country", "IT")],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let list = admin.get("/admin/organisations").await;
        assert!(list.text.contains("Guardia di Finanza"));
        let gdf = app.org_id("Guardia di Finanza").await.to_string();
        let user = admin
            .submit(
                "/admin/users",
                "/admin/users",
                &[
                    ("email", "capitano@gdf.demo"),
                    ("display_name", "Marco Rossi"),
                    ("organisation_id", &gdf),
                    ("role", "org_admin"),
                    ("language", "en"),
                ],
            )
            .await;
        assert_eq!(user.status, StatusCode::CREATED, "{}", user.text);
        assert!(user.text.contains("capitano@gdf.demo"));
        for page in ["/audit", "/account", "/api", "/admin/users"] {
            assert_eq!(admin.get(page).await.status, StatusCode::OK, "{page}");
        }
    })
    .await;
}

#[tokio::test]
async fn an_officer_cannot_open_admin_pages_and_strangers_are_sent_to_sign_in() {
    on_every_backend(|app| async move {
        let mut stranger = Browser::new(&app);
        assert_eq!(stranger.get("/admin/users").await.location(), "/signin?next=%2Fadmin%2Fusers");
        let mut officer = Browser::new(&app);
        officer.sign_in("officer@border.demo", PASSWORD).await;
        assert_eq!(officer.get("/admin/users").await.status, StatusCode::FORBIDDEN);
        assert_eq!(officer.get("/audit").await.status, StatusCode::FORBIDDEN);
        let nothing = officer.get("/no/such/page").await;
        assert_eq!(nothing.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        b.sign_in("analyst@douane.demo", PASSWORD).await;
        let stolen = b.cookies.clone();
        let r = b.submit("/", "/signout", &[]).await;
        assert_eq!(r.location(), "/signin");
        let mut thief = Browser::new(&app);
        thief.cookies = stolen;
        assert_eq!(thief.get("/").await.location(), "/signin");
    })
    .await;
}

#[tokio::test]
async fn user_text_is_escaped_in_pages() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        let r = b.sign_in("<script>alert(1)</script>@x.fr", "whatever whatever").await;
        assert!(!r.text.contains("<script>alert(1)</script>"));
        assert!(r.text.contains("&#60;script&#62;") || r.text.contains("&lt;script&gt;"), "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn the_header_is_one_line_with_the_menu_behind_a_button_and_a_skip_link() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        b.sign_in("chief@douane.demo", PASSWORD).await;
        let home = b.get("/").await;
        assert_eq!(home.status, StatusCode::OK, "{}", home.text);
        let page = home.text;
        // The first thing a keyboard or a screen reader meets: a way past the header.
        let skip = page.find("<a class=\"skip-link\" href=\"#main\">Aller au contenu</a>").expect("a skip link");
        assert!(skip < page.find("<header").unwrap(), "{page}");
        assert!(page.contains("<main id=\"main\""), "{page}");
        // The menu opens without JavaScript (<details>); every link is in it, the officer's
        // Identify also on the header's one line.
        let header = &page[page.find("<header").unwrap()..page.find("</header>").unwrap()];
        let (bar, menu) = header.split_at(header.find("<details class=\"menu\">").expect("a menu button"));
        assert!(bar.contains("class=\"quick\" href=\"/identify\""), "{bar}");
        assert!(menu.contains("<summary>Menu"), "{menu}");
        for href in [
            "/",
            "/identify",
            "/catalog",
            "/cases",
            "/alerts",
            "/stats",
            "/operations",
            "/inbox",
            "/admin/users",
            "/audit",
            "/account",
            "/api",
        ] {
            assert!(menu.contains(&format!("href=\"{href}\"")), "{href} in the menu: {menu}");
        }
        assert!(menu.contains("action=\"/signout\"") && menu.contains("action=\"/language\""), "{menu}");
        // Signed out: the same header, with what a visitor can use.
        let visitor = Browser::new(&app).get("/signin").await.text;
        assert!(visitor.contains("<details class=\"menu\">") && visitor.contains("href=\"/api\""), "{visitor}");
        assert!(!visitor.contains("action=\"/signout\""), "{visitor}");
    })
    .await;
}
