//! The errors of the application layer, and how each becomes the `CommandError` the UI shows.

use lanyard_model::error::{ConfigProblem, Missing, SandboxStart, StateChange, Unfit, words};
use lanyard_model::{CommandError, FieldErrors, FieldProblem};
use lanyard_providers::ProviderError;
use lanyard_sandbox::SandboxError;

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
    #[error("{}", secret_missing(.0))]
    NoSecret(String),
    /// The target changed since it was planned, or the action does not fit the state now.
    #[error("{0}")]
    Refused(StateChange),
    #[error("Type {expected} to confirm this change on a production profile")]
    Confirm { expected: String },
    /// A problem with Lanyard's own files or work, typed (a bulk run's journal, an export).
    #[error("{0}")]
    Files(ConfigProblem),
    /// A request that does not fit the profile, refused before anything was sent.
    #[error("{0}")]
    Unfit(Unfit),
    /// The built-in sandbox could not start.
    #[error("The built-in sandbox could not start: {0}")]
    Sandbox(#[from] SandboxError),
    /// A target (by its name) that could not be read, and why.
    #[error("{target} could not be read: {error}")]
    TargetUnread {
        target: String,
        error: Box<CoreError>,
    },
}

impl From<CoreError> for CommandError {
    fn from(err: CoreError) -> Self {
        CommandError::from(&err)
    }
}

/// The error the window shows for `err`, which stays the caller's (the audit log keeps it too).
impl From<&CoreError> for CommandError {
    fn from(err: &CoreError) -> Self {
        match err {
            CoreError::Provider(p) => provider_error(p),
            CoreError::Secrets(problem) => CommandError::Keychain {
                problem: problem.clone(),
            },
            CoreError::Invalid(fields) => CommandError::validation(fields.clone()),
            CoreError::NoProfile(id) => CommandError::NotFound {
                what: Missing::Profile,
                id: id.clone(),
                message: "It may have been removed; pick another profile.".into(),
            },
            CoreError::Refused(change) => CommandError::StateChanged {
                change: change.clone(),
            },
            CoreError::TargetUnread { target, error } => CommandError::TargetUnread {
                target: target.clone(),
                error: Box::new(CommandError::from(&**error)),
            },
            CoreError::Files(problem) => configuration(problem.clone()),
            CoreError::Unfit(unfit) => CommandError::Unfit {
                unfit: unfit.clone(),
            },
            CoreError::Sandbox(err) => configuration(ConfigProblem::SandboxNotStarted {
                cause: sandbox_start(err),
            }),
            CoreError::Confirm { expected } => CommandError::ConfirmationRequired {
                message: format!(
                    "This is a production profile: type {expected} to confirm the change."
                ),
                expected: expected.clone(),
            },
            CoreError::NoSecret(profile) => configuration(ConfigProblem::SecretMissing {
                profile: profile.clone(),
            }),
            CoreError::Audit(AuditError::Read { path, source }) => {
                configuration(ConfigProblem::AuditLogUnreadable {
                    path: path.display().to_string(),
                    detail: source.to_string(),
                })
            }
            CoreError::Audit(AuditError::Write { path, source }) => {
                configuration(ConfigProblem::AuditLogUnwritable {
                    path: path.display().to_string(),
                    detail: source.to_string(),
                })
            }
            CoreError::Config(ConfigFileError::Read { path, source }) => {
                configuration(ConfigProblem::SettingsUnreadable {
                    path: path.display().to_string(),
                    detail: source.to_string(),
                })
            }
            CoreError::Config(ConfigFileError::Write { path, source }) => {
                configuration(ConfigProblem::SettingsUnwritable {
                    path: path.display().to_string(),
                    detail: source.to_string(),
                })
            }
            CoreError::Audit(AuditError::Superseded) => {
                configuration(ConfigProblem::ActivityFilterSuperseded)
            }
            CoreError::Config(ConfigFileError::Encode(detail)) => {
                configuration(ConfigProblem::SettingsUnencodable {
                    detail: detail.clone(),
                })
            }
        }
    }
}

/// Why the sandbox did not start, as the window is told it.
fn sandbox_start(err: &SandboxError) -> SandboxStart {
    match err {
        SandboxError::Bind { addr, source } => SandboxStart::CannotListen {
            addr: addr.clone(),
            detail: source.to_string(),
        },
        SandboxError::Config(detail) => SandboxStart::Settings {
            detail: detail.clone(),
        },
        SandboxError::Tls(detail) => SandboxStart::Certificates {
            detail: detail.clone(),
        },
        SandboxError::CaFile { path, source } => SandboxStart::CaUnwritable {
            path: path.display().to_string(),
            detail: source.to_string(),
        },
    }
}

