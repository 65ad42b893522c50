//! The text stage (sentences, tokens, stems) on the articles extracted from any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_engine::text::Analyzer;
use parallax_engine::{extract, ingest};
use parallax_model::DocFormat;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = ingest::text_document("fuzz", "fuzz", DocFormat::Text, data, &ingest::Config::default())
    else {
        return;
    };
    let mut analyzer = Analyzer::new();
    for article in extract::extract(&doc, &extract::Config::default()).articles {
        std::hint::black_box(analyzer.analyze(&article));
    }
});
