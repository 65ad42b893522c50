//! The server against a real store, over real HTTP on 127.0.0.1: what it answers, and how it
//! answers what it must refuse.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;

use parallax_model::{DocFormat, DocId, DocMeta, RawDoc};
use parallax_serve::{Config, ServeError};
use parallax_store::{IngestConfig, Store};

fn doc(id: &str, text: &str) -> (RawDoc, bool) {
    let doc = RawDoc {
        id: DocId::new(id).expect("an id"),
        path: format!("{id}.txt"),
        format: DocFormat::Text,
        text: text.to_string(),
        meta: DocMeta { published: Some(jiff::civil::date(2026, 3, 4)), ..DocMeta::default() },
    };
    (doc, true)
}

/// A store of two stories we wrote: a ferry collision told three times, a council vote twice.
fn store(path: &Path) {
    let mut store = Store::open(path).expect("a store");
    let docs = vec![
        doc(
            "ferry-1",
            "Ferry and cargo ship collide off Halvik\nA passenger ferry and a cargo ship collided in thick fog off Halvik harbour on Tuesday, injuring fourteen passengers. The coastguard said the Nordlys ferry was carrying 212 people.",
        ),
        doc(
            "ferry-2",
            "Fourteen hurt as ferry hits cargo ship in Halvik fog\nFourteen people were hurt when the Nordlys ferry struck a cargo ship in dense fog near Halvik harbour, the coastguard said. The ferry had 212 people on board.",
        ),
        doc(
            "ferry-3",
            "Halvik collision: coastguard questions fog procedures\nThe coastguard is examining why the Nordlys ferry and the cargo ship were in the same lane in fog off Halvik. Fourteen passengers were injured in the collision.",
        ),
        doc(
            "council-1",
            "Ostra council approves cycle lanes\nOstra city council voted on Tuesday to build protected cycle lanes across the Ostra bridge. Councillors approved the plan by nine votes to four after a long debate about parking.",
        ),
        doc(
            "council-2",
            "Cycle lanes for Ostra bridge win council vote\nThe Ostra council has approved protected cycle lanes on the Ostra bridge, with nine councillors for and four against. Opponents worried about parking on the bridge.",
        ),
    ];
    let config = IngestConfig { now: "2026-03-04T12:00:00Z".to_string(), ..IngestConfig::default() };
    store.ingest(docs, &config).expect("ingest");
}

/// Starts the server for `config` on a free loopback port, in the background.
fn start(config: Config) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    listener.set_nonblocking(true).expect("non-blocking");
    let addr = listener.local_addr().expect("an address");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("a listener");
            let _ = parallax_serve::serve(listener, config, std::future::pending()).await;
        });
    });
    addr
}

/// An answer: status, headers (names lowercased) and body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    bytes: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// `GET path` with `extra` header lines, over a fresh connection.
fn get(addr: SocketAddr, path: &str, extra: &str) -> Answer {
    send(addr, "GET", path, extra, b"")
}

/// `method path` with `extra` header lines and `body`, over a fresh connection.
fn send(addr: SocketAddr, method: &str, path: &str, extra: &str, body: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(addr).expect("a connection");
    let length = if body.is_empty() && method == "GET" {
        String::new()
    } else {
        format!("Content-Length: {}\r\n", body.len())
    };
    let request =
        format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{length}{extra}\r\n");
    stream.write_all(request.as_bytes()).expect("sent");
    // The server may answer before reading all of a body it refuses.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("an answer");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").map_or(raw.len(), |at| at + 4);
    let (head, bytes) = raw.split_at(split);
    let head = String::from_utf8_lossy(head).into_owned();
    let body = String::from_utf8_lossy(bytes).into_owned();
    let mut lines = head.lines();
    let status =
        lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Answer { status, headers, body, bytes: bytes.to_vec() }
}

fn served() -> (tempfile::TempDir, SocketAddr) {
    served_with(|c| c)
}

/// A served store of [`store`], with the configuration `adjust` gives.
fn served_with(adjust: impl FnOnce(Config) -> Config) -> (tempfile::TempDir, SocketAddr) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("news.db");
    store(&db);
    let addr = start(adjust(Config { db, ..Config::default() }));
    (dir, addr)
}

/// A live token named `name` in the store of `dir`.
fn token(dir: &Path, name: &str) -> String {
    let mut store = Store::open(&dir.join("news.db")).expect("the store");
    store.create_token(name, "2026-03-04T12:00:00Z").expect("a token")
}

fn documents_in(addr: SocketAddr) -> u64 {
    get(addr, "/readyz", "").json()["documents"].as_u64().unwrap_or(0)
}

