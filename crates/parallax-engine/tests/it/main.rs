//! Integration tests of the engine: its stages on the shared seed corpus and on our own
//! extraction fixtures. End-to-end briefings are tested through the binary, in parallax-cli.

mod extract_cases;
mod seeds;

use std::path::{Path, PathBuf};

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
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
