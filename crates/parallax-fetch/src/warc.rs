//! WARC files (ISO 28500, versions 1.0 and 1.1) of pages fetched elsewhere: the HTTP
//! responses they hold, read one record at a time, so a file of any size streams.
//!
//! Each `response` record's HTTP message is taken apart: its status (only successful pages
//! are kept), its chunked transfer coding and gzip or deflate content coding undone, and its
//! body decoded by the charset of its `Content-Type`, else its `<meta charset>`, as fetched
//! pages are. `resource` records are their own body. Requests, metadata, `warcinfo` and
//! `revisit` records, and responses that are not HTML, text or feeds (images, scripts) are
//! passed over without a word; a record larger than the size cap, or one that is damaged,
//! is an error naming the record, and reading goes on with the next when it can.

use std::io::{BufRead, Read};

use crate::{Page, classify, decode};

/// One thing read from a WARC file: a page, or why a record could not be read.
pub type Record = Result<Page, String>;

/// The pages of a WARC file, in file order.
pub struct Warc<R> {
    reader: R,
    max_bytes: usize,
    number: usize,
    done: bool,
}

/// Reads the WARC records from `reader` (already un-gzipped), keeping bodies of at most
/// `max_bytes`.
pub fn read_warc<R: BufRead>(reader: R, max_bytes: usize) -> Warc<R> {
    Warc { reader, max_bytes, number: 0, done: false }
}

impl<R: BufRead> Iterator for Warc<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            match self.record() {
                Ok(Next::Page(page)) => return Some(Ok(page)),
                Ok(Next::NotAPage) => {}
                Ok(Next::End) => self.done = true,
                Err(Damage::Record(reason)) => return Some(Err(reason)),
                Err(Damage::Stream(reason)) => {
                    self.done = true;
                    return Some(Err(reason));
                }
            }
        }
        None
    }
}

/// What the next record was.
enum Next {
    /// A page.
    Page(Page),
    /// A record that holds no page (a request, metadata, an image, a redirect).
    NotAPage,
    /// The end of the file.
    End,
}

/// What went wrong: one record (the next can be read), or the stream (nothing more can).
enum Damage {
    Record(String),
    Stream(String),
}

/// The largest WARC header block accepted.
const MAX_HEADER_BYTES: usize = 64 * 1024;

impl<R: BufRead> Warc<R> {
    /// The next record.
    fn record(&mut self) -> Result<Next, Damage> {
        let stream = |e: std::io::Error| Damage::Stream(format!("cannot read: {e}"));
        // The version line, after the blank lines that end the previous record.
        let mut line = String::new();
        loop {
            line.clear();
            let n = (&mut self.reader).take(MAX_HEADER_BYTES as u64).read_line(&mut line).map_err(stream)?;
            if n == 0 {
                return Ok(Next::End);
            }
            if !line.trim().is_empty() {
                break;
            }
        }
        self.number += 1;
        let number = self.number;
        if !line.starts_with("WARC/") {
            return Err(Damage::Stream(format!(
                "record {number}: not a WARC record (it starts {:?})",
                line.chars().take(40).collect::<String>()
            )));
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = 0;
        loop {
            line.clear();
            let n = (&mut self.reader).take(MAX_HEADER_BYTES as u64).read_line(&mut line).map_err(stream)?;
            header_bytes += n;
            if n == 0 {
                return Err(Damage::Stream(format!("record {number}: the file ends inside its header")));
            }
            if header_bytes > MAX_HEADER_BYTES {
                return Err(Damage::Stream(format!("record {number}: its header never ends")));
            }
            if line.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        let header = |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
        let Some(length) = header("content-length").and_then(|l| l.parse::<u64>().ok()) else {
            return Err(Damage::Stream(format!("record {number}: no Content-Length")));
        };
        let kind = header("warc-type").unwrap_or("").to_ascii_lowercase();
        let url = header("warc-target-uri").unwrap_or("").trim_matches(['<', '>']).to_string();
        let label = if url.is_empty() { format!("record {number}") } else { url.clone() };
        let wanted = matches!(kind.as_str(), "response" | "resource");
        // The HTTP head of a response is counted against the cap too; a little room for it.
        let cap = self.max_bytes as u64 + MAX_HEADER_BYTES as u64;
        if !wanted || length > cap {
            let skipped =
                std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink()).map_err(stream)?;
            if skipped < length {
                return Err(Damage::Stream(format!("{label}: the file ends inside this record")));
            }
            if wanted {
                return Err(Damage::Record(format!(
                    "{label}: larger than the {}-byte limit",
                    self.max_bytes
                )));
            }
            return Ok(Next::NotAPage);
        }
        let mut block = Vec::with_capacity(length as usize);
        (&mut self.reader).take(length).read_to_end(&mut block).map_err(stream)?;
        if (block.len() as u64) < length {
            return Err(Damage::Stream(format!("{label}: the file ends inside this record")));
        }
        let page = if kind == "response" {
            let is_http =
                header("content-type").is_none_or(|t| t.to_ascii_lowercase().contains("application/http"));
            if !is_http {
                return Ok(Next::NotAPage);
            }
            http_page(&url, &block, self.max_bytes)
                .map_err(|reason| Damage::Record(format!("{label}: {reason}")))?
        } else {
            let content_type = header("content-type").unwrap_or("").to_ascii_lowercase();
            body_page(&url, &block, &content_type)
        };
        Ok(page.map_or(Next::NotAPage, Next::Page))
    }
}

/// The page in an HTTP response message, or `None` when it is not a page (a redirect, an
/// error status, an image).
fn http_page(url: &str, message: &[u8], max_bytes: usize) -> Result<Option<Page>, String> {
    let Some(end) =
        find(message, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(message, b"\n\n").map(|i| (i, i + 2)))
    else {
        return Err("an HTTP response without the end of its header".to_string());
    };
    let head = String::from_utf8_lossy(&message[..end.0]);
    let mut lines = head.lines();
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| "an HTTP response without a status".to_string())?;
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let mut content_type = String::new();
    let mut chunked = false;
    let mut coding = String::new();
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = value,
            "transfer-encoding" => chunked = value.contains("chunked"),
            "content-encoding" => coding = value,
            _ => {}
        }
    }
    let mut body = message[end.1..].to_vec();
    if chunked {
        body = unchunk(&body).ok_or_else(|| "a damaged chunked body".to_string())?;
    }
    if coding.contains("gzip") || coding.contains("deflate") {
        let mut out = Vec::new();
        let limit = max_bytes as u64 + 1;
        let read = if coding.contains("gzip") {
            flate2::read::MultiGzDecoder::new(&body[..]).take(limit).read_to_end(&mut out)
        } else {
            flate2::read::ZlibDecoder::new(&body[..]).take(limit).read_to_end(&mut out)
        };
        read.map_err(|e| format!("a body that does not decompress ({coding}): {e}"))?;
        body = out;
    }
    if body.len() > max_bytes {
        return Err(format!("larger than the {max_bytes}-byte limit"));
    }
    Ok(body_page(url, &body, &content_type))
}

