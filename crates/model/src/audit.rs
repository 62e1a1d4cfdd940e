//! The audit log's entries as the core writes them and the Activity page shows them, and the
//! formats the log is exported in. Writing and reading the file is `lanyard_core::audit`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How a change ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    Failure,
    /// The request was sent but its effect could not be confirmed.
    Unknown,
}

impl Outcome {
    /// The word the log, its CSV and the Activity page use.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One target of a change, by id and, when known, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub kind: String,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// One line of the audit log. Holds no secret: request summaries are built from validated
/// request types, which carry no credentials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// RFC 3339, UTC.
    pub time: String,
    pub profile_id: String,
    pub profile_name: String,
    pub product: String,
    pub operation: String,
    pub targets: Vec<Target>,
    /// What was sent, as it was sent: a record of any past version's change, so kept as the
    /// JSON it was written as (an entry must stay readable after the change types evolve).
    pub request: serde_json::Value,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// The OS user who ran Lanyard.
    pub who: String,
    /// The bulk run this change belonged to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_id: Option<String>,
}

/// The whole log, newest first (the core's tests and the exports read it so).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityView {
    pub entries: Vec<AuditEntry>,
    /// Lines that could not be read (a crash mid-write), to tell the user.
    pub skipped_lines: usize,
    /// Where the log is kept, to tell the user.
    pub path: String,
}

/// The most entries one `activity_page` answer holds.
pub const ACTIVITY_PAGE_MAX: usize = 500;

/// The longest filter `activity_page` takes, in characters.
pub const ACTIVITY_FILTER_MAX: usize = 200;

/// The answer of `activity_page`: a slice of the entries the filter matches, newest first, and
/// how many there are in all; the filter runs over the whole log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityPage {
    /// The matching entries from `offset` on (newest first), at most the limit asked for.
    pub entries: Vec<AuditEntry>,
    pub offset: usize,
    /// How many entries the filter matches in the whole log.
    pub matching: usize,
    /// How many entries the log holds.
    pub total: usize,
    /// Lines that could not be read (a crash mid-write), to tell the user.
    pub skipped_lines: usize,
    /// Where the log is kept, to tell the user.
    pub path: String,
}

/// What `activity_export` writes the log as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// The file's media type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv",
            ExportFormat::Json => "application/json",
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn outcomes_and_formats_keep_the_words_the_log_and_the_window_use() {
        for (outcome, word) in [
            (Outcome::Success, "success"),
            (Outcome::Failure, "failure"),
            (Outcome::Unknown, "unknown"),
        ] {
            assert_eq!(serde_json::to_value(outcome).unwrap(), word);
            assert_eq!(outcome.to_string(), word);
        }
        assert_eq!(
            serde_json::from_str::<ExportFormat>("\"csv\"").unwrap(),
            ExportFormat::Csv
        );
        assert!(serde_json::from_str::<ExportFormat>("\"xml\"").is_err());
    }
}
