//! Rules that need context, and splitting a page into the articles it holds.
//!
//! Aggregator pages append other outlets' stories below the one they carry, each under an
//! item header: an outlet line and an age or date line, often with the outlet repeated as a
//! byline ("ITV News" / "25 minutes ago" / "- ITV News"). A header that comes before any
//! article text is the page's own (it names the page's outlet); one that comes after starts a
//! new article. An outlet line over a date is also how a live page heads its entries, so a
//! header splits the page only with more evidence: a repeated outlet or "By" line, a
//! "Related" heading earlier on the page, or a name that reads as an outlet's.

use std::ops::Range;

use parallax_model::RemovedKind;

use super::chrome::{is_timestamp, name_like};
use super::units::{Marker, Unit};
use super::words::{ends_punctuated, key, word_count};

/// A run of units that forms one article, with the outlet its header named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    pub(crate) units: Range<usize>,
    pub(crate) outlet: Option<String>,
    /// For an entry of a live page, its date: the entry is the page's outlet's own.
    pub(crate) entry: Option<jiff::civil::Date>,
}

/// Words of article text that come before a comments section.
const COMMENTS_AFTER: usize = 40;

/// Applies the rules that look at neighbours to `kinds` (one per unit, `None` for text).
pub(crate) fn classify_in_context(units: &[Unit], kinds: &mut [Option<RemovedKind>]) {
    author_boxes(units, kinds);
    let mut zone: Option<RemovedKind> = None;
    // Words of text above: a comments section follows the article, so a comment counter
    // above it ("0 comment", "12 comments" under the headline) opens none.
    let mut text_above = 0;
    for i in 0..units.len() {
        if kinds[i].is_none() && zone.is_none() {
            text_above += word_count(&units[i].text);
        }
        if header_len(units, kinds, i, zone.is_some()).is_some() {
            zone = None;
            continue;
        }
        match kinds[i] {
            // The line after an "Image credit:" label is the credit.
            Some(RemovedKind::ImageCredit) if units[i].text.trim_end().ends_with(':') => {
                if let Some(next) = units.get(i + 1)
                    && kinds[i + 1].is_none()
                    && word_count(&next.text) <= 60
                {
                    kinds[i + 1] = Some(RemovedKind::ImageCredit);
                }
            }
            Some(RemovedKind::Comments) => {
                let none_yet = word_count(&units[i].text) <= 3
                    && units[i].text.split_whitespace().next().is_some_and(|w| w == "0");
                if text_above >= COMMENTS_AFTER && !none_yet {
                    zone = Some(RemovedKind::Comments);
                }
            }
            Some(RemovedKind::Related) => zone = Some(RemovedKind::Related),
            None => match zone {
                // Everything under a comments heading is comments, up to the next section.
                Some(RemovedKind::Comments) => kinds[i] = Some(RemovedKind::Comments),
                // Under a "Related" heading, a list of headlines; prose ends the list.
                Some(RemovedKind::Related)
                    if !ends_punctuated(&units[i].text) && word_count(&units[i].text) <= 25 =>
                {
                    kinds[i] = Some(RemovedKind::Related);
                }
                _ => zone = None,
            },
            _ => {}
        }
    }
}

/// Under an "About the author" label, the box: up to [`AUTHOR_BOX_UNITS`] short units (a name,
/// a biography of at most 80 words), ending at a heading once text has come.
fn author_boxes(units: &[Unit], kinds: &mut [Option<RemovedKind>]) {
    // Before this pass only labels are author boxes (`classify` marks them); the units of a
    // box are stepped over, so none is taken for a label in turn.
    let mut i = 0;
    while i < units.len() {
        let label = kinds[i] == Some(RemovedKind::AuthorBox);
        i += 1;
        if !label {
            continue;
        }
        let mut text_seen = false;
        let end = (i + AUTHOR_BOX_UNITS).min(units.len());
        while i < end {
            let heading = units[i].marker == Marker::Heading;
            if kinds[i].is_some() || word_count(&units[i].text) > 80 || (heading && text_seen) {
                break;
            }
            text_seen |= !heading;
            kinds[i] = Some(RemovedKind::AuthorBox);
            i += 1;
        }
    }
}

/// How many units an author box takes at most after its label: a name, a role, a biography.
const AUTHOR_BOX_UNITS: usize = 3;

/// Splits the units into articles and marks item headers in `kinds`. The first segment is the
/// page's own article; it may name an outlet when the page starts with a header.
pub(crate) fn split(units: &[Unit], kinds: &mut [Option<RemovedKind>]) -> Vec<Segment> {
    let mut segments = vec![Segment { units: 0..units.len(), outlet: None, entry: None }];
    let mut seen_text = false;
    let mut after_related = false;
    let mut i = 0;
    while i < units.len() {
        if let Some(len) = header_len(units, kinds, i, after_related) {
            let outlet = name_like(&units[i].text);
            for k in &mut kinds[i..i + len] {
                *k = Some(RemovedKind::ItemHeader);
            }
            if seen_text {
                if let Some(last) = segments.last_mut() {
                    last.units.end = i;
                }
                segments.push(Segment { units: i..units.len(), outlet, entry: None });
            } else if let Some(first) = segments.first_mut() {
                first.outlet = outlet;
            }
            i += len;
            continue;
        }
        match kinds[i] {
            None => seen_text = true,
            Some(RemovedKind::Related | RemovedKind::Comments) => after_related = true,
            _ => {}
        }
        i += 1;
    }
    segments
}

