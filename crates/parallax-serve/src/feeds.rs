//! Feeds the server polls, as `parallax watch` polls them, in the same process: `GET
//! /api/v1/feeds` lists them with what each last poll found; `POST /api/v1/feeds`
//! (`{"url": "https://…"}`, with a write token) adds one and polls it at once; `DELETE
//! /api/v1/feeds/{id}` (with a write token) stops polling one. The list lives in the store, so a
//! restart forgets none.
//!
//! The poller reads every feed each [`crate::Config::poll_every`] through the
//! [`FeedReader`] the binary supplies (the CLI's reading of a URL: the feed, then its items'
//! pages, within the fetch policy) and places the new documents as a write does, one batch per
//! feed, committed whole. A feed's address is held to the write policy when it is added
//! (http or https, public addresses unless `--allow-private-urls`), and the reader holds every
//! link and redirect to the same policy.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use parallax_model::{Diagnostic, RawDoc};
use parallax_store::{FeedRow, Store};

use crate::api::{json, path_id};
use crate::write::{place, reachable, writer};
use crate::{Shared, error, with_store};

/// Feeds one store may hold; past it, an addition is refused (400).
pub const MOST_FEEDS: usize = 1000;

/// Largest body `POST /api/v1/feeds` reads.
const MOST_BODY: usize = 16 * 1024;

/// What reading a feed gives.
#[derive(Debug, Default)]
pub struct FeedRead {
    /// Its items' documents.
    pub documents: Vec<(RawDoc, bool)>,
    /// What could not be read: an item whose page failed, or the feed itself.
    pub problems: Vec<Diagnostic>,
    /// Items left unread because a document from their link is stored already.
    pub known: usize,
    /// Whether the feed answered that nothing changed since its last poll (304).
    pub unchanged: bool,
}

/// How the server reads a feed at an address: given by the binary (the CLI reads it as
/// `parallax watch` does), run off the async threads.
#[derive(Clone)]
pub struct FeedReader(pub Arc<dyn Fn(&str) -> FeedRead + Send + Sync>);

impl std::fmt::Debug for FeedReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FeedReader")
    }
}

/// A feed as the API shows it.
fn shown(feed: &FeedRow) -> serde_json::Value {
    serde_json::json!({
        "id": feed.id,
        "url": feed.url,
        "added": feed.added,
        "polled": feed.polled,
        "outcome": feed.outcome,
        "documents": feed.documents,
    })
}

/// `GET /api/v1/feeds`: every feed, in the order added.
pub(crate) async fn list(State(shared): State<Arc<Shared>>) -> Response {
    match with_store(&shared, Store::feeds).await {
        Ok(feeds) => json(
            StatusCode::OK,
            &serde_json::json!({
                "feeds": feeds.iter().map(shown).collect::<Vec<_>>(),
                "polling": shared.config.feed_reader.is_some() && !shared.config.poll_every.is_zero(),
                "poll_every_seconds": shared.config.poll_every.as_secs(),
            }),
        ),
        Err(answer) => answer,
    }
}

/// `POST /api/v1/feeds`: adds the feed at `{"url": …}` (201; 200 with the feed as it was when
/// it is there already) and polls it at once. The token is checked before the body is read.
pub(crate) async fn add(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let url = match crate::write::written_field(
        &shared,
        request,
        MOST_BODY,
        "url",
        "the body is {\"url\": \"https://…\"}, the feed's address",
    )
    .await
    {
        Ok(url) => url.trim().to_string(),
        Err(answer) => return answer,
    };
    match added(&shared, url).await {
        Ok((feed, new)) => {
            let status = if new { StatusCode::CREATED } else { StatusCode::OK };
            json(status, &serde_json::json!({"feed": shown(&feed)}))
        }
        Err(answer) => answer,
    }
}

fn too_large() -> Response {
    error(StatusCode::PAYLOAD_TOO_LARGE, &format!("a feed is added by a body of at most {MOST_BODY} bytes"))
}

