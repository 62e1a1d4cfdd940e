//! One Lanyard process per data folder: an OS file lock on `<data>/lanyard.lock`, held for the
//! life of the process, keeps a second one from working the same bulk runs or overwriting the
//! profiles file. The OS drops the lock when the process ends, however it ends.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The lock file's name inside the data folder.
pub const LOCK_FILE: &str = "lanyard.lock";

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds the lock.
    #[error("Lanyard is already running{} with the data folder {}", pid_text(.pid), .dir.display())]
    Held { dir: PathBuf, pid: Option<u32> },
    #[error("the lock file {path} could not be opened or locked: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn pid_text(pid: &Option<u32>) -> String {
    pid.map(|p| format!(" (process {p})")).unwrap_or_default()
}

/// The held lock; dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct InstanceLock {
    file: File,
    path: PathBuf,
}

impl InstanceLock {
    /// Takes the lock of `data_dir` (created if missing), or says who holds it.
    pub fn acquire(data_dir: &Path) -> Result<Self, LockError> {
        let path = data_dir.join(LOCK_FILE);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(data_dir).map_err(io)?;
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let pid = file
                    .read_to_string(&mut text)
                    .ok()
                    .and_then(|_| text.trim().parse().ok());
                return Err(LockError::Held {
                    dir: data_dir.to_path_buf(),
                    pid,
                });
            }
            Err(TryLockError::Error(source)) => return Err(io(source)),
        }
        // The holder's process id, for the message a second process shows; not needed for the lock.
        let _ = file
            .set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| writeln!(file, "{}", std::process::id()))
            .and_then(|()| file.sync_all());
        Ok(Self { file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for InstanceLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_while_the_first_holds_it_and_granted_after() {
        let dir = tempfile::tempdir().expect("dir");
        let data = dir.path().join("data");
        let first = InstanceLock::acquire(&data).expect("the first takes the lock");
        match InstanceLock::acquire(&data) {
            Err(LockError::Held { dir, pid }) => {
                assert_eq!(dir, data);
                assert_eq!(pid, Some(std::process::id()), "the holder is named");
            }
            other => panic!("a second lock was not refused: {other:?}"),
        }
        let message = InstanceLock::acquire(&data).unwrap_err().to_string();
        assert!(message.contains("already running"), "{message}");
        drop(first);
        let again = InstanceLock::acquire(&data).expect("granted after release");
        assert_eq!(again.path(), data.join(LOCK_FILE));
    }

    #[test]
    fn another_data_folder_has_its_own_lock() {
        let dir = tempfile::tempdir().expect("dir");
        let _a = InstanceLock::acquire(&dir.path().join("a")).expect("a");
        let _b = InstanceLock::acquire(&dir.path().join("b")).expect("b");
    }
}
