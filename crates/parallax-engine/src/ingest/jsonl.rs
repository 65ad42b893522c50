//! One JSON Lines record → a document.

use parallax_model::{Diagnostic, DocFormat, DocId, DocMeta, RawDoc};
use serde::Deserialize;
use url::Url;

use super::{Config, decode};
use crate::text::parse_date;

/// The fields Parallax reads from a record; others are ignored.
#[derive(Deserialize)]
struct Fields {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    source: Option<String>,
    title: Option<String>,
    published: Option<String>,
}

/// A document read from one JSON Lines record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The document.
    pub doc: RawDoc,
    /// Whether the record gave the id (then it is kept as it is).
    pub explicit_id: bool,
    /// Problems with optional fields, which were left out.
    pub problems: Vec<Diagnostic>,
}

/// The document in line `line` (counted from 1) of the JSON Lines input `name`, whose id
/// defaults to `<stem>:<line>`. Returns `Ok(None)` for a blank line, and with the document any
/// problem with an optional field (a date or URL that does not parse), which is then left out.
pub fn jsonl_record(
    name: &str,
    stem: &str,
    line: usize,
    bytes: &[u8],
    config: &Config,
) -> Result<Option<Record>, Diagnostic> {
    let input = format!("{name}:{line}");
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let fail = |reason: String| Diagnostic::new(&input, reason);
    let line_text = decode(bytes, config).map_err(fail)?;
    let value: serde_json::Value = serde_json::from_str(line_text.trim_end())
        .map_err(|e| fail(format!("malformed JSON: {}", json_reason(&e))))?;
    if !value.is_object() {
        return Err(fail("a record must be a JSON object".into()));
    }
    let record = Fields::deserialize(value).map_err(|e| fail(format!("bad field: {}", json_reason(&e))))?;
    let explicit_id = matches!(&record.id, Some(serde_json::Value::String(_) | serde_json::Value::Number(_)));
    let id = match &record.id {
        None | Some(serde_json::Value::Null) => DocId::new(&format!("{stem}:{line}")),
        Some(serde_json::Value::String(s)) => {
            Some(DocId::new(s).ok_or_else(|| fail("`id` is empty or holds control characters".into()))?)
        }
        Some(serde_json::Value::Number(n)) => DocId::new(&n.to_string()),
        Some(_) => return Err(fail("`id` must be a string or a number".into())),
    };
    let id = id.ok_or_else(|| fail("no usable id".into()))?;
    let (format, text) = match (record.text, record.html) {
        (Some(text), _) if !text.trim().is_empty() => (DocFormat::Text, text),
        (_, Some(html)) if !html.trim().is_empty() => (DocFormat::Html, html),
        (None, None) => return Err(fail("record has neither `text` nor `html`".into())),
        _ => return Err(fail("record's `text` is empty".into())),
    };
    let mut problems = Vec::new();
    let published = record.published.as_deref().and_then(|raw| {
        let date = parse_date(raw);
        if date.is_none() {
            problems.push(Diagnostic::new(&input, format!("`published` is not a date: {raw:?} (left out)")));
        }
        date
    });
    let url = record.url.as_deref().and_then(|raw| match Url::parse(raw) {
        Ok(url) => Some(url),
        Err(e) => {
            problems.push(Diagnostic::new(&input, format!("`url` is not a URL: {raw:?}: {e} (left out)")));
            None
        }
    });
    let clean = |s: Option<String>| {
        s.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|s| !s.is_empty())
    };
    let meta = DocMeta { source: clean(record.source), title: clean(record.title), published, url };
    let doc = RawDoc { id, path: name.to_string(), format, text, meta };
    Ok(Some(Record { doc, explicit_id, problems }))
}

/// serde_json's message with the position said as a column: a record is one line, so "line 1"
/// says nothing.
fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    if e.column() > 0 { format!("{text} (column {})", e.column()) } else { text.to_string() }
}

#[cfg(test)]
mod tests {
    use super::{Config, jsonl_record};

    /// The outcome of one line, as a string: the id and fields, or the error.
    #[track_caller]
    fn check(line: &str, expect: &str) {
        let got = match jsonl_record("in.jsonl", "in", 3, line.as_bytes(), &Config::default()) {
            Ok(None) => "blank".to_string(),
            Ok(Some(super::Record { doc, explicit_id, problems })) => {
                let mut s = format!(
                    "{}{} {:?} src={:?} title={:?} date={:?} url={:?}",
                    doc.id,
                    if explicit_id { "!" } else { "" },
                    doc.format,
                    doc.meta.source,
                    doc.meta.title,
                    doc.meta.published.map(|d| d.to_string()),
                    doc.meta.url.map(|u| u.to_string())
                );
                for p in problems {
                    s.push_str(&format!(" | {}: {}", p.input, p.message));
                }
                s
            }
            Err(e) => format!("error {}: {}", e.input, e.message),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn records() {
        check(
            r#"{"id":"a1","text":"Hi.","source":" The  Courier ","published":"2025-08-19"}"#,
            r#"a1! Text src=Some("The Courier") title=None date=Some("2025-08-19") url=None"#,
        );
        check(r#"{"text":"Hi."}"#, "in:3 Text src=None title=None date=None url=None");
        check(r#"{"id":7,"html":"<p>Hi</p>"}"#, "7! Html src=None title=None date=None url=None");
        check(
            r#"{"text":"Hi.","url":"https://example.org/a","published":"soon"}"#,
            r#"in:3 Text src=None title=None date=None url=Some("https://example.org/a") | in.jsonl:3: `published` is not a date: "soon" (left out)"#,
        );
        check("   ", "blank");
    }

    #[test]
    fn malformed_records() {
        check("{not json", "error in.jsonl:3: malformed JSON: key must be a string (column 2)");
        check(r#"{"id":"x"}"#, "error in.jsonl:3: record has neither `text` nor `html`");
        check(r#"{"text":"  "}"#, "error in.jsonl:3: record's `text` is empty");
        check(r#"{"id":[1],"text":"a"}"#, "error in.jsonl:3: `id` must be a string or a number");
        check("[1,2]", "error in.jsonl:3: a record must be a JSON object");
        check(r#"{"text":5}"#, "error in.jsonl:3: bad field: invalid type: integer `5`, expected a string");
    }
}
