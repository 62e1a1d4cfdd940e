//! Commands about the app itself.

use lanyard_model::{AppInfo, CommandError};

use crate::state::AppState;

/// The version, the platform and the configured profiles, for the window's frame.
#[tauri::command]
pub async fn app_info(state: tauri::State<'_, AppState>) -> Result<AppInfo, CommandError> {
    Ok(state
        .console
        .app_info(env!("CARGO_PKG_VERSION"), std::env::consts::OS)
        .await)
}
