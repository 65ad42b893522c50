//! Which part of an HTML page holds the article: the element whose paragraphs carry the most
//! prose, and the boilerplate subtrees to leave out inside it.
//!
//! One pass over the DOM (no recursion) measures every element's text and link text, and the
//! text each block holds itself (through inline elements). Each block holding 25 characters or
//! more of its own (a `p`, or the `div` a site uses as one) scores 1, plus one per comma (not
//! in a list of short lines broken by `br`), plus one per 100 characters (at most 3), credited
//! fully to its parent, half to its grandparent and a third to the element above. A
//! candidate's score is then weighed by its class and id (words such as `article`, `content`,
//! `story` raise it; `comment`, `related`, `share`, `sidebar`, `promo` lower it) and by the
//! share of its text that is not link text. The best candidate is the root, or the ancestor it
//! shares with three more candidates of nearly its weight (an article cut into chunks between
//! embeds); its siblings join when they score at least a fifth of it (articles split into
//! several containers) or are paragraphs of 80 characters or more of their own (opening
//! paragraphs beside the container of the rest; Readability's rule). Roots that hold less
//! than half the page's prose give way to the nearest ancestor that holds half (an article
//! cut into many small blocks). Elements whose class or id names boilerplate, lists made
//! mostly of links, and paragraphs made mostly of a link that do not end like a sentence
//! ("GET THE APP BY CLICKING HERE"), are left out wherever they stand; so are containers
//! classed as captions or credits (photo captions are not article text here). The prose of
//! comment threads (a class or id with "comment" and no article word) scores for no
//! candidate, as a long thread would otherwise outscore the article; nor does the prose of a
//! block whose first element is a heading over other stories ("Related articles", "Você
//! pode gostar...", "Most popular diets"), left out too. A block that holds most of a root's prose
//! is never left out, whatever its class says (page builders class every block a "widget").
//! Bylines and timestamps are not left out here: the text rules read them (authors, dates)
//! and keep them out of the body.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use parallax_html::{Document, Edge, Element, NodeId, NodeRef};

use super::words::ends_like_a_sentence;

/// How far above the best candidate the article's other chunks are looked for. Six levels
/// measured best on both extraction benchmarks (Zyte F1 0.969 at three levels, 0.971 at six;
/// trafilatura corpus 0.881 and 0.886; eight helped the first and hurt the second).
const CHUNK_LEVELS: usize = 6;

/// How far above the body a standfirst marked by its class is looked for (two to four levels
/// measured the same on the Zyte set and within 0.0003 on the trafilatura corpus).
const LEAD_LEVELS: usize = 4;

/// A block of at least this many lines broken by `br`, averaging fewer than [`LINE_CHARS`]
/// characters, is a list (names, an address): its commas do not score. The trafilatura corpus
/// gives the same figure for 3 to 6 lines and 40 to 80 characters.
const LINES_MIN: usize = 4;
const LINE_CHARS: usize = 40;

/// Readability's rule for articles cut into chunks: of the best [`PROMOTE_TOP`] candidates, the
/// ones within [`PROMOTE_SHARE`] of the best; when [`PROMOTE_MIN`] of them share an ancestor with
/// the best, that ancestor is the article. Readability's own constants (trafilatura corpus
/// 0.906 -> 0.907; eight candidates measured 0.908, two sharing 0.905).
const PROMOTE_TOP: usize = 5;
const PROMOTE_SHARE: f64 = 0.75;
const PROMOTE_MIN: usize = 3;

/// The share of a page's prose its article holds at least: roots holding less give way to
/// the nearest ancestor holding this much whose text is less than [`ARTICLE_LINKS`] link text
/// (trafilatura corpus 0.9227 -> 0.9264, the same at 0.4 and 0.6; Zyte and CleanPortalEval
/// unchanged. Links up to 0.3 took in a news ticker around a Zyte article.)
const ARTICLE_SHARE: f64 = 0.5;
const ARTICLE_LINKS: f64 = 0.2;

/// Readability's rule for a paragraph beside the article's root: a sibling that is itself a
/// paragraph of at least this many characters of its own joins, whatever its score.
const SIBLING_PARAGRAPH: usize = 80;

/// What the page's main content is.
pub(crate) struct MainContent {
    /// The elements whose text is the article (the root and the siblings that join it).
    pub(crate) roots: Vec<NodeId>,
    /// Elements to leave out wherever they stand.
    pub(crate) boilerplate: Vec<NodeId>,
}

/// Class or id words of the article's container.
const POSITIVE: [&str; 9] = ["article", "body", "content", "entry", "main", "post", "text", "story", "blog"];

/// Class or id words of boilerplate.
const NEGATIVE: [&str; 42] = [
    "comment",
    "related",
    "share",
    "sharing",
    "social",
    "sidebar",
    "promo",
    "advert",
    "newsletter",
    "subscribe",
    "signup",
    "breadcrumb",
    "footer",
    "masthead",
    "menu",
    "navigation",
    "popup",
    "modal",
    "cookie",
    "recommend",
    "trending",
    "most-popular",
    "mostpopular",
    "outbrain",
    "taboola",
    "widget",
    "tags",
    "author-bio",
    "toolbar",
    "skip",
    "print",
    "disclaimer",
    "more-stories",
    "read-more",
    "readmore",
    "teaser",
    "banner",
    "rollover",
    "caption",
    "credit",
    "tooltip",
    "popover",
];

