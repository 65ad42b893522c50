//! Character classes news text needs: the many quote marks, dashes and spaces.

/// Whether `c` can open a quotation: straight and curly double and single marks, guillemets.
pub fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '‚' | '«' | '‹' | '‟' | '‛')
}

/// Whether `c` can close a quotation.
pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
}

/// Whether `c` is a dash or hyphen of any width.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

/// Whether `c` is white space, including the no-break and narrow spaces of typeset text.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Whether `c` closes a bracket.
pub(crate) fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}')
}

/// Whether `c` opens a bracket.
pub(crate) fn is_opening_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{')
}

/// Whether `c` ends a sentence.
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽')
}
