//! Every word a person reads comes from the message catalogue or from what people wrote.
//!
//! The guard: every user of the demo reads every page the router serves in the pseudo-locale
//! (`qps`: English with each letter accented). A word of plain ASCII letters on such a page either
//! is content — stored in the database, written by a person (a brand's name, a case's notes) — or
//! did not come from the catalogue: an English template string, a sentence built in code, a raw
//! code. The test lists each of those with its page and fails. New pages are covered without
//! editing the test, because the paths come from the router.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use axum::http::StatusCode;
use serde_json::{json, Value};
use sqlx::{Column, Row};

use crate::common::{on_every_backend, Browser, TestApp, PASSWORD};
use touchstone::demo_catalog as gen;
use touchstone::i18n::is_pseudo_letter;

/// The demo's users, one per kind of reader: customs officer, customs administrator, platform
/// administrator, rights holder, police with a grant, an agency without one.
const READERS: &[&str] = &[
    "officer@douane.demo",
    "chief@douane.demo",
    "admin@touchstone.demo",
    "brand@lumiere.demo",
    "coordinator@police.demo",
    "coordinator@gendarmerie.demo",
];

/// Words that are the same in every language: the product's name, acronyms of standards, the
/// languages' own names in the language menu.
const UNTRANSLATED: &[&str] =
    &["Touchstone", "English", "Français", "Español", "API", "GS1", "GTIN", "JSON", "CSV", "HS", "IBAN", "IMO"];

/// A page path with its `{placeholders}` filled from `ids`.
fn fill(path: &str, ids: &BTreeMap<&str, i64>) -> Option<String> {
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}')? + start;
        out.push_str(&rest[..start]);
        let name = &rest[start + 1..end];
        match name {
            // The scene's second demo brand trades in luxury.
            "sector" => out.push_str("luxury"),
            _ => out.push_str(&ids.get(name).copied().unwrap_or(1).to_string()),
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// What a page shows a person: its text nodes and the attributes read aloud or shown (title,
/// placeholder, alt, aria-label, a button's value). Scripts, styles and code samples (`pre`)
/// are not read.
fn readable(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(decode(rest));
            break;
        };
        out.push(decode(&rest[..lt]));
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = tag_end(rest) else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase();
        let attrs = attributes(tag);
        // Scripts, styles, code samples, and text declared as in another language (the API's
        // reference, written in English, says so with `lang="en"`) are not the page's words.
        let foreign = name != "html" && attrs.iter().any(|(k, _)| k == "lang");
        // An element without content (a field, a picture) in another language: only its own
        // attributes are not the page's words.
        if foreign && ["input", "img", "br", "hr", "source", "area", "wbr"].contains(&name.as_str()) {
            continue;
        }
        if ["script", "style", "pre"].contains(&name.as_str()) || foreign {
            let close = format!("</{name}");
            rest = rest.to_lowercase().find(&close).map_or("", |e| &rest[e..]);
            continue;
        }
        for (k, v) in &attrs {
            let shown = matches!(k.as_str(), "title" | "placeholder" | "alt" | "aria-label")
                || (k == "value"
                    && name == "input"
                    && attrs.iter().any(|(a, t)| a == "type" && (t == "submit" || t == "button")));
            if shown {
                out.push(decode(v));
            }
        }
    }
    out.into_iter().map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty()).collect()
}

