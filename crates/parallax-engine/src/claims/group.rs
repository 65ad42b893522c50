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

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{LazyLock, OnceLock};

use rayon::prelude::*;

use super::diverge::{SentenceFigures, near_miss};
use super::similar::{
    KeyMap, SAME_STATEMENT, Statement, Weights, coverage, number_key, polarity_clash, similarity,
    similarity_of_totals,
};
use super::summary::{dateline_length, quotes_closed, stands_alone};
use super::words::{
    CLAUSE_MARKS, Verb, has_verb, has_verb_besides_saying, is_coordinator, is_time_key, keyed, verb_words,
    vocab,
};
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
    /// For a part of a claim (a clause that more origins state than the whole), the claim it is
    /// part of (its place in the list).
    pub part_of: Option<usize>,
    /// Documents with a sentence that holds the claim's wording but not the main clause of its
    /// sentence (`main_clause`, `extend`): they state one of its other clauses, so they count
    /// for its parts, not for the claim.
    pub partial: BTreeSet<usize>,
}

/// The prepared sentences of a document set, with the word weights of the set.
pub struct Prepared {
    /// The figures of each sentence, by document then sentence: sentences that contradict each
    /// other's figures are never one claim.
    pub(crate) figures: Vec<Vec<SentenceFigures>>,
    /// Each document's figures that say what befell what they count, or a person's children
    /// (`SentenceFigures::all`): a document that gives another value of such a figure anywhere
    /// does not support a claim that gives it ("killed 62" against "killed 179"), and one that
    /// gives a person another count of children does not join its group.
    pub(crate) doc_figures: Vec<SentenceFigures>,
    /// Every number each document gives, as read (`Statement::values`), in any sentence.
    pub(crate) doc_numbers: Vec<Vec<String>>,
    /// Per document, per sentence, its statement (empty when the sentence is not a claim).
    pub statements: Vec<Vec<Statement>>,
    /// Word weights over all sentences.
    pub weights: Weights,
    /// People's first names read as their surnames: the same reading for any wording made
    /// later (a claim's core, a clause of the summary).
    pub(crate) aliases: HashMap<u64, u64>,
    /// Per document, per sentence, the statement of a sentence that is no claim only because
    /// it is mostly a quote (empty otherwise): a document that quotes a source saying a fact
    /// ("This is not a security incident or cyberattack," the company said) states it, so it
    /// supports the claim, though the quote is no claim of its own ("who said what" shows it).
    pub(crate) quoted: Vec<Vec<Statement>>,
    /// The claim sentences and quotes by word, made once for the passes that look up the
    /// sentences stating a wording (`extend`, `parts`).
    index: OnceLock<Index>,
}

/// How many independent origins `documents` (numbers of `docs`) go back to: what a claim, a
/// side of a divergence and a step of a count by day are backed by.
pub fn origins_of(docs: &[DocInput], documents: &BTreeSet<usize>) -> usize {
    documents.iter().map(|&d| docs[d].origin).collect::<BTreeSet<usize>>().len()
}

/// Statements of every sentence of `docs`, people's first names read as their surnames
/// (`aliases`), and the weights of their words.
pub fn prepare(docs: &[DocInput], aliases: &HashMap<u64, u64>) -> Prepared {
    // Per document: its claims' and its quotes' statements, and every number it gives.
    type ClaimsAndQuotes = (Vec<Statement>, Vec<Statement>);
    let (said, doc_numbers): (Vec<ClaimsAndQuotes>, Vec<Vec<String>>) = docs
        .par_iter()
        .map_init(Analyzer::new, |analyzer, d| {
            let mut numbers = Vec::new();
            let said = d
                .sentences
                .iter()
                .zip(d.quoted.iter().chain(std::iter::repeat(&0.0)))
                .map(|(s, &q)| {
                    let st = Statement::new(s, analyzer, aliases);
                    numbers.extend(st.values.iter().cloned());
                    if st.terms.len() < MIN_TERMS || s.trim_end().ends_with('?') || is_heading(s) {
                        (Statement::default(), Statement::default())
                    } else if q > 0.6 {
                        // A sentence that is mostly a quote is a quote: "who said what" shows it.
                        (Statement::default(), st)
                    } else {
                        (st, Statement::default())
                    }
                })
                .unzip();
            numbers.sort_unstable();
            numbers.dedup();
            (said, numbers)
        })
        .unzip();
    let (statements, quoted): (Vec<Vec<Statement>>, Vec<Vec<Statement>>) = said.into_iter().unzip();
    let weights = Weights::new(statements.iter().flatten().filter(|s| !s.is_empty()));
    let figures: Vec<Vec<SentenceFigures>> =
        docs.par_iter().map(|d| d.sentences.iter().map(|s| SentenceFigures::of(s)).collect()).collect();
    let doc_figures = figures.iter().map(SentenceFigures::all).collect();
    Prepared {
        figures,
        doc_figures,
        doc_numbers,
        statements,
        weights,
        aliases: aliases.clone(),
        quoted,
        index: OnceLock::new(),
    }
}

