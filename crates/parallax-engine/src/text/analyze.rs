//! The text stage over a whole article: its sentences and tokens, with spans into the raw
//! document text.

use std::collections::HashMap;

use parallax_model::{Article, BlockKind, Sentence, Span};
use rust_stemmers::{Algorithm, Stemmer};

use super::chars::{is_dash, is_terminal};
use super::fold::{key_of_norm, normalize_word};
use super::sentences::split_sentences;
use super::tokens::{Token, scan};

/// Sentences and tokens of one article. Spans point into the raw document text
/// ([`parallax_model::RawDoc::text`]), like the article's blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Every sentence of the body, in order; none crosses a block.
    pub sentences: Vec<Sentence>,
    /// Every token of the body, in order.
    pub tokens: Vec<Token>,
}

/// A reusable worker for the text stage: it keeps the stemmer and a cache of stem keys, so
/// the second occurrence of a word costs a hash look-up. Results do not depend on what the
/// cache holds.
pub struct Analyzer {
    stemmer: Stemmer,
    keys: HashMap<Box<str>, u64>,
    norm: String,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer {
    /// A worker with an empty cache.
    pub fn new() -> Analyzer {
        Analyzer { stemmer: Stemmer::create(Algorithm::English), keys: HashMap::new(), norm: String::new() }
    }

    /// Sentences and tokens of `article`.
    pub fn analyze(&mut self, article: &Article) -> Analysis {
        let mut out = Analysis::default();
        for (index, block) in article.blocks.iter().enumerate() {
            if block.kind == BlockKind::Embed {
                continue;
            }
            let base = block.span.start as usize;
            let block_no = u32::try_from(index).unwrap_or(u32::MAX);
            let mut push =
                |span: Span| out.sentences.push(Sentence { block: block_no, span: span.shift(base) });
            match (block.kind, bullet_label(&block.text)) {
                (BlockKind::ListItem, Some(label)) => {
                    push(label);
                    let rest = label.end as usize;
                    let body = &block.text[rest..];
                    let skip = body.len() - body.trim_start_matches(|c: char| is_dash(c) || c == ' ').len();
                    for s in split_sentences(&body[skip..]) {
                        push(s.shift(rest + skip));
                    }
                }
                _ => split_sentences(&block.text).into_iter().for_each(push),
            }
            self.tokenize_into(&block.text, base, &mut out.tokens);
        }
        out
    }

    /// Appends the tokens of `text` to `out`, their spans moved right by `base`.
    pub fn tokenize_into(&mut self, text: &str, base: usize, out: &mut Vec<Token>) {
        scan(text, |start, end, kind| {
            let key = self.key(&text[start..end]);
            out.push(Token { span: Span::new(start + base, end + base), kind, key });
        });
    }

    fn key(&mut self, word: &str) -> u64 {
        normalize_word(word, &mut self.norm);
        if let Some(&key) = self.keys.get(self.norm.as_str()) {
            return key;
        }
        let key = key_of_norm(&self.stemmer, &self.norm);
        // The cache only saves work; bound it so a huge vocabulary cannot grow it forever.
        if self.keys.len() >= 1 << 20 {
            self.keys.clear();
        }
        self.keys.insert(self.norm.as_str().into(), key);
        key
    }
}

/// Sentences and tokens of `article`, with a fresh [`Analyzer`].
pub fn analyze(article: &Article) -> Analysis {
    Analyzer::new().analyze(article)
}

/// The label of a live-page bullet written "Label - text": a short lead of at most eight
/// words, without terminal punctuation, before a spaced dash.
fn bullet_label(text: &str) -> Option<Span> {
    let cut = (0..=text.len().min(90)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let head = &text[..cut];
    let dash = head.char_indices().find(|&(i, c)| {
        is_dash(c) && head[..i].ends_with(' ') && head[i + c.len_utf8()..].starts_with(' ')
    })?;
    let label = head[..dash.0].trim_end();
    let words = label.split_whitespace().count();
    if (1..=8).contains(&words) && !label.chars().any(is_terminal) && !label.ends_with(',') {
        Some(Span::new(0, label.len()))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::bullet_label;

    #[track_caller]
    fn check_label(text: &str, expect: Option<&str>) {
        assert_eq!(bullet_label(text).and_then(|s| s.slice(text)), expect);
    }

    #[test]
    fn labels_of_live_page_bullets() {
        check_label("Air patrols - This is more conceivable.", Some("Air patrols"));
        check_label("Talks end – the leaders left", Some("Talks end"));
        check_label("He said so. Then - later - left", None);
        check_label("No dash here at all", None);
        check_label("One two three four five six seven eight nine - too long a label", None);
    }
}
