//! Extraction on any page: the bytes as HTML and as plain text, through ingest and extract.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_engine::{extract, ingest};
use parallax_model::DocFormat;

fuzz_target!(|data: &[u8]| {
    for format in [DocFormat::Html, DocFormat::Text] {
        if let Ok(doc) = ingest::text_document("fuzz", "fuzz", format, data, &ingest::Config::default()) {
            std::hint::black_box(extract::extract(&doc, &extract::Config::default()));
        }
    }
});
