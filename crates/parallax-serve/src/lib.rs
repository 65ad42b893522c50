//! `parallax serve`: the store's stories over HTTP, for readers (pages that need no script)
//! and for programs (JSON under `/api/v1`, described by an OpenAPI document; Atom; Prometheus
//! metrics).
//!
//! Reads open the store read-only for each request (SQLite's WAL lets readers and a writer
//! run at once), beside `parallax ingest` and `parallax watch`. Writes (`POST
//! /api/v1/documents`, feeds, tokens) need a token made by `parallax token create` or by
//! another token's holder (`tokens`), one at a time in this process, each batch committed
//! whole. A story's briefing is made by the engine's pipeline from the stored documents and
//! kept per story version (its members), so a story is briefed again when it changes, not per
//! request; the version is the briefing's `ETag`.
//!
//! Safe by default: the server listens on loopback only ([`Config::listen`] beyond it needs
//! [`Config::public`], and then every read but the liveness probe needs a token too, unless
//! [`Config::public_read`]), every write needs a token and is limited in
//! size, records and rate, every request has a time limit and a place among a
//! bounded number served at once (past it: 503 with `Retry-After`), ids are numbers, list
//! sizes are capped, errors are JSON with a message, and every answer carries a strict content
//! security policy.

mod api;
mod atom;
mod events;
mod feeds;
mod metrics;
mod pages;
mod tokens;
mod write;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use parallax_engine::pipeline;
use parallax_store::{Store, StoreError};
use tokio::sync::Semaphore;

pub use feeds::{FeedRead, FeedReader, LEAST_POLL_EVERY, MOST_FEEDS};
pub use tokens::MOST_TOKENS;

/// Event streams (`/api/v1/events`) open at once; more are answered 503.
pub const MOST_STREAMS: usize = 256;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The store's file.
    pub db: PathBuf,
    /// Where to listen: a loopback address, unless [`Config::public`].
    pub listen: SocketAddr,
    /// Whether the server may listen beyond this machine (`--public`); reads then need a token
    /// too, unless [`Config::public_read`].
    pub public: bool,
    /// With [`Config::public`], whether reads are open to anyone (`--public-read`); writes
    /// always need a token.
    pub public_read: bool,
    /// Longest time one request may take before it is answered 503.
    pub request_timeout: Duration,
    /// Longest time a client may take to send a request's head (its line and headers); past
    /// it the connection is closed. The request's own time limit starts once the head is read,
    /// so without this a client sending a byte now and then would hold its connection for ever.
    pub head_timeout: Duration,
    /// Requests served at once; more are answered 503 at once.
    pub concurrent: usize,
    /// Briefings kept in memory (one per story version).
    pub cached_briefings: usize,
    /// Largest request body accepted, in bytes (past it: 413).
    pub max_body: usize,
    /// Most records one write may hold (past it: 413).
    pub max_records: usize,
    /// Writes a token may make per second once its burst of 20 is spent (past it: 429).
    pub write_rate: f64,
    /// Whether a page posted by its URL may be fetched from loopback, private, link-local or
    /// reserved addresses (`--allow-private-urls`); by default only public ones.
    pub allow_private_urls: bool,
    /// Origins whose pages may call the API from a browser (`--cors-origin`, `*` for any):
    /// none by default, so a page elsewhere cannot read the answers.
    pub cors_origins: Vec<String>,
    /// How the feeds of the store are read (the binary's reading of a URL); none: feeds are
    /// listed and kept, not polled.
    pub feed_reader: Option<FeedReader>,
    /// Time between two polls of every feed (`--poll-interval`); zero: no polling.
    pub poll_every: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            db: PathBuf::from("parallax.db"),
            listen: SocketAddr::from(([127, 0, 0, 1], 7878)),
            public: false,
            public_read: false,
            request_timeout: Duration::from_secs(30),
            head_timeout: Duration::from_secs(10),
            concurrent: 64,
            cached_briefings: 256,
            max_body: 16 * 1024 * 1024,
            max_records: 1000,
            write_rate: 10.0,
            allow_private_urls: false,
            cors_origins: Vec::new(),
            feed_reader: None,
            poll_every: Duration::from_secs(300),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// A listening address beyond this machine.
    #[error(
        "{0}: not a loopback address; the server listens on this machine only (127.0.0.1 or ::1) unless run with --public (reads then need a token too, unless --public-read)"
    )]
    NotLoopback(SocketAddr),
    /// The address could not be bound, or the runtime not started.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The store cannot be read.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What every request handler shares.
