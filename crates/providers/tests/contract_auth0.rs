//! The Auth0 client against the sandbox over real HTTP: every operation, errors, paging,
//! token refresh, pacing and faults.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use std::time::Duration;

use futures::StreamExt;
use lanyard_model::auth0::{
    AccessLevel, ConnectionFilter, EnableConnection, Patch, UpdateConnection,
};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::{HttpOptions, ProviderError};
use lanyard_sandbox::ratelimit::BucketSpec;
use lanyard_sandbox::{Fault, FaultRule, Product, Sandbox, SandboxConfig};
use secrecy::SecretString;

fn options() -> HttpOptions {
    HttpOptions {
        backoff_base: Duration::from_millis(10),
        backoff_cap: Duration::from_millis(50),
        ..HttpOptions::default()
    }
}

fn client(s: &Sandbox, readonly: bool) -> Auth0Client {
    let c = s.credentials();
    let (id, secret) = if readonly {
        (
            c.auth0_readonly_client_id.clone(),
            c.auth0_readonly_client_secret.clone(),
        )
    } else {
        (c.auth0_client_id.clone(), c.auth0_client_secret.clone())
    };
    Auth0Client::new(&s.auth0_url(), &id, SecretString::from(secret), options()).unwrap()
}

fn ids(s: &Sandbox, org_index: usize, connection: &str) -> (OrganizationId, ConnectionId) {
    let state = s.state(Product::Auth0);
    let org = state["organizations"][org_index]["id"].as_str().unwrap();
    let con = state["connections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == connection)
        .unwrap()["id"]
        .as_str()
        .unwrap();
    (
        OrganizationId::parse(org).unwrap(),
        ConnectionId::parse(con).unwrap(),
    )
}

fn fast_buckets() -> SandboxConfig {
    SandboxConfig {
        write_bucket: BucketSpec {
            burst: 50,
            per_minute: 6_000,
        },
        read_bucket: BucketSpec {
            burst: 100,
            per_minute: 60_000,
        },
        ..Default::default()
    }
}

#[tokio::test]
async fn enable_update_and_remove_with_every_field() {
    let s = lanyard_sandbox::start(fast_buckets()).await.unwrap();
    let c = client(&s, false);
    let (org, db) = ids(&s, 12, "Partners-Database");
    let request = EnableConnection {
        connection_id: db.clone(),
        organization_connection_name: Some("Partners".into()),
        assign_membership_on_login: Some(true),
        show_as_button: Some(false),
        is_signup_enabled: Some(true),
        organization_access_level: Some(AccessLevel::Readonly),
        is_enabled: true,
    };
    let done = c.enable(&org, &request).await.unwrap();
    assert!(!done.already);
    let settings = done.value.settings();
    assert_eq!(
        settings,
        request.effective(),
        "every field was sent and kept"
    );
    assert_eq!(done.value.strategy(), Some("auth0"));

    let again = c.enable(&org, &request).await.unwrap();
    assert!(again.already, "a 409 read back as already enabled");

    let update = UpdateConnection {
        organization_access_level: Patch::Set(AccessLevel::Full),
        is_enabled: Patch::Set(false),
        ..Default::default()
    };
    let updated = c.update(&org, &db, &update).await.unwrap();
    assert_eq!(
        (
            updated.value.organization_access_level,
            updated.value.is_enabled
        ),
        (Some(AccessLevel::Full), Some(false))
    );

    let listed = c.org_connections(&org).await.unwrap();
    assert!(listed.iter().any(|l| l.connection_id == db.as_str()));

    let removed = c.remove(&org, &db).await.unwrap();
    assert!(!removed.already);
    assert!(c.org_connection(&org, &db).await.unwrap().is_none());
    assert!(
        c.remove(&org, &db).await.unwrap().already,
        "a 404 read back as already removed"
    );
}

#[tokio::test]
async fn documented_errors_come_back_typed_with_the_servers_words() {
    let s = lanyard_sandbox::start(fast_buckets()).await.unwrap();
    let (org, okta) = ids(&s, 13, "Initech-Okta");
    let ro = client(&s, true);
    match ro.enable(&org, &EnableConnection::new(okta.clone())).await {
        Err(ProviderError::Api {
            status: 403, body, ..
        }) => {
            assert_eq!(body.code.as_deref(), Some("insufficient_scope"));
            assert!(body.message.contains("create:organization_connections"));
        }
        other => panic!("expected 403, got {other:?}"),
    }
    let c = client(&s, false);
    let mut bad = EnableConnection::new(okta.clone());
    bad.is_signup_enabled = Some(true);
    match c.enable(&org, &bad).await {
        Err(ProviderError::Api {
            status: 400, body, ..
        }) => assert!(body.message.contains("Only database connections")),
        other => panic!("expected 400, got {other:?}"),
    }
    let missing = OrganizationId::parse("org_doesnotexist").unwrap();
    match c.org_connections(&missing).await {
        Err(ProviderError::Api {
            status: 404, body, ..
        }) => assert!(body.message.contains("organization")),
        other => panic!("expected 404, got {other:?}"),
    }
    let wrong = Auth0Client::new(
        &s.auth0_url(),
        &s.credentials().auth0_client_id,
        SecretString::from("wrong"),
        options(),
    )
    .unwrap();
    match wrong.test().await {
        Err(ProviderError::Token {
            status: 401, error, ..
        }) => assert_eq!(error, "access_denied"),
        other => panic!("expected a token error, got {other:?}"),
    }
}

#[tokio::test]
async fn organizations_past_1000_stream_by_checkpoint_and_search_finds_by_name() {
    let s = lanyard_sandbox::start(SandboxConfig {
        organizations: 1_234,
        ..fast_buckets()
    })
    .await
    .unwrap();
    let c = client(&s, true);
    let all: Vec<_> = c.organizations().collect().await;
    assert_eq!(all.len(), 1_234);
    assert!(all.iter().all(Result::is_ok));
    let found = c.search_organizations("globex", 5).await.unwrap();
    assert_eq!(found[0].name, "globex", "the exact name first");
    assert!(found.len() > 1 && found.len() <= 5);
    let saml = c
        .connections(&ConnectionFilter {
            strategies: vec!["samlp".into()],
            name: None,
        })
        .await
        .unwrap();
    assert_eq!(saml.len(), 1);
}

#[tokio::test]
async fn an_expired_token_is_renewed_once_and_the_call_succeeds() {
    let s = lanyard_sandbox::start(fast_buckets()).await.unwrap();
    let c = client(&s, true);
    c.test().await.unwrap();
    s.auth0.expire_tokens();
    c.test()
        .await
        .expect("a fresh token was fetched after the 401");
}

#[tokio::test]
async fn a_burst_of_50_writes_against_a_5_token_bucket_never_shows_a_429() {
    // 5 burst at 1,500 per minute (150/min at 10x): pacing, not 429s, decides the speed.
    let s = lanyard_sandbox::start(SandboxConfig {
        organizations: 60,
        write_bucket: BucketSpec {
            burst: 5,
            per_minute: 150,
        },
        time_scale: 10.0,
        read_bucket: BucketSpec {
            burst: 100,
            per_minute: 60_000,
        },
        ..Default::default()
    })
    .await
    .unwrap();
    let c = client(&s, false);
    let state = s.state(Product::Auth0);
    let github = ids(&s, 0, "github").1;
    // 50 organizations without github (past the 30 named ones, the seed's spread enables it
    // on a few).
    let linked: Vec<&str> = state["org_connections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["link"]["connection_id"] == github.as_str())
        .map(|l| l["organization_id"].as_str().unwrap())
        .collect();
    let orgs: Vec<OrganizationId> = state["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .filter(|id| !linked.contains(id))
        .take(50)
        .map(|id| OrganizationId::parse(id).unwrap())
        .collect();
    assert_eq!(orgs.len(), 50);
    for org in orgs {
        let done = c
            .enable(&org, &EnableConnection::new(github.clone()))
            .await
            .expect("no 429 reaches the caller");
        assert!(!done.already);
    }
    let writes = s.state(Product::Auth0)["writes"]
        .as_object()
        .unwrap()
        .clone();
    assert_eq!(writes.len(), 50);
    assert!(writes.values().all(|n| n == 1), "no write was sent twice");
}

#[tokio::test]
async fn a_reply_lost_after_the_write_is_settled_by_reading_back() {
    let s = lanyard_sandbox::start(fast_buckets()).await.unwrap();
    let c = client(&s, false);
    let (org, github) = ids(&s, 14, "github");
    s.faults(Product::Auth0).push(
        FaultRule::new(Fault::ResetAfterApply)
            .method("POST")
            .path("/api/v2/organizations")
            .times(1),
    );
    let done = c
        .enable(&org, &EnableConnection::new(github.clone()))
        .await
        .unwrap();
    assert!(
        done.confirmed_by_read,
        "the lost reply was settled by a read"
    );
    let (org2, _) = ids(&s, 15, "github");
    s.faults(Product::Auth0).push(
        FaultRule::new(Fault::Reset)
            .method("POST")
            .path("/api/v2/organizations")
            .times(1),
    );
    match c
        .enable(&org2, &EnableConnection::new(github.clone()))
        .await
    {
        Err(ProviderError::NotApplied { .. }) => {}
        other => panic!("expected NotApplied, got {other:?}"),
    }
    let writes = &s.state(Product::Auth0)["writes"];
    assert_eq!(
        writes[format!("{org}/{github}")],
        1,
        "the POST was not repeated"
    );
    assert!(
        writes.get(format!("{org2}/{github}")).is_none(),
        "and the one that never landed stays not applied"
    );
}

#[tokio::test]
async fn gets_are_retried_on_5xx_posts_are_not_repeated_blindly() {
    let s = lanyard_sandbox::start(fast_buckets()).await.unwrap();
    let c = client(&s, false);
    let (org, github) = ids(&s, 16, "github");
    s.faults(Product::Auth0).push(
        FaultRule::new(Fault::Status { status: 503 })
            .method("GET")
            .path("/api/v2/organizations/")
            .times(2),
    );
    assert!(
        c.org_connections(&org).await.is_ok(),
        "two 503s then success"
    );
    s.faults(Product::Auth0).push(
        FaultRule::new(Fault::Status { status: 502 })
            .method("POST")
            .path("/api/v2/organizations")
            .times(1),
    );
    match c.enable(&org, &EnableConnection::new(github.clone())).await {
        Err(ProviderError::NotApplied { .. }) => {}
        other => panic!("a 502 on POST is read back, not repeated: {other:?}"),
    }
    assert!(
        s.state(Product::Auth0)["writes"]
            .get(format!("{org}/{github}"))
            .is_none()
    );
}

#[tokio::test]
async fn hostile_replies_become_clear_errors() {
    let s = lanyard_sandbox::start(fast_buckets()).await.unwrap();
    let small = HttpOptions {
        max_body_bytes: 1024 * 1024,
        timeout: Duration::from_secs(2),
        max_retries: 0,
        ..options()
    };
    let c = Auth0Client::new(
        &s.auth0_url(),
        &s.credentials().auth0_client_id,
        SecretString::from(s.credentials().auth0_client_secret.clone()),
        small,
    )
    .unwrap();
    let (org, _) = ids(&s, 0, "github");
    c.test().await.unwrap();
    let f = s.faults(Product::Auth0);
    f.push(
        FaultRule::new(Fault::Html { status: 200 })
            .method("GET")
            .times(1),
    );
    match c.org_connections(&org).await {
        Err(ProviderError::UnexpectedReply { excerpt, .. }) => {
            assert!(excerpt.contains("Bad Gateway"), "{excerpt}")
        }
        other => panic!("expected UnexpectedReply, got {other:?}"),
    }
    f.push(
        FaultRule::new(Fault::Oversized {
            bytes: 3 * 1024 * 1024,
        })
        .method("GET")
        .times(1),
    );
    assert!(matches!(
        c.org_connections(&org).await,
        Err(ProviderError::BodyTooLarge { .. })
    ));
    f.push(
        FaultRule::new(Fault::Redirect {
            location: "https://attacker.example/api/v2/x".into(),
        })
        .times(1),
    );
    match c.org_connections(&org).await {
        Err(ProviderError::Redirected { location, .. }) => {
            assert!(location.contains("attacker.example"))
        }
        other => panic!("expected Redirected, got {other:?}"),
    }
    f.push(
        FaultRule::new(Fault::SlowDrip { bytes_per_sec: 20 })
            .method("GET")
            .times(1),
    );
    assert!(matches!(
        c.org_connections(&org).await,
        Err(ProviderError::Timeout { .. } | ProviderError::Network { .. })
    ));
    f.push(FaultRule::new(Fault::Truncated).method("GET").times(1));
    assert!(matches!(
        c.org_connections(&org).await,
        Err(ProviderError::Network { .. })
    ));
    f.push(FaultRule::new(Fault::RateLimited).method("GET").times(2));
    assert!(
        c.org_connections(&org).await.is_ok(),
        "429s without a reset are waited out with backoff"
    );
}
