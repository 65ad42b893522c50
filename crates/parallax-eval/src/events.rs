//! Real events (`../shared/bench/real-events`): many outlets' pages about one news event, each
//! with hand-made gold. [`run`] briefs every `<event>.jsonl` of a folder as a user would
//! (`parallax brief <event>.jsonl`) and [`score`] compares the briefing with
//! `<event>.gold.json` by the metric of the folder's `ORIGIN.md`:
//!
//! 1. origins: pairwise precision, recall and F1 over pairs of documents in one origin;
//! 2. facts found (a claim contains all the fact's keywords, or has word-overlap F1 >= 0.5
//!    with its statement, and lists at least half of its documents) and, of those, counts
//!    right (the claim's `origins` equals the gold's);
//! 3. divergences: recall of gold divergences and precision of reported ones (a reported
//!    divergence matches when two of its sides hold the `text_has` of gold sides of different
//!    values), and merged conflicts (a claim listing documents of two values of a gold
//!    divergence and holding one side's words);
//! 4. citations (the cited document holds every number of the summary sentence and 40% of
//!    its words of four or more letters) and summary repeats (a sentence that states a gold
//!    fact an earlier one stated);
//! 5. quotes found and speakers right;
//! 6. timeline entries found (same date, half of the gold words).
//!
//! Besides the metric, every title, claim, quote, timeline entry and summary sentence is
//! checked against shapes of page chrome ([`chrome_shape`]): none should be there; and every
//! value a count by day shows (`updates`) against the gold's notes of updates (a
//! `not_divergences` entry whose `why` is `update`): each should be named there.
//!
//! A page that the extract stage split into several documents is scored as the page: a
//! document id `page#2` counts for `page`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use parallax_engine::{ingest, pipeline};
use parallax_model::{Briefing, DocId, RawDoc};
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::common::f1;
use crate::matching::{contains, contains_folded, content_words, fold, numbers, word_f1};

/// The gold of one event, as `ORIGIN.md` documents it.
#[derive(Clone, Debug, Deserialize)]
pub struct Gold {
    /// What happened, where, when.
    pub event: String,
    /// The day of the main event.
    pub date: String,
    /// Every document exactly once; a group is one copy.
    pub origins: Vec<Vec<String>>,
    /// Key facts with every document that states them.
    #[serde(default)]
    pub facts: Vec<GoldFact>,
    /// Every real disagreement.
    #[serde(default)]
    pub divergences: Vec<GoldDivergence>,
    /// Direct quotes with their speakers.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Dated happenings.
    #[serde(default)]
    pub timeline: Vec<GoldEntry>,
    /// Differences that are not conflicts, and why.
    #[serde(default)]
    pub not_divergences: Vec<GoldNote>,
}

/// A difference that is not a conflict.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldNote {
    /// What differs, with its values.
    pub about: String,
    /// Why it is no conflict: `update`, `different quantity`, `rounding`, ….
    pub why: String,
}

/// A key fact.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldFact {
    /// `F1`, `F2`, ...
    pub id: String,
    /// The fact in a plain sentence.
    pub statement: String,
    /// Words every statement of it has.
    pub keywords: Vec<String>,
    /// Every document that states it.
    pub documents: Vec<String>,
    /// How many independent origins state it.
    pub origins: usize,
}

/// A real disagreement.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDivergence {
    /// `D1`, `D2`, ...
    pub id: String,
    /// `number`, `date`, `attribute` or `stance`.
    pub kind: String,
    /// What differs.
    pub about: String,
    /// What each side says.
    pub sides: Vec<GoldSide>,
}

/// One side of a real disagreement.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldSide {
    /// The value this side gives; sides with one value are one position.
    pub value: String,
    /// Words a statement of this side holds.
    pub text_has: String,
    /// Its documents.
    pub documents: Vec<String>,
}

/// A direct quote.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuote {
    /// The document that carries it.
    pub document: String,
    /// Distinctive words of the quote.
    pub text_has: String,
    /// Who said it, or null when the text does not say.
    pub speaker: Option<String>,
    /// Words that name the speaker.
    #[serde(default)]
    pub speaker_words: Vec<String>,
}

/// A dated happening.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldEntry {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// What happened.
    pub what: String,
    /// Words of the sentence that dates it.
    pub has: Vec<String>,
}

/// Counts behind the figures of one event, which add up across events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Documents briefed.
    pub documents: usize,
    /// Pairs of documents in one reported origin and in one gold origin.
    pub origin_pairs_right: usize,
    /// Pairs of documents in one reported origin.
    pub origin_pairs_reported: usize,
    /// Pairs of documents in one gold origin.
    pub origin_pairs_gold: usize,
    /// Gold facts.
    pub facts: usize,
    /// Gold facts found.
    pub facts_found: usize,
    /// Facts found whose claim counts the gold number of origins.
    pub counts_right: usize,
    /// Gold divergences.
    pub divergences: usize,
    /// Gold divergences some reported divergence matches.
    pub divergences_found: usize,
    /// Reported divergences.
    pub divergences_reported: usize,
    /// Reported divergences that match a gold one.
    pub divergences_right: usize,
    /// Gold divergences reported as agreement by some claim.
    pub merged_conflicts: usize,
    /// Citations of summary sentences.
    pub citations: usize,
    /// Citations whose document states the sentence.
    pub citations_holding: usize,
    /// Summary sentences.
    pub summary_sentences: usize,
    /// Summary sentences that state a gold fact an earlier one stated.
    pub repeats: usize,
    /// Gold quotes.
    pub quotes: usize,
    /// Gold quotes found in a quote of their document.
    pub quotes_found: usize,
    /// Quotes found with the right speaker.
    pub speakers_right: usize,
    /// Gold timeline entries.
    pub timeline: usize,
    /// Gold timeline entries found.
    pub timeline_found: usize,
    /// Titles, claims, quotes, timeline entries and summary sentences that are page chrome.
    pub chrome: usize,
    /// Values shown as steps of a count by day (`updates`).
    pub update_steps: usize,
    /// Of those, the values that a gold note of an update names.
    pub update_steps_named: usize,
    /// Summary sentences that give one side of a gold divergence.
    pub summary_disputed: usize,
    /// Of those, the sentences the briefing marks as disputed (`summary[].disputed`).
    pub summary_disputed_marked: usize,
    /// Key facts the views list (the first [`KEY_FACTS_SHOWN`] of `key_facts`).
    pub key_facts: usize,
    /// Of those, the ones that state a gold fact an earlier one states.
    pub key_fact_repeats: usize,
}

