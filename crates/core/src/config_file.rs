//! A JSON settings file written atomically (temp file, fsync, rename), so a crash leaves either
//! the old file or the new one. A file that is not valid settings is moved aside whole and
//! reported; one that cannot be read at all (permissions, a folder in its place) is an error and
//! is left where it is. Neither is ever silently replaced.

use std::io::Write;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

#[derive(Debug, thiserror::Error)]
pub enum ConfigFileError {
    #[error("{path} could not be read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} could not be written: {source}; check the folder's permissions and free space")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the settings could not be encoded: {0}")]
    Encode(String),
}

/// What loading found.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    pub value: T,
    /// Where an unreadable file was moved to, so the user can be told and recover it.
    pub set_aside: Option<PathBuf>,
}

/// One settings file of type `T`.
#[derive(Debug, Clone)]
pub struct JsonFile<T> {
    path: PathBuf,
    _type: PhantomData<fn() -> T>,
}

impl<T: Serialize + DeserializeOwned + Default> JsonFile<T> {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            _type: PhantomData,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The settings; the default when there is no file yet.
    pub fn load(&self) -> Result<Loaded<T>, ConfigFileError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Loaded {
                    value: T::default(),
                    set_aside: None,
                });
            }
            Err(source) => {
                return Err(ConfigFileError::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        match serde_json::from_slice::<T>(&bytes) {
            Ok(value) => Ok(Loaded {
                value,
                set_aside: None,
            }),
            Err(_) => {
                let aside = self.aside_path();
                std::fs::rename(&self.path, &aside).map_err(|source| ConfigFileError::Write {
                    path: aside.clone(),
                    source,
                })?;
                tracing::warn!(file = %self.path.display(), moved_to = %aside.display(), "unreadable settings file set aside");
                Ok(Loaded {
                    value: T::default(),
                    set_aside: Some(aside),
                })
            }
        }
    }

    /// Replaces the file with `value` in one step.
    pub fn save(&self, value: &T) -> Result<(), ConfigFileError> {
        let json =
            serde_json::to_vec_pretty(value).map_err(|e| ConfigFileError::Encode(e.to_string()))?;
        let write_err = |source| ConfigFileError::Write {
            path: self.path.clone(),
            source,
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(write_err)?;
        let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(write_err)?;
        temp.write_all(&json).map_err(write_err)?;
        temp.write_all(b"\n").map_err(write_err)?;
        temp.as_file().sync_all().map_err(write_err)?;
        temp.persist(&self.path).map_err(|e| write_err(e.error))?;
        Ok(())
    }

    fn aside_path(&self) -> PathBuf {
        let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.path.with_file_name(format!("{name}.corrupt-{stamp}"))
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, Serialize, serde::Deserialize)]
    struct Settings {
        names: Vec<String>,
    }

    #[test]
    fn saved_settings_load_back() {
        let dir = tempfile::tempdir().expect("dir");
        let file = JsonFile::<Settings>::new(dir.path().join("nested/profiles.json"));
        assert_eq!(file.load().expect("load").value, Settings::default());
        let s = Settings {
            names: vec!["Acme".into()],
        };
        file.save(&s).expect("save");
        assert_eq!(
            file.load().expect("load"),
            Loaded {
                value: s,
                set_aside: None
            }
        );
        // No temp files are left beside it.
        let left: Vec<_> = std::fs::read_dir(dir.path().join("nested"))
            .expect("dir")
            .collect();
        assert_eq!(left.len(), 1);
    }

    #[test]
    fn a_corrupt_file_is_kept_aside_and_reported() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("profiles.json");
        std::fs::write(&path, b"{\"names\": [\"Acme\"").expect("write");
        let file = JsonFile::<Settings>::new(&path);
        let loaded = file.load().expect("load");
        assert_eq!(loaded.value, Settings::default());
        let aside = loaded.set_aside.expect("the corrupt file was set aside");
        assert_eq!(
            std::fs::read(&aside).expect("kept"),
            b"{\"names\": [\"Acme\""
        );
        assert!(!path.exists(), "the corrupt file no longer stands in place");
    }

    #[test]
    fn a_file_that_cannot_be_read_is_an_error_and_left_in_place() {
        let dir = tempfile::tempdir().expect("dir");
        // A folder where the file should be: unreadable even for root.
        let path = dir.path().join("profiles.json");
        std::fs::create_dir_all(path.join("kept")).expect("folder");
        let file = JsonFile::<Settings>::new(&path);
        match file.load() {
            Err(ConfigFileError::Read { path: named, .. }) => assert_eq!(named, path),
            other => panic!("expected a read error, got {other:?}"),
        }
        assert!(path.join("kept").is_dir(), "nothing was moved or replaced");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }
}
