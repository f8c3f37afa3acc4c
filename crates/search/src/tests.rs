use super::*;

fn brand(id: i64, name: &str, sector: &str) -> CatalogDoc {
    CatalogDoc {
        kind: DocKind::Brand,
        brand_id: id,
        product_id: None,
        title: name.into(),
        title_language: None,
        brand_name: name.into(),
        brand_aliases: vec![name.to_uppercase()],
        names: vec![],
        descriptions: vec![],
        categories: vec![sector.into()],
        codes: vec![],
        gs1_prefixes: vec![format!("2{id:06}")],
        hs_code: None,
        countries: vec![],
        picture: None,
    }
}

fn product(brand_id: i64, brand_name: &str, id: i64, en: &str, fr: &str, category: &str, gtin: &str) -> CatalogDoc {
    CatalogDoc {
        kind: DocKind::Product,
        brand_id,
        product_id: Some(id),
        title: format!("{brand_name} {en}"),
        title_language: Some("en".into()),
        brand_name: brand_name.into(),
        brand_aliases: vec![],
        names: vec![("en".into(), format!("{brand_name} {en}")), ("fr".into(), format!("{brand_name} — {fr}"))],
        descriptions: vec![("en".into(), format!("{en} by {brand_name}, sold with a tamper seal."))],
        categories: vec![category.into(), "luxury".into()],
        codes: vec![gtin.into(), format!("{}-{id:03}", &brand_name[..3].to_uppercase())],
        gs1_prefixes: vec![format!("2{brand_id:06}")],
        hs_code: Some("420221".into()),
        countries: vec![],
        picture: Some(format!("{id:064x}")),
    }
}

/// Three brands with close names and a few products.
fn catalog() -> SearchIndex {
    let index = SearchIndex::in_ram();
    for doc in [
        brand(1, "Kastenbrück", "luxury"),
        brand(2, "Kastenbrück Maison", "luxury"),
        brand(3, "Lumière", "cosmetics"),
        product(1, "Kastenbrück", 10, "Signature tote", "Cabas signature", "handbags", "2000001000017"),
        product(1, "Kastenbrück", 11, "Quilted clutch", "Pochette matelassée", "handbags", "2000001000024"),
        product(2, "Kastenbrück Maison", 20, "Monogram wallet", "Portefeuille monogramme", "wallets", "2000002000016"),
        product(3, "Lumière", 30, "Face cream 30 ml", "Crème visage 30 ml", "perfumes", "2000003000015"),
    ] {
        index.upsert(&doc).unwrap();
    }
    index.commit(Some("42")).unwrap();
    index
}

fn find(index: &SearchIndex, text: &str) -> Vec<Hit> {
    index.search(&SearchQuery { text: text.into(), limit: 10, ..Default::default() }).unwrap()
}

#[test]
fn the_exact_brand_name_comes_first_before_its_products_and_longer_namesakes() {
    let hits = find(&catalog(), "Kastenbrück");
    assert_eq!((hits[0].kind, hits[0].brand_id), (DocKind::Brand, 1), "{hits:#?}");
    assert_eq!((hits[1].kind, hits[1].brand_id), (DocKind::Brand, 2), "{hits:#?}");
    assert!(hits[2..].iter().all(|h| h.kind == DocKind::Product));
}

#[test]
fn misspelt_brand_names_still_find_the_brand_first() {
    let index = catalog();
    for typo in ["Kastenbruk", "kastenbruck", "Kastnebrück", "Lumeire", "lumiere", "LUMIRE"] {
        let hits = find(&index, typo);
        let expected = if typo.to_lowercase().starts_with('k') { 1 } else { 3 };
        assert_eq!((hits[0].kind, hits[0].brand_id), (DocKind::Brand, expected), "{typo}: {hits:#?}");
    }
}

#[test]
fn a_word_too_far_from_every_name_finds_nothing() {
    assert!(find(&catalog(), "Zebulon").is_empty());
}

#[test]
fn words_match_in_any_language_and_inflection() {
    let index = catalog();
    let hits = find(&index, "pochettes matelassées");
    assert_eq!(hits[0].product_id, Some(11), "{hits:#?}");
    let hits = find(&index, "totes");
    assert_eq!(hits[0].product_id, Some(10), "{hits:#?}");
    let hits = find(&index, "creme");
    assert_eq!(hits[0].product_id, Some(30), "{hits:#?}");
}

