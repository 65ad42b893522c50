//! Full-text search over the stored articles: their titles and bodies in an FTS5 index
//! (`search`, rowid the article's id), ranked by BM25 with the title weighing more, each hit
//! with its story and a passage of its body around the first word searched.
//!
//! The index is contentless: the text is kept once, deflated, in `documents`, and a hit's
//! passage is cut from its body extracted again (a page of hits at a time). A query is words
//! and "quoted phrases", all of which a hit holds; a word ending in `*` is a prefix. Anything
//! else in it (FTS5's operators, column filters, brackets) is read as plain words, so no
//! query can fail to parse or reach beyond the index.

use parallax_engine::extract;
use parallax_model::{Article, RawDoc};
use rusqlite::{Transaction, params};

use crate::read::{ARTICLE_COLUMNS, ARTICLE_WIDTH, ArticleRow, DOC_COLUMNS, article_row, raw_doc};
use crate::{Store, StoreError};

/// Most hits one search answers with.
pub const MOST_HITS: usize = 100;
/// Most hits skipped to reach a page: deeper pages are not ranked.
pub const MOST_SKIPPED: usize = 1_000;
/// Most characters a query may hold.
pub const MOST_CHARS: usize = 500;
/// The weight of a title word against a body word in the ranking (BM25 column weights).
const TITLE_WEIGHT: f64 = 3.0;
/// Words of body shown before the first word searched, and in all, in a hit's passage.
const PASSAGE_BEFORE: usize = 12;
const PASSAGE_WORDS: usize = 40;

/// One article a search found.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// The article, with its document and story.
    pub article: ArticleRow,
    /// Words of its body around the first word searched (`…` where cut).
    pub passage: String,
}

impl SearchHit {
    /// As JSON.
    pub fn to_json(&self) -> serde_json::Value {
        let a = &self.article;
        serde_json::json!({
            "document": a.document,
            "id": a.id,
            "title": a.title,
            "source": a.source,
            "published": a.published,
            "url": a.url,
            "story": a.story,
            "passage": self.passage,
        })
    }
}

/// A query as FTS5 reads it: each word and phrase of `text` quoted as a string (a trailing `*`
/// kept as a prefix search), all of them required; `None` when it holds no word. An error
/// says it is longer than a search may be (500 characters).
pub fn query(text: &str) -> Result<Option<String>, String> {
    if text.chars().count() > MOST_CHARS {
        return Err(format!("a search is at most {MOST_CHARS} characters"));
    }
    let mut terms: Vec<String> = Vec::new();
    for (n, part) in text.split('"').enumerate() {
        // Odd parts stand between quotation marks: a phrase.
        let words = words(part);
        if n % 2 == 1 {
            if !words.is_empty() {
                let phrase: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
                terms.push(format!("\"{}\"", phrase.join(" ")));
            }
        } else {
            terms.extend(
                words.into_iter().map(|(w, prefix)| format!("\"{w}\"{}", if prefix { "*" } else { "" })),
            );
        }
    }
    Ok((!terms.is_empty()).then(|| terms.join(" ")))
}

/// The words of `text` (runs of letters and digits, lower-cased), each with whether a `*`
/// follows it.
fn words(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push((std::mem::take(&mut word), c == '*'));
        }
    }
    out
}

/// Adds an article to the index.
pub(crate) fn index(
    tx: &Transaction<'_>,
    article: i64,
    title: Option<&str>,
    body: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)")?.execute(params![
        article,
        title.unwrap_or(""),
        body
    ])?;
    Ok(())
}

/// Indexes every stored article: what the migration that creates the index does for a store
/// written before it. Each document is extracted again; an article extraction no longer
/// finds is indexed by its title alone.
pub(crate) fn index_all(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut docs = tx.prepare(&format!("SELECT {DOC_COLUMNS} FROM documents d ORDER BY d.id"))?;
    let mut stored_of =
        tx.prepare("SELECT id, article_id, title FROM articles WHERE document = ?1 ORDER BY id")?;
    let mut rows = docs.query([])?;
    while let Some(row) = rows.next()? {
        let number: i64 = row.get(9)?;
        let articles = raw_doc(row, 0).map(|doc| stored_articles(&doc)).unwrap_or_default();
        let stored: Vec<(i64, String, Option<String>)> = stored_of
            .query_map([number], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        for (article, id, title) in stored {
            let body =
                articles.iter().find(|a| a.id.as_str() == id).map(Article::body_text).unwrap_or_default();
            index(tx, article, title.as_deref(), &body)?;
        }
    }
    Ok(())
}

/// The articles of a stored document as ingest kept them (extracted again; those with a
/// body): what the index, a hit's passage and a document's page read.
pub fn stored_articles(doc: &RawDoc) -> Vec<Article> {
    extract::extract(doc, &extract::Config::default().admitted())
        .articles
        .into_iter()
        .filter(|a| !a.blocks.is_empty())
        .collect()
}

/// The body of the article `id` of a stored document, when extraction still finds it.
fn body(doc: &RawDoc, id: &str) -> Option<String> {
    stored_articles(doc).into_iter().find(|a| a.id.as_str() == id).map(|a| a.body_text())
}

/// Words of `body` around the first of `words` it holds (a word searched with `*` matches as
/// a prefix), `…` where cut; the body's opening when it holds none.
fn passage(body: &str, words: &[(String, bool)]) -> String {
    let tokens: Vec<&str> = body.split_whitespace().collect();
    let hit = tokens
        .iter()
        .position(|t| {
            let bare: String =
                t.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
            words.iter().any(|(w, prefix)| if *prefix { bare.starts_with(w.as_str()) } else { bare == *w })
        })
        .unwrap_or(0);
    let start = hit.saturating_sub(PASSAGE_BEFORE);
    let end = (start + PASSAGE_WORDS).min(tokens.len());
    let mut out = String::new();
    if start > 0 {
        out.push_str("… ");
    }
    out.push_str(&tokens[start..end].join(" "));
    if end < tokens.len() {
        out.push_str(" …");
    }
    out
}

impl Store {
    /// The articles that hold every word and phrase of `text` ([`query`]), best ranked first
    /// (BM25, title words weighing three times body words; then by article), `limit` of them
    /// (at most [`MOST_HITS`]) after skipping `offset` (at most [`MOST_SKIPPED`]).
    pub fn search(&self, text: &str, limit: usize, offset: usize) -> Result<Vec<SearchHit>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let Ok(Some(fts)) = query(text) else { return Ok(Vec::new()) };
        let (limit, offset) = (limit.min(MOST_HITS), offset.min(MOST_SKIPPED));
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS}, {DOC_COLUMNS}
                 FROM search JOIN articles a ON a.id = search.rowid JOIN documents d ON d.id = a.document
                 WHERE search MATCH ?1
                 ORDER BY bm25(search, {TITLE_WEIGHT}, 1.0), a.id LIMIT ?2 OFFSET ?3"
            ))
            .map_err(fail)?;
        let searched: Vec<(String, bool)> = words(&text.replace('"', " "));
        let rows = stmt
            .query_map(params![fts, limit as i64, offset as i64], |r| {
                let article = article_row(r)?;
                // The document's columns follow the article's.
                let body = raw_doc(r, ARTICLE_WIDTH).ok().and_then(|d| body(&d, &article.id));
                Ok(SearchHit { passage: body.map_or_else(String::new, |b| passage(&b, &searched)), article })
            })
            .map_err(fail)?;
        rows.collect::<Result<_, _>>().map_err(fail)
    }
}
