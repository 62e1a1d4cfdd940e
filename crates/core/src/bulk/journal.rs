//! The on-disk record of a bulk run: one JSON file per run in `<data dir>/runs/`, replaced
//! atomically (temp file, fsync, rename, fsync of the folder) before every write the run sends
//! and after every result, so that a run killed at any moment is found again with each item's
//! last known state. A file that cannot be read is reported by name and reason, never skipped.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use lanyard_model::bulk::UnreadableRun;

use super::record::VERSION;
pub use super::record::{Confirmation, Item, RunRecord};
use crate::error::CoreError;

/// The most of a reason kept from a parser's message (it may quote the file).
const REASON_MAX: usize = 300;

/// Why a run could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("there is no journal of this run")]
    NotFound,
    #[error("{0}")]
    Unreadable(String),
}

/// The folder of run journals.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
}

impl Journal {
    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("runs"),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Replaces the run's file with `record`, durably.
    pub fn save(&self, record: &RunRecord) -> Result<(), CoreError> {
        let fail = |err: std::io::Error| {
            CoreError::Other(format!(
                "The journal of bulk run {} could not be written in {}: {err}. Free some disk space or fix the folder's permissions",
                record.id,
                self.dir.display()
            ))
        };
        std::fs::create_dir_all(&self.dir).map_err(fail)?;
        let bytes = serde_json::to_vec(record).map_err(|e| fail(std::io::Error::other(e)))?;
        // Created 0600 by tempfile: only this user reads the run's journal.
        let mut temp = tempfile::NamedTempFile::new_in(&self.dir).map_err(fail)?;
        temp.write_all(&bytes).map_err(fail)?;
        temp.as_file().sync_all().map_err(fail)?;
        temp.persist(self.path(&record.id))
            .map_err(|e| fail(e.error))?;
        // The rename itself is durable only once the folder is synced.
        if let Ok(dir) = File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// The run `id`, or why it cannot be read.
    pub fn load(&self, id: &str) -> Result<RunRecord, LoadError> {
        if !valid_id(id) || !self.path(id).exists() {
            return Err(LoadError::NotFound);
        }
        self.read(&self.path(id), id).map_err(LoadError::Unreadable)
    }

    fn read(&self, path: &Path, id: &str) -> Result<RunRecord, String> {
        let bytes = std::fs::read(path).map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => {
                format!("no journal for run {id} in {}", self.dir.display())
            }
            _ => format!("it cannot be read: {err}"),
        })?;
        #[derive(serde::Deserialize)]
        struct Header {
            version: u32,
        }
        // The version first, so that a newer format is named as such and not as a parse error.
        let version = serde_json::from_slice::<Header>(&bytes)
            .map_err(|err| {
                cut(format!(
                    "it is not a readable run journal ({err}); it may have been cut short or edited"
                ))
            })?
            .version;
        let record = match version {
            VERSION => serde_json::from_slice::<RunRecord>(&bytes).map_err(|err| err.to_string()),
            1 => super::legacy::upgrade(&bytes),
            _ => {
                return Err(format!(
                    "it is a version {version} journal; this Lanyard reads versions 1 and {VERSION}. Open it with the Lanyard that wrote it"
                ));
            }
        }
        .map_err(|err| {
            cut(format!(
                "it is not a readable run journal ({err}); it may have been cut short or edited"
            ))
        })?;
        if record.id != id {
            return Err(format!(
                "it holds run {} under the name of run {id}; it may have been copied or renamed",
                cut(record.id)
            ));
        }
        Ok(record)
    }

    /// Every readable run, newest first, and every `.json` file of the folder that is not one.
    pub fn list(&self) -> (Vec<RunRecord>, Vec<UnreadableRun>) {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return (Vec::new(), Vec::new());
            }
            Err(err) => {
                return (
                    Vec::new(),
                    vec![UnreadableRun {
                        file: self.dir.display().to_string(),
                        reason: format!(
                            "the folder of bulk runs cannot be read: {err}; fix its permissions"
                        ),
                    }],
                );
            }
        };
        let mut runs = Vec::new();
        let mut unreadable = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    unreadable.push(UnreadableRun {
                        file: self.dir.display().to_string(),
                        reason: format!("an entry of the folder cannot be read: {err}"),
                    });
                    continue;
                }
            };
            let name = entry.file_name().to_string_lossy().into_owned();
            // Temp files of an atomic write cut short are not journals; others are reported.
            let Some(id) = name.strip_suffix(".json") else {
                continue;
            };
            let result = if valid_id(id) {
                self.read(&entry.path(), id)
            } else {
                Err("its name is not that of a run journal (run-<id>.json)".to_owned())
            };
            match result {
                Ok(record) => runs.push(record),
                Err(reason) => unreadable.push(UnreadableRun { file: name, reason }),
            }
        }
        runs.sort_by(|a, b| b.created.cmp(&a.created).then(b.id.cmp(&a.id)));
        unreadable.sort_by(|a, b| a.file.cmp(&b.file));
        (runs, unreadable)
    }
}

fn cut(mut text: String) -> String {
    if text.len() > REASON_MAX {
        let mut end = REASON_MAX;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
    text
}

/// Run ids are made here (`run-` and a UUID); anything else is not looked up on disk.
pub fn valid_id(id: &str) -> bool {
    id.len() <= 64
        && id
            .strip_prefix("run-")
            .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_hexdigit() || c == '-'))
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_elsewhere_never_name_a_file() {
        assert!(valid_id("run-0f1e2d3c-aaaa-bbbb-cccc-000011112222"));
        assert!(!valid_id("run-../../etc/passwd"));
        assert!(!valid_id("settings"));
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(Journal::in_dir(dir.path()).load("../x").is_err());
    }

    #[test]
    fn a_long_reason_is_cut_on_a_character_boundary() {
        let text = cut("é".repeat(400));
        assert!(text.len() <= REASON_MAX + '…'.len_utf8());
        assert!(text.ends_with('…'));
    }
}
