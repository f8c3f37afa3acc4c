//! Access grants in the pages: an agency without a grant asks for one, a customs administrator
//! gives, changes and revokes it, and what the agency reaches follows at once.

use axum::http::StatusCode;

use crate::common::{on_every_backend, Browser, PASSWORD};

fn in_a_month() -> String {
    (time::OffsetDateTime::now_utc().date() + time::Duration::days(30)).to_string()
}

/// The id in the first `marker…"` of a page, e.g. `request-12"`.
fn id_after(text: &str, marker: &str) -> i64 {
    let start = text.find(marker).unwrap_or_else(|| panic!("{marker} not in the page")) + marker.len();
    text[start..].chars().take_while(char::is_ascii_digit).collect::<String>().parse().unwrap()
}

#[tokio::test]
async fn an_agency_asks_for_access_and_a_customs_administrator_grants_changes_and_revokes_it_from_the_pages() {
    on_every_backend(|app| async move {
        let mut gendarme = Browser::new(&app);
        gendarme.sign_in("coordinator@gendarmerie.demo", PASSWORD).await;
        assert_eq!(
            gendarme.get("/").await.location(),
            "/access",
            "an agency without a grant starts from its access page"
        );
        let home = gendarme.get("/access").await.text;
        assert!(home.contains("href=\"/access\""), "the menu leads an agency to its access page");
        assert!(!home.contains("href=\"/operations\""), "no menu entry ends in a refusal");
        let refused = gendarme.get("/operations").await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert!(refused.text.contains("href=\"/access\""), "the refusal says where to ask");

        let access = gendarme.get("/access").await.text;
        assert!(access.contains("Douane française (démo)"), "whom to ask: the customs administration of its country");
        assert!(!access.contains("UK Border Force"), "not another country's");
        let empty = gendarme.submit("/access", "/access", &[("reason", "Enquête")]).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "no scope chosen");
        assert!(empty.text.contains("aria-invalid=\"true\""));
        let sent = gendarme
            .submit(
                "/access",
                "/access",
                &[("scope", "coordination"), ("reason", "Opération Tisserand, réseau de contrefaçon")],
            )
            .await;
        assert_eq!(sent.location(), "/access?sent=1");

        let mut chief = Browser::new(&app);
        chief.sign_in("chief@douane.demo", PASSWORD).await;
        assert!(chief.get("/inbox").await.text.contains("Gendarmerie nationale (démo)"), "the grantors are told");
        let grants = chief.get("/admin/grants").await.text;
        let request = id_after(&grants, "id=\"request-");
        let form = chief.get(&format!("/admin/grants?request={request}")).await.text;
        assert!(
            form.contains(&format!("name=\"request\" value=\"{request}\"")),
            "answering fills the form from the request"
        );
        assert!(form.contains("Opération Tisserand"));
        let gendarmerie = app.org_id("Gendarmerie nationale (démo)").await.to_string();
        let given = chief
            .submit(
                "/admin/grants",
                "/admin/grants",
                &[
                    ("grantee", gendarmerie.as_str()),
                    ("scope", "coordination"),
                    ("scope", "catalog_alerts"),
                    ("reason", "Opération Tisserand"),
                    ("expires_on", &in_a_month()),
                    ("request", &request.to_string()),
                ],
            )
            .await;
        assert_eq!(given.location(), "/admin/grants", "{}", given.text);
        let grants = chief.get("/admin/grants").await.text;
        assert!(grants.contains("granted") || grants.contains("accordée"), "the request is closed as granted");
        let grant = id_after(&grants, "id=\"grant-");

        assert_eq!(gendarme.get("/operations").await.status, StatusCode::OK, "the grant opens coordination at once");
        let inbox = gendarme.get("/inbox").await.text;
        assert!(inbox.contains("Accès accordé\u{a0}:"), "the agency is told: {inbox}");

        let changed = chief
            .submit(
                "/admin/grants",
                &format!("/admin/grants/{grant}/change"),
                &[("scope", "catalog_alerts"), ("reason", "Catalogue seulement"), ("expires_on", &in_a_month())],
            )
            .await;
        assert_eq!(changed.location(), "/admin/grants");
        assert_eq!(gendarme.get("/operations").await.status, StatusCode::FORBIDDEN, "a narrowed grant closes at once");
        assert_eq!(gendarme.get("/catalog").await.status, StatusCode::OK);

        let revoked = chief.submit("/admin/grants", &format!("/admin/grants/{grant}/revoke"), &[]).await;
        assert_eq!(revoked.location(), "/admin/grants");
        assert_eq!(gendarme.get("/catalog").await.status, StatusCode::FORBIDDEN, "a revoked grant closes at once");

        let admin = app.token_for("admin@touchstone.demo").await;
        let audit = app.get("/api/v1/audit?limit=100", &admin).await.text;
        for action in ["access.request", "grant.create", "grant.change", "grant.revoke"] {
            assert!(audit.contains(action), "{action} is audited");
        }
        assert!(
            audit.contains("chief@douane.demo") && audit.contains("coordinator@gendarmerie.demo"),
            "with the real actors"
        );
    })
    .await;
}

#[tokio::test]
async fn only_customs_administrators_and_the_platform_administrator_manage_grants() {
    on_every_backend(|app| async move {
        for (email, status) in [
            ("officer@douane.demo", StatusCode::FORBIDDEN),
            ("coordinator@police.demo", StatusCode::FORBIDDEN),
            ("brand@lumiere.demo", StatusCode::FORBIDDEN),
            ("chief@douane.demo", StatusCode::OK),
            ("admin@touchstone.demo", StatusCode::OK),
        ] {
            let mut b = Browser::new(&app);
            b.sign_in(email, PASSWORD).await;
            assert_eq!(b.get("/admin/grants").await.status, status, "{email}");
        }
        let mut chief = Browser::new(&app);
        chief.sign_in("chief@douane.demo", PASSWORD).await;
        assert_eq!(chief.get("/access").await.status, StatusCode::FORBIDDEN, "customs ask nobody for access");
        let mut admin = Browser::new(&app);
        admin.sign_in("admin@touchstone.demo", PASSWORD).await;
        let page = admin.get("/admin/grants").await.text;
        assert!(
            page.contains("name=\"grantor\""),
            "the platform administrator grants in a customs administration's name"
        );
    })
    .await;
}
