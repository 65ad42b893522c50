//! Exact alignment of two documents, sentence by sentence, and the relation it shows.
//!
//! Each sentence is cut into shingles of three stem keys. A sentence of `a` is found in `b`
//! when at least half of its shingles occur in `b`, which survives a changed word, a changed
//! quote style or spelling, and sentences merged, split, added, dropped or moved. A found
//! sentence is a prose match when its words outside quotation marks are found too (at least
//! half of its unquoted shingles, and at least two); otherwise it is a quote match: two outlets
//! quoting the same speaker share those words, not their own prose around them.
//!
//! Whether two documents reuse text is decided on prose alone: a run of three or more
//! consecutive prose sentences found in the other, or two or more prose sentences making at
//! least 30% of either text. Quoted words shared by independent prose are not reuse. Once
//! reuse is established, everything found counts, quotes included (a reprint carries the
//! quotes too):
//! - `copy`: at least 60% of each document's text is found in the other;
//! - `partial_copy`: less (a reprint plus appended items, an item that reuses a block of wire
//!   copy);
//! - `shared_quotes`: no prose reuse, but quoted words found in both;
//! - nothing: too little is shared.

use parallax_model::Relation;

use super::doc::{Doc, shingles_of};

/// Sentences shorter than this many tokens are never matched on their own: "He said so."
const MIN_TOKENS: usize = 4;

/// A document's sentences as shingles, ready to align.
#[derive(Clone, Debug, Default)]
pub(crate) struct Prepared {
    /// Per sentence: its shingles, each with whether all its tokens are quoted.
    sentences: Vec<Vec<(u64, bool)>>,
    /// Per sentence: its length in bytes.
    lengths: Vec<usize>,
    /// All shingles of the document, sorted and unique.
    all: Vec<u64>,
}

impl Prepared {
    pub(crate) fn new(doc: &Doc) -> Prepared {
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        let mut all = Vec::new();
        for s in &doc.sentences {
            let hashes = shingles_of(&s.keys, 3);
            let k = 3.min(s.keys.len()).max(1);
            let marked: Vec<(u64, bool)> = hashes
                .iter()
                .enumerate()
                .map(|(i, &h)| (h, s.quoted.get(i..i + k).is_some_and(|q| q.iter().all(|&x| x))))
                .collect();
            all.extend(&hashes);
            sentences.push(if s.keys.len() >= MIN_TOKENS { marked } else { Vec::new() });
        }
        all.sort_unstable();
        all.dedup();
        Prepared { sentences, lengths: doc.sentences.iter().map(|s| s.text.len()).collect(), all }
    }
}

/// How a sentence of one document was found in another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    No,
    Prose,
    Quote,
}

/// One direction of an alignment: how each sentence of `a` was found in `b`.
fn found(a: &Prepared, b: &Prepared) -> Vec<Found> {
    a.sentences
        .iter()
        .map(|shingles| {
            if shingles.is_empty() {
                return Found::No;
            }
            let mut hits = 0;
            let mut unquoted = 0;
            let mut unquoted_hits = 0;
            for &(h, quoted) in shingles {
                let hit = b.all.binary_search(&h).is_ok();
                hits += usize::from(hit);
                if !quoted {
                    unquoted += 1;
                    unquoted_hits += usize::from(hit);
                }
            }
            if hits * 2 < shingles.len() {
                Found::No
            } else if unquoted_hits >= 2 && unquoted_hits * 2 >= unquoted {
                Found::Prose
            } else {
                Found::Quote
            }
        })
        .collect()
}

/// The alignment of two documents.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Alignment {
    pub(crate) relation: Option<Relation>,
    /// Share of a's text found in b, and of b's in a.
    pub(crate) containment: (f64, f64),
    /// How each sentence of a was found in b, and of b in a.
    pub(crate) found_a: Vec<Found>,
    pub(crate) found_b: Vec<Found>,
}

pub(crate) fn align(a: &Prepared, b: &Prepared) -> Alignment {
    let found_a = found(a, b);
    let found_b = found(b, a);
    let share = |found: &[Found], lengths: &[usize], pick: &dyn Fn(Found) -> bool| -> f64 {
        let total: usize = lengths.iter().sum();
        if total == 0 {
            return 0.0;
        }
        let hit: usize = found.iter().zip(lengths).filter(|(f, _)| pick(**f)).map(|(_, l)| l).sum();
        hit as f64 / total as f64
    };
    let any = |f: Found| f != Found::No;
    let prose = |f: Found| f == Found::Prose;
    let containment = (share(&found_a, &a.lengths, &any), share(&found_b, &b.lengths, &any));
    let prose_share = (share(&found_a, &a.lengths, &prose), share(&found_b, &b.lengths, &prose));
    let prose_count = found_a.iter().filter(|f| **f == Found::Prose).count();
    let longest_run = longest_prose_run(&found_a).max(longest_prose_run(&found_b));
    let quotes = found_a.iter().chain(&found_b).any(|f| *f == Found::Quote);
    let reuses = longest_run >= 3 || (prose_count >= 2 && prose_share.0.max(prose_share.1) >= 0.3);
    let relation = if reuses && containment.0 >= 0.6 && containment.1 >= 0.6 {
        Some(Relation::Copy)
    } else if reuses {
        Some(Relation::PartialCopy)
    } else if quotes {
        Some(Relation::SharedQuotes)
    } else {
        None
    };
    Alignment { relation, containment, found_a, found_b }
}

fn longest_prose_run(found: &[Found]) -> usize {
    let mut best = 0;
    let mut run = 0;
    for f in found {
        run = if *f == Found::Prose { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}
