//! The words the claims stage's rules read, from the table `vocab/en/claims.txt`: a
//! `[section]` per rule (the classes of what a figure counts and its bounds, rises and falls,
//! marks of the past, the happenings a clock time times, parents, ordinals, thresholds, words of time, wearing and meeting
//! places, stance verbs and what turns them, negations, words that open a dangling sentence,
//! synonym classes), read once.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use crate::text::{Sections, stem_key};

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

/// Whether a lower-case word makes a statement negative: one of the table's `[negations]`
/// ("not", "no", "never") or a contraction in "n't" ("didn't", "won’t").
pub(crate) fn is_negation(lower: &str) -> bool {
    vocab("negations").contains(&lower) || lower.ends_with("n't") || lower.ends_with("n’t")
}

/// The marks that end a clause: a comma, a semicolon, a colon, a dash, a bracket.
pub(crate) const CLAUSE_MARKS: [char; 7] = [',', ';', ':', '—', '–', '(', ')'];

/// The table's `[clause-breaks]`, to look up.
static CLAUSE_BREAKS: LazyLock<BTreeSet<&'static str>> =
    LazyLock::new(|| vocab("clause-breaks").iter().copied().collect());

/// Whether a new clause starts at a word: the text between it and the word before (`gap`)
/// holds one of the [`CLAUSE_MARKS`], or the word, lower-cased, is one of the table's
/// `[clause-breaks]` ("while", "because", "which"). The one definition of where a clause ends,
/// for the reach of a negation (which a coordinator ends too, see [`is_coordinator`]) and for
/// the value an attribute gives.
pub(crate) fn starts_clause(gap: &str, lower: &str) -> bool {
    gap.contains(CLAUSE_MARKS) || CLAUSE_BREAKS.contains(lower)
}

/// Whether a lower-case word is one of the table's `[coordinators]` ("and", "but"), which join
/// two clauses or two parts of one.
pub(crate) fn is_coordinator(lower: &str) -> bool {
    vocab("coordinators").contains(&lower)
}

/// Whether `text` holds a finite verb, as far as its words tell without a parser: an
/// auxiliary or a verb of the table's `[auxiliaries]`, an irregular past form of `[past-verbs]`,
/// a verb of speech in any form ("say", "warns"), or a word of five letters or more in "-ed"
/// that no article or possessive stands before ("collapsed", "killed"; not "a damaged house").
/// A clause with none ("An update now on the two survivors of the crash", "a meeting with the
/// King on Friday") names something; it states nothing.
pub(crate) fn has_verb(text: &str) -> bool {
    verb_words(text).next().is_some()
}

/// As [`has_verb`], verbs of speech left out: what a clause states besides who said it
/// ("NTSB Chair Jennifer Homendy said in a statement" states nothing of its own).
pub(crate) fn has_verb_besides_saying(text: &str) -> bool {
    verb_words(text).any(|(_, kind)| kind != Verb::Speech)
}

/// What kind of finite verb a word is ([`has_verb`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verb {
    /// A verb of speech ("said", "warns").
    Speech,
    /// An auxiliary of the table's `[auxiliaries]` ("was", "has", "will").
    Auxiliary,
    /// Any other finite verb as [`has_verb`] finds it ("collapsed", "struck").
    Other,
}

/// The words of `text` that are finite verbs ([`has_verb`]), with the byte offset where each
/// starts, in order.
pub(crate) fn verb_words(text: &str) -> impl Iterator<Item = (usize, Verb)> + '_ {
    let mut before = String::new();
    text.split_whitespace().filter_map(move |word| {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let past = w.len() >= 5
            && w.ends_with("ed")
            && w.chars().all(|c| c.is_ascii_alphabetic())
            && !vocab("determiners").contains(&before.as_str());
        let kind = if w != "according" && crate::facts::is_speech_verb(&w) {
            Some(Verb::Speech)
        } else if vocab("auxiliaries").contains(&w.as_str()) {
            Some(Verb::Auxiliary)
        } else if vocab("past-verbs").contains(&w.as_str()) || past {
            Some(Verb::Other)
        } else {
            None
        };
        before = w;
        kind.map(|k| (word.as_ptr() as usize - text.as_ptr() as usize, k))
    })
}

