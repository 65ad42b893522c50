//! `--format html`: one self-contained page whose citations open the cited passages, rendered
//! by headless Chromium at a phone's and a desktop's width when Chromium is installed
//! (`.ci/run` installs Debian's package).

use std::path::Path;
use std::process::Command;

use crate::{parallax, root};

fn page() -> String {
    let run = parallax(&["brief", "--format", "html", "examples/ferry"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stdout
}

#[test]
fn the_page_is_self_contained_and_every_citation_lands() {
    let html = page();
    assert!(html.starts_with("<!doctype html>") && html.trim_end().ends_with("</html>"));
    for external in ["<script", "<link", "src=\"http", "href=\"http", "@import", "url("] {
        assert!(!html.contains(external), "the page loads {external}");
    }
    assert!(html.contains("<meta name=\"viewport\""));
    for section in ["Summary", "Key facts", "Coverage: which sources carry which facts", "Documents"] {
        assert!(html.contains(&format!(">{section}</h")), "no {section} section");
    }
    // Every internal link has its target on the page, and the summary's citations point at
    // marked passages, not only at whole documents.
    let targets: Vec<&str> = html.split("href=\"#").skip(1).filter_map(|s| s.split('"').next()).collect();
    assert!(!targets.is_empty());
    for t in &targets {
        assert!(html.contains(&format!("id=\"{t}\"")), "link to #{t} has no target");
    }
    assert!(targets.iter().any(|t| t.starts_with("p-")), "no citation opens a passage");
}

/// Screenshots at 390 and 1280 pixels wide; the PNGs are left in the target folder for a look.
#[test]
fn chromium_renders_the_page_at_phone_and_desktop_widths() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!(
            "skipped chromium_renders_the_page_at_phone_and_desktop_widths: /usr/bin/chromium is not installed"
        );
        return;
    }
    let dir = root().join("target/html-screenshots");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let page_path = dir.join("ferry.html");
    std::fs::write(&page_path, page()).unwrap_or_else(|e| panic!("cannot write the page: {e}"));
    let profile = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    for (name, width) in [("phone", 390), ("desktop", 1280)] {
        let shot = dir.join(format!("ferry-{name}.png"));
        let _ = std::fs::remove_file(&shot);
        let status = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--window-size={width},1800"))
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!("file://{}", page_path.display()))
            .output()
            .unwrap_or_else(|e| panic!("cannot start chromium: {e}"));
        let png = std::fs::read(&shot).unwrap_or_default();
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 10_000,
            "no screenshot at {width}px: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
}
