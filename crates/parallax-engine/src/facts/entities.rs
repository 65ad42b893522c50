//! People across the document set: mentions merged into entities by surname (spelling variants
//! join through stem keys: Zelensky / Zelenskyy), the fullest name kept as the entity's name,
//! roles gathered from the text, and mentions resolved to entities.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::lexicon::not_a_person;
use super::mentions::{Kind, Mention};
use crate::text::{fold, name_key};

/// A person.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name seen.
    pub name: String,
    /// Every other form seen.
    pub aliases: BTreeSet<String>,
    /// Roles the text gives them ("german chancellor").
    pub roles: BTreeSet<String>,
    /// Documents that mention them, by number.
    pub documents: BTreeSet<usize>,
    /// How many times they are mentioned by name.
    pub mentions: usize,
    /// Whether some mention carries a title or role, or they are quoted: evidence of a person.
    pub evidence: bool,
}

/// All people, and how to find them.
#[derive(Clone, Debug, Default)]
pub(crate) struct Registry {
    pub(crate) people: Vec<Person>,
    by_surname: BTreeMap<u64, Vec<usize>>,
    /// People of two words or more by the letters of their name ([`letters`]).
    by_letters: BTreeMap<String, usize>,
    /// People of two words or more by the key of their given name.
    by_given: BTreeMap<u64, Vec<usize>>,
    /// People whose name has a letter lost to a wrong encoding ([`damaged`]), at most
    /// [`MAX_DAMAGED`].
    damaged: Vec<usize>,
    /// The person each damaged name mentioned is found as ([`Registry::lost_letters_of`]),
    /// worked out once the registry is built: a name is compared with hundreds of people once,
    /// not at each of its mentions.
    damaged_names: HashMap<String, Option<usize>>,
}

/// How many people with damaged names are compared with each name not found otherwise: a page
/// of thousands of damaged names stays linear.
const MAX_DAMAGED: usize = 256;

/// A name's letters and digits, folded, hyphens and spaces set aside: "Choi Sang-mok" and
/// "Choi Sang Mok" are one.
fn letters(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether a name has a letter lost to a wrong encoding ("Lu?s S?nchez").
fn damaged(name: &str) -> bool {
    name.contains(['?', '\u{FFFD}'])
}

/// Whether two names, one of them with letters lost to a wrong encoding, are the same once
/// each lost letter stands for any one letter ("Lu?s S?nchez", "Luís Sánchez").
fn same_but_lost_letters(a: &str, b: &str) -> bool {
    if damaged(a) == damaged(b) || a.chars().count() != b.chars().count() {
        return false;
    }
    let lost = |c: char| matches!(c, '?' | '\u{FFFD}');
    a.chars().zip(b.chars()).all(|(x, y)| {
        lost(x) && y.is_alphabetic() || lost(y) && x.is_alphabetic() || x.to_lowercase().eq(y.to_lowercase())
    })
}

/// A name of this many letters or more that is one edit from another with the same given name
/// is that name misspelt: a slip in a long name, not another person ("Anna Berg" and "Anna
/// Borg" are two).
const LONG_NAME: usize = 14;

fn surname_key(name: &str) -> u64 {
    name_key(name.split_whitespace().last().unwrap_or(name))
}

fn first_key(name: &str) -> Option<u64> {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "NATO Rutte" (from "NATO's Rutte"): an acronym is not a first name.
    let acronym = words.first().is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase()));
    (words.len() > 1 && !acronym).then(|| name_key(words[0]))
}

/// The words of a role phrase that a person's role must hold: an owner in the possessive
/// ("the city's mayor", "the company's chief executive") says whose office it is, not what.
fn role_words(role: &str) -> Vec<&str> {
    role.split_whitespace().filter(|w| !crate::text::is_possessive_form(w)).collect()
}

/// Whether two words differ by exactly one inserted, deleted or replaced letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    let head = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[head + 1..] == long[head + 1..]
    } else {
        short[head..] == long[head + 1..]
    }
}

