//! Where a run and each of its items stand, what the user may ask of a run in each state, and
//! the views of runs the UI shows.

use serde::{Deserialize, Serialize};

use crate::run_state::{RunAction, RunState};
use crate::state::TargetState;

/// Where one item of a run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Not sent yet.
    Pending,
    /// Already in the planned state when planned: nothing to send.
    Skipped,
    /// Written to the journal as about to be sent; if the run stops here, the outcome is read
    /// back before anything else happens to this item.
    Sending,
    /// Applied, and the server said so (or a read-back confirmed it).
    Done,
    /// The server refused it, or the target could not be read; nothing was changed.
    Failed,
    /// Sent, and neither the reply nor a read-back could tell whether it took effect.
    Unknown,
    /// Never sent: the run was cancelled first. Retrying the failed items leaves it alone.
    NotSent,
}

impl ItemStatus {
    /// Finished for this run: nothing more will be sent for it unless retried.
    pub fn is_settled(self) -> bool {
        matches!(self, ItemStatus::Skipped | ItemStatus::Done)
    }

    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Pending => "Waiting",
            ItemStatus::Skipped => "No change needed",
            ItemStatus::Sending => "Sending",
            ItemStatus::Done => "Done",
            ItemStatus::Failed => "Failed",
            ItemStatus::Unknown => "Outcome unknown",
            ItemStatus::NotSent => "Not sent (cancelled)",
        }
    }
}

/// One row of the run table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    pub index: usize,
    pub target_id: String,
    pub target_name: String,
    /// The target's state when planned, and as planned; `None` until it has been read.
    #[serde(default)]
    pub current: Option<TargetState>,
    #[serde(default)]
    pub planned: Option<TargetState>,
    pub status: ItemStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<super::ItemNote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// Confirmed by reading the target back rather than by the write's own reply.
    #[serde(default)]
    pub read_back: bool,
    /// The preview's warnings for this target (see [`crate::Warning`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::Warning>,
}

/// Counts of a run's items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub total: usize,
    pub pending: usize,
    pub skipped: usize,
    pub done: usize,
    pub failed: usize,
    pub unknown: usize,
    /// Never sent because the run was cancelled.
    #[serde(default)]
    pub not_sent: usize,
}

impl Counts {
    pub fn of(statuses: impl IntoIterator<Item = ItemStatus>) -> Self {
        let mut c = Counts::default();
        for s in statuses {
            c.total += 1;
            match s {
                ItemStatus::Pending | ItemStatus::Sending => c.pending += 1,
                ItemStatus::Skipped => c.skipped += 1,
                ItemStatus::Done => c.done += 1,
                ItemStatus::Failed => c.failed += 1,
                ItemStatus::Unknown => c.unknown += 1,
                ItemStatus::NotSent => c.not_sent += 1,
            }
        }
        c
    }

    /// Items that need a write, of those not skipped: done + failed + unknown + pending +
    /// not sent.
    pub fn to_write(&self) -> usize {
        self.total.saturating_sub(self.skipped)
    }

    /// Items a retry sends again: failed, or sent with an outcome not known.
    pub fn retryable(&self) -> usize {
        self.failed + self.unknown
    }

    /// Items tried so far (done, failed or unknown).
    pub fn tried(&self) -> usize {
        self.done + self.failed + self.unknown
    }
}

/// A run as the UI shows it: its state, progress and table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunView {
    pub id: String,
    pub profile_id: String,
    pub profile_name: String,
    pub summary: super::RunTitle,
    /// Set when this run undoes another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undo_of: Option<String>,
    pub created: String,
    pub state: RunState,
    /// Why the run is paused or stopped, when the runner paused it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<super::RunNote>,
    pub counts: Counts,
    /// Targets read so far while planning.
    pub planned: usize,
    /// Writes per minute over the last writes of this session.
    pub rate_per_minute: Option<f64>,
    pub eta_seconds: Option<u64>,
    pub destructive: bool,
    /// Set while the run needs the typed confirmation (a production profile, a destructive
    /// run, not confirmed yet): type this to start, resume or retry it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm_with: Option<String>,
    /// Whether items applied by this run can be undone (a run of reversals is offered).
    pub undoable: usize,
    /// Set when the plan was built from the inventory with no live read: the oldest row it
    /// used was read at this time (Unix milliseconds), shown as "planned from the inventory as
    /// of 14:02".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_from_inventory_ms: Option<i64>,
    /// The run's share of the write rate (shown in its header; changed with `bulk_rate_share`
    /// while the run is not running). A run from before shares uses the full rate.
    #[serde(default)]
    pub rate_share: super::RateShare,
    /// How many items the page's filter keeps.
    pub matching: usize,
    /// How many items have a warning about sign-in (the "with warnings" choice).
    pub warned: usize,
    /// The rows asked for: up to the page's limit of the `matching` items, from `offset`.
    pub offset: usize,
    pub items: Vec<ItemView>,
    /// Asked for with the page: the items' warnings for the plan's summary, each list once
    /// with the number of items that have it (those with none left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Vec<WarningGroup>>,
}

/// Items of a run that have the same warnings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WarningGroup {
    pub warnings: Vec<crate::Warning>,
    pub items: usize,
}

impl RunView {
    /// Whether the run offers `action` now: its state allows it and there is something to do.
    pub fn offers(&self, action: RunAction) -> bool {
        self.state.allows(action)
            && match action {
                RunAction::Start => self.counts.pending > 0,
                RunAction::RetryFailed => self.counts.retryable() > 0,
                RunAction::Undo => self.undoable > 0,
                _ => true,
            }
    }

    /// Whether `action` sends changes, and so needs the typed confirmation when one is asked.
    pub fn sends(action: RunAction) -> bool {
        matches!(
            action,
            RunAction::Start | RunAction::Resume | RunAction::RetryFailed
        )
    }
}

/// A run in the list of runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunSummary {
    pub id: String,
    pub profile_name: String,
    pub summary: super::RunTitle,
    pub created: String,
    pub state: RunState,
    pub counts: Counts,
}

/// A journal file in the runs folder that could not be read as a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadableRun {
    /// The file's name in the runs folder.
    pub file: String,
    pub reason: super::JournalProblem,
}

/// The runs on disk, newest first, and the files that could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunList {
    pub runs: Vec<RunSummary>,
    #[serde(default)]
    pub unreadable: Vec<UnreadableRun>,
    /// The folder the journals are in, to name in messages.
    #[serde(default)]
    pub folder: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_and_sending_counts_as_not_yet_done() {
        let c = Counts::of([
            ItemStatus::Pending,
            ItemStatus::Sending,
            ItemStatus::Skipped,
            ItemStatus::Done,
            ItemStatus::Failed,
            ItemStatus::Unknown,
        ]);
        assert_eq!(c.total, 6);
        assert_eq!(c.pending, 2);
        assert_eq!(c.to_write(), 5);
        assert_eq!(c.tried(), 3);
    }

    #[test]
    fn not_sent_items_are_counted_apart_and_not_retried() {
        let c = Counts::of([ItemStatus::NotSent, ItemStatus::Failed, ItemStatus::Done]);
        assert_eq!((c.not_sent, c.pending, c.retryable()), (1, 0, 1));
        assert_eq!(c.to_write(), 3);
    }
}
