//! The commands' arguments. Unknown fields are refused, typed ids are checked as they are read,
//! and [`Arguments::check`] runs the model's rules that need no state.

use serde::{Deserialize, Serialize};

use super::Arguments;
use crate::Change;
use crate::audit::ExportFormat;
use crate::bulk::list::ListInput;
use crate::bulk::{BulkOp, BulkTarget, RateShare, RunAction};
use crate::ids::{AuthModuleId, OrganizationId};
use crate::inventory::{
    CrawlAction, INVENTORY_PAGE_MAX, InventoryQuestion, PickerKind, PlanSource,
};
use crate::profile::ProfileDraft;
use crate::validation::FieldErrors;
use crate::zitadel::PolicyScope;

/// A command that takes nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoArgs {}

impl Arguments for NoArgs {}

/// A command about one profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileArgs {
    pub profile_id: String,
}

impl Arguments for ProfileArgs {}

/// A search on one profile's tenant; an empty text asks for everything the search offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchArgs {
    pub profile_id: String,
    pub text: String,
}

impl Arguments for SearchArgs {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileAddArgs {
    pub draft: ProfileDraft,
}

impl Arguments for ProfileAddArgs {
    fn check(&self) -> FieldErrors {
        self.draft.validate(true)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileEditArgs {
    pub profile_id: String,
    pub draft: ProfileDraft,
}

impl Arguments for ProfileEditArgs {
    /// The form's own rules; those that compare with the saved profile run in the core.
    fn check(&self) -> FieldErrors {
        self.draft.validate(false)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HideSandboxArgs {
    pub hide: bool,
}

impl Arguments for HideSandboxArgs {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgConnectionsArgs {
    pub profile_id: String,
    pub organization_id: OrganizationId,
}

impl Arguments for OrgConnectionsArgs {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyArgs {
    pub profile_id: String,
    pub scope: PolicyScope,
}

impl Arguments for PolicyArgs {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AutoJoinGroupsArgs {
    pub profile_id: String,
    pub module_id: AuthModuleId,
}

impl Arguments for AutoJoinGroupsArgs {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangePreviewArgs {
    pub profile_id: String,
    pub change: Change,
}

impl Arguments for ChangePreviewArgs {
    fn check(&self) -> FieldErrors {
        self.change.validate()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeApplyArgs {
    pub profile_id: String,
    pub change: Change,
    /// The tenant's host name, typed to confirm a change that takes something away on a
    /// production profile.
    #[serde(default)]
    pub confirm: Option<String>,
}

impl Arguments for ChangeApplyArgs {
    fn check(&self) -> FieldErrors {
        self.change.validate()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkPlanArgs {
    pub profile_id: String,
    pub op: BulkOp,
    pub targets: Vec<BulkTarget>,
    /// From the inventory when it is fresh enough (the default), or each target read live.
    #[serde(default)]
    pub source: PlanSource,
}

impl Arguments for BulkPlanArgs {
    /// The op's rules and each target's change (how many targets is the core's rule, after it
    /// drops repeated ones), and the inventory age limit.
    fn check(&self) -> FieldErrors {
        let mut errors = self.op.check_targets(&self.targets);
        if let PlanSource::Inventory { max_age_minutes } = self.source
            && !(1..=PlanSource::MAX_AGE_MINUTES).contains(&max_age_minutes)
        {
            errors.add(
                "max_age_minutes",
                format!(
                    "Use the inventory when its rows are between 1 and {} minutes old (a week)",
                    PlanSource::MAX_AGE_MINUTES
                ),
            );
        }
        errors
    }
}

/// Targets from a pasted list or a CSV file's column, resolved on a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkTargetsFromListArgs {
    pub profile_id: String,
    /// What the entries name: organizations, IdPs, auth modules… of the profile's product.
    pub kind: PickerKind,
    pub input: ListInput,
}

impl Arguments for BulkTargetsFromListArgs {
    /// The list must read (size, entries, CSV quoting, the column).
    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if let Err(err) = self.input.parse() {
            errors.add("list", err.to_string());
        }
        errors
    }
}

/// A run's share of the write rate, changed while it is not running.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkRateShareArgs {
    pub run_id: String,
    /// 1–100 (percent); a number outside is refused as the arguments are read.
    pub share: RateShare,
}

impl Arguments for BulkRateShareArgs {}

/// A command about one bulk run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunArgs {
    pub run_id: String,
}

impl Arguments for RunArgs {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkControlArgs {
    pub run_id: String,
    pub action: RunAction,
    /// The tenant's host name, for an action that sends removals on a production profile.
    #[serde(default)]
    pub confirm: Option<String>,
}

impl Arguments for BulkControlArgs {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityExportArgs {
    pub format: ExportFormat,
}

impl Arguments for ActivityExportArgs {}

/// A download the window started, by the Blob URL it made for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DownloadResultArgs {
    pub url: String,
}

impl Arguments for DownloadResultArgs {
    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if !self.url.starts_with("blob:") || self.url.len() > crate::download::MAX_URL_LEN {
            errors.add("url", "must be a Blob URL the window made");
        }
        errors
    }
}

/// Start, resume or cancel a profile's crawl.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrawlArgs {
    pub profile_id: String,
    pub action: CrawlAction,
}

impl Arguments for CrawlArgs {}

/// A question for a profile's inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InventoryAskArgs {
    pub profile_id: String,
    pub question: InventoryQuestion,
    /// The answer's rows from this one on (0 for the first).
    pub offset: u64,
    /// At most this many rows (1 to [`INVENTORY_PAGE_MAX`]).
    pub limit: u32,
}

impl Arguments for InventoryAskArgs {
    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if !(1..=INVENTORY_PAGE_MAX).contains(&self.limit) {
            errors.add("limit", format!("must be from 1 to {INVENTORY_PAGE_MAX}"));
        }
        errors
    }
}

/// A question's answer as CSV or JSON text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InventoryExportArgs {
    pub profile_id: String,
    pub question: InventoryQuestion,
    pub format: ExportFormat,
}

impl Arguments for InventoryExportArgs {}

/// A picker's search in the inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PickerSearchArgs {
    pub profile_id: String,
    pub kind: PickerKind,
    pub text: String,
    /// At most this many items (1 to 500).
    pub limit: u32,
}

impl Arguments for PickerSearchArgs {
    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if !(1..=500).contains(&self.limit) {
            errors.add("limit", "Ask for between 1 and 500 items");
        }
        errors
    }
}

/// "Make like": the profile, the source and the targets (see [`crate::compare::MakeLike`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MakeLikeArgs {
    pub profile_id: String,
    pub request: crate::compare::MakeLike,
}

impl Arguments for MakeLikeArgs {
    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        let n = self.request.targets.len();
        if n == 0 || n > crate::bulk::MAX_TARGETS {
            errors.add(
                "targets",
                crate::FieldProblem::TargetCount {
                    max: crate::bulk::MAX_TARGETS,
                },
            );
        }
        errors
    }
}

/// A compare: the left side (a profile, or a snapshot file's text), the right-hand profile,
/// and targets whose name contains this (blank: all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareArgs {
    pub left: crate::compare::CompareLeft,
    pub right_profile_id: String,
    #[serde(default)]
    pub name_contains: Option<String>,
}

