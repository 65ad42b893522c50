//! Render: a [`parallax_model::Briefing`] → text for people or programs.
//!
//! [`json()`] writes the public contract; [`markdown()`] and [`terminal()`] write the same content
//! for reading, the terminal view wrapped to a width and coloured only when asked; [`html()`] a
//! self-contained page whose citations open the cited passages.

mod html;
mod json;
mod markdown;
mod outline;
mod terminal;

pub use html::html;
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
    /// One self-contained HTML page.
    Html,
}
