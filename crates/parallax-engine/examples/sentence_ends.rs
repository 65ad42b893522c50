//! Prints, for each block of a text file's first article, the byte offsets (from the block's
//! start) where its sentences end, in the form the seed tests use:
//! `cargo run --example sentence_ends -- FILE`.

use parallax_engine::{extract, ingest, text};
use parallax_model::DocFormat;

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let Ok(doc) =
            ingest::text_document(&path, "doc", DocFormat::Text, &bytes, &ingest::Config::default())
        else {
            eprintln!("{path}: not text");
            continue;
        };
        let Some(article) = extract::extract(&doc, &extract::Config::default()).articles.into_iter().next()
        else {
            continue;
        };
        let sentences = text::analyze(&article).sentences;
        let mut line = String::new();
        for (b, block) in article.blocks.iter().enumerate() {
            let ends: Vec<String> = sentences
                .iter()
                .filter(|s| s.block as usize == b)
                .map(|s| (s.span.end - block.span.start).to_string())
                .collect();
            line.push_str(&format!("&[{}], ", ends.join(", ")));
        }
        println!("{path}: {line}");
    }
}
