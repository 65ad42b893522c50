//! The only Parallax crate that touches the network: pages by URL, and RSS/Atom feeds (read
//! from bytes, or fetched), each turned into HTML or text for the engine.
//!
//! - [`fetch_all`] and [`fetch_linked`]: URLs fetched with a timeout, a size cap, redirects
//!   followed (up to a limit), each URL once in a run, within the fetch policy's reach (the
//!   `policy` module: every hop's resolved address checked; credentials stripped from the URLs
//!   kept; unsupported content encodings refused), a clear user agent, at most `concurrency` at
//!   a time; the body decoded by the charset of
//!   its `Content-Type` header, else of its `<meta charset>`, else UTF-8 if it is valid UTF-8,
//!   else windows-1252. One failed URL is one error, never a failed run.
//! - [`read_warc`]: the pages of a WARC file of pages fetched elsewhere (no network).
//! - [`feed_items`]: the items of an RSS or Atom document (title, link, date, and the item's
//!   own HTML when the feed carries the full text).
//!
//! Everything returned is in input order.

mod policy;
mod warc;

pub use policy::{Class, Reach, Refused, check_public, without_credentials};
pub use warc::{Record, Warc, read_warc};

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::sync::Mutex;
use std::time::Duration;

use jiff::civil::Date;

/// How pages are fetched.
#[derive(Clone, Debug)]
pub struct Config {
    /// The whole request, connection to last byte.
    pub timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: usize,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// The `User-Agent` header.
    pub user_agent: String,
    /// Whether loopback, private, link-local and reserved addresses may be reached from
    /// anywhere (`--allow-private-urls`; see [`Reach`]).
    pub allow_private: bool,
    /// Items read from one feed, at most (`--max-items`).
    pub max_items: usize,
    /// Bytes fetched in one run, at most, over every call that shares this config (clones
    /// share the count): past it, further URLs are refused by the policy.
    pub max_total_bytes: usize,
    /// Bytes fetched so far by this config and its clones.
    pub spent: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    /// The addresses asked for so far by this config and its clones: each is fetched once in
    /// a run (a page two feeds link to, a feed that links one page ten times), and asked for
    /// again it gives a page with [`Page::again`] set and no text. At most
    /// [`Config::MOST_REMEMBERED`]; past it, the run forgets them all.
    pub fetched: std::sync::Arc<Mutex<BTreeSet<String>>>,
    /// What each address answered last (its `ETag` and `Last-Modified`), shared by this config's
    /// clones, when a caller fetches the same addresses again and again (the feeds `parallax
    /// watch` and the server poll): the next request is conditional, and an address that answers 304 gives
    /// a page with [`Page::unchanged`] set and no text. None: every request is plain.
    pub validators: Option<std::sync::Arc<Mutex<Validators>>>,
}

/// The validators of the addresses fetched (see [`Config::validators`]), at most
/// [`Validators::MOST`]: past it, all are forgotten (the next request to each is plain).
#[derive(Debug, Default)]
pub struct Validators {
    by_url: BTreeMap<String, (Option<String>, Option<String>)>,
}

impl Validators {
    /// Addresses remembered at most.
    pub const MOST: usize = 10_000;

    fn of(&self, url: &str) -> Option<(Option<String>, Option<String>)> {
        self.by_url.get(url).cloned()
    }

    fn keep(&mut self, url: &str, etag: Option<String>, modified: Option<String>) {
        if etag.is_none() && modified.is_none() {
            self.by_url.remove(url);
            return;
        }
        if self.by_url.len() >= Self::MOST && !self.by_url.contains_key(url) {
            self.by_url.clear();
        }
        self.by_url.insert(url.to_string(), (etag, modified));
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            timeout: Duration::from_secs(20),
            max_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
            concurrency: 8,
            user_agent: concat!(
                "parallax/",
                env!("CARGO_PKG_VERSION"),
                " (news briefing; +https://github.com/)"
            )
            .to_string(),
            allow_private: false,
            max_items: 500,
            max_total_bytes: 2 << 30,
            spent: std::sync::Arc::default(),
            fetched: std::sync::Arc::default(),
            validators: None,
        }
    }
}

impl Config {
    /// Addresses a run remembers having fetched, at most (see [`Config::fetched`]).
    pub const MOST_REMEMBERED: usize = 100_000;

    /// The same settings for a new run: nothing spent, nothing fetched yet (a `watch` poll, a
    /// server's poll of one feed). The validators stay shared: they span runs.
    pub fn new_run(&self) -> Config {
        Config { spent: std::sync::Arc::default(), fetched: std::sync::Arc::default(), ..self.clone() }
    }