pub(crate) struct Shared {
    pub(crate) config: Config,
    pub(crate) briefings: Mutex<Briefings>,
    /// Read-only connections to the store, kept between requests.
    pub(crate) pool: Mutex<Pool>,
    /// Held while a briefing is made.
    pub(crate) making_briefing: tokio::sync::Mutex<()>,
    /// Lists made, by query, with the change log's last entry and the count of cards made
    /// again (`KeptRows::refreshed`) when each was made.
    pub(crate) lists: Mutex<BTreeMap<api::ListQuery, (api::ListedAt, Arc<api::Listed>)>>,
    /// Held while a list is made.
    pub(crate) making_list: tokio::sync::Mutex<()>,
    pub(crate) metrics: Mutex<metrics::Metrics>,
    pub(crate) slots: Semaphore,
    pub(crate) buckets: Mutex<write::Buckets>,
    /// Held by whoever writes; holds the store the last batch was placed through, with its
    /// file's identity (`write::file_id`).
    pub(crate) writer: tokio::sync::Mutex<Option<(Store, Option<write::FileId>)>>,
    /// Event streams open at once.
    pub(crate) streams: Arc<Semaphore>,
    /// Tokens lately found live, with when (read checks skip the store for
    /// [`TOKEN_CHECKED_FOR`]).
    pub(crate) live_tokens: Mutex<BTreeMap<String, std::time::Instant>>,
    /// Wakes the feed poller (a feed was added).
    pub(crate) poll_now: tokio::sync::Notify,
    /// Story rows by version, so a list made again after a write reads only what changed.
    pub(crate) rows: parallax_store::KeptRows,
    /// The rows whose cards the background task made again, for the open event streams
    /// (`story.carded`).
    pub(crate) carded: tokio::sync::broadcast::Sender<Arc<parallax_store::StoryRow>>,
    /// Becomes true when the server is told to stop: open event streams end, so the graceful
    /// shutdown does not wait on a reader's open tab.
    pub(crate) stopping: tokio::sync::watch::Sender<bool>,
}

/// How long a token found live stays trusted for reads before the store is asked again: a
/// revoked token is refused within this time.
const TOKEN_CHECKED_FOR: Duration = Duration::from_secs(5);

/// Paths anyone may read even when reads need a token: the liveness probe and the pages'
/// script.
const OPEN_PATHS: &[&str] = &["/healthz", "/live.js"];

/// Briefings made so far, by story and version, the oldest dropped first past the cap.
#[derive(Default)]
pub(crate) struct Briefings {
    made: BTreeMap<(i64, u64), (u64, Arc<Briefed>)>,
    next: u64,
}

/// A story's briefing in the forms the server answers with, each as it is and gzipped
/// (shared, not copied, per answer).
pub(crate) struct Briefed {
    pub(crate) json: Encoded,
    pub(crate) html: Encoded,
}

/// A body as it is and gzipped, made once.
pub(crate) struct Encoded {
    plain: axum::body::Bytes,
    gzip: Option<axum::body::Bytes>,
}

impl Encoded {
    fn new(text: String) -> Encoded {
        use std::io::Write as _;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let gzip = encoder.write_all(text.as_bytes()).and_then(|()| encoder.finish()).ok().map(Into::into);
        Encoded { plain: text.into(), gzip }
    }

