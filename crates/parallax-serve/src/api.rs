//! The JSON API under `/api/v1`, and the health routes.

use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use parallax_store::{Cursor, StoryFilter, StoryRow};

use crate::{Shared, briefing, error, with_store};

/// Most stories one list answer holds.
pub(crate) const MOST_STORIES: usize = 500;

/// Most stories read to find those with `min_origins` (origins are counted as a story is read).
const ORIGINS_SCAN: usize = 10_000;

/// What `GET /api/v1/stories` (and the river and the Atom feed) may be asked.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListQuery {
    /// Stories listed, at most [`MOST_STORIES`] (default 50).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) limit: Option<usize>,
    /// Only stories of at least this many articles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) min_size: Option<usize>,
    /// Only stories told by at least this many independent origins (among the
    /// [`ORIGINS_SCAN`] read after the cursor).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) min_origins: Option<usize>,
    /// Only stories whose latest dated article was published on this day or later
    /// (`YYYY-MM-DD`, or an RFC 3339 time, whose day in UTC counts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) since: Option<String>,
    /// Only stories with an article that holds these words and "quoted phrases" (as search
    /// reads them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) q: Option<String>,
    /// Where the list goes on: the `next_cursor` of the page before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) cursor: Option<String>,
}

impl ListQuery {
    /// The query string of the page after `listed`, when the list goes on there.
    pub(crate) fn next_page(&self, listed: &Listed) -> Option<String> {
        let next = ListQuery { cursor: Some(listed.next?.to_string()), ..self.clone() };
        serde_urlencoded::to_string(&next).ok()
    }
}

/// A list of stories, and the same as the JSON `GET /api/v1/stories` answers.
pub(crate) struct Listed {
    pub(crate) rows: Vec<StoryRow>,
    /// The change log's last entry when the list was made: a page showing it follows the
    /// changes after it.
    pub(crate) seq: i64,
    /// Where the next page starts, when the list may go on.
    pub(crate) next: Option<Cursor>,
    pub(crate) json: axum::body::Bytes,
}

/// What a list query may hold, told to one that is not one.
const QUERY_HELP: &str = "the query takes limit, min_size and min_origins (whole numbers), since (YYYY-MM-DD), q (the words searched) and cursor (a next_cursor)";

/// When a list was made: the change log's last entry and the count of cards made again
/// (`KeptRows::refreshed`).
pub(crate) type ListedAt = (i64, u64);

/// Lists kept, one per query asked lately.
const CACHED_LISTS: usize = 64;

/// The stories a list query asks for, latest activity first: made again only when the store's
/// change log has moved since it was last made, or a large story's card has been made again.
pub(crate) async fn list(shared: &Arc<Shared>, query: ListQuery) -> Result<Arc<Listed>, Response> {
    let limit = query.limit.unwrap_or(50);
    if limit == 0 || limit > MOST_STORIES {
        return Err(error(StatusCode::BAD_REQUEST, &format!("limit must be 1 to {MOST_STORIES}")));
    }
    let seq = with_store(shared, |s| s.last_change()).await?;
    // Read before the list is made: a card made again while it is made makes it again next time.
    let refreshed = shared.rows.refreshed();
    let cached =
        || {
            shared.lists.lock().ok().and_then(|l| {
                l.get(&query).filter(|(at, _)| *at == (seq, refreshed)).map(|(_, r)| Arc::clone(r))
            })
        };
    if let Some(rows) = cached() {
        return Ok(rows);
    }
    // One list is made at a time: requests that missed together wait for the first to make it.
    let _making = shared.making_list.lock().await;
    if let Some(rows) = cached() {
        return Ok(rows);
    }
    let filter = filter_of(&query).map_err(|why| error(StatusCode::BAD_REQUEST, &why))?;
    let (rows, next) = read_list(shared, query.min_origins.unwrap_or(0), filter, limit).await?;
    let list: Vec<serde_json::Value> = rows.iter().map(StoryRow::to_json).collect();
    let json =
        serde_json::json!({ "stories": list, "next_cursor": next.map(|c| c.to_string()) }).to_string().into();
    let rows = Arc::new(Listed { rows, seq, next, json });
    if let Ok(mut lists) = shared.lists.lock() {
        if lists.len() >= CACHED_LISTS && !lists.contains_key(&query) {
            lists.pop_first();
        }
        lists.insert(query.clone(), ((seq, refreshed), Arc::clone(&rows)));
    }
    Ok(rows)
}

