//! Bad inputs: each gives one line naming the input and the reason, the others are still
//! briefed, the exit status is 1, and nothing panics.

use crate::{json, parallax};

#[test]
fn each_bad_input_is_named_and_the_rest_are_briefed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.path().join(name), bytes).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    };
    write(
        "a-good.txt",
        "Ferry Strikes Pier\nThe ferry struck the pier on Monday. Nobody was hurt.\n".as_bytes(),
    );
    write("b-binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write("c-latin1.txt", b"Caf\xe9 owners protest.");
    write("d-empty.txt", b"");
    write("e-huge.txt", "Word. ".repeat(400).as_bytes());
    write(
        "f-feed.jsonl",
        b"{\"id\":\"ok-1\",\"text\":\"A good record.\"}\n{\"id\":\"bad\",\"text\":\n{\"id\":\"ok-2\",\"text\":\"Another.\"}\n",
    );
    write("g-notes.pdf", b"%PDF-1.4");
    // A gzipped page cut short, and a WARC file that is not one.
    write("h-cut.html.gz", &[0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xb3, 0x29]);
    write("i-pages.warc", b"GET / HTTP/1.1\r\nHost: example.test\r\n\r\n");
    let dir_arg = dir.path().display().to_string();
    let run = parallax(&["brief", "--format", "json", "--max-size", "1KiB", &dir_arg, "missing.txt"], b"");
    assert_eq!(run.code, Some(1), "stderr: {}", run.stderr);
    let briefing = json(&run);
    let ids: Vec<&str> = briefing["documents"]
        .as_array()
        .map(|d| d.iter().filter_map(|d| d["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(ids, ["a-good", "ok-1", "ok-2"]);
    let errors: Vec<String> = briefing["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .map(|e| {
                    let input = e["input"].as_str().unwrap_or("");
                    let input = input.rsplit('/').next().unwrap_or(input);
                    format!("{input}: {}", e["message"].as_str().unwrap_or(""))
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        errors,
        [
            "b-binary.txt: binary data, not text (NUL byte at offset 8)",
            "c-latin1.txt: not valid UTF-8 (first bad byte at offset 3); convert it to UTF-8 first",
            "d-empty.txt: empty input",
            "e-huge.txt: too large: 2.3 KiB is over the limit of 1.0 KiB",
            "f-feed.jsonl:2: malformed JSON: EOF while parsing a value (column 19)",
            "g-notes.pdf: skipped: not a supported file type (.txt, .md, .html, .jsonl, .rss, .atom, .xml, \
             .warc, each also gzipped (.gz))",
            "h-cut.html.gz: cannot decompress: incomplete deflate stream",
            "i-pages.warc: record 1: not a WARC record (it starts \"GET / HTTP/1.1\\r\\n\")",
            "missing.txt: no such file or directory",
        ]
    );
    // One line on stderr per failed input, naming it.
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), errors.len(), "{}", run.stderr);
    assert!(lines.iter().all(|l| l.starts_with("parallax: ")));
}

#[test]
fn oversized_jsonl_records_are_skipped_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let path = dir.path().join("big.jsonl");
    let big = format!("{{\"text\":\"{}\"}}\n{{\"id\":\"small\",\"text\":\"Short.\"}}\n", "x".repeat(5000));
    std::fs::write(&path, big).unwrap_or_else(|e| panic!("cannot write: {e}"));
    let run =
        parallax(&["brief", "--format", "json", "--max-size", "1000", &path.display().to_string()], b"");
    assert_eq!(run.code, Some(1));
    let briefing = json(&run);
    assert_eq!(briefing["documents"][0]["id"], "small");
    let message = briefing["errors"][0]["message"].as_str().unwrap_or("");
    assert_eq!(message, "too large: the record has 5011 bytes, over the limit of 1000");
}

#[test]
fn bad_arguments_exit_2_without_a_stack_trace() {
    let run = parallax(&["brief", "--date", "19/08/2025", "examples/ferry"], b"");
    assert_eq!(run.code, Some(2));
    let first = run.stderr.lines().next().unwrap_or("");
    assert!(
        first.starts_with("parallax: error: --date \"19/08/2025\" is not a date of the form YYYY-MM-DD: "),
        "{first}"
    );
    assert_eq!(run.stderr.lines().count(), 1, "one line, no stack trace: {}", run.stderr);
    let run = parallax(&["brief", "--max-size", "lots", "examples/ferry"], b"");
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.starts_with("parallax: error: --max-size: not a size"), "{}", run.stderr);
    let run = parallax(&["brief", "--format", "pdf"], b"");
    assert_eq!(run.code, Some(2));
    let run = parallax(&["brief", "-o", "/nonexistent-dir/out.json", "examples/ferry"], b"");
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.starts_with("parallax: error: cannot write /nonexistent-dir/out.json"),
        "{}",
        run.stderr
    );
}

