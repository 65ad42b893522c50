//! The words the claims stage's rules read, from the table `vocab/en/claims.txt`: a
//! `[section]` per rule (parents, ordinals, thresholds, words of time, wearing and meeting
//! places, stance verbs and what turns them, negations, words that open a dangling sentence,
//! synonym classes), read once.

use std::sync::LazyLock;

use crate::text::Sections;

static SECTIONS: LazyLock<Sections> =
    LazyLock::new(|| Sections::read([include_str!("../../vocab/en/claims.txt")]));

/// The entries of `section`, in the table's order.
pub(crate) fn vocab(section: &str) -> &'static [&'static str] {
    SECTIONS.entries(section)
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
        SECTIONS.assert_read_exactly(&READ);
        assert!(vocab("held").contains(&"will take place in"), "an entry keeps its inner spaces");
        assert!(vocab("synonyms").iter().all(|class| class.split(' ').count() >= 2));
    }
}
