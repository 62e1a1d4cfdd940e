//! Why a pasted list or CSV file cannot be read, and why one of its lines is skipped, in the
//! UI's language; English reads as the model's `Display` (`ListError`, `SkipReason`).

use lanyard_model::bulk::list::{CsvProblem, ListError, SkipReason};

use crate::tr;

/// Why the list cannot be read: "Line 3 of the CSV file cannot be read: …".
pub fn list_error(err: &ListError) -> String {
    match err {
        ListError::TooLarge { bytes, max } => {
            tr!("list-err-too-large", bytes = *bytes, max = *max)
        }
        ListError::TooManyEntries { max } => tr!("list-err-too-many", max = *max),
        ListError::Empty => tr!("list-err-empty"),
        ListError::Csv { line, reason } => {
            tr!("list-err-csv", line = *line, reason = csv_problem(*reason))
        }
        ListError::NoSuchColumn { column, available } => tr!(
            "list-err-no-such-column",
            column = column.clone(),
            available = available.clone()
        ),
        ListError::NoHeader => tr!("list-err-no-header"),
    }
}

fn csv_problem(problem: CsvProblem) -> String {
    match problem {
        CsvProblem::UnclosedQuote => tr!("csv-unclosed-quote"),
        CsvProblem::TextAfterQuote => tr!("csv-text-after-quote"),
    }
}

/// Why a CSV record gave no entry: "it has 1 column, so no column 2".
pub fn skip_reason(reason: &SkipReason) -> String {
    match reason {
        SkipReason::TooFewColumns { has, column } => {
            tr!("list-skip-too-few-columns", has = *has, column = *column)
        }
    }
}
