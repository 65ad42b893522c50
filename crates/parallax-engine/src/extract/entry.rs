//! The stage's entry point: one raw document → its articles.

use jiff::civil::Date;
use parallax_model::{
    Article, Block, BlockKind, Diagnostic, DocFormat, DocMeta, RawDoc, Removed, RemovedKind, Source,
    SourceFrom,
};

use super::chrome::{byline_names, classify, is_embed_credit, outlet_in_prompt};
use super::dating;
use super::html;
use super::layout::{block_kinds, is_headline};
use super::segments::{Segment, classify_in_context, split};
use super::units::{Marker, Unit, units};
use super::words::key;

/// Settings of the extract stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The publication date of documents that carry none.
    pub default_date: Option<Date>,
    /// Today: no date after it is taken as a publication or update date. The caller gives
    /// it (the stage reads no clock), `None` takes every date.
    pub today: Option<Date>,
    /// The most words a document's articles may have together ([`MAX_WORDS`] by default): a
    /// longer document is reported and skipped, so that no one document holds a run.
    pub max_words: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config { default_date: None, today: None, max_words: MAX_WORDS }
    }
}

impl Config {
    /// This configuration for documents admitted before, under the budget of their run (a
    /// store's): no budget of words applies again, so one ingested with a larger `--max-words`
    /// is still read. The one way to lift the budget.
    pub fn admitted(&self) -> Config {
        Config { max_words: usize::MAX, ..self.clone() }
    }
}

/// The most words a document may have by default: a book's worth. The stages after extraction
/// take time in proportion to the words (`cargo bench -p parallax-engine --bench text --
/// hostile` shows time per byte flat to 1 MB for the hostile shapes): 0.6 s for a brief of
/// 200,000 words of news prose (1.2 MB) on the 2-core machine here, where a news report has a
/// few hundred to a few thousand and a long live page some 30,000. A budget in words, not in
/// seconds, keeps the output the same on any machine.
pub const MAX_WORDS: usize = 200_000;

/// What a page's markup says beyond the container's metadata.
#[derive(Default)]
struct PageExtras {
    authors: Vec<String>,
    updated: Option<Date>,
    /// The first `<time datetime>` on the page.
    time: Option<Date>,
    language: Option<String>,
    /// A live page's entries: the unit each starts at, and its date.
    entries: Vec<(usize, Date)>,
}

/// What extraction made of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extraction {
    /// The articles found, the page's own first.
    pub articles: Vec<Article>,
    /// For HTML, the page's text rendering (one block per line), which the articles' spans
    /// point into; `None` for text, whose spans point into [`RawDoc::text`].
    pub rendered: Option<String>,
    /// Problems that did not stop extraction, or why there is no article.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the document was skipped for its length ([`Config::max_words`]): none of it was
    /// read, and a store keeps none of it (a later run with a larger budget reads it).
    pub skipped: bool,
}

/// The articles in `doc`.
///
/// ```
/// use parallax_engine::extract::{extract, Config};
/// use parallax_model::{DocFormat, DocId, DocMeta, RawDoc};
///
/// let text = "Ferry Runs Aground Off Halden\nThe ferry ran aground on Tuesday.\nShare this article\n";
/// let doc = RawDoc {
///     id: DocId::new("d1").unwrap(),
///     path: "d1.txt".into(),
///     format: DocFormat::Text,
///     text: text.into(),
///     meta: DocMeta::default(),
/// };
/// let out = extract(&doc, &Config::default());
/// let article = &out.articles[0];
/// assert_eq!(article.title.as_deref(), Some("Ferry Runs Aground Off Halden"));
/// assert_eq!(article.body_text(), "The ferry ran aground on Tuesday.");
/// assert_eq!(article.removed[0].text, "Share this article");
/// ```
pub fn extract(doc: &RawDoc, config: &Config) -> Extraction {
    let mut out = extract_any(doc, config);
    let words: usize =
        out.articles.iter().flat_map(|a| &a.blocks).map(|b| b.text.split_whitespace().count()).sum();
    if words > config.max_words {
        out.articles.clear();
        out.skipped = true;
        out.diagnostics.push(Diagnostic::new(
            &doc.path,
            format!(
                "skipped: its articles have {words} words, more than the {} one document may have (the \
                 work of a run is kept in proportion to its inputs)",
                config.max_words
            ),
        ));
    }
    out
}

