//! The Activity page's arguments: a page of the audit log, bounded.

use serde::{Deserialize, Serialize};

use super::Arguments;
use crate::audit::{ACTIVITY_FILTER_MAX, ACTIVITY_PAGE_MAX};
use crate::validation::FieldErrors;

/// Which of the audit log's entries to show: those matching `filter` (every word of it, in any
/// case; empty matches all), newest first, `limit` of them from `offset` on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityPageArgs {
    pub filter: String,
    pub offset: usize,
    pub limit: usize,
    /// The window's count of its reads of the log, in the order it asked: a read of another
    /// filter than the one asked for last stops (commands may reach the core in another order).
    pub sequence: u64,
}

impl Arguments for ActivityPageArgs {
    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if self.filter.chars().count() > ACTIVITY_FILTER_MAX {
            errors.add(
                "filter",
                format!("must be at most {ACTIVITY_FILTER_MAX} characters"),
            );
        }
        if self.limit == 0 || self.limit > ACTIVITY_PAGE_MAX {
            errors.add("limit", format!("must be from 1 to {ACTIVITY_PAGE_MAX}"));
        }
        errors
    }
}
