//! Small word-level tests on one line of text, shared by the extraction rules.

use crate::text::{is_closing_quote, is_opening_quote};

/// Words of `s`, split on white space.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// `s` without trailing closing quotes, brackets and white space.
pub(crate) fn strip_closers(s: &str) -> &str {
    s.trim_end_matches(|c: char| is_closing_quote(c) || matches!(c, ')' | ']') || c.is_whitespace())
}

/// Whether `s` ends like a sentence or a lead-in: `.`, `!`, `?`, `…`, `:` or `;`, possibly
/// followed by closing quotes and brackets.
pub(crate) fn ends_punctuated(s: &str) -> bool {
    strip_closers(s).ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Whether `s` ends like a sentence: `.`, `!`, `?` or `…`, possibly followed by closing quotes
/// and brackets.
pub(crate) fn ends_like_a_sentence(s: &str) -> bool {
    strip_closers(s).ends_with(['.', '!', '?', '…'])
}

/// Whether `s` starts like a sentence or a headline: an upper-case letter or a digit,
/// possibly after opening quotes.
pub(crate) fn starts_capitalised(s: &str) -> bool {
    s.trim_start_matches(is_opening_quote)
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// `s` lowercased with its quote marks, dashes and spaces folded, and trimmed of the
/// punctuation that decorates chrome ("Comments:", "Read more »").
pub(crate) fn key(s: &str) -> String {
    let folded = crate::text::fold(s);
    let trimmed = folded.trim_matches(|c: char| !c.is_alphanumeric());
    // White space collapsed in one pass (the trimmed text starts and ends with a character).
    let mut out = String::with_capacity(trimmed.len());
    let mut space = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Whether `word` (lowercase) names a unit of time, singular or plural.
pub(crate) fn is_time_unit(word: &str) -> bool {
    matches!(
        word,
        "sec"
            | "secs"
            | "second"
            | "seconds"
            | "min"
            | "mins"
            | "minute"
            | "minutes"
            | "hr"
            | "hrs"
            | "hour"
            | "hours"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "h"
            | "m"
            | "d"
    )
}

/// Whether `word` (lowercase, without a trailing dot) is a month name or abbreviation.
pub(crate) fn is_month(word: &str) -> bool {
    crate::text::month_number(word).is_some()
}

/// Whether `word` (lowercase, without a trailing dot) is a weekday name or abbreviation.
pub(crate) fn is_weekday(word: &str) -> bool {
    crate::text::weekday(word).is_some()
}
