//! Prints each sentence of each article of a text file, one per line, for checking the
//! segmenter by eye: `cargo run --example dump_sentences -- FILE`.

use parallax_engine::{extract, ingest, text};
use parallax_model::DocFormat;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let doc =
            match ingest::text_document(&path, "doc", DocFormat::Text, &bytes, &ingest::Config::default()) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{}: {}", e.input, e.message);
                    continue;
                }
            };
        for article in extract::extract(&doc, &extract::Config::default()).articles {
            println!("== {} ({})", article.id, article.source.name);
            for s in text::analyze(&article).sentences {
                let kind = article.blocks[s.block as usize].kind;
                println!("{:>3} {:?} | {}", s.block, kind, &doc.text[s.span.range()]);
            }
        }
    }
}
