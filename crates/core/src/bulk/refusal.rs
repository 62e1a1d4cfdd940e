//! Why a run does not take an action, in words.

use lanyard_model::bulk::{RunAction, RunState};

/// Why a run in `state` does not take `action`, and what to do instead.
pub(super) fn refusal(state: RunState, action: RunAction) -> String {
    let what = match action {
        RunAction::Start => "started",
        RunAction::Pause => "paused",
        RunAction::Resume => "resumed",
        RunAction::Cancel => "cancelled",
        RunAction::RetryFailed => "retried",
        RunAction::Discard => "discarded",
        RunAction::Undo => "undone",
    };
    let instead = match (action, state) {
        (RunAction::RetryFailed, RunState::Running) => {
            "; pause it first, or wait until it ends, then retry the failed items"
        }
        (RunAction::RetryFailed, RunState::Interrupted) => "; resume it first",
        (RunAction::RetryFailed, RunState::Ready) => "; start it first",
        (RunAction::Undo, _) => "; cancel it, or let it finish, first",
        _ => "",
    };
    format!(
        "This run is {} and cannot be {what}{instead}",
        state.words()
    )
}
