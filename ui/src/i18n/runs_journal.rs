//! Why a file in the runs folder cannot be read, in the UI's language (the system's and the
//! parser's words quoted as said): the runs list's, and a run's that cannot be opened
//! (`ConfigProblem::RunUnreadable`).

use lanyard_model::bulk::{Damage, JournalProblem};

use crate::tr;

/// Why a file in the runs folder cannot be read as a run.
pub fn journal_problem(problem: &JournalProblem) -> String {
    match problem {
        JournalProblem::FolderUnreadable { detail } => {
            tr!("journal-folder-unreadable", detail = detail.clone())
        }
        JournalProblem::EntryUnreadable { detail } => {
            tr!("journal-entry-unreadable", detail = detail.clone())
        }
        JournalProblem::NotAJournalName => tr!("journal-not-a-name"),
        JournalProblem::Missing { run, folder } => {
            tr!(
                "journal-missing",
                run = run.clone(),
                folder = folder.clone()
            )
        }
        JournalProblem::CannotRead { detail } => {
            tr!("journal-cannot-read", detail = detail.clone())
        }
        JournalProblem::TooLarge { limit_mb } => {
            tr!("journal-too-large", limit = limit_mb.to_string())
        }
        JournalProblem::LineTooLong { limit_kb } => {
            tr!("journal-line-too-long", limit = limit_kb.to_string())
        }
        JournalProblem::HeaderTooLong { limit_kb } => {
            tr!("journal-header-too-long", limit = limit_kb.to_string())
        }
        JournalProblem::Newer { version, newest } => tr!(
            "journal-newer",
            version = version.to_string(),
            newest = newest.to_string()
        ),
        JournalProblem::OtherRun { found, run } => {
            tr!(
                "journal-other-run",
                found = found.clone(),
                run = run.clone()
            )
        }
        JournalProblem::Damaged { damage: d } => tr!("journal-damaged", damage = damage(d)),
    }
}

/// Where a journal does not read (line numbers and counts as written, like ids).
fn damage(damage: &Damage) -> String {
    let n = |n: &dyn ToString| n.to_string();
    match damage {
        Damage::Unparsed {
            line: Some(line),
            said,
        } => tr!("damage-unparsed-line", line = n(line), said = said.clone()),
        Damage::Unparsed { line: None, said } => tr!("damage-unparsed", said = said.clone()),
        Damage::LastLine { said } => tr!("damage-last-line", said = said.clone()),
        Damage::NotAHeader => tr!("damage-not-a-header"),
        Damage::ItemCount { items, max } => {
            tr!("damage-item-count", items = n(items), max = n(max))
        }
        Damage::OutOfOrder {
            line,
            numbered,
            after,
        } => tr!(
            "damage-out-of-order",
            line = n(line),
            numbered = n(numbered),
            after = n(after)
        ),
        Damage::NeitherItemNorRun { line } => tr!("damage-neither", line = n(line)),
        Damage::ItemWithoutLine { item } => tr!("damage-item-without-line", item = n(item)),
        Damage::EndsEarly { at, of } => tr!("damage-ends-early", at = n(at), of = n(of)),
        Damage::NoState => tr!("damage-no-state"),
        Damage::NoItems => tr!("damage-no-items"),
        Damage::ItemNotObject { item } => tr!("damage-item-not-object", item = n(item)),
        Damage::OldState { item, state, said } => tr!(
            "damage-old-state",
            item = n(item),
            state = state.clone(),
            said = said.clone()
        ),
        Damage::OldFlag { item, state, key } => tr!(
            "damage-old-flag",
            item = n(item),
            state = state.clone(),
            key = key.clone()
        ),
        Damage::UnknownChange { kind } => tr!("damage-unknown-change", kind = kind.clone()),
    }
}
