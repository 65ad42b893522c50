//! `POST /api/v1/documents`: documents added by a program holding a write token, in the JSON
//! Lines record format `parallax ingest` reads (one record as `application/json`, or one per
//! line), or a page by its address (`{"url": "https://…"}`, fetched by the server within the
//! fetch policy: public addresses only unless `--allow-private-urls`), placed into stories as
//! `ingest` places them.
//!
//! Refused before anything is written: no token or an unknown or revoked one (401), more
//! requests than the token's rate allows (429 with `Retry-After`), a body over the size limit
//! or more records than allowed (413), nothing that reads as a document (400, with each
//! record's problem), a URL the fetch policy refuses (400, before any request is made). A
//! batch is committed whole or not at all.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use parallax_engine::ingest::jsonl_record;
use parallax_store::{IngestConfig, Store};

use crate::api::json;
use crate::{Shared, error, with_store};

/// Requests a token may make at once before the rate applies.
const BURST: f64 = 20.0;

/// Per token: requests it may still make now, and when that was counted.
#[derive(Default)]
pub(crate) struct Buckets {
    by_token: HashMap<String, (f64, Option<Instant>)>,
}

impl Buckets {
    /// Takes one request from `name`'s allowance (refilled at `rate` a second up to [`BURST`]);
    /// false when none is left.
    fn take(&mut self, name: &str, rate: f64, now: Instant) -> bool {
        let (left, at) = self.by_token.entry(name.to_string()).or_insert((BURST, None));
        if let Some(then) = *at {
            *left = (*left + now.duration_since(then).as_secs_f64() * rate).min(BURST);
        }
        *at = Some(now);
        if *left >= 1.0 {
            *left -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The token a request carries: an `Authorization: Bearer …` header, else an `X-Auth-Token`
/// header.
pub(crate) fn token_of(headers: &HeaderMap) -> Option<&str> {
    let bearer = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|value| {
        let (scheme, token) = value.split_once(' ')?;
        scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
    });
    let plain = || headers.get("x-auth-token").and_then(|v| v.to_str().ok()).map(str::trim);
    bearer.or_else(plain).filter(|t| !t.is_empty())
}

/// A 401 answer that says how to authenticate.
pub(crate) fn unauthorized(message: &str) -> Response {
    let mut answer = error(StatusCode::UNAUTHORIZED, message);
    answer.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    answer
}

/// The name of the write token `headers` carry, once it is found live and within its rate;
/// else the answer to give (401, or 429 with `Retry-After`).
pub(crate) async fn writer(shared: &Arc<Shared>, headers: &HeaderMap) -> Result<String, Response> {
    writer_of(shared, token_of(headers).map(str::to_string)).await
}

/// The string `field` of a write's JSON body of at most `most` bytes, once the request's token
/// is found live and within its rate (before the body is read); else the answer to give: 401 or
/// 429, 413 for a larger body, 400 saying `shape` for a body without the field.
pub(crate) async fn written_field(
    shared: &Arc<Shared>,
    request: Request,
    most: usize,
    field: &str,
    shape: &str,
) -> Result<String, Response> {
    let (parts, body) = request.into_parts();
    writer(shared, &parts.headers).await?;
    let Some(body) = body_within(&parts.headers, body, most).await else {
        return Err(error(StatusCode::PAYLOAD_TOO_LARGE, &format!("a body of at most {most} bytes")));
    };
    serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v.get(field).and_then(|f| f.as_str()).map(str::to_string))
        .ok_or_else(|| error(StatusCode::BAD_REQUEST, shape))
}

/// The name of the write token `token`, once it is found live and within its rate; else the
/// answer to give (401, or 429 with `Retry-After`).
pub(crate) async fn writer_of(shared: &Arc<Shared>, token: Option<String>) -> Result<String, Response> {
    let Some(token) = token.filter(|t| !t.trim().is_empty()) else {
        return Err(unauthorized(
            "a write needs a token: `Authorization: Bearer TOKEN` or `X-Auth-Token: TOKEN` (`parallax token create NAME`)",
        ));
    };
    let name = match with_store(shared, move |s| s.token_name(token.trim())).await? {
        Some(name) => name,
        None => return Err(unauthorized("the token is not known or was revoked")),
    };
    let allowed =
        shared.buckets.lock().is_ok_and(|mut b| b.take(&name, shared.config.write_rate, Instant::now()));
    if !allowed {
        let mut answer = error(StatusCode::TOO_MANY_REQUESTS, "too many writes for this token; slow down");
        answer.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return Err(answer);
    }
    Ok(name)
}

/// A request's body of at most `most` bytes, or `None` when it is larger: refused from its
/// `Content-Length` before a byte of it is read (a client announcing 100 MB is not waited
/// for), else when reading passes the limit.
pub(crate) async fn body_within(
    headers: &HeaderMap,
    body: axum::body::Body,
    most: usize,
) -> Option<axum::body::Bytes> {
    let announced =
        headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
    if announced.is_some_and(|n| n > most as u64) {
        return None;
    }
    axum::body::to_bytes(body, most).await.ok()
}

/// `POST /api/v1/documents`. The token is checked before the body is read.
pub(crate) async fn documents(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let headers = &parts.headers;
    let name = match writer(&shared, headers).await {
        Ok(name) => name,
        Err(answer) => return answer,
    };
    let limit = shared.config.max_body;
    let body = match body_within(headers, body, limit).await {
        Some(body) => body,
        None => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!("the body is over the {limit} bytes allowed"),
            );
        }
    };
    let whole = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("application/json"));
    if whole && let Some(url) = url_asked(&body) {
        return match fetched(&shared, url).await {
            Ok(doc) => store(&shared, vec![doc], Vec::new(), name).await,
            Err(answer) => answer,
        };
    }
    let lines: Vec<&[u8]> = if whole {
        vec![&body[..]]
    } else {
        body.split(|&b| b == b'\n').filter(|l| !l.trim_ascii().is_empty()).collect()
    };
    if lines.len() > shared.config.max_records {
        let most = shared.config.max_records;
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("{} records; at most {most} per request", lines.len()),
        );
    }
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    let read = parallax_engine::ingest::Config::default();
    for (n, line) in lines.iter().enumerate() {
        match jsonl_record("request", "posted", n + 1, line, &read) {
            Ok(Some(record)) => {
                problems.extend(record.problems);
                docs.push((record.doc, record.explicit_id));
            }
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
    }
    let problems: Vec<serde_json::Value> =
        problems.iter().map(|p| serde_json::json!({"input": p.input, "message": p.message})).collect();
    if docs.is_empty() {
        return json(
            StatusCode::BAD_REQUEST,
            &serde_json::json!({"error": {"status": 400, "message": "no document in the body"}, "problems": problems}),
        );
    }
    store(&shared, docs, problems, name).await
}