/// Whether a line reads as a heading, not a statement: it ends in no sentence mark and most
/// of its words are capitalised ("Reactions from Former President Trump", "Flights Grounded,
/// Business Stopped Globally"). A subheading tells what follows; it is no source's claim.
fn is_heading(s: &str) -> bool {
    let s = s.trim_end();
    if s.ends_with(['.', '!', '"', '”', '\'', '’', ')']) {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    capitalised * 5 >= words.len() * 3
}

/// Groups the claim sentences of `docs` (see the module documentation). Groups come in the
/// order of their first sentence.
pub fn group(docs: &[DocInput], prepared: &Prepared) -> Vec<ClaimGroup> {
    let Prepared { statements, weights, figures, doc_figures, .. } = prepared;
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
    // Each distinct statement's total weight, read once, not once per pair compared.
    let totals: Vec<f64> = distinct.iter().map(|m| weights.total(&stmt(m[0]).terms)).collect();

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
                .map(|j| {
                    (j, similarity_of_totals((s, totals[i]), (stmt(distinct[j][0]), totals[j]), weights))
                })
                .filter(|&(_, sim)| sim >= SAME_STATEMENT)
                .collect();
            out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            out
        })
        .collect();

    // Leader clustering over the distinct statements, in order.
    let mut group_of: Vec<usize> = Vec::with_capacity(distinct.len());
    let mut leaders: Vec<usize> = Vec::new();
    // Per group, its members that give figures or days: a sentence joins a group only when it
    // contradicts none of them, not only its leader (two write-throughs giving 202 and 203
    // seats both agree with a third version that gives none).
    let mut dated: Vec<Vec<SentenceRef>> = Vec::new();
    for (i, near) in neighbours.iter().enumerate() {
        let s = stmt(distinct[i][0]);
        let (sd, si) = distinct[i][0];
        let sf = &figures[sd][si];
        // Its repeats whose documents give other personal figures ("a father of two" elsewhere
        // in one of them), each tested and kept as a member of its own.
        let mut variants: Vec<SentenceRef> = Vec::new();
        for &r in &distinct[i] {
            if !variants.iter().any(|v| doc_figures[v.0].same_personal(&doc_figures[r.0])) {
                variants.push(r);
            }
        }
        let joined = near.iter().find_map(|&(j, _)| {
            let g = group_of[j];
            let (ld, li) = distinct[leaders[g]][0];
            let leader = &statements[ld][li];
            (similarity(s, leader, weights) >= SAME_STATEMENT - LEADER_SLACK
                && dated[g].iter().all(|&(md, mi)| {
                    let mf = &figures[md][mi];
                    !sf.contradict(mf)
                        && !sf.other_day(mf)
                        && variants.iter().all(|v| !doc_figures[v.0].contradict_personal(mf))
                        && !doc_figures[md].contradict_personal(sf)
                }))
            .then_some(g)
        });
        let g = match joined {
            Some(g) => g,
            None => {
                leaders.push(i);
                dated.push(Vec::new());
                leaders.len() - 1
            }
        };
        group_of.push(g);
        // A member whose figures and whose document's personal figures another member has
        // already answers every test the same way: kept once, a large group of one figure's
        // reprints is checked in one step, not one per member.
        for (vd, vi) in variants {
            let answered = |&(md, mi): &SentenceRef| {
                figures[md][mi] == *sf && doc_figures[md].same_personal(&doc_figures[vd])
            };
            if !sf.is_empty() && !dated[g].iter().any(answered) {
                dated[g].push((vd, vi));
            }
        }
    }
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); leaders.len()];
    for (i, &g) in group_of.iter().enumerate() {
        members_of[g].push(i);
    }

    members_of
        .into_par_iter()
        .map(|ds| {
            // The representative: the distinct statement closest to the others (to the first
            // [`PEERS`] of them: a group of thousands of reprints' variants is read in linear
            // time).
            let members: usize = ds.iter().map(|&j| distinct[j].len()).sum();
            let best = ds
                .iter()
                .copied()
                .map(|i| {
                    let s = stmt(distinct[i][0]);
                    // A whole sentence that reads on its own stands for the group before a
                    // headline or a live page's bullet.
                    let (d, n) = distinct[i][0];
                    let whole = if stands_alone(docs[d].sentences[n]) { 1.0 } else { 0.0 };
                    let closeness: f64 = ds
                        .iter()
                        .filter(|&&j| j != i)
                        .take(PEERS)
                        .map(|&j| {
                            similarity_of_totals((s, totals[i]), (stmt(distinct[j][0]), totals[j]), weights)
                                * distinct[j].len() as f64
                        })
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
            let origins = origins_of(docs, &documents);
            let representative = distinct[best][0];
            ClaimGroup {
                text: docs[representative.0].sentences[representative.1].trim().to_string(),
                representative,
                members,
                documents,
                origins,
                part_of: None,
                partial: BTreeSet::new(),
            }
        })
        .collect()
}

/// How many of a group's distinct statements, its first, each statement is compared with to
/// choose the group's representative. No group of the eight real events, the seeds or the
/// generated stories of 1,000 and 2,000 reports has more than 100; 1,000 pages of the same 30
/// sentences with other numbers make groups of 1,000, and comparing each with all took 29% of
/// their brief.
const PEERS: usize = 256;

/// The share of a claim's weight a sentence must hold to state the claim: outlets tell one fact
/// inside sentences of their own ("Jeju Air flight 2216 from Bangkok crashed at Muan
/// International Airport on Sunday morning, killing 179 of the 181 people aboard" states "A Jeju
/// Air plane crashed at Muan airport, killing 179"), so the sentence need only hold the claim,
/// not be like it as a whole.
pub const STATES_CLAIM: f64 = 0.5;
/// The same for a claim that gives figures: every one of them, and this share of its weight (a
/// toll is told in many words). Chosen over the eight real events: 0.35 and 0.4 found fewer
/// facts (0.441, 0.424), 0.25 merged one more conflict; applying it only to counts of a class
/// (dead, injured, ...) found fewer facts (0.466) and merged more conflicts (9).
pub const STATES_FIGURE: f64 = 0.3;

/// The share of a wording's weight a sentence must hold to state it: [`STATES_CLAIM`], or
/// [`STATES_FIGURE`] when it gives figures.
pub(crate) fn share_to_state(wording: &Statement) -> f64 {
    if wording.figures().next().is_some() { STATES_FIGURE } else { STATES_CLAIM }
}

impl Prepared {
    /// The claim sentences and quotes by word ([`Index`]), made on first use.
    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::new(self))
    }

    /// Whether sentence `s` states the claim whose sentence is `r` as worded: it holds `share`
    /// of `r`'s weight and every number `r` gives, says it with the same negation, and neither
    /// contradicts its figures nor names another day of the week.
    pub(crate) fn states(&self, s: SentenceRef, r: SentenceRef, share: f64) -> bool {
        self.states_wording(s, &self.statements[r.0][r.1], &self.figures[r.0][r.1], share)
    }

    /// Whether sentence `s` states a wording given as its statement `rs` and figures `rf` (see
    /// [`Prepared::states`]).
    fn states_wording(&self, s: SentenceRef, rs: &Statement, rf: &SentenceFigures, share: f64) -> bool {
        let said =
            Wording { doc: s.0, statement: &self.statements[s.0][s.1], figures: &self.figures[s.0][s.1] };
        self.wording_states(said, rs, rf, share)
    }

    /// Whether a wording of document `said.doc` states another (its statement `rs` and figures
    /// `rf`), as a sentence does in [`Prepared::states`]: a clause told as a sentence of the
    /// summary, checked against the sentences taken before it.
    pub(crate) fn wording_states(
        &self,
        said: Wording,
        rs: &Statement,
        rf: &SentenceFigures,
        share: f64,
    ) -> bool {
        rs.numbers.iter().all(|n| said.statement.numbers.contains(n))
            && self.wording_supports(said, rs, rf, share, Reading::Strict).is_some()
    }

    /// As [`Prepared::wording_supports`], for sentence `s` read as statement `ss` (its claim's,
    /// or its quote's).
    fn said_supports(
        &self,
        s: SentenceRef,
        ss: &Statement,
        rs: &Statement,
        rf: &SentenceFigures,
        share: f64,
        loosest: Reading,
    ) -> Option<Reading> {
        let said = Wording { doc: s.0, statement: ss, figures: &self.figures[s.0][s.1] };
        self.wording_supports(said, rs, rf, share, loosest)
    }

    /// In which reading, at most as loose as `loosest`, what a document says (`said`: a sentence
    /// read as its claim's or its quote's statement, or a clause) supports a wording (its
    /// statement `rs`, its figures `rf`), if it does: as
    /// [`Prepared::states_wording`], but a wording that gives several numbers is supported by a
    /// sentence that gives one of them ("Labour won 412 seats" supports "Labour won 412 seats
    /// in the 650-seat House of Commons"), as long as neither the sentence nor, for a number it
    /// leaves out, its document gives a near miss of one of them (`diverge::near_miss`). A claim's
    /// documents are its supporters; a citation needs the whole wording stated.
    ///
    /// Read [`Reading::Scoped`], a negation counts only over the words it governs and the
    /// sentence shares (`similar::polarity_clash`): "All 22 crew were reported safe" supports
    /// "All 22 crew have been accounted for and there were no injuries". Read
    /// [`Reading::Strict`] (a citation, a wording chosen to probe with), the two must be negated
    /// alike. Measured on the eight real events: three
    /// facts gain a document each (the crew's safety now 3 origins of 3), a claim about a
    /// helicopter's training flight gains one that another fact's gold does not list; counts right
    /// stay at 23 of 76, nothing else scored moves.
    fn wording_supports(
        &self,
        said: Wording,
        rs: &Statement,
        rf: &SentenceFigures,
        share: f64,
        loosest: Reading,
    ) -> Option<Reading> {
        let (ss, sf) = (said.statement, said.figures);
        // A figure of the wording the sentence gives rounded ("more than 6,800" for 6,837)
        // counts as given, among its numbers and its words.
        let rounded: Vec<&String> =
            rs.figures().filter(|n| !ss.numbers.contains(n) && sf.rounds(rf, n)).collect();
        let with_rounded;
        let ss = if rounded.is_empty() {
            ss
        } else {
            with_rounded = ss.with_numbers(&rounded);
            &with_rounded
        };
        let gives = |n: &&String| ss.numbers.contains(n) || ss.implied.contains(n);
        let given = rs.numbers.iter().filter(gives).count();
        let complete = given == rs.numbers.len() && rs.values.iter().all(|v| ss.values.contains(v));
        // What must be given of a wording that is not given whole: one of its figures, or, when
        // it gives only dates, one of them; a date alone does not state a toll.
        let carried = if rs.figures().next().is_some() { rs.figures().any(|n| gives(&n)) } else { given > 0 };
        // Where a number is checked for near misses: in the sentence when it gives the number
        // ("7 on the Japanese scale" beside "a magnitude of 7.6"), in its whole document when
        // it leaves the number out (silence is no support when the document says otherwise).
        let misses = || {
            rs.values.iter().any(|n| {
                let within = if ss.values.contains(n) { &ss.values } else { &self.doc_numbers[said.doc] };
                within.iter().any(|m| !rs.values.contains(m) && near_miss(n, m))
            })
        };
        let alike = ss.negated == rs.negated;
        let reading = match loosest {
            Reading::Strict => alike.then_some(Reading::Strict),
            Reading::Scoped => {
                (!polarity_clash(rs, ss)).then_some(if alike { Reading::Strict } else { Reading::Scoped })
            }
        }?;
        let holds = !sf.contradict(rf)
            && !sf.other_day(rf)
            && (rs.numbers.is_empty() || carried)
            && coverage(rs, ss, &self.weights) >= share
            && (complete || !misses());
        holds.then_some(reading)
    }

    /// The share of a claim's weight a sentence must hold to support it: [`STATES_CLAIM`], or
    /// [`STATES_FIGURE`] for a claim that gives figures (its figures, all present, carry it).
    pub(crate) fn support_share(&self, r: SentenceRef) -> f64 {
        share_to_state(&self.statements[r.0][r.1])
    }

    /// Whether one of document `d`'s sentences states the claim whose sentence is `r` as
    /// worded ([`STATES_CLAIM`] of its weight, figures or not): what a citation needs.
    pub(crate) fn document_states(&self, d: usize, r: SentenceRef) -> bool {
        d == r.0 || (0..self.statements[d].len()).any(|i| self.states((d, i), r, STATES_CLAIM))
    }

    /// Whether one of document `d`'s sentences states a wording given as its statement `rs`
    /// and figures `rf` ([`STATES_CLAIM`] of its weight): what citing a clause told as a
    /// sentence needs.
    pub(crate) fn document_states_wording(&self, d: usize, rs: &Statement, rf: &SentenceFigures) -> bool {
        (0..self.statements[d].len()).any(|i| self.states_wording((d, i), rs, rf, STATES_CLAIM))
    }
}

