//! Updates of Lanyard itself: what "Check for updates" found, how a download and install is
//! going, and why one failed, each failure in words that name the cause and the fix.
//!
//! Every text here that came from the update server (release notes, a version, a host, a
//! parser's complaint) was cut to a bounded length by the shell before it got here.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::NetworkCause;

/// The two settings a maintainer gives for updates to be on, as the user is told them.
pub const ENDPOINT_SETTING: &str = "LANYARD_UPDATE_ENDPOINT";
pub const PUBKEY_SETTING: &str = "LANYARD_UPDATE_PUBKEY";

/// What "Check for updates" found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UpdateCheck {
    /// No update endpoint and public key are set: updates are off for this copy.
    NotConfigured,
    /// The server offers nothing newer than `current`.
    UpToDate {
        current: String,
    },
    Available(UpdateOffer),
    Failed {
        problem: UpdateProblem,
    },
}

/// A newer version the server offers; its package is downloaded only when the user asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOffer {
    pub version: String,
    /// The running version.
    pub current: String,
    /// The release notes as plain text (never read as HTML), cut to a bounded length.
    pub notes: Option<String>,
    /// When it was published, RFC 3339, when the server said.
    pub published: Option<String>,
    /// The host the package comes from, to tell the user.
    pub download_host: String,
}

/// Where a download and install is; the window polls it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UpdateProgress {
    /// Nothing started since Lanyard started.
    Idle,
    Downloading {
        version: String,
        received_bytes: u64,
        /// What the server announced, when it did.
        total_bytes: Option<u64>,
    },
    /// The package is in; its signature is being checked.
    Verifying { version: String },
    /// The signature is valid; the installer runs.
    Installing { version: String },
    /// Installed: it runs from the next start of Lanyard.
    Installed { version: String },
    /// Stopped; nothing was installed.
    Failed { problem: UpdateProblem },
}

impl UpdateProgress {
    /// A download, its check or the installer is under way (a second start is refused).
    pub fn is_running(&self) -> bool {
        matches!(
            self,
            UpdateProgress::Downloading { .. }
                | UpdateProgress::Verifying { .. }
                | UpdateProgress::Installing { .. }
        )
    }
}

/// What the update server sent that was too large.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpdatePart {
    /// The update manifest (the JSON that names the version, its package and signature).
    Manifest,
    /// The package itself.
    Package,
}

impl fmt::Display for UpdatePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UpdatePart::Manifest => "update manifest",
            UpdatePart::Package => "update package",
        })
    }
}

const ASK_MAINTAINER: &str = "Tell whoever publishes Lanyard's releases";

/// Why a check, download or install stopped. Its Display is "<cause>. <fix>".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UpdateProblem {
    /// A setting is there but cannot be used; `setting` is its name.
    #[error(
        "Updates are set up wrongly: {setting} {reason}. Fix {setting} (see the README's Updates section) and start Lanyard again"
    )]
    Misconfigured { setting: String, reason: String },

    #[error(
        "The update server {host} could not be reached ({cause}). Check this computer's network, then check again"
    )]
    Unreachable { host: String, cause: NetworkCause },

    #[error(
        "The update server {host} did not answer within {after_secs} s. Check this computer's network, then check again"
    )]
    TimedOut { host: String, after_secs: u64 },

    #[error(
        "The update server {host} answered HTTP {status} instead of the {part}. Check again later; if it persists, {}",
        ASK_MAINTAINER.to_lowercase()
    )]
    Refused {
        host: String,
        status: u16,
        part: UpdatePart,
    },

    #[error(
        "The {part} is larger than {} MiB, more than Lanyard accepts, so it was not read. {ASK_MAINTAINER}",
        limit_bytes / (1024 * 1024)
    )]
    TooLarge { part: UpdatePart, limit_bytes: u64 },

    /// A package address or a redirect that is not https (loopback excepted).
    #[error(
        "The update server pointed to {host} without https, which Lanyard refuses: a package must come over https. {ASK_MAINTAINER}"
    )]
    NotHttps { host: String },

    #[error(
        "The update manifest could not be read ({reason}). {ASK_MAINTAINER}: it must be the JSON Tauri's updater reads"
    )]
    UnreadableManifest { reason: String },

    #[error(
        "The new version has no package for this computer (looked for {}). {ASK_MAINTAINER}, or install it by hand from the release page",
        targets.join(", ")
    )]
    NoPackageForThisComputer { targets: Vec<String> },

    /// The package does not match its signature under the configured public key: nothing
    /// was installed.
    #[error(
        "The update package's signature is not valid ({reason}), so it was not installed: it may have been tampered with, or signed with another key. Nothing was changed. {ASK_MAINTAINER}"
    )]
    BadSignature { reason: String },

    /// A valid signature made for another version than the manifest announced (a replayed or
    /// downgraded release).
    #[error(
        "The update package was signed for version {signed}, but the server announced {announced}, so it was not installed. Nothing was changed. {ASK_MAINTAINER}"
    )]
    SignedForAnotherVersion { signed: String, announced: String },

    /// The download or install was asked for a version no check offered in this session.
    #[error("No update to version {version} was offered. Check for updates again")]
    NotOffered { version: String },

    /// This copy runs from a build folder, not an installed package: it is never replaced.
    #[error(
        "The package downloaded and its signature is valid, but this copy of Lanyard was not installed from a package (it runs from a build folder), so nothing was installed. Install version {version} from the release page"
    )]
    NotAnInstalledCopy { version: String },

    #[error(
        "Installing version {version} failed ({reason}). Lanyard was left as it was; install it by hand from the release page"
    )]
    InstallFailed { version: String, reason: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_its_cause_and_what_to_do() {
        let bad = UpdateProblem::BadSignature {
            reason: "Signature verification failed".into(),
        };
        let text = bad.to_string();
        assert!(text.contains("signature is not valid"), "{text}");
        assert!(text.contains("Nothing was changed"), "{text}");

        let big = UpdateProblem::TooLarge {
            part: UpdatePart::Manifest,
            limit_bytes: 2 * 1024 * 1024,
        };
        assert!(
            big.to_string()
                .starts_with("The update manifest is larger than 2 MiB"),
            "{big}"
        );
        let refused = UpdateProblem::Refused {
            host: "updates.example.com".into(),
            status: 503,
            part: UpdatePart::Package,
        };
        assert!(
            refused
                .to_string()
                .contains("HTTP 503 instead of the update package"),
            "{refused}"
        );
    }

    #[test]
    fn the_progress_says_when_a_second_start_must_wait() {
        let downloading = UpdateProgress::Downloading {
            version: "1.2.0".into(),
            received_bytes: 0,
            total_bytes: None,
        };
        assert!(downloading.is_running());
        assert!(!UpdateProgress::Idle.is_running());
        let failed = UpdateProgress::Failed {
            problem: UpdateProblem::NotOffered {
                version: "1.2.0".into(),
            },
        };
        assert!(!failed.is_running());
    }

    #[test]
    fn a_check_crosses_ipc_as_tagged_json() {
        let check = UpdateCheck::UpToDate {
            current: "0.1.0".into(),
        };
        let json = serde_json::to_value(&check).expect("serializes");
        assert_eq!(json["kind"], "up_to_date");
        let back: UpdateCheck = serde_json::from_value(json).expect("reads back");
        assert_eq!(back, check);
    }
}
