//! Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP, SHA-1, 6 digits, 30 s), the
//! scheme every authenticator app speaks.

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;

const STEP_SECONDS: i64 = 30;
const DIGITS: u32 = 6;

/// A new random secret (160 bits, as RFC 4226 recommends), base32 without padding.
pub fn generate_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::thread_rng().fill_bytes(&mut bytes);
    data_encoding::BASE32_NOPAD.encode(&bytes)
}

/// The `otpauth://` URI an authenticator app imports.
pub fn provisioning_uri(secret: &str, account: &str, issuer: &str) -> String {
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>().replace('+', "%20");
    format!(
        "otpauth://totp/{}:{}?secret={secret}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        enc(issuer),
        enc(account),
        enc(issuer)
    )
}

/// The code for a given time step.
pub fn code_at(secret: &str, step: i64) -> Option<String> {
    let key = data_encoding::BASE32_NOPAD.decode(secret.as_bytes()).ok()?;
    let mut mac = Hmac::<Sha1>::new_from_slice(&key).ok()?;
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let binary = (u32::from(digest[offset]) & 0x7f) << 24
        | u32::from(digest[offset + 1]) << 16
        | u32::from(digest[offset + 2]) << 8
        | u32::from(digest[offset + 3]);
    Some(format!("{:0width$}", binary % 10u32.pow(DIGITS), width = DIGITS as usize))
}

pub fn step_of(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// Accepts the current code and the one either side of it, to allow for clock drift.
pub fn verify(secret: &str, code: &str, unix_seconds: i64) -> bool {
    matching_step(secret, code, unix_seconds).is_some()
}

/// The time step whose code `code` is (the current one or either side of it), so that the
/// caller can refuse a step already used.
pub fn matching_step(secret: &str, code: &str, unix_seconds: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS as usize {
        return None;
    }
    let step = step_of(unix_seconds);
    (-1..=1).map(|d| step + d).find(|s| {
        code_at(secret, *s).is_some_and(|c| subtle::ConstantTimeEq::ct_eq(c.as_bytes(), code.as_bytes()).into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 vectors (secret "12345678901234567890"), last 6 digits.
    #[test]
    fn codes_match_the_rfc_6238_test_vectors() {
        let secret = data_encoding::BASE32_NOPAD.encode(b"12345678901234567890");
        for (time, code) in [
            (59, "287082"),
            (1111111109, "081804"),
            (1111111111, "050471"),
            (1234567890, "005924"),
            (2000000000, "279037"),
        ] {
            assert_eq!(code_at(&secret, step_of(time)).unwrap(), code, "at {time}");
        }
    }

    #[test]
    fn a_code_from_the_previous_step_is_accepted_but_not_an_older_one() {
        let secret = generate_secret();
        let now = 1_700_000_000;
        assert!(verify(&secret, &code_at(&secret, step_of(now) - 1).unwrap(), now));
        assert!(!verify(&secret, &code_at(&secret, step_of(now) - 3).unwrap(), now));
        assert!(!verify(&secret, "12345", now));
    }
}
