//! Coordination at scale: with 1,000,000 active targets and 100,000 planned actions stored,
//! how long registering and checking 1,000 new targets takes, and the latency of one
//! planned-action overlap check.
//!
//! `cargo run --release -p touchstone --example bench_coordination [DATABASE_URL]`
//! (a fresh SQLite file in a temporary directory by default; a PostgreSQL URL works too, on an
//! empty database).

use std::time::Instant;

use touchstone::domain::coordination::{self, MatchKey, NewTarget, OperationInput, TargetKind};
use touchstone::domain::policy::Principal;
use touchstone::store::coordination::TargetInsert;
use touchstone::store::Db;

const TARGETS: usize = 1_000_000;
const EVENTS: usize = 100_000;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let url = std::env::args()
        .nth(1)
        .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", dir.path().join("bench.db").display()));
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    touchstone::demo::seed(&db).await?;
    let key = MatchKey::new(b"benchmark coordination key, 32 bytes or more");
    let police = touchstone::store::directory::find_organisation_by_name(db.reader(), "Police nationale (démo)")
        .await?
        .expect("demo police");
    let customs = touchstone::store::directory::find_organisation_by_name(db.reader(), "Douane française (démo)")
        .await?
        .expect("demo customs");
    let as_org = |org_id, kind| Principal {
        org_id,
        org_kind: kind,
        user_id: 1,
        role: touchstone::domain::types::Role::Coordinator,
        ..Principal::console()
    };
    let police_p = as_org(police.id, touchstone::domain::types::OrgKind::Police);
    let customs_p = as_org(customs.id, touchstone::domain::types::OrgKind::Customs);
    let today = time::OffsetDateTime::now_utc().date();
    let op = |name: &str| OperationInput {
        name: name.into(),
        kind: "investigation".into(),
        status: coordination::OperationStatus::Active,
        starts_on: today.to_string(),
        ends_on: (today + time::Duration::days(365)).to_string(),
        contact: coordination::PointOfContact { name: "Bench".into(), phone: Some("+33123456789".into()), email: None },
        confidentiality: coordination::ConfidentialityLevel::Restricted,
        tell_detaining_officer: false,
        version: None,
    };
    let police_op = coordination::create_operation(&db, &police_p, op("bench police")).await?.id;
    let customs_op = coordination::create_operation(&db, &customs_p, op("bench customs")).await?.id;

    // Stored state: 1,000,000 police targets and 100,000 planned actions around France.
    let started = Instant::now();
    let mut rng = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for chunk in 0..TARGETS / 10_000 {
        let labels: Vec<String> = (0..10_000).map(|i| format!("Company {}", chunk * 10_000 + i)).collect();
        let keys: Vec<String> = labels.iter().map(|l| key.company_key(l)).collect();
        let rows: Vec<TargetInsert> = labels
            .iter()
            .zip(&keys)
            .map(|(label, mk)| TargetInsert { kind: "company", label, detail: "{}", match_key: mk })
            .collect();
        let mut tx = db.begin().await?;
        let ids = touchstone::store::coordination::insert_targets(&mut tx, police_op, police.id, &rows, 0).await?;
        // Matching reads each target's keyed forms, as `add_targets` writes them.
        let forms: Vec<(i64, String, &str)> = ids
            .iter()
            .zip(&labels)
            .flat_map(|(id, label)| {
                key.forms(TargetKind::Company, label, "").into_iter().map(move |(rule, digest)| (*id, digest, rule))
            })
            .collect();
        touchstone::store::coordination::insert_target_keys(&mut tx, &forms).await?;
        tx.commit().await?;
    }
    let now = touchstone::domain::now_ms();
    for chunk in 0..EVENTS / 10_000 {
        let mut tx = db.begin().await?;
        for _ in 0..10_000 {
            let lat = 42.0 + (next() % 9_000) as f64 / 1000.0;
            let lon = -4.0 + (next() % 12_000) as f64 / 1000.0;
            let start = now + (next() % (180 * 86_400_000)) as i64;
            touchstone::store::coordination::insert_event(
                &mut tx,
                police_op,
                police.id,
                "search",
                lat,
                lon,
                200.0,
                start,
                start + 4 * 3_600_000,
                "",
                0,
            )
            .await?;
        }
        tx.commit().await?;
        let _ = chunk;
    }
    println!("stored {TARGETS} targets and {EVENTS} planned actions in {:.1} s", started.elapsed().as_secs_f64());

    // 1,000 new targets, one in ten naming a stored company: registered and checked in one call.
    let batch: Vec<NewTarget> = (0..1000)
        .map(|i| NewTarget {
            kind: TargetKind::Company,
            value: if i % 10 == 0 { format!("Company {}", i * 997) } else { format!("New Company {i}") },
            country: None,
            registration_number: None,
            date_of_birth: None,
        })
        .collect();
    let t = Instant::now();
    let added = coordination::add_targets(&db, &key, &customs_p, customs_op, batch).await?;
    println!(
        "1,000 new targets registered and checked in {:.0} ms ({} hits)",
        t.elapsed().as_secs_f64() * 1000.0,
        added.hits
    );

    // Overlap checks at random places and times.
    let mut latencies = Vec::with_capacity(2000);
    for _ in 0..2000 {
        let lat = 42.0 + (next() % 9_000) as f64 / 1000.0;
        let lon = -4.0 + (next() % 12_000) as f64 / 1000.0;
        let start = now + (next() % (180 * 86_400_000)) as i64;
        let t = Instant::now();
        let found = coordination::overlapping(&db, customs.id, lat, lon, 500.0, start, start + 4 * 3_600_000).await?;
        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(found);
    }
    latencies.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    println!(
        "overlap check over {EVENTS} planned actions: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        p(0.5),
        p(0.99),
        p(1.0)
    );
    db.close().await;
    Ok(())
}
