//! Why a file in the runs folder cannot be read as a run, typed (the UI words it; `Display` is
//! the English). Found each time the folder is listed or a run is opened, so never journaled.
//! What the system or the JSON parser said is kept in its own words (`detail`, `said`). A leaf
//! of `error`, so that [`ConfigProblem::RunUnreadable`](super::ConfigProblem) holds it and
//! `bulk` (which holds errors) re-exports it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a journal file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum JournalProblem {
    /// The runs folder cannot be listed.
    FolderUnreadable {
        detail: String,
    },
    /// An entry of the folder cannot be read.
    EntryUnreadable {
        detail: String,
    },
    /// A `.json` file whose name is not `run-<id>.json`.
    NotAJournalName,
    /// The file went away while it was being read.
    Missing {
        run: String,
        folder: String,
    },
    CannotRead {
        detail: String,
    },
    TooLarge {
        limit_mb: u64,
    },
    LineTooLong {
        limit_kb: u64,
    },
    HeaderTooLong {
        limit_kb: u64,
    },
    /// Written by a newer Lanyard.
    Newer {
        version: u32,
        newest: u32,
    },
    /// It holds another run than its name says.
    OtherRun {
        found: String,
        run: String,
    },
    /// It does not read as a journal: where and how.
    Damaged {
        damage: Damage,
    },
}

/// Where a journal does not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "damage", rename_all = "snake_case")]
pub enum Damage {
    /// The parser's words about a line (counted from 1), or about the whole file.
    Unparsed {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        line: Option<u64>,
        said: String,
    },
    /// The parser's words about its last line.
    LastLine {
        said: String,
    },
    NotAHeader,
    ItemCount {
        items: usize,
        max: usize,
    },
    OutOfOrder {
        line: u64,
        numbered: u64,
        after: u64,
    },
    NeitherItemNorRun {
        line: u64,
    },
    ItemWithoutLine {
        item: usize,
    },
    EndsEarly {
        at: u64,
        of: u64,
    },
    NoState,
    /// Version 1: the list of items is missing.
    NoItems,
    ItemNotObject {
        item: usize,
    },
    /// Version 1: an item's state (`current` or `planned`) does not read (the parser's words).
    OldState {
        item: usize,
        state: String,
        said: String,
    },
    /// Version 1: an item's state lacks its `key` flag.
    OldFlag {
        item: usize,
        state: String,
        key: String,
    },
    UnknownChange {
        kind: String,
    },
}

impl fmt::Display for JournalProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JournalProblem::FolderUnreadable { detail } => write!(
                f,
                "the folder of bulk runs cannot be read: {detail}; fix its permissions"
            ),
            JournalProblem::EntryUnreadable { detail } => {
                write!(f, "an entry of the folder cannot be read: {detail}")
            }
            JournalProblem::NotAJournalName => {
                f.write_str("its name is not that of a run journal (run-<id>.json)")
            }
            JournalProblem::Missing { run, folder } => {
                write!(f, "no journal for run {run} in {folder}")
            }
            JournalProblem::CannotRead { detail } => write!(f, "it cannot be read: {detail}"),
            JournalProblem::TooLarge { limit_mb } => write!(
                f,
                "it is larger than {limit_mb} MB, larger than any run journal; it may have been edited or damaged"
            ),
            JournalProblem::LineTooLong { limit_kb } => write!(
                f,
                "a line of it is longer than {limit_kb} KB, longer than any run journal writes; it may have been edited or damaged"
            ),
            JournalProblem::HeaderTooLong { limit_kb } => write!(
                f,
                "its header is longer than {limit_kb} KB or not one line; it may have been edited or damaged"
            ),
            JournalProblem::Newer { version, newest } => write!(
                f,
                "it is a version {version} journal; this Lanyard reads versions 1 to {newest}. Open it with the Lanyard that wrote it"
            ),
            JournalProblem::OtherRun { found, run } => write!(
                f,
                "it holds run {found} under the name of run {run}; it may have been copied or renamed"
            ),
            JournalProblem::Damaged { damage } => write!(
                f,
                "it is not a readable run journal ({damage}); it may have been cut short or edited"
            ),
        }
    }
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Damage::Unparsed {
                line: Some(line),
                said,
            } => write!(f, "line {line}: {said}"),
            Damage::Unparsed { line: None, said } => f.write_str(said),
            Damage::LastLine { said } => write!(f, "its last line: {said}"),
            Damage::NotAHeader => f.write_str("its first line is not a run's header"),
            Damage::ItemCount { items, max } => {
                write!(f, "it says it has {items} items; a run has 1 to {max}")
            }
            Damage::OutOfOrder {
                line,
                numbered,
                after,
            } => write!(
                f,
                "line {line} is numbered {numbered} after {after}: lines are missing or out of order"
            ),
            Damage::NeitherItemNorRun { line } => {
                write!(f, "line {line} is neither an item nor the run")
            }
            Damage::ItemWithoutLine { item } => write!(f, "item {item} has no line"),
            Damage::EndsEarly { at, of } => {
                write!(f, "it ends at line {at} of the {of} its items take")
            }
            Damage::NoState => f.write_str("no line of it reads as a run's state"),
            Damage::NoItems => f.write_str("it has no list of items"),
            Damage::ItemNotObject { item } => write!(f, "item {item} is not an object"),
            Damage::OldState { item, state, said } => {
                write!(f, "the {state} state of item {item}: {said}")
            }
            Damage::OldFlag { item, state, key } => write!(
                f,
                "the {state} state of item {item}: expected {{\"{key}\": true or false}}"
            ),
            Damage::UnknownChange { kind } => {
                write!(f, "its change is of an unknown kind ({kind})")
            }
        }
    }
}
