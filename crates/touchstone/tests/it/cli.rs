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
