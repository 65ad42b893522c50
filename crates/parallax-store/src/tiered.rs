//! A growing index of (key, value) pairs kept as two tables: a large, settled one and a small
//! one of recent entries, folded into the large one in key order when it has grown enough.
//!
//! Why: the keys of the store's big indexes (reuse bands, story terms) are hashes, so each new
//! entry lands on a random page of a large B-tree, and a commit writes every page it dirtied.
//! With a million articles a batch of a thousand dirtied some ten thousand pages. New entries
//! go to the small table instead, whose pages stay few; the fold then inserts them in key
//! order, writing each page of the large table once for all the entries that fall on it.
//! The fold waits until the recent table holds about √(size × [`FOLD_SCALE`]) entries, which
//! balances the pages written by inserts into the recent table against those of the folds.
//!
//! Lookups read both tables; deletions remove from both. Row counts live in the `counters`
//! table (`<table>` and `<table>_recent`), kept by the writer, so no fold check counts rows.

use rusqlite::{Transaction, params};

use crate::schema::{add_to_counter, counter};

/// The recent table is folded in once it holds `max(FOLD_MIN, sqrt(settled × FOLD_SCALE))`
/// entries: about the number of entries one batch adds, times the square root of the ratio
/// of settled entries to entries per page.
const FOLD_SCALE: f64 = 8192.0;
const FOLD_MIN: i64 = 16_384;

/// The size of the recent table at which it is folded into a settled table of `settled` entries.
fn fold_due(settled: i64) -> i64 {
    FOLD_MIN.max(((settled.max(0) as f64) * FOLD_SCALE).sqrt() as i64)
}

/// One two-table index: `table` and `<table>_recent`, both `(key, value)` primary-keyed,
/// `WITHOUT ROWID`, with the columns named `key` and `value` here.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tiered {
    pub table: &'static str,
    pub key: &'static str,
    pub value: &'static str,
}

/// The reuse bands of articles: band hash → article.
pub(crate) const BAND_INDEX: Tiered = Tiered { table: "bands", key: "key", value: "article" };
/// The index terms of stories: term → story.
pub(crate) const TERM_INDEX: Tiered = Tiered { table: "story_terms", key: "term", value: "story" };

/// Entries added and removed during one transaction, per table, written to `counters` at the end.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    settled: i64,
    recent: i64,
}

impl Tiered {
    /// Adds an entry (to the recent table).
    pub fn insert(
        &self,
        tx: &Transaction<'_>,
        key: i64,
        value: i64,
        changes: &mut Changes,
    ) -> rusqlite::Result<()> {
        let sql = format!(
            "INSERT OR IGNORE INTO {}_recent ({}, {}) VALUES (?1, ?2)",
            self.table, self.key, self.value
        );
        changes.recent += tx.prepare_cached(&sql)?.execute(params![key, value])? as i64;
        Ok(())
    }

    /// Removes an entry from both tables.
    pub fn delete(
        &self,
        tx: &Transaction<'_>,
        key: i64,
        value: i64,
        changes: &mut Changes,
    ) -> rusqlite::Result<()> {
        for (suffix, count) in [("", &mut changes.settled), ("_recent", &mut changes.recent)] {
            let sql =
                format!("DELETE FROM {}{suffix} WHERE {} = ?1 AND {} = ?2", self.table, self.key, self.value);
            *count -= tx.prepare_cached(&sql)?.execute(params![key, value])? as i64;
        }
        Ok(())
    }

    /// The values under `key`, the largest `limit` of each table, largest first (at most twice
    /// `limit`; the caller keeps what it needs).
    pub fn largest(
        &self,
        tx: &Transaction<'_>,
        key: i64,
        limit: usize,
        out: &mut Vec<i64>,
    ) -> rusqlite::Result<()> {
        let start = out.len();
        for suffix in ["", "_recent"] {
            // The limit is written into the statement: bound as a parameter, it made SQLite
            // prepare the statement again at every run (its plan depends on the limit).
            let sql = format!(
                "SELECT {v} FROM {t}{suffix} WHERE {k} = ?1 ORDER BY {v} DESC LIMIT {limit}",
                v = self.value,
                t = self.table,
                k = self.key
            );
            let mut stmt = tx.prepare_cached(&sql)?;
            let rows = stmt.query_map([key], |r| r.get::<_, i64>(0))?;
            for v in rows {
                out.push(v?);
            }
        }
        out[start..].sort_unstable_by(|a, b| b.cmp(a));
        out.dedup();
        Ok(())
    }

    /// The values under any of `keys` in both tables, in no particular order.
    pub fn values(&self, tx: &Transaction<'_>, keys: &[i64], out: &mut Vec<i64>) -> rusqlite::Result<()> {
        if keys.is_empty() {
            return Ok(());
        }
        let slots = vec!["?"; keys.len()].join(", ");
        for suffix in ["", "_recent"] {
            let sql =
                format!("SELECT {} FROM {}{suffix} WHERE {} IN ({slots})", self.value, self.table, self.key);
            let mut stmt = tx.prepare_cached(&sql)?;
            for v in stmt.query_map(rusqlite::params_from_iter(keys), |r| r.get::<_, i64>(0))? {
                out.push(v?);
            }
        }
        Ok(())
    }

