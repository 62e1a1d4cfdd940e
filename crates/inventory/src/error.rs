//! The one error type of the inventory: what went wrong, in words a help-desk user can act on.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum InventoryError {
    #[error("could not create the inventory file {path}: {source}")]
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not open the inventory database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "the inventory file {path} is damaged or is not a Lanyard inventory ({cause}); \
         move it away and Lanyard starts a new one"
    )]
    Damaged { path: PathBuf, cause: String },
    #[error(
        "the inventory database was written by a newer Lanyard (schema version {found}; this \
         version knows up to {known}); update Lanyard, or move the file away to start a new inventory"
    )]
    TooNew { found: i64, known: i64 },
    #[error("could not upgrade the inventory database to schema version {version}: {source}")]
    Migration {
        version: i64,
        source: rusqlite::Error,
    },
    #[error("the inventory database holds a value Lanyard cannot read: {0}")]
    BadValue(String),
    #[error("the inventory database failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// Whether SQLite's error says the file itself is not a sound database.
pub(crate) fn is_damage(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}
