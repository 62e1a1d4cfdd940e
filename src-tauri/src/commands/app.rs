//! Commands about the app itself.

use lanyard_model::{AppInfo, CommandError};

use crate::state::AppState;

/// The version, the platform and the configured profiles, for the window's frame.
#[tauri::command]
pub fn app_info(state: tauri::State<'_, AppState>) -> Result<AppInfo, CommandError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        platform: std::env::consts::OS.to_owned(),
        profiles: Vec::new(),
        config_dir: state.config_dir.display().to_string(),
        data_dir: state.data_dir.display().to_string(),
        settings_set_aside: None,
    })
}
