//! Auth0's checks before a handler runs: the bearer token, its scope, and a token from the
//! caller's bucket for the endpoint's group. The bucket's `x-ratelimit-*` headers go on the
//! reply, whatever it is (the 429 and the handler's own errors included).

use std::marker::PhantomData;
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime};

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::{Auth0, BucketKind, error};
use crate::api_error::ApiError;
use crate::extract::bearer;
use crate::json::lock;
use crate::ratelimit::Bucket;

/// What an endpoint requires of its caller: a scope, and a token from one bucket.
pub trait Requirement: Send + Sync + 'static {
    const SCOPE: &'static str;
    const BUCKET: BucketKind;
}

/// Proof that the caller's token is valid and has `R::SCOPE`, and that `R::BUCKET` gave it a
/// token; the bucket's headers will be on the reply.
pub struct Authorized<R> {
    requirement: PhantomData<fn() -> R>,
}

impl<R: Requirement> FromRequestParts<Arc<Auth0>> for Authorized<R> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, tenant: &Arc<Auth0>) -> Result<Self, ApiError> {
        // Without the layer (never, in `router`) the headers would simply not be sent.
        let rate_limit_headers = parts
            .extensions
            .get::<RateLimitHeaders>()
            .cloned()
            .unwrap_or_default();
        authorize(
            tenant,
            &parts.headers,
            R::SCOPE,
            R::BUCKET,
            &rate_limit_headers,
        )?;
        Ok(Self {
            requirement: PhantomData,
        })
    }
}

fn unauthorized(message: &str) -> ApiError {
    error(StatusCode::UNAUTHORIZED, "Unauthorized", message, None)
}

/// Checks the bearer token and the scope, and takes a token from the bucket, leaving its
/// headers in `rate_limit_headers`.
fn authorize(
    tenant: &Auth0,
    headers: &HeaderMap,
    scope: &str,
    bucket: BucketKind,
    rate_limit_headers: &RateLimitHeaders,
) -> Result<(), ApiError> {
    let Some(bearer) = bearer(headers).map(str::trim) else {
        return Err(unauthorized("Missing authentication"));
    };
    let mut world = lock(&tenant.world);
    let Some(token) = world.tokens.get(bearer).cloned() else {
        return Err(unauthorized("Invalid token"));
    };
    if Instant::now() >= token.expires_at {
        return Err(
            unauthorized("Expired token received for JSON Web Token validation").with_header(
                "www-authenticate",
                HeaderValue::from_static("Bearer error=\"invalid_token\""),
            ),
        );
    }
    if !token.scopes.iter().any(|s| s == scope) {
        return Err(error(
            StatusCode::FORBIDDEN,
            "Forbidden",
            &format!("Insufficient scope, expected any of: {scope}"),
            Some("insufficient_scope"),
        ));
    }
    let name = bucket.name();
    let Some(spec) = tenant.buckets.get(name).copied() else {
        return Ok(());
    };
    let now = Instant::now();
    let decision = world
        .buckets
        .entry((token.client_id.clone(), name))
        .or_insert_with(|| Bucket::new(spec, tenant.time_scale, now))
        .take(now);
    let mut headers = HeaderMap::new();
    decision.write_headers(&mut headers, SystemTime::now());
    *lock(&rate_limit_headers.0) = Some(headers);
    if !decision.allowed {
        return Err(error(
            StatusCode::TOO_MANY_REQUESTS,
            "Too Many Requests",
            &format!("Global per minute {name} group limit has been reached"),
            Some("too_many_requests"),
        ));
    }
    Ok(())
}

/// Where `Authorized` leaves the bucket's headers for `with_rate_limit_headers`.
#[derive(Clone, Default)]
struct RateLimitHeaders(Arc<Mutex<Option<HeaderMap>>>);

/// The Auth0 router's layer: the headers of the bucket the request drew from go on its reply.
pub async fn with_rate_limit_headers(mut request: Request, next: Next) -> Response {
    let slot = RateLimitHeaders::default();
    request.extensions_mut().insert(slot.clone());
    let mut response = next.run(request).await;
    if let Some(headers) = lock(&slot.0).take() {
        response.headers_mut().extend(headers);
    }
    response
}
