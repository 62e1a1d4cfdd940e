//! Fault injection: latency, 5xx, 429 storms, broken connections (before or after the change is
//! applied), HTML pages, truncated, oversized or slowly dripping bodies, and redirects to another
//! host. Rules are set per product, at start or through the admin port, and can be limited to a
//! method, a path prefix, a number of occurrences, or every n-th request.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::json::lock;

/// Which stand-in a fault rule or a state dump is about (the admin port's `/faults/{product}`,
/// `/state/{product}`). The sandbox plays the vendors, not Lanyard, so it keeps this name of its
/// own rather than depend on Lanyard's model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Product {
    Auth0,
    Zitadel,
    Hub,
}

impl Product {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "auth0" => Some(Product::Auth0),
            "zitadel" => Some(Product::Zitadel),
            "hub" => Some(Product::Hub),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// Wait before handling.
    Latency { ms: u64 },
    /// Answer this status (500, 502, 503…) without handling.
    Status { status: u16 },
    /// Answer 429 without handling (a storm when unlimited).
    RateLimited,
    /// Break the connection without handling: nothing changes.
    Reset,
    /// Handle (the change is applied), then break the connection: the outcome is unknown.
    ResetAfterApply,
    /// An HTML error page, as a proxy or a login wall would send.
    Html { status: u16 },
    /// A body that stops short of its Content-Length.
    Truncated,
    /// A body of this many bytes.
    Oversized { bytes: usize },
    /// The real reply, a few bytes at a time.
    SlowDrip { bytes_per_sec: u64 },
    /// 302 to another host.
    Redirect { location: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultRule {
    pub fault: Fault,
    /// Only this method (GET, POST…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Only paths starting with this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
    /// Only this many times, then the rule is spent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
    /// Only every n-th matching request (a share of failures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<u32>,
    #[serde(default, skip)]
    seen: u32,
}

impl FaultRule {
    pub fn new(fault: Fault) -> Self {
        Self {
            fault,
            method: None,
            path_prefix: None,
            times: None,
            every: None,
            seen: 0,
        }
    }
    pub fn method(mut self, m: &str) -> Self {
        self.method = Some(m.to_ascii_uppercase());
        self
    }
    pub fn path(mut self, prefix: &str) -> Self {
        self.path_prefix = Some(prefix.to_owned());
        self
    }
    pub fn times(mut self, n: u32) -> Self {
        self.times = Some(n);
        self
    }
    pub fn every(mut self, n: u32) -> Self {
        self.every = Some(n.max(1));
        self
    }
}

/// The longest injected latency (10 minutes): longer is a typo, not a test.
pub const MAX_LATENCY_MS: u64 = 600_000;
/// The largest oversized body (1 GiB).
pub const MAX_OVERSIZED_BYTES: usize = 1 << 30;

/// A rule that cannot be applied, with the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct RuleError {
    pub field: &'static str,
    pub problem: &'static str,
}

impl FaultRule {
    /// Refuses values that would divide by zero, overflow or never end.
    pub fn check(&self) -> Result<(), RuleError> {
        let bad = |field, problem| Err(RuleError { field, problem });
        if self.every == Some(0) {
            return bad("every", "must be at least 1 (every n-th matching request)");
        }
        match &self.fault {
            Fault::Latency { ms } if *ms > MAX_LATENCY_MS => {
                bad("fault.ms", "at most 600000 (10 minutes)")
            }
            Fault::Status { status } | Fault::Html { status } if !(100..=599).contains(status) => {
                bad("fault.status", "must be an HTTP status from 100 to 599")
            }
            Fault::Oversized { bytes } if *bytes > MAX_OVERSIZED_BYTES => {
                bad("fault.bytes", "at most 1073741824 (1 GiB)")
            }
            Fault::SlowDrip { bytes_per_sec } if *bytes_per_sec == 0 => {
                bad("fault.bytes_per_sec", "must be at least 1")
            }
            Fault::Redirect { location } if HeaderValue::from_str(location).is_err() => {
                bad("fault.location", "must be a valid header value")
            }
            _ => Ok(()),
        }
    }
}

/// The fault rules of one product's server.
#[derive(Debug, Clone, Default)]
pub struct Faults(Arc<Mutex<Vec<FaultRule>>>);

impl Faults {
    pub fn set(&self, rules: Vec<FaultRule>) {
        *lock(&self.0) = rules;
    }

    pub fn push(&self, rule: FaultRule) {
        lock(&self.0).push(rule);
    }

    pub fn clear(&self) {
        lock(&self.0).clear();
    }

    pub fn list(&self) -> Vec<FaultRule> {
        lock(&self.0).clone()
    }

