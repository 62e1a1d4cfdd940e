//! Bulk runs: plan one change on many targets, watch it, control it, undo it, export it.

use lanyard_model::ipc;

use super::{Args, Reply};
use crate::state::AppState;

/// Starts planning; returns the run id. The UI polls `bulk_view` while it plans and runs.
#[tauri::command]
pub async fn bulk_plan(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::BulkPlan>,
) -> Reply<ipc::BulkPlan> {
    let ipc::BulkPlanArgs {
        profile_id,
        op,
        targets,
        source,
    } = args.0;
    Ok(state
        .console
        .bulk_plan(&profile_id, op, targets, source)
        .await?)
}

/// The run's state and counts, and the page of its rows the window shows (see `ItemPage`).
#[tauri::command]
pub fn bulk_view(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::BulkView>,
) -> Reply<ipc::BulkView> {
    let ipc::BulkViewArgs { run_id, page } = args.0;
    Ok(state.console.bulk_page(&run_id, &page)?)
}

/// Start, pause, resume, cancel, retry_failed or discard.
#[tauri::command]
pub async fn bulk_control(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::BulkControl>,
) -> Reply<ipc::BulkControl> {
    let ipc::BulkControlArgs {
        run_id,
        action,
        confirm,
    } = args.0;
    Ok(state
        .console
        .bulk_control(&run_id, action, confirm.as_deref())
        .await?)
}

/// A new run that reverses what the run applied; returns its id.
#[tauri::command]
pub async fn bulk_undo(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::BulkUndo>,
) -> Reply<ipc::BulkUndo> {
    Ok(state.console.bulk_undo(&args.0.run_id).await?)
}

/// The runs on disk, newest first, and the journal files that could not be read (name and
/// reason), for the Bulk changes page to list.
#[tauri::command]
pub fn bulk_runs(
    state: tauri::State<'_, AppState>,
    _args: Args<ipc::BulkRuns>,
) -> Reply<ipc::BulkRuns> {
    Ok(state.console.bulk_runs())
}

/// The run's results as CSV text, for the UI to save.
#[tauri::command]
pub fn bulk_export(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::BulkExport>,
) -> Reply<ipc::BulkExport> {
    Ok(state.console.bulk_export(&args.0.run_id)?)
}
