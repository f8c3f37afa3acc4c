//! The sheets' validation and the sections a reader may see.

use super::*;

fn product() -> ProductSheet {
    serde_json::from_value(serde_json::json!({
        "names": {"en": "Lumière tote", "fr": "Cabas Lumière"},
        "gtins": ["4006381333931"],
        "category": "handbags",
        "hs_code": "4202.21",
        "only_sold_in": ["fr", "BE"],
        "guide": [{"side": "genuine", "text": "Stitching is even, 8 stitches per inch", "weight": 4}],
    }))
    .unwrap()
}

#[test]
fn a_valid_product_sheet_is_normalised() {
    let p = product().validated().unwrap();
    assert_eq!(p.hs_code.as_deref(), Some("420221"));
    assert_eq!(p.only_sold_in, vec!["BE", "FR"]);
}

/// Found by the import fuzz targets' "distinct GTINs" property (docs/FUZZING.md).
#[test]
fn a_gtin_given_twice_is_kept_once_whatever_its_length() {
    let mut p = product();
    p.gtins = vec!["4006381333931".into(), "96385074".into(), "4006381333931".into(), "0000096385074".into()];
    let p = p.validated().unwrap();
    assert_eq!(p.gtins, vec!["4006381333931", "96385074"]);
}

#[test]
fn a_wrong_gtin_check_digit_names_the_right_one() {
    let mut p = product();
    p.gtins = vec!["4006381333932".into()];
    let e = p.validated().unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidGtin);
    assert!(e.public_message().contains('1'), "{}", e.public_message());
}

#[test]
fn a_result_shows_the_first_genuine_picture_that_no_confidential_section_holds() {
    let picture = |hash: &str, label| ImageRef { hash: hash.into(), label, caption: Localized::default() };
    let mut p = product();
    p.images = vec![
        picture("box", ImageLabel::Packaging),
        picture("hologram", ImageLabel::SecurityFeature),
        picture("hologram", ImageLabel::Genuine),
        picture("front", ImageLabel::Genuine),
        picture("fake", ImageLabel::Counterfeit),
    ];
    assert_eq!(p.public_picture(), Some("front"), "not the packaging, not a security feature's file");
    p.images.retain(|i| i.label != ImageLabel::Genuine);
    assert_eq!(p.public_picture(), None, "a counterfeit or a packaging is not the genuine product");
}

#[test]
fn hs_codes_must_be_six_digits_in_an_existing_chapter() {
    assert!(parse_hs_code("420221").is_ok());
    assert_eq!(parse_hs_code("4202").unwrap_err().code(), ErrorCode::InvalidHsCode);
    assert_eq!(parse_hs_code("990000").unwrap_err().code(), ErrorCode::UnknownHsCode);
    assert_eq!(parse_hs_code("770000").unwrap_err().code(), ErrorCode::UnknownHsCode);
}

#[test]
fn a_market_cannot_be_both_only_and_never() {
    let mut p = product();
    p.never_sold_in = vec!["FR".into()];
    assert_eq!(p.validated().unwrap_err().code(), ErrorCode::ContradictoryMarkets);
}

#[test]
fn unknown_fields_in_a_sheet_are_refused() {
    let r: Result<ProductSheet, _> =
        serde_json::from_value(serde_json::json!({"names": {"en": "x"}, "category": "c", "colour": "red"}));
    assert!(r.unwrap_err().to_string().contains("colour"));
}

#[test]
fn withholding_removes_only_the_chosen_sections_that_have_content() {
    let mut p = product();
    p.security_features = vec![SecurityFeature { kind: "hologram".into(), how_to_check: "tilt".into() }];
    let withheld = p.withhold(&[Section::SecurityFeatures, Section::Prices]);
    assert_eq!(withheld, vec![Section::SecurityFeatures]);
    assert!(p.security_features.is_empty());
    assert!(!p.guide.is_empty());
}

