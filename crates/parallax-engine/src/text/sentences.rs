//! Sentence segmentation for news text.
//!
//! A boundary is a run of terminal marks (`.`, `!`, `?`, `…`), then any closing quotes and
//! brackets attached to it, then white space, then the start of a new sentence: optional
//! opening quotes or brackets and an upper-case letter or a digit. A period is not a boundary
//! after a title ("Mr", "Gen", "Sir"), an initial ("J."), or a reference abbreviation followed
//! by a number ("No. 10"); after a dotted acronym ("U.K.") or an abbreviation that can end a
//! sentence ("Inc.", "etc."), it is one only when the next word is a usual sentence opener
//! ("The", "He", "But", ...).
//!
//! Quotations need no special state: a sentence that ends inside a quote keeps its closing
//! mark (`… he said.”`), a quote that spans several sentences is split at each of them, a
//! straight or single closing mark right after a terminal is a closing mark and never an
//! apostrophe, and a quote opened in one paragraph and closed in a later one cannot swallow
//! text, because a blank line is always a boundary. Block-level structure (headlines, bullets)
//! is the caller's: it passes one block at a time.

use parallax_model::Span;

use super::chars::{
    is_closing_bracket, is_closing_quote, is_opening_bracket, is_opening_quote, is_space, is_terminal,
};

/// Titles and abbreviations that are never followed by a sentence boundary.
const NEVER_FINAL: &[&str] = &[
    "Adm", "Ald", "Amb", "Apr", "Assn", "Aug", "Ave", "Brig", "Capt", "Cllr", "Cmdr", "Col", "Comdr", "Cpl",
    "Dec", "Dept", "Det", "Dr", "Feb", "Fr", "Gen", "Gov", "Hon", "Insp", "Jan", "Jul", "Jun", "Lt", "Maj",
    "Messrs", "Mr", "Mrs", "Ms", "Msgr", "Mt", "Nov", "Oct", "Pres", "Prof", "Pte", "Rep", "Rev", "Rt",
    "Sen", "Sep", "Sept", "Sgt", "Sir", "Sr", "St", "Supt", "Vol", "cf", "eg", "ie", "vs", "approx",
];

/// Abbreviations that end a sentence only when a sentence opener follows.
const MAYBE_FINAL: &[&str] =
    &["Bros", "Co", "Corp", "Inc", "Jr", "Ltd", "Plc", "etc", "plc", "am", "pm", "al"];

/// Reference abbreviations that are followed by a number ("No. 10", "Fig. 3").
const NUMBER_SIGNS: &[&str] = &["No", "Nos", "no", "Fig", "fig", "Art", "art", "pp", "p", "Para"];

/// Whether `word` is a reference abbreviation that stands for "number" or names a place in a
/// series before a number ("No. 10", "No 1 seed", "Fig. 3", "pp. 4"), not a word of its own.
pub fn is_number_sign(word: &str) -> bool {
    NUMBER_SIGNS.contains(&word)
}

/// Words that usually open a sentence; used where an abbreviation makes a period ambiguous.
const OPENERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "But",
    "For",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "Mr",
    "Mrs",
    "Ms",
    "No",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "To",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Yet",
    "You",
];

/// The sentences of one block of text, as trimmed spans relative to `text`.
///
/// ```
/// use parallax_engine::text::split_sentences;
/// let text = "Mr. Smith met Gen. Jones in the U.S. capital. “Fine,” he said. 'We agree.' It ended.";
/// let got: Vec<&str> = split_sentences(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(got, [
///     "Mr. Smith met Gen. Jones in the U.S. capital.",
///     "“Fine,” he said.",
///     "'We agree.'",
///     "It ended.",
/// ]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c == '\n' && text[i + 1..].trim_start_matches([' ', '\t', '\r']).starts_with('\n') {
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
            i += 1;
            continue;
        }
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        // The run of terminal marks ("?!", "...").
        let mut end = i;
        let mut marks = 0;
        for t in text[i..].chars() {
            if !is_terminal(t) {
                break;
            }
            end += t.len_utf8();
            marks += 1;
        }
        let single_period = marks == 1 && c == '.';
        // An ellipsis standing apart ("ones now … To be") marks words left out, not an end.
        let elision =
            !single_period && text[..i].ends_with(' ') && text[i..end].chars().all(|t| t == '.' || t == '…');
        // Closing quotes and brackets attached to it.
        for t in text[end..].chars() {
            if !(is_closing_quote(t) || is_closing_bracket(t)) {
                break;
            }
            end += t.len_utf8();
        }
        let rest = &text[end..];
        let after_space = rest.trim_start_matches(|ch: char| is_space(ch) && ch != '\n');
        let has_space = after_space.len() < rest.len() || rest.starts_with('\n');
        if rest.is_empty() {
            break;
        }
        if has_space
            && starts_sentence(after_space)
            && !elision
            && !(single_period && abbreviation_holds(text, i, after_space))
        {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        i = end.max(i + 1);
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Whether `s` (text after the white space that follows a terminal) opens a sentence.
fn starts_sentence(s: &str) -> bool {
    let body = s.trim_start_matches(|c: char| is_opening_quote(c) || is_opening_bracket(c));
    let mut chars = body.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        // "iPhone", "eBay".
        Some(c) if c.is_lowercase() => chars.next().is_some_and(char::is_uppercase),
        // A blank line or the end of the text.
        Some('\n') | None => true,
        _ => false,
    }
}

/// The most characters (letters and dots) an abbreviation holds: "Calif", "U.S.A", "Ph.D".
const MAX_ABBREVIATION: usize = 24;

