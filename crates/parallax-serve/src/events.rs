//! `GET /api/v1/events`: server-sent events as stories change, read from the store's change
//! log (written by every ingest batch, whoever wrote it: `ingest`, `watch` or this server).
//!
//! Each event is `story.created`, `story.updated` or `story.merged`, its `id` the change's
//! place in the log, its data the story as listed (headline, size, origins, outlets,
//! divergences, dates) with the change. A story of more than `parallax_store::CARD_AT_ONCE`
//! articles that grows (or any, when the changes come faster than their cards can be made:
//! [`CARDS_PER_READ`]) is told at once with its new size, outlets and dates and the headline,
//! origins and divergences of its previous version while its card is made again in the
//! background (`parallax_store::KeptRows`); one whose card this server has not made yet is told
//! without those three. When the card is made, a `story.carded` event tells the story with it
//! (no `id`: it is no change of the story, and a stream resumed later reads the card with the
//! changes it replays; its `size` says which version was counted). A client that reconnects
//! with `Last-Event-ID` (or `?since=`) gets every change after it; a new client, the changes
//! from now on. The log keeps its last
//! [`parallax_store::CHANGES_KEPT`] changes: a client resuming from an older one first gets a
//! `stream.reset` event (reload what you show), then the changes the log holds. A stream ends
//! when the server is told to stop.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use parallax_store::{Change, StoryRow};
use tokio_stream::wrappers::ReceiverStream;

use crate::{Shared, error, with_store};

/// How often the change log is read for each open stream.
const POLL: Duration = Duration::from_millis(250);

/// Changes read from the log at a time.
const CHANGES_PER_READ: usize = 200;

/// How long a read of the changes may spend making the cards of the stories they touched
/// (`Store::story_kept`); past it, stories are told with the cards kept for them.
const CARDS_PER_READ: Duration = Duration::from_millis(50);

/// What `GET /api/v1/events` may be asked.
#[derive(Clone, Copy, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventsQuery {
    /// Replay the changes after this one (as `Last-Event-ID` does).
    since: Option<i64>,
}

/// `GET /api/v1/events`.
pub(crate) async fn events(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    query: Result<Query<EventsQuery>, QueryRejection>,
) -> Response {
    let Ok(Query(query)) = query else {
        return error(StatusCode::BAD_REQUEST, "the query takes since, a change number");
    };
    let Ok(stream_slot) = Arc::clone(&shared.streams).try_acquire_owned() else {
        return error(StatusCode::SERVICE_UNAVAILABLE, "too many event streams open; retry later");
    };
    let resume =
        headers.get("last-event-id").and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<i64>().ok());
    let start = match resume.or(query.since) {
        Some(seq) => seq.max(0),
        None => match with_store(&shared, |s| s.last_change()).await {
            Ok(seq) => seq,
            Err(answer) => return answer,
        },
    };
    // A reader resuming from a change the log no longer holds is told it missed some.
    let first = match with_store(&shared, |s| s.first_change()).await {
        Ok(first) => first,
        Err(answer) => return answer,
    };
    let (sender, receiver) = tokio::sync::mpsc::channel::<Result<Event, std::convert::Infallible>>(64);
    if first > start.saturating_add(1) {
        let data = serde_json::json!({"missed_after": start, "resumes_at": first});
        let _ = sender.try_send(Ok(Event::default().event("stream.reset").data(data.to_string())));
    }
    let mut stopping = shared.stopping.subscribe();
    let mut carded = shared.carded.subscribe();
    tokio::spawn(async move {
        let _slot = stream_slot;
        let mut seq = start;
        while !sender.is_closed() && !*stopping.borrow() {
            let after = seq;
            let kept = Arc::clone(&shared);
            let read = with_store(&shared, move |s| {
                let changes = s.changes_since(after, CHANGES_PER_READ)?;
                // Rows kept per story version, shared with the lists and the other streams;
                // cards made for at most CARDS_PER_READ, the rest told with their kept ones.
                let until = std::time::Instant::now() + CARDS_PER_READ;
                changes
                    .into_iter()
                    .map(|c| s.story_kept(c.story, Some(&kept.rows), until).map(|row| (c, row)))
                    .collect::<Result<Vec<_>, _>>()
            })
            .await;
            let changes = read.unwrap_or_default();
            let full = changes.len() == CHANGES_PER_READ;
            for (change, row) in changes {
                seq = change.seq;
                // A reader that does not read fills the channel: the stream still ends on stop.
                tokio::select! {
                    sent = sender.send(Ok(event(&change, row.as_ref()))) => if sent.is_err() { return },
                    _ = stopping.changed() => return,
                }
            }
            if !full {
                // Ends at once when the server stops (the sender dropped ends the stream). A
                // card made meanwhile is told at once.
                tokio::select! {
                    () = tokio::time::sleep(POLL) => {},
                    _ = stopping.changed() => {},
                    row = carded.recv() => {
                        let mut rows: Vec<Arc<StoryRow>> = row.into_iter().collect();
                        while let Ok(row) = carded.try_recv() {
                            rows.push(row);
                        }
                        for row in rows {
                            if sender.send(Ok(carded_event(&row))).await.is_err() {
                                return;
                            }
                        }
                    },
                }
            }
        }
    });
    Sse::new(ReceiverStream::new(receiver)).keep_alive(KeepAlive::default()).into_response()
}

/// The event of one change, with the story as it is now (when it still is).
fn event(change: &Change, row: Option<&StoryRow>) -> Event {
    let mut data = serde_json::json!({
        "seq": change.seq,
        "story": change.story,
        "kind": change.kind,
        "at": change.at,
    });
    if let Some(other) = change.other {
        data["merged"] = other.into();
    }
    if let Some(row) = row {
        tell_row(&mut data, row);
    }
    Event::default().id(change.seq.to_string()).event(format!("story.{}", change.kind)).data(data.to_string())
}

/// The event of a card made again in the background: the story with it, no `id`.
fn carded_event(row: &StoryRow) -> Event {
    let mut data = serde_json::json!({"story": row.id, "kind": "carded"});
    tell_row(&mut data, row);
    Event::default().event("story.carded").data(data.to_string())
}

/// Adds what an event tells of a story as listed to `data`: a story whose card is still being
/// made is told without it.
fn tell_row(data: &mut serde_json::Value, row: &StoryRow) {
    if row.carded {
        data["headline"] = row.card.headline.clone().into();
        data["origins"] = row.card.origins.into();
        data["divergences"] = row.card.divergences.into();
    }
    data["size"] = row.size.into();
    data["outlets"] = row.outlets.into();
    data["first_seen"] = row.first_seen.clone().into();
    data["last_seen"] = row.last_seen.clone().into();
}
