//! Typed calls into Lanyard's Rust commands over Tauri IPC: the only way the UI reaches anything
//! outside the webview. Every wrapper returns `Result<_, CommandError>`; nothing here panics.

mod invoke;

pub use invoke::call;

use lanyard_model::CommandError;
use serde::Deserialize;

/// What `app_info` answers.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AppInfo {
    pub version: String,
    pub platform: String,
    pub profiles: Vec<String>,
}

/// The app's version and its configured profiles.
pub async fn app_info() -> Result<AppInfo, CommandError> {
    call("app_info", &()).await
}
