//! A blank Tauri window: one static page with a version label and nothing else. `cargo xtask
//! bench` starts it beside Lanyard to say what Lanyard's start and memory cost on top of Tauri
//! and WebKit themselves.

// As Lanyard's own binary: no console window beside it on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(err) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("the blank window stopped with an error: {err}");
        std::process::exit(1);
    }
}