/// The `>` that ends the tag at the start of `s`, quotes respected.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = tag.char_indices().peekable();
    // Skip the tag's name.
    while chars.peek().is_some_and(|(_, c)| !c.is_whitespace()) {
        chars.next();
    }
    loop {
        while chars.peek().is_some_and(|(_, c)| c.is_whitespace() || *c == '/') {
            chars.next();
        }
        let Some(&(start, _)) = chars.peek() else { break };
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if c == '=' || c.is_whitespace() {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let name = tag[start..end].to_lowercase();
        let mut value = String::new();
        if chars.peek().is_some_and(|(_, c)| *c == '=') {
            chars.next();
            match chars.peek().map(|(_, c)| *c) {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    for (_, c) in chars.by_ref() {
                        if c == q {
                            break;
                        }
                        value.push(c);
                    }
                }
                _ => {
                    while let Some(&(_, c)) = chars.peek() {
                        if c.is_whitespace() {
                            break;
                        }
                        value.push(c);
                        chars.next();
                    }
                }
            }
        }
        if name.is_empty() {
            break;
        }
        out.push((name, value));
    }
    out
}

fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|s| *s < 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

const EDGES: &[char] = &[
    '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '\'', '«', '»', '“', '”', '‘', '’', '·', '—', '–', '-', '/',
    '|', '…', '*', '#', '&', '+', '\u{a0}', '\u{202f}', '⌄', '×', '→', '←', '✓', '✗',
];

fn trimmed(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| EDGES.contains(&c) || c.is_whitespace())
        .to_string()
}

/// Where a page joins several values in one run of text.
const JOINS: &[&str] = &[" · ", " (", ") ", ", ", "; ", " — ", " – ", " | ", " / ", ": "];

/// The parts of `phrase` between the joins.
fn parts(phrase: &str) -> Vec<String> {
    let mut pieces = vec![phrase.to_string()];
    for join in JOINS {
        pieces = pieces.iter().flat_map(|p| p.split(join).map(str::to_string).collect::<Vec<_>>()).collect();
    }
    pieces.iter().map(|p| trimmed(p)).filter(|p| !p.is_empty()).collect()
}

/// Columns of free text where a single lower-case word is what a person typed, not a code.
const FREE_TEXT: &[(&str, &str)] = &[("operations", "kind")];

/// Text stored in the database: every text value of every table, the string leaves of JSON
/// values, and their lines and list items. Rendered English (the outbox's subject and body,
/// kept for webhooks) and codes (the audit trail's actions) are not content.
async fn content(app: &TestApp) -> HashSet<String> {
    let db = app.db().reader();
    let tables: Vec<String> = if app.backend == "postgres" {
        sqlx::query_scalar("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'").fetch_all(db).await
    } else {
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .fetch_all(db)
            .await
    }
    .expect("tables are listed");
    let not_content: &[(&str, &str)] = &[
        ("notify_notices", "subject"),
        ("notify_notices", "body"),
        ("notify_notices", "kind"),
        ("audit_log", "action"),
        ("audit_log", "target_kind"),
        ("audit_log", "actor_label"),
    ];
    let mut values = Vec::new();
    for table in tables.iter().filter(|t| !t.starts_with("_sqlx")) {
        let rows = sqlx::query(&format!("SELECT * FROM {table}")).fetch_all(db).await.expect("table is readable");
        for row in rows {
            for (i, column) in row.columns().iter().enumerate() {
                if not_content.contains(&(table.as_str(), column.name())) {
                    continue;
                }
                if let Ok(Some(text)) = row.try_get::<Option<String>, _>(i) {
                    // A column holding a lower-case identifier holds a code of a closed set
                    // (a channel, a state, a kind): a page names it from the catalogue. Free-text
                    // columns where one lower-case word is still what a person typed are listed.
                    let typed = FREE_TEXT.contains(&(table.as_str(), column.name()));
                    if !typed
                        && !text.is_empty()
                        && text.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
                    {
                        continue;
                    }
                    if let Ok(v @ (Value::Object(_) | Value::Array(_))) = serde_json::from_str::<Value>(&text) {
                        leaves(&v, &mut values);
                    }
                    values.push(text);
                }
            }
        }
    }
    let mut out = HashSet::new();
    for v in values {
        out.insert(trimmed(&v));
        for line in v.lines() {
            out.insert(trimmed(line));
            for item in line.split([',', ';']) {
                out.insert(trimmed(item));
            }
        }
    }
    out
}