#[test]
fn stories_briefings_documents_atom_pages_and_metrics() {
    let (_dir, addr) = served();
    let list = get(addr, "/api/v1/stories", "");
    assert_eq!(list.status, 200, "{}", list.body);
    let stories = list.json()["stories"].as_array().cloned().unwrap_or_default();
    assert_eq!(stories.len(), 2, "{stories:?}");
    let ferry = stories.iter().find(|s| s["size"] == 3).expect("the ferry story");
    let id = ferry["id"].as_i64().expect("an id");
    assert_eq!(ferry["outlets"], 3, "{ferry}");
    let told_thrice = get(addr, "/api/v1/stories?min_origins=3", "").json();
    assert_eq!(told_thrice["stories"].as_array().map(Vec::len), Some(1), "{told_thrice}");
    assert_eq!(told_thrice["stories"][0]["id"].as_i64(), Some(id));

    let story = get(addr, &format!("/api/v1/stories/{id}"), "");
    assert_eq!(story.status, 200, "{}", story.body);
    assert_eq!(story.json()["schema"], "parallax.brief/1");
    assert_eq!(story.json()["documents"].as_array().map(Vec::len), Some(3));
    let etag = story.header("etag").expect("an ETag").to_string();
    let again = get(addr, &format!("/api/v1/stories/{id}"), &format!("If-None-Match: {etag}\r\n"));
    assert_eq!((again.status, again.body.as_str()), (304, ""));
    let other = get(addr, &format!("/api/v1/stories/{id}"), "If-None-Match: \"0\"\r\n");
    assert_eq!(other.status, 200);
    let gzipped = get(addr, &format!("/api/v1/stories/{id}"), "Accept-Encoding: br, gzip;q=0.8\r\n");
    assert_eq!(gzipped.header("content-encoding"), Some("gzip"));
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&gzipped.bytes[..]).read_to_string(&mut unzipped).expect("gzip");
    assert_eq!(unzipped, story.body);

    let docs = get(addr, &format!("/api/v1/stories/{id}/documents"), "");
    let mut ids: Vec<String> = docs.json()["documents"]
        .as_array()
        .map(|d| d.iter().filter_map(|x| x["id"].as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    ids.sort();
    assert_eq!(ids, ["ferry-1", "ferry-2", "ferry-3"]);

    let atom = get(addr, "/stories.atom", "");
    assert_eq!(atom.header("content-type"), Some("application/atom+xml; charset=utf-8"));
    assert!(
        atom.body.starts_with("<?xml") && atom.body.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
    );
    assert_eq!(atom.body.matches("<entry>").count(), 2, "{}", atom.body);
    assert!(atom.body.contains(&format!("<link href=\"/stories/{id}\"/>")));
    // One story's feed: an entry per article, each with its own id.
    let feed = get(addr, &format!("/stories/{id}.atom"), "");
    assert_eq!(feed.status, 200, "{}", feed.body);
    assert_eq!(feed.header("content-type"), Some("application/atom+xml; charset=utf-8"));
    assert_eq!(feed.body.matches("<entry>").count(), 3, "{}", feed.body);
    // An entry is titled by its article's title (each text's first line), and links to its page.
    assert!(
        feed.body.contains("<title>Fourteen hurt as ferry hits cargo ship in Halvik fog</title>"),
        "{}",
        feed.body
    );
    assert!(feed.body.contains("<link href=\"/documents/"), "{}", feed.body);
    let entry_ids: std::collections::BTreeSet<&str> =
        feed.body.lines().filter(|l| l.contains("<id>urn:parallax:article:")).collect();
    assert_eq!(entry_ids.len(), 3, "{}", feed.body);
    for (path, status) in [("/stories/999999.atom", 404), ("/stories/x.atom", 400), ("/stories/0.atom", 400)]
    {
        assert_eq!(get(addr, path, "").status, status, "{path}");
    }

    let river = get(addr, "/", "");
    assert!(river.body.contains(&format!("<a href=\"/stories/{id}\">")), "{}", river.body);
    assert!(river.body.contains("<script src=\"/live.js\" defer></script>\n</body>"), "{}", river.body);
    let page = get(addr, &format!("/stories/{id}"), "");
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(page.body.contains("Halvik"), "{}", page.body);
    assert!(
        page.body.contains(&format!("data-story=\"{id}\"")) && page.body.contains("/live.js"),
        "{}",
        page.body
    );
    let script = get(addr, "/live.js", "");
    assert_eq!(script.header("content-type"), Some("text/javascript; charset=utf-8"));
    assert!(script.body.contains("new EventSource(\"/api/v1/events\""));
    // The river follows the changes after the one its list was made at.
    let river = get(addr, "/", "");
    assert!(river.body.contains(" data-since=\""), "{}", river.body);

    assert_eq!(get(addr, "/healthz", "").json()["status"], "ok");
    assert_eq!(get(addr, "/readyz", "").json()["documents"], 5);
    let metrics = get(addr, "/metrics", "").body;
    assert!(
        metrics.contains("parallax_http_requests_total{route=\"/api/v1/stories/{id}\",status=\"304\"} 1"),
        "{metrics}"
    );
    assert!(metrics.contains("parallax_store_documents 5"), "{metrics}");
}

#[test]
fn search_finds_articles_with_their_stories_and_refuses_what_is_not_a_search() {
    let (_dir, addr) = served();
    let found = get(addr, "/api/v1/search?q=fog%20coastguard", "");
    assert_eq!(found.status, 200, "{}", found.body);
    let found = found.json();
    let hits = found["hits"].as_array().expect("hits");
    let mut ids: Vec<&str> = hits.iter().filter_map(|h| h["id"].as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["ferry-1", "ferry-2", "ferry-3"]);
    // Each hit names its story, and the story lists it.
    let story = hits[0]["story"].as_i64().expect("a story");
    let documents = get(addr, &format!("/api/v1/stories/{story}/documents"), "").json();
    assert!(documents["documents"].as_array().expect("documents").iter().any(|d| d["id"] == hits[0]["id"]));
    assert!(hits.iter().all(|h| h["passage"].as_str().is_some_and(|p| p.contains("fog"))));
    let one = get(addr, "/api/v1/search?q=%22cycle%20lanes%22&limit=1", "").json();
    assert_eq!(one["hits"].as_array().map(Vec::len), Some(1));
    // The page: the form alone, then hits linking to their stories, the words escaped.
    let page = get(addr, "/search", "");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("name=\"q\""));
    let page = get(addr, "/search?q=parking%20%3Cb%3E", "");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("No article holds") && page.body.contains("&lt;b&gt;"), "{}", page.body);
    let page = get(addr, "/search?q=parking", "");
    assert!(page.body.contains("href=\"/stories/"), "{}", page.body);
    // A hit's document: its body, its story, and its page.
    let number = hits[0]["document"].as_i64().expect("a document");
    let stored = get(addr, &format!("/api/v1/documents/{number}"), "");
    assert_eq!(stored.status, 200, "{}", stored.body);
    let stored = stored.json();
    let article = &stored["articles"][0];
    assert_eq!(article["id"], hits[0]["id"]);
    assert_eq!(article["story"], hits[0]["story"]);
    assert!(article["text"].as_str().is_some_and(|t| t.contains("fog")), "{article}");
    assert!(article["removed"].is_array());
    let page = get(addr, &format!("/documents/{number}"), "");
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&format!("href=\"/stories/{story}\"")), "{}", page.body);
    let search_page = get(addr, "/search?q=fog", "");
    assert!(search_page.body.contains(&format!("href=\"/documents/{number}\"")), "{}", search_page.body);
    for (path, status) in
        [("/api/v1/documents/999999", 404), ("/api/v1/documents/0", 400), ("/documents/x", 400)]
    {
        let answer = get(addr, path, "");
        assert_eq!(answer.status, status, "{path}: {}", answer.body);
        assert!(answer.json()["error"]["message"].is_string());
    }
    // A query of no words finds nothing; one too long is refused.
    let nothing = get(addr, "/api/v1/search?q=%21%21", "");
    assert_eq!(nothing.status, 200, "{}", nothing.body);
    assert_eq!(nothing.json()["hits"].as_array().map(Vec::len), Some(0));
    let long = format!("/api/v1/search?q={}", "x".repeat(501));
    assert_eq!(get(addr, &long, "").status, 400);
    // What is not a search: a JSON error, never a server error.
    for bad in ["", "?q=", "?q=fog&limit=0", "?q=fog&limit=101", "?q=fog&offset=5000", "?q=fog&x=1"] {
        let answer = get(addr, &format!("/api/v1/search{bad}"), "");
        assert_eq!(answer.status, 400, "{bad}: {}", answer.body);
        assert!(answer.json()["error"]["message"].is_string());
    }
    for syntax in ["fog%20OR%20x", "title%3Afog", "NEAR(fog)", "%22", "fog*"] {
        assert_eq!(get(addr, &format!("/api/v1/search?q={syntax}"), "").status, 200, "{syntax}");
    }
}

