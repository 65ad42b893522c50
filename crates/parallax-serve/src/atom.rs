//! `GET /stories.atom`: the running stories as an Atom feed (RFC 4287) any reader can follow;
//! an entry per story, updated when the story last grew.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::{ListQuery, list};
use crate::{Shared, error};

/// `GET /stories.atom` (the list query of `/api/v1/stories`).
pub(crate) async fn feed(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Response {
    let Ok(Query(query)) = query else {
        return error(
            StatusCode::BAD_REQUEST,
            "the query takes limit, min_size and min_origins, as whole numbers",
        );
    };
    let rows = match list(&shared, query).await {
        Ok(rows) => rows,
        Err(answer) => return answer,
    };
    let updated = rows.rows.iter().map(|r| r.last_seen.as_str()).max().unwrap_or("");
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    s.push_str("  <id>urn:parallax:stories</id>\n  <title>Parallax: running stories</title>\n");
    let _ = writeln!(s, "  <updated>{}</updated>", timestamp(updated));
    s.push_str("  <author><name>Parallax</name></author>\n  <link rel=\"self\" href=\"/stories.atom\"/>\n");
    for r in rows.rows.iter() {
        let title = r.headline.as_deref().unwrap_or("(no headline)");
        let _ = write!(
            s,
            "  <entry>\n    <id>urn:parallax:story:{id}</id>\n    <title>{title}</title>\n    <updated>{updated}</updated>\n    <link href=\"/stories/{id}\"/>\n    <summary>{size} article{sp}, {origins} independent origin{op}, {first} to {last}</summary>\n  </entry>\n",
            id = r.id,
            title = escape(title),
            updated = timestamp(&r.last_seen),
            size = r.size,
            sp = if r.size == 1 { "" } else { "s" },
            origins = r.origins,
            op = if r.origins == 1 { "" } else { "s" },
            first = escape(&r.first_seen),
            last = escape(&r.last_seen),
        );
    }
    s.push_str("</feed>\n");
    (StatusCode::OK, [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], s).into_response()
}

/// A `YYYY-MM-DD` day as an Atom date-time (midnight UTC); the epoch when it is not a day.
fn timestamp(day: &str) -> String {
    match day.parse::<jiff::civil::Date>() {
        Ok(d) => format!("{d}T00:00:00Z"),
        Err(_) => "1970-01-01T00:00:00Z".to_string(),
    }
}

/// Text for XML: markup characters escaped, characters XML 1.0 cannot hold dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' || ('\u{7f}'..='\u{9f}').contains(&c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, timestamp};

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(escape("A & B <i>\"x\"</i>\u{1b}[31m"), "A &amp; B &lt;i&gt;&quot;x&quot;&lt;/i&gt;[31m");
        assert_eq!(timestamp("2026-03-04"), "2026-03-04T00:00:00Z");
        assert_eq!(timestamp(""), "1970-01-01T00:00:00Z");
    }
}
