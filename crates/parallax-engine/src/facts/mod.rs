//! Facts: who said what (quotes with speakers and venues), people with their roles, and dates.
//!
//! - `mentions`: names with titles and roles, role phrases, pronouns, in one block.
//! - `quotes`: quotes and the mentions that attribute them.
//! - `entities`: people across the document set, aliases merged, speakers resolved.
//! - `named`: organisations and places, acronyms joined to their full names.
//! - `time`: dates, relative days resolved against the publication date.
//!
//! Call [`facts()`].

mod entities;
mod entry;
mod group;
mod lexicon;
mod mentions;
mod named;
mod quotes;
mod time;

pub use entities::Person;
pub use entry::{Config, Dated, DocFacts, Facts, QuoteFact, ReportedFact, facts};
pub use group::{QuoteGroup, TimelineGroup, group_quotes, timeline};
pub(crate) use lexicon::is_speech_verb;
pub use named::{Named, NamedKind};
