//! Field-level results: field name (the JSON field name) -> problems, for placing next to inputs.

mod problem;
mod snapshot;

pub use problem::{FieldProblem, ProfileChange};
pub use snapshot::{SnapshotError, SnapshotProblem};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Problems per field; empty when all is well.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldErrors(pub BTreeMap<String, Vec<FieldProblem>>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, problem: impl Into<FieldProblem>) {
        self.0
            .entry(field.to_owned())
            .or_default()
            .push(problem.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems of `field` (none when it is valid).
    pub fn get(&self, field: &str) -> &[FieldProblem] {
        self.0.get(field).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    pub fn merge(&mut self, other: FieldErrors) {
        for (field, messages) in other.0 {
            self.0.entry(field).or_default().extend(messages);
        }
    }

    /// All messages on one line each, `field: message`.
    pub fn summary(&self) -> String {
        self.0
            .iter()
            .flat_map(|(f, ms)| ms.iter().map(move |m| format!("{f}: {m}")))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Errors block a request; warnings are shown but let it go.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validation {
    pub errors: FieldErrors,
    pub warnings: FieldErrors,
}

impl Validation {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}
