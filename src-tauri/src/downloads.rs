//! The window's downloads (the exports): only a Blob URL the app's own page made may download,
//! into the user's Downloads folder (the home folder when the system names none), under the name
//! the window suggested, made safe, and never over an existing file (" (1)", " (2)"…). How each
//! one ended is kept for the window to ask (`download_result`), which says it in a toast.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use lanyard_model::download::DownloadOutcome;
use tauri::Url;
use tauri::webview::DownloadEvent;

/// The longest file name Lanyard saves, in characters (file systems allow 255 bytes).
const MAX_NAME_CHARS: usize = 120;
/// How many " (n)" are tried before giving up on a name.
const MAX_COPIES: u32 = 9_999;
/// How many ended downloads are kept for the window to ask about.
const KEPT: usize = 32;
/// How long `download_result` waits for a download to end.
pub const WAIT: Duration = Duration::from_secs(60);

/// The window's downloads: those under way (by URL) and the last ones that ended.
#[derive(Debug, Default)]
pub struct Downloads {
    inner: Mutex<Inner>,
    ended: tokio::sync::Notify,
}

#[derive(Debug, Default)]
struct Inner {
    /// URL -> (the file chosen, the folder as shown).
    pending: HashMap<String, (PathBuf, String)>,
    finished: VecDeque<(String, DownloadOutcome)>,
}

impl Downloads {
    /// The webview's download hook: refuses what is not the app's own Blob URL, picks the file,
    /// and records how it ended. `page` is the URL of the page in the window.
    pub fn on_event(
        &self,
        page: Option<&Url>,
        folders: &Folders,
        event: DownloadEvent<'_>,
    ) -> bool {
        match event {
            DownloadEvent::Requested { url, destination } => {
                if !page.is_some_and(|page| is_own_blob(&url, page)) {
                    tracing::warn!(%url, "a download that is not the app's own export was refused");
                    return false;
                }
                let suggested = destination
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let name = safe_name(&suggested);
                let (dir, shown) = folders.target();
                let taken: Vec<PathBuf> =
                    self.lock().pending.values().map(|p| p.0.clone()).collect();
                let Some(path) =
                    free_path(&dir, &name, |p| p.exists() || taken.iter().any(|t| t == p))
                else {
                    self.end(
                        url.as_str(),
                        DownloadOutcome {
                            saved: false,
                            file_name: name,
                            folder: shown,
                            path: String::new(),
                            error: Some(format!(
                                "every name up to \" ({MAX_COPIES})\" is taken in that folder"
                            )),
                        },
                    );
                    return false;
                };
                if let Err(err) = std::fs::create_dir_all(&dir) {
                    self.end(
                        url.as_str(),
                        DownloadOutcome {
                            saved: false,
                            file_name: name,
                            folder: shown,
                            path: String::new(),
                            error: Some(format!("the folder cannot be made ({err})")),
                        },
                    );
                    return false;
                }
                tracing::info!(%url, path = %path.display(), "saving a download");
                self.lock()
                    .pending
                    .insert(url.to_string(), (path.clone(), shown));
                *destination = path;
                true
            }
            DownloadEvent::Finished { url, path, success } => {
                let chosen = self.lock().pending.remove(url.as_str());
                let Some((chosen, shown)) = chosen else {
                    // Refused above (its outcome is kept already), or not one of ours.
                    return true;
                };
                let path = path.unwrap_or(chosen);
                // A finished download's file is there; WebKitGTK says nothing more of a failure.
                let saved = success && path.is_file();
                let outcome = DownloadOutcome {
                    saved,
                    file_name: path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    folder: shown,
                    path: path.display().to_string(),
                    error: (!saved).then(|| {
                        format!(
                            "the window could not write {} (is the folder writable, is the disk full?)",
                            path.display()
                        )
                    }),
                };
                if saved {
                    tracing::info!(path = %path.display(), "download saved");
                } else {
                    tracing::warn!(path = %path.display(), "download failed");
                }
                self.end(url.as_str(), outcome);
                true
            }
            _ => true,
        }
    }

