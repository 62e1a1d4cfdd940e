//! What the shell keeps for the life of the app: where its files live and the console.

use std::path::PathBuf;
use std::sync::Arc;

use lanyard_core::secrets::Keychain;
use lanyard_core::{Console, Paths};

/// The app's long-lived state, managed by Tauri and handed to commands.
#[derive(Debug, Clone)]
pub struct AppState {
    pub paths: Paths,
    pub console: Arc<Console>,
}

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error(
        "no per-user configuration folder is known on this system; set LANYARD_HOME to a folder Lanyard may use"
    )]
    NoHome,
    #[error("{0}")]
    Console(#[from] lanyard_core::CoreError),
}

impl AppState {
    /// Uses `LANYARD_HOME` when set (tests, portable installs), else the OS's per-user folders.
    pub fn from_env() -> Result<Self, StateError> {
        if let Some(home) = std::env::var_os("LANYARD_HOME").filter(|h| !h.is_empty()) {
            return Self::in_folder(PathBuf::from(home));
        }
        let config = dirs_config().ok_or(StateError::NoHome)?.join("lanyard");
        let data = dirs_data().ok_or(StateError::NoHome)?.join("lanyard");
        Self::with_paths(Paths {
            config_dir: config,
            data_dir: data,
        })
    }

    /// Keeps everything under one folder.
    pub fn in_folder(home: PathBuf) -> Result<Self, StateError> {
        Self::with_paths(Paths {
            config_dir: home.join("config"),
            data_dir: home.join("data"),
        })
    }

    fn with_paths(paths: Paths) -> Result<Self, StateError> {
        let console = Console::open(paths.clone(), Keychain::default())?;
        Ok(Self {
            paths,
            console: Arc::new(console),
        })
    }
}

fn dirs_config() -> Option<PathBuf> {
    env_dir("XDG_CONFIG_HOME")
        .or_else(|| platform_dir("APPDATA"))
        .or_else(|| {
            home().map(|h| {
                if cfg!(target_os = "macos") {
                    h.join("Library/Application Support")
                } else {
                    h.join(".config")
                }
            })
        })
}

fn dirs_data() -> Option<PathBuf> {
    env_dir("XDG_DATA_HOME")
        .or_else(|| platform_dir("LOCALAPPDATA"))
        .or_else(|| {
            home().map(|h| {
                if cfg!(target_os = "macos") {
                    h.join("Library/Application Support")
                } else {
                    h.join(".local/share")
                }
            })
        })
}

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}

fn platform_dir(name: &str) -> Option<PathBuf> {
    if cfg!(windows) { env_dir(name) } else { None }
}

fn home() -> Option<PathBuf> {
    env_dir("HOME").or_else(|| env_dir("USERPROFILE"))
}
