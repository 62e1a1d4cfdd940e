//! The Activity page: the audit log, and its export.

use lanyard_model::ipc;

use super::{Args, Reply};
use crate::state::AppState;

/// A page of the entries that match the filter, newest first; the filter runs over the whole
/// log in the core. Async, so that a scan of a big log runs off the window's thread.
#[tauri::command]
pub async fn activity_page(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ActivityPage>,
) -> Reply<ipc::ActivityPage> {
    let a = args.0;
    Ok(state
        .console
        .activity_page(&a.filter, a.offset, a.limit, a.sequence)?)
}

/// The log as CSV or JSON text, for the UI to save.
#[tauri::command]
pub fn activity_export(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ActivityExport>,
) -> Reply<ipc::ActivityExport> {
    Ok(state.console.activity_export(args.0.format)?)
}

/// Where the window's download of `url` (an export it made) went, once it ended.
#[tauri::command]
pub async fn download_result(
    args: Args<ipc::DownloadResult>,
    state: tauri::State<'_, AppState>,
) -> Reply<ipc::DownloadResult> {
    Ok(state
        .downloads
        .result(&args.0.url, crate::downloads::WAIT)
        .await)
}
