//! Search quality on the demo catalog, whose 400 brand names are deliberately alike (Velora,
//! Veloria, Velura, Kelora, Velora Maison…): a typo set generated from it, searched as an
//! officer does, and the share of queries whose right brand comes first (top-1) or among the
//! first three results (top-3).
//!
//! Print the figures: `cargo test -p touchstone --test it search_quality -- --nocapture`.

use touchstone::demo_catalog as gen;
use touchstone::domain::normalize::fold_latin;

use touchstone::domain::policy::Principal;
use touchstone::domain::search::SearchParams;

use crate::common::{on_every_backend, TestApp};

/// The demo catalog's size, as `serve --demo` seeds it.
const BRANDS: usize = touchstone::demo::DEMO_BRANDS;
const PRODUCTS_PER_BRAND: usize = touchstone::demo::DEMO_PRODUCTS_PER_BRAND;
/// Typos drawn per brand in each set.
const TYPOS_PER_BRAND: usize = 2;
const SEED: u64 = 15;

/// A deterministic generator (SplitMix64), so that the set is the same on every machine and
/// with every version of the `rand` crate.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `text` with one edit of a letter, drawn in turn: the kind (a letter dropped, added, changed,
/// or swapped with the next), the letter, the new letter. Spaces are never touched (a joined or
/// split word is another kind of slip), and an edit that folds to the same text (a letter
/// changed to itself, `ü` to `u`) is drawn again.
fn one_edit(text: &str, draw: &mut Draw) -> String {
    let chars: Vec<char> = text.chars().collect();
    let letters: Vec<usize> = (0..chars.len()).filter(|&i| chars[i].is_alphabetic()).collect();
    let letter = |draw: &mut Draw| char::from(b'a' + draw.below(26) as u8);
    loop {
        let at = letters[draw.below(letters.len())];
        let mut edited = chars.clone();
        match draw.below(4) {
            0 => {
                edited.remove(at);
            }
            1 => edited.insert(at + draw.below(2), letter(draw)),
            2 => edited[at] = letter(draw),
            _ => {
                if !chars.get(at + 1).is_some_and(|c| c.is_alphabetic()) {
                    continue;
                }
                edited.swap(at, at + 1);
            }
        }
        let edited: String = edited.into_iter().collect();
        if fold_latin(&edited) != fold_latin(text) {
            return edited;
        }
    }
}

/// One query of the set and the brand it means.
struct Typo {
    query: String,
    brand: String,
}

/// The words of a brand's product names that are not the brand's: "Signature", "tote"…
fn product_words(brand: usize) -> Vec<String> {
    let name = gen::brand_name(brand);
    (0..PRODUCTS_PER_BRAND)
        .filter_map(|item| gen::product(brand, item).sheet.names.for_reader("en", "en").map(|v| v.text.to_string()))
        .flat_map(|n| n.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) && !name.contains(w.as_str()))
        .collect()
}

/// The two sets: every brand's name with one edit; and a brand's name and a word of one of
/// its products, each with one edit. A typo that spells another brand's name or alias is
/// drawn again: the right brand of such a query is that other brand.
fn typo_sets() -> (Vec<Typo>, Vec<Typo>) {
    let taken: std::collections::HashSet<String> = (0..BRANDS)
        .flat_map(|i| {
            let b = gen::brand(i, 0).sheet;
            std::iter::once(b.name).chain(b.aliases).map(|n| fold_latin(&n)).collect::<Vec<_>>()
        })
        .collect();
    let mut draw = Draw(SEED);
    let misspell = |name: &str, draw: &mut Draw| loop {
        let typo = one_edit(name, draw);
        if !taken.contains(&fold_latin(&typo)) {
            return typo;
        }
    };
    let (mut brands, mut with_product) = (Vec::new(), Vec::new());
    for i in 0..BRANDS {
        let name = gen::brand_name(i);
        let words = product_words(i);
        for _ in 0..TYPOS_PER_BRAND {
            brands.push(Typo { query: misspell(&name, &mut draw), brand: name.clone() });
            let word = &words[draw.below(words.len())];
            let query = format!("{} {}", misspell(&name, &mut draw), one_edit(word, &mut draw));
            with_product.push(Typo { query, brand: name.clone() });
        }
    }
    (brands, with_product)
}

#[derive(Default)]
struct Accuracy {
    queries: usize,
    top1: usize,
    top3: usize,
    misses: Vec<String>,
}

impl Accuracy {
    fn percent(n: usize, of: usize) -> f64 {
        100.0 * n as f64 / of as f64
    }

    fn line(&self, set: &str) -> String {
        format!(
            "{set}: {} queries, top-1 {:.1} % ({}), top-3 {:.1} % ({})",
            self.queries,
            Self::percent(self.top1, self.queries),
            self.top1,
            Self::percent(self.top3, self.queries),
            self.top3
        )
    }
}

