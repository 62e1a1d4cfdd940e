//! Lanyard's HTTP clients for the three products' admin APIs. No Tauri here: tests, benchmarks
//! and the app all use the clients as they are.
//!
//! `http` holds what every client shares: the https-only and same-host rules that keep a token
//! on its own host, capped bodies, timeouts, correlation ids, rate-limit pacing and retries.

pub mod auth;
pub mod auth0;
pub mod error;
pub mod http;
pub mod hub;
pub mod outcome;
mod pacing;
mod retry;
pub mod zitadel;

pub use error::{ErrorBody, ProviderError};
pub use http::{Http, HttpOptions, Product, Reply, Request};
pub use outcome::Done;
pub use pacing::{BucketShare, with_share};
