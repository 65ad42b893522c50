//! Pages for readers, with no script: the river of running stories (`/`), a story's briefing
//! (`/stories/{id}`, the page `parallax brief --format html` writes; `/stories/{id}.atom` is its
//! Atom feed), a stored document (`/documents/{id}`: its body and what was removed as chrome)
//! search (`/search`) and the feeds the server reads (`/feeds`, with forms that add and remove
//! feeds for whoever holds a write token).

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::{
    ListQuery, SearchQuery, bad_document_id, bad_id, listed, no_document, no_story, path_id, searched,
    stored_document,
};
use crate::{Shared, briefing};
use parallax_engine::render::escape_markup as escape;

/// `GET /`: the stories active last, each with its size, origins, dates and related stories.
pub(crate) async fn river(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Response {
    let (query, rows) = match listed(&shared, query).await {
        Ok(listed) => listed,
        Err(answer) => return answer,
    };
    let mut s = head(
        "Parallax: running stories",
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/stories.atom\">\n",
        LIST_STYLE,
    );
    s.push_str("<h1>Running stories</h1>\n");
    s.push_str(SEARCH_FORM);
    s.push_str(
        "<p class=\"meta\"><a href=\"/feeds\">Feeds read</a> · <a href=\"/tokens\">Write tokens</a></p>\n",
    );
    if rows.rows.is_empty() {
        s.push_str("<p>No stories yet: <code>parallax ingest</code> adds documents.</p>\n");
    }
    s.push_str("<ol>\n");
    for r in rows.rows.iter() {
        let _ = write!(
            s,
            "<li><a href=\"/stories/{id}\">{title}</a><div class=\"meta\">{size} article{sp}, {origins}, {outlets} outlet{ap}, {first} to {last}",
            id = r.id,
            title = escape(r.card.headline.as_deref().unwrap_or("(no headline)")),
            size = r.size,
            sp = if r.size == 1 { "" } else { "s" },
            origins = origins(r),
            outlets = r.outlets,
            ap = if r.outlets == 1 { "" } else { "s" },
            first = escape(&r.first_seen),
            last = escape(&r.last_seen),
        );
        if r.card.divergences > 0 {
            let _ = write!(
                s,
                " <span class=\"badge\">{n} divergence{dp}</span>",
                n = r.card.divergences,
                dp = if r.card.divergences == 1 { "" } else { "s" }
            );
        }
        if !r.related.is_empty() {
            s.push_str("; related: ");
            let links: Vec<String> =
                r.related.iter().map(|id| format!("<a href=\"/stories/{id}\">{id}</a>")).collect();
            s.push_str(&links.join(", "));
        }
        s.push_str("</div></li>\n");
    }
    s.push_str("</ol>\n");
    if let Some(next) = query.next_page(&rows) {
        let _ = writeln!(s, "<p><a rel=\"next\" href=\"/?{}\">Older stories</a></p>", escape(&next));
    }
    s.push_str("</body></html>\n");
    html(live(&s, None, Some(rows.seq)))
}

/// `page` with the script that reloads it when what it shows changes: for `story`, that
/// story's changes; else any. With `since`, the change log's last entry when what the page
/// shows was read, it follows the changes after it, so a change made while the page loads is
/// not missed (the river's; a story page is kept per version of the story, and an old entry
/// would be one the log no longer holds, read as "reload" each time).
pub(crate) fn live(page: &str, story: Option<i64>, since: Option<i64>) -> String {
    let mut out = page.to_string();
    if let Some(at) = out.find("<html") {
        let story = story.map(|id| format!(" data-story=\"{id}\"")).unwrap_or_default();
        let since = since.map(|n| format!(" data-since=\"{n}\"")).unwrap_or_default();
        out.insert_str(at + "<html".len(), &format!("{story}{since}"));
    }
    let script = "<script src=\"/live.js\" defer></script>\n";
    match out.rfind("</body>") {
        Some(at) => out.insert_str(at, script),
        None => out.push_str(script),
    }
    out
}

/// `GET /live.js`: the script of [`live`] pages.
pub(crate) async fn script() -> Response {
    let headers =
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "max-age=300")];
    (StatusCode::OK, headers, include_str!("live.js")).into_response()
}

/// `GET /stories/{id}`: the story's briefing page.
pub(crate) async fn story(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    // `/stories/{id}.atom` shares the segment (the router takes no suffix after a parameter).
    let segment = id.map(|Path(s)| s).unwrap_or_default();
    let (number, feed) = match segment.strip_suffix(".atom") {
        Some(number) => (number, true),
        None => (segment.as_str(), false),
    };
    let Some(id) = number.parse::<i64>().ok().filter(|&id| id > 0) else { return bad_id() };
    if feed {
        return crate::atom::story_feed(&shared, id).await;
    }
    match briefing(&shared, id).await {
        Ok(Some((_, briefed))) => briefed.html.answer(&headers, "text/html; charset=utf-8"),
        Ok(None) => no_story(id),
        Err(answer) => answer,
    }
}

