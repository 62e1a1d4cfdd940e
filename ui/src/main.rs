//! Lanyard's user interface: a Leptos app rendered in the Tauri webview.

mod app;
mod backend;
mod components;
mod context;
mod load;
mod nav;
mod pages;
mod time;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
