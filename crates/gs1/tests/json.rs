//! The app serialises scan results to JSON; pin the shape it relies on.
#![cfg(feature = "serde")]

use gs1::parse_scan;

#[test]
fn element_string_scan_serialises_with_a_type_tag_and_titles() {
    let json = serde_json::to_value(parse_scan("]d20109520123456788172512311OABC")).unwrap();
    assert_eq!(json["type"], "invalid");
    let json = serde_json::to_value(parse_scan("]d2010952012345678817251231")).unwrap();
    assert_eq!(json["type"], "element_string");
    assert_eq!(json["symbology"], "]d2");
    assert_eq!(json["element_string"]["ais"][1]["ai"], "17");
    assert_eq!(json["element_string"]["ais"][1]["title"], "USE BY or EXPIRY");
    assert_eq!(json["warnings"], serde_json::json!([]));
}

#[test]
fn errors_serialise_with_a_kind_tag() {
    let json = serde_json::to_value(parse_scan("]E04006381333932")).unwrap();
    assert_eq!(json["type"], "invalid");
    assert_eq!(json["error"]["kind"], "gtin_check_digit");
    assert_eq!(json["error"]["expected"], "1");
}

#[test]
fn gtin_and_digital_link_scans_serialise() {
    let json = serde_json::to_value(parse_scan("4006381333931")).unwrap();
    assert_eq!(json["type"], "gtin");
    assert_eq!(json["gtin"]["digits"], "4006381333931");
    assert_eq!(json["symbology"], serde_json::Value::Null);
    let json = serde_json::to_value(parse_scan("https://example.com/01/09520123456788?linkType=all")).unwrap();
    assert_eq!(json["type"], "digital_link");
    assert_eq!(json["digital_link"]["primary_key"]["value"], "09520123456788");
}