/// The style of the pages that list stories or hits, after [`head`]'s own.
/// A story's independent origins as a list says them: "3 independent origins", or that they
/// are being counted (`StoryRow::carded`).
pub(crate) fn origins(r: &parallax_store::StoryRow) -> String {
    match (r.carded, r.card.origins) {
        (false, _) => "origins being counted".to_string(),
        (true, 1) => "1 independent origin".to_string(),
        (true, n) => format!("{n} independent origins"),
    }
}

const LIST_STYLE: &str = "li{margin:.8rem 0}.meta{color:#555;font-size:.9rem}a{color:#0645ad}.badge{background:#fff3bf;color:#5c3c00;border-radius:.3rem;padding:0 .35rem;white-space:nowrap}";

/// A page's opening up to its body: `title` (already escaped), `links` in the head, and
/// `style` after the style every page shares.
pub(crate) fn head(title: &str, links: &str, style: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n{links}<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:1rem auto;padding:0 1rem;color:#222}}{style}</style>\n</head><body>\n"
    )
}

/// The search box: a plain form, so it works without script.
const SEARCH_FORM: &str = "<form action=\"/search\" method=\"get\" role=\"search\"><label>Search articles <input type=\"search\" name=\"q\" required maxlength=\"500\"></label> <button>Search</button></form>\n";

/// `GET /search?q=`: the articles that hold the words searched, each with its story.
pub(crate) async fn search(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<SearchQuery>, QueryRejection>,
) -> Response {
    // The page without words searched is the form alone.
    let (query, hits) = match searched(&shared, query, false).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let asked = hits.is_some();
    let hits = hits.unwrap_or_default();
    let q = query.q.unwrap_or_default();
    let mut s = head(&format!("Parallax: search for {}", escape(&q)), "", LIST_STYLE);
    s.push_str("<p><a href=\"/\">Running stories</a></p>\n<h1>Search</h1>\n");
    s.push_str(&SEARCH_FORM.replace("name=\"q\"", &format!("name=\"q\" value=\"{}\"", escape(&q))));
    if asked && hits.is_empty() {
        s.push_str("<p>No article holds all of these words.</p>\n");
    }
    s.push_str("<ol>\n");
    for h in &hits {
        let a = &h.article;
        let _ = writeln!(
            s,
            "<li><a href=\"/documents/{document}\">{title}</a><div class=\"meta\">{source}{published}, in <a href=\"/stories/{story}\">story {story}</a></div><div>{passage}</div></li>",
            document = a.document,
            story = a.story,
            title = escape(a.title.as_deref().unwrap_or(&a.id)),
            source = escape(&a.source),
            published = a.published.as_deref().map(|p| format!(", {}", escape(p))).unwrap_or_default(),
            passage = escape(&h.passage),
        );
    }
    s.push_str("</ol>\n</body></html>\n");
    html(s)
}

/// `GET /documents/{id}`: a stored document as its reader sees it: each article's body, with
/// its story, and what was removed from it as chrome and why.
pub(crate) async fn document(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<i64>, PathRejection>,
) -> Response {
    let Some(id) = path_id(id) else { return bad_document_id() };
    let articles = match stored_document(&shared, id).await {
        Ok(Some(articles)) => articles,
        Ok(None) => return no_document(id),
        Err(answer) => return answer,
    };
    let title =
        articles.first().and_then(|(a, _)| a.title.clone()).unwrap_or_else(|| format!("Document {id}"));
    let mut s =
        head(&escape(&title), "", ".meta{color:#555;font-size:.9rem}a{color:#0645ad}.removed li{color:#555}");
    s.push_str("<p><a href=\"/\">Running stories</a> · <a href=\"/search\">Search</a></p>\n");
    if articles.is_empty() {
        s.push_str("<p>Extraction finds no article in this document.</p>\n");
    }
    for (a, story) in &articles {
        let _ = writeln!(s, "<article><h1>{}</h1>", escape(a.title.as_deref().unwrap_or("(no title)")));
        let _ = write!(s, "<p class=\"meta\">{}", escape(&a.source));
        if let Some(p) = a.published {
            let _ = write!(s, ", {p}");
        }
        if let Some(url) = a.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        {
            let _ = write!(s, " · <a href=\"{u}\" rel=\"noreferrer nofollow\">{u}</a>", u = escape(url));
        }
        if let Some(story) = story {
            let _ = write!(s, " · in <a href=\"/stories/{story}\">story {story}</a>");
        }
        s.push_str("</p>\n");
        for paragraph in a.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            let _ = writeln!(s, "<p>{}</p>", escape(paragraph));
        }
        if !a.removed.is_empty() {
            s.push_str("<details class=\"removed\"><summary>Removed as chrome</summary><ul>\n");
            for r in &a.removed {
                let kind = serde_json::to_value(r.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let _ = writeln!(s, "<li>{}: {}</li>", escape(&kind.replace('_', " ")), escape(&r.text));
            }
            s.push_str("</ul></details>\n");
        }
        s.push_str("</article>\n");
    }
    s.push_str("</body></html>\n");
    html(s)
}