impl Counts {
    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: &Counts) {
        let Counts {
            documents,
            origin_pairs_right,
            origin_pairs_reported,
            origin_pairs_gold,
            facts,
            facts_found,
            counts_right,
            divergences,
            divergences_found,
            divergences_reported,
            divergences_right,
            merged_conflicts,
            citations,
            citations_holding,
            summary_sentences,
            repeats,
            quotes,
            quotes_found,
            speakers_right,
            timeline,
            timeline_found,
            chrome,
            update_steps,
            update_steps_named,
            summary_disputed,
            summary_disputed_marked,
            key_facts,
            key_fact_repeats,
        } = other;
        self.documents += documents;
        self.origin_pairs_right += origin_pairs_right;
        self.origin_pairs_reported += origin_pairs_reported;
        self.origin_pairs_gold += origin_pairs_gold;
        self.facts += facts;
        self.facts_found += facts_found;
        self.counts_right += counts_right;
        self.divergences += divergences;
        self.divergences_found += divergences_found;
        self.divergences_reported += divergences_reported;
        self.divergences_right += divergences_right;
        self.merged_conflicts += merged_conflicts;
        self.citations += citations;
        self.citations_holding += citations_holding;
        self.summary_sentences += summary_sentences;
        self.repeats += repeats;
        self.quotes += quotes;
        self.quotes_found += quotes_found;
        self.speakers_right += speakers_right;
        self.timeline += timeline;
        self.timeline_found += timeline_found;
        self.chrome += chrome;
        self.update_steps += update_steps;
        self.update_steps_named += update_steps_named;
        self.summary_disputed += summary_disputed;
        self.summary_disputed_marked += summary_disputed_marked;
        self.key_facts += key_facts;
        self.key_fact_repeats += key_fact_repeats;
    }

    /// The figures these counts give.
    pub fn figures(&self) -> Figures {
        let share = |hit: usize, of: usize| if of == 0 { 1.0 } else { hit as f64 / of as f64 };
        let p = share(self.origin_pairs_right, self.origin_pairs_reported);
        let r = share(self.origin_pairs_right, self.origin_pairs_gold);
        Figures {
            origins_precision: p,
            origins_recall: r,
            origins_f1: f1(p, r),
            facts_found: share(self.facts_found, self.facts),
            counts_right: share(self.counts_right, self.facts_found),
            divergence_recall: share(self.divergences_found, self.divergences),
            divergence_precision: share(self.divergences_right, self.divergences_reported),
            merged_conflicts: self.merged_conflicts,
            citation_precision: share(self.citations_holding, self.citations),
            repeats: self.repeats,
            quotes_found: share(self.quotes_found, self.quotes),
            speakers: share(self.speakers_right, self.quotes_found),
            timeline: share(self.timeline_found, self.timeline),
            chrome: self.chrome,
            updates_named: share(self.update_steps_named, self.update_steps),
            disputes_marked: share(self.summary_disputed_marked, self.summary_disputed),
            key_fact_repeats: self.key_fact_repeats,
        }
    }
}

/// The figures of `ORIGIN.md`, from [`Counts`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Figures {
    /// Pairwise origin precision.
    pub origins_precision: f64,
    /// Pairwise origin recall.
    pub origins_recall: f64,
    /// Pairwise origin F1.
    pub origins_f1: f64,
    /// Share of gold facts found.
    pub facts_found: f64,
    /// Share of facts found whose origin count is right.
    pub counts_right: f64,
    /// Share of gold divergences found.
    pub divergence_recall: f64,
    /// Share of reported divergences that are real.
    pub divergence_precision: f64,
    /// Gold divergences reported as agreement.
    pub merged_conflicts: usize,
    /// Share of citations that hold.
    pub citation_precision: f64,
    /// Summary sentences that repeat a fact.
    pub repeats: usize,
    /// Share of gold quotes found.
    pub quotes_found: f64,
    /// Share of found quotes with the right speaker.
    pub speakers: f64,
    /// Share of gold timeline entries found.
    pub timeline: f64,
    /// Outputs that are page chrome.
    pub chrome: usize,
    /// Share of the steps of counts by day whose value a gold note of an update names (not a
    /// figure of `ORIGIN.md`: a check that what is shown as an update is one).
    pub updates_named: f64,
    /// Share of the summary sentences giving one side of a gold divergence that the briefing
    /// marks as disputed (not a figure of `ORIGIN.md`: a check that a contradicted variant is
    /// not given as settled).
    pub disputes_marked: f64,
    /// Key facts that state a gold fact an earlier key fact states (not a figure of
    /// `ORIGIN.md`: the summary's repeats, read on the list of key facts the views show).
    pub key_fact_repeats: usize,
}

