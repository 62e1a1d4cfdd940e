//! What is wrong with Lanyard's setup or its files, typed: the UI words each in the user's
//! language; `Display` is the English sentence. `detail` and `reason` are the system's or a
//! parser's own words, shown as they said them.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{JournalProblem, SandboxStart};
use crate::crawl::CrawlStep;
use crate::inventory_problem::InventoryProblem;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ConfigProblem {
    /// `url` is not https (plain http is sent only to this computer).
    InsecureAddress {
        url: String,
    },
    /// `url` is not a usable address.
    BadAddress {
        url: String,
        reason: String,
    },
    /// The secret of the profile named `profile` is not in the system keychain.
    SecretMissing {
        profile: String,
    },
    SettingsUnreadable {
        path: String,
        detail: String,
    },
    SettingsUnwritable {
        path: String,
        detail: String,
    },
    AuditLogUnreadable {
        path: String,
        detail: String,
    },
    AuditLogUnwritable {
        path: String,
        detail: String,
    },
    /// The command `routed_as` reads the arguments of `reads`: this build is broken.
    BrokenBuild {
        routed_as: String,
        reads: String,
    },
    /// The window could not reach its command `command` (`detail`: the webview's words).
    WindowUnreachable {
        command: String,
        detail: String,
    },
    /// The inventory database is not open (see the Inventory page).
    InventoryNotOpen,
    /// The inventory database could not be read (`detail`: its own words).
    InventoryUnreadable {
        detail: String,
    },
    /// The inventory is not open, so it cannot answer (`reason`: why, as the inventory said it,
    /// when it said).
    InventoryClosed {
        reason: Option<InventoryProblem>,
    },
    /// The inventory is not open, so a crawl has nowhere to keep what it reads (`reason` as
    /// above).
    InventoryClosedForCrawl {
        reason: Option<InventoryProblem>,
    },
    /// The inventory could not be written at `step` (`detail`: the database's words).
    InventoryUnwritable {
        step: CrawlStep,
        detail: String,
    },
    /// A read of the inventory stopped before it answered (`detail`: the runtime's words).
    InventoryReadStopped {
        detail: String,
    },
    /// The inventory holds an id `id` no server could have sent (`detail`: the parser's words).
    InventoryBadId {
        id: String,
        detail: String,
    },
    /// A crawl was asked without the profile's client to read with.
    CrawlWithoutClient,
    /// A crawl was asked outside Lanyard's async runtime.
    CrawlOutsideRuntime,
    /// The profile's client is not of the profile's product.
    ClientOfOtherProduct,
    /// A crawl was asked to read a target of a kind (`kind`) its profile has none of.
    CrawlKindUnread {
        kind: String,
    },
    /// No bulk run has the id `run` (no journal by that name).
    RunNotFound {
        run: String,
    },
    /// The journal of bulk run `run` cannot be read: why.
    RunUnreadable {
        run: String,
        reason: JournalProblem,
    },
    /// The journal of bulk run `run` could not be written in `folder` (`detail`: the system's).
    RunJournalUnwritable {
        run: String,
        folder: String,
        detail: String,
    },
    /// The inventory holds a time `ms` (Unix milliseconds) no clock could have given.
    InventoryBadTime {
        ms: i64,
    },
    /// An export (an inventory answer's or the audit log's JSON) could not be written
    /// (`detail`: the writer's words).
    ExportUnwritten {
        detail: String,
    },
    /// Lanyard's `work` stopped before it ended (`detail`: the runtime's words).
    WorkStopped {
        work: Work,
        detail: String,
    },
    /// The built-in sandbox could not start.
    SandboxNotStarted {
        cause: SandboxStart,
    },
    /// A read of the audit log for one filter stopped because another filter was asked for.
    ActivityFilterSuperseded,
    /// The settings could not be turned into their file's JSON.
    SettingsUnencodable {
        detail: String,
    },
}

/// Work Lanyard does on its own, which [`ConfigProblem::WorkStopped`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Work {
    /// Reading a snapshot file to compare it.
    SnapshotRead,
    /// Comparing two sides.
    Compare,
    /// Writing a profile's snapshot.
    SnapshotExport,
}

impl Work {
    pub const ALL: [Work; 3] = [Work::SnapshotRead, Work::Compare, Work::SnapshotExport];
}

