//! Every way a call to a product's API can fail, with the server's own words kept.

use std::time::Duration;

use crate::http::Product;

/// What the server said in its error body, normalized over the three products' shapes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorBody {
    /// Auth0 `errorCode`, ZITADEL `details[0].id`, Hub `error`.
    pub code: Option<String>,
    /// The human text: Auth0 `message`, ZITADEL `message`, Hub `error_description`.
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error(
        "{url} is not an https address; Lanyard sends tokens only over https (plain http only to this computer)"
    )]
    InsecureUrl { url: String },

    #[error("{url} is not a usable address: {reason}")]
    BadUrl { url: String, reason: String },

    #[error("{product} answered {status}: {}", body.message)]
    Api {
        product: Product,
        status: u16,
        body: ErrorBody,
        correlation_id: String,
        /// When the server said how long to wait (429).
        retry_after: Option<Duration>,
    },

    #[error(
        "{product} answered {status} with something that is not its API's JSON ({content_type}): {excerpt}"
    )]
    UnexpectedReply {
        product: Product,
        status: u16,
        content_type: String,
        excerpt: String,
        correlation_id: String,
    },

    #[error("{product}'s reply was larger than {limit} bytes; Lanyard stopped reading it")]
    BodyTooLarge {
        product: Product,
        limit: usize,
        correlation_id: String,
    },

    #[error(
        "{product} redirected the request to {location}; Lanyard does not follow redirects to another host, so the token stays with its own host. Check the address in the profile"
    )]
    Redirected {
        product: Product,
        location: String,
        correlation_id: String,
    },

    #[error("{product} did not answer within {after:?}")]
    Timeout {
        product: Product,
        after: Duration,
        correlation_id: String,
    },

    #[error("{product} could not be reached: {message}")]
    Network {
        product: Product,
        message: String,
        correlation_id: String,
    },

    #[error(
        "the connection to {product} broke after the change was sent, so Lanyard cannot tell whether it was applied: {cause}"
    )]
    OutcomeUnknown {
        product: Product,
        cause: String,
        correlation_id: String,
    },

    #[error(
        "the connection to {product} broke before it confirmed the change; Lanyard checked and the change was not applied. Try again"
    )]
    NotApplied {
        product: Product,
        cause: String,
        correlation_id: String,
    },

    #[error("{product} kept answering 429 (rate limited) after {attempts} tries")]
    RateLimited {
        product: Product,
        attempts: u32,
        retry_after: Option<Duration>,
        correlation_id: String,
    },

    #[error("signing in to {product} failed: {error}: {description}")]
    Token {
        product: Product,
        status: u16,
        error: String,
        description: String,
        correlation_id: String,
    },

    #[error(
        "this {product} tenant does not have the organization connections API (an Early Access feature), so `{field}` cannot be set: its older enabled_connections endpoints, which Lanyard uses here, have no such field. Nothing was changed. Leave `{field}` at its default, or ask Auth0 to enable the feature for the tenant"
    )]
    UnsupportedByTenant {
        product: Product,
        /// The request field only the newer endpoints take.
        field: &'static str,
        correlation_id: String,
    },

    #[error("{product}'s reply could not be read as {expected}: {reason}")]
    Decode {
        product: Product,
        expected: &'static str,
        reason: String,
        correlation_id: String,
    },
}

impl ProviderError {
    /// The id Lanyard sent with the request, for matching logs and the audit trail.
    pub fn correlation_id(&self) -> Option<&str> {
        match self {
            ProviderError::InsecureUrl { .. } | ProviderError::BadUrl { .. } => None,
            ProviderError::Api { correlation_id, .. }
            | ProviderError::UnexpectedReply { correlation_id, .. }
            | ProviderError::BodyTooLarge { correlation_id, .. }
            | ProviderError::Redirected { correlation_id, .. }
            | ProviderError::Timeout { correlation_id, .. }
            | ProviderError::Network { correlation_id, .. }
            | ProviderError::OutcomeUnknown { correlation_id, .. }
            | ProviderError::NotApplied { correlation_id, .. }
            | ProviderError::RateLimited { correlation_id, .. }
            | ProviderError::Token { correlation_id, .. }
            | ProviderError::UnsupportedByTenant { correlation_id, .. }
            | ProviderError::Decode { correlation_id, .. } => Some(correlation_id),
        }
    }

    /// The HTTP status of an API error.
    pub fn status(&self) -> Option<u16> {
        match self {
            ProviderError::Api { status, .. }
            | ProviderError::UnexpectedReply { status, .. }
            | ProviderError::Token { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// An API error with this status.
    pub fn is_status(&self, wanted: u16) -> bool {
        self.status() == Some(wanted)
    }
}
