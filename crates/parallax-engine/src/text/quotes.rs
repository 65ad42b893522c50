//! Which parts of a paragraph stand inside quotation marks.
//!
//! A character-level state machine over one paragraph: curly marks open and close by their
//! shape; a straight double mark opens after white space, an opening bracket or the start, and
//! closes otherwise; a single mark (straight or curly) opens before a letter when it follows
//! white space or the start, and closes after a letter or punctuation when a single quote is
//! open and no letter follows. Anything else is an apostrophe ("Trump's", "’90s" after a
//! letter). Two apostrophes together are a double mark (''…'', an archive style). A quote still open at the end of the paragraph runs to its end, as a quote that
//! continues into the next paragraph does.

use parallax_model::Span;

/// The spans of `text` inside quotation marks (the marks themselves excluded), in order.
///
/// ```
/// use parallax_engine::text::quoted_spans;
/// let text = "He said “we won” and 'it's over' — Trump's words.";
/// let got: Vec<&str> = quoted_spans(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(got, ["we won", "it's over"]);
/// ```
pub fn quoted_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // The kind of the open quote ('"' or '\''), and where its content starts.
    let mut open: Option<(char, usize)> = None;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let after = i + c.len_utf8();
        let before_space =
            prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '“' | '"'));
        let close = |kind: char, open: &mut Option<(char, usize)>, out: &mut Vec<Span>| {
            if let Some((k, start)) = *open
                && k == kind
            {
                out.push(Span::new(start, i));
                *open = None;
                return true;
            }
            false
        };
        match c {
            // Two apostrophes as a double mark (''…'', an older wire and archive style).
            '\'' if next == Some('\'') => {
                chars.next();
                let closed = close('"', &mut open, &mut out);
                if !closed && open.is_none() && before_space {
                    open = Some(('"', after + 1));
                }
                prev = Some('"');
                continue;
            }
            '“' | '„' | '«' if open.is_none() => open = Some(('"', after)),
            '”' | '»' => {
                close('"', &mut open, &mut out);
            }
            '"' => {
                let closed = close('"', &mut open, &mut out);
                if !closed && open.is_none() && before_space {
                    open = Some(('"', after));
                }
            }
            '‘' | '\'' | '’' => {
                let letter_next = next.is_some_and(char::is_alphanumeric);
                let letter_prev = prev.is_some_and(char::is_alphanumeric);
                if open.is_none() && before_space && letter_next && c != '’' {
                    open = Some(('\'', after));
                } else if open.is_some_and(|(k, _)| k == '\'')
                    && !letter_next
                    && (letter_prev || prev.is_some_and(|p| ".,!?;:…".contains(p)))
                {
                    close('\'', &mut open, &mut out);
                } else if open.is_none() && c == '‘' {
                    open = Some(('\'', after));
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some((_, start)) = open
        && start < text.len()
    {
        out.push(Span::new(start, text.len()));
    }
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::quoted_spans;

    #[track_caller]
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<&str> = quoted_spans(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn every_quote_style() {
        check("“Curly,” he said, “again.”", &["Curly,", "again."]);
        check("\"Straight,\" she said.", &["Straight,"]);
        check("'Single,' Sir Keir said.", &["Single,"]);
        check("He called it ‘real progress' today.", &["real progress"]);
        check(
            "the talks as 'good and constructive', adding: 'There was unity'.",
            &["good and constructive", "There was unity"],
        );
        check("Trump's plan and the leaders' talks", &[]);
        check(
            "“A quote that runs on into the next paragraph",
            &["A quote that runs on into the next paragraph"],
        );
        check("'We're here,' he said.", &["We're here,"]);
        check("in the ’90s", &[]);
        check("''Doubled,'' he said, ''and 'nested' too.''", &["Doubled,", "and 'nested' too."]);
        check("", &[]);
    }
}