/// One thing the briefing got wrong, for `--errors`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum Miss {
    /// Two documents in one origin that gold keeps apart.
    OriginJoined {
        /// One document.
        a: String,
        /// The other.
        b: String,
    },
    /// Two documents of one gold origin kept apart.
    OriginSplit {
        /// One document.
        a: String,
        /// The other.
        b: String,
    },
    /// A gold fact no claim states with half its documents.
    FactNotFound {
        /// Its id.
        id: String,
        /// Its statement.
        statement: String,
        /// How many documents the best claim holding its words lists of the gold's.
        best_overlap: usize,
        /// How many documents gold lists.
        documents: usize,
        /// The best claim holding its words, if any.
        best_claim: Option<String>,
    },
    /// A fact found with another number of origins than gold's.
    FactMiscounted {
        /// Its id.
        id: String,
        /// The claim.
        claim: String,
        /// Origins the claim counts.
        got: usize,
        /// Origins gold counts.
        want: usize,
    },
    /// A gold divergence no reported one matches.
    DivergenceMissed {
        /// Its id.
        id: String,
        /// What differs.
        about: String,
    },
    /// A reported divergence that matches no gold one.
    DivergenceFalse {
        /// Its description.
        description: String,
        /// Its sides' texts.
        sides: Vec<String>,
    },
    /// A gold divergence reported as agreement.
    MergedConflict {
        /// Its id.
        id: String,
        /// What differs.
        about: String,
        /// The claim that merges the sides.
        claim: String,
    },
    /// A summary sentence cites a document that does not state it.
    CitationFails {
        /// The sentence.
        sentence: String,
        /// The document.
        document: String,
        /// What the document lacks.
        lacks: String,
    },
    /// A summary sentence states a fact an earlier one stated.
    Repeat {
        /// The sentence.
        sentence: String,
        /// The fact.
        fact: String,
    },
    /// A key fact states a gold fact an earlier key fact stated.
    KeyFactRepeat {
        /// The claim.
        claim: String,
        /// The fact.
        fact: String,
    },
    /// A gold quote not found in its document's quotes.
    QuoteNotFound {
        /// The document.
        document: String,
        /// The quote's words.
        text_has: String,
    },
    /// A quote found with the wrong speaker.
    WrongSpeaker {
        /// The document.
        document: String,
        /// The quote's words.
        text_has: String,
        /// The speaker reported.
        got: Option<String>,
        /// The gold speaker.
        want: Option<String>,
    },
    /// A gold timeline entry not found.
    TimelineMissed {
        /// Its date.
        date: String,
        /// What happened.
        what: String,
    },
    /// A summary sentence that gives one side of a gold divergence, not marked as disputed.
    DisputeUnmarked {
        /// The sentence.
        sentence: String,
        /// The gold divergence's id.
        id: String,
        /// What differs.
        about: String,
    },
    /// A step of a count by day whose value no gold note of an update names.
    UpdateUnnamed {
        /// The count, in words.
        description: String,
        /// The step's day.
        date: String,
        /// The step's value.
        value: String,
    },
    /// An output that is page chrome.
    Chrome {
        /// Where it stands: `title`, `claim`, `quote`, `timeline` or `summary`.
        section: String,
        /// The text.
        text: String,
        /// The chrome shape it has.
        shape: String,
    },
}

/// One event's result.
#[derive(Clone, Debug, Serialize)]
pub struct EventScore {
    /// The event's name, the file stem.
    pub name: String,
    /// Its counts.
    pub counts: Counts,
    /// Its figures.
    pub figures: Figures,
    /// Milliseconds the briefing took.
    pub brief_ms: f64,
    /// What went wrong, in the metric's order.
    pub misses: Vec<Miss>,
}

/// The event files of `dir`: each `<event>.jsonl` with its `<event>.gold.json`, sorted.
pub fn event_files(dir: &Path) -> Result<Vec<(String, PathBuf, PathBuf)>, Error> {
    let entries =
        std::fs::read_dir(dir).map_err(|source| Error::Read { path: dir.display().to_string(), source })?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        let Some(stem) = name.strip_suffix(".jsonl") else { continue };
        let gold = dir.join(format!("{stem}.gold.json"));
        if gold.is_file() {
            out.push((stem.to_string(), path.clone(), gold));
        }
    }
    out.sort();
    if out.is_empty() {
        return Err(Error::Empty(dir.display().to_string()));
    }
    Ok(out)
}

/// Reads one event: its documents as a user's `parallax brief <event>.jsonl` reads them, and
/// its gold.
pub fn load(jsonl: &Path, gold: &Path) -> Result<(Vec<RawDoc>, Gold), Error> {
    let read =
        |p: &Path| std::fs::read(p).map_err(|source| Error::Read { path: p.display().to_string(), source });
    let bytes = read(jsonl)?;
    let gold_bytes = read(gold)?;
    let gold: Gold = serde_json::from_slice(&gold_bytes)
        .map_err(|source| Error::Gold { path: gold.display().to_string(), source })?;
    let name = jsonl.display().to_string();
    let stem = jsonl.file_stem().and_then(|s| s.to_str()).unwrap_or("event");
    let config = ingest::Config::default();
    let mut docs = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if let Ok(Some(record)) = ingest::jsonl_record(&name, stem, n + 1, line, &config) {
            docs.push((record.doc, record.explicit_id));
        }
    }
    let (docs, _) = ingest::assign_ids(docs);
    Ok((docs, gold))
}

/// Briefs and scores every event of `dir`, in name order.
pub fn run(dir: &Path) -> Result<Vec<EventScore>, Error> {
    let mut out = Vec::new();
    for (name, jsonl, gold_path) in event_files(dir)? {
        let (docs, gold) = load(&jsonl, &gold_path)?;
        let started = Instant::now();
        let briefing = pipeline::brief(&docs, Vec::new(), &pipeline::Config::default());
        let brief_ms = started.elapsed().as_secs_f64() * 1000.0;
        let (counts, misses) = score(&docs, &briefing, &gold);
        out.push(EventScore { name, figures: counts.figures(), counts, brief_ms, misses });
    }
    Ok(out)
}

