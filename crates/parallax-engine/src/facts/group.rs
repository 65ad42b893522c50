//! Quotes and dated sentences across documents: the same words in several documents are one
//! quote with its variants (worded differently, truncated), the same dated sentence one
//! timeline entry.

use std::collections::BTreeSet;

use xxhash_rust::xxh3::xxh3_64;

use crate::text::fold;

use super::entry::Facts;

/// One quote across documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteGroup {
    /// The speaker, when known.
    pub speaker: Option<String>,
    /// The fullest wording.
    pub text: String,
    /// Every wording, with the documents (by number) that carry it; the fullest first.
    pub variants: Vec<(String, BTreeSet<usize>)>,
    /// Where it was said, when a document says.
    pub venue: Option<String>,
    /// Whether every occurrence is partial.
    pub partial: bool,
}

impl QuoteGroup {
    /// Every document that carries the quote in any wording.
    pub fn documents(&self) -> BTreeSet<usize> {
        self.variants.iter().flat_map(|(_, d)| d.iter().copied()).collect()
    }
}

/// A wording in match form: its words, and the hashes of its adjacent word pairs, sorted.
struct Shape {
    words: Vec<String>,
    pairs: Vec<u64>,
}

fn shape(s: &str) -> Shape {
    let words: Vec<String> = fold(s)
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut pairs: Vec<u64> =
        words.windows(2).map(|p| xxh3_64(format!("{} {}", p[0], p[1]).as_bytes())).collect();
    pairs.sort_unstable();
    pairs.dedup();
    Shape { words, pairs }
}

/// Whether two wordings are the same quote: most of the shorter's word pairs occur in the
/// longer (which covers one holding the other, a word changed, a truncation).
fn same_quote(a: &Shape, b: &Shape) -> bool {
    let (short, long) = if a.words.len() <= b.words.len() { (a, b) } else { (b, a) };
    if short.words.is_empty() {
        return false;
    }
    if short.pairs.is_empty() {
        return long.words.len() == 1 && long.words[0] == short.words[0];
    }
    let shared = short.pairs.iter().filter(|p| long.pairs.binary_search(p).is_ok()).count();
    shared * 10 >= short.pairs.len() * 6
}

/// The quotes of all documents grouped, in order of first appearance.
pub fn group_quotes(facts: &Facts) -> Vec<QuoteGroup> {
    let mut groups: Vec<(QuoteGroup, Shape)> = Vec::new();
    for (d, doc) in facts.docs.iter().enumerate() {
        for q in &doc.quotes {
            let w = shape(&q.text);
            if w.words.is_empty() {
                continue;
            }
            let found = groups.iter_mut().find(|(g, gw)| {
                (g.speaker == q.speaker || g.speaker.is_none() || q.speaker.is_none()) && same_quote(gw, &w)
            });
            match found {
                Some((g, gw)) => {
                    match g.variants.iter_mut().find(|(t, _)| shape(t).words == w.words) {
                        Some((_, docs)) => {
                            docs.insert(d);
                        }
                        None => g.variants.push((q.text.clone(), BTreeSet::from([d]))),
                    }
                    if w.words.len() > gw.words.len() {
                        g.text = q.text.clone();
                        *gw = w;
                    }
                    g.speaker = g.speaker.clone().or_else(|| q.speaker.clone());
                    g.venue = g.venue.clone().or_else(|| q.venue.clone());
                    g.partial &= q.partial;
                }
                None => groups.push((
                    QuoteGroup {
                        speaker: q.speaker.clone(),
                        text: q.text.clone(),
                        variants: vec![(q.text.clone(), BTreeSet::from([d]))],
                        venue: q.venue.clone(),
                        partial: q.partial,
                    },
                    w,
                )),
            }
        }
    }
    groups
        .into_iter()
        .map(|(mut g, _)| {
            g.variants.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
            g
        })
        .collect()
}

/// One dated event across documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineGroup {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// The sentence that dates it.
    pub text: String,
    /// Documents that carry the sentence (by number).
    pub documents: BTreeSet<usize>,
}

/// Dated sentences of all documents, the same sentence on the same date merged, sorted by date.
pub fn timeline(facts: &Facts) -> Vec<TimelineGroup> {
    let mut out: Vec<(TimelineGroup, Shape)> = Vec::new();
    for (d, doc) in facts.docs.iter().enumerate() {
        for dated in &doc.dated {
            let w = shape(&dated.text);
            match out.iter_mut().find(|(g, gw)| g.date == dated.date && same_quote(gw, &w)) {
                Some((g, _)) => {
                    g.documents.insert(d);
                }
                None => out.push((
                    TimelineGroup {
                        date: dated.date.clone(),
                        text: dated.text.clone(),
                        documents: BTreeSet::from([d]),
                    },
                    w,
                )),
            }
        }
    }
    let mut out: Vec<TimelineGroup> = out.into_iter().map(|(g, _)| g).collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.documents.iter().next().cmp(&b.documents.iter().next())));
    out
}
