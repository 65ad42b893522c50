//! The store from the command line: `ingest`, `stories`, `search`, `brief --story`, `watch`; a killed
//! ingest loses nothing committed; readers work while an ingest writes; bad databases.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::{json, parallax};

fn db_in(dir: &tempfile::TempDir) -> String {
    dir.path().join("news.db").display().to_string()
}

#[test]
fn ingest_list_and_brief_a_story() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = db_in(&dir);
    let run = parallax(&["ingest", "--db", &db, "--date", "2026-03-04", "examples/ferry"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("new documents"), "{}", run.stderr);
    let run = parallax(&["ingest", "--db", &db, "--date", "2026-03-04", "examples/ferry"], b"");
    assert!(run.stderr.contains("0 new documents"), "{}", run.stderr);
    let run = parallax(&["stories", "--db", &db, "--format", "json"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let stories = json(&run);
    let list = stories.as_array().expect("a list");
    let biggest = list.iter().max_by_key(|s| s["size"].as_u64()).expect("a story");
    assert!(biggest["size"].as_u64() >= Some(4), "{biggest}");
    assert!(biggest["headline"].as_str().is_some_and(|h| h.contains("Halvik")), "{biggest}");
    assert_eq!(biggest["first_seen"], "2026-03-04");
    // The JSON Lines ids are kept as members' ids.
    let all: Vec<&str> = list
        .iter()
        .flat_map(|s| s["documents"].as_array().into_iter().flatten())
        .filter_map(|d| d.as_str())
        .collect();
    assert!(all.contains(&"courier-1187"), "{all:?}");
    let id = biggest["id"].as_i64().expect("an id").to_string();
    let run = parallax(&["brief", "--db", &db, "--story", &id, "--format", "json"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let briefing = json(&run);
    assert!(briefing["documents"].as_array().is_some_and(|d| d.len() >= 4));
    // Every story is briefed from its own articles, not from every article of its pages: the
    // aggregator's page carries the council's, the grain market's and the library's items
    // beside the ferry's, each its own story.
    assert!(list.len() >= 4, "{stories}");
    for story in list {
        let id = story["id"].as_i64().expect("an id").to_string();
        let briefing = json(&parallax(&["brief", "--db", &db, "--story", &id, "--format", "json"], b""));
        let ids = |v: &serde_json::Value| -> std::collections::BTreeSet<String> {
            v.as_array()
                .into_iter()
                .flatten()
                .filter_map(|d| d.as_str().or(d["id"].as_str()).map(String::from))
                .collect()
        };
        assert_eq!(ids(&briefing["documents"]), ids(&story["documents"]), "story {id}");
        assert_eq!(
            briefing["origins"].as_array().map(Vec::len),
            story["origins"].as_u64().map(|n| n as usize)
        );
        if story["size"] == 1 {
            assert_eq!(briefing["headline"], story["headline"], "story {id}");
        }
    }
    let run = parallax(&["brief", "--db", &db, "--story", "999999"], b"");
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("no story 999999"), "{}", run.stderr);
}

#[test]
fn search_names_each_hit_with_its_story() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = db_in(&dir);
    let run = parallax(&["ingest", "--db", &db, "--date", "2026-03-04", "examples/ferry"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let run = parallax(&["search", "--db", &db, "--format", "json", "Baltic", "crane"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let hits = json(&run);
    let hits = hits.as_array().expect("a list");
    assert!(!hits.is_empty());
    let stories = json(&parallax(&["stories", "--db", &db, "--format", "json"], b""));
    for h in hits {
        assert!(h["passage"].as_str().is_some_and(|p| p.contains("Baltic Crane")), "{h}");
        let story =
            stories.as_array().into_iter().flatten().find(|s| s["id"] == h["story"]).expect("its story");
        assert!(story["documents"].as_array().is_some_and(|d| d.contains(&h["id"])), "{story} {h}");
    }
    // The stories that hold the words, and none seen after the corpus's last day (5 March).
    let run = parallax(&["stories", "--db", &db, "--format", "json", "--search", "Baltic Crane"], b"");
    let with_words = json(&run);
    let with_words = with_words.as_array().expect("a list");
    assert!(
        !with_words.is_empty() && with_words.len() < stories.as_array().map_or(0, Vec::len),
        "{}",
        run.stdout
    );
    assert!(with_words.iter().all(|s| hits.iter().any(|h| h["story"] == s["id"])), "{with_words:?}");
    let later = json(&parallax(&["stories", "--db", &db, "--format", "json", "--since", "2026-03-06"], b""));
    assert_eq!(later.as_array().map(Vec::len), Some(0), "{later}");
    let run = parallax(&["search", "--db", &db, "no-such-word-anywhere"], b"");
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.contains("no article holds"), "{}", run.stdout);
    let run = parallax(&["search", "--db", &db, "--", "--", "!!"], b"");
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("at least one word"), "{}", run.stderr);
}

#[test]
fn watch_ingests_only_what_is_new() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = db_in(&dir);
    let feed = dir.path().join("gazette.rss");
    let body = "The harbour reopened on Thursday after divers checked the channel and found no damage to the quay walls or the ferry ramps, the port authority said in a statement that also thanked the coastguard crews and volunteers who had worked through the night.";
    std::fs::write(
        &feed,
        format!(
            "<rss version=\"2.0\"><channel><title>Harbour Gazette</title><item><title>Harbour reopens</title>\
             <link>http://gazette.test/a</link><content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
             <![CDATA[<p>{body}</p>]]></content:encoded></item></channel></rss>"
        ),
    )
    .expect("the feed");
    let run = parallax(
        &["watch", "--db", &db, "--interval", "0", "--polls", "2", feed.to_str().expect("a path")],
        b"",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("poll 1: 1 new document,"), "{}", run.stderr);
    assert!(run.stderr.contains("poll 2: 0 new documents, 1 already stored"), "{}", run.stderr);
}

#[test]
fn bad_databases_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let notes = dir.path().join("notes.db");
    std::fs::write(&notes, "not a database but a text file with some words in it, long enough")
        .expect("write");
    let run = parallax(&["ingest", "--db", notes.to_str().expect("a path"), "examples/ferry"], b"");
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("not a Parallax database"), "{}", run.stderr);
    // A place nobody may write, even root: sysfs.
    if std::path::Path::new("/sys/kernel").is_dir() {
        let run = parallax(&["ingest", "--db", "/sys/parallax-test.db", "examples/ferry"], b"");
        assert_eq!(run.code, Some(2));
        assert!(run.stderr.contains("cannot write here"), "{}", run.stderr);
    }
    let run = parallax(&["stories", "--db", dir.path().join("missing.db").to_str().expect("a path")], b"");
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("no Parallax database here"), "{}", run.stderr);
}

