//! Problems with one input that did not stop the others.

use serde::{Deserialize, Serialize};

/// An input that could not be read or parsed, or a part of one that was left out.
///
/// `input` names the input as the user gave it (a path, `-` for stdin, `path:line` for one
/// JSON Lines record); `message` is a lowercase fragment that reads after "failed to read":
/// "not valid UTF-8 (first bad byte at offset 12)".
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The input as the user named it.
    pub input: String,
    /// Why it was not read, in one line.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic for `input`.
    pub fn new(input: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { input: input.into(), message: message.into() }
    }
}
