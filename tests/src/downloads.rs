//! The app's Downloads folder: in its temp home, named by `XDG_DOWNLOAD_DIR` in a
//! `user-dirs.dirs` of its own (`XDG_CONFIG_HOME`), so its exports never reach the user's own.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::{App, UI_WAIT};

/// Writes `<home>/xdg-config/user-dirs.dirs` naming `<home>/Downloads`; the folder to set as
/// the app's `XDG_CONFIG_HOME`.
pub(crate) fn user_dirs(home: &Path) -> Result<PathBuf, String> {
    let xdg_config = home.join("xdg-config");
    std::fs::create_dir_all(&xdg_config).map_err(|e| e.to_string())?;
    let user_dirs = format!(
        "XDG_DOWNLOAD_DIR=\"{}\"\n",
        home.join("Downloads").display()
    );
    std::fs::write(xdg_config.join("user-dirs.dirs"), user_dirs).map_err(|e| e.to_string())?;
    Ok(xdg_config)
}

impl App {
    /// The app's Downloads folder, where the window's exports are saved.
    pub fn downloads(&self) -> PathBuf {
        self.home.path().join("Downloads")
    }

    /// The text of `name` in [`App::downloads`], once it is there (the UI's toast comes after
    /// the file is written, so wait for the toast first).
    pub async fn downloaded(&self, name: &str) -> Result<String, String> {
        let path = self.downloads().join(name);
        let deadline = Instant::now() + UI_WAIT;
        loop {
            if path.is_file() {
                return std::fs::read_to_string(&path)
                    .map_err(|e| format!("{} cannot be read: {e}", path.display()));
            }
            if Instant::now() > deadline {
                let there: Vec<String> = std::fs::read_dir(self.downloads())
                    .map(|d| {
                        d.filter_map(Result::ok)
                            .map(|e| e.file_name().to_string_lossy().into_owned())
                            .collect()
                    })
                    .unwrap_or_default();
                return Err(format!(
                    "no {} was saved; the folder holds {there:?}",
                    path.display()
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
