//! A blank Tauri window: one static page with a version label and nothing else. `cargo xtask
//! bench` starts it beside Lanyard to say what Lanyard's start and memory cost on top of Tauri
//! and WebKit themselves. Its page is drawn as Lanyard's is on the same machine
//! (`lanyard-window-drawing`), so the two compare like with like.

// As Lanyard's own binary: no console window beside it on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    use tauri::Manager;
    let app = tauri::Builder::default().setup(|app| {
        for window in app.webview_windows().values() {
            lanyard_window_drawing::apply(window);
        }
        Ok(())
    });
    if let Err(err) = app.run(tauri::generate_context!()) {
        eprintln!("the blank window stopped with an error: {err}");
        std::process::exit(1);
    }
}
