//! Why a journal file cannot be read, in Japanese: every problem and damage.

use lanyard_model::bulk::{Damage, JournalProblem};

use super::super::{assert_japanese, japanese};
use crate::i18n::journal_problem;

pub(super) fn journal_problems() -> Vec<JournalProblem> {
    // What the system and the parser said is kept in their words (one word here).
    let said = || "EOF".to_owned();
    let damages = vec![
        Damage::Unparsed {
            line: Some(7),
            said: said(),
        },
        Damage::Unparsed {
            line: None,
            said: said(),
        },
        Damage::LastLine { said: said() },
        Damage::NotAHeader,
        Damage::ItemCount {
            items: 20_000,
            max: 10_000,
        },
        Damage::OutOfOrder {
            line: 10,
            numbered: 10,
            after: 8,
        },
        Damage::NeitherItemNorRun { line: 4 },
        Damage::ItemWithoutLine { item: 31 },
        Damage::EndsEarly { at: 12, of: 31 },
        Damage::NoState,
        Damage::NoItems,
        Damage::ItemNotObject { item: 0 },
        Damage::OldState {
            item: 0,
            state: "current".into(),
            said: said(),
        },
        Damage::OldFlag {
            item: 0,
            state: "planned".into(),
            key: "linked".into(),
        },
        Damage::UnknownChange {
            kind: "auth0_rename".into(),
        },
    ];
    let mut problems = vec![
        JournalProblem::FolderUnreadable { detail: said() },
        JournalProblem::EntryUnreadable { detail: said() },
        JournalProblem::NotAJournalName,
        JournalProblem::Missing {
            run: "run-1".into(),
            folder: "/data/runs".into(),
        },
        JournalProblem::CannotRead { detail: said() },
        JournalProblem::TooLarge { limit_mb: 64 },
        JournalProblem::LineTooLong { limit_kb: 1024 },
        JournalProblem::HeaderTooLong { limit_kb: 1024 },
        JournalProblem::Newer {
            version: 7,
            newest: 4,
        },
        JournalProblem::OtherRun {
            found: "run-2".into(),
            run: "run-1".into(),
        },
    ];
    problems.extend(
        damages
            .into_iter()
            .map(|damage| JournalProblem::Damaged { damage }),
    );
    problems
}

#[test]
fn every_reason_a_journal_is_unreadable_reads_in_japanese_and_english_as_display() {
    for problem in journal_problems() {
        let text = japanese(|| journal_problem(&problem));
        assert_japanese(&format!("{problem:?}"), &text);
        assert_eq!(journal_problem(&problem), problem.to_string());
    }
    // The parser's own words are quoted as said.
    let cut = JournalProblem::Damaged {
        damage: Damage::Unparsed {
            line: Some(7),
            said: "EOF while parsing an object at line 1 column 9".into(),
        },
    };
    let text = japanese(|| journal_problem(&cut));
    assert_japanese("a parser's words", &text);
    assert!(
        text.contains("「EOF while parsing an object at line 1 column 9」"),
        "{text}"
    );
}
