//! What a user reads when a host cannot be reached, from real connections: the product and the
//! host once, the root cause in words (connection refused, DNS name not found, TLS certificate
//! not trusted, too slow), what to do, and none of reqwest's chain, the URL or its query.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::time::Duration;

use lanyard_model::error::NetworkCause;
use lanyard_providers::auth::Credentials;
use lanyard_providers::hub::HubClient;
use lanyard_providers::{HttpOptions, ProviderError};
use lanyard_sandbox::SandboxConfig;
use secrecy::SecretString;
use support::{Answer, HUB_TOKEN, Product};

fn hub_at(url: &str, options: HttpOptions) -> HubClient {
    let credentials = Credentials::Bearer(SecretString::from(HUB_TOKEN));
    HubClient::new(url, credentials, options).unwrap()
}

/// The error's text holds `wanted` and none of what reqwest's own words would bring.
fn assert_reads(err: &ProviderError, wanted: &[&str]) -> String {
    let shown = err.to_string();
    for words in wanted {
        assert!(shown.contains(words), "{words:?} missing from: {shown}");
    }
    for noise in [
        "error sending request",
        "client error",
        "http://",
        "https://",
        "/api/rest",
        "?",
        "$top",
        "os error",
    ] {
        assert!(!shown.contains(noise), "{noise:?} in: {shown}");
    }
    // One prefix: the cause is said once.
    assert!(
        shown.matches("could not be reached").count() <= 1,
        "{shown}"
    );
    support::assert_no_secret(err);
    shown
}

#[tokio::test]
async fn a_port_nothing_listens_on_is_connection_refused_with_the_host() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let err = hub_at(&format!("http://127.0.0.1:{port}"), support::quick())
        .auth_modules()
        .await
        .unwrap_err();
    assert!(
        matches!(
            &err,
            ProviderError::Network {
                cause: NetworkCause::ConnectionRefused,
                ..
            }
        ),
        "{err:?}"
    );
    let host = format!("Hub at 127.0.0.1:{port} could not be reached (connection refused)");
    assert_reads(&err, &[&host, "Check the address on the Profiles page"]);
}

#[tokio::test]
async fn a_name_with_no_address_is_dns_name_not_found() {
    // `.invalid` never resolves (RFC 2606), with or without a network.
    let err = hub_at("https://lanyard-test.invalid", support::quick())
        .auth_modules()
        .await
        .unwrap_err();
    assert!(
        matches!(
            &err,
            ProviderError::Network {
                cause: NetworkCause::NameNotFound,
                ..
            }
        ),
        "{err:?}"
    );
    assert_reads(
        &err,
        &[
            "Hub at lanyard-test.invalid could not be reached (DNS name not found)",
            "for a typo",
        ],
    );
}

#[tokio::test]
async fn a_certificate_this_computer_does_not_trust_is_said_so() {
    let sandbox = lanyard_sandbox::start(SandboxConfig {
        tls: true,
        ..Default::default()
    })
    .await
    .unwrap();
    // No extra root: the sandbox's own CA is not one this computer trusts.
    let err = hub_at(&sandbox.hub_url(), support::quick())
        .auth_modules()
        .await
        .unwrap_err();
    assert!(
        matches!(
            &err,
            ProviderError::Network {
                cause: NetworkCause::CertificateNotTrusted,
                ..
            }
        ),
        "{err:?}"
    );
    let port = url::Url::parse(&sandbox.hub_url()).unwrap().port().unwrap();
    let host =
        format!("Hub at 127.0.0.1:{port} could not be reached (TLS certificate not trusted)");
    assert_reads(&err, &[&host, "root certificate"]);
    sandbox.shutdown();
}

#[tokio::test]
async fn a_host_that_keeps_quiet_is_too_slow_with_the_host_and_when_to_try_again() {
    let server = support::serve(Product::Hub, |_| Some(Answer::Hang)).await;
    let options = HttpOptions {
        timeout: Duration::from_millis(300),
        deadline: Duration::from_millis(900),
        ..support::quick()
    };
    let err = support::hub(&server, options)
        .auth_modules()
        .await
        .unwrap_err();
    assert!(matches!(&err, ProviderError::Timeout { .. }), "{err:?}");
    let port = url::Url::parse(&server.url).unwrap().port().unwrap();
    let host = format!("Hub at 127.0.0.1:{port} was too slow");
    assert_reads(&err, &[&host, "Try again in a moment"]);
}
