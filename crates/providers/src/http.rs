//! The HTTP layer every product client sends through.
//!
//! Rules it enforces so that no product client can forget them:
//! - https for every host but this computer (loopback), checked when the client is made;
//! - redirects followed only within the same scheme, host and port: a token never leaves its host;
//! - every path segment percent-encoded, so an id like `../x` cannot change the path;
//! - bodies read up to a cap, with connect and total timeouts;
//! - an `X-Correlation-ID` on every request, returned with the reply and with every error;
//! - pacing by `x-ratelimit-*`, waiting out 429s, retrying only what is safe to retry.

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::header::{self, HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use tokio::sync::Mutex;
use tracing::Instrument;
use url::Url;

use crate::error::{ErrorBody, ProviderError};
use crate::pacing::{Pacer, bucket_key};
use crate::retry::backoff;

/// Characters left as they are in a path segment: RFC 3986 unreserved but `.`. Everything else,
/// `/`, `%`, `?`, `#` and `.` included, is encoded, so no segment can be `..`.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

/// The three products, as named in messages and spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Product {
    Auth0,
    Zitadel,
    Hub,
}

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Product::Auth0 => "Auth0",
            Product::Zitadel => "ZITADEL",
            Product::Hub => "Hub",
        })
    }
}

/// Limits and retry settings; the defaults suit a person waiting on a button.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_body_bytes: usize,
    /// Retries of idempotent calls after a 5xx or a broken connection.
    pub max_retries: u32,
    /// Retries after a 429.
    pub max_rate_limit_retries: u32,
    /// The longest single wait for a rate-limit reset.
    pub max_wait: Duration,
    pub backoff_base: Duration,
    pub backoff_cap: Duration,
    /// Extra trusted root (PEM), e.g. the sandbox's own CA in tests.
    pub extra_root_pem: Option<Vec<u8>>,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body_bytes: 8 * 1024 * 1024,
            max_retries: 3,
            max_rate_limit_retries: 6,
            max_wait: Duration::from_secs(60),
            backoff_base: Duration::from_millis(200),
            backoff_cap: Duration::from_secs(5),
            extra_root_pem: None,
        }
    }
}

/// A request body.
#[derive(Debug, Clone)]
pub enum Body {
    Json(serde_json::Value),
    /// Form fields; used for token requests, so values may be secret.
    Form(Vec<(String, SecretString)>),
}

/// Credentials for one request.
#[derive(Debug, Clone)]
pub enum Auth {
    None,
    Bearer(SecretString),
    Basic { user: String, secret: SecretString },
}

/// One call: what to send and how to describe it in traces.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    /// Path segments after the client's base path, each encoded on its own.
    pub segments: Vec<String>,
    pub query: Vec<(String, String)>,
    pub body: Option<Body>,
    pub headers: Vec<(HeaderName, String)>,
    pub auth: Auth,
    /// Operation name for traces, e.g. `add_org_connection`.
    pub operation: &'static str,
    /// The path with placeholders, for traces: never the ids themselves.
    pub path_template: &'static str,
    /// A POST that changes nothing (a token request) may be sent again after a failure.
    pub repeatable: bool,
}

impl Request {
    pub fn new(method: Method, operation: &'static str, path_template: &'static str) -> Self {
        Self {
            method,
            segments: Vec::new(),
            query: Vec::new(),
            body: None,
            headers: Vec::new(),
            auth: Auth::None,
            operation,
            path_template,
            repeatable: false,
        }
    }

    /// Marks a POST that changes nothing on the server, so retries are safe.
    pub fn repeatable(mut self) -> Self {
        self.repeatable = true;
        self
    }

    pub fn segments<I, S>(mut self, segments: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.segments.extend(segments.into_iter().map(Into::into));
        self
    }

    pub fn query(mut self, key: &str, value: impl ToString) -> Self {
        self.query.push((key.to_owned(), value.to_string()));
        self
    }

    pub fn json(mut self, body: serde_json::Value) -> Self {
        self.body = Some(Body::Json(body));
        self
    }

    pub fn form(mut self, fields: Vec<(String, SecretString)>) -> Self {
        self.body = Some(Body::Form(fields));
        self
    }

    pub fn header(mut self, name: HeaderName, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = auth;
        self
    }