#[test]
fn codes_find_their_product_or_brand() {
    let index = catalog();
    for code in ["2000001000024", "02000001000024", "KAS-011"] {
        let hits = find(&index, code);
        assert_eq!(hits[0].product_id, Some(11), "{code}: {hits:#?}");
    }
    let hits = find(&index, "2000003");
    assert!(hits.iter().any(|h| h.kind == DocKind::Brand && h.brand_id == 3), "{hits:#?}");
    let hs = find(&index, "4202.21");
    assert_eq!(hs.len(), 4, "{hs:#?}");
    assert_eq!(find(&index, "4202").len(), 4);
}

#[test]
fn filters_keep_only_the_category_or_the_brand() {
    let index = catalog();
    let q = |text: &str, category: Option<&str>, brand_id: Option<i64>| {
        index
            .search(&SearchQuery {
                text: text.into(),
                category: category.map(Into::into),
                brand_id,
                limit: 10,
                country: None,
            })
            .unwrap()
    };
    let handbags = q("kastenbruck", Some("Handbags"), None);
    assert_eq!(handbags.iter().filter_map(|h| h.product_id).collect::<Vec<_>>().len(), 2, "{handbags:#?}");
    assert!(handbags.iter().all(|h| h.category.as_deref() == Some("handbags")));
    let maison = q("kastenbruck", None, Some(2));
    assert!(maison.iter().all(|h| h.brand_id == 2) && maison.len() == 2, "{maison:#?}");
    let listing = q("", Some("cosmetics"), None);
    assert_eq!(listing.len(), 1);
    assert!(q("   ", None, None).is_empty());
}

#[test]
fn replacing_and_deleting_documents_shows_after_the_commit() {
    let index = catalog();
    let mut renamed = product(3, "Lumière", 30, "Night serum", "Sérum de nuit", "perfumes", "2000003000015");
    renamed.title = "Lumière Night serum".into();
    index.upsert(&renamed).unwrap();
    assert_eq!(find(&index, "serum").len(), 0, "not committed yet");
    index.commit(None).unwrap();
    assert_eq!(find(&index, "serum")[0].product_id, Some(30));
    assert!(find(&index, "cream").is_empty(), "the old version is gone");
    index.delete_products_of_brand(1).unwrap();
    index.delete_brand(1).unwrap();
    index.commit(None).unwrap();
    assert!(find(&index, "Kastenbrück").iter().all(|h| h.brand_id == 2));
}

#[test]
fn an_index_on_disk_keeps_its_documents_and_payload_and_a_second_writer_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (index, opened) = SearchIndex::open_in_dir(dir.path()).unwrap();
        assert_eq!(opened, Opened::Created);
        index.upsert(&brand(3, "Lumière", "cosmetics")).unwrap();
        index.commit(Some("{\"high_water\":7}")).unwrap();
        let (other, _) = SearchIndex::open_in_dir(dir.path()).unwrap();
        assert!(matches!(other.lock_for_writing(), Err(SearchError::Locked(_))));
    }
    let (index, opened) = SearchIndex::open_in_dir(dir.path()).unwrap();
    assert_eq!(opened, Opened::Existing { payload: Some("{\"high_water\":7}".into()) });
    assert_eq!(index.num_docs(), 1);
    assert_eq!(find(&index, "lumiere")[0].brand_id, 3);
}

#[test]
fn typo_tolerance_grows_with_the_word() {
    assert_eq!(typo_distance("ab"), 0);
    assert_eq!(typo_distance("lui"), 1);
    assert_eq!(typo_distance("vuiton"), 2);
}

#[test]
fn the_start_of_a_name_finds_it_as_typed_into_a_search_box() {
    let index = catalog();
    index.upsert(&brand(4, "Kastoria", "luxury")).unwrap();
    index.commit(Some("43")).unwrap();
    let hits = find(&index, "Kasto");
    assert!(hits.iter().any(|h| h.title == "Kastoria"), "Kasto: {hits:#?}");
    for start in ["kasten", "Lumi", "LUMIÈ"] {
        let hits = find(&index, start);
        assert!(!hits.is_empty() && hits[0].kind == DocKind::Brand, "{start}: {hits:#?}");
    }
    assert!(find(&index, "Lum").is_empty(), "three letters are too few to stand for a name");
}