/// Adds to each claim the sentences of other documents that state it ([`STATES_CLAIM`] of the
/// representative's weight, [`STATES_FIGURE`] for a claim with figures, and every number the
/// representative gives), and counts its
/// documents and origins again. A sentence may state several claims, as a document states many
/// facts. The claim's members stay the sentences grouped by likeness: where they stand still
/// places the claim in the summary's reading order.
///
/// A claim told in a sentence of several clauses is stated by a sentence that also holds its
/// main clause ([`main_clause`]) as it would the claim: one that holds only a later clause
/// ("Labour won a landslide" against "Starmer declared 'change begins now' after winning a
/// landslide") counts for that clause's part (`ClaimGroup::partial`, [`parts`]). Measured on the
/// eight real events: facts counted right 29 → 31 of 86 found, summary repeats 4 → 2,
/// key-fact repeats 18 → 15; one fact (a tsunami's height, told after a warning) is no longer
/// found through the whole sentence, its part saying "waves" where the gold says "tsunami".
///
/// Candidates come from an inverted index probed with the representative's heaviest words (a
/// sentence holding [`STATES_CLAIM`] of its weight holds one of the words that make up the rest),
/// so the pass stays near-linear on large stories.
pub fn extend(docs: &[DocInput], prepared: &Prepared, groups: &mut [ClaimGroup]) {
    let index = prepared.index();
    groups.par_iter_mut().for_each_init(Analyzer::new, |analyzer, g| {
        let (d, i) = g.representative;
        let main = main_clause(docs[d].sentences[i])
            .map(|text| Statement::new(text, analyzer, &prepared.aliases))
            .filter(|m| m.terms.len() >= MIN_TERMS);
        // A supporter must hold the main clause as it would the claim.
        let tells_main = |said: &Said| {
            main.as_ref()
                .is_none_or(|m| coverage(m, said.statement(prepared), &prepared.weights) >= share_to_state(m))
        };
        // Each added document with its first sentence that supports the claim.
        let mut added: BTreeMap<usize, Said> = BTreeMap::new();
        // Documents whose supporting sentence leaves out the main clause.
        let mut partial: BTreeSet<usize> = BTreeSet::new();
        // The supporting claim sentences found in the strict reading as well
        // ([`Reading::Strict`]).
        let mut strict: BTreeSet<SentenceRef> = BTreeSet::new();
        for probe in probes(docs, prepared, g, analyzer) {
            for (said, reading) in supporters(prepared, index, &probe, &g.documents) {
                if !tells_main(&said) {
                    partial.insert(said.doc);
                    continue;
                }
                // A claim sentence stands for its document before a quote does: it may vote.
                let first = added.entry(said.doc).or_insert(said);
                if first.quote && !said.quote {
                    *first = said;
                }
                if *first == said && reading == Reading::Strict && !said.quote {
                    strict.insert(said.sentence());
                }
            }
        }
        // Then what its members and supporters agree on finds the rest.
        // A supporter found only through the scoped reading of the wording that found it (see
        // `similar::polarity_clash`) does not vote on its words.
        let voters: Vec<SentenceRef> = g.members.iter().copied().chain(strict.iter().copied()).collect();
        if let Some(agreed) = consensus(prepared, g.representative, &voters) {
            let probe =
                Probe { statement: Cow::Owned(agreed), figures: Cow::Borrowed(&prepared.figures[d][i]) };
            let have: BTreeSet<usize> = g.documents.iter().chain(added.keys()).copied().collect();
            for (said, _) in supporters(prepared, index, &probe, &have) {
                if tells_main(&said) {
                    added.entry(said.doc).or_insert(said);
                } else {
                    partial.insert(said.doc);
                }
            }
        }
        // (`supporters` leaves out the claim's own documents.)
        partial.retain(|d| !added.contains_key(d));
        g.partial = partial;
        if added.is_empty() {
            return;
        }
        g.documents.extend(added.keys());
        g.origins = origins_of(docs, &g.documents);
    });
}

/// The parts of claims that more independent origins state than the whole claim: a clause of
/// a claim's sentence that other documents tell on their own ("The Francis Scott Key Bridge
/// collapsed early Tuesday after a support column was hit by a container ship that had lost
/// power": outlets that tell only the collision, or only the collapse, state one part each).
/// Each part keeps its claim's documents and adds those with a sentence that states the part
/// ([`STATES_CLAIM`] of its weight, [`STATES_FIGURE`] when it gives figures) and gives each of
/// its figures as the part tells them. A part is a claim of its own, pointing at its whole
/// (`ClaimGroup::part_of`), listed only when it has more origins than the whole.
pub fn parts(docs: &[DocInput], prepared: &Prepared, groups: &[ClaimGroup]) -> Vec<ClaimGroup> {
    let index = prepared.index();
    let found: Vec<Vec<ClaimGroup>> = groups
        .par_iter()
        .enumerate()
        .map_init(Analyzer::new, |analyzer, (n, g)| {
            let (d, i) = g.representative;
            let mut out: Vec<ClaimGroup> = Vec::new();
            let main = main_clause(docs[d].sentences[i]);
            for part in clause_parts(docs[d].sentences[i]) {
                let probe = Probe {
                    statement: Cow::Owned(Statement::new(&part, analyzer, &prepared.aliases)),
                    figures: Cow::Owned(SentenceFigures::of(&part)),
                };
                // A part says more than when: its words of time and days of a month aside, it
                // has the words of a claim ("it crashed on arrival on December 29" is a date).
                let st = &probe.statement;
                let days: BTreeSet<u64> = st.calendar.iter().map(|n| number_key(n)).collect();
                if st.terms.iter().filter(|&&t| !is_time_key(t) && !days.contains(&t)).count() < MIN_TERMS {
                    continue;
                }
                // A part is short: a document states it only with each of its figures, as the
                // part tells them.
                let added = supporters(prepared, index, &probe, &g.documents)
                    .into_iter()
                    .filter(|(said, _)| prepared.figures[said.doc][said.index].gives_all(&probe.figures))
                    .map(|(said, _)| said.doc);
                let mut documents = g.documents.clone();
                // The documents that state another clause of the claim count for its other
                // clauses, not for its main one.
                let partial = if main == Some(part.as_ref()) { None } else { Some(&g.partial) };
                documents.extend(partial.into_iter().flatten().copied().chain(added));
                let origins = origins_of(docs, &documents);
                if origins > g.origins && out.iter().all(|o| o.documents != documents) {
                    out.push(ClaimGroup {
                        text: part.to_string(),
                        representative: g.representative,
                        members: g.members.clone(),
                        documents,
                        origins,
                        part_of: Some(n),
                        partial: BTreeSet::new(),
                    });
                }
            }
            out
        })
        .collect();
    // One part told in several claims' sentences is listed once, with the most origins (the
    // first on a tie); a part that is a claim's whole sentence is not listed again.
    let wholes: BTreeSet<String> = groups.iter().map(|g| g.text.to_lowercase()).collect();
    let mut out: Vec<ClaimGroup> = Vec::new();
    let mut listed: HashMap<String, usize> = HashMap::new();
    for part in found.into_iter().flatten() {
        let key = part.text.to_lowercase();
        if wholes.contains(&key) {
            continue;
        }
        match listed.get(&key) {
            Some(&k) if out[k].origins < part.origins => out[k] = part,
            Some(_) => {}
            None => {
                listed.insert(key, out.len());
                out.push(part);
            }
        }
    }
    out
}

/// A clause's words with the marks around it trimmed.
fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || CLAUSE_MARKS.contains(&c))
}

/// Where [`clause_parts`] cuts a sentence: each cut's start and end (the opener's or the
/// dash's span; empty after a comma) and its kind.
fn cuts(sentence: &str) -> Vec<(usize, usize, Cut)> {
    let mut cuts: Vec<(usize, usize, Cut)> = Vec::new();
    let mut previous: Option<String> = None;
    let mut words = sentence.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let start = word.as_ptr() as usize - sentence.as_ptr() as usize;
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let held = previous.as_deref().is_some_and(|p| !vocab("part-holders").contains(&p));
        let alphabetic = word.starts_with(|c: char| c.is_alphabetic());
        // "and" before a verb joins a second predicate to the subject ("declared three days
        // of mourning and has deployed 1,000 soldiers"): what comes before it is told whole.
        let second_predicate = bare == "and" && words.peek().is_some_and(|next| has_verb(next));
        let opens = vocab("part-openers").contains(&bare.as_str()) && alphabetic && held;
        let after_comma = sentence[..start].trim_end().ends_with([',', ';']);
        let after_mark = after_comma && !matches!(bare.as_str(), "and" | "or");
        if second_predicate && alphabetic && held {
            // After a comma the clause before is closed: a relative clause ends there.
            cuts.push((start, start + word.len(), if after_comma { Cut::Mark } else { Cut::And }));
        } else if opens || matches!(word, "—" | "–") {
            cuts.push((start, start + word.len(), Cut::Opener));
        } else if after_mark {
            cuts.push((start, start, Cut::Mark));
        }
        previous = Some(if word.ends_with(|c: char| !c.is_alphanumeric()) { String::new() } else { bare });
    }
    cuts
}

/// The main clause of a sentence of several: its first clause ([`clause_parts`]'s cuts) that
/// opens on no clause word ("After the ship lost power, it hit the bridge" has "it hit the
/// bridge"), when a clause of its own follows it. A sentence that holds a claim's words but not
/// its main clause states only a later clause ("Labour won a landslide" against "Starmer
/// declared 'change begins now' after winning a landslide"): it supports that clause's part,
/// not the claim ([`extend`], [`parts`]).
fn main_clause(sentence: &str) -> Option<&str> {
    let cuts = cuts(sentence);
    let mut from = 0;
    for &(start, end, cut) in &cuts {
        let clause = trim(&sentence[from..start]);
        let first = clause.split_whitespace().next().unwrap_or("").to_lowercase();
        if clause.is_empty() || vocab("part-openers").contains(&first.as_str()) {
            from = end;
            continue;
        }
        // What follows must be a clause of its own: opened by a clause word or a dash, a
        // further predicate, or words with a verb of their own, not a place's region
        // ("Colombo, Sri Lanka") or an apposition.
        let rest = &sentence[end..];
        let opens_ing = rest
            .split_whitespace()
            .next()
            .is_some_and(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).ends_with("ing"));
        let own = cut != Cut::Mark || has_verb_besides_saying(rest) || opens_ing;
        return own.then_some(clause);
    }
    None
}

