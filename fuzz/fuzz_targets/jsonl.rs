//! One JSON Lines record, each line of the input read as one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_engine::ingest;

fuzz_target!(|data: &[u8]| {
    for (n, line) in data.split(|&b| b == b'\n').enumerate().take(64) {
        std::hint::black_box(
            ingest::jsonl_record("fuzz", "fuzz", n + 1, line, &ingest::Config::default()).ok(),
        );
    }
});
