//! Where an export the window saved went: the shell picks the file (the user's Downloads folder,
//! never over an existing file) and tells the window, which says it in a toast.

use serde::{Deserialize, Serialize};

/// The end of one download of the window (a Blob URL it made), as the shell saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DownloadOutcome {
    /// The file was written in full.
    pub saved: bool,
    /// The file's name, as saved (" (1)" added when the name was taken).
    pub file_name: String,
    /// The folder, for people: the home folder written `~` (`~/Downloads`).
    pub folder: String,
    /// The file's full path; empty when no file was chosen.
    pub path: String,
    /// Why it was not saved, when it was not.
    pub error: Option<String>,
}

impl DownloadOutcome {
    /// "Saved acme.csv to ~/Downloads", or why it was not saved.
    pub fn message(&self) -> String {
        if self.saved {
            format!("Saved {} to {}", self.file_name, self.folder)
        } else {
            let cause = self
                .error
                .clone()
                .unwrap_or_else(|| "the window's download failed".to_owned());
            if self.file_name.is_empty() {
                format!("The export was not saved: {cause}")
            } else {
                format!(
                    "{} was not saved to {}: {cause}",
                    self.file_name, self.folder
                )
            }
        }
    }
}

/// The longest Blob URL the window may ask about (one is `blob:<origin>/<uuid>`).
pub const MAX_URL_LEN: usize = 512;
