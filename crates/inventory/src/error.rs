//! The one error type of the inventory: what went wrong, in words a help-desk user can act on
//! (the model's `InventoryProblem`, which the window words in the user's language).

use std::fmt;
use std::path::PathBuf;

use lanyard_model::inventory_problem::InventoryProblem;

/// Each variant's words are its [`InventoryProblem`]'s, which the window words in the user's
/// language.
#[derive(Debug)]
pub enum InventoryError {
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    Damaged {
        path: PathBuf,
        cause: String,
    },
    TooNew {
        found: i64,
        known: i64,
    },
    Migration {
        version: i64,
        source: rusqlite::Error,
    },
    BadValue(String),
    Sqlite(rusqlite::Error),
}

impl InventoryError {
    /// The problem, typed, as the window is told it.
    pub fn problem(&self) -> InventoryProblem {
        match self {
            InventoryError::Create { path, source } => InventoryProblem::CannotCreate {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            InventoryError::Open { path, source } => InventoryProblem::CannotOpen {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            InventoryError::Damaged { path, cause } => InventoryProblem::Damaged {
                path: path.display().to_string(),
                cause: cause.clone(),
            },
            InventoryError::TooNew { found, known } => InventoryProblem::TooNew {
                found: *found,
                known: *known,
            },
            InventoryError::Migration { version, source } => InventoryProblem::CannotUpgrade {
                version: *version,
                detail: source.to_string(),
            },
            InventoryError::BadValue(detail) => InventoryProblem::BadValue {
                detail: detail.clone(),
            },
            InventoryError::Sqlite(source) => InventoryProblem::Failed {
                detail: source.to_string(),
            },
        }
    }
}

impl fmt::Display for InventoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.problem())
    }
}

impl std::error::Error for InventoryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InventoryError::Create { source, .. } => Some(source),
            InventoryError::Open { source, .. } | InventoryError::Migration { source, .. } => {
                Some(source)
            }
            InventoryError::Sqlite(source) => Some(source),
            InventoryError::Damaged { .. }
            | InventoryError::TooNew { .. }
            | InventoryError::BadValue(_) => None,
        }
    }
}

impl From<rusqlite::Error> for InventoryError {
    fn from(source: rusqlite::Error) -> Self {
        InventoryError::Sqlite(source)
    }
}

/// Whether SQLite's error says the file itself is not a sound database.
pub(crate) fn is_damage(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}
