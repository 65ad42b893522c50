//! Integration tests of the `parallax` binary: inputs, formats, errors and exit codes, the
//! end-to-end briefing of the demo corpus, and the tidy checks over the whole workspace.

mod bad_input;
mod brief;
mod eval;
mod extract;
mod html;
mod store;
mod stories;
mod tidy;
mod web;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What one run of the binary gave.
pub(crate) struct Run {
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Runs `parallax ARGS` in the workspace root with `stdin` piped in.
pub(crate) fn parallax(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start parallax: {e}"));
    if let Some(mut input) = child.stdin.take() {
        // The binary may exit before reading stdin; a closed pipe is fine.
        let _ = input.write_all(stdin);
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("parallax did not finish: {e}"));
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "parallax panicked: {}", run.stderr);
    run
}

/// The JSON briefing in `run`'s stdout.
pub(crate) fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", run.stdout))
}

/// `../shared` beside the checkout, or `None` (with a note on stderr) when it is not there.
pub(crate) fn shared(test: &str) -> Option<PathBuf> {
    let path = root().join("../shared");
    if path.join("corpus/seeds").is_dir() {
        Some(path)
    } else {
        eprintln!("skipped {test}: ../shared/corpus/seeds is not beside the checkout");
        None
    }
}