    /// The answer for a request with `headers`, of type `content_type`: gzipped when the
    /// client accepts it.
    pub(crate) fn answer(&self, headers: &axum::http::HeaderMap, content_type: &'static str) -> Response {
        let accepts_gzip = headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|e| e.split(';').next().is_some_and(|e| e.trim() == "gzip")));
        let mut answer = match (&self.gzip, accepts_gzip) {
            (Some(gzip), true) => {
                let mut r = (StatusCode::OK, gzip.clone()).into_response();
                r.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                r
            }
            _ => (StatusCode::OK, self.plain.clone()).into_response(),
        };
        let headers = answer.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        answer
    }
}

impl Briefings {
    fn get(&mut self, key: (i64, u64)) -> Option<Arc<Briefed>> {
        self.made.get(&key).map(|(_, b)| Arc::clone(b))
    }

    fn put(&mut self, key: (i64, u64), briefed: Arc<Briefed>, cap: usize) {
        // A story's older versions go first: they are never asked for again.
        self.made.retain(|k, _| k.0 != key.0);
        self.next += 1;
        self.made.insert(key, (self.next, briefed));
        while self.made.len() > cap.max(1) {
            let Some(oldest) = self.made.iter().min_by_key(|(_, (n, _))| *n).map(|(k, _)| *k) else { break };
            self.made.remove(&oldest);
        }
    }
}

/// The application: every route, with the limits, headers and metrics around them. Feeds are
/// not polled: [`run`] starts the poller beside it.
pub fn router(config: Config) -> Router {
    app(config).0
}

/// The application and what its handlers share.
fn app(config: Config) -> (Router, Arc<Shared>) {
    let shared = Arc::new(Shared {
        slots: Semaphore::new(config.concurrent.max(1)),
        config,
        briefings: Mutex::new(Briefings::default()),
        pool: Mutex::new(Pool::default()),
        making_briefing: tokio::sync::Mutex::new(()),
        lists: Mutex::new(BTreeMap::new()),
        making_list: tokio::sync::Mutex::new(()),
        metrics: Mutex::new(metrics::Metrics::default()),
        buckets: Mutex::new(write::Buckets::default()),
        writer: tokio::sync::Mutex::new(None),
        streams: Arc::new(Semaphore::new(MOST_STREAMS)),
        live_tokens: Mutex::new(BTreeMap::new()),
        poll_now: tokio::sync::Notify::new(),
        rows: parallax_store::KeptRows::default(),
        carded: tokio::sync::broadcast::Sender::new(CARDED_HEARD),
        stopping: tokio::sync::watch::Sender::new(false),
    });
    let max_body = shared.config.max_body;
    let router = Router::new()
        .route("/", get(pages::river))
        .route("/stories/{id}", get(pages::story))
        .route("/stories.atom", get(atom::feed))
        .route("/search", get(pages::search))
        .route("/feeds", get(pages::feeds).post(feeds::form))
        .route("/tokens", get(tokens::page).post(tokens::form))
        .route("/documents/{id}", get(pages::document))
        .route("/live.js", get(pages::script))
        .route("/api/v1/stories", get(api::stories))
        .route("/api/v1/stories/{id}", get(api::story))
        .route("/api/v1/stories/{id}/documents", get(api::documents))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/documents", post(write::documents))
        .route("/api/v1/documents/{id}", get(api::document))
        .route("/api/v1/events", get(events::events))
        .route("/api/v1/feeds", get(feeds::list).post(feeds::add))
        .route("/api/v1/feeds/{id}", delete(feeds::remove))
        .route("/api/v1/tokens", get(tokens::list).post(tokens::add))
        .route("/api/v1/tokens/{name}", delete(tokens::remove))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/healthz", get(api::healthz))
        .route("/readyz", get(api::readyz))
        .route("/metrics", get(metrics::render))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), guard))
        .with_state(Arc::clone(&shared));
    (router, shared)
}

