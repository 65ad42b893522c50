//! Origins: documents linked by copy or partial copy go back to one independent origin.
//!
//! Links are joined with union-find, so a reprint of a reprint shares the origin. Within an
//! origin the root, the document the others reprint, is the earliest published; among equals,
//! the one that contains most of the others' text (reprints cut more often than they add);
//! then the first in input order. The origin is named after the wire or agency its documents
//! credit most, taking each document's strongest credit and counting a copy credit ("The PA
//! news agency understands") twice as much as a photo credit.

use std::collections::BTreeMap;

use super::doc::Doc;
use super::entry::Link;

/// Documents that go back to one independent origin.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Its documents, by number, ascending.
    pub members: Vec<usize>,
    /// The document the others reprint.
    pub root: usize,
    /// The wire or agency its documents credit, when they do.
    pub name: Option<String>,
}

pub(crate) fn group(docs: &[Doc], links: &[Link]) -> Vec<Group> {
    let mut sets = crate::sets::DisjointSets::new(docs.len());
    for link in links.iter().filter(|l| l.relation.same_origin()) {
        sets.union(link.a, link.b);
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for d in 0..docs.len() {
        let root = sets.find(d);
        members.entry(root).or_default().push(d);
    }
    // How much of its origin-mates' text each document contains, summed over its links.
    let mut contained = vec![0.0f64; docs.len()];
    for link in links.iter().filter(|l| l.relation.same_origin()) {
        contained[link.a] += link.containment_b;
        contained[link.b] += link.containment_a;
    }
    members
        .into_values()
        .map(|members| {
            let root = members
                .iter()
                .copied()
                .min_by(|&x, &y| {
                    let date = |d: usize| {
                        docs[d]
                            .published
                            .map_or(i64::MAX, |p| i64::from(p.year()) * 400 + i64::from(p.day_of_year()))
                    };
                    date(x).cmp(&date(y)).then(contained[y].total_cmp(&contained[x])).then(x.cmp(&y))
                })
                .unwrap_or(members[0]);
            let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
            for &m in &members {
                if let Some(credit) = docs[m].credits.first() {
                    *votes.entry(credit.as_str()).or_default() +=
                        if docs[m].strong_credits > 0 { 2 } else { 1 };
                }
            }
            let name = votes
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(name, _)| (*name).to_string());
            Group { members, root, name }
        })
        .collect()
}
