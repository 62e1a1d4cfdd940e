//! What can stop the sandbox from starting.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("the sandbox settings are not usable: {0}")]
    Config(String),
    #[error("cannot make the sandbox's TLS certificates: {0}")]
    Tls(String),
    #[error("cannot write the sandbox CA to {path}: {source}")]
    CaFile {
        path: PathBuf,
        source: std::io::Error,
    },
}
