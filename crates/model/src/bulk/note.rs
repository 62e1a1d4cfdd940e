//! What a run and each of its items say about themselves, typed (the UI words them in the
//! user's language; `Display` is the English, for logs, the CSV and the audit log). Notes
//! journaled before they were typed are plain strings and load as `Stored`, shown as written.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::change::Label;
use crate::error::CommandError;
use crate::ids::IdError;
use crate::product::{Product, words};
use crate::state::TargetState;
use crate::validation::FieldErrors;

/// Why a run stands as it does: paused, stopped, finished, or planned live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum RunNote {
    /// The run's journal or the audit log could not be written: nothing more is sent.
    Halted {
        cause: CommandError,
    },
    /// A run already stopped whose last change could not be journaled: its note before, and why.
    NotSaved {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        before: Option<Box<RunNote>>,
        cause: CommandError,
    },
    /// A target could not be read back (a retry, or an unclear send).
    Unreachable {
        error: CommandError,
    },
    /// The connection was lost while an item was being sent.
    ConnectionLost {
        error: CommandError,
    },
    /// The server's rate limit was met.
    RateLimited {
        error: CommandError,
    },
    /// A destructive run on a production profile waits for its host name to be typed.
    ConfirmProduction {
        expected: String,
    },
    Finished {
        done: usize,
        skipped: usize,
        failed: usize,
        unknown: usize,
        not_sent: usize,
    },
    Cancelled {
        not_sent: usize,
    },
    /// Lanyard stopped while the run was sending.
    StoppedWhileRunning,
    /// Lanyard stopped while the run's targets were being read.
    StoppedWhilePlanning,
    /// The plan read its targets live, not from the inventory: why.
    ReadLive {
        why: LiveReason,
    },
    /// A note journaled before notes were typed: shown as written.
    #[serde(untagged)]
    Stored(String),
}

/// Why a plan read its targets from the server rather than from the inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum LiveReason {
    /// The inventory could not be read (what the database said).
    InventoryUnreadable {
        detail: String,
    },
    InventoryNotOpen,
    /// Some targets are not in the inventory, or older than the plan's limit.
    Stale {
        stale: usize,
        targets: usize,
        minutes: u32,
    },
    /// The one login policy every target is linked to is not there, or too old.
    PolicyStale {
        policy_of: Label,
        minutes: u32,
    },
    NoRow,
    MissingWiring,
    /// Make like: targets (the source included) not there or older than the limit.
    LikeStale {
        product: Product,
        live: usize,
        targets: usize,
    },
}

/// What happened to one item, beyond its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum ItemNote {
    /// The item holds no change (its target's id was not valid).
    NothingToSend,
    ConfirmedByReadBack,
    AlreadyAsPlanned,
    /// The server said it was already so.
    AlreadySo,
    /// Someone else changed the target since it was planned; left alone.
    ChangedElsewhere {
        now: TargetState,
    },
    /// A retried item could not be planned again.
    NotPlannedAgain,
    /// The change breaks the model's rules: never sent.
    NotSent {
        problems: FieldErrors,
    },
    NotAppliedAfter {
        tries: u32,
    },
    CouldNotRead {
        error: CommandError,
    },
    NoInventoryState,
    BadId {
        error: IdError,
    },
    /// An update of a connection the organization does not have enabled.
    NotEnabled {
        connection: String,
    },
    /// The server refused the change.
    Refused {
        error: CommandError,
    },
    /// Cancelled while being sent: read back before a retry.
    CancelledWhileSending,
    /// A note journaled before notes were typed: shown as written.
    #[serde(untagged)]
    Stored(String),
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "1 minute", "60 minutes".
fn minutes(m: u32) -> String {
    plural(m as usize, "minute", "minutes")
}

impl fmt::Display for RunNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cut = |e: &CommandError| e.to_string().trim_end_matches('.').to_owned();
        match self {
            RunNote::Halted { cause } => write!(
                f,
                "Paused: {}. Nothing more is sent until the run's journal and the audit log can be written; Resume once that is fixed.",
                cut(cause)
            ),
            RunNote::NotSaved { before, cause } => {
                if let Some(before) = before {
                    write!(f, "{before} ")?;
                }
                write!(f, "Not saved to disk: {}.", cut(cause))
            }
            RunNote::Unreachable { error } => write!(
                f,
                "Paused: {}. Resume when it can be reached again; items whose outcome is not known are read back first.",
                cut(error)
            ),
            RunNote::ConnectionLost { error } => write!(
                f,
                "Paused: {}. Resume when the connection is back; the item that was being sent is read back first.",
                cut(error)
            ),
            RunNote::RateLimited { error } => write!(
                f,
                "Paused: {}. The tenant's limit is shared with other tools; resume in a minute.",
                cut(error)
            ),
            RunNote::ConfirmProduction { expected } => write!(
                f,
                "This production run removes or disables something: type {expected} to confirm it before anything is sent."
            ),
            RunNote::Finished {
                done,
                skipped,
                failed,
                unknown,
                not_sent,
            } => {
                write!(
                    f,
                    "Finished: {done} done, {skipped} needed no change, {failed} failed"
                )?;
                if *unknown > 0 {
                    write!(f, ", {unknown} with an unknown outcome")?;
                }
                if *not_sent > 0 {
                    write!(f, ", {not_sent} not sent (cancelled before)")?;
                }
                f.write_str(".")
            }
            RunNote::Cancelled { not_sent } => write!(
                f,
                "Cancelled with {} not sent.",
                plural(*not_sent, "item", "items")
            ),
            RunNote::StoppedWhileRunning => f.write_str(
                "Lanyard stopped while this run was going. Resume it: items whose outcome is not known are read back first, so nothing is applied twice.",
            ),
            RunNote::StoppedWhilePlanning => f.write_str(
                "Lanyard stopped while this run's targets were being read. Resume reads them again; then review the plan and start it.",
            ),
            RunNote::ReadLive { why } => write!(f, "Read live: {why}."),
            RunNote::Stored(text) => f.write_str(text),
        }
    }
}

