//! Opening the inventory: one file per user, private to them, WAL, foreign keys on, migrated.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{InventoryError, is_damage};
use crate::schema;

/// The inventory database of one user (every profile's rows, keyed by profile id).
#[derive(Debug)]
pub struct Inventory {
    pub(crate) conn: Connection,
}

impl Inventory {
    /// Opens the database at `path`, creating it (0600 on Unix) when missing, and applies the
    /// migrations it lacks. A damaged file or one from a newer Lanyard is an error, never a
    /// panic, and is never rewritten.
    pub fn open(path: &Path) -> Result<Self, InventoryError> {
        create_private(path)?;
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| InventoryError::Open {
            path: path.to_owned(),
            source,
        })?;
        let damaged = |e: rusqlite::Error| damage_or(path, e);
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(damaged)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(damaged)?;
        // WAL: readers (the pickers) are not blocked by a crawl's writes.
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(damaged)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(damaged)?;
        schema::migrate_to(&mut conn, schema::SCHEMA_VERSION).map_err(|e| match e {
            InventoryError::Sqlite(e) => damage_or(path, e),
            InventoryError::Migration { source, .. } if is_damage(&source) => {
                damage_or(path, source)
            }
            other => other,
        })?;
        Ok(Self { conn })
    }

    /// The schema version of the open file (equal to `SCHEMA_VERSION` once opened).
    pub fn schema_version(&self) -> Result<i64, InventoryError> {
        Ok(schema::stored_version(&self.conn)?)
    }
}

fn damage_or(path: &Path, error: rusqlite::Error) -> InventoryError {
    if is_damage(&error) {
        InventoryError::Damaged {
            path: path.to_owned(),
            cause: error.to_string(),
        }
    } else {
        InventoryError::Sqlite(error)
    }
}

/// Creates the file readable by its owner only before SQLite opens it; SQLite gives the WAL
/// and shared-memory files the same permissions.
fn create_private(path: &Path) -> Result<(), InventoryError> {
    let failed = |source| InventoryError::Create {
        path: PathBuf::from(path),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        options.open(path).map_err(failed)?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(failed)?;
    }
    #[cfg(not(unix))]
    options.open(path).map_err(failed)?;
    Ok(())
}