    /// GET, HEAD, PUT, DELETE and PATCH with absolute values repeat safely; POST does not.
    fn idempotent(&self) -> bool {
        self.method != Method::POST || self.repeatable
    }
}

/// A successful (2xx) reply.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    pub correlation_id: String,
    pub attempts: u32,
    product: Product,
}

impl Reply {
    /// Decodes the body as JSON of type `T`; HTML or other text becomes `UnexpectedReply`.
    pub fn json<T: DeserializeOwned>(&self, expected: &'static str) -> Result<T, ProviderError> {
        if !looks_like_json(&self.headers, &self.body) {
            return Err(unexpected(
                self.product,
                self.status,
                &self.headers,
                &self.body,
                &self.correlation_id,
            ));
        }
        serde_json::from_slice(&self.body).map_err(|err| ProviderError::Decode {
            product: self.product,
            expected,
            reason: err.to_string(),
            correlation_id: self.correlation_id.clone(),
        })
    }
}

/// A client for one profile's host: one connection pool, one rate-limit view.
#[derive(Debug, Clone)]
pub struct Http {
    product: Product,
    base: Url,
    client: reqwest::Client,
    options: Arc<HttpOptions>,
    pacer: Arc<Mutex<Pacer>>,
}

impl Http {
    /// A client for `base` (e.g. `https://tenant.eu.auth0.com/api/v2`).
    pub fn new(product: Product, base: &str, options: HttpOptions) -> Result<Self, ProviderError> {
        let base = checked_base(base)?;
        let origin = base.origin();
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= 5 || attempt.url().origin() != origin {
                attempt.stop()
            } else {
                attempt.follow()
            }
        });
        let mut builder = reqwest::Client::builder()
            .user_agent(concat!(
                "Lanyard/",
                env!("CARGO_PKG_VERSION"),
                " (admin console)"
            ))
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            .redirect(policy)
            .use_rustls_tls();
        if let Some(pem) = &options.extra_root_pem {
            let cert =
                reqwest::Certificate::from_pem(pem).map_err(|err| ProviderError::BadUrl {
                    url: base.to_string(),
                    reason: format!("extra CA certificate: {err}"),
                })?;
            builder = builder.add_root_certificate(cert);
        }
        let client = builder.build().map_err(|err| ProviderError::BadUrl {
            url: base.to_string(),
            reason: err.to_string(),
        })?;
        Ok(Self {
            product,
            base,
            client,
            options: Arc::new(options),
            pacer: Arc::new(Mutex::new(Pacer::default())),
        })
    }

    pub fn product(&self) -> Product {
        self.product
    }

    pub fn base(&self) -> &Url {
        &self.base
    }

    /// The URL of `segments` under the base path, each segment percent-encoded.
    pub fn url(&self, segments: &[String], query: &[(String, String)]) -> Url {
        let mut path = self.base.path().trim_end_matches('/').to_owned();
        for segment in segments {
            path.push('/');
            path.extend(utf8_percent_encode(segment, SEGMENT));
        }
        let mut url = self.base.clone();
        url.set_path(&path);
        url.set_query(None);
        if !query.is_empty() {
            url.query_pairs_mut()
                .extend_pairs(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        }
        url
    }

    /// Sends `request` under a new correlation id.
    pub async fn send(&self, request: Request) -> Result<Reply, ProviderError> {
        self.send_with_id(request, new_correlation_id()).await
    }

    /// Sends `request` carrying `correlation_id` (several calls of one operation share it).
    pub async fn send_with_id(
        &self,
        request: Request,
        correlation_id: String,
    ) -> Result<Reply, ProviderError> {
        let span = tracing::info_span!(
            "remote_call",
            product = %self.product,
            operation = request.operation,
            method = %request.method,
            path = request.path_template,
            correlation_id = %correlation_id,
            status = tracing::field::Empty,
            attempts = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
        );
        let started = Instant::now();
        let result = self
            .send_inner(&request, &correlation_id)
            .instrument(span.clone())
            .await;
        let (status, attempts) = match &result {
            Ok(reply) => (Some(reply.status), reply.attempts),
            Err(err) => (err.status(), 0),
        };
        if let Some(status) = status {
            span.record("status", status);
        }
        span.record("attempts", attempts);
        span.record("duration_ms", started.elapsed().as_millis() as u64);
        span.in_scope(|| match &result {
            Ok(_) => tracing::info!("remote call done"),
            Err(err) => tracing::warn!(error = %err, "remote call failed"),
        });
        result
    }

    async fn send_inner(
        &self,
        request: &Request,
        correlation_id: &str,
    ) -> Result<Reply, ProviderError> {
        let url = self.url(&request.segments, &request.query);
        let mut attempt: u32 = 0;
        let mut rate_limited: u32 = 0;
        let bucket = bucket_key(request.method != Method::GET, request.path_template);
        loop {
            attempt += 1;
            let delay = self.pacer.lock().await.delay_before_send(
                &bucket,
                Instant::now(),
                SystemTime::now(),
                self.options.max_wait,
            );
            if !delay.is_zero() {
                tracing::debug!(
                    wait_ms = delay.as_millis() as u64,
                    "pacing: the rate-limit bucket is empty"
                );
                tokio::time::sleep(delay).await;
            }
            let outcome = self
                .client
                .execute(self.build(request, &url, correlation_id)?)
                .await;
            let response = match outcome {
                Ok(response) => response,
                Err(err) => {
                    // Not connected at all: nothing was sent, so any method may try again.
                    let never_sent = err.is_connect();
                    if (never_sent || request.idempotent()) && attempt <= self.options.max_retries {
                        tokio::time::sleep(backoff(
                            attempt,
                            self.options.backoff_base,
                            self.options.backoff_cap,
                        ))
                        .await;
                        continue;
                    }
                    return Err(self.transport_error(
                        err,
                        never_sent || request.idempotent(),
                        correlation_id,
                    ));
                }
            };
            let status = response.status();
            let headers = response.headers().clone();
            self.pacer.lock().await.observe(
                &bucket,
                &headers,
                Instant::now(),
                status != StatusCode::TOO_MANY_REQUESTS,
            );

            if status.is_redirection() {
                let location = headers
                    .get(header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("(no Location header)");
                return Err(ProviderError::Redirected {
                    product: self.product,
                    location: location.to_owned(),
                    correlation_id: correlation_id.to_owned(),
                });
            }

            let body = match self.read_capped(response, correlation_id).await {
                Ok(body) => body,
                Err(err @ ProviderError::BodyTooLarge { .. }) => return Err(err),
                Err(_) if request.idempotent() && attempt <= self.options.max_retries => {
                    tokio::time::sleep(backoff(
                        attempt,
                        self.options.backoff_base,
                        self.options.backoff_cap,
                    ))
                    .await;
                    continue;
                }
                Err(err) if !request.idempotent() && status.is_success() => {
                    return Err(ProviderError::OutcomeUnknown {
                        product: self.product,
                        cause: format!("the reply broke off while being read ({err})"),
                        correlation_id: correlation_id.to_owned(),
                    });
                }
                Err(err) => return Err(err),
            };

            if status == StatusCode::TOO_MANY_REQUESTS {
                rate_limited += 1;
                let wait = Pacer::wait_after_429(&headers, SystemTime::now());
                if rate_limited <= self.options.max_rate_limit_retries {
                    // A 429 means the request was not processed, so even a POST may go again.
                    let wait = wait
                        .unwrap_or_else(|| {
                            backoff(
                                rate_limited,
                                self.options.backoff_base,
                                self.options.backoff_cap,
                            )
                        })
                        .min(self.options.max_wait);
                    tracing::info!(
                        wait_ms = wait.as_millis() as u64,
                        "rate limited; waiting before trying again"
                    );
                    tokio::time::sleep(wait).await;
                    attempt -= 1;
                    continue;
                }
                return Err(ProviderError::RateLimited {
                    product: self.product,
                    attempts: rate_limited,
                    retry_after: wait,
                    correlation_id: correlation_id.to_owned(),
                });
            }

            if status.is_server_error() {
                if request.idempotent() && attempt <= self.options.max_retries {
                    tokio::time::sleep(backoff(
                        attempt,
                        self.options.backoff_base,
                        self.options.backoff_cap,
                    ))
                    .await;
                    continue;
                }
                if !request.idempotent() && matches!(status.as_u16(), 502..=504) {
                    // A gateway error says nothing about whether the service applied the change.
                    return Err(ProviderError::OutcomeUnknown {
                        product: self.product,
                        cause: format!("a gateway answered {status}"),
                        correlation_id: correlation_id.to_owned(),
                    });
                }
            }

            if !status.is_success() {
                return Err(self.api_error(status.as_u16(), &headers, &body, correlation_id));
            }
            return Ok(Reply {
                status: status.as_u16(),
                headers,
                body,
                correlation_id: correlation_id.to_owned(),
                attempts: attempt,
                product: self.product,
            });
        }
    }

    fn build(
        &self,
        request: &Request,
        url: &Url,
        correlation_id: &str,
    ) -> Result<reqwest::Request, ProviderError> {
        let mut builder = self
            .client
            .request(request.method.clone(), url.clone())
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

    async fn read_capped(
        &self,
        mut response: reqwest::Response,
        correlation_id: &str,
    ) -> Result<Vec<u8>, ProviderError> {
        let limit = self.options.max_body_bytes;
        if response
            .content_length()
            .is_some_and(|len| len > limit as u64)
        {
            return Err(ProviderError::BodyTooLarge {
                product: self.product,
                limit,
                correlation_id: correlation_id.to_owned(),
            });
        }
        let mut body = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() + chunk.len() > limit {
                        return Err(ProviderError::BodyTooLarge {
                            product: self.product,
                            limit,
                            correlation_id: correlation_id.to_owned(),
                        });
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => return Ok(body),
                Err(err) => return Err(self.transport_error(err, true, correlation_id)),
            }
        }
    }

    fn transport_error(
        &self,
        err: reqwest::Error,
        safe_to_repeat: bool,
        correlation_id: &str,
    ) -> ProviderError {
        let correlation_id = correlation_id.to_owned();
        if !safe_to_repeat {
            return ProviderError::OutcomeUnknown {
                product: self.product,
                cause: describe(&err),
                correlation_id,
            };
        }
        if err.is_timeout() {
            ProviderError::Timeout {
                product: self.product,
                after: self.options.timeout,
                correlation_id,
            }
        } else {
            ProviderError::Network {
                product: self.product,
                message: describe(&err),
                correlation_id,
            }
        }
    }

    fn api_error(
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

/// Parses the error bodies of all three products into one shape.
pub fn parse_error_body(body: &[u8]) -> Option<ErrorBody> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let obj = value.as_object()?;
    let text = |key: &str| obj.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    // Auth0: {statusCode, error, message, errorCode?}
    if obj.contains_key("statusCode") {
        return Some(ErrorBody {
            code: text("errorCode"),
            message: text("message")
                .or_else(|| text("error"))
                .unwrap_or_default(),
        });
    }
    // ZITADEL: {code, message, details:[{id, message}]}
    if obj.contains_key("code") && obj.contains_key("message") {
        let id = obj
            .get("details")
            .and_then(|d| d.as_array())
            .and_then(|d| d.first())
            .and_then(|d| d.get("id"))
            .and_then(|id| id.as_str())
            .map(str::to_owned);
        let code = id.or_else(|| {
            obj.get("code")
                .map(|c| c.to_string().trim_matches('"').to_owned())
        });
        return Some(ErrorBody {
            code,
            message: text("message").unwrap_or_default(),
        });
    }
    // Hub and OAuth token endpoints: {error, error_description}
    if obj.contains_key("error") {
        return Some(ErrorBody {
            code: text("error"),
            message: text("error_description")
                .or_else(|| text("error"))
                .unwrap_or_default(),
        });
    }
    None
}

fn looks_like_json(headers: &HeaderMap, body: &[u8]) -> bool {
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|ct| ct.to_ascii_lowercase().contains("json"));
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    matches!(first, Some(b'{') | Some(b'[')) && declared != Some(false)
}

fn unexpected(
    product: Product,
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    correlation_id: &str,
) -> ProviderError {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("no content type")
        .to_owned();
    ProviderError::UnexpectedReply {
        product,
        status,
        content_type,
        excerpt: excerpt(body),
        correlation_id: correlation_id.to_owned(),
    }
}

/// The first 160 characters of a body, on one line, for an error message.
pub fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 160 {
        format!("{}…", flat.chars().take(160).collect::<String>())
    } else {
        flat
    }
}