/// The longest URL a write may name.
const MOST_URL_BYTES: usize = 2048;

/// The URL of a body that asks for a page by its address (`{"url": "https://…"}`, with no
/// `text` or `html` of its own), when it is one.
fn url_asked(body: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let object = value.as_object()?;
    if object.contains_key("text") || object.contains_key("html") {
        return None;
    }
    object.get("url")?.as_str().map(str::to_string)
}

/// Whether the server may fetch `url`: at most [`MOST_URL_BYTES`], and (unless
/// `--allow-private-urls`) http or https to a public address; else the 400 to answer at once,
/// before any request is made.
pub(crate) async fn reachable(shared: &Arc<Shared>, url: &str) -> Result<(), Response> {
    let bad = |why: &str| error(StatusCode::BAD_REQUEST, why);
    if url.len() > MOST_URL_BYTES {
        return Err(bad(&format!("a URL is at most {MOST_URL_BYTES} bytes")));
    }
    let scheme = url.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
    if !matches!(scheme.as_deref(), Some("http" | "https")) {
        return Err(bad("only http and https URLs are fetched"));
    }
    if shared.config.allow_private_urls {
        return Ok(());
    }
    let checked = url.to_string();
    match tokio::task::spawn_blocking(move || parallax_fetch::check_public(&checked)).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(why)) => Err(bad(&format!("{why}; the server fetches public addresses only"))),
        Err(_) => Err(error(StatusCode::INTERNAL_SERVER_ERROR, "the address could not be checked")),
    }
}

/// The document of the page at `url`, fetched within the server's reach (public addresses
/// unless `--allow-private-urls`), or the answer to give: 400 at once for a URL the policy
/// refuses, 502 when the page cannot be fetched, 400 for a feed or what is not a document.
async fn fetched(shared: &Arc<Shared>, url: String) -> Result<(parallax_model::RawDoc, bool), Response> {
    let bad = |why: &str| error(StatusCode::BAD_REQUEST, why);
    reachable(shared, &url).await?;
    let reach = if shared.config.allow_private_urls {
        parallax_fetch::Reach::Any
    } else {
        parallax_fetch::Reach::Public
    };
    let config = parallax_fetch::Config {
        timeout: shared
            .config
            .request_timeout
            .saturating_sub(std::time::Duration::from_secs(5))
            .max(std::time::Duration::from_secs(1)),
        max_bytes: shared.config.max_body,
        concurrency: 1,
        max_items: 0,
        ..parallax_fetch::Config::default()
    };
    let asked = url.clone();
    let page = tokio::task::spawn_blocking(move || {
        parallax_fetch::fetch_linked(std::slice::from_ref(&asked), &config, reach).pop()
    })
    .await;
    // Named without the credentials it may carry, in answers and documents alike.
    let shown = parallax_fetch::without_credentials(&url);
    let page = match page {
        Ok(Some(Ok(page))) => page,
        Ok(Some(Err(why))) if why.contains("refused by the fetch policy") => return Err(bad(&why)),
        Ok(Some(Err(why))) => return Err(error(StatusCode::BAD_GATEWAY, &format!("{shown}: {why}"))),
        _ => return Err(error(StatusCode::INTERNAL_SERVER_ERROR, "the fetch failed")),
    };
    if page.feed {
        return Err(bad(&format!("{shown} is a feed: post its items' URLs or records")));
    }
    let read = parallax_engine::ingest::Config::default();
    let doc = parallax_engine::ingest::page_document(&shown, &page.final_url, page.html, &page.text, &read)
        .map_err(|d| bad(&format!("{}: {}", d.input, d.message)))?;
    Ok((doc, false))
}

