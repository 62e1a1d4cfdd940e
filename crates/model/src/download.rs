//! Where an export the window saved went: the shell picks the file (the user's Downloads folder,
//! never over an existing file) and tells the window, which says it in a toast.

use serde::{Deserialize, Serialize};

/// The end of one download of the window (a Blob URL it made), as the shell saw it; the
/// window words it in its language.
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

/// The longest Blob URL the window may ask about (one is `blob:<origin>/<uuid>`).
pub const MAX_URL_LEN: usize = 512;