/// The stories a list query from a request asks for ([`list`]), with the query, or the answer
/// to give when the query is not one.
pub(crate) async fn listed(
    shared: &Arc<Shared>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<(ListQuery, Arc<Listed>), Response> {
    let Ok(Query(query)) = query else {
        return Err(error(StatusCode::BAD_REQUEST, QUERY_HELP));
    };
    let listed = list(shared, query.clone()).await?;
    Ok((query, listed))
}

/// The store's filter for a list query (its size, day, words and place), or why one of them
/// is not one.
fn filter_of(query: &ListQuery) -> Result<StoryFilter, String> {
    let since = match query.since.as_deref() {
        None => None,
        Some(text) => Some(
            text.parse::<jiff::Timestamp>()
                .ok()
                .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date())
                .or_else(|| text.parse::<jiff::civil::Date>().ok())
                .ok_or("since is a day (YYYY-MM-DD) or an RFC 3339 time")?,
        ),
    };
    let search = match query.q.as_deref() {
        None => None,
        Some(text) => {
            parallax_store::search_query(text)?;
            Some(text.to_string())
        }
    };
    let after = match query.cursor.as_deref() {
        None => None,
        Some(text) => Some(Cursor::parse(text).ok_or("cursor is the next_cursor of an earlier page")?),
    };
    let min_size = query.min_size.unwrap_or(1).max(1);
    Ok(StoryFilter { min_size, since, search, after })
}

/// The stories `filter` keeps that are told by at least `min_origins` independent origins,
/// `limit` of them, read from the store, with the place the next page starts when the list
/// may go on.
async fn read_list(
    shared: &Arc<Shared>,
    min_origins: usize,
    mut filter: StoryFilter,
    limit: usize,
) -> Result<(Vec<StoryRow>, Option<Cursor>), Response> {
    if min_origins == 0 {
        let kept = Arc::clone(shared);
        let page =
            with_store(shared, move |s| s.stories_page_kept(&filter, Some(limit), Some(&kept.rows))).await?;
        return Ok((page.rows.into_iter().map(|(row, _)| row).collect(), page.next));
    }
    // Origins are counted when a story is read: read more (a bounded number, the ones next in
    // the list) and keep those with enough; the next page starts after the last one read.
    let read = limit.saturating_mul(20).min(ORIGINS_SCAN);
    filter.min_size = filter.min_size.max(min_origins);
    let kept = Arc::clone(shared);
    let page =
        with_store(shared, move |s| s.stories_page_kept(&filter, Some(read), Some(&kept.rows))).await?;
    let (mut kept, mut next) = (Vec::new(), page.next);
    let count = page.rows.len();
    for (n, (row, place)) in page.rows.into_iter().enumerate() {
        if row.card.origins < min_origins {
            continue;
        }
        kept.push(row);
        if kept.len() == limit {
            next = (n + 1 < count || next.is_some()).then_some(place);
            break;
        }
    }
    Ok((kept, next))
}

/// `GET /api/v1/stories`.
pub(crate) async fn stories(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Response {
    match listed(&shared, query).await {
        Ok((_, listed)) => {
            (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], listed.json.clone())
                .into_response()
        }
        Err(answer) => answer,
    }
}

/// A story's or a document's id from the path, when it is one (a positive number).
pub(crate) fn path_id(id: Result<Path<i64>, PathRejection>) -> Option<i64> {
    id.ok().map(|Path(id)| id).filter(|&id| id > 0)
}