/// Class or id words that mark the article body itself even when a boilerplate word is in
/// them too ("article-body share-tools" is still the body).
const STRONG: [&str; 7] = [
    "article-body",
    "articlebody",
    "story-body",
    "entry-content",
    "post-content",
    "article__body",
    "article-content",
];

/// Which kinds of words an element's class or id holds (bits of [`Words`]).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Words(u8);

impl Words {
    const POSITIVE: u8 = 1;
    const NEGATIVE: u8 = 2;
    const STRONG: u8 = 4;
    const COMMENTS: u8 = 8;

    fn positive(self) -> bool {
        self.0 & Self::POSITIVE != 0
    }

    fn negative(self) -> bool {
        self.0 & Self::NEGATIVE != 0
    }

    fn strong(self) -> bool {
        self.0 & Self::STRONG != 0
    }

    fn comments(self) -> bool {
        self.0 & Self::COMMENTS != 0
    }
}

/// All the words, ASCII case ignored, in one automaton; a match's pattern index tells its kind.
static WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(POSITIVE.iter().chain(&NEGATIVE).chain(&STRONG))
        .expect("the class words are valid patterns")
});

/// The kinds of words in the class and id of `e`, each searched on its own (no word has a space,
/// so none spans the two).
fn words(e: &Element<'_>) -> Words {
    let mut found = 0;
    for value in [e.attr("class"), e.attr("id")].into_iter().flatten() {
        for m in WORDS.find_overlapping_iter(value) {
            let i = m.pattern().as_usize();
            found |= if i < POSITIVE.len() {
                Words::POSITIVE
            } else if i == POSITIVE.len() {
                // NEGATIVE[0], "comment".
                Words::NEGATIVE | Words::COMMENTS
            } else if i < POSITIVE.len() + NEGATIVE.len() {
                Words::NEGATIVE
            } else {
                Words::STRONG
            };
        }
    }
    Words(found)
}

/// Whether the first element in `node` is a heading that reads as one over other stories
/// ("Related articles", "Você pode gostar...", "Lesen Sie auch", "Most popular diets"): a
/// label of four words at most, as a headline is longer ("More from the harbour desk" heads
/// an article).
fn headed_as_related(node: NodeRef<'_>) -> bool {
    let Some(first) =
        node.children().find(|c| c.element().is_some() || c.text().is_some_and(|t| !t.trim().is_empty()))
    else {
        return false;
    };
    let heading = first.element().is_some_and(|e| matches!(e.name(), "h2" | "h3" | "h4" | "h5" | "h6"));
    if !heading {
        return false;
    }
    // Counted before anything is built: most headings are headlines, longer than a label.
    let words: usize =
        first.descendants().filter_map(|d| d.text()).map(|t| t.split_whitespace().count()).sum();
    words <= 4 && super::chrome::opens_with_related_label(&first.text_content())
}

/// Elements whose text never counts: the head, and what the renderer skips.
fn never_text(name: &str) -> bool {
    name == "head" || super::html::skipped(name)
}

/// Per element: characters of text, of link text, number of commas; and of the text it holds
/// itself (through inline elements only), outside links.
#[derive(Clone, Copy, Default)]
struct Stats {
    chars: usize,
    link_chars: usize,
    own_chars: usize,
    own_commas: usize,
    /// Line breaks (`br`) in the text it holds itself.
    own_breaks: usize,
}

/// Inline elements: their text belongs to the block around them.
fn inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "span"
            | "em"
            | "strong"
            | "b"
            | "i"
            | "u"
            | "small"
            | "sup"
            | "sub"
            | "font"
            | "abbr"
            | "cite"
            | "q"
            | "time"
            | "mark"
            | "label"
            | "code"
            | "br"
            | "wbr"
            | "img"
    )
}