#[test]
fn a_product_result_carries_its_names_by_language_for_the_reader_to_choose() {
    let hits = find(&catalog(), "pochette");
    let clutch = hits.iter().find(|h| h.product_id == Some(11)).expect("found by its French name");
    assert_eq!(clutch.title_language.as_deref(), Some("en"));
    let fr = clutch.names.iter().find(|(l, _)| l == "fr").map(|(_, n)| n.as_str());
    assert_eq!(fr, Some("Kastenbrück — Pochette matelassée"));
    let brand = &find(&catalog(), "Lumière")[0];
    assert!(brand.names.is_empty() && brand.title_language.is_none());
}

#[test]
fn a_result_carries_the_picture_its_document_was_given_and_none_otherwise() {
    let hits = find(&catalog(), "pochette");
    let clutch = hits.iter().find(|h| h.product_id == Some(11)).expect("found by its French name");
    assert_eq!(clutch.picture, Some(format!("{:064x}", 11)));
    let brand = &find(&catalog(), "Lumière")[0];
    assert_eq!(brand.picture, None);
}

fn with_countries(mut doc: CatalogDoc, countries: &[&str]) -> CatalogDoc {
    doc.countries = countries.iter().map(|c| c.to_string()).collect();
    doc
}

/// Brand names as alike as the demo catalog's.
fn alike() -> SearchIndex {
    let index = SearchIndex::in_ram();
    for (id, name) in [(1, "Velora"), (2, "Veloria"), (3, "Velura"), (4, "Velano"), (5, "Kelora"), (6, "Velora Maison")]
    {
        index.upsert(&brand(id, name, "luxury")).unwrap();
        index
            .upsert(&product(id, name, 100 + id, "Signature tote", "Cabas signature", "handbags", "2000001000017"))
            .unwrap();
    }
    index.commit(None).unwrap();
    index
}

#[test]
fn among_alike_brands_the_closest_spelling_comes_first() {
    let index = alike();
    for (typed, expected) in [
        ("Veloira", "Veloria"),
        ("Velorq", "Velora"),
        ("Vleora", "Velora"),
        ("Velrua", "Velura"),
        ("Velano", "Velano"),
        ("Velan", "Velano"),
        ("Kelorra", "Kelora"),
        ("Velora Maisn", "Velora Maison"),
        ("Veloraa Maison", "Velora Maison"),
    ] {
        let hits = find(&index, typed);
        assert_eq!((hits[0].kind, hits[0].title.as_str()), (DocKind::Brand, expected), "{typed}: {hits:#?}");
    }
    let hits = find(&index, "Veloria sgnature");
    assert_eq!((hits[0].product_id, hits[0].brand_id), (Some(102), 2), "brand and product word: {hits:#?}");
}

#[test]
fn among_equally_close_brands_those_known_in_the_officers_country_come_first() {
    let index = SearchIndex::in_ram();
    index.upsert(&with_countries(brand(1, "Dalora", "luxury"), &["FR"])).unwrap();
    index.upsert(&with_countries(brand(2, "Dalura", "luxury"), &["GB"])).unwrap();
    index.upsert(&brand(3, "Dalira", "luxury")).unwrap();
    // Known in Spain through a product, not its own document.
    index
        .upsert(&with_countries(product(3, "Dalira", 30, "Tote", "Cabas", "handbags", "2000003000015"), &["ES"]))
        .unwrap();
    index.commit(None).unwrap();
    let first = |country: &str| {
        let q = SearchQuery { text: "Dalra".into(), limit: 10, country: Some(country.into()), ..Default::default() };
        let hits = index.search(&q).unwrap();
        assert_eq!(hits[0].kind, DocKind::Brand, "{hits:#?}");
        hits[0].title.clone()
    };
    assert_eq!(first("GB"), "Dalura");
    assert_eq!(first("fr"), "Dalora");
    assert_eq!(first("ES"), "Dalira");
    // Closeness still comes first: the exact name wins wherever the officer works.
    let q = SearchQuery { text: "Dalora".into(), limit: 10, country: Some("GB".into()), ..Default::default() };
    assert_eq!(index.search(&q).unwrap()[0].title, "Dalora");
}
