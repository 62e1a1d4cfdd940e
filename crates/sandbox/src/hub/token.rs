//! `POST /api/rest/oauth2/token`: the OAuth 2.0 client credentials grant of a trusted service.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use serde_json::json;

use super::{Hub, error};
use crate::api_error::ApiError;
use crate::json::{lock, reply};

/// An RFC 6749 error; a 401 names the Basic scheme.
fn oauth_error(status: StatusCode, code: &str, description: &str) -> ApiError {
    let e = error(status, code, description);
    if status == StatusCode::UNAUTHORIZED {
        return e.with_header(
            "www-authenticate",
            HeaderValue::from_static("Basic realm=\"Hub\""),
        );
    }
    e
}

/// `service_id:service_secret` from `Authorization: Basic …`.
fn basic_credentials(h: &HeaderMap) -> Option<(String, String)> {
    use base64::Engine;
    let encoded = h
        .get("authorization")?
        .to_str()
        .ok()?
        .strip_prefix("Basic ")?
        .trim();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// Authenticated with HTTP Basic; `scope` lists the ids of the services the token is for
/// (API-NOTES 3.5). Errors are RFC 6749 bodies.
pub async fn token(
    State(hub): State<Arc<Hub>>,
    h: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    lock(&hub.world).token_requests += 1;
    let fields = crate::form::pairs(&body).ok_or_else(|| {
        oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The request body is not a valid form",
        )
    })?;
    let field = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    if field("grant_type") != Some("client_credentials") {
        return Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "The grant type is not supported",
        ));
    }
    let c = &hub.credentials;
    match basic_credentials(&h) {
        Some((id, secret)) if id == c.hub_service_id && secret == c.hub_service_secret => {}
        _ => {
            return Err(oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "Client authentication failed: unknown service or wrong secret",
            ));
        }
    }
    let scope = field("scope").unwrap_or_default();
    if scope.split_whitespace().any(|s| s != c.hub_service_scope) {
        return Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            "scope does not match any registered service",
        ));
    }
    let token = format!("1.{}", uuid::Uuid::new_v4().simple());
    lock(&hub.tokens).insert(token.clone(), crate::config::expiry(hub.token_lifetime));
    Ok(reply(
        StatusCode::OK,
        json!({"access_token": token, "token_type": "Bearer", "expires_in": hub.token_lifetime.as_secs(), "scope": scope}),
    ))
}