    /// The fault for this request, if a rule fires; spends one of its occurrences.
    fn pick(&self, method: &str, path: &str) -> Option<Fault> {
        let mut rules = lock(&self.0);
        for rule in rules.iter_mut() {
            let matches = rule
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
                && rule
                    .path_prefix
                    .as_deref()
                    .is_none_or(|p| path.starts_with(p))
                && rule.times != Some(0);
            if !matches {
                continue;
            }
            rule.seen = rule.seen.wrapping_add(1);
            // `checked_rem` keeps a rule with `every: 0` (refused by `check`) from dividing by zero.
            if rule
                .every
                .is_some_and(|n| rule.seen.checked_rem(n) != Some(0))
            {
                continue;
            }
            if let Some(t) = rule.times.as_mut() {
                *t = t.saturating_sub(1);
            }
            return Some(rule.fault.clone());
        }
        None
    }
}

/// The middleware that applies the rules.
pub async fn apply(State(faults): State<Faults>, request: Request, next: Next) -> Response {
    let fault = faults.pick(request.method().as_str(), request.uri().path());
    let Some(fault) = fault else {
        return next.run(request).await;
    };
    tracing::debug!(?fault, path = request.uri().path(), "injecting a fault");
    match fault {
        Fault::Latency { ms } => {
            tokio::time::sleep(Duration::from_millis(ms.min(MAX_LATENCY_MS))).await;
            next.run(request).await
        }
        Fault::Status { status } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            crate::json::reply(
                status,
                serde_json::json!({"error": "injected", "status": status.as_u16()}),
            )
        }
        Fault::RateLimited => crate::json::reply(
            StatusCode::TOO_MANY_REQUESTS,
            serde_json::json!({"statusCode": 429, "error": "Too Many Requests", "message": "Global limit has been reached", "errorCode": "too_many_requests"}),
        ),
        Fault::Reset => broken(StatusCode::OK),
        Fault::ResetAfterApply => {
            let response = next.run(request).await;
            broken(response.status())
        }
        Fault::Html { status } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
            let mut r = (status, "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy could not reach the service.</p></body></html>").into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            r
        }
        Fault::Truncated => {
            let chunks: Vec<Result<bytes::Bytes, std::io::Error>> = vec![
                Ok(bytes::Bytes::from_static(
                    b"{\"connections\":[{\"connection_id\":\"con_",
                )),
                Err(std::io::Error::other("truncated")),
            ];
            let mut r = Response::new(Body::from_stream(futures::stream::iter(chunks)));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            r
        }
        Fault::Oversized { bytes } => {
            let chunk = bytes::Bytes::from(vec![b' '; 64 * 1024]);
            let count = bytes.min(MAX_OVERSIZED_BYTES).div_ceil(chunk.len()).max(1);
            let stream = futures::stream::iter(
                std::iter::once(Ok::<_, std::io::Error>(bytes::Bytes::from_static(b"[")))
                    .chain(std::iter::repeat_n(chunk, count).map(Ok))
                    .chain(std::iter::once(Ok(bytes::Bytes::from_static(b"]")))),
            );
            let mut r = Response::new(Body::from_stream(stream));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            r
        }
        Fault::SlowDrip { bytes_per_sec } => {
            let response = next.run(request).await;
            let (parts, body) = response.into_parts();
            let Ok(all) = axum::body::to_bytes(body, usize::MAX).await else {
                return broken(parts.status);
            };
            let per_tick = usize::try_from(bytes_per_sec / 10)
                .unwrap_or(usize::MAX)
                .max(1);
            let pieces: Vec<bytes::Bytes> = all
                .chunks(per_tick)
                .map(bytes::Bytes::copy_from_slice)
                .collect();
            let stream = futures::stream::unfold(pieces.into_iter(), |mut it| async move {
                let next = it.next()?;
                tokio::time::sleep(Duration::from_millis(100)).await;
                Some((Ok::<_, std::io::Error>(next), it))
            });
            let mut parts = parts;
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from_stream(stream))
        }
        Fault::Redirect { location } => {
            let mut r = StatusCode::FOUND.into_response();
            if let Ok(v) = HeaderValue::from_str(&location) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
    }
}

/// A reply whose body breaks off at once: the client sees the connection fail mid-reply.
fn broken(status: StatusCode) -> Response {
    let chunks: Vec<Result<bytes::Bytes, std::io::Error>> =
        vec![Err(std::io::Error::other("connection reset (injected)"))];
    let mut r = Response::new(Body::from_stream(futures::stream::iter(chunks)));
    *r.status_mut() = status;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_match_by_method_and_path_and_run_out() {
        let f = Faults::default();
        f.push(
            FaultRule::new(Fault::Reset)
                .method("post")
                .path("/api/v2/organizations")
                .times(1),
        );
        assert_eq!(f.pick("GET", "/api/v2/organizations/x"), None);
        assert_eq!(f.pick("POST", "/api/v2/connections"), None);
        assert_eq!(
            f.pick("POST", "/api/v2/organizations/x/connections"),
            Some(Fault::Reset)
        );
        assert_eq!(
            f.pick("POST", "/api/v2/organizations/x/connections"),
            None,
            "spent"
        );
    }

    #[test]
    fn a_rule_with_every_zero_never_divides_by_zero() {
        let f = Faults::default();
        let mut rule = FaultRule::new(Fault::Reset);
        rule.every = Some(0);
        assert_eq!(
            rule.check().map_err(|e| e.field),
            Err("every"),
            "refused when set"
        );
        f.push(rule);
        assert_eq!(f.pick("GET", "/"), None, "and harmless if it got in");
    }

    #[test]
    fn every_nth_request_gives_a_share_of_failures() {
        let f = Faults::default();
        f.push(FaultRule::new(Fault::Status { status: 503 }).every(3));
        let hits = (0..9).filter(|_| f.pick("GET", "/").is_some()).count();
        assert_eq!(hits, 3);
    }
}
