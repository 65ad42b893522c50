//! Parallax's embedded store: every document ingested, its articles, their reuse bands and
//! facts, and the stories they form, in one SQLite file (WAL journal).
//!
//! - Content-addressed: a document's key is the 128-bit hash of its format and text, so
//!   ingesting the same content again is a no-op.
//! - One transaction per batch: a crash or a kill during ingest loses at most the batch in
//!   flight, never a committed one, and never leaves half a document (SQLite's atomic commit).
//!   With `synchronous=NORMAL` in WAL mode a committed batch survives the process dying; a
//!   power cut may lose the last batches, never the file's integrity.
//! - Numbered migrations in [`schema`]; a file from a newer Parallax is refused, not touched.
//! - Readers (`stories`, `brief --story`, `search`) work while an ingest writes (WAL).
//! - Full-text search over articles' titles and bodies (FTS5, ranked by BM25), each hit with
//!   its story ([`Store::search`]).
//! - The feeds a server polls, with what each poll found ([`Store::feeds`]).
//! - Operations: migrating on purpose ([`migrate`]), an overview ([`Store::overview`]), a check
//!   of the store's soundness ([`Store::check`]).
//! - Online clustering ([`parallax_engine::stories`]): each new article joins the story whose
//!   centroid it matches, found through an index of stories by their heaviest terms, or
//!   starts one; near-copies (shared reuse bands) join their original's story. A batch is
//!   clustered in a fixed order (date, then content hash), so the order documents arrive in
//!   within a batch does not change the result.

mod error;
mod feeds;
mod ingest;
mod ops;
mod read;
pub mod schema;
mod search;
mod tiered;
mod tokens;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use error::StoreError;
pub use feeds::FeedRow;
pub use ingest::{Batch, CHANGES_KEPT, IngestConfig, IngestReport, content_hash, prepare_batch, stamp};
pub use ops::{Overview, migrate};
pub use read::{
    ArticleRow, CARD_AT_ONCE, Change, Cursor, KEPT_ROWS, KeptRows, StoredDocument, StoryFilter, StoryPage,
    StoryRow, StoryStats, StoryToBrief,
};
pub use search::{MOST_HITS, MOST_SKIPPED, SearchHit, query as search_query, stored_articles};
pub use tokens::{TokenError, TokenRow};

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The writer's cache of recently used stories.
    stories: ingest::StoryCache,
}

/// Where the store lives when `--db` is not given: `$PARALLAX_DB`, else
/// `$XDG_DATA_HOME/parallax/parallax.db`, else `~/.local/share/parallax/parallax.db`.
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PARALLAX_DB").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("share")))?;
    Some(data.join("parallax").join("parallax.db"))
}

/// How long a writer waits for another process's write to end before it gives up (the
/// [`StoreError::Busy`] message states it). Writes take the lock when their transaction begins,
/// so the wait is real: a second `parallax ingest` waits its turn, then proceeds.
pub const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

impl Store {
    /// Opens the store at `path` for writing, creating it (and its folder) if needed, and
    /// brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::io(path, &e))?;
        }
        // A file already there is read before anything is written to it: another program's
        // SQLite file, or one of a newer Parallax, is refused untouched (switching it to WAL
        // would already rewrite its header).
        if path.metadata().is_ok_and(|m| m.len() > 0) {
            let probe = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| StoreError::from_sqlite(path, &e))?;
            probe.busy_timeout(BUSY_WAIT).map_err(|e| StoreError::from_sqlite(path, &e))?;
            schema::probe(&probe).map_err(|e| e.at(path))?;
        }
        let conn = Connection::open(path).map_err(|e| StoreError::from_sqlite(path, &e))?;
        let mut store = Store { conn, path: path.to_path_buf(), stories: ingest::StoryCache::default() };
        store.configure(true)?;
        schema::migrate(&mut store.conn).map_err(|e| e.at(path))?;
        Ok(store)
    }

    /// Opens an existing store for reading only.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing { path: path.to_path_buf() });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::from_sqlite(path, &e))?;
        let store = Store { conn, path: path.to_path_buf(), stories: ingest::StoryCache::default() };
        store.configure(false)?;
        schema::check(&store.conn).map_err(|e| e.at(path))?;
        Ok(store)
    }

    /// The file this store is in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn configure(&self, write: bool) -> Result<(), StoreError> {
        let path = &self.path;
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(path, &e);
        self.conn.busy_timeout(BUSY_WAIT).map_err(fail)?;
        self.conn.set_prepared_statement_cache_capacity(64);
        // Reading the header tells a file that is not SQLite at once.
        self.conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(())).map_err(fail)?;
        if write {
            self.conn.pragma_update(None, "journal_mode", "WAL").map_err(fail)?;
            self.conn.pragma_update(None, "synchronous", "NORMAL").map_err(fail)?;
            // Checkpoints every 32 MiB of log rather than 4: index pages that several batches
            // touch are copied back once.
            self.conn.pragma_update(None, "wal_autocheckpoint", 8192).map_err(fail)?;
        }
        self.conn.pragma_update(None, "foreign_keys", "ON").map_err(fail)?;
        // A page cache of 64 MiB (memory stays bounded) and the file mapped for reading, so
        // that lookups in a large store cost no system call.
        self.conn.pragma_update(None, "cache_size", -65_536).map_err(fail)?;
        self.conn.pragma_update(None, "mmap_size", 1_i64 << 30).map_err(fail)?;
        Ok(())
    }

    /// SQLite's own integrity check: `Ok` when it reports "ok".
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        let report: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| StoreError::from_sqlite(&self.path, &e))?;
        if report == "ok" { Ok(()) } else { Err(StoreError::Corrupt { path: self.path.clone(), report }) }
    }

    /// Caps the database at `pages` pages (SQLite's `max_page_count`): what a full disk looks
    /// like to the store, for tests.
    pub fn limit_pages(&self, pages: u64) -> Result<(), StoreError> {
        self.conn
            .pragma_update(None, "max_page_count", pages)
            .map_err(|e| StoreError::from_sqlite(&self.path, &e))
    }
}
