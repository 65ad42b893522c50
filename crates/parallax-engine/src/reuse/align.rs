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
//! consecutive prose sentences found in the other, two or more prose sentences making at
//! least 30% of either text, or one long sentence of prose found word for word (a wire
//! story's later version keeps whole sentences of the earlier one, however much else it
//! changes). Quoted words shared by independent prose are not reuse. Once
//! reuse is established, everything found counts, quotes included (a reprint carries the
//! quotes too):
//! - `copy`: at least 60% of each document's text is found in the other;
//! - `partial_copy`: less (a reprint plus appended items, an item that reuses a block of wire
//!   copy);
//! - `rewrite`: no prose reuse, but the same copy reworded sentence by sentence: a run of
//!   [`REWRITE_RUN`] sentences in the same order, each holding half the content words of its
//!   counterpart (a lead skipped or added here and there). A wire story's write-through
//!   changes its lead, figures and word choice but keeps its build; a site that rewords a
//!   reprint ("deeply sorry" → "deeply regret") keeps every sentence in its place. Independent
//!   reports of one event tell the same facts, but not five in a row in the same order. Two
//!   documents that credit the same wire in their copy need only [`WIRE_REWRITE_RUN`]: the
//!   credit already says where the copy comes from, the run says it is the same story; and two
//!   documents with two sentences found word for word need [`BACKED_REWRITE_RUN`] (a site's
//!   rewrite of a copy keeps a few sentences as they were); or a brief made from the copy:
//!   every sentence of one document found in the other or rewording one of its sentences,
//!   one at least found word for word (see [`brief`]);
//! - `shared_quotes`: no prose reuse, but quoted words found in both;
//! - nothing: too little is shared.

use parallax_model::Relation;

use super::doc::{Doc, shingles_of};
use crate::text::{is_closing_quote, is_function_key, is_opening_quote};

/// Sentences in the same order, each a rewording of its counterpart, that make a rewrite.
pub const REWRITE_RUN: usize = 5;
/// Sentences in the same order, each a rewording of its counterpart, that make a rewrite of
/// two documents crediting one wire in their copy ("LOS ANGELES (Reuters) –" in both): a
/// write-through with a new lead and figures. Chosen over the eight real events (`parallax
/// eval events`, origins): no two documents of different origins there credit one wire and
/// share a run of two or more; the write-throughs that do share three.
pub const WIRE_REWRITE_RUN: usize = 3;
/// Sentences in the same order, each a rewording of its counterpart, that make a rewrite when
/// [`BACKING_PROSE`] sentences are also found word for word: a site that rewrites a copy
/// sentence by sentence keeps a few of its sentences as they were. Chosen over the eight real
/// events (`parallax eval events`, origins): pairs of different origins share runs of four
/// only with no sentence found word for word, and two rewritten copies (a wire story reworded
/// by a site, two versions of one agency report) share runs of four with two or three.
pub const BACKED_REWRITE_RUN: usize = 4;
/// Sentences found word for word that lower a rewrite's run to [`BACKED_REWRITE_RUN`].
const BACKING_PROSE: usize = 2;
/// A sentence rewords another when they share this share of the shorter one's content words.
const REWORDS: f64 = 0.5;
/// Sentences with fewer content words are not compared for rewording.
const MIN_CONTENT: usize = 4;

/// Sentences shorter than this many tokens are never matched on their own: "He said so."
const MIN_TOKENS: usize = 4;
/// A sentence with this many unquoted shingles (about 26 words of prose) is long enough that
/// finding it word for word in another document shows reuse on its own. Chosen over the eight
/// real events (`parallax eval events`, origins): from 22 to 25 it joins the same wire
/// versions and nothing else; 20 joins a report that borrowed one wire sentence into its own
/// copy, 28 misses a write-through.
const LONG_PROSE: usize = 24;
/// The share of a long sentence's unquoted shingles that must be found for it to count as
/// found word for word.
const VERBATIM_SHARE: f64 = 0.8;

