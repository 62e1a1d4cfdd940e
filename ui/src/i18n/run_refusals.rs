//! Why a bulk run does not take an action (or a new share of the write rate), and why a copy
//! planned nothing, in the UI's language; English reads as the model's `Display` of the
//! `StateChange` (and of `NotCopyable`, which the compare table shows beside a row).

use lanyard_model::bulk::{RunAction, RunState};
use lanyard_model::compare::{NotCopyable, RowNotCopied};
use lanyard_model::error::{RunInstead, run_refusal_instead};

use crate::tr;

/// The run's state as the refusal's sentence says it ("still being planned").
fn run_state_in_sentence(state: RunState) -> String {
    match state {
        RunState::Planning => tr!("run-is-planning"),
        RunState::Ready => tr!("run-is-ready"),
        RunState::Running => tr!("run-is-running"),
        RunState::Paused => tr!("run-is-paused"),
        RunState::Cancelled => tr!("run-is-cancelled"),
        RunState::Finished => tr!("run-is-finished"),
        RunState::Interrupted => tr!("run-is-interrupted"),
    }
}

/// "This run is paused and cannot be undone; cancel it, or let it finish, first".
pub(super) fn run_refuses(state: RunState, action: RunAction) -> String {
    let s = run_state_in_sentence(state);
    let refused = match action {
        RunAction::Start => tr!("run-refuses-start", state = s),
        RunAction::Pause => tr!("run-refuses-pause", state = s),
        RunAction::Resume => tr!("run-refuses-resume", state = s),
        RunAction::Cancel => tr!("run-refuses-cancel", state = s),
        RunAction::RetryFailed => tr!("run-refuses-retry", state = s),
        RunAction::Discard => tr!("run-refuses-discard", state = s),
        RunAction::Undo => tr!("run-refuses-undo", state = s),
    };
    let instead = match run_refusal_instead(state, action) {
        Some(RunInstead::PauseOrWaitThenRetry) => tr!("run-instead-pause-or-wait"),
        Some(RunInstead::ResumeFirst) => tr!("run-instead-resume-first"),
        Some(RunInstead::StartFirst) => tr!("run-instead-start-first"),
        Some(RunInstead::CancelOrFinishFirst) => tr!("run-instead-cancel-or-finish"),
        None => String::new(),
    };
    refused + &instead
}

/// Why the run's share of the write rate cannot change now.
pub(super) fn rate_share_refused(state: RunState) -> String {
    match state {
        RunState::Running => tr!("run-share-while-running"),
        other => tr!("run-share-when-over", state = run_state_in_sentence(other)),
    }
}

/// Why a row of a compare cannot be copied to the right-hand profile.
pub fn not_copyable(why: &NotCopyable) -> String {
    match why {
        NotCopyable::AlreadySame => tr!("not-copyable-already-same"),
        NotCopyable::NoneNamed { product, name } => tr!(
            "not-copyable-none-named",
            product = product.name(),
            name = name.clone()
        ),
        NotCopyable::SeveralNamed {
            product,
            name,
            count,
        } => tr!(
            "not-copyable-several-named",
            product = product.name(),
            name = name.clone(),
            n = *count
        ),
    }
}

/// A copy that planned nothing: the rows it could not plan, and how many more.
pub(super) fn not_copied(rows: &[RowNotCopied], more: usize) -> String {
    let rows = rows
        .iter()
        .map(|row| match row {
            RowNotCopied::Gone { target, item } => tr!(
                "not-copied-gone",
                target = target.clone(),
                item = item.clone()
            ),
            RowNotCopied::Cannot { target, item, why } => tr!(
                "not-copied-row",
                target = target.clone(),
                item = item.clone(),
                why = not_copyable(why)
            ),
        })
        .collect::<Vec<_>>()
        .join(&tr!("not-copied-between"));
    if more == 0 {
        tr!("not-copied", rows = rows)
    } else {
        tr!("not-copied-more", rows = rows, n = more)
    }
}
