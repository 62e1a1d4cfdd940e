//! Profiles: add, edit, test, remove; hide the Sandbox ones or try them.

use lanyard_core::TestReport;
use lanyard_model::profile::ProfileDraft;
use lanyard_model::{CommandError, Profile};

use super::bad_argument;
use crate::state::AppState;

fn draft(value: serde_json::Value) -> Result<ProfileDraft, CommandError> {
    serde_json::from_value(value).map_err(|e| bad_argument("profile", e))
}

#[tauri::command]
pub async fn profile_add(
    state: tauri::State<'_, AppState>,
    draft_json: serde_json::Value,
) -> Result<Profile, CommandError> {
    Ok(state.console.add_profile(draft(draft_json)?).await?)
}

#[tauri::command]
pub async fn profile_edit(
    state: tauri::State<'_, AppState>,
    id: String,
    draft_json: serde_json::Value,
) -> Result<Profile, CommandError> {
    Ok(state.console.edit_profile(&id, draft(draft_json)?).await?)
}

#[tauri::command]
pub async fn profile_remove(
    state: tauri::State<'_, AppState>,
    id: String,
) -> Result<(), CommandError> {
    Ok(state.console.remove_profile(&id).await?)
}

#[tauri::command]
pub async fn profile_test(
    state: tauri::State<'_, AppState>,
    id: String,
) -> Result<TestReport, CommandError> {
    Ok(state.console.test_profile(&id).await?)
}

#[tauri::command]
pub async fn profiles_hide_sandbox(
    state: tauri::State<'_, AppState>,
    hide: bool,
) -> Result<(), CommandError> {
    Ok(state.console.set_hide_sandbox(hide)?)
}

/// "Try the sandbox": starts the built-in sandbox for this session and shows its profiles.
#[tauri::command]
pub async fn profiles_try_sandbox(state: tauri::State<'_, AppState>) -> Result<(), CommandError> {
    Ok(state.console.try_sandbox().await?)
}
