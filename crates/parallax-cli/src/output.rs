//! Where output goes, and what the terminal allows: the only place the CLI asks about
//! terminals and the environment.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax_engine::render;

/// Reports a problem with one input on stderr, "parallax: INPUT: MESSAGE", its text made
/// [`render::visible`]: a file name or a message quoting input cannot drive the terminal.
pub(crate) fn warn(input: &str, message: &str) {
    eprintln!("parallax: {}: {}", render::visible(input), render::visible(message));
}

/// Whether stdout is a terminal.
pub(crate) fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Whether stdin is a terminal (then nothing is piped in).
pub(crate) fn stdin_is_terminal() -> bool {
    io::stdin().is_terminal()
}

/// Whether colour is allowed: NO_COLOR is unset and the terminal is not dumb.
pub(crate) fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

/// The terminal's width in columns, or 100 when it cannot be told.
pub(crate) fn terminal_width() -> usize {
    terminal_size::terminal_size().map_or(100, |(w, _)| usize::from(w.0))
}

/// Where progress is drawn: stderr when it is a terminal, else nowhere.
fn stderr_target() -> ProgressDrawTarget {
    if io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() }
}

/// A progress bar on stderr for `inputs` inputs, drawn only when stderr is a terminal.
pub(crate) fn progress(inputs: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(inputs as u64), stderr_target());
    if let Ok(style) = ProgressStyle::with_template("{spinner} reading {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// A spinner on stderr saying what is being done and for how long, drawn only when stderr is
/// a terminal: for work whose length is not known ahead (a list of large stories).
pub(crate) fn spinner(what: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, stderr_target());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
        bar.set_style(style);
    }
    bar.set_message(what.to_string());
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// Refuses an output file that is one of the inputs, or an existing file inside an input
/// folder: it would be overwritten by the briefing of itself, or read as an input on the next
/// run. Checked before anything is read; paths are compared once resolved (links, `..`).
pub(crate) fn check_not_input(output: Option<&Path>, inputs: &[std::path::PathBuf]) -> anyhow::Result<()> {
    let Some(output) = output else { return Ok(()) };
    let Ok(out) = std::fs::canonicalize(output) else {
        // A file that does not exist yet is no input.
        return Ok(());
    };
    for input in inputs {
        let Ok(resolved) = std::fs::canonicalize(input) else { continue };
        if resolved == out {
            anyhow::bail!(
                "the output file {} is also an input: write the briefing elsewhere",
                render::visible(&output.display().to_string())
            );
        }
        if resolved.is_dir() && out.starts_with(&resolved) {
            anyhow::bail!(
                "the output file {} lies in the input folder {}: it would be read as an input and overwritten; write the briefing elsewhere",
                render::visible(&output.display().to_string()),
                render::visible(&input.display().to_string())
            );
        }
    }
    Ok(())
}

/// Writes `text` to `path`, or to stdout. A closed pipe (`| head`) is not an error.
pub(crate) fn write(path: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match path {
        Some(path) => std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display())),
        None => {
            let mut out = io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("cannot write to stdout"),
            }
        }
    }
}