/// Scores `briefing` of `docs` against `gold`.
pub fn score<'b>(docs: &[RawDoc], briefing: &'b Briefing, gold: &'b Gold) -> (Counts, Vec<Miss>) {
    let mut counts = Counts { documents: docs.len(), ..Counts::default() };
    let mut misses = Vec::new();
    // A document of the briefing stands for the page it came from.
    let page_of: BTreeMap<&str, &str> = briefing
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.segment_of.as_ref().map_or(d.id.as_str(), |p| p.as_str())))
        .collect();
    let pages = |ids: &'b [DocId]| pages_of(&page_of, ids);
    let raw_text: BTreeMap<&str, String> = docs.iter().map(|d| (d.id.as_str(), fold(&d.text))).collect();

    score_origins(briefing, gold, &page_of, &mut counts, &mut misses);

    // Facts.
    let claims: Vec<(String, BTreeSet<&str>, usize)> =
        briefing.claims.iter().map(|c| (fold(&c.text), pages(&c.documents), c.origins)).collect();
    counts.facts = gold.facts.len();
    for fact in &gold.facts {
        let wanted: BTreeSet<&str> = fact.documents.iter().map(String::as_str).collect();
        let mut best: Option<(usize, usize)> = None;
        for (n, (text, documents, _)) in claims.iter().enumerate() {
            if !states(text, fact) {
                continue;
            }
            let overlap = documents.intersection(&wanted).count();
            if best.is_none_or(|(_, o)| overlap > o) {
                best = Some((n, overlap));
            }
        }
        match best {
            Some((n, overlap)) if overlap * 2 >= wanted.len() && overlap > 0 => {
                counts.facts_found += 1;
                let got = claims[n].2;
                if got == fact.origins {
                    counts.counts_right += 1;
                } else {
                    misses.push(Miss::FactMiscounted {
                        id: fact.id.clone(),
                        claim: briefing.claims[n].text.clone(),
                        got,
                        want: fact.origins,
                    });
                }
            }
            _ => misses.push(Miss::FactNotFound {
                id: fact.id.clone(),
                statement: fact.statement.clone(),
                best_overlap: best.map_or(0, |b| b.1),
                documents: wanted.len(),
                best_claim: best.map(|(n, _)| briefing.claims[n].text.clone()),
            }),
        }
    }

    score_divergences(briefing, gold, &claims, &mut counts, &mut misses);

    // Citations and repeats.
    let mut stated = Stated::default();
    for sentence in &briefing.summary {
        counts.summary_sentences += 1;
        let folded = fold(&sentence.text);
        let wanted_numbers = numbers(&folded);
        let wanted_words = content_words(&folded);
        for document in pages(&sentence.documents) {
            counts.citations += 1;
            let text = raw_text.get(document).map_or("", String::as_str);
            let lacks_number: Vec<&str> =
                wanted_numbers.iter().copied().filter(|n| !contains_folded(text, n)).collect();
            let held = wanted_words.iter().filter(|w| contains_folded(text, w)).count();
            let words_hold = held * 10 >= wanted_words.len() * 4;
            if lacks_number.is_empty() && words_hold {
                counts.citations_holding += 1;
            } else {
                let lacks = if lacks_number.is_empty() {
                    format!("words: {held} of {} found", wanted_words.len())
                } else {
                    format!("numbers: {}", lacks_number.join(", "))
                };
                misses.push(Miss::CitationFails {
                    sentence: sentence.text.clone(),
                    document: document.to_string(),
                    lacks,
                });
            }
        }
        if let Some(fact) = stated.again(&folded, gold) {
            counts.repeats += 1;
            misses.push(Miss::Repeat { sentence: sentence.text.clone(), fact: fact.to_string() });
        }
        // A side of a gold divergence given in the summary should be marked as disputed.
        let gives = gold
            .divergences
            .iter()
            .find(|d| d.sides.iter().any(|side| contains(&sentence.text, &side.text_has)));
        if let Some(d) = gives {
            counts.summary_disputed += 1;
            if sentence.disputed.is_empty() {
                misses.push(Miss::DisputeUnmarked {
                    sentence: sentence.text.clone(),
                    id: d.id.clone(),
                    about: d.about.clone(),
                });
            } else {
                counts.summary_disputed_marked += 1;
            }
        }
    }

    // Key facts: as the summary, no fact twice among those the views list.
    let by_id: BTreeMap<&str, &str> =
        briefing.claims.iter().map(|c| (c.id.as_str(), c.text.as_str())).collect();
    let mut listed = Stated::default();
    for text in briefing.key_facts.iter().take(KEY_FACTS_SHOWN).filter_map(|id| by_id.get(id.as_str())) {
        counts.key_facts += 1;
        if let Some(fact) = listed.again(&fold(text), gold) {
            counts.key_fact_repeats += 1;
            misses.push(Miss::KeyFactRepeat { claim: text.to_string(), fact: fact.to_string() });
        }
    }

    // Quotes and speakers.
    counts.quotes = gold.quotes.len();
    for q in &gold.quotes {
        let found = briefing.quotes.iter().find(|quote| {
            pages(&quote.documents).contains(q.document.as_str())
                && (contains(&quote.text, &q.text_has)
                    || quote.variants.iter().any(|v| {
                        pages(&v.documents).contains(q.document.as_str()) && contains(&v.text, &q.text_has)
                    }))
        });
        let Some(quote) = found else {
            misses.push(Miss::QuoteNotFound { document: q.document.clone(), text_has: q.text_has.clone() });
            continue;
        };
        counts.quotes_found += 1;
        let right = match (&q.speaker, &quote.speaker) {
            (None, None) => true,
            (Some(_), Some(got)) => q.speaker_words.iter().any(|w| contains(got, w)),
            _ => false,
        };
        if right {
            counts.speakers_right += 1;
        } else {
            misses.push(Miss::WrongSpeaker {
                document: q.document.clone(),
                text_has: q.text_has.clone(),
                got: quote.speaker.clone(),
                want: q.speaker.clone(),
            });
        }
    }

    // Timeline.
    counts.timeline = gold.timeline.len();
    for entry in &gold.timeline {
        let found = briefing.timeline.iter().any(|t| {
            t.date == entry.date && {
                let folded = fold(&t.text);
                entry.has.iter().filter(|h| contains_folded(&folded, &fold(h))).count() * 2 >= entry.has.len()
            }
        });
        if found {
            counts.timeline_found += 1;
        } else {
            misses.push(Miss::TimelineMissed { date: entry.date.clone(), what: entry.what.clone() });
        }
    }

    // Counts by day: each value should be one that the gold's notes of updates give, as a
    // whole number of a note (its days of a month aside), or a word of one.
    let named: BTreeSet<String> = gold
        .not_divergences
        .iter()
        .filter(|n| n.why == "update")
        .flat_map(|n| {
            let note = undated(&fold(&n.about));
            let words: Vec<String> = note
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                .filter(|w| NUMBER_WORDS.contains(&w.as_str()))
                .collect();
            numbers(&note).into_iter().map(str::to_string).chain(words).collect::<Vec<_>>()
        })
        .collect();
    for u in &briefing.updates {
        for step in &u.steps {
            counts.update_steps += 1;
            let figure = fold(step.value.rsplit(' ').next().unwrap_or_default());
            // Gold writes most figures in digits: "five" is named by "5".
            let digits = NUMBER_WORDS.iter().position(|w| *w == figure).map(|n| (n + 1).to_string());
            if named.contains(&figure) || digits.is_some_and(|d| named.contains(&d)) {
                counts.update_steps_named += 1;
            } else {
                misses.push(Miss::UpdateUnnamed {
                    description: u.description.clone(),
                    date: step.date.clone(),
                    value: step.value.clone(),
                });
            }
        }
    }

    // Chrome where the reader sees statements.
    let mut seen = BTreeSet::new();
    let sections = briefing
        .documents
        .iter()
        .filter_map(|d| d.title.as_deref().map(|t| ("title", t)))
        .chain(briefing.claims.iter().map(|c| ("claim", c.text.as_str())))
        .chain(briefing.quotes.iter().map(|q| ("quote", q.text.as_str())))
        .chain(briefing.timeline.iter().map(|t| ("timeline", t.text.as_str())))
        .chain(briefing.summary.iter().map(|s| ("summary", s.text.as_str())));
    for (section, text) in sections {
        if let Some(shape) = chrome_shape(text)
            && seen.insert((section, text))
        {
            counts.chrome += 1;
            misses.push(Miss::Chrome { section: section.into(), text: text.into(), shape: shape.into() });
        }
    }
    (counts, misses)
}

