//! Parallax measured against evaluation data: each module reads one benchmark's files, runs
//! the pipeline (or the stage measured) the way a user would, and scores the output with the
//! metric the benchmark defines (its `ORIGIN.md`, or the published metric; also in
//! `docs/EVALUATION.md`). The `parallax eval` command only parses its arguments into a
//! module's plain `Options` and calls it.
//!
//! - [`events`]: real coverage of news events by many outlets, with hand-made gold
//!   (`../shared/bench/real-events`): origins, facts and their corroboration counts,
//!   divergences, merged conflicts, citations, summary repeats, speakers and the timeline.
//!   Returns its scores; the command prints [`events::report`] or [`events::report_json`].
//! - [`reuse`]: reuse detection on a synthetic corpus with planted reprints (made by
//!   `bench/reuse/generate.py`): recall and precision of planted pairs, throughput, index
//!   memory per document. The caller reads the corpus.
//! - [`quotes`]: direct quotes and their speakers against PolNeAR's attribution annotations.
//! - [`extract`]: article-body extraction from HTML pages on the Zyte benchmark, the
//!   trafilatura corpus or CleanPortalEval, with the other extractors' included outputs scored
//!   by the same code.
//! - [`claims`]: the claims stage's same-statement decision on the Microsoft Research
//!   Paraphrase Corpus.
//! - [`brief`]: the briefing's headline and summary on NeuS/AllSides roundups (ROUGE), next
//!   to a LexRank baseline.
//! - [`stories`]: story clustering through a real store on ECB+ or the UCI News Aggregator
//!   sample (B-cubed, ARI), next to a TF-IDF + agglomerative baseline.
//! - `common`: what several of them share (F1, rounding, reading gzip'd files).
//! - `matching`: the folding and "contains" rules of the real-events `ORIGIN.md`.
//!
//! [`events`] keeps scoring a pure function of a [`parallax_model::Briefing`] and the gold, so
//! that the metric is unit-tested on small hand-made cases and cannot drift from what the
//! command prints; its errors are [`Error`]. The other modules' `run` prints its table (or
//! JSON) to stdout itself, as `parallax eval` shows it, and returns an [`anyhow::Error`] when
//! the benchmark cannot be read.

pub mod brief;
pub mod claims;
mod common;
pub mod events;
pub mod extract;
mod matching;
pub mod quotes;
pub mod reuse;
pub mod stories;

/// Why a benchmark could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A gold file is not of the documented form.
    #[error("{path} is not a gold file of the documented form")]
    Gold {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: serde_json::Error,
    },
    /// The benchmark folder holds no event.
    #[error("{0} holds no <event>.jsonl with its <event>.gold.json")]
    Empty(String),
}
