//! The one place that talks to Tauri's IPC bridge.

use futures::future::join;
use lanyard_model::CommandError;
use lanyard_model::error::ConfigProblem;
use lanyard_model::ipc::Command;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::lazy::ChunkMissing;

#[wasm_bindgen]
extern "C" {
    // Tauri injects this object into every page it serves; it is absent in a plain browser.
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI_INTERNALS__"], js_name = invoke)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;
}

/// Calls command `C` of the contract (`lanyard_model::ipc`) with its arguments.
pub async fn invoke<C: Command>(args: &C::Args) -> Result<C::Reply, CommandError> {
    call(C::NAME, args).await
}

/// Calls command `cmd` with `args` (a struct whose fields are the command's arguments).
async fn call<A, T>(cmd: &str, args: &A) -> Result<T, CommandError>
where
    A: Serialize + ?Sized,
    T: DeserializeOwned,
{
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = args
        .serialize(&serializer)
        .map_err(|err| bridge_error(cmd, &err.to_string()))?;
    let raw = match tauri_invoke(cmd, args).await {
        Ok(value) => {
            return serde_wasm_bindgen::from_value(value).map_err(|err| {
                bridge_error(
                    cmd,
                    &format!("its answer did not have the expected shape ({err})"),
                )
            });
        }
        Err(raw) => raw,
    };
    // The error's reader and its wording are chunks: both are in before the error is handed on.
    let (read, ()) = join(read_error(raw.clone()), crate::i18n::words_ready()).await;
    Err(match read {
        Ok(Some(err)) => err,
        Ok(None) => bridge_error(cmd, &describe_js_error(&raw)),
        Err(ChunkMissing) => bridge_error(
            cmd,
            "it answered an error that could not be read: the part of Lanyard that reads errors did not load",
        ),
    })
}

/// A command's error as the shell sent it, or `None` when it is not one. Its reader (every
/// error kind's decoder, a large part of the UI) is a chunk of its own (`crate::lazy`), loaded
/// by the first error, not at start.
#[leptos::wasm_split::wasm_split(command_error, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_error(raw: JsValue) -> Result<Option<CommandError>, ChunkMissing> {
    Ok(serde_wasm_bindgen::from_value::<CommandError>(raw).ok())
}

/// An error that did not come from a command: the IPC bridge itself failed.
fn bridge_error(cmd: &str, detail: &str) -> CommandError {
    CommandError::Configuration {
        problem: ConfigProblem::WindowUnreachable {
            command: cmd.to_owned(),
            detail: detail.to_owned(),
        },
    }
}

fn describe_js_error(raw: &JsValue) -> String {
    if let Some(text) = raw.as_string() {
        return text;
    }
    js_sys::Reflect::get(raw, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the bridge gave no reason".to_owned())
}