/// Where a word that ends a full name is written alone: "Baltimore" in 26 documents that never
/// write "More Baltimore" (a page's "More Baltimore news" link) is the city, not that person's
/// surname. A person named in full is so named in nearly every report about them (each outlet
/// introduces them), so a bare word that stands alone in [`BARE_APART`] times more documents
/// than the one or two ([`FEW_FULL`]) that write the full name is not read as that name's
/// short form (outside those documents), when the full name opens with a word the documents
/// write in lower case ("More", "Outgoing"), no given name. A name written in full in more
/// documents, or opening with what may be a given name, keeps its bare word everywhere: a
/// report may name a famous person by surname alone ("Putin said"). (A first word written
/// alone as a name of its own is no sign: given names are, in a large set.)
struct BareElsewhere {
    /// Per surname key, the documents that write a full name ending on it.
    full: HashMap<u64, BTreeSet<usize>>,
    /// Per surname key, the documents that write it alone and no full name ending on it.
    bare: HashMap<u64, BTreeSet<usize>>,
    /// Surname keys of which every full name opens with no given name.
    ungiven: BTreeSet<u64>,
}

/// How many times more documents must write a word alone than write the full name it ends, for
/// the word to stand apart from the name (see [`BareElsewhere`]).
const BARE_APART: usize = 4;
/// The most documents that may write a full name for its last word, written alone far more
/// often, to stand apart from it (see [`BareElsewhere`]).
const FEW_FULL: usize = 2;

impl BareElsewhere {
    /// From the name mentions; `common_word` tells a word the documents write in lower case.
    fn of(mentions: &[&(usize, &Mention)], common_word: &dyn Fn(&str) -> bool) -> BareElsewhere {
        let mut full: HashMap<u64, BTreeSet<usize>> = HashMap::new();
        let mut alone: HashMap<u64, BTreeSet<usize>> = HashMap::new();
        for (doc, m) in mentions {
            let set = if m.text.contains(' ') { &mut full } else { &mut alone };
            set.entry(surname_key(&m.text)).or_default().insert(*doc);
        }
        // Per surname key, whether every full name ending on it opens with a common word.
        let mut all_ungiven: HashMap<u64, bool> = HashMap::new();
        for (_, m) in mentions.iter().filter(|(_, m)| m.text.contains(' ')) {
            let opening = m.text.split_whitespace().next().unwrap_or("");
            *all_ungiven.entry(surname_key(&m.text)).or_insert(true) &= common_word(opening);
        }
        let ungiven = all_ungiven.into_iter().filter(|e| e.1).map(|e| e.0).collect();
        let bare = alone
            .into_iter()
            .map(|(key, docs)| {
                let named = full.get(&key);
                let only: BTreeSet<usize> =
                    docs.into_iter().filter(|d| named.is_none_or(|n| !n.contains(d))).collect();
                (key, only)
            })
            .collect();
        BareElsewhere { full, bare, ungiven }
    }

    /// Whether the bare word of `key`, written in document `doc`, stands apart from the full
    /// names ending on it.
    fn stands_apart(&self, key: u64, doc: usize) -> bool {
        let Some(full) = self.full.get(&key) else { return false };
        full.len() <= FEW_FULL
            && self.ungiven.contains(&key)
            && !full.contains(&doc)
            && self.bare.get(&key).is_some_and(|b| b.len() > BARE_APART * full.len())
    }
}

impl Registry {
    /// Builds the registry from every name mention of every document (`(doc, mention)`).
    #[cfg(test)]
    pub(crate) fn build(names: &[(usize, &Mention)]) -> Registry {
        Registry::build_with(names, &|_| false)
    }

