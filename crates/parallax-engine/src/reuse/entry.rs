//! The stage's entry point: documents → links between them and their origins.

use std::collections::BTreeMap;

use parallax_model::Relation;
use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use super::align::{Found, Prepared, align};
use super::doc::Doc;
use super::lsh;
use super::minhash::signature;
use super::origins::{Group, group};

/// Settings of the reuse stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// Stem keys per document shingle for candidate search.
    pub shingle: usize,
    /// The LSH index.
    pub lsh: lsh::Config,
    /// Up to this many documents every pair is aligned; above it, only LSH candidates.
    pub all_pairs_up_to: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config { shingle: 5, lsh: lsh::Config::default(), all_pairs_up_to: 48 }
    }
}

/// Two documents that share text, by document number (`a < b`, input order).
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// One document.
    pub a: usize,
    /// The other, later in input order.
    pub b: usize,
    /// How they are related.
    pub relation: Relation,
    /// Share of a's text found in b.
    pub containment_a: f64,
    /// Share of b's text found in a.
    pub containment_b: f64,
    /// The passages of a found in b, as runs of consecutive sentences.
    pub passages: Vec<String>,
    /// Sentences of a not found in b (what b cut, when b reprints a).
    pub only_in_a: Vec<usize>,
    /// Sentences of b not found in a (what b added).
    pub only_in_b: Vec<usize>,
}

/// What the reuse stage found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reuse {
    /// Every pair with a relation, sorted by `(a, b)`.
    pub links: Vec<Link>,
    /// Every document in exactly one origin, ordered by first member.
    pub origins: Vec<Group>,
    /// Pairs that were aligned exactly.
    pub candidates: usize,
}

/// Links and origins of `docs`.
pub fn reuse(docs: &[Doc], config: &Config) -> Reuse {
    let prepared: Vec<Prepared> = docs.par_iter().map(Prepared::new).collect();
    // Identical documents are linked to their first copy directly and kept out of the
    // search, so a story duplicated a thousand times costs a thousand hashes.
    let mut first_of: BTreeMap<u64, usize> = BTreeMap::new();
    let mut duplicate_of: Vec<Option<usize>> = vec![None; docs.len()];
    for (i, doc) in docs.iter().enumerate() {
        if doc.is_empty() {
            continue;
        }
        let mut bytes = Vec::new();
        for s in &doc.sentences {
            for k in &s.keys {
                bytes.extend_from_slice(&k.to_le_bytes());
            }
        }
        let hash = xxh3_64(&bytes);
        match first_of.get(&hash) {
            Some(&first) => duplicate_of[i] = Some(first),
            None => {
                first_of.insert(hash, i);
            }
        }
    }
    let distinct: Vec<usize> = (0..docs.len()).filter(|&i| duplicate_of[i].is_none() && !docs[i].is_empty()).collect();
    let pairs: Vec<(usize, usize)> = if distinct.len() <= config.all_pairs_up_to {
        let mut pairs = Vec::new();
        for (n, &a) in distinct.iter().enumerate() {
            for &b in &distinct[n + 1..] {
                pairs.push((a, b));
            }
        }
        pairs
    } else {
        candidates(docs, &distinct, config)
    };
    let mut links: Vec<Link> = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let alignment = align(&prepared[a], &prepared[b]);
            let relation = alignment.relation?;
            Some(Link {
                a,
                b,
                relation,
                containment_a: round(alignment.containment.0),
                containment_b: round(alignment.containment.1),
                passages: passages(&docs[a], &alignment.found_a),
                only_in_a: missing(&alignment.found_a),
                only_in_b: missing(&alignment.found_b),
            })
        })
        .collect();
    for (i, first) in duplicate_of.iter().enumerate() {
        if let Some(first) = *first {
            links.push(Link {
                a: first,
                b: i,
                relation: Relation::Copy,
                containment_a: 1.0,
                containment_b: 1.0,
                passages: vec![docs[i].sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ")],
                only_in_a: Vec::new(),
                only_in_b: Vec::new(),
            });
        }
    }
    links.sort_by_key(|l| (l.a, l.b));
    let origins = group(docs, &links);
    Reuse { links, origins, candidates: pairs.len() }
}

/// Candidate pairs among `distinct` from the LSH index.
fn candidates(docs: &[Doc], distinct: &[usize], config: &Config) -> Vec<(usize, usize)> {
    let signatures: Vec<Option<[u32; 128]>> =
        distinct.par_iter().map(|&d| signature(&docs[d].shingles(config.shingle))).collect();
    let mut index = lsh::Index::new(config.lsh);
    for (n, sig) in signatures.iter().enumerate() {
        if let Some(sig) = sig
            && n < lsh::MAX_DOCS
        {
            index.insert(n as u32, sig);
        }
    }
    index.candidates().into_iter().map(|(a, b)| (distinct[a as usize], distinct[b as usize])).collect()
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Runs of consecutive found sentences of `doc`, as text.
fn passages(doc: &Doc, found: &[Found]) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for (s, f) in doc.sentences.iter().zip(found) {
        if *f == Found::No {
            if !run.is_empty() {
                out.push(run.join(" "));
                run.clear();
            }
        } else {
            run.push(&s.text);
        }
    }
    if !run.is_empty() {
        out.push(run.join(" "));
    }
    out
}

fn missing(found: &[Found]) -> Vec<usize> {
    found.iter().enumerate().filter(|(_, f)| **f == Found::No).map(|(i, _)| i).collect()
}