/// The stem keys of the words of time: the table's `[date-words]` and the months' and weekdays'
/// full names.
static TIME_KEYS: LazyLock<BTreeSet<u64>> = LazyLock::new(|| {
    vocab("date-words").iter().copied().chain(crate::text::calendar_names()).map(stem_key).collect()
});

/// Whether a stem key is a word of time's ("week", "mornings", "Friday").
pub(crate) fn is_time_key(key: u64) -> bool {
    TIME_KEYS.contains(&key)
}

/// Whether `word`, in any case and inflection, is a word of time ("This week", "That night",
/// "Tuesdays").
pub(crate) fn is_time_word(word: &str) -> bool {
    is_time_key(stem_key(word))
}

#[cfg(test)]
mod tests {
    use super::{SECTIONS, is_coordinator, is_negation, is_time_word, starts_clause, vocab};

    #[test]
    fn where_a_clause_starts() {
        for (gap, word) in [(", ", "the"), (" — ", "the"), (" (", "a"), (" ", "while"), (" ", "because")] {
            assert!(starts_clause(gap, word), "{gap:?} {word}");
        }
        for (gap, word) in [(" ", "the"), ("", "crew"), (" ", "and")] {
            assert!(!starts_clause(gap, word), "{gap:?} {word}");
        }
        assert!(is_coordinator("and") && is_coordinator("but") && !is_coordinator("while"));
    }

    /// The sections the rules read.
    const READ: [&str; 54] = [
        "idle-phrases",
        "classes",
        "happenings",
        "happening-labels",
        "rises",
        "falls",
        "past-marks",
        "running-marks",
        "result-participles",
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
        "hypothetical",
        "negations",
        "clause-breaks",
        "value-ends",
        "coordinators",
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
        "running",
        "never-fall",
        "attribution",
        "not-consequences",
        "part-openers",
        "part-holders",
        "auxiliaries",
        "past-verbs",
        "relatives",
        "own-voice",
        "dependent-openers",
        "subject-breaks",
        "pronouns",
        "determiners",
        "prepositions",
    ];

    #[test]
    fn a_clause_with_a_verb_states_something() {
        for text in [
            "the ferry struck the pier",
            "two deckhands were rescued",
            "the harbour master says the pier will reopen",
            "its engines failed",
        ] {
            assert!(super::has_verb(text), "{text}");
        }
        for text in [
            "An update now on the two survivors of the collision",
            "a meeting with the mayor on Friday",
            "a damaged house in Halvik",
        ] {
            assert!(!super::has_verb(text), "{text}");
        }
        // Who said it states nothing of its own.
        assert!(super::has_verb("The mayor said in a statement"));
        assert!(!super::has_verb_besides_saying("The mayor said in a statement"));
        assert!(!super::has_verb_besides_saying("the mayor told reporters"));
        assert!(super::has_verb_besides_saying("the mayor said the pier was closed"));
    }

    #[test]
    fn negations_and_words_of_time() {
        for word in ["not", "no", "never", "didn't", "won’t", "cannot"] {
            assert!(is_negation(word), "{word}");
        }
        for word in ["without", "none-the-less", "note"] {
            assert!(!is_negation(word), "{word}");
        }
        for word in ["week", "Weeks", "mornings", "Friday", "december", "tonight"] {
            assert!(is_time_word(word), "{word}");
        }
        for word in ["decision", "crash", "Fridge"] {
            assert!(!is_time_word(word), "{word}");
        }
    }

    #[test]
    fn every_section_read_is_there_and_every_section_there_is_read() {
        SECTIONS.assert_read_exactly(&READ);
        assert!(vocab("held").contains(&"will take place in"), "an entry keeps its inner spaces");
        assert!(vocab("synonyms").iter().all(|class| class.split(' ').count() >= 2));
        for section in ["classes", "happenings", "happening-labels", "result-participles"] {
            let lines = super::keyed(section);
            assert_eq!(lines.len(), vocab(section).len(), "[{section}]: every line is \"name: entries\"");
            assert!(lines.iter().all(|(name, entries)| !name.is_empty() && !entries.is_empty()));
        }
        assert!(vocab("past-marks").contains(&" years ago"), "a quoted entry keeps its spaces");
    }
}
