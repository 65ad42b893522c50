//! The stage's entry point: one raw document → its articles.

use jiff::civil::Date;
use parallax_model::{
    Article, Block, Diagnostic, DocFormat, DocMeta, RawDoc, Removed, RemovedKind, Source, SourceFrom,
};

use super::chrome::{byline_names, classify, outlet_in_prompt};
use super::html;
use super::layout::{block_kinds, is_headline};
use super::segments::{Segment, classify_in_context, split};
use super::units::{Marker, Unit, units};
use super::words::key;

/// Settings of the extract stage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The publication date of documents that carry none.
    pub default_date: Option<Date>,
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
    match doc.format {
        DocFormat::Text => extract_units(doc, config, units(&doc.text), Vec::new()),
        DocFormat::Html => {
            let page = html::render(&doc.text);
            // The container's metadata wins over the page's own.
            let from_page = doc.meta.source.is_none() && page.site.is_some();
            let meta = DocMeta {
                source: doc.meta.source.clone().or(page.site),
                title: doc.meta.title.clone().or(page.title),
                published: doc.meta.published.or(page.published),
                url: doc.meta.url.clone(),
            };
            let rendered = RawDoc { meta, text: page.text, ..doc.clone() };
            let mut out = extract_units(&rendered, config, page.units, page.authors);
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

fn extract_units(doc: &RawDoc, config: &Config, units: Vec<Unit>, authors: Vec<String>) -> Extraction {
    let mut kinds: Vec<Option<RemovedKind>> = units
        .iter()
        .map(|u| if u.marker == Marker::Caption { Some(RemovedKind::Caption) } else { classify(&u.text) })
        .collect();
    classify_in_context(&units, &mut kinds);
    let segments = split(&units, &mut kinds);
    let mut out = Extraction::default();
    let mut leftovers: Vec<Removed> = Vec::new();
    for (n, segment) in segments.iter().enumerate() {
        let first = n == 0;
        let mut article = build(doc, config, &units, &kinds, segment, first);
        if first {
            for name in &authors {
                if !article.authors.contains(name) {
                    article.authors.push(name.clone());
                }
            }
        }
        if article.blocks.is_empty() && !first {
            // A header with nothing under it: keep what it held on the page's article.
            leftovers.append(&mut article.removed);
            continue;
        }
        if !first {
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
    config: &Config,
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
    let mut title = meta_title.clone();
    if let Some(head) = body.first() {
        let repeats_meta = meta_title.as_ref().is_some_and(|t| key(t) == key(&head.text));
        if repeats_meta || (meta_title.is_none() && body.len() > 1 && is_headline(head)) {
            title = Some(head.text.trim().to_string());
            body.remove(0);
        }
    }
    let kinds = block_kinds(&body);
    let blocks = body
        .iter()
        .zip(kinds)
        .map(|(unit, kind)| Block { kind, span: unit.span, text: unit.text.clone() })
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
    let meta_source = if first { doc.meta.source.clone() } else { None };
    let source = match (meta_source, &segment.outlet, prompt_outlet) {
        (Some(name), _, _) => Source { name, from: SourceFrom::Metadata },
        (None, Some(name), _) => Source { name: name.clone(), from: SourceFrom::Page },
        (None, None, Some(name)) => Source { name, from: SourceFrom::Page },
        (None, None, None) => Source { name: file_stem(&doc.path), from: SourceFrom::FileStem },
    };
    Article {
        id: doc.id.clone(),
        path: doc.path.clone(),
        segment_of: None,
        source,
        title,
        published: doc.meta.published.or(config.default_date),
        url: if first { doc.meta.url.clone() } else { None },
        authors,
        blocks,
        removed,
    }
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
    use super::file_stem;

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("a/b/report.txt"), "report");
        assert_eq!(file_stem("feed.jsonl"), "feed");
        assert_eq!(file_stem("-"), "stdin");
        assert_eq!(file_stem(".hidden"), ".hidden");
    }
}
