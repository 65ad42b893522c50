//! Titles, subheadings, bullet points and paragraphs.
//!
//! A unit that ends like a sentence (or a lead-in: `:`) is a paragraph. One that does not is
//! a headline-like line: when it is long (more than twelve words) or stands in a run of such
//! lines, it is a bullet point, as live pages write them; when it stands alone between
//! paragraphs, it is a subheading. A Markdown marker settles the question.

use parallax_model::BlockKind;

use super::units::{Marker, Unit};
use super::words::{ends_punctuated, starts_capitalised, strip_closers, word_count};

/// Whether `unit` reads as a headline: two to thirty words, capitalised, and not ending like
/// a sentence or a lead-in.
pub(crate) fn is_headline(unit: &Unit) -> bool {
    let text = unit.text.trim();
    let words = word_count(text);
    if unit.marker == Marker::Heading {
        return true;
    }
    unit.marker == Marker::None
        && (2..=30).contains(&words)
        && text.chars().count() <= 250
        && starts_capitalised(text)
        && !strip_closers(text).ends_with(['.', ':', ';', ','])
}

/// The block kind of each of `body` (the article's text units, in order, title excluded).
pub(crate) fn block_kinds(body: &[&Unit]) -> Vec<BlockKind> {
    let open = |i: usize| -> bool {
        body.get(i).is_some_and(|u| u.marker == Marker::None && !ends_punctuated(&u.text))
    };
    (0..body.len())
        .map(|i| {
            let unit = body[i];
            match unit.marker {
                Marker::Heading => return BlockKind::Heading,
                Marker::Bullet => return BlockKind::ListItem,
                Marker::None | Marker::Caption => {}
            }
            if !open(i) {
                return BlockKind::Paragraph;
            }
            let words = word_count(&unit.text);
            let neighbour_open = (i > 0 && open(i - 1)) || open(i + 1);
            // A short line that closes a run of bullets and opens prose is a subheading
            // ("What we know so far") when it is much shorter than the bullet before it.
            let previous_words = if i > 0 && open(i - 1) { word_count(&body[i - 1].text) } else { 0 };
            let introduces_prose =
                i + 1 < body.len() && !open(i + 1) && words <= 6 && words * 2 <= previous_words;
            if words > 12 || (neighbour_open && !introduces_prose) {
                BlockKind::ListItem
            } else if i + 1 == body.len() || !starts_capitalised(&unit.text) {
                BlockKind::Paragraph
            } else {
                BlockKind::Heading
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use parallax_model::BlockKind::{self, *};

    use super::{block_kinds, is_headline};
    use crate::extract::units::units;

    #[track_caller]
    fn check(text: &str, expect: &[BlockKind]) {
        let units = units(text);
        let refs: Vec<_> = units.iter().collect();
        assert_eq!(block_kinds(&refs), expect);
    }

    #[test]
    fn paragraphs_headings_and_bullets() {
        check("Para one.\nA Short Heading\nPara two.", &[Paragraph, Heading, Paragraph]);
        check(
            "Intro:\nFirst short point\nSecond short point\nEnd.",
            &[Paragraph, ListItem, ListItem, Paragraph],
        );
        check(
            "Para.\nA long live-page bullet that runs well past twelve words without any final stop\nPara.",
            &[Paragraph, ListItem, Paragraph],
        );
        check("Para.\n- marked point.\n# Marked heading", &[Paragraph, ListItem, Heading]);
        check("Para.\nsigned off by the desk", &[Paragraph, Paragraph]);
        check(
            "Point one is here\nPoint two is quite a lot longer than that\nWhat we know\nProse follows.",
            &[ListItem, ListItem, Heading, Paragraph],
        );
    }

    #[test]
    fn headlines() {
        let u = units(
            "Minister hails ‘real progress' at talks\nThe lede, which ends.\nSaid: yes\n- A bullet headline",
        );
        let got: Vec<bool> = u.iter().map(is_headline).collect();
        assert_eq!(got, [true, false, true, false]);
    }
}
