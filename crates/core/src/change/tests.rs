//! The preview shows the request the profile's client will really send: on an Auth0 tenant
//! without the Early Access endpoints, the `enabled_connections` ones it has learned; under a
//! Hub service URL with a path, that path. Each previewed change is then applied, and the
//! sandbox shows it arrived.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use lanyard_model::auth0::EnableConnection;
use lanyard_model::ids::{AuthModuleId, ConnectionId, OrganizationId, UserGroupId};
use lanyard_model::profile::{AuthMethod, Environment, Product};
use lanyard_model::{Change, HttpMethod, Labels, Profile, TargetState};
use lanyard_sandbox::{Sandbox, SandboxConfig};
use secrecy::SecretString;

use crate::client::Client;

fn profile(product: Product, base_url: String, auth: AuthMethod) -> Profile {
    Profile {
        id: format!("preview-{product:?}"),
        product,
        display_name: format!("{product:?} preview test"),
        base_url,
        auth,
        environment: Environment::Sandbox,
        secret_ref: String::new(),
        builtin: false,
    }
}

fn labels() -> Labels {
    Labels {
        target: "the target".into(),
        item: "the item".into(),
    }
}

/// The first organization and the connection named `name`.
fn auth0_ids(s: &Sandbox, name: &str) -> (OrganizationId, ConnectionId) {
    let world = s.auth0.world.lock().unwrap();
    let con = world.connections.iter().find(|c| c.name == name).unwrap();
    (
        OrganizationId::parse(world.orgs[0].id.clone()).unwrap(),
        ConnectionId::parse(con.id.clone()).unwrap(),
    )
}

#[tokio::test]
async fn on_a_tenant_with_only_the_old_endpoints_the_preview_shows_them() {
    let s = lanyard_sandbox::start(SandboxConfig {
        auth0_legacy_only: true,
        ..Default::default()
    })
    .await
    .unwrap();
    let c = s.credentials();
    let p = profile(
        Product::Auth0,
        s.auth0_url(),
        AuthMethod::Auth0ClientCredentials {
            client_id: c.auth0_client_id.clone(),
        },
    );
    let client = Client::new(&p, SecretString::from(c.auth0_client_secret.clone())).unwrap();
    let (org, con) = auth0_ids(&s, "Partners-Database");
    let mut request = EnableConnection::new(con.clone());
    request.show_as_button = Some(true);
    let enable = Change::Auth0Enable {
        organization_id: org.clone(),
        request: request.clone(),
        strategy: Some("auth0".into()),
        labels: labels(),
    };

    // The read of the target teaches the client the tenant's endpoints before the request is
    // described.
    let plan = super::preview(&client, &crate::Stock::default(), &p, &enable)
        .await
        .unwrap();
    let list = format!("/api/v2/organizations/{}/enabled_connections", org.as_str());
    assert_eq!(plan.request.to_string(), format!("POST {list}"));
    assert_eq!(
        plan.request.body,
        Some(serde_json::json!({"connection_id": con.as_str(), "show_as_button": true}))
    );
    let applied = super::apply(&client, &crate::Stock::default(), &p.id, &enable, true)
        .await
        .unwrap();
    assert!(!applied.already);

    let remove = applied.undo.expect("an enable is undone by a remove");
    let plan = super::preview(&client, &crate::Stock::default(), &p, &remove)
        .await
        .unwrap();
    assert_eq!(
        plan.current,
        TargetState::Auth0Connection {
            settings: Some(request.effective())
        },
        "the enable arrived"
    );
    assert_eq!(
        (
            plan.request.method,
            plan.request.path.as_str(),
            plan.request.body
        ),
        (
            HttpMethod::Delete,
            format!("{list}/{}", con.as_str()).as_str(),
            None
        )
    );
}

#[tokio::test]
async fn under_a_hub_service_url_with_a_path_the_preview_shows_that_path() {
    let s = lanyard_sandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    // A Hub inside YouTrack: the service URL ends in /hub.
    let p = profile(
        Product::Hub,
        format!("{}/hub", s.hub_url()),
        AuthMethod::HubPermanentToken,
    );
    let token = SecretString::from(s.credentials().hub_token.clone());
    let client = Client::new(&p, token).unwrap();
    let module = AuthModuleId::parse("0a6f5b7c-1111-4e2d-9a3b-000000000004").unwrap();
    let group = UserGroupId::parse("6b1d2c3e-0000-4a5b-8c9d-000000000054").unwrap();
    let add = Change::HubAdd {
        module_id: module.clone(),
        group_id: group.clone(),
        labels: labels(),
    };

    let plan = super::preview(&client, &crate::Stock::default(), &p, &add)
        .await
        .unwrap();
    let groups = format!(
        "/hub/api/rest/authmodules/{}/autojoingroups",
        module.as_str()
    );
    assert_eq!(
        plan.request.to_string(),
        format!("POST {groups}?fields=id%2Cname")
    );
    assert_eq!(
        plan.request.body,
        Some(serde_json::json!({"id": group.as_str()}))
    );
    assert_eq!(plan.current, TargetState::HubGroup { auto_join: false });
    super::apply(&client, &crate::Stock::default(), &p.id, &add, true)
        .await
        .unwrap();
    let remove = Change::HubRemove {
        module_id: module,
        group_id: group.clone(),
        labels: labels(),
    };
    let plan = super::preview(&client, &crate::Stock::default(), &p, &remove)
        .await
        .unwrap();
    assert_eq!(
        plan.current,
        TargetState::HubGroup { auto_join: true },
        "the add arrived"
    );
    assert_eq!(
        plan.request.to_string(),
        format!("DELETE {groups}/{}", group.as_str())
    );
}