impl fmt::Display for LiveReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LiveReason::InventoryUnreadable { detail } => {
                write!(f, "the inventory could not be read ({detail})")
            }
            LiveReason::InventoryNotOpen => {
                f.write_str("the inventory is not open, so each target was read from the server")
            }
            LiveReason::Stale {
                stale,
                targets,
                minutes: m,
            } => write!(
                f,
                "{stale} of {} {} not in the inventory or older than {}",
                plural(*targets, "target", "targets"),
                if *stale == 1 { "is" } else { "are" },
                minutes(*m)
            ),
            LiveReason::PolicyStale {
                policy_of,
                minutes: m,
            } => write!(
                f,
                "the login policy of {policy_of} is not in the inventory or older than {}",
                minutes(*m)
            ),
            LiveReason::NoRow => f.write_str("the inventory holds no row for these targets"),
            LiveReason::MissingWiring => {
                f.write_str("the inventory does not hold every target's wiring")
            }
            LiveReason::LikeStale {
                product,
                live,
                targets,
            } => write!(
                f,
                "{live} of {targets} {} (the source included) were not in the inventory or older than the limit",
                words(*product).0
            ),
        }
    }
}

impl fmt::Display for ItemNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemNote::NothingToSend => f.write_str("Nothing to send for this target"),
            ItemNote::ConfirmedByReadBack => {
                f.write_str("Confirmed by reading it back after an unclear reply")
            }
            ItemNote::AlreadyAsPlanned => f.write_str("Already as planned when checked"),
            ItemNote::AlreadySo => f.write_str("Was already so; nothing changed"),
            ItemNote::ChangedElsewhere { now } => write!(
                f,
                "Changed by someone else since it was planned (now {now}); Lanyard left it alone"
            ),
            ItemNote::NotPlannedAgain => f.write_str("Could not be planned again"),
            ItemNote::NotSent { problems } => write!(f, "Not sent: {}", problems.summary()),
            ItemNote::NotAppliedAfter { tries } => write!(
                f,
                "Not applied after {tries} tries; use Retry failed to try again"
            ),
            ItemNote::CouldNotRead { error } => {
                write!(f, "Could not read its current state: {error}")
            }
            ItemNote::NoInventoryState => {
                f.write_str("The inventory holds no state for this target")
            }
            ItemNote::BadId { error } => write!(f, "Not a valid id: {error}"),
            ItemNote::NotEnabled { connection } => write!(
                f,
                "{connection} is not enabled for this organization, so there is nothing to change; enable it first"
            ),
            ItemNote::Refused { error } => write!(f, "{error}"),
            ItemNote::CancelledWhileSending => f.write_str(
                "Cancelled before its outcome was known; Retry failed reads it back first",
            ),
            ItemNote::Stored(text) => f.write_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_string_notes_load_as_written_and_typed_ones_round_trip() {
        let text = "\"Paused: the network is down. Resume when the connection is back.\"";
        let old: RunNote = serde_json::from_str(text).unwrap();
        assert!(matches!(&old, RunNote::Stored(t) if t.starts_with("Paused: the network")));
        assert_eq!(serde_json::to_string(&old).unwrap(), text);
        let item: ItemNote = serde_json::from_str("\"Not sent: name: too long\"").unwrap();
        assert_eq!(item.to_string(), "Not sent: name: too long");

        let notes = [
            RunNote::NotSaved {
                before: Some(Box::new(RunNote::Cancelled { not_sent: 1 })),
                cause: CommandError::AlreadyExists {
                    message: "disk full".into(),
                },
            },
            RunNote::ReadLive {
                why: LiveReason::Stale {
                    stale: 1,
                    targets: 3,
                    minutes: 60,
                },
            },
        ];
        for note in notes {
            let json = serde_json::to_string(&note).unwrap();
            assert_eq!(serde_json::from_str::<RunNote>(&json).unwrap(), note);
        }
        let typed = ItemNote::ChangedElsewhere {
            now: TargetState::HubGroup { auto_join: true },
        };
        let json = serde_json::to_string(&typed).unwrap();
        assert_eq!(serde_json::from_str::<ItemNote>(&json).unwrap(), typed);
    }

    #[test]
    fn english_reads_as_the_old_sentences() {
        assert_eq!(
            RunNote::Cancelled { not_sent: 1 }.to_string(),
            "Cancelled with 1 item not sent."
        );
        assert_eq!(
            RunNote::ReadLive {
                why: LiveReason::Stale {
                    stale: 1,
                    targets: 3,
                    minutes: 1
                }
            }
            .to_string(),
            "Read live: 1 of 3 targets is not in the inventory or older than 1 minute."
        );
        assert_eq!(
            RunNote::Finished {
                done: 2,
                skipped: 1,
                failed: 0,
                unknown: 1,
                not_sent: 0
            }
            .to_string(),
            "Finished: 2 done, 1 needed no change, 0 failed, 1 with an unknown outcome."
        );
    }
}
