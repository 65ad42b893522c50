//! Claim groups: the sentences of all documents that make the same statement, with their
//! documents and the number of independent origins behind them.
//!
//! Sentences that say the same thing in the same words (a reprint) share their content keys
//! exactly and are joined first, at no cost. The others are compared only with sentences that
//! share one of their rarest words (an inverted index probed with the part of a sentence that
//! must be shared for the score to reach [`SAME_STATEMENT`]), so a story of thousands of
//! articles is not compared pair by pair. Groups grow from a leader: a sentence joins the group
//! of the earlier sentence it is most similar to, if it is also close enough to that group's
//! first sentence, so one loose match cannot chain two different statements together.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

use super::similar::{SAME_STATEMENT, Statement, Weights, similarity};
use super::summary::stands_alone;
use crate::text::Analyzer;

/// How far below [`SAME_STATEMENT`] a sentence may stand from a group's leader and still join
/// it through a closer member.
const LEADER_SLACK: f64 = 0.1;
/// A sentence is a claim when it has at least this many content words.
const MIN_TERMS: usize = 4;
/// Words held by more than this share of sentences (and by more than [`COMMON_FLOOR`]) are not
/// used to look for similar sentences: they would make every pair a candidate.
const COMMON_SHARE: f64 = 0.2;
const COMMON_FLOOR: usize = 50;

/// How many of `n` statements may hold a word before it is too common to look up neighbours by
/// (see [`COMMON_SHARE`]).
pub(crate) fn common_limit(n: usize) -> usize {
    ((n as f64 * COMMON_SHARE) as usize).max(COMMON_FLOOR)
}

/// One document as the claims stage reads it.
#[derive(Clone, Debug, Default)]
pub struct DocInput<'a> {
    /// Its headline, when it has one.
    pub title: Option<&'a str>,
    /// Its sentences, in order.
    pub sentences: Vec<&'a str>,
    /// For each sentence, the share of its words inside quotation marks (0 to 1).
    pub quoted: Vec<f64>,
    /// The independent origin it belongs to (from the reuse stage).
    pub origin: usize,
    /// Its publication date, when known.
    pub published: Option<jiff::civil::Date>,
    /// Its dated sentences: (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or a week, the sentence).
    pub dated: Vec<(String, String)>,
}

/// A sentence: (document, sentence index).
pub type SentenceRef = (usize, usize);

/// Sentences across documents that make one statement.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimGroup {
    /// The member that best stands for the group (closest to the others; the earliest on a tie).
    pub text: String,
    /// Its representative sentence.
    pub representative: SentenceRef,
    /// Every member sentence, in document order.
    pub members: Vec<SentenceRef>,
    /// Documents that make it.
    pub documents: BTreeSet<usize>,
    /// Distinct origins among the documents.
    pub origins: usize,
}

/// The prepared sentences of a document set, with the word weights of the set.
pub struct Prepared {
    /// Per document, per sentence, its statement (empty when the sentence is not a claim).
    pub statements: Vec<Vec<Statement>>,
    /// Word weights over all sentences.
    pub weights: Weights,
}

/// Statements of every sentence of `docs`, people's first names read as their surnames
/// (`aliases`), and the weights of their words.
pub fn prepare(docs: &[DocInput], aliases: &HashMap<u64, u64>) -> Prepared {
    let statements: Vec<Vec<Statement>> = docs
        .par_iter()
        .map_init(Analyzer::new, |analyzer, d| {
            d.sentences
                .iter()
                .zip(d.quoted.iter().chain(std::iter::repeat(&0.0)))
                .map(|(s, &q)| {
                    let st = Statement::new(s, analyzer, aliases);
                    // A sentence that is mostly a quote is a quote: "who said what" shows it.
                    if st.terms.len() < MIN_TERMS || q > 0.6 || s.trim_end().ends_with('?') {
                        Statement::default()
                    } else {
                        st
                    }
                })
                .collect()
        })
        .collect();
    let weights = Weights::new(statements.iter().flatten().filter(|s| !s.is_empty()));
    Prepared { statements, weights }
}

