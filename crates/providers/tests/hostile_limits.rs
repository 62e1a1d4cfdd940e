//! Limits that hold whatever a server does: one operation gives up at its deadline, saying which
//! host was too slow; a rate-limit wait that would pass the deadline fails at once and sends
//! nothing; a server's 5 MB error message reaches the user cut to about a kilobyte.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lanyard_model::zitadel::PolicyScope;
use lanyard_providers::{HttpOptions, ProviderError};
use support::{
    AUTH0_LIST, Answer, HUB_GROUPS, Product, Seen, Server, ZITADEL_LINKED, assert_no_secret,
};

fn options() -> HttpOptions {
    HttpOptions {
        deadline: Duration::from_millis(2_500),
        ..support::quick()
    }
}

/// The method and path of the product's list.
fn list(product: Product) -> (&'static str, &'static str) {
    match product {
        Product::Auth0 => ("GET", AUTH0_LIST),
        Product::Zitadel => ("POST", ZITADEL_LINKED),
        Product::Hub => ("GET", HUB_GROUPS),
    }
}

/// A server that answers the product's list with `answer`.
async fn serving(
    product: Product,
    answer: impl Fn(&Seen) -> Answer + Send + Sync + 'static,
) -> Server {
    let (method, path) = list(product);
    support::serve(product, move |s| s.is(method, path).then(|| answer(s))).await
}

/// Reads the product's list once.
async fn read(product: Product, server: &Server) -> Result<usize, ProviderError> {
    match product {
        Product::Auth0 => {
            let c = support::auth0(server, options());
            c.org_connections(&support::org()).await.map(|l| l.len())
        }
        Product::Zitadel => {
            let c = support::zitadel(server, options());
            c.linked_idps(&PolicyScope::Instance).await.map(|l| l.len())
        }
        Product::Hub => {
            let c = support::hub(server, options());
            c.auto_join_groups(&support::module())
                .await
                .map(|l| l.len())
        }
    }
}

#[tokio::test]
async fn a_server_that_drips_its_reply_ends_in_a_timeout_that_names_the_host() {
    let runs = support::PRODUCTS.map(|product| async move {
        let server = serving(product, |_| Answer::slow(200, &" ".repeat(10_000))).await;
        (product, read(product, &server).await, server)
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
                assert_no_secret(&err);
            }
            other => panic!("{product:?}: expected the timeout error, got {other:?}"),
        }
        let (method, path) = list(product);
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
    for product in support::PRODUCTS {
        let server = serving(product, |_| Answer::Hang).await;
        let result = read(product, &server).await;
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
    let server = serving(Product::Auth0, |_| {
        Answer::json(200, r#"{"connections":[],"total":0}"#)
            .with("x-ratelimit-limit", "10")
            .with("x-ratelimit-remaining", "0")
            .with("x-ratelimit-reset", &epoch_in(50))
    })
    .await;
    let c = support::auth0(&server, options());
    let org = support::org();
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
    for product in support::PRODUCTS {
        let server = serving(product, |_| Answer::Reply {
            status: 429,
            headers: vec![("retry-after".into(), "30".into())],
            body: b"{}".to_vec(),
        })
        .await;
        match read(product, &server).await {
            Err(ProviderError::RateLimited {
                attempts: 1,
                retry_after,
                ..
            }) => {
                assert_eq!(retry_after, Some(Duration::from_secs(30)), "{product:?}")
            }
            other => panic!("{product:?}: {other:?}"),
        }
        let (method, path) = list(product);
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
        let server = serving(product, move |_| Answer::json(400, body.clone())).await;
        match read(product, &server).await {
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
