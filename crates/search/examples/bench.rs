//! Search latency on a synthetic catalog shaped like the demo one (brand names from syllables,
//! three products per category, names in English and French, GTINs):
//! `cargo run --release -p search --example bench -- [brands] [products_per_brand]`.

use std::time::Instant;

use search::{CatalogDoc, DocKind, SearchIndex, SearchQuery};

const FIRST: &[&str] = &[
    "Vel", "Kast", "Lum", "Nord", "Aur", "Sol", "Mar", "Bel", "Cor", "Dal", "Eri", "Fal", "Gor", "Hal", "Iv", "Jor",
    "Kel", "Lor", "Mon", "Nev",
];
const SECOND: &[&str] = &["oria", "enbrück", "ière", "werk", "ora", "ano", "ella", "ton", "ix", "ura"];
const ITEMS: &[(&str, &str)] = &[
    ("Signature tote", "Cabas signature"),
    ("Brake pad set", "Jeu de plaquettes de frein"),
    ("Face cream 30 ml", "Crème visage 30 ml"),
];

fn brand_name(i: usize) -> String {
    let n = format!("{}{}", FIRST[i % 20], SECOND[(i / 20) % 10]);
    if i >= 200 {
        format!("{n} Maison {}", i / 200)
    } else {
        n
    }
}

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (brands, per_brand) = (args.first().copied().unwrap_or(400), args.get(1).copied().unwrap_or(250));
    let index = SearchIndex::in_ram();
    let started = Instant::now();
    for b in 0..brands {
        let name = brand_name(b);
        index
            .upsert(&CatalogDoc {
                kind: DocKind::Brand,
                brand_id: b as i64,
                product_id: None,
                title: name.clone(),
                title_language: None,
                brand_name: name.clone(),
                brand_aliases: vec![name.to_uppercase()],
                names: vec![],
                descriptions: vec![],
                categories: vec!["luxury".into()],
                codes: vec![],
                gs1_prefixes: vec![format!("2{b:06}")],
                hs_code: None,
                countries: vec![],
                picture: None,
            })
            .unwrap();
        for p in 0..per_brand {
            let (en, fr) = ITEMS[p % ITEMS.len()];
            index
                .upsert(&CatalogDoc {
                    kind: DocKind::Product,
                    brand_id: b as i64,
                    product_id: Some((b * per_brand + p) as i64),
                    title: format!("{name} {en} {p}"),
                    title_language: Some("en".into()),
                    brand_name: name.clone(),
                    brand_aliases: vec![],
                    names: vec![("en".into(), format!("{name} {en} {p}")), ("fr".into(), format!("{name} — {fr} {p}"))],
                    descriptions: vec![("en".into(), format!("{en} by {name}, sold with a serialised tamper seal."))],
                    categories: vec!["handbags".into(), "luxury".into()],
                    codes: vec![format!("2{b:06}{p:05}0")],
                    gs1_prefixes: vec![format!("2{b:06}")],
                    hs_code: Some("420221".into()),
                    countries: vec![],
                    picture: None,
                })
                .unwrap();
        }
    }
    index.commit(None).unwrap();
    let docs = index.num_docs();
    println!("indexed {docs} documents in {:.1} s", started.elapsed().as_secs_f64());
    for text in [
        "Kastenbrück",
        "kastenbruk",
        "lumiere face cream",
        "2000021000070",
        "plaquettes frein",
        "Nordwerk Maison 1 tote",
    ] {
        let mut times: Vec<f64> = (0..200)
            .map(|_| {
                let t = Instant::now();
                let hits = index.search(&SearchQuery { text: text.into(), limit: 20, ..Default::default() }).unwrap();
                assert!(!hits.is_empty(), "{text}");
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("{text:<24} p50 {:6.2} ms  p99 {:6.2} ms", times[100], times[197]);
    }
}
