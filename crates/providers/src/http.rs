//! The HTTP layer every product client sends through.
//!
//! Rules it enforces so that no product client can forget them:
//! - https for every host but this computer (loopback), checked when the client is made;
//! - reads follow redirects only within the same scheme, host and port (a token never leaves its
//!   host); writes never follow one: a redirected write's outcome is unknown;
//! - every path segment percent-encoded, so an id like `../x` cannot change the path;
//! - bodies read up to a cap; one deadline per operation over every try and wait;
//! - an `X-Correlation-ID` on every request, returned with the reply and with every error;
//! - pacing by `x-ratelimit-*`, waiting out 429s, retrying only what is safe to retry.

mod cause;
mod deadline;
mod decide;
pub(crate) mod paging;
mod priority;
mod redact;
mod reply;
mod request;
mod send;
mod url;
mod wire;

use std::sync::Arc;
use std::time::{Duration, Instant};

use lanyard_model::{HttpMethod, HttpRequest};
use secrecy::SecretString;
use tokio::sync::Mutex;
use tracing::Instrument;

use crate::error::ProviderError;
use crate::pacing::Pacer;
pub use cause::of as network_cause;
pub use deadline::Deadline;
pub use lanyard_model::Product;
pub use priority::in_background;
pub use reply::{Object, Reply, excerpt, parse_error_body};
pub use request::{Auth, Body, Request};
pub use url::{host as url_host, https_or_loopback};

/// Limits and retry settings; the defaults suit a person waiting on a button.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub connect_timeout: Duration,
    /// The longest one try may take, body included.
    pub timeout: Duration,
    /// The longest one operation may take in all: every try, backoff, pacing and 429 wait of
    /// a request, and for a write, reading the target back too.
    pub deadline: Duration,
    pub max_body_bytes: usize,
    /// Retries of idempotent calls after a 5xx or a broken connection.
    pub max_retries: u32,
    /// Retries after a 429.
    pub max_rate_limit_retries: u32,
    /// The longest single wait for a rate-limit reset.
    pub max_wait: Duration,
    pub backoff_base: Duration,
    pub backoff_cap: Duration,
    /// Pages one listing may read before Lanyard stops rather than loop on a server that never
    /// says the list has ended.
    pub max_pages: u32,
    /// Extra trusted root (PEM), e.g. the sandbox's own CA in tests.
    pub extra_root_pem: Option<Vec<u8>>,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            deadline: Duration::from_secs(45),
            max_body_bytes: 8 * 1024 * 1024,
            max_retries: 3,
            max_rate_limit_retries: 6,
            max_wait: Duration::from_secs(60),
            backoff_base: Duration::from_millis(200),
            backoff_cap: Duration::from_secs(5),
            max_pages: 1_000,
            extra_root_pem: None,
        }
    }
}

/// A client for one profile's host: one connection pool, one rate-limit view.
#[derive(Debug, Clone)]
pub struct Http {
    product: Product,
    base: ::url::Url,
    client: reqwest::Client,
    options: Arc<HttpOptions>,
    pacer: Arc<Mutex<Pacer>>,
    /// The interactive requests pending, which background ones let go first.
    priority: Arc<priority::Priority>,
    /// The profile's secrets, never repeated from what a server sends back.
    secrets: Arc<[SecretString]>,
}

impl Http {
    /// A client for `base` (e.g. `https://tenant.eu.auth0.com/api/v2`).
    pub fn new(product: Product, base: &str, options: HttpOptions) -> Result<Self, ProviderError> {
        let base = url::checked_base(base)?;
        let mut builder = reqwest::Client::builder()
            .user_agent(concat!(
                "Lanyard/",
                env!("CARGO_PKG_VERSION"),
                " (admin console)"
            ))
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            // Redirects are decided in the send loop, which knows a read from a write.
            .redirect(reqwest::redirect::Policy::none())
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
            priority: Arc::default(),
            secrets: Arc::from(Vec::new()),
        })
    }

    /// The same client, told the profile's secrets: none of them is repeated in an error, even
    /// when a server echoes one in a reply to a request that did not carry it.
    pub fn with_secrets(mut self, secrets: impl IntoIterator<Item = SecretString>) -> Self {
        self.secrets = secrets.into_iter().collect();
        self
    }

    pub fn product(&self) -> Product {
        self.product
    }

    pub fn base(&self) -> &::url::Url {
        &self.base
    }

    /// The host errors name: `hub.acme.com`, or `127.0.0.1:8080` when the port is not the
    /// scheme's own. Never the path or a query.
    pub fn host(&self) -> String {
        url::host(&self.base)
    }

    pub fn options(&self) -> &HttpOptions {
        &self.options
    }

    /// A deadline for an operation starting now.
    pub fn deadline(&self) -> Deadline {
        Deadline::after(self.options.deadline)
    }

    /// The URL of `segments` under the base path, each segment percent-encoded.
    pub fn url(&self, segments: &[String], query: &[(String, String)]) -> ::url::Url {
        url::join(&self.base, segments, query)
    }

    /// `request` as `send` would put it on the wire, less its credentials and headers: the
    /// URL it builds (base path, encoded segments, query) from the host on, and the JSON body.
    /// A form body is never shown: it is a token request's, and its values may be secret.
    pub fn describe(&self, request: &Request) -> Result<HttpRequest, ProviderError> {
        let url = self.url(&request.segments, &request.query);
        let method = HttpMethod::parse(request.method.as_str()).ok_or_else(|| {
            ProviderError::decode(
                self.product,
                "a request Lanyard can show",
                format!("the method {} is not one a change uses", request.method),
                "",
            )
        })?;
        Ok(HttpRequest {
            method,
            path: match url.query() {
                Some(query) => format!("{}?{query}", url.path()),
                None => url.path().to_owned(),
            },
            body: match &request.body {
                Some(Body::Json(json)) => Some(json.clone()),
                Some(Body::Form(_)) | None => None,
            },
        })
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
        // A person waits on this request: background ones hold back until it is done.
        let _interactive = (!priority::is_background()).then(|| self.priority.interactive());
        let secrets = redact::Secrets::of(&request, &self.secrets);
        let result = self
            .send_inner(&request, &secrets, &correlation_id)
            .instrument(span.clone())
            .await
            // Whatever the server echoed of this request's secrets is not repeated.
            .map_err(|err| err.map_text(|text| secrets.scrub_text(text)));
        let (status, attempts) = match &result {
            Ok(reply) => (Some(reply.status), reply.attempts),
            Err(err) => (err.status(), 0),
        };
        if let Some(status) = status {
            span.record("status", status);
        }
        span.record("attempts", attempts);
        span.record(
            "duration_ms",
            u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        );
        span.in_scope(|| match &result {
            Ok(_) => tracing::info!("remote call done"),
            Err(err) => tracing::warn!(error = %err, "remote call failed"),
        });
        result
    }
}

/// A fresh id for `X-Correlation-ID`.
pub fn new_correlation_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
