//! Hub reads: auth modules, their auto-join groups, group search.

use lanyard_model::CommandError;
use lanyard_model::hub::{AuthModule, UserGroup};
use lanyard_model::ids::AuthModuleId;

use super::bad_id;
use crate::state::AppState;

#[tauri::command]
pub async fn hub_modules(
    state: tauri::State<'_, AppState>,
    profile_id: String,
) -> Result<Vec<AuthModule>, CommandError> {
    Ok(state.console.hub_modules(&profile_id).await?)
}

#[tauri::command]
pub async fn hub_auto_join_groups(
    state: tauri::State<'_, AppState>,
    profile_id: String,
    module_id: String,
) -> Result<Vec<UserGroup>, CommandError> {
    let module = AuthModuleId::parse(module_id).map_err(bad_id)?;
    Ok(state
        .console
        .hub_auto_join_groups(&profile_id, &module)
        .await?)
}

#[tauri::command]
pub async fn hub_groups(
    state: tauri::State<'_, AppState>,
    profile_id: String,
    text: String,
) -> Result<Vec<UserGroup>, CommandError> {
    Ok(state.console.hub_search_groups(&profile_id, &text).await?)
}
