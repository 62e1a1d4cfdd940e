//! How many requests each product's server received, by method and path (`GET /api/v2/…`), so
//! a test can tell how often something was read: the admin port's `GET /requests/{product}`,
//! or `Sandbox::requests`. Counted before faults, so a request answered with a fault counts.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::json::lock;

/// The most distinct method-and-path keys kept; past it, new paths are not counted (a client
/// inventing paths cannot grow the sandbox's memory without bound).
pub const MAX_KEYS: usize = 200_000;

/// The request counts of one product's server.
#[derive(Debug, Clone, Default)]
pub struct Requests(Arc<Mutex<BTreeMap<String, u64>>>);

impl Requests {
    /// Every method-and-path seen, with its count.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        lock(&self.0).clone()
    }

    pub fn clear(&self) {
        lock(&self.0).clear();
    }

    fn add(&self, key: String) {
        let mut counts = lock(&self.0);
        let full = counts.len() >= MAX_KEYS;
        if let Some(n) = counts.get_mut(&key) {
            *n = n.saturating_add(1);
        } else if !full {
            counts.insert(key, 1);
        }
    }
}

/// The middleware that counts each request before it is handled.
pub async fn count(State(requests): State<Requests>, request: Request, next: Next) -> Response {
    requests.add(format!("{} {}", request.method(), request.uri().path()));
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_method_and_path() {
        let r = Requests::default();
        r.add("GET /a".into());
        r.add("GET /a".into());
        r.add("POST /a".into());
        assert_eq!(r.counts().get("GET /a"), Some(&2));
        assert_eq!(r.counts().get("POST /a"), Some(&1));
        r.clear();
        assert!(r.counts().is_empty());
    }
}
