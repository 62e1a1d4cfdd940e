//! Credentials and the access tokens they yield. Auth0 (and Hub, optionally) exchange a client
//! id and secret for a short-lived token, which is cached in memory only, until shortly before
//! it expires; ZITADEL personal access tokens and Hub permanent tokens are used as they are.
//!
//! One fetch at a time: callers that find no valid token queue on the cache's lock, so a burst
//! of calls on a cold client fetches one token, and a burst of 401s on a stale one renews it
//! once. Numbers from the token reply (`expires_in`) are read by [`reply`], the one place for
//! that rule, and no arithmetic here can panic or wrap.

#![deny(clippy::arithmetic_side_effects)]

mod reply;

use std::time::{Duration, Instant};

use reqwest::Method;
use secrecy::SecretString;
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

struct Cached {
    token: SecretString,
    refresh_after: Instant,
    /// Which fetch this token came from, so that a 401 on it forgets it and no newer one.
    fetch: u64,
}

#[derive(Default)]
struct Cache {
    token: Option<Cached>,
    /// Tokens fetched so far.
    fetches: u64,
}

/// Hands out a valid bearer token for one profile.
pub struct TokenSource {
    http: Http,
    credentials: Credentials,
    cache: Mutex<Cache>,
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
            cache: Mutex::new(Cache::default()),
        }
    }

    /// A token that is valid now, fetching a new one when the cached one is near its end.
    pub async fn bearer(&self) -> Result<SecretString, ProviderError> {
        self.current().await.map(|(token, _)| token)
    }

    /// [`Self::bearer`], with the fetch it came from (0 for a fixed token). The lock is held
    /// through the fetch: whoever waits on it finds the new token when it gets the lock.
    async fn current(&self) -> Result<(SecretString, u64), ProviderError> {
        let mut cache = self.cache.lock().await;
        if let Some(cached) = cache
            .token
            .as_ref()
            .filter(|c| Instant::now() < c.refresh_after)
        {
            return Ok((cached.token.clone(), cached.fetch));
        }
        let (token, lifetime) = match &self.credentials {
            Credentials::Bearer(token) => return Ok((token.clone(), 0)),
            Credentials::Auth0ClientCredentials {
                client_id,
                client_secret,
                audience,
            } => {
                // Asking for a token changes nothing, so it may be asked again after a 5xx.
                let request = Request::new(Method::POST, "token", "/oauth/token")
                    .segments(["oauth", "token"])
                    .repeatable()
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
        let fetched = Instant::now();
        cache.fetches = cache.fetches.saturating_add(1);
        cache.token = Some(Cached {
            token: token.clone(),
            // A lifetime is at most a day, so this holds; if it did not, use the token once.
            refresh_after: fetched
                .checked_add(refresh_margin(lifetime))
                .unwrap_or(fetched),
            fetch: cache.fetches,
        });
        Ok((token, cache.fetches))
    }

    /// Forgets the cached token (the server said it expired); the next call fetches a new one.
    pub async fn invalidate(&self) {
        self.cache.lock().await.token = None;
    }

    /// Forgets the cached token if it is still the one from `fetch`: of many calls refused with
    /// the same stale token, the first renews it and the others use the renewed one.
    async fn invalidate_fetch(&self, fetch: u64) {
        let mut cache = self.cache.lock().await;
        if cache.token.as_ref().is_some_and(|c| c.fetch == fetch) {
            cache.token = None;
        }
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
        let (token, fetch) = self.current().await?;
        let first = http
            .send_with_id(
                request.clone().auth(Auth::Bearer(token)),
                correlation_id.to_owned(),
            )
            .await;
        match first {
            Err(err) if err.is_status(401) && self.can_refresh() => {
                tracing::info!("the access token was refused; fetching a new one");
                self.invalidate_fetch(fetch).await;
                let token = self.bearer().await?;
                http.send_with_id(request.auth(Auth::Bearer(token)), correlation_id.to_owned())
                    .await
            }
            other => other,
        }
    }

    async fn exchange(&self, request: Request) -> Result<(SecretString, Duration), ProviderError> {
        let reply = self.http.send(request).await.map_err(token_error)?;
        reply::read(self.http.product(), &reply)
    }
}

/// Refresh a minute early, or at 90% of a short lifetime.
fn refresh_margin(lifetime: Duration) -> Duration {
    let tenth = lifetime.checked_div(10).unwrap_or(Duration::ZERO);
    lifetime.saturating_sub(Duration::from_secs(60).min(tenth))
}

/// Token endpoints answer RFC 6749 bodies (`{error, error_description}`). A body that is not
/// JSON is never quoted: it may be the token, or the secret echoed back.
fn token_error(mut err: ProviderError) -> ProviderError {
    if let ProviderError::UnexpectedReply { excerpt, .. } = &mut err {
        *excerpt = "not shown: a token endpoint's reply may hold a credential".to_owned();
        return err;
    }
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