/// The clauses of a sentence that may be told on their own, when it has several: its parts
/// between commas, semicolons and dashes, and before and after each word that opens a clause
/// (the table's `[part-openers]`: "after", "when", "because"; and an "and" before a second
/// verb of the subject), the opener left out (one that opens the sentence too), unless the
/// word before it makes it a phrase of time (`[part-holders]`: "soon after", "moments
/// before"). Only the parts that state something on their own are kept ([`tells_on_its_own`]).
///
/// A part that is a further predicate of the sentence's subject ("The fire burned 23,448
/// acres, destroyed 6,837 structures and damaged 1,017") is told with that subject, in square
/// brackets as an editor supplies words: "[The fire] destroyed 6,837 structures"
/// ([`Subject`]); so is a clause of result that counts what befell people, its participle
/// made finite ("…, killing at least five people": "[Raging wildfires] killed at least five
/// people"). A dateline before a dash ("LOS ANGELES (Reuters) –", as
/// `summary::dateline_length` reads it) does not stand for the subject: the sentence starts
/// after it.
pub(crate) fn clause_parts(sentence: &str) -> Vec<Cow<'_, str>> {
    let cuts = cuts(sentence);
    if cuts.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut subject: Option<Subject> = None;
    let mut from = 0;
    // How the part at hand follows the one before, when a predicate may (not after an opener).
    let mut predicate_after: Option<Cut> = None;
    let mut after_lead_in = false;
    for (start, end, cut) in
        cuts.into_iter().chain(std::iter::once((sentence.len(), sentence.len(), Cut::Opener)))
    {
        let mut part = trim(&sentence[from..start]);
        // A clause that opens the sentence loses its opener as the others do ("While Labour won
        // a very big majority" tells that Labour won a very big majority), and a coordinator.
        let mut opened = false;
        if let Some((first, rest)) = part.split_once(' ') {
            let first = first.to_lowercase();
            if vocab("part-openers").contains(&first.as_str()) || is_coordinator(&first) || first == "as" {
                part = rest.trim_start();
                opened = !is_coordinator(&first);
            }
        }
        if (from == 0 || after_lead_in) && !opened {
            subject = Subject::of(part);
        }
        // A dateline before a dash: the sentence starts after it.
        after_lead_in =
            from == 0 && matches!(&sentence[start..end], "—" | "–") && end <= dateline_length(sentence);
        if tells_on_its_own(part) {
            out.push(Cow::Borrowed(part));
        } else if let Some(after) = predicate_after
            && let Some(told) = subject.as_ref().and_then(|s| s.tell(part, after == Cut::Mark))
            && tells_on_its_own(&told)
        {
            out.push(Cow::Owned(told));
        } else if predicate_after == Some(Cut::Mark)
            && let Some(told) = subject.as_ref().and_then(|s| s.tell_result(part))
        {
            out.push(Cow::Owned(told));
        }
        // The subject reaches only predicates joined to its own clause: not past a clause
        // opener or a dash ("… are feared dead after a jet and a helicopter collided and
        // crashed"), nor past a relative pronoun whose clause the next verb may continue: one
        // inside a part ("a loop in which Trump makes a claim, is called on it"), or anywhere
        // in a part an "and" ends ("the fires that have burned … and destroyed", "where the
        // king met reporters and made"), nor past a colon or a semicolon.
        let relative = part
            .split_whitespace()
            .skip(usize::from(cut != Cut::And))
            .any(|w| vocab("relatives").contains(&w.to_lowercase().as_str()));
        if cut == Cut::Opener || relative || part.contains([':', ';']) {
            subject = None;
        }
        predicate_after = (cut != Cut::Opener).then_some(cut);
        from = end;
    }
    out
}

/// Participles of a clause of result ("killing"), each with its finite form ("killed").
static RESULT_PARTICIPLES: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
    keyed("result-participles")
        .into_iter()
        .flat_map(|(finite, participles)| participles.into_iter().map(move |p| (finite, p)))
        .collect()
});

/// Where [`clause_parts`] cuts a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// At a word that opens a clause, or a dash: what follows has a subject of its own.
    Opener,
    /// After a comma or a semicolon (an "and" after one left out).
    Mark,
    /// At an "and" before a verb: what follows is a further predicate of the clause's subject.
    And,
}

/// The subject of a sentence's first clause, to tell a further predicate of it with
/// ([`clause_parts`]): the words before its first verb.
struct Subject<'a> {
    /// The words before the first verb.
    words: &'a str,
    /// Whether that verb is an auxiliary ("The man was arrested"): the clause may be passive,
    /// and "[The man] charged with arson" would turn it around.
    auxiliary: bool,
}

impl<'a> Subject<'a> {
    /// The subject of `clause`, when it opens on one: words before a first verb that is no
    /// verb of speech ("Officials said" has no subject of what follows), with no relative
    /// pronoun, word of the table's `[subject-breaks]`, colon or quotation mark among them.
    fn of(clause: &'a str) -> Option<Subject<'a>> {
        let (at, kind) = verb_words(clause).next()?;
        let words = clause[..at].trim_end();
        let plain = |w: &str| {
            let w = w.to_lowercase();
            !vocab("relatives").contains(&w.as_str())
                && !vocab("subject-breaks").contains(&w.as_str())
                && !w.contains(['"', '“', '”', '[', ']', ':'])
        };
        (kind != Verb::Speech && !words.is_empty() && words.split_whitespace().all(plain))
            .then_some(Subject { words, auxiliary: kind == Verb::Auxiliary })
    }

    /// `predicate` told with this subject, when it opens on a finite verb other than a verb
    /// of speech, in the active voice as far as the words tell: an auxiliary before no
    /// pronoun ("[The government] has deployed 1,000 soldiers"; not "be paid for", "should he
    /// fail"), or a verb in the past after a subject whose own verb is no auxiliary. After a
    /// comma (`after_comma`), a verb in the past right before a preposition describes ("…,
    /// based on the latest data", "…, led by Rishi Sunak"); after "and" it states ("and
    /// crashed into the river").
    fn tell(&self, predicate: &str, after_comma: bool) -> Option<String> {
        let (at, kind) = verb_words(predicate).next()?;
        let mut words = predicate.split_whitespace().map(str::to_lowercase);
        let verb = words.next().unwrap_or_default();
        let next = words.next().unwrap_or_default();
        let active = match kind {
            Verb::Auxiliary => {
                !matches!(verb.as_str(), "be" | "been" | "being")
                    && !vocab("pronouns").contains(&next.as_str())
            }
            Verb::Other => {
                let describes = after_comma && vocab("prepositions").contains(&next.as_str());
                !self.auxiliary && !describes
            }
            Verb::Speech => false,
        };
        (at == 0 && active).then(|| format!("[{}] {predicate}", self.words))
    }

    /// A clause of result after a comma told with the subject it follows, its participles made
    /// finite (the table's `[result-participles]`): "Raging wildfires surrounded Los Angeles,
    /// killing at least five people" tells "[Raging wildfires] killed at least five people".
    /// Only a clause that counts what befell people: its figure and its class are a fact that
    /// outlets tell in sentences of their own ("At least five people were killed").
    fn tell_result(&self, clause: &str) -> Option<String> {
        let finite_of = |participle: &str| {
            RESULT_PARTICIPLES.iter().find(|(_, p)| p.eq_ignore_ascii_case(participle)).map(|(f, _)| *f)
        };
        let (first, rest) = clause.split_once(' ')?;
        let finite = finite_of(first)?;
        // A second participle of the clause is told as the first: "killing one and wounding
        // three".
        let rest: Vec<&str> = rest
            .split(' ')
            .scan("", |before, word| {
                let told = if *before == "and" { finite_of(word).unwrap_or(word) } else { word };
                *before = word;
                Some(told)
            })
            .collect();
        let told = format!("[{}] {finite} {}", self.words, rest.join(" "));
        SentenceFigures::of(&told).counts_people().then_some(told)
    }
}

/// Whether a part of a sentence ([`clause_parts`]) tells something on its own: a verb other
/// than a verb of speech before any relative pronoun (the table's `[relatives]`: "Passengers
/// who were aboard the ferry" names people; "the mayor said in a statement" names who said
/// it), neither a verb (a predicate without its subject) nor a preposition (`[prepositions]`:
/// "In the devastated town of Paiporta") for its first word, its quotation marks closed, and
/// not ending on who said it ("Hiromi Joka, 57, of Wajima, said that"). A part may open on a
/// pronoun ("its landing gear failed to deploy"): it is listed with the claim it is part of,
/// which names what the pronoun stands for.
fn tells_on_its_own(part: &str) -> bool {
    let last =
        part.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("").to_lowercase();
    // Its verb stands before any relative pronoun: in "Passengers who were aboard the Aurora
    // Star" the verb is the relative clause's, and the part names people, it states nothing.
    let first_segment = part.split(CLAUSE_MARKS).next().unwrap_or("");
    let before_relative = first_segment
        .split_whitespace()
        .take_while(|w| !vocab("relatives").contains(&w.to_lowercase().as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    let first = part
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .find(|w| !w.is_empty())
        .unwrap_or_default();
    !part.is_empty()
        && !has_verb(&first)
        && !vocab("prepositions").contains(&first.as_str())
        && quotes_closed(part)
        && has_verb_besides_saying(&before_relative)
        && last != "that"
        && !crate::facts::is_speech_verb(&last)
}

/// What a document says in one place, read as a claim: a sentence's statement and figures, or
/// a clause's.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Wording<'a> {
    /// The document that says it.
    pub doc: usize,
    /// Its statement.
    pub statement: &'a Statement,
    /// Its figures.
    pub figures: &'a SentenceFigures,
}

/// How a negation is read when a sentence is checked against a wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    /// Both negated, or neither.
    Strict,
    /// A negation counts over the words it governs (`similar::polarity_clash`).
    Scoped,
}

/// How many of a claim's wordings are read for support, its representative included. Swept
/// over the eight real events: 2, 4, 8 and 16 find the same facts (58 of 118); 2 counts one
/// more right (18 against 17) and reads the fewest.
const PROBES: usize = 2;

/// A wording other sentences are checked against: its statement and its figures, borrowed
/// from the prepared sentences or made for a claim's core.
struct Probe<'a> {
    statement: Cow<'a, Statement>,
    figures: Cow<'a, SentenceFigures>,
}

