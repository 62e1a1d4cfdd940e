//! Compare and copy (issue 15): make like, compare two sides, copy rows, snapshot files, targets
//! from a list and a run's share of the write rate.

use lanyard_model::CommandError;
use lanyard_model::bulk::list::{ListInput, ListResolution};
use lanyard_model::bulk::{RateShare, RunView};
use lanyard_model::compare::{CompareLeft, Comparison, MakeLike, RowKey, RunGroup};
use lanyard_model::inventory::PickerKind;
use lanyard_model::ipc;

use super::invoke;

/// Plans making each target like the source; the run's id.
pub async fn make_like_plan(profile_id: &str, request: &MakeLike) -> Result<String, CommandError> {
    let args = ipc::MakeLikeArgs {
        profile_id: profile_id.to_owned(),
        request: request.clone(),
    };
    invoke::<ipc::MakeLikePlan>(&args).await
}

/// A run's items grouped by target, each named.
pub async fn bulk_groups(run_id: &str) -> Result<Vec<RunGroup>, CommandError> {
    let args = ipc::RunArgs {
        run_id: run_id.to_owned(),
    };
    invoke::<ipc::BulkGroups>(&args).await
}

pub async fn compare_profiles(
    left: &CompareLeft,
    right_profile_id: &str,
    name_contains: Option<String>,
) -> Result<Comparison, CommandError> {
    let args = ipc::CompareArgs {
        left: left.clone(),
        right_profile_id: right_profile_id.to_owned(),
        name_contains,
    };
    invoke::<ipc::CompareProfiles>(&args).await
}

/// Plans copying `rows` to the right-hand profile; the run's id.
pub async fn compare_copy(
    left: &CompareLeft,
    right_profile_id: &str,
    name_contains: Option<String>,
    rows: Vec<RowKey>,
) -> Result<String, CommandError> {
    let args = ipc::CompareCopyArgs {
        left: left.clone(),
        right_profile_id: right_profile_id.to_owned(),
        name_contains,
        rows,
    };
    invoke::<ipc::CompareCopy>(&args).await
}

/// A profile's wiring as a snapshot file's text.
pub async fn snapshot_export(
    profile_id: &str,
    name_contains: Option<String>,
) -> Result<String, CommandError> {
    let args = ipc::SnapshotExportArgs {
        profile_id: profile_id.to_owned(),
        name_contains,
    };
    invoke::<ipc::SnapshotExport>(&args).await
}

pub async fn bulk_targets_from_list(
    profile_id: &str,
    kind: PickerKind,
    input: ListInput,
) -> Result<ListResolution, CommandError> {
    let args = ipc::BulkTargetsFromListArgs {
        profile_id: profile_id.to_owned(),
        kind,
        input,
    };
    invoke::<ipc::BulkTargetsFromList>(&args).await
}

pub async fn bulk_rate_share(run_id: &str, share: RateShare) -> Result<RunView, CommandError> {
    let args = ipc::BulkRateShareArgs {
        run_id: run_id.to_owned(),
        share,
    };
    invoke::<ipc::BulkRateShare>(&args).await
}
