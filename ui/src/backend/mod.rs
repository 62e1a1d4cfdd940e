//! Typed calls into Lanyard's Rust commands over Tauri IPC: the only way the UI reaches anything
//! outside the webview. Every wrapper returns `Result<_, CommandError>`; nothing here panics.

mod invoke;

pub use invoke::call;

pub use lanyard_model::AppInfo;
use lanyard_model::CommandError;

/// The app's version and its configured profiles.
pub async fn app_info() -> Result<AppInfo, CommandError> {
    call("app_info", &()).await
}