/// A document's sentences as shingles, ready to align.
#[derive(Clone, Debug, Default)]
pub(crate) struct Prepared {
    /// Per sentence: its shingles, each with whether all its tokens are quoted.
    sentences: Vec<Vec<(u64, bool)>>,
    /// Per sentence: its length in bytes.
    lengths: Vec<usize>,
    /// All shingles of the document, sorted and unique.
    all: Vec<u64>,
    /// Per sentence: its content words (stem keys of words that are not function words),
    /// sorted and unique; empty for a sentence of fewer than [`MIN_CONTENT`].
    content: Vec<Vec<u64>>,
    /// The unquoted shingles of each sentence that has at least [`LONG_PROSE`] of them.
    long_prose: Vec<Vec<u64>>,
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
        let content = doc
            .sentences
            .iter()
            .map(|s| {
                let mut words: Vec<u64> = s.keys.iter().copied().filter(|&k| !is_function_key(k)).collect();
                words.sort_unstable();
                words.dedup();
                if words.len() < MIN_CONTENT { Vec::new() } else { words }
            })
            .collect();
        let long_prose = sentences
            .iter()
            .zip(&doc.sentences)
            .filter(|(_, s)| !quotes_anything(&s.text))
            .map(|(shingles, _)| shingles.iter().filter(|sh| !sh.1).map(|sh| sh.0).collect::<Vec<u64>>())
            .filter(|s| s.len() >= LONG_PROSE)
            .collect();
        Prepared {
            sentences,
            lengths: doc.sentences.iter().map(|s| s.text.len()).collect(),
            all,
            content,
            long_prose,
        }
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

/// Whether a sentence holds a quotation mark of any style, single quotes included: outlets
/// quoting one speaker share the quote, not their prose.
fn quotes_anything(text: &str) -> bool {
    let mut before = ' ';
    text.chars().any(|c| {
        // An apostrophe is no quotation mark; a straight single one is, at a word's start.
        let mark = (is_opening_quote(c) || is_closing_quote(c)) && !matches!(c, '\'' | '’');
        let opens = mark || (c == '\'' && before.is_whitespace());
        before = c;
        opens
    })
}

/// Whether one long sentence of `a`'s prose is found in `b` nearly word for word: at least
/// [`VERBATIM_SHARE`] of its unquoted shingles. Two outlets do not write the same sentence of
/// twenty-odd words on their own; they take it from one copy.
fn verbatim(a: &Prepared, b: &Prepared) -> bool {
    a.long_prose.iter().any(|shingles| {
        let hits = shingles.iter().filter(|h| b.all.binary_search(h).is_ok()).count();
        hits as f64 >= VERBATIM_SHARE * shingles.len() as f64
    })
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

/// The alignment of `a` and `b`, where a run of `rewrite_run` rewordings makes a rewrite
/// ([`REWRITE_RUN`], or [`WIRE_REWRITE_RUN`] for two documents crediting one wire).
pub(crate) fn align(a: &Prepared, b: &Prepared, rewrite_run: usize) -> Alignment {
    let mut found_a = found(a, b);
    let mut found_b = found(b, a);
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
    let prose_share = (share(&found_a, &a.lengths, &prose), share(&found_b, &b.lengths, &prose));
    let count = |found: &[Found]| found.iter().filter(|f| **f == Found::Prose).count();
    let prose_count = count(&found_a);
    // Sentences of prose found word for word in the other, on the side with more.
    let backing = prose_count.max(count(&found_b));
    let longest_run = longest_prose_run(&found_a).max(longest_prose_run(&found_b));
    let quotes = found_a.iter().chain(&found_b).any(|f| *f == Found::Quote);
    let reuses = longest_run >= 3
        || (prose_count >= 2 && prose_share.0.max(prose_share.1) >= 0.3)
        || verbatim(a, b)
        || verbatim(b, a);
    let mut relation = if reuses {
        None
    } else if let Some(chain) = rewrite(a, b, backed_run(rewrite_run, backing)).or_else(|| {
        brief(a, &found_a, b)
            .or_else(|| brief(b, &found_b, a).map(|pairs| pairs.into_iter().map(|(j, i)| (i, j)).collect()))
    }) {
        // A rewrite's sentences are found in the other where they reword one: what is left
        // is what the version changed, added or cut.
        for (i, j) in chain {
            for f in [&mut found_a[i], &mut found_b[j]] {
                if *f == Found::No {
                    *f = Found::Prose;
                }
            }
        }
        Some(Relation::Rewrite)
    } else if quotes {
        Some(Relation::SharedQuotes)
    } else {
        None
    };
    let containment = (share(&found_a, &a.lengths, &any), share(&found_b, &b.lengths, &any));
    if reuses {
        relation = Some(if containment.0 >= 0.6 && containment.1 >= 0.6 {
            Relation::Copy
        } else {
            Relation::PartialCopy
        });
    }
    Alignment { relation, containment, found_a, found_b }
}

/// The run of rewordings that makes a rewrite: `rewrite_run`, or [`BACKED_REWRITE_RUN`] when
/// at least [`BACKING_PROSE`] sentences of one document (`backing`) are found word for word
/// in the other.
fn backed_run(rewrite_run: usize, backing: usize) -> usize {
    if backing >= BACKING_PROSE { rewrite_run.min(BACKED_REWRITE_RUN) } else { rewrite_run }
}

/// The sentences (of `a`, of `b`) of the longest run of rewordings in the same order, when it
/// reaches `min_run`: each step moves one or two sentences on in both documents, so a
/// sentence added or cut here and there does not break the run.
fn rewrite(a: &Prepared, b: &Prepared, min_run: usize) -> Option<Vec<(usize, usize)>> {
    let usable = |p: &Prepared| p.content.iter().filter(|c| !c.is_empty()).count();
    if usable(a) < min_run || usable(b) < min_run {
        return None;
    }
    // run[i][j]: the longest run ending with sentence i of a rewording sentence j of b.
    let width = b.content.len();
    let mut run = vec![0u16; a.content.len() * width];
    let mut best = (0u16, 0, 0);
    for (i, ca) in a.content.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
        for (j, cb) in b.content.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            if !rewords(ca, cb) {
                continue;
            }
            let mut length = 1;
            for (di, dj) in [(1, 1), (1, 2), (2, 1), (2, 2)] {
                if i >= di && j >= dj {
                    length = length.max(run[(i - di) * width + j - dj] + 1);
                }
            }
            run[i * width + j] = length;
            if length > best.0 {
                best = (length, i, j);
            }
        }
    }
    if usize::from(best.0) < min_run {
        return None;
    }
    // Walk the run back from its end.
    let (mut length, mut i, mut j) = best;
    let mut chain = vec![(i, j)];
    while length > 1 {
        let step = [(1, 1), (1, 2), (2, 1), (2, 2)]
            .into_iter()
            .find(|&(di, dj)| i >= di && j >= dj && run[(i - di) * width + j - dj] == length - 1)?;
        i -= step.0;
        j -= step.1;
        length -= 1;
        chain.push((i, j));
    }
    chain.reverse();
    Some(chain)
}

