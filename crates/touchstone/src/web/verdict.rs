//! The verdict on a serialised code as the officer reads it, on the product card and beside a
//! code on the Identify page: a heading, what it means (as evidence, not a legal finding), when
//! it was checked and against what.

use crate::domain::verify::seal::CardCheck;
use crate::domain::verify::{UnverifiedReason, Verdict, Verification};
use crate::i18n::{Arg, Tr};

/// One verdict, in the reader's language.
pub(super) struct VerdictView {
    /// `ok`, `warn` or `none`: how the box is drawn (never green for anything but registered).
    pub(super) tone: &'static str,
    pub(super) heading: String,
    pub(super) explain: String,
    /// Why nothing could be verified, for `could_not_verify`.
    pub(super) reason: Option<String>,
    /// "Checked at …, against …", or nothing when nothing was checked.
    pub(super) checked: Option<String>,
}

/// The catalogue keys of a verdict's heading and explanation (`verify.heading_<verdict>`).
pub(super) fn heading_key(verdict: Verdict) -> String {
    format!("verify.heading_{}", verdict.as_str())
}

fn tone(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::RegisteredActive => "ok",
        Verdict::NotSerialised | Verdict::CouldNotVerify => "none",
        _ => "warn",
    }
}

impl VerdictView {
    pub(super) fn of(tr: &Tr, v: &Verification) -> VerdictView {
        let explain = match v.verdict {
            Verdict::BatchOrExpiryMismatch => {
                let (batch, expiry) =
                    (v.mismatched.iter().any(|m| m == "batch"), v.mismatched.iter().any(|m| m == "expiry"));
                let key = match (batch, expiry) {
                    (true, false) => "verify.explain_mismatch_batch",
                    (false, true) => "verify.explain_mismatch_expiry",
                    _ => "verify.explain_mismatch_both",
                };
                tr.t(key).to_string()
            }
            Verdict::PossibleClone => tr.fmt(
                "verify.explain_possible_clone",
                &[
                    ("scans", Arg::from(v.scans_in_window)),
                    ("countries", Arg::from(v.countries_in_window)),
                    ("hours", Arg::from(i64::from(v.window_hours))),
                    ("last", Arg::from(tr.when_ms(v.previous_ms.unwrap_or(v.checked_ms)).as_str())),
                ],
            ),
            verdict => tr.t(&format!("verify.explain_{}", verdict.as_str())).to_string(),
        };
        let reason = v.reason.map(|r: UnverifiedReason| tr.t(&format!("verify.reason_{}", r.as_str())).to_string());
        let source = if v.connected { "verify.checked_service" } else { "verify.checked_registry" };
        VerdictView {
            tone: tone(v.verdict),
            heading: tr.t(&heading_key(v.verdict)).to_string(),
            explain,
            reason,
            checked: Some(tr.f(source, &[("when", &tr.when_ms(v.checked_ms))])),
        }
    }

    pub(super) fn on_card(tr: &Tr, check: &CardCheck) -> VerdictView {
        match check {
            CardCheck::Checked(v) => VerdictView::of(tr, v),
            CardCheck::NotChecked => VerdictView {
                tone: "none",
                heading: tr.t("verify.heading_not_checked").to_string(),
                explain: tr.t("verify.explain_not_checked").to_string(),
                reason: None,
                checked: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::types::Language;

    #[test]
    fn every_verdict_and_reason_is_worded_in_every_language() {
        for &lang in Language::OFFERED {
            let tr = Tr::new(lang);
            let mut keys: Vec<String> = vec![
                "verify.heading_not_checked".into(),
                "verify.explain_not_checked".into(),
                "verify.explain_mismatch_batch".into(),
                "verify.explain_mismatch_expiry".into(),
                "verify.explain_mismatch_both".into(),
            ];
            for v in Verdict::ALL {
                keys.push(heading_key(*v));
                if *v != Verdict::BatchOrExpiryMismatch {
                    keys.push(format!("verify.explain_{}", v.as_str()));
                }
            }
            keys.extend(UnverifiedReason::ALL.iter().map(|r| format!("verify.reason_{}", r.as_str())));
            for key in keys {
                assert!(tr.lookup(&key).is_some(), "{lang:?} lacks {key}");
            }
            let clone = tr.fmt(
                "verify.explain_possible_clone",
                &[
                    ("scans", Arg::from(2)),
                    ("countries", Arg::from(2)),
                    ("hours", Arg::from(24)),
                    ("last", Arg::from("x")),
                ],
            );
            assert!(!clone.contains("verify.") && clone.contains('2'), "{lang:?}: {clone}");
        }
    }
}
