//! Why a bulk run does not take an action (or a new share of the write rate), in the UI's
//! language; English reads as the model's `Display` of the `StateChange`.

use lanyard_model::bulk::{RunAction, RunState};
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