fn extract_any(doc: &RawDoc, config: &Config) -> Extraction {
    match doc.format {
        DocFormat::Text => extract_units(doc, config, units(&doc.text), PageExtras::default()),
        DocFormat::Html => {
            let page = html::render(&doc.text);
            // The container's metadata wins over the page's own.
            let from_page = doc.meta.source.is_none() && page.site.is_some();
            let meta = DocMeta {
                source: doc.meta.source.clone().or(page.site),
                title: doc.meta.title.clone().or(page.title),
                published: doc.meta.published.or(page.published),
                url: doc.meta.url.clone().or_else(|| page.url.as_deref().and_then(|u| u.parse().ok())),
            };
            let rendered = RawDoc { meta, text: page.text, ..doc.clone() };
            let extras = PageExtras {
                authors: page.authors,
                updated: page.updated,
                time: page.time_published,
                language: page.language,
                entries: page.entries,
            };
            let mut out = extract_units(&rendered, config, page.units, extras);
            if let Some(first) = out.articles.first_mut()
                && from_page
            {
                first.source.from = SourceFrom::Page;
            }
            out.rendered = Some(rendered.text);
            out
        }
    }
}

fn extract_units(doc: &RawDoc, config: &Config, units: Vec<Unit>, page: PageExtras) -> Extraction {
    let mut kinds: Vec<Option<RemovedKind>> = units
        .iter()
        .map(|u| if u.marker == Marker::Caption { Some(RemovedKind::Caption) } else { classify(&u.text) })
        .collect();
    classify_in_context(&units, &mut kinds);
    let segments = live_entries(split(&units, &mut kinds), &page.entries, &kinds);
    let live = segments.iter().any(|s| s.entry.is_some());
    let mut out = Extraction::default();
    let mut leftovers: Vec<Removed> = Vec::new();
    for (n, segment) in segments.iter().enumerate() {
        let first = n == 0;
        let mut article = build(doc, &units, &kinds, segment, first);
        if first {
            for name in &page.authors {
                if !article.authors.contains(name) {
                    article.authors.push(name.clone());
                }
            }
        }
        // An appended item has its own dateline, not the page's URL or update.
        let url = article.url.as_ref().map(url::Url::as_str);
        let (given, default) = match (first, segment.entry) {
            (_, Some(date)) => (Some(date), doc.meta.published.or(config.default_date)),
            (true, None) => (doc.meta.published, config.default_date),
            (false, None) => (None, doc.meta.published.or(config.default_date)),
        };
        (article.published, article.updated) = dating::dates(
            given,
            if first { page.updated } else { None },
            url.filter(|_| segment.entry.is_none()),
            if first { page.time } else { None },
            &article.removed,
            default,
            config.today,
        );
        // Site templates often declare one language for pages in several: the text, when it
        // says clearly, outranks the markup.
        article.language = dating::detect_language(&article.body_text())
            .or_else(|| page.language.as_deref().and_then(dating::primary_tag));
        if article.blocks.is_empty() && (!first || live) {
            // A header with nothing under it (or a live page's title above its entries): keep
            // what it held on the page's article.
            leftovers.append(&mut article.removed);
            continue;
        }
        if !out.articles.is_empty() {
            article.segment_of = Some(doc.id.clone());
            article.id = doc.id.segment(out.articles.len() + 1);
        }
        out.articles.push(article);
    }
    if let Some(page) = out.articles.first_mut() {
        page.removed.append(&mut leftovers);
        page.removed.sort_by_key(|r| r.span);
        if page.blocks.is_empty() {
            out.diagnostics.push(Diagnostic::new(
                &doc.path,
                "no article text found: every line reads as site chrome or a caption",
            ));
        }
    }
    out
}

