//! `CommandError`: the one error type that crosses IPC. The UI matches on its variants (never on
//! strings), and its Display says in plain words what happened and what to do, in the
//! sentences of [`words`], which the providers' errors share.

pub mod cause;
mod config;
mod journal;
mod keychain;
mod missing;
mod not_copied;
mod sandbox;
mod state;
mod unfit;
pub mod words;

use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use self::cause::NetworkCause;
pub use self::config::{ConfigProblem, Work};
pub use self::journal::{Damage, JournalProblem};
pub use self::keychain::KeychainProblem;
pub use self::missing::Missing;
pub use self::not_copied::{NotCopyable, RowNotCopied};
pub use self::sandbox::SandboxStart;
pub use self::state::{RunInstead, StateChange, run_refusal_instead};
pub use self::unfit::{Asked, Unfit};
use crate::product::Product;
use crate::validation::FieldErrors;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CommandError {
    /// The input broke a rule; `fields` places each message next to its input.
    #[error("{message}")]
    Validation {
        message: String,
        fields: FieldErrors,
    },

    /// `id` is empty when the server said "not found" without naming what.
    #[error("{}", not_found_text(what, id, message))]
    NotFound {
        what: Missing,
        id: String,
        message: String,
    },

    #[error("{message}")]
    AlreadyExists { message: String },

    #[error(
        "{product} did not accept the profile's credentials: {message}. Check the profile's secret, or test the profile on the Profiles page"
    )]
    Unauthorized { product: Product, message: String },

    #[error("{}", forbidden_text(*product, message, missing_scope.as_deref(), missing_role.as_deref()))]
    Forbidden {
        product: Product,
        message: String,
        missing_scope: Option<String>,
        missing_role: Option<String>,
    },

    /// `message` says why; the Display adds when to try again.
    #[error("{}", words::rate_limit(message, retry_after_secs.map(Duration::from_secs)))]
    RateLimited {
        message: String,
        retry_after_secs: Option<u64>,
    },

    /// The host could not be reached; `cause` is the root of the transport's error.
    #[error("{}", words::unreachable(*product, host, cause))]
    Network {
        product: Product,
        /// The host, with its port when it is not the scheme's own.
        host: String,
        cause: NetworkCause,
    },

    /// The host answered too slowly: Lanyard gave up after `after_ms`.
    #[error("{}", words::too_slow(*product, host, Duration::from_millis(*after_ms)))]
    TimedOut {
        product: Product,
        host: String,
        after_ms: u64,
    },

    /// Something that is not the API's reply (a web page, a proxy's), or a reply that broke off
    /// (`excerpt` empty).
    #[error("{}", words::unexpected_reply(*product, *status, excerpt))]
    UnexpectedReply {
        product: Product,
        status: u16,
        excerpt: String,
    },

    /// The API's format, but not what was asked for (a list without its list, a page twice).
    #[error("{}", words::unreadable(*product, expected, reason, correlation_id.as_deref()))]
    UnreadableReply {
        product: Product,
        expected: String,
        reason: String,
        correlation_id: Option<String>,
    },

    #[error("{}", words::too_large(*product, *limit_bytes))]
    TooLarge { product: Product, limit_bytes: u64 },

    /// A redirect on a read that Lanyard did not follow (a write's is an unknown outcome).
    #[error("{}", words::redirected(*product, location, reason))]
    Redirected {
        product: Product,
        location: String,
        reason: String,
    },

    /// An error status the variants above do not cover.
    #[error("{}", words::refused(*product, *status, message, error_code.as_deref(), correlation_id.as_deref()))]
    Server {
        product: Product,
        status: u16,
        message: String,
        error_code: Option<String>,
        correlation_id: Option<String>,
    },

    /// A change was sent but its effect could not be confirmed; `cause` says why, as a clause
    /// ("the connection closed before the answer").
    #[error("{}", words::outcome_unknown(*product, cause))]
    OutcomeUnknown {
        product: Product,
        cause: String,
        correlation_id: Option<String>,
    },

    /// A change was not confirmed, and reading the target back showed it was not applied:
    /// nothing changed.
    #[error("{}", words::not_applied(*product, cause))]
    NotApplied {
        product: Product,
        cause: String,
        correlation_id: Option<String>,
    },

    #[error("The system keychain failed: {problem}")]
    Keychain { problem: KeychainProblem },

    #[error("{problem}")]
    Configuration { problem: ConfigProblem },

    /// The state changed since a plan was made or a change applied (undo refused), or an
    /// action does not fit the state now.
    #[error("{change}")]
    StateChanged { change: StateChange },

    /// A production change needs the tenant's name typed to confirm.
    #[error("{message}")]
    ConfirmationRequired { message: String, expected: String },

    #[error("Cancelled")]
    Cancelled,

    /// A request that does not fit the profile picked, or a question that could only mislead:
    /// nothing was sent.
    #[error("{unfit}")]
    Unfit { unfit: Unfit },

    /// Make like could not read `target` (by its name): `error` says why.
    #[error("{target} could not be read: {error}")]
    TargetUnread {
        target: String,
        error: Box<CommandError>,
    },
}

fn not_found_text(what: &Missing, id: &str, message: &str) -> String {
    if id.is_empty() {
        format!(
            "{what} answered 404 (not found): {message}. It may have been removed meanwhile: reload the page; if nothing is found, check the address on the Profiles page"
        )
    } else {
        format!("{what} {id} was not found. {message}")
    }
}

