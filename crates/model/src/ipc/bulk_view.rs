//! The arguments of a poll of a bulk run.

use serde::{Deserialize, Serialize};

use super::Arguments;
use crate::validation::FieldErrors;

/// A poll of a bulk run: its state and counts, and a page of its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkViewArgs {
    pub run_id: String,
    /// The first page of every item when not given.
    #[serde(default)]
    pub page: crate::bulk::ItemPage,
}

impl Arguments for BulkViewArgs {
    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if self.page.limit > crate::bulk::MAX_PAGE {
            errors.add(
                "page",
                format!("Ask for at most {} rows at a time", crate::bulk::MAX_PAGE),
            );
        }
        errors
    }
}
