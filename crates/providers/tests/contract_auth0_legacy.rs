#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing
//! The Auth0 client against a sandbox tenant without the Early Access organization connections
//! API (`auth0_legacy_only`): it falls back to the older `/enabled_connections` endpoints,
//! refuses what only the new ones can do, and tells a missing scope from a missing feature.

use std::time::Duration;

use lanyard_model::auth0::{AccessLevel, EnableConnection, Patch, UpdateConnection};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use lanyard_providers::auth0::{Auth0Client, Endpoints};
use lanyard_providers::{HttpOptions, ProviderError};
use lanyard_sandbox::ratelimit::BucketSpec;
use lanyard_sandbox::{Fault, FaultRule, Product, Sandbox, SandboxConfig};
use secrecy::SecretString;
use serde_json::Value;

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

async fn legacy_tenant() -> Sandbox {
    lanyard_sandbox::start(SandboxConfig {
        auth0_legacy_only: true,
        write_bucket: BucketSpec {
            burst: 50,
            per_minute: 6_000,
        },
        read_bucket: BucketSpec {
            burst: 100,
            per_minute: 60_000,
        },
        ..Default::default()
    })
    .await
    .unwrap()
}

/// The link the sandbox holds for (org, connection), if any.
fn stored_link(s: &Sandbox, org: &OrganizationId, con: &ConnectionId) -> Option<Value> {
    s.state(Product::Auth0)["org_connections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| {
            l["organization_id"] == org.as_str() && l["link"]["connection_id"] == con.as_str()
        })
        .map(|l| l["link"].clone())
}

/// Requests the sandbox saw on one generation's org-connection endpoints ("new" or "old").
fn calls(s: &Sandbox, generation: &str) -> u64 {
    s.state(Product::Auth0)["org_connection_calls"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| k.starts_with(&format!("{generation}:")))
        .map(|(_, n)| n.as_u64().unwrap())
        .sum()
}

#[tokio::test]
async fn list_get_enable_update_and_remove_work_through_the_old_endpoints() {
    let s = legacy_tenant().await;
    let c = client(&s, false);

    // Organization 0 has two connections in the seed, one of them named with a level; the old
    // endpoints show neither the name nor the level.
    let (acme, upa) = ids(&s, 0, "Username-Password-Authentication");
    let listed = c.org_connections(&acme).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().any(|l| l.connection_id == upa.as_str()));
    assert!(
        listed
            .iter()
            .all(|l| l.organization_connection_name.is_none() && l.is_enabled.is_none())
    );
    assert_eq!(c.endpoints(), Endpoints::Old);
    assert_eq!(calls(&s, "new"), 1, "the new endpoint was tried once");

    let one = c.org_connection(&acme, &upa).await.unwrap().unwrap();
    assert_eq!(one.name(), Some("Username-Password-Authentication"));
    assert!(one.settings().is_enabled, "an old association is enabled");

    let (org, db) = ids(&s, 12, "Partners-Database");
    let request = EnableConnection {
        connection_id: db.clone(),
        organization_connection_name: None,
        assign_membership_on_login: Some(true),
        show_as_button: Some(false),
        is_signup_enabled: Some(true),
        // The default level and `is_enabled: true` are what an old association is anyway.
        organization_access_level: Some(AccessLevel::None),
        is_enabled: true,
    };
    let done = c.enable(&org, &request).await.unwrap();
    assert!(!done.already);
    assert_eq!(done.value.settings(), request.effective());
    assert_eq!(done.value.strategy(), Some("auth0"));
    let stored = stored_link(&s, &org, &db).expect("the link was written");
    assert_eq!(stored["assign_membership_on_login"], true);
    assert_eq!(stored["show_as_button"], false);

    let again = c.enable(&org, &request).await.unwrap();
    assert!(again.already, "the 409 was read back on the old endpoint");
    assert_eq!(again.value.settings(), request.effective());

    let update = UpdateConnection {
        show_as_button: Some(true),
        is_enabled: Patch::Set(true),
        ..Default::default()
    };
    let updated = c.update(&org, &db, &update).await.unwrap();
    assert_eq!(updated.value.show_as_button, Some(true));
    assert_eq!(stored_link(&s, &org, &db).unwrap()["show_as_button"], true);

    assert!(!c.remove(&org, &db).await.unwrap().already);
    assert!(stored_link(&s, &org, &db).is_none());
    assert!(c.org_connection(&org, &db).await.unwrap().is_none());
    assert!(
        c.remove(&org, &db).await.unwrap().already,
        "the 404 was read back on the old endpoint"
    );

    assert_eq!(
        calls(&s, "new"),
        1,
        "the client remembered the old endpoints"
    );
    assert_eq!(s.state(Product::Auth0)["writes"][format!("{org}/{db}")], 1);
}

