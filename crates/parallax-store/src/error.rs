//! What can go wrong with a store, in words a user can act on.

use std::path::{Path, PathBuf};

/// A store that cannot be opened, read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No store at the path (for reading).
    #[error("{}: no Parallax database here (run `parallax ingest` first, or pass --db)", path.display())]
    Missing { path: PathBuf },
    /// The file is not an SQLite database.
    #[error("{}: not a Parallax database (the file is not SQLite); nothing was changed", path.display())]
    NotADatabase { path: PathBuf },
    /// The file is SQLite, but not Parallax's.
    #[error("{}: an SQLite file, but not a Parallax database; nothing was changed", path.display())]
    Foreign { path: PathBuf },
    /// Made by a newer Parallax.
    #[error(
        "{}: made by a newer Parallax (schema {found}; this one knows up to {known}); nothing was changed",
        path.display()
    )]
    Newer { path: PathBuf, found: i64, known: i64 },
    /// The file or its folder cannot be written.
    #[error("{}: cannot write here (read-only file or folder); nothing was changed", path.display())]
    ReadOnly { path: PathBuf },
    /// The disk (or the database's size cap) is full.
    #[error(
        "{}: the disk is full; the batch in progress was rolled back and everything committed before it is kept",
        path.display()
    )]
    Full { path: PathBuf },
    /// Another process holds the write lock for too long.
    #[error(
        "{}: busy: another process kept writing for {} s, the longest a writer waits; nothing of this batch was written",
        path.display(),
        crate::BUSY_WAIT.as_secs()
    )]
    Busy { path: PathBuf },
    /// The integrity check failed.
    #[error("{}: the integrity check failed: {report}", path.display())]
    Corrupt { path: PathBuf, report: String },
    /// Anything else SQLite or the file system reported.
    #[error("{}: {message}", path.display())]
    Other { path: PathBuf, message: String },
}

impl StoreError {
    pub(crate) fn from_sqlite(path: &Path, e: &rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
            Some(ErrorCode::ReadOnly) | Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
                StoreError::ReadOnly { path }
            }
            Some(ErrorCode::DiskFull) => StoreError::Full { path },
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy { path },
            _ => StoreError::Other { path, message: e.to_string() },
        }
    }

    pub(crate) fn io(path: &Path, e: &std::io::Error) -> StoreError {
        match e.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                StoreError::ReadOnly { path: path.to_path_buf() }
            }
            _ => {
                let text = e.to_string();
                let text = text.split(" (os error").next().unwrap_or(&text).to_lowercase();
                StoreError::Other {
                    path: path.to_path_buf(),
                    message: format!("cannot create its folder: {text}"),
                }
            }
        }
    }
}

/// An error before the path is known to the caller's message.
pub(crate) enum Unplaced {
    Sqlite(rusqlite::Error),
    Newer {
        found: i64,
        known: i64,
    },
    Old {
        found: i64,
    },
    Foreign,
    /// No schema yet: nothing stored.
    Empty,
}

impl Unplaced {
    pub(crate) fn at(self, path: &Path) -> StoreError {
        match self {
            Unplaced::Sqlite(e) => StoreError::from_sqlite(path, &e),
            Unplaced::Newer { found, known } => StoreError::Newer { path: path.to_path_buf(), found, known },
            Unplaced::Foreign => StoreError::Foreign { path: path.to_path_buf() },
            Unplaced::Empty => StoreError::Missing { path: path.to_path_buf() },
            Unplaced::Old { found } => StoreError::Other {
                path: path.to_path_buf(),
                message: format!(
                    "an older Parallax database (schema {found}): run `parallax ingest` on it once to upgrade it"
                ),
            },
        }
    }
}

impl From<rusqlite::Error> for Unplaced {
    fn from(e: rusqlite::Error) -> Unplaced {
        Unplaced::Sqlite(e)
    }
}
