//! Every way a call to a product's API can fail, with the server's own words kept, cut to
//! [`SERVER_TEXT_LIMIT`] so that no server can fill an error, a journal or an audit line.

use std::fmt::Display;
use std::time::Duration;

use lanyard_model::Product;

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
        "{product} redirected the request to {location} and Lanyard did not follow: {reason}. Check the address in the profile"
    )]
    Redirected {
        product: Product,
        location: String,
        /// Why it was not followed, in words.
        reason: &'static str,
        correlation_id: String,
    },

    #[error(
        "{product} ({host}) was too slow: Lanyard gave up after {}. Try again in a moment; if it keeps happening, check the service's status and the network",
        seconds(*after)
    )]
    Timeout {
        product: Product,
        /// The host that was too slow.
        host: String,
        /// How long Lanyard waited in all, retries and waits included.
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
        "the change was sent to {product}, but {cause}, so Lanyard cannot tell whether it was applied. Check the target before trying again"
    )]
    OutcomeUnknown {
        product: Product,
        cause: String,
        correlation_id: String,
    },

    #[error(
        "{product} did not confirm the change ({cause}); Lanyard read the target back and the change was not applied. Try again"
    )]
    NotApplied {
        product: Product,
        cause: String,
        correlation_id: String,
    },

    #[error("{}", rate_limited_text(*product, *attempts, *retry_after))]
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

/// A duration in words: "45 s", "1.5 s", "300 ms".
pub(crate) fn seconds(d: Duration) -> String {
    if d >= Duration::from_secs(10) {
        format!("{} s", d.as_secs())
    } else if d >= Duration::from_secs(1) {
        format!("{:.1} s", d.as_secs_f64())
    } else {
        format!("{} ms", d.as_millis())
    }
}

fn rate_limited_text(product: Product, attempts: u32, retry_after: Option<Duration>) -> String {
    match (attempts, retry_after) {
        (0, Some(wait)) => format!(
            "{product}'s rate limit would have Lanyard wait {} before sending, longer than one operation may take; nothing was sent. Try again in a minute",
            seconds(wait)
        ),
        (n, Some(wait)) => format!(
            "{product} kept answering 429 (rate limited) after {n} tries and asked to wait {} more; Lanyard stopped. Try again in a minute",
            seconds(wait)
        ),
        (n, None) => format!("{product} kept answering 429 (rate limited) after {n} tries"),
    }
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
            E::Redirected { location: text, .. }
            | E::Network { message: text, .. }
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
                message: text(),
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
