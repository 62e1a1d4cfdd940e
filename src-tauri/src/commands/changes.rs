//! Every change: preview (what will be sent, current vs planned) and apply (checked again here
//! and in the core).

use lanyard_model::ipc;

use super::{Args, Reply};
use crate::state::AppState;

#[tauri::command]
pub async fn change_preview(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ChangePreview>,
) -> Reply<ipc::ChangePreview> {
    let ipc::ChangePreviewArgs { profile_id, change } = args.0;
    Ok(state.console.change_preview(&profile_id, &change).await?)
}

#[tauri::command]
pub async fn change_apply(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ChangeApply>,
) -> Reply<ipc::ChangeApply> {
    let ipc::ChangeApplyArgs {
        profile_id,
        change,
        confirm,
    } = args.0;
    Ok(state
        .console
        .change_apply(&profile_id, &change, confirm.as_deref())
        .await?)
}
