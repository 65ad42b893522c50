//! `parallax brief` and `parallax extract` on URLs and feeds, against a server on 127.0.0.1.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use crate::parallax;

/// Requests served, by path.
type Hits = Arc<Mutex<BTreeMap<String, usize>>>;

/// Serves two articles, a feed linking to them, and a 404, on a free loopback port.
fn serve() -> String {
    serve_counting().0
}

/// [`serve`], with the count of requests by path.
fn serve_counting() -> (String, Hits) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    let own = base.clone();
    let hits: Hits = Arc::default();
    let counted = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let own = own.clone();
            let counted = counted.clone();
            std::thread::spawn(move || answer(stream, &own, &counted));
        }
    });
    (base, hits)
}

/// Answers one request.
fn answer(mut stream: std::net::TcpStream, own: &str, hits: &Hits) {
    {
        {
            let mut reader = BufReader::new(stream.try_clone().expect("a clone"));
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            if let Ok(mut hits) = hits.lock() {
                *hits.entry(path.clone()).or_insert(0) += 1;
            }
            let mut extra = String::new();
            let mut header = String::new();
            let mut if_none_match = None;
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                if let Some((name, value)) = header.split_once(':')
                    && name.eq_ignore_ascii_case("if-none-match")
                {
                    if_none_match = Some(value.trim().to_string());
                }
                header.clear();
            }
            // The feed answers 304 to a request that shows its ETag.
            if path == "/feed" && if_none_match.as_deref() == Some("\"v1\"") {
                if let Ok(mut hits) = hits.lock() {
                    *hits.entry("304 /feed".to_string()).or_insert(0) += 1;
                }
                let _ =
                    write!(stream, "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nConnection: close\r\n\r\n");
                return;
            }
            let article = |title: &str, body: &str| {
                format!(
                    "<html><head><title>{title}</title><meta property=\"og:site_name\" content=\"Harbour Gazette\"></head><body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
                )
            };
            if path == "/feed" {
                extra.push_str("ETag: \"v1\"\r\n");
            }
            let (status, kind, body) = match path.as_str() {
                "/a" => (
                    "200 OK",
                    "text/html",
                    article(
                        "Ferry runs aground off Halvik",
                        "The ferry ran aground at dawn on Tuesday, the coastguard said, and all forty passengers were brought ashore.",
                    ),
                ),
                "/b" => (
                    "200 OK",
                    "text/html",
                    article(
                        "Harbour reopens after the grounding",
                        "The harbour reopened on Thursday after divers checked the channel, the port authority said.",
                    ),
                ),
                "/feed" | "/feed-plain" => (
                    "200 OK",
                    "application/rss+xml",
                    format!(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Gazette</title><item><title>Ferry runs aground off Halvik</title><link>{own}/a</link></item><item><title>Harbour reopens after the grounding</title><link>{own}/b</link></item></channel></rss>"
                    ),
                ),
                "/many" => (
                    "200 OK",
                    "application/rss+xml",
                    format!(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Gazette</title>{}</channel></rss>",
                        (0..10).map(|n| format!("<item><title>Item {n}</title><link>{own}/a</link></item>")).collect::<String>()
                    ),
                ),
                "/metadata" => {
                    extra.push_str("Location: http://169.254.169.254/latest/meta-data/\r\n");
                    ("302 Found", "text/plain", "moved".to_string())
                }
                "/metadata-feed" => (
                    "200 OK",
                    "application/rss+xml",
                    "<rss version=\"2.0\"><channel><title>T</title><item><title>M</title><link>http://169.254.169.254/latest/meta-data/</link></item></channel></rss>".to_string(),
                ),
                // A feed whose every item links back to the feed itself.
                "/self-feed" => (
                    "200 OK",
                    "application/rss+xml",
                    format!(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loop</title>{}</channel></rss>",
                        (0..50).map(|n| format!("<item><title>Item {n}</title><link>{own}/self-feed</link></item>")).collect::<String>()
                    ),
                ),
                // A loopback start sent on to a private and to a multicast address.
                "/private" => {
                    extra.push_str("Location: http://10.255.255.1/intranet\r\n");
                    ("302 Found", "text/plain", "moved".to_string())
                }
                "/multicast" => {
                    extra.push_str("Location: http://224.0.0.1/\r\n");
                    ("302 Found", "text/plain", "moved".to_string())
                }
                "/deflate" => {
                    extra.push_str("Content-Encoding: deflate\r\n");
                    ("200 OK", "text/html", "x\u{9c}not really deflated".to_string())
                }
                "/slow" => {
                    std::thread::sleep(std::time::Duration::from_secs(3));
                    ("200 OK", "text/plain", "too late".to_string())
                }
                _ => ("404 Not Found", "text/plain", "no such page".to_string()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    }
}

#[test]
fn urls_are_fetched_and_a_failed_one_is_an_error_line() {
    let base = serve();
    let run =
        parallax(&["extract", "--format", "json", &format!("{base}/a"), &format!("{base}/missing")], b"");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("/missing: HTTP 404"), "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v[0]["title"], "Ferry runs aground off Halvik");
    assert_eq!(v[0]["source"], "Harbour Gazette");
    assert_eq!(v[0]["url"], format!("{base}/a"));
}

#[test]
fn a_feed_url_and_a_feed_file_brief_their_items() {
    let base = serve();
    let run = parallax(&["brief", "--format", "json", &format!("{base}/feed")], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let titles: Vec<&str> =
        v["documents"].as_array().expect("documents").iter().filter_map(|d| d["title"].as_str()).collect();
    assert_eq!(titles, ["Ferry runs aground off Halvik", "Harbour reopens after the grounding"]);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let feed = dir.path().join("gazette.rss");
    let xml = format!(
        "<rss version=\"2.0\"><channel><title>Harbour Gazette</title><item><title>One</title><link>{base}/b</link></item></channel></rss>"
    );
    std::fs::write(&feed, xml).expect("the feed file");
    // A local file's links reach public addresses only, unless the user allows more.
    let run = parallax(&["extract", feed.to_str().expect("a path")], b"");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("refused by the fetch policy: loopback address"), "{}", run.stderr);
    let run = parallax(&["extract", "--allow-private-urls", feed.to_str().expect("a path")], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("The harbour reopened on Thursday"), "{}", run.stdout);
    let bad = dir.path().join("broken.rss");
    std::fs::write(&bad, "this is not a feed").expect("the file");
    let run = parallax(&["extract", bad.to_str().expect("a path")], b"");
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("broken.rss: not an RSS or Atom feed"), "{}", run.stderr);
}

#[test]
fn the_timeout_is_the_users_and_a_slow_url_is_one_error_line() {
    let base = serve();
    let run = parallax(
        &["extract", "--timeout", "0.5", "--concurrency", "2", &format!("{base}/slow"), &format!("{base}/a")],
        b"",
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("/slow: timed out after 0.5 s"), "{}", run.stderr);
    assert!(run.stdout.contains("The ferry ran aground at dawn"), "{}", run.stdout);
    let run = parallax(&["extract", "--concurrency", "0", &format!("{base}/a")], b"");
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("--concurrency must be at least 1"), "{}", run.stderr);
}

