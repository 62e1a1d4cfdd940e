//! The app through Tauri's mock runtime, with its real handler, config and capability files.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing

use lanyard_model::CommandError;
use lanyard_model::ipc::Command;
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

use lanyard_app::state::AppState;
use lanyard_app::updater::{Limits, Updates};

/// A command that exists in the handler but that no capability grants.
#[tauri::command]
fn not_granted() -> String {
    "should never run".to_owned()
}

fn not_granted_handler() -> impl Fn(tauri::ipc::Invoke<MockRuntime>) -> bool {
    tauri::generate_handler![not_granted]
}

pub fn app() -> (App<MockRuntime>, tempfile::TempDir) {
    app_in(tempfile::tempdir().expect("temp dir"))
}

/// The app's own handler, plus `not_granted`.
pub fn app_in(home: tempfile::TempDir) -> (App<MockRuntime>, tempfile::TempDir) {
    let lanyard = lanyard_app::commands::handler::<MockRuntime>();
    let extra = not_granted_handler();
    let mut context = tauri::generate_context!("../tauri.conf.json");
    lanyard_app::updater::configure(&mut context);
    let app = mock_builder()
        .manage(AppState::in_folder(home.path().to_path_buf()).expect("state"))
        // Updates as a copy without an update server has them (off).
        .plugin(lanyard_app::updater::plugin())
        .manage(Updates::new(Ok(None), Limits::default()))
        .invoke_handler(move |invoke: tauri::ipc::Invoke<MockRuntime>| {
            if invoke.message.command() == "not_granted" {
                extra(invoke)
            } else {
                lanyard(invoke)
            }
        })
        .build(context)
        .expect("the app builds with its real config");
    (app, home)
}

pub fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    app.get_webview_window(label).unwrap_or_else(|| {
        WebviewWindowBuilder::new(app, label, Default::default())
            .build()
            .expect("window")
    })
}

/// Calls `cmd` with the JSON body `args`, as the webview would.
pub fn invoke_with(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
    args: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<serde_json::Value>().expect("json body"))
}

/// Calls `cmd` with no arguments.
pub fn invoke(
    window: &WebviewWindow<MockRuntime>,
    cmd: &str,
) -> Result<serde_json::Value, serde_json::Value> {
    invoke_with(window, cmd, serde_json::json!({}))
}

/// Calls command `C` as the UI does, through its contract: its reply, or the `CommandError`.
pub fn call<C: Command>(
    window: &WebviewWindow<MockRuntime>,
    args: &C::Args,
) -> Result<C::Reply, CommandError> {
    let body = serde_json::to_value(args).expect("arguments serialize");
    match invoke_with(window, C::NAME, body) {
        Ok(reply) => Ok(serde_json::from_value(reply).expect("the reply has the contract's type")),
        Err(err) => Err(serde_json::from_value(err).expect("errors are CommandErrors")),
    }
}
