//! Why Lanyard did not act: the target changed since it was planned, or the action does not fit
//! the state now. Typed, so the UI words it; `Display` is the English sentence.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::bulk::{RunAction, RunState};
use crate::change::Label;
use crate::inventory::{CrawlAction, CrawlState};
use crate::state::TargetState;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum StateChange {
    /// `item` is no longer enabled for `target` (an undo or update found it gone).
    NoLongerEnabled { item: Label, target: Label },
    /// `item` of `target` was changed by someone else since it was planned.
    ChangedSince { item: Label, target: Label },
    /// Someone enabled `item` for `target` first, with other options (`found`, as read back):
    /// Lanyard changed nothing.
    EnabledWithOtherOptions {
        item: Label,
        target: Label,
        found: TargetState,
    },
    /// The crawl of `profile` is `state`, which does not allow `action`.
    CrawlRefuses {
        profile: String,
        state: CrawlState,
        action: CrawlAction,
    },
    /// The profile named `profile` has never been crawled: nothing to export.
    NeverCrawled { profile: String },
    /// The rows picked to copy are already the same on both sides.
    NothingToCopy,
    /// A bulk run in `state` does not take `action`.
    RunRefuses { state: RunState, action: RunAction },
    /// A bulk run's share of the write rate cannot change in `state`: it is running (pause it
    /// first) or over (nothing left to send).
    RateShareRefused { state: RunState },
    /// A refusal not typed (a bulk item's, logged to the audit log), in English as written.
    Said { message: String },
}

impl fmt::Display for StateChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateChange::NoLongerEnabled { item, target } => write!(
                f,
                "{item} is no longer enabled for {target}; reload to see the current state"
            ),
            StateChange::ChangedSince { item, target } => write!(
                f,
                "{item} of {target} was changed by someone else since; Lanyard did not touch it. Reload to see its current options"
            ),
            StateChange::EnabledWithOtherOptions {
                item,
                target,
                found,
            } => write!(
                f,
                "{item} is already enabled for {target}, with other options ({found}); Lanyard changed nothing. Reload the organization and edit the connection instead"
            ),
            StateChange::CrawlRefuses {
                profile,
                state,
                action,
            } => {
                let state = state.words().to_lowercase();
                let action = match action {
                    CrawlAction::Start => "started",
                    CrawlAction::Resume => "resumed",
                    CrawlAction::Cancel => "cancelled",
                };
                write!(
                    f,
                    "The crawl of \u{201c}{profile}\u{201d} is {state}: it cannot be {action} now"
                )
            }
            StateChange::NeverCrawled { profile } => write!(
                f,
                "{profile} has never been crawled, so there is nothing to export. Crawl it from the Inventory page first"
            ),
            StateChange::NothingToCopy => f.write_str(
                "The selected rows are already the same on both sides: nothing to copy",
            ),
            StateChange::RunRefuses { state, action } => {
                let what = match action {
                    RunAction::Start => "started",
                    RunAction::Pause => "paused",
                    RunAction::Resume => "resumed",
                    RunAction::Cancel => "cancelled",
                    RunAction::RetryFailed => "retried",
                    RunAction::Discard => "discarded",
                    RunAction::Undo => "undone",
                };
                let instead = match run_refusal_instead(*state, *action) {
                    Some(RunInstead::PauseOrWaitThenRetry) => {
                        "; pause it first, or wait until it ends, then retry the failed items"
                    }
                    Some(RunInstead::ResumeFirst) => "; resume it first",
                    Some(RunInstead::StartFirst) => "; start it first",
                    Some(RunInstead::CancelOrFinishFirst) => "; cancel it, or let it finish, first",
                    None => "",
                };
                write!(
                    f,
                    "This run is {} and cannot be {what}{instead}",
                    state.words()
                )
            }
            StateChange::RateShareRefused {
                state: RunState::Running,
            } => f.write_str(
                "This run is running: pause it, then change its share of the write rate; the new share is used when it resumes",
            ),
            StateChange::RateShareRefused { state } => write!(
                f,
                "This run is {}: there is nothing left to send at another rate",
                state.words()
            ),
            StateChange::Said { message } => f.write_str(message),
        }
    }
}

/// What to do instead of an action a bulk run refuses, when there is something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunInstead {
    PauseOrWaitThenRetry,
    ResumeFirst,
    StartFirst,
    CancelOrFinishFirst,
}

/// The one rule for what a refused run action's message suggests instead.
pub fn run_refusal_instead(state: RunState, action: RunAction) -> Option<RunInstead> {
    match (action, state) {
        (RunAction::RetryFailed, RunState::Running) => Some(RunInstead::PauseOrWaitThenRetry),
        (RunAction::RetryFailed, RunState::Interrupted) => Some(RunInstead::ResumeFirst),
        (RunAction::RetryFailed, RunState::Ready) => Some(RunInstead::StartFirst),
        (RunAction::Undo, _) => Some(RunInstead::CancelOrFinishFirst),
        _ => None,
    }
}
