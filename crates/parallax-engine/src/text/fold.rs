//! Folding text to its match form, and stems to stable keys.
//!
//! Outlets write the same words differently: curly or straight quotes, en or em dashes,
//! no-break spaces, accents, "co-ordination" or "coordination", "organise" or "organize",
//! "Zelensky" or "Zelenskyy". Comparisons between documents go through the forms made here,
//! never through the raw text, so those differences do not hide a match.

use std::borrow::Cow;

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
use xxhash_rust::xxh3::xxh3_64;

use super::chars::{is_closing_quote, is_dash, is_opening_quote, is_space};

/// The match form of `s`: lowercase, quotes straight (`"` and `'`), dashes `-`, every space a
/// plain space, `…` as `...`, accents removed. Returns `s` unchanged when nothing differs.
///
/// ```
/// use parallax_engine::text::fold;
/// assert_eq!(fold("Zelensky’s “Peace” – Café"), "zelensky's \"peace\" - cafe");
/// assert_eq!(fold("plain"), "plain");
/// ```
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'\t' && b != b'\n' && b != b'\r') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    Cow::Owned(out)
}

/// Appends the match form of `s` to `out` (see [`fold`]).
pub(crate) fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(if is_space(c) { ' ' } else { c.to_ascii_lowercase() });
        } else if is_opening_quote(c) || is_closing_quote(c) {
            out.push(if matches!(c, '“' | '”' | '„' | '‟' | '«' | '»') { '"' } else { '\'' });
        } else if is_dash(c) {
            out.push('-');
        } else if is_space(c) {
            out.push(' ');
        } else if c == '…' {
            out.push_str("...");
        } else {
            for d in c.nfkd().filter(|d| !is_combining_mark(*d)) {
                out.extend(d.to_lowercase());
            }
        }
    }
}

/// The stable 64-bit key of a word's stem: equal for inflections ("talks", "talked") and for
/// spelling variants ("co-ordination", "coordination"; "organised", "organized";
/// "Zelenskyy", "Zelensky"), and the same on every run and machine.
///
/// `word` is a single token as [`super::tokenize`] found it.
///
/// ```
/// use parallax_engine::text::stem_key;
/// assert_eq!(stem_key("co-ordination"), stem_key("Coordination"));
/// assert_eq!(stem_key("organised"), stem_key("organizes"));
/// assert_eq!(stem_key("Zelenskyy"), stem_key("Zelensky’s"));
/// assert_ne!(stem_key("talks"), stem_key("walks"));
/// ```
pub fn stem_key(word: &str) -> u64 {
    let mut norm = String::with_capacity(word.len());
    normalize_word(word, &mut norm);
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    key_of_norm(&stemmer, &norm)
}

/// The stable key of a name word: folded, possessive and inner hyphens dropped, spelling
/// variants harmonised (Zelensky / Zelenskyy), not stemmed (names do not inflect), so it costs no
/// stemmer.
///
/// ```
/// use parallax_engine::text::name_key;
/// assert_eq!(name_key("Zelenskyy"), name_key("Zelensky’s"));
/// assert_ne!(name_key("Clinton"), name_key("Clintons"));
/// ```
pub fn name_key(word: &str) -> u64 {
    let mut norm = String::with_capacity(word.len());
    normalize_word(word, &mut norm);
    xxh3_64(harmonise_spelling(&norm).as_bytes())
}

/// Writes the normalised form of one token into `out`: folded, without inner hyphens and
/// dots ("U.K." → "uk"), and without a possessive "'s".
pub(crate) fn normalize_word(word: &str, out: &mut String) {
    out.clear();
    fold_into(word, out);
    out.retain(|c| c != '-' && c != '.');
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    }
    if out.ends_with('\'') {
        out.truncate(out.len() - 1);
    }
}