/// Groups the claim sentences of `docs` (see the module documentation). Groups come in the
/// order of their first sentence.
pub fn group(docs: &[DocInput], prepared: &Prepared) -> Vec<ClaimGroup> {
    let Prepared { statements, weights } = prepared;
    let refs: Vec<SentenceRef> = statements
        .iter()
        .enumerate()
        .flat_map(|(d, ss)| ss.iter().enumerate().filter(|(_, s)| !s.is_empty()).map(move |(i, _)| (d, i)))
        .collect();
    let stmt = |r: SentenceRef| &statements[r.0][r.1];

    // Exact repeats first: one entry per distinct statement.
    let mut distinct: Vec<Vec<SentenceRef>> = Vec::new();
    let mut by_terms: HashMap<(&[u64], &[String], bool), usize> = HashMap::new();
    for &r in &refs {
        let s = stmt(r);
        let key = (s.terms.as_slice(), s.numbers.as_slice(), s.negated);
        match by_terms.get(&key) {
            Some(&i) => distinct[i].push(r),
            None => {
                by_terms.insert(key, distinct.len());
                distinct.push(vec![r]);
            }
        }
    }

    // Inverted index of every word of every distinct statement, rare words only.
    let common = common_limit(distinct.len());
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, members) in distinct.iter().enumerate() {
        for &t in &stmt(members[0]).terms {
            index.entry(t).or_default().push(i);
        }
    }
    index.retain(|_, v| v.len() <= common);

    // For each distinct statement, its earlier neighbours at or above the threshold.
    let neighbours: Vec<Vec<(usize, f64)>> = (0..distinct.len())
        .into_par_iter()
        .map(|i| {
            let s = stmt(distinct[i][0]);
            let mut probe: Vec<(f64, u64)> = s.terms.iter().map(|&t| (weights.weight(t), t)).collect();
            probe.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            // A pair reaching the threshold shares at least SAME_STATEMENT of the lighter
            // side's weight, so it shares one of the heaviest words that together make up that
            // much; probing with the words that make up half of it also finds most pairs where
            // the other side is the lighter one.
            let total: f64 = probe.iter().map(|p| p.0).sum();
            let mut rest = total;
            let mut seen = BTreeSet::new();
            for &(w, t) in &probe {
                if rest < SAME_STATEMENT * total * 0.5 {
                    break;
                }
                rest -= w;
                if let Some(list) = index.get(&t) {
                    seen.extend(list.iter().copied().filter(|&j| j < i));
                }
            }
            let mut out: Vec<(usize, f64)> = seen
                .into_iter()
                .map(|j| (j, similarity(s, stmt(distinct[j][0]), weights)))
                .filter(|&(_, sim)| sim >= SAME_STATEMENT)
                .collect();
            out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            out
        })
        .collect();

    // Leader clustering over the distinct statements, in order.
    let mut group_of: Vec<usize> = Vec::with_capacity(distinct.len());
    let mut leaders: Vec<usize> = Vec::new();
    for (i, near) in neighbours.iter().enumerate() {
        let s = stmt(distinct[i][0]);
        let joined = near.iter().find_map(|&(j, _)| {
            let g = group_of[j];
            let leader = stmt(distinct[leaders[g]][0]);
            (similarity(s, leader, weights) >= SAME_STATEMENT - LEADER_SLACK).then_some(g)
        });
        match joined {
            Some(g) => group_of.push(g),
            None => {
                group_of.push(leaders.len());
                leaders.push(i);
            }
        }
    }
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); leaders.len()];
    for (i, &g) in group_of.iter().enumerate() {
        members_of[g].push(i);
    }

    members_of
        .into_iter()
        .map(|ds| {
            // The representative: the distinct statement closest to the others.
            let best = ds
                .iter()
                .copied()
                .map(|i| {
                    let s = stmt(distinct[i][0]);
                    // A whole sentence that reads on its own stands for the group before a
                    // headline or a live page's bullet.
                    let (d, n) = distinct[i][0];
                    let whole = if stands_alone(docs[d].sentences[n]) { 1.0 } else { 0.0 };
                    let members: usize = ds.iter().map(|&j| distinct[j].len()).sum();
                    let closeness: f64 = ds
                        .iter()
                        .filter(|&&j| j != i)
                        .map(|&j| similarity(s, stmt(distinct[j][0]), weights) * distinct[j].len() as f64)
                        .sum::<f64>()
                        + whole * (members + 1) as f64;
                    (i, closeness)
                })
                .fold(None::<(usize, f64)>, |acc, (i, c)| match acc {
                    Some((_, best)) if best >= c => acc,
                    _ => Some((i, c)),
                })
                .map_or(ds[0], |(i, _)| i);
            let mut members: Vec<SentenceRef> =
                ds.iter().flat_map(|&i| distinct[i].iter().copied()).collect();
            members.sort_unstable();
            let documents: BTreeSet<usize> = members.iter().map(|m| m.0).collect();
            let origins: BTreeSet<usize> = documents.iter().map(|&d| docs[d].origin).collect();
            let representative = distinct[best][0];
            ClaimGroup {
                text: docs[representative.0].sentences[representative.1].trim().to_string(),
                representative,
                members,
                documents,
                origins: origins.len(),
            }
        })
        .collect()
}
