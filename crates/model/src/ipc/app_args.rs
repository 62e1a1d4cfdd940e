//! The arguments of the app's own settings: the UI language the user picked, and the one whose
//! catalogue the window asks for.

use serde::{Deserialize, Serialize};

use super::Arguments;
use crate::catalogue::ShellLanguage;
use crate::validation::FieldErrors;

/// The UI language to remember; `None` to follow the system again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageArgs {
    pub language: Option<String>,
}

impl Arguments for LanguageArgs {
    /// A language tag: letters, digits and hyphens, at most 35 characters (BCP 47's longest).
    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        let tag =
            |t: &String| t.len() <= 35 && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if self
            .language
            .as_ref()
            .is_some_and(|t| t.is_empty() || !tag(t))
        {
            errors.add("language", "is not a language tag");
        }
        errors
    }
}

/// The language whose catalogue the window wants; only those the shell keeps can be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueArgs {
    pub language: ShellLanguage,
}

impl Arguments for CatalogueArgs {}