/// Finds the main content of `dom`, or `None` when no element holds prose.
pub(crate) fn find(dom: &Document) -> Option<MainContent> {
    // Per node, indexed by id: text statistics, and the kinds of class and id words.
    let mut stats = vec![Stats::default(); dom.len()];
    let mut words_of = vec![Words::default(); dom.len()];
    let mut boilerplate = Vec::new();
    // Open elements, innermost last, with whether each is inline; and how many are links.
    let mut open: Vec<(NodeId, bool)> = Vec::new();
    let mut links = 0usize;
    // Open comment threads (a class or id with "comment" and no article word): readers' prose
    // scores for no candidate, as a long thread would otherwise outscore the article.
    let mut muted: Vec<NodeId> = Vec::new();
    let mut skip: Option<NodeId> = None;
    for edge in dom.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                if let Some(e) = node.element() {
                    let name = e.name();
                    let hidden = super::html::hidden(&e);
                    if hidden {
                        boilerplate.push(node.id());
                    }
                    if never_text(name) || hidden {
                        skip = Some(node.id());
                        continue;
                    }
                    let w = words(&e);
                    words_of[node.id().index()] = w;
                    // Never the page's outer frame, whatever its class says.
                    let classed =
                        !matches!(name, "html" | "body" | "main" | "article") && w.negative() && !w.strong();
                    // A block headed "Related articles" or "You may also like" holds teasers
                    // of other stories: like a comment thread's, their prose scores for no
                    // candidate.
                    let related = !matches!(name, "html" | "body" | "main") && headed_as_related(node);
                    if classed || related {
                        boilerplate.push(node.id());
                        if related || (classed && w.comments() && !w.positive()) {
                            muted.push(node.id());
                        }
                    }
                    if name == "br"
                        && let Some(&(owner, _)) = open.iter().rev().find(|(_, inline)| !inline)
                    {
                        stats[owner.index()].own_breaks += 1;
                    }
                    links += usize::from(name == "a");
                    open.push((node.id(), inline(name)));
                } else if let Some(t) = node.text() {
                    let n = t.trim().chars().count();
                    let Some(&(innermost, _)) = open.last() else { continue };
                    if n == 0 {
                        continue;
                    }
                    let commas = t.matches(',').count();
                    // Counted on the innermost element; each element adds its totals to its
                    // parent's when it closes.
                    let s = &mut stats[innermost.index()];
                    s.chars += n;
                    if links > 0 {
                        s.link_chars += n;
                    } else if muted.is_empty()
                        && let Some(&(owner, _)) = open.iter().rev().find(|(_, inline)| !inline)
                    {
                        let s = &mut stats[owner.index()];
                        s.own_chars += n;
                        s.own_commas += commas;
                    }
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if open.last().is_some_and(|(id, _)| *id == node.id()) {
                    open.pop();
                    if muted.last() == Some(&node.id()) {
                        muted.pop();
                    }
                    if node.element().is_some_and(|e| e.name() == "a") {
                        links -= 1;
                    }
                    let child = stats[node.id().index()];
                    if let Some(&(parent, _)) = open.last() {
                        let p = &mut stats[parent.index()];
                        p.chars += child.chars;
                        p.link_chars += child.link_chars;
                    }
                }
            }
        }
    }
    let stats_of = |id: NodeId| stats[id.index()];
    // Link lists ("related", menus without a class): a list or block that is mostly links; and a
    // paragraph that is mostly a link, unless it ends like a sentence (a call to read another
    // story, "GET THE APP BY CLICKING HERE", not a linked sentence of the article).
    for node in dom.root().descendants() {
        if let Some(e) = node.element()
            && matches!(e.name(), "ul" | "ol" | "div" | "section" | "table" | "p")
            && let s = stats_of(node.id())
            && s.chars > 0
            && s.link_chars * 10 >= s.chars * 7
            && (e.name() != "p" || !ends_like_a_sentence(&node.text_content()))
        {
            boilerplate.push(node.id());
        }
    }
    // Paragraph scores, credited up the tree; and all the paragraph scores each element holds.
    let mut scores = vec![0.0f64; dom.len()];
    let mut prose = vec![0.0f64; dom.len()];
    // A paragraph is any block holding 25 characters or more of its own text (`p`, or the
    // `div` a site uses as one).
    for node in dom.root().descendants() {
        let Some(e) = node.element() else { continue };
        if matches!(e.name(), "body" | "html" | "main" | "article") {
            continue;
        }
        let s = stats_of(node.id());
        let own = s.own_chars;
        if own < 25 {
            continue;
        }
        // Short lines broken by `br` (a list of names, an address) are not prose: their
        // commas separate items, not clauses.
        let lines = s.own_breaks + 1;
        let commas = if lines >= LINES_MIN && own / lines < LINE_CHARS { 0 } else { s.own_commas };
        let score = 1.0 + commas as f64 + (own as f64 / 100.0).min(3.0);
        prose[node.id().index()] += score;
        for (level, ancestor) in node.ancestors().take(3).enumerate() {
            if ancestor.element().is_some() {
                let divisor = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => 3.0,
                };
                scores[ancestor.id().index()] += score / divisor;
            }
        }
    }
    // Children come after their parents: one pass from the end sums each subtree.
    for n in dom.root().descendants().rev() {
        if let Some(parent) = n.parent() {
            prose[parent.id().index()] += prose[n.id().index()];
        }
    }
    let score_of = |id: NodeId| scores[id.index()];
    let link_density =
        |s: Stats, none: f64| if s.chars == 0 { none } else { s.link_chars as f64 / s.chars as f64 };
    let weighed = |id: NodeId, raw: f64| -> f64 {
        let w = words_of[id.index()];
        let mut weight = raw;
        if w.positive() {
            weight += 25.0;
        }
        if w.negative() {
            weight -= 25.0;
        }
        weight * (1.0 - link_density(stats_of(id), 0.0))
    };
    // A candidate must hold a fair share of the page's prose: a class name cannot make a
    // block of one paragraph the article when another holds five times as much.
    let most = scores.iter().copied().fold(0.0f64, f64::max);
    let mut ranked: Vec<(NodeId, f64)> = dom
        .root()
        .descendants()
        .map(|n| (n.id(), score_of(n.id())))
        .filter(|&(_, raw)| raw > 0.0 && raw >= most * 0.2)
        .map(|(id, raw)| (id, weighed(id, raw)))
        .collect();
    // Highest score first; ties by document order (node ids grow in parse order).
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let node = |id: NodeId| dom.get(id).expect("ids come from this document");
    // The prose a candidate would show: its own less what boilerplate inside it mutes.
    boilerplate.sort();
    boilerplate.dedup();
    let shown = |id: NodeId| -> f64 {
        let root = node(id);
        let mut muted = 0.0;
        let mut last: Option<NodeId> = None;
        for &b in &boilerplate {
            if b == id || !root.contains(b) || last.is_some_and(|l| node(l).contains(b)) {
                continue;
            }
            muted += prose[b.index()];
            last = Some(b);
        }
        prose[id.index()] - muted
    };
    // The best candidate that would show at least a quarter of its prose, not boilerplate (a
    // gallery whose slides are all captions), else the best. Half measured 0.001 lower on the
    // trafilatura corpus.
    let &(first, best) = ranked
        .iter()
        .take(8)
        .find(|(id, w)| *w > 0.0 && shown(*id) * 4.0 >= prose[id.index()])
        .or(ranked.first())?;
    if best <= 0.0 {
        return None;
    }
    // An article cut into chunks between embeds scores as several candidates of about the same
    // weight: when at least three others of the best five come within a quarter of the best
    // and share an ancestor with it, that ancestor is the article.
    let close: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(PROMOTE_TOP - 1)
        .filter(|(_, w)| *w >= best * PROMOTE_SHARE)
        .map(|(id, _)| *id)
        .collect();
    // The nearest ancestor of `from` below the body that `holds`, unless that one is a frame of
    // links around it (`links` or more of its text link text).
    let enclosing = |from: NodeId, holds: &dyn Fn(NodeRef<'_>) -> bool, links: f64| {
        node(from)
            .ancestors()
            .take_while(|a| a.element().is_some_and(|e| !matches!(e.name(), "body" | "html")))
            .find(|a| holds(*a))
            .filter(|a| link_density(stats_of(a.id()), 0.0) < links)
            .map(|a| a.id())
    };
    let top = enclosing(first, &|a| close.iter().filter(|c| a.contains(**c)).count() >= PROMOTE_MIN, 0.3)
        .unwrap_or(first);
    let mut roots = vec![top];
    let best_raw = score_of(top);
    let description = description(dom);
    if let Some(parent) = dom.get(top).and_then(|n| n.parent()) {
        for sibling in parent.children() {
            let id = sibling.id();
            if id == top {
                continue;
            }
            // A sibling joins on its own prose, not on its class name, and not as a list of
            // links ("you may also like").
            let s = stats_of(id);
            // A paragraph that states the page's description is its standfirst, which the lead
            // rule below places.
            let paragraph = s.own_chars >= SIBLING_PARAGRAPH
                && s.own_chars * 2 >= s.chars
                && !description.as_deref().is_some_and(|d| opens_with(sibling, d));
            if (paragraph || score_of(id) >= (best_raw * 0.2).max(10.0))
                && link_density(s, 1.0) < 0.25
                && !words_of[id.index()].negative()
            {
                roots.push(id);
            }
        }
    }
    // The article's other chunks: elements with the top's class, under its ancestor
    // [`CHUNK_LEVELS`] up, holding prose of their own ("article__body" repeated between ad
    // rails, or between figures each wrapped in sections of their own). A chunk may add
    // modifier classes of its own ("block-text block-text--first" beside "block-text"), unless
    // one names boilerplate.
    if let Some(class) = node(top).element().and_then(|e| e.attr("class")).filter(|c| !c.trim().is_empty())
        && let Some(grand) = node(top).ancestors().take(CHUNK_LEVELS).last()
    {
        let tokens: Vec<&str> = class.split_whitespace().collect();
        for d in grand.descendants() {
            let same = d.element().and_then(|e| e.attr("class")).is_some_and(|c| {
                c == class
                    || (!words_of[d.id().index()].negative()
                        && tokens.iter().all(|t| c.split_whitespace().any(|u| u == *t)))
            });
            let prose = score_of(d.id()) > 0.0;
            if same && prose && !roots.iter().any(|r| node(*r).contains(d.id())) {
                roots.push(d.id());
            }
        }
    }
    if let Some(lead) = lead(dom, &stats, top, &roots, description.as_deref()) {
        roots.push(lead);
    } else if let Some(lead) = classed_lead(dom, &stats, &roots) {
        roots.push(lead);
    }
    // The article holds most of a page's prose. When the roots hold less than
    // [`ARTICLE_SHARE`] of it, the best candidate was one block of an article cut into many
    // small ones (recipe steps, product details, paragraphs in cards): the nearest ancestor
    // that holds that share is the article, unless it is a frame of links.
    let page_prose = prose[dom.root().id().index()];
    let held: f64 = roots.iter().map(|r| prose[r.index()]).sum();
    if held < page_prose * ARTICLE_SHARE
        && let Some(article) =
            enclosing(top, &|a| prose[a.id().index()] >= page_prose * ARTICLE_SHARE, ARTICLE_LINKS)
    {
        roots.retain(|r| !node(article).contains(*r));
        roots.push(article);
    }
    roots.sort();
    // A root is never left out as boilerplate, nor is anything that holds one or the best
    // candidate, nor what holds most of a root's prose (a page builder names every block a
    // "widget").
    boilerplate.retain(|b| {
        !node(*b).contains(first)
            && !roots.iter().any(|r| {
                node(*b).contains(*r) || (node(*r).contains(*b) && prose[b.index()] * 2.0 > prose[r.index()])
            })
    });
    Some(MainContent { roots, boilerplate })
}

