//! Word lists the facts rules read: speech verbs, titles, role nouns, the gazetteer, place
//! adjectives, pronouns. General English news vocabulary, not the names of any story. The
//! lists live as tables in `crates/parallax-engine/vocab/en/` (one entry per line, `#`
//! comments), loaded once into sets; a language is added by adding its tables.

/// Base forms of verbs that attribute speech, writing or a stated view
/// (`vocab/en/speech-verbs.txt`; membership only, so its order cannot leak).
static SPEECH_SET: std::sync::LazyLock<Table> =
    std::sync::LazyLock::new(|| table(include_str!("../../vocab/en/speech-verbs.txt")));

/// The same verbs as a list, for the scan of forms one letter longer than a stem ("not" + "e").
static SPEECH_LIST: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut list: Vec<&'static str> = SPEECH_SET.iter().copied().collect();
    list.sort_unstable();
    list
});

/// A vocabulary table loaded for lookups (xxh3: the rules look words up on every token).
type Table = std::collections::HashSet<&'static str, xxhash_rust::xxh3::Xxh3Builder>;

/// The words of a vocabulary table: one per line, `#` comments and blank lines skipped.
fn table(text: &'static str) -> Table {
    crate::text::table_lines(text).collect()
}

/// Lookups in tables of `vocab/en/`: each `/// doc, pub(crate) fn is_x = "x.txt";` declares
/// `is_x(w)`, true for the table's entries as written, the table loaded once.
macro_rules! lookup {
    ($($(#[$doc:meta])* $vis:vis fn $name:ident = $file:literal;)*) => {
        $(
            $(#[$doc])*
            $vis fn $name(w: &str) -> bool {
                static TABLE: std::sync::LazyLock<Table> =
                    std::sync::LazyLock::new(|| table(include_str!(concat!("../../vocab/en/", $file))));
                TABLE.contains(w)
            }
        )*
    };
}

/// Whether a capitalised name of several words (its title and role taken off) reads as a
/// place, a people or a party rather than a person: a word before its last is a nationality,
/// regional adjective or party ("Pacific Palisades", "British Indian", "Conservative Blue
/// Wall"; a last word may be a surname: David French, Mark Cuban), or a word after its first
/// is a known place ("Universal Studios Japan"; a first word may be a given name: Jordan,
/// Georgia, Chad). A single word is left to the other evidence.
pub(crate) fn not_a_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().map(crate::text::without_possessive).collect();
    let before_last = words.len().saturating_sub(1);
    // A known place as the last of two words may be a surname (Kerry Washington, Whitney
    // Houston); as the last of three it ends a place or a body's name.
    let places_to = if words.len() >= 3 { words.len() } else { before_last };
    // "South Korean", "North London": a direction before a place or a people.
    let direction = words.len() >= 2
        && matches!(words[0], "North" | "South" | "East" | "West")
        && (is_known_place(&words[1..].join(" ")) || words.last().is_some_and(|w| is_place_adjective(w)));
    // "Rishi Sunak-led Conservatives", "Kremlin-backed Media": a compound that describes.
    let described = words.iter().any(|w| describes(w));
    if described {
        return true;
    }
    // "Washington European": every word a place or a people.
    let all_places = words.len() >= 2 && words.iter().all(|w| is_known_place(w) || is_place_adjective(w));
    direction
        || all_places
        || words[..before_last].iter().any(|w| is_place_adjective(w))
        || words[..places_to].iter().skip(1).any(|w| is_known_place(w))
}

/// Whether a word, in any case, is an article ("the", "A").
pub(crate) fn is_article(word: &str) -> bool {
    is_article_word(&word.to_lowercase())
}

/// Whether a lower-case word is a determiner: an article, a possessive ("their") or another
/// ("several", "those").
pub(crate) fn is_determiner(word: &str) -> bool {
    is_article_word(word) || is_possessive(word) || is_other_determiner(word)
}

/// Whether a description as written is indefinite ("an official", "One witness", "another
/// passenger"): nobody named before, whoever holds that role in the story.
pub(crate) fn is_indefinite(written: &str) -> bool {
    written.split_whitespace().next().is_some_and(|w| is_indefinite_word(&w.to_lowercase()))
}

/// Whether a word is a compound that describes what follows it ("Sunak-led", "Texas-based",
/// "Kremlin-backed"): no name's word.
pub(crate) fn describes(w: &str) -> bool {
    ["-led", "-backed", "-based", "-owned", "-run", "-linked", "-funded", "-style", "-born"]
        .iter()
        .any(|s| w.ends_with(s))
}

lookup! {
    /// Whether `w` is a nationality, regional adjective or party ("British", "Democratic"):
    /// `vocab/en/place-adjectives.txt`.
    pub(crate) fn is_place_adjective = "place-adjectives.txt";

    /// Titles that stand before a name (`vocab/en/titles.txt`).
    pub(crate) fn is_title = "titles.txt";

    /// Nouns that name a role or office, lowercase (`vocab/en/role-nouns.txt`).
    pub(crate) fn is_role_noun = "role-nouns.txt";

    /// Words of an office that are also surnames ("king", "bishop"), lowercase
    /// (`vocab/en/surname-offices.txt`).
    pub(crate) fn is_surname_office = "surname-offices.txt";

    /// Nouns of what news dates as a happening ("quake", "outage"), in lower case
    /// (`vocab/en/happenings.txt`).
    pub(crate) fn is_happening = "happenings.txt";

    /// Nouns that describe a person rather than an office or a body ("student", "mother",
    /// "host"), in lower case (`vocab/en/person-nouns.txt`).
    fn in_person_nouns = "person-nouns.txt";

    /// Possessive determiners, in lower case (`vocab/en/possessives.txt`).
    pub(crate) fn is_possessive = "possessives.txt";

    /// Articles, in lower case (`vocab/en/articles.txt`).
    fn is_article_word = "articles.txt";

    /// Determiners besides articles and possessives, in lower case (`vocab/en/determiners.txt`).
    fn is_other_determiner = "determiners.txt";

    /// Words that open an indefinite description, in lower case (`vocab/en/indefinites.txt`).
    fn is_indefinite_word = "indefinites.txt";

    /// Verbs of saying whose agent after "by" said the words ("said by", "hailed by"; not
    /// "quoted by"), in lower case (`vocab/en/agent-speakers.txt`).
    pub(crate) fn agent_speaks = "agent-speakers.txt";

    /// Words that head an office named by its place or body ("Secretary of State", "Minister
    /// for Home Affairs"), in lower case (`vocab/en/office-heads.txt`).
    pub(crate) fn is_office_head = "office-heads.txt";

    /// Participles whose agent after "by" relays another's words ("an official cited by
    /// Yonhap"), in lower case (`vocab/en/relay-verbs.txt`).
    pub(crate) fn is_relay_verb = "relay-verbs.txt";

    /// Prepositions that make a dated happening after them background ("following Monday's
    /// quake"), in lower case (`vocab/en/background-prepositions.txt`).
    pub(crate) fn is_background_preposition = "background-prepositions.txt";

    /// Words that make "since YEAR" the start of a comparison ("the lowest turnout since 1945",
    /// "the first Labour prime minister since 2010"), in lower case
    /// (`vocab/en/comparisons.txt`), beside superlatives in -est.
    pub(crate) fn is_comparison_word = "comparisons.txt";

    /// Words in -est that are no superlatives ("interest", "protest"), in lower case
    /// (`vocab/en/not-superlatives.txt`).
    pub(crate) fn is_not_superlative = "not-superlatives.txt";

    /// Nouns that stand for an organisation named before them (`vocab/en/org-nouns.txt`).
    fn is_org_noun = "org-nouns.txt";

    /// Whether `name` is a country, continent, US state or major world city: a general
    /// gazetteer of the places news names most, no story's places (`vocab/en/places.txt`).
    pub(crate) fn is_known_place = "places.txt";
}

/// Whether one capitalised word, the subject of a speech verb, reads as something other than
/// a person: a nationality, regional adjective or party ("British said", "Conservative"), a
/// known place, a month or a day of the week ("Jan", "Monday").
pub(crate) fn lone_word_not_a_person(word: &str) -> bool {
    let w = crate::text::without_possessive(word);
    is_place_adjective(w)
        || is_known_place(w)
        || crate::text::month_number(w).is_some()
        || crate::text::weekday(w).is_some()
}

/// The longest form of a verb of speech, in bytes, with room for its inflections.
const MAX_VERB_BYTES: usize = 24;

/// Whether `w` (lowercase) is a speech verb in any form: "say", "said", "saying", "claims",
/// "described", "promising".
pub(crate) fn is_speech_verb(w: &str) -> bool {
    let w = w.trim_end_matches(':');
    // No verb of speech is shorter ("say", "ask") or much longer ("acknowledging"): a quick
    // answer for most words, without hashing them.
    if !(3..=MAX_VERB_BYTES).contains(&w.len()) {
        return false;
    }
    if matches!(w, "said" | "told" | "wrote" | "written" | "thought" | "spoke" | "sang" | "according") {
        return true;
    }
    let known = |v: &str| SPEECH_SET.contains(v);
    if known(w) {
        return true;
    }
    // Inflected forms only: "noted" → "note", never "not" → "note".
    let stems: [Option<&str>; 5] = [
        w.strip_suffix('s'),
        w.strip_suffix("es"),
        w.strip_suffix("ed").or_else(|| w.strip_suffix('d')),
        w.strip_suffix("ing"),
        w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")),
    ];
    // `stem` plus one letter ("not" + "e"), compared without building the string.
    let plus = |stem: &str, last: u8| {
        SPEECH_LIST
            .iter()
            .any(|v| v.len() == stem.len() + 1 && v.as_bytes()[stem.len()] == last && v.starts_with(stem))
    };
    stems.iter().flatten().any(|stem| {
        known(stem)
            || plus(stem, b'e')
            || plus(stem, b'y')
            // "stopped" → "stop"
            || stem.len() > 3 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2] && known(&stem[..stem.len() - 1])
    })
}

/// The sections of `vocab/en/office-qualifiers.txt`.
static OFFICE_QUALIFIERS: std::sync::LazyLock<crate::text::Sections> = std::sync::LazyLock::new(|| {
    crate::text::Sections::read([include_str!("../../vocab/en/office-qualifiers.txt")])
});

/// Words that qualify an office, in lower case ("former deputy secretary", "acting chief"):
/// `[qualifiers]` of `vocab/en/office-qualifiers.txt`.
pub(crate) fn is_office_qualifier(w: &str) -> bool {
    OFFICE_QUALIFIERS.entries("qualifiers").contains(&w)
}

/// Qualifiers of an office a lone capitalised word before is a party or body, not a name
/// ("Conservative former minister"): `[after-a-party]` of `vocab/en/office-qualifiers.txt`.
pub(crate) fn follows_a_party(w: &str) -> bool {
    OFFICE_QUALIFIERS.entries("after-a-party").contains(&w)
}

/// Nouns that describe a person (`vocab/en/person-nouns.txt`); an age as a noun ("the
/// 22-year-old") is one.
pub(crate) fn is_person_noun(w: &str) -> bool {
    in_person_nouns(w) || crate::text::age_number(w).is_some()
}

/// Whether a role phrase ("company", "airline") or pronoun ("it") stands for an organisation
/// rather than a person.
pub(crate) fn stands_for_org(role: &str) -> bool {
    role == "it" || is_org_noun(role)
}

/// Personal pronouns that can stand for a speaker.
pub(crate) fn is_person_pronoun(w: &str) -> bool {
    let w = crate::text::without_possessive(w).trim_end_matches("’d").trim_end_matches("'d");
    matches!(w, "he" | "she" | "He" | "She" | "they" | "They" | "I" | "we" | "We")
}

/// Capitalised words that open sentences or name things (months and days of the week among
/// them), never people.
pub(crate) fn is_not_name(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "But"
            | "And"
            | "Or"
            | "In"
            | "On"
            | "At"
            | "For"
            | "To"
            | "Of"
            | "With"
            | "By"
            | "From"
            | "As"
            | "After"
            | "Before"
            | "During"
            | "While"
            | "When"
            | "If"
            | "It"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Their"
            | "His"
            | "Her"
            | "Its"
            | "Our"
            | "We"
            | "He"
            | "She"
            | "They"
            | "I"
            | "You"
            | "Meanwhile"
            | "However"
            | "Speaking"
            | "Asked"
            | "Earlier"
            | "Later"
            | "Early"
            | "Late"
            | "Following"
            | "Despite"
            | "Whilst"
            | "Posting"
            | "Writing"
            | "Responding"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "No"
            | "Not"
            | "One"
            | "Two"
            | "Three"
            | "Both"
            | "Every"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Which"
            | "Yes"
            | "So"
            | "Then"
            | "Now"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Also"
            | "Still"
            | "Even"
            | "Just"
            | "Only"
            | "Read"
            | "Share"
            | "Follow"
            | "Watch"
            | "Thank"
            | "Thanks"
            | "Please"
            | "Let"
            | "Dear"
            | "Yet"
            | "Instead"
            | "Moreover"
            | "Furthermore"
            | "Indeed"
            | "Thus"
            | "Hence"
            | "Nevertheless"
            | "Nonetheless"
            | "Besides"
            | "Perhaps"
            | "Maybe"
            | "Apparently"
            | "Similarly"
            | "Likewise"
            | "Again"
            | "Already"
            | "Otherwise"
            | "Though"
            | "Although"
            | "Because"
            | "Since"
            | "Unless"
            | "Whether"
            | "Another"
            | "Other"
            | "Several"
            | "Such"
            | "Back"
            | "Last"
            | "Next"
            | "First"
            | "Finally"
            | "Overall"
            | "Ultimately"
    ) || (w.starts_with(|c: char| c.is_uppercase())
        && (crate::text::is_month_name(w) || crate::text::weekday_name(w).is_some()))
}

