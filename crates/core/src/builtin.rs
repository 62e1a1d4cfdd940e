//! The built-in Sandbox profiles: when no profile exists, Lanyard starts its local stand-ins on
//! loopback and offers one profile per product, so a new user can try every workflow. Their
//! secrets are the sandbox's own and stay in memory.

use std::collections::HashMap;

use lanyard_model::Profile;
use lanyard_model::profile::{AuthMethod, Environment, Product};
use lanyard_sandbox::{Sandbox, SandboxConfig};
use secrecy::SecretString;

use crate::error::CoreError;

#[derive(Debug)]
pub struct Builtin {
    pub sandbox: Sandbox,
    pub profiles: Vec<Profile>,
    secrets: HashMap<String, SecretString>,
}

impl Builtin {
    pub async fn start() -> Result<Self, CoreError> {
        let sandbox = lanyard_sandbox::start(SandboxConfig::default())
            .await
            .map_err(|e| CoreError::Other(format!("The built-in sandbox could not start: {e}")))?;
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
