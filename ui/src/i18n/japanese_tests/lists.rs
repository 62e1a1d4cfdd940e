//! A pasted list's problems in Japanese: every reason a list or CSV file cannot be read and
//! every reason a line is skipped, with one and several columns, read with no English run, and
//! in English as the model's `Display`. So does the toast of a change applied whose audit entry
//! could not be written, with the typed cause (the log's path kept).

use lanyard_model::bulk::list::{CsvProblem, ListError, SkipReason};
use lanyard_model::error::ConfigProblem;
use lanyard_model::{CommandError, Label};

use super::{assert_japanese, japanese};
use crate::i18n::{error_text, label, list_error, skip_reason};

fn every_list_error() -> Vec<ListError> {
    vec![
        ListError::TooLarge {
            bytes: 2_000_000,
            max: 1_048_576,
        },
        ListError::TooManyEntries { max: 10_000 },
        ListError::Empty,
        ListError::Csv {
            line: 3,
            reason: CsvProblem::UnclosedQuote,
        },
        ListError::Csv {
            line: 1,
            reason: CsvProblem::TextAfterQuote,
        },
        ListError::NoSuchColumn {
            column: "\u{201c}Org\u{201d}".into(),
            available: "1 \u{201c}name\u{201d}, 2 \u{201c}id\u{201d}".into(),
        },
        ListError::NoHeader,
    ]
}

fn every_skip_reason() -> Vec<SkipReason> {
    [1, 2]
        .into_iter()
        .map(|has| SkipReason::TooFewColumns { has, column: 3 })
        .collect()
}

#[test]
fn every_list_problem_reads_in_japanese_and_in_the_english_of_display() {
    for err in every_list_error() {
        let ja = japanese(|| list_error(&err));
        assert_japanese(&format!("{err:?}"), &ja);
        assert_eq!(list_error(&err), err.to_string(), "{err:?}");
    }
    for reason in every_skip_reason() {
        let ja = japanese(|| tr!("list-skipped", line = 4, reason = skip_reason(&reason)));
        assert_japanese(&format!("{reason:?}"), &ja);
        assert!(ja.contains(&format!("{} 列", reason_has(&reason))), "{ja}");
        assert_eq!(skip_reason(&reason), reason.to_string(), "{reason:?}");
    }
}

fn reason_has(reason: &SkipReason) -> usize {
    match reason {
        SkipReason::TooFewColumns { has, .. } => *has,
    }
}

#[test]
fn an_applied_change_without_its_audit_entry_says_why_in_japanese() {
    let cause = CommandError::Configuration {
        problem: ConfigProblem::AuditLogUnwritable {
            path: "/home/ann/.local/share/lanyard/audit.jsonl".into(),
            detail: "Permission denied (os error 13)".into(),
        },
    };
    let toast = || {
        tr!(
            "change-applied-no-audit",
            summary = label(&Label::from("github")),
            cause = error_text(&cause)
        )
    };
    let ja = japanese(toast);
    assert_japanese("change-applied-no-audit", &ja);
    assert!(
        ja.contains("/home/ann/.local/share/lanyard/audit.jsonl"),
        "{ja}"
    );
    let en = toast();
    assert_eq!(en, format!("github. The change is applied, but {cause}"));
}
