//! Render: a [`parallax_model::Briefing`] → text for people or programs.
//!
//! [`json()`] writes the public contract; [`markdown()`] and [`terminal()`] write the same content
//! for reading, the terminal view wrapped to a width and coloured only when asked; [`html()`] a
//! self-contained page whose citations open the cited passages. [`visible()`] keeps input text
//! from driving a reader's terminal: the human views pass every text through it.

mod html;
mod json;
mod markdown;
mod outline;
mod terminal;
mod visible;

pub use html::{escape_markup, html};
pub use json::json;
pub use markdown::markdown;
pub use terminal::{Style, terminal};
pub use visible::visible;

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
