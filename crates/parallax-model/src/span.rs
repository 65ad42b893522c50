//! Byte ranges into a document's text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's decoded text.
///
/// Spans are produced by the engine and always fall on UTF-8 character boundaries of the
/// text they were made for; [`Span::slice`] still checks, so a span applied to the wrong text
/// gives `None` rather than a panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`. An inverted pair is clamped to an empty span at `start`.
    pub fn new(start: usize, end: usize) -> Span {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = u32::try_from(end).unwrap_or(u32::MAX).max(start);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text under the span, or `None` when the span is out of bounds or splits a character.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }

    /// The span moved right by `by` bytes.
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start as usize + by, self.end as usize + by)
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn slice_checks_bounds_and_boundaries() {
        let text = "a “b” c";
        assert_eq!(Span::new(0, 1).slice(text), Some("a"));
        assert_eq!(Span::new(2, 5).slice(text), Some("“"));
        assert_eq!(Span::new(2, 3).slice(text), None);
        assert_eq!(Span::new(0, 99).slice(text), None);
        assert_eq!(Span::new(5, 2), Span::new(5, 5));
        assert_eq!(Span::new(1, 3).shift(2), Span::new(3, 5));
    }
}
