//! The built-in Sandbox profiles: while the user has no profile of their own (or when they ask,
//! "Try the sandbox"), Lanyard starts its local stand-ins on loopback and offers one profile per
//! product, so every workflow can be tried without a tenant. The sandbox's credentials are made
//! at its start and stay in memory.

use std::collections::HashMap;
use std::sync::Arc;

use lanyard_model::Profile;
use lanyard_model::profile::{AuthMethod, Environment, Product};
use lanyard_sandbox::{Sandbox, SandboxConfig};
use secrecy::SecretString;

use crate::error::CoreError;

#[derive(Debug)]
pub struct Builtin {
    /// The running stand-ins: their addresses, and for tests their credentials and admin token.
    pub sandbox: Sandbox,
    pub profiles: Vec<Profile>,
    secrets: HashMap<String, SecretString>,
}

/// Whether the built-in sandbox runs: started on first use while the user has no profile of
/// their own and has not hidden it, or when asked; once started it stays for the session.
#[derive(Debug, Default)]
pub struct BuiltinSlot {
    running: tokio::sync::Mutex<Option<Arc<Builtin>>>,
}

impl BuiltinSlot {
    /// The sandbox to offer now: none while hidden; the running one; or a new one when the user
    /// has no profile of their own.
    pub async fn offered(&self, own_profiles: usize, hidden: bool) -> Option<Arc<Builtin>> {
        if hidden {
            return None;
        }
        let mut running = self.running.lock().await;
        if running.is_none() && own_profiles == 0 {
            match Builtin::start().await {
                Ok(b) => *running = Some(Arc::new(b)),
                Err(err) => tracing::warn!(%err, "no built-in sandbox"),
            }
        }
        running.clone()
    }

    /// Starts the sandbox whatever profiles exist ("Try the sandbox"); the running one if any.
    pub async fn start_now(&self) -> Result<Arc<Builtin>, CoreError> {
        let mut running = self.running.lock().await;
        if let Some(b) = running.as_ref() {
            return Ok(b.clone());
        }
        let b = Arc::new(Builtin::start().await?);
        *running = Some(b.clone());
        Ok(b)
    }

    /// The sandbox if it runs, without starting it.
    pub fn running(&self) -> Option<Arc<Builtin>> {
        self.running.try_lock().ok().and_then(|r| r.clone())
    }
}

impl Builtin {
    /// Starts the stand-ins with credentials made now.
    pub async fn start() -> Result<Self, CoreError> {
        let sandbox = lanyard_sandbox::start(SandboxConfig::default())
            .await
            .map_err(CoreError::Sandbox)?;
        let c = sandbox.credentials().clone();
        let profile = |id: &str, product, name: &str, url: String, auth| Profile {
            id: id.to_owned(),
            product,
            display_name: name.to_owned(),
            base_url: url,
            auth,
            environment: Environment::Sandbox,
            secret_ref: String::new(),
            builtin: true,
        };
        let profiles = vec![
            profile(
                "sandbox-auth0",
                Product::Auth0,
                "Auth0 Sandbox",
                sandbox.auth0_url(),
                AuthMethod::Auth0ClientCredentials {
                    client_id: c.auth0_client_id.clone(),
                },
            ),
            profile(
                "sandbox-zitadel",
                Product::Zitadel,
                "ZITADEL Sandbox",
                sandbox.zitadel_url(),
                AuthMethod::ZitadelPat,
            ),
            profile(
                "sandbox-hub",
                Product::Hub,
                "Hub Sandbox",
                sandbox.hub_url(),
                AuthMethod::HubPermanentToken,
            ),
        ];
        let secrets = HashMap::from([
            (
                "sandbox-auth0".to_owned(),
                SecretString::from(c.auth0_client_secret.clone()),
            ),
            (
                "sandbox-zitadel".to_owned(),
                SecretString::from(c.zitadel_pat.clone()),
            ),
            (
                "sandbox-hub".to_owned(),
                SecretString::from(c.hub_token.clone()),
            ),
        ]);
        Ok(Self {
            sandbox,
            profiles,
            secrets,
        })
    }

    pub fn secret(&self, id: &str) -> Option<SecretString> {
        self.secrets.get(id).cloned()
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_sandbox_starts_only_without_profiles_of_ones_own_or_when_asked() {
        let slot = BuiltinSlot::default();
        assert!(
            slot.offered(1, false).await.is_none(),
            "real profiles: none"
        );
        assert!(slot.running().is_none(), "and nothing was started");
        assert!(slot.offered(0, true).await.is_none(), "hidden: none");
        assert!(slot.running().is_none());

        let tried = slot.start_now().await.expect("Try the sandbox starts it");
        let offered = slot.offered(1, false).await.expect("then offered");
        assert!(
            Arc::ptr_eq(&tried, &offered),
            "the same sandbox all session"
        );
        assert!(slot.offered(1, true).await.is_none(), "hidden again: none");

        let fresh = BuiltinSlot::default();
        let first = fresh.offered(0, false).await.expect("no profiles: offered");
        assert_eq!(first.profiles.len(), 3);
        assert!(first.profiles.iter().all(|p| p.builtin));
    }

    #[tokio::test]
    async fn each_start_has_its_own_credentials_kept_as_the_profiles_secrets() {
        let (a, b) = (
            Builtin::start().await.expect("a"),
            Builtin::start().await.expect("b"),
        );
        use secrecy::ExposeSecret;
        let secret = |x: &Builtin, id: &str| {
            x.secret(id)
                .map(|s| s.expose_secret().to_owned())
                .unwrap_or_default()
        };
        for id in ["sandbox-auth0", "sandbox-zitadel", "sandbox-hub"] {
            assert!(!secret(&a, id).is_empty());
            assert_ne!(secret(&a, id), secret(&b, id), "{id}");
        }
        assert_eq!(secret(&a, "sandbox-hub"), a.sandbox.credentials().hub_token);
    }
}
