//! One snapshot per extraction fixture in `testdata/extract/text/` and `testdata/extract/html/`:
//! every fixture is a page we wrote, and its snapshot shows each article found (id, outlet, title, authors), each body
//! block with its kind and sentences, and everything removed with the reason.

use std::fmt::Write;

use parallax_engine::{extract, ingest, text};
use parallax_model::DocFormat;

/// The readable form of what extraction makes of `raw`.
fn render(name: &str, format: DocFormat, raw: &[u8]) -> String {
    let config = ingest::Config::default();
    let doc = match ingest::text_document(name, "page", format, raw, &config) {
        Ok(doc) => doc,
        Err(d) => return format!("ingest error: {}\n", d.message),
    };
    let out = extract::extract(&doc, &extract::Config::default());
    // Spans point into the page's text rendering for HTML, into the raw text otherwise.
    let base = out.rendered.as_deref().unwrap_or(&doc.text);
    let mut s = String::new();
    for a in &out.articles {
        let _ = writeln!(s, "== {} | {} ({:?})", a.id, a.source.name, a.source.from);
        if let Some(page) = &a.segment_of {
            let _ = writeln!(s, "segment of: {page}");
        }
        let _ = writeln!(s, "title: {}", a.title.as_deref().unwrap_or("-"));
        if let Some(date) = a.published {
            let _ = writeln!(s, "published: {date}");
        }
        if !a.authors.is_empty() {
            let _ = writeln!(s, "authors: {}", a.authors.join("; "));
        }
        let analysis = text::analyze(a);
        for (i, block) in a.blocks.iter().enumerate() {
            let _ = writeln!(s, "  {:?}:", block.kind);
            for sentence in analysis.sentences.iter().filter(|x| x.block as usize == i) {
                let piece = &base[sentence.span.range()];
                let _ = writeln!(s, "    | {}", piece.replace('\n', " "));
            }
        }
        for r in &a.removed {
            let _ = writeln!(s, "  - removed {:?}: {}", r.kind, r.text);
        }
    }
    for d in &out.diagnostics {
        let _ = writeln!(s, "diagnostic: {}", d.message);
    }
    s
}

/// Snapshots what extraction makes of the fixture at `path`.
fn check(snapshot: &str, path: &std::path::Path, format: DocFormat) {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("fixture");
    insta::assert_snapshot!(snapshot, render(name, format, &raw));
}

#[test]
fn extract_fixtures() {
    insta::glob!("../../../../testdata/extract/text", "*.{txt,md}", |path| check(
        "extract_fixtures",
        path,
        DocFormat::Text
    ));
}

#[test]
fn extract_html_fixtures() {
    insta::glob!("../../../../testdata/extract/html", "*.html", |path| {
        check("extract_html_fixtures", path, DocFormat::Html);
    });
}