#[test]
fn what_it_must_refuse_gets_a_json_error_and_the_headers_every_answer_has() {
    let (_dir, addr) = served();
    for (path, status) in [
        ("/api/v1/stories/abc", 400),
        ("/api/v1/stories/0", 400),
        ("/api/v1/stories/-3", 400),
        ("/api/v1/stories/999", 404),
        ("/api/v1/stories/999/documents", 404),
        ("/api/v1/stories?limit=100000", 400),
        ("/api/v1/stories?limit=0", 400),
        ("/api/v1/stories?limit=-1", 400),
        ("/api/v1/stories?bogus=1", 400),
        ("/stories/..%2F..%2Fetc%2Fpasswd", 400),
        ("/../../etc/passwd", 404),
        ("/nothing-here", 404),
        ("DELETE /api/v1/stories", 405),
        ("GET /api/v1/documents", 405),
    ] {
        let (method, path) = path.split_once(' ').unwrap_or(("GET", path));
        let answer = send(addr, method, path, "", b"");
        assert_eq!(answer.status, status, "{path}: {}", answer.body);
        assert_eq!(answer.json()["error"]["status"], status, "{path}");
        assert!(answer.json()["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{path}");
        assert_eq!(answer.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert!(
            answer.header("content-security-policy").is_some_and(|c| c.contains("default-src 'none'")),
            "{path}"
        );
    }
}

#[test]
fn a_store_replaced_between_writes_is_written_afresh_not_through_the_old_file() {
    let (dir, addr) = served();
    let auth = format!("Authorization: Bearer {}\r\n", token(dir.path(), "desk"));
    let record =
        |id: &str, text: &str| format!(r#"{{"id": "{id}", "published": "2026-03-04", "text": "{text}"}}"#);
    let first = record(
        "grain-1",
        "Grain prices ease\\nWheat and barley prices fell for a third week as forecasts improved.",
    );
    assert_eq!(send(addr, "POST", "/api/v1/documents", &auth, first.as_bytes()).status, 200);
    // Another store put in the served one's place (its files removed, the new one moved in).
    let other = dir.path().join("other.db");
    let mut replacement = Store::open(&other).expect("a store");
    let again = replacement.create_token("desk2", "2026-03-04T12:00:00Z").expect("a token");
    drop(replacement);
    for file in ["news.db", "news.db-wal", "news.db-shm"] {
        let _ = std::fs::remove_file(dir.path().join(file));
    }
    std::fs::rename(&other, dir.path().join("news.db")).expect("moved in");
    let second = record(
        "council-9",
        "Ostra council meets\\nThe Ostra council will meet on Friday to discuss the harbour budget.",
    );
    let auth = format!("Authorization: Bearer {again}\r\n");
    let written = send(addr, "POST", "/api/v1/documents", &auth, second.as_bytes());
    assert_eq!(written.status, 200, "{}", written.body);
    let now = Store::open_read_only(&dir.path().join("news.db")).expect("the new store");
    assert_eq!(now.stats().expect("counts").documents, 1, "the new file holds the second document");
}

#[test]
fn a_store_that_goes_away_makes_it_unready_not_dead() {
    let (dir, addr) = served();
    assert_eq!(get(addr, "/readyz", "").status, 200);
    for entry in std::fs::read_dir(dir.path()).expect("the folder").flatten() {
        let _ = std::fs::remove_file(entry.path());
    }
    let unready = get(addr, "/readyz", "");
    assert_eq!(unready.status, 503, "{}", unready.body);
    assert!(unready.json()["error"]["message"].as_str().is_some_and(|m| m.contains("no Parallax database")));
    assert_eq!(get(addr, "/healthz", "").status, 200);
}

#[test]
fn it_listens_on_loopback_only_and_needs_a_store() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("news.db");
    store(&db);
    let open =
        Config { db: db.clone(), listen: "0.0.0.0:0".parse().expect("an address"), ..Config::default() };
    assert!(matches!(parallax_serve::run(open), Err(ServeError::NotLoopback(_))));
    let missing = Config {
        db: dir.path().join("none.db"),
        listen: "127.0.0.1:0".parse().expect("an address"),
        ..Config::default()
    };
    let err = parallax_serve::run(missing).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("no Parallax database"), "{err}");
}

#[test]
fn the_openapi_document_describes_every_route() {
    let (_dir, addr) = served();
    let doc = get(addr, "/api/v1/openapi.json", "").json();
    assert_eq!(doc["openapi"], "3.0.3");
    let paths: Vec<&str> =
        doc["paths"].as_object().map(|p| p.keys().map(String::as_str).collect()).unwrap_or_default();
    for route in [
        "/",
        "/stories/{id}",
        "/stories.atom",
        "/stories/{id}.atom",
        "/api/v1/stories",
        "/api/v1/stories/{id}",
        "/api/v1/stories/{id}/documents",
        "/api/v1/search",
        "/search",
        "/api/v1/documents/{id}",
        "/documents/{id}",
        "/api/v1/documents",
        "/api/v1/events",
        "/api/v1/feeds",
        "/api/v1/feeds/{id}",
        "/feeds",
        "/api/v1/tokens",
        "/api/v1/tokens/{name}",
        "/tokens",
        "/api/v1/openapi.json",
        "/live.js",
        "/healthz",
        "/readyz",
        "/metrics",
    ] {
        assert!(paths.contains(&route), "{route} is not described");
        if route != "/api/v1/events" && route != "/api/v1/feeds/{id}" && route != "/api/v1/tokens/{name}" {
            assert_ne!(get(addr, &route.replace("{id}", "1"), "").status, 0);
        }
    }
    assert_eq!(paths.len(), 24, "{paths:?}");
}

#[test]
fn a_write_with_a_token_joins_the_running_stories() {
    let (dir, addr) = served();
    let desk = token(dir.path(), "desk");
    let auth = format!("Authorization: Bearer {desk}\r\n");
    let lines = concat!(
        r#"{"id": "ferry-4", "published": "2026-03-04", "text": "Coastguard names the Nordlys ferry master\nThe coastguard named the master of the Nordlys ferry that struck a cargo ship in fog off Halvik harbour, injuring fourteen passengers."}"#,
        "\n",
        r#"{"id": "grain-1", "published": "2026-03-04", "text": "Grain prices ease as the harvest improves\nWheat and barley prices fell for a third week as forecasts for the northern harvest improved."}"#,
        "\n"
    );
    let written = send(addr, "POST", "/api/v1/documents", &auth, lines.as_bytes());
    assert_eq!(written.status, 200, "{}", written.body);
    let report = written.json();
    assert_eq!((report["added"].as_u64(), report["new_stories"].as_u64()), (Some(2), Some(1)), "{report}");
    assert_eq!(report["documents"], serde_json::json!(["ferry-4", "grain-1"]));
    let stories = get(addr, "/api/v1/stories", "").json();
    // Each document with the stories it stands in: the ferry's, and a new one.
    let ferry =
        stories["stories"].as_array().into_iter().flatten().find(|s| s["size"] == 4).map(|s| s["id"].clone());
    assert_eq!(report["stories"][0], serde_json::json!([ferry.expect("the ferry story")]), "{report}");
    assert_eq!(report["stories"][1].as_array().map(Vec::len), Some(1), "{report}");
    assert_ne!(report["stories"][1], report["stories"][0]);
    let sizes: Vec<u64> = stories["stories"]
        .as_array()
        .map(|s| s.iter().filter_map(|x| x["size"].as_u64()).collect())
        .unwrap_or_default();
    assert!(sizes.contains(&4), "the ferry story grew: {stories}");
    // One record as application/json; sending it again stores nothing new.
    let one = r#"{"id": "council-3", "published": "2026-03-04", "text": "Ostra bridge cycle lanes approved\nOstra councillors voted nine to four for protected cycle lanes on the bridge."}"#;
    let json_type = format!("{auth}Content-Type: application/json\r\n");
    assert_eq!(send(addr, "POST", "/api/v1/documents", &json_type, one.as_bytes()).json()["added"], 1);
    assert_eq!(send(addr, "POST", "/api/v1/documents", &json_type, one.as_bytes()).json()["already"], 1);
    assert_eq!(documents_in(addr), 8);
}

#[test]
fn writes_without_a_live_token_or_over_the_limits_are_refused_and_write_nothing() {
    let (dir, addr) = served_with(|c| Config { max_body: 4096, max_records: 3, ..c });
    let desk = token(dir.path(), "desk");
    let record = r#"{"text": "Ferry and cargo ship collide off Halvik\nA passenger ferry and a cargo ship collided in fog."}"#;
    for (extra, status) in [
        (String::new(), 401),
        ("Authorization: Bearer 0123\r\n".to_string(), 401),
        ("Authorization: Basic ZGVzazp4\r\n".to_string(), 401),
    ] {
        let answer = send(addr, "POST", "/api/v1/documents", &extra, record.as_bytes());
        assert_eq!(answer.status, status, "{extra}: {}", answer.body);
        assert_eq!(answer.header("www-authenticate"), Some("Bearer"));
    }
    let auth = format!("Authorization: Bearer {desk}\r\n");
    let big = vec![b'x'; 10_000];
    assert_eq!(send(addr, "POST", "/api/v1/documents", &auth, &big).status, 413);
    let four = format!("{record}\n{record}\n{record}\n{record}\n");
    assert_eq!(send(addr, "POST", "/api/v1/documents", &auth, four.as_bytes()).status, 413);
    let deep = format!("{}{}", "[".repeat(2000), "]".repeat(2000));
    let nested = send(addr, "POST", "/api/v1/documents", &auth, deep.as_bytes());
    assert_eq!(nested.status, 400, "{}", nested.body);
    assert!(
        nested.json()["problems"][0]["message"].as_str().is_some_and(|m| m.contains("malformed JSON")),
        "{}",
        nested.body
    );
    assert_eq!(send(addr, "POST", "/api/v1/documents", &auth, b"not json\n").status, 400);
    // A revoked token is refused from its next request.
    let mut store = Store::open(&dir.path().join("news.db")).expect("the store");
    store.revoke_token("desk", "2026-03-05T00:00:00Z").expect("revoked");
    drop(store);
    assert_eq!(send(addr, "POST", "/api/v1/documents", &auth, record.as_bytes()).status, 401);
    assert_eq!(documents_in(addr), 5, "nothing was written");
}

/// A write with token `desk` that announces `announced` bytes and sends only `sent` of them,
/// its connection left open (read times out after 20 s).
fn post_part_of(addr: SocketAddr, desk: &str, announced: usize, sent: usize) -> TcpStream {
    let mut stream = TcpStream::connect(addr).expect("a connection");
    stream.set_read_timeout(Some(std::time::Duration::from_secs(20))).expect("a timeout");
    let head = format!(
        "POST /api/v1/documents HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer {desk}\r\nContent-Length: {announced}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).expect("sent");
    stream.write_all(&vec![b' '; sent]).expect("sent");
    stream
}

#[test]
fn a_huge_or_deep_body_is_refused_at_once_on_the_default_limits() {
    let (dir, addr) = served();
    let desk = token(dir.path(), "desk");
    // 100 MB announced: refused from the header, before the body is read (only 1 KB is sent).
    let mut stream = post_part_of(addr, &desk, 100_000_000, 1024);
    let started = std::time::Instant::now();
    let mut raw = Vec::new();
    let read = stream.read_to_end(&mut raw);
    let answer = String::from_utf8_lossy(&raw);
    assert!(answer.starts_with("HTTP/1.1 413"), "{read:?} after {:?}: {answer}", started.elapsed());
    // JSON nested 100,000 deep (200 KB, under the body limit): a clear 400, not a crash.
    let auth = format!("Authorization: Bearer {desk}\r\n");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let nested = send(addr, "POST", "/api/v1/documents", &auth, deep.as_bytes());
    assert_eq!(nested.status, 400, "{}", nested.body);
    assert_eq!(get(addr, "/healthz", "").status, 200);
    assert_eq!(documents_in(addr), 5, "nothing was written");
}

#[test]
fn a_request_past_its_time_or_past_the_slots_is_answered_503() {
    let (dir, addr) =
        served_with(|c| Config { request_timeout: std::time::Duration::from_secs(2), concurrent: 1, ..c });
    let desk = token(dir.path(), "desk");
    // A client that sends a tenth of its body and stalls holds the one slot...
    let mut slow = post_part_of(addr, &desk, 1000, 100);
    std::thread::sleep(std::time::Duration::from_millis(300));
    // ...so another request is told to come back,
    let busy = get(addr, "/api/v1/stories", "");
    assert_eq!((busy.status, busy.header("retry-after")), (503, Some("1")), "{}", busy.body);
    assert!(
        busy.json()["error"]["message"].as_str().is_some_and(|e| e.contains("too many requests at once")),
        "{}",
        busy.body
    );
    // and the stalled one is stopped at its time limit, with a JSON error.
    let mut raw = Vec::new();
    let _ = slow.read_to_end(&mut raw);
    let answer = String::from_utf8_lossy(&raw);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("the request took too long and was stopped"), "{answer}");
    // The slot is free again.
    assert_eq!(get(addr, "/healthz", "").status, 200);
    assert_eq!(documents_in(addr), 5, "nothing was written");
}

#[test]
fn a_client_that_sends_its_request_slowly_is_cut_off_while_others_are_served() {
    let (_dir, addr) = served_with(|c| Config { head_timeout: std::time::Duration::from_secs(1), ..c });
    // Half a request's head, then nothing (a byte now and then would do the same).
    let mut slow = TcpStream::connect(addr).expect("a connection");
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: loc").expect("sent");
    slow.set_read_timeout(Some(std::time::Duration::from_secs(10))).expect("a timeout");
    assert_eq!(get(addr, "/healthz", "").status, 200, "others are served meanwhile");
    let started = std::time::Instant::now();
    let mut rest = Vec::new();
    let read = slow.read_to_end(&mut rest);
    assert!(read.is_ok(), "the server closed the connection: {read:?} after {:?}", started.elapsed());
    assert!(!String::from_utf8_lossy(&rest).contains("200 OK"), "no answer to half a request");
}

#[test]
fn a_token_that_writes_too_fast_is_told_to_slow_down() {
    let (dir, addr) = served_with(|c| Config { write_rate: 0.0, ..c });
    let desk = token(dir.path(), "desk");
    let auth = format!("Authorization: Bearer {desk}\r\n");
    let statuses: Vec<u16> =
        (0..25).map(|_| send(addr, "POST", "/api/v1/documents", &auth, b"\n").status).collect();
    assert_eq!(statuses.iter().filter(|&&s| s == 400).count(), 20, "{statuses:?}");
    let slowed = send(addr, "POST", "/api/v1/documents", &auth, b"\n");
    assert_eq!((slowed.status, slowed.header("retry-after")), (429, Some("1")));
}

/// Opens `/api/v1/events` with `extra` headers and reads until `until` is in what came, or
/// five seconds pass; returns what came.
fn read_events(addr: SocketAddr, extra: &str, until: &str, meanwhile: impl FnOnce()) -> String {
    let mut stream = TcpStream::connect(addr).expect("a connection");
    stream.set_read_timeout(Some(std::time::Duration::from_millis(200))).expect("a timeout");
    let request =
        format!("GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n{extra}\r\n");
    stream.write_all(request.as_bytes()).expect("sent");
    let mut seen = String::new();
    let mut buf = [0u8; 4096];
    let mut meanwhile = Some(meanwhile);
    let started = std::time::Instant::now();
    while started.elapsed() < std::time::Duration::from_secs(5) && !seen.contains(until) {
        if let Ok(n) = stream.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        // Once the stream is open, do what should make an event.
        if seen.contains("text/event-stream")
            && let Some(act) = meanwhile.take()
        {
            act();
        }
    }
    seen
}

#[test]
fn events_tell_of_stories_as_they_change_and_resume_from_the_last_seen() {
    let (dir, addr) = served();
    // From the start of the log: the two stories the first batch started.
    let replay = read_events(addr, "Last-Event-ID: 0\r\n", "id: 2\n", || {});
    assert_eq!(replay.matches("event: story.created").count(), 2, "{replay}");
    assert!(replay.contains("\"size\":3") && replay.contains("\"size\":2"), "{replay}");
    // A new stream hears what happens from now on: here a fourth report, which counts fewer
    // injured than the other three.
    let desk = token(dir.path(), "desk");
    let live = read_events(addr, "", "event: story.updated", move || {
        let record = r#"{"id": "ferry-4", "published": "2026-03-04", "text": "Coastguard names the Nordlys ferry master\nThe coastguard named the master of the Nordlys ferry that struck a cargo ship in fog off Halvik harbour, injuring twelve passengers."}"#;
        let auth = format!("Authorization: Bearer {desk}\r\n");
        assert_eq!(send(addr, "POST", "/api/v1/documents", &auth, record.as_bytes()).status, 200);
    });
    assert!(live.contains("event: story.updated"), "{live}");
    assert!(live.contains("id: 3\n") && live.contains("\"size\":4"), "{live}");
    assert!(!live.contains("story.created"), "a new stream does not replay the past: {live}");
    // Where the sources now disagree, counted in the event, the list and the river as in the
    // story's briefing.
    assert!(replay.contains("\"divergences\":0") && live.contains("\"divergences\":1"), "{live}");
    let stories = get(addr, "/api/v1/stories", "").json();
    let ferry =
        stories["stories"].as_array().into_iter().flatten().find(|s| s["size"] == 4).expect("the ferry");
    assert_eq!(ferry["divergences"], 1, "{ferry}");
    let briefing = get(addr, &format!("/api/v1/stories/{}", ferry["id"]), "").json();
    assert_eq!(briefing["divergences"].as_array().map(Vec::len), Some(1), "{briefing}");
    let river = get(addr, "/", "").body;
    assert_eq!(river.matches("<span class=\"badge\">1 divergence</span>").count(), 1, "{river}");
    let feed = get(addr, "/stories.atom", "").body;
    assert!(feed.contains("4 articles, 4 independent origins, 1 divergence, "), "{feed}");
}

/// A story too large to be counted before it is told is told without its counts, and its
/// counts follow on the open streams once the background task has made them.
#[test]
fn a_large_storys_counts_follow_on_open_streams_once_made() {
    let (dir, addr) = served();
    let desk = token(dir.path(), "desk");
    // One agency's report carried by more sites than are counted at once: one origin.
    let wire = "Storm closes Brevik bridge\nA storm closed the Brevik bridge on Tuesday after gusts tore panels from its deck, the roads agency said, and ferries took the traffic.";
    let records: String = (0..=parallax_store::CARD_AT_ONCE)
        .map(|n| {
            let text = format!("{wire} Site {n} carried the agency's report.");
            format!(
                "{}\n",
                serde_json::json!({"id": format!("copy-{n}"), "published": "2026-03-05", "text": text})
            )
        })
        .collect();
    let live = read_events(addr, "", "event: story.carded", move || {
        let auth = format!("Authorization: Bearer {desk}\r\n");
        assert_eq!(send(addr, "POST", "/api/v1/documents", &auth, records.as_bytes()).status, 200);
    });
    let size = format!("\"size\":{}", parallax_store::CARD_AT_ONCE + 1);
    let event = |kind: &str| live.split("\n\n").find(|e| e.contains(kind)).unwrap_or_default().to_string();
    let created = event("event: story.created");
    assert!(created.contains(&size) && !created.contains("\"origins\""), "told at once, uncounted: {live}");
    let carded = event("event: story.carded");
    assert!(carded.contains(&size) && carded.contains("\"origins\":1"), "{live}");
    assert!(carded.contains("\"headline\":\"Storm closes Brevik bridge\""), "{carded}");
    assert!(!carded.contains("id: "), "no change of the log: {carded}");
}

#[test]
fn a_client_resuming_from_a_change_the_log_no_longer_holds_is_told_to_reload() {
    let (dir, addr) = served();
    let mut store = Store::open(&dir.path().join("news.db")).expect("the store");
    let short =
        IngestConfig { now: "2026-03-05T12:00:00Z".to_string(), changes_kept: 1, ..IngestConfig::default() };
    let later = doc(
        "ferry-5",
        "Nordlys ferry returns to service\nThe Nordlys ferry returned to the Halvik route after repairs to the damage from its collision with a cargo ship in fog.",
    );
    store.ingest(vec![later], &short).expect("a later batch");
    drop(store);
    let resumed = read_events(addr, "Last-Event-ID: 1\r\n", "id: 3\n", || {});
    let reset = resumed.find("event: stream.reset").expect("a reset");
    let next = resumed.find("id: 3\n").expect("the change the log holds");
    assert!(reset < next, "{resumed}");
    assert!(!resumed.contains("id: 2\n"), "{resumed}");
}

#[test]
fn an_event_id_from_far_ahead_waits_for_what_comes() {
    let (_dir, addr) = served();
    let far = read_events(addr, &format!("Last-Event-ID: {}\r\n", i64::MAX), "event:", || {});
    assert!(far.starts_with("HTTP/1.1 200"), "{far}");
    assert!(!far.contains("event:"), "{far}");
}

#[test]
fn the_list_of_stories_pages_by_cursor_and_filters_by_day_and_words() {
    let (_dir, addr) = served();
    let all: Vec<i64> = get(addr, "/api/v1/stories", "").json()["stories"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["id"].as_i64()).collect())
        .unwrap_or_default();
    assert_eq!(all.len(), 2);
    let first = get(addr, "/api/v1/stories?limit=1", "").json();
    assert_eq!(first["stories"][0]["id"].as_i64(), Some(all[0]), "{first}");
    let cursor = first["next_cursor"].as_str().expect("a next page").to_string();
    let second = get(addr, &format!("/api/v1/stories?limit=1&cursor={cursor}"), "").json();
    assert_eq!(second["stories"][0]["id"].as_i64(), Some(all[1]), "{second}");
    assert!(second["next_cursor"].is_null(), "the end of the list: {second}");
    // The river and the feed link their next page, with the query kept.
    let river = get(addr, "/?limit=1&min_size=2", "");
    assert!(
        river.body.contains(&format!("href=\"/?limit=1&amp;min_size=2&amp;cursor={cursor}\"")),
        "{}",
        river.body
    );
    let feed = get(addr, "/stories.atom?limit=1", "");
    assert!(
        feed.body
            .contains(&format!("<link rel=\"next\" href=\"/stories.atom?limit=1&amp;cursor={cursor}\"/>")),
        "{}",
        feed.body
    );

    let words = get(addr, "/api/v1/stories?q=cycle%20lanes", "").json();
    let found = words["stories"].as_array().cloned().unwrap_or_default();
    assert_eq!(found.len(), 1, "{words}");
    assert_eq!(found[0]["size"], 2, "the council's story: {words}");
    let later = get(addr, "/api/v1/stories?since=2026-03-05", "").json();
    assert_eq!(later["stories"].as_array().map(Vec::len), Some(0), "{later}");
    let that_day = get(addr, "/api/v1/stories?since=2026-03-04T23:59:00Z", "").json();
    assert_eq!(that_day["stories"].as_array().map(Vec::len), Some(2), "{that_day}");
    for bad in [
        "cursor=12",
        "cursor=a.b.c",
        "since=yesterday",
        "since=2026-13-01",
        &format!("q={}", "w".repeat(501)),
    ] {
        let answer = get(addr, &format!("/api/v1/stories?{bad}"), "");
        assert_eq!(answer.status, 400, "{bad}: {}", answer.body);
        assert!(answer.json()["error"]["message"].is_string(), "{}", answer.body);
    }
}

