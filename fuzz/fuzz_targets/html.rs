//! The HTML parser on any bytes: decoded by their charset, parsed, walked and its text read.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = parallax_html::decode(data, "text/html");
    let doc = parallax_html::Document::parse(&html);
    let mut n = 0usize;
    for node in doc.root().descendants() {
        n += node.text().map_or(0, str::len);
        if let Some(e) = node.element() {
            n += e.attrs().count();
        }
    }
    std::hint::black_box((n, doc.root().text_content().len()));
});