/// The article's lead when the page states it apart from the body: the block before the body
/// whose text opens with the page's own description (`og:description`, `description`), as a
/// standfirst under the headline does.
fn lead(
    dom: &Document,
    stats: &[Stats],
    top: NodeId,
    roots: &[NodeId],
    description: Option<&str>,
) -> Option<NodeId> {
    let description = description?;
    let wanted = description.chars().count();
    dom.root().descendants().take_while(|n| n.id() < top).find_map(|n: NodeRef<'_>| {
        let e = n.element()?;
        if matches!(e.name(), "meta" | "head" | "script" | "title" | "html" | "body") {
            return None;
        }
        let s = stats[n.id().index()];
        // About the description's length, in its own text and in all it holds (tested first:
        // it passes over most of the page at once), and not already in the article.
        if s.own_chars * 2 < wanted
            || s.chars > wanted * 3
            || roots.iter().any(|r| dom.get(*r).is_some_and(|r| r.contains(n.id())))
        {
            return None;
        }
        opens_with(n, description).then(|| n.id())
    })
}

/// The page's own description (`og:description`, `description`, `twitter:description`), when
/// it is 40 characters or more, its white space folded.
fn description(dom: &Document) -> Option<String> {
    dom.root().descendants().find_map(|n| {
        let e = n.element()?;
        if e.name() != "meta" {
            return None;
        }
        let key = e.attr("property").or(e.attr("name"))?.to_ascii_lowercase();
        matches!(key.as_str(), "og:description" | "description" | "twitter:description")
            .then(|| e.attr("content"))
            .flatten()
            .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|c| c.chars().count() >= 40)
    })
}