/// Searches each typo as the officer does (the search that the Identify page and
/// `GET /api/v1/search` call, with their default limit; not through the API, whose per-token
/// rate limit these 1,600 queries would reach) and counts where its brand comes.
async fn measure(app: &TestApp, officer: &Principal, set: &[Typo]) -> Accuracy {
    let mut acc = Accuracy::default();
    for t in set {
        let params = SearchParams { q: Some(t.query.clone()), ..SearchParams::default() };
        let found = app.state.search.search(officer, &params).await.expect("search");
        let brands: Vec<&str> = found.hits.iter().map(|h| h.brand_name.as_str()).collect();
        acc.queries += 1;
        match brands.iter().position(|b| *b == t.brand) {
            Some(0) => {
                acc.top1 += 1;
                acc.top3 += 1;
            }
            Some(1 | 2) => acc.top3 += 1,
            _ => {}
        }
        if brands.first() != Some(&t.brand.as_str()) {
            acc.misses.push(format!("{} → {:?} (meant {})", t.query, brands.first(), t.brand));
        }
    }
    acc
}

/// The demo catalog as `demo::seed_catalog` makes it (the same brand and product sheets, the
/// same owners, the same products left in draft), less its pictures, which searching does not
/// read and which would take most of the time.
async fn seed_demo_catalog_without_pictures(app: &TestApp) {
    use touchstone::domain::catalog;
    touchstone::demo::seed_catalog(app.db(), &app.state.media, 0, 0).await.expect("the brand owners");
    let console = Principal::console();
    let mut owners = Vec::new();
    for (name, _) in touchstone::demo::BRAND_OWNERS {
        owners.push(app.org_id(name).await);
    }
    for i in 0..BRANDS {
        let brand = catalog::create_brand(app.db(), &console, gen::brand(i, owners[i % owners.len()])).await.unwrap();
        catalog::publish_brand(app.db(), &console, brand.id).await.unwrap();
        for item in 0..PRODUCTS_PER_BRAND {
            let p = catalog::create_product(app.db(), &console, brand.id, gen::product(i, item)).await.unwrap();
            if i % 25 != 24 {
                catalog::publish_product(app.db(), &console, p.id).await.unwrap();
            }
        }
    }
}

#[test]
fn the_typo_set_is_deterministic_and_each_typo_differs_from_every_brand_name() {
    let (a, b) = typo_sets();
    let (again, _) = typo_sets();
    assert_eq!(a.len(), BRANDS * TYPOS_PER_BRAND);
    assert_eq!(b.len(), BRANDS * TYPOS_PER_BRAND);
    assert!(a.iter().zip(&again).all(|(x, y)| x.query == y.query));
    let names: std::collections::HashSet<String> = (0..BRANDS).map(|i| fold_latin(&gen::brand_name(i))).collect();
    assert!(a
        .iter()
        .all(|t| !names.contains(&fold_latin(&t.query))
            && t.query.chars().count().abs_diff(t.brand.chars().count()) <= 1));
    assert!(b.iter().all(|t| t.query.split_whitespace().count() == t.brand.split_whitespace().count() + 1));
}

#[tokio::test]
async fn a_brand_name_with_one_typo_finds_the_right_brand_first_nine_times_in_ten() {
    on_every_backend(|app| async move {
        let started = std::time::Instant::now();
        seed_demo_catalog_without_pictures(&app).await;
        app.state.search.catch_up(app.db()).await.unwrap();
        // A French customs officer, as in the demo.
        let email = touchstone::domain::types::Email::parse("officer@douane.demo").unwrap();
        let user = touchstone::store::directory::get_user_by_email(app.db().reader(), &email).await.unwrap().unwrap();
        let officer = touchstone::domain::auth::principal_of(&user);
        let (brands, with_product) = typo_sets();
        let seeded = started.elapsed();
        let brands = measure(&app, &officer, &brands).await;
        let with_product = measure(&app, &officer, &with_product).await;
        eprintln!("[{}] seeded in {seeded:.1?}, searched in {:.1?}", app.backend, started.elapsed() - seeded);
        eprintln!("[{}] {}", app.backend, brands.line("brand name, one edit"));
        eprintln!("[{}] {}", app.backend, with_product.line("brand and a product word, one edit each"));
        if std::env::var_os("SEARCH_QUALITY_MISSES").is_some() {
            for m in brands.misses.iter().chain(&with_product.misses) {
                eprintln!("  {m}");
            }
        }
        assert!(
            brands.top1 * 10 >= brands.queries * 9,
            "[{}] {}; first misses: {:#?}",
            app.backend,
            brands.line("brand name"),
            &brands.misses[..brands.misses.len().min(20)]
        );
        assert!(
            with_product.top1 * 10 >= with_product.queries * 9,
            "[{}] {}; first misses: {:#?}",
            app.backend,
            with_product.line("brand and product word"),
            &with_product.misses[..with_product.misses.len().min(20)]
        );
    })
    .await;
}
