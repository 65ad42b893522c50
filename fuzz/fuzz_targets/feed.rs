//! An RSS or Atom document: its items read (no network).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    std::hint::black_box(parallax_fetch::feed_items(data).ok());
});
