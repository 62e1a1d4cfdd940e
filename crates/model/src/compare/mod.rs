//! Compare and copy (issue 15): one target made like another in the same profile ("make like"),
//! two profiles of the same product compared by name, and snapshot files of a profile's wiring.
//!
//! Everything is planned from one shape, the [`Snapshot`]: a side of a compare (a profile read
//! from the inventory, or a file) is a snapshot, a target is a [`SnapshotTarget`] and what is
//! wired to it a [`SnapshotItem`]. The change that takes one item from what a target has to
//! what it should have is decided in one place ([`item_change`]), for make like and copy alike;
//! the changes become a bulk run whose items each hold a ready [`Change`](crate::Change).

mod diff;
mod plan;
mod side_note;
mod snapshot;

use serde::{Deserialize, Serialize};

use crate::product::Product;

pub use diff::{Catalog, Found, diff};
pub use plan::{PlannedChange, item_change, plan_like};
pub use side_note::SideNote;

/// Why a row cannot be copied: also a part of a copy's refusal (`StateChange::NotCopied`).
pub use crate::error::{NotCopyable, RowNotCopied};
pub use snapshot::{
    ConnectionOptions, MAX_SNAPSHOT_BYTES, SNAPSHOT_VERSION, Snapshot, SnapshotError, SnapshotItem,
    SnapshotProblem, SnapshotTarget,
};

/// The id of a ZITADEL instance's own login policy, as a target.
pub const INSTANCE_POLICY_ID: &str = "instance";

/// What targets are matched by between two tenants: the name, except the ZITADEL instance's
/// policy, which is the instance's on both sides whatever the name it is shown with.
pub fn match_key(target: &SnapshotTarget) -> String {
    if target.id == INSTANCE_POLICY_ID {
        "(instance)".to_owned()
    } else {
        target.name.clone()
    }
}

/// One row of a compare: an item (connection, IdP, group) of a target both sides have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// Wired on the left only: a copy enables (links, adds) it on the right.
    OnlyLeft,
    /// Wired on the right only: a copy removes (unlinks) it from the right.
    OnlyRight,
    Same,
    /// Wired on both with other options (Auth0): a copy changes the right's options.
    Different,
}

impl DiffKind {
    pub fn label(self) -> &'static str {
        match self {
            DiffKind::OnlyLeft => "Only on the left",
            DiffKind::OnlyRight => "Only on the right",
            DiffKind::Same => "Same",
            DiffKind::Different => "Different",
        }
    }
}

/// One row of the diff table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffRow {
    /// The target's name (how both sides are matched), and its id on the right.
    pub target: String,
    pub right_target_id: String,
    /// The item's name, and its id in the right-hand tenant when it has one of that name.
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right_item_id: Option<String>,
    pub kind: DiffKind,
    pub left: Option<SnapshotItem>,
    pub right: Option<SnapshotItem>,
    /// The options that differ (Auth0), by their field names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differs: Vec<String>,
    /// Set when "Copy to the right" cannot make this row: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_copyable: Option<NotCopyable>,
}

impl DiffRow {
    pub fn key(&self) -> RowKey {
        RowKey {
            target: self.target.clone(),
            item: self.item.clone(),
        }
    }
}

/// A row picked for "Copy to the right": the target's and the item's names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowKey {
    pub target: String,
    pub item: String,
}

/// How many rows of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffCounts {
    pub only_left: usize,
    pub only_right: usize,
    pub same: usize,
    pub different: usize,
}

impl DiffCounts {
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a DiffRow>) -> Self {
        let mut c = DiffCounts::default();
        for row in rows {
            match row.kind {
                DiffKind::OnlyLeft => c.only_left += 1,
                DiffKind::OnlyRight => c.only_right += 1,
                DiffKind::Same => c.same += 1,
                DiffKind::Different => c.different += 1,
            }
        }
        c
    }
}

/// One side of a compare, as the header shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideInfo {
    /// The profile's display name, or the file's name.
    pub label: String,
    /// The profile, when the side is one (a file has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    /// A production profile: a copy to it that removes anything asks for the typed name.
    #[serde(default)]
    pub production: bool,
    /// When the oldest target of this side was read (Unix milliseconds); for a file, unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oldest_read_ms: Option<i64>,
    /// Targets compared, and targets the inventory knows but has not read yet (left out).
    pub targets: usize,
    #[serde(default)]
    pub not_yet_read: usize,
    /// What to know about this side (targets not read yet, where a file was exported from).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<SideNote>,
}

/// Two sides of the same product compared by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub product: Product,
    pub left: SideInfo,
    pub right: SideInfo,
    /// One per item of each target both sides have, sorted by target then item.
    pub rows: Vec<DiffRow>,
    pub counts: DiffCounts,
    /// Target names on one side only (nothing is copied for them: Lanyard does not create
    /// organizations, policies or modules).
    pub only_left_targets: Vec<String>,
    pub only_right_targets: Vec<String>,
    /// Item names the left wires that the right-hand tenant has no (single) item of.
    pub unknown_on_right: Vec<String>,
}

/// The left side of a compare: a profile, or a snapshot file's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum CompareLeft {
    Profile {
        profile_id: String,
    },
    /// "Make production match this file": `name` is the file's name, for the header.
    File {
        name: String,
        text: String,
    },
}

/// One item of a run as its plan groups it: a run of make like or of a copy holds several
/// changes per target, so the table groups its rows by target and names each change. The
/// rows' statuses are the run's view's (`bulk_view`), by `index`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunItemLabel {
    pub index: usize,
    pub target_id: String,
    pub target_name: String,
    /// The connection, identity provider or group the change is about.
    pub item: crate::change::Label,
    /// What the change does ("Enable github for Acme"); `None` for an item without a change.
    pub change: Option<crate::change::ChangeSummary>,
    pub destructive: bool,
}

/// A run's items grouped by target, in the run's order (each target's items are together).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunGroup {
    pub target_id: String,
    pub target_name: String,
    pub items: Vec<RunItemLabel>,
}

/// "Make like": make each target's wiring equal to the source's (targets of the source's
/// product, in the same profile).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MakeLike {
    /// An Auth0 organization, a ZITADEL login policy (id `instance`, or the organization's id),
    /// a Hub auth module.
    pub source: crate::bulk::BulkTarget,
    pub targets: Vec<crate::bulk::BulkTarget>,
    /// Also remove (unlink) what the source does not have; off unless the user ticks it.
    #[serde(default)]
    pub remove_extra: bool,
    /// Where each side's wiring is read: the inventory when young enough (the default), else
    /// live.
    #[serde(default)]
    pub plan_source: crate::lookup::PlanSource,
}

/// The product's words for its targets and items, for messages.
pub use crate::product::words;

#[cfg(test)]
mod tests;