/// A corpus of `n` short, distinct reports on a handful of running stories (seeded).
fn corpus(n: usize) -> String {
    let topics = [
        ["ferry", "Halvik", "fog", "coastguard", "passengers", "harbour"],
        ["council", "Ostra", "bridge", "cycle", "vote", "parking"],
        ["grain", "harvest", "prices", "farmers", "exports", "rain"],
        ["library", "flood", "repairs", "books", "reopening", "volunteers"],
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = String::new();
    for i in 0..n {
        let words = topics[i % topics.len()];
        let mut text = String::new();
        for s in 0..4 {
            let a = words[(next() % 6) as usize];
            let b = words[(next() % 6) as usize];
            text.push_str(&format!(
                "Report {i} sentence {s} says the {a} and the {b} were discussed at length today. "
            ));
        }
        out.push_str(
            &serde_json::json!({"id": format!("r{i}"), "text": text, "published": "2026-03-04"}).to_string(),
        );
        out.push('\n');
    }
    out
}

fn count_documents(db: &str) -> u64 {
    let store = parallax_store::Store::open_read_only(std::path::Path::new(db)).expect("the store opens");
    store.integrity_check().expect("SQLite's integrity check passes");
    let counted = store.stats().expect("stats").documents;
    // The rows themselves: each content once, and as many as the store's own count says.
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
    let (rows, distinct): (i64, i64) = conn
        .query_row("SELECT count(*), count(DISTINCT hash) FROM documents", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("count");
    assert_eq!(rows, distinct, "a content stored twice");
    assert_eq!(rows as u64, counted, "the document count kept by the store");
    counted
}

#[test]
fn a_story_lists_the_origins_headline_and_divergences_its_briefing_gives() {
    // A wire story, a site's sentence-by-sentence rewording of it (no passage in common, so
    // no near-copy by shingles), and an independent report: two origins, in the list as in
    // the briefing.
    let dir = tempfile::tempdir().expect("a temp dir");
    let wire = [
        "The ferry Nordlys ran aground on the reefs north of Halvik on Tuesday evening after its engines failed in a gale.",
        "Coastguard boats from Skarvik and Nordby reached the stranded ferry shortly before midnight.",
        "Fourteen passengers were taken to the regional hospital in Skarvik with minor injuries.",
        "The operator Nordline suspended every crossing between Halvik and Skarvik until Thursday.",
        "Divers will inspect the damaged hull of the ferry once the gale eases on Wednesday.",
        "The harbour master said the reefs north of Halvik had claimed two fishing boats last winter.",
    ];
    let reworded = [
        "On Tuesday evening the ferry Nordlys went aground on reefs north of Halvik when its engines failed during a gale.",
        "Shortly before midnight coastguard boats from Nordby and Skarvik got to the stranded ferry.",
        "Fourteen passengers with minor injuries were brought to the Skarvik regional hospital.",
        "Nordline, the operator, halted all crossings between Skarvik and Halvik until Thursday.",
        "Once the gale eases on Wednesday, divers are to inspect the ferry's damaged hull.",
        "According to the harbour master, the Halvik reefs claimed two fishing boats last winter.",
    ];
    let own = [
        "Passengers of the Nordlys described hours of waiting in the dark after the ferry hit a reef off Halvik on Tuesday, before lifeboats reached them.",
        "\"We could hear the hull scraping on the rocks for an hour,\" said one passenger, a teacher from Nordby.",
        "Nordline said crossings would resume on Thursday once the harbour was cleared.",
        // The wire says fourteen: where the sources disagree, counted in the list as in the
        // briefing.
        "Twelve passengers were taken to the regional hospital in Skarvik with minor injuries.",
    ];
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).expect("a folder");
    for (name, title, body) in [
        ("a.txt", "Ferry Nordlys aground off Halvik", &wire[..]),
        ("b.txt", "Halvik ferry Nordlys runs aground", &reworded[..]),
        ("c.txt", "Nordlys passengers recall night on stranded Halvik ferry", &own[..]),
    ] {
        std::fs::write(inputs.join(name), format!("{title}\n\n{}\n", body.join("\n\n"))).expect("a file");
    }
    let db = db_in(&dir);
    let run = parallax(&["ingest", "--db", &db, inputs.to_str().expect("a path")], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let listed = json(&parallax(&["stories", "--db", &db, "--format", "json"], b""));
    let story =
        listed.as_array().and_then(|l| l.iter().find(|s| s["size"] == 3)).expect("one story of three");
    let id = story["id"].as_i64().expect("an id").to_string();
    let briefing = json(&parallax(&["brief", "--db", &db, "--story", &id, "--format", "json"], b""));
    assert_eq!(briefing["origins"].as_array().map(Vec::len), Some(2), "{briefing}");
    assert_eq!(story["origins"], 2, "{story}");
    // The same headline too: the title that tells most of what the story's sources say.
    assert_eq!(story["headline"], briefing["headline"], "{story}");
    assert_eq!(briefing["headline"], "Ferry Nordlys aground off Halvik", "{briefing}");
    // Three files, three outlets (their stems stand in for the outlets' names), and the list
    // for a reader says so.
    assert_eq!(story["outlets"], 3, "{story}");
    assert_eq!(briefing["divergences"].as_array().map(Vec::len), Some(1), "{briefing}");
    assert_eq!(story["divergences"], 1, "{story}");
    let run = parallax(&["stories", "--db", &db], b"");
    assert!(run.stdout.contains("3 articles, 2 origins, 3 outlets, 1 divergence "), "{}", run.stdout);
}

#[test]
fn a_repeated_id_in_a_batch_leaves_the_others_flags_as_they_were() {
    // The second record under one given id is left out; the record after it, whose id
    // Parallax made, is stored as one whose id was made, not as one the input gave.
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = db_in(&dir);
    let input = dir.path().join("in.jsonl");
    let records = [
        serde_json::json!({"id": "x", "text": "The ferry Nordlys ran aground off Halvik on Tuesday evening."}),
        serde_json::json!({"id": "x", "text": "The council of Ostra voted for cycle lanes on the bridge."}),
        serde_json::json!({"text": "Grain prices eased as the harvest forecasts improved this week."}),
    ];
    let lines: Vec<String> = records.iter().map(ToString::to_string).collect();
    std::fs::write(&input, lines.join("\n") + "\n").expect("the input");
    let run = parallax(&["ingest", "--db", &db, input.to_str().expect("a path")], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let conn =
        rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
    let mut rows: Vec<(String, bool)> = conn
        .prepare("SELECT input_id, explicit_id FROM documents ORDER BY input_id")
        .expect("a query")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    rows.sort();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().any(|(id, explicit)| id == "x" && *explicit), "{rows:?}");
    assert!(rows.iter().any(|(id, explicit)| id != "x" && !*explicit), "{rows:?}");
}

#[test]
fn a_killed_ingest_loses_nothing_committed_and_readers_keep_working() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = db_in(&dir);
    let input = dir.path().join("corpus.jsonl");
    let n = 3000;
    std::fs::write(&input, corpus(n)).expect("the corpus");
    let ingest = || {
        Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["ingest", "--db", &db, "--batch", "50", input.to_str().expect("a path")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("parallax starts")
    };
    // Kill points, seeded, from early in a run to well into it.
    let delays = [60u64, 250, 140, 400, 90, 320];
    let mut previous = 0;
    for delay in delays {
        let mut child = ingest();
        std::thread::sleep(Duration::from_millis(delay));
        // A reader while the writer writes.
        let reader = parallax(&["stories", "--db", &db, "--format", "json"], b"");
        assert!(
            reader.code == Some(0) || reader.stderr.contains("no Parallax database"),
            "{}",
            reader.stderr
        );
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let now = count_documents(&db);
        assert!(now >= previous, "documents went from {previous} to {now}");
        assert!(now <= n as u64);
        previous = now;
    }
    let status = ingest().wait().expect("the last run ends");
    assert!(status.success());
    assert_eq!(count_documents(&db), n as u64, "every document exactly once");
    let run = parallax(&["stories", "--db", &db, "--format", "json"], b"");
    let total: u64 = json(&run).as_array().expect("stories").iter().filter_map(|s| s["size"].as_u64()).sum();
    assert_eq!(total, n as u64);
}

#[cfg(unix)]
#[test]
fn a_store_failure_after_committed_batches_says_what_was_kept() {
    // A file-size limit (SIGXFSZ ignored, so writes fail) stands for a full disk: set at three quarters
    // of the size the whole ingest needs, some batches commit and a later one fails.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap_or_else(|e| panic!("cannot create: {e}"));
    for i in 0..300 {
        let body: String = (0..40)
            .map(|j| format!("The ferry of town {i} met storm number {j} on day {}. ", i % 7))
            .collect();
        std::fs::write(inputs.join(format!("d{i:03}.txt")), format!("Report {i} on the ferry\n\n{body}\n"))
            .unwrap_or_else(|e| panic!("cannot write: {e}"));
    }
    let whole = dir.path().join("whole.db");
    let (whole_arg, inputs_arg) = (whole.display().to_string(), inputs.display().to_string());
    let run = parallax(&["ingest", "--db", &whole_arg, "--batch", "50", &inputs_arg], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let size_kb = std::fs::metadata(&whole).map(|m| m.len() / 1024).unwrap_or(0);
    assert!(size_kb > 40, "the store is {size_kb} KB");
    let capped = dir.path().join("capped.db").display().to_string();
    let script = format!(
        "trap '' XFSZ; ulimit -f {}; exec \"$0\" ingest --db \"$1\" --batch 50 \"$2\"",
        size_kb * 3 / 4
    );
    let out = Command::new("bash")
        .args(["-c", &script, env!("CARGO_BIN_EXE_parallax"), &capped, &inputs_arg])
        .output()
        .unwrap_or_else(|e| panic!("cannot run bash: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "a partial run exits 1: {stderr}");
    assert!(stderr.contains("committed before it are kept"), "{stderr}");
    assert!(!stderr.contains("nothing was changed"), "{stderr}");
    let listed = parallax(&["stories", "--db", &capped, "--format", "json"], b"");
    assert_eq!(listed.code, Some(0), "the store still reads: {}", listed.stderr);
}

#[test]
fn a_document_past_the_budget_of_words_is_not_stored() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = db_in(&dir);
    let long: Vec<String> =
        (0..200).map(|n| format!("The ferry docked at pier {n} in Halvik today.")).collect();
    let path = dir.path().join("long.txt");
    std::fs::write(&path, format!("Ferry Docks At Halvik\n\n{}\n", long.join("\n\n"))).expect("the file");
    let path = path.display().to_string();
    let run = parallax(&["ingest", "--db", &db, "--max-words", "500", &path], b"");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("skipped: its articles have 1800 words"), "{}", run.stderr);
    assert!(run.stderr.contains("0 new documents"), "{}", run.stderr);
    // Not kept, so a run with the default budget reads it.
    let run = parallax(&["ingest", "--db", &db, &path], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("1 new document"), "{}", run.stderr);
}

#[test]
fn a_token_is_shown_once_listed_without_its_secret_and_revoked_by_name() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = db_in(&dir);
    let made = parallax(&["token", "create", "--db", &db, "desk"], b"");
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    // The token alone on standard output, so that `$(parallax token create …)` keeps it.
    let token = made.stdout.trim_end();
    assert!(token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit()), "{:?}", made.stdout);
    assert_eq!(made.stdout.lines().count(), 1);
    // Names are not reused.
    let again = parallax(&["token", "create", "--db", &db, "desk"], b"");
    assert_eq!(again.code, Some(2), "{}", again.stderr);
    assert!(again.stderr.contains("a token named \"desk\" exists already"), "{}", again.stderr);
    let listed = json(&parallax(&["token", "list", "--db", &db, "--format", "json"], b""));
    assert_eq!(listed[0]["name"], "desk");
    assert!(listed[0]["revoked"].is_null(), "{listed}");
    assert!(!listed.to_string().contains(token), "the list never shows a token");
    let revoked = parallax(&["token", "revoke", "--db", &db, "desk"], b"");
    assert_eq!(revoked.code, Some(0), "{}", revoked.stderr);
    let listed = parallax(&["token", "list", "--db", &db], b"");
    assert!(
        listed.stdout.starts_with("desk  made ") && listed.stdout.contains("  revoked "),
        "{}",
        listed.stdout
    );
    let unknown = parallax(&["token", "revoke", "--db", &db, "nobody"], b"");
    assert_eq!(unknown.code, Some(2), "{}", unknown.stderr);
    assert!(unknown.stderr.contains("no token named \"nobody\""), "{}", unknown.stderr);
}

#[test]
fn db_stats_check_and_migrate_tell_what_the_store_holds_and_what_is_wrong_with_it() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = db_in(&dir);
    // Made on purpose, at this build's schema; a second run has nothing to do.
    let made = parallax(&["db", "migrate", "--db", &db], b"");
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    let latest = parallax_store::schema::latest();
    assert!(made.stdout.ends_with(&format!(": schema version 0 -> {latest}\n")), "{}", made.stdout);
    let again = parallax(&["db", "migrate", "--db", &db], b"");
    assert!(again.stdout.ends_with(&format!(": schema version {latest}, up to date\n")), "{}", again.stdout);
    let run = parallax(&["ingest", "--db", &db, "--date", "2026-03-04", "examples/ferry"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let stories = json(&parallax(&["stories", "--db", &db, "--format", "json"], b""));
    let stories = stories.as_array().cloned().unwrap_or_default();
    let stats = json(&parallax(&["db", "stats", "--db", &db, "--format", "json"], b""));
    assert_eq!(stats["stories"].as_u64(), Some(stories.len() as u64), "{stats}");
    let largest = stories.iter().filter_map(|s| s["size"].as_u64()).max();
    assert_eq!(stats["largest_story"].as_u64(), largest, "{stats}");
    assert_eq!(
        (stats["schema"].as_i64(), stats["changes"]["last"].as_u64()),
        (Some(latest), Some(stories.len() as u64))
    );
    let sound = parallax(&["db", "check", "--db", &db], b"");
    assert_eq!((sound.code, sound.stdout.ends_with(": sound\n")), (Some(0), true), "{}", sound.stdout);
    // What the writer keeps beside the rows, made wrong: a story's size, the documents' count,
    // and a story gone from under its articles; and two documents' texts, one no longer the
    // content its hash names, one no longer readable.
    let biggest =
        stories.iter().max_by_key(|s| s["size"].as_u64()).and_then(|s| s["id"].as_i64()).expect("a story");
    let other = stories.iter().filter_map(|s| s["id"].as_i64()).find(|&id| id != biggest).expect("another");
    let conn = rusqlite::Connection::open(&db).expect("the file");
    conn.execute_batch(&format!(
        "UPDATE stories SET size = size + 1 WHERE id = {biggest};
         UPDATE counters SET value = value + 5 WHERE name = 'documents';
         DELETE FROM stories WHERE id = {other};
         UPDATE documents SET hash = zeroblob(16) WHERE id = 1;
         UPDATE documents SET packed_text = x'00ff00ff' WHERE id = 2;"
    ))
    .expect("tampered");
    drop(conn);
    let broken = parallax(&["db", "check", "--db", &db, "--format", "json"], b"");
    assert_eq!(broken.code, Some(1), "{}", broken.stdout);
    let report = json(&broken);
    let problems: Vec<&str> =
        report["problems"].as_array().into_iter().flatten().filter_map(|p| p.as_str()).collect();
    assert_eq!(report["sound"], false);
    let has = |part: &str| problems.iter().any(|p| p.contains(part));
    assert!(has(&format!("story {biggest} has size ")), "{problems:?}");
    assert!(has("the documents count says ") && has("the stories count says "), "{problems:?}");
    assert!(has(&format!(" is in story {other}, which is not there")), "{problems:?}");
    assert!(has("document 1: its text is not the content its hash names"), "{problems:?}");
    assert!(has("document 2: its text cannot be read"), "{problems:?}");
    // Another program's SQLite file is refused untouched.
    let foreign = dir.path().join("other.db");
    rusqlite::Connection::open(&foreign)
        .and_then(|c| c.execute_batch("CREATE TABLE notes (body TEXT);"))
        .expect("made");
    let before = std::fs::read(&foreign).expect("read");
    let refused = parallax(&["db", "migrate", "--db", &foreign.display().to_string()], b"");
    assert_eq!(refused.code, Some(2), "{}", refused.stderr);
    assert!(refused.stderr.contains("not a Parallax database"), "{}", refused.stderr);
    assert_eq!(std::fs::read(&foreign).expect("read"), before, "untouched");
}
