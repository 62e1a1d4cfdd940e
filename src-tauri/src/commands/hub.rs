//! Hub reads: auth modules, their auto-join groups, group search.

use lanyard_model::ipc;

use super::{Args, Reply};
use crate::state::AppState;

#[tauri::command]
pub async fn hub_modules(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::HubModules>,
) -> Reply<ipc::HubModules> {
    Ok(state.console.hub_modules(&args.0.profile_id).await?)
}

#[tauri::command]
pub async fn hub_auto_join_groups(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::HubAutoJoinGroups>,
) -> Reply<ipc::HubAutoJoinGroups> {
    let ipc::AutoJoinGroupsArgs {
        profile_id,
        module_id,
    } = args.0;
    Ok(state
        .console
        .hub_auto_join_groups(&profile_id, &module_id)
        .await?)
}

#[tauri::command]
pub async fn hub_search_groups(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::HubSearchGroups>,
) -> Reply<ipc::HubSearchGroups> {
    let ipc::SearchArgs { profile_id, text } = args.0;
    Ok(state.console.hub_search_groups(&profile_id, &text).await?)
}
