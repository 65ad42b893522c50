//! Ingest: bytes of one input → [`parallax_model::RawDoc`]s, or a [`parallax_model::Diagnostic`]
//! that names the input and the reason.
//!
//! This stage does no I/O: the caller reads files, stdin or the network and hands the bytes
//! over. Call [`text_document`] for a plain-text or Markdown file, [`jsonl_record`] for each
//! line of a JSON Lines file, then [`assign_ids`] once over everything, in input order.

mod decode;
mod ids;
mod jsonl;

pub use decode::{decode, decode_html, too_large};
pub use ids::assign_ids;
pub use jsonl::{Record, jsonl_record};

use parallax_model::{Diagnostic, DocFormat, DocId, DocMeta, RawDoc};

/// Limits of the ingest stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// The largest document accepted, in bytes of its text.
    pub max_doc_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config { max_doc_bytes: 16 * 1024 * 1024 }
    }
}

/// A whole file or stdin holding one plain-text document. `name` is the input as the user
/// named it; `stem` is the id it gets unless [`assign_ids`] has to make it unique.
pub fn text_document(
    name: &str,
    stem: &str,
    format: DocFormat,
    bytes: &[u8],
    config: &Config,
) -> Result<RawDoc, Diagnostic> {
    let text = if format == DocFormat::Html { decode_html(bytes, config) } else { decode(bytes, config) }
        .map_err(|reason| Diagnostic::new(name, reason))?;
    let id = DocId::new(stem)
        .or_else(|| DocId::new("document"))
        .ok_or_else(|| Diagnostic::new(name, "no usable id"))?;
    Ok(RawDoc { id, path: name.to_string(), format, text, meta: DocMeta::default() })
}
