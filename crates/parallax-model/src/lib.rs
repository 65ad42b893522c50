//! Vocabulary types of Parallax, shared by every crate: no I/O and no logic beyond
//! construction and validation.
//!
//! The data flows through these types in one direction:
//!
//! - [`RawDoc`]: one input document as read (a text file, one JSON Lines record, stdin), with
//!   the metadata its container gave ([`DocMeta`]).
//! - [`Article`]: what extraction made of it: title, outlet, date, and the body as typed
//!   [`Block`]s, with everything that was taken out recorded as [`Removed`]. One page may yield
//!   several articles ([`Article::segment_of`]).
//! - [`Sentence`]: a sentence of a block, as a [`Span`] into the document's text.
//! - [`Briefing`]: the output of the whole pipeline, which serialises to the public JSON
//!   contract `parallax.brief/1`.
//!
//! Offsets are byte offsets into a document's decoded text and are carried as [`Span`], never
//! as bare pairs of integers.
//!
//! ```
//! use parallax_model::{DocId, Span};
//!
//! let text = "Sir Keir spoke. He left.";
//! let first = Span::new(0, 15);
//! assert_eq!(first.slice(text), Some("Sir Keir spoke."));
//! assert_eq!(DocId::new("seed-1").map(|id| id.to_string()), Some("seed-1".to_string()));
//! ```
#![warn(missing_docs)]

mod article;
mod briefing;
mod diagnostic;
mod doc;
mod id;
mod span;
mod text;

pub use article::{Article, Block, BlockKind, Removed, RemovedKind, Source, SourceFrom};
pub use briefing::{
    Attribution, BriefDocument, Briefing, Claim, Divergence, DivergenceKind, DivergenceSide, Entity,
    EntityKind, InputError, Origin, Quote, QuoteVariant, Relation, RemovedText, Reprint, ReuseLink, SCHEMA,
    SharedPassage, Summary, Support, TimelineEntry, Update, UpdateStep,
};
pub use diagnostic::Diagnostic;
pub use doc::{DocFormat, DocMeta, RawDoc};
pub use id::DocId;
pub use span::Span;
pub use text::Sentence;