    /// How the download of `url` ended, waiting up to `wait` for it.
    pub async fn result(&self, url: &str, wait: Duration) -> DownloadOutcome {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let ended = self.ended.notified();
            tokio::pin!(ended);
            ended.as_mut().enable();
            if let Some(outcome) = self.take(url) {
                return outcome;
            }
            if tokio::time::timeout_at(deadline, ended).await.is_err() {
                return self.take(url).unwrap_or_else(|| DownloadOutcome {
                    saved: false,
                    file_name: String::new(),
                    folder: String::new(),
                    path: String::new(),
                    error: Some(format!(
                        "the window's download did not end within {} seconds",
                        wait.as_secs()
                    )),
                });
            }
        }
    }

    fn take(&self, url: &str) -> Option<DownloadOutcome> {
        let mut inner = self.lock();
        let at = inner.finished.iter().position(|(u, _)| u == url)?;
        inner.finished.remove(at).map(|(_, o)| o)
    }

    fn end(&self, url: &str, outcome: DownloadOutcome) {
        {
            let mut inner = self.lock();
            inner.finished.push_back((url.to_owned(), outcome));
            while inner.finished.len() > KEPT {
                inner.finished.pop_front();
            }
        }
        self.ended.notify_waiters();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // The data stays consistent across a panic in another holder: each change is one call.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The user's folders, as the system names them.
#[derive(Debug, Clone, Default)]
pub struct Folders {
    pub downloads: Option<PathBuf>,
    pub home: Option<PathBuf>,
}

impl Folders {
    /// The system's, through Tauri's path resolver.
    pub fn of<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> Self {
        use tauri::Manager;
        let path = app.path();
        Self {
            downloads: path.download_dir().ok().filter(|p| p.is_absolute()),
            home: path.home_dir().ok().filter(|p| p.is_absolute()),
        }
    }

    /// Where a download goes (Downloads, else the home folder, else the temp folder), and that
    /// folder for people (`~/Downloads`).
    pub fn target(&self) -> (PathBuf, String) {
        let dir = self
            .downloads
            .clone()
            .or_else(|| self.home.clone())
            .unwrap_or_else(std::env::temp_dir);
        let shown = shown(&dir, self.home.as_deref());
        (dir, shown)
    }
}

/// `dir` with the home folder written `~`.
pub fn shown(dir: &Path, home: Option<&Path>) -> String {
    match home.and_then(|h| dir.strip_prefix(h).ok()) {
        Some(rest) if rest.as_os_str().is_empty() => "~".to_owned(),
        Some(rest) => format!("~{}{}", std::path::MAIN_SEPARATOR, rest.display()),
        None => dir.display().to_string(),
    }
}

/// Whether `url` is a Blob URL made by the page at `page` (same scheme, host and port): the only
/// downloads the window may make. Anything else (a link a server put in a reply) is refused, so
/// the webview never fetches it.
pub fn is_own_blob(url: &Url, page: &Url) -> bool {
    if url.scheme() != "blob" {
        return false;
    }
    let Ok(inner) = Url::parse(url.path()) else {
        return false;
    };
    inner.scheme() == page.scheme()
        && inner.host_str().is_some()
        && inner.host_str() == page.host_str()
        && inner.port_or_known_default() == page.port_or_known_default()
}

/// The suggested file name made safe to save: its last path component, with no control
/// characters or characters Windows refuses, no leading dots or spaces, no trailing dots or
/// spaces, at most [`MAX_NAME_CHARS`] characters (the extension kept), never a Windows device
/// name, and `download` when nothing is left.
pub fn safe_name(suggested: &str) -> String {
    let last = suggested.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    let mut name = cap(trimmed);
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    let device = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem[3..].chars().all(|c| c.is_ascii_digit()));
    if device {
        name.insert(0, '_');
    }
    if name.is_empty() {
        "download".to_owned()
    } else {
        name
    }
}

/// `name` cut to [`MAX_NAME_CHARS`] characters, keeping a short extension.
fn cap(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_owned();
    }
    let (stem, ext) = match split_ext(name) {
        (stem, ext) if ext.chars().count() <= 16 => (stem, ext),
        _ => (name, ""),
    };
    let keep = MAX_NAME_CHARS - ext.chars().count();
    let stem: String = stem.chars().take(keep).collect();
    format!(
        "{}{ext}",
        stem.trim_end_matches(|c: char| c == '.' || c.is_whitespace())
    )
}

/// `a.csv` -> (`a`, `.csv`); a name with no dot (or only a leading one) has no extension.
fn split_ext(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(at) if at > 0 => name.split_at(at),
        _ => (name, ""),
    }
}

/// `dir/name`, or `dir/stem (1).ext`, `(2)`… : the first that `taken` does not claim; `None`
/// when every one up to [`MAX_COPIES`] is taken.
pub fn free_path(dir: &Path, name: &str, taken: impl Fn(&Path) -> bool) -> Option<PathBuf> {
    let first = dir.join(name);
    if !taken(&first) {
        return Some(first);
    }
    let (stem, ext) = split_ext(name);
    (1..=MAX_COPIES)
        .map(|n| dir.join(format!("{stem} ({n}){ext}")))
        .find(|p| !taken(p))
}

#[cfg(test)]
mod tests;
