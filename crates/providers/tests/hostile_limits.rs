//! Limits that hold whatever a server does: one operation gives up at its deadline, saying which
//! host was too slow; a rate-limit wait that would pass the deadline fails at once and sends
//! nothing; a server's 5 MB error message reaches the user cut to about a kilobyte.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod hostile_server;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hostile_server::{
    AUTH0_SECRET, AUTH0_TOKEN, Answer, HUB_TOKEN, Seen, Server, ZITADEL_PAT, assert_no_secret,
};
use lanyard_model::ids::{AuthModuleId, OrganizationId};
use lanyard_model::zitadel::PolicyScope;
use lanyard_providers::auth::Credentials;
use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::hub::HubClient;
use lanyard_providers::zitadel::ZitadelClient;
use lanyard_providers::{HttpOptions, ProviderError};
use secrecy::SecretString;

const AUTH0_LIST: &str = "/api/v2/organizations/org_1/connections";
const ZITADEL_LIST: &str = "/admin/v1/policies/login/idps/_search";
const HUB_LIST: &str = "/api/rest/authmodules/m1/autojoingroups";

fn options() -> HttpOptions {
    HttpOptions {
        backoff_base: Duration::from_millis(5),
        backoff_cap: Duration::from_millis(20),
        timeout: Duration::from_secs(1),
        deadline: Duration::from_millis(2_500),
        ..HttpOptions::default()
    }
}

#[derive(Debug, Clone, Copy)]
enum Product {
    Auth0,
    Zitadel,
    Hub,
}

impl Product {
    const ALL: [Product; 3] = [Product::Auth0, Product::Zitadel, Product::Hub];

    fn list(self) -> (&'static str, &'static str) {
        match self {
            Product::Auth0 => ("GET", AUTH0_LIST),
            Product::Zitadel => ("POST", ZITADEL_LIST),
            Product::Hub => ("GET", HUB_LIST),
        }
    }

