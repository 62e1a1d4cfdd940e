//! Commands about the app itself.

use lanyard_model::ipc;

use super::{Args, Reply};
use crate::catalogue;
use crate::state::AppState;

/// The version, the platform and the configured profiles, for the window's frame.
#[tauri::command]
pub async fn app_info(
    state: tauri::State<'_, AppState>,
    _args: Args<ipc::AppInfo>,
) -> Reply<ipc::AppInfo> {
    Ok(state
        .console
        .app_info(env!("CARGO_PKG_VERSION"), std::env::consts::OS)
        .await)
}

/// Remembers the UI language the user picked.
#[tauri::command]
pub async fn app_set_language(
    state: tauri::State<'_, AppState>,
    args: Args<ipc::AppSetLanguage>,
) -> Reply<ipc::AppSetLanguage> {
    Ok(state.console.app_set_language(args.0.language)?)
}

/// A UI language's catalogue, which the shell keeps (the wasm carries none).
#[tauri::command]
pub async fn app_catalogue(args: Args<ipc::AppCatalogue>) -> Reply<ipc::AppCatalogue> {
    Ok(catalogue::source(args.0.language).to_owned())
}
