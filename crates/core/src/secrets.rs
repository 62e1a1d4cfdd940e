//! Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on
//! Linux), one entry per profile under the service `lanyard`. Nothing else in Lanyard stores a
//! secret; the calls block, so they run on tokio's blocking pool.

use secrecy::{ExposeSecret, SecretString};

/// The keychain service every Lanyard entry is filed under.
pub const SERVICE: &str = "lanyard";

/// The most a secret may hold, in UTF-16 units: Windows Credential Manager stores at most 2,560
/// bytes per credential (`CRED_MAX_CREDENTIAL_BLOB_SIZE`), and the keychain crate writes a
/// secret there as UTF-16. Lanyard refuses longer secrets on every system, rather than split
/// them over several entries: the tokens it takes are far shorter (an Auth0 client secret is 64
/// characters, a ZITADEL or Hub token about 100), one entry per profile cannot be left half
/// written, and a profile made on one system works on the others. The profile form says so as
/// the user types (the model's rule, the same number).
pub const MAX_SECRET_UTF16: usize = lanyard_model::profile::SECRET_MAX;

/// What the keychain refused or failed at (typed in the model, so the UI words it).
pub use lanyard_model::error::KeychainProblem as SecretsError;

/// A handle on Lanyard's entries in the OS keychain.
#[derive(Debug, Clone)]
pub struct Keychain {
    service: String,
    max_utf16: usize,
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
            max_utf16: MAX_SECRET_UTF16,
        }
    }

    /// The same keychain with a smaller limit than [`MAX_SECRET_UTF16`]: tests simulate a
    /// system's limit with it on any system, with secrets a few characters long.
    pub fn with_limit(self, max_utf16: usize) -> Self {
        Self {
            max_utf16: max_utf16.min(MAX_SECRET_UTF16),
            ..self
        }
    }

    /// Stores (or replaces) the secret of `account`. A secret over the limit is refused before
    /// the keychain is touched, so an entry already there keeps its value.
    pub async fn store(&self, account: &str, secret: SecretString) -> Result<(), SecretsError> {
        fits(secret.expose_secret(), self.max_utf16)?;
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

/// Refuses an empty secret and one longer than `max_utf16` UTF-16 units (a character outside
/// the Basic Multilingual Plane counts two, as it does in Windows' credential blob).
fn fits(secret: &str, max_utf16: usize) -> Result<(), SecretsError> {
    let len = secret.encode_utf16().count();
    if len == 0 {
        return Err(SecretsError::Empty);
    }
    if len > max_utf16 {
        return Err(SecretsError::TooLong {
            len,
            max: max_utf16,
        });
    }
    Ok(())
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
            Err(SecretsError::TooLong { len, max }) => {
                assert_eq!((len, max), (MAX_SECRET_UTF16 + 1, 1_280));
            }
            other => panic!("expected TooLong, got {other:?}"),
        }
        assert!(matches!(
            keychain.store("p", SecretString::from(String::new())).await,
            Err(SecretsError::Empty)
        ));
    }

    #[test]
    fn the_limit_is_windows_credential_blob_in_utf16_units() {
        // CRED_MAX_CREDENTIAL_BLOB_SIZE is 5 * 512 bytes; two bytes per UTF-16 unit.
        assert_eq!(MAX_SECRET_UTF16 * 2, 5 * 512);
        assert!(fits(&"x".repeat(MAX_SECRET_UTF16), MAX_SECRET_UTF16).is_ok());
    }

    #[test]
    fn a_simulated_limit_counts_utf16_units_not_bytes_or_chars() {
        // A simulated limit of 8: ASCII up to 8, then refused.
        assert!(fits("abcdefgh", 8).is_ok());
        assert!(matches!(
            fits("abcdefghi", 8),
            Err(SecretsError::TooLong { len: 9, max: 8 })
        ));
        // "é" is 2 bytes in UTF-8 but one UTF-16 unit: 8 of them fit.
        assert!(fits(&"é".repeat(8), 8).is_ok());
        // A character outside the BMP is a surrogate pair: 4 fit, 5 are 10 units.
        assert!(fits(&"\u{1F511}".repeat(4), 8).is_ok());
        assert!(matches!(
            fits(&"\u{1F511}".repeat(5), 8),
            Err(SecretsError::TooLong { len: 10, max: 8 })
        ));
        assert!(matches!(fits("", 8), Err(SecretsError::Empty)));
    }

    #[test]
    fn a_simulated_limit_never_raises_the_real_one() {
        let keychain = Keychain::new("lanyard-test-limit").with_limit(usize::MAX);
        assert_eq!(keychain.max_utf16, MAX_SECRET_UTF16);
    }

    #[test]
    fn errors_tell_the_user_what_to_do() {
        let msg = SecretsError::TooLong {
            len: 2000,
            max: 1280,
        }
        .to_string();
        assert!(
            msg.contains("2000") && msg.contains("1280") && msg.contains("Windows"),
            "{msg}"
        );
    }
}
