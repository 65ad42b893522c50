//! `parallax brief` and `parallax extract` on URLs and feeds, against a server on 127.0.0.1.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use crate::parallax;

/// Serves two articles, a feed linking to them, and a 404, on a free loopback port.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    let own = base.clone();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("a clone"));
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let article = |title: &str, body: &str| {
                format!(
                    "<html><head><title>{title}</title><meta property=\"og:site_name\" content=\"Harbour Gazette\"></head><body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
                )
            };
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
                "/feed" => (
                    "200 OK",
                    "application/rss+xml",
                    format!(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Gazette</title><item><title>Ferry runs aground off Halvik</title><link>{own}/a</link></item><item><title>Harbour reopens after the grounding</title><link>{own}/b</link></item></channel></rss>"
                    ),
                ),
                _ => ("404 Not Found", "text/plain", "no such page".to_string()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
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
    let run = parallax(&["extract", feed.to_str().expect("a path")], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("The harbour reopened on Thursday"), "{}", run.stdout);
    let bad = dir.path().join("broken.rss");
    std::fs::write(&bad, "this is not a feed").expect("the file");
    let run = parallax(&["extract", bad.to_str().expect("a path")], b"");
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("broken.rss: not an RSS or Atom feed"), "{}", run.stderr);
}
