//! Reuse: which documents share text, how (copy, partial copy, shared quotes), and which go
//! back to one independent origin.
//!
//! A story reported by ten outlets is often one wire story reprinted nine times; counting ten
//! sources is the commonest error of news tools. This stage works on passages, not headlines:
//!
//! 1. `doc`: each document as sentences of stem keys, with a quote mask and its wire credits.
//! 2. Candidates: identical documents are linked to their first copy at once; up to
//!    [`Config::all_pairs_up_to`] documents every pair is compared, above that the
//!    [`lsh`] index over [`minhash`] signatures of 5-key shingles proposes pairs, so a million
//!    documents do not mean a trillion comparisons.
//! 3. `align`: each candidate pair is aligned sentence by sentence, both ways, and typed.
//! 4. `origins`: union-find over copies and partial copies; each origin has a root and, where
//!    its documents credit one, a wire's name.
//!
//! Call [`reuse()`].

mod align;
mod doc;
mod entry;
pub mod lsh;
pub mod minhash;
mod origins;

pub(crate) use doc::is_dateline_place;
pub use doc::{Doc, Sentence, credits};
pub use entry::{Config, Link, Reuse, Search, reuse, search};
pub use origins::Group;