/// Last words of the names of events, documents and plans, which are neither people nor
/// organisations: "Budapest Memorandum", "Normandy Format", "Victory Day".
pub(crate) fn is_event_word(w: &str) -> bool {
    name_end(NameEnd::Event, w)
}

/// Last words of place names: "Kerch Strait", "Red Square", "Halvik Harbour".
pub(crate) fn is_geo_word(w: &str) -> bool {
    name_end(NameEnd::Place, w)
}

/// The kinds of names a last word can end, one section of `vocab/en/name-ends.txt` each.
#[derive(Clone, Copy)]
pub(crate) enum NameEnd {
    /// `[institutions]`: "Board", "Ministry".
    Institution,
    /// `[places]`: "Strait", "Square".
    Place,
    /// `[events]`: "Summit", "Memorandum".
    Event,
}

/// The sections of `vocab/en/name-ends.txt`, in the order of `NameEnd`, each as a set.
const NAME_END_SECTIONS: [&str; 3] = ["institutions", "places", "events"];

static NAME_ENDS: std::sync::LazyLock<[Table; 3]> = std::sync::LazyLock::new(|| {
    let sections = crate::text::Sections::read([include_str!("../../vocab/en/name-ends.txt")]);
    NAME_END_SECTIONS.map(|k| sections.entries(k).iter().copied().collect())
});