/// Whether the period at `dot` belongs to an abbreviation that holds the sentence open, given
/// the text `next` that follows it.
fn abbreviation_holds(text: &str, dot: usize, next: &str) -> bool {
    let mut back = text[..dot].char_indices().rev().take_while(|&(_, c)| c.is_alphabetic() || c == '.');
    let word_start = back.by_ref().take(MAX_ABBREVIATION).last().map_or(dot, |(j, _)| j);
    // A "word" of letters and dots longer than any abbreviation is none ("A.A.A.…" in a
    // hostile text), and is not read back to its start for each of its dots.
    if back.next().is_some() {
        return false;
    }
    let word = &text[word_start..dot];
    if word.is_empty() {
        return false;
    }
    let next_word = next
        .trim_start_matches(|c: char| is_opening_quote(c) || is_opening_bracket(c))
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if word.contains('.') {
        // A dotted acronym ("U.S", "a.m") or initials ("J.K").
        return !OPENERS.contains(&next_word);
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        // An initial: "Donald J. Trump".
        return first.is_uppercase();
    }
    if NEVER_FINAL.contains(&word) {
        return true;
    }
    if is_number_sign(word) {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    if MAYBE_FINAL.contains(&word) {
        return !OPENERS.contains(&next_word);
    }
    false
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start_matches(is_space).len();
    let trail = piece.len() - piece.trim_end_matches(is_space).len();
    if lead + trail < piece.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::split_sentences;
    use proptest::prelude::*;

    #[track_caller]
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<&str> = split_sentences(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn titles_initials_and_acronyms() {
        check("Mr Trump spoke. Sir Keir listened.", &["Mr Trump spoke.", "Sir Keir listened."]);
        check("Mr. Trump and Mrs. May met.", &["Mr. Trump and Mrs. May met."]);
        check("Gen. Sir Tony Radakin and St. Paul.", &["Gen. Sir Tony Radakin and St. Paul."]);
        check("Donald J. Trump won. He smiled.", &["Donald J. Trump won.", "He smiled."]);
        check("The U.K. is ready.", &["The U.K. is ready."]);
        check("He met U.S. President Trump.", &["He met U.S. President Trump."]);
        check("He flew to the U.S. The talks began.", &["He flew to the U.S.", "The talks began."]);
        check("At 9 a.m. Smith left.", &["At 9 a.m. Smith left."]);
        check("Acme Inc. said so. Acme Inc. The end.", &["Acme Inc. said so.", "Acme Inc.", "The end."]);
        check("He lives at No. 10 now.", &["He lives at No. 10 now."]);
        check("Said no. Then left.", &["Said no.", "Then left."]);
    }

    #[test]
    fn a_run_of_letters_and_dots_longer_than_any_abbreviation_is_none() {
        // Read back from each of its dots, a hostile ".A.A.A…" would take time that grows with
        // the square of its length; past the longest abbreviation, the run is no abbreviation.
        check(
            "The ferry left the U.S.A. Ferry crews cheered.",
            &["The ferry left the U.S.A. Ferry crews cheered."],
        );
        check(
            "It read A.B.C.D.E.F.G.H.I.J.K.L.M.N. Ferry crews cheered.",
            &["It read A.B.C.D.E.F.G.H.I.J.K.L.M.N.", "Ferry crews cheered."],
        );
        let hostile = format!("Headline\n\n{}", ".A".repeat(20_000));
        assert_eq!(split_sentences(&hostile).len(), 2);
    }

    #[test]
    fn numbers_and_lowercase_continuations() {
        check("It grew 3.5 per cent. 20,000 left.", &["It grew 3.5 per cent.", "20,000 left."]);
        check("See e.g. the report.", &["See e.g. the report."]);
        check("Really? he asked.", &["Really? he asked."]);
        check("It sold. iPhone sales rose.", &["It sold.", "iPhone sales rose."]);
        check("Wait... What? No!", &["Wait...", "What?", "No!"]);
        check("ones now … To be honest", &["ones now … To be honest"]);
        check("now … To be.", &["now … To be."]);
        check("now… To be.", &["now…", "To be."]);
    }

    #[test]
    fn quotes_in_every_style() {
        check("“It is over,” he said. “We won.”", &["“It is over,” he said.", "“We won.”"]);
        check("“We won. They lost,” she said.", &["“We won.", "They lost,” she said."]);
        check("'It is over.' He left.", &["'It is over.'", "He left."]);
        check(
            "It was 'good and constructive', adding: 'We agree.' Next.",
            &["It was 'good and constructive', adding: 'We agree.'", "Next."],
        );
        check("\"Why?\" she asked. \"Because.\"", &["\"Why?\" she asked.", "\"Because.\""]);
        check("He said. \"Go now\"", &["He said.", "\"Go now\""]);
        check("It ended (finally). Then.", &["It ended (finally).", "Then."]);
        check("“Unclosed quote. It runs on", &["“Unclosed quote.", "It runs on"]);
    }

    #[test]
    fn blank_lines_are_hard_breaks_and_spaces_are_trimmed() {
        check("  A headline\n\nBody text.  ", &["A headline", "Body text."]);
        check("one line\nwrapped here.", &["one line\nwrapped here."]);
        check("", &[]);
        check(" \n\n ", &[]);
    }

    proptest! {
        #[test]
        fn spans_are_in_bounds_ordered_and_trimmed(text in "\\PC{0,200}") {
            let spans = split_sentences(&text);
            let mut last = 0;
            for s in spans {
                let piece = s.slice(&text);
                prop_assert!(piece.is_some());
                let piece = piece.unwrap_or_default();
                prop_assert!(!piece.is_empty());
                prop_assert_eq!(piece.trim(), piece);
                prop_assert!(s.start as usize >= last);
                last = s.end as usize;
            }
        }
    }
}
