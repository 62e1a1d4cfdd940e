//! The arguments of "Download and install": the version the user confirmed.

use serde::{Deserialize, Serialize};

use super::Arguments;
use crate::validation::FieldErrors;

/// The version the last check offered and the user confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateInstallArgs {
    pub version: String,
}

impl Arguments for UpdateInstallArgs {
    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if self.version.trim().is_empty() || self.version.len() > 64 {
            errors.add("version", "Give the version the check offered");
        }
        errors
    }
}
