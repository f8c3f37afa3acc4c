//! Serialised codes (issue 18): the rights holder registers serials, an officer's scan of a
//! code carrying one gets a verdict, copies of a code are noticed, and nobody reads more than
//! the policy's row "serials, scan events" gives them.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};

use crate::common::{on_every_backend, on_every_backend_with, Reply, TestApp};
use touchstone::demo_catalog as gen;

/// The first demo brand belongs to Maison Lumière; its products are `gen::gtin(0, i)`.
pub(crate) const OWNER: &str = "brand@lumiere.demo";
pub(crate) const FRENCH_OFFICER: &str = "officer@douane.demo";
pub(crate) const BRITISH_OFFICER: &str = "officer@border.demo";

/// Seeds one brand with two products and answers the first product's id and GTIN-14.
pub(crate) async fn product(app: &TestApp, item: usize) -> (i64, String) {
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 2).await.unwrap();
    let gtin14 = format!("0{}", gen::gtin(0, item));
    let p = touchstone::store::catalog::stored_product(app.db(), touchstone::store::catalog::ProductBy::Gtin(&gtin14))
        .await
        .unwrap()
        .expect("demo product");
    (p.id, gtin14)
}

async fn import(app: &TestApp, token: &str, product_id: i64, content_type: &str, body: &str) -> Reply {
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/products/{product_id}/serials"))
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body.to_string()))
        .unwrap();
    app.send(req).await
}

pub(crate) async fn imported(app: &TestApp, token: &str, product_id: i64, content_type: &str, body: &str) -> Value {
    let r = import(app, token, product_id, content_type, body).await;
    assert_eq!(r.status, StatusCode::OK, "[{}] {}", app.backend, r.text);
    r.json()
}

pub(crate) async fn lookup(app: &TestApp, token: &str, code: &str) -> Value {
    let q: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
    let r = app.get(&format!("/api/v1/lookup?code={q}"), token).await;
    assert_eq!(r.status, StatusCode::OK, "{code}: {}", r.text);
    r.json()
}

/// The verdict of a typed GS1 element string.
async fn verdict(app: &TestApp, token: &str, code: &str) -> Value {
    let r = lookup(app, token, code).await;
    assert_eq!(r["outcome"], "product", "[{}] {code}: {r}", app.backend);
    r["verification"].clone()
}

pub(crate) fn element_string(gtin14: &str, serial: &str, batch: &str, expiry: &str) -> String {
    format!("(01){gtin14}(21){serial}(10){batch}(17){expiry}")
}

#[tokio::test]
async fn an_import_keeps_the_good_rows_reports_the_bad_ones_and_changes_nothing_the_second_time() {
    on_every_backend(|app| async move {
        let (id, _) = product(&app, 0).await;
        let owner = app.token_for(OWNER).await;
        let csv = "serial,batch,expiry,market,status\n\
                   SN0001,LOT1,271231,FR,active\n\
                   SN0002,LOT1,2027-12-31,,\n\
                   SN0003,LOT1,27-12-31,FR,active\n\
                   SN0004,LOT2,280600,DE,recalled\n\
                   SN0005,LOT2,280600,DE,lost\n";
        let first = imported(&app, &owner, id, "text/csv", csv).await;
        assert_eq!(
            (first["rows"].as_u64(), first["created"].as_u64(), first["failed"].as_u64()),
            (Some(5), Some(3), Some(2)),
            "[{}] {first}",
            app.backend
        );
        assert_eq!(first["errors"][0]["row"], 3);
        assert_eq!(first["errors"][0]["field"], "expiry");
        assert_eq!(first["errors"][0]["code"], "invalid_expiry");
        assert!(first["errors"][0]["message"].as_str().unwrap().contains("YYMMDD"), "{first}");
        assert_eq!(first["errors"][1]["row"], 5);
        assert_eq!(first["errors"][1]["field"], "status");
        assert_eq!(first["errors"][1]["code"], "invalid_status");

        let audit_before = audit_count(&app).await;
        let again = imported(&app, &owner, id, "text/csv", csv).await;
        assert_eq!(
            (again["created"].as_u64(), again["updated"].as_u64(), again["unchanged"].as_u64()),
            (Some(0), Some(0), Some(3)),
            "{again}"
        );
        assert_eq!(audit_count(&app).await, audit_before, "a re-import writes nothing, not even an audit record");

        // The same serials as JSON Lines: one changed, a malformed line reported by its number.
        let jsonl = "{\"serial\":\"SN0001\",\"batch\":\"LOT1\",\"expiry\":\"271231\",\"market\":\"FR\"}\n\
                     \n\
                     {\"serial\":\"SN0002\",\"batch\":\"LOT9\",\"expiry\":\"271231\"}\n\
                     {\"serial\":\"SN0006\",\"batch\":\"LOT1\"}\n";
        let third = imported(&app, &owner, id, "application/x-ndjson", jsonl).await;
        assert_eq!(
            (third["unchanged"].as_u64(), third["updated"].as_u64(), third["failed"].as_u64()),
            (Some(1), Some(1), Some(1)),
            "{third}"
        );
        assert_eq!(third["errors"][0]["row"], 4);
        assert_eq!(third["errors"][0]["code"], "invalid_json");

        let list = app.get(&format!("/api/v1/products/{id}/serials"), &owner).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.text);
        let serials = list.json()["serials"].as_array().unwrap().clone();
        assert_eq!(serials.len(), 3);
        assert!(!list.text.contains("SN000"), "the list shows keys, never serial numbers: {}", list.text);
        assert!(serials.iter().any(|s| s["batch"] == "LOT9" && s["expiry"] == "271231"));

        let bad_header = import(&app, &owner, id, "text/csv", "serial,lot,expiry\nA,B,271231\n").await;
        assert_eq!(bad_header.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad_header.text);
        assert_eq!(bad_header.error_code(), "unknown_column");
        let no_format = import(&app, &owner, id, "application/octet-stream", "x").await;
        assert_eq!(no_format.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    })
    .await;
}

