//! Reading a file the user picked or dropped as text, in the webview (nothing leaves it until a
//! command is called with the text).

use crate::tr;
use wasm_bindgen::JsCast;

/// The first file of an `<input type=file>` change event, as (name, text).
pub async fn from_input(ev: &leptos::ev::Event) -> Option<Result<(String, String), String>> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    Some(read(file).await)
}

/// The first file of a drop event, as (name, text).
pub async fn from_drop(ev: &leptos::ev::DragEvent) -> Option<Result<(String, String), String>> {
    let file = ev.data_transfer()?.files()?.get(0)?;
    Some(read(file).await)
}

async fn read(file: web_sys::File) -> Result<(String, String), String> {
    let name = file.name();
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| tr!("file-not-utf8", name = name.clone()))?;
    let text = text
        .as_string()
        .ok_or_else(|| tr!("file-not-text", name = name.clone()))?;
    Ok((name, text))
}
