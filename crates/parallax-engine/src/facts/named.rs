//! Organisations and places across the document set.
//!
//! A capitalised name that is not a person becomes an organisation or a place by what the text
//! shows of it, never by a list of any story's names:
//!
//! - a place: a country, continent, US state or world capital (the general gazetteer in
//!   [`super::lexicon::is_known_place`]); a name ending in a geographic word ("Kerch Strait",
//!   "Red Square", "Halvik Harbour"); or a name written after "in", "from", "near" or "off" at
//!   least twice and never as a person;
//! - an organisation: a name ending in an institutional word ("Marine Accident Board", "Labour
//!   Party", "Fox News"), or an acronym of two to four capitals ("NATO", "FBI") mentioned at
//!   least twice and naming no country.
//!
//! Names merge by their folded form; an acronym joins the full name whose initials it spells
//! ("NTSB" → "National Transportation Safety Board"), the full name staying the entity's name.

use std::collections::{BTreeMap, BTreeSet};

use super::entities::Registry;
use super::lexicon::{is_geo_word, is_known_place};
use super::mentions::{Kind, Mention, is_institution_word};

/// What a named thing is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NamedKind {
    /// An organisation: a company, body, party, outlet, agency.
    Organization,
    /// A place: a country, region, city, landmark.
    Place,
}

/// An organisation or a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// The fullest form of the name.
    pub name: String,
    /// What it is.
    pub kind: NamedKind,
    /// Other forms seen (an acronym, a shorter form).
    pub aliases: BTreeSet<String>,
    /// Documents that mention it, by number.
    pub documents: BTreeSet<usize>,
    /// How many times it is mentioned.
    pub mentions: usize,
}

/// Evidence gathered for one name before it is classed.
#[derive(Default)]
struct Seen {
    first: (usize, usize),
    name: String,
    documents: BTreeSet<usize>,
    mentions: usize,
    org: bool,
    after_place_word: usize,
}

/// Organisations and places among the name mentions (`(doc, text before it, mention)`), in order
/// of first appearance; people in `registry` are left out.
pub(crate) fn named(names: &[(usize, &str, &Mention)], registry: &Registry) -> Vec<Named> {
    let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
    for (order, &(doc, before, m)) in names.iter().enumerate() {
        if m.kind != Kind::Name || m.titled || m.text.chars().count() < 2 {
            continue;
        }
        let key = m.text.to_lowercase();
        let s = seen.entry(key).or_insert_with(|| Seen {
            first: (order, 0),
            name: m.text.clone(),
            ..Seen::default()
        });
        s.documents.insert(doc);
        s.mentions += 1;
        s.org |= m.org;
        let prep = before.split_whitespace().last().unwrap_or("").to_lowercase();
        if matches!(prep.as_str(), "in" | "from" | "near" | "off" | "across" | "outside") {
            s.after_place_word += 1;
        }
    }
    let mut out: Vec<((usize, usize), Named)> = Vec::new();
    for s in seen.into_values() {
        let last = s.name.split_whitespace().last().unwrap_or("");
        let acronym = s.name.len() <= 6 && s.name.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        // Institutions by their last word; events, documents and plans ("Budapest Memorandum")
        // and geographic names are not organisations.
        let institution = is_institution_word(last) && (s.name.contains(' ') || s.mentions >= 2);
        // An acronym of two to four capitals ("NATO", "FBI"), not a word in capitals ("PEACE").
        let acronym = acronym && (2..=4).contains(&s.name.replace('.', "").len());
        let kind = if is_known_place(&s.name) || is_geo_word(last) && s.name.contains(' ') {
            Some(NamedKind::Place)
        } else if institution || acronym && s.mentions >= 2 {
            Some(NamedKind::Organization)
        } else if s.after_place_word >= 2 && registry.by_name(&s.name).is_none() {
            Some(NamedKind::Place)
        } else {
            None
        };
        if let Some(kind) = kind {
            let named = Named {
                name: s.name,
                kind,
                aliases: BTreeSet::new(),
                documents: s.documents,
                mentions: s.mentions,
            };
            out.push((s.first, named));
        }
    }
    out.sort_by_key(|(first, _)| *first);
    let mut list: Vec<Named> = out.into_iter().map(|(_, n)| n).collect();
    merge_acronyms(&mut list);
    list
}

/// Folds an acronym into the organisation whose initials it spells.
fn merge_acronyms(list: &mut Vec<Named>) {
    let initials = |name: &str| -> String {
        name.split_whitespace()
            .filter(|w| !matches!(*w, "of" | "for" | "and" | "the" | "on" | "de"))
            .filter_map(|w| w.chars().next())
            .collect::<String>()
    };
    let mut i = 0;
    while i < list.len() {
        let short = list[i].name.replace('.', "");
        let is_acronym = short.len() >= 2 && short.chars().all(|c| c.is_ascii_uppercase());
        let full = is_acronym
            .then(|| {
                list.iter().position(|n| n.name.split_whitespace().count() >= 2 && initials(&n.name) == short)
            })
            .flatten();
        match full {
            Some(j) if j != i => {
                let gone = list.remove(i);
                let j = if j > i { j - 1 } else { j };
                let target = &mut list[j];
                target.aliases.insert(gone.name);
                target.aliases.extend(gone.aliases);
                target.documents.extend(gone.documents);
                target.mentions += gone.mentions;
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{NamedKind, named};
    use crate::facts::entities::Registry;
    use crate::facts::mentions::mentions;

    #[track_caller]
    fn check(text: &str, expect: &[(&str, NamedKind)]) {
        let ms = mentions(text);
        let names: Vec<(usize, &str, &_)> = ms.iter().map(|m| (0, &text[..m.start], m)).collect();
        let people: Vec<(usize, &_)> = ms.iter().map(|m| (0, m)).collect();
        let registry = Registry::build(&people);
        let got: Vec<(String, NamedKind)> =
            named(&names, &registry).into_iter().map(|n| (n.name, n.kind)).collect();
        let expect: Vec<(String, NamedKind)> = expect.iter().map(|(n, k)| (n.to_string(), *k)).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn organisations_and_places() {
        use NamedKind::{Organization as O, Place as P};
        check(
            "The Marine Accident Board met in Halvik on Monday. Crews from Halvik and Norway joined, \
             and NATO sent ships to the Kerch Strait. NATO said so. The GDP fell. PEACE NOW, PEACE.",
            &[("Marine Accident Board", O), ("Halvik", P), ("Norway", P), ("NATO", O), ("Kerch Strait", P)],
        );
        check(
            "The National Transportation Safety Board said on Monday that the NTSB would report.",
            &[("National Transportation Safety Board", O)],
        );
        check("Transport Minister Tomas Varga spoke in Oslo.", &[("Oslo", P)]);
    }
}