#[test]
fn a_warc_file_is_read_page_by_page() {
    use std::io::Write as _;
    let page = |title: &str, body: &str| {
        format!(
            "<html><head><title>{title}</title><meta property=\"og:site_name\" content=\"Harbour Gazette\">\
             </head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
        )
    };
    let record = |url: &str, http: String| {
        let mut text = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len()
        );
        text.push_str(&http);
        text.push_str("\r\n\r\n");
        // Each record its own gzip member, as WARC writers do.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(text.as_bytes()).expect("in memory");
        gz.finish().expect("in memory")
    };
    let response =
        |html: String| format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    let mut warc = record(
        "https://gazette.example/2026/03/03/ferry",
        response(page(
            "Ferry runs aground off Halvik",
            "The ferry ran aground at dawn on Tuesday, the coastguard said.",
        )),
    );
    warc.extend(record(
        "https://gazette.example/2026/03/05/harbour",
        response(page(
            "Harbour reopens",
            "The harbour reopened on Thursday after divers checked the channel.",
        )),
    ));
    warc.extend(record("https://gazette.example/gone", "HTTP/1.1 404 Not Found\r\n\r\ngone".to_string()));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, warc).expect("the WARC file");
    let run = parallax(&["extract", "--format", "json", path.to_str().expect("a path")], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let got: Vec<(&str, &str, &str)> = v
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| {
            (
                a["title"].as_str().unwrap_or(""),
                a["url"].as_str().unwrap_or(""),
                a["published"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Ferry runs aground off Halvik", "https://gazette.example/2026/03/03/ferry", "2026-03-03"),
            ("Harbour reopens", "https://gazette.example/2026/03/05/harbour", "2026-03-05"),
        ]
    );
}

#[test]
fn the_fetch_policy_holds_redirects_links_items_and_credentials() {
    let (base, hits) = serve_counting();
    // A loopback start may not be redirected to link-local (cloud metadata), nor may a feed on
    // loopback link there.
    let run = parallax(&["extract", &format!("{base}/metadata"), &format!("{base}/metadata-feed")], b"");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let refusals = run.stderr.matches("refused by the fetch policy: link-local address").count();
    assert_eq!(refusals, 2, "{}", run.stderr);
    // Nor to a private network or a multicast address: a loopback start vouches for loopback
    // only.
    let run = parallax(&["extract", &format!("{base}/private"), &format!("{base}/multicast")], b"");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("refused by the fetch policy: private address"), "{}", run.stderr);
    assert!(run.stderr.contains("refused by the fetch policy: multicast address"), "{}", run.stderr);
    // A feed whose items all link back to it: the feed is fetched once, and no item is read
    // again as a feed.
    let run = parallax(&["brief", "--format", "json", &format!("{base}/self-feed")], b"");
    assert_eq!(
        hits.lock().map(|h| h.get("/self-feed").copied()).ok().flatten(),
        Some(1),
        "the feed fetched once: {}",
        run.stderr
    );
    // Ten items linking one page: fetched once; at most --max-items items read.
    let run = parallax(&["brief", "--format", "json", &format!("{base}/many")], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        hits.lock().map(|h| h.get("/a").copied()).ok().flatten(),
        Some(1),
        "one fetch per distinct URL"
    );
    // A page named and linked from a feed, in one run: fetched and briefed once.
    let before = hits.lock().map(|h| h.get("/a").copied().unwrap_or(0)).unwrap_or(0);
    let run = parallax(&["brief", "--format", "json", &format!("{base}/a"), &format!("{base}/many")], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let after = hits.lock().map(|h| h.get("/a").copied().unwrap_or(0)).unwrap_or(0);
    assert_eq!(after - before, 1, "one fetch per URL in a run");
    let briefing: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(briefing["documents"].as_array().map(Vec::len), Some(1), "{}", run.stdout);
    let run = parallax(&["brief", "--format", "json", "--max-items", "3", &format!("{base}/many")], b"");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("7 items past the first 3 were not read (--max-items)"), "{}", run.stderr);
    // Credentials never reach the briefing or the error lines.
    let with_secret = base.replacen("http://", "http://reader:s3cret@", 1);
    let run = parallax(
        &["brief", "--format", "json", &format!("{with_secret}/a"), &format!("{with_secret}/gone")],
        b"",
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stdout.contains("Ferry runs aground"), "{}", run.stdout);
    assert!(!run.stdout.contains("s3cret") && !run.stderr.contains("s3cret"), "{}{}", run.stdout, run.stderr);
    // The bytes fetched in one run are capped (--max-total): past it, URLs are refused.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("news.db").display().to_string();
    let (a, b, feed) = (format!("{base}/a"), format!("{base}/b"), format!("{base}/feed"));
    let run =
        parallax(&["ingest", "--db", &db, "--max-total", "100", "--concurrency", "1", &a, &b, &feed], b"");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("the run has fetched its limit of 100 bytes"), "{}", run.stderr);
    // A body in an encoding the client cannot decode is refused, not read as text.
    let run = parallax(&["extract", &format!("{base}/deflate")], b"");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("unsupported content encoding \"deflate\""), "{}", run.stderr);
}