fn build(
    doc: &RawDoc,
    units: &[Unit],
    kinds: &[Option<RemovedKind>],
    segment: &Segment,
    first: bool,
) -> Article {
    let range = segment.units.clone();
    let mut removed = Vec::new();
    let mut body: Vec<&Unit> = Vec::new();
    for (unit, kind) in units[range.clone()].iter().zip(&kinds[range]) {
        match kind {
            Some(kind) => removed.push(Removed { kind: *kind, span: unit.span, text: unit.text.clone() }),
            None => body.push(unit),
        }
    }
    let meta_title = if first { doc.meta.title.clone() } else { None };
    // A live page's entries are the page's outlet's own, at the page's address.
    let own = first || segment.entry.is_some();
    let mut title = meta_title.clone();
    // With no title given, a label or a breadcrumb trail above the page's headline leaves the
    // body (not above a live page's entry, whose first line is its own).
    if first
        && meta_title.is_none()
        && let [head, _, ..] = body[..]
        && set_aside(head, &body[1..])
    {
        removed.push(Removed { kind: RemovedKind::Navigation, span: head.span, text: head.text.clone() });
        removed.sort_by_key(|r| r.span);
        body.remove(0);
    }
    if let Some(head) = body.first() {
        let repeats_meta = meta_title.as_ref().is_some_and(|t| key(t) == key(&head.text));
        if repeats_meta || (meta_title.is_none() && body.len() > 1 && is_headline(head)) {
            title = Some(undoubled(head.text.trim()));
            body.remove(0);
        }
    }
    let kinds = block_kinds(&body);
    let blocks = body
        .iter()
        .zip(kinds)
        .map(|(unit, kind)| {
            let kind = if is_embed_credit(&unit.text) { BlockKind::Embed } else { kind };
            Block { kind, span: unit.span, text: unit.text.clone() }
        })
        .collect();
    let prompt_outlet = removed
        .iter()
        .filter(|r| matches!(r.kind, RemovedKind::FollowPrompt | RemovedKind::Copyright))
        .find_map(|r| outlet_in_prompt(&r.text));
    let mut authors: Vec<String> = Vec::new();
    for name in removed.iter().filter(|r| r.kind == RemovedKind::Byline).flat_map(|r| byline_names(&r.text)) {
        if !authors.contains(&name) {
            authors.push(name);
        }
    }
    let meta_source = if own { doc.meta.source.clone() } else { None };
    let source = match (meta_source, &segment.outlet, prompt_outlet) {
        (Some(name), _, _) => Source { name, from: SourceFrom::Metadata },
        (None, Some(name), _) => Source { name: name.clone(), from: SourceFrom::Page },
        (None, None, Some(name)) => Source { name, from: SourceFrom::Page },
        (None, None, None) => match doc.meta.url.as_ref().and_then(site_of) {
            Some(name) => Source { name, from: SourceFrom::Address },
            None => Source { name: file_stem(&doc.path), from: SourceFrom::FileStem },
        },
    };
    Article {
        id: doc.id.clone(),
        path: doc.path.clone(),
        segment_of: None,
        source,
        title,
        published: None,
        updated: None,
        language: None,
        url: if own { doc.meta.url.clone() } else { None },
        authors,
        blocks,
        removed,
    }
}

/// The most words of a line above a headline that reads as a label ("Crime & Safety", "Watch
/// CBS News", the site's name), not a headline of its own: news headlines run longer.
const LABEL_WORDS: usize = 3;
/// The fewest words of a headline under a label: a label above a label tells nothing.
const HEADLINE_WORDS: usize = 4;

/// Whether `head`, the first line of a text with no title given, is set aside rather than read
/// as the headline: a short label that shares none of its words with what follows, over a
/// headline of [`HEADLINE_WORDS`] or more or over prose ("Crime & Safety" over "Death Toll
/// Rises To 16 As Fires Burn", "In This Story" over a report's first paragraph; not "Halden
/// ferry aground" over a deck or a paragraph about the ferry), or a line that holds the
/// headline under it whole and more, a breadcrumb trail or a site's name run into it ("Home US
/// Ferry sinks off Halden" over "Ferry sinks off Halden").
fn set_aside(head: &Unit, rest: &[&Unit]) -> bool {
    use super::words::word_count;
    let Some(next) = rest.first() else { return false };
    if !is_headline(head) {
        return false;
    }
    let long_headline = is_headline(next) && word_count(&next.text) >= HEADLINE_WORDS;
    let label = word_count(&head.text) <= LABEL_WORDS
        && (long_headline || !is_headline(next))
        && !words_come_back(head, rest);
    let (head_key, next_key) = (key(&head.text), key(&next.text));
    label || (long_headline && head_key.len() > next_key.len() && head_key.contains(&next_key))
}

/// Whether a content word of `head` (three letters or more, by stem) comes back in the first
/// [`LABEL_CONTEXT`] units of `rest`; a line with no content word has none come back.
fn words_come_back(head: &Unit, rest: &[&Unit]) -> bool {
    use crate::text::{is_function_key, stem_key};
    let content = |text: &str| -> Vec<u64> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(stem_key)
            .filter(|&k| !is_function_key(k))
            .collect()
    };
    let following: std::collections::HashSet<u64> =
        rest.iter().take(LABEL_CONTEXT).flat_map(|u| content(&u.text)).collect();
    content(&head.text).iter().any(|w| following.contains(w))
}

