//! The verdict carried from the Identify page to the product card.
//!
//! The check is made once, when the code is identified (it is a scan event, and a rights
//! holder's service may be asked): the card the officer then lands on must show that verdict,
//! not check again on every reload (each reload would count as one more scan and, past the
//! limit, make any code a "possible clone"). So Identify puts the verdict in the card's link,
//! sealed with an HMAC under a key derived from the deployment's coordination key and bound to
//! the officer, the product and the code shown. A link made or edited by someone else (sent to
//! an officer to make a fake look "registered and active") fails the seal and shows that the
//! serial was not checked, as does a card opened offline or from a bookmark.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::{message, UnverifiedReason, Verdict, Verification, Verifier};
use crate::domain::format_ms;
use crate::domain::policy::{allows, Action, Principal, Target};

/// The purpose the sealing key is derived for from the coordination key.
pub(super) const KEY_PURPOSE: &str = "verdict links v1";

/// Fields of a seal, then its MAC: `~` is unreserved in URLs and appears in none of them.
const SEP: char = '~';

fn mac(verifier: &Verifier, user_id: i64, product_id: i64, code: &str, payload: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&verifier.seal_key).expect("HMAC takes keys of any length");
    for part in [user_id.to_string().as_str(), product_id.to_string().as_str(), code, payload] {
        mac.update(part.as_bytes());
        mac.update(b"\x1f");
    }
    data_encoding::HEXLOWER.encode(&mac.finalize().into_bytes()[..16])
}

/// The verdict as a link parameter for `principal`'s card of `product_id` reached with `code`
/// (the code exactly as the link carries it).
pub fn seal(verifier: &Verifier, principal: &Principal, product_id: i64, code: &str, v: &Verification) -> String {
    let mismatched = match (v.mismatched.iter().any(|m| m == "batch"), v.mismatched.iter().any(|m| m == "expiry")) {
        (true, true) => "be",
        (true, false) => "b",
        (false, true) => "e",
        (false, false) => "",
    };
    let payload = [
        v.verdict.as_str().to_string(),
        v.scans_in_window.to_string(),
        v.countries_in_window.to_string(),
        v.window_hours.to_string(),
        v.previous_ms.map(|p| p.to_string()).unwrap_or_default(),
        mismatched.to_string(),
        v.checked_ms.to_string(),
        v.reason.map(|r| r.as_str().to_string()).unwrap_or_default(),
        u8::from(v.connected).to_string(),
    ]
    .join(&SEP.to_string());
    let mac = mac(verifier, principal.user_id, product_id, code, &payload);
    format!("{payload}{SEP}{mac}")
}

/// What the card says of the code's serial.
#[derive(Debug, Clone)]
pub enum CardCheck {
    /// The verdict Identify gave.
    Checked(Verification),
    /// The code carries a serial, but the card was not reached through a check (a link from
    /// elsewhere, a bookmark, a card kept offline): nothing was checked this time.
    NotChecked,
}

/// What the card of `product_id`, reached with `code` (as the link carries it) and `sealed`
/// (the link's verdict, if any), says of the serial: nothing for a reader who does not check
/// serials or a code without one.
pub fn on_card(
    verifier: &Verifier,
    principal: &Principal,
    product_id: i64,
    code: &str,
    carries_serial: bool,
    sealed: Option<&str>,
) -> Option<CardCheck> {
    if !carries_serial || !allows(principal, Action::SerialCheck, Target::Platform) {
        return None;
    }
    Some(
        sealed
            .and_then(|s| open(verifier, principal, product_id, code, s))
            .map_or(CardCheck::NotChecked, CardCheck::Checked),
    )
}

fn open(verifier: &Verifier, principal: &Principal, product_id: i64, code: &str, sealed: &str) -> Option<Verification> {
    let (payload, given) = sealed.rsplit_once(SEP)?;
    let expected = mac(verifier, principal.user_id, product_id, code, payload);
    if !bool::from(subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), given.as_bytes())) {
        return None;
    }
    let f: Vec<&str> = payload.split(SEP).collect();
    let [verdict, scans, countries, hours, previous, mismatched, checked, reason, connected] = f.as_slice() else {
        return None;
    };
    let verdict = Verdict::parse(verdict)?;
    let scans: i64 = scans.parse().ok()?;
    let countries: i64 = countries.parse().ok()?;
    let hours: u32 = hours.parse().ok()?;
    let previous_ms: Option<i64> = if previous.is_empty() { None } else { Some(previous.parse().ok()?) };
    let mismatched: Vec<String> = [("b", "batch"), ("e", "expiry")]
        .iter()
        .filter(|(c, _)| mismatched.contains(c))
        .map(|(_, m)| m.to_string())
        .collect();
    let reason = if reason.is_empty() { None } else { Some(UnverifiedReason::parse(reason)?) };
    Some(Verification {
        verdict,
        message: message(verdict, &mismatched, scans, countries as usize, hours, previous_ms),
        mismatched,
        scans_in_window: scans,
        countries_in_window: countries,
        window_hours: hours,
        previous_scan_at: previous_ms.map(format_ms),
        connected: *connected == "1",
        reason,
        previous_ms,
        checked_ms: checked.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::coordination::MatchKey;
    use crate::domain::types::{OrgKind, Role};

    fn officer(user_id: i64) -> Principal {
        Principal {
            user_id,
            org_id: 1,
            org_kind: OrgKind::Customs,
            org_country: "FR".into(),
            role: Role::Officer,
            label: "t".into(),
            grants: Default::default(),
        }
    }

    #[test]
    fn a_sealed_verdict_opens_only_for_its_officer_product_and_code() {
        let verifier =
            Verifier::new(&MatchKey::new(b"0123456789abcdef0123456789abcdef"), Default::default(), false).unwrap();
        let v = Verification {
            verdict: Verdict::PossibleClone,
            message: String::new(),
            mismatched: Vec::new(),
            scans_in_window: 2,
            countries_in_window: 2,
            window_hours: 24,
            previous_scan_at: None,
            connected: false,
            reason: None,
            previous_ms: Some(1_796_983_200_000),
            checked_ms: 1_796_986_800_000,
        };
        let code = "(01)04006381333931(21)ABC";
        let sealed = seal(&verifier, &officer(7), 3, code, &v);
        let Some(CardCheck::Checked(opened)) = on_card(&verifier, &officer(7), 3, code, true, Some(&sealed)) else {
            panic!("the officer's own link opens")
        };
        assert_eq!(
            (opened.verdict, opened.scans_in_window, opened.previous_ms),
            (Verdict::PossibleClone, 2, v.previous_ms)
        );
        for (user, product, code, sealed) in [
            (8, 3, code, sealed.clone()),
            (7, 4, code, sealed.clone()),
            (7, 3, "(01)04006381333931(21)ABD", sealed.clone()),
            (7, 3, code, sealed.replacen("possible_clone", "registered_active", 1)),
        ] {
            assert!(
                matches!(
                    on_card(&verifier, &officer(user), product, code, true, Some(&sealed)),
                    Some(CardCheck::NotChecked)
                ),
                "{user} {product} {code} {sealed}"
            );
        }
        assert!(on_card(&verifier, &officer(7), 3, code, false, Some(&sealed)).is_none(), "no serial, nothing said");
    }
}
