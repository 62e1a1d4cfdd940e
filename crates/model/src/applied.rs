//! The outcome of an applied change, as the window receives it. Apart from `change` because it
//! may carry a [`CommandError`] (which itself names changes' labels): no module cycle.

use serde::{Deserialize, Serialize};

use crate::change::{Change, ChangeSummary};
use crate::error::CommandError;

/// The outcome of an applied change. Sent over IPC only, never stored in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    /// What was done (the UI words it; `already` says nothing needed doing).
    pub summary: ChangeSummary,
    pub correlation_id: String,
    /// The target was already as wanted; nothing was changed.
    pub already: bool,
    /// The reply was lost and reading the target back confirmed the change.
    #[serde(default)]
    pub read_back: bool,
    /// The change that reverses this one, for the Undo button.
    pub undo: Option<Change>,
    /// Set when the change was applied but its audit entry could not be written: the error
    /// the window would show for that write (the log's path and the system's words).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_error: Option<CommandError>,
}
