//! Sentences.

use serde::{Deserialize, Serialize};

use crate::Span;

/// One sentence of an article's body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index of the block of [`crate::Article::blocks`] it belongs to. Sentences never cross
    /// blocks.
    pub block: u32,
    /// Where it stands in the document's raw text ([`crate::RawDoc::text`]).
    pub span: Span,
}
