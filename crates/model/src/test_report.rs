//! What "Test connection" found out about a profile.

use serde::{Deserialize, Serialize};

/// The answer of `profile_test`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestReport {
    pub ok: bool,
    pub message: String,
    /// What the server said is missing (scope or role), when it said.
    pub missing: Vec<String>,
}