fn secret_missing(profile: &str) -> ConfigProblem {
    ConfigProblem::SecretMissing {
        profile: profile.to_owned(),
    }
}

fn configuration(problem: ConfigProblem) -> CommandError {
    CommandError::Configuration { problem }
}

/// Words for what a server said, with the missing scope or role when it named one.
fn provider_error(err: &ProviderError) -> CommandError {
    let correlation_id = err.correlation_id().map(str::to_owned);
    match err {
        ProviderError::Api {
            status,
            body,
            retry_after,
            product,
            ..
        } => {
            let (product, status, message) = (*product, *status, body.message.clone());
            match status {
                401 => CommandError::Unauthorized { product, message },
                403 => {
                    let missing_scope = message
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
                        product,
                        message,
                        missing_scope,
                        missing_role,
                    }
                }
                404 => CommandError::NotFound {
                    what: Missing::Product(product),
                    id: String::new(),
                    message,
                },
                409 => CommandError::AlreadyExists { message },
                429 => CommandError::RateLimited {
                    message: words::answered(product, status, &message),
                    retry_after_secs: retry_after.map(|d| d.as_secs()),
                },
                _ => CommandError::Server {
                    product,
                    status,
                    message,
                    error_code: body.code.clone(),
                    correlation_id,
                },
            }
        }
        ProviderError::RateLimited {
            retry_after,
            product,
            attempts,
            ..
        } => CommandError::RateLimited {
            message: words::rate_limited(*product, *attempts, *retry_after),
            retry_after_secs: retry_after.map(|d| d.as_secs()),
        },
        ProviderError::UnexpectedReply {
            product,
            status,
            excerpt,
            ..
        } => CommandError::UnexpectedReply {
            product: *product,
            status: *status,
            excerpt: excerpt.clone(),
        },
        ProviderError::Token {
            product,
            status,
            error,
            description,
            ..
        } => {
            let message = format!("{error}: {description}");
            if *status == 403 {
                CommandError::Forbidden {
                    product: *product,
                    message,
                    missing_scope: None,
                    missing_role: None,
                }
            } else {
                CommandError::Unauthorized {
                    product: *product,
                    message,
                }
            }
        }
        ProviderError::Network {
            product,
            host,
            cause,
            ..
        } => CommandError::Network {
            product: *product,
            host: host.clone(),
            cause: cause.clone(),
        },
        ProviderError::Timeout {
            product,
            host,
            after,
            ..
        } => CommandError::TimedOut {
            product: *product,
            host: host.clone(),
            after_ms: u64::try_from(after.as_millis()).unwrap_or(u64::MAX),
        },
        ProviderError::BodyTooLarge { product, limit, .. } => CommandError::TooLarge {
            product: *product,
            limit_bytes: u64::try_from(*limit).unwrap_or(u64::MAX),
        },
        ProviderError::Redirected {
            product,
            location,
            reason,
            ..
        } => CommandError::Redirected {
            product: *product,
            location: location.clone(),
            reason: (*reason).to_owned(),
        },
        ProviderError::Decode {
            product,
            expected,
            reason,
            ..
        } => CommandError::UnreadableReply {
            product: *product,
            expected: (*expected).to_owned(),
            reason: reason.clone(),
            correlation_id: correlation_id.filter(|id| !id.is_empty()),
        },
        // Sent, not confirmed: distinct from "not applied", which a read-back showed.
        ProviderError::OutcomeUnknown { product, cause, .. } => CommandError::OutcomeUnknown {
            product: *product,
            cause: cause.clone(),
            correlation_id,
        },
        ProviderError::NotApplied { product, cause, .. } => CommandError::NotApplied {
            product: *product,
            cause: cause.clone(),
            correlation_id,
        },
        ProviderError::UnsupportedByTenant { product, field, .. } => {
            // Shown beside the field that asked for what this tenant's endpoints cannot take.
            let mut fields = FieldErrors::new();
            fields.add(
                field,
                FieldProblem::UnsupportedByTenant {
                    product: *product,
                    field: (*field).to_owned(),
                },
            );
            CommandError::validation(fields)
        }
        ProviderError::InsecureUrl { url } => {
            configuration(ConfigProblem::InsecureAddress { url: url.clone() })
        }
        ProviderError::BadUrl { url, reason } => configuration(ConfigProblem::BadAddress {
            url: url.clone(),
            reason: reason.clone(),
        }),
    }
}

#[cfg(test)]
mod tests;
