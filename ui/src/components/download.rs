//! Saving a text the app made (an export) as a file, through the webview's download. The shell
//! puts it in the user's Downloads folder (never over an existing file) and says where it went,
//! which the toast repeats: "Saved lanyard-activity.csv to ~/Downloads".

use lanyard_model::download::DownloadOutcome;
use wasm_bindgen::JsCast;

use crate::backend;
use crate::context::toasts::Toasts;
use crate::i18n::words::download_outcome;
use crate::tr;

/// Saves `text` through the webview's download (a Blob URL on a temporary link) and waits for
/// the shell to say where the file went; `Err` when the download could not even start.
pub async fn download(name: &str, text: &str, mime: &str) -> Result<DownloadOutcome, String> {
    let url = start(name, text, mime)?;
    let outcome = backend::download_result(&url).await;
    // The Blob is let go only once the download ended (the webview reads it meanwhile).
    let _ = web_sys::Url::revoke_object_url(&url);
    outcome.map_err(|err| crate::i18n::error_text(&err))
}

/// Saves `text` as [`download`] does and says in a toast where it went, or why it did not.
pub async fn save(toasts: Toasts, name: &str, text: &str, mime: &str) {
    match download(name, text, mime).await {
        Ok(outcome) if outcome.saved => toasts.success(download_outcome(&outcome)),
        Ok(outcome) => toasts.error(download_outcome(&outcome)),
        Err(err) => toasts.error(tr!("export-not-saved", cause = err)),
    }
}

/// Clicks a temporary link to a new Blob URL holding `text`; the URL.
fn start(name: &str, text: &str, mime: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "cannot make the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "cannot make a link to the file")?;
    let a = document
        .create_element("a")
        .map_err(|_| "cannot make a link")?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "not a link")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Ok(url)
}
