//! Documents as read from the inputs, before extraction.

use jiff::civil::Date;
use url::Url;

use crate::DocId;

/// What kind of markup a document's text is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocFormat {
    /// Plain text or Markdown: one block per paragraph or line.
    Text,
    /// An HTML page.
    Html,
}

/// Metadata a container gave for a document (JSON Lines fields, feed items, HTTP headers).
/// Every field is optional; extraction fills what it can from the page itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocMeta {
    /// The outlet that published the document.
    pub source: Option<String>,
    /// The document's title.
    pub title: Option<String>,
    /// The publication date.
    pub published: Option<Date>,
    /// Where the document was published.
    pub url: Option<Url>,
}

/// One input document: decoded text plus metadata, not yet extracted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawDoc {
    /// Stable id within a run.
    pub id: DocId,
    /// The input it came from, as the user named it (`-` for stdin).
    pub path: String,
    /// The markup of `text`.
    pub format: DocFormat,
    /// The decoded text (UTF-8, byte-order mark removed). Spans of later stages point into it.
    pub text: String,
    /// Metadata from the container.
    pub meta: DocMeta,
}
