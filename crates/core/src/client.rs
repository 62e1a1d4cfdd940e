//! The HTTP client of a profile's product, made from the profile and its secret.

use std::sync::Arc;

use lanyard_model::profile::AuthMethod;
use lanyard_model::{Product, Profile};
use lanyard_providers::HttpOptions;
use lanyard_providers::auth::Credentials;
use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::hub::HubClient;
use lanyard_providers::zitadel::ZitadelClient;
use secrecy::SecretString;

use crate::error::CoreError;

#[derive(Debug, Clone)]
pub enum Client {
    Auth0(Arc<Auth0Client>),
    Zitadel(Arc<ZitadelClient>),
    Hub(Arc<HubClient>),
}

impl Client {
    pub fn new(profile: &Profile, secret: SecretString) -> Result<Self, CoreError> {
        let options = HttpOptions::default();
        Ok(match &profile.auth {
            AuthMethod::Auth0ClientCredentials { client_id } => Client::Auth0(Arc::new(
                Auth0Client::new(&profile.base_url, client_id, secret, options)?,
            )),
            AuthMethod::ZitadelPat => Client::Zitadel(Arc::new(ZitadelClient::new(
                &profile.base_url,
                secret,
                options,
            )?)),
            AuthMethod::HubPermanentToken => Client::Hub(Arc::new(HubClient::new(
                &profile.base_url,
                Credentials::Bearer(secret),
                options,
            )?)),
            AuthMethod::HubClientCredentials { service_id, scope } => {
                Client::Hub(Arc::new(HubClient::new(
                    &profile.base_url,
                    Credentials::HubClientCredentials {
                        service_id: service_id.clone(),
                        service_secret: secret,
                        scope: scope.clone(),
                    },
                    options,
                )?))
            }
        })
    }

    pub fn auth0(&self) -> Result<&Auth0Client, CoreError> {
        match self {
            Client::Auth0(c) => Ok(c),
            _ => Err(not_of(Product::Auth0)),
        }
    }

    pub fn zitadel(&self) -> Result<&ZitadelClient, CoreError> {
        match self {
            Client::Zitadel(c) => Ok(c),
            _ => Err(not_of(Product::Zitadel)),
        }
    }

    pub fn hub(&self) -> Result<&HubClient, CoreError> {
        match self {
            Client::Hub(c) => Ok(c),
            _ => Err(not_of(Product::Hub)),
        }
    }
}

/// A change for `needs` asked of a profile of another product.
fn not_of(needs: Product) -> CoreError {
    CoreError::Unfit(lanyard_model::error::Unfit::NotOfProduct { needs })
}
