//! The on-disk record of a bulk run: one file per run in `<data dir>/runs/`, in the append-only
//! format of `lines`. A run's file is written whole (temp file, fsync, rename, fsync of the
//! folder) when it is created, when many items change at once and when it settles; in between,
//! each change of an item or of the run is one line appended and fsynced before the write it
//! announces is sent. A run killed at any moment is found again with each item's last known
//! state. A file that cannot be read is reported by name and reason, never skipped.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use lanyard_model::bulk::{JournalProblem, RunSummary, UnreadableRun};
use lanyard_model::error::ConfigProblem;

use super::lines::{self, MAX_LINE, MAX_WHOLE};
pub use super::record::{Confirmation, Item, RunRecord};
use super::record::{LINES, VERSION, Whole};
use crate::error::CoreError;

/// Why a run could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("there is no journal of this run")]
    NotFound,
    #[error("{0}")]
    Unreadable(JournalProblem),
}

/// The folder of run journals.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
    /// The runs whose file this session wrote whole, and the number of the next line to append
    /// to it. A run read from disk (an older format, perhaps a last line cut short) is written
    /// whole at its first change, and appended to from then on.
    written: Arc<Mutex<HashMap<String, u64>>>,
}

/// The first line of a journal read for its version: a version 1 or 2 journal is one line.
struct First {
    bytes: Vec<u8>,
    version: u32,
}

