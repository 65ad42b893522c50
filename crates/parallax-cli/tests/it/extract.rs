//! `parallax extract`: articles with their metadata and blocks, in every format, with bad
//! inputs named and the others still extracted.

use crate::parallax;

#[test]
fn json_has_the_articles_fields_and_blocks() {
    let run = parallax(&["extract", "--format", "json", "testdata/extract/html/news-article.html"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let a = &v[0];
    for key in ["path", "url", "source", "title", "authors", "published", "text", "blocks", "removed"] {
        assert!(a.get(key).is_some(), "missing {key}: {a}");
    }
    assert_eq!(a["title"], "Ferry operator fined over Halvik collision");
    assert_eq!(a["authors"][0], "Maren Dahl");
    assert_eq!(a["published"], "2026-06-12");
    let kinds: Vec<&str> =
        a["blocks"].as_array().expect("blocks").iter().filter_map(|b| b["kind"].as_str()).collect();
    assert!(kinds.contains(&"heading") && kinds.contains(&"list_item"), "{kinds:?}");
    // Chrome is out of the text and kept, with its reason, under `removed`.
    assert!(!a["text"].as_str().expect("text").contains("Share this article"));
    assert!(a["removed"].as_array().expect("removed").iter().any(|r| r["kind"] == "share"));
}

#[test]
fn markdown_and_text_and_stdin() {
    let md = parallax(&["extract", "--format", "markdown", "testdata/extract/html/news-article.html"], b"");
    assert!(md.stdout.starts_with("# Ferry operator fined over Halvik collision\n"), "{}", md.stdout);
    assert!(
        md.stdout.contains("\n## What the board found\n")
            && md.stdout.contains("\n- No lookout on the bow in fog\n")
    );
    let piped = parallax(&["extract"], b"Harbour reopens\n\nThe harbour reopened on Monday after repairs.\n");
    assert_eq!(piped.code, Some(0), "{}", piped.stderr);
    assert_eq!(piped.stdout, "Harbour reopens\n\nThe harbour reopened on Monday after repairs.\n");
}

#[test]
fn a_bad_input_is_named_and_the_others_extracted() {
    let run = parallax(&["extract", "no-such-page.html", "testdata/extract/html/news-article.html"], b"");
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("no-such-page.html"), "{}", run.stderr);
    assert!(run.stdout.contains("Ferry operator fined over Halvik collision"));
}
