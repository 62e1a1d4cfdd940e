//! The errors of the application layer, and how each becomes the `CommandError` the UI shows.

use lanyard_model::{CommandError, FieldErrors};
use lanyard_providers::ProviderError;

use crate::audit::AuditError;
use crate::config_file::ConfigFileError;
use crate::secrets::SecretsError;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error(transparent)]
    Secrets(#[from] SecretsError),
    #[error(transparent)]
    Provider(#[from] ProviderError),
    #[error(transparent)]
    Audit(#[from] AuditError),
    #[error(transparent)]
    Config(#[from] ConfigFileError),
    #[error("{}", .0.summary())]
    Invalid(FieldErrors),
    #[error("No profile with id {0}; it may have been removed. Pick another profile")]
    NoProfile(String),
    #[error(
        "the secret of profile \u{201c}{0}\u{201d} is missing from the system keychain; edit the profile and paste it again"
    )]
    NoSecret(String),
    #[error("{0}")]
    StateChanged(String),
    /// What the change adds is there already, but not as the change wanted it.
    #[error("{0}")]
    AlreadyExists(String),
    #[error("Type {expected} to confirm this change on a production profile")]
    Confirm { expected: String },
    #[error("{0}")]
    Other(String),
}

impl From<CoreError> for CommandError {
    fn from(err: CoreError) -> Self {
        match err {
            CoreError::Provider(p) => provider_error(p),
            CoreError::Secrets(s) => CommandError::Keychain {
                message: s.to_string(),
            },
            CoreError::Invalid(fields) => CommandError::validation(fields),
            CoreError::NoProfile(id) => CommandError::NotFound {
                what: "Profile".into(),
                id,
                message: "It may have been removed; pick another profile.".into(),
            },
            CoreError::StateChanged(message) => CommandError::StateChanged { message },
            CoreError::AlreadyExists(message) => CommandError::AlreadyExists { message },
            CoreError::Confirm { expected } => CommandError::ConfirmationRequired {
                message: format!(
                    "This is a production profile: type {expected} to confirm the change."
                ),
                expected,
            },
            other => CommandError::Configuration {
                message: other.to_string(),
            },
        }
    }
}

/// Words for what a server said, with the missing scope or role when it named one.
fn provider_error(err: ProviderError) -> CommandError {
    let correlation_id = err.correlation_id().map(str::to_owned);
    match err {
        ProviderError::Api {
            status,
            body,
            retry_after,
            product,
            ..
        } => match status {
            401 => CommandError::Unauthorized {
                message: body.message,
            },
            403 => {
                let missing_scope = body
                    .message
                    .split("expected any of:")
                    .nth(1)
                    .map(|s| s.trim().trim_end_matches('.').to_owned())
                    .filter(|s| !s.is_empty());
                let missing_role = match product {
                    lanyard_providers::Product::Zitadel => {
                        Some(lanyard_model::zitadel::REQUIRED_ROLE.to_owned())
                    }
                    _ => None,
                };
                CommandError::Forbidden {
                    message: body.message,
                    missing_scope,
                    missing_role,
                }
            }
            404 => CommandError::NotFound {
                what: product.to_string(),
                id: String::new(),
                message: body.message,
            },
            409 => CommandError::AlreadyExists {
                message: body.message,
            },
            429 => CommandError::RateLimited {
                message: body.message,
                retry_after_secs: retry_after.map(|d| d.as_secs()),
            },
            _ => CommandError::Server {
                status,
                message: body.message,
                error_code: body.code,
                correlation_id,
            },
        },
        ProviderError::RateLimited {
            retry_after,
            product,
            attempts,
            ..
        } => CommandError::RateLimited {
            // No 429 at all: the client's own pacing would have waited past the deadline.
            message: if attempts == 0 {
                format!(
                    "{product}'s limit would make the next call wait longer than one operation may take, so nothing was sent"
                )
            } else {
                format!("{product} kept answering 429 Too Many Requests")
            },
            retry_after_secs: retry_after.map(|d| d.as_secs()),
        },
        ProviderError::UnexpectedReply {
            status, excerpt, ..
        } => CommandError::UnexpectedReply { status, excerpt },
        ProviderError::Token {
            status,
            error,
            description,
            ..
        } => {
            if status == 403 {
                CommandError::Forbidden {
                    message: format!("{error}: {description}"),
                    missing_scope: None,
                    missing_role: None,
                }
            } else {
                CommandError::Unauthorized {
                    message: format!("{error}: {description}"),
                }
            }
        }
        ProviderError::Timeout { .. } | ProviderError::Network { .. } => CommandError::Network {
            message: err.to_string(),
        },
        ProviderError::OutcomeUnknown { .. } => CommandError::OutcomeUnknown {
            message: err.to_string(),
            correlation_id,
        },
        ProviderError::UnsupportedByTenant { field, .. } => {
            // Shown beside the field that asked for what this tenant's endpoints cannot take.
            let mut fields = FieldErrors::new();
            fields.add(field, err.to_string());
            CommandError::validation(fields)
        }
        ProviderError::InsecureUrl { .. } | ProviderError::BadUrl { .. } => {
            CommandError::Configuration {
                message: err.to_string(),
            }
        }
        other => CommandError::Server {
            status: 0,
            message: other.to_string(),
            error_code: None,
            correlation_id,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lanyard_providers::{ErrorBody, Product};

    #[test]
    fn a_field_the_tenant_cannot_take_is_an_error_on_that_field() {
        let err = ProviderError::UnsupportedByTenant {
            product: Product::Auth0,
            field: "organization_access_level",
            correlation_id: "c".into(),
        };
        match CommandError::from(CoreError::from(err)) {
            CommandError::Validation { fields, .. } => {
                assert_eq!(fields.get("organization_access_level").len(), 1);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_huge_server_message_reaches_the_ui_cut() {
        let err = ProviderError::Api {
            product: Product::Auth0,
            status: 500,
            body: ErrorBody::from_server(None, &"m".repeat(5 * 1024 * 1024)),
            correlation_id: "c".into(),
            retry_after: None,
        };
        let shown = CommandError::from(CoreError::from(err));
        let ipc = serde_json::to_string(&shown).unwrap_or_default();
        assert!(
            ipc.len() < 1_500 && ipc.contains("[cut: "),
            "{} bytes",
            ipc.len()
        );
    }

    #[test]
    fn a_403_names_the_missing_scope() {
        let err = ProviderError::Api {
            product: Product::Auth0,
            status: 403,
            body: ErrorBody {
                code: Some("insufficient_scope".into()),
                message: "Insufficient scope, expected any of: create:organization_connections"
                    .into(),
            },
            correlation_id: "c".into(),
            retry_after: None,
        };
        match CommandError::from(CoreError::from(err)) {
            CommandError::Forbidden { missing_scope, .. } => {
                assert_eq!(
                    missing_scope.as_deref(),
                    Some("create:organization_connections")
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