async fn audit_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(app.db().reader()).await.unwrap()
}

pub(crate) async fn set_status(app: &TestApp, token: &str, id: i64, body: Value) -> Reply {
    app.post_json(&format!("/api/v1/products/{id}/serials/status"), token, body).await
}

#[tokio::test]
async fn every_verdict_from_a_typed_element_string() {
    on_every_backend(|app| async move {
        let (id, gtin) = product(&app, 0).await;
        let (_, unserialised_gtin) = product(&app, 1).await;
        let owner = app.token_for(OWNER).await;
        let officer = app.token_for(FRENCH_OFFICER).await;
        let rows: String = [
            ("GOOD1", "LOT1"),
            ("GOOD2", "LOT1"),
            ("RECALL1", "LOT2"),
            ("RECALL2", "LOT2"),
            ("GONE1", "LOT1"),
            ("THEFT1", "LOT1"),
            ("AWAY1", "LOT1"),
            ("FREE1", "LOT1"),
        ]
        .iter()
        .map(|(s, b)| format!("{{\"serial\":\"{s}\",\"batch\":\"{b}\",\"expiry\":\"271231\"}}\n"))
        .collect();
        imported(&app, &owner, id, "application/x-ndjson", &rows).await;
        let batch = set_status(&app, &owner, id, json!({"batch": "LOT2", "status": "recalled"})).await;
        assert_eq!(batch.status, StatusCode::OK, "{}", batch.text);
        assert_eq!(batch.json()["changed"], 2);
        for (serial, status) in
            [("GONE1", "destroyed"), ("THEFT1", "stolen"), ("AWAY1", "exported"), ("FREE1", "sample")]
        {
            let r = set_status(&app, &owner, id, json!({"serial": serial, "status": status})).await;
            assert_eq!(r.json()["changed"], 1, "{}", r.text);
        }
        let unknown = set_status(&app, &owner, id, json!({"serial": "NOSUCH", "status": "stolen"})).await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        assert_eq!(unknown.error_code(), "unknown_serial");

        let good = verdict(&app, &officer, &element_string(&gtin, "GOOD1", "LOT1", "271231")).await;
        assert_eq!(good["verdict"], "registered_active", "[{}] {good}", app.backend);
        assert!(good["message"].as_str().unwrap().contains("does not prove"), "{good}");
        for (code, expected) in [
            (element_string(&gtin, "NOSUCH", "LOT1", "271231"), "unknown_serial"),
            (element_string(&gtin, "GOOD2", "LOT7", "271231"), "batch_or_expiry_mismatch"),
            (element_string(&gtin, "RECALL2", "LOT2", "271231"), "status_recalled"),
            (element_string(&gtin, "GONE1", "LOT1", "271231"), "status_destroyed"),
            (element_string(&gtin, "THEFT1", "LOT1", "271231"), "status_stolen"),
            (element_string(&gtin, "AWAY1", "LOT1", "271231"), "status_exported"),
            (element_string(&gtin, "FREE1", "LOT1", "271231"), "status_sample"),
            (element_string(&unserialised_gtin, "ANY1", "LOT1", "271231"), "not_serialised"),
            // A Digital Link carrying the serial in its path.
            (format!("https://id.example.com/01/{gtin}/10/LOT1/21/GOOD1?17=271231"), "registered_active"),
        ] {
            let v = verdict(&app, &officer, &code).await;
            assert_eq!(v["verdict"], expected, "[{}] {code}: {v}", app.backend);
        }
        let expiry = verdict(&app, &officer, &element_string(&gtin, "GOOD2", "LOT1", "281231")).await;
        assert_eq!(expiry["mismatched"], json!(["expiry"]), "{expiry}");

        // A code without a serial takes the path it always took: no verification at all.
        let plain = lookup(&app, &officer, &format!("(01){gtin}(10)LOT1")).await;
        assert!(plain.get("verification").is_none(), "{plain}");

        // Checking is not decommissioning: the statuses are as the rights holder left them.
        let list = app.get(&format!("/api/v1/products/{id}/serials?batch=LOT1"), &owner).await.json();
        let statuses: Vec<&str> =
            list["serials"].as_array().unwrap().iter().map(|s| s["status"].as_str().unwrap()).collect();
        assert_eq!(statuses.iter().filter(|s| **s == "active").count(), 2, "{list}");
    })
    .await;
}