/// The answer to a story id that is not one.
pub(crate) fn bad_id() -> Response {
    error(StatusCode::BAD_REQUEST, "a story id is a positive whole number")
}

/// `GET /api/v1/stories/{id}`: the story's briefing (`parallax.brief/1`), with its version as
/// the `ETag`.
pub(crate) async fn story(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<i64>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let Some(id) = path_id(id) else { return bad_id() };
    match briefing(&shared, id).await {
        Ok(Some((version, briefed))) => {
            let etag = format!("\"{version:016x}\"");
            let unchanged = headers
                .get(header::IF_NONE_MATCH)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
            if unchanged {
                return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
            }
            let mut answer = briefed.json.answer(&headers, "application/json");
            if let Ok(value) = HeaderValue::from_str(&etag) {
                answer.headers_mut().insert(header::ETAG, value);
            }
            answer
        }
        Ok(None) => no_story(id),
        Err(answer) => answer,
    }
}

/// `GET /api/v1/stories/{id}/documents`: the story's documents, without their text.
pub(crate) async fn documents(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<i64>, PathRejection>,
) -> Response {
    let Some(id) = path_id(id) else { return bad_id() };
    match with_store(&shared, move |s| s.story_documents(id)).await {
        Ok(Some(docs)) => {
            let list: Vec<serde_json::Value> = docs
                .iter()
                .map(|d| {
                    serde_json::json!({
                        "id": d.id.as_str(),
                        "title": d.meta.title,
                        "source": d.meta.source,
                        "published": d.meta.published.map(|p| p.to_string()),
                        "url": d.meta.url.as_ref().map(ToString::to_string),
                    })
                })
                .collect();
            json(StatusCode::OK, &serde_json::json!({ "story": id, "documents": list }))
        }
        Ok(None) => no_story(id),
        Err(answer) => answer,
    }
}

/// Stored document `number`'s articles as a briefing's `documents` give them (body, and what
/// was removed and why), each with its story; `None` when there is no such document.
pub(crate) async fn stored_document(
    shared: &Arc<Shared>,
    number: i64,
) -> Result<Option<Vec<(parallax_model::BriefDocument, Option<i64>)>>, Response> {
    with_store(shared, move |s| {
        let Some(parallax_store::StoredDocument { doc, stories }) = s.document(number)? else {
            return Ok(None);
        };
        let articles = parallax_store::stored_articles(&doc)
            .iter()
            .map(|a| {
                let story = stories.iter().find(|(id, _)| id == a.id.as_str()).map(|&(_, story)| story);
                (parallax_engine::pipeline::document(a), story)
            })
            .collect();
        Ok(Some(articles))
    })
    .await
}

/// `GET /api/v1/documents/{id}`: a stored document's articles, each with its body, what was
/// removed from it as chrome (and why), and its story.
pub(crate) async fn document(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<i64>, PathRejection>,
) -> Response {
    let Some(id) = path_id(id) else { return bad_document_id() };
    match stored_document(&shared, id).await {
        Ok(Some(articles)) => {
            let list: Vec<serde_json::Value> = articles
                .iter()
                .map(|(a, story)| {
                    let mut v = serde_json::to_value(a).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        o.insert("story".to_string(), serde_json::json!(story));
                    }
                    v
                })
                .collect();
            json(StatusCode::OK, &serde_json::json!({ "document": id, "articles": list }))
        }
        Ok(None) => no_document(id),
        Err(answer) => answer,
    }
}

/// The answer to a document id that is not one.
pub(crate) fn bad_document_id() -> Response {
    error(StatusCode::BAD_REQUEST, "a document id is a positive whole number")
}

/// The answer for a document that is not in the store.
pub(crate) fn no_document(id: i64) -> Response {
    error(StatusCode::NOT_FOUND, &format!("no document {id}"))
}

