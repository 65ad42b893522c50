//! The words the claims stage's rules read, from the table `vocab/en/claims.txt`: a
//! `[section]` per rule (the classes of what a figure counts and its bounds, rises and falls,
//! marks of the past, the happenings a clock time times, parents, ordinals, thresholds, words of time, wearing and meeting
//! places, stance verbs and what turns them, negations, words that open a dangling sentence,
//! synonym classes), read once.

use std::sync::LazyLock;

use crate::text::Sections;

static SECTIONS: LazyLock<Sections> =
    LazyLock::new(|| Sections::read([include_str!("../../vocab/en/claims.txt")]));

/// The lines of a keyed `section` ("dead: killed, killing, died"), each as its name and its
/// entries, in the table's order.
pub(crate) fn keyed(section: &str) -> Vec<(&'static str, Vec<&'static str>)> {
    vocab(section)
        .iter()
        .filter_map(|line| {
            let (name, entries) = line.split_once(':')?;
            Some((name.trim(), entries.split(',').map(str::trim).filter(|e| !e.is_empty()).collect()))
        })
        .collect()
}

/// The entries of `section`, in the table's order.
pub(crate) fn vocab(section: &str) -> &'static [&'static str] {
    SECTIONS.entries(section)
}

#[cfg(test)]
mod tests {
    use super::{SECTIONS, vocab};

    /// The sections the rules read.
    const READ: [&str; 36] = [
        "classes",
        "happenings",
        "happening-labels",
        "rises",
        "falls",
        "past-marks",
        "all-but",
        "designators",
        "at-least",
        "above",
        "at-most",
        "below",
        "about",
        "parents",
        "ordinals",
        "threshold",
        "date-words",
        "wear",
        "held",
        "affirm",
        "deny",
        "negators",
        "hypothetical",
        "negations",
        "dangling",
        "pointing",
        "children",
        "having",
        "synonyms",
        "units",
        "measures",
        "unit-qualifiers",
        "people-nouns",
        "tolls",
        "attribution",
        "not-consequences",
    ];

    #[test]
    fn every_section_read_is_there_and_every_section_there_is_read() {
        SECTIONS.assert_read_exactly(&READ);
        assert!(vocab("held").contains(&"will take place in"), "an entry keeps its inner spaces");
        assert!(vocab("synonyms").iter().all(|class| class.split(' ').count() >= 2));
        for section in ["classes", "happenings", "happening-labels"] {
            let lines = super::keyed(section);
            assert_eq!(lines.len(), vocab(section).len(), "[{section}]: every line is \"name: entries\"");
            assert!(lines.iter().all(|(name, entries)| !name.is_empty() && !entries.is_empty()));
        }
        assert!(vocab("past-marks").contains(&" years ago"), "a quoted entry keeps its spaces");
    }
}