#[tokio::test]
async fn a_serial_checked_in_two_countries_an_hour_apart_is_a_possible_clone() {
    on_every_backend(|app| async move {
        let (id, gtin) = product(&app, 0).await;
        let owner = app.token_for(OWNER).await;
        imported(&app, &owner, id, "text/csv", "serial,batch,expiry\nCOPIED1,LOT1,271231\n").await;
        let start = 1_796_983_200_000; // 2026-12-11 10:00 UTC
        app.db().clock.stop_at(start);
        let code = element_string(&gtin, "COPIED1", "LOT1", "271231");
        let first = verdict(&app, &app.token_for(FRENCH_OFFICER).await, &code).await;
        assert_eq!(first["verdict"], "registered_active", "{first}");
        app.db().clock.advance(3_600_000);
        let second = verdict(&app, &app.token_for(BRITISH_OFFICER).await, &code).await;
        assert_eq!(second["verdict"], "possible_clone", "[{}] {second}", app.backend);
        assert_eq!(second["scans_in_window"], 2);
        assert_eq!(second["countries_in_window"], 2);
        assert_eq!(second["previous_scan_at"], "2026-12-11T10:00:00Z");
        assert!(second["message"].as_str().unwrap().contains("2 times in 2 countries"), "{second}");

        // The rights holder sees where and when its serials were checked, never by whom.
        let scans = app.get(&format!("/api/v1/products/{id}/scans"), &owner).await;
        assert_eq!(scans.status, StatusCode::OK, "{}", scans.text);
        let counts = scans.json();
        let countries: Vec<&str> = counts.as_array().unwrap().iter().map(|c| c["country"].as_str().unwrap()).collect();
        assert_eq!(countries, ["FR", "GB"], "{counts}");
        for who in ["officer@", "Camille", "Sam Taylor", "user", "org"] {
            assert!(!scans.text.contains(who), "{who} in {}", scans.text);
        }
        let columns: Vec<String> = match app.backend {
            "sqlite" => sqlx::query_scalar("SELECT name FROM pragma_table_info('scan_events')")
                .fetch_all(app.db().reader())
                .await
                .unwrap(),
            _ => sqlx::query_scalar(
                "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'scan_events'",
            )
            .fetch_all(app.db().reader())
            .await
            .unwrap(),
        };
        assert!(!columns.iter().any(|c| c.contains("user") || c.contains("org")), "{columns:?}");

        // A day later the first sighting has left the window.
        app.db().clock.advance(25 * 3_600_000);
        let later = verdict(&app, &app.token_for(FRENCH_OFFICER).await, &code).await;
        assert_eq!(later["verdict"], "registered_active", "{later}");
    })
    .await;
}

