//! End-to-end briefing snapshots of the demo corpus, one per format, kept in
//! `testdata/stories/ferry/`.

use crate::parallax;

fn check(format: &str) {
    let run = parallax(&["brief", "--format", format, "--date", "2026-03-04", "examples/ferry"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../../../testdata/stories/ferry");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(format!("ferry-{format}"), run.stdout));
}

#[test]
fn ferry_json() {
    check("json");
}

#[test]
fn ferry_markdown() {
    check("markdown");
}

#[test]
fn ferry_terminal() {
    check("terminal");
}