    /// Whether `url` was asked for before in this run; remembers it now.
    fn asked_before(&self, url: &str) -> bool {
        let Ok(mut fetched) = self.fetched.lock() else { return false };
        if fetched.contains(url) {
            return true;
        }
        if fetched.len() >= Self::MOST_REMEMBERED {
            fetched.clear();
        }
        fetched.insert(url.to_string());
        false
    }
}

/// A page fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The URL asked for.
    pub url: String,
    /// The URL the page came from, after redirects.
    pub final_url: String,
    /// The body, decoded to UTF-8.
    pub text: String,
    /// Whether the body is HTML (by its content type, or by its first tag).
    pub html: bool,
    /// Whether the body is an RSS or Atom feed.
    pub feed: bool,
    /// Whether the address answered that nothing changed since the last fetch (304, to a
    /// conditional request: see [`Config::validators`]); the page then has no text.
    pub unchanged: bool,
    /// Whether the address was asked for before in this run ([`Config::fetched`]): not fetched
    /// again, the page has no text; what it holds was read the first time.
    pub again: bool,
}

impl Page {
    /// The page of an address asked for before in the run ([`Page::again`]).
    fn asked_before(url: &str) -> Page {
        let url = without_credentials(url);
        Page {
            final_url: url.clone(),
            url,
            text: String::new(),
            html: false,
            feed: false,
            unchanged: false,
            again: true,
        }
    }
}

/// Fetches every URL the user named, each within the reach its own address vouches for
/// ([`Reach::of_url`]), at most `config.concurrency` at a time; results in input order. A URL
/// is fetched once in a run: named again, here or in an earlier call that shares `config`'s
/// run, it gives a page with [`Page::again`] set.
pub fn fetch_all(urls: &[String], config: &Config) -> Vec<Result<Page, String>> {
    fetch_within(urls, config, |url| Reach::of_url(url, config.allow_private))
}

/// Fetches links found in a page or a feed, each within `reach`, the reach of where they were
/// found (a local file's: [`Reach::Public`]); `Any` when `config.allow_private`.
pub fn fetch_linked(urls: &[String], config: &Config, reach: Reach) -> Vec<Result<Page, String>> {
    let reach = if config.allow_private { Reach::Any } else { reach };
    fetch_within(urls, config, |_| reach)
}

fn fetch_within(
    urls: &[String],
    config: &Config,
    reach_of: impl Fn(&str) -> Reach,
) -> Vec<Result<Page, String>> {
    // Each URL once in the run: the first time it is asked for.
    let mut first: Vec<usize> = Vec::new();
    let mut out: Vec<Option<Result<Page, String>>> = urls
        .iter()
        .enumerate()
        .map(|(i, u)| {
            if config.asked_before(u) {
                Some(Ok(Page::asked_before(u)))
            } else {
                first.push(i);
                None
            }
        })
        .collect();
    let distinct: Vec<&String> = first.iter().map(|&i| &urls[i]).collect();
    let reaches: Vec<Reach> = distinct.iter().map(|u| reach_of(u)).collect();
    let mut agents: BTreeMap<Reach, ureq::Agent> = BTreeMap::new();
    for &reach in &reaches {
        agents.entry(reach).or_insert_with(|| agent(config, reach));
    }
    for (i, got) in first.into_iter().zip(fetch_each(&distinct, &reaches, &agents, config)) {
        out[i] = Some(got);
    }
    out.into_iter().map(|got| got.unwrap_or_else(|| Err("not fetched".to_string()))).collect()
}

/// An agent whose every connection goes through the policy's resolver for `reach`.
fn agent(config: &Config, reach: Reach) -> ureq::Agent {
    let agent_config = ureq::Agent::config_builder()
        .timeout_global(Some(config.timeout))
        .max_redirects(config.max_redirects)
        .user_agent(config.user_agent.as_str())
        .http_status_as_error(false)
        .build();
    ureq::Agent::with_parts(
        agent_config,
        ureq::unversioned::transport::DefaultConnector::new(),
        policy::PolicyResolver::new(reach),
    )
}

