//! The audit log: one JSON object per line in the app's data folder, appended and flushed to
//! disk per entry so that a crash loses at most the entry being written. Read back for the
//! Activity page and exported as CSV or JSON.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

mod csv;
mod page;

pub(crate) use csv::csv_field;
pub use csv::to_csv;
pub use page::AuditPage;

pub use lanyard_model::audit::{AuditEntry, AuditNote, Note, Outcome, Target};

/// The current time in the log's format (RFC 3339, UTC).
pub fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
}

/// The OS user name, as the environment tells it.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "unknown".to_owned())
}

#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error(
        "the audit log {path} could not be written: {source}; check the folder's permissions and free space"
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the audit log {path} could not be read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A read of the log for one filter stopped because another filter was asked for meanwhile
    /// (only the newest is worth the read).
    #[error("the activity filter changed while the log was being read; the newest one is shown")]
    Superseded,
}

/// What reading the log found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditRead {
    /// Newest first.
    pub entries: Vec<AuditEntry>,
    /// Lines that were not entries (e.g. the last one, cut off by a crash).
    pub skipped_lines: usize,
}

/// The append-only log file.
#[derive(Debug)]
pub struct AuditLog {
    path: PathBuf,
    lock: std::sync::Mutex<()>,
    /// The last filter's matching lines, for the next page of it (see `page`).
    matches: std::sync::Mutex<Option<page::Matches>>,
    /// The filter asked for last and the sequence number it was asked with: a read for another
    /// filter stops (see `page`).
    asked: std::sync::Mutex<(String, u64)>,
}

impl AuditLog {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            lock: std::sync::Mutex::new(()),
            matches: std::sync::Mutex::new(None),
            asked: std::sync::Mutex::new((String::new(), 0)),
        }
    }

    /// `audit.jsonl` in `data_dir`.
    pub fn in_dir(data_dir: &Path) -> Self {
        Self::new(data_dir.join("audit.jsonl"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `entry` and flushes it to disk before returning.
    pub fn append(&self, entry: &AuditEntry) -> Result<(), AuditError> {
        self.append_all(std::slice::from_ref(entry))
    }

    /// Appends `entries` in order, and flushes them to disk once before returning (an import,
    /// or a test's log of many entries).
    pub fn append_all(&self, entries: &[AuditEntry]) -> Result<(), AuditError> {
        let write_err = |source| AuditError::Write {
            path: self.path.clone(),
            source,
        };
        let mut lines = Vec::new();
        for entry in entries {
            serde_json::to_writer(&mut lines, entry)
                .map_err(|e| write_err(std::io::Error::other(e)))?;
            lines.push(b'\n');
        }
        // One writer at a time inside the app; the file is opened in append mode besides.
        let _guard = self
            .lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(parent) = self.path.parent() {
            std::fs::create_dir_all(parent).map_err(write_err)?;
        }
        let mut file = open_append(&self.path).map_err(write_err)?;
        if !ends_with_newline(&mut file).map_err(write_err)? {
            // A crash cut the previous line short: start ours on a line of its own.
            lines.insert(0, b'\n');
        }
        file.write_all(&lines).map_err(write_err)?;
        file.sync_data().map_err(write_err)
    }

    /// Every entry, newest first; a missing file is an empty log.
    pub fn read(&self) -> Result<AuditRead, AuditError> {
        let file = match File::open(&self.path) {
            Ok(file) => file,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Ok(AuditRead::default());
            }
            Err(source) => {
                return Err(AuditError::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        let mut read = AuditRead::default();
        let mut reader = BufReader::new(file);
        let mut line = Vec::new();
        loop {
            line.clear();
            // Bytes, not text: a line that is not UTF-8 is one unreadable line, not the end.
            let n = reader
                .read_until(b'\n', &mut line)
                .map_err(|source| AuditError::Read {
                    path: self.path.clone(),
                    source,
                })?;
            if n == 0 {
                break;
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<AuditEntry>(&line) {
                Ok(entry) => read.entries.push(entry),
                Err(_) => read.skipped_lines += 1,
            }
        }
        read.entries.reverse();
        Ok(read)
    }
}

/// Opens the log for appending, creating it readable and writable by this user only (0600).
fn open_append(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).read(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path)?;
        // A log made by an older Lanyard (or by hand) is narrowed to this user too.
        let mode = file.metadata()?.permissions().mode();
        if mode & 0o077 != 0 {
            file.set_permissions(std::fs::Permissions::from_mode(mode & 0o600))?;
        }
        Ok(file)
    }
    #[cfg(not(unix))]
    {
        options.open(path)
    }
}

fn ends_with_newline(file: &mut File) -> std::io::Result<bool> {
    let len = file.seek(SeekFrom::End(0))?;
    if len == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

#[cfg(test)]
mod tests;