pub(crate) fn html(body: impl Into<axum::body::Body>) -> Response {
    let body: axum::body::Body = body.into();
    (StatusCode::OK, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

/// What the feeds page says after one of its forms did something.
#[derive(serde::Deserialize, Default)]
struct FeedsDone {
    added: Option<i64>,
    known: Option<i64>,
    removed: Option<i64>,
}

/// `GET /feeds`: the feeds the server polls, with what each last poll found, a form to add one
/// and one per feed to stop it (both need a write token, typed into the form; no script).
pub(crate) async fn feeds(State(shared): State<Arc<Shared>>, query: axum::extract::RawQuery) -> Response {
    let feeds = match crate::with_store(&shared, parallax_store::Store::feeds).await {
        Ok(feeds) => feeds,
        Err(answer) => return answer,
    };
    let done: FeedsDone = query.0.and_then(|q| serde_urlencoded::from_str(&q).ok()).unwrap_or_default();
    let mut s = head(
        "Parallax: feeds",
        "",
        &format!("{LIST_STYLE}.done{{background:#e8f5e9;padding:.4rem .8rem}}form.inline{{display:inline}}"),
    );
    s.push_str("<p><a href=\"/\">Running stories</a> · <a href=\"/search\">Search</a></p>\n<h1>Feeds</h1>\n");
    if let Some(id) = done.added {
        let _ = writeln!(s, "<p class=\"done\" role=\"status\">Feed {id} added: it is being read now.</p>");
    } else if let Some(id) = done.known {
        let _ = writeln!(s, "<p class=\"done\" role=\"status\">Feed {id} was there already.</p>");
    } else if let Some(id) = done.removed {
        let _ = writeln!(
            s,
            "<p class=\"done\" role=\"status\">Feed {id} is no longer polled; its articles stay.</p>"
        );
    }
    let every = shared.config.poll_every.as_secs();
    if shared.config.feed_reader.is_some() && every > 0 {
        let _ = writeln!(s, "<p>Every feed is read every {every} s; a feed added here is read at once.</p>");
    } else {
        s.push_str("<p>This server keeps these feeds but reads none (it runs with <code>--poll-interval 0</code>).</p>\n");
    }
    const TOKEN_FIELD: &str = "<label>Write token <input type=\"password\" name=\"token\" required autocomplete=\"current-password\" maxlength=\"200\"></label>";
    let _ = writeln!(
        s,
        "<form method=\"post\" action=\"/feeds\"><label>Feed address <input type=\"url\" name=\"url\" required maxlength=\"2048\" placeholder=\"https://…\"></label> {TOKEN_FIELD} <button>Add feed</button></form>"
    );
    if feeds.is_empty() {
        s.push_str("<p>No feeds yet.</p>\n");
    }
    s.push_str("<ol>\n");
    for f in &feeds {
        let polled = match (&f.polled, &f.outcome) {
            (Some(at), Some(outcome)) => format!("last read {}: {}", escape(at), escape(outcome)),
            _ => "not read yet".to_string(),
        };
        let _ = writeln!(
            s,
            "<li id=\"feed-{id}\"><a href=\"{url}\" rel=\"noreferrer nofollow\">{url}</a><div class=\"meta\">feed {id}, added {added}; {polled}; {documents} document{dp} added in all</div><form class=\"inline\" method=\"post\" action=\"/feeds\"><input type=\"hidden\" name=\"remove\" value=\"{id}\">{TOKEN_FIELD} <button>Stop reading</button></form></li>",
            id = f.id,
            url = escape(&f.url),
            added = escape(&f.added),
            documents = f.documents,
            dp = if f.documents == 1 { "" } else { "s" },
        );
    }
    s.push_str("</ol>\n</body></html>\n");
    html(s)
}

/// A JSON error answer (made by [`crate::error`]) as a page a browser shows: its status, its
/// message under `title`, and a link `back` (address, words).
pub(crate) async fn as_page(answer: Response, title: &str, back: (&str, &str)) -> Response {
    let status = answer.status();
    let bytes = axum::body::to_bytes(answer.into_body(), 64 * 1024).await.unwrap_or_default();
    let text = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| v["error"]["message"].as_str().map(str::to_string))
        .unwrap_or_else(|| "the request was refused".to_string());
    message(status, title, &text, back)
}

/// A short page that says `text` under `title`, with `status` and a link `back` (address,
/// words): what a form's refusal shows.
pub(crate) fn message(status: StatusCode, title: &str, text: &str, back: (&str, &str)) -> Response {
    let mut s = head(&escape(title), "", "");
    let _ = writeln!(
        s,
        "<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"{}\">{}</a></p>\n</body></html>",
        escape(title),
        escape(text),
        escape(back.0),
        escape(back.1)
    );
    let mut answer = html(s);
    *answer.status_mut() = status;
    answer
}
