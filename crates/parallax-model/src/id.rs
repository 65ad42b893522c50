//! Document identifiers.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The identifier of a document, stable within a run.
///
/// It is the file stem for a file, the `id` field of a JSON Lines record when the record has
/// one, and `<page id>#<n>` for the n-th article split from a page. It is never empty and holds
/// no control characters, so it can be printed and used as a key as it is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(String);

impl DocId {
    /// The id, or `None` when `raw` is empty, only white space, or holds a control character.
    pub fn new(raw: &str) -> Option<DocId> {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.chars().any(char::is_control) {
            return None;
        }
        Some(DocId(trimmed.to_string()))
    }

    /// `document-<n>`: an id for a document that has no usable one of its own.
    pub fn numbered(n: u64) -> DocId {
        DocId(format!("document-{n}"))
    }

    /// The id of the `n`-th article split from this page (`n` counts from 1; the first article
    /// of a page keeps the page's own id).
    pub fn segment(&self, n: usize) -> DocId {
        DocId(format!("{}#{n}", self.0))
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::DocId;

    #[test]
    fn rejects_empty_and_control_characters() {
        assert_eq!(DocId::new("  "), None);
        assert_eq!(DocId::new("a\nb"), None);
        assert_eq!(DocId::new(" x ").map(|d| d.to_string()), Some("x".to_string()));
        let page = DocId::new("p").map(|d| d.segment(2).to_string());
        assert_eq!(page, Some("p#2".to_string()));
    }
}
