//! People across the document set: mentions merged into entities by surname (spelling variants
//! join through stem keys: Zelensky / Zelenskyy), the fullest name kept as the entity's name,
//! roles gathered from the text, and mentions resolved to entities.

use std::collections::{BTreeMap, BTreeSet};

use super::lexicon::not_a_person;
use super::mentions::{Kind, Mention};
use crate::text::name_key;

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
}

fn surname_key(name: &str) -> u64 {
    name_key(name.split_whitespace().last().unwrap_or(name))
}

fn first_key(name: &str) -> Option<u64> {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "NATO Rutte" (from "NATO's Rutte"): an acronym is not a first name.
    let acronym = words.first().is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase()));
    (words.len() > 1 && !acronym).then(|| name_key(words[0]))
}

/// The person whose first name is `name` ("Sir Keir" → Keir Starmer), when exactly one is.
fn by_first_name(people: &[Person], name: &str) -> Option<usize> {
    let key = name_key(name);
    let mut found = people.iter().enumerate().filter(|(_, p)| {
        let words: Vec<&str> = p.name.split_whitespace().collect();
        words.len() > 1 && name_key(words[0]) == key
    });
    let first = found.next().map(|(i, _)| i);
    if found.next().is_some() { None } else { first }
}

impl Registry {
    /// Builds the registry from every name mention of every document (`(doc, mention)`).
    pub(crate) fn build(names: &[(usize, &Mention)]) -> Registry {
        let mut registry = Registry::default();
        // Full names first, so that a bare surname joins the person it abbreviates.
        // A name that reads as a place, a people or a party is a person only with a title.
        let mut ordered: Vec<&(usize, &Mention)> = names
            .iter()
            .filter(|(_, m)| m.kind == Kind::Name && !m.org && (m.titled || !not_a_person(&m.text)))
            .collect();
        ordered.sort_by_key(|(_, m)| std::cmp::Reverse(m.text.split_whitespace().count().min(2)));
        for (doc, m) in ordered {
            let key = surname_key(&m.text);
            let first = first_key(&m.text);
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
                        .max_by_key(|&i| (registry.people[i].mentions, std::cmp::Reverse(i))),
                })
                .or_else(|| {
                    (m.text.split_whitespace().count() == 1)
                        .then(|| by_first_name(&registry.people, &m.text))
                        .flatten()
                });
            let id = found.unwrap_or_else(|| {
                registry.people.push(Person { name: m.text.clone(), ..Person::default() });
                registry.by_surname.entry(key).or_default().push(registry.people.len() - 1);
                registry.people.len() - 1
            });
            let p = &mut registry.people[id];
            if m.text.split_whitespace().count() > p.name.split_whitespace().count() {
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
        registry
    }

    /// The person a name mention refers to.
    pub(crate) fn by_name(&self, name: &str) -> Option<usize> {
        let by_surname = self.by_surname.get(&surname_key(name)).and_then(|ids| match first_key(name) {
            Some(f) => ids.iter().copied().find(|&i| first_key(&self.people[i].name).is_none_or(|g| g == f)),
            None => ids.iter().copied().max_by_key(|&i| (self.people[i].mentions, std::cmp::Reverse(i))),
        });
        let id = by_surname.or_else(|| {
            (name.split_whitespace().count() == 1).then(|| by_first_name(&self.people, name)).flatten()
        })?;
        // Only someone the text marks as a person (a title, a role, a first and last name).
        let p = &self.people[id];
        (p.evidence || p.name.split_whitespace().count() > 1).then_some(id)
    }

    /// The person a role phrase ("prime minister", "us president", "ukrainian") stands for:
    /// one whose role holds all its words; among several, the most mentioned in `doc`, then
    /// overall.
    /// The person a role phrase stands for, preferring whoever of `recent` (people named before
    /// it, nearest first) holds the role: "the president" after "Mr Trump said" is Trump.
    pub(crate) fn by_role_recent(&self, role: &str, doc: usize, recent: &[usize]) -> Option<usize> {
        let words: Vec<&str> = role.split_whitespace().collect();
        let fits = |p: &Person| {
            p.roles.iter().any(|r| {
                let have: Vec<&str> = r.split_whitespace().collect();
                words.iter().all(|w| have.contains(w))
            })
        };
        recent
            .iter()
            .copied()
            .find(|&i| self.people[i].evidence && fits(&self.people[i]))
            .or_else(|| self.by_role(role, doc))
    }

    pub(crate) fn by_role(&self, role: &str, doc: usize) -> Option<usize> {
        let words: Vec<&str> = role.split_whitespace().collect();
        let fits = |p: &Person| {
            p.roles.iter().any(|r| {
                let have: Vec<&str> = r.split_whitespace().collect();
                words.iter().all(|w| have.contains(w))
            })
        };
        self.people
            .iter()
            .enumerate()
            .filter(|(_, p)| fits(p) && p.evidence)
            .max_by_key(|(i, p)| (p.documents.contains(&doc), p.mentions, std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
    }
}
