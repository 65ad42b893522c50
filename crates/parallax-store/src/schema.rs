//! The schema, as numbered migrations. `PRAGMA user_version` holds the number applied; each
//! migration runs in its own transaction, so a file is always at one version or the next.
//! `application_id` marks the file as Parallax's.

use rusqlite::{Connection, params};

use crate::error::Unplaced;

/// "PRLX": the SQLite `application_id` of a Parallax database.
pub const APPLICATION_ID: i64 = 0x5052_4c58;

/// The migrations, in order; migration `n` (from 1) brings the file to version `n`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents (their text deflated), articles (metadata and facts, deflated JSON; the
    // body is extracted again from the document when needed), reuse bands, stories and their
    // term index.
    "
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        hash BLOB NOT NULL UNIQUE,
        input_id TEXT NOT NULL,
        explicit_id INTEGER NOT NULL,
        path TEXT NOT NULL,
        format INTEGER NOT NULL,
        source TEXT,
        title TEXT,
        published TEXT,
        url TEXT,
        packed_text BLOB NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(id),
        article_id TEXT NOT NULL,
        source TEXT NOT NULL,
        title TEXT,
        published TEXT,
        language TEXT,
        facts BLOB NOT NULL,
        bands BLOB NOT NULL,
        story INTEGER NOT NULL
    );
    CREATE INDEX articles_document ON articles(document);
    CREATE INDEX articles_story ON articles(story);
    CREATE TABLE bands (
        key INTEGER NOT NULL,
        article INTEGER NOT NULL REFERENCES articles(id),
        PRIMARY KEY (key, article)
    ) WITHOUT ROWID;
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        size INTEGER NOT NULL,
        first_day INTEGER,
        last_day INTEGER,
        centroid BLOB NOT NULL
    );
    CREATE TABLE story_terms (
        term INTEGER NOT NULL,
        story INTEGER NOT NULL,
        PRIMARY KEY (term, story)
    ) WITHOUT ROWID;
    CREATE TABLE term_df (
        term INTEGER PRIMARY KEY,
        df INTEGER NOT NULL
    );
    CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO counters VALUES ('articles', 0);
    ",
    // 2: the two growing indexes (reuse bands, story terms) each get a small table of recent
    // entries, folded into the large one in key order now and then (see `tiered`): an entry
    // added to a large index dirties one page of it at random, and the commit writes that
    // page; folding in key order writes each page once for many entries. Counts of documents
    // and stories are kept, so that no reader counts a million rows.
    "
    CREATE TABLE bands_recent (
        key INTEGER NOT NULL,
        article INTEGER NOT NULL REFERENCES articles(id),
        PRIMARY KEY (key, article)
    ) WITHOUT ROWID;
    CREATE TABLE story_terms_recent (
        term INTEGER NOT NULL,
        story INTEGER NOT NULL,
        PRIMARY KEY (term, story)
    ) WITHOUT ROWID;
    INSERT INTO counters SELECT 'bands', count(*) FROM bands;
    INSERT INTO counters SELECT 'story_terms', count(*) FROM story_terms;
    INSERT INTO counters VALUES ('bands_recent', 0), ('story_terms_recent', 0);
    INSERT INTO counters SELECT 'documents', count(*) FROM documents;
    INSERT INTO counters SELECT 'stories', count(*) FROM stories;
    ",
    "
    CREATE TABLE tokens (
        name TEXT PRIMARY KEY,
        hash BLOB NOT NULL UNIQUE,
        created TEXT NOT NULL,
        revoked TEXT
    );
    CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        story INTEGER NOT NULL,
        kind TEXT NOT NULL,
        other INTEGER,
        at TEXT NOT NULL
    );
    ",
    // 4: full-text search over articles' titles and bodies (SQLite FTS5, rowid the article's
    // id). Contentless: the text is kept once, deflated in `documents`; the articles already
    // stored are indexed when the migration runs (`search::index_all`).
    "
    CREATE VIRTUAL TABLE search USING fts5(
        title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    );
    ",
    // 5: the feeds the server polls (`feeds.rs`).
    "
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        added TEXT NOT NULL,
        polled TEXT,
        outcome TEXT,
        documents INTEGER NOT NULL DEFAULT 0
    );
    ",
    // 6: the stories in the list's one order (`read::stories_page`: latest day, undated last,
    // then size, then id), so a page is read from an index, not sorted out of every story
    // (0.24 s at a million documents). The expression is the query's to the letter (the day of
    // an undated story is `read::UNDATED`): SQLite uses an index on an expression only for it.
    "
    CREATE INDEX stories_by_place ON stories(coalesce(last_day, -2147483648) DESC, size DESC, id);
    ",
    // 7: documents by the address they came from, so a poll of a feed does not fetch again an
    // item it stored before (`Store::holds_url`).
    "
    CREATE INDEX documents_by_url ON documents(url) WHERE url IS NOT NULL;
    ",
];

/// The migration that creates the search index: the articles stored before it are indexed as
/// it runs.
const SEARCH_MIGRATION: usize = 3;

/// The value of counter `name` (documents, articles, stories, index rows) in the `counters`
/// table, which the writer keeps so that no reader counts rows.
pub(crate) fn counter(conn: &Connection, name: &str) -> rusqlite::Result<i64> {
    conn.prepare_cached("SELECT value FROM counters WHERE name = ?1")?.query_row([name], |r| r.get(0))
}

/// Adds `by` to counter `name`.
pub(crate) fn add_to_counter(conn: &Connection, name: &str, by: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE counters SET value = value + ?1 WHERE name = ?2")?
        .execute(params![by, name])?;
    Ok(())
}

/// The newest schema this build knows.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Applies the migrations `conn` has not had yet.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), Unplaced> {
    let found = version(conn)?;
    for (n, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(found).unwrap_or(0)) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        if n == SEARCH_MIGRATION {
            crate::search::index_all(&tx)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", n as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Checks that `conn` is a Parallax database this build can read.
pub(crate) fn check(conn: &Connection) -> Result<(), Unplaced> {
    let found = version(conn)?;
    if found == 0 {
        // A file with no schema yet: empty, or created by a first ingest that has not committed
        // its first migration. Nothing is stored there so far.
        return Err(Unplaced::Empty);
    }
    if found < latest() {
        // Readers never migrate; an old file is brought up to date by the next ingest.
        return Err(Unplaced::Old { found });
    }
    Ok(())
}

/// Checks, without writing, that `conn` is empty, or a Parallax database this build can
/// bring up to date: what a writer checks before it touches a file.
pub(crate) fn probe(conn: &Connection) -> Result<(), Unplaced> {
    version(conn).map(|_| ())
}

/// The migrations applied to `conn` (`PRAGMA user_version`), as recorded, unchecked.
pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// The schema version of `conn`, refusing files that are not Parallax's or are newer.
fn version(conn: &Connection) -> Result<i64, Unplaced> {
    let found = user_version(conn)?;
    let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    if app != APPLICATION_ID && (found != 0 || tables != 0) {
        return Err(Unplaced::Foreign);
    }
    if found > latest() {
        return Err(Unplaced::Newer { found, known: latest() });
    }
    Ok(found)
}
