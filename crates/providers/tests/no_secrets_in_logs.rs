//! Every log line of a full run, at the most verbose level, holds no secret and no token: the
//! sandbox's happy and faulty paths, and a hostile server's error paths (pages and messages that
//! echo the token or the client secret, broken writes read back, redirects, huge messages).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

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

    hostile_error_paths().await;

    let issued: Vec<String> = lanyard_sandbox_tokens(&s);
    let hub_issued = s.hub.issued_tokens();
    assert_eq!(hub_issued.len(), 2, "a first and a renewed Hub token");
    assert!(!issued.is_empty());
    let log = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("remote_call"), "the run was logged");
    assert!(log.contains("correlation_id"), "with correlation ids");
    assert!(
        log.contains("[redacted]") && log.contains("[cut: "),
        "the hostile server's echoes and huge messages were logged, scrubbed and cut"
    );
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
        .chain(support::SECRETS)
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

/// The error paths of all three clients against a server that echoes each client's own token
/// and secret back.
async fn hostile_error_paths() {
    use support::{AUTH0_SECRET, AUTH0_TOKEN, Answer, HUB_TOKEN, Server, ZITADEL_PAT};
    let server = Server::start(move |s| {
        // What this client sent, or could have: its token, and Auth0's client secret.
        let known = if s.path.starts_with("/api/v2") || s.path == "/oauth/token" {
            format!("{AUTH0_TOKEN} client_secret={AUTH0_SECRET}")
        } else if s.path.starts_with("/admin") {
            ZITADEL_PAT.to_owned()
        } else {
            HUB_TOKEN.to_owned()
        };
        let echo = format!("<html><pre>Authorization: Bearer {known}</pre></html>");
        let message = format!("{} {known}", "m".repeat(2_000_000));
        let html = |status| Answer::typed(status, "text/html", echo.clone());
        match (s.method.as_str(), s.path.as_str()) {
            ("POST", "/oauth/token") if s.nth == 0 => Answer::json(
                401,
                format!(r#"{{"error":"invalid_client","error_description":"{message}"}}"#),
            ),
            ("POST", "/oauth/token") => {
                Answer::json(200, format!(r#"{{"access_token":"{AUTH0_TOKEN}"}}"#))
            }
            ("GET", p) if p.ends_with("/connections") => html(502),
            ("POST", p) if p.ends_with("/connections") => html(201),
            ("GET", p) if p.ends_with("/con_1") => html(200),
            ("POST", "/admin/v1/policies/login/idps") => Answer::redirect(303, "/elsewhere"),
            ("POST", p) if p.ends_with("_search") => Answer::json(
                401,
                format!(r#"{{"code":16,"message":"{message}","details":[]}}"#),
            ),
            ("GET", p) if p.ends_with("/autojoingroups") && s.nth == 0 => {
                Answer::json(200, r#"{"total":0,"autojoingroups":[]}"#)
            }
            ("GET", _) => Answer::json(200, format!(r#"{{"unexpected":"{known}"}}"#)),
            _ => Answer::truncated(200, &echo),
        }
    })
    .await;
    let options = HttpOptions {
        backoff_base: std::time::Duration::from_millis(5),
        backoff_cap: std::time::Duration::from_millis(10),
        ..HttpOptions::default()
    };
    let auth0 = support::auth0(&server, options.clone());
    let (org, con) = (support::org(), support::con());
    assert!(auth0.test().await.is_err(), "the token endpoint refused");
    assert!(auth0.org_connections(&org).await.is_err());
    assert!(
        auth0
            .enable(&org, &EnableConnection::new(con))
            .await
            .is_err()
    );
    let z = support::zitadel(&server, options.clone());
    let linked = z
        .link(
            &PolicyScope::Instance,
            &support::idp(),
            IdpOwnerType::System,
        )
        .await;
    assert!(linked.is_err());
    let hub = support::hub(&server, options);
    let (module, group) = (support::module(), support::group());
    assert!(hub.add_auto_join_group(&module, &group).await.is_err());
    assert!(hub.auth_modules().await.is_err());
}
