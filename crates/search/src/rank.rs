//! The final order of the results: how close a document's names are to the words typed.
//!
//! Tantivy finds the candidates, but it scores every fuzzy match alike (a constant per
//! clause), so among brands whose names are all within two edits of a misspelt word its order
//! is arbitrary. Here each candidate's names are compared with the query's words again, and
//! the candidates are ordered by, in turn:
//!
//! 1. the edits between the query's words and the nearest words of the names, added up
//!    (optimal string alignment: a transposition counts one, as in tantivy's automata); a word
//!    that only starts a name word comes after every match within the word's typo allowance,
//!    and a word that is in no name (a code, a word of a description) costs the most; among
//!    equal edits, a name the word drops a letter of or swaps two letters of comes before one
//!    it adds or changes a letter of ("veloira" is Veloria swapped before it is Velora with an
//!    extra letter): there are a few ways to drop or swap a letter of a name and some fifty
//!    to add or change one, so the first is the likelier slip;
//! 2. the whole query being a brand's own name or alias, then how many words are whole
//!    words of the names, then how many start one;
//! 3. the brand being known in the officer's country (decided by the caller);
//! 4. tantivy's score, then the shorter title.

use std::cmp::Ordering;

use crate::{typo_distance, MIN_PREFIX_CHARS};

/// How close one document's names are to the query; [`Closeness::cmp`] puts the closer first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Closeness {
    /// Twice the edits, plus one for a word that only starts a name word (so that it comes
    /// after every match within the allowance), and the allowance's double plus two for a
    /// word found in no name.
    cost: u32,
    /// Words whose nearest name word is one added or changed letter away.
    unlikely: u32,
    /// The whole query is the brand's own name or one of its aliases.
    own_name: bool,
    /// Query words that are whole words of the names.
    whole: u32,
    /// Query words that start a longer word of the names.
    prefix: u32,
}

impl Closeness {
    /// `words`: the query's words, folded as names are; `name_words`: the document's name
    /// words, folded; `own_name`: whether the whole query is the brand's own name.
    pub(crate) fn of(words: &[String], name_words: &[&str], own_name: bool) -> Closeness {
        let mut c = Closeness { own_name, ..Closeness::default() };
        for word in words {
            let allowance = u32::from(typo_distance(word));
            let chars = word.chars().count();
            let mut nearest = u32::MAX;
            // Whether the nearest name word needs an added or changed letter (never, once a
            // nearest word needs only a dropped or swapped one).
            let mut unlikely = false;
            let mut starts = false;
            for name in name_words {
                // The distance is at least the difference in length: most words are skipped
                // without computing it.
                let len = name.chars().count();
                if len.abs_diff(chars) as u32 <= allowance && nearest > 0 {
                    let d = strsim::osa_distance(word, name) as u32;
                    let slip = d == 1 && !dropped_or_swapped(word, chars, name, len);
                    if d < nearest || (d == nearest && !slip) {
                        unlikely = slip;
                    }
                    nearest = nearest.min(d);
                }
                starts |= chars >= MIN_PREFIX_CHARS && len > chars && name.starts_with(word.as_str());
            }
            if nearest <= allowance && unlikely {
                c.unlikely += 1;
            }
            if nearest == 0 {
                c.whole += 1;
            }
            if starts {
                c.prefix += 1;
            }
            c.cost += if nearest <= allowance {
                2 * nearest
            } else if starts {
                2 * allowance + 1
            } else {
                2 * allowance + 2
            };
        }
        c
    }

    /// `Less` when `self` is the closer.
    pub(crate) fn cmp(&self, other: &Closeness) -> Ordering {
        self.cost
            .cmp(&other.cost)
            .then(self.unlikely.cmp(&other.unlikely))
            .then(other.own_name.cmp(&self.own_name))
            .then(other.whole.cmp(&self.whole))
            .then(other.prefix.cmp(&self.prefix))
    }
}

/// Whether `word`, one edit from `name`, is `name` with a letter dropped or two letters
/// swapped (rather than one added or changed).
fn dropped_or_swapped(word: &str, word_len: usize, name: &str, name_len: usize) -> bool {
    if name_len == word_len + 1 {
        return true;
    }
    if name_len != word_len {
        return false;
    }
    let (mut a, mut b): (Vec<char>, Vec<char>) = (word.chars().collect(), name.chars().collect());
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closeness(query: &str, names: &str) -> Closeness {
        let words: Vec<String> = query.split_whitespace().map(str::to_owned).collect();
        let names: Vec<&str> = names.split_whitespace().collect();
        Closeness::of(&words, &names, false)
    }

    fn closer(query: &str, a: &str, b: &str) -> bool {
        closeness(query, a).cmp(&closeness(query, b)) == Ordering::Less
    }

    #[test]
    fn fewer_edits_win_and_a_transposition_counts_one() {
        // "veloira": Veloria with two letters swapped (one edit), Velora with an extra letter
        // (one edit), Velura two edits away.
        assert_eq!(closeness("veloira", "veloria").cost, 2);
        assert_eq!(closeness("veloira", "velora").cost, 2);
        assert!(closer("veloira", "veloria", "velora"), "a swap is the likelier slip than an extra letter");
        assert!(closer("velra", "velora", "vela"), "a dropped letter is the likelier slip than an extra one");
        assert!(closer("veloira", "veloria", "velura"));
        assert!(closer("kastenbruk", "kastenbruck", "kastenbrack"));
    }

    #[test]
    fn whole_words_come_before_prefixes_and_prefixes_before_the_unmatched() {
        assert!(closer("kasto", "kastoria", "lumiere"), "a prefix beats no match");
        assert_eq!(closeness("kasto", "kastoria").prefix, 1);
        // Within the allowance, edits count before a prefix: "kasto" is one letter off
        // "kastor" but only starts "kastoria".
        assert!(closer("kasto", "kastor", "kastoria"));
        assert!(closer("velora tote", "velora signature tote", "velora maison"));
    }

    #[test]
    fn the_brands_own_name_breaks_a_tie_of_edits() {
        let words = vec!["kastenbruck".to_string()];
        let own = Closeness::of(&words, &["kastenbruck"], true);
        let namesake = Closeness::of(&words, &["kastenbruck", "maison"], false);
        assert_eq!(own.cmp(&namesake), Ordering::Less);
    }

    #[test]
    fn a_word_in_no_name_costs_alike_in_every_document() {
        assert_eq!(closeness("4202", "velora").cost, closeness("4202", "kastoria").cost);
    }
}
