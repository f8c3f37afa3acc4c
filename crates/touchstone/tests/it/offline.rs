//! The offline-first web app: its manifest and service worker are served to anyone (a phone
//! installs the app before signing in) with the types browsers insist on, and every page
//! links the manifest and loads the script that registers the worker.

use axum::http::{header, StatusCode};

use crate::common::{on_every_backend, Browser, PASSWORD};

#[tokio::test]
async fn the_manifest_and_the_service_worker_are_served_to_anyone() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        let m = b.get("/manifest.webmanifest").await;
        assert_eq!(m.status, StatusCode::OK, "[{}]", app.backend);
        assert_eq!(m.headers[header::CONTENT_TYPE], "application/manifest+json");
        let manifest = m.json();
        assert_eq!(manifest["start_url"], "/identify");
        assert_eq!(manifest["display"], "standalone");
        assert!(manifest["short_name"].as_str().is_some_and(|s| !s.is_empty()));
        let icon = manifest["icons"][0]["src"].as_str().expect("an icon").to_string();
        let i = b.get(&icon).await;
        assert_eq!(i.status, StatusCode::OK, "the manifest's icon {icon}");
        assert_eq!(i.headers[header::CONTENT_TYPE], "image/svg+xml");

        // Served from the root, so that its scope is the whole site without Service-Worker-Allowed.
        let sw = b.get("/sw.js").await;
        assert_eq!(sw.status, StatusCode::OK);
        assert!(sw.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/javascript"));
        assert_eq!(sw.headers[header::CACHE_CONTROL], "no-cache");
        assert!(sw.text.contains("addEventListener(\"fetch\""));

        let js = b.get("/static/offline.js").await;
        assert_eq!(js.status, StatusCode::OK);
        assert!(js.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/javascript"));
        assert!(js.text.contains("serviceWorker.register(\"/sw.js\""));
    })
    .await;
}

#[tokio::test]
async fn every_page_links_the_manifest_and_loads_the_offline_script() {
    on_every_backend(|app| async move {
        let mut b = Browser::new(&app);
        let signin = b.get("/signin").await;
        assert!(signin.text.contains(r#"<link rel="manifest" href="/manifest.webmanifest">"#), "{}", signin.text);
        assert!(signin.text.contains(r#"src="/static/offline.js""#));
        b.sign_in("officer@border.demo", PASSWORD).await;
        for path in ["/identify", "/cases/new", "/cases"] {
            let page = b.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "[{}] {path}", app.backend);
            assert!(page.text.contains(r#"src="/static/offline.js""#), "{path}");
            assert!(page.text.contains(r#"data-queued=""#), "{path}: the script's words");
        }
    })
    .await;
}
