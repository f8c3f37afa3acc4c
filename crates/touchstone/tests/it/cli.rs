//! The `touchstone` binary, run as a user would run it.

use std::process::Command;

use crate::common::TestApp;

fn touchstone(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_touchstone"))
        .args(args)
        .env_remove("TOUCHSTONE_DATABASE_URL")
        .env("TOUCHSTONE_LOG", "warn")
        .output()
        .expect("run touchstone")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[tokio::test]
async fn token_create_prints_a_token_that_works_on_the_api() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("touchstone.db").display());
    let app = TestApp::start("sqlite", url, tempfile::tempdir().unwrap()).await;
    let out = touchstone(&["token", "create", "--data-dir", data, "--user", "officer@border.demo"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = stdout(&out).trim().to_string();
    assert!(token.starts_with("ts_"));
    let me = app.get("/api/v1/me", &token).await;
    assert_eq!(me.json()["email"], "officer@border.demo");
}

#[tokio::test]
async fn user_list_json_names_each_users_organisation_and_role() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("touchstone.db").display());
    let _app = TestApp::start("sqlite", url, tempfile::tempdir().unwrap()).await;
    let out = touchstone(&["user", "list", "--json", "--data-dir", data]);
    assert!(out.status.success());
    let users: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let officer = users.as_array().unwrap().iter().find(|u| u["email"] == "officer@douane.demo").expect("listed");
    assert_eq!(officer["organisation"], "Douane française (démo)");
    assert_eq!(officer["organisation_kind"], "customs");
    assert_eq!(officer["role"], "officer");
}

#[test]
fn cli_user_creation_refuses_bad_input_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let org =
        touchstone(&["org", "create", "--data-dir", data, "--name", "Zoll", "--kind", "customs", "--country", "DEU"]);
    assert!(!org.status.success());
    assert!(String::from_utf8_lossy(&org.stderr).contains("invalid_country"));
    let org =
        touchstone(&["org", "create", "--data-dir", data, "--name", "Zoll", "--kind", "customs", "--country", "DE"]);
    assert!(org.status.success(), "{}", String::from_utf8_lossy(&org.stderr));
    let user = touchstone(&[
        "user",
        "create",
        "--data-dir",
        data,
        "--email",
        "not-an-email",
        "--name",
        "X",
        "--org",
        "Zoll",
        "--role",
        "officer",
    ]);
    assert!(String::from_utf8_lossy(&user.stderr).contains("invalid_email"));
    let user = touchstone(&[
        "user",
        "create",
        "--data-dir",
        data,
        "--email",
        "k@zoll.demo",
        "--name",
        "K",
        "--org",
        "Zoll",
        "--role",
        "officer",
    ]);
    assert!(user.status.success());
    let created: serde_json::Value = serde_json::from_str(&stdout(&user)).unwrap();
    assert!(created["initial_password"].as_str().unwrap().len() >= 12);
}

#[test]
fn audit_verify_exits_non_zero_naming_the_first_broken_record() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    assert!(touchstone(&["org", "create", "--data-dir", data, "--name", "A", "--kind", "police", "--country", "FR"])
        .status
        .success());
    assert!(touchstone(&["org", "create", "--data-dir", data, "--name", "B", "--kind", "police", "--country", "FR"])
        .status
        .success());
    let ok = touchstone(&["audit", "verify", "--data-dir", data]);
    assert!(ok.status.success());
    assert!(stdout(&ok).contains("intact: 2 records"));
    let db = dir.path().join("touchstone.db");
    let conn = Command::new("python3")
        .args(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE audit_log SET target_id='99' WHERE seq=1\"); c.commit()", db.to_str().unwrap()])
        .status()
        .expect("python3 with sqlite3 alters the file as an outsider would");
    assert!(conn.success());
    let broken = touchstone(&["audit", "verify", "--data-dir", data]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("broken at record 1"));
}

#[test]
fn backup_writes_a_copy_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    assert!(touchstone(&["org", "create", "--data-dir", data, "--name", "A", "--kind", "police", "--country", "FR"])
        .status
        .success());
    let to = dir.path().join("backup.db");
    let out = touchstone(&["backup", "--data-dir", data, "--to", to.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::metadata(&to).unwrap().len() > 0);
    let again = touchstone(&["backup", "--data-dir", data, "--to", to.to_str().unwrap()]);
    assert!(!again.status.success());
}

