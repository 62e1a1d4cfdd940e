//! The Tauri shell: registers Lanyard's commands and hands each one to the application layer.

mod app_menu;
mod catalogue;
pub mod commands;
mod dialog;
pub mod downloads;
mod instance;
mod logging;
pub mod state;
pub mod updater;

use tauri::Manager;

/// The app with its commands; `run` adds the plugins and the state.
pub fn builder<R: tauri::Runtime>() -> tauri::Builder<R> {
    tauri::Builder::<R>::new().invoke_handler(commands::handler())
}

/// Starts the desktop app and blocks until its last window closes.
///
/// Order matters: the single-instance plugin runs while the app is built, so a second launch
/// hands over to the first (which focuses its window) before touching any file; then setup takes
/// the data folder's lock and reads the settings, and only then makes the main window. What
/// stops it from starting is said in a native dialog, and nothing on disk is changed.
pub fn run() {
    // Where the start's time goes (`RUST_LOG=lanyard_app=debug`), in ms from here.
    let started = std::time::Instant::now();
    logging::init();
    let mut context = tauri::generate_context!("../tauri.conf.json");
    let windows: Vec<tauri::utils::config::WindowConfig> = context
        .config_mut()
        .app
        .windows
        .iter_mut()
        .map(|w| {
            let made_here = w.clone();
            w.create = false;
            made_here
        })
        .collect();
    updater::configure(&mut context);
    let identifier = context.config().identifier.clone();
    let home = state::home_from_env();
    let paths = state::paths_from_env();
    let app = app_menu::standard(builder::<tauri::Wry>())
        .plugin(instance::plugin(&identifier, home.as_deref()))
        .plugin(updater::plugin())
        .manage(updater::Updates::from_env())
        .setup(move |app| {
            // A setup error would panic inside Tauri (an abort in release): say it, never return it.
            tracing::debug!(ms = ms_since(started), "plugins ready, setup starts");
            match paths.and_then(state::AppState::open) {
                Ok(state) => {
                    let ms = ms_since(started);
                    tracing::debug!(ms, "data folder locked, settings, inventory and runs read");
                    open_window(app, state, &windows);
                    tracing::debug!(ms = ms_since(started), "the window is made, its page loads");
                }
                Err(err) => refuse(app.handle(), &err),
            }
            Ok(())
        });
    if let Err(err) = app.run(context) {
        tracing::error!(%err, "the app stopped with an error");
        eprintln!("Lanyard stopped with an error: {err}");
        std::process::exit(1);
    }
}

fn ms_since(start: std::time::Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Hands `state` to the commands, makes the main window, and says if the settings were set aside.
fn open_window<R: tauri::Runtime>(
    app: &mut tauri::App<R>,
    state: state::AppState,
    windows: &[tauri::utils::config::WindowConfig],
) {
    let set_aside = state
        .console
        .settings_set_aside()
        .map(|p| p.display().to_string());
    let downloads = state.downloads.clone();
    let folders = downloads::Folders::of(app.handle());
    app.manage(state);
    for window in windows {
        let downloads = downloads.clone();
        let folders = folders.clone();
        if let Err(err) = tauri::WebviewWindowBuilder::from_config(app.handle(), window)
            .map(|w| {
                // Only the window's own exports download, into the Downloads folder.
                w.on_download(move |webview, event| {
                    downloads.on_event(webview.url().ok().as_ref(), &folders, event)
                })
            })
            .and_then(|w| w.build())
            .map(|built| lanyard_window_drawing::apply(&built))
        {
            tracing::error!(%err, "the window could not be made");
            eprintln!("Lanyard cannot open its window: {err}");
            let text = format!("Lanyard cannot open its window: {err}");
            dialog::show(
                app.handle(),
                dialog::Level::Error,
                "Lanyard",
                &text,
                Some(1),
            );
            return;
        }
    }
    if let Some(path) = set_aside {
        tracing::warn!(moved_to = %path, "settings file set aside");
        let text = format!(
            "Lanyard could not read its settings file, so it moved it to\n{path}\nand kept it \
             as it was. Lanyard starts with no profiles of your own: add them again, or quit \
             Lanyard and put the file back once it is repaired."
        );
        let title = "Lanyard: settings file set aside";
        dialog::show(app.handle(), dialog::Level::Warning, title, &text, None);
    }
}

/// Says why Lanyard cannot start, in a native dialog and on stderr, and exits when it is closed.
fn refuse<R: tauri::Runtime>(app: &tauri::AppHandle<R>, err: &state::StateError) {
    let (title, text, code) = match err {
        state::StateError::Lock(lanyard_core::instance::LockError::Held { .. }) => (
            "Lanyard is already running",
            format!(
                "{err}.\n\nOnly one Lanyard at a time may work with the same profiles and bulk \
                 runs. Switch to the open Lanyard window."
            ),
            0,
        ),
        _ => (
            "Lanyard cannot start",
            format!(
                "{err}\n\nNothing was changed on disk: the file is left as it is. Fix its \
                 permissions or contents (or move it away to start with no profiles), then \
                 start Lanyard again."
            ),
            2,
        ),
    };
    tracing::error!(%err, "Lanyard cannot start");
    eprintln!("{title}: {err}");
    dialog::show(app, dialog::Level::Error, title, &text, Some(code));
}