#[test]
fn serve_polls_the_feeds_listed_in_its_file() {
    let (base, hits) = serve_counting();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("news.db");
    let db = db.to_str().expect("a path");
    let list = dir.path().join("feeds.txt");
    std::fs::write(&list, format!("# the desk's feeds\n\n{base}/feed-plain\n{base}/feed\n"))
        .expect("the list");
    let bad_list = dir.path().join("bad.txt");
    std::fs::write(&bad_list, "ftp://example.org/feed\n").expect("the list");
    let run = parallax(&["serve", "--db", db, "--feeds", bad_list.to_str().expect("a path")], b"");
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("bad.txt:1: not a feed's http or https URL"), "{}", run.stderr);
    assert!(parallax(&["ingest", "--db", db, "examples/ferry/"], b"").code == Some(0));
    let port = TcpListener::bind("127.0.0.1:0").expect("a port").local_addr().expect("an address").port();
    let listen = format!("127.0.0.1:{port}");
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["serve", "--db", db, "--listen", &listen, "--poll-interval", "1", "--allow-private-urls"])
        .arg("--feeds")
        .arg(&list)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the server starts");
    let feeds = (0..200)
        .find_map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(50));
            let feeds = http_get(port, "/api/v1/feeds")?;
            (feeds["feeds"][0]["documents"] == 2).then_some(feeds)
        })
        .unwrap_or_else(|| panic!("the feed was not polled within 10 s"));
    assert_eq!(feeds["feeds"][0]["url"], format!("{base}/feed-plain"));
    // Polled again a second later, the feed's items are known: their pages are not fetched
    // again.
    let again = (0..200)
        .find_map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(50));
            let feeds = http_get(port, "/api/v1/feeds")?;
            let outcome = feeds["feeds"][0]["outcome"].as_str()?.to_string();
            outcome.starts_with("0 new documents").then_some(outcome)
        })
        .unwrap_or_else(|| panic!("the feed was not polled again within 10 s"));
    assert_eq!(again, "0 new documents, 2 already stored");
    let count = |path: &str| hits.lock().expect("the hits").get(path).copied().unwrap_or(0);
    assert!(count("/feed-plain") >= 2);
    assert_eq!((count("/a"), count("/b")), (1, 1), "an item's page fetched again");
    // The other feed gives an ETag: asked again, it answers 304 and is not read.
    let unchanged = (0..200).find_map(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let feeds = http_get(port, "/api/v1/feeds")?;
        (feeds["feeds"][1]["outcome"] == "unchanged since the last poll").then_some(())
    });
    assert!(unchanged.is_some(), "{:?}", http_get(port, "/api/v1/feeds"));
    assert!(count("304 /feed") >= 1);
    let stories = http_get(port, "/api/v1/stories").expect("the stories");
    let headlines: Vec<&str> =
        stories["stories"].as_array().into_iter().flatten().filter_map(|s| s["headline"].as_str()).collect();
    assert!(headlines.iter().any(|h| h.contains("aground")), "{stories}");
    let _ = server.kill();
    let output = server.wait_with_output().expect("the server's output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("feeds.txt: 2 feeds listed, 2 new to the store"), "{stderr}");
    assert!(stderr.contains("/feed-plain: 2 new documents"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn the_readmes_server_shows_the_demo_and_stops_on_sigterm_with_an_event_stream_open() {
    // The README's third command: the demo ingested, then served; its river shows the ferry
    // story. A reader's open tab holds an event stream, which never ends on its own: told to
    // stop, the server ends it and exits.
    use std::io::Read;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("news.db");
    let db = db.to_str().expect("a path");
    assert!(parallax(&["ingest", "--db", db, "examples/ferry", "--date", "2026-03-04"], b"").code == Some(0));
    let port = TcpListener::bind("127.0.0.1:0").expect("a port").local_addr().expect("an address").port();
    let listen = format!("127.0.0.1:{port}");
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["serve", "--db", db, "--listen", &listen])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the server starts");
    let mut stream = (0..200)
        .find_map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(50));
            std::net::TcpStream::connect(("127.0.0.1", port)).ok()
        })
        .unwrap_or_else(|| panic!("the server did not listen within 10 s"));
    let mut river = String::new();
    write!(stream, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").expect("the request");
    stream.read_to_string(&mut river).expect("the river");
    assert!(river.contains("Ferry and cargo ship collide in fog off Halvik"), "{river}");
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("a connection");
    write!(stream, "GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\n\r\n").expect("the request");
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).expect("the stream's answer");
    assert_eq!(&head, b"HTTP/1.1 200");
    let killed = std::process::Command::new("kill").args(["-TERM", &server.id().to_string()]).status();
    assert!(killed.is_ok_and(|s| s.success()));
    let exited = (0..200).find_map(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        server.try_wait().ok().flatten()
    });
    if exited.is_none() {
        let _ = server.kill();
    }
    let status = exited.unwrap_or_else(|| panic!("the server still ran 10 s after SIGTERM"));
    assert!(status.success(), "{status}");
    // The stream was ended, not cut: the reader sees its end.
    let mut rest = Vec::new();
    stream.set_read_timeout(Some(std::time::Duration::from_secs(5))).expect("a timeout");
    assert!(stream.read_to_end(&mut rest).is_ok(), "the stream ends");
}