fn forbidden_text(
    product: Product,
    message: &str,
    scope: Option<&str>,
    role: Option<&str>,
) -> String {
    match (scope, role) {
        (Some(scope), _) => format!(
            "{product} denied permission: the profile's credentials lack the scope {scope}. Grant it to the application (Auth0: APIs \u{2192} Auth0 Management API \u{2192} Machine to Machine Applications) and try again"
        ),
        (None, Some(role)) => format!(
            "{product} denied permission: the profile's user needs the role {role}. Ask an administrator to grant it and try again"
        ),
        (None, None) => format!(
            "{product} denied permission: {message}. Ask an administrator to give the profile's credentials this permission, then try again"
        ),
    }
}

impl CommandError {
    /// A validation error from field errors, with a one-line summary.
    pub fn validation(fields: FieldErrors) -> Self {
        let count = fields.fields().count();
        let message = if count == 1 {
            "One field needs attention".to_owned()
        } else {
            format!("{count} fields need attention")
        };
        CommandError::Validation { message, fields }
    }

    /// The field errors when this is a validation error.
    pub fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            CommandError::Validation { fields, .. } => Some(fields),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crosses_ipc_as_tagged_json_and_back() {
        let mut fields = FieldErrors::new();
        fields.add("connection_id", "is required");
        let errors = [
            CommandError::validation(fields),
            CommandError::Forbidden {
                product: Product::Auth0,
                message: "Insufficient scope".into(),
                missing_scope: Some("create:organization_connections".into()),
                missing_role: None,
            },
            CommandError::RateLimited {
                message: "Global limit".into(),
                retry_after_secs: Some(3),
            },
            CommandError::Network {
                product: Product::Hub,
                host: "hub.acme.com".into(),
                cause: NetworkCause::Tls {
                    detail: "handshake".into(),
                },
            },
            CommandError::TimedOut {
                product: Product::Zitadel,
                host: "acme.zitadel.cloud".into(),
                after_ms: 45_000,
            },
            CommandError::NotApplied {
                product: Product::Zitadel,
                cause: "the connection closed".into(),
                correlation_id: Some("c".into()),
            },
            CommandError::Keychain {
                problem: KeychainProblem::NoAccess("locked".into()),
            },
            CommandError::Cancelled,
        ];
        for e in errors {
            let json = serde_json::to_value(&e).unwrap();
            assert!(json.get("kind").is_some(), "{json}");
            assert_eq!(serde_json::from_value::<CommandError>(json).unwrap(), e);
        }
        let json = serde_json::to_value(CommandError::Cancelled).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "cancelled"}));
    }

    #[test]
    fn messages_name_the_cause_and_the_fix() {
        let e = CommandError::Forbidden {
            product: Product::Auth0,
            message: "Insufficient scope, expected any of: create:organization_connections".into(),
            missing_scope: Some("create:organization_connections".into()),
            missing_role: None,
        };
        let text = e.to_string();
        assert!(
            text.starts_with("Auth0 denied permission: ")
                && text.contains("create:organization_connections")
                && text.contains("Grant"),
            "{text}"
        );
        let e = CommandError::RateLimited {
            message: "Global limit has been reached".into(),
            retry_after_secs: Some(12),
        };
        assert!(e.to_string().contains("12 s"));
        let e = CommandError::Server {
            product: Product::Auth0,
            status: 500,
            message: "boom".into(),
            error_code: Some("internal".into()),
            correlation_id: Some("c-9".into()),
        };
        let text = e.to_string();
        assert!(
            text.starts_with("Auth0 answered 500: boom (internal)")
                && text.contains("Try again later")
                && text.contains("c-9"),
            "{text}"
        );
    }

    #[test]
    fn what_used_to_be_a_server_error_with_status_0_says_what_it_is() {
        let shown = [
            CommandError::UnreadableReply {
                product: Product::Hub,
                expected: "a list of auth modules".into(),
                reason: "missing field `authmodules`".into(),
                correlation_id: Some("c-1".into()),
            },
            CommandError::TooLarge {
                product: Product::Auth0,
                limit_bytes: 8_388_608,
            },
            CommandError::Redirected {
                product: Product::Zitadel,
                location: "https://login.acme.com/?next=x".into(),
                reason: "it points at another host".into(),
            },
        ]
        .map(|e| e.to_string());
        for text in &shown {
            assert!(!text.contains("answered 0"), "{text}");
            assert!(
                text.contains("Check the address on the Profiles page"),
                "{text}"
            );
        }
        assert!(shown[0].contains("could not be read as a list of auth modules"));
        assert!(shown[0].contains("correlation id c-1"));
        assert!(shown[1].contains("larger than 8388608 bytes"));
        assert!(shown[2].contains("https://login.acme.com/ and") && !shown[2].contains("next="));
    }

    #[test]
    fn a_host_that_cannot_be_reached_is_named_once_with_the_cause_and_the_fix() {
        let e = CommandError::Network {
            product: Product::Hub,
            host: "127.0.0.1:9".into(),
            cause: NetworkCause::ConnectionRefused,
        };
        let text = e.to_string();
        assert_eq!(text.matches("could not be reached").count(), 1, "{text}");
        assert!(
            text.starts_with("Hub at 127.0.0.1:9 could not be reached (connection refused). Check the address on the Profiles page"),
            "{text}"
        );
        let e = CommandError::TimedOut {
            product: Product::Hub,
            host: "hub.acme.com".into(),
            after_ms: 45_000,
        };
        let text = e.to_string();
        assert!(
            text.contains("hub.acme.com") && text.contains("45 s") && text.contains("Try again"),
            "{text}"
        );
    }
}
