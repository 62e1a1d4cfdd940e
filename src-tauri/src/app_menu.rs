//! The application menu.
//!
//! On macOS a text field copies and pastes with Cmd+C and Cmd+V only through the main menu:
//! AppKit hands those keys to the Edit menu's items, and an app without them ignores the keys.
//! Tauri 2 installs its default menu there (Lanyard, Edit, View, Window, Help: the standard
//! About, Hide, Quit, Undo, Redo, Cut, Copy, Paste, Select All, Full Screen, Minimize, Zoom and
//! Close) when the app sets none, and any `Builder::menu` call replaces it whole. Lanyard sets
//! that menu itself, here, so the one place where an app menu is made starts from the standard
//! items: an item added later goes into this menu rather than into a menu of its own that
//! would drop Cmd+C and Cmd+V without anything saying so.
//!
//! Windows and Linux get no menu bar: the window has none, and the webview itself handles
//! Ctrl+C and Ctrl+V in fields.

/// `builder` with the standard application menu on macOS; unchanged elsewhere.
pub fn standard<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    #[cfg(target_os = "macos")]
    let builder = builder.menu(tauri::menu::Menu::default);
    builder
}
