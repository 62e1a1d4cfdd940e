//! Profiles: which tenant or instance to administer and how to sign in to it. A profile holds
//! no secret; its secret lives in the OS keychain under `secret_ref`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::validation::{FieldErrors, FieldProblem, ProfileChange};

mod address;

use address::host_of;
pub use address::normalize_address;

pub use crate::product::Product;

/// How careful Lanyard is with a profile: production asks for the tenant's name before removals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Production,
    Staging,
    #[default]
    Development,
    /// Lanyard's built-in local sandbox.
    Sandbox,
}

impl Environment {
    pub fn label(self) -> &'static str {
        match self {
            Environment::Production => "Production",
            Environment::Staging => "Staging",
            Environment::Development => "Development",
            Environment::Sandbox => "Sandbox",
        }
    }
}

/// How the profile signs in; the secret part is in the keychain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum AuthMethod {
    /// Auth0 machine-to-machine application; the keychain holds its client secret.
    Auth0ClientCredentials { client_id: String },
    /// ZITADEL service user personal access token (in the keychain).
    ZitadelPat,
    /// Hub permanent token `perm:…` (in the keychain).
    HubPermanentToken,
    /// Hub trusted service; the keychain holds its secret.
    HubClientCredentials { service_id: String, scope: String },
}

/// A saved profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub product: Product,
    pub display_name: String,
    /// `https://tenant.eu.auth0.com`, `https://acme.zitadel.cloud`, `https://hub.acme.com`.
    pub base_url: String,
    pub auth: AuthMethod,
    pub environment: Environment,
    /// Keychain account (service `lanyard`) that holds the secret.
    pub secret_ref: String,
    /// One of the built-in Sandbox profiles.
    #[serde(default)]
    pub builtin: bool,
}

impl Profile {
    /// The name to type to confirm a removal on a production profile: the host.
    pub fn confirmation_name(&self) -> String {
        host_of(&self.base_url).unwrap_or_else(|| self.display_name.clone())
    }
}

/// A secret typed into a form, on its way to the keychain. Never shown by Debug.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct SecretInput(pub String);

impl fmt::Debug for SecretInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("SecretInput(empty)")
        } else {
            f.write_str("SecretInput([redacted])")
        }
    }
}

/// The add/edit profile form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileDraft {
    pub product: Product,
    pub display_name: String,
    /// As typed: a bare domain is taken as https.
    pub address: String,
    /// Auth0 client id or Hub service id; unused for token-only methods.
    #[serde(default)]
    pub client_id: String,
    /// Hub client credentials only: the space-separated service ids of the scope.
    #[serde(default)]
    pub scope: String,
    /// Hub: a permanent token (true) or client credentials (false).
    #[serde(default = "yes")]
    pub use_token: bool,
    pub environment: Environment,
    /// Required when adding; when editing, empty keeps the stored secret.
    #[serde(default)]
    pub secret: SecretInput,
}

fn yes() -> bool {
    true
}

/// Limits of the profile form.
pub const DISPLAY_NAME_MAX: usize = 80;
pub const SECRET_MAX: usize = 1_280;

impl ProfileDraft {
    /// Field errors of the form; `adding` requires the secret.
    pub fn validate(&self, adding: bool) -> FieldErrors {
        let mut e = FieldErrors::new();
        let name_len = self.display_name.trim().chars().count();
        if name_len == 0 {
            e.add("display_name", FieldProblem::ProfileNameMissing);
        } else if name_len > DISPLAY_NAME_MAX {
            e.add(
                "display_name",
                FieldProblem::TooLong {
                    len: name_len,
                    max: DISPLAY_NAME_MAX,
                },
            );
        }
        if let Err(problem) = normalize_address(self.product, &self.address) {
            e.add("address", problem);
        }
        let needs_client = matches!(self.product, Product::Auth0)
            || (self.product == Product::Hub && !self.use_token);
        if needs_client && self.client_id.trim().is_empty() {
            let problem = if self.product == Product::Auth0 {
                FieldProblem::ClientIdMissing
            } else {
                FieldProblem::ServiceIdMissing
            };
            e.add("client_id", problem);
        }
        if self.product == Product::Hub && !self.use_token && self.scope.trim().is_empty() {
            e.add("scope", FieldProblem::ScopeMissing);
        }
        let secret = &self.secret.0;
        if adding && secret.trim().is_empty() {
            e.add("secret", FieldProblem::SecretMissing);
        }
        let len = secret.encode_utf16().count();
        if len > SECRET_MAX {
            e.add(
                "secret",
                FieldProblem::SecretTooLong {
                    len,
                    max: SECRET_MAX,
                },
            );
        }
        if secret.chars().any(char::is_control) {
            e.add("secret", FieldProblem::SecretControlCharacter);
        }
        if self.product == Product::Hub
            && self.use_token
            && !secret.is_empty()
            && !secret.trim().starts_with("perm")
        {
            e.add("secret", FieldProblem::HubTokenPrefix);
        }
        e
    }

    /// Field errors of the form when it edits `existing`. The stored secret was given for one
    /// address, product and sign-in method: when any of them changes, a new secret is needed,
    /// so the stored one is never sent to another host.
    pub fn validate_edit(&self, existing: &Profile) -> FieldErrors {
        let mut e = self.validate(false);
        if !self.secret.0.trim().is_empty() {
            return e;
        }
        let same_kind =
            |a: &AuthMethod, b: &AuthMethod| std::mem::discriminant(a) == std::mem::discriminant(b);
        let change = if self.product != existing.product {
            Some(ProfileChange::Product)
        } else if normalize_address(self.product, &self.address)
            .is_ok_and(|url| url != existing.base_url)
        {
            Some(ProfileChange::Address)
        } else if !same_kind(&self.auth_method(), &existing.auth) {
            Some(ProfileChange::SignIn)
        } else {
            None
        };
        if let Some(change) = change {
            e.add(
                "secret",
                FieldProblem::NewSecretNeeded {
                    change,
                    base_url: existing.base_url.clone(),
                },
            );
        }
        e
    }

    pub fn auth_method(&self) -> AuthMethod {
        match self.product {
            Product::Auth0 => AuthMethod::Auth0ClientCredentials {
                client_id: self.client_id.trim().to_owned(),
            },
            Product::Zitadel => AuthMethod::ZitadelPat,
            Product::Hub if self.use_token => AuthMethod::HubPermanentToken,
            Product::Hub => AuthMethod::HubClientCredentials {
                service_id: self.client_id.trim().to_owned(),
                scope: self.scope.trim().to_owned(),
            },
        }
    }
}

#[cfg(test)]
mod tests;
