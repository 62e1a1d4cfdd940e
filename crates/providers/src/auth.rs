//! Credentials and the access tokens they yield. Auth0 (and Hub, optionally) exchange a client
//! id and secret for a short-lived token, which is cached in memory only, until shortly before
//! it expires; ZITADEL personal access tokens and Hub permanent tokens are used as they are.

use std::time::{Duration, Instant};

use reqwest::Method;
use secrecy::SecretString;
use serde::Deserialize;
use tokio::sync::Mutex;

use crate::error::ProviderError;
use crate::http::{Auth, Http, Reply, Request};

/// What a profile signs in with. Secrets stay wrapped; Debug never shows them.
#[derive(Debug, Clone)]
pub enum Credentials {
    /// Auth0 machine-to-machine app: client credentials grant against `/oauth/token`.
    Auth0ClientCredentials {
        client_id: String,
        client_secret: SecretString,
        audience: String,
    },
    /// A token sent as it is: ZITADEL personal access token, Hub permanent token (`perm:…`).
    Bearer(SecretString),
    /// Hub trusted service: client credentials grant with HTTP Basic against `oauth2/token`.
    HubClientCredentials {
        service_id: String,
        service_secret: SecretString,
        scope: String,
    },
}

#[derive(Deserialize)]
struct TokenReply {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

struct Cached {
    token: SecretString,
    refresh_after: Instant,
}

/// Hands out a valid bearer token for one profile.
pub struct TokenSource {
    http: Http,
    credentials: Credentials,
    cache: Mutex<Option<Cached>>,
}

impl std::fmt::Debug for TokenSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenSource")
            .field("credentials", &self.credentials)
            .finish_non_exhaustive()
    }
}

impl TokenSource {
    /// `http` is a client for the host that issues tokens (the profile's own host).
    pub fn new(http: Http, credentials: Credentials) -> Self {
        Self {
            http,
            credentials,
            cache: Mutex::new(None),
        }
    }

    /// A token that is valid now, fetching a new one when the cached one is near its end.
    pub async fn bearer(&self) -> Result<SecretString, ProviderError> {
        let mut cache = self.cache.lock().await;
        if let Some(cached) = cache.as_ref().filter(|c| Instant::now() < c.refresh_after) {
            return Ok(cached.token.clone());
        }
        let (token, lifetime) = match &self.credentials {
            Credentials::Bearer(token) => return Ok(token.clone()),
            Credentials::Auth0ClientCredentials {
                client_id,
                client_secret,
                audience,
            } => {
                let request = Request::new(Method::POST, "token", "/oauth/token")
                    .segments(["oauth", "token"])
                    .form(vec![
                        (
                            "grant_type".into(),
                            SecretString::from("client_credentials"),
                        ),
                        ("client_id".into(), SecretString::from(client_id.clone())),
                        ("client_secret".into(), client_secret.clone()),
                        ("audience".into(), SecretString::from(audience.clone())),
                    ]);
                self.exchange(request).await?
            }
            Credentials::HubClientCredentials {
                service_id,
                service_secret,
                scope,
            } => {
                let request = Request::new(Method::POST, "token", "/oauth2/token")
                    .segments(["api", "rest", "oauth2", "token"])
                    .repeatable()
                    .auth(Auth::Basic {
                        user: service_id.clone(),
                        secret: service_secret.clone(),
                    })
                    .form(vec![
                        (
                            "grant_type".into(),
                            SecretString::from("client_credentials"),
                        ),
                        ("scope".into(), SecretString::from(scope.clone())),
                    ]);
                self.exchange(request).await?
            }
        };
        *cache = Some(Cached {
            token: token.clone(),
            refresh_after: Instant::now() + refresh_margin(lifetime),
        });
        Ok(token)
    }

    /// Forgets the cached token (the server said it expired); the next call fetches a new one.
    pub async fn invalidate(&self) {
        *self.cache.lock().await = None;
    }

    /// Whether a new token can be had by asking again (not for a fixed token).
    pub fn can_refresh(&self) -> bool {
        !matches!(self.credentials, Credentials::Bearer(_))
    }

    /// Sends `request` through `http` with a valid token. A fetched token the server refuses
    /// (401, e.g. expired early or revoked) is renewed once and the request sent again: a 401
    /// means nothing was done, so even a POST may go again.
    pub async fn send(
        &self,
        http: &Http,
        request: Request,
        correlation_id: &str,
    ) -> Result<Reply, ProviderError> {
        let token = self.bearer().await?;
        let first = http
            .send_with_id(
                request.clone().auth(Auth::Bearer(token)),
                correlation_id.to_owned(),
            )
            .await;
        match first {
            Err(err) if err.is_status(401) && self.can_refresh() => {
                tracing::info!("the access token was refused; fetching a new one");
                self.invalidate().await;
                let token = self.bearer().await?;
                http.send_with_id(request.auth(Auth::Bearer(token)), correlation_id.to_owned())
                    .await
            }
            other => other,
        }
    }

    async fn exchange(&self, request: Request) -> Result<(SecretString, Duration), ProviderError> {
        let reply = self.http.send(request).await.map_err(token_error)?;
        let parsed: TokenReply = reply.json("a token reply")?;
        if parsed.access_token.is_empty() {
            return Err(ProviderError::Decode {
                product: self.http.product(),
                expected: "a token reply",
                reason: "the access token was empty".to_owned(),
                correlation_id: reply.correlation_id,
            });
        }
        // Neither vendor promises a lifetime; without one, assume an hour and refresh early.
        let lifetime = Duration::from_secs(parsed.expires_in.unwrap_or(3_600));
        Ok((SecretString::from(parsed.access_token), lifetime))
    }
}

/// Refresh a minute early, or at 90% of a short lifetime.
fn refresh_margin(lifetime: Duration) -> Duration {
    let margin = Duration::from_secs(60).min(lifetime / 10);
    lifetime.saturating_sub(margin)
}

/// Token endpoints answer RFC 6749 bodies (`{error, error_description}`).
fn token_error(err: ProviderError) -> ProviderError {
    match err {
        ProviderError::Api {
            product,
            status,
            body,
            correlation_id,
            ..
        } => ProviderError::Token {
            product,
            status,
            error: body.code.unwrap_or_else(|| "error".to_owned()),
            description: body.message,
            correlation_id,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_refreshed_before_they_expire() {
        assert_eq!(
            refresh_margin(Duration::from_secs(86_400)),
            Duration::from_secs(86_340)
        );
        assert_eq!(
            refresh_margin(Duration::from_secs(10)),
            Duration::from_secs(9)
        );
        assert_eq!(refresh_margin(Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn debug_output_hides_secrets() {
        let c = Credentials::Auth0ClientCredentials {
            client_id: "abc".into(),
            client_secret: SecretString::from("super-secret-value"),
            audience: "https://t/api/v2/".into(),
        };
        let shown = format!("{c:?}");
        assert!(!shown.contains("super-secret-value"), "{shown}");
    }
}