impl Arguments for CompareArgs {
    fn check(&self) -> FieldErrors {
        check_left(&self.left)
    }
}

/// "Copy to the right": the compare again, and the rows picked in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareCopyArgs {
    pub left: crate::compare::CompareLeft,
    pub right_profile_id: String,
    #[serde(default)]
    pub name_contains: Option<String>,
    pub rows: Vec<crate::compare::RowKey>,
}

impl Arguments for CompareCopyArgs {
    fn check(&self) -> FieldErrors {
        let mut errors = check_left(&self.left);
        if self.rows.is_empty() || self.rows.len() > crate::bulk::MAX_TARGETS {
            errors.add(
                "rows",
                format!(
                    "Pick between 1 and {} differences to copy",
                    crate::bulk::MAX_TARGETS
                ),
            );
        }
        errors
    }
}

fn check_left(left: &crate::compare::CompareLeft) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if let crate::compare::CompareLeft::File { text, .. } = left
        && text.len() > crate::compare::MAX_SNAPSHOT_BYTES
    {
        errors.add(
            "snapshot",
            "The file is too large; export a part of the profile (a name filter)",
        );
    }
    errors
}

/// A profile's wiring as a snapshot file: all of it, or targets whose name contains this.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotExportArgs {
    pub profile_id: String,
    #[serde(default)]
    pub name_contains: Option<String>,
}

impl Arguments for SnapshotExportArgs {}
