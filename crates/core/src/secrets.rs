//! Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on
//! Linux), one entry per profile under the service `lanyard`. Nothing else in Lanyard stores a
//! secret; the calls block, so they run on tokio's blocking pool.

use secrecy::{ExposeSecret, SecretString};

/// The keychain service every Lanyard entry is filed under.
pub const SERVICE: &str = "lanyard";

/// Windows Credential Manager holds about 1,280 UTF-16 units per secret; the same bound on
/// every platform keeps a profile portable between them.
pub const MAX_SECRET_UTF16: usize = 1_280;

#[derive(Debug, thiserror::Error)]
pub enum SecretsError {
    #[error(
        "the secret is {len} characters long; the system keychain holds at most {MAX_SECRET_UTF16}. Use a shorter token (a personal access token or a client secret, not a key file)"
    )]
    TooLong { len: usize },
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

/// A handle on Lanyard's entries in the OS keychain.
#[derive(Debug, Clone)]
pub struct Keychain {
    service: String,
}

impl Default for Keychain {
    fn default() -> Self {
        Self::new(SERVICE)
    }
}

impl Keychain {
    /// Entries under `service`; tests use their own service name so they never touch real ones.
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    /// Stores (or replaces) the secret of `account`.
    pub async fn store(&self, account: &str, secret: SecretString) -> Result<(), SecretsError> {
        let len = secret.expose_secret().encode_utf16().count();
        if len == 0 {
            return Err(SecretsError::Empty);
        }
        if len > MAX_SECRET_UTF16 {
            return Err(SecretsError::TooLong { len });
        }
        self.blocking(account, move |entry| {
            entry.set_password(secret.expose_secret())
        })
        .await
    }

    /// The secret of `account`, or `None` when there is none.
    pub async fn read(&self, account: &str) -> Result<Option<SecretString>, SecretsError> {
        let found = self
            .blocking(account, |entry| match entry.get_password() {
                Ok(secret) => Ok(Some(SecretString::from(secret))),
                Err(keyring::Error::NoEntry) => Ok(None),
                Err(err) => Err(err),
            })
            .await?;
        Ok(found)
    }

    /// Deletes the secret of `account`; `false` when there was none.
    pub async fn delete(&self, account: &str) -> Result<bool, SecretsError> {
        self.blocking(account, |entry| match entry.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(err) => Err(err),
        })
        .await
    }

    async fn blocking<T, F>(&self, account: &str, op: F) -> Result<T, SecretsError>
    where
        T: Send + 'static,
        F: FnOnce(&keyring::Entry) -> Result<T, keyring::Error> + Send + 'static,
    {
        let service = self.service.clone();
        let account = account.to_owned();
        tokio::task::spawn_blocking(move || {
            let entry = keyring::Entry::new(&service, &account).map_err(map_err)?;
            op(&entry).map_err(map_err)
        })
        .await
        .map_err(|_| SecretsError::TaskFailed)?
    }
}

fn map_err(err: keyring::Error) -> SecretsError {
    // keyring's messages name the platform failure and never hold the secret itself.
    match err {
        keyring::Error::NoStorageAccess(inner) => SecretsError::NoAccess(inner.to_string()),
        keyring::Error::PlatformFailure(inner) => SecretsError::Unavailable(inner.to_string()),
        other => SecretsError::Other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn oversized_and_empty_secrets_are_refused_before_the_keychain_is_touched() {
        let keychain = Keychain::new("lanyard-test-refusals");
        let long = "x".repeat(MAX_SECRET_UTF16 + 1);
        match keychain.store("p", SecretString::from(long)).await {
            Err(SecretsError::TooLong { len }) => assert_eq!(len, MAX_SECRET_UTF16 + 1),
            other => panic!("expected TooLong, got {other:?}"),
        }
        assert!(matches!(
            keychain.store("p", SecretString::from(String::new())).await,
            Err(SecretsError::Empty)
        ));
    }

    #[test]
    fn errors_tell_the_user_what_to_do() {
        let msg = SecretsError::TooLong { len: 2000 }.to_string();
        assert!(msg.contains("2000") && msg.contains("1280"), "{msg}");
    }
}
