//! Bytes of a page → text: the encoding a page's bytes are in, as browsers and extractors
//! find it.

/// The page as UTF-8. The encoding is the byte-order mark's; else the `charset` of
/// `content_type` (an HTTP `Content-Type`, empty when there is none); else UTF-8 when the bytes
/// are valid UTF-8 (pages that declare a legacy charset but are UTF-8 are common, the reverse
/// is not); else the page's `<meta charset>` or `http-equiv` declaration in its first 2,048
/// bytes; else windows-1252, what undeclared Western pages are.
pub fn decode(bytes: &[u8], content_type: &str) -> String {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    if let Some(encoding) = label(charset_in(content_type)) {
        return encoding.decode(bytes).0.into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    label(meta_charset(&head)).unwrap_or(encoding_rs::WINDOWS_1252).decode(bytes).0.into_owned()
}

fn label(name: Option<String>) -> Option<&'static encoding_rs::Encoding> {
    name.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
}

fn charset_in(content_type: &str) -> Option<String> {
    let at = content_type.to_ascii_lowercase().find("charset=")?;
    let rest = &content_type[at + "charset=".len()..];
    let value: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| !matches!(c, ';' | '"' | '\'' | ' '))
        .collect();
    (!value.is_empty()).then_some(value)
}

fn meta_charset(head: &str) -> Option<String> {
    let mut rest = head;
    while let Some(i) = rest.find("<meta") {
        let tag_end = rest[i..].find('>').map_or(rest.len(), |e| i + e);
        let tag = &rest[i..tag_end];
        if let Some(c) =
            charset_in(&tag.replace(['"', '\''], " ").replace("charset =", "charset=").replace(' ', ";"))
        {
            return Some(c.trim_matches(';').to_string());
        }
        rest = &rest[tag_end..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn charsets_from_bom_header_bytes_or_meta() {
        let cp1252 = b"<html><body>caf\xe9 \x93quoted\x94</body></html>";
        assert!(decode(cp1252, "text/html").contains("café “quoted”"));
        assert!(decode(cp1252, "text/html; charset=windows-1252").contains("café"));
        assert!(decode(cp1252, "text/html; Charset=\"ISO-8859-1\"").contains("café"));
        let meta = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode(meta, "text/html").contains("café"));
        let koi8 = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4";
        assert!(decode(koi8, "").contains("Привет"));
        assert!(decode("caf\u{e9}".as_bytes(), "").contains("café"));
        // Declared Latin-1, written in UTF-8: the bytes win over the page's own declaration.
        let utf8 = "<meta charset=iso-8859-1><p>caf\u{e9}".as_bytes();
        assert!(decode(utf8, "").contains("café"));
        assert_eq!(decode(b"\xEF\xBB\xBFhi", ""), "hi");
        assert_eq!(decode(b"\xFF\xFEh\0i\0", ""), "hi");
    }
}
