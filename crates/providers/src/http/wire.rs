//! How a request goes on the wire and its body comes off it: headers and credentials, the
//! per-try timeout, the body cap, and error bodies read into typed errors.

use std::time::Duration;

use reqwest::header::{self, HeaderMap, HeaderValue};
use secrecy::ExposeSecret;
use url::Url;

use super::cause;
use super::reply::{looks_like_json, unexpected};
use super::request::{Auth, Body, Request};
use super::{Deadline, Http, parse_error_body};
use crate::error::ProviderError;

impl Http {
    /// A broken or too slow transfer, as a typed error: too slow when the host took the
    /// connection and then kept quiet; otherwise it could not be reached, with the root cause
    /// (a connection that could not be made in time "timed out").
    pub(super) fn read_failed(
        &self,
        err: &reqwest::Error,
        deadline: &Deadline,
        correlation_id: &str,
    ) -> ProviderError {
        if err.is_timeout() && !err.is_connect() {
            self.too_slow(deadline, correlation_id)
        } else {
            ProviderError::Network {
                product: self.product,
                host: self.host(),
                cause: cause::of(err),
                correlation_id: correlation_id.to_owned(),
            }
        }
    }

    pub(super) fn build(
        &self,
        request: &Request,
        url: &Url,
        correlation_id: &str,
        timeout: Duration,
    ) -> Result<reqwest::Request, ProviderError> {
        let mut builder = self
            .client
            .request(request.method.clone(), url.clone())
            .timeout(timeout)
            .header(header::ACCEPT, "application/json")
            .header("x-correlation-id", correlation_id);
        for (name, value) in &request.headers {
            builder = builder.header(name.clone(), value.as_str());
        }
        builder = match &request.auth {
            Auth::None => builder,
            Auth::Bearer(token) => {
                let mut value = HeaderValue::from_str(&format!("Bearer {}", token.expose_secret()))
                    .map_err(|_| self.bad_token())?;
                value.set_sensitive(true);
                builder.header(header::AUTHORIZATION, value)
            }
            Auth::Basic { user, secret } => builder.basic_auth(user, Some(secret.expose_secret())),
        };
        builder = match &request.body {
            None => builder,
            Some(Body::Json(json)) => builder.json(json),
            Some(Body::Form(fields)) => {
                let pairs: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.expose_secret()))
                    .collect();
                builder.form(&pairs)
            }
        };
        builder.build().map_err(|err| ProviderError::BadUrl {
            url: url.to_string(),
            reason: err.to_string(),
        })
    }

    fn bad_token(&self) -> ProviderError {
        ProviderError::BadUrl {
            url: self.base.to_string(),
            reason: "the stored token has characters an HTTP header cannot carry; paste it again"
                .to_owned(),
        }
    }

    pub(super) async fn read_capped(
        &self,
        mut response: reqwest::Response,
        deadline: &Deadline,
        correlation_id: &str,
    ) -> Result<Vec<u8>, ProviderError> {
        let limit = self.options.max_body_bytes;
        let too_large = || ProviderError::BodyTooLarge {
            product: self.product,
            limit,
            correlation_id: correlation_id.to_owned(),
        };
        if response
            .content_length()
            .is_some_and(|len| len > u64::try_from(limit).unwrap_or(u64::MAX))
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len().saturating_add(chunk.len()) > limit {
                        return Err(too_large());
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => return Ok(body),
                Err(err) => return Err(self.read_failed(&err, deadline, correlation_id)),
            }
        }
    }

    pub(super) fn api_error(
        &self,
        status: u16,
        headers: &HeaderMap,
        body: &[u8],
        correlation_id: &str,
    ) -> ProviderError {
        let Some(parsed) = parse_error_body(body).filter(|_| looks_like_json(headers, body)) else {
            return unexpected(self.product, status, headers, body, correlation_id);
        };
        ProviderError::Api {
            product: self.product,
            status,
            body: parsed,
            correlation_id: correlation_id.to_owned(),
            retry_after: None,
        }
    }
}
