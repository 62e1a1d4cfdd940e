//! Every log line of a full run, at the most verbose level, holds no secret and no token.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use std::io::Write;
use std::sync::{Arc, Mutex};

use base64::Engine;

use lanyard_model::auth0::EnableConnection;
use lanyard_model::ids::{ConnectionId, IdpId, OrganizationId};
use lanyard_model::zitadel::{IdpOwnerType, PolicyScope};
use lanyard_providers::HttpOptions;
use lanyard_providers::auth::Credentials;
use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::hub::HubClient;
use lanyard_providers::zitadel::ZitadelClient;
use lanyard_sandbox::{Fault, FaultRule, Product, SandboxConfig};
use secrecy::SecretString;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn no_secret_reaches_a_log_line() {
    let capture = Capture::default();
    let writer = capture.clone();
    tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .try_init()
        .unwrap();

    let s = lanyard_sandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    let c = s.credentials().clone();
    let auth0 = Auth0Client::new(
        &s.auth0_url(),
        &c.auth0_client_id,
        SecretString::from(c.auth0_client_secret.clone()),
        HttpOptions::default(),
    )
    .unwrap();
    let state = s.state(Product::Auth0);
    let org = OrganizationId::parse(state["organizations"][25]["id"].as_str().unwrap()).unwrap();
    let con = ConnectionId::parse(state["connections"][3]["id"].as_str().unwrap()).unwrap();
    auth0
        .enable(&org, &EnableConnection::new(con.clone()))
        .await
        .unwrap();
    s.faults(Product::Auth0).push(
        FaultRule::new(Fault::Status { status: 500 })
            .method("GET")
            .times(1),
    );
    auth0.org_connections(&org).await.unwrap();
    s.auth0.expire_tokens();
    auth0.remove(&org, &con).await.unwrap();
    let bad = Auth0Client::new(
        &s.auth0_url(),
        &c.auth0_client_id,
        SecretString::from("not-the-secret-xyz"),
        HttpOptions::default(),
    )
    .unwrap();
    assert!(bad.test().await.is_err());

    let z = ZitadelClient::new(
        &s.zitadel_url(),
        SecretString::from(c.zitadel_pat.clone()),
        HttpOptions::default(),
    )
    .unwrap();
    z.link(
        &PolicyScope::Instance,
        &IdpId::parse("284019223568203780").unwrap(),
        IdpOwnerType::System,
    )
    .await
    .unwrap();
    let hub = HubClient::new(
        &s.hub_url(),
        Credentials::Bearer(SecretString::from(c.hub_token.clone())),
        HttpOptions::default(),
    )
    .unwrap();
    hub.auth_modules().await.unwrap();
    let service = HubClient::new(
        &s.hub_url(),
        Credentials::HubClientCredentials {
            service_id: c.hub_service_id.clone(),
            service_secret: SecretString::from(c.hub_service_secret.clone()),
            scope: c.hub_service_scope.clone(),
        },
        HttpOptions::default(),
    )
    .unwrap();
    service.auth_modules().await.unwrap();
    s.hub.expire_tokens();
    service.auth_modules().await.unwrap();
    let bad_service = HubClient::new(
        &s.hub_url(),
        Credentials::HubClientCredentials {
            service_id: c.hub_service_id.clone(),
            service_secret: SecretString::from("not-the-service-secret-xyz"),
            scope: c.hub_service_scope.clone(),
        },
        HttpOptions::default(),
    )
    .unwrap();
    assert!(bad_service.test().await.is_err());

    let issued: Vec<String> = lanyard_sandbox_tokens(&s);
    let hub_issued = s.hub.issued_tokens();
    assert_eq!(hub_issued.len(), 2, "a first and a renewed Hub token");
    assert!(!issued.is_empty());
    let log = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("remote_call"), "the run was logged");
    assert!(log.contains("correlation_id"), "with correlation ids");
    let basic = base64::engine::general_purpose::STANDARD
        .encode(format!("{}:{}", c.hub_service_id, c.hub_service_secret));
    let secrets = [
        c.auth0_client_secret.as_str(),
        "not-the-secret-xyz",
        c.zitadel_pat.as_str(),
        c.hub_token.as_str(),
        c.hub_service_secret.as_str(),
        "not-the-service-secret-xyz",
        // What goes over the wire in the Basic header.
        basic.as_str(),
    ];
    for secret in secrets
        .iter()
        .copied()
        .chain(issued.iter().map(String::as_str))
        .chain(hub_issued.iter().map(String::as_str))
    {
        assert!(!log.contains(secret), "a secret reached the log: {secret}");
    }
}

fn lanyard_sandbox_tokens(s: &lanyard_sandbox::Sandbox) -> Vec<String> {
    s.auth0
        .world
        .lock()
        .unwrap()
        .tokens
        .keys()
        .cloned()
        .collect()
}