/// The pages `ids` stand for.
fn pages_of<'a>(page_of: &BTreeMap<&'a str, &'a str>, ids: &'a [DocId]) -> BTreeSet<&'a str> {
    ids.iter().map(|d| page_of.get(d.as_str()).copied().unwrap_or(d.as_str())).collect()
}

/// The gold facts that texts read in turn (the summary's sentences, the key facts) have stated.
#[derive(Default)]
struct Stated<'g> {
    facts: BTreeSet<&'g str>,
}

impl<'g> Stated<'g> {
    /// Reads the next text (folded): the id of a gold fact it states that an earlier text
    /// stated, if any (a repeat).
    fn again(&mut self, folded: &str, gold: &'g Gold) -> Option<&'g str> {
        let facts: Vec<&'g str> =
            gold.facts.iter().filter(|f| states(folded, f)).map(|f| f.id.as_str()).collect();
        let repeated = facts.iter().copied().find(|f| self.facts.contains(f));
        self.facts.extend(facts);
        repeated
    }
}

/// Whether a folded text states a gold fact: it holds every keyword, or shares half its words
/// with the statement.
fn states(folded: &str, fact: &GoldFact) -> bool {
    (!fact.keywords.is_empty() && fact.keywords.iter().all(|k| contains_folded(folded, &fold(k))))
        || word_f1(folded, &fact.statement) >= 0.5
}

/// Pairwise origin precision and recall.
fn score_origins(
    briefing: &Briefing,
    gold: &Gold,
    page_of: &BTreeMap<&str, &str>,
    counts: &mut Counts,
    misses: &mut Vec<Miss>,
) {
    let pairs = |groups: Vec<BTreeSet<&str>>| -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for g in groups {
            let v: Vec<&&str> = g.iter().collect();
            for (i, a) in v.iter().enumerate() {
                for b in &v[i + 1..] {
                    out.insert((a.to_string(), b.to_string()));
                }
            }
        }
        out
    };
    let reported = pairs(
        briefing
            .origins
            .iter()
            .map(|o| {
                o.documents.iter().map(|d| page_of.get(d.as_str()).copied().unwrap_or(d.as_str())).collect()
            })
            .collect(),
    );
    let wanted = pairs(gold.origins.iter().map(|g| g.iter().map(String::as_str).collect()).collect());
    counts.origin_pairs_reported = reported.len();
    counts.origin_pairs_gold = wanted.len();
    counts.origin_pairs_right = reported.intersection(&wanted).count();
    for (a, b) in reported.difference(&wanted) {
        misses.push(Miss::OriginJoined { a: a.clone(), b: b.clone() });
    }
    for (a, b) in wanted.difference(&reported) {
        misses.push(Miss::OriginSplit { a: a.clone(), b: b.clone() });
    }
}