/// The sentences (of `a`, of `b`) that make `a` a brief made from `b`'s copy: every sentence
/// of `a` with content words (two at least) is found in `b` (`found`) or rewords one of `b`'s,
/// and one at least is found as prose. A site's short item of two or three sentences cut and
/// reworded from a wire story (its lead reworded, the next sentence kept) shares too little for
/// a run, yet all it says is the copy's. Independent short reports reword a wire lead too, but
/// do not also keep a sentence of it word for word: on the eight real events (`parallax eval
/// events`, origins) only a brief of its origin's copy meets both.
fn brief(a: &Prepared, found: &[Found], b: &Prepared) -> Option<Vec<(usize, usize)>> {
    let mut pairs = Vec::new();
    let mut sentences = 0;
    let mut prose = false;
    for (i, content) in a.content.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
        sentences += 1;
        match found[i] {
            Found::Prose => prose = true,
            Found::Quote => {}
            Found::No => {
                let j = b.content.iter().position(|c| !c.is_empty() && rewords(content, c))?;
                pairs.push((i, j));
            }
        }
    }
    (sentences >= 2 && prose).then_some(pairs)
}

/// Whether two sentences' content words (sorted, unique) share [`REWORDS`] of the shorter's.
fn rewords(a: &[u64], b: &[u64]) -> bool {
    let mut shared = 0;
    crate::sets::for_each_common(a, b, |_| shared += 1);
    shared as f64 >= REWORDS * a.len().min(b.len()) as f64
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

#[cfg(test)]
mod tests {
    use super::quotes_anything;

    #[test]
    fn quotation_marks_of_every_style_but_not_apostrophes() {
        assert!(quotes_anything("'We won a concession,' Mr Witkoff told CNN."));
        assert!(quotes_anything("He called it “a breakthrough” on Monday."));
        assert!(quotes_anything("Talks have a \"good chance\", he said."));
        assert!(!quotes_anything("Nato's members and the ships' crews met on Tuesday."));
    }
}
