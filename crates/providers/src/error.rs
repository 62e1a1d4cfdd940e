//! Every way a call to a product's API can fail, with the server's own words kept, cut to
//! [`SERVER_TEXT_LIMIT`] so that no server can fill an error, a journal or an audit line.

use std::fmt::Display;
use std::time::Duration;

use lanyard_model::Product;
use lanyard_model::error::{ConfigProblem, NetworkCause, words};

/// The most of a server's own text (an error message, a code, a `Location`, a parse error that
/// quotes the reply) that an error keeps, in bytes.
pub const SERVER_TEXT_LIMIT: usize = 1024;

/// `text` cut to [`SERVER_TEXT_LIMIT`] bytes on a character boundary, with a marker that says
/// how long it was. Server text enters a `ProviderError` only through here (`ErrorBody::
/// from_server`, `ProviderError::decode`, the `Location` of a redirect), so whatever shows or
/// stores the error (the UI, journals, the audit log) gets the cut text.
pub fn clip(text: &str) -> String {
    if text.len() <= SERVER_TEXT_LIMIT {
        return text.to_owned();
    }
    let mut end = SERVER_TEXT_LIMIT;
    while !text.is_char_boundary(end) {
        end = end.saturating_sub(1);
    }
    let kept = text.get(..end).unwrap_or_default();
    format!("{kept}\u{2026} [cut: {} bytes in all]", text.len())
}

/// What the server said in its error body, normalized over the three products' shapes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorBody {
    /// Auth0 `errorCode`, ZITADEL `details[0].id`, Hub `error`.
    pub code: Option<String>,
    /// The human text: Auth0 `message`, ZITADEL `message`, Hub `error_description`.
    pub message: String,
}