const CHECK_FOLDER: &str = "check the folder's permissions and free space";

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InsecureAddress { url } => write!(
                f,
                "{url} is not an https address; Lanyard sends tokens only over https (plain http only to this computer)"
            ),
            Self::BadAddress { url, reason } => {
                write!(f, "{url} is not a usable address: {reason}")
            }
            Self::InventoryNotOpen => {
                f.write_str("The inventory is not open; see the Inventory page")
            }
            Self::InventoryUnreadable { detail } => {
                write!(f, "The inventory could not be read: {detail}")
            }
            Self::InventoryClosed { reason } => write!(
                f,
                "The inventory is not open ({}), so it cannot answer; Lanyard still works without it",
                reason
                    .as_ref()
                    .map_or_else(|| "it was not opened".to_owned(), ToString::to_string)
            ),
            Self::InventoryClosedForCrawl { reason } => {
                f.write_str(
                    "The inventory is not open, so there is nowhere to keep what a crawl reads",
                )?;
                match reason {
                    Some(reason) => write!(f, ": {reason}"),
                    None => Ok(()),
                }
            }
            Self::InventoryUnwritable { step, detail } => {
                write!(f, "The inventory could not {}: {detail}", step.words())
            }
            Self::InventoryReadStopped { detail } => {
                write!(f, "The inventory's read stopped: {detail}")
            }
            Self::InventoryBadId { id, detail } => write!(
                f,
                "The inventory holds an id Lanyard cannot use ({id}: {detail}); start the crawl again"
            ),
            Self::CrawlWithoutClient => {
                f.write_str("A crawl needs the profile's client to read with")
            }
            Self::CrawlOutsideRuntime => {
                f.write_str("A crawl can only start inside Lanyard's async runtime")
            }
            Self::ClientOfOtherProduct => {
                f.write_str("This profile's client is not of its product; edit the profile")
            }
            Self::CrawlKindUnread { kind } => write!(
                f,
                "A crawl of this profile does not read targets of kind {kind}"
            ),
            Self::RunNotFound { run } => write!(f, "No bulk run with id {run} was found"),
            Self::RunUnreadable { run, reason } => write!(
                f,
                "Bulk run {run} cannot be opened: {reason}. It is listed on the Bulk changes page with this reason"
            ),
            Self::RunJournalUnwritable {
                run,
                folder,
                detail,
            } => write!(
                f,
                "The journal of bulk run {run} could not be written in {folder}: {detail}. Free some disk space or fix the folder's permissions"
            ),
            Self::SecretMissing { profile } => write!(
                f,
                "the secret of profile \u{201c}{profile}\u{201d} is missing from the system keychain; edit the profile and paste it again"
            ),
            Self::SettingsUnreadable { path, detail } => {
                write!(f, "{path} could not be read: {detail}")
            }
            Self::SettingsUnwritable { path, detail } => {
                write!(f, "{path} could not be written: {detail}; {CHECK_FOLDER}")
            }
            Self::AuditLogUnreadable { path, detail } => {
                write!(f, "the audit log {path} could not be read: {detail}")
            }
            Self::AuditLogUnwritable { path, detail } => write!(
                f,
                "the audit log {path} could not be written: {detail}; {CHECK_FOLDER}"
            ),
            Self::BrokenBuild { routed_as, reads } => write!(
                f,
                "Lanyard's command `{routed_as}` reads the arguments of `{reads}`; this build is broken, reinstall Lanyard"
            ),
            Self::WindowUnreachable { command, detail } => write!(
                f,
                "Lanyard's window could not reach its command `{command}`: {detail}. Restart Lanyard; if it persists, reinstall it."
            ),
            Self::InventoryBadTime { ms } => {
                write!(f, "The inventory holds a time Lanyard cannot read: {ms}")
            }
            Self::ExportUnwritten { detail } => {
                write!(f, "The export could not be written: {detail}")
            }
            Self::WorkStopped { work, detail } => {
                let work = match work {
                    Work::SnapshotRead => "The file could not be read",
                    Work::Compare => "The compare stopped",
                    Work::SnapshotExport => "The export stopped",
                };
                write!(f, "{work}: {detail}")
            }
            Self::SandboxNotStarted { cause } => {
                write!(f, "The built-in sandbox could not start: {cause}")
            }
            Self::ActivityFilterSuperseded => f.write_str(
                "the activity filter changed while the log was being read; the newest one is shown",
            ),
            Self::SettingsUnencodable { detail } => {
                write!(f, "the settings could not be encoded: {detail}")
            }
        }
    }
}
