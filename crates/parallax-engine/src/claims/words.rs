//! The words the claims stage's rules read, from the table `vocab/en/claims.txt`: a
//! `[section]` per rule (parents, ordinals, thresholds, words of time, wearing and meeting
//! places, stance verbs and what turns them, negations, words that open a dangling sentence,
//! synonym classes), read once.

use std::collections::HashMap;
use std::sync::LazyLock;

static SECTIONS: LazyLock<HashMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| crate::text::sections([include_str!("../../vocab/en/claims.txt")]));

/// The entries of `section`, in the table's order.
pub(crate) fn vocab(section: &str) -> &'static [&'static str] {
    SECTIONS.get(section).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::{SECTIONS, vocab};

    /// The sections the rules read.
    const READ: [&str; 13] = [
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
        "synonyms",
    ];

    #[test]
    fn every_section_read_is_there_and_every_section_there_is_read() {
        for name in READ {
            assert!(!vocab(name).is_empty(), "{name} is empty or missing");
        }
        for name in SECTIONS.keys() {
            assert!(READ.contains(name), "[{name}] is read by no rule");
        }
        assert!(vocab("held").contains(&"will take place in"), "an entry keeps its inner spaces");
        assert!(vocab("synonyms").iter().all(|class| class.split(' ').count() >= 2));
    }
}