/// The key of a normalised word: British spellings harmonised, then stemmed, then hashed.
pub(crate) fn key_of_norm(stemmer: &rust_stemmers::Stemmer, norm: &str) -> u64 {
    let spelled = harmonise_spelling(norm);
    let stem = stemmer.stem(&spelled);
    xxh3_64(stem.as_bytes())
}

/// Maps regular British/American and transliteration variants onto one form. The result is
/// only a key: it need not be a real word, only the same for both spellings.
fn harmonise_spelling(w: &str) -> Cow<'_, str> {
    let n = w.len();
    // Zelenskyy / Zelensky, Yanukovychy: a doubled final y only occurs in transliterations.
    if n > 4 && w.ends_with("yy") {
        return Cow::Owned(w[..n - 1].to_string());
    }
    // organise/organize, organisation/organization, realising/realizing.
    for (from, to) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
    ] {
        if n >= from.len() + 3 && w.ends_with(from) {
            return Cow::Owned(format!("{}{to}", &w[..n - from.len()]));
        }
    }
    // colour/color, favourite/favorite, behaviour/behavior.
    for (from, to) in [("ours", "ors"), ("our", "or"), ("ourite", "orite"), ("ourites", "orites")] {
        if n >= from.len() + 3 && w.ends_with(from) {
            return Cow::Owned(format!("{}{to}", &w[..n - from.len()]));
        }
    }
    // centre/center, theatre/theater; not "acre", "genre" (too short or vowel before).
    if n >= 6 && w.ends_with("tre") {
        return Cow::Owned(format!("{}ter", &w[..n - 3]));
    }
    // defence/defense, offence/offense, licence/license.
    // `get`: the two bytes before "ence" may fall inside a wider character ("ßßence").
    if n >= 6 && w.ends_with("ence") && matches!(w.get(n - 6..n - 4), Some("ef" | "ff" | "ic")) {
        return Cow::Owned(format!("{}ense", &w[..n - 4]));
    }
    Cow::Borrowed(w)
}

#[cfg(test)]
mod tests {
    use super::{fold, harmonise_spelling, stem_key};

    #[track_caller]
    fn check_fold(input: &str, expect: &str) {
        assert_eq!(fold(input), expect);
    }

    #[test]
    fn folds_quotes_dashes_spaces_and_accents() {
        check_fold("“Quoted” ‘single’", "\"quoted\" 'single'");
        check_fold("a – b — c", "a - b - c");
        check_fold("no\u{a0}break\tspace", "no break space");
        check_fold("wait…", "wait...");
        check_fold("Élysée Zürich", "elysee zurich");
        check_fold("ﬁnance", "finance");
    }

    #[test]
    fn harmonises_spelling_variants() {
        for (a, b) in [
            ("organise", "organize"),
            ("colour", "color"),
            ("centre", "center"),
            ("defence", "defense"),
            ("zelenskyy", "zelensky"),
        ] {
            assert_eq!(harmonise_spelling(a), harmonise_spelling(b), "{a} / {b}");
        }
        assert_eq!(harmonise_spelling("acre"), "acre");
        assert_eq!(harmonise_spelling("our"), "our");
        assert_eq!(harmonise_spelling("fence"), "fence");
    }

    /// Found by fuzzing: a wide character just before an ending must not be cut in two.
    #[test]
    fn harmonising_keeps_wide_characters_whole() {
        for stem in ["ß", "ßx", "xß", "éé", "日本", "x€"] {
            for ending in ["ence", "tre", "our", "ise", "isation", "yy"] {
                let word = format!("{stem}{ending}");
                let _ = harmonise_spelling(&word);
            }
        }
        assert_eq!(harmonise_spelling("thousßßence"), "thousßßence");
    }

    #[test]
    fn stem_keys_join_inflections_and_variants() {
        assert_eq!(stem_key("talks"), stem_key("talk"));
        assert_eq!(stem_key("U.K."), stem_key("UK"));
        assert_eq!(stem_key("Trump’s"), stem_key("Trump"));
        assert_ne!(stem_key("peace"), stem_key("piece"));
    }
}
