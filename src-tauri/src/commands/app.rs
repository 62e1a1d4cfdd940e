//! Commands about the app itself.

use lanyard_model::CommandError;
use serde::Serialize;

use crate::state::AppState;

/// What the UI shows in its frame: the version and the configured profiles.
#[derive(Debug, Clone, Serialize)]
pub struct AppInfoDto {
    pub version: String,
    pub platform: String,
    pub profiles: Vec<String>,
}

#[tauri::command]
pub fn app_info(state: tauri::State<'_, AppState>) -> Result<AppInfoDto, CommandError> {
    let _ = &state.config_dir;
    Ok(AppInfoDto {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        platform: std::env::consts::OS.to_owned(),
        profiles: Vec::new(),
    })
}
