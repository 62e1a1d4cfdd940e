//! `CommandError`: the one error type that crosses IPC. The UI matches on its variants (never on
//! strings), and its Display says in plain words what happened and what to do.

use serde::{Deserialize, Serialize};

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

    #[error("{what} {id} was not found. {message}")]
    NotFound {
        what: String,
        id: String,
        message: String,
    },

    #[error("{message}")]
    AlreadyExists { message: String },

    #[error(
        "The server did not accept the credentials: {message}. Check the profile's secret, or test the profile on the Profiles page"
    )]
    Unauthorized { message: String },

    #[error("{}", forbidden_text(message, missing_scope.as_deref(), missing_role.as_deref()))]
    Forbidden {
        message: String,
        missing_scope: Option<String>,
        missing_role: Option<String>,
    },

    #[error("{}", rate_text(message, *retry_after_secs))]
    RateLimited {
        message: String,
        retry_after_secs: Option<u64>,
    },

    #[error(
        "The server could not be reached: {message}. Check the network and the profile's address"
    )]
    Network { message: String },

    #[error(
        "The server answered {status} with something that is not its API's reply: \u{201c}{excerpt}\u{201d}. Check the profile's address: it may point at a web page or a proxy"
    )]
    UnexpectedReply { status: u16, excerpt: String },

    #[error("{}", server_text(*status, message, error_code.as_deref(), correlation_id.as_deref()))]
    Server {
        status: u16,
        message: String,
        error_code: Option<String>,
        correlation_id: Option<String>,
    },

    /// A change was sent but its effect could not be confirmed.
    #[error("{message}")]
    OutcomeUnknown {
        message: String,
        correlation_id: Option<String>,
    },

    #[error("The system keychain failed: {message}")]
    Keychain { message: String },

    #[error("{message}")]
    Configuration { message: String },

    /// The state changed since a plan was made or a change applied (undo refused).
    #[error("{message}")]
    StateChanged { message: String },

    /// A production change needs the tenant's name typed to confirm.
    #[error("{message}")]
    ConfirmationRequired { message: String, expected: String },

    #[error("Cancelled")]
    Cancelled,
}

fn forbidden_text(message: &str, scope: Option<&str>, role: Option<&str>) -> String {
    match (scope, role) {
        (Some(scope), _) => format!(
            "Permission denied: the profile's credentials lack the scope {scope}. Grant it to the application (Auth0: APIs \u{2192} Auth0 Management API \u{2192} Machine to Machine Applications) and try again"
        ),
        (None, Some(role)) => format!(
            "Permission denied: the profile's user needs the role {role}. Ask an administrator to grant it and try again"
        ),
        (None, None) => format!("Permission denied: {message}"),
    }
}

fn rate_text(message: &str, retry: Option<u64>) -> String {
    match retry {
        Some(secs) => {
            format!("The server is rate limiting Lanyard ({message}); it can try again in {secs} s")
        }
        None => format!("The server is rate limiting Lanyard ({message}); try again in a moment"),
    }
}

fn server_text(
    status: u16,
    message: &str,
    code: Option<&str>,
    correlation: Option<&str>,
) -> String {
    let mut text = format!("The server answered {status}: {message}");
    if let Some(code) = code {
        text.push_str(&format!(" ({code})"));
    }
    if let Some(id) = correlation {
        text.push_str(&format!(". Correlation id {id}"));
    }
    text
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
                message: "Insufficient scope".into(),
                missing_scope: Some("create:organization_connections".into()),
                missing_role: None,
            },
            CommandError::RateLimited {
                message: "Global limit".into(),
                retry_after_secs: Some(3),
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
            message: "Insufficient scope, expected any of: create:organization_connections".into(),
            missing_scope: Some("create:organization_connections".into()),
            missing_role: None,
        };
        let text = e.to_string();
        assert!(
            text.contains("create:organization_connections") && text.contains("Grant"),
            "{text}"
        );
        let e = CommandError::RateLimited {
            message: "Global limit has been reached".into(),
            retry_after_secs: Some(12),
        };
        assert!(e.to_string().contains("12 s"));
        let e = CommandError::Server {
            status: 500,
            message: "boom".into(),
            error_code: Some("internal".into()),
            correlation_id: Some("c-9".into()),
        };
        assert!(e.to_string().contains("c-9"));
    }
}