/// Serves `page` as HTML to every request on a free loopback port, in the background.
fn page_server(page: &'static str) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let addr = listener.local_addr().expect("an address");
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let answer = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    addr
}

#[test]
fn a_page_posted_by_its_url_is_fetched_within_the_policy() {
    const PAGE: &str = "<html><head><title>Coastguard names the Nordlys ferry master</title></head><body><article><h1>Coastguard names the Nordlys ferry master</h1><p>The coastguard on Wednesday named the master of the Nordlys ferry that struck a cargo ship in thick fog off Halvik harbour, injuring fourteen passengers.</p><p>The ferry was carrying 212 people when it hit the ship, the coastguard said.</p></article></body></html>";
    let pages = page_server(PAGE);
    let (dir, addr) = served();
    let desk = token(dir.path(), "desk");
    let auth = format!("Authorization: Bearer {desk}\r\nContent-Type: application/json\r\n");
    // By default the server reaches public addresses only: loopback, link-local (cloud
    // metadata) and other schemes are refused at once, and nothing is written.
    let before = documents_in(addr);
    for (url, why) in [
        (format!("http://{pages}/ferry-master.html"), "loopback address"),
        ("http://169.254.169.254/latest/meta-data/".to_string(), "link-local address"),
        ("file:///etc/passwd".to_string(), "only http and https"),
    ] {
        let body = serde_json::json!({ "url": url }).to_string();
        let answer = send(addr, "POST", "/api/v1/documents", &auth, body.as_bytes());
        assert_eq!(answer.status, 400, "{url}: {}", answer.body);
        assert!(answer.body.contains(why), "{url}: {}", answer.body);
    }
    assert_eq!(documents_in(addr), before);

    // Allowed to reach this machine, the server fetches the page and places it.
    let (dir, addr) = served_with(|c| Config { allow_private_urls: true, ..c });
    let desk = token(dir.path(), "desk");
    let auth = format!("Authorization: Bearer {desk}\r\nContent-Type: application/json\r\n");
    let body =
        serde_json::json!({ "url": format!("http://{pages}/2026/ferry-master.html?ref=feed") }).to_string();
    let answer = send(addr, "POST", "/api/v1/documents", &auth, body.as_bytes());
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["added"], 1, "{}", answer.body);
    assert_eq!(answer.json()["documents"], serde_json::json!(["ferry-master"]));
    let stories = get(addr, "/api/v1/stories", "").json();
    assert!(
        stories["stories"].as_array().into_iter().flatten().any(|s| s["size"] == 4),
        "the page joined the ferry story: {stories}"
    );
    // Without the token, nothing is fetched.
    let answer =
        send(addr, "POST", "/api/v1/documents", "Content-Type: application/json\r\n", body.as_bytes());
    assert_eq!(answer.status, 401);
}