/// How many units the item header at `i` takes (outlet, age, optional byline), if one is there.
fn header_len(units: &[Unit], kinds: &[Option<RemovedKind>], i: usize, after_related: bool) -> Option<usize> {
    let outlet_unit = units.get(i)?;
    let age = units.get(i + 1)?;
    if outlet_unit.marker != Marker::None || kinds[i].is_some() {
        return None;
    }
    let outlet = name_like(&outlet_unit.text)?;
    if !is_timestamp(&key(&age.text)) {
        return None;
    }
    let byline = units.get(i + 2).filter(|u| {
        let k = key(&u.text);
        k == key(&outlet) || (k.starts_with("by ") && word_count(&k) <= 6)
    });
    if byline.is_some() {
        return Some(3);
    }
    (after_related || reads_as_outlet(&outlet)).then_some(2)
}

/// Whether a short name reads as a news outlet's: it holds a word outlets are named with, or
/// is a domain.
fn reads_as_outlet(name: &str) -> bool {
    const WORDS: [&str; 40] = [
        "news",
        "times",
        "post",
        "press",
        "daily",
        "herald",
        "journal",
        "guardian",
        "independent",
        "telegraph",
        "mail",
        "express",
        "mirror",
        "tribune",
        "gazette",
        "chronicle",
        "observer",
        "reuters",
        "bbc",
        "cnn",
        "sky",
        "itv",
        "radio",
        "tv",
        "wire",
        "agency",
        "standard",
        "courier",
        "ledger",
        "bulletin",
        "record",
        "monitor",
        "insider",
        "week",
        "weekly",
        "magazine",
        "review",
        "sun",
        "star",
        "today",
    ];
    let k = key(name);
    k.split(' ').any(|w| WORDS.contains(&w)) || (!k.contains(' ') && k.contains('.') && k.len() > 4)
}

#[cfg(test)]
mod tests {
    use super::{classify_in_context, split};
    use crate::extract::chrome::classify;
    use crate::extract::units::units;

    /// Each unit with its kind after context rules, and the segments as `[start..end outlet]`.
    #[track_caller]
    fn check(text: &str, expect: &[&str]) {
        let units = units(text);
        let mut kinds: Vec<_> = units.iter().map(|u| classify(&u.text)).collect();
        classify_in_context(&units, &mut kinds);
        let segments = split(&units, &mut kinds);
        let mut got: Vec<String> = units
            .iter()
            .zip(&kinds)
            .map(|(u, k)| match k {
                Some(k) => format!("{k:?}: {}", u.text),
                None => u.text.clone(),
            })
            .collect();
        for s in segments {
            got.push(format!("[{}..{} {:?}]", s.units.start, s.units.end, s.outlet));
        }
        assert_eq!(got, expect);
    }

    #[test]
    fn a_comment_counter_above_the_article_opens_no_comments_section() {
        check(
            "Ferry runs aground\n0 comment\nThe ferry ran aground on Tuesday.\nAll passengers were brought ashore.",
            &[
                "Ferry runs aground",
                "Comments: 0 comment",
                "The ferry ran aground on Tuesday.",
                "All passengers were brought ashore.",
                "[0..4 None]",
            ],
        );
    }

    #[test]
    fn appended_items_become_segments() {
        check(
            "Main story text.\nComments\nNo comments yet...\nRelated Articles\nSome Outlet\n25 minutes ago\n- Some Outlet\nItem headline\nItem body.\nNorth Herald\n2 hours ago\nSecond item\nBody two.",
            &[
                "Main story text.",
                "Comments: Comments",
                "Comments: No comments yet...",
                "Related: Related Articles",
                "ItemHeader: Some Outlet",
                "ItemHeader: 25 minutes ago",
                "ItemHeader: Some Outlet",
                "Item headline",
                "Item body.",
                "ItemHeader: North Herald",
                "ItemHeader: 2 hours ago",
                "Second item",
                "Body two.",
                "[0..4 None]",
                "[4..9 Some(\"Some Outlet\")]",
                "[9..13 Some(\"North Herald\")]",
            ],
        );
    }

    #[test]
    fn a_leading_header_names_the_page_outlet() {
        check(
            "Harbour Gazette\n19 August 2025\nHeadline here\nBody.",
            &[
                "ItemHeader: Harbour Gazette",
                "ItemHeader: 19 August 2025",
                "Headline here",
                "Body.",
                "[0..4 Some(\"Harbour Gazette\")]",
            ],
        );
    }

    #[test]
    fn live_entry_headings_do_not_split() {
        check(
            "Opening text.\nLive Updates\n10:32 BST\nEntry text.",
            &["Opening text.", "Live Updates", "Timestamp: 10:32 BST", "Entry text.", "[0..4 None]"],
        );
    }

    #[test]
    fn an_author_box_ends_at_the_next_section() {
        check(
            "Body.\n# About the author\n# Jane Roe\nJane Roe covers the harbour for the Gazette.\n# Next section\nMore.",
            &[
                "Body.",
                "AuthorBox: About the author",
                "AuthorBox: Jane Roe",
                "AuthorBox: Jane Roe covers the harbour for the Gazette.",
                "Next section",
                "More.",
                "[0..6 None]",
            ],
        );
    }

    #[test]
    fn credit_after_label_and_related_lists() {
        check(
            "Body.\nImage credit:\nA harbour at dawn by Jane Roe\nRelated stories\nFerry firm fined\nPort expands\nA new paragraph of prose follows here.",
            &[
                "Body.",
                "ImageCredit: Image credit:",
                "ImageCredit: A harbour at dawn by Jane Roe",
                "Related: Related stories",
                "Related: Ferry firm fined",
                "Related: Port expands",
                "A new paragraph of prose follows here.",
                "[0..7 None]",
            ],
        );
    }
}