/// Whether the element's text opens with the first 40 characters of the description.
fn opens_with(n: NodeRef<'_>, description: &str) -> bool {
    let probe: String = description.chars().take(40).collect();
    let text = n.text_content();
    text.split_whitespace().collect::<Vec<_>>().join(" ").starts_with(&probe)
}

/// The standfirst a page marks by its class ("intro", "lead", "standfirst", ...): the last such
/// block of prose (a dozen words or more ending like a sentence, 80 to 600 characters, under
/// 30% link text) before the first root, under the root's ancestor [`LEAD_LEVELS`] up. Used
/// when the page's description names no lead.
fn classed_lead(dom: &Document<'_>, stats: &[Stats], roots: &[NodeId]) -> Option<NodeId> {
    const LEAD_WORDS: [&str; 9] =
        ["intro", "lead", "standfirst", "dek", "summary", "excerpt", "abstract", "teaser-text", "hero__text"];
    let first_root = *roots.iter().min()?;
    let root = dom.get(first_root)?;
    let area = root.ancestors().take(LEAD_LEVELS).last()?;
    area.descendants()
        .take_while(|n| n.id() < first_root)
        .filter(|n| {
            let Some(e) = n.element() else { return false };
            let s = stats[n.id().index()];
            let marked = [e.attr("class"), e.attr("id")].into_iter().flatten().any(|v| {
                let v = v.to_ascii_lowercase();
                LEAD_WORDS.iter().any(|w| v.contains(w))
            });
            if !(marked
                && (80..=600).contains(&s.chars)
                && s.link_chars * 10 < s.chars * 3
                && !n.contains(first_root))
            {
                return false;
            }
            // Prose: a dozen words or more that end like a sentence, not a header of labels.
            let text = n.text_content();
            text.split_whitespace().count() >= 12 && ends_like_a_sentence(&text)
        })
        .last()
        .map(|n| n.id())
}

#[cfg(test)]
mod tests {
    use parallax_html::Document;

    use super::find;

    /// The text of the roots, with boilerplate left out.
    fn main_text(html: &str) -> String {
        let dom = Document::parse(html);
        let Some(m) = find(&dom) else { return String::new() };
        let mut out = Vec::new();
        for root in &m.roots {
            let node = dom.get(*root).expect("root is in the tree");
            for d in node.descendants() {
                let muted = d.ancestors().chain(std::iter::once(d)).any(|a| m.boilerplate.contains(&a.id()));
                if let Some(t) = d.text()
                    && !muted
                    && !t.trim().is_empty()
                {
                    out.push(t.trim().to_string());
                }
            }
        }
        out.join(" | ")
    }

    const PARA: &str =
        "The ferry left the harbour at dawn, carrying forty passengers, two crew and a cargo of timber.";