impl Journal {
    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("runs"),
            written: Arc::default(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    fn written(&self) -> std::sync::MutexGuard<'_, HashMap<String, u64>> {
        self.written.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn fail(&self, id: &str, err: impl std::fmt::Display) -> CoreError {
        CoreError::Files(ConfigProblem::RunJournalUnwritable {
            run: id.to_owned(),
            folder: self.dir.display().to_string(),
            detail: err.to_string(),
        })
    }

    /// Replaces the run's file with `record`, whole and durably.
    pub fn save(&self, record: &RunRecord) -> Result<(), CoreError> {
        let id = &record.id;
        self.written().remove(id);
        let fail = |err: std::io::Error| self.fail(id, err);
        std::fs::create_dir_all(&self.dir).map_err(fail)?;
        let bytes = lines::whole(record).map_err(|e| self.fail(id, e))?;
        // Created 0600 by tempfile: only this user reads the run's journal.
        let mut temp = tempfile::NamedTempFile::new_in(&self.dir).map_err(fail)?;
        temp.write_all(&bytes).map_err(fail)?;
        temp.as_file().sync_all().map_err(fail)?;
        temp.persist(self.path(id)).map_err(|e| fail(e.error))?;
        // The rename itself is durable only once the folder is synced.
        if let Ok(dir) = File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        self.written()
            .insert(id.clone(), record.items.len() as u64 + 2);
        Ok(())
    }

    /// Journals the run itself as it now stands (its state, note, confirmation...).
    pub fn save_run(&self, record: &RunRecord) -> Result<(), CoreError> {
        self.append(record, true, &[])
    }

    /// Journals `items` of the run (and where the run stands after them).
    pub fn save_items(&self, record: &RunRecord, items: &[usize]) -> Result<(), CoreError> {
        self.append(record, false, items)
    }

    /// Appends the lines of `items` and, when `run`, of the run, and fsyncs them; a run whose
    /// file this session has not written whole is written whole instead.
    fn append(&self, record: &RunRecord, run: bool, items: &[usize]) -> Result<(), CoreError> {
        let id = &record.id;
        let Some(n) = self.written().get(id).copied() else {
            return self.save(record);
        };
        let bytes = lines::appended(record, n, run, items).map_err(|e| self.fail(id, e))?;
        let wrote = OpenOptions::new()
            .append(true)
            .open(self.path(id))
            .and_then(|mut file| {
                file.write_all(&bytes)?;
                file.sync_data()
            });
        match wrote {
            Ok(()) => {
                self.written()
                    .insert(id.clone(), n + lines::count(record, run, items));
                Ok(())
            }
            // A line may be half written: the next change writes the file whole.
            Err(err) => {
                self.written().remove(id);
                Err(self.fail(id, err))
            }
        }
    }

    /// The run `id`, or why it cannot be read.
    pub fn load(&self, id: &str) -> Result<RunRecord, LoadError> {
        if !valid_id(id) || !self.path(id).exists() {
            return Err(LoadError::NotFound);
        }
        self.read(&self.path(id), id).map_err(LoadError::Unreadable)
    }

    fn open(&self, path: &Path, id: &str) -> Result<(BufReader<File>, u64), JournalProblem> {
        let file = File::open(path).map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => JournalProblem::Missing {
                run: id.to_owned(),
                folder: self.dir.display().to_string(),
            },
            _ => cannot_read(&err),
        })?;
        let len = file.metadata().map_err(|err| cannot_read(&err))?.len();
        Ok((BufReader::new(file), len))
    }

    /// The journal's first line and its version; the whole file when it is one JSON document
    /// over several lines (an older format, written by hand or by another tool).
    fn first(reader: &mut BufReader<File>) -> Result<First, JournalProblem> {
        #[derive(serde::Deserialize)]
        struct Version {
            version: u32,
        }
        let mut bytes = Vec::new();
        lines::read_line(reader, MAX_WHOLE, &mut bytes)?;
        if serde_json::from_slice::<Version>(&bytes).is_err() {
            let left = MAX_WHOLE.saturating_sub(bytes.len()) as u64;
            reader
                .take(left + 1)
                .read_to_end(&mut bytes)
                .map_err(|err| cannot_read(&err))?;
            if bytes.len() > MAX_WHOLE {
                return Err(JournalProblem::TooLarge {
                    limit_mb: (MAX_WHOLE >> 20) as u64,
                });
            }
        }
        // The version first, so that a newer format is named as such and not as a parse error.
        let version = serde_json::from_slice::<Version>(&bytes)
            .map_err(|err| lines::unparsed(None, &err))?
            .version;
        if LINES.contains(&version) && (bytes.len() > MAX_LINE || bytes.last() != Some(&b'\n')) {
            return Err(JournalProblem::HeaderTooLong {
                limit_kb: (MAX_LINE / 1024) as u64,
            });
        }
        Ok(First { bytes, version })
    }

    /// A run of version 1 or 2: the whole run in the one line read. Any other version is a
    /// newer Lanyard's (as the Lanyards that read up to version 3 also said of it).
    fn read_whole(first: &First) -> Result<RunRecord, JournalProblem> {
        match first.version {
            2 => serde_json::from_slice::<Whole>(&first.bytes)
                .map(Whole::into_record)
                .map_err(|err| lines::unparsed(None, &err)),
            1 => super::legacy::upgrade(&first.bytes)
                .map_err(|damage| JournalProblem::Damaged { damage }),
            version => Err(JournalProblem::Newer {
                version,
                newest: VERSION,
            }),
        }
    }

    fn read(&self, path: &Path, id: &str) -> Result<RunRecord, JournalProblem> {
        let (mut reader, _) = self.open(path, id)?;
        let first = Self::first(&mut reader)?;
        let record = if LINES.contains(&first.version) {
            lines::replay(&first.bytes, &mut reader)?.0
        } else {
            Self::read_whole(&first)?
        };
        same_id(&record.id, id)?;
        Ok(record)
    }

    /// The summary of run `id` from its header and last line (a journal of this format) or
    /// from the whole run (an older one).
    fn summary(&self, path: &Path, id: &str) -> Result<RunSummary, JournalProblem> {
        let (mut reader, len) = self.open(path, id)?;
        let first = Self::first(&mut reader)?;
        let summary = if LINES.contains(&first.version) {
            lines::summary(&first.bytes, reader.get_mut(), len)?
        } else {
            Self::read_whole(&first)?.summary()
        };
        same_id(&summary.id, id)?;
        Ok(summary)
    }

    /// Every readable run, newest first, and every `.json` file of the folder that is not one.
    /// Each run's items are not read: its header and last line say where it stands.
    pub fn list(&self) -> (Vec<RunSummary>, Vec<UnreadableRun>) {
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
                        reason: JournalProblem::FolderUnreadable {
                            detail: err.to_string(),
                        },
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
                        reason: JournalProblem::EntryUnreadable {
                            detail: err.to_string(),
                        },
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
                self.summary(&entry.path(), id)
            } else {
                Err(JournalProblem::NotAJournalName)
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

fn same_id(found: &str, id: &str) -> Result<(), JournalProblem> {
    if found != id {
        return Err(JournalProblem::OtherRun {
            found: lines::cut(found.to_owned()),
            run: id.to_owned(),
        });
    }
    Ok(())
}

fn cannot_read(err: &std::io::Error) -> JournalProblem {
    JournalProblem::CannotRead {
        detail: err.to_string(),
    }
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
        let text = lines::cut("é".repeat(400));
        assert!(text.len() <= 300 + '…'.len_utf8());
        assert!(text.ends_with('…'));
    }
}
