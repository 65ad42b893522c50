//! Atom feeds (RFC 4287) any reader can follow: `GET /stories.atom`, the running stories, an
//! entry per story updated when the story last grew; `GET /stories/{id}.atom`, one story, an
//! entry per article, newest first.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use parallax_engine::render::escape_markup as escape;

use crate::api::{ListQuery, listed, no_story};
use crate::{Shared, with_store};

/// `GET /stories.atom` (the list query of `/api/v1/stories`).
pub(crate) async fn feed(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Response {
    let (query, rows) = match listed(&shared, query).await {
        Ok(listed) => listed,
        Err(answer) => return answer,
    };
    let updated = rows.rows.iter().map(|r| r.last_seen.as_str()).max().unwrap_or("");
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    s.push_str("  <id>urn:parallax:stories</id>\n  <title>Parallax: running stories</title>\n");
    let _ = writeln!(s, "  <updated>{}</updated>", timestamp(updated));
    s.push_str("  <author><name>Parallax</name></author>\n  <link rel=\"self\" href=\"/stories.atom\"/>\n");
    // A paged feed (RFC 5005): the stories after this page.
    if let Some(next) = query.next_page(&rows) {
        let _ = writeln!(s, "  <link rel=\"next\" href=\"/stories.atom?{}\"/>", escape(&next));
    }
    for r in rows.rows.iter() {
        let title = r.card.headline.as_deref().unwrap_or("(no headline)");
        let _ = write!(
            s,
            "  <entry>\n    <id>urn:parallax:story:{id}</id>\n    <title>{title}</title>\n    <updated>{updated}</updated>\n    <link href=\"/stories/{id}\"/>\n    <summary>{size} article{sp}, {origins}{differ}, {first} to {last}</summary>\n  </entry>\n",
            id = r.id,
            title = escape(title),
            updated = timestamp(&r.last_seen),
            size = r.size,
            sp = if r.size == 1 { "" } else { "s" },
            origins = crate::pages::origins(r),
            differ = match r.card.divergences {
                0 => String::new(),
                1 => ", 1 divergence".to_string(),
                n => format!(", {n} divergences"),
            },
            first = escape(&r.first_seen),
            last = escape(&r.last_seen),
        );
    }
    s.push_str("</feed>\n");
    (StatusCode::OK, [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], s).into_response()
}

/// `GET /stories/{id}.atom`: story `id`'s articles, newest first (undated ones last), each
/// linking to where it was published (else to its page here).
pub(crate) async fn story_feed(shared: &Arc<Shared>, id: i64) -> Response {
    let read = with_store(shared, move |s| Ok((s.story(id)?, s.story_articles(id)?))).await;
    let (row, articles) = match read {
        Ok((Some(row), articles)) => (row, articles),
        Ok((None, _)) => return no_story(id),
        Err(answer) => return answer,
    };
    let headline = row
        .card
        .headline
        .as_deref()
        .or_else(|| articles.iter().find_map(|a| a.title.as_deref()))
        .unwrap_or("(no headline)");
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    let _ = writeln!(s, "  <id>urn:parallax:story:{id}</id>\n  <title>{}</title>", escape(headline));
    let _ = writeln!(s, "  <updated>{}</updated>", timestamp(&row.last_seen));
    let _ = writeln!(
        s,
        "  <author><name>Parallax</name></author>\n  <link rel=\"self\" href=\"/stories/{id}.atom\"/>\n  <link href=\"/stories/{id}\"/>"
    );
    for a in &articles {
        let link = a
            .url
            .clone()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .unwrap_or_else(|| format!("/documents/{}", a.document));
        let _ = write!(
            s,
            "  <entry>\n    <id>urn:parallax:article:{article}</id>\n    <title>{title}</title>\n    <updated>{updated}</updated>\n    <link href=\"{link}\"/>\n    <summary>{source}</summary>\n  </entry>\n",
            article = a.article,
            title = escape(a.title.as_deref().unwrap_or(&a.id)),
            updated = timestamp(a.published.as_deref().unwrap_or(&row.last_seen)),
            link = escape(&link),
            source = escape(&a.source),
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