#[test]
fn a_public_server_needs_a_token_to_read_unless_reads_are_public() {
    let (dir, addr) = served_with(|c| Config { public: true, ..c });
    let desk = token(dir.path(), "desk");
    for path in ["/api/v1/stories", "/", "/stories.atom", "/metrics", "/api/v1/search?q=ferry"] {
        let answer = get(addr, path, "");
        assert_eq!(answer.status, 401, "{path}: {}", answer.body);
        assert_eq!(answer.header("www-authenticate"), Some("Bearer"), "{path}");
        assert_eq!(get(addr, path, "Authorization: Bearer wrong\r\n").status, 401, "{path}");
        assert_eq!(get(addr, path, &format!("Authorization: Bearer {desk}\r\n")).status, 200, "{path}");
        assert_eq!(get(addr, path, &format!("X-Auth-Token: {desk}\r\n")).status, 200, "{path}");
    }
    assert_eq!(get(addr, "/healthz", "").status, 200, "the liveness probe stays open");
    // A revoked token is refused once the last check of it is older than a few seconds; a
    // token never seen is refused at once.
    let mut store = Store::open(&dir.path().join("news.db")).expect("the store");
    let other = store.create_token("other", "2026-03-04T12:00:00Z").expect("a token");
    store.revoke_token("other", "2026-03-04T12:00:01Z").expect("revoked");
    assert_eq!(get(addr, "/api/v1/stories", &format!("X-Auth-Token: {other}\r\n")).status, 401);

    let (_dir, addr) = served_with(|c| Config { public: true, public_read: true, ..c });
    assert_eq!(get(addr, "/api/v1/stories", "").status, 200);
    let write = send(addr, "POST", "/api/v1/documents", "", b"{}");
    assert_eq!(write.status, 401, "writes still need a token: {}", write.body);
}