/// Serves `config` until SIGINT or SIGTERM, then lets requests in flight finish; polls the
/// store's feeds meanwhile when [`Config::feed_reader`] is given (a batch being stored when the
/// server stops is committed whole first).
pub fn run(config: Config) -> Result<(), ServeError> {
    if !config.listen.ip().is_loopback() && !config.public {
        return Err(ServeError::NotLoopback(config.listen));
    }
    // The store must be readable now, not at the first request; one made by an earlier
    // version is brought up to date (when the file can be written).
    if !config.db.exists() {
        return Err(StoreError::Missing { path: config.db.clone() }.into());
    }
    match Store::open(&config.db) {
        Ok(_) => {}
        Err(StoreError::ReadOnly { .. }) => {
            Store::open_read_only(&config.db)?;
        }
        Err(e) => return Err(e.into()),
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.listen).await?;
        eprintln!(
            "parallax: serving {} on http://{} (Ctrl-C stops)",
            config.db.display(),
            listener.local_addr()?
        );
        serve(listener, config, stop_signal()).await?;
        Ok(())
    })
}

/// Serves `config` on `listener` until `stop` resolves, then lets requests in flight finish;
/// polls the store's feeds meanwhile when [`Config::feed_reader`] is given. What [`run`] does
/// once it listens, for a caller with its own runtime and listener.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: Config,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let head_timeout = config.head_timeout;
    let (app, shared) = app(config);
    let poller = tokio::spawn(feeds::poll(Arc::clone(&shared)));
    let refresher = tokio::spawn(refresh_cards(Arc::clone(&shared)));
    let mut http = hyper::server::conn::http1::Builder::new();
    // A client that sends a request's head slower than this is cut off (Config::head_timeout).
    http.timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(head_timeout);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    // Out of file descriptors, or a connection reset before it was taken: the
                    // next one may do; a moment's pause keeps a full table from spinning.
                    Err(_) => {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let service = hyper_util::service::TowerToHyperService::new(app.clone());
                let connection = http.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    let _ = connection.await;
                });
            }
            () = &mut stop => break,
        }
    }
    drop(listener);
    // Once told to stop, the event streams end too: a stream never ends on its own, and the
    // graceful shutdown waits for every response to finish.
    shared.stopping.send_replace(true);
    // Requests in flight finish; a client that reads nothing of its answer is not waited for
    // past this.
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await;
    // A batch being stored runs on to its commit on its own thread; the runtime waits for it.
    poller.abort();
    refresher.abort();
    Ok(())
}

/// How often the stories listed with an earlier version's card are looked for.
const REFRESH_EVERY: Duration = Duration::from_millis(100);
/// How long a round of making cards again goes on starting new ones (a card already begun is
/// finished: a story of hundreds of articles takes about a second).
const REFRESH_ROUND: Duration = Duration::from_millis(250);

/// Cards made again that an event stream may fall behind by before it skips the oldest.
const CARDED_HEARD: usize = 256;

/// Makes again, in the background, the cards of the large stories that lists and events gave
/// with an earlier version's card while documents arrived (`parallax_store::KeptRows`), so
/// that no reader waits for them. A card made again is in the next list made, and is told to
/// the open event streams (`story.carded`).
async fn refresh_cards(shared: Arc<Shared>) {
    loop {
        tokio::time::sleep(REFRESH_EVERY).await;
        if !shared.rows.has_stale() {
            continue;
        }
        let kept = Arc::clone(&shared);
        if let Ok(rows) =
            with_store(&shared, move |store| store.refresh_kept(&kept.rows, REFRESH_ROUND)).await
        {
            for row in rows {
                // No stream open: nobody to tell.
                let _ = shared.carded.send(Arc::new(row));
            }
        }
    }
}

