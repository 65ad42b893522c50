//! Exit codes, the same for every command.
//!
//! - 0: everything was read and done.
//! - 1: the command ran, but one or more inputs could not be read or parsed (the output says
//!   which, and covers the others), or the store failed after some batches were committed (the
//!   message says how many documents were kept), or `db check` found the store unsound (each
//!   problem printed).
//! - 2: nothing was done: bad arguments (from clap), or an error such as an output file that
//!   cannot be written.

use std::process::ExitCode;

/// Every input was read.
pub(crate) const SUCCESS: ExitCode = ExitCode::SUCCESS;

/// Some inputs failed; the others were processed.
pub(crate) fn input_errors() -> ExitCode {
    ExitCode::from(1)
}

/// The command could not run.
pub(crate) fn failure() -> ExitCode {
    ExitCode::from(2)
}
