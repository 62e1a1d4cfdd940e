//! Issue 15's bulk parts: targets from a pasted list or a CSV column, and a run's share of the
//! write rate.

use lanyard_model::ipc;

use super::{Args, Reply};
use crate::state::AppState;

/// Resolves the list's entries to targets of the kind on the profile (inventory, else live).
#[tauri::command]
pub async fn bulk_targets_from_list(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::BulkTargetsFromList>,
) -> Reply<ipc::BulkTargetsFromList> {
    let ipc::BulkTargetsFromListArgs {
        profile_id,
        kind,
        input,
    } = args.0;
    Ok(state
        .console
        .bulk_targets_from_list(&profile_id, kind, &input)
        .await?)
}

/// Sets a run's share of the write rate while it is not running.
#[tauri::command]
pub fn bulk_rate_share(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::BulkRateShare>,
) -> Reply<ipc::BulkRateShare> {
    let ipc::BulkRateShareArgs { run_id, share } = args.0;
    Ok(state.console.bulk_rate_share(&run_id, share)?)
}
