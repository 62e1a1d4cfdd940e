//! The app binary under test, and what tauri-driver is asked for to start it.

use std::path::{Path, PathBuf};

/// The app binary `cargo xtask test` built (`LANYARD_E2E_APP`).
pub fn app_binary() -> Result<PathBuf, String> {
    let binary = std::env::var_os("LANYARD_E2E_APP")
        .map(PathBuf::from)
        .ok_or("LANYARD_E2E_APP is not set: run the end-to-end tests with `cargo xtask test`")?;
    if !binary.is_file() {
        return Err(format!(
            "the app binary {} does not exist; `cargo xtask test` builds it",
            binary.display()
        ));
    }
    Ok(binary)
}

/// The WebDriver capabilities that make tauri-driver start `binary` in a new window.
pub fn wry_capabilities(binary: &Path) -> fantoccini::wd::Capabilities {
    let mut caps = fantoccini::wd::Capabilities::new();
    caps.insert("browserName".into(), "wry".into());
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": binary }),
    );
    caps
}
