//! Why the inventory is not at hand, or why its last write failed, typed: the window words it in
//! the user's language (the Inventory page, the progress line, the refusals that name it).
//! `detail` and `cause` are SQLite's or the system's own words. `Display` is the English wording
//! (the inventory crate's errors say exactly this, and the logs).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::crawl::CrawlStep;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum InventoryProblem {
    /// The folder or file at `path` could not be created.
    CannotCreate { path: String, detail: String },
    /// The database at `path` could not be opened.
    CannotOpen { path: String, detail: String },
    /// The file at `path` is damaged or is not a Lanyard inventory.
    Damaged { path: String, cause: String },
    /// A newer Lanyard wrote it (schema `found`; this one knows up to `known`).
    TooNew { found: i64, known: i64 },
    /// It could not be upgraded to schema `version`.
    CannotUpgrade { version: i64, detail: String },
    /// It holds a value Lanyard cannot read.
    BadValue { detail: String },
    /// SQLite failed.
    Failed { detail: String },
    /// Lanyard's write `write` failed (`detail`: the failure as above, in English).
    Unwritten {
        write: InventoryWrite,
        detail: String,
    },
}

/// What Lanyard was writing to the inventory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InventoryWrite {
    /// A step of a crawl.
    Crawl(CrawlStep),
    /// Marking a crawl of an ended session interrupted.
    MarkInterrupted,
    RefreshOrganizationConnections,
    RefreshOrganizationConnection,
    RefreshPolicyIdps,
    RecordTargetName,
    RefreshModuleGroups,
    RecordChange,
    RecordMakeLikeRead,
    RecordListingNames,
}

impl InventoryWrite {
    /// Every write, for the tests that word each one.
    pub const ALL: [InventoryWrite; 15] = [
        InventoryWrite::Crawl(CrawlStep::SaveState),
        InventoryWrite::Crawl(CrawlStep::RecordInstance),
        InventoryWrite::Crawl(CrawlStep::RecordListed),
        InventoryWrite::Crawl(CrawlStep::ForgetUnlisted),
        InventoryWrite::Crawl(CrawlStep::ForgetGone),
        InventoryWrite::Crawl(CrawlStep::RecordRead),
        InventoryWrite::MarkInterrupted,
        InventoryWrite::RefreshOrganizationConnections,
        InventoryWrite::RefreshOrganizationConnection,
        InventoryWrite::RefreshPolicyIdps,
        InventoryWrite::RecordTargetName,
        InventoryWrite::RefreshModuleGroups,
        InventoryWrite::RecordChange,
        InventoryWrite::RecordMakeLikeRead,
        InventoryWrite::RecordListingNames,
    ];

    /// What it does, after "could not" (the log's words too).
    pub fn words(self) -> &'static str {
        match self {
            InventoryWrite::Crawl(step) => step.words(),
            InventoryWrite::MarkInterrupted => "mark an interrupted crawl",
            InventoryWrite::RefreshOrganizationConnections => {
                "refresh an organization's connections"
            }
            InventoryWrite::RefreshOrganizationConnection => "refresh an organization's connection",
            InventoryWrite::RefreshPolicyIdps => "refresh a login policy's identity providers",
            InventoryWrite::RecordTargetName => "record a target's name",
            InventoryWrite::RefreshModuleGroups => "refresh an auth module's groups",
            InventoryWrite::RecordChange => "record a change Lanyard made",
            InventoryWrite::RecordMakeLikeRead => "record what make like read",
            InventoryWrite::RecordListingNames => "record the names a listing read",
        }
    }
}

impl fmt::Display for InventoryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InventoryProblem::CannotCreate { path, detail } => {
                write!(f, "could not create the inventory file {path}: {detail}")
            }
            InventoryProblem::CannotOpen { path, detail } => {
                write!(f, "could not open the inventory database {path}: {detail}")
            }
            InventoryProblem::Damaged { path, cause } => write!(
                f,
                "the inventory file {path} is damaged or is not a Lanyard inventory ({cause}); move it away and Lanyard starts a new one"
            ),
            InventoryProblem::TooNew { found, known } => write!(
                f,
                "the inventory database was written by a newer Lanyard (schema version {found}; this version knows up to {known}); update Lanyard, or move the file away to start a new inventory"
            ),
            InventoryProblem::CannotUpgrade { version, detail } => write!(
                f,
                "could not upgrade the inventory database to schema version {version}: {detail}"
            ),
            InventoryProblem::BadValue { detail } => write!(
                f,
                "the inventory database holds a value Lanyard cannot read: {detail}"
            ),
            InventoryProblem::Failed { detail } => {
                write!(f, "the inventory database failed: {detail}")
            }
            InventoryProblem::Unwritten { write, detail } => {
                write!(f, "The inventory could not {}: {detail}", write.words())
            }
        }
    }
}