/// How many units after a short first line are read for its words (see [`words_come_back`]).
const LABEL_CONTEXT: usize = 3;

/// A title written twice in a row, as a video page's heading and player caption run together
/// ("Ferry sinks off Halden Ferry sinks off Halden 14:07"), once; any other title as it is.
fn undoubled(title: &str) -> String {
    let mut words: Vec<&str> = title.split_whitespace().collect();
    // A video's length after the pair.
    let length = |w: &str| {
        let (m, s) = w.split_once(':').unwrap_or(("", ""));
        (1..=2).contains(&m.len()) && s.len() == 2 && (m.to_owned() + s).bytes().all(|b| b.is_ascii_digit())
    };
    let doubled = |ws: &[&str]| {
        ws.len() >= 2 * HEADLINE_WORDS
            && ws.len().is_multiple_of(2)
            && ws[..ws.len() / 2] == ws[ws.len() / 2..]
    };
    if words.last().is_some_and(|w| length(w)) && doubled(&words[..words.len() - 1]) {
        words.pop();
    }
    if doubled(&words) {
        return words[..words.len() / 2].join(" ");
    }
    title.to_string()
}

/// The first segment (the page's own) cut at a live page's entries, when at least three of
/// them hold text: the part above the first entry stays the page's, each entry follows as a
/// segment of its own with its date.
fn live_entries(
    mut segments: Vec<Segment>,
    entries: &[(usize, Date)],
    kinds: &[Option<RemovedKind>],
) -> Vec<Segment> {
    let Some(page) = segments.first() else { return segments };
    let range = page.units.clone();
    let mut starts: Vec<(usize, Date)> =
        entries.iter().copied().filter(|(at, _)| range.contains(at)).collect();
    starts.dedup_by_key(|(at, _)| *at);
    let mut cut: Vec<Segment> = Vec::new();
    for (i, &(at, date)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(range.end, |(next, _)| *next);
        if kinds[at..end].iter().any(Option::is_none) {
            cut.push(Segment { units: at..end, outlet: None, entry: Some(date) });
        } else if let Some(last) = cut.last_mut() {
            // An entry with no text of its own (a bare time) belongs to the one before.
            last.units.end = end;
        }
    }
    if cut.len() < 3 {
        return segments;
    }
    let intro_end = starts.first().map_or(range.end, |(at, _)| *at);
    segments[0].units = range.start..intro_end;
    segments.splice(1..1, cut);
    segments
}

/// The site of an address, as a reader names it: its host without a leading "www." (and
/// without "m." or "amp.", a site's mobile and AMP mirrors); none for an address by number.
fn site_of(url: &url::Url) -> Option<String> {
    let host = match url.host()? {
        url::Host::Domain(d) => d.to_ascii_lowercase(),
        url::Host::Ipv4(_) | url::Host::Ipv6(_) => return None,
    };
    let mut site = host.as_str();
    for lead in ["www.", "m.", "amp."] {
        if let Some(rest) = site.strip_prefix(lead)
            && rest.contains('.')
        {
            site = rest;
        }
    }
    Some(site.to_string())
}