    #[test]
    fn the_prose_wins_over_menus_related_lists_and_comments() {
        let html = format!(
            r##"<html><body>
            <div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
            <div class="story"><div class="para">{PARA}</div><div class="para">{PARA}</div>
              <div class="share-tools"><a href="#">Share on social media today</a></div></div>
            <ul class="list"><li><a href="/a">Another story about the ferry and the harbour</a></li>
              <li><a href="/b">Yet another story about the ferry and the harbour</a></li></ul>
            <div class="comments"><p>{PARA} I disagree, with everything, here.</p></div>
            </body></html>"##
        );
        assert_eq!(main_text(&html), format!("{PARA} | {PARA}"));
    }

    #[test]
    fn a_long_comment_thread_does_not_outscore_the_article() {
        let comment = format!("<li id='c'><p>{PARA} I agree, mostly, but not quite.</p></li>");
        let html = format!(
            r##"<html><body><div class="post"><div class="body"><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></div>
            <div class="discussion"><ul class="comments">{}</ul></div></body></html>"##,
            comment.repeat(40)
        );
        assert_eq!(main_text(&html), format!("{PARA} | {PARA} | {PARA}"));
    }

    #[test]
    fn a_boilerplate_word_does_not_drop_the_block_holding_the_prose() {
        // A page builder classes every block a "widget"; the one holding the prose is the body.
        let html = format!(
            r##"<html><body><div class="widget-wrap"><div class="widget-heading"><h1>Ferry</h1></div>
            <div class="post-content-widget"><div class="widget-container"><p>{PARA}</p><p>{PARA}</p>
            <div class="share-widget"><a href="/s">Share</a></div></div></div></div></body></html>"##
        );
        assert_eq!(main_text(&html), format!("{PARA} | {PARA}"));
    }

