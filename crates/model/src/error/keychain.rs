//! What the system keychain refused or failed at, typed: the UI words each in the user's
//! language; `Display` is the English sentence (logs, the English UI). `detail` is the
//! platform's own words (the keychain service's error), shown as it said it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "problem", content = "detail", rename_all = "snake_case")]
pub enum KeychainProblem {
    #[error(
        "the secret is {len} characters long (counted as Windows counts them, in UTF-16 units); the system keychain holds at most {max} (Windows Credential Manager's limit, kept on every system). Use a shorter token (a personal access token or a client secret, not a key file)"
    )]
    TooLong { len: usize, max: usize },
    #[error("the secret is empty; paste the token or client secret")]
    Empty,
    #[error(
        "the system keychain is locked or refused access ({0}); unlock it (on Linux: the login keyring of GNOME Keyring or KWallet) and try again"
    )]
    NoAccess(String),
    #[error(
        "no system keychain is available ({0}); on Linux, install and start gnome-keyring (Secret Service)"
    )]
    Unavailable(String),
    #[error("the keychain failed: {0}")]
    Other(String),
    #[error("the keychain task stopped unexpectedly")]
    TaskFailed,
}
