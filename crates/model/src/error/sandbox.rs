//! Why the built-in sandbox could not start, typed (the sandbox crate's `SandboxError`, as the
//! window is told it); `detail` is the system's or a parser's own words.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "cause", rename_all = "snake_case")]
pub enum SandboxStart {
    /// No port could be listened on at `addr`.
    CannotListen { addr: String, detail: String },
    /// The sandbox's settings are not usable.
    Settings { detail: String },
    /// Its TLS certificates could not be made.
    Certificates { detail: String },
    /// Its CA certificate could not be written to `path`.
    CaUnwritable { path: String, detail: String },
}

impl fmt::Display for SandboxStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SandboxStart::CannotListen { addr, detail } => {
                write!(f, "cannot listen on {addr}: {detail}")
            }
            SandboxStart::Settings { detail } => {
                write!(f, "the sandbox settings are not usable: {detail}")
            }
            SandboxStart::Certificates { detail } => {
                write!(f, "cannot make the sandbox's TLS certificates: {detail}")
            }
            SandboxStart::CaUnwritable { path, detail } => {
                write!(f, "cannot write the sandbox CA to {path}: {detail}")
            }
        }
    }
}
