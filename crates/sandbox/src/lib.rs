//! Local stand-ins for the three admin APIs Lanyard talks to: the Auth0 Management API v2, the
//! ZITADEL Admin/Management API v1 (REST) and the JetBrains Hub REST API, as their vendors document
//! them (extracts in `specs/`): same paths, bodies, validation, status codes, error bodies, paging, auth and
//! rate-limit headers. Tests, benchmarks and the app's built-in Sandbox profiles use it over real
//! HTTP on loopback; an admin port sets faults and shows the true state. Credentials and the
//! admin port's token are made at each start; every port refuses a `Host` that is not loopback.

// Handlers return a finished error Response early; its size does not matter on a test server.
#![allow(clippy::result_large_err)]

pub mod admin;
mod api_error;
pub mod auth0;
pub mod config;
pub mod error;
mod extract;
pub mod faults;
mod form;
pub mod guard;
pub mod hub;
mod json;
pub mod ratelimit;
pub mod requests;
pub mod server;
pub mod tls;
pub mod zitadel;

pub use config::{Credentials, SandboxConfig};
pub use error::SandboxError;
pub use faults::{Fault, FaultRule, Product, RuleError};
pub use server::{Sandbox, start};
