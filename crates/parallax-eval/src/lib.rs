//! Parallax measured against evaluation data: each module reads one benchmark's files, runs
//! the pipeline the way a user would, and scores the output with the metric the benchmark's
//! `ORIGIN.md` defines. The `parallax eval` command prints what these functions return.
//!
//! - [`events`]: real coverage of news events by many outlets, with hand-made gold
//!   (`../shared/bench/real-events`): origins, facts and their corroboration counts,
//!   divergences, merged conflicts, citations, summary repeats, speakers and the timeline.
//!
//! Scoring is a pure function of a [`parallax_model::Briefing`] and the gold, so that the
//! metric is unit-tested on small hand-made cases and cannot drift from what the command
//! prints.

pub mod events;
mod matching;

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
