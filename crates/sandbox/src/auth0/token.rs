//! `POST /oauth/token`: the client credentials grant, with a JSON or a form body.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Map, Value, json};

use super::{ALL_SCOPES, Auth0, READ_SCOPES, issue_token};
use crate::api_error::ApiError;
use crate::json::reply;

fn oauth_error(status: StatusCode, code: &str, description: &str) -> ApiError {
    ApiError::from(reply(
        status,
        json!({"error": code, "error_description": description}),
    ))
}

/// The request's fields, from a JSON object or a form.
fn fields(headers: &HeaderMap, body: &Bytes) -> Result<Map<String, Value>, ApiError> {
    let is_json = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.contains("json"));
    if is_json {
        return match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(m)) => Ok(m),
            _ => Err(oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "Invalid JSON body",
            )),
        };
    }
    let pairs = crate::form::pairs(body).ok_or_else(|| {
        oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Invalid form body",
        )
    })?;
    Ok(pairs
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect())
}

pub async fn token(
    State(t): State<Arc<Auth0>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let fields = fields(&headers, &body)?;
    let text = |k: &str| {
        fields
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    if text("grant_type") != "client_credentials" {
        return Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Unsupported grant type",
        ));
    }
    let (client_id, secret) = (text("client_id"), text("client_secret"));
    let c = &t.credentials;
    let scopes = if client_id == c.auth0_client_id && secret == c.auth0_client_secret {
        ALL_SCOPES
    } else if client_id == c.auth0_readonly_client_id && secret == c.auth0_readonly_client_secret {
        READ_SCOPES
    } else {
        return Err(oauth_error(
            StatusCode::UNAUTHORIZED,
            "access_denied",
            "Unauthorized",
        ));
    };
    let audience = text("audience");
    if audience != t.audience() {
        return Err(oauth_error(
            StatusCode::FORBIDDEN,
            "access_denied",
            &format!("Service not enabled within domain: {audience}"),
        ));
    }
    let (token, expires_in) = issue_token(&t, &client_id, scopes);
    Ok(reply(
        StatusCode::OK,
        json!({"access_token": token, "token_type": "Bearer", "expires_in": expires_in, "scope": scopes.join(" ")}),
    ))
}
