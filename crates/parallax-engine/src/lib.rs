//! The Parallax library: pure stages, and the pipeline that orders them.
//!
//! Parallax reads many news reports of the same events and tells what is really known. The
//! engine does the reading; it does no I/O of its own (callers hand it bytes and persist what
//! it returns), and the same input always gives the same output, byte for byte.
//!
//! # The flow
//!
//! | stage | in → out |
//! | --- | --- |
//! | [`ingest`] | bytes of a file, stdin or a JSON Lines record → [`parallax_model::RawDoc`], or a [`parallax_model::Diagnostic`] naming the input and the reason |
//! | [`extract`] | a raw document → the [`parallax_model::Article`]s it holds: title, outlet, date, authors, typed body blocks, and what was removed as chrome or captions |
//! | [`text`] | an article → sentences and tokens with stem keys, with byte spans into the raw text |
//! | [`pipeline`] | raw documents → [`parallax_model::Briefing`], the public JSON contract |
//! | [`render`] | a briefing → terminal text, Markdown or JSON |
//!
//! Only [`pipeline`] knows the order of the stages; a stage imports only [`text`] and the
//! model.
//!
//! # Example
//!
//! ```
//! use parallax_engine::{ingest, pipeline, render};
//! use parallax_model::DocFormat;
//!
//! let page = "Ferry Runs Aground\nThe ferry ran aground on Tuesday, the coastguard said.\nShare this article\n";
//! let doc = ingest::text_document("story.txt", "story", DocFormat::Text, page.as_bytes(), &ingest::Config::default())
//!     .expect("plain UTF-8 text is accepted");
//! let briefing = pipeline::brief(&[doc], Vec::new(), &pipeline::Config::default());
//!
//! assert_eq!(briefing.documents[0].title.as_deref(), Some("Ferry Runs Aground"));
//! assert_eq!(briefing.documents[0].text, "The ferry ran aground on Tuesday, the coastguard said.");
//! assert!(render::json(&briefing).starts_with("{\n  \"schema\": \"parallax.brief/1\""));
//! ```
//!
//! # Design choices
//!
//! Extraction from plain text is rule-based and general: rules describe the shape of chrome
//! (a comments widget, a call to action aimed at the reader, a credit in brackets), never the
//! strings of one site, and every line that is taken out is kept with its reason, so nothing is
//! dropped silently. Documents are processed in parallel with rayon and collected in input
//! order, which keeps the output deterministic.
#![warn(missing_docs)]

pub mod claims;
pub mod extract;
pub mod facts;
pub mod ingest;
pub mod pipeline;
pub mod render;
pub mod reuse;
pub mod sets;
pub mod stories;
pub mod text;