fn fetch_each(
    urls: &[&String],
    reaches: &[Reach],
    agents: &BTreeMap<Reach, ureq::Agent>,
    config: &Config,
) -> Vec<Result<Page, String>> {
    let results: Vec<Mutex<Option<Result<Page, String>>>> = urls.iter().map(|_| Mutex::new(None)).collect();
    let next = Mutex::new(0usize);
    let workers = config.concurrency.clamp(1, 64).min(urls.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = {
                        let Ok(mut n) = next.lock() else { return };
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(url) = urls.get(i) else { return };
                    let Some(agent) = agents.get(&reaches[i]) else { return };
                    let got = fetch_one(agent, url, config);
                    if let Ok(mut slot) = results[i].lock() {
                        *slot = Some(got);
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .map(|m| m.into_inner().ok().flatten().unwrap_or_else(|| Err("not fetched".to_string())))
        .collect()
}

fn fetch_one(agent: &ureq::Agent, url: &str, config: &Config) -> Result<Page, String> {
    use std::sync::atomic::Ordering;
    use ureq::ResponseExt;
    if config.spent.load(Ordering::Relaxed) >= config.max_total_bytes {
        return Err(format!(
            "refused by the fetch policy: the run has fetched its limit of {} bytes",
            config.max_total_bytes
        ));
    }
    let mut request = agent.get(url);
    let known = config.validators.as_ref().and_then(|v| v.lock().ok().and_then(|v| v.of(url)));
    if let Some((etag, modified)) = &known {
        if let Some(etag) = etag {
            request = request.header("If-None-Match", etag.as_str());
        }
        if let Some(modified) = modified {
            request = request.header("If-Modified-Since", modified.as_str());
        }
    }
    let mut response = request.call().map_err(|e| describe(&e, config))?;
    let status = response.status();
    let final_url = without_credentials(&response.get_uri().to_string());
    if status.as_u16() == 304 && known.is_some() {
        let shown = without_credentials(url);
        return Ok(Page {
            url: shown,
            final_url,
            text: String::new(),
            html: false,
            feed: false,
            unchanged: true,
            again: false,
        });
    }
    if !status.is_success() {
        return Err(format!("HTTP {}", status.as_u16()));
    }
    if let Some(validators) = &config.validators {
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .filter(|v| !v.is_empty() && v.len() <= 200)
                .map(str::to_string)
        };
        let (etag, modified) = (header("etag"), header("last-modified"));
        if let Ok(mut v) = validators.lock() {
            v.keep(url, etag, modified);
        }
    }
    // What the client cannot decode is refused, not read as text ("deflate", "br").
    if let Some(encoding) = response.headers().get("content-encoding").and_then(|v| v.to_str().ok()) {
        let encoding = encoding.trim().to_ascii_lowercase();
        if !matches!(encoding.as_str(), "" | "identity" | "gzip" | "x-gzip") {
            return Err(format!("refused: unsupported content encoding {encoding:?}"));
        }
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut bytes = Vec::new();
    let limit = config.max_bytes as u64 + 1;
    response.body_mut().with_config().limit(limit).reader().take(limit).read_to_end(&mut bytes).map_err(
        |e| {
            if e.to_string().contains("limit") {
                too_large(config.max_bytes)
            } else {
                format!("cannot read the body: {e}")
            }
        },
    )?;
    config.spent.fetch_add(bytes.len(), Ordering::Relaxed);
    if bytes.len() > config.max_bytes {
        return Err(too_large(config.max_bytes));
    }
    if bytes.is_empty() {
        return Err("empty response".to_string());
    }
    let text = decode(&bytes, &content_type);
    let (html, feed) = classify(&text, &content_type);
    Ok(Page { url: without_credentials(url), final_url, text, html, feed, unchanged: false, again: false })
}

/// Whether a body is HTML and whether it is a feed, by its content type or its first tags.
fn classify(text: &str, content_type: &str) -> (bool, bool) {
    let head: String = text.trim_start().chars().take(600).collect::<String>().to_ascii_lowercase();
    let feed = content_type.contains("rss") || content_type.contains("atom") || looks_like_feed(&head);
    let html = !feed
        && (content_type.contains("html")
            || head.starts_with("<!doctype html")
            || head.contains("<html")
            || (content_type.is_empty() && head.starts_with('<')));
    (html, feed)
}

fn too_large(limit: usize) -> String {
    format!("larger than the {limit}-byte limit")
}

fn describe(e: &ureq::Error, config: &Config) -> String {
    match e {
        ureq::Error::Timeout(_) => format!("timed out after {} s", config.timeout.as_secs_f64()),
        ureq::Error::TooManyRedirects => format!("more than {} redirects", config.max_redirects),
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::ConnectionFailed => "connection failed".to_string(),
        ureq::Error::Other(inner) if inner.is::<Refused>() => inner.to_string(),
        other => other.to_string(),
    }
}

/// Whether the start of a document is an RSS or Atom feed's.
pub fn looks_like_feed(head: &str) -> bool {
    let head = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let after_decl = match head.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or("", |(_, r)| r).trim_start(),
        None => head,
    };
    after_decl.starts_with("<rss") || after_decl.starts_with("<feed") || after_decl.starts_with("<rdf:rdf")
}

/// The body as UTF-8 (the byte-order mark's encoding, the header's charset, UTF-8 when valid,
/// the page's `<meta charset>`, else windows-1252).
pub use parallax_html::decode;

/// One item of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedItem {
    pub title: Option<String>,
    /// The item's page.
    pub link: Option<String>,
    pub published: Option<Date>,
    /// The item's HTML when the feed carries the article (`content:encoded`, Atom `content`);
    /// a summary alone is not the article.
    pub content: Option<String>,
    /// The feed's own title, as the outlet.
    pub source: Option<String>,
}

/// The items of an RSS or Atom document, in feed order; or why it is not a feed.
pub fn feed_items(bytes: &[u8]) -> Result<Vec<FeedItem>, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not an RSS or Atom feed: {e}"))?;
    let source = feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty());
    Ok(feed
        .entries
        .into_iter()
        .map(|e| {
            let published =
                e.published.or(e.updated).and_then(|d| d.format("%Y-%m-%d").to_string().parse::<Date>().ok());
            FeedItem {
                title: e.title.map(|t| t.content.trim().to_string()).filter(|t| !t.is_empty()),
                link: e.links.first().map(|l| l.href.clone()),
                published,
                content: e.content.and_then(|c| c.body).filter(|b| b.split_whitespace().count() >= 40),
                source: source.clone(),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::{Config, Reach, Validators, feed_items, fetch_all, fetch_linked, looks_like_feed};

    #[test]
    fn a_name_is_held_to_the_policy_by_the_address_it_resolves_to() {
        // "localhost" is a name, not an address: only its resolved address says where it
        // leads, so DNS cannot smuggle a private address past the policy.
        let url = "http://localhost:9/feed".to_string();
        let got = fetch_linked(std::slice::from_ref(&url), &Config::default(), Reach::Public);
        let why = got[0].clone().expect_err("refused");
        assert!(why.contains("refused by the fetch policy: loopback address"), "{why}");
    }

    #[test]
    fn a_url_is_asked_for_once_in_a_run() {
        let config = Config::default();
        let url = "http://localhost:9/page".to_string();
        let first = fetch_linked(&[url.clone(), url.clone()], &config, Reach::Public);
        let why = first[0].clone().expect_err("the first time, asked for (and refused)");
        assert!(why.contains("refused by the fetch policy"), "{why}");
        assert!(first[1].as_ref().is_ok_and(|p| p.again && p.text.is_empty()), "{:?}", first[1]);
        // A later call in the same run (a clone of the config) asks for it no more.
        let again = fetch_all(std::slice::from_ref(&url), &config.clone());
        assert!(again[0].as_ref().is_ok_and(|p| p.again), "{:?}", again[0]);
        // A new run fetches it again (and the policy refuses it again).
        let next = fetch_linked(std::slice::from_ref(&url), &config.new_run(), Reach::Public);
        let why = next[0].clone().expect_err("refused");
        assert!(why.contains("refused by the fetch policy: loopback address"), "{why}");
    }

    #[test]
    fn validators_are_kept_per_address_and_bounded() {
        let mut v = Validators::default();
        v.keep("https://a.example/feed", Some("\"v1\"".into()), None);
        v.keep("https://b.example/feed", None, Some("Tue, 03 Mar 2026 10:00:00 GMT".into()));
        assert_eq!(v.of("https://a.example/feed"), Some((Some("\"v1\"".into()), None)));
        // An answer with neither forgets the address: the next request is plain.
        v.keep("https://a.example/feed", None, None);
        assert_eq!(v.of("https://a.example/feed"), None);
        for n in 0..=Validators::MOST {
            v.keep(&format!("https://c.example/{n}"), Some(format!("\"{n}\"")), None);
        }
        assert!(v.by_url.len() <= Validators::MOST);
        let last = format!("https://c.example/{}", Validators::MOST);
        assert!(v.of(&last).is_some(), "the newest is kept");
        assert!(v.of("https://c.example/0").is_none(), "the oldest are forgotten");
    }

    #[test]
    fn feeds_are_recognised_and_read() {
        assert!(looks_like_feed("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"));
        assert!(looks_like_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(!looks_like_feed("<!doctype html><html>"));
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>
            <item><title>Ferry runs aground</title><link>http://example.test/a</link>
            <pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>
            <item><title>Harbour reopens</title><link>http://example.test/b</link></item>
            </channel></rss>"#;
        let items = feed_items(rss).expect("a feed");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].title.as_deref(), Some("Ferry runs aground"));
        assert_eq!(items[0].link.as_deref(), Some("http://example.test/a"));
        assert_eq!(items[0].published.map(|d| d.to_string()).as_deref(), Some("2026-03-03"));
        assert_eq!(items[0].source.as_deref(), Some("Harbour Gazette"));
        assert!(feed_items(b"this is not xml").is_err());
    }
}