/// Places `docs` into the store as `ingest` does, one writer at a time in this process, and
/// answers with what was added.
async fn store(
    shared: &Arc<Shared>,
    docs: Vec<(parallax_model::RawDoc, bool)>,
    problems: Vec<serde_json::Value>,
    name: String,
) -> Response {
    let ids: Vec<String> = docs.iter().map(|(d, _)| d.id.as_str().to_string()).collect();
    match place(shared, docs).await {
        Ok((report, stories)) => json(
            StatusCode::OK,
            &serde_json::json!({
                "documents": ids,
                "stories": stories,
                "added": report.added,
                "already": report.already,
                "articles": report.articles,
                "new_stories": report.new_stories,
                "merged": report.merged,
                "problems": problems,
                "token": name,
            }),
        ),
        Err(answer) => answer,
    }
}

/// Places `docs` into the store as `ingest` does, one writer at a time in this process, the
/// batch committed whole: what was added, and the stories each document stands in now.
///
/// The documents are extracted and profiled first, on a read connection and in parallel with
/// other requests' (`prepare_batch`); only their placing waits for the writer, whose store
/// stays open between batches so that the stories it has just written are not read again
/// (`Store::commit` checks again what other processes stored meanwhile).
pub(crate) async fn place(
    shared: &Arc<Shared>,
    docs: Vec<(parallax_model::RawDoc, bool)>,
) -> Result<(parallax_store::IngestReport, Vec<Vec<i64>>), Response> {
    let hashes: Vec<[u8; 16]> = docs.iter().map(|(d, _)| parallax_store::content_hash(d)).collect();
    let config = IngestConfig::at(jiff::Timestamp::now());
    let for_batch = config.clone();
    let batch = with_store(shared, move |store| {
        let mut failed = None;
        let batch = parallax_store::prepare_batch(
            docs,
            &mut |hash| {
                store.contains(hash).unwrap_or_else(|e| {
                    failed.get_or_insert(e);
                    false
                })
            },
            &for_batch,
        );
        failed.map_or(Ok(batch), Err)
    })
    .await?;
    let path = shared.config.db.clone();
    // One writer at a time in this process; the store itself waits for other processes.
    let mut writing = shared.writer.lock().await;
    let open = writing.take();
    let done = tokio::task::spawn_blocking(move || {
        let written = (|| {
            // A store replaced since the last batch is opened afresh, not written through the
            // old file (a removed one was answered 503 when the batch was prepared).
            let mut store = match open {
                Some((store, Some(id))) if file_id(&path) == Some(id) => store,
                _ => Store::open(&path)?,
            };
            let id = file_id(&path);
            let report = store.commit(batch, &config)?;
            // Where each document stands now (one it repeats stands where it was placed before).
            let stories: Vec<Vec<i64>> =
                hashes.iter().map(|h| store.stories_of_content(h)).collect::<Result<_, _>>()?;
            Ok::<_, parallax_store::StoreError>(((store, id), report, stories))
        })();
        match written {
            Ok((store, report, stories)) => (Some(store), Ok((report, stories))),
            Err(e) => (None, Err(e)),
        }
    })
    .await;
    match done {
        Ok((store, Ok((report, stories)))) => {
            *writing = store;
            if let Ok(mut m) = shared.metrics.lock() {
                m.ingested(report.added);
            }
            Ok((report, stories))
        }
        Ok((_, Err(e))) => Err(error(StatusCode::SERVICE_UNAVAILABLE, &e.to_string())),
        Err(_) => Err(error(StatusCode::INTERNAL_SERVER_ERROR, "the write failed")),
    }
}

/// A file's device and inode ([`file_id`]).
pub(crate) type FileId = (u64, u64);

/// The file at `path` as the system tells files apart (device and inode), so that a store
/// kept open is not written through after its file was replaced; `None` when it cannot be
/// read (then a kept store is opened afresh), or on systems without inodes (then only its
/// presence is checked, by the read before).
pub(crate) fn file_id(path: &std::path::Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        path.exists().then_some((0, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::{BURST, Buckets};
    use std::time::{Duration, Instant};

    #[test]
    fn a_token_gets_its_burst_then_its_rate() {
        let mut b = Buckets::default();
        let start = Instant::now();
        let granted = (0..30).filter(|_| b.take("desk", 10.0, start)).count();
        assert_eq!(granted, BURST as usize);
        assert!(b.take("robot", 10.0, start), "each token has its own allowance");
        assert!(!b.take("desk", 10.0, start + Duration::from_millis(50)));
        assert!(b.take("desk", 10.0, start + Duration::from_millis(200)));
    }
}
