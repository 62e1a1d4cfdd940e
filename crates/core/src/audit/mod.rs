//! The audit log: one JSON object per line in the app's data folder, appended and flushed to
//! disk per entry so that a crash loses at most the entry being written. Read back for the
//! Activity page and exported as CSV or JSON.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How a change ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    Failure,
    /// The request was sent but its effect could not be confirmed.
    Unknown,
}

/// One target of a change, by id and, when known, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub kind: String,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// One line of the audit log. Holds no secret: request summaries are built from validated
/// request types, which carry no credentials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// RFC 3339, UTC.
    pub time: String,
    pub profile_id: String,
    pub profile_name: String,
    pub product: String,
    pub operation: String,
    pub targets: Vec<Target>,
    /// What was sent (the JSON body or its parameters).
    pub request: serde_json::Value,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// The OS user who ran Lanyard.
    pub who: String,
    /// The bulk run this change belonged to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_id: Option<String>,
}

impl AuditEntry {
    /// The current time in the log's format.
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
}

impl AuditLog {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            lock: std::sync::Mutex::new(()),
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
        let write_err = |source| AuditError::Write {
            path: self.path.clone(),
            source,
        };
        let mut line =
            serde_json::to_vec(entry).map_err(|e| write_err(std::io::Error::other(e)))?;
        line.push(b'\n');
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
            line.insert(0, b'\n');
        }
        file.write_all(&line).map_err(write_err)?;
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

/// The entries as CSV, one row each, with a header row.
pub fn to_csv(entries: &[AuditEntry]) -> String {
    let mut out = String::from(
        "time,who,profile,product,operation,targets,outcome,status,message,correlation_id,run_id,request\n",
    );
    for e in entries {
        let targets = e
            .targets
            .iter()
            .map(|t| match &t.name {
                Some(name) => format!("{}:{} ({name})", t.kind, t.id),
                None => format!("{}:{}", t.kind, t.id),
            })
            .collect::<Vec<_>>()
            .join("; ");
        let outcome = match e.outcome {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Unknown => "unknown",
        };
        let fields = [
            e.time.clone(),
            e.who.clone(),
            e.profile_name.clone(),
            e.product.clone(),
            e.operation.clone(),
            targets,
            outcome.to_owned(),
            e.status.map(|s| s.to_string()).unwrap_or_default(),
            e.message.clone().unwrap_or_default(),
            e.correlation_id.clone().unwrap_or_default(),
            e.run_id.clone().unwrap_or_default(),
            e.request.to_string(),
        ];
        out.push_str(
            &fields
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

/// Quotes a field when it needs it, and defuses spreadsheet formulas.
pub(crate) fn csv_field(value: &str) -> String {
    // A leading = + - @ makes spreadsheets evaluate the cell; a quote mark keeps it text.
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn entry(op: &str, outcome: Outcome) -> AuditEntry {
        AuditEntry {
            time: AuditEntry::now(),
            profile_id: "p1".into(),
            profile_name: "Acme prod".into(),
            product: "auth0".into(),
            operation: op.into(),
            targets: vec![Target {
                kind: "organization".into(),
                id: "org_1".into(),
                name: Some("Acme, Inc.".into()),
            }],
            request: serde_json::json!({"connection_id": "con_1", "is_enabled": true}),
            outcome,
            status: Some(201),
            message: None,
            correlation_id: Some("c-1".into()),
            who: "alice".into(),
            run_id: None,
        }
    }

    #[test]
    fn entries_come_back_newest_first() {
        let dir = tempfile::tempdir().expect("dir");
        let log = AuditLog::in_dir(dir.path());
        log.append(&entry("enable", Outcome::Success))
            .expect("append");
        log.append(&entry("remove", Outcome::Failure))
            .expect("append");
        let read = log.read().expect("read");
        assert_eq!(
            read.entries
                .iter()
                .map(|e| e.operation.as_str())
                .collect::<Vec<_>>(),
            ["remove", "enable"]
        );
        assert_eq!(read.skipped_lines, 0);
    }

    #[test]
    fn a_line_cut_off_by_a_crash_is_skipped_and_later_entries_still_land() {
        let dir = tempfile::tempdir().expect("dir");
        let log = AuditLog::in_dir(dir.path());
        log.append(&entry("enable", Outcome::Success))
            .expect("append");
        // Simulate a crash in the middle of writing the next entry.
        let mut file = OpenOptions::new()
            .append(true)
            .open(log.path())
            .expect("open");
        file.write_all(br#"{"time":"2026-11-23T00:00:00Z","profile_id":"p1","prof"#)
            .expect("partial");
        drop(file);
        log.append(&entry("remove", Outcome::Success))
            .expect("append after crash");
        let read = log.read().expect("read");
        assert_eq!(read.entries.len(), 2);
        assert_eq!(read.skipped_lines, 1);
        assert_eq!(read.entries[0].operation, "remove");
    }

    #[test]
    fn a_line_that_is_not_utf8_is_skipped_and_counted_and_the_rest_is_read() {
        let dir = tempfile::tempdir().expect("dir");
        let log = AuditLog::in_dir(dir.path());
        log.append(&entry("first", Outcome::Success))
            .expect("append");
        let mut file = OpenOptions::new()
            .append(true)
            .open(log.path())
            .expect("open");
        file.write_all(b"{\"time\":\"\xff\xfe\"}\n\xc3\x28 not text\n")
            .expect("garbage");
        drop(file);
        log.append(&entry("second", Outcome::Success))
            .expect("append");
        log.append(&entry("third", Outcome::Failure))
            .expect("append");
        let read = log.read().expect("read");
        assert_eq!(
            read.entries
                .iter()
                .map(|e| e.operation.as_str())
                .collect::<Vec<_>>(),
            ["third", "second", "first"]
        );
        assert_eq!(read.skipped_lines, 2);
    }

    #[cfg(unix)]
    #[test]
    fn the_log_is_created_for_this_user_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let log = AuditLog::in_dir(dir.path());
        log.append(&entry("enable", Outcome::Success))
            .expect("append");
        let mode = std::fs::metadata(log.path())
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_log_that_cannot_be_opened_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("dir");
        // A folder where the file should be: refused even for root.
        std::fs::create_dir(dir.path().join("audit.jsonl")).expect("dir in the way");
        let log = AuditLog::in_dir(dir.path());
        let err = log
            .append(&entry("enable", Outcome::Success))
            .expect_err("cannot append to a folder");
        assert!(err.to_string().contains("audit.jsonl"), "{err}");
    }

    #[test]
    fn a_missing_log_is_empty() {
        let dir = tempfile::tempdir().expect("dir");
        assert_eq!(
            AuditLog::in_dir(dir.path()).read().expect("read"),
            AuditRead::default()
        );
    }

    #[test]
    fn csv_quotes_commas_and_defuses_formulas() {
        let mut e = entry("enable", Outcome::Success);
        e.message = Some("=HYPERLINK(\"x\")".into());
        let csv = to_csv(&[e]);
        let row = csv.lines().nth(1).expect("row");
        assert!(row.contains("\"organization:org_1 (Acme, Inc.)\""), "{row}");
        assert!(row.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{row}");
        assert_eq!(csv.lines().count(), 2);
    }
}
