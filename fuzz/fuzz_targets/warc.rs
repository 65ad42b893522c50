//! A WARC stream: every record read, each page's body capped.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for record in parallax_fetch::read_warc(data, 1 << 20).take(256) {
        std::hint::black_box(record.ok());
    }
});