/// How long a stopping server waits for the requests in flight to finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn stop_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// Around every request: a slot among those served at once, the time limit, the security
/// headers and the metrics.
async fn guard(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "other".to_string(), |p| p.as_str().to_string());
    let started = std::time::Instant::now();
    let origin = cors_origin(&shared.config, request.headers());
    if let Some(origin) = &origin
        && request.method() == axum::http::Method::OPTIONS
    {
        return preflight(origin);
    }
    let mut response = match shared.slots.try_acquire() {
        Err(_) => {
            let mut busy = error(StatusCode::SERVICE_UNAVAILABLE, "too many requests at once; retry shortly");
            busy.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            busy
        }
        Ok(_slot) => match read_refused(&shared, token_needed(&shared.config, &request)).await {
            Some(refused) => refused,
            None => match tokio::time::timeout(shared.config.request_timeout, next.run(request)).await {
                Ok(response) => response,
                Err(_) => error(StatusCode::SERVICE_UNAVAILABLE, "the request took too long and was stopped"),
            },
        },
    };
    let headers = response.headers_mut();
    for (name, value) in [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if let Some(origin) = origin {
        allow_origin(headers, &origin);
    }
    if let Ok(mut m) = shared.metrics.lock() {
        m.record(&route, response.status().as_u16(), started.elapsed());
    }
    response
}

/// The request's `Origin` when the server lets it call the API ([`Config::cors_origins`]).
fn cors_origin(config: &Config, headers: &axum::http::HeaderMap) -> Option<String> {
    let origin = headers.get(header::ORIGIN)?.to_str().ok()?;
    config.cors_origins.iter().any(|o| o == "*" || o.eq_ignore_ascii_case(origin)).then(|| origin.to_string())
}

/// Lets `origin` read this answer.
fn allow_origin(headers: &mut axum::http::HeaderMap, origin: &str) {
    if let Ok(value) = HeaderValue::from_str(origin) {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
}

/// The answer to a browser asking whether `origin` may call the API: the methods and headers
/// it may use.
fn preflight(origin: &str) -> Response {
    let mut answer = StatusCode::NO_CONTENT.into_response();
    let headers = answer.headers_mut();
    allow_origin(headers, origin);
    headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST, DELETE"));
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Authorization, Content-Type, X-Auth-Token, Last-Event-ID, If-None-Match"),
    );
    headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
    answer
}