/// What `GET /api/v1/search` (and the search page) may be asked.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchQuery {
    /// Words and "quoted phrases", all of which a hit holds; `word*` a prefix.
    pub(crate) q: Option<String>,
    /// Hits answered, at most [`parallax_store::MOST_HITS`] (default 20).
    pub(crate) limit: Option<usize>,
    /// Hits skipped first, at most [`parallax_store::MOST_SKIPPED`].
    pub(crate) offset: Option<usize>,
}

/// The hits of a search query (none asked when it has no `q` and `need_words` is false), or
/// the answer to give when the query is not one (400).
pub(crate) async fn searched(
    shared: &Arc<Shared>,
    query: Result<Query<SearchQuery>, QueryRejection>,
    need_words: bool,
) -> Result<(SearchQuery, Option<Vec<parallax_store::SearchHit>>), Response> {
    let Ok(Query(query)) = query else {
        return Err(error(
            StatusCode::BAD_REQUEST,
            "the query takes q (the words searched), limit and offset (whole numbers)",
        ));
    };
    let limit = query.limit.unwrap_or(20);
    let most = parallax_store::MOST_HITS;
    if limit == 0 || limit > most {
        return Err(error(StatusCode::BAD_REQUEST, &format!("limit must be 1 to {most}")));
    }
    let offset = query.offset.unwrap_or(0);
    let skipped = parallax_store::MOST_SKIPPED;
    if offset > skipped {
        return Err(error(StatusCode::BAD_REQUEST, &format!("offset must be 0 to {skipped}")));
    }
    let Some(text) = query.q.clone().filter(|q| !q.is_empty()) else {
        if need_words {
            return Err(error(StatusCode::BAD_REQUEST, "the query needs q, the words searched"));
        }
        return Ok((query, None));
    };
    // A query of no words finds nothing; one too long is refused.
    if let Err(why) = parallax_store::search_query(&text) {
        return Err(error(StatusCode::BAD_REQUEST, &why));
    }
    let hits = with_store(shared, move |s| s.search(&text, limit, offset)).await?;
    Ok((query, Some(hits)))
}

/// `GET /api/v1/search`: articles that hold the words searched, best ranked first, each with
/// its story.
pub(crate) async fn search(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<SearchQuery>, QueryRejection>,
) -> Response {
    match searched(&shared, query, true).await {
        Ok((query, hits)) => {
            let hits: Vec<serde_json::Value> =
                hits.unwrap_or_default().iter().map(parallax_store::SearchHit::to_json).collect();
            json(StatusCode::OK, &serde_json::json!({ "query": query.q, "hits": hits }))
        }
        Err(answer) => answer,
    }
}

/// The answer for a story that is not in the store.
pub(crate) fn no_story(id: i64) -> Response {
    error(
        StatusCode::NOT_FOUND,
        &format!("no story {id} (stories merge and retire ids; see /api/v1/stories)"),
    )
}

/// `GET /healthz`: the process answers.
pub(crate) async fn healthz() -> Response {
    json(StatusCode::OK, &serde_json::json!({"status": "ok"}))
}

/// `GET /readyz`: the store can be read.
pub(crate) async fn readyz(State(shared): State<Arc<Shared>>) -> Response {
    match with_store(&shared, |s| s.stats()).await {
        Ok(stats) => json(
            StatusCode::OK,
            &serde_json::json!({"status": "ready", "documents": stats.documents, "stories": stats.stories}),
        ),
        Err(answer) => answer,
    }
}

/// Any other path.
pub(crate) async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "no such page (the API is under /api/v1; see /api/v1/openapi.json)")
}

/// A method the path does not take.
pub(crate) async fn not_allowed() -> Response {
    error(StatusCode::METHOD_NOT_ALLOWED, "this path does not take that method (see /api/v1/openapi.json)")
}

/// `GET /api/v1/openapi.json`.
pub(crate) async fn openapi() -> Response {
    (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], include_str!("openapi.json"))
        .into_response()
}

/// A JSON answer.
pub(crate) fn json(status: StatusCode, value: &serde_json::Value) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], value.to_string()).into_response()
}
