//! Why Lanyard did not act: the target changed since it was planned, or the action does not fit
//! the state now. Typed, so the UI words it; `Display` is the English sentence.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::RowNotCopied;
use crate::change::Label;
use crate::crawl::{CrawlAction, CrawlState};
use crate::product::{Product, words};
use crate::run_state::{RunAction, RunState};
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
    /// Make like takes between 1 and `max` targets of `product` besides the source, `source`.
    LikeTargetCount {
        product: Product,
        max: usize,
        source: String,
    },
    /// The `targets` targets picked (the first named `first`) are already like `source`.
    AlreadyLike {
        product: Product,
        targets: usize,
        first: String,
        source: String,
    },
    /// A compare with the same profile on both sides.
    SameProfileBothSides,
    /// A compare of two products: the left side is `left`, the right, `right_name`, `right`.
    ProductsDiffer {
        left: Product,
        right: Product,
        right_name: String,
    },
    /// `profile` (of `product`) has never been crawled (its targets whose name contains
    /// `name_contains`, when set): nothing to compare.
    NeverCrawledToCompare {
        profile: String,
        product: Product,
        name_contains: Option<String>,
    },
    /// A bulk run in `state` does not take `action`.
    RunRefuses { state: RunState, action: RunAction },
    /// A bulk run's share of the write rate cannot change in `state`: it is running (pause it
    /// first) or over (nothing left to send).
    RateShareRefused { state: RunState },
    /// Undo of a run none of whose items Lanyard changed: nothing to reverse.
    NothingToUndo,
    /// Undo asked of a run's controls: the reversals are a run of their own ("Undo this run").
    UndoIsItsOwnRun,
    /// A run asked to send (start, resume, retry) without the profile it sends with.
    RunWithoutProfile,
    /// Retry of a run none of whose items failed.
    NothingToRetry,
    /// A copy planned nothing: the first of the rows it could not plan, and how many more.
    NotCopied {
        rows: Vec<RowNotCopied>,
        more: usize,
    },
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
            StateChange::LikeTargetCount {
                product,
                max,
                source,
            } => write!(
                f,
                "Pick between 1 and {max} {} to make like {source}, other than itself",
                words(*product).0
            ),
            StateChange::AlreadyLike {
                targets: 1,
                first,
                source,
                ..
            } => write!(f, "{first} is already like {source}: nothing to change"),
            StateChange::AlreadyLike {
                product,
                targets,
                source,
                ..
            } => write!(
                f,
                "The {targets} {} are already like {source}: nothing to change",
                words(*product).0
            ),
            StateChange::SameProfileBothSides => {
                f.write_str("Both sides are the same profile; pick another profile for one side")
            }
            StateChange::ProductsDiffer {
                left,
                right,
                right_name,
            } => write!(
                f,
                "The left side is {} and {right_name} is {}: compare two sides of the same product",
                left.label(),
                right.label()
            ),
            StateChange::NeverCrawledToCompare {
                profile,
                product,
                name_contains,
            } => {
                let (targets, items) = words(*product);
                write!(
                    f,
                    "{profile} has never been crawled: the inventory holds none of its {targets}' {items}"
                )?;
                if let Some(t) = name_contains {
                    write!(f, " whose name contains \u{201c}{t}\u{201d}")?;
                }
                f.write_str(". Crawl it from the Inventory page, then compare again")
            }
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
            StateChange::NothingToUndo => f.write_str(
                "Nothing in this run was changed by Lanyard, so there is nothing to undo",
            ),
            StateChange::UndoIsItsOwnRun => f.write_str(
                "Undoing a run plans a new run of its reversals; ask for it with Undo this run",
            ),
            StateChange::RunWithoutProfile => {
                f.write_str("The profile of this run is needed to send its changes")
            }
            StateChange::NothingToRetry => {
                f.write_str("No item of this run failed; there is nothing to retry")
            }
            StateChange::NotCopied { rows, more } => {
                f.write_str("Nothing was planned: ")?;
                for (i, row) in rows.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{row}")?;
                }
                if *more > 0 {
                    write!(f, "; and {more} more")?;
                }
                Ok(())
            }
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
