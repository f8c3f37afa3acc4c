//! Element string parsing never panics, and whatever parses survives a
//! round trip through both the bracketed and the raw form.

#![no_main]

use gs1::ElementString;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let strict = ElementString::parse(text);
    let lenient = ElementString::parse_lenient(text);
    if let Ok(es) = &strict {
        assert_eq!(lenient.as_ref().ok(), Some(es), "strict parse must imply lenient parse");
    }
    if let Ok(es) = lenient {
        let bracketed = es.to_bracketed();
        let again = ElementString::parse_lenient(&bracketed)
            .unwrap_or_else(|e| panic!("{bracketed:?} from {text:?}: {e}"));
        assert_eq!(again, es, "bracketed round trip of {text:?}");
        let raw = es.to_raw();
        let again = ElementString::parse_lenient(&raw)
            .unwrap_or_else(|e| panic!("{raw:?} from {text:?}: {e}"));
        assert_eq!(again, es, "raw round trip of {text:?}");
        assert_eq!(es.association_errors().is_empty(), strict.is_ok());
    }
});