    /// The registry, as `Registry::build` makes it, where `common_word` tells a word the documents write in lower case
    /// (see [`BareElsewhere`]).
    pub(crate) fn build_with(names: &[(usize, &Mention)], common_word: &dyn Fn(&str) -> bool) -> Registry {
        let mut registry = Registry::default();
        // Full names first, so that a bare surname joins the person it abbreviates.
        // A name that reads as a place, a people or a party is a person only with a title.
        let mut ordered: Vec<&(usize, &Mention)> = names
            .iter()
            .filter(|(_, m)| m.kind == Kind::Name && !m.org && (m.titled || !not_a_person(&m.text)))
            .collect();
        ordered.sort_by_key(|(_, m)| std::cmp::Reverse(m.text.split_whitespace().count().min(2)));
        let elsewhere = BareElsewhere::of(&ordered, common_word);
        for (doc, m) in ordered {
            let key = surname_key(&m.text);
            let first = first_key(&m.text);
            // A bare word joins a person named in full only where the full name is some
            // evidence of what the word means (see `BareElsewhere`).
            let bare_apart = first.is_none() && !m.titled && elsewhere.stands_apart(key, *doc);
            let found = registry
                .by_surname
                .get(&key)
                .and_then(|ids| match first {
                    Some(f) => ids
                        .iter()
                        .copied()
                        .find(|&i| first_key(&registry.people[i].name).is_none_or(|g| g == f)),
                    None => ids
                        .iter()
                        .copied()
                        .filter(|&i| !bare_apart || !registry.people[i].name.contains(' '))
                        .max_by_key(|&i| (registry.people[i].mentions, std::cmp::Reverse(i))),
                })
                .or_else(|| {
                    (m.text.split_whitespace().count() == 1)
                        .then(|| registry.by_first_name(&m.text))
                        .flatten()
                })
                .or_else(|| registry.spelling_of(&m.text));
            let id = found.unwrap_or_else(|| {
                registry.people.push(Person { name: m.text.clone(), ..Person::default() });
                let id = registry.people.len() - 1;
                if damaged(&m.text) && registry.damaged.len() < MAX_DAMAGED {
                    registry.damaged.push(id);
                }
                id
            });
            if let [given, _, ..] = m.text.split_whitespace().collect::<Vec<_>>()[..] {
                registry.by_letters.entry(letters(&m.text)).or_insert(id);
                let ids = registry.by_given.entry(name_key(given)).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            // A person found by another spelling or a first name is found by this surname too.
            let ids = registry.by_surname.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
            let p = &mut registry.people[id];
            let (ours, theirs) = (m.text.split_whitespace().count(), p.name.split_whitespace().count());
            if ours > theirs || ours == theirs && damaged(&p.name) && !damaged(&m.text) {
                let old = std::mem::replace(&mut p.name, m.text.clone());
                p.aliases.insert(old);
            } else if m.text != p.name {
                p.aliases.insert(m.text.clone());
            }
            if let Some(role) = &m.role {
                p.roles.insert(role.clone());
            }
            p.evidence |= m.titled;
            p.documents.insert(*doc);
            p.mentions += 1;
        }
        let damaged_names: BTreeSet<&str> =
            names.iter().map(|(_, m)| m.text.as_str()).filter(|t| damaged(t)).collect();
        registry.damaged_names = damaged_names
            .into_iter()
            .map(|name| (name.to_string(), registry.lost_letters_of(name)))
            .collect();
        registry
    }

    /// The person `name` (of two words or more) spells another way: the same letters once
    /// hyphens and spaces are set aside ("Choi Sang Mok", "Choi Sang-mok"), or the same given
    /// name and a surname one edit away, for surnames of five letters or more ("Volodymyr
    /// Zelenskiy", "Volodymyr Zelenskyy"; transliterations differ by a letter), or the same
    /// given name and a whole name of [`LONG_NAME`] letters or more one edit away ("Maynor
    /// Yassir Suazo Sandoval", "Maynor Yasir Suazo-Sandoval"). A rule for any name, not a list
    /// of known people.
    fn spelling_of(&self, name: &str) -> Option<usize> {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 {
            return None;
        }
        if let Some(id) = self.lost_letters_of(name) {
            return Some(id);
        }
        if let Some(&id) = self.by_letters.get(&letters(name)) {
            return Some(id);
        }
        let surname = letters(words[words.len() - 1]);
        let whole = letters(name);
        let long = whole.chars().count() >= LONG_NAME;
        if surname.chars().count() < 5 && !long {
            return None;
        }
        self.by_given.get(&name_key(words[0]))?.iter().copied().find(|&id| {
            let theirs = &self.people[id].name;
            theirs.split_whitespace().nth(1).is_some()
                && (surname.chars().count() >= 5
                    && one_edit_apart(&surname, &letters(theirs.split_whitespace().last().unwrap_or("")))
                    || long && one_edit_apart(&whole, &letters(theirs)))
        })
    }

    /// The person `name` names when one of the two spells it with letters lost to a wrong
    /// encoding ([`same_but_lost_letters`]): a damaged name is compared with the first people
    /// of the registry and their other spellings (a few hundred at most), a clean one with the
    /// people whose name is damaged.
    fn lost_letters_of(&self, name: &str) -> Option<usize> {
        let alike = |i: &usize| {
            let p = &self.people[*i];
            same_but_lost_letters(name, &p.name) || p.aliases.iter().any(|a| same_but_lost_letters(name, a))
        };
        if damaged(name) {
            (0..self.people.len().min(MAX_DAMAGED * 4)).find(alike)
        } else {
            self.damaged.iter().copied().find(alike)
        }
    }

    /// The person whose first name is `name` ("Sir Keir" → Keir Starmer), when exactly one is.
    /// Looked up among the people a mention of two words or more opening with that word was
    /// found as ([`Registry::by_given`]): every person whose name opens with it is one of them,
    /// since a person's name is always one of their mentions.
    fn by_first_name(&self, name: &str) -> Option<usize> {
        let key = name_key(name);
        let mut found = self.by_given.get(&key)?.iter().copied().filter(|&i| {
            let mut words = self.people[i].name.split_whitespace();
            words.next().is_some_and(|first| name_key(first) == key) && words.next().is_some()
        });
        let first = found.next();
        if found.next().is_some() { None } else { first }
    }

    /// The person a name mention refers to.
    pub(crate) fn by_name(&self, name: &str) -> Option<usize> {
        if damaged(name)
            && let Some(id) = match self.damaged_names.get(name) {
                Some(&found) => found,
                None => self.lost_letters_of(name),
            }
        {
            return Some(id);
        }
        let by_surname = self.by_surname.get(&surname_key(name)).and_then(|ids| match first_key(name) {
            Some(f) => ids.iter().copied().find(|&i| first_key(&self.people[i].name).is_none_or(|g| g == f)),
            // A bare word that stands apart from the full name it ends (`BareElsewhere`) has a
            // person of its own: the bare word is that one.
            None => ids.iter().copied().find(|&i| !self.people[i].name.contains(' ')).or_else(|| {
                ids.iter().copied().max_by_key(|&i| (self.people[i].mentions, std::cmp::Reverse(i)))
            }),
        });
        let id = by_surname
            .or_else(|| (name.split_whitespace().count() == 1).then(|| self.by_first_name(name)).flatten())?;
        // Only someone the text marks as a person (a title, a role, a first and last name).
        let p = &self.people[id];
        (p.evidence || p.name.split_whitespace().count() > 1).then_some(id)
    }

    /// The person a role phrase ("prime minister", "us president", "ukrainian") stands for,
    /// preferring whoever of `recent` (people named before it, nearest first) holds the role:
    /// "the president" after "Mr Trump said" is Trump. Else, of the people document `doc`
    /// names, one whose role holds all its words, the most mentioned first. A person only other
    /// documents name is not who a description means: its writer's reader has only this
    /// document ("the official" of a report that names no official is not another report's
    /// military official).
    pub(crate) fn by_role_recent(&self, role: &str, doc: usize, recent: &[usize]) -> Option<usize> {
        let words = role_words(role);
        let fits = |p: &Person| {
            p.evidence
                && p.roles.iter().any(|r| {
                    let have: Vec<&str> = r.split_whitespace().collect();
                    words.iter().all(|w| have.contains(w))
                })
        };
        recent.iter().copied().find(|&i| fits(&self.people[i])).or_else(|| {
            self.people
                .iter()
                .enumerate()
                .filter(|(_, p)| fits(p) && p.documents.contains(&doc))
                .max_by_key(|(i, p)| (p.mentions, std::cmp::Reverse(*i)))
                .map(|(i, _)| i)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Registry, one_edit_apart};
    use crate::facts::mentions::mentions;

    /// The registry of the texts' name mentions (one text per document).
    fn registry(texts: &[&str]) -> Registry {
        let found: Vec<Vec<_>> = texts.iter().map(|t| mentions(t)).collect();
        let names: Vec<(usize, &_)> =
            found.iter().enumerate().flat_map(|(d, ms)| ms.iter().map(move |m| (d, m))).collect();
        Registry::build(&names)
    }

    /// The people of the texts (one per document), each with their other spellings.
    fn people(texts: &[&str]) -> Vec<String> {
        registry(texts)
            .people
            .iter()
            .map(|p| {
                let aliases: Vec<&str> = p.aliases.iter().map(String::as_str).collect();
                format!("{} [{}]", p.name, aliases.join(", "))
            })
            .collect()
    }

    #[test]
    fn a_first_name_alone_is_the_one_person_it_opens() {
        let one = registry(&[
            "Mayor Ingrid Solberg opened the bridge.",
            "Harbour master Tor Vik said it was safe.",
        ]);
        let name_of = |name: &str| one.by_name(name).map(|i| one.people[i].name.as_str());
        assert_eq!(name_of("Ingrid"), Some("Ingrid Solberg"));
        assert_eq!(name_of("Tor"), Some("Tor Vik"));
        assert_eq!(name_of("Solberg"), Some("Ingrid Solberg"));
        assert_eq!(name_of("Kari"), None);
        // Two people opening with one name: neither is meant.
        let two = registry(&["Ingrid Solberg and Ingrid Lunde spoke.", "Ingrid Lunde left."]);
        assert_eq!(two.by_name("Ingrid"), None);
    }

    #[test]
    fn a_bare_word_far_more_widespread_than_the_full_name_stands_apart() {
        // One page's "More Skarvik news" link; six reports that name the town alone.
        let texts = [
            "Read on. More Skarvik news here.",
            "The storm hit Skarvik on Tuesday.",
            "Roads near Skarvik were closed.",
            "Schools in Skarvik reopened.",
            "Ferries to Skarvik were cancelled.",
            "Power returned to Skarvik at noon.",
            "Skarvik council met on Friday.",
        ];
        let found: Vec<Vec<_>> = texts.iter().map(|t| mentions(t)).collect();
        let names: Vec<(usize, &_)> =
            found.iter().enumerate().flat_map(|(d, ms)| ms.iter().map(move |m| (d, m))).collect();
        let common = |w: &str| matches!(w.to_lowercase().as_str(), "more" | "read");
        let documents_of = |registry: &Registry, name: &str| {
            registry.people.iter().find(|p| p.name == name).map(|p| p.documents.len())
        };
        let registry = Registry::build_with(&names, &common);
        assert_eq!(documents_of(&registry, "More Skarvik"), Some(1));
        assert_eq!(documents_of(&registry, "Skarvik"), Some(6));
        // Nor is the bare word, resolved in another report, that person.
        let more = registry.people.iter().position(|p| p.name == "More Skarvik");
        assert_ne!(registry.by_name("Skarvik"), more);
        // With a given name, or named in full by more reports, the bare word is the surname.
        let registry = Registry::build_with(&names, &|_| false);
        assert_eq!(documents_of(&registry, "More Skarvik"), Some(7));
        let mut texts = texts.to_vec();
        texts.extend(["More Skarvik news here.", "More Skarvik news here."]);
        texts.extend(["Skarvik was calm."; 8]);
        let found: Vec<Vec<_>> = texts.iter().map(|t| mentions(t)).collect();
        let names: Vec<(usize, &_)> =
            found.iter().enumerate().flat_map(|(d, ms)| ms.iter().map(move |m| (d, m))).collect();
        let registry = Registry::build_with(&names, &common);
        assert_eq!(documents_of(&registry, "More Skarvik"), Some(17), "three reports write it in full");
    }

    #[test]
    fn spellings_of_one_name_are_one_person() {
        assert_eq!(
            people(&["President Volodymyr Zelenskiy spoke.", "Volodymyr Zelenskyy arrived."]),
            ["Volodymyr Zelenskiy [Volodymyr Zelenskyy]"]
        );
        assert_eq!(
            people(&["Acting President Choi Sang-mok spoke.", "Choi Sang Mok arrived."]),
            ["Choi Sang Mok [Choi Sang-mok]"]
        );
        // Other given names, or short surnames one letter apart, are other people.
        assert_eq!(people(&["Anna Berg spoke.", "Anna Borg arrived."]), ["Anna Berg []", "Anna Borg []"]);
        assert_eq!(
            people(&["Maria Lindqvist spoke.", "Marta Lindqvest arrived."]),
            ["Maria Lindqvist []", "Marta Lindqvest []"]
        );
        // Found by another spelling, then by its own surname: "Kari Lindqvest", "Kari Marie
        // Lindqvist", "Kari Lindqvist" are one.
        assert_eq!(
            people(&["Kari Lindqvest spoke.", "Kari Marie Lindqvist arrived.", "Kari Lindqvist left."]),
            ["Kari Marie Lindqvist [Kari Lindqvest, Kari Lindqvist]"]
        );
        // A long name one letter off, its surname written as one word or two.
        assert_eq!(
            people(&["Ola Kristoffer Berg Haugland spoke.", "Ola Kristofer Berg-Haugland arrived."]),
            ["Ola Kristoffer Berg Haugland [Ola Kristofer Berg-Haugland]"]
        );
        // Letters lost to a wrong encoding stand for any letter; the clean spelling is shown.
        for texts in
            [["Bjørn Trøen spoke.", "Bj?rn Tr?en arrived."], ["Bj?rn Tr?en arrived.", "Bjørn Trøen spoke."]]
        {
            assert_eq!(people(&texts), ["Bjørn Trøen [Bj?rn Tr?en]"]);
        }
        assert_eq!(people(&["Bj?rn Tr?en arrived.", "Bjarne Trøen spoke."]).len(), 2);
        assert!(one_edit_apart("zelenskiy", "zelenskyy"));
        assert!(one_edit_apart("zelensky", "zelenskyy"));
        assert!(!one_edit_apart("zelensky", "zelensky"));
        assert!(!one_edit_apart("lopez", "perez"));
    }
}
