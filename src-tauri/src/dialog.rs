//! Native message dialogs for what the user must know before the window can tell them: a
//! settings file that cannot be read, another Lanyard already running. They never block the app's
//! event loop (the end-to-end tests keep driving the window while one is open).

use tauri::{AppHandle, Runtime};

/// How serious the message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Warning,
    Error,
}

/// Shows `text` in a native dialog; when it is dismissed, the app exits with `exit_code` if one
/// is given. rfd shows GTK dialogs from the main thread, as tauri-plugin-dialog does.
pub fn show<R: Runtime>(
    app: &AppHandle<R>,
    level: Level,
    title: &str,
    text: &str,
    exit_code: Option<i32>,
) {
    let (title, text) = (title.to_owned(), text.to_owned());
    let handle = app.clone();
    let shown = app.run_on_main_thread(move || {
        let dialog = rfd::AsyncMessageDialog::new()
            .set_level(match level {
                Level::Warning => rfd::MessageLevel::Warning,
                Level::Error => rfd::MessageLevel::Error,
            })
            .set_title(title)
            .set_description(text)
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
        std::thread::spawn(move || {
            let _ = tauri::async_runtime::block_on(dialog);
            if let Some(code) = exit_code {
                handle.exit(code);
            }
        });
    });
    if let Err(err) = shown {
        tracing::warn!(%err, "the dialog could not be shown");
        if let Some(code) = exit_code {
            app.exit(code);
        }
    }
}
