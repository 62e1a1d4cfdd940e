//! Profiles: add, edit, test, remove; hide the Sandbox ones or try them.

use lanyard_model::ipc;

use super::{Args, Reply};
use crate::state::AppState;

#[tauri::command]
pub async fn profile_add(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ProfileAdd>,
) -> Reply<ipc::ProfileAdd> {
    Ok(state.console.profile_add(args.0.draft).await?)
}

#[tauri::command]
pub async fn profile_edit(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ProfileEdit>,
) -> Reply<ipc::ProfileEdit> {
    let ipc::ProfileEditArgs { profile_id, draft } = args.0;
    Ok(state.console.profile_edit(&profile_id, draft).await?)
}

#[tauri::command]
pub async fn profile_remove(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ProfileRemove>,
) -> Reply<ipc::ProfileRemove> {
    Ok(state.console.profile_remove(&args.0.profile_id).await?)
}

#[tauri::command]
pub async fn profile_test(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ProfileTest>,
) -> Reply<ipc::ProfileTest> {
    Ok(state.console.profile_test(&args.0.profile_id).await?)
}

#[tauri::command]
pub async fn profiles_hide_sandbox(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::ProfilesHideSandbox>,
) -> Reply<ipc::ProfilesHideSandbox> {
    Ok(state.console.profiles_hide_sandbox(args.0.hide)?)
}

/// "Try the sandbox": starts the built-in sandbox for this session and shows its profiles.
#[tauri::command]
pub async fn profiles_try_sandbox(
    state: tauri::State<'_, AppState>,
    _args: Args<ipc::ProfilesTrySandbox>,
) -> Reply<ipc::ProfilesTrySandbox> {
    Ok(state.console.profiles_try_sandbox().await?)
}