impl<'a> Probe<'a> {
    fn of(prepared: &'a Prepared, r: SentenceRef) -> Probe<'a> {
        Probe {
            statement: Cow::Borrowed(&prepared.statements[r.0][r.1]),
            figures: Cow::Borrowed(&prepared.figures[r.0][r.1]),
        }
    }
}

/// The wordings of a claim that other sentences are checked against: its representative, its
/// core without attribution and asides (`asides::core`), then its other distinct wordings, the
/// lightest first (a short wording is stated inside more sentences).
fn probes<'a>(
    docs: &[DocInput],
    prepared: &'a Prepared,
    g: &ClaimGroup,
    analyzer: &mut Analyzer,
) -> Vec<Probe<'a>> {
    let (d, i) = g.representative;
    let core = super::asides::core(docs[d].sentences[i])
        .map(|text| Probe {
            statement: Cow::Owned(Statement::new(&text, analyzer, &prepared.aliases)),
            figures: Cow::Owned(SentenceFigures::of(&text)),
        })
        .filter(|p| p.statement.terms.len() >= MIN_TERMS);
    let mut out: Vec<Probe> = wordings(prepared, g).into_iter().map(|r| Probe::of(prepared, r)).collect();
    out.splice(1..1, core);
    out
}

/// A claim's members and supporters must come from at least this many documents for their
/// shared words to stand for it.
const CONSENSUS_DOCUMENTS: usize = 3;

/// What a claim's members and supporters (`voters`) agree on: the words and numbers that the
/// sentences of at least two thirds of their documents hold, when they are at least
/// [`MIN_TERMS`] words and not the representative's own. Outlets choose their own words for
/// one fact ("filling", "fixing", "repairing" potholes); the words they share are the fact.
/// Its numbers as read are the representative's, so a supporter whose document gives a near
/// miss of one of them does not support the claim ("787-800" against "737-800").
///
/// Swept over the eight real events, with the consensus's own numbers checked for near misses
/// (facts found / counted right / merged conflicts): half of the documents 0.568 / 0.299 / 4,
/// three fifths 0.593 / 0.300 / 4, two thirds 0.661 / 0.385 / 5, three quarters 0.661 / 0.372
/// / 5, 0.85 0.627 / 0.405 / 5; at least three words instead of four 0.661 / 0.372 / 6.
/// Checking the representative's numbers instead, as here, keeps the merged conflicts at the
/// three there were before: 0.602 / 0.296 / 3 (only the sentence read for them: 0.619 / 0.288 /
/// 4).
fn consensus(prepared: &Prepared, representative: SentenceRef, voters: &[SentenceRef]) -> Option<Statement> {
    let mut by_doc: BTreeMap<usize, (BTreeSet<u64>, BTreeSet<&String>)> = BTreeMap::new();
    for &(d, i) in voters {
        let s = &prepared.statements[d][i];
        let e = by_doc.entry(d).or_default();
        e.0.extend(s.terms.iter().copied());
        e.1.extend(s.numbers.iter());
    }
    let n = by_doc.len();
    if n < CONSENSUS_DOCUMENTS {
        return None;
    }
    let held = |count: usize| count * 3 >= n * 2;
    let mut terms: BTreeMap<u64, usize> = BTreeMap::new();
    let mut numbers: BTreeMap<&String, usize> = BTreeMap::new();
    for (t, ns) in by_doc.values() {
        t.iter().for_each(|&k| *terms.entry(k).or_default() += 1);
        ns.iter().for_each(|&k| *numbers.entry(k).or_default() += 1);
    }
    let rep = &prepared.statements[representative.0][representative.1];
    let numbers: Vec<String> =
        numbers.into_iter().filter(|&(_, c)| held(c)).map(|(k, _)| k.clone()).collect();
    let terms: Vec<u64> = terms.into_iter().filter(|&(_, c)| held(c)).map(|(k, _)| k).collect();
    let out = Statement {
        negated_terms: rep.negated_terms.iter().copied().filter(|t| terms.binary_search(t).is_ok()).collect(),
        terms,
        calendar: rep.calendar.iter().filter(|n| numbers.contains(n)).cloned().collect(),
        numbers,
        values: rep.values.clone(),
        negated: rep.negated,
        implied: Vec::new(),
    };
    (out.terms.len() >= MIN_TERMS && out.terms != rep.terms).then_some(out)
}

/// The representative of a claim and its other distinct wordings, the lightest first, at most
/// [`PROBES`] in all.
fn wordings(prepared: &Prepared, g: &ClaimGroup) -> Vec<SentenceRef> {
    let st = |r: SentenceRef| &prepared.statements[r.0][r.1];
    let mut others: Vec<(f64, SentenceRef)> = Vec::new();
    for &m in &g.members {
        if m == g.representative || st(m).terms == st(g.representative).terms {
            continue;
        }
        if others.iter().any(|&(_, o)| st(o).terms == st(m).terms)
            || !prepared.states(m, g.representative, prepared.support_share(g.representative))
        {
            continue;
        }
        others.push((prepared.weights.total(&st(m).terms), m));
    }
    others.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    std::iter::once(g.representative).chain(others.into_iter().map(|o| o.1)).take(PROBES).collect()
}

/// The documents (outside `have`) with a sentence that states `wording` ([`Reading::Scoped`]),
/// each with its first such sentence and whether it states it in the strict reading too.
fn supporters(
    prepared: &Prepared,
    index: &Index,
    wording: &Probe,
    have: &BTreeSet<usize>,
) -> Vec<(Said, Reading)> {
    let st = &wording.statement;
    let weights = &prepared.weights;
    let mut probe: Vec<(f64, u64)> = st.terms.iter().map(|&t| (weights.weight(t), t)).collect();
    probe.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let total: f64 = probe.iter().map(|p| p.0).sum();
    let mut rest = total;
    let mut candidates: BTreeSet<Said> = BTreeSet::new();
    let need = share_to_state(&wording.statement);
    for &(w, t) in &probe {
        if rest < need * total {
            break;
        }
        rest -= w;
        // A word too common among claim sentences finds no candidates, claims or quotes.
        let claims = index.claims.get(&t).map_or(&[][..], Vec::as_slice);
        if claims.len() > index.common {
            continue;
        }
        let quotes = index.quotes.get(&t).map_or(&[][..], Vec::as_slice);
        let quotes = if quotes.len() > index.common { &[][..] } else { quotes };
        candidates.extend(claims.iter().chain(quotes).copied().filter(|c| !have.contains(&c.doc)));
    }
    let mut added: Vec<(Said, Reading)> = Vec::new();
    for c in candidates {
        let d = c.doc;
        if added.last().is_some_and(|a| a.0.doc == d) {
            continue;
        }
        // A document that gives another value of one of its figures elsewhere does not
        // support it ("a father of four" in one sentence, "a father of two" in another).
        if prepared.doc_figures[d].contradict(&wording.figures) {
            continue;
        }
        if let Some(reading) = prepared.said_supports(
            c.sentence(),
            c.statement(prepared),
            &wording.statement,
            &wording.figures,
            need,
            Reading::Scoped,
        ) {
            added.push((c, reading));
        }
    }
    added
}

/// Where the sentences that may support a claim are looked up by their words.
struct Index {
    /// Claim sentences by word.
    claims: KeyMap<Vec<Said>>,
    /// Sentences that are mostly a quote by word (`Prepared::quoted`).
    quotes: KeyMap<Vec<Said>>,
    /// Words held by more claim sentences than this are not looked up, nor words held by more
    /// quotes than this among the quotes (`common_limit` of the claim sentences).
    common: usize,
}

impl Index {
    /// The index of `prepared`'s claim sentences and quotes.
    fn new(prepared: &Prepared) -> Index {
        // Claim sentences and quotes by word, each with the number of sentences it was made of.
        let by_word = |said: &[Vec<Statement>], quote: bool| {
            let mut index: KeyMap<Vec<Said>> = KeyMap::default();
            let mut count = 0;
            for (d, ss) in said.iter().enumerate() {
                for (i, s) in ss.iter().enumerate().filter(|(_, s)| !s.is_empty()) {
                    count += 1;
                    for &t in &s.terms {
                        index.entry(t).or_default().push(Said { doc: d, quote, index: i });
                    }
                }
            }
            (index, count)
        };
        let (claims, count) = by_word(&prepared.statements, false);
        let (quotes, _) = by_word(&prepared.quoted, true);
        // A word too common among claim sentences to look up is not looked up among quotes
        // either; one held by as many quotes is not looked up among them.
        Index { claims, quotes, common: common_limit(count) }
    }
}

