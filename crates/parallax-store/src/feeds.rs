//! Feeds the server polls (`parallax serve --feeds`, `POST /api/v1/feeds`): each feed's
//! address, when it was added, and what its last poll found. The store keeps the list so that
//! every server on one store polls the same feeds and a restart forgets none.

use rusqlite::{OptionalExtension, params};

use crate::{Store, StoreError};

/// A feed as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedRow {
    /// Its number, for `DELETE /api/v1/feeds/{id}`.
    pub id: i64,
    /// Its address.
    pub url: String,
    /// When it was added (RFC 3339).
    pub added: String,
    /// When it was last polled, if it has been.
    pub polled: Option<String>,
    /// What the last poll found, in one line ("3 new documents", or why it failed).
    pub outcome: Option<String>,
    /// Documents its polls have added, in all.
    pub documents: i64,
}

const COLUMNS: &str = "id, url, added, polled, outcome, documents";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<FeedRow> {
    Ok(FeedRow {
        id: r.get(0)?,
        url: r.get(1)?,
        added: r.get(2)?,
        polled: r.get(3)?,
        outcome: r.get(4)?,
        documents: r.get(5)?,
    })
}

impl Store {
    /// Adds the feed at `url` at time `now`, and returns it with whether it is new (a feed
    /// added twice is kept once, as first added).
    pub fn add_feed(&mut self, url: &str, now: &str) -> Result<(FeedRow, bool), StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let added = self
            .conn
            .execute("INSERT OR IGNORE INTO feeds (url, added) VALUES (?1, ?2)", params![url, now])
            .map_err(fail)?;
        let feed = self
            .conn
            .query_row(&format!("SELECT {COLUMNS} FROM feeds WHERE url = ?1"), [url], row)
            .map_err(fail)?;
        Ok((feed, added == 1))
    }

    /// Every feed, in the order they were added.
    pub fn feeds(&self) -> Result<Vec<FeedRow>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let mut stmt =
            self.conn.prepare(&format!("SELECT {COLUMNS} FROM feeds ORDER BY id")).map_err(fail)?;
        let rows = stmt.query_map([], row).map_err(fail)?.collect::<Result<Vec<_>, _>>().map_err(fail)?;
        Ok(rows)
    }

    /// Feed `id`, if there is one.
    pub fn feed(&self, id: i64) -> Result<Option<FeedRow>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM feeds WHERE id = ?1"), [id], row)
            .optional()
            .map_err(fail)
    }

    /// Stops polling feed `id`; false when there is no such feed. The documents its polls
    /// added stay.
    pub fn remove_feed(&mut self, id: i64) -> Result<bool, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let removed = self.conn.execute("DELETE FROM feeds WHERE id = ?1", [id]).map_err(fail)?;
        Ok(removed == 1)
    }

    /// Records a poll of feed `id` at `now`: what it found, and the documents it added. A feed
    /// removed meanwhile stays removed.
    pub fn feed_polled(&mut self, id: i64, now: &str, outcome: &str, added: u64) -> Result<(), StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        self.conn
            .execute(
                "UPDATE feeds SET polled = ?2, outcome = ?3, documents = documents + ?4 WHERE id = ?1",
                params![id, now, outcome, i64::try_from(added).unwrap_or(i64::MAX)],
            )
            .map_err(fail)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn a_feed_is_kept_once_polled_and_removed() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let mut store = Store::open(&dir.path().join("news.db")).expect("a store");
        let (feed, new) =
            store.add_feed("https://news.example.org/rss", "2026-03-04T12:00:00Z").expect("add");
        assert!(new);
        assert_eq!((feed.polled.as_deref(), feed.documents), (None, 0));
        let (again, new) =
            store.add_feed("https://news.example.org/rss", "2026-03-05T12:00:00Z").expect("add");
        assert!(!new, "a feed added twice is kept once");
        assert_eq!((again.id, again.added.as_str()), (feed.id, "2026-03-04T12:00:00Z"));
        store.add_feed("https://other.example.org/atom", "2026-03-04T13:00:00Z").expect("add");
        store.feed_polled(feed.id, "2026-03-04T12:05:00Z", "2 new documents", 2).expect("polled");
        store.feed_polled(feed.id, "2026-03-04T12:10:00Z", "no new document", 0).expect("polled");
        let listed = store.feeds().expect("list");
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].documents, 2);
        assert_eq!(listed[0].outcome.as_deref(), Some("no new document"));
        assert_eq!(listed[0].polled.as_deref(), Some("2026-03-04T12:10:00Z"));
        assert!(store.remove_feed(feed.id).expect("remove"));
        assert!(!store.remove_feed(feed.id).expect("remove"), "removed once");
        assert_eq!(store.feed(feed.id).expect("read"), None);
        store
            .feed_polled(feed.id, "2026-03-04T12:15:00Z", "late", 1)
            .expect("a removed feed's poll is dropped");
        assert_eq!(store.feeds().expect("list").len(), 1);
    }
}
