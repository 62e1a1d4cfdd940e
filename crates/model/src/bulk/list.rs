//! Targets from a list: names or ids pasted one per line, or a CSV file's column, read into
//! entries here (the same rules in the window, which shows the columns to pick, and in the
//! core, which resolves the entries against the inventory or the server).
//!
//! An entry is resolved by id exactly, or by name or display name in any case but whole (never
//! "contains"); several targets answering one entry make it ambiguous, none unknown. Entries
//! that repeat an earlier one, as text or as the target it resolves to, are collapsed into it
//! and counted. Limits: [`MAX_LIST_BYTES`] of text and [`MAX_LIST_ENTRIES`] entries.

mod csv;
mod problems;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::BulkTarget;

use problems::grouped;
pub use problems::{CsvProblem, SkipReason};

/// The most text a list may hold: 1 MiB.
pub const MAX_LIST_BYTES: usize = 1024 * 1024;
/// The most entries a list may hold (blank lines and repeats included).
pub const MAX_LIST_ENTRIES: usize = 10_000;

/// The list as the user gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "format", rename_all = "snake_case", deny_unknown_fields)]
pub enum ListInput {
    /// One name or id per line.
    Lines { text: String },
    /// A CSV file's text (RFC 4180), with or without a header row, and the column to read.
    Csv {
        text: String,
        header: bool,
        column: CsvColumn,
    },
}

/// Which column of a CSV file holds the names or ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvColumn {
    /// By position, from 0.
    Index(usize),
    /// By the header row's name (any case, spaces around ignored); needs `header: true`.
    Header(String),
}

/// One entry of the list: where it is (its line, from 1) and its text, trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ListEntry {
    pub line: usize,
    pub text: String,
}

/// An entry collapsed into an earlier one: the same text, or the same target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListDuplicate {
    pub entry: ListEntry,
    /// The line of the entry it repeats.
    pub same_as_line: usize,
}

/// A CSV record that has no cell in the chosen column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedLine {
    pub line: usize,
    pub reason: SkipReason,
}

/// The list read into entries, before they are resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedList {
    /// Distinct entries in list order.
    pub entries: Vec<ListEntry>,
    /// Entries whose text repeats an earlier one exactly.
    pub duplicates: Vec<ListDuplicate>,
    /// Blank lines or empty cells, ignored.
    pub blank: usize,
    pub skipped: Vec<SkippedLine>,
}

/// Why a list cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    #[error(
        "The list is {} bytes; Lanyard reads lists of up to 1 MiB ({} bytes). Split it into smaller lists",
        grouped(*.bytes),
        grouped(*.max)
    )]
    TooLarge { bytes: usize, max: usize },
    #[error(
        "The list has more than {} entries; Lanyard reads up to {} at a time. Split it into smaller lists",
        grouped(*.max),
        grouped(*.max)
    )]
    TooManyEntries { max: usize },
    #[error("The list has no names or ids in it")]
    Empty,
    #[error("Line {line} of the CSV file cannot be read: {reason}")]
    Csv { line: usize, reason: CsvProblem },
    #[error("The CSV file has no column {column}; its columns are: {available}")]
    NoSuchColumn { column: String, available: String },
    #[error(
        "A column is picked by its header name only when the file's first row is a header; tick \"First row is a header\" or pick the column by position"
    )]
    NoHeader,
}

impl ListInput {
    /// The entries of the list, or why it cannot be read.
    pub fn parse(&self) -> Result<ParsedList, ListError> {
        match self {
            ListInput::Lines { text } => {
                let text = checked(text)?;
                // `lines`: LF or CRLF, and no empty line after the last line break.
                let cells = text
                    .lines()
                    .enumerate()
                    .map(|(i, l)| (i.saturating_add(1), l.to_owned()));
                collect(cells, Vec::new())
            }
            ListInput::Csv {
                text,
                header,
                column,
            } => {
                let mut records = csv::records(checked(text)?)?.into_iter();
                let head = if *header { records.next() } else { None };
                let index = match column {
                    CsvColumn::Index(i) => *i,
                    CsvColumn::Header(name) => {
                        let head = head.as_ref().ok_or(ListError::NoHeader)?;
                        let wanted = name.trim().to_lowercase();
                        head.fields
                            .iter()
                            .position(|f| f.trim().to_lowercase() == wanted)
                            .ok_or_else(|| ListError::NoSuchColumn {
                                column: format!("\u{201c}{}\u{201d}", name.trim()),
                                available: columns(head.fields.iter()),
                            })?
                    }
                };
                let mut skipped = Vec::new();
                let mut cells = Vec::new();
                for record in records {
                    match record.fields.get(index) {
                        Some(cell) => cells.push((record.line, cell.clone())),
                        // A record with one empty field is a blank line's worth of nothing.
                        None if record.fields.iter().all(|f| f.trim().is_empty()) => {
                            cells.push((record.line, String::new()));
                        }
                        None => skipped.push(SkippedLine {
                            line: record.line,
                            reason: SkipReason::TooFewColumns {
                                has: record.fields.len(),
                                column: index.saturating_add(1),
                            },
                        }),
                    }
                }
                collect(cells, skipped)
            }
        }
    }
}