#[test]
fn text_with_no_article_is_reported() {
    let run = parallax(&["brief", "--format", "json", "-"], b"Share this article\nAdvertisement\n");
    assert_eq!(run.code, Some(1));
    let briefing = json(&run);
    assert_eq!(briefing["errors"][0]["input"], "-");
    assert_eq!(
        briefing["errors"][0]["message"],
        "no article text found: every line reads as site chrome or a caption"
    );
}

#[test]
fn control_characters_never_reach_a_reader_s_terminal() {
    // ESC and BEL in a page's title and text, raw and as HTML entities, and a missing file's
    // name with ESC in it: the human views show them as U+FFFD, JSON escapes them as JSON does.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let page = "<html><head><title>Ferry\u{1b}[31m crash &#x1b;[2J news&#7;</title></head><body><article>\
        <h1>Ferry\u{1b}[31m crash &#x1b;[2J news</h1>\
        <p>The ferry Aurora hit the pier at the harbour on Tuesday morning, the coastguard said, and fourteen people were hurt.</p>\
        <p>\"Visibility was poor\u{7},\" the captain said after the crash.</p></article></body></html>";
    let good = dir.path().join("page.html");
    std::fs::write(&good, page).unwrap_or_else(|e| panic!("cannot write: {e}"));
    // A file that is not there: the message names it.
    let bad_name = dir.path().join("bad\u{1b}[2Jname.txt");
    let (good, bad) = (good.display().to_string(), bad_name.display().to_string());
    let controls = |s: &str| s.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\t')).count();
    for args in [
        vec!["brief", "--format", "terminal", "--color", "never", &good, &bad],
        vec!["brief", "--format", "markdown", &good, &bad],
        vec!["extract", "--format", "text", &good, &bad],
        vec!["extract", "--format", "markdown", &good, &bad],
    ] {
        let run = parallax(&args, b"");
        assert!(run.stdout.contains("Ferry\u{fffd}"), "{args:?}: {} / {}", run.stdout, run.stderr);
        assert_eq!(controls(&run.stdout), 0, "{args:?} stdout: {:?}", run.stdout);
        assert!(run.stderr.contains("bad\u{fffd}[2Jname.txt"), "{args:?}: {}", run.stderr);
        assert_eq!(controls(&run.stderr), 0, "{args:?} stderr: {:?}", run.stderr);
    }
    let run = parallax(&["brief", "--format", "json", &good], b"");
    assert!(run.stdout.contains("Ferry\\u001b[31m crash"), "JSON escapes it: {}", run.stdout);
    // The story list and search read the stored title: the same for them.
    let db = dir.path().join("news.db").display().to_string();
    let run = parallax(&["ingest", "--db", &db, &good], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for args in [vec!["stories", "--db", &db], vec!["search", "--db", &db, "ferry"]] {
        let run = parallax(&args, b"");
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        assert!(run.stdout.contains("Ferry\u{fffd}"), "{args:?}: {}", run.stdout);
        assert_eq!(controls(&run.stdout), 0, "{args:?} stdout: {:?}", run.stdout);
    }
}

#[cfg(unix)]
#[test]
fn a_folder_walk_reads_each_real_file_once_and_skips_pipes() {
    // A link back to the folder, a link to its parent, a named pipe and a name that is not
    // UTF-8: the walk ends, each real file is read once, the pipe is named and skipped.
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let d = dir.path().join("d");
    std::fs::create_dir(&d).unwrap_or_else(|e| panic!("cannot create: {e}"));
    let text = "Ferry Strikes Pier\nThe ferry struck the pier on Monday morning. Nobody was hurt.\n";
    std::fs::write(d.join("a.txt"), text).unwrap_or_else(|e| panic!("cannot write: {e}"));
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(d.join(latin1), text.replace("Monday", "Tuesday"))
        .unwrap_or_else(|e| panic!("cannot write: {e}"));
    std::os::unix::fs::symlink(".", d.join("self")).unwrap_or_else(|e| panic!("no link: {e}"));
    std::os::unix::fs::symlink("..", d.join("up")).unwrap_or_else(|e| panic!("no link: {e}"));
    let made = std::process::Command::new("mkfifo").arg(d.join("x.txt")).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
    // A socket, as a server leaves one: named and skipped as the pipe is.
    let _socket = std::os::unix::net::UnixListener::bind(d.join("s.txt"))
        .unwrap_or_else(|e| panic!("cannot bind a socket: {e}"));
    let run = parallax(&["brief", "--format", "json", &dir.path().display().to_string()], b"");
    assert_eq!(run.code, Some(1), "stderr: {}", run.stderr);
    let briefing = json(&run);
    assert_eq!(briefing["documents"].as_array().map(Vec::len), Some(2), "a.txt and café.txt, once each");
    assert!(run.stderr.contains("x.txt: skipped: not a regular file"), "{}", run.stderr);
    assert!(run.stderr.contains("s.txt: skipped: not a regular file"), "{}", run.stderr);
    assert!(run.stderr.contains("self: skipped: a link to a folder already read"), "{}", run.stderr);
}

#[test]
fn the_output_file_may_not_be_an_input() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let input = dir.path().join("in.txt");
    let text = "Ferry Strikes Pier\nThe ferry struck the pier on Monday morning. Nobody was hurt.\n";
    std::fs::write(&input, text).unwrap_or_else(|e| panic!("cannot write: {e}"));
    let path = input.display().to_string();
    for args in [
        vec!["brief", "-o", path.as_str(), path.as_str()],
        vec!["extract", "-o", path.as_str(), path.as_str()],
    ] {
        let run = parallax(&args, b"");
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("is also an input"), "{}", run.stderr);
        assert_eq!(std::fs::read_to_string(&input).unwrap_or_default(), text, "the input is untouched");
    }
    // An existing file inside an input folder would be read as an input next time.
    let folder = dir.path().display().to_string();
    let run = parallax(&["brief", "-o", path.as_str(), folder.as_str()], b"");
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("lies in the input folder"), "{}", run.stderr);
    // A new file beside the input is fine.
    let out = dir.path().join("brief.md").display().to_string();
    let run = parallax(&["brief", "-o", out.as_str(), path.as_str()], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn an_input_past_the_run_s_memory_budget_is_skipped_and_the_rest_briefed() {
    use std::io::Write as _;
    // 40,000 small records, about 6 KB compressed: each counts its text and 4 KiB, 160 MiB in
    // all, past a budget of 64 MiB. Good files stand before and after it.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let bomb = dir.path().join("bomb.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    for _ in 0..40_000 {
        gz.write_all(b"{\"text\":\"The ferry left Halvik harbour on time.\"}\n")
            .unwrap_or_else(|e| panic!("cannot compress: {e}"));
    }
    let bytes = gz.finish().unwrap_or_else(|e| panic!("cannot compress: {e}"));
    std::fs::write(&bomb, &bytes).unwrap_or_else(|e| panic!("cannot write: {e}"));
    let text = |day: &str| {
        format!(
            "Ferry Strikes Pier\nThe ferry struck the pier on {day} morning. Nobody was hurt, the harbour master said.\n"
        )
    };
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("z.txt"));
    std::fs::write(&a, text("Monday")).unwrap_or_else(|e| panic!("cannot write: {e}"));
    std::fs::write(&b, text("Tuesday")).unwrap_or_else(|e| panic!("cannot write: {e}"));
    let args: Vec<String> =
        [a.clone(), bomb.clone(), b.clone()].iter().map(|p| p.display().to_string()).collect();
    let run =
        parallax(&["brief", "--format", "json", "--max-total", "64MiB", &args[0], &args[1], &args[2]], b"");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let briefing = json(&run);
    let ids: Vec<&str> = briefing["documents"]
        .as_array()
        .map(|d| d.iter().filter_map(|x| x["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(ids, ["a", "z"], "the good files are briefed, none of the bomb is kept");
    assert!(run.stderr.contains("bomb.jsonl.gz: not read"), "{}", run.stderr);
    assert!(run.stderr.contains("64 MiB of decoded input (--max-total)"), "{}", run.stderr);
    // Within the budget, everything is read.
    let run = parallax(&["brief", "--format", "json", "--max-total", "1GiB", &args[1]], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let run = parallax(&["brief", "--max-total", "lots", &args[0]], b"");
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("--max-total"), "{}", run.stderr);
}

#[test]
fn a_document_past_the_budget_of_words_is_reported_and_the_rest_briefed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let long: Vec<String> =
        (0..400).map(|n| format!("The ferry docked at pier {n} in Halvik today.")).collect();
    let long_path = dir.path().join("long.txt");
    std::fs::write(&long_path, format!("Ferry Docks At Halvik\n\n{}\n", long.join("\n\n")))
        .unwrap_or_else(|e| panic!("cannot write: {e}"));
    let long_name = long_path.display().to_string();
    let run =
        parallax(&["brief", "--format", "json", "--max-words", "1000", &long_name, "examples/ferry"], b"");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let briefing = json(&run);
    let errors = briefing["errors"].as_array().cloned().unwrap_or_default();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["input"], long_name.as_str());
    assert_eq!(
        errors[0]["message"],
        "skipped: its articles have 3600 words, more than the 1000 one document may have (the work of a run is \
         kept in proportion to its inputs)"
    );
    let documents = briefing["documents"].as_array().cloned().unwrap_or_default();
    assert!(documents.len() >= 3, "the demo's reports are briefed: {}", documents.len());
    assert!(documents.iter().all(|d| d["path"] != long_name.as_str()));
    // Within the default budget, the same document is briefed.
    let run = parallax(&["brief", "--format", "json", &long_name], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}