fn describe(err: &reqwest::Error) -> String {
    // reqwest's Display names the URL; ours carry no secrets in URLs, only ids.
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    message
}

/// A fresh id for `X-Correlation-ID`.
pub fn new_correlation_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Checks the base URL: https, or http to this computer only.
fn checked_base(base: &str) -> Result<Url, ProviderError> {
    let url = Url::parse(base.trim()).map_err(|err| ProviderError::BadUrl {
        url: base.to_owned(),
        reason: err.to_string(),
    })?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ProviderError::BadUrl {
            url: base.to_owned(),
            reason: "it must not carry a user name or password".to_owned(),
        });
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(ProviderError::InsecureUrl {
            url: url.to_string(),
        }),
        other => Err(ProviderError::BadUrl {
            url: base.to_owned(),
            reason: format!("the scheme `{other}` is not http(s)"),
        }),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn http(base: &str) -> Http {
        Http::new(Product::Auth0, base, HttpOptions::default()).expect("client")
    }

    #[test]
    fn plain_http_is_refused_except_to_this_computer() {
        assert!(matches!(
            Http::new(
                Product::Hub,
                "http://hub.example.com/api/rest",
                HttpOptions::default()
            ),
            Err(ProviderError::InsecureUrl { .. })
        ));
        for ok in [
            "http://127.0.0.1:8080/api",
            "http://localhost/api",
            "http://[::1]:9/api",
            "https://hub.example.com/api/rest",
        ] {
            assert!(
                Http::new(Product::Hub, ok, HttpOptions::default()).is_ok(),
                "{ok}"
            );
        }
        assert!(matches!(
            Http::new(Product::Hub, "ftp://example.com", HttpOptions::default()),
            Err(ProviderError::BadUrl { .. })
        ));
        assert!(matches!(
            Http::new(
                Product::Hub,
                "https://user:pw@example.com",
                HttpOptions::default()
            ),
            Err(ProviderError::BadUrl { .. })
        ));
    }

    #[test]
    fn ids_cannot_change_the_path() {
        let h = http("https://t.eu.auth0.com/api/v2/");
        let url = h.url(
            &[
                "organizations".into(),
                "../../oauth/token".into(),
                "connections".into(),
            ],
            &[],
        );
        // Dots are encoded too: the URL parser would otherwise fold a `..` segment away.
        assert_eq!(
            url.path(),
            "/api/v2/organizations/%2E%2E%2F%2E%2E%2Foauth%2Ftoken/connections"
        );
        assert_eq!(url.host_str(), Some("t.eu.auth0.com"));
        let url = h.url(
            &["a?b#c".into(), "%2e%2e".into()],
            &[("q".into(), "name: x&y".into())],
        );
        assert_eq!(url.path(), "/api/v2/a%3Fb%23c/%252e%252e");
        assert_eq!(url.query(), Some("q=name%3A+x%26y"));
    }

    #[test]
    fn each_products_error_body_is_understood() {
        let auth0 = br#"{"statusCode":409,"error":"Conflict","message":"The organization connection already exists.","errorCode":"conflict"}"#;
        assert_eq!(
            parse_error_body(auth0),
            Some(ErrorBody {
                code: Some("conflict".into()),
                message: "The organization connection already exists.".into()
            })
        );
        let zitadel = br#"{"code":6,"message":"Identity provider already exists (INSTANCE-2B0ps)","details":[{"@type":"x","id":"INSTANCE-2B0ps","message":"m"}]}"#;
        assert_eq!(
            parse_error_body(zitadel).and_then(|b| b.code),
            Some("INSTANCE-2B0ps".into())
        );
        let zitadel_connect = br#"{"code":"not_found","message":"nope"}"#;
        assert_eq!(
            parse_error_body(zitadel_connect).and_then(|b| b.code),
            Some("not_found".into())
        );
        let hub = br#"{"error":"Not Found","error_description":"HTTP 404 Not Found"}"#;
        assert_eq!(
            parse_error_body(hub).map(|b| b.message),
            Some("HTTP 404 Not Found".into())
        );
        assert_eq!(parse_error_body(b"<html>502</html>"), None);
    }

    #[test]
    fn excerpts_are_short_and_on_one_line() {
        let html = format!("<html>\n<body>{}</body></html>", "x".repeat(500));
        let e = excerpt(html.as_bytes());
        assert!(e.chars().count() <= 161 && !e.contains('\n'), "{e}");
        assert!(e.starts_with("<html> <body>xxx"));
    }
}