    /// Writes this transaction's `changes` to the row counts and folds the recent table into
    /// the settled one when it is due. Returns whether it folded.
    pub fn settle(&self, tx: &Transaction<'_>, changes: Changes) -> rusqlite::Result<bool> {
        let recent_name = format!("{}_recent", self.table);
        add_to_counter(tx, self.table, changes.settled)?;
        add_to_counter(tx, &recent_name, changes.recent)?;
        let recent = counter(tx, &recent_name)?;
        if recent < fold_due(counter(tx, self.table)?) {
            return Ok(false);
        }
        // The recent table is read in key order (its primary key), so the settled table's
        // pages are visited once each, left to right.
        let moved = tx.execute(
            &format!(
                "INSERT OR IGNORE INTO {t} ({k}, {v}) SELECT {k}, {v} FROM {t}_recent ORDER BY {k}, {v}",
                t = self.table,
                k = self.key,
                v = self.value
            ),
            [],
        )?;
        tx.execute(&format!("DELETE FROM {recent_name}"), [])?;
        add_to_counter(tx, self.table, moved as i64)?;
        add_to_counter(tx, &recent_name, -recent)?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    fn store() -> Connection {
        let mut conn = Connection::open_in_memory().expect("sqlite");
        assert!(crate::schema::migrate(&mut conn).is_ok());
        conn
    }

    fn rows(tx: &Transaction<'_>, table: &str) -> i64 {
        tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).expect("sqlite")
    }

    fn counter(tx: &Transaction<'_>, name: &str) -> i64 {
        tx.query_row("SELECT value FROM counters WHERE name = ?1", [name], |r| r.get(0)).expect("sqlite")
    }

    #[test]
    fn lookups_see_both_tables_and_deletions_reach_both() {
        let mut conn = store();
        let tx = conn.transaction().expect("sqlite");
        tx.execute("INSERT INTO story_terms VALUES (7, 1), (7, 2), (8, 3)", []).expect("sqlite");
        let mut changes = Changes::default();
        for (term, story) in [(7, 5), (7, 4), (9, 6), (7, 5)] {
            TERM_INDEX.insert(&tx, term, story, &mut changes).expect("sqlite");
        }
        assert_eq!(changes.recent, 3, "a repeated entry is not counted twice");
        let mut out = Vec::new();
        TERM_INDEX.largest(&tx, 7, 10, &mut out).expect("sqlite");
        assert_eq!(out, vec![5, 4, 2, 1]);
        out.clear();
        TERM_INDEX.largest(&tx, 7, 1, &mut out).expect("sqlite");
        assert_eq!(out, vec![5, 2], "the largest of each table");
        TERM_INDEX.delete(&tx, 7, 2, &mut changes).expect("sqlite");
        TERM_INDEX.delete(&tx, 7, 5, &mut changes).expect("sqlite");
        out.clear();
        TERM_INDEX.values(&tx, &[7], &mut out).expect("sqlite");
        out.sort_unstable();
        assert_eq!(out, vec![1, 4]);
        assert_eq!((changes.settled, changes.recent), (-1, 2));
    }

    #[test]
    fn the_recent_table_is_folded_in_when_due_and_counts_stay_true() {
        let mut conn = store();
        let tx = conn.transaction().expect("sqlite");
        // Below the threshold: nothing moves.
        let mut changes = Changes::default();
        for i in 0..FOLD_MIN - 1 {
            TERM_INDEX.insert(&tx, (i * 7919) % 10_007, i, &mut changes).expect("sqlite");
        }
        assert!(!TERM_INDEX.settle(&tx, changes).expect("sqlite"));
        assert_eq!(rows(&tx, "story_terms"), 0);
        assert_eq!(counter(&tx, "story_terms_recent"), FOLD_MIN - 1);
        // One more and the recent table is folded into the settled one.
        let mut changes = Changes::default();
        TERM_INDEX.insert(&tx, -1, FOLD_MIN, &mut changes).expect("sqlite");
        assert!(TERM_INDEX.settle(&tx, changes).expect("sqlite"));
        assert_eq!(rows(&tx, "story_terms"), FOLD_MIN);
        assert_eq!(rows(&tx, "story_terms_recent"), 0);
        assert_eq!(counter(&tx, "story_terms"), FOLD_MIN);
        assert_eq!(counter(&tx, "story_terms_recent"), 0);
        let mut out = Vec::new();
        TERM_INDEX.values(&tx, &[-1], &mut out).expect("sqlite");
        assert_eq!(out, vec![FOLD_MIN]);
    }

    #[test]
    fn folds_wait_longer_as_the_settled_table_grows() {
        assert_eq!(fold_due(0), FOLD_MIN);
        assert_eq!(fold_due(-5), FOLD_MIN);
        // A million articles carry about six million bands: fold every 218,000 or so.
        assert_eq!(fold_due(6_000_000) / 1000, 221);
        assert!(fold_due(60_000_000) > 3 * fold_due(6_000_000));
    }
}