/// A sentence that may support a claim: a claim sentence, or one that is mostly a quote
/// (`Prepared::quoted`). Claim sentences of a document come before its quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Said {
    doc: usize,
    quote: bool,
    index: usize,
}

impl Said {
    fn sentence(self) -> SentenceRef {
        (self.doc, self.index)
    }

    /// What it says, read as its claim's statement or its quote's.
    fn statement(self, prepared: &Prepared) -> &Statement {
        let said = if self.quote { &prepared.quoted } else { &prepared.statements };
        &said[self.doc][self.index]
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::{ClaimGroup, DocInput, extend, group, parts, prepare};

    /// Documents given as (origin, sentences).
    fn inputs<'a>(docs: &[(usize, &[&'a str])]) -> Vec<DocInput<'a>> {
        docs.iter()
            .map(|&(origin, sentences)| DocInput {
                sentences: sentences.to_vec(),
                origin,
                ..DocInput::default()
            })
            .collect()
    }

    /// The claims of documents given as (origin, sentences): each claim as its text and the
    /// documents that state it, for those stated by more than one document.
    #[track_caller]
    fn check(docs: &[(usize, &[&str])], expect: &[(&str, &[usize])]) {
        let inputs = inputs(docs);
        let prepared = prepare(&inputs, &HashMap::new());
        let mut groups = group(&inputs, &prepared);
        extend(&inputs, &prepared, &mut groups);
        let got: Vec<(String, Vec<usize>)> = groups
            .iter()
            .filter(|g| g.documents.len() > 1)
            .map(|g| (g.text.clone(), g.documents.iter().copied().collect()))
            .collect();
        let want: Vec<(String, Vec<usize>)> =
            expect.iter().map(|(t, d)| (t.to_string(), d.to_vec())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_figure_told_rounded_with_its_bound_supports_the_exact_one() {
        check(
            &[
                (0, &["The Halvik fire destroyed 6,837 structures in the hills above the harbour."]),
                (
                    1,
                    &["The Halvik fire destroyed more than 6,800 structures in the hills above the harbour."],
                ),
                (2, &["The Halvik fire destroyed about 6,800 structures in the hills above the harbour."]),
                // Below its own floor, or two exact counts: another figure.
                (
                    3,
                    &["The Halvik fire destroyed more than 6,900 structures in the hills above the harbour."],
                ),
                (4, &["The Halvik fire destroyed 6,800 structures in the hills above the harbour."]),
            ],
            &[
                ("The Halvik fire destroyed 6,837 structures in the hills above the harbour.", &[0, 1, 2]),
                // 6,837 is more than 6,800 (and the same digits support as before, whatever the bound).
                (
                    "The Halvik fire destroyed more than 6,800 structures in the hills above the harbour.",
                    &[0, 1, 2, 4],
                ),
            ],
        );
    }

    #[test]
    fn a_claim_gathers_longer_sentences_that_state_it() {
        check(
            &[
                (0, &["The ferry struck the bulk carrier Baltic Crane in thick fog near Halvik harbour."]),
                (
                    1,
                    &[
                        "In thick fog, the Aurora Star ferry struck the bulk carrier Baltic Crane near Halvik harbour early on Tuesday, as it was arriving from Skarvik with passengers.",
                    ],
                ),
                (
                    2,
                    &[
                        "Officials confirmed the ferry had struck the Baltic Crane, a bulk carrier, near Halvik harbour.",
                    ],
                ),
                (3, &["The weather in the region was calm for most of the week ahead."]),
            ],
            &[(
                "The ferry struck the bulk carrier Baltic Crane in thick fog near Halvik harbour.",
                &[0, 1, 2],
            )],
        );
    }

    #[test]
    fn a_document_that_quotes_a_source_saying_a_claim_supports_it() {
        // The quote is no claim of its own, but its document states the fact.
        let docs = [
            (
                0,
                "The harbour master said the collision was not caused by an engine failure on the ferry.",
                0.0,
            ),
            (
                1,
                "“The collision was not caused by an engine failure on the ferry,” the harbour master said.",
                0.8,
            ),
            (2, "“We will rebuild the old ferry terminal before the summer season,” the mayor said.", 0.9),
        ];
        let inputs: Vec<DocInput> = docs
            .iter()
            .map(|&(origin, sentence, quoted)| DocInput {
                sentences: vec![sentence],
                quoted: vec![quoted],
                origin,
                ..DocInput::default()
            })
            .collect();
        let prepared = prepare(&inputs, &HashMap::new());
        let mut groups = group(&inputs, &prepared);
        assert_eq!(groups.len(), 1, "a quote is no claim of its own");
        extend(&inputs, &prepared, &mut groups);
        assert_eq!(groups[0].documents.iter().copied().collect::<Vec<_>>(), [0, 1]);
        assert_eq!(groups[0].origins, 2);
    }

    #[test]
    fn a_negation_counts_over_the_words_it_governs() {
        // "no injuries" says nothing against a sentence that does not speak of injuries.
        check(
            &[
                (
                    0,
                    &[
                        "All 14 crew of the Nordlys have been accounted for and there were no injuries, the operator said.",
                    ],
                ),
                (1, &["All 14 crew aboard the Nordlys were reported safe by harbour officials."]),
                (2, &["The weather in the region was calm for most of the week ahead."]),
                (3, &["Ferry timetables will return to normal on Monday, the company said."]),
                (4, &["Traffic on the coastal road was slow after the storm."]),
            ],
            &[(
                "All 14 crew of the Nordlys have been accounted for and there were no injuries, the operator said.",
                &[0, 1],
            )],
        );
        // A negation over the words both hold denies what the other says.
        check(
            &[
                (
                    0,
                    &[
                        "All 14 crew of the Nordlys have been accounted for and there were no injuries, the operator said.",
                    ],
                ),
                (1, &["Harbour officials said not all 14 crew aboard the Nordlys were reported safe."]),
                (2, &["The weather in the region was calm for most of the week ahead."]),
                (3, &["Ferry timetables will return to normal on Monday, the company said."]),
            ],
            &[],
        );
    }

    #[test]
    fn a_claim_is_supported_through_a_shorter_wording_of_its_own() {
        let docs: Vec<(usize, &[&str])> = vec![
            (
                0,
                &[
                    "The ferry struck the bulk carrier Baltic Crane in thick fog near Halvik harbour on Tuesday morning.",
                ],
            ),
            (1, &["The ferry struck the bulk carrier Baltic Crane in thick fog near Halvik harbour."]),
            (
                2,
                &[
                    "Investigators said on Wednesday that the ferry struck the bulk carrier Baltic Crane near Halvik harbour after its ageing radar failed during a crowded evening crossing from Skarvik.",
                ],
            ),
            (3, &["The weather in the region was calm for most of the week ahead."]),
        ];
        let inputs = inputs(&docs);
        let prepared = prepare(&inputs, &HashMap::new());
        let mut groups = group(&inputs, &prepared);
        assert!(groups.iter().all(|g| !g.documents.contains(&2) || g.documents.len() == 1));
        extend(&inputs, &prepared, &mut groups);
        // The third states the shorter wording (the second's), not the representative.
        let after: Vec<Vec<usize>> = groups.iter().map(|g| g.documents.iter().copied().collect()).collect();
        assert!(after.iter().any(|d| d == &[0, 1, 2]), "{after:?}");
    }

    #[test]
    fn a_claim_is_supported_through_its_core_without_attribution_and_asides() {
        check(
            &[
                (
                    0,
                    &[
                        "The Halvik ferry — operating out of Skarvik harbour with a crew of three — was on a training run near Halvik, according to the Nordlys coastguard.",
                    ],
                ),
                (1, &["The Halvik ferry was on a training run near Halvik, officials said."]),
                (2, &["The Halvik ferry had been on a training run near Halvik when it ran aground."]),
                (3, &["The weather in the region was calm for most of the week ahead."]),
            ],
            &[
                (
                    "The Halvik ferry — operating out of Skarvik harbour with a crew of three — was on a training run near Halvik, according to the Nordlys coastguard.",
                    &[0, 1, 2],
                ),
                ("The Halvik ferry was on a training run near Halvik, officials said.", &[0, 1, 2]),
            ],
        );
    }

    #[test]
    fn a_sentence_joins_a_claim_only_when_it_contradicts_none_of_its_members() {
        // The first version gives no figure, so both others agree with it; they do not agree
        // with each other.
        let texts = [
            "The Labour party suffered its worst result in the 2019 election under Jeremy Corbyn.",
            "The Labour party suffered its worst result in the 2019 election, 202 seats, under Jeremy Corbyn.",
            "The Labour party suffered its worst result in the 2019 election, 203 seats, under Jeremy Corbyn.",
        ];
        let inputs: Vec<DocInput> = texts
            .iter()
            .enumerate()
            .map(|(n, t)| DocInput { sentences: vec![t], origin: n, ..DocInput::default() })
            .collect();
        let prepared = prepare(&inputs, &HashMap::new());
        let groups = group(&inputs, &prepared);
        assert!(groups.iter().any(|g| g.documents.len() == 2), "a figure-less version joins one of them");
        assert!(groups.iter().all(|g| !(g.documents.contains(&1) && g.documents.contains(&2))));
    }

    #[test]
    fn a_document_that_gives_another_value_elsewhere_is_not_one_claim_with_it() {
        // The second document gives the worker two children in another sentence.
        check(
            &[
                (
                    0,
                    &[
                        "The 38-year-old welder came to Halvik from Skarvik 17 years ago, was a father of four and hoped to start a business.",
                    ],
                ),
                (
                    1,
                    &[
                        "The body belonged to Ola Strand, a husband and father of two.",
                        "The 38-year-old welder came to Halvik from Skarvik 17 years ago and hoped to start a business.",
                    ],
                ),
            ],
            // Both state the shorter claim; the second is no source of the four children.
            &[(
                "The 38-year-old welder came to Halvik from Skarvik 17 years ago and hoped to start a business.",
                &[0, 1],
            )],
        );
        // Two days of a month are two claims.
        check(
            &[
                (0, &["The Jeju Air plane crashed at Muan airport on Dec. 29, officials said."]),
                (1, &["The Jeju Air plane crashed at Muan airport on Dec. 28, officials said."]),
            ],
            &[],
        );
    }

    #[test]
    fn a_member_kept_once_for_its_figures_keeps_its_documents_personal_figures() {
        // The first two give the same day; the second's document gives the welder two children
        // elsewhere, so it stands for itself, and the third, giving four, does not join them.
        let docs: [&[&str]; 3] = [
            &["The welder from Skarvik was rescued from the harbour on Tuesday."],
            &[
                "The welder from Skarvik was rescued from the harbour on Tuesday.",
                "The welder is a husband and father of two from the coast.",
            ],
            &["The welder from Skarvik, a father of four, was rescued from the harbour on Tuesday."],
        ];
        let inputs: Vec<DocInput> = docs
            .iter()
            .enumerate()
            .map(|(n, t)| DocInput { sentences: t.to_vec(), origin: n, ..DocInput::default() })
            .collect();
        let prepared = prepare(&inputs, &HashMap::new());
        let groups = group(&inputs, &prepared);
        let of = |d: usize| groups.iter().position(|g| g.members.contains(&(d, 0))).expect("grouped");
        assert_eq!(of(0), of(1), "{groups:?}");
        assert_ne!(of(1), of(2), "{groups:?}");
    }

    /// The documents of the claim whose text is `text`, the claims of `docs` (given as
    /// (origin, sentences)) made and extended.
    fn documents_of(docs: &[(usize, &[&str])], text: &str) -> Vec<usize> {
        let inputs = inputs(docs);
        let prepared = prepare(&inputs, &HashMap::new());
        let mut groups = group(&inputs, &prepared);
        extend(&inputs, &prepared, &mut groups);
        let g = groups.iter().find(|g| g.text == text).expect("the claim");
        g.documents.iter().copied().collect()
    }

    #[test]
    fn a_claim_with_several_figures_is_supported_by_a_sentence_that_gives_one() {
        const CLAIM: &str =
            "The Harbour party won 412 seats in the 650-seat Storting, while the Coast party won 121.";
        let docs: Vec<(usize, &[&str])> = vec![
            (0, &[CLAIM]),
            (
                1,
                &[
                    "Counting went on through the night in Skarvik as the Harbour party won 412 seats, its best result.",
                ],
            ),
            (2, &["The weather in the region was calm for most of the week ahead."]),
        ];
        assert_eq!(documents_of(&docs, CLAIM), [0, 1]);
    }

    #[test]
    fn a_date_does_not_carry_a_claim_as_a_figure_does() {
        // What the claim says is that the ferry was destroyed; the others only place the
        // sinking on the same day. A day of a month is read as a date, not a figure, so a
        // sentence needs half the claim's words, not the share that a figure's claim needs,
        // and a claim with figures is not supported by a sentence giving only its date.
        const CLAIM: &str = "The Halvik ferry that sank off Skarvik on Dec. 14 was almost completely destroyed, an inspector said.";
        const COUNT: &str = "The Halvik ferry carried 212 passengers from Skarvik when it sank on Dec. 14, killing all aboard.";
        let docs: Vec<(usize, &[&str])> = vec![
            (0, &[CLAIM, COUNT]),
            (1, &["Divers searched the Halvik ferry that sank off Skarvik on Dec. 14 for a second day."]),
            (
                2,
                &[
                    "Relatives gathered in Skarvik on December 14 to mourn those on the Halvik ferry that sank.",
                ],
            ),
            (3, &["The weather in the region was calm for most of the week ahead."]),
        ];
        assert_eq!(documents_of(&docs, CLAIM), [0]);
        assert_eq!(documents_of(&docs, COUNT), [0]);
    }

    #[test]
    fn a_near_miss_of_a_figure_left_out_or_given_withholds_support() {
        const CLAIM: &str = "A magnitude 7.5 earthquake killed 48 people on the Halvik coast.";
        const SUPPORTER: &str = "Rescuers from Skarvik, Nordby and Vik worked through the night with dogs and cranes after the earthquake killed 48 people on the Halvik coast, officials said on Tuesday.";
        const CALM: &str = "The weather in the region was calm for most of the week ahead.";
        // The second leaves the magnitude out and gives another one elsewhere; the third gives
        // a near miss of the magnitude beside it (the quake's intensity).
        let near: Vec<(usize, &[&str])> = vec![
            (0, &[CLAIM]),
            (1, &[SUPPORTER, "The agency later put the magnitude of the earthquake at 7.6."]),
            (
                2,
                &[
                    "Divers searched the harbour after the 7.5 quake, 7 on the local scale, killed dozens of people on the Halvik coast.",
                ],
            ),
            (3, &[CALM]),
        ];
        assert_eq!(documents_of(&near, CLAIM), [0]);
        let clear: Vec<(usize, &[&str])> = vec![
            (0, &[CLAIM]),
            (1, &[SUPPORTER, "The agency later sent divers to the harbour."]),
            (
                2,
                &[
                    "Divers searched the harbour after the 7.5 quake killed dozens of people on the Halvik coast.",
                ],
            ),
            (3, &[CALM]),
        ];
        assert_eq!(documents_of(&clear, CLAIM), [0, 1, 2]);
    }

    #[test]
    fn a_claim_is_supported_through_the_words_its_sources_agree_on() {
        // Three outlets tell one fact with words of their own around the words they share; a
        // fourth shares those words inside a sentence about much else.
        let mut texts = vec![
            "A construction crew was filling potholes on the Halvik bridge during the night shift before dawn on a cold morning.".to_string(),
            "The construction crew was filling potholes on the Halvik bridge during the night shift with hot tar and gravel.".to_string(),
            "The construction crew had been filling potholes on the Halvik bridge during the night shift near its rusty north tower.".to_string(),
            "Rescuers from Skarvik saw a construction crew filling potholes on the Halvik bridge plunge into the fjord below with their lorries and tools.".to_string(),
        ];
        let places = ["Nordby", "Vik", "Lund", "Hov", "Ask"];
        let things = ["ferries", "buses", "schools", "markets"];
        for p in places {
            for t in things {
                texts.push(format!(
                    "The {t} of {p} kept their usual hours all week, the council of {p} said."
                ));
            }
        }
        let inputs: Vec<DocInput> = texts
            .iter()
            .enumerate()
            .map(|(n, t)| DocInput { sentences: vec![t.as_str()], origin: n, ..DocInput::default() })
            .collect();
        let prepared = prepare(&inputs, &HashMap::new());
        let mut groups = group(&inputs, &prepared);
        let before = groups.iter().find(|g| g.members.contains(&(0, 0))).expect("the claim").clone();
        assert_eq!(before.documents.iter().copied().collect::<Vec<_>>(), [0, 1, 2]);
        extend(&inputs, &prepared, &mut groups);
        let g = groups.iter().find(|g| g.members.contains(&(0, 0))).expect("the claim");
        assert_eq!(g.documents.iter().copied().collect::<Vec<_>>(), [0, 1, 2, 3]);
    }

    #[test]
    fn all_but_two_of_181_supports_179_but_is_no_citation_for_it() {
        const CLAIM: &str = "The crash at Halvik airport on Sunday killed 179 people on board.";
        let docs: Vec<(usize, &[&str])> = vec![
            (0, &[CLAIM]),
            (
                1,
                &[
                    "Fire officials in Skarvik said the crash at Halvik airport on Sunday killed all but two of the 181 people on board, as rescuers from Nordby and Vik searched the burning wreckage through the night with dogs and cranes.",
                ],
            ),
            (2, &["The weather in the region was calm for most of the week ahead."]),
        ];
        assert_eq!(documents_of(&docs, CLAIM), [0, 1]);
        let inputs = inputs(&docs);
        let prepared = prepare(&inputs, &HashMap::new());
        assert!(!prepared.document_states(1, (0, 0)), "a citation needs the figure as written");
    }

    #[test]
    fn near_misses_are_figures_of_one_shape_close_together_or_two_clock_times() {
        use crate::claims::diverge::near_miss;
        assert!(near_miss("7.5", "7.6"));
        assert!(near_miss("5342", "5432"));
        assert!(near_miss("1:30", "00:30"));
        assert!(!near_miss("7", "75"));
        assert!(!near_miss("412", "121"));
        assert!(!near_miss("1:30", "130"));
        assert!(!near_miss("0", "00"));
    }

    #[test]
    fn a_subheading_is_no_claim() {
        check(
            &[
                (0, &["Reactions From Former President Ola Berg And Ministers"]),
                (1, &["Reactions From Former President Ola Berg And Ministers"]),
            ],
            &[],
        );
    }

    #[test]
    fn contradicting_figures_and_days_are_never_one_claim() {
        check(
            &[
                (0, &["The crash on Sunday killed 179 people on board the Jeju Air plane."]),
                (1, &["The crash on Sunday killed 177 people on board the Jeju Air plane."]),
                (2, &["Nordlys Lines said the Skarvik ferry route would resume on Saturday."]),
                (3, &["Nordlys Lines said the Skarvik ferry route would resume on Friday."]),
            ],
            &[],
        );
    }

    #[test]
    fn a_sentence_is_cut_into_the_clauses_it_tells() {
        use super::clause_parts;
        assert_eq!(
            clause_parts(
                "The bridge collapsed early Tuesday after a support column was hit by a container ship."
            ),
            ["The bridge collapsed early Tuesday", "a support column was hit by a container ship."]
        );
        assert_eq!(
            clause_parts(
                "Passengers who were aboard the ferry when it struck the carrier were taken to Halvik."
            ),
            ["it struck the carrier were taken to Halvik."],
            "a verb of a relative clause makes no part"
        );
        assert_eq!(
            clause_parts("In thick fog, the ferry struck the pier, officials said."),
            ["the ferry struck the pier"],
            "a phrase of place and who said it are no parts"
        );
        assert_eq!(
            clause_parts("While the ferry line cancelled its sailings, the harbour stayed open."),
            ["the ferry line cancelled its sailings", "the harbour stayed open."],
            "a clause that opens the sentence loses its opener"
        );
        assert_eq!(
            clause_parts("The ferry sank on Tuesday, with its hull torn open by the rocks of Halvik point."),
            ["The ferry sank on Tuesday"],
            "a phrase that opens on a preposition is no part"
        );
        assert_eq!(
            clause_parts("Officials said when the fog lifted the ferry was towed to the quay."),
            ["the fog lifted the ferry was towed to the quay."],
            "who said it is no part of its own"
        );
        for whole in [
            // A phrase of time, not a clause.
            "Two deckhands were pulled from the water soon after the collision near the harbour.",
            "The captain, after an inquiry at the harbour office, is expected to resign.",
            // Only who said it, then a clause without a verb.
            "Mira Solberg, 57, of Halvik said that before the storm of last winter.",
            // No clause opener.
            "The ferry struck the bulk carrier Baltic Crane in thick fog.",
        ] {
            assert!(clause_parts(whole).is_empty(), "{whole}: {:?}", clause_parts(whole));
        }
    }

    #[test]
    fn a_further_predicate_of_the_subject_is_told_with_the_subject_in_brackets() {
        use super::clause_parts;
        let cut = |s: &str| clause_parts(s).into_iter().map(|p| p.into_owned()).collect::<Vec<_>>();
        assert_eq!(
            cut("The storm flattened the pier, destroyed 40 boats and damaged the harbour office."),
            [
                "The storm flattened the pier",
                "[The storm] destroyed 40 boats",
                "[The storm] damaged the harbour office."
            ]
        );
        assert_eq!(
            cut("The ferry line cancelled its sailings and has chartered two buses."),
            ["The ferry line cancelled its sailings", "[The ferry line] has chartered two buses."],
            "an auxiliary opens a predicate whatever the subject's verb"
        );
        assert_eq!(
            cut("The skipper was arrested on Tuesday, charged with negligence and released on bail."),
            ["The skipper was arrested on Tuesday"],
            "after a passive clause a verb in the past may describe: not told with the subject"
        );
        assert_eq!(
            cut("The ferry left Halvik at dawn, delayed by the fog."),
            ["The ferry left Halvik at dawn"],
            "a verb in the past right before a preposition after a comma describes"
        );
        assert_eq!(
            cut("The crew followed the divers who reached the wreck and pulled two sailors from the water."),
            ["The crew followed the divers who reached the wreck"],
            "the verb after a relative clause may be the relative clause's"
        );
        assert_eq!(
            cut("Officials feared the worst after the ferry struck the pier and sank near the quay."),
            ["Officials feared the worst", "the ferry struck the pier"],
            "past a clause opener the subject is another"
        );
        assert_eq!(
            cut("The port would reopen on Monday and be dredged in May."),
            ["The port would reopen on Monday"],
            "a verb that is not finite opens no predicate"
        );
        assert_eq!(
            cut("HALVIK - The storm flattened the pier and destroyed 40 boats."),
            ["HALVIK - The storm flattened the pier"],
            "a dateline is no part of the subject (the table's [subject-breaks])"
        );
        assert_eq!(
            cut("Police said the driver fled the scene, abandoned the van and left no trace."),
            ["Police said the driver fled the scene"],
            "a verb of speech has no subject of what follows"
        );
    }

    /// The claims of `docs` (extended), the place of the one whose representative is the first
    /// document's first sentence, and their parts.
    fn claims_and_parts(docs: &[DocInput]) -> (Vec<ClaimGroup>, usize, Vec<ClaimGroup>) {
        let prepared = prepare(docs, &HashMap::new());
        let mut groups = group(docs, &prepared);
        extend(docs, &prepared, &mut groups);
        let whole = groups.iter().position(|g| g.representative == (0, 0)).expect("the whole is a claim");
        let found = parts(docs, &prepared, &groups);
        (groups, whole, found)
    }

    #[test]
    fn a_part_of_a_claim_that_more_origins_tell_is_a_claim_of_its_own() {
        let docs = inputs(&[
            (
                0,
                &[
                    "The harbour's old loading crane toppled onto two parked lorries and a fuel depot on Tuesday after the ferry Aurora Star struck the north pier in thick fog.",
                ],
            ),
            (1, &["Early on Tuesday the ferry Aurora Star struck the north pier of Halvik harbour."]),
            (2, &["In thick fog the ferry Aurora Star struck the harbour's north pier, officials said."]),
            (3, &["The ferry line will resume its sailings to Skarvik on Saturday morning."]),
        ]);
        let (groups, whole, found) = claims_and_parts(&docs);
        let got: Vec<(&str, Vec<usize>, usize, Option<usize>)> = found
            .iter()
            .map(|p| (p.text.as_str(), p.documents.iter().copied().collect(), p.origins, p.part_of))
            .collect();
        assert_eq!(
            got,
            [("the ferry Aurora Star struck the north pier in thick fog.", vec![0, 1, 2], 3, Some(whole))],
            "the crane's fall is told once; the collision three times"
        );
        assert!(groups[whole].origins < 3, "the whole sentence is not stated as often as its part");
    }

    #[test]
    fn a_sentence_that_tells_only_a_later_clause_supports_that_part_not_the_claim() {
        let docs = inputs(&[
            (
                0,
                &[
                    "Mayor Orsk closed the schools after the storm flooded the lower harbour district of Halvik.",
                ],
            ),
            (
                1,
                &[
                    "On Monday night the storm flooded the lower harbour district of Halvik, and fishermen fought to save their boats from the rising water.",
                ],
            ),
            (2, &["The storm flooded the lower harbour district, where the ferry terminal stands."]),
            (3, &["Mayor Orsk closed the schools of the town until Friday."]),
            (4, &["The ferry line will resume its sailings to Skarvik on Saturday morning."]),
        ]);
        let (groups, whole, found) = claims_and_parts(&docs);
        assert_eq!(
            groups[whole].documents.iter().copied().collect::<Vec<_>>(),
            [0, 3],
            "the schools' closing is told twice"
        );
        let flood =
            found.iter().find(|p| p.text.starts_with("the storm flooded")).expect("the flood is a part");
        // A part keeps its claim's documents and gains those that tell it alone.
        assert_eq!(flood.documents.iter().copied().collect::<Vec<_>>(), [0, 1, 2, 3]);
    }

    #[test]
    fn a_clause_of_result_that_counts_the_dead_is_a_part_told_with_its_subject() {
        let docs = inputs(&[
            (
                0,
                &[
                    "HALVIK (Nordwire) – A landslide buried the coastal road near Halvik on Tuesday, killing at least four people and injuring nine others, as rescuers searched the debris for cars.",
                ],
            ),
            (
                1,
                &[
                    "At least four people were killed and nine others injured when the hillside gave way above the Halvik road.",
                ],
            ),
            (
                2,
                &[
                    "Police in Halvik said at least four people were killed and nine injured by the landslide.",
                ],
            ),
            (3, &["The ferry line will resume its sailings to Skarvik on Saturday morning."]),
        ]);
        let (_, whole, found) = claims_and_parts(&docs);
        let toll = found
            .iter()
            .find(|p| p.text.contains("killed at least four people"))
            .unwrap_or_else(|| panic!("the toll is a part: {found:?}"));
        // Told with the subject it follows, after the dateline, its participles made finite.
        assert_eq!(toll.text, "[A landslide] killed at least four people and injured nine others");
        assert_eq!(toll.documents.iter().copied().collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(toll.part_of, Some(whole));
        // A clause of result that counts no one is not told on its own.
        let clauses = super::clause_parts(
            "A storm hit the coast on Monday, leaving the harbour road closed to traffic.",
        );
        assert!(clauses.iter().all(|c| !c.contains("left")), "{clauses:?}");
    }
}