/// Whether `w` (as written) is a last word of the names of `kind`.
pub(crate) fn name_end(kind: NameEnd, w: &str) -> bool {
    NAME_ENDS[kind as usize].contains(w)
}

#[cfg(test)]
mod tests {
    use super::{
        NAME_END_SECTIONS, NameEnd, OFFICE_QUALIFIERS, follows_a_party, is_background_preposition,
        is_known_place, is_office_qualifier, is_role_noun, is_speech_verb, is_title, name_end, not_a_person,
        stands_for_org,
    };

    #[test]
    fn the_tables_load_and_hold_one_clean_entry_per_line() {
        // Every table of the folder: one clean entry per line, none twice within a section.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("vocab").join("en");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        files.sort();
        assert!(files.len() >= 20, "the tables of {}", dir.display());
        for path in files {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            let mut seen = std::collections::HashSet::new();
            for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
                if line.starts_with('[') {
                    seen.clear();
                    continue;
                }
                assert_eq!(line, line.trim(), "{name}: stray space in {line:?}");
                assert!(seen.insert(line), "{name}: {line:?} twice");
            }
            assert!(!text.lines().all(|l| l.is_empty() || l.starts_with('#')), "{name} is empty");
        }
        assert!(is_title("Mr.") && is_title("Col.") && !is_title("Tuesday"));
        assert!(is_role_noun("minister") && !is_role_noun("ferry"));
        assert!(stands_for_org("airline") && stands_for_org("it") && !stands_for_org("spokesperson"));
        assert!(is_known_place("Spain") && is_known_place("Buenos Aires") && !is_known_place("Halvik"));
        assert!(is_speech_verb("warned") && is_speech_verb("says") && !is_speech_verb("not"));
        OFFICE_QUALIFIERS.assert_read_exactly(&["qualifiers", "after-a-party"]);
        crate::text::Sections::read([include_str!("../../vocab/en/name-ends.txt")])
            .assert_read_exactly(&NAME_END_SECTIONS);
        assert!(
            name_end(NameEnd::Institution, "Board")
                && name_end(NameEnd::Place, "Strait")
                && name_end(NameEnd::Event, "Summit")
        );
        assert!(!name_end(NameEnd::Place, "Board"));
        // Companies, parties, fires and medals end no person's name: "Jeju Air", "Senate
        // Republicans", "Eaton Fire", "Service Medal".
        assert!(
            name_end(NameEnd::Institution, "Air")
                && name_end(NameEnd::Institution, "Republicans")
                && name_end(NameEnd::Event, "Fire")
                && name_end(NameEnd::Event, "Medal")
        );
        assert!(is_office_qualifier("acting") && follows_a_party("former") && !follows_a_party("then"));
        assert!(is_background_preposition("following") && !is_background_preposition("the"));
    }

    #[test]
    fn places_peoples_and_parties_are_not_people() {
        for name in [
            "Northern England",
            "Pacific Palisades",
            "British Indian",
            "Universal Studios Japan",
            "South Korean",
            "Washington European",
            "Rishi Sunak-led Conservatives",
        ] {
            assert!(not_a_person(name), "{name}");
        }
        for name in ["David French", "Mark Cuban", "Jordan Peele", "Washington", "Kerry Washington"] {
            assert!(!not_a_person(name), "{name}");
        }
    }
}
