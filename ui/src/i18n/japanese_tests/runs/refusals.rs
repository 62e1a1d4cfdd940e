//! What a bulk run refuses, why a compare's row cannot be copied and a copy that planned
//! nothing, and a run whose journal cannot be opened, in Japanese: every variant, for every
//! product. `errors` renders each error (Japanese, and English equal to `Display`).

use lanyard_model::compare::{NotCopyable, RowNotCopied};
use lanyard_model::error::{ConfigProblem, StateChange};
use lanyard_model::{CommandError, Product};

use super::super::{assert_japanese, japanese};
use crate::i18n::not_copyable;

/// Every reason a row cannot be copied, for each product, with one item and with several.
fn reasons() -> Vec<NotCopyable> {
    let mut reasons = vec![NotCopyable::AlreadySame];
    for product in Product::ALL {
        reasons.push(NotCopyable::NoneNamed {
            product,
            name: "Initech-Okta".into(),
        });
        reasons.push(NotCopyable::SeveralNamed {
            product,
            name: "Initech-Okta".into(),
            count: 2,
        });
    }
    reasons
}

/// The run and copy refusals, and a run that cannot be opened for each journal problem.
pub(in super::super) fn runs_errors() -> Vec<CommandError> {
    let gone = RowNotCopied::Gone {
        target: "Globex".into(),
        item: "github".into(),
    };
    let rows: Vec<RowNotCopied> = std::iter::once(gone)
        .chain(reasons().into_iter().map(|why| RowNotCopied::Cannot {
            target: "Globex".into(),
            item: "Initech-Okta".into(),
            why,
        }))
        .collect();
    let changes = [
        StateChange::NothingToUndo,
        StateChange::UndoIsItsOwnRun,
        StateChange::RunWithoutProfile,
        StateChange::NothingToRetry,
        StateChange::NotCopied {
            rows: rows[..2].to_vec(),
            more: 0,
        },
        StateChange::NotCopied {
            rows: rows[2..].to_vec(),
            more: 4,
        },
    ];
    let run = || "run-0f1e2d3c-aaaa-bbbb-cccc-000011112222".to_owned();
    let problems = [
        ConfigProblem::RunNotFound { run: run() },
        ConfigProblem::RunJournalUnwritable {
            run: run(),
            folder: "/home/dana/.local/share/lanyard/runs".into(),
            detail: "No space left on device (os error 28)".into(),
        },
    ]
    .into_iter()
    .chain(
        super::journal::journal_problems()
            .into_iter()
            .map(|reason| ConfigProblem::RunUnreadable { run: run(), reason }),
    );
    changes
        .into_iter()
        .map(|change| CommandError::StateChanged { change })
        .chain(problems.map(|problem| CommandError::Configuration { problem }))
        .collect()
}

#[test]
fn why_a_row_cannot_be_copied_reads_in_japanese_and_english_as_display() {
    for why in reasons() {
        let text = japanese(|| not_copyable(&why));
        assert_japanese(&format!("{why:?}"), &text);
        assert_eq!(not_copyable(&why), why.to_string());
    }
    let several = NotCopyable::SeveralNamed {
        product: Product::Zitadel,
        name: "Initech-Okta".into(),
        count: 3,
    };
    assert_eq!(
        japanese(|| not_copyable(&several)),
        "右側のテナントには「Initech-Okta」という名前の ID プロバイダーが 3 件あり、どれか決められません"
    );
}

#[test]
fn a_run_whose_journal_cannot_be_read_says_why_in_japanese_unquoted() {
    let reason = lanyard_model::bulk::JournalProblem::TooLarge { limit_mb: 64 };
    let err = CommandError::Configuration {
        problem: ConfigProblem::RunUnreadable {
            run: "run-1".into(),
            reason,
        },
    };
    let text = japanese(|| crate::i18n::error_text(&err));
    // The reason is Lanyard's own words, in Japanese: not quoted as if someone else said it.
    assert!(text.contains("（64 MB を超えており"), "{text}");
    assert!(!text.contains('「'), "{text}");
}
