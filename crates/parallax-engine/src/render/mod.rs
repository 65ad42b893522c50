//! Render: a [`parallax_model::Briefing`] → text for people or programs.
//!
//! [`json()`] writes the public contract; [`markdown()`] and [`terminal()`] write the same content
//! for reading, the terminal view wrapped to a width and coloured only when asked.

mod json;
mod markdown;
mod outline;
mod terminal;

pub use json::json;
pub use markdown::markdown;
pub use terminal::{Style, terminal};

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Wrapped text for a terminal.
    Terminal,
    /// Markdown.
    Markdown,
    /// The JSON contract `parallax.brief/1`.
    Json,
}