/// Adds the feed at `url`, held to the fetch policy, and wakes the poller when it is new: the
/// feed and whether it is new, or the answer to give.
async fn added(shared: &Arc<Shared>, url: String) -> Result<(FeedRow, bool), Response> {
    reachable(shared, &url).await?;
    let path = shared.config.db.clone();
    let _writing = shared.writer.lock().await;
    let added = tokio::task::spawn_blocking(move || {
        let mut store = Store::open(&path)?;
        let feeds = store.feeds()?;
        if !feeds.iter().any(|f| f.url == url) && feeds.len() >= MOST_FEEDS {
            return Ok(None);
        }
        store.add_feed(&url, &parallax_store::stamp(jiff::Timestamp::now())).map(Some)
    })
    .await;
    match added {
        Ok(Ok(Some((feed, new)))) => {
            if new {
                shared.poll_now.notify_one();
            }
            Ok((feed, new))
        }
        Ok(Ok(None)) => Err(error(
            StatusCode::BAD_REQUEST,
            &format!("the store holds {MOST_FEEDS} feeds, the most it may"),
        )),
        Ok(Err(e)) => Err(error(StatusCode::SERVICE_UNAVAILABLE, &e.to_string())),
        Err(_) => Err(error(StatusCode::INTERNAL_SERVER_ERROR, "the feed could not be added")),
    }
}

/// Stops polling feed `id`: whether there was one, or the answer to give.
async fn removed(shared: &Arc<Shared>, id: i64) -> Result<bool, Response> {
    let path = shared.config.db.clone();
    let _writing = shared.writer.lock().await;
    match tokio::task::spawn_blocking(move || Store::open(&path)?.remove_feed(id)).await {
        Ok(Ok(found)) => Ok(found),
        Ok(Err(e)) => Err(error(StatusCode::SERVICE_UNAVAILABLE, &e.to_string())),
        Err(_) => Err(error(StatusCode::INTERNAL_SERVER_ERROR, "the feed could not be removed")),
    }
}

/// `DELETE /api/v1/feeds/{id}`: stops polling feed `id` (204; 404 when there is none). The
/// documents its polls added stay.
pub(crate) async fn remove(
    State(shared): State<Arc<Shared>>,
    id: Result<Path<i64>, PathRejection>,
    request: Request,
) -> Response {
    if let Err(answer) = writer(&shared, request.headers()).await {
        return answer;
    }
    let Some(id) = path_id(id) else {
        return error(StatusCode::BAD_REQUEST, "a feed id is a positive whole number");
    };
    match removed(&shared, id).await {
        Ok(true) => StatusCode::NO_CONTENT.into_response(),
        Ok(false) => error(StatusCode::NOT_FOUND, &format!("no feed {id}")),
        Err(answer) => answer,
    }
}

/// What the feeds page's forms send: the write token (or one in the request's headers), and
/// the address to add or the feed to remove.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedForm {
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    remove: Option<i64>,
}

/// `POST /feeds`: the feeds page's forms, for a browser with no script: adds `url` or removes
/// feed `remove`, then goes back to the page (303). The token is the form's (a password field)
/// or the request's header.
pub(crate) async fn form(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Some(body) = crate::write::body_within(&parts.headers, body, MOST_BODY).await else {
        return page_error(too_large()).await;
    };
    let Ok(form) = serde_urlencoded::from_bytes::<FeedForm>(&body) else {
        return page_error(error(
            StatusCode::BAD_REQUEST,
            "the form is url=ADDRESS or remove=ID, with token=TOKEN",
        ))
        .await;
    };
    let token = form
        .token
        .filter(|t| !t.trim().is_empty())
        .or_else(|| crate::write::token_of(&parts.headers).map(str::to_string));
    if let Err(answer) = crate::write::writer_of(&shared, token).await {
        return page_error(answer).await;
    }
    let done = match (form.url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty()), form.remove) {
        (Some(url), None) => added(&shared, url)
            .await
            .map(|(feed, new)| if new { format!("added={}", feed.id) } else { format!("known={}", feed.id) }),
        (None, Some(id)) => match removed(&shared, id).await {
            Ok(true) => Ok(format!("removed={id}")),
            Ok(false) => Err(error(StatusCode::NOT_FOUND, &format!("no feed {id}"))),
            Err(answer) => Err(answer),
        },
        _ => Err(error(StatusCode::BAD_REQUEST, "the form is url=ADDRESS or remove=ID, with token=TOKEN")),
    };
    match done {
        Ok(query) => {
            let mut answer = StatusCode::SEE_OTHER.into_response();
            if let Ok(to) = axum::http::HeaderValue::from_str(&format!("/feeds?{query}")) {
                answer.headers_mut().insert(axum::http::header::LOCATION, to);
            }
            answer
        }
        Err(answer) => page_error(answer).await,
    }
}