fn leaves(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| leaves(x, out)),
        Value::Object(o) => o.values().for_each(|x| leaves(x, out)),
        _ => {}
    }
}

/// A token that is no word of a language: a number, a code, an address, a reference.
fn is_code(token: &str) -> bool {
    if token.contains("://") {
        return true;
    }
    let t = token.trim_matches(EDGES);
    t.chars().any(|c| c.is_ascii_digit())
        || t.contains('@')
        || t.contains('/')
        || t.contains('_')
        || is_dotted_code(t)
        || (t.len() <= 6 && t.chars().all(|c| c.is_ascii_uppercase()))
        || UNTRANSLATED.contains(&t)
}

/// `case.detain`: an identifier of the audit trail or an event, lower-case words joined by dots.
fn is_dotted_code(t: &str) -> bool {
    t.contains('.') && t.split('.').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
}

/// Content as the guard searches it: every value, longest first, so that a run holding several
/// values (a name beside a code) is taken apart.
struct Content {
    exact: HashSet<String>,
    longest_first: Vec<String>,
}

impl Content {
    fn new(values: HashSet<String>) -> Self {
        let mut longest_first: Vec<String> = values.iter().filter(|v| v.chars().count() >= 3).cloned().collect();
        longest_first.sort_by_key(|v| std::cmp::Reverse(v.len()));
        Content { exact: values, longest_first }
    }

    /// Whether `phrase` is content, codes, or content and codes side by side.
    fn explains(&self, phrase: &str) -> bool {
        if self.exact.contains(phrase) || phrase.split_whitespace().all(is_code) {
            return true;
        }
        let mut rest = phrase.to_string();
        for value in self.longest_first.iter().filter(|v| phrase.contains(v.as_str())) {
            rest = rest.replace(value.as_str(), " ");
        }
        rest.split_whitespace().map(trimmed).filter(|w| !w.is_empty()).all(|w| is_code(&w) || self.exact.contains(&w))
    }
}

/// `2026-12-04T02:56:46.262Z`: a moment as the API writes it, not as a person reads it.
fn is_raw_moment(token: &str) -> bool {
    let b = token.trim_matches(EDGES).as_bytes();
    b.len() >= 16
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
}

/// The runs of a text that did not come from the catalogue and are not content.
fn leaks(text: &str, content: &Content) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut flush = |run: &mut Vec<&str>| {
        let words: Vec<&str> = std::mem::take(run);
        let phrase = trimmed(&words.join(" "));
        let has_words = words.iter().any(|w| !is_code(w) && w.chars().filter(char::is_ascii_alphabetic).count() >= 2);
        if has_words && !content.explains(&phrase) && !parts(&phrase).iter().all(|p| content.explains(p)) {
            out.push(phrase);
        }
    };
    let moments: Vec<String> =
        text.split_whitespace().filter(|t| is_raw_moment(t)).map(|t| format!("raw moment {t}")).collect();
    for token in text.split_whitespace() {
        if token.chars().any(is_pseudo_letter) {
            flush(&mut run);
        } else {
            run.push(token);
        }
    }
    flush(&mut run);
    out.extend(moments);
    out
}

