//! Text matching as the real-events `ORIGIN.md` defines it: texts are compared after
//! lower-casing and folding curly quotes and dashes; a string is contained when it starts at
//! a word start and, when it ends in a digit, is not followed by another digit.

use std::collections::BTreeSet;

/// Lower-cases `text` and folds curly quotes to straight ones and dashes to a hyphen.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                out.push('\'')
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => {
                out.push('"')
            }
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
            '\u{00A0}' | '\u{202F}' | '\u{2009}' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether the folded `haystack` holds the folded `needle` at a word start, and, when the
/// needle ends in a digit, not followed by another digit. Both must already be folded.
pub(crate) fn contains_folded(haystack: &str, needle: &str) -> bool {
    let needle = needle.trim();
    if needle.is_empty() {
        return false;
    }
    let ends_in_digit = needle.chars().next_back().is_some_and(|c| c.is_ascii_digit());
    let starts_alnum = needle.chars().next().is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(at) = haystack[from..].find(needle) {
        let start = from + at;
        let end = start + needle.len();
        let word_start =
            !starts_alnum || haystack[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let digit_end = !ends_in_digit || haystack[end..].chars().next().is_none_or(|c| !c.is_ascii_digit());
        if word_start && digit_end {
            return true;
        }
        from = start + haystack[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// [`contains_folded`] on texts that are not folded yet.
pub(crate) fn contains(haystack: &str, needle: &str) -> bool {
    contains_folded(&fold(haystack), &fold(needle))
}

/// The distinct words of a folded text: runs of letters and digits.
pub(crate) fn words(folded: &str) -> BTreeSet<&str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

/// Word-overlap F1 of two texts: the harmonic mean of the shares of each one's distinct words
/// found in the other.
pub(crate) fn word_f1(a: &str, b: &str) -> f64 {
    let (fa, fb) = (fold(a), fold(b));
    let (wa, wb) = (words(&fa), words(&fb));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let common = wa.intersection(&wb).count() as f64;
    2.0 * common / (wa.len() + wb.len()) as f64
}

/// The numbers of a folded text: runs of digits with the separators between digits that
/// numbers and times carry (`2,800`, `3.5`, `9:03`).
pub(crate) fn numbers(folded: &str) -> Vec<&str> {
    let bytes = folded.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || (matches!(bytes[i], b',' | b'.' | b':')
                        && i + 1 < bytes.len()
                        && bytes[i + 1].is_ascii_digit()
                        && bytes[i - 1].is_ascii_digit()))
            {
                i += 1;
            }
            out.push(&folded[start..i]);
        } else {
            i += 1;
        }
    }
    out
}

/// The distinct content words of a folded text: words of four or more letters.
pub(crate) fn content_words(folded: &str) -> BTreeSet<&str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{contains, content_words, fold, numbers, word_f1};

    #[test]
    fn contains_follows_the_word_start_and_digit_rules() {
        assert!(contains("The plane Collapsed.", "collaps"));
        assert!(!contains("he was speaking", "king"));
        assert!(!contains("about 250,000 people", "50,000"));
        assert!(contains("about 50,000 people", "50,000"));
        assert!(!contains("in 2024", "202"));
        assert!(contains("“Both crew members” — he said", "\"both crew members\" - he"));
        assert!(contains("at 9:03 a.m.", "9:03"));
        assert!(!contains("", "x"));
        assert!(!contains("abc", ""));
    }

    #[test]
    fn folding_and_words() {
        assert_eq!(fold("Don’t – “X”"), "don't - \"x\"");
        assert_eq!(numbers("at 9:03, 2,800 m and 3.5bn, 179."), vec!["9:03", "2,800", "3.5", "179"]);
        let folded = fold("The crew of 6 were pulled out alive");
        let got: Vec<&str> = content_words(&folded).into_iter().collect();
        assert_eq!(got, vec!["alive", "crew", "pulled", "were"]);
        assert!((word_f1("a b c d", "a b x y") - 0.5).abs() < 1e-9);
        assert_eq!(word_f1("", "a"), 0.0);
    }
}
