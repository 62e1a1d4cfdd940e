//! Why Lanyard did not act: the target changed since it was planned, or the action does not fit
//! the state now. Typed, so the UI words it; `Display` is the English sentence.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::change::Label;
use crate::inventory::{CrawlAction, CrawlState};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum StateChange {
    /// `item` is no longer enabled for `target` (an undo or update found it gone).
    NoLongerEnabled { item: Label, target: Label },
    /// `item` of `target` was changed by someone else since it was planned.
    ChangedSince { item: Label, target: Label },
    /// The crawl of `profile` is `state`, which does not allow `action`.
    CrawlRefuses {
        profile: String,
        state: CrawlState,
        action: CrawlAction,
    },
    /// A refusal not typed yet (a bulk run's), in English as it was written.
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
            StateChange::Said { message } => f.write_str(message),
        }
    }
}