#[test]
fn code_parse_prints_the_application_identifiers_in_order() {
    let out = touchstone(&["code", "parse", "(01)09520123456788(17)251231(10)ABC123"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ais: Vec<(&str, &str)> = json["ais"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["ai"].as_str().unwrap(), a["value"].as_str().unwrap()))
        .collect();
    assert_eq!(ais, vec![("01", "09520123456788"), ("17", "251231"), ("10", "ABC123")]);
}

#[test]
fn code_parse_fails_with_an_error_object_on_invalid_input() {
    let out = touchstone(&["code", "parse", "(01)09520123456788(17)251332"]);
    assert!(!out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(json["error"]["message"].as_str().unwrap().contains("(17)"), "{json}");
    let text = touchstone(&["code", "parse", "not a code"]);
    assert!(!text.status.success());
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout(&text)).unwrap()["error"]["code"], "unrecognised");
}

#[test]
fn org_set_api_limits_prints_the_figures_in_force_and_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    assert!(touchstone(&["org", "create", "--data-dir", data, "--name", "A", "--kind", "police", "--country", "FR"])
        .status
        .success());
    let out = touchstone(&["org", "set-api-limits", "--data-dir", data, "--org", "A", "--burst", "500"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let limits: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(limits["effective"]["burst"], 500);
    assert_eq!(limits["effective"]["requests_per_minute"], 1200, "the default holds where nothing was given");
    let zero = touchstone(&["org", "set-api-limits", "--data-dir", data, "--org", "A", "--concurrent-requests", "0"]);
    assert!(!zero.status.success());
    assert!(String::from_utf8_lossy(&zero.stderr).contains("out_of_range"));
    assert!(stdout(&touchstone(&["audit", "verify", "--data-dir", data])).contains("intact: 2 records"));
}

/// `touchstone serve` on a data directory, stopped when dropped.
struct Server(std::process::Child);

impl Server {
    fn start(data: &str) -> Server {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_touchstone"))
            .args(["serve", "--data-dir", data, "--bind", "127.0.0.1:0"])
            .env_remove("TOUCHSTONE_DATABASE_URL")
            .env("TOUCHSTONE_LOG", "warn")
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("start touchstone serve");
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let ready = lines.any(|l| l.is_ok_and(|l| l.contains("Touchstone is running")));
        assert!(ready, "the server did not start");
        Server(child)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_under_write_load_restores_every_acknowledged_write_with_its_audit_chain() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};
    use touchstone::domain::directory::{create_organisation, NewOrganisation};
    use touchstone::domain::policy::Principal;

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap().to_string();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("touchstone.db").display());
    let app = TestApp::start("sqlite", url, tempfile::tempdir().unwrap()).await;

    // A writer acknowledging one audited write after another, until told to stop.
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, acknowledged, stop) = (app.db().clone(), acknowledged.clone(), stop.clone());
        tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                let name = format!("Load {i}");
                let input = NewOrganisation {
                    name: name.clone(),
                    kind: "police".into(),
                    country: "FR".into(),
                    email_domains: vec![],
                };
                create_organisation(&db, &Principal::console(), &input).await.expect("write");
                acknowledged.lock().unwrap().push(name);
                i += 1;
            }
        })
    };
    while acknowledged.lock().unwrap().len() < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let before_backup = acknowledged.lock().unwrap().clone();
    let backup = dir.path().join("under-load.db");
    let out = {
        let (data, backup) = (data.clone(), backup.to_str().unwrap().to_string());
        tokio::task::spawn_blocking(move || touchstone(&["backup", "--data-dir", &data, "--to", &backup]))
            .await
            .unwrap()
    };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let during = acknowledged.lock().unwrap().len();
    stop.store(true, Ordering::Relaxed);
    writer.await.unwrap();
    assert!(during > before_backup.len(), "writes went on while the backup ran");

    // Into a fresh data directory.
    let fresh = tempfile::tempdir().unwrap();
    let fresh_data = fresh.path().to_str().unwrap().to_string();
    let restored = tokio::task::spawn_blocking({
        let (fresh_data, backup) = (fresh_data.clone(), backup.to_str().unwrap().to_string());
        move || touchstone(&["restore", "--data-dir", &fresh_data, "--from", &backup])
    })
    .await
    .unwrap();
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
    assert!(stdout(&restored).contains("audit chain intact"), "{}", stdout(&restored));

    let db =
        touchstone::store::Db::connect(&format!("sqlite://{}?mode=rw", fresh.path().join("touchstone.db").display()))
            .await
            .unwrap();
    for name in &before_backup {
        let found = touchstone::store::directory::find_organisation_by_name(db.reader(), name).await.unwrap();
        assert!(found.is_some(), "{name} was acknowledged before the backup began but is not in the restored database");
    }
    db.close().await;
    let verify =
        tokio::task::spawn_blocking(move || touchstone(&["audit", "verify", "--data-dir", &fresh_data])).await.unwrap();
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
}