/// `parallax watch` of `feed` into the store `db`: three polls, one after the other.
fn watch_thrice(db: &std::path::Path, feed: &str) -> crate::Run {
    let db = db.to_str().expect("a path");
    parallax(&["watch", "--db", db, "--interval", "0", "--polls", "3", "--allow-private-urls", feed], b"")
}

#[test]
fn watch_fetches_a_feed_items_page_once() {
    let (base, hits) = serve_counting();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("news.db");
    let feed = format!("{base}/feed-plain");
    let run = watch_thrice(&db, &feed);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("poll 1: 2 new documents, 0 already stored"), "{}", run.stderr);
    assert!(run.stderr.contains("poll 3: 0 new documents, 2 already stored"), "{}", run.stderr);
    {
        let hits = hits.lock().expect("the hits");
        assert_eq!(hits.get("/feed-plain"), Some(&3));
        assert_eq!((hits.get("/a"), hits.get("/b")), (Some(&1), Some(&1)), "{hits:?}");
    }
    // A feed that gives an ETag is asked whether it changed: it answers 304, and nothing of it
    // is read again.
    let fresh = dir.path().join("etag.db");
    let run = watch_thrice(&fresh, &format!("{base}/feed"));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("poll 1: 2 new documents"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "poll 3: 0 new documents, 0 already stored, 0 new stories (1 unchanged since the last poll)"
        ),
        "{}",
        run.stderr
    );
    let hits = hits.lock().expect("the hits");
    assert_eq!((hits.get("/feed"), hits.get("304 /feed")), (Some(&3), Some(&2)), "{hits:?}");
}

/// The JSON answer to `GET path` on 127.0.0.1:`port`, when there is one.
fn http_get(port: u16, path: &str) -> Option<serde_json::Value> {
    use std::io::Read;
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").ok()?;
    let mut raw = String::new();
    stream.read_to_string(&mut raw).ok()?;
    serde_json::from_str(raw.split_once("\r\n\r\n")?.1).ok()
}
