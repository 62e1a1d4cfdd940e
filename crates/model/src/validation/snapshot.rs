//! Why a snapshot file (Compare's left side) cannot be used, typed: the UI words it. Here,
//! beside the other rules' problems, so a field's problem can carry it.

use serde::{Deserialize, Serialize};

/// Why a snapshot file cannot be used, naming where: typed, so the UI words it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotError {
    /// 1-based line and column of the problem, when the JSON reader knows it.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The field or the place in the document (`targets[3].items[0].options`), when known.
    pub field: Option<String>,
    pub problem: SnapshotProblem,
}

/// What is wrong with a snapshot file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum SnapshotProblem {
    /// Larger than `max_mb` MB.
    TooLarge {
        max_mb: usize,
    },
    /// Written in version `found`; this Lanyard reads `reads`.
    Version {
        found: String,
        reads: u32,
    },
    /// Not the format's JSON (`detail`: the JSON reader's words).
    Json {
        detail: String,
    },
    TargetNameMissing,
    /// Two targets named `name`.
    TargetTwice {
        name: String,
    },
    ItemNameMissing,
    /// `item` listed twice for `target`.
    ItemTwice {
        item: String,
        target: String,
    },
    /// An Auth0 connection without its options.
    OptionsMissing,
    /// Options on something that is not an Auth0 connection.
    OptionsNotAuth0,
}

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "line {line}, column {column}: ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        write!(f, "{}", self.problem)
    }
}

impl std::fmt::Display for SnapshotProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge { max_mb } => write!(
                f,
                "the file is larger than {max_mb} MB; export a part of the profile (a name filter)"
            ),
            Self::Version { found, reads } => write!(
                f,
                "version {found} is not one this Lanyard reads (it reads version {reads})"
            ),
            Self::Json { detail } => f.write_str(detail),
            Self::TargetNameMissing => f.write_str("a target needs a name"),
            Self::TargetTwice { name } => write!(
                f,
                "\u{201c}{name}\u{201d} is in the file twice; targets are matched by name"
            ),
            Self::ItemNameMissing => f.write_str("an item needs a name"),
            Self::ItemTwice { item, target } => write!(
                f,
                "\u{201c}{item}\u{201d} is listed twice for \u{201c}{target}\u{201d}"
            ),
            Self::OptionsMissing => f.write_str("an Auth0 connection needs its options"),
            Self::OptionsNotAuth0 => f.write_str("only Auth0 connections have options"),
        }
    }
}
