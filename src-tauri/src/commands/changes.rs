//! Every change: preview (what will be sent, current vs planned) and apply (validated again here).

use lanyard_model::{Applied, Change, CommandError, Plan};

use super::bad_argument;
use crate::state::AppState;

fn parse(change: serde_json::Value) -> Result<Change, CommandError> {
    serde_json::from_value(change).map_err(|e| bad_argument("change", e))
}

#[tauri::command]
pub async fn change_preview(
    state: tauri::State<'_, AppState>,
    profile_id: String,
    change: serde_json::Value,
) -> Result<Plan, CommandError> {
    Ok(state.console.preview(&profile_id, &parse(change)?).await?)
}

#[tauri::command]
pub async fn change_apply(
    state: tauri::State<'_, AppState>,
    profile_id: String,
    change: serde_json::Value,
    confirm: Option<String>,
) -> Result<Applied, CommandError> {
    Ok(state
        .console
        .apply(&profile_id, &parse(change)?, confirm.as_deref())
        .await?)
}
