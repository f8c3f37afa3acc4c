//! Check digit arithmetic shared by all GS1 keys: the mod-10 digit used by
//! GTIN, GLN, SSCC, GRAI, GSRN… and the alphanumeric check character pair
//! used by GMN (AI 8013).

/// Computes the GS1 mod-10 check digit for `digits` (the key *without* its
/// check digit). Returns `None` if `digits` contains anything but ASCII digits.
///
/// Weights alternate 3, 1, 3, … starting from the rightmost digit, which is
/// what makes the same routine work for every key length.
///
/// ```
/// assert_eq!(gs1::check_digit_mod10("0952012345678"), Some(8));
/// ```
pub fn check_digit_mod10(digits: &str) -> Option<u8> {
    let mut sum: u32 = 0;
    for (i, b) in digits.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        let d = u32::from(b - b'0');
        sum += if i % 2 == 0 { d * 3 } else { d };
    }
    // The result is always < 10, so the narrowing cannot lose information.
    Some(((10 - sum % 10) % 10) as u8)
}

/// Checks a complete key (payload followed by its check digit).
/// `Err((expected, found))` on mismatch; `None` inside means non-digit data.
pub(crate) fn verify_mod10(key: &str) -> Result<(), Option<(char, char)>> {
    let Some((payload, last)) = key.len().checked_sub(1).map(|n| key.split_at(n)) else {
        return Err(None);
    };
    let expected = check_digit_mod10(payload).ok_or(None)?;
    let found = last.chars().next().ok_or(None)?;
    let expected = char::from(b'0' + expected);
    if expected == found {
        Ok(())
    } else {
        Err(Some((expected, found)))
    }
}

/// GS1 AI encodable character set 82, in the order that gives each character
/// its value for the check character pair.
pub(crate) const CSET82: &str = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

const CSET32: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const PRIMES: [u32; 97] = [
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109,
    113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239,
    241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337, 347, 349, 353, 359, 367, 373, 379,
    383, 389, 397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509,
];

/// Computes the two-character GS1 check character pair for `data` (without
/// the pair). `None` if a character is outside CSET 82 or `data` is longer
/// than 97 characters (no AI value is).
///
/// ```
/// assert_eq!(gs1::check_pair_alpha("1987654Ad4X4bL5ttr2310c").as_deref(), Some("2K"));
/// ```
pub fn check_pair_alpha(data: &str) -> Option<String> {
    if data.len() > PRIMES.len() {
        return None;
    }
    let mut sum: u32 = 0;
    // Weights are primes increasing from the rightmost character leftwards.
    for (c, p) in data.chars().rev().zip(PRIMES.iter()) {
        let v = CSET82.find(c)?;
        sum += u32::try_from(v).ok()? * p;
    }
    sum %= 1021;
    let hi = CSET32[(sum >> 5) as usize];
    let lo = CSET32[(sum & 31) as usize];
    Some([char::from(hi), char::from(lo)].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gtin13_check_digit_matches_the_printed_one() {
        assert_eq!(check_digit_mod10("400638133393"), Some(1));
    }

    #[test]
    fn sscc_check_digit_matches_the_general_specifications_example() {
        assert_eq!(check_digit_mod10("10614141123456789"), Some(7));
    }

    #[test]
    fn gln_check_digit_is_computed_the_same_way() {
        assert_eq!(check_digit_mod10("952012345678"), Some(8));
    }

    #[test]
    fn non_digits_have_no_check_digit() {
        assert_eq!(check_digit_mod10("12a4"), None);
    }

    #[test]
    fn verify_reports_expected_and_found_digits() {
        assert_eq!(verify_mod10("09520123456783"), Err(Some(('8', '3'))));
        assert_eq!(verify_mod10("09520123456788"), Ok(()));
        assert_eq!(verify_mod10(""), Err(None));
    }

    #[test]
    fn alphanumeric_check_pair_matches_reference_examples() {
        for full in ["1987654Ad4X4bL5ttr2310c2K", "12345_abcdefghijklmN3", "00000!HV", "22"] {
            let (data, pair) = full.split_at(full.len() - 2);
            assert_eq!(check_pair_alpha(data).as_deref(), Some(pair), "{full}");
        }
    }

    #[test]
    fn alphanumeric_check_pair_rejects_characters_outside_cset82() {
        assert_eq!(check_pair_alpha("12 4"), None);
    }
}
