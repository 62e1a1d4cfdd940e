//! The JetBrains Hub stand-in: auth modules, their auto-join groups, and user groups, with
//! `fields` projection, `$skip`/`$top` pages, Hub queries and Hub's error body.

mod auth_modules;
mod auto_join;
mod groups;
mod page;
mod projection;
mod query;
mod token;
mod world;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::routing::{get, post};
use serde_json::json;

use crate::api_error::ApiError;
use crate::config::{Credentials, SandboxConfig};
use crate::extract::{ChecksPermission, bearer};
use crate::json::{lock, reply};
use crate::ratelimit::{Bucket, BucketSpec};
pub use world::{Group, HubWorld, Module, seed};

#[derive(Debug)]
pub struct Hub {
    pub world: Mutex<HubWorld>,
    pub credentials: Credentials,
    /// Off by default: self-hosted Hub documents no rate limit.
    limiter: Mutex<Option<Bucket>>,
    limit: Option<(BucketSpec, f64)>,
    /// Access tokens issued to the trusted service, with their end. Kept out of `HubWorld` so
    /// that the state dump never shows a token.
    tokens: Mutex<HashMap<String, Instant>>,
    token_lifetime: Duration,
}

impl Hub {
    pub fn new(config: &SandboxConfig) -> Arc<Self> {
        let limit = config.bucket("hub").map(|b| (b, config.time_scale));
        Arc::new(Self {
            world: Mutex::new(seed()),
            credentials: config.credentials.clone(),
            limiter: Mutex::new(limit.map(|(b, scale)| Bucket::new(b, scale, Instant::now()))),
            limit,
            tokens: Mutex::new(HashMap::new()),
            token_lifetime: config.token_lifetime,
        })
    }

    /// Expires every issued access token at once (tests of renewal on 401).
    pub fn expire_tokens(&self) {
        let past = Instant::now()
            .checked_sub(Duration::from_secs(1))
            .unwrap_or_else(Instant::now);
        for end in lock(&self.tokens).values_mut() {
            *end = past;
        }
    }

    /// Every access token issued since the start (tests check that none reaches a log).
    pub fn issued_tokens(&self) -> Vec<String> {
        lock(&self.tokens).keys().cloned().collect()
    }

    pub fn reset(&self) {
        *lock(&self.world) = seed();
        lock(&self.tokens).clear();
        *lock(&self.limiter) = self
            .limit
            .map(|(b, scale)| Bucket::new(b, scale, Instant::now()));
    }

    /// When a limit is set: 429 with `Retry-After`, as YouTrack Cloud is said to answer.
    fn rate_limited(&self) -> Result<(), ApiError> {
        let mut limiter = lock(&self.limiter);
        let Some(bucket) = limiter.as_mut() else {
            return Ok(());
        };
        let decision = bucket.take(Instant::now());
        if decision.allowed {
            return Ok(());
        }
        let secs = decision.next_token_in.as_secs().saturating_add(1);
        Err(error(
            StatusCode::TOO_MANY_REQUESTS,
            "Too Many Requests",
            "HTTP 429 Too Many Requests",
        )
        .with_header("retry-after", HeaderValue::from(secs)))
    }
}

/// The rate limit (when set), then the token: an issued service token while it lasts, the
/// permanent admin token, or the read-only one for reads.
impl ChecksPermission for Hub {
    fn check_permission(&self, headers: &HeaderMap, write: bool) -> Result<(), ApiError> {
        self.rate_limited()?;
        let bearer = bearer(headers);
        let c = &self.credentials;
        // A token of the trusted service: System Admin rights while it lasts.
        let issued = bearer.and_then(|t| lock(&self.tokens).get(t).copied());
        if let Some(end) = issued {
            if Instant::now() >= end {
                return Err(error(
                    StatusCode::UNAUTHORIZED,
                    "invalid_token",
                    "HTTP 401 Unauthorized: the access token has expired",
                ));
            }
            return Ok(());
        }
        match bearer {
            Some(t) if t == c.hub_token => Ok(()),
            Some(t) if t == c.hub_readonly_token && !write => Ok(()),
            Some(t) if t == c.hub_readonly_token => Err(error(
                StatusCode::FORBIDDEN,
                "Forbidden",
                "Access denied: the Update Auth Module permission is required",
            )),
            _ => Err(error(
                StatusCode::UNAUTHORIZED,
                "Unauthorized",
                "HTTP 401 Unauthorized: the token is invalid or revoked",
            )),
        }
    }
}

/// Hub's REST root: `/api/rest` on a standalone Hub, `/hub/api/rest` on one inside YouTrack
/// (API-NOTES 3.1). The sandbox answers on both, so a service URL with a path can be tried.
pub const REST_ROOTS: [&str; 2] = ["/api/rest", "/hub/api/rest"];

pub fn router(hub: Arc<Hub>) -> Router {
    let mut router = Router::new();
    for root in REST_ROOTS {
        router = router
            .route(&format!("{root}/oauth2/token"), post(token::token))
            .route(&format!("{root}/authmodules"), get(auth_modules::list))
            .route(
                &format!("{root}/authmodules/{{id}}"),
                get(auth_modules::get).post(auth_modules::update),
            )
            .route(
                &format!("{root}/authmodules/{{id}}/autojoingroups"),
                get(auto_join::list).post(auto_join::add),
            )
            .route(
                &format!("{root}/authmodules/{{id}}/autojoingroups/{{group_id}}"),
                get(auto_join::get).delete(auto_join::remove),
            )
            .route(&format!("{root}/usergroups"), get(groups::list))
            .route(&format!("{root}/usergroups/{{id}}"), get(groups::get));
    }
    router
        .fallback(|| async { error(StatusCode::NOT_FOUND, "Not Found", "HTTP 404 Not Found") })
        .method_not_allowed_fallback(|| async {
            error(
                StatusCode::METHOD_NOT_ALLOWED,
                "Method Not Allowed",
                "HTTP 405 Method Not Allowed",
            )
        })
        .with_state(hub)
}

/// Hub's error body.
fn error(status: StatusCode, code: &str, description: &str) -> ApiError {
    ApiError::from(reply(
        status,
        json!({"error": code, "error_description": description}),
    ))
}

fn not_found(description: &str) -> ApiError {
    error(StatusCode::NOT_FOUND, "Not Found", description)
}

fn bad_request(description: &str) -> ApiError {
    error(StatusCode::BAD_REQUEST, "bad_request", description)
}
