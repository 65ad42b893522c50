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
pub use ids::{assign_ids, assign_ids_flagged};
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

/// A page fetched from `final_url` (the address it came from, after redirects), HTML when
/// `html`, else plain text; `name` is the input as the user named it (the URL asked for). Its
/// id is made from the address's last path segment ([`url_stem`]), and the address is where
/// it was published.
pub fn page_document(
    name: &str,
    final_url: &str,
    html: bool,
    text: &str,
    config: &Config,
) -> Result<RawDoc, Diagnostic> {
    let format = if html { DocFormat::Html } else { DocFormat::Text };
    let mut doc = text_document(name, &url_stem(final_url), format, text.as_bytes(), config)?;
    doc.meta.url = final_url.parse().ok();
    Ok(doc)
}

/// A document id stem from a URL: its last path segment, else its host; "page" when neither
/// holds a letter or digit.
pub fn url_stem(url: &str) -> String {
    let trimmed = url.split(['?', '#']).next().unwrap_or(url).trim_end_matches('/');
    let last = trimmed.rsplit('/').next().unwrap_or(trimmed);
    let last = last.strip_suffix(".html").or_else(|| last.strip_suffix(".htm")).unwrap_or(last);
    let stem: String =
        last.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    let stem = stem.trim_matches('-').to_string();
    if stem.is_empty() { "page".to_string() } else { stem }
}

#[cfg(test)]
mod tests {
    use super::url_stem;

    #[test]
    fn a_page_is_named_by_its_last_path_segment_else_its_host() {
        assert_eq!(
            url_stem("https://news.example/2026/03/ferry-hits-crane.html?ref=rss#top"),
            "ferry-hits-crane"
        );
        assert_eq!(url_stem("https://news.example/"), "news-example");
        assert_eq!(url_stem("https://news.example/a%20b/"), "a-20b");
        assert_eq!(url_stem("https://news.example/%%%"), "page");
    }
}
