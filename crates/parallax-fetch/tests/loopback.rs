//! Fetching against a small HTTP server on 127.0.0.1: a feed with several items, redirects
//! (and a redirect loop), a 404, a slow server (timeout), an oversized page (cap), a page in
//! windows-1252 and one in UTF-8 without a charset header. No other network is used.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use parallax_fetch::{Config, feed_items, fetch_all};

/// Serves the test routes on a free loopback port; returns the base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    let feed_base = base.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let feed_base = feed_base.clone();
            std::thread::spawn(move || answer(stream, &feed_base));
        }
    });
    base
}

fn answer(mut stream: TcpStream, base: &str) {
    let mut reader = BufReader::new(stream.try_clone().expect("a clone of the stream"));
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    // Drain the headers.
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).map_or(true, |n| n == 0) || h == "\r\n" {
            break;
        }
    }
    let feed = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>
        <item><title>Ferry runs aground</title><link>{base}/utf8</link></item>
        <item><title>Harbour reopens</title><link>{base}/cp1252</link></item>
        <item><title>Pilots join</title><link>{base}/redirect</link></item>
        </channel></rss>"#
    );
    let (status, headers, body): (&str, String, Vec<u8>) = match path.as_str() {
        "/feed.xml" => ("200 OK", "Content-Type: application/rss+xml\r\n".into(), feed.into_bytes()),
        "/utf8" => (
            "200 OK",
            "Content-Type: text/html\r\n".into(),
            "<html><body><p>Caf\u{e9} owners in Halvik said the ferry was late.</p></body></html>".into(),
        ),
        "/cp1252" => (
            "200 OK",
            "Content-Type: text/html; charset=windows-1252\r\n".into(),
            b"<html><body><p>The caf\xe9 reopened, \x93at last\x94, on Monday.</p></body></html>".to_vec(),
        ),
        "/redirect" => ("302 Found", format!("Location: {base}/utf8\r\n"), Vec::new()),
        "/loop" => ("302 Found", format!("Location: {base}/loop\r\n"), Vec::new()),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            ("200 OK", "Content-Type: text/html\r\n".into(), b"<p>late</p>".to_vec())
        }
        "/huge" => ("200 OK", "Content-Type: text/html\r\n".into(), vec![b'a'; 300_000]),
        _ => ("404 Not Found", "Content-Type: text/plain\r\n".into(), b"no such page".to_vec()),
    };
    let head =
        format!("HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn config() -> Config {
    Config { timeout: Duration::from_secs(1), max_bytes: 100_000, ..Config::default() }
}

#[test]
fn pages_errors_and_charsets() {
    let base = serve();
    let urls: Vec<String> = ["/utf8", "/cp1252", "/redirect", "/missing", "/slow", "/huge", "/loop"]
        .iter()
        .map(|p| format!("{base}{p}"))
        .collect();
    let got = fetch_all(&urls, &config());
    assert_eq!(got.len(), urls.len());
    let utf8 = got[0].as_ref().expect("utf8 page");
    assert!(utf8.html && utf8.text.contains("Café owners"), "{utf8:?}");
    let cp = got[1].as_ref().expect("windows-1252 page");
    assert!(cp.text.contains("café reopened, “at last”"), "{cp:?}");
    let redirected = got[2].as_ref().expect("redirect followed");
    assert!(redirected.final_url.ends_with("/utf8"), "{redirected:?}");
    assert_eq!(got[3].as_ref().err().map(String::as_str), Some("HTTP 404"));
    assert!(got[4].as_ref().is_err_and(|e| e.contains("timed out")), "{:?}", got[4]);
    assert!(got[5].as_ref().is_err_and(|e| e.contains("limit")), "{:?}", got[5]);
    assert!(got[6].as_ref().is_err_and(|e| e.contains("redirects")), "{:?}", got[6]);
}

#[test]
fn a_feed_and_its_items() {
    let base = serve();
    let got = fetch_all(&[format!("{base}/feed.xml")], &config());
    let page = got[0].as_ref().expect("the feed");
    assert!(page.feed && !page.html);
    let items = feed_items(page.text.as_bytes()).expect("items");
    assert_eq!(items.len(), 3);
    let links: Vec<String> = items.iter().filter_map(|i| i.link.clone()).collect();
    let pages = fetch_all(&links, &config());
    assert!(pages.iter().all(Result::is_ok), "{pages:?}");
}