/// Divergence recall and precision, and merged conflicts.
fn score_divergences(
    briefing: &Briefing,
    gold: &Gold,
    claims: &[(String, BTreeSet<&str>, usize)],
    counts: &mut Counts,
    misses: &mut Vec<Miss>,
) {
    let reported: Vec<Vec<String>> =
        briefing.divergences.iter().map(|d| d.sides.iter().map(|s| fold(&s.text)).collect()).collect();
    let matches = |sides: &[String], g: &GoldDivergence| {
        g.sides.iter().any(|a| {
            g.sides.iter().any(|b| {
                a.value != b.value
                    && sides.iter().enumerate().any(|(i, x)| {
                        contains_folded(x, &fold(&a.text_has))
                            && sides
                                .iter()
                                .enumerate()
                                .any(|(j, y)| i != j && contains_folded(y, &fold(&b.text_has)))
                    })
            })
        })
    };
    counts.divergences = gold.divergences.len();
    counts.divergences_reported = reported.len();
    for g in &gold.divergences {
        if reported.iter().any(|sides| matches(sides, g)) {
            counts.divergences_found += 1;
        } else {
            misses.push(Miss::DivergenceMissed { id: g.id.clone(), about: g.about.clone() });
        }
    }
    for (d, sides) in briefing.divergences.iter().zip(&reported) {
        if gold.divergences.iter().any(|g| matches(sides, g)) {
            counts.divergences_right += 1;
        } else {
            misses.push(Miss::DivergenceFalse {
                description: d.description.clone(),
                sides: d.sides.iter().map(|s| s.text.clone()).collect(),
            });
        }
    }
    // Merged conflicts: a claim that lists documents of two values and holds one side's words.
    for g in &gold.divergences {
        let mut docs_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for side in &g.sides {
            docs_of.entry(side.value.as_str()).or_default().extend(side.documents.iter().map(String::as_str));
        }
        let mut values_of: BTreeMap<&str, usize> = BTreeMap::new();
        for docs in docs_of.values() {
            for d in docs {
                *values_of.entry(d).or_default() += 1;
            }
        }
        let merged = claims.iter().zip(&briefing.claims).find(|((text, documents, _), _)| {
            let values = docs_of
                .values()
                .filter(|docs| docs.iter().any(|d| values_of[d] == 1 && documents.contains(d)))
                .count();
            values >= 2 && g.sides.iter().any(|s| contains_folded(text, &fold(&s.text_has)))
        });
        if let Some((_, claim)) = merged {
            counts.merged_conflicts += 1;
            misses.push(Miss::MergedConflict {
                id: g.id.clone(),
                about: g.about.clone(),
                claim: claim.text.clone(),
            });
        }
    }
}

