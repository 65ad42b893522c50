//! Bytes → text: size limit, binary detection, byte-order marks, UTF-8 validation.

use super::Config;

/// The text of `bytes`, or why it cannot be read, as a lowercase fragment.
///
/// Accepts UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark.
/// Refuses empty input, input over [`Config::max_doc_bytes`], binary data (a NUL byte or
/// many control characters) and invalid UTF-8, saying where the first bad byte is.
pub fn decode(bytes: &[u8], config: &Config) -> Result<String, String> {
    decode_as(bytes, config, false)
}

/// The text of an HTML page: as [`decode`], but bytes that are not UTF-8 are read in the
/// charset the page declares (`<meta charset>`), else as windows-1252, as browsers read them.
pub fn decode_html(bytes: &[u8], config: &Config) -> Result<String, String> {
    decode_as(bytes, config, true)
}

fn decode_as(bytes: &[u8], config: &Config, html: bool) -> Result<String, String> {
    if bytes.len() > config.max_doc_bytes {
        return Err(too_large(None, config.max_doc_bytes));
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        let first_nul = memchr::memchr(0, bytes);
        let nuls = first_nul.map_or(0, |_| memchr::memchr_iter(0, bytes).count());
        // A page with a stray NUL or two (browsers drop them) is still a page; text is not.
        if let Some(at) = first_nul
            && (!html || nuls * 1000 > bytes.len())
        {
            return Err(format!("binary data, not text (NUL byte at offset {at})"));
        }
        let without_nuls: Vec<u8>;
        let bytes = if nuls > 0 {
            without_nuls = bytes.iter().copied().filter(|&b| b != 0).collect();
            &without_nuls
        } else {
            bytes
        };
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) if html => parallax_html::decode(bytes, ""),
            Err(_) => utf8(bytes)?,
        }
    };
    // Binary data shows in its first 64 KiB; a huge text is not scanned to its end.
    let mut head = text.len().min(64 * 1024);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let head = &text[..head];
    let controls = controls(head);
    if controls > 0 && controls * 100 > head.chars().count() {
        let within = if head.len() < text.len() { " in its first 64 KiB" } else { "" };
        return Err(format!("binary data, not text ({controls} control characters{within})"));
    }
    if text.trim().is_empty() {
        return Err(if bytes.is_empty() {
            "empty input".to_string()
        } else {
            "no text, only white space".to_string()
        });
    }
    Ok(text)
}

/// How many control characters `text` holds besides line breaks, tabs and form feeds, counted
/// on its bytes: C0 controls and DEL are single bytes, C1 controls (U+0080 to U+009F) are
/// 0xC2 followed by 0x80 to 0x9F.
fn controls(text: &str) -> usize {
    let bytes = text.as_bytes();
    // In chunks of 255 summed as bytes, so the test runs on whole vectors.
    let c0: usize = bytes
        .chunks(255)
        .map(|chunk| {
            let n = chunk.iter().fold(0u8, |n, &b| {
                let c0 = (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0C);
                n + u8::from(c0 | (b == 0x7F))
            });
            usize::from(n)
        })
        .sum();
    let c1 = memchr::memchr_iter(0xC2, bytes)
        .filter(|&at| bytes.get(at + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
        .count();
    c0 + c1
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(format!(
            "not valid UTF-8 (first bad byte at offset {}); convert it to UTF-8 first",
            e.valid_up_to()
        )),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err("not valid UTF-16 (odd number of bytes)".to_string());
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]])).collect();
    String::from_utf16(&units).map_err(|_| "not valid UTF-16 (unpaired surrogate)".to_string())
}

/// Why an input over the size limit is refused; `size` when it is known (a file), not when the
/// input was cut off at the limit (a pipe).
pub fn too_large(size: Option<u64>, limit: usize) -> String {
    match size {
        Some(size) => format!(
            "too large: {} is over the limit of {}",
            human_bytes(usize::try_from(size).unwrap_or(usize::MAX)),
            human_bytes(limit)
        ),
        None => format!("too large: over the limit of {}", human_bytes(limit)),
    }
}

/// A byte count for people: "512 B", "4.0 KiB", "16.0 MiB".
pub(crate) fn human_bytes(n: usize) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::{Config, decode};

    #[track_caller]
    fn check(bytes: &[u8], max: usize, expect: Result<&str, &str>) {
        let got = decode(bytes, &Config { max_doc_bytes: max });
        assert_eq!(got.as_deref().map_err(String::as_str), expect);
    }

    #[test]
    fn accepts_text_and_refuses_the_rest() {
        check(b"hello", 100, Ok("hello"));
        check(b"\xEF\xBB\xBFhello", 100, Ok("hello"));
        check(b"\xFF\xFEh\0i\0", 100, Ok("hi"));
        check(b"\xFE\xFF\0h\0i", 100, Ok("hi"));
        check(b"", 100, Err("empty input"));
        check(b" \n\t", 100, Err("no text, only white space"));
        check(b"ab\0cd", 100, Err("binary data, not text (NUL byte at offset 2)"));
        check(b"\x01\x02\x03 x", 100, Err("binary data, not text (3 control characters)"));
        check(
            b"caf\xE9 au lait",
            100,
            Err("not valid UTF-8 (first bad byte at offset 3); convert it to UTF-8 first"),
        );
        check(&[b'a'; 2000], 1024, Err("too large: over the limit of 1.0 KiB"));
        check(&[b'a'; 20], 10, Err("too large: over the limit of 10 B"));
        for text in [
            "plain",
            "tab\there\r\n",
            "caf\u{e9} \u{a3}5 \u{a0}",
            "\u{1}\u{7f}\u{80}\u{9f}\u{a0}\u{c2}",
            "\u{85}x\u{c}",
        ] {
            let expect =
                text.chars().filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0C')).count();
            assert_eq!(super::controls(text), expect, "{text:?}");
        }
        let page =
            super::decode_html(b"<meta charset=iso-8859-2><p>\xa3\xf3d\xbc", &Config { max_doc_bytes: 100 });
        assert_eq!(page.as_deref(), Ok("<meta charset=iso-8859-2><p>Łódź"));
        assert_eq!(
            super::decode_html(b"<p>caf\xe9", &Config { max_doc_bytes: 100 }).as_deref(),
            Ok("<p>café")
        );
        let stray = [b"<p>".repeat(400).as_slice(), b"a\0b"].concat();
        assert!(
            super::decode_html(&stray, &Config { max_doc_bytes: 10_000 }).is_ok_and(|t| t.ends_with("ab"))
        );
        assert!(super::decode_html(b"<p>a\0b", &Config { max_doc_bytes: 100 }).is_err());
        assert_eq!(super::too_large(Some(2400), 1024), "too large: 2.3 KiB is over the limit of 1.0 KiB");
    }
}
