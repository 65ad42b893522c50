//! Text made safe to show to people: no character of the input may drive their terminal.

use std::borrow::Cow;

/// `text` with every control character but tab and newline (ESC, BEL, CR, the C1 controls,
/// DEL) and every bidirectional override or isolate shown as U+FFFD instead: a title holding
/// `ESC [31m`, or an HTML entity that decodes to one, cannot recolour, move or rewrite what a
/// reader's terminal shows, nor reorder it ("Trojan Source"). JSON needs none of this: it
/// escapes control characters itself.
pub fn visible(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if unsafe_char(c) { '\u{fffd}' } else { c }).collect())
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn controls_and_overrides_become_replacement_characters_and_the_rest_stays() {
        assert_eq!(visible("plain\ttext\nhere"), "plain\ttext\nhere");
        assert!(matches!(visible("Ferry – “news”"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(
            visible("red\u{1b}[31m bell\u{7} cr\r c1\u{9b} rlo\u{202e}"),
            "red\u{fffd}[31m bell\u{fffd} cr\u{fffd} c1\u{fffd} rlo\u{fffd}"
        );
    }
}