/// The shape of page chrome `text` has, if any: navigation and section labels standing as a
/// whole text, prompts to read, listen, share or subscribe, photo and embed credits, a
/// leading date stamp, a gallery counter. The shapes are general to news pages; none names an
/// outlet of the benchmark.
pub fn chrome_shape(text: &str) -> Option<&'static str> {
    let folded = fold(text.trim());
    let bare = folded.trim_matches(|c: char| !c.is_alphanumeric());
    const WHOLE: &[&str] = &[
        "skip navigation",
        "skip to content",
        "skip to main content",
        "breaking news",
        "latest updates",
        "latest news",
        "live updates",
        "advertisement",
        "also read",
        "read more",
        "related",
        "related articles",
        "related stories",
        "watch",
        "share",
        "menu",
        "home",
        "trending",
        "top stories",
        "most read",
        "sign up",
        "subscribe",
    ];
    if WHOLE.contains(&bare) {
        return Some("navigation or section label");
    }
    const LEADING: &[(&str, &str)] = &[
        ("also read", "read-more link"),
        ("read more", "read-more link"),
        ("read also", "read-more link"),
        ("advertisement", "advertisement label"),
        ("skip navigation", "navigation"),
        ("skip to", "navigation"),
        ("photo by", "photo credit"),
        ("photo:", "photo credit"),
        ("image:", "photo credit"),
        ("image source", "photo credit"),
        ("file photo", "photo credit"),
        ("sign up", "prompt"),
        ("subscribe to", "prompt"),
        ("click here", "prompt"),
        ("follow us", "prompt"),
        ("new you can now listen", "listen prompt"),
        ("you can now listen", "listen prompt"),
        ("listen to this article", "listen prompt"),
    ];
    for (lead, shape) in LEADING {
        if bare.starts_with(lead) {
            return Some(shape);
        }
    }
    let leading_date =
        bare.strip_prefix("date ").or_else(|| bare.strip_prefix("date:")).is_some_and(|rest| {
            rest.len() >= 10
                && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                && rest.as_bytes()[4] == b'-'
        });
    if leading_date {
        return Some("date stamp");
    }
    // "2 6 An activist ...": a gallery counter before a caption.
    let mut words = bare.split_whitespace();
    if let (Some(a), Some(b)) = (words.next(), words.next())
        && a.len() <= 2
        && b.len() <= 2
        && a.bytes().all(|c| c.is_ascii_digit())
        && b.bytes().all(|c| c.is_ascii_digit())
    {
        return Some("gallery counter");
    }
    // Embedded posts end with the account and the day: "- ANI (@ANI) August 18, 2025".
    if folded.contains("(@")
        && folded.rfind(|c: char| c.is_ascii_digit()).is_some_and(|i| i + 3 >= folded.len())
    {
        return Some("embed credit");
    }
    // A gallery's link, wherever it stands: "… (credit) See 5 more photos A plane crashed …".
    let words: Vec<&str> =
        bare.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    if words.windows(4).any(|w| {
        matches!(w[0], "see" | "view")
            && w[1].parse::<u32>().is_ok()
            && w[2] == "more"
            && matches!(w[3], "photos" | "images" | "pictures" | "videos")
    }) {
        return Some("gallery link");
    }
    // A call to get the outlet's app or newsletter, wherever it stands in a short text: "Know
    // the news with the X app: Download today", "… >Sign up for X's newsletter."
    let short = folded.split_whitespace().count() <= 40;
    let names_product = folded.split(|c: char| !c.is_alphanumeric()).any(|w| w == "app" || w == "newsletter");
    let calls = folded
        .split(['.', ':', '>', '|', '!', '?'])
        .map(str::trim)
        .any(|clause| ["download", "sign up", "subscribe"].iter().any(|v| clause.starts_with(v)));
    if short && names_product && calls {
        return Some("app or newsletter prompt");
    }
    // A caption's credit after its last sentence ("… on Jan 2. PHOTO: REUTERS"), or a picture's
    // file name alone ("harbour.jpg").
    if let Some(at) = folded.rfind(". photo: ")
        && folded[at..].split_whitespace().count() <= 6
    {
        return Some("photo caption");
    }
    if !bare.contains(' ')
        && [".jpg", ".jpeg", ".png", ".gif", ".webp"].iter().any(|ext| folded.trim().ends_with(ext))
    {
        return Some("picture file name");
    }
    // A picture's caption: a day with its year, then the agency alone after the last sentence
    // ("… on July 6, 2024. — AFP", "… July 5 2024. REUTERS"), or a picture agency's house
    // style ("HALVIK, NORWAY - MARCH 04: …").
    let trimmed = text.trim().trim_end_matches('.');
    let tail = trimmed.rsplit_once(". ").map_or("", |(_, tail)| tail);
    let tail_words: Vec<&str> =
        tail.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let agency_tail = !tail_words.is_empty()
        && tail_words.len() <= 3
        && tail_words.iter().any(|w| matches!(*w, "AFP" | "REUTERS" | "Reuters" | "AP" | "EPA" | "Getty"))
        && tail_words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let year = folded.split(|c: char| !c.is_alphanumeric()).any(|w| {
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())
    });
    if agency_tail && year && folded.split_whitespace().count() <= 60 {
        return Some("photo caption");
    }
    if let Some((head, _)) = text.trim().split_once(": ")
        && let Some((place, day)) = head.rsplit_once(" - ")
        && place.contains(", ")
        && !place.chars().any(char::is_lowercase)
        && !day.chars().any(char::is_lowercase)
        && day.split_whitespace().count() == 2
        && day.split_whitespace().last().is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some("photo caption");
    }
    for credit in [
        "getty images",
        "/ afp",
        "/ reuters",
        "/ ap photo",
        "via reuters",
        "via ap)",
        "ap photo/",
        "(ap photo",
    ] {
        if folded.contains(credit) && folded.split_whitespace().count() <= 12 {
            return Some("photo credit");
        }
    }
    None
}

/// A folded gold note without its days of a month ("3 nov", "26 march"): a figure "3" is not
/// named by the day "3 Nov".
fn undated(folded: &str) -> String {
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let words: Vec<&str> = folded.split_whitespace().collect();
    let month = |k: usize| {
        words.get(k).is_some_and(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            MONTHS.iter().any(|m| w.starts_with(m))
        })
    };
    let day = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric()).parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
    };
    words
        .iter()
        .enumerate()
        .filter(|&(k, w)| !(day(w) && month(k + 1)))
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Numbers written as words, from one: "five" is 5.
const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// How many key facts the terminal and Markdown views list: the ones read for repeats.
pub const KEY_FACTS_SHOWN: usize = 12;

/// The acceptance targets of the real-coverage issues, printed beside the figures.
const TARGETS: &[(&str, &str)] = &[
    ("origins F1", ">= 0.95"),
    ("facts found", ">= 0.80"),
    ("counts right", ">= 0.80"),
    ("divergence recall", ">= 0.60"),
    ("divergence precision", ">= 0.80"),
    ("merged conflicts", "0"),
    ("citation precision", ">= 0.95"),
    ("summary repeats", "0"),
    ("quotes found", ">= 0.90"),
    ("speakers right", ">= 0.90"),
    ("timeline", ">= 0.80"),
    ("chrome outputs", "0"),
    ("updates named", "1.000 (own check)"),
    ("disputes marked", "1.000 (own check)"),
    ("key-fact repeats", "0 (own check)"),
];

