//! Words and numbers, with spans and stem keys.

use parallax_model::Span;

use super::analyze::Analyzer;

/// One word or number of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it stands, relative to the text it was found in.
    pub span: Span,
    /// Word or number.
    pub kind: TokenKind,
    /// The stable key of its stem (see [`super::stem_key`]): equal keys mean the same word up
    /// to inflection, case, quote style and regular spelling variants.
    pub key: u64,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, maybe with digits, inner apostrophes, hyphens or acronym dots.
    Word,
    /// Digits, maybe with decimal points and thousands separators.
    Number,
}

/// The tokens of `text`, in order. For many texts, reuse one [`Analyzer`] instead: it keeps a
/// cache of stems.
///
/// ```
/// use parallax_engine::text::{tokenize, TokenKind};
/// let text = "The U.K.'s co-ordination cost £20,000.";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| &text[t.span.range()]).collect();
/// assert_eq!(words, ["The", "U.K.'s", "co-ordination", "cost", "20,000"]);
/// assert_eq!(tokenize(text)[4].kind, TokenKind::Number);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut analyzer = Analyzer::new();
    let mut out = Vec::new();
    analyzer.tokenize_into(text, 0, &mut out);
    out
}

/// Byte ranges and kinds of the tokens of `text`, before stemming.
pub(crate) fn scan(text: &str, mut emit: impl FnMut(usize, usize, TokenKind)) {
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut all_digits = c.is_ascii_digit();
        // Letters of the current run, to tell an acronym ("U.S") from a sentence end.
        let mut run_letters = usize::from(c.is_alphabetic());
        let mut acronym = true;
        while let Some(&(i, d)) = chars.peek() {
            if d.is_alphanumeric() {
                all_digits &= d.is_ascii_digit();
                run_letters += usize::from(d.is_alphabetic());
                end = i + d.len_utf8();
                chars.next();
                continue;
            }
            let next = text[i + d.len_utf8()..].chars().next();
            let joins = match (d, next) {
                ('\'' | '’', Some(n)) => n.is_alphabetic() && !all_digits,
                ('-' | '‐' | '‑', Some(n)) => n.is_alphanumeric(),
                ('.' | ',', Some(n)) if all_digits => n.is_ascii_digit(),
                ('.', Some(n)) => n.is_alphabetic() && run_letters == 1 && acronym,
                _ => false,
            };
            if !joins {
                // Keep the final dot of an acronym such as "U.K." in the token.
                if d == '.' && acronym && run_letters == 1 && end - start > 1 && !all_digits {
                    end = i + 1;
                    // And its possessive: "the U.K.'s".
                    let rest = &text[end..];
                    for mark in ["'s", "’s"] {
                        let after = rest.get(mark.len()..).and_then(|r| r.chars().next());
                        if rest.starts_with(mark) && !after.is_some_and(char::is_alphanumeric) {
                            end += mark.len();
                        }
                    }
                    while chars.peek().is_some_and(|&(j, _)| j < end) {
                        chars.next();
                    }
                }
                break;
            }
            if d != '.' {
                acronym = false;
            }
            run_letters = 0;
            chars.next();
            if let Some((j, n)) = chars.next() {
                all_digits &= n.is_ascii_digit() || d == '.' || d == ',';
                run_letters += usize::from(n.is_alphabetic());
                end = j + n.len_utf8();
            }
        }
        debug_assert!(end <= bytes.len());
        let kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
        emit(start, end, kind);
    }
}

/// Whether a word ends in a possessive "'s", straight or curly ("Starmer's", "Halvik’s").
pub(crate) fn is_possessive_form(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// A word without its possessive "'s" ("Starmer's" → "Starmer"); other words as they are.
pub(crate) fn without_possessive(word: &str) -> &str {
    word.trim_end_matches("’s").trim_end_matches("'s")
}

/// The number of an age written as one word ("38-year-old" → "38", "three-year-old" →
/// "three", as in "the 22-year-old"); not the bare suffix.
pub(crate) fn age_number(word: &str) -> Option<&str> {
    word.strip_suffix("-year-old").filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::{TokenKind, is_possessive_form, tokenize, without_possessive};

    #[track_caller]
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<String> = tokenize(text)
            .iter()
            .map(|t| {
                let w = &text[t.span.range()];
                if t.kind == TokenKind::Number { format!("#{w}") } else { w.to_string() }
            })
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn words_numbers_and_joiners() {
        check("Mr Trump’s plans", &["Mr", "Trump’s", "plans"]);
        assert!(is_possessive_form("Halvik’s") && !is_possessive_form("Halvik"));
        assert_eq!(without_possessive("Starmer's"), "Starmer");
        check("a 20-year-old's view", &["a", "20-year-old's", "view"]);
        check("rose 3.5% to 20,000.", &["rose", "#3.5", "to", "#20,000"]);
        check("in the U.S. and U.K.", &["in", "the", "U.S.", "and", "U.K."]);
        check("the leaders' talks", &["the", "leaders", "talks"]);
        check("2014–2022", &["#2014", "#2022"]);
        check("end. Next", &["end", "Next"]);
        check("G8 summit", &["G8", "summit"]);
        check("“ready”,", &["ready"]);
        check("Kyiv—Moscow", &["Kyiv", "Moscow"]);
        check("'Article five'", &["Article", "five"]);
        check("", &[]);
    }
}
