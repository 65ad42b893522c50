//! Operating a store: bringing its schema up to date on purpose ([`migrate`]), what it holds
//! ([`Store::overview`]) and whether it is sound ([`Store::check`]): `parallax db migrate`,
//! `parallax db stats` and `parallax db check`.
//!
//! A check reads every row it checks (about 7 s of CPU for a store of 96,504 generated
//! documents on the 2-core machine): SQLite's own integrity and foreign-key checks, then what the writer keeps
//! beside the rows (the counts readers trust instead of counting, each story's size) against
//! the rows themselves, and each document's text against its content hash (the key that
//! stores a content once). Each problem is one line naming where it is; a store with none is
//! sound.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::ingest::{format_of, hash_of, unpack};
use crate::schema::{self, counter};
use crate::{Store, StoreError, StoryStats};

/// What [`Store::overview`] tells of a store beyond [`StoryStats`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overview {
    /// Documents, articles, stories and the file's size.
    pub stats: StoryStats,
    /// The schema version of the file, and the newest this build knows.
    pub schema: (i64, i64),
    /// The change log's oldest and newest change (0 and 0 when empty).
    pub changes: (i64, i64),
    /// The articles of the largest story (0 when there is none).
    pub largest_story: u64,
    /// Tokens that may write (made and not revoked), and all tokens made.
    pub tokens: (u64, u64),
    /// Feeds the server polls.
    pub feeds: u64,
}

/// The schema version of the store at `path` before and after bringing it up to date (a new
/// file is made, at version 0 before). A file that is not a Parallax store, or is one of a
/// newer Parallax, is refused untouched ([`Store::open`]).
pub fn migrate(path: &Path) -> Result<(i64, i64), StoreError> {
    let before = if path.metadata().is_ok_and(|m| m.len() > 0) {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| StoreError::from_sqlite(path, &e))?;
        schema::user_version(&conn).map_err(|e| StoreError::from_sqlite(path, &e))?
    } else {
        0
    };
    let store = Store::open(path)?;
    Ok((before, store.schema_version()?))
}

/// Integrity-check lines reported at most (SQLite's own limit is 100).
const MOST_INTEGRITY_LINES: usize = 20;

/// Rows of one kind of problem named at most; past it, how many more.
const MOST_NAMED: usize = 10;

impl Store {
    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        schema::user_version(&self.conn).map_err(|e| StoreError::from_sqlite(&self.path, &e))
    }

    /// What the store holds: [`Store::stats`], its schema, change log, largest story, tokens
    /// and feeds.
    pub fn overview(&self) -> Result<Overview, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let one = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(fail);
        Ok(Overview {
            stats: self.stats()?,
            schema: (self.schema_version()?, schema::latest()),
            changes: (self.first_change()?, self.last_change()?),
            largest_story: one("SELECT coalesce(max(size), 0) FROM stories")? as u64,
            tokens: (
                one("SELECT count(*) FROM tokens WHERE revoked IS NULL")? as u64,
                one("SELECT count(*) FROM tokens")? as u64,
            ),
            feeds: one("SELECT count(*) FROM feeds")? as u64,
        })
    }

    /// Every problem found in the store, one line each; none when it is sound. An error only
    /// when the checks themselves cannot be read.
    pub fn check(&self) -> Result<Vec<String>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        // Every row of `sql`, as `row` reads it.
        fn all<T>(
            conn: &Connection,
            sql: &str,
            row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
        ) -> rusqlite::Result<Vec<T>> {
            conn.prepare(sql)?.query_map([], row)?.collect()
        }
        // (The schema version needs no check: the store opens only at this build's.)
        let mut problems = Vec::new();
        // SQLite's own check of pages, indexes and constraints.
        let lines: Vec<String> = all(&self.conn, "PRAGMA integrity_check", |r| r.get(0)).map_err(fail)?;
        if lines.first().is_none_or(|l| l != "ok") {
            problems.extend(lines.iter().take(MOST_INTEGRITY_LINES).map(|l| format!("integrity: {l}")));
        }
        let dangling: Vec<(String, i64, String)> =
            all(&self.conn, "PRAGMA foreign_key_check", |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(fail)?;
        named(&mut problems, &dangling, |(table, row, parent)| {
            format!("{table} row {row} refers to a {parent} row that is not there")
        });
        // The counts readers trust instead of counting rows.
        for (name, sql) in COUNTED {
            let kept = counter(&self.conn, name).map_err(fail)?;
            let rows: i64 = self.conn.query_row(sql, [], |r| r.get(0)).map_err(fail)?;
            if kept != rows {
                problems.push(format!("the {name} count says {kept}, the store holds {rows}"));
            }
        }
        // Each story's size is its articles; each article is in a story that is there.
        let sizes: Vec<(i64, i64, i64)> = all(
            &self.conn,
            "SELECT s.id, s.size, (SELECT count(*) FROM articles a WHERE a.story = s.id) AS n
             FROM stories s WHERE s.size != n ORDER BY s.id",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(fail)?;
        named(&mut problems, &sizes, |(story, size, n)| {
            format!("story {story} has size {size} but {n} articles")
        });
        let strays: Vec<(i64, i64)> = all(
            &self.conn,
            "SELECT a.id, a.story FROM articles a WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story)
             ORDER BY a.id",
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(fail)?;
        named(&mut problems, &strays, |(article, story)| {
            format!("article {article} is in story {story}, which is not there")
        });
        // Each document's text: readable, and the content its hash says.
        let mut texts = self
            .conn
            .prepare("SELECT id, hash, format, packed_text FROM documents ORDER BY id")
            .map_err(fail)?;
        let mut rows = texts.query([]).map_err(fail)?;
        let mut damaged: Vec<(i64, &str)> = Vec::new();
        while let Some(r) = rows.next().map_err(fail)? {
            let id: i64 = r.get(0).map_err(fail)?;
            let hash: Vec<u8> = r.get(1).map_err(fail)?;
            let format = format_of(r.get(2).map_err(fail)?);
            let packed: Vec<u8> = r.get(3).map_err(fail)?;
            match unpack(&packed) {
                None => damaged.push((id, "its text cannot be read (damaged compressed text)")),
                Some(text) if hash_of(format, &text)[..] != hash[..] => {
                    damaged.push((id, "its text is not the content its hash names"))
                }
                Some(_) => {}
            }
        }
        named(&mut problems, &damaged, |(id, why)| format!("document {id}: {why}"));
        Ok(problems)
    }
}

/// Each count the writer keeps (`counters`), with the query that counts its rows.
const COUNTED: &[(&str, &str)] = &[
    ("documents", "SELECT count(*) FROM documents"),
    ("articles", "SELECT count(*) FROM articles"),
    ("stories", "SELECT count(*) FROM stories"),
    ("bands", "SELECT count(*) FROM bands"),
    ("bands_recent", "SELECT count(*) FROM bands_recent"),
    ("story_terms", "SELECT count(*) FROM story_terms"),
    ("story_terms_recent", "SELECT count(*) FROM story_terms_recent"),
];

/// Adds a line for each of `rows` (at most [`MOST_NAMED`], then how many more) to `problems`.
fn named<T>(problems: &mut Vec<String>, rows: &[T], line: impl Fn(&T) -> String) {
    problems.extend(rows.iter().take(MOST_NAMED).map(line));
    if rows.len() > MOST_NAMED {
        problems.push(format!("… and {} more like it", rows.len() - MOST_NAMED));
    }
}
