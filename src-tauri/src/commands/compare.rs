//! Compare and copy: make like, a run's items by target, compare two profiles (or a snapshot
//! file and a profile), copy to the right, export a snapshot.

use lanyard_model::ipc;

use super::{Args, Reply};
use crate::state::AppState;

/// Plans "make like"; the run's id (it waits in Ready, like every planned run).
#[tauri::command]
pub async fn make_like_plan(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::MakeLikePlan>,
) -> Reply<ipc::MakeLikePlan> {
    let ipc::MakeLikeArgs {
        profile_id,
        request,
    } = args.0;
    Ok(state.console.make_like_plan(&profile_id, request).await?)
}

/// A run's items grouped by target, each named by its change.
#[tauri::command]
pub fn bulk_groups(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::BulkGroups>,
) -> Reply<ipc::BulkGroups> {
    Ok(state.console.bulk_groups(&args.0.run_id)?)
}

/// Two sides of one product compared by name, from the inventory.
#[tauri::command]
pub async fn compare_profiles(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::CompareProfiles>,
) -> Reply<ipc::CompareProfiles> {
    let ipc::CompareArgs {
        left,
        right_profile_id,
        name_contains,
    } = args.0;
    Ok(state
        .console
        .compare_profiles(left, &right_profile_id, name_contains)
        .await?)
}

/// The selected differences as a run on the right-hand profile; its id.
#[tauri::command]
pub async fn compare_copy(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::CompareCopy>,
) -> Reply<ipc::CompareCopy> {
    let ipc::CompareCopyArgs {
        left,
        right_profile_id,
        name_contains,
        rows,
    } = args.0;
    Ok(state
        .console
        .compare_copy(left, &right_profile_id, name_contains, rows)
        .await?)
}

/// A profile's wiring as a snapshot file's text, for the window to save.
#[tauri::command]
pub async fn snapshot_export(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::SnapshotExport>,
) -> Reply<ipc::SnapshotExport> {
    let ipc::SnapshotExportArgs {
        profile_id,
        name_contains,
    } = args.0;
    Ok(state
        .console
        .snapshot_export(&profile_id, name_contains)
        .await?)
}
