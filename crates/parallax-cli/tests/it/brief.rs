//! `parallax brief`: formats, stdin, JSON Lines ids, output files, colour and determinism.

use crate::{json, parallax, shared};

#[test]
fn stdin_text_and_jsonl() {
    let run = parallax(&["brief", "--format", "json"], b"Port Closes\nThe port closed on Monday.\n");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let b = json(&run);
    assert_eq!(
        (b["documents"][0]["id"].as_str(), b["documents"][0]["path"].as_str()),
        (Some("stdin"), Some("-"))
    );
    assert_eq!(b["documents"][0]["title"], "Port Closes");
    assert_eq!(b["documents"][0]["text"], "The port closed on Monday.");

    let lines = b"{\"id\":\"x-1\",\"text\":\"One.\",\"source\":\"Wire\",\"published\":\"2026-03-04T09:00:00Z\"}\n\n{\"text\":\"Two.\"}\n";
    let run = parallax(&["brief", "--format", "json", "-"], lines);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let b = json(&run);
    let docs = b["documents"].as_array().cloned().unwrap_or_default();
    let got: Vec<String> = docs
        .iter()
        .map(|d| format!("{} {} {} {}", d["id"], d["source"], d["source_from"], d["published"]))
        .collect();
    assert_eq!(got, [r#""x-1" "Wire" "metadata" "2026-03-04""#, r#""stdin:3" "stdin" "file_stem" null"#]);
}

#[test]
fn date_flag_fills_only_missing_dates() {
    let run = parallax(&["brief", "--format", "json", "--date", "2026-03-05", "examples/ferry"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let b = json(&run);
    let dates: Vec<String> = b["documents"]
        .as_array()
        .map(|d| d.iter().map(|d| format!("{}={}", d["id"].as_str().unwrap_or(""), d["published"])).collect())
        .unwrap_or_default();
    assert!(dates.contains(&"01-coastal-wire=\"2026-03-05\"".to_string()), "{dates:?}");
    assert!(dates.contains(&"courier-1187=\"2026-03-04\"".to_string()), "{dates:?}");
}

#[test]
fn json_contract_has_every_field() {
    let run = parallax(&["brief", "--format", "json", "examples/ferry"], b"");
    let b = json(&run);
    assert_eq!(b["schema"], "parallax.brief/1");
    for key in [
        "documents",
        "reuse",
        "origins",
        "entities",
        "quotes",
        "claims",
        "divergences",
        "updates",
        "timeline",
        "summary",
        "errors",
    ] {
        assert!(b[key].is_array(), "{key} is missing or not an array");
    }
    for doc in b["documents"].as_array().cloned().unwrap_or_default() {
        for key in ["id", "path", "source", "title", "published", "segment_of", "text"] {
            assert!(doc.get(key).is_some(), "document field {key} is missing");
        }
    }
}

#[test]
fn the_demo_tells_how_the_injured_count_changed_by_day() {
    // The coastguard's 14 injured on the day of the collision; a report the next day gives 16.
    let run = parallax(&["brief", "--format", "json", "--date", "2026-03-04", "examples/ferry"], b"");
    let b = json(&run);
    let updates = b["updates"].as_array().cloned().unwrap_or_default();
    assert_eq!(updates.len(), 1, "{updates:?}");
    assert_eq!(updates[0]["description"], "injured: 14 on 4 Mar → sixteen on 5 Mar");
    let steps: Vec<(String, String)> = updates[0]["steps"]
        .as_array()
        .map(|s| s.iter().map(|s| (s["date"].to_string(), s["documents"].to_string())).collect())
        .unwrap_or_default();
    assert_eq!(
        steps,
        [
            (r#""2026-03-04""#.to_string(), r#"["courier-1187"]"#.to_string()),
            (r#""2026-03-05""#.to_string(), r#"["courier-1203"]"#.to_string())
        ]
    );
}

#[test]
fn output_file_and_formats() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let out = dir.path().join("b.md");
    let out_arg = out.display().to_string();
    let run = parallax(&["brief", "--format", "markdown", "-o", &out_arg, "examples/ferry"], b"");
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""));
    let md = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(
        md.starts_with(
            "# Parallax briefing\n\n**Ferry and cargo ship collide in fog off Halvik, injuring 14**\n\n\
             10 documents from 8 inputs, 8 independent origins\n\n## Summary\n"
        ),
        "{md}"
    );

    let plain = parallax(&["brief", "examples/ferry"], b"");
    assert!(!plain.stdout.contains('\u{1b}'), "no colour when piped");
    let coloured = parallax(&["brief", "--color", "always", "examples/ferry"], b"");
    assert!(coloured.stdout.contains("\u{1b}["), "colour when asked");
}

#[test]
fn same_input_same_bytes() {
    let args = ["brief", "--format", "json", "examples/ferry", "../shared/corpus/seeds"];
    let first = parallax(&args, b"").stdout;
    for _ in 0..3 {
        assert_eq!(parallax(&args, b"").stdout, first);
    }
}

#[test]
fn seeds_brief_into_eight_documents() {
    let Some(_) = shared("seeds_brief_into_eight_documents") else { return };
    let run = parallax(&["brief", "--format", "json", "--date", "2025-08-19", "../shared/corpus/seeds"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let b = json(&run);
    let got: Vec<String> = b["documents"]
        .as_array()
        .map(|d| {
            d.iter()
                .map(|d| {
                    format!(
                        "{} {} {}",
                        d["id"].as_str().unwrap_or(""),
                        d["source"].as_str().unwrap_or(""),
                        d["segment_of"]
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        got,
        [
            "000_c6a57fb117dc61d3 000_c6a57fb117dc61d3 null",
            "001_5a78ae8ee1f536df 001_5a78ae8ee1f536df null",
            "001_5a78ae8ee1f536df#2 ITV News \"001_5a78ae8ee1f536df\"",
            "001_5a78ae8ee1f536df#3 ITV News \"001_5a78ae8ee1f536df\"",
            "001_5a78ae8ee1f536df#4 The Independent \"001_5a78ae8ee1f536df\"",
            "002_29998d670c3597d8 Britannia Daily null",
            "003_18622258dec15cd8 003_18622258dec15cd8 null",
            "004_827560e18c95793a 004_827560e18c95793a null",
        ]
    );
}

#[test]
fn html_records_and_files() {
    let record = br#"{"id":"h1","source":"The Courier","html":"<html><head><title>Port reopens | X</title></head><body><h1>Port reopens</h1><p>The port reopened on Friday.</p><figure><figcaption>Ships wait</figcaption></figure></body></html>"}"#;
    let run = parallax(&["brief", "--format", "json", "-"], record);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let b = json(&run);
    let d = &b["documents"][0];
    let got = format!("{} | {} | {} | {}", d["id"], d["source"], d["title"], d["text"]);
    assert_eq!(got, r#""h1" | "The Courier" | "Port reopens" | "The port reopened on Friday.""#);
    assert_eq!(d["removed"][0]["kind"], "caption");

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let page = dir.path().join("page.html");
    let html = "<html><head><meta property=\"og:site_name\" content=\"Valley Post\"></head><body><article><h1>Cycle lanes approved</h1><p>The council voted on Tuesday.</p></article></body></html>";
    std::fs::write(&page, html).unwrap_or_else(|e| panic!("cannot write: {e}"));
    let run = parallax(&["brief", "--format", "json", &page.display().to_string()], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let d = &json(&run)["documents"][0];
    let got = format!("{} | {} | {} | {}", d["source"], d["source_from"], d["title"], d["text"]);
    assert_eq!(got, r#""Valley Post" | "page" | "Cycle lanes approved" | "The council voted on Tuesday.""#);
}