#[test]
fn withholding_security_features_withholds_their_pictures_and_the_indicators_showing_them() {
    let mut p = product();
    let picture = |hash: &str, label| ImageRef { hash: hash.into(), label, caption: format!("{hash} caption").into() };
    p.images = vec![picture("front", ImageLabel::Genuine), picture("hologram", ImageLabel::SecurityFeature)];
    p.guide = vec![
        Indicator {
            side: IndicatorSide::Genuine,
            text: "Even stitching".into(),
            image: Some("front".into()),
            weight: 3,
        },
        Indicator {
            side: IndicatorSide::Genuine,
            text: "Hologram shifts".into(),
            image: Some("hologram".into()),
            weight: 5,
        },
        Indicator { side: IndicatorSide::Counterfeit, text: "Glue marks".into(), image: None, weight: 2 },
    ];
    let withheld = p.withhold(&[Section::SecurityFeatures]);
    assert_eq!(withheld, vec![Section::SecurityFeatures], "pictures alone make the section withheld");
    assert_eq!(p.images.iter().map(|i| i.hash.as_str()).collect::<Vec<_>>(), ["front"]);
    assert_eq!(
        p.guide.iter().map(|g| g.text.text_for("en", "en")).collect::<Vec<_>>(),
        ["Even stitching", "Glue marks"]
    );
    let text = serde_json::to_string(&p).unwrap();
    assert!(!text.contains("hologram"), "nothing of the section is left: {text}");
}

/// Sheets stored before texts had languages held plain strings.
#[test]
fn a_sheet_written_with_plain_strings_still_loads_and_reads_in_the_fallback_language() {
    let old: ProductSheet = serde_json::from_value(serde_json::json!({
        "names": {"en": "Tote"}, "descriptions": {}, "category": "handbags", "packaging": "Dust bag",
        "images": [{"hash": "a".repeat(64), "label": "genuine", "caption": "Front"}],
        "guide": [{"side": "genuine", "text": "Even stitching", "weight": 4}],
        "security_features": [{"kind": "hologram", "how_to_check": "Tilt it"}],
    }))
    .unwrap();
    let sheet = old.validated().unwrap();
    assert_eq!(sheet.packaging.version("fr", "fr"), Some("Dust bag"), "as written: the fallback's text");
    assert_eq!(sheet.guide[0].text.for_reader("es", "en").map(|v| v.lang), Some("en"));
    assert_eq!(sheet.missing_in("en", "en"), 0);
    assert_eq!(sheet.missing_in("fr", "en"), 6, "name, packaging, caption, indicator, kind, how to check");
    let json = serde_json::to_value(&sheet).unwrap();
    assert_eq!(json["packaging"], "Dust bag", "written back as it was");
    let brand: BrandSheet = serde_json::from_value(serde_json::json!({
        "name": "Lumière", "sector": "luxury",
        "contacts": [{"name": "Desk", "country": "FR", "hours": null}],
    }))
    .unwrap();
    let brand = brand.validated().unwrap();
    assert_eq!(brand.fallback_language, Language::En, "English unless chosen");
    assert!(brand.contacts[0].hours.is_empty());
}

#[test]
fn every_version_of_a_text_is_checked_and_other_languages_are_refused() {
    let mut p = product();
    p.names = Localized::one("en", "Tote").with("fr", "x".repeat(201));
    assert_eq!(p.validated().unwrap_err().field(), Some("names"));
    let mut p = product();
    p.packaging = Localized::one("de", "Staubbeutel");
    assert_eq!(p.validated().unwrap_err().code(), ErrorCode::InvalidLanguage);
    let mut p = product();
    p.names = Localized::new();
    assert_eq!(p.validated().unwrap_err().code(), ErrorCode::Required);
    let mut b: BrandSheet =
        serde_json::from_value(serde_json::json!({"name": "Lumière", "sector": "luxury", "fallback_language": "qps"}))
            .unwrap();
    assert_eq!(b.clone().validated().unwrap_err().field(), Some("fallback_language"));
    b.fallback_language = Language::Fr;
    assert!(b.validated().is_ok());
}
