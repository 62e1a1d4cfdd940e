//! Extractors the products' handlers share: ZITADEL's and Hub's token check (read or write), and
//! the request body read before such a check.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use crate::api_error::ApiError;

/// A product whose tokens either read or also write (ZITADEL's PATs, Hub's tokens).
pub trait ChecksPermission {
    /// The product's rate limit, then its token check: `Err` is the reply that refuses.
    fn check_permission(&self, headers: &HeaderMap, write: bool) -> Result<(), ApiError>;
}

/// Proof that the request's token may read (`CanRead`) or write (`CanWrite`); the product's
/// rate limit was taken first.
pub struct Permission<const WRITE: bool>;

pub type CanRead = Permission<false>;
pub type CanWrite = Permission<true>;

impl<P, const WRITE: bool> FromRequestParts<std::sync::Arc<P>> for Permission<WRITE>
where
    P: ChecksPermission + Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        product: &std::sync::Arc<P>,
    ) -> Result<Self, ApiError> {
        product.check_permission(&parts.headers, WRITE)?;
        Ok(Self)
    }
}

/// The request body, read before `G` is checked: a body that cannot be read (over axum's 2 MB
/// limit) is refused with axum's 413 before any token check, bucket or count, as when handlers
/// read the body first and checked the token in their own code.
pub struct BodyThen<G>(pub Bytes, pub G);

impl<S, G> FromRequest<S> for BodyThen<G>
where
    S: Send + Sync,
    G: FromRequestParts<S>,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        let checked = G::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Self(bytes, checked))
    }
}

/// The token of `Authorization: Bearer <token>`, as sent (callers trim where their product does).
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
}
