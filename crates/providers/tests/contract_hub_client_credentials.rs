#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing
//! The Hub client signed in as a trusted service (OAuth client credentials with HTTP Basic,
//! API-NOTES 3.5) against the sandbox over real HTTP: one token for many calls, a clear error
//! for a wrong secret, one renewal when Hub refuses the token.

use lanyard_model::ids::{AuthModuleId, UserGroupId};
use lanyard_providers::auth::Credentials;
use lanyard_providers::hub::HubClient;
use lanyard_providers::{HttpOptions, ProviderError};
use lanyard_sandbox::{Fault, FaultRule, Product, Sandbox, SandboxConfig};
use secrecy::SecretString;

const GITHUB_MODULE: &str = "0a6f5b7c-1111-4e2d-9a3b-000000000004";
const QA: &str = "6b1d2c3e-0000-4a5b-8c9d-000000000054";

fn service(s: &Sandbox, secret: &str) -> HubClient {
    let c = s.credentials();
    let credentials = Credentials::HubClientCredentials {
        service_id: c.hub_service_id.clone(),
        service_secret: SecretString::from(secret.to_owned()),
        scope: c.hub_service_scope.clone(),
    };
    HubClient::new(&s.hub_url(), credentials, HttpOptions::default()).unwrap()
}

fn token_requests(s: &Sandbox) -> u64 {
    s.state(Product::Hub)["token_requests"].as_u64().unwrap()
}

#[tokio::test]
async fn a_trusted_service_lists_modules_and_adds_and_removes_a_group_on_one_token() {
    let s = lanyard_sandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    let hub = service(&s, &s.credentials().hub_service_secret.clone());
    hub.test().await.unwrap();
    let modules = hub.auth_modules().await.unwrap();
    assert_eq!(modules.len(), 5);
    assert_eq!(modules[0].name.as_deref(), Some("Hub"));

    let module = AuthModuleId::parse(GITHUB_MODULE).unwrap();
    let group = UserGroupId::parse(QA).unwrap();
    assert!(
        !hub.add_auto_join_group(&module, &group)
            .await
            .unwrap()
            .already
    );
    assert_eq!(
        s.state(Product::Hub)["writes"][format!("{GITHUB_MODULE}/{QA}")],
        1
    );
    let groups = hub.auto_join_groups(&module).await.unwrap();
    assert_eq!(groups[0].name.as_deref(), Some("QA Engineers"));
    assert!(
        !hub.remove_auto_join_group(&module, &group)
            .await
            .unwrap()
            .already
    );
    assert!(hub.auto_join_groups(&module).await.unwrap().is_empty());

    assert_eq!(
        token_requests(&s),
        1,
        "one token served every call of the session"
    );
}

#[tokio::test]
async fn a_wrong_secret_or_scope_is_a_clear_sign_in_error_and_nothing_is_written() {
    let s = lanyard_sandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    let hub = service(&s, "not-the-service-secret");
    let module = AuthModuleId::parse(GITHUB_MODULE).unwrap();
    let group = UserGroupId::parse(QA).unwrap();
    match hub.add_auto_join_group(&module, &group).await {
        Err(err @ ProviderError::Token { .. }) => {
            let ProviderError::Token { status, error, .. } = &err else {
                unreachable!()
            };
            assert_eq!((*status, error.as_str()), (401, "invalid_client"));
            let message = err.to_string();
            assert!(message.starts_with("signing in to Hub failed"), "{message}");
            assert!(!message.contains("not-the-service-secret"), "{message}");
        }
        other => panic!("expected a sign-in error, got {other:?}"),
    }
    assert_eq!(token_requests(&s), 1, "a refused secret is not sent again");
    assert!(
        s.state(Product::Hub)["writes"]
            .as_object()
            .unwrap()
            .is_empty()
    );

    let c = s.credentials();
    let wrong_scope = HubClient::new(
        &s.hub_url(),
        Credentials::HubClientCredentials {
            service_id: c.hub_service_id.clone(),
            service_secret: SecretString::from(c.hub_service_secret.clone()),
            scope: "youtrack-service-id".into(),
        },
        HttpOptions::default(),
    )
    .unwrap();
    match wrong_scope.auth_modules().await {
        Err(ProviderError::Token {
            status: 400,
            error,
            description,
            ..
        }) => {
            assert_eq!(error, "invalid_scope");
            assert!(description.contains("registered service"), "{description}");
        }
        other => panic!("expected invalid_scope, got {other:?}"),
    }
}

#[tokio::test]
async fn an_expired_token_is_renewed_once_on_401() {
    let s = lanyard_sandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    let hub = service(&s, &s.credentials().hub_service_secret.clone());
    hub.auth_modules().await.unwrap();
    s.hub.expire_tokens();
    assert_eq!(
        hub.auth_modules().await.unwrap().len(),
        5,
        "the call went through on a new token"
    );
    assert_eq!(token_requests(&s), 2);

    // Hub refuses the renewed token too: the client gives up after one renewal.
    s.faults(Product::Hub).push(
        FaultRule::new(Fault::Status { status: 401 })
            .method("GET")
            .path("/api/rest/authmodules")
            .times(2),
    );
    match hub.auth_modules().await {
        Err(err) => assert!(err.is_status(401), "{err:?}"),
        Ok(_) => panic!("two 401s in a row must reach the caller"),
    }
    assert_eq!(token_requests(&s), 3, "one renewal, not a loop");
}