/// A refusal as a page a browser shows.
async fn page_error(answer: Response) -> Response {
    crate::pages::as_page(answer, "The feeds were not changed", ("/feeds", "Back to the feeds")).await
}

/// Polls every feed of the store now, then every `poll_every`, or at once when a feed is
/// added; runs until the server stops (a batch in flight is committed whole first).
pub(crate) async fn poll(shared: Arc<Shared>) {
    let Some(reader) = shared.config.feed_reader.clone() else { return };
    let every = shared.config.poll_every;
    if every.is_zero() {
        return;
    }
    let every = every.max(LEAST_POLL_EVERY);
    loop {
        if let Ok(feeds) = with_store(&shared, Store::feeds).await {
            for feed in feeds {
                poll_one(&shared, &reader, feed).await;
            }
        }
        tokio::select! {
            () = tokio::time::sleep(every) => {}
            () = shared.poll_now.notified() => {}
        }
    }
}

/// Reads `feed`, places its documents, and records what the poll found.
async fn poll_one(shared: &Arc<Shared>, reader: &FeedReader, feed: FeedRow) {
    let read = Arc::clone(&reader.0);
    let url = feed.url.clone();
    let Ok(FeedRead { documents: docs, problems, known, unchanged }) =
        tokio::task::spawn_blocking(move || read(&url)).await
    else {
        return;
    };
    let failed = docs.is_empty() && known == 0 && !problems.is_empty();
    let mut added = 0;
    let placed = if docs.is_empty() {
        Ok((0, 0))
    } else {
        place(shared, docs).await.map(|(r, _)| (r.added, r.already))
    };
    let mut outcome = match placed {
        // Nothing read and nothing known: only the problems say what happened.
        Ok((0, 0)) if known == 0 => String::new(),
        Ok((new, already)) => {
            added = new;
            // An item known before the poll was not fetched: it is stored already too.
            format!(
                "{} new document{}, {} already stored",
                new,
                if new == 1 { "" } else { "s" },
                already + known
            )
        }
        Err(_) => "its documents could not be stored".to_string(),
    };
    if let Some(first) = problems.first() {
        let more = problems.len() - 1;
        let also = if more > 0 { format!(" (and {more} more)") } else { String::new() };
        let problem = format!("{}: {}{also}", first.input, first.message);
        outcome = if outcome.is_empty() { problem } else { format!("{outcome}; {problem}") };
    }
    if outcome.is_empty() {
        outcome = if unchanged { "unchanged since the last poll" } else { "no item" }.to_string();
    }
    if let Ok(mut m) = shared.metrics.lock() {
        m.polled(!failed);
    }
    eprintln!("parallax: feed {}: {outcome}", feed.url);
    let path = shared.config.db.clone();
    let _writing = shared.writer.lock().await;
    let _ = tokio::task::spawn_blocking(move || {
        let now = parallax_store::stamp(jiff::Timestamp::now());
        Store::open(&path)?.feed_polled(feed.id, &now, &outcome, added as u64)
    })
    .await;
}

/// How long the poller waits, at least, between two rounds: a shorter
/// [`crate::Config::poll_every`] is raised to it.
pub const LEAST_POLL_EVERY: Duration = Duration::from_secs(1);