/// A body as a page, when its type is one Parallax reads (HTML, text, a feed, or none given).
fn body_page(url: &str, body: &[u8], content_type: &str) -> Option<Page> {
    let readable = content_type.is_empty()
        || ["html", "text/", "xml", "rss", "atom"].iter().any(|t| content_type.contains(t));
    if !readable || body.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let text = decode(body, content_type);
    let (html, feed) = classify(&text, content_type);
    Some(Page {
        url: url.to_string(),
        final_url: url.to_string(),
        text,
        html,
        feed,
        unchanged: false,
        again: false,
    })
}

/// A chunked body joined, or `None` when a chunk size is damaged.
fn unchunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = find(body, b"\n")?;
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::read_warc;

    fn record(kind: &str, url: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nContent-Type: {content_type}\r\n\
             Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn response(head: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("{head}\r\n\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn pages_from_responses_and_resources() {
        let page = "<html><body><p>Caf\u{e9} ferry news.</p></body></html>";
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(page.as_bytes()).expect("in memory");
        let gzipped = gz.finish().expect("in memory");
        let chunked = b"5\r\nHello\r\n7\r\n, ferry\r\n0\r\n\r\n";
        let latin1 = b"<html><body><p>caf\xe9</p></body></html>";
        let mut file = Vec::new();
        file.extend(record("warcinfo", "", "application/warc-fields", b"software: test\r\n"));
        file.extend(record(
            "request",
            "http://a.test/1",
            "application/http; msgtype=request",
            b"GET /1 HTTP/1.1\r\n\r\n",
        ));
        file.extend(record(
            "response",
            "http://a.test/1",
            "application/http; msgtype=response",
            &response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip", &gzipped),
        ));
        file.extend(record(
            "response",
            "http://a.test/2",
            "application/http; msgtype=response",
            &response("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked", chunked),
        ));
        file.extend(record(
            "response",
            "http://a.test/3",
            "application/http; msgtype=response",
            &response("HTTP/1.1 404 Not Found\r\nContent-Type: text/html", b"<p>gone</p>"),
        ));
        file.extend(record(
            "response",
            "http://a.test/4.png",
            "application/http; msgtype=response",
            &response("HTTP/1.1 200 OK\r\nContent-Type: image/png", b"\x89PNG"),
        ));
        file.extend(record(
            "response",
            "http://a.test/5",
            "application/http; msgtype=response",
            &response("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1", latin1),
        ));
        file.extend(record("resource", "http://a.test/6", "text/html", b"<p>a resource</p>"));
        let got: Vec<_> = read_warc(&file[..], 1 << 20).collect();
        assert_eq!(got.len(), 4, "{got:?}");
        let pages: Vec<_> = got.into_iter().map(|r| r.expect("a page")).collect();
        assert_eq!(pages[0].url, "http://a.test/1");
        assert!(pages[0].html && pages[0].text.contains("Café ferry news."));
        assert_eq!(pages[1].text, "Hello, ferry");
        assert!(!pages[1].html);
        assert!(pages[2].text.contains("café"));
        assert_eq!(pages[3].url, "http://a.test/6");
    }

    #[test]
    fn damage_and_size_are_errors_naming_the_record() {
        let big = vec![b'x'; 5000];
        let mut file = record(
            "response",
            "http://a.test/big",
            "application/http; msgtype=response",
            &response("HTTP/1.1 200 OK\r\nContent-Type: text/html", &big),
        );
        file.extend(record("resource", "http://a.test/ok", "text/html", b"<p>fine</p>"));
        file.extend(b"garbage that is not a record\r\n");
        file.extend(record("resource", "http://a.test/never", "text/html", b"<p>after</p>"));
        let got: Vec<_> = read_warc(&file[..], 1000).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].as_ref().is_err_and(|e| e.contains("http://a.test/big") && e.contains("limit")));
        assert!(got[1].is_ok());
        assert!(got[2].as_ref().is_err_and(|e| e.contains("not a WARC record")));
        // A file cut inside a record.
        let cut = &record("resource", "http://a.test/cut", "text/html", b"<p>cut short</p>")[..80];
        let got: Vec<_> = read_warc(cut, 1000).collect();
        assert!(got.len() == 1 && got[0].as_ref().is_err_and(|e| e.contains("ends inside")), "{got:?}");
    }
}
