//! Lanyard's user interface: a Leptos app rendered in the Tauri webview.

mod app;
mod backend;
mod components;
mod context;
mod i18n;
mod lazy;
mod load;
mod nav;
mod pages;
mod time;

fn main() {
    mark("lanyard:wasm-main");
    leptos::mount::mount_to_body(app::App);
    mark("lanyard:mounted");
}

/// A `performance.mark` for the startup bench (`cargo xtask bench` reads the `lanyard:` marks):
/// from the page's start to here. Nothing happens where the page has no `performance`, nor in
/// the native unit tests.
pub(crate) fn mark(name: &str) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    use wasm_bindgen::JsCast;
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into());
    let Ok(performance) = performance else { return };
    if let Ok(mark) = js_sys::Reflect::get(&performance, &"mark".into())
        && let Some(mark) = mark.dyn_ref::<js_sys::Function>()
    {
        let _ = mark.call1(&performance, &name.into());
    }
}