/// Whether `request` is a read that needs a token (`--public` without `--public-read`; not
/// one of the [`OPEN_PATHS`]), and the token it carries if so: `None` when it needs none.
fn token_needed(config: &Config, request: &Request) -> Option<Option<String>> {
    let read = matches!(*request.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    let needed = config.public && !config.public_read && read && !OPEN_PATHS.contains(&request.uri().path());
    needed.then(|| write::token_of(request.headers()).map(str::to_string))
}

/// The answer to a read that needs a token ([`token_needed`]) and has none, or an unknown or
/// revoked one (401). Writes check their own token.
async fn read_refused(shared: &Arc<Shared>, needed: Option<Option<String>>) -> Option<Response> {
    let Some(token) = needed? else {
        return Some(write::unauthorized(
            "this server needs a token to read: `Authorization: Bearer TOKEN` or `X-Auth-Token: TOKEN` (`parallax token create NAME`)",
        ));
    };
    let now = std::time::Instant::now();
    let trusted = shared
        .live_tokens
        .lock()
        .ok()
        .is_some_and(|t| t.get(&token).is_some_and(|at| now.duration_since(*at) < TOKEN_CHECKED_FOR));
    if trusted {
        return None;
    }
    let asked = token.clone();
    match with_store(shared, move |s| s.token_name(&asked)).await {
        Ok(Some(_)) => {
            if let Ok(mut live) = shared.live_tokens.lock() {
                // A bounded memory: forget them all past a few thousand.
                if live.len() >= 4096 {
                    live.clear();
                }
                live.insert(token, now);
            }
            None
        }
        Ok(None) => Some(write::unauthorized("the token is not known or was revoked")),
        Err(answer) => Some(answer),
    }
}

/// An error answer: `{"error": {"status": …, "message": …}}`.
pub(crate) fn error(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({"error": {"status": status.as_u16(), "message": message}});
    (status, [(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

/// Read-only connections kept open between requests.
const POOLED: usize = 16;

/// Read-only connections to the store kept between requests, with the identity of the file
/// they were opened on (`write::file_id`).
#[derive(Default)]
pub(crate) struct Pool {
    file: Option<write::FileId>,
    stores: Vec<Store>,
}

/// Runs `work` with the store opened read-only (a connection kept from an earlier request when
/// there is one), off the async threads; a store that cannot be read is answered 503 with the
/// store's own message.
pub(crate) async fn with_store<T, F>(shared: &Arc<Shared>, work: F) -> Result<T, Response>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
{
    let shared = Arc::clone(shared);
    let joined = tokio::task::spawn_blocking(move || {
        let path = &shared.config.db;
        // A store removed or replaced is read afresh, not through a connection to the old file,
        // and what was kept of its stories is forgotten with it.
        let file = write::file_id(path);
        let pooled = shared.pool.lock().ok().and_then(|mut pool| {
            if pool.file != file {
                pool.stores.clear();
                pool.file = file;
                shared.rows.clear();
            }
            pool.stores.pop()
        });
        if file.is_none() {
            return Err(StoreError::Missing { path: path.clone() });
        }
        let store = match pooled {
            Some(store) => store,
            None => Store::open_read_only(path)?,
        };
        let result = work(&store);
        if result.is_ok()
            && let Ok(mut pool) = shared.pool.lock()
            && pool.file == file
            && pool.stores.len() < POOLED
        {
            pool.stores.push(store);
        }
        result
    })
    .await;
    match joined {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(error(StatusCode::SERVICE_UNAVAILABLE, &e.to_string())),
        Err(_) => Err(error(StatusCode::INTERNAL_SERVER_ERROR, "the request failed")),
    }
}

/// Story `id`'s briefing, made once per version of the story (read from the story index, so a
/// cached briefing costs no document read); `None` when there is no such story.
pub(crate) async fn briefing(shared: &Arc<Shared>, id: i64) -> Result<Option<(u64, Arc<Briefed>)>, Response> {
    let Some((count, newest)) = with_store(shared, move |store| store.story_version(id)).await? else {
        return Ok(None);
    };
    let mut bytes = [0u8; 24];
    bytes[..8].copy_from_slice(&id.to_le_bytes());
    bytes[8..16].copy_from_slice(&count.to_le_bytes());
    bytes[16..].copy_from_slice(&newest.to_le_bytes());
    let version = xxhash_rust::xxh3::xxh3_64(&bytes);
    let cached = || shared.briefings.lock().ok().and_then(|mut b| b.get((id, version)));
    if let Some(b) = cached() {
        return Ok(Some((version, b)));
    }
    // One briefing is made at a time: requests that missed together wait for the first.
    let _making = shared.making_briefing.lock().await;
    if let Some(b) = cached() {
        return Ok(Some((version, b)));
    }
    let Some(story) = with_store(shared, move |store| store.story_to_brief(id)).await? else {
        return Ok(None);
    };
    let made = tokio::task::spawn_blocking(move || {
        // The story's own articles only (see `Store::story_to_brief`).
        let config = pipeline::Config {
            extract: parallax_engine::extract::Config::default().admitted(),
            ..pipeline::Config::default()
        };
        let briefing = pipeline::brief_articles(&story.docs, &story.places, Vec::new(), &config);
        Briefed {
            json: Encoded::new(parallax_engine::render::json(&briefing)),
            html: Encoded::new(pages::live(&parallax_engine::render::html(&briefing), Some(id), None)),
        }
    })
    .await
    .map_err(|_| error(StatusCode::INTERNAL_SERVER_ERROR, "the briefing failed"))?;
    let made = Arc::new(made);
    if let Ok(mut b) = shared.briefings.lock() {
        b.put((id, version), Arc::clone(&made), shared.config.cached_briefings);
    }
    Ok(Some((version, made)))
}
