//! Reading the vocabulary tables under `vocab/<lang>/`: one entry per line, blank lines and
//! lines opening with `#` (comments) left out, spaces around an entry trimmed. A table read by
//! several rules holds a `[section]` per rule; an entry whose spaces at its ends matter is
//! written in double quotes.

use std::collections::HashMap;

/// The entries of a vocabulary table's text.
pub(crate) fn table_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of each `[section]` of some tables, in order, the tables' entries of one
/// section one after the other.
pub(crate) struct Sections(HashMap<&'static str, Vec<&'static str>>);

impl Sections {
    /// The sections of the tables' texts.
    pub(crate) fn read(texts: impl IntoIterator<Item = &'static str>) -> Sections {
        let mut out: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for text in texts {
            let mut section = "";
            for line in table_lines(text) {
                if let Some(name) = line.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                    section = name;
                    continue;
                }
                let entry = line.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(line);
                out.entry(section).or_default().push(entry);
            }
        }
        Sections(out)
    }

    /// The entries of `section`; none when the tables have no such section.
    pub(crate) fn entries(&self, section: &str) -> &[&'static str] {
        self.0.get(section).map_or(&[], Vec::as_slice)
    }

    /// Checks that the sections are exactly `read` (the ones the rules read), none empty.
    #[cfg(test)]
    pub(crate) fn assert_read_exactly(&self, read: &[&str]) {
        for name in read {
            assert!(!self.entries(name).is_empty(), "[{name}] is empty or missing");
        }
        for name in self.0.keys() {
            assert!(read.contains(name), "[{name}] is read by no rule");
        }
    }
}