/// The stem of an input's file name ("stdin" for `-`).
fn file_stem(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let name = name.split(':').next().unwrap_or(name);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use parallax_model::{DocFormat, DocId, DocMeta, RawDoc, RemovedKind};

    use super::{Config, extract, file_stem};

    /// The title and the removed lines of a plain text, and its first block.
    fn title_of(text: &str) -> (Option<String>, Vec<(RemovedKind, String)>, String) {
        let doc = RawDoc {
            id: DocId::new("t").expect("an id"),
            path: "t.txt".into(),
            format: DocFormat::Text,
            text: text.into(),
            meta: DocMeta::default(),
        };
        let found = extract(&doc, &Config::default());
        let article = found.articles.into_iter().next().expect("an article");
        let removed = article.removed.iter().map(|r| (r.kind, r.text.clone())).collect();
        let first = article.blocks.first().map(|b| b.text.clone()).unwrap_or_default();
        (article.title, removed, first)
    }

    #[test]
    fn a_label_or_a_breadcrumb_above_the_headline_is_not_the_title() {
        let body = "The ferry Nordlys ran aground off Halden on Tuesday, the coastguard said.\n\nAll 14 crew were taken off by lifeboat before noon, officials said.\n";
        let navigation = |line: &str| vec![(RemovedKind::Navigation, line.to_string())];
        // A section label over the headline.
        let (title, removed, _) =
            title_of(&format!("Crime & Safety\n\nFerry Runs Aground Off Halden\n\n{body}"));
        assert_eq!(title.as_deref(), Some("Ferry Runs Aground Off Halden"));
        assert_eq!(removed, navigation("Crime & Safety"));
        // A breadcrumb trail run into the headline, which follows on its own.
        let trail = "Current:Home > NewsFerry runs aground off Halden -Coast Herald";
        let (title, removed, _) = title_of(&format!("{trail}\n\nFerry runs aground off Halden\n\n{body}"));
        assert_eq!(title.as_deref(), Some("Ferry runs aground off Halden"));
        assert_eq!(removed, navigation(trail));
        // A headline over a standfirst that does not repeat it keeps its place.
        let (title, removed, first) = title_of(&format!(
            "Ferry runs aground off Halden\n\nAll fourteen crew taken off by lifeboat\n\n{body}"
        ));
        assert_eq!(title.as_deref(), Some("Ferry runs aground off Halden"));
        assert!(
            removed.is_empty() && first == "All fourteen crew taken off by lifeboat",
            "{removed:?} {first}"
        );
        // A short headline over prose, or over a deck, stays the title: its words come back.
        let (title, removed, _) = title_of(&format!("Halden ferry aground\n\n{body}"));
        assert_eq!(title.as_deref(), Some("Halden ferry aground"));
        assert!(removed.is_empty());
        let (title, removed, first) =
            title_of(&format!("Halden ferry aground\n\nAll fourteen crew taken off by lifeboat\n\n{body}"));
        assert_eq!(title.as_deref(), Some("Halden ferry aground"));
        assert!(removed.is_empty() && first.starts_with("All fourteen"), "{removed:?}");
        // A label over a label is no headline under a label.
        let (title, _, first) = title_of(&format!("Local News\n\nCoast Herald\n\n{body}"));
        assert_eq!((title.as_deref(), first.as_str()), (Some("Local News"), "Coast Herald"));
        // A short label over prose that shares none of its words is no title.
        let (title, removed, _) = title_of(&format!("In This Story\n\n{body}"));
        assert_eq!(title, None);
        assert_eq!(removed, navigation("In This Story"));
    }

    #[test]
    fn a_title_written_twice_with_its_videos_length_is_read_once() {
        let body = "The ferry Nordlys ran aground off Halden on Tuesday, the coastguard said.\n\nAll 14 crew were taken off by lifeboat.\n";
        let twice =
            "Rescue under way after ferry runs aground Rescue under way after ferry runs aground 14:07";
        assert_eq!(
            title_of(&format!("{twice}\n\n{body}")).0.as_deref(),
            Some("Rescue under way after ferry runs aground")
        );
        // Not a title that only ends on a clock time, nor a short phrase said twice.
        for kept in ["Ferry service resumes at 14:07", "Ferry aground ferry aground"] {
            assert_eq!(title_of(&format!("{kept}\n\n{body}")).0.as_deref(), Some(kept));
        }
    }

    fn html_doc(html: &str, url: Option<&str>) -> RawDoc {
        RawDoc {
            id: DocId::new("live").expect("an id"),
            path: "live.html".into(),
            format: DocFormat::Html,
            text: html.into(),
            meta: DocMeta { url: url.and_then(|u| u.parse().ok()), ..DocMeta::default() },
        }
    }

    #[test]
    fn a_document_past_the_budget_of_words_is_reported_and_skipped() {
        let text = |words: usize| {
            let body: Vec<String> =
                (0..words / 7).map(|n| format!("The ferry docked at pier {n} today.")).collect();
            format!("Ferry Docks At Halvik\n\n{}\n", body.join("\n\n"))
        };
        let doc = |text: String| RawDoc {
            id: DocId::new("long").expect("an id"),
            path: "long.txt".into(),
            format: DocFormat::Text,
            text,
            meta: DocMeta::default(),
        };
        let config = Config { max_words: 700, ..Config::default() };
        let within = extract(&doc(text(700)), &config);
        assert_eq!(within.articles.len(), 1);
        assert!(within.diagnostics.is_empty(), "{:?}", within.diagnostics);
        let past = extract(&doc(text(707)), &config);
        assert!(past.articles.is_empty());
        assert_eq!(past.diagnostics.len(), 1);
        assert_eq!(past.diagnostics[0].input, "long.txt");
        assert!(
            past.diagnostics[0]
                .message
                .starts_with("skipped: its articles have 707 words, more than the 700 one"),
            "{}",
            past.diagnostics[0].message
        );
    }

    #[test]
    fn a_live_page_is_one_article_per_dated_entry() {
        let mut html = String::from(
            "<html lang=en><head><meta property=og:site_name content=\"Harbour Gazette\">\
             <script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\"}</script></head>\
             <body><main><h1>Halvik storm: live</h1>\
             <p>Roads are closed across the coast and ferries are cancelled until further notice.</p>\
             <div class=feed>",
        );
        let days = ["2026-03-05T09:10:00Z", "2026-03-04T22:00:00Z", "2026-03-04T18:30:00Z"];
        for (i, day) in days.iter().enumerate() {
            html.push_str(&format!(
                "<article><time datetime=\"{day}\">{}</time><h2>Update number {i}</h2>\
                 <p>The harbour master said entry {i} was written while the storm went on.</p></article>",
                &day[11..16]
            ));
        }
        html.push_str("</div></main></body></html>");
        let config = Config { today: Some(jiff::civil::date(2026, 3, 10)), ..Config::default() };
        let out = extract(&html_doc(&html, Some("https://gazette.example/2026/03/04/storm-live")), &config);
        type Row = (String, Option<String>, Option<String>, Option<String>);
        let got: Vec<Row> = out
            .articles
            .iter()
            .map(|a| {
                (
                    a.id.as_str().to_string(),
                    a.title.clone(),
                    a.published.map(|d| d.to_string()),
                    a.segment_of.as_ref().map(|s| s.as_str().to_string()),
                )
            })
            .collect();
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            got,
            vec![
                ("live".into(), s("Halvik storm: live"), s("2026-03-04"), None),
                ("live#2".into(), s("Update number 0"), s("2026-03-05"), s("live")),
                ("live#3".into(), s("Update number 1"), s("2026-03-04"), s("live")),
                ("live#4".into(), s("Update number 2"), s("2026-03-04"), s("live")),
            ]
        );
        assert!(out.articles.iter().all(|a| a.source.name == "Harbour Gazette"));
        assert!(out.articles.iter().all(|a| a.language.as_deref() == Some("en")));
        assert!(out.articles[1].body_text().starts_with("The harbour master said entry 0"));
    }

    #[test]
    fn page_dates_updates_and_language() {
        let html = "<html lang=de><head><meta property=article:modified_time content=2026-03-06T10:00:00Z>\
                    <link rel=canonical href=\"https://gazette.example/2026/03/04/ferry\"></head><body><article>\
                    <h1>Ferry runs aground</h1><p>The ferry ran aground on Tuesday, police said, and \
                    fourteen people were hurt.</p><p>Divers inspected the hull overnight.</p></article></body></html>";
        let config = Config { today: Some(jiff::civil::date(2026, 3, 10)), ..Config::default() };
        let out = extract(&html_doc(html, None), &config);
        let a = &out.articles[0];
        assert_eq!(a.url.as_ref().map(url::Url::as_str), Some("https://gazette.example/2026/03/04/ferry"));
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2026-03-04"));
        assert_eq!(a.updated.map(|d| d.to_string()).as_deref(), Some("2026-03-06"));
        // The page says German; its text is plainly English.
        assert_eq!(a.language.as_deref(), Some("en"));
        // The same page read before its update was made: no update, and the URL's date stands.
        let early = Config { today: Some(jiff::civil::date(2026, 3, 5)), ..Config::default() };
        let a = &extract(&html_doc(html, None), &early).articles[0];
        assert_eq!((a.published.map(|d| d.to_string()).as_deref(), a.updated), (Some("2026-03-04"), None));
    }

    #[test]
    fn sites_of_addresses() {
        let site = |u: &str| super::site_of(&u.parse().expect("a url"));
        assert_eq!(
            site("https://www.halvikgazette.example/news/crane").as_deref(),
            Some("halvikgazette.example")
        );
        assert_eq!(site("https://m.gazette.example/a").as_deref(), Some("gazette.example"));
        assert_eq!(site("https://WWW.Gazette.Example/a").as_deref(), Some("gazette.example"));
        assert_eq!(
            site("http://www.com/a").as_deref(),
            Some("www.com"),
            "a host that is only its lead stays"
        );
        assert_eq!(site("http://127.0.0.1:8080/a"), None);
    }

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("a/b/report.txt"), "report");
        assert_eq!(file_stem("feed.jsonl"), "feed");
        assert_eq!(file_stem("-"), "stdin");
        assert_eq!(file_stem(".hidden"), ".hidden");
    }
}