/// Pages with content: a detention with an answer and a message, an alert, an operation whose
/// target meets the detention, an access request.
async fn scene(app: &TestApp) -> BTreeMap<&'static str, i64> {
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 2, 1).await.unwrap();
    let officer = app.token_for("officer@douane.demo").await;
    let lumiere = app.token_for("brand@lumiere.demo").await;
    let police = app.token_for("coordinator@police.demo").await;
    let found = app.get(&format!("/api/v1/lookup?code={}", gen::gtin(0, 0)), &officer).await.json();
    let product = found["product"]["product_id"].as_i64().expect("a published demo product");
    let brand = found["product"]["brand_id"].as_i64().unwrap_or(1);
    let case = app
        .post_json(
            "/api/v1/cases",
            &officer,
            json!({"case_type": "standard", "detain": true, "sheet": {
                "office": {"code": "FR000730", "name": "Roissy fret", "country": "FR"},
                "transport_mode": "air", "origin_country": "CN", "destination_country": "FR",
                "containers": ["MSKU 907032-3"], "air_waybills": ["020-12345675"],
                "consignor": {"name": "Shenzhen Bright Trading Co., Ltd.", "country": "CN"},
                "goods": [{"description": "sacs à main", "quantity": 40, "unit": "pieces", "product_id": product}]}}),
        )
        .await;
    assert_eq!(case.status, StatusCode::CREATED, "{}", case.text);
    let case = case.json()["id"].as_i64().unwrap();
    let r = app
        .post_json(
            &format!("/api/v1/cases/{case}/answers"),
            &lumiere,
            json!({"party": "rights_holder", "answer": "agree_destruction", "note": "Contrefaçon confirmée"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let r = app
        .post_json(&format!("/api/v1/cases/{case}/messages"), &lumiere, json!({"body": "Merci, photos jointes"}))
        .await;
    assert!(r.status.is_success(), "{}", r.text);
    let alert = app
        .post_json(
            "/api/v1/alerts",
            &lumiere,
            json!({"title": "Sacs Shenzhen", "description": "Envois déclarés comme sacs", "target_countries": ["FR"],
                   "suspect_parties": ["SHENZHEN BRIGHT TRADING LIMITED"],
                   "valid_to": (time::OffsetDateTime::now_utc().date() + time::Duration::days(365)).to_string()}),
        )
        .await;
    assert_eq!(alert.status, StatusCode::CREATED, "{}", alert.text);
    let operation = app
        .post_json(
            "/api/v1/operations",
            &police,
            json!({"name": "Opération Sablier", "kind": "investigation", "status": "active",
                   "starts_on": "2026-01-01", "ends_on": "2027-12-31",
                   "contact": {"name": "Cdt. Julien Moreau", "phone": "+33 1 23 45 67 89", "email": "jmoreau@police.example"},
                   "confidentiality": "confidential", "tell_detaining_officer": true}),
        )
        .await;
    assert_eq!(operation.status, StatusCode::CREATED, "{}", operation.text);
    let operation = operation.json()["id"].as_i64().unwrap();
    let r = app
        .post_json(
            &format!("/api/v1/operations/{operation}/targets"),
            &police,
            json!([{"kind": "container", "value": "MSKU9070323"}]),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let hits = app.get("/api/v1/coordination/hits", &police).await.json();
    let hit = hits.as_array().and_then(|h| h.first()).and_then(|h| h["id"].as_i64()).unwrap_or(1);
    BTreeMap::from([
        ("id", case),
        ("case", case),
        ("brand", brand),
        ("product", product),
        ("alert", alert.json()["id"].as_i64().unwrap()),
        ("operation", operation),
        ("hit", hit),
    ])
}

#[tokio::test]
async fn every_page_in_the_pseudo_locale_shows_only_catalogue_words_and_content() {
    on_every_backend(|app| async move {
        let ids = scene(&app).await;
        sqlx::query("UPDATE users SET language = 'qps'").execute(app.db().bookkeeping()).await.unwrap();
        let paths: Vec<String> = touchstone::web::pages().paths().iter().filter_map(|p| fill(p, &ids)).collect();
        assert!(paths.len() > 50, "the router lists its pages");
        // Reading pages writes content too (the audit trail records reads): candidates are
        // gathered first, then judged against what the database holds at the end.
        let mut candidates: Vec<(String, String)> = Vec::new();
        let mut pages = 0;
        for email in READERS {
            let mut reader = Browser::new(&app);
            reader.sign_in(email, PASSWORD).await;
            for path in &paths {
                let page = reader.get(path).await;
                if !page.text.trim_start().starts_with("<!doctype html>") {
                    continue;
                }
                pages += 1;
                for text in readable(&page.text) {
                    candidates.push((text, format!("{email} {path}")));
                }
            }
        }
        assert!(pages > 100, "pages were read ({pages})");
        let content = Content::new(content(&app).await);
        let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut judged: std::collections::HashMap<&str, Vec<String>> = std::collections::HashMap::new();
        for (text, page) in &candidates {
            for leak in judged.entry(text.as_str()).or_insert_with(|| leaks(text, &content)).iter() {
                found.entry(leak.clone()).or_default().insert(page.clone());
            }
        }
        let report: Vec<String> = found
            .iter()
            .map(|(leak, seen)| format!("{leak:?} on {} (e.g. {})", seen.len(), seen.iter().next().unwrap()))
            .collect();
        assert!(report.is_empty(), "{} strings did not come from the catalogue:\n{}", report.len(), report.join("\n"));
    })
    .await;
}

#[test]
fn the_guard_sees_an_english_word_and_lets_content_and_codes_through() {
    let content = Content::new(["Maison Lumière", "Shenzhen Bright Trading Co., Ltd"].map(String::from).into());
    let page = r#"<html><head><title>Ƥȧȧɠḗḗ · Touchstone</title><script>var english = "words";</script></head>
        <body><h1>Ƈȧȧşḗḗ FR-2026-000001</h1><p>Ǿƥḗḗƞ Maison Lumière &amp; <b>Save changes</b></p>
        <input type="submit" value="Send"><img alt="Ŀǿǿɠǿǿ" src="x.png"><pre>curl -H "Authorization"</pre>
        <p>Shenzhen Bright Trading Co., Ltd.</p><span title="Close">×</span></body></html>"#;
    let leaked: Vec<String> = readable(page).iter().flat_map(|t| leaks(t, &content)).collect();
    assert_eq!(leaked, vec!["Save changes", "Send", "Close"]);
}

#[tokio::test]
async fn a_deadline_is_shown_on_the_readers_clock_and_on_the_offices() {
    use touchstone::domain::types::Language;
    use touchstone::i18n::{time, Tr};
    on_every_backend(|app| async move {
        let ids = scene(&app).await;
        let case = ids["case"];
        let mut lumiere = Browser::new(&app);
        lumiere.sign_in("brand@lumiere.demo", PASSWORD).await;
        let r = lumiere
            .submit("/account", "/account/language", &[("language", "en"), ("time_zone", "America/New_York")])
            .await;
        assert_eq!(r.location(), "/account?done=language", "{}", r.text);
        let token = app.token_for("brand@lumiere.demo").await;
        let api = app.get(&format!("/api/v1/cases/{case}"), &token).await.json();
        assert_eq!(api["office_time_zone"], "Europe/Paris");
        let due = api["obligations"].as_array().unwrap().iter().find_map(|o| o["due_at"].as_str()).unwrap().to_string();
        let page = lumiere.get(&format!("/cases/{case}")).await.text;
        let new_york = Tr::with_zone(Language::En, time::zone("America/New_York").unwrap());
        let expected = new_york.f(
            "cases.due_office",
            &[("date", &new_york.when(&due)), ("office", &new_york.when_in(&due, time::zone("Europe/Paris").unwrap()))],
        );
        assert!(expected.contains(" E") && expected.contains(" CE"), "New York's and Paris's zones named: {expected}");
        assert!(page.contains(&expected), "the deadline on both clocks ({expected}): {page}");
        // A reader on the office's clock sees it once.
        let mut officer = Browser::new(&app);
        officer.sign_in("officer@douane.demo", PASSWORD).await;
        let page = officer.get(&format!("/cases/{case}")).await.text;
        let paris = Tr::with_zone(Language::Fr, time::zone("Europe/Paris").unwrap());
        assert!(page.contains(&paris.when(&due)) && !page.contains(" au bureau)"), "{page}");
    })
    .await;
}
