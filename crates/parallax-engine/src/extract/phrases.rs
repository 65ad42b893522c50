//! Page-chrome phrases, read once from the per-language tables `vocab/<lang>/chrome.txt`.
//!
//! Each table holds `[section]`s, one per rule that reads them, with one phrase per line in
//! folded form (lower case, accents removed); a phrase whose spaces at its ends matter is
//! written in double quotes. A section's phrases are those of every language, English first:
//! a page's language is not known before its chrome is read, and a language is added by
//! adding its table here.

use std::sync::LazyLock;

use crate::text::Sections;

/// The tables, English first.
const TABLES: [(&str, &str); 9] = [
    ("en", include_str!("../../vocab/en/chrome.txt")),
    ("de", include_str!("../../vocab/de/chrome.txt")),
    ("fr", include_str!("../../vocab/fr/chrome.txt")),
    ("es", include_str!("../../vocab/es/chrome.txt")),
    ("it", include_str!("../../vocab/it/chrome.txt")),
    ("pt", include_str!("../../vocab/pt/chrome.txt")),
    ("nl", include_str!("../../vocab/nl/chrome.txt")),
    ("pl", include_str!("../../vocab/pl/chrome.txt")),
    ("ru", include_str!("../../vocab/ru/chrome.txt")),
];

/// Every section's phrases over all tables.
static SECTIONS: LazyLock<Sections> = LazyLock::new(|| Sections::read(TABLES.iter().map(|(_, text)| *text)));

/// The phrases of `section`, every language's.
pub(crate) fn phrases(section: &str) -> &'static [&'static str] {
    SECTIONS.entries(section)
}

#[cfg(test)]
mod tests {
    use super::{SECTIONS, TABLES, phrases};

    /// The sections the extraction rules read.
    const READ: [&str; 35] = [
        "source-line-labels",
        "furniture-taxonomy",
        "furniture-back",
        "furniture-listings",
        "furniture-ads",
        "furniture-contact",
        "furniture-read-on",
        "channel-platforms",
        "channel-ours",
        "read-more-leads",
        "image-credit-labels",
        "image-credit-licences",
        "follow-verbs",
        "follow-aims",
        "follow-elsewhere",
        "promo-verbs",
        "skip-links",
        "file-photo",
        "listen",
        "support",
        "sign-up-here",
        "disclosures",
        "posted",
        "update-labels",
        "update-openings",
        "related-elsewhere",
        "feedback-elsewhere",
        "read-also",
        "credit-words",
        "prompts",
        "slots-elsewhere",
        "navigation-elsewhere",
        "picture-kinds",
        "picture-modifiers",
        "picture-verbs",
    ];

    #[test]
    fn every_section_read_is_there_and_every_section_there_is_read() {
        SECTIONS.assert_read_exactly(&READ);
    }

    #[test]
    fn phrases_are_lower_case_once_per_section_and_language() {
        for (lang, text) in TABLES {
            let mut section = "";
            let mut seen = std::collections::HashSet::new();
            for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
                if line.starts_with('[') {
                    section = line;
                    continue;
                }
                assert_eq!(line, line.trim(), "{lang} {section}: stray space in {line:?}");
                assert_eq!(line, line.to_lowercase(), "{lang} {section}: {line:?} is not lower case");
                assert!(seen.insert((section, line)), "{lang} {section}: {line:?} twice");
            }
        }
        assert!(phrases("prompts").contains(&"unterstutze "), "a quoted phrase keeps its space");
    }
}
