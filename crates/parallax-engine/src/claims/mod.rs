//! Claims: statements across documents grouped by meaning, counted by independent origin, and
//! the points where sources disagree.
//!
//! - `similar`: whether two sentences make the same statement.
//! - `group`: claim groups across documents, with their origins.
//! - `asides`: the core of a claim sentence, without its attribution and asides, that other
//!   documents are checked against.
//! - `diverge`: divergences (numbers, dates, attributes, stances, quote wording), both sides
//!   cited.
//! - `updates`: running counts by day ("dead: 2 on 8 Jan → 24 on 12 Jan").
//! - `summary`: the cited summary and the headline.
//! - `words`: the words the rules read, from `vocab/en/claims.txt`.
//!
//! Call [`claims()`].

mod asides;
mod diverge;
mod entry;
mod group;
mod similar;
mod summary;
mod updates;
mod words;

pub use diverge::{Divergence, QuoteInput};
pub use entry::{Card, Claims, Config, Input, card, claims};
pub use group::{ClaimGroup, DocInput, Prepared, SentenceRef, origins_of};
pub use similar::{SAME_STATEMENT, Statement, Weights, coverage, similarity};
pub use summary::{MAX_SENTENCES, Picked, can_head};
pub use updates::{Step, Update};
