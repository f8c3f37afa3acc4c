//! How well company names written differently meet in coordination matching: precision and
//! recall of `normalize::companies_meet` on the labelled pairs of `tests/data/name_variants.csv`
//! (made by `scripts/name-variants.py`; the figures are in docs/BENCHMARKS.md).

use std::collections::BTreeMap;

use touchstone::domain::normalize::companies_meet;

#[test]
fn company_name_variants_meet_with_the_measured_precision_and_recall() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/name_variants.csv");
    let mut reader = csv::Reader::from_path(path).expect("the labelled pairs");
    let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
    let mut by_pattern: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut false_hits = Vec::new();
    let mut missed = Vec::new();
    for row in reader.records() {
        let row = row.unwrap();
        let (a, b, pattern, same) = (&row[0], &row[1], &row[2], &row[3] == "1");
        let met = companies_meet(a, b).is_some();
        assert_eq!(met, companies_meet(b, a).is_some(), "meeting is symmetric: {a} / {b}");
        let entry = by_pattern.entry(pattern.to_string()).or_default();
        entry.1 += 1;
        if met == same {
            entry.0 += 1;
        }
        match (same, met) {
            (true, true) => tp += 1,
            (true, false) => {
                fn_ += 1;
                missed.push(format!("{pattern}: {a} / {b}"));
            }
            (false, true) => {
                fp += 1;
                false_hits.push(format!("{a} / {b}"));
            }
            (false, false) => tn += 1,
        }
    }
    assert!(tp + fn_ >= 250 && fp + tn >= 250, "at least 500 pairs, half true");
    let precision = f64::from(tp) / f64::from(tp + fp);
    let recall = f64::from(tp) / f64::from(tp + fn_);
    println!("pairs: {} true, {} false; tp {tp} fp {fp} fn {fn_} tn {tn}", tp + fn_, fp + tn);
    println!("precision {precision:.3}, recall {recall:.3}");
    for (pattern, (right, all)) in &by_pattern {
        println!("  {pattern}: {right}/{all} right");
    }
    for m in &missed {
        println!("  missed {m}");
    }
    // The goals: precision >= 0.99 and recall >= 0.90.
    assert!(precision >= 0.99, "precision {precision:.3}; false hits: {false_hits:?}");
    assert!(recall >= 0.90, "recall {recall:.3}");
}