/// The first records of a CSV file (at most `rows`), for the window to show the columns to
/// pick from.
pub fn csv_preview(text: &str, rows: usize) -> Result<Vec<Vec<String>>, ListError> {
    Ok(csv::records(checked(text)?)?
        .into_iter()
        .take(rows)
        .map(|r| r.fields)
        .collect())
}

/// The text within the size limit, without a byte-order mark.
fn checked(text: &str) -> Result<&str, ListError> {
    if text.len() > MAX_LIST_BYTES {
        return Err(ListError::TooLarge {
            bytes: text.len(),
            max: MAX_LIST_BYTES,
        });
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Columns named for a message: "1 “name”, 2 “id”".
fn columns<'a>(fields: impl Iterator<Item = &'a String>) -> String {
    fields
        .enumerate()
        .map(|(i, f)| format!("{} \u{201c}{}\u{201d}", i.saturating_add(1), f.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn collect(
    cells: impl IntoIterator<Item = (usize, String)>,
    skipped: Vec<SkippedLine>,
) -> Result<ParsedList, ListError> {
    let mut list = ParsedList {
        skipped,
        ..ParsedList::default()
    };
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut count: usize = 0;
    for (line, cell) in cells {
        let text = cell.trim();
        if text.is_empty() {
            list.blank = list.blank.saturating_add(1);
            continue;
        }
        count = count.saturating_add(1);
        if count > MAX_LIST_ENTRIES {
            return Err(ListError::TooManyEntries {
                max: MAX_LIST_ENTRIES,
            });
        }
        let entry = ListEntry {
            line,
            text: text.to_owned(),
        };
        match first_line.get(text) {
            Some(&same_as_line) => list.duplicates.push(ListDuplicate {
                entry,
                same_as_line,
            }),
            None => {
                first_line.insert(entry.text.clone(), line);
                list.entries.push(entry);
            }
        }
    }
    if list.entries.is_empty() {
        return Err(ListError::Empty);
    }
    Ok(list)
}

/// How an entry found its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    Id,
    Name,
    DisplayName,
}

/// An entry and the one target it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolvedEntry {
    pub entry: ListEntry,
    pub target: BulkTarget,
    pub matched_by: MatchedBy,
    /// Found by a live read, not in the inventory.
    pub live: bool,
}

/// A target an ambiguous entry may mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListCandidate {
    pub target: BulkTarget,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// An entry that names several targets: excluded until the list names one of them (by id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmbiguousEntry {
    pub entry: ListEntry,
    pub candidates: Vec<ListCandidate>,
}

/// What a list resolved to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListResolution {
    /// One per target, in list order: these are the run's targets.
    pub resolved: Vec<ResolvedEntry>,
    /// Entries that name no target of the kind.
    pub unknown: Vec<ListEntry>,
    pub ambiguous: Vec<AmbiguousEntry>,
    /// Entries collapsed into an earlier one (the same text, or the same target).
    pub duplicates: Vec<ListDuplicate>,
    pub skipped: Vec<SkippedLine>,
    /// Blank lines or cells, ignored.
    pub blank: usize,
    /// Set when entries were looked up on the server (the inventory did not hold them): how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live_note: Option<super::ListNote>,
}

impl ListResolution {
    /// The targets to hand to a bulk plan.
    pub fn targets(&self) -> Vec<BulkTarget> {
        self.resolved.iter().map(|r| r.target.clone()).collect()
    }

    /// How many entries were collapsed as repeats.
    pub fn duplicates_collapsed(&self) -> usize {
        self.duplicates.len()
    }
}

#[cfg(test)]
mod tests;