impl ErrorBody {
    /// The server's code and message, each cut to [`SERVER_TEXT_LIMIT`].
    pub fn from_server(code: Option<&str>, message: &str) -> Self {
        Self {
            code: code.map(clip),
            message: clip(message),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("{}", ConfigProblem::InsecureAddress { url: url.clone() })]
    InsecureUrl { url: String },

    #[error("{}", ConfigProblem::BadAddress { url: url.clone(), reason: reason.clone() })]
    BadUrl { url: String, reason: String },

    #[error("{}", words::answered(*product, *status, &body.message))]
    Api {
        product: Product,
        status: u16,
        body: ErrorBody,
        correlation_id: String,
        /// When the server said how long to wait (429).
        retry_after: Option<Duration>,
    },

    /// Shown with the excerpt only: it says more than the content type.
    #[error("{}", words::unexpected_reply(*product, *status, excerpt))]
    UnexpectedReply {
        product: Product,
        status: u16,
        content_type: String,
        excerpt: String,
        correlation_id: String,
    },

    #[error("{}", words::too_large(*product, u64::try_from(*limit).unwrap_or(u64::MAX)))]
    BodyTooLarge {
        product: Product,
        limit: usize,
        correlation_id: String,
    },

    #[error("{}", words::redirected(*product, location, reason))]
    Redirected {
        product: Product,
        location: String,
        /// Why it was not followed, in words.
        reason: &'static str,
        correlation_id: String,
    },

    #[error("{}", words::too_slow(*product, host, *after))]
    Timeout {
        product: Product,
        /// The host that was too slow, with its port when it is not the scheme's own.
        host: String,
        /// How long Lanyard waited in all, retries and waits included.
        after: Duration,
        correlation_id: String,
    },

    /// No answer: the connection could not be made, or broke.
    #[error("{}", words::unreachable(*product, host, cause))]
    Network {
        product: Product,
        /// The host, with its port when it is not the scheme's own.
        host: String,
        /// The root of the transport's error, in words.
        cause: NetworkCause,
        correlation_id: String,
    },

    #[error("{}", words::outcome_unknown(*product, cause))]
    OutcomeUnknown {
        product: Product,
        cause: String,
        correlation_id: String,
    },

    #[error("{}", words::not_applied(*product, cause))]
    NotApplied {
        product: Product,
        cause: String,
        correlation_id: String,
    },

    #[error("{}", words::rate_limit(&words::rate_limited(*product, *attempts, *retry_after), *retry_after))]
    RateLimited {
        product: Product,
        /// The 429s received; 0 when Lanyard's own pacing would have waited past the deadline.
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

    #[error("{}", lanyard_model::FieldProblem::UnsupportedByTenant { product: *product, field: (*field).to_owned() })]
    UnsupportedByTenant {
        product: Product,
        /// The request field only the newer endpoints take.
        field: &'static str,
        correlation_id: String,
    },

    #[error("{}", words::unreadable(*product, expected, reason, Some(correlation_id)))]
    Decode {
        product: Product,
        expected: &'static str,
        reason: String,
        correlation_id: String,
    },
}

impl ProviderError {
    /// A reply that could not be read as `expected`; `reason`, which may quote the reply, is cut.
    pub fn decode(
        product: Product,
        expected: &'static str,
        reason: impl Display,
        correlation_id: impl Into<String>,
    ) -> Self {
        ProviderError::Decode {
            product,
            expected,
            reason: clip(&reason.to_string()),
            correlation_id: correlation_id.into(),
        }
    }

    /// The same error with `f` applied to every text that came from a server or the network
    /// (used to take the request's own secrets out of what a server echoed back).
    pub(crate) fn map_text(mut self, f: impl Fn(&str) -> String) -> Self {
        use ProviderError as E;
        match &mut self {
            E::Api { body, .. } => {
                body.code = body.code.as_deref().map(&f);
                body.message = f(&body.message);
            }
            E::UnexpectedReply {
                content_type: one,
                excerpt: two,
                ..
            }
            | E::Token {
                error: one,
                description: two,
                ..
            } => {
                *one = f(one);
                *two = f(two);
            }
            E::Network { cause, .. } => *cause = cause.clone().map_detail(&f),
            E::Redirected { location: text, .. }
            | E::OutcomeUnknown { cause: text, .. }
            | E::NotApplied { cause: text, .. }
            | E::Decode { reason: text, .. } => *text = f(text),
            // No text from a server or the network.
            E::InsecureUrl { .. }
            | E::BadUrl { .. }
            | E::BodyTooLarge { .. }
            | E::Timeout { .. }
            | E::RateLimited { .. }
            | E::UnsupportedByTenant { .. } => {}
        }
        self
    }

    /// The cause alone, without what to do, for telling this error inside another's sentence
    /// ("… reading the target back failed too (<brief>)").
    pub fn brief(&self) -> String {
        use ProviderError as E;
        match self {
            E::Network {
                product,
                host,
                cause,
                ..
            } => words::unreachable(*product, host, cause).cause,
            E::Timeout {
                product,
                host,
                after,
                ..
            } => words::too_slow(*product, host, *after).cause,
            E::UnexpectedReply {
                product,
                status,
                excerpt,
                ..
            } => words::unexpected_reply(*product, *status, excerpt).cause,
            E::BodyTooLarge { product, limit, .. } => {
                words::too_large(*product, u64::try_from(*limit).unwrap_or(u64::MAX)).cause
            }
            E::Redirected {
                product,
                location,
                reason,
                ..
            } => words::redirected(*product, location, reason).cause,
            E::Decode {
                product,
                expected,
                reason,
                ..
            } => words::unreadable(*product, expected, reason, None).cause,
            E::RateLimited {
                product,
                attempts,
                retry_after,
                ..
            } => words::rate_limited(*product, *attempts, *retry_after),
            other => other.to_string(),
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_text_is_cut_on_a_character_boundary_with_a_marker() {
        assert_eq!(clip("short"), "short");
        // 3-byte characters: 1024 is not a boundary, so the cut steps back to one.
        let long = "\u{20ac}".repeat(2_000_000);
        let cut = clip(&long);
        assert!(cut.len() <= SERVER_TEXT_LIMIT + 64, "{}", cut.len());
        assert!(cut.contains("[cut: 6000000 bytes in all]"), "{cut}");
        assert!(cut.starts_with("\u{20ac}\u{20ac}"));
        let body = ErrorBody::from_server(Some(&"c".repeat(5000)), &"m".repeat(5_000_000));
        assert!(body.message.len() < 1100 && body.code.is_some_and(|c| c.len() < 1100));
    }

    #[test]
    fn map_text_reaches_every_text_from_a_server_and_nothing_else() {
        let (product, id, text) = (Product::Hub, || "id".to_owned(), || "SERVER".to_owned());
        let errors = [
            ProviderError::Api {
                product,
                status: 400,
                body: ErrorBody {
                    code: Some(text()),
                    message: text(),
                },
                correlation_id: id(),
                retry_after: None,
            },
            ProviderError::UnexpectedReply {
                product,
                status: 200,
                content_type: text(),
                excerpt: text(),
                correlation_id: id(),
            },
            ProviderError::Token {
                product,
                status: 401,
                error: text(),
                description: text(),
                correlation_id: id(),
            },
            ProviderError::Redirected {
                product,
                location: text(),
                reason: "why",
                correlation_id: id(),
            },
            ProviderError::Network {
                product,
                host: "h".into(),
                cause: NetworkCause::Other { detail: text() },
                correlation_id: id(),
            },
            ProviderError::OutcomeUnknown {
                product,
                cause: text(),
                correlation_id: id(),
            },
            ProviderError::NotApplied {
                product,
                cause: text(),
                correlation_id: id(),
            },
            ProviderError::decode(product, "a list", text(), id()),
        ];
        for err in errors {
            let before = format!("{err:?}").matches("SERVER").count();
            let after = format!("{:?}", err.map_text(|t| t.replace("SERVER", "[mapped]")));
            assert!(!after.contains("SERVER"), "{after}");
            assert_eq!(after.matches("[mapped]").count(), before, "{after}");
            assert!(after.contains(r#"correlation_id: "id""#), "{after}");
        }
    }

    #[test]
    fn a_pacing_wait_past_the_deadline_says_nothing_was_sent() {
        let err = ProviderError::RateLimited {
            product: Product::Auth0,
            attempts: 0,
            retry_after: Some(Duration::from_secs(50)),
            correlation_id: "c".into(),
        };
        let text = err.to_string();
        assert!(
            text.contains("nothing was sent") && text.contains("50 s"),
            "{text}"
        );
    }
}
