//! HTTPS on request: a CA made at start, written to a file clients trust.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod common;

use common::*;
use lanyard_sandbox::SandboxConfig;
use serde_json::json;

#[tokio::test]
async fn with_tls_the_servers_speak_https_signed_by_the_printed_ca() {
    let s = sandbox_with(SandboxConfig {
        tls: true,
        ..SandboxConfig::default()
    })
    .await;
    assert!(s.auth0_url().starts_with("https://127.0.0.1:"));
    assert!(s.zitadel_url().starts_with("https://") && s.hub_url().starts_with("https://"));
    let ca_path = s.ca_pem_path().unwrap().to_owned();
    let pem = std::fs::read(&ca_path).unwrap();
    let trusting = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .build()
        .unwrap();
    let c = s.credentials();
    let r = trusting
        .post(format!("{}/oauth/token", s.auth0_url()))
        .json(&json!({"grant_type": "client_credentials", "client_id": c.auth0_client_id, "client_secret": c.auth0_client_secret, "audience": s.auth0.audience()}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(s.auth0.audience().starts_with("https://"));
    let r = trusting
        .get(format!("{}/api/rest/usergroups?$top=1", s.hub_url()))
        .bearer_auth(&c.hub_token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = trusting
        .get(format!("{}/admin/v1/policies/login", s.zitadel_url()))
        .bearer_auth(&c.zitadel_pat)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // A client that does not trust the sandbox CA refuses the certificate.
    let strict = reqwest::Client::builder()
        .tls_built_in_root_certs(false)
        .build()
        .unwrap();
    assert!(strict.get(s.hub_url()).send().await.is_err());
    drop(s);
    assert!(!ca_path.exists(), "the CA file goes with the sandbox");
}

#[tokio::test]
async fn without_tls_there_is_no_ca() {
    let s = sandbox().await;
    assert!(s.ca_pem_path().is_none());
    assert!(s.auth0_url().starts_with("http://"));
}
