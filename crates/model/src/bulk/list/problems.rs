//! Why a line of a list is skipped, and why a CSV file cannot be read: typed, so the window
//! words them in its language; `Display` is the English.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a CSV record gives no entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum SkipReason {
    /// The record has `has` fields and the chosen column (from 1) is past them.
    TooFewColumns { has: usize, column: usize },
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooFewColumns { has, column } => write!(
                f,
                "it has {has} column{}, so no column {column}",
                if *has == 1 { "" } else { "s" }
            ),
        }
    }
}

/// Why a CSV file cannot be read (at the line [`super::ListError::Csv`] names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvProblem {
    /// A field opened with `"` reaches the end of the text.
    UnclosedQuote,
    /// Something other than a comma or a line break follows a quoted field's closing `"`.
    TextAfterQuote,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::UnclosedQuote => "a quoted field is never closed (a \" is missing)",
            Self::TextAfterQuote => {
                "text follows a closing quote; put the whole field in quotes and write a quote inside it as \"\""
            }
        })
    }
}

/// A count with its thousands grouped, as the window writes numbers: "1,048,576".
pub(super) fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len().saturating_add(digits.len() / 3));
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && digits.len().saturating_sub(i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_the_english_of_before() {
        let one = SkipReason::TooFewColumns { has: 1, column: 3 };
        assert_eq!(one.to_string(), "it has 1 column, so no column 3");
        let two = SkipReason::TooFewColumns { has: 2, column: 3 };
        assert_eq!(two.to_string(), "it has 2 columns, so no column 3");
        assert_eq!(
            CsvProblem::UnclosedQuote.to_string(),
            "a quoted field is never closed (a \" is missing)"
        );
        assert_eq!(
            CsvProblem::TextAfterQuote.to_string(),
            "text follows a closing quote; put the whole field in quotes and write a quote inside it as \"\""
        );
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(10_000), "10,000");
        assert_eq!(grouped(1_048_576), "1,048,576");
    }

    #[test]
    fn a_skip_reason_crosses_ipc_typed() {
        let reason = SkipReason::TooFewColumns { has: 2, column: 3 };
        let json = serde_json::to_string(&reason).unwrap_or_default();
        assert_eq!(json, r#"{"kind":"too_few_columns","has":2,"column":3}"#);
        assert_eq!(serde_json::from_str::<SkipReason>(&json).ok(), Some(reason));
    }
}
