//! One Lanyard per user and data folder. A second launch finds the first through Tauri's
//! single-instance plugin (a D-Bus name on Linux, a named mutex on Windows, a socket on macOS),
//! which focuses the first window and ends the second process. Behind it, the data folder's lock
//! file (`lanyard_core::instance`) catches what the plugin cannot see (no session bus, another
//! login session).

use std::hash::{Hash, Hasher};
use std::path::Path;

use tauri::{AppHandle, Manager, Runtime};

/// The plugin, keyed on the data folder when `LANYARD_HOME` chose one, so that Lanyards with
/// different data folders (the tests, portable installs) do not take each other for the same.
pub fn plugin<R: Runtime>(identifier: &str, home: Option<&Path>) -> tauri::plugin::TauriPlugin<R> {
    let mut builder = tauri_plugin_single_instance::Builder::new().callback(|app, _args, _cwd| {
        tracing::info!("another launch of Lanyard: focusing this window");
        focus(app);
    });
    if let Some(home) = home {
        builder = builder.dbus_id(dbus_id(identifier, home));
    }
    builder.build()
}

/// `identifier.h<hash of the folder>`: a valid D-Bus name element (letters and digits, not
/// starting with a digit).
fn dbus_id(identifier: &str, home: &Path) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    home.hash(&mut hasher);
    format!("{identifier}.h{:016x}", hasher.finish())
}

fn focus<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_data_folder_has_its_own_valid_bus_name() {
        let a = dbus_id("dev.lanyard.console", Path::new("/tmp/a"));
        let b = dbus_id("dev.lanyard.console", Path::new("/tmp/b"));
        assert_ne!(a, b);
        assert_eq!(a, dbus_id("dev.lanyard.console", Path::new("/tmp/a")));
        let last = a.rsplit('.').next().unwrap_or_default();
        assert!(last.starts_with('h') && last.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}