#[tokio::test]
async fn a_serial_checked_more_often_than_the_limit_is_a_possible_clone() {
    on_every_backend_with(
        |c| c.verify.clone_max_scans = 2,
        |app| async move {
            let (id, gtin) = product(&app, 0).await;
            let owner = app.token_for(OWNER).await;
            imported(&app, &owner, id, "text/csv", "serial,batch,expiry\nBUSY1,LOT1,271231\n").await;
            let officer = app.token_for(FRENCH_OFFICER).await;
            let code = element_string(&gtin, "BUSY1", "LOT1", "271231");
            for expected in ["registered_active", "registered_active", "possible_clone"] {
                assert_eq!(verdict(&app, &officer, &code).await["verdict"], expected, "[{}]", app.backend);
            }
        },
    )
    .await;
}

#[tokio::test]
async fn officers_never_read_the_serial_list_and_other_brands_do_not_see_it_exists() {
    on_every_backend(|app| async move {
        let (id, gtin) = product(&app, 0).await;
        let owner = app.token_for(OWNER).await;
        imported(&app, &owner, id, "text/csv", "serial,batch,expiry\nPRIVATE1,LOT1,271231\n").await;
        let officer = app.token_for(FRENCH_OFFICER).await;
        for path in [format!("/api/v1/products/{id}/serials"), format!("/api/v1/products/{id}/scans")] {
            assert_eq!(app.get(&path, &officer).await.status, StatusCode::FORBIDDEN, "{path}");
        }
        let officer_import = import(&app, &officer, id, "text/csv", "serial,batch,expiry\nX1,LOT1,271231\n").await;
        assert_eq!(officer_import.status, StatusCode::FORBIDDEN);
        let change = set_status(&app, &officer, id, json!({"batch": "LOT1", "status": "active"})).await;
        assert_eq!(change.status, StatusCode::FORBIDDEN);

        let other_brand = app.token_for("brand@nordwerk.demo").await;
        assert_eq!(
            app.get(&format!("/api/v1/products/{id}/serials"), &other_brand).await.status,
            StatusCode::NOT_FOUND
        );
        let other_import = import(&app, &other_brand, id, "text/csv", "serial,batch,expiry\nX1,LOT1,271231\n").await;
        assert_eq!(other_import.status, StatusCode::NOT_FOUND);

        // The platform administrator identifies products but gets no verdict and leaves no scan.
        let admin = app.token_for("admin@touchstone.demo").await;
        let r = lookup(&app, &admin, &element_string(&gtin, "PRIVATE1", "LOT1", "271231")).await;
        assert!(r.get("verification").is_none(), "{r}");
        let scans: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM scan_events").fetch_one(app.db().reader()).await.unwrap();
        assert_eq!(scans, 0);
    })
    .await;
}

#[tokio::test]
async fn a_copy_of_the_database_holds_no_serial_number() {
    on_every_backend(|app| async move {
        let (id, gtin) = product(&app, 0).await;
        let owner = app.token_for(OWNER).await;
        let serial = "QX7ZK93LMW2PV";
        imported(&app, &owner, id, "text/csv", &format!("serial,batch,expiry\n{serial},LOT1,271231\n")).await;
        set_status(&app, &owner, id, json!({"serial": serial, "status": "stolen"})).await;
        let officer = app.token_for(FRENCH_OFFICER).await;
        assert_eq!(
            verdict(&app, &officer, &element_string(&gtin, serial, "LOT1", "271231")).await["verdict"],
            "status_stolen"
        );
        assert_eq!(
            verdict(&app, &officer, &element_string(&gtin, "QX7ZK93LMW2PX", "LOT1", "271231")).await["verdict"],
            "unknown_serial"
        );

        if app.backend == "sqlite" {
            let url = app.config.database_url().expose().to_string();
            let path = url.trim_start_matches("sqlite://").split('?').next().unwrap().to_string();
            let mut bytes = std::fs::read(&path).unwrap();
            if let Ok(wal) = std::fs::read(format!("{path}-wal")) {
                bytes.extend(wal);
            }
            assert!(bytes.len() > 10_000, "read the database at {path}");
            assert!(bytes.windows(4).any(|w| w == b"LOT1"), "batches are kept in clear, so the search can find text");
            let needle = &serial.as_bytes()[..10];
            assert!(!bytes.windows(needle.len()).any(|w| w == needle), "the database file holds the serial's text");
        } else {
            for (table, column) in
                [("product_serials", "serial_key"), ("scan_events", "serial_key"), ("audit_log", "detail")]
            {
                let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} LIKE '%QX7ZK93LMW%'");
                let n: i64 = sqlx::query_scalar(&sql).fetch_one(app.db().reader()).await.unwrap();
                assert_eq!(n, 0, "{table}.{column}");
            }
        }
    })
    .await;
}