    #[test]
    fn an_article_cut_by_embeds_is_found_whole() {
        // Each chunk scores about as high as the header's lead; their common ancestor wins.
        let chunk = |text: &str| {
            format!(r##"<div><div class="paragraph-text"><div><p>{text}</p></div></div></div>"##)
        };
        let embed = r##"<div class="embed"><a href="/x">View this post on Instagram</a></div>"##;
        let html = format!(
            r##"<html><body><div class="page"><div class="story"><header class="article__header"><p>{PARA}</p></header>
            {}{embed}{}{embed}{}{embed}{}</div></div><div class="footer">About us</div></body></html>"##,
            chunk(
                "The crew brought the ferry back to the quay by noon, and the harbour master thanked them."
            ),
            chunk("Passengers, most of them commuters, waited in the terminal, where coffee was handed out."),
            chunk("The ferry company said, in a statement, that the ship would be inspected on Wednesday."),
            chunk(
                "Services resumed in the afternoon, though with delays of up to an hour, the company said."
            ),
        );
        let text = main_text(&html);
        assert!(text.starts_with(PARA) && text.contains("Services resumed"), "{text}");
    }

    #[test]
    fn a_list_of_names_is_not_prose() {
        // An open letter and its signatories, one per line, each with an affiliation.
        let names = "<b>Jane Roe</b>, University of the Harbour<br>".repeat(60);
        let html = format!(
            r##"<html><body><div class="letter"><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
            </div><table><tr><td>{names}</td></tr></table></body></html>"##
        );
        assert_eq!(main_text(&html), format!("{PARA} | {PARA} | {PARA}"));
    }

    #[test]
    fn a_root_that_would_show_only_boilerplate_is_passed_over() {
        // A slider classed as "text" holds long captions; the article holds less prose.
        let slide = format!(
            r##"<div class="slide"><p class="caption">{PARA} Photo, by a reader, at dawn.</p></div>"##
        );
        let html = format!(
            r##"<html><body><div class="gallery-text">{}</div>
            <section class="editor"><p>{PARA}</p><p>{PARA}</p></section></body></html>"##,
            slide.repeat(4)
        );
        assert_eq!(main_text(&html), format!("{PARA} | {PARA}"));
    }

    #[test]
    fn a_standfirst_marked_by_its_class_joins_the_body() {
        let lead = "The harbour reopened on Tuesday after a night of fog, and the ferries ran again by noon.";
        let html = format!(
            r##"<html><body><div class="page"><div class="page-intro"><h1>Ferry</h1>
            <div class="page-intro__copy">{lead}</div></div>
            <div class="body"><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></div></body></html>"##
        );
        assert_eq!(main_text(&html), format!("{lead} | {PARA} | {PARA} | {PARA}"));
        // A block of labels classed as an intro is not a standfirst.
        let labels = r##"<div class="article-intro"><a href="/space">SPACE</a> <span>REUTERS</span> <span>19 NOV 2019</span> <span>Updated</span> <span>Share</span> <span>this</span> <span>story</span> <span>now</span></div>"##;
        let html = format!(
            r##"<html><body><div class="page">{labels}<div class="body"><p>{PARA}</p><p>{PARA}</p></div></div></body></html>"##
        );
        assert_eq!(main_text(&html), format!("{PARA} | {PARA}"));
    }

    #[test]
    fn a_page_without_prose_has_no_main_content() {
        assert_eq!(main_text("<html><body><a href='/'>Home</a> <p>Short.</p></body></html>"), "");
    }

    #[test]
    fn an_article_cut_into_many_small_blocks_is_found_whole() {
        // Recipe steps, each a short paragraph three wrappers down: no element above them
        // gathers their scores, and the introduction, classed "content", outscores each one.
        // It holds a fraction of the page's prose; the recipe around it holds most.
        let step = |n: usize| {
            format!(
                "<div class='step'><span>{n}</span><div class='copy'><div><p>Step {n}: spread the \
                 dough in the tin, press it flat and bake it for fifteen minutes.</p></div></div></div>"
            )
        };
        let steps: String = (1..=8).map(step).collect();
        let html = format!(
            r##"<html><body><div class="page">
            <nav><a href="/">Home</a> <a href="/recipes">Recipes</a></nav>
            <div class="recipe"><div class="intro-content"><p>Soft muffins, filled with cream.</p></div>
              <h2>Preparation</h2>{steps}</div>
            </div></body></html>"##
        );
        let text = main_text(&html);
        assert!(text.contains("Soft muffins") && text.contains("Step 8:"), "{text}");
    }

    #[test]
    fn a_block_headed_as_related_stories_is_not_the_article() {
        // Teasers of other posts, each classed as a post, under "You may also like": more
        // prose than the article, but none of it the article's.
        let teaser = |n: usize| {
            format!(
                "<article class='post post-{n}'><h2>Other story {n}</h2><p>{PARA}</p><p>{PARA}</p></article>"
            )
        };
        let teasers: String = (1..=4).map(teaser).collect();
        let html = format!(
            r##"<html><body><div class="page">
            <article class="post post-0"><h1>The story</h1><p>The ferry left at dawn, and the fog, \
              thick as wool, closed behind it.</p><p>{PARA}</p></article>
            <section class="more"><h3>You may also like...</h3>{teasers}</section>
            </div></body></html>"##
        );
        let text = main_text(&html);
        assert!(text.contains("The ferry left at dawn") && !text.contains("Other story"), "{text}");
        // A headline that only reads like a label over other stories is the article's own.
        let html = format!(
            "<html><body><article><h2>More from the harbour desk</h2><p>{PARA}</p><p>{PARA}</p></article></body></html>"
        );
        assert!(main_text(&html).contains(PARA));
        // A comments block headed as related is muted once: the article after it still scores.
        let html = format!(
            "<html><body><div class='comments'><h3>Related</h3><p>{PARA}</p></div>\
             <div class='story'><p>{PARA} The ferry left.</p><p>{PARA}</p></div></body></html>"
        );
        assert!(main_text(&html).contains("The ferry left."), "{}", main_text(&html));
        // A heading that opens with such a label and names its topic after it.
        let html = format!(
            r##"<html><body><div class="page">
            <article class="post post-0"><h1>The story</h1><p>The ferry left at dawn, and the fog, \
              thick as wool, closed behind it.</p><p>{PARA}</p></article>
            <section class="more"><h3>Most popular crossings</h3>{teasers}</section>
            </div></body></html>"##
        );
        let text = main_text(&html);
        assert!(text.contains("The ferry left at dawn") && !text.contains("Other story"), "{text}");
        // One word is too little: an article's own section may be headed "Related issues".
        let html = format!(
            "<html><body><article><p>{PARA}</p><section><h2>Related issues</h2><p>{PARA} The fares rose.</p></section></article></body></html>"
        );
        assert!(main_text(&html).contains("The fares rose."), "{}", main_text(&html));
    }

    #[test]
    fn a_class_name_does_not_make_one_line_the_article() {
        // The byline block is classed "content"; the body's first paragraph carries a pop-up
        // of links that weighs on its link density. The body still wins: it holds five times
        // the prose.
        let links =
            "<a href='/x'>A long headline of another story about something else entirely</a>".repeat(4);
        let html = format!(
            r##"<html><body>
            <div class="content-wrapper"><p>By A. Reporter, Staff Writer, on Tuesday at noon</p></div>
            <div class="field-item"><p>{PARA} <span class="pop">{links}</span></p><p>{PARA}</p><p>{PARA}</p>
              <p>{PARA}</p><p>{PARA}</p></div>
            </body></html>"##
        );
        assert!(main_text(&html).starts_with(PARA), "{}", main_text(&html));
    }

    #[test]
    fn hidden_elements_are_not_text() {
        let html = format!(
            r##"<html><body><div class="story"><p>{PARA}</p><p>{PARA}</p>
            <div style="display: none" itemscope><p>Machine-readable copy of the headline, for search engines only.</p></div>
            <p hidden>A menu that a click would show, with a sentence in it.</p></div></body></html>"##
        );
        assert_eq!(main_text(&html), format!("{PARA} | {PARA}"));
    }

    #[test]
    fn chunks_of_the_body_in_sections_of_their_own_join_it() {
        // Each chunk of the body sits four levels down in a wrapper of its own, between figures.
        let chunk = |text: &str| {
            format!(
                r##"<div class="acf"><section class="outer"><div class="flex"><div class="section">
                <div class="post__content"><p>{text}</p><p>{text}</p></div></div></div></section></div>"##
            )
        };
        let html = format!(
            r##"<html><body><main>{}<figure><img src="a.jpg"></figure>{}</main></body></html>"##,
            chunk(PARA),
            chunk(
                "The crew brought the ferry back to the quay by noon, and the harbour master thanked them."
            )
        );
        let text = main_text(&html);
        assert!(text.contains("The crew brought"), "{text}");
        assert!(text.starts_with(PARA), "{text}");
    }

    #[test]
    fn a_chunk_with_a_modifier_class_joins_the_body() {
        // The first chunk adds a modifier to the class the others share (a drop cap); a block
        // whose added class names boilerplate does not join.
        let opening =
            "The crew brought the ferry back to the quay by noon, and the harbour master thanked them.";
        let promo =
            "Subscribe to our newsletter for the harbour's news, every morning, straight to your inbox.";
        let chunk = |class: &str, text: &str| {
            format!(r##"<div class="block"><div class="{class}"><p>{text}</p><p>{text}</p></div></div>"##)
        };
        let html = format!(
            r##"<html><body><div class="content">{}<figure><img src="a.jpg"></figure>{}{}</div></body></html>"##,
            chunk("block-text block-text--first", opening),
            chunk("block-text", &format!("{PARA}</p><p>{PARA}</p><p>{PARA}")),
            chunk("block-text newsletter", promo)
        );
        let text = main_text(&html);
        assert!(text.starts_with(opening), "{text}");
        assert!(!text.contains("Subscribe"), "{text}");
    }

    #[test]
    fn a_paragraph_that_is_a_link_to_elsewhere_is_left_out() {
        let html = format!(
            r##"<html><body><div class="story"><p>{PARA}</p>
            <p><a href="/fees"><strong>READ MORE: HARBOUR FEES TO RISE IN THE SPRING</strong></a></p>
            <p>{PARA}</p><p><a href="/report">The coastguard's report on the collision was published on Friday.</a></p>
            <p>{PARA}</p></div></body></html>"##
        );
        let text = main_text(&html);
        assert!(!text.contains("READ MORE"), "{text}");
        // A linked sentence of the article stays.
        assert!(text.contains("The coastguard's report"), "{text}");
    }

    #[test]
    fn a_lead_is_about_as_long_as_the_description() {
        let description = "A ferry and a cargo ship collided in fog off the harbour on Tuesday morning.";
        let teasers = "<p>Another story here.</p>".repeat(12);
        let html = format!(
            r##"<html><head><meta name="description" content="{description}"></head><body>
            <div class="wrap">{description}<div class="list">{teasers}</div></div>
            <div class="story"><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div>
            </body></html>"##
        );
        // The block that opens with the description also holds a dozen teasers: not the lead.
        let text = main_text(&html);
        assert!(!text.contains("Another story"), "{text}");
        assert!(text.contains(PARA), "{text}");
    }

    #[test]
    fn paragraphs_beside_the_body_join_it() {
        // The opening paragraphs stand beside the container of the rest, each scoring far
        // below a fifth of it: as paragraphs of their own, they join (Readability's rule).
        let opening =
            "The coastguard said the ferry turned back an hour out, when its radar failed in thick fog.";
        let body = format!("<p>{PARA}</p>").repeat(8);
        let html = format!(
            r##"<html><body><div class="page"><div class="para">{opening}</div>
            <div class="para">{opening}</div><div class="read-all">{body}</div>
            <div class="note">Short note.</div></div></body></html>"##
        );
        let text = main_text(&html);
        assert!(text.starts_with(&format!("{opening} | {opening} | {PARA}")), "{text}");
        assert!(!text.contains("Short note"), "{text}");
    }

    #[test]
    fn a_paragraph_beside_the_body_does_not_hide_the_lead_after_it() {
        // The description's block stands beside the body after another joining paragraph: it
        // is still the lead, read once.
        let description = "A ferry and a cargo ship collided in fog off the harbour on Tuesday morning.";
        let other =
            "Pictures from the quay show the ferry's bow, dented and scraped, as the tugs brought it in.";
        let body = format!("<p>{PARA}</p>").repeat(8);
        let html = format!(
            r##"<html><head><meta name="description" content="{description}"></head><body>
            <div class="page"><div class="para">{other}</div><div class="summary">{description}</div>
            <div class="body">{body}</div></div></body></html>"##
        );
        let text = main_text(&html);
        assert!(text.starts_with(&format!("{other} | {description} | {PARA}")), "{text}");
        assert_eq!(text.matches(description).count(), 1, "{text}");
    }

    #[test]
    fn a_standfirst_written_twice_is_read_once() {
        // The description under the headline and again beside the body: the first is the
        // lead, the second does not join as a paragraph.
        let description = "A ferry and a cargo ship collided in thick fog off the harbour early on Tuesday, officials said.";
        let body = format!("<p>{PARA}</p>").repeat(8);
        let html = format!(
            r##"<html><head><meta name="description" content="{description}"></head><body>
            <header><h1>Collision</h1><div class="dek">{description}</div></header>
            <div class="page"><div class="abstract">{description}</div><div class="body">{body}</div></div>
            </body></html>"##
        );
        let text = main_text(&html);
        assert!(text.starts_with(&format!("{description} | {PARA}")), "{text}");
        assert_eq!(text.matches(description).count(), 1, "{text}");
    }
}
