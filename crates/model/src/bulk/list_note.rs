//! How a pasted list was resolved when the inventory did not hold every entry, typed (the UI
//! words it; `Display` is the English). Answered with the list, never stored.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lookup::PickerKind;

/// What was read on the server to resolve a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum ListNote {
    /// The few Auth0 organizations the inventory lacked, looked up one by one.
    LookedUp { missing: usize, found: usize },
    /// The kind's whole listing was read live: why, and how many targets it holds.
    ReadLive { why: ListLiveReason, read: usize },
}

/// Why a list's kind was listed live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum ListLiveReason {
    /// ZITADEL identity providers: a link sends the IdP's owner type, which the inventory lacks.
    IdpOwnerType,
    /// The inventory holds none of this kind for the profile.
    NoneHeld { kind: PickerKind },
    /// Entries the inventory does not hold.
    NotHeld { entries: usize },
}

fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

impl fmt::Display for ListNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListNote::LookedUp { missing, found } => write!(
                f,
                "{} not in the inventory, looked up on the server by id or name: {found} found. A display name is found only in the inventory; crawl it, or list names or ids.",
                counted(*missing, "entry was", "entries were")
            ),
            ListNote::ReadLive { why, read } => {
                match why {
                    ListLiveReason::IdpOwnerType => f.write_str(
                        "ZITADEL identity providers are read live (a link sends the IdP's owner type, which the inventory does not hold)",
                    )?,
                    ListLiveReason::NoneHeld { kind } => write!(
                        f,
                        "The inventory holds no {} for this profile",
                        kind.plural()
                    )?,
                    ListLiveReason::NotHeld { entries } => write!(
                        f,
                        "{} not in the inventory",
                        counted(*entries, "entry was", "entries were")
                    )?,
                }
                write!(
                    f,
                    ": {} read live to resolve the list.",
                    counted(*read, "target was", "targets were")
                )
            }
        }
    }
}
