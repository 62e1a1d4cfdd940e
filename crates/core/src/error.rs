//! The errors of the application layer.

/// What can go wrong in the application layer.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error(transparent)]
    Secrets(#[from] crate::secrets::SecretsError),
}