#[test]
fn browsers_elsewhere_may_call_the_api_only_from_origins_it_names() {
    let desk = "Origin: https://desk.example\r\n";
    let (_dir, addr) = served();
    let answer = get(addr, "/api/v1/stories", desk);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("access-control-allow-origin"), None, "no CORS unless configured");
    assert_eq!(send(addr, "OPTIONS", "/api/v1/documents", desk, b"").status, 405);

    let (_dir, addr) =
        served_with(|c| Config { cors_origins: vec!["https://desk.example".to_string()], ..c });
    let answer = get(addr, "/api/v1/stories", desk);
    assert_eq!(answer.header("access-control-allow-origin"), Some("https://desk.example"));
    assert_eq!(answer.header("vary"), Some("Origin"));
    let other = get(addr, "/api/v1/stories", "Origin: https://elsewhere.example\r\n");
    assert_eq!(other.header("access-control-allow-origin"), None);
    let asked = send(addr, "OPTIONS", "/api/v1/documents", desk, b"");
    assert_eq!(asked.status, 204);
    assert_eq!(asked.header("access-control-allow-methods"), Some("GET, POST, DELETE"));
    assert!(asked.header("access-control-allow-headers").is_some_and(|h| h.contains("Authorization")));
}

#[test]
fn feeds_are_added_polled_listed_and_removed_with_a_token() {
    // A reader that knows one feed, of one article about the ferry, and fails on any other;
    // it counts its calls.
    let calls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = std::sync::Arc::clone(&calls);
    let reader = parallax_serve::FeedReader(std::sync::Arc::new(move |url: &str| {
        counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if url == "https://gazette.example.org/rss" {
            let article = doc(
                "gazette-ferry",
                "Ferry master questioned after Halvik collision\nThe coastguard questioned the master of the Nordlys ferry that struck a cargo ship in fog off Halvik harbour, injuring fourteen passengers.",
            );
            parallax_serve::FeedRead { documents: vec![article], ..Default::default() }
        } else {
            parallax_serve::FeedRead {
                problems: vec![parallax_model::Diagnostic::new(url, "HTTP 404")],
                ..Default::default()
            }
        }
    }));
    let (dir, addr) = served_with(|c| Config {
        feed_reader: Some(reader),
        poll_every: std::time::Duration::from_secs(3600),
        allow_private_urls: true,
        ..c
    });
    let desk = token(dir.path(), "desk");
    let auth = format!("Authorization: Bearer {desk}\r\nContent-Type: application/json\r\n");
    let listed = get(addr, "/api/v1/feeds", "").json();
    assert_eq!(listed["feeds"], serde_json::json!([]), "{listed}");
    assert_eq!(listed["polling"], true);

    // Without a token, or with a body that names no URL or another scheme, nothing is added.
    let body = br#"{"url": "https://gazette.example.org/rss"}"#;
    assert_eq!(send(addr, "POST", "/api/v1/feeds", "Content-Type: application/json\r\n", body).status, 401);
    for bad in
        [&br#"{"link": "https://x.example.org"}"#[..], br#"{"url": "file:///etc/passwd"}"#, b"not json"]
    {
        let answer = send(addr, "POST", "/api/v1/feeds", &auth, bad);
        assert_eq!(answer.status, 400, "{}", answer.body);
    }
    assert_eq!(get(addr, "/api/v1/feeds", "").json()["feeds"], serde_json::json!([]));

    // Added, it is polled at once: its article joins the running ferry story.
    let answer = send(addr, "POST", "/api/v1/feeds", &auth, body);
    assert_eq!(answer.status, 201, "{}", answer.body);
    let id = answer.json()["feed"]["id"].as_i64().expect("an id");
    let polled = wait_for(|| {
        let feeds = get(addr, "/api/v1/feeds", "").json();
        (feeds["feeds"][0]["polled"].is_string()).then_some(feeds)
    });
    assert_eq!(polled["feeds"][0]["documents"], 1, "{polled}");
    assert_eq!(polled["feeds"][0]["outcome"], "1 new document, 0 already stored", "{polled}");
    let stories = get(addr, "/api/v1/stories", "").json();
    assert!(
        stories["stories"].as_array().into_iter().flatten().any(|s| s["size"] == 4),
        "the feed's article joined the ferry story: {stories}"
    );
    // Added again, it is the same feed, not polled again.
    let again = send(addr, "POST", "/api/v1/feeds", &auth, body);
    assert_eq!((again.status, again.json()["feed"]["id"].as_i64()), (200, Some(id)), "{}", again.body);
    // A feed that cannot be read says why.
    let broken = send(addr, "POST", "/api/v1/feeds", &auth, br#"{"url": "https://gone.example.org/rss"}"#);
    assert_eq!(broken.status, 201, "{}", broken.body);
    let failed = wait_for(|| {
        let feeds = get(addr, "/api/v1/feeds", "").json();
        feeds["feeds"][1]["outcome"].as_str().map(str::to_string)
    });
    assert_eq!(failed, "https://gone.example.org/rss: HTTP 404");
    let metrics = get(addr, "/metrics", "").body;
    assert!(metrics.contains("parallax_feed_polls_total{outcome=\"failed\"} 1"), "{metrics}");
    assert!(metrics.contains("parallax_ingested_documents_total 1"), "{metrics}");

    // Removed with a token, it is gone; its article stays.
    let path = format!("/api/v1/feeds/{id}");
    assert_eq!(send(addr, "DELETE", &path, "", b"").status, 401);
    assert_eq!(send(addr, "DELETE", &path, &auth, b"").status, 204);
    assert_eq!(send(addr, "DELETE", &path, &auth, b"").status, 404);
    assert_eq!(send(addr, "DELETE", "/api/v1/feeds/x", &auth, b"").status, 400);
    let feeds = get(addr, "/api/v1/feeds", "").json();
    assert_eq!(feeds["feeds"].as_array().map(Vec::len), Some(1), "{feeds}");
    assert_eq!(documents_in(addr), 6);
    assert!(calls.load(std::sync::atomic::Ordering::SeqCst) <= 3, "each feed polled once at its addition");
}

#[test]
fn a_feed_on_this_machine_is_refused_unless_private_urls_are_allowed() {
    let (dir, addr) = served();
    let desk = token(dir.path(), "desk");
    let auth = format!("Authorization: Bearer {desk}\r\nContent-Type: application/json\r\n");
    for url in ["http://127.0.0.1:9/rss", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/feed"]
    {
        let body = serde_json::json!({ "url": url }).to_string();
        let answer = send(addr, "POST", "/api/v1/feeds", &auth, body.as_bytes());
        assert_eq!(answer.status, 400, "{url}: {}", answer.body);
        assert!(answer.body.contains("public addresses only"), "{url}: {}", answer.body);
    }
    let listed = get(addr, "/api/v1/feeds", "").json();
    assert_eq!(listed["feeds"], serde_json::json!([]));
    assert_eq!(listed["polling"], false, "no reader: feeds are kept, not polled");
}

/// What `probe` gives, once it gives something, within 10 s.
fn wait_for<T>(probe: impl Fn() -> Option<T>) -> T {
    for _ in 0..200 {
        if let Some(found) = probe() {
            return found;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("not within 10 s");
}

/// A headless Chromium driven over the DevTools protocol (a WebSocket to one page).
struct Browser {
    child: std::process::Child,
    socket: tungstenite::WebSocket<TcpStream>,
    next: u64,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Chromium opening `url`, `None` (said on stderr) when /usr/bin/chromium is not installed.
    fn open(url: &str) -> Option<Browser> {
        let chromium = Path::new("/usr/bin/chromium");
        if !chromium.exists() {
            eprintln!("skipped the browser test: /usr/bin/chromium is not installed");
            return None;
        }
        let profile = tempfile::tempdir().expect("a profile folder");
        let child = std::process::Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "--window-size=1280,1800",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(url)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("chromium starts");
        // Chromium writes the port it listens on into the profile.
        let port: u16 = wait_for(|| {
            let text = std::fs::read_to_string(profile.path().join("DevToolsActivePort")).ok()?;
            text.lines().next()?.trim().parse().ok()
        });
        let devtools = SocketAddr::from(([127, 0, 0, 1], port));
        let page = wait_for(|| {
            let pages = devtools_list(devtools)?;
            pages.as_array()?.iter().find(|p| p["type"] == "page")?["webSocketDebuggerUrl"]
                .as_str()
                .map(str::to_string)
        });
        let stream = TcpStream::connect(devtools).expect("the DevTools port");
        let (socket, _) = tungstenite::client(page.as_str(), stream).expect("a DevTools session");
        Some(Browser { child, socket, next: 0, _profile: profile })
    }

    /// The result of DevTools `method` with `params`.
    fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.next += 1;
        let id = self.next;
        let message = serde_json::json!({"id": id, "method": method, "params": params}).to_string();
        self.socket.send(tungstenite::Message::text(message)).expect("sent to the browser");
        loop {
            let message = self.socket.read().expect("an answer from the browser");
            let Ok(text) = message.to_text() else { continue };
            let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { continue };
            if value["id"] == id {
                return value["result"].clone();
            }
        }
    }

    /// The value of the JavaScript `expression` in the page.
    fn eval(&mut self, expression: &str) -> serde_json::Value {
        let result = self
            .call("Runtime.evaluate", serde_json::json!({"expression": expression, "returnByValue": true}));
        result["result"]["value"].clone()
    }

    /// The page's visible text, once it holds `needle` (within 30 s: a page reloads a few
    /// seconds after its story changes, and a loaded 2-core machine took more than 10).
    /// Waits until the page's root element has attribute `name` set to `value`.
    fn attribute_is(&mut self, name: &str, value: &str) {
        let probe = format!("document.documentElement.getAttribute({name:?})");
        for _ in 0..300 {
            if self.eval(&probe).as_str() == Some(value) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("the page's {name} never became {value:?}");
    }

    fn text_with(&mut self, needle: &str) -> String {
        for _ in 0..300 {
            let text = self.eval("document.body ? document.body.innerText : ''");
            if let Some(text) = text.as_str().filter(|t| t.contains(needle)) {
                return text.to_string();
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("the page never showed {needle:?}: {}", self.eval("document.body.innerText"));
    }

    /// A PNG of the page at `width` pixels, saved as `target/browser-screenshots/NAME.png` for
    /// a look; its bytes.
    fn screenshot(&mut self, name: &str, width: u32) -> Vec<u8> {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({"width": width, "height": 1400, "deviceScaleFactor": 1, "mobile": width < 600}),
        );
        let shot = self.call("Page.captureScreenshot", serde_json::json!({"format": "png"}));
        let data = shot["data"].as_str().unwrap_or_default();
        let png = data_encoding::BASE64.decode(data.as_bytes()).unwrap_or_default();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-screenshots");
        if std::fs::create_dir_all(&dir).is_ok() {
            let _ = std::fs::write(dir.join(format!("{name}.png")), &png);
        }
        png
    }
}

/// DevTools' list of targets (its HTTP server keeps the connection open: the body is read to
/// its length).
fn devtools_list(devtools: SocketAddr) -> Option<serde_json::Value> {
    let mut stream = TcpStream::connect(devtools).ok()?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(5))).ok()?;
    stream.write_all(b"GET /json/list HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut raw = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        raw.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&raw);
        let Some((head, body)) = text.split_once("\r\n\r\n") else { continue };
        let length: usize = head
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_string())
            })?
            .parse()
            .ok()?;
        if body.len() >= length {
            return serde_json::from_str(body).ok();
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn in_a_browser_a_new_story_appears_what_is_new_is_marked_a_citation_opens_its_passage_and_search_finds() {
    let (dir, addr) = served();
    let Some(mut browser) = Browser::open(&format!("http://{addr}/")) else { return };
    let river = browser.text_with("3 articles, 3 independent origins, 3 outlets");
    assert!(river.contains("2 articles, 2 independent origins"), "{river}");

    // A document written through the API makes a story the open river shows without the
    // reader reloading it (the page's script follows the event stream).
    let desk = token(dir.path(), "desk");
    let auth = format!("Authorization: Bearer {desk}\r\nContent-Type: application/json\r\n");
    let record = serde_json::json!({
        "id": "crane-1",
        "title": "Crane topples onto Brekke quay",
        "text": "Crane topples onto Brekke quay\nA harbour crane toppled onto the Brekke quay in high winds on Wednesday, crushing two parked lorries. Nobody was hurt, the port authority said.",
        "published": "2026-03-04",
    });
    let answer = send(addr, "POST", "/api/v1/documents", &auth, record.to_string().as_bytes());
    assert_eq!(answer.status, 200, "{}", answer.body);
    let crane = answer.json()["stories"][0][0].as_i64().expect("the crane's story");
    browser.text_with("Crane topples onto Brekke quay");

    // The crane's story page, open while a second report joins the story: after it reloads,
    // what is new since the reader opened it is marked, until marked read.
    browser.call("Page.navigate", serde_json::json!({"url": format!("http://{addr}/stories/{crane}")}));
    browser.text_with("crushing two parked lorries");
    // Once its event stream is open (a report posted before would not reload it).
    browser.attribute_is("data-live", "open");
    let second = serde_json::json!({
        "id": "crane-2",
        "title": "High winds topple harbour crane at Brekke",
        "text": "High winds topple harbour crane at Brekke\nHigh winds toppled a harbour crane onto the Brekke quay on Wednesday, crushing two parked lorries, the port authority said. Nobody was hurt. The quay will stay closed until Friday while engineers inspect it.",
        "published": "2026-03-04",
    });
    let answer = send(addr, "POST", "/api/v1/documents", &auth, second.to_string().as_bytes());
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["stories"][0][0].as_i64(), Some(crane), "{}", answer.body);
    let marked = browser.text_with("since you opened this page");
    assert!(marked.contains("new or changed"), "{marked}");
    let new = browser.eval("document.querySelectorAll('main .new').length");
    assert!(new.as_u64().is_some_and(|n| n >= 1), "nothing marked new: {new}");
    let png = browser.screenshot("story-new-phone", 390);
    assert!(png.starts_with(b"\x89PNG"), "no screenshot of the marked story");
    browser.eval("document.querySelector('[role=status] button').click()");
    let left = browser.eval("document.querySelectorAll('main .new').length");
    assert_eq!(left.as_u64(), Some(0), "marking read leaves {left}");
    browser.call("Page.navigate", serde_json::json!({"url": format!("http://{addr}/")}));
    browser.text_with("Brekke");

    // The story page: its briefing, and a citation that opens the passage it cites. The story
    // of three reports is opened (the river's order of stories updated in one second is not
    // fixed), and its citations are waited for as the page loads.
    browser.eval(
        "Array.from(document.querySelectorAll('li')).find(function (li) { \
         return li.innerText.indexOf('3 articles') >= 0; }).querySelector('a[href^=\"/stories/\"]').click()",
    );
    browser.text_with("independent");
    let mut target = serde_json::Value::Null;
    for _ in 0..100 {
        target = browser.eval(
            "(function () { var a = document.querySelector('a[href^=\"#p-\"]'); if (!a) return null; a.click(); \
             var t = document.querySelector(':target'); return t ? t.id : null; })()",
        );
        if target.as_str().is_some_and(|id| id.starts_with("p-")) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(target.as_str().is_some_and(|id| id.starts_with("p-")), "no cited passage opened: {target}");

    // Search, from its page.
    browser.call("Page.navigate", serde_json::json!({"url": format!("http://{addr}/search?q=fog")}));
    let hits = browser.text_with("Search");
    assert!(hits.contains("Halvik"), "{hits}");

    // The river at phone and desktop widths.
    browser.call("Page.navigate", serde_json::json!({"url": format!("http://{addr}/")}));
    browser.text_with("Brekke");
    for (name, width) in [("river-phone", 390), ("river-desktop", 1280)] {
        let png = browser.screenshot(name, width);
        assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "no screenshot at {width}px");
    }
}

#[test]
fn the_feeds_page_adds_and_removes_feeds_for_whoever_types_a_token() {
    let reader =
        parallax_serve::FeedReader(std::sync::Arc::new(|_: &str| parallax_serve::FeedRead::default()));
    let (dir, addr) = served_with(|c| Config { feed_reader: Some(reader), allow_private_urls: true, ..c });
    let desk = token(dir.path(), "desk");
    let page = get(addr, "/feeds", "");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("No feeds yet") && page.body.contains("name=\"token\""), "{}", page.body);
    assert!(get(addr, "/", "").body.contains("href=\"/feeds\""), "the river links the feeds page");
    let form = "Content-Type: application/x-www-form-urlencoded\r\n";

    // Without a token, or with a wrong one, the form says why on a page and adds nothing.
    for body in [
        "url=https%3A%2F%2Fgazette.example.org%2Frss",
        "url=https%3A%2F%2Fgazette.example.org%2Frss&token=wrong",
    ] {
        let refused = send(addr, "POST", "/feeds", form, body.as_bytes());
        assert_eq!(refused.status, 401, "{}", refused.body);
        assert!(
            refused.header("content-type").is_some_and(|t| t.starts_with("text/html")),
            "{:?}",
            refused.headers
        );
        assert!(refused.body.contains("Back to the feeds"), "{}", refused.body);
    }
    let refused =
        send(addr, "POST", "/feeds", form, format!("token={desk}&url=ftp%3A%2F%2Fx.example.org").as_bytes());
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(refused.body.contains("only http and https"), "{}", refused.body);

    // With the token typed in, the feed is added and the page says so.
    let body = format!("url=https%3A%2F%2Fgazette.example.org%2Frss&token={desk}");
    let done = send(addr, "POST", "/feeds", form, body.as_bytes());
    assert_eq!((done.status, done.header("location")), (303, Some("/feeds?added=1")), "{}", done.body);
    let page = get(addr, "/feeds?added=1", "");
    assert!(
        page.body.contains("Feed 1 added") && page.body.contains("https://gazette.example.org/rss"),
        "{}",
        page.body
    );
    let done = send(addr, "POST", "/feeds", form, body.as_bytes());
    assert_eq!(done.header("location"), Some("/feeds?known=1"));

    // Stopped from its row's form.
    let done = send(addr, "POST", "/feeds", form, format!("remove=1&token={desk}").as_bytes());
    assert_eq!((done.status, done.header("location")), (303, Some("/feeds?removed=1")), "{}", done.body);
    assert!(get(addr, "/feeds", "").body.contains("No feeds yet"));
    assert_eq!(send(addr, "POST", "/feeds", form, format!("remove=1&token={desk}").as_bytes()).status, 404);
}

#[test]
fn a_story_is_briefed_from_its_own_articles_of_a_page_of_several() {
    // The demo's aggregator page carries items of four stories; with the wire's report of the
    // ferry collision, each story's briefing holds its own articles only.
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("news.db");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ferry");
    let page = |name: &str| {
        let text = std::fs::read_to_string(examples.join(name)).expect("the demo's page");
        doc(name.trim_end_matches(".txt"), &text)
    };
    let mut store = Store::open(&db).expect("a store");
    store
        .ingest(
            vec![page("01-coastal-wire.txt"), page("05-newshub-aggregator.txt")],
            &IngestConfig::at(jiff::Timestamp::now()),
        )
        .expect("ingested");
    drop(store);
    let addr = start(Config { db, ..Config::default() });
    let stories = get(addr, "/api/v1/stories", "").json()["stories"].as_array().cloned().unwrap_or_default();
    assert!(stories.len() >= 3, "{stories:?}");
    for story in &stories {
        let id = story["id"].as_i64().expect("an id");
        let briefing = get(addr, &format!("/api/v1/stories/{id}"), "").json();
        assert_eq!(
            briefing["documents"].as_array().map(Vec::len),
            story["size"].as_u64().map(|n| n as usize),
            "{story}"
        );
    }
}

#[test]
fn tokens_are_listed_made_and_revoked_by_whoever_holds_one() {
    let (dir, addr) = served();
    let desk = token(dir.path(), "desk");
    let auth = format!("Authorization: Bearer {desk}\r\nContent-Type: application/json\r\n");

    // Without a live token nothing is shown or made.
    assert_eq!(get(addr, "/api/v1/tokens", "").status, 401);
    assert_eq!(get(addr, "/api/v1/tokens", "X-Auth-Token: wrong\r\n").status, 401);
    let body = br#"{"name": "night-desk"}"#;
    assert_eq!(send(addr, "POST", "/api/v1/tokens", "Content-Type: application/json\r\n", body).status, 401);

    // Made: the token is answered once, not cached, and writes.
    let made = send(addr, "POST", "/api/v1/tokens", &auth, body);
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(made.header("cache-control"), Some("no-store"));
    let secret = made.json()["secret"].as_str().expect("the token").to_string();
    assert_eq!(secret.len(), 64);
    assert_eq!(made.json()["token"]["name"], "night-desk");
    let night = format!("X-Auth-Token: {secret}\r\n");
    let listed = get(addr, "/api/v1/tokens", &night).json();
    let names: Vec<&str> =
        listed["tokens"].as_array().into_iter().flatten().filter_map(|t| t["name"].as_str()).collect();
    assert_eq!(names, ["desk", "night-desk"]);
    assert!(!listed.to_string().contains(&secret), "a list never holds a token");

    // A name used before, a bad name, a body without one.
    assert_eq!(send(addr, "POST", "/api/v1/tokens", &auth, body).status, 409);
    for bad in [&br#"{"name": "two words"}"#[..], br#"{"name": ""}"#, br#"{"label": "x"}"#, b"not json"] {
        let answer = send(addr, "POST", "/api/v1/tokens", &auth, bad);
        assert_eq!(answer.status, 400, "{}", answer.body);
    }

    // Revoked by the other token: it no longer reads the list.
    assert_eq!(send(addr, "DELETE", "/api/v1/tokens/night-desk", &auth, b"").status, 204);
    assert_eq!(get(addr, "/api/v1/tokens", &night).status, 401);
    assert_eq!(send(addr, "DELETE", "/api/v1/tokens/nobody", &auth, b"").status, 404);
    assert_eq!(send(addr, "DELETE", "/api/v1/tokens/night-desk", "", b"").status, 401);
    let listed = get(addr, "/api/v1/tokens", &auth).json();
    assert!(listed["tokens"][1]["revoked"].is_string(), "{listed}");
}

#[test]
fn the_tokens_page_makes_lists_and_revokes_for_whoever_types_a_token() {
    let (dir, addr) = served();
    let desk = token(dir.path(), "desk");
    let page = get(addr, "/tokens", "");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Make a token") && !page.body.contains("<strong>desk</strong>"),
        "{}",
        page.body
    );
    assert!(get(addr, "/", "").body.contains("href=\"/tokens\""), "the river links the tokens page");
    let with_header = get(addr, "/tokens", &format!("X-Auth-Token: {desk}\r\n"));
    assert!(with_header.body.contains("<strong>desk</strong>"), "{}", with_header.body);
    let form = "Content-Type: application/x-www-form-urlencoded\r\n";

    let refused = send(addr, "POST", "/tokens", form, b"action=make&name=night&token=wrong");
    assert_eq!(refused.status, 401, "{}", refused.body);
    assert!(refused.body.contains("Back to the tokens"), "{}", refused.body);
    for bad in ["action=make", "action=revoke", "action=list&name=desk", "action=delete&name=desk"] {
        let answer = send(addr, "POST", "/tokens", form, format!("{bad}&token={desk}").as_bytes());
        assert_eq!(answer.status, 400, "{bad}");
    }
    assert_eq!(
        send(addr, "POST", "/tokens", form, format!("action=list&token={desk}&x=1").as_bytes()).status,
        400
    );

    let made = send(addr, "POST", "/tokens", form, format!("action=make&name=night&token={desk}").as_bytes());
    assert_eq!(made.status, 200, "{}", made.body);
    assert_eq!(made.header("cache-control"), Some("no-store"));
    assert!(made.body.contains("not shown again"), "{}", made.body);
    let secret =
        made.body.split("<code>").nth(1).and_then(|c| c.split("</code>").next()).expect("the token shown");
    assert_eq!(secret.len(), 64, "{secret}");
    let listed = send(addr, "POST", "/tokens", form, format!("action=list&token={secret}").as_bytes());
    assert!(
        listed.body.contains("<strong>night</strong>") && listed.body.contains("live"),
        "{}",
        listed.body
    );
    let revoked =
        send(addr, "POST", "/tokens", form, format!("action=revoke&name=night&token={desk}").as_bytes());
    assert!(revoked.body.contains("Token <strong>night</strong> revoked"), "{}", revoked.body);
    assert_eq!(
        send(addr, "POST", "/tokens", form, format!("action=list&token={secret}").as_bytes()).status,
        401
    );
}
