//! Where a bulk run stands and what the user may ask of it in each state: the one rule for the
//! runner, the buttons and the refusals (a leaf, so errors and views alike can name a run's
//! state).

use serde::{Deserialize, Serialize};

/// Where a run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunState {
    /// Reading each target's current state.
    Planning,
    /// Planned; waiting for the user to start it.
    Ready,
    Running,
    /// Paused by the user, or by the runner when the connection was lost.
    Paused,
    /// Stopped by the user; the items not sent stay as they are.
    Cancelled,
    /// Every item was tried.
    Finished,
    /// Lanyard stopped while the run was going (killed, crashed, shut down): offered for resume.
    Interrupted,
}

impl RunState {
    /// A run that can be resumed or started.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            RunState::Ready | RunState::Paused | RunState::Interrupted | RunState::Running
        )
    }

    /// Every item was tried, or the run was stopped for good: nothing more is sent for it.
    pub fn is_over(self) -> bool {
        matches!(self, RunState::Finished | RunState::Cancelled)
    }

    /// Whether a run in this state takes `action`. The one rule for the runner and the buttons.
    pub fn allows(self, action: RunAction) -> bool {
        match action {
            // What a run applied is undone once it is over, so that the reversals are planned
            // from every item's last outcome.
            RunAction::Undo => self.is_over(),
            RunAction::Start => self == RunState::Ready,
            RunAction::Pause => self == RunState::Running,
            RunAction::Resume => matches!(self, RunState::Paused | RunState::Interrupted),
            // Failed items are retried once the run stopped; a running run is paused first.
            RunAction::RetryFailed => matches!(
                self,
                RunState::Paused | RunState::Finished | RunState::Cancelled
            ),
            RunAction::Cancel | RunAction::Discard => matches!(
                self,
                RunState::Planning
                    | RunState::Ready
                    | RunState::Running
                    | RunState::Paused
                    | RunState::Interrupted
            ),
        }
    }

    /// Every state, for the tests that word or check each one.
    pub const ALL: [RunState; 7] = [
        RunState::Planning,
        RunState::Ready,
        RunState::Running,
        RunState::Paused,
        RunState::Cancelled,
        RunState::Finished,
        RunState::Interrupted,
    ];

    /// In words, for messages: "This run is {words}".
    pub fn words(self) -> &'static str {
        match self {
            RunState::Planning => "still being planned",
            RunState::Ready => "ready and not started",
            RunState::Running => "running",
            RunState::Paused => "paused",
            RunState::Cancelled => "cancelled",
            RunState::Finished => "finished",
            RunState::Interrupted => "interrupted",
        }
    }
}

/// What the user asks a run to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunAction {
    Start,
    Pause,
    Resume,
    Cancel,
    /// Put failed and unknown items back in the queue and run them again.
    RetryFailed,
    /// Forget an unfinished run (its journal is kept as finished history).
    Discard,
    /// Plan a new run of the reversals of what this run applied.
    Undo,
}

impl RunAction {
    /// Every action, for the tests that word each refusal.
    pub const ALL: [RunAction; 7] = [
        RunAction::Start,
        RunAction::Pause,
        RunAction::Resume,
        RunAction::Cancel,
        RunAction::RetryFailed,
        RunAction::Discard,
        RunAction::Undo,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_is_offered_only_once_a_run_has_stopped() {
        let stopped = [RunState::Paused, RunState::Finished, RunState::Cancelled];
        for state in RunState::ALL {
            assert_eq!(
                state.allows(RunAction::RetryFailed),
                stopped.contains(&state),
                "{state:?}"
            );
        }
        assert!(RunState::Ready.allows(RunAction::Start));
        assert!(!RunState::Paused.allows(RunAction::Start));
        assert!(RunState::Interrupted.allows(RunAction::Resume));
        assert!(!RunState::Finished.allows(RunAction::Cancel));
        assert!(RunState::Cancelled.allows(RunAction::Undo));
        assert!(!RunState::Paused.allows(RunAction::Undo));
    }
}
