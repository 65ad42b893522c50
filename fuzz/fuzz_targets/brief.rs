//! A whole briefing of a small document set: the input split on NUL bytes into up to four
//! documents (text or HTML by their first byte), briefed together.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_engine::{ingest, pipeline};
use parallax_model::DocFormat;

fuzz_target!(|data: &[u8]| {
    let docs: Vec<_> = data
        .split(|&b| b == 0)
        .take(4)
        .enumerate()
        .filter_map(|(n, part)| {
            let format = if part.first() == Some(&b'<') { DocFormat::Html } else { DocFormat::Text };
            ingest::text_document(
                &format!("doc{n}"),
                &format!("doc{n}"),
                format,
                part,
                &ingest::Config::default(),
            )
            .ok()
        })
        .collect();
    std::hint::black_box(pipeline::brief(&docs, Vec::new(), &pipeline::Config::default()));
});
