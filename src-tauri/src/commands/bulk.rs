//! Bulk runs: plan one change on many targets, watch it, control it, undo it, export it.

use lanyard_model::CommandError;
use lanyard_model::bulk::{BulkOp, BulkTarget, RunAction, RunList, RunView};

use super::bad_argument;
use crate::state::AppState;

/// Starts planning; returns the run id. The UI polls `bulk_view` while it plans and runs.
#[tauri::command]
pub async fn bulk_plan(
    state: tauri::State<'_, AppState>,
    profile_id: String,
    op: serde_json::Value,
    targets: serde_json::Value,
) -> Result<String, CommandError> {
    let op: BulkOp = serde_json::from_value(op).map_err(|e| bad_argument("op", e))?;
    let targets: Vec<BulkTarget> =
        serde_json::from_value(targets).map_err(|e| bad_argument("targets", e))?;
    Ok(state.console.bulk_plan(&profile_id, op, targets).await?)
}

#[tauri::command]
pub fn bulk_view(
    state: tauri::State<'_, AppState>,
    run_id: String,
) -> Result<RunView, CommandError> {
    Ok(state.console.bulk_view(&run_id)?)
}

/// Start, pause, resume, cancel, retry_failed or discard.
#[tauri::command]
pub async fn bulk_control(
    state: tauri::State<'_, AppState>,
    run_id: String,
    action: serde_json::Value,
    confirm: Option<String>,
) -> Result<RunView, CommandError> {
    let action: RunAction =
        serde_json::from_value(action).map_err(|e| bad_argument("action", e))?;
    Ok(state
        .console
        .bulk_control(&run_id, action, confirm.as_deref())
        .await?)
}

/// A new run that reverses what `run_id` applied; returns its id.
#[tauri::command]
pub async fn bulk_undo(
    state: tauri::State<'_, AppState>,
    run_id: String,
) -> Result<String, CommandError> {
    Ok(state.console.bulk_undo(&run_id).await?)
}

/// The runs on disk, newest first, and the journal files that could not be read (name and
/// reason), for the Bulk changes page to list.
#[tauri::command]
pub fn bulk_runs(state: tauri::State<'_, AppState>) -> RunList {
    state.console.bulk_runs()
}

/// The run's results as CSV text, for the UI to save.
#[tauri::command]
pub fn bulk_export(
    state: tauri::State<'_, AppState>,
    run_id: String,
) -> Result<String, CommandError> {
    Ok(state.console.bulk_csv(&run_id)?)
}