#[tokio::test]
async fn a_field_only_the_new_endpoints_have_is_refused_and_nothing_is_written() {
    let s = legacy_tenant().await;
    let c = client(&s, false);
    let (org, db) = ids(&s, 12, "Partners-Database");
    let mut request = EnableConnection::new(db.clone());
    request.organization_connection_name = Some("Partners".into());
    match c.enable(&org, &request).await {
        Err(err @ ProviderError::UnsupportedByTenant { field, .. }) => {
            assert_eq!(field, "organization_connection_name");
            let message = err.to_string();
            assert!(
                message.contains("does not have the organization connections API"),
                "{message}"
            );
        }
        other => panic!("expected UnsupportedByTenant, got {other:?}"),
    }
    assert!(stored_link(&s, &org, &db).is_none(), "nothing was written");
    assert_eq!(calls(&s, "old"), 0, "nothing was sent to the old endpoint");

    // An existing link keeps its settings when an update asks for a level or for disabling.
    let (acme, upa) = ids(&s, 0, "Username-Password-Authentication");
    let before = stored_link(&s, &acme, &upa).unwrap();
    let level = UpdateConnection {
        show_as_button: Some(false),
        organization_access_level: Patch::Set(AccessLevel::Full),
        ..Default::default()
    };
    assert!(matches!(
        c.update(&acme, &upa, &level).await,
        Err(ProviderError::UnsupportedByTenant {
            field: "organization_access_level",
            ..
        })
    ));
    let disable = UpdateConnection {
        is_enabled: Patch::Set(false),
        ..Default::default()
    };
    assert!(matches!(
        c.update(&acme, &upa, &disable).await,
        Err(ProviderError::UnsupportedByTenant {
            field: "is_enabled",
            ..
        })
    ));
    assert_eq!(stored_link(&s, &acme, &upa).unwrap(), before);
    assert!(
        s.state(Product::Auth0)["org_connection_calls"]
            .get("old:update")
            .is_none(),
        "no PATCH reached the tenant"
    );
}

#[tokio::test]
async fn a_read_only_client_gets_the_missing_scope_and_does_not_fall_back() {
    let s = legacy_tenant().await;
    let ro = client(&s, true);
    let (org, okta) = ids(&s, 13, "Initech-Okta");
    match ro.enable(&org, &EnableConnection::new(okta.clone())).await {
        Err(ProviderError::Api {
            status: 403, body, ..
        }) => {
            assert_eq!(body.code.as_deref(), Some("insufficient_scope"));
            assert!(body.message.contains("create:organization_connections"));
        }
        other => panic!("expected the scope 403, got {other:?}"),
    }
    assert_eq!(
        calls(&s, "old"),
        0,
        "a missing scope is not a missing feature"
    );
    assert_ne!(ro.endpoints(), Endpoints::Old);
    // Reading is within its scopes, and that goes through the old endpoints.
    assert_eq!(ro.org_connections(&org).await.unwrap().len(), 0);
    assert_eq!(ro.endpoints(), Endpoints::Old);
}

#[tokio::test]
async fn a_reply_lost_on_the_old_endpoint_is_settled_by_reading_back() {
    let s = legacy_tenant().await;
    let c = client(&s, false);
    let (org, github) = ids(&s, 14, "github");
    c.org_connections(&org).await.unwrap();
    assert_eq!(c.endpoints(), Endpoints::Old);
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
    assert_eq!(
        s.state(Product::Auth0)["writes"][format!("{org}/{github}")],
        1,
        "the POST was not repeated"
    );
}

#[tokio::test]
async fn a_tenant_that_loses_the_feature_is_followed_to_the_old_endpoints() {
    let s = lanyard_sandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    let c = client(&s, false);
    let (org, github) = ids(&s, 20, "github");
    c.org_connections(&org).await.unwrap();
    assert_eq!(c.endpoints(), Endpoints::New);
    s.auth0.set_legacy_only(true);
    let done = c
        .enable(&org, &EnableConnection::new(github.clone()))
        .await
        .unwrap();
    assert!(!done.already);
    assert_eq!(c.endpoints(), Endpoints::Old);
    assert!(stored_link(&s, &org, &github).is_some());
    let calls = &s.state(Product::Auth0)["org_connection_calls"];
    assert_eq!(
        (calls["new:add"].as_u64(), calls["old:add"].as_u64()),
        (Some(1), Some(1)),
        "the refused POST went once to each generation"
    );
}
