//! What the shell keeps for the life of the app: where its files live, the console, and the
//! data folder's lock (one Lanyard per data folder).

use std::path::PathBuf;
use std::sync::Arc;

use lanyard_core::instance::{InstanceLock, LockError};
use lanyard_core::secrets::Keychain;
use lanyard_core::{Console, Paths};

/// The app's long-lived state, managed by Tauri and handed to commands.
#[derive(Debug, Clone)]
pub struct AppState {
    pub paths: Paths,
    pub console: Arc<Console>,
    /// The window's downloads (the exports), and how each ended.
    pub downloads: Arc<crate::downloads::Downloads>,
    /// Held for the life of the process; no other Lanyard works this data folder meanwhile.
    _lock: Arc<InstanceLock>,
}

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error(
        "no per-user configuration folder is known on this system; set LANYARD_HOME to a folder Lanyard may use"
    )]
    NoHome,
    #[error("{0}")]
    Lock(#[from] LockError),
    #[error("{0}")]
    Console(#[from] lanyard_core::CoreError),
}

/// `LANYARD_HOME` when set (tests, portable installs).
pub fn home_from_env() -> Option<PathBuf> {
    std::env::var_os("LANYARD_HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// Where the files live: under `LANYARD_HOME` when set, else the OS's per-user folders.
pub fn paths_from_env() -> Result<Paths, StateError> {
    if let Some(home) = home_from_env() {
        return Ok(in_home(home));
    }
    Ok(Paths {
        config_dir: dirs_config().ok_or(StateError::NoHome)?.join("lanyard"),
        data_dir: dirs_data().ok_or(StateError::NoHome)?.join("lanyard"),
    })
}

fn in_home(home: PathBuf) -> Paths {
    Paths {
        config_dir: home.join("config"),
        data_dir: home.join("data"),
    }
}

impl AppState {
    /// Keeps everything under one folder.
    pub fn in_folder(home: PathBuf) -> Result<Self, StateError> {
        Self::open(in_home(home))
    }

    /// Takes the data folder's lock, then reads the settings. An unreadable settings file is an
    /// error here and is left as it is; one that is not valid JSON is set aside (see
    /// `Console::settings_set_aside`).
    pub fn open(paths: Paths) -> Result<Self, StateError> {
        let lock = InstanceLock::acquire(&paths.data_dir)?;
        let console = Console::open(paths.clone(), Keychain::default())?;
        Ok(Self {
            paths,
            console: Arc::new(console),
            downloads: Arc::default(),
            _lock: Arc::new(lock),
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
