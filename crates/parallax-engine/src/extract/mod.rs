//! Extract: a [`parallax_model::RawDoc`] → the [`parallax_model::Article`]s it holds.
//!
//! Plain text goes through four steps, each in its own module:
//!
//! 1. `units`: the text is cut into units, one per line or per blank-line paragraph
//!    (hard-wrapped paragraphs are joined), with Markdown markers read.
//! 2. `chrome`: each unit is tested against general rules for site chrome (comment widgets,
//!    related-article blocks, follow prompts, share bars, promotions, read-more links, bare
//!    timestamps), image credits and photo captions.
//! 3. `segments`: item headers (an outlet line over an age line, as aggregator pages append
//!    other outlets' stories) split the page into articles, each with its outlet.
//! 4. `layout`: in each article the first headline-like unit becomes the title, and the rest
//!    are typed as paragraphs, subheadings or bullet points.
//!
//! HTML pages are first rendered to units by `html` (one per block element, headings, list
//! items and captions marked from their tags, metadata from meta tags and JSON-LD), then go
//! through steps 2 to 4.
//!
//! Nothing is dropped silently: every unit ends up in a block, a title, or an article's
//! `removed` list with its reason. Call [`extract`].

mod chrome;
mod dating;
mod html;
mod layout;
mod live;
mod main_content;
mod phrases;
mod segments;
mod units;
mod words;

mod entry;

pub use entry::{Config, Extraction, MAX_WORDS, extract};

/// Whether a sentence of running text is page furniture run into a paragraph by the
/// extraction rules' reading: a prompt, a link label, a share bar, an image credit, a
/// copyright line ("… Get breaking news in your inbox. Sign up See 5 more photos Report an
/// error"), or a wire photo's caption, which ends in the place and the day the picture was
/// taken ("… in London, Britain, July 5 2024."). Other captions' shapes and timestamps are left
/// out: inside a paragraph they read as prose.
pub fn is_chrome(text: &str) -> bool {
    use parallax_model::RemovedKind::{
        Comments, Copyright, FollowPrompt, ImageCredit, Promo, ReadMore, Related, Share,
    };
    matches!(
        chrome::classify(text),
        Some(Promo | FollowPrompt | ReadMore | Share | Related | Comments | ImageCredit | Copyright)
    ) || chrome::is_wire_caption(text)
}
