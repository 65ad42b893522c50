//! Reading the vocabulary tables under `vocab/<lang>/`: one entry per line, blank lines and
//! lines opening with `#` (comments) left out, spaces around an entry trimmed.

/// The entries of a vocabulary table's text.
pub(crate) fn table_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}