#[test]
fn restore_refuses_a_directory_a_server_holds_and_a_file_that_is_not_a_touchstone_database() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    assert!(touchstone(&["org", "create", "--data-dir", data, "--name", "A", "--kind", "police", "--country", "FR"])
        .status
        .success());
    let backup = dir.path().join("a.db");
    let backup = backup.to_str().unwrap();
    assert!(touchstone(&["backup", "--data-dir", data, "--to", backup]).status.success());
    assert!(touchstone(&["org", "create", "--data-dir", data, "--name", "B", "--kind", "police", "--country", "FR"])
        .status
        .success());

    // Not a database, and a SQLite database that is not Touchstone's.
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "not a database").unwrap();
    let out = touchstone(&["restore", "--data-dir", data, "--from", text.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a Touchstone SQLite database"));
    let other = dir.path().join("other.db");
    let made = Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE t (x)'); c.commit()",
            other.to_str().unwrap(),
        ])
        .status()
        .expect("python3 with sqlite3");
    assert!(made.success());
    let out = touchstone(&["restore", "--data-dir", data, "--from", other.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("it has no _sqlx_migrations table"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // While a server runs on the directory: refused, nothing changed.
    let server = Server::start(data);
    let out = touchstone(&["restore", "--data-dir", data, "--from", backup]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(stderr.contains("is using the database") && stderr.contains("nothing was changed"), "{stderr}");
    drop(server);
    let orgs = stdout(&touchstone(&["org", "list", "--data-dir", data]));
    assert!(orgs.contains("\tB\t"), "{orgs}");

    // Stopped: the backup goes back in place, and what came after it is gone.
    let out = touchstone(&["restore", "--data-dir", data, "--from", backup]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).contains("audit chain intact: 1 records"), "{}", stdout(&out));
    assert!(stdout(&out).contains("is kept as"), "{}", stdout(&out));
    let orgs = stdout(&touchstone(&["org", "list", "--data-dir", data]));
    assert!(orgs.contains("\tA\t") && !orgs.contains("\tB\t"), "{orgs}");

    // A backup whose audit trail was altered is restored, and reported: exit 2, the record named.
    let altered = dir.path().join("altered.db");
    std::fs::copy(backup, &altered).unwrap();
    let changed = Command::new("python3")
        .args(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE audit_log SET target_id='99' WHERE seq=1\"); c.commit()", altered.to_str().unwrap()])
        .status()
        .expect("python3 with sqlite3");
    assert!(changed.success());
    let out = touchstone(&["restore", "--data-dir", data, "--from", altered.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("audit chain broken at record 1"));
}

#[tokio::test]
async fn verify_import_registers_serials_from_a_file_the_lookup_then_tells_genuine() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap().to_string();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("touchstone.db").display());
    let app = TestApp::start("sqlite", url, dir).await;
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 1, 1).await.unwrap();
    let officer = app.token_for("officer@douane.demo").await;
    let gtin = touchstone::demo_catalog::gtin(0, 0);
    let product = app.get(&format!("/api/v1/lookup?code={gtin}"), &officer).await.json()["product"]["product_id"]
        .as_i64()
        .expect("a published demo product");
    let file = std::path::Path::new(&data).join("serials.csv");
    std::fs::write(&file, "serial,batch,expiry\nSN0001,LOT1,271231\nSN0002,LOT1,271231\nSN0003,LOT1,31/12/2027\n")
        .unwrap();
    let args = ["verify", "import", "--data-dir", &data, "--product", &product.to_string(), file.to_str().unwrap()];
    let out = touchstone(&args);
    assert_eq!(out.status.code(), Some(3), "a refused row: {}", String::from_utf8_lossy(&out.stderr));
    let said = stdout(&out);
    assert!(said.contains("3 rows") && said.contains("2 created") && said.contains("1 failed"), "{said}");
    assert!(said.contains("row 3, expiry:") && said.contains("invalid_expiry"), "each refusal by row: {said}");
    let again = touchstone(&args);
    assert!(stdout(&again).contains("0 created, 0 updated, 2 unchanged"), "{}", stdout(&again));

    // The server keys serials as the command did: an officer's scan of one is genuine.
    let code = format!("(01)0{gtin}(21)SN0002(10)LOT1(17)271231");
    let r = app.get(&format!("/api/v1/lookup?code={}", code.replace('(', "%28").replace(')', "%29")), &officer).await;
    assert_eq!(r.json()["verification"]["verdict"], "registered_active", "{}", r.text);
}