    /// A server that answers the product's list with `answer` (and Auth0's token endpoint).
    async fn serving(self, answer: impl Fn(&Seen) -> Answer + Send + Sync + 'static) -> Server {
        let (method, path) = self.list();
        Server::start(move |s| {
            if s.is("POST", "/oauth/token") {
                return Answer::json(200, format!(r#"{{"access_token":"{AUTH0_TOKEN}"}}"#));
            }
            if s.is(method, path) {
                return answer(s);
            }
            Answer::json(500, r#"{"message":"not scripted"}"#)
        })
        .await
    }

    /// Reads the product's list once.
    async fn read(self, server: &Server) -> Result<usize, ProviderError> {
        let url = &server.url;
        match self {
            Product::Auth0 => {
                let c = Auth0Client::new(url, "m2m", SecretString::from(AUTH0_SECRET), options())
                    .unwrap();
                let org = OrganizationId::parse("org_1").unwrap();
                c.org_connections(&org).await.map(|l| l.len())
            }
            Product::Zitadel => {
                let c =
                    ZitadelClient::new(url, SecretString::from(ZITADEL_PAT), options()).unwrap();
                c.linked_idps(&PolicyScope::Instance).await.map(|l| l.len())
            }
            Product::Hub => {
                let credentials = Credentials::Bearer(SecretString::from(HUB_TOKEN));
                let c = HubClient::new(url, credentials, options()).unwrap();
                let module = AuthModuleId::parse("m1").unwrap();
                c.auto_join_groups(&module).await.map(|l| l.len())
            }
        }
    }
}

#[tokio::test]
async fn a_server_that_drips_its_reply_ends_in_a_timeout_that_names_the_host() {
    let runs = Product::ALL.map(|product| async move {
        let server = product
            .serving(|_| Answer::slow(200, &" ".repeat(10_000)))
            .await;
        (product, product.read(&server).await, server)
    });
    for (product, result, server) in futures::future::join_all(runs).await {
        match result {
            Err(err @ ProviderError::Timeout { .. }) => {
                let shown = err.to_string();
                assert!(
                    shown.contains("127.0.0.1")
                        && shown.contains("too slow")
                        && shown.contains("Try again"),
                    "{product:?}: {shown}"
                );
                assert_no_secret(&err, &shown);
            }
            other => panic!("{product:?}: expected the timeout error, got {other:?}"),
        }
        let (method, path) = product.list();
        // Each try of a second was cut by the deadline, not taken four times over.
        assert!(
            server.count(method, path) <= 3,
            "{product:?}: {}",
            server.count(method, path)
        );
    }
}

#[tokio::test]
async fn a_server_that_never_answers_ends_in_the_timeout_error() {
    for product in Product::ALL {
        let server = product.serving(|_| Answer::Hang).await;
        let result = product.read(&server).await;
        assert!(
            matches!(result, Err(ProviderError::Timeout { .. })),
            "{product:?}: {result:?}"
        );
    }
}

fn epoch_in(secs: u64) -> String {
    (SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + secs)
        .to_string()
}

#[tokio::test]
async fn a_rate_limit_wait_past_the_deadline_fails_at_once_and_sends_nothing() {
    // The bucket is empty and refills in 50 s: the next call cannot be sent in time.
    let server = Product::Auth0
        .serving(|_| Answer::Reply {
            status: 200,
            headers: vec![
                ("content-type".into(), "application/json".into()),
                ("x-ratelimit-limit".into(), "10".into()),
                ("x-ratelimit-remaining".into(), "0".into()),
                ("x-ratelimit-reset".into(), epoch_in(50)),
            ],
            body: br#"{"connections":[],"total":0}"#.to_vec(),
        })
        .await;
    let c = Auth0Client::new(
        &server.url,
        "m2m",
        SecretString::from(AUTH0_SECRET),
        options(),
    )
    .unwrap();
    let org = OrganizationId::parse("org_1").unwrap();
    assert_eq!(c.org_connections(&org).await.unwrap().len(), 0);
    match c.org_connections(&org).await {
        Err(err @ ProviderError::RateLimited { attempts: 0, .. }) => {
            assert!(err.to_string().contains("nothing was sent"), "{err}");
        }
        other => panic!("expected the pacing error, got {other:?}"),
    }
    assert_eq!(
        server.count("GET", AUTH0_LIST),
        1,
        "the second call was not sent"
    );

    // A 429 that asks for longer than the deadline leaves is not waited out.
    for product in Product::ALL {
        let server = product
            .serving(|_| Answer::Reply {
                status: 429,
                headers: vec![("retry-after".into(), "30".into())],
                body: b"{}".to_vec(),
            })
            .await;
        match product.read(&server).await {
            Err(ProviderError::RateLimited {
                attempts: 1,
                retry_after,
                ..
            }) => {
                assert_eq!(retry_after, Some(Duration::from_secs(30)), "{product:?}")
            }
            other => panic!("{product:?}: {other:?}"),
        }
        let (method, path) = product.list();
        assert_eq!(server.count(method, path), 1, "{product:?}");
    }
}

#[tokio::test]
async fn every_products_five_megabyte_error_message_is_cut() {
    let huge = "y".repeat(5 * 1024 * 1024);
    let bodies = [
        (
            Product::Auth0,
            format!(r#"{{"statusCode":400,"error":"Bad Request","message":"{huge}"}}"#),
        ),
        (
            Product::Zitadel,
            format!(
                r#"{{"code":3,"message":"{huge}","details":[{{"id":"{}"}}]}}"#,
                "i".repeat(2 * 1024 * 1024)
            ),
        ),
        (
            Product::Hub,
            format!(r#"{{"error":"bad_request","error_description":"{huge}"}}"#),
        ),
    ];
    for (product, body) in bodies {
        let server = product
            .serving(move |_| Answer::json(400, body.clone()))
            .await;
        match product.read(&server).await {
            Err(err @ ProviderError::Api { status: 400, .. }) => {
                let (shown, debug) = (err.to_string(), format!("{err:?}"));
                assert!(
                    shown.len() < 1_300,
                    "{product:?}: {} bytes shown",
                    shown.len()
                );
                assert!(
                    debug.len() < 2_600,
                    "{product:?}: {} bytes kept",
                    debug.len()
                );
                assert!(shown.contains("[cut: "), "{product:?}: {shown}");
            }
            other => panic!("{product:?}: {other:?}"),
        }
    }
}
