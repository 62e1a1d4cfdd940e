//! How each provider error becomes what the UI shows.

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

fn shown(err: ProviderError) -> CommandError {
    CommandError::from(CoreError::from(err))
}

#[test]
fn what_is_not_an_error_status_is_never_a_server_error_with_status_0() {
    let (product, id) = (Product::Hub, || "c-1".to_owned());
    let slow = shown(ProviderError::Timeout {
        product,
        host: "hub.acme.com".into(),
        after: std::time::Duration::from_secs(45),
        correlation_id: id(),
    });
    assert!(
        matches!(&slow, CommandError::TimedOut { host, after_ms: 45_000, .. } if host == "hub.acme.com"),
        "{slow:?}"
    );
    let unreadable = shown(ProviderError::decode(
        product,
        "a list of auth modules",
        "missing field",
        id(),
    ));
    assert!(
        matches!(&unreadable, CommandError::UnreadableReply { correlation_id: Some(c), .. } if c == "c-1"),
        "{unreadable:?}"
    );
    let large = shown(ProviderError::BodyTooLarge {
        product,
        limit: 8 * 1024 * 1024,
        correlation_id: id(),
    });
    assert!(
        matches!(
            large,
            CommandError::TooLarge {
                limit_bytes: 8_388_608,
                ..
            }
        ),
        "{large:?}"
    );
    let moved = shown(ProviderError::Redirected {
        product,
        location: "https://sso.acme.com/login?return=%2Fhub".into(),
        reason: "it points at another host, and the token stays with its own host",
        correlation_id: id(),
    });
    assert!(
        matches!(moved, CommandError::Redirected { .. }),
        "{moved:?}"
    );
    assert!(!moved.to_string().contains("return="), "{moved}");
    for err in [slow, unreadable, large, moved] {
        assert!(!matches!(err, CommandError::Server { .. }), "{err:?}");
    }
}

#[test]
fn not_applied_and_outcome_unknown_stay_apart() {
    let not_applied = shown(ProviderError::NotApplied {
        product: Product::Auth0,
        cause: "its 200 answer was not its API's reply".into(),
        correlation_id: "c".into(),
    });
    let text = not_applied.to_string();
    assert!(
        matches!(not_applied, CommandError::NotApplied { .. }),
        "{not_applied:?}"
    );
    assert!(
        text.contains("was not applied") && text.contains("Try again"),
        "{text}"
    );
    let unknown = shown(ProviderError::OutcomeUnknown {
        product: Product::Auth0,
        cause: "no answer came within 45 s".into(),
        correlation_id: "c".into(),
    });
    let text = unknown.to_string();
    assert!(
        matches!(unknown, CommandError::OutcomeUnknown { .. }),
        "{unknown:?}"
    );
    assert!(
        text.contains("cannot tell whether it was applied") && text.contains("Check the target"),
        "{text}"
    );
}

#[test]
fn a_403_names_the_missing_scope() {
    let err = ProviderError::Api {
        product: Product::Auth0,
        status: 403,
        body: ErrorBody {
            code: Some("insufficient_scope".into()),
            message: "Insufficient scope, expected any of: create:organization_connections".into(),
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

#[test]
fn a_sandbox_that_cannot_start_is_typed_with_the_systems_words_and_the_same_english() {
    let err = CoreError::from(lanyard_sandbox::SandboxError::Bind {
        addr: "127.0.0.1:0".into(),
        source: std::io::Error::from(std::io::ErrorKind::AddrInUse),
    });
    let english = err.to_string();
    let shown = CommandError::from(err);
    match &shown {
        CommandError::Configuration {
            problem:
                lanyard_model::error::ConfigProblem::SandboxNotStarted {
                    cause: lanyard_model::error::SandboxStart::CannotListen { addr, .. },
                },
        } => assert_eq!(addr, "127.0.0.1:0"),
        other => panic!("not typed: {other:?}"),
    }
    assert_eq!(shown.to_string(), english);
    assert!(
        english.starts_with("The built-in sandbox could not start: cannot listen on 127.0.0.1:0: "),
        "{english}"
    );
}