/// The figures of every event and their total as a table, and with `errors` every miss.
pub fn report(scores: &[EventScore], errors: bool) -> String {
    use std::fmt::Write as _;
    let mut total = Counts::default();
    for s in scores {
        total.add(&s.counts);
    }
    let rows = |f: &Figures| -> [String; TARGETS.len()] {
        [
            format!("{:.3}", f.origins_f1),
            format!("{:.3}", f.facts_found),
            format!("{:.3}", f.counts_right),
            format!("{:.3}", f.divergence_recall),
            format!("{:.3}", f.divergence_precision),
            f.merged_conflicts.to_string(),
            format!("{:.3}", f.citation_precision),
            f.repeats.to_string(),
            format!("{:.3}", f.quotes_found),
            format!("{:.3}", f.speakers),
            format!("{:.3}", f.timeline),
            f.chrome.to_string(),
            format!("{:.3}", f.updates_named),
            format!("{:.3}", f.disputes_marked),
            f.key_fact_repeats.to_string(),
        ]
    };
    let mut out = String::new();
    let columns: Vec<String> = scores.iter().map(|s| short_name(&s.name)).collect();
    let _ = write!(out, "{:<22}", "real events");
    for c in &columns {
        let _ = write!(out, " {c:>9}");
    }
    let _ = writeln!(out, " {:>9}  target", "total");
    let per_event: Vec<[String; TARGETS.len()]> = scores.iter().map(|s| rows(&s.figures)).collect();
    let all = rows(&total.figures());
    for (i, (label, target)) in TARGETS.iter().enumerate() {
        let _ = write!(out, "{label:<22}");
        for r in &per_event {
            let _ = write!(out, " {:>9}", r[i]);
        }
        let _ = writeln!(out, " {:>9}  {target}", all[i]);
    }
    let _ = write!(out, "{:<22}", "documents");
    for s in scores {
        let _ = write!(out, " {:>9}", s.counts.documents);
    }
    let _ = writeln!(out, " {:>9}", total.documents);
    let _ = write!(out, "{:<22}", "brief ms");
    for s in scores {
        let _ = write!(out, " {:>9.0}", s.brief_ms);
    }
    let _ = writeln!(out, " {:>9.0}  < 100 a 30-page event", scores.iter().map(|s| s.brief_ms).sum::<f64>());
    let _ = writeln!(
        out,
        "(divergences: {} of {} gold found, {} of {} reported real; facts: {} of {} found, {} counted right; \
         citations: {} of {} hold; quotes: {} of {} found, {} speakers right; timeline: {} of {}; \
         updates: {} of {} values named by gold; summary sentences giving a disputed value: {} of {} marked; \
         key facts listed: {}, {} repeating a fact)",
        total.divergences_found,
        total.divergences,
        total.divergences_right,
        total.divergences_reported,
        total.facts_found,
        total.facts,
        total.counts_right,
        total.citations_holding,
        total.citations,
        total.quotes_found,
        total.quotes,
        total.speakers_right,
        total.timeline_found,
        total.timeline,
        total.update_steps_named,
        total.update_steps,
        total.summary_disputed_marked,
        total.summary_disputed,
        total.key_facts,
        total.key_fact_repeats
    );
    if errors {
        for s in scores {
            let _ = writeln!(out, "\n== {}", s.name);
            for miss in &s.misses {
                let _ = writeln!(out, "{}", describe(miss));
            }
        }
    }
    out
}

/// The event's name cut to its first word or two, for a column head.
fn short_name(name: &str) -> String {
    name.split('-').take(2).collect::<Vec<_>>().join("-").chars().take(9).collect()
}

/// One miss as a line.
fn describe(miss: &Miss) -> String {
    match miss {
        Miss::OriginJoined { a, b } => format!("origin joined      {a} + {b}"),
        Miss::OriginSplit { a, b } => format!("origin split       {a} | {b}"),
        Miss::FactNotFound { id, statement, best_overlap, documents, best_claim } => format!(
            "fact not found     {id} {statement:?} (best claim with its words lists {best_overlap} of {documents}: {})",
            best_claim.as_deref().unwrap_or("none")
        ),
        Miss::FactMiscounted { id, claim, got, want } => {
            format!("fact miscounted    {id} {got} origins, gold {want}: {claim}")
        }
        Miss::DivergenceMissed { id, about } => format!("divergence missed  {id} {about}"),
        Miss::DivergenceFalse { description, sides } => {
            format!("divergence false   {description}: {}", sides.join(" | "))
        }
        Miss::MergedConflict { id, about, claim } => format!("merged conflict    {id} {about}: {claim}"),
        Miss::CitationFails { sentence, document, lacks } => {
            format!("citation fails     {document} ({lacks}): {sentence}")
        }
        Miss::Repeat { sentence, fact } => format!("summary repeat     {fact}: {sentence}"),
        Miss::KeyFactRepeat { claim, fact } => format!("key fact repeat    {fact}: {claim}"),
        Miss::QuoteNotFound { document, text_has } => format!("quote not found    {document}: {text_has:?}"),
        Miss::WrongSpeaker { document, text_has, got, want } => format!(
            "wrong speaker      {document}: {text_has:?} got {}, gold {}",
            got.as_deref().unwrap_or("none"),
            want.as_deref().unwrap_or("none")
        ),
        Miss::TimelineMissed { date, what } => format!("timeline missed    {date} {what}"),
        Miss::DisputeUnmarked { sentence, id, about } => {
            format!("dispute unmarked   {id} {about}: {sentence}")
        }
        Miss::UpdateUnnamed { description, date, value } => {
            format!("update unnamed     {date} {value} in {description}")
        }
        Miss::Chrome { section, text, shape } => format!("chrome             {section} ({shape}): {text}"),
    }
}

/// The figures of every event and their total, as JSON; with `errors`, every miss.
pub fn report_json(scores: &[EventScore], errors: bool) -> serde_json::Value {
    let mut total = Counts::default();
    for s in scores {
        total.add(&s.counts);
    }
    let events: Vec<serde_json::Value> = scores
        .iter()
        .map(|s| {
            let mut v = serde_json::json!({
                "event": s.name, "counts": s.counts, "figures": s.figures,
                "brief_ms": (s.brief_ms * 10.0).round() / 10.0,
            });
            if errors && let Some(o) = v.as_object_mut() {
                o.insert("misses".into(), serde_json::to_value(&s.misses).unwrap_or_default());
            }
            v
        })
        .collect();
    serde_json::json!({"events": events, "total": {"counts": total, "figures": total.figures()}})
}

#[cfg(test)]
mod tests;
