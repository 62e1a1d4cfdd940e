//! "Check for updates" and "Download and install": a few lines into [`crate::updater`].

use lanyard_model::ipc;
use lanyard_model::ipc::UpdateInstallArgs;

use super::{Args, Reply};
use crate::updater::Updates;

/// Asks the update server whether a newer version is offered (or says updates are off).
#[tauri::command]
pub async fn update_check<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    updates: tauri::State<'_, Updates>,
    _args: Args<ipc::UpdateCheck>,
) -> Reply<ipc::UpdateCheck> {
    Ok(updates.check(&app).await)
}

/// Starts downloading, verifying and installing the version the user confirmed.
#[tauri::command]
pub async fn update_install(
    updates: tauri::State<'_, Updates>,
    args: Args<ipc::UpdateInstall>,
) -> Reply<ipc::UpdateInstall> {
    let UpdateInstallArgs { version } = args.0;
    Ok(updates.start_install(&version))
}

/// How the download and install goes.
#[tauri::command]
pub async fn update_progress(
    updates: tauri::State<'_, Updates>,
    _args: Args<ipc::UpdateProgress>,
) -> Reply<ipc::UpdateProgress> {
    Ok(updates.progress())
}
