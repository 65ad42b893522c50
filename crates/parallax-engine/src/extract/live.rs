//! Live pages: the dated entries of a running story, each to become its own document.
//!
//! An entry is the largest element around one `<time datetime>` that holds no other: climbing
//! from each time element while the parent still holds only that one gives the entry, and its
//! parent is the list the entries stand in. The list holding the most entries is the live
//! page's, when there are at least three of them and either the page declares itself a live
//! blog (schema.org `LiveBlogPosting`) or there are at least four whose times run in one
//! direction (newest first, or oldest first). Comment threads and "latest news" lists have
//! times too; they are left out of the main content before this matters, and an entry that
//! renders no text is dropped later.

use std::collections::BTreeMap;

use jiff::civil::Date;
use parallax_html::{Document, Edge, NodeId};

use crate::text::parse_date;

/// The entries of a live page, in document order, with their dates; empty for other pages.
pub(super) fn entries(dom: &Document, declared_live: bool) -> Vec<(NodeId, Date)> {
    // How many dated time elements each element holds, and the time elements in order.
    let mut counts: BTreeMap<NodeId, u32> = BTreeMap::new();
    let mut times: Vec<(NodeId, Date, String)> = Vec::new();
    let mut open: Vec<NodeId> = Vec::new();
    for edge in dom.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if let Some(e) = node.element() {
                    open.push(node.id());
                    if e.name() == "time"
                        && let Some(raw) = e.attr("datetime")
                        && let Some(date) = parse_date(raw)
                    {
                        times.push((node.id(), date, raw.trim().to_string()));
                        for id in &open {
                            *counts.entry(*id).or_default() += 1;
                        }
                    }
                }
            }
            Edge::Close(node) => {
                if node.element().is_some() {
                    open.pop();
                }
            }
        }
    }
    if times.len() < 3 {
        return Vec::new();
    }
    let count = |id: NodeId| counts.get(&id).copied().unwrap_or(0);
    // Each time's entry, grouped by the list it stands in.
    let mut lists: BTreeMap<NodeId, Vec<(NodeId, Date, &str)>> = BTreeMap::new();
    for (time, date, raw) in &times {
        let Some(mut entry) = dom.get(*time) else { continue };
        while let Some(parent) = entry.parent().filter(|p| count(p.id()) == 1) {
            entry = parent;
        }
        if let Some(list) = entry.parent() {
            lists.entry(list.id()).or_default().push((entry.id(), *date, raw.as_str()));
        }
    }
    let Some(best) = lists.into_values().max_by_key(|entries| entries.len()) else { return Vec::new() };
    let ordered = best.windows(2).all(|w| w[0].2 >= w[1].2) || best.windows(2).all(|w| w[0].2 <= w[1].2);
    let enough = if declared_live { best.len() >= 3 } else { best.len() >= 4 && ordered };
    if !enough {
        return Vec::new();
    }
    let mut out: Vec<(NodeId, Date)> = best.into_iter().map(|(id, date, _)| (id, date)).collect();
    out.sort_by_key(|(id, _)| *id);
    out
}

#[cfg(test)]
mod tests {
    use parallax_html::Document;

    use super::entries;

    fn live_page(n: usize, declared: bool) -> String {
        let mut html = String::from("<html><head>");
        if declared {
            html.push_str(r#"<script type="application/ld+json">{"@type":"LiveBlogPosting"}</script>"#);
        }
        html.push_str("</head><body><main><h1>Storm live</h1><div class=feed>");
        for i in 0..n {
            html.push_str(&format!(
                "<article><header><time datetime=\"2026-03-0{}T1{}:00:00Z\">1{i}:00</time>\
                 <h2>Update {i}</h2></header><p>Entry {i} text about the storm and the roads.</p></article>",
                4 - i / 3,
                9 - i
            ));
        }
        html.push_str("</div></main></body></html>");
        html
    }

    #[test]
    fn entries_of_live_pages() {
        let page = live_page(5, false);
        let dom = Document::parse(&page);
        let found = entries(&dom, false);
        assert_eq!(found.len(), 5);
        assert_eq!(found[0].1.to_string(), "2026-03-04");
        assert_eq!(found[4].1.to_string(), "2026-03-03");
        // Three entries are a live page only when the page says it is one.
        let page = live_page(3, true);
        let dom = Document::parse(&page);
        assert_eq!(entries(&dom, true).len(), 3);
        assert!(entries(&dom, false).is_empty());
        // An article with one date is not a live page.
        let one = "<html><body><article><time datetime=\"2026-03-04\">4 March</time><p>Text.</p></article></body></html>";
        assert!(entries(&Document::parse(one), true).is_empty());
    }
}
